//! The one-page summary the patient brings to the physiotherapist (domain.md §10): built
//! by `trinvis_core::summary::build_summary`, laid out here for the screen and for one A4
//! page in print (black and white keeps its meaning: words and numbers, no colour codes).

use crate::clock;
use crate::i18n::check::{condition_key, sign_key};
use crate::i18n::format::date_short;
use crate::i18n::format::format_decimal;
use crate::i18n::progress::face_short;
use crate::i18n::summary::S;
use crate::i18n::{fill, text, unit_name};
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::progress::{ChartRange, GoalStatus, Pace, Responder};
use trinvis_core::rules::{BASELINE_DAYS, NON_RESPONDER_WEEKS, RECENT_DAYS};
use trinvis_core::safety::{neck_wording, ClearReason, Ending};
use trinvis_core::summary::{build_summary, Summary, SUMMARY_PERIODS};
use trinvis_core::time::Lang;

fn dec(x: Option<f64>, lang: Lang) -> String {
    x.map(|x| format_decimal(x, lang))
        .unwrap_or_else(|| text(lang, S::NoValue).to_string())
}

fn responder_text(r: &Responder, lang: Lang) -> String {
    let mut base_mean = 0.0;
    let (key, points, percent, weeks) = match *r {
        Responder::BaselineIncomplete { .. } => (S::RespBaseline, 0.0, 0, 0),
        Responder::TooFewRecent { .. } => (S::RespFew, 0.0, 0, 0),
        Responder::Responder {
            points, percent, ..
        } => (S::RespYes, points, percent, 0),
        Responder::NotYet {
            weeks,
            points,
            percent,
        } => (S::RespNotYet, points, percent, weeks),
        Responder::NonResponder { points, percent } => {
            (S::RespNo, points, percent, NON_RESPONDER_WEEKS)
        }
        Responder::LowBaseline {
            baseline_mean,
            points,
            percent,
        } => {
            base_mean = baseline_mean;
            (S::RespLow, points, percent, NON_RESPONDER_WEEKS)
        }
    };
    fill(
        text(lang, key),
        &[
            ("points", &format_decimal(points, lang)),
            ("percent", &percent.to_string()),
            ("weeks", &weeks.to_string()),
            ("base", &BASELINE_DAYS.to_string()),
            ("days", &RECENT_DAYS.to_string()),
            ("base_mean", &format_decimal(base_mean, lang)),
        ],
    )
}

/// The pain chart of the summary (the progress screen's figure, on the period's range).
/// The change as "−2,7 (44 %)" / "+1,0 (25 %)", or the empty mark.
fn change_text(s: &Summary, lang: Lang) -> String {
    match s.change {
        Some(c) => {
            let sign = if c.points > 0.0 {
                "−"
            } else if c.points < 0.0 {
                "+"
            } else {
                ""
            };
            format!(
                "{sign}{} ({} %)",
                format_decimal(c.points.abs(), lang),
                c.percent.unsigned_abs()
            )
        }
        None => text(lang, S::NoValue).into(),
    }
}

/// The pain chart since the start (the baseline labelled), whatever the period.
fn chart(s: &Summary, state: AppState, lang: Lang) -> impl IntoView {
    let days = state.diary.with(|d| trinvis_core::diary::days(d.iter()));
    super::progress::pain_figure(&days, s.baseline_mean, s.to, ChartRange::All, lang)
}

