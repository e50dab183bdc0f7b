//! Three-way merges of the collections, for when another tab saved a collection after
//! this one read it. `base` is what this tab last read or wrote, `mine` is this tab's new
//! value, `theirs` is what is stored now. A merge takes every change each side made where
//! the two do not touch the same thing; where they do, it gives `None` and the worker
//! chooses. Custom tags and templates made in two tabs have different ids (made from the
//! time and a random number), so both are kept, unless they share a name. The private list of names is a set: a name is dropped only if this tab's
//! worker removed it, so no save from an old page can quietly stop a name being redacted.

use std::collections::BTreeSet;

use super::checkins::{EmbeddednessHistory, WellbeingLog};
use super::entry::long_date;
use super::ids::name_key;
use super::settings::{Preferences, Settings};
use super::tags::Vocabulary;
use super::templates::TemplateLibrary;
use super::threads::Threads;

/// What a merge does where both sides changed the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clash {
    /// Give up (`None`), so the worker can choose.
    Refuse,
    /// Take this tab's change there: the worker chose "Keep my change". Every other
    /// change from both sides is still kept, and no private name is dropped.
    KeepMine,
}

/// A collection that can take changes from two tabs.
pub trait Merge: Sized {
    /// Every change from both sides, or `None` where they changed the same thing.
    fn three_way(base: &Self, mine: &Self, theirs: &Self) -> Option<Self> {
        Self::merge(base, mine, theirs, Clash::Refuse)
    }

    /// As [`Merge::three_way`], but where both changed the same thing this tab's change
    /// wins. `None` only when the result would break a rule of the collection (two tags
    /// with one name).
    fn keep_mine(base: &Self, mine: &Self, theirs: &Self) -> Option<Self> {
        Self::merge(base, mine, theirs, Clash::KeepMine)
    }

    fn merge(base: &Self, mine: &Self, theirs: &Self, clash: Clash) -> Option<Self>;

    /// What both sides changed differently, in the worker's words, so they can see both
    /// versions before they choose.
    fn differences(base: &Self, mine: &Self, theirs: &Self) -> Vec<Difference>;
}

/// One thing two tabs changed differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// What it is ("The check-in reminder", "The tag ‘Carers’").
    pub what: String,
    pub mine: String,
    pub theirs: String,
}

const DELETED: &str = "Deleted";

/// Both sides changed a value, and not to the same thing: what asks the worker to choose.
fn changed_differently<T: PartialEq>(base: &T, mine: &T, theirs: &T) -> bool {
    mine != theirs && mine != base && theirs != base
}

/// The items with one id that both sides changed differently (including a delete on one
/// side), described by `what` (from the earliest version) and `describe`.
fn item_differences<'a, T: PartialEq, K: Ord>(
    (base, mine, theirs): (&'a [T], &'a [T], &'a [T]),
    id: impl Fn(&T) -> K,
    what: impl Fn(&T) -> String,
    describe: impl Fn(&T) -> String,
) -> Vec<Difference> {
    let find = |list: &'a [T], k: &K| list.iter().find(|t| &id(t) == k);
    let mut keys: Vec<K> = base.iter().chain(mine).chain(theirs).map(&id).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (b, m, t) = (find(base, &k), find(mine, &k), find(theirs, &k));
            if !changed_differently(&b, &m, &t) {
                return None;
            }
            let first = b.or(m).or(t)?;
            let say = |x: Option<&T>| x.map_or_else(|| DELETED.to_owned(), &describe);
            Some(Difference {
                what: what(first),
                mine: say(m),
                theirs: say(t),
            })
        })
        .collect()
}

/// One value both sides changed differently.
fn value_difference<T: PartialEq>(
    what: &str,
    (base, mine, theirs): (&T, &T, &T),
    describe: impl Fn(&T) -> String,
) -> Option<Difference> {
    changed_differently(base, mine, theirs).then(|| Difference {
        what: what.to_owned(),
        mine: describe(mine),
        theirs: describe(theirs),
    })
}

