//! Small NHS.UK design-system pieces shared by the pages: the error summary, the
//! success banner, the notice about set-aside records and the page heading, and the one
//! writer of charts and data tables as markup (the insights page and the supervisor
//! view). Markup and classes follow nhsuk-frontend 10; its JavaScript is not loaded, so
//! the little behaviour these need (moving focus) is done here.

use std::fmt::Write;

use leptos::prelude::*;

use super::browser;
use super::state::use_app_state;
use crate::core::insights::{Chart, Plot, Table};
use crate::storage::StorageError;

/// The id every page gives its `<h1>`, so focus can move there after navigation.
pub const HEADING_ID: &str = "page-heading";

/// The id of the error summary, so focus can move there when errors appear.
pub const ERROR_SUMMARY_ID: &str = "error-summary";

/// One line of an error summary: a message and the id of the field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryItem {
    pub target: String,
    pub message: String,
}

/// The GOV.UK / NHS error summary: "There is a problem", then a link per error that
/// moves focus to its field. `detail` adds paragraphs (used for storage failures).
#[component]
pub fn ErrorSummary(
    #[prop(into)] items: Signal<Vec<SummaryItem>>,
    #[prop(into, optional)] detail: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || !items.read().is_empty()>
            <div class="nhsuk-error-summary" id=ERROR_SUMMARY_ID tabindex="-1"
                aria-labelledby="error-summary-title">
                <div role="alert">
                    <h2 class="nhsuk-error-summary__heading" id="error-summary-title">
                        "There is a problem"
                    </h2>
                    <div class="nhsuk-error-summary__body">
                        {move || detail.get().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                        <ul class="nhsuk-list nhsuk-error-summary__list">
                            {move || items.get().into_iter().map(|item| {
                                let target = item.target;
                                view! {
                                    <li>
                                        <a href=format!("#{target}") on:click=move |ev| {
                                            // Move focus ourselves: the router would treat the
                                            // fragment as a navigation.
                                            ev.prevent_default();
                                            browser::focus_element(target.clone());
                                        }>{item.message}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// The sentences shown when a save fails: what happened, that the words are safe, and
/// what to do.
pub fn storage_failure(what: &str, e: &StorageError) -> (String, Vec<String>) {
    (
        format!("{what} could not be saved because {e}"),
        vec![
            "Your words are still here in the editor and have not been lost.".to_owned(),
            e.what_to_do().to_owned(),
        ],
    )
}

/// The page's `<h1>`, focusable so focus can be moved to it after navigation.
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! {
        <h1 id=HEADING_ID tabindex="-1" class="app-page-heading">{move || text.get()}</h1>
    }
}

/// A success banner for the confirmation left by the previous action ("Reflection
/// saved"). Shown once, on the page the action went to.
#[component]
pub fn FlashBanner() -> impl IntoView {
    let state = use_app_state();
    let location = leptos_router::hooks::use_location();
    view! {
        {move || state.flash.get().filter(|f| f.on == location.pathname.get()).map(|flash| view! {
            <div class="nhsuk-notification-banner nhsuk-notification-banner--success"
                role="alert" aria-labelledby="notification-banner-title">
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="notification-banner-title">
                        "Success"
                    </h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading">{flash.message}</p>
                </div>
            </div>
        })}
    }
}

/// After a change to a collection clashed with another tab's change to the same thing:
/// the worker chooses which to keep. It sits above every page, so every form that saves
/// a collection gets it, and a clash belongs to the page it happened on.
#[component]
pub fn ClashNotice() -> impl IntoView {
    let state = use_app_state();
    let location = leptos_router::hooks::use_location();
    let outcome = RwSignal::new(None::<(bool, String)>);
    Effect::new(move |before: Option<String>| {
        let path = location.pathname.get();
        if before.is_some_and(|b| b != path) {
            state.clash.set(None);
            outcome.set(None);
        }
        path
    });
    let keep_mine = move |_| {
        let Some(clash) = state.clash.get_untracked() else {
            return;
        };
        outcome.set(Some(match state.keep_my_change(&clash) {
            Ok(()) => (true, format!(
                "Your change to {} is saved. Where the other tab changed something else, that change is kept too.",
                clash.what
            )),
            Err(e) => (false, format!(
                "Your change to {} could not be saved because {e}. Nothing has been changed. {}",
                clash.what,
                e.what_to_do()
            )),
        }));
        browser::focus_id(CLASH_OUTCOME_ID);
    };
    let keep_theirs = move |_| {
        let Some(clash) = state.clash.get_untracked() else {
            return;
        };
        state.keep_other_change();
        outcome.set(Some((true, format!(
            "The other change to {} is kept and nothing of yours was saved. What you typed is still on this page: save it again if you want it after all.",
            clash.what
        ))));
        browser::focus_id(CLASH_OUTCOME_ID);
    };
    view! {
        {move || state.clash.get().map(|clash| view! {
            <div class="nhsuk-warning-callout" id="clash">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>
                    "Changed in another tab or window"</span>
                </h2>
                <p>{format!(
                    "Your change to {} has not been saved, because another tab or window changed the same thing after this page opened. Nothing has been lost. Choose which change to keep: changes to anything else, from either tab, are kept either way.",
                    clash.what
                )}</p>
                {(!clash.differences.is_empty()).then(|| view! {
                    <table class="nhsuk-table">
                        <caption class="nhsuk-table__caption nhsuk-table__caption--s">"Changed in both tabs"</caption>
                        <thead class="nhsuk-table__head">
                            <tr>
                                <th scope="col" class="nhsuk-table__header">"What"</th>
                                <th scope="col" class="nhsuk-table__header">"Your change"</th>
                                <th scope="col" class="nhsuk-table__header">"The other change"</th>
                            </tr>
                        </thead>
                        <tbody class="nhsuk-table__body">
                            {clash.differences.iter().map(|d| view! {
                                <tr class="nhsuk-table__row">
                                    <th scope="row" class="nhsuk-table__header">{d.what.clone()}</th>
                                    <td class="nhsuk-table__cell">{d.mine.clone()}</td>
                                    <td class="nhsuk-table__cell">{d.theirs.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                <div class="app-form-actions">
                    <button type="button" class="nhsuk-button" on:click=keep_mine>"Keep my change"</button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=keep_theirs>"Keep the other change"</button>
                </div>
            </div>
        })}
        {move || outcome.get().map(|(ok, message)| if ok {
            view! { <div class="nhsuk-inset-text" id=CLASH_OUTCOME_ID tabindex="-1" role="status"><p>{message}</p></div> }.into_any()
        } else {
            view! { <div class="nhsuk-inset-text" id=CLASH_OUTCOME_ID tabindex="-1" role="alert"><p>{message}</p></div> }.into_any()
        })}
    }
}

/// Where focus goes after the worker chose in a clash.
const CLASH_OUTCOME_ID: &str = "clash-outcome";

/// Tells the worker, in plain words, about stored values that could not be read, that
/// nothing was deleted, and lets them download the raw values.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    // Copies can be removed only after they were downloaded in this page.
    let downloaded = RwSignal::new(false);
    let removed = RwSignal::new(None::<Result<usize, StorageError>>);
    let download = move |_| {
        let json = set_aside_json(&state.set_aside_values());
        browser::download(
            "anchorpoint-set-aside-records.json",
            "application/json",
            &json,
        );
        downloaded.set(true);
    };
    let copies = move || state.copies().len();
    let remove = move |_| removed.set(Some(state.remove_copies()));
    view! {
        {move || state.load_error.get().map(|e| view! {
            <div class="nhsuk-card nhsuk-card--warning">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">"Anchorpoint cannot use this browser's storage"</h2>
                    <p class="nhsuk-card__description">{format!("Your reflections could not be read because {e}. Nothing has been deleted.")}</p>
                    <p class="nhsuk-card__description">{e.what_to_do()}</p>
                </div>
            </div>
        })}
        <Show when=move || state.read_only.get()>
            <div class="nhsuk-card nhsuk-card--warning app-read-only">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">"This journal was last used with a newer version of Anchorpoint"</h2>
                    <p class="nhsuk-card__description">
                        "Some records were saved by a newer version of Anchorpoint than this one. So that nothing the newer version saved is overwritten, this version will only show your journal: saving, editing and deleting are turned off. Nothing has been deleted."
                    </p>
                    <p class="nhsuk-card__description">
                        "Reload the page to get the newest version. If you were writing, your words are kept as a draft in this browser."
                    </p>
                </div>
            </div>
        </Show>
        <Show when=move || !state.problems.read().is_empty()>
            <div class="nhsuk-card nhsuk-card--warning app-set-aside">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">"Some stored records were set aside"</h2>
                    <p class="nhsuk-card__description">
                        "Anchorpoint found stored records it could not read, so it has set them aside and nothing has been deleted. Your other reflections are shown below as normal."
                    </p>
                    <ul class="nhsuk-list nhsuk-list--bullet">
                        {move || state.problems.get().iter().map(|p| view! { <li>{p.describe()}</li> }).collect_view()}
                    </ul>
                    <p class="nhsuk-card__description">
                        "You can download a copy of the set-aside records to keep or to ask for help recovering them. The file stays on this device unless you send it."
                    </p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=download>
                        "Download the set-aside records"
                    </button>
                    <Show when=move || downloaded.get() && copies() != 0>
                        <p class="nhsuk-card__description nhsuk-u-margin-top-4">
                            {move || {
                                let n = copies();
                                let which = if n == 1 {
                                    "1 of these is a copy of a damaged value, made before the value was replaced.".to_owned()
                                } else {
                                    format!("{n} of these are copies of damaged values, made before each value was replaced.")
                                };
                                format!("{which} Now that you have downloaded them, you can remove the copies from this browser. Records themselves are never removed here.")
                            }}
                        </p>
                        <button type="button" class="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0" on:click=remove>
                            "Remove the copies"
                        </button>
                    </Show>
                    {move || removed.get().map(|r| match r {
                        Ok(n) => view! { <p class="nhsuk-card__description" role="status">{format!("Removed {n} {}.", if n == 1 { "copy" } else { "copies" })}</p> }.into_any(),
                        Err(e) => view! { <p class="nhsuk-card__description" role="alert">{format!("The copies could not be removed because {e}. Nothing was deleted. {}", e.what_to_do())}</p> }.into_any(),
                    })}
                </div>
            </div>
        </Show>
    }
}

/// The set-aside values as a pretty-printed JSON array of `{"key": …, "value": …}`
/// objects, byte for byte what `serde_json::to_string_pretty` gives for the same
/// `json!` values. Written out here because `json!` and the pretty printer pull
/// serde_json's `Value` serialiser and formatter into the bundle for this one button;
/// string escaping still goes through serde_json, which the record encoder needs anyway.
/// Public only for the browser tests (tests/browser/ui.rs).
pub fn set_aside_json(values: &[(String, String)]) -> String {
    if values.is_empty() {
        return "[]".to_owned();
    }
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from("[");
    for (i, (key, value)) in values.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str("  {\n    \"key\": ");
        out.push_str(&quoted(key));
        out.push_str(",\n    \"value\": ");
        out.push_str(&quoted(value));
        out.push_str("\n  }");
    }
    out.push_str("\n]");
    out
}

// ---------------------------------------------------------------------------------------
// Charts and data tables, written as markup
// ---------------------------------------------------------------------------------------
//
// The charts and tables are written as markup rather than as Leptos views. They are
// static (no events, nothing reactive inside), and Leptos builds typed code for every
// kind of element it renders: measured, the views for the SVG shapes, the details
// component and the table cost the bundle about 9 KB gzipped, the string writer below a
// fraction of that. Every piece of text goes through [`escape`], and every class name is
// still written out literally, for the CSS purge.

/// One chart: its heading, then either the empty state (its summary alone) or the figure
/// with its summary sentence and its data behind "Show the data".
pub fn chart_markup(out: &mut String, chart: &Chart) {
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
    data_markup(out, chart);
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

/// The numbers behind a chart: an NHS.UK details component holding its table.
fn data_markup(out: &mut String, chart: &Chart) {
    let _ = write!(
        out,
        "<details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\">\
         <span class=\"nhsuk-details__summary-text\">Show the data\
         <span class=\"nhsuk-u-visually-hidden\"> for {}</span></span></summary>\
         <div class=\"nhsuk-details__text\">",
        chart.title.to_ascii_lowercase(),
    );
    table_markup(out, chart.id, &chart.table);
    out.push_str("</div></details>");
}

/// A table from the core as an NHS.UK table, with a caption (`<id>-caption`), column
/// headers and a header for each row; numeric columns (all but the first, when
/// `table.numeric`) are right-aligned. The table scrolls sideways on a narrow screen
/// rather than squeezing its columns; the scrolling box can take focus, so keyboard users
/// can scroll it too. Every cell escaped.
pub fn table_markup(out: &mut String, id: &str, table: &Table) {
    let _ = write!(
        out,
        "<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"{id}-caption\" \
         tabindex=\"0\"><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\" \
         id=\"{id}-caption\">{}</caption><thead class=\"nhsuk-table__head\">\
         <tr class=\"nhsuk-table__row\">",
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
    out.push_str("</tbody></table></div>");
}

/// Text made safe to put between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
