#![cfg(not(target_arch = "wasm32"))]
//! The supervision summary's JSON format, versions 1 and 2, pinned three ways: a frozen
//! fixture of each (`tests/fixtures/export/v1/` and `v2/`): the current writer must still
//! produce version 2's byte for byte from the fixed fictional input below, and both must
//! still open in the supervisor view with that content; the documented JSON Schemas
//! (`docs/summary-v1.schema.json`, `summary-v2.schema.json`), which each fixture must
//! satisfy with no field missing or unknown; and the schema's lists of codes, which must
//! match the code's. Everything in the input is fictional.

use std::fs;
use std::path::Path;

use anchorpoint::core::anonymise::Kind;
use anchorpoint::core::checkins::{
    EmbeddednessCheckIn, EmbeddednessHistory, Load, Rating, WellbeingCheck, WellbeingLog,
};
use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId, ThreadId};
use anchorpoint::core::journal::Journal;
use anchorpoint::core::summary::export::{
    to_csv_tag_counts, to_html, to_json, to_markdown, Format,
};
use anchorpoint::core::summary::json::SummaryV2;
use anchorpoint::core::summary::{Decisions, Review, Summary, SummaryData, SummaryRequest};
use anchorpoint::core::tags::{CustomTag, Embeddedness, Family, Vocabulary};
use anchorpoint::core::templates::PromptRole;
use anchorpoint::core::threads::{DurationBand, Outcome, Threads};
use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn section(prompt: Option<&str>, role: PromptRole, text: &str) -> Section {
    Section {
        key: None,
        prompt: prompt.map(str::to_owned),
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
        id: EntryId::parse(id).expect("valid id"),
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

/// The fixed fictional month behind the fixture: four weeks of November 2026.
fn fixture_summary() -> Summary {
    use PromptRole::{Action, Learning, Other};
    // A tag made before custom ids were unique across devices: the frozen fixture
    // shows its id, `custom-1`, which still works.
    let walking = TagId::parse("custom-1").expect("an old custom tag id");
    let vocabulary = Vocabulary::from_parts(
        vec![CustomTag {
            id: walking.clone(),
            label: "Walking group".into(),
            definition: Some("The Tuesday walking group.".into()),
        }],
        1,
    );
    let journal = Journal::from_entries([
        entry(
            "e1",
            "2026-11-03",
            &["md-patient", "boundary-stretched"],
            vec![
                section(
                    Some("What?"),
                    Other,
                    "Joy Okafor rang me at 7pm on 07700 900123 because the food bank had \
                     closed early.\nI went with her to the church hall the next morning.",
                ),
                section(
                    Some("So what?"),
                    Other,
                    "I stretched my hours. She trusts me, but Mrs Okafor now expects evening calls.",
                ),
                section(
                    Some("Now what?"),
                    Action,
                    "Agree a clear time for calls and tell her at the next session.",
                ),
            ],
        ),
        entry(
            "e2",
            "2026-11-05",
            &["holding-waiting", "wellbeing-load"],
            vec![Section::free(
                "Tom Reece is still waiting for the memory clinic. Nothing to fix, I listened. \
                 His daughter Priya came too; she is a retired headteacher.",
            )],
        ),
        entry(
            "e3",
            "2026-11-10",
            &["escalate-elsewhere"],
            vec![Section::free(
                "Raised a concern about the neighbour through the proper channel.",
            )],
        ),
        entry(
            "e4",
            "2026-11-12",
            &["md-staff", walking.as_str()],
            vec![
                section(
                    Some("Description"),
                    Other,
                    "Dr Adeyemi asked me to write a housing letter for someone at 14 Acacia Road, \
                     NHS number 999 123 4567.",
                ),
                section(
                    Some("What I learned"),
                    Learning,
                    "Housing letters are not my remit; I can signpost to the advice centre.",
                ),
            ],
        ),
        entry(
            "e5",
            "2026-11-18",
            &["anchor-step"],
            vec![Section::free("First time Keisha mentioned the debt.")],
        ),
        entry(
            "e6",
            "2026-11-24",
            &["boundary-held", "md-community"],
            vec![Section::free(
                "Said no to collecting a prescription for Tom Reece; rang the bowls club \
                 instead. <Worth discussing> & \"quoted\".",
            )],
        ),
    ]);

    let mut threads = Threads::new();
    let tid = |s: &str| ThreadId::parse(s).expect("valid thread id");
    let tags = |s: &[&str]| -> Vec<TagId> { s.iter().filter_map(|t| TagId::parse(t)).collect() };
    threads
        .create(tid("t1"), "Walnut", day("2026-10-01"))
        .expect("opened");
    threads
        .set_functions(&tid("t1"), &tags(&["holding-waiting"]))
        .expect("functions");
    threads
        .set_drivers(&tid("t1"), &tags(&["driver-no-provision"]))
        .expect("drivers");
    threads
        .create(tid("t2"), "Person Blue", day("2026-11-04"))
        .expect("opened");
    threads
        .set_functions(&tid("t2"), &tags(&["holding-preparing"]))
        .expect("functions");
    threads
        .set_drivers(&tid("t2"), &tags(&["driver-readiness"]))
        .expect("drivers");
    threads
        .create(tid("t3"), "Person C", day("2026-09-01"))
        .expect("opened");
    threads
        .close(&tid("t3"), day("2026-11-20"), Outcome::ConnectedOnward)
        .expect("closed");

    let mut wellbeing = WellbeingLog::new();
    for (entry, on, rating, load) in [
        ("e1", "2026-11-03", 2, Some(Load::Heavy)),
        ("e2", "2026-11-05", 3, Some(Load::Moderate)),
        ("e4", "2026-11-12", 4, Some(Load::Light)),
        ("e6", "2026-11-24", 4, None),
    ] {
        wellbeing.record(WellbeingCheck {
            entry: EntryId::parse(entry).expect("valid id"),
            on: day(on),
            rating: Rating::new(rating).expect("1 to 5"),
            emotional_load: load,
        });
    }
    let mut embeddedness = EmbeddednessHistory::new();
    for (on, rating) in [
        ("2026-10-30", Embeddedness::BoltedOn),
        ("2026-11-09", Embeddedness::FittingIn),
        ("2026-11-23", Embeddedness::Belonging),
    ] {
        embeddedness.add(EmbeddednessCheckIn {
            on: day(on),
            rating,
            notes: Default::default(),
        });
    }
    let names: Vec<String> = ["Joy Okafor", "Tom Reece", "Acacia Road"]
        .map(String::from)
        .to_vec();
    let data = SummaryData {
        journal: &journal,
        vocabulary: &vocabulary,
        threads: &threads,
        embeddedness: &embeddedness,
        wellbeing: &wellbeing,
        private_names: &names,
        today: day("2026-11-27"),
    };
    let request = SummaryRequest {
        from: day("2026-11-02"),
        to: day("2026-11-27"),
        include_text: ["e1", "e2", "e3", "e4", "e6"]
            .iter()
            .filter_map(|i| EntryId::parse(i))
            .collect(),
        bring: "How do I keep evening calls with Joy from becoming the norm? And the housing \
                letters from Dr Adeyemi."
            .to_owned(),
    };
    let review = Review::new(&request, &data);
    let mut decisions = Decisions::default();
    // The worker shows "Priya" as written (a deliberate decision on one span) ...
    let (i, t) = review
        .texts()
        .iter()
        .enumerate()
        .find(|(_, t)| t.text.contains("Priya"))
        .expect("e2 is shared");
    let priya = review
        .findings(i)
        .spans
        .iter()
        .find(|s| &t.text[s.start..s.end] == "Priya")
        .expect("Priya is found");
    review
        .unredact(&mut decisions, &t.id, priya.start, priya.end)
        .expect("not on the private list");
    // ... and redacts a club the anonymiser cannot know about.
    review
        .add_phrase(&mut decisions, "bowls club")
        .expect("a phrase");
    review.finish(&decisions)
}

const FIXTURE_V1: &str = "tests/fixtures/export/v1/summary.json";
const FIXTURE_V2: &str = "tests/fixtures/export/v2/summary.json";
/// The fictional name on the version 2 fixture.
const WORKER: &str = "Jo B";

/// The fixture month as version 2 writes it, with the worker's initials on it.
fn fixture_summary_v2() -> Summary {
    let mut s = fixture_summary();
    s.worker = Some(WORKER.to_owned());
    s
}

#[test]
fn the_writer_still_produces_the_frozen_v2_fixture_byte_for_byte() {
    let json = to_json(&fixture_summary_v2());
    let frozen = fs::read_to_string(root().join(FIXTURE_V2)).unwrap_or_default();
    if json != frozen {
        // For the person fixing this: the new output, to compare with the frozen file.
        let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join("summary.json");
        let _ = fs::write(&actual, &json);
        panic!(
            "the JSON writer no longer produces {FIXTURE_V2}; its output is in {}. A change \
             to the format needs a new version and a new fixture folder, never an edit to this one",
            actual.display()
        );
    }
}

#[test]
fn the_v2_fixture_reads_back_into_the_same_summary() {
    let frozen = fs::read_to_string(root().join(FIXTURE_V2)).expect("the fixture exists");
    let read: Summary = serde_json::from_str(&frozen).expect("v2 reads");
    assert_eq!(read, fixture_summary_v2());
}

#[test]
fn both_fixtures_open_in_the_supervisor_view_with_the_same_content() {
    let v1 = fs::read_to_string(root().join(FIXTURE_V1)).expect("the v1 fixture exists");
    let v2 = fs::read_to_string(root().join(FIXTURE_V2)).expect("the v2 fixture exists");
    let one = anchorpoint::core::supervisor::open("summary.json", &v1).expect("v1 opens");
    let two = anchorpoint::core::supervisor::open("summary.json", &v2).expect("v2 opens");
    assert_eq!(one.summary.version, 1);
    assert_eq!(one.summary.worker, None);
    assert_eq!(two.summary.version, 2);
    assert_eq!(two.summary.worker.as_deref(), Some(WORKER));
    // Apart from the version and the name, version 1's content is version 2's.
    let mut expected = SummaryV2::from(&fixture_summary());
    expected.version = 1;
    assert_eq!(one.summary, expected);
    assert_eq!(two.summary, SummaryV2::from(&fixture_summary_v2()));
}

#[test]
fn the_name_goes_into_every_format_and_every_file_name() {
    let s = fixture_summary_v2();
    assert!(to_markdown(&s).contains("Link worker: Jo B"));
    assert!(to_html(&s).contains("Link worker: Jo B"));
    assert!(to_csv_tag_counts(&s)
        .starts_with("worker,week_commencing,family,tag,count\r\nJo B,2026-11-"));
    assert!(to_json(&s).starts_with(
        "{\n  \"format\": \"anchorpoint-supervision-summary\",\n  \"version\": 2,\n  \"worker\": \"Jo B\","
    ));
    for format in Format::ALL {
        assert_eq!(
            format.file_name(&s),
            format!(
                "anchorpoint-summary-jo-b-2026-11-02-to-2026-11-23.{}",
                format.extension()
            )
        );
    }
    // Two workers, same weeks: different file names.
    let mut other = s.clone();
    other.worker = Some("K. Mensah".into());
    assert_ne!(Format::Json.file_name(&s), Format::Json.file_name(&other));
    // Without a name, no name and no stray hyphen, and the CSV as it always was.
    let plain = fixture_summary();
    assert_eq!(
        Format::Json.file_name(&plain),
        "anchorpoint-summary-2026-11-02-to-2026-11-23.json"
    );
    assert!(to_csv_tag_counts(&plain).starts_with("week_commencing,family,tag,count\r\n"));
    assert!(!to_markdown(&plain).contains("Link worker"));
}

#[test]
fn the_fixture_covers_the_cases_it_is_there_to_pin() {
    let s = fixture_summary();
    let all = [
        to_markdown(&s),
        to_html(&s),
        to_json(&s),
        to_csv_tag_counts(&s),
    ];
    for out in &all {
        for private in [
            "Okafor",
            "Reece",
            "Acacia",
            "07700",
            "999 123",
            "bowls",
            "Keisha",
            "neighbour",
            "Walnut",
            "Person Blue",
        ] {
            assert!(!out.contains(private), "{private} in {out}");
        }
    }
    assert!(all[0].contains("His daughter Priya came too"));
    assert_eq!(s.normative.escalations_withheld, 1);
    assert_eq!(s.overview.entries_shared, 4);
    assert!(s.redactions.iter().any(|k| k.kind == Kind::Other));
    assert_eq!(s.restorative.holding.open, 2);
}

// --- the schema ----------------------------------------------------------------------------

/// A small JSON Schema checker for the keywords the v1 schema uses: `$ref` (local),
/// `type`, `const`, `enum`, `anyOf`, `required`, `properties`, `additionalProperties`
/// (false), `items`, `minimum`, `maximum` and `format: date`. Returns every problem.
fn check(schema: &Value, root: &Value, value: &Value, path: &str, problems: &mut Vec<String>) {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/$defs/");
            match root.get("$defs").and_then(|d| d.get(name)) {
                Some(s) => s,
                None => {
                    problems.push(format!("{path}: unknown $ref {r}"));
                    return;
                }
            }
        }
        None => schema,
    };
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = options.iter().any(|o| {
            let mut p = Vec::new();
            check(o, root, value, path, &mut p);
            p.is_empty()
        });
        if !fits {
            problems.push(format!("{path}: fits none of anyOf"));
        }
        return;
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            problems.push(format!("{path}: {value} is not {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            problems.push(format!("{path}: {value} is not one of {e:?}"));
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            _ => false,
        });
        if !ok {
            problems.push(format!("{path}: {value} is not of type {t}"));
            return;
        }
    }
    if let Some(n) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            problems.push(format!("{path}: {n} is below the minimum"));
        }
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            problems.push(format!("{path}: {n} is above the maximum"));
        }
    }
    if schema.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(s) = value.as_str() {
            if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() || s.len() != 10 {
                problems.push(format!("{path}: {s} is not a YYYY-MM-DD date"));
            }
        }
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(key) {
                problems.push(format!("{path}: missing {key}"));
            }
        }
        for (key, v) in obj {
            match props.and_then(|p| p.get(key)) {
                Some(s) => check(s, root, v, &format!("{path}.{key}"), problems),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    problems.push(format!("{path}: {key} is not in the schema"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            check(items, root, v, &format!("{path}[{i}]"), problems);
        }
    }
}

fn schema_of(version: u32) -> Value {
    let path = format!("docs/summary-v{version}.schema.json");
    let raw = fs::read_to_string(root().join(path)).expect("schema");
    serde_json::from_str(&raw).expect("the schema is JSON")
}

fn schema() -> Value {
    schema_of(2)
}

#[test]
fn each_fixture_satisfies_its_documented_schema_with_no_field_missing_or_unknown() {
    for (version, fixture) in [(1, FIXTURE_V1), (2, FIXTURE_V2)] {
        fixture_satisfies(version, fixture);
    }
    // Neither version's file passes the other's schema.
    let v1: Value = serde_json::from_str(&fs::read_to_string(root().join(FIXTURE_V1)).expect("v1"))
        .expect("JSON");
    let mut problems = Vec::new();
    check(&schema_of(2), &schema_of(2), &v1, "$", &mut problems);
    assert!(!problems.is_empty());
}

fn fixture_satisfies(version: u32, fixture: &str) {
    let schema = schema_of(version);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let frozen = fs::read_to_string(root().join(fixture)).expect("the fixture exists");
    let value: Value = serde_json::from_str(&frozen).expect("JSON");
    let mut problems = Vec::new();
    check(&schema, &schema, &value, "$", &mut problems);
    assert!(problems.is_empty(), "{problems:#?}");

    // The checker itself catches a missing field, an unknown one and a wrong code.
    let mut broken = value.clone();
    broken["period"]
        .as_object_mut()
        .expect("an object")
        .remove("weeks");
    broken["overview"]["surprise"] = Value::Bool(true);
    broken["redactions"][0]["kind"] = Value::String("SHOE_SIZE".into());
    let mut problems = Vec::new();
    check(&schema, &schema, &broken, "$", &mut problems);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn every_documented_field_is_described_in_the_prose_documentation() {
    for version in [1, 2] {
        documented(version);
    }
}

fn documented(version: u32) {
    let doc = fs::read_to_string(root().join(format!("docs/export-json-v{version}.md")))
        .expect("the doc");
    let schema = schema_of(version);
    let mut names: Vec<String> = Vec::new();
    let mut collect = |props: &Value| {
        if let Some(p) = props.as_object() {
            names.extend(p.keys().cloned());
        }
    };
    collect(&schema["properties"]);
    for def in schema["$defs"].as_object().expect("defs").values() {
        collect(&def["properties"]);
    }
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "{name} is not documented"
        );
    }
}

