//! `/supervisor`: open summary files by the file picker or by dragging them onto the
//! page, see what opened and what could not (each bad file its own error in the error
//! summary, the good ones open all the same), and the summaries open now, by worker.
//!
//! Files are read here (the size first: a file over the limit is never read) and handed
//! to `Library::open_files`, which validates every one before anything is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{space, NothingOpen, SectionNav};
use crate::core::plural;
use crate::core::supervisor::views::{period_label, totals};
use crate::core::supervisor::{check_size, FileInput, OpenReport};
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, PageHeading, SummaryItem, ERROR_SUMMARY_ID};

const INPUT_ID: &str = "summary-files";

/// Reads each file's text, or notes that it is too big to read or could not be read.
async fn read_all(files: Vec<web_sys::File>) -> Vec<FileInput> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let bytes = file.size() as u64;
        if check_size(bytes).is_err() {
            out.push(FileInput::TooBig { name, bytes });
            continue;
        }
        match JsFuture::from(file.text()).await {
            Ok(text) => out.push(FileInput::Text {
                name,
                text: text.as_string().unwrap_or_default(),
            }),
            Err(_) => out.push(FileInput::Unreadable { name }),
        }
    }
    out
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

#[component]
pub fn SupervisorPage() -> impl IntoView {
    let library = space();
    let report = RwSignal::new(None::<OpenReport>);
    let dragging = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let errors = Signal::derive(move || {
        report.with(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                r.errors
                    .iter()
                    .map(|(_, message)| SummaryItem {
                        target: INPUT_ID.to_owned(),
                        message: message.clone(),
                    })
                    .collect()
            })
        })
    });
    Effect::new(move |_| browser::set_title("Supervisor view", !errors.read().is_empty()));

    let open_files = {
        let library = library.clone();
        move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            busy.set(true);
            browser::mark("anchorpoint:supervisor-open-start");
            let library = library.clone();
            leptos::task::spawn_local(async move {
                let inputs = read_all(files).await;
                let result = library.try_update(|lib| lib.open_files(inputs));
                // The overview below adds every worker's summaries up: part of opening.
                library.with_untracked(|lib| {
                    for w in lib.workers() {
                        let _ = totals(&w);
                    }
                });
                browser::mark("anchorpoint:supervisor-open-end");
                busy.set(false);
                if let Some(result) = result {
                    let bad = !result.errors.is_empty();
                    report.set(Some(result));
                    if bad {
                        browser::focus_id(ERROR_SUMMARY_ID);
                    } else {
                        browser::focus_id("open-result");
                    }
                }
            });
        }
    };

    let on_change = {
        let open_files = open_files.clone();
        move |ev: leptos::ev::Event| {
            let input = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                let files = files_of(input.files());
                // Cleared, so choosing the same file again is noticed (and opened once).
                input.set_value("");
                open_files(files);
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        open_files(files);
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_dragleave = move |_| dragging.set(false);

    let result = move || {
        report.get().map(|r| {
            let opened = (!r.opened.is_empty()).then(|| {
                view! {
                    <div class="nhsuk-notification-banner nhsuk-notification-banner--success"
                        role="alert" aria-labelledby="open-result-title">
                        <div class="nhsuk-notification-banner__header">
                            <h2 class="nhsuk-notification-banner__title" id="open-result-title">"Success"</h2>
                        </div>
                        <div class="nhsuk-notification-banner__content">
                            <p class="nhsuk-notification-banner__heading" id="open-result" tabindex="-1">
                                {format!("{} opened", plural(r.opened.len(), "summary", "summaries"))}
                            </p>
                        </div>
                    </div>
                }
            });
            let duplicates = (!r.duplicates.is_empty()).then(|| {
                let items = r
                    .duplicates
                    .iter()
                    .map(|(file, of)| {
                        view! { <li>{format!("‘{file}’ is the same summary as ‘{of}’, so it is open once.")}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="nhsuk-inset-text" id="open-duplicates">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <ul class="nhsuk-list">{items}</ul>
                    </div>
                }
            });
            let none_new = (r.opened.is_empty() && r.errors.is_empty()).then(|| {
                view! { <p id="open-result" tabindex="-1">"No new summaries were opened."</p> }
            });
            view! { {opened}{duplicates}{none_new} }
        })
    };

    let error_line = move || {
        let n = errors.read().len();
        (n > 0).then(|| {
            view! {
                <span class="nhsuk-error-message" id="summary-files-error">
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>
                    {format!("{} could not be opened: see the list above", plural(n, "file", "files"))}
                </span>
            }
        })
    };
    let group_class = move || {
        if errors.read().is_empty() {
            "nhsuk-form-group"
        } else {
            "nhsuk-form-group nhsuk-form-group--error"
        }
    };
    let zone_class = move || {
        if dragging.get() {
            "app-drop-zone app-drop-zone--over"
        } else {
            "app-drop-zone"
        }
    };
    let described = move || {
        if errors.read().is_empty() {
            "summary-files-hint"
        } else {
            "summary-files-hint summary-files-error"
        }
    };

    let lib = library.clone();
    let open_list = move || {
        lib.with(|lib| {
            if lib.is_empty() {
                return view! { <NothingOpen/> }.into_any();
            }
            let workers = lib.workers();
            let rows = workers
                .iter()
                .map(|w| {
                    let t = totals(w);
                    let href = format!("/supervisor/workers/{}", w.key.id());
                    let label = w.label.clone();
                    let files = w
                        .summaries
                        .iter()
                        .map(|o| {
                            let f = o.fingerprint;
                            let text = format!("{}: {}", period_label(&o.summary), o.file_name);
                            let close_label = format!("Close ‘{}’", o.file_name);
                            let lib = space();
                            view! {
                                <li>
                                    {text} " "
                                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                                        aria-label=close_label on:click=move |_| {
                                            lib.update(|l| { l.remove(f); });
                                            browser::focus_id("open-summaries");
                                        }>
                                        "Close"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="nhsuk-card">
                            <div class="nhsuk-card__content">
                                <h3 class="nhsuk-card__heading nhsuk-heading-s"><a href=href>{label}</a></h3>
                                <p class="nhsuk-card__description">
                                    {format!(
                                        "{}, {}, {} shared.",
                                        plural(t.summaries, "summary", "summaries"),
                                        plural(t.weeks as usize, "week", "weeks"),
                                        plural(t.shared, "reflection", "reflections"),
                                    )}
                                </p>
                                <ul class="nhsuk-list nhsuk-body-s">{files}</ul>
                            </div>
                        </div>
                    }
                })
                .collect_view();
            let count = format!(
                "{} from {} open",
                plural(lib.len(), "summary", "summaries"),
                plural(workers.len(), "worker", "workers")
            );
            view! {
                <h2 class="nhsuk-heading-m" id="open-summaries" tabindex="-1">{count}</h2>
                <p>"Choose a worker to see their timeline across summaries."</p>
                {rows}
            }
            .into_any()
        })
    };

    view! {
        <ErrorSummary items=errors/>
        <PageHeading text="Supervisor view"/>
        <SectionNav current="/supervisor"/>
        <p class="nhsuk-body-l">"Open the anonymised supervision summaries your link workers downloaded from Anchorpoint, to see patterns across weeks and across workers."</p>
        <p>"Opening a summary reads only that file. It never reads or changes a journal kept in this browser, and nothing is sent anywhere. Summaries you open stay in this tab only: they are gone when you close it."</p>
        {result}
        <div class=group_class>
            <label class="nhsuk-label nhsuk-label--s" for=INPUT_ID>"Open summary files"</label>
            <div class="nhsuk-hint" id="summary-files-hint">"JSON files (.json) made by Anchorpoint’s supervision summary, up to 1 MB each. You can choose several at once."</div>
            {error_line}
            <div class=zone_class on:dragover=on_dragover on:dragleave=on_dragleave on:drop=on_drop>
                <input class="nhsuk-file-upload__input" type="file" id=INPUT_ID name=INPUT_ID multiple
                    accept=".json,application/json" aria-describedby=described on:change=on_change/>
                <p class="nhsuk-body-s app-drop-zone__hint" aria-hidden="true">"or drop files here"</p>
            </div>
        </div>
        <p class="nhsuk-body-s" aria-live="polite">{move || busy.get().then_some("Opening…")}</p>
        {open_list}
    }
}
