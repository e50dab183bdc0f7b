//! Stored record formats. Everything Anchorpoint writes to storage is a JSON envelope
//! `{"app":"anchorpoint","kind":"entry","v":1,"data":{...}}`. The envelope says what the
//! record is and which format version wrote it, so later versions can migrate, compress
//! or encrypt `data` without guessing. Stored types are frozen per version (`v1::*`,
//! `v2::*`, `v3::*`), older versions are migrated on reading, and they are kept
//! separate from the domain types, because stored data outlives the code that wrote it:
//! the domain may change freely, a stored format never does. Frozen fixtures of each
//! version live in `tests/fixtures/` and must keep decoding.
//!
//! Format 4 keeps the entry and draft shapes of format 3 and freezes the collections'
//! shapes in [`super::frozen`]. From format 4 the storage layer wraps each envelope in a
//! frame with a revision and compresses it (`storage::codec`); the envelopes here stay
//! plain JSON, so no encoder knows how records are kept.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

use super::entry::{Answer, Draft, Entry, JudgementCall, Section, TemplateUse};
use super::journal::Place;

use super::dismissals::Dismissals;
use super::frozen::{
    Dismissals1, Embeddedness4, Frozen, Preferences4, Settings4, Templates4, Threads4, Vocabulary4,
    Wellbeing4,
};
use super::ids::{EntryId, PromptKey, TagId, TemplateId, ThreadId};
use super::templates::PromptRole;

/// The format version this code writes.
pub const FORMAT_VERSION: u32 = 4;

/// The marker that tells our records from other values on the same site.
const APP: &str = "anchorpoint";

/// What kind of record an envelope holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Entry,
    Index,
    Draft,
    Settings,
    Vocabulary,
    Templates,
    Threads,
    Embeddedness,
    Wellbeing,
    Preferences,
    Dismissals,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Entry => "entry",
            Kind::Index => "index",
            Kind::Draft => "draft",
            Kind::Settings => "settings",
            Kind::Vocabulary => "vocabulary",
            Kind::Templates => "templates",
            Kind::Threads => "threads",
            Kind::Embeddedness => "embeddedness",
            Kind::Wellbeing => "wellbeing",
            Kind::Preferences => "preferences",
            Kind::Dismissals => "dismissals",
        }
    }
}

/// Why a stored value could not be read. Worded to finish the sentence "This record
/// could not be read because …".
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("it is not in a format Anchorpoint understands ({0})")]
    NotJson(String),
    #[error("it was not written by Anchorpoint")]
    Foreign,
    #[error("it is a {found} record where an {expected} record was expected")]
    WrongKind {
        expected: &'static str,
        found: String,
    },
    #[error(
        "it was written by a newer version of Anchorpoint (format {0}); update the app to read it"
    )]
    Newer(u32),
    #[error("its contents are damaged ({0})")]
    Malformed(String),
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    app: &'static str,
    kind: &'static str,
    v: u32,
    data: &'a T,
}

/// An envelope as read: its data is left as the raw JSON text it was (borrowed from the
/// stored value), so it is parsed once, straight into the frozen type its version names.
/// Going through `serde_json::Value` instead built a tree of every record only to take it
/// apart again, and carried a second deserialiser for every stored type into the bundle.
#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    app: Option<String>,
    kind: Option<String>,
    v: Option<u32>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
}

fn encode<T: Serialize>(kind: Kind, data: &T) -> String {
    encode_as(kind, FORMAT_VERSION, data)
}

