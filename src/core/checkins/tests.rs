//! Specifications for the embeddedness check-in and the wellbeing check: one `check`
//! helper per API, one line per case.

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn eid(s: &str) -> EntryId {
    EntryId::parse(s).expect("test ids are valid")
}

fn check_in(on: &str, rating: Embeddedness) -> EmbeddednessCheckIn {
    EmbeddednessCheckIn {
        on: day(on),
        rating,
        notes: BTreeMap::new(),
    }
}

// --- embeddedness form -------------------------------------------------------------------

/// The rating typed, notes typed per concept, and the messages expected (none: accepted).
fn check_embeddedness_form(rating: &str, notes: &[(EmbeddednessConcept, &str)], errors: &[&str]) {
    let notes: BTreeMap<EmbeddednessConcept, String> =
        notes.iter().map(|(c, n)| (*c, (*n).to_owned())).collect();
    let got = EmbeddednessCheckIn::parse(day("2025-03-03"), rating, &notes)
        .map_err(|es| es.iter().map(ToString::to_string).collect::<Vec<_>>());
    match got {
        Ok(_) => assert!(
            errors.is_empty(),
            "{rating:?} accepted; expected {errors:?}"
        ),
        Err(got) => assert_eq!(got, errors, "{rating:?} {notes:?}"),
    }
}

#[test]
fn the_embeddedness_form_needs_a_rating_and_short_notes() {
    use EmbeddednessConcept::*;
    let long = "x".repeat(501);
    check_embeddedness_form("bolted-on", &[], &[]);
    check_embeddedness_form(" belonging ", &[], &[]);
    check_embeddedness_form("fitting-in", &[(Power, &"x".repeat(500))], &[]);
    check_embeddedness_form("fitting-in", &[(Power, "   ")], &[]);
    check_embeddedness_form(
        "",
        &[],
        &["Select where you feel you are: bolted on, fitting in or belonging"],
    );
    check_embeddedness_form(
        "Belonging",
        &[],
        &["Select where you feel you are: bolted on, fitting in or belonging"],
    );
    check_embeddedness_form(
        "fitting-in",
        &[(Effect, &long)],
        &["Note on \u{2018}Demonstrating effect\u{2019} must be 500 characters or fewer"],
    );
    check_embeddedness_form(
        "nonsense",
        &[(Infrastructure, &long), (Power, &long)],
        &[
            "Select where you feel you are: bolted on, fitting in or belonging",
            "Note on \u{2018}Centralising or diffusing power\u{2019} must be 500 characters or fewer",
            "Note on \u{2018}Building a facilitative infrastructure\u{2019} must be 500 characters or fewer",
        ],
    );
}

#[test]
fn embeddedness_notes_are_trimmed_and_blank_ones_dropped() {
    use EmbeddednessConcept::*;
    let notes: BTreeMap<EmbeddednessConcept, String> = [
        (
            Identity,
            "  Invited to the practice meeting for the first time \n".to_owned(),
        ),
        (Effect, "\n\t".to_owned()),
    ]
    .into_iter()
    .collect();
    let c = EmbeddednessCheckIn::parse(day("2025-03-03"), "fitting-in", &notes).expect("valid");
    assert_eq!(c.rating, Embeddedness::FittingIn);
    assert_eq!(
        c.notes.into_iter().collect::<Vec<_>>(),
        [(
            Identity,
            "Invited to the practice meeting for the first time".to_owned()
        )]
    );
}

#[test]
fn check_in_errors_point_at_their_fields() {
    assert_eq!(
        CheckInError::NoEmbeddedness.field().html_id(),
        "embeddedness-rating"
    );
    assert_eq!(
        CheckInError::NoteTooLong(EmbeddednessConcept::Infrastructure)
            .field()
            .html_id(),
        "embeddedness-note-infrastructure"
    );
    assert_eq!(CheckInError::NoRating.field().html_id(), "wellbeing-rating");
    assert_eq!(
        CheckInError::UnknownLoad.field().html_id(),
        "wellbeing-load"
    );
}

// --- embeddedness history --------------------------------------------------------------

