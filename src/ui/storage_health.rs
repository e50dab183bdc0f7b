//! Storage health: how full the browser's storage is, about how many more reflections
//! fit, and whether the browser has promised to keep the journal when the device runs
//! short of space. Settings shows it all; the journal page warns from 80% full, so a
//! worker hears about it before a save is refused, not when it is.

use leptos::prelude::*;

use super::browser;
use super::state::use_app_state;
use crate::core::capacity::{about, Usage};

/// The id Settings gives its storage section, so the warning can link to it.
pub const STORAGE_SECTION_ID: &str = "storage";

fn kept_answer(kept: Option<Option<bool>>) -> &'static str {
    match kept {
        None => "Checking…",
        Some(Some(true)) => "Yes. The browser has promised not to clear your journal when the device runs short of space.",
        Some(Some(false)) => "Not promised. If the device runs short of space, the browser may clear storage it has not promised to keep.",
        Some(None) => "This browser cannot say.",
    }
}

/// The "Storage on this device" section of Settings.
#[component]
pub fn StorageSection() -> impl IntoView {
    let state = use_app_state();
    let usage = Memo::new(move |_| state.storage_usage());
    let kept = RwSignal::new(None::<Option<bool>>);
    let outcome = RwSignal::new(None::<&'static str>);
    browser::keep_storage(false, move |answer| kept.set(Some(answer)));
    let ask = move |_| {
        browser::keep_storage(true, move |answer| {
            kept.set(Some(answer));
            outcome.set(Some(match answer {
                Some(true) => "The browser has promised to keep your journal.",
                Some(false) => "The browser did not promise this time. Browsers decide for themselves, often from how much a site is used; installing Anchorpoint as an app from the browser's menu makes a promise more likely.",
                None => "This browser cannot make that promise.",
            }));
        });
    };
    let rows = move |u: Usage| {
        view! {
            <dl class="nhsuk-summary-list">
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Space used"</dt>
                    <dd class="nhsuk-summary-list__value" id="storage-used">
                        {format!("{}% of the space this browser gives Anchorpoint ({})", u.percent(), u.sizes())}
                        <br/>
                        <meter class="app-storage-meter" min="0" max="100" low="60" high="80" optimum="0"
                            value=u.percent() aria-label="Space used, percent"></meter>
                    </dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Room left"</dt>
                    <dd class="nhsuk-summary-list__value" id="storage-room">
                        {format!("About {} more reflections of the length you usually write", about(u.more_that_fit()))}
                    </dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Kept if space runs short"</dt>
                    <dd class="nhsuk-summary-list__value" id="storage-kept">{move || kept_answer(kept.get())}</dd>
                </div>
            </dl>
        }
    };
    view! {
        <h2 class="nhsuk-heading-m" id=STORAGE_SECTION_ID>"Storage on this device"</h2>
        <p class="nhsuk-body">"Your journal is kept in this browser’s storage, which has a fixed size."</p>
        {move || match usage.get() {
            Some(u) => rows(u).into_any(),
            None => view! {
                <p class="nhsuk-body">"Anchorpoint could not measure how full storage is. Your reflections are not affected."</p>
            }.into_any(),
        }}
        {move || (kept.get() == Some(Some(false))).then(|| view! {
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=ask>
                "Ask the browser to keep your journal"
            </button>
        })}
        <p class="nhsuk-body" role="status" id="storage-kept-outcome">{move || outcome.get()}</p>
    }
}

/// "Storage is nearly full", on the journal page from 80%. Measured after the first
/// frame, so start-up draws the list first.
#[component]
pub fn NearlyFullWarning() -> impl IntoView {
    let state = use_app_state();
    let usage = RwSignal::new(None::<Usage>);
    request_animation_frame(move || {
        set_timeout(
            move || {
                let measured = state.storage_usage();
                let _ = usage.try_set(measured);
            },
            std::time::Duration::ZERO,
        );
    });
    move || {
        usage.get().filter(Usage::nearly_full).map(|u| view! {
            <div class="nhsuk-warning-callout" id="storage-nearly-full">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>
                    "Storage is nearly full"</span>
                </h2>
                <p>{format!(
                    "Anchorpoint is using {}% of the space this browser gives it: about {} more reflections fit. When it is full, new words cannot be saved, though nothing already saved is lost.",
                    u.percent(),
                    about(u.more_that_fit())
                )}</p>
                <p><a href=format!("/settings#{STORAGE_SECTION_ID}")>"See storage in Settings"</a></p>
            </div>
        })
    }
}
