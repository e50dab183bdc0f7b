//! The Leptos user interface: the layout, the routes and the pages. This is the only
//! code that holds signals; it reaches storage only through [`state::AppState`], and the
//! browser only through [`browser`].

pub mod backup_reminder;
pub mod browser;
pub mod components;
pub mod forms;
pub mod lazy;
pub mod lock;
pub mod nudges;
pub mod offline;
pub mod pages;
pub mod route;
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
use state::{AppState, LockStatus};

// Pages loaded on demand, each from its own wasm chunk (see `lazy`).
lazy::lazy_page!(WriteRoute, editor, WritePage);
lazy::lazy_page!(EditRoute, editor, EditPage);
lazy::lazy_page!(EntryRoute, entry, EntryPage);
lazy::lazy_page!(DeleteRoute, delete, DeletePage);
lazy::lazy_page!(InsightsRoute, insights, InsightsPage);
lazy::lazy_page!(WellbeingRoute, checkins, WellbeingPage);
lazy::lazy_page!(CheckInRoute, checkins, CheckInPage);
lazy::lazy_page!(ThreadsRoute, threads, ThreadsPage);
lazy::lazy_page!(NewThreadRoute, threads, NewThreadPage);
lazy::lazy_page!(ThreadRoute, threads, ThreadPage);
lazy::lazy_page!(ThreadActionRoute, threads, ThreadActionPage);
lazy::lazy_page!(SummaryRoute, summary, SummaryPage);
lazy::lazy_page!(SummaryReviewRoute, summary, SummaryReviewPage);
lazy::lazy_page!(SummaryDoneRoute, summary, SummaryDonePage);
lazy::lazy_page!(SupervisorRoute, supervisor, SupervisorPage);
lazy::lazy_page!(SupervisorWorkerRoute, supervisor, WorkerPage);
lazy::lazy_page!(SupervisorPatternsRoute, supervisor, PatternsPage);
lazy::lazy_page!(SupervisorPromptsRoute, supervisor, PromptsPage);
lazy::lazy_page!(SupervisorPrintRoute, supervisor, PrintPage);
lazy::lazy_page!(SettingsRoute, settings, SettingsPage);
lazy::lazy_page!(BackupRoute, backup, BackupPage);
lazy::lazy_page!(RestoreRoute, backup, RestorePage);
lazy::lazy_page!(TagsRoute, tags, TagsPage);
lazy::lazy_page!(NewTagRoute, tags, NewTagPage);
lazy::lazy_page!(RenameTagRoute, tags, RenameTagPage);
lazy::lazy_page!(MergeTagRoute, tags, MergeTagPage);
lazy::lazy_page!(DeleteTagRoute, tags, DeleteTagPage);
lazy::lazy_page!(TemplatesRoute, templates, TemplatesPage);
lazy::lazy_page!(NewTemplateRoute, templates, NewTemplatePage);
lazy::lazy_page!(EditTemplateRoute, templates, EditTemplatePage);
lazy::lazy_page!(DeleteTemplateRoute, templates, DeleteTemplatePage);
lazy::lazy_page!(WorkshopRoute, workshop, WorkshopPage);
lazy::lazy_page!(CaseRoute, workshop, CasePage);
lazy::lazy_page!(CompareRoute, workshop, ComparePage);
lazy::lazy_page!(EndWorkshopRoute, workshop, EndWorkshopPage);
lazy::lazy_page!(UnlockRoute, unlock, UnlockPage);
lazy::lazy_page!(LockActionRoute, lock, LockActionPage);
lazy::lazy_page!(ClashRoute, clash, ClashNotice);

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
pub(crate) fn lazy_view<R: leptos_router::LazyRoute>() -> impl IntoView {
    load_view(boxed::<R>(), |_| {})
}

type PageFuture = std::pin::Pin<Box<dyn std::future::Future<Output = AnyView>>>;

// One copy of the loading code for every lazy view: only the boxing is per page.
fn boxed<R: leptos_router::LazyRoute>() -> PageFuture {
    Box::pin(R::view(R::data()))
}

