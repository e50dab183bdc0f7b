//! Pages loaded on demand: each area's pages (the editor's, the threads', …) are a wasm
//! chunk of their own, fetched from the same origin the first time one of them is
//! visited (route-level code splitting). The release
//! build splits the wasm after cargo (wasm-split-cli, see scripts/build.mjs) and turns on
//! the `split` feature. Without the feature (Trunk's `serve.sh --dev`, the browser tests)
//! every page is compiled into the one module as before: a split point in a wasm that is
//! not split makes the app fail at start-up importing `__wasm_split_placeholder__`.
//!
//! `lazy_area!` writes the function that loads an area's pages from its chunk. The split is
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

/// A lazily loaded view: resolves once its chunk has arrived (or to [`chunk_failed`]).
pub type PageFuture = std::pin::Pin<Box<dyn std::future::Future<Output = AnyView>>>;

/// `lazy_area!(load, chunk, Page => Component, …)` writes `load(page) -> PageFuture`,
/// which shows the component for `page` from the wasm chunk `chunk`.
/// `lazy_area!(load, chunk, Component)` writes `load() -> PageFuture` for a view that is
/// not a page (the unlock page, the clash notice).
///
/// One split point per chunk, not per page: each split point compiles its own loading
/// code into the first load (a future of about 0.5 KB before wasm-opt), so an area's
/// pages share one, and the page is passed to the chunk as a number.
macro_rules! lazy_area {
    ($load:ident, $chunk:ident, $($page:ident => $component:ident),+ $(,)?) => {
        pub fn $load(page: $crate::ui::route::Page) -> $crate::ui::lazy::PageFuture {
            fn choose(page: u8) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                $(
                    if page == $crate::ui::route::Page::$page as u8 {
                        return ::leptos::view! { <$component/> }.into_any();
                    }
                )+
                ::leptos::view! { <$crate::ui::pages::not_found::NotFoundPage/> }.into_any()
            }
            $crate::ui::lazy::lazy_area!(@load $chunk, choose, page as u8)
        }
    };
    ($load:ident, $chunk:ident, $component:ident) => {
        pub fn $load() -> $crate::ui::lazy::PageFuture {
            fn choose(_: u8) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::view! { <$component/> }.into_any()
            }
            $crate::ui::lazy::lazy_area!(@load $chunk, choose, 0)
        }
    };
    (@load $chunk:ident, $choose:ident, $which:expr) => {{
        let which: u8 = $which;
        #[cfg(not(feature = "split"))]
        {
            ::std::boxed::Box::pin(async move { $choose(which) })
        }
        #[cfg(feature = "split")]
        {
            use ::leptos::wasm_split::wasm_split;
            // Named after the chunk, which makes its exported symbol unique: one split
            // point per chunk.
            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $chunk(
                which: u8,
            ) -> ::core::result::Result<
                ::leptos::prelude::AnyView,
                ::leptos::wasm_split::SplitLoaderError,
            > {
                ::core::result::Result::Ok($choose(which))
            }
            ::std::boxed::Box::pin(async move {
                $chunk(which).await.unwrap_or_else(|_| $crate::ui::lazy::chunk_failed())
            })
        }
    }};
}
pub(crate) use lazy_area;