/// The summary screen at `#/summary`.
#[component]
pub fn SummaryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let period = RwSignal::new(SUMMARY_PERIODS[0]);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let periods = move || {
        let lang = state.lang.get();
        SUMMARY_PERIODS
            .into_iter()
            .zip([S::Weeks4, S::Weeks8, S::Weeks12])
            .map(|(days, key)| {
                view! {
                    <button
                        type="button"
                        aria-pressed=move || if period.get() == days { "true" } else { "false" }
                        on:click=move |_| period.set(days)
                    >
                        {text(lang, key)}
                    </button>
                }
            })
            .collect_view()
    };
    let body = move || {
        let lang = state.lang.get();
        let today = clock::today();
        let s = state.goals.with(|goals| {
            state.reviews.with(|reviews| {
                state.activities.with(|acts| {
                    state.profile.with(|profile| {
                        state.diary.with(|d| {
                            build_summary(
                                d,
                                acts,
                                &goals.goals,
                                &reviews.reviews,
                                profile,
                                today,
                                period.get(),
                            )
                        })
                    })
                })
            })
        });
        let t = |k: S| text(lang, k);
        // "None" and "not asked" never look alike.
        let checked = state
            .profile
            .with(|p| p.check.answered_at().map(|at| at.local_date()));
        let no_signs = s.signs.is_empty().then(|| {
            let line = match checked {
                Some(d) => fill(t(S::SignsNone), &[("date", &date_short(lang, d))]),
                None => t(S::SignsNotTaken).to_string(),
            };
            view! { <p class="signs-none">{line}</p> }
        });
        let signs = (!s.signs.is_empty()).then(|| {
            let items = s
                .signs
                .iter()
                .map(|l| {
                    let neck = neck_wording(&s.conditions);
                    let day = |d| date_short(lang, d);
                    let ended = match l.ended {
                        None => t(S::SignStill).to_string(),
                        Some((d, how)) => fill(t(sign_ending(how)), &[("date", &day(d))]),
                    };
                    view! {
                        <li>
                            {text(lang, sign_key(l.sign, neck))}
                            <br />
                            <span class="sign-when">
                                {fill(t(S::SignTicked), &[("date", &day(l.ticked))])}" "{ended}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="warning">
                    <p class="warning-lead">{t(S::SignsHeading)}</p>
                    <ul>{items}</ul>
                </div>
            }
        });
        let conditions = if s.conditions.is_empty() {
            t(S::NoConditions).to_string()
        } else {
            let names: Vec<&str> = s
                .conditions
                .iter()
                .map(|c| text(lang, condition_key(*c)))
                .collect();
            fill(t(S::Conditions), &[("list", &names.join(", "))])
        };
        let activities = if s.activities.is_empty() {
            view! { <p>{t(S::NoActivities)}</p> }.into_any()
        } else {
            let rows = s
                .activities
                .iter()
                .map(|l| {
                    let unit = unit_name(lang, &l.activity.unit).to_string();
                    let goal = l.goal.map(|g| g.format(lang)).unwrap_or_else(|| t(S::NoValue).into());
                    view! {
                        <tr>
                            <th scope="row">{l.activity.name.clone()}<span class="unit">" ("{unit}")"</span></th>
                            <td>{l.activity.baseline.format(lang)}</td>
                            <td>{l.current.format(lang)}</td>
                            <td>{goal}</td>
                            <td>{l.sessions}</td>
                            <td>{l.green}</td>
                            <td>{l.no}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0">
                <table class="acts">
                    <thead><tr>
                        <th scope="col">{t(S::ColActivity)}</th>
                        <th scope="col">{t(S::ColStart)}</th>
                        <th scope="col">{t(S::ColNow)}</th>
                        <th scope="col">{t(S::ColGoal)}</th>
                        <th scope="col">{t(S::ColSessions)}</th>
                        <th scope="col">{t(S::ColGreen)}</th>
                        <th scope="col">{t(S::ColNo)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
            }
            .into_any()
        };
        let goals = if s.goals.is_empty() {
            view! { <p>{t(S::NoGoals)}</p> }.into_any()
        } else {
            let items = s
                .goals
                .iter()
                .map(|(g, p)| {
                    let unit = state
                        .activities
                        .with(|a| {
                            a.find(&g.activity_id)
                                .map(|a| unit_name(lang, &a.unit).to_string())
                        })
                        .unwrap_or_default();
                    let amount =
                        |x: trinvis_core::coach::Amount| format!("{} {unit}", x.format(lang));
                    let status = match g.status {
                        GoalStatus::Reached(_) => format!("{}: ", t(S::GoalReached)),
                        GoalStatus::Dropped(_) => format!("{}: ", t(S::GoalDropped)),
                        GoalStatus::Active => String::new(),
                    };
                    let line = match p {
                        Some(p) => {
                            let pace = match p.pace {
                                Pace::OnTrack => S::PaceOnTrack,
                                Pace::Behind => S::PaceBehind,
                                Pace::Reached => S::PaceReached,
                                Pace::NoData => S::PaceNoData,
                            };
                            format!(
                                "{status}{} {}",
                                fill(
                                    t(S::GoalLine),
                                    &[
                                        ("situation", &g.situation),
                                        ("start", &amount(p.start)),
                                        ("current", &amount(p.current)),
                                        ("target", &amount(p.target)),
                                        ("left", &p.steps_left.to_string()),
                                        ("due", &date_short(lang, g.due)),
                                    ],
                                ),
                                t(pace)
                            )
                        }
                        None => format!("{status}{}", g.situation),
                    };
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        };
        let reviews = if s.review_weeks == 0 {
            view! { <p>{t(S::NoReviews)}</p> }.into_any()
        } else {
            let rows = s
                .reviews
                .iter()
                .map(|(face, [b, same, w])| {
                    view! {
                        <tr><th scope="row">{text(lang, face_short(*face))}</th><td>{*b}</td><td>{*same}</td><td>{*w}</td></tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>
                        <th scope="col">{t(S::ColFace)}</th>
                        <th scope="col">{t(S::ColBetter)}</th>
                        <th scope="col">{t(S::ColSame)}</th>
                        <th scope="col">{t(S::ColWorse)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
            }
            .into_any()
        };
        view! {
            <p class="fill-in">
                <span>{t(S::NameLine)}":"</span><span class="blank"></span>
                <span>{t(S::BirthLine)}":"</span><span class="blank short"></span>
            </p>
            <p class="period">{fill(t(S::Period), &[("from", &date_short(lang, s.from)), ("to", &date_short(lang, s.to))])}</p>
            {signs}
            {no_signs}
            <p>{conditions}</p>
            <h3>{t(S::PainHeading)}</h3>
            // Three big numbers: baseline -> last days = change (points and percent), as
            // the progress screen's first card computes them.
            <dl class="figures big">
                <div><dt>{t(S::Baseline)}</dt><dd>{dec(s.change.map(|c| c.from).or(s.baseline_mean), lang)}</dd></div>
                <div><dt>{fill(t(S::Recent), &[("days", &RECENT_DAYS.to_string())])}</dt><dd><span class="op" aria-hidden="true">"→ "</span>{dec(s.change.map(|c| c.to).or(s.recent_mean), lang)}</dd></div>
                <div><dt>{t(S::Change)}</dt><dd><span class="op" aria-hidden="true">"= "</span>{change_text(&s, lang)}</dd></div>
            </dl>
            <p class="hint">{format!("{} {} · {} {}", t(S::PeriodMean), dec(s.period_mean, lang), t(S::CheckinDays), s.checkin_days)}</p>
            <p class="resp-line">{responder_text(&s.responder, lang)}</p>
            {chart(&s, state, lang)}
            <h3>{t(S::ActivitiesHeading)}</h3>
            {activities}
            <h3>{t(S::GoalsHeading)}</h3>
            {goals}
            <h3>{fill(t(S::ReviewsHeading), &[("n", &s.review_weeks.to_string())])}</h3>
            {reviews}
            <p class="hint footer">{t(S::Footer)}</p>
        }
    };
    view! {
        <section class="card onepage" aria-labelledby="summary-h">
            <h2 id="summary-h">{move || text(state.lang.get(), S::Heading)}</h2>
            <p class="intro no-print">{move || text(state.lang.get(), S::Intro)}</p>
            <div class="no-print">
                <div class="actions" role="group" aria-label=move || text(state.lang.get(), S::PeriodLegend)>{periods}</div>
                <div class="actions">
                    <button type="button" class="primary" on:click=print>{move || text(state.lang.get(), S::Print)}</button>
                </div>
            </div>
            {body}
        </section>
    }
}

/// The summary's words for how a ticked sign ended.
fn sign_ending(how: Ending) -> S {
    match how {
        Ending::Cleared(ClearReason::DoctorSeen) => S::SignEndedDoctor,
        Ending::Cleared(ClearReason::Passed) => S::SignEndedPassed,
        Ending::AnswerChanged => S::SignEndedNo,
        Ending::PassedOrDoctor => S::SignEndedEither,
    }
}