/// Shows what `load` gives once it arrives, then calls `shown` (with whether the view
/// was still wanted).
fn load_view(load: PageFuture, shown: impl FnOnce(bool) + 'static) -> impl IntoView {
    let page = RwSignal::new_local(None::<AnyView>);
    // Under this owner, so the page finds the app's context; untracked, so what the page
    // reads as it is built does not re-run this.
    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new_untracked(
        async move {
            // A signal already disposed (the worker moved on) gives the view back.
            shown(page.try_set(Some(load.await)).is_none());
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
            route::Page::Journal => {
                queue_microtask(move || done(true));
                return view! { <JournalPage/> }.into_any();
            }
            route::Page::NotFound => {
                queue_microtask(move || done(true));
                return view! { <NotFoundPage/> }.into_any();
            }
            route::Page::Write => boxed::<WriteRoute>(),
            route::Page::Entry => boxed::<EntryRoute>(),
            route::Page::Edit => boxed::<EditRoute>(),
            route::Page::Delete => boxed::<DeleteRoute>(),
            route::Page::Wellbeing => boxed::<WellbeingRoute>(),
            route::Page::Insights => boxed::<InsightsRoute>(),
            route::Page::CheckIn => boxed::<CheckInRoute>(),
            route::Page::Threads => boxed::<ThreadsRoute>(),
            route::Page::NewThread => boxed::<NewThreadRoute>(),
            route::Page::Thread => boxed::<ThreadRoute>(),
            route::Page::ThreadAction => boxed::<ThreadActionRoute>(),
            route::Page::Summary => boxed::<SummaryRoute>(),
            route::Page::SummaryReview => boxed::<SummaryReviewRoute>(),
            route::Page::SummaryDone => boxed::<SummaryDoneRoute>(),
            route::Page::Supervisor => boxed::<SupervisorRoute>(),
            route::Page::SupervisorWorker => boxed::<SupervisorWorkerRoute>(),
            route::Page::SupervisorPatterns => boxed::<SupervisorPatternsRoute>(),
            route::Page::SupervisorPrompts => boxed::<SupervisorPromptsRoute>(),
            route::Page::SupervisorPrint => boxed::<SupervisorPrintRoute>(),
            route::Page::Settings => boxed::<SettingsRoute>(),
            route::Page::Backup => boxed::<BackupRoute>(),
            route::Page::Restore => boxed::<RestoreRoute>(),
            route::Page::Tags => boxed::<TagsRoute>(),
            route::Page::NewTag => boxed::<NewTagRoute>(),
            route::Page::RenameTag => boxed::<RenameTagRoute>(),
            route::Page::MergeTag => boxed::<MergeTagRoute>(),
            route::Page::DeleteTag => boxed::<DeleteTagRoute>(),
            route::Page::Templates => boxed::<TemplatesRoute>(),
            route::Page::NewTemplate => boxed::<NewTemplateRoute>(),
            route::Page::EditTemplate => boxed::<EditTemplateRoute>(),
            route::Page::DeleteTemplate => boxed::<DeleteTemplateRoute>(),
            route::Page::Workshop => boxed::<WorkshopRoute>(),
            route::Page::Case => boxed::<CaseRoute>(),
            route::Page::Compare => boxed::<CompareRoute>(),
            route::Page::EndWorkshop => boxed::<EndWorkshopRoute>(),
            route::Page::LockAction => boxed::<LockActionRoute>(),
        };
        load_view(load, move |wanted| {
            done(wanted);
            if wanted && navigated {
                browser::focus_id(HEADING_ID);
            }
        })
        .into_any()
    }
}

/// The clash notice, from a chunk of its own fetched when the first clash of this visit
/// happens (most visits have none). Kept once shown: it clears itself when the worker
/// moves to another page, and shows what came of their choice after the clash is gone.
fn clash_notice() -> impl IntoView {
    let state = state::use_app_state();
    let needed = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || state.clash.with(Option::is_some)
    });
    move || needed.get().then(lazy_view::<ClashRoute>)
}

fn unlock_gate() -> impl IntoView {
    lazy_view::<UnlockRoute>()
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
                        <StorageNotice/>
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
    }
}
