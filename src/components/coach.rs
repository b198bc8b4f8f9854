//! The coach on the today screen (domain.md §2-§5): today's plan per activity with its
//! reason and ladder, logging a session, "okay later?" answers, bad days and flare-ups,
//! and the form that adds an activity. Every rule is a core call; this file renders.

use super::{tr, ScorePicker};
use crate::clock;
use crate::i18n::coach::Coach;
use crate::i18n::format::{clock_time, day_heading};
use crate::i18n::shell::Sh;
use crate::i18n::{self, fill, text, unit_name};
use crate::route::Route;
use crate::state::{AppState, CoachError, CoachFormError, LogError};
use leptos::prelude::*;
use trinvis_core::coach::PainLimits;
use trinvis_core::coach::{
    day_advice, ladder, ladder_position, ladder_window, log_advice, next_okay_later,
    okay_later_waiting, plan_for_today, steps_left, too_much_too_soon, Activity, ActivityError,
    Amount, BadDayNote, Cause, FlareNote, Headline, Light, LogAdvice, Plan, PlanB, PlanBOffer,
    PlanDay, PlanReason, Session, SessionError, SessionInput, SessionInputError, Unit,
};
use trinvis_core::coach::{ActivityInput, ActivityInputError, AmountField};
use trinvis_core::diary;
use trinvis_core::model::Score;
use trinvis_core::progress::on_goal_ladder;
use trinvis_core::rules::{
    CREEP_WEEKS, GREEN_SESSIONS_TO_PROGRESS, NO_SESSIONS_FOR_PLAN_B, PER_WEEK_MAX, STEP_FRACTION,
};
use trinvis_core::time::{Date, Instant, Lang};
use trinvis_core::transfer::kept::kept_plan;

/// "10 minutter".
fn amount_text(lang: Lang, amount: Amount, unit: &Unit) -> String {
    format!("{} {}", amount.format(lang), unit_name(lang, unit))
}

/// The sentence for the session form's first problem.
fn session_form_error(lang: Lang, e: SessionInputError) -> String {
    match e {
        SessionInputError::Amount(e) => i18n::amount_error(lang, e).into(),
        SessionInputError::PainMissing => text(lang, Coach::PainDuringMissing).into(),
        SessionInputError::OkayNowMissing => text(lang, Coach::OkayNowMissing).into(),
    }
}

/// "Udgangspunkt: …": the activity form's first wrong amount field and why.
fn activity_form_error(lang: Lang, e: ActivityInputError) -> String {
    let label = match e.field {
        AmountField::Baseline => Coach::BaselineLabel,
        AmountField::Goal => Coach::GoalLabel,
        AmountField::Step => Coach::StepLabel,
        AmountField::PlanB => Coach::PlanBAmountLabel,
    };
    format!(
        "{}: {}",
        text(lang, label),
        i18n::amount_error(lang, e.error)
    )
}

/// "5 minutter", or "gåtur, 10 minutter".
fn plan_b_text(lang: Lang, offer: &PlanBOffer, unit: &Unit) -> String {
    match offer {
        PlanBOffer::Less(a) => amount_text(lang, *a, unit),
        PlanBOffer::Easier { name, amount, unit } => {
            format!("{name}, {}", amount_text(lang, *amount, unit))
        }
    }
}

/// When "okay later?" is asked, as the patient reads it: "i morgen kl. 8", "i dag kl.
/// 21.30", or "mandag 30. november kl. 8".
pub fn ask_when(lang: Lang, at: Instant, now: Instant) -> String {
    let (h, m) = at.local_hm();
    let time = match (lang, m) {
        (Lang::Da, 0) => h.to_string(),
        _ => clock_time(lang, h, m),
    };
    let (day, today) = (at.local_date(), now.local_date());
    let key = if day == today {
        Coach::AskToday
    } else if day == today.add_days(1) {
        Coach::AskTomorrow
    } else {
        Coach::AskOn
    };
    fill(
        text(lang, key),
        &[("time", &time), ("day", &day_heading(lang, day, today))],
    )
}

/// The reason for today's plan in plain words. `ask` is when "okay later?" will be asked
/// for the session the plan waits for ([`next_okay_later`]).
fn reason_text(lang: Lang, plan: &Plan, unit: &Unit, ask: Option<Instant>) -> String {
    let amount = amount_text(lang, plan.amount, unit);
    let now = clock::now();
    let (key, from, to) = match plan.reason {
        PlanReason::Start => (Coach::PlanStart, None, None),
        PlanReason::Keep => (Coach::PlanKeep, None, None),
        PlanReason::StepUp { from, to } => (Coach::PlanStepUp, Some(from), Some(to)),
        PlanReason::Hold { at } => (Coach::PlanHold, Some(at), None),
        PlanReason::PlanBAndTalk => (Coach::PlanBAndTalk, None, None),
        PlanReason::WaitingForOkayLater => match ask {
            Some(at) if at.utc_secs > now.utc_secs => (Coach::PlanWaitingAsk, None, None),
            _ => (Coach::PlanWaiting, None, None),
        },
        PlanReason::BadDay => (Coach::PlanBadDay, None, None),
        PlanReason::AtGoal => (Coach::PlanAtGoal, None, None),
        PlanReason::HoldForSign { at } => (Coach::PlanHoldForSign, Some(at), None),
    };
    let from = from.map(|a| amount_text(lang, a, unit)).unwrap_or_default();
    let to = to.map(|a| amount_text(lang, a, unit)).unwrap_or_default();
    let when = ask.map(|at| ask_when(lang, at, now)).unwrap_or_default();
    fill(
        text(lang, key),
        &[
            ("amount", &amount),
            ("from", &from),
            ("at", &from),
            ("to", &to),
            ("when", &when),
            ("green", &GREEN_SESSIONS_TO_PROGRESS.to_string()),
            ("nos", &NO_SESSIONS_FOR_PLAN_B.to_string()),
        ],
    )
}

