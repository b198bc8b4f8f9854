//! The progress screen (domain.md §6, §7): the responder status in plain words, the weekly
//! review of the six faces of progress, SMART goals with their progress, and three charts.
//! Every rule and all chart geometry is a core call; this file only renders. The three
//! charts share one drawing function ([`chart`]), fed from ready-made path strings.

use super::tr;
use crate::clock;
use crate::i18n::format::date_long;
use crate::i18n::format::format_decimal;
use crate::i18n::progress::{
    amount_sentence, face_key, face_short, goal_save_error, label, review_sentence, trend_sentence,
    value, P,
};
use crate::i18n::{fill, storage_error, text, unit_name};
use crate::platform;
use crate::route::Route;
use crate::state::{AppState, ReviewSaveError};
use leptos::prelude::*;
use trinvis_core::coach::{Activity, Amount, Session, Unit};
use trinvis_core::diary::{self, Baseline, DaySummary};
use trinvis_core::progress::chart::{PLOT_LEFT, PLOT_RIGHT, VIEW_H, VIEW_W};
use trinvis_core::progress::{
    amount_chart, current_amount, due_window, goal_progress, on_goal_ladder, pain_chart,
    realistic_check, responder_status, review_chart, review_due, Answer, ChartRange, Face, Frame,
    Goal, GoalDraft, GoalStatus, Level, Pace, Responder, ReviewChart, Row, Tick,
};
use trinvis_core::progress::{pain_change, PainChange};
use trinvis_core::rules::{
    GOAL_MAX_MONTHS, GOAL_MIN_DAYS, NON_RESPONDER_WEEKS, RECENT_DAYS, RESPONDER_MIN_POINTS,
    RESPONDER_MIN_RECENT_DAYS, RESPONDER_PERCENT, RESPONDER_POINTS,
};
use trinvis_core::time::{Date, Lang};

/// "10 minutter".
fn amount_text(lang: Lang, amount: Amount, unit: &Unit) -> String {
    let mut s = amount.format(lang);
    s.push(' ');
    s.push_str(unit_name(lang, unit));
    s
}

/// "3,0 point lavere end ved start (cirka 43 %)": the change from the baseline, never
/// with a minus sign.
fn change_text(lang: Lang, points: f64, percent: i32) -> String {
    let key = if points > 0.0 {
        P::ChangeLower
    } else if points < 0.0 {
        P::ChangeHigher
    } else {
        return text(lang, P::ChangeSame).into();
    };
    fill(
        text(lang, key),
        &[
            ("p", &format_decimal(points.abs(), lang)),
            ("pc", &percent.unsigned_abs().to_string()),
        ],
    )
}

/// A number of points as a sentence says it: "2" for a whole number, else "1,5" / "1.5".
/// (No `f64` `Display`: it would add the float formatter to the wasm.)
fn points_text(points: f64, lang: Lang) -> String {
    if points.fract() == 0.0 {
        (points as i64).to_string()
    } else {
        format_decimal(points, lang)
    }
}

/// The responder status as sentences (domain.md §6): what the numbers say, then what to
/// do about it. Never blames.
pub fn responder_lines(lang: Lang, r: Responder) -> Vec<String> {
    let t = |k| text(lang, k).to_string();
    match r {
        Responder::BaselineIncomplete { days_left } => vec![fill(
            text(lang, P::RespBaseline),
            &[("n", &days_left.to_string())],
        )],
        Responder::TooFewRecent { days } => {
            vec![fill(
                text(lang, P::RespTooFew),
                &[
                    ("n", &days.to_string()),
                    ("days", &RECENT_DAYS.to_string()),
                    ("min", &RESPONDER_MIN_RECENT_DAYS.to_string()),
                ],
            )]
        }
        Responder::Responder {
            baseline_mean,
            recent_mean,
            points,
            percent,
        } => vec![
            fill(
                text(lang, P::RespYes),
                &[
                    ("change", &change_text(lang, points, percent)),
                    ("from", &format_decimal(baseline_mean, lang)),
                    ("to", &format_decimal(recent_mean, lang)),
                ],
            ),
            t(P::RespYesKeep),
        ],
        Responder::NotYet {
            points, percent, ..
        } => vec![
            fill(
                text(lang, P::RespNotYet),
                &[("change", &change_text(lang, points, percent))],
            ),
            responder_rule_text(lang),
        ],
        Responder::NonResponder { points, percent } => vec![
            fill(
                text(lang, P::RespNo),
                &[
                    ("weeks", &NON_RESPONDER_WEEKS.to_string()),
                    ("change", &change_text(lang, points, percent)),
                ],
            ),
            t(P::RespNoBlame),
            t(P::RespNoTalk),
        ],
        // A low baseline: no "no improvement" message; what the patient can do instead.
        Responder::LowBaseline {
            baseline_mean,
            points,
            percent,
        } => vec![
            fill(
                text(lang, P::RespLow),
                &[
                    ("weeks", &NON_RESPONDER_WEEKS.to_string()),
                    ("change", &change_text(lang, points, percent)),
                    ("from", &format_decimal(baseline_mean, lang)),
                ],
            ),
            t(P::RespLowDo),
        ],
    }
}

