//! The frozen shapes of the summary's JSON export, versions 1 and 2. The domain
//! [`Summary`](super::Summary) may change; these types are the files, written out once and
//! never changed, so a core change is a compile error in the conversion below, never a
//! silent change of format. Unknown fields are refused and every field that was always
//! written is required: a file that is not exactly this shape is the wrong shape.
//!
//! Version 2 adds one field to version 1, `worker` (the name or initials the worker put on
//! the summary for their supervisor, or `null`). Everything below the top level is the
//! same in both versions, so both top-level types share the nested ones. Enumerated codes
//! (kinds, roles, bands, outcomes, ratings) use the core enums, whose serde names are
//! pinned against the documented schemas by `tests/summary_export.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::anonymise::Kind;
use crate::core::tags::Embeddedness;
use crate::core::templates::PromptRole;
use crate::core::threads::{DurationBand, Outcome};

/// Version 2: version 1 plus `worker`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryV2 {
    pub format: String,
    pub version: u32,
    /// The name or initials shown to the supervisor; `None` when the worker left it blank.
    pub worker: Option<String>,
    pub period: Period,
    pub redactions: Vec<KindCount>,
    pub overview: Overview,
    pub normative: Normative,
    pub formative: Formative,
    pub restorative: Restorative,
    pub other_reflections: Vec<Reflection>,
    pub bring: Option<Text>,
    pub tag_counts: Vec<WeekTagCount>,
}

/// Version 1, as written by the first summary export (issue 4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryV1 {
    pub format: String,
    pub version: u32,
    pub period: Period,
    pub redactions: Vec<KindCount>,
    pub overview: Overview,
    pub normative: Normative,
    pub formative: Formative,
    pub restorative: Restorative,
    pub other_reflections: Vec<Reflection>,
    pub bring: Option<Text>,
    pub tag_counts: Vec<WeekTagCount>,
}

