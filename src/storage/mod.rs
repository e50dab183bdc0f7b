//! The storage adapter: the only code that reads or writes the browser's local storage.
