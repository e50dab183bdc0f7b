//! `/summary/review`: the worker checks every redaction before anything leaves. At scale
//! (200 reflections dense with identifiers) drawing every text at once took seconds, so
//! the page shows one reflection at a time, with NHS pagination ("Previous", "Next") and
//! an overview of totals over every text: how many words will be redacted, how many
//! reflections have been checked, and the details to consider, each linked to its
//! reflection. Seeing a reflection is what counts as checking it (`core::summary::
//! Progress`); the download part refuses until every one has been seen.
//!
//! Keyboard and screen readers: changing page moves focus to the reflection's heading,
//! and a polite live region says which reflection is shown and what the last action did.

use std::sync::Arc;

use leptos::prelude::*;

use super::download::download_section;
use super::{
    fact_rows, start_again, warning_callout, weeks_text, SummaryFlow, FORM_PATH, PHRASE_ID,
    REVIEW_PATH,
};
use crate::core::plural;
use crate::core::summary::{mark_id, text_markup, week_label, Progress, Review};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::forms::{described_by, group_class, inline_error, Problems};

const REVIEW_TITLE: &str = "Check your summary before you download it";
/// The heading of the page being shown: focus moves to it on a change of page.
const PAGE_HEADING_ID: &str = "review-page-heading";
/// The link to the first page not seen yet, which the download's error points to.
pub(super) const FIRST_UNCHECKED_ID: &str = "first-unchecked";

/// `/summary/review`.
#[component]
pub fn SummaryReviewPage() -> impl IntoView {
    let flow = SummaryFlow::get();
    match flow.review.get_untracked() {
        Some(review) => review_page(flow, review),
        None => start_again("There is no summary to check"),
    }
}

/// "Reflection 3 of 200", or the bring text's heading.
fn page_title(review: &Review, page: usize) -> String {
    let reflections = review
        .pages()
        .iter()
        .filter(|p| p.reflection.is_some())
        .count();
    match review.pages().get(page).and_then(|p| p.reflection) {
        Some(n) => format!("Reflection {n} of {reflections}"),
        None => "What I want to bring to supervision".to_owned(),
    }
}

/// "reflection 4", or "what you want to bring to supervision", inside a sentence.
fn page_in_sentence(review: &Review, page: usize) -> String {
    match review.pages().get(page).and_then(|p| p.reflection) {
        Some(n) => format!("reflection {n}"),
        None => "what you want to bring to supervision".to_owned(),
    }
}

