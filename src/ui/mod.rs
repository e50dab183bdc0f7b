//! The Leptos user interface: the layout, the routes and the pages. This is the only
//! code that holds signals; it reaches storage only through [`state::AppState`], and the
//! browser only through [`browser`].

pub mod browser;
pub mod components;
pub mod pages;
pub mod state;
pub mod tagging;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

use components::HEADING_ID;
use pages::custom_tags::{DeleteTagPage, MergeTagPage, NewTagPage, RenameTagPage, TagsPage};
use pages::custom_templates::{
    DeleteTemplatePage, EditTemplatePage, NewTemplatePage, TemplatesPage,
};
use pages::delete::DeletePage;
use pages::editor::{EditPage, WritePage};
use pages::entry::EntryPage;
use pages::journal::JournalPage;
use pages::not_found::NotFoundPage;
use pages::settings::SettingsPage;
use state::AppState;

/// The whole app: state, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Another tab saved or deleted something: show the same journal here. The storage
    // event only fires in the *other* tabs, so this never reacts to our own writes.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = ev
            .key()
            .is_none_or(|key| key.starts_with(crate::storage::PREFIX));
        if ours {
            state.storage_changed_elsewhere();
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <Router>
            <Layout/>
        </Router>
    }
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
            </div>
        </header>
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex="-1">
                <div class="nhsuk-grid-row">
                    <div class="nhsuk-grid-column-two-thirds">
                        // FlatRoutes, not Routes: no route here nests, and the nested
                        // router's outlet machinery cost about 16 KB of the gzipped wasm.
                        // Add a parent route only together with switching back.
                        <FlatRoutes fallback=NotFoundPage>
                            <Route path=path!("/") view=JournalPage/>
                            <Route path=path!("/write") view=WritePage/>
                            <Route path=path!("/entries/:id") view=EntryPage/>
                            <Route path=path!("/entries/:id/edit") view=EditPage/>
                            <Route path=path!("/entries/:id/delete") view=DeletePage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                            <Route path=path!("/settings/tags") view=TagsPage/>
                            <Route path=path!("/settings/tags/new") view=NewTagPage/>
                            <Route path=path!("/settings/tags/:id/rename") view=RenameTagPage/>
                            <Route path=path!("/settings/tags/:id/merge") view=MergeTagPage/>
                            <Route path=path!("/settings/tags/:id/delete") view=DeleteTagPage/>
                            <Route path=path!("/settings/templates") view=TemplatesPage/>
                            <Route path=path!("/settings/templates/new") view=NewTemplatePage/>
                            <Route path=path!("/settings/templates/:id/edit") view=EditTemplatePage/>
                            <Route path=path!("/settings/templates/:id/delete") view=DeleteTemplatePage/>
                        </FlatRoutes>
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
