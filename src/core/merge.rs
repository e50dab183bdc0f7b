//! Three-way merges of the collections, for when another tab saved a collection after
//! this one read it. `base` is what this tab last read or wrote, `mine` is this tab's new
//! value, `theirs` is what is stored now. A merge takes every change each side made where
//! the two do not touch the same thing; where they do, it gives `None` and the worker
//! chooses. The private list of names is a set: a name is dropped only if this tab's
//! worker removed it, so no save from an old page can quietly stop a name being redacted.

use std::collections::BTreeSet;

use super::checkins::{EmbeddednessHistory, WellbeingLog};
use super::settings::Settings;
use super::tags::Vocabulary;
use super::templates::TemplateLibrary;
use super::threads::Threads;

/// A collection that can take changes from two tabs.
pub trait Merge: Sized {
    fn three_way(base: &Self, mine: &Self, theirs: &Self) -> Option<Self>;
}

/// One value changed on at most one side: that side's value. Changed on both to
/// different values: `None`.
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> Option<T> {
    if mine == base {
        Some(theirs.clone())
    } else if theirs == base || theirs == mine {
        Some(mine.clone())
    } else {
        None
    }
}

/// Merges lists of items with ids, item by item. Order: theirs, then items only mine has.
fn by_id<T: PartialEq + Clone, K: Ord>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> K,
) -> Option<Vec<T>> {
    let find = |list: &[T], k: &K| list.iter().find(|t| &id(t) == k).cloned();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for item in theirs.iter().chain(mine) {
        let k = id(item);
        if !seen.insert(id(item)) {
            continue;
        }
        let (b, m, t) = (find(base, &k), find(mine, &k), find(theirs, &k));
        let merged = if m == t || b == t {
            m
        } else if b == m {
            t
        } else {
            return None;
        };
        out.extend(merged);
    }
    Some(out)
}

fn names(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let key = |s: &String| s.trim().to_lowercase();
    let removed_by_me: BTreeSet<String> = base
        .iter()
        .filter(|b| !mine.iter().any(|m| key(m) == key(b)))
        .map(key)
        .collect();
    let mut out: Vec<String> = Vec::new();
    for name in theirs.iter().chain(mine) {
        let k = key(name);
        if !removed_by_me.contains(&k) && !out.iter().any(|o| key(o) == k) {
            out.push(name.clone());
        }
    }
    out
}

impl Merge for Settings {
    fn three_way(base: &Settings, mine: &Settings, theirs: &Settings) -> Option<Settings> {
        Some(Settings {
            end_question: pick(&base.end_question, &mine.end_question, &theirs.end_question)?,
            check_in_interval: pick(
                &base.check_in_interval,
                &mine.check_in_interval,
                &theirs.check_in_interval,
            )?,
            private_names: names(
                &base.private_names,
                &mine.private_names,
                &theirs.private_names,
            ),
        })
    }
}

impl Merge for Vocabulary {
    fn three_way(base: &Vocabulary, mine: &Vocabulary, theirs: &Vocabulary) -> Option<Vocabulary> {
        // Two tabs that each created a tag made the same id from the same counter: that
        // is a real clash, for the worker to see.
        let custom = by_id(base.custom(), mine.custom(), theirs.custom(), |t| {
            t.id.clone()
        })?;
        let mine_new = mine.next_number() != base.next_number();
        let theirs_new = theirs.next_number() != base.next_number();
        if mine_new && theirs_new {
            return None;
        }
        let next = mine.next_number().max(theirs.next_number());
        Some(Vocabulary::from_parts(custom, next))
    }
}

impl Merge for TemplateLibrary {
    fn three_way(
        base: &TemplateLibrary,
        mine: &TemplateLibrary,
        theirs: &TemplateLibrary,
    ) -> Option<TemplateLibrary> {
        let custom = by_id(base.custom(), mine.custom(), theirs.custom(), |t| {
            t.id.clone()
        })?;
        if mine.next_number() != base.next_number() && theirs.next_number() != base.next_number() {
            return None;
        }
        let next = mine.next_number().max(theirs.next_number());
        Some(TemplateLibrary::from_parts(custom, next))
    }
}

impl Merge for Threads {
    fn three_way(base: &Threads, mine: &Threads, theirs: &Threads) -> Option<Threads> {
        let merged = by_id(base.all(), mine.all(), theirs.all(), |t| t.id.clone())?;
        Some(Threads::from_threads(merged))
    }
}

impl Merge for EmbeddednessHistory {
    fn three_way(
        base: &EmbeddednessHistory,
        mine: &EmbeddednessHistory,
        theirs: &EmbeddednessHistory,
    ) -> Option<EmbeddednessHistory> {
        let mut merged = by_id(base.all(), mine.all(), theirs.all(), |c| c.on)?;
        merged.sort_by_key(|c| c.on);
        Some(EmbeddednessHistory::from_check_ins(merged))
    }
}

