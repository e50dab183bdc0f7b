//! Randomness for the lock and sealed files: salts, nonces and new data keys. The core
//! has none of its own (so its tests are reproducible); it takes these as arguments.
//! In the browser the bytes come from `crypto.getRandomValues` (getrandom's `wasm_js`
//! backend), natively from the operating system.

use crate::core::crypto::{FileRandom, Key, KEY_BYTES, NONCE_BYTES, SALT_BYTES};

/// Why random bytes could not be had. The browser's crypto is always there in the
/// browsers Anchorpoint supports; this is for the page to say so rather than panic.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("this browser could not provide random numbers ({0})")]
pub struct NoRandomness(String);

/// Fills `out` from the platform's cryptographically secure generator.
pub fn fill(out: &mut [u8]) -> Result<(), NoRandomness> {
    getrandom::fill(out).map_err(|e| NoRandomness(e.to_string()))
}

/// A fresh 192-bit nonce.
pub fn nonce() -> Result<[u8; NONCE_BYTES], NoRandomness> {
    let mut n = [0u8; NONCE_BYTES];
    fill(&mut n)?;
    Ok(n)
}

/// A fresh 128-bit salt.
pub fn salt() -> Result<[u8; SALT_BYTES], NoRandomness> {
    let mut s = [0u8; SALT_BYTES];
    fill(&mut s)?;
    Ok(s)
}

/// A new random 256-bit data key.
pub fn data_key() -> Result<Key, NoRandomness> {
    let mut bytes = [0u8; KEY_BYTES];
    fill(&mut bytes)?;
    Ok(Key::from_random(&mut bytes))
}

/// A salt and a nonce for one sealed file.
pub fn for_file() -> Result<FileRandom, NoRandomness> {
    Ok(FileRandom {
        salt: salt()?,
        nonce: nonce()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_and_salts_are_not_repeated() {
        let a = nonce().unwrap();
        let b = nonce().unwrap();
        assert_ne!(a, b);
        assert_ne!(salt().unwrap(), salt().unwrap());
        assert_ne!(a, [0u8; NONCE_BYTES]);
    }
}
