//! What restoring a backup changes, worked out before anything is written: a merge by
//! id that never deletes. A reflection the journal lacks is added; one it has word for
//! word is skipped; one that differs is kept twice: the journal's version stays as it
//! is and the backup's is added under a new id that carries the backup's date
//! (`<id>-restored-<yyyymmdd>`), which [`restored_from`] reads back for the visible mark.
//! So the frozen entry format is untouched and nothing is lost either way.
//!
//! Collections merge through `core::merge` with an empty base: items only one side has
//! are kept, and where both have an item and it differs, the journal's own is kept (the
//! worker's latest word) and listed. Custom tags and templates in the backup that share
//! a name with one of the journal's under another id are taken as that one, and every
//! reflection and draft from the backup is pointed at it, so tag and template
//! references stay correct.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::{Backup, BackupDraft, BackupError, Contents};
use crate::core::checkins::{EmbeddednessHistory, WellbeingLog};
use crate::core::dismissals::Dismissals;
use crate::core::entry::Entry;
use crate::core::ids::{name_key, EntryId, TagId, TemplateId};
use crate::core::merge::Merge;
use crate::core::plural;
use crate::core::settings::{Preferences, Settings};
use crate::core::tags::Vocabulary;
use crate::core::templates::TemplateLibrary;
use crate::core::threads::Threads;

const MARK: &str = "-restored-";

/// A tab name for restored drafts whose own name is taken by a different draft: other
/// tabs offer them like any draft another tab left.
const DRAFT_TAB: &str = "restored";

/// One line of the check-answers page for a collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionChange {
    /// What it is ("Your own tags").
    pub what: &'static str,
    /// What happens to it, in a sentence.
    pub change: String,
}

/// Everything a restore will write. Only what changes is here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub made_at: DateTime<Utc>,
    /// Reflections the journal does not have, as they are in the backup.
    pub new_entries: Vec<Entry>,
    /// Reflections that differ from the journal's: the backup's version under a new id.
    pub copies: Vec<Entry>,
    /// Reflections the journal already has exactly (or a copy restored before).
    pub identical: usize,
    /// Drafts to add, under the names they will have.
    pub drafts: Vec<BackupDraft>,
    pub identical_drafts: usize,
    pub settings: Option<Settings>,
    pub preferences: Option<Preferences>,
    pub vocabulary: Option<Vocabulary>,
    pub templates: Option<TemplateLibrary>,
    pub threads: Option<Threads>,
    pub embeddedness: Option<EmbeddednessHistory>,
    pub wellbeing: Option<WellbeingLog>,
    /// Dismissed nudges, merged: not listed to the worker (they only hide nudges).
    pub dismissals: Option<Dismissals>,
    /// One line per collection, changed or not.
    pub collections: Vec<CollectionChange>,
}

impl Plan {
    /// True when the restore would write nothing at all.
    pub fn changes_nothing(&self) -> bool {
        self.new_entries.is_empty()
            && self.copies.is_empty()
            && self.drafts.is_empty()
            && self.settings.is_none()
            && self.preferences.is_none()
            && self.vocabulary.is_none()
            && self.templates.is_none()
            && self.threads.is_none()
            && self.embeddedness.is_none()
            && self.wellbeing.is_none()
            && self.dismissals.is_none()
    }
}

/// The id of the backup's copy of a reflection that differs, made on `day`, with `n`
/// counting copies of one reflection restored from backups of the same day (1 first).
pub fn copy_id(original: &EntryId, day: NaiveDate, n: u32) -> EntryId {
    let mut tail = format!("{MARK}{}", day.format("%Y%m%d"));
    if n > 1 {
        tail.push_str(&format!("-{n}"));
    }
    // Ids are at most 64 characters; the original's start keeps the copy recognisable.
    let keep = 64usize.saturating_sub(tail.len());
    let head: String = original.as_str().chars().take(keep).collect();
    EntryId::parse(head.trim_end_matches('-').to_owned().as_str())
        .and_then(|h| EntryId::parse(&format!("{h}{tail}")))
        .unwrap_or_else(|| original.clone())
}

