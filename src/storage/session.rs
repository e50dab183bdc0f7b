//! Choices that belong to one tab, kept in the browser's session storage: whether the
//! tab is in a trainer's workshop, and whether it shows large text for a projector.
//! Session storage lives as long as the tab, survives a reload and is not shared with
//! other tabs, which is what a workshop on a shared laptop needs: a reload stays in the
//! workshop, closing the tab leaves it, and a worker's own tab is never switched. Only
//! a flag is kept here; the workshop's reflections are in local storage, in their own
//! namespace, like the journal's.

/// A per-tab yes or no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabFlag {
    /// This tab reads and writes the workshop's space instead of the journal.
    Workshop,
    /// This tab shows large text, for a projector.
    LargeText,
}

impl TabFlag {
    /// The session storage key (never a local storage one, so no store sees it).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn key(self) -> &'static str {
        match self {
            TabFlag::Workshop => "anchorpoint.workshop",
            TabFlag::LargeText => "anchorpoint.large-text",
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Whether the flag is on in this tab. Off when session storage cannot be read.
#[cfg(target_arch = "wasm32")]
pub fn tab_flag(flag: TabFlag) -> bool {
    session()
        .and_then(|s| s.get_item(flag.key()).ok().flatten())
        .is_some_and(|v| v == "on")
}

/// Turns the flag on or off in this tab, and checks that it took.
#[cfg(target_arch = "wasm32")]
pub fn set_tab_flag(flag: TabFlag, on: bool) -> Result<(), super::StorageError> {
    use super::StorageError;
    let storage = session().ok_or_else(|| {
        StorageError::Unavailable("this tab's session storage is switched off".into())
    })?;
    let failed = |e: wasm_bindgen::JsValue| StorageError::Failed(format!("{e:?}"));
    if on {
        storage.set_item(flag.key(), "on").map_err(failed)?;
    } else {
        storage.remove_item(flag.key()).map_err(failed)?;
    }
    if tab_flag(flag) == on {
        Ok(())
    } else {
        Err(StorageError::NotVerified)
    }
}

/// Outside a browser there is no tab: every flag is off.
#[cfg(not(target_arch = "wasm32"))]
pub fn tab_flag(_flag: TabFlag) -> bool {
    false
}

#[cfg(not(target_arch = "wasm32"))]
pub fn set_tab_flag(_flag: TabFlag, _on: bool) -> Result<(), super::StorageError> {
    Err(super::StorageError::Unavailable(
        "not running in a browser".into(),
    ))
}
