//! The few things the UI asks of the browser directly: the clock, a random number for
//! ids, the page title, focus, and file downloads the worker asks for. Kept here so the
//! pages read as plain descriptions of what the worker sees.

use crate::core::ids::{EntryId, IdSeed, ThreadId};
use chrono::{DateTime, Local, NaiveDate, Utc};
use wasm_bindgen::JsCast;

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The worker's own calendar day, which is what "today" means on the form.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The time and a random number for a new id: every id the core makes comes from one.
pub fn new_id_seed() -> IdSeed {
    // Math.random is enough here: the time part already separates all but ids made in
    // the same millisecond, and the random part separates those, across tabs and devices.
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    IdSeed::new(now().timestamp_millis(), random)
}

pub fn new_entry_id() -> EntryId {
    let seed = new_id_seed();
    EntryId::from_parts(seed.millis, seed.random)
}

/// A fresh holding-thread id, made the same way as an entry id.
pub fn new_thread_id() -> ThreadId {
    let seed = new_id_seed();
    ThreadId::from_parts(seed.millis, seed.random)
}

/// Sets the document title in the GOV.UK form "Page – Service", with "Error: " first
/// when the page is showing errors.
pub fn set_title(page: &str, has_errors: bool) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let prefix = if has_errors { "Error: " } else { "" };
        document.set_title(&format!("{prefix}{page} – Anchorpoint"));
    }
}

/// Moves keyboard focus to the element with this id, once it is on the page.
pub fn focus_id(id: &'static str) {
    focus_element(id.to_owned());
}

/// Like [`focus_id`], for an id built at run time.
pub fn focus_element(id: String) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Runs `f` in a task of its own, queued now, so the browser can paint and answer a key
/// or a click in between. Queued as a message to itself rather than a zero-delay timer:
/// the journeys hold the app's zero-delay timers (the work left for after the first
/// frame) to decide when it runs, and this is not that work.
pub fn in_next_task(f: impl FnOnce() + 'static) {
    let channel = channel::MessageChannel::new();
    // The closure holds the channel, so neither end is collected before the message.
    let held = channel.clone();
    let run = wasm_bindgen::closure::Closure::once_into_js(move || {
        drop(held);
        f();
    });
    let receiver = channel.port1();
    receiver.set_onmessage(&run);
    channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
}

/// The three calls [`in_next_task`] makes, bound without web-sys's error handling: a
/// new channel and a message of `null` cannot fail. 440 bytes of first load (gzip)
/// fewer than web-sys's `MessageChannel` and `MessagePort` (2026-12-07).
mod channel {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[derive(Clone)]
        pub type MessageChannel;
        #[wasm_bindgen(constructor)]
        pub fn new() -> MessageChannel;
        #[wasm_bindgen(method, getter)]
        pub fn port1(this: &MessageChannel) -> MessagePort;
        #[wasm_bindgen(method, getter)]
        pub fn port2(this: &MessageChannel) -> MessagePort;

        pub type MessagePort;
        #[wasm_bindgen(method, setter)]
        pub fn set_onmessage(this: &MessagePort, handler: &JsValue);
        #[wasm_bindgen(method, js_name = postMessage)]
        pub fn post_message(this: &MessagePort, message: &JsValue);
    }
}

/// Runs `f` a second after the next frame: for fetching what the page may want soon but
/// does not need to draw (the compressor, search). A fetch started before the largest
/// paint is counted by Lighthouse's simulated phone as something that paint waited for:
/// started from the first frame's own callback, fetching the compressor and search took
/// the empty journal's simulated LCP from 2.4 to 3.1 to 3.4 s, and from the frame after
/// it still to 2.9 s once (2026-12-07; the paint is reported after the frame). What
/// needs them sooner asks for them itself (a page change, a search typed). Not a
/// zero-delay timer, which journeys that hold the app's zero-delay timers would count.
pub fn soon_after_first_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::from_secs(1));
    });
}

/// How long one task may spend on work left for after start-up (decoding the rest of the
/// journal, building the search index) before the page takes its turn. Timed, not
/// counted: a fixed 100 reflections a task ran 75 to 160 ms on Lighthouse's slow phone
/// (1,000 reflections, 2026-12-06), each past the 50 ms after which a task holds up the
/// worker's next key. 8 ms here stays under it on a phone four times slower than this
/// machine.
pub const SLICE_MS: f64 = 8.0;

/// Milliseconds on the page's monotonic clock (`performance.now()`), for timing slices of
/// work. 0 if the browser has none (every browser Anchorpoint runs in has one): a timed
/// loop then never sees time pass and finishes its work in one task, as before slicing.
pub fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Leaves a named mark on the page's performance timeline, for the browser benchmarks
/// to read (`performance.getEntriesByName`). Costs a few microseconds; records nothing
/// anywhere else.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Offers `contents` as a file download. Nothing is sent anywhere: the browser saves a
/// local blob. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, contents: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(filename);
        link.click();
        // Revoking at once can cancel a large download before the browser has read the
        // blob, so the URL is released a minute later instead.
        let release = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
        Some(())
    };
    run().is_some()
}

thread_local! {
    static ASKED_TO_KEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the browser has promised to keep this site's storage when the device runs
/// short of space (`navigator.storage.persisted()`), asking for the promise first when
/// `ask` (`persist()`: Chromium decides by itself, Firefox asks the person). `answer`
/// gets `None` where the browser cannot say.
pub fn keep_storage(ask: bool, answer: impl FnOnce(Option<bool>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return answer(None);
    };
    let promise = if ask {
        ASKED_TO_KEEP.set(true);
        manager.persist()
    } else {
        manager.persisted()
    };
    let Ok(promise) = promise else {
        return answer(None);
    };
    let answer = Rc::new(RefCell::new(Some(answer)));
    let given = answer.clone();
    let on_answer = Closure::once(move |value: JsValue| {
        if let Some(answer) = given.borrow_mut().take() {
            answer(value.as_bool());
        }
    });
    let on_error = Closure::once(move |_: JsValue| {
        if let Some(answer) = answer.borrow_mut().take() {
            answer(None);
        }
    });
    let _ = promise.then2(&on_answer, &on_error);
    on_answer.forget();
    on_error.forget();
}

/// Asks once per visit, after the worker has saved something worth keeping.
pub fn ask_to_keep_storage_once() {
    if !ASKED_TO_KEEP.get() {
        keep_storage(true, |_| {});
    }
}

/// Starts the app again at `path`, as a fresh page load: for switching a tab between
/// the journal and a workshop, whose store is chosen once at start-up.
pub fn restart_at(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
}
