//! Key–value backends under the store: the browser's local storage, and an in-memory
//! stand-in with an optional quota so the store's rules can be tested natively, quota
//! errors included.

use std::cell::RefCell;
use std::collections::BTreeMap;

use thiserror::Error;

/// A failure reported by the storage underneath.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum BackendError {
    /// The site's storage allowance is used up.
    #[error("storage is full")]
    QuotaExceeded,
    /// Storage cannot be used at all (blocked by a setting, or not in a browser).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// Anything else the browser reported.
    #[error("storage failed: {0}")]
    Other(String),
}

/// The few operations the store needs. Implemented only in this module.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    /// Every key currently stored (ours and any other app's on the same site).
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// The browser's `window.localStorage`, reached through gloo-storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStorage;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::BackendError;
    use wasm_bindgen::JsValue;

    pub fn storage() -> Result<web_sys::Storage, BackendError> {
        // gloo's `raw()` panics when storage is missing; ask the window first so a
        // browser with storage blocked gets a message instead of a crash.
        let window =
            web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw()),
            Ok(None) => Err(BackendError::Unavailable(
                "local storage is switched off".into(),
            )),
            Err(e) => Err(BackendError::Unavailable(describe(&e))),
        }
    }

    pub fn describe(e: &JsValue) -> String {
        js_sys::Reflect::get(e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    }

    pub fn classify(e: JsValue) -> BackendError {
        let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        // Chromium and Safari say QuotaExceededError; old Firefox said
        // NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            BackendError::QuotaExceeded
        } else if name == "SecurityError" {
            BackendError::Unavailable(describe(&e))
        } else {
            BackendError::Other(describe(&e))
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        browser::storage()?.get_item(key).map_err(browser::classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        browser::storage()?
            .set_item(key, value)
            .map_err(browser::classify)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        browser::storage()?
            .remove_item(key)
            .map_err(browser::classify)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = browser::storage()?;
        let len = storage.length().map_err(browser::classify)?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = storage.key(i).map_err(browser::classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Outside a browser there is no local storage: every call says so.
#[cfg(not(target_arch = "wasm32"))]
impl Backend for LocalStorage {
    fn get(&self, _key: &str) -> Result<Option<String>, BackendError> {
        Err(BackendError::Unavailable("not running in a browser".into()))
    }
    fn set(&self, _key: &str, _value: &str) -> Result<(), BackendError> {
        Err(BackendError::Unavailable("not running in a browser".into()))
    }
    fn remove(&self, _key: &str) -> Result<(), BackendError> {
        Err(BackendError::Unavailable("not running in a browser".into()))
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Err(BackendError::Unavailable("not running in a browser".into()))
    }
}

/// An in-memory backend. `quota` caps the total characters of keys and values, as
/// browsers do, so tests can fill it up.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    /// When set, the next `set` stores a different value from the one given: a stand-in
    /// for a browser that silently damages a write, to test read-back checks.
    corrupt_next_write: RefCell<bool>,
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    pub fn with_quota(chars: usize) -> MemoryBackend {
        MemoryBackend {
            quota: Some(chars),
            ..MemoryBackend::default()
        }
    }

    /// Makes the next write store something other than what was asked (for tests).
    pub fn corrupt_next_write(&self) {
        *self.corrupt_next_write.borrow_mut() = true;
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(quota) = self.quota {
            let needed = key.chars().count() + value.chars().count();
            if self.used_without(key) + needed > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        let stored = if self.corrupt_next_write.replace(false) {
            value.chars().rev().collect()
        } else {
            value.to_owned()
        };
        self.map.borrow_mut().insert(key.to_owned(), stored);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
