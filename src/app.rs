//! The root component: loads state, provides it, and lays out the today screen.

use crate::components::check_in_form_editing;
use crate::components::{
    tr, BackupReminder, BaselineCard, CheckInForm, CheckScreen, CoachSection, DataPanel, LearnDocs,
    LearnScreen, OfferCheck, PhysioPage, PlanLinkState, PlanOffer, PlanOutcome, ProgressScreen,
    RecentCheckIns, SafetyBanner, StorageNotices, SummaryScreen, Welcome,
};
use crate::i18n::progress::{ptext, P};
use crate::i18n::T;
use crate::platform;
use crate::route::Route;
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

    // The screen follows the URL fragment; a first visit without data opens the welcome.
    let route = RwSignal::new(Route::parse(&platform::hash()));
    provide_context(route);
    provide_context(LearnDocs(RwSignal::new(None)));
    // A plan link (`#plan=…`) is shown before anything else, until it is answered.
    let plan_link = PlanLinkState::new(&platform::hash());
    provide_context(plan_link);
    platform::on_hash_change(move |h| {
        plan_link.follow(&h);
        route.set(Route::parse(&h));
        platform::scroll_top();
    });
    let fresh = state.profile.with_untracked(|p| !p.first_visit_done)
        && state
            .diary
            .with_untracked(|d| d.is_empty() && d.session_count() == 0)
        && state.activities.with_untracked(|a| a.activities.is_empty());
    // Only when no screen was asked for: a link to a screen opens that screen.
    if fresh && platform::hash().is_empty() {
        route.set(Route::Welcome);
    }

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
        <Nav />
        <StorageNotices />
        <SafetyBanner />
        <main id="main">
            {move || if let Some(fragment) = plan_link.pending.get() {
                view! { <PlanOffer fragment=fragment /> }.into_any()
            } else { match route.get() {
                Route::Today => view! {
                    <PlanOutcome />
                    <OfferCheck />
                    <BackupReminder />
                    <CheckInForm />
                    <CoachSection />
                    <BaselineCard />
                    <RecentCheckIns />
                    <DataPanel />
                }.into_any(),
                Route::Progress => view! { <ProgressScreen /> }.into_any(),
                Route::Learn(page) => view! { <LearnScreen page=page /> }.into_any(),
                Route::Check => view! { <CheckScreen /> }.into_any(),
                Route::Welcome => view! { <Welcome /> }.into_any(),
                Route::Summary => view! { <SummaryScreen /> }.into_any(),
                Route::Physio => view! { <PhysioPage /> }.into_any(),
            }}}
        </main>
    }
}

/// The main navigation: one tap to every screen, the warning-sign check included.
#[component]
fn Nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let route = expect_context::<RwSignal<Route>>();
    let link = move |to: Route, label: Signal<&'static str>| {
        let href = to.href();
        let current = move || {
            let r = route.get();
            let same = match (&r, &to) {
                (Route::Learn(_), Route::Learn(_)) => true,
                _ => r == to,
            };
            same.then_some("page")
        };
        view! { <li><a href=href aria-current=current>{move || label.get()}</a></li> }
    };
    view! {
        <nav class="nav no-print" aria-label=tr(state, T::NavLabel)>
            <ul>
                {link(Route::Today, Signal::derive(tr(state, T::NavToday)))}
                {link(Route::Progress, Signal::derive(move || ptext(state.lang.get(), P::Nav)))}
                {link(Route::Learn(None), Signal::derive(tr(state, T::NavLearn)))}
                {link(Route::Check, Signal::derive(tr(state, T::NavCheck)))}
                {link(Route::Summary, Signal::derive(move || crate::i18n::summary::stext(state.lang.get(), crate::i18n::summary::S::Nav)))}
            </ul>
        </nav>
    }
}
