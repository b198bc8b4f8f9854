//! The root component: loads state, provides it, and lays out the app shell (top bar,
//! bottom tabs) and the today screen.

use crate::components::check_in_form_editing;
use crate::components::icons::{icon, Icon};
use crate::components::lazy;
use crate::components::more::LangSwitch;
use crate::components::{
    tr, BaselineCard, CheckInForm, LearnDocs, OfferCheck, PlanLinkState, SafetyBanner,
    StorageNotices,
};
use crate::i18n::shell::Sh;
use crate::platform;
use crate::route::{Route, Tab};
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;
use trinvis_core::diary::{self, Baseline};

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

    // After "Tilføj planen" on a first visit, the short welcome: conditions, then the check.
    Effect::new(move |prev: Option<bool>| {
        let pending = plan_link.pending.with(|p| p.is_some());
        // Only a plan that was added (not one declined or refused) leads on to the welcome.
        let added = plan_link.added.get();
        if prev == Some(true)
            && !pending
            && added
            && state.profile.with_untracked(|p| !p.first_visit_done)
        {
            route.set(Route::WelcomePlan);
            platform::replace_hash(&Route::WelcomePlan.href());
        }
        pending
    });

    // The tabs are hidden while the welcome or a plan link is shown; the language switch
    // then sits in the top bar, since "Mere" is out of reach.
    let tabs_hidden =
        move || plan_link.pending.with(|p| p.is_some()) || route.with(|r| r.hides_tabs());

    view! {
        <header class="top">
            <h1 class="brand">"Trinvis"</h1>
            <div class="top-actions">
                <Show when=tabs_hidden>
                    <LangSwitch />
                </Show>
                <a
                    class="shield"
                    href=Route::Check.href()
                    aria-label=tr(state, Sh::ShieldLabel)
                    aria-current=move || (route.get() == Route::Check).then_some("page")
                >
                    {icon(Icon::Shield)}
                </a>
            </div>
        </header>
        <StorageNotices />
        <SafetyBanner />
        <main id="main" class:with-tabs=move || !tabs_hidden()>
            {move || if let Some(fragment) = plan_link.pending.get() {
                lazy::plan_offer(fragment)
            } else { match route.get() {
                Route::Today => view! { <Today /> }.into_any(),
                Route::Progress => lazy::progress(),
                Route::Learn(page) => lazy::learn(page),
                Route::Check => lazy::check(),
                Route::Welcome => lazy::welcome(false),
                Route::WelcomePlan => lazy::welcome(true),
                Route::Summary => lazy::summary(),
                Route::Physio => lazy::physio(),
                Route::More => lazy::more(),
                Route::Diary => lazy::diary(),
            }}}
        </main>
        <Show when=move || !tabs_hidden()>
            <Tabs />
        </Show>
    }
}

/// The today screen: the check-in first, then the training, then slim notices; nothing
/// is ever placed above the check-in's buttons.
#[component]
fn Today() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The baseline card counts down on today only while it is not ready; the profile itself
    // lives on "Fremgang".
    let baseline_pending = Memo::new(move |_| {
        state.diary.with(|d| {
            matches!(
                diary::baseline(&diary::days(d.newest_first())),
                Baseline::Pending { .. }
            )
        })
    });
    view! {
        <CheckInForm />
        {lazy::plan_outcome()}
        {lazy::coach()}
        <OfferCheck />
        {lazy::backup_reminder()}
        <Show when=move || baseline_pending.get()>
            <BaselineCard />
        </Show>
    }
}

/// The bottom tab bar: four destinations, the current one marked.
#[component]
fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let route = expect_context::<RwSignal<Route>>();
    let tab = move |t: Tab| {
        let (which, key) = match t {
            Tab::Today => (Icon::CheckIn, Sh::TabToday),
            Tab::Progress => (Icon::Progress, Sh::TabProgress),
            Tab::Learn => (Icon::Learn, Sh::TabLearn),
            Tab::More => (Icon::More, Sh::TabMore),
        };
        let current = move || (route.with(|r| r.tab()) == Some(t)).then_some("page");
        view! {
            <li>
                <a href=t.route().href() aria-current=current>
                    {icon(which)}
                    <span>{tr(state, key)}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav class="tabs no-print" aria-label=tr(state, Sh::NavLabel)>
            <ul>{Tab::ALL.into_iter().map(tab).collect_view()}</ul>
        </nav>
    }
}
