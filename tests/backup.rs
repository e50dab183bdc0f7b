#![cfg(not(target_arch = "wasm32"))]
//! The backup file format's frozen fixtures and its corpus of hostile files. A backup
//! written today must restore in every later version, and no file a worker (or anyone)
//! hands the restore page may panic it, change anything, or go unexplained.
//!
//! `tests/fixtures/backup/v1/` holds a plain and a sealed backup of the v4 record
//! fixtures (sealed with `PASSPHRASE` at OWASP's minimum cost, so the test stays quick).
//! `tests/fixtures/backup/bad/` holds malformed files, and `bad/expected.txt` says, for
//! each, the passphrase to try and the start of the message the worker must see. Every
//! file there must be listed, so a new hostile file cannot go untested.
//!
//! The fixtures were made by `cargo test --test backup -- --ignored make_fixtures`;
//! never run it again for v1 (they are frozen), only for a new version's folder.
//! `tests/fixtures/backup/v2/` (format 2 adds the dismissed nudges) was made by
//! `make_v2_fixtures`, which writes that folder only.

use anchorpoint::core::backup::{read_backup, seal_backup, write_backup, BackupDraft, Contents};
use anchorpoint::core::crypto::{FileRandom, KdfParams, NONCE_BYTES, SALT_BYTES};
use anchorpoint::core::record::{
    decode_dismissals, decode_draft, decode_embeddedness, decode_entry, decode_preferences,
    decode_settings, decode_templates, decode_threads, decode_vocabulary, decode_wellbeing,
};
use chrono::{TimeZone, Utc};

const PASSPHRASE: &str = "Harbour lights at dusk, café ☕";

fn path(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> String {
    let full = path(rel);
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .trim_end()
        .to_owned()
}

/// The v4 record fixtures as one journal with two tabs' drafts.
fn contents() -> Contents {
    let draft = decode_draft(&fixture("v4/draft-edit.json")).unwrap();
    Contents {
        entries: vec![decode_entry(&fixture("v4/entry.json")).unwrap()],
        drafts: vec![
            BackupDraft {
                key: format!("t1.{}", draft.entry.as_ref().unwrap()),
                draft,
            },
            BackupDraft {
                key: "t2.new".into(),
                draft: decode_draft(&fixture("v4/draft.json")).unwrap(),
            },
        ],
        settings: decode_settings(&fixture("v4/settings.json")).unwrap(),
        preferences: decode_preferences(&fixture("v4/preferences.json")).unwrap(),
        vocabulary: decode_vocabulary(&fixture("v4/vocabulary.json")).unwrap(),
        templates: decode_templates(&fixture("v4/templates.json")).unwrap(),
        threads: decode_threads(&fixture("v4/threads.json")).unwrap(),
        embeddedness: decode_embeddedness(&fixture("v4/embeddedness.json")).unwrap(),
        wellbeing: decode_wellbeing(&fixture("v4/wellbeing.json")).unwrap(),
        // Format 1 has no dismissals: a v1 file restores with none.
        dismissals: Default::default(),
    }
}

/// What the v2 fixtures hold: the same, with the v1 dismissals fixture.
fn contents_v2() -> Contents {
    Contents {
        dismissals: decode_dismissals(&fixture("dismissals/v1/dismissals.json")).unwrap(),
        ..contents()
    }
}

fn made_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap()
}

#[test]
fn the_v1_backups_restore_to_what_they_were_made_from() {
    let plain = read_backup(&fixture("backup/v1/plain.json"), None).unwrap();
    assert_eq!(plain.made_at, made_at());
    assert_eq!(plain.contents, contents());
    let sealed = read_backup(&fixture("backup/v1/sealed.json"), Some(PASSPHRASE)).unwrap();
    assert_eq!(sealed, plain);
}

