//! The settings page (whether to ask the end-of-entry question, how often to suggest an
//! embeddedness check-in, the private list of names and places to remove from exports),
//! and the small form pieces the settings, tag and template pages share: form errors,
//! a labelled text field and a group of radios, in NHS.UK markup with GOV.UK error
//! handling. One generic field each keeps the bundle small.

use leptos::prelude::*;

use crate::core::checkins::CheckInInterval;
use crate::core::settings::{parse_private_names, Settings};
use crate::storage::StorageError;
use crate::ui::browser;
use crate::ui::components::{
    storage_failure, ErrorSummary, FlashBanner, PageHeading, SummaryItem, ERROR_SUMMARY_ID,
    HEADING_ID,
};
use crate::ui::state::{use_app_state, Flash};

/// A form's errors: the summary's lines, each naming the id of the field it is about,
/// and the extra paragraphs a storage failure needs.
#[derive(Clone, Copy)]
pub struct FormErrors {
    items: RwSignal<Vec<SummaryItem>>,
    detail: RwSignal<Vec<String>>,
}

impl FormErrors {
    pub fn new() -> FormErrors {
        FormErrors {
            items: RwSignal::new(Vec::new()),
            detail: RwSignal::new(Vec::new()),
        }
    }

    /// The message for the field with this id, if it has one.
    pub fn message_for(&self, id: &str) -> Option<String> {
        self.items.with(|items| {
            items
                .iter()
                .find(|i| i.target == id)
                .map(|i| i.message.clone())
        })
    }

    pub fn any(&self) -> bool {
        !self.items.read().is_empty()
    }

    pub fn clear(&self) {
        self.items.set(Vec::new());
        self.detail.set(Vec::new());
    }

    /// Shows field errors and moves focus to the summary.
    pub fn show(&self, items: Vec<SummaryItem>) {
        self.detail.set(Vec::new());
        self.items.set(items);
        browser::focus_id(ERROR_SUMMARY_ID);
    }

    /// One error about a field.
    pub fn field(&self, target: &str, message: String) {
        self.show(vec![SummaryItem {
            target: target.to_owned(),
            message,
        }]);
    }

    /// A failed save: what happened, that nothing changed (`safe`), and what to do.
    pub fn storage(&self, what: &str, target: &str, e: &StorageError, safe: &str) {
        let (message, mut detail) = storage_failure(what, e);
        // The shared wording speaks of the editor; these forms say what is safe here.
        detail[0] = safe.to_owned();
        self.field(target, message);
        self.detail.set(detail);
    }

    /// Keeps the document title in step: "Error: " first while errors show.
    pub fn title(self, page: String) {
        Effect::new(move |_| browser::set_title(&page, self.any()));
    }

    pub fn summary(self) -> impl IntoView {
        view! { <ErrorSummary items=self.items detail=self.detail/> }
    }
}

impl Default for FormErrors {
    fn default() -> FormErrors {
        FormErrors::new()
    }
}

/// A labelled text input, a textarea when `rows` is given, or a select when `options`
/// are, with its hint and inline error; the error summary links to it by `id`.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    /// The label's classes, written out in full for the CSS purge.
    #[prop(optional)]
    label_class: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    errors: FormErrors,
    #[prop(optional)] rows: u32,
    #[prop(optional)] options: Option<AnyView>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = {
        let id = id.clone();
        Memo::new(move |_| errors.message_for(&id))
    };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let parts: Vec<&str> = [
                hint.map(|_| hint_id.as_str()),
                error.read().as_ref().map(|_| error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    let bad = move || error.read().is_some();
    let input = move |ev| value.set(event_target_value(&ev));
    // A select fires `input` too, so one handler serves all three.
    let control = if let Some(options) = options {
        view! {
            <select
                class=move || if bad() { "nhsuk-select nhsuk-select--error" } else { "nhsuk-select" }
                id=id.clone() name=id.clone() aria-describedby=described_by
                prop:value=move || value.get() on:input=input
            >{options}</select>
        }
        .into_any()
    } else if rows > 0 {
        view! {
            <textarea
                class=move || if bad() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                id=id.clone() name=id.clone() rows=rows aria-describedby=described_by
                prop:value=move || value.get() on:input=input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=move || if bad() { "nhsuk-input nhsuk-input--error" } else { "nhsuk-input" }
                id=id.clone() name=id.clone() type="text" autocomplete="off" spellcheck="true"
                aria-describedby=described_by
                prop:value=move || value.get() on:input=input
            />
        }
        .into_any()
    };
    view! {
        <div class=move || if bad() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <label class=label_class.unwrap_or("nhsuk-label") for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id>{h}</div> })}
            {move || error.get().map(|message| view! {
                <span class="nhsuk-error-message" id=error_id.clone()>
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                </span>
            })}
            {control}
        </div>
    }
}

/// One radio: the value it stands for, its label and an optional hint.
#[derive(Clone, Copy)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
}

/// A question answered with radios. The first radio's id is `name`, so an error
/// summary can link to the question; the others add their value.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    legend: &'static str,
    /// The legend's classes, written out in full for the CSS purge.
    legend_class: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let described_by = hint.map(|_| hint_id.clone());
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = if i == 0 {
                name.clone()
            } else {
                format!("{name}-{}", c.value)
            };
            let item_hint = format!("{id}-item-hint");
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name=name.clone() type="radio"
                        value=c.value
                        aria-describedby=c.hint.map(|_| item_hint.clone())
                        prop:checked=move || *value.read() == c.value
                        on:change=move |_| value.set(c.value.to_owned())/>
                    <label class="nhsuk-label nhsuk-radios__label" for=id>{c.label}</label>
                    {c.hint.map(|h| view! {
                        <div class="nhsuk-hint nhsuk-radios__hint" id=item_hint>{h}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class=legend_class>{legend}</legend>
                {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id>{h}</div> })}
                <div class=if inline { "nhsuk-radios nhsuk-radios--inline" } else { "nhsuk-radios" }>
                    {items}
                </div>
            </fieldset>
        </div>
    }
}

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
    errors: FormErrors,
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
    let errors = FormErrors::new();
    errors.title("Settings".to_owned());
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
            Err(message) => return errors.field(PRIVATE_NAMES_ID, message),
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
            Err(e) => errors.storage(
                "Your settings",
                SAVE_ID,
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
        <h2 class="nhsuk-heading-m">"Tags and templates"</h2>
        <ul class="nhsuk-list">
            <li><a href="/settings/tags">"Your tags"</a></li>
            <li><a href="/settings/templates">"Your templates"</a></li>
        </ul>
        <crate::ui::storage_health::StorageSection/>
        <crate::ui::lock::section::LockSection/>
    }
}

fn yes_no(on: bool) -> String {
    if on { "yes" } else { "no" }.to_owned()
}
