//! Holding threads: the list, opening and changing a thread, one thread with its linked
//! reflections, closing it with an outcome, and deleting it. A thread follows one person
//! the worker is holding, under a pseudonym they choose; a pseudonym that looks like a
//! real name is warned about and must be confirmed, never silently accepted nor refused,
//! because only the worker knows. The rules live in `core::threads`; these pages only
//! gather what was typed, show the core's GOV.UK-worded errors, and save through
//! `AppState::save_threads`, which stores first and changes nothing on failure.
//!
//! Every checkbox, radio, fieldset and date box here comes from the shared builders in
//! `ui::forms`, which keeps these six pages from weighing on the bundle.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::entry::{long_date, parse_date_input, Field};
use crate::core::ids::{EntryId, TagId, ThreadId};
use crate::core::plural;
use crate::core::tags::Family;
use crate::core::threads::{
    pseudonym_warnings, HoldingThread, Outcome, Pseudonym, ThreadError, ThreadField, Threads,
};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, SummaryItem, HEADING_ID};
use crate::ui::forms::{
    choice, choice_id, date_input, date_part_id, described_by, fieldset, group_class, inline_error,
    item, ChoiceKind, DateError, Problems,
};
use crate::ui::state::{use_app_state, AppState, Flash};

/// How much of each reflection the thread page shows.
const PREVIEW_CHARS: usize = 120;

/// How many unlinked reflections the thread page offers to link: the recent ones are the
/// likely contacts, and an older one can be linked from its own edit page.
const LINKABLE: usize = 20;

const PSEUDONYM_ID: &str = "thread-pseudonym";
const WARNING_ID: &str = "thread-warning";
const CONFIRM_ID: &str = "thread-confirm";
const SUBMIT_ID: &str = "thread-submit";
const OPENED_ID: &str = "thread-opened";
const OUTCOME_ID: &str = "thread-outcome";
const LINK_ID: &str = "link-reflections";
const LINKED_HEADING: &str = "linked-heading";

// ---------------------------------------------------------------------------------------
// Pieces shared by the pages
// ---------------------------------------------------------------------------------------

/// A thread the core refused: its error, on its field or on `fallback`.
fn thread_error(problems: Problems, e: &ThreadError, fallback: &'static str) {
    problems.one(
        e.field().map_or(fallback, ThreadField::html_id),
        e.to_string(),
    );
}

/// The built-in tags of one holding family as checkboxes, each with its definition.
fn holding_tags(family: Family, chosen: RwSignal<Vec<TagId>>, problems: Problems) -> impl IntoView {
    let (field, legend) = match family {
        Family::HoldingFunction => (ThreadField::Functions, "Holding functions (optional)"),
        _ => (ThreadField::Drivers, "Holding drivers (optional)"),
    };
    let base = field.html_id();
    let boxes = family
        .tags()
        .enumerate()
        .map(|(i, tag)| {
            let id = tag.tag_id();
            let toggle = id.clone();
            choice(
                ChoiceKind::Checkbox,
                base,
                choice_id(base, i, &tag.id),
                tag.label.to_owned(),
                Some(tag.definition.to_owned()),
                Signal::derive(move || chosen.with(|c| c.contains(&id))),
                Callback::new(move |on: bool| {
                    chosen.update(|c| {
                        c.retain(|t| t != &toggle);
                        if on {
                            c.push(toggle.clone());
                        }
                    })
                }),
            )
        })
        .collect::<Vec<_>>();
    fieldset(
        base,
        legend,
        Some(family.definition()),
        problems.message_for(base),
        ChoiceKind::Checkbox.group(),
        boxes.into_any(),
    )
}

