//! The anonymised supervision summary (issue 4): what a worker takes to supervision,
//! organised by Proctor's three functions. Normative: micro-discretions and stretched
//! boundaries to discuss, safeguarding escalations as counts only. Formative: learning
//! points and actions. Restorative: wellbeing, emotional load, holding load and
//! embeddedness. Then what the worker wants to bring.
//!
//! The flow is three pure steps, so each can be tested natively:
//! 1. [`form::SummaryForm::validate`] turns the form into a [`SummaryRequest`] (a period
//!    and the entries whose text to include), with GOV.UK-worded field errors.
//! 2. [`Review::new`] gathers every text that would leave the device, scans each with one
//!    [`Anonymiser`](super::anonymise::Anonymiser), and counts everything else. The worker
//!    un-redacts false alarms and adds words to redact; those choices are a plain
//!    [`Decisions`] value, and [`Review::view`] shows their effect.
//! 3. [`Review::finish`] applies the decisions with that same anonymiser, so a person
//!    keeps one pseudonym across the whole export, and returns the [`Summary`]; the
//!    [`export`] functions write it as Markdown, printable HTML, JSON or CSV.
//!
//! The [`Summary`] type holds what the JSON format carries; the files themselves are
//! written and read only through the frozen shapes in [`json`] (version 2, documented in
//! `docs/export-json-v2.md`; version 1 in `docs/export-json-v1.md`). Every date in it is
//! the Monday of a week, because supervision summaries show weeks, not days.

pub mod export;
pub mod form;
pub mod json;
mod review;

pub use form::{SummaryField, SummaryFieldError, SummaryForm, SummaryRequest};
pub use review::{
    mark_id, text_markup, Decisions, MarkState, PageView, PageWarning, Progress, Review,
    ReviewError, ReviewPage, ReviewText, Segment, SegmentMark, SummaryData, TextId, TextView,
    Unredaction, WarningView, MAX_PHRASE_CHARS,
};

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::anonymise::Kind;
use super::checkins::Load;
use super::tags::{builtin_tag, Embeddedness, Family};
use super::templates::PromptRole;
use super::threads::{DurationBand, Outcome};

/// The `format` field of every exported summary, so a reader can tell it from other JSON.
pub const FORMAT: &str = "anchorpoint-supervision-summary";
/// The JSON format's version. Bump it only for a change an old reader would misread.
/// Version 2 added `worker` (`docs/export-json-v2.md`); the frozen shapes of both are in
/// [`json`].
pub const VERSION: u32 = 2;
/// The longest name or initials a worker can put on a summary, in characters: enough for
/// a full name, short enough for a file name.
pub const MAX_WORKER_CHARS: usize = 40;
/// The family id used for the worker's own tags, which belong to no built-in family.
pub const CUSTOM_FAMILY: &str = "custom";

/// Whether an entry's words can never go into a summary: it is tagged "escalate
/// elsewhere", so it is counted and never quoted. The form says so beside it.
pub fn text_withheld(entry: &crate::core::entry::Entry) -> bool {
    entry
        .tags
        .iter()
        .any(|t| builtin_tag(t.as_str()).is_some_and(|b| b.family == Family::EscalateElsewhere))
}

/// The Monday of the week `day` falls in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    let back = Days::new(u64::from(day.weekday().num_days_from_monday()));
    // Only the first days of the calendar have no Monday before them.
    day.checked_sub_days(back).unwrap_or(day)
}

/// A week as the summary writes it: "w/c 2 Nov 2026" (week commencing that Monday).
/// Written by hand: chrono's strftime engine costs the browser bundle about 9 KB.
pub fn week_label(monday: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "w/c {} {} {}",
        monday.day(),
        MONTHS[monday.month0() as usize],
        monday.year()
    )
}

/// A family's name for people: the built-in family's label, or "your own tags".
pub fn family_label(id: &str) -> &'static str {
    Family::ALL
        .into_iter()
        .find(|f| f.id() == id)
        .map_or("your own tags", Family::label)
}

