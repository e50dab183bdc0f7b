//! The journal page: every reflection, newest day first, with an empty state that says
//! what the app is for and that nothing leaves the device.

use leptos::prelude::*;

use crate::core::entry::long_date;
use crate::storage::DraftSlot;
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, StorageNotice};
use crate::ui::state::use_app_state;

/// How many characters of each entry the list shows.
const PREVIEW_CHARS: usize = 160;

#[component]
pub fn JournalPage() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Your journal", false);
    // Look for a draft again whenever another tab changes storage.
    let has_draft = Memo::new(move |_| {
        state.external_changes.track();
        state.draft(&DraftSlot::New).is_some()
    });
    let entries = move || {
        state.journal.with(|j| {
            j.newest_first()
                .map(|e| (e.id.clone(), long_date(e.about), e.preview(PREVIEW_CHARS)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <FlashBanner/>
        <StorageNotice/>
        <PageHeading text="Your journal"/>
        <Show when=move || has_draft.get()>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"You have an unsaved draft. " <a href="/write">"Continue writing"</a></p>
            </div>
        </Show>
        <a href="/write" role="button" draggable="false" class="nhsuk-button">"Write a reflection"</a>
        <Show
            when=move || !state.journal.read().is_empty()
            fallback=|| view! {
                <div class="app-empty-state">
                    <h2 class="nhsuk-heading-m">"Nothing written yet"</h2>
                    <p>"Anchorpoint is a private place to reflect after a session or at the end of the day: what happened, the judgement calls you made, the moments that mattered, and what you want to take to supervision."</p>
                    <p>"Nothing you write leaves this device. Your reflections are kept in this browser's storage, and nothing is shared unless you choose to export it."</p>
                </div>
            }
        >
            <h2 class="nhsuk-heading-m">{move || {
                let n = state.journal.read().len();
                if n == 1 { "1 reflection".to_owned() } else { format!("{n} reflections") }
            }}</h2>
            <ul class="nhsuk-list app-entry-list">
                <For each=entries key=|(id, _, _)| id.clone() let((id, day, preview))>
                    <li class="app-entry-list__item">
                        <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                            <a href=format!("/entries/{id}")>{day}</a>
                        </h3>
                        <p class="nhsuk-body-s app-entry-list__preview">{preview}</p>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