/// Reads a date input; on a mistake, marks its boxes and returns the summary line.
fn read_date(
    base: &'static str,
    parts: RwSignal<[String; 3]>,
    error: RwSignal<Option<DateError>>,
    empty: &str,
) -> Result<chrono::NaiveDate, SummaryItem> {
    let result =
        parts.with_untracked(|[d, m, y]| parse_date_input(d, m, y, browser::today(), empty));
    error.set(result.as_ref().err().map(DateError::from));
    result.map_err(|e| {
        let part = match e.field {
            Field::AboutMonth => 1,
            Field::AboutYear => 2,
            _ => 0,
        };
        item(&date_part_id(base, part), e.message)
    })
}

fn today_parts() -> [String; 3] {
    use chrono::Datelike;
    let today = browser::today();
    [
        today.day().to_string(),
        today.month().to_string(),
        today.year().to_string(),
    ]
}

fn thread_path(id: &ThreadId) -> String {
    format!("/threads/{id}")
}

/// The names of a thread's functions or drivers, or "None chosen".
fn tag_names(tags: &[TagId]) -> String {
    let names: Vec<&str> = tags
        .iter()
        .filter_map(|t| t.builtin().map(|b| b.label))
        .collect();
    if names.is_empty() {
        "None chosen".to_owned()
    } else {
        names.join(", ")
    }
}

/// Shown for a thread that is not there (a bad address, or deleted in another tab).
fn thread_not_found() -> AnyView {
    browser::set_title("Holding thread not found", false);
    view! {
        <PageHeading text="Holding thread not found"/>
        <p>"This holding thread is not in this browser. It may have been deleted, perhaps in another tab."</p>
        <p><a href="/threads">"Go to your holding threads"</a></p>
    }
    .into_any()
}

/// The back link, error summary and heading every thread form starts with.
fn form_top(back: String, problems: Problems, heading: String) -> impl IntoView {
    view! {
        <a class="nhsuk-back-link" href=back>"Back"</a>
        {problems.summary()}
        <PageHeading text=heading/>
    }
}

// ---------------------------------------------------------------------------------------
// /threads
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// /threads/new and /threads/:id/edit
// ---------------------------------------------------------------------------------------

/// `/threads/new`: open a thread.
#[component]
pub fn NewThreadPage() -> impl IntoView {
    thread_form(None)
}

