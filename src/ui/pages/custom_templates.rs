//! The worker's templates: the built-in models to read, and their own to create (from
//! scratch or from a copy of a built-in one), edit and delete. A template is a name and
//! a list of prompts, each with an optional hint and a role that says whether its
//! answer is a learning point, an action or part of the account. Prompts are added and
//! removed in place (the GOV.UK "add another" pattern), with focus kept on the prompt
//! being worked on. Reflections keep their own copy of each question, so changing or
//! deleting a template never changes what was written.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::ids::{PromptKey, TemplateId};
use crate::core::templates::{
    CustomTemplate, PromptDraft, PromptRole, TemplateDraft, TemplateError, TemplateField,
    TemplateRef, BUILTIN_TEMPLATES, MAX_PROMPTS,
};
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading, SummaryItem};
use crate::ui::forms::{Choice, Problems, Radios, TextField};
use crate::ui::pages::settings::{
    action_list, confirm_page, expander, ActionRow, Missing, ACTION_ID,
};
use crate::ui::state::{use_app_state, AppState, Flash};

const LIST: &str = "/settings/templates";
const SUBMIT_ID: &str = ACTION_ID;

fn role_id(role: PromptRole) -> &'static str {
    match role {
        PromptRole::Learning => "learning",
        PromptRole::Action => "action",
        PromptRole::Other => "other",
    }
}

fn role_from(id: &str) -> PromptRole {
    match id {
        "learning" => PromptRole::Learning,
        "action" => PromptRole::Action,
        _ => PromptRole::Other,
    }
}