/// Checks the optional "Name or initials shown to your supervisor": blank is none;
/// otherwise trimmed, at most [`MAX_WORKER_CHARS`], on one line, with at least one letter
/// or digit (the file name is made from those).
pub fn worker_name(typed: &str) -> Result<Option<String>, &'static str> {
    let name = typed.trim();
    if name.is_empty() {
        return Ok(None);
    }
    if name.chars().count() > MAX_WORKER_CHARS {
        return Err("Name or initials must be 40 characters or fewer");
    }
    if name.chars().any(char::is_control) {
        return Err("Name or initials must be on one line");
    }
    if worker_slug(name).is_empty() {
        return Err("Name or initials must include a letter or a number");
    }
    // Runs of spaces become one, so "J  B" and "J B" are the same worker's files.
    Ok(Some(name.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// The worker's name as it goes into a file name: letters and digits (ASCII lowercased),
/// each other run of characters one hyphen. "Jo Bloggs-Smith" gives `jo-bloggs-smith`.
pub fn worker_slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

// ---------------------------------------------------------------------------------------
// The summary (the JSON format's content; its frozen shapes are in `json`)
// ---------------------------------------------------------------------------------------

/// Everything the export contains. Only the entries the worker chose contribute text, all
/// of it anonymised; tags, counts and trends are always included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this code.
    pub version: u32,
    /// The name or initials the worker chose to show their supervisor (see
    /// [`worker_name`]); none if left blank. Never anonymised: the worker typed it for
    /// exactly this reader.
    pub worker: Option<String>,
    pub period: Period,
    /// How many details of each kind were replaced in the exported text.
    pub redactions: Vec<KindCount>,
    pub overview: Overview,
    pub normative: Normative,
    pub formative: Formative,
    pub restorative: Restorative,
    /// Chosen entries with no micro-discretion or boundary tag (those are under
    /// normative), oldest first.
    pub other_reflections: Vec<Reflection>,
    /// What the worker wants to bring to supervision, anonymised; none if left blank.
    pub bring: Option<Text>,
    /// Entries per tag per week, for the CSV export: only non-zero counts.
    pub tag_counts: Vec<WeekTagCount>,
}

/// The weeks a summary covers: whole weeks, Monday to Sunday, so no day is singled out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The Monday of the first week.
    pub first_week: NaiveDate,
    /// The Monday of the last week.
    pub last_week: NaiveDate,
    /// How many weeks, counting both ends.
    pub weeks: u32,
}

impl Period {
    /// The whole weeks from the one holding `from` to the one holding `to` (either order).
    pub fn covering(from: NaiveDate, to: NaiveDate) -> Period {
        let (a, b) = if from <= to { (from, to) } else { (to, from) };
        let first_week = monday_of(a);
        let last_week = monday_of(b);
        let weeks = (last_week - first_week).num_days() / 7 + 1;
        Period {
            first_week,
            last_week,
            weeks: u32::try_from(weeks).unwrap_or(u32::MAX),
        }
    }

    /// The first day covered (a Monday).
    pub fn start(&self) -> NaiveDate {
        self.first_week
    }

    /// The last day covered (a Sunday).
    pub fn end(&self) -> NaiveDate {
        self.last_week
            .checked_add_days(Days::new(6))
            .unwrap_or(self.last_week)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.end()
    }

    /// The Monday of every week covered, oldest first.
    pub fn mondays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..u64::from(self.weeks))
            .filter_map(|w| self.first_week.checked_add_days(Days::new(w * 7)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCount {
    pub kind: Kind,
    pub count: usize,
}

/// Counts for the whole period and week by week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Entries about a day in the period.
    pub entries: usize,
    /// Of those, entries whose text is included.
    pub entries_shared: usize,
    /// Entries with at least one tag of each family: every built-in family in picker
    /// order, then the worker's own tags ([`CUSTOM_FAMILY`]).
    pub families: Vec<FamilyCount>,
    /// Entries carrying each tag used in the period, in picker order, custom tags last.
    pub tags: Vec<TagCount>,
    /// Every week of the period, oldest first.
    pub weeks: Vec<WeekOverview>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyCount {
    /// A [`Family`] id, or [`CUSTOM_FAMILY`].
    pub family: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekOverview {
    pub week: NaiveDate,
    pub entries: usize,
    /// Same families, same order as [`Overview::families`].
    pub families: Vec<FamilyCount>,
}

/// How many entries (or threads, where the field says so) carry a tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    pub tag: String,
    pub family: String,
    /// The tag's label within its family; a custom tag's label is anonymised.
    pub label: String,
    pub count: usize,
}

/// A tag on a shared reflection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRef {
    pub tag: String,
    pub family: String,
    pub label: String,
}

impl TagRef {
    /// "micro-discretion: with a patient", as the app shows a tag out of its group.
    pub fn full_label(&self) -> String {
        full_label(&self.tag, &self.label)
    }
}

/// A built-in tag's family and label together; a custom tag's (anonymised) label alone.
pub fn full_label(tag: &str, label: &str) -> String {
    builtin_tag(tag).map_or_else(|| label.to_owned(), |b| b.full_label())
}

/// The normative function: practice, standards and judgement calls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normative {
    /// Every micro-discretion and boundary tag, zeros included.
    pub tags: Vec<TagCount>,
    /// Entries tagged "escalate elsewhere": a count, never their text.
    pub escalations: usize,
    /// Of those, entries the worker chose to share whose text was left out for this.
    pub escalations_withheld: usize,
    /// Chosen entries carrying a micro-discretion or boundary tag, oldest first.
    pub reflections: Vec<Reflection>,
}