#[test]
fn the_v2_backups_restore_to_what_they_were_made_from() {
    let plain = read_backup(&fixture("backup/v2/plain.json"), None).unwrap();
    assert_eq!(plain.made_at, made_at());
    assert_eq!(plain.contents, contents_v2());
    let sealed = read_backup(&fixture("backup/v2/sealed.json"), Some(PASSPHRASE)).unwrap();
    assert_eq!(sealed, plain);
}

#[test]
fn the_current_writer_produces_the_v2_fixture_exactly() {
    assert_eq!(
        write_backup(made_at(), &contents_v2()),
        fixture("backup/v2/plain.json")
    );
}

/// Format 2 is format 1 plus a required `dismissals` collection: a v2 file without it is
/// damaged, and a v1 file is read as it always was.
#[test]
fn a_v2_backup_must_carry_its_dismissals() {
    let mut v2: serde_json::Value = serde_json::from_str(&fixture("backup/v2/plain.json")).unwrap();
    let collections = v2["collections"].as_object_mut().unwrap();
    assert!(collections.remove("dismissals").is_some());
    let without = v2.to_string();
    let err = read_backup(&without, None).unwrap_err().to_string();
    assert!(err.contains("dismissals"), "{err}");
    assert!(!fixture("backup/v1/plain.json").contains("dismissals"));
}

/// Writes the v2 fixtures only. Run by hand once (see the module note).
#[test]
#[ignore]
fn make_v2_fixtures() {
    let plain = write_backup(made_at(), &contents_v2());
    let random = FileRandom {
        salt: [0x5a; SALT_BYTES],
        nonce: [0xa5; NONCE_BYTES],
    };
    let sealed = seal_backup(&plain, PASSPHRASE, KdfParams::OWASP_MINIMUM, &random).unwrap();
    let dir = path("backup/v2");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(format!("{dir}/plain.json"), format!("{plain}\n")).unwrap();
    std::fs::write(format!("{dir}/sealed.json"), format!("{sealed}\n")).unwrap();
}

