//! The storage adapter: the only code that reads or writes the browser's local storage.
//! [`Store`] keeps one key per entry plus an index of ids, wraps every record in the
//! versioned envelope from [`crate::core::record`], reads every write back to check it,
//! and turns browser failures into typed [`StorageError`]s. Values it cannot read are set
//! aside, never deleted, and reported in [`Loaded::problems`]. The key–value
//! [`Backend`] is implemented only here: by [`LocalStorage`] in the browser and by
//! [`MemoryBackend`] for native tests.

mod backend;
mod store;

pub use backend::{Backend, BackendError, LocalStorage, MemoryBackend};
pub use store::{
    Collection, Collections, DraftSlot, Loaded, Problem, Record, StorageError, Store, DRAFT_PREFIX,
    ENTRY_PREFIX, INDEX_KEY, PREFIX, SET_ASIDE_PREFIX,
};