impl SummaryV1 {
    /// A version 1 file in version 2's shape: no worker name. `version` stays 1, so a
    /// reader can still tell what it opened.
    pub fn into_v2(self) -> SummaryV2 {
        SummaryV2 {
            format: self.format,
            version: self.version,
            worker: None,
            period: self.period,
            redactions: self.redactions,
            overview: self.overview,
            normative: self.normative,
            formative: self.formative,
            restorative: self.restorative,
            other_reflections: self.other_reflections,
            bring: self.bring,
            tag_counts: self.tag_counts,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub first_week: NaiveDate,
    pub last_week: NaiveDate,
    pub weeks: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindCount {
    pub kind: Kind,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    pub entries: usize,
    pub entries_shared: usize,
    pub families: Vec<FamilyCount>,
    pub tags: Vec<TagCount>,
    pub weeks: Vec<WeekOverview>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyCount {
    pub family: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekOverview {
    pub week: NaiveDate,
    pub entries: usize,
    pub families: Vec<FamilyCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagCount {
    pub tag: String,
    pub family: String,
    pub label: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagRef {
    pub tag: String,
    pub family: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Normative {
    pub tags: Vec<TagCount>,
    pub escalations: usize,
    pub escalations_withheld: usize,
    pub reflections: Vec<Reflection>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    pub number: usize,
    pub week: NaiveDate,
    pub tags: Vec<TagRef>,
    pub answers: Vec<AnswerText>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerText {
    pub prompt: Option<String>,
    pub role: PromptRole,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
    pub redactions: Vec<Mark>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formative {
    pub weeks: Vec<FormativeWeek>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormativeWeek {
    pub week: NaiveDate,
    pub items: Vec<FormativeItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormativeItem {
    pub reflection: usize,
    pub role: PromptRole,
    pub prompt: Option<String>,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restorative {
    pub wellbeing: Wellbeing,
    pub own_wellbeing: Vec<TagCount>,
    pub holding: Holding,
    pub embeddedness: Vec<EmbeddednessWeek>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wellbeing {
    pub checks: usize,
    pub average: Option<f64>,
    pub emotional_load: LoadCounts,
    pub weeks: Vec<WellbeingWeek>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadCounts {
    pub light: usize,
    pub moderate: usize,
    pub heavy: usize,
    pub not_given: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WellbeingWeek {
    pub week: NaiveDate,
    pub checks: usize,
    pub average: f64,
    pub heavy_days: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holding {
    pub open: usize,
    pub by_duration: Vec<BandCount>,
    pub by_function: Vec<TagCount>,
    pub by_driver: Vec<TagCount>,
    pub closed: Vec<OutcomeCount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandCount {
    pub band: DurationBand,
    pub count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCount {
    pub outcome: Outcome,
    pub count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddednessWeek {
    pub week: NaiveDate,
    pub rating: Embeddedness,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekTagCount {
    pub week: NaiveDate,
    pub family: String,
    pub tag: String,
    pub label: String,
    pub count: usize,
}

// ---------------------------------------------------------------------------------------
// From the domain, field by field
// ---------------------------------------------------------------------------------------

use super as d;

impl From<&d::Summary> for SummaryV2 {
    fn from(s: &d::Summary) -> SummaryV2 {
        SummaryV2 {
            format: s.format.clone(),
            version: s.version,
            worker: s.worker.clone(),
            period: Period {
                first_week: s.period.first_week,
                last_week: s.period.last_week,
                weeks: s.period.weeks,
            },
            redactions: s
                .redactions
                .iter()
                .map(|k| KindCount {
                    kind: k.kind,
                    count: k.count,
                })
                .collect(),
            overview: Overview {
                entries: s.overview.entries,
                entries_shared: s.overview.entries_shared,
                families: families(&s.overview.families),
                tags: tags(&s.overview.tags),
                weeks: s
                    .overview
                    .weeks
                    .iter()
                    .map(|w| WeekOverview {
                        week: w.week,
                        entries: w.entries,
                        families: families(&w.families),
                    })
                    .collect(),
            },
            normative: Normative {
                tags: tags(&s.normative.tags),
                escalations: s.normative.escalations,
                escalations_withheld: s.normative.escalations_withheld,
                reflections: reflections(&s.normative.reflections),
            },
            formative: Formative {
                weeks: s
                    .formative
                    .weeks
                    .iter()
                    .map(|w| FormativeWeek {
                        week: w.week,
                        items: w
                            .items
                            .iter()
                            .map(|i| FormativeItem {
                                reflection: i.reflection,
                                role: i.role,
                                prompt: i.prompt.clone(),
                                text: text(&i.text),
                            })
                            .collect(),
                    })
                    .collect(),
            },
            restorative: restorative(&s.restorative),
            other_reflections: reflections(&s.other_reflections),
            bring: s.bring.as_ref().map(text),
            tag_counts: s
                .tag_counts
                .iter()
                .map(|r| WeekTagCount {
                    week: r.week,
                    family: r.family.clone(),
                    tag: r.tag.clone(),
                    label: r.label.clone(),
                    count: r.count,
                })
                .collect(),
        }
    }
}

fn families(f: &[d::FamilyCount]) -> Vec<FamilyCount> {
    f.iter()
        .map(|f| FamilyCount {
            family: f.family.clone(),
            count: f.count,
        })
        .collect()
}

fn tags(t: &[d::TagCount]) -> Vec<TagCount> {
    t.iter()
        .map(|t| TagCount {
            tag: t.tag.clone(),
            family: t.family.clone(),
            label: t.label.clone(),
            count: t.count,
        })
        .collect()
}

fn text(t: &d::Text) -> Text {
    Text {
        text: t.text.clone(),
        redactions: t
            .redactions
            .iter()
            .map(|m| Mark {
                kind: m.kind,
                start: m.start,
                end: m.end,
            })
            .collect(),
    }
}

fn reflections(r: &[d::Reflection]) -> Vec<Reflection> {
    r.iter()
        .map(|r| Reflection {
            number: r.number,
            week: r.week,
            tags: r
                .tags
                .iter()
                .map(|t| TagRef {
                    tag: t.tag.clone(),
                    family: t.family.clone(),
                    label: t.label.clone(),
                })
                .collect(),
            answers: r
                .answers
                .iter()
                .map(|a| AnswerText {
                    prompt: a.prompt.clone(),
                    role: a.role,
                    text: text(&a.text),
                })
                .collect(),
        })
        .collect()
}

fn restorative(r: &d::Restorative) -> Restorative {
    let wb = &r.wellbeing;
    let h = &r.holding;
    Restorative {
        wellbeing: Wellbeing {
            checks: wb.checks,
            average: wb.average,
            emotional_load: LoadCounts {
                light: wb.emotional_load.light,
                moderate: wb.emotional_load.moderate,
                heavy: wb.emotional_load.heavy,
                not_given: wb.emotional_load.not_given,
            },
            weeks: wb
                .weeks
                .iter()
                .map(|w| WellbeingWeek {
                    week: w.week,
                    checks: w.checks,
                    average: w.average,
                    heavy_days: w.heavy_days,
                })
                .collect(),
        },
        own_wellbeing: tags(&r.own_wellbeing),
        holding: Holding {
            open: h.open,
            by_duration: h
                .by_duration
                .iter()
                .map(|b| BandCount {
                    band: b.band,
                    count: b.count,
                })
                .collect(),
            by_function: tags(&h.by_function),
            by_driver: tags(&h.by_driver),
            closed: h
                .closed
                .iter()
                .map(|o| OutcomeCount {
                    outcome: o.outcome,
                    count: o.count,
                })
                .collect(),
        },
        embeddedness: r
            .embeddedness
            .iter()
            .map(|e| EmbeddednessWeek {
                week: e.week,
                rating: e.rating,
            })
            .collect(),
    }
}
