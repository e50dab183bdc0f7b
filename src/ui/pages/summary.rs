//! The supervision summary (issue 4): the one moment anything leaves the device, so it
//! is three pages in the GOV.UK "check answers" shape.
//! 1. `/summary`: the weeks to cover, which reflections' words to include, and what the
//!    worker wants to bring. Tags and counts of every reflection in the weeks always go.
//! 2. `/summary/review`: every text that would leave, with each redaction highlighted
//!    and labelled with its kind; showing a false alarm as written is a deliberate
//!    button per redaction; the worker can redact more words; quasi-identifiers are
//!    listed. Nothing leaves until "Confirm and download".
//! 3. `/summary/done`: what was exported, that the file is not encrypted, and the same
//!    confirmed summary in other formats.
//!
//! The rules (validation, scanning, decisions, the export formats) are all in
//! `core::summary`; these pages hold the worker's choices in memory and nowhere else.
//! Nothing here is stored: a summary in progress is gone when the tab closes, which is
//! what a worker expects of something made to share and not to keep.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::core::entry::long_date;
use crate::core::ids::EntryId;
use crate::core::plural;
use crate::core::summary::export::Format;
use crate::core::summary::{
    mark_id, text_markup, text_withheld, week_label, Decisions, MarkState, Review, Summary,
    SummaryData, SummaryField, SummaryForm,
};
use crate::ui::browser;
use crate::ui::components::{PageHeading, HEADING_ID};
use crate::ui::forms::{
    choice, choice_id, date_input, described_by, fieldset, group_class, inline_error, item,
    ChoiceKind, DateError, Problems,
};
use crate::ui::state::{use_app_state, AppState};

const FORM_PATH: &str = "/summary";
const REVIEW_PATH: &str = "/summary/review";
const DONE_PATH: &str = "/summary/done";

/// How many weeks the form offers to start with: about a month, a usual gap between
/// supervisions.
const DEFAULT_WEEKS: u32 = 4;
/// How much of each reflection the form shows beside its checkbox.
const PREVIEW_CHARS: usize = 100;

const INCLUDE_ID: &str = "include";
const BRING_ID: &str = "bring";
const PHRASE_ID: &str = "phrase";
const FORMAT_ID: &str = "format";
const WORKER_ID: &str = "worker-name";
const PASSPHRASE_ID: &str = "passphrase";
const PASSPHRASE_AGAIN_ID: &str = "passphrase-again";
const CONFIRM_ID: &str = "confirm-download";

/// The summary being made. Held in memory for the whole app (so "Change" links and the
/// back button keep the worker's choices), never written to storage.
#[derive(Clone, Copy)]
pub struct SummaryFlow {
    from: RwSignal<[String; 3]>,
    to: RwSignal<[String; 3]>,
    include: RwSignal<Vec<EntryId>>,
    bring: RwSignal<String>,
    review: RwSignal<Option<Arc<Review>>>,
    decisions: RwSignal<Decisions>,
    format: RwSignal<String>,
    /// "Name or initials shown to your supervisor", as typed (issue 12).
    worker: RwSignal<String>,
    /// A passphrase to protect the JSON file with, twice; never stored, cleared once used.
    passphrase: RwSignal<String>,
    passphrase_again: RwSignal<String>,
    exported: RwSignal<Option<Exported>>,
}

/// A confirmed summary and the files downloaded from it.
#[derive(Clone)]
struct Exported {
    summary: Arc<Summary>,
    /// Whether the file was sealed with a passphrase.
    protected: bool,
    files: Vec<String>,
}

impl SummaryFlow {
    /// Provided once by the app, so the pages share it.
    pub fn provide() {
        let form = SummaryForm::for_weeks(browser::today(), DEFAULT_WEEKS);
        provide_context(SummaryFlow {
            from: RwSignal::new([form.from_day, form.from_month, form.from_year]),
            to: RwSignal::new([form.to_day, form.to_month, form.to_year]),
            include: RwSignal::new(Vec::new()),
            bring: RwSignal::new(String::new()),
            review: RwSignal::new(None),
            decisions: RwSignal::new(Decisions::default()),
            format: RwSignal::new(String::new()),
            worker: RwSignal::new(String::new()),
            passphrase: RwSignal::new(String::new()),
            passphrase_again: RwSignal::new(String::new()),
            exported: RwSignal::new(None),
        });
    }

