//! The insights page: tags per week, holding by driver, embeddedness over time and the
//! wellbeing trend over the last 12 weeks. The core works out every number, sentence and
//! shape (`core::insights`); this page only renders them. Each chart is an SVG named by
//! its `<title>` and described by its `<desc>`, followed by a plain-English summary and
//! its numbers in a table behind "Show the data", so nothing depends on seeing the
//! picture. With nothing to draw, the summary alone says so in plain words.
//!
//! The charts are written as markup rather than as Leptos views. They are static (no
//! events, nothing reactive inside), and Leptos builds typed code for every kind of
//! element it renders: measured, the views for the SVG shapes, the details component
//! and the table cost the bundle about 9 KB gzipped, the string writer below a fraction
//! of that. Every piece of text goes through [`escape`], and every class name is still
//! written out literally, for the CSS purge.

use std::fmt::Write;

use leptos::prelude::*;

use crate::core::insights::{insights, Chart, Period, Plot, Table, DEFAULT_WEEKS};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::state::use_app_state;

#[component]
pub fn InsightsPage() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Insights", false);
    let period = Period::ending(browser::today(), DEFAULT_WEEKS);
    let charts = move || {
        let charts = insights(
            &state.journal.read(),
            &state.threads.read(),
            &state.embeddedness.read(),
            &state.wellbeing.read(),
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

/// One chart: its heading, then either the empty state or the figure with its data.
pub(crate) fn chart_markup(out: &mut String, chart: &Chart) {
    let id = chart.id;
    let summary = escape(&chart.summary);
    let _ = write!(
        out,
        "<h2 class=\"nhsuk-heading-m\" id=\"{id}-heading\">{}</h2>",
        chart.title
    );
    let Some(plot) = &chart.plot else {
        let _ = write!(out, "<p class=\"app-chart-empty\">{summary}</p>");
        return;
    };
    let _ = write!(
        out,
        "<figure class=\"app-chart\" aria-labelledby=\"{id}-heading\">"
    );
    svg_markup(out, chart, plot);
    let _ = write!(
        out,
        "<figcaption class=\"app-chart__summary\">{summary}</figcaption>"
    );
    table_markup(out, chart, &chart.table);
    out.push_str("</figure>");
}

/// The chart itself. `role="img"` makes it one image to assistive technology, named by
/// its title and described by its desc; the text drawn inside is for sighted readers and
/// repeats what the table holds.
fn svg_markup(out: &mut String, chart: &Chart, plot: &Plot) {
    let id = chart.id;
    let _ = write!(
        out,
        "<svg class=\"app-chart__svg\" viewBox=\"0 0 {} {}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        plot.width,
        plot.height,
        chart.title,
        escape(&plot.alt)
    );
    for r in &plot.rules {
        let class = if r.axis {
            "app-chart__axis"
        } else {
            "app-chart__grid"
        };
        let _ = write!(
            out,
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            r.x1, r.y1, r.x2, r.y2
        );
    }
    for b in &plot.bars {
        let _ = write!(
            out,
            "<rect class=\"app-chart__bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            b.x, b.y, b.width, b.height
        );
    }
    for points in &plot.lines {
        let _ = write!(
            out,
            "<polyline class=\"app-chart__line\" points=\"{points}\"/>"
        );
    }
    for (x, y) in &plot.dots {
        let _ = write!(
            out,
            "<circle class=\"app-chart__dot\" cx=\"{x}\" cy=\"{y}\" r=\"5\"/>"
        );
    }
    for l in &plot.labels {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            l.x,
            l.y,
            l.anchor.as_str(),
            escape(&l.text)
        );
    }
    out.push_str("</svg>");
}

/// The numbers behind the chart: an NHS.UK details component holding an NHS.UK table,
/// with a caption, column headers and a header for each row. The table scrolls sideways
/// on a narrow screen rather than squeezing its columns; the scrolling box can take
/// focus, so keyboard users can scroll it too.
fn table_markup(out: &mut String, chart: &Chart, table: &Table) {
    let id = chart.id;
    let _ = write!(
        out,
        "<details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\">\
         <span class=\"nhsuk-details__summary-text\">Show the data\
         <span class=\"nhsuk-u-visually-hidden\"> for {}</span></span></summary>\
         <div class=\"nhsuk-details__text\"><div class=\"app-table-scroll\" role=\"region\" \
         aria-labelledby=\"{id}-caption\" tabindex=\"0\"><table class=\"nhsuk-table\">\
         <caption class=\"nhsuk-table__caption\" id=\"{id}-caption\">{}</caption>\
         <thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">",
        chart.title.to_ascii_lowercase(),
        escape(&table.caption)
    );
    for (i, head) in table.head.iter().enumerate() {
        let class = if table.numeric && i > 0 {
            "nhsuk-table__header nhsuk-table__header--numeric"
        } else {
            "nhsuk-table__header"
        };
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"{class}\">{}</th>",
            escape(head)
        );
    }
    out.push_str("</tr></thead><tbody class=\"nhsuk-table__body\">");
    let cell = if table.numeric {
        "nhsuk-table__cell nhsuk-table__cell--numeric"
    } else {
        "nhsuk-table__cell"
    };
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
                write!(out, "<td class=\"{cell}\">{text}</td>")
            };
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></div></details>");
}

/// Text made safe to put between tags or in a quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checkins::EmbeddednessHistory;
    use crate::core::checkins::WellbeingLog;
    use crate::core::journal::Journal;
    use crate::core::threads::Threads;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<b>"Tom & Jerry"</b>"#),
            "&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;"
        );
    }

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
        table_markup(&mut out, &charts[0], &charts[0].table);
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
        assert!(out.contains("> for tags per week</span>"));
    }
}
