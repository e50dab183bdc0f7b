//! The store's rules against the in-memory backend: revisions and conflicts between tabs,
//! all-or-nothing batches, damaged and newer values set aside and never overwritten, and
//! each tab's own drafts.

use super::*;
use crate::core::entry::{Draft, Section};
use crate::core::ids::ThreadId;
use crate::storage::MemoryBackend;
use chrono::{NaiveDate, TimeZone, Utc};
use std::rc::Rc;

/// A backend two stores can share, as two tabs share local storage (the lock's tests use
/// it too).
#[derive(Clone, Default)]
pub(super) struct Shared(pub(super) Rc<MemoryBackend>);

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.0.keys()
    }
}

fn entry(id: &str, day: u32, text: &str) -> Entry {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Entry {
        id: EntryId::parse(id).unwrap(),
        written_at: at,
        updated_at: at,
        about: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        sections: vec![Section::free(text)],
        tags: vec![],
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

fn texts(loaded: &Loaded) -> Vec<String> {
    loaded.journal.newest_first().map(Entry::text).collect()
}

fn store() -> Store<MemoryBackend> {
    Store::new(MemoryBackend::new())
}

fn tab(backend: &Shared, name: &str) -> Store<Shared> {
    let mut s = Store::with(backend.clone(), Namespace::JOURNAL, Box::new(Compact), name);
    s.load().unwrap();
    s
}

fn id(raw: &str) -> EntryId {
    EntryId::parse(raw).unwrap()
}

fn draft(entry: Option<&str>, text: &str) -> StoredDraft {
    StoredDraft {
        entry: entry.map(id),
        saved_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
        draft: Draft {
            text: text.into(),
            ..Draft::default()
        },
        based_on: None,
    }
}

fn keys_of(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| p.key().unwrap_or("missing").to_owned())
        .collect()
}

fn threads_with(pseudonym: &str) -> Threads {
    let mut threads = Threads::new();
    threads
        .create(
            ThreadId::parse("t1").unwrap(),
            pseudonym,
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        )
        .unwrap();
    threads
}

// ---------------------------------------------------------------------------------------
// The rules kept from format 3
// ---------------------------------------------------------------------------------------

#[test]
fn saved_entries_load_back_newest_first() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "first")).unwrap();
    s.save_entry(&entry("b", 22, "second")).unwrap();
    let mut fresh = Store::new(s.backend);
    let loaded = fresh.load().unwrap();
    assert_eq!(texts(&loaded), ["second", "first"]);
    assert!(loaded.problems.is_empty());
}

#[test]
fn records_are_stored_as_compact_frames_with_a_revision() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "first")).unwrap();
    let raw = s.backend.get("anchorpoint.entry.a").unwrap().unwrap();
    assert!(raw.starts_with("AP4;z;1;"), "{raw}");
    s.save_entry(&entry("a", 20, "again")).unwrap();
    let raw = s.backend.get("anchorpoint.entry.a").unwrap().unwrap();
    assert!(raw.starts_with("AP4;z;2;"), "{raw}");
}

#[test]
fn editing_one_entry_writes_only_that_entry() {
    let mut s = store();
    for (i, d) in [20, 21, 22].iter().enumerate() {
        s.save_entry(&entry(&format!("e{i}"), *d, "x")).unwrap();
    }
    let before = s.backend.snapshot();
    s.save_entry(&entry("e1", 21, "edited")).unwrap();
    let after = s.backend.snapshot();
    let changed: Vec<&String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| &b.0)
        .collect();
    assert_eq!(changed, ["anchorpoint.entry.e1"]);
}

#[test]
fn a_new_entry_writes_its_record_and_the_index() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "x")).unwrap();
    let shard = format!("anchorpoint.index.{:02}", shard_of(&id("a")));
    assert_eq!(
        s.backend.keys().unwrap(),
        ["anchorpoint.entry.a".to_owned(), shard]
    );
}

#[test]
fn a_single_index_from_format_3_is_replaced_by_shards_listing_the_same_ids() {
    let mut s = store();
    s.backend
        .set("anchorpoint.entry.a", &encode_entry(&entry("a", 20, "old")))
        .unwrap();
    s.backend
        .set(
            "anchorpoint.index",
            &encode_index(&IndexShard {
                ids: vec![id("a"), id("gone")],
                order: None,
            }),
        )
        .unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(loaded.problems, [Problem::Missing { id: id("gone") }]);
    s.save_entry(&entry("b", 21, "new")).unwrap();
    assert_eq!(s.backend.get("anchorpoint.index").unwrap(), None);
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["new", "old"]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

/// Every id listed in the index shards.
fn listed(backend: &dyn Backend) -> Vec<EntryId> {
    let mut ids = Vec::new();
    for key in backend.keys().unwrap() {
        if key.starts_with("anchorpoint.index.") {
            let raw = backend.get(&key).unwrap().unwrap();
            let json = codec::open(&key, &raw, &[&Compact]).unwrap().json;
            ids.extend(decode_index(&json).unwrap().ids);
        }
    }
    ids.sort();
    ids
}

#[test]
fn a_damaged_record_is_set_aside_untouched_and_the_rest_load() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "kept")).unwrap();
    s.backend
        .set("anchorpoint.entry.b", "{\"app\":\"anchorpoint\",\"ki")
        .unwrap();
    s.backend
        .set("anchorpoint.entry.c", "not json at all")
        .unwrap();
    s.backend.set("someone-else", "ignored").unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["kept"]);
    assert_eq!(
        keys_of(&loaded.problems),
        ["anchorpoint.entry.b", "anchorpoint.entry.c"]
    );
    s.save_entry(&entry("d", 21, "new")).unwrap();
    assert_eq!(
        s.backend.get("anchorpoint.entry.c").unwrap().as_deref(),
        Some("not json at all")
    );
    // The damaged ids stay in the index, so they are never orphaned.
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["new", "kept"]);
    assert!(!loaded
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Missing { .. })));
}

