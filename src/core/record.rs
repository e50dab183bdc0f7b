//! Stored record formats. Everything Anchorpoint writes to storage is a JSON envelope
//! `{"app":"anchorpoint","kind":"entry","v":1,"data":{...}}`. The envelope says what the
//! record is and which format version wrote it, so later versions can migrate, compress
//! or encrypt `data` without guessing. Stored types are frozen per version (`v1::*`,
//! `v2::*`), older versions are migrated on reading, and they are kept
//! separate from the domain types, because stored data outlives the code that wrote it:
//! the domain may change freely, a stored format never does. Frozen fixtures of each
//! version live in `tests/fixtures/` and must keep decoding.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use thiserror::Error;

use super::entry::{Draft, Entry, EntryId, Section};
use super::tags::TagId;

/// The format version this code writes.
pub const FORMAT_VERSION: u32 = 2;

/// The marker that tells our records from other values on the same site.
const APP: &str = "anchorpoint";

/// What kind of record an envelope holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Entry,
    Index,
    Draft,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Entry => "entry",
            Kind::Index => "index",
            Kind::Draft => "draft",
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

#[derive(Deserialize)]
struct EnvelopeIn {
    app: Option<String>,
    kind: Option<String>,
    v: Option<u32>,
    data: Option<serde_json::Value>,
}