#[test]
fn the_history_keeps_date_order_and_one_check_in_per_day() {
    let mut h = EmbeddednessHistory::new();
    assert!(h.latest().is_none());
    assert!(h.series().is_empty());
    h.add(check_in("2025-03-03", Embeddedness::FittingIn));
    h.add(check_in("2025-01-06", Embeddedness::BoltedOn));
    h.add(check_in("2025-02-03", Embeddedness::BoltedOn));
    h.add(check_in("2025-02-03", Embeddedness::FittingIn));
    assert_eq!(
        h.series(),
        [
            (day("2025-01-06"), Embeddedness::BoltedOn),
            (day("2025-02-03"), Embeddedness::FittingIn),
            (day("2025-03-03"), Embeddedness::FittingIn),
        ]
    );
    assert_eq!(h.latest().map(|c| c.on), Some(day("2025-03-03")));
    assert_eq!(h.all().len(), 3);
}

/// Dates of past check-ins, today, the interval, and whether a check-in is due.
fn check_due(past: &[&str], today: &str, interval: CheckInInterval, due: bool) {
    let mut h = EmbeddednessHistory::new();
    for on in past {
        h.add(check_in(on, Embeddedness::Belonging));
    }
    assert_eq!(
        h.is_due(day(today), interval),
        due,
        "{past:?} {today} {interval:?}"
    );
}

#[test]
fn a_check_in_falls_due_once_the_chosen_interval_has_passed() {
    use CheckInInterval::*;
    check_due(&[], "2025-03-03", Weekly, true);
    check_due(&[], "2025-03-03", Monthly, true);
    check_due(&[], "2025-03-03", Never, false);
    check_due(&["2025-03-03"], "2025-03-09", Weekly, false);
    check_due(&["2025-03-03"], "2025-03-10", Weekly, true);
    check_due(&["2025-03-03"], "2025-03-16", Fortnightly, false);
    check_due(&["2025-03-03"], "2025-03-17", Fortnightly, true);
    check_due(&["2025-03-03"], "2025-04-02", Monthly, false);
    check_due(&["2025-03-03"], "2025-04-03", Monthly, true);
    check_due(&["2025-01-31"], "2025-02-27", Monthly, false);
    check_due(&["2025-01-31"], "2025-02-28", Monthly, true);
    check_due(&["2024-01-31"], "2024-02-29", Monthly, true);
    check_due(&["2025-03-03"], "2026-03-03", Never, false);
    check_due(&["2025-01-06", "2025-03-03"], "2025-03-10", Monthly, false);
    check_due(&["2025-03-03"], "2025-03-01", Weekly, false);
}

#[test]
fn intervals_have_labels_and_parse_from_form_values() {
    for i in CheckInInterval::ALL {
        assert_eq!(CheckInInterval::parse(i.id()), Some(i));
        assert!(!i.label().is_empty());
    }
    assert_eq!(CheckInInterval::default(), CheckInInterval::Monthly);
    assert_eq!(CheckInInterval::parse("yearly"), None);
    assert_eq!(CheckInInterval::Monthly.next_after(NaiveDate::MAX), None);
    assert_eq!(
        serde_json::to_string(&CheckInInterval::Fortnightly).ok(),
        Some("\"fortnightly\"".to_owned())
    );
}

#[test]
fn the_history_round_trips_through_json_with_a_simple_shape() {
    let mut h = EmbeddednessHistory::new();
    let mut c = check_in("2025-03-03", Embeddedness::FittingIn);
    c.notes.insert(
        EmbeddednessConcept::Power,
        "The practice manager decides".into(),
    );
    h.add(c);
    h.add(check_in("2025-04-03", Embeddedness::Belonging));
    let json = serde_json::to_string(&h).expect("serialises");
    assert_eq!(
        json,
        r#"{"check_ins":[{"on":"2025-03-03","rating":"fitting-in","notes":{"power":"The practice manager decides"}},{"on":"2025-04-03","rating":"belonging"}]}"#
    );
    let back: EmbeddednessHistory = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, h);
    assert!(serde_json::from_str::<EmbeddednessHistory>(
        r#"{"check_ins":[{"on":"2025-03-03","rating":"somewhere"}]}"#
    )
    .is_err());
}

// --- wellbeing -------------------------------------------------------------------------