#[test]
fn foreign_and_newer_values_under_our_prefix_are_reported_with_reasons() {
    let mut s = store();
    s.backend.set("anchorpoint.favourites", "{}").unwrap();
    s.backend
        .set(
            "anchorpoint.entry.z",
            r#"{"app":"anchorpoint","kind":"entry","v":9,"data":{}}"#,
        )
        .unwrap();
    s.backend.set("anchorpoint.entry.y", "AP7;z;1;abc").unwrap();
    s.backend.set("anchorpoint.entry.BAD", "{}").unwrap();
    let loaded = s.load().unwrap();
    let reasons: Vec<String> = loaded.problems.iter().map(Problem::describe).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons[0].contains("not a valid entry id"), "{reasons:?}");
    assert!(reasons[1].contains("newer version"), "{reasons:?}");
    assert!(reasons[2].contains("newer version"), "{reasons:?}");
    assert!(reasons[3].contains("not a kind of record"), "{reasons:?}");
}

#[test]
fn an_entry_missing_from_the_index_is_still_found() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "indexed")).unwrap();
    s.backend
        .set(
            "anchorpoint.entry.b",
            &encode_entry(&entry("b", 21, "orphan")),
        )
        .unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["orphan", "indexed"]);
    assert!(loaded.problems.is_empty());
}

#[test]
fn an_index_entry_without_a_record_is_reported_as_missing() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "x")).unwrap();
    s.backend.remove("anchorpoint.entry.a").unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(loaded.problems, [Problem::Missing { id: id("a") }]);
}

#[test]
fn a_damaged_index_is_copied_aside_before_it_is_replaced() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "x")).unwrap();
    s.backend.set("anchorpoint.index", "garbage").unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["x"]);
    assert_eq!(keys_of(&loaded.problems), ["anchorpoint.index"]);
    s.save_entry(&entry("b", 21, "y")).unwrap();
    assert_eq!(
        s.backend
            .get("anchorpoint.setaside.index.1")
            .unwrap()
            .as_deref(),
        Some("garbage")
    );
    assert_eq!(listed(&s.backend), [id("a"), id("b")]);
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["y", "x"]);
    assert_eq!(
        loaded.problems,
        [Problem::Copy {
            key: "anchorpoint.setaside.index.1".into()
        }]
    );
}

#[test]
fn a_full_store_refuses_the_save_and_changes_nothing() {
    let mut s = Store::new(MemoryBackend::with_quota(400));
    s.save_entry(&entry("a", 20, "small")).unwrap();
    let before = s.backend.snapshot();
    // Numbers in words compress badly enough to overflow.
    let long: String = (0..400).map(|i| format!("{i} ")).collect();
    assert_eq!(
        s.save_entry(&entry("b", 21, &long)),
        Err(StorageError::Full)
    );
    assert_eq!(
        s.save_entry(&entry("a", 20, &long)),
        Err(StorageError::Full)
    );
    assert_eq!(s.backend.snapshot(), before);
    assert!(StorageError::Full.what_to_do().contains("make space"));
}

#[test]
fn a_write_the_browser_changes_is_caught_and_undone() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "original")).unwrap();
    let before = s.backend.snapshot();
    s.backend.corrupt_next_write();
    assert_eq!(
        s.save_entry(&entry("a", 20, "edited")),
        Err(StorageError::NotVerified)
    );
    assert_eq!(s.backend.snapshot(), before);
    s.backend.corrupt_next_write();
    assert_eq!(
        s.save_entry(&entry("n", 21, "new")),
        Err(StorageError::NotVerified)
    );
    assert_eq!(s.backend.snapshot(), before);
}

#[test]
fn delete_removes_the_record_and_its_index_entry() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "x")).unwrap();
    s.save_entry(&entry("b", 21, "y")).unwrap();
    s.delete_entry(&id("a")).unwrap();
    assert_eq!(s.backend.get("anchorpoint.entry.a").unwrap(), None);
    let loaded = s.load().unwrap();
    assert_eq!(texts(&loaded), ["y"]);
    assert!(loaded.problems.is_empty());
}

// ---------------------------------------------------------------------------------------
// One batch, all or nothing
// ---------------------------------------------------------------------------------------

#[test]
fn a_batch_whose_third_write_fails_leaves_every_key_as_it_was() {
    let mut s = store();
    s.save_entry(&entry("a", 20, "one")).unwrap();
    s.save_entry(&entry("b", 21, "two")).unwrap();
    s.save_collection(&threads_with("Person A")).unwrap();
    let before = s.backend.snapshot();
    for n in 1..=4 {
        s.backend.fail_write_number(n);
        let ns = s.namespace().clone();
        let batch = Batch::new()
            .entry(&ns, &entry("a", 20, "ONE"))
            .entry(&ns, &entry("b", 21, "TWO"))
            .entry(&ns, &entry("c", 22, "three"))
            .collection(&ns, &threads_with("Person B"));
        assert!(s.commit(batch).is_err(), "write {n} failing");
        assert_eq!(s.backend.snapshot(), before, "write {n} failing");
    }
    // The store still works, and nothing it knows was changed by the failures.
    s.save_entry(&entry("a", 20, "ONE")).unwrap();
    assert_eq!(texts(&s.load().unwrap()), ["two", "ONE"]);
}

#[test]
fn a_full_quota_in_the_middle_of_a_batch_changes_nothing() {
    let mut s = Store::new(MemoryBackend::with_quota(900));
    s.save_entry(&entry("a", 20, "one")).unwrap();
    s.load().unwrap();
    let before = s.backend.snapshot();
    let long: String = (0..300).map(|i| format!("{i} ")).collect();
    let ns = s.namespace().clone();
    let batch = Batch::new()
        .entry(&ns, &entry("a", 20, "ONE"))
        .entry(&ns, &entry("b", 21, &long))
        .entry(&ns, &entry("c", 22, &long));
    assert_eq!(s.commit(batch), Err(StorageError::Full));
    assert_eq!(s.backend.snapshot(), before);
}

