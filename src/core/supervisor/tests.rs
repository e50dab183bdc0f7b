//! Opening, validating and aggregating summary files, natively. The good file is the
//! frozen version 2 fixture; every bad file is that fixture with one thing wrong.

use serde_json::{json, Value};

use super::open::{size_label, OpenError, MAX_FILE_BYTES};
use super::prompts::{prompts, Function};
use super::views::{across, timeline, totals};
use super::*;

const V1: &str = include_str!("../../../tests/fixtures/export/v1/summary.json");
const V2: &str = include_str!("../../../tests/fixtures/export/v2/summary.json");

fn fixture() -> Value {
    serde_json::from_str(V2).expect("the fixture is JSON")
}

/// The fixture with `change` made to it, as text.
fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut v = fixture();
    change(&mut v);
    serde_json::to_string(&v).expect("JSON")
}

fn error_of(text: &str) -> OpenError {
    open("bad.json", text).expect_err("refused")
}

fn damaged(text: &str) -> String {
    match error_of(text) {
        OpenError::Damaged(why) => why,
        other => panic!("not damaged: {other:?}"),
    }
}

/// A summary for `worker` of the weeks from `first` (a Monday), `weeks` long, with
/// the given stretched-boundary count: different content, so a different fingerprint.
fn summary(worker: Option<&str>, first: &str, weeks: u32, stretched: usize) -> String {
    let first = chrono::NaiveDate::parse_from_str(first, "%Y-%m-%d").expect("a date");
    let last = first + chrono::Days::new(u64::from(weeks - 1) * 7);
    with(|v| {
        v["worker"] = worker.map_or(Value::Null, |w| Value::String(w.into()));
        v["period"] = json!({"first_week": first, "last_week": last, "weeks": weeks});
        v["overview"]["weeks"] = json!([]);
        v["normative"]["reflections"] = json!([]);
        v["other_reflections"] = json!([]);
        v["formative"]["weeks"] = json!([]);
        v["restorative"]["wellbeing"]["weeks"] = json!([{"week": first, "checks": 2, "average": 4.0, "heavy_days": 0}, {"week": last, "checks": 1, "average": 2.0, "heavy_days": 1}]);
        v["restorative"]["embeddedness"] = json!([{"week": last, "rating": "bolted-on"}]);
        v["tag_counts"] = json!([]);
        for t in v["normative"]["tags"].as_array_mut().expect("tags") {
            if t["tag"] == "boundary-stretched" {
                t["count"] = json!(stretched);
            }
        }
    })
}

#[test]
fn both_versions_open_and_a_v1_file_has_no_name() {
    let one = open("one.json", V1).expect("v1 opens");
    let two = open("two.json", V2).expect("v2 opens");
    assert_eq!(one.summary.worker, None);
    assert_eq!(two.summary.worker.as_deref(), Some("Jo B"));
    assert_eq!(one.file_name, "one.json");
}

#[test]
fn each_kind_of_bad_file_gets_its_own_error() {
    assert_eq!(error_of(""), OpenError::NotJson);
    assert_eq!(
        error_of("week,tag\n2026-11-02,md-patient"),
        OpenError::NotJson
    );
    assert_eq!(error_of("{\"journal\": []}"), OpenError::NotASummary);
    assert_eq!(error_of("[1, 2, 3]"), OpenError::NotASummary);
    assert_eq!(
        error_of(&with(|v| v["version"] = json!(3))),
        OpenError::Newer(3)
    );
    assert_eq!(
        error_of(&with(|v| v["version"] = json!("2"))),
        OpenError::Damaged("its format version is missing or not a number".into())
    );
    assert!(matches!(
        error_of(&" ".repeat(MAX_FILE_BYTES as usize + 1)),
        OpenError::TooBig { .. }
    ));
}

#[test]
fn a_file_of_the_wrong_shape_says_which_field() {
    let check = |change: fn(&mut Value), expected: &str| {
        let why = damaged(&with(change));
        assert!(why.contains(expected), "{why} does not say {expected}");
    };
    check(
        |v| drop(v.as_object_mut().map(|o| o.remove("period"))),
        "missing field ‘period’",
    );
    check(|v| v["surprise"] = json!(true), "unknown field ‘surprise’");
    check(|v| v["overview"]["entries"] = json!(-1), "invalid value");
    check(
        |v| v["redactions"][0]["kind"] = json!("SHOE_SIZE"),
        "unknown redaction kind",
    );
    check(|v| v["period"]["first_week"] = json!("2026-13-02"), "");
    // A v1 file may not carry v2's field.
    check(
        |v| {
            v["version"] = json!(1);
        },
        "unknown field ‘worker’",
    );
}

