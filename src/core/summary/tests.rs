//! Specifications for the supervision summary: the form, the counts, the review step's
//! decisions, and what each export format may and may not contain. All people, places
//! and numbers are fictional.

use chrono::{NaiveDate, TimeZone, Utc};

use super::export::{to_csv_tag_counts, to_html, to_json, to_markdown};
use super::*;
use crate::core::anonymise::{Kind, QuasiKind};
use crate::core::checkins::{
    EmbeddednessCheckIn, EmbeddednessHistory, Load, Rating, WellbeingCheck, WellbeingLog,
};
use crate::core::entry::{Entry, Section};
use crate::core::ids::{EntryId, IdSeed, TagId, ThreadId};
use crate::core::journal::Journal;
use crate::core::tags::{Embeddedness, Vocabulary};
use crate::core::templates::PromptRole;
use crate::core::threads::{DurationBand, Outcome, Threads};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn eid(s: &str) -> EntryId {
    EntryId::parse(s).expect("test ids are valid")
}

fn answer(prompt: &str, role: PromptRole, text: &str) -> Section {
    Section {
        key: None,
        prompt: Some(prompt.to_owned()),
        role,
        text: text.to_owned(),
    }
}

fn entry(id: &str, about: &str, tags: &[&str], sections: Vec<Section>) -> Entry {
    let at = Utc
        .timestamp_opt(1_790_000_000, 0)
        .single()
        .expect("a valid time");
    Entry {
        id: eid(id),
        written_at: at,
        updated_at: at,
        about: day(about),
        sections,
        tags: tags.iter().filter_map(|t| TagId::parse(t)).collect(),
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

fn free(id: &str, about: &str, tags: &[&str], text: &str) -> Entry {
    entry(id, about, tags, vec![Section::free(text)])
}

/// Everything the summary reads, owned, so each test states only what it needs.
struct World {
    journal: Journal,
    vocabulary: Vocabulary,
    threads: Threads,
    embeddedness: EmbeddednessHistory,
    wellbeing: WellbeingLog,
    names: Vec<String>,
    today: NaiveDate,
}

impl World {
    fn new(entries: Vec<Entry>) -> World {
        World {
            journal: Journal::from_entries(entries),
            vocabulary: Vocabulary::new(),
            threads: Threads::new(),
            embeddedness: EmbeddednessHistory::new(),
            wellbeing: WellbeingLog::new(),
            names: vec!["Joy Okafor".to_owned(), "Tom Reece".to_owned()],
            today: day("2026-11-30"),
        }
    }

    fn data(&self) -> SummaryData<'_> {
        SummaryData {
            journal: &self.journal,
            vocabulary: &self.vocabulary,
            threads: &self.threads,
            embeddedness: &self.embeddedness,
            wellbeing: &self.wellbeing,
            private_names: &self.names,
            today: self.today,
        }
    }

    /// November 2026 (w/c 2 Nov to w/c 30 Nov), with the given entries' text.
    fn review(&self, include: &[&str], bring: &str) -> Review {
        let request = SummaryRequest {
            from: day("2026-11-02"),
            to: day("2026-11-30"),
            include_text: include.iter().map(|i| eid(i)).collect(),
            bring: bring.to_owned(),
        };
        Review::new(&request, &self.data())
    }
}

fn all_formats(s: &Summary) -> [(&'static str, String); 4] {
    [
        ("md", to_markdown(s)),
        ("html", to_html(s)),
        ("json", to_json(s)),
        ("csv", to_csv_tag_counts(s)),
    ]
}

// --- weeks ---------------------------------------------------------------------------------

#[test]
fn every_day_belongs_to_the_week_starting_on_its_monday() {
    for (d, monday, label) in [
        ("2026-11-02", "2026-11-02", "w/c 2 Nov 2026"), // a Monday
        ("2026-11-04", "2026-11-02", "w/c 2 Nov 2026"),
        ("2026-11-08", "2026-11-02", "w/c 2 Nov 2026"), // Sunday ends the week
        ("2026-11-09", "2026-11-09", "w/c 9 Nov 2026"),
        ("2026-01-01", "2025-12-29", "w/c 29 Dec 2025"), // across a year end
        ("2024-03-01", "2024-02-26", "w/c 26 Feb 2024"), // leap year
    ] {
        assert_eq!(monday_of(day(d)), day(monday), "{d}");
        assert_eq!(week_label(monday_of(day(d))), label, "{d}");
    }
}

#[test]
fn a_period_is_whole_weeks_whichever_way_round_it_is_given() {
    for (from, to, first, last, weeks) in [
        ("2026-11-04", "2026-11-04", "2026-11-02", "2026-11-02", 1),
        ("2026-11-08", "2026-11-09", "2026-11-02", "2026-11-09", 2),
        ("2026-11-30", "2026-11-02", "2026-11-02", "2026-11-30", 5),
        ("2025-12-31", "2026-01-05", "2025-12-29", "2026-01-05", 2),
    ] {
        let p = Period::covering(day(from), day(to));
        assert_eq!(
            (p.first_week, p.last_week, p.weeks),
            (day(first), day(last), weeks),
            "{from}..{to}"
        );
        assert_eq!(p.mondays().count(), weeks as usize);
        assert_eq!(p.end(), day(last) + chrono::Days::new(6));
    }
}

// --- the form ------------------------------------------------------------------------------

fn form(from: [&str; 3], to: [&str; 3], bring: &str) -> SummaryForm {
    SummaryForm {
        from_day: from[0].into(),
        from_month: from[1].into(),
        from_year: from[2].into(),
        to_day: to[0].into(),
        to_month: to[1].into(),
        to_year: to[2].into(),
        include_text: vec![],
        bring: bring.into(),
    }
}

#[test]
fn the_form_reports_every_problem_in_govuk_words() {
    use SummaryField as F;
    let ok = ["2", "11", "2026"];
    let long = "a".repeat(2_001);
    let cases: Vec<(SummaryForm, Vec<(F, &str)>)> = vec![
        (form(ok, ["30", "11", "2026"], ""), vec![]),
        (form(ok, ["30", "11", "2026"], &"a".repeat(2_000)), vec![]),
        (
            form(["", "", ""], ["", "", ""], ""),
            vec![
                (F::FromDay, "Enter the start date"),
                (F::ToDay, "Enter the end date"),
            ],
        ),
        (
            form(["2", "", "2026"], ok, ""),
            vec![(F::FromMonth, "Start date must include a month")],
        ),
        (
            form(ok, ["", "", "2026"], ""),
            vec![(F::ToDay, "End date must include a day and month")],
        ),
        (
            form(["2", "11", "26"], ok, ""),
            vec![(
                F::FromYear,
                "The year of the start date must include 4 numbers",
            )],
        ),
        (
            form(["31", "11", "2026"], ok, ""),
            vec![(F::FromDay, "Start date must be a real date")],
        ),
        (
            form(["x", "11", "2026"], ok, ""),
            vec![(F::FromDay, "Start date must be a real date")],
        ),
        (
            form(ok, ["1", "12", "2026"], ""),
            vec![(F::ToDay, "End date must be today or in the past")],
        ),
        (
            form(["1", "1", "1999"], ok, ""),
            vec![(F::FromYear, "Start date must be in 2000 or later")],
        ),
        (
            form(["9", "11", "2026"], ok, ""),
            vec![(
                F::ToDay,
                "End date must be the same as or after the start date",
            )],
        ),
        (
            form(["1", "10", "2025"], ok, ""),
            vec![(F::ToDay, "End date must be within a year of the start date")],
        ),
        (
            form(ok, ok, &long),
            vec![(
                F::Bring,
                "What you want to bring to supervision must be 2,000 characters or fewer",
            )],
        ),
    ];
    let today = day("2026-11-30");
    for (f, expected) in cases {
        let got: Vec<(F, String)> = match f.validate(today) {
            Ok(_) => vec![],
            Err(es) => es.into_iter().map(|e| (e.field, e.message)).collect(),
        };
        let expected: Vec<(F, String)> = expected
            .into_iter()
            .map(|(f, m)| (f, m.to_owned()))
            .collect();
        assert_eq!(got, expected, "{f:?}");
    }
}

#[test]
fn a_valid_form_gives_the_request_with_the_bring_text_trimmed() {
    let mut f = form(
        ["2", "11", "2026"],
        [" 30 ", "11", "2026"],
        "  Boundaries.  \n",
    );
    f.include_text = vec![eid("e1")];
    let r = f.validate(day("2026-11-30")).expect("valid");
    assert_eq!((r.from, r.to), (day("2026-11-02"), day("2026-11-30")));
    assert_eq!(r.bring, "Boundaries.");
    assert_eq!(r.include_text, vec![eid("e1")]);
}

#[test]
fn the_form_starts_with_the_last_four_whole_weeks() {
    let f = SummaryForm::for_weeks(day("2026-11-25"), 4);
    let r = f.validate(day("2026-11-25")).expect("the default is valid");
    assert_eq!((r.from, r.to), (day("2026-11-02"), day("2026-11-25")));
    assert_eq!(r.period().weeks, 4);
}

// --- counts ----------------------------------------------------------------------------------

#[test]
fn tags_are_counted_per_family_per_tag_and_per_week() {
    let w = World::new(vec![
        free(
            "e1",
            "2026-11-02",
            &["md-patient", "md-staff", "boundary-stretched"],
            "a",
        ),
        free("e2", "2026-11-08", &["md-patient"], "b"), // Sunday: still w/c 2 Nov
        free(
            "e3",
            "2026-11-09",
            &["holding-witness", "wellbeing-load"],
            "c",
        ),
        free("e4", "2026-11-29", &["escalate-elsewhere"], "d"),
        free("e5", "2026-10-31", &["md-patient"], "before the period"),
        free("e6", "2026-12-07", &["md-patient"], "after the period"),
    ]);
    let s = w.review(&[], "").finish(&Decisions::default());
    assert_eq!(s.overview.entries, 4);
    let family = |id: &str| {
        s.overview
            .families
            .iter()
            .find(|f| f.family == id)
            .map(|f| f.count)
    };
    // Entries with at least one tag of the family: e1 has two micro-discretions, counts once.
    assert_eq!(family("micro-discretion"), Some(2));
    assert_eq!(family("boundary"), Some(1));
    assert_eq!(family("holding-function"), Some(1));
    assert_eq!(family("own-wellbeing"), Some(1));
    assert_eq!(family("escalate-elsewhere"), Some(1));
    assert_eq!(family("barrier"), Some(0));
    assert_eq!(family(CUSTOM_FAMILY), Some(0));
    let weeks: Vec<(NaiveDate, usize)> = s
        .overview
        .weeks
        .iter()
        .map(|w| (w.week, w.entries))
        .collect();
    assert_eq!(
        weeks,
        vec![
            (day("2026-11-02"), 2),
            (day("2026-11-09"), 1),
            (day("2026-11-16"), 0),
            (day("2026-11-23"), 1),
            (day("2026-11-30"), 0),
        ]
    );
    let normative: Vec<(&str, usize)> = s
        .normative
        .tags
        .iter()
        .map(|t| (t.tag.as_str(), t.count))
        .collect();
    assert_eq!(
        normative,
        vec![
            ("md-patient", 2),
            ("md-staff", 1),
            ("md-community", 0),
            ("boundary-held", 0),
            ("boundary-stretched", 1),
        ]
    );
    assert_eq!(s.normative.escalations, 1);
    let csv = to_csv_tag_counts(&s);
    assert_eq!(
        csv,
        "week_commencing,family,tag,count\r\n\
         2026-11-02,micro-discretion,with a patient,2\r\n\
         2026-11-02,micro-discretion,with practice staff,1\r\n\
         2026-11-02,boundary,stretched,1\r\n\
         2026-11-09,holding: function,bearing witness,1\r\n\
         2026-11-09,own wellbeing,emotional load,1\r\n\
         2026-11-23,escalate elsewhere,safeguarding or incident concern,1\r\n"
    );
}

// --- what text goes out ------------------------------------------------------------------------

#[test]
fn only_the_chosen_entries_text_appears_in_any_format() {
    let w = World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &["md-patient"],
            "Shared words about the allotment.",
        ),
        free(
            "e2",
            "2026-11-04",
            &["md-patient"],
            "Private words about the canal walk.",
        ),
    ]);
    let review = w.review(&["e1"], "");
    assert_eq!(review.texts().len(), 1);
    let s = review.finish(&Decisions::default());
    for (format, out) in all_formats(&s) {
        assert!(!out.contains("canal"), "{format}");
        if format != "csv" {
            assert!(out.contains("allotment"), "{format}");
        }
    }
    assert_eq!(s.overview.entries_shared, 1);
}

