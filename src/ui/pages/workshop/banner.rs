//! The workshop banner's moving parts, in the workshop's chunk so the first load stays
//! as it was: a link back to the case being worked on, and a large-text switch for a
//! projector, kept per tab ([`TabFlag::LargeText`]) and applied to the page's root.

use leptos::prelude::*;

use crate::storage::{set_tab_flag, tab_flag, TabFlag};
use crate::ui::workshop_banner::Exercise;

/// Puts the page's root in large text, or takes it out.
fn show_large_text(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // The root element has no other class, so setting it whole is safe.
        root.set_class_name(if on { "app-large-text" } else { "" });
    }
}

#[component]
pub fn BannerExtras() -> impl IntoView {
    let exercise = use_context::<Exercise>().map(|e| e.0);
    let large = RwSignal::new(tab_flag(TabFlag::LargeText));
    Effect::new(move |_| show_large_text(large.get()));
    let toggle = move |_| {
        let on = !large.get_untracked();
        // Only a display choice: if the tab cannot keep it, it still applies until
        // the next reload.
        let _ = set_tab_flag(TabFlag::LargeText, on);
        large.set(on);
    };
    let back = move || {
        exercise.and_then(|e| e.get()).map(|(href, title)| {
            view! { <p><a href=href>{format!("Back to the case: {title}")}</a></p> }
        })
    };
    view! {
        {back}
        <button type="button" id="large-text" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            aria-pressed=move || if large.get() { "true" } else { "false" } on:click=toggle>
            "Large text for a projector"
        </button>
    }
}