/// A rule's points as the patient reads them: "2", or "1,5" when not whole.
/// What counts as a meaningful improvement, with the rule's numbers (domain.md §6).
pub fn responder_rule_text(lang: Lang) -> String {
    fill(
        text(lang, P::RespScale),
        &[
            ("points", &points_text(RESPONDER_POINTS, lang)),
            ("percent", &RESPONDER_PERCENT.to_string()),
            ("min", &points_text(RESPONDER_MIN_POINTS, lang)),
        ],
    )
}

/// The first card's one line, "is it getting better?": the change since the start in
/// points and percent and the two means, from the same baseline and window as the
/// responder card ([`pain_change`]).
pub fn glance_line(lang: Lang, change: Option<PainChange>) -> String {
    let Some(c) = change else {
        return text(lang, P::GlanceWaiting).into();
    };
    let key = match c.key() {
        "pain_change.fell" => P::GlanceFell,
        "pain_change.rose" => P::GlanceRose,
        _ => P::GlanceSame,
    };
    fill(
        text(lang, key),
        &[
            ("p", &format_decimal(c.points.abs(), lang)),
            ("pc", &c.percent.unsigned_abs().to_string()),
            ("from", &format_decimal(c.from, lang)),
            ("to", &format_decimal(c.to, lang)),
        ],
    )
}

/// The progress screen.
#[component]
pub fn ProgressScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let days = Memo::new(move |_| state.diary.with(|d| d.days()));
    let notice = RwSignal::new(String::new());
    let status = move || {
        let lang = state.lang.get();
        let lines = days.with(|d| responder_lines(lang, responder_status(d, clock::today())));
        lines
            .into_iter()
            .map(|l| view! { <p>{l}</p> })
            .collect_view()
    };
    let glance = move || {
        let lang = state.lang.get();
        days.with(|d| glance_line(lang, pain_change(d, clock::today())))
    };
    view! {
        <section class="card progress glance" aria-labelledby="glance-h">
            <h2 id="glance-h">{tr(state, P::GlanceHeading)}</h2>
            <p class="glance-line">{glance}</p>
        </section>
        <section class="card progress" aria-labelledby="resp-h">
            <h2 id="resp-h">{tr(state, P::RespHeading)}</h2>
            <div class="responder">{status}</div>
        </section>
        <WeeklyReview />
        <section class="card progress" aria-labelledby="goals-h">
            <h2 id="goals-h">{tr(state, P::GoalsHeading)}</h2>
            <p class="intro">{tr(state, P::GoalsIntro)}</p>
            <GoalList notice=notice />
            <p class="status" role="status">{move || notice.get()}</p>
            <GoalForm notice=notice />
        </section>
        <Charts days=days />
    }
}

// ---------------------------------------------------------------------------------------
// The weekly review.

