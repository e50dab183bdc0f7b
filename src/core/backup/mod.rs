//! The backup file, format 2: the whole journal in one JSON file a worker can keep
//! somewhere safe and restore on this or another device. It holds every reflection,
//! every tab's readable draft and every collection (settings and preferences included),
//! each as the very envelope the store keeps (`core::record`'s `encode_entry` and
//! friends), so one set of frozen record formats and decoders rules stored records and
//! backups alike, and a backup from an older app carries older envelopes that the
//! decoders already migrate. The file itself is described in `docs/backup-v1.md` and
//! `docs/backup-v2.md` (format 2 adds the dismissed nudges' collection; format 1 files
//! still restore); a sealed backup wraps it in `core::crypto`'s sealed file
//! (`docs/sealed-file-v1.md`).
//!
//! Reading is all or nothing: [`read_backup`] checks the whole file (size, shape,
//! version, counts, every record through its decoder, duplicate ids) before anything may
//! be touched, and names the first problem in words that finish "This file cannot be
//! restored because …". What a restore would change is [`restore::plan`].

pub mod restore;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

use super::checkins::{EmbeddednessHistory, WellbeingLog};
use super::crypto::{self, CryptoError, FileRandom, KdfParams, Purpose};
use super::dismissals::Dismissals;
use super::entry::Entry;
use super::ids::EntryId;
use super::record::{decode_dismissals, encode_dismissals};
use super::record::{
    decode_draft, decode_embeddedness, decode_entry, decode_preferences, decode_settings,
    decode_templates, decode_threads, decode_vocabulary, decode_wellbeing, encode_draft,
    encode_embeddedness, encode_entry, encode_preferences, encode_settings, encode_templates,
    encode_threads, encode_vocabulary, encode_wellbeing, DecodeError, StoredDraft,
};
use super::settings::{Preferences, Settings};
use super::tags::Vocabulary;
use super::templates::TemplateLibrary;
use super::threads::Threads;

/// The backup format this code writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 2;

/// The largest file a restore reads, in bytes (sealed or plain). A full journal in
/// Chromium's local storage is about 15 MB as plain JSON, so this leaves room for a
/// journal kept in a roomier browser while keeping a hostile file from exhausting memory.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

/// The most reflections a backup may hold: far more than local storage can keep.
pub const MAX_ENTRIES: usize = 100_000;

/// The most drafts a backup may hold.
pub const MAX_DRAFTS: usize = 10_000;

const APP: &str = "anchorpoint";
const KIND: &str = "backup";

/// One tab's unsaved draft, under the name it had in storage: `<tab>.<slot>`, where the
/// slot is `new` or the id of the reflection being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupDraft {
    pub key: String,
    pub draft: StoredDraft,
}

/// Everything a backup holds, in the core's types.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub entries: Vec<Entry>,
    pub drafts: Vec<BackupDraft>,
    pub settings: Settings,
    pub preferences: Preferences,
    pub vocabulary: Vocabulary,
    pub templates: TemplateLibrary,
    pub threads: Threads,
    pub embeddedness: EmbeddednessHistory,
    pub wellbeing: WellbeingLog,
    /// Dismissed identifier nudges (format 2 on; empty from a format 1 file).
    pub dismissals: Dismissals,
}

/// A backup as read: when it was made, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub made_at: DateTime<Utc>,
    pub contents: Contents,
}

/// Frozen types of backup format 1. Never change these: a change is a `v2` beside them.
pub mod v1 {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};
    use serde_json::Value;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Backup {
        pub app: String,
        pub kind: String,
        pub v: u32,
        /// RFC 3339, UTC: when the file was made. A restored copy of a reflection that
        /// differs is marked with this date.
        pub made_at: DateTime<Utc>,
        /// Each reflection's stored envelope (`{"app":"anchorpoint","kind":"entry",…}`).
        pub entries: Vec<Value>,
        pub drafts: Vec<Draft>,
        pub collections: Collections,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Draft {
        /// `<tab>.<slot>`: the draft's storage key without `anchorpoint.draft.`.
        pub key: String,
        /// The draft's stored envelope.
        pub record: Value,
    }

    /// Each collection's stored envelope, named as its storage key.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Collections {
        pub settings: Value,
        pub preferences: Value,
        pub tags: Value,
        pub templates: Value,
        pub threads: Value,
        pub embeddedness: Value,
        pub wellbeing: Value,
    }
}

