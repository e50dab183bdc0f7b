//! The supervisor view (issue 12): a section of its own under `/supervisor` where a
//! supervisor opens link workers' exported summaries and sees patterns across weeks and
//! across workers. Its pages are one lazy chunk. Everything they show is worked out in
//! `core::supervisor`; these pages only read files and render.
//!
//! The open summaries live in one signal shared by the section's pages ([`space`]). By
//! default they are gone when the tab closes; if the supervisor chooses to keep them,
//! they are also written to the supervisor space (`storage::supervisor`, its own
//! namespace) and opened from it at the first visit to the section. Nothing here reads
//! or writes the worker's journal: the pages never touch `AppState`'s journal or store.

pub mod open;
pub mod patterns;
pub mod print;
pub mod prompts;
pub mod worker;

use leptos::prelude::*;

use crate::core::supervisor::Library;
use crate::storage::supervisor::SupervisorSpace;
use crate::storage::{LocalStorage, StorageError};
use crate::ui::state::AppState;

/// The section's state for this tab.
#[derive(Clone)]
pub struct Section {
    pub library: ArcRwSignal<Library>,
    /// Whether the supervisor chose to keep summaries on this device.
    pub keeping: ArcRwSignal<bool>,
    /// What could not be read from the supervisor space when it was opened.
    pub problems: ArcRwSignal<Vec<String>>,
}

thread_local! {
    // `Arc` signals: owned by no page, so they outlive each page of the section. The
    // kept summaries are read once, at the first visit to the section in this tab.
    static SECTION: Section = load_section();
}

fn load_section() -> Section {
    let mut library = Library::new();
    let mut keeping = false;
    let mut problems = Vec::new();
    match kept_space().load() {
        Ok(kept) => {
            keeping = kept.keep;
            for o in kept.summaries {
                library.insert(o);
            }
            problems.extend(kept.unreadable.into_iter().map(|(key, why)| {
                format!("A summary kept on this device could not be read because {why}. It has been left as it was ({key}).")
            }));
        }
        Err(e) => problems.push(format!(
            "Summaries kept on this device could not be read because {e}. Nothing was changed."
        )),
    }
    Section {
        library: ArcRwSignal::new(library),
        keeping: ArcRwSignal::new(keeping),
        problems: ArcRwSignal::new(problems),
    }
}

/// The section's state.
pub fn section() -> Section {
    SECTION.with(Clone::clone)
}

/// The summaries open in this tab.
pub fn space() -> ArcRwSignal<Library> {
    section().library
}

/// The supervisor space in this browser's local storage: sealed with the journal's key
/// while its lock is on (see `AppState::supervisor_space`).
pub fn kept_space() -> SupervisorSpace<LocalStorage> {
    AppState::current().map_or_else(
        || SupervisorSpace::new(LocalStorage),
        |s| s.supervisor_space(),
    )
}

/// After a failed write to the supervisor space: what happened, that the open summaries
/// are safe, and what to do.
pub fn keep_failure(what: &str, e: &StorageError) -> String {
    let next = match e {
        StorageError::Full => "Close summaries you no longer need, or keep them in this tab only.",
        _ => "Reload the page and try again.",
    };
    format!("{what} because {e}. The summaries are still open in this tab, and nothing kept on this device has changed. {next}")
}

/// Closes one summary, and stops keeping it if it was kept. An error sentence if the
/// kept copy could not be removed (it stays open).
pub fn close_summary(fingerprint: u64) -> Result<(), String> {
    let s = section();
    if s.keeping.get_untracked() {
        kept_space()
            .remove(fingerprint)
            .map_err(|e| keep_failure("The summary could not be removed from this device", &e))?;
    }
    s.library.update(|l| {
        l.remove(fingerprint);
    });
    Ok(())
}

/// The section's own links, on every page of it. `current` is the page's path.
#[component]
pub fn SectionNav(current: &'static str) -> impl IntoView {
    const LINKS: [(&str, &str); 4] = [
        ("/supervisor", "Open summaries"),
        ("/supervisor/patterns", "Patterns across workers"),
        ("/supervisor/prompts", "Discussion prompts"),
        ("/supervisor/print", "Print view"),
    ];
    view! {
        <nav class="app-section-nav app-no-print" aria-label="Supervisor view">
            <ul class="nhsuk-list app-section-nav__list">
                {LINKS.iter().map(|&(href, label)| {
                    let here = href == current;
                    view! {
                        <li class="app-section-nav__item">
                            <a href=href aria-current=here.then_some("page")>{label}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Shown instead of a view when nothing is open yet.
#[component]
pub fn NothingOpen() -> impl IntoView {
    view! {
        <div class="app-empty-state">
            <h2 class="nhsuk-heading-m">"No summaries open"</h2>
            <p>"Open the summary files your link workers downloaded from Anchorpoint to see them here."</p>
            <p><a href="/supervisor">"Open summaries"</a></p>
        </div>
    }
}
