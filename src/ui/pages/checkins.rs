//! Check-ins about the worker rather than the people they support: the embeddedness
//! check-in at `/check-in` (where they feel they sit between bolted on and belonging,
//! with optional notes on the four concepts underneath, and its history), the reminder
//! [`CheckInDue`] that other pages can show, and the optional one-step "How are you after
//! this?" at `/entries/:id/wellbeing` with its [`WellbeingSummary`] for the entry page.
//! The rules (parsing, one check-in a day, when one is due) live in `core::checkins`.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::checkins::{
    CheckInError, CheckInField, EmbeddednessCheckIn, EmbeddednessHistory, Load, Rating,
    WellbeingCheck, WELLBEING_QUESTION,
};
use crate::core::entry::long_date;
use crate::core::ids::EntryId;
use crate::core::tags::{Embeddedness, EmbeddednessConcept};
use crate::storage::StorageError;
use crate::ui::browser;
use crate::ui::components::{
    storage_failure, ErrorSummary, FlashBanner, PageHeading, SummaryItem, ERROR_SUMMARY_ID,
    HEADING_ID,
};
use crate::ui::pages::not_found::EntryNotFound;
use crate::ui::state::{use_app_state, Flash};

const CHECK_IN_PATH: &str = "/check-in";

/// Rating values as form strings, so a radio's value can be a `&'static str`.
const RATING_VALUES: [&str; 5] = ["1", "2", "3", "4", "5"];

// ---------------------------------------------------------------------------------------
// Shared form pieces
// ---------------------------------------------------------------------------------------

/// One radio button: its form value, label and optional hint.
#[derive(Clone, Copy)]
struct Choice {
    value: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
}

/// An NHS radios group in a fieldset. The first radio takes `id`, so the error summary
/// can link straight to it; `value` holds the chosen value, empty for none.
#[component]
fn Radios(
    id: &'static str,
    legend: &'static str,
    #[prop(into)] hint: String,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), !hint.is_empty());
        move || {
            let mut ids = if has_hint {
                hint_id.clone()
            } else {
                String::new()
            };
            if error.read().is_some() {
                if !ids.is_empty() {
                    ids.push(' ');
                }
                ids.push_str(&error_id);
            }
            ids
        }
    };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let input_id = if i == 0 {
                id.to_owned()
            } else {
                format!("{id}-{}", i + 1)
            };
            let item_hint_id = format!("{input_id}-hint");
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input_id.clone() name=id type="radio"
                        value=choice.value
                        aria-describedby=choice.hint.map(|_| item_hint_id.clone())
                        prop:checked=move || *value.read() == choice.value
                        on:change=move |_| value.set(choice.value.to_owned())/>
                    <label class="nhsuk-label nhsuk-radios__label" for=input_id>{choice.label}</label>
                    {choice.hint.map(|h| view! {
                        <div class="nhsuk-hint nhsuk-radios__hint" id=item_hint_id>{h}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=move || if error.read().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                {(!hint.is_empty()).then(|| view! { <div class="nhsuk-hint" id=hint_id>{hint}</div> })}
                {move || error.get().map(|message| view! {
                    <span class="nhsuk-error-message" id=error_id.clone()>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                    </span>
                })}
                <div class="nhsuk-radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// A form's problems: the core's field errors, or a storage failure (its message and the
/// sentences that follow it), shown in the error summary.
#[derive(Clone, Copy)]
struct FormErrors {
    fields: RwSignal<Vec<CheckInError>>,
    storage: RwSignal<Option<(String, Vec<String>)>>,
}

impl FormErrors {
    fn new() -> FormErrors {
        FormErrors {
            fields: RwSignal::new(Vec::new()),
            storage: RwSignal::new(None),
        }
    }

    fn any(self) -> bool {
        !self.fields.read().is_empty() || self.storage.read().is_some()
    }

    fn clear(self) {
        self.fields.set(Vec::new());
        self.storage.set(None);
    }

    fn show_fields(self, errors: Vec<CheckInError>) {
        self.fields.set(errors);
        browser::focus_id(ERROR_SUMMARY_ID);
    }

    /// The save failed: say what happened, that the answers are still on the page, and
    /// what to do.
    fn show_storage(self, what: &str, e: &StorageError) {
        let (message, mut detail) = storage_failure(what, e);
        if let Some(first) = detail.first_mut() {
            *first = "Your answers are still here on this page and have not been lost.".to_owned();
        }
        self.storage.set(Some((message, detail)));
        browser::focus_id(ERROR_SUMMARY_ID);
    }

    fn for_field(self, field: CheckInField) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.fields
                .read()
                .iter()
                .find(|e| e.field() == field)
                .map(|e| e.to_string())
        })
    }

    /// The error summary, linking a storage failure to `storage_target`.
    fn summary(self, storage_target: &'static str) -> impl IntoView {
        let items = Signal::derive(move || {
            let mut items: Vec<SummaryItem> = self
                .fields
                .read()
                .iter()
                .map(|e| SummaryItem {
                    target: e.field().html_id().to_owned(),
                    message: e.to_string(),
                })
                .collect();
            if let Some((message, _)) = self.storage.get() {
                items.push(SummaryItem {
                    target: storage_target.to_owned(),
                    message,
                });
            }
            items
        });
        let detail = Signal::derive(move || {
            self.storage
                .read()
                .as_ref()
                .map(|(_, d)| d.clone())
                .unwrap_or_default()
        });
        view! { <ErrorSummary items=items detail=detail/> }
    }
}

