//! Check-ins about the worker rather than the people they support: the embeddedness
//! check-in at `/check-in` (where they feel they sit between bolted on and belonging,
//! with optional notes on the four concepts underneath, and its history), the reminder
//! [`CheckInDue`] that other pages can show, and the optional one-step "How are you after
//! this?" at `/entries/:id/wellbeing` with its [`WellbeingSummary`] for the entry page.
//! The rules (parsing, one check-in a day, when one is due) live in `core::checkins`.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::checkins::{
    CheckInError, CheckInField, EmbeddednessCheckIn, EmbeddednessHistory, Load, Rating,
    WellbeingCheck, WELLBEING_QUESTION,
};
use crate::core::entry::long_date;
use crate::core::ids::EntryId;
use crate::core::tags::{Embeddedness, EmbeddednessConcept};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, HEADING_ID};
use crate::ui::forms::{item, Choice, Problems, Radios, TextField};
use crate::ui::pages::not_found::EntryNotFound;
use crate::ui::state::{use_app_state, Flash};

const CHECK_IN_PATH: &str = "/check-in";

/// Rating values as form strings, so a radio's value can be a `&'static str`.
const RATING_VALUES: [&str; 5] = ["1", "2", "3", "4", "5"];

/// A page's problems from the core's field errors, each linked to its field.
fn show_fields(problems: Problems, found: Vec<CheckInError>) {
    problems.show(
        found
            .iter()
            .map(|e| item(e.field().html_id(), e.to_string()))
            .collect(),
        Vec::new(),
    );
}

/// What is safe after a failed save of a check-in or an answer.
const ANSWERS_SAFE: &str = "Your answers are still here on this page and have not been lost.";

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
    let earlier_notes = existing.map(|c| c.notes).unwrap_or_default();
    let notes_open = !earlier_notes.is_empty();
    // One text per concept, in the order of `EmbeddednessConcept::ALL`.
    let notes = EmbeddednessConcept::ALL
        .map(|concept| RwSignal::new(earlier_notes.get(&concept).cloned().unwrap_or_default()));
    let notes_open = RwSignal::new(notes_open);
    let errors = Problems::new(Signal::stored("Embeddedness check-in".to_owned()));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let written = EmbeddednessConcept::ALL
            .into_iter()
            .zip(notes)
            .map(|(concept, text)| (concept, text.get_untracked()))
            .collect();
        let parsed = EmbeddednessCheckIn::parse(today, &rating.get_untracked(), &written);
        let check_in = match parsed {
            Ok(check_in) => check_in,
            Err(found) => {
                if found
                    .iter()
                    .any(|e| matches!(e.field(), CheckInField::Note(_)))
                {
                    notes_open.set(true);
                }
                show_fields(errors, found);
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
            Err(e) => errors.storage_kept(
                CheckInField::Embeddedness.html_id(),
                "Your check-in",
                &e,
                ANSWERS_SAFE,
            ),
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
        .zip(notes)
        .map(|(concept, text)| {
            view! {
                <TextField id=CheckInField::Note(concept).html_id() value=text errors=errors rows=3
                    label=concept.label() label_class="nhsuk-label nhsuk-label--s"
                    hint=concept.definition()/>
            }
        })
        .collect_view();

    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        <FlashBanner/>
        {errors.summary()}
        <PageHeading text="Embeddedness check-in"/>
        <CheckInDue here=true/>
        <p>"How much do you feel part of the practice you work in? Research with link workers describes a continuum, from bolted on, through fitting in, to belonging. Checking in now and then shows how that changes over time, and what to bring to supervision."</p>
        <form novalidate on:submit=on_submit>
            <Radios
                name=CheckInField::Embeddedness.html_id()
                legend="Where do you feel you are?"
                hint=rating_hint
                choices=choices
                value=rating
                errors=errors
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
    let params = crate::ui::route::params();
    let navigate = use_navigate();
    move || {
        let id = params.id.as_deref().and_then(EntryId::parse);
        let Some(id) = id.filter(|id| state.journal().with_untracked(|j| j.get(id).is_some()))
        else {
            return view! { <EntryNotFound/> }.into_any();
        };
        let earlier = state
            .wellbeing()
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
        let errors = Problems::new(Signal::stored(WELLBEING_QUESTION.to_owned()));
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
                    Err(found) => return show_fields(errors, found),
                };
                let mut log = state.wellbeing().get_untracked();
                log.record(check);
                match state.save_wellbeing(log) {
                    Ok(()) => {
                        state.flash.set(Some(Flash {
                            message: "Thank you. Your answer is kept on this device.".to_owned(),
                            on: entry_path.clone(),
                        }));
                        navigate(&entry_path, NavigateOptions::default());
                    }
                    Err(e) => errors.storage_kept(
                        CheckInField::Rating.html_id(),
                        "Your answer",
                        &e,
                        ANSWERS_SAFE,
                    ),
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
            {errors.summary()}
            <PageHeading text=WELLBEING_QUESTION/>
            <p>"This is optional and takes a moment. Your answer stays on this device. Over time it shows how the work is affecting you, which you can bring to supervision."</p>
            <form novalidate on:submit=on_submit>
                <Radios
                    name=CheckInField::Rating.html_id()
                    legend="How are you feeling now?"
                    choices=ratings
                    value=rating
                    errors=errors
                />
                <Radios
                    name=CheckInField::Load.html_id()
                    legend="How heavy was the emotional load? (optional)"
                    hint="How much carrying this session took out of you."
                    choices=loads
                    value=load
                    errors=errors
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
    let check = Memo::new(move |_| state.wellbeing().with(|log| log.for_entry(&entry).cloned()));
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
