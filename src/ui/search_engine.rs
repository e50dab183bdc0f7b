//! The journal's search index and matching, out of the first load. The journal page
//! draws its list from the main module alone; building the index and answering a query
//! are a chunk of their own (`split_search`), fetched a second after the first frame (or
//! at once for a search typed or in the address), so the stemmer, the Unicode lowercase
//! table and the matching (17 KB of the first load's gzip, 2026-12-07) arrive after the
//! list is on screen. Until the chunk arrives a search shows "Searching your
//! reflections…"; if it cannot be fetched, it says so and offers to try again (as does
//! the next search typed). Without the `split` feature the engine is there from the
//! start.

#[cfg(feature = "split")]
use std::cell::Cell;

use crate::core::ids::EntryId;
use crate::core::journal::Journal;
use crate::core::search::{Query, SearchIndex};
use crate::core::threads::Threads;

/// What searching needs, as plain function pointers into the chunk.
#[derive(Clone, Copy)]
pub struct Engine {
    /// [`SearchIndex::index_more`].
    pub index_more: fn(&mut SearchIndex, &Journal, usize) -> bool,
    /// What `query` finds, with the holding threads as the entries' facts: among
    /// `earlier`'s results when it [narrows](Query::narrows) that query and they came
    /// from this same index ([`SearchIndex::search_among`]), or else in all of it.
    pub find: fn(&SearchIndex, &Query, &Threads, Option<Earlier<'_>>) -> Vec<EntryId>,
}

/// The last query and what it found, in the journal's order.
pub type Earlier<'a> = (&'a Query, &'a [EntryId]);

/// Where the search engine is.
#[derive(Clone, Copy)]
pub enum Found {
    /// Not asked for yet on this page.
    NotAsked,
    /// Being fetched.
    Loading,
    Ready(Engine),
    /// Its chunk could not be fetched; fetching again may work.
    Failed,
}

fn engine() -> Engine {
    Engine {
        index_more: |index, journal, count| index.index_more(journal, count),
        find: |index, query, threads, earlier| match earlier {
            Some((previous, among)) if query.narrows(previous) => {
                index.search_among(query, threads, among)
            }
            _ => index.search(query, threads),
        },
    }
}

#[cfg(feature = "split")]
thread_local! {
    /// The engine once its chunk has arrived in this tab: later visits to the journal
    /// page start with it.
    static ARRIVED: Cell<Option<Engine>> = const { Cell::new(None) };
}

/// The engine if it is here already.
pub fn arrived() -> Option<Engine> {
    #[cfg(feature = "split")]
    {
        ARRIVED.with(Cell::get)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(engine())
    }
}

/// Fetches the engine's chunk; `None` if it could not be fetched. A failed fetch is not
/// remembered, so calling this again tries again.
pub async fn load() -> Option<Engine> {
    if let Some(engine) = arrived() {
        return Some(engine);
    }
    #[cfg(feature = "split")]
    {
        use leptos::wasm_split::wasm_split;
        #[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn search() -> Result<Engine, ::leptos::wasm_split::SplitLoaderError> {
            Ok(engine())
        }
        let engine = search().await.ok()?;
        ARRIVED.with(|a| a.set(Some(engine)));
        Some(engine)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(engine())
    }
}
