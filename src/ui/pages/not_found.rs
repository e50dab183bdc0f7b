//! Shown for an address the app does not know, or a reflection that is not there (for
//! example, one deleted in another tab).

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::components::PageHeading;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::set_title("Page not found", false);
    view! {
        <PageHeading text="Page not found"/>
        <p>"If you typed the web address, check it is correct."</p>
        <p><a href="/">"Go to your journal"</a></p>
    }
}

#[component]
pub fn EntryNotFound() -> impl IntoView {
    browser::set_title("Reflection not found", false);
    view! {
        <PageHeading text="Reflection not found"/>
        <p>"This reflection is not in this browser's journal. It may have been deleted, perhaps in another tab."</p>
        <p><a href="/">"Go to your journal"</a></p>
    }
}