/// Frozen types of backup format 2: format 1 with the dismissed nudges' collection
/// (`dismissals`, required). Drafts keep format 1's shape. Never change these.
pub mod v2 {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};
    use serde_json::Value;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Backup {
        pub app: String,
        pub kind: String,
        pub v: u32,
        pub made_at: DateTime<Utc>,
        pub entries: Vec<Value>,
        pub drafts: Vec<super::v1::Draft>,
        pub collections: Collections,
    }

    /// Each collection's stored envelope, named as its storage key.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Collections {
        pub settings: Value,
        pub preferences: Value,
        pub tags: Value,
        pub templates: Value,
        pub threads: Value,
        pub embeddedness: Value,
        pub wellbeing: Value,
        pub dismissals: Value,
    }

    /// A format 1 file as format 2: the same, with no dismissals.
    pub fn from_v1(file: super::v1::Backup) -> Backup {
        let c = file.collections;
        Backup {
            app: file.app,
            kind: file.kind,
            v: file.v,
            made_at: file.made_at,
            entries: file.entries,
            drafts: file.drafts,
            collections: Collections {
                settings: c.settings,
                preferences: c.preferences,
                tags: c.tags,
                templates: c.templates,
                threads: c.threads,
                embeddedness: c.embeddedness,
                wellbeing: c.wellbeing,
                dismissals: super::envelope(
                    super::encode_dismissals(&super::Dismissals::default()),
                ),
            },
        }
    }
}