/// The weekly review, offered once a week (skippable): six faces, each better, same or
/// worse, as large buttons.
#[component]
fn WeeklyReview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let answers = RwSignal::new([None::<Answer>; 6]);
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let due = move || {
        state
            .reviews
            .with(|r| review_due(&r.reviews, clock::today()))
    };
    let save = move |result: Result<(), ReviewSaveError>, done: P| {
        let lang = state.lang.get_untracked();
        match result {
            Ok(()) => {
                error.set(String::new());
                status.set(text(lang, done).into());
                answers.set([None; 6]);
            }
            // The core refuses a review with no face answered.
            Err(ReviewSaveError::Review(_)) => error.set(text(lang, P::RevEmpty).into()),
            Err(ReviewSaveError::Storage(e)) => error.set(storage_error(lang, &e).into()),
        }
    };
    let faces = Face::ALL
        .into_iter()
        .map(|face| {
            let i = face.index();
            let buttons = [
                (Answer::Better, P::Better),
                (Answer::Same, P::Same),
                (Answer::Worse, P::Worse),
            ]
            .map(|(a, k)| {
                let pressed = move || answers.with(|x| x.get(i).copied().flatten() == Some(a));
                view! {
                    <button
                        type="button"
                        class="answer"
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=move |_| answers.update(|x| if let Some(s) = x.get_mut(i) {
                            *s = if *s == Some(a) { None } else { Some(a) };
                        })
                    >
                        {tr(state, k)}
                    </button>
                }
            });
            view! {
                <fieldset class="face">
                    <legend>{tr(state, face_key(face))}</legend>
                    <div class="answers">{buttons}</div>
                </fieldset>
            }
        })
        .collect_view();
    let submit = move |_| save(state.answer_review(answers.get_untracked()), P::RevSaved);
    view! {
        <section class="card progress no-print" aria-labelledby="rev-h">
            <h2 id="rev-h">{tr(state, P::RevHeading)}</h2>
            <p hidden=due>{tr(state, P::RevDone)}</p>
            <div hidden=move || !due()>
                <p class="intro">{tr(state, P::RevIntro)}</p>
                {faces}
                <div class="actions">
                    <button type="button" class="primary" on:click=submit>{tr(state, P::RevSave)}</button>
                    <button type="button" on:click=move |_| save(state.skip_review().map_err(ReviewSaveError::Storage), P::RevSkipped)>
                        {tr(state, P::RevSkip)}
                    </button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Goals.

/// The active activities.
fn active_activities(state: AppState) -> Vec<Activity> {
    state.activities.with(|d| {
        d.activities
            .iter()
            .filter(|a| !a.archived)
            .cloned()
            .collect()
    })
}

/// The sessions of one activity (all loaded months).
fn sessions_of(state: AppState, id: &str) -> Vec<Session> {
    state.diary.with(|d| {
        d.sessions()
            .filter(|s| s.activity_id == id)
            .cloned()
            .collect()
    })
}

/// The active goals as cards with their progress, then the earlier ones.
#[component]
fn GoalList(notice: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = move || {
        let lang = state.lang.get();
        let today = clock::today();
        let goals = state.goals.with(|d| d.goals.clone());
        let activities = state.activities.with(|d| d.activities.clone());
        if goals.is_empty() {
            return view! { <p class="hint">{text(lang, P::GoalsEmpty)}</p> }.into_any();
        }
        let act = |id: &str| activities.iter().find(|a| a.id == id).cloned();
        let mut earlier = Vec::new();
        let mut cards = Vec::new();
        for g in goals {
            let Some(a) = act(&g.activity_id) else {
                continue;
            };
            match g.status {
                GoalStatus::Active => cards.push(goal_card(state, lang, today, g, a, notice)),
                GoalStatus::Reached(on) | GoalStatus::Dropped(on) => {
                    let k = if matches!(g.status, GoalStatus::Reached(_)) {
                        P::GoalWasReached
                    } else {
                        P::GoalWasDropped
                    };
                    let when = fill(text(lang, k), &[("date", &date_long(lang, on))]);
                    let line = format!(
                        "{}: {}, {}: {when}",
                        a.name,
                        g.situation,
                        amount_text(lang, g.target, &a.unit)
                    );
                    earlier.push(view! { <li>{line}</li> });
                }
            }
        }
        let history = (!earlier.is_empty()).then(|| {
            view! {
                <details class="history">
                    <summary>{text(lang, P::GoalHistory)}</summary>
                    <ul>{earlier}</ul>
                </details>
            }
        });
        view! { {cards}{history} }.into_any()
    };
    view! { <div class="goals">{list}</div> }
}

/// One active goal: where it started, where it is, the steps left and the pace in words;
/// edit, reached, put away.
fn goal_card(
    state: AppState,
    lang: Lang,
    today: Date,
    goal: Goal,
    activity: Activity,
    notice: RwSignal<String>,
) -> impl IntoView {
    let sessions = sessions_of(state, &activity.id);
    // Steps left from today's planned step, held while a warning sign is ticked: the
    // same count as the coach and the summary.
    let p = goal_progress(&goal, &activity, &sessions, today, !state.may_reassure());
    let unit = &activity.unit;
    let start_now = fill(
        text(lang, P::GoalStartNow),
        &[
            ("start", &amount_text(lang, p.start, unit)),
            ("now", &amount_text(lang, p.current, unit)),
            ("target", &amount_text(lang, p.target, unit)),
            ("due", &date_long(lang, goal.due)),
        ],
    );
    let steps = fill(
        text(lang, P::GoalStepsLeft),
        &[("n", &p.steps_left.to_string())],
    );
    let pace = match p.pace {
        Pace::NoData => text(lang, P::PaceNoData).into(),
        Pace::OnTrack => fill(
            text(lang, P::PaceOnTrack),
            &[(
                "date",
                &p.projected.map(|d| date_long(lang, d)).unwrap_or_default(),
            )],
        ),
        Pace::Behind => text(lang, P::PaceBehind).into(),
        Pace::Reached => text(lang, P::PaceReached).into(),
    };
    let why = fill(text(lang, P::GoalWhy), &[("why", &goal.why)]);
    let heading_id = format!("goal-{}", goal.id);
    let title = format!("{}: {}", activity.name, goal.situation);
    let id = StoredValue::new(goal.id.clone());
    let act = move |reach: bool| {
        let lang = state.lang.get_untracked();
        let id = id.get_value();
        let (result, done) = if reach {
            (state.reach_goal(&id), P::GoalReachedDone)
        } else {
            (state.drop_goal(&id), P::GoalDroppedDone)
        };
        notice.set(match result {
            Ok(()) => text(lang, done).into(),
            Err(e) => storage_error(lang, &e).into(),
        });
    };
    let editing = StoredValue::new(goal);
    view! {
        <article class="goal" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{title}</h3>
            <p>{start_now}</p>
            <p>{steps}</p>
            <p class="pace">{pace}</p>
            <p class="hint">{why}</p>
            <div class="actions no-print">
                <button type="button" on:click=move |_| act(true)>{text(lang, P::GoalReach)}</button>
                <button type="button" on:click=move |_| act(false)>{text(lang, P::GoalDrop)}</button>
            </div>
            <GoalForm notice=notice editing=editing />
        </article>
    }
}

/// The SMART goal form (domain.md §7), guided by the two questions. Below confidence 7 it
/// offers a smaller goal and more time, each one tap.
#[component]
fn GoalForm(
    notice: RwSignal<String>,
    #[prop(optional)] editing: Option<StoredValue<Goal>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang0 = state.lang.get_untracked();
    let d = editing
        .map(|g| g.with_value(|g| g.to_draft(lang0)))
        .unwrap_or_default();
    let activity = RwSignal::new(d.activity_id);
    let situation = RwSignal::new(d.situation);
    let target = RwSignal::new(d.target);
    let why = RwSignal::new(d.why);
    let confidence = RwSignal::new(d.confidence);
    let due = RwSignal::new(d.due.map(|d| d.iso()).unwrap_or_default());
    let error = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let sfx = editing
        .map(|g| g.with_value(|g| g.id.clone()))
        .unwrap_or_default();
    let fid = StoredValue::new(sfx);
    let id_of = move |f: &str| fid.with_value(|s| format!("goal-{f}-{s}"));
    let draft = move || GoalDraft {
        activity_id: activity.get(),
        situation: situation.get(),
        target: target.get(),
        why: why.get(),
        confidence: confidence.get(),
        due: Date::parse_iso(&due.get()),
    };
    let chosen = move || {
        let id = activity.get();
        state.activities.with(|d| d.find(&id).cloned())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let dr = untrack(draft);
        let result = match editing {
            Some(g) => g.with_value(|g| state.edit_goal(g, &dr)),
            None => state.add_goal(&dr),
        };
        match result {
            Ok(()) => {
                error.set(String::new());
                open.set(false);
                if editing.is_none() {
                    for s in [activity, situation, target, why, due] {
                        s.set(String::new());
                    }
                    confidence.set(None);
                }
                notice.set(
                    text(
                        lang,
                        if editing.is_some() {
                            P::GoalChanged
                        } else {
                            P::GoalAdded
                        },
                    )
                    .into(),
                );
            }
            Err(e) => error.set(goal_save_error(lang, &e)),
        }
    };
    // The realistic check, with its two one-tap suggestions.
    let suggestions = move || {
        let lang = state.lang.get();
        let c = confidence.get()?;
        let a = chosen()?;
        let t = Amount::parse_for(&target.get(), &a.unit).ok()?;
        let when = Date::parse_iso(&due.get())?;
        let today = clock::today();
        let current = current_amount(&a, &sessions_of(state, &a.id), today);
        let s = realistic_check(c, &a, current, t, when, today)?;
        let smaller = s.smaller.map(|x| {
            let label = fill(text(lang, P::GoalSmaller), &[("amount", &amount_text(lang, x, &a.unit))]);
            let used = fill(text(lang, P::GoalSmallerUsed), &[("amount", &amount_text(lang, x, &a.unit))]);
            view! { <button type="button" on:click=move |_| { target.set(x.format(lang)); notice.set(used.clone()); }>{label}</button> }
        });
        let later = s.later.map(|x| {
            let date = date_long(lang, x);
            let label = fill(text(lang, P::GoalLater), &[("date", &date)]);
            let used = fill(text(lang, P::GoalLaterUsed), &[("date", &date)]);
            view! { <button type="button" on:click=move |_| { due.set(x.iso()); notice.set(used.clone()); }>{label}</button> }
        });
        Some(view! {
            <div class="realistic">
                <p>{text(lang, P::GoalLowConfidence)}</p>
                <div class="actions">{smaller}{later}</div>
            </div>
        })
    };
    // One labelled text field with a hint.
    let field =
        move |f: &'static str, label: P, hint: P, value: RwSignal<String>, mode: &'static str| {
            let id = id_of(f);
            let hint_id = format!("{id}-hint");
            let unit_hint = move || {
                let lang = state.lang.get();
                let unit = chosen()
                    .map(|a| unit_name(lang, &a.unit).to_string())
                    .unwrap_or_default();
                fill(text(lang, hint), &[("unit", &unit)])
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{tr(state, label)}</label>
                    <p class="hint" id=hint_id.clone()>{unit_hint}</p>
                    <input
                        id=id
                        type="text"
                        inputmode=mode
                        autocomplete="off"
                        aria-describedby=hint_id
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </div>
            }
        };
    let options = move || {
        let lang = state.lang.get();
        let mut acts = active_activities(state);
        // An edited goal keeps its activity even if it was archived since.
        if let Some(old) = chosen().filter(|a| a.archived) {
            acts.push(old);
        }
        let first = view! { <option value="">{text(lang, P::GoalChoose)}</option> };
        let rest = acts
            .into_iter()
            .map(|a| {
                let id = a.id.clone();
                view! { <option value=a.id selected=move || activity.get() == id>{a.name}</option> }
            })
            .collect_view();
        view! { {first}{rest} }
    };
    let has_activities = move || {
        editing.is_some()
            || state
                .activities
                .with(|d| d.activities.iter().any(|a| !a.archived))
    };
    let conf_buttons = (0..=10u8)
        .map(|n| {
            view! {
                <button
                    type="button"
                    class="score"
                    aria-pressed=move || if confidence.get() == Some(n) { "true" } else { "false" }
                    on:click=move |_| confidence.set(Some(n))
                >
                    {n}
                </button>
            }
        })
        .collect_view();
    let (earliest, latest) = due_window(clock::today());
    let summary = if editing.is_some() {
        P::GoalEditSummary
    } else {
        P::GoalAdd
    };
    let act_id = id_of("act");
    let due_id = id_of("due");
    let conf_id = id_of("conf");
    view! {
        <p class="hint" hidden=has_activities>{tr(state, P::GoalsNeedActivity)}" "<a href=Route::Today.href()>{tr(state, P::GoToToday)}</a></p>
        <details class="add" hidden=move || !has_activities() prop:open=move || open.get() on:toggle=move |ev| {
                let now_open = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(
                    &event_target::<web_sys::Element>(&ev),
                ).map(|d| d.open()).unwrap_or(false);
                open.set(now_open);
            }>
                <summary>{tr(state, summary)}</summary>
                <form novalidate aria-label=tr(state, summary) on:submit=submit>
                    <p class="intro">{tr(state, P::GoalQuestions)}</p>
                    <div class="field">
                        <label for=act_id.clone()>{tr(state, P::GoalActivityLabel)}</label>
                        <p class="hint" id=format!("{act_id}-hint")>{tr(state, P::GoalActivityHint)}</p>
                        <select id=act_id.clone() aria-describedby=format!("{act_id}-hint") on:change=move |ev| activity.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </div>
                    {field("sit", P::GoalSituationLabel, P::GoalSituationHint, situation, "text")}
                    {field("target", P::GoalTargetLabel, P::GoalTargetHint, target, "decimal")}
                    {field("why", P::GoalWhyLabel, P::GoalWhyHint, why, "text")}
                    <fieldset class="scale" aria-describedby=format!("{conf_id}-hint")>
                        <legend>{tr(state, P::GoalConfidenceLegend)}</legend>
                        <p class="hint" id=format!("{conf_id}-hint")>{tr(state, P::GoalConfidenceHint)}</p>
                        <div class="scale-buttons">{conf_buttons}</div>
                    </fieldset>
                    <div class="field">
                        <label for=due_id.clone()>{tr(state, P::GoalDueLabel)}</label>
                        <p class="hint" id=format!("{due_id}-hint")>{move || fill(text(state.lang.get(), P::GoalDueHint), &[("days", &GOAL_MIN_DAYS.to_string()), ("months", &GOAL_MAX_MONTHS.to_string())])}</p>
                        <input
                            id=due_id.clone()
                            type="date"
                            min=earliest.iso()
                            max=latest.iso()
                            aria-describedby=format!("{due_id}-hint")
                            prop:value=move || due.get()
                            on:input=move |ev| due.set(event_target_value(&ev))
                        />
                    </div>
                    {suggestions}
                    <div class="actions">
                        <button type="submit" class="primary">
                            {tr(state, if editing.is_some() { P::GoalSaveChanges } else { P::GoalSave })}
                        </button>
                    </div>
                    <p class="error" role="alert">{move || error.get()}</p>
                </form>
            </details>
    }
}

// ---------------------------------------------------------------------------------------
// Charts.

/// What one chart draws, whatever its kind: paths with a CSS class, horizontal guides,
/// labelled levels on the right.
struct Drawn {
    frame: Frame,
    /// (class, `d`).
    paths: Vec<(&'static str, String)>,
    /// (class, y).
    guides: Vec<(&'static str, i32)>,
    /// (class, y, label) written at the right end of a level.
    levels: Vec<(&'static str, i32, String)>,
    /// Whether the value axis is labelled (the amount chart labels only its levels).
    y_labels: bool,
    rows: Vec<Row>,
    /// The language the labels and rows are worded in.
    lang: Lang,
}

/// Appends " M<left> <y>H<right>" for a horizontal line at `y`.
fn push_hline(d: &mut String, y: i32) {
    d.push('M');
    d.push_str(&PLOT_LEFT.to_string());
    d.push(' ');
    d.push_str(&y.to_string());
    d.push('H');
    d.push_str(&PLOT_RIGHT.to_string());
}

/// `pos` of `of` viewBox units as a CSS percentage.
fn pct(pos: i32, of: i32) -> String {
    format!("{:.2}%", f64::from(pos) * 100.0 / f64::from(of.max(1)))
}

/// At most three time labels, so they never pile up on a 320 px phone: every other (or
/// every third) tick when there are more.
fn thin_ticks(ticks: Vec<Tick>) -> Vec<Tick> {
    let every = ticks.len().div_ceil(3).max(1);
    ticks.into_iter().step_by(every).collect()
}

/// One chart: inline SVG with an accessible name (stretched to the figure, strokes
/// unscaled), axis and level labels as HTML text over it (so they grow with the text
/// size), the visible summary sentence, a legend line and the same data as a real table.
fn chart(
    name: String,
    summary: String,
    legend: &'static str,
    heads: [&'static str; 3],
    d: Drawn,
) -> impl IntoView {
    let lang = d.lang;
    let mut grid = String::new();
    for t in &d.frame.y_ticks {
        push_hline(&mut grid, t.pos);
    }
    let y_labels = d
        .frame
        .y_ticks
        .into_iter()
        .filter(|_| d.y_labels)
        .map(|t| view! { <span class="yl" style:top=pct(t.pos, VIEW_H)>{label(lang, t.label)}</span> })
        .collect_view();
    let x_labels = thin_ticks(d.frame.x_ticks)
        .into_iter()
        .map(|t| {
            // A label at the right edge ends at its tick, so it never sticks out.
            let class = if t.pos > VIEW_W * 9 / 10 {
                "xl end"
            } else {
                "xl"
            };
            view! { <span class=class style:left=pct(t.pos, VIEW_W)>{label(lang, t.label)}</span> }
        })
        .collect_view();
    let levels = d
        .levels
        .into_iter()
        .map(|(class, y, label)| {
            view! { <span class=format!("lvl {class}") style:top=pct(y, VIEW_H)>{label}</span> }
        })
        .collect_view();
    let guides = d
        .guides
        .into_iter()
        .map(|(class, y)| {
            let mut p = String::new();
            push_hline(&mut p, y);
            view! { <path class=class d=p /> }
        })
        .collect_view();
    let paths = d
        .paths
        .into_iter()
        .map(|(class, p)| view! { <path class=class d=p /> })
        .collect_view();
    let rows = d
        .rows
        .into_iter()
        .map(|r| view! { <tr><th scope="row">{label(lang, r.label)}</th><td>{value(lang, r.value)}</td></tr> })
        .collect_view();
    let [table, col1, col2] = heads;
    view! {
        <figure class="chart">
            // The name on screen too (the amount charts have no heading of their own); the
            // svg carries it for screen readers.
            <p class="chart-title" aria-hidden="true">{name.clone()}</p>
            <div class="plot-wrap">
                <div class="plot">
                    <svg viewBox="0 0 1000 400" preserveAspectRatio="none" role="img" aria-label=name.clone() focusable="false">
                        <path class="grid" d=grid />
                        {guides}
                        {paths}
                    </svg>
                    <div class="labels" aria-hidden="true">{y_labels}{x_labels}{levels}</div>
                </div>
            </div>
            <figcaption>
                <p class="summary">{summary}</p>
                <p class="hint">{legend}</p>
            </figcaption>
            <details class="table">
                <summary>{table}</summary>
                <table>
                    <caption>{name}</caption>
                    <thead><tr><th scope="col">{col1}</th><th scope="col">{col2}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The pain chart as a figure: the day means (or weekly means on long ranges), the 7-day
/// mean, the baseline, the summary sentence and the table. Also used by the one-page
/// summary.
pub fn pain_figure(
    d: &[DaySummary],
    base: Option<f64>,
    today: Date,
    r: ChartRange,
    lang: Lang,
) -> impl IntoView {
    let heads = [
        text(lang, P::ShowTable),
        text(lang, P::ColWhen),
        text(lang, P::ColPain),
    ];
    let c = pain_chart(d, today, r, base);
    let mut paths = vec![("dots", c.dots), ("mean", c.mean_line)];
    paths.retain(|p| !p.1.is_empty());
    let guides = c.baseline_y.map(|y| ("base", y)).into_iter().collect();
    // The baseline is labelled where the dashed line ends.
    let levels = c
        .baseline_y
        .zip(base)
        .map(|(y, b)| {
            let label = format!(
                "{} {}",
                text(lang, P::LevelBaseline),
                format_decimal(b, lang)
            );
            ("base", y, label)
        })
        .into_iter()
        .collect();
    let drawn = Drawn {
        frame: c.frame,
        paths,
        guides,
        levels,
        y_labels: true,
        rows: c.rows,
        lang,
    };
    chart(
        text(lang, P::PainChart).into(),
        trend_sentence(lang, c.trend),
        text(lang, P::PainLegend),
        heads,
        drawn,
    )
}

/// The range buttons' labels.
const RANGES: [(ChartRange, P); 4] = [
    (ChartRange::Weeks4, P::Range4),
    (ChartRange::Months3, P::Range3m),
    (ChartRange::Year, P::RangeYear),
    (ChartRange::All, P::RangeAll),
];

/// The three charts over one chosen range: pain per day, the amount of each active
/// activity (with its ladder and goal), the weekly reviews.
#[component]
fn Charts(days: Memo<Vec<DaySummary>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let range = RwSignal::new(ChartRange::All);
    let buttons = RANGES.map(|(r, k)| {
        view! {
            <button
                type="button"
                aria-pressed=move || if range.get() == r { "true" } else { "false" }
                on:click=move |_| {
                    platform::mark("trinvis:chart-start");
                    range.set(r);
                }
            >
                {tr(state, k)}
            </button>
        }
    });
    let pain = move || {
        let lang = state.lang.get();
        let r = range.get();
        let view = days.with(|d| {
            let base = match diary::baseline(d) {
                Baseline::Ready(p) => Some(p.mean),
                Baseline::Pending { .. } => None,
            };
            pain_figure(d, base, clock::today(), r, lang)
        });
        // Measured to the next frame: geometry, view and DOM (read by the benchmark).
        request_animation_frame(|| platform::measure("trinvis:chart", "trinvis:chart-start"));
        view
    };
    let amounts = move || {
        let lang = state.lang.get();
        let r = range.get();
        let today = clock::today();
        let heads = [
            text(lang, P::ShowTable),
            text(lang, P::ColWhen),
            text(lang, P::ColAmount),
        ];
        let sessions = state
            .diary
            .with(|d| d.sessions().cloned().collect::<Vec<_>>());
        active_activities(state)
            .into_iter()
            .map(|a| {
                // The coach's ladder: its rungs run to the SMART goal.
                let a = state.goals.with(|g| on_goal_ladder(&a, &g.goals));
                let c = amount_chart(&a, &sessions, a.goal, today, r);
                let unit = unit_name(lang, &a.unit);
                let summary = match c.trend {
                    Some((from, to, weeks)) => amount_sentence(lang, from, to, weeks, unit),
                    None => text(lang, P::AmountNone).into(),
                };
                let mut paths = vec![
                    ("line", c.line),
                    ("dots", c.green_dots),
                    ("dots-no", c.no_dots),
                    ("dots-wait", c.pending_dots),
                ];
                paths.retain(|p| !p.1.is_empty());
                let mut guides: Vec<_> = c.rungs.into_iter().map(|t| ("rung", t.pos)).collect();
                guides.extend(c.goal_y.map(|y| ("goal", y)));
                // Only the goal, now and the start are labelled ("Mål 20").
                let levels = c
                    .levels
                    .into_iter()
                    .map(|(level, t)| {
                        let (class, key) = match level {
                            Level::Goal => ("goal", P::LevelGoal),
                            Level::Now => ("now", P::LevelNow),
                            Level::Start => ("start", P::LevelStart),
                        };
                        (
                            class,
                            t.pos,
                            format!("{} {}", text(lang, key), label(lang, t.label)),
                        )
                    })
                    .collect();
                let name = fill(
                    text(lang, P::AmountChart),
                    &[("name", &a.name), ("unit", unit)],
                );
                let drawn = Drawn {
                    frame: c.frame,
                    paths,
                    guides,
                    levels,
                    y_labels: false,
                    rows: c.rows,
                    lang,
                };
                chart(name, summary, text(lang, P::AmountLegend), heads, drawn)
            })
            .collect_view()
    };
    let reviews = move || {
        let lang = state.lang.get();
        let r = range.get();
        state
            .reviews
            .with(|doc| review_grid(review_chart(&doc.reviews, clock::today(), r), lang))
    };
    view! {
        <section class="card progress charts" aria-labelledby="charts-h">
            <h2 id="charts-h">{tr(state, P::ChartsHeading)}</h2>
            <div class="ranges no-print" role="group" aria-label=tr(state, P::RangeLegend)>{buttons}</div>
            {pain}
            {amounts}
            {reviews}
        </section>
    }
}

/// The weekly reviews as a grid: one row per face, one column per reviewed week, ▲ ● ▼
/// for better, same, worse (the word for screen readers), then the summary sentence and
/// the counts as a table.
fn review_grid(c: ReviewChart, lang: Lang) -> impl IntoView {
    let name = text(lang, P::ReviewChart);
    let weeks = c
        .grid
        .iter()
        .map(|(week, _)| view! { <th scope="col">{week.to_string()}</th> })
        .collect_view();
    let body = Face::ALL
        .iter()
        .enumerate()
        .map(|(i, face)| {
            let cells = c
                .grid
                .iter()
                .map(|(_, answers)| {
                    let (class, mark, word) = match answers.get(i).copied().flatten() {
                        Some(Answer::Better) => ("better", "▲", P::GridBetter),
                        Some(Answer::Same) => ("same", "●", P::GridSame),
                        Some(Answer::Worse) => ("worse", "▼", P::GridWorse),
                        None => ("none", "", P::GridNone),
                    };
                    view! {
                        <td class=class>
                            <span aria-hidden="true">{mark}</span>
                            <span class="visually-hidden">{text(lang, word)}</span>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{text(lang, face_short(*face))}</th>{cells}</tr> }
        })
        .collect_view();
    let rows = c
        .rows
        .iter()
        .map(
            |r| view! { <tr><th scope="row">{label(lang, r.label)}</th><td>{value(lang, r.value)}</td></tr> },
        )
        .collect_view();
    let empty = c.grid.is_empty();
    view! {
        <figure class="chart review-grid">
            <p class="chart-title" aria-hidden="true">{name}</p>
            <div class="grid-scroll" hidden=empty>
                <table>
                    <caption class="visually-hidden">{name}</caption>
                    <thead><tr><th scope="col">{text(lang, P::GridWeek)}</th>{weeks}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <figcaption>
                <p class="summary">{review_sentence(lang, &c)}</p>
                <p class="hint" hidden=empty>{text(lang, P::ReviewLegend)}</p>
            </figcaption>
            <details class="table">
                <summary>{text(lang, P::ShowTable)}</summary>
                <table>
                    <caption>{name}</caption>
                    <thead><tr><th scope="col">{text(lang, P::ColFace)}</th><th scope="col">{text(lang, P::ColAnswers)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_responder_status_reads_with_points_and_percent_and_never_a_minus() {
        let lines = responder_lines(
            Lang::Da,
            Responder::Responder {
                baseline_mean: 6.0,
                recent_mean: 3.0,
                points: 3.0,
                percent: 50,
            },
        );
        assert_eq!(
            lines[0],
            "Din smerte er 3,0 point lavere end ved start (cirka 50 %): i gennemsnit fra 6,0 til 3,0. Det er en mærkbar bedring."
        );
        assert!(lines[1].contains("Bliv ved med det, der virker"));
        let worse = responder_lines(
            Lang::En,
            Responder::NonResponder {
                points: -0.5,
                percent: -8,
            },
        );
        assert!(
            worse[0].contains("0.5 points higher than at the start (about 8 %)"),
            "{worse:?}"
        );
        assert!(worse.iter().any(|l| l.contains("tailored")));
        assert!(!worse.concat().contains('-'));
    }

    #[test]
    fn the_responder_rule_is_told_with_both_measures_and_a_low_baseline_is_not_blamed() {
        let rule = responder_rule_text(Lang::Da);
        assert!(rule.contains(&format!("{} %", RESPONDER_PERCENT)), "{rule}");
        assert!(
            rule.contains("2 point") && rule.contains("mindst 1 point"),
            "{rule}"
        );
        assert!(
            !rule.contains("cirka 30"),
            "the old 2 points = about 30 % is gone"
        );
        let not_yet = responder_lines(
            Lang::En,
            Responder::NotYet {
                weeks: 1,
                points: 0.5,
                percent: 10,
            },
        );
        assert!(
            not_yet.iter().any(|l| l.contains("30 % lower")),
            "{not_yet:?}"
        );
        let low = responder_lines(
            Lang::Da,
            Responder::LowBaseline {
                baseline_mean: 1.5,
                points: 0.2,
                percent: 13,
            },
        );
        let all = low.concat();
        assert!(
            all.contains("1,5") && all.contains("hvad du kan"),
            "{low:?}"
        );
        assert!(
            !all.contains("fysioterapeut om en plan"),
            "no non-responder talk: {low:?}"
        );
    }

    #[test]
    fn the_first_card_says_in_one_line_how_far_pain_moved_since_the_start() {
        let change = |from, to, points, percent| {
            Some(PainChange {
                since: Date::new(2026, 10, 19).unwrap_or(clock_free_day()),
                from,
                to,
                points,
                percent,
            })
        };
        assert_eq!(
            glance_line(Lang::Da, change(6.2, 3.5, 2.7, 44)),
            "Smerten er faldet 2,7 point (44 %) siden start: 6,2 → 3,5"
        );
        assert_eq!(
            glance_line(Lang::En, change(4.0, 5.0, -1.0, -25)),
            "Pain has risen 1.0 points (25 %) since the start: 4.0 → 5.0"
        );
        assert!(glance_line(Lang::Da, change(4.0, 4.0, 0.0, 0)).starts_with("Smerten er den samme"));
        assert!(glance_line(Lang::Da, None).contains("Tjek ind"));
    }

    fn clock_free_day() -> Date {
        Date {
            year: 2026,
            month: 10,
            day: 19,
        }
    }

    #[test]
    fn no_change_is_said_as_the_same() {
        assert_eq!(change_text(Lang::Da, 0.0, 0), "den samme som ved start");
    }
}
