//! Tagging in the editor: suggestions from the cue detector, each showing the words that
//! triggered it and accepted or dismissed with one button, and a tag picker grouped by
//! family, each tag with its definition and an example. No tag is ever added without
//! the worker's action; dismissed suggestions are remembered so they are not asked
//! again.

use leptos::prelude::*;

use crate::core::cues::detect_cues;
use crate::core::entry::Draft;
use crate::core::tags::{Family, TagId, ESCALATE_GUIDANCE};
use crate::ui::browser;

/// The tag's name as the worker sees it: "micro-discretion: with a patient".
pub fn tag_label(id: &TagId) -> String {
    id.builtin()
        .map(|t| t.full_label())
        .unwrap_or_else(|| id.as_str().to_owned())
}

fn escalates(tags: &[TagId]) -> bool {
    tags.iter()
        .any(|t| t.builtin().is_some_and(|b| b.guidance.is_some()))
}

/// A list of tags as NHS tags, for the entry page and the editor.
#[component]
pub fn TagList(#[prop(into)] tags: Signal<Vec<TagId>>) -> impl IntoView {
    view! {
        <Show when=move || !tags.read().is_empty()>
            <ul class="app-tag-list" aria-label="Tags">
                {move || tags.get().iter().map(|t| view! {
                    <li><strong class="nhsuk-tag nhsuk-tag--white">{tag_label(t)}</strong></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// The guidance shown whenever "escalate elsewhere" is chosen.
#[component]
pub fn EscalationGuidance(#[prop(into)] tags: Signal<Vec<TagId>>) -> impl IntoView {
    view! {
        <Show when=move || escalates(&tags.read())>
            <div class="nhsuk-card nhsuk-card--warning app-escalation">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">"Use the proper channel"</h2>
                    <p class="nhsuk-card__description">{ESCALATE_GUIDANCE}</p>
                </div>
            </div>
        </Show>
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Suggestion {
    tag: TagId,
    label: String,
    trigger: String,
    question: &'static str,
    escalation: bool,
}

/// Suggestions for the text being written. `on_change` keeps the draft after the
/// worker accepts or dismisses one.
#[component]
pub fn TagSuggestions(draft: RwSignal<Draft>, on_change: Callback<()>) -> impl IntoView {
    let suggestions = Memo::new(move |_| {
        draft.with(|d| {
            let text = d.all_text();
            detect_cues(&text)
                .into_iter()
                .filter(|c| !d.tags.contains(&c.tag) && !d.dismissed.contains(&c.tag))
                .map(|c| Suggestion {
                    label: tag_label(&c.tag),
                    trigger: c.trigger(&text).to_owned(),
                    question: c.question,
                    escalation: c.is_escalation(),
                    tag: c.tag,
                })
                .collect::<Vec<_>>()
        })
    });
    // After a suggestion goes, keep keyboard focus in the list: on the next suggestion,
    // or back in the text when none is left.
    let answer = move |tag: TagId, accept: bool| {
        let next = suggestions.with_untracked(|all| {
            let at = all.iter().position(|s| s.tag == tag).unwrap_or(0);
            all.iter()
                .skip(at + 1)
                .chain(all.iter().take(at))
                .find(|s| s.tag != tag)
                .map(|s| format!("suggest-add-{}", s.tag.as_str()))
        });
        draft.update(|d| {
            if accept {
                d.tags.push(tag);
            } else {
                d.dismissed.push(tag);
            }
        });
        on_change.run(());
        browser::focus_element(next.unwrap_or_else(|| "reflection".to_owned()));
    };
    view! {
        <div class="app-suggestions">
            <p class="nhsuk-u-visually-hidden" aria-live="polite">
                {move || match suggestions.read().len() {
                    0 => String::new(),
                    1 => "1 tag suggestion".to_owned(),
                    n => format!("{n} tag suggestions"),
                }}
            </p>
            <Show when=move || !suggestions.read().is_empty()>
                <h2 class="nhsuk-heading-s">"Suggested tags"</h2>
                <p class="nhsuk-body-s">"Suggested from what you wrote. Nothing is tagged unless you add it."</p>
            </Show>
            <For each=move || suggestions.get() key=|s| s.tag.clone() let(s)>
                <div class=if s.escalation { "nhsuk-card nhsuk-card--warning app-suggestion" } else { "nhsuk-card app-suggestion" }>
                    <div class="nhsuk-card__content">
                        <p class="nhsuk-card__heading nhsuk-heading-xs">{s.question}</p>
                        <p class="nhsuk-body-s">"You wrote: " <mark class="app-trigger">{s.trigger.clone()}</mark></p>
                        <p class="nhsuk-body-s">"Suggested tag: " <strong class="nhsuk-tag nhsuk-tag--white">{s.label.clone()}</strong></p>
                        <div class="app-suggestion__actions">
                            <button type="button" id=format!("suggest-add-{}", s.tag.as_str())
                                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                                on:click={
                                    let tag = s.tag.clone();
                                    move |_| answer(tag.clone(), true)
                                }>
                                "Add tag" <span class="nhsuk-u-visually-hidden">{format!(" {}", s.label)}</span>
                            </button>
                            <button type="button"
                                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                                on:click={
                                    let tag = s.tag.clone();
                                    move |_| answer(tag.clone(), false)
                                }>
                                "Dismiss" <span class="nhsuk-u-visually-hidden">{format!(" the suggestion {}", s.label)}</span>
                            </button>
                        </div>
                    </div>
                </div>
            </For>
        </div>
    }
}

/// Every built-in tag as a checkbox, grouped by family, inside a disclosure so a short
/// entry stays short.
#[component]
pub fn TagPicker(draft: RwSignal<Draft>, on_change: Callback<()>) -> impl IntoView {
    let chosen = Signal::derive(move || draft.with(|d| d.tags.clone()));
    let toggle = move |tag: TagId, on: bool| {
        draft.update(|d| {
            d.tags.retain(|t| t != &tag);
            if on {
                d.dismissed.retain(|t| t != &tag);
                d.tags.push(tag);
            }
        });
        on_change.run(());
    };
    let families = Family::ALL.iter().map(|family| {
        let hint_id = format!("family-{}-hint", family.id());
        let described_by = hint_id.clone();
        let boxes = family.tags().map(|tag| {
            let id = tag.tag_id();
            let input_id = format!("tag-{}", tag.id);
            let item_hint = format!("tag-{}-hint", tag.id);
            let item_described_by = item_hint.clone();
            let checked = {
                let id = id.clone();
                move || draft.with(|d| d.tags.contains(&id))
            };
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=input_id.clone() name="tags" type="checkbox"
                        value=tag.id aria-describedby=item_described_by
                        prop:checked=checked
                        on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{tag.label}</label>
                    <div class="nhsuk-hint nhsuk-checkboxes__hint" id=item_hint>
                        {format!("{} For example, “{}”.", tag.definition, tag.example)}
                    </div>
                </div>
            }
        }).collect_view();
        view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{family.label()}</legend>
                    <div class="nhsuk-hint" id=hint_id>{family.definition()}</div>
                    <div class="nhsuk-checkboxes">{boxes}</div>
                </fieldset>
            </div>
        }
    }).collect_view();
    view! {
        <TagList tags=chosen/>
        <details class="nhsuk-details app-tag-picker">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"Choose tags for this reflection"</span>
            </summary>
            <div class="nhsuk-details__text">{families}</div>
        </details>
        <EscalationGuidance tags=chosen/>
    }
}
