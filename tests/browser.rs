#![cfg(target_arch = "wasm32")]
//! Browser tests: the storage adapter against Chromium's real local storage, a few
//! mounted components, and the UI's unit tests (module `ui`, tests/browser/ui.rs: the UI
//! is compiled for the browser only). Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test browser` (headless Chromium through
//! chromedriver). Each test that uses local storage clears it first: they share one origin.

use anchorpoint::core::entry::{Entry, Section};
use anchorpoint::core::ids::{EntryId, TagId};
use anchorpoint::core::record::encode_entry;
use anchorpoint::storage::codec::{open, Compact};
use anchorpoint::storage::{Backend, Batch, LocalStorage, Namespace, Problem, StorageError, Store};
use anchorpoint::ui::components::StorageNotice;
use anchorpoint::ui::pages::editor::WritePage;
use anchorpoint::ui::pages::journal::JournalPage;
use anchorpoint::ui::state::AppState;
use chrono::{NaiveDate, TimeZone, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The UI's unit tests: pure functions in src/ui, which is compiled for the browser only.
#[path = "browser/ui.rs"]
mod ui;

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

/// This tab's draft of a new entry, opened to its JSON ("" when there is none).
fn draft_json() -> String {
    let storage = storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("anchorpoint.draft.") && k.ends_with(".new"))
        .filter_map(|k| storage.get_item(&k).unwrap().map(|raw| (k, raw)))
        .map(|(k, raw)| open(&k, &raw, &[&Compact]).unwrap().json)
        .collect()
}

#[wasm_bindgen_test]
fn compact_records_with_any_text_survive_real_local_storage() {
    clear();
    let text = "Ünïcödé, emoji 🙂, right-to-left שלום, combining e\u{301}, and a long run: "
        .to_owned()
        + &"waiting list ".repeat(50);
    let mut store = Store::new(LocalStorage);
    store.save_entry(&entry("a", 20, &text)).unwrap();
    let raw = storage().get_item("anchorpoint.entry.a").unwrap().unwrap();
    assert!(raw.starts_with("AP4;z;1;"), "{raw}");
    assert!(raw.encode_utf16().count() < text.len() / 2);
    let loaded = Store::new(LocalStorage).load().unwrap();
    assert_eq!(loaded.journal.newest_first().next().unwrap().text(), text);
    assert!(loaded.problems.is_empty());
    clear();
}

/// Sentences a link worker might write; each reflection is a different draw of them,
/// so no reflection repeats itself (which would compress unrealistically well).
const SENTENCES: [&str; 24] = [
    "We met at the library again because she still finds the surgery too busy.",
    "He told me the letter from the council had upset him more than he expected.",
    "I offered a fourth session, which is more than the service usually allows.",
    "The waiting list for counselling is still months long, so we agreed to keep in touch.",
    "She booked onto the walking group herself, which felt like a real step forward.",
    "I rang my contact at the food bank directly instead of sending the referral form.",
    "Nothing needed fixing today; I listened while he talked about his brother.",
    "The practice manager asked me to chase a prescription, which is outside my remit.",
    "I answered a message after hours and I want to think about why I did that.",
    "We looked at the benefits forms together and found two questions she had missed.",
    "It was the first time he mentioned the debt, and he seemed relieved afterwards.",
    "The GP asked me to see someone whose needs were mostly about loneliness.",
    "I felt tired by the end of the day and noticed I was rushing the last call.",
    "There is no community provision for carers in this area, so I am holding her for now.",
    "She was not ready to think about moving, and I decided not to push it.",
    "I went with him to the first session of the men's shed so he would not walk in alone.",
    "Supervision would help me decide how long to keep seeing people like this.",
    "The receptionists now send people to me without asking the GP first.",
    "He brought his daughter, who did most of the talking, and I wondered what he wanted.",
    "Housing said they would call back within five working days, which is what they said last month.",
    "I wrote down three things she wants to try and we will look at them next week.",
    "The team meeting ran over and I did not get to raise the point about referrals.",
    "Being consistent seems to matter more to him than anything I can arrange.",
    "I noticed I was getting frustrated with the lack of options and said so to my colleague.",
];

