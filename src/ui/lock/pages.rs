//! The lock's pages: unlock (shown instead of every page while locked), turn the lock
//! on, change the passphrase, and turn the lock off. Each is one NHS.UK form with an
//! error summary; each does its slow key derivation after drawing a busy message.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::crypto::{CryptoError, KdfParams};
use crate::core::lock::{LockHeader, LockRandom, KEY_ID_BYTES};
use crate::storage::{random, Sealed, StorageError};
use crate::ui::browser;
use crate::ui::components::{PageHeading, HEADING_ID};
use crate::ui::forms::Problems;
use crate::ui::lock::{
    after_paint, busy_message, normalised, passphrase_field, refused, MIN_NEW_CHARS,
};
use crate::ui::state::{use_app_state, Flash, LockOnFailure, LockStatus};

const PASSPHRASE: &str = "passphrase";
const NEW: &str = "new-passphrase";
const CONFIRM: &str = "confirm-passphrase";
const SETTINGS: &str = "/settings";

fn title(text: &'static str) -> Signal<String> {
    Signal::derive(move || text.to_owned())
}

/// What the worker is told when the passphrase does not open the lock.
const WRONG: &str =
    "The passphrase is not right. Check it, including capital letters and spaces, and try again";

/// The message for a failure of the lock's own record or the browser's randomness.
fn lock_failure(e: &CryptoError) -> String {
    match e {
        CryptoError::WrongPassphrase => WRONG.to_owned(),
        other => format!("Your journal could not be opened because {other}"),
    }
}

/// Shown instead of every page while the journal is locked.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let state = use_app_state();
    let problems = Problems::new(title("Unlock your journal"));
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // A lock record that cannot be read is said at once: no passphrase would help.
    if let Err(e) = state.lock_header() {
        problems.show(
            vec![crate::ui::forms::item(
                PASSPHRASE,
                format!("Your journal cannot be opened because {e}"),
            )],
            vec![e.what_to_do().to_owned()],
        );
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(typed) = begin_check(busy, passphrase, problems) else {
            return;
        };
        after_paint(move || {
            // Marks for bench/lock-browser.mjs: the key derivation, and reading the
            // journal once unlocked.
            browser::mark("anchorpoint:unlock-start");
            let opened = match state.lock_header() {
                Ok(Some(header)) => header
                    .unlock(&typed)
                    .map(|key| (header, key))
                    .map_err(|e| lock_failure(&e)),
                Ok(None) => {
                    // Turned off in another tab meanwhile: nothing to unlock.
                    state.storage_changed_elsewhere();
                    busy.set(false);
                    return;
                }
                Err(e) => Err(format!("Your journal cannot be opened because {e}")),
            };
            browser::mark("anchorpoint:unlock-derived");
            busy.set(false);
            match opened {
                Ok((header, key)) => {
                    state.unlock(&header, Box::new(Sealed::new(key)));
                    browser::mark("anchorpoint:unlock-loaded");
                    browser::focus_id(HEADING_ID);
                }
                Err(message) => {
                    passphrase.set(String::new());
                    problems.one(PASSPHRASE, message);
                }
            }
        });
    };
    view! {
        {problems.summary()}
        <PageHeading text="Unlock your journal"/>
        <p>"Your journal is locked. Nothing in it can be read until you enter your passphrase."</p>
        <form novalidate on:submit=submit>
            {passphrase_field(PASSPHRASE, "Passphrase",
                Some("Type it exactly as you set it: capital letters, spaces, accents and emoji all count."),
                "current-password", passphrase, problems)}
            {busy_message(busy, "Checking your passphrase. This takes about a second.")}
            <button class="nhsuk-button" type="submit" id="unlock">"Unlock"</button>
        </form>
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"I have forgotten my passphrase"</span>
            </summary>
            <div class="nhsuk-details__text">
                <p>"A forgotten passphrase cannot be recovered. Your journal is sealed with it, and nobody can open it without it: not Anchorpoint, not your IT team and not the NHS."</p>
                <p>"This is why backups matter. If you have downloaded a backup you can open, you can clear this browser's data for Anchorpoint and restore your backup into a new journal."</p>
            </div>
        </details>
        <h2 class="nhsuk-heading-s">"Running a training session?"</h2>
        <p>"A trainer can " <a href="/workshop">"run a workshop in this tab"</a> " with fictional cases. The journal stays locked."</p>
    }
}

