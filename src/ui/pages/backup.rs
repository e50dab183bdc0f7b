//! "Download a backup" (`/settings/backup`) and "Restore from a backup"
//! (`/settings/restore`), one lazy chunk. A backup is the whole journal in one file
//! (`core::backup`), sealed with a passphrase unless the worker explicitly chooses a
//! plain file. A restore reads and checks the whole file before anything is touched,
//! shows what will change on a check-answers page, then writes it in one batch, all or
//! nothing. Argon2id takes about a second, so the busy message is drawn before the work
//! starts. Passphrases are normalised to Unicode NFC by the browser, never trimmed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::backup::restore::{plan, Plan};
use crate::core::backup::{
    file_name, is_sealed, read_backup, seal_backup, write_backup, Backup, BackupError,
    MAX_BACKUP_BYTES,
};
use crate::core::crypto::{KdfParams, MAX_PASSPHRASE_CHARS};
use crate::core::entry::long_date;
use crate::core::plural;
use crate::storage::StorageError;
use crate::ui::browser;
use crate::ui::components::{PageHeading, HEADING_ID};
use crate::ui::forms::{Choice, Problems, Radios};
use crate::ui::lock::passphrase_field;
use crate::ui::pages::settings::ACTION_ID;
use crate::ui::state::{use_app_state, Flash};

const PASSPHRASE_ID: &str = "backup-passphrase";
const CONFIRM_ID: &str = "backup-passphrase-confirm";
const FILE_ID: &str = "backup-file";
const RESTORE_PASSPHRASE_ID: &str = "restore-passphrase";

/// The passphrase as typed, in Unicode NFC, so "é" typed either way is the same.
fn nfc(raw: &str) -> String {
    js_sys::JsString::from(raw)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| raw.to_owned())
}

/// Runs `work` after the browser has drawn the busy state.
fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        set_timeout(work, std::time::Duration::from_millis(20));
    });
}

/// "Working…" while the slow part runs, announced to screen readers.
fn busy_note(busy: RwSignal<Option<&'static str>>) -> impl IntoView {
    view! {
        <p class="nhsuk-body" role="status" id="backup-busy">{move || busy.get().unwrap_or_default()}</p>
    }
}

