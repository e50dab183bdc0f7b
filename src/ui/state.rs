//! The app's shared state: the journal and anything storage reported, as signals, plus
//! the store itself. Every change goes one way: a page asks the core for the new entry,
//! calls a method here, which writes to storage first and only then updates the
//! signals, so what the worker sees always matches what is stored.

use leptos::prelude::*;

use crate::core::checkins::{EmbeddednessHistory, WellbeingLog};
use crate::core::entry::{Entry, EntryId};
use crate::core::journal::Journal;
use crate::core::record::StoredDraft;
use crate::core::settings::Settings;
use crate::core::tags::Vocabulary;
use crate::core::templates::TemplateLibrary;
use crate::core::threads::Threads;
use crate::storage::{DraftSlot, LocalStorage, Problem, Record, StorageError, Store};

/// A one-off confirmation ("Reflection saved") for the page an action goes to. It is
/// shown only on that page and cleared once the worker moves elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub message: String,
    /// The path of the page that shows it.
    pub on: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub journal: RwSignal<Journal>,
    /// The worker's custom tags (the built-in ones are constants in the core).
    pub vocabulary: RwSignal<Vocabulary>,
    /// The worker's own templates (the built-in ones are constants in the core).
    pub templates: RwSignal<TemplateLibrary>,
    pub threads: RwSignal<Threads>,
    pub embeddedness: RwSignal<EmbeddednessHistory>,
    pub wellbeing: RwSignal<WellbeingLog>,
    pub settings: RwSignal<Settings>,
    /// Values that could not be read at the last load. Nothing in them was changed.
    pub problems: RwSignal<Vec<Problem>>,
    /// Set when storage could not be read at all.
    pub load_error: RwSignal<Option<StorageError>>,
    pub flash: RwSignal<Option<Flash>>,
    /// Bumped whenever storage changes under us (another tab), so pages that hold a
    /// draft can look again.
    pub external_changes: RwSignal<u32>,
    store: StoredValue<Store<LocalStorage>>,
}

impl AppState {
    /// Loads the journal from local storage.
    pub fn load() -> AppState {
        let state = AppState {
            journal: RwSignal::new(Journal::new()),
            vocabulary: RwSignal::new(Vocabulary::new()),
            templates: RwSignal::new(TemplateLibrary::new()),
            threads: RwSignal::new(Threads::new()),
            embeddedness: RwSignal::new(EmbeddednessHistory::new()),
            wellbeing: RwSignal::new(WellbeingLog::new()),
            settings: RwSignal::new(Settings::default()),
            problems: RwSignal::new(Vec::new()),
            load_error: RwSignal::new(None),
            flash: RwSignal::new(None),
            external_changes: RwSignal::new(0),
            store: StoredValue::new(Store::new(LocalStorage)),
        };
        state.reload();
        state
    }

    /// Reads storage again, e.g. after another tab changed it.
    pub fn reload(&self) {
        let loaded = self.store.try_update_value(|store| store.load());
        match loaded {
            Some(Ok(loaded)) => {
                self.journal.set(loaded.journal);
                let c = loaded.collections;
                self.vocabulary.set(c.vocabulary);
                self.templates.set(c.templates);
                self.threads.set(c.threads);
                self.embeddedness.set(c.embeddedness);
                self.wellbeing.set(c.wellbeing);
                self.settings.set(c.settings);
                self.problems.set(loaded.problems);
                self.load_error.set(None);
            }
            Some(Err(e)) => self.load_error.set(Some(e)),
            None => {}
        }
    }

    /// Called when another tab changed local storage.
    pub fn storage_changed_elsewhere(&self) {
        self.reload();
        self.external_changes.update(|n| *n += 1);
    }

    /// Stores an entry, then shows it. On failure nothing changes.
    pub fn save(&self, entry: Entry) -> Result<(), StorageError> {
        self.with_store(|store| store.save_entry(&entry))?;
        self.journal.update(|j| j.put(entry));
        Ok(())
    }

