//! The summary's review step at scale (issue 13): 200 reflections dense with identifiers
//! and a private list of 2,000 names. Natively it times what the review page computes
//! from "Continue" and on adding a phrase to redact, before and after paging the review
//! by reflection. Before: every text's view and markup, and a phrase looked for in every
//! text on adding it and again on every view. After: one page's view and markup with the
//! totals over every text (`Review::page`), and a phrase looked for once. The Chromium
//! figures are in `bench/review-browser.mjs`.
//!
//! Run: `cargo bench --bench review_scale`

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::anonymise::find_phrase;
use anchorpoint::core::checkins::{EmbeddednessHistory, WellbeingLog};
use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::EntryId;
use anchorpoint::core::journal::Journal;
use anchorpoint::core::summary::{
    text_markup, Decisions, PageView, Review, SummaryData, SummaryRequest,
};
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
    let names_of = [
        "build the review and scan every text (before: all on Continue)",
        "before: view every text and write its markup",
        "after, once every text is scanned: page 1 with the totals, and its markup",
        "before: add a phrase (looked for on adding and again per view; every text redrawn)",
        "after: add a phrase (looked for once; page 1 and totals redrawn)",
        "after: the next reflection (page 2 and totals)",
        "from Continue to drawn, before",
        "from Continue to drawn, after (page 1 scanned and drawn; the rest in steps)",
    ];
    let mut steps: Vec<Vec<Duration>> = vec![Vec::new(); names_of.len()];
    let mut marks = 0;
    let mut markup_bytes = 0;
    let mut page_bytes = 0;
    let phrase = "walking group";
    for _ in 0..samples {
        let t = Instant::now();
        let review = Review::new(black_box(&request), black_box(&data));
        // Before, "Continue" scanned every text; it still must before the totals show.
        review.scan_more(usize::MAX);
        let build = t.elapsed();
        steps[0].push(build);
        let listed = |w: &str| review.on_private_list(w);
        let page_markup = |view: &PageView| -> Vec<String> {
            view.texts
                .iter()
                .map(|(i, v)| text_markup(*i, None, v, &listed))
                .collect()
        };

        let t = Instant::now();
        let views = review.view(&Decisions::default());
        let markup: Vec<String> = views
            .iter()
            .enumerate()
            .map(|(i, v)| text_markup(i, None, v, &listed))
            .collect();
        let before = t.elapsed();
        steps[1].push(before);
        markup_bytes = markup.iter().map(String::len).sum();
        marks = views
            .iter()
            .flat_map(|v| &v.segments)
            .filter(|s| s.mark.is_some())
            .count();

        let t = Instant::now();
        let first = review.page(&Decisions::default(), 0);
        let markup = page_markup(&first);
        let after = t.elapsed();
        steps[2].push(after);
        page_bytes = markup.iter().map(String::len).sum();
        steps[6].push(build + before);
        // After, from a fresh "Continue": counting, then only page 1 scanned and drawn;
        // the rest is scanned between frames (`Review::scan_more`).
        let t = Instant::now();
        let fresh = Review::new(black_box(&request), black_box(&data));
        let fresh_listed = |w: &str| fresh.on_private_list(w);
        let first = fresh.page(&Decisions::default(), 0);
        let markup: Vec<String> = first
            .texts
            .iter()
            .map(|(i, v)| text_markup(*i, None, v, &fresh_listed))
            .collect();
        black_box(markup);
        steps[7].push(t.elapsed());

        // After: the phrase is looked for once, and only page 1 is drawn again.
        let t = Instant::now();
        let mut decisions = Decisions::default();
        review.add_phrase(&mut decisions, phrase).expect("a phrase");
        black_box(page_markup(&review.page(&decisions, 0)));
        steps[4].push(t.elapsed());

        // Before, as the page did until now: looked for in every text on adding and again
        // in every text for the view, and every text's markup written again.
        let t = Instant::now();
        let found: usize = review
            .texts()
            .iter()
            .map(|t| find_phrase(&t.text, phrase).len())
            .sum();
        let again: usize = review
            .texts()
            .iter()
            .map(|t| find_phrase(&t.text, phrase).len())
            .sum();
        let views = review.view(&decisions);
        let markup: Vec<String> = views
            .iter()
            .enumerate()
            .map(|(i, v)| text_markup(i, None, v, &listed))
            .collect();
        black_box((found, again, markup));
        steps[3].push(t.elapsed());

        let t = Instant::now();
        black_box(page_markup(&review.page(&decisions, 1)));
        steps[5].push(t.elapsed());
    }
    println!(
        "review: {ENTRIES} reflections, {marks} redactions, {} private names, {} KB of markup for every text, {} KB for page 1",
        names.len(),
        markup_bytes / 1024,
        page_bytes / 1024,
    );
    for (name, v) in names_of.iter().zip(steps.iter_mut()) {
        println!("review: {name}: {:.1} ms median", median(v));
    }
}
