//! Specifications for holding threads: one `check` helper per API, one line per case.
//! All names are fictional.

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn tid(s: &str) -> ThreadId {
    ThreadId::parse(s).expect("test ids are valid")
}

fn eid(s: &str) -> EntryId {
    EntryId::parse(s).expect("test ids are valid")
}

fn tag(s: &str) -> TagId {
    TagId::parse(s).expect("test tags are valid")
}

fn tags(list: &[&str]) -> Vec<TagId> {
    list.iter().map(|s| tag(s)).collect()
}

fn pseudonym(s: &str) -> Pseudonym {
    Pseudonym::parse(s).expect("test pseudonyms are valid")
}

// --- ids -------------------------------------------------------------------------------

fn check_id(raw: &str, valid: bool) {
    assert_eq!(ThreadId::parse(raw).is_some(), valid, "{raw:?}");
}

#[test]
fn thread_ids_are_lowercase_slugs() {
    check_id("t1-a", true);
    check_id("thread-42", true);
    check_id("", false);
    check_id("T1", false);
    check_id("t 1", false);
    check_id("t_1", false);
    check_id(&"t".repeat(64), true);
    check_id(&"t".repeat(65), false);
}

#[test]
fn fresh_ids_start_with_t_and_parse_back() {
    let id = ThreadId::from_parts(1_700_000_000_000, 12345);
    assert!(id.as_str().starts_with('t'));
    assert_eq!(ThreadId::parse(id.as_str()), Some(id.clone()));
    assert_eq!(ThreadId::from_parts(0, 0).as_str(), "t0-0");
    assert_eq!(ThreadId::from_parts(36, 35).as_str(), "t10-z");
}

// --- pseudonyms ------------------------------------------------------------------------

/// The text typed and what comes back: the cleaned pseudonym or the error message.
fn check_pseudonym(raw: &str, expected: Result<&str, &str>) {
    let got = Pseudonym::parse(raw)
        .map(|p| p.as_str().to_owned())
        .map_err(|e| e.to_string());
    let expected = expected.map(str::to_owned).map_err(str::to_owned);
    assert_eq!(got, expected, "{raw:?}");
}

#[test]
fn a_pseudonym_is_trimmed_and_must_be_one_to_forty_characters() {
    check_pseudonym("Person A", Ok("Person A"));
    check_pseudonym("  Person   A \n", Ok("Person A"));
    check_pseudonym("Person\tB", Ok("Person B"));
    check_pseudonym("Person\u{0}C", Ok("Person C"));
    check_pseudonym("A", Ok("A"));
    check_pseudonym("", Err("Enter a pseudonym"));
    check_pseudonym("   \t\n", Err("Enter a pseudonym"));
    check_pseudonym(&"x".repeat(40), Ok(&"x".repeat(40)));
    check_pseudonym(&"é".repeat(40), Ok(&"é".repeat(40)));
    check_pseudonym(
        &"x".repeat(41),
        Err("Pseudonym must be 40 characters or fewer"),
    );
    check_pseudonym(
        &"x".repeat(100_000),
        Err("Pseudonym must be 40 characters or fewer"),
    );
}

#[test]
fn pseudonym_errors_point_at_the_pseudonym_field() {
    assert_eq!(
        ThreadError::EmptyPseudonym
            .field()
            .map(ThreadField::html_id),
        Some("thread-pseudonym")
    );
    assert_eq!(
        ThreadError::NotADriver(tag("md-staff"))
            .field()
            .map(ThreadField::html_id),
        Some("thread-drivers")
    );
    assert_eq!(ThreadError::AlreadyClosed.field(), None);
}

/// The pseudonym, the worker's private list, and a fragment each expected warning
/// contains, in order (none means no warning).
fn check_warnings(typed: &str, private: &[&str], expected: &[&str]) {
    let private: Vec<String> = private.iter().map(|s| (*s).to_owned()).collect();
    let got = pseudonym_warnings(&pseudonym(typed), &private);
    assert_eq!(
        got.len(),
        expected.len(),
        "{typed:?} against {private:?}: {got:#?}"
    );
    for (warning, fragment) in got.iter().zip(expected) {
        assert!(
            warning.contains(fragment),
            "{typed:?}: {warning:?} lacks {fragment:?}"
        );
        assert!(warning.contains("must not be a real name"), "{warning:?}");
    }
}