#[test]
fn a_found_span_shows_as_written_only_after_the_deliberate_decision() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "Went to the Bramley group; Bramley said it was full.",
    )]);
    let review = w.review(&["e1"], "");
    let t = &review.texts()[0];
    let found: Vec<(Kind, &str)> = review
        .findings(0)
        .spans
        .iter()
        .map(|s| (s.kind, &t.text[s.start..s.end]))
        .collect();
    assert!(found.contains(&(Kind::Name, "Bramley")), "{found:?}");
    let before = review.finish(&Decisions::default());
    assert!(!to_markdown(&before).contains("Bramley said"));

    let span = review
        .findings(0)
        .spans
        .iter()
        .find(|s| &t.text[s.start..s.end] == "Bramley" && s.start > 20)
        .copied()
        .expect("the second Bramley is found");
    let mut d = Decisions::default();
    review
        .unredact(&mut d, &t.id, span.start, span.end)
        .expect("a found span can be shown");
    let after = review.finish(&d);
    for (format, out) in all_formats(&after) {
        if format != "csv" {
            assert!(out.contains("Bramley said"), "{format}");
        }
    }
    let view = &review.view(&d)[0];
    let shown = view
        .segments
        .iter()
        .find(|s| s.mark.as_ref().is_some_and(|m| m.start == span.start))
        .and_then(|s| s.mark.clone())
        .expect("the span is still highlighted");
    assert_eq!(shown.state, MarkState::Unredacted);
    assert_eq!(shown.replacement, None);

    assert!(d.redact_again(&t.id, span.start, span.end));
    assert!(!to_markdown(&review.finish(&d)).contains("Bramley said"));
}