/// One shared entry: its week, tags and anonymised answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// 1, 2, 3… over every shared entry, oldest first.
    pub number: usize,
    pub week: NaiveDate,
    pub tags: Vec<TagRef>,
    pub answers: Vec<AnswerText>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerText {
    /// The template prompt answered (anonymised); none for free writing.
    pub prompt: Option<String>,
    pub role: PromptRole,
    pub text: Text,
}

/// Anonymised text, with where each replacement sits so a reader can highlight it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    pub redactions: Vec<Mark>,
}

/// One replacement in a [`Text`]: `start..end` in Unicode scalar values (chars) of
/// `text`, covering the replacement ("Person A", "[phone]").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// The formative function: learning points and actions, week by week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formative {
    /// Only weeks with at least one item, oldest first.
    pub weeks: Vec<FormativeWeek>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormativeWeek {
    pub week: NaiveDate,
    pub items: Vec<FormativeItem>,
}

/// A template answer whose prompt is a learning point or an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormativeItem {
    /// The [`Reflection::number`] it comes from.
    pub reflection: usize,
    /// `learning` or `action`.
    pub role: PromptRole,
    pub prompt: Option<String>,
    pub text: Text,
}

/// The restorative function: what the work is costing the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Restorative {
    pub wellbeing: Wellbeing,
    /// Every own-wellbeing tag, zeros included.
    pub own_wellbeing: Vec<TagCount>,
    pub holding: Holding,
    /// The rating of the last embeddedness check-in of each week that had one.
    pub embeddedness: Vec<EmbeddednessWeek>,
}

/// Answers to "How are you after this?" (1 very low to 5 very good) in the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wellbeing {
    pub checks: usize,
    /// Mean rating to two decimal places; none without checks.
    pub average: Option<f64>,
    pub emotional_load: LoadCounts,
    /// Weeks with at least one check, oldest first.
    pub weeks: Vec<WellbeingWeek>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadCounts {
    pub light: usize,
    pub moderate: usize,
    pub heavy: usize,
    /// Checks answered without an emotional load.
    pub not_given: usize,
}

impl LoadCounts {
    fn add(&mut self, load: Option<Load>) {
        match load {
            Some(Load::Light) => self.light += 1,
            Some(Load::Moderate) => self.moderate += 1,
            Some(Load::Heavy) => self.heavy += 1,
            None => self.not_given += 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WellbeingWeek {
    pub week: NaiveDate,
    pub checks: usize,
    pub average: f64,
    /// Days that week with at least one heavy emotional load.
    pub heavy_days: usize,
}

/// Holding load as counts only: thread pseudonyms never leave the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    /// Threads open at the end of the period.
    pub open: usize,
    /// Open threads by how long they had run at the end of the period, every band.
    pub by_duration: Vec<BandCount>,
    /// Open threads carrying each holding function, every function (counts are threads).
    pub by_function: Vec<TagCount>,
    /// Open threads carrying each holding driver, every driver (counts are threads).
    pub by_driver: Vec<TagCount>,
    /// Threads closed during the period, by outcome, every outcome.
    pub closed: Vec<OutcomeCount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandCount {
    pub band: DurationBand,
    pub count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCount {
    pub outcome: Outcome,
    pub count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddednessWeek {
    pub week: NaiveDate,
    pub rating: Embeddedness,
}

/// One row of the CSV export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekTagCount {
    pub week: NaiveDate,
    pub family: String,
    pub tag: String,
    pub label: String,
    pub count: usize,
}

#[cfg(test)]
mod tests;
