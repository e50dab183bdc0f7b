//! The storage adapter: the only code that reads or writes the browser's local storage.
//! [`Store`] keeps one [`Namespace`]'s keys: one key per entry plus an index of ids,
//! every record the versioned envelope from [`crate::core::record`] passed through one
//! [`Codec`] with a revision, every change one all-or-nothing [`Batch`] read back to
//! check it, and browser failures turned into typed [`StorageError`]s. Values it cannot read are set
//! aside, never deleted, and reported in [`Loaded::problems`]. The key–value
//! [`Backend`] is implemented only here: by [`LocalStorage`] in the browser and by
//! [`MemoryBackend`] for native tests.

mod backend;
pub mod codec;
pub mod random;
mod session;
mod store;
pub mod supervisor;

pub use backend::{tab_id, watch_tab_id, Backend, BackendError, LocalStorage, MemoryBackend};
pub use codec::{Codec, Compact, PlainJson, Sealed};
pub use session::{set_tab_flag, tab_flag, TabFlag};
pub use store::{
    Batch, Collections, DraftFound, DraftSlot, Loaded, Namespace, OtherDraft, Problem,
    StorageError, Store, StoredCollection, PREFIX,
};