#[test]
fn a_file_that_makes_no_sense_is_damaged() {
    let check = |change: fn(&mut Value), expected: &str| {
        assert_eq!(damaged(&with(change)), expected);
    };
    check(
        |v| v["period"]["first_week"] = json!("2026-11-03"),
        "the first week is not a Monday",
    );
    check(
        |v| v["period"]["weeks"] = json!(9),
        "its number of weeks does not match its period",
    );
    check(
        |v| {
            v["period"] = json!({"first_week": "2026-11-30", "last_week": "2026-11-02", "weeks": 1})
        },
        "its period ends before it starts",
    );
    check(
        |v| {
            v["period"] =
                json!({"first_week": "2016-11-07", "last_week": "2026-11-23", "weeks": 525})
        },
        "its period is longer than five years",
    );
    check(
        |v| v["overview"]["entries_shared"] = json!(1000),
        "it shares more reflections than it counts",
    );
    check(
        |v| v["tag_counts"][0]["week"] = json!("2027-01-04"),
        "a week of tag counts falls outside its period",
    );
    check(
        |v| v["restorative"]["wellbeing"]["average"] = json!(7.5),
        "its wellbeing average is not a rating from 1 to 5",
    );
    check(
        |v| v["overview"]["families"][0]["family"] = json!("shoes"),
        "it names a tag family Anchorpoint does not have",
    );
    check(
        |v| {
            v["normative"]["reflections"][0]["answers"][0]["text"]["redactions"] =
                json!([{"kind": "NAME", "start": 0, "end": 100000}])
        },
        "a redaction mark points outside its text",
    );
    check(
        |v| v["worker"] = json!("   "),
        "the worker’s name or initials are not valid",
    );
    check(
        |v| v["worker"] = json!("x".repeat(41)),
        "the worker’s name or initials are not valid",
    );
    check(
        |v| v["worker"] = json!("Jo\nB"),
        "the worker’s name or initials are not valid",
    );
}

#[test]
fn every_message_names_the_file_says_nothing_was_opened_and_what_to_do() {
    for e in [
        OpenError::NotJson,
        OpenError::NotASummary,
        OpenError::Newer(3),
        OpenError::TooBig {
            size: size_label(3 * 1024 * 1024),
        },
        OpenError::Damaged("its period ends before it starts".into()),
    ] {
        let m = e.message("week 45.json");
        assert!(m.starts_with("‘week 45.json’ "), "{m}");
        assert!(m.contains("Nothing from it was opened."), "{m}");
    }
    assert_eq!(
        OpenError::TooBig { size: size_label(3 * 1024 * 1024) }.message("big.json"),
        "‘big.json’ is too big to be a summary (3.0 MB); the largest file that opens is 1 MB. Nothing from it was opened. Choose the .json summary file the worker downloaded from Anchorpoint."
    );
    assert_eq!(size_label(2048), "2 KB");
}

#[test]
fn script_like_text_is_kept_as_text_never_refused_or_changed() {
    let script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let text = with(|v| {
        v["worker"] = json!("<b>JB</b>");
        v["normative"]["reflections"][0]["answers"][0]["text"] =
            json!({"text": script, "redactions": []});
        v["overview"]["tags"][0]["label"] = json!(script);
    });
    let o = open("<script>.json", &text).expect("opens");
    assert_eq!(o.summary.worker.as_deref(), Some("<b>JB</b>"));
    assert_eq!(
        o.summary.normative.reflections[0].answers[0].text.text,
        script
    );
    assert_eq!(o.file_name, "<script>.json");
}

#[test]
fn the_same_summary_twice_opens_once_with_a_note_whatever_its_name_or_spacing() {
    let mut lib = Library::new();
    let compact = serde_json::to_string(&fixture()).expect("JSON");
    let report = lib.open_files(vec![
        FileInput::Text {
            name: "a.json".into(),
            text: V2.into(),
        },
        FileInput::Text {
            name: "copy of a.json".into(),
            text: compact,
        },
        FileInput::Text {
            name: "broken.json".into(),
            text: "{".into(),
        },
        FileInput::TooBig {
            name: "huge.json".into(),
            bytes: 50 * 1024 * 1024,
        },
        FileInput::Unreadable {
            name: "gone.json".into(),
        },
    ]);
    assert_eq!(report.opened, vec!["a.json".to_owned()]);
    assert_eq!(
        report.duplicates,
        vec![("copy of a.json".to_owned(), "a.json".to_owned())]
    );
    let errors: Vec<&str> = report.errors.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(errors, ["broken.json", "huge.json", "gone.json"]);
    assert!(report.errors[1].1.contains("too big"));
    assert_eq!(lib.len(), 1);
    // Opening it again later is noticed too.
    let again = lib.open_files(vec![FileInput::Text {
        name: "b.json".into(),
        text: V2.into(),
    }]);
    assert_eq!(again.duplicates.len(), 1);
    assert_eq!(lib.len(), 1);
}

