use super::tr;
use crate::i18n::transfer::X;
use crate::i18n::{text, T};
use crate::platform;
use crate::route::Route;
use crate::state::AppState;
use crate::storage::Persist;
use leptos::prelude::*;

use super::BackupPanel;

/// Where the data lives, what the browser promised about keeping it, a download of
/// everything stored, backups (export, CSV, import) and the link to the physio page.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let persist_text = move || {
        let key = match state.persist.get() {
            Persist::Asking => T::PersistAsking,
            Persist::Granted => T::PersistGranted,
            Persist::Denied => T::PersistDenied,
            Persist::Unsupported => T::PersistUnsupported,
        };
        text(state.lang.get(), key)
    };
    let download = move |_| {
        let name = format!("trinvis-data-{}.json", crate::clock::today().iso());
        platform::download(&name, &state.rescue_file(), "application/json");
    };
    view! {
        <section class="card" aria-labelledby="data-h">
            <h2 id="data-h">{tr(state, T::DataHeading)}</h2>
            <p>{tr(state, T::DataWhere)}</p>
            <p role="status" class="persist">{persist_text}</p>
            <button type="button" on:click=download>{tr(state, T::DownloadAll)}</button>
            <BackupPanel />
            <p class="physio-link"><a href=Route::Physio.href()>{tr(state, X::ToPhysio)}</a></p>
        </section>
    }
}
