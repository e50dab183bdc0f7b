//! The storage rules over any [`Backend`], for one [`Namespace`] (the journal now; a
//! workshop space and a supervisor space later): one key per entry plus an index of ids,
//! one key per collection, each tab's own drafts, and copies of damaged values set aside
//! under keys of their own. Every record passes through the store's one [`Codec`] and
//! carries a revision; a write based on a revision this tab has not seen is refused as a
//! [`StorageError::Conflict`], so two tabs never silently overwrite each other.
//!
//! Every change goes through one [`Batch`]: any number of entries and collections written,
//! the index once, every key read back, and every key it touched put back as it was on any
//! failure. Loading reads only this namespace's keys and never writes: whatever cannot be
//! read is reported and left exactly where it is.
//!
//! A collection the first page does not show can be deferred ([`Store::defer`]): loading
//! then leaves it undecoded, and [`Store::use_collection`] reads it, with the same
//! revision and damage rules, the first time a page needs it. Start-up then decodes only
//! what the journal page shows.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use super::backend::{Backend, BackendError};
use super::codec::{self, Codec, CodecError, Compact, EncodeError, PlainJson};
use crate::core::capacity::{Usage, QUOTA_UNITS};
use crate::core::checkins::{EmbeddednessHistory, WellbeingLog};
use crate::core::dismissals::Dismissals;
use crate::core::entry::Entry;
use crate::core::ids::EntryId;
use crate::core::journal::{newest_first, Journal, Place};
use crate::core::lock::LockHeader;
use crate::core::record::{check_dismissals, check_draft, decode_dismissals, encode_dismissals};
use crate::core::record::{
    decode_draft, decode_embeddedness, decode_entry, decode_index, decode_preferences,
    decode_settings, decode_templates, decode_threads, decode_vocabulary, decode_wellbeing,
    encode_draft, encode_embeddedness, encode_entry, encode_index, encode_preferences,
    encode_settings, encode_templates, encode_threads, encode_vocabulary, encode_wellbeing,
    DecodeError, IndexShard, StoredDraft,
};
use crate::core::settings::{Preferences, Settings};
use crate::core::tags::Vocabulary;
use crate::core::templates::TemplateLibrary;
use crate::core::threads::Threads;

/// The journal's prefix. Kept from format 1, so every earlier journal is found.
pub const PREFIX: &str = "anchorpoint.";

/// The keys one store owns: everything under its prefix, nothing else. No prefix is the
/// start of another (`anchorpoint.` against `anchorpoint-workshop.`), so two stores never
/// see each other's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    prefix: &'static str,
}

impl Namespace {
    /// The worker's journal.
    pub const JOURNAL: Namespace = Namespace { prefix: PREFIX };
    /// A trainer's workshop: practice reflections, wiped when the workshop ends.
    pub const WORKSHOP: Namespace = Namespace {
        prefix: "anchorpoint-workshop.",
    };
    /// Summaries a supervisor chose to keep on this device.
    pub const SUPERVISOR: Namespace = Namespace {
        prefix: "anchorpoint-supervisor.",
    };

    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// Whether a key is this namespace's. The storage-event listener asks this too.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(self.prefix)
    }

    fn key(&self, rest: &str) -> String {
        format!("{}{rest}", self.prefix)
    }

    pub fn entry_key(&self, id: &EntryId) -> String {
        self.key(&format!("entry.{id}"))
    }

    /// The single index of formats 1 to 3, replaced by shards at the first write.
    pub fn index_key(&self) -> String {
        self.key("index")
    }

    /// One shard of the index: `index.NN`. Sharded so that saving a new reflection
    /// rewrites a list of about 1/256th of the ids, not all of them.
    pub fn shard_key(&self, shard: u8) -> String {
        self.key(&format!("index.{shard:02}"))
    }

    /// The lock's header, `lock`: present exactly while the passphrase lock is on.
    pub fn lock_key(&self) -> String {
        self.key("lock")
    }

    fn set_aside_prefix(&self) -> String {
        self.key("setaside.")
    }

    fn draft_prefix(&self) -> String {
        self.key("draft.")
    }
}

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
    /// Another tab or window saved these keys after this one last read them. Nothing
    /// was written.
    #[error("it was changed in another tab or window since you opened it here")]
    Conflict(Vec<String>),
    /// The stored value was written by a newer version of Anchorpoint, which this one must
    /// not overwrite.
    #[error("a newer version of Anchorpoint saved it, and this version must not overwrite that")]
    Newer(String),
    /// Loading found records written by a newer version: this version only reads, so it
    /// can never write something the newer version's records depend on.
    #[error("this browser's journal was last changed by a newer version of Anchorpoint, so this version only reads it")]
    ReadOnly,
    /// The journal is locked here, or its lock was turned on, off or re-made in another
    /// tab since this one last read it. Nothing was written.
    #[error("the journal is locked, or its lock was changed in another tab or window")]
    Locked,
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
            StorageError::Conflict(_) => {
                "Nothing was saved. Another tab or window changed the same thing: choose which \
                 change to keep."
            }
            StorageError::Newer(_) => {
                "Nothing was saved. Open Anchorpoint in the newest version you have used, or \
                 reload the page to get it."
            }
            StorageError::ReadOnly => {
                "Nothing was saved, and your words are still here. Copy them somewhere safe, \
                 then reload the page to get the newest version of Anchorpoint and save again."
            }
            StorageError::Locked => {
                "Nothing was saved here. Copy your text somewhere safe, unlock your journal \
                 (reload the page if it does not ask), and save again."
            }
        }
    }

    pub fn is_conflict(&self) -> bool {
        matches!(self, StorageError::Conflict(_))
    }
}

impl From<EncodeError> for StorageError {
    fn from(e: EncodeError) -> Self {
        StorageError::Failed(e.to_string())
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
    /// A copy of a damaged value, made before the value was replaced.
    Copy { key: String },
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
            Problem::Copy { key } => {
                format!("“{key}” is a copy of a damaged value, kept in case it is needed.")
            }
            Problem::Missing { id } => format!(
                "The journal's index lists a reflection ({id}) that is no longer in this \
                 browser's storage."
            ),
        }
    }

    /// The stored key this problem is about, if it has one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Problem::SetAside { key, .. } | Problem::Copy { key } => Some(key),
            Problem::Missing { .. } => None,
        }
    }
}

/// What [`Store::load_draft`] found in a draft slot.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftFound {
    None,
    Draft(Box<StoredDraft>),
    /// A draft is there but its words cannot be read; it is left as it is.
    Damaged(Problem),
}

