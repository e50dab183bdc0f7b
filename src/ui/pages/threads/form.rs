//! `/threads/new` and `/threads/:id/edit`: open a thread, or change its pseudonym,
//! functions and drivers. A pseudonym that looks like a real name (or is on the private
//! list) is warned about once and must then be confirmed: never silently accepted nor
//! refused, because only the worker knows.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{form_top, read_date, thread_error, thread_path, today_parts};
use crate::core::ids::TagId;
use crate::core::tags::Family;
use crate::core::threads::{pseudonym_warnings, HoldingThread, Pseudonym, ThreadField};
use crate::ui::browser;
use crate::ui::forms::{
    choice, choice_id, date_input, described_by, fieldset, group_class, inline_error, item,
    ChoiceKind, DateError, Problems,
};
use crate::ui::state::{use_app_state, Flash};

const PSEUDONYM_ID: &str = "thread-pseudonym";
const WARNING_ID: &str = "thread-warning";
const CONFIRM_ID: &str = "thread-confirm";
const SUBMIT_ID: &str = "thread-submit";
const OPENED_ID: &str = "thread-opened";

/// The built-in tags of one holding family as checkboxes, each with its definition.
fn holding_tags(family: Family, chosen: RwSignal<Vec<TagId>>, problems: Problems) -> impl IntoView {
    let (field, legend) = match family {
        Family::HoldingFunction => (ThreadField::Functions, "Holding functions (optional)"),
        _ => (ThreadField::Drivers, "Holding drivers (optional)"),
    };
    let base = field.html_id();
    let boxes = family
        .tags()
        .enumerate()
        .map(|(i, tag)| {
            let id = tag.tag_id();
            let toggle = id.clone();
            choice(
                ChoiceKind::Checkbox,
                base,
                choice_id(base, i, &tag.id),
                tag.label.to_owned(),
                Some(tag.definition.to_owned()),
                Signal::derive(move || chosen.with(|c| c.contains(&id))),
                Callback::new(move |on: bool| {
                    chosen.update(|c| {
                        c.retain(|t| t != &toggle);
                        if on {
                            c.push(toggle.clone());
                        }
                    })
                }),
            )
        })
        .collect::<Vec<_>>();
    fieldset(
        base,
        legend,
        Some(family.definition()),
        problems.message_for(base),
        ChoiceKind::Checkbox.group(),
        boxes.into_any(),
    )
}

/// `/threads/new`: open a thread.
#[component]
pub fn NewThreadPage() -> impl IntoView {
    thread_form(None)
}

