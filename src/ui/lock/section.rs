//! "Lock" in Settings: whether the lock is on, a way to turn it on, and while it is on
//! "Lock now", how long before it locks by itself, and links to change the passphrase
//! or turn it off. In its own file so Settings needs only one line for it.

use leptos::prelude::*;

use crate::core::settings::Preferences;
use crate::ui::components::storage_failure;
use crate::ui::state::{use_app_state, LockStatus};

/// The idle times offered, in minutes; `None` never locks by itself.
const IDLE_CHOICES: [(Option<u32>, &str); 6] = [
    (Some(5), "5 minutes"),
    (Some(15), "15 minutes"),
    (Some(30), "30 minutes"),
    (Some(60), "1 hour"),
    (Some(240), "4 hours"),
    (None, "Never: only when I lock it"),
];

fn idle_value(minutes: Option<u32>) -> String {
    minutes.map_or_else(|| "never".to_owned(), |m| m.to_string())
}

#[component]
pub fn LockSection() -> impl IntoView {
    let state = use_app_state();
    let idle = RwSignal::new(idle_value(
        state.preferences.with_untracked(|p| p.auto_lock_minutes),
    ));
    let outcome = RwSignal::new(None::<Result<String, (String, Vec<String>)>>);
    let save_idle = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let minutes = idle.get_untracked().parse::<u32>().ok();
        let value = Preferences {
            auto_lock_minutes: minutes,
            ..state.preferences.get_untracked()
        };
        outcome.set(Some(match state.save_preferences(value) {
            Ok(()) => Ok("Lock time saved".to_owned()),
            Err(e) => Err(storage_failure("Your lock time", &e)),
        }));
    };
    let lock_now = move |_| state.lock_now();
    view! {
        <h2 class="nhsuk-heading-m" id="lock">"Lock"</h2>
        <Show when=move || state.lock.get() == LockStatus::Unlocked fallback=|| view! {
            <p>"The lock is off. Anyone who uses this browser can open your journal."</p>
            <p><a href="/settings/lock">"Turn on the lock"</a></p>
        }>
            <p>"The lock is on. Your journal is sealed with your passphrase, and nothing in it can be read without it."</p>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" id="lock-now-settings" on:click=lock_now>"Lock now"</button>
            <form novalidate on:submit=save_idle>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-label--s" for="auto-lock">"Lock by itself after"</label>
                    <div class="nhsuk-hint" id="auto-lock-hint">"This long without a key press, click or touch, in every tab."</div>
                    <select class="nhsuk-select" id="auto-lock" name="auto-lock" aria-describedby="auto-lock-hint"
                        prop:value=move || idle.get()
                        on:change=move |ev| idle.set(event_target_value(&ev))>
                        {IDLE_CHOICES.iter().map(|(m, label)| {
                            let value = idle_value(*m);
                            view! { <option value=value.clone() selected=idle.get_untracked() == value>{*label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || outcome.get().map(|o| match o {
                    Ok(message) => view! { <p class="nhsuk-body" role="status">{message}</p> }.into_any(),
                    Err((message, detail)) => view! {
                        <div class="nhsuk-error-message" role="alert">
                            <p>{message}</p>
                            {detail.into_iter().map(|d| view! { <p>{d}</p> }).collect_view()}
                        </div>
                    }.into_any(),
                })}
                <button class="nhsuk-button nhsuk-button--secondary" type="submit" id="save-auto-lock">"Save lock time"</button>
            </form>
            <ul class="nhsuk-list">
                <li><a href="/settings/lock/change">"Change your passphrase"</a></li>
                <li><a href="/settings/lock/off">"Turn off the lock"</a></li>
            </ul>
        </Show>
    }
}
