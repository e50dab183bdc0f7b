//! Identifier nudges beside a text box: as the worker types, likely identifiers (a phone
//! number, an NHS number, a name) are listed under the box with a short, kind message and
//! actions: replace with a placeholder or a holding thread's pseudonym, add a possible
//! name to the private list of names, or dismiss it for this reflection. The scan runs
//! after a pause in typing, never on the key itself, and never changes words by itself.
//! The list is announced politely (a count, in a live region) and never takes focus.
//!
//! A dismissal lasts for the reflection: the editor keeps it in `core::dismissals`, a
//! collection of its own keyed by the reflection's id (or by the tab, for the draft of a
//! new one), as a fingerprint of the kind and words, never the words. It is written when
//! the worker dismisses, moved and pruned in the same batch as the saved reflection, and
//! removed in the same batch as a deleted one. A thread's pseudonym box keeps its
//! dismissals for the open page only (a thread is not a reflection).

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::anonymise::nudge::{replace, Nudge, NudgeKind, Nudger};
use crate::core::dismissals::Fingerprint;
use crate::core::settings::MAX_PRIVATE_NAMES;
use crate::ui::browser;
use crate::ui::components::storage_failure;
use crate::ui::state::{use_app_state, AppState};

/// How long typing must pause before the box is scanned.
const PAUSE: Duration = Duration::from_millis(350);

/// One [`Nudger`] shared by every box of a page, rebuilt only when the private list of
/// names or the threads change. Equal only to itself, so a rebuild always notifies.
#[derive(Clone)]
pub struct SharedNudger(pub Arc<Nudger>);

impl PartialEq for SharedNudger {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The nudger for the worker's private list and the pseudonyms of their open threads.
pub fn use_nudger(state: AppState) -> Memo<SharedNudger> {
    Memo::new(move |_| {
        let names = state.settings.with(|s| s.private_names.clone());
        let pseudonyms: Vec<String> = state
            .threads
            .with(|t| t.open_threads().map(|t| t.pseudonym.to_string()).collect());
        SharedNudger(Arc::new(Nudger::new(&names, &pseudonyms)))
    })
}

/// Whether the worker wants nudges (Settings, "Point out details that could identify
/// someone"; on by default).
pub fn nudges_on(state: AppState) -> bool {
    state.preferences.with(|p| p.nudges)
}

const PREFERENCE_ID: &str = "nudges";

/// The nudges preference in Settings: a radio group with its own save button, saved
/// through the normal checked write. A failure says what happened and changes nothing;
/// it shows in the settings page's one error summary (`errors`), as `BackupSection`'s do.
#[component]
pub fn NudgePreference(errors: crate::ui::forms::Problems) -> impl IntoView {
    use crate::ui::forms::{choice, choice_id, fieldset, ChoiceKind};
    let state = use_app_state();
    let chosen = RwSignal::new(state.preferences.with_untracked(|p| p.nudges));
    let saved = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut value = state.preferences.get_untracked();
        value.nudges = chosen.get_untracked();
        match state.save_preferences(value) {
            Ok(()) => {
                errors.clear();
                saved.set(
                    if chosen.get_untracked() {
                        "Saved: Anchorpoint will point out details that could identify someone."
                    } else {
                        "Saved: Anchorpoint will not point out details while you write."
                    }
                    .to_owned(),
                );
            }
            Err(e) => {
                saved.set(String::new());
                // The summary links to the first radio (its id is the group's).
                errors.storage_kept(
                    PREFERENCE_ID,
                    "Your choice about nudges",
                    &e,
                    "Your choice is still on this page, and your saved choice has not changed.",
                );
            }
        }
    };
    let radios = [
        (true, "Yes, point them out"),
        (false, "No, do not point them out"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (on, label))| {
        choice(
            ChoiceKind::Radio,
            PREFERENCE_ID,
            choice_id(PREFERENCE_ID, i, &if on { "yes" } else { "no" }),
            label.to_owned(),
            None,
            Signal::derive(move || chosen.get() == on),
            Callback::new(move |checked: bool| {
                if checked {
                    chosen.set(on);
                }
            }),
        )
    })
    .collect_view();
    view! {
        <h2 class="nhsuk-heading-m">"Details that could identify someone"</h2>
        <form novalidate on:submit=save>
            {fieldset(
                PREFERENCE_ID,
                "Point out names, phone numbers and other identifiers while you write?",
                Some("Anchorpoint never changes your words by itself. It lists what it finds under the box, and you choose what to do."),
                errors.message_for(PREFERENCE_ID),
                "nhsuk-radios",
                radios.into_any(),
            )}
            <p class="nhsuk-body-s" role="status">{move || saved.get()}</p>
            <button class="nhsuk-button nhsuk-button--secondary" type="submit" id="save-nudges">"Save this choice"</button>
        </form>
    }
}