#[test]
fn only_exactly_a_found_span_can_be_shown() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "Rang 07700 900123 today.",
    )]);
    let review = w.review(&["e1"], "");
    let id = review.texts()[0].id.clone();
    let mut d = Decisions::default();
    assert_eq!(
        review.unredact(&mut d, &id, 0, 4),
        Err(ReviewError::NotARedaction)
    );
    assert_eq!(
        review.unredact(&mut d, &TextId::Bring, 0, 4),
        Err(ReviewError::NotARedaction)
    );
    assert_eq!(d, Decisions::default());
}

#[test]
fn a_name_on_the_private_list_can_never_be_shown() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "Mrs Okafor's daughter rang.",
    )]);
    let review = w.review(&["e1"], "");
    let t = &review.texts()[0];
    let span = review.findings(0).spans[0];
    // The possessive stays outside the span: "Person A's daughter".
    assert_eq!(&t.text[span.start..span.end], "Mrs Okafor");
    // The page offers no "show as written" for it, and a surname alone counts.
    assert!(review.on_private_list("Mrs Okafor"));
    assert!(review.on_private_list("OKAFOR"));
    assert!(!review.on_private_list("Mrs Pennywhistle"));
    let mut d = Decisions::default();
    let err = review.unredact(&mut d, &t.id, span.start, span.end);
    assert_eq!(
        err,
        Err(ReviewError::OnPrivateList("Joy Okafor".to_owned()))
    );
    assert!(d.unredacted.is_empty());
    // A hand-made decision does not get past `finish` either.
    d.unredacted.push(Unredaction {
        text: t.id.clone(),
        start: span.start,
        end: span.end,
    });
    for (format, out) in all_formats(&review.finish(&d)) {
        assert!(!out.to_lowercase().contains("okafor"), "{format}");
    }
}

#[test]
fn added_phrases_are_redacted_everywhere_they_appear() {
    let mut w = World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &[],
            "Suggested the Thursday bowls club.",
        ),
        entry(
            "e2",
            "2026-11-10",
            &["md-community"],
            vec![
                answer(
                    "What happened",
                    PromptRole::Other,
                    "BOWLS CLUB'S captain rang back.",
                ),
                answer(
                    "What I learned",
                    PromptRole::Learning,
                    "Ask the bowls club first.",
                ),
            ],
        ),
    ]);
    let custom = w
        .vocabulary
        .create(IdSeed::default(), "bowls club visits", "")
        .expect("a valid tag");
    w.journal.put(free(
        "e3",
        "2026-11-11",
        &[custom.as_str()],
        "Nothing else.",
    ));
    let review = w.review(&["e1", "e2", "e3"], "Can I keep going to the bowls club?");
    let mut d = Decisions::default();
    assert_eq!(
        review.add_phrase(&mut d, "  bowls   club "),
        Ok(5),
        "four texts and the tag name"
    );
    assert_eq!(d.phrases, vec!["bowls club".to_owned()]);
    // Adding it again in another case changes nothing.
    assert_eq!(review.add_phrase(&mut d, "Bowls Club"), Ok(5));
    assert_eq!(d.phrases.len(), 1);
    assert_eq!(
        review.add_phrase(&mut d, "   "),
        Err(ReviewError::BlankPhrase)
    );
    assert_eq!(
        review.add_phrase(&mut d, &"x".repeat(81)),
        Err(ReviewError::PhraseTooLong)
    );
    let s = review.finish(&d);
    for (format, out) in all_formats(&s) {
        assert!(!out.to_lowercase().contains("bowls"), "{format}: {out}");
    }
    assert!(to_markdown(&s).contains("\\[redacted\\]"));
    let added = review.view(&d)[0]
        .segments
        .iter()
        .filter_map(|s| s.mark.clone())
        .find(|m| m.state == MarkState::Added)
        .expect("the phrase is highlighted as added");
    assert_eq!(added.kind, Kind::Other);
    assert_eq!(added.replacement.as_deref(), Some("[redacted]"));

    assert!(d.remove_phrase("bowls club"));
    assert!(to_markdown(&review.finish(&d)).contains("bowls club"));
}

#[test]
fn the_form_knows_which_entries_words_are_withheld() {
    let escalated = free(
        "e1",
        "2026-11-04",
        &["escalate-elsewhere"],
        "Rang the duty team.",
    );
    let ordinary = free("e2", "2026-11-04", &["md-patient"], "Went for a walk.");
    assert!(super::text_withheld(&escalated));
    assert!(!super::text_withheld(&ordinary));
}

