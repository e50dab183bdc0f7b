//! Specifications for the insights charts: the weeks, the counting, the scaling and the
//! words. Dates are fixed; "today" is Wednesday 25 November 2026 unless a case says so,
//! so the 12 weeks run from Monday 7 September to Sunday 29 November 2026.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};

use super::*;
use crate::core::checkins::{EmbeddednessCheckIn, Load, ReflectionDays, WellbeingCheck};
use crate::core::entry::{Entry, Section};
use crate::core::ids::{EntryId, TagId, ThreadId};
use crate::core::threads::Outcome;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn period() -> Period {
    Period::ending(day("2026-11-25"), DEFAULT_WEEKS)
}

fn entry(n: usize, about: &str, tags: &[&str]) -> Entry {
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
    Entry {
        id: EntryId::parse(&format!("e{n}")).unwrap(),
        written_at: at,
        updated_at: at,
        about: day(about),
        sections: vec![Section::free("A fictional reflection.")],
        tags: tags.iter().map(|t| TagId::parse(t).unwrap()).collect(),
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

fn journal(entries: &[(&str, &[&str])]) -> Journal {
    Journal::from_entries(
        entries
            .iter()
            .enumerate()
            .map(|(n, (about, tags))| entry(n, about, tags)),
    )
}

/// The table as (row header, cells) for the weeks that have any non-zero cell.
fn nonzero_rows(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .filter(|r| r[1..].iter().any(|c| c != "0"))
        .cloned()
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

// --- weeks -------------------------------------------------------------------------------

#[test]
fn the_period_is_whole_monday_weeks_ending_with_the_week_of_today() {
    // today, weeks, first Monday, last Sunday
    let cases = [
        ("2026-11-25", 12, "2026-09-07", "2026-11-29"),
        ("2026-11-23", 12, "2026-09-07", "2026-11-29"), // a Monday
        ("2026-11-29", 12, "2026-09-07", "2026-11-29"), // a Sunday
        ("2026-11-30", 12, "2026-09-14", "2026-12-06"), // the next Monday moves on a week
        ("2026-01-01", 12, "2025-10-13", "2026-01-04"), // ISO week 1 starts in December
        ("2027-01-03", 2, "2026-12-21", "2027-01-03"),  // ISO week 53
        ("2026-11-25", 1, "2026-11-16", "2026-11-29"),  // at least two weeks
    ];
    for (today, weeks, first, last) in cases {
        let p = Period::ending(day(today), weeks);
        assert_eq!(
            (p.first_day(), p.last_day()),
            (day(first), day(last)),
            "{today}"
        );
    }
}

#[test]
fn days_fall_into_weeks_at_monday_boundaries() {
    let p = Period::ending(day("2026-01-01"), 12);
    let cases = [
        ("2025-10-12", None), // the Sunday before
        ("2025-10-13", Some(0)),
        ("2025-10-19", Some(0)),
        ("2025-10-20", Some(1)),
        ("2025-12-28", Some(10)), // Sunday of the last week of 2025
        ("2025-12-29", Some(11)), // Monday of ISO week 1 of 2026
        ("2026-01-04", Some(11)),
        ("2026-01-05", None),
    ];
    for (d, week) in cases {
        assert_eq!(p.week_of(day(d)), week, "{d}");
    }
}

#[test]
fn weeks_are_written_as_week_commencing_with_a_short_month() {
    assert_eq!(week_label(day("2026-11-03")), "w/c 3 Nov");
    assert_eq!(week_label(day("2025-12-29")), "w/c 29 Dec");
    assert_eq!(short_date(day("2026-01-31")), "31 Jan");
    assert_eq!(period().range(), "w/c 7 Sep to w/c 23 Nov");
    assert_eq!(period().phrase(), "the last 12 weeks");
}

// --- numbers -----------------------------------------------------------------------------

#[test]
fn count_axes_step_by_one_two_or_five_with_at_most_five_ticks() {
    // largest value, (step, top)
    let cases = [
        (0, (1, 1)),
        (1, (1, 1)),
        (4, (1, 4)),
        (5, (1, 5)),
        (6, (2, 6)),
        (7, (2, 8)),
        (10, (2, 10)),
        (11, (5, 15)),
        (25, (5, 25)),
        (26, (10, 30)),
        (99, (20, 100)),
        (101, (50, 150)),
    ];
    for (max, expected) in cases {
        assert_eq!(count_axis(max), expected, "{max}");
    }
    assert!(count_axis(u32::MAX).1 >= u32::MAX / 5);
}

#[test]
fn averages_round_half_up_to_one_decimal() {
    // total, checks, shown
    let cases = [
        (5, 1, "5.0"),
        (7, 2, "3.5"),
        (10, 3, "3.3"),
        (11, 3, "3.7"),
        (67, 20, "3.4"), // 3.35
        (21, 8, "2.6"),  // 2.625
        (6, 6, "1.0"),
        (0, 0, "0.0"), // never asked for, but no division by zero
    ];
    for (total, checks, shown) in cases {
        assert_eq!(
            one_decimal(tenths(total, checks)),
            shown,
            "{total}/{checks}"
        );
    }
}

#[test]
fn short_lists_sort_stably() {
    let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
    sort_short(&mut items, |a, b| a.0 > b.0);
    assert_eq!(
        items,
        vec![(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]
    );
    let mut empty: Vec<u8> = vec![];
    sort_short(&mut empty, |a, b| a < b);
    assert!(empty.is_empty());
}

// --- tags per week -----------------------------------------------------------------------

#[test]
fn tags_are_counted_in_the_week_the_entry_is_about_by_family() {
    let j = journal(&[
        ("2026-11-22", &["md-patient", "boundary-stretched"]), // Sunday: week 10
        ("2026-11-23", &["md-staff"]),                         // Monday: week 11
        ("2026-11-24", &["md-community", "custom-1"]),
        ("2026-09-07", &["anchor-space"]), // first day of the period
        ("2026-09-06", &["md-patient"]),   // the day before: not counted
        ("2026-10-05", &[]),               // an entry without tags counts nothing
    ]);
    let chart = tags_per_week(&j, period());
    assert_eq!(
        chart.table.head,
        strings(&[
            "Week",
            "Micro-discretion",
            "Boundary",
            "Anchor point",
            "Your own tags",
            "Total"
        ])
    );
    assert_eq!(chart.table.rows.len(), 12, "every week has a row");
    assert_eq!(
        nonzero_rows(&chart.table),
        vec![
            strings(&["w/c 7 Sep", "0", "0", "1", "0", "1"]),
            strings(&["w/c 16 Nov", "1", "1", "0", "0", "2"]),
            strings(&["w/c 23 Nov", "2", "0", "0", "1", "3"]),
        ]
    );
    assert_eq!(
        chart.table.rows[1],
        strings(&["w/c 14 Sep", "0", "0", "0", "0", "0"])
    );
    assert_eq!(
        chart.table.caption,
        "Tags per week, w/c 7 Sep to w/c 23 Nov"
    );
    assert_eq!(
        chart.summary,
        "Over the last 12 weeks you used 6 tags; the busiest week was w/c 23 Nov, with 3. \
         You used micro-discretion tags most: 3 times."
    );
}

#[test]
fn weeks_across_the_new_year_are_kept_apart() {
    let p = Period::ending(day("2026-01-01"), 12);
    let j = journal(&[
        ("2025-12-28", &["wellbeing-load"]),
        ("2025-12-29", &["wellbeing-load", "wellbeing-isolation"]),
        ("2026-01-01", &["wellbeing-caseload"]),
    ]);
    let chart = tags_per_week(&j, p);
    assert_eq!(
        nonzero_rows(&chart.table),
        vec![
            strings(&["w/c 22 Dec", "1", "1"]),
            strings(&["w/c 29 Dec", "3", "3"]),
        ]
    );
    assert_eq!(
        chart.table.head,
        strings(&["Week", "Own wellbeing", "Total"])
    );
}

#[test]
fn only_custom_tags_and_ties_are_worded_plainly() {
    let j = journal(&[("2026-11-02", &["custom-7"]), ("2026-11-09", &["custom-2"])]);
    let chart = tags_per_week(&j, period());
    // Two weeks with one each: the later one is named.
    assert_eq!(
        chart.summary,
        "Over the last 12 weeks you used 2 tags; the busiest week was w/c 9 Nov, with 1. \
         You used your own tags most: 2 times."
    );
    let j = journal(&[("2026-11-02", &["boundary-held", "md-patient"])]);
    assert_eq!(
        tags_per_week(&j, period()).summary,
        "Over the last 12 weeks you used 2 tags; the busiest week was w/c 2 Nov, with 2. \
         You used micro-discretion tags most: once."
    );
}

#[test]
fn an_empty_journal_has_a_table_of_zeros_and_no_picture() {
    let chart = tags_per_week(&Journal::new(), period());
    assert_eq!(chart.plot, None);
    assert_eq!(
        chart.summary,
        "No tags on reflections about the last 12 weeks. When you choose tags for a \
         reflection, they are counted here in the week the reflection is about."
    );
    assert_eq!(chart.table.head, strings(&["Week", "Total"]));
    assert!(chart.table.rows.iter().all(|r| r[1] == "0"));
}

#[test]
fn bars_are_scaled_to_a_round_top_and_labelled_with_their_counts() {
    let eight: Vec<&str> = vec![
        "md-patient",
        "md-staff",
        "md-community",
        "boundary-held",
        "boundary-stretched",
        "anchor-at-ease",
        "anchor-space",
        "anchor-step",
    ];
    let j = journal(&[("2026-11-25", &eight), ("2026-11-16", &eight[..4])]);
    let plot = tags_per_week(&j, period()).plot.expect("a picture");
    assert_eq!((plot.width, plot.height), (640, 240));
    let bars: Vec<(u32, u32, u32, u32)> = plot
        .bars
        .iter()
        .map(|b| (b.x, b.y, b.width, b.height))
        .collect();
    assert_eq!(bars.len(), 12);
    // Week 11 (8 tags) reaches the top of the plot, week 10 (4) half way, the rest nothing.
    assert_eq!(bars[11], (589, 24, 26, 184));
    assert_eq!(bars[10], (545, 116, 26, 92));
    assert_eq!(bars[0], (105, 208, 26, 0));
    // Ticks 2, 4, 6, 8 on the left, every count above its bar, every other week below.
    let text = |x: u32, y: u32| {
        plot.labels
            .iter()
            .find(|l| (l.x, l.y) == (x, y))
            .map(|l| l.text.as_str())
    };
    assert_eq!(text(88, 28), Some("8"));
    assert_eq!(text(88, 120), Some("4"));
    assert_eq!(text(88, 212), Some("0"));
    assert_eq!(text(602, 18), Some("8"));
    assert_eq!(text(558, 110), Some("4"));
    assert_eq!(text(602, 228), Some("23 Nov"));
    assert_eq!(text(558, 228), None);
    assert_eq!(text(514, 228), Some("9 Nov"));
    assert_eq!(plot.rules.iter().filter(|r| !r.axis).count(), 4);
}

// --- holding by driver -------------------------------------------------------------------

fn threads(list: &[(&str, &str, Option<&str>, &[&str])]) -> Threads {
    let mut all = Threads::new();
    for (n, (name, opened, closed, drivers)) in list.iter().enumerate() {
        let id = ThreadId::parse(&format!("t{n}")).unwrap();
        all.create(id.clone(), name, day(opened)).unwrap();
        let tags: Vec<TagId> = drivers.iter().map(|d| TagId::parse(d).unwrap()).collect();
        all.set_drivers(&id, &tags).unwrap();
        if let Some(on) = closed {
            all.close(&id, day(on), Outcome::ConnectedOnward).unwrap();
        }
    }
    all
}

#[test]
fn drivers_count_the_threads_open_at_some_point_in_the_period() {
    let t = threads(&[
        ("Person A", "2026-05-01", None, &["driver-no-provision"]), // opened before, still open
        (
            "Person B",
            "2026-05-01",
            Some("2026-09-07"),
            &["driver-no-provision", "driver-readiness"],
        ), // closed on the first day
        (
            "Person C",
            "2026-05-01",
            Some("2026-09-06"),
            &["driver-cant-fix"],
        ), // closed the day before: out
        ("Person D", "2026-11-20", None, &["driver-readiness"]),
        ("Person E", "2026-10-01", Some("2026-10-20"), &[]),
    ]);
    let chart = holding_by_driver(&t, period());
    assert_eq!(
        chart.table.rows,
        vec![
            strings(&["No provision", "2"]),
            strings(&["Readiness/capacity", "2"]),
            strings(&["Can't be fixed", "0"]),
            strings(&["Protecting staff", "0"]),
        ]
    );
    assert_eq!(
        chart.summary,
        "4 holding threads were open at some point in the last 12 weeks. The drivers chosen \
         most often were no provision and readiness/capacity, for 2 threads each."
    );
    let plot = chart.plot.expect("a picture");
    let widths: Vec<u32> = plot.bars.iter().map(|b| b.width).collect();
    assert_eq!(
        widths,
        vec![416, 416, 0, 0],
        "the longest bars fill the width"
    );
    assert_eq!(plot.height, 176);
    assert!(plot.labels.iter().any(|l| l.text == "Readiness/capacity"));
}

#[test]
fn holding_summaries_for_one_none_and_no_drivers() {
    let one = threads(&[("Person A", "2026-11-02", None, &["driver-protecting-staff"])]);
    assert_eq!(
        holding_by_driver(&one, period()).summary,
        "1 holding thread was open at some point in the last 12 weeks. The driver chosen most \
         often was protecting staff, for 1 thread."
    );
    let undecided = threads(&[("Person A", "2026-11-02", None, &[])]);
    let chart = holding_by_driver(&undecided, period());
    assert_eq!(chart.plot, None);
    assert_eq!(
        chart.summary,
        "1 holding thread was open at some point in the last 12 weeks, but none has a driver \
         chosen yet. Choose drivers for a thread to see them counted here."
    );
    let chart = holding_by_driver(&Threads::new(), period());
    assert_eq!(chart.plot, None);
    assert_eq!(
        chart.summary,
        "No holding threads were open in the last 12 weeks. When you open a holding thread \
         and say why you are holding the person, the reasons are counted here."
    );
}

// --- embeddedness ------------------------------------------------------------------------

fn history(list: &[(&str, Embeddedness)]) -> EmbeddednessHistory {
    let mut h = EmbeddednessHistory::new();
    for (on, rating) in list {
        h.add(EmbeddednessCheckIn {
            on: day(on),
            rating: *rating,
            notes: BTreeMap::new(),
        });
    }
    h
}

#[test]
fn embeddedness_check_ins_in_the_period_are_placed_by_day_and_level() {
    use Embeddedness::*;
    let h = history(&[
        ("2026-08-01", Belonging), // before the period
        ("2026-09-07", BoltedOn),
        ("2026-10-07", FittingIn),
        ("2026-11-25", Belonging),
    ]);
    let chart = embeddedness_over_time(&h, period());
    assert_eq!(
        chart.table.rows,
        vec![
            strings(&["7 Sep", "Bolted on"]),
            strings(&["7 Oct", "Fitting in"]),
            strings(&["25 Nov", "Belonging"]),
        ]
    );
    assert_eq!(
        chart.summary,
        "You checked in 3 times in the last 12 weeks. Your rating rose from bolted on on 7 Sep \
         to belonging on 25 Nov."
    );
    let plot = chart.plot.expect("a picture");
    // Bolted on on the baseline, belonging at the top; the first day of the period at the
    // left edge of the first week, today inside the last week.
    assert_eq!(plot.dots, vec![(99, 208), (287, 116), (595, 24)]);
    assert_eq!(plot.lines, vec!["99,208 287,116 595,24".to_owned()]);
    let levels: Vec<&str> = plot
        .labels
        .iter()
        .filter(|l| l.anchor == Anchor::End)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(levels, vec!["Bolted on", "Fitting in", "Belonging"]);
}

#[test]
fn a_stored_history_out_of_order_is_drawn_in_date_order() {
    let h: EmbeddednessHistory = serde_json::from_str(
        r#"{"check_ins":[{"on":"2026-11-10","rating":"belonging"},{"on":"2026-09-10","rating":"bolted-on"}]}"#,
    )
    .unwrap();
    let chart = embeddedness_over_time(&h, period());
    assert_eq!(chart.table.rows[0], strings(&["10 Sep", "Bolted on"]));
    assert!(chart
        .summary
        .contains("rose from bolted on on 10 Sep to belonging on 10 Nov"));
}

#[test]
fn embeddedness_summaries_for_fell_same_once_and_none() {
    use Embeddedness::*;
    let cases: [(&[(&str, Embeddedness)], &str); 4] = [
        (
            &[("2026-09-10", Belonging), ("2026-11-10", FittingIn)],
            "You checked in 2 times in the last 12 weeks. Your rating fell from belonging on \
             10 Sep to fitting in on 10 Nov.",
        ),
        (
            &[
                ("2026-09-10", FittingIn),
                ("2026-10-10", BoltedOn),
                ("2026-11-10", FittingIn),
            ],
            "You checked in 3 times in the last 12 weeks. Your latest rating, on 10 Nov, was \
             fitting in, the same as your first in this period.",
        ),
        (
            &[("2026-11-10", FittingIn)],
            "You checked in once in the last 12 weeks, on 10 Nov, and felt fitting in.",
        ),
        (
            &[("2026-01-10", FittingIn)],
            "No embeddedness check-ins in the last 12 weeks. When you check in on how embedded \
             you feel in the practice, from bolted on to belonging, your ratings are shown here.",
        ),
    ];
    for (list, expected) in cases {
        let chart = embeddedness_over_time(&history(list), period());
        assert_eq!(chart.summary, expected);
        assert_eq!(chart.plot.is_none(), chart.table.rows.is_empty());
    }
}

// --- wellbeing ---------------------------------------------------------------------------

fn log(list: &[(&str, u8, Option<Load>)]) -> WellbeingLog {
    let mut l = WellbeingLog::new();
    for (n, (on, rating, load)) in list.iter().enumerate() {
        l.record(WellbeingCheck {
            entry: EntryId::parse(&format!("e{n}")).unwrap(),
            on: day(on),
            rating: Rating::new(*rating).unwrap(),
            emotional_load: *load,
        });
    }
    l
}

#[test]
fn weeks_without_wellbeing_checks_are_gaps_not_zeros() {
    let heavy = Some(Load::Heavy);
    let l = log(&[
        ("2026-09-08", 4, None),
        ("2026-09-14", 2, heavy), // week 1
        ("2026-09-15", 3, heavy),
        ("2026-09-15", 4, heavy), // the same heavy day twice counts once
        // weeks 2 to 9: nothing
        ("2026-11-16", 2, None),
        ("2026-11-18", 3, None),
        ("2026-11-25", 5, Some(Load::Light)),
    ]);
    let chart = wellbeing_trend(&l, &ReflectionDays::default(), period());
    assert_eq!(
        chart.table.head,
        strings(&["Week", "Checks", "Average (1 to 5)", "Heavy days"])
    );
    let rows = &chart.table.rows;
    assert_eq!(rows[0], strings(&["w/c 7 Sep", "1", "4.0", "0"]));
    assert_eq!(rows[1], strings(&["w/c 14 Sep", "3", "3.0", "2"]));
    assert_eq!(rows[2], strings(&["w/c 21 Sep", "0", "No checks", "0"]));
    assert_eq!(rows[10], strings(&["w/c 16 Nov", "2", "2.5", "0"]));
    assert_eq!(rows[11], strings(&["w/c 23 Nov", "1", "5.0", "0"]));
    assert_eq!(
        chart.summary,
        "You answered 7 wellbeing checks in 4 of the last 12 weeks. Your latest weekly average \
         was 5.0 out of 5, in w/c 23 Nov; your lowest was 2.5, in w/c 16 Nov. You noted a heavy \
         emotional load on 2 days."
    );
    let plot = chart.plot.expect("a picture");
    // Two runs of two weeks: two lines, never one across the gap, and nothing at zero.
    assert_eq!(
        plot.lines,
        vec!["118,70 162,116".to_owned(), "558,139 602,24".to_owned()]
    );
    assert_eq!(plot.dots.len(), 4);
    let values: Vec<&str> = plot
        .labels
        .iter()
        .filter(|l| l.anchor == Anchor::Middle && l.text.contains('.'))
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(values, vec!["4.0", "3.0", "2.5", "5.0"]);
}

#[test]
fn weekly_wellbeing_numbers_agree_with_the_log_s_own_weekly_trend() {
    // The chart counts weeks itself (see `wellbeing_trend`); the rules must stay the same.
    let heavy = Some(Load::Heavy);
    let l = log(&[
        ("2026-09-13", 5, heavy),
        ("2026-09-14", 2, heavy),
        ("2026-09-14", 1, heavy),
        ("2026-09-20", 4, None),
        ("2026-10-28", 3, Some(Load::Moderate)),
        ("2026-11-29", 2, heavy),
    ]);
    let p = period();
    let chart = wellbeing_trend(&l, &ReflectionDays::default(), p);
    for week in l.weekly_trend(&ReflectionDays::default()) {
        let row = &chart.table.rows[p.week_of(week.week_of).unwrap()];
        let shown = format!("{:.1}", week.average + 1e-9);
        assert_eq!(
            row[1..],
            [week.checks.to_string(), shown, week.heavy_days.to_string()],
            "{}",
            row[0]
        );
    }
}

#[test]
fn a_single_week_is_a_dot_and_the_summary_skips_the_lowest() {
    let l = log(&[("2026-11-24", 1, None)]);
    let chart = wellbeing_trend(&l, &ReflectionDays::default(), period());
    let plot = chart.plot.expect("a picture");
    assert!(plot.lines.is_empty());
    assert_eq!(plot.dots, vec![(602, 208)]);
    assert_eq!(
        chart.summary,
        "You answered 1 wellbeing check in 1 of the last 12 weeks. Your latest weekly average \
         was 1.0 out of 5, in w/c 23 Nov. You did not note a heavy emotional load on any day."
    );
}

#[test]
fn no_wellbeing_checks_say_so_in_plain_words() {
    let chart = wellbeing_trend(&WellbeingLog::new(), &ReflectionDays::default(), period());
    assert_eq!(chart.plot, None);
    assert_eq!(
        chart.summary,
        "No wellbeing checks yet. After saving a reflection you can say how you are."
    );
    assert!(chart.table.rows.iter().all(|r| r[2] == "No checks"));
    let old = log(&[("2026-01-05", 3, None)]);
    assert_eq!(
        wellbeing_trend(&old, &ReflectionDays::default(), period()).summary,
        "No wellbeing checks in the last 12 weeks. After saving a reflection you can say how \
         you are."
    );
}

/// The wellbeing table's rows for weeks with at least one check.
fn answered_weeks(table: &Table) -> Vec<Vec<String>> {
    table.rows.iter().filter(|r| r[1] != "0").cloned().collect()
}

#[test]
fn a_wellbeing_check_counts_in_the_week_of_the_reflection_it_is_about() {
    // Answered on Tuesday 24 November about a reflection on Tuesday 17 November.
    let journal = Journal::from_entries([entry(0, "2026-11-17", &[])]);
    let l = log(&[("2026-11-24", 2, Some(Load::Heavy))]);
    let [.., chart] = insights(
        &journal,
        &Threads::new(),
        &EmbeddednessHistory::new(),
        &l,
        period(),
    );
    assert_eq!(
        answered_weeks(&chart.table),
        vec![strings(&["w/c 16 Nov", "1", "2.0", "1"])]
    );
    // A check whose reflection is gone still counts, on the day it was answered.
    let [.., chart] = insights(
        &Journal::new(),
        &Threads::new(),
        &EmbeddednessHistory::new(),
        &l,
        period(),
    );
    assert_eq!(
        answered_weeks(&chart.table),
        vec![strings(&["w/c 23 Nov", "1", "2.0", "1"])]
    );
}

#[test]
fn the_page_has_four_charts_with_distinct_ids() {
    let charts = insights(
        &Journal::new(),
        &Threads::new(),
        &EmbeddednessHistory::new(),
        &WellbeingLog::new(),
        period(),
    );
    let ids: Vec<&str> = charts.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![
            "tags-per-week",
            "holding-by-driver",
            "embeddedness",
            "wellbeing"
        ]
    );
    assert!(charts.iter().all(|c| c.plot.is_none()));
}

#[test]
fn lists_are_joined_with_commas_and_a_final_and() {
    assert_eq!(join_and(&[]), "");
    assert_eq!(join_and(&["a"]), "a");
    assert_eq!(join_and(&["a", "b"]), "a and b");
    assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
}