/// About 1,000 characters of prose for reflection `n`, from a small deterministic
/// generator (no randomness in tests).
fn prose(n: u64) -> String {
    let mut state = n
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    while out.len() < 1000 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let s = SENTENCES[((state >> 33) % SENTENCES.len() as u64) as usize];
        out.push_str(s);
        out.push(' ');
    }
    out.truncate(1000);
    out
}

/// Fills real local storage through `store` with reflections of 1,000 characters and
/// three tags, in batches of 250, until the browser says it is full; returns how many
/// were stored.
fn fill_with_reflections(store: &mut Store<LocalStorage>) -> u64 {
    let ns = Namespace::JOURNAL;
    let tags = ["md-patient", "holding-waiting", "boundary-stretched"]
        .map(|t| TagId::parse(t).unwrap())
        .to_vec();
    let mut stored = 0u64;
    let mut batch_size = 250u64;
    loop {
        let mut batch = Batch::new();
        for n in stored..stored + batch_size {
            let mut e = entry(
                &format!("emx{n:05}-{:x}", n * 7919 % 4096),
                1 + (n % 28) as u32,
                &prose(n),
            );
            e.tags = tags.clone();
            batch = batch.entry(&ns, &e);
        }
        match store.commit(batch) {
            Ok(()) => stored += batch_size,
            // Smaller batches near the end: 250, 50, 10, 2, then 1 (never 0,
            // which would commit nothing and loop forever).
            Err(StorageError::Full) if batch_size > 1 => batch_size = (batch_size / 5).max(1),
            Err(StorageError::Full) => break,
            Err(e) => panic!("{e}"),
        }
    }
    stored
}

/// The storage v4 measure: how many reflections of 1,000 characters with three tags fit
/// in Chromium's real local storage. Fills it in batches of 250 until the browser says
/// it is full, and prints the count (the README reports it).
#[wasm_bindgen_test]
fn at_least_ten_thousand_reflections_fit_in_local_storage() {
    clear();
    let mut store = Store::new(LocalStorage);
    let stored = fill_with_reflections(&mut store);
    let used: usize = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .map(|k| {
            k.encode_utf16().count()
                + storage()
                    .get_item(&k)
                    .unwrap()
                    .unwrap()
                    .encode_utf16()
                    .count()
        })
        .sum();
    wasm_bindgen_test::console_log!(
        "MEASURE reflections that fit: {stored} ({used} UTF-16 units used)"
    );
    assert!(stored >= 10_000, "only {stored} reflections fit");
    // The usage meter reads the same figure, and its quota constant is Chromium's: a full
    // store is within 1% of it.
    assert_eq!(Store::new(LocalStorage).usage(0).unwrap().used, used);
    let quota = anchorpoint::core::capacity::QUOTA_UNITS;
    assert!(
        used <= quota && used * 100 >= quota * 99,
        "full at {used} units, the meter assumes {quota}"
    );
    clear();
}

