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

    /// The UTF-16 units of every stored key and value (what the browser counts against
    /// the site's quota), and of those whose key starts with `prefix` (one namespace's
    /// share), in one pass.
    fn units_in_all(&self, prefix: &str) -> Result<(usize, usize), BackendError> {
        let (mut all, mut under) = (0, 0);
        for key in self.keys()? {
            let value = self.get(&key)?.map_or(0, |v| v.encode_utf16().count());
            let units = key.encode_utf16().count() + value;
            all += units;
            if key.starts_with(prefix) {
                under += units;
            }
        }
        Ok((all, under))
    }
}

/// The browser's `window.localStorage`, reached through gloo-storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStorage;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::BackendError;
    use std::cell::Cell;
    use wasm_bindgen::JsValue;

    thread_local! {
        /// The window's storage, asked for once. Asking crosses into JavaScript four
        /// times (the window, its storage, and gloo's own lookup of both), and start-up
        /// with 1,000 reflections reads over 1,250 keys. The browser gives a window one
        /// `Storage` object for its whole life, so it cannot go stale; it is kept for
        /// the page's life (leaked once). A failure is not kept: the next call asks again.
        static STORAGE: Cell<Option<&'static web_sys::Storage>> = const { Cell::new(None) };
    }

    pub fn storage() -> Result<&'static web_sys::Storage, BackendError> {
        if let Some(storage) = STORAGE.with(Cell::get) {
            return Ok(storage);
        }
        // gloo's `raw()` panics when storage is missing; ask the window first so a
        // browser with storage blocked gets a message instead of a crash.
        let window =
            web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => {
                let storage: &'static web_sys::Storage = Box::leak(Box::new(
                    <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
                ));
                STORAGE.with(|cell| cell.set(Some(storage)));
                Ok(storage)
            }
            Ok(None) => Err(BackendError::Unavailable(
                "local storage is switched off".into(),
            )),
            Err(e) => Err(BackendError::Unavailable(describe(&e))),
        }
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// `Storage` with keys and values left as JavaScript strings: web-sys's binding
        /// copies each into Rust.
        #[wasm_bindgen(js_name = Storage)]
        pub type RawStorage;
        #[wasm_bindgen(method, catch, js_name = key)]
        pub fn key_at(this: &RawStorage, index: u32) -> Result<Option<js_sys::JsString>, JsValue>;
        #[wasm_bindgen(method, catch, js_name = getItem)]
        pub fn item(
            this: &RawStorage,
            key: &js_sys::JsString,
        ) -> Result<Option<js_sys::JsString>, JsValue>;
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

    /// Keys and values are measured in JavaScript and never copied into Rust. A journal
    /// of 1,000 reflections has over 1,250 keys; copying each key into Rust and back made
    /// this pass one task of about 100 ms at a quarter speed (2026-12-07), on the journal
    /// page after its first frame.
    fn units_in_all(&self, prefix: &str) -> Result<(usize, usize), BackendError> {
        use wasm_bindgen::JsCast;
        let storage = browser::storage()?;
        let len = storage.length().map_err(browser::classify)?;
        let raw = storage.unchecked_ref::<browser::RawStorage>();
        let (mut all, mut under) = (0, 0);
        for i in 0..len {
            let Some(key) = raw.key_at(i).map_err(browser::classify)? else {
                continue;
            };
            let value = raw
                .item(&key)
                .map_err(browser::classify)?
                .map_or(0, |v| v.length());
            let units = (key.length() + value) as usize;
            all += units;
            if key.starts_with(prefix, 0) {
                under += units;
            }
        }
        Ok((all, under))
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

/// The session storage key of this tab's id.
#[cfg(target_arch = "wasm32")]
const TAB_KEY: &str = "anchorpoint.tab";

#[cfg(target_arch = "wasm32")]
fn fresh_tab_id() -> String {
    format!("{:x}", (js_sys::Math::random() * 2f64.powi(40)) as u64)
}

/// This tab's id, kept in session storage so a reload keeps its drafts: each tab's
/// drafts live under keys of their own. The id is cached on the window so it is read
/// once. A tab made with the browser's "Duplicate" starts with a copy of session storage,
/// and so of the id: [`watch_tab_id`] finds that out and gives it an id of its own.
#[cfg(target_arch = "wasm32")]
pub fn tab_id() -> String {
    use wasm_bindgen::JsValue;
    const KEY: &str = TAB_KEY;
    let fresh = fresh_tab_id;
    let Some(window) = web_sys::window() else {
        return fresh();
    };
    let claimed = js_sys::Reflect::get(&window, &JsValue::from_str("__anchorpointTab"))
        .ok()
        .and_then(|v| v.as_string());
    if let Some(id) = claimed {
        return id;
    }
    let session = window.session_storage().ok().flatten();
    let id = session
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_else(fresh);
    if let Some(s) = &session {
        let _ = s.set_item(KEY, &id);
    }
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("__anchorpointTab"),
        &JsValue::from_str(&id),
    );
    id
}

