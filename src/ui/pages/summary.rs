//! The supervision summary (issue 4): the one moment anything leaves the device, so it
//! is three pages in the GOV.UK "check answers" shape, one file each, all in the one
//! `summary` wasm chunk:
//! 1. `/summary` ([`form`]): the weeks to cover, which reflections' words to include, and
//!    what the worker wants to bring. Tags and counts of every reflection in the weeks
//!    always go.
//! 2. `/summary/review` ([`review`]): every text that would leave, one reflection at a
//!    time, with each redaction highlighted and labelled with its kind; showing a false
//!    alarm as written is a deliberate button per redaction; the worker can redact more
//!    words; quasi-identifiers are listed. Its download part ([`download`]): nothing
//!    leaves until every reflection has been seen and the worker presses "Confirm and
//!    download".
//! 3. `/summary/done` ([`done`]): what was exported, whether the file is protected, and
//!    the same confirmed summary in other formats.
//!
//! The rules (validation, scanning, decisions, paging, the export formats) are all in
//! `core::summary`; these pages hold the worker's choices in memory and nowhere else.
//! Nothing here is stored: a summary in progress is gone when the tab closes, which is
//! what a worker expects of something made to share and not to keep.

mod done;
mod download;
mod form;
mod review;

pub use done::SummaryDonePage;
pub use form::SummaryPage;
pub use review::SummaryReviewPage;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::ids::EntryId;
use crate::core::plural;
use crate::core::summary::{week_label, Decisions, Review, Summary, SummaryData, SummaryForm};
use crate::ui::browser;
use crate::ui::components::PageHeading;
use crate::ui::state::AppState;

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
    state.journal().with_untracked(|journal| {
        state.vocabulary.with_untracked(|vocabulary| {
            state.threads.with_untracked(|threads| {
                state.embeddedness.with_untracked(|embeddedness| {
                    state.wellbeing().with_untracked(|wellbeing| {
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

/// What the page says when the browser would not save the file.
const DOWNLOAD_REFUSED: &str = "Your browser did not save the file. Nothing has been sent anywhere and your journal has not changed. Try again, or check that this browser allows downloads.";