/// As [`encode`], for a record with a version of its own (dismissals).
fn encode_as<T: Serialize>(kind: Kind, v: u32, data: &T) -> String {
    let envelope = EnvelopeOut {
        app: APP,
        kind: kind.as_str(),
        v,
        data,
    };
    // Serialising plain structs of strings, numbers and dates cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Opens an envelope and returns its format version and data, checking everything but
/// the data's shape.
fn open(raw: &str, kind: Kind) -> Result<(u32, &RawValue), DecodeError> {
    let envelope: EnvelopeIn =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    if envelope.app.as_deref() != Some(APP) {
        return Err(DecodeError::Foreign);
    }
    let found = envelope.kind.unwrap_or_default();
    if found != kind.as_str() {
        return Err(DecodeError::WrongKind {
            expected: kind.as_str(),
            found,
        });
    }
    let v = envelope
        .v
        .ok_or_else(|| DecodeError::Malformed("no format version".into()))?;
    if v > FORMAT_VERSION {
        return Err(DecodeError::Newer(v));
    }
    if v == 0 {
        return Err(DecodeError::Malformed("format version 0".into()));
    }
    let data = envelope
        .data
        .ok_or_else(|| DecodeError::Malformed("no data".into()))?;
    Ok((v, data))
}

fn data<T: DeserializeOwned>(value: &RawValue) -> Result<T, DecodeError> {
    serde_json::from_str(value.get()).map_err(|e| DecodeError::Malformed(shape_error(&e)))
}

/// A shape error as the worker is told it: without the line and column inside the data,
/// which say nothing to them (and which reading through `serde_json::Value` never gave).
fn shape_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// Format version 1, frozen. Never change these types; add `v2` beside them and a
/// migration from v1 instead.
pub mod v1 {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Section {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prompt: Option<String>,
        pub text: String,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Entry {
        pub id: String,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub written_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub updated_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::day")]
        pub about: NaiveDate,
        pub sections: Vec<Section>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Index {
        pub ids: Vec<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Draft {
        /// The entry being edited, or none for a new entry.
        pub entry: Option<String>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub saved_at: DateTime<Utc>,
        pub day: String,
        pub month: String,
        pub year: String,
        pub text: String,
    }
}

/// Format version 2, frozen: version 1 plus the tags the worker chose and the cue
/// suggestions they dismissed, on entries and on drafts. The index is unchanged.
pub mod v2 {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Serialize};

    pub use super::v1::{Index, Section};

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Entry {
        pub id: String,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub written_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub updated_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::day")]
        pub about: NaiveDate,
        pub sections: Vec<Section>,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Draft {
        pub entry: Option<String>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub saved_at: DateTime<Utc>,
        pub day: String,
        pub month: String,
        pub year: String,
        pub text: String,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
    }
}

/// Format version 3, frozen: version 2 plus, on entries, the template used (its id and
/// name then), each answer's prompt key and role, and the answer to the end-of-entry
/// question; on drafts, the same plus the answers in progress and the threads to link.
///
/// Version 3 also brings the records that are not entries, each one value under its own
/// key: settings, custom tags, custom templates, holding threads, embeddedness check-ins
/// and wellbeing checks. Those are stored in the serde shape of their core types, which
/// their doc comments spell out; the frozen fixtures in `tests/fixtures/v3` pin that
/// shape, so a change to a core type that would break them fails the tests and must
/// come with frozen types here instead.
pub mod v3 {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Serialize};

    pub use super::v1::Index;

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TemplateUse {
        pub id: String,
        pub name: String,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Section {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub key: Option<String>,
        pub prompt: Option<String>,
        /// "learning", "action" or "other".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub role: Option<String>,
        pub text: String,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Entry {
        pub id: String,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub written_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub updated_at: DateTime<Utc>,
        #[serde(deserialize_with = "crate::core::stored_dates::day")]
        pub about: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub template: Option<TemplateUse>,
        pub sections: Vec<Section>,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
        /// "yes" or "no".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub judgement_call: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Answer {
        pub key: String,
        pub prompt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub hint: Option<String>,
        pub role: String,
        pub text: String,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Draft {
        pub entry: Option<String>,
        #[serde(deserialize_with = "crate::core::stored_dates::time")]
        pub saved_at: DateTime<Utc>,
        pub day: String,
        pub month: String,
        pub year: String,
        pub text: String,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub template: Option<TemplateUse>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub answers: Vec<Answer>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub judgement_call: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub threads: Vec<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Settings {
        pub end_question: bool,
        /// "weekly", "fortnightly", "monthly" or "never".
        pub check_in_interval: String,
        pub private_names: Vec<String>,
    }
}

/// Format version 4's draft, frozen: a version 3 draft and the stored revision of the
/// reflection it edits as it was when the edit began. A draft restored after a reload is
/// saved against that revision, so it can never silently replace what another tab saved
/// meanwhile. Every other format 4 record keeps its version 3 data shape (the collections
/// are pinned in [`super::frozen`]).
pub mod v4 {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Serialize};

    /// An index shard. `order`, added after format 4 was frozen (issue 11), gives each
    /// listed reflection's place in the journal (the day it is about, then when it was
    /// first written), in the same order as `ids`, so start-up can draw the first page
    /// without decoding every reflection. It is written only when every listed
    /// reflection's place is known, and left out otherwise (and by versions before it,
    /// which ignore it when reading): a shard without it is read as before, by decoding
    /// the reflections it lists.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Index {
        pub ids: Vec<String>,
        /// Empty when not written.
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "crate::core::stored_dates::places"
        )]
        pub order: Vec<(NaiveDate, DateTime<Utc>)>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Draft {
        #[serde(flatten)]
        pub draft: super::v3::Draft,
        /// `None` for a new reflection, and for drafts written before format 4.
        pub based_on: Option<u64>,
    }
}

/// A version 1 entry as version 2: it had no tags and nothing dismissed.
fn migrate_entry_v1(old: v1::Entry) -> v2::Entry {
    v2::Entry {
        id: old.id,
        written_at: old.written_at,
        updated_at: old.updated_at,
        about: old.about,
        sections: old.sections,
        tags: Vec::new(),
        dismissed: Vec::new(),
    }
}

fn migrate_draft_v1(old: v1::Draft) -> v2::Draft {
    v2::Draft {
        entry: old.entry,
        saved_at: old.saved_at,
        day: old.day,
        month: old.month,
        year: old.year,
        text: old.text,
        tags: Vec::new(),
        dismissed: Vec::new(),
    }
}

/// A version 2 entry as version 3: free writing (no template), its sections without
/// keys or roles, and the end-of-entry question not asked.
fn migrate_entry_v2(old: v2::Entry) -> v3::Entry {
    v3::Entry {
        id: old.id,
        written_at: old.written_at,
        updated_at: old.updated_at,
        about: old.about,
        template: None,
        sections: old
            .sections
            .into_iter()
            .map(|s| v3::Section {
                key: None,
                prompt: s.prompt,
                role: None,
                text: s.text,
            })
            .collect(),
        tags: old.tags,
        dismissed: old.dismissed,
        judgement_call: None,
    }
}

fn migrate_draft_v2(old: v2::Draft) -> v3::Draft {
    v3::Draft {
        entry: old.entry,
        saved_at: old.saved_at,
        day: old.day,
        month: old.month,
        year: old.year,
        text: old.text,
        tags: old.tags,
        dismissed: old.dismissed,
        template: None,
        answers: Vec::new(),
        judgement_call: None,
        threads: Vec::new(),
    }
}

fn tag_strings(tags: &[TagId]) -> Vec<String> {
    tags.iter().map(|t| t.as_str().to_owned()).collect()
}

fn malformed(what: &str, raw: &str) -> DecodeError {
    DecodeError::Malformed(format!("bad {what} {raw:?}"))
}

/// Stored tag ids back to `TagId`s. One that does not parse means the record is damaged:
/// dropping it silently would lose the worker's choice.
fn parse_tags(stored: Vec<String>) -> Result<Vec<TagId>, DecodeError> {
    stored
        .into_iter()
        .map(|s| TagId::parse(&s).ok_or_else(|| malformed("tag", &s)))
        .collect()
}

fn role_string(role: PromptRole) -> String {
    match role {
        PromptRole::Learning => "learning",
        PromptRole::Action => "action",
        PromptRole::Other => "other",
    }
    .to_owned()
}

fn parse_role(raw: Option<&str>) -> Result<PromptRole, DecodeError> {
    match raw {
        None | Some("other") => Ok(PromptRole::Other),
        Some("learning") => Ok(PromptRole::Learning),
        Some("action") => Ok(PromptRole::Action),
        Some(other) => Err(malformed("prompt role", other)),
    }
}

fn template_out(template: &Option<TemplateUse>) -> Option<v3::TemplateUse> {
    template.as_ref().map(|t| v3::TemplateUse {
        id: t.id.to_string(),
        name: t.name.clone(),
    })
}

fn template_in(stored: Option<v3::TemplateUse>) -> Result<Option<TemplateUse>, DecodeError> {
    stored
        .map(|t| {
            Ok(TemplateUse {
                id: TemplateId::parse(&t.id).ok_or_else(|| malformed("template id", &t.id))?,
                name: t.name,
            })
        })
        .transpose()
}

fn judgement_in(stored: Option<String>) -> Result<Option<JudgementCall>, DecodeError> {
    stored
        .map(|s| JudgementCall::parse(&s).ok_or_else(|| malformed("answer", &s)))
        .transpose()
}

fn key_in(raw: &str) -> Result<PromptKey, DecodeError> {
    PromptKey::parse(raw).ok_or_else(|| malformed("prompt key", raw))
}

pub fn encode_entry(entry: &Entry) -> String {
    let stored = v3::Entry {
        id: entry.id.to_string(),
        written_at: entry.written_at,
        updated_at: entry.updated_at,
        about: entry.about,
        template: template_out(&entry.template),
        sections: entry
            .sections
            .iter()
            .map(|s| v3::Section {
                key: s.key.as_ref().map(ToString::to_string),
                prompt: s.prompt.clone(),
                role: (s.role != PromptRole::Other).then(|| role_string(s.role)),
                text: s.text.clone(),
            })
            .collect(),
        tags: tag_strings(&entry.tags),
        dismissed: tag_strings(&entry.dismissed),
        judgement_call: entry.judgement_call.map(|j| j.id().to_owned()),
    };
    encode(Kind::Entry, &stored)
}

/// Reads an entry written by any format version, migrating older ones.
pub fn decode_entry(raw: &str) -> Result<Entry, DecodeError> {
    let (v, value) = open(raw, Kind::Entry)?;
    let stored: v3::Entry = match v {
        1 => migrate_entry_v2(migrate_entry_v1(data(value)?)),
        2 => migrate_entry_v2(data(value)?),
        _ => data(value)?,
    };
    let id = EntryId::parse(&stored.id).ok_or_else(|| malformed("id", &stored.id))?;
    let sections = stored
        .sections
        .into_iter()
        .map(|s| {
            Ok(Section {
                key: s.key.as_deref().map(key_in).transpose()?,
                prompt: s.prompt,
                role: parse_role(s.role.as_deref())?,
                text: s.text,
            })
        })
        .collect::<Result<Vec<_>, DecodeError>>()?;
    Ok(Entry {
        id,
        written_at: stored.written_at,
        updated_at: stored.updated_at,
        about: stored.about,
        sections,
        tags: parse_tags(stored.tags)?,
        dismissed: parse_tags(stored.dismissed)?,
        template: template_in(stored.template)?,
        judgement_call: judgement_in(stored.judgement_call)?,
    })
}

/// One index shard as read or written: the ids it lists and, when every one is known,
/// each reflection's place in the journal, in the same order as the ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexShard {
    pub ids: Vec<EntryId>,
    pub order: Option<Vec<Place>>,
}

pub fn encode_index(shard: &IndexShard) -> String {
    let stored = v4::Index {
        ids: shard.ids.iter().map(ToString::to_string).collect(),
        order: shard
            .order
            .iter()
            .flatten()
            .map(|p| (p.about, p.written_at))
            .collect(),
    };
    encode(Kind::Index, &stored)
}

/// Reads an index shard (the same ids in versions 1 to 4; the places from format 4 on).
/// Ids that are not valid are dropped here, with their places; their records, if any, are
/// still found by the storage scan and reported there. Places that do not match the ids
/// one for one make the shard damaged.
pub fn decode_index(raw: &str) -> Result<IndexShard, DecodeError> {
    let (_v, value) = open(raw, Kind::Index)?;
    let stored: v4::Index = data(value)?;
    let places: Option<Vec<Place>> = match stored.order.len() {
        0 => None,
        n if n != stored.ids.len() => {
            return Err(DecodeError::Malformed(format!(
                "it gives {n} places for {} reflections",
                stored.ids.len()
            )))
        }
        _ => Some(
            stored
                .order
                .into_iter()
                .map(|(about, written_at)| Place { about, written_at })
                .collect(),
        ),
    };
    let mut shard = IndexShard::default();
    let mut kept = Vec::new();
    for (i, s) in stored.ids.iter().enumerate() {
        if let Some(id) = EntryId::parse(s) {
            shard.ids.push(id);
            kept.push(i);
        }
    }
    shard.order = places.map(|p| kept.iter().map(|&i| p[i]).collect());
    Ok(shard)
}

/// An unsaved draft as kept in storage, so it survives a reload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDraft {
    pub entry: Option<EntryId>,
    pub saved_at: DateTime<Utc>,
    pub draft: Draft,
    /// The stored revision of the reflection being edited when the edit began.
    pub based_on: Option<u64>,
}

pub fn encode_draft(stored: &StoredDraft) -> String {
    let d = &stored.draft;
    let out = v3::Draft {
        entry: stored.entry.as_ref().map(ToString::to_string),
        saved_at: stored.saved_at,
        day: d.day.clone(),
        month: d.month.clone(),
        year: d.year.clone(),
        text: d.text.clone(),
        tags: tag_strings(&d.tags),
        dismissed: tag_strings(&d.dismissed),
        template: template_out(&d.template),
        answers: d
            .answers
            .iter()
            .map(|a| v3::Answer {
                key: a.key.to_string(),
                prompt: a.prompt.clone(),
                hint: a.hint.clone(),
                role: role_string(a.role),
                text: a.text.clone(),
            })
            .collect(),
        judgement_call: d.judgement_call.map(|j| j.id().to_owned()),
        threads: d.threads.iter().map(ToString::to_string).collect(),
    };
    encode(
        Kind::Draft,
        &v4::Draft {
            draft: out,
            based_on: stored.based_on,
        },
    )
}

/// Checks a draft's envelope (ours, a draft, a version this code reads) without reading
/// its words: what start-up and the journal page need, so the first load carries no
/// draft decoding (and none of the older drafts' migrations). The words are read, and
/// damage in them reported, when the editor opens the draft ([`decode_draft`]).
pub fn check_draft(raw: &str) -> Result<(), DecodeError> {
    open(raw, Kind::Draft).map(|_| ())
}

/// Reads a draft written by any format version, migrating older ones.
pub fn decode_draft(raw: &str) -> Result<StoredDraft, DecodeError> {
    let (v, value) = open(raw, Kind::Draft)?;
    let (stored, based_on): (v3::Draft, Option<u64>) = match v {
        1 => (migrate_draft_v2(migrate_draft_v1(data(value)?)), None),
        2 => (migrate_draft_v2(data(value)?), None),
        3 => (data(value)?, None),
        _ => {
            let d: v4::Draft = data(value)?;
            (d.draft, d.based_on)
        }
    };
    let entry = stored
        .entry
        .map(|s| EntryId::parse(&s).ok_or_else(|| malformed("id", &s)))
        .transpose()?;
    let answers = stored
        .answers
        .into_iter()
        .map(|a| {
            Ok(Answer {
                key: key_in(&a.key)?,
                prompt: a.prompt,
                hint: a.hint,
                role: parse_role(Some(&a.role))?,
                text: a.text,
            })
        })
        .collect::<Result<Vec<_>, DecodeError>>()?;
    let threads = stored
        .threads
        .into_iter()
        .map(|s| ThreadId::parse(&s).ok_or_else(|| malformed("thread id", &s)))
        .collect::<Result<Vec<_>, DecodeError>>()?;
    Ok(StoredDraft {
        entry,
        based_on,
        saved_at: stored.saved_at,
        draft: Draft {
            day: stored.day,
            month: stored.month,
            year: stored.year,
            text: stored.text,
            tags: parse_tags(stored.tags)?,
            dismissed: parse_tags(stored.dismissed)?,
            template: template_in(stored.template)?,
            answers,
            judgement_call: judgement_in(stored.judgement_call)?,
            threads,
        },
    })
}

// ---------------------------------------------------------------------------------------
// Records that are not entries (format 3 onwards)
// ---------------------------------------------------------------------------------------

/// Opens a record of a kind that first appeared in version 3 (preferences: 4), in its
/// frozen type. An older version number on one cannot be ours, so it is damaged, not
/// something to migrate. Versions 3 and 4 share the shape.
fn open_collection<F: Frozen>(raw: &str, kind: Kind) -> Result<F::Core, DecodeError> {
    let (v, value) = open(raw, kind)?;
    let first = if matches!(kind, Kind::Preferences) {
        4
    } else {
        3
    };
    if v < first {
        return Err(DecodeError::Malformed(format!(
            "a {} record cannot have format {v}",
            kind.as_str()
        )));
    }
    let stored: F = data(value)?;
    stored.into_core()
}

/// Encoders and decoders for the collections, each through its frozen type.
macro_rules! collection_record {
    ($encode:ident, $decode:ident, $frozen:ty, $kind:expr) => {
        pub fn $encode(value: &<$frozen as Frozen>::Core) -> String {
            encode($kind, &<$frozen>::from_core(value))
        }

        pub fn $decode(raw: &str) -> Result<<$frozen as Frozen>::Core, DecodeError> {
            open_collection::<$frozen>(raw, $kind)
        }
    };
}

collection_record!(encode_settings, decode_settings, Settings4, Kind::Settings);
collection_record!(
    encode_preferences,
    decode_preferences,
    Preferences4,
    Kind::Preferences
);
collection_record!(
    encode_vocabulary,
    decode_vocabulary,
    Vocabulary4,
    Kind::Vocabulary
);
collection_record!(
    encode_templates,
    decode_templates,
    Templates4,
    Kind::Templates
);
collection_record!(encode_threads, decode_threads, Threads4, Kind::Threads);
collection_record!(
    encode_embeddedness,
    decode_embeddedness,
    Embeddedness4,
    Kind::Embeddedness
);
collection_record!(
    encode_wellbeing,
    decode_wellbeing,
    Wellbeing4,
    Kind::Wellbeing
);

/// The version of the dismissals record this code writes. Dismissals were added after
/// format 4 was frozen, as a collection with a version of its own (see
/// `core::dismissals`); a later version is newer, whatever the format version.
pub const DISMISSALS_VERSION: u32 = 1;

pub fn encode_dismissals(value: &Dismissals) -> String {
    encode_as(
        Kind::Dismissals,
        DISMISSALS_VERSION,
        &Dismissals1::from_core(value),
    )
}

/// Checks a dismissals record's envelope (ours, its kind, a version this code reads)
/// without decoding its data: what loading does, so the first load stays small.
pub fn check_dismissals(raw: &str) -> Result<(), DecodeError> {
    let (v, _) = open(raw, Kind::Dismissals)?;
    if v > DISMISSALS_VERSION {
        return Err(DecodeError::Newer(v));
    }
    Ok(())
}

pub fn decode_dismissals(raw: &str) -> Result<Dismissals, DecodeError> {
    let (v, value) = open(raw, Kind::Dismissals)?;
    if v > DISMISSALS_VERSION {
        return Err(DecodeError::Newer(v));
    }
    let stored: Dismissals1 = data(value)?;
    stored.into_core()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn entry() -> Entry {
        Entry {
            id: EntryId::parse("emx1-abc").unwrap(),
            written_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap(),
            about: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            sections: vec![
                Section::free("Offered a fourth session — \"nothing to fix\", I listened."),
                Section {
                    key: PromptKey::parse("now-what"),
                    prompt: Some("Now what?".into()),
                    role: PromptRole::Action,
                    text: "Bring it to supervision.".into(),
                },
            ],
            tags: vec![
                TagId::parse("md-patient").unwrap(),
                TagId::parse("custom-3").unwrap(),
            ],
            dismissed: vec![TagId::parse("holding-witness").unwrap()],
            template: Some(TemplateUse {
                id: TemplateId::parse("driscoll").unwrap(),
                name: "What? So what? Now what?".into(),
            }),
            judgement_call: Some(JudgementCall::Yes),
        }
    }

    #[test]
    fn an_entry_survives_a_round_trip() {
        assert_eq!(decode_entry(&encode_entry(&entry())), Ok(entry()));
    }

    #[test]
    fn an_index_and_a_draft_survive_a_round_trip() {
        let ids = vec![EntryId::parse("a").unwrap(), EntryId::parse("b-2").unwrap()];
        let unordered = IndexShard {
            ids: ids.clone(),
            order: None,
        };
        assert_eq!(decode_index(&encode_index(&unordered)), Ok(unordered));
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let ordered = IndexShard {
            ids,
            order: Some(vec![
                Place::new(day, at),
                Place::new(day.succ_opt().unwrap(), at),
            ]),
        };
        assert_eq!(decode_index(&encode_index(&ordered)), Ok(ordered));
        let draft = StoredDraft {
            entry: Some(EntryId::parse("a").unwrap()),
            saved_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
            draft: Draft {
                day: "3".into(),
                month: "".into(),
                year: "20x".into(),
                text: "half a thought".into(),
                tags: vec![TagId::parse("boundary-stretched").unwrap()],
                dismissed: vec![],
                template: Some(TemplateUse {
                    id: TemplateId::parse("custom-1").unwrap(),
                    name: "Friday check".into(),
                }),
                answers: vec![Answer {
                    key: PromptKey::parse("p1").unwrap(),
                    prompt: "What went well?".into(),
                    hint: None,
                    role: PromptRole::Learning,
                    text: "The walk".into(),
                }],
                judgement_call: Some(JudgementCall::No),
                threads: vec![ThreadId::parse("t1-a").unwrap()],
            },
            based_on: Some(7),
        };
        let raw = encode_draft(&draft);
        assert!(raw.contains(r#""based_on":7"#), "{raw}");
        assert_eq!(decode_draft(&raw), Ok(draft));
    }

    /// One line per case: a stored value and the error it must give.
    fn check(raw: &str, expected: DecodeError) {
        assert_eq!(decode_entry(raw), Err(expected), "for {raw:?}");
    }

    #[test]
    fn damaged_foreign_and_future_values_are_refused_with_a_reason() {
        let good = encode_entry(&entry());
        let truncated = &good[..good.len() / 2];
        assert!(matches!(
            decode_entry(truncated),
            Err(DecodeError::NotJson(_))
        ));
        assert!(matches!(
            decode_entry("hello"),
            Err(DecodeError::NotJson(_))
        ));
        check("{}", DecodeError::Foreign);
        assert!(matches!(
            decode_entry("[1,2]"),
            Err(DecodeError::NotJson(_))
        ));
        check(
            r#"{"app":"other","kind":"entry","v":1,"data":{}}"#,
            DecodeError::Foreign,
        );
        check(
            r#"{"app":"anchorpoint","kind":"draft","v":1,"data":{}}"#,
            DecodeError::WrongKind {
                expected: "entry",
                found: "draft".into(),
            },
        );
        check(
            r#"{"app":"anchorpoint","kind":"entry","v":7,"data":{}}"#,
            DecodeError::Newer(7),
        );
        check(
            r#"{"app":"anchorpoint","kind":"entry","data":{}}"#,
            DecodeError::Malformed("no format version".into()),
        );
        let bad_id = good.replace("emx1-abc", "../../etc");
        assert!(matches!(
            decode_entry(&bad_id),
            Err(DecodeError::Malformed(_))
        ));
        let bad_date = good.replace("2026-11-23", "2026-02-30");
        assert!(matches!(
            decode_entry(&bad_date),
            Err(DecodeError::Malformed(_))
        ));
    }

    #[test]
    fn a_stored_tag_id_that_is_not_an_id_makes_the_record_damaged_not_silently_untagged() {
        let raw = encode_entry(&entry()).replace("custom-3", "Custom Three");
        assert!(matches!(decode_entry(&raw), Err(DecodeError::Malformed(_))));
    }

    #[test]
    fn a_wrong_shape_is_named_in_plain_words_without_a_position_in_the_data() {
        // A required field gone: the reason names it, and says nothing of lines and
        // columns inside a record the worker never sees.
        let raw = encode_entry(&entry()).replace(r#""about":"#, r#""day":"#);
        assert_eq!(
            decode_entry(&raw),
            Err(DecodeError::Malformed("missing field `about`".into()))
        );
        // Data that is null, or not there, is damaged too, not an empty record.
        for raw in [
            r#"{"app":"anchorpoint","kind":"entry","v":4,"data":null}"#,
            r#"{"app":"anchorpoint","kind":"entry","v":4}"#,
        ] {
            assert_eq!(
                decode_entry(raw),
                Err(DecodeError::Malformed("no data".into()))
            );
        }
        // A field given twice is damage, never silently one of the two.
        let twice = encode_entry(&entry()).replacen(r#""tags":"#, r#""tags":[],"tags":"#, 1);
        assert!(
            matches!(decode_entry(&twice), Err(DecodeError::Malformed(m)) if m.contains("duplicate field"))
        );
    }

    #[test]
    fn the_envelope_names_the_app_kind_and_version() {
        let raw = encode_entry(&entry());
        assert!(raw.starts_with(r#"{"app":"anchorpoint","kind":"entry","v":4,"data":{"#));
    }
}
