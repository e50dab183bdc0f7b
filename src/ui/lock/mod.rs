//! The passphrase lock's screens: the unlock page shown instead of every page while the
//! journal is locked, the pages that turn the lock on, change its passphrase and turn it
//! off, the "Lock" section of Settings, and the journal page's suggestion. The pages and
//! everything that derives keys or seals are only reachable from lazily loaded routes,
//! so Argon2 and the cipher are in wasm chunks, not the first load; `watch` (other tabs
//! locking, the idle timer) and the suggestion are small and in the first load.
//!
//! Passphrases are normalised to Unicode NFC by the browser before use, so an accented
//! letter typed as one character or as a letter and an accent is the same passphrase;
//! nothing is trimmed. The slow key derivation (about a second) runs after the page has
//! drawn its busy message.

pub mod pages;
pub mod section;
pub mod suggestion;
pub mod watch;

use leptos::prelude::*;
use zeroize::Zeroizing;

use crate::core::crypto::{check_passphrase, CryptoError, MAX_PASSPHRASE_CHARS};
use crate::ui::forms::{described_by, group_class, inline_error, Problems};

/// A passphrase as typed, in NFC, wiped from memory when dropped.
pub(crate) fn normalised(typed: &str) -> Zeroizing<String> {
    Zeroizing::new(String::from(js_sys::JsString::from(typed).normalize("NFC")))
}

/// Runs `work` once the browser has drawn the current state (the busy message), so a
/// second of key derivation never freezes a page that says nothing.
pub(crate) fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}

/// The error for a passphrase the lock will not even try, or `None`.
pub(crate) fn refused(typed: &str, empty: &str) -> Option<String> {
    match check_passphrase(typed) {
        Ok(_) => None,
        Err(CryptoError::EmptyPassphrase) => Some(empty.to_owned()),
        Err(_) => Some(format!(
            "A passphrase must be {MAX_PASSPHRASE_CHARS} characters or fewer. This one has {}",
            typed.chars().count()
        )),
    }
}

/// The fewest characters a new passphrase may have.
pub(crate) const MIN_NEW_CHARS: usize = 8;

/// A passphrase field with its label, hint and inline error.
pub(crate) fn passphrase_field(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    autocomplete: &'static str,
    value: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let error = problems.message_for(id);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    view! {
        <div class=group_class(error)>
            <label class="nhsuk-label nhsuk-label--s" for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsuk-hint" id=format!("{id}-hint")>{h}</div> })}
            {inline_error(error_id.clone(), error)}
            <input
                class=move || if error.read().is_some() { "nhsuk-input nhsuk-input--error" } else { "nhsuk-input" }
                id=id name=id type="password" autocomplete=autocomplete spellcheck="false"
                aria-describedby=described_by(hint_id, error_id, error)
                bind:value=value/>
        </div>
    }
}

/// The busy message, in a live region that exists before it has anything to say.
pub(crate) fn busy_message(busy: RwSignal<bool>, text: &'static str) -> impl IntoView {
    view! {
        <p class="nhsuk-body-s" role="status" id="lock-busy">
            {move || busy.get().then_some(text)}
        </p>
    }
}