/// Why a file cannot be restored. Worded to finish "This file cannot be restored
/// because …"; nothing has been changed when one of these is returned.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum BackupError {
    #[error("it is empty")]
    Empty,
    #[error("it is larger than the {limit} MB a backup can be (it is {size} MB)", limit = MAX_BACKUP_BYTES / 1_000_000)]
    TooLarge { size: usize },
    #[error("it is not an Anchorpoint backup: it is not a JSON file ({0})")]
    NotJson(String),
    #[error("it is not an Anchorpoint backup: another program made it")]
    Foreign,
    #[error("it is an Anchorpoint file but not a backup (it is a {0} file)")]
    NotBackup(String),
    #[error("it was made by a newer version of Anchorpoint (backup format {0}); update the app, then restore it")]
    Newer(u32),
    #[error("it is damaged or incomplete ({0})")]
    Damaged(String),
    #[error("it holds more than {0} {1}")]
    TooMany(usize, &'static str),
    #[error("reflection {index} in it cannot be read because {reason}")]
    BadEntry { index: usize, reason: String },
    #[error("it holds the reflection {0} twice")]
    DuplicateEntry(String),
    #[error("draft {index} in it cannot be read because {reason}")]
    BadDraft { index: usize, reason: String },
    #[error("its {0} cannot be read because {1}")]
    BadCollection(&'static str, String),
    #[error("it is protected with a passphrase; enter it to restore the backup")]
    NeedsPassphrase,
    #[error("{0}")]
    Sealed(CryptoError),
}

impl BackupError {
    /// True when trying again with another passphrase could help.
    pub fn is_passphrase(&self) -> bool {
        matches!(
            self,
            BackupError::NeedsPassphrase
                | BackupError::Sealed(
                    CryptoError::WrongPassphrase
                        | CryptoError::EmptyPassphrase
                        | CryptoError::LongPassphrase
                )
        )
    }
}

/// The file name of a backup made on `day`: `anchorpoint-backup-2026-12-06.json`.
pub fn file_name(day: NaiveDate) -> String {
    format!("anchorpoint-backup-{}.json", day.format("%Y-%m-%d"))
}

fn envelope(json: String) -> Value {
    // The record encoders write plain JSON objects, which always parse.
    serde_json::from_str(&json).unwrap_or(Value::Null)
}

/// Writes a plain (unsealed) backup of `contents`, made at `made_at`.
pub fn write_backup(made_at: DateTime<Utc>, contents: &Contents) -> String {
    let file = v2::Backup {
        app: APP.to_owned(),
        kind: KIND.to_owned(),
        v: BACKUP_VERSION,
        made_at,
        entries: contents
            .entries
            .iter()
            .map(|e| envelope(encode_entry(e)))
            .collect(),
        drafts: contents
            .drafts
            .iter()
            .map(|d| v1::Draft {
                key: d.key.clone(),
                record: envelope(encode_draft(&d.draft)),
            })
            .collect(),
        collections: v2::Collections {
            settings: envelope(encode_settings(&contents.settings)),
            preferences: envelope(encode_preferences(&contents.preferences)),
            tags: envelope(encode_vocabulary(&contents.vocabulary)),
            templates: envelope(encode_templates(&contents.templates)),
            threads: envelope(encode_threads(&contents.threads)),
            embeddedness: envelope(encode_embeddedness(&contents.embeddedness)),
            wellbeing: envelope(encode_wellbeing(&contents.wellbeing)),
            dismissals: envelope(encode_dismissals(&contents.dismissals)),
        },
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Seals a backup's text with a passphrase (the sealed file format, purpose "backup").
/// `random` is a fresh salt and nonce (`storage::random::for_file`).
pub fn seal_backup(
    plain: &str,
    passphrase: &str,
    params: KdfParams,
    random: &FileRandom,
) -> Result<String, CryptoError> {
    crypto::seal_file(
        Purpose::Backup,
        passphrase,
        params,
        random,
        plain.as_bytes(),
    )
}

/// Whether a file needs a passphrase before it can be read.
pub fn is_sealed(text: &str) -> bool {
    crypto::is_sealed_file(text)
}

/// Reads a backup file, sealed or plain, checking all of it. A sealed file needs its
/// passphrase (normalised to NFC by the page); a plain one ignores it.
pub fn read_backup(text: &str, passphrase: Option<&str>) -> Result<Backup, BackupError> {
    check_size(text)?;
    if !is_sealed(text) {
        return read_plain(text);
    }
    let passphrase = passphrase.ok_or(BackupError::NeedsPassphrase)?;
    let plain =
        crypto::open_file(text, Purpose::Backup, passphrase).map_err(BackupError::Sealed)?;
    let plain = std::str::from_utf8(&plain)
        .map_err(|_| BackupError::Damaged("its sealed contents are not text".into()))?;
    read_plain(plain)
}

fn check_size(text: &str) -> Result<(), BackupError> {
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge {
            size: text.len().div_ceil(1_000_000),
        });
    }
    Ok(())
}

/// Reads a plain backup: every check but the passphrase. Public for the fuzz harness.
pub fn read_plain(text: &str) -> Result<Backup, BackupError> {
    check_size(text)?;
    #[derive(Deserialize)]
    struct Probe {
        app: Option<Value>,
        kind: Option<Value>,
        v: Option<Value>,
    }
    let probe: Probe = match serde_json::from_str(text) {
        Ok(p) => p,
        // Valid JSON of another shape (an array, a number) is someone else's file.
        Err(_) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
            return Err(BackupError::Foreign)
        }
        // One of ours, cut short or edited by hand: say so rather than "not JSON".
        Err(e) if looks_like_ours(text) => {
            return Err(BackupError::Damaged(format!(
                "it is cut short or was edited: {e}"
            )))
        }
        Err(e) => return Err(BackupError::NotJson(e.to_string())),
    };
    if probe.app.as_ref().and_then(Value::as_str) != Some(APP) {
        return Err(BackupError::Foreign);
    }
    match probe.kind.as_ref().and_then(Value::as_str) {
        Some(KIND) => {}
        Some(other) => return Err(BackupError::NotBackup(describe_kind(other))),
        None => return Err(BackupError::Damaged("it does not say what it is".into())),
    }
    let v = probe
        .v
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| BackupError::Damaged("it has no format version".into()))?;
    if v > u64::from(BACKUP_VERSION) {
        return Err(BackupError::Newer(u32::try_from(v).unwrap_or(u32::MAX)));
    }
    if v == 0 {
        return Err(BackupError::Damaged("its format version is 0".into()));
    }
    let damaged = |e: serde_json::Error| BackupError::Damaged(e.to_string());
    let file = if v == 1 {
        v2::from_v1(serde_json::from_str::<v1::Backup>(text).map_err(damaged)?)
    } else {
        serde_json::from_str::<v2::Backup>(text).map_err(damaged)?
    };
    from_v2(file)
}

/// Whether a file that is not valid JSON starts as Anchorpoint's files do.
fn looks_like_ours(text: &str) -> bool {
    let compact: String = text
        .chars()
        .take(200)
        .filter(|c| !c.is_whitespace())
        .collect();
    compact.starts_with("{\"app\":\"anchorpoint\"")
}

/// A short name for another kind of Anchorpoint file, for the error.
fn describe_kind(kind: &str) -> String {
    match kind {
        "sealed" => "protected summary".to_owned(),
        "summary" => "supervision summary".to_owned(),
        "entry" => "single reflection".to_owned(),
        other => {
            let short: String = other.chars().take(20).filter(|c| !c.is_control()).collect();
            format!("“{short}”")
        }
    }
}

