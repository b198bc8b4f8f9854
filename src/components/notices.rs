use super::tr;
use crate::i18n::today::Today;
use crate::platform;
use crate::state::AppState;
use leptos::prelude::*;

/// Plain-words notices about storage: unavailable, newer data (read-only), text that could
/// not be read (kept in place, or quarantined), a language switch that was not remembered.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let n = state.notices;
    let download_quarantine = move |_| {
        let name = format!("trinvis-ulaeselig-{}.json", crate::clock::today().iso());
        platform::download(&name, &state.quarantine_file(), "application/json");
    };
    view! {
        <div class="notices">
            <Show when=move || n.with(|n| n.unavailable)>
                <div class="notice" role="alert">
                    <p>{tr(state, Today::StorageUnavailableNotice)}</p>
                </div>
            </Show>
            <Show when=move || n.with(|n| n.newer)>
                <div class="notice" role="alert">
                    <p>{tr(state, Today::NewerSchemaNotice)}</p>
                    <button type="button" on:click=|_| platform::reload()>{tr(state, Today::Reload)}</button>
                </div>
            </Show>
            <Show when=move || n.with(|n| n.unreadable || n.lang_unsaved.is_some())>
                <div class="notice" role="alert">
                    <p>{move || crate::i18n::text(state.lang.get(), if n.with(|n| n.unreadable) { Today::UnreadableKeptNotice } else { Today::LangUnsavedNotice })}</p>
                </div>
            </Show>
            <Show when=move || n.with(|n| !n.quarantined.is_empty())>
                <div class="notice" role="alert">
                    <p>{tr(state, Today::QuarantineNotice)}</p>
                    <button type="button" on:click=download_quarantine>{tr(state, Today::QuarantineDownload)}</button>
                </div>
            </Show>
        </div>
    }
}
