#![cfg(target_arch = "wasm32")]
//! Browser tests: the storage adapter against Chromium's real local storage, and a few
//! mounted components. Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test browser` (headless Chromium through
//! chromedriver). Each test clears local storage first: they share one origin.

use anchorpoint::core::entry::{Entry, EntryId, Section};
use anchorpoint::core::record::encode_entry;
use anchorpoint::storage::{Backend, LocalStorage, Problem, StorageError, Store};
use anchorpoint::ui::pages::editor::WritePage;
use anchorpoint::ui::pages::journal::JournalPage;
use anchorpoint::ui::state::AppState;
use chrono::{NaiveDate, TimeZone, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    storage().clear().unwrap();
}

fn entry(id: &str, day: u32, text: &str) -> Entry {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Entry {
        id: EntryId::parse(id).unwrap(),
        written_at: at,
        updated_at: at,
        about: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        sections: vec![Section::free(text)],
        tags: vec![],
        dismissed: vec![],
        template: None,
        judgement_call: None,
    }
}

#[wasm_bindgen_test]
fn an_entry_saved_to_local_storage_loads_back_in_a_new_store() {
    clear();
    let mut store = Store::new(LocalStorage);
    store
        .save_entry(&entry("a", 20, "Went with them to the group."))
        .unwrap();
    store
        .save_entry(&entry("b", 22, "Nothing to fix; I listened."))
        .unwrap();
    assert!(storage().get_item("anchorpoint.entry.a").unwrap().is_some());
    let loaded = Store::new(LocalStorage).load().unwrap();
    let texts: Vec<String> = loaded.journal.newest_first().map(Entry::text).collect();
    assert_eq!(
        texts,
        [
            "Nothing to fix; I listened.",
            "Went with them to the group."
        ]
    );
    assert!(loaded.problems.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupted_record_is_set_aside_left_in_place_and_reported() {
    clear();
    let mut store = Store::new(LocalStorage);
    store.save_entry(&entry("a", 20, "Kept.")).unwrap();
    let truncated = &encode_entry(&entry("b", 21, "Damaged."))[..40];
    storage()
        .set_item("anchorpoint.entry.b", truncated)
        .unwrap();
    let loaded = Store::new(LocalStorage).load().unwrap();
    assert_eq!(loaded.journal.len(), 1);
    assert!(
        matches!(&loaded.problems[..], [Problem::SetAside { key, .. }] if key == "anchorpoint.entry.b")
    );
    assert_eq!(
        storage()
            .get_item("anchorpoint.entry.b")
            .unwrap()
            .as_deref(),
        Some(truncated)
    );
}

/// Fills local storage with filler under a foreign key until the browser refuses, and
/// returns the filler keys.
fn fill_storage() -> Vec<String> {
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16] {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("filler.{}", keys.len());
            if storage().set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_local_storage_makes_the_save_fail_as_full_and_changes_nothing() {
    clear();
    let mut store = Store::new(LocalStorage);
    store
        .save_entry(&entry("a", 20, "Before the storage filled up."))
        .unwrap();
    let filler = fill_storage();
    assert!(!filler.is_empty());
    let before = LocalStorage.get("anchorpoint.entry.a").unwrap();

    let big = "A long reflection. ".repeat(500);
    assert_eq!(
        store.save_entry(&entry("b", 21, &big)),
        Err(StorageError::Full)
    );
    assert_eq!(
        store.save_entry(&entry("a", 20, &big)),
        Err(StorageError::Full)
    );
    assert_eq!(LocalStorage.get("anchorpoint.entry.a").unwrap(), before);
    assert_eq!(LocalStorage.get("anchorpoint.entry.b").unwrap(), None);

    for key in &filler {
        storage().remove_item(key).unwrap();
    }
    store.save_entry(&entry("b", 21, &big)).unwrap();
    assert_eq!(Store::new(LocalStorage).load().unwrap().journal.len(), 2);
    clear();
}

fn mount(f: impl FnOnce() -> AnyView + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), f);
    handle.forget();
    parent
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn the_journal_page_lists_stored_entries_newest_day_first() {
    clear();
    let mut store = Store::new(LocalStorage);
    store.save_entry(&entry("a", 18, "Back-dated.")).unwrap();
    store.save_entry(&entry("b", 23, "Newest.")).unwrap();
    store.save_entry(&entry("c", 20, "Middle.")).unwrap();
    let root = mount(|| {
        provide_context(AppState::load());
        view! { <leptos_router::components::Router><JournalPage/></leptos_router::components::Router> }.into_any()
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".app-entry-list a"),
        [
            "Monday 23 November 2026",
            "Friday 20 November 2026",
            "Wednesday 18 November 2026"
        ]
    );
    assert!(root.text_content().unwrap().contains("3 reflections"));
    root.remove();
    clear();
}

#[wasm_bindgen_test]
async fn the_journal_page_shows_the_empty_state_and_a_set_aside_notice() {
    clear();
    storage()
        .set_item("anchorpoint.entry.x", "not a record")
        .unwrap();
    let root = mount(|| {
        provide_context(AppState::load());
        view! { <leptos_router::components::Router><JournalPage/></leptos_router::components::Router> }.into_any()
    });
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Nothing you write leaves this device"),
        "{text}"
    );
    assert!(text.contains("nothing has been deleted"), "{text}");
    assert_eq!(
        storage()
            .get_item("anchorpoint.entry.x")
            .unwrap()
            .as_deref(),
        Some("not a record")
    );
    root.remove();
    clear();
}

#[wasm_bindgen_test]
async fn typing_in_the_editor_keeps_a_draft_and_an_empty_save_shows_the_error_summary() {
    clear();
    let root = mount(|| {
        provide_context(AppState::load());
        view! { <leptos_router::components::Router><WritePage/></leptos_router::components::Router> }.into_any()
    });
    leptos::task::tick().await;
    let textarea: web_sys::HtmlTextAreaElement = root
        .query_selector("#reflection")
        .unwrap()
        .unwrap()
        .unchecked_into();
    textarea.set_value("Rang my contact at the food bank directly.");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    textarea
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    leptos::task::tick().await;
    let draft = storage()
        .get_item("anchorpoint.draft.new")
        .unwrap()
        .unwrap_or_default();
    assert!(
        draft.contains("Rang my contact at the food bank directly."),
        "{draft}"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Draft saved on this device"));

    textarea.set_value("   ");
    textarea
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    let form: web_sys::HtmlFormElement = root
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".nhsuk-error-summary__heading"),
        ["There is a problem"]
    );
    assert_eq!(
        texts(&root, ".nhsuk-error-summary__list a"),
        ["Enter your reflection"]
    );
    // A cleared editor leaves no draft behind.
    assert_eq!(storage().get_item("anchorpoint.draft.new").unwrap(), None);
    let title = web_sys::window().unwrap().document().unwrap().title();
    assert!(title.starts_with("Error: "), "{title}");
    root.remove();
    clear();
}
