//! The journal: every saved entry, kept in the order the worker reads them (newest day
//! first). Operations come in two steps so nothing is lost: `prepare_*` builds the new
//! entry without changing the journal, the shell stores it, and only then `put` applies
//! it. If storage fails, the journal in memory still matches what is stored.

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::entry::{Entry, ValidEntry};
use super::ids::EntryId;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum JournalError {
    #[error("an entry with id {0} already exists")]
    DuplicateId(EntryId),
    #[error("there is no entry with id {0}")]
    NotFound(EntryId),
}

/// Where a reflection sits in the journal: the day it is about, then when it was first
/// written (the id breaks ties). Index shards keep it beside each id, so start-up can find
/// the first page without decoding every reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub about: NaiveDate,
    pub written_at: DateTime<Utc>,
}

impl Place {
    pub fn new(about: NaiveDate, written_at: DateTime<Utc>) -> Place {
        Place { about, written_at }
    }

    pub fn of(entry: &Entry) -> Place {
        Place::new(entry.about, entry.written_at)
    }
}

/// All entries, sorted newest first: by the day they are about, then by when they were
/// written, then by id so the order is total and stable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journal {
    entries: Vec<Entry>,
}

fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    newest_first((&Place::of(a), &a.id), (&Place::of(b), &b.id))
}

/// The journal's order, newest first, of two reflections by their places and ids: what
/// start-up uses to pick the first page from the index before decoding anything.
pub fn newest_first(a: (&Place, &EntryId), b: (&Place, &EntryId)) -> std::cmp::Ordering {
    b.cmp(&a)
}

impl Journal {
    pub fn new() -> Journal {
        Journal::default()
    }