#[test]
fn summaries_group_by_name_ignoring_case_and_spacing_and_unnamed_ones_stand_alone() {
    let mut lib = Library::new();
    let report = lib.open_files(vec![
        FileInput::Text {
            name: "1".into(),
            text: summary(Some("Jo B"), "2026-11-09", 1, 1),
        },
        FileInput::Text {
            name: "2".into(),
            text: summary(Some("jo b"), "2026-11-02", 1, 2),
        },
        FileInput::Text {
            name: "3".into(),
            text: summary(Some("K. Mensah"), "2026-11-02", 1, 0),
        },
        FileInput::Text {
            name: "4".into(),
            text: summary(None, "2026-11-02", 1, 3),
        },
        FileInput::Text {
            name: "5".into(),
            text: summary(None, "2026-11-09", 1, 4),
        },
    ]);
    assert_eq!(report.opened.len(), 5, "{report:?}");
    let workers = lib.workers();
    let labels: Vec<&str> = workers.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(labels[..2], ["jo b", "K. Mensah"]);
    assert_eq!(workers.len(), 4, "two unnamed summaries are never joined");
    assert!(labels[2].starts_with("No name given"));
    // Oldest first within a worker.
    let jo = lib.worker("jo-b").expect("by slug");
    assert_eq!(jo.summaries[0].file_name, "2");
    assert!(!jo.overlapping());
    assert_eq!(totals(&jo).stretched, 3);
    assert_eq!(timeline(&jo).rows.len(), 2);
    assert!(lib.remove(jo.summaries[0].fingerprint));
    assert_eq!(lib.worker("jo-b").expect("still there").summaries.len(), 1);
}

#[test]
fn overlapping_summaries_are_noted_in_the_sums() {
    let mut lib = Library::new();
    lib.open_files(vec![
        FileInput::Text {
            name: "month".into(),
            text: summary(Some("Jo B"), "2026-11-02", 4, 1),
        },
        FileInput::Text {
            name: "week".into(),
            text: summary(Some("Jo B"), "2026-11-16", 1, 1),
        },
    ]);
    let workers = lib.workers();
    assert!(workers[0].overlapping());
    let charts = across(&workers);
    assert!(
        charts[0].summary.contains("cover the same weeks"),
        "{}",
        charts[0].summary
    );
}

#[test]
fn the_across_worker_views_each_have_a_table_a_sentence_and_a_picture() {
    let mut lib = Library::new();
    lib.open_files(vec![
        FileInput::Text {
            name: "a".into(),
            text: summary(Some("Jo B"), "2026-11-02", 2, 5),
        },
        FileInput::Text {
            name: "b".into(),
            text: summary(Some("K. Mensah"), "2026-11-02", 2, 1),
        },
    ]);
    let charts = across(&lib.workers());
    let ids: Vec<&str> = charts.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "sup-discretions",
            "sup-holding",
            "sup-embeddedness",
            "sup-wellbeing"
        ]
    );
    assert_eq!(
        charts[0].summary,
        "Jo B has the most stretched boundaries: 5 reflections."
    );
    assert_eq!(charts[0].table.rows.len(), 2);
    assert_eq!(charts[0].table.rows[0][5], "5");
    assert!(charts[2]
        .summary
        .contains("Latest rating bolted on: Jo B, K. Mensah."));
    assert!(
        charts[3].summary.contains("Jo B (4.0 to 2.0)"),
        "{}",
        charts[3].summary
    );
    assert_eq!(charts[3].table.rows.len(), 4);
    for c in &charts {
        assert!(c.plot.is_some(), "{} has a picture", c.id);
    }
    let wellbeing = charts[3].plot.as_ref().expect("a plot");
    assert_eq!(wellbeing.lines.len(), 2, "one line per worker");
    assert!(wellbeing.labels.iter().any(|l| l.text == "K. Mensah"));
}