#[test]
fn every_hostile_file_is_refused_with_its_own_clear_message() {
    let manifest = fixture("backup/bad/expected.txt");
    let mut listed = std::collections::BTreeSet::new();
    let mut wrong = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut parts = line.splitn(3, " | ");
        let (name, pass, expected) = (
            parts.next().unwrap().trim(),
            parts.next().unwrap().trim(),
            parts.next().unwrap().trim(),
        );
        listed.insert(name.to_owned());
        let text = std::fs::read_to_string(path(&format!("backup/bad/{name}"))).unwrap();
        let pass = (pass != "-").then_some(pass);
        let got = read_backup(&text, pass);
        if let Some(kept) = expected.strip_prefix("OK ") {
            // A file that is valid but hostile in content must read back as inert text.
            let Ok(backup) = got else {
                wrong.push(format!("{name}: {got:?}"));
                continue;
            };
            let texts: Vec<&str> = backup.contents.entries[0]
                .sections
                .iter()
                .map(|s| s.text.as_str())
                .collect();
            assert!(texts.iter().any(|t| t.contains(kept)), "{name}: {texts:?}");
            continue;
        }
        let message = got
            .map(|_| "(read as a backup)".to_owned())
            .unwrap_or_else(|e| e.to_string());
        if !message.starts_with(expected) {
            wrong.push(format!("{name}: expected “{expected}…”, got “{message}”"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for file in std::fs::read_dir(path("backup/bad")).unwrap() {
        let name = file.unwrap().file_name().into_string().unwrap();
        if name != "expected.txt" {
            assert!(listed.contains(&name), "{name} is not in expected.txt");
        }
    }
}

/// Writes the v1 fixtures and the bad corpus. Run by hand only (see the module note).
#[test]
#[ignore]
fn make_fixtures() {
    let plain = write_backup(made_at(), &contents());
    let random = FileRandom {
        salt: [0x5a; SALT_BYTES],
        nonce: [0xa5; NONCE_BYTES],
    };
    let sealed = seal_backup(&plain, PASSPHRASE, KdfParams::OWASP_MINIMUM, &random).unwrap();
    let write = |rel: &str, text: &str| {
        let full = path(rel);
        std::fs::create_dir_all(std::path::Path::new(&full).parent().unwrap()).unwrap();
        std::fs::write(full, format!("{text}\n")).unwrap();
    };
    write("backup/v1/plain.json", &plain);
    write("backup/v1/sealed.json", &sealed);

    write("backup/bad/empty.json", "");
    write("backup/bad/truncated.json", &plain[..plain.len() / 2]);
    write(
        "backup/bad/truncated-sealed.json",
        &sealed[..sealed.len() - 40],
    );
    // One character of the sealed part changed: the cipher's tag no longer matches.
    let at = sealed.len() - 30;
    let flipped = if &sealed[at..=at] == "A" { "B" } else { "A" };
    write(
        "backup/bad/tampered-sealed.json",
        &format!("{}{flipped}{}", &sealed[..at], &sealed[at + 1..]),
    );
    // A plain backup edited by hand: a tag id that is not an id.
    write(
        "backup/bad/tampered-plain.json",
        &plain.replacen("\"holding-witness\"", "\"<b>Holding</b>\"", 1),
    );
    write("backup/bad/wrong-passphrase.json", &sealed);
    write(
        "backup/bad/future-version.json",
        &plain.replacen("\"v\":1,", "\"v\":2,", 1),
    );
    write(
        "backup/bad/future-sealed-version.json",
        &sealed.replacen("\"v\":1,", "\"v\":7,", 1),
    );
    write(
        "backup/bad/huge-key-cost.json",
        &sealed.replacen("\"m\":19456", "\"m\":4194304", 1),
    );
    write(
        "backup/bad/huge-nesting.json",
        &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    let start = plain.find("\"entries\":[").unwrap() + "\"entries\":[".len();
    let end = plain.find("],\"drafts\"").unwrap();
    write(
        "backup/bad/huge-count.json",
        &format!(
            "{}{}{}",
            &plain[..start],
            vec!["{}"; 100_001].join(","),
            &plain[end..]
        ),
    );
    write(
        "backup/bad/another-app.json",
        r#"{"version":3,"notes":[{"title":"Shopping","body":"eggs"}],"exportedBy":"SomeNotesApp"}"#,
    );
    write(
        "backup/bad/wrong-shape.json",
        &plain
            .replacen("\"entries\":[", "\"entries\":{\"list\":[", 1)
            .replacen("],\"drafts\"", "]},\"drafts\"", 1),
    );
    write(
        "backup/bad/missing-collections.json",
        &format!("{}}}", &plain[..plain.find(",\"collections\"").unwrap()]),
    );
    let entry = &plain[start..end];
    write(
        "backup/bad/duplicate-ids.json",
        &plain.replacen(entry, &format!("{entry},{entry}"), 1),
    );
    write(
        "backup/bad/script-in-app.json",
        &plain.replacen(
            "\"app\":\"anchorpoint\",\"kind\":\"backup\"",
            "\"app\":\"<script>alert(1)</script>\",\"kind\":\"backup\"",
            1,
        ),
    );
    write(
        "backup/bad/script-in-draft-name.json",
        &plain.replacen(
            "\"key\":\"t2.new\"",
            "\"key\":\"<img src=x onerror=alert(1)>.new\"",
            1,
        ),
    );
    write(
        "backup/bad/script-in-text.json",
        &plain.replacen(
            "nothing to fix, I listened.",
            "nothing to fix, I listened. <script>alert('x')</script><img src=x onerror=alert(1)>",
            1,
        ),
    );
    write(
        "backup/bad/summary-not-backup.json",
        &sealed.replacen("\"purpose\":\"backup\"", "\"purpose\":\"summary\"", 1),
    );
    write(
        "backup/bad/record-of-other-kind.json",
        &plain.replacen("\"kind\":\"vocabulary\"", "\"kind\":\"threads\"", 1),
    );
}
