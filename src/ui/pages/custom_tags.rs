//! The worker's tags: the built-in vocabulary to read, and their own tags to create,
//! rename, merge into another tag, or delete. A merge or delete changes the reflections
//! that carry the tag, so each change is saved with those reflections, all or nothing,
//! and the confirmation says how many reflections it touches. Each action has its own
//! address so the browser's Back button works.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::ids::TagId;
use crate::core::tags::{
    count_tagged, retag_entries, CustomTag, Family, TagChange, TagError, TagField, Vocabulary,
};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, SummaryItem};
use crate::ui::forms::{Problems, TextField};
use crate::ui::pages::settings::{
    action_list, confirm_page, expander, ActionRow, Missing, ACTION_ID,
};
use crate::ui::state::{use_app_state, AppState, Flash};

const LIST: &str = "/settings/tags";
const SUBMIT_ID: &str = ACTION_ID;

/// "Used in 3 reflections".
fn used_in(n: usize) -> String {
    match n {
        0 => "Not used in any reflection yet".to_owned(),
        1 => "Used in 1 reflection".to_owned(),
        n => format!("Used in {n} reflections"),
    }
}

/// "1 reflection", "3 reflections".
fn reflections(n: usize) -> String {
    if n == 1 {
        "1 reflection".to_owned()
    } else {
        format!("{n} reflections")
    }
}

fn tagged(state: AppState, id: &TagId) -> usize {
    state.journal().with(|j| count_tagged(j.newest_first(), id))
}

/// The worker's own tag named in the address, as it is now.
fn tag_from_url(state: AppState) -> Option<CustomTag> {
    let id = crate::ui::route::params()
        .id
        .as_deref()
        .and_then(TagId::parse)?;
    state
        .vocabulary
        .with_untracked(|v| v.custom().iter().find(|t| t.id == id).cloned())
}

fn not_found() -> AnyView {
    view! {
        <Missing heading="Tag not found" back=LIST
            text="This is not one of your own tags. It may have been merged or deleted, perhaps in another tab."/>
    }
    .into_any()
}

/// Saves a changed vocabulary with the reflections `change` retags, all or nothing,
/// then goes back to the list with `message`; on failure says so and changes nothing.
fn commit(
    state: AppState,
    errors: Problems,
    vocab: Vocabulary,
    change: Option<&TagChange>,
    message: String,
    navigate: &dyn Fn(&str, NavigateOptions),
) {
    let retagged = change
        .map(|c| {
            state
                .journal()
                .with_untracked(|j| retag_entries(j.newest_first(), c))
        })
        .unwrap_or_default();
    match state.save_vocabulary(vocab, retagged) {
        Ok(()) => {
            state.flash.set(Some(Flash {
                message,
                on: LIST.to_owned(),
            }));
            navigate(LIST, NavigateOptions::default());
        }
        Err(e) => errors.storage_kept(
            SUBMIT_ID,
            "Your tags",
            &e,
            "Nothing has been changed: your tags and reflections are as they were.",
        ),
    }
}

fn show_tag_errors(errors: Problems, found: Vec<TagError>) {
    errors.show(
        found
            .into_iter()
            .map(|e| SummaryItem {
                target: e.field().map_or(SUBMIT_ID, TagField::html_id).to_owned(),
                message: e.to_string(),
            })
            .collect(),
        Vec::new(),
    );
}