#[test]
fn the_schemas_code_lists_match_the_code() {
    let schema = schema();
    let list = |def: &str| -> Vec<String> {
        let v = &schema["$defs"][def];
        let e = v.get("enum").or_else(|| {
            v.get("properties")
                .and_then(|p| p.as_object())
                .and_then(|p| p.values().find_map(|f| f.get("enum")))
        });
        e.and_then(Value::as_array)
            .expect("an enum")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let codes = |it: Vec<&str>| -> Vec<String> { it.into_iter().map(str::to_owned).collect() };
    assert_eq!(
        list("kind"),
        codes(Kind::ALL.iter().map(|k| k.code()).collect())
    );
    let mut families = codes(Family::ALL.iter().map(|f| f.id()).collect());
    families.push("custom".into());
    assert_eq!(list("family"), families);
    // Each list serialises to a JSON array of its codes.
    let ids = |v: Result<Value, serde_json::Error>| -> Vec<String> {
        v.expect("serialises")
            .as_array()
            .expect("an array")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(
        list("band_count"),
        ids(serde_json::to_value(DurationBand::ALL))
    );
    assert_eq!(
        list("outcome_count"),
        ids(serde_json::to_value(Outcome::ALL))
    );
    assert_eq!(
        list("embeddedness_week"),
        ids(serde_json::to_value(Embeddedness::ALL))
    );
}