    /// Builds a journal from stored entries in any order. If two share an id (two tabs
    /// racing), the one saved last wins.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Journal {
        Journal::from_vec(entries.into_iter().collect())
    }

    /// [`Journal::from_entries`] without its type parameter, so its sorts are compiled
    /// once, not for every kind of iterator a caller passes.
    fn from_vec(mut all: Vec<Entry>) -> Journal {
        all.sort_by(|a, b| a.id.cmp(&b.id).then(b.updated_at.cmp(&a.updated_at)));
        all.dedup_by(|later, kept| later.id == kept.id);
        all.sort_by(order);
        Journal { entries: all }
    }

    /// Adds entries read later (start-up reads the first page first), as
    /// [`Journal::from_entries`] would have had them all at once.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = Entry>) {
        let before = self.entries.len();
        self.entries.extend(entries);
        if self.entries.len() > before {
            *self = Journal::from_vec(std::mem::take(&mut self.entries));
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Every entry, newest day first.
    pub fn newest_first(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.entries.iter()
    }

    /// Entries about a day from `from` to `to` inclusive, newest first. An empty
    /// period (from after to) has no entries.
    pub fn entries_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl DoubleEndedIterator<Item = &Entry> {
        // Sorted by `about` descending: skip the days after `to`, stop before `from`.
        let start = self.entries.partition_point(|e| e.about > to);
        let end = self.entries.partition_point(|e| e.about >= from).max(start);
        self.entries[start..end].iter()
    }

    /// The new entry that `add` would store, without changing the journal.
    pub fn prepare_add(
        &self,
        id: EntryId,
        valid: ValidEntry,
        now: DateTime<Utc>,
    ) -> Result<Entry, JournalError> {
        if self.get(&id).is_some() {
            return Err(JournalError::DuplicateId(id));
        }
        Ok(Entry {
            id,
            written_at: now,
            updated_at: now,
            about: valid.about,
            sections: valid.sections,
            tags: valid.tags,
            dismissed: valid.dismissed,
            template: valid.template,
            judgement_call: valid.judgement_call,
        })
    }

    /// The edited entry that `edit` would store, without changing the journal. It keeps
    /// its id and first-written time.
    pub fn prepare_edit(
        &self,
        id: &EntryId,
        valid: ValidEntry,
        now: DateTime<Utc>,
    ) -> Result<Entry, JournalError> {
        let old = self
            .get(id)
            .ok_or_else(|| JournalError::NotFound(id.clone()))?;
        Ok(Entry {
            updated_at: now,
            about: valid.about,
            sections: valid.sections,
            tags: valid.tags,
            dismissed: valid.dismissed,
            template: valid.template,
            judgement_call: valid.judgement_call,
            ..old.clone()
        })
    }

    /// Inserts an entry, or replaces the one with the same id, keeping the order.
    pub fn put(&mut self, entry: Entry) {
        self.remove(&entry.id);
        let at = self
            .entries
            .partition_point(|e| order(e, &entry) == std::cmp::Ordering::Less);
        self.entries.insert(at, entry);
    }

    /// Takes an entry out, returning it if it was there.
    pub fn remove(&mut self, id: &EntryId) -> Option<Entry> {
        let at = self.entries.iter().position(|e| &e.id == id)?;
        Some(self.entries.remove(at))
    }

    /// Adds a new entry in one step (for callers with nothing to store).
    pub fn add(
        &mut self,
        id: EntryId,
        valid: ValidEntry,
        now: DateTime<Utc>,
    ) -> Result<&Entry, JournalError> {
        let entry = self.prepare_add(id.clone(), valid, now)?;
        self.put(entry);
        self.get(&id).ok_or(JournalError::NotFound(id))
    }

    /// Edits an entry in one step.
    pub fn edit(
        &mut self,
        id: &EntryId,
        valid: ValidEntry,
        now: DateTime<Utc>,
    ) -> Result<&Entry, JournalError> {
        let entry = self.prepare_edit(id, valid, now)?;
        self.put(entry);
        self.get(id)
            .ok_or_else(|| JournalError::NotFound(id.clone()))
    }

    /// Deletes an entry, returning it.
    pub fn delete(&mut self, id: &EntryId) -> Result<Entry, JournalError> {
        self.remove(id)
            .ok_or_else(|| JournalError::NotFound(id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::Section;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, hour, 0, 0).unwrap()
    }

    fn id(s: &str) -> EntryId {
        EntryId::parse(s).unwrap()
    }

    fn valid(about: u32, text: &str) -> ValidEntry {
        ValidEntry {
            about: day(about),
            sections: vec![Section::free(text)],
            tags: vec![],
            dismissed: vec![],
            template: None,
            judgement_call: None,
        }
    }

    fn ids(journal: &Journal) -> Vec<&str> {
        journal.newest_first().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn entries_list_newest_day_first_and_a_back_dated_entry_sorts_by_its_day() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "Monday"), at(9)).unwrap();
        j.add(id("b"), valid(22, "Wednesday"), at(10)).unwrap();
        // Written last, but about the earliest day: it belongs at the bottom.
        j.add(id("c"), valid(18, "Back-dated"), at(11)).unwrap();
        // Same day as b, written later: above b.
        j.add(id("d"), valid(22, "Wednesday again"), at(12))
            .unwrap();
        assert_eq!(ids(&j), ["d", "b", "a", "c"]);
    }

    /// Start-up reads the first page first and the rest later: put together, they are
    /// the journal it would have read at once, and a place orders as the journal does.
    #[test]
    fn reflections_read_later_join_the_journal_in_its_order() {
        let mut whole = Journal::new();
        for (n, (about, hour)) in [(20, 9), (22, 10), (18, 11), (22, 12), (21, 8)]
            .iter()
            .enumerate()
        {
            whole
                .add(id(&format!("e{n}")), valid(*about, "words"), at(*hour))
                .unwrap();
        }
        let all: Vec<Entry> = whole.newest_first().cloned().collect();
        let mut first = Journal::from_entries(all[..2].iter().cloned());
        first.extend(Vec::new());
        assert_eq!(ids(&first), ["e3", "e1"]);
        first.extend(all[2..].iter().rev().cloned());
        assert_eq!(first, whole);
        let places: Vec<(Place, &EntryId)> = all.iter().map(|e| (Place::of(e), &e.id)).collect();
        for pair in places.windows(2) {
            assert_eq!(
                newest_first((&pair[0].0, pair[0].1), (&pair[1].0, pair[1].1)),
                std::cmp::Ordering::Less
            );
        }
    }

    #[test]
    fn editing_keeps_id_and_first_written_time_and_resorts_by_new_day() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "one"), at(9)).unwrap();
        j.add(id("b"), valid(22, "two"), at(10)).unwrap();
        let edited = j
            .edit(&id("b"), valid(19, "two, moved"), at(15))
            .unwrap()
            .clone();
        assert_eq!(edited.written_at, at(10));
        assert_eq!(edited.updated_at, at(15));
        assert_eq!(edited.text(), "two, moved");
        assert_eq!(ids(&j), ["a", "b"]);
        assert_eq!(j.len(), 2);
    }

    #[test]
    fn add_refuses_a_duplicate_id_and_edit_and_delete_refuse_a_missing_one() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "one"), at(9)).unwrap();
        assert_eq!(
            j.add(id("a"), valid(21, "again"), at(10)).unwrap_err(),
            JournalError::DuplicateId(id("a"))
        );
        assert_eq!(
            j.edit(&id("z"), valid(21, "x"), at(10)).unwrap_err(),
            JournalError::NotFound(id("z"))
        );
        assert_eq!(
            j.delete(&id("z")).unwrap_err(),
            JournalError::NotFound(id("z"))
        );
        assert_eq!(j.get(&id("a")).unwrap().text(), "one");
    }

    #[test]
    fn prepare_does_not_change_the_journal() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "one"), at(9)).unwrap();
        let before = j.clone();
        j.prepare_add(id("b"), valid(21, "two"), at(10)).unwrap();
        j.prepare_edit(&id("a"), valid(21, "changed"), at(10))
            .unwrap();
        assert_eq!(j, before);
    }

    #[test]
    fn delete_removes_only_that_entry() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "one"), at(9)).unwrap();
        j.add(id("b"), valid(21, "two"), at(9)).unwrap();
        assert_eq!(j.delete(&id("a")).unwrap().text(), "one");
        assert_eq!(ids(&j), ["b"]);
    }

    #[test]
    fn entries_between_is_inclusive_at_both_ends() {
        let mut j = Journal::new();
        for (i, d) in [17, 18, 20, 22, 23].iter().enumerate() {
            j.add(id(&format!("e{i}")), valid(*d, "x"), at(9)).unwrap();
        }
        let between = |from, to| -> Vec<u32> {
            use chrono::Datelike;
            j.entries_between(day(from), day(to))
                .map(|e| e.about.day())
                .collect()
        };
        assert_eq!(between(18, 22), [22, 20, 18]);
        assert_eq!(between(19, 19), Vec::<u32>::new());
        assert_eq!(between(1, 30), [23, 22, 20, 18, 17]);
        assert_eq!(between(23, 17), Vec::<u32>::new());
    }

    #[test]
    fn from_entries_sorts_and_keeps_the_last_saved_copy_of_a_duplicate() {
        let mut j = Journal::new();
        j.add(id("a"), valid(20, "old"), at(9)).unwrap();
        let old = j.get(&id("a")).unwrap().clone();
        let newer = Entry {
            updated_at: at(12),
            sections: vec![Section::free("new")],
            ..old.clone()
        };
        let other = Entry {
            id: id("b"),
            about: day(23),
            ..old.clone()
        };
        let j = Journal::from_entries([old, other, newer]);
        assert_eq!(ids(&j), ["b", "a"]);
        assert_eq!(j.get(&id("a")).unwrap().text(), "new");
    }
}
