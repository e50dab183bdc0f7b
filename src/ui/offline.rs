//! Offline and updates: registers the service worker that keeps the app on this device
//! after the first visit (`dist/sw.js`, written by `scripts/offline.mjs` after each
//! build), and tells the worker when a new version has been downloaded.
//!
//! The new version waits until the worker presses "Use the new version", and the button
//! is only offered on pages that hold nothing typed, so a reload never lands under an
//! open editor or a summary being reviewed. A new version taken in another tab does not
//! reload this one either.

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set only when this tab asked for the new version, so it alone reloads.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker; `ready` becomes true when a new version is waiting.
/// Debug builds (`trunk serve`, browser tests) register none, so live reload is never
/// answered from a cache.
pub fn register(ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let on_change = Closure::<dyn Fn()>::new(move || {
        if ASKED.get() {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let on_registered = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        // Checked, not assumed: a browser that refuses service workers (as the e2e
        // journeys make Chromium do) may resolve with nothing.
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // A version already waiting from an earlier visit is offered at once.
        if registration.waiting().is_some() && has_controller() {
            ready.set(true);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // With no controller this is the first install, which simply starts.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
    // Without a service worker (an old browser, a private window that refuses one) the
    // app still works while the server is there; it only cannot open offline.
    let on_failed = Closure::<dyn FnMut(JsValue)>::new(|error: JsValue| {
        web_sys::console::warn_2(&"Anchorpoint cannot work offline here:".into(), &error);
    });
    let _ = container
        .register("/sw.js")
        .then2(&on_registered, &on_failed);
    on_registered.forget();
    on_failed.forget();
}

fn has_controller() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

/// Starts the waiting version: it takes over, and this tab reloads into it.
pub fn use_new_version() {
    let waiting: Option<ServiceWorker> = REGISTRATION.with(|r| {
        r.borrow()
            .as_ref()
            .and_then(ServiceWorkerRegistration::waiting)
    });
    if let Some(worker) = waiting {
        ASKED.set(true);
        if worker
            .post_message(&JsValue::from_str("skip-waiting"))
            .is_err()
        {
            ASKED.set(false);
        }
    }
}

/// Pages that hold nothing the worker has typed, where a reload loses nothing.
pub fn safe_to_reload(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        [""] | ["insights"] | ["threads"] | ["settings", "tags" | "templates"] | ["entries", _]
    )
}

/// "A new version of Anchorpoint is ready": an NHS notification banner above every page.
/// It registers the service worker when it is first drawn.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    register(ready);
    let location = leptos_router::hooks::use_location();
    view! {
        {move || ready.get().then(|| view! {
            <div class="nhsuk-notification-banner" role="region" aria-labelledby="update-title" id="update">
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="update-title">"Important"</h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading">"A new version of Anchorpoint is ready"</p>
                    {move || if safe_to_reload(&location.pathname.get()) {
                        view! {
                            <p class="nhsuk-body">"Your journal stays exactly as it is. The page reloads into the new version when you choose."</p>
                            <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button"
                                on:click=move |_| use_new_version()>
                                "Use the new version"
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <p class="nhsuk-body nhsuk-u-margin-bottom-0">"It will be offered when you are back on your journal, so nothing you are typing is interrupted."</p>
                        }.into_any()
                    }}
                </div>
            </div>
        })}
    }
}
