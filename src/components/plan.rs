//! A plan link opened by the patient (domain.md §10): the plan in plain words, and
//! nothing added before "Tilføj planen". Also the physiotherapist's note on the today
//! screen once a plan is added.

use super::tr;
use crate::i18n::format::date_plain;
use crate::i18n::transfer::{plan_error, X};
use crate::i18n::{activity_error, fill, storage_error, text, unit_name};
use crate::platform;
use crate::state::{AppState, TransferError};
use leptos::prelude::*;
use trinvis_core::coach::{Amount, PainLimits, PlanB, Unit};
use trinvis_core::rules::{
    PAIN_ACCEPTABLE_MAX, PAIN_MAX, PAIN_SAFE_MAX, PLAN_MAX_ACTIVITIES, PLAN_TEXT_MAX_CHARS,
    STEP_FRACTION,
};
use trinvis_core::time::Lang;
use trinvis_core::transfer::kept::kept_plan;
use trinvis_core::transfer::{decode_plan, PlanActivity, PlanError, PlanGoal, PlanLink};

/// The plan link waiting for an answer, and the answer's message afterwards.
#[derive(Clone, Copy)]
pub struct PlanLinkState {
    /// The fragment (`#plan=…`) of a link being shown.
    pub pending: RwSignal<Option<String>>,
    /// What happened to the last one, shown on the today screen.
    pub outcome: RwSignal<Option<String>>,
    /// Whether the last one was added (not declined or refused).
    pub added: RwSignal<bool>,
}

impl PlanLinkState {
    /// A fresh state; `hash` is the fragment the page was opened with.
    pub fn new(hash: &str) -> PlanLinkState {
        let s = PlanLinkState {
            pending: RwSignal::new(None),
            outcome: RwSignal::new(None),
            added: RwSignal::new(false),
        };
        s.follow(hash);
        s
    }

    /// A new fragment: a plan link is shown, anything else leaves the state alone.
    pub fn follow(&self, hash: &str) {
        if hash.starts_with(trinvis_core::transfer::plan_link::PLAN_FRAGMENT_PREFIX) {
            self.outcome.set(None);
            self.added.set(false);
            self.pending.set(Some(hash.to_string()));
        }
    }

    /// The link is answered: the fragment is cleared (without a history entry, so "back"
    /// does not offer it again) and `message` is shown on the today screen; `added` says
    /// whether the plan was added.
    fn finish(&self, message: String, added: bool) {
        self.added.set(added);
        self.pending.set(None);
        self.outcome.set(Some(message));
        platform::replace_hash("#/");
    }
}

/// "10 minutter".
fn amount_text(lang: Lang, amount: Amount, unit: &Unit) -> String {
    format!("{} {}", amount.format(lang), unit_name(lang, unit))
}

/// The message for a plan that cannot be used.
pub fn plan_message(lang: Lang, e: PlanError) -> String {
    match (plan_error(lang, e), e) {
        (Some(m), _) => fill(
            m,
            &[
                ("max", &PLAN_MAX_ACTIVITIES.to_string()),
                ("chars", &PLAN_TEXT_MAX_CHARS.to_string()),
                ("pain_max", &PAIN_MAX.to_string()),
            ],
        ),
        (None, PlanError::Activity { activity, error }) => format!(
            "{}: {}",
            fill(
                text(lang, X::PhysioActivity),
                &[("n", &(activity + 1).to_string())]
            ),
            activity_error(lang, error)
        ),
        (None, _) => String::new(),
    }
}

/// One activity of a plan in plain words.
pub fn plan_activity_lines(lang: Lang, a: &PlanActivity) -> Vec<String> {
    let unit = &a.unit;
    let mut lines = vec![fill(
        text(lang, X::PlanStart),
        &[
            ("amount", &amount_text(lang, a.baseline, unit)),
            ("n", &a.per_week.to_string()),
        ],
    )];
    lines.push(match a.step {
        Some(s) => fill(
            text(lang, X::PlanStepOwn),
            &[("amount", &amount_text(lang, s, unit))],
        ),
        None => fill(
            text(lang, X::PlanStepDefault),
            &[("percent", &crate::i18n::percent(STEP_FRACTION))],
        ),
    });
    if let Some(g) = a.goal {
        lines.push(fill(
            text(lang, X::PlanGoalAmount),
            &[("amount", &amount_text(lang, g, unit))],
        ));
    }
    lines.push(match &a.plan_b {
        PlanB::Fraction => text(lang, X::PlanBHalfLine).to_string(),
        PlanB::Easier { name, amount, unit } => fill(
            text(lang, X::PlanBEasierLine),
            &[(
                "what",
                &format!("{name}, {}", amount_text(lang, *amount, unit)),
            )],
        ),
    });
    lines
}

/// "Dit mål: gå til bageren (inden 31. januar 2027)".
fn goal_text(lang: Lang, g: &PlanGoal) -> String {
    let by = g
        .date
        .map(|d| fill(text(lang, X::PlanGoalBy), &[("date", &date_plain(lang, d))]))
        .unwrap_or_default();
    format!(
        "{}{by}",
        fill(text(lang, X::PlanGoalLine), &[("text", &g.text)])
    )
}

/// The limits line, when they differ from the default.
fn limits_text(lang: Lang, limits: Option<PainLimits>) -> Option<String> {
    limits.filter(|l| *l != PainLimits::default()).map(|l| {
        fill(
            text(lang, X::PlanLimits),
            &[
                ("safe", &l.safe_max().to_string()),
                ("acceptable", &l.acceptable_max().to_string()),
                ("safe_default", &PAIN_SAFE_MAX.to_string()),
                ("ok_default", &PAIN_ACCEPTABLE_MAX.to_string()),
            ],
        )
    })
}

