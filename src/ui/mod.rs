//! The Leptos user interface: the layout, the routes and the pages. This is the only
//! code that holds signals; it reaches storage only through [`state::AppState`], and the
//! browser only through [`browser`].

pub mod backup_reminder;
pub mod browser;
pub mod components;
pub mod compressor;
pub mod forms;
pub mod lazy;
pub mod lock;
pub mod nudges;
pub mod offline;
pub mod pages;
pub mod route;
pub mod search_engine;
pub mod state;
pub mod storage_health;
pub mod tagging;
pub mod workshop_banner;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use components::{ClashNotice, StorageNotice, HEADING_ID};
use lock::pages::{LockActionPage, UnlockPage};
use pages::backup::{BackupPage, RestorePage};
use pages::checkins::{CheckInPage, WellbeingPage};
use pages::custom_tags::{DeleteTagPage, MergeTagPage, NewTagPage, RenameTagPage, TagsPage};
use pages::custom_templates::{
    DeleteTemplatePage, EditTemplatePage, NewTemplatePage, TemplatesPage,
};
use pages::delete::DeletePage;
use pages::editor::{EditPage, WritePage};
use pages::entry::EntryPage;
use pages::insights::InsightsPage;
use pages::journal::JournalPage;
use pages::not_found::NotFoundPage;
use pages::settings::SettingsPage;
use pages::summary::{SummaryDonePage, SummaryFlow, SummaryPage, SummaryReviewPage};
use pages::supervisor::{
    open::SupervisorPage, patterns::PatternsPage, print::PrintPage, prompts::PromptsPage,
    worker::WorkerPage,
};
use pages::threads::{NewThreadPage, ThreadActionPage, ThreadPage, ThreadsPage};
use pages::workshop::{
    case::CasePage, case::ComparePage, end::EndWorkshopPage, start::WorkshopPage,
};
use route::Page;
use state::{AppState, LockStatus};

// Pages loaded on demand, each from its own wasm chunk (see `lazy`).
lazy::lazy_area!(editor, editor, Write => WritePage, Edit => EditPage);
lazy::lazy_area!(entry, entry, Entry => EntryPage);
lazy::lazy_area!(delete, delete, Delete => DeletePage);
lazy::lazy_area!(insights, insights, Insights => InsightsPage);
lazy::lazy_area!(checkins, checkins, Wellbeing => WellbeingPage, CheckIn => CheckInPage);
lazy::lazy_area!(
    threads,
    threads,
    Threads => ThreadsPage,
    NewThread => NewThreadPage,
    Thread => ThreadPage,
    ThreadAction => ThreadActionPage,
);
lazy::lazy_area!(
    summary,
    summary,
    Summary => SummaryPage,
    SummaryReview => SummaryReviewPage,
    SummaryDone => SummaryDonePage,
);
lazy::lazy_area!(
    supervisor,
    supervisor,
    Supervisor => SupervisorPage,
    SupervisorWorker => WorkerPage,
    SupervisorPatterns => PatternsPage,
    SupervisorPrompts => PromptsPage,
    SupervisorPrint => PrintPage,
);
lazy::lazy_area!(settings, settings, Settings => SettingsPage);
lazy::lazy_area!(backup, backup, Backup => BackupPage, Restore => RestorePage);
lazy::lazy_area!(
    tags,
    tags,
    Tags => TagsPage,
    NewTag => NewTagPage,
    RenameTag => RenameTagPage,
    MergeTag => MergeTagPage,
    DeleteTag => DeleteTagPage,
);
lazy::lazy_area!(
    templates,
    templates,
    Templates => TemplatesPage,
    NewTemplate => NewTemplatePage,
    EditTemplate => EditTemplatePage,
    DeleteTemplate => DeleteTemplatePage,
);
lazy::lazy_area!(
    workshop,
    workshop,
    Workshop => WorkshopPage,
    Case => CasePage,
    Compare => ComparePage,
    EndWorkshop => EndWorkshopPage,
);
lazy::lazy_area!(lock, lock, LockAction => LockActionPage);
lazy::lazy_area!(unlock, unlock, UnlockPage);
lazy::lazy_area!(clash, clash, ClashNotice);
lazy::lazy_area!(storage_notice, storage_notice, StorageNotice);

/// The whole app: state, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    SummaryFlow::provide();
    workshop_banner::Exercise::provide();
    // Another tab saved or deleted something: show the same journal here. The storage
    // event only fires in the *other* tabs, so this never reacts to our own writes.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = ev.key().is_none_or(|key| state.owns_key(&key));
        if ours {
            state.storage_changed_elsewhere();
        }
    });
    on_cleanup(move || listener.remove());
    // A tab the browser duplicated shares this tab's id until it hears otherwise.
    crate::storage::watch_tab_id(move |id| state.set_tab(&id));
    // Other tabs locking, and the idle auto-lock.
    lock::watch::watch(state);
    compressor::fetch_after_first_frame();
    view! {
        <Router>
            <Layout/>
        </Router>
    }
}

