#![cfg(not(target_arch = "wasm32"))]
//! Frozen fixtures of every stored format version must keep loading. Stored data outlives
//! the code that wrote it: a worker's journal written today must open in every later
//! version of Anchorpoint.

use anchorpoint::core::entry::{Entry, EntryId};
use anchorpoint::core::record::{
    decode_draft, decode_entry, decode_index, encode_draft, encode_entry, encode_index,
};
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

/// While v1 is the current format, the writer must produce the fixtures byte for byte.
/// When v2 arrives this test moves to the v2 fixtures; the loading tests above stay.
#[test]
fn the_current_writer_produces_the_v1_fixtures_exactly() {
    let entry = decode_entry(&fixture("v1/entry.json")).unwrap();
    assert_eq!(encode_entry(&entry), fixture("v1/entry.json"));
    let ids = decode_index(&fixture("v1/index.json")).unwrap();
    assert_eq!(encode_index(&ids), fixture("v1/index.json"));
    let draft = decode_draft(&fixture("v1/draft.json")).unwrap();
    assert_eq!(encode_draft(&draft), fixture("v1/draft.json"));
}
