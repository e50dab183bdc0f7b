//! Frozen stored types of format 4 for the collections beside entries: settings, the
//! worker's tags, templates, holding threads, embeddedness check-ins and wellbeing
//! checks. Format 3 stored these in their core types' serde shape, so a change to a core
//! type would have changed what is stored, and a record of the wrong shape (a renamed
//! field, say) read as an empty list and was overwritten at the next save. Here every
//! stored shape is written out once and never changed, every field that was always
//! written is required, and unknown fields are refused: a record that is not exactly this
//! shape is damaged, and the store sets it aside instead of reading it as empty.
//!
//! The v3 records have the same shape, so the same types read them. Conversions to and
//! from the core are written out field by field, so a core change is a compile error
//! here, never a silent change of format. Ids and enum values are stored as strings and
//! checked with the core's own parsers.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checkins::{
    CheckInInterval, EmbeddednessCheckIn, EmbeddednessHistory, Load, Rating, WellbeingCheck,
    WellbeingLog,
};
use super::dismissals::{Dismissals, Fingerprint};
use super::ids::{is_slug, EntryId, PromptKey, TagId, TemplateId, ThreadId};
use super::record::DecodeError;
use super::settings::{Preferences, Settings, MAX_AUTO_LOCK_MINUTES, MAX_BACKUP_REMINDER_DAYS};
use super::tags::{CustomTag, Embeddedness, EmbeddednessConcept, Vocabulary};
use super::templates::{CustomPrompt, CustomTemplate, PromptRole, TemplateLibrary};
use super::threads::{Closure, HoldingThread, Outcome, Pseudonym, Threads};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings4 {
    pub end_question: bool,
    /// "weekly", "fortnightly", "monthly" or "never".
    pub check_in_interval: String,
    pub private_names: Vec<String>,
}

/// Preferences, a collection first written in format 4 (see `core::settings`). `None`
/// is stored as `null`: never remind, never lock by itself, no backup yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferences4 {
    pub nudges: bool,
    pub auto_lock_minutes: Option<u32>,
    pub backup_reminder_days: Option<u32>,
    /// RFC 3339, UTC.
    // `default`, as serde gives any `Option` field without a reader of its own.
    #[serde(default, deserialize_with = "crate::core::stored_dates::optional_time")]
    pub last_backup: Option<DateTime<Utc>>,
}

