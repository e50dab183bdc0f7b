//! The app's shared state: the journal and anything storage reported, as signals, plus
//! the store itself. Every change goes one way: a page asks the core for the new entry,
//! calls a method here, which writes to storage first and only then updates the
//! signals, so what the worker sees always matches what is stored.
//!
//! Start-up decodes only what the journal page shows. The wellbeing checks, which it
//! does not show, are deferred in the store and decoded the first time a page asks for
//! them ([`AppState::wellbeing`]) or anything is written, whichever comes first: a
//! damaged or newer record among them is then reported, and set aside, at that point.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::browser;

use crate::core::checkins::{EmbeddednessHistory, WellbeingLog};
use crate::core::dismissals::Dismissals;
use crate::core::entry::Entry;
use crate::core::ids::EntryId;
use crate::core::journal::Journal;
use crate::core::lock::LockHeader;
use crate::core::merge::{Difference, Merge};
use crate::core::record::StoredDraft;
use crate::core::settings::{Preferences, Settings};
use crate::core::tags::Vocabulary;
use crate::core::templates::TemplateLibrary;
use crate::core::threads::Threads;
use crate::storage::supervisor::SupervisorSpace;
use crate::storage::{
    tab_flag, tab_id, Batch, Codec, Collections, Compact, DraftFound, DraftSlot, LocalStorage,
    Namespace, OtherDraft, Problem, StorageError, Store, StoredCollection, TabFlag,
};

/// How many reflections start-up decodes at once: the journal page's first page. The
/// rest are decoded after the first frame ([`AppState::read_rest_later`]).
pub const FIRST_PAGE: usize = 10;

/// Reflections decoded between looks at the clock after start-up: well under a
/// millisecond here.
const READ_STEP: usize = 10;

/// A change to the stored dismissed nudges: given them as stored now, the new value, or
/// `None` for no change.
pub type DismissalsChange<'a> = dyn Fn(&Dismissals) -> Option<Dismissals> + 'a;

/// A one-off confirmation ("Reflection saved") for the page an action goes to. It is
/// shown only on that page and cleared once the worker moves elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub message: String,
    /// The path of the page that shows it.
    pub on: String,
}

/// A change to a collection (settings, tags, templates, threads, check-ins, wellbeing)
/// that was refused because another tab changed the same thing after this page read it.
/// Nothing was saved; the worker chooses which change to keep.
#[derive(Clone)]
pub struct Clash {
    /// What clashed, to finish "Your change to …" ("your settings").
    pub what: &'static str,
    /// Each thing both tabs changed differently, with both versions.
    pub differences: Vec<Difference>,
    /// Saves this tab's change where the two clash, keeping every other change from both.
    keep_mine: KeepMine,
}

/// Saves one kept change; shared, so a `Clash` can sit in a signal.
type KeepMine = Arc<dyn Fn(&AppState) -> Result<(), StorageError> + Send + Sync>;

/// Whether the passphrase lock is on, and if so whether this tab has unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockStatus {
    /// No lock: records are compact, readable by anyone with the browser.
    Off,
    /// The lock is on and this tab holds no key: only the unlock page shows, and
    /// nothing of the journal is in memory.
    Locked,
    /// The lock is on and this tab holds the data key (in the store's codec).
    Unlocked,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Read through [`AppState::journal`], which first decodes every reflection start-up
    /// left, or [`AppState::journal_so_far`] (the journal page's first drawing).
    journal: RwSignal<Journal>,
    /// How many reflections start-up left undecoded: not yet in `journal`.
    unread: RwSignal<usize>,
    /// Reflections decoded after start-up, put into `journal` in one change when the last
    /// is read, so the list is not redrawn for every slice.
    late: StoredValue<Vec<Entry>>,
    /// The worker's custom tags (the built-in ones are constants in the core).
    pub vocabulary: RwSignal<Vocabulary>,
    /// The worker's own templates (the built-in ones are constants in the core).
    pub templates: RwSignal<TemplateLibrary>,
    pub threads: RwSignal<Threads>,
    pub embeddedness: RwSignal<EmbeddednessHistory>,
    /// Read through [`AppState::wellbeing`], which decodes it on first use.
    wellbeing: RwSignal<WellbeingLog>,
    pub settings: RwSignal<Settings>,
    /// Nudges, the lock's idle time, the backup reminder and the last backup.
    pub preferences: RwSignal<Preferences>,
    /// Values that could not be read at the last load. Nothing in them was changed.
    pub problems: RwSignal<Vec<Problem>>,
    /// Set when loading found records from a newer version of Anchorpoint: then this
    /// version saves nothing but drafts, and says so on every page.
    pub read_only: RwSignal<bool>,
    /// Set when storage could not be read at all.
    pub load_error: RwSignal<Option<StorageError>>,
    pub flash: RwSignal<Option<Flash>>,
    /// Bumped whenever storage changes under us (another tab), so pages that hold a
    /// draft can look again.
    pub external_changes: RwSignal<u32>,
    /// A collection change waiting for the worker to choose, after a clash.
    pub clash: RwSignal<Option<Clash>>,
    /// The passphrase lock, as this tab knows it.
    pub lock: RwSignal<LockStatus>,
    /// The worker said "not now" to the journal page's suggestion to turn the lock on
    /// (for this visit).
    pub lock_suggestion_dismissed: RwSignal<bool>,
    store: StoredValue<Store<LocalStorage>>,
    /// Every collection as this tab last read or wrote it: the base of a three-way merge
    /// when another tab saved in between.
    bases: StoredValue<Collections>,
}

