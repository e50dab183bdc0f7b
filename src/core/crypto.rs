//! The cryptography behind the lock, sealed backups and protected summaries, as pure
//! functions over RustCrypto's crates: Argon2id turns a passphrase into a key,
//! XChaCha20-Poly1305 seals and opens. Nothing here is hand-written crypto; this module
//! only fixes the parameters, the sizes and the file format, and checks what it reads.
//!
//! The core has no randomness, so every salt, nonce and new key comes in as an
//! argument: the storage layer draws them from the browser's `crypto.getRandomValues`
//! (`storage::random`). Tests pass fixed bytes, so sealed fixtures are reproducible.
//!
//! Passphrases are used exactly as given, byte for byte in UTF-8: the UI normalises
//! them to Unicode NFC first (the browser's `String.prototype.normalize`, so no tables
//! travel in the bundle), so "é" typed as one character or as "e" and an accent is the
//! same passphrase. Nothing is trimmed: a space is part of a passphrase.
//!
//! A *sealed file* (a backup, or a summary protected for a supervisor) is JSON:
//!
//! ```json
//! {"app":"anchorpoint","kind":"sealed","v":1,"purpose":"backup",
//!  "kdf":{"alg":"argon2id","m":65536,"t":3,"p":1,"salt":"<base64>"},
//!  "nonce":"<base64>","sealed":"<base64>"}
//! ```
//!
//! Everything but `sealed` is bound in as associated data, so changing the purpose, a
//! parameter or the salt makes the file fail to open rather than open as something else.

use std::fmt;

use argon2::{Algorithm, Argon2, Params, Version};
use base64ct::{Base64, Encoding};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zeroize::{Zeroize, Zeroizing};

/// Bytes in a key (256 bits).
pub const KEY_BYTES: usize = 32;
/// Bytes in a salt (128 bits, the Argon2 recommendation).
pub const SALT_BYTES: usize = 16;
/// Bytes in an XChaCha20 nonce (192 bits: random nonces never repeat in practice).
pub const NONCE_BYTES: usize = 24;
/// Bytes the Poly1305 tag adds to every sealed message.
pub const TAG_BYTES: usize = 16;

/// The longest passphrase accepted, in characters. Far beyond any real passphrase; it
/// keeps a pasted document from being hashed.
pub const MAX_PASSPHRASE_CHARS: usize = 1_024;

/// The sealed file format this code writes.
pub const SEALED_FILE_VERSION: u32 = 1;

/// Argon2id's cost: memory in KiB, passes over it, and lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    #[serde(rename = "m")]
    pub memory_kib: u32,
    #[serde(rename = "t")]
    pub iterations: u32,
    #[serde(rename = "p")]
    pub lanes: u32,
}

impl KdfParams {
    /// OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane). Nothing weaker is ever
    /// written or read.
    pub const OWASP_MINIMUM: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        lanes: 1,
    };

    /// What new keys are derived with: the strongest that unlocks within 1.5 s in
    /// Chromium on the project's machine (figures in the README). Stored beside every
    /// salt, so raising it later leaves old journals and files readable.
    ///
    /// Measured by `bench/lock-browser.mjs` (Chromium 156, 2-core VM at load 11,
    /// 2026-12-06): 64 MiB x 3 derives in 265 ms, 128 MiB x 3 in 825 ms (worst 884),
    /// 192 MiB x 3 in 1,075 ms (worst 1,210) and 256 MiB x 3 in 1,358 ms (worst 1,507).
    /// 128 MiB x 3 is chosen: with a 5,000-reflection journal to read after it, unlocking
    /// stays near 1.5 s here, and a practice laptop twice as slow still derives in under
    /// 2 s; 192 MiB would also keep that much memory in the tab for the whole visit.
    pub const CHOSEN: KdfParams = KdfParams {
        memory_kib: 128 * 1024,
        iterations: 3,
        lanes: 1,
    };

    /// The most a file or header may ask for. A hostile file must not make the page
    /// allocate gigabytes or hash for minutes before saying it is wrong.
    pub const LIMIT: KdfParams = KdfParams {
        memory_kib: 256 * 1024,
        iterations: 16,
        lanes: 4,
    };

    /// Whether these are parameters this app would ever use: no weaker than OWASP's
    /// minimum, no costlier than the limit.
    pub fn check(&self) -> Result<(), CryptoError> {
        let min = Self::OWASP_MINIMUM;
        let max = Self::LIMIT;
        let ok = (min.memory_kib..=max.memory_kib).contains(&self.memory_kib)
            && (min.iterations..=max.iterations).contains(&self.iterations)
            && (min.lanes..=max.lanes).contains(&self.lanes);
        if ok {
            Ok(())
        } else {
            Err(CryptoError::Damaged(format!(
                "its key settings are outside what Anchorpoint uses ({} KiB, {} passes, {} lanes)",
                self.memory_kib, self.iterations, self.lanes
            )))
        }
    }
}

