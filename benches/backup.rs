//! Backup and restore of 5,000 reflections (1,000 characters of varied prose and three
//! tags each, the storage benchmark's journal), natively. It prints:
//! - making the backup file (plain) and sealing it with the chosen Argon2id cost, and
//!   the file's size plain and sealed;
//! - reading it back whole (every record through its decoder), plain and sealed;
//! - working out the restore into an empty journal and over the same journal (all
//!   identical), and writing the restore's one batch into an in-memory store.
//!
//! Each figure is the median of 5 runs (the sealed ones of 3: Argon2id dominates).
//! Run it with `cargo bench --bench backup`.

use std::time::Instant;

use anchorpoint::core::backup::restore::plan;
use anchorpoint::core::backup::{read_backup, seal_backup, write_backup, Contents};
use anchorpoint::core::crypto::{FileRandom, KdfParams, NONCE_BYTES, SALT_BYTES};
use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId};
use anchorpoint::storage::{Batch, MemoryBackend, Namespace, Store};
use chrono::{NaiveDate, TimeZone, Utc};

const SENTENCES: [&str; 6] = [
    "We met at the library again because she still finds the surgery too busy.",
    "I offered a fourth session, which is more than the service usually allows.",
    "The waiting list for counselling is still months long, so we agreed to keep in touch.",
    "I rang my contact at the food bank directly instead of sending the referral form.",
    "There is no community provision for carers in this area, so I am holding her for now.",
    "Housing said they would call back within five working days, which is what they said last month.",
];

fn entry(n: u64) -> Entry {
    let mut state = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut text = String::new();
    while text.len() < 1000 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        text.push_str(SENTENCES[((state >> 33) % SENTENCES.len() as u64) as usize]);
        text.push(' ');
    }
    text.truncate(1000);
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Entry {
        id: EntryId::parse(&format!("e{n}-bench")).unwrap(),
        written_at: at,
        updated_at: at,
        about: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n % 300),
        sections: vec![Section::free(text)],
        tags: ["holding-witness", "md-patient", "boundary-stretched"]
            .iter()
            .map(|t| TagId::parse(t).unwrap())
            .collect(),
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], last.unwrap())
}

fn main() {
    let contents = Contents {
        entries: (0..5_000).map(entry).collect(),
        ..Contents::default()
    };
    let made = Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap();
    let random = FileRandom {
        salt: [1; SALT_BYTES],
        nonce: [2; NONCE_BYTES],
    };
    let pass = "harbour lights at dusk";

    let (t_write, plain) = median(5, || write_backup(made, &contents));
    let (t_seal, sealed) = median(3, || {
        seal_backup(&plain, pass, KdfParams::CHOSEN, &random).unwrap()
    });
    let (t_read, backup) = median(5, || read_backup(&plain, None).unwrap());
    let (t_open, _) = median(3, || read_backup(&sealed, Some(pass)).unwrap());
    let (t_plan_empty, fresh) = median(5, || plan(&Contents::default(), &backup).unwrap());
    let (t_plan_same, same) = median(5, || plan(&contents, &backup).unwrap());
    assert_eq!(same.identical, 5_000);
    let (t_commit, _) = median(3, || {
        let mut store = Store::new(MemoryBackend::new());
        store.load().unwrap();
        let ns = Namespace::JOURNAL;
        let mut batch = Batch::new();
        for e in &fresh.new_entries {
            batch = batch.entry_based_on(&ns, e, None);
        }
        store.commit(batch).unwrap();
    });

    println!("Backup and restore of 5,000 reflections (1,000 characters, 3 tags each), median ms:");
    println!(
        "  file size: plain {:.2} MB, sealed {:.2} MB",
        plain.len() as f64 / 1e6,
        sealed.len() as f64 / 1e6
    );
    println!("  make the backup (plain)              {t_write:>8.1} ms");
    println!("  seal it (Argon2id chosen cost + XChaCha20-Poly1305) {t_seal:>8.1} ms");
    println!("  read it back whole, plain            {t_read:>8.1} ms");
    println!("  open and read it back, sealed        {t_open:>8.1} ms");
    println!("  plan a restore into an empty journal {t_plan_empty:>8.1} ms");
    println!("  plan a restore over the same journal {t_plan_same:>8.1} ms (5,000 identical)");
    println!("  write the restore's batch (in memory, compact codec) {t_commit:>8.1} ms");
}
