//! The stored record of a summary a supervisor chose to keep on this device (storage
//! format 4, in the supervisor space). The envelope is the one every Anchorpoint record
//! has, `{"app":"anchorpoint","kind":"kept-summary","v":4,"data":…}`; its data is the
//! frozen [`KeptSummary4`]: the file's name and the summary in the frozen JSON v2 shape.
//! Reading a kept record runs the same full validation as opening a file, so a damaged
//! record is refused (and reported), never half-read.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::open::{validated, Opened};
use crate::core::record::DecodeError;
use crate::core::summary::json::SummaryV2;

/// The envelope kind of a kept summary.
pub const KIND: &str = "kept-summary";
/// The envelope kind of the supervisor's choice to keep summaries.
pub const KEEP_KIND: &str = "supervisor-keep";
const VERSION: u64 = 4;

/// A kept summary as stored, format 4. Never changed: a new shape is a new version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptSummary4 {
    pub file_name: String,
    pub summary: SummaryV2,
}

/// The supervisor's choice, format 4: whether summaries they open are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keep4 {
    pub keep: bool,
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    app: &'static str,
    kind: &'static str,
    v: u64,
    data: &'a T,
}

fn envelope<T: Serialize>(kind: &'static str, data: &T) -> String {
    let e = Envelope {
        app: "anchorpoint",
        kind,
        v: VERSION,
        data,
    };
    serde_json::to_string(&e).unwrap_or_default()
}

/// The data of an envelope of `kind`, checking app, kind and version.
fn data_of(raw: &str, kind: &'static str) -> Result<Value, DecodeError> {
    let mut v: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    if v.get("app").and_then(Value::as_str) != Some("anchorpoint") {
        return Err(DecodeError::Foreign);
    }
    let found = v.get("kind").and_then(Value::as_str).unwrap_or_default();
    if found != kind {
        return Err(DecodeError::WrongKind {
            expected: kind,
            found: found.to_owned(),
        });
    }
    match v.get("v").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(n) if n > VERSION => {
            return Err(DecodeError::Newer(u32::try_from(n).unwrap_or(u32::MAX)))
        }
        _ => return Err(DecodeError::Malformed("no format version".into())),
    }
    v.get_mut("data")
        .map(Value::take)
        .ok_or_else(|| DecodeError::Malformed("no data".into()))
}

pub fn encode_kept(o: &Opened) -> String {
    envelope(
        KIND,
        &KeptSummary4 {
            file_name: o.file_name.clone(),
            summary: o.summary.clone(),
        },
    )
}

/// A kept record back as an opened summary, validated as a file would be.
pub fn decode_kept(raw: &str) -> Result<Opened, DecodeError> {
    let data = data_of(raw, KIND)?;
    let kept: KeptSummary4 =
        serde_json::from_value(data).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if kept.summary.version == 0 || kept.summary.version > crate::core::summary::VERSION {
        return Err(DecodeError::Malformed("an unknown summary version".into()));
    }
    validated(&kept.file_name, kept.summary).map_err(|e| DecodeError::Malformed(e.to_string()))
}

pub fn encode_keep(keep: bool) -> String {
    envelope(KEEP_KIND, &Keep4 { keep })
}

pub fn decode_keep(raw: &str) -> Result<bool, DecodeError> {
    let data = data_of(raw, KEEP_KIND)?;
    let k: Keep4 =
        serde_json::from_value(data).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    Ok(k.keep)
}