/// Asks the other open tabs, over a broadcast channel (no storage is written), whether
/// one already uses this tab's id, and answers the same question for them. A duplicated
/// tab hears "taken" from the tab it was copied from: it then takes a fresh id, keeps it
/// in its session storage, and hands it to `on_duplicate`, so from then on its drafts are
/// its own and the original's are offered to it as another tab's, never written over.
#[cfg(target_arch = "wasm32")]
pub fn watch_tab_id(on_duplicate: impl Fn(String) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let Ok(channel) = web_sys::BroadcastChannel::new("anchorpoint.tabs") else {
        return;
    };
    let current = Rc::new(RefCell::new(tab_id()));
    let asked = fresh_tab_id();
    let reply_to = channel.clone();
    let mine = asked.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(message) = ev.data().as_string() else {
                return;
            };
            let mut parts = message.splitn(3, ':');
            let (Some(what), Some(id), Some(nonce)) = (parts.next(), parts.next(), parts.next())
            else {
                return;
            };
            if id != current.borrow().as_str() {
                return;
            }
            match what {
                "ask" => {
                    let _ =
                        reply_to.post_message(&JsValue::from_str(&format!("taken:{id}:{nonce}")));
                }
                "taken" if nonce == mine => {
                    let id = fresh_tab_id();
                    if let Some(window) = web_sys::window() {
                        if let Ok(Some(session)) = window.session_storage() {
                            let _ = session.set_item(TAB_KEY, &id);
                        }
                        let _ = js_sys::Reflect::set(
                            &window,
                            &JsValue::from_str("__anchorpointTab"),
                            &JsValue::from_str(&id),
                        );
                    }
                    *current.borrow_mut() = id.clone();
                    on_duplicate(id);
                }
                _ => {}
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the page: the channel answers other tabs until it closes.
    on_message.forget();
    let _ = channel.post_message(&JsValue::from_str(&format!("ask:{}:{asked}", tab_id())));
    std::mem::forget(channel);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn watch_tab_id(_on_duplicate: impl Fn(String) + 'static) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn tab_id() -> String {
    "t0".to_owned()
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

/// An in-memory backend. `quota` caps the total UTF-16 code units of keys and values, as
/// browsers do, so tests can fill it up.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    /// When set, the next `set` stores a different value from the one given: a stand-in
    /// for a browser that silently damages a write, to test read-back checks.
    corrupt_next_write: RefCell<bool>,
    /// When set, counts writes down and fails the one that reaches zero: a stand-in for
    /// a browser that refuses a write half-way through a batch.
    fail_write: RefCell<Option<usize>>,
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

    /// Makes the `n`th write from now (1 is the next) fail, as a browser error would.
    pub fn fail_write_number(&self, n: usize) {
        *self.fail_write.borrow_mut() = Some(n);
    }

    /// Every key and value, sorted: for tests that check nothing changed.
    pub fn snapshot(&self) -> Vec<(String, String)> {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        let fail = {
            let mut countdown = self.fail_write.borrow_mut();
            match countdown.as_mut() {
                Some(1) => {
                    *countdown = None;
                    true
                }
                Some(n) => {
                    *n -= 1;
                    false
                }
                None => false,
            }
        };
        if fail {
            return Err(BackendError::Other("the write was refused (test)".into()));
        }
        if let Some(quota) = self.quota {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
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