#[test]
fn a_batch_writes_many_entries_collections_and_the_index_once() {
    let mut s = store();
    let ns = s.namespace().clone();
    let mut batch = Batch::new();
    for i in 0..300 {
        batch = batch.entry(&ns, &entry(&format!("e{i}"), 20, "restored"));
    }
    batch = batch
        .collection(&ns, &threads_with("Person A"))
        .collection(&ns, &Settings::default());
    s.commit(batch).unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(loaded.journal.len(), 300);
    assert_eq!(loaded.collections.threads, threads_with("Person A"));
    assert!(loaded.problems.is_empty());
    assert_eq!(listed(&s.backend).len(), 300);
    let shards: Vec<String> = s
        .backend
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with("anchorpoint.index."))
        .collect();
    assert!(shards.len() > 100 && shards.len() <= usize::from(SHARDS));
    for key in shards {
        let raw = s.backend.get(&key).unwrap().unwrap();
        assert!(raw.starts_with("AP4;z;1;"), "{key} was written once");
    }
}

// ---------------------------------------------------------------------------------------
// Two tabs
// ---------------------------------------------------------------------------------------

#[test]
fn a_save_based_on_a_revision_this_tab_has_not_seen_is_refused() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    a.save_entry(&entry("r", 20, "first")).unwrap();
    let mut b = tab(&shared, "b");
    let mut a = {
        a.load().unwrap();
        a
    };
    a.save_entry(&entry("r", 20, "A's words")).unwrap();
    let before = shared.0.snapshot();
    assert_eq!(
        b.save_entry(&entry("r", 20, "B's words")),
        Err(StorageError::Conflict(vec!["anchorpoint.entry.r".into()]))
    );
    assert_eq!(shared.0.snapshot(), before, "nothing was written");
    // B sees A's version and can keep both, take theirs or keep its own.
    assert_eq!(
        b.stored_entry(&id("r")).unwrap().unwrap().text(),
        "A's words"
    );
    let ns = b.namespace().clone();
    b.commit(
        Batch::new()
            .entry(&ns, &entry("r", 20, "B's words"))
            .overriding("anchorpoint.entry.r".into()),
    )
    .unwrap();
    assert_eq!(texts(&tab(&shared, "c").load().unwrap()), ["B's words"]);
    // And A, which has not seen B's save, is now refused in turn.
    assert!(a
        .save_entry(&entry("r", 20, "A again"))
        .unwrap_err()
        .is_conflict());
}

#[test]
fn taking_the_stored_version_lets_the_next_save_through() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    let mut b = tab(&shared, "b");
    a.save_collection(&threads_with("Person A")).unwrap();
    assert!(b
        .save_collection(&threads_with("Person B"))
        .unwrap_err()
        .is_conflict());
    let theirs: Threads = b.stored_collection().unwrap().unwrap();
    assert_eq!(theirs, threads_with("Person A"));
    let key = b.collection_key::<Threads>();
    b.accept_stored(&key).unwrap();
    b.save_collection(&threads_with("Person B")).unwrap();
}

#[test]
fn an_entry_deleted_in_another_tab_is_a_conflict_not_a_silent_resurrection() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    a.save_entry(&entry("r", 20, "words")).unwrap();
    let mut b = tab(&shared, "b");
    a.load().unwrap();
    a.delete_entry(&id("r")).unwrap();
    assert!(b
        .save_entry(&entry("r", 20, "edited"))
        .unwrap_err()
        .is_conflict());
}

#[test]
fn two_tabs_adding_entries_both_keep_them_in_the_index() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    let mut b = tab(&shared, "b");
    a.save_entry(&entry("x", 20, "from a")).unwrap();
    b.save_entry(&entry("y", 21, "from b")).unwrap();
    let mut fresh = tab(&shared, "c");
    let loaded = fresh.load().unwrap();
    assert_eq!(texts(&loaded), ["from b", "from a"]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(listed(&shared), [id("x"), id("y")]);
}

#[test]
fn settings_saved_from_an_old_page_are_refused_rather_than_reverting_the_names_list() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    let mut b = tab(&shared, "b");
    let with_name = Settings {
        private_names: vec!["Jo Bloggs".into()],
        ..Settings::default()
    };
    a.save_collection(&with_name).unwrap();
    let interval_only = Settings {
        end_question: false,
        ..Settings::default()
    };
    assert!(b.save_collection(&interval_only).unwrap_err().is_conflict());
    let stored: Settings = tab(&shared, "c").load().unwrap().collections.settings;
    assert_eq!(stored.private_names, ["Jo Bloggs"]);
}

// ---------------------------------------------------------------------------------------
// Collections of the wrong shape, and newer records
// ---------------------------------------------------------------------------------------

/// Valid JSON of the wrong shape, or with a renamed field, for every collection.
const WRONG_SHAPES: [(&str, &str); 8] = [
    (
        "settings",
        r#"{"app":"anchorpoint","kind":"settings","v":3,"data":{"end_question":true,"check_in_interval":"weekly","names":["Jo"]}}"#,
    ),
    (
        "tags",
        r#"{"app":"anchorpoint","kind":"vocabulary","v":3,"data":{"customs":[{"id":"custom-1","label":"Home visit"}],"next_number":1}}"#,
    ),
    (
        "tags",
        r#"{"app":"anchorpoint","kind":"vocabulary","v":3,"data":[1,2,3]}"#,
    ),
    (
        "templates",
        r#"{"app":"anchorpoint","kind":"templates","v":3,"data":{"custom":[{"id":"custom-1","title":"Friday","prompts":[],"next_prompt":0}],"next_number":1}}"#,
    ),
    (
        "threads",
        r#"{"app":"anchorpoint","kind":"threads","v":3,"data":{"thread":[{"id":"t1"}]}}"#,
    ),
    (
        "threads",
        r#"{"app":"anchorpoint","kind":"threads","v":3,"data":{}}"#,
    ),
    (
        "embeddedness",
        r#"{"app":"anchorpoint","kind":"embeddedness","v":3,"data":{"checkins":[]}}"#,
    ),
    (
        "wellbeing",
        r#"{"app":"anchorpoint","kind":"wellbeing","v":3,"data":{"checks":[{"entry":"e1","on":"2026-11-20","rating":"4"}]}}"#,
    ),
];