/// A record kept under one key of its own beside the entries. Adding a collection is one
/// impl of this trait and one field in [`Collections`].
pub trait StoredCollection: Clone + Default + PartialEq {
    /// The key under the namespace, e.g. `settings`.
    const NAME: &'static str;
    /// What the worker would call it, to finish "Your … could not be saved".
    const LABEL: &'static str;
    fn encode(&self) -> String;
    fn decode(json: &str) -> Result<Self, DecodeError>;
}

macro_rules! stored_collection {
    ($ty:ty, $name:literal, $label:literal, $encode:path, $decode:path) => {
        impl StoredCollection for $ty {
            const NAME: &'static str = $name;
            const LABEL: &'static str = $label;
            fn encode(&self) -> String {
                $encode(self)
            }
            fn decode(json: &str) -> Result<Self, DecodeError> {
                $decode(json)
            }
        }
    };
}

stored_collection!(
    Settings,
    "settings",
    "settings",
    encode_settings,
    decode_settings
);
stored_collection!(
    Preferences,
    "preferences",
    "preferences",
    encode_preferences,
    decode_preferences
);
stored_collection!(
    Dismissals,
    "dismissals",
    "dismissed nudges",
    encode_dismissals,
    decode_dismissals
);
stored_collection!(
    Vocabulary,
    "tags",
    "tags",
    encode_vocabulary,
    decode_vocabulary
);
stored_collection!(
    TemplateLibrary,
    "templates",
    "templates",
    encode_templates,
    decode_templates
);
stored_collection!(
    Threads,
    "threads",
    "holding threads",
    encode_threads,
    decode_threads
);
stored_collection!(
    EmbeddednessHistory,
    "embeddedness",
    "embeddedness check-ins",
    encode_embeddedness,
    decode_embeddedness
);
stored_collection!(
    WellbeingLog,
    "wellbeing",
    "wellbeing checks",
    encode_wellbeing,
    decode_wellbeing
);

/// Everything that is not an entry, each as found in storage or empty when absent. One
/// that could not be read is empty here, reported, and never written over unseen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collections {
    pub settings: Settings,
    pub preferences: Preferences,
    pub vocabulary: Vocabulary,
    pub templates: TemplateLibrary,
    pub threads: Threads,
    pub embeddedness: EmbeddednessHistory,
    pub wellbeing: WellbeingLog,
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
    fn name(&self) -> String {
        match self {
            DraftSlot::New => "new".to_owned(),
            DraftSlot::Edit(id) => id.to_string(),
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

/// An unsaved draft another tab left, offered to this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherDraft {
    pub key: String,
    pub draft: StoredDraft,
}

/// One change in a [`Batch`].
#[derive(Clone, Debug)]
enum Op {
    /// A record to write, as its JSON envelope.
    Put { key: String, json: String },
    /// A key to remove.
    Remove { key: String },
}

/// Any number of entries and collections, written together or not at all.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    ops: Vec<Op>,
    /// Entries written, with their places in the journal, which their index shards keep.
    added: BTreeMap<EntryId, Place>,
    removed: BTreeSet<EntryId>,
    /// Keys whose revision check is skipped because the worker chose to keep their own
    /// version over another tab's.
    overrides: BTreeSet<String>,
    /// Keys whose change was based on a revision the page read itself (an editor open
    /// since before another tab saved): checked against that, not the store's.
    bases: BTreeMap<String, Option<u64>>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Adds or replaces an entry.
    pub fn entry(mut self, ns: &Namespace, entry: &Entry) -> Batch {
        self.removed.remove(&entry.id);
        self.added.insert(entry.id.clone(), Place::of(entry));
        self.ops.push(Op::Put {
            key: ns.entry_key(&entry.id),
            json: encode_entry(entry),
        });
        self
    }

    /// Adds or replaces an entry whose form was filled from the stored revision `base`
    /// (`None`: a new entry, which must not exist yet).
    pub fn entry_based_on(mut self, ns: &Namespace, entry: &Entry, base: Option<u64>) -> Batch {
        self.bases.insert(ns.entry_key(&entry.id), base);
        self.entry(ns, entry)
    }

    /// Deletes an entry (and, in [`Store::commit`], every tab's draft of it).
    pub fn delete(mut self, ns: &Namespace, id: &EntryId) -> Batch {
        self.added.remove(id);
        self.removed.insert(id.clone());
        self.ops.push(Op::Remove {
            key: ns.entry_key(id),
        });
        self
    }

    /// Replaces a collection.
    pub fn collection<C: StoredCollection>(mut self, ns: &Namespace, value: &C) -> Batch {
        self.ops.push(Op::Put {
            key: ns.key(C::NAME),
            json: value.encode(),
        });
        self
    }

    /// Adds a draft under `draft.<name>`, where `name` is `<tab>.<slot>`: a restore puts
    /// back the drafts a backup holds. Checked like every key: it must not exist yet
    /// unless this tab has seen it.
    pub fn draft(mut self, ns: &Namespace, name: &str, draft: &StoredDraft) -> Batch {
        self.ops.push(Op::Put {
            key: format!("{}{name}", ns.draft_prefix()),
            json: encode_draft(draft),
        });
        self
    }

    /// Writes over whatever another tab saved under this key: the worker chose "keep mine".
    pub fn overriding(mut self, key: String) -> Batch {
        self.overrides.insert(key);
        self
    }
}

/// The state of one key as this tab knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seen {
    /// Read or written at this revision.
    At(u64),
    /// Found damaged, foreign or from a newer version: the raw value, copied aside before
    /// it is first replaced (or, if newer, never replaced).
    Unreadable { raw: String, newer: bool },
}

/// Checks that a stored collection's JSON decodes, for a deferred collection: see
/// [`Store::defer`].
type DecodeCheck = fn(&str) -> Result<(), DecodeError>;

/// The storage of one namespace.
/// One index shard a commit writes: key, stored value, revision, shard number, listing.
type ShardWrite = (String, String, u64, u8, Listing);

/// The reflections an index shard lists, each with its place in the journal when known.
type Listing = BTreeMap<EntryId, Option<Place>>;

/// The shard as stored: its places only when every one is known (see `record::v4::Index`).
fn shard_of_listing(listing: &Listing) -> IndexShard {
    let order: Option<Vec<Place>> = listing.values().copied().collect();
    IndexShard {
        ids: listing.keys().cloned().collect(),
        order,
    }
}

/// Adds a shard as read to a listing: start-up adds every shard to one listing, a commit
/// reads one shard into a listing of its own. Inserted one by one: collecting into a map
/// sorts first, and that sort's code would join the first load (+2.7 KB gzip, 2026-12-06).
fn add_shard(listing: &mut Listing, shard: IndexShard) {
    let mut places = shard.order.into_iter().flatten();
    for id in shard.ids {
        listing.insert(id, places.next());
    }
}

/// A reflection whose record start-up has not read yet: its place (from the index), id
/// and key.
type Unread = (Place, EntryId, String);

