//! Periodic and after-session check-ins about the worker, not the people they support.
//! The embeddedness check-in asks, at an interval the worker chooses, where they sit on
//! the continuum from bolted on through fitting in to belonging, with optional notes on the
//! four concepts underneath; its history becomes the "embeddedness over time" chart. The
//! wellbeing check is the optional one-step "How are you after this?" after saving an
//! entry; its weekly trend feeds the insights page and the restorative part of the
//! supervision summary. Pure: the shell passes in today's date and persists what comes
//! back; form strings are parsed once into these types.

use std::collections::BTreeMap;

use super::ids::EntryId;
use super::journal::Journal;
use super::tags::{Embeddedness, EmbeddednessConcept};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest note on one embeddedness concept, in characters: a few sentences, not an
/// essay (the journal is the place for those).
pub const MAX_NOTE_CHARS: usize = 500;

/// The question the wellbeing check asks.
pub const WELLBEING_QUESTION: &str = "How are you after this?";

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// The part of a check-in form an error points at, with a stable HTML id for the error
/// summary link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckInField {
    Embeddedness,
    Note(EmbeddednessConcept),
    Rating,
    Load,
}

impl CheckInField {
    pub fn html_id(self) -> &'static str {
        match self {
            CheckInField::Embeddedness => "embeddedness-rating",
            CheckInField::Note(EmbeddednessConcept::Power) => "embeddedness-note-power",
            CheckInField::Note(EmbeddednessConcept::Identity) => "embeddedness-note-identity",
            CheckInField::Note(EmbeddednessConcept::Effect) => "embeddedness-note-effect",
            CheckInField::Note(EmbeddednessConcept::Infrastructure) => {
                "embeddedness-note-infrastructure"
            }
            CheckInField::Rating => "wellbeing-rating",
            CheckInField::Load => "wellbeing-load",
        }
    }
}

/// Why a check-in form was not accepted, worded GOV.UK-style for the error summary.
/// Nothing is saved when one is returned.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CheckInError {
    #[error("Select where you feel you are: bolted on, fitting in or belonging")]
    NoEmbeddedness,
    #[error("Note on \u{2018}{}\u{2019} must be 500 characters or fewer", .0.label())]
    NoteTooLong(EmbeddednessConcept),
    #[error("Select how you are after this, from very low to very good")]
    NoRating,
    #[error("Select the emotional load: light, moderate or heavy")]
    UnknownLoad,
}

impl CheckInError {
    pub fn field(&self) -> CheckInField {
        match self {
            CheckInError::NoEmbeddedness => CheckInField::Embeddedness,
            CheckInError::NoteTooLong(c) => CheckInField::Note(*c),
            CheckInError::NoRating => CheckInField::Rating,
            CheckInError::UnknownLoad => CheckInField::Load,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Embeddedness
// ---------------------------------------------------------------------------------------

/// How often the worker wants to be asked about embeddedness. A setting, stored with the
/// others; monthly by default, since embeddedness changes over months, not days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckInInterval {
    Weekly,
    Fortnightly,
    #[default]
    Monthly,
    Never,
}

impl CheckInInterval {
    pub const ALL: [CheckInInterval; 4] = [
        CheckInInterval::Weekly,
        CheckInInterval::Fortnightly,
        CheckInInterval::Monthly,
        CheckInInterval::Never,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CheckInInterval::Weekly => "weekly",
            CheckInInterval::Fortnightly => "fortnightly",
            CheckInInterval::Monthly => "monthly",
            CheckInInterval::Never => "never",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckInInterval::Weekly => "Every week",
            CheckInInterval::Fortnightly => "Every 2 weeks",
            CheckInInterval::Monthly => "Every month",
            CheckInInterval::Never => "Never: I will check in when I choose",
        }
    }

    pub fn parse(raw: &str) -> Option<CheckInInterval> {
        CheckInInterval::ALL
            .into_iter()
            .find(|i| i.id() == raw.trim())
    }

    /// The day a check-in made on `last` falls due again: a week or two later, or the
    /// same day next month (31 January is followed by the last day of February). `None`
    /// for [`CheckInInterval::Never`], and at the far end of the calendar.
    pub fn next_after(self, last: NaiveDate) -> Option<NaiveDate> {
        match self {
            CheckInInterval::Weekly => last.checked_add_days(Days::new(7)),
            CheckInInterval::Fortnightly => last.checked_add_days(Days::new(14)),
            CheckInInterval::Monthly => last.checked_add_months(Months::new(1)),
            CheckInInterval::Never => None,
        }
    }
}

/// One embeddedness check-in. Stored; the shape is
/// `{"on":"YYYY-MM-DD","rating":"fitting-in","notes":{"power":"…"}?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddednessCheckIn {
    pub on: NaiveDate,
    pub rating: Embeddedness,
    /// Optional notes on the four concepts; a concept left blank has no key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<EmbeddednessConcept, String>,
}

