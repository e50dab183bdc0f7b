//! The insights page: tags per week, holding by driver, embeddedness over time and the
//! wellbeing trend over the last 12 weeks. The core works out every number, sentence and
//! shape (`core::insights`); this page only renders them. Each chart is an SVG named by
//! its `<title>` and described by its `<desc>`, followed by a plain-English summary and
//! its numbers in a table behind "Show the data", so nothing depends on seeing the
//! picture. With nothing to draw, the summary alone says so in plain words.
//!
//! The charts are written as markup by `components::chart_markup`, the writer the
//! supervisor view's charts and tables share, rather than as Leptos views (it says why).

use leptos::prelude::*;

use crate::core::insights::{insights, Period, DEFAULT_WEEKS};
use crate::ui::browser;
use crate::ui::components::{chart_markup, PageHeading};
use crate::ui::state::use_app_state;

#[component]
pub fn InsightsPage() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Insights", false);
    let period = Period::ending(browser::today(), DEFAULT_WEEKS);
    let charts = move || {
        let charts = insights(
            &state.journal().read(),
            &state.threads.read(),
            &state.embeddedness.read(),
            &state.wellbeing().read(),
            period,
        );
        let mut out = String::new();
        for chart in &charts {
            chart_markup(&mut out, chart);
        }
        out
    };
    view! {
        <PageHeading text="Insights"/>
        <p class="nhsuk-body-l">
            {format!(
                "Patterns in your reflections over {}, from {}. Only you can see them: nothing leaves this device.",
                period.phrase(),
                period.range(),
            )}
        </p>
        <div inner_html=charts></div>
    }
}