#[test]
fn a_collection_of_the_wrong_shape_is_set_aside_never_read_as_empty() {
    for (name, raw) in WRONG_SHAPES {
        let mut s = store();
        let key = format!("anchorpoint.{name}");
        s.backend.set(&key, raw).unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(
            keys_of(&loaded.problems),
            std::slice::from_ref(&key),
            "{raw}"
        );
        // The next save keeps the damaged value under a key of its own.
        let result = match name {
            "settings" => s.save_collection(&Settings::default()),
            "tags" => s.save_collection(&Vocabulary::new()),
            "templates" => s.save_collection(&TemplateLibrary::new()),
            "threads" => s.save_collection(&threads_with("Person A")),
            "embeddedness" => s.save_collection(&EmbeddednessHistory::new()),
            _ => s.save_collection(&WellbeingLog::new()),
        };
        result.unwrap();
        assert_eq!(
            s.backend
                .get(&format!("anchorpoint.setaside.{name}.1"))
                .unwrap()
                .as_deref(),
            Some(raw)
        );
    }
}

#[test]
fn a_second_damage_to_the_same_key_gets_a_copy_of_its_own() {
    let mut s = store();
    s.backend
        .set("anchorpoint.threads", "{first damage")
        .unwrap();
    s.load().unwrap();
    s.save_collection(&threads_with("Person A")).unwrap();
    s.backend
        .set("anchorpoint.threads", "{second damage")
        .unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    s.save_collection(&threads_with("Person B")).unwrap();
    assert_eq!(
        s.backend
            .get("anchorpoint.setaside.threads.1")
            .unwrap()
            .as_deref(),
        Some("{first damage")
    );
    assert_eq!(
        s.backend
            .get("anchorpoint.setaside.threads.2")
            .unwrap()
            .as_deref(),
        Some("{second damage")
    );
    let problems = s.load().unwrap().problems;
    assert_eq!(problems.len(), 2);
    assert!(problems.iter().all(|p| matches!(p, Problem::Copy { .. })));
}

#[test]
fn a_record_from_a_newer_version_is_never_overwritten() {
    for newer in [
        r#"{"app":"anchorpoint","kind":"settings","v":99,"data":{}}"#,
        "AP9;z;4;whatever comes next",
    ] {
        let mut s = store();
        s.backend.set("anchorpoint.settings", newer).unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(loaded.collections.settings, Settings::default());
        let before = s.backend.snapshot();
        assert_eq!(
            s.save_collection(&Settings::default()),
            Err(StorageError::ReadOnly)
        );
        assert_eq!(s.backend.snapshot(), before);
    }
}

/// A newer version's record anywhere makes this version read only: nothing it writes
/// could then break what the newer version's records depend on (a reflection added
/// here would be missing from a newer index, say). Drafts are still kept, so typing
/// is never lost.
#[test]
fn a_newer_record_anywhere_makes_the_store_read_only_but_keeps_drafts() {
    let mut s = store();
    s.save_entry(&entry("a", 1, "mine")).unwrap();
    s.backend
        .set("anchorpoint.entry.b", "AP9;z;1;from a newer app")
        .unwrap();
    s.load().unwrap();
    assert!(s.read_only());
    let before = s.backend.snapshot();
    assert_eq!(
        s.save_entry(&entry("c", 2, "new")),
        Err(StorageError::ReadOnly)
    );
    assert_eq!(
        s.save_entry(&entry("a", 1, "changed")),
        Err(StorageError::ReadOnly)
    );
    assert_eq!(
        s.delete_entry(&EntryId::parse("a").unwrap()),
        Err(StorageError::ReadOnly)
    );
    assert_eq!(s.backend.snapshot(), before, "nothing changed");
    s.save_draft(&draft(None, "still typing")).unwrap();
    assert!(matches!(
        s.load_draft(&DraftSlot::New).unwrap(),
        DraftFound::Draft(_)
    ));
    // Without the newer record, the same store writes again.
    let mut fresh = store();
    fresh.load().unwrap();
    assert!(!fresh.read_only());
}

#[test]
fn set_aside_copies_are_counted_downloaded_and_removed_only_on_request() {
    let mut s = store();
    s.backend.set("anchorpoint.tags", "{broken").unwrap();
    s.load().unwrap();
    s.save_collection(&Vocabulary::new()).unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(
        s.raw_values(&loaded.problems),
        [(
            "anchorpoint.setaside.tags.1".to_string(),
            "{broken".to_string()
        )]
    );
    // Only copies can be removed this way, never a record.
    let keys = vec![
        "anchorpoint.setaside.tags.1".to_string(),
        "anchorpoint.tags".to_string(),
    ];
    assert_eq!(s.remove_copies(&keys), Ok(1));
    assert!(s.backend.get("anchorpoint.tags").unwrap().is_some());
    assert!(s.load().unwrap().problems.is_empty());
}

// ---------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------

#[test]
fn a_store_loads_reports_and_writes_only_its_own_namespace() {
    let shared = Shared::default();
    let mut journal = tab(&shared, "a");
    journal.save_entry(&entry("a", 20, "real")).unwrap();
    let mut workshop = Store::with(shared.clone(), Namespace::WORKSHOP, Box::new(Compact), "a");
    let loaded = workshop.load().unwrap();
    assert!(loaded.journal.is_empty());
    assert!(loaded.problems.is_empty());
    workshop.save_entry(&entry("w", 21, "practice")).unwrap();
    shared.0.set("anchorpoint-workshop.junk", "x").unwrap();
    let journal_loaded = tab(&shared, "b").load().unwrap();
    assert_eq!(texts(&journal_loaded), ["real"]);
    assert!(journal_loaded.problems.is_empty());
    let workshop_loaded = workshop.load().unwrap();
    assert_eq!(texts(&workshop_loaded), ["practice"]);
    assert_eq!(
        keys_of(&workshop_loaded.problems),
        ["anchorpoint-workshop.junk"]
    );
    assert!(!Namespace::JOURNAL.owns("anchorpoint-workshop.entry.w"));
    assert!(!Namespace::WORKSHOP.owns("anchorpoint.entry.a"));
}

