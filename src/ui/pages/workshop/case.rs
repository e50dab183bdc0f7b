//! `/workshop/cases/:id` and `/workshop/cases/:id/compare`: one fictional case to read,
//! with the way into the ordinary editor for the trainee's reflection; then, once the
//! trainee says which of their practice reflections is about it, the facilitator's
//! perspective and their tags set against the suggested ones (in both, only yours, only
//! suggested), with the questions to discuss. The comparison is the core's
//! [`compare`]; the facilitator's notes stay hidden until the trainee asks for them, so
//! the reflection is their own.

use chrono::Local;
use leptos::prelude::*;

use super::{not_in_workshop, WORKSHOP_PATH};
use crate::core::entry::list_heading;
use crate::core::ids::{EntryId, TagId};
use crate::core::workshop::{compare, vignette, Vignette, VIGNETTES};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::forms::{choice, choice_id, question, ChoiceKind, Problems, Question};
use crate::ui::state::{use_app_state, AppState};
use crate::ui::workshop_banner::Exercise;

const REFLECTION_ID: &str = "workshop-reflection";

/// The case named in the address, in a workshop tab; or the page that says why not.
fn case_from_url(state: AppState) -> Result<&'static Vignette, AnyView> {
    if !state.in_workshop() {
        return Err(not_in_workshop());
    }
    let id = crate::ui::route::params().id.unwrap_or_default();
    let Some(case) = vignette(&id) else {
        browser::set_title("Case not found", false);
        return Err(view! {
            <PageHeading text="Case not found"/>
            <p>"There is no workshop case at this address. Check it, or choose a case from the list."</p>
            <p><a href=WORKSHOP_PATH>"Go to the workshop cases"</a></p>
        }
        .into_any());
    };
    // The banner links back here from the editor and the saved reflection.
    if let Some(exercise) = use_context::<Exercise>() {
        exercise.0.set(Some((
            format!("{WORKSHOP_PATH}/cases/{}", case.id),
            case.title.to_owned(),
        )));
    }
    Ok(case)
}

fn paragraphs(text: &'static [&'static str]) -> impl IntoView {
    text.iter().map(|p| view! { <p>{*p}</p> }).collect_view()
}

/// "Case 3 of 11", above the case's title.
fn caption(case: &Vignette) -> String {
    let n = VIGNETTES.iter().position(|v| v.id == case.id).unwrap_or(0) + 1;
    format!("Case {n} of {}", VIGNETTES.len())
}

/// `/workshop/cases/:id`: the case, then the next two steps.
#[component]
pub fn CasePage() -> impl IntoView {
    let state = use_app_state();
    let case = match case_from_url(state) {
        Ok(case) => case,
        Err(page) => return page,
    };
    browser::set_title(case.title, false);
    view! {
        <a class="nhsuk-back-link" href=WORKSHOP_PATH>"Back to the workshop cases"</a>
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{caption(case)}</p>
        <PageHeading text=case.title/>
        <h2 class="nhsuk-heading-m">"Step 1: read the case"</h2>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"The case: "</span>
            {paragraphs(case.story)}
        </div>
        <h2 class="nhsuk-heading-m">"Step 2: write your reflection"</h2>
        <p>"Write about this case as if it had been your own day. Choose any template, or write freely, and tag it as you would your own reflection. Leave names out, as you would in a real journal."</p>
        <a class="nhsuk-button" href="/write" role="button" draggable="false">"Write your reflection"</a>
        <h2 class="nhsuk-heading-m">"Step 3: compare with the facilitator"</h2>
        <p>"Once you have saved your reflection, see what the facilitator would bring to the discussion, and how your tags compare with the suggested ones."</p>
        <p><a href=format!("{WORKSHOP_PATH}/cases/{}/compare", case.id)>"Compare with the facilitator’s perspective"</a></p>
    }
    .into_any()
}