fn review_page(flow: SummaryFlow, review: Arc<Review>) -> AnyView {
    let problems = Problems::new(Signal::stored(REVIEW_TITLE.to_owned()));
    let pages = review.pages().len();
    let page = RwSignal::new(0usize);
    let progress = RwSignal::new({
        let mut p = Progress::new(pages);
        p.see(0);
        p
    });
    // How far the scan has got (texts), and whether it has finished. "Continue" scans
    // nothing: the first page is scanned to draw it, and the rest between frames.
    let scanned = RwSignal::new(0usize);
    let complete = RwSignal::new(review.scanned() == review.texts().len());
    // The page shown and the totals, under the current decisions: only the page's texts
    // are drawn, whatever the size of the summary. Counted again once the scan finishes.
    let current = {
        let review = review.clone();
        Memo::new(move |_| {
            let page = page.get();
            complete.track();
            flow.decisions.with(|d| review.page(d, page))
        })
    };
    // The page's own views, apart: the scan finishing changes the totals but not the page,
    // and redrawing the page then would take focus from a button the worker is on.
    let page_texts = Memo::new(move |_| current.with(|v| v.texts.clone()));
    if !complete.get_untracked() {
        scan_in_steps(review.clone(), scanned, complete);
    }
    // What the last action did, announced politely.
    let status = RwSignal::new(String::new());
    let phrase = RwSignal::new(String::new());

    // Shows page `to`, marks it seen, says so, and moves focus to its heading (or to
    // `focus`, a text on it).
    let go = {
        let review = review.clone();
        Callback::new(move |(to, focus): (usize, Option<String>)| {
            if to >= pages {
                return;
            }
            page.set(to);
            progress.update(|p| p.see(to));
            let seen = progress.with_untracked(|p| p.seen_count());
            status.set(format!(
                "Showing {}. You have checked {seen} of {pages}.",
                page_in_sentence(&review, to)
            ));
            browser::focus_element(focus.unwrap_or_else(|| PAGE_HEADING_ID.to_owned()));
        })
    };

    let period = review.period();
    let shared = review
        .pages()
        .iter()
        .filter(|p| p.reflection.is_some())
        .count();
    let has_bring = review.pages().iter().any(|p| p.reflection.is_none());
    let withheld = review.withheld().len();
    let facts = vec![
        ("Weeks", weeks_text(period)),
        (
            "Reflections counted",
            plural(review.entries_in_period(), "reflection", "reflections"),
        ),
        (
            "Reflections with words included",
            match (shared, withheld) {
                (0, 0) => "None: only tags and counts".to_owned(),
                (n, 0) => plural(n, "reflection", "reflections"),
                (n, w) => format!(
                    "{}. {} tagged escalate elsewhere: counted, words not included",
                    plural(n, "reflection", "reflections"),
                    plural(w, "reflection", "reflections")
                ),
            },
        ),
        (
            "What I want to bring to supervision",
            if has_bring {
                "Included"
            } else {
                "Nothing added"
            }
            .to_owned(),
        ),
    ];
    let facts = fact_rows(facts, true);

    // The deliberate action on one redaction: show it as written, or redact it again.
    let act = {
        let review = review.clone();
        Callback::new(
            move |(index, start, end, show): (usize, usize, usize, bool)| {
                let Some(text) = review.texts().get(index) else {
                    return;
                };
                let Some(words) = text.text.get(start..end).map(str::to_owned) else {
                    return;
                };
                let mut decisions = flow.decisions.get_untracked();
                if show {
                    if let Err(e) = review.unredact(&mut decisions, &text.id, start, end) {
                        return problems.one(&mark_id(index, start), e.to_string());
                    }
                    status.set(format!("‘{words}’ will be downloaded as written."));
                } else {
                    decisions.redact_again(&text.id, start, end);
                    status.set(format!("‘{words}’ will be redacted."));
                }
                problems.clear();
                flow.decisions.set(decisions);
                browser::focus_element(mark_id(index, start));
            },
        )
    };

    let add_phrase = {
        let review = review.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut decisions = flow.decisions.get_untracked();
            // Marks around the work let the browser benchmark see it without a timed test.
            browser::mark("anchorpoint:phrase-start");
            let added = review.add_phrase(&mut decisions, &phrase.get_untracked());
            browser::mark("anchorpoint:phrase-end");
            match added {
                Ok(found) => {
                    let typed = phrase.get_untracked().trim().to_owned();
                    problems.clear();
                    flow.decisions.set(decisions);
                    phrase.set(String::new());
                    status.set(format!(
                        "‘{typed}’ will be redacted wherever it appears: {} now.",
                        plural(found, "place", "places")
                    ));
                }
                Err(e) => problems.one(PHRASE_ID, e.to_string()),
            }
        }
    };
    let remove_phrase = move |p: String| {
        flow.decisions.update(|d| {
            d.remove_phrase(&p);
        });
        status.set(format!("‘{p}’ is no longer redacted everywhere."));
        browser::focus_id(PHRASE_ID);
    };

    // The page's texts, each drawn as one string of markup, with one click handler for
    // every button in it (see `text_markup`).
    let texts = {
        let review = review.clone();
        move || {
            let review = review.clone();
            page_texts.with(|texts| {
                texts
                    .iter()
                    .map(|(index, text)| {
                        let index = *index;
                        let prompt = review.texts().get(index).and_then(|t| t.prompt.clone());
                        let markup = text_markup(index, prompt.as_deref(), text, &|words| {
                            review.on_private_list(words)
                        });
                        let on_click = move |ev: leptos::ev::MouseEvent| {
                            if let Some(choice) = clicked_mark(&ev) {
                                act.run(choice);
                            }
                        };
                        view! {
                            <div class="app-review-text" id=text.id.html_id() tabindex="-1" inner_html=markup on:click=on_click></div>
                        }
                    })
                    .collect_view()
            })
        }
    };

    let heading = {
        let review = review.clone();
        move || {
            let p = page.get();
            let week = review.pages().get(p).and_then(|pg| pg.week).map(|w| {
                format!(
                    "Week commencing {}",
                    week_label(w).trim_start_matches("w/c ")
                )
            });
            view! {
                <h2 class="nhsuk-heading-m" id=PAGE_HEADING_ID tabindex="-1">{page_title(&review, p)}</h2>
                {week.map(|w| view! { <p class="nhsuk-body-s">{w}</p> })}
            }
        }
    };

    // NHS pagination: links, so they look and read as pagination; the click is handled
    // here (the summary in progress lives only in this page, so there is no other URL).
    let pagination = {
        let review = review.clone();
        move || {
            let p = page.get();
            let link = |to: usize, next: bool| {
                let label = page_title(&review, to);
                let href = format!("{REVIEW_PATH}?page={}", to + 1);
                let on_click = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    go.run((to, None));
                };
                if next {
                    view! {
                        <li class="nhsuk-pagination-item--next">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=href rel="next" id="review-next" on:click=on_click>
                                <span class="nhsuk-pagination__title">"Next"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{label}</span>
                                <svg class="app-pagination__icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                                    <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z"/>
                                </svg>
                            </a>
                        </li>
                    }
                    .into_any()
                } else {
                    view! {
                        <li class="nhsuk-pagination-item--previous">
                            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=href rel="prev" id="review-previous" on:click=on_click>
                                <span class="nhsuk-pagination__title">"Previous"</span>
                                <span class="nhsuk-u-visually-hidden">":"</span>
                                <span class="nhsuk-pagination__page">{label}</span>
                                <svg class="app-pagination__icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                                    <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z"/>
                                </svg>
                            </a>
                        </li>
                    }
                    .into_any()
                }
            };
            (pages > 1).then(|| {
                view! {
                    <nav class="nhsuk-pagination" role="navigation" aria-label="Reflections">
                        <ul class="nhsuk-list nhsuk-pagination__list">
                            {(p > 0).then(|| link(p - 1, false))}
                            {(p + 1 < pages).then(|| link(p + 1, true))}
                        </ul>
                    </nav>
                }
            })
        }
    };

    // How far the worker has got, with a way to the first reflection not checked yet.
    let checked = {
        let review = review.clone();
        move || {
            let (seen, first) = progress.with(|p| (p.seen_count(), p.first_unseen()));
            let rest = first.map(|f| {
                let label = format!("Go to {}, the first you have not checked", page_in_sentence(&review, f));
                let on_click = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    go.run((f, None));
                };
                view! {
                    <p><a id=FIRST_UNCHECKED_ID href=format!("{REVIEW_PATH}?page={}", f + 1) on:click=on_click>{label}</a></p>
                }
            });
            let of = if has_bring {
                format!("{pages}: every reflection, and what you want to bring to supervision")
            } else {
                plural(pages, "reflection", "reflections")
            };
            view! {
                <p>{format!("You have checked {seen} of {of}. Check each one before you download.")}</p>
                {rest}
            }
        }
    };
    let unchecked = {
        let review = review.clone();
        move || {
            progress.with_untracked(|p| {
                p.first_unseen().map(|f| {
                    format!(
                        "Check every reflection before you download: you have checked {} of {}. Go to {}, the first you have not checked",
                        p.seen_count(),
                        p.pages(),
                        page_in_sentence(&review, f)
                    )
                })
            })
        }
    };

    let warnings = {
        let review = review.clone();
        move || {
            let list: Vec<(usize, String, String)> = current.with(|view| {
                view.warnings
                    .iter()
                    .map(|w| {
                        let id = review_text_id(&review, w.text);
                        (
                            w.page,
                            id,
                            format!("{}: ‘{}’", w.warning.kind.label(), w.warning.words),
                        )
                    })
                    .collect()
            });
            (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(to, target, text)| {
                    let href = format!("#{target}");
                    view! { <li><a href=href on:click=move |ev| {
                        ev.prevent_default();
                        go.run((to, Some(target.clone())));
                    }>{text}</a></li> }
                })
                .collect_view();
            warning_callout(
                "Check these details",
                view! {
                    <p class="nhsuk-card__description">"These are not removed automatically, but together with other details they could identify someone. Redact any that could, using “Redact more words” below."</p>
                    <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul>
                }
                .into_any(),
            )
        })
        }
    };

    let phrases = move || {
        flow.decisions.with(|d| d.phrases.clone()).into_iter().map(|p| {
            let label = p.clone();
            view! {
                <li>
                    {format!("‘{label}’ ")}
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                        on:click=move |_| remove_phrase(p.clone())>
                        "Stop redacting"<span class="nhsuk-u-visually-hidden">{format!(" ‘{label}’")}</span>
                    </button>
                </li>
            }
        }).collect_view()
    };
    let phrase_error = problems.message_for(PHRASE_ID);
    let download = download_section(flow, review.clone(), problems, unchecked);
    let reflections_scanned = {
        let review = review.clone();
        move || {
            let k = scanned.get().max(review.scanned());
            review.pages().iter().filter(|p| p.texts.end <= k).count()
        }
    };
    let totals = move || {
        let (redactions, done) = current.with(|v| (v.redactions, v.complete));
        if !done {
            return format!(
                "Anchorpoint is still looking for identifiers in what you are sharing: {} of {pages} done. The number of redactions and the details to check appear when it has finished.",
                reflections_scanned()
            );
        }
        format!(
            "Anchorpoint has marked {} to redact. Each is highlighted with what it is and what replaces it. If one is not an identifier, choose “Show as written” beside it.",
            plural(redactions, "word or phrase", "words or phrases"),
        )
    };

    view! {
        <a class="nhsuk-back-link" href=FORM_PATH>"Back"</a>
        {problems.summary()}
        <PageHeading text=REVIEW_TITLE/>
        <dl class="nhsuk-summary-list">{facts}</dl>
        {warnings}
        <h2 class="nhsuk-heading-m">"Words that will be downloaded"</h2>
        <p>{totals}</p>
        {(pages > 0).then(|| view! { <div>{checked}</div> })}
        <p class="nhsuk-u-visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        {(pages > 0).then(|| view! { <div class="app-review-page">{heading}{texts}{pagination}</div> })}
        <h2 class="nhsuk-heading-m">"Redact more words"</h2>
        <form novalidate on:submit=add_phrase class="app-phrase-form">
            <div class=group_class(phrase_error)>
                <label class="nhsuk-label" for=PHRASE_ID>"Word or phrase to redact"</label>
                <div class="nhsuk-hint" id="phrase-hint">"It is redacted wherever it appears, in every reflection, in any case, including possessives like “Amal’s”."</div>
                {inline_error("phrase-error".to_owned(), phrase_error)}
                <input class=move || if phrase_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                    id=PHRASE_ID name=PHRASE_ID type="text" autocomplete="off" spellcheck="false"
                    aria-describedby=described_by(Some("phrase-hint".to_owned()), "phrase-error".to_owned(), phrase_error)
                    prop:value=move || phrase.get() on:input=move |ev| phrase.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Redact"</button>
        </form>
        <Show when=move || !flow.decisions.read().phrases.is_empty()>
            <h3 class="nhsuk-heading-s">"Words you chose to redact"</h3>
            <ul class="nhsuk-list">{phrases}</ul>
        </Show>
        {download}
    }
    .into_any()
}

