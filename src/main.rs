//! The browser entry point: installs the panic hook and mounts the app. Nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(anchorpoint::ui::App);
}

// The UI is compiled for the browser only (see lib.rs); this stub keeps native
// `cargo build` and clippy working.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
