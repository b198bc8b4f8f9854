//! The first visit: what the app is and is not, the conditions, the warning-sign check, a
//! first check-in and optionally a first activity. Each step has one primary button that
//! saves it and a "Spring over" link; the whole welcome is reachable again from "Mere".
//! After a physio's plan link was added on a first visit, a short welcome asks only for
//! the conditions and the check.

use super::{tr, ActivityForm, CheckInForm, WarningCheck};
use crate::i18n::check::condition_key;
use crate::i18n::check::Check;
use crate::i18n::shell::Sh;
use crate::i18n::welcome::Welcome;
use crate::i18n::{self, fill, text};
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::safety::Condition;

/// A step of the welcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Intro,
    Conditions,
    Check,
    CheckIn,
    Activity,
}

/// The full welcome.
const FULL: [Step; 5] = [
    Step::Intro,
    Step::Conditions,
    Step::Check,
    Step::CheckIn,
    Step::Activity,
];
/// The short welcome after a plan link: the plan already brought the activities.
const SHORT: [Step; 2] = [Step::Conditions, Step::Check];

/// The welcome, one step at a time; `short` after a physio's plan was added.
#[component]
pub fn Welcome(#[prop(optional)] short: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let route = expect_context::<RwSignal<Route>>();
    let steps: &'static [Step] = if short { &SHORT } else { &FULL };
    let index = RwSignal::new(0usize);
    let step = move || steps[index.get().min(steps.len() - 1)];
    let notice = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let finish = move || {
        match state.finish_welcome() {
            Ok(()) => {}
            Err(e) => error.set(i18n::storage_error(state.lang.get_untracked(), &e).into()),
        }
        // The today screen opens even when the flag could not be saved.
        route.set(Route::Today);
        crate::platform::set_hash(&Route::Today.href());
    };
    let next = move || {
        if index.get_untracked() + 1 >= steps.len() {
            finish();
        } else {
            index.update(|s| *s += 1);
            crate::platform::scroll_top();
        }
    };
    // An activity added on the last step ends the welcome: its button is the step's save.
    let activities_at_start = state.activities.with_untracked(|a| a.activities.len());
    Effect::new(move |_| {
        let n = state.activities.with(|a| a.activities.len());
        if step() == Step::Activity && n > activities_at_start {
            finish();
        }
    });
    let toggle = move |c: Condition, on: bool| {
        let r = state.choose_condition(c, on);
        if let Err(e) = r {
            error.set(i18n::storage_error(state.lang.get_untracked(), &e).into());
        }
    };
    let conditions = move || {
        Condition::ALL
            .into_iter()
            .map(|c| {
                let id = format!("cond-{}", c.id());
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=id.clone()
                            prop:checked=move || state.profile.with(|p| p.conditions.contains(&c))
                            on:change=move |ev| toggle(c, event_target_checked(&ev))
                        />
                        <label for=id>{tr(state, condition_key(c))}</label>
                    </li>
                }
            })
            .collect_view()
    };
    let body = move || match step() {
        Step::Intro => view! {
            <p>{tr(state, Welcome::WelcomeWhat)}</p>
            <p>{tr(state, Welcome::WelcomeNot)}</p>
            <p>{tr(state, Welcome::WelcomePrivate)}</p>
        }
        .into_any(),
        Step::Conditions => view! {
            <fieldset>
                <legend>{tr(state, Welcome::ConditionsLegend)}</legend>
                <p class="hint">{tr(state, Welcome::ConditionsHint)}</p>
                <ul class="chips">{conditions()}</ul>
            </fieldset>
        }
        .into_any(),
        Step::Check => view! {
            <h3>{tr(state, Check::CheckHeading)}</h3>
            <WarningCheck />
        }
        .into_any(),
        Step::CheckIn => {
            view! { <CheckInForm on_saved=Callback::new(move |_| next()) /> }.into_any()
        }
        Step::Activity => view! {
            <h3>{tr(state, Welcome::WelcomeActivity)}</h3>
            <p class="hint">{tr(state, Welcome::WelcomeActivityHint)}</p>
            <ActivityForm notice=notice finish=true />
            <p class="status" role="status">{move || notice.get()}</p>
        }
        .into_any(),
    };
    let step_text = move || {
        fill(
            text(state.lang.get(), Welcome::WelcomeStep),
            &[
                ("n", &(index.get() + 1).to_string()),
                ("of", &steps.len().to_string()),
            ],
        )
    };
    // One primary button per step; the check-in and the activity have their own (they save).
    let primary = move || {
        let label = match step() {
            Step::Intro => tr(state, Welcome::Next)(),
            Step::Conditions | Step::Check if index.get() + 1 >= steps.len() => {
                tr(state, Welcome::Finish)()
            }
            Step::Conditions | Step::Check => tr(state, Sh::SaveAndContinue)(),
            Step::CheckIn | Step::Activity => return None,
        };
        Some(
            view! { <button type="button" class="primary" on:click=move |_| next()>{label}</button> },
        )
    };
    let secondary = move || {
        match step() {
        Step::Intro => view! {
            <button type="button" class="link" on:click=move |_| finish()>{tr(state, Welcome::SkipWelcome)}</button>
        }
        .into_any(),
        _ => view! {
            <button type="button" class="link" on:click=move |_| next()>{tr(state, Sh::SkipStep)}</button>
        }
        .into_any(),
    }
    };
    let heading = move || {
        if short {
            tr(state, Sh::PlanWelcomeHeading)()
        } else {
            tr(state, Welcome::WelcomeHeading)()
        }
    };
    view! {
        <section class="card welcome" aria-labelledby="welcome-h">
            <h2 id="welcome-h">{heading}</h2>
            {short.then(|| view! { <p>{tr(state, Sh::PlanWelcomeIntro)}</p> })}
            <p class="hint" aria-live="polite">{step_text}</p>
            {body}
            <div class="actions">
                {primary}
                {secondary}
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
