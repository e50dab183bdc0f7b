//! The Leptos user interface: pages and components. The only code that holds signals.
