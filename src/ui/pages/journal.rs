//! The journal page: every reflection, newest day first, with search and filters (words,
//! tags all-of or any-of, a range of days, a template, a holding thread), and an empty
//! state that says what the app is for and that nothing leaves the device.
//!
//! The address keeps the search, so a reload keeps it and Back undoes the last filter.
//! The results are worked out from the page's own copy of the query string, which every
//! change to the form sets at once; the address follows. A filter writes it straight
//! away, adding a history entry. Words write it only once the worker stops typing for a
//! moment, or leaves the box, and replace the history entry: writing the address costs
//! the browser more than the search itself, so doing it on every key would put a 5,000
//! entry journal over a frame's 16 ms. The form follows the address only when it changed
//! from elsewhere (a reload, Back, the "clear" link), so a box is never rewritten under
//! the worker's fingers, which would move the caret or wipe a half-typed date.
//!
//! Every Leptos closure and view shape is compiled into the bundle separately, so the
//! form is written to need few of them: one input handler for the whole form, one effect
//! that fills it in, and `Signal`s for the few attributes that change with errors.

use crate::ui::pages::checkins::CheckInDue;
use chrono::Local;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::core::entry::list_heading;
use crate::core::ids::{EntryId, TagId, TemplateId};
use crate::core::search::{
    entries_in_order, iso_date, parse_iso_date, template_choices, thread_choices, Choice,
    ParsedQuery, Query, QueryField, SearchIndex, TagMatch,
};
use crate::core::tags::{Family, Tag, Vocabulary};
use crate::storage::DraftSlot;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, FlashBanner, PageHeading, SummaryItem};
use crate::ui::search_engine::{self, Found};
use crate::ui::state::use_app_state;

/// How many characters of each entry the list shows.
const PREVIEW_CHARS: usize = 160;

/// How long the worker stops typing before the words go into the address and the count
/// is announced: longer than the gap between keys of a steady typist, short enough that
/// a pause is heard at once.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// How many results are drawn at a time. Drawing 5,000 list items on a keystroke would
/// take far longer than the search itself; "Show more" draws the next lot. Ten fill a
/// screen; with twenty, a key that replaced every row took a 5,000-entry journal over a
/// frame's 16 ms at the 95th percentile (`bench/browser.mjs`).
const PAGE_SIZE: usize = crate::ui::state::FIRST_PAGE;

/// Reflections indexed between looks at the clock: a few tenths of a millisecond.
const INDEX_STEP: usize = 10;

/// One result as the list shows it.
#[derive(Clone)]
struct Row {
    id: EntryId,
    day: String,
    preview: String,
    tags: Vec<String>,
}

/// A tag's name for the results: built-in tags with their family, the worker's own by
/// the name they gave it.
fn tag_name(vocabulary: &Vocabulary, id: &TagId) -> String {
    match vocabulary.get(id) {
        Some(Tag::Builtin(tag)) => tag.full_label(),
        Some(tag) => tag.label().to_owned(),
        None => id.as_str().to_owned(),
    }
}

/// The id of a field's inline error message, for `aria-describedby`.
fn error_id(field: QueryField) -> &'static str {
    match field {
        QueryField::Tags => "search-tags-error",
        QueryField::Match => "search-match-error",
        QueryField::From => "search-from-error",
        QueryField::To => "search-to-error",
        QueryField::Template => "search-template-error",
        QueryField::Thread => "search-thread-error",
    }
}

/// The URL parameter a form control writes, which is also its `name`.
fn param(field: QueryField) -> &'static str {
    match field {
        QueryField::Tags => "tag",
        QueryField::Match => "match",
        QueryField::From => "from",
        QueryField::To => "to",
        QueryField::Template => "template",
        QueryField::Thread => "thread",
    }
}