// ---------------------------------------------------------------------------------------
// Embeddedness
// ---------------------------------------------------------------------------------------

/// "It is time for your embeddedness check-in", shown only when one is due by the
/// worker's chosen interval (never when they chose "Never"). `here` leaves out the link,
/// for the check-in page itself.
#[component]
pub fn CheckInDue(#[prop(optional)] here: bool) -> impl IntoView {
    let state = use_app_state();
    let today = browser::today();
    let due = move || {
        let interval = state.settings.with(|s| s.check_in_interval);
        state.embeddedness.with(|h| {
            h.is_due(today, interval)
                .then(|| h.latest().map(|last| long_date(last.on)))
        })
    };
    move || {
        due().map(|last| {
            view! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>"It is time for your embeddedness check-in."</p>
                    <p>{match last {
                        Some(day) => format!("Your last check-in was on {day}."),
                        None => "You have not done one yet.".to_owned(),
                    }}</p>
                    {(!here).then(|| view! {
                        <p><a href=CHECK_IN_PATH>"Do your embeddedness check-in"</a></p>
                    })}
                </div>
            }
        })
    }
}

/// `/check-in`: the check-in form, then every past check-in, newest first.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let state = use_app_state();
    let today = browser::today();
    // Today's check-in, if there is one, fills the form: saving again replaces it.
    let existing = state
        .embeddedness
        .with_untracked(|h| h.all().iter().find(|c| c.on == today).cloned());
    let rating = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.rating.id().to_owned())
            .unwrap_or_default(),
    );
    let notes = RwSignal::new(existing.map(|c| c.notes).unwrap_or_default());
    let notes_open = RwSignal::new(notes.with_untracked(|n| !n.is_empty()));
    let errors = FormErrors::new();
    Effect::new(move |_| browser::set_title("Embeddedness check-in", errors.any()));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let parsed =
            notes.with_untracked(|n| EmbeddednessCheckIn::parse(today, &rating.get_untracked(), n));
        let check_in = match parsed {
            Ok(check_in) => check_in,
            Err(found) => {
                if found
                    .iter()
                    .any(|e| matches!(e.field(), CheckInField::Note(_)))
                {
                    notes_open.set(true);
                }
                errors.show_fields(found);
                return;
            }
        };
        let mut history = state.embeddedness.get_untracked();
        history.add(check_in);
        match state.save_embeddedness(history) {
            Ok(()) => {
                state.flash.set(Some(Flash {
                    message: "Check-in saved".to_owned(),
                    on: CHECK_IN_PATH.to_owned(),
                }));
                browser::focus_id(HEADING_ID);
            }
            Err(e) => errors.show_storage("Your check-in", &e),
        }
    };

    let choices = Embeddedness::ALL
        .iter()
        .map(|e| Choice {
            value: e.id(),
            label: e.label(),
            hint: Some(e.definition()),
        })
        .collect();
    let rating_hint = format!(
        "Choose the one closest to how it feels now. This check-in is dated today, {}. If you have already checked in today, saving replaces that check-in.",
        long_date(today)
    );
    let note_fields = EmbeddednessConcept::ALL
        .into_iter()
        .map(|concept| {
            let id = CheckInField::Note(concept).html_id();
            let error = errors.for_field(CheckInField::Note(concept));
            let hint_id = format!("{id}-hint");
            let error_id = format!("{id}-error");
            let described_by = {
                let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                move || {
                    if error.read().is_some() {
                        format!("{hint_id} {error_id}")
                    } else {
                        hint_id.clone()
                    }
                }
            };
            view! {
                <div class=move || if error.read().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                    <label class="nhsuk-label nhsuk-label--s" for=id>{concept.label()}</label>
                    <div class="nhsuk-hint" id=hint_id>{concept.definition()}</div>
                    {move || error.get().map(|message| view! {
                        <span class="nhsuk-error-message" id=error_id.clone()>
                            <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                        </span>
                    })}
                    <textarea
                        class=move || if error.read().is_some() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                        id=id
                        name=id
                        rows="3"
                        aria-describedby=described_by
                        prop:value=move || notes.with(|n| n.get(&concept).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            notes.update(|n| {
                                n.insert(concept, text);
                            });
                        }
                    ></textarea>
                </div>
            }
        })
        .collect_view();

    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        <FlashBanner/>
        {errors.summary(CheckInField::Embeddedness.html_id())}
        <PageHeading text="Embeddedness check-in"/>
        <CheckInDue here=true/>
        <p>"How much do you feel part of the practice you work in? Research with link workers describes a continuum, from bolted on, through fitting in, to belonging. Checking in now and then shows how that changes over time, and what to bring to supervision."</p>
        <form novalidate on:submit=on_submit>
            <Radios
                id=CheckInField::Embeddedness.html_id()
                legend="Where do you feel you are?"
                hint=rating_hint
                choices=choices
                value=rating
                error=errors.for_field(CheckInField::Embeddedness)
            />
            // Opened by the worker, or by a note's error so the error is never hidden.
            <details class="nhsuk-details" prop:open=notes_open>
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">"Add notes on what lies underneath (optional)"</span>
                </summary>
                <div class="nhsuk-details__text">
                    <p>"Four things shape how embedded a link worker becomes. Note whatever helps, in up to 500 characters each, and leave the rest blank."</p>
                    {note_fields}
                </div>
            </details>
            <button class="nhsuk-button" type="submit">"Save check-in"</button>
        </form>
        <CheckInHistory/>
    }
}

