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

/// Installs the panic hook and mounts the app on `<body>`: at once when the saved
/// language's texts are in the wasm (Danish, the default), else once they are fetched
/// (`i18n::apart`; the worker has them after the first visit). If they cannot be, the app
/// mounts anyway and shows each text in the language that is there.
pub fn start() {
    platform::install_panic_hook();
    let lang = storage::saved_lang();
    if i18n::apart::first_screen_ready(lang) {
        mount();
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            i18n::apart::ensure(lang).await;
            mount();
        });
    }
}

fn mount() {
    platform::remove_boot_placeholder();
    leptos::mount::mount_to_body(app::App);
    platform::mark("trinvis:interactive");
    platform::notify_started();
}
