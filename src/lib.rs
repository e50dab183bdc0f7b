//! Anchorpoint: a private reflective-practice journal for NHS social prescribing link
//! workers. The crate is split into a pure [`core`] (domain types and rules, no browser),
//! a [`storage`] adapter (the only code that touches local storage) and the `ui`
//! (Leptos components, the only code that holds signals), which is compiled for the
//! browser (wasm32) only. See ARCHITECTURE.md.

pub mod core;
pub mod storage;
// The UI only ever runs in the browser, and nothing native uses it: compiled natively,
// it and Leptos cost about 3 minutes of every cold test run (measured). Its tests run in
// the browser suite (tests/browser.rs).
#[cfg(target_arch = "wasm32")]
pub mod ui;
