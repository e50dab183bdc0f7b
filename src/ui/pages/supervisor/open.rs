//! `/supervisor`: open summary files by the file picker or by dragging them onto the
//! page, see what opened and what could not (each bad file its own error in the error
//! summary, the good ones open all the same), and the summaries open now, by worker.
//!
//! Files are read here (the size first: a file over the limit is never read) and handed
//! to `Library::open_files`, which validates every one before anything is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{keep_failure, kept_space, section, space, NothingOpen, SectionNav};
use crate::core::plural;
use crate::core::supervisor::views::totals;
use crate::core::supervisor::{check_size, open_protected, split_read, FileInput, OpenReport};
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, PageHeading, SummaryItem, ERROR_SUMMARY_ID};
use crate::ui::forms::{choice, choice_id, fieldset, ChoiceKind};

const INPUT_ID: &str = "summary-files";
const KEEP_ID: &str = "keep";

/// Files are read in groups of about this many bytes, each group as one blob.
const GROUP_BYTES: u64 = 4 * 1024 * 1024;

/// Reads each file's text, or notes that it is too big to read or could not be read.
///
/// The files that may be read are joined into a few blobs of about [`GROUP_BYTES`], each
/// read in one go as bytes and cut back into files by their sizes
/// (`core::supervisor::split_read`). Reading a year of summaries one `File::text` call
/// each spent about half of opening them in the calls and in copying each text into the
/// app: 2,600 reads cost far more than a few. Groups keep any one buffer small. If a
/// group cannot be read (a file changed or vanished since it was chosen), its files are
/// read one by one, so each unreadable file gets its own error and the others still open.
/// (Opening each group as it arrived, while the browser read the next, was slower: the
/// reads are delivered on the same thread, so they waited for the opening.)
async fn read_all(files: Vec<web_sys::File>) -> Vec<FileInput> {
    let sizes: Vec<u64> = files.iter().map(|f| f.size() as u64).collect();
    // Groups of readable files, in order.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut bytes = 0;
    for (i, &size) in sizes.iter().enumerate() {
        if check_size(size).is_err() {
            continue;
        }
        match groups.last_mut() {
            Some(group) if bytes + size <= GROUP_BYTES => group.push(i),
            _ => {
                groups.push(vec![i]);
                bytes = 0;
            }
        }
        bytes += size;
    }
    let promises = js_sys::Array::new();
    for group in &groups {
        let parts = js_sys::Array::new();
        for &i in group {
            parts.push(&files[i]);
        }
        // A blob that cannot be made is a group read one file at a time.
        let promise = match web_sys::Blob::new_with_blob_sequence(&parts) {
            Ok(blob) => blob.array_buffer(),
            Err(_) => js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED),
        };
        promises.push(&promise);
    }
    let settled = settle(&promises).await;
    let mut texts: Vec<Option<String>> = vec![None; files.len()];
    let mut one_by_one = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let group_sizes: Vec<u64> = group.iter().map(|&i| sizes[i]).collect();
        // Anything but the bytes of every file (their sizes add up) is not used.
        let read = fulfilled(&settled, g)
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .and_then(|bytes| split_read(&bytes, &group_sizes));
        match read {
            Some(read) => {
                for (&i, text) in group.iter().zip(read) {
                    texts[i] = Some(text);
                }
            }
            None => one_by_one.extend(group.iter().copied()),
        }
    }
    if !one_by_one.is_empty() {
        let promises: js_sys::Array = one_by_one.iter().map(|&i| files[i].text()).collect();
        let settled = settle(&promises).await;
        for (k, &i) in one_by_one.iter().enumerate() {
            texts[i] = fulfilled(&settled, k).and_then(|v| v.as_string());
        }
    }
    files
        .into_iter()
        .zip(texts)
        .zip(sizes)
        .map(|((file, text), bytes)| {
            let name = file.name();
            if check_size(bytes).is_err() {
                return FileInput::TooBig { name, bytes };
            }
            match text {
                Some(text) => FileInput::Text { name, text },
                None => FileInput::Unreadable { name },
            }
        })
        .collect()
}

/// Waits for every promise, fulfilled or not.
async fn settle(promises: &js_sys::Array) -> Option<js_sys::Array> {
    JsFuture::from(js_sys::Promise::all_settled(promises))
        .await
        .ok()
        .map(|v| js_sys::Array::from(&v))
}