/// Why something could not be sealed or opened. Worded to finish "… because …".
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CryptoError {
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("the passphrase is longer than {MAX_PASSPHRASE_CHARS} characters")]
    LongPassphrase,
    /// The passphrase did not open it. With an authenticated cipher this is also what a
    /// tampered file looks like; where the two can be told apart the caller says so.
    #[error("the passphrase is not the one it was protected with")]
    WrongPassphrase,
    #[error("its sealed contents have been changed or damaged")]
    Tampered,
    #[error("it is not a file Anchorpoint sealed")]
    NotSealed,
    #[error("it was sealed by a newer version of Anchorpoint (sealed format {0}); update the app to open it")]
    Newer(u32),
    #[error("it is damaged ({0})")]
    Damaged(String),
}

/// A 256-bit key. It is wiped from memory when dropped, never printed, and compared only
/// by the cipher.
#[derive(Clone)]
pub struct Key(Zeroizing<[u8; KEY_BYTES]>);

impl Key {
    /// A key from random bytes (a new data key), which are wiped from the caller's array.
    pub fn from_random(bytes: &mut [u8; KEY_BYTES]) -> Key {
        let key = Key(Zeroizing::new(*bytes));
        bytes.zeroize();
        key
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        // From a slice, so no unwiped copy of the key is left on the stack.
        XChaCha20Poly1305::new_from_slice(self.0.as_ref())
            .expect("a 32-byte key is the cipher's key size")
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Refuses passphrases the lock will not take. Returns the length in characters.
pub fn check_passphrase(passphrase: &str) -> Result<usize, CryptoError> {
    let chars = passphrase.chars().count();
    if passphrase.is_empty() {
        Err(CryptoError::EmptyPassphrase)
    } else if chars > MAX_PASSPHRASE_CHARS {
        Err(CryptoError::LongPassphrase)
    } else {
        Ok(chars)
    }
}

/// Derives the key that wraps (or seals) with Argon2id. Slow by design: see
/// [`KdfParams::CHOSEN`].
pub fn derive(
    passphrase: &str,
    salt: &[u8; SALT_BYTES],
    params: KdfParams,
) -> Result<Key, CryptoError> {
    check_passphrase(passphrase)?;
    params.check()?;
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(
            params.memory_kib,
            params.iterations,
            params.lanes,
            Some(KEY_BYTES),
        )
        .map_err(|e| CryptoError::Damaged(e.to_string()))?,
    );
    let mut out = Zeroizing::new([0u8; KEY_BYTES]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| CryptoError::Damaged(e.to_string()))?;
    Ok(Key(out))
}

/// Seals `plaintext` under `key` with a fresh random `nonce`, binding `aad` (for a
/// stored record: its key, revision and format version). The result is the ciphertext
/// with its 16-byte tag; the nonce is stored beside it.
pub fn seal(key: &Key, nonce: &[u8; NONCE_BYTES], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    key.cipher()
        .encrypt(
            &XNonce::from(*nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        // Encryption fails only for messages of more than 256 GiB.
        .unwrap_or_default()
}

/// Opens what [`seal`] made, with the same nonce and associated data. Any change to the
/// ciphertext, the nonce, the associated data or the key gives [`CryptoError::Tampered`].
pub fn open(
    key: &Key,
    nonce: &[u8; NONCE_BYTES],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if sealed.len() < TAG_BYTES {
        return Err(CryptoError::Tampered);
    }
    key.cipher()
        .decrypt(&XNonce::from(*nonce), Payload { msg: sealed, aad })
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Tampered)
}

/// What a wrapped data key binds in, so a wrapped key cannot pass for anything else.
const WRAP_AAD: &[u8] = b"anchorpoint data key v1";

/// Wraps the journal's data key under a passphrase key: changing the passphrase
/// re-wraps this alone, never the records.
pub fn wrap(passphrase_key: &Key, nonce: &[u8; NONCE_BYTES], data_key: &Key) -> Vec<u8> {
    seal(passphrase_key, nonce, WRAP_AAD, data_key.0.as_ref())
}

/// Unwraps a data key. A key that does not open it means the passphrase was wrong.
pub fn unwrap(
    passphrase_key: &Key,
    nonce: &[u8; NONCE_BYTES],
    wrapped: &[u8],
) -> Result<Key, CryptoError> {
    let bytes =
        open(passphrase_key, nonce, WRAP_AAD, wrapped).map_err(|_| CryptoError::WrongPassphrase)?;
    let mut key = [0u8; KEY_BYTES];
    if bytes.len() != KEY_BYTES {
        return Err(CryptoError::Damaged("its key is the wrong size".into()));
    }
    key.copy_from_slice(&bytes);
    Ok(Key::from_random(&mut key))
}

/// Base64 text for bytes in headers and sealed files.
pub fn to_base64(bytes: &[u8]) -> String {
    Base64::encode_string(bytes)
}

/// Bytes from base64 text, with what they were for in the error.
pub fn from_base64(what: &str, text: &str) -> Result<Vec<u8>, CryptoError> {
    Base64::decode_vec(text).map_err(|_| CryptoError::Damaged(format!("its {what} is not base64")))
}

/// Reads exactly `N` bytes of base64.
pub fn fixed<const N: usize>(what: &str, text: &str) -> Result<[u8; N], CryptoError> {
    from_base64(what, text)?
        .try_into()
        .map_err(|_| CryptoError::Damaged(format!("its {what} is the wrong size")))
}

/// What a sealed file holds, so a summary cannot be opened as a backup or the reverse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    Backup,
    Summary,
}

/// The Argon2id settings of a sealed file, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileKdf {
    alg: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

/// A sealed file, as written. Frozen: a change here is a new `v`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedFile1 {
    app: String,
    kind: String,
    v: u32,
    purpose: Purpose,
    kdf: FileKdf,
    nonce: String,
    sealed: String,
}

