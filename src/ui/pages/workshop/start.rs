//! `/workshop`: outside a workshop, what workshop mode is, what it keeps apart, and a
//! button that starts one in this tab; inside one, the cases to work on, how an
//! exercise goes, the practice supervision summary and how to end the workshop.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::WORKSHOP_PATH;
use crate::core::workshop::VIGNETTES;
use crate::storage::{set_tab_flag, TabFlag};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::forms::{item, Problems};
use crate::ui::state::use_app_state;

const START_ID: &str = "start-workshop";

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let state = use_app_state();
    if state.in_workshop() {
        in_workshop().into_any()
    } else {
        start().into_any()
    }
}

/// The page before a workshop: it explains, then starts one on request.
fn start() -> impl IntoView {
    let problems = Problems::new(Signal::stored("Run a workshop".to_owned()));
    let ended = use_query_map().with_untracked(|q| q.get("ended").is_some());
    let begin = move |_| match set_tab_flag(TabFlag::Workshop, true) {
        // A fresh start, so the app's one store is the workshop's from the first read.
        Ok(()) => browser::restart_at(WORKSHOP_PATH),
        Err(e) => problems.show(
            vec![item(
                START_ID,
                format!("The workshop could not be started because {e}"),
            )],
            vec![
                "Nothing has changed: this tab still shows the journal.".to_owned(),
                e.what_to_do().to_owned(),
            ],
        ),
    };
    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        {problems.summary()}
        {ended.then(|| view! {
            <div class="nhsuk-notification-banner nhsuk-notification-banner--success"
                role="alert" aria-labelledby="workshop-ended-title">
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="workshop-ended-title">"Success"</h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading">"The workshop has ended"</p>
                    <p>"Its practice work has been deleted from this browser. The real journal was not touched."</p>
                </div>
            </div>
        })}
        <PageHeading text="Run a workshop"/>
        <p>"Workshop mode is for trainers running an induction session for new link workers, on a shared laptop, with fictional cases."</p>
        <p>"Trainees read a case, write a practice reflection about it with a template of their choice, tag it, then compare their tags with the ones the facilitator suggests, with notes and questions to discuss. They can also make a practice supervision summary from their reflections, to learn how the redaction review works."</p>
        <h2 class="nhsuk-heading-m">"What stays apart"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>"Practice reflections, tags, templates and settings are kept in a workshop space of their own on this device."</li>
            <li>"The real journal on this device is not opened, read or changed. If it is locked, it stays locked."</li>
            <li>"Only this tab is in the workshop. Other tabs and windows keep showing the real journal."</li>
            <li>"Reloading this tab keeps it in the workshop. Closing it leaves the workshop, but its practice work stays on this device until someone ends a workshop."</li>
            <li>"“End workshop” deletes every piece of practice work, after asking you to confirm."</li>
        </ul>
        <div class="nhsuk-warning-callout">
            <h3 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Fictional cases only"</span>
            </h3>
            <p>"Use the cases here or ones you have made up. Never bring a real person’s details into a workshop."</p>
        </div>
        <button class="nhsuk-button" type="button" id=START_ID on:click=begin>"Start a workshop in this tab"</button>
    }
}

/// The workshop's own start: its cases and what to do with them.
fn in_workshop() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Workshop", false);
    let written = move || state.journal().with(|j| j.len());
    let cases = VIGNETTES
        .iter()
        .map(|v| {
            view! {
                <li>
                    <a href=format!("{WORKSHOP_PATH}/cases/{}", v.id)>{v.title}</a>
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">{v.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeading text="Workshop"/>
        <p>"Choose a case to work on. Every case is fictional."</p>
        <h2 class="nhsuk-heading-m">"How an exercise goes"</h2>
        <ol class="nhsuk-list nhsuk-list--number">
            <li>"Read the case."</li>
            <li>"Write a reflection about it as if it were your own day, with a template of your choice, and tag it. Anchorpoint suggests tags from what you write, as it does in a real journal."</li>
            <li>"Reveal the facilitator’s perspective, and compare your tags with the ones suggested."</li>
        </ol>
        <h2 class="nhsuk-heading-m" id="cases">"Cases"</h2>
        <ul class="nhsuk-list" aria-labelledby="cases">{cases}</ul>
        <h2 class="nhsuk-heading-m">"Practice supervision summary"</h2>
        <p>{move || match written() {
            0 => "No practice reflections have been written in this workshop yet.".to_owned(),
            1 => "1 practice reflection has been written in this workshop.".to_owned(),
            n => format!("{n} practice reflections have been written in this workshop."),
        }}</p>
        <p>"Make a supervision summary from practice reflections to learn how Anchorpoint removes names and details, and how to check every redaction before anything leaves the device."</p>
        <p><a href="/summary">"Make a practice supervision summary"</a></p>
        <h2 class="nhsuk-heading-m">"When the workshop is over"</h2>
        <p>"Ending the workshop deletes all its practice work from this browser and returns this tab to the journal."</p>
        <p><a href=format!("{WORKSHOP_PATH}/end")>"End workshop"</a></p>
    }
}