pub struct Store<B: Backend> {
    backend: B,
    ns: Namespace,
    codec: Box<dyn Codec>,
    /// This tab's id: its drafts live under keys of their own.
    tab: String,
    /// Ids of every entry record in storage, readable or set aside: what the index holds,
    /// each with its place in the journal when known (not for a record set aside).
    index: Listing,
    /// Reflections loading left undecoded ([`Store::load_first`]), in no particular
    /// order. Nothing is written while any is left.
    unread: Vec<Unread>,
    /// Every key of this namespace as this tab last read or wrote it.
    seen: BTreeMap<String, Seen>,
    /// Index shards as this tab last wrote them (stored value, revision, ids): while a
    /// shard is still stored exactly so, a commit need not open and decode it again,
    /// which keeps a save's cost from growing with the journal.
    shards: BTreeMap<u8, (String, u64, Listing)>,
    /// The key id of the lock this tab's codec seals for (`None`: not sealing). Checked
    /// against the stored header before every read of the namespace and every write.
    lock_id: Option<String>,
    /// Collections decoded only when first used, by key name, with a check that their
    /// JSON decodes (for the newer-version rule before a write).
    deferred: BTreeMap<&'static str, DecodeCheck>,
    /// Deferred collections a page has used: loaded like any other from then on.
    used: BTreeSet<&'static str>,
}

impl<B: Backend> std::fmt::Debug for Store<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("namespace", &self.ns)
            .field("codec", &self.codec.id())
            .field("tab", &self.tab)
            .finish_non_exhaustive()
    }
}

impl<B: Backend> Store<B> {
    /// The journal's store, writing compact records, for the tab `tab`.
    pub fn new(backend: B) -> Store<B> {
        Store::with(backend, Namespace::JOURNAL, Box::new(Compact), "t0")
    }

    pub fn with(backend: B, ns: Namespace, codec: Box<dyn Codec>, tab: &str) -> Store<B> {
        Store {
            backend,
            ns,
            codec,
            tab: tab.to_owned(),
            index: BTreeMap::new(),
            unread: Vec::new(),
            seen: BTreeMap::new(),
            shards: BTreeMap::new(),
            lock_id: None,
            deferred: BTreeMap::new(),
            used: BTreeSet::new(),
        }
    }

    /// Leaves collection `C` undecoded when loading, until a page asks for it with
    /// [`Store::use_collection`]: start-up then does only what the first page needs.
    /// Until then a write of `C` is refused as a conflict if it is stored (this tab has
    /// not seen it), and every write first checks that `C` is not from a newer version.
    pub fn defer<C: StoredCollection>(&mut self) {
        fn check<C: StoredCollection>(json: &str) -> Result<(), DecodeError> {
            C::decode(json).map(drop)
        }
        self.deferred.insert(C::NAME, check::<C>);
    }

    /// Whether `C` is deferred and no page has used it yet.
    pub fn is_pending<C: StoredCollection>(&self) -> bool {
        self.pending(C::NAME)
    }

    fn pending(&self, name: &str) -> bool {
        self.deferred.contains_key(name) && !self.used.contains(name)
    }

    /// Reads a deferred collection for its first use, as loading would have: its revision
    /// taken as seen, or, when it cannot be read, the default value and a problem
    /// reporting it, with the value left exactly where it is. From then on every load
    /// decodes it too. On a storage error nothing is marked used, so the next use tries
    /// again.
    pub fn use_collection<C: StoredCollection>(
        &mut self,
    ) -> Result<(C, Vec<Problem>), StorageError> {
        self.check_lock()?;
        let key = self.ns.key(C::NAME);
        let raw = self.backend.get(&key)?;
        self.used.insert(C::NAME);
        let mut problems = Vec::new();
        let value = match raw {
            None => {
                self.seen.remove(&key);
                C::default()
            }
            Some(raw) => match self.read(&key, &raw, C::decode) {
                Ok((revision, value)) => {
                    self.seen.insert(key, Seen::At(revision));
                    value
                }
                Err(reason) => {
                    self.unreadable(&key, raw, reason, &mut problems);
                    C::default()
                }
            },
        };
        Ok((value, problems))
    }