fn error_message(parsed: &ParsedQuery, field: QueryField) -> Option<String> {
    parsed
        .errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// Sets every control of the form to show `query`.
fn fill_form(form: &web_sys::HtmlFormElement, query: &Query) {
    let Ok(controls) = form.query_selector_all("input, select") else {
        return;
    };
    for i in 0..controls.length() {
        // `name`, `value` and `checked` are read and written the same way on a select.
        let Some(control) = controls.item(i) else {
            continue;
        };
        let control: web_sys::HtmlInputElement = control.unchecked_into();
        let value = control.value();
        match control.name().as_str() {
            "q" => control.set_value(&query.text),
            "from" => control.set_value(&query.from.map(iso_date).unwrap_or_default()),
            "to" => control.set_value(&query.to.map(iso_date).unwrap_or_default()),
            "tag" => control.set_checked(query.tags.iter().any(|t| t.as_str() == value)),
            "match" => control.set_checked(query.tag_match.as_str() == value),
            "template" => control.set_value(query.template.as_ref().map_or("", TemplateId::as_str)),
            "thread" => control.set_value(query.thread.as_deref().unwrap_or_default()),
            _ => {}
        }
    }
}

/// The query after the worker changed one control, and whether that change should
/// replace the current history entry rather than add one: typing words always does, as
/// do further changes to the date box changed last.
fn changed(
    mut query: Query,
    control: &web_sys::HtmlInputElement,
    last: &str,
) -> Option<(Query, bool)> {
    let name = control.name();
    let value = control.value();
    let mut replace = false;
    match name.as_str() {
        "q" => {
            query.text = value;
            replace = true;
        }
        "tag" => {
            let tag = TagId::parse(&value)?;
            query.tags.retain(|t| t != &tag);
            if control.checked() {
                query.tags.push(tag);
            }
        }
        "match" => {
            query.tag_match = if value == TagMatch::Any.as_str() {
                TagMatch::Any
            } else {
                TagMatch::All
            }
        }
        "from" | "to" => {
            let date = parse_iso_date(&value);
            if name == "from" {
                query.from = date;
            } else {
                query.to = date;
            }
            replace = name == last;
        }
        "template" => query.template = TemplateId::parse(&value),
        "thread" => query.thread = Some(value).filter(|v| !v.is_empty()),
        _ => return None,
    }
    Some((query, replace))
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    // Kept in a `StoredValue` so that the closures that write the address are `Copy`.
    let navigate = StoredValue::new(use_navigate());
    // Look for a draft again whenever another tab changes storage.
    let has_draft = Memo::new(move |_| {
        state.external_changes.track();
        state.has_draft(&DraftSlot::New)
    });

    // The index is built once per visit (and again only if another tab changes the
    // journal or the threads); a keystroke reads the query string and scans the index,
    // in one memo. Each build gets a new number, so the results know whether the last
    // results came from this same index and a narrower search may look only among them.
    let build = Memo::new(move |last: Option<&u32>| {
        state.journal_so_far().track();
        state.threads.track();
        last.map_or(1, |n| n + 1)
    });
    // The search engine: its own chunk, fetched a second after the first frame (see
    // `ui::search_engine`), or at once for a search in the address; here already on a
    // later visit.
    let engine = RwSignal::new(search_engine::arrived().map_or(Found::NotAsked, Found::Ready));
    // One fetch at a time: the first frame, a search typed and "Try searching again" all
    // ask for it.
    let fetch_engine = move || {
        if !matches!(
            engine.try_get_untracked(),
            Some(Found::NotAsked | Found::Failed)
        ) {
            return;
        }
        engine.set(Found::Loading);
        leptos::task::spawn_local(async move {
            let found = search_engine::load()
                .await
                .map_or(Found::Failed, Found::Ready);
            let _ = engine.try_set(found);
        });
    };
    // Fetched ahead only if nothing has asked yet: after a failure, only the worker
    // retries (a search typed, "Try searching again"), so the button does not vanish
    // under their pointer because a retry of the page's own succeeded.
    if search_engine::arrived().is_none() {
        browser::soon_after_first_paint(move || {
            if matches!(engine.try_get_untracked(), Some(Found::NotAsked)) {
                fetch_engine();
            }
        });
    }
    // The index as built so far, and the build it belongs to.
    let index = StoredValue::new((0u32, SearchIndex::default()));
    // Indexes up to `count` more reflections for build `n`; says whether all are in (or,
    // with no engine yet, that there is nothing to do until it arrives).
    let index_more = move |n: u32, count: usize| {
        let Some(Found::Ready(e)) = engine.try_get_untracked() else {
            return true;
        };
        index
            .try_update_value(|(of, i)| {
                if *of != n {
                    *of = n;
                    *i = SearchIndex::default();
                }
                state
                    .journal_so_far()
                    .with_untracked(|j| (e.index_more)(i, j, count))
            })
            .unwrap_or(true)
    };
    // Built after the first frame is drawn, a slice at a time (a task each, queued from
    // the frame's callback), so start-up shows the list without normalising every
    // reflection first, and the page answers between slices. A key pressed before the
    // last slice finishes the index at once.
    fn slices(n: u32, build: Memo<u32>, index_more: impl Fn(u32, usize) -> bool + 'static) {
        set_timeout(
            move || {
                if build.try_get_untracked() != Some(n) {
                    return;
                }
                let started = browser::clock_ms();
                while !index_more(n, INDEX_STEP) {
                    if browser::clock_ms() - started >= browser::SLICE_MS {
                        return slices(n, build, index_more);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }
    Effect::new(move |_| {
        let n = build.get();
        if matches!(engine.get(), Found::Ready(_)) {
            request_animation_frame(move || slices(n, build, index_more));
        }
    });
    // Drawn again when the journal changes: a deleted template still in use can turn up
    // when the rest of the journal has been decoded after start-up.
    let offered_templates = Signal::derive(move || {
        state.templates.with(|library| {
            state
                .journal_so_far()
                .with(|j| template_choices(library, j))
        })
    });
    let choices = move || (offered_templates.get(), state.threads.with(thread_choices));
    // The query string the page shows: the address's, or what the worker has typed since.
    // A search needs every reflection decoded, so the rest of the journal is read before
    // any search is set; only the unfiltered list is drawn from the first page alone.
    let search = RwSignal::new(String::new());
    let set_search = move |qs: String| {
        if !qs.is_empty() {
            state.journal();
            // A search whose engine could not be fetched after the first frame tries
            // again, in case the connection is back.
            fetch_engine();
        }
        search.set(qs);
    };
    set_search(location.search.get_untracked());
    let results = Memo::new(move |previous: Option<&(ParsedQuery, Vec<EntryId>, u32)>| {
        let mut parsed = search.with(|s| Query::from_query_string(s));
        // Listing the choices scans the journal, so only when there is one to check.
        if parsed.query.template.is_some() || parsed.query.thread.is_some() {
            let (templates, threads) = choices();
            parsed.check_choices(&templates, &threads);
        }
        // Nothing asked for: the whole journal, newest first, as the index would give
        // it, without waiting for the index. It is built just after the list is drawn.
        if parsed.query.is_empty() {
            let all = state
                .journal_so_far()
                .with(|j| j.newest_first().map(|e| e.id.clone()).collect());
            return (parsed, all, 0);
        }
        let (q, built) = (&parsed.query, build.get());
        // No engine yet: nothing found so far, from no build (the page says it is
        // searching, or that search could not be loaded).
        let Found::Ready(e) = engine.get() else {
            return (parsed, Vec::new(), 0);
        };
        index_more(built, usize::MAX);
        // The last results narrow this search only if they came from this same index.
        let earlier = previous
            .filter(|(_, _, n)| *n == built)
            .map(|(p, ids, _)| (&p.query, ids.as_slice()));
        let found = index.with_value(|(_, i)| state.threads.with(|t| (e.find)(i, q, t, earlier)));
        (parsed, found, built)
    });
    let filtered = move || results.with(|(p, _, _)| !p.query.is_empty() || !p.is_ok());
    // A memo, so the title is written when the errors come or go, not on every key.
    let has_errors =
        Memo::new(move |_| results.with(|(p, _, _)| !p.is_ok()) && state.reflection_count() > 0);
    let summary = Signal::derive(move || {
        if !has_errors.get() {
            return Vec::new();
        }
        results.with(|(p, _, _)| {
            p.errors
                .iter()
                .map(|e| SummaryItem {
                    target: e.field.html_id().to_owned(),
                    message: e.message.clone(),
                })
                .collect()
        })
    });
    // A field's look when the address gave it a bad value.
    let error = move |field: QueryField| results.with(|(p, _, _)| error_message(p, field));
    let class = move |field: QueryField, fine: &'static str, wrong: &'static str| {
        Signal::derive(move || if error(field).is_some() { wrong } else { fine })
    };
    let group_class = move |field: QueryField| {
        class(
            field,
            "nhsuk-form-group",
            "nhsuk-form-group nhsuk-form-group--error",
        )
    };
    let described_by = move |field: QueryField, hint: &'static str| {
        Signal::derive(move || {
            let error = error(field).map(|_| error_id(field));
            let both = [hint, error.unwrap_or_default()];
            Some(both.join(" ").trim().to_owned()).filter(|s| !s.is_empty())
        })
    };
    // Always in place and hidden when empty: a `Signal` attribute costs the bundle less
    // than a view that comes and goes.
    let inline_error = move |field: QueryField| {
        view! {
            <span class="nhsuk-error-message" id=error_id(field)
                hidden=Signal::derive(move || error(field).is_none())>
                <span class="nhsuk-u-visually-hidden">"Error: "</span>
                {Signal::derive(move || error(field).unwrap_or_default())}
            </span>
        }
    };

    // Writing the address. `own_write` remembers the query string this page last wrote,
    // so the effect below can tell its own change from one made elsewhere. `typing` holds
    // the timer of words not yet written, and is `None` once the address has caught up.
    let own_write = StoredValue::new(None::<String>);
    let typing = StoredValue::new(None::<TimeoutHandle>);
    let settled = RwSignal::new(true);
    let stop_timer = move || {
        if let Some(timer) = typing.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    let write = move |replace: bool| {
        stop_timer();
        // Focus also leaves the box when the page goes (Back, a link), and then the
        // address belongs to the next page; the `try_` reads find this page's signals
        // gone once it has been cleaned up.
        let Some(qs) = search
            .try_get_untracked()
            .filter(|_| location.pathname.with_untracked(|p| p == "/"))
        else {
            return;
        };
        if settled.try_get_untracked() == Some(false) {
            settled.set(true);
        }
        if location.search.with_untracked(|s| *s == qs) {
            return;
        }
        let to = if qs.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{qs}")
        };
        own_write.set_value(Some(qs));
        navigate.with_value(|navigate| {
            navigate(
                &to,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        });
    };
    // Words not yet in the address go there before anything else happens: a filter (so
    // Back undoes the filter and keeps the words), or focus leaving the box (to a result,
    // the "clear" link or a link away, which then finds the address up to date).
    let flush = move || {
        if typing.try_with_value(Option::is_some).unwrap_or(false) {
            write(true);
        }
    };
    on_cleanup(stop_timer);
    // One handler serves the whole form: `input` bubbles from every box, button and list
    // in it.
    let last_control = StoredValue::new(String::new());
    let on_input = move |ev: leptos::ev::Event| {
        let Some(control) = ev.target() else {
            return;
        };
        let control: web_sys::HtmlInputElement = control.unchecked_into();
        let query = results.with_untracked(|(p, _, _)| p.query.clone());
        let Some((query, replace)) = last_control.with_value(|last| changed(query, &control, last))
        else {
            return;
        };
        let words = control.name() == "q";
        last_control.set_value(control.name());
        let qs = query.to_query_string();
        if search.with_untracked(|s| *s == qs) {
            return;
        }
        if words {
            set_search(qs);
            if settled.get_untracked() {
                settled.set(false);
            }
            let timer = set_timeout_with_handle(move || write(true), SETTLE).ok();
            if let Some(old) = typing
                .try_update_value(|t| std::mem::replace(t, timer))
                .flatten()
            {
                old.clear();
            }
        } else {
            flush();
            set_search(qs);
            write(replace);
        }
    };
    // Reading the address, when it changed elsewhere or the form has just appeared: the
    // search follows it, and so does the form. Words still waiting to be written are
    // dropped, as the worker has gone elsewhere (Back, the "clear" link).
    let form = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        let address = location.search.get();
        // The address also changes as the worker leaves for another page.
        let here = location.pathname.with_untracked(|p| p == "/");
        let Some(form) = form.get().filter(|_| here) else {
            return;
        };
        let ours = own_write
            .try_update_value(|w| w.take().is_some_and(|w| w == address))
            .unwrap_or(false);
        if !ours {
            stop_timer();
            if !settled.get_untracked() {
                settled.set(true);
            }
            if search.with_untracked(|s| *s != address) {
                set_search(address);
            }
            results.with_untracked(|(p, _, _)| fill_form(&form, &p.query));
        }
    });
    Effect::new(move |_| browser::set_title("Your journal", has_errors.get()));

    let checkbox = move |tag: TagId, label: String, first: bool| {
        // As in GOV.UK Frontend, the first box has the group's id, for the error link.
        let id = if first {
            QueryField::Tags.html_id().to_owned()
        } else {
            format!("search-tags-{}", tag.as_str())
        };
        view! {
            <div class="nhsuk-checkboxes__item">
                <input class="nhsuk-checkboxes__input" id=id.clone() name="tag" type="checkbox"
                    value=tag.as_str().to_owned()/>
                <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
            </div>
        }
    };
    let tag_groups = move || {
        let mut groups: Vec<(&'static str, Vec<(TagId, String)>)> = Family::ALL
            .iter()
            .map(|f| {
                let tags = f.tags().map(|t| (t.tag_id(), t.label.to_owned())).collect();
                (f.label(), tags)
            })
            .collect();
        let own: Vec<(TagId, String)> = state.vocabulary.with_untracked(|v| {
            v.custom()
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect()
        });
        if !own.is_empty() {
            groups.push(("Your tags", own));
        }
        groups
            .into_iter()
            .enumerate()
            .map(|(g, (legend, tags))| {
                let boxes = tags
                    .into_iter()
                    .enumerate()
                    .map(|(i, (tag, label))| checkbox(tag, label, g == 0 && i == 0))
                    .collect_view();
                view! {
                    <fieldset class="nhsuk-fieldset app-search-family">
                        <legend class="nhsuk-fieldset__legend">{legend}</legend>
                        <div class="nhsuk-checkboxes nhsuk-checkboxes--small">{boxes}</div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let select = move |field: QueryField,
                       label: &'static str,
                       any: &'static str,
                       options: Signal<Vec<Choice>>| {
        let id = field.html_id();
        // Drawn again when the choices change; the worker's choice stays chosen.
        let options = move || {
            let chosen = results.with_untracked(|(p, _, _)| match field {
                QueryField::Template => p.query.template.as_ref().map(|t| t.as_str().to_owned()),
                _ => p.query.thread.clone(),
            });
            options
                .get()
                .into_iter()
                .map(|c| {
                    let on = chosen.as_deref() == Some(c.id.as_str());
                    view! { <option value=c.id selected=on>{c.label}</option> }
                })
                .collect_view()
        };
        view! {
            <div class=group_class(field)>
                <label class="nhsuk-label" for=id>{label}</label>
                {inline_error(field)}
                <select id=id name=param(field) aria-describedby=described_by(field, "")
                    class=class(field, "nhsuk-select", "nhsuk-select nhsuk-select--error")>
                    <option value="">{any}</option>
                    {options}
                </select>
            </div>
        }
    };
    let date_field = move |field: QueryField, label: &'static str| {
        let id = field.html_id();
        view! {
            <div class=group_class(field)>
                <label class="nhsuk-label" for=id>{label}</label>
                {inline_error(field)}
                <input id=id name=param(field) type="date" aria-describedby=described_by(field, "search-dates-hint")
                    class=class(field, "nhsuk-input app-search-date", "nhsuk-input app-search-date nhsuk-input--error")/>
            </div>
        }
    };
    // The form is built once it is shown; its disclosures start open if what they hold
    // is in use or wrong, so a filter is never hidden and an error link reaches its field.
    // It has no submit handler: with three text-like boxes, Enter submits nothing.
    let search_form = move || {
        let threads = untrack(move || state.threads.with(thread_choices));
        let (open_tags, open_more, thread_error) = results.with_untracked(|(p, _, _)| {
            let wrong = |fields: &[QueryField]| p.errors.iter().any(|e| fields.contains(&e.field));
            let q = &p.query;
            (
                !q.tags.is_empty() || wrong(&[QueryField::Tags, QueryField::Match]),
                q.from.is_some()
                    || q.to.is_some()
                    || q.template.is_some()
                    || q.thread.is_some()
                    || wrong(&[
                        QueryField::From,
                        QueryField::To,
                        QueryField::Template,
                        QueryField::Thread,
                    ]),
                wrong(&[QueryField::Thread]),
            )
        });
        let thread_select = (!threads.is_empty() || thread_error).then(|| {
            select(
                QueryField::Thread,
                "Holding thread",
                "Any holding thread",
                Signal::stored(threads),
            )
        });
        view! {
            <form role="search" aria-label="Search and filter your reflections" novalidate
                node_ref=form on:input=on_input on:focusout=move |_| flush()>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-label--s" for="search-text">"Search your reflections"</label>
                    <div class="nhsuk-hint" id="search-text-hint">
                        "Words from what you wrote, in any order. Results change as you type."
                    </div>
                    <input class="nhsuk-input" id="search-text" name="q" type="search" autocomplete="off"
                        spellcheck="false" aria-describedby="search-text-hint"/>
                </div>
                <details class="nhsuk-details app-search-filter" open=open_tags>
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">"Filter by tag"</span>
                    </summary>
                    <div class="nhsuk-details__text">
                        <div class=group_class(QueryField::Match)>
                            <fieldset class="nhsuk-fieldset" aria-describedby=described_by(QueryField::Match, "")>
                                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Show reflections with"</legend>
                                {inline_error(QueryField::Match)}
                                <div class="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
                                    <div class="nhsuk-radios__item">
                                        <input class="nhsuk-radios__input" id="search-match" name="match" type="radio" value="all" checked/>
                                        <label class="nhsuk-label nhsuk-radios__label" for="search-match">"all of the tags chosen"</label>
                                    </div>
                                    <div class="nhsuk-radios__item">
                                        <input class="nhsuk-radios__input" id="search-match-any" name="match" type="radio" value="any"/>
                                        <label class="nhsuk-label nhsuk-radios__label" for="search-match-any">"any of them"</label>
                                    </div>
                                </div>
                            </fieldset>
                        </div>
                        <div class=group_class(QueryField::Tags)>
                            <fieldset class="nhsuk-fieldset" aria-describedby=described_by(QueryField::Tags, "")>
                                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Tags"</legend>
                                {inline_error(QueryField::Tags)}
                                {tag_groups()}
                            </fieldset>
                        </div>
                    </div>
                </details>
                <details class="nhsuk-details app-search-filter" open=open_more>
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">"Filter by date, template or holding thread"</span>
                    </summary>
                    <div class="nhsuk-details__text">
                        <fieldset class="nhsuk-fieldset" aria-describedby="search-dates-hint">
                            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Date"</legend>
                            <div class="nhsuk-hint" id="search-dates-hint">"The day the reflection is about"</div>
                            {date_field(QueryField::From, "From")}
                            {date_field(QueryField::To, "To")}
                        </fieldset>
                        {select(QueryField::Template, "Template", "Any template", offered_templates)}
                        {thread_select}
                    </div>
                </details>
            </form>
        }
    };

    // Results, drawn a page at a time. `shown` belongs to one query string, so a new
    // search starts again at the first page.
    let shown = RwSignal::new((String::new(), PAGE_SIZE));
    let limit = move || {
        search.with(|s| shown.with(|(for_search, n)| if for_search == s { *n } else { PAGE_SIZE }))
    };
    // Each result is the id and its place in the journal; a row is drawn from the entry
    // only when it first appears, so a keystroke that keeps a row costs it nothing.
    let rows = move || {
        let limit = limit();
        results.with(|(_, ids, _)| {
            let ids = &ids[..ids.len().min(limit)];
            state.journal_so_far().with(|j| {
                entries_in_order(j, ids)
                    .map(|(at, e)| (e.id.clone(), at))
                    .collect::<Vec<_>>()
            })
        })
    };
    let row = move |(id, at): (EntryId, usize)| {
        state.journal_so_far().with_untracked(|j| {
            let entry = j.newest_first().nth(at).filter(|e| e.id == id);
            entry.or_else(|| j.get(&id)).map(|e| {
                // The journal is sorted by day, so another reflection about the same day
                // sits right next to this one.
                let shares_day = j
                    .newest_first()
                    .skip(at.saturating_sub(1))
                    .take(3)
                    .filter(|other| other.about == e.about)
                    .count()
                    > 1;
                let written = e.written_at.with_timezone(&Local).naive_local();
                state.vocabulary.with_untracked(|v| Row {
                    id: e.id.clone(),
                    day: list_heading(e.about, written, shares_day),
                    preview: e.preview(PREVIEW_CHARS),
                    tags: e.tags.iter().map(|t| tag_name(v, t)).collect(),
                })
            })
        })
    };
    // How many the search found; unfiltered, every reflection, counting those not yet
    // decoded after start-up.
    let found = move || {
        if filtered() {
            results.with(|(_, ids, _)| ids.len())
        } else {
            state.reflection_count()
        }
    };
    // A search waiting for its engine, or whose engine could not be fetched.
    let waiting = Memo::new(move |_| {
        results.with(|(p, _, _)| !p.query.is_empty()) && !matches!(engine.get(), Found::Ready(_))
    });
    let engine_failed = Memo::new(move |_| waiting.get() && matches!(engine.get(), Found::Failed));
    // How many match, shown at once and announced by a live region once the worker
    // stops typing, so a screen reader is not talked over on every key. While they type,
    // the region keeps what it said last.
    let count = Memo::new(move |_| {
        if waiting.get() {
            return if engine_failed.get() {
                "Search could not be loaded".to_owned()
            } else {
                "Searching your reflections…".to_owned()
            };
        }
        let n = found();
        match (filtered(), n) {
            (false, 1) => "1 reflection".to_owned(),
            (false, n) => format!("{n} reflections"),
            (true, 0) => "No reflections match your search".to_owned(),
            (true, 1) => "1 reflection matches".to_owned(),
            (true, n) => format!("{n} reflections match"),
        }
    });
    let announced = Memo::new(move |last: Option<&String>| match last {
        Some(last) if !settled.get() => last.clone(),
        _ => count.get(),
    });
    let unfiltered = Signal::derive(move || !filtered());
    // "Check the spelling" only for a search that ran and found nothing.
    let no_hint =
        Signal::derive(move || waiting.get() || results.with(|(_, ids, _)| !ids.is_empty()));
    let engine_here = Signal::derive(move || !engine_failed.get());
    let all_shown = Signal::derive(move || found() <= limit());
    let showing = Signal::derive(move || {
        let (now, all) = (limit(), found());
        format!("Showing {now} of {all} reflections.")
    });
    // One click handler for the links and the button around the results.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let id = ev
            .target()
            .map(|t| t.unchecked_into::<web_sys::Element>().id())
            .unwrap_or_default();
        if id == "search-clear" {
            // The link goes; the router follows it. Start again in the search box.
            browser::focus_id("search-text");
        } else if id == "search-retry" {
            fetch_engine();
        } else if id == "search-more" {
            // The next page may be among the reflections not decoded yet.
            state.journal();
            let now = untrack(limit);
            shown.set((search.get_untracked(), now + PAGE_SIZE));
            // Keyboard focus goes to the first newly drawn reflection.
            if let Some(id) = results.with_untracked(|(_, ids, _)| ids.get(now).cloned()) {
                browser::focus_element(format!("entry-{id}"));
            }
        }
    };

    view! {
        <FlashBanner/>
        <ErrorSummary items=summary/>
        <PageHeading text="Your journal"/>
        <crate::ui::storage_health::NearlyFullWarning/>
        <crate::ui::backup_reminder::BackupReminder/>
        <crate::ui::lock::suggestion::LockSuggestion/>
        <Show when=move || has_draft.get()>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"You have an unsaved draft. " <a href="/write">"Continue writing"</a></p>
            </div>
        </Show>
        // The embeddedness reminder waits until there is a journal to come back to, so a
        // first visit sees only what the app is for.
        <Show when=move || { state.reflection_count() > 0 }>
            <CheckInDue/>
        </Show>
        <a href="/write" role="button" draggable="false" class="nhsuk-button">"Write a reflection"</a>
        <Show
            when=move || { state.reflection_count() > 0 }
            fallback=|| view! {
                <div class="app-empty-state">
                    <h2 class="nhsuk-heading-m">"Nothing written yet"</h2>
                    <p>"Anchorpoint is a private place to reflect after a session or at the end of the day: what happened, the judgement calls you made, the moments that mattered, and what you want to take to supervision."</p>
                    <p>"Nothing you write leaves this device. Your reflections are kept in this browser's storage, and nothing is shared unless you choose to export it."</p>
                </div>
            }
        >
            {search_form()}
            <div on:click=on_click>
                <h2 class="nhsuk-heading-m" id="search-count">{count}</h2>
                <p class="nhsuk-u-visually-hidden" id="search-status" aria-live="polite">{announced}</p>
                <p hidden=no_hint>"Check the spelling, use fewer words or remove a filter."</p>
                <div hidden=engine_here>
                    <p>"The part of Anchorpoint that searches could not be loaded. This can happen when the connection drops. Your reflections are safe: nothing has been changed or deleted."</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" id="search-retry">"Try searching again"</button>
                </div>
                <p hidden=unfiltered><a href="/" id="search-clear">"Clear search and filters"</a></p>
                <ul class="nhsuk-list app-entry-list" id="search-results">
                    <For each=rows key=|(id, _)| id.clone() let(result)>
                        {row(result).map(|row| view! {
                        <li class="app-entry-list__item">
                            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                                <a href=format!("/entries/{}", row.id) id=format!("entry-{}", row.id)>{row.day.clone()}</a>
                            </h3>
                            <p class="nhsuk-body-s app-entry-list__preview">{row.preview}</p>
                            // Worked out after the list is drawn, in its own chunk.
                            <crate::ui::nudges::IdentifierFlag entry=row.id.clone() about=row.day/>
                            {(!row.tags.is_empty()).then(|| view! {
                                <ul class="app-tag-list" aria-label="Tags">
                                    {row.tags.into_iter().map(|t| view! {
                                        <li><strong class="nhsuk-tag nhsuk-tag--white">{t}</strong></li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                        })}
                    </For>
                </ul>
                <div hidden=all_shown>
                    <p class="nhsuk-body-s">{showing}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" id="search-more">
                        "Show more reflections"
                    </button>
                </div>
            </div>
        </Show>
        <p class="nhsuk-body-s app-workshop-link"><a href="/workshop">"Run a training workshop"</a>" with fictional cases, kept apart from this journal"</p>
        // The start page for supervisors too: their section is one link away.
        <p class="nhsuk-body-s app-supervisor-link">
            "Supervising link workers? "
            <a href="/supervisor">"Open their summaries in the supervisor view"</a>
        </p>
    }
}
