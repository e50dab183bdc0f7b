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
pub mod state;
pub mod storage_health;
pub mod tagging;
pub mod workshop_banner;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use leptos_router::Lazy;

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

/// A lazily loaded view outside the routes: fetched from its chunk when first shown.
/// The unlock page is one: it stands in for every page while the journal is locked, and
/// the address stays the page the worker was on, which shows once unlocked. (A
/// `Suspense` here cost more of the first load.)
pub(crate) fn lazy_view<R: leptos_router::LazyRoute>() -> impl IntoView {
    // One copy of the loading code for every such view: only the boxing is per page.
    load_view(Box::pin(R::view(R::data())))
}

fn load_view(load: std::pin::Pin<Box<dyn std::future::Future<Output = AnyView>>>) -> impl IntoView {
    let page = RwSignal::new_local(None::<AnyView>);
    // Under this owner, so the page finds the app's context; untracked, so what the page
    // reads as it is built does not re-run this.
    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new_untracked(
        async move {
            page.set(Some(load.await));
        },
    ));
    move || {
        page.track();
        page.try_update_untracked(Option::take).flatten()
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
                        // FlatRoutes, not Routes: no route here nests, and the nested
                        // router's outlet machinery cost about 16 KB of the gzipped wasm.
                        // Add a parent route only together with switching back.
                        <FlatRoutes fallback=NotFoundPage>
                            <Route path=path!("/") view=JournalPage/>
                            <Route path=path!("/write") view={Lazy::<WriteRoute>::new()}/>
                            <Route path=path!("/entries/:id") view={Lazy::<EntryRoute>::new()}/>
                            <Route path=path!("/entries/:id/edit") view={Lazy::<EditRoute>::new()}/>
                            <Route path=path!("/entries/:id/delete") view={Lazy::<DeleteRoute>::new()}/>
                            <Route path=path!("/insights") view={Lazy::<InsightsRoute>::new()}/>
                            <Route path=path!("/entries/:id/wellbeing") view={Lazy::<WellbeingRoute>::new()}/>
                            <Route path=path!("/check-in") view={Lazy::<CheckInRoute>::new()}/>
                            <Route path=path!("/threads") view={Lazy::<ThreadsRoute>::new()}/>
                            <Route path=path!("/threads/new") view={Lazy::<NewThreadRoute>::new()}/>
                            <Route path=path!("/threads/:id") view={Lazy::<ThreadRoute>::new()}/>
                            // edit, close and delete: one route keeps the router small.
                            <Route path=path!("/threads/:id/:action") view={Lazy::<ThreadActionRoute>::new()}/>
                            <Route path=path!("/summary") view={Lazy::<SummaryRoute>::new()}/>
                            <Route path=path!("/summary/review") view={Lazy::<SummaryReviewRoute>::new()}/>
                            <Route path=path!("/summary/done") view={Lazy::<SummaryDoneRoute>::new()}/>
                            <Route path=path!("/supervisor") view={Lazy::<SupervisorRoute>::new()}/>
                            <Route path=path!("/supervisor/workers/:id") view={Lazy::<SupervisorWorkerRoute>::new()}/>
                            <Route path=path!("/supervisor/patterns") view={Lazy::<SupervisorPatternsRoute>::new()}/>
                            <Route path=path!("/supervisor/prompts") view={Lazy::<SupervisorPromptsRoute>::new()}/>
                            <Route path=path!("/supervisor/print") view={Lazy::<SupervisorPrintRoute>::new()}/>
                            <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                            <Route path=path!("/settings/backup") view={Lazy::<BackupRoute>::new()}/>
                            <Route path=path!("/settings/restore") view={Lazy::<RestoreRoute>::new()}/>
                            <Route path=path!("/settings/tags") view={Lazy::<TagsRoute>::new()}/>
                            <Route path=path!("/settings/tags/new") view={Lazy::<NewTagRoute>::new()}/>
                            <Route path=path!("/settings/tags/:id/rename") view={Lazy::<RenameTagRoute>::new()}/>
                            <Route path=path!("/settings/tags/:id/merge") view={Lazy::<MergeTagRoute>::new()}/>
                            <Route path=path!("/settings/tags/:id/delete") view={Lazy::<DeleteTagRoute>::new()}/>
                            <Route path=path!("/settings/templates") view={Lazy::<TemplatesRoute>::new()}/>
                            <Route path=path!("/settings/templates/new") view={Lazy::<NewTemplateRoute>::new()}/>
                            <Route path=path!("/settings/templates/:id/edit") view={Lazy::<EditTemplateRoute>::new()}/>
                            <Route path=path!("/settings/templates/:id/delete") view={Lazy::<DeleteTemplateRoute>::new()}/>
                            <Route path=path!("/workshop") view={Lazy::<WorkshopRoute>::new()}/>
                            <Route path=path!("/workshop/cases/:id") view={Lazy::<CaseRoute>::new()}/>
                            <Route path=path!("/workshop/cases/:id/compare") view={Lazy::<CompareRoute>::new()}/>
                            <Route path=path!("/workshop/end") view={Lazy::<EndWorkshopRoute>::new()}/>
                            // Turn on (no action), `change` and `off`: one route keeps the router small.
                            <Route path=path!("/settings/lock/:action?") view={Lazy::<LockActionRoute>::new()}/>
                        </FlatRoutes>
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