#[test]
fn a_pseudonym_matching_the_private_list_is_warned_about() {
    let list = &["Okafor", "Joy Adeyemi"];
    check_warnings("Okafor", list, &["on your list of names to redact"]);
    check_warnings("okafor", list, &["matches \u{2018}Okafor\u{2019}"]);
    check_warnings("OKAFOR", list, &["matches \u{2018}Okafor\u{2019}"]);
    check_warnings("Okafor's", list, &["matches \u{2018}Okafor\u{2019}"]);
    check_warnings("Okafor\u{2019}s", list, &["matches \u{2018}Okafor\u{2019}"]);
    check_warnings("the okafor case", list, &["matches \u{2018}Okafor\u{2019}"]);
    check_warnings("Joy", list, &["matches \u{2018}Joy Adeyemi\u{2019}"]);
    check_warnings(
        "joy adeyemi",
        list,
        &["matches \u{2018}Joy Adeyemi\u{2019}"],
    );
    check_warnings("Okaforish", list, &[]);
    check_warnings("Joyful", list, &[]);
    check_warnings("Person A", list, &[]);
    check_warnings("Person A", &[], &[]);
    check_warnings("Person A", &["", "  "], &[]);
}

#[test]
fn a_pseudonym_with_a_title_is_warned_about() {
    check_warnings("Mrs X", &[], &["\u{2018}Mrs\u{2019} is a title"]);
    check_warnings("mrs okafor", &[], &["\u{2018}mrs\u{2019} is a title"]);
    check_warnings("Dr. Patel", &[], &["\u{2018}Dr\u{2019} is a title"]);
    check_warnings("Mr Blue", &[], &["is a title"]);
    check_warnings("Sister Mary", &[], &["\u{2018}Sister\u{2019} is a title"]);
    check_warnings("brother of Person A", &[], &[]);
    check_warnings("Nurse", &[], &[]);
    check_warnings(
        "Mrs Okafor",
        &["Okafor"],
        &["on your list of names to redact", "is a title"],
    );
}

#[test]
fn a_pseudonym_that_looks_like_a_full_name_is_warned_about() {
    check_warnings(
        "Jane Smith",
        &[],
        &["\u{2018}Jane Smith\u{2019} looks like a first name and surname"],
    );
    check_warnings(
        "Mary-Ann O'Neill",
        &[],
        &["looks like a first name and surname"],
    );
    check_warnings("Big Dave", &[], &["looks like a first name and surname"]);
    check_warnings("jane smith", &[], &[]);
    check_warnings("Person A", &[], &[]);
    check_warnings("Person Alpha", &[], &[]);
    check_warnings("Client Blue", &[], &[]);
    check_warnings("GP Referral", &[], &[]);
    check_warnings("A B", &[], &[]);
    check_warnings("Walking group lady", &[], &[]);
    check_warnings("Rose", &[], &[]);
}

#[test]
fn a_first_name_with_an_initial_is_warned_about() {
    let warned = "could identify someone";
    check_warnings("Margaret O", &[], &[warned]);
    check_warnings("Margaret O.", &[], &[warned]);
    check_warnings("Sam K", &[], &[warned]);
    check_warnings("J Okafor", &[], &[warned]);
    check_warnings("J. Okafor", &[], &[warned]);
    check_warnings("M. Patel", &[], &[warned]);
    check_warnings("the Margaret O thread", &[], &[warned]);
    // Role words and letters stay acceptable.
    check_warnings("Person A", &[], &[]);
    check_warnings("Client B.", &[], &[]);
    check_warnings("Patient C", &[], &[]);
    check_warnings("A B", &[], &[]);
    check_warnings("Group A", &[], &[]);
    check_warnings("A Walker", &[], &[warned]);
}

