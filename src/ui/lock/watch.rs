//! What locks a tab besides its own "Lock now" button: another tab locking (a message
//! on a `BroadcastChannel`, as `storage::watch_tab_id` uses), and the idle auto-lock
//! after the worker's chosen minutes with no key press, click, touch or pointer
//! movement. Part of the first load (it must run on every page), so it is kept small;
//! the unlock page and the lock's settings are lazy chunks.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::state::{AppState, LockStatus};

const CHANNEL: &str = "anchorpoint.lock";

/// How often the idle time is checked. Locking happens within this of the chosen time.
const IDLE_CHECK: Duration = Duration::from_secs(5);

/// Tells every other tab of this site to lock now.
pub fn tell_other_tabs() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str("lock"));
        channel.close();
    }
}

/// Starts listening for other tabs locking, and the idle timer. Called once by `App`.
pub fn watch(state: AppState) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if ev.data().as_string().as_deref() == Some("lock")
                    && state.lock.get_untracked() == LockStatus::Unlocked
                {
                    state.drop_everything();
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Both live as long as the page.
        on_message.forget();
        std::mem::forget(channel);
    }

    let last = Rc::new(Cell::new(js_sys::Date::now()));
    for event in [
        "keydown",
        "pointerdown",
        "pointermove",
        "wheel",
        "touchstart",
    ] {
        let last = last.clone();
        let on_activity = Closure::<dyn Fn()>::new(move || last.set(js_sys::Date::now()));
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback(event, on_activity.as_ref().unchecked_ref());
        }
        on_activity.forget();
    }
    let _ = set_interval_with_handle(
        move || {
            if state.lock.get_untracked() != LockStatus::Unlocked {
                return;
            }
            let Some(minutes) = state.preferences.with_untracked(|p| p.auto_lock_minutes) else {
                return;
            };
            if js_sys::Date::now() - last.get() >= f64::from(minutes) * 60_000.0 {
                state.lock_now();
            }
        },
        IDLE_CHECK,
    );
}
