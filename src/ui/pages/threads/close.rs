//! `/threads/:id/close`: how the holding ended (an outcome) and when.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{form_top, read_date, thread_error, thread_path, today_parts};
use crate::core::threads::{HoldingThread, Outcome, ThreadField};
use crate::ui::forms::{
    choice, choice_id, date_input, fieldset, item, ChoiceKind, DateError, Problems,
};
use crate::ui::state::{AppState, Flash};

const OUTCOME_ID: &str = "thread-outcome";

/// How the holding ended, and when.
pub(super) fn close_form(state: AppState, t: HoldingThread) -> AnyView {
    let navigate = use_navigate();
    let problems = Problems::new(Signal::stored("Close holding thread".to_owned()));
    let outcome = RwSignal::new(None::<Outcome>);
    let parts = RwSignal::new(today_parts());
    let date_error = RwSignal::new(None::<DateError>);
    let id = t.id.clone();
    let path = thread_path(&id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problems.clear();
        let mut items = Vec::new();
        let chosen = outcome.get_untracked();
        if chosen.is_none() {
            items.push(item(OUTCOME_ID, "Select how the holding ended".to_owned()));
        }
        let on = read_date(
            ThreadField::ClosedOn.html_id(),
            parts,
            date_error,
            "Enter the date the thread closed",
        )
        .map_err(|e| items.push(e))
        .ok();
        let (Some(chosen), Some(on)) = (chosen, on) else {
            problems.show(items, Vec::new());
            return;
        };
        let mut threads = state.threads.get_untracked();
        if let Err(e) = threads.close(&id, on, chosen) {
            if e.field() == Some(ThreadField::ClosedOn) {
                date_error.set(Some(DateError {
                    message: e.to_string(),
                    marked: [true; 3],
                }));
            }
            return thread_error(problems, &e, "close-button");
        }
        match state.save_threads(threads) {
            Ok(()) => {
                let to = thread_path(&id);
                state.flash.set(Some(Flash {
                    message: format!("Thread closed: {}", chosen.label()),
                    on: to.clone(),
                }));
                navigate(&to, NavigateOptions::default());
            }
            Err(e) => problems.storage("close-button", "Closing the thread", &e),
        }
    };
    let radios = Outcome::ALL
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            choice(
                ChoiceKind::Radio,
                "outcome",
                choice_id(OUTCOME_ID, i, &o.id()),
                o.label().to_owned(),
                Some(o.definition().to_owned()),
                Signal::derive(move || outcome.get() == Some(o)),
                Callback::new(move |_| outcome.set(Some(o))),
            )
        })
        .collect::<Vec<_>>();
    view! {
        {form_top(path.clone(), problems, format!("Close the thread for {}", t.pseudonym))}
        <form novalidate on:submit=on_submit>
            {fieldset(OUTCOME_ID, "How did the holding end?", None, problems.message_for(OUTCOME_ID),
                ChoiceKind::Radio.group(), radios.into_any())}
            {date_input(ThreadField::ClosedOn.html_id(), "When did the thread close?",
                "Today unless it ended on an earlier day, for example, 23 11 2026.", parts, date_error.into())}
            <div class="app-form-actions">
                <button class="nhsuk-button" type="submit" id="close-button">"Close thread"</button>
                <p><a href=path>"Cancel"</a></p>
            </div>
        </form>
    }
    .into_any()
}
