//! The settings page (whether to ask the end-of-entry question, how often to suggest an
//! embeddedness check-in, the private list of names and places to remove from exports),
//! and the page pieces the settings, tag and template pages share: a list of the
//! worker's own things with actions, an expander and a confirmation page. Its form is
//! built from the one kit, [`crate::ui::forms`].

use leptos::prelude::*;

use crate::core::checkins::CheckInInterval;
use crate::core::settings::{parse_private_names, Settings};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, HEADING_ID};
use crate::ui::forms::{Choice, Problems, Radios, TextField};
use crate::ui::state::{use_app_state, Flash};

/// Shown for an address under settings that names something no longer there.
#[component]
pub fn Missing(heading: &'static str, text: &'static str, back: &'static str) -> impl IntoView {
    browser::set_title(heading, false);
    view! {
        <PageHeading text=heading/>
        <p>{text}</p>
        <p><a href=back>"Go back"</a></p>
    }
}

/// One of the worker's own tags or templates in a list: its name, what to show beside
/// it, and links to act on it (`{base}/{path}`, the name added for screen readers).
pub struct ActionRow {
    pub key: String,
    pub value: AnyView,
    pub base: String,
    pub actions: &'static [(&'static str, &'static str)],
}

/// The worker's own tags or templates as an NHS summary list with actions, or `empty`.
pub fn action_list(rows: Vec<ActionRow>, empty: &'static str) -> AnyView {
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            let hidden = format!(" {}", row.key);
            let links = row
                .actions
                .iter()
                .map(|(path, label)| {
                    view! {
                        <li class="nhsuk-summary-list__actions-list-item">
                            <a href=format!("{}/{path}", row.base)>{*label}<span class="nhsuk-u-visually-hidden">{hidden.clone()}</span></a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{row.key}</dt>
                    <dd class="nhsuk-summary-list__value">{row.value}</dd>
                    <dd class="nhsuk-summary-list__actions">
                        <ul class="nhsuk-summary-list__actions-list">{links}</ul>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="nhsuk-summary-list">{rows}</dl> }.into_any()
}

/// An NHS details expander: built-in tags and templates to read when wanted.
pub fn expander(summary: &'static str, body: AnyView) -> AnyView {
    view! {
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{summary}</span>
            </summary>
            <div class="nhsuk-details__text">{body}</div>
        </details>
    }
    .into_any()
}

/// A confirmation page for a change that cannot be undone: the question, what will
/// happen, a warning button that does it, and a way back.
pub fn confirm_page(
    errors: Problems,
    heading: String,
    explain: String,
    button: &'static str,
    back: &'static str,
    confirm: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <a class="nhsuk-back-link" href=back>"Back"</a>
        {errors.summary()}
        <PageHeading text=heading/>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>{explain}</p>
        </div>
        <p>"You cannot undo this."</p>
        <button id=ACTION_ID type="button" class="nhsuk-button nhsuk-button--warning" on:click=move |_| confirm()>
            {button}
        </button>
        <p><a href=back>"No, keep it"</a></p>
    }
    .into_any()
}

/// The id of the button that does what a settings form or confirmation is for; errors
/// not about a field (a failed save) point at it.
pub const ACTION_ID: &str = "action-button";

const PRIVATE_NAMES_ID: &str = "private-names";
const SAVE_ID: &str = "save-settings";

/// `/settings`.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    let current = state.settings.get_untracked();
    let end_question = RwSignal::new(yes_no(current.end_question));
    let interval = RwSignal::new(current.check_in_interval.id().to_owned());
    let names = RwSignal::new(current.private_names.join("\n"));
    let errors = Problems::new(Signal::stored("Settings".to_owned()));
    // Once the worker has chosen in a clash with another tab, the form shows what is
    // stored now. Left as typed, its list of names would drop the other tab's names at
    // the next save, as if this worker had removed them.
    Effect::new(move |had_clash: Option<bool>| {
        let has = state.clash.read().is_some();
        if had_clash == Some(true) && !has {
            let now = state.settings.get_untracked();
            end_question.set(yes_no(now.end_question));
            interval.set(now.check_in_interval.id().to_owned());
            names.set(now.private_names.join("\n"));
            errors.clear();
        }
        has
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.flash.set(None);
        let private_names = match parse_private_names(&names.get_untracked()) {
            Ok(list) => list,
            Err(message) => return errors.one(PRIVATE_NAMES_ID, message),
        };
        let value = Settings {
            end_question: end_question.get_untracked() == "yes",
            check_in_interval: CheckInInterval::parse(&interval.get_untracked())
                .unwrap_or_default(),
            private_names,
        };
        match state.save_settings(value) {
            Ok(()) => {
                errors.clear();
                // What was stored, which may hold names another tab added meanwhile.
                names.set(state.settings.get_untracked().private_names.join("\n"));
                state.flash.set(Some(Flash {
                    message: "Settings saved".to_owned(),
                    on: "/settings".to_owned(),
                }));
                browser::focus_id(HEADING_ID);
            }
            Err(e) => errors.storage_kept(
                SAVE_ID,
                "Your settings",
                &e,
                "Your choices are still on this page, and your saved settings have not changed.",
            ),
        }
    };

    let intervals = CheckInInterval::ALL
        .into_iter()
        .map(|i| Choice {
            value: i.id(),
            label: i.label(),
            hint: None,
        })
        .collect();
    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        {errors.summary()}
        <FlashBanner/>
        <PageHeading text="Settings"/>
        <form novalidate on:submit=save>
            <Radios name="end-question" value=end_question inline=true
                legend="Ask “Did you make a judgement call today?” at the end of each reflection?"
                legend_class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"
                hint="Naming the judgement calls you make helps you take them to supervision."
                choices=vec![
                    Choice { value: "yes", label: "Yes, ask me", hint: None },
                    Choice { value: "no", label: "No, do not ask me", hint: None },
                ]/>
            <Radios name="check-in-interval" value=interval choices=intervals
                legend="How often should Anchorpoint suggest an embeddedness check-in?"
                legend_class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"
                hint="A check-in asks how you fit in the practice: bolted on, fitting in or belonging."/>
            <TextField id=PRIVATE_NAMES_ID value=names errors=errors rows=8
                label="Names and places to remove from exports"
                label_class="nhsuk-label nhsuk-label--m"
                hint="One on each line: the people you support, their family, colleagues, practices and groups. This list stays on this device. Anchorpoint uses it to warn you when a holding thread’s pseudonym matches a real name, and to remove these words from anything you export."/>
            <button id=SAVE_ID class="nhsuk-button" type="submit">"Save settings"</button>
        </form>
        <crate::ui::nudges::NudgePreference errors=errors/>
        <h2 class="nhsuk-heading-m">"Tags and templates"</h2>
        <ul class="nhsuk-list">
            <li><a href="/settings/tags">"Your tags"</a></li>
            <li><a href="/settings/templates">"Your templates"</a></li>
        </ul>
        // Backups are of the real journal; a workshop's practice work is not backed up.
        {(!state.in_workshop()).then(|| view! { <crate::ui::backup_reminder::BackupSection errors=errors/> })}
        <crate::ui::storage_health::StorageSection/>
        // The lock guards the real journal; a workshop tab never opens it.
        {(!state.in_workshop()).then(|| view! { <crate::ui::lock::section::LockSection/> })}
        <h2 class="nhsuk-heading-m">"Training"</h2>
        <p>{if state.in_workshop() {
            "This tab is in a workshop: these settings are the workshop’s, not the real journal’s."
        } else {
            "Trainers can run an induction workshop on this device with fictional cases, kept apart from the real journal."
        }}</p>
        <p><a href="/workshop">{if state.in_workshop() { "Go to the workshop" } else { "Run a workshop" }}</a></p>
    }
}

fn yes_no(on: bool) -> String {
    if on { "yes" } else { "no" }.to_owned()
}