    /// Whether a deferred collection no page has used yet was written by a newer version
    /// of Anchorpoint: then, as when loading finds such a record, nothing is written.
    fn pending_newer(&self) -> Result<bool, StorageError> {
        for (name, check) in &self.deferred {
            if self.used.contains(name) {
                continue;
            }
            let key = self.ns.key(name);
            if let Some(raw) = self.backend.get(&key)? {
                if let Err(reason) = self.read(&key, &raw, check) {
                    if reason.contains("newer version") {
                        return Ok(true);
                    }
                }
            }
        }
        Ok(false)
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn namespace(&self) -> &Namespace {
        &self.ns
    }

    /// A copy of the codec this store writes with: sealing while the lock is on and this
    /// tab is unlocked, compact otherwise.
    pub fn codec_copy(&self) -> Box<dyn Codec> {
        self.codec.clone_box()
    }

    /// Opens a stored value with any codec this store can read.
    fn open(&self, key: &str, raw: &str) -> Result<codec::Opened, CodecError> {
        let codecs: [&dyn Codec; 3] = [self.codec.as_ref(), &Compact, &PlainJson];
        codec::open(key, raw, &codecs)
    }

    /// Reads and decodes one key: its revision and value.
    fn read<T>(
        &self,
        key: &str,
        raw: &str,
        decode: impl FnOnce(&str) -> Result<T, DecodeError>,
    ) -> Result<(u64, T), String> {
        let opened = self.open(key, raw).map_err(|e| e.to_string())?;
        let value = decode(&opened.json).map_err(|e| e.to_string())?;
        Ok((opened.revision, value))
    }

    fn unreadable(&mut self, key: &str, raw: String, reason: String, problems: &mut Vec<Problem>) {
        let newer = reason.contains("newer version");
        problems.push(Problem::SetAside {
            key: key.to_owned(),
            reason,
        });
        self.seen
            .insert(key.to_owned(), Seen::Unreadable { raw, newer });
    }

    fn load_collection<C: StoredCollection>(
        &mut self,
        found: &mut BTreeMap<String, Option<String>>,
        problems: &mut Vec<Problem>,
    ) -> C {
        let key = self.ns.key(C::NAME);
        let Some(Some(raw)) = found.remove(&key) else {
            return C::default();
        };
        if self.pending(C::NAME) {
            // Not decoded until a page uses it; not seen either, so it is never written
            // over unread.
            return C::default();
        }
        match self.read(&key, &raw, C::decode) {
            Ok((revision, value)) => {
                self.seen.insert(key, Seen::At(revision));
                value
            }
            Err(reason) => {
                self.unreadable(&key, raw, reason, problems);
                C::default()
            }
        }
    }

    /// How full the site's storage is, and what this namespace's own keys take. Reads
    /// lengths only; the site-wide total includes other namespaces' and other apps' keys
    /// because the browser's quota is the site's.
    pub fn usage(&self, reflections: usize) -> Result<Usage, StorageError> {
        // One pass over the site's keys gives both totals; a key is the namespace's
        // when it starts with its prefix (`Namespace::owns`).
        let (used, own) = self.backend.units_in_all(self.ns.prefix)?;
        Ok(Usage {
            used,
            journal: own,
            reflections,
        })
    }

    /// Reads the whole namespace. Never writes: whatever cannot be read is reported and
    /// left where it is.
    pub fn load(&mut self) -> Result<Loaded, StorageError> {
        self.load_first(usize::MAX)
    }

    /// Reads the namespace as [`Store::load`] does, but decodes only the `first`
    /// reflections of the journal (newest first), and any whose place the index does not
    /// give: enough to draw the journal's first page. The rest are read but left
    /// undecoded, for [`Store::read_more`]; until they are all decoded nothing is
    /// written, because one of them may be damaged or from a newer version.
    ///
    /// The first page is right as long as the index gives each reflection's place truly,
    /// which every commit keeps so. A tab killed between writing a reflection and its
    /// shard can leave one place stale: then only the order of the first page can be off,
    /// and only until the rest are decoded.
    pub fn load_first(&mut self, first: usize) -> Result<Loaded, StorageError> {
        self.check_lock()?;
        self.unread.clear();
        // Every key's value, but a reflection's (`None` here): it is read only when it is
        // decoded, so the reflections start-up leaves cost it nothing but their keys.
        let entry_prefix = self.ns.key("entry.");
        let mut found: BTreeMap<String, Option<String>> = BTreeMap::new();
        for key in self.backend.keys()? {
            if key.starts_with(&entry_prefix) {
                found.insert(key, None);
            } else if self.ns.owns(&key) {
                if let Some(raw) = self.backend.get(&key)? {
                    found.insert(key, Some(raw));
                }
            }
        }
        found.remove(&self.ns.lock_key());
        self.seen.clear();
        let mut problems = Vec::new();
        let collections = Collections {
            settings: self.load_collection(&mut found, &mut problems),
            preferences: self.load_collection(&mut found, &mut problems),
            vocabulary: self.load_collection(&mut found, &mut problems),
            templates: self.load_collection(&mut found, &mut problems),
            threads: self.load_collection(&mut found, &mut problems),
            embeddedness: self.load_collection(&mut found, &mut problems),
            wellbeing: self.load_collection(&mut found, &mut problems),
        };
        let index_key = self.ns.index_key();
        let shard_prefix = format!("{index_key}.");
        let index_keys: Vec<String> = found
            .keys()
            .filter(|k| **k == index_key || k.starts_with(&shard_prefix))
            .cloned()
            .collect();
        let mut listed = Listing::new();
        for key in index_keys {
            let Some(Some(raw)) = found.remove(&key) else {
                continue;
            };
            match self.read(&key, &raw, decode_index) {
                Ok((revision, shard)) => {
                    self.seen.insert(key, Seen::At(revision));
                    add_shard(&mut listed, shard);
                }
                Err(reason) => self.unreadable(&key, raw, reason, &mut problems),
            }
        }
        let draft_prefix = self.ns.draft_prefix();
        let set_aside_prefix = self.ns.set_aside_prefix();
        let dismissals_key = self.ns.key(Dismissals::NAME);
        let mut entries = Vec::new();
        self.index.clear();
        let mut unread = Vec::new();
        for (key, raw) in found {
            let Some(raw) = raw else {
                // A reflection: decoded now unless the index gives its place.
                let id = key.strip_prefix(&entry_prefix).and_then(EntryId::parse);
                match id.map(|id| (listed.get(&id).copied().flatten(), id)) {
                    // `load` (everything) decodes each at once: picking them newest first
                    // below would scan the list once for each.
                    Some((Some(place), id)) if first != usize::MAX => unread.push((place, id, key)),
                    Some((_, id)) => {
                        self.read_entry(id, key, &mut entries, &mut problems)?;
                    }
                    None => {
                        if let Some(raw) = self.backend.get(&key)? {
                            let reason = "its name is not a valid entry id".to_owned();
                            self.unreadable(&key, raw, reason, &mut problems);
                        }
                    }
                }
                continue;
            };
            if key.starts_with(&draft_prefix) {
                // Only the envelope: a draft's words are read when the editor opens it
                // (`load_draft`), which reports damage in them then.
                if let Err(reason) = self.read(&key, &raw, check_draft) {
                    self.unreadable(&key, raw, reason, &mut problems);
                }
            } else if key.starts_with(&set_aside_prefix) {
                problems.push(Problem::Copy { key });
            } else if key == dismissals_key {
                // Dismissed nudges are read when a page needs them (`collection_now`),
                // so the first load carries none of their decoding: here only their
                // envelope is checked, and their revision noted.
                match self.read(&key, &raw, check_dismissals) {
                    Ok((revision, ())) => {
                        self.seen.insert(key, Seen::At(revision));
                    }
                    Err(reason) => self.unreadable(&key, raw, reason, &mut problems),
                }
            } else {
                let reason = "it is not a kind of record this version of Anchorpoint knows".into();
                self.unreadable(&key, raw, reason, &mut problems);
            }
        }
        // The first page: the newest unread reflections until `first` have been decoded
        // (a damaged one does not count), the rest kept for `read_more`, in no order (the
        // journal sorts them when they join it). Picked by a scan for each, not a sort:
        // ten scans of a few thousand places take well under a millisecond, and a sort
        // of this type would add its own code to the first load.
        let mut decoded = 0;
        while decoded < first {
            let newest = unread
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| newest_first((&a.0, &a.1), (&b.0, &b.1)))
                .map(|(at, _)| at);
            let Some((_, id, key)) = newest.map(|at| unread.swap_remove(at)) else {
                break;
            };
            decoded += usize::from(self.read_entry(id, key, &mut entries, &mut problems)?);
        }
        for (place, id, _) in &unread {
            self.index.insert(id.clone(), Some(*place));
        }
        self.unread = unread;
        for id in listed.into_keys() {
            if !self.index.contains_key(&id) {
                problems.push(Problem::Missing { id });
            }
        }
        Ok(Loaded {
            journal: Journal::from_entries(entries),
            collections,
            problems,
        })
    }