impl AppState {
    /// Loads the journal from local storage.
    pub fn load() -> AppState {
        let state = AppState {
            journal: RwSignal::new(Journal::new()),
            unread: RwSignal::new(0),
            late: StoredValue::new(Vec::new()),
            vocabulary: RwSignal::new(Vocabulary::new()),
            templates: RwSignal::new(TemplateLibrary::new()),
            threads: RwSignal::new(Threads::new()),
            embeddedness: RwSignal::new(EmbeddednessHistory::new()),
            wellbeing: RwSignal::new(WellbeingLog::new()),
            settings: RwSignal::new(Settings::default()),
            preferences: RwSignal::new(Preferences::default()),
            problems: RwSignal::new(Vec::new()),
            read_only: RwSignal::new(false),
            load_error: RwSignal::new(None),
            flash: RwSignal::new(None),
            external_changes: RwSignal::new(0),
            clash: RwSignal::new(None),
            lock: RwSignal::new(LockStatus::Off),
            lock_suggestion_dismissed: RwSignal::new(false),
            store: StoredValue::new({
                let mut store = Store::with(LocalStorage, space(), Box::new(Compact), &tab_id());
                // The journal page does not show wellbeing checks.
                store.defer::<WellbeingLog>();
                store
            }),
            bases: StoredValue::new(Collections::default()),
        };
        // With the lock on, nothing is read until the worker unlocks. A lock header
        // that cannot be read shows as locked too: the unlock page says why.
        let locked = state
            .store
            .with_value(|store| !matches!(store.lock_present(), Ok(false)));
        if locked {
            state.lock.set(LockStatus::Locked);
        } else {
            state.reload();
        }
        CURRENT.with(|c| c.set(Some(state)));
        state
    }

    /// The whole journal. Start-up decodes only the first page's reflections (the rest
    /// follow in slices after the first frame, [`AppState::read_rest_later`]); a page that
    /// needs every reflection gets them all decoded here first.
    pub fn journal(&self) -> RwSignal<Journal> {
        self.read_more(usize::MAX);
        self.journal
    }

    /// The journal as decoded so far: at start-up, only its first page. For the journal
    /// page's list, which must not wait for the rest; anything else uses
    /// [`AppState::journal`].
    pub fn journal_so_far(&self) -> RwSignal<Journal> {
        self.journal
    }

    /// How many reflections there are, counting those not yet decoded.
    pub fn reflection_count(&self) -> usize {
        self.journal.with(Journal::len) + self.unread.get()
    }

    /// Decodes up to `count` more of the reflections start-up left, and, once none is
    /// left, puts them all into the journal in one change, with anything found damaged or
    /// from a newer version reported as loading would have. Returns whether none is left.
    fn read_more(&self, count: usize) -> bool {
        if self.unread.try_get_untracked().unwrap_or(0) == 0 {
            return true;
        }
        let read = self.store.try_update_value(|store| {
            store
                .read_more(count)
                .map(|(entries, problems)| (entries, problems, store.unread()))
        });
        let (entries, problems, left) = match read {
            Some(Ok(read)) => read,
            // Storage could not be read: said on every page, and nothing is written
            // until the journal has been read in full.
            Some(Err(e)) => {
                self.load_error.set(Some(e));
                return true;
            }
            None => return true,
        };
        self.late.update_value(|late| late.extend(entries));
        if !problems.is_empty() {
            self.problems.update(|p| p.extend(problems));
        }
        if left > 0 {
            return false;
        }
        let late = self
            .late
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        self.journal.update(|j| j.extend(late));
        self.unread.set(0);
        let read_only = self.store.with_value(|store| store.read_only());
        if read_only {
            self.read_only.set(true);
        }
        true
    }