#[test]
fn an_empty_library_has_sentences_and_no_pictures() {
    let charts = across(&[]);
    for c in &charts {
        assert!(c.plot.is_none());
        assert!(c.table.rows.is_empty());
    }
    assert!(prompts(&[]).iter().all(|(_, p)| p.is_empty()));
}

#[test]
fn prompts_come_from_what_the_summaries_contain_grouped_by_proctors_functions() {
    let mut lib = Library::new();
    lib.open_files(vec![
        FileInput::Text {
            name: "fixture".into(),
            text: V2.into(),
        },
        FileInput::Text {
            name: "quiet".into(),
            text: summary(Some("K. Mensah"), "2026-11-02", 1, 0),
        },
    ]);
    let grouped = prompts(&lib.workers());
    let functions: Vec<Function> = grouped.iter().map(|(f, _)| *f).collect();
    assert_eq!(functions, Function::ALL);
    let text = |f: usize, worker: &str| -> Vec<String> {
        grouped[f]
            .1
            .iter()
            .filter(|p| p.worker == worker)
            .map(|p| p.text.clone())
            .collect()
    };
    let jo_normative = text(0, "Jo B");
    assert!(
        jo_normative
            .iter()
            .any(|t| t.starts_with("Boundaries stretched in")),
        "{jo_normative:?}"
    );
    assert!(
        jo_normative
            .iter()
            .any(|t| t.contains("escalated elsewhere")),
        "{jo_normative:?}"
    );
    assert!(text(1, "Jo B")
        .iter()
        .any(|t| t.contains("Wants to bring something")));
    // The quiet week stretched no boundary, so no boundary prompt for K. Mensah...
    assert!(!text(0, "K. Mensah")
        .iter()
        .any(|t| t.starts_with("Boundaries stretched")));
    // ...but their wellbeing fell from 4 to 2 and they feel bolted on.
    let k = text(2, "K. Mensah");
    assert!(
        k.iter().any(|t| t.contains("fell from 4.0 to 2.0")),
        "{k:?}"
    );
    assert!(k.iter().any(|t| t.contains("bolted on")), "{k:?}");
}

const KEPT_FIXTURE: &str = include_str!("../../../tests/fixtures/v4/supervisor/kept-summary.json");

#[test]
fn the_kept_summary_record_is_frozen_and_reads_back_as_the_file_did() {
    use super::kept::{decode_keep, decode_kept, encode_keep, encode_kept};
    let opened = open("anchorpoint-summary-jo-b-2026-11-02-to-2026-11-23.json", V2).expect("opens");
    assert_eq!(encode_kept(&opened), KEPT_FIXTURE.trim_end());
    assert_eq!(decode_kept(KEPT_FIXTURE).expect("reads"), opened);
    assert_eq!(decode_keep(&encode_keep(true)), Ok(true));
    // A damaged or foreign record is refused with a reason, never half-read.
    let damaged = KEPT_FIXTURE.replace("\"weeks\":4", "\"weeks\":5");
    assert!(decode_kept(&damaged).is_err());
    assert!(decode_kept(&KEPT_FIXTURE.replace("\"v\":4", "\"v\":5")).is_err());
    assert!(decode_kept(&KEPT_FIXTURE.replace("kept-summary", "entry")).is_err());
}

#[test]
fn a_protected_file_waits_for_its_passphrase_and_a_wrong_one_changes_nothing() {
    use crate::core::crypto::{seal_file, FileRandom, KdfParams, Purpose, NONCE_BYTES, SALT_BYTES};
    let random = FileRandom {
        salt: [5; SALT_BYTES],
        nonce: [6; NONCE_BYTES],
    };
    // The cheapest settings the format accepts, so the test is quick.
    let sealed = seal_file(
        Purpose::Summary,
        "blue heron at dawn",
        KdfParams::OWASP_MINIMUM,
        &random,
        V2.as_bytes(),
    )
    .expect("sealed");
    let mut lib = Library::new();
    let report = lib.open_files(vec![FileInput::Text {
        name: "protected.json".into(),
        text: sealed.clone(),
    }]);
    assert_eq!(
        report.protected,
        vec![("protected.json".to_owned(), sealed.clone())]
    );
    assert!(report.errors.is_empty() && report.opened.is_empty());
    assert!(lib.is_empty(), "nothing is read before the passphrase");

    let wrong =
        open_protected("protected.json", &sealed, "blue heron at dusk").expect_err("refused");
    assert_eq!(wrong, "The passphrase does not open ‘protected.json’. Check it with the worker: it is the one they told you in person. Nothing from the file was opened.");
    assert!(open_protected("protected.json", &sealed, "")
        .expect_err("empty")
        .starts_with("Enter the passphrase"));
    assert!(lib.is_empty());

    let file = open_protected("protected.json", &sealed, "blue heron at dawn").expect("opens");
    let report = lib.open_files(vec![file]);
    assert_eq!(report.opened, vec!["protected.json".to_owned()]);
    assert_eq!(lib.summaries()[0].summary.worker.as_deref(), Some("Jo B"));
    // A backup sealed with the same passphrase is not a summary.
    let backup = seal_file(
        Purpose::Backup,
        "blue heron at dawn",
        KdfParams::OWASP_MINIMUM,
        &random,
        b"{}",
    )
    .expect("sealed");
    assert!(open_protected("backup.json", &backup, "blue heron at dawn")
        .expect_err("refused")
        .contains("not a summary"));
}

