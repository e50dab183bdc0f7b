//! The write and edit pages. Both use one editor: the date the reflection is about (an
//! NHS date input, today by default), a template (free writing, or one box per prompt of
//! a reflective model), tags, the holding threads it belongs to, and the optional
//! end-of-entry question. Every keystroke is kept as a draft in storage, so a reload, a
//! closed tab or a failed save never loses words; the draft is dropped once the entry is
//! saved.

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::anonymise::nudge::fingerprints_in;
use crate::core::cues::end_of_entry_question;
use crate::core::dismissals::{Fingerprint, Owner};
use crate::core::entry::{date_and_time, validate, Draft, Entry, Field, FieldError, JudgementCall};
use crate::core::ids::{EntryId, TemplateId, ThreadId};
use crate::core::journal::JournalError;
use crate::core::record::StoredDraft;
use crate::core::templates::FREE_FORM_ID;
use crate::storage::{DraftSlot, StorageError};
use crate::ui::browser;
use crate::ui::components::{
    storage_failure, ErrorSummary, PageHeading, SummaryItem, ERROR_SUMMARY_ID,
};
use crate::ui::nudges::{nudges_on, use_nudger, IdentifierNudges};
use crate::ui::pages::not_found::EntryNotFound;
use crate::ui::state::{use_app_state, Flash};
use crate::ui::tagging::{TagPicker, TagSuggestions};

/// `/write`: a new reflection, restoring any unsaved draft.
#[component]
pub fn WritePage() -> impl IntoView {
    let state = use_app_state();
    let stored = state.draft(&DraftSlot::New);
    let (initial, restored_at) = match stored {
        Some(stored) => (stored.draft, Some(stored.saved_at)),
        None => (Draft::for_day(browser::today()), None),
    };
    view! {
        <EntryEditor
            draft_slot=DraftSlot::New
            initial=initial
            restored_at=restored_at
            heading="Write a reflection"
            submit_label="Save reflection"
            cancel_href="/".to_owned()
        />
    }
}

/// `/entries/:id/edit`: change a saved reflection.
#[component]
pub fn EditPage() -> impl IntoView {
    let state = use_app_state();
    let params = crate::ui::route::params();
    move || {
        let id = params.id.as_deref().and_then(EntryId::parse);
        let entry = id.and_then(|id| state.journal().with_untracked(|j| j.get(&id).cloned()));
        match entry {
            None => view! { <EntryNotFound/> }.into_any(),
            Some(entry) => {
                let slot = DraftSlot::Edit(entry.id.clone());
                let (initial, restored_at, restored_base) = match state.draft(&slot) {
                    Some(stored) => (stored.draft, Some(stored.saved_at), stored.based_on),
                    None => (
                        draft_of_saved(state, &entry.id).unwrap_or_default(),
                        None,
                        None,
                    ),
                };
                view! {
                    <EntryEditor
                        draft_slot=slot
                        initial=initial
                        restored_at=restored_at
                        restored_base=restored_base
                        heading="Edit reflection"
                        submit_label="Save changes"
                        cancel_href=format!("/entries/{}", entry.id)
                    />
                }
                .into_any()
            }
        }
    }
}

/// The form for a saved entry as it is now: its template's current prompts filled with
/// its answers, and the open threads it is linked to.
fn draft_of_saved(state: crate::ui::state::AppState, id: &EntryId) -> Option<Draft> {
    let mut draft = state.journal().with_untracked(|j| {
        let entry = j.get(id)?;
        Some(state.templates.with_untracked(|lib| {
            let template = entry
                .template
                .as_ref()
                .and_then(|t| lib.get(&t.id))
                .filter(|t| !t.is_free_form());
            entry.to_draft(template)
        }))
    })?;
    draft.threads = state.threads.with_untracked(|t| {
        t.for_entry(id)
            .filter(|t| t.is_open())
            .map(|t| t.id.clone())
            .collect()
    });
    Some(draft)
}

