//! Storage v4 benchmark, natively against the in-memory backend (which counts its quota
//! in UTF-16 code units, as Chromium does). It prints:
//! - the save cost of one new reflection, and of one edit, with 10 stored against 5,000
//!   stored, and their ratio (the goal: at most 1.2);
//! - the load of 0, 5,000 and 10,000 compact reflections;
//! - the stored size of one reflection of 1,000 characters of varied prose with three
//!   tags, plain JSON against the compact frame, and how many fit in Chromium's 5,242,880
//!   code units at that size.
//!
//! Reflections come from a fixed generator, so every run sees the same journal. The
//! browser's own figure for what fits is the browser test
//! `at_least_ten_thousand_reflections_fit_in_local_storage`.
//! Run it with `cargo bench --bench storage`.
//!
//! Timings on a shared machine wander (an edit has measured faster with 5,000 stored
//! than with 10). Instruction counts do not: `STORAGE_BENCH_SAVES=10` and `=5000` run
//! only the saves, and callgrind counts just them, for example
//! `valgrind --tool=callgrind --toggle-collect='*measured_new*' <bench binary>`.

use std::hint::black_box;
use std::time::Instant;

use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId};
use anchorpoint::core::record::encode_entry;
use anchorpoint::storage::{Batch, MemoryBackend, Namespace, Store};
use chrono::{NaiveDate, TimeZone, Utc};

const SENTENCES: [&str; 12] = [
    "We met at the library again because she still finds the surgery too busy.",
    "He told me the letter from the council had upset him more than he expected.",
    "I offered a fourth session, which is more than the service usually allows.",
    "The waiting list for counselling is still months long, so we agreed to keep in touch.",
    "She booked onto the walking group herself, which felt like a real step forward.",
    "I rang my contact at the food bank directly instead of sending the referral form.",
    "Nothing needed fixing today; I listened while he talked about his brother.",
    "The practice manager asked me to chase a prescription, which is outside my remit.",
    "I answered a message after hours and I want to think about why I did that.",
    "It was the first time he mentioned the debt, and he seemed relieved afterwards.",
    "There is no community provision for carers in this area, so I am holding her for now.",
    "Housing said they would call back within five working days, which is what they said last month.",
];

fn prose(n: u64) -> String {
    let mut state = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut out = String::new();
    while out.len() < 1000 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(SENTENCES[((state >> 33) % SENTENCES.len() as u64) as usize]);
        out.push(' ');
    }
    out.truncate(1000);
    out
}

fn entry(n: u64) -> Entry {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Entry {
        id: EntryId::parse(&format!("emx{n:05}-{:x}", n * 7919 % 4096)).unwrap(),
        written_at: at,
        updated_at: at,
        about: NaiveDate::from_ymd_opt(2026, 11, 1 + (n % 28) as u32).unwrap(),
        sections: vec![Section::free(prose(n))],
        tags: ["md-patient", "holding-waiting", "boundary-stretched"]
            .map(|t| TagId::parse(t).unwrap())
            .to_vec(),
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

fn store_with(n: u64) -> Store<MemoryBackend> {
    let mut store = Store::new(MemoryBackend::new());
    let ns = Namespace::JOURNAL;
    let mut batch = Batch::new();
    for i in 0..n {
        batch = batch.entry(&ns, &entry(i));
    }
    store.commit(batch).unwrap();
    store.load().unwrap();
    store
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median microseconds to save `rounds` new reflections, then to edit one.
fn save_costs(stored: u64) -> (f64, f64) {
    let mut store = store_with(stored);
    measured_saves(&mut store, stored)
}

/// The saves alone, never inlined, so callgrind can count just them
/// (`--toggle-collect='*measured_saves*'`).
#[inline(never)]
fn measured_saves(store: &mut Store<MemoryBackend>, stored: u64) -> (f64, f64) {
    (measured_new(store), measured_edits(store, stored))
}

#[inline(never)]
fn measured_new(store: &mut Store<MemoryBackend>) -> f64 {
    let mut new = Vec::new();
    for i in 0..41 {
        let e = entry(1_000_000 + i);
        let t = Instant::now();
        store.save_entry(black_box(&e)).unwrap();
        new.push(t.elapsed().as_secs_f64() * 1e6);
    }
    median(new)
}

#[inline(never)]
fn measured_edits(store: &mut Store<MemoryBackend>, stored: u64) -> f64 {
    let mut edits = Vec::new();
    for i in 0..41 {
        let mut e = entry(i % stored.max(1));
        e.sections = vec![Section::free(prose(5_000 + i))];
        let t = Instant::now();
        store.save_entry(black_box(&e)).unwrap();
        edits.push(t.elapsed().as_secs_f64() * 1e6);
    }
    median(edits)
}

fn main() {
    // `STORAGE_BENCH_SAVES=<stored>`: only the saves with that many stored, for counting
    // instructions under `valgrind --tool=callgrind --toggle-collect='*measured_saves*'`,
    // which a shared, noisy machine cannot disturb.
    if let Ok(stored) = std::env::var("STORAGE_BENCH_SAVES") {
        let stored = stored.parse().expect("a number of reflections");
        let (new, edit) = save_costs(stored);
        println!("{stored} stored: new {new:.0} µs, edit {edit:.0} µs");
        return;
    }
    let (new_small, edit_small) = save_costs(10);
    let (new_large, edit_large) = save_costs(5_000);
    println!("save a new reflection: 10 stored {new_small:.0} µs, 5,000 stored {new_large:.0} µs, ratio {:.2}", new_large / new_small);
    println!("save an edit:          10 stored {edit_small:.0} µs, 5,000 stored {edit_large:.0} µs, ratio {:.2}", edit_large / edit_small);
    for n in [0u64, 5_000, 10_000] {
        let store = store_with(n);
        let backend_store = store;
        let mut times = Vec::new();
        let mut fresh = backend_store;
        for _ in 0..5 {
            let t = Instant::now();
            black_box(fresh.load().unwrap());
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "load {n:>6} reflections: {:.1} ms (median of 5)",
            median(times)
        );
    }
    let json = encode_entry(&entry(7));
    let mut one = Store::new(MemoryBackend::new());
    one.save_entry(&entry(7)).unwrap();
    let key = "anchorpoint.entry.".len() + 15;
    let compact: usize = one
        .backend()
        .snapshot()
        .iter()
        .filter(|(k, _)| k.contains("entry"))
        .map(|(_, v)| v.encode_utf16().count())
        .sum();
    let plain = json.encode_utf16().count();
    println!("one reflection of 1,000 characters and 3 tags: plain JSON {plain} units, compact {compact} units (+{key} for its key)");
    println!(
        "fit in 5,242,880 units at that size: plain {}, compact {}",
        5_242_880 / (plain + key),
        5_242_880 / (compact + key)
    );
}
