//! `/threads`: what a holding thread is, then the open threads and the closed ones, each
//! with its pseudonym, how long it has run, its contacts and its drivers.

use leptos::prelude::*;

use super::{tag_names, thread_path};
use crate::core::entry::long_date;
use crate::core::plural;
use crate::core::threads::HoldingThread;
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading};
use crate::ui::state::use_app_state;

/// `/threads`: what a holding thread is, the open threads and the closed ones.
#[component]
pub fn ThreadsPage() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Holding threads", false);
    let today = browser::today();
    let lists = move || {
        state.threads.with(|all| {
            if all.all().is_empty() {
                return view! {
                    <div class="app-empty-state">
                        <h2 class="nhsuk-heading-m">"No holding threads yet"</h2>
                        <p>"When you notice you are holding someone, open a thread for them. Use a pseudonym such as ‘Person A’, never a real name or initials."</p>
                    </div>
                }
                .into_any();
            }
            let listed = |open: bool| {
                let items: Vec<_> = all
                    .all()
                    .iter()
                    .filter(|t| t.is_open() == open)
                    .map(|t| thread_summary(t, today))
                    .collect();
                (!items.is_empty()).then(|| view! { <ul class="nhsuk-list app-entry-list">{items}</ul> })
            };
            let open = listed(true);
            let closed = listed(false);
            let no_open = open.is_none().then(|| view! { <p>"You have no open threads."</p> });
            view! {
                <section aria-labelledby="open-threads-heading">
                    <h2 class="nhsuk-heading-m" id="open-threads-heading">"Open threads"</h2>
                    {open}
                    {no_open}
                </section>
                {closed.map(|list| view! {
                    <section aria-labelledby="closed-threads-heading">
                        <h2 class="nhsuk-heading-m" id="closed-threads-heading">"Closed threads"</h2>
                        {list}
                    </section>
                })}
            }
            .into_any()
        })
    };
    view! {
        <FlashBanner/>
        <PageHeading text="Holding threads"/>
        <p>"Holding is when you become the support yourself for a while instead of connecting someone onward: keeping in touch while they wait for a service, sustaining them as they prepare for change, easing the load on clinicians, or bearing witness when there is nothing to fix. It is vital, but often overlooked."</p>
        <p>"A holding thread follows one person you are holding, under a pseudonym only you understand. Link your reflections to it and it shows how long the holding has run, how many contacts it has taken, and how it ended."</p>
        <a href="/threads/new" role="button" draggable="false" class="nhsuk-button">"Open a holding thread"</a>
        {lists}
    }
}

/// One thread in the list: its pseudonym, when it opened or how it ended, how long it
/// ran, its contacts and its drivers.
fn thread_summary(t: &HoldingThread, today: chrono::NaiveDate) -> impl IntoView {
    let ran = t.duration(today).label();
    let contacts = plural(t.contacts(), "contact", "contacts");
    let status = match t.closed {
        None => format!("Opened {} · {ran} · {contacts}", long_date(t.opened)),
        Some(c) => format!(
            "{}, closed {} after {ran} · {contacts}",
            c.outcome.label(),
            long_date(c.on)
        ),
    };
    let drivers =
        (!t.drivers.is_empty()).then(|| format!("Holding drivers: {}", tag_names(&t.drivers)));
    view! {
        <li class="app-entry-list__item">
            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <a href=thread_path(&t.id)>{t.pseudonym.to_string()}</a>
            </h3>
            <p class="nhsuk-body-s app-entry-list__preview">{status}</p>
            {drivers.map(|d| view! { <p class="nhsuk-body-s app-entry-list__preview">{d}</p> })}
        </li>
    }
}
