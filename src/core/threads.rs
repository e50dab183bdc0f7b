//! Holding threads: the people a worker is holding, under a pseudonym they choose
//! ("Person A"), with the holding functions and drivers at work, the entries that mention
//! them, how long the holding has run and how it ended. Holding is "vital, but often
//! overlooked"; a thread makes it visible as a count, a duration and an outcome, without
//! naming anyone. Threads hold the links to entries, so entries need no new field and a
//! stored entry never changes because a thread did. Everything here is pure: the shell
//! passes in today's date and fresh [`ThreadId`]s, and persists what comes back.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::anonymise::{find_phrase, is_known_name};
use super::ids::{name_key, tidy_name, EntryId, TagId, ThreadId};
use super::tags::Family;

/// The longest pseudonym, in characters: it is shown as a heading and in lists.
pub const MAX_PSEUDONYM_CHARS: usize = 40;

/// What the UI suggests instead of a real name.
pub const PSEUDONYM_EXAMPLE: &str = "Person A";

// ---------------------------------------------------------------------------------------
// Pseudonyms
// ---------------------------------------------------------------------------------------

/// The name a worker gives a thread: trimmed, inner whitespace collapsed, control
/// characters removed, 1 to 40 characters. Whether it might be a real name is a separate,
/// softer question ([`pseudonym_warnings`]): the worker is warned, never refused, because
/// only they know whether "Rose" is a person or the name of a café.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Pseudonym(String);

