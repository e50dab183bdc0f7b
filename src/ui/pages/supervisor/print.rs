//! `/supervisor/print`: everything on one page for paper: the workers and their
//! summaries, the across-worker views with their data tables open, and the prompts. The
//! Print button opens the browser's print window (a Rust handler, no inline script); the
//! section links and the button are hidden on paper.

use leptos::prelude::*;

use super::patterns::charts_markup;
use super::prompts::prompts_view;
use super::{space, NothingOpen, SectionNav};
use crate::core::supervisor::views::timeline;
use crate::ui::browser;
use crate::ui::components::{table_markup, PageHeading};

#[component]
pub fn PrintPage() -> impl IntoView {
    browser::set_title("Print view", false);
    let library = space();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let body = move || {
        if library.with(|l| l.is_empty()) {
            return view! { <NothingOpen/> }.into_any();
        }
        let timelines = library.with(|lib| {
            let mut out = String::new();
            for (i, w) in lib.workers().iter().enumerate() {
                table_markup(&mut out, &format!("print-timeline-{i}"), &timeline(w));
            }
            out
        });
        // On paper a closed "Show the data" would hide the numbers: open them all.
        let charts = charts_markup().replace(
            "<details class=\"nhsuk-details\">",
            "<details class=\"nhsuk-details\" open>",
        );
        view! {
            <button type="button" class="nhsuk-button app-no-print" on:click=print>"Print"</button>
            <h2 class="nhsuk-heading-l">"Workers’ timelines"</h2>
            <div inner_html=timelines></div>
            <h2 class="nhsuk-heading-l">"Patterns across workers"</h2>
            <div class="app-print-charts" inner_html=charts></div>
            <h2 class="nhsuk-heading-l">"Discussion prompts"</h2>
            <div class="app-print-prompts">{prompts_view()}</div>
        }
        .into_any()
    };
    view! {
        <PageHeading text="Supervisor view: print"/>
        <SectionNav current="/supervisor/print"/>
        <p class="app-no-print">"This page holds the timelines, patterns and prompts together, for printing or saving as a PDF. Keep a printed copy as carefully as any supervision notes."</p>
        {body}
    }
}