    /// Reads and decodes one stored reflection, as loading does: into `entries` with its
    /// revision taken as seen and its place in the index, or reported and left where it
    /// is (listed without a place). Returns whether it was decoded. A reflection removed
    /// since its key was listed (by another tab, which then tells this one to load again)
    /// is simply not there.
    fn read_entry(
        &mut self,
        id: EntryId,
        key: String,
        entries: &mut Vec<Entry>,
        problems: &mut Vec<Problem>,
    ) -> Result<bool, StorageError> {
        let Some(raw) = self.backend.get(&key)? else {
            return Ok(false);
        };
        let place = match self.read(&key, &raw, decode_entry) {
            Ok((revision, entry)) if entry.id == id => {
                self.seen.insert(key, Seen::At(revision));
                let place = Place::of(&entry);
                entries.push(entry);
                Some(place)
            }
            Ok(_) => {
                let reason =
                    "it holds a different reflection from the one its name says".to_owned();
                self.unreadable(&key, raw, reason, problems);
                None
            }
            Err(reason) => {
                self.unreadable(&key, raw, reason, problems);
                None
            }
        };
        self.index.insert(id, place);
        Ok(place.is_some())
    }

    /// How many reflections loading left undecoded.
    pub fn unread(&self) -> usize {
        self.unread.len()
    }

    /// Decodes up to `count` more of the reflections [`Store::load_first`] left, in no
    /// particular order, with the same rules as loading: what cannot be read is reported and left
    /// where it is.
    pub fn read_more(&mut self, count: usize) -> Result<(Vec<Entry>, Vec<Problem>), StorageError> {
        let (mut entries, mut problems) = (Vec::new(), Vec::new());
        for _ in 0..count {
            let Some((place, id, key)) = self.unread.pop() else {
                break;
            };
            if let Err(e) = self.read_entry(id.clone(), key.clone(), &mut entries, &mut problems) {
                // Left for the next try, as it was.
                self.unread.push((place, id, key));
                return Err(e);
            }
        }
        Ok((entries, problems))
    }

    /// Reads the namespace for showing what another tab saved, without taking its
    /// revisions as seen: a page still open on older values must not then overwrite them.
    pub fn peek(&mut self) -> Result<Loaded, StorageError> {
        let seen = self.seen.clone();
        let index = self.index.clone();
        let unread = std::mem::take(&mut self.unread);
        let loaded = self.load();
        self.seen = seen;
        self.index = index;
        self.unread = unread;
        loaded
    }

    /// The revision stored under a key now (`None` when absent or unreadable): what a
    /// page that opens a record bases its change on.
    pub fn revision_now(&self, key: &str) -> Result<Option<u64>, StorageError> {
        let raw = self.backend.get(key)?;
        Ok(self
            .stored_revision(key, raw.as_deref())
            .and_then(Result::ok))
    }

    /// Whether this tab has seen the latest write of a key.
    pub fn is_current(&self, key: &str) -> Result<bool, StorageError> {
        let now = self.revision_now(key)?;
        Ok(match (self.seen.get(key), now) {
            // Still the damaged value found at load: the commit copies it aside.
            (Some(Seen::Unreadable { raw, .. }), _) => {
                self.backend.get(key)?.as_deref() == Some(raw.as_str())
            }
            (Some(Seen::At(seen)), Some(now)) => *seen == now,
            (None, None) => self.backend.get(key)?.is_none(),
            _ => false,
        })
    }

    /// The revision stored under a key now: `Ok(None)` when absent, `Err` with the raw
    /// value when it cannot be read.
    fn stored_revision(&self, _key: &str, raw: Option<&str>) -> Option<Result<u64, ()>> {
        raw.map(|raw| {
            if raw.starts_with('{') {
                return Ok(0);
            }
            match codec::header(raw) {
                Some(Ok(h)) if h.version <= codec::FRAME_VERSION => Ok(h.revision),
                _ => Err(()),
            }
        })
    }

    /// Whether the last load found a record written by a newer version of Anchorpoint.
    /// Then this store changes no record (drafts, each tab's own and never read by
    /// another version as a record, are still kept, so typing is never lost).
    pub fn read_only(&self) -> bool {
        self.seen
            .values()
            .any(|s| matches!(s, Seen::Unreadable { newer: true, .. }))
    }

    /// Checks a key before it is written or removed: has another tab written it since this
    /// tab read it? Returns the revision to write next.
    fn check(
        &self,
        key: &str,
        current: Option<&str>,
        overriding: bool,
        base: Option<Option<u64>>,
    ) -> Result<u64, Check> {
        let stored = self.stored_revision(key, current);
        if let (Some(base), false, Some(Seen::At(_)) | None) =
            (base, overriding, self.seen.get(key))
        {
            return match (base, stored) {
                (None, None) => Ok(1),
                (Some(b), Some(Ok(now))) if b == now => Ok(now + 1),
                _ => Err(Check::Conflict),
            };
        }
        match (self.seen.get(key), stored) {
            (Some(Seen::Unreadable { newer: true, .. }), _) => Err(Check::Newer),
            (Some(Seen::Unreadable { raw, .. }), Some(_)) if Some(raw.as_str()) == current => {
                // Still the damaged value found at load: copy it aside first.
                Ok(0)
            }
            (_, Some(Err(()))) => {
                if current
                    .and_then(codec::header)
                    .is_some_and(|h| h.is_ok_and(|h| h.version > codec::FRAME_VERSION))
                {
                    Err(Check::Newer)
                } else {
                    Err(Check::Conflict)
                }
            }
            _ if overriding => Ok(match stored {
                Some(Ok(r)) => r + 1,
                _ => 1,
            }),
            (Some(Seen::At(seen)), Some(Ok(now))) if *seen == now => Ok(now + 1),
            (None, None) => Ok(1),
            _ => Err(Check::Conflict),
        }
    }

