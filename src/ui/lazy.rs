//! Pages loaded on demand: each lazy page is a separate wasm chunk, fetched from the same
//! origin the first time its route is visited (route-level code splitting). The release
//! build splits the wasm after cargo (wasm-split-cli, see scripts/build.mjs) and turns on
//! the `split` feature. Without the feature (Trunk's `serve.sh --dev`, the browser tests)
//! every page is compiled into the one module as before: a split point in a wasm that is
//! not split makes the app fail at start-up importing `__wasm_split_placeholder__`.
//!
//! `lazy_page!` writes a [`LazyRoute`] whose view loads the page's chunk. The split is
//! `fallible`: if the chunk cannot be fetched (the connection dropped, an update
//! half-arrived), the page shows [`chunk_failed`] instead of panicking, which with
//! `panic = "abort"` would kill the whole app. A later visit retries the fetch.

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::components::PageHeading;

/// Shown in place of a page whose code could not be loaded.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub fn chunk_failed() -> AnyView {
    browser::set_title("This page could not be loaded", false);
    let again = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <PageHeading text="This page could not be loaded"/>
        <p>"Part of the app could not be loaded. This can happen when the connection drops, or while a new version is arriving."</p>
        <p>"Your reflections and any unsaved draft are safe: they are kept in this browser, and nothing has been changed or deleted."</p>
        <button class="nhsuk-button" type="button" id="try-again" on:click=again>"Try again"</button>
        <p><a href="/">"Go to your journal"</a></p>
    }
    .into_any()
}

/// `lazy_page!(Route, chunk, Page)`: `Route` is a [`LazyRoute`] (`ui::pages()` and
/// `ui::lazy_view` load it) that shows the component `Page`, whose code goes into the
/// wasm chunk `chunk`. Pages given the same chunk name share one chunk.
///
/// [`LazyRoute`]: leptos_router::LazyRoute
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $page:ident) => {
        // Braced, not a unit struct: the split function below takes the route's name
        // (value namespace), which makes its exported symbol unique.
        pub struct $route {}

        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route {}
            }

            #[cfg(not(feature = "split"))]
            async fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::view! { <$page/> }.into_any()
            }

            #[cfg(feature = "split")]
            async fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                use ::leptos::wasm_split::wasm_split;
                #[allow(non_snake_case)]
                #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn $route() -> ::core::result::Result<
                    ::leptos::prelude::AnyView,
                    ::leptos::wasm_split::SplitLoaderError,
                > {
                    ::core::result::Result::Ok(::leptos::view! { <$page/> }.into_any())
                }
                match $route().await {
                    ::core::result::Result::Ok(view) => view,
                    ::core::result::Result::Err(_) => $crate::ui::lazy::chunk_failed(),
                }
            }
        }
    };
}
pub(crate) use lazy_page;