fn cause_key(c: Cause) -> Coach {
    match c {
        Cause::TooHeavy => Coach::CauseTooHeavy,
        Cause::TooOften => Coach::CauseTooOften,
        Cause::TooFast => Coach::CauseTooFast,
        Cause::TooLittleRest => Coach::CauseTooLittleRest,
    }
}

/// Days of check-ins the bad-day and creep rules look at: the creep rule's weeks before
/// this week, this week and the 7 days before today fit in it.
const PAIN_WINDOW_DAYS: i64 = 7 * (CREEP_WEEKS as i64 + 2);

/// "Din træning i dag": the bad-day toggle, calm advice, the answers waiting for "okay
/// later?", one card per active activity and the form to add one.
#[component]
pub fn CoachSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The day the patient said "bad day" (today only; it ends with the day).
    let declared = RwSignal::new(None::<Date>);
    let notice = RwSignal::new(String::new());
    let said_bad = move || declared.get() == Some(clock::today());
    // The core decides what to say about today's pain: the bad day, the flare-up or the
    // creep advice, never reassurance with the creep advice or a ticked sign.
    let advice = Memo::new(move |_| {
        let today = clock::today();
        let from = today.add_days(-PAIN_WINDOW_DAYS);
        let reassure = state.may_reassure();
        let declared = said_bad();
        state.diary.with(|d| {
            let days = diary::days(d.newest_first().take_while(|c| c.date() >= from));
            day_advice(&days, today, declared, reassure)
        })
    });
    let bad_day = Signal::derive(move || advice.get().plan_b);
    let toggle = move |_| {
        let today = clock::today();
        declared.update(|d| *d = if *d == Some(today) { None } else { Some(today) });
    };

    let advice_view = move || {
        let lang = state.lang.get();
        let a = advice.get();
        let mut lines = Vec::new();
        match a.bad_day {
            Some(BadDayNote::Declared) => lines.push(text(lang, Coach::BadDayOn)),
            Some(BadDayNote::Noticed) => lines.push(text(lang, Coach::NoticedBadDay)),
            Some(BadDayNote::NoticedPlain) => lines.push(text(lang, Coach::NoticedBadDayPlain)),
            None => {}
        }
        match a.flare {
            Some(FlareNote::Flare) => lines.push(text(lang, Coach::FlareFlare)),
            Some(FlareNote::FlareCareful) => lines.push(text(lang, Coach::FlareFlareCareful)),
            Some(FlareNote::Creep) => lines.push(text(lang, Coach::FlareCreep)),
            None => {}
        }
        let more = a.flare.map(|_| {
            view! { <p><a href=Route::Learn(Some("flare-ups".into())).href()>{text(lang, Coach::LearnFlare)}</a></p> }
        });
        (!lines.is_empty()).then(|| {
            view! { <div class="calm">{lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}{more}</div> }
        })
    };

    // Which panel of which activity is open ("log-<id>" or "more-<id>"): one at a time.
    let open = RwSignal::new(None::<String>);
    let answer_error = RwSignal::new(String::new());
    let cards = move || {
        let active: Vec<Activity> = state.activities.with(|d| {
            d.activities
                .iter()
                .filter(|a| !a.archived)
                .cloned()
                .collect()
        });
        if active.is_empty() {
            return view! { <p class="hint">{tr(state, Coach::CoachEmpty)}</p> }.into_any();
        }
        active
            .into_iter()
            .map(|a| view! { <ActivityCard activity=a bad_day=bad_day notice=notice answer_error=answer_error open=open /> })
            .collect_view()
            .into_any()
    };

    view! {
        <section class="no-print coach" aria-labelledby="coach-h">
            <div class="card">
                <h2 id="coach-h">{tr(state, Sh::CoachHeading)}</h2>
                <super::PhysioNote />
                <Show when=move || any_waiting(state)>
                    <p class="hint waiting-hint"><strong>{tr(state, Coach::WaitingHeading)}</strong>" "{tr(state, Coach::WaitingHint)}</p>
                </Show>
                <Waiting which=WaitingFor::Others notice=notice error=answer_error />
                {cards}
                <p class="status" role="status">{move || notice.get()}</p>
                <p class="error" role="alert">{move || answer_error.get()}</p>
                <div class="coach-foot">
                    <button
                        type="button"
                        class="toggle"
                        aria-pressed=move || if said_bad() { "true" } else { "false" }
                        on:click=toggle
                    >
                        {tr(state, Coach::BadDayToggle)}
                    </button>
                </div>
                <ActivityForm notice=notice />
            </div>
            {advice_view}
        </section>
    }
}