    /// Writes a batch all or nothing. Nothing is written if any key was changed by another
    /// tab since this one read it ([`StorageError::Conflict`], naming every such key) or was
    /// written by a newer version ([`StorageError::Newer`]). Damaged values about to be
    /// replaced are first copied aside under keys of their own. Entries go before the
    /// index and removals after it, so a tab killed half-way never leaves the index
    /// pointing at nothing. Every written key is read back; on any failure every key
    /// touched is put back as it was.
    pub fn commit(&mut self, batch: Batch) -> Result<(), StorageError> {
        if batch.is_empty() {
            return Ok(());
        }
        if !self.unread.is_empty() {
            // One of them may be from a newer version, or damaged: the caller reads them
            // all first (`read_more`). Never reached from the app, which does.
            return Err(StorageError::Failed(
                "the journal had not finished loading".to_owned(),
            ));
        }
        if self.read_only() || self.pending_newer()? {
            return Err(StorageError::ReadOnly);
        }
        self.check_lock()?;
        // 1. Plan: check every key against what this tab has seen.
        let mut conflicts = Vec::new();
        let mut planned: Vec<(String, Option<String>)> = Vec::new(); // key, value to store
        let mut copies: Vec<(String, String)> = Vec::new();
        let mut revisions: BTreeMap<String, Option<u64>> = BTreeMap::new();
        for op in &batch.ops {
            let key = match op {
                Op::Put { key, .. } | Op::Remove { key } => key,
            };
            let current = self.backend.get(key)?;
            let overriding = batch.overrides.contains(key);
            let base = batch.bases.get(key).copied();
            let next = match self.check(key, current.as_deref(), overriding, base) {
                Ok(next) => next,
                Err(Check::Newer) => return Err(StorageError::Newer(key.clone())),
                Err(Check::Conflict) => {
                    conflicts.push(key.clone());
                    continue;
                }
            };
            if let Some(Seen::Unreadable { raw, .. }) = self.seen.get(key) {
                if current.as_deref() == Some(raw.as_str()) {
                    copies.push((key.clone(), raw.clone()));
                }
            }
            match op {
                Op::Put { json, .. } => {
                    planned.push((key.clone(), Some(self.codec.encode(key, next, json)?)));
                    revisions.insert(key.clone(), Some(next));
                }
                Op::Remove { .. } => {
                    planned.push((key.clone(), None));
                    revisions.insert(key.clone(), None);
                }
            }
        }
        if !conflicts.is_empty() {
            return Err(StorageError::Conflict(conflicts));
        }
        // Deleting an entry removes every tab's draft of it: its words go with it.
        let mut draft_removals = Vec::new();
        if !batch.removed.is_empty() {
            let prefix = self.ns.draft_prefix();
            for key in self.backend.keys()? {
                if let Some(rest) = key.strip_prefix(&prefix) {
                    let slot = rest.split_once('.').map_or(rest, |(_, slot)| slot);
                    if batch.removed.iter().any(|id| id.as_str() == slot) {
                        draft_removals.push(key);
                    }
                }
            }
        }
        // The index, in shards: each shard touched is what is stored now, plus this
        // batch's new entries (or their new places), less its deletes. Shards are not
        // revision-checked: they only list ids and places, every tab may add to them, and
        // loading finds every entry key without them. A single index from formats 1 to 3
        // is replaced by shards at the first write that touches the index.
        let legacy_key = self.ns.index_key();
        let legacy = self.backend.get(&legacy_key)?;
        // Ids learnt from stored shards (other tabs' entries), added to `self.index` on
        // success. The index itself is not cloned: a commit costs the same with ten
        // reflections stored as with ten thousand.
        let mut learnt = Listing::new();
        let mut affected: BTreeSet<u8> = batch
            .added
            .iter()
            .filter(|(id, place)| self.index.get(*id) != Some(&Some(**place)))
            .map(|(id, _)| id)
            .chain(batch.removed.iter())
            .map(shard_of)
            .collect();
        let convert = legacy.is_some() && !affected.is_empty();
        if convert {
            affected.extend(self.index.keys().chain(batch.added.keys()).map(shard_of));
        }
        let mut shard_writes: Vec<ShardWrite> = Vec::new();
        for shard in affected {
            let key = self.ns.shard_key(shard);
            let stored = self.backend.get(&key)?;
            let cached = self
                .shards
                .get(&shard)
                .filter(|(raw, _, _)| stored.as_deref() == Some(raw.as_str()))
                .map(|(_, revision, listing)| Ok((*revision, listing.clone())));
            let readable = cached.or_else(|| {
                stored.as_deref().map(|raw| {
                    self.read(&key, raw, decode_index).map(|(revision, shard)| {
                        let mut listing = Listing::new();
                        add_shard(&mut listing, shard);
                        (revision, listing)
                    })
                })
            });
            let (mut ids, revision, rebuild): (Listing, u64, bool) = match readable {
                Some(Ok((revision, listing))) => (listing, revision, convert),
                Some(Err(_)) => {
                    if let Some(raw) = &stored {
                        copies.push((key.clone(), raw.clone()));
                    }
                    (Listing::new(), 0, true)
                }
                None => (Listing::new(), 0, convert),
            };
            let before = ids.clone();
            // Places this tab knows fill those a shard lacks (one written by a version
            // before places, or by a tab that had not read them).
            for (id, place) in &mut ids {
                if place.is_none() {
                    *place = self.index.get(id).copied().flatten();
                }
            }
            learnt.extend(ids.iter().map(|(id, place)| (id.clone(), *place)));
            if rebuild {
                // A damaged shard, or the move from the single index: list what is known.
                ids.extend(
                    self.index
                        .iter()
                        .filter(|(id, _)| shard_of(id) == shard)
                        .map(|(id, place)| (id.clone(), *place)),
                );
            }
            ids.extend(
                batch
                    .added
                    .iter()
                    .filter(|(id, _)| shard_of(id) == shard)
                    .map(|(id, place)| (id.clone(), Some(*place))),
            );
            for id in batch.removed.iter().filter(|id| shard_of(id) == shard) {
                ids.remove(id);
            }
            if ids != before || stored.is_none() {
                let next = revision + 1;
                shard_writes.push((
                    key.clone(),
                    self.codec
                        .encode(&key, next, &encode_index(&shard_of_listing(&ids)))?,
                    next,
                    shard,
                    ids,
                ));
            }
        }
        if convert {
            if let Some(raw) = &legacy {
                if self.read(&legacy_key, raw, decode_index).is_err() {
                    copies.push((legacy_key.clone(), raw.clone()));
                }
            }
        }

        // 2. Write, in an order that is safe to interrupt.
        let mut sequence: Vec<(String, Option<String>)> = Vec::new();
        for (from, raw) in &copies {
            sequence.push((self.next_set_aside_key(from, &sequence)?, Some(raw.clone())));
        }
        sequence.extend(planned.iter().filter(|(_, v)| v.is_some()).cloned());
        for (key, value, ..) in &shard_writes {
            sequence.push((key.clone(), Some(value.clone())));
        }
        if convert {
            sequence.push((legacy_key.clone(), None));
        }
        sequence.extend(planned.iter().filter(|(_, v)| v.is_none()).cloned());
        sequence.extend(draft_removals.into_iter().map(|k| (k, None)));

        self.write_all(&sequence)?;

        // 4. Remember what this tab now knows.
        for (key, revision) in revisions {
            match revision {
                Some(r) => self.seen.insert(key, Seen::At(r)),
                None => self.seen.remove(&key),
            };
        }
        for (key, value, revision, shard, ids) in shard_writes {
            self.seen.insert(key, Seen::At(revision));
            self.shards.insert(shard, (value, revision, ids));
        }
        if convert {
            self.seen.remove(&legacy_key);
        }
        for (id, place) in learnt {
            // A place this tab read itself is as new as any in a shard.
            let known = self.index.entry(id).or_insert(place);
            if known.is_none() {
                *known = place;
            }
        }
        self.index.extend(
            batch
                .added
                .iter()
                .map(|(id, place)| (id.clone(), Some(*place))),
        );
        for id in &batch.removed {
            self.index.remove(id);
        }
        Ok(())
    }

