//! The delete confirmation page. Deleting cannot be undone, so it always takes a second,
//! deliberate step.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::entry::long_date;
use crate::core::ids::EntryId;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, PageHeading, SummaryItem, ERROR_SUMMARY_ID};
use crate::ui::pages::not_found::EntryNotFound;
use crate::ui::state::{use_app_state, Flash};

#[component]
pub fn DeletePage() -> impl IntoView {
    let state = use_app_state();
    let params = crate::ui::route::params();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<(String, Vec<String>)>);
    move || {
        let id = params.id.as_deref().and_then(EntryId::parse);
        let entry = id.and_then(|id| state.journal().with_untracked(|j| j.get(&id).cloned()));
        let Some(entry) = entry else {
            return view! { <EntryNotFound/> }.into_any();
        };
        Effect::new(move |_| browser::set_title("Delete reflection", error.read().is_some()));
        let id = entry.id.clone();
        let navigate = navigate.clone();
        let delete = move |_| match state.delete(&id) {
            Ok(()) => {
                state.flash.set(Some(Flash {
                    message: "Reflection deleted".to_owned(),
                    on: "/".to_owned(),
                }));
                navigate("/", NavigateOptions::default());
            }
            Err(e) => {
                error.set(Some((
                    format!("The reflection could not be deleted because {e}"),
                    vec![
                        "It is still in your journal.".to_owned(),
                        "Reload the page and try again.".to_owned(),
                    ],
                )));
                browser::focus_id(ERROR_SUMMARY_ID);
            }
        };
        let items = Signal::derive(move || {
            error
                .get()
                .map(|(message, _)| {
                    vec![SummaryItem {
                        target: "delete-button".into(),
                        message,
                    }]
                })
                .unwrap_or_default()
        });
        let detail = Signal::derive(move || error.get().map(|(_, d)| d).unwrap_or_default());
        view! {
            <a class="nhsuk-back-link" href=format!("/entries/{}", entry.id)>"Back"</a>
            <ErrorSummary items=items detail=detail/>
            <PageHeading text="Are you sure you want to delete this reflection?"/>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p><strong>{format!("Reflection about {}", long_date(entry.about))}</strong></p>
                <p>{entry.preview(200)}</p>
            </div>
            <p>"You cannot undo this. The reflection will be removed from this browser's storage."</p>
            <button id="delete-button" type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete>
                "Yes, delete it"
            </button>
            <p><a href=format!("/entries/{}", entry.id)>"No, keep it"</a></p>
        }
        .into_any()
    }
}