#[test]
fn an_escalation_is_counted_and_its_text_never_leaves_even_when_chosen() {
    let w = World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &["escalate-elsewhere", "md-patient"],
            "Concern raised about the neighbour at the flat.",
        ),
        free(
            "e2",
            "2026-11-04",
            &["md-patient"],
            "Offered a fourth session.",
        ),
    ]);
    let review = w.review(&["e1", "e2"], "");
    assert_eq!(review.withheld(), &[eid("e1")]);
    assert!(review.texts().iter().all(|t| !t.text.contains("neighbour")));
    let s = review.finish(&Decisions::default());
    assert_eq!(s.normative.escalations, 1);
    assert_eq!(s.normative.escalations_withheld, 1);
    assert_eq!(s.normative.reflections.len(), 1);
    for (format, out) in all_formats(&s) {
        assert!(!out.contains("neighbour"), "{format}");
    }
    let md = to_markdown(&s);
    assert!(md.contains("Safeguarding or incident concerns (escalate elsewhere): 1 reflection."));
    assert!(md.contains("The text of 1 reflection chosen for this summary was left out"));
}

#[test]
fn a_person_keeps_one_pseudonym_across_entries_the_bring_text_and_every_view() {
    let w = World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &["md-patient"],
            "Joy Okafor came with Tom Reece.",
        ),
        free(
            "e2",
            "2026-11-10",
            &[],
            "Mrs Okafor rang; Tom's lift fell through.",
        ),
    ]);
    let review = w.review(&["e1", "e2"], "How to end things with Joy kindly?");
    let s = review.finish(&Decisions::default());
    assert_eq!(
        s.normative.reflections[0].answers[0].text.text,
        "Person A came with Person B."
    );
    assert_eq!(
        s.other_reflections[0].answers[0].text.text,
        "Person A rang; Person B's lift fell through."
    );
    assert_eq!(
        s.bring.as_ref().map(|t| t.text.as_str()),
        Some("How to end things with Person A kindly?")
    );
    // The review page shows the very same replacements.
    let shown: Vec<String> = review
        .view(&Decisions::default())
        .iter()
        .flat_map(|v| v.segments.iter())
        .filter_map(|s| s.mark.as_ref().and_then(|m| m.replacement.clone()))
        .collect();
    assert_eq!(
        shown,
        vec!["Person A", "Person B", "Person A", "Person B", "Person A"]
    );
}

#[test]
fn exported_marks_point_at_the_replacements_in_chars() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "Café with Joy Okafor, 07700 900123.",
    )]);
    let s = w.review(&["e1"], "").finish(&Decisions::default());
    let text = &s.other_reflections[0].answers[0].text;
    let pieces: Vec<(Kind, String)> = text
        .redactions
        .iter()
        .map(|m| {
            (
                m.kind,
                text.text
                    .chars()
                    .skip(m.start)
                    .take(m.end - m.start)
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        pieces,
        vec![
            (Kind::Name, "Person A".to_owned()),
            (Kind::Phone, "[phone]".to_owned())
        ]
    );
    let counts: Vec<(Kind, usize)> = s.redactions.iter().map(|k| (k.kind, k.count)).collect();
    assert_eq!(counts, vec![(Kind::Phone, 1), (Kind::Name, 1)]);
}

#[test]
fn the_review_view_rebuilds_each_text_and_lists_warnings() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "A retired headteacher with motor neurone disease; rang 020 7946 0123.",
    )]);
    let review = w.review(&["e1"], "");
    let view = &review.view(&Decisions::default())[0];
    let rebuilt: String = view.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(rebuilt, review.texts()[0].text);
    let kinds: Vec<(QuasiKind, &str, bool)> = view
        .warnings
        .iter()
        .map(|w| (w.kind, w.words.as_str(), w.resolved))
        .collect();
    assert!(kinds.contains(&(QuasiKind::Condition, "motor neurone disease", false)));
    assert!(kinds.iter().any(|k| k.0 == QuasiKind::JobTitle));
    // Redacting the flagged words resolves the warning.
    let mut d = Decisions::default();
    review
        .add_phrase(&mut d, "motor neurone disease")
        .expect("a phrase");
    let view = &review.view(&d)[0];
    assert!(view
        .warnings
        .iter()
        .any(|w| w.kind == QuasiKind::Condition && w.resolved));
}

// --- the three functions --------------------------------------------------------------------

#[test]
fn formative_gathers_learning_points_and_actions_by_week() {
    let w = World::new(vec![
        entry(
            "e1",
            "2026-11-03",
            &["anchor-step"],
            vec![
                answer("What happened", PromptRole::Other, "The account itself."),
                answer(
                    "What I learned",
                    PromptRole::Learning,
                    "Slow down at the start.",
                ),
                answer("Action plan", PromptRole::Action, "Book a joint visit."),
            ],
        ),
        entry(
            "e2",
            "2026-11-18",
            &["md-staff"],
            vec![answer(
                "Now what?",
                PromptRole::Action,
                "Ask about the carers' group.",
            )],
        ),
        entry(
            "e3",
            "2026-11-19",
            &[],
            vec![answer(
                "What I learned",
                PromptRole::Learning,
                "Not shared.",
            )],
        ),
    ]);
    let s = w.review(&["e1", "e2"], "").finish(&Decisions::default());
    let got: Vec<(NaiveDate, usize, PromptRole, &str)> = s
        .formative
        .weeks
        .iter()
        .flat_map(|w| {
            w.items
                .iter()
                .map(move |i| (w.week, i.reflection, i.role, i.text.text.as_str()))
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                day("2026-11-02"),
                1,
                PromptRole::Learning,
                "Slow down at the start."
            ),
            (
                day("2026-11-02"),
                1,
                PromptRole::Action,
                "Book a joint visit."
            ),
            (
                day("2026-11-16"),
                2,
                PromptRole::Action,
                "Ask about the carers' group."
            ),
        ]
    );
    // e1 has no micro-discretion or boundary tag: it is an "other" reflection.
    assert_eq!(s.other_reflections.len(), 1);
    assert_eq!(s.normative.reflections[0].number, 2);
    assert!(to_markdown(&s).contains("**Action, from reflection 2 (“Now what?”)**"));
}

