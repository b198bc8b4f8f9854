//! The first visit: what the app is and is not, the conditions, the warning-sign check, a
//! first check-in and optionally a first activity. Every step can be skipped, and the
//! whole welcome is reachable again from the learn screen.

use super::{tr, ActivityForm, CheckInForm, WarningCheck};
use crate::i18n::{self, condition_key, fill, text, T};
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::safety::Condition;

/// Number of steps of the welcome.
const STEPS: usize = 5;

/// The welcome, one step at a time.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let route = expect_context::<RwSignal<Route>>();
    let step = RwSignal::new(1usize);
    let notice = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let finish = move || {
        match state.update_profile(|p| p.first_visit_done = true) {
            Ok(()) => {}
            Err(e) => error.set(i18n::storage_error(state.lang.get_untracked(), &e).into()),
        }
        // The today screen opens even when the flag could not be saved.
        route.set(Route::Today);
        crate::platform::set_hash(&Route::Today.href());
    };
    let next = move |_| {
        if step.get_untracked() >= STEPS {
            finish();
        } else {
            step.update(|s| *s += 1);
            crate::platform::scroll_top();
        }
    };
    let toggle = move |c: Condition, on: bool| {
        let r = state.update_profile(|p| {
            p.conditions.retain(|x| *x != c);
            if on {
                p.conditions.push(c);
            }
        });
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
    let body = move || match step.get() {
        1 => view! {
            <p>{tr(state, T::WelcomeWhat)}</p>
            <p>{tr(state, T::WelcomeNot)}</p>
            <p>{tr(state, T::WelcomePrivate)}</p>
        }
        .into_any(),
        2 => view! {
            <fieldset>
                <legend>{tr(state, T::ConditionsLegend)}</legend>
                <p class="hint">{tr(state, T::ConditionsHint)}</p>
                <ul class="chips">{conditions()}</ul>
            </fieldset>
        }
        .into_any(),
        3 => view! {
            <h3>{tr(state, T::CheckHeading)}</h3>
            <WarningCheck />
        }
        .into_any(),
        4 => view! { <CheckInForm /> }.into_any(),
        _ => view! {
            <h3>{tr(state, T::WelcomeActivity)}</h3>
            <p class="hint">{tr(state, T::WelcomeActivityHint)}</p>
            <ActivityForm notice=notice />
            <p class="status" role="status">{move || notice.get()}</p>
        }
        .into_any(),
    };
    let step_text = move || {
        fill(
            text(state.lang.get(), T::WelcomeStep),
            &[("n", &step.get().to_string()), ("of", &STEPS.to_string())],
        )
    };
    view! {
        <section class="card welcome" aria-labelledby="welcome-h">
            <h2 id="welcome-h">{tr(state, T::WelcomeHeading)}</h2>
            <p class="hint" aria-live="polite">{step_text}</p>
            {body}
            <div class="actions">
                <button type="button" class="primary" on:click=next>
                    {move || tr(state, if step.get() >= STEPS { T::Finish } else { T::Next })()}
                </button>
                <Show when=move || (2..STEPS).contains(&step.get())>
                    <button type="button" on:click=next>{tr(state, T::Skip)}</button>
                </Show>
                <Show when=move || step.get() == 1>
                    <button type="button" on:click=move |_| finish()>{tr(state, T::SkipWelcome)}</button>
                </Show>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
