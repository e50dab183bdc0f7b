//! The journal page's suggestion to turn the lock on, once the journal has a few
//! reflections and while the lock is off. "Not now" hides it for this visit. It is in
//! the first load (about 0.5 KB gzip): as a lazy chunk it was drawn after the list,
//! pushing it down, and as the page's largest text it was the paint Lighthouse waits
//! for, about a second later on a slow phone (measured 2026-12-06).

use leptos::prelude::*;

use crate::ui::state::{use_app_state, LockStatus};

/// Reflections a journal has before the lock is suggested.
const SUGGEST_FROM: usize = 3;

#[component]
pub fn LockSuggestion() -> impl IntoView {
    let state = use_app_state();
    let shown = Memo::new(move |_| {
        state.lock.get() == LockStatus::Off
            && !state.in_workshop()
            && !state.lock_suggestion_dismissed.get()
            && state.reflection_count() >= SUGGEST_FROM
    });
    move || shown.get().then(LockSuggestionBody)
}

/// What the suggestion says.
#[component]
pub fn LockSuggestionBody() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="nhsuk-inset-text" id="lock-suggestion">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <h2 class="nhsuk-heading-s">"Keep your journal private on a shared computer"</h2>
            <p>"Anyone who uses this browser can open your reflections. You can lock them with a passphrase. "
                <a href="/settings/lock">"Turn on the lock"</a></p>
            <button class="nhsuk-button nhsuk-button--secondary" type="button"
                on:click=move |_| state.lock_suggestion_dismissed.set(true)>"Not now"</button>
        </div>
    }
}