impl SealedFile1 {
    /// The associated data: the file with its sealed part left empty.
    fn aad(&self) -> Vec<u8> {
        let header = SealedFile1 {
            sealed: String::new(),
            ..self.clone()
        };
        serde_json::to_vec(&header).unwrap_or_default()
    }
}

/// The random bytes a sealed file needs: its salt and its nonce.
pub struct FileRandom {
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

/// Seals `plaintext` into a file that only `passphrase` opens.
pub fn seal_file(
    purpose: Purpose,
    passphrase: &str,
    params: KdfParams,
    random: &FileRandom,
    plaintext: &[u8],
) -> Result<String, CryptoError> {
    let key = derive(passphrase, &random.salt, params)?;
    let mut file = SealedFile1 {
        app: "anchorpoint".into(),
        kind: "sealed".into(),
        v: SEALED_FILE_VERSION,
        purpose,
        kdf: FileKdf {
            alg: "argon2id".into(),
            params,
            salt: to_base64(&random.salt),
        },
        nonce: to_base64(&random.nonce),
        sealed: String::new(),
    };
    let sealed = seal(&key, &random.nonce, &file.aad(), plaintext);
    file.sealed = to_base64(&sealed);
    serde_json::to_string(&file).map_err(|e| CryptoError::Damaged(e.to_string()))
}

/// Whether `text` claims to be a sealed file (its `kind` is "sealed"), without opening
/// it: so a page can ask for a passphrase only when one is needed.
pub fn is_sealed_file(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        app: Option<String>,
        kind: Option<String>,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|p| {
        p.app.as_deref() == Some("anchorpoint") && p.kind.as_deref() == Some("sealed")
    })
}

