//! Cue detection benchmark. The budget is 1 ms for a 2,000-character entry,
//! natively; this prints the median time per entry for three kinds of text (an ordinary
//! entry with a few cues, one dense with cues, and one with none) and entries per
//! second. A plain `Instant` loop rather than criterion keeps the dev-dependencies
//! small; run it with `cargo bench --bench cues`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::cues::detect_cues;

const ENTRY_CHARS: usize = 2_000;
const SAMPLES: usize = 301;
const RUNS_PER_SAMPLE: usize = 20;

/// Repeats `seed` and cuts it to exactly `chars` characters (on a character boundary).
fn entry_of(seed: &str, chars: usize) -> String {
    seed.chars().cycle().take(chars).collect()
}

/// The median time for one call, over `SAMPLES` samples of `RUNS_PER_SAMPLE` calls.
fn median_per_entry(text: &str) -> (Duration, usize) {
    let mut cues = 0;
    for _ in 0..200 {
        cues = black_box(detect_cues(black_box(text))).len();
    }
    let mut samples: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..RUNS_PER_SAMPLE {
                black_box(detect_cues(black_box(text)));
            }
            started.elapsed() / RUNS_PER_SAMPLE as u32
        })
        .collect();
    samples.sort();
    (samples[SAMPLES / 2], cues)
}

fn main() {
    let ordinary = entry_of(
        "Second session with Person A at the community café. We talked about the garden, \
         her granddaughter's visit and the weather, and then about the debt; it was the \
         first time she mentioned it. I decided to ring my contact at the advice centre \
         directly rather than send the form. The waiting list for counselling is still \
         months long, so we agreed to keep in touch every fortnight. She seemed more \
         relaxed by the end. Wrote up my notes, checked the referral inbox and updated \
         the spreadsheet for the practice meeting on Thursday. Felt tired but okay. ",
        ENTRY_CHARS,
    );
    let dense = entry_of(
        "I decided to go with them. Stayed late. She opened up. Nowhere to refer. Not \
         ready. Exhausted. Safeguarding concern raised. Booked it themselves. Just \
         listened. Waiting for housing. Caseload is huge. No one to debrief with. ",
        ENTRY_CHARS,
    );
    let none = entry_of(
        "Saw a new referral this morning and talked through the options for the group \
         on Tuesday at the library, then updated the spreadsheet and sent the rota to \
         the team. The weather was bright and the room was warm and quiet today. ",
        ENTRY_CHARS,
    );

    println!("cue detection, {ENTRY_CHARS}-character entries, median of {SAMPLES} samples × {RUNS_PER_SAMPLE} runs");
    for (name, text) in [
        ("ordinary", &ordinary),
        ("dense", &dense),
        ("no cues", &none),
    ] {
        let (median, cues) = median_per_entry(text);
        let per_second = if median.is_zero() {
            f64::INFINITY
        } else {
            1.0 / median.as_secs_f64()
        };
        println!(
            "{name:>9}: {:>7.1} µs per entry, {:>9.0} entries/s, {cues} cues (budget 1,000 µs)",
            median.as_secs_f64() * 1e6,
            per_second
        );
    }
}
