//! The journal's storage rules over any [`Backend`]: one key per entry plus an index of
//! ids, every write read back and checked, failed saves rolled back, and unreadable
//! values set aside (left exactly where they are) and reported rather than deleted.
//!
//! Keys: `anchorpoint.entry.<id>`, `anchorpoint.index`, `anchorpoint.draft.new`,
//! `anchorpoint.draft.<id>`, one key for each of the other records ([`Collection`]:
//! settings, custom tags, custom templates, holding threads, embeddedness check-ins,
//! wellbeing checks), and `anchorpoint.setaside.*` for copies kept before a damaged
//! value is replaced. Loading scans every `anchorpoint.` key, so an entry whose index
//! update was interrupted is still found.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use super::backend::{Backend, BackendError};
use crate::core::checkins::{EmbeddednessHistory, WellbeingLog};
use crate::core::entry::{Entry, EntryId};
use crate::core::journal::Journal;
use crate::core::record::{
    decode_draft, decode_embeddedness, decode_entry, decode_index, decode_settings,
    decode_templates, decode_threads, decode_vocabulary, decode_wellbeing, encode_draft,
    encode_embeddedness, encode_entry, encode_index, encode_settings, encode_templates,
    encode_threads, encode_vocabulary, encode_wellbeing, DecodeError, StoredDraft,
};
use crate::core::settings::Settings;
use crate::core::tags::Vocabulary;
use crate::core::templates::TemplateLibrary;
use crate::core::threads::Threads;

pub const PREFIX: &str = "anchorpoint.";
pub const ENTRY_PREFIX: &str = "anchorpoint.entry.";
pub const INDEX_KEY: &str = "anchorpoint.index";
pub const DRAFT_PREFIX: &str = "anchorpoint.draft.";
pub const SET_ASIDE_PREFIX: &str = "anchorpoint.setaside.";

/// A failed storage operation, in words that finish "Your reflection could not be saved
/// because …". [`StorageError::what_to_do`] gives the next step.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum StorageError {
    #[error("this browser's storage for Anchorpoint is full")]
    Full,
    #[error("this browser is not letting Anchorpoint use its storage ({0})")]
    Unavailable(String),
    #[error("the browser did not keep exactly what was written")]
    NotVerified,
    #[error("the browser reported a problem ({0})")]
    Failed(String),
}

impl StorageError {
    /// What the worker can do about it.
    pub fn what_to_do(&self) -> &'static str {
        match self {
            StorageError::Full => {
                "Copy your text somewhere safe, then make space by deleting reflections you no \
                 longer need, and save again."
            }
            StorageError::Unavailable(_) => {
                "Check that this browser allows sites to store data (it may be in private \
                 browsing mode), then save again. Copy your text somewhere safe first."
            }
            StorageError::NotVerified | StorageError::Failed(_) => {
                "Copy your text somewhere safe, reload the page and save again."
            }
        }
    }
}

impl From<BackendError> for StorageError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::QuotaExceeded => StorageError::Full,
            BackendError::Unavailable(why) => StorageError::Unavailable(why),
            BackendError::Other(why) => StorageError::Failed(why),
        }
    }
}

/// Something found while loading that the worker should know about. Nothing reported
/// here has been changed or deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A stored value that could not be read. It is left in place.
    SetAside { key: String, reason: String },
    /// The index lists an entry whose record is not in storage.
    Missing { id: EntryId },
}

impl Problem {
    /// One plain sentence for the worker.
    pub fn describe(&self) -> String {
        match self {
            Problem::SetAside { key, reason } => {
                format!("The stored value “{key}” could not be read because {reason}.")
            }
            Problem::Missing { id } => format!(
                "The journal's index lists a reflection ({id}) that is no longer in this \
                 browser's storage."
            ),
        }
    }
}

/// The records that are one value each, beside the entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Collection {
    Settings,
    Vocabulary,
    Templates,
    Threads,
    Embeddedness,
    Wellbeing,
}