// --- durations -------------------------------------------------------------------------

/// Days run, the label and the band expected.
fn check_duration(days: u32, label: &str, band: &str) {
    let d = ThreadDuration::from_days(days);
    assert_eq!(d.label(), label, "{days} days");
    assert_eq!(d.band().label(), band, "{days} days");
}

#[test]
fn durations_read_as_days_then_weeks_then_months_then_years() {
    check_duration(0, "less than a day", "under 4 weeks");
    check_duration(1, "1 day", "under 4 weeks");
    check_duration(6, "6 days", "under 4 weeks");
    check_duration(13, "13 days", "under 4 weeks");
    check_duration(14, "2 weeks", "under 4 weeks");
    check_duration(21, "3 weeks", "under 4 weeks");
    check_duration(27, "3 weeks", "under 4 weeks");
    check_duration(28, "4 weeks", "1\u{2013}3 months");
    check_duration(90, "12 weeks", "1\u{2013}3 months");
    check_duration(91, "3 months", "3\u{2013}6 months");
    check_duration(181, "6 months", "3\u{2013}6 months");
    check_duration(182, "6 months", "over 6 months");
    check_duration(365, "12 months", "over 6 months");
    check_duration(729, "24 months", "over 6 months");
    check_duration(730, "2 years", "over 6 months");
    check_duration(
        u32::MAX,
        &format!("{} years", u32::MAX / 365),
        "over 6 months",
    );
}

/// Opened, closed (if so), today, and the days expected.
fn check_thread_days(opened: &str, closed: Option<&str>, today: &str, days: u32) {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day(opened));
    if let Some(on) = closed {
        t.close(day(on), Outcome::Closed)
            .expect("valid closing date");
    }
    assert_eq!(
        t.duration(day(today)).days(),
        days,
        "{opened} {closed:?} {today}"
    );
}

#[test]
fn a_thread_runs_until_today_or_until_it_closed() {
    check_thread_days("2025-01-06", None, "2025-01-06", 0);
    check_thread_days("2025-01-06", None, "2025-01-27", 21);
    check_thread_days("2025-01-06", Some("2025-01-13"), "2025-06-01", 7);
    check_thread_days("2025-01-06", Some("2025-01-06"), "2025-06-01", 0);
    check_thread_days("2025-01-06", None, "2025-01-01", 0);
    check_thread_days("2024-02-28", None, "2024-03-01", 2);
    assert_eq!(
        HoldingThread::open(tid("t1"), pseudonym("Person A"), day("2025-01-06"))
            .duration(day("2025-01-27"))
            .weeks(),
        3
    );
}

// --- one thread ------------------------------------------------------------------------

#[test]
fn linking_and_unlinking_entries_is_idempotent_and_counts_contacts() {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day("2025-01-06"));
    assert_eq!(t.contacts(), 0);
    assert!(t.link(&eid("e1")));
    assert!(!t.link(&eid("e1")));
    assert!(t.link(&eid("e2")));
    assert_eq!(t.contacts(), 2);
    assert_eq!(t.entries, vec![eid("e1"), eid("e2")]);
    assert!(t.unlink(&eid("e1")));
    assert!(!t.unlink(&eid("e1")));
    assert!(!t.unlink(&eid("e9")));
    assert_eq!(t.entries, vec![eid("e2")]);
    assert!(t.is_linked(&eid("e2")) && !t.is_linked(&eid("e1")));
}

/// Tags chosen as functions: the functions kept, or the tag refused.
fn check_functions(chosen: &[&str], expected: Result<&[&str], &str>) {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day("2025-01-06"));
    t.set_functions(&tags(&["holding-witness"])).expect("valid");
    let got = t.set_functions(&tags(chosen)).map(|()| t.functions.clone());
    match expected {
        Ok(kept) => assert_eq!(got, Ok(tags(kept)), "{chosen:?}"),
        Err(bad) => {
            assert_eq!(got, Err(ThreadError::NotAFunction(tag(bad))), "{chosen:?}");
            assert_eq!(
                t.functions,
                tags(&["holding-witness"]),
                "a refusal changes nothing"
            );
        }
    }
}

