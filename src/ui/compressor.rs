//! The DEFLATE compressor, fetched a second after the first frame. Reading the journal
//! needs only the decompressor, and nothing is written before the worker acts, so in the
//! release build the compressor is a chunk of its own (`split_compressor`), not part of
//! the first load. Until it arrives (or if it cannot be fetched), a write is saved whole
//! as the JSON envelope as it is (`storage::codec::Compact::encode_with`), and the
//! record's next write compresses it. Without the `split` feature the compressor is
//! always there and this does nothing.

/// Fetches the compressor's chunk unless it has arrived or is on its way. Called after
/// the first frame and again on each page change, so a fetch that failed (offline before
/// the service worker kept the chunk) is tried again.
pub fn fetch() {
    #[cfg(feature = "split")]
    {
        use std::cell::Cell;
        thread_local! {
            static ON_ITS_WAY: Cell<bool> = const { Cell::new(false) };
        }
        if crate::storage::codec::compressor::get().is_some()
            || ON_ITS_WAY.with(|w| w.replace(true))
        {
            return;
        }
        leptos::task::spawn_local(async {
            use leptos::wasm_split::wasm_split;
            #[wasm_split(compressor, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn compressor(
            ) -> Result<crate::storage::codec::Deflate, ::leptos::wasm_split::SplitLoaderError>
            {
                Ok(crate::storage::codec::deflate)
            }
            if let Ok(deflate) = compressor().await {
                crate::storage::codec::compressor::arrived(deflate);
            }
            ON_ITS_WAY.with(|w| w.set(false));
        });
    }
}

/// [`fetch`] a second after the first frame (`browser::soon_after_first_paint`).
pub fn fetch_after_first_frame() {
    crate::ui::browser::soon_after_first_paint(fetch);
}
