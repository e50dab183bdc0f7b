//! `/supervisor/patterns`: the four across-worker views (micro-discretions and
//! boundaries, holding load and drivers, the embeddedness trend, the wellbeing trend),
//! each an SVG with its summary sentence and data table, drawn as the insights page
//! draws its charts.

use leptos::prelude::*;

use super::{space, NothingOpen, SectionNav};
use crate::core::supervisor::views::across;
use crate::ui::browser;
use crate::ui::components::{chart_markup, PageHeading};

/// Every across-worker chart as markup.
pub fn charts_markup() -> String {
    space().with(|lib| {
        let mut out = String::new();
        for chart in &across(&lib.workers()) {
            chart_markup(&mut out, chart);
        }
        out
    })
}

#[component]
pub fn PatternsPage() -> impl IntoView {
    browser::set_title("Patterns across workers", false);
    let library = space();
    let body = move || {
        if library.with(|l| l.is_empty()) {
            return view! { <NothingOpen/> }.into_any();
        }
        browser::mark("anchorpoint:supervisor-patterns-start");
        let charts = charts_markup();
        browser::mark("anchorpoint:supervisor-patterns-end");
        view! {
            <p>"Each worker’s figures add up all their summaries open. Summaries are grouped only by the name or initials the worker put on them; a summary without a name stands alone."</p>
            <div inner_html=charts></div>
        }
        .into_any()
    };
    view! {
        <PageHeading text="Patterns across workers"/>
        <SectionNav current="/supervisor/patterns"/>
        {body}
    }
}