    /// Writes (or removes) every key in order, then reads every one back; on any failure
    /// every key touched is put back as it was, last first.
    fn write_all(&self, sequence: &[(String, Option<String>)]) -> Result<(), StorageError> {
        let mut touched: Vec<(String, Option<String>)> = Vec::new();
        let result = (|| {
            for (key, value) in sequence {
                touched.push((key.clone(), self.backend.get(key)?));
                match value {
                    Some(value) => self.backend.set(key, value)?,
                    None => self.backend.remove(key)?,
                }
            }
            // 3. Read everything back.
            for (key, value) in sequence {
                if self.backend.get(key)?.as_ref() != value.as_ref() {
                    return Err(StorageError::NotVerified);
                }
            }
            Ok(())
        })();
        if result.is_err() {
            for (key, previous) in touched.iter().rev() {
                self.restore(key, previous.as_deref());
            }
        }
        result
    }

    /// A key for a set-aside copy that no earlier copy has: `setaside.<name>.<n>`.
    fn next_set_aside_key(
        &self,
        from: &str,
        planned: &[(String, Option<String>)],
    ) -> Result<String, StorageError> {
        let name = from.strip_prefix(self.ns.prefix).unwrap_or(from);
        let base = format!("{}{name}.", self.ns.set_aside_prefix());
        let taken: BTreeSet<String> = self
            .backend
            .keys()?
            .into_iter()
            .chain(planned.iter().map(|(k, _)| k.clone()))
            .collect();
        Ok((1u32..)
            .map(|n| format!("{base}{n}"))
            .find(|k| !taken.contains(k))
            .unwrap_or(base))
    }

    /// Saves one entry, new or edited.
    pub fn save_entry(&mut self, entry: &Entry) -> Result<(), StorageError> {
        let batch = Batch::new().entry(&self.ns, entry);
        self.commit(batch)
    }

    /// Deletes one entry and every tab's draft of it.
    pub fn delete_entry(&mut self, id: &EntryId) -> Result<(), StorageError> {
        let batch = Batch::new().delete(&self.ns, id);
        self.commit(batch)
    }

    /// Replaces one collection's stored value.
    pub fn save_collection<C: StoredCollection>(&mut self, value: &C) -> Result<(), StorageError> {
        let batch = Batch::new().collection(&self.ns, value);
        self.commit(batch)
    }

    /// The entry as stored now, whoever wrote it, with its revision: for showing the
    /// other version in a conflict.
    pub fn stored_entry(&self, id: &EntryId) -> Result<Option<Entry>, StorageError> {
        let key = self.ns.entry_key(id);
        Ok(match self.backend.get(&key)? {
            Some(raw) => self.read(&key, &raw, decode_entry).ok().map(|(_, e)| e),
            None => None,
        })
    }

    /// A collection as stored now, whoever wrote it (`None` if it cannot be read): for
    /// merging after a conflict.
    pub fn stored_collection<C: StoredCollection>(&self) -> Result<Option<C>, StorageError> {
        Ok(self.collection_now::<C>()?.ok())
    }

    /// A collection as stored now, or the problem that stops it being read, without
    /// taking anything as seen: for a collection read when a page needs it (dismissals).
    pub fn collection_now<C: StoredCollection>(&self) -> Result<Result<C, Problem>, StorageError> {
        let key = self.ns.key(C::NAME);
        Ok(match self.backend.get(&key)? {
            Some(raw) => match self.read(&key, &raw, C::decode) {
                Ok((_, c)) => Ok(c),
                Err(reason) => Err(Problem::SetAside { key, reason }),
            },
            None => Ok(C::default()),
        })
    }

    /// A collection as stored now, for a change made straight onto it and committed at
    /// once (dismissals): its stored revision is taken as the base. A value that cannot be
    /// read is treated as a load that found it would: kept as seen damaged, so the change
    /// starts from empty and the commit copies the damaged value aside first (one from a
    /// newer version is never written over). The problem comes back, to be reported.
    pub fn collection_for_change<C: StoredCollection>(
        &mut self,
    ) -> Result<(C, Option<Problem>), StorageError> {
        let key = self.ns.key(C::NAME);
        match self.collection_now::<C>()? {
            Ok(value) => {
                self.accept_stored(&key)?;
                Ok((value, None))
            }
            Err(Problem::SetAside { reason, .. }) => {
                let raw = self.backend.get(&key)?.unwrap_or_default();
                let mut problems = Vec::new();
                self.unreadable(&key, raw, reason, &mut problems);
                Ok((C::default(), problems.pop()))
            }
            Err(other) => Ok((C::default(), Some(other))),
        }
    }

    /// Takes the stored revision of a key as seen, after the worker has looked at the
    /// other tab's version (take theirs, or a merge built on it).
    pub fn accept_stored(&mut self, key: &str) -> Result<(), StorageError> {
        match self.backend.get(key)? {
            Some(raw) => {
                if let Ok(opened) = self.open(key, &raw) {
                    self.seen.insert(key.to_owned(), Seen::At(opened.revision));
                }
            }
            None => {
                self.seen.remove(key);
            }
        }
        Ok(())
    }

    pub fn collection_key<C: StoredCollection>(&self) -> String {
        self.ns.key(C::NAME)
    }

    /// This tab's id, as its drafts are keyed.
    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// Takes a new tab id, when this tab turned out to be a duplicate of another: its
    /// drafts from now on live under the new id.
    pub fn set_tab(&mut self, tab: &str) {
        tab.clone_into(&mut self.tab);
    }

    fn draft_key(&self, slot: &DraftSlot) -> String {
        format!("{}{}.{}", self.ns.draft_prefix(), self.tab, slot.name())
    }

    /// This tab's draft in a slot as stored, key and value: a draft written before drafts
    /// were per tab (`draft.<slot>`) counts as this tab's too, so it is never stranded.
    fn stored_draft(&self, slot: &DraftSlot) -> Result<Option<(String, String)>, StorageError> {
        for key in [
            self.draft_key(slot),
            format!("{}{}", self.ns.draft_prefix(), slot.name()),
        ] {
            if let Some(raw) = self.backend.get(&key)? {
                return Ok(Some((key, raw)));
            }
        }
        Ok(None)
    }

    /// Whether this tab has a draft in a slot that is ours and of a version this code
    /// reads (its words are not read: see [`check_draft`]).
    pub fn has_draft(&self, slot: &DraftSlot) -> Result<bool, StorageError> {
        Ok(self
            .stored_draft(slot)?
            .is_some_and(|(key, raw)| self.read(&key, &raw, check_draft).is_ok()))
    }