/// The usage pass measures keys and values in UTF-16 units, as the browser's quota
/// does, and counts as the journal's only the keys under its prefix: not another app's,
/// and not the workshop's, whose prefix starts the same way. A key named like one of
/// `Storage`'s own properties ("length") is measured by its value, not the property.
#[wasm_bindgen_test]
fn usage_counts_utf16_units_of_the_site_and_of_the_journal_alone() {
    clear();
    // "café 🙂" is 7 units: the accent is one, the emoji two.
    storage()
        .set_item("anchorpoint.settings", "café 🙂")
        .unwrap();
    storage().set_item("other-app", "xyz").unwrap();
    storage().set_item("length", "12").unwrap();
    storage()
        .set_item("anchorpoint-workshop.settings", "ab")
        .unwrap();
    let usage = Store::new(LocalStorage).usage(3).unwrap();
    assert_eq!(usage.journal, 20 + 7);
    assert_eq!(usage.used, 20 + 7 + 9 + 3 + 6 + 2 + 29 + 2);
    assert_eq!(usage.reflections, 3);
    clear();
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

/// `len` letters and spaces from a fixed generator: text DEFLATE cannot shrink much.
fn noise(len: usize) -> String {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            b"abcdefghijklmnopqrstuvwxyz "[((state >> 33) % 27) as usize] as char
        })
        .collect()
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

    // Text that does not compress: a repeated sentence would shrink to a few dozen
    // characters and fit in the last scraps of room.
    let big = noise(3_000);
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
        // The notice sits in the layout above every page, as the app mounts it.
        view! {
            <leptos_router::components::Router>
                <StorageNotice/>
                <JournalPage/>
            </leptos_router::components::Router>
        }
        .into_any()
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
    let draft = draft_json();
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
    assert_eq!(draft_json(), "", "no draft left behind");
    let title = web_sys::window().unwrap().document().unwrap().title();
    assert!(title.starts_with("Error: "), "{title}");
    root.remove();
    clear();
}

