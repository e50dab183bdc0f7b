//! `/summary`, the first page: the weeks to cover, which reflections' words to include,
//! and what the worker wants to bring to supervision. "Continue" scans the chosen words
//! once (`Review::new`) and opens the review.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{with_data, SummaryFlow, BRING_ID, INCLUDE_ID, PREVIEW_CHARS, REVIEW_PATH};
use crate::core::entry::long_date;
use crate::core::ids::EntryId;
use crate::core::summary::{text_withheld, Decisions, Review, SummaryField};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::forms::{
    choice, choice_id, date_input, described_by, fieldset, group_class, inline_error, item,
    ChoiceKind, DateError, Problems,
};
use crate::ui::state::use_app_state;

/// A reflection the form offers to include, oldest first as the summary numbers them.
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    id: EntryId,
    day: String,
    preview: String,
    withheld: bool,
}

/// `/summary`.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let state = use_app_state();
    let flow = SummaryFlow::get();
    let navigate = use_navigate();
    let problems = Problems::new(Signal::stored("Create a supervision summary".to_owned()));
    let from_error = RwSignal::new(None::<DateError>);
    let to_error = RwSignal::new(None::<DateError>);

    // The reflections in the weeks as typed so far, for the checkboxes. Only the dates
    // count here: ticking a box or typing the bring text redraws nothing, and a bring
    // text that is too long does not hide the reflections.
    let offers = Memo::new(move |_| {
        let period = flow.dates().validate(browser::today()).ok()?.period();
        Some(state.journal().with(|j| {
            j.entries_between(period.start(), period.end())
                .rev()
                .map(|e| Offer {
                    id: e.id.clone(),
                    day: long_date(e.about),
                    preview: e.preview(PREVIEW_CHARS),
                    withheld: text_withheld(e),
                })
                .collect::<Vec<_>>()
        }))
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problems.clear();
        from_error.set(None);
        to_error.set(None);
        let form = flow.form();
        let mut request = match form.validate(browser::today()) {
            Ok(request) => request,
            Err(errors) => {
                use SummaryField as F;
                for e in &errors {
                    let (parts, error) =
                        if [F::FromDay, F::FromMonth, F::FromYear].contains(&e.field) {
                            ([F::FromDay, F::FromMonth, F::FromYear], from_error)
                        } else if [F::ToDay, F::ToMonth, F::ToYear].contains(&e.field) {
                            ([F::ToDay, F::ToMonth, F::ToYear], to_error)
                        } else {
                            continue;
                        };
                    error.set(Some(DateError {
                        message: e.message.clone(),
                        marked: parts.map(|p| e.highlights.contains(&p)),
                    }));
                }
                let items = errors
                    .iter()
                    .map(|e| item(e.field.html_id(), e.message.clone()))
                    .collect();
                return problems.show(items, Vec::new());
            }
        };
        // Ticks left over from other weeks the worker looked at do not count.
        let period = request.period();
        request.include_text.retain(|id| {
            state
                .journal()
                .with_untracked(|j| j.get(id).is_some_and(|e| period.contains(e.about)))
        });
        // Marks around the scan let the browser benchmark time it without a timed test.
        browser::mark("anchorpoint:review-start");
        let review = with_data(state, |data| Review::new(&request, data));
        browser::mark("anchorpoint:review-end");
        // Words the worker chose to redact still apply after "Change"; choices to show a
        // redaction as written do not, because the texts may differ now.
        let mut decisions = Decisions::default();
        for phrase in flow.decisions.get_untracked().phrases {
            let _ = review.add_phrase(&mut decisions, &phrase);
        }
        flow.review.set(Some(Arc::new(review)));
        flow.decisions.set(decisions);
        flow.exported.set(None);
        navigate(REVIEW_PATH, NavigateOptions::default());
    };

    let select_all = move |_| {
        let all = offers.with_untracked(|o| {
            o.iter()
                .flatten()
                .filter(|o| !o.withheld)
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        });
        flow.include.set(all);
    };
    let reflections = move || {
        match offers.get() {
        None => view! {
            <p id=INCLUDE_ID>"Enter the start and end dates to choose reflections."</p>
        }
        .into_any(),
        Some(offers) if offers.is_empty() => view! {
            <p id=INCLUDE_ID>"There are no reflections in these weeks. The summary can still show your check-ins and holding threads."</p>
        }
        .into_any(),
        Some(offers) => {
            let count = offers.iter().filter(|o| !o.withheld).count();
            let boxes = offers
                .into_iter()
                .enumerate()
                .map(|(i, offer)| {
                    let id = choice_id(INCLUDE_ID, i, &offer.id);
                    let hint = if offer.withheld {
                        format!("{} Tagged escalate elsewhere: it is counted, and its words are never included.", offer.preview)
                    } else {
                        offer.preview
                    };
                    let entry = offer.id;
                    let checked = {
                        let entry = entry.clone();
                        Signal::derive(move || flow.include.read().contains(&entry))
                    };
                    let toggle = Callback::new(move |on: bool| {
                        flow.include.update(|list| {
                            list.retain(|e| *e != entry);
                            if on {
                                list.push(entry.clone());
                            }
                        });
                    });
                    choice(ChoiceKind::Checkbox, INCLUDE_ID, id, offer.day, Some(hint), checked, toggle)
                })
                .collect_view();
            view! {
                {fieldset(
                    INCLUDE_ID,
                    "Which reflections’ words do you want to include? (optional)",
                    Some("Their words are anonymised and you check every redaction on the next page. Tags and counts from all the reflections in these weeks are always included."),
                    Signal::stored(None),
                    ChoiceKind::Checkbox.group(),
                    boxes.into_any(),
                )}
                {(count > 1).then(|| view! {
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=select_all>
                        {format!("Include all {count} reflections")}
                    </button>
                })}
            }
            .into_any()
        }
    }
    };

    let bring_error = problems.message_for(BRING_ID);
    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        {problems.summary()}
        <PageHeading text="Create a supervision summary"/>
        <p>"A summary for supervision, set out by Proctor’s three functions: normative (judgement calls and boundaries to discuss), formative (learning and actions) and restorative (your wellbeing, holding load and how embedded you feel)."</p>
        <p>"Anchorpoint removes names and other identifiers, and you check every redaction before anything is saved to a file. Nothing is sent anywhere."</p>
        <form novalidate on:submit=on_submit>
            {date_input("from", "Start date", "The summary starts on the Monday of this week. For example, 2 11 2026.", flow.from, from_error.into())}
            {date_input("to", "End date", "The summary ends on the Sunday of this week. For example, 29 11 2026.", flow.to, to_error.into())}
            {reflections}
            <div class=group_class(bring_error)>
                <label class="nhsuk-label nhsuk-label--s" for=BRING_ID>"What I want to bring to supervision (optional)"</label>
                <div class="nhsuk-hint" id="bring-hint">"Anything you want to talk about: a case that stays with you, a boundary you are unsure of, support you need. This is anonymised too."</div>
                {inline_error("bring-error".to_owned(), bring_error)}
                <textarea class=move || if bring_error.read().is_some() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                    id=BRING_ID name=BRING_ID rows="5"
                    aria-describedby=described_by(Some("bring-hint".to_owned()), "bring-error".to_owned(), bring_error)
                    prop:value=move || flow.bring.get()
                    on:input=move |ev| flow.bring.set(event_target_value(&ev))></textarea>
            </div>
            <button class="nhsuk-button" type="submit">"Continue"</button>
        </form>
    }
}