#[test]
fn only_holding_function_tags_are_accepted_as_functions() {
    check_functions(&["holding-waiting"], Ok(&["holding-waiting"]));
    check_functions(
        &["holding-preparing", "holding-easing-load"],
        Ok(&["holding-preparing", "holding-easing-load"]),
    );
    check_functions(
        &["holding-waiting", "holding-waiting"],
        Ok(&["holding-waiting"]),
    );
    check_functions(&[], Ok(&[]));
    check_functions(&["driver-no-provision"], Err("driver-no-provision"));
    check_functions(&["holding-waiting", "md-patient"], Err("md-patient"));
    check_functions(&["custom-1"], Err("custom-1"));
}

/// Tags chosen as drivers: the drivers kept, or the tag refused.
fn check_drivers(chosen: &[&str], expected: Result<&[&str], &str>) {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day("2025-01-06"));
    let got = t.set_drivers(&tags(chosen)).map(|()| t.drivers.clone());
    match expected {
        Ok(kept) => assert_eq!(got, Ok(tags(kept)), "{chosen:?}"),
        Err(bad) => {
            assert_eq!(got, Err(ThreadError::NotADriver(tag(bad))), "{chosen:?}");
            assert!(t.drivers.is_empty(), "a refusal changes nothing");
        }
    }
}

#[test]
fn only_holding_driver_tags_are_accepted_as_drivers() {
    check_drivers(&["driver-readiness"], Ok(&["driver-readiness"]));
    check_drivers(
        &[
            "driver-cant-fix",
            "driver-protecting-staff",
            "driver-cant-fix",
        ],
        Ok(&["driver-cant-fix", "driver-protecting-staff"]),
    );
    check_drivers(&["holding-waiting"], Err("holding-waiting"));
    check_drivers(&["wellbeing-load"], Err("wellbeing-load"));
}

/// Opened on, closed on, and the error expected (none for success).
fn check_close(opened: &str, on: &str, expected: Option<ThreadError>) {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day(opened));
    let got = t.close(day(on), Outcome::ConnectedOnward);
    match expected {
        None => {
            assert_eq!(got, Ok(()), "{opened} {on}");
            assert_eq!(
                t.closed,
                Some(Closure {
                    on: day(on),
                    outcome: Outcome::ConnectedOnward
                })
            );
        }
        Some(e) => {
            assert_eq!(got, Err(e), "{opened} {on}");
            assert!(t.is_open(), "a refusal changes nothing");
        }
    }
}

#[test]
fn a_thread_cannot_close_before_it_opened() {
    check_close("2025-01-06", "2025-03-01", None);
    check_close("2025-01-06", "2025-01-06", None);
    check_close(
        "2025-01-06",
        "2025-01-05",
        Some(ThreadError::ClosedBeforeOpened {
            opened: day("2025-01-06"),
            on: day("2025-01-05"),
        }),
    );
    assert_eq!(
        ThreadError::ClosedBeforeOpened {
            opened: day("2025-01-06"),
            on: day("2025-01-05")
        }
        .to_string(),
        "The date the thread closed must be the same as or after the date it was opened"
    );
}

#[test]
fn a_closed_thread_cannot_be_closed_again_without_reopening() {
    let mut t = HoldingThread::open(tid("t1"), pseudonym("Person A"), day("2025-01-06"));
    t.close(day("2025-02-01"), Outcome::StillHolding)
        .expect("valid");
    assert_eq!(
        t.close(day("2025-03-01"), Outcome::Closed),
        Err(ThreadError::AlreadyClosed)
    );
    assert_eq!(t.closed.map(|c| c.outcome), Some(Outcome::StillHolding));
}

