//! "Mere" (#/more): the language, the pages that are not daily tasks, and "Dine data";
//! the diary page (#/diary) with every check-in; the language switch itself.

use super::icons::{icon, Icon};
use super::{tr, CheckInForm, DataPanel, Editing, RecentCheckIns};
use crate::i18n::shell::Sh;
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;

/// The button that switches between Danish and English. Its label is in the other
/// language, so a patient who cannot read this one still finds it.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let switch = move |_| {
        // The other language's texts first (`crate::i18n::apart`: at once when they are
        // there). The switch applies even if it cannot be remembered (storage unavailable),
        // and even if the texts could not be fetched: each text then shows in the language
        // that is there.
        let to = state.lang.get_untracked().other();
        if crate::i18n::apart::ready(to) {
            let _ = state.set_lang(to);
        } else {
            leptos::task::spawn_local(async move {
                crate::i18n::apart::ensure(to).await;
                let _ = state.set_lang(to);
            });
        }
    };
    let other_lang = move || state.lang.get().other().code();
    view! {
        <button type="button" class="lang" lang=other_lang on:click=switch aria-label=tr(state, Sh::SwitchLanguageLabel)>
            {tr(state, Sh::SwitchLanguage)}
        </button>
    }
}

/// The "Mere" screen.
#[component]
pub fn MoreScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = move |to: Route, which: Icon, key: Sh| {
        view! {
            <li>
                <a href=to.href()>{icon(which)}<span>{tr(state, key)}</span></a>
            </li>
        }
    };
    view! {
        <section class="card more" aria-labelledby="more-h">
            <h2 id="more-h">{tr(state, Sh::MoreHeading)}</h2>
            <div class="lang-row">
                <h3 id="lang-h">{tr(state, Sh::LanguageHeading)}</h3>
                <LangSwitch />
            </div>
            <nav aria-label=tr(state, Sh::MoreLinksLabel)>
                <ul class="more-links">
                    {link(Route::Diary, Icon::CheckIn, Sh::MoreDiary)}
                    {link(Route::Summary, Icon::Progress, Sh::MoreSummary)}
                    {link(Route::Check, Icon::Shield, Sh::MoreCheck)}
                    {link(Route::Physio, Icon::Training, Sh::MorePhysio)}
                    {link(Route::Welcome, Icon::Learn, Sh::MoreWelcome)}
                </ul>
            </nav>
        </section>
        <DataPanel />
    }
}

/// The diary: every check-in, day by day; "Ret" opens the form here, above the list.
#[component]
pub fn DiaryScreen() -> impl IntoView {
    let editing = expect_context::<Editing>().0;
    // The form stays once opened, so its confirmation stays in view after the save.
    let form_open = RwSignal::new(false);
    Effect::new(move |_| {
        if editing.get().is_some() {
            form_open.set(true);
        }
    });
    view! {
        <Show when=move || form_open.get()>
            <CheckInForm />
        </Show>
        <RecentCheckIns />
    }
}