/// `/settings/lock`: turn the lock on.
#[component]
pub fn TurnOnPage() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let problems = Problems::new(title("Turn on the lock"));
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(typed) = new_passphrase(problems, new, confirm) else {
            return;
        };
        busy.set(true);
        let navigate = navigate.clone();
        after_paint(move || {
            let result = fresh_lock(&typed).and_then(|(header, key)| {
                state
                    .turn_lock_on(&header, Box::new(Sealed::new(key)))
                    .map_err(|f| match f {
                        LockOnFailure::Unchanged(e) => failure("Your journal could not be locked", &e, "Nothing has been changed: your journal is as it was, without the lock."),
                        LockOnFailure::SummariesNotSealed(e) => (
                            format!("Your journal is locked, but the summaries kept in the supervisor view could not be sealed because {e}"),
                            vec![
                                "Your journal is sealed with your passphrase, and nothing has been deleted. The kept summaries can still be read on this device without it.".to_owned(),
                                "To seal them, turn the lock off and on again in Settings, or stop keeping summaries in the supervisor view.".to_owned(),
                            ],
                        ),
                    })
            });
            busy.set(false);
            match result {
                Ok(()) => done(
                    state,
                    &navigate,
                    "The lock is on. Your journal is sealed with your passphrase",
                ),
                Err((message, detail)) => {
                    problems.show(vec![crate::ui::forms::item(NEW, message)], detail)
                }
            }
        });
    };
    let on = move || state.lock.get() != LockStatus::Off;
    view! {
        <a class="nhsuk-back-link" href=SETTINGS>"Back to settings"</a>
        {problems.summary()}
        <PageHeading text="Turn on the lock"/>
        <Show when=on fallback=move || view! {
            <p>"With the lock on, everything Anchorpoint keeps in this browser is sealed with a passphrase: your reflections, drafts, tags, templates, holding threads, check-ins and settings. Anyone else using this computer sees only a page asking for the passphrase."</p>
            <p>"You will need the passphrase each time you open Anchorpoint, and after it locks itself when you have not used it for a while."</p>
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"A forgotten passphrase cannot be recovered"</span>
                </h2>
                <p>"Nobody can open your journal without it. Choose one you will remember, and download backups of your journal."</p>
            </div>
            <form novalidate on:submit=submit.clone()>
                {passphrase_field(NEW, "Create a passphrase",
                    Some("At least 8 characters. Three random words are easy to remember and hard to guess. Capital letters, spaces, accents and emoji all count; spaces at the start and end are kept. Accented letters are the same however your keyboard types them (Unicode NFC)."),
                    "new-password", new, problems)}
                {passphrase_field(CONFIRM, "Type the passphrase again", None, "new-password", confirm, problems)}
                {busy_message(busy, "Sealing your journal. This takes a few seconds.")}
                <button class="nhsuk-button" type="submit" id="turn-on">"Turn on the lock"</button>
            </form>
        }>
            <p>"The lock is already on."</p>
            <p><a href=SETTINGS>"Back to settings"</a></p>
        </Show>
    }
}

/// `/settings/lock/:action?`: turn the lock on (no action), `change` the passphrase,
/// or turn the lock `off`.
#[component]
pub fn LockActionPage() -> impl IntoView {
    match crate::ui::route::params().action.as_deref() {
        None | Some("") => view! { <TurnOnPage/> }.into_any(),
        Some("change") => change_page().into_any(),
        Some("off") => turn_off_page().into_any(),
        _ => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
    }
}

fn not_on() -> AnyView {
    view! {
        <p>"The lock is off."</p>
        <p><a href=SETTINGS>"Back to settings"</a></p>
    }
    .into_any()
}