#[test]
fn outcomes_use_the_domain_words_and_parse_from_form_values() {
    let labels: Vec<&str> = Outcome::ALL.iter().map(|o| o.label()).collect();
    assert_eq!(labels, ["Connected onward", "Closed", "Still holding"]);
    for o in Outcome::ALL {
        assert_eq!(Outcome::parse(o.id()), Some(o));
        assert!(o.definition().ends_with('.'));
    }
    assert_eq!(Outcome::parse(" closed "), Some(Outcome::Closed));
    assert_eq!(Outcome::parse("Closed"), None);
    assert_eq!(Outcome::parse(""), None);
}

// --- the collection --------------------------------------------------------------------

/// Pseudonyms of threads already open (and closed), the pseudonym typed, and the
/// message expected (empty for success).
fn check_create(open: &[&str], closed: &[&str], typed: &str, expected: &str) {
    let mut threads = Threads::new();
    for (n, name) in open.iter().chain(closed).enumerate() {
        let id = tid(&format!("t{n}"));
        threads
            .create(id.clone(), name, day("2025-01-06"))
            .expect("setup is valid");
        if closed.contains(name) {
            threads
                .close(&id, day("2025-01-07"), Outcome::Closed)
                .expect("valid");
        }
    }
    let before = threads.clone();
    let got = match threads.create(tid("new"), typed, day("2025-02-03")) {
        Ok(t) => {
            assert_eq!(t.id, tid("new"));
            String::new()
        }
        Err(e) => {
            assert_eq!(threads, before, "a refused create changes nothing");
            e.to_string()
        }
    };
    assert_eq!(
        got, expected,
        "creating {typed:?} beside {open:?} and closed {closed:?}"
    );
}

#[test]
fn open_threads_need_unique_pseudonyms_in_any_case() {
    check_create(&[], &[], "Person A", "");
    check_create(&["Person A"], &[], "Person B", "");
    check_create(
        &["Person A"],
        &[],
        "person  a",
        "You already have an open thread called \u{2018}person a\u{2019}. Use a different pseudonym",
    );
    check_create(&["Person A"], &[], "PERSON A", "You already have an open thread called \u{2018}PERSON A\u{2019}. Use a different pseudonym");
    check_create(&["Mum\u{2019}s friend"], &[], "mum's friend", "You already have an open thread called \u{2018}mum's friend\u{2019}. Use a different pseudonym");
    check_create(&[], &["Person A"], "Person A", "");
    check_create(&[], &[], "", "Enter a pseudonym");
    check_create(
        &[],
        &[],
        &"x".repeat(41),
        "Pseudonym must be 40 characters or fewer",
    );
}

#[test]
fn a_fresh_id_that_is_already_in_use_is_refused() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    assert_eq!(
        threads
            .create(tid("t1"), "Person B", day("2025-01-06"))
            .map(|t| t.id.clone()),
        Err(ThreadError::IdInUse(tid("t1")))
    );
    assert_eq!(threads.all().len(), 1);
}

#[test]
fn reopening_is_refused_while_another_open_thread_has_the_pseudonym() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    threads
        .close(&tid("t1"), day("2025-02-01"), Outcome::Closed)
        .expect("valid");
    threads
        .create(tid("t2"), "person a", day("2025-03-01"))
        .expect("name is free");
    assert_eq!(
        threads.reopen(&tid("t1")),
        Err(ThreadError::DuplicatePseudonym("Person A".into()))
    );
    threads.rename(&tid("t2"), "Person C").expect("valid");
    assert_eq!(threads.reopen(&tid("t1")), Ok(()));
    assert!(threads.get(&tid("t1")).is_some_and(HoldingThread::is_open));
    assert_eq!(
        threads.reopen(&tid("t1")),
        Ok(()),
        "reopening an open thread is a no-op"
    );
}

