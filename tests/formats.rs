#![cfg(not(target_arch = "wasm32"))]
//! Frozen fixtures of every stored format version must keep loading. Stored data outlives
//! the code that wrote it: a worker's journal written today must open in every later
//! version of Anchorpoint.

use anchorpoint::core::entry::{Entry, EntryId};
use anchorpoint::core::record::{
    decode_draft, decode_entry, decode_index, encode_draft, encode_entry, encode_index,
};
use anchorpoint::core::tags::TagId;
use chrono::{NaiveDate, TimeZone, Utc};

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .trim_end()
        .to_owned()
}

#[test]
fn a_v1_entry_still_loads_with_every_field() {
    let entry: Entry = decode_entry(&fixture("v1/entry.json")).expect("v1 entry loads");
    assert_eq!(entry.id, EntryId::parse("emi4x2k1c-1z141z3").unwrap());
    assert_eq!(entry.about, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(
        entry.written_at,
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap()
    );
    assert_eq!(
        entry.updated_at,
        Utc.with_ymd_and_hms(2026, 11, 24, 10, 5, 0).unwrap()
    );
    assert_eq!(entry.sections.len(), 1);
    assert_eq!(entry.sections[0].prompt, None);
    assert!(entry
        .text()
        .starts_with("Offered Person A a fourth session"));
    assert!(entry.text().ends_with("Nothing to fix today; I listened."));
}

#[test]
fn a_v1_index_and_draft_still_load() {
    let ids = decode_index(&fixture("v1/index.json")).expect("v1 index loads");
    assert_eq!(ids.len(), 2);
    let draft = decode_draft(&fixture("v1/draft.json")).expect("v1 draft loads");
    assert_eq!(draft.entry, None);
    assert_eq!(draft.draft.text, "Stayed late to ring the food bank");
    assert_eq!(
        (
            draft.draft.day.as_str(),
            draft.draft.month.as_str(),
            draft.draft.year.as_str()
        ),
        ("24", "11", "2026")
    );
}

#[test]
fn a_v1_entry_migrates_with_no_tags_and_nothing_dismissed() {
    let entry = decode_entry(&fixture("v1/entry.json")).unwrap();
    assert!(entry.tags.is_empty());
    assert!(entry.dismissed.is_empty());
    let draft = decode_draft(&fixture("v1/draft.json")).unwrap();
    assert!(draft.draft.tags.is_empty());
}

#[test]
fn a_v2_entry_index_and_draft_still_load_with_their_tags() {
    let tag = |s: &str| TagId::parse(s).unwrap();
    let entry = decode_entry(&fixture("v2/entry.json")).expect("v2 entry loads");
    assert_eq!(entry.id, EntryId::parse("emi9k2p0a-7h3kq1").unwrap());
    assert_eq!(entry.about, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    assert_eq!(
        entry.tags,
        [
            tag("md-patient"),
            tag("boundary-stretched"),
            tag("custom-1")
        ]
    );
    assert_eq!(entry.dismissed, [tag("anchor-step")]);
    assert!(entry.text().starts_with("Went with Person B"));
    assert_eq!(decode_index(&fixture("v2/index.json")).unwrap().len(), 2);
    let draft = decode_draft(&fixture("v2/draft.json")).expect("v2 draft loads");
    assert_eq!(
        draft.entry,
        Some(EntryId::parse("emi9k2p0a-7h3kq1").unwrap())
    );
    assert_eq!(draft.draft.tags, [tag("md-patient")]);
}

/// While v2 is the current format, the writer must produce the v2 fixtures byte for
/// byte. When v3 arrives this test moves to the v3 fixtures; the loading tests stay.
#[test]
fn the_current_writer_produces_the_v2_fixtures_exactly() {
    let entry = decode_entry(&fixture("v2/entry.json")).unwrap();
    assert_eq!(encode_entry(&entry), fixture("v2/entry.json"));
    let ids = decode_index(&fixture("v2/index.json")).unwrap();
    assert_eq!(encode_index(&ids), fixture("v2/index.json"));
    let draft = decode_draft(&fixture("v2/draft.json")).unwrap();
    assert_eq!(encode_draft(&draft), fixture("v2/draft.json"));
}

/// A v1 record, once read and saved again, is written as v2 with nothing lost.
#[test]
fn a_v1_entry_saved_again_is_written_as_v2_with_the_same_content() {
    let old = decode_entry(&fixture("v1/entry.json")).unwrap();
    let rewritten = encode_entry(&old);
    assert!(rewritten.contains(r#""v":2"#));
    assert_eq!(decode_entry(&rewritten).unwrap(), old);
}
