//! Tests of the backup file and the restore plan, on the frozen v4 record fixtures as
//! one journal: round trips plain and sealed, every refusal, and every merge rule.

use chrono::{NaiveDate, TimeZone, Utc};

use super::restore::{copy_id, plan, restored_from};
use super::*;
use crate::core::crypto::{FileRandom, NONCE_BYTES, SALT_BYTES};
use crate::core::entry::Section;
use crate::core::ids::TagId;
use crate::core::record::decode_vocabulary;
use crate::core::tags::CustomTag;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/v4/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap().trim().to_owned()
}

/// The v4 fixtures as one journal: what the frozen backup fixtures hold.
fn contents() -> Contents {
    let draft = decode_draft(&fixture("draft-edit.json")).unwrap();
    let new_draft = decode_draft(&fixture("draft.json")).unwrap();
    Contents {
        entries: vec![decode_entry(&fixture("entry.json")).unwrap()],
        drafts: vec![
            BackupDraft {
                key: format!("t1.{}", draft.entry.as_ref().unwrap()),
                draft,
            },
            BackupDraft {
                key: "t2.new".into(),
                draft: new_draft,
            },
        ],
        settings: decode_settings(&fixture("settings.json")).unwrap(),
        preferences: decode_preferences(&fixture("preferences.json")).unwrap(),
        vocabulary: decode_vocabulary(&fixture("vocabulary.json")).unwrap(),
        templates: decode_templates(&fixture("templates.json")).unwrap(),
        threads: decode_threads(&fixture("threads.json")).unwrap(),
        embeddedness: decode_embeddedness(&fixture("embeddedness.json")).unwrap(),
        wellbeing: decode_wellbeing(&fixture("wellbeing.json")).unwrap(),
        dismissals: crate::core::record::decode_dismissals(&fixture(
            "../dismissals/v1/dismissals.json",
        ))
        .unwrap(),
    }
}

fn made_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap()
}

fn backup() -> Backup {
    Backup {
        made_at: made_at(),
        contents: contents(),
    }
}

