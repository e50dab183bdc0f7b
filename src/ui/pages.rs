//! One file per page, as in Leptos' own examples.

pub mod backup;
pub mod checkins;
pub mod custom_tags;
pub mod custom_templates;
pub mod delete;
pub mod editor;
pub mod entry;
pub mod insights;
pub mod journal;
pub mod not_found;
pub mod settings;
pub mod summary;
pub mod supervisor;
pub mod threads;
pub mod workshop;
