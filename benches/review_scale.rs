//! The summary's review step at scale (issue 13): 200 reflections dense with identifiers
//! and a private list of 2,000 names. Natively it times what the review page computes
//! from "Continue" (build the review, view every text, write every text's markup) and
//! what adding a phrase to redact costs (add it, view again, ask for every redaction
//! whether it holds a listed name). "Before" asks that last question as the page did
//! until now, preparing the list once per name per redaction; "after" uses the list
//! prepared once (`ListedNames`). The Chromium draw is in `bench/review-browser.mjs`.
//!
//! Run: `cargo bench --bench review_scale`

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::anonymise::find_phrase;
use anchorpoint::core::checkins::{EmbeddednessHistory, WellbeingLog};
use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::EntryId;
use anchorpoint::core::journal::Journal;
use anchorpoint::core::summary::{text_markup, Decisions, Review, SummaryData, SummaryRequest};
use anchorpoint::core::tags::Vocabulary;
use anchorpoint::core::templates::PromptRole;
use anchorpoint::core::threads::Threads;
use chrono::{Days, NaiveDate, TimeZone, Utc};

const ENTRIES: usize = 200;

const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor today (NHS 999 123 4560); she wants to try the walking group. ",
    "Rang Keisha on 07700 900123 after hours, which I know stretches the boundary. ",
    "She lives at 14 Acacia Road, Oxford OX4 3AB with her partner. ",
    "Priya Sharma's son Tendai came with her and did most of the talking. ",
    "DOB 03/03/1961, a man aged 47; email tom.reece@example.com about the men's shed. ",
    "Nothing to fix, I listened. The waiting list is months, so we keep in touch. ",
];

fn text(seed: usize, chars: usize) -> String {
    let mut s = String::new();
    let mut i = seed;
    while s.chars().count() < chars {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    s
}

fn median(v: &mut [Duration]) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let start = NaiveDate::from_ymd_opt(2026, 9, 7).expect("a date");
    let at = Utc
        .timestamp_opt(1_790_000_000, 0)
        .single()
        .expect("a time");
    let entries: Vec<Entry> = (0..ENTRIES)
        .map(|i| Entry {
            id: EntryId::parse(&format!("e{i}")).expect("id"),
            written_at: at,
            updated_at: at,
            about: start
                .checked_add_days(Days::new((i % 56) as u64))
                .expect("a date"),
            sections: vec![Section {
                key: None,
                prompt: None,
                role: PromptRole::Other,
                text: text(i, 1_500),
            }],
            tags: vec![],
            dismissed: vec![],
            template: None,
            judgement_call: None,
        })
        .collect();
    let ids: Vec<EntryId> = entries.iter().map(|e| e.id.clone()).collect();
    let journal = Journal::from_entries(entries);
    let mut names: Vec<String> = vec!["Joy Okafor".into(), "Keisha Brown".into()];
    names.extend((0..1_998).map(|i| format!("Listed{i} Person{i}")));
    let (vocabulary, threads) = (Vocabulary::new(), Threads::new());
    let (embeddedness, wellbeing) = (EmbeddednessHistory::new(), WellbeingLog::new());
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
        bring: String::new(),
    };

    let samples = 7;
    let mut steps: [Vec<Duration>; 5] = Default::default();
    let mut marks = 0;
    let mut markup_bytes = 0;
    for _ in 0..samples {
        let t = Instant::now();
        let review = Review::new(black_box(&request), black_box(&data));
        steps[0].push(t.elapsed());

        let t = Instant::now();
        let views = review.view(&Decisions::default());
        let listed = |w: &str| review.on_private_list(w);
        let markup: Vec<String> = views
            .iter()
            .enumerate()
            .map(|(i, v)| text_markup(i, None, v, &listed))
            .collect();
        steps[1].push(t.elapsed());
        markup_bytes = markup.iter().map(String::len).sum();
        marks = views
            .iter()
            .flat_map(|v| &v.segments)
            .filter(|s| s.mark.is_some())
            .count();

        // Adding a phrase: the decision, the new views, and the listed question for
        // every highlighted redaction, as the page redraws.
        let t = Instant::now();
        let mut decisions = Decisions::default();
        review
            .add_phrase(&mut decisions, "walking group")
            .expect("a phrase");
        let views = review.view(&decisions);
        let markup: Vec<String> = views
            .iter()
            .enumerate()
            .map(|(i, v)| text_markup(i, None, v, &listed))
            .collect();
        black_box(markup);
        steps[2].push(t.elapsed());

        // The same, asking the listed question as before: the list prepared afresh for
        // each name and each redaction (only one sample: it takes seconds).
        if steps[3].is_empty() {
            let old_listed = |w: &str| names.iter().any(|n| !find_phrase(w, n).is_empty());
            let t = Instant::now();
            let mut decisions = Decisions::default();
            review
                .add_phrase(&mut decisions, "walking group")
                .expect("a phrase");
            let views = review.view(&decisions);
            let n = views
                .iter()
                .flat_map(|v| &v.segments)
                .filter(|s| s.mark.is_some() && old_listed(&s.text))
                .count();
            black_box(n);
            steps[3].push(t.elapsed());
        }
        steps[4].push(steps[0][steps[0].len() - 1] + steps[1][steps[1].len() - 1]);
    }
    println!(
        "review: {ENTRIES} reflections, {marks} redactions, {} private names, {} KB of markup",
        names.len(),
        markup_bytes / 1024
    );
    for (name, v) in [
        "build the review (scan every text)",
        "view every text and write its markup",
        "add a phrase (after: list prepared once)",
        "add a phrase (before: list prepared per name and redaction), 1 sample",
        "from Continue to markup, native",
    ]
    .iter()
    .zip(steps.iter_mut())
    {
        println!("review: {name}: {:.1} ms median", median(v));
    }
}