fn entry(id: &str, text: &str) -> Entry {
    Entry {
        id: EntryId::parse(id).unwrap(),
        written_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        updated_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        about: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        sections: vec![Section::free(text)],
        tags: vec![],
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

const FAST: KdfParams = KdfParams::OWASP_MINIMUM;

fn random() -> FileRandom {
    FileRandom {
        salt: [7; SALT_BYTES],
        nonce: [9; NONCE_BYTES],
    }
}

#[test]
fn a_backup_reads_back_as_everything_it_was_made_from() {
    let text = write_backup(made_at(), &contents());
    assert_eq!(read_backup(&text, None), Ok(backup()));
}

#[test]
fn a_sealed_backup_opens_only_with_its_passphrase() {
    let plain = write_backup(made_at(), &contents());
    let sealed = seal_backup(&plain, "pässphrase with ümlauts", FAST, &random()).unwrap();
    assert!(is_sealed(&sealed));
    assert!(!sealed.contains("fourth session"), "the words are sealed");
    assert_eq!(
        read_backup(&sealed, None),
        Err(BackupError::NeedsPassphrase)
    );
    let wrong = read_backup(&sealed, Some("passphrase")).unwrap_err();
    assert_eq!(wrong, BackupError::Sealed(CryptoError::WrongPassphrase));
    assert!(wrong.is_passphrase());
    assert_eq!(
        read_backup(&sealed, Some("pässphrase with ümlauts")),
        Ok(backup())
    );
}

#[test]
fn the_file_name_carries_the_date() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    assert_eq!(file_name(day), "anchorpoint-backup-2026-12-06.json");
}

#[test]
fn files_that_are_not_backups_are_refused_with_a_reason() {
    let cases: [(&str, BackupError); 6] = [
        ("", BackupError::Empty),
        ("[1, 2, 3]", BackupError::Foreign),
        (r#"{"name":"my notes","items":[]}"#, BackupError::Foreign),
        (
            &fixture("entry.json"),
            BackupError::NotBackup("single reflection".into()),
        ),
        (
            r#"{"app":"anchorpoint","kind":"backup","v":3,"whatever":1}"#,
            BackupError::Newer(3),
        ),
        (
            r#"{"app":"anchorpoint","kind":"backup","v":0}"#,
            BackupError::Damaged("its format version is 0".into()),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(read_backup(text, None), Err(expected), "{text}");
    }
    assert!(matches!(
        read_backup("{\"app\":", None),
        Err(BackupError::NotJson(_))
    ));
}

#[test]
fn a_truncated_backup_is_refused_whole() {
    let text = write_backup(made_at(), &contents());
    for cut in [text.len() / 3, text.len() / 2, text.len() - 1] {
        let err = read_backup(&text[..cut], None).unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
    }
}

#[test]
fn one_damaged_record_refuses_the_whole_file() {
    let text = write_backup(made_at(), &contents());
    let bad = text.replacen("\"holding-witness\"", "\"Holding Witness!\"", 1);
    assert!(matches!(
        read_backup(&bad, None),
        Err(BackupError::BadEntry { index: 1, .. })
    ));
    let msg = read_backup(&bad, None).unwrap_err().to_string();
    assert!(
        msg.starts_with("reflection 1 in it cannot be read because"),
        "{msg}"
    );
}

#[test]
fn duplicate_ids_and_mismatched_draft_names_are_refused() {
    let mut c = contents();
    c.entries.push(c.entries[0].clone());
    let text = write_backup(made_at(), &c);
    assert_eq!(
        read_backup(&text, None),
        Err(BackupError::DuplicateEntry("emi4x2k1c-3v3".into()))
    );
    let mut c = contents();
    c.drafts[1].key = "t2.emi4x2k1c-9".into();
    let text = write_backup(made_at(), &c);
    assert!(matches!(
        read_backup(&text, None),
        Err(BackupError::BadDraft { index: 2, .. })
    ));
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_parsed() {
    let huge = " ".repeat(MAX_BACKUP_BYTES) + "{}";
    assert_eq!(
        read_backup(&huge, None),
        Err(BackupError::TooLarge { size: 68 })
    );
}

#[test]
fn restoring_into_an_empty_journal_brings_everything_back() {
    let p = plan(&Contents::default(), &backup()).unwrap();
    let c = contents();
    assert_eq!(p.new_entries, c.entries);
    assert!(p.copies.is_empty());
    assert_eq!(p.identical, 0);
    assert_eq!(p.drafts, c.drafts);
    assert_eq!(p.settings.as_ref(), Some(&c.settings));
    assert_eq!(p.vocabulary.as_ref(), Some(&c.vocabulary));
    assert_eq!(p.templates.as_ref(), Some(&c.templates));
    assert_eq!(p.threads.as_ref(), Some(&c.threads));
    assert_eq!(p.embeddedness.as_ref(), Some(&c.embeddedness));
    assert_eq!(p.wellbeing.as_ref(), Some(&c.wellbeing));
    assert_eq!(p.dismissals.as_ref(), Some(&c.dismissals));
    // The worker made no backup on this device: restoring does not claim one.
    assert!(p
        .preferences
        .as_ref()
        .is_none_or(|p| p.last_backup.is_none()));
    assert_eq!(p.collections[2].change, "2 tags added");
}

#[test]
fn restoring_the_same_backup_twice_changes_nothing_the_second_time() {
    let p = plan(&Contents::default(), &backup()).unwrap();
    let after = Contents {
        entries: p.new_entries.clone(),
        drafts: p.drafts.clone(),
        settings: p.settings.clone().unwrap(),
        preferences: p.preferences.clone().unwrap_or_default(),
        vocabulary: p.vocabulary.clone().unwrap(),
        templates: p.templates.clone().unwrap(),
        threads: p.threads.clone().unwrap(),
        embeddedness: p.embeddedness.clone().unwrap(),
        wellbeing: p.wellbeing.clone().unwrap(),
        dismissals: p.dismissals.clone().unwrap(),
    };
    let again = plan(&after, &backup()).unwrap();
    assert!(again.changes_nothing(), "{again:?}");
    assert_eq!(again.identical, 1);
    assert_eq!(again.identical_drafts, 2);
}

#[test]
fn a_reflection_that_differs_is_kept_twice_with_the_backups_copy_marked() {
    let mut current = contents();
    current.entries[0].sections = vec![Section::free("Edited here since the backup.")];
    current.entries.push(entry("emz-1", "Only here."));
    let mut theirs = backup();
    theirs
        .contents
        .entries
        .push(entry("emz-2", "Only in the backup."));
    let p = plan(&current, &theirs).unwrap();
    assert_eq!(p.new_entries, vec![entry("emz-2", "Only in the backup.")]);
    assert_eq!(p.identical, 0);
    assert_eq!(p.copies.len(), 1);
    let copy = &p.copies[0];
    assert_eq!(copy.id.as_str(), "emi4x2k1c-3v3-restored-20261206");
    assert_eq!(copy.sections, contents().entries[0].sections);
    assert_eq!(
        restored_from(&copy.id),
        NaiveDate::from_ymd_opt(2026, 12, 6)
    );
    assert_eq!(restored_from(&current.entries[0].id), None);

    // Restoring again over the result adds nothing more.
    current.entries.extend(p.new_entries);
    current.entries.extend(p.copies);
    let again = plan(&current, &theirs).unwrap();
    assert!(again.new_entries.is_empty() && again.copies.is_empty());
    assert_eq!(again.identical, 2);
}

#[test]
fn a_copy_id_never_clashes_and_stays_a_valid_id() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let long = EntryId::parse(&"a".repeat(64)).unwrap();
    let id = copy_id(&long, day, 3);
    assert!(id.as_str().len() <= 64);
    assert!(id.as_str().ends_with("-restored-20261206-3"));
    assert_eq!(restored_from(&id), Some(day));
    // Ordinary ids are two base-36 parts, never mistaken for a copy.
    assert_eq!(
        restored_from(&EntryId::parse("mic2ftc0-1y2p0ij").unwrap()),
        None
    );
}

#[test]
fn a_backup_tag_with_one_of_your_tags_names_is_taken_as_yours() {
    let current = Contents {
        vocabulary: Vocabulary::from_parts(
            vec![CustomTag {
                id: TagId::parse("custom-mine-1").unwrap(),
                label: "home visit".into(),
                definition: None,
            }],
            1,
        ),
        ..Contents::default()
    };
    let p = plan(&current, &backup()).unwrap();
    // custom-1 ("Home visit") became the journal's own tag; "Interpreter" is added.
    let tags = &p.new_entries[0].tags;
    assert!(
        tags.contains(&TagId::parse("custom-mine-1").unwrap()),
        "{tags:?}"
    );
    assert!(!tags.contains(&TagId::parse("custom-1").unwrap()));
    let vocab = p.vocabulary.unwrap();
    let labels: Vec<&str> = vocab.custom().iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Interpreter", "home visit"]);
    let draft_tags = &p.drafts[0].draft.draft.tags;
    assert!(draft_tags.contains(&TagId::parse("custom-mine-1").unwrap()));
}

#[test]
fn a_draft_whose_name_is_taken_by_another_draft_is_kept_under_a_new_name() {
    let mut current = Contents::default();
    let mut other = contents().drafts[1].clone();
    other.draft.draft.text = "This tab's own words.".into();
    current.drafts.push(other);
    let p = plan(&current, &backup()).unwrap();
    let keys: Vec<&str> = p.drafts.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["t1.emi4x2k1c-9", "restored202612061.new"]);
}

#[test]
fn the_reminder_is_due_after_the_interval_or_at_ten_reflections_with_none() {
    let now = made_at();
    let days = |n: i64| Some(now - chrono::Duration::days(n));
    assert!(!reminder_due(now, Some(14), days(14), 50));
    assert!(reminder_due(now, Some(14), days(15), 0));
    assert!(!reminder_due(now, Some(14), None, 9));
    assert!(reminder_due(now, Some(14), None, 10));
    assert!(!reminder_due(now, None, days(400), 500));
}