/// Opens a thread, or changes one's pseudonym, functions and drivers.
fn thread_form(thread: Option<HoldingThread>) -> AnyView {
    let state = use_app_state();
    let navigate = use_navigate();
    let is_new = thread.is_none();
    let (heading, submit, back) = match &thread {
        None => (
            "Open a holding thread",
            "Open thread",
            "/threads".to_owned(),
        ),
        Some(t) => ("Change holding thread", "Save changes", thread_path(&t.id)),
    };
    let original = StoredValue::new(thread.as_ref().map(|t| (t.id.clone(), t.pseudonym.clone())));
    let pseudonym = RwSignal::new(
        thread
            .as_ref()
            .map(|t| t.pseudonym.to_string())
            .unwrap_or_default(),
    );
    let functions = RwSignal::new(
        thread
            .as_ref()
            .map(|t| t.functions.clone())
            .unwrap_or_default(),
    );
    let drivers = RwSignal::new(thread.map(|t| t.drivers).unwrap_or_default());
    let opened = RwSignal::new(today_parts());
    let opened_error = RwSignal::new(None::<DateError>);
    // The pseudonym last warned about, with the reasons; saving it needs `confirmed`.
    let warned = RwSignal::new(None::<(String, Vec<String>)>);
    let confirmed = RwSignal::new(false);
    let problems = Problems::new(Signal::stored(heading.to_owned()));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problems.clear();
        let raw = pseudonym.get_untracked();
        let mut items = Vec::new();
        let parsed = Pseudonym::parse(&raw)
            .map_err(|e| items.push(item(PSEUDONYM_ID, e.to_string())))
            .ok();
        let opened_on = if is_new {
            read_date(
                OPENED_ID,
                opened,
                opened_error,
                "Enter the date you started holding this person",
            )
            .map_err(|e| items.push(e))
            .ok()
        } else {
            None
        };
        let Some(parsed) = parsed.filter(|_| items.is_empty()) else {
            problems.show(items, Vec::new());
            return;
        };
        let before = original.get_value();
        let changed = before.as_ref().is_none_or(|(_, p)| *p != parsed);
        let warnings = if changed {
            state
                .settings
                .with_untracked(|s| pseudonym_warnings(&parsed, &s.private_names))
        } else {
            Vec::new()
        };
        if warnings.is_empty() {
            warned.set(None);
        } else if warned.with_untracked(|w| w.as_ref().is_none_or(|(p, _)| p != parsed.as_str())) {
            // The first time this pseudonym is warned about: say why, and ask.
            warned.set(Some((parsed.to_string(), warnings)));
            confirmed.set(false);
            browser::focus_id(WARNING_ID);
            return;
        } else if !confirmed.get_untracked() {
            problems.one(
                CONFIRM_ID,
                format!("Confirm that ‘{parsed}’ is not a real name, or change the pseudonym"),
            );
            return;
        }
        let mut threads = state.threads.get_untracked();
        let (tags_f, tags_d) = (functions.get_untracked(), drivers.get_untracked());
        let result = match before {
            None => {
                let id = browser::new_thread_id();
                threads
                    .create(id.clone(), &raw, opened_on.unwrap_or_else(browser::today))
                    .map(|_| id)
            }
            Some((id, _)) => threads.rename(&id, &raw).map(|()| id),
        }
        .and_then(|id| {
            threads.set_functions(&id, &tags_f)?;
            threads.set_drivers(&id, &tags_d)?;
            Ok(id)
        });
        let id = match result {
            Ok(id) => id,
            Err(e) => return thread_error(problems, &e, SUBMIT_ID),
        };
        match state.save_threads(threads) {
            Ok(()) => {
                let to = thread_path(&id);
                let message = if is_new {
                    "Holding thread opened"
                } else {
                    "Holding thread updated"
                };
                state.flash.set(Some(Flash {
                    message: message.to_owned(),
                    on: to.clone(),
                }));
                navigate(&to, NavigateOptions::default());
            }
            Err(e) => problems.storage(SUBMIT_ID, "Your holding thread", &e),
        }
    };

    let pseudonym_error = problems.message_for(PSEUDONYM_ID);
    let confirm_error = problems.message_for(CONFIRM_ID);
    let warning = move || {
        warned.get().map(|(name, reasons)| {
            let confirm = vec![choice(
                ChoiceKind::Checkbox,
                "confirm",
                CONFIRM_ID.to_owned(),
                format!("I confirm ‘{name}’ is not a real name"),
                None,
                confirmed.into(),
                Callback::new(move |on| confirmed.set(on)),
            )];
            view! {
                <div class="nhsuk-card nhsuk-card--warning" id=WARNING_ID tabindex="-1">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Check this is not a real name"
                        </h2>
                        <ul class="nhsuk-list nhsuk-list--bullet">
                            {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                        <p class="nhsuk-card__description">"Change the pseudonym, or if you are sure it does not identify anyone, confirm below and save again."</p>
                        {fieldset(CONFIRM_ID, "Is this a real name?", None, confirm_error, ChoiceKind::Checkbox.group(), confirm.into_any())}
                    </div>
                </div>
            }
        })
    };
    let opened_input = is_new.then(|| {
        date_input(
            OPENED_ID,
            "When did you start holding this person?",
            "Today, or an earlier day if the holding began before you opened this thread. For example, 3 11 2026.",
            opened,
            opened_error.into(),
        )
    });

    view! {
        {form_top(back.clone(), problems, heading.to_owned())}
        <form novalidate on:submit=on_submit>
            <div class=group_class(pseudonym_error)>
                <label class="nhsuk-label nhsuk-label--s" for=PSEUDONYM_ID>"Pseudonym"</label>
                <div class="nhsuk-hint" id="thread-pseudonym-hint">
                    "Use a label only you understand, like ‘Person A’. It must not be a real name, or initials that could identify someone."
                </div>
                {inline_error("thread-pseudonym-error".to_owned(), pseudonym_error)}
                <input
                    class=move || if pseudonym_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                    id=PSEUDONYM_ID name="pseudonym" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby=described_by(Some("thread-pseudonym-hint".to_owned()), "thread-pseudonym-error".to_owned(), pseudonym_error)
                    prop:value=move || pseudonym.get()
                    on:input=move |ev| pseudonym.set(event_target_value(&ev))/>
                <crate::ui::nudges::PseudonymNudges for_id=PSEUDONYM_ID value=pseudonym/>
            </div>
            {warning}
            {opened_input}
            {holding_tags(Family::HoldingFunction, functions, problems)}
            {holding_tags(Family::HoldingDriver, drivers, problems)}
            <div class="app-form-actions">
                <button class="nhsuk-button" type="submit" id=SUBMIT_ID>{submit}</button>
                <p><a href=back>"Cancel"</a></p>
            </div>
        </form>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /threads/:id
// ---------------------------------------------------------------------------------------

/// `/threads/:id`: the thread's summary, its linked reflections and the way to link more.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let selected = RwSignal::new(Vec::<EntryId>::new());
    let thread = Memo::new(move |_| {
        let id = params.read().get("id").and_then(|s| ThreadId::parse(&s))?;
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

/// `/threads/:id/:action`: change, close or delete a thread.
#[component]
pub fn ThreadActionPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    move || {
        let (id, action) = params.with(|p| (p.get("id"), p.get("action").unwrap_or_default()));
        let thread = id
            .and_then(|id| ThreadId::parse(&id))
            .and_then(|id| state.threads.with_untracked(|t| t.get(&id).cloned()));
        match (thread, action.as_str()) {
            (Some(t), "edit") => thread_form(Some(t)),
            (Some(t), "close") => close_form(state, t),
            (Some(t), "delete") => delete_confirmation(state, t),
            (None, "edit" | "close" | "delete") => thread_not_found(),
            _ => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
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
        state.journal.with_untracked(|j| {
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
    let candidates: Vec<(EntryId, String, String)> = state.journal.with_untracked(|j| {
        j.newest_first()
            .filter(|e| !t.is_linked(&e.id))
            .take(LINKABLE)
            .map(|e| (e.id.clone(), long_date(e.about), e.preview(PREVIEW_CHARS)))
            .collect()
    });
    let link_view = if candidates.is_empty() {
        if state.journal.with_untracked(|j| j.is_empty()) {
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

// ---------------------------------------------------------------------------------------
// /threads/:id/close
// ---------------------------------------------------------------------------------------

/// How the holding ended, and when.
fn close_form(state: AppState, t: HoldingThread) -> AnyView {
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

// ---------------------------------------------------------------------------------------
// /threads/:id/delete
// ---------------------------------------------------------------------------------------

/// A second, deliberate step before deleting a thread. The reflections stay.
fn delete_confirmation(state: AppState, t: HoldingThread) -> AnyView {
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

// ---------------------------------------------------------------------------------------
// On the entry page
// ---------------------------------------------------------------------------------------

/// The holding threads a reflection is linked to, as links, for the entry page.
#[component]
pub fn EntryThreads(entry: EntryId) -> impl IntoView {
    let state = use_app_state();
    move || {
        let linked: Vec<(String, String)> = state.threads.with(|all| {
            all.for_entry(&entry)
                .map(|t| (thread_path(&t.id), t.pseudonym.to_string()))
                .collect()
        });
        (!linked.is_empty()).then(|| {
            view! {
                <h2 class="nhsuk-heading-s">"Holding threads"</h2>
                <ul class="nhsuk-list">
                    {linked.into_iter().map(|(href, name)| view! { <li><a href=href>{name}</a></li> }).collect_view()}
                </ul>
            }
        })
    }
}
