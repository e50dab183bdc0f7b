//! `/supervisor/prompts`: discussion prompts drawn from the open summaries, grouped by
//! Proctor's three functions of supervision.

use leptos::prelude::*;

use super::{space, NothingOpen, SectionNav};
use crate::core::supervisor::prompts::prompts;
use crate::ui::browser;
use crate::ui::components::PageHeading;

/// The prompts, one section per function; `level` is the heading level of each.
pub fn prompts_view() -> AnyView {
    space().with(|lib| {
        let grouped = prompts(&lib.workers());
        grouped
            .into_iter()
            .map(|(function, list)| {
                let items = if list.is_empty() {
                    view! { <p>"Nothing in the summaries open points here."</p> }.into_any()
                } else {
                    let items = list
                        .into_iter()
                        .map(|p| view! { <li><strong>{p.worker}": "</strong>{p.text}</li> })
                        .collect_view();
                    view! { <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul> }.into_any()
                };
                view! {
                    <section aria-labelledby=format!("prompts-{}", function.id())>
                        <h2 class="nhsuk-heading-m" id=format!("prompts-{}", function.id())>{function.title()}</h2>
                        <p class="nhsuk-body-s">{function.about()}</p>
                        {items}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    })
}

#[component]
pub fn PromptsPage() -> impl IntoView {
    browser::set_title("Discussion prompts", false);
    let library = space();
    let body = move || {
        if library.with(|l| l.is_empty()) {
            view! { <NothingOpen/> }.into_any()
        } else {
            view! {
                <p>"Questions to open a conversation, drawn from what the summaries contain. They are starting points, not judgements."</p>
                {prompts_view()}
            }
            .into_any()
        }
    };
    view! {
        <PageHeading text="Discussion prompts"/>
        <SectionNav current="/supervisor/prompts"/>
        {body}
    }
}