/// A failed write as the page shows it: the message, then what is safe and what to do.
pub type Failure = (String, Vec<String>);

/// What became of the last "add to my private list" action.
#[derive(Clone, Debug, PartialEq)]
enum Added {
    Yes(String),
    Full,
    Failed(String, Vec<String>),
}

/// Adds `name` to the private list of names through the normal checked write.
fn add_private_name(state: AppState, name: &str) -> Added {
    let mut settings = state.settings.get_untracked();
    let folded = name.to_lowercase();
    if !settings
        .private_names
        .iter()
        .any(|n| n.to_lowercase() == folded)
    {
        if settings.private_names.len() >= MAX_PRIVATE_NAMES {
            return Added::Full;
        }
        settings.private_names.push(name.to_owned());
    }
    match state.save_settings(settings) {
        Ok(()) => Added::Yes(name.to_owned()),
        Err(e) => {
            let (message, detail) =
                storage_failure(&format!("\u{201c}{name}\u{201d} on your private list"), &e);
            Added::Failed(message, detail)
        }
    }
}

/// The nudges for one text box. `text` is the box's words; `on_change` is given the
/// whole new text when the worker chooses a replacement (the editor keeps it as its
/// draft, as for a key). `pseudonyms` are offered in place of a name, linked threads
/// first.
#[component]
pub fn IdentifierNudges(
    /// The text box's id: the nudges' own ids start with it.
    #[prop(into)]
    for_id: String,
    /// What the box is called, for the announcement ("Your reflection").
    #[prop(into)]
    label: String,
    #[prop(into)] text: Signal<String>,
    on_change: Callback<String>,
    nudger: Memo<SharedNudger>,
    /// The fingerprints dismissed in this reflection (`core::dismissals`).
    dismissed: RwSignal<BTreeSet<Fingerprint>>,
    #[prop(into, optional)] pseudonyms: Signal<Vec<String>>,
    /// Keeps a dismissal beyond the open page; an error is the failure's message and
    /// what to do (the nudge stays dismissed while the page is open).
    #[prop(optional)]
    remember: Option<Callback<Fingerprint, Result<(), Failure>>>,
) -> impl IntoView {
    let state = use_app_state();
    let found = RwSignal::new(Vec::<Nudge>::new());
    let added = RwSignal::new(None::<Added>);
    let not_kept = RwSignal::new(None::<Failure>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let scan = move || {
        let Some(words) = text.try_get_untracked() else {
            return;
        };
        browser::mark("nudge-scan-start");
        let list = nudger.with_untracked(|n| n.0.find(&words));
        browser::mark("nudge-scan-end");
        found.set(list);
    };
    // Every change of words (or of the private list) restarts the pause; the scan runs
    // once typing stops, so a key costs only this timer. Words already in the box when
    // it is drawn (a reflection opened for editing, a draft) are scanned at once, before
    // the first frame: nudges arriving a pause later pushed the save button down as the
    // worker reached for it.
    Effect::new(move |first: Option<()>| {
        text.track();
        nudger.track();
        if first.is_none() {
            scan();
            return;
        }
        let next = set_timeout_with_handle(scan, PAUSE).ok();
        if let Some(old) = timer
            .try_update_value(|t| std::mem::replace(t, next))
            .flatten()
        {
            old.clear();
        }
    });
    on_cleanup(move || {
        if let Some(old) = timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
    });
    let visible = Memo::new(move |_| {
        dismissed.with(|d| {
            found.with(|f| {
                f.iter()
                    .filter(|n| !d.contains(&n.key().fingerprint()))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let list_id = format!("{for_id}-nudges");
    let focus_after = {
        let (list_id, for_id) = (list_id.clone(), for_id.clone());
        move || {
            // The button pressed is gone: focus goes back to the list if anything is
            // left in it, else to the words.
            if visible.with_untracked(Vec::is_empty) {
                browser::focus_element(for_id.clone());
            } else {
                browser::focus_element(list_id.clone());
            }
        }
    };
    let apply = {
        let focus_after = focus_after.clone();
        Callback::new(move |(nudge, with): (Nudge, String)| {
            let now = text.get_untracked();
            if let Some(new) = replace(&now, &nudge, &with) {
                on_change.run(new);
            }
            scan();
            focus_after();
        })
    };
    let dismiss = Callback::new(move |nudge: Nudge| {
        let fingerprint = nudge.key().fingerprint();
        dismissed.update(|d| {
            d.insert(fingerprint);
        });
        not_kept.set(remember.and_then(|r| r.run(fingerprint).err()));
        focus_after();
    });
    let add = Callback::new(move |nudge: Nudge| {
        added.set(Some(add_private_name(state, nudge.text.trim())));
    });
    let label = StoredValue::new(label);
    let announcement = move || {
        let n = visible.with(Vec::len);
        label.with_value(|label| match n {
            0 => String::new(),
            1 => format!("1 detail in {label} could identify someone. It is listed below the box."),
            n => format!(
                "{n} details in {label} could identify someone. They are listed below the box."
            ),
        })
    };

    view! {
        <div class="app-nudges">
            <p class="nhsuk-u-visually-hidden" aria-live="polite">{announcement}</p>
            {move || added.get().map(|a| match a {
                Added::Yes(name) => view! {
                    <p class="nhsuk-body-s app-nudge-added" role="status">
                        {format!("\u{201c}{name}\u{201d} was added to your private list of names. It will be found in every reflection and removed from summaries.")}
                    </p>
                }.into_any(),
                Added::Full => view! {
                    <p class="nhsuk-error-message" role="alert">
                        {format!("Your private list already has {MAX_PRIVATE_NAMES} names. Remove some in Settings, then try again. Your words are still here.")}
                    </p>
                }.into_any(),
                Added::Failed(message, detail) => view! {
                    <div class="nhsuk-error-message" role="alert">
                        <p>{message}</p>
                        {detail.into_iter().map(|d| view! { <p>{d}</p> }).collect_view()}
                    </div>
                }.into_any(),
            })}
            {move || not_kept.get().map(|(message, detail)| view! {
                <div class="nhsuk-error-message" role="alert">
                    <p>{message}</p>
                    {detail.into_iter().map(|d| view! { <p>{d}</p> }).collect_view()}
                </div>
            })}
            <Show when=move || !visible.with(Vec::is_empty)>
                <div class="nhsuk-warning-callout app-nudge-callout" id=list_id.clone() tabindex="-1">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Check for details that could identify someone"</span>
                    </h2>
                    <ul class="nhsuk-list app-nudge-list">
                        {move || visible.get().into_iter().map(|nudge| {
                            nudge_item(nudge, pseudonyms, apply, dismiss, add)
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
        </div>
    }
}

/// One nudge: the words, what they look like, and the actions.
fn nudge_item(
    nudge: Nudge,
    pseudonyms: Signal<Vec<String>>,
    apply: Callback<(Nudge, String)>,
    dismiss: Callback<Nudge>,
    add: Callback<Nudge>,
) -> impl IntoView {
    let words = nudge.text.clone();
    let hidden = format!(": \u{201c}{words}\u{201d}");
    let kind = nudge.kind;
    let placeholder = nudge.placeholder.clone();
    let replace_button = {
        let (nudge, hidden) = (nudge.clone(), hidden.clone());
        let with = placeholder.clone();
        view! {
            <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
                on:click=move |_| apply.run((nudge.clone(), with.clone()))>
                {format!("Replace with {placeholder}")}
                <span class="nhsuk-u-visually-hidden">{hidden}</span>
            </button>
        }
    };
    let pseudonym_buttons = kind.is_name().then(|| {
        let nudge = nudge.clone();
        move || {
            pseudonyms
                .get()
                .into_iter()
                .take(3)
                .map(|p| {
                    let nudge = nudge.clone();
                    let label = format!("Use \u{201c}{p}\u{201d}");
                    view! {
                        <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
                            on:click=move |_| apply.run((nudge.clone(), p.clone()))>
                            {label}
                            <span class="nhsuk-u-visually-hidden">{format!(" instead of \u{201c}{}\u{201d}", nudge.text)}</span>
                        </button>
                    }
                })
                .collect_view()
        }
    });
    let add_button = matches!(kind, NudgeKind::PossibleName | NudgeKind::Name).then(|| {
        let (nudge, hidden) = (nudge.clone(), hidden.clone());
        view! {
            <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
                on:click=move |_| add.run(nudge.clone())>
                "Add to my private list of names"
                <span class="nhsuk-u-visually-hidden">{hidden}</span>
            </button>
        }
    });
    let dismiss_button = {
        let nudge = nudge.clone();
        view! {
            <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
                on:click=move |_| dismiss.run(nudge.clone())>
                "Dismiss"
                <span class="nhsuk-u-visually-hidden">{hidden}</span>
            </button>
        }
    };
    let question = kind == NudgeKind::PossibleName;
    view! {
        <li class="app-nudge" data-kind=kind.code()>
            <p class="nhsuk-u-margin-bottom-2">
                <strong class="app-trigger">{words}</strong>
                " "
                <span class="nhsuk-u-secondary-text-colour">{format!("({})", kind.label())}</span>
            </p>
            {if question {
                view! {
                    <p class="nhsuk-u-margin-bottom-2"><strong>"Is this someone's name?"</strong></p>
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">"If it is, add it to your private list of names so it is always found, and use a pseudonym instead."</p>
                }.into_any()
            } else {
                view! { <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">{kind.message()}</p> }.into_any()
            }}
            <div class="app-suggestion__actions">
                {add_button}
                {pseudonym_buttons}
                {replace_button}
                {dismiss_button}
            </div>
        </li>
    }
}

/// Whether `text` may identify someone, for the journal list and the entry page. The
/// anonymiser is not in the journal page's first load: with route splitting this runs
/// in a chunk of its own, fetched after the list is drawn. `None` if that chunk could
/// not be loaded (then no flag is shown; nothing else depends on it).
pub async fn may_identify_later(
    names: Vec<String>,
    pseudonyms: Vec<String>,
    text: String,
    entry: crate::core::ids::EntryId,
) -> Option<bool> {
    #[cfg(feature = "split")]
    {
        use leptos::wasm_split::wasm_split;
        #[wasm_split(nudge_flags, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn flag(
            names: Vec<String>,
            pseudonyms: Vec<String>,
            text: String,
            entry: crate::core::ids::EntryId,
        ) -> Result<bool, ::leptos::wasm_split::SplitLoaderError> {
            Ok(flag_now(names, pseudonyms, &text, &dismissed_in(entry)))
        }
        flag(names, pseudonyms, text, entry).await.ok()
    }
    #[cfg(not(feature = "split"))]
    {
        Some(flag_now(names, pseudonyms, &text, &dismissed_in(entry)))
    }
}

/// What the worker dismissed in reflection `entry`, read from storage here (in the
/// flags' chunk) so the first load carries none of the dismissals' decoding.
fn dismissed_in(entry: crate::core::ids::EntryId) -> BTreeSet<Fingerprint> {
    AppState::current()
        .map(|state| {
            state
                .dismissals()
                .of(&crate::core::dismissals::Owner::Entry(entry))
        })
        .unwrap_or_default()
}

/// One nudger kept for the flags of a page, rebuilt only when the list changes, so ten
/// rows of a journal with 2,000 private names build it once.
fn flag_now(
    names: Vec<String>,
    pseudonyms: Vec<String>,
    text: &str,
    dismissed: &BTreeSet<Fingerprint>,
) -> bool {
    use std::cell::RefCell;
    /// The names and pseudonyms a nudger was built from, and the nudger.
    type Cached = ((Vec<String>, Vec<String>), Nudger);
    thread_local! {
        static CACHE: RefCell<Option<Cached>> = const { RefCell::new(None) };
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (names, pseudonyms);
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let nudger = Nudger::new(&key.0, &key.1);
            *cache = Some((key, nudger));
        }
        // What the worker dismissed in this reflection does not flag it.
        cache
            .as_ref()
            .is_some_and(|(_, n)| crate::core::anonymise::nudge::may_identify(n, text, dismissed))
    })
}

/// One reflection's turn to have its flag worked out. The rows of a page take turns, each
/// in a task of its own: otherwise every row waiting for the flags' chunk went on in the
/// task that loaded it, and ten rows made one long task (about 110 ms at a quarter speed
/// with 1,000 reflections, and over 700 ms on a first visit, when each function the flags
/// run is compiled as it is first called; 2026-12-07). The next row's turn starts when
/// this one is dropped, whatever happened in it.
struct FlagTurn;

thread_local! {
    /// The rows waiting for a turn, in the order they asked, and whether a turn is under
    /// way or queued.
    static WAITING: std::cell::RefCell<(std::collections::VecDeque<futures_channel::oneshot::Sender<()>>, bool)> =
        const { std::cell::RefCell::new((std::collections::VecDeque::new(), false)) };
}

impl FlagTurn {
    /// Waits for the rows queued before this one, then for a task of its own.
    async fn wait() -> FlagTurn {
        let (start, started) = futures_channel::oneshot::channel();
        let idle = WAITING.with(|w| {
            let mut w = w.borrow_mut();
            w.0.push_back(start);
            !std::mem::replace(&mut w.1, true)
        });
        if idle {
            FlagTurn::next();
        }
        // The row's future is woken from a timer's callback, so it goes on in that task.
        let _ = started.await;
        FlagTurn
    }

    /// In a new task, starts the next waiting row's turn (one whose row has gone is
    /// skipped), or marks the queue idle.
    fn next() {
        set_timeout(
            || loop {
                let Some(start) = WAITING.with(|w| {
                    let mut w = w.borrow_mut();
                    let next = w.0.pop_front();
                    w.1 = next.is_some();
                    next
                }) else {
                    return;
                };
                if start.send(()).is_ok() {
                    return;
                }
            },
            Duration::ZERO,
        );
    }
}

impl Drop for FlagTurn {
    fn drop(&mut self) {
        FlagTurn::next();
    }
}

/// "This reflection may contain identifiers", with a link to tidy it on the edit page.
/// Worked out after the first frame, so it never delays the list.
#[component]
pub fn IdentifierFlag(
    entry: crate::core::ids::EntryId,
    /// Words that say which reflection, for a screen reader reading the link alone.
    #[prop(into)]
    about: String,
) -> impl IntoView {
    let state = use_app_state();
    let flagged = RwSignal::new(false);
    if nudges_on(state) {
        let text = state
            .journal_so_far()
            .with_untracked(|j| j.get(&entry).map(|e| e.text()));
        if let Some(text) = text {
            let names = state.settings.with_untracked(|s| s.private_names.clone());
            let pseudonyms: Vec<String> = state
                .threads
                .with_untracked(|t| t.open_threads().map(|t| t.pseudonym.to_string()).collect());
            let entry = entry.clone();
            // A frame's callbacks run before it is painted, so the row asks for its turn
            // there, and every turn starts in a timer task queued from there or later: after
            // the paint. Begun in the callback itself, the 31 chunk requests started before
            // the first paint, and Lighthouse's simulated slow phone counted their download
            // towards the journal's largest paint (1,000 reflections, 2026-12-06).
            request_animation_frame(move || {
                leptos::task::spawn_local(async move {
                    let turn = FlagTurn::wait().await;
                    let found = may_identify_later(names, pseudonyms, text, entry).await;
                    drop(turn);
                    if found == Some(true) {
                        let _ = flagged.try_set(true);
                    }
                });
            });
        }
    }
    let href = format!("/entries/{entry}/edit");
    view! {
        <Show when=move || flagged.get()>
            <p class="nhsuk-body-s app-entry-flag">
                "This reflection may contain identifiers. "
                <a href=href.clone()>"Tidy it"<span class="nhsuk-u-visually-hidden">{format!(" (reflection about {about})")}</span></a>
            </p>
        </Show>
    }
}

/// Nudges for a holding thread's pseudonym as it is typed. The threads' own pseudonyms
/// are not excused here (the one being edited would excuse itself), only the private
/// list of names counts, and no pseudonym is offered in place of a name.
#[component]
pub fn PseudonymNudges(
    /// The pseudonym box's id.
    for_id: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let state = use_app_state();
    let nudger = Memo::new(move |_| {
        let names = state.settings.with(|s| s.private_names.clone());
        SharedNudger(Arc::new(Nudger::new(&names, &[] as &[&str])))
    });
    let dismissed = RwSignal::new(BTreeSet::new());
    view! {
        <Show when=move || nudges_on(state)>
            <IdentifierNudges
                for_id=for_id
                label="the pseudonym"
                text=value
                on_change=Callback::new(move |v: String| value.set(v))
                nudger=nudger
                dismissed=dismissed
            />
        </Show>
    }
}
