//! `/threads/:id`: one thread's summary, its linked reflections (oldest day first: the
//! story of the holding), the way to link recent ones, and to close, reopen or delete it.

use leptos::prelude::*;

use super::{tag_names, thread_error, thread_not_found, thread_path};
use crate::core::entry::long_date;
use crate::core::ids::{EntryId, ThreadId};
use crate::core::plural;
use crate::core::threads::{HoldingThread, ThreadError, Threads};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, HEADING_ID};
use crate::ui::forms::{choice, choice_id, fieldset, ChoiceKind, Problems};
use crate::ui::state::{use_app_state, AppState, Flash};

/// How much of each reflection the thread page shows.
const PREVIEW_CHARS: usize = 120;

/// How many unlinked reflections the thread page offers to link: the recent ones are the
/// likely contacts, and an older one can be linked from its own edit page.
const LINKABLE: usize = 20;

const LINK_ID: &str = "link-reflections";
const LINKED_HEADING: &str = "linked-heading";

/// `/threads/:id`: the thread's summary, its linked reflections and the way to link more.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let state = use_app_state();
    let params = crate::ui::route::params();
    let selected = RwSignal::new(Vec::<EntryId>::new());
    let thread = Memo::new(move |_| {
        let id = params.id.as_deref().and_then(ThreadId::parse)?;
        state.threads.with(|t| t.get(&id).cloned())
    });
    let problems = Problems::new(Signal::derive(move || {
        thread.with(|t| match t {
            Some(t) => format!("{} (holding thread)", t.pseudonym),
            None => "Holding thread not found".to_owned(),
        })
    }));
    move || match thread.get() {
        None => thread_not_found(),
        Some(t) => {
            // What was ticked belonged to the thread as it was (or to another thread).
            selected.set(Vec::new());
            thread_view(state, t, problems, selected)
        }
    }
}

/// Changes the stored threads with `change` and saves them; on success leaves `message`
/// on this page and moves focus to `focus`. Returns whether it was saved.
fn change_thread(
    state: AppState,
    problems: Problems,
    id: &ThreadId,
    change: &dyn Fn(&mut Threads) -> Result<(), ThreadError>,
    message: String,
    focus: &'static str,
) -> bool {
    problems.clear();
    let mut threads = state.threads.get_untracked();
    if let Err(e) = change(&mut threads) {
        thread_error(problems, &e, focus);
        return false;
    }
    match state.save_threads(threads) {
        Ok(()) => {
            state.flash.set(Some(Flash {
                message,
                on: thread_path(id),
            }));
            browser::focus_id(focus);
            true
        }
        Err(e) => {
            problems.storage(focus, "The change to this holding thread", &e);
            false
        }
    }
}