/// The date of the backup a reflection was restored from as a second version, if it
/// was one: what the journal and the reflection's page show as its mark.
pub fn restored_from(id: &EntryId) -> Option<NaiveDate> {
    let (_, rest) = id.as_str().rsplit_once(MARK)?;
    let date = rest.split('-').next()?;
    if date.len() != 8 {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y%m%d").ok()
}

/// Ids of the backup's custom items that share a name with one of the journal's under
/// another id, mapped to the journal's.
fn same_names<T, K: Ord + Clone>(
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &K,
    name: impl Fn(&T) -> &str,
) -> BTreeMap<K, K> {
    let by_name: BTreeMap<String, &K> = mine.iter().map(|t| (name_key(name(t)), id(t))).collect();
    theirs
        .iter()
        .filter_map(|t| {
            let mine_id = by_name.get(&name_key(name(t)))?;
            (*mine_id != id(t)).then(|| (id(t).clone(), (*mine_id).clone()))
        })
        .collect()
}

fn map_tags(tags: &mut [TagId], map: &BTreeMap<TagId, TagId>) {
    for t in tags.iter_mut() {
        if let Some(to) = map.get(t) {
            *t = to.clone();
        }
    }
}

fn map_template(
    template: &mut Option<crate::core::entry::TemplateUse>,
    map: &BTreeMap<TemplateId, TemplateId>,
) {
    if let Some(t) = template {
        if let Some(to) = map.get(&t.id) {
            t.id = to.clone();
        }
    }
}

/// Dedupes a tag list after mapping (two of the backup's tags may have become one).
fn dedupe(tags: &mut Vec<TagId>) {
    let mut seen = BTreeSet::new();
    tags.retain(|t| seen.insert(t.clone()));
}

/// The backup's contents with its custom tags and templates that share a name with the
/// journal's taken as the journal's, and every reference to them pointed there.
fn align(current: &Contents, mut backup: Contents) -> Contents {
    let tag_map = same_names(
        current.vocabulary.custom(),
        backup.vocabulary.custom(),
        |t| &t.id,
        |t| t.label.as_str(),
    );
    let template_map = same_names(
        current.templates.custom(),
        backup.templates.custom(),
        |t| &t.id,
        |t| t.name.as_str(),
    );
    if !tag_map.is_empty() {
        let kept = backup
            .vocabulary
            .custom()
            .iter()
            .filter(|t| !tag_map.contains_key(&t.id))
            .cloned()
            .collect();
        backup.vocabulary = Vocabulary::from_parts(kept, backup.vocabulary.next_number());
    }
    if !template_map.is_empty() {
        let kept = backup
            .templates
            .custom()
            .iter()
            .filter(|t| !template_map.contains_key(&t.id))
            .cloned()
            .collect();
        backup.templates = TemplateLibrary::from_parts(kept, backup.templates.next_number());
    }
    if tag_map.is_empty() && template_map.is_empty() {
        return backup;
    }
    for e in &mut backup.entries {
        map_tags(&mut e.tags, &tag_map);
        map_tags(&mut e.dismissed, &tag_map);
        dedupe(&mut e.tags);
        dedupe(&mut e.dismissed);
        map_template(&mut e.template, &template_map);
    }
    for d in &mut backup.drafts {
        map_tags(&mut d.draft.draft.tags, &tag_map);
        map_tags(&mut d.draft.draft.dismissed, &tag_map);
        dedupe(&mut d.draft.draft.tags);
        dedupe(&mut d.draft.draft.dismissed);
        map_template(&mut d.draft.draft.template, &template_map);
    }
    backup
}

/// Merges one collection: `Some(merged)` when it changes the journal's.
fn merge_one<C: Merge + Default + PartialEq>(
    current: &C,
    backup: &C,
    what: &'static str,
) -> Result<Option<C>, BackupError> {
    let merged = C::keep_mine(&C::default(), current, backup).ok_or_else(|| {
        BackupError::BadCollection(what, "could not be merged with yours".to_owned())
    })?;
    Ok((merged != *current).then_some(merged))
}

/// How many more items a merged list has than the journal's.
fn added(now: usize, merged: Option<usize>) -> usize {
    merged.map_or(0, |m| m.saturating_sub(now))
}

/// A sentence for one list collection: what is added, and what of yours is kept.
fn list_change(added: usize, kept: usize, one: &str, many: &str) -> String {
    let mut out = match added {
        0 => format!("No {many} to add"),
        n => format!("{} added", plural(n, one, many)),
    };
    if kept > 0 {
        out.push_str(&format!(
            "; {} differ from the backup's, and yours are kept",
            plural(kept, one, many)
        ));
    }
    out
}

/// Works out what restoring `backup` over the journal `current` will write. Pure: the
/// page shows it on the check-answers page, then writes it in one batch.
pub fn plan(current: &Contents, backup: &Backup) -> Result<Plan, BackupError> {
    let day = backup.made_at.date_naive();
    let theirs = align(current, backup.contents.clone());
    let by_id: BTreeMap<&EntryId, &Entry> = current.entries.iter().map(|e| (&e.id, e)).collect();
    let mut taken: BTreeSet<EntryId> = current.entries.iter().map(|e| e.id.clone()).collect();
    let (mut new_entries, mut copies, mut identical) = (Vec::new(), Vec::new(), 0);
    for entry in theirs.entries {
        match by_id.get(&entry.id) {
            None => {
                taken.insert(entry.id.clone());
                new_entries.push(entry);
            }
            Some(mine) if **mine == entry => identical += 1,
            Some(_) => {
                // A copy restored before from a backup of the same day, word for word,
                // is not added again.
                let mut n = 1;
                let copy = loop {
                    let id = copy_id(&entry.id, day, n);
                    let as_copy = Entry {
                        id: id.clone(),
                        ..entry.clone()
                    };
                    match by_id.get(&id) {
                        Some(existing) if **existing == as_copy => break None,
                        _ if taken.contains(&id) && n < 1_000 => n += 1,
                        _ => break Some(as_copy),
                    }
                };
                match copy {
                    Some(copy) => {
                        taken.insert(copy.id.clone());
                        copies.push(copy);
                    }
                    None => identical += 1,
                }
            }
        }
    }

    let drafts_now: BTreeMap<&str, &BackupDraft> =
        current.drafts.iter().map(|d| (d.key.as_str(), d)).collect();
    let mut draft_keys: BTreeSet<String> = current.drafts.iter().map(|d| d.key.clone()).collect();
    let (mut drafts, mut identical_drafts) = (Vec::new(), 0);
    for d in theirs.drafts {
        let same = |k: &str| drafts_now.get(k).is_some_and(|x| x.draft == d.draft);
        let slot = d.key.split_once('.').map_or("new", |(_, s)| s).to_owned();
        let stamp = day.format("%Y%m%d");
        let candidates = std::iter::once(d.key.clone())
            .chain((1..1_000).map(|n| format!("{DRAFT_TAB}{stamp}{n}.{slot}")));
        let mut placed = None;
        for key in candidates {
            if same(&key) {
                break;
            }
            if !draft_keys.contains(&key) {
                placed = Some(key);
                break;
            }
        }
        match placed {
            Some(key) => {
                draft_keys.insert(key.clone());
                drafts.push(BackupDraft {
                    key,
                    draft: d.draft,
                });
            }
            None => identical_drafts += 1,
        }
    }

    let settings = merge_one(&current.settings, &theirs.settings, "settings")?;
    let mut preferences = merge_one(&current.preferences, &theirs.preferences, "preferences")?;
    // When the last backup was made is about this device: restoring must not claim a
    // backup the worker did not make here, so the journal's own date is kept.
    if let Some(p) = &mut preferences {
        p.last_backup = current.preferences.last_backup;
        if *p == current.preferences {
            preferences = None;
        }
    }
    let vocabulary = merge_one(&current.vocabulary, &theirs.vocabulary, "own tags")?;
    let templates = merge_one(&current.templates, &theirs.templates, "own templates")?;
    let threads = merge_one(&current.threads, &theirs.threads, "holding threads")?;
    let embeddedness = merge_one(
        &current.embeddedness,
        &theirs.embeddedness,
        "embeddedness check-ins",
    )?;
    let wellbeing = merge_one(&current.wellbeing, &theirs.wellbeing, "wellbeing checks")?;
    let dismissals = merge_one(&current.dismissals, &theirs.dismissals, "dismissed nudges")?;

    let names_added = settings.as_ref().map_or(0, |s| {
        s.private_names
            .len()
            .saturating_sub(current.settings.private_names.len())
    });
    let settings_change = match &settings {
        None => "No change".to_owned(),
        Some(s) if s.end_question == current.settings.end_question
            && s.check_in_interval == current.settings.check_in_interval =>
        {
            format!(
                "{} added to your private list of names",
                plural(names_added, "name", "names")
            )
        }
        Some(_) if names_added > 0 => format!(
            "Taken from the backup where yours were never changed; {} added to your private list of names",
            plural(names_added, "name", "names")
        ),
        Some(_) => "Taken from the backup where yours were never changed".to_owned(),
    };
    let collections = vec![
        CollectionChange {
            what: "Settings",
            change: settings_change,
        },
        CollectionChange {
            what: "Preferences",
            change: if preferences.is_some() {
                "Taken from the backup where yours were never changed".to_owned()
            } else {
                "No change".to_owned()
            },
        },
        CollectionChange {
            what: "Your own tags",
            change: list_change(
                added(
                    current.vocabulary.custom().len(),
                    vocabulary.as_ref().map(|v| v.custom().len()),
                ),
                Vocabulary::differences(
                    &Vocabulary::default(),
                    &current.vocabulary,
                    &theirs.vocabulary,
                )
                .len(),
                "tag",
                "tags",
            ),
        },
        CollectionChange {
            what: "Your own templates",
            change: list_change(
                added(
                    current.templates.custom().len(),
                    templates.as_ref().map(|v| v.custom().len()),
                ),
                TemplateLibrary::differences(
                    &TemplateLibrary::default(),
                    &current.templates,
                    &theirs.templates,
                )
                .len(),
                "template",
                "templates",
            ),
        },
        CollectionChange {
            what: "Holding threads",
            change: list_change(
                added(
                    current.threads.all().len(),
                    threads.as_ref().map(|v| v.all().len()),
                ),
                Threads::differences(&Threads::default(), &current.threads, &theirs.threads).len(),
                "thread",
                "threads",
            ),
        },
        CollectionChange {
            what: "Embeddedness check-ins",
            change: list_change(
                added(
                    current.embeddedness.all().len(),
                    embeddedness.as_ref().map(|v| v.all().len()),
                ),
                EmbeddednessHistory::differences(
                    &EmbeddednessHistory::default(),
                    &current.embeddedness,
                    &theirs.embeddedness,
                )
                .len(),
                "check-in",
                "check-ins",
            ),
        },
        CollectionChange {
            what: "Wellbeing checks",
            change: list_change(
                added(
                    current.wellbeing.all().len(),
                    wellbeing.as_ref().map(|v| v.all().len()),
                ),
                WellbeingLog::differences(
                    &WellbeingLog::default(),
                    &current.wellbeing,
                    &theirs.wellbeing,
                )
                .len(),
                "check",
                "checks",
            ),
        },
    ];
    Ok(Plan {
        made_at: backup.made_at,
        new_entries,
        copies,
        identical,
        drafts,
        identical_drafts,
        settings,
        preferences,
        vocabulary,
        templates,
        threads,
        embeddedness,
        wellbeing,
        dismissals,
        collections,
    })
}
