//! Tagging in the editor: suggestions from the cue detector, each showing the words that
//! triggered it and accepted or dismissed with one button, and a tag picker grouped by
//! family, each tag with its definition and an example, then the worker's own tags. No
//! tag is ever added without the worker's action; dismissed suggestions are remembered
//! so they are not asked again.

use leptos::prelude::*;

use crate::core::cues::detect_cues;
use crate::core::entry::Draft;
use crate::core::ids::TagId;
use crate::core::tags::{Family, ESCALATE_GUIDANCE};
use crate::ui::browser;
use crate::ui::state::use_app_state;

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

/// A list of tags as NHS tags, for the entry page and the editor. The worker's own tags
/// show their current names; an id the vocabulary no longer knows (a tag deleted while
/// a draft held it) is not shown.
#[component]
pub fn TagList(#[prop(into)] tags: Signal<Vec<TagId>>) -> impl IntoView {
    let state = use_app_state();
    let names = Memo::new(move |_| {
        state.vocabulary.with(|v| {
            tags.with(|t| {
                t.iter()
                    .filter_map(|id| v.display_name(id))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !names.read().is_empty()>
            <ul class="app-tag-list" aria-label="Tags">
                {move || names.get().into_iter().map(|name| view! {
                    <li><strong class="nhsuk-tag nhsuk-tag--white">{name}</strong></li>
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
                // `For` keeps a row for as long as its tag is suggested, so words copied
                // into the row when it was made would stay as they were when the cue
                // first fired ("I decide" while "decided" is still being typed). The
                // quote is read from the current suggestions instead.
                {let trigger = {
                    let tag = s.tag.clone();
                    move || suggestions.with(|all| {
                        all.iter().find(|x| x.tag == tag).map(|x| x.trigger.clone()).unwrap_or_default()
                    })
                };
                view! {
                <div class=if s.escalation { "nhsuk-card nhsuk-card--warning app-suggestion" } else { "nhsuk-card app-suggestion" }>
                    <div class="nhsuk-card__content">
                        <p class="nhsuk-card__heading nhsuk-heading-xs">{s.question}</p>
                        <p class="nhsuk-body-s">"You wrote: " <mark class="app-trigger">{trigger}</mark></p>
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
                }}
            </For>
        </div>
    }
}

/// One checkbox in the picker: a tag and the hint under it.
struct Pick {
    id: TagId,
    label: String,
    hint: Option<String>,
}

/// A group of tag checkboxes with its legend and hint. Built-in families and the
/// worker's own tags share this one piece of markup, so the bundle carries it once.
fn pick_group(
    draft: RwSignal<Draft>,
    toggle: impl Fn(TagId, bool) + Copy + 'static,
    group: &str,
    legend: String,
    hint: String,
    picks: Vec<Pick>,
) -> AnyView {
    let hint_id = format!("family-{group}-hint");
    let described_by = hint_id.clone();
    let boxes = picks
        .into_iter()
        .map(|tag| {
            let id = tag.id;
            let input_id = format!("tag-{id}");
            let item_hint = format!("tag-{id}-hint");
            let checked = {
                let id = id.clone();
                move || draft.with(|d| d.tags.contains(&id))
            };
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=input_id.clone() name="tags" type="checkbox"
                        value=id.as_str().to_owned()
                        aria-describedby=tag.hint.as_ref().map(|_| item_hint.clone())
                        prop:checked=checked
                        on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{tag.label}</label>
                    {tag.hint.map(|h| view! {
                        <div class="nhsuk-hint nhsuk-checkboxes__hint" id=item_hint>{h}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                <div class="nhsuk-hint" id=hint_id>{hint}</div>
                <div class="nhsuk-checkboxes">{boxes}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// Every built-in tag as a checkbox, grouped by family, then the worker's own tags,
/// inside a disclosure so a short entry stays short.
#[component]
pub fn TagPicker(draft: RwSignal<Draft>, on_change: Callback<()>) -> impl IntoView {
    let state = use_app_state();
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
    let families = Family::ALL
        .iter()
        .map(|family| {
            let picks = family
                .tags()
                .map(|tag| Pick {
                    id: tag.tag_id(),
                    label: tag.label.to_owned(),
                    hint: Some(format!(
                        "{} For example, “{}”.",
                        tag.definition, tag.example
                    )),
                })
                .collect();
            pick_group(
                draft,
                toggle,
                family.id(),
                family.label().to_owned(),
                family.definition().to_owned(),
                picks,
            )
        })
        .collect_view();
    // Re-rendered only when the worker's tags change (another tab); ticking a box
    // updates the draft, not the vocabulary.
    let own = move || {
        state.vocabulary.with(|v| {
            let picks: Vec<Pick> = v
                .custom()
                .iter()
                .map(|tag| Pick {
                    id: tag.id.clone(),
                    label: tag.label.clone(),
                    hint: tag.definition.clone(),
                })
                .collect();
            (!picks.is_empty()).then(|| {
                pick_group(
                    draft,
                    toggle,
                    "own",
                    "Your own tags".to_owned(),
                    "Tags you created. You can change them in your settings.".to_owned(),
                    picks,
                )
            })
        })
    };
    view! {
        <TagList tags=chosen/>
        <details class="nhsuk-details app-tag-picker">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"Choose tags for this reflection"</span>
            </summary>
            <div class="nhsuk-details__text">{families}{own}</div>
        </details>
        <EscalationGuidance tags=chosen/>
    }
}