/// `/settings/backup`.
#[component]
pub fn BackupPage() -> impl IntoView {
    let state = use_app_state();
    let errors = Problems::new(Signal::stored("Download a backup".to_owned()));
    let protect = RwSignal::new("passphrase".to_owned());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<&'static str>);
    let done = RwSignal::new(None::<(String, bool, Option<String>)>);
    let last = move || {
        state.preferences.with(|p| match p.last_backup {
            Some(at) => format!(
                "Your last backup from this device was made on {}.",
                long_date(at.date_naive())
            ),
            None => "You have not made a backup from this device yet.".to_owned(),
        })
    };

    let make = move |_| {
        if busy.get_untracked().is_some() {
            return;
        }
        state.flash.set(None);
        done.set(None);
        let sealed = protect.get_untracked() == "passphrase";
        let pass = nfc(&passphrase.get_untracked());
        if sealed {
            if pass.is_empty() {
                return errors.one(PASSPHRASE_ID, "Enter a passphrase".to_owned());
            }
            if pass.chars().count() > MAX_PASSPHRASE_CHARS {
                return errors.one(
                    PASSPHRASE_ID,
                    format!("Passphrase must be {MAX_PASSPHRASE_CHARS} characters or fewer"),
                );
            }
            if nfc(&confirm.get_untracked()) != pass {
                return errors.one(CONFIRM_ID, "The passphrases do not match".to_owned());
            }
        }
        errors.clear();
        busy.set(Some(if sealed {
            "Protecting your backup with your passphrase. This takes a few seconds."
        } else {
            "Making your backup."
        }));
        after_paint(move || {
            let now = browser::now();
            let Some(contents) = state.backup_contents() else {
                busy.set(None);
                return errors.one(
                    ACTION_ID,
                    "Your backup could not be made because this browser's storage could not be read. Reload the page and try again.".to_owned(),
                );
            };
            let plain = write_backup(now, &contents);
            let text = if sealed {
                let random = match crate::storage::random::for_file() {
                    Ok(r) => r,
                    Err(e) => {
                        busy.set(None);
                        return errors.one(ACTION_ID, format!("Your backup could not be protected because {e}. Try again, or use another browser."));
                    }
                };
                match seal_backup(&plain, &pass, KdfParams::CHOSEN, &random) {
                    Ok(t) => t,
                    Err(e) => {
                        busy.set(None);
                        return errors.one(
                            ACTION_ID,
                            format!("Your backup could not be protected because {e}."),
                        );
                    }
                }
            } else {
                plain
            };
            let name = file_name(now.date_naive());
            busy.set(None);
            if !browser::download(&name, "application/json", &text) {
                return errors.one(
                    ACTION_ID,
                    "This browser did not start the download. Try again, or use another browser."
                        .to_owned(),
                );
            }
            passphrase.set(String::new());
            confirm.set(String::new());
            let mut prefs = state.preferences.get_untracked();
            prefs.last_backup = Some(now);
            let remembered = match state.save_preferences(prefs) {
                Ok(()) => None,
                Err(e) => Some(format!(
                    "The backup was downloaded, but Anchorpoint could not remember that it was made because {e}. The backup reminder may still show."
                )),
            };
            done.set(Some((name, sealed, remembered)));
            browser::focus_id("backup-done");
        });
    };

    view! {
        <a class="nhsuk-back-link" href="/settings">"Back to settings"</a>
        {errors.summary()}
        <PageHeading text="Download a backup"/>
        {move || done.get().map(|(name, sealed, remembered)| view! {
            <div class="nhsuk-notification-banner nhsuk-notification-banner--success" id="backup-done"
                tabindex="-1" role="alert" aria-labelledby="backup-done-title">
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="backup-done-title">"Success"</h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading">{format!("Backup downloaded: {name}")}</p>
                    <p>{if sealed {
                        "Keep it somewhere safe, away from this computer, and keep the passphrase somewhere else. Without the passphrase nobody can open it, including you."
                    } else {
                        "This file is not protected: anyone who gets it can read your reflections. Keep it somewhere only you can reach."
                    }}</p>
                    {remembered.map(|m| view! { <p>{m}</p> })}
                </div>
            </div>
        })}
        <p>"A backup is one file holding your whole journal: every reflection, your unsaved drafts, your tags, templates, holding threads, check-ins and settings. If this browser’s data is cleared, or you move to another computer, you can restore it from the file."</p>
        <p id="last-backup">{last}</p>
        <Radios name="backup-protect" value=protect
            legend="How should the backup be protected?"
            legend_class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"
            choices=vec![
                Choice { value: "passphrase", label: "With a passphrase (recommended)", hint: Some("Only someone who knows the passphrase can open the file. You can use your journal’s passphrase or another one.") },
                Choice { value: "plain", label: "No passphrase", hint: Some("Anyone who gets the file can read every reflection in it.") },
            ]/>
        {move || if protect.get() == "passphrase" {
            view! {
                <div>
                    {passphrase_field(PASSPHRASE_ID, "Passphrase", Some("A few words only you would think of. If you forget it, the backup cannot be opened: it cannot be recovered."), "new-password", passphrase, errors)}
                    {passphrase_field(CONFIRM_ID, "Enter the passphrase again", None, "new-password", confirm, errors)}
                </div>
            }.into_any()
        } else {
            view! {
                <div class="nhsuk-warning-callout" id="plain-warning">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"This file will not be protected"</span>
                    </h2>
                    <p>"Your reflections will be in the file as plain text. Anyone who opens it, or finds it in your downloads folder, can read them. Choose this only if you will keep the file somewhere only you can reach."</p>
                </div>
            }.into_any()
        }}
        {busy_note(busy)}
        <button id=ACTION_ID type="button" class="nhsuk-button" on:click=make
            aria-disabled=move || busy.get().is_some().then_some("true")>
            {move || if protect.get() == "passphrase" { "Download protected backup" } else { "Download unprotected backup" }}
        </button>
        <p><a href="/settings/restore">"Restore from a backup"</a></p>
    }
}

/// Where the restore has got to.
#[derive(Clone)]
enum Step {
    Choose,
    /// A sealed file was chosen: its text, waiting for the passphrase.
    Passphrase(String, String),
    Check(Box<Plan>),
}

/// Reads a chosen or dropped file as text, refusing one over the size limit unread.
fn read_file(
    file: web_sys::File,
    on_text: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    let name = file.name();
    if file.size() > MAX_BACKUP_BYTES as f64 {
        on_text(Err(BackupError::TooLarge {
            size: (file.size() / 1_000_000.0).ceil() as usize,
        }
        .to_string()));
        return;
    }
    let on_text = std::rc::Rc::new(std::cell::RefCell::new(Some(on_text)));
    let ok = {
        let on_text = on_text.clone();
        let name = name.clone();
        wasm_bindgen::closure::Closure::once(move |value: wasm_bindgen::JsValue| {
            if let Some(f) = on_text.borrow_mut().take() {
                f(value
                    .as_string()
                    .map(|t| (name, t))
                    .ok_or_else(|| "it could not be read as text".to_owned()));
            }
        })
    };
    let fail = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = on_text.borrow_mut().take() {
            f(Err("this browser could not read it".to_owned()));
        }
    });
    let _ = file.text().then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