    /// Decodes the reflections start-up left after the first frame is drawn, a slice of
    /// about [`browser::SLICE_MS`] at a time (a task each), so the page answers in between.
    fn read_rest_later(self) {
        fn slice(state: AppState) {
            set_timeout(
                move || {
                    let started = browser::clock_ms();
                    while !state.read_more(READ_STEP) {
                        if browser::clock_ms() - started >= browser::SLICE_MS {
                            return slice(state);
                        }
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        if self.unread.get_untracked() > 0 {
            request_animation_frame(move || slice(self));
        }
    }

    /// The wellbeing checks, decoded from storage the first time a page asks (the journal
    /// page, shown first, does not). If they cannot be read, the problem is reported
    /// like any found at start-up, and nothing is changed.
    pub fn wellbeing(&self) -> RwSignal<WellbeingLog> {
        self.use_deferred();
        self.wellbeing
    }

    /// Decodes the deferred collections no page has used yet, and the reflections
    /// start-up left, taking them as this tab's starting point as loading would have.
    /// Nothing to do while locked: nothing of the journal is read then.
    fn use_deferred(&self) {
        self.read_more(usize::MAX);
        let pending = self
            .store
            .try_with_value(|store| store.is_pending::<WellbeingLog>())
            .unwrap_or(false);
        if !pending || self.lock.get_untracked() == LockStatus::Locked {
            return;
        }
        match self
            .store
            .try_update_value(|store| store.use_collection::<WellbeingLog>())
        {
            Some(Ok((value, problems))) => {
                self.bases.update_value(|b| b.wellbeing = value.clone());
                self.wellbeing.set(value);
                if !problems.is_empty() {
                    self.problems.update(|p| p.extend(problems));
                }
                self.read_only
                    .set(self.store.with_value(|store| store.read_only()));
            }
            Some(Err(e)) => self.load_error.set(Some(e)),
            None => {}
        }
    }

    /// The app's state, for code that runs outside any component (a timer's callback):
    /// set once by [`AppState::load`].
    pub fn current() -> Option<AppState> {
        CURRENT.with(std::cell::Cell::get)
    }

    /// The supervisor space, writing as the journal's store does: sealed with the
    /// journal's data key while the lock is on and this tab is unlocked, compact
    /// otherwise.
    pub fn supervisor_space(&self) -> SupervisorSpace<LocalStorage> {
        let codec = self
            .store
            .try_with_value(Store::codec_copy)
            .unwrap_or_else(|| Box::new(Compact));
        SupervisorSpace::with_codec(LocalStorage, codec)
    }

    /// The lock header as stored now.
    pub fn lock_header(&self) -> Result<Option<LockHeader>, StorageError> {
        self.store
            .try_with_value(|store| store.lock_header())
            .unwrap_or_else(|| Err(StorageError::Failed("the app has closed".into())))
    }

    /// Unlocks this tab: the store seals and opens with `codec` from now on, and the
    /// journal is read.
    pub fn unlock(&self, header: &LockHeader, codec: Box<dyn Codec>) {
        self.store.update_value(|store| store.unlock(header, codec));
        self.lock.set(LockStatus::Unlocked);
        self.reload();
    }

    /// Locks this tab and tells every other open tab to lock too.
    pub fn lock_now(&self) {
        if self.lock.get_untracked() == LockStatus::Unlocked {
            crate::ui::lock::watch::tell_other_tabs();
            self.drop_everything();
        }
    }

    /// Drops the key (the codec is dropped, which wipes it), then reloads the page, so
    /// that no decrypted value is left anywhere in this tab's memory: not the journal's
    /// signals, a page's copy, the search index or a summary in progress. Drafts were
    /// saved (sealed) as they were typed, and come back after unlocking.
    pub fn drop_everything(&self) {
        self.store.update_value(Store::lock);
        self.late.set_value(Vec::new());
        self.unread.set(0);
        self.lock.set(LockStatus::Locked);
        self.bases.set_value(Collections::default());
        self.show(Some(Ok(crate::storage::Loaded::default())));
        self.clash.set(None);
        self.flash.set(None);
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }

    /// Turns the lock on: every record sealed in one batch, then this tab is unlocked.
    pub fn turn_lock_on(
        &self,
        header: &LockHeader,
        codec: Box<dyn Codec>,
    ) -> Result<(), LockOnFailure> {
        let sealing = codec.clone_box();
        self.with_store(|store| store.turn_lock_on(header, codec))
            .map_err(LockOnFailure::Unchanged)?;
        // Then the summaries a supervisor kept on this device, all or nothing. If they
        // cannot be sealed, the journal's lock is turned off again, so nothing changes.
        let kept = SupervisorSpace::with_codec(LocalStorage, sealing);
        if let Err(e) = kept.reencode(&Compact) {
            if self.with_store(Store::turn_lock_off).is_err() {
                // The journal stays sealed with the new passphrase, and this tab holds
                // its key: show it as locked-and-open, and say what is not sealed.
                self.lock.set(LockStatus::Unlocked);
                return Err(LockOnFailure::SummariesNotSealed(e));
            }
            return Err(LockOnFailure::Unchanged(e));
        }
        self.lock.set(LockStatus::Unlocked);
        Ok(())
    }

    /// Turns the lock off (the passphrase already checked): every record unsealed in one
    /// batch. Returns how many damaged sealed values were left as they were.
    pub fn turn_lock_off(&self) -> Result<usize, StorageError> {
        // The supervisor space's kept summaries first, while the key is still here: if
        // they cannot be unsealed, nothing has changed.
        let sealing = self.with_store(|store| Ok(store.codec_copy()))?;
        SupervisorSpace::new(LocalStorage).reencode(sealing.as_ref())?;
        let kept = match self.with_store(|store| store.turn_lock_off()) {
            Ok(kept) => kept,
            Err(e) => {
                // Seal them again, so the journal and the summaries stay as they were.
                let _ = SupervisorSpace::with_codec(LocalStorage, sealing).reencode(&Compact);
                return Err(e);
            }
        };
        self.lock.set(LockStatus::Off);
        self.reload();
        Ok(kept)
    }

    /// Stores a re-made lock header (a new passphrase).
    pub fn replace_lock_header(&self, header: &LockHeader) -> Result<(), StorageError> {
        self.with_store(|store| store.replace_lock_header(header))
    }

    /// Another tab turned the lock on, off or re-made it, or this tab is locked and the
    /// lock went away: follow what is stored. Returns whether it handled the change.
    fn follow_lock_elsewhere(&self) -> bool {
        let changed = self.store.with_value(Store::lock_changed);
        if !changed {
            return false;
        }
        let present = self.store.with_value(Store::lock_present);
        match present {
            // Turned off elsewhere: read the journal as it now is.
            Ok(false) => {
                self.store.update_value(Store::lock);
                self.lock.set(LockStatus::Off);
                self.reload();
            }
            // Turned on, or made with another key, elsewhere: this tab cannot read it.
            _ if self.lock.get_untracked() != LockStatus::Locked => self.drop_everything(),
            _ => {}
        }
        true
    }

    /// Reads storage, taking everything in it as this tab's starting point: at once, the
    /// reflections the journal page's first page shows; the rest after the first frame.
    pub fn reload(&self) {
        self.late.set_value(Vec::new());
        let loaded = self
            .store
            .try_update_value(|store| store.load_first(FIRST_PAGE));
        if let Some(Ok(loaded)) = &loaded {
            self.bases.set_value(loaded.collections.clone());
        }
        self.show(loaded);
        self.unread
            .set(self.store.with_value(|store| store.unread()));
        self.read_rest_later();
    }

    fn show(&self, loaded: Option<Result<crate::storage::Loaded, StorageError>>) {
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
                self.preferences.set(c.preferences);
                self.problems.set(loaded.problems);
                self.read_only
                    .set(self.store.with_value(|store| store.read_only()));
                self.load_error.set(None);
            }
            Some(Err(e)) => self.load_error.set(Some(e)),
            None => {}
        }
    }

    /// Called when another tab changed local storage. Shows what it saved, but does not
    /// take it as seen: a form still open on older values must then get a conflict or a
    /// merge when saved, never overwrite the other tab's words.
    pub fn storage_changed_elsewhere(&self) {
        if self.follow_lock_elsewhere() {
            return;
        }
        // What start-up left is read first, so what is shown next is storage as it is.
        self.read_more(usize::MAX);
        let loaded = self.store.try_update_value(|store| store.peek());
        self.show(loaded);
        self.external_changes.update(|n| *n += 1);
    }

    /// The stored revision of an entry now, for an editor to base its save on.
    pub fn entry_revision(&self, id: &EntryId) -> Option<u64> {
        self.store
            .try_update_value(|store| store.revision_now(&store.namespace().entry_key(id)))
            .and_then(Result::ok)
            .flatten()
    }

    /// The entry as stored now, whoever saved it: the other version in a conflict.
    pub fn stored_entry(&self, id: &EntryId) -> Option<Entry> {
        self.store
            .try_update_value(|store| store.stored_entry(id))
            .and_then(Result::ok)
            .flatten()
    }

    fn namespace(&self) -> Namespace {
        self.store.with_value(|store| store.namespace().clone())
    }

    /// Whether this tab works in a trainer's workshop space rather than the journal.
    pub fn in_workshop(&self) -> bool {
        self.namespace() == Namespace::WORKSHOP
    }

    /// Whether a storage key is this tab's space's (for the other-tab listener).
    pub fn owns_key(&self, key: &str) -> bool {
        self.namespace().owns(key)
    }

    /// Deletes everything in the workshop space, only when this tab works in it: the
    /// journal's store has no way to be wiped. Returns how many keys were removed.
    pub fn wipe_workshop(&self) -> Result<usize, StorageError> {
        if !self.in_workshop() {
            return Err(StorageError::Failed("this tab is not in a workshop".into()));
        }
        self.with_store(|store| store.wipe())
    }

    /// Brings a collection change up to date with what another tab saved since this tab
    /// last read it: a three-way merge when the two changes do not touch the same thing,
    /// or [`StorageError::Conflict`] when they do. The merged value is what gets written.
    fn rebase<C: StoredCollection + Merge>(
        &self,
        store: &mut Store<LocalStorage>,
        base: &C,
        mine: C,
    ) -> Result<C, StorageError> {
        let key = store.collection_key::<C>();
        if store.is_current(&key)? {
            return Ok(mine);
        }
        let theirs: C = store
            .stored_collection()?
            .ok_or_else(|| StorageError::Conflict(vec![key.clone()]))?;
        let merged = C::three_way(base, &mine, &theirs)
            .ok_or_else(|| StorageError::Conflict(vec![key.clone()]))?;
        store.accept_stored(&key)?;
        Ok(merged)
    }

    /// Stores an entry, then shows it. `base` is the stored revision the editor opened
    /// (`None` for a new entry). On failure nothing changes.
    pub fn save(&self, entry: Entry, base: Option<u64>) -> Result<(), StorageError> {
        self.save_with_threads(entry, base, None, None)
    }

    /// Stores an entry together with its holding-thread links and, when `dismissals`
    /// gives a change to the stored dismissed nudges, that change, in one batch.
    pub fn save_with_threads(
        &self,
        entry: Entry,
        base: Option<u64>,
        threads: Option<Threads>,
        dismissals: Option<&DismissalsChange<'_>>,
    ) -> Result<(), StorageError> {
        let ns = self.namespace();
        let base_threads = self.bases.with_value(|b| b.threads.clone());
        let written = self.with_store(|store| {
            let mut batch = Batch::new().entry_based_on(&ns, &entry, base);
            let threads = match threads {
                Some(t) => Some(self.rebase(store, &base_threads, t)?),
                None => None,
            };
            if let Some(t) = &threads {
                batch = batch.collection(&ns, t);
            }
            if let Some(change) = dismissals {
                batch = Self::dismissals_change(store, &ns, batch, change)?;
            }
            store.commit(batch)?;
            Ok(threads)
        })?;
        if let Some(threads) = written {
            self.bases.update_value(|b| b.threads = threads.clone());
            self.threads.set(threads);
        }
        self.journal.update(|j| j.put(entry));
        Ok(())
    }

    /// Keeps this tab's version of an entry over another tab's, after the worker chose so.
    pub fn keep_mine(&self, entry: Entry) -> Result<(), StorageError> {
        let ns = self.namespace();
        let key = ns.entry_key(&entry.id);
        self.with_store(|store| store.commit(Batch::new().entry(&ns, &entry).overriding(key)))?;
        self.journal.update(|j| j.put(entry));
        Ok(())
    }

    /// Deletes an entry, in one batch with taking it out of any holding thread and its
    /// wellbeing check, so nothing points at a reflection that is gone, and with every
    /// tab's draft of it, so its words do not stay on the device.
    pub fn delete(&self, id: &EntryId) -> Result<(), StorageError> {
        // The wellbeing checks' base must be what storage holds before it is read here.
        self.use_deferred();
        let ns = self.namespace();
        let (base_threads, base_wellbeing) = self
            .bases
            .with_value(|b| (b.threads.clone(), b.wellbeing.clone()));
        let mut threads = self.threads.get_untracked();
        let mut wellbeing = self.wellbeing().get_untracked();
        let threads_changed = threads.forget_entry(id) > 0;
        let wellbeing_changed = wellbeing.forget_entry(id);
        let (threads, wellbeing) = self.with_store(|store| {
            // The worker confirmed deleting the reflection they were shown.
            let mut batch = Batch::new().delete(&ns, id).overriding(ns.entry_key(id));
            let threads = if threads_changed {
                let t = self.rebase(store, &base_threads, threads)?;
                batch = batch.collection(&ns, &t);
                Some(t)
            } else {
                None
            };
            let wellbeing = if wellbeing_changed {
                let w = self.rebase(store, &base_wellbeing, wellbeing)?;
                batch = batch.collection(&ns, &w);
                Some(w)
            } else {
                None
            };
            // Its dismissed nudges go with it: nothing of a deleted reflection stays.
            batch = Self::dismissals_change(store, &ns, batch, &|d| {
                let mut d = d.clone();
                d.forget_entry(id).then_some(d)
            })?;
            store.commit(batch)?;
            Ok((threads, wellbeing))
        })?;
        if let Some(t) = threads {
            self.bases.update_value(|b| b.threads = t.clone());
            self.threads.set(t);
        }
        if let Some(w) = wellbeing {
            self.bases.update_value(|b| b.wellbeing = w.clone());
            self.wellbeing.set(w);
        }
        self.journal.update(|j| {
            j.remove(id);
        });
        Ok(())
    }

    /// Stores one collection, merged with anything another tab saved meanwhile, then
    /// shows what was stored. On failure nothing changes.
    fn save_collection<C>(
        &self,
        what: &'static str,
        value: C,
        base: fn(&Collections) -> &C,
        set_base: fn(&mut Collections, C),
        signal: RwSignal<C>,
    ) -> Result<(), StorageError>
    where
        C: StoredCollection + Merge + Clone + Send + Sync + 'static,
    {
        self.use_deferred();
        let base_value = self.bases.with_value(|b| base(b).clone());
        let result = self.with_store(|store| {
            let value = self.rebase(store, &base_value, value.clone())?;
            store.save_collection(&value)?;
            Ok(value)
        });
        let stored = match result {
            Ok(stored) => stored,
            Err(e) => {
                if e.is_conflict() {
                    self.offer_choice(what, value, base_value, set_base, signal);
                }
                return Err(e);
            }
        };
        self.clash.set(None);
        self.bases.update_value(|b| set_base(b, stored.clone()));
        signal.set(stored);
        Ok(())
    }

    /// Keeps a clashing change so the worker can choose to save it after all.
    fn offer_choice<C>(
        &self,
        what: &'static str,
        mine: C,
        base: C,
        set_base: fn(&mut Collections, C),
        signal: RwSignal<C>,
    ) where
        C: StoredCollection + Merge + Clone + Send + Sync + 'static,
    {
        let differences_of = (base.clone(), mine.clone());
        let keep_mine = move |state: &AppState| {
            let ns = state.namespace();
            let stored = state.with_store(|store| {
                let key = store.collection_key::<C>();
                let clash = || StorageError::Conflict(vec![key.clone()]);
                let theirs: C = store.stored_collection()?.ok_or_else(clash)?;
                // Mine where the two clash; everything else either side changed, and
                // every private name not removed here, is kept.
                let merged = C::keep_mine(&base, &mine, &theirs).ok_or_else(clash)?;
                store.commit(
                    Batch::new()
                        .collection(&ns, &merged)
                        .overriding(key.clone()),
                )?;
                Ok(merged)
            })?;
            state.clash.set(None);
            state.bases.update_value(|b| set_base(b, stored.clone()));
            signal.set(stored);
            Ok(())
        };
        let differences = self
            .with_store(|store| store.stored_collection::<C>())
            .ok()
            .flatten()
            .map(|theirs| C::differences(&differences_of.0, &differences_of.1, &theirs))
            .unwrap_or_default();
        self.clash.set(Some(Clash {
            what,
            differences,
            keep_mine: Arc::new(keep_mine),
        }));
    }

    /// This tab was duplicated from another and now has an id of its own.
    pub fn set_tab(&self, tab: &str) {
        self.store.update_value(|store| store.set_tab(tab));
        self.external_changes.update(|n| *n += 1);
    }

    /// The worker chose to keep their change after a clash.
    pub fn keep_my_change(&self, clash: &Clash) -> Result<(), StorageError> {
        (clash.keep_mine)(self)
    }

    /// The worker chose to keep the other tab's change after a clash: everything stored
    /// becomes this tab's starting point, and nothing is written.
    pub fn keep_other_change(&self) {
        self.clash.set(None);
        self.reload();
    }

    /// Stores new settings, then shows them. On failure nothing changes.
    pub fn save_settings(&self, value: Settings) -> Result<(), StorageError> {
        self.save_collection(
            "your settings",
            value,
            |b| &b.settings,
            |b, v| b.settings = v,
            self.settings,
        )
    }

    /// Everything a backup holds, as this tab shows it: every reflection, every tab's
    /// readable draft and every collection. `None` when storage cannot be read.
    pub fn backup_contents(&self) -> Option<crate::core::backup::Contents> {
        let drafts = self
            .store
            .try_update_value(|store| store.all_drafts())
            .and_then(Result::ok)?;
        Some(crate::core::backup::Contents {
            entries: self
                .journal()
                .with_untracked(|j| j.newest_first().cloned().collect()),
            drafts: drafts
                .into_iter()
                .map(|(name, draft)| crate::core::backup::BackupDraft {
                    // A draft from before drafts were per tab has no tab in its name.
                    key: if name.contains('.') {
                        name
                    } else {
                        format!("legacy.{name}")
                    },
                    draft,
                })
                .collect(),
            settings: self.settings.get_untracked(),
            preferences: self.preferences.get_untracked(),
            vocabulary: self.vocabulary.get_untracked(),
            templates: self.templates.get_untracked(),
            threads: self.threads.get_untracked(),
            embeddedness: self.embeddedness.get_untracked(),
            wellbeing: self.wellbeing().get_untracked(),
            dismissals: self.dismissals(),
        })
    }

    /// Writes what a restore adds, in one batch, all or nothing, then reads storage
    /// again so every page shows it. On failure nothing has changed.
    pub fn restore(&self, plan: &crate::core::backup::restore::Plan) -> Result<(), StorageError> {
        let ns = self.namespace();
        let mut batch = Batch::new();
        for entry in plan.new_entries.iter().chain(&plan.copies) {
            batch = batch.entry_based_on(&ns, entry, None);
        }
        for d in &plan.drafts {
            batch = batch.draft(&ns, &d.key, &d.draft);
        }
        if let Some(v) = &plan.settings {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.preferences {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.vocabulary {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.templates {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.threads {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.embeddedness {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.wellbeing {
            batch = batch.collection(&ns, v);
        }
        if let Some(v) = &plan.dismissals {
            batch = batch.collection(&ns, v);
        }
        self.with_store(|store| store.commit(batch))?;
        self.reload();
        Ok(())
    }

    /// Stores new preferences, then shows them. On failure nothing changes.
    pub fn save_preferences(&self, value: Preferences) -> Result<(), StorageError> {
        self.save_collection(
            "your preferences",
            value,
            |b| &b.preferences,
            |b, v| b.preferences = v,
            self.preferences,
        )
    }

    /// The dismissed identifier nudges as stored now. They are read when a page needs
    /// them, never at start-up (see `core::dismissals`). A record that cannot be read is
    /// reported like any damaged record, and counts as none.
    /// Only a read: unlike a write it does not first decode what start-up deferred, so the
    /// journal page's flags, which read this, leave the wellbeing checks unread.
    pub fn dismissals(&self) -> Dismissals {
        match self
            .store
            .try_with_value(|store| store.collection_now::<Dismissals>())
            .and_then(Result::ok)
        {
            Some(Ok(dismissals)) => dismissals,
            Some(Err(problem)) => {
                self.report(problem);
                Dismissals::default()
            }
            None => Dismissals::default(),
        }
    }

    /// Adds a problem to those shown, once.
    fn report(&self, problem: Problem) {
        self.problems.update(|p| {
            if !p.contains(&problem) {
                p.push(problem);
            }
        });
    }

    /// Changes the stored dismissed nudges: `change` is given them as stored now and says
    /// whether it changed them. Read and written in one go, so another tab's dismissals
    /// are kept. A record that cannot be read is set aside as any damaged record is: the
    /// change starts from none, the damaged value is copied under a key of its own before
    /// it is replaced, and the worker is told.
    pub fn update_dismissals(
        &self,
        change: impl Fn(&mut Dismissals) -> bool,
    ) -> Result<(), StorageError> {
        let ns = self.namespace();
        let mut found = None;
        let result = self.with_store(|store| {
            let (mut dismissals, problem) = store.collection_for_change::<Dismissals>()?;
            found = problem;
            if !change(&mut dismissals) {
                return Ok(());
            }
            store.commit(Batch::new().collection(&ns, &dismissals))
        });
        if let Some(problem) = found {
            self.report(problem);
        }
        result
    }

    /// Adds to `batch` the change `change` makes to the dismissals as stored now, taking
    /// that stored revision as the base (nothing else runs between this read and the
    /// commit). An unreadable record is left as it is, never overwritten: saving or
    /// deleting a reflection does not wait on it.
    fn dismissals_change(
        store: &mut Store<LocalStorage>,
        ns: &Namespace,
        batch: Batch,
        change: &DismissalsChange<'_>,
    ) -> Result<Batch, StorageError> {
        let (now, damaged) = store.collection_for_change::<Dismissals>()?;
        if damaged.is_some() {
            return Ok(batch);
        }
        Ok(match change(&now) {
            Some(new) => batch.collection(ns, &new),
            None => batch,
        })
    }

    /// This tab's id, as its drafts (and a new reflection's dismissals) are keyed.
    pub fn tab(&self) -> String {
        self.store.with_value(|store| store.tab().to_owned())
    }

    pub fn save_templates(&self, value: TemplateLibrary) -> Result<(), StorageError> {
        self.save_collection(
            "your templates",
            value,
            |b| &b.templates,
            |b, v| b.templates = v,
            self.templates,
        )
    }

    pub fn save_threads(&self, value: Threads) -> Result<(), StorageError> {
        self.save_collection(
            "your holding threads",
            value,
            |b| &b.threads,
            |b, v| b.threads = v,
            self.threads,
        )
    }

    pub fn save_embeddedness(&self, value: EmbeddednessHistory) -> Result<(), StorageError> {
        self.save_collection(
            "your check-ins",
            value,
            |b| &b.embeddedness,
            |b, v| b.embeddedness = v,
            self.embeddedness,
        )
    }

    pub fn save_wellbeing(&self, value: WellbeingLog) -> Result<(), StorageError> {
        self.save_collection(
            "your wellbeing answers",
            value,
            |b| &b.wellbeing,
            |b, v| b.wellbeing = v,
            self.wellbeing,
        )
    }

    /// Stores a change to the custom tags together with the entries it retags (a merge
    /// or delete), all or nothing, then shows them. Retagging rewrites entries the
    /// worker did not open, so a tag change made while another tab saved tags or those
    /// entries is refused as a conflict rather than merged.
    pub fn save_vocabulary(
        &self,
        value: Vocabulary,
        retagged: Vec<Entry>,
    ) -> Result<(), StorageError> {
        if retagged.is_empty() {
            return self.save_collection(
                "your tags",
                value,
                |b| &b.vocabulary,
                |b, v| b.vocabulary = v,
                self.vocabulary,
            );
        }
        let ns = self.namespace();
        self.with_store(|store| {
            // Entries first, so every state in between is a valid journal: a reflection
            // may name a tag the vocabulary still has, never one it no longer has.
            let mut batch = Batch::new();
            for entry in &retagged {
                batch = batch.entry(&ns, entry);
            }
            store.commit(batch.collection(&ns, &value))
        })?;
        self.bases.update_value(|b| b.vocabulary = value.clone());
        self.vocabulary.set(value);
        self.journal.update(|j| {
            for entry in retagged {
                j.put(entry);
            }
        });
        Ok(())
    }

    /// How full storage is, for the meter in Settings and the journal page's warning.
    /// Tracks the journal, so it is measured again after each save here or elsewhere.
    pub fn storage_usage(&self) -> Option<crate::core::capacity::Usage> {
        self.external_changes.track();
        let reflections = self.reflection_count();
        self.store
            .try_with_value(|store| store.usage(reflections))
            .and_then(Result::ok)
    }

    /// This tab's draft in a slot, read for the editor. A draft whose words cannot be read
    /// is reported like any damaged record (once), left where it is, and gives `None`:
    /// the editor starts empty and the worker's next draft copies it aside first.
    pub fn draft(&self, slot: &DraftSlot) -> Option<StoredDraft> {
        match self
            .store
            .try_with_value(|store| store.load_draft(slot))
            .and_then(Result::ok)?
        {
            DraftFound::Draft(draft) => Some(*draft),
            DraftFound::Damaged(problem) => {
                self.report(problem);
                None
            }
            DraftFound::None => None,
        }
    }

    /// Whether this tab has an unsaved draft in a slot, without reading its words: for
    /// the journal page, whose code then carries no draft decoding.
    pub fn has_draft(&self, slot: &DraftSlot) -> bool {
        self.store
            .try_with_value(|store| store.has_draft(slot))
            .and_then(Result::ok)
            .unwrap_or(false)
    }

    /// Unsaved words other tabs left for the same slot.
    pub fn other_drafts(&self, slot: &DraftSlot) -> Vec<OtherDraft> {
        self.store
            .try_update_value(|store| store.other_drafts(slot))
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    pub fn save_draft(&self, draft: &StoredDraft) -> Result<(), StorageError> {
        self.with_store(|store| store.save_draft(draft))
    }

    pub fn discard_draft(&self, slot: &DraftSlot) -> Result<(), StorageError> {
        self.with_store(|store| store.discard_draft(slot))
    }

    /// Takes another tab's left-over draft as this tab's own: saved here first, then
    /// removed there, so the words are never only in memory.
    pub fn adopt_draft(&self, other: &OtherDraft) -> Result<(), StorageError> {
        self.with_store(|store| {
            store.save_draft(&other.draft)?;
            store.discard_other_draft(&other.key)
        })
    }

    /// The raw text of the values that were set aside, for download.
    pub fn set_aside_values(&self) -> Vec<(String, String)> {
        let problems = self.problems.get_untracked();
        self.store
            .try_update_value(|store| store.raw_values(&problems))
            .unwrap_or_default()
    }

    /// How many set-aside copies there are.
    pub fn copies(&self) -> Vec<String> {
        self.problems.with(|p| {
            p.iter()
                .filter_map(|p| match p {
                    Problem::Copy { key } => Some(key.clone()),
                    _ => None,
                })
                .collect()
        })
    }

    /// Removes the set-aside copies (never a record), after the worker downloaded them.
    pub fn remove_copies(&self) -> Result<usize, StorageError> {
        let keys = self.copies();
        let removed = self.with_store(|store| store.remove_copies(&keys))?;
        self.problems
            .update(|p| p.retain(|p| !matches!(p, Problem::Copy { .. })));
        Ok(removed)
    }

    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store<LocalStorage>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        // A write is based on everything this tab shows, so what start-up deferred is
        // read first (and its problems, or a newer version, reported).
        self.use_deferred();
        self.store
            .try_update_value(f)
            .unwrap_or_else(|| Err(StorageError::Failed("the app has closed".into())))
    }
}

/// Why turning the lock on did not wholly work: it says whether anything changed.
#[derive(Debug)]
pub enum LockOnFailure {
    /// Nothing changed: the journal is as it was, without the lock.
    Unchanged(StorageError),
    /// The journal is sealed and this tab open, but the summaries kept in the supervisor
    /// view could not be sealed, and turning the journal's lock off again failed too.
    SummariesNotSealed(StorageError),
}

thread_local! {
    static CURRENT: std::cell::Cell<Option<AppState>> = const { std::cell::Cell::new(None) };
}

/// The space this tab works in, chosen once at start-up: the workshop's when the tab
/// was put in workshop mode ([`TabFlag::Workshop`], kept per tab), else the journal. A
/// workshop tab never opens the journal's store, so it needs nothing of the journal's
/// (not even its lock's key); entering or leaving a workshop reloads the app.
fn space() -> Namespace {
    if tab_flag(TabFlag::Workshop) {
        Namespace::WORKSHOP
    } else {
        Namespace::JOURNAL
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