impl Collection {
    pub const ALL: [Collection; 6] = [
        Collection::Settings,
        Collection::Vocabulary,
        Collection::Templates,
        Collection::Threads,
        Collection::Embeddedness,
        Collection::Wellbeing,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Collection::Settings => "settings",
            Collection::Vocabulary => "tags",
            Collection::Templates => "templates",
            Collection::Threads => "threads",
            Collection::Embeddedness => "embeddedness",
            Collection::Wellbeing => "wellbeing",
        }
    }

    pub fn key(self) -> String {
        format!("{PREFIX}{}", self.name())
    }

    /// What the worker would call it, to finish "Your … could not be saved".
    pub fn label(self) -> &'static str {
        match self {
            Collection::Settings => "settings",
            Collection::Vocabulary => "tags",
            Collection::Templates => "templates",
            Collection::Threads => "holding threads",
            Collection::Embeddedness => "embeddedness check-ins",
            Collection::Wellbeing => "wellbeing checks",
        }
    }

    fn of_key(key: &str) -> Option<Collection> {
        let name = key.strip_prefix(PREFIX)?;
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Everything that is not an entry, each as found in storage or empty when absent or
/// unreadable (an unreadable one is reported and kept, see [`Problem::SetAside`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collections {
    pub settings: Settings,
    pub vocabulary: Vocabulary,
    pub templates: TemplateLibrary,
    pub threads: Threads,
    pub embeddedness: EmbeddednessHistory,
    pub wellbeing: WellbeingLog,
}

impl Collections {
    /// Reads one stored value into its place.
    fn read(&mut self, which: Collection, raw: &str) -> Result<(), DecodeError> {
        match which {
            Collection::Settings => self.settings = decode_settings(raw)?,
            Collection::Vocabulary => self.vocabulary = decode_vocabulary(raw)?,
            Collection::Templates => self.templates = decode_templates(raw)?,
            Collection::Threads => self.threads = decode_threads(raw)?,
            Collection::Embeddedness => self.embeddedness = decode_embeddedness(raw)?,
            Collection::Wellbeing => self.wellbeing = decode_wellbeing(raw)?,
        }
        Ok(())
    }
}