    fn get() -> SummaryFlow {
        expect_context::<SummaryFlow>()
    }

    /// The form's dates, with no choices: all the checkboxes depend on.
    fn dates(self) -> SummaryForm {
        let ([from_day, from_month, from_year], [to_day, to_month, to_year]) =
            (self.from.get(), self.to.get());
        SummaryForm {
            from_day,
            from_month,
            from_year,
            to_day,
            to_month,
            to_year,
            include_text: Vec::new(),
            bring: String::new(),
        }
    }

    /// The form as typed.
    fn form(self) -> SummaryForm {
        SummaryForm {
            include_text: self.include.get(),
            bring: self.bring.get(),
            ..self.dates()
        }
    }
}

/// Runs `f` with everything a summary is built from.
fn with_data<T>(state: AppState, f: impl FnOnce(&SummaryData<'_>) -> T) -> T {
    state.journal.with_untracked(|journal| {
        state.vocabulary.with_untracked(|vocabulary| {
            state.threads.with_untracked(|threads| {
                state.embeddedness.with_untracked(|embeddedness| {
                    state.wellbeing.with_untracked(|wellbeing| {
                        state.settings.with_untracked(|settings| {
                            f(&SummaryData {
                                journal,
                                vocabulary,
                                threads,
                                embeddedness,
                                wellbeing,
                                private_names: &settings.private_names,
                                today: browser::today(),
                            })
                        })
                    })
                })
            })
        })
    })
}

/// "What I want" becomes "what I want", for hidden link text read after "Change".
/// ASCII only: every key here is ASCII, and no Unicode case tables reach the bundle.
fn lower_first(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// "w/c 2 Nov 2026 to w/c 23 Nov 2026 (4 weeks)".
fn weeks_text(period: crate::core::summary::Period) -> String {
    format!(
        "{} to {} ({})",
        week_label(period.first_week),
        week_label(period.last_week),
        plural(period.weeks as usize, "week", "weeks")
    )
}

/// An NHS warning callout: a heading, then `body` (card descriptions or a list).
fn warning_callout(heading: &'static str, body: AnyView) -> AnyView {
    view! {
        <div class="nhsuk-card nhsuk-card--warning">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{heading}</span>
                </h2>
                {body}
            </div>
        </div>
    }
    .into_any()
}

/// Rows of an NHS summary list; with `change`, each row links back to the form, as in
/// the GOV.UK "check answers" pattern.
fn fact_rows(facts: Vec<(&'static str, String)>, change: bool) -> impl IntoView {
    facts
        .into_iter()
        .map(|(key, value)| {
            let action = change.then(|| {
                view! {
                    <dd class="nhsuk-summary-list__actions">
                        <a href=FORM_PATH>"Change"<span class="nhsuk-u-visually-hidden">{format!(" {}", lower_first(key))}</span></a>
                    </dd>
                }
            });
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value">{value}</dd>
                    {action}
                </div>
            }
        })
        .collect_view()
}

/// Shown when a later page is opened with nothing to show, e.g. after a reload: the
/// summary in progress lived only in memory.
fn start_again(heading: &'static str) -> AnyView {
    browser::set_title(heading, false);
    view! {
        <PageHeading text=heading/>
        <p>"A summary you were making is kept only while this page is open, and nothing from it was saved."</p>
        <p><a href=FORM_PATH>"Create a supervision summary"</a></p>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// 1. The form
// ---------------------------------------------------------------------------------------

/// A reflection the form offers to include, oldest first as the summary numbers them.
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    id: EntryId,
    day: String,
    preview: String,
    withheld: bool,
}

/// `/summary`.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let state = use_app_state();
    let flow = SummaryFlow::get();
    let navigate = use_navigate();
    let problems = Problems::new(Signal::stored("Create a supervision summary".to_owned()));
    let from_error = RwSignal::new(None::<DateError>);
    let to_error = RwSignal::new(None::<DateError>);

    // The reflections in the weeks as typed so far, for the checkboxes. Only the dates
    // count here: ticking a box or typing the bring text redraws nothing, and a bring
    // text that is too long does not hide the reflections.
    let offers = Memo::new(move |_| {
        let period = flow.dates().validate(browser::today()).ok()?.period();
        Some(state.journal.with(|j| {
            j.entries_between(period.start(), period.end())
                .rev()
                .map(|e| Offer {
                    id: e.id.clone(),
                    day: long_date(e.about),
                    preview: e.preview(PREVIEW_CHARS),
                    withheld: text_withheld(e),
                })
                .collect::<Vec<_>>()
        }))
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problems.clear();
        from_error.set(None);
        to_error.set(None);
        let form = flow.form();
        let mut request = match form.validate(browser::today()) {
            Ok(request) => request,
            Err(errors) => {
                use SummaryField as F;
                for e in &errors {
                    let (parts, error) =
                        if [F::FromDay, F::FromMonth, F::FromYear].contains(&e.field) {
                            ([F::FromDay, F::FromMonth, F::FromYear], from_error)
                        } else if [F::ToDay, F::ToMonth, F::ToYear].contains(&e.field) {
                            ([F::ToDay, F::ToMonth, F::ToYear], to_error)
                        } else {
                            continue;
                        };
                    error.set(Some(DateError {
                        message: e.message.clone(),
                        marked: parts.map(|p| e.highlights.contains(&p)),
                    }));
                }
                let items = errors
                    .iter()
                    .map(|e| item(e.field.html_id(), e.message.clone()))
                    .collect();
                return problems.show(items, Vec::new());
            }
        };
        // Ticks left over from other weeks the worker looked at do not count.
        let period = request.period();
        request.include_text.retain(|id| {
            state
                .journal
                .with_untracked(|j| j.get(id).is_some_and(|e| period.contains(e.about)))
        });
        // Marks around the scan let the browser benchmark time it without a timed test.
        browser::mark("anchorpoint:review-start");
        let review = with_data(state, |data| Review::new(&request, data));
        browser::mark("anchorpoint:review-end");
        // Words the worker chose to redact still apply after "Change"; choices to show a
        // redaction as written do not, because the texts may differ now.
        let mut decisions = Decisions::default();
        for phrase in flow.decisions.get_untracked().phrases {
            let _ = review.add_phrase(&mut decisions, &phrase);
        }
        flow.review.set(Some(Arc::new(review)));
        flow.decisions.set(decisions);
        flow.exported.set(None);
        navigate(REVIEW_PATH, NavigateOptions::default());
    };

    let select_all = move |_| {
        let all = offers.with_untracked(|o| {
            o.iter()
                .flatten()
                .filter(|o| !o.withheld)
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        });
        flow.include.set(all);
    };
    let reflections = move || {
        match offers.get() {
        None => view! {
            <p id=INCLUDE_ID>"Enter the start and end dates to choose reflections."</p>
        }
        .into_any(),
        Some(offers) if offers.is_empty() => view! {
            <p id=INCLUDE_ID>"There are no reflections in these weeks. The summary can still show your check-ins and holding threads."</p>
        }
        .into_any(),
        Some(offers) => {
            let count = offers.iter().filter(|o| !o.withheld).count();
            let boxes = offers
                .into_iter()
                .enumerate()
                .map(|(i, offer)| {
                    let id = choice_id(INCLUDE_ID, i, &offer.id);
                    let hint = if offer.withheld {
                        format!("{} Tagged escalate elsewhere: it is counted, and its words are never included.", offer.preview)
                    } else {
                        offer.preview
                    };
                    let entry = offer.id;
                    let checked = {
                        let entry = entry.clone();
                        Signal::derive(move || flow.include.read().contains(&entry))
                    };
                    let toggle = Callback::new(move |on: bool| {
                        flow.include.update(|list| {
                            list.retain(|e| *e != entry);
                            if on {
                                list.push(entry.clone());
                            }
                        });
                    });
                    choice(ChoiceKind::Checkbox, INCLUDE_ID, id, offer.day, Some(hint), checked, toggle)
                })
                .collect_view();
            view! {
                {fieldset(
                    INCLUDE_ID,
                    "Which reflections’ words do you want to include? (optional)",
                    Some("Their words are anonymised and you check every redaction on the next page. Tags and counts from all the reflections in these weeks are always included."),
                    Signal::stored(None),
                    ChoiceKind::Checkbox.group(),
                    boxes.into_any(),
                )}
                {(count > 1).then(|| view! {
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=select_all>
                        {format!("Include all {count} reflections")}
                    </button>
                })}
            }
            .into_any()
        }
    }
    };

    let bring_error = problems.message_for(BRING_ID);
    view! {
        <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
        {problems.summary()}
        <PageHeading text="Create a supervision summary"/>
        <p>"A summary for supervision, set out by Proctor’s three functions: normative (judgement calls and boundaries to discuss), formative (learning and actions) and restorative (your wellbeing, holding load and how embedded you feel)."</p>
        <p>"Anchorpoint removes names and other identifiers, and you check every redaction before anything is saved to a file. Nothing is sent anywhere."</p>
        <form novalidate on:submit=on_submit>
            {date_input("from", "Start date", "The summary starts on the Monday of this week. For example, 2 11 2026.", flow.from, from_error.into())}
            {date_input("to", "End date", "The summary ends on the Sunday of this week. For example, 29 11 2026.", flow.to, to_error.into())}
            {reflections}
            <div class=group_class(bring_error)>
                <label class="nhsuk-label nhsuk-label--s" for=BRING_ID>"What I want to bring to supervision (optional)"</label>
                <div class="nhsuk-hint" id="bring-hint">"Anything you want to talk about: a case that stays with you, a boundary you are unsure of, support you need. This is anonymised too."</div>
                {inline_error("bring-error".to_owned(), bring_error)}
                <textarea class=move || if bring_error.read().is_some() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                    id=BRING_ID name=BRING_ID rows="5"
                    aria-describedby=described_by(Some("bring-hint".to_owned()), "bring-error".to_owned(), bring_error)
                    prop:value=move || flow.bring.get()
                    on:input=move |ev| flow.bring.set(event_target_value(&ev))></textarea>
            </div>
            <button class="nhsuk-button" type="submit">"Continue"</button>
        </form>
    }
}

// ---------------------------------------------------------------------------------------
// 2. The review
// ---------------------------------------------------------------------------------------

const REVIEW_TITLE: &str = "Check your summary before you download it";

/// `/summary/review`.
#[component]
pub fn SummaryReviewPage() -> impl IntoView {
    let flow = SummaryFlow::get();
    match flow.review.get_untracked() {
        Some(review) => review_page(flow, review),
        None => start_again("There is no summary to check"),
    }
}

fn review_page(flow: SummaryFlow, review: Arc<Review>) -> AnyView {
    let navigate = use_navigate();
    let problems = Problems::new(Signal::stored(REVIEW_TITLE.to_owned()));
    let views = {
        let review = review.clone();
        Memo::new(move |_| flow.decisions.with(|d| review.view(d)))
    };
    // What the last action did, announced politely.
    let status = RwSignal::new(String::new());
    let phrase = RwSignal::new(String::new());

    let period = review.period();
    let shared: Vec<usize> = {
        let mut n: Vec<usize> = review.texts().iter().filter_map(|t| t.reflection).collect();
        n.dedup();
        n
    };
    let has_bring = review.texts().iter().any(|t| t.reflection.is_none());
    let withheld = review.withheld().len();
    let facts = vec![
        ("Weeks", weeks_text(period)),
        (
            "Reflections counted",
            plural(review.entries_in_period(), "reflection", "reflections"),
        ),
        (
            "Reflections with words included",
            match (shared.len(), withheld) {
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
                let words = text.text[start..end].to_owned();
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
            match review.add_phrase(&mut decisions, &phrase.get_untracked()) {
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

    let sealing = RwSignal::new(false);
    let confirm = {
        let review = review.clone();
        move |_| {
            let Some(format) = Format::parse(&flow.format.get_untracked()) else {
                return problems.one(
                    FORMAT_ID,
                    "Select which file you want to download".to_owned(),
                );
            };
            let worker = match crate::core::summary::worker_name(&flow.worker.get_untracked()) {
                Ok(worker) => worker,
                Err(message) => return problems.one(WORKER_ID, message.to_owned()),
            };
            // Protection (issue 12): only the JSON, which the supervisor view opens.
            let passphrase: String = js_sys::JsString::from(flow.passphrase.get_untracked())
                .normalize("NFC")
                .into();
            let protect = !passphrase.is_empty();
            if protect {
                if format != Format::Json {
                    return problems.one(PASSPHRASE_ID, "Choose JSON to protect the file with a passphrase: only the JSON file opens in the supervisor view".to_owned());
                }
                if let Err(e) = crate::core::crypto::check_passphrase(&passphrase) {
                    return problems.one(
                        PASSPHRASE_ID,
                        format!("The passphrase cannot be used because {e}"),
                    );
                }
                let again: String = js_sys::JsString::from(flow.passphrase_again.get_untracked())
                    .normalize("NFC")
                    .into();
                if again != passphrase {
                    return problems.one(
                        PASSPHRASE_AGAIN_ID,
                        "The passphrases do not match: type the same passphrase twice".to_owned(),
                    );
                }
            }
            browser::mark("anchorpoint:export-start");
            let mut summary = review.finish(&flow.decisions.get_untracked());
            summary.worker = worker;
            let name = format.file_name(&summary);
            let contents = format.render(&summary);
            browser::mark("anchorpoint:export-end");
            let navigate = navigate.clone();
            let finish = move |contents: String| {
                if !browser::download(&name, format.mime(), &contents) {
                    return problems.one(CONFIRM_ID, DOWNLOAD_REFUSED.to_owned());
                }
                flow.passphrase.set(String::new());
                flow.passphrase_again.set(String::new());
                flow.exported.set(Some(Exported {
                    summary: Arc::new(summary),
                    protected: protect,
                    files: vec![name],
                }));
                navigate(DONE_PATH, NavigateOptions::default());
            };
            if !protect {
                return finish(contents);
            }
            // Argon2id takes about a second: let the page say so before the work starts.
            sealing.set(true);
            set_timeout(
                move || {
                    let sealed = crate::storage::random::for_file()
                        .map_err(|e| e.to_string())
                        .and_then(|random| {
                            crate::core::crypto::seal_file(
                                crate::core::crypto::Purpose::Summary,
                                &passphrase,
                                crate::core::crypto::KdfParams::CHOSEN,
                                &random,
                                contents.as_bytes(),
                            )
                            .map_err(|e| e.to_string())
                        });
                    sealing.set(false);
                    match sealed {
                        Ok(file) => finish(file),
                        Err(why) => problems.one(
                            CONFIRM_ID,
                            format!("The file could not be protected because {why}. Nothing was downloaded. Reload the page and try again."),
                        ),
                    }
                },
                std::time::Duration::from_millis(30),
            );
        }
    };

    // Each text re-renders only when its own view changes: showing one redaction as
    // written redraws one text, not the whole page.
    let texts = {
        let mut last_reflection = None;
        review
            .texts()
            .iter()
            .enumerate()
            .map(|(index, text)| {
                let heading = (text.reflection != last_reflection).then(|| {
                    last_reflection = text.reflection;
                    let heading = match (text.reflection, text.week) {
                        (Some(n), Some(week)) => format!("Reflection {n}, {}", week_label(week)),
                        _ => "What I want to bring to supervision".to_owned(),
                    };
                    view! { <h3 class="nhsuk-heading-s">{heading}</h3> }
                });
                let view = Memo::new(move |_| views.with(|v| v.get(index).cloned()));
                let prompt = text.prompt.clone();
                let review = review.clone();
                let id = text.id.html_id();
                // The words and redactions are drawn as one string of markup, and one
                // handler serves every button in it (see `text_markup`).
                let markup = move || {
                    view.with(|view| {
                        view.as_ref().map(|view| {
                            text_markup(index, prompt.as_deref(), view, &|words| {
                                review.on_private_list(words)
                            })
                        })
                    })
                    .unwrap_or_default()
                };
                let on_click = move |ev: leptos::ev::MouseEvent| {
                    if let Some(choice) = clicked_mark(&ev) {
                        act.run(choice);
                    }
                };
                let block = view! {
                    <div class="app-review-text" id=id tabindex="-1" inner_html=markup on:click=on_click></div>
                };
                view! { {heading}{block} }
            })
            .collect_view()
    };

    let warnings = move || {
        let list: Vec<(String, String)> = views.with(|views| {
            views
                .iter()
                .flat_map(|v| {
                    v.warnings
                        .iter()
                        .filter(|w| !w.resolved)
                        .map(|w| (v.id.html_id(), format!("{}: ‘{}’", w.kind.label(), w.words)))
                })
                .collect()
        });
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(target, text)| {
                    view! { <li><a href=format!("#{target}") on:click=move |ev| {
                        ev.prevent_default();
                        browser::focus_element(target.clone());
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
    };

    let redaction_count = move || {
        views.with(|views| {
            views
                .iter()
                .flat_map(|v| &v.segments)
                .filter(|s| {
                    s.mark
                        .as_ref()
                        .is_some_and(|m| m.state != MarkState::Unredacted)
                })
                .count()
        })
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
    let formats = Format::ALL
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let id = choice_id(FORMAT_ID, i, &f.id());
            choice(
                ChoiceKind::Radio,
                FORMAT_ID,
                id,
                f.label().to_owned(),
                Some(f.purpose().to_owned()),
                Signal::derive(move || *flow.format.read() == f.id()),
                Callback::new(move |on: bool| {
                    if on {
                        flow.format.set(f.id().to_owned());
                    }
                }),
            )
        })
        .collect_view();
    let phrase_error = problems.message_for(PHRASE_ID);
    let format_error = problems.message_for(FORMAT_ID);
    let worker_error = problems.message_for(WORKER_ID);
    let passphrase_error = problems.message_for(PASSPHRASE_ID);
    let passphrase_again_error = problems.message_for(PASSPHRASE_AGAIN_ID);
    let protecting = move || !flow.passphrase.read().is_empty();

    view! {
        <a class="nhsuk-back-link" href=FORM_PATH>"Back"</a>
        {problems.summary()}
        <PageHeading text=REVIEW_TITLE/>
        <dl class="nhsuk-summary-list">{facts}</dl>
        {warnings}
        <h2 class="nhsuk-heading-m">"Words that will be downloaded"</h2>
        <p>{move || format!(
            "Anchorpoint has marked {} to redact. Each is highlighted with what it is and what replaces it. If one is not an identifier, choose “Show as written” beside it.",
            plural(redaction_count(), "word or phrase", "words or phrases")
        )}</p>
        <p class="nhsuk-u-visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        {texts}
        <h2 class="nhsuk-heading-m">"Redact more words"</h2>
        <form novalidate on:submit=add_phrase class="app-phrase-form">
            <div class=group_class(phrase_error)>
                <label class="nhsuk-label" for=PHRASE_ID>"Word or phrase to redact"</label>
                <div class="nhsuk-hint" id="phrase-hint">"It is redacted wherever it appears, in any case, including possessives like “Amal’s”."</div>
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
        <h2 class="nhsuk-heading-m">"Download"</h2>
        <div class=group_class(worker_error)>
            <label class="nhsuk-label nhsuk-label--s" for=WORKER_ID>"Name or initials shown to your supervisor (optional)"</label>
            <div class="nhsuk-hint" id="worker-name-hint">"It goes in the file and its name, so your supervisor can tell your summaries from other workers’. It is not anonymised. Up to 40 characters."</div>
            {inline_error("worker-name-error".to_owned(), worker_error)}
            <input class=move || if worker_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=WORKER_ID name=WORKER_ID type="text" autocomplete="off" spellcheck="false"
                aria-describedby=described_by(Some("worker-name-hint".to_owned()), "worker-name-error".to_owned(), worker_error)
                prop:value=move || flow.worker.get() on:input=move |ev| flow.worker.set(event_target_value(&ev))/>
        </div>
        {fieldset(FORMAT_ID, "Which file do you want to download?", Some("You can download the same summary in another format afterwards."), format_error, ChoiceKind::Radio.group(), formats.into_any())}
        <div class=group_class(passphrase_error)>
            <label class="nhsuk-label nhsuk-label--s" for=PASSPHRASE_ID>"Protect the JSON file with a passphrase (optional)"</label>
            <div class="nhsuk-hint" id="passphrase-hint">"Only your supervisor can then open it, in Anchorpoint’s supervisor view. Tell them the passphrase in person, never with the file. If it is lost, the file cannot be opened."</div>
            {inline_error("passphrase-error".to_owned(), passphrase_error)}
            <input class=move || if passphrase_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=PASSPHRASE_ID name=PASSPHRASE_ID type="password" autocomplete="new-password" spellcheck="false"
                aria-describedby=described_by(Some("passphrase-hint".to_owned()), "passphrase-error".to_owned(), passphrase_error)
                prop:value=move || flow.passphrase.get() on:input=move |ev| flow.passphrase.set(event_target_value(&ev))/>
        </div>
        <div class=group_class(passphrase_again_error)>
            <label class="nhsuk-label nhsuk-label--s" for=PASSPHRASE_AGAIN_ID>"Passphrase again"</label>
            {inline_error("passphrase-again-error".to_owned(), passphrase_again_error)}
            <input class=move || if passphrase_again_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=PASSPHRASE_AGAIN_ID name=PASSPHRASE_AGAIN_ID type="password" autocomplete="new-password" spellcheck="false"
                aria-describedby=described_by(None, "passphrase-again-error".to_owned(), passphrase_again_error)
                prop:value=move || flow.passphrase_again.get() on:input=move |ev| flow.passphrase_again.set(event_target_value(&ev))/>
        </div>
        {move || if protecting() {
            warning_callout(
                "The file will be protected",
                view! {
                    <p class="nhsuk-card__description">"It is sealed with your passphrase (Argon2id and XChaCha20-Poly1305). Without the passphrase nobody can read it, and nobody can recover it."</p>
                }
                .into_any(),
            ).into_any()
        } else {
            warning_callout(
                "The file will not be encrypted",
                view! {
                    <p class="nhsuk-card__description">"Anyone who can open it can read it. Keep it where only you and your supervisor can see it, and delete it when you no longer need it."</p>
                }
                .into_any(),
            ).into_any()
        }}
        <p class="nhsuk-body-s" aria-live="polite">{move || sealing.get().then_some("Protecting the file…")}</p>
        <button id=CONFIRM_ID type="button" class="nhsuk-button" on:click=confirm disabled=move || sealing.get()>"Confirm and download"</button>
    }
    .into_any()
}

/// What the page says when the browser would not save the file.
const DOWNLOAD_REFUSED: &str = "Your browser did not save the file. Nothing has been sent anywhere and your journal has not changed. Try again, or check that this browser allows downloads.";

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

// ---------------------------------------------------------------------------------------
// 3. Done
// ---------------------------------------------------------------------------------------

/// `/summary/done`.
#[component]
pub fn SummaryDonePage() -> impl IntoView {
    let flow = SummaryFlow::get();
    match flow.exported.get_untracked() {
        Some(exported) => done_page(flow, exported.summary, exported.protected),
        None => start_again("There is no summary to show"),
    }
}

fn done_page(flow: SummaryFlow, summary: Arc<Summary>, protected: bool) -> AnyView {
    let problems = Problems::new(Signal::stored("Summary downloaded".to_owned()));
    let files = move || {
        flow.exported
            .with(|e| e.as_ref().map(|e| e.files.clone()).unwrap_or_default())
    };
    let redacted = summary.redactions.iter().map(|k| k.count).sum::<usize>();
    let kinds = summary
        .redactions
        .iter()
        .map(|k| format!("{}: {}", k.kind.label(), k.count))
        .collect::<Vec<_>>()
        .join("; ");
    let facts = vec![
        ("Weeks", weeks_text(summary.period)),
        (
            "Reflections counted",
            plural(summary.overview.entries, "reflection", "reflections"),
        ),
        (
            "Reflections with words included",
            plural(summary.overview.entries_shared, "reflection", "reflections"),
        ),
        (
            "What I want to bring to supervision",
            if summary.bring.is_some() {
                "Included"
            } else {
                "Nothing added"
            }
            .to_owned(),
        ),
        (
            "Redacted",
            if redacted == 0 {
                "Nothing".to_owned()
            } else {
                format!(
                    "{}. {kinds}",
                    plural(redacted, "word or phrase", "words or phrases")
                )
            },
        ),
    ];
    let facts = fact_rows(facts, false);
    let again = Format::ALL
        .into_iter()
        .map(|format| {
            let summary = summary.clone();
            let download = move |_| {
                let name = format.file_name(&summary);
                if !browser::download(&name, format.mime(), &format.render(&summary)) {
                    return problems.one(&format!("again-{}", format.id()), DOWNLOAD_REFUSED.to_owned());
                }
                problems.clear();
                flow.exported.update(|e| {
                    if let Some(e) = e {
                        if !e.files.contains(&name) {
                            e.files.push(name);
                        }
                    }
                });
            };
            view! {
                <li>
                    <button type="button" id=format!("again-{}", format.id())
                        class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                        on:click=download>{format!("Download {}", format.label())}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        {problems.summary()}
        <div class="nhsuk-panel">
            <h1 class="nhsuk-panel__heading" id=HEADING_ID tabindex="-1">"Summary downloaded"</h1>
            <div class="nhsuk-panel__body">"Your file is in this browser’s downloads."</div>
        </div>
        <h2 class="nhsuk-heading-m">"What was downloaded"</h2>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Files"</dt>
                <dd class="nhsuk-summary-list__value">
                    <ul class="nhsuk-list">{move || files().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </dd>
            </div>
            {facts}
        </dl>
        {protected.then(|| warning_callout(
            "The file is protected",
            view! {
                <p class="nhsuk-card__description">"The JSON file is sealed with your passphrase. Your supervisor opens it in Anchorpoint’s supervisor view with the passphrase: tell it to them in person, never in the same message as the file."</p>
                <p class="nhsuk-card__description">"Files downloaded again below in other formats are not protected."</p>
            }
            .into_any(),
        ))}
        {(!protected).then(|| warning_callout(
            "The file is not encrypted",
            view! {
                <p class="nhsuk-card__description">"Anyone who can open the file can read it. Keep it where only you and your supervisor can see it, such as your organisation’s secure email or shared drive, and delete it when you no longer need it."</p>
                <p class="nhsuk-card__description">"Anchorpoint removed the identifiers it found and the words you chose. Read the file before you share it."</p>
            }
            .into_any(),
        ))}
        <h2 class="nhsuk-heading-m">"Download the same summary in another format"</h2>
        <ul class="nhsuk-list">{again}</ul>
        <p><a href="/">"Back to your journal"</a></p>
        <p><a href=FORM_PATH>"Create another summary"</a></p>
    }
    .into_any()
}