impl Merge for WellbeingLog {
    fn three_way(
        base: &WellbeingLog,
        mine: &WellbeingLog,
        theirs: &WellbeingLog,
    ) -> Option<WellbeingLog> {
        let merged = by_id(base.all(), mine.all(), theirs.all(), |c| c.entry.clone())?;
        Some(WellbeingLog::from_checks(merged))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checkins::CheckInInterval;
    use crate::core::ids::{IdSeed, ThreadId};
    use chrono::NaiveDate;

    fn settings(names: &[&str], interval: CheckInInterval) -> Settings {
        Settings {
            private_names: names.iter().map(|s| s.to_string()).collect(),
            check_in_interval: interval,
            ..Settings::default()
        }
    }

    #[test]
    fn a_name_added_in_one_tab_survives_an_interval_change_saved_from_an_old_page() {
        let base = settings(&["Maple Court"], CheckInInterval::Monthly);
        let theirs = settings(&["Maple Court", "Jo Bloggs"], CheckInInterval::Monthly);
        let mine = settings(&["Maple Court"], CheckInInterval::Weekly);
        let merged = Settings::three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.private_names, ["Maple Court", "Jo Bloggs"]);
        assert_eq!(merged.check_in_interval, CheckInInterval::Weekly);
    }

    #[test]
    fn a_name_is_dropped_only_when_this_tabs_worker_removed_it() {
        let base = settings(&["Jo Bloggs", "Maple Court"], CheckInInterval::Monthly);
        let mine = settings(&["Maple Court"], CheckInInterval::Monthly);
        let theirs = settings(
            &["Jo Bloggs", "Maple Court", "Ade Bello"],
            CheckInInterval::Monthly,
        );
        let merged = Settings::three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.private_names, ["Maple Court", "Ade Bello"]);
        // A name the other tab removed, kept here unchanged, is kept: dropping a name
        // needs this worker's own action.
        let theirs = settings(&["Maple Court"], CheckInInterval::Monthly);
        let mine = base.clone();
        let merged = Settings::three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.private_names, ["Maple Court", "Jo Bloggs"]);
    }

    #[test]
    fn the_same_setting_changed_differently_in_two_tabs_is_for_the_worker_to_choose() {
        let base = settings(&[], CheckInInterval::Monthly);
        let mine = settings(&[], CheckInInterval::Weekly);
        let theirs = settings(&[], CheckInInterval::Never);
        assert_eq!(Settings::three_way(&base, &mine, &theirs), None);
    }

    fn threads(names: &[(&str, &str)]) -> Threads {
        let mut t = Threads::new();
        for (id, name) in names {
            t.create(
                ThreadId::parse(id).unwrap(),
                name,
                NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            )
            .unwrap();
        }
        t
    }

    #[test]
    fn a_thread_renamed_in_one_tab_survives_a_thread_opened_in_another() {
        let base = threads(&[("t1", "Person A")]);
        let theirs = threads(&[("t1", "Person Z")]);
        let mine = threads(&[("t1", "Person A"), ("t2", "Person B")]);
        let merged = Threads::three_way(&base, &mine, &theirs).unwrap();
        let names: Vec<&str> = merged.all().iter().map(|t| t.pseudonym.as_str()).collect();
        assert_eq!(names, ["Person Z", "Person B"]);
    }

    #[test]
    fn one_thread_renamed_differently_in_two_tabs_is_a_conflict() {
        let base = threads(&[("t1", "Person A")]);
        let theirs = threads(&[("t1", "Person Z")]);
        let mine = threads(&[("t1", "Person Y")]);
        assert_eq!(Threads::three_way(&base, &mine, &theirs), None);
    }

    #[test]
    fn a_thread_deleted_in_one_tab_and_untouched_in_the_other_stays_deleted() {
        let base = threads(&[("t1", "Person A"), ("t2", "Person B")]);
        let theirs = threads(&[("t2", "Person B")]);
        let merged = Threads::three_way(&base, &base, &theirs).unwrap();
        assert_eq!(merged.all().len(), 1);
    }

    #[test]
    fn two_tabs_each_creating_a_custom_tag_is_a_conflict_not_a_shared_id() {
        let base = Vocabulary::new();
        let mut mine = base.clone();
        mine.create(IdSeed::new(1, 1), "Home visit", "").unwrap();
        let mut theirs = base.clone();
        theirs.create(IdSeed::new(1, 2), "Interpreter", "").unwrap();
        assert_eq!(Vocabulary::three_way(&base, &mine, &theirs), None);
        assert_eq!(
            Vocabulary::three_way(&base, &mine, &base),
            Some(mine.clone())
        );
    }
}