#[test]
fn a_wellbeing_check_is_summarised_in_the_week_of_its_reflection() {
    // The reflection is about 27 November; the check was answered on 1 December, after
    // the period, so counting by the answer day would lose it.
    let mut w = World::new(vec![free("e1", "2026-11-27", &[], "x")]);
    w.today = day("2026-12-01");
    w.wellbeing.record(WellbeingCheck {
        entry: eid("e1"),
        on: day("2026-12-01"),
        rating: Rating::new(4).expect("1 to 5"),
        emotional_load: None,
    });
    let s = w.review(&[], "").finish(&Decisions::default());
    let wb = &s.restorative.wellbeing;
    assert_eq!(wb.checks, 1);
    let weeks: Vec<(NaiveDate, usize)> = wb.weeks.iter().map(|x| (x.week, x.checks)).collect();
    assert_eq!(weeks, vec![(day("2026-11-23"), 1)]);
}

#[test]
fn the_printable_summary_leaves_out_rows_of_zeros_and_says_none_once() {
    let w = World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &["md-patient"],
            "Offered a fourth session.",
        ),
        free("e2", "2026-11-18", &["boundary-held"], "Said no to a task."),
    ]);
    let s = w.review(&["e1", "e2"], "").finish(&Decisions::default());
    let html = to_html(&s);
    // Every body row has at least one cell that is not zero.
    for row in html.split("<tr>").skip(1) {
        let row = row.split("</tr>").next().unwrap_or("");
        if row.contains("<th scope=\"col\"") {
            continue;
        }
        let cells: Vec<&str> = row
            .split("<td")
            .skip(1)
            .filter_map(|c| c.split('>').nth(1))
            .map(|c| c.trim_end_matches("</td"))
            .collect();
        assert!(
            cells.is_empty() || cells.iter().any(|c| *c != "0"),
            "a row of zeros: {row}"
        );
    }
    for required in [
        "Week by week",
        "micro-discretion: with a patient",
        "boundary: held",
        "Holding threads open: none.",
    ] {
        assert!(html.contains(required), "{required}");
    }
    // Weeks without reflections are left out of the week-by-week table.
    assert!(!html.contains(">w/c 9 Nov 2026<"), "{html}");
    // The same walk writes the Markdown, so it has no rows of zeros either.
    let md = to_markdown(&s);
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert!(
            cells.iter().skip(1).any(|c| *c != "0"),
            "a row of zeros: {line}"
        );
    }
    // Print styles: a reflection may run across a page break rather than leave a gap.
    assert!(!html.contains(".reflection,.text"), "{html}");
}

#[test]
fn restorative_counts_wellbeing_holding_and_embeddedness_without_pseudonyms() {
    let mut w = World::new(vec![free("e1", "2026-11-03", &[], "x")]);
    let check = |entry: &str, on: &str, rating: u8, load: Option<Load>| WellbeingCheck {
        entry: eid(entry),
        on: day(on),
        rating: Rating::new(rating).expect("1 to 5"),
        emotional_load: load,
    };
    for c in [
        check("w1", "2026-11-03", 2, Some(Load::Heavy)),
        check("w2", "2026-11-05", 4, Some(Load::Light)),
        check("w3", "2026-11-17", 3, None),
        check("w4", "2026-10-20", 1, Some(Load::Heavy)), // before the period
    ] {
        w.wellbeing.record(c);
    }
    let tid = |s: &str| ThreadId::parse(s).expect("valid");
    let t = &mut w.threads;
    t.create(tid("t1"), "Walnut", day("2026-11-20"))
        .expect("new");
    t.create(tid("t2"), "Person Blue", day("2026-05-01"))
        .expect("new");
    t.create(tid("t3"), "Person C", day("2026-10-01"))
        .expect("new");
    t.create(tid("t4"), "Person D", day("2026-12-20"))
        .expect("new"); // after
    let driver = |s: &str| vec![TagId::parse(s).expect("tag")];
    t.set_drivers(&tid("t1"), &driver("driver-no-provision"))
        .expect("a driver");
    t.set_drivers(&tid("t2"), &driver("driver-no-provision"))
        .expect("a driver");
    t.set_functions(&tid("t2"), &driver("holding-waiting"))
        .expect("a function");
    t.close(&tid("t3"), day("2026-11-12"), Outcome::ConnectedOnward)
        .expect("closed");
    for (on, rating) in [
        ("2026-11-02", Embeddedness::BoltedOn),
        ("2026-11-06", Embeddedness::FittingIn),
        ("2026-11-24", Embeddedness::Belonging),
    ] {
        w.embeddedness.add(EmbeddednessCheckIn {
            on: day(on),
            rating,
            notes: Default::default(),
        });
    }
    w.today = day("2026-12-01");
    let s = w.review(&[], "").finish(&Decisions::default());
    let wb = &s.restorative.wellbeing;
    assert_eq!((wb.checks, wb.average), (3, Some(3.0)));
    assert_eq!(
        wb.emotional_load,
        LoadCounts {
            light: 1,
            moderate: 0,
            heavy: 1,
            not_given: 1
        }
    );
    let weeks: Vec<(NaiveDate, usize, f64, usize)> = wb
        .weeks
        .iter()
        .map(|w| (w.week, w.checks, w.average, w.heavy_days))
        .collect();
    assert_eq!(
        weeks,
        vec![
            (day("2026-11-02"), 2, 3.0, 1),
            (day("2026-11-16"), 1, 3.0, 0)
        ]
    );
    let h = &s.restorative.holding;
    // At the end of the period (Sunday 6 December 2026 is after today, so today counts).
    assert_eq!(h.open, 2);
    let bands: Vec<(DurationBand, usize)> =
        h.by_duration.iter().map(|b| (b.band, b.count)).collect();
    assert_eq!(
        bands,
        vec![
            (DurationBand::UnderFourWeeks, 1),
            (DurationBand::OneToThreeMonths, 0),
            (DurationBand::ThreeToSixMonths, 0),
            (DurationBand::OverSixMonths, 1),
        ]
    );
    let no_provision = h
        .by_driver
        .iter()
        .find(|t| t.tag == "driver-no-provision")
        .map(|t| t.count);
    assert_eq!(no_provision, Some(2));
    assert_eq!(h.by_function[0].count, 1);
    let closed: Vec<(Outcome, usize)> = h.closed.iter().map(|c| (c.outcome, c.count)).collect();
    assert_eq!(
        closed,
        vec![
            (Outcome::ConnectedOnward, 1),
            (Outcome::Closed, 0),
            (Outcome::StillHolding, 0)
        ]
    );
    let emb: Vec<(NaiveDate, Embeddedness)> = s
        .restorative
        .embeddedness
        .iter()
        .map(|e| (e.week, e.rating))
        .collect();
    assert_eq!(
        emb,
        vec![
            (day("2026-11-02"), Embeddedness::FittingIn),
            (day("2026-11-23"), Embeddedness::Belonging)
        ]
    );
    for (format, out) in all_formats(&s) {
        for pseudonym in ["Walnut", "Person Blue", "Person C", "Person D"] {
            assert!(!out.contains(pseudonym), "{format} has {pseudonym}");
        }
    }
}

