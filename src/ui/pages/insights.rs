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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checkins::EmbeddednessHistory;
    use crate::core::checkins::WellbeingLog;
    use crate::core::journal::Journal;
    use crate::core::threads::Threads;
    use crate::ui::components::table_markup;

    #[test]
    fn an_empty_chart_is_a_heading_and_a_sentence_and_a_table_has_headers_and_a_caption() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let charts = insights(
            &Journal::new(),
            &Threads::new(),
            &EmbeddednessHistory::new(),
            &WellbeingLog::new(),
            Period::ending(today, DEFAULT_WEEKS),
        );
        let mut out = String::new();
        chart_markup(&mut out, &charts[3]);
        assert_eq!(
            out,
            "<h2 class=\"nhsuk-heading-m\" id=\"wellbeing-heading\">Wellbeing trend</h2>\
             <p class=\"app-chart-empty\">No wellbeing checks yet. After saving a reflection \
             you can say how you are.</p>"
        );
        let mut out = String::new();
        table_markup(&mut out, charts[0].id, &charts[0].table);
        assert!(out.contains(
            "<caption class=\"nhsuk-table__caption\" id=\"tags-per-week-caption\">Tags per \
             week, w/c 7 Sep to w/c 23 Nov</caption>"
        ));
        assert!(out.contains("<th scope=\"col\" class=\"nhsuk-table__header\">Week</th>"));
        assert!(out.contains(
            "<tr class=\"nhsuk-table__row\"><th scope=\"row\" class=\"nhsuk-table__header\">\
             w/c 7 Sep</th><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">0</td>\
             </tr>"
        ));
    }
}