#[test]
fn the_fingerprint_is_fnv1a_over_the_canonical_json_so_kept_keys_never_change() {
    // Kept summaries are stored under their fingerprint: the same summary must keep the
    // same value from one version of the app to the next.
    let opened = open("a.json", V2).expect("opens");
    let canonical = serde_json::to_string(&opened.summary).expect("JSON");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in canonical.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    assert_eq!(opened.fingerprint, hash);
    assert_eq!(opened.fingerprint, FIXTURE_FINGERPRINT);
    // Whatever the spacing, and again after other files (the buffer is reused).
    let other = open("b.json", &summary(Some("Sam"), "2026-11-02", 1, 3)).expect("opens");
    assert_ne!(other.fingerprint, opened.fingerprint);
    let compact = serde_json::to_string(&fixture()).expect("JSON");
    assert_eq!(
        open("c.json", &compact).expect("opens").fingerprint,
        FIXTURE_FINGERPRINT
    );
}

/// The v2 fixture's fingerprint, as every version of the app has computed it.
const FIXTURE_FINGERPRINT: u64 = 0x8de4_c3a1_826e_c93a;

#[test]
fn files_read_as_one_are_cut_back_into_each_files_text() {
    let bytes = b"{\"a\":1}\xEF\xBB\xBF{\"b\":2}caf\xC3\xA9\xFF";
    // Sizes in bytes: a BOM is dropped as Blob.text() drops it; a bad byte becomes U+FFFD.
    assert_eq!(
        split_read(bytes, &[7, 10, 6]),
        Some(vec![
            "{\"a\":1}".to_owned(),
            "{\"b\":2}".to_owned(),
            "café\u{FFFD}".to_owned()
        ])
    );
    assert_eq!(split_read(b"", &[]), Some(vec![]));
    assert_eq!(split_read(b"", &[0]), Some(vec![String::new()]));
    // Sizes that do not add up: nothing is guessed.
    assert_eq!(split_read(bytes, &[7, 10]), None);
    assert_eq!(split_read(bytes, &[7, 10, 7]), None);
    assert_eq!(split_read(bytes, &[u64::MAX, 2]), None);
}

#[test]
fn a_protected_file_among_good_and_bad_ones_waits_and_the_others_open() {
    use crate::core::crypto::{seal_file, FileRandom, KdfParams, Purpose, NONCE_BYTES, SALT_BYTES};
    let random = FileRandom {
        salt: [1; SALT_BYTES],
        nonce: [2; NONCE_BYTES],
    };
    let sealed = seal_file(
        Purpose::Summary,
        "passphrase",
        KdfParams::OWASP_MINIMUM,
        &random,
        V2.as_bytes(),
    )
    .expect("sealed");
    let mut lib = Library::new();
    let report = lib.open_files(vec![
        FileInput::Text {
            name: "good.json".into(),
            text: V2.to_owned(),
        },
        FileInput::Text {
            name: "sealed.json".into(),
            text: sealed.clone(),
        },
        FileInput::Text {
            name: "bad.json".into(),
            text: "{\"app\":\"anchorpoint\",\"kind\":\"entry\"}".into(),
        },
    ]);
    assert_eq!(report.opened, vec!["good.json".to_owned()]);
    assert_eq!(report.protected, vec![("sealed.json".to_owned(), sealed)]);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].0, "bad.json");
    assert_eq!(lib.len(), 1);
}