/// Opens a sealed file with its passphrase, checking everything it can before the slow
/// key derivation: that it is ours, its version, its purpose, its sizes and its costs.
pub fn open_file(
    text: &str,
    purpose: Purpose,
    passphrase: &str,
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    #[derive(Deserialize)]
    struct Version {
        app: String,
        kind: String,
        v: u32,
    }
    let head: Version = serde_json::from_str(text).map_err(|_| CryptoError::NotSealed)?;
    if head.app != "anchorpoint" || head.kind != "sealed" {
        return Err(CryptoError::NotSealed);
    }
    if head.v > SEALED_FILE_VERSION {
        return Err(CryptoError::Newer(head.v));
    }
    if head.v == 0 {
        return Err(CryptoError::Damaged("its version is 0".into()));
    }
    let file: SealedFile1 = serde_json::from_str(text)
        .map_err(|e| CryptoError::Damaged(format!("it is not in the sealed file shape: {e}")))?;
    if file.purpose != purpose {
        return Err(CryptoError::Damaged(match file.purpose {
            Purpose::Backup => "it is a backup, not a summary".into(),
            Purpose::Summary => "it is a supervision summary, not a backup".into(),
        }));
    }
    if file.kdf.alg != "argon2id" {
        return Err(CryptoError::Damaged(format!(
            "it uses a key method ({}) Anchorpoint does not",
            file.kdf.alg
        )));
    }
    file.kdf.params.check()?;
    let salt: [u8; SALT_BYTES] = fixed("salt", &file.kdf.salt)?;
    let nonce: [u8; NONCE_BYTES] = fixed("nonce", &file.nonce)?;
    let sealed = from_base64("contents", &file.sealed)?;
    let key = derive(passphrase, &salt, file.kdf.params)?;
    // One passphrase key per file, so a failure to open is the passphrase or tampering;
    // the two cannot be told apart, and the message says both.
    open(&key, &nonce, &file.aad(), &sealed).map_err(|_| CryptoError::WrongPassphrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheapest parameters `check` accepts, so tests stay fast.
    const FAST: KdfParams = KdfParams::OWASP_MINIMUM;

    fn random(n: u8) -> FileRandom {
        FileRandom {
            salt: [n; SALT_BYTES],
            nonce: [n.wrapping_add(1); NONCE_BYTES],
        }
    }

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key_and_any_change_another() {
        // The same passphrase, salt and settings always give the same key, and any
        // change to one gives another: checked through what the key seals.
        let salt = [7u8; SALT_BYTES];
        let a = derive("correct horse", &salt, FAST).unwrap();
        let b = derive("correct horse", &salt, FAST).unwrap();
        let c = derive("correct horsf", &salt, FAST).unwrap();
        let d = derive("correct horse", &[8u8; SALT_BYTES], FAST).unwrap();
        let nonce = [1u8; NONCE_BYTES];
        let sealed = seal(&a, &nonce, b"aad", b"words");
        assert_eq!(&*open(&b, &nonce, b"aad", &sealed).unwrap(), b"words");
        assert_eq!(
            open(&c, &nonce, b"aad", &sealed),
            Err(CryptoError::Tampered)
        );
        assert_eq!(
            open(&d, &nonce, b"aad", &sealed),
            Err(CryptoError::Tampered)
        );
    }

    #[test]
    fn any_change_to_the_sealed_bytes_nonce_or_associated_data_is_refused() {
        let key = Key::from_random(&mut [3u8; KEY_BYTES]);
        let nonce = [9u8; NONCE_BYTES];
        let sealed = seal(&key, &nonce, b"anchorpoint.entry.a;4;7", b"a reflection");
        assert_eq!(sealed.len(), b"a reflection".len() + TAG_BYTES);
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 1;
            assert_eq!(
                open(&key, &nonce, b"anchorpoint.entry.a;4;7", &bad),
                Err(CryptoError::Tampered),
                "bit flipped at {i}"
            );
        }
        // Moved under another key, or rolled back to another revision.
        assert!(open(&key, &nonce, b"anchorpoint.entry.b;4;7", &sealed).is_err());
        assert!(open(&key, &nonce, b"anchorpoint.entry.a;4;6", &sealed).is_err());
        assert!(open(
            &key,
            &[8u8; NONCE_BYTES],
            b"anchorpoint.entry.a;4;7",
            &sealed
        )
        .is_err());
        assert!(
            open(&key, &nonce, b"", &sealed[..3]).is_err(),
            "shorter than a tag"
        );
    }

    #[test]
    fn a_data_key_is_unwrapped_only_by_its_passphrase() {
        let salt = [1u8; SALT_BYTES];
        let kek = derive("Tŷ Coch 2026 🌱", &salt, FAST).unwrap();
        let data = Key::from_random(&mut [42u8; KEY_BYTES]);
        let nonce = [5u8; NONCE_BYTES];
        let wrapped = wrap(&kek, &nonce, &data);
        let back = unwrap(&kek, &nonce, &wrapped).unwrap();
        let n2 = [6u8; NONCE_BYTES];
        assert_eq!(
            &*open(&back, &n2, b"", &seal(&data, &n2, b"", b"x")).unwrap(),
            b"x"
        );
        let wrong = derive("Ty Coch 2026 🌱", &salt, FAST).unwrap();
        assert_eq!(
            unwrap(&wrong, &nonce, &wrapped).err(),
            Some(CryptoError::WrongPassphrase)
        );
    }

    #[test]
    fn random_bytes_given_for_a_new_key_are_wiped() {
        let mut bytes = [42u8; KEY_BYTES];
        let _key = Key::from_random(&mut bytes);
        assert_eq!(bytes, [0u8; KEY_BYTES]);
        assert_eq!(format!("{_key:?}"), "Key(…)", "never printed");
    }

    #[test]
    fn passphrases_that_are_empty_or_huge_are_refused_before_any_hashing() {
        let salt = [0u8; SALT_BYTES];
        assert_eq!(
            derive("", &salt, FAST).err(),
            Some(CryptoError::EmptyPassphrase)
        );
        let huge = "a".repeat(10_000);
        assert_eq!(
            derive(&huge, &salt, FAST).err(),
            Some(CryptoError::LongPassphrase)
        );
        assert!(check_passphrase(&"é".repeat(MAX_PASSPHRASE_CHARS)).is_ok());
        assert!(check_passphrase("   ").is_ok(), "spaces are a passphrase");
    }

    #[test]
    fn parameters_weaker_than_owasp_or_beyond_the_limit_are_refused() {
        for p in [
            KdfParams {
                memory_kib: 19 * 1024 - 1,
                ..FAST
            },
            KdfParams {
                iterations: 1,
                ..FAST
            },
            KdfParams { lanes: 0, ..FAST },
            KdfParams {
                memory_kib: 4 * 1024 * 1024,
                ..FAST
            },
            KdfParams {
                iterations: 1_000,
                ..FAST
            },
        ] {
            assert!(p.check().is_err(), "{p:?}");
            assert!(derive("x", &[0; SALT_BYTES], p).is_err(), "{p:?}");
        }
        assert!(KdfParams::CHOSEN.check().is_ok());
        assert!(KdfParams::OWASP_MINIMUM.check().is_ok());
    }

    #[test]
    fn a_sealed_file_opens_with_its_passphrase_and_purpose_only() {
        let text = seal_file(
            Purpose::Summary,
            "blue kettle",
            FAST,
            &random(1),
            b"{\"x\":1}",
        )
        .unwrap();
        assert!(is_sealed_file(&text));
        assert!(!is_sealed_file(
            "{\"app\":\"anchorpoint\",\"kind\":\"summary\"}"
        ));
        assert!(!is_sealed_file("not json"));
        assert_eq!(
            &*open_file(&text, Purpose::Summary, "blue kettle").unwrap(),
            b"{\"x\":1}"
        );
        assert_eq!(
            open_file(&text, Purpose::Summary, "blue kettles").err(),
            Some(CryptoError::WrongPassphrase)
        );
        assert!(matches!(
            open_file(&text, Purpose::Backup, "blue kettle"),
            Err(CryptoError::Damaged(_))
        ));
    }

    #[test]
    fn a_sealed_file_with_its_header_changed_does_not_open() {
        let text = seal_file(Purpose::Backup, "pw", FAST, &random(2), b"backup").unwrap();
        // Raising the cost changes the key; changing the purpose is caught before.
        let raised = text.replace("\"t\":2", "\"t\":3");
        assert_ne!(raised, text);
        assert!(open_file(&raised, Purpose::Backup, "pw").is_err());
        let newer = text.replace("\"v\":1", "\"v\":2");
        assert_eq!(
            open_file(&newer, Purpose::Backup, "pw").err(),
            Some(CryptoError::Newer(2))
        );
        let extra = text.replace("\"v\":1", "\"v\":1,\"extra\":true");
        assert!(matches!(
            open_file(&extra, Purpose::Backup, "pw"),
            Err(CryptoError::Damaged(_))
        ));
        let greedy = text.replace("\"m\":19456", "\"m\":4194304");
        assert!(matches!(
            open_file(&greedy, Purpose::Backup, "pw"),
            Err(CryptoError::Damaged(_))
        ));
        for bad in [
            "",
            "{}",
            "[1,2]",
            "{\"app\":\"other\",\"kind\":\"sealed\",\"v\":1}",
        ] {
            assert_eq!(
                open_file(bad, Purpose::Backup, "pw").err(),
                Some(CryptoError::NotSealed),
                "{bad}"
            );
        }
        // Every character of the sealed part matters.
        let at = text.find("\"sealed\":\"").unwrap() + 11;
        let mut tampered = text.clone().into_bytes();
        tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert!(open_file(&tampered, Purpose::Backup, "pw").is_err());
    }

    #[test]
    fn the_same_file_sealed_twice_with_fresh_randomness_differs() {
        let a = seal_file(Purpose::Backup, "pw", FAST, &random(3), b"same").unwrap();
        let b = seal_file(Purpose::Backup, "pw", FAST, &random(4), b"same").unwrap();
        assert_ne!(a, b);
    }
}