impl EmbeddednessCheckIn {
    /// Parses the check-in form: the rating's id (`"bolted-on"`, `"fitting-in"`,
    /// `"belonging"`) and a note per concept, each trimmed; blank notes are dropped.
    /// Every problem is reported at once, in form order.
    pub fn parse(
        on: NaiveDate,
        rating: &str,
        notes: &BTreeMap<EmbeddednessConcept, String>,
    ) -> Result<EmbeddednessCheckIn, Vec<CheckInError>> {
        let mut errors = Vec::new();
        let rating = Embeddedness::ALL
            .into_iter()
            .find(|e| e.id() == rating.trim());
        if rating.is_none() {
            errors.push(CheckInError::NoEmbeddedness);
        }
        let mut kept = BTreeMap::new();
        for concept in EmbeddednessConcept::ALL {
            let note = notes.get(&concept).map_or("", |n| n.trim());
            if note.chars().count() > MAX_NOTE_CHARS {
                errors.push(CheckInError::NoteTooLong(concept));
            } else if !note.is_empty() {
                kept.insert(concept, note.to_owned());
            }
        }
        match rating {
            Some(rating) if errors.is_empty() => Ok(EmbeddednessCheckIn {
                on,
                rating,
                notes: kept,
            }),
            _ => Err(errors),
        }
    }
}

/// Every embeddedness check-in, oldest first, at most one per day. Stored as
/// `{"check_ins":[...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbeddednessHistory {
    #[serde(default)]
    check_ins: Vec<EmbeddednessCheckIn>,
}

impl EmbeddednessHistory {
    pub fn new() -> EmbeddednessHistory {
        EmbeddednessHistory::default()
    }

    /// Adds a check-in in date order. A second check-in on the same day replaces the
    /// first: the worker changed their mind, and two points on one day would make the
    /// chart jump.
    pub fn add(&mut self, check_in: EmbeddednessCheckIn) {
        match self.check_ins.iter_mut().find(|c| c.on == check_in.on) {
            Some(same_day) => *same_day = check_in,
            None => {
                self.check_ins.push(check_in);
                // A stable sort, not a binary search: a stored history edited by hand may
                // be out of order, and this puts it right.
                self.check_ins.sort_by_key(|c| c.on);
            }
        }
    }

    /// Rebuilds the history from stored check-ins (see `core::frozen`).
    pub fn from_check_ins(check_ins: Vec<EmbeddednessCheckIn>) -> EmbeddednessHistory {
        EmbeddednessHistory { check_ins }
    }

    pub fn all(&self) -> &[EmbeddednessCheckIn] {
        &self.check_ins
    }

    /// The most recent check-in by date.
    pub fn latest(&self) -> Option<&EmbeddednessCheckIn> {
        self.check_ins.iter().max_by_key(|c| c.on)
    }

    /// Date and rating of each check-in, oldest first, for the chart (plot
    /// [`Embeddedness::position`]).
    pub fn series(&self) -> Vec<(NaiveDate, Embeddedness)> {
        let mut points: Vec<(NaiveDate, Embeddedness)> =
            self.check_ins.iter().map(|c| (c.on, c.rating)).collect();
        // Sorted again: a stored history read back may never have passed through `add`.
        points.sort_by_key(|p| p.0);
        points
    }