/// How many texts one step of the background scan takes: about 15 ms in Chromium for
/// texts of 1,500 characters, so the page stays responsive between steps.
const SCAN_STEP: usize = 10;

/// Scans the review's texts a step at a time between frames, saying how far it has got,
/// and marks it complete at the end. Stops if the page has gone (its signals disposed).
fn scan_in_steps(review: Arc<Review>, scanned: RwSignal<usize>, complete: RwSignal<bool>) {
    set_timeout(
        move || {
            let done = review.scan_more(SCAN_STEP);
            if scanned.try_set(done).is_some() {
                return;
            }
            if done == review.texts().len() {
                browser::mark("anchorpoint:review-complete");
                complete.set(true);
            } else {
                scan_in_steps(review, scanned, complete);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The HTML id of text `index`'s block.
fn review_text_id(review: &Review, index: usize) -> String {
    review
        .texts()
        .get(index)
        .map(|t| t.id.html_id())
        .unwrap_or_default()
}

/// The redaction a click in a text's markup chose: (text, start, end, show), read from
/// the button's data attributes.
fn clicked_mark(ev: &leptos::ev::MouseEvent) -> Option<(usize, usize, usize, bool)> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest("button[data-start]").ok()??;
    let number = |name: &str| button.get_attribute(name)?.parse::<usize>().ok();
    Some((
        number("data-text")?,
        number("data-start")?,
        number("data-end")?,
        button.get_attribute("data-show")?.as_str() == "true",
    ))
}
