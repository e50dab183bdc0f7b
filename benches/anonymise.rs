//! Throughput of the anonymiser on realistic notes (no criterion: a plain timing loop).
//! Prints characters per second and milliseconds per 2,000-character note. The goal in
//! issue 4 is at least 1 million characters per second natively.
//!
//! Then the bad input of issue 13 (50,000 digits, an all-capitals reflection, a thousand
//! email-like tokens, right-to-left and combining characters, a 2,000-entry list of
//! overlapping names): milliseconds per run, median of several, so a freeze shows as a
//! figure rather than a failing test.
//!
//! Run: `cargo bench --bench anonymise`

use anchorpoint::core::anonymise::{anonymise, find_phrase, Anonymiser, GAZETTEER_BYTES};
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
    bad_input();
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn bad_input() {
    let none: [&str; 0] = [];
    let digits: String = (0..50_000)
        .map(|i| char::from(b'0' + (i % 10) as u8))
        .collect();
    let caps = "SAW ABDULLAHI TODAY AT THE HUB. HE IS 47 AND LIVES AT 14 ACACIA ROAD OX4 3AB. \
                NHS 999 000 1006, MOBILE 07700 900123. WE TALKED ABOUT THE DEBT AND THE \
                WAITING LIST, AND I WILL FOLLOW UP WITH THE COUNCIL NEXT WEEK. "
        .repeat(25);
    let emails: String = (0..1000)
        .map(|i| format!("user{i}.name@example{}.org; ", i % 7))
        .collect();
    let rtl = "\u{202E}Saw Kwame \u{202C} \u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} rang \
               07700 900123 \u{05E9}\u{05DC}\u{05D5}\u{05DD} Zo\u{0308}e\u{0301} Jose\u{0301} \
               a\u{0300}\u{0300}\u{0300} "
        .repeat(50);
    let first = [
        "Ann", "Mary", "Lee", "Jo", "Kwame", "Siobhan", "Priya", "Tomasz",
    ];
    let last = [
        "Lee", "Smith", "Okafor", "Ann", "Patel", "Nowak", "Mensah", "Byrne",
    ];
    let names: Vec<String> = (0..2000)
        .map(|k| {
            let (f, l) = (first[k % 8], last[(k / 8) % 8]);
            if k < 64 {
                format!("{f} {l}")
            } else {
                format!("{f} {l}-{k}")
            }
        })
        .collect();
    let note = note(2_000, 0);
    let rows: [(&str, usize, f64); 6] = [
        (
            "50,000 digits",
            digits.len(),
            median_ms(5, || {
                black_box(anonymise(black_box(&digits), &none));
            }),
        ),
        (
            "all-capitals reflection",
            caps.len(),
            median_ms(5, || {
                black_box(anonymise(black_box(&caps), &none));
            }),
        ),
        (
            "1,000 email-like tokens",
            emails.len(),
            median_ms(5, || {
                black_box(anonymise(black_box(&emails), &none));
            }),
        ),
        (
            "right-to-left and combining",
            rtl.len(),
            median_ms(5, || {
                black_box(anonymise(black_box(&rtl), &none));
            }),
        ),
        (
            "2,000-name list: prepare + 2,000-char note",
            note.len(),
            median_ms(5, || {
                black_box(Anonymiser::new(&names).anonymise(black_box(&note)));
            }),
        ),
        (
            "2,000-name list: one phrase to redact",
            note.len(),
            median_ms(5, || {
                black_box(Anonymiser::new(&names));
                black_box(find_phrase(black_box(&note), "walking group"));
            }),
        ),
    ];
    for (what, bytes, ms) in rows {
        println!("bad input: {what} ({bytes} bytes): {ms:.2} ms (median of 5)");
    }
}