fn change_page() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let problems = Problems::new(title("Change your passphrase"));
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let old = normalised(&current.get_untracked());
        let old_refused = refused(&old, "Enter your current passphrase");
        let typed = new_passphrase(problems, new, confirm);
        if let Some(message) = old_refused {
            problems.one(PASSPHRASE, message);
            return;
        }
        let Some(typed) = typed else {
            return;
        };
        busy.set(true);
        let navigate = navigate.clone();
        after_paint(move || {
            let result = (|| {
                let header = stored_header(state)?;
                let key = header
                    .unlock(&old)
                    .map_err(|e| (PASSPHRASE, lock_failure(&e), vec![]))?;
                let random = lock_random().map_err(|m| (NEW, m, vec![]))?;
                let made = header
                    .rewrap(&key, &typed, KdfParams::CHOSEN, &random)
                    .map_err(|e| (NEW, lock_failure(&e), vec![]))?;
                state.replace_lock_header(&made).map_err(|e| {
                    let (m, d) = failure(
                        "Your passphrase could not be changed",
                        &e,
                        "Your old passphrase still opens your journal.",
                    );
                    (NEW, m, d)
                })
            })();
            busy.set(false);
            match result {
                Ok(()) => done(state, &navigate, "Your passphrase has been changed"),
                Err((target, message, detail)) => {
                    problems.show(vec![crate::ui::forms::item(target, message)], detail)
                }
            }
        });
    };
    view! {
        <a class="nhsuk-back-link" href=SETTINGS>"Back to settings"</a>
        {problems.summary()}
        <PageHeading text="Change your passphrase"/>
        <Show when=move || state.lock.get() == LockStatus::Unlocked fallback=not_on>
            <p>"Your reflections stay sealed as they are; only the passphrase that opens them changes. Your old passphrase will no longer work, including for backups sealed with the journal's passphrase before today."</p>
            <form novalidate on:submit=submit.clone()>
                {passphrase_field(PASSPHRASE, "Current passphrase", None, "current-password", current, problems)}
                {passphrase_field(NEW, "New passphrase",
                    Some("At least 8 characters. Capital letters, spaces, accents and emoji all count."),
                    "new-password", new, problems)}
                {passphrase_field(CONFIRM, "Type the new passphrase again", None, "new-password", confirm, problems)}
                {busy_message(busy, "Checking your passphrase. This takes a few seconds.")}
                <button class="nhsuk-button" type="submit" id="change">"Change passphrase"</button>
            </form>
        </Show>
    }
}

fn turn_off_page() -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let problems = Problems::new(title("Turn off the lock"));
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(typed) = begin_check(busy, passphrase, problems) else {
            return;
        };
        let navigate = navigate.clone();
        after_paint(move || {
            let result = (|| {
                let header = stored_header(state).map_err(|(_, m, d)| (m, d))?;
                header
                    .unlock(&typed)
                    .map_err(|e| (lock_failure(&e), vec![]))?;
                state.turn_lock_off().map_err(|e| {
                    failure("The lock could not be turned off", &e, "Nothing has been changed: your journal is still locked with your passphrase.")
                })
            })();
            busy.set(false);
            match result {
                Ok(0) => done(state, &navigate, "The lock is off"),
                Ok(kept) => done(
                    state,
                    &navigate,
                    &format!(
                        "The lock is off. {} could not be opened and {} kept sealed as it was",
                        crate::core::plural(kept, "damaged record", "damaged records"),
                        if kept == 1 { "is" } else { "are" }
                    ),
                ),
                Err((message, detail)) => {
                    passphrase.set(String::new());
                    problems.show(vec![crate::ui::forms::item(PASSPHRASE, message)], detail)
                }
            }
        });
    };
    view! {
        <a class="nhsuk-back-link" href=SETTINGS>"Back to settings"</a>
        {problems.summary()}
        <PageHeading text="Turn off the lock"/>
        <Show when=move || state.lock.get() == LockStatus::Unlocked fallback=not_on>
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Anyone using this browser will be able to read your journal"</span>
                </h2>
                <p>"Your reflections, drafts and settings will be kept without a seal, as they were before you turned the lock on."</p>
            </div>
            <form novalidate on:submit=submit.clone()>
                {passphrase_field(PASSPHRASE, "Your passphrase",
                    Some("To check it is you."), "current-password", passphrase, problems)}
                {busy_message(busy, "Unsealing your journal. This takes a few seconds.")}
                <button class="nhsuk-button nhsuk-button--warning" type="submit" id="turn-off">"Turn off the lock"</button>
            </form>
        </Show>
    }
}