/// The rating and load typed, and the parsed values or the messages expected.
fn check_wellbeing_form(rating: &str, load: &str, expected: Result<(u8, Option<Load>), &[&str]>) {
    let got = WellbeingCheck::parse(eid("e1"), day("2025-03-03"), rating, load)
        .map(|c| (c.rating.value(), c.emotional_load))
        .map_err(|es| es.iter().map(ToString::to_string).collect::<Vec<_>>());
    let expected = expected.map_err(|es| es.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
    assert_eq!(got, expected, "{rating:?} {load:?}");
}

#[test]
fn the_wellbeing_form_needs_a_rating_from_1_to_5_and_an_optional_known_load() {
    const NO_RATING: &str = "Select how you are after this, from very low to very good";
    const BAD_LOAD: &str = "Select the emotional load: light, moderate or heavy";
    check_wellbeing_form("1", "", Ok((1, None)));
    check_wellbeing_form(" 5 ", "heavy", Ok((5, Some(Load::Heavy))));
    check_wellbeing_form("3", " moderate ", Ok((3, Some(Load::Moderate))));
    check_wellbeing_form("4", "light", Ok((4, Some(Load::Light))));
    check_wellbeing_form("", "", Err(&[NO_RATING]));
    check_wellbeing_form("0", "", Err(&[NO_RATING]));
    check_wellbeing_form("6", "", Err(&[NO_RATING]));
    check_wellbeing_form("-1", "", Err(&[NO_RATING]));
    check_wellbeing_form("2.5", "", Err(&[NO_RATING]));
    check_wellbeing_form("good", "", Err(&[NO_RATING]));
    check_wellbeing_form("99999999999", "", Err(&[NO_RATING]));
    check_wellbeing_form("3", "Heavy", Err(&[BAD_LOAD]));
    check_wellbeing_form("3", "crushing", Err(&[BAD_LOAD]));
    check_wellbeing_form("", "crushing", Err(&[NO_RATING, BAD_LOAD]));
}

#[test]
fn ratings_read_from_very_low_to_very_good() {
    let labels: Vec<&str> = Rating::ALL.iter().map(|r| r.label()).collect();
    assert_eq!(labels, ["Very low", "Low", "Okay", "Good", "Very good"]);
    assert_eq!(Rating::new(0), None);
    assert_eq!(Rating::new(6), None);
    assert_eq!(WELLBEING_QUESTION, "How are you after this?");
    let loads: Vec<&str> = Load::ALL.iter().map(|l| l.label()).collect();
    assert_eq!(loads, ["Light", "Moderate", "Heavy"]);
}

#[test]
fn a_wellbeing_check_round_trips_through_json_and_refuses_bad_ratings() {
    let c = WellbeingCheck::parse(eid("e1"), day("2025-03-03"), "2", "heavy").expect("valid");
    let json = serde_json::to_string(&c).expect("serialises");
    assert_eq!(
        json,
        r#"{"entry":"e1","on":"2025-03-03","rating":2,"emotional_load":"heavy"}"#
    );
    assert_eq!(serde_json::from_str::<WellbeingCheck>(&json).ok(), Some(c));
    for bad in [
        r#"{"entry":"e1","on":"2025-03-03","rating":0}"#,
        r#"{"entry":"e1","on":"2025-03-03","rating":6}"#,
        r#"{"entry":"E1","on":"2025-03-03","rating":3}"#,
        r#"{"entry":"e1","on":"2025-03-03","rating":3,"emotional_load":"crushing"}"#,
    ] {
        assert!(
            serde_json::from_str::<WellbeingCheck>(bad).is_err(),
            "{bad}"
        );
    }
    let no_load = r#"{"entry":"e1","on":"2025-03-03","rating":3}"#;
    assert_eq!(
        serde_json::from_str::<WellbeingCheck>(no_load)
            .map(|c| c.emotional_load)
            .ok(),
        Some(None)
    );
}

#[test]
fn answering_again_for_an_entry_replaces_the_earlier_answer() {
    let mut log = WellbeingLog::new();
    let answer =
        |e: &str, r: &str| WellbeingCheck::parse(eid(e), day("2025-03-03"), r, "").expect("valid");
    log.record(answer("e1", "2"));
    log.record(answer("e2", "4"));
    log.record(answer("e1", "3"));
    assert_eq!(log.all().len(), 2);
    assert_eq!(log.for_entry(&eid("e1")).map(|c| c.rating.value()), Some(3));
    assert!(log.forget_entry(&eid("e1")));
    assert!(!log.forget_entry(&eid("e1")));
    assert!(log.for_entry(&eid("e1")).is_none());
}

// --- weekly trend ----------------------------------------------------------------------

/// Checks as (day, rating, load), and the weeks expected as
/// (Monday, ISO week, number of checks, average, heavy days).
fn check_trend(checks: &[(&str, u8, Option<Load>)], weeks: &[(&str, u32, usize, f64, usize)]) {
    let checks: Vec<WellbeingCheck> = checks
        .iter()
        .enumerate()
        .map(|(n, (on, rating, load))| WellbeingCheck {
            entry: eid(&format!("e{n}")),
            on: day(on),
            rating: Rating::new(*rating).expect("test ratings are valid"),
            emotional_load: *load,
        })
        .collect();
    let got: Vec<(NaiveDate, u32, usize, f64, usize)> =
        weekly_trend(&checks, &ReflectionDays::default())
            .iter()
            .map(|w| (w.week_of, w.iso_week, w.checks, w.average, w.heavy_days))
            .collect();
    let expected: Vec<(NaiveDate, u32, usize, f64, usize)> = weeks
        .iter()
        .map(|(m, w, n, a, h)| (day(m), *w, *n, *a, *h))
        .collect();
    assert_eq!(got, expected, "{checks:?}");
}

#[test]
fn the_weekly_trend_averages_ratings_and_counts_heavy_days_per_iso_week() {
    use Load::*;
    check_trend(&[], &[]);
    check_trend(&[("2025-03-05", 4, None)], &[("2025-03-03", 10, 1, 4.0, 0)]);
    check_trend(
        &[
            ("2025-03-03", 2, Some(Heavy)),
            ("2025-03-09", 5, Some(Light)),
        ],
        &[("2025-03-03", 10, 2, 3.5, 1)],
    );
    check_trend(
        &[("2025-03-09", 2, None), ("2025-03-10", 4, None)],
        &[("2025-03-03", 10, 1, 2.0, 0), ("2025-03-10", 11, 1, 4.0, 0)],
    );
    check_trend(
        &[
            ("2025-03-04", 1, Some(Heavy)),
            ("2025-03-04", 2, Some(Heavy)),
            ("2025-03-06", 3, Some(Heavy)),
            ("2025-03-07", 3, Some(Moderate)),
        ],
        &[("2025-03-03", 10, 4, 2.25, 2)],
    );
    check_trend(
        &[("2025-03-24", 3, None), ("2025-03-03", 5, None)],
        &[("2025-03-03", 10, 1, 5.0, 0), ("2025-03-24", 13, 1, 3.0, 0)],
    );
    check_trend(
        &[("2024-12-31", 3, None), ("2025-01-01", 4, None)],
        &[("2024-12-30", 1, 2, 3.5, 0)],
    );
    check_trend(&[("2026-01-01", 3, None)], &[("2025-12-29", 1, 1, 3.0, 0)]);
}

#[test]
fn the_trend_reports_the_iso_year_of_the_week_not_of_the_day() {
    let check = WellbeingCheck::parse(eid("e1"), day("2024-12-31"), "3", "").expect("valid");
    let weeks = weekly_trend(&[check], &ReflectionDays::default());
    assert_eq!(
        weeks.first().map(|w| (w.iso_year, w.iso_week)),
        Some((2025, 1))
    );
}

#[test]
fn the_trend_does_not_panic_at_the_edges_of_the_calendar() {
    let check = |on| WellbeingCheck {
        entry: eid("e1"),
        on,
        rating: Rating::ALL[2],
        emotional_load: None,
    };
    assert_eq!(
        weekly_trend(&[check(NaiveDate::MIN)], &ReflectionDays::default()).len(),
        1
    );
    assert_eq!(
        weekly_trend(&[check(NaiveDate::MAX)], &ReflectionDays::default()).len(),
        1
    );
}