impl Pseudonym {
    pub fn parse(raw: &str) -> Result<Pseudonym, ThreadError> {
        let name = tidy_name(raw);
        if name.is_empty() {
            Err(ThreadError::EmptyPseudonym)
        } else if name.chars().count() > MAX_PSEUDONYM_CHARS {
            Err(ThreadError::PseudonymTooLong)
        } else {
            Ok(Pseudonym(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What two pseudonyms are compared by: "Person A" and "person  a" are the same
    /// person to a reader, so they may not both be open.
    fn key(&self) -> String {
        name_key(&self.0)
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Pseudonym {
    type Error = ThreadError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Pseudonym::parse(&value)
    }
}

impl From<Pseudonym> for String {
    fn from(p: Pseudonym) -> String {
        p.0
    }
}

/// Titles that put a real name after them. The formal ones warn before any word ("Mrs
/// A"); the family and role words only before a capitalised one, so "brother of Person
/// A" passes while "Sister Mary" does not.
const FORMAL_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "rev",
    "revd",
    "reverend",
    "sir",
    "dame",
    "lord",
    "cllr",
    "councillor",
];
const OTHER_TITLES: &[&str] = &[
    "doctor", "nurse", "sister", "brother", "father", "lady", "pastor", "imam", "rabbi", "auntie",
    "aunty", "uncle", "nan", "nana", "grandma", "grandad",
];

/// Capitalised words that name a role, not a person, so "Person Alpha" or "Client Blue"
/// are not mistaken for a first name and surname.
const PLACEHOLDER_WORDS: &[&str] = &[
    "person",
    "patient",
    "client",
    "service",
    "user",
    "carer",
    "resident",
    "tenant",
    "gentleman",
    "man",
    "woman",
    "mum",
    "dad",
    "young",
    "older",
    "the",
];

/// Reasons to think twice about a pseudonym, as sentences for the warning panel. Empty
/// means nothing was noticed. A pseudonym is warned about (never refused) when it
/// contains a name from the worker's private list of names to redact (case-insensitively,
/// by whole word, possessives too, with the same matching the export's redaction uses),
/// when a title such as "Mrs" introduces a name, or when it looks like a first name and
/// surname (two capitalised words).
pub fn pseudonym_warnings(pseudonym: &Pseudonym, private_names: &[String]) -> Vec<String> {
    let text = pseudonym.as_str();
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    for name in private_names {
        let name = name.trim();
        if !name.is_empty() && !find_phrase(text, name).is_empty() {
            push(format!(
                "\u{2018}{text}\u{2019} matches \u{2018}{name}\u{2019} on your list of names \
                 to redact. A pseudonym must not be a real name: use something like \
                 \u{2018}{PSEUDONYM_EXAMPLE}\u{2019}"
            ));
        }
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let title = pair[0].to_lowercase();
        let title = title.trim_end_matches('.');
        let next_capitalised = pair[1].chars().next().is_some_and(char::is_uppercase);
        if FORMAL_TITLES.contains(&title) || (OTHER_TITLES.contains(&title) && next_capitalised) {
            push(format!(
                "\u{2018}{}\u{2019} is a title, so \u{2018}{text}\u{2019} may be a real name. \
                 A pseudonym must not be a real name: use something like \
                 \u{2018}{PSEUDONYM_EXAMPLE}\u{2019}",
                pair[0]
            ));
        } else if let Some(name) = name_with_initial(pair) {
            push(format!(
                "\u{2018}{name}\u{2019} looks like a name with an initial, and initials \
                 could identify someone. A pseudonym must not be a real name: use something \
                 like \u{2018}{PSEUDONYM_EXAMPLE}\u{2019}"
            ));
        } else if looks_like_name_word(pair[0]) && looks_like_name_word(pair[1]) {
            push(format!(
                "\u{2018}{} {}\u{2019} looks like a first name and surname. A pseudonym must \
                 not be a real name: use something like \u{2018}{PSEUDONYM_EXAMPLE}\u{2019}",
                pair[0], pair[1]
            ));
        }
    }
    out
}

/// The words as typed if two neighbouring words are a known first name and an initial
/// ("Margaret O", "Margaret O.") or an initial and a known surname ("J Okafor", "J.
/// Okafor"). The name must be in the anonymiser's gazetteer and capitalised, so "Person
/// A", "Client B" and "A B" pass: a letter after a role word is the usual safe pseudonym.
fn name_with_initial(pair: &[&str]) -> Option<String> {
    let is_initial = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    };
    let is_name = |w: &str| looks_like_name_word(w) && is_known_name(w);
    let (first, second) = (pair.first()?, pair.get(1)?);
    ((is_name(first) && is_initial(second)) || (is_initial(first) && is_name(second)))
        .then(|| format!("{first} {second}"))
}

/// A word that could be part of a name: capitalised, at least two letters, with lower
/// case after the first letter (so "GP" and the "A" of "Person A" are not), and not a
/// title or a role word.
fn looks_like_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let lower = word.to_lowercase();
    first_upper
        && chars.any(char::is_lowercase)
        && !PLACEHOLDER_WORDS.contains(&lower.as_str())
        && !FORMAL_TITLES.contains(&lower.as_str())
        && !OTHER_TITLES.contains(&lower.as_str())
}

// ---------------------------------------------------------------------------------------
// Outcomes and durations
// ---------------------------------------------------------------------------------------

/// How a thread ended, in the domain brief's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    ConnectedOnward,
    Closed,
    StillHolding,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [
        Outcome::ConnectedOnward,
        Outcome::Closed,
        Outcome::StillHolding,
    ];

    /// A stable id, for form values and HTML ids.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::ConnectedOnward => "connected-onward",
            Outcome::Closed => "closed",
            Outcome::StillHolding => "still-holding",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::ConnectedOnward => "Connected onward",
            Outcome::Closed => "Closed",
            Outcome::StillHolding => "Still holding",
        }
    }

    /// One line of hint text for the radio button.
    pub fn definition(self) -> &'static str {
        match self {
            Outcome::ConnectedOnward => {
                "The person moved on to a service, group or other support."
            }
            Outcome::Closed => "The holding ended without an onward connection.",
            Outcome::StillHolding => {
                "You are ending the thread here but still holding the person, for example at a review."
            }
        }
    }

    /// The outcome with this id, from a form value.
    pub fn parse(raw: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == raw.trim())
    }
}

/// When and how a thread was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub on: NaiveDate,
    pub outcome: Outcome,
}

/// How long a thread has run, in whole days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ThreadDuration {
    days: u32,
}

impl ThreadDuration {
    pub fn from_days(days: u32) -> ThreadDuration {
        ThreadDuration { days }
    }

    pub fn days(self) -> u32 {
        self.days
    }

    /// Whole weeks.
    pub fn weeks(self) -> u32 {
        self.days / 7
    }

    /// "5 days", "3 weeks", "4 months", "2 years": days for the first fortnight, weeks up
    /// to three months, then months (rounded), then whole years from two years on.
    pub fn label(self) -> String {
        let d = self.days;
        let (n, unit) = if d == 0 {
            return "less than a day".to_owned();
        } else if d < 14 {
            (d, "day")
        } else if d < 91 {
            (d / 7, "week")
        } else if d < 730 {
            ((d * 12 + 182) / 365, "month")
        } else {
            (d / 365, "year")
        };
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    }

    pub fn band(self) -> DurationBand {
        match self.days {
            0..28 => DurationBand::UnderFourWeeks,
            28..91 => DurationBand::OneToThreeMonths,
            91..182 => DurationBand::ThreeToSixMonths,
            _ => DurationBand::OverSixMonths,
        }
    }
}