/// `/settings/restore`.
#[component]
pub fn RestorePage() -> impl IntoView {
    let state = use_app_state();
    let step = RwSignal::new(Step::Choose);
    // The title follows the step, as the heading does.
    let errors = Problems::new(Signal::derive(move || {
        match &*step.read() {
            Step::Choose => "Restore from a backup",
            Step::Passphrase(..) => "Enter the backup’s passphrase",
            Step::Check(_) => "Check what the restore will change",
        }
        .to_owned()
    }));
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<&'static str>);
    let dragging = RwSignal::new(false);
    let navigate = StoredValue::new(leptos_router::hooks::use_navigate());

    let file_error = errors.message_for(FILE_ID);
    let refuse = move |target: &'static str, why: String| {
        busy.set(None);
        errors.one(
            target,
            format!(
                "This file cannot be restored because {why}. Nothing in your journal has changed."
            ),
        );
    };
    let checked = move |backup: Backup| {
        let Some(current) = state.backup_contents() else {
            return refuse(
                FILE_ID,
                "this browser's storage could not be read".to_owned(),
            );
        };
        match plan(&current, &backup) {
            Ok(p) => {
                busy.set(None);
                errors.clear();
                passphrase.set(String::new());
                step.set(Step::Check(Box::new(p)));
                browser::focus_id(HEADING_ID);
            }
            Err(e) => refuse(FILE_ID, e.to_string()),
        }
    };
    let open_text = move |name: String, text: String| {
        if is_sealed(&text) {
            busy.set(None);
            errors.clear();
            step.set(Step::Passphrase(name, text));
            browser::focus_id(RESTORE_PASSPHRASE_ID);
            return;
        }
        busy.set(Some("Checking the backup."));
        after_paint(move || match read_backup(&text, None) {
            Ok(b) => checked(b),
            Err(e) => refuse(FILE_ID, e.to_string()),
        });
    };
    let take_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else {
            return errors.one(FILE_ID, "Choose a backup file".to_owned());
        };
        state.flash.set(None);
        busy.set(Some("Reading the file."));
        read_file(file, move |read| match read {
            Ok((name, text)) => open_text(name, text),
            Err(why) => refuse(FILE_ID, why),
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        take_file(file);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take_file(
            ev.data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0)),
        );
    };
    let unlock = move |_| {
        let Step::Passphrase(_, text) = step.get_untracked() else {
            return;
        };
        let pass = nfc(&passphrase.get_untracked());
        if pass.is_empty() {
            return errors.one(
                RESTORE_PASSPHRASE_ID,
                "Enter the backup’s passphrase".to_owned(),
            );
        }
        errors.clear();
        busy.set(Some(
            "Opening the backup with your passphrase. This takes a few seconds.",
        ));
        after_paint(move || match read_backup(&text, Some(&pass)) {
            Ok(b) => checked(b),
            Err(e) if e.is_passphrase() => {
                busy.set(None);
                errors.one(
                    RESTORE_PASSPHRASE_ID,
                    "The passphrase does not open this backup. Check it and try again: it must be exactly as you typed it when you made the backup, including capitals and spaces.".to_owned(),
                );
            }
            Err(e) => refuse(RESTORE_PASSPHRASE_ID, e.to_string()),
        });
    };
    let restore = move |_| {
        let Step::Check(p) = step.get_untracked() else {
            return;
        };
        match state.restore(&p) {
            Ok(()) => {
                let added = p.new_entries.len() + p.copies.len();
                state.flash.set(Some(Flash {
                    message: format!(
                        "Backup restored: {} added",
                        plural(added, "reflection", "reflections")
                    ),
                    on: "/".to_owned(),
                }));
                navigate.with_value(|n| n("/", Default::default()));
            }
            Err(e) => {
                let what = match &e {
                    StorageError::Full => "Make space by deleting reflections you no longer need, or restore into a browser with more room, then try again.",
                    StorageError::Conflict(_) => "Another tab or window changed your journal meanwhile. Choose the file again to see what will change now.",
                    other => other.what_to_do(),
                };
                errors.one(
                    ACTION_ID,
                    format!("The backup could not be restored because {e}. Nothing in your journal has changed. {what}"),
                );
            }
        }
    };

    let choose = move || {
        view! {
            <p>"Restoring adds what is in the backup to this journal. It never deletes anything: a reflection that is here and in the backup in different versions is kept twice, and the backup’s version is marked with the date of the backup. You can check what will change before anything is saved."</p>
            <div class=move || if file_error.read().is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
                <label class="nhsuk-label nhsuk-label--m" for=FILE_ID>"Choose your backup file"</label>
                <div class="nhsuk-hint" id="backup-file-hint">{format!("Its name starts with anchorpoint-backup. You can also drag the file onto this box. Files over {} MB are not backups.", MAX_BACKUP_BYTES / 1_000_000)}</div>
                {move || file_error.get().map(|m| view! {
                    <span class="nhsuk-error-message" id="backup-file-error">
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>{m}
                    </span>
                })}
                <div class=move || if dragging.get() { "app-drop-zone app-drop-zone--over" } else { "app-drop-zone" }
                    id="backup-drop"
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop>
                    <input class="nhsuk-input" id=FILE_ID name=FILE_ID type="file" accept=".json,application/json"
                        aria-describedby=move || if file_error.read().is_some() { "backup-file-hint backup-file-error" } else { "backup-file-hint" }
                        on:change=on_pick/>
                </div>
            </div>
        }
    };

    view! {
        <a class="nhsuk-back-link" href="/settings">"Back to settings"</a>
        {errors.summary()}
        {move || match step.get() {
            Step::Choose => view! {
                <PageHeading text="Restore from a backup"/>
                {choose()}
                {busy_note(busy)}
            }.into_any(),
            Step::Passphrase(name, _) => view! {
                <PageHeading text="Enter the backup’s passphrase"/>
                <p>{format!("{name} is protected with a passphrase.")}</p>
                {passphrase_field(RESTORE_PASSPHRASE_ID, "Passphrase", Some("The passphrase you chose when you made this backup. It cannot be recovered if it is forgotten."), "current-password", passphrase, errors)}
                {busy_note(busy)}
                <button id=ACTION_ID type="button" class="nhsuk-button" on:click=unlock>"Continue"</button>
                <p><a href="/settings/restore" on:click=move |ev| { ev.prevent_default(); step.set(Step::Choose); errors.clear(); }>"Choose another file"</a></p>
            }.into_any(),
            Step::Check(p) => check_answers(*p, step, errors, restore).into_any(),
        }}
    }
}

