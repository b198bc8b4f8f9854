//! The root component: loads state, provides it, and lays out the today screen.

use crate::components::check_in_form_editing;
use crate::components::{
    tr, BaselineCard, CheckInForm, CoachSection, DataPanel, RecentCheckIns, StorageNotices,
};
use crate::i18n::T;
use crate::platform;
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;
use trinvis_core::time::Lang;

/// The app. Storage is read once here; everything else reads the signals.
#[component]
pub fn App() -> impl IntoView {
    let (state, rest) = AppState::load();
    provide_context(state);
    provide_context(check_in_form_editing());
    storage::on_other_tab_change(move |key| state.reload_key(key));
    state.request_persistence();
    // The rest of the diary loads after the first paint.
    leptos::task::spawn_local(async move {
        platform::next_tick().await;
        state.load_rest(rest);
    });

    let switch = move |_| {
        let next = match state.lang.get_untracked() {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        };
        // The switch applies even if it cannot be remembered (storage unavailable).
        let _ = state.set_lang(next);
    };
    let other_lang = move || match state.lang.get() {
        Lang::Da => "en",
        Lang::En => "da",
    };

    view! {
        <header class="top">
            <div class="brand">
                <h1>"Trinvis"</h1>
                <p class="tagline">{tr(state, T::AppTagline)}</p>
            </div>
            <button type="button" class="lang" lang=other_lang on:click=switch aria-label=tr(state, T::SwitchLanguageLabel)>
                {tr(state, T::SwitchLanguage)}
            </button>
        </header>
        <StorageNotices />
        <main id="main">
            <CheckInForm />
            <CoachSection />
            <BaselineCard />
            <RecentCheckIns />
            <DataPanel />
        </main>
    }
}