fn encode<T: Serialize>(kind: Kind, data: &T) -> String {
    let envelope = EnvelopeOut {
        app: APP,
        kind: kind.as_str(),
        v: FORMAT_VERSION,
        data,
    };
    // Serialising plain structs of strings, numbers and dates cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Opens an envelope and returns its format version and data, checking everything but
/// the data's shape.
fn open(raw: &str, kind: Kind) -> Result<(u32, serde_json::Value), DecodeError> {
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

fn data<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DecodeError> {
    serde_json::from_value(value).map_err(|e| DecodeError::Malformed(e.to_string()))
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
        pub written_at: DateTime<Utc>,
        pub updated_at: DateTime<Utc>,
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
        pub written_at: DateTime<Utc>,
        pub updated_at: DateTime<Utc>,
        pub about: NaiveDate,
        pub sections: Vec<Section>,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Draft {
        pub entry: Option<String>,
        pub saved_at: DateTime<Utc>,
        pub day: String,
        pub month: String,
        pub year: String,
        pub text: String,
        pub tags: Vec<String>,
        pub dismissed: Vec<String>,
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

fn tag_strings(tags: &[TagId]) -> Vec<String> {
    tags.iter().map(|t| t.as_str().to_owned()).collect()
}

/// Stored tag ids back to `TagId`s. One that does not parse means the record is damaged:
/// dropping it silently would lose the worker's choice.
fn parse_tags(stored: Vec<String>) -> Result<Vec<TagId>, DecodeError> {
    stored
        .into_iter()
        .map(|s| TagId::parse(&s).ok_or_else(|| DecodeError::Malformed(format!("bad tag {s:?}"))))
        .collect()
}

pub fn encode_entry(entry: &Entry) -> String {
    let stored = v2::Entry {
        id: entry.id.to_string(),
        written_at: entry.written_at,
        updated_at: entry.updated_at,
        about: entry.about,
        sections: entry
            .sections
            .iter()
            .map(|s| v1::Section {
                prompt: s.prompt.clone(),
                text: s.text.clone(),
            })
            .collect(),
        tags: tag_strings(&entry.tags),
        dismissed: tag_strings(&entry.dismissed),
    };
    encode(Kind::Entry, &stored)
}

/// Reads an entry written by any format version, migrating older ones.
pub fn decode_entry(raw: &str) -> Result<Entry, DecodeError> {
    let (v, value) = open(raw, Kind::Entry)?;
    let stored: v2::Entry = match v {
        1 => migrate_entry_v1(data(value)?),
        _ => data(value)?,
    };
    let id = EntryId::parse(&stored.id)
        .ok_or_else(|| DecodeError::Malformed(format!("bad id {:?}", stored.id)))?;
    Ok(Entry {
        id,
        written_at: stored.written_at,
        updated_at: stored.updated_at,
        about: stored.about,
        sections: stored
            .sections
            .into_iter()
            .map(|s| Section {
                prompt: s.prompt,
                text: s.text,
            })
            .collect(),
        tags: parse_tags(stored.tags)?,
        dismissed: parse_tags(stored.dismissed)?,
    })
}

pub fn encode_index(ids: &[EntryId]) -> String {
    let stored = v2::Index {
        ids: ids.iter().map(ToString::to_string).collect(),
    };
    encode(Kind::Index, &stored)
}

/// Reads the index (the same shape in versions 1 and 2). Ids that are not valid are
/// dropped here; their records, if any, are still found by the storage scan and
/// reported there.
pub fn decode_index(raw: &str) -> Result<Vec<EntryId>, DecodeError> {
    let (_v, value) = open(raw, Kind::Index)?;
    let stored: v2::Index = data(value)?;
    Ok(stored
        .ids
        .iter()
        .filter_map(|s| EntryId::parse(s))
        .collect())
}

/// An unsaved draft as kept in storage, so it survives a reload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredDraft {
    pub entry: Option<EntryId>,
    pub saved_at: DateTime<Utc>,
    pub draft: Draft,
}

pub fn encode_draft(stored: &StoredDraft) -> String {
    let out = v2::Draft {
        entry: stored.entry.as_ref().map(ToString::to_string),
        saved_at: stored.saved_at,
        day: stored.draft.day.clone(),
        month: stored.draft.month.clone(),
        year: stored.draft.year.clone(),
        text: stored.draft.text.clone(),
        tags: tag_strings(&stored.draft.tags),
        dismissed: tag_strings(&stored.draft.dismissed),
    };
    encode(Kind::Draft, &out)
}

/// Reads a draft written by any format version, migrating older ones.
pub fn decode_draft(raw: &str) -> Result<StoredDraft, DecodeError> {
    let (v, value) = open(raw, Kind::Draft)?;
    let stored: v2::Draft = match v {
        1 => migrate_draft_v1(data(value)?),
        _ => data(value)?,
    };
    let entry = match stored.entry {
        None => None,
        Some(s) => Some(
            EntryId::parse(&s).ok_or_else(|| DecodeError::Malformed(format!("bad id {s:?}")))?,
        ),
    };
    Ok(StoredDraft {
        entry,
        saved_at: stored.saved_at,
        draft: Draft {
            day: stored.day,
            month: stored.month,
            year: stored.year,
            text: stored.text,
            tags: parse_tags(stored.tags)?,
            dismissed: parse_tags(stored.dismissed)?,
        },
    })
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
                    prompt: Some("Now what?".into()),
                    text: "Bring it to supervision.".into(),
                },
            ],
            tags: vec![
                TagId::parse("md-patient").unwrap(),
                TagId::parse("custom-3").unwrap(),
            ],
            dismissed: vec![TagId::parse("holding-witness").unwrap()],
        }
    }

    #[test]
    fn an_entry_survives_a_round_trip() {
        assert_eq!(decode_entry(&encode_entry(&entry())), Ok(entry()));
    }

    #[test]
    fn an_index_and_a_draft_survive_a_round_trip() {
        let ids = vec![EntryId::parse("a").unwrap(), EntryId::parse("b-2").unwrap()];
        assert_eq!(decode_index(&encode_index(&ids)), Ok(ids));
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
            },
        };
        assert_eq!(decode_draft(&encode_draft(&draft)), Ok(draft));
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
    fn the_envelope_names_the_app_kind_and_version() {
        let raw = encode_entry(&entry());
        assert!(raw.starts_with(r#"{"app":"anchorpoint","kind":"entry","v":2,"data":{"#));
    }
}
