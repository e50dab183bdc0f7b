//! The pure domain core: entries, the journal, validation, the stored record formats,
//! the tag and template vocabulary, the cue detector, search and filter, holding
//! threads, embeddedness and wellbeing check-ins, and the anonymiser.
//! Nothing here imports `leptos`, `web_sys`, `wasm_bindgen` or `gloo`; nothing here reads a
//! clock or a random source. The shell passes "now" and fresh ids in, so every rule can be
//! tested natively and deterministically (see `tests/architecture.rs`).

pub mod anonymise;
pub mod checkins;
pub mod cues;
pub mod entry;
pub mod insights;
pub mod journal;
pub mod record;
pub mod search;
pub mod settings;
pub mod summary;
pub mod tags;
pub mod templates;
pub mod threads;
