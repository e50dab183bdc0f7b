//! Throughput of the anonymiser on realistic notes (no criterion: a plain timing loop).
//! Prints characters per second and milliseconds per 2,000-character note. The goal in
//! issue 4 is at least 1 million characters per second natively.
//!
//! Run: `cargo bench --bench anonymise`

use anchorpoint::core::anonymise::{Anonymiser, GAZETTEER_BYTES};
use std::hint::black_box;
use std::time::Instant;

const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor today (NHS 999 123 4567); she scored PHQ-9 of 14 and wants to try the walking group. ",
    "Rang Keisha on 07700 900123 after hours, which I know stretches the boundary. ",
    "Lives at 14 Acacia Road, Oxford OX4 3AB with her partner, on the Blackbird Leys estate. ",
    "DOB 03/03/1961, a man aged 47 who has not left the house since his wife died in March 2024. ",
    "Priya Sharma's son Tendai came with her and did most of the talking about Universal Credit. ",
    "WEMWBS 42/70 today, up from 38; session in Room 3 at 2pm, paid £120 towards the gas. ",
    "Nothing to fix, I listened. The waiting list is months, so we keep in touch every fortnight. ",
    "Email from tom.reece@example.com asking about the men's shed; will see Will again on Monday. ",
    "I decided to go with her to the group myself, which felt like a judgement call worth taking to supervision. ",
];

/// A note of about `chars` characters built from the sentences above.
fn note(chars: usize, offset: usize) -> String {
    let mut s = String::new();
    let mut i = offset;
    while s.chars().count() < chars {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    s
}

fn main() {
    let names = ["Joy Okafor", "Keisha Brown", "Tom Reece"];
    let notes: Vec<String> = (0..SENTENCES.len()).map(|i| note(2_000, i)).collect();
    let chars_per_round: usize = notes.iter().map(|n| n.chars().count()).sum();

    // Warm up.
    let mut a = Anonymiser::new(&names);
    for n in &notes {
        black_box(a.anonymise(black_box(n)));
    }

    let rounds = 200;
    let mut best = f64::INFINITY;
    let mut total_secs = 0.0;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..rounds {
            let mut a = Anonymiser::new(&names);
            for n in &notes {
                black_box(a.anonymise(black_box(n)));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        total_secs += secs;
        best = best.min(secs);
    }
    let chars = (chars_per_round * rounds) as f64;
    let notes_done = (notes.len() * rounds) as f64;
    println!(
        "anonymise: {} notes of ~2,000 chars per round, {rounds} rounds x 5 runs",
        notes.len()
    );
    println!(
        "anonymise: best run {:.2} M chars/s, mean {:.2} M chars/s",
        chars / best / 1e6,
        chars * 5.0 / total_secs / 1e6
    );
    println!(
        "anonymise: {:.3} ms per 2,000-char note (best run)",
        best / notes_done * 1e3
    );
    println!(
        "anonymise: embedded word lists {} bytes before compression",
        GAZETTEER_BYTES
    );
}