/// The value of the `i`th settled promise, if it was fulfilled.
fn fulfilled(settled: &Option<js_sys::Array>, i: usize) -> Option<wasm_bindgen::JsValue> {
    let outcome = settled.as_ref()?.get(i as u32);
    let status = js_sys::Reflect::get(&outcome, &"status".into()).ok()?;
    if status.as_string().as_deref() != Some("fulfilled") {
        return None;
    }
    js_sys::Reflect::get(&outcome, &"value".into()).ok()
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
    let sec = section();
    let keeping = sec.keeping.clone();
    let stored_problems = sec.problems.clone();
    // A write to the supervisor space that failed: its sentence, for the error summary.
    let keep_error = RwSignal::new(None::<String>);
    let keep_choice = RwSignal::new(keeping.get_untracked());
    let keep_saved = RwSignal::new(None::<String>);
    // Protected files waiting for their passphrase: (name, text, error shown for it).
    let pending = RwSignal::new(Vec::<(String, String, Option<String>)>::new());
    let unlocking = RwSignal::new(None::<usize>);
    let dragging = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let errors = Signal::derive(move || {
        let mut items: Vec<SummaryItem> = report.with(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                r.errors
                    .iter()
                    .map(|(_, message)| SummaryItem {
                        target: INPUT_ID.to_owned(),
                        message: message.clone(),
                    })
                    .collect()
            })
        });
        pending.with(|p| {
            for (i, (_, _, error)) in p.iter().enumerate() {
                if let Some(message) = error {
                    items.push(SummaryItem {
                        target: format!("passphrase-{i}"),
                        message: message.clone(),
                    });
                }
            }
        });
        if let Some(message) = keep_error.get() {
            items.push(SummaryItem {
                target: KEEP_ID.to_owned(),
                message,
            });
        }
        items
    });
    let file_errors =
        Signal::derive(move || report.with(|r| r.as_ref().map_or(0, |r| r.errors.len())));
    Effect::new(move |_| browser::set_title("Supervisor view", !errors.read().is_empty()));

    let open_files = {
        let library = library.clone();
        let keeping = keeping.clone();
        move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            let keeping = keeping.clone();
            keep_error.set(None);
            keep_saved.set(None);
            busy.set(true);
            browser::mark("anchorpoint:supervisor-open-start");
            let library = library.clone();
            leptos::task::spawn_local(async move {
                let inputs = read_all(files).await;
                browser::mark("anchorpoint:supervisor-read-end");
                let result = library.try_update(|lib| lib.open_files(inputs));
                // The overview below adds every worker's summaries up: part of opening.
                library.with_untracked(|lib| {
                    for w in lib.workers() {
                        let _ = totals(&w);
                    }
                });
                browser::mark("anchorpoint:supervisor-open-end");
                // And once the page shows them: the benchmark reads both.
                request_animation_frame(|| browser::mark("anchorpoint:supervisor-open-shown"));
                busy.set(false);
                if let Some(mut result) = result {
                    let protected = std::mem::take(&mut result.protected);
                    let any_protected = !protected.is_empty();
                    pending.update(|p| {
                        for (name, text) in protected {
                            if !p.iter().any(|(n, t, _)| *n == name && *t == text) {
                                p.push((name, text, None));
                            }
                        }
                    });
                    // Kept on this device too, if the supervisor chose that.
                    if keeping.get_untracked() && !result.opened.is_empty() {
                        let stored =
                            library.with_untracked(|lib| kept_space().add(lib.summaries()));
                        if let Err(e) = stored {
                            keep_error.set(Some(keep_failure(
                                "The summaries just opened could not be kept on this device",
                                &e,
                            )));
                        }
                    }
                    let bad = !result.errors.is_empty() || keep_error.get_untracked().is_some();
                    report.set(Some(result));
                    if bad {
                        browser::focus_id(ERROR_SUMMARY_ID);
                    } else if any_protected
                        && report.with_untracked(|r| {
                            r.as_ref()
                                .is_some_and(|r| r.opened.is_empty() && r.duplicates.is_empty())
                        })
                    {
                        browser::focus_id("passphrase-0");
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
            let none_new = (r.opened.is_empty() && r.errors.is_empty() && r.duplicates.is_empty() && pending.with(Vec::is_empty)).then(|| {
                view! { <p id="open-result" tabindex="-1">"No new summaries were opened."</p> }
            });
            view! { {opened}{duplicates}{none_new} }
        })
    };

    let error_line = move || {
        let n = file_errors.get();
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
        if file_errors.get() == 0 {
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
        if file_errors.get() == 0 {
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
            let lib = space();
            let keeping = section().keeping;
            let close_all = move |_| {
                if keeping.get_untracked() {
                    let removed = lib.with_untracked(|l| {
                        l.summaries()
                            .iter()
                            .try_for_each(|o| kept_space().remove(o.fingerprint))
                    });
                    if let Err(e) = removed {
                        keep_error.set(Some(keep_failure("The summaries could not be removed from this device", &e)));
                        browser::focus_id(ERROR_SUMMARY_ID);
                        return;
                    }
                }
                lib.update(|l| *l = crate::core::supervisor::Library::new());
                report.set(None);
                browser::focus_id(crate::ui::components::HEADING_ID);
            };
            view! {
                <h2 class="nhsuk-heading-m" id="open-summaries" tabindex="-1">{count}</h2>
                <p>"Choose a worker to see their timeline across summaries, or to close one of them."</p>
                {rows}
                <button type="button" class="nhsuk-button nhsuk-button--secondary" id="close-all" on:click=close_all>
                    "Close all summaries"
                </button>
            }
            .into_any()
        })
    };

    let protected_forms = {
        let library = library.clone();
        let keeping = keeping.clone();
        move || {
            let list = pending.get();
            (!list.is_empty()).then(|| {
                let forms = list
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, text, error))| {
                        let input_id = format!("passphrase-{i}");
                        let error_id = format!("passphrase-{i}-error");
                        let hint_id = format!("passphrase-{i}-hint");
                        let has_error = error.is_some();
                        let label = format!("Passphrase for ‘{name}’");
                        let described = if has_error { format!("{hint_id} {error_id}") } else { hint_id.clone() };
                        let library = library.clone();
                        let keeping = keeping.clone();
                        let field = input_id.clone();
                        let submit = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let Some(input) = web_sys::window()
                                .and_then(|w| w.document())
                                .and_then(|d| d.get_element_by_id(&field))
                                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                            else {
                                return;
                            };
                            // The worker's page normalised theirs the same way; spaces count.
                            let passphrase: String = js_sys::JsString::from(input.value()).normalize("NFC").into();
                            unlocking.set(Some(i));
                            let (name, text) = (name.clone(), text.clone());
                            let library = library.clone();
                            let keeping = keeping.clone();
                            // Argon2id takes about a second: let the page draw "Opening…" first.
                            set_timeout(
                                move || {
                                    let outcome = open_protected(&name, &text, &passphrase);
                                    unlocking.set(None);
                                    match outcome {
                                        Ok(file) => {
                                            let result = library.try_update(|lib| lib.open_files(vec![file]));
                                            pending.update(|p| {
                                                p.retain(|(n, t, _)| !(*n == name && *t == text));
                                            });
                                            if let Some(result) = result {
                                                if keeping.get_untracked() && !result.opened.is_empty() {
                                                    let stored = library.with_untracked(|lib| kept_space().add(lib.summaries()));
                                                    if let Err(e) = stored {
                                                        keep_error.set(Some(keep_failure("The summary just opened could not be kept on this device", &e)));
                                                    }
                                                }
                                                let bad = !result.errors.is_empty();
                                                report.set(Some(result));
                                                browser::focus_id(if bad { ERROR_SUMMARY_ID } else { "open-result" });
                                            }
                                        }
                                        Err(message) => {
                                            pending.update(|p| {
                                                if let Some(entry) = p.iter_mut().find(|(n, t, _)| *n == name && *t == text) {
                                                    entry.2 = Some(message);
                                                }
                                            });
                                            browser::focus_id(ERROR_SUMMARY_ID);
                                        }
                                    }
                                },
                                std::time::Duration::from_millis(30),
                            );
                        };
                        let busy_here = move || unlocking.get() == Some(i);
                        view! {
                            <form novalidate on:submit=submit class="app-protected-form">
                                <div class=if has_error { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                                    <label class="nhsuk-label nhsuk-label--s" for=input_id.clone()>{label}</label>
                                    <div class="nhsuk-hint" id=hint_id>"This summary is protected. Enter the passphrase the worker told you in person."</div>
                                    {error.map(|e| view! {
                                        <span class="nhsuk-error-message" id=error_id.clone()>
                                            <span class="nhsuk-u-visually-hidden">"Error: "</span>{e}
                                        </span>
                                    })}
                                    <input class=if has_error { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                                        id=input_id name=format!("passphrase-{i}") type="password" autocomplete="off" spellcheck="false"
                                        aria-describedby=described/>
                                </div>
                                <button type="submit" class="nhsuk-button nhsuk-button--secondary" disabled=busy_here>
                                    {move || if busy_here() { "Opening…" } else { "Open protected summary" }}
                                </button>
                            </form>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="nhsuk-heading-m" id="protected-heading">"Protected summaries"</h2>
                    {forms}
                }
            })
        }
    };
    let keep_options = [
        (
            false,
            "Only in this tab",
            "They are gone when you close this tab.",
        ),
        (
            true,
            "Keep them on this device",
            "In this browser’s storage, apart from any journal, until you close them. A year of weekly summaries for ten workers takes under a tenth of the space.",
        ),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (value, label, hint))| {
        choice(
            ChoiceKind::Radio,
            KEEP_ID,
            choice_id(KEEP_ID, i, &value),
            label.to_owned(),
            Some(hint.to_owned()),
            Signal::derive(move || keep_choice.get() == value),
            Callback::new(move |on: bool| {
                if on {
                    keep_choice.set(value);
                }
            }),
        )
    })
    .collect_view()
    .into_any();
    let keep_message = Signal::derive(move || keep_error.get());
    let save_keep = {
        let keeping = keeping.clone();
        let library = library.clone();
        move |_| {
            keep_saved.set(None);
            keep_error.set(None);
            let want = keep_choice.get_untracked();
            let result = if want {
                library.with_untracked(|lib| kept_space().keep(lib.summaries()))
            } else {
                kept_space().forget_all().map(|_| ())
            };
            match result {
                Ok(()) => {
                    keeping.set(want);
                    keep_saved.set(Some(if want {
                        "Summaries you open are kept on this device".to_owned()
                    } else {
                        "Summaries are no longer kept on this device. Those open stay open until you close this tab.".to_owned()
                    }));
                    browser::focus_id("keep-saved");
                }
                Err(e) => {
                    let what = if want {
                        "The summaries could not be kept on this device"
                    } else {
                        "The summaries kept on this device could not be removed"
                    };
                    keep_error.set(Some(keep_failure(what, &e)));
                    browser::focus_id(ERROR_SUMMARY_ID);
                }
            }
        }
    };
    let saved_banner = move || {
        keep_saved.get().map(|message| view! {
            <div class="nhsuk-notification-banner nhsuk-notification-banner--success"
                role="alert" aria-labelledby="keep-saved-title">
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="keep-saved-title">"Success"</h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading" id="keep-saved" tabindex="-1">{message}</p>
                </div>
            </div>
        })
    };
    let stored_problems = move || {
        let list = stored_problems.get();
        (!list.is_empty()).then(|| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Some kept summaries could not be read"</span>
                </h2>
                {list.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        })
    };
    let keeping_now = keeping.clone();
    let where_kept = move || {
        if keeping_now.get() {
            "Summaries you open are also kept on this device, in a space of their own, until you close them."
        } else {
            "Summaries you open stay in this tab only: they are gone when you close it."
        }
    };

    view! {
        <ErrorSummary items=errors/>
        <PageHeading text="Supervisor view"/>
        <SectionNav current="/supervisor"/>
        <p class="nhsuk-body-l">"Open the anonymised supervision summaries your link workers downloaded from Anchorpoint, to see patterns across weeks and across workers."</p>
        <p>"Opening a summary reads only that file. It never reads or changes a journal kept in this browser, and nothing is sent anywhere."</p>
        <p id="where-kept">{where_kept}</p>
        {stored_problems}
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
        {protected_forms}
        {open_list}
        <h2 class="nhsuk-heading-m">"Where summaries are kept"</h2>
        {saved_banner}
        {fieldset(KEEP_ID, "Keep the summaries you open on this device?", None, keep_message, ChoiceKind::Radio.group(), keep_options)}
        <button type="button" class="nhsuk-button nhsuk-button--secondary" id="save-keep" on:click=save_keep>"Save this choice"</button>
    }
}