/// One collection's new value, ready to store.
#[derive(Clone, Copy, Debug)]
pub enum Record<'a> {
    Settings(&'a Settings),
    Vocabulary(&'a Vocabulary),
    Templates(&'a TemplateLibrary),
    Threads(&'a Threads),
    Embeddedness(&'a EmbeddednessHistory),
    Wellbeing(&'a WellbeingLog),
}

impl Record<'_> {
    pub fn collection(self) -> Collection {
        match self {
            Record::Settings(_) => Collection::Settings,
            Record::Vocabulary(_) => Collection::Vocabulary,
            Record::Templates(_) => Collection::Templates,
            Record::Threads(_) => Collection::Threads,
            Record::Embeddedness(_) => Collection::Embeddedness,
            Record::Wellbeing(_) => Collection::Wellbeing,
        }
    }

    fn encode(self) -> String {
        match self {
            Record::Settings(v) => encode_settings(v),
            Record::Vocabulary(v) => encode_vocabulary(v),
            Record::Templates(v) => encode_templates(v),
            Record::Threads(v) => encode_threads(v),
            Record::Embeddedness(v) => encode_embeddedness(v),
            Record::Wellbeing(v) => encode_wellbeing(v),
        }
    }
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub journal: Journal,
    pub collections: Collections,
    pub problems: Vec<Problem>,
}

/// Which draft: the one for a new entry, or the one for editing an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftSlot {
    New,
    Edit(EntryId),
}

impl DraftSlot {
    pub fn key(&self) -> String {
        match self {
            DraftSlot::New => format!("{DRAFT_PREFIX}new"),
            DraftSlot::Edit(id) => format!("{DRAFT_PREFIX}{id}"),
        }
    }

    /// The slot a stored draft belongs in.
    pub fn of(draft: &StoredDraft) -> DraftSlot {
        match &draft.entry {
            None => DraftSlot::New,
            Some(id) => DraftSlot::Edit(id.clone()),
        }
    }
}

fn entry_key(id: &EntryId) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// The journal's storage.
#[derive(Debug)]
pub struct Store<B: Backend> {
    backend: B,
    /// Ids of every entry record in storage, readable or set aside: what the index holds.
    index: BTreeSet<EntryId>,
    /// A damaged index found at load, to be copied aside before it is first replaced.
    damaged_index: Option<String>,
    /// Collections that could not be read at load, likewise copied aside before their
    /// first replacement.
    damaged: BTreeMap<Collection, String>,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Store<B> {
        Store {
            backend,
            index: BTreeSet::new(),
            damaged_index: None,
            damaged: BTreeMap::new(),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Reads the whole journal. Never writes: whatever cannot be read is reported and
    /// left where it is.
    pub fn load(&mut self) -> Result<Loaded, StorageError> {
        let mut keys = self.backend.keys()?;
        keys.sort();
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        let mut stored_ids = BTreeSet::new();
        let mut collections = Collections::default();
        self.damaged.clear();
        let set_aside = |key: &str, reason: String, problems: &mut Vec<Problem>| {
            problems.push(Problem::SetAside {
                key: key.to_owned(),
                reason,
            });
        };
        for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
            let Some(raw) = self.backend.get(key)? else {
                continue;
            };
            if let Some(rest) = key.strip_prefix(ENTRY_PREFIX) {
                let Some(id) = EntryId::parse(rest) else {
                    set_aside(
                        key,
                        "its name is not a valid entry id".into(),
                        &mut problems,
                    );
                    continue;
                };
                stored_ids.insert(id.clone());
                match decode_entry(&raw) {
                    Ok(entry) if entry.id == id => entries.push(entry),
                    Ok(_) => set_aside(
                        key,
                        "it holds a different reflection from the one its name says".into(),
                        &mut problems,
                    ),
                    Err(e) => set_aside(key, e.to_string(), &mut problems),
                }
            } else if key.starts_with(DRAFT_PREFIX) {
                if let Err(e) = decode_draft(&raw) {
                    set_aside(key, e.to_string(), &mut problems);
                }
            } else if let Some(which) = Collection::of_key(key) {
                if let Err(e) = collections.read(which, &raw) {
                    set_aside(key, e.to_string(), &mut problems);
                    self.damaged.insert(which, raw);
                }
            } else if key.starts_with(SET_ASIDE_PREFIX) {
                set_aside(
                    key,
                    "it is a copy of a damaged value, kept in case it is needed".into(),
                    &mut problems,
                );
            } else if key != INDEX_KEY {
                set_aside(
                    key,
                    "it is not a kind of record this version of Anchorpoint knows".into(),
                    &mut problems,
                );
            }
        }
        self.damaged_index = None;
        if let Some(raw) = self.backend.get(INDEX_KEY)? {
            match decode_index(&raw) {
                Ok(listed) => {
                    for id in listed.into_iter().filter(|id| !stored_ids.contains(id)) {
                        problems.push(Problem::Missing { id });
                    }
                }
                Err(e) => {
                    set_aside(INDEX_KEY, e.to_string(), &mut problems);
                    self.damaged_index = Some(raw);
                }
            }
        }
        self.index = stored_ids;
        Ok(Loaded {
            journal: Journal::from_entries(entries),
            collections,
            problems,
        })
    }

    /// Saves one entry, new or edited. Writes only that entry's key, and the index when
    /// the entry is new. On any failure storage is left as it was.
    pub fn save_entry(&mut self, entry: &Entry) -> Result<(), StorageError> {
        let key = entry_key(&entry.id);
        let previous = self.backend.get(&key)?;
        if let Err(e) = self.write_checked(&key, &encode_entry(entry)) {
            self.restore(&key, previous.as_deref());
            return Err(e);
        }
        if !self.index.contains(&entry.id) {
            let mut index = self.index.clone();
            index.insert(entry.id.clone());
            if let Err(e) = self.write_index(&index) {
                self.restore(&key, previous.as_deref());
                return Err(e);
            }
            self.index = index;
        }
        Ok(())
    }

    /// Deletes one entry: the index first, so an interruption never leaves the index
    /// pointing at nothing, then the record.
    pub fn delete_entry(&mut self, id: &EntryId) -> Result<(), StorageError> {
        let mut index = self.index.clone();
        if index.remove(id) {
            self.write_index(&index)?;
            self.index = index;
        }
        let key = entry_key(id);
        self.backend.remove(&key)?;
        if self.backend.get(&key)?.is_some() {
            return Err(StorageError::NotVerified);
        }
        Ok(())
    }

    /// Replaces one collection's stored value. A value that could not be read at load is
    /// first copied aside, so nothing the worker had is ever lost.
    pub fn save_record(&mut self, record: Record<'_>) -> Result<(), StorageError> {
        let which = record.collection();
        if let Some(damaged) = self.damaged.get(&which) {
            let copy_key = format!("{SET_ASIDE_PREFIX}{}", which.name());
            self.write_checked(&copy_key, damaged)?;
            self.damaged.remove(&which);
        }
        self.write_checked(&which.key(), &record.encode())
    }

    /// Saves several entries and then a collection, all or nothing as far as the browser
    /// allows: on any failure every key written is put back as it was. Used when a
    /// change to custom tags retags entries, and when a thread link changes with an
    /// entry. Entries go first so every state in between is a valid journal.
    pub fn save_together(
        &mut self,
        entries: &[Entry],
        record: Option<Record<'_>>,
    ) -> Result<(), StorageError> {
        let mut written: Vec<(String, Option<String>)> = Vec::new();
        let mut result = Ok(());
        for entry in entries {
            let key = entry_key(&entry.id);
            if !self.index.contains(&entry.id) {
                // Only existing entries are rewritten here; a new one goes through
                // `save_entry`, which also updates the index.
                result = Err(StorageError::Failed(format!(
                    "the reflection {} is not stored",
                    entry.id
                )));
                break;
            }
            let previous = match self.backend.get(&key) {
                Ok(p) => p,
                Err(e) => {
                    result = Err(e.into());
                    break;
                }
            };
            written.push((key.clone(), previous));
            if let Err(e) = self.write_checked(&key, &encode_entry(entry)) {
                result = Err(e);
                break;
            }
        }
        if result.is_ok() {
            if let Some(record) = record {
                let key = record.collection().key();
                match self.backend.get(&key) {
                    Ok(previous) => {
                        written.push((key, previous));
                        result = self.save_record(record);
                    }
                    Err(e) => result = Err(e.into()),
                }
            }
        }
        if result.is_err() {
            for (key, previous) in written.iter().rev() {
                self.restore(key, previous.as_deref());
            }
        }
        result
    }

    /// The unsaved draft in a slot, if there is a readable one.
    pub fn load_draft(&self, slot: &DraftSlot) -> Result<Option<StoredDraft>, StorageError> {
        Ok(self
            .backend
            .get(&slot.key())?
            .and_then(|raw| decode_draft(&raw).ok()))
    }

    pub fn save_draft(&mut self, draft: &StoredDraft) -> Result<(), StorageError> {
        self.write_checked(&DraftSlot::of(draft).key(), &encode_draft(draft))
    }

    pub fn discard_draft(&mut self, slot: &DraftSlot) -> Result<(), StorageError> {
        self.backend.remove(&slot.key())?;
        Ok(())
    }

    /// The raw text of every value named in `problems`, so the worker can download them.
    pub fn raw_values(&self, problems: &[Problem]) -> Vec<(String, String)> {
        problems
            .iter()
            .filter_map(|p| match p {
                Problem::SetAside { key, .. } => self
                    .backend
                    .get(key)
                    .ok()
                    .flatten()
                    .map(|raw| (key.clone(), raw)),
                Problem::Missing { .. } => None,
            })
            .collect()
    }

    fn write_index(&mut self, ids: &BTreeSet<EntryId>) -> Result<(), StorageError> {
        if let Some(damaged) = &self.damaged_index {
            // Keep the damaged index before replacing it: nothing is ever deleted.
            let copy_key = format!("{SET_ASIDE_PREFIX}index");
            self.write_checked(&copy_key, &damaged.clone())?;
            self.damaged_index = None;
        }
        let ids: Vec<EntryId> = ids.iter().cloned().collect();
        self.write_checked(INDEX_KEY, &encode_index(&ids))
    }

    /// Writes a value and reads it back; a write is only done when the browser returns
    /// exactly what was written.
    fn write_checked(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.backend.set(key, value)?;
        match self.backend.get(key)? {
            Some(stored) if stored == value => Ok(()),
            _ => Err(StorageError::NotVerified),
        }
    }

    /// Best effort to put a key back as it was after a failed save. A failure here leaves
    /// the newer copy, which is still the worker's own words.
    fn restore(&self, key: &str, previous: Option<&str>) {
        let _ = match previous {
            Some(raw) => self.backend.set(key, raw),
            None => self.backend.remove(key),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::{Draft, Section};
    use crate::core::settings::Settings;
    use crate::core::tags::Vocabulary;
    use crate::core::threads::Threads;
    use crate::storage::MemoryBackend;
    use chrono::{NaiveDate, TimeZone, Utc};

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
    fn editing_one_entry_writes_only_that_entry() {
        let mut s = store();
        for (i, d) in [20, 21, 22].iter().enumerate() {
            s.save_entry(&entry(&format!("e{i}"), *d, "x")).unwrap();
        }
        let before: Vec<(String, Option<String>)> = s
            .backend
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| (k.clone(), s.backend.get(&k).unwrap()))
            .collect();
        s.save_entry(&entry("e1", 21, "edited")).unwrap();
        let changed: Vec<&String> = before
            .iter()
            .filter(|(k, v)| &s.backend.get(k).unwrap() != v)
            .map(|(k, _)| k)
            .collect();
        assert_eq!(changed, ["anchorpoint.entry.e1"]);
    }

    #[test]
    fn a_new_entry_writes_its_record_and_the_index() {
        let mut s = store();
        s.save_entry(&entry("a", 20, "x")).unwrap();
        let mut keys = s.backend.keys().unwrap();
        keys.sort();
        assert_eq!(keys, ["anchorpoint.entry.a", "anchorpoint.index"]);
        let index = s.backend.get(INDEX_KEY).unwrap().unwrap();
        assert_eq!(
            decode_index(&index).unwrap(),
            [EntryId::parse("a").unwrap()]
        );
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
        let keys: Vec<&str> = loaded
            .problems
            .iter()
            .map(|p| match p {
                Problem::SetAside { key, .. } => key.as_str(),
                Problem::Missing { .. } => "missing",
            })
            .collect();
        assert_eq!(keys, ["anchorpoint.entry.b", "anchorpoint.entry.c"]);
        assert_eq!(
            s.backend.get("anchorpoint.entry.c").unwrap().as_deref(),
            Some("not json at all")
        );
        // A later save keeps the damaged ids in the index, so they are never orphaned.
        s.save_entry(&entry("d", 21, "new")).unwrap();
        let index = decode_index(&s.backend.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(index.len(), 4);
        assert_eq!(
            s.backend.get("anchorpoint.entry.b").unwrap().as_deref(),
            Some("{\"app\":\"anchorpoint\",\"ki")
        );
    }

    #[test]
    fn foreign_and_newer_values_under_our_prefix_are_reported_with_reasons() {
        let mut s = store();
        s.backend.set("anchorpoint.preferences", "{}").unwrap();
        s.backend
            .set(
                "anchorpoint.entry.z",
                r#"{"app":"anchorpoint","kind":"entry","v":9,"data":{}}"#,
            )
            .unwrap();
        s.backend.set("anchorpoint.entry.BAD", "{}").unwrap();
        let loaded = s.load().unwrap();
        let reasons: Vec<String> = loaded.problems.iter().map(Problem::describe).collect();
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].contains("not a valid entry id"), "{reasons:?}");
        assert!(reasons[1].contains("newer version"), "{reasons:?}");
        assert!(reasons[2].contains("not a kind of record"), "{reasons:?}");
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
        assert_eq!(
            loaded.problems,
            [Problem::Missing {
                id: EntryId::parse("a").unwrap()
            }]
        );
    }

    #[test]
    fn a_damaged_index_is_copied_aside_before_it_is_replaced() {
        let mut s = store();
        s.save_entry(&entry("a", 20, "x")).unwrap();
        s.backend.set(INDEX_KEY, "garbage").unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(texts(&loaded), ["x"]);
        assert!(
            matches!(&loaded.problems[..], [Problem::SetAside { key, .. }] if key == INDEX_KEY)
        );
        s.save_entry(&entry("b", 21, "y")).unwrap();
        assert_eq!(
            s.backend
                .get("anchorpoint.setaside.index")
                .unwrap()
                .as_deref(),
            Some("garbage")
        );
        let index = decode_index(&s.backend.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn a_full_store_refuses_the_save_and_changes_nothing() {
        let mut s = Store::new(MemoryBackend::with_quota(600));
        s.save_entry(&entry("a", 20, "small")).unwrap();
        let snapshot = |s: &Store<MemoryBackend>| -> Vec<(String, Option<String>)> {
            let mut keys = s.backend.keys().unwrap();
            keys.sort();
            keys.into_iter()
                .map(|k| (k.clone(), s.backend.get(&k).unwrap()))
                .collect()
        };
        let before = snapshot(&s);
        assert_eq!(
            s.save_entry(&entry("b", 21, &"long ".repeat(200))),
            Err(StorageError::Full)
        );
        assert_eq!(
            s.save_entry(&entry("a", 20, &"long ".repeat(200))),
            Err(StorageError::Full)
        );
        assert_eq!(snapshot(&s), before);
        assert!(StorageError::Full.what_to_do().contains("make space"));
    }

    #[test]
    fn when_the_index_cannot_be_written_the_new_record_is_rolled_back() {
        // Room for the record but not for the bigger index that follows it.
        let one = encode_entry(&entry("a", 20, "x"));
        let quota = "anchorpoint.entry.a".len() + one.len() + 10;
        let mut s = Store::new(MemoryBackend::with_quota(quota));
        assert_eq!(s.save_entry(&entry("a", 20, "x")), Err(StorageError::Full));
        assert!(s.backend.keys().unwrap().is_empty());
    }

    #[test]
    fn a_write_the_browser_changes_is_caught_and_undone() {
        let mut s = store();
        s.save_entry(&entry("a", 20, "original")).unwrap();
        let before = s.backend.get("anchorpoint.entry.a").unwrap();
        s.backend.corrupt_next_write();
        assert_eq!(
            s.save_entry(&entry("a", 20, "edited")),
            Err(StorageError::NotVerified)
        );
        assert_eq!(s.backend.get("anchorpoint.entry.a").unwrap(), before);
        s.backend.corrupt_next_write();
        assert_eq!(
            s.save_entry(&entry("n", 21, "new")),
            Err(StorageError::NotVerified)
        );
        assert_eq!(s.backend.get("anchorpoint.entry.n").unwrap(), None);
    }

    #[test]
    fn delete_removes_the_record_and_its_index_entry() {
        let mut s = store();
        s.save_entry(&entry("a", 20, "x")).unwrap();
        s.save_entry(&entry("b", 21, "y")).unwrap();
        s.delete_entry(&EntryId::parse("a").unwrap()).unwrap();
        assert_eq!(s.backend.get("anchorpoint.entry.a").unwrap(), None);
        let index = decode_index(&s.backend.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(index, [EntryId::parse("b").unwrap()]);
        assert_eq!(texts(&s.load().unwrap()), ["y"]);
    }

    #[test]
    fn drafts_are_kept_per_slot_until_discarded() {
        let mut s = store();
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let new = StoredDraft {
            entry: None,
            saved_at: at,
            draft: Draft {
                text: "half".into(),
                ..Draft::default()
            },
        };
        let id = EntryId::parse("a").unwrap();
        let edit = StoredDraft {
            entry: Some(id.clone()),
            ..new.clone()
        };
        s.save_draft(&new).unwrap();
        s.save_draft(&edit).unwrap();
        assert_eq!(s.load_draft(&DraftSlot::New).unwrap(), Some(new));
        assert_eq!(
            s.load_draft(&DraftSlot::Edit(id.clone())).unwrap(),
            Some(edit)
        );
        s.discard_draft(&DraftSlot::New).unwrap();
        assert_eq!(s.load_draft(&DraftSlot::New).unwrap(), None);
        assert!(s.load_draft(&DraftSlot::Edit(id)).unwrap().is_some());
        assert!(s.load().unwrap().problems.is_empty());
    }

    #[test]
    fn raw_values_returns_the_set_aside_text_for_download() {
        let mut s = store();
        s.backend.set("anchorpoint.entry.b", "damaged").unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(
            s.raw_values(&loaded.problems),
            [("anchorpoint.entry.b".to_string(), "damaged".to_string())]
        );
    }

    fn snapshot(s: &Store<MemoryBackend>) -> Vec<(String, Option<String>)> {
        let mut keys = s.backend.keys().unwrap();
        keys.sort();
        keys.into_iter()
            .map(|k| (k.clone(), s.backend.get(&k).unwrap()))
            .collect()
    }

    fn threads_with(pseudonym: &str) -> Threads {
        let mut threads = Threads::new();
        threads
            .create(
                crate::core::threads::ThreadId::parse("t1").unwrap(),
                pseudonym,
                NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            )
            .unwrap();
        threads
    }

    #[test]
    fn collections_load_back_and_each_lives_under_its_own_key() {
        let mut s = store();
        let settings = Settings {
            end_question: false,
            ..Settings::default()
        };
        s.save_record(Record::Settings(&settings)).unwrap();
        s.save_record(Record::Threads(&threads_with("Person A")))
            .unwrap();
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
    fn a_damaged_collection_is_reported_loads_empty_and_is_copied_aside_before_replacing() {
        let mut s = store();
        s.backend.set("anchorpoint.threads", "{broken").unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(loaded.collections.threads, Threads::new());
        assert!(matches!(
            &loaded.problems[..],
            [Problem::SetAside { key, .. }] if key == "anchorpoint.threads"
        ));
        s.save_record(Record::Threads(&threads_with("Person B")))
            .unwrap();
        assert_eq!(
            s.backend
                .get("anchorpoint.setaside.threads")
                .unwrap()
                .as_deref(),
            Some("{broken")
        );
        assert_eq!(
            s.load().unwrap().collections.threads,
            threads_with("Person B")
        );
    }

    #[test]
    fn a_collection_from_a_newer_version_is_kept_not_overwritten_unseen() {
        let mut s = store();
        let newer = r#"{"app":"anchorpoint","kind":"settings","v":99,"data":{}}"#;
        s.backend.set("anchorpoint.settings", newer).unwrap();
        let loaded = s.load().unwrap();
        assert_eq!(loaded.collections.settings, Settings::default());
        assert_eq!(loaded.problems.len(), 1);
        s.save_record(Record::Settings(&Settings::default()))
            .unwrap();
        assert_eq!(
            s.backend
                .get("anchorpoint.setaside.settings")
                .unwrap()
                .as_deref(),
            Some(newer)
        );
    }

    #[test]
    fn saving_entries_with_a_collection_is_all_or_nothing() {
        let mut s = Store::new(MemoryBackend::with_quota(1_200));
        s.save_entry(&entry("a", 20, "one")).unwrap();
        s.save_entry(&entry("b", 21, "two")).unwrap();
        s.load().unwrap();
        let before = snapshot(&s);
        // The entries fit; the vocabulary after them does not.
        let mut vocabulary = Vocabulary::new();
        for i in 0..10 {
            vocabulary
                .create(
                    &format!("A long custom tag name {i}"),
                    &"so long ".repeat(12),
                )
                .unwrap();
        }
        let result = s.save_together(
            &[entry("a", 20, "ONE"), entry("b", 21, "TWO")],
            Some(Record::Vocabulary(&vocabulary)),
        );
        assert_eq!(result, Err(StorageError::Full));
        assert_eq!(snapshot(&s), before);
        // With room, both land.
        let mut s2 = store();
        s2.save_entry(&entry("a", 20, "one")).unwrap();
        s2.save_together(
            &[entry("a", 20, "ONE")],
            Some(Record::Vocabulary(&vocabulary)),
        )
        .unwrap();
        let loaded = s2.load().unwrap();
        assert_eq!(texts(&loaded), ["ONE"]);
        assert_eq!(loaded.collections.vocabulary, vocabulary);
    }

    #[test]
    fn save_together_refuses_an_entry_that_is_not_stored() {
        let mut s = store();
        let before = snapshot(&s);
        assert!(s.save_together(&[entry("ghost", 20, "x")], None).is_err());
        assert_eq!(snapshot(&s), before);
    }
}
