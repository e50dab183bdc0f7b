//! `/threads/:id/delete`: a second, deliberate step before deleting a thread. Its linked
//! reflections stay in the journal.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{form_top, thread_error, thread_path};
use crate::core::entry::long_date;
use crate::core::plural;
use crate::core::threads::HoldingThread;
use crate::ui::forms::Problems;
use crate::ui::state::{AppState, Flash};

/// A second, deliberate step before deleting a thread. The reflections stay.
pub(super) fn delete_confirmation(state: AppState, t: HoldingThread) -> AnyView {
    let navigate = use_navigate();
    let problems = Problems::new(Signal::stored("Delete holding thread".to_owned()));
    let id = t.id.clone();
    let path = thread_path(&id);
    let delete = move |_| {
        problems.clear();
        let mut threads = state.threads.get_untracked();
        if let Err(e) = threads.delete(&id) {
            return thread_error(problems, &e, "delete-button");
        }
        match state.save_threads(threads) {
            Ok(()) => {
                state.flash.set(Some(Flash {
                    message: "Holding thread deleted".to_owned(),
                    on: "/threads".to_owned(),
                }));
                navigate("/threads", NavigateOptions::default());
            }
            Err(e) => problems.storage("delete-button", "Deleting the thread", &e),
        }
    };
    let contacts = t.contacts();
    let stays = match contacts {
        0 => "No reflections are linked to it.".to_owned(),
        1 => "Its linked reflection stays in your journal: only the thread is deleted.".to_owned(),
        n => {
            format!("Its {n} linked reflections stay in your journal: only the thread is deleted.")
        }
    };
    view! {
        {form_top(path.clone(), problems, "Are you sure you want to delete this holding thread?".to_owned())}
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p><strong>{t.pseudonym.to_string()}</strong></p>
            <p>{format!("Opened {}. {}.", long_date(t.opened), plural(contacts, "contact", "contacts"))}</p>
        </div>
        <p>{stays}</p>
        <p>"You cannot undo this."</p>
        <button id="delete-button" type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete>
            "Yes, delete it"
        </button>
        <p><a href=path>"No, keep it"</a></p>
    }
    .into_any()
}
