//! The passphrase lock's header: the one record that says the journal is locked, and
//! everything needed to unlock it apart from the passphrase: the Argon2id settings and
//! salt, and the journal's random data key wrapped (sealed) under the key derived from
//! the passphrase. It is not secret, but its integrity matters, and it is checked: the
//! settings and salt feed the key derivation, so changing either makes the passphrase
//! fail rather than open something else, and settings weaker than OWASP's minimum or
//! costlier than [`KdfParams::LIMIT`] are refused before any hashing.
//!
//! Stored under `anchorpoint.lock` as plain JSON (never through a codec: it is what
//! the codec's key comes from):
//!
//! ```json
//! {"app":"anchorpoint","kind":"lock","v":1,
//!  "kdf":{"alg":"argon2id","m":65536,"t":3,"p":1,"salt":"<base64>"},
//!  "key_id":"<base64>","nonce":"<base64>","wrapped":"<base64>"}
//! ```
//!
//! `key_id` is random, made with the data key and kept when the passphrase changes: a
//! tab compares it with its own before every write, so a tab that has not heard that the
//! lock was turned on, off or re-made elsewhere never writes with the wrong key.
//! Like the rest of the core, nothing here draws randomness: salts, nonces, key ids
//! and data keys come in as arguments.

use serde::{Deserialize, Serialize};

use super::crypto::{
    derive, fixed, from_base64, to_base64, unwrap, wrap, CryptoError, KdfParams, Key, KEY_BYTES,
    NONCE_BYTES, SALT_BYTES, TAG_BYTES,
};

/// The header format this code writes.
pub const LOCK_VERSION: u32 = 1;

/// Bytes in a key id (not secret; only tells data keys apart).
pub const KEY_ID_BYTES: usize = 16;

/// The Argon2id settings as written. Frozen with [`LockHeaderV1`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockKdfV1 {
    alg: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

/// The header as stored. Frozen: a change here is a new `v` and a fixture
/// (`tests/fixtures/lock/`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockHeaderV1 {
    app: String,
    kind: String,
    v: u32,
    kdf: LockKdfV1,
    key_id: String,
    nonce: String,
    wrapped: String,
}

/// The random bytes a new or re-made header needs.
pub struct LockRandom {
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

/// A checked lock header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHeader {
    params: KdfParams,
    salt: [u8; SALT_BYTES],
    key_id: String,
    nonce: [u8; NONCE_BYTES],
    wrapped: Vec<u8>,
}

impl LockHeader {
    /// A header for a new lock: `data_key` wrapped under the key `passphrase` derives.
    pub fn create(
        passphrase: &str,
        params: KdfParams,
        random: &LockRandom,
        key_id: &[u8; KEY_ID_BYTES],
        data_key: &Key,
    ) -> Result<LockHeader, CryptoError> {
        let kek = derive(passphrase, &random.salt, params)?;
        Ok(LockHeader {
            params,
            salt: random.salt,
            key_id: to_base64(key_id),
            nonce: random.nonce,
            wrapped: wrap(&kek, &random.nonce, data_key),
        })
    }

    /// Opens the data key with a passphrase. Slow by design (Argon2id).
    pub fn unlock(&self, passphrase: &str) -> Result<Key, CryptoError> {
        let kek = derive(passphrase, &self.salt, self.params)?;
        unwrap(&kek, &self.nonce, &self.wrapped)
    }

