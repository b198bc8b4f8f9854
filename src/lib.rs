//! Trinvis, the browser shell: Leptos components, browser storage, the clock and the texts.
//!
//! The rules live in `trinvis-core` (no web types). This crate renders state and turns user
//! intent into core actions; see ARCHITECTURE.md for the module map and the data flow.

pub mod app;
pub mod clock;
pub mod components;
pub mod i18n;
pub mod platform;
pub mod route;
pub mod state;
pub mod storage;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    platform::install_panic_hook();
    platform::remove_boot_placeholder();
    leptos::mount::mount_to_body(app::App);
    platform::mark("trinvis:interactive");
    platform::notify_started();
}