// --- the formats ---------------------------------------------------------------------------

#[test]
fn html_is_a_standalone_printable_page_with_everything_escaped() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &["md-patient"],
        "<script>alert(\"x\")</script> & <img src=x onerror=y> 'quoted'",
    )]);
    let s = w
        .review(&["e1"], "<b>bold</b>")
        .finish(&Decisions::default());
    let html = to_html(&s);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(html.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt; &#39;quoted&#39;"
    ));
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"));
    for forbidden in [
        "<script", "<img", "<b>", "src=\"", "href=", "http:", "https:", "@import", "url(",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    for required in [
        "<h1>Anonymised supervision summary</h1>",
        "Period: w/c 2 Nov 2026 to w/c 30 Nov 2026 (5 weeks)",
        "Generated by Anchorpoint on this device. This file is not encrypted",
        "@media print",
        "@page{size:A4",
        "break-inside:avoid",
        "</html>\n",
    ] {
        assert!(html.contains(required), "{required}");
    }
    // Sections and articles are balanced.
    for tag in ["section", "article", "table", "div"] {
        assert_eq!(
            html.matches(&format!("<{tag}")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "{tag}"
        );
    }
}

#[test]
fn markdown_escapes_markup_in_the_workers_words() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &[],
        "# not a heading\n*not bold* [not](a link) <b>x</b> | pipe",
    )]);
    let md = to_markdown(&w.review(&["e1"], "").finish(&Decisions::default()));
    assert!(md.contains(
        "\\# not a heading\n\n\\*not bold\\* \\[not\\](a link) \\<b\\>x\\</b\\> \\| pipe\n\n"
    ));
    assert!(md.starts_with("# Anonymised supervision summary\n\nPeriod: w/c 2 Nov 2026 to w/c 30 Nov 2026 (5 weeks)\n\n"));
}

#[test]
fn csv_fields_are_quoted_and_defused_as_rfc_4180_and_spreadsheets_need() {
    let mut w = World::new(vec![]);
    let a = w
        .vocabulary
        .create(IdSeed::default(), "cake, \"tea\"", "")
        .expect("valid");
    let b = w
        .vocabulary
        .create(IdSeed::default(), "=1+2", "")
        .expect("valid");
    w.journal
        .put(free("e1", "2026-11-03", &[a.as_str(), b.as_str()], "x"));
    let csv = to_csv_tag_counts(&w.review(&[], "").finish(&Decisions::default()));
    assert_eq!(
        csv,
        "week_commencing,family,tag,count\r\n\
         2026-11-02,your own tags,\"cake, \"\"tea\"\"\",1\r\n\
         2026-11-02,your own tags,'=1+2,1\r\n"
    );
}

#[test]
fn json_is_versioned_uses_kind_codes_and_reads_back() {
    let w = World::new(vec![free(
        "e1",
        "2026-11-03",
        &["md-patient"],
        "Joy Okafor rang.",
    )]);
    let s = w.review(&["e1"], "").finish(&Decisions::default());
    let json = to_json(&s);
    assert!(json
        .starts_with("{\n  \"format\": \"anchorpoint-supervision-summary\",\n  \"version\": 2,\n  \"worker\": null,"));
    assert!(json.contains("\"kind\": \"NAME\""));
    let back: Summary = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, s);
}

#[test]
fn an_empty_period_still_gives_every_section() {
    let w = World::new(vec![]);
    let s = w.review(&[], "").finish(&Decisions::default());
    let md = to_markdown(&s);
    for line in [
        "No reflection text is included: only tags and counts.",
        "## Normative: judgement calls and boundaries",
        "## Formative: learning and actions",
        "No learning points or actions in the reflections shared.",
        "## Restorative: wellbeing and load",
        "No wellbeing checks in this period.",
        "No embeddedness check-ins in this period.",
        "## What I want to bring to supervision\n\nNothing added.",
    ] {
        assert!(md.contains(line), "{line}");
    }
    assert_eq!(
        to_csv_tag_counts(&s),
        "week_commencing,family,tag,count\r\n"
    );
}

// --- the privacy property ------------------------------------------------------------------------