    /// Deletes an entry, first taking it out of any holding thread and its wellbeing
    /// check, so nothing points at a reflection that is gone. If the entry itself then
    /// cannot be deleted, those links are put back.
    /// Stores an entry together with its holding-thread links, all or nothing: a new
    /// entry's links are written first and put back if the entry cannot be saved; an
    /// edited entry and its links are written together.
    pub fn save_with_threads(
        &self,
        entry: Entry,
        threads: Option<Threads>,
    ) -> Result<(), StorageError> {
        let Some(threads) = threads else {
            return self.save(entry);
        };
        let is_new = self.journal.with_untracked(|j| j.get(&entry.id).is_none());
        let old = self.threads.get_untracked();
        self.with_store(|store| {
            if is_new {
                store.save_record(Record::Threads(&threads))?;
                if let Err(e) = store.save_entry(&entry) {
                    let _ = store.save_record(Record::Threads(&old));
                    return Err(e);
                }
                Ok(())
            } else {
                store.save_together(
                    std::slice::from_ref(&entry),
                    Some(Record::Threads(&threads)),
                )
            }
        })?;
        self.threads.set(threads);
        self.journal.update(|j| j.put(entry));
        Ok(())
    }

    pub fn delete(&self, id: &EntryId) -> Result<(), StorageError> {
        let old_threads = self.threads.get_untracked();
        let old_wellbeing = self.wellbeing.get_untracked();
        let mut threads = old_threads.clone();
        let mut wellbeing = old_wellbeing.clone();
        let threads_changed = threads.forget_entry(id) > 0;
        let wellbeing_changed = wellbeing.forget_entry(id);
        let result = self.with_store(|store| {
            if threads_changed {
                store.save_record(Record::Threads(&threads))?;
            }
            if wellbeing_changed {
                if let Err(e) = store.save_record(Record::Wellbeing(&wellbeing)) {
                    let _ = store.save_record(Record::Threads(&old_threads));
                    return Err(e);
                }
            }
            if let Err(e) = store.delete_entry(id) {
                let _ = store.save_record(Record::Threads(&old_threads));
                let _ = store.save_record(Record::Wellbeing(&old_wellbeing));
                return Err(e);
            }
            Ok(())
        });
        result?;
        self.threads.set(threads);
        self.wellbeing.set(wellbeing);
        self.journal.update(|j| {
            j.remove(id);
        });
        Ok(())
    }

    /// Stores new settings, then shows them. On failure nothing changes.
    pub fn save_settings(&self, value: Settings) -> Result<(), StorageError> {
        self.with_store(|store| store.save_record(Record::Settings(&value)))?;
        self.settings.set(value);
        Ok(())
    }

    pub fn save_templates(&self, value: TemplateLibrary) -> Result<(), StorageError> {
        self.with_store(|store| store.save_record(Record::Templates(&value)))?;
        self.templates.set(value);
        Ok(())
    }

    pub fn save_threads(&self, value: Threads) -> Result<(), StorageError> {
        self.with_store(|store| store.save_record(Record::Threads(&value)))?;
        self.threads.set(value);
        Ok(())
    }

    pub fn save_embeddedness(&self, value: EmbeddednessHistory) -> Result<(), StorageError> {
        self.with_store(|store| store.save_record(Record::Embeddedness(&value)))?;
        self.embeddedness.set(value);
        Ok(())
    }

    pub fn save_wellbeing(&self, value: WellbeingLog) -> Result<(), StorageError> {
        self.with_store(|store| store.save_record(Record::Wellbeing(&value)))?;
        self.wellbeing.set(value);
        Ok(())
    }

    /// Stores a change to the custom tags together with the entries it retags (a merge
    /// or delete), all or nothing, then shows them.
    pub fn save_vocabulary(
        &self,
        value: Vocabulary,
        retagged: Vec<Entry>,
    ) -> Result<(), StorageError> {
        self.with_store(|store| store.save_together(&retagged, Some(Record::Vocabulary(&value))))?;
        self.vocabulary.set(value);
        self.journal.update(|j| {
            for entry in retagged {
                j.put(entry);
            }
        });
        Ok(())
    }

    pub fn draft(&self, slot: &DraftSlot) -> Option<StoredDraft> {
        self.store
            .try_update_value(|store| store.load_draft(slot))
            .and_then(Result::ok)
            .flatten()
    }

    pub fn save_draft(&self, draft: &StoredDraft) -> Result<(), StorageError> {
        self.with_store(|store| store.save_draft(draft))
    }

    pub fn discard_draft(&self, slot: &DraftSlot) -> Result<(), StorageError> {
        self.with_store(|store| store.discard_draft(slot))
    }

    /// The raw text of the values that were set aside, for download.
    pub fn set_aside_values(&self) -> Vec<(String, String)> {
        let problems = self.problems.get_untracked();
        self.store
            .try_update_value(|store| store.raw_values(&problems))
            .unwrap_or_default()
    }

    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store<LocalStorage>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.store
            .try_update_value(f)
            .unwrap_or_else(|| Err(StorageError::Failed("the app has closed".into())))
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