/// Two items that would share a name: a difference of its own, since neither side
/// changed the same item.
fn name_difference(merged_names: Vec<&str>) -> Vec<Difference> {
    let mut seen = BTreeSet::new();
    merged_names
        .into_iter()
        .filter(|name| !seen.insert(name_key(name)))
        .map(|name| Difference {
            what: format!("The name ‘{name}’"),
            mine: "Given to one".to_owned(),
            theirs: "Given to another".to_owned(),
        })
        .collect()
}

/// One value changed on at most one side: that side's value. Changed on both to
/// different values: `None`, or mine when the worker chose to keep it.
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T, clash: Clash) -> Option<T> {
    if mine == base {
        Some(theirs.clone())
    } else if theirs == base || theirs == mine || clash == Clash::KeepMine {
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
    clash: Clash,
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
        } else if clash == Clash::KeepMine {
            // Mine, including my delete of an item they changed.
            m
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
    fn differences(base: &Settings, mine: &Settings, theirs: &Settings) -> Vec<Difference> {
        let on_off = |on: &bool| if *on { "On" } else { "Off" }.to_owned();
        [
            value_difference(
                "The end-of-entry question",
                (&base.end_question, &mine.end_question, &theirs.end_question),
                on_off,
            ),
            value_difference(
                "Check-in reminders",
                (
                    &base.check_in_interval,
                    &mine.check_in_interval,
                    &theirs.check_in_interval,
                ),
                |i| i.label().to_owned(),
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn merge(
        base: &Settings,
        mine: &Settings,
        theirs: &Settings,
        clash: Clash,
    ) -> Option<Settings> {
        Some(Settings {
            end_question: pick(
                &base.end_question,
                &mine.end_question,
                &theirs.end_question,
                clash,
            )?,
            check_in_interval: pick(
                &base.check_in_interval,
                &mine.check_in_interval,
                &theirs.check_in_interval,
                clash,
            )?,
            private_names: names(
                &base.private_names,
                &mine.private_names,
                &theirs.private_names,
            ),
        })
    }
}

impl Merge for Preferences {
    fn differences(
        base: &Preferences,
        mine: &Preferences,
        theirs: &Preferences,
    ) -> Vec<Difference> {
        let on_off = |on: &bool| if *on { "On" } else { "Off" }.to_owned();
        let every = |unit: &'static str| {
            move |n: &Option<u32>| match n {
                Some(n) => format!("After {n} {unit}"),
                None => "Never".to_owned(),
            }
        };
        [
            value_difference(
                "Identifier nudges while writing",
                (&base.nudges, &mine.nudges, &theirs.nudges),
                on_off,
            ),
            value_difference(
                "Lock when idle",
                (
                    &base.auto_lock_minutes,
                    &mine.auto_lock_minutes,
                    &theirs.auto_lock_minutes,
                ),
                every("minutes"),
            ),
            value_difference(
                "Backup reminder",
                (
                    &base.backup_reminder_days,
                    &mine.backup_reminder_days,
                    &theirs.backup_reminder_days,
                ),
                every("days"),
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn merge(
        base: &Preferences,
        mine: &Preferences,
        theirs: &Preferences,
        clash: Clash,
    ) -> Option<Preferences> {
        Some(Preferences {
            nudges: pick(&base.nudges, &mine.nudges, &theirs.nudges, clash)?,
            auto_lock_minutes: pick(
                &base.auto_lock_minutes,
                &mine.auto_lock_minutes,
                &theirs.auto_lock_minutes,
                clash,
            )?,
            backup_reminder_days: pick(
                &base.backup_reminder_days,
                &mine.backup_reminder_days,
                &theirs.backup_reminder_days,
                clash,
            )?,
            // A backup made in either tab is a backup made: the later one counts.
            last_backup: mine.last_backup.max(theirs.last_backup),
        })
    }
}

/// True when two of the names are the same to a reader. Each tab keeps names unique; two
/// tabs together could still give two tags one name (both made "Carers", or each renamed
/// a different tag to it), and that is for the worker to choose.
fn names_clash<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
    let mut seen = BTreeSet::new();
    names.into_iter().any(|name| !seen.insert(name_key(name)))
}

/// The worker's own tags and templates: items merged by id (new ones have ids made from
/// the time and a random number, so items made in two tabs are both kept), refused when
/// two would share a name, and the larger count of items ever made.
fn custom_items<T: PartialEq + Clone, K: Ord>(
    (base, mine, theirs): (&[T], &[T], &[T]),
    clash: Clash,
    id: impl Fn(&T) -> K,
    name: impl Fn(&T) -> &str,
) -> Option<Vec<T>> {
    let custom = by_id(base, mine, theirs, clash, id)?;
    (!names_clash(custom.iter().map(name))).then_some(custom)
}

impl Merge for Vocabulary {
    fn differences(base: &Vocabulary, mine: &Vocabulary, theirs: &Vocabulary) -> Vec<Difference> {
        let sides = (base.custom(), mine.custom(), theirs.custom());
        let mut out = item_differences(
            sides,
            |t| t.id.clone(),
            |t| format!("The tag ‘{}’", t.label),
            |t| match &t.definition {
                Some(d) => format!("{}: {d}", t.label),
                None => t.label.clone(),
            },
        );
        if let Some(merged) = by_id(sides.0, sides.1, sides.2, Clash::KeepMine, |t| t.id.clone()) {
            out.extend(name_difference(
                merged.iter().map(|t| t.label.as_str()).collect(),
            ));
        }
        out
    }

    fn merge(
        base: &Vocabulary,
        mine: &Vocabulary,
        theirs: &Vocabulary,
        clash: Clash,
    ) -> Option<Vocabulary> {
        let sides = (base.custom(), mine.custom(), theirs.custom());
        let custom = custom_items(sides, clash, |t| t.id.clone(), |t| t.label.as_str())?;
        let next = mine.next_number().max(theirs.next_number());
        Some(Vocabulary::from_parts(custom, next))
    }
}

impl Merge for TemplateLibrary {
    fn differences(
        base: &TemplateLibrary,
        mine: &TemplateLibrary,
        theirs: &TemplateLibrary,
    ) -> Vec<Difference> {
        let sides = (base.custom(), mine.custom(), theirs.custom());
        let mut out = item_differences(
            sides,
            |t| t.id.clone(),
            |t| format!("The template ‘{}’", t.name),
            |t| {
                let prompts: Vec<&str> = t.prompts.iter().map(|p| p.label.as_str()).collect();
                format!("{}: {}", t.name, prompts.join("; "))
            },
        );
        if let Some(merged) = by_id(sides.0, sides.1, sides.2, Clash::KeepMine, |t| t.id.clone()) {
            out.extend(name_difference(
                merged.iter().map(|t| t.name.as_str()).collect(),
            ));
        }
        out
    }

    fn merge(
        base: &TemplateLibrary,
        mine: &TemplateLibrary,
        theirs: &TemplateLibrary,
        clash: Clash,
    ) -> Option<TemplateLibrary> {
        let sides = (base.custom(), mine.custom(), theirs.custom());
        let custom = custom_items(sides, clash, |t| t.id.clone(), |t| t.name.as_str())?;
        let next = mine.next_number().max(theirs.next_number());
        Some(TemplateLibrary::from_parts(custom, next))
    }
}

impl Merge for Threads {
    fn differences(base: &Threads, mine: &Threads, theirs: &Threads) -> Vec<Difference> {
        item_differences(
            (base.all(), mine.all(), theirs.all()),
            |t| t.id.clone(),
            |t| format!("The holding thread ‘{}’", t.pseudonym.as_str()),
            |t| {
                let tags: Vec<&str> = t
                    .functions
                    .iter()
                    .chain(&t.drivers)
                    .filter_map(|id| id.builtin().map(|b| b.label))
                    .collect();
                let state = if t.closed.is_some() { "closed" } else { "open" };
                let linked = t.entries.len();
                let mut said = format!("{}, {state}, {linked} linked", t.pseudonym.as_str());
                if !tags.is_empty() {
                    said.push_str(&format!(", {}", tags.join(", ")));
                }
                said
            },
        )
    }

    fn merge(base: &Threads, mine: &Threads, theirs: &Threads, clash: Clash) -> Option<Threads> {
        let merged = by_id(base.all(), mine.all(), theirs.all(), clash, |t| {
            t.id.clone()
        })?;
        Some(Threads::from_threads(merged))
    }
}

impl Merge for EmbeddednessHistory {
    fn differences(
        base: &EmbeddednessHistory,
        mine: &EmbeddednessHistory,
        theirs: &EmbeddednessHistory,
    ) -> Vec<Difference> {
        item_differences(
            (base.all(), mine.all(), theirs.all()),
            |c| c.on,
            |c| format!("The check-in of {}", long_date(c.on)),
            |c| {
                let notes = c.notes.len();
                format!("{}, {notes} notes", c.rating.label())
            },
        )
    }

    fn merge(
        base: &EmbeddednessHistory,
        mine: &EmbeddednessHistory,
        theirs: &EmbeddednessHistory,
        clash: Clash,
    ) -> Option<EmbeddednessHistory> {
        let mut merged = by_id(base.all(), mine.all(), theirs.all(), clash, |c| c.on)?;
        merged.sort_by_key(|c| c.on);
        Some(EmbeddednessHistory::from_check_ins(merged))
    }
}

impl Merge for WellbeingLog {
    fn differences(
        base: &WellbeingLog,
        mine: &WellbeingLog,
        theirs: &WellbeingLog,
    ) -> Vec<Difference> {
        item_differences(
            (base.all(), mine.all(), theirs.all()),
            |c| c.entry.clone(),
            |c| format!("How you were on {}", long_date(c.on)),
            |c| match c.emotional_load {
                Some(load) => format!("{}, {} load", c.rating.label(), load.label().to_lowercase()),
                None => c.rating.label().to_owned(),
            },
        )
    }

    fn merge(
        base: &WellbeingLog,
        mine: &WellbeingLog,
        theirs: &WellbeingLog,
        clash: Clash,
    ) -> Option<WellbeingLog> {
        let merged = by_id(base.all(), mine.all(), theirs.all(), clash, |c| {
            c.entry.clone()
        })?;
        Some(WellbeingLog::from_checks(merged))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checkins::CheckInInterval;
    use crate::core::ids::{IdSeed, ThreadId};
    use crate::core::templates::{PromptDraft, TemplateDraft};
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

    #[test]
    fn keeping_my_change_takes_my_setting_and_still_keeps_their_names() {
        let base = settings(&["Jo Bloggs"], CheckInInterval::Monthly);
        let mine = settings(&[], CheckInInterval::Weekly);
        let theirs = settings(&["Jo Bloggs", "Ade Bello"], CheckInInterval::Never);
        let merged = Settings::keep_mine(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.check_in_interval, CheckInInterval::Weekly);
        // My removal of a name holds; the name they added stays.
        assert_eq!(merged.private_names, ["Ade Bello"]);
    }

    #[test]
    fn a_clash_in_settings_is_described_with_both_values() {
        let base = settings(&[], CheckInInterval::Monthly);
        let mine = settings(&["Jo Bloggs"], CheckInInterval::Weekly);
        let theirs = settings(&[], CheckInInterval::Fortnightly);
        assert_eq!(
            Settings::differences(&base, &mine, &theirs),
            [Difference {
                what: "Check-in reminders".into(),
                mine: "Every week".into(),
                theirs: "Every 2 weeks".into(),
            }]
        );
        // Changes to different things are not differences.
        assert_eq!(Settings::differences(&base, &mine, &base), []);
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
    fn keeping_my_change_takes_my_name_for_the_thread_and_keeps_their_other_changes() {
        let base = threads(&[("t1", "Person A"), ("t2", "Person B")]);
        let theirs = threads(&[("t1", "Person Z"), ("t2", "Person B"), ("t3", "Person C")]);
        let mine = threads(&[("t1", "Person Y"), ("t2", "Person B")]);
        let merged = Threads::keep_mine(&base, &mine, &theirs).unwrap();
        let names: Vec<&str> = merged.all().iter().map(|t| t.pseudonym.as_str()).collect();
        assert_eq!(names, ["Person Y", "Person B", "Person C"]);
    }

    #[test]
    fn a_thread_renamed_in_one_tab_and_deleted_in_the_other_is_described() {
        let base = threads(&[("t1", "Person A"), ("t2", "Person B")]);
        let mine = threads(&[("t1", "Person Y"), ("t2", "Person B")]);
        let theirs = threads(&[("t2", "Person B")]);
        let said = Threads::differences(&base, &mine, &theirs);
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].what, "The holding thread ‘Person A’");
        assert!(
            said[0].mine.starts_with("Person Y, open"),
            "{}",
            said[0].mine
        );
        assert_eq!(said[0].theirs, "Deleted");
    }

    #[test]
    fn a_thread_deleted_in_one_tab_and_untouched_in_the_other_stays_deleted() {
        let base = threads(&[("t1", "Person A"), ("t2", "Person B")]);
        let theirs = threads(&[("t2", "Person B")]);
        let merged = Threads::three_way(&base, &base, &theirs).unwrap();
        assert_eq!(merged.all().len(), 1);
    }

    /// The same millisecond in both tabs: only the random numbers differ.
    const AT: i64 = 1_764_000_000_000;

    fn labels(vocab: &Vocabulary) -> Vec<&str> {
        vocab.custom().iter().map(|t| t.label.as_str()).collect()
    }

    /// A vocabulary stored before ids were unique across devices: `custom-1`.
    fn old_vocabulary() -> Vocabulary {
        serde_json::from_str(r#"{"custom":[{"id":"custom-1","label":"Carers"}],"next_number":1}"#)
            .unwrap()
    }

    #[test]
    fn two_tabs_each_adding_a_custom_tag_merge_to_both_tags() {
        let base = old_vocabulary();
        let mut mine = base.clone();
        mine.create(IdSeed::new(AT, 1), "Home visit", "").unwrap();
        let mut theirs = base.clone();
        theirs
            .create(IdSeed::new(AT, 2), "Interpreter", "")
            .unwrap();
        let merged = Vocabulary::three_way(&base, &mine, &theirs).expect("no clash");
        assert_eq!(labels(&merged), ["Carers", "Interpreter", "Home visit"]);
        assert_eq!(merged.next_number(), 2, "the larger count");
        // Each tag keeps its own id, so entries tagged in either tab keep their tag.
        for side in [&mine, &theirs] {
            for tag in side.custom() {
                assert_eq!(
                    merged.display_name(&tag.id).as_deref(),
                    Some(tag.label.as_str())
                );
            }
        }
        assert_eq!(
            Vocabulary::three_way(&base, &mine, &base),
            Some(mine.clone())
        );
    }

    #[test]
    fn a_tag_added_in_one_tab_survives_a_rename_and_an_add_in_another() {
        let base = old_vocabulary();
        let old = base.custom()[0].id.clone();
        let mut mine = base.clone();
        mine.create(IdSeed::new(AT, 1), "Home visit", "").unwrap();
        let mut theirs = base.clone();
        theirs.rename(&old, "Carers group").unwrap();
        theirs
            .create(IdSeed::new(AT + 5, 9), "Interpreter", "")
            .unwrap();
        let merged = Vocabulary::three_way(&base, &mine, &theirs).expect("no clash");
        assert_eq!(
            labels(&merged),
            ["Carers group", "Interpreter", "Home visit"]
        );
    }

    #[test]
    fn two_tabs_adding_tags_with_one_name_is_for_the_worker_to_choose() {
        let base = Vocabulary::new();
        let mut mine = base.clone();
        mine.create(IdSeed::new(AT, 1), "Home visit", "").unwrap();
        let mut theirs = base.clone();
        theirs
            .create(IdSeed::new(AT, 2), "home  VISIT", "")
            .unwrap();
        assert_eq!(Vocabulary::three_way(&base, &mine, &theirs), None);
    }

    #[test]
    fn one_tag_changed_differently_in_two_tabs_is_still_a_conflict() {
        let base = old_vocabulary();
        let old = base.custom()[0].id.clone();
        let mut mine = base.clone();
        mine.rename(&old, "Carers group").unwrap();
        let mut theirs = base.clone();
        theirs.rename(&old, "Young carers").unwrap();
        assert_eq!(Vocabulary::three_way(&base, &mine, &theirs), None);
    }

    #[test]
    fn keeping_my_change_takes_my_name_for_the_tag_unless_two_tags_would_share_one() {
        let base = old_vocabulary();
        let old = base.custom()[0].id.clone();
        let mut mine = base.clone();
        mine.rename(&old, "Carers group").unwrap();
        let mut theirs = base.clone();
        theirs.rename(&old, "Young carers").unwrap();
        let merged = Vocabulary::keep_mine(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.custom()[0].label, "Carers group");

        let mut same = base.clone();
        same.create(IdSeed::new(AT, 9), "Carers group", "").unwrap();
        assert_eq!(Vocabulary::keep_mine(&base, &mine, &same), None);
    }

    #[test]
    fn two_tags_given_one_name_are_described() {
        let base = Vocabulary::new();
        let mut mine = base.clone();
        mine.create(IdSeed::new(AT, 1), "Home visit", "").unwrap();
        let mut theirs = base.clone();
        theirs.create(IdSeed::new(AT, 2), "Home visit", "").unwrap();
        let said = Vocabulary::differences(&base, &mine, &theirs);
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].what, "The name ‘Home visit’");
    }

    #[test]
    fn preferences_keep_both_tabs_changes_and_the_later_backup() {
        use chrono::{TimeZone, Utc};
        let base = Preferences::default();
        let early = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let late = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mine = Preferences {
            nudges: false,
            last_backup: Some(late),
            ..base.clone()
        };
        let theirs = Preferences {
            backup_reminder_days: None,
            last_backup: Some(early),
            ..base.clone()
        };
        let merged = Preferences::three_way(&base, &mine, &theirs).unwrap();
        assert!(!merged.nudges);
        assert_eq!(merged.backup_reminder_days, None);
        assert_eq!(merged.last_backup, Some(late));
        // Both changed the idle lock differently: the worker chooses.
        let a = Preferences {
            auto_lock_minutes: Some(5),
            ..base.clone()
        };
        let b = Preferences {
            auto_lock_minutes: None,
            ..base.clone()
        };
        assert_eq!(Preferences::three_way(&base, &a, &b), None);
        let differences = Preferences::differences(&base, &a, &b);
        assert_eq!(differences.len(), 1);
        assert_eq!(differences[0].mine, "After 5 minutes");
        assert_eq!(differences[0].theirs, "Never");
    }

    fn template(name: &str) -> TemplateDraft {
        TemplateDraft {
            name: name.into(),
            prompts: vec![PromptDraft {
                label: "What happened?".into(),
                ..PromptDraft::default()
            }],
        }
    }

    #[test]
    fn two_tabs_each_adding_a_custom_template_merge_to_both_templates() {
        let base = TemplateLibrary::new();
        let mut mine = base.clone();
        mine.create(IdSeed::new(AT, 1), &template("Home visit"))
            .unwrap();
        let mut theirs = base.clone();
        theirs
            .create(IdSeed::new(AT, 2), &template("Phone call"))
            .unwrap();
        let merged = TemplateLibrary::three_way(&base, &mine, &theirs).expect("no clash");
        let names: Vec<&str> = merged.custom().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Phone call", "Home visit"]);
        assert_eq!(merged.next_number(), 1);

        let mut same_name = base.clone();
        same_name
            .create(IdSeed::new(AT, 3), &template("Home Visit"))
            .unwrap();
        assert_eq!(TemplateLibrary::three_way(&base, &mine, &same_name), None);
    }
}