/// Runs a record decoder on an embedded envelope.
fn decode_value<T>(
    value: &Value,
    decode: impl FnOnce(&str) -> Result<T, DecodeError>,
) -> Result<T, String> {
    if !value.is_object() {
        return Err("it is not a record".to_owned());
    }
    decode(&value.to_string()).map_err(|e| e.to_string())
}

/// A draft's name in a backup: `<tab>.<slot>`, the tab letters and digits, the slot
/// `new` or a reflection's id. Anything else could not have come from storage.
fn check_draft_key(key: &str, draft: &StoredDraft) -> Result<(), String> {
    let (tab, slot) = key
        .split_once('.')
        .ok_or_else(|| format!("its name {key:?} is not a draft's"))?;
    if tab.is_empty() || tab.len() > 64 || !tab.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("its name {key:?} is not a draft's"));
    }
    let expected = match &draft.entry {
        None => "new".to_owned(),
        Some(id) => id.to_string(),
    };
    if slot != expected {
        return Err(format!(
            "its name {key:?} does not match the reflection it is a draft of"
        ));
    }
    Ok(())
}

fn from_v2(file: v2::Backup) -> Result<Backup, BackupError> {
    if file.entries.len() > MAX_ENTRIES {
        return Err(BackupError::TooMany(MAX_ENTRIES, "reflections"));
    }
    if file.drafts.len() > MAX_DRAFTS {
        return Err(BackupError::TooMany(MAX_DRAFTS, "drafts"));
    }
    let mut ids = std::collections::BTreeSet::<EntryId>::new();
    let mut entries = Vec::with_capacity(file.entries.len());
    for (n, value) in file.entries.iter().enumerate() {
        let entry = decode_value(value, decode_entry).map_err(|reason| BackupError::BadEntry {
            index: n + 1,
            reason,
        })?;
        if !ids.insert(entry.id.clone()) {
            return Err(BackupError::DuplicateEntry(entry.id.to_string()));
        }
        entries.push(entry);
    }
    let mut keys = std::collections::BTreeSet::<String>::new();
    let mut drafts = Vec::with_capacity(file.drafts.len());
    for (n, d) in file.drafts.iter().enumerate() {
        let bad = |reason: String| BackupError::BadDraft {
            index: n + 1,
            reason,
        };
        let draft = decode_value(&d.record, decode_draft).map_err(bad)?;
        check_draft_key(&d.key, &draft).map_err(bad)?;
        if !keys.insert(d.key.clone()) {
            return Err(bad(format!("the name {:?} is used twice", d.key)));
        }
        drafts.push(BackupDraft {
            key: d.key.clone(),
            draft,
        });
    }
    let c = &file.collections;
    let bad = |what: &'static str| move |reason: String| BackupError::BadCollection(what, reason);
    let contents = Contents {
        entries,
        drafts,
        settings: decode_value(&c.settings, decode_settings).map_err(bad("settings"))?,
        preferences: decode_value(&c.preferences, decode_preferences)
            .map_err(bad("preferences"))?,
        vocabulary: decode_value(&c.tags, decode_vocabulary).map_err(bad("own tags"))?,
        templates: decode_value(&c.templates, decode_templates).map_err(bad("own templates"))?,
        threads: decode_value(&c.threads, decode_threads).map_err(bad("holding threads"))?,
        embeddedness: decode_value(&c.embeddedness, decode_embeddedness)
            .map_err(bad("embeddedness check-ins"))?,
        wellbeing: decode_value(&c.wellbeing, decode_wellbeing).map_err(bad("wellbeing checks"))?,
        dismissals: decode_value(&c.dismissals, decode_dismissals)
            .map_err(bad("dismissed nudges"))?,
    };
    Ok(Backup {
        made_at: file.made_at,
        contents,
    })
}

/// Whether the journal page should remind the worker to make a backup: the last one is
/// older than the chosen interval, or there has never been one and the journal has 10
/// or more reflections. `None` as the interval never reminds.
pub fn reminder_due(
    now: DateTime<Utc>,
    interval_days: Option<u32>,
    last_backup: Option<DateTime<Utc>>,
    reflections: usize,
) -> bool {
    let Some(days) = interval_days else {
        return false;
    };
    match last_backup {
        Some(last) => now.signed_duration_since(last) > chrono::Duration::days(i64::from(days)),
        None => reflections >= REMINDER_MIN_REFLECTIONS,
    }
}

/// With no backup yet, the reminder waits until the journal has this many reflections.
pub const REMINDER_MIN_REFLECTIONS: usize = 10;

#[cfg(test)]
mod tests;
