use super::tr;
use crate::i18n::coach::Coach;
use crate::i18n::text;
use crate::i18n::transfer::X;
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
            Persist::Asking => Coach::PersistAsking,
            Persist::Granted => Coach::PersistGranted,
            Persist::Denied => Coach::PersistDenied,
            Persist::Unsupported => Coach::PersistUnsupported,
        };
        text(state.lang.get(), key)
    };
    let download = move |_| {
        let name = format!("trinvis-data-{}.json", crate::clock::today().iso());
        platform::download(&name, &state.rescue_file(), "application/json");
    };
    view! {
        <section class="card" aria-labelledby="data-h">
            <h2 id="data-h">{tr(state, Coach::DataHeading)}</h2>
            <p>{tr(state, Coach::DataWhere)}</p>
            <p role="status" class="persist">{persist_text}</p>
            <button type="button" on:click=download>{tr(state, Coach::DownloadAll)}</button>
            <BackupPanel />
            <p class="physio-link"><a href=Route::Physio.href()>{tr(state, X::ToPhysio)}</a></p>
        </section>
    }
}