/// A new passphrase and its confirmation, checked: the passphrase in NFC, or `None`
/// with every problem shown.
fn new_passphrase(
    problems: Problems,
    new: RwSignal<String>,
    confirm: RwSignal<String>,
) -> Option<zeroize::Zeroizing<String>> {
    let typed = normalised(&new.get_untracked());
    let again = normalised(&confirm.get_untracked());
    let mut items = Vec::new();
    if let Some(message) = refused(&typed, "Enter a new passphrase") {
        items.push(crate::ui::forms::item(NEW, message));
    } else if typed.chars().count() < MIN_NEW_CHARS {
        items.push(crate::ui::forms::item(
            NEW,
            format!("Your passphrase must be at least {MIN_NEW_CHARS} characters"),
        ));
    } else if *typed != *again {
        items.push(crate::ui::forms::item(
            CONFIRM,
            "The two passphrases do not match. Type the same passphrase in both boxes".to_owned(),
        ));
    }
    if items.is_empty() {
        problems.clear();
        Some(typed)
    } else {
        problems.show(items, Vec::new());
        None
    }
}

fn lock_random() -> Result<LockRandom, String> {
    Ok(LockRandom {
        salt: random::salt().map_err(|e| e.to_string())?,
        nonce: random::nonce().map_err(|e| e.to_string())?,
    })
}

/// A new data key and a header wrapping it under `passphrase`.
fn fresh_lock(
    passphrase: &str,
) -> Result<(LockHeader, crate::core::crypto::Key), (String, Vec<String>)> {
    let fail = |m: String| {
        (
            format!("Your journal could not be locked because {m}"),
            vec![],
        )
    };
    let random = lock_random().map_err(fail)?;
    let mut key_id = [0u8; KEY_ID_BYTES];
    random::fill(&mut key_id).map_err(|e| fail(e.to_string()))?;
    let key = random::data_key().map_err(|e| fail(e.to_string()))?;
    let header = LockHeader::create(passphrase, KdfParams::CHOSEN, &random, &key_id, &key)
        .map_err(|e| fail(e.to_string()))?;
    Ok((header, key))
}

fn stored_header(
    state: crate::ui::state::AppState,
) -> Result<LockHeader, (&'static str, String, Vec<String>)> {
    match state.lock_header() {
        Ok(Some(header)) => Ok(header),
        Ok(None) => Err((
            PASSPHRASE,
            "The lock was turned off in another tab or window".to_owned(),
            vec![],
        )),
        Err(e) => Err((
            PASSPHRASE,
            format!("Your journal cannot be opened because {e}"),
            vec![e.what_to_do().to_owned()],
        )),
    }
}

/// A storage failure: what happened, what did not change, and what to do.
fn failure(what: &str, e: &StorageError, unchanged: &str) -> (String, Vec<String>) {
    (
        format!("{what} because {e}"),
        vec![unchanged.to_owned(), e.what_to_do().to_owned()],
    )
}

fn done(
    state: crate::ui::state::AppState,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
    message: &str,
) {
    state.flash.set(Some(Flash {
        message: message.to_owned(),
        on: SETTINGS.to_owned(),
    }));
    navigate(SETTINGS, Default::default());
}

/// The start of checking a typed passphrase (unlock, turn off): nothing while a check
/// is running; an empty or over-long one refused with its message; otherwise the
/// problems cleared, the busy message on, and the passphrase normalised as set.
fn begin_check(
    busy: RwSignal<bool>,
    passphrase: RwSignal<String>,
    problems: Problems,
) -> Option<zeroize::Zeroizing<String>> {
    if busy.get_untracked() {
        return None;
    }
    let typed = normalised(&passphrase.get_untracked());
    if let Some(message) = refused(&typed, "Enter your passphrase") {
        problems.one(PASSPHRASE, message);
        return None;
    }
    problems.clear();
    busy.set(true);
    Some(typed)
}