/// A coarse duration for the supervision summary, which shows holding load as counts per
/// band rather than exact dates (dates identify; bands do not). "1–3 months" starts at
/// four weeks so the bands leave no gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DurationBand {
    UnderFourWeeks,
    OneToThreeMonths,
    ThreeToSixMonths,
    OverSixMonths,
}

impl DurationBand {
    pub const ALL: [DurationBand; 4] = [
        DurationBand::UnderFourWeeks,
        DurationBand::OneToThreeMonths,
        DurationBand::ThreeToSixMonths,
        DurationBand::OverSixMonths,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DurationBand::UnderFourWeeks => "under 4 weeks",
            DurationBand::OneToThreeMonths => "1\u{2013}3 months",
            DurationBand::ThreeToSixMonths => "3\u{2013}6 months",
            DurationBand::OverSixMonths => "over 6 months",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// The part of a thread form an error points at, with a stable HTML id for the error
/// summary link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreadField {
    Pseudonym,
    Functions,
    Drivers,
    ClosedOn,
}

impl ThreadField {
    pub fn html_id(self) -> &'static str {
        match self {
            ThreadField::Pseudonym => "thread-pseudonym",
            ThreadField::Functions => "thread-functions",
            ThreadField::Drivers => "thread-drivers",
            ThreadField::ClosedOn => "thread-closed-on",
        }
    }
}

/// Why a change to a thread was refused. Nothing is changed when one is returned.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ThreadError {
    #[error("Enter a pseudonym")]
    EmptyPseudonym,
    #[error("Pseudonym must be 40 characters or fewer")]
    PseudonymTooLong,
    #[error(
        "You already have an open thread called \u{2018}{0}\u{2019}. Use a different pseudonym"
    )]
    DuplicatePseudonym(String),
    #[error("Choose holding functions only, such as \u{2018}waiting for services\u{2019}")]
    NotAFunction(TagId),
    #[error("Choose holding drivers only, such as \u{2018}no provision\u{2019}")]
    NotADriver(TagId),
    #[error("The date the thread closed must be the same as or after the date it was opened")]
    ClosedBeforeOpened { opened: NaiveDate, on: NaiveDate },
    #[error("This thread is already closed. Reopen it to change how it ended")]
    AlreadyClosed,
    #[error("That thread could not be found, so nothing was changed. Go back to your threads and try again")]
    UnknownThread(ThreadId),
    #[error("Something went wrong opening the thread, so nothing was changed. Try again")]
    IdInUse(ThreadId),
}

