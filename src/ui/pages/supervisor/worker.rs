//! `/supervisor/workers/:id`: one worker's timeline across their summaries: a row per
//! summary, then each summary's words (what they want to bring, the reflections to
//! discuss, learning points and actions), oldest first. Every word is the worker's
//! anonymised text, rendered as text.

use leptos::prelude::*;

use super::{close_summary, space, NothingOpen, SectionNav};
use crate::core::summary::json::{Reflection, SummaryV2, Text};
use crate::core::summary::{full_label, week_label};
use crate::core::supervisor::views::{period_label, timeline};
use crate::core::templates::PromptRole;
use crate::ui::browser;
use crate::ui::components::{table_markup, ErrorSummary, PageHeading, SummaryItem};

fn text_view(t: &Text) -> impl IntoView {
    view! { <p class="app-entry-text">{t.text.clone()}</p> }
}

fn reflection_view(r: &Reflection) -> impl IntoView {
    let tags = r
        .tags
        .iter()
        .map(|t| view! { <li><strong class="nhsuk-tag nhsuk-tag--white">{full_label(&t.tag, &t.label)}</strong></li> })
        .collect_view();
    let answers = r
        .answers
        .iter()
        .map(|a| {
            let prompt = a.prompt.clone().map(
                |p| view! { <p class="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">{p}</p> },
            );
            view! { {prompt}{text_view(&a.text)} }
        })
        .collect_view();
    view! {
        <h4 class="nhsuk-heading-xs">{format!("Reflection {}, {}", r.number, week_label(r.week))}</h4>
        <ul class="app-tag-list" aria-label="Tags">{tags}</ul>
        {answers}
    }
}

fn summary_view(
    i: usize,
    s: &SummaryV2,
    file: &str,
    fingerprint: u64,
    failed: RwSignal<Option<String>>,
) -> impl IntoView {
    let bring = s.bring.as_ref().map(|b| {
        view! {
            <h3 class="nhsuk-heading-s">"What they want to bring to supervision"</h3>
            {text_view(b)}
        }
    });
    let discuss = (!s.normative.reflections.is_empty()).then(|| {
        let items = s.normative.reflections.iter().map(reflection_view).collect_view();
        view! { <h3 class="nhsuk-heading-s">"Judgement calls and boundaries to discuss"</h3>{items} }
    });
    let learning = (!s.formative.weeks.is_empty()).then(|| {
        let items = s
            .formative
            .weeks
            .iter()
            .flat_map(|w| w.items.iter().map(move |item| (w.week, item)))
            .map(|(week, item)| {
                let role = if item.role == PromptRole::Action {
                    "Action"
                } else {
                    "Learning point"
                };
                view! {
                    <p class="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">
                        {format!("{role}, {} (reflection {})", week_label(week), item.reflection)}
                    </p>
                    {text_view(&item.text)}
                }
            })
            .collect_view();
        view! { <h3 class="nhsuk-heading-s">"Learning and actions"</h3>{items} }
    });
    let nothing =
        (s.bring.is_none() && s.normative.reflections.is_empty() && s.formative.weeks.is_empty())
            .then(|| view! { <p>"No words shared in this summary: only tags and counts."</p> });
    view! {
        <section class="app-timeline-summary" aria-labelledby=format!("summary-{i}")>
            <h2 class="nhsuk-heading-m" id=format!("summary-{i}")>{period_label(s)}</h2>
            <p class="nhsuk-body-s">{format!("From the file ‘{file}’.")}</p>
            {bring}{discuss}{learning}{nothing}
            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                on:click=move |_| {
                    match close_summary(fingerprint) {
                        Ok(()) => browser::focus_id(crate::ui::components::HEADING_ID),
                        Err(message) => {
                            failed.set(Some(message));
                            browser::focus_id(crate::ui::components::ERROR_SUMMARY_ID);
                        }
                    }
                }>
                "Close this summary"
                <span class="nhsuk-u-visually-hidden">{format!(" ‘{file}’")}</span>
            </button>
        </section>
    }
}

#[component]
pub fn WorkerPage() -> impl IntoView {
    let params = crate::ui::route::params();
    let library = space();
    let failed = RwSignal::new(None::<String>);
    let errors = Signal::derive(move || {
        failed
            .get()
            .map(|message| SummaryItem {
                target: crate::ui::components::HEADING_ID.to_owned(),
                message,
            })
            .into_iter()
            .collect::<Vec<_>>()
    });
    let page = move || {
        let id = params.id.clone().unwrap_or_default();
        library.with(|lib| match lib.worker(&id) {
            None => {
                browser::set_title("Worker not found", false);
                view! {
                    <PageHeading text="This worker’s summaries are not open"/>
                    <SectionNav current=""/>
                    <NothingOpen/>
                }
                .into_any()
            }
            Some(w) => {
                let title = format!("{}: timeline", w.label);
                browser::set_title(&title, false);
                let mut table = String::new();
                table_markup(&mut table, "timeline", &timeline(&w));
                let overlap = w.overlapping().then(|| view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>"Some of these summaries cover the same weeks, so a reflection may appear in more than one."</p>
                    </div>
                });
                let summaries = w
                    .summaries
                    .iter()
                    .enumerate()
                    .map(|(i, o)| summary_view(i, &o.summary, &o.file_name, o.fingerprint, failed))
                    .collect_view();
                view! {
                    <PageHeading text=title/>
                    <SectionNav current=""/>
                    <p>"Each row is one summary, oldest first. Names in the text are pseudonyms that belong to one summary only: “Person A” in one summary is not “Person A” in another."</p>
                    {overlap}
                    <div inner_html=table></div>
                    {summaries}
                }
                .into_any()
            }
        })
    };
    view! { <ErrorSummary items=errors/>{page} }
}