/// Every key and value in local storage, sorted: to check nothing outside a space changed.
fn snapshot() -> Vec<(String, String)> {
    let s = storage();
    let mut all: Vec<(String, String)> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .map(|k| {
            let v = s.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
fn a_workshop_tab_reads_writes_and_wipes_only_the_workshop_space() {
    use anchorpoint::storage::{set_tab_flag, tab_flag, TabFlag};
    clear();
    // A real journal: a reflection, settings and a draft.
    let mut journal = Store::new(LocalStorage);
    journal.save_entry(&entry("a", 20, "Real.")).unwrap();
    journal
        .save_collection(&anchorpoint::core::settings::Settings::default())
        .unwrap();
    storage()
        .set_item("unrelated.app.key", "someone else's")
        .unwrap();
    let before = snapshot();

    // The tab is put in a workshop: the app's one store is then the workshop's.
    set_tab_flag(TabFlag::Workshop, true).unwrap();
    assert!(tab_flag(TabFlag::Workshop));
    let state = AppState::load();
    assert!(state.in_workshop());
    assert!(
        state.journal().get_untracked().is_empty(),
        "the real journal is not read"
    );
    state.save(entry("w", 21, "Practice."), None).unwrap();
    state
        .save_settings(anchorpoint::core::settings::Settings {
            end_question: false,
            ..Default::default()
        })
        .unwrap();
    let during = snapshot();
    let added: Vec<&String> = during
        .iter()
        .filter(|kv| !before.contains(kv))
        .map(|(k, _)| k)
        .collect();
    assert!(!added.is_empty());
    assert!(
        added.iter().all(|k| k.starts_with("anchorpoint-workshop.")),
        "{added:?}"
    );
    assert!(
        before.iter().all(|kv| during.contains(kv)),
        "a real key changed"
    );

    // Ending the workshop removes its keys and nothing else.
    assert!(state.wipe_workshop().unwrap() >= 2);
    assert_eq!(snapshot(), before);

    set_tab_flag(TabFlag::Workshop, false).unwrap();
    assert!(!tab_flag(TabFlag::Workshop));
    // A journal tab cannot wipe: there is no way to empty the journal's space.
    let journal_state = AppState::load();
    assert!(!journal_state.in_workshop());
    assert!(journal_state.wipe_workshop().is_err());
    assert_eq!(snapshot(), before);
    clear();
}

/// The lock over Chromium's real local storage, made with the cheapest settings the
/// app accepts so the test stays fast (the chosen ones are measured by
/// bench/lock-browser.mjs).
fn lock_on(store: &mut Store<LocalStorage>) -> anchorpoint::core::lock::LockHeader {
    use anchorpoint::core::crypto::KdfParams;
    use anchorpoint::core::lock::{LockHeader, LockRandom, KEY_ID_BYTES};
    use anchorpoint::storage::{random, Sealed};
    let random_bytes = LockRandom {
        salt: random::salt().unwrap(),
        nonce: random::nonce().unwrap(),
    };
    let mut key_id = [0u8; KEY_ID_BYTES];
    random::fill(&mut key_id).unwrap();
    let key = random::data_key().unwrap();
    let header = LockHeader::create(
        "Tŷ Coch 🌱",
        KdfParams::OWASP_MINIMUM,
        &random_bytes,
        &key_id,
        &key,
    )
    .unwrap();
    store
        .turn_lock_on(&header, Box::new(Sealed::new(key)))
        .unwrap();
    header
}

#[wasm_bindgen_test]
fn with_the_lock_on_real_storage_holds_nothing_readable_and_unlocks() {
    use anchorpoint::storage::Sealed;
    clear();
    let mut store = Store::new(LocalStorage);
    store
        .save_entry(&entry("a", 20, "Marigold and the allotment"))
        .unwrap();
    lock_on(&mut store);
    store.save_entry(&entry("b", 21, "Marigold again")).unwrap();
    let storage = storage();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        let raw = storage.get_item(&key).unwrap().unwrap();
        assert!(!raw.contains("Marigold"), "{key}");
        assert!(
            key == "anchorpoint.lock" || raw.starts_with("AP4;s;"),
            "{key}: {raw}"
        );
    }
    let mut locked = Store::new(LocalStorage);
    assert_eq!(locked.load(), Err(StorageError::Locked));
    let header = locked.lock_header().unwrap().unwrap();
    assert!(header.unlock("Ty Coch 🌱").is_err());
    let key = header.unlock("Tŷ Coch 🌱").unwrap();
    locked.unlock(&header, Box::new(Sealed::new(key)));
    assert_eq!(locked.load().unwrap().journal.len(), 2);
    clear();
}

#[wasm_bindgen_test]
fn at_least_ten_thousand_reflections_fit_with_the_lock_on() {
    clear();
    let mut store = Store::new(LocalStorage);
    lock_on(&mut store);
    let stored = fill_with_reflections(&mut store);
    wasm_bindgen_test::console_log!("MEASURE reflections that fit with the lock on: {stored}");
    assert!(stored >= 10_000, "only {stored} reflections fit");
    clear();
}

/// Start-up decodes only the journal page's first page when the index gives every
/// reflection's place (issue 11); the rest come when a page needs the whole journal, and
/// nothing is written until they have.
#[wasm_bindgen_test]
fn start_up_reads_the_first_page_and_the_whole_journal_is_there_when_asked_for() {
    clear();
    let mut store = Store::new(LocalStorage);
    for n in 0..25u32 {
        store
            .save_entry(&entry(
                &format!("p{n:02}"),
                1 + n,
                &format!("Reflection {n}."),
            ))
            .unwrap();
    }
    let state = AppState::load();
    let first: Vec<String> = state
        .journal_so_far()
        .with_untracked(|j| j.newest_first().map(|e| e.id.to_string()).collect());
    let expected: Vec<String> = (15..25).rev().map(|n| format!("p{n:02}")).collect();
    assert_eq!(first, expected, "the newest ten, newest first");
    assert_eq!(untrack(|| state.reflection_count()), 25);
    // A page that needs every reflection gets them all.
    assert_eq!(state.journal().with_untracked(|j| j.len()), 25);
    assert_eq!(untrack(|| state.reflection_count()), 25);
    // And a save then works as ever.
    state.save(entry("p25", 28, "One more."), None).unwrap();
    assert_eq!(Store::new(LocalStorage).load().unwrap().journal.len(), 26);
}