#[test]
fn wiping_the_workshop_removes_all_its_keys_and_leaves_the_journal_as_it_was() {
    let shared = Shared::default();
    let mut journal = tab(&shared, "a");
    journal.save_entry(&entry("a", 20, "real")).unwrap();
    journal
        .save_draft(&draft(None, "real half thought"))
        .unwrap();
    let before = shared.0.snapshot();
    let mut workshop = Store::with(shared.clone(), Namespace::WORKSHOP, Box::new(Compact), "a");
    workshop.load().unwrap();
    workshop.save_entry(&entry("w", 21, "practice")).unwrap();
    workshop
        .save_draft(&draft(None, "practice half thought"))
        .unwrap();
    shared.0.set("anchorpoint-workshop.junk", "x").unwrap();
    assert!(workshop.wipe().unwrap() >= 4);
    assert_eq!(shared.0.snapshot(), before);
    assert!(workshop.load().unwrap().journal.is_empty());
    // Nothing left to remove the second time.
    assert_eq!(workshop.wipe().unwrap(), 0);
}

// ---------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------

#[test]
fn each_tab_keeps_its_own_drafts() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    let mut b = tab(&shared, "b");
    a.save_draft(&draft(None, "A's half thought")).unwrap();
    b.save_draft(&draft(None, "B's half thought")).unwrap();
    a.discard_draft(&DraftSlot::New).unwrap();
    assert_eq!(a.load_draft(&DraftSlot::New).unwrap(), DraftFound::None);
    assert_eq!(words(&b), "B's half thought");
    // A tab with no draft of its own is offered the words other tabs left.
    let offered = a.other_drafts(&DraftSlot::New).unwrap();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].draft.draft.text, "B's half thought");
}

#[test]
fn a_draft_from_before_drafts_were_per_tab_is_still_found() {
    let mut s = store();
    s.backend
        .set(
            "anchorpoint.draft.new",
            &encode_draft(&draft(None, "older words")),
        )
        .unwrap();
    assert!(s.load().unwrap().problems.is_empty());
    assert_eq!(words(&s), "older words");
}

#[test]
fn deleting_an_entry_removes_every_tabs_draft_of_it() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    a.save_entry(&entry("r", 20, "words")).unwrap();
    a.save_entry(&entry("s", 21, "other")).unwrap();
    let mut b = tab(&shared, "b");
    a.save_draft(&draft(Some("r"), "Jo Bloggs said")).unwrap();
    b.save_draft(&draft(Some("r"), "Jo Bloggs again")).unwrap();
    b.save_draft(&draft(Some("s"), "kept")).unwrap();
    shared
        .0
        .set(
            "anchorpoint.draft.r",
            &encode_draft(&draft(Some("r"), "legacy Jo")),
        )
        .unwrap();
    a.delete_entry(&id("r")).unwrap();
    let everything: String = shared
        .0
        .snapshot()
        .into_iter()
        .map(|(k, v)| {
            let json = codec::open(&k, &v, &[&Compact])
                .map(|o| o.json)
                .unwrap_or(v);
            format!("{k}={json}\n")
        })
        .collect();
    assert!(!everything.contains("Jo"), "{everything}");
    assert!(everything.contains("kept"));
}

/// The value stored under a key, as it is.
fn stored(s: &Store<MemoryBackend>, key: &str) -> Option<String> {
    s.backend.get(key).unwrap()
}

/// The words of a store's new-reflection draft, which must be readable.
fn words<B: Backend>(s: &Store<B>) -> String {
    match s.load_draft(&DraftSlot::New).unwrap() {
        DraftFound::Draft(d) => d.draft.text,
        other => panic!("no readable draft: {other:?}"),
    }
}