#[test]
fn renaming_checks_the_pseudonym_like_creating_does() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    threads
        .create(tid("t2"), "Person B", day("2025-01-06"))
        .expect("valid");
    assert_eq!(
        threads.rename(&tid("t1"), "person a"),
        Ok(()),
        "own name in a new case"
    );
    assert_eq!(
        threads.rename(&tid("t1"), "PERSON B"),
        Err(ThreadError::DuplicatePseudonym("PERSON B".into()))
    );
    assert_eq!(
        threads.rename(&tid("t1"), " "),
        Err(ThreadError::EmptyPseudonym)
    );
    assert_eq!(
        threads.rename(&tid("t9"), "Person Z"),
        Err(ThreadError::UnknownThread(tid("t9")))
    );
    assert_eq!(
        threads.get(&tid("t1")).map(|t| t.pseudonym.as_str()),
        Some("person a")
    );
}

#[test]
fn threads_for_an_entry_are_found_and_a_deleted_entry_is_unlinked_everywhere() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    threads
        .create(tid("t2"), "Person B", day("2025-01-06"))
        .expect("valid");
    threads
        .create(tid("t3"), "Person C", day("2025-01-06"))
        .expect("valid");
    assert_eq!(threads.link(&tid("t1"), &eid("e1")), Ok(true));
    assert_eq!(threads.link(&tid("t1"), &eid("e1")), Ok(false));
    assert_eq!(threads.link(&tid("t3"), &eid("e1")), Ok(true));
    assert_eq!(threads.link(&tid("t2"), &eid("e2")), Ok(true));
    assert_eq!(
        threads.link(&tid("t9"), &eid("e1")),
        Err(ThreadError::UnknownThread(tid("t9")))
    );
    let found = |threads: &Threads, e: &str| -> Vec<String> {
        threads
            .for_entry(&eid(e))
            .map(|t| t.id.to_string())
            .collect()
    };
    assert_eq!(found(&threads, "e1"), ["t1", "t3"]);
    assert_eq!(found(&threads, "e2"), ["t2"]);
    assert!(found(&threads, "e3").is_empty());
    assert_eq!(threads.forget_entry(&eid("e1")), 2);
    assert!(found(&threads, "e1").is_empty());
    assert_eq!(threads.unlink(&tid("t2"), &eid("e2")), Ok(true));
    assert_eq!(
        threads.get(&tid("t2")).map(HoldingThread::contacts),
        Some(0)
    );
}

#[test]
fn open_and_closed_threads_are_listed_apart_and_deleting_removes_one() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    threads
        .create(tid("t2"), "Person B", day("2025-01-06"))
        .expect("valid");
    threads
        .close(&tid("t1"), day("2025-01-20"), Outcome::ConnectedOnward)
        .expect("valid");
    assert_eq!(
        threads.close(&tid("t1"), day("2025-01-21"), Outcome::Closed),
        Err(ThreadError::AlreadyClosed)
    );
    let open: Vec<&str> = threads.open_threads().map(|t| t.id.as_str()).collect();
    let closed: Vec<&str> = threads.closed_threads().map(|t| t.id.as_str()).collect();
    assert_eq!((open, closed), (vec!["t2"], vec!["t1"]));
    assert_eq!(
        threads
            .open_with_pseudonym("PERSON b")
            .map(|t| t.id.as_str()),
        Some("t2")
    );
    assert!(threads.open_with_pseudonym("Person A").is_none());
    assert_eq!(threads.delete(&tid("t1")).map(|t| t.id), Ok(tid("t1")));
    assert_eq!(
        threads.delete(&tid("t1")),
        Err(ThreadError::UnknownThread(tid("t1")))
    );
    assert_eq!(threads.all().len(), 1);
}

#[test]
fn set_functions_and_drivers_go_through_the_collection_too() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    assert_eq!(
        threads.set_functions(&tid("t1"), &tags(&["holding-waiting"])),
        Ok(())
    );
    assert_eq!(
        threads.set_drivers(&tid("t1"), &tags(&["driver-no-provision"])),
        Ok(())
    );
    assert_eq!(
        threads.set_drivers(&tid("t1"), &tags(&["holding-waiting"])),
        Err(ThreadError::NotADriver(tag("holding-waiting")))
    );
    assert_eq!(
        threads.set_functions(&tid("t9"), &[]),
        Err(ThreadError::UnknownThread(tid("t9")))
    );
    let t = threads.get(&tid("t1")).expect("exists");
    assert_eq!((t.functions.len(), t.drivers.len()), (1, 1));
}

