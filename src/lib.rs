//! Anchorpoint: a private reflective-practice journal for NHS social prescribing link
//! workers. The crate is split into a pure [`core`] (domain types and rules, no browser),
//! a [`storage`] adapter (the only code that touches local storage) and the [`ui`]
//! (Leptos components, the only code that holds signals). See ARCHITECTURE.md.

pub mod core;
pub mod storage;
pub mod ui;