/// Every check-in as a table, newest first.
#[component]
fn CheckInHistory() -> impl IntoView {
    let state = use_app_state();
    let rows = move || {
        // A stored history may be out of order (edited by hand); passing it through the
        // core's `add` puts it in date order without a second sort in the bundle.
        let mut ordered = EmbeddednessHistory::new();
        state.embeddedness.with(|h| {
            for c in h.all() {
                ordered.add(c.clone());
            }
        });
        ordered
            .all()
            .iter()
            .rev()
            .map(|c| {
                let notes: Vec<(&'static str, String)> = c
                    .notes
                    .iter()
                    .map(|(concept, note)| (concept.label(), note.clone()))
                    .collect();
                (long_date(c.on), c.rating.label(), notes)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <h2 class="nhsuk-heading-m" id="check-in-history">"Your check-ins"</h2>
        // One reactive block for the whole table: cheaper in the bundle than a `Show`
        // around a reactive body, and the table is small.
        {move || {
            let rows = rows();
            if rows.is_empty() {
                return Either::Left(view! {
                    <p>"You have not checked in yet. Your check-ins will be listed here."</p>
                });
            }
            Either::Right(view! {
                <table class="nhsuk-table" aria-labelledby="check-in-history">
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">"Date"</th>
                            <th class="nhsuk-table__header" scope="col">"Where you felt you were"</th>
                            <th class="nhsuk-table__header" scope="col">"Notes"</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        {rows.into_iter().map(|(day, rating, notes)| view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell">{day}</td>
                                <td class="nhsuk-table__cell">{rating}</td>
                                <td class="nhsuk-table__cell">
                                    {notes.is_empty().then_some("None")}
                                    {notes.into_iter().map(|(label, note)| view! {
                                        <p class="app-check-in-note"><strong>{label}</strong><br/>{note}</p>
                                    }).collect_view()}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })
        }}
    }
}

// ---------------------------------------------------------------------------------------
// Wellbeing
// ---------------------------------------------------------------------------------------

fn rating_value(rating: Rating) -> &'static str {
    RATING_VALUES[usize::from(rating.value() - 1)]
}

/// `/entries/:id/wellbeing`: the optional "How are you after this?" for one entry, with
/// any earlier answer filled in so it can be changed.
#[component]
pub fn WellbeingPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let navigate = use_navigate();
    move || {
        let id = params.read().get("id").and_then(|s| EntryId::parse(&s));
        let Some(id) = id.filter(|id| state.journal.with_untracked(|j| j.get(id).is_some())) else {
            return view! { <EntryNotFound/> }.into_any();
        };
        let earlier = state
            .wellbeing
            .with_untracked(|log| log.for_entry(&id).cloned());
        let rating = RwSignal::new(
            earlier
                .as_ref()
                .map(|c| rating_value(c.rating).to_owned())
                .unwrap_or_default(),
        );
        let load = RwSignal::new(
            earlier
                .and_then(|c| c.emotional_load)
                .map(|l| l.id().to_owned())
                .unwrap_or_default(),
        );
        let errors = FormErrors::new();
        Effect::new(move |_| browser::set_title(WELLBEING_QUESTION, errors.any()));
        let entry_path = format!("/entries/{id}");

        let on_submit = {
            let navigate = navigate.clone();
            let entry_path = entry_path.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                errors.clear();
                let check = match WellbeingCheck::parse(
                    id.clone(),
                    browser::today(),
                    &rating.get_untracked(),
                    &load.get_untracked(),
                ) {
                    Ok(check) => check,
                    Err(found) => return errors.show_fields(found),
                };
                let mut log = state.wellbeing.get_untracked();
                log.record(check);
                match state.save_wellbeing(log) {
                    Ok(()) => {
                        state.flash.set(Some(Flash {
                            message: "Thank you. Your answer is kept on this device.".to_owned(),
                            on: entry_path.clone(),
                        }));
                        navigate(&entry_path, NavigateOptions::default());
                    }
                    Err(e) => errors.show_storage("Your answer", &e),
                }
            }
        };

        let ratings = Rating::ALL
            .iter()
            .map(|r| Choice {
                value: rating_value(*r),
                label: r.label(),
                hint: None,
            })
            .collect();
        let loads = Load::ALL
            .iter()
            .map(|l| Choice {
                value: l.id(),
                label: l.label(),
                hint: None,
            })
            .collect();
        view! {
            <FlashBanner/>
            {errors.summary(CheckInField::Rating.html_id())}
            <PageHeading text=WELLBEING_QUESTION/>
            <p>"This is optional and takes a moment. Your answer stays on this device. Over time it shows how the work is affecting you, which you can bring to supervision."</p>
            <form novalidate on:submit=on_submit>
                <Radios
                    id=CheckInField::Rating.html_id()
                    legend="How are you feeling now?"
                    hint=""
                    choices=ratings
                    value=rating
                    error=errors.for_field(CheckInField::Rating)
                />
                <Radios
                    id=CheckInField::Load.html_id()
                    legend="How heavy was the emotional load? (optional)"
                    hint="How much carrying this session took out of you."
                    choices=loads
                    value=load
                    error=errors.for_field(CheckInField::Load)
                />
                <div class="app-form-actions">
                    <button class="nhsuk-button" type="submit">"Save"</button>
                    <p><a href=entry_path>"Skip"</a></p>
                </div>
            </form>
        }
        .into_any()
    }
}

/// On the entry page: the worker's answer to "How are you after this?" with a link to
/// change it, or a link to answer. A heavy load gets a short, calm pointer to support.
#[component]
pub fn WellbeingSummary(entry: EntryId) -> impl IntoView {
    let state = use_app_state();
    let href = format!("/entries/{entry}/wellbeing");
    let check = Memo::new(move |_| state.wellbeing.with(|log| log.for_entry(&entry).cloned()));
    move || match check.get() {
        None => Either::Left(view! {
            <p><a href=href.clone()>"Say how you are after this"</a></p>
        }),
        Some(check) => {
            // "Good, with a heavy emotional load." The load's id is its label in lower case.
            let answer = match check.emotional_load {
                Some(load) => format!(
                    "{}, with a {} emotional load.",
                    check.rating.label(),
                    load.id()
                ),
                None => format!("{}.", check.rating.label()),
            };
            let heavy = check.emotional_load == Some(Load::Heavy);
            Either::Right(view! {
                <div>
                    <h2 class="nhsuk-heading-s">"How you were after this"</h2>
                    <p>{answer}</p>
                    {heavy.then(|| view! {
                        <div class="nhsuk-inset-text">
                            <span class="nhsuk-u-visually-hidden">"Information: "</span>
                            <p>"Heavy sessions are part of this work, and you do not have to carry them alone. You could bring this one to supervision, or talk to your supervisor or a colleague you trust before then."</p>
                        </div>
                    })}
                    <p><a href=href.clone()>"Change how you were after this"</a></p>
                </div>
            })
        }
    }
}