/// A lazily loaded view outside the pages: fetched from its chunk when first shown.
/// The unlock page is one: it stands in for every page while the journal is locked, and
/// the address stays the page the worker was on, which shows once unlocked. (A
/// `Suspense` here cost more of the first load.)
pub(crate) fn lazy_view(load: fn() -> lazy::PageFuture) -> impl IntoView {
    load_view(load(), || true, |_| {})
}

/// Shows what `load` gives once it arrives, then calls `shown` (with whether the view
/// was still wanted). A view is wanted while its signal lives and `wanted()` says so.
fn load_view(
    mut load: lazy::PageFuture,
    wanted: impl Fn() -> bool + 'static,
    shown: impl FnOnce(bool) + 'static,
) -> impl IntoView {
    let page = RwSignal::new_local(None::<AnyView>);
    // Under this owner, so the page finds the app's context; untracked, so what the page
    // reads as it is built does not re-run this.
    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new_untracked(
        async move {
            // Once the worker has moved on, this view's signal is disposed: the load is
            // dropped before it builds the page, whose building has effects of its own
            // (the page's title, for one).
            let view = std::future::poll_fn(|cx| {
                if page.is_disposed() || !wanted() {
                    return std::task::Poll::Ready(None);
                }
                load.as_mut().poll(cx).map(Some)
            })
            .await;
            shown(view.is_some_and(|view| page.try_set(Some(view)).is_none()));
        },
    ));
    move || {
        page.track();
        page.try_update_untracked(Option::take).flatten()
    }
}

/// The page the address names (see [`route`]). A new path builds a new page; a lazy
/// page shows once its chunk has arrived.
///
/// Leptos's router leaves the address bar and the scroll position as they were until
/// the page says it is ready (`ready_to_complete`): its route table did that once the
/// route's view was built, and so does this, after the page is on screen. After a
/// navigation, focus goes to the new page's heading, here as well as in [`Layout`],
/// because a chunk fetched over the network arrives after the layout's frame.
fn pages() -> impl IntoView {
    let location = use_location();
    let browser_url = use_context::<BrowserUrl>();
    let first = std::cell::Cell::new(true);
    move || {
        let path = location.pathname.get();
        let navigated = !first.replace(false);
        let url = browser_url.clone();
        let done = move |wanted: bool| {
            if wanted {
                if let Some(url) = url {
                    url.ready_to_complete();
                }
            }
        };
        let load = match route::page_of(&path).0 {
            // Drawn now, as the first page must be; the address is completed once the page
            // is in the document, after this run.
            Page::Journal => {
                queue_microtask(move || done(true));
                return view! { <JournalPage/> }.into_any();
            }
            Page::NotFound => {
                queue_microtask(move || done(true));
                return view! { <NotFoundPage/> }.into_any();
            }
            page @ (Page::Write | Page::Edit) => editor(page),
            page @ Page::Entry => entry(page),
            page @ Page::Delete => delete(page),
            page @ Page::Insights => insights(page),
            page @ (Page::Wellbeing | Page::CheckIn) => checkins(page),
            page @ (Page::Threads | Page::NewThread | Page::Thread | Page::ThreadAction) => {
                threads(page)
            }
            page @ (Page::Summary | Page::SummaryReview | Page::SummaryDone) => summary(page),
            page @ (Page::Supervisor
            | Page::SupervisorWorker
            | Page::SupervisorPatterns
            | Page::SupervisorPrompts
            | Page::SupervisorPrint) => supervisor(page),
            page @ Page::Settings => settings(page),
            page @ (Page::Backup | Page::Restore) => backup(page),
            page @ (Page::Tags
            | Page::NewTag
            | Page::RenameTag
            | Page::MergeTag
            | Page::DeleteTag) => tags(page),
            page @ (Page::Templates
            | Page::NewTemplate
            | Page::EditTemplate
            | Page::DeleteTemplate) => templates(page),
            page @ (Page::Workshop | Page::Case | Page::Compare | Page::EndWorkshop) => {
                workshop(page)
            }
            page @ Page::LockAction => lock(page),
        };
        // A page that may write: the compressor too, if its first fetch failed.
        compressor::fetch();
        // Checked again before the page is built, apart from the view's signal: once, under
        // load, a page superseded while its chunk loaded was still built (its title set
        // over the newer page's) although its signal should have gone with its run.
        let pathname = location.pathname;
        let still_here = move || pathname.try_with_untracked(|now| *now == path) == Some(true);
        load_view(load, still_here, move |wanted| {
            done(wanted);
            if wanted && navigated {
                browser::focus_id(HEADING_ID);
            }
        })
        .into_any()
    }
}

/// A lazily loaded view that is fetched the first time `wanted` says so, and kept from
/// then on: a notice that decides for itself what to show once it is there.
fn lazy_view_once_wanted(
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    load: fn() -> lazy::PageFuture,
) -> impl IntoView {
    let needed =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || wanted());
    move || needed.get().then(|| lazy_view(load))
}

