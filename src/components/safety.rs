//! The warning-sign check (domain.md §8): the check itself, the banner every screen shows
//! while a sign is ticked, and the offer to take the check again on the today screen.
//! The rules (urgent signs, clearing, when to offer) are `trinvis_core::safety` calls.

use super::tr;
use crate::clock;
use crate::i18n::check::sign_key;
use crate::i18n::check::Check;
use crate::i18n::{self, fill, text};
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::diary;
use trinvis_core::safety::{
    neck_wording, should_offer_check, signs_for, Answer, ClearReason, Ending, OfferReason,
    SafetyStatus, WarningSign, EMERGENCY_PHONE, LAEGEVAGT_HOVEDSTADEN_PHONE,
};

/// The questions (seven, eight for the neck conditions), each a yes/no pair saved at
/// once, and the outcome in plain words. Used on its own screen and inside the first
/// visit. While a sign is ticked, the alert with the numbers to call comes first.
#[component]
pub fn WarningCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(String::new());
    let answer = move |sign: WarningSign, a: Answer| match state.answer_sign(sign, a) {
        Ok(()) => error.set(String::new()),
        Err(e) => error.set(i18n::storage_error(state.lang.get_untracked(), &e).into()),
    };
    let clear = move |sign: WarningSign, reason: ClearReason| {
        if let Err(e) = state.clear_sign(sign, reason) {
            error.set(i18n::storage_error(state.lang.get_untracked(), &e).into());
        }
    };
    // Which signs are asked and in which wording; a Memo, so answering does not rebuild
    // the rows (and the pressed button keeps its focus).
    let asked = Memo::new(move |_| {
        state.profile.with(|p| {
            (
                signs_for(&p.conditions, &p.check),
                neck_wording(&p.conditions),
            )
        })
    });
    let row = move |sign: WarningSign, neck: bool| {
        let current = move || state.profile.with(|p| p.check.answer(sign));
        let cleared = move || state.profile.with(|p| p.check.cleared_how(sign));
        let button = move |a: Answer, label: Check| {
            view! {
                <button
                    type="button"
                    class="yes-no"
                    aria-pressed=move || if current() == a { "true" } else { "false" }
                    on:click=move |_| answer(sign, a)
                >
                    {tr(state, label)}
                </button>
            }
        };
        let clear_buttons = move || {
            sign.clear_reasons()
                .iter()
                .map(|reason| {
                    let reason = *reason;
                    let label = match reason {
                        ClearReason::DoctorSeen => Check::ClearDoctor,
                        ClearReason::Passed => Check::ClearPassed,
                    };
                    view! {
                        <button type="button" class="quiet" on:click=move |_| clear(sign, reason)>
                            {tr(state, label)}
                        </button>
                    }
                })
                .collect_view()
        };
        view! {
            <fieldset class="sign">
                <legend>{tr(state, sign_key(sign, neck))}</legend>
                <div class="yes-no-pair">{button(Answer::Yes, Check::Yes)}{button(Answer::No, Check::No)}</div>
                <Show when=move || current() == Answer::Yes>
                    {move || match cleared() {
                        Some(how) => {
                            let key = match how {
                                Ending::Cleared(ClearReason::DoctorSeen) => Check::ClearedDoctor,
                                Ending::Cleared(ClearReason::Passed) => Check::ClearedPassed,
                                _ => Check::ClearedEither,
                            };
                            view! { <p class="hint">{tr(state, key)}</p> }.into_any()
                        }
                        None => view! {
                            <div class="clear-sign">
                                <div class="actions">{clear_buttons()}</div>
                                {sign.is_urgent().then(|| view! { <p class="hint">{tr(state, Check::ClearUrgentNote)}</p> })}
                            </div>
                        }
                        .into_any(),
                    }}
                </Show>
            </fieldset>
        }
    };
    let questions = move || {
        let (signs, neck) = asked.get();
        signs.into_iter().map(|sign| row(sign, neck)).collect_view()
    };
    let outcome = move || {
        let lang = state.lang.get();
        let (status, missing) = state
            .profile
            .with(|p| (p.check.status(), p.check.unanswered(&asked.get().0).len()));
        let missing = (missing > 0 && status != SafetyStatus::NotTaken).then(|| {
            view! { <p class="hint">{fill(text(lang, Check::CheckMissing), &[("n", &missing.to_string())])}</p> }
        });
        let none = (status == SafetyStatus::NoneTicked)
            .then(|| view! { <p class="outcome">{text(lang, Check::CheckNone)}</p> });
        view! { {none}{missing} }
    };
    // While a sign is ticked, what to do comes first, with numbers to tap.
    let alert = move || {
        let lang = state.lang.get();
        let SafetyStatus::Ticked { urgent, signs } = state.profile.with(|p| p.check.status())
        else {
            return None;
        };
        let neck = asked.get().1;
        Some(view! {
            <div class="warning" role="alert">
                <p class="warning-lead">{text(lang, if urgent { Check::CheckUrgent } else { Check::CheckSoon })}</p>
                <CallLinks urgent=urgent />
                <p>{text(lang, Check::CheckYesTo)}</p>
                <ul>{signs.into_iter().map(|s| view! { <li>{text(lang, sign_key(s, neck))}</li> }).collect_view()}</ul>
                <p class="hint">{text(lang, Check::CheckSummaryNote)}</p>
            </div>
        })
    };
    view! {
        <div class="sign-check">
            {alert}
            <p class="intro">{tr(state, Check::CheckIntro)}</p>
            {questions}
            {outcome}
            <p class="error" role="alert">{move || error.get()}</p>
        </div>
    }
}

