//! Identifier nudges, natively: what one scan costs over a 5,000-character reflection
//! (the editor scans after a pause in typing, never on the key itself), with 3 and with
//! 2,000 private names, what building the nudger costs, and the bad inputs of issue 13
//! (50,000 digits, an all-capitals reflection, a thousand email-like tokens, right-to-left
//! and combining characters, 2,000 overlapping names), each of which must finish
//! promptly. Prints medians; a plain `Instant` loop as in the other benches.
//!
//! Run: `cargo bench --bench nudge`

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::anonymise::nudge::Nudger;

const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor today (NHS 999 123 4560); she wants to try the walking group. ",
    "Rang Keisha on 07700 900123 after hours, which I know stretches the boundary. ",
    "Lives at 14 Acacia Road, Oxford OX4 3AB with her partner. ",
    "Kwame said the waiting list is months, so we keep in touch every fortnight. ",
    "Nothing to fix, I listened. I decided to go with her to the group myself. ",
    "The GP asked me to sort out a housing letter again, and I said I would signpost instead. ",
];

fn reflection(chars: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.chars().count() < chars {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    s
}

fn median(samples: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut v: Vec<Duration> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(v[v.len() / 2]), ms(v[v.len() - 1]))
}

/// 2,000 names that overlap: shared forenames and surnames, and names inside names.
fn overlapping_names() -> Vec<String> {
    let first = [
        "Joy", "Ada", "Bram", "Kwame", "Zdenka", "Mei", "Aisha", "Siobhan",
    ];
    let last = [
        "Okafor", "Quill", "Tilling", "Mensah", "Novak", "Chen", "Khan", "Byrne",
    ];
    (0..2_000)
        .map(|i| match i % 4 {
            0 => format!("{} {}", first[i % 8], last[(i / 8) % 8]),
            1 => format!("{} {}{}", first[i % 8], last[(i / 8) % 8], i),
            2 => format!(
                "{} {}-{}",
                first[(i / 3) % 8],
                last[i % 8],
                last[(i / 5) % 8]
            ),
            _ => format!("{}{}", first[i % 8], i),
        })
        .collect()
}

fn main() {
    let text = reflection(5_000);
    let few = Nudger::new(&["Joy Okafor", "Keisha Brown", "Tom Reece"], &["Blue"]);
    let names = overlapping_names();
    let many = Nudger::new(&names, &["Blue"]);
    let found = few.find(&text).len();
    println!("nudge: 5,000-character reflection, {found} nudges");
    let (m, w) = median(41, || {
        black_box(few.find(black_box(&text)));
    });
    println!("nudge: one scan, 3 private names: {m:.2} ms median, {w:.2} ms worst");
    let (m, w) = median(41, || {
        black_box(many.find(black_box(&text)));
    });
    println!("nudge: one scan, 2,000 private names: {m:.2} ms median, {w:.2} ms worst");
    let (m, w) = median(11, || {
        black_box(Nudger::new(black_box(&names), &["Blue"]));
    });
    println!("nudge: building the nudger with 2,000 names: {m:.2} ms median, {w:.2} ms worst");

    let digits = "1234567890".repeat(5_000);
    let capitals = text.to_uppercase();
    let emails: String = (0..1_000)
        .map(|i| format!("worker{i}@example{i}.org "))
        .collect();
    let rtl_combining: String = (0..500)
        .map(|i| {
            format!(
                "مرحبا שלום e\u{301}\u{302}\u{303} Zo\u{308}e{i} \u{202e}07700 900{:03}\u{202c} ",
                i % 1000
            )
        })
        .collect();
    for (name, input, nudger) in [
        ("50,000 digits", &digits, &few),
        ("all capitals, 5,000 characters", &capitals, &few),
        ("1,000 email-like tokens", &emails, &few),
        (
            "right-to-left and combining characters",
            &rtl_combining,
            &few,
        ),
        ("5,000 characters, 2,000 overlapping names", &text, &many),
    ] {
        let n = nudger.find(input).len();
        let (m, w) = median(11, || {
            black_box(nudger.find(black_box(input)));
        });
        println!(
            "nudge: bad input, {name} ({} chars, {n} nudges): {m:.2} ms median, {w:.2} ms worst",
            input.chars().count()
        );
    }
}