/// The screen of an opened plan link: the plan in words and "Tilføj planen" / "Nej tak",
/// or what is wrong with the link.
#[component]
pub fn PlanOffer(fragment: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let flow = expect_context::<PlanLinkState>();
    let error = RwSignal::new(String::new());
    match decode_plan(&fragment) {
        Err(e) => {
            let back = move |_| {
                flow.finish(
                    text(state.lang.get_untracked(), X::PlanNotAdded).into(),
                    false,
                )
            };
            view! {
                <section class="card plan-offer" aria-labelledby="plan-h">
                    <h2 id="plan-h">{tr(state, X::PlanBrokenHeading)}</h2>
                    <p role="alert">{move || plan_message(state.lang.get(), e)}</p>
                    <p>{tr(state, X::PlanNotAdded)}</p>
                    <div class="actions">
                        <button type="button" on:click=back>{tr(state, X::PlanBackToday)}</button>
                    </div>
                </section>
            }
            .into_any()
        }
        Ok(plan) => {
            let plan = StoredValue::new(plan);
            let body = move || {
                let lang = state.lang.get();
                plan.with_value(|p| {
                    let mine: Vec<String> = state.activities.with(|d| {
                        d.activities
                            .iter()
                            .filter(|a| !a.archived)
                            .map(|a| a.name.trim().to_lowercase())
                            .collect()
                    });
                    let activities = p
                        .activities
                        .iter()
                        .map(|a| {
                            let clash = mine.contains(&a.name.trim().to_lowercase()).then(|| {
                                view! { <p class="note">{fill(text(lang, X::PlanClash), &[("name", a.name.trim())])}</p> }
                            });
                            view! {
                                <li>
                                    <h4>{a.name.clone()}</h4>
                                    <ul>
                                        {plan_activity_lines(lang, a).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                    </ul>
                                    {clash}
                                </li>
                            }
                        })
                        .collect_view();
                    let note = (!p.note.trim().is_empty()).then(|| {
                        view! {
                            <div class="physio-note">
                                <p class="label">{text(lang, X::PlanNoteLabel)}</p>
                                <blockquote>{p.note.clone()}</blockquote>
                            </div>
                        }
                    });
                    let goal = p.goal.as_ref().map(|g| view! { <p class="goal">{goal_text(lang, g)}</p> });
                    let limits = limits_text(lang, p.limits).map(|t| view! { <p>{t}</p> });
                    view! {
                        {note}
                        <h3>{text(lang, X::PlanActivitiesHeading)}</h3>
                        <ul class="plan-activities">{activities}</ul>
                        {goal}
                        {limits}
                    }
                })
            };
            let add = move |_| {
                let lang = state.lang.get_untracked();
                match plan.with_value(|p: &PlanLink| state.add_plan(p)) {
                    Ok(_) => flow.finish(text(lang, X::PlanAdded).into(), true),
                    Err(TransferError::Plan(e)) => error.set(plan_message(lang, e)),
                    Err(TransferError::Storage(e)) => error.set(format!(
                        "{} {}",
                        storage_error(lang, &e),
                        text(lang, X::PlanNotAdded)
                    )),
                    Err(TransferError::Import(_)) => {}
                }
            };
            let decline = move |_| {
                flow.finish(
                    text(state.lang.get_untracked(), X::PlanDeclined).into(),
                    false,
                )
            };
            view! {
                <section class="card plan-offer" aria-labelledby="plan-h">
                    <h2 id="plan-h">{tr(state, X::PlanHeading)}</h2>
                    <p class="intro">{tr(state, X::PlanIntro)}</p>
                    {body}
                    <div class="actions">
                        <button type="button" class="primary" on:click=add>{tr(state, X::PlanAdd)}</button>
                        <button type="button" on:click=decline>{tr(state, X::PlanDecline)}</button>
                    </div>
                    <p class="error" role="alert">{move || error.get()}</p>
                </section>
            }
            .into_any()
        }
    }
}

/// What happened to the last plan link, on the today screen.
#[component]
pub fn PlanOutcome() -> impl IntoView {
    let flow = expect_context::<PlanLinkState>();
    view! {
        <Show when=move || flow.outcome.with(|o| o.is_some())>
            <div class="card plan-outcome" role="status">
                <p>{move || flow.outcome.get().unwrap_or_default()}</p>
            </div>
        </Show>
    }
}

/// The physiotherapist's note, goal and limits of the added plan, in the coach section.
#[component]
pub fn PhysioNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    let note = move || {
        let lang = state.lang.get();
        let kept = state.settings.with(kept_plan)?;
        let limits = limits_text(lang, kept.limits);
        if kept.note.trim().is_empty() && kept.goal.is_none() && limits.is_none() {
            return None;
        }
        let note = (!kept.note.trim().is_empty())
            .then(|| view! { <blockquote>{kept.note.clone()}</blockquote> });
        let goal = kept
            .goal
            .as_ref()
            .map(|g| view! { <p class="goal">{goal_text(lang, g)}</p> });
        Some(view! {
            <aside class="physio-note" aria-labelledby="physio-note-h">
                <h3 id="physio-note-h">{text(lang, X::CoachNoteHeading)}</h3>
                {note}
                {goal}
                {limits.map(|t| view! { <p>{t}</p> })}
            </aside>
        })
    };
    // Wrapped, so the coach section's own dynamic parts keep their places.
    view! { <div class="physio-note-slot">{note}</div> }
}