    /// Whether to prompt for a check-in `today`: never with [`CheckInInterval::Never`],
    /// at once if there has been none, otherwise once the interval since the latest has
    /// passed.
    pub fn is_due(&self, today: NaiveDate, interval: CheckInInterval) -> bool {
        if interval == CheckInInterval::Never {
            return false;
        }
        match self.latest() {
            None => true,
            Some(last) => interval.next_after(last.on).is_some_and(|due| due <= today),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Wellbeing
// ---------------------------------------------------------------------------------------

/// The answer to "How are you after this?", 1 (very low) to 5 (very good). Stored as the
/// number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    /// Every rating, for the radio buttons, lowest first.
    pub const ALL: [Rating; 5] = [Rating(1), Rating(2), Rating(3), Rating(4), Rating(5)];

    pub fn new(value: u8) -> Option<Rating> {
        (1..=5).contains(&value).then_some(Rating(value))
    }

    /// From a form value: `"1"` to `"5"`, spaces allowed around it.
    pub fn parse(raw: &str) -> Option<Rating> {
        raw.trim().parse::<u8>().ok().and_then(Rating::new)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "Very low",
            2 => "Low",
            3 => "Okay",
            4 => "Good",
            _ => "Very good",
        }
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Rating::new(value).ok_or_else(|| format!("not a rating from 1 to 5: {value}"))
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// How heavy the session felt to carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Load {
    Light,
    Moderate,
    Heavy,
}

impl Load {
    pub const ALL: [Load; 3] = [Load::Light, Load::Moderate, Load::Heavy];

    pub fn id(self) -> &'static str {
        match self {
            Load::Light => "light",
            Load::Moderate => "moderate",
            Load::Heavy => "heavy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Load::Light => "Light",
            Load::Moderate => "Moderate",
            Load::Heavy => "Heavy",
        }
    }

    pub fn parse(raw: &str) -> Option<Load> {
        Load::ALL.into_iter().find(|l| l.id() == raw.trim())
    }
}

/// One answer to the wellbeing check after saving an entry. Stored; the shape is
/// `{"entry":"…","on":"YYYY-MM-DD","rating":4,"emotional_load":"heavy"?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingCheck {
    /// The entry just saved.
    pub entry: EntryId,
    /// The day the worker answered (normally today, even for a back-dated entry: the
    /// question is how they are now). Weekly figures count the check on the day of the
    /// reflection it is about instead ([`ReflectionDays`]).
    pub on: NaiveDate,
    pub rating: Rating,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotional_load: Option<Load>,
}

impl WellbeingCheck {
    /// Parses the one-step form: a rating `"1"`–`"5"` (required once the worker chose to
    /// answer) and an emotional load id (optional: blank means not answered).
    pub fn parse(
        entry: EntryId,
        on: NaiveDate,
        rating: &str,
        load: &str,
    ) -> Result<WellbeingCheck, Vec<CheckInError>> {
        let mut errors = Vec::new();
        let rating = Rating::parse(rating);
        if rating.is_none() {
            errors.push(CheckInError::NoRating);
        }
        let emotional_load = if load.trim().is_empty() {
            None
        } else {
            let parsed = Load::parse(load);
            if parsed.is_none() {
                errors.push(CheckInError::UnknownLoad);
            }
            parsed
        };
        match rating {
            Some(rating) if errors.is_empty() => Ok(WellbeingCheck {
                entry,
                on,
                rating,
                emotional_load,
            }),
            _ => Err(errors),
        }
    }
}

/// Every wellbeing check, at most one per entry, in the order answered. Stored as
/// `{"checks":[...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingLog {
    #[serde(default)]
    checks: Vec<WellbeingCheck>,
}

impl WellbeingLog {
    pub fn new() -> WellbeingLog {
        WellbeingLog::default()
    }

