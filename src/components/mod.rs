//! Components: each renders state and sends user intent to [`crate::state::AppState`].

mod backup;
mod baseline;
pub mod check_in_form;
mod coach;
mod data_panel;
pub mod icons;
pub mod lazy;
mod learn;
pub mod more;
mod notices;
mod physio;
mod plan;
mod progress;
mod recent;
mod safety;
mod score_picker;
mod summary;
mod welcome;

pub use backup::{BackupPanel, BackupReminder};
pub use baseline::BaselineCard;
pub use check_in_form::{CheckInForm, Editing, MoreFields, MoreSignals};
pub use coach::{ActivityForm, CoachSection};
pub use learn::{Docs as LearnDocs, LearnScreen};
pub use physio::PhysioPage;
pub use plan::{PhysioNote, PlanLinkState, PlanOffer, PlanOutcome};
pub use progress::ProgressScreen;
pub use safety::{CheckScreen, OfferCheck, SafetyBanner, WarningCheck};
pub use summary::SummaryScreen;
pub use welcome::Welcome;

/// A fresh "nothing being edited" context for the form and the list.
pub fn check_in_form_editing() -> Editing {
    Editing(RwSignal::new(None))
}
pub use data_panel::DataPanel;
pub use notices::StorageNotices;
pub use recent::RecentCheckIns;
pub use score_picker::ScorePicker;

use crate::i18n::{may_reassure_now, Both, Texts};
use crate::state::AppState;
use leptos::prelude::*;

/// The contents of a closed panel or disclosure, built by `build` when `open()` first turns
/// true and kept from then on: a screen builds only what shows (a returning patient's today
/// screen held four times more hidden elements than visible ones). Kept after closing, so
/// what was typed stays and reopening costs nothing; built untracked, so nothing `build`
/// reads rebuilds them.
pub fn built_when_opened<V: IntoView + 'static>(
    open: impl Fn() -> bool + Send + Sync + 'static,
    build: impl Fn() -> V + Send + Sync + 'static,
) -> impl Fn() -> Option<V> + Send + Sync + 'static {
    let seen = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || open());
    move || seen.get().then(|| untrack(&build))
}

/// A reactive text in the current language: the one call style of every screen, for a key
/// of any area's table (`crate::i18n::Texts`).
pub fn tr<K: Texts>(
    state: AppState,
    key: K,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    // Looked up here, so every table shares one closure type (one copy of the view code
    // that renders it in the wasm, whatever the key's enum).
    reactive(state, key.into(), key.calm_twin().map(Both::from))
}

/// The closure of [`tr`]: `calm` replaces `plain` while a warning sign is ticked.
fn reactive(
    state: AppState,
    plain: Both,
    calm: Option<Both>,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || {
        // Reassuring texts change when a warning sign is ticked (`Texts::calm_twin`).
        state.profile.track();
        let lang = state.lang.get();
        match calm {
            Some(c) if !may_reassure_now() => c.get(lang),
            _ => plain.get(lang),
        }
    }
}

/// One labelled text input with an optional hint, bound to `value`: the field every form
/// uses. `mode` is the phone keyboard (`"text"`, `"decimal"`, `"numeric"`), `list` an
/// optional datalist id.
pub fn text_field(
    id: String,
    label: Signal<&'static str>,
    hint: Option<Signal<&'static str>>,
    value: RwSignal<String>,
    mode: &'static str,
    list: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                type="text"
                inputmode=mode
                autocomplete="off"
                list=list
                aria-describedby=hint.map(|_| hint_id)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