fn summary_row(
    key: &'static str,
    value: String,
    change: Option<(&str, &'static str)>,
) -> impl IntoView {
    let class = if change.is_some() {
        "nhsuk-summary-list__row"
    } else {
        "nhsuk-summary-list__row nhsuk-summary-list__row--no-actions"
    };
    let change = change.map(|(href, what)| {
        let href = href.to_owned();
        view! {
            <dd class="nhsuk-summary-list__actions">
                <a class="nhsuk-link" href=href>"Change"<span class="nhsuk-u-visually-hidden">{what}</span></a>
            </dd>
        }
    });
    view! {
        <div class=class>
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value">{value}</dd>
            {change}
        </div>
    }
}

fn thread_view(
    state: AppState,
    t: HoldingThread,
    problems: Problems,
    selected: RwSignal<Vec<EntryId>>,
) -> AnyView {
    let name = t.pseudonym.to_string();
    let id = StoredValue::new(t.id.clone());
    let path = thread_path(&t.id);
    let edit = format!("{path}/edit");
    let ran = t.duration(browser::today());
    let status = match t.closed {
        None => "Open".to_owned(),
        Some(c) => format!("Closed on {}: {}", long_date(c.on), c.outcome.label()),
    };

    // The linked reflections, oldest day first: the story of the holding. Any no longer
    // in the journal come last, so they can still be unlinked.
    let linked: Vec<(EntryId, Option<(chrono::NaiveDate, String)>)> =
        state.journal().with_untracked(|j| {
            let found = j
                .newest_first()
                .rev()
                .filter(|e| t.is_linked(&e.id))
                .map(|e| (e.id.clone(), Some((e.about, e.preview(PREVIEW_CHARS)))));
            let missing = t
                .entries
                .iter()
                .filter(|e| j.get(e).is_none())
                .map(|e| (e.clone(), None));
            found.chain(missing).collect()
        });
    let linked_view = if linked.is_empty() {
        view! { <p>"No reflections are linked to this thread yet."</p> }.into_any()
    } else {
        let items = linked
            .into_iter()
            .map(|(entry, found)| {
                let (day, preview) = match found {
                    Some((about, preview)) => (long_date(about), preview),
                    None => (
                        "A reflection not in your journal".to_owned(),
                        "It may have been deleted in another tab.".to_owned(),
                    ),
                };
                let hidden = format!(" the reflection about {day}");
                let href = format!("/entries/{entry}");
                let unlink = move |_| {
                    let tid = id.get_value();
                    change_thread(
                        state,
                        problems,
                        &tid,
                        &|all| all.unlink(&tid, &entry).map(|_| ()),
                        "Reflection unlinked".to_owned(),
                        LINKED_HEADING,
                    );
                };
                view! {
                    <li class="app-entry-list__item">
                        <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1"><a href=href>{day}</a></h3>
                        <p class="nhsuk-body-s app-entry-list__preview">{preview}</p>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=unlink>
                            "Unlink"<span class="nhsuk-u-visually-hidden">{hidden}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="nhsuk-list app-entry-list">{items}</ul> }.into_any()
    };

    // Reflections that could be linked: the most recent ones not linked yet.
    let candidates: Vec<(EntryId, String, String)> = state.journal().with_untracked(|j| {
        j.newest_first()
            .filter(|e| !t.is_linked(&e.id))
            .take(LINKABLE)
            .map(|e| (e.id.clone(), long_date(e.about), e.preview(PREVIEW_CHARS)))
            .collect()
    });
    let link_view = if candidates.is_empty() {
        if state.journal().with_untracked(|j| j.is_empty()) {
            view! { <p>"You have not written any reflections yet. " <a href="/write">"Write a reflection"</a></p> }.into_any()
        } else {
            view! { <p>"Your recent reflections are all linked to this thread."</p> }.into_any()
        }
    } else {
        let link = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen = selected.get_untracked();
            if chosen.is_empty() {
                problems.one(LINK_ID, "Select at least one reflection to link".to_owned());
                return;
            }
            let tid = id.get_value();
            let done = change_thread(
                state,
                problems,
                &tid,
                &|all| {
                    for entry in &chosen {
                        all.link(&tid, entry)?;
                    }
                    Ok(())
                },
                format!(
                    "{} linked",
                    plural(chosen.len(), "reflection", "reflections")
                ),
                LINKED_HEADING,
            );
            if done {
                selected.set(Vec::new());
            }
        };
        let boxes = candidates
            .into_iter()
            .enumerate()
            .map(|(i, (entry, day, preview))| {
                let toggle = entry.clone();
                choice(
                    ChoiceKind::Checkbox,
                    "link",
                    choice_id(LINK_ID, i, &entry),
                    day,
                    Some(preview),
                    Signal::derive(move || selected.with(|s| s.contains(&entry))),
                    Callback::new(move |on: bool| {
                        selected.update(|s| {
                            s.retain(|x| x != &toggle);
                            if on {
                                s.push(toggle.clone());
                            }
                        })
                    }),
                )
            })
            .collect::<Vec<_>>();
        view! {
            <form novalidate on:submit=link>
                {fieldset(LINK_ID, "Choose reflections to link to this thread",
                    Some("Your most recent reflections that are not linked to this thread yet. Each linked reflection counts as one contact."),
                    problems.message_for(LINK_ID), ChoiceKind::Checkbox.group(), boxes.into_any())}
                <button class="nhsuk-button nhsuk-button--secondary" type="submit">"Link selected reflections"</button>
            </form>
        }
        .into_any()
    };

    let close_or_reopen = if t.is_open() {
        view! {
            <a href=format!("{path}/close") role="button" draggable="false" class="nhsuk-button nhsuk-button--secondary">
                "Close this thread"
            </a>
        }
        .into_any()
    } else {
        let reopen = move |_| {
            let tid = id.get_value();
            change_thread(
                state,
                problems,
                &tid,
                &|all| all.reopen(&tid),
                "Thread reopened".to_owned(),
                HEADING_ID,
            );
        };
        view! {
            <button type="button" id="reopen-button" class="nhsuk-button nhsuk-button--secondary" on:click=reopen>
                "Reopen this thread"
            </button>
        }
        .into_any()
    };

    view! {
        <a class="nhsuk-back-link" href="/threads">"Back to holding threads"</a>
        <FlashBanner/>
        {problems.summary()}
        <PageHeading text=name.clone()/>
        <dl class="nhsuk-summary-list">
            {summary_row("Pseudonym", name, Some((&edit, " pseudonym")))}
            {summary_row("Opened", long_date(t.opened), None)}
            {summary_row("How long", format!("{} (supervision band: {})", ran.label(), ran.band().label()), None)}
            {summary_row("Contacts", t.contacts().to_string(), None)}
            {summary_row("Holding functions", tag_names(&t.functions), Some((&edit, " holding functions")))}
            {summary_row("Holding drivers", tag_names(&t.drivers), Some((&edit, " holding drivers")))}
            {summary_row("Status", status, None)}
        </dl>
        {close_or_reopen}
        <h2 class="nhsuk-heading-m" id=LINKED_HEADING tabindex="-1">"Linked reflections"</h2>
        {linked_view}
        <h2 class="nhsuk-heading-m">"Link reflections"</h2>
        {link_view}
        <p><a href=format!("{path}/delete")>"Delete this thread"</a></p>
    }
    .into_any()
}
