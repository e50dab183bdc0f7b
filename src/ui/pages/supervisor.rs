//! The supervisor view (issue 12): a section of its own under `/supervisor` where a
//! supervisor opens link workers' exported summaries and sees patterns across weeks and
//! across workers. Its pages are one lazy chunk. Everything they show is worked out in
//! `core::supervisor`; these pages only read files and render.
//!
//! The open summaries live in this tab only, in one signal shared by the section's
//! pages ([`space`]), and are gone when the tab closes. Nothing here reads or writes the
//! worker's journal: the pages never touch `AppState`'s journal or the store.

pub mod open;
pub mod patterns;
pub mod print;
pub mod prompts;
pub mod worker;

use std::fmt::Write;

use leptos::prelude::*;

use crate::core::insights::Table;
use crate::core::supervisor::Library;
use crate::ui::pages::insights::escape;

thread_local! {
    // An `Arc` signal: owned by no page, so it outlives each page of the section.
    static SPACE: ArcRwSignal<Library> = ArcRwSignal::new(Library::new());
}

/// The summaries open in this tab.
pub fn space() -> ArcRwSignal<Library> {
    SPACE.with(Clone::clone)
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

/// A table from the core as NHS.UK table markup, scrolling sideways on a narrow screen
/// (the scrolling box takes focus, so keyboard users can scroll it). Every cell escaped.
pub fn table_markup(id: &str, table: &Table) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"{id}-caption\" \
         tabindex=\"0\"><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\" \
         id=\"{id}-caption\">{}</caption><thead class=\"nhsuk-table__head\">\
         <tr class=\"nhsuk-table__row\">",
        escape(&table.caption)
    );
    for head in &table.head {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"nhsuk-table__header\">{}</th>",
            escape(head)
        );
    }
    out.push_str("</tr></thead><tbody class=\"nhsuk-table__body\">");
    for row in &table.rows {
        out.push_str("<tr class=\"nhsuk-table__row\">");
        for (i, text) in row.iter().enumerate() {
            let text = escape(text);
            let _ = if i == 0 {
                write!(
                    out,
                    "<th scope=\"row\" class=\"nhsuk-table__header\">{text}</th>"
                )
            } else {
                write!(out, "<td class=\"nhsuk-table__cell\">{text}</td>")
            };
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}