// --- stored shape ----------------------------------------------------------------------

#[test]
fn threads_round_trip_through_json_with_a_simple_shape() {
    let mut threads = Threads::new();
    threads
        .create(tid("t1"), "Person A", day("2025-01-06"))
        .expect("valid");
    threads
        .create(tid("t2"), "Person B", day("2025-01-13"))
        .expect("valid");
    threads
        .set_functions(&tid("t1"), &tags(&["holding-waiting"]))
        .expect("valid");
    threads
        .set_drivers(&tid("t1"), &tags(&["driver-no-provision"]))
        .expect("valid");
    threads.link(&tid("t1"), &eid("e1")).expect("exists");
    threads
        .close(&tid("t1"), day("2025-02-03"), Outcome::ConnectedOnward)
        .expect("valid");
    let json = serde_json::to_string(&threads).expect("serialises");
    assert_eq!(
        json,
        r#"{"threads":[{"id":"t1","pseudonym":"Person A","opened":"2025-01-06","functions":["holding-waiting"],"drivers":["driver-no-provision"],"entries":["e1"],"closed":{"on":"2025-02-03","outcome":"connected-onward"}},{"id":"t2","pseudonym":"Person B","opened":"2025-01-13","functions":[],"drivers":[],"entries":[]}]}"#
    );
    let back: Threads = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, threads);
}

/// Stored JSON for one thread, and whether it is accepted.
fn check_stored(json: &str, accepted: bool) {
    assert_eq!(
        serde_json::from_str::<HoldingThread>(json).is_ok(),
        accepted,
        "{json}"
    );
}

#[test]
fn damaged_stored_threads_are_refused_rather_than_half_read() {
    check_stored(
        r#"{"id":"t1","pseudonym":"Person A","opened":"2025-01-06"}"#,
        true,
    );
    check_stored(
        r#"{"id":"T1","pseudonym":"Person A","opened":"2025-01-06"}"#,
        false,
    );
    check_stored(
        r#"{"id":"t1","pseudonym":"  ","opened":"2025-01-06"}"#,
        false,
    );
    check_stored(
        r#"{"id":"t1","pseudonym":"Person A","opened":"06/01/2025"}"#,
        false,
    );
    check_stored(
        r#"{"id":"t1","pseudonym":"Person A","opened":"2025-01-06","entries":["Not An Id"]}"#,
        false,
    );
    check_stored(
        r#"{"id":"t1","pseudonym":"Person A","opened":"2025-01-06","closed":{"on":"2025-01-07","outcome":"gone"}}"#,
        false,
    );
}

#[test]
fn set_links_follows_the_form_for_open_threads_and_leaves_closed_ones_alone() {
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut threads = Threads::new();
    let a = ThreadId::parse("ta").unwrap();
    let b = ThreadId::parse("tb").unwrap();
    let c = ThreadId::parse("tc").unwrap();
    threads.create(a.clone(), "Person A", day(1)).unwrap();
    threads.create(b.clone(), "Person B", day(1)).unwrap();
    threads.create(c.clone(), "Person C", day(1)).unwrap();
    let entry = EntryId::parse("e1").unwrap();
    threads.link(&b, &entry).unwrap();
    threads.link(&c, &entry).unwrap();
    threads.close(&c, day(5), Outcome::ALL[0]).unwrap();
    assert!(threads.set_links(&entry, std::slice::from_ref(&a)));
    assert!(threads.get(&a).unwrap().is_linked(&entry));
    assert!(!threads.get(&b).unwrap().is_linked(&entry));
    assert!(
        threads.get(&c).unwrap().is_linked(&entry),
        "closed thread kept"
    );
    assert!(
        !threads.set_links(&entry, std::slice::from_ref(&a)),
        "no change twice"
    );
}
