//! Holding threads: the list, opening and changing a thread, one thread with its linked
//! reflections, closing it with an outcome, and deleting it. A thread follows one person
//! the worker is holding, under a pseudonym they choose; a pseudonym that looks like a
//! real name is warned about and must be confirmed, never silently accepted nor refused,
//! because only the worker knows. The rules live in `core::threads`; these pages only
//! gather what was typed, show the core's GOV.UK-worded errors, and save through
//! `AppState::save_threads`, which stores first and changes nothing on failure.
//!
//! One page per file, all one lazy chunk (`threads`): [`list`] (`/threads`), [`form`]
//! (`/threads/new` and `/threads/:id/edit`), [`detail`] (`/threads/:id`), [`close`] and
//! [`delete`]. This file holds the pieces they share, the `/threads/:id/:action` route
//! that picks the page, and the entry page's list of a reflection's threads.
//!
//! Every checkbox, radio, fieldset and date box here comes from the shared builders in
//! `ui::forms`, which keeps these six pages from weighing on the bundle.

mod close;
mod delete;
mod detail;
mod form;
mod list;

use leptos::prelude::*;

use crate::core::entry::{parse_date_input, Field};
use crate::core::ids::{EntryId, TagId, ThreadId};
use crate::core::threads::{ThreadError, ThreadField};
use crate::ui::browser;
use crate::ui::components::{PageHeading, SummaryItem};
use crate::ui::forms::{date_part_id, item, DateError, Problems};
use crate::ui::state::use_app_state;

pub use detail::ThreadPage;
pub use form::NewThreadPage;
pub use list::ThreadsPage;

// ---------------------------------------------------------------------------------------
// Pieces shared by the pages
// ---------------------------------------------------------------------------------------

/// A thread the core refused: its error, on its field or on `fallback`.
fn thread_error(problems: Problems, e: &ThreadError, fallback: &'static str) {
    problems.one(
        e.field().map_or(fallback, ThreadField::html_id),
        e.to_string(),
    );
}

/// Reads a date input; on a mistake, marks its boxes and returns the summary line.
fn read_date(
    base: &'static str,
    parts: RwSignal<[String; 3]>,
    error: RwSignal<Option<DateError>>,
    empty: &str,
) -> Result<chrono::NaiveDate, SummaryItem> {
    let result =
        parts.with_untracked(|[d, m, y]| parse_date_input(d, m, y, browser::today(), empty));
    error.set(result.as_ref().err().map(DateError::from));
    result.map_err(|e| {
        let part = match e.field {
            Field::AboutMonth => 1,
            Field::AboutYear => 2,
            _ => 0,
        };
        item(&date_part_id(base, part), e.message)
    })
}

fn today_parts() -> [String; 3] {
    use chrono::Datelike;
    let today = browser::today();
    [
        today.day().to_string(),
        today.month().to_string(),
        today.year().to_string(),
    ]
}

fn thread_path(id: &ThreadId) -> String {
    format!("/threads/{id}")
}

/// The names of a thread's functions or drivers, or "None chosen".
fn tag_names(tags: &[TagId]) -> String {
    let names: Vec<&str> = tags
        .iter()
        .filter_map(|t| t.builtin().map(|b| b.label))
        .collect();
    if names.is_empty() {
        "None chosen".to_owned()
    } else {
        names.join(", ")
    }
}

/// Shown for a thread that is not there (a bad address, or deleted in another tab).
fn thread_not_found() -> AnyView {
    browser::set_title("Holding thread not found", false);
    view! {
        <PageHeading text="Holding thread not found"/>
        <p>"This holding thread is not in this browser. It may have been deleted, perhaps in another tab."</p>
        <p><a href="/threads">"Go to your holding threads"</a></p>
    }
    .into_any()
}

/// The back link, error summary and heading every thread form starts with.
fn form_top(back: String, problems: Problems, heading: String) -> impl IntoView {
    view! {
        <a class="nhsuk-back-link" href=back>"Back"</a>
        {problems.summary()}
        <PageHeading text=heading/>
    }
}

// ---------------------------------------------------------------------------------------
// /threads/:id/:action
// ---------------------------------------------------------------------------------------

/// `/threads/:id/:action`: change, close or delete a thread.
#[component]
pub fn ThreadActionPage() -> impl IntoView {
    let state = use_app_state();
    let params = crate::ui::route::params();
    move || {
        let (id, action) = (params.id.clone(), params.action.clone().unwrap_or_default());
        let thread = id
            .and_then(|id| ThreadId::parse(&id))
            .and_then(|id| state.threads.with_untracked(|t| t.get(&id).cloned()));
        match (thread, action.as_str()) {
            (Some(t), "edit") => form::thread_form(Some(t)),
            (Some(t), "close") => close::close_form(state, t),
            (Some(t), "delete") => delete::delete_confirmation(state, t),
            (None, "edit" | "close" | "delete") => thread_not_found(),
            _ => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// On the entry page
// ---------------------------------------------------------------------------------------

/// The holding threads a reflection is linked to, as links, for the entry page.
#[component]
pub fn EntryThreads(entry: EntryId) -> impl IntoView {
    let state = use_app_state();
    move || {
        let linked: Vec<(String, String)> = state.threads.with(|all| {
            all.for_entry(&entry)
                .map(|t| (thread_path(&t.id), t.pseudonym.to_string()))
                .collect()
        });
        (!linked.is_empty()).then(|| {
            view! {
                <h2 class="nhsuk-heading-s">"Holding threads"</h2>
                <ul class="nhsuk-list">
                    {linked.into_iter().map(|(href, name)| view! { <li><a href=href>{name}</a></li> }).collect_view()}
                </ul>
            }
        })
    }
}
