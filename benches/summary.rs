//! Supervision summary benchmark: a realistic export, end to end. Eight weeks of 60
//! fictional entries of about 1,500 characters each (three template answers apiece),
//! all chosen for sharing, with a bring text and a private list of 50 names. It times
//! building the [`Review`] (every text scanned once), one review-page view, `finish`
//! with a phrase added and a span shown, and the four export formats. It prints the
//! median of each step and of the whole. A plain `Instant` loop, as in the other benches;
//! run it with `cargo bench --bench summary`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::checkins::{EmbeddednessHistory, Rating, WellbeingCheck, WellbeingLog};
use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId, ThreadId};
use anchorpoint::core::journal::Journal;
use anchorpoint::core::summary::export::{to_csv_tag_counts, to_html, to_json, to_markdown};
use anchorpoint::core::summary::{Decisions, Review, SummaryData, SummaryRequest};
use anchorpoint::core::tags::{Vocabulary, BUILTIN_TAGS};
use anchorpoint::core::templates::PromptRole;
use anchorpoint::core::threads::Threads;
use chrono::{Days, NaiveDate, TimeZone, Utc};

const ENTRIES: usize = 60;
const ANSWER_CHARS: usize = 500;
const SAMPLES: usize = 15;

const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor today (NHS 999 123 4567); she wants to try the walking group. ",
    "Rang Keisha on 07700 900123 after hours, which I know stretches the boundary. ",
    "She lives at 14 Acacia Road, Oxford OX4 3AB with her partner. ",
    "Priya Sharma's son Tendai came with her and did most of the talking about Universal Credit. ",
    "Nothing to fix, I listened. The waiting list is months, so we keep in touch every fortnight. ",
    "Email from tom.reece@example.com asking about the men's shed; will see Will again on Monday. ",
    "I decided to go with her to the group myself, which felt like a judgement call worth taking to supervision. ",
    "The GP asked me to sort out a housing letter again, and I said I would signpost instead. ",
];

fn answer(seed: usize) -> String {
    let mut s = String::new();
    let mut i = seed;
    while s.chars().count() < ANSWER_CHARS {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    s
}

fn main() {
    let start = NaiveDate::from_ymd_opt(2026, 9, 7).expect("a date");
    let at = Utc
        .timestamp_opt(1_790_000_000, 0)
        .single()
        .expect("a time");
    let roles = [PromptRole::Other, PromptRole::Learning, PromptRole::Action];
    let prompts = ["What happened", "What I learned", "Action plan"];
    let entries: Vec<Entry> = (0..ENTRIES)
        .map(|i| Entry {
            id: EntryId::parse(&format!("e{i}")).expect("id"),
            written_at: at,
            updated_at: at,
            about: start
                .checked_add_days(Days::new((i % 56) as u64))
                .expect("a date"),
            sections: (0..3)
                .map(|k| Section {
                    key: None,
                    prompt: Some(prompts[k].to_owned()),
                    role: roles[k],
                    text: answer(i + k),
                })
                .collect(),
            tags: [i % BUILTIN_TAGS.len(), (i * 7) % BUILTIN_TAGS.len()]
                .iter()
                .filter_map(|&t| TagId::parse(BUILTIN_TAGS[t].id))
                .collect(),
            dismissed: vec![],
            template: None,
            judgement_call: None,
        })
        .collect();
    let ids: Vec<EntryId> = entries.iter().map(|e| e.id.clone()).collect();
    let journal = Journal::from_entries(entries);
    let chars: usize = journal
        .newest_first()
        .flat_map(|e| e.sections.iter())
        .map(|s| s.text.chars().count())
        .sum();
    let mut threads = Threads::new();
    for i in 0..12u32 {
        threads
            .create(
                ThreadId::parse(&format!("t{i}")).expect("id"),
                &format!("Person {i}"),
                start,
            )
            .expect("a thread");
    }
    let mut wellbeing = WellbeingLog::new();
    for (i, id) in ids.iter().enumerate() {
        wellbeing.record(WellbeingCheck {
            entry: id.clone(),
            on: start
                .checked_add_days(Days::new((i % 56) as u64))
                .expect("a date"),
            rating: Rating::new(1 + (i % 5) as u8).expect("1 to 5"),
            emotional_load: None,
        });
    }
    let mut names: Vec<String> = vec![
        "Joy Okafor".into(),
        "Keisha Brown".into(),
        "Tom Reece".into(),
    ];
    names.extend((0..47).map(|i| format!("Listed Person{i}")));
    let vocabulary = Vocabulary::new();
    let embeddedness = EmbeddednessHistory::new();
    let data = SummaryData {
        journal: &journal,
        vocabulary: &vocabulary,
        threads: &threads,
        embeddedness: &embeddedness,
        wellbeing: &wellbeing,
        private_names: &names,
        today: NaiveDate::from_ymd_opt(2026, 11, 6).expect("a date"),
    };
    let request = SummaryRequest {
        from: start,
        to: NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date"),
        include_text: ids,
        bring: answer(3),
    };

    let mut steps: [Vec<Duration>; 5] = Default::default();
    let mut bytes = 0;
    for _ in 0..SAMPLES {
        let t = Instant::now();
        let review = Review::new(black_box(&request), black_box(&data));
        // Every text scanned, as before the review page scanned in steps.
        review.scan_more(usize::MAX);
        steps[0].push(t.elapsed());

        let t = Instant::now();
        let mut decisions = Decisions::default();
        review
            .add_phrase(&mut decisions, "walking group")
            .expect("a phrase");
        let first = &review.texts()[0];
        if let Some(s) = review.findings(0).spans.first() {
            let _ = review.unredact(&mut decisions, &first.id, s.start, s.end);
        }
        black_box(review.view(&decisions));
        steps[1].push(t.elapsed());

        let t = Instant::now();
        let summary = review.finish(&decisions);
        steps[2].push(t.elapsed());

        let t = Instant::now();
        let outputs = [
            to_markdown(&summary),
            to_html(&summary),
            to_json(&summary),
            to_csv_tag_counts(&summary),
        ];
        steps[3].push(t.elapsed());
        bytes = outputs.iter().map(String::len).sum();
        black_box(outputs);
        steps[4].push(
            steps[0].last().copied().unwrap_or_default()
                + steps[1].last().copied().unwrap_or_default()
                + steps[2].last().copied().unwrap_or_default()
                + steps[3].last().copied().unwrap_or_default(),
        );
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1e3
    };
    println!(
        "summary: {ENTRIES} entries, {chars} characters shared, {} private names, {SAMPLES} samples",
        names.len()
    );
    for (name, v) in [
        "build the review (scan every text)",
        "add a phrase, show a span, view",
        "finish (apply every decision)",
        "write md + html + json + csv",
        "whole export",
    ]
    .iter()
    .zip(steps.iter_mut())
    {
        println!("summary: {name}: {:.1} ms median", median(v));
    }
    println!("summary: {} KB written in all four formats", bytes / 1024);
}