const CONFLICT_ID: &str = "conflict";
const CANCEL_ID: &str = "cancel-confirm";

/// The worker's choice after another tab saved the same reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Resolution {
    KeepMine,
    TakeTheirs,
    KeepBoth,
}

/// Whether the latest keystrokes are safely kept as a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
enum DraftStatus {
    Untouched,
    Saved,
    Failed(StorageError),
}

#[component]
fn EntryEditor(
    draft_slot: DraftSlot,
    initial: Draft,
    restored_at: Option<DateTime<Utc>>,
    /// The revision a restored draft was based on: what its words replace.
    #[prop(default = None)]
    restored_base: Option<u64>,
    heading: &'static str,
    submit_label: &'static str,
    cancel_href: String,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    // What an untouched form holds: a draft equal to it is not worth keeping.
    let pristine = match &draft_slot {
        DraftSlot::New => Draft::for_day(browser::today()),
        DraftSlot::Edit(id) => draft_of_saved(state, id).unwrap_or_default(),
    };
    let pristine = StoredValue::new(pristine);
    let draft = RwSignal::new(initial);
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let save_error = RwSignal::new(None::<(String, Vec<String>)>);
    let status = RwSignal::new(DraftStatus::Untouched);
    // The stored revision this form's words were based on: a save is refused, never
    // silently written over, if another tab saved this reflection since. A draft restored
    // after a reload keeps the revision its edit began from, since the reflection may
    // have been saved elsewhere in between (drafts from before format 4 lack it and are
    // taken as based on what is stored now).
    let base_revision = StoredValue::new(match &draft_slot {
        DraftSlot::New => None,
        DraftSlot::Edit(id) => restored_base.or_else(|| state.entry_revision(id)),
    });
    // Words another tab left in the same slot, offered when this tab has none of its own.
    let other_draft = RwSignal::new(if restored_at.is_none() {
        state.other_drafts(&draft_slot).into_iter().next()
    } else {
        None
    });
    // Whose dismissed nudges these are: the reflection's, or this tab's new draft's.
    let owner = StoredValue::new(match &draft_slot {
        DraftSlot::New => Owner::NewDraft(state.tab()),
        DraftSlot::Edit(id) => Owner::Entry(id.clone()),
    });
    let slot = StoredValue::new(draft_slot);
    // Mine and the other tab's version, after a save was refused as a conflict.
    let conflict = RwSignal::new(None::<(Entry, Option<Entry>)>);
    let confirm_cancel = RwSignal::new(false);
    // Identifier nudges: one finder for every box, and what the worker dismissed in
    // this reflection, kept as fingerprints in the dismissals collection as they go.
    let nudger = use_nudger(state);
    let dismissed_nudges = RwSignal::new(owner.with_value(|o| state.dismissals().of(o)));
    let remember_dismissal = Callback::new(move |fingerprint: Fingerprint| {
        let owner = owner.get_value();
        state
            .update_dismissals(|all| all.dismiss(&owner, fingerprint))
            .map_err(|e| {
            (
                format!("Your dismissal could not be kept because {e}"),
                vec![
                    "It is dismissed while this page is open, and your words are safe: it may show again when you reopen this reflection.".to_owned(),
                    e.what_to_do().to_owned(),
                ],
            )
        })
    });
    let nudges_wanted = move || nudges_on(state);
    // Pseudonyms offered in place of a name: the threads this reflection is linked to
    // first, then the other open threads.
    let nudge_pseudonyms = Signal::derive(move || {
        let linked = draft.with(|d| d.threads.clone());
        state.threads.with(|t| {
            let mut open: Vec<(bool, String)> = t
                .open_threads()
                .map(|t| (!linked.contains(&t.id), t.pseudonym.to_string()))
                .collect();
            open.sort_by_key(|(later, _)| *later);
            open.into_iter().map(|(_, p)| p).collect::<Vec<_>>()
        })
    });

    let has_errors = move || !field_errors.read().is_empty() || save_error.read().is_some();
    Effect::new(move |_| browser::set_title(heading, has_errors()));

    let keep_draft = move || {
        let current = draft.get_untracked();
        let slot = slot.get_value();
        // A cleared or unchanged form leaves no draft behind.
        let result =
            if current.all_text().trim().is_empty() || pristine.with_value(|p| *p == current) {
                state.discard_draft(&slot)
            } else {
                state.save_draft(&StoredDraft {
                    entry: match &slot {
                        DraftSlot::New => None,
                        DraftSlot::Edit(id) => Some(id.clone()),
                    },
                    saved_at: browser::now(),
                    draft: current,
                    based_on: base_revision.get_value(),
                })
            };
        status.set(match result {
            Ok(()) => DraftStatus::Saved,
            Err(e) => DraftStatus::Failed(e),
        });
    };
    let keep_draft_callback = Callback::new(move |_: ()| keep_draft());
    let take_other_draft = Callback::new(move |_: ()| {
        let Some(other) = other_draft.get_untracked() else {
            return;
        };
        match state.adopt_draft(&other) {
            Ok(()) => {
                // The other tab's words replace what its edit began from, not what is
                // stored now.
                if other.draft.based_on.is_some() {
                    base_revision.set_value(other.draft.based_on);
                }
                draft.set(other.draft.draft);
                other_draft.set(None);
                status.set(DraftStatus::Saved);
                browser::focus_element(Field::Text.html_id());
            }
            Err(e) => status.set(DraftStatus::Failed(e)),
        }
    });
    let edit = move |change: fn(&mut Draft, String)| {
        move |ev| {
            let value = event_target_value(&ev);
            draft.update(|d| change(d, value));
            keep_draft();
        }
    };

    let summary_items = Signal::derive(move || {
        let mut items: Vec<SummaryItem> = field_errors
            .get()
            .into_iter()
            .map(|e| SummaryItem {
                target: e.field.html_id(),
                message: e.message,
            })
            .collect();
        if let Some((message, _)) = save_error.get() {
            items.push(SummaryItem {
                target: Field::Text.html_id(),
                message,
            });
        }
        items
    });
    let summary_detail = Signal::derive(move || {
        save_error
            .get()
            .map(|(_, detail)| detail)
            .unwrap_or_default()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_error.set(None);
        let slot = slot.get_value();
        let valid = match validate(&draft.get_untracked(), browser::today()) {
            Ok(valid) => valid,
            Err(errors) => {
                field_errors.set(errors);
                browser::focus_id(ERROR_SUMMARY_ID);
                return;
            }
        };
        field_errors.set(Vec::new());
        let prepared = state.journal().with_untracked(|j| match &slot {
            DraftSlot::New => j.prepare_add(browser::new_entry_id(), valid, browser::now()),
            DraftSlot::Edit(id) => j.prepare_edit(id, valid, browser::now()),
        });
        let entry = match prepared {
            Ok(entry) => entry,
            Err(JournalError::NotFound(_)) => {
                save_error.set(Some((
                    "This reflection could not be saved because it is no longer in your journal (it may have been deleted in another tab)".to_owned(),
                    vec![
                        "Your words are still here in the editor and have not been lost.".to_owned(),
                        "Copy your text, then write a new reflection and paste it in.".to_owned(),
                    ],
                )));
                browser::focus_id(ERROR_SUMMARY_ID);
                return;
            }
            Err(JournalError::DuplicateId(_)) => {
                save_error.set(Some((
                    "Your reflection could not be saved because of a clash with another reflection"
                        .to_owned(),
                    vec![
                        "Your words are still here in the editor and have not been lost."
                            .to_owned(),
                        "Select the save button again.".to_owned(),
                    ],
                )));
                browser::focus_id(ERROR_SUMMARY_ID);
                return;
            }
        };
        let id = entry.id.clone();
        let chosen = draft.with_untracked(|d| d.threads.clone());
        let mut threads = state.threads.get_untracked();
        let threads = threads.set_links(&id, &chosen).then_some(threads);
        // Dismissals move from a new reflection's draft to it, and those whose words
        // are no longer in it go, in the same batch as the words.
        let present = nudger.with_untracked(|n| {
            fingerprints_in(&n.0, entry.sections.iter().map(|s| s.text.as_str()))
        });
        let (from, on_page) = (owner.get_value(), dismissed_nudges.get_untracked());
        let dismissals = |d: &crate::core::dismissals::Dismissals| {
            let after = d.saved(&id, &from, &on_page, &present);
            (after != *d).then_some(after)
        };
        match state.save_with_threads(
            entry.clone(),
            base_revision.get_value(),
            threads,
            Some(&dismissals),
        ) {
            Err(StorageError::Conflict(keys))
                if keys.iter().any(|k| k.ends_with(&format!("entry.{id}"))) =>
            {
                conflict.set(Some((entry, state.stored_entry(&id))));
                browser::focus_id(CONFLICT_ID);
            }
            Ok(()) => {
                // The entry is safely stored; a draft left behind by a failed discard
                // would only be offered again, never lose anything.
                let _ = state.discard_draft(&slot);
                // Now there is something worth keeping: ask the browser not to clear
                // the journal when the device runs short of space.
                browser::ask_to_keep_storage_once();
                // The entry page offers the optional wellbeing check ("How are you
                // after this?") without standing between the worker and their entry.
                let to = format!("/entries/{id}");
                state.flash.set(Some(Flash {
                    message: "Reflection saved".to_owned(),
                    on: to.clone(),
                }));
                navigate(&to, NavigateOptions::default());
            }
            Err(e) => {
                save_error.set(Some(storage_failure("Your reflection", &e)));
                browser::focus_id(ERROR_SUMMARY_ID);
            }
        }
    };

    let error_for = move |fields: &'static [Field]| {
        move || {
            field_errors
                .read()
                .iter()
                .find(|e| fields.contains(&e.field))
                .map(|e| e.message.clone())
        }
    };
    let highlighted = move |field: Field| {
        move || {
            field_errors
                .read()
                .iter()
                .any(|e| e.highlights.contains(&field))
        }
    };
    const DATE_FIELDS: &[Field] = &[Field::AboutDay, Field::AboutMonth, Field::AboutYear];
    let date_error = error_for(DATE_FIELDS);
    let text_error = error_for(&[Field::Text]);
    let answer_error = move |i: usize| {
        move || {
            field_errors
                .read()
                .iter()
                .find(|e| e.field == Field::Answer(i))
                .map(|e| e.message.clone())
        }
    };

    // The shape of the form changes only when the template does, so typing never
    // rebuilds the answer boxes (which would lose focus).
    let template_id = Memo::new(move |_| {
        draft.with(|d| {
            d.template
                .as_ref()
                .map_or_else(|| FREE_FORM_ID.to_owned(), |t| t.id.to_string())
        })
    });
    let prompts = Memo::new(move |_| {
        draft.with(|d| {
            d.answers
                .iter()
                .map(|a| (a.prompt.clone(), a.hint.clone()))
                .collect::<Vec<_>>()
        })
    });
    let templates = move || {
        state.templates.with(|lib| {
            let mut all: Vec<(String, String)> = lib
                .all()
                .map(|t| (t.id().to_owned(), t.name().to_owned()))
                .collect();
            // A custom template deleted since the entry was written is still shown.
            draft.with(|d| {
                if let Some(t) = &d.template {
                    if !all.iter().any(|(id, _)| id == t.id.as_str()) {
                        all.push((t.id.to_string(), format!("{} (deleted)", t.name)));
                    }
                }
            });
            all
        })
    };
    let template_hint = move || {
        let id = template_id.get();
        state.templates.with(|lib| {
            TemplateId::parse(&id)
                .and_then(|id| lib.get(&id))
                .and_then(|t| t.description())
                .unwrap_or("Your own template.")
                .to_owned()
        })
    };
    let choose_template = move |ev: leptos::ev::Event| {
        let Some(id) = TemplateId::parse(&event_target_value(&ev)) else {
            return;
        };
        state.templates.with_untracked(|lib| {
            if let Some(template) = lib.get(&id) {
                draft.update(|d| d.use_template(template));
            }
        });
        field_errors.set(Vec::new());
        keep_draft();
    };
    let answer_box = move |i: usize, prompt: String, hint: Option<String>| {
        let id = format!("answer-{i}");
        let hint_id = format!("answer-{i}-hint");
        let error_id = format!("answer-{i}-error");
        let error = answer_error(i);
        let described = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            let has_hint = hint.is_some();
            move || {
                let mut ids = Vec::new();
                if has_hint {
                    ids.push(hint_id.clone());
                }
                if error().is_some() {
                    ids.push(error_id.clone());
                }
                ids.join(" ")
            }
        };
        view! {
            <div class=move || if error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                <label class="nhsuk-label nhsuk-label--s" for=id.clone()>{prompt}</label>
                {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id.clone()>{h}</div> })}
                {move || error().map(|message| view! {
                    <span class="nhsuk-error-message" id=error_id.clone()>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                    </span>
                })}
                <textarea
                    class=move || if error().is_some() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                    id=id.clone()
                    name=id
                    rows="5"
                    aria-describedby=described
                    prop:value=move || draft.with(|d| d.answers.get(i).map(|a| a.text.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| if let Some(a) = d.answers.get_mut(i) { a.text = value });
                        keep_draft();
                    }
                ></textarea>
                <Show when=nudges_wanted>
                    <IdentifierNudges
                        for_id=format!("answer-{i}")
                        label="this answer"
                        text=Signal::derive(move || draft.with(|d| d.answers.get(i).map(|a| a.text.clone()).unwrap_or_default()))
                        on_change=Callback::new(move |value: String| {
                            draft.update(|d| if let Some(a) = d.answers.get_mut(i) { a.text = value });
                            keep_draft();
                        })
                        nudger=nudger
                        dismissed=dismissed_nudges
                        pseudonyms=nudge_pseudonyms
                        remember=remember_dismissal
                    />
                </Show>
            </div>
        }
    };

    // Open holding threads, offered as checkboxes.
    let open_threads = Memo::new(move |_| {
        state.threads.with(|t| {
            t.open_threads()
                .map(|t| (t.id.clone(), t.pseudonym.to_string()))
                .collect::<Vec<_>>()
        })
    });
    let toggle_thread = move |id: ThreadId, on: bool| {
        draft.update(|d| {
            d.threads.retain(|t| *t != id);
            if on {
                d.threads.push(id);
            }
        });
        keep_draft();
    };
    let end_question = move || state.settings.with(|s| s.end_question);
    let judgement = move |answer: JudgementCall| {
        draft.update(|d| d.judgement_call = Some(answer));
        keep_draft();
    };

    let date_part = move |field: Field,
                          label: &'static str,
                          width: &'static str,
                          get: fn(&Draft) -> String,
                          set: fn(&mut Draft, String)| {
        let id: &'static str = match field {
            Field::AboutDay => "about-day",
            Field::AboutMonth => "about-month",
            _ => "about-year",
        };
        view! {
            <div class="nhsuk-date-input__item">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-date-input__label" for=id>{label}</label>
                    <input
                        class=move || format!(
                            "nhsuk-input nhsuk-date-input__input {width}{}",
                            if highlighted(field)() { " nhsuk-input--error" } else { "" }
                        )
                        id=id
                        name=id
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=move || draft.with(get)
                        on:input=edit(set)
                    />
                </div>
            </div>
        }
    };

    let navigate_away = use_navigate();
    let cancel_to = StoredValue::new(cancel_href.clone());
    let has_unsaved_words = move || {
        let current = draft.get_untracked();
        !current.all_text().trim().is_empty() && pristine.with_value(|p| *p != current)
    };
    // Cancel leaves the draft kept, to finish later. Only when the latest words could
    // not be kept (storage full, say) would leaving lose them: then it asks first.
    let on_cancel = move |ev: leptos::ev::MouseEvent| {
        if has_unsaved_words() && matches!(status.get_untracked(), DraftStatus::Failed(_)) {
            ev.prevent_default();
            confirm_cancel.set(true);
            browser::focus_id(CANCEL_ID);
        }
    };
    let discard = Callback::new(move |_: ()| {
        navigate_away(&cancel_to.get_value(), NavigateOptions::default());
    });
    let navigate_resolved = use_navigate();
    let resolve = Callback::new(move |choice: Resolution| {
        let Some((mine, theirs)) = conflict.get_untracked() else {
            return;
        };
        let id = mine.id.clone();
        let result = match choice {
            Resolution::KeepMine => state.keep_mine(mine).map(|()| "Your version was saved"),
            Resolution::TakeTheirs => Ok("The other version was kept; your changes were discarded"),
            Resolution::KeepBoth => {
                let mut copy = mine;
                copy.id = browser::new_entry_id();
                state
                    .save(copy, None)
                    .map(|()| "Both versions were kept as separate reflections")
            }
        };
        match result {
            Ok(message) => {
                let _ = state.discard_draft(&slot.get_value());
                if theirs.is_some() && choice != Resolution::KeepMine {
                    state.reload();
                }
                let to = format!("/entries/{id}");
                state.flash.set(Some(Flash {
                    message: message.to_owned(),
                    on: to.clone(),
                }));
                navigate_resolved(&to, NavigateOptions::default());
            }
            Err(e) => {
                save_error.set(Some(storage_failure("Your reflection", &e)));
                browser::focus_id(ERROR_SUMMARY_ID);
            }
        }
    });

    view! {
        <a class="nhsuk-back-link" href=cancel_href.clone()>"Back"</a>
        <ErrorSummary items=summary_items detail=summary_detail/>
        <PageHeading text=heading/>
        {move || conflict.get().map(|(mine, theirs)| view! {
            <div class="nhsuk-warning-callout" id=CONFLICT_ID tabindex="-1" role="alert">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>
                    "This reflection was changed in another tab or window"</span>
                </h2>
                <p>"Nothing has been saved yet, and your words are still here. Choose which version to keep."</p>
                <h3 class="nhsuk-heading-s">"Your version"</h3>
                <p class="app-conflict-text">{mine.text()}</p>
                <h3 class="nhsuk-heading-s">"The other version"</h3>
                <p class="app-conflict-text">{theirs.map_or_else(
                    || "It has been deleted in the other tab or window.".to_owned(),
                    |t| t.text(),
                )}</p>
                <div class="app-form-actions">
                    <button class="nhsuk-button" type="button" on:click=move |_| resolve.run(Resolution::KeepMine)>"Keep my version"</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| resolve.run(Resolution::KeepBoth)>"Keep both"</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| resolve.run(Resolution::TakeTheirs)>"Keep the other version"</button>
                </div>
            </div>
        })}
        {restored_at.map(|at| view! {
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{format!(
                    "We restored the draft you were writing, last kept on {}.",
                    date_and_time(at.with_timezone(&Local).naive_local())
                )}</p>
            </div>
        })}
        {move || other_draft.get().map(|other| {
            let words: String = other.draft.draft.all_text().chars().take(160).collect();
            view! {
                <div class="nhsuk-inset-text" id="other-draft">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>{format!(
                        "Another tab or window left unsaved words here, last kept on {}:",
                        date_and_time(other.draft.saved_at.with_timezone(&Local).naive_local())
                    )}</p>
                    <p class="app-conflict-text">{words}</p>
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button"
                        on:click=move |_| take_other_draft.run(())>
                        "Continue with these words"
                    </button>
                </div>
            }
        })}
        <form novalidate on:submit=on_submit>
            <div class=move || if date_error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                <fieldset class="nhsuk-fieldset" role="group"
                    aria-describedby=move || if date_error().is_some() { "about-hint about-error" } else { "about-hint" }>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                        "What day is this reflection about?"
                    </legend>
                    <div class="nhsuk-hint" id="about-hint">
                        "Today unless you are writing about an earlier day, for example, 23 11 2026."
                    </div>
                    {move || date_error().map(|message| view! {
                        <span class="nhsuk-error-message" id="about-error">
                            <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                        </span>
                    })}
                    <div class="nhsuk-date-input" id="about">
                        {date_part(Field::AboutDay, "Day", "nhsuk-input--width-2", |d| d.day.clone(), |d, v| d.day = v)}
                        {date_part(Field::AboutMonth, "Month", "nhsuk-input--width-2", |d| d.month.clone(), |d, v| d.month = v)}
                        {date_part(Field::AboutYear, "Year", "nhsuk-input--width-4", |d| d.year.clone(), |d, v| d.year = v)}
                    </div>
                </fieldset>
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="template">"How do you want to write?"</label>
                <div class="nhsuk-hint" id="template-hint">{template_hint}</div>
                <select class="nhsuk-select" id="template" name="template" aria-describedby="template-hint" on:change=choose_template>
                    {move || templates().into_iter().map(|(id, name)| {
                        let selected = id == template_id.get();
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || template_id.get() == FREE_FORM_ID fallback=move || {
                view! {
                    <div class="app-answers">
                        {move || prompts.get().into_iter().enumerate()
                            .map(|(i, (prompt, hint))| answer_box(i, prompt, hint))
                            .collect_view()}
                    </div>
                }
            }>
            <div class=move || if text_error().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                    <label class="nhsuk-label nhsuk-label--s" for="reflection">"Your reflection"</label>
                    <div class="nhsuk-hint" id="reflection-hint">
                        "What happened, what you made of it, and what you might do next. Keep names and case details out: this is about your practice and learning."
                    </div>
                    {move || text_error().map(|message| view! {
                        <span class="nhsuk-error-message" id="reflection-error">
                            <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                        </span>
                    })}
                    <textarea
                        class=move || if text_error().is_some() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                        id="reflection"
                        name="reflection"
                        rows="12"
                        aria-describedby=move || if text_error().is_some() { "reflection-hint reflection-error" } else { "reflection-hint" }
                        prop:value=move || draft.with(|d| d.text.clone())
                        on:input=edit(|d, v| d.text = v)
                    ></textarea>
                    <Show when=nudges_wanted>
                        <IdentifierNudges
                            for_id="reflection"
                            label="your reflection"
                            text=Signal::derive(move || draft.with(|d| d.text.clone()))
                            on_change=Callback::new(move |value: String| {
                                draft.update(|d| d.text = value);
                                keep_draft();
                            })
                            nudger=nudger
                            dismissed=dismissed_nudges
                            pseudonyms=nudge_pseudonyms
                            remember=remember_dismissal
                        />
                    </Show>
                </div>
            </Show>
            <div>
                <p class="nhsuk-body-s app-draft-status" aria-live="polite">
                    {move || match status.get() {
                        DraftStatus::Untouched => String::new(),
                        DraftStatus::Saved => "Draft saved on this device".to_owned(),
                        DraftStatus::Failed(e) => format!(
                            "Your draft could not be kept on this device because {e}. Your words are still here; copy them somewhere safe before leaving this page."
                        ),
                    }}
                </p>
            </div>
            <TagSuggestions draft=draft on_change=keep_draft_callback/>
            <TagPicker draft=draft on_change=keep_draft_callback/>
            <Show when=move || !open_threads.read().is_empty()>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset" aria-describedby="threads-hint">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            "Is this part of a holding thread?"
                        </legend>
                        <div class="nhsuk-hint" id="threads-hint">
                            "Link it to the people you are holding, so each thread counts its contacts. Select all that apply."
                        </div>
                        <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                            <For each=move || open_threads.get() key=|(id, _)| id.clone() let((id, pseudonym))>
                                {
                                    let html_id = format!("thread-{id}");
                                    let checked = {
                                        let id = id.clone();
                                        move || draft.with(|d| d.threads.contains(&id))
                                    };
                                    view! {
                                        <div class="nhsuk-checkboxes__item">
                                            <input class="nhsuk-checkboxes__input" id=html_id.clone() type="checkbox"
                                                prop:checked=checked
                                                on:change=move |ev| toggle_thread(id.clone(), event_target_checked(&ev))/>
                                            <label class="nhsuk-label nhsuk-checkboxes__label" for=html_id>{pseudonym}</label>
                                        </div>
                                    }
                                }
                            </For>
                        </div>
                    </fieldset>
                </div>
            </Show>
            <Show when=end_question>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset" aria-describedby="judgement-hint">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            {move || end_of_entry_question(draft.with(|d| d.about(browser::today())), browser::today())}
                        </legend>
                        <div class="nhsuk-hint" id="judgement-hint">
                            "A micro-discretion: an action or advice based on your own judgement of the situation rather than explicit guidance, for example offering a fourth session. Optional. If yes, you can name it with a micro-discretion tag above."
                        </div>
                        <div class="nhsuk-radios nhsuk-radios--inline">
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id="judgement-yes" name="judgement" type="radio" value="yes"
                                    prop:checked=move || draft.with(|d| d.judgement_call == Some(JudgementCall::Yes))
                                    on:change=move |_| judgement(JudgementCall::Yes)/>
                                <label class="nhsuk-label nhsuk-radios__label" for="judgement-yes">"Yes"</label>
                            </div>
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id="judgement-no" name="judgement" type="radio" value="no"
                                    prop:checked=move || draft.with(|d| d.judgement_call == Some(JudgementCall::No))
                                    on:change=move |_| judgement(JudgementCall::No)/>
                                <label class="nhsuk-label nhsuk-radios__label" for="judgement-no">"No"</label>
                            </div>
                        </div>
                    </fieldset>
                </div>
            </Show>
            <div class="app-form-actions">
                <button class="nhsuk-button" type="submit">{submit_label}</button>
                <p><a href=cancel_href on:click=on_cancel>"Cancel"</a></p>
            </div>
        </form>
        <Show when=move || confirm_cancel.get()>
            <div class="nhsuk-warning-callout" id=CANCEL_ID tabindex="-1" role="alert">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>
                    "Leave without your latest words?"</span>
                </h2>
                {move || match status.get() {
                    DraftStatus::Failed(e) => view! {
                        <p>{format!(
                            "Your latest words are only on this page: they could not be kept as a draft because {e}. Copy them somewhere safe before you leave. Any draft kept earlier stays on this device."
                        )}</p>
                    }.into_any(),
                    _ => view! { <p>"Your words are kept as a draft."</p> }.into_any(),
                }}
                <div class="app-form-actions">
                    <button class="nhsuk-button nhsuk-button--warning" type="button" on:click=move |_| discard.run(())>"Leave without them"</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button"
                        on:click=move |_| { confirm_cancel.set(false); browser::focus_element(Field::Text.html_id()); }>
                        "Keep writing"
                    </button>
                </div>
            </div>
        </Show>
    }
}