/// Properties over generated names. proptest draws on a random source that does not build
/// for the browser, so these run natively only.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A fictional name: one to three capitalised made-up words.
    fn name() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec("[A-Z][a-z]{2,8}", 1..=3)
    }

    /// The name as written in a note: in some case, maybe possessive.
    fn written(words: &[String], case: u8, possessive: u8) -> String {
        let joined = words.join(" ");
        let cased = match case {
            0 => joined,
            1 => joined.to_uppercase(),
            2 => joined.to_lowercase(),
            _ => joined
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect(),
        };
        let suffix = ["", "'s", "\u{2019}s", "'S"][usize::from(possessive % 4)];
        format!("{cased}{suffix}")
    }

    /// Lower-case words of an export, split on anything that is not a letter, so the
    /// check sees names through markup, escapes and possessives.
    fn words(out: &str) -> Vec<String> {
        out.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    fn contains_seq(hay: &[String], needle: &[String]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    const CONTEXT: &[&str] = &[
        "Rang {} about the group.",
        "{} came in early; we talked about the debt.",
        "I went with {} to the food bank",
        "Saw {} again. Nothing to fix, I listened.",
        "Waiting list news for {}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn no_listed_name_reaches_any_export_in_any_case_or_possessive(
            names in proptest::collection::vec(name(), 1..=3),
            uses in proptest::collection::vec((0usize..3, 0usize..5, 0u8..4, 0u8..4), 1..8),
            show_everything in any::<bool>(),
        ) {
            let lowered: Vec<Vec<String>> = names
                .iter()
                .map(|n| n.iter().map(|w| w.to_lowercase()).collect())
                .collect();
            // Words every export contains anyway ("place", "person", "week"...) are not
            // names anyone would list; skip names made only of them.
            let baseline = World::new(vec![free("e0", "2026-11-03", &["md-patient"], "x")]);
            let mut skeleton: Vec<String> = all_formats(&baseline.review(&["e0"], "x").finish(&Decisions::default()))
                .iter()
                .flat_map(|(_, out)| words(out))
                .collect();
            skeleton.extend(["person", "place", "redacted"].map(String::from));
            prop_assume!(lowered.iter().all(|n| !n.iter().all(|w| skeleton.contains(w))));

            let mut entries = Vec::new();
            let mut bring = String::new();
            for (i, (who, context, case, possessive)) in uses.iter().enumerate() {
                let n = &names[who % names.len()];
                let sentence = CONTEXT[*context].replace("{}", &written(n, *case, *possessive));
                if i % 3 == 2 {
                    bring.push_str(&sentence);
                    bring.push(' ');
                } else {
                    entries.push(entry(
                        &format!("e{i}"),
                        "2026-11-04",
                        &["md-patient"],
                        vec![
                            Section::free(sentence.clone()),
                            answer("What I learned", PromptRole::Learning, &sentence),
                        ],
                    ));
                }
            }
            let ids: Vec<String> = entries.iter().map(|e| e.id.as_str().to_owned()).collect();
            let mut w = World::new(entries);
            w.names = names.iter().map(|n| n.join(" ")).collect();
            let include: Vec<&str> = ids.iter().map(String::as_str).collect();
            let review = w.review(&include, &bring);
            // Even a worker who tries to show every single redaction cannot show a listed name.
            let mut d = Decisions::default();
            if show_everything {
                for (i, t) in review.texts().iter().enumerate() {
                    for s in &review.findings(i).spans {
                        d.unredacted.push(Unredaction { text: t.id.clone(), start: s.start, end: s.end });
                    }
                }
            }
            let s = review.finish(&d);
            for (format, out) in all_formats(&s) {
                let got = words(&out);
                for n in &lowered {
                    prop_assert!(!contains_seq(&got, n), "{} contains {:?}:\n{}", format, n, out);
                }
            }
        }
    }
}

// --- download formats ------------------------------------------------------------------------

#[test]
fn each_download_format_has_its_own_id_extension_and_contents_and_a_name_without_days() {
    use super::export::Format;
    let world = World::new(vec![free(
        "e1",
        "2026-11-04",
        &["md-patient"],
        "Rang Joy Okafor on 07700 900123.",
    )]);
    let summary = world.review(&["e1"], "").finish(&Decisions::default());
    let mut ids = Vec::new();
    for (format, (ext, expected)) in Format::ALL.into_iter().zip(all_formats(&summary)) {
        assert_eq!(Format::parse(format.id()), Some(format));
        assert_eq!(format.extension(), ext);
        assert_eq!(format.render(&summary), expected);
        assert_eq!(
            format.file_name(&summary),
            format!("anchorpoint-summary-2026-11-02-to-2026-11-30.{ext}")
        );
        ids.push(format.id());
    }
    ids.dedup();
    assert_eq!(ids.len(), 4);
    assert_eq!(Format::parse("pdf"), None);
}

#[test]
fn headings_never_skip_a_level_in_markdown_or_html() {
    let world = World::new(vec![
        free(
            "e1",
            "2026-11-04",
            &["md-patient"],
            "Gave a fourth session.",
        ),
        free(
            "e2",
            "2026-11-05",
            &["anchor-step"],
            "She booked the group herself.",
        ),
    ]);
    let summary = world
        .review(&["e1", "e2"], "")
        .finish(&Decisions::default());
    let html = to_html(&summary);
    let markdown = to_markdown(&summary);
    let html_levels: Vec<usize> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
        .map(|d| d as usize)
        .collect();
    let md_levels: Vec<usize> = markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.chars().take_while(|c| *c == '#').count())
        .collect();
    for (format, levels) in [("html", html_levels), ("markdown", md_levels)] {
        assert!(
            levels.contains(&4),
            "{format}: a reflection under normative"
        );
        assert_eq!(levels[0], 1, "{format}");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{format} skips from h{} to h{}",
                pair[0],
                pair[1]
            );
        }
    }
}

// --- the review at scale: pages, progress, phrases found once (issue 13) --------------------

/// Three reflections (the middle one with two answers) and a bring text.
fn paged_world() -> World {
    World::new(vec![
        free(
            "e1",
            "2026-11-03",
            &[],
            "Saw Mrs Pennywhistle; a retired headteacher. The walking group is full.",
        ),
        entry(
            "e2",
            "2026-11-10",
            &[],
            vec![
                answer(
                    "What happened?",
                    PromptRole::Other,
                    "Rang Joy Okafor on 07700 900123.",
                ),
                answer(
                    "What next?",
                    PromptRole::Action,
                    "Ask Mrs Pennywhistle about the walking group.",
                ),
            ],
        ),
        free(
            "e3",
            "2026-11-17",
            &[],
            "Mr Quibble joined the walking group.",
        ),
    ])
}

#[test]
fn the_review_has_one_page_per_reflection_then_the_bring_text() {
    let w = paged_world();
    let review = w.review(&["e1", "e2", "e3"], "Talk about Mr Quibble.");
    let pages: Vec<(Option<usize>, std::ops::Range<usize>)> = review
        .pages()
        .iter()
        .map(|p| (p.reflection, p.texts.clone()))
        .collect();
    assert_eq!(
        pages,
        vec![
            (Some(1), 0..1),
            (Some(2), 1..3),
            (Some(3), 3..4),
            (None, 4..5)
        ]
    );
    assert_eq!(review.pages()[1].week, Some(day("2026-11-09")));
    assert_eq!(review.page_of(2), Some(1));
    assert_eq!(review.page_of(4), Some(3));
    assert_eq!(review.page_of(5), None);
    // Counts only: no pages, so nothing to check one by one.
    assert!(w.review(&[], "").pages().is_empty());
    assert!(w.review(&["e2"], "").pages().len() == 1);
}