    /// Records a check. Answering again for the same entry (after editing it) replaces
    /// the earlier answer, so one session is never counted twice.
    pub fn record(&mut self, check: WellbeingCheck) {
        match self.checks.iter_mut().find(|c| c.entry == check.entry) {
            Some(old) => *old = check,
            None => self.checks.push(check),
        }
    }

    pub fn all(&self) -> &[WellbeingCheck] {
        &self.checks
    }

    /// Rebuilds the log from stored checks (see `core::frozen`).
    pub fn from_checks(checks: Vec<WellbeingCheck>) -> WellbeingLog {
        WellbeingLog { checks }
    }

    pub fn for_entry(&self, entry: &EntryId) -> Option<&WellbeingCheck> {
        self.checks.iter().find(|c| &c.entry == entry)
    }

    /// Forgets the check for a deleted entry. Returns whether there was one.
    pub fn forget_entry(&mut self, entry: &EntryId) -> bool {
        let before = self.checks.len();
        self.checks.retain(|c| &c.entry != entry);
        self.checks.len() != before
    }

    pub fn weekly_trend(&self, days: &ReflectionDays) -> Vec<WeekTrend> {
        weekly_trend(&self.checks, days)
    }
}

/// The day each reflection is about, by id, for counting wellbeing checks in weeks. A
/// check answered today about last week's session belongs to last week: counted on the
/// day it was answered, a back-dated reflection's check would land in the wrong week.
/// A check whose reflection is not known (deleted, or a test without a journal) counts
/// on the day it was answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReflectionDays(BTreeMap<EntryId, NaiveDate>);

impl ReflectionDays {
    pub fn of(journal: &Journal) -> ReflectionDays {
        ReflectionDays(
            journal
                .newest_first()
                .map(|e| (e.id.clone(), e.about))
                .collect(),
        )
    }

    /// The day `check` counts on in weekly figures.
    pub fn counts_on(&self, check: &WellbeingCheck) -> NaiveDate {
        self.0.get(&check.entry).copied().unwrap_or(check.on)
    }
}

/// One ISO week (Monday to Sunday) of wellbeing checks, for the trend chart and the
/// restorative part of the supervision summary (which shows weeks, not days).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeekTrend {
    /// The Monday the week starts on.
    pub week_of: NaiveDate,
    pub iso_year: i32,
    pub iso_week: u32,
    /// How many checks were answered that week.
    pub checks: usize,
    /// The mean rating, 1.0 to 5.0.
    pub average: f64,
    /// Days in the week with at least one heavy emotional load.
    pub heavy_days: usize,
}

/// The average rating and heavy-load days per ISO week, oldest week first, each check
/// counted on the day of its reflection ([`ReflectionDays`]). Weeks with no checks are
/// left out; a chart shows them as gaps, not as zero.
pub fn weekly_trend(checks: &[WellbeingCheck], days: &ReflectionDays) -> Vec<WeekTrend> {
    struct Acc {
        count: usize,
        total: u64,
        heavy: Vec<NaiveDate>,
    }
    let mut weeks: BTreeMap<NaiveDate, Acc> = BTreeMap::new();
    for check in checks {
        let on = days.counts_on(check);
        let back = Days::new(u64::from(on.weekday().num_days_from_monday()));
        // Only the first days of the calendar have no Monday before them.
        let monday = on.checked_sub_days(back).unwrap_or(on);
        let acc = weeks.entry(monday).or_insert(Acc {
            count: 0,
            total: 0,
            heavy: Vec::new(),
        });
        acc.count += 1;
        acc.total += u64::from(check.rating.value());
        if check.emotional_load == Some(Load::Heavy) && !acc.heavy.contains(&on) {
            acc.heavy.push(on);
        }
    }
    weeks
        .into_iter()
        .map(|(monday, acc)| {
            let iso = monday.iso_week();
            WeekTrend {
                week_of: monday,
                iso_year: iso.year(),
                iso_week: iso.week(),
                checks: acc.count,
                // `count` is at least 1: a week is only present once a check is in it.
                average: acc.total as f64 / acc.count as f64,
                heavy_days: acc.heavy.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