/// `/settings/tags`: the worker's tags with what can be done to them, then the built-in
/// vocabulary to read.
#[component]
pub fn TagsPage() -> impl IntoView {
    let state = use_app_state();
    crate::ui::browser::set_title("Your tags", false);
    let own = move || {
        let rows = state.vocabulary.with(|v| {
            v.custom()
                .iter()
                .map(|t| ActionRow {
                    key: t.label.clone(),
                    value: view! {
                        {t.definition.clone().map(|d| view! { <p>{d}</p> })}
                        <p class="nhsuk-body-s">{used_in(tagged(state, &t.id))}</p>
                    }
                    .into_any(),
                    base: format!("{LIST}/{}", t.id),
                    actions: &[
                        ("rename", "Rename"),
                        ("merge", "Merge"),
                        ("delete", "Delete"),
                    ],
                })
                .collect()
        });
        action_list(rows, "You have not created any tags yet.")
    };
    let families = Family::ALL
        .iter()
        .map(|family| {
            let rows = family
                .tags()
                .map(|t| {
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{t.label}</dt>
                            <dd class="nhsuk-summary-list__value">
                                {format!("{} For example, “{}”.", t.definition, t.example)}
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            expander(
                family.label(),
                view! {
                    <p>{family.definition()}</p>
                    <dl class="nhsuk-summary-list">{rows}</dl>
                }
                .into_any(),
            )
        })
        .collect_view();
    view! {
        <a class="nhsuk-back-link" href="/settings">"Back to settings"</a>
        <FlashBanner/>
        <PageHeading text="Your tags"/>
        <p>"Tags help you and your supervisor see patterns in your practice. Anchorpoint comes with tags drawn from research with link workers, and you can add your own."</p>
        <a href="/settings/tags/new" role="button" draggable="false" class="nhsuk-button">"Create a tag"</a>
        <h2 class="nhsuk-heading-m">"Your own tags"</h2>
        {own}
        <h2 class="nhsuk-heading-m">"Built-in tags"</h2>
        <p>"These come with Anchorpoint and cannot be changed. You can merge one of your own tags into any of them."</p>
        {families}
    }
}

/// `/settings/tags/new`.
#[component]
pub fn NewTagPage() -> impl IntoView {
    view! { <TagForm tag=None/> }
}

/// `/settings/tags/:id/rename`: a new name, a new definition, or both.
#[component]
pub fn RenameTagPage() -> impl IntoView {
    let state = use_app_state();
    match tag_from_url(state) {
        Some(tag) => view! { <TagForm tag=Some(tag)/> }.into_any(),
        None => not_found(),
    }
}

/// The create and rename form: a name and an optional definition.
#[component]
fn TagForm(tag: Option<CustomTag>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let editing = tag.as_ref().map(|t| t.id.clone());
    let (heading, button) = if editing.is_some() {
        ("Rename a tag", "Save changes")
    } else {
        ("Create a tag", "Create tag")
    };
    let errors = Problems::new(Signal::stored(heading.to_owned()));
    let name = RwSignal::new(tag.as_ref().map(|t| t.label.clone()).unwrap_or_default());
    let definition = RwSignal::new(tag.and_then(|t| t.definition).unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut vocab = state.vocabulary.get_untracked();
        let (name, definition) = (name.get_untracked(), definition.get_untracked());
        let result = match &editing {
            None => vocab
                .create(browser::new_id_seed(), &name, &definition)
                .map_err(|e| vec![e]),
            Some(id) => {
                // Check both fields so every problem shows at once.
                let found: Vec<TagError> = [
                    vocab.rename(id, &name).err(),
                    vocab.set_definition(id, &definition).err(),
                ]
                .into_iter()
                .flatten()
                .collect();
                if found.is_empty() {
                    Ok(id.clone())
                } else {
                    Err(found)
                }
            }
        };
        match result {
            Ok(id) => {
                let label = vocab.display_name(&id).unwrap_or_default();
                let message = if editing.is_some() {
                    format!("Tag ‘{label}’ saved")
                } else {
                    format!("Tag ‘{label}’ created")
                };
                commit(state, errors, vocab, None, message, &navigate);
            }
            Err(found) => show_tag_errors(errors, found),
        }
    };
    view! {
        <a class="nhsuk-back-link" href=LIST>"Back"</a>
        {errors.summary()}
        <PageHeading text=heading/>
        <form novalidate on:submit=submit>
            <TextField id=TagField::Name.html_id() value=name errors=errors
                label="Tag name" label_class="nhsuk-label nhsuk-label--s"
                hint="40 characters or fewer, for example, food bank or carers’ group."/>
            <TextField id=TagField::Definition.html_id() value=definition errors=errors rows=3
                label="Definition (optional)" label_class="nhsuk-label nhsuk-label--s"
                hint="When to use this tag, in a sentence. It is shown beside the tag when you choose tags."/>
            <button id=SUBMIT_ID class="nhsuk-button" type="submit">{button}</button>
            <p><a href=LIST>"Cancel"</a></p>
        </form>
    }
}

/// `/settings/tags/:id/merge`: choose the tag to keep; reflections move to it.
#[component]
pub fn MergeTagPage() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let Some(tag) = tag_from_url(state) else {
        return not_found();
    };
    let errors = Problems::new(Signal::stored("Merge a tag".to_owned()));
    let heading = format!("Merge ‘{}’ into another tag", tag.label);
    let into = RwSignal::new(String::new());
    let count = tagged(state, &tag.id);
    let from = tag.id.clone();
    // Every other tag, the worker's own first, then the built-in ones by family.
    let (own, builtin): (Vec<_>, Vec<_>) = state.vocabulary.with_untracked(|v| {
        v.all()
            .filter(|t| t.id() != from.as_str())
            .map(|t| {
                let id = TagId::parse(t.id()).unwrap_or_else(|| from.clone());
                (
                    t.family().is_none(),
                    v.display_name(&id).unwrap_or_default(),
                    id,
                )
            })
            .partition(|(custom, _, _)| *custom)
    });
    let option = |(_, label, id): (bool, String, TagId)| {
        view! { <option value=id.as_str().to_owned()>{label}</option> }
    };
    let own_options = (!own.is_empty()).then(|| {
        view! { <optgroup label="Your own tags">{own.into_iter().map(option).collect_view()}</optgroup> }
    });
    let builtin_options = builtin.into_iter().map(option).collect_view();
    let field = TagField::MergeTarget.html_id();
    let options = view! {
        <option value="">"Choose a tag"</option>
        {own_options}
        <optgroup label="Built-in tags">{builtin_options}</optgroup>
    }
    .into_any();
    let label = tag.label.clone();
    let explain = move || {
        let chosen = TagId::parse(&into.get())
            .and_then(|id| state.vocabulary.with_untracked(|v| v.display_name(&id)));
        let target = chosen.map_or_else(
            || "with the tag you choose".to_owned(),
            |c| format!("with ‘{c}’"),
        );
        format!(
            "{} tagged ‘{label}’ will be tagged {target} instead, and ‘{label}’ will no longer exist. Nothing else in your reflections changes. You cannot undo this.",
            if count == 1 { "The 1 reflection".to_owned() } else { format!("The {count} reflections") },
        )
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(target) = TagId::parse(&into.get_untracked()) else {
            return errors.one(field, "Choose a tag to merge into".to_owned());
        };
        let mut vocab = state.vocabulary.get_untracked();
        match vocab.merge(&from, &target) {
            Ok(change) => {
                let into_name = vocab.display_name(&target).unwrap_or_default();
                let message = format!(
                    "‘{}’ merged into ‘{into_name}’. {} retagged.",
                    tag.label,
                    reflections(count)
                );
                commit(state, errors, vocab, Some(&change), message, &navigate);
            }
            Err(e) => show_tag_errors(errors, vec![e]),
        }
    };
    view! {
        <a class="nhsuk-back-link" href=LIST>"Back"</a>
        {errors.summary()}
        <PageHeading text=heading/>
        <form novalidate on:submit=submit>
            <TextField id=field value=into errors=errors options=options
                label="Tag to merge into" label_class="nhsuk-label nhsuk-label--s"
                hint="Built-in tags show their family first, for example, boundary: held."/>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p aria-live="polite">{explain}</p>
            </div>
            <button id=SUBMIT_ID class="nhsuk-button" type="submit">"Merge tags"</button>
            <p><a href=LIST>"Cancel"</a></p>
        </form>
    }
    .into_any()
}

/// `/settings/tags/:id/delete`: the tag goes, and so does every use of it.
#[component]
pub fn DeleteTagPage() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let Some(tag) = tag_from_url(state) else {
        return not_found();
    };
    let errors = Problems::new(Signal::stored("Delete a tag".to_owned()));
    let heading = format!("Are you sure you want to delete the tag ‘{}’?", tag.label);
    let count = tagged(state, &tag.id);
    let explain = match count {
        0 => "No reflections use it.".to_owned(),
        1 => "It will be removed from the 1 reflection that uses it. Its words, date and other tags will not change.".to_owned(),
        n => format!(
            "It will be removed from the {n} reflections that use it. Their words, dates and other tags will not change."
        ),
    };
    let label = tag.label.clone();
    let delete = move || {
        let mut vocab = state.vocabulary.get_untracked();
        match vocab.delete(&tag.id) {
            Ok(change) => {
                let message = format!(
                    "Tag ‘{label}’ deleted. It was removed from {}.",
                    reflections(count)
                );
                commit(state, errors, vocab, Some(&change), message, &navigate);
            }
            Err(e) => show_tag_errors(errors, vec![e]),
        }
    };
    confirm_page(
        errors,
        heading,
        explain,
        "Yes, delete this tag",
        LIST,
        Box::new(delete),
    )
}