#[test]
fn a_page_shows_its_texts_with_the_pseudonyms_and_totals_of_the_whole_review() {
    let w = paged_world();
    let review = w.review(&["e1", "e2", "e3"], "Talk about Mr Quibble.");
    let d = Decisions::default();
    let all = review.view(&d);
    let total: usize = all
        .iter()
        .flat_map(|v| &v.segments)
        .filter(|s| {
            s.mark
                .as_ref()
                .is_some_and(|m| m.state != MarkState::Unredacted)
        })
        .count();
    let mut shown = Vec::new();
    for (n, page) in review.pages().iter().enumerate() {
        let view = review.page(&d, n);
        // Exactly the page's texts, each as the whole review's view has it: "Person B" on
        // page 3 is Person B because of what pages 1 and 2 hold.
        let indexes: Vec<usize> = view.texts.iter().map(|(i, _)| *i).collect();
        assert_eq!(indexes, page.texts.clone().collect::<Vec<_>>());
        for (i, text) in &view.texts {
            assert_eq!(text, &all[*i]);
            shown.push(*i);
        }
        assert_eq!(view.redactions, total, "page {n} totals every text");
    }
    assert_eq!(shown, (0..review.texts().len()).collect::<Vec<_>>());
    let third = review.page(&d, 2);
    let replacements: Vec<String> = third.texts[0]
        .1
        .segments
        .iter()
        .filter_map(|s| s.mark.as_ref().and_then(|m| m.replacement.clone()))
        .collect();
    assert_eq!(replacements, vec!["Person C"]);
    // A page out of range has no texts, and still the totals.
    let none = review.page(&d, 9);
    assert!(none.texts.is_empty());
    assert_eq!(none.redactions, total);
}

#[test]
fn warnings_of_every_page_are_listed_with_their_page_until_redacted() {
    let w = paged_world();
    let review = w.review(&["e1", "e2", "e3"], "");
    let view = review.page(&Decisions::default(), 2);
    let warning = view
        .warnings
        .iter()
        .find(|w| w.warning.kind == QuasiKind::JobTitle)
        .expect("the job title on page 1 is listed on page 3");
    assert_eq!((warning.page, warning.text), (0, 0));
    assert!(!warning.warning.resolved);
    let mut d = Decisions::default();
    review
        .add_phrase(&mut d, "retired headteacher")
        .expect("a phrase");
    assert!(review
        .page(&d, 2)
        .warnings
        .iter()
        .all(|w| w.warning.kind != QuasiKind::JobTitle));
}

#[test]
fn an_added_phrase_counts_and_redacts_everywhere_and_undoing_it_restores_the_page() {
    let w = paged_world();
    let review = w.review(&["e1", "e2", "e3"], "");
    review.scan_more(usize::MAX);
    let before = review.page(&Decisions::default(), 1);
    assert!(before.complete);
    let mut d = Decisions::default();
    // Found once in each of three texts, on three pages.
    assert_eq!(review.add_phrase(&mut d, "walking group"), Ok(3));
    // Again, in another case: counted, but kept once.
    assert_eq!(review.add_phrase(&mut d, "Walking Group"), Ok(3));
    assert_eq!(d.phrases, vec!["walking group".to_owned()]);
    for n in 0..3 {
        let page = review.page(&d, n);
        assert!(
            page.texts.iter().any(|(_, t)| t.segments.iter().any(|s| s
                .mark
                .as_ref()
                .is_some_and(|m| m.state == MarkState::Added && s.text == "walking group"))),
            "page {n}"
        );
    }
    assert_eq!(review.page(&d, 1).redactions, before.redactions + 3);
    let s = review.finish(&d);
    assert!(!to_markdown(&s).contains("walking group"));
    // Undo: the page is exactly as it was.
    assert!(d.remove_phrase("walking group"));
    assert_eq!(review.page(&d, 1), before);
    assert!(to_markdown(&review.finish(&d)).contains("walking group"));
    // A hand-made decision with a phrase never added through the review still applies.
    let hand = Decisions {
        unredacted: vec![],
        phrases: vec!["Quibble".to_owned()],
    };
    assert!(!to_markdown(&review.finish(&hand)).contains("Quibble"));
}

#[test]
fn nothing_counts_as_checked_until_every_page_has_been_seen() {
    let mut p = Progress::new(3);
    assert_eq!(
        (p.seen_count(), p.first_unseen(), p.all_seen()),
        (0, Some(0), false)
    );
    p.see(0);
    p.see(2);
    p.see(2);
    p.see(7); // out of range: ignored
    assert_eq!(
        (p.seen_count(), p.first_unseen(), p.all_seen()),
        (2, Some(1), false)
    );
    assert!(p.is_seen(2) && !p.is_seen(1) && !p.is_seen(7));
    p.see(1);
    assert!(p.all_seen());
    assert_eq!(p.pages(), 3);
    // A summary of counts only has nothing to check.
    assert!(Progress::new(0).all_seen());
}

#[test]
fn the_review_scans_in_order_and_a_page_counts_everything_only_once_all_are_scanned() {
    let w = paged_world();
    let review = w.review(&["e1", "e2", "e3"], "Talk about Mr Quibble.");
    // Nothing is scanned until asked: "Continue" only counts.
    assert_eq!(review.scanned(), 0);
    let first = review.page(&Decisions::default(), 0);
    // The first page is scanned to draw it; the totals so far say they are not complete.
    assert_eq!(review.scanned(), 1);
    assert!(!first.complete);
    // Page 3 needs every text before it, for its pseudonyms.
    let third = review.page(&Decisions::default(), 2);
    assert_eq!(review.scanned(), 4);
    assert!(!third.complete);
    assert_eq!(review.scan_more(10), 5);
    assert_eq!(review.scan_more(10), 5);
    let done = review.page(&Decisions::default(), 0);
    assert!(done.complete);
    // Scanned in steps or all at once, the same review.
    let fresh = w.review(&["e1", "e2", "e3"], "Talk about Mr Quibble.");
    assert_eq!(fresh.scan_more(2), 2);
    assert_eq!(fresh.scan_more(2), 4);
    assert_eq!(fresh.scan_more(2), 5);
    assert_eq!(fresh.page(&Decisions::default(), 0), done);
    assert_eq!(third.texts, fresh.page(&Decisions::default(), 2).texts);
    // Confirming never depends on how far the scan had got.
    let unscanned = w.review(&["e1", "e2", "e3"], "Talk about Mr Quibble.");
    assert_eq!(
        to_json(&unscanned.finish(&Decisions::default())),
        to_json(&review.finish(&Decisions::default()))
    );
}
