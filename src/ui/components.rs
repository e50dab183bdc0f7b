//! Small NHS.UK design-system pieces shared by the pages: the error summary, the
//! success banner, the notice about set-aside records and the page heading. Markup and
//! classes follow nhsuk-frontend 10; its JavaScript is not loaded, so the little
//! behaviour these need (moving focus) is done here.

use leptos::prelude::*;

use super::browser;
use super::state::use_app_state;
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
fn set_aside_json(values: &[(String, String)]) -> String {
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

#[cfg(test)]
mod tests {
    use super::set_aside_json;

    /// The hand-written download must match what the `json!` + `to_string_pretty` code it
    /// replaced produced, escapes and non-ASCII included.
    #[test]
    fn set_aside_json_matches_serde_json_pretty() {
        let cases: Vec<Vec<(String, String)>> = vec![
            vec![],
            vec![("anchorpoint.entry.e1".into(), "{\"app\":1}".into())],
            vec![
                (
                    "a".into(),
                    "line\nbreak\ttab \\ \u{1} \u{7f} “quote” café 🙂".into(),
                ),
                ("b".into(), String::new()),
            ],
        ];
        for values in cases {
            let expected = serde_json::to_string_pretty(
                &values
                    .iter()
                    .map(|(key, value)| serde_json::json!({ "key": key, "value": value }))
                    .collect::<Vec<_>>(),
            )
            .unwrap();
            assert_eq!(set_aside_json(&values), expected);
        }
    }
}