/// The check-answers page: what the restore will change.
fn check_answers(
    p: Plan,
    step: RwSignal<Step>,
    errors: Problems,
    restore: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let date = long_date(p.made_at.date_naive());
    let row = |key: String, value: String| {
        view! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{key}</dt>
                <dd class="nhsuk-summary-list__value">{value}</dd>
            </div>
        }
    };
    let mut rows = vec![
        row("Backup made".into(), date.clone()),
        row("New reflections".into(), match p.new_entries.len() {
            0 => "None".to_owned(),
            n => format!("{} will be added", plural(n, "reflection", "reflections")),
        }),
        row("Reflections that differ".into(), match p.copies.len() {
            0 => "None".to_owned(),
            n => format!("{}: your version is kept as it is, and the backup’s is added beside it, marked “Restored from the backup of {date}”", plural(n, "reflection", "reflections")),
        }),
        row("Reflections you already have".into(), match p.identical {
            0 => "None".to_owned(),
            n => format!("{} skipped", plural(n, "identical reflection", "identical reflections")),
        }),
        row("Unsaved drafts".into(), {
            let mut s = match p.drafts.len() {
                0 => "None to add".to_owned(),
                n => format!("{} added", plural(n, "draft", "drafts")),
            };
            if p.identical_drafts > 0 {
                s.push_str(&format!("; {} already here", plural(p.identical_drafts, "draft", "drafts")));
            }
            s
        }),
    ];
    rows.extend(
        p.collections
            .iter()
            .map(|c| row(c.what.to_owned(), c.change.clone())),
    );
    let nothing = p.changes_nothing();
    view! {
        <PageHeading text="Check what the restore will change"/>
        <dl class="nhsuk-summary-list" id="restore-changes">{rows}</dl>
        {if nothing {
            view! {
                <div class="nhsuk-inset-text" id="restore-nothing">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>"Your journal already has everything in this backup. Nothing needs to be restored."</p>
                </div>
                <p><a href="/">"Back to your journal"</a></p>
            }.into_any()
        } else {
            view! {
                <p>"Nothing is deleted. Everything is saved together: if it cannot all be saved, nothing is."</p>
                <button id=ACTION_ID type="button" class="nhsuk-button" on:click=restore>"Restore backup"</button>
            }.into_any()
        }}
        <p><a href="/settings/restore" on:click=move |ev| { ev.prevent_default(); step.set(Step::Choose); errors.clear(); }>"Choose another file"</a></p>
    }
}