/// Dismissed identifier nudges (see `core::dismissals`), a collection of its own first
/// written after format 4 was frozen, with a version of its own: 1. Fingerprints are
/// sixteen lowercase hex digits; `entries` is keyed by reflection id, `drafts` by the
/// tab whose unsaved new reflection they belong to. Never the dismissed words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dismissals1 {
    pub entries: BTreeMap<String, Vec<String>>,
    pub drafts: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary4 {
    pub custom: Vec<CustomTag4>,
    pub next_number: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTag4 {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates4 {
    pub custom: Vec<Template4>,
    pub next_number: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template4 {
    pub id: String,
    pub name: String,
    pub prompts: Vec<Prompt4>,
    pub next_prompt: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt4 {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// "learning", "action" or "other".
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threads4 {
    pub threads: Vec<Thread4>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thread4 {
    pub id: String,
    pub pseudonym: String,
    #[serde(deserialize_with = "crate::core::stored_dates::day")]
    pub opened: NaiveDate,
    pub functions: Vec<String>,
    pub drivers: Vec<String>,
    pub entries: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure4>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure4 {
    #[serde(deserialize_with = "crate::core::stored_dates::day")]
    pub on: NaiveDate,
    pub outcome: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Embeddedness4 {
    pub check_ins: Vec<CheckIn4>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn4 {
    #[serde(deserialize_with = "crate::core::stored_dates::day")]
    pub on: NaiveDate,
    /// "bolted-on", "fitting-in" or "belonging".
    pub rating: String,
    /// Concept id ("power", "identity", "effect", "infrastructure") to note.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wellbeing4 {
    pub checks: Vec<Check4>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check4 {
    pub entry: String,
    #[serde(deserialize_with = "crate::core::stored_dates::day")]
    pub on: NaiveDate,
    /// 1 to 5.
    pub rating: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotional_load: Option<String>,
}

fn bad(what: &str, raw: &str) -> DecodeError {
    DecodeError::Malformed(format!("bad {what} {raw:?}"))
}

fn parse<T>(what: &str, raw: &str, f: impl FnOnce(&str) -> Option<T>) -> Result<T, DecodeError> {
    f(raw).ok_or_else(|| bad(what, raw))
}

fn tags_in(raw: &[String]) -> Result<Vec<TagId>, DecodeError> {
    raw.iter().map(|s| parse("tag", s, TagId::parse)).collect()
}

fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

fn role_out(role: PromptRole) -> String {
    match role {
        PromptRole::Learning => "learning",
        PromptRole::Action => "action",
        PromptRole::Other => "other",
    }
    .to_owned()
}

fn role_in(raw: &str) -> Result<PromptRole, DecodeError> {
    match raw {
        "learning" => Ok(PromptRole::Learning),
        "action" => Ok(PromptRole::Action),
        "other" => Ok(PromptRole::Other),
        other => Err(bad("prompt role", other)),
    }
}

/// A stored collection type and its core value, converted both ways.
pub trait Frozen: Sized + Serialize + serde::de::DeserializeOwned {
    type Core;
    fn from_core(value: &Self::Core) -> Self;
    fn into_core(self) -> Result<Self::Core, DecodeError>;
}

impl Frozen for Settings4 {
    type Core = Settings;

    fn from_core(s: &Settings) -> Self {
        Settings4 {
            end_question: s.end_question,
            check_in_interval: s.check_in_interval.id().to_owned(),
            private_names: s.private_names.clone(),
        }
    }

    fn into_core(self) -> Result<Settings, DecodeError> {
        Ok(Settings {
            end_question: self.end_question,
            check_in_interval: parse(
                "check-in interval",
                &self.check_in_interval,
                CheckInInterval::parse,
            )?,
            private_names: self.private_names,
        })
    }
}

impl Frozen for Preferences4 {
    type Core = Preferences;

    fn from_core(p: &Preferences) -> Self {
        Preferences4 {
            nudges: p.nudges,
            auto_lock_minutes: p.auto_lock_minutes,
            backup_reminder_days: p.backup_reminder_days,
            last_backup: p.last_backup,
        }
    }

    fn into_core(self) -> Result<Preferences, DecodeError> {
        // Zero or an interval beyond what the app offers was not written by it.
        let within = |what: &str, value: Option<u32>, max: u32| match value {
            Some(n) if n == 0 || n > max => Err(bad(what, &n.to_string())),
            _ => Ok(value),
        };
        Ok(Preferences {
            nudges: self.nudges,
            auto_lock_minutes: within(
                "idle lock time",
                self.auto_lock_minutes,
                MAX_AUTO_LOCK_MINUTES,
            )?,
            backup_reminder_days: within(
                "backup reminder interval",
                self.backup_reminder_days,
                MAX_BACKUP_REMINDER_DAYS,
            )?,
            last_backup: self.last_backup,
        })
    }
}

impl Frozen for Dismissals1 {
    type Core = Dismissals;

    fn from_core(d: &Dismissals) -> Self {
        let hex = |set: &BTreeSet<Fingerprint>| set.iter().map(|f| f.to_hex()).collect();
        Dismissals1 {
            entries: d
                .entries
                .iter()
                .map(|(id, set)| (id.to_string(), hex(set)))
                .collect(),
            drafts: d
                .drafts
                .iter()
                .map(|(tab, set)| (tab.clone(), hex(set)))
                .collect(),
        }
    }

    fn into_core(self) -> Result<Dismissals, DecodeError> {
        // An empty set is never written, so one is not ours.
        let prints = |list: Vec<String>| -> Result<BTreeSet<Fingerprint>, DecodeError> {
            if list.is_empty() {
                return Err(bad("list of dismissals", "[]"));
            }
            list.iter()
                .map(|f| parse("dismissal fingerprint", f, Fingerprint::parse))
                .collect()
        };
        let mut out = Dismissals::default();
        for (id, list) in self.entries {
            let id = parse("entry id", &id, EntryId::parse)?;
            out.entries.insert(id, prints(list)?);
        }
        for (tab, list) in self.drafts {
            if !is_slug(&tab) {
                return Err(bad("tab id", &tab));
            }
            out.drafts.insert(tab, prints(list)?);
        }
        Ok(out)
    }
}

impl Frozen for Vocabulary4 {
    type Core = Vocabulary;

    fn from_core(v: &Vocabulary) -> Self {
        Vocabulary4 {
            custom: v
                .custom()
                .iter()
                .map(|t| CustomTag4 {
                    id: t.id.to_string(),
                    label: t.label.clone(),
                    definition: t.definition.clone(),
                })
                .collect(),
            next_number: v.next_number(),
        }
    }

    fn into_core(self) -> Result<Vocabulary, DecodeError> {
        let custom = self
            .custom
            .into_iter()
            .map(|t| {
                Ok(CustomTag {
                    id: parse("tag id", &t.id, TagId::parse)?,
                    label: t.label,
                    definition: t.definition,
                })
            })
            .collect::<Result<_, DecodeError>>()?;
        Ok(Vocabulary::from_parts(custom, self.next_number))
    }
}

impl Frozen for Templates4 {
    type Core = TemplateLibrary;

    fn from_core(l: &TemplateLibrary) -> Self {
        Templates4 {
            custom: l
                .custom()
                .iter()
                .map(|t| Template4 {
                    id: t.id.to_string(),
                    name: t.name.clone(),
                    prompts: t
                        .prompts
                        .iter()
                        .map(|p| Prompt4 {
                            key: p.key.to_string(),
                            label: p.label.clone(),
                            hint: p.hint.clone(),
                            role: role_out(p.role),
                        })
                        .collect(),
                    next_prompt: t.next_prompt,
                })
                .collect(),
            next_number: l.next_number(),
        }
    }

    fn into_core(self) -> Result<TemplateLibrary, DecodeError> {
        let custom = self
            .custom
            .into_iter()
            .map(|t| {
                let prompts = t
                    .prompts
                    .into_iter()
                    .map(|p| {
                        Ok(CustomPrompt {
                            key: parse("prompt key", &p.key, PromptKey::parse)?,
                            label: p.label,
                            hint: p.hint,
                            role: role_in(&p.role)?,
                        })
                    })
                    .collect::<Result<_, DecodeError>>()?;
                Ok(CustomTemplate {
                    id: parse("template id", &t.id, TemplateId::parse)?,
                    name: t.name,
                    prompts,
                    next_prompt: t.next_prompt,
                })
            })
            .collect::<Result<_, DecodeError>>()?;
        Ok(TemplateLibrary::from_parts(custom, self.next_number))
    }
}

impl Frozen for Threads4 {
    type Core = Threads;

    fn from_core(t: &Threads) -> Self {
        Threads4 {
            threads: t
                .all()
                .iter()
                .map(|h| Thread4 {
                    id: h.id.to_string(),
                    pseudonym: h.pseudonym.as_str().to_owned(),
                    opened: h.opened,
                    functions: strings(&h.functions),
                    drivers: strings(&h.drivers),
                    entries: strings(&h.entries),
                    closed: h.closed.map(|c| Closure4 {
                        on: c.on,
                        outcome: c.outcome.id().to_owned(),
                    }),
                })
                .collect(),
        }
    }

    fn into_core(self) -> Result<Threads, DecodeError> {
        let threads = self
            .threads
            .into_iter()
            .map(|h| {
                Ok(HoldingThread {
                    id: parse("thread id", &h.id, ThreadId::parse)?,
                    pseudonym: Pseudonym::parse(&h.pseudonym)
                        .map_err(|_| bad("pseudonym", &h.pseudonym))?,
                    opened: h.opened,
                    functions: tags_in(&h.functions)?,
                    drivers: tags_in(&h.drivers)?,
                    entries: h
                        .entries
                        .iter()
                        .map(|e| parse("entry id", e, EntryId::parse))
                        .collect::<Result<_, _>>()?,
                    closed: h
                        .closed
                        .map(|c| {
                            Ok::<_, DecodeError>(Closure {
                                on: c.on,
                                outcome: parse("outcome", &c.outcome, Outcome::parse)?,
                            })
                        })
                        .transpose()?,
                })
            })
            .collect::<Result<_, DecodeError>>()?;
        Ok(Threads::from_threads(threads))
    }
}

impl Frozen for Embeddedness4 {
    type Core = EmbeddednessHistory;

    fn from_core(h: &EmbeddednessHistory) -> Self {
        Embeddedness4 {
            check_ins: h
                .all()
                .iter()
                .map(|c| CheckIn4 {
                    on: c.on,
                    rating: c.rating.id().to_owned(),
                    notes: c
                        .notes
                        .iter()
                        .map(|(k, v)| (k.id().to_owned(), v.clone()))
                        .collect(),
                })
                .collect(),
        }
    }

    fn into_core(self) -> Result<EmbeddednessHistory, DecodeError> {
        let check_ins = self
            .check_ins
            .into_iter()
            .map(|c| {
                let notes = c
                    .notes
                    .into_iter()
                    .map(|(k, v)| {
                        let concept = parse("concept", &k, |s| {
                            EmbeddednessConcept::ALL.into_iter().find(|e| e.id() == s)
                        })?;
                        Ok((concept, v))
                    })
                    .collect::<Result<_, DecodeError>>()?;
                Ok(EmbeddednessCheckIn {
                    on: c.on,
                    rating: parse("rating", &c.rating, |s| {
                        Embeddedness::ALL.into_iter().find(|e| e.id() == s)
                    })?,
                    notes,
                })
            })
            .collect::<Result<_, DecodeError>>()?;
        Ok(EmbeddednessHistory::from_check_ins(check_ins))
    }
}

impl Frozen for Wellbeing4 {
    type Core = WellbeingLog;

    fn from_core(l: &WellbeingLog) -> Self {
        Wellbeing4 {
            checks: l
                .all()
                .iter()
                .map(|c| Check4 {
                    entry: c.entry.to_string(),
                    on: c.on,
                    rating: c.rating.value(),
                    emotional_load: c.emotional_load.map(|l| l.id().to_owned()),
                })
                .collect(),
        }
    }

    fn into_core(self) -> Result<WellbeingLog, DecodeError> {
        let checks = self
            .checks
            .into_iter()
            .map(|c| {
                Ok(WellbeingCheck {
                    entry: parse("entry id", &c.entry, EntryId::parse)?,
                    on: c.on,
                    rating: Rating::try_from(c.rating)
                        .map_err(|_| bad("rating", &c.rating.to_string()))?,
                    emotional_load: c
                        .emotional_load
                        .map(|l| parse("emotional load", &l, Load::parse))
                        .transpose()?,
                })
            })
            .collect::<Result<_, DecodeError>>()?;
        Ok(WellbeingLog::from_checks(checks))
    }
}