#[test]
fn a_draft_with_damaged_words_is_found_by_the_editor_not_at_start_up_and_kept() {
    let mut s = store();
    s.save_draft(&draft(None, "half a thought")).unwrap();
    let key = "anchorpoint.draft.t0.new";
    // Its envelope is sound, its words are not: the draft's `text` has the wrong type.
    let damaged = s.backend.get(key).unwrap().unwrap();
    let damaged = s
        .open(key, &damaged)
        .unwrap()
        .json
        .replace(r#""text":"half a thought""#, r#""text":7"#);
    let damaged = s.codec.encode(key, 0, &damaged).unwrap();
    s.backend.set(key, &damaged).unwrap();
    // Start-up reads only envelopes, so the first load carries no draft decoding.
    assert!(s.load().unwrap().problems.is_empty());
    assert!(
        s.has_draft(&DraftSlot::New).unwrap(),
        "the journal page offers it"
    );
    // The editor finds the damage, with the same words as any damaged record.
    match s.load_draft(&DraftSlot::New).unwrap() {
        DraftFound::Damaged(Problem::SetAside { key: k, reason }) => {
            assert_eq!(k, key);
            assert!(reason.starts_with("its contents are damaged"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Nothing removed it; the worker's next draft copies it aside first.
    s.discard_draft(&DraftSlot::New).unwrap();
    assert_eq!(stored(&s, key), Some(damaged.clone()));
    s.save_draft(&draft(None, "new words")).unwrap();
    assert_eq!(
        stored(&s, "anchorpoint.setaside.draft.t0.new.1"),
        Some(damaged)
    );
    assert_eq!(words(&s), "new words");
}

#[test]
fn a_damaged_draft_is_copied_aside_before_the_worker_types_over_it() {
    let mut s = store();
    s.backend
        .set("anchorpoint.draft.t0.new", "{damaged draft")
        .unwrap();
    let loaded = s.load().unwrap();
    assert_eq!(keys_of(&loaded.problems), ["anchorpoint.draft.t0.new"]);
    s.save_draft(&draft(None, "new words")).unwrap();
    assert_eq!(
        stored(&s, "anchorpoint.setaside.draft.t0.new.1").as_deref(),
        Some("{damaged draft")
    );
    // Discarding never removes a draft it cannot read.
    s.backend
        .set("anchorpoint.draft.t0.new", "{damaged again")
        .unwrap();
    s.discard_draft(&DraftSlot::New).unwrap();
    assert!(s.backend.get("anchorpoint.draft.t0.new").unwrap().is_some());
}

#[test]
fn collections_load_back_and_each_lives_under_its_own_key() {
    let mut s = store();
    let settings = Settings {
        end_question: false,
        ..Settings::default()
    };
    s.save_collection(&settings).unwrap();
    s.save_collection(&threads_with("Person A")).unwrap();
    let loaded = s.load().unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.collections.settings, settings);
    assert_eq!(loaded.collections.threads, threads_with("Person A"));
    assert_eq!(loaded.collections.vocabulary, Vocabulary::new());
    assert_eq!(
        s.backend.keys().unwrap(),
        ["anchorpoint.settings", "anchorpoint.threads"]
    );
}

#[test]
fn a_damaged_collection_still_found_as_it_was_counts_as_current_for_a_merge() {
    let mut s = store();
    s.backend.set("anchorpoint.tags", "{broken").unwrap();
    s.load().unwrap();
    assert_eq!(s.is_current("anchorpoint.tags"), Ok(true));
    s.backend
        .set("anchorpoint.tags", "{broken differently")
        .unwrap();
    assert_eq!(s.is_current("anchorpoint.tags"), Ok(false));
}

#[test]
fn usage_counts_the_site_for_the_quota_and_only_its_own_keys_for_the_journal() {
    let shared = Shared::default();
    let mut journal = tab(&shared, "a");
    journal
        .save_entry(&entry("u1", 3, "Home visit, then the food bank run."))
        .unwrap();
    let own = journal.usage(1).unwrap();
    assert_eq!(own.used, own.journal, "only the journal is stored yet");
    assert!(own.journal > 0);

    // Another app on the same site, and the workshop space: they fill the site's quota
    // but are not the journal's.
    shared.set("someone-else", &"x".repeat(1_000)).unwrap();
    let mut workshop = Store::with(shared.clone(), Namespace::WORKSHOP, Box::new(Compact), "a");
    workshop.load().unwrap();
    workshop
        .save_entry(&entry("w1", 4, "A practice reflection."))
        .unwrap();
    let after = journal.usage(1).unwrap();
    assert_eq!(after.journal, own.journal);
    assert!(after.used >= own.used + 1_000 + "someone-else".len());
    assert_eq!(
        after.used,
        shared
            .0
            .snapshot()
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum::<usize>()
    );
}

#[test]
fn every_tabs_drafts_are_listed_and_a_restored_draft_is_written_in_the_batch() {
    let shared = Shared::default();
    let mut a = tab(&shared, "a");
    let mut b = tab(&shared, "b");
    a.save_draft(&draft(None, "tab a's words")).unwrap();
    b.save_draft(&draft(Some("e1"), "tab b's edit")).unwrap();
    let all = a.all_drafts().unwrap();
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["a.new", "b.e1"]);
    assert_eq!(all[1].1.draft.text, "tab b's edit");

    // A restore puts a draft back under a name of its own, all or nothing.
    let restored = draft(None, "from the backup");
    a.load().unwrap();
    a.commit(Batch::new().draft(&Namespace::JOURNAL, "restored202612061.new", &restored))
        .unwrap();
    let others = b.other_drafts(&DraftSlot::New).unwrap();
    assert!(others
        .iter()
        .any(|o| o.key == "anchorpoint.draft.restored202612061.new" && o.draft == restored));
    // An existing draft is never overwritten by one this tab has not seen.
    let err = a
        .commit(Batch::new().draft(&Namespace::JOURNAL, "b.e1", &restored))
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
}

// --- Collections deferred until first use -------------------------------------------

fn wellbeing_for(entry: &str, rating: &str) -> WellbeingLog {
    let mut log = WellbeingLog::new();
    let on = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    log.record(crate::core::checkins::WellbeingCheck::parse(id(entry), on, rating, "").unwrap());
    log
}

fn deferring(backend: &Shared, name: &str) -> Store<Shared> {
    let mut s = Store::with(backend.clone(), Namespace::JOURNAL, Box::new(Compact), name);
    s.defer::<WellbeingLog>();
    s
}

#[test]
fn a_deferred_collection_is_not_decoded_at_load_but_on_first_use() {
    let backend = Shared::default();
    let mut writer = tab(&backend, "t1");
    writer.save_entry(&entry("a", 1, "mine")).unwrap();
    writer.save_collection(&wellbeing_for("a", "4")).unwrap();

    let mut s = deferring(&backend, "t2");
    assert!(s.is_pending::<WellbeingLog>());
    let loaded = s.load().unwrap();
    assert_eq!(loaded.journal.len(), 1);
    assert_eq!(
        loaded.collections.wellbeing,
        WellbeingLog::new(),
        "not decoded yet"
    );
    assert!(loaded.problems.is_empty());

    let (log, problems) = s.use_collection::<WellbeingLog>().unwrap();
    assert_eq!(log, wellbeing_for("a", "4"));
    assert!(problems.is_empty());
    assert!(!s.is_pending::<WellbeingLog>());
    // From now on loading decodes it like any other collection.
    assert_eq!(
        s.load().unwrap().collections.wellbeing,
        wellbeing_for("a", "4")
    );
}

#[test]
fn a_damaged_deferred_collection_is_reported_when_first_used_and_changes_nothing() {
    let backend = Shared::default();
    let mut writer = tab(&backend, "t1");
    writer.save_entry(&entry("a", 1, "mine")).unwrap();
    backend.set("anchorpoint.wellbeing", "{cut off").unwrap();
    let before = backend.0.snapshot();

    let mut s = deferring(&backend, "t2");
    let loaded = s.load().unwrap();
    assert!(
        loaded.problems.is_empty(),
        "the journal page is not told: {:?}",
        loaded.problems
    );
    assert_eq!(loaded.journal.len(), 1);

    let (log, problems) = s.use_collection::<WellbeingLog>().unwrap();
    assert_eq!(log, WellbeingLog::new());
    assert_eq!(keys_of(&problems), ["anchorpoint.wellbeing".to_owned()]);
    assert_eq!(
        backend.0.snapshot(),
        before,
        "nothing changed by reading it"
    );
    // Later loads keep reporting it, and the first save copies it aside first.
    assert_eq!(
        keys_of(&s.load().unwrap().problems),
        ["anchorpoint.wellbeing".to_owned()]
    );
    s.save_collection(&wellbeing_for("a", "3")).unwrap();
    assert_eq!(
        backend
            .get("anchorpoint.setaside.wellbeing.1")
            .unwrap()
            .as_deref(),
        Some("{cut off")
    );
}

#[test]
fn a_deferred_collection_is_never_written_over_unread() {
    let backend = Shared::default();
    let mut writer = tab(&backend, "t1");
    writer.save_collection(&wellbeing_for("a", "4")).unwrap();
    let mut s = deferring(&backend, "t2");
    s.load().unwrap();
    let before = backend.0.snapshot();
    // A write of it before any page read it would be based on nothing: refused.
    assert!(s
        .save_collection(&wellbeing_for("b", "2"))
        .unwrap_err()
        .is_conflict());
    assert_eq!(backend.0.snapshot(), before);
    // Once read, it is saved against the revision read, as any collection is.
    s.use_collection::<WellbeingLog>().unwrap();
    writer.load().unwrap();
    writer.save_collection(&wellbeing_for("c", "5")).unwrap();
    assert!(s
        .save_collection(&wellbeing_for("b", "2"))
        .unwrap_err()
        .is_conflict());
    s.use_collection::<WellbeingLog>().unwrap();
    s.save_collection(&wellbeing_for("b", "2")).unwrap();
    assert_eq!(
        tab(&backend, "t3").load().unwrap().collections.wellbeing,
        wellbeing_for("b", "2")
    );
}

#[test]
fn a_newer_deferred_collection_makes_every_write_refused_before_it_is_read() {
    for newer in [
        r#"{"app":"anchorpoint","kind":"wellbeing","v":99,"data":{}}"#,
        "AP9;z;4;whatever comes next",
    ] {
        let backend = Shared::default();
        backend.set("anchorpoint.wellbeing", newer).unwrap();
        let mut s = deferring(&backend, "t1");
        s.load().unwrap();
        assert!(!s.read_only(), "not known until it is read");
        let before = backend.0.snapshot();
        assert_eq!(
            s.save_entry(&entry("a", 1, "new")),
            Err(StorageError::ReadOnly),
            "{newer}"
        );
        assert_eq!(backend.0.snapshot(), before);
        let (_, problems) = s.use_collection::<WellbeingLog>().unwrap();
        assert_eq!(problems.len(), 1);
        assert!(s.read_only());
    }
}

#[test]
fn peeking_at_another_tabs_changes_leaves_a_deferred_collection_unread() {
    let backend = Shared::default();
    let mut writer = tab(&backend, "t1");
    writer.save_collection(&wellbeing_for("a", "4")).unwrap();
    let mut s = deferring(&backend, "t2");
    s.load().unwrap();
    writer.save_entry(&entry("b", 2, "theirs")).unwrap();
    let peeked = s.peek().unwrap();
    assert_eq!(peeked.journal.len(), 1);
    assert_eq!(peeked.collections.wellbeing, WellbeingLog::new());
    assert!(s.is_pending::<WellbeingLog>());
    assert_eq!(
        s.use_collection::<WellbeingLog>().unwrap().0,
        wellbeing_for("a", "4")
    );
}

#[test]
fn a_damaged_collection_read_for_a_change_is_reported_then_copied_aside_by_the_write() {
    use crate::core::dismissals::{Dismissals, Fingerprint, Owner};
    let mut s = store();
    let damaged =
        r#"{"app":"anchorpoint","kind":"dismissals","v":1,"data":{"entries":"not a map"}}"#;
    s.backend.set("anchorpoint.dismissals", damaged).unwrap();
    // Start-up checks only its envelope.
    assert!(s.load().unwrap().problems.is_empty());
    // Reading it says why it cannot be read, and changes nothing.
    match s.collection_now::<Dismissals>().unwrap() {
        Err(Problem::SetAside { key, reason }) => {
            assert_eq!(key, "anchorpoint.dismissals");
            assert!(reason.starts_with("its contents are damaged"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // A change starts from none, reports the damage, and its write copies it aside.
    let (mut now, problem) = s.collection_for_change::<Dismissals>().unwrap();
    assert_eq!(now, Dismissals::default());
    assert!(matches!(problem, Some(Problem::SetAside { .. })));
    assert!(now.dismiss(
        &Owner::Entry(EntryId::parse("e1").unwrap()),
        Fingerprint::of("phone", "07700 900123")
    ));
    s.commit(Batch::new().collection(&Namespace::JOURNAL, &now))
        .unwrap();
    assert_eq!(
        s.backend
            .get("anchorpoint.setaside.dismissals.1")
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
    assert_eq!(s.collection_now::<Dismissals>().unwrap(), Ok(now));
}

// Start-up reads the first page first (issue 11)

/// Thirty reflections about days in no particular order, each saved on its own, as a
/// worker would have.
fn thirty(s: &mut Store<Shared>) -> Journal {
    for n in 0..30u32 {
        let day = 1 + (n * 7) % 28;
        s.save_entry(&entry(&format!("r{n:02}"), day, &format!("reflection {n}")))
            .unwrap();
    }
    s.load().unwrap().journal
}

fn ids_of(journal: &Journal) -> Vec<String> {
    journal.newest_first().map(|e| e.id.to_string()).collect()
}

#[test]
fn start_up_decodes_only_the_first_page_and_the_rest_follow_in_the_journals_order() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    let mut fresh = Store::new(s.backend.clone());
    let first = fresh.load_first(10).unwrap();
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(ids_of(&first.journal), ids_of(&whole)[..10]);
    assert_eq!(fresh.unread(), 20);
    // The rest come a slice at a time, each once, none from the first page.
    let (next, problems) = fresh.read_more(5).unwrap();
    assert!(problems.is_empty());
    assert_eq!((next.len(), fresh.unread()), (5, 15));
    assert!(next.iter().all(|e| first.journal.get(&e.id).is_none()));
    let (rest, _) = fresh.read_more(usize::MAX).unwrap();
    assert_eq!((rest.len(), fresh.unread()), (15, 0));
    let mut journal = first.journal;
    journal.extend(next);
    journal.extend(rest);
    assert_eq!(journal, whole);
    // Read in full, the store saves as before.
    fresh.save_entry(&entry("r30", 2, "one more")).unwrap();
}

#[test]
fn nothing_is_written_while_reflections_are_still_unread() {
    let mut s = Store::new(Shared::default());
    thirty(&mut s);
    let mut fresh = Store::new(s.backend.clone());
    fresh.load_first(10).unwrap();
    let before = s.backend.keys().unwrap().len();
    assert!(matches!(
        fresh.save_entry(&entry("new", 3, "too soon")),
        Err(StorageError::Failed(_))
    ));
    assert_eq!(s.backend.keys().unwrap().len(), before);
    fresh.read_more(usize::MAX).unwrap();
    fresh.save_entry(&entry("new", 3, "now")).unwrap();
}

#[test]
fn a_reflection_in_a_shard_without_places_is_decoded_at_start_up() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    // Every shard as a version before places wrote it: ids only.
    for key in s.backend.keys().unwrap() {
        if key.starts_with("anchorpoint.index.") {
            let raw = s.backend.get(&key).unwrap().unwrap();
            let opened = codec::open(&key, &raw, &[&Compact]).unwrap();
            let ids = decode_index(&opened.json).unwrap().ids;
            let plain = encode_index(&IndexShard { ids, order: None });
            let frame = Compact.encode(&key, opened.revision, &plain).unwrap();
            s.backend.set(&key, &frame).unwrap();
        }
    }
    let mut fresh = Store::new(s.backend.clone());
    let first = fresh.load_first(10).unwrap();
    assert_eq!(fresh.unread(), 0);
    assert_eq!(first.journal, whole);
    // The next write to a shard gives it its places again.
    fresh.save_entry(&entry("r31", 5, "new")).unwrap();
    let key = fresh.ns.shard_key(shard_of(&id("r31")));
    let raw = fresh.backend.get(&key).unwrap().unwrap();
    let shard = decode_index(&codec::open(&key, &raw, &[&Compact]).unwrap().json).unwrap();
    assert_eq!(shard.order.map(|o| o.len()), Some(shard.ids.len()));
}

#[test]
fn a_damaged_reflection_on_the_first_page_is_reported_and_the_next_one_shown_in_its_place() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    let newest = whole.newest_first().next().unwrap().id.clone();
    s.backend
        .set(&s.ns.entry_key(&newest), "AP4;z;2;damaged")
        .unwrap();
    let mut fresh = Store::new(s.backend.clone());
    let first = fresh.load_first(3).unwrap();
    assert_eq!(ids_of(&first.journal), ids_of(&whole)[1..4]);
    assert_eq!(keys_of(&first.problems), [s.ns.entry_key(&newest)]);
    assert_eq!(fresh.unread(), 26);
}

#[test]
fn a_damaged_or_newer_reflection_left_unread_is_reported_when_it_is_read() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    let oldest = whole.newest_first().last().unwrap().id.clone();
    let next = whole.newest_first().nth(28).unwrap().id.clone();
    s.backend
        .set(
            &s.ns.entry_key(&oldest),
            &Compact
                .encode(
                    &s.ns.entry_key(&oldest),
                    1,
                    r#"{"app":"anchorpoint","kind":"entry","v":9,"data":{}}"#,
                )
                .unwrap(),
        )
        .unwrap();
    s.backend
        .set(&s.ns.entry_key(&next), "not a record")
        .unwrap();
    let mut fresh = Store::new(s.backend.clone());
    let first = fresh.load_first(10).unwrap();
    assert!(first.problems.is_empty());
    assert!(!fresh.read_only());
    let (entries, problems) = fresh.read_more(usize::MAX).unwrap();
    assert_eq!(entries.len(), 18);
    assert_eq!(
        keys_of(&problems),
        [s.ns.entry_key(&next), s.ns.entry_key(&oldest)]
    );
    assert!(fresh.read_only());
    assert_eq!(
        fresh.save_entry(&entry("new", 3, "refused")),
        Err(StorageError::ReadOnly)
    );
}

#[test]
fn a_reflection_moved_to_another_day_moves_in_its_shard_so_start_up_shows_it_first() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    let oldest = whole.newest_first().last().unwrap().clone();
    let moved = Entry {
        about: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        ..oldest
    };
    s.save_entry(&moved).unwrap();
    let mut fresh = Store::new(s.backend.clone());
    let first = fresh.load_first(1).unwrap();
    assert_eq!(ids_of(&first.journal), [moved.id.to_string()]);
}

#[test]
fn another_tabs_places_are_kept_when_this_tab_writes_the_same_shard() {
    let shared = Shared::default();
    let mut one = tab(&shared, "t1");
    let mut two = tab(&shared, "t2");
    // Ids that share a shard, one saved by each tab.
    let a = "a0".to_owned();
    let b = (0..)
        .map(|n| format!("b{n}"))
        .find(|b| shard_of(&id(&a)) == shard_of(&id(b)))
        .unwrap();
    one.save_entry(&entry(&a, 20, "one's")).unwrap();
    two.save_entry(&entry(&b, 21, "two's")).unwrap();
    let mut fresh = Store::with(shared.clone(), Namespace::JOURNAL, Box::new(Compact), "t3");
    let first = fresh.load_first(1).unwrap();
    assert_eq!(ids_of(&first.journal), [b]);
    assert_eq!(fresh.unread(), 1);
}

#[test]
fn a_reflection_removed_before_start_up_read_it_is_simply_not_there() {
    let mut s = Store::new(Shared::default());
    let whole = thirty(&mut s);
    let mut fresh = Store::new(s.backend.clone());
    fresh.load_first(10).unwrap();
    // Another tab deletes the oldest, which this one has not read yet.
    let oldest = whole.newest_first().last().unwrap().id.clone();
    s.delete_entry(&oldest).unwrap();
    let (rest, problems) = fresh.read_more(usize::MAX).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rest.len(), 19);
    assert!(rest.iter().all(|e| e.id != oldest));
}