/// The clash notice, from a chunk of its own fetched when the first clash of this visit
/// happens (most visits have none). Kept once shown: it clears itself when the worker
/// moves to another page, and shows what came of their choice after the clash is gone.
fn clash_notice() -> impl IntoView {
    let state = state::use_app_state();
    lazy_view_once_wanted(move || state.clash.with(Option::is_some), clash)
}

/// What storage has to tell the worker (it could not be used, a newer version wrote to
/// it, records were set aside), from a chunk of its own fetched when there first is
/// something to say (most visits have nothing). Kept once shown, as the notice itself
/// shows and hides each part as the state changes.
fn storage_notice_view() -> impl IntoView {
    let state = state::use_app_state();
    lazy_view_once_wanted(
        move || {
            state.load_error.with(Option::is_some)
                || state.read_only.get()
                || !state.problems.with(Vec::is_empty)
        },
        storage_notice,
    )
}

fn unlock_gate() -> impl IntoView {
    lazy_view(unlock)
}

/// The workshop's start page, reachable while the journal is locked.
const WORKSHOP_START: &str = "/workshop";

/// The site's sections, in the header: where each starts and its name.
const NAVIGATION: [(&str, &str); 7] = [
    ("/", "Journal"),
    ("/threads", "Holding threads"),
    ("/check-in", "Check-in"),
    ("/insights", "Insights"),
    ("/summary", "Supervision summary"),
    ("/supervisor", "Supervisor view"),
    ("/settings", "Settings"),
];

/// The section a path belongs to, for marking the current one in the header. Entries
/// and writing belong to the journal.
fn section_of(path: &str) -> &'static str {
    NAVIGATION
        .iter()
        .skip(1)
        .find(|(href, _)| path == *href || path.starts_with(&format!("{href}/")))
        .map_or("/", |(href, _)| href)
}

#[component]
fn Layout() -> impl IntoView {
    let state = state::use_app_state();
    let location = use_location();
    // After a navigation (not the first page), move focus to the new page's heading, so
    // keyboard and screen-reader users start at the top of what changed. A confirmation
    // is shown on the page the action went to and cleared once the worker moves on.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if let Some(previous) = previous {
            if previous != path {
                browser::focus_id(HEADING_ID);
                if state
                    .flash
                    .with_untracked(|f| f.as_ref().is_some_and(|f| f.on != path))
                {
                    state.flash.set(None);
                }
            }
        }
        path
    });
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus_id("maincontent");
    };
    // Start-up draws the header in one task and the page below it, with the footer, in
    // the next: the browser can paint the header, and take a key or a click, between
    // the two instead of after one long task (on a first visit most of it is compiling
    // each wasm function as it is first called). Nothing drawn moves: what comes second
    // is all below the header.
    let below_header = RwSignal::new(false);
    browser::in_next_task(move || below_header.set(true));
    view! {
        <a class="nhsuk-skip-link" href="#maincontent" on:click=skip>"Skip to main content"</a>
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <a class="nhsuk-header__service-name" href="/">"Anchorpoint"</a>
                </div>
                <button class="nhsuk-button nhsuk-button--reverse app-lock-now" type="button"
                    id="lock-now" hidden=move || state.lock.get() != LockStatus::Unlocked
                    on:click=move |_| state.lock_now()>"Lock now"</button>
            </div>
            <nav hidden=move || state.lock.get() == LockStatus::Locked class="nhsuk-header__navigation" aria-label="Menu">
                <div class="nhsuk-header__navigation-container nhsuk-width-container">
                    <ul class="nhsuk-header__navigation-list">
                        {NAVIGATION.iter().map(|&(href, label)| {
                            let current = move || section_of(&location.pathname.get()) == href;
                            view! {
                                <li class=move || if current() {
                                    "nhsuk-header__navigation-item nhsuk-header__navigation-item--current"
                                } else {
                                    "nhsuk-header__navigation-item"
                                }>
                                    <a class="nhsuk-header__navigation-link" href=href
                                        aria-current=move || current().then_some("page")>
                                        {label}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </nav>
        </header>
        <Show when=move || below_header.get()>
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex="-1">
                <div class="nhsuk-grid-row">
                    <div class="nhsuk-grid-column-two-thirds">
                        // On every page: a collection that could not be read shows as
                        // empty on its own page, so the reason must be there too.
                        <workshop_banner::WorkshopBanner/>
                        <offline::UpdateNotice/>
                        // While locked, only the unlock page: nothing of the journal is
                        // read, so there is nothing else to show.
                        // The one exception is the workshop's start page: a trainer can
                        // start a workshop in this tab without unlocking the journal.
                        <Show when=move || state.lock.get() != LockStatus::Locked || location.pathname.read().as_str() == WORKSHOP_START fallback=unlock_gate>
                        {storage_notice_view}
                        {clash_notice}
                        {pages()}
                        </Show>
                    </div>
                </div>
            </main>
        </div>
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <p class="nhsuk-body-s app-footer-privacy">
                        "Anchorpoint is a private reflective journal for social prescribing link workers. Everything you write stays in this browser on this device. Nothing is sent anywhere."
                    </p>
                </div>
            </div>
        </footer>
        </Show>
    }
}