/// Who to call, as links a phone dials with one tap: 112 for an urgent sign, the
/// patient's own doctor (number on the health card), and lægevagten out of hours.
#[component]
pub fn CallLinks(urgent: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let tel = |n: &str| format!("tel:{n}");
    let emergency = urgent.then(|| {
        view! {
            <li>
                <a class="call" href=tel(EMERGENCY_PHONE)>
                    {move || fill(text(state.lang.get(), Check::Call112), &[("n", EMERGENCY_PHONE)])}
                </a>
            </li>
        }
    });
    view! {
        <ul class="calls">
            {emergency}
            <li>{tr(state, Check::CallOwnDoctor)}</li>
            <li>
                <a class="call" href=tel(LAEGEVAGT_HOVEDSTADEN_PHONE)>
                    {move || fill(text(state.lang.get(), Check::CallLaegevagt), &[("n", LAEGEVAGT_HOVEDSTADEN_PHONE)])}
                </a>
                <span class="hint">{tr(state, Check::CallOtherRegions)}</span>
            </li>
        </ul>
    }
}

/// The check as its own screen.
#[component]
pub fn CheckScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="card" aria-labelledby="check-h">
            <h2 id="check-h">{tr(state, Check::CheckHeading)}</h2>
            <WarningCheck />
        </section>
    }
}

/// On every screen while a sign is ticked and not cleared: what to do, one tap from the
/// check. Red is used here and nowhere else.
#[component]
pub fn SafetyBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let route = expect_context::<RwSignal<Route>>();
    move || {
        let urgent = match state.profile.with(|p| p.check.status()) {
            SafetyStatus::Ticked { urgent, .. } => urgent,
            _ => return None,
        };
        let lang = state.lang.get();
        // The check screen shows the same alert first, with the numbers to call.
        if route.get() == Route::Check {
            return None;
        }
        Some(view! {
            <section class="notices banner-wrap" aria-label=text(lang, Check::BannerLabel)>
                <div class="warning">
                    <p class="warning-lead">{text(lang, if urgent { Check::BannerUrgent } else { Check::BannerSoon })}</p>
                    {urgent.then(|| view! {
                        <p><a class="call" href=format!("tel:{EMERGENCY_PHONE}")>
                            {fill(text(lang, Check::Call112), &[("n", EMERGENCY_PHONE)])}
                        </a></p>
                    })}
                    <p><a href=Route::Check.href()>{text(lang, Check::BannerLink)}</a></p>
                </div>
            </section>
        })
    }
}

/// On the today screen: the check offered again when today's pain jumped or a new body
/// area appeared, unless the check was answered today.
#[component]
pub fn OfferCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reason = Memo::new(move |_| {
        let today = clock::today();
        let answered_today = state.profile.with(|p| {
            p.check
                .answered_at()
                .is_some_and(|at| at.local_date() == today)
        });
        if answered_today {
            return None;
        }
        state.diary.with(|d| {
            // References, not copies: this runs after every save.
            let checkins: Vec<_> = d.iter().collect();
            let days = diary::days(checkins.iter().copied());
            should_offer_check(&days, &checkins, today)
        })
    });
    move || {
        let key = match reason.get()? {
            OfferReason::BadDay => Check::OfferBadDay,
            OfferReason::NewArea(_) => Check::OfferNewArea,
        };
        Some(view! {
            <section class="card offer" aria-label=tr(state, Check::CheckHeading)>
                <p>{tr(state, key)}</p>
                <p><a href=Route::Check.href()>{tr(state, Check::OfferLink)}</a></p>
            </section>
        })
    }
}
