//! Search benchmark. The budget is 16 ms per keystroke over 5,000 entries in
//! Chromium; this measures the same work natively: building the [`SearchIndex`] for
//! 5,000 fictional entries of about 600 characters, then a worker typing "waiting list"
//! one key at a time, with no filter, with a tag filter, and with a tag filter and a
//! date range. Each keystroke writes the query to the URL and reads it back, as the page
//! does, then searches. It prints the median and worst milliseconds per keystroke. The
//! entries come from a fixed linear congruential generator, so every run sees the same
//! journal without a randomness crate. Run it with `cargo bench --bench search`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId};
use anchorpoint::core::journal::Journal;
use anchorpoint::core::search::{NoFacts, Query, SearchIndex, TagMatch};
use anchorpoint::core::tags::BUILTIN_TAGS;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

const ENTRIES: usize = 5_000;
const ENTRY_CHARS: usize = 600;
const ROUNDS: usize = 31;

/// Knuth's MMIX constants: a deterministic stream, good enough to vary fictional text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Fictional sentences of the kind a link worker might write; a few mention waiting.
const SENTENCES: &[&str] = &[
    "Second session with Person A at the community café.",
    "We talked about the garden, her granddaughter’s visit and the weather.",
    "It was the first time she mentioned the debt.",
    "I decided to ring my contact at the advice centre directly rather than send the form.",
    "The waiting list for counselling is still months long, so we agreed to keep in touch.",
    "She seemed more relaxed by the end and laughed about the bus.",
    "Wrote up my notes and checked the referral inbox before lunch.",
    "Person B didn’t come to the walking group again; I will phone on Friday.",
    "The GP asked me to see someone about housing, which is outside my remit.",
    "Nothing to fix today. I listened and let him talk about his brother.",
    "Back-to-back all afternoon and behind on my notes; felt drained.",
    "The food bank has changed its opening hours, which nobody told us.",
    "Person C booked the gardening club herself, which felt like a real step.",
    "Still waiting on the PIP decision; he is anxious about the letter.",
    "Team meeting ran over. We talked about caseload and supervision.",
    "Went with her to the library to meet the volunteer coordinator.",
    "He says I am the one person he can offload to, which stays with me.",
    "The carers’ group closed last year, so there is nowhere to refer her on to.",
];

fn fictional_journal() -> Journal {
    let mut rng = Lcg(0x5eed_1234);
    let first_day = NaiveDate::from_ymd_opt(2022, 1, 3).unwrap_or_default();
    let written = |i: usize| -> DateTime<Utc> {
        Utc.timestamp_opt(1_641_200_000 + i as i64 * 30_000, 0)
            .single()
            .unwrap_or_default()
    };
    let entries = (0..ENTRIES).map(|i| {
        let mut text = String::new();
        while text.chars().count() < ENTRY_CHARS {
            if !text.is_empty() {
                text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
            }
            text.push_str(SENTENCES[rng.below(SENTENCES.len())]);
        }
        let tags: Vec<TagId> = (0..rng.below(4))
            .map(|_| BUILTIN_TAGS[rng.below(BUILTIN_TAGS.len())].tag_id())
            .collect();
        // About three entries a working day over roughly five years.
        let about = first_day + chrono::Duration::days((i * 365 / 1_000) as i64);
        Entry {
            id: EntryId::from_parts(written(i).timestamp_millis(), rng.next() as u32),
            written_at: written(i),
            updated_at: written(i),
            about,
            sections: vec![Section::free(text)],
            tags,
            dismissed: vec![],
            template: None,
            judgement_call: None,
        }
    });
    Journal::from_entries(entries)
}

/// The median and worst of a set of timings, in milliseconds.
fn median_and_worst(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1_000.0;
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let worst = times.last().copied().unwrap_or_default();
    (ms(median), ms(worst))
}

/// Types `typed` one key at a time, `ROUNDS` times over, timing each keystroke: the
/// query goes to the URL and back, then the index is searched.
fn keystrokes(index: &SearchIndex, typed: &str, filters: &Query) -> (f64, f64, usize) {
    let prefixes: Vec<String> = typed
        .char_indices()
        .map(|(at, c)| typed[..at + c.len_utf8()].to_owned())
        .collect();
    let mut times = Vec::with_capacity(ROUNDS * prefixes.len());
    let mut last_hits = 0;
    for round in 0..ROUNDS + 2 {
        for prefix in &prefixes {
            let started = Instant::now();
            let query = Query {
                text: prefix.clone(),
                ..filters.clone()
            };
            let url = query.to_query_string();
            let parsed = Query::from_query_string(black_box(&url));
            let hits = black_box(index.search(&parsed.query, &NoFacts));
            let elapsed = started.elapsed();
            // The first two rounds warm the caches and are not counted.
            if round >= 2 {
                times.push(elapsed);
            }
            last_hits = hits.len();
        }
    }
    let (median, worst) = median_and_worst(times);
    (median, worst, last_hits)
}

fn main() {
    let journal = fictional_journal();
    let chars: usize = journal
        .newest_first()
        .map(|e| e.text().chars().count())
        .sum();
    println!(
        "{} fictional entries, {:.0} characters each on average",
        journal.len(),
        chars as f64 / journal.len() as f64
    );

    let builds: Vec<Duration> = (0..11)
        .map(|_| {
            let started = Instant::now();
            black_box(SearchIndex::build(black_box(&journal)));
            started.elapsed()
        })
        .collect();
    let (median, worst) = median_and_worst(builds);
    println!("build index:      median {median:6.2} ms, worst {worst:6.2} ms");

    let index = SearchIndex::build(&journal);
    let tag = |id: &str| TagId::parse(id).into_iter().collect::<Vec<_>>();
    let scenarios = [
        ("text only", Query::default()),
        (
            "text + tag",
            Query {
                tags: tag("holding-waiting"),
                ..Query::default()
            },
        ),
        (
            "text + 2 tags any + dates",
            Query {
                tags: [tag("holding-waiting"), tag("md-patient")].concat(),
                tag_match: TagMatch::Any,
                from: NaiveDate::from_ymd_opt(2023, 1, 1),
                to: NaiveDate::from_ymd_opt(2025, 6, 30),
                ..Query::default()
            },
        ),
    ];
    let typed = "waiting list";
    println!("typing {typed:?}, one search per keystroke, {ROUNDS} rounds:");
    for (name, filters) in &scenarios {
        let (median, worst, hits) = keystrokes(&index, typed, filters);
        println!(
            "  {name:<26} median {median:6.3} ms, worst {worst:6.3} ms per keystroke \
             ({hits} entries found at the end)"
        );
    }
    // A word found nowhere makes every entry be scanned to its end: the slowest case.
    let (median, worst, hits) = keystrokes(&index, "zzzzzz", &Query::default());
    println!(
        "  {:<26} median {median:6.3} ms, worst {worst:6.3} ms per keystroke ({hits} found)",
        "text found nowhere"
    );

    let mut updated = index.clone();
    let entry = journal.newest_first().nth(ENTRIES / 2).cloned();
    if let Some(entry) = entry {
        let started = Instant::now();
        for _ in 0..100 {
            updated.put(black_box(&entry));
        }
        let per_put = started.elapsed().as_secs_f64() * 1_000.0 / 100.0;
        println!("incremental put:  {per_put:.3} ms (re-indexing one edited entry)");
    }
}