/// Opens a thread, or changes one's pseudonym, functions and drivers.
pub(super) fn thread_form(thread: Option<HoldingThread>) -> AnyView {
    let state = use_app_state();
    let navigate = use_navigate();
    let is_new = thread.is_none();
    let (heading, submit, back) = match &thread {
        None => (
            "Open a holding thread",
            "Open thread",
            "/threads".to_owned(),
        ),
        Some(t) => ("Change holding thread", "Save changes", thread_path(&t.id)),
    };
    let original = StoredValue::new(thread.as_ref().map(|t| (t.id.clone(), t.pseudonym.clone())));
    let pseudonym = RwSignal::new(
        thread
            .as_ref()
            .map(|t| t.pseudonym.to_string())
            .unwrap_or_default(),
    );
    let functions = RwSignal::new(
        thread
            .as_ref()
            .map(|t| t.functions.clone())
            .unwrap_or_default(),
    );
    let drivers = RwSignal::new(thread.map(|t| t.drivers).unwrap_or_default());
    let opened = RwSignal::new(today_parts());
    let opened_error = RwSignal::new(None::<DateError>);
    // The pseudonym last warned about, with the reasons; saving it needs `confirmed`.
    let warned = RwSignal::new(None::<(String, Vec<String>)>);
    let confirmed = RwSignal::new(false);
    let problems = Problems::new(Signal::stored(heading.to_owned()));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problems.clear();
        let raw = pseudonym.get_untracked();
        let mut items = Vec::new();
        let parsed = Pseudonym::parse(&raw)
            .map_err(|e| items.push(item(PSEUDONYM_ID, e.to_string())))
            .ok();
        let opened_on = if is_new {
            read_date(
                OPENED_ID,
                opened,
                opened_error,
                "Enter the date you started holding this person",
            )
            .map_err(|e| items.push(e))
            .ok()
        } else {
            None
        };
        let Some(parsed) = parsed.filter(|_| items.is_empty()) else {
            problems.show(items, Vec::new());
            return;
        };
        let before = original.get_value();
        let changed = before.as_ref().is_none_or(|(_, p)| *p != parsed);
        let warnings = if changed {
            state
                .settings
                .with_untracked(|s| pseudonym_warnings(&parsed, &s.private_names))
        } else {
            Vec::new()
        };
        if warnings.is_empty() {
            warned.set(None);
        } else if warned.with_untracked(|w| w.as_ref().is_none_or(|(p, _)| p != parsed.as_str())) {
            // The first time this pseudonym is warned about: say why, and ask.
            warned.set(Some((parsed.to_string(), warnings)));
            confirmed.set(false);
            browser::focus_id(WARNING_ID);
            return;
        } else if !confirmed.get_untracked() {
            problems.one(
                CONFIRM_ID,
                format!("Confirm that ‘{parsed}’ is not a real name, or change the pseudonym"),
            );
            return;
        }
        let mut threads = state.threads.get_untracked();
        let (tags_f, tags_d) = (functions.get_untracked(), drivers.get_untracked());
        let result = match before {
            None => {
                let id = browser::new_thread_id();
                threads
                    .create(id.clone(), &raw, opened_on.unwrap_or_else(browser::today))
                    .map(|_| id)
            }
            Some((id, _)) => threads.rename(&id, &raw).map(|()| id),
        }
        .and_then(|id| {
            threads.set_functions(&id, &tags_f)?;
            threads.set_drivers(&id, &tags_d)?;
            Ok(id)
        });
        let id = match result {
            Ok(id) => id,
            Err(e) => return thread_error(problems, &e, SUBMIT_ID),
        };
        match state.save_threads(threads) {
            Ok(()) => {
                let to = thread_path(&id);
                let message = if is_new {
                    "Holding thread opened"
                } else {
                    "Holding thread updated"
                };
                state.flash.set(Some(Flash {
                    message: message.to_owned(),
                    on: to.clone(),
                }));
                navigate(&to, NavigateOptions::default());
            }
            Err(e) => problems.storage(SUBMIT_ID, "Your holding thread", &e),
        }
    };

    let pseudonym_error = problems.message_for(PSEUDONYM_ID);
    let confirm_error = problems.message_for(CONFIRM_ID);
    let warning = move || {
        warned.get().map(|(name, reasons)| {
            let confirm = vec![choice(
                ChoiceKind::Checkbox,
                "confirm",
                CONFIRM_ID.to_owned(),
                format!("I confirm ‘{name}’ is not a real name"),
                None,
                confirmed.into(),
                Callback::new(move |on| confirmed.set(on)),
            )];
            view! {
                <div class="nhsuk-card nhsuk-card--warning" id=WARNING_ID tabindex="-1">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Check this is not a real name"
                        </h2>
                        <ul class="nhsuk-list nhsuk-list--bullet">
                            {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                        <p class="nhsuk-card__description">"Change the pseudonym, or if you are sure it does not identify anyone, confirm below and save again."</p>
                        {fieldset(CONFIRM_ID, "Is this a real name?", None, confirm_error, ChoiceKind::Checkbox.group(), confirm.into_any())}
                    </div>
                </div>
            }
        })
    };
    let opened_input = is_new.then(|| {
        date_input(
            OPENED_ID,
            "When did you start holding this person?",
            "Today, or an earlier day if the holding began before you opened this thread. For example, 3 11 2026.",
            opened,
            opened_error.into(),
        )
    });

    view! {
        {form_top(back.clone(), problems, heading.to_owned())}
        <form novalidate on:submit=on_submit>
            <div class=group_class(pseudonym_error)>
                <label class="nhsuk-label nhsuk-label--s" for=PSEUDONYM_ID>"Pseudonym"</label>
                <div class="nhsuk-hint" id="thread-pseudonym-hint">
                    "Use a label only you understand, like ‘Person A’. It must not be a real name, or initials that could identify someone."
                </div>
                {inline_error("thread-pseudonym-error".to_owned(), pseudonym_error)}
                <input
                    class=move || if pseudonym_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                    id=PSEUDONYM_ID name="pseudonym" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby=described_by(Some("thread-pseudonym-hint".to_owned()), "thread-pseudonym-error".to_owned(), pseudonym_error)
                    prop:value=move || pseudonym.get()
                    on:input=move |ev| pseudonym.set(event_target_value(&ev))/>
                <crate::ui::nudges::PseudonymNudges for_id=PSEUDONYM_ID value=pseudonym/>
            </div>
            {warning}
            {opened_input}
            {holding_tags(Family::HoldingFunction, functions, problems)}
            {holding_tags(Family::HoldingDriver, drivers, problems)}
            <div class="app-form-actions">
                <button class="nhsuk-button" type="submit" id=SUBMIT_ID>{submit}</button>
                <p><a href=back>"Cancel"</a></p>
            </div>
        </form>
    }
    .into_any()
}