impl ThreadError {
    /// The form field to mark, if the error is about one.
    pub fn field(&self) -> Option<ThreadField> {
        match self {
            ThreadError::EmptyPseudonym
            | ThreadError::PseudonymTooLong
            | ThreadError::DuplicatePseudonym(_) => Some(ThreadField::Pseudonym),
            ThreadError::NotAFunction(_) => Some(ThreadField::Functions),
            ThreadError::NotADriver(_) => Some(ThreadField::Drivers),
            ThreadError::ClosedBeforeOpened { .. } => Some(ThreadField::ClosedOn),
            ThreadError::AlreadyClosed
            | ThreadError::UnknownThread(_)
            | ThreadError::IdInUse(_) => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// One thread
// ---------------------------------------------------------------------------------------

/// One person being held. Stored; the shape is
/// `{"id","pseudonym","opened","functions","drivers","entries","closed"?}` with dates as
/// `YYYY-MM-DD`, tags and entries as id strings, and `closed` as `{"on","outcome"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingThread {
    pub id: ThreadId,
    pub pseudonym: Pseudonym,
    pub opened: NaiveDate,
    /// Built-in "holding: function" tags, in the order chosen.
    #[serde(default)]
    pub functions: Vec<TagId>,
    /// Built-in "holding: driver" tags, in the order chosen.
    #[serde(default)]
    pub drivers: Vec<TagId>,
    /// Linked entries, in the order linked. Each contact is an entry.
    #[serde(default)]
    pub entries: Vec<EntryId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure>,
}

impl HoldingThread {
    /// A new open thread with nothing linked yet.
    pub fn open(id: ThreadId, pseudonym: Pseudonym, opened: NaiveDate) -> HoldingThread {
        HoldingThread {
            id,
            pseudonym,
            opened,
            functions: Vec::new(),
            drivers: Vec::new(),
            entries: Vec::new(),
            closed: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// Links an entry. Linking one already linked changes nothing, so a double click or a
    /// replayed event cannot count a contact twice. Returns whether anything changed.
    pub fn link(&mut self, entry: &EntryId) -> bool {
        if self.entries.contains(entry) {
            false
        } else {
            self.entries.push(entry.clone());
            true
        }
    }

    /// Unlinks an entry; unlinking one not linked changes nothing. Returns whether
    /// anything changed.
    pub fn unlink(&mut self, entry: &EntryId) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e != entry);
        self.entries.len() != before
    }

    pub fn is_linked(&self, entry: &EntryId) -> bool {
        self.entries.contains(entry)
    }

    /// Replaces the holding functions. Every tag must be a built-in "holding: function"
    /// tag; repeats are dropped, order is kept.
    pub fn set_functions(&mut self, tags: &[TagId]) -> Result<(), ThreadError> {
        self.functions = checked_family(tags, Family::HoldingFunction, ThreadError::NotAFunction)?;
        Ok(())
    }

    /// Replaces the holding drivers. Every tag must be a built-in "holding: driver" tag;
    /// repeats are dropped, order is kept.
    pub fn set_drivers(&mut self, tags: &[TagId]) -> Result<(), ThreadError> {
        self.drivers = checked_family(tags, Family::HoldingDriver, ThreadError::NotADriver)?;
        Ok(())
    }

    /// Closes the thread with an outcome, on a day no earlier than it was opened.
    pub fn close(&mut self, on: NaiveDate, outcome: Outcome) -> Result<(), ThreadError> {
        if self.closed.is_some() {
            return Err(ThreadError::AlreadyClosed);
        }
        if on < self.opened {
            return Err(ThreadError::ClosedBeforeOpened {
                opened: self.opened,
                on,
            });
        }
        self.closed = Some(Closure { on, outcome });
        Ok(())
    }

    /// Reopens a closed thread, forgetting how it ended. Private: the collection checks
    /// that no open thread already uses the pseudonym ([`Threads::reopen`]).
    fn reopen(&mut self) {
        self.closed = None;
    }

    /// How long the thread ran: from opening to closing, or to `today` while open. A
    /// date before opening (a clock that went back) counts as no time at all.
    pub fn duration(&self, today: NaiveDate) -> ThreadDuration {
        let end = self.closed.map_or(today, |c| c.on);
        let days = (end - self.opened).num_days().clamp(0, i64::from(u32::MAX));
        ThreadDuration::from_days(u32::try_from(days).unwrap_or(u32::MAX))
    }

    /// The number of contacts: linked entries.
    pub fn contacts(&self) -> usize {
        self.entries.len()
    }
}

fn checked_family(
    tags: &[TagId],
    family: Family,
    wrong: fn(TagId) -> ThreadError,
) -> Result<Vec<TagId>, ThreadError> {
    let mut out: Vec<TagId> = Vec::with_capacity(tags.len());
    for tag in tags {
        if tag.builtin().map(|t| t.family) != Some(family) {
            return Err(wrong(tag.clone()));
        }
        if !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// The collection
// ---------------------------------------------------------------------------------------

/// All of a worker's threads, in the order opened. Stored as `{"threads":[...]}`. Changes
/// go through here so that open pseudonyms stay unique.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threads {
    #[serde(default)]
    threads: Vec<HoldingThread>,
}

impl Threads {
    pub fn new() -> Threads {
        Threads::default()
    }

    pub fn all(&self) -> &[HoldingThread] {
        &self.threads
    }

    /// Rebuilds the collection from stored threads (see `core::frozen`).
    pub fn from_threads(threads: Vec<HoldingThread>) -> Threads {
        Threads { threads }
    }

    pub fn get(&self, id: &ThreadId) -> Option<&HoldingThread> {
        self.threads.iter().find(|t| &t.id == id)
    }

    pub fn open_threads(&self) -> impl Iterator<Item = &HoldingThread> {
        self.threads.iter().filter(|t| t.is_open())
    }

    pub fn closed_threads(&self) -> impl Iterator<Item = &HoldingThread> {
        self.threads.iter().filter(|t| !t.is_open())
    }

    /// The threads an entry is linked to, for the entry page and the search filter.
    pub fn for_entry<'a>(&'a self, entry: &'a EntryId) -> impl Iterator<Item = &'a HoldingThread> {
        self.threads.iter().filter(move |t| t.is_linked(entry))
    }

    /// The open thread with this pseudonym (in any case or spacing), if there is one.
    pub fn open_with_pseudonym(&self, raw: &str) -> Option<&HoldingThread> {
        let key = Pseudonym::parse(raw).ok()?.key();
        self.open_threads().find(|t| t.pseudonym.key() == key)
    }

    /// Opens a thread under the pseudonym typed. `id` is fresh from the shell. Refused if
    /// the pseudonym is empty, too long or already used by an open thread (a closed
    /// thread's pseudonym may be reused: "Person A" is a common choice).
    pub fn create(
        &mut self,
        id: ThreadId,
        pseudonym: &str,
        opened: NaiveDate,
    ) -> Result<&HoldingThread, ThreadError> {
        let pseudonym = Pseudonym::parse(pseudonym)?;
        self.check_free(&pseudonym, None)?;
        if self.get(&id).is_some() {
            return Err(ThreadError::IdInUse(id));
        }
        self.threads
            .push(HoldingThread::open(id, pseudonym, opened));
        let last = self.threads.len() - 1;
        Ok(&self.threads[last])
    }

    /// Renames a thread, with the same checks as opening one.
    pub fn rename(&mut self, id: &ThreadId, pseudonym: &str) -> Result<(), ThreadError> {
        let pseudonym = Pseudonym::parse(pseudonym)?;
        let index = self.index(id)?;
        if self.threads[index].is_open() {
            self.check_free(&pseudonym, Some(id))?;
        }
        self.threads[index].pseudonym = pseudonym;
        Ok(())
    }

    pub fn link(&mut self, id: &ThreadId, entry: &EntryId) -> Result<bool, ThreadError> {
        let index = self.index(id)?;
        Ok(self.threads[index].link(entry))
    }

    pub fn unlink(&mut self, id: &ThreadId, entry: &EntryId) -> Result<bool, ThreadError> {
        let index = self.index(id)?;
        Ok(self.threads[index].unlink(entry))
    }

    /// Makes `entry` linked to exactly the `chosen` open threads, as the write form's
    /// checkboxes say. Closed threads are left alone: the form does not offer them, so
    /// their links must not be dropped by saving. Returns whether anything changed.
    pub fn set_links(&mut self, entry: &EntryId, chosen: &[ThreadId]) -> bool {
        let mut changed = false;
        for thread in self.threads.iter_mut().filter(|t| t.is_open()) {
            changed |= if chosen.contains(&thread.id) {
                thread.link(entry)
            } else {
                thread.unlink(entry)
            };
        }
        changed
    }

    /// Unlinks a deleted entry from every thread. Returns how many threads changed.
    pub fn forget_entry(&mut self, entry: &EntryId) -> usize {
        self.threads
            .iter_mut()
            .map(|t| t.unlink(entry))
            .filter(|&changed| changed)
            .count()
    }

    pub fn set_functions(&mut self, id: &ThreadId, tags: &[TagId]) -> Result<(), ThreadError> {
        let index = self.index(id)?;
        self.threads[index].set_functions(tags)
    }

    pub fn set_drivers(&mut self, id: &ThreadId, tags: &[TagId]) -> Result<(), ThreadError> {
        let index = self.index(id)?;
        self.threads[index].set_drivers(tags)
    }

    pub fn close(
        &mut self,
        id: &ThreadId,
        on: NaiveDate,
        outcome: Outcome,
    ) -> Result<(), ThreadError> {
        let index = self.index(id)?;
        self.threads[index].close(on, outcome)
    }

    /// Reopens a closed thread, unless an open thread now uses its pseudonym. Reopening
    /// an open thread changes nothing.
    pub fn reopen(&mut self, id: &ThreadId) -> Result<(), ThreadError> {
        let index = self.index(id)?;
        if self.threads[index].is_open() {
            return Ok(());
        }
        let pseudonym = self.threads[index].pseudonym.clone();
        self.check_free(&pseudonym, Some(id))?;
        self.threads[index].reopen();
        Ok(())
    }

    /// Deletes a thread (opened by mistake). Linked entries are untouched.
    pub fn delete(&mut self, id: &ThreadId) -> Result<HoldingThread, ThreadError> {
        let index = self.index(id)?;
        Ok(self.threads.remove(index))
    }

    fn index(&self, id: &ThreadId) -> Result<usize, ThreadError> {
        self.threads
            .iter()
            .position(|t| &t.id == id)
            .ok_or_else(|| ThreadError::UnknownThread(id.clone()))
    }

    /// Refuses a pseudonym an open thread other than `except` already uses.
    fn check_free(
        &self,
        pseudonym: &Pseudonym,
        except: Option<&ThreadId>,
    ) -> Result<(), ThreadError> {
        let key = pseudonym.key();
        let clash = self
            .open_threads()
            .any(|t| Some(&t.id) != except && t.pseudonym.key() == key);
        if clash {
            Err(ThreadError::DuplicatePseudonym(
                pseudonym.as_str().to_owned(),
            ))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests;
