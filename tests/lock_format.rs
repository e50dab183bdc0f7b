//! The lock's stored formats, frozen: a version 1 lock header and a sealed record
//! (`AP4;s;…`) made with fixed bytes must keep opening with the passphrase they were
//! made with. Fixtures in `tests/fixtures/lock/v1/` are never edited; a format change
//! adds a version. The passphrase and every key are fictional test values.

use anchorpoint::core::crypto::{KdfParams, Key, KEY_BYTES, NONCE_BYTES, SALT_BYTES};
use anchorpoint::core::lock::{LockHeader, LockRandom, KEY_ID_BYTES};
use anchorpoint::core::record::decode_entry;
use anchorpoint::storage::codec::{open, Compact};
use anchorpoint::storage::Sealed;

const PASSPHRASE: &str = "three random words";
const HEADER: &str = include_str!("fixtures/lock/v1/header.json");
const ENTRY: &str = include_str!("fixtures/lock/v1/entry.sealed");
const ENTRY_KEY: &str = "anchorpoint.entry.e1";

fn made() -> LockHeader {
    let random = LockRandom {
        salt: [1; SALT_BYTES],
        nonce: [2; NONCE_BYTES],
    };
    let data = Key::from_random(&mut [11; KEY_BYTES]);
    LockHeader::create(
        PASSPHRASE,
        KdfParams::OWASP_MINIMUM,
        &random,
        &[3; KEY_ID_BYTES],
        &data,
    )
    .unwrap()
}

#[test]
fn the_v1_header_fixture_reads_and_is_what_this_code_writes() {
    let header = LockHeader::decode(HEADER.trim()).unwrap();
    assert_eq!(header, made());
    assert_eq!(made().encode(), HEADER.trim());
    assert!(header.unlock("three random word").is_err());
}

#[test]
fn the_sealed_entry_fixture_opens_with_the_fixture_header_s_key() {
    let key = LockHeader::decode(HEADER.trim())
        .unwrap()
        .unlock(PASSPHRASE)
        .unwrap();
    let opened = open(ENTRY_KEY, ENTRY.trim(), &[&Sealed::new(key), &Compact]).unwrap();
    assert_eq!(opened.revision, 3);
    let entry = decode_entry(&opened.json).unwrap();
    assert!(entry.text().contains("fourth session"));
    // Under another key, it does not open.
    let key = LockHeader::decode(HEADER.trim())
        .unwrap()
        .unlock(PASSPHRASE)
        .unwrap();
    assert!(open("anchorpoint.entry.e2", ENTRY.trim(), &[&Sealed::new(key)]).is_err());
}

/// Writes the fixtures once: `cargo test --test lock_format -- --ignored make_fixtures`.
#[test]
#[ignore]
fn make_fixtures() {
    use anchorpoint::storage::Codec;
    let entry = include_str!("fixtures/v4/entry.json");
    let key = Key::from_random(&mut [11; KEY_BYTES]);
    std::fs::write("tests/fixtures/lock/v1/header.json", made().encode() + "\n").unwrap();
    let sealed = Sealed::new(key).encode(ENTRY_KEY, 3, entry.trim()).unwrap();
    std::fs::write("tests/fixtures/lock/v1/entry.sealed", sealed + "\n").unwrap();
}