    /// The same data key (so no record changes) under a new passphrase, with a new salt
    /// and nonce and the settings new locks use.
    pub fn rewrap(
        &self,
        data_key: &Key,
        new_passphrase: &str,
        params: KdfParams,
        random: &LockRandom,
    ) -> Result<LockHeader, CryptoError> {
        let kek = derive(new_passphrase, &random.salt, params)?;
        Ok(LockHeader {
            params,
            salt: random.salt,
            key_id: self.key_id.clone(),
            nonce: random.nonce,
            wrapped: wrap(&kek, &random.nonce, data_key),
        })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    pub fn params(&self) -> KdfParams {
        self.params
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        let stored = LockHeaderV1 {
            app: "anchorpoint".into(),
            kind: "lock".into(),
            v: LOCK_VERSION,
            kdf: LockKdfV1 {
                alg: "argon2id".into(),
                params: self.params,
                salt: to_base64(&self.salt),
            },
            key_id: self.key_id.clone(),
            nonce: to_base64(&self.nonce),
            wrapped: to_base64(&self.wrapped),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads and checks a stored header: ours, a version this code knows, the exact
    /// shape, sizes that fit and settings within bounds.
    pub fn decode(text: &str) -> Result<LockHeader, CryptoError> {
        #[derive(Deserialize)]
        struct Probe {
            app: Option<String>,
            kind: Option<String>,
            v: Option<u32>,
        }
        let probe: Probe = serde_json::from_str(text)
            .map_err(|_| CryptoError::Damaged("it is not the lock's record".into()))?;
        if probe.app.as_deref() != Some("anchorpoint") || probe.kind.as_deref() != Some("lock") {
            return Err(CryptoError::Damaged("it is not the lock's record".into()));
        }
        match probe.v {
            Some(v) if v > LOCK_VERSION => return Err(CryptoError::Newer(v)),
            Some(LOCK_VERSION) => {}
            _ => return Err(CryptoError::Damaged("its version is unreadable".into())),
        }
        let stored: LockHeaderV1 = serde_json::from_str(text)
            .map_err(|e| CryptoError::Damaged(format!("it is not in the lock's shape: {e}")))?;
        if stored.kdf.alg != "argon2id" {
            return Err(CryptoError::Damaged(format!(
                "it uses a key method ({}) Anchorpoint does not",
                stored.kdf.alg
            )));
        }
        stored.kdf.params.check()?;
        let key_id: [u8; KEY_ID_BYTES] = fixed("key id", &stored.key_id)?;
        let wrapped = from_base64("wrapped key", &stored.wrapped)?;
        if wrapped.len() != KEY_BYTES + TAG_BYTES {
            return Err(CryptoError::Damaged(
                "its wrapped key is the wrong size".into(),
            ));
        }
        Ok(LockHeader {
            params: stored.kdf.params,
            salt: fixed("salt", &stored.kdf.salt)?,
            key_id: to_base64(&key_id),
            nonce: fixed("nonce", &stored.nonce)?,
            wrapped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams::OWASP_MINIMUM;

    fn random(n: u8) -> LockRandom {
        LockRandom {
            salt: [n; SALT_BYTES],
            nonce: [n ^ 0xff; NONCE_BYTES],
        }
    }

    fn data_key() -> Key {
        Key::from_random(&mut [7u8; KEY_BYTES])
    }

    fn same_key(a: &Key, b: &Key) -> bool {
        let nonce = [1u8; NONCE_BYTES];
        let sealed = super::super::crypto::seal(a, &nonce, b"", b"x");
        super::super::crypto::open(b, &nonce, b"", &sealed).is_ok()
    }

    #[test]
    fn a_header_round_trips_and_unlocks_only_with_its_passphrase() {
        let header = LockHeader::create(
            "Tŷ Coch 🌱",
            FAST,
            &random(1),
            &[9; KEY_ID_BYTES],
            &data_key(),
        )
        .unwrap();
        let back = LockHeader::decode(&header.encode()).unwrap();
        assert_eq!(back, header);
        assert!(same_key(&back.unlock("Tŷ Coch 🌱").unwrap(), &data_key()));
        assert_eq!(
            back.unlock("Ty Coch 🌱").err(),
            Some(CryptoError::WrongPassphrase)
        );
        assert_eq!(back.unlock("").err(), Some(CryptoError::EmptyPassphrase));
        assert_eq!(
            back.unlock(&"x".repeat(10_000)).err(),
            Some(CryptoError::LongPassphrase)
        );
    }

    #[test]
    fn rewrapping_keeps_the_data_key_and_its_id_and_drops_the_old_passphrase() {
        let header =
            LockHeader::create("old one", FAST, &random(1), &[9; KEY_ID_BYTES], &data_key())
                .unwrap();
        let key = header.unlock("old one").unwrap();
        let new = header.rewrap(&key, "new one", FAST, &random(2)).unwrap();
        assert_eq!(new.key_id(), header.key_id());
        assert!(same_key(&new.unlock("new one").unwrap(), &data_key()));
        assert_eq!(
            new.unlock("old one").err(),
            Some(CryptoError::WrongPassphrase)
        );
    }

    #[test]
    fn a_changed_or_foreign_header_is_refused_with_a_reason() {
        let header =
            LockHeader::create("pw", FAST, &random(1), &[9; KEY_ID_BYTES], &data_key()).unwrap();
        let text = header.encode();
        let newer = text.replace("\"v\":1", "\"v\":2");
        assert_eq!(
            LockHeader::decode(&newer).err(),
            Some(CryptoError::Newer(2))
        );
        for bad in [
            String::new(),
            "{}".into(),
            "[1]".into(),
            text.replace("\"kind\":\"lock\"", "\"kind\":\"entry\""),
            text.replace("\"v\":1", "\"v\":1,\"extra\":1"),
            text.replace("\"m\":19456", "\"m\":1024"),
            text.replace("\"m\":19456", "\"m\":4194304"),
            text.replace("argon2id", "scrypt"),
            text.replace("\"wrapped\":\"", "\"wrapped\":\"AAAA"),
        ] {
            assert!(
                matches!(LockHeader::decode(&bad), Err(CryptoError::Damaged(_))),
                "{bad}"
            );
        }
        // A raised cost or a changed salt decodes, but the passphrase no longer opens it.
        let raised = LockHeader::decode(&text.replace("\"t\":2", "\"t\":3")).unwrap();
        assert_eq!(
            raised.unlock("pw").err(),
            Some(CryptoError::WrongPassphrase)
        );
    }
}