    /// This tab's unsaved draft in a slot. A draft whose words cannot be read comes back
    /// as [`DraftFound::Damaged`], with the problem to report: it stays where it is until
    /// the worker's next draft copies it aside ([`Store::save_draft`]).
    pub fn load_draft(&self, slot: &DraftSlot) -> Result<DraftFound, StorageError> {
        let Some((key, raw)) = self.stored_draft(slot)? else {
            return Ok(DraftFound::None);
        };
        Ok(match self.read(&key, &raw, decode_draft) {
            Ok((_, draft)) => DraftFound::Draft(Box::new(draft)),
            Err(reason) => DraftFound::Damaged(Problem::SetAside { key, reason }),
        })
    }

    /// Every readable draft of every tab, named `<tab>.<slot>` (their keys without
    /// `draft.`), in key order: what a backup keeps. A draft that cannot be read is
    /// reported at load and left out here.
    pub fn all_drafts(&self) -> Result<Vec<(String, StoredDraft)>, StorageError> {
        let prefix = self.ns.draft_prefix();
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        let mut found = Vec::new();
        for key in keys {
            if let Some(raw) = self.backend.get(&key)? {
                if let Ok((_, draft)) = self.read(&key, &raw, decode_draft) {
                    found.push((key[prefix.len()..].to_owned(), draft));
                }
            }
        }
        Ok(found)
    }

    /// Unsaved drafts of the same slot that other tabs left, newest first.
    pub fn other_drafts(&self, slot: &DraftSlot) -> Result<Vec<OtherDraft>, StorageError> {
        let mine = self.draft_key(slot);
        let legacy = format!("{}{}", self.ns.draft_prefix(), slot.name());
        let suffix = format!(".{}", slot.name());
        let prefix = self.ns.draft_prefix();
        let mut found = Vec::new();
        for key in self.backend.keys()? {
            if key == mine || key == legacy || !key.starts_with(&prefix) || !key.ends_with(&suffix)
            {
                continue;
            }
            if let Some(raw) = self.backend.get(&key)? {
                if let Ok((_, draft)) = self.read(&key, &raw, decode_draft) {
                    found.push(OtherDraft { key, draft });
                }
            }
        }
        found.sort_by_key(|d| std::cmp::Reverse(d.draft.saved_at));
        Ok(found)
    }

    /// Keeps this tab's draft. A damaged value under the same key is copied aside first.
    pub fn save_draft(&mut self, draft: &StoredDraft) -> Result<(), StorageError> {
        let key = self.draft_key(&DraftSlot::of(draft));
        self.check_lock()?;
        let value = self.codec.encode(&key, 0, &encode_draft(draft))?;
        if let Some(raw) = self.backend.get(&key)? {
            if self.read(&key, &raw, decode_draft).is_err() {
                let copy = self.next_set_aside_key(&key, &[])?;
                self.write_checked(&copy, &raw)?;
            }
        }
        self.write_checked(&key, &value)
    }

    /// Removes this tab's draft of a slot (and a draft from before drafts were per tab).
    pub fn discard_draft(&mut self, slot: &DraftSlot) -> Result<(), StorageError> {
        let legacy = format!("{}{}", self.ns.draft_prefix(), slot.name());
        for key in [self.draft_key(slot), legacy] {
            if let Some(raw) = self.backend.get(&key)? {
                // A damaged draft is kept: nothing is deleted that could not be read.
                if self.read(&key, &raw, decode_draft).is_ok() {
                    self.backend.remove(&key)?;
                }
            }
        }
        Ok(())
    }

    /// Removes another tab's draft once this tab has taken its words.
    pub fn discard_other_draft(&mut self, key: &str) -> Result<(), StorageError> {
        if key.starts_with(&self.ns.draft_prefix()) {
            self.backend.remove(key)?;
        }
        Ok(())
    }

    /// The raw text of every value named in `problems`, so the worker can download them.
    pub fn raw_values(&self, problems: &[Problem]) -> Vec<(String, String)> {
        problems
            .iter()
            .filter_map(Problem::key)
            .filter_map(|key| {
                self.backend
                    .get(key)
                    .ok()
                    .flatten()
                    .map(|raw| (key.to_owned(), raw))
            })
            .collect()
    }

    /// Removes set-aside copies (only copies, never a record) after the worker downloaded
    /// them. Returns how many were removed.
    pub fn remove_copies(&mut self, keys: &[String]) -> Result<usize, StorageError> {
        let prefix = self.ns.set_aside_prefix();
        let mut removed = 0;
        for key in keys.iter().filter(|k| k.starts_with(&prefix)) {
            self.backend.remove(key)?;
            removed += 1;
        }
        Ok(removed)
    }

    /// Removes every key this namespace owns (records, index, drafts of every tab,
    /// set-aside copies) and no other, then checks that none is left. For a space meant
    /// to be thrown away, such as a workshop's; never called on the journal. Returns how
    /// many keys were removed.
    pub fn wipe(&mut self) -> Result<usize, StorageError> {
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| self.ns.owns(k))
            .collect();
        for key in &keys {
            self.backend.remove(key)?;
        }
        self.index.clear();
        self.unread.clear();
        self.seen.clear();
        self.shards.clear();
        if self.backend.keys()?.iter().any(|k| self.ns.owns(k)) {
            return Err(StorageError::NotVerified);
        }
        Ok(keys.len())
    }

    /// Writes a value and reads it back; a write is only done when the browser returns
    /// exactly what was written.
    fn write_checked(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let previous = self.backend.get(key)?;
        let result = self
            .backend
            .set(key, value)
            .map_err(StorageError::from)
            .and_then(|()| match self.backend.get(key)? {
                Some(stored) if stored == value => Ok(()),
                _ => Err(StorageError::NotVerified),
            });
        if result.is_err() {
            self.restore(key, previous.as_deref());
        }
        result
    }

    /// Puts a key back as it was after a failed write. If even that fails, the newer copy
    /// stays, which is still the worker's own words; the failure itself was reported.
    fn restore(&self, key: &str, previous: Option<&str>) {
        let restored = match previous {
            Some(raw) => self.backend.set(key, raw),
            None => self.backend.remove(key),
        };
        debug_assert!(restored.is_ok() || previous.is_some());
    }
}

/// How many shards the index is split into.
const SHARDS: u16 = 256;

/// Which index shard an id is listed in (FNV-1a of its text).
fn shard_of(id: &EntryId) -> u8 {
    let hash = id.as_str().bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (hash % u32::from(SHARDS)) as u8
}

/// Why a key cannot be written.
enum Check {
    Conflict,
    Newer,
}

mod lock;

#[cfg(test)]
mod tests;