/// Whose waiting "okay later?" answers a [`Waiting`] list shows.
#[derive(Clone, Debug, PartialEq)]
enum WaitingFor {
    /// The sessions of this activity: they sit in its row, under today's amount.
    Activity(String),
    /// Sessions of activities that are not shown (archived or deleted), at the top.
    Others,
}

/// Whether any "okay later?" answer is waiting now: the card shows the question's meaning
/// once above the rows.
fn any_waiting(state: AppState) -> bool {
    let now = clock::now();
    !okay_later_waiting(&state.recent_sessions(now.local_date()), now).is_empty()
}

/// The sessions whose "okay later?" is due, each a one-tap yes or no. The thanks goes to the
/// coach's status line, an error to its alert line.
#[component]
fn Waiting(which: WaitingFor, notice: RwSignal<String>, error: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let which = StoredValue::new(which);
    move || {
        let lang = state.lang.get();
        let now = clock::now();
        let today = now.local_date();
        let sessions = state.recent_sessions(today);
        let shown: Vec<String> = state.activities.with(|d| {
            d.activities
                .iter()
                .filter(|a| !a.archived)
                .map(|a| a.id.clone())
                .collect()
        });
        let waiting: Vec<Session> = okay_later_waiting(&sessions, now)
            .into_iter()
            .filter(|s| match which.get_value() {
                WaitingFor::Activity(id) => s.activity_id == id,
                WaitingFor::Others => !shown.contains(&s.activity_id),
            })
            .cloned()
            .collect();
        state.activities.with(|d| {
            waiting
                .into_iter()
                .map(|s| {
                    let (name, amount) = match d.find(&s.activity_id) {
                        Some(a) => (a.name.clone(), amount_text(lang, s.amount, &a.unit)),
                        None => (String::new(), s.amount.format(lang)),
                    };
                    let day = day_heading(lang, s.for_date, today);
                    let legend = fill(
                        text(lang, Coach::WaitingLegend),
                        &[("name", &name), ("amount", &amount), ("day", &day)],
                    );
                    let short = fill(text(lang, Coach::WaitingShort), &[("amount", &amount), ("day", &day)]);
                    // Sessions of activities not shown are named; in a row the name is above.
                    let named = matches!(which.get_value(), WaitingFor::Others).then(|| view! { <strong>{name.clone()}</strong>" " });
                    let s2 = s.clone();
                    let answer = move |s: &Session, yes: bool| match state.answer_okay_later(s, yes) {
                        Ok(()) => {
                            error.set(String::new());
                            notice.set(text(state.lang.get_untracked(), Coach::AnswerSaved).into());
                        }
                        Err(e) => error.set(i18n::coach_error(state.lang.get_untracked(), &e)),
                    };
                    view! {
                        <fieldset class="answer">
                            <legend class="visually-hidden">{legend}</legend>
                            <p class="answer-what" aria-hidden="true">
                                {named}<span>{short}</span>
                            </p>
                            <div class="actions">
                                <button type="button" on:click=move |_| answer(&s, true)>{text(lang, Coach::Yes)}</button>
                                <button type="button" on:click=move |_| answer(&s2, false)>{text(lang, Coach::No)}</button>
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()
        })
    }
}

/// Today's plan of one activity and what the card shows with it, from the core.
#[derive(Clone, Debug, PartialEq)]
struct CardPlan {
    /// The activity with its goal set to the SMART goal (the ladder runs to it).
    laddered: Activity,
    /// Today's plan.
    plan: Plan,
    /// What the log points at, after a "no".
    causes: Vec<Cause>,
    /// When "okay later?" is asked for the session the plan waits for.
    ask: Option<Instant>,
    /// The ladder from the baseline to the goal.
    rungs: Vec<Amount>,
}

/// One activity: today's amount and why, the ladder, plan B, "too much too soon", and the
/// form to log a session.
#[component]
fn ActivityCard(
    activity: Activity,
    bad_day: Signal<bool>,
    notice: RwSignal<String>,
    /// Where a failed "okay later?" answer is said.
    answer_error: RwSignal<String>,
    /// The open panel of the coach ("log-<id>" or "more-<id>"), one at a time.
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = activity.id.clone();
    let heading_id = format!("act-{id}");
    let labelled_by = heading_id.clone();
    let name = activity.name.clone();
    let act = StoredValue::new(activity);
    let plan = Memo::new(move |_| {
        let today = clock::today();
        let sessions = state.recent_sessions(today);
        let day = PlanDay {
            bad_day: bad_day.get(),
            // No step up while a warning sign is ticked and not cleared (domain.md §3, §8).
            sign_ticked: !state.may_reassure(),
        };
        let laddered = state
            .goals
            .with(|g| act.with_value(|a| on_goal_ladder(a, &g.goals)));
        CardPlan {
            plan: plan_for_today(&laddered, &sessions, today, day),
            causes: too_much_too_soon(&laddered, &sessions, today),
            ask: next_okay_later(&laddered.id, &sessions, clock::now()),
            rungs: ladder(&laddered),
            laddered,
        }
    });

    // `head`: today's line (and the full plan under plan B); else the reason and the ladder.
    let summary = move |head: bool| {
        let lang = state.lang.get();
        let CardPlan {
            laddered,
            plan: p,
            causes,
            ask,
            rungs,
        } = plan.get();
        let unit = &laddered.unit;
        // The big line says what to do today; with plan B, the full plan is a quiet line.
        let (today_line, full) = match p.headline() {
            Headline::Amount(x) => (
                fill(
                    text(lang, Coach::TodayAmount),
                    &[("amount", &amount_text(lang, x, unit))],
                ),
                None,
            ),
            Headline::PlanB(b) => (
                fill(
                    text(lang, Coach::TodayPlanB),
                    &[("what", &plan_b_text(lang, &b, unit))],
                ),
                Some(fill(
                    text(lang, Coach::FullPlanLine),
                    &[("amount", &amount_text(lang, p.amount, unit))],
                )),
            ),
        };
        let full = full.map(|f| view! { <p class="hint full-plan">{f}</p> });
        let check_link = matches!(p.reason, PlanReason::HoldForSign { .. }).then(|| {
            view! { <p><a href=Route::Check.href()>{text(lang, Coach::HoldSignLink)}</a></p> }
        });
        let causes = (!causes.is_empty()
            && matches!(p.reason, PlanReason::Hold { .. } | PlanReason::PlanBAndTalk))
        .then(|| {
            view! {
                <p class="hint">{text(lang, Coach::CausesIntro)}</p>
                <ul class="causes">
                    {causes.iter().map(|c| view! { <li>{text(lang, cause_key(*c))}</li> }).collect_view()}
                </ul>
            }
        });
        let pos = ladder_position(&rungs, p.amount);
        // Rising blocks: done steps filled, today's outlined, a "⋯" where steps are left
        // out, a flag on the goal. The list still reads "10 minutter", "15 minutter (du er
        // her)" to a screen reader.
        let shown = ladder_window(rungs.len(), pos);
        let last = rungs.len().saturating_sub(1);
        let unit_word = unit_name(lang, unit);
        let steps = shown
            .iter()
            .enumerate()
            .filter_map(|(k, &i)| rungs.get(i).map(|r| (k, i, *r)))
            .map(|(k, i, r)| {
                let current = pos == Some(i);
                let done = pos.is_some_and(|p| i < p);
                let skipped = k > 0 && shown[k - 1] + 1 != i;
                let goal = i == last && laddered.goal.is_some();
                view! {
                    <li
                        class:current=current
                        class:done=done
                        class:skipped=skipped
                        class:goal=goal
                        aria-current=current.then_some("step")
                        // 2 rem and half a rem more per block, in whole numbers: a float
                        // `Display` would add the float formatter (10 KB) to the wasm.
                        style:height=format!("{}.{}rem", 2 + k / 2, if k % 2 == 1 { 5 } else { 0 })
                    >
                        {goal.then(|| view! { <span class="flag" aria-hidden="true">"⚑"</span> })}
                        <span class="n">{r.format(lang)}</span>
                        <span class="visually-hidden">{format!(" {unit_word}")}</span>
                        {current.then(|| view! { <span class="visually-hidden">{format!(" ({})", text(lang, Coach::LadderHere))}</span> })}
                    </li>
                }
            })
            .collect_view();
        let mut ladder_text = pos
            .and_then(|i| rungs.get(i).map(|r| (i, r)))
            .map(|(i, r)| {
                fill(
                    text(lang, Coach::LadderSummary),
                    &[
                        ("n", &(i + 1).to_string()),
                        ("of", &rungs.len().to_string()),
                        ("amount", &amount_text(lang, *r, unit)),
                    ],
                )
            })
            .unwrap_or_default();
        // Steps left to the goal: the same count as on the goal card and the summary.
        if laddered.goal.is_some() {
            let left = steps_left(&rungs, p.amount).to_string();
            if !ladder_text.is_empty() {
                ladder_text.push(' ');
            }
            ladder_text.push_str(&fill(text(lang, Coach::LadderLeft), &[("n", &left)]));
        }
        if head {
            return view! {
                <p class="plan-amount">{today_line}</p>
                {full}
            }
            .into_any();
        }
        view! {
            <p class="reason">{reason_text(lang, &p, unit, ask)}</p>
            {check_link}
            {causes}
            <ol class="ladder" aria-label=text(lang, Coach::LadderLabel)>{steps}</ol>
            <p class="hint">{ladder_text}</p>
        }
        .into_any()
    };

    let archive_id = id.clone();
    let archive_name = name.clone();
    let archive = move |_| {
        let lang = state.lang.get_untracked();
        match state.archive_activity(&archive_id) {
            Ok(()) => notice.set(fill(
                text(lang, Coach::ArchivedNotice),
                &[("name", &archive_name)],
            )),
            Err(e) => notice.set(i18n::storage_error(lang, &e).into()),
        }
    };
    let archive_label = move || {
        fill(
            text(state.lang.get(), Coach::ArchiveAria),
            &[("name", &name)],
        )
    };
    let delete_name = act.with_value(|a| a.name.clone());
    let delete = move |_| {
        let lang = state.lang.get_untracked();
        match act.with_value(|a| state.delete_activity(&a.id)) {
            Ok(false) => notice.set(fill(
                text(lang, Coach::DeletedNotice),
                &[("name", &delete_name)],
            )),
            Ok(true) => notice.set(i18n::activity_error(lang, ActivityError::HasHistory)),
            Err(e) => notice.set(i18n::storage_error(lang, &e).into()),
        }
    };

    let log_key = format!("log-{id}");
    let more_key = format!("more-{id}");
    let panel = move |key: String| {
        let is_open = {
            let key = key.clone();
            move || open.with(|o| o.as_deref() == Some(key.as_str()))
        };
        let flip = {
            let key = key.clone();
            move |_| {
                open.update(|o| {
                    *o = if o.as_deref() == Some(key.as_str()) {
                        None
                    } else {
                        Some(key.clone())
                    }
                })
            }
        };
        (is_open, flip)
    };
    let (log_open, log_flip) = panel(log_key.clone());
    let (more_open, more_flip) = panel(more_key.clone());
    let log_shown = log_open.clone();
    let more_shown = more_open.clone();
    let log_panel = format!("{log_key}-panel");
    let more_panel = format!("{more_key}-panel");
    let close_log = Callback::new(move |_: ()| open.set(None));
    // The reason, the ladder, the edit form and archiving: built when first opened
    // (`built_when_opened`), as the session form is.
    let why = move || {
        let (archive, archive_label, delete) =
            (archive.clone(), archive_label.clone(), delete.clone());
        view! {
            {move || summary(false)}
            <ActivityForm notice=notice editing=act />
            <details class="more">
                <summary>{tr(state, Coach::ArchiveSummary)}</summary>
                <p class="hint">{tr(state, Coach::ArchiveHint)}</p>
                <div class="actions">
                    <button type="button" aria-label=archive_label on:click=archive>{tr(state, Coach::Archive)}</button>
                    <button type="button" on:click=delete>{tr(state, Coach::Delete)}</button>
                </div>
            </details>
        }
    };

    view! {
        <article class="activity" aria-labelledby=labelled_by>
            <div class="act-row">
                <div class="act-head">
                    // The name opens the reason and the ladder (the accordion pattern: a
                    // button inside the heading); its chevron says that it opens.
                    <h3>
                        <button
                            type="button"
                            class="act-why"
                            aria-expanded=move || if more_open() { "true" } else { "false" }
                            aria-controls=more_panel.clone()
                            on:click=more_flip
                        >
                            <span id=heading_id>{act.with_value(|a| a.name.clone())}</span>
                            <span class="visually-hidden">": "{tr(state, Coach::PlanMore)}</span>
                        </button>
                    </h3>
                    {move || summary(true)}
                </div>
                <button
                    type="button"
                    class="primary act-log"
                    aria-expanded=move || if log_open() { "true" } else { "false" }
                    aria-controls=log_panel.clone()
                    on:click=log_flip
                >
                    {tr(state, Coach::LogShort)}
                </button>
            </div>
            <Waiting which=WaitingFor::Activity(id.clone()) notice=notice error=answer_error />
            <LogSession act=act plan=plan id=id shown=Signal::derive(log_shown) panel=log_panel close=close_log />
            <div class="why" id=more_panel hidden=move || !more_shown()>
                {super::built_when_opened(more_shown.clone(), why)}
            </div>
        </article>
    }
}

/// The session form of one activity. It starts at what today's headline says (plan B on
/// a bad day, marked as plan B) and follows the plan until the patient types: from then
/// on it keeps what was typed, whatever changes elsewhere (another tab, the bad-day
/// toggle), until it is saved.
#[component]
fn LogSession(
    act: StoredValue<Activity>,
    plan: Memo<CardPlan>,
    id: String,
    /// Whether the form is open (one form of the coach at a time).
    shown: Signal<bool>,
    /// The id of the form's panel (the "Skriv ind" button controls it).
    panel: String,
    /// Closes the form after a save; the confirmation stays as one line.
    close: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let amount = RwSignal::new(String::new());
    let plan_b = RwSignal::new(false);
    let typed = RwSignal::new(false);
    let pain = RwSignal::new(None::<Score>);
    let okay_now = RwSignal::new(None::<bool>);
    let yesterday = RwSignal::new(false);
    let jump = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let prefill = move |p: &Plan, lang: Lang| {
        let (x, b) = p.form_start();
        amount.set(x.format(lang));
        plan_b.set(b);
    };
    Effect::new(move |_| {
        let lang = state.lang.get();
        let card = plan.get();
        if !typed.get_untracked() {
            prefill(&card.plan, lang);
        }
    });

    let save = move |confirmed: bool| {
        let lang = state.lang.get_untracked();
        status.set(String::new());
        let fail = |msg: &str| error.set(msg.to_string());
        let form = SessionInput {
            amount: amount.get_untracked(),
            pain_during: pain.get_untracked(),
            okay_now: okay_now.get_untracked(),
            yesterday: yesterday.get_untracked(),
            plan_b: plan_b.get_untracked(),
        };
        let laddered = plan.with_untracked(|c| c.laddered.clone());
        match state.log_session(&laddered, &form, confirmed) {
            Ok(session) => {
                pain.set(None);
                okay_now.set(None);
                yesterday.set(false);
                jump.set(false);
                typed.set(false);
                error.set(String::new());
                // Say at once what to do after a "no" now, and when "okay later?" comes.
                let now = clock::now();
                let when = ask_when(
                    lang,
                    trinvis_core::coach::okay_later_reminder(&session, now.offset_min),
                    now,
                );
                let saved = fill(text(lang, Coach::SessionSaved), &[("when", &when)]);
                let advice = match log_advice(&session, limits_now(state)) {
                    LogAdvice::AdjustNow => Some(text(lang, Coach::SavedAdjustNow)),
                    LogAdvice::PainHigh => Some(text(lang, Coach::SavedPainHigh)),
                    LogAdvice::Fine => None,
                };
                status.set(match advice {
                    Some(a) => format!("{saved} {a}"),
                    None => saved,
                });
                prefill(&plan.get_untracked().plan, lang);
                close.run(());
            }
            // The core names the form's first problem; nothing else changes.
            Err(LogError::Form(e)) => fail(&session_form_error(lang, e)),
            Err(LogError::Coach(e)) => {
                jump.set(matches!(
                    e,
                    CoachError::Session(SessionError::BigJump { .. })
                ));
                fail(&i18n::coach_error(lang, &e));
            }
        }
    };

    let amount_id = format!("amount-{id}");
    let guide_id = format!("guide-{id}");
    let described_by = guide_id.clone();
    let yesterday_id = format!("yday-{id}");
    let plan_b_id = format!("planb-{id}");
    let answer_button = move |yes: bool| {
        view! {
            <button
                type="button"
                aria-pressed=move || if okay_now.get() == Some(yes) { "true" } else { "false" }
                on:click=move |_| okay_now.set(Some(yes))
            >
                {tr(state, if yes { Coach::Yes } else { Coach::No })}
            </button>
        }
    };
    let own_limits = move || {
        let l = limits_now(state);
        (l != PainLimits::default()).then(|| {
            fill(
                text(state.lang.get(), Coach::GuideOwn),
                &[
                    ("safe", &l.safe_max().to_string()),
                    ("ok", &l.acceptable_max().to_string()),
                ],
            )
        })
    };
    let guide = move || i18n::guide_text(state.lang.get(), PainLimits::default());
    let light = move || {
        pain.get().map(|p| {
            let key = match limits_now(state).light(p) {
                Light::Safe => Coach::LightSafe,
                Light::Acceptable => Coach::LightAcceptable,
                Light::TooMuch => Coach::LightTooMuch,
            };
            fill(text(state.lang.get(), key), &[("n", &p.get().to_string())])
        })
    };

    // Built when the form first opens (`built_when_opened`): every activity has one, closed.
    let form = move || {
        let (amount_id, plan_b_id, yesterday_id) =
            (amount_id.clone(), plan_b_id.clone(), yesterday_id.clone());
        let (guide_id, described_by, id) = (guide_id.clone(), described_by.clone(), id.clone());
        view! {
            <form novalidate aria-label=move || text(state.lang.get(), Coach::LogSummary) on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save(false);
            }>
                <div class="field">
                    <label for=amount_id.clone()>
                        {move || {
                            let lang = state.lang.get();
                            let unit = act.with_value(|a| unit_name(lang, &a.unit).to_string());
                            fill(text(lang, Coach::AmountLabel), &[("unit", &unit)])
                        }}
                    </label>
                    <input
                        id=amount_id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        prop:value=move || amount.get()
                        on:input=move |ev| {
                            typed.set(true);
                            amount.set(event_target_value(&ev));
                        }
                    />
                </div>
                <p class="check">
                    <input
                        type="checkbox"
                        id=plan_b_id.clone()
                        prop:checked=move || plan_b.get()
                        on:change=move |ev| {
                            typed.set(true);
                            plan_b.set(event_target_checked(&ev));
                        }
                    />
                    <label for=plan_b_id>{tr(state, Coach::DonePlanB)}</label>
                </p>
                <ScorePicker legend=Coach::PainDuringLegend hint=Coach::PainDuringHint value=pain id=format!("pd-{id}") />
                <fieldset class="okay-now" aria-describedby=described_by>
                    <legend>{tr(state, Coach::OkayNowLegend)}</legend>
                    <p class="hint guide" id=guide_id>{guide}" "{own_limits}" "<a href=Route::Learn(Some("training-may-hurt".into())).href()>{tr(state, Coach::LearnTraining)}</a></p>
                    <p class="light">{light}</p>
                    <div class="actions">{answer_button(true)}{answer_button(false)}</div>
                </fieldset>
                <p class="check">
                    <input
                        type="checkbox"
                        id=yesterday_id.clone()
                        prop:checked=move || yesterday.get()
                        on:change=move |ev| yesterday.set(event_target_checked(&ev))
                    />
                    <label for=yesterday_id>{tr(state, Coach::DoneYesterday)}</label>
                </p>
                <div class="actions">
                    <button type="submit" class="primary">{tr(state, Coach::SaveSession)}</button>
                    <Show when=move || jump.get()>
                        <button type="button" on:click=move |_| save(true)>{tr(state, Coach::ConfirmJump)}</button>
                    </Show>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </form>
        }
    };
    view! {
        <div class="log" id=panel hidden=move || !shown.get()>
            {super::built_when_opened(move || shown.get(), form)}
        </div>
        <p class="status" role="status">{move || status.get()}</p>
    }
}

/// The physiotherapist's limits from a plan link, else 0-3 safe and 4-5 acceptable.
fn limits_now(state: AppState) -> PainLimits {
    state
        .settings
        .with(|s| kept_plan(s).and_then(|k| k.limits))
        .unwrap_or_default()
}

/// The activity form: adds an activity, or (with `editing`) changes one. Nothing is saved
/// while anything is wrong; the unit of an activity with sessions cannot change.
#[component]
pub fn ActivityForm(
    /// Where the result is announced.
    notice: RwSignal<String>,
    /// The activity being edited; `None` adds a new one.
    #[prop(optional)]
    editing: Option<StoredValue<Activity>>,
    /// The welcome's last step: the add button says "Tilføj og afslut".
    #[prop(optional)]
    finish: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang0 = state.lang.get_untracked();
    // Open at once only as the welcome's step. On the today screen it starts closed, even
    // with no activity yet: the empty card says what to add, "Tilføj en aktivitet" is one
    // tap, and the first screen stays short (building the open form was a third of the
    // start's work on a first visit).
    let open = RwSignal::new(
        finish
            && editing.is_none()
            && state
                .activities
                .with_untracked(|d| d.activities.iter().all(|a| a.archived)),
    );
    let draft = editing.map(|a| a.with_value(|a| a.to_draft()));
    let fmt = |x: Option<Amount>| x.map(|a| a.format(lang0)).unwrap_or_default();
    let d = draft.as_ref();
    let name = RwSignal::new(d.map(|d| d.name.clone()).unwrap_or_default());
    let (k0, own0) = match d.map(|d| &d.unit) {
        Some(Unit::Custom(w)) => ("custom".to_string(), w.clone()),
        Some(u) => (u.key().to_string(), String::new()),
        None => (Unit::Minutes.key().to_string(), String::new()),
    };
    let unit_key = RwSignal::new(k0);
    let own_unit = RwSignal::new(own0);
    let baseline = RwSignal::new(fmt(d.and_then(|d| d.baseline)));
    let per_week = RwSignal::new(d.map_or(3, |d| d.per_week).to_string());
    let goal = RwSignal::new(fmt(d.and_then(|d| d.goal)));
    let step = RwSignal::new(fmt(d.and_then(|d| d.custom_step)));
    let (e0, bn0, ba0) = match d.map(|d| &d.plan_b) {
        Some(PlanB::Easier { name, amount, .. }) => (true, name.clone(), amount.format(lang0)),
        _ => (false, String::new(), String::new()),
    };
    let easier = RwSignal::new(e0);
    // "Unsure? Start a step below": a choice, applied by the core when saving.
    let below = RwSignal::new(false);
    let b_name = RwSignal::new(bn0);
    let b_amount = RwSignal::new(ba0);
    let error = RwSignal::new(String::new());
    // Ids unique per form: "act-name" for the new one, "act-name-<id>" when editing.
    let sfx = StoredValue::new(
        editing
            .map(|a| a.with_value(|a| format!("-{}", a.id)))
            .unwrap_or_default(),
    );
    let fid = move |f: &str| sfx.with_value(|s| format!("act-{f}{s}"));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let form = ActivityInput {
            name: name.get_untracked(),
            unit_key: unit_key.get_untracked(),
            own_unit: own_unit.get_untracked(),
            baseline: baseline.get_untracked(),
            per_week: per_week.get_untracked(),
            goal: goal.get_untracked(),
            step: step.get_untracked(),
            easier: easier.get_untracked(),
            easier_name: b_name.get_untracked(),
            easier_amount: b_amount.get_untracked(),
            below: below.get_untracked(),
        };
        let result = match editing {
            Some(old) => old.with_value(|old| state.edit_activity(old, &form)),
            None => state.add_activity(&form),
        };
        match result {
            Ok(()) => {
                error.set(String::new());
                open.set(false);
                if editing.is_none() {
                    for s in [name, own_unit, baseline, goal, step, b_name, b_amount] {
                        s.set(String::new());
                    }
                    easier.set(false);
                }
                below.set(false);
                notice.set(
                    text(
                        lang,
                        if editing.is_some() {
                            Coach::ActivityChanged
                        } else {
                            Coach::ActivityAdded
                        },
                    )
                    .into(),
                );
            }
            // The core names the first amount field that is wrong, with its label.
            Err(CoachFormError::Form(e)) => error.set(activity_form_error(lang, e)),
            Err(CoachFormError::Coach(e)) => error.set(i18n::coach_error(lang, &e)),
        }
    };

    // One labelled text field with an optional hint; `mode` is the phone keyboard.
    // One labelled text field with an optional hint; `mode` is the phone keyboard.
    let field = move |f: &'static str,
                      label: Coach,
                      hint: Option<Coach>,
                      value: RwSignal<String>,
                      mode: &'static str| {
        super::text_field(
            fid(f),
            Signal::derive(tr(state, label)),
            hint.map(|h| Signal::derive(tr(state, h))),
            value,
            mode,
            (f == "name").then_some("act-suggest"),
        )
    };
    let units = move || {
        let lang = state.lang.get();
        Unit::BUILT_IN
            .iter()
            .map(|u| {
                let key = u.key();
                view! { <option value=key selected=move || unit_key.get() == key>{unit_name(lang, u).to_string()}</option> }
            })
            .collect_view()
    };
    // Hints that name a rule's number take it from the constant.
    let baseline_hint = Signal::derive(move || i18n::baseline_hint(state.lang.get()));
    let step_hint = Signal::derive(move || {
        fill(
            text(state.lang.get(), Coach::StepHint),
            &[("percent", &i18n::percent(STEP_FRACTION))],
        )
    });
    // Built when first opened (`built_when_opened`): the add form of a patient with activities
    // and every activity's edit form sit closed on the today screen.
    let form = move || {
        let suggestions = editing.is_none().then(|| {
            let options = [
                Coach::SuggestWalk,
                Coach::SuggestCycle,
                Coach::SuggestExercise,
                Coach::SuggestWork,
            ]
            .map(|k| view! { <option value=tr(state, k)></option> });
            view! { <datalist id="act-suggest">{options}</datalist> }
        });
        let radio_name = fid("plan-b");
        let choice = move |value: bool, label: Coach| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=radio_name.clone()
                        prop:checked=move || easier.get() == value
                        on:change=move |_| easier.set(value)
                    />
                    {tr(state, label)}
                </label>
            }
        };
        let unit_id = fid("unit");
        let week_id = fid("week");
        let below_id = fid("below");
        view! {
            <form novalidate aria-label=move || text(state.lang.get(), if editing.is_some() { Coach::EditSummary } else { Coach::AddSummary }) on:submit=submit>
                {field("name", Coach::NameLabel, Some(Coach::NameHint), name, "text")}
                {suggestions}
                <div class="field">
                    <label for=unit_id.clone()>{tr(state, Coach::UnitLabel)}</label>
                    <select id=unit_id on:change=move |ev| unit_key.set(event_target_value(&ev))>
                        {units}
                        <option value="custom" selected=move || unit_key.get() == "custom">{tr(state, Coach::UnitOwn)}</option>
                    </select>
                </div>
                <Show when=move || unit_key.get() == "custom">
                    {field("own", Coach::UnitOwnLabel, None, own_unit, "text")}
                </Show>
                {hinted_field(fid("base"), Coach::BaselineLabel, baseline_hint, baseline)}
                <p class="check">
                    <input
                        type="checkbox"
                        id=below_id.clone()
                        prop:checked=move || below.get()
                        on:change=move |ev| below.set(event_target_checked(&ev))
                    />
                    <label for=below_id>{tr(state, Coach::StartBelow)}</label>
                </p>
                <div class="field">
                    <label for=week_id.clone()>{tr(state, Coach::PerWeekLabel)}</label>
                    <input
                        id=week_id
                        type="number"
                        min="1"
                        max=PER_WEEK_MAX.to_string()
                        inputmode="numeric"
                        prop:value=move || per_week.get()
                        on:input=move |ev| per_week.set(event_target_value(&ev))
                    />
                </div>
                {field("goal", Coach::GoalLabel, Some(Coach::GoalHint), goal, "decimal")}
                {hinted_field(fid("step"), Coach::StepLabel, step_hint, step)}
                <fieldset>
                    <legend>{tr(state, Coach::PlanBLegend)}</legend>
                    {choice(false, Coach::PlanBHalf)}
                    {choice(true, Coach::PlanBEasier)}
                    <Show when=move || easier.get()>
                        {field("b-name", Coach::PlanBNameLabel, None, b_name, "text")}
                        {field("b-amount", Coach::PlanBAmountLabel, None, b_amount, "decimal")}
                    </Show>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary">{move || {
                        let lang = state.lang.get();
                        if finish {
                            crate::i18n::text(lang, crate::i18n::shell::Sh::AddAndFinish)
                        } else {
                            text(lang, if editing.is_some() { Coach::SaveActivity } else { Coach::AddActivity })
                        }
                    }}</button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </form>
        }
    };
    view! {
        <details class="add" prop:open=move || open.get() on:toggle=move |ev| {
            let now_open = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(
                &event_target::<web_sys::Element>(&ev),
            ).map(|d| d.open()).unwrap_or(false);
            open.set(now_open);
        }>
            <summary>{tr(state, if editing.is_some() { Coach::EditSummary } else { Coach::AddSummary })}</summary>
            {super::built_when_opened(move || open.get(), form)}
        </details>
    }
}

/// A labelled decimal field whose hint is a filled sentence (a rule's number in it).
fn hinted_field(
    id: String,
    label: Coach,
    hint: Signal<String>,
    value: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{tr(state, label)}</label>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby=hint_id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