/// `/workshop/cases/:id/compare`: choose the reflection, then see the comparison.
#[component]
pub fn ComparePage() -> impl IntoView {
    let state = use_app_state();
    let case = match case_from_url(state) {
        Ok(case) => case,
        Err(page) => return page,
    };
    let heading = format!("Compare: {}", case.title);
    let problems = Problems::new(Signal::stored(heading.clone()));
    let chosen = RwSignal::new(None::<EntryId>);
    let revealed = RwSignal::new(None::<EntryId>);
    let case_href = format!("{WORKSHOP_PATH}/cases/{}", case.id);

    // The workshop's reflections, newest first: label, hint and id.
    let reflections: Vec<(String, String, EntryId)> = state.journal().with_untracked(|j| {
        j.newest_first()
            .map(|e| {
                let written = e.written_at.with_timezone(&Local).naive_local();
                (
                    e.preview(80),
                    list_heading(e.about, written, true),
                    e.id.clone(),
                )
            })
            .collect()
    });
    if reflections.is_empty() {
        return view! {
            <a class="nhsuk-back-link" href=case_href>"Back to the case"</a>
            <PageHeading text=heading/>
            <p>"There are no practice reflections in this workshop yet. Write your reflection about the case first, then come back here to compare."</p>
            <a class="nhsuk-button" href="/write" role="button" draggable="false">"Write your reflection"</a>
        }
        .into_any();
    }

    let reveal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(id) => {
                problems.clear();
                revealed.set(Some(id));
                browser::focus_id("facilitator");
            }
            None => problems.one(
                REFLECTION_ID,
                "Select the reflection you wrote about this case".to_owned(),
            ),
        }
    };
    let options = reflections
        .into_iter()
        .enumerate()
        .map(|(i, (label, hint, id))| {
            let checked = {
                let id = id.clone();
                Signal::derive(move || chosen.read().as_ref() == Some(&id))
            };
            let pick = Callback::new(move |on: bool| {
                if on {
                    chosen.set(Some(id.clone()));
                }
            });
            choice(
                ChoiceKind::Radio,
                REFLECTION_ID,
                choice_id(REFLECTION_ID, i, &i),
                label,
                Some(hint),
                checked,
                pick,
            )
        })
        .collect_view();
    let form = question(Question {
        base: REFLECTION_ID.to_owned(),
        legend: "Which reflection did you write about this case?".to_owned(),
        legend_class: "nhsuk-fieldset__legend nhsuk-fieldset__legend--s",
        hint: Some("Your practice reflections in this workshop, newest first.".to_owned()),
        error: problems.message_for(REFLECTION_ID),
        container: "nhsuk-radios",
        inputs: options.into_any(),
    });

    view! {
        <a class="nhsuk-back-link" href=case_href>"Back to the case"</a>
        {problems.summary()}
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{caption(case)}</p>
        <PageHeading text=heading/>
        <form novalidate on:submit=reveal>
            {form}
            <button class="nhsuk-button" type="submit">"Reveal the facilitator’s perspective"</button>
        </form>
        {move || revealed.get().map(|id| perspective(state, case, &id))}
    }
    .into_any()
}

/// The facilitator's notes, the tag comparison for reflection `id`, and the questions.
fn perspective(state: AppState, case: &'static Vignette, id: &EntryId) -> AnyView {
    let yours = state
        .journal()
        .with_untracked(|j| j.get(id).map(|e| e.tags.clone()))
        .unwrap_or_default();
    let result = compare(&yours, &case.suggested_ids());
    let findings = case
        .findings()
        .into_iter()
        .map(|f| view! { <li>{f.label()}</li> })
        .collect_view();
    let rows = [
        ("In both", result.both, "None of your tags were suggested."),
        (
            "Only yours",
            result.only_yours,
            "You chose no tags beyond the suggested ones.",
        ),
        (
            "Only suggested",
            result.only_suggested,
            "You chose every suggested tag.",
        ),
    ]
    .into_iter()
    .map(|(key, tags, none)| {
        let value = if tags.is_empty() {
            view! { <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">{none}</p> }.into_any()
        } else {
            let items = tags
                .iter()
                .map(|t| view! { <li>{tag_name(state, t)}</li> })
                .collect_view();
            view! { <ul class="nhsuk-list nhsuk-u-margin-bottom-0">{items}</ul> }.into_any()
        };
        view! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{key}</dt>
                <dd class="nhsuk-summary-list__value">{value}</dd>
            </div>
        }
    })
    .collect_view();
    let questions = case
        .questions
        .iter()
        .map(|q| view! { <li>{*q}</li> })
        .collect_view();
    view! {
        <section class="app-facilitator" aria-labelledby="facilitator">
            <h2 class="nhsuk-heading-m" id="facilitator" tabindex="-1">"The facilitator’s perspective"</h2>
            {paragraphs(case.facilitator_notes)}
            <h3 class="nhsuk-heading-s">"What this case is about"</h3>
            <ul class="nhsuk-list nhsuk-list--bullet">{findings}</ul>
        </section>
        <h2 class="nhsuk-heading-m" id="comparison">"Your tags and the suggested tags"</h2>
        <p>"A tag you chose that was not suggested is not a wrong answer: it is something to talk about."</p>
        <dl class="nhsuk-summary-list">{rows}</dl>
        <h2 class="nhsuk-heading-m">"Questions to discuss"</h2>
        <ol class="nhsuk-list nhsuk-list--number">{questions}</ol>
        <p><a href=WORKSHOP_PATH>"Choose another case"</a></p>
    }
    .into_any()
}

/// A tag as the tag picker names it: "micro-discretion: with a patient", or the
/// trainee's own tag's name.
fn tag_name(state: AppState, id: &TagId) -> String {
    if let Some(builtin) = id.builtin() {
        return builtin.full_label();
    }
    state.vocabulary.with_untracked(|v| {
        v.get(id)
            .map_or_else(|| id.to_string(), |t| t.label().to_owned())
    })
}