/// The prompts of a template as a numbered list, each with its hint and, for the
/// answers that go to supervision, what they become.
fn prompt_list(template: TemplateRef<'_>) -> AnyView {
    let items = template
        .prompts()
        .map(|p| {
            let role = match p.role {
                PromptRole::Learning => " (a learning point)",
                PromptRole::Action => " (an action)",
                PromptRole::Other => "",
            };
            view! {
                <li>
                    <strong>{p.label.to_owned()}</strong>{role}
                    {p.hint.map(|h| view! { <br/><span class="nhsuk-body-s">{h.to_owned()}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="nhsuk-list nhsuk-list--number">{items}</ol> }.into_any()
}

/// The worker's own template named in the address, as it is now.
fn template_from_url(state: AppState) -> Option<CustomTemplate> {
    let id = crate::ui::route::params()
        .id
        .as_deref()
        .and_then(TemplateId::parse)?;
    state
        .templates
        .with_untracked(|l| l.custom().iter().find(|t| t.id == id).cloned())
}

fn not_found() -> AnyView {
    view! {
        <Missing heading="Template not found" back=LIST
            text="This is not one of your own templates. It may have been deleted, perhaps in another tab."/>
    }
    .into_any()
}

fn show_template_errors(errors: Problems, found: Vec<TemplateError>) {
    errors.show(
        found
            .into_iter()
            .map(|e| SummaryItem {
                target: e
                    .field()
                    .map_or_else(|| SUBMIT_ID.to_owned(), TemplateField::html_id),
                message: e.to_string(),
            })
            .collect(),
        Vec::new(),
    );
}

/// `/settings/templates`.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let state = use_app_state();
    browser::set_title("Your templates", false);
    let own = move || {
        let rows = state.templates.with(|l| {
            l.custom()
                .iter()
                .map(|t| ActionRow {
                    key: t.name.clone(),
                    value: prompt_list(TemplateRef::Custom(t)),
                    base: format!("{LIST}/{}", t.id),
                    actions: &[("edit", "Edit"), ("delete", "Delete")],
                })
                .collect()
        });
        action_list(rows, "You have not created any templates yet.")
    };
    let builtin = BUILTIN_TEMPLATES
        .iter()
        .map(|t| {
            expander(
                t.name,
                view! {
                    <p>{t.description}</p>
                    {prompt_list(TemplateRef::Builtin(t))}
                }
                .into_any(),
            )
        })
        .collect_view();
    view! {
        <a class="nhsuk-back-link" href="/settings">"Back to settings"</a>
        <FlashBanner/>
        <PageHeading text="Your templates"/>
        <p>"A template gives a reflection its prompts. Answers to prompts marked as learning points or actions are collected for your supervision summary."</p>
        <a href="/settings/templates/new" role="button" draggable="false" class="nhsuk-button">"Create a template"</a>
        <h2 class="nhsuk-heading-m">"Your own templates"</h2>
        {own}
        <h2 class="nhsuk-heading-m">"Built-in templates"</h2>
        <p>"These come with Anchorpoint and cannot be changed. To change one, create a template and start from a copy of it."</p>
        {builtin}
    }
}

/// `/settings/templates/new`.
#[component]
pub fn NewTemplatePage() -> impl IntoView {
    view! { <TemplateForm template=None/> }
}

/// `/settings/templates/:id/edit`.
#[component]
pub fn EditTemplatePage() -> impl IntoView {
    match template_from_url(use_app_state()) {
        Some(t) => view! { <TemplateForm template=Some(t)/> }.into_any(),
        None => not_found(),
    }
}

/// One prompt in the form: its key (kept when editing, so the prompt keeps its
/// identity) and what the worker typed.
#[derive(Clone, Copy)]
struct PromptRow {
    key: StoredValue<Option<PromptKey>>,
    label: RwSignal<String>,
    hint: RwSignal<String>,
    role: RwSignal<String>,
}

impl PromptRow {
    fn new(draft: PromptDraft) -> PromptRow {
        PromptRow {
            key: StoredValue::new(draft.key),
            label: RwSignal::new(draft.label),
            hint: RwSignal::new(draft.hint),
            role: RwSignal::new(role_id(draft.role).to_owned()),
        }
    }

    fn draft(&self) -> PromptDraft {
        PromptDraft {
            key: self.key.get_value(),
            label: self.label.get_untracked(),
            hint: self.hint.get_untracked(),
            role: role_from(&self.role.get_untracked()),
        }
    }
}

const PROMPTS_ID: &str = "template-prompts";

/// The create and edit form.
#[component]
fn TemplateForm(template: Option<CustomTemplate>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    // Rows added later belong to the form, so they go when it goes.
    let owner = Owner::current();
    let in_form = move |draft: PromptDraft| match &owner {
        Some(owner) => owner.with(|| PromptRow::new(draft)),
        None => PromptRow::new(draft),
    };
    let editing = template.as_ref().map(|t| t.id.clone());
    let (heading, button) = if editing.is_some() {
        ("Edit a template", "Save changes")
    } else {
        ("Create a template", "Create template")
    };
    let errors = Problems::new(Signal::stored(heading.to_owned()));
    let is_edit = editing.is_some();
    let draft = match &template {
        Some(t) => TemplateDraft::from_template(TemplateRef::Custom(t)),
        None => TemplateDraft {
            name: String::new(),
            prompts: vec![PromptDraft::default()],
        },
    };
    let name = RwSignal::new(draft.name);
    let rows = RwSignal::new(
        draft
            .prompts
            .into_iter()
            .map(in_form.clone())
            .collect::<Vec<_>>(),
    );
    // Said to screen readers when prompts are added or removed.
    let status = RwSignal::new(String::new());

    let add = {
        let in_form = in_form.clone();
        move |_| {
            let n = rows.with_untracked(Vec::len) + 1;
            rows.update(|r| r.push(in_form(PromptDraft::default())));
            status.set(format!("Prompt {n} added"));
            browser::focus_element(format!("prompt-{n}-label"));
        }
    };
    let remove = move |i: usize| {
        rows.update(|r| {
            r.remove(i);
        });
        errors.clear();
        status.set(format!("Prompt {} removed", i + 1));
        let n = (i + 1).min(rows.with_untracked(Vec::len));
        browser::focus_element(format!("prompt-{n}-label"));
    };

    let start_from = RwSignal::new(BUILTIN_TEMPLATES[1].id.to_owned());
    let copy = move |_| {
        let Some(t) = BUILTIN_TEMPLATES
            .iter()
            .find(|t| t.id == start_from.get_untracked())
        else {
            return;
        };
        let draft = TemplateDraft::from_template(TemplateRef::Builtin(t));
        name.set(format!("{} (my version)", t.name));
        rows.set(draft.prompts.into_iter().map(in_form.clone()).collect());
        errors.clear();
        status.set(format!(
            "The form now holds a copy of {}. Change anything you like.",
            t.name
        ));
        browser::focus_id("template-name");
    };
    let start = (!is_edit).then(|| {
        let options = BUILTIN_TEMPLATES
            .iter()
            .filter(|t| !t.prompts().is_empty())
            .map(|t| view! { <option value=t.id>{t.name}</option> })
            .collect_view()
            .into_any();
        view! {
            <TextField id="start-from" value=start_from errors=errors options=options
                label="Start from a copy of a built-in template (optional)"
                label_class="nhsuk-label nhsuk-label--s"
                hint="This replaces what is in the form below."/>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>
                "Use this template"
            </button>
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = TemplateDraft {
            name: name.get_untracked(),
            prompts: rows.with_untracked(|r| r.iter().map(PromptRow::draft).collect()),
        };
        let mut library = state.templates.get_untracked();
        let result = match &editing {
            None => library.create(browser::new_id_seed(), &draft),
            Some(id) => library.edit(id, &draft).map(|()| id.clone()),
        };
        let id = match result {
            Ok(id) => id,
            Err(found) => return show_template_errors(errors, found),
        };
        let saved_name = library
            .get(&id)
            .map(|t| t.name().to_owned())
            .unwrap_or_default();
        match state.save_templates(library) {
            Ok(()) => {
                let message = if is_edit {
                    format!("Template ‘{saved_name}’ saved")
                } else {
                    format!("Template ‘{saved_name}’ created")
                };
                state.flash.set(Some(Flash {
                    message,
                    on: LIST.to_owned(),
                }));
                navigate(LIST, NavigateOptions::default());
            }
            Err(e) => errors.storage_kept(
                SUBMIT_ID,
                "Your template",
                &e,
                "What you typed is still in the form, and your saved templates have not changed.",
            ),
        }
    };

    let prompts_error = errors.message_for(PROMPTS_ID);
    let prompt_fields = move || {
        let all = rows.get();
        let removable = all.len() > 1;
        all.into_iter()
            .enumerate()
            .map(|(i, row)| {
                let n = i + 1;
                view! {
                    <fieldset class="nhsuk-fieldset app-prompt">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{format!("Prompt {n}")}</legend>
                        <TextField id=format!("prompt-{n}-label") value=row.label errors=errors
                            label="Question or heading"/>
                        <TextField id=format!("prompt-{n}-hint") value=row.hint errors=errors
                            label="Hint (optional)"/>
                        <Radios name=format!("prompt-{n}-role") value=row.role choices=role_choices()
                            legend="What is the answer?" legend_class="nhsuk-fieldset__legend"/>
                        {removable.then(|| view! {
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                                on:click=move |_| remove(i)>
                                "Remove"<span class="nhsuk-u-visually-hidden">{format!(" prompt {n}")}</span>
                            </button>
                        })}
                    </fieldset>
                }
            })
            .collect_view()
    };

    view! {
        <a class="nhsuk-back-link" href=LIST>"Back"</a>
        {errors.summary()}
        <PageHeading text=heading/>
        {is_edit.then(|| view! {
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"Reflections you have already written with this template keep their questions and answers."</p>
            </div>
        })}
        {start}
        <form novalidate on:submit=submit>
            <TextField id=TemplateField::Name.html_id() value=name errors=errors
                label="Template name" label_class="nhsuk-label nhsuk-label--s"
                hint="60 characters or fewer, for example, After a home visit."/>
            <div id=PROMPTS_ID tabindex="-1" class=move || if prompts_error.read().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                <h2 class="nhsuk-heading-m">"Prompts"</h2>
                <p class="nhsuk-hint">"Each prompt gets its own box when you write. Answers marked as a learning point or an action are collected for your supervision summary."</p>
                {move || prompts_error.get().map(|message| view! {
                    <span class="nhsuk-error-message">
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                    </span>
                })}
                {prompt_fields}
                <Show when=move || { rows.read().len() < MAX_PROMPTS }
                    fallback=|| view! { <p>"A template can have up to 12 prompts."</p> }>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=add.clone()>
                        "Add another prompt"
                    </button>
                </Show>
                <p class="nhsuk-u-visually-hidden" aria-live="polite">{move || status.get()}</p>
            </div>
            <button id=SUBMIT_ID class="nhsuk-button" type="submit">{button}</button>
            <p><a href=LIST>"Cancel"</a></p>
        </form>
    }
}

fn role_choices() -> Vec<Choice> {
    vec![
        Choice {
            value: "learning",
            label: "A learning point",
            hint: Some("Collected under learning points in your supervision summary."),
        },
        Choice {
            value: "action",
            label: "An action",
            hint: Some("Collected under actions in your supervision summary."),
        },
        Choice {
            value: "other",
            label: "Part of the account",
            hint: Some("Stays with the reflection."),
        },
    ]
}

/// `/settings/templates/:id/delete`.
#[component]
pub fn DeleteTemplatePage() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let Some(template) = template_from_url(state) else {
        return not_found();
    };
    let errors = Problems::new(Signal::stored("Delete a template".to_owned()));
    let heading = format!(
        "Are you sure you want to delete the template ‘{}’?",
        template.name
    );
    let delete = move || {
        let mut library = state.templates.get_untracked();
        if let Err(e) = library.delete(&template.id) {
            return show_template_errors(errors, vec![e]);
        }
        match state.save_templates(library) {
            Ok(()) => {
                state.flash.set(Some(Flash {
                    message: format!("Template ‘{}’ deleted", template.name),
                    on: LIST.to_owned(),
                }));
                navigate(LIST, NavigateOptions::default());
            }
            Err(e) => errors.storage_kept(
                SUBMIT_ID,
                "Your templates",
                &e,
                "Nothing has been changed: the template is still there.",
            ),
        }
    };
    confirm_page(
        errors,
        heading,
        "Reflections you have already written with it keep their questions and answers. It will no longer be offered when you write.".to_owned(),
        "Yes, delete this template",
        LIST,
        Box::new(delete),
    )
}
