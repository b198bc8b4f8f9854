//! The physiotherapist's page (`#/physio`, domain.md §10): compose a plan, check it with
//! the core's rules, and hand it over as a link and a QR code. The plan lives in the
//! link's fragment; nothing is stored on this device and nothing is sent anywhere.

use super::plan::plan_message;
use super::tr;
use crate::i18n::transfer::X;
use crate::i18n::{amount_error, fill, text, unit_name};
use crate::platform;
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::coach::{AmountField, Unit};
use trinvis_core::rules::{PAIN_ACCEPTABLE_MAX, PAIN_SAFE_MAX, PER_WEEK_MAX, PLAN_TEXT_MAX_CHARS};
use trinvis_core::time::Lang;
use trinvis_core::transfer::qr::{qr_matrix, QUIET_ZONE};
use trinvis_core::transfer::{encode_plan, PlanActivityInput, PlanInput, PlanInputError, PlanLink};

/// One activity of the form.
#[derive(Clone, Copy)]
struct Entry {
    key: usize,
    name: RwSignal<String>,
    unit: RwSignal<String>,
    own_unit: RwSignal<String>,
    baseline: RwSignal<String>,
    per_week: RwSignal<String>,
    step: RwSignal<String>,
    goal: RwSignal<String>,
    easier: RwSignal<bool>,
    b_name: RwSignal<String>,
    b_amount: RwSignal<String>,
}

impl Entry {
    fn new(key: usize) -> Entry {
        let s = || RwSignal::new(String::new());
        Entry {
            key,
            name: s(),
            unit: RwSignal::new(Unit::Minutes.key().to_string()),
            own_unit: s(),
            baseline: s(),
            per_week: RwSignal::new("3".into()),
            step: s(),
            goal: s(),
            easier: RwSignal::new(false),
            b_name: s(),
            b_amount: s(),
        }
    }

    /// The activity as typed.
    fn input(&self) -> PlanActivityInput {
        let g = |v: RwSignal<String>| v.get_untracked();
        PlanActivityInput {
            name: g(self.name),
            unit_key: g(self.unit),
            own_unit: g(self.own_unit),
            baseline: g(self.baseline),
            per_week: g(self.per_week),
            step: g(self.step),
            goal: g(self.goal),
            easier: self.easier.get_untracked(),
            easier_name: g(self.b_name),
            easier_amount: g(self.b_amount),
        }
    }
}

/// The label of an amount field, as the form shows it.
fn field_label(field: AmountField) -> X {
    match field {
        AmountField::Baseline => X::PhysioBaseline,
        AmountField::Step => X::PhysioStep,
        AmountField::Goal => X::PhysioGoalAmount,
        AmountField::PlanB => X::PhysioPlanBAmount,
    }
}

/// Why the form cannot be made into a plan, in words: "Aktivitet 1: Udgangspunkt: Skriv
/// et tal."
fn input_message(lang: Lang, e: PlanInputError) -> String {
    match e {
        PlanInputError::Amount {
            activity,
            field,
            error,
        } => format!(
            "{}: {}: {}",
            activity_label(lang, activity + 1),
            text(lang, field_label(field)),
            amount_error(lang, error)
        ),
        PlanInputError::InvalidDate => text(lang, X::PhysioDateInvalid).to_string(),
        PlanInputError::LimitsNotNumbers | PlanInputError::LimitsOutOfOrder => {
            text(lang, X::PhysioLimitsNumber).to_string()
        }
        PlanInputError::Plan(e) => plan_message(lang, e),
    }
}

/// "Aktivitet 2".
fn activity_label(lang: Lang, n: usize) -> String {
    fill(text(lang, X::PhysioActivity), &[("n", &n.to_string())])
}

/// The page for physiotherapists.
#[component]
pub fn PhysioPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let next_key = StoredValue::new(1usize);
    let entries = RwSignal::new(vec![Entry::new(0)]);
    let goal_text = RwSignal::new(String::new());
    let goal_date = RwSignal::new(String::new());
    let own_limits = RwSignal::new(false);
    let safe = RwSignal::new(PAIN_SAFE_MAX.to_string());
    let acceptable = RwSignal::new(PAIN_ACCEPTABLE_MAX.to_string());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    let copy_status = RwSignal::new(String::new());
    let link_ref = NodeRef::<leptos::html::Textarea>::new();

    let add_entry = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        entries.update(|v| v.push(Entry::new(key)));
    };

    let compose = move |lang: Lang| -> Result<PlanLink, String> {
        let g = |v: RwSignal<String>| v.get_untracked();
        PlanInput {
            activities: entries.get_untracked().iter().map(Entry::input).collect(),
            goal_text: g(goal_text),
            goal_date: g(goal_date),
            own_limits: own_limits.get_untracked(),
            safe_max: g(safe),
            acceptable_max: g(acceptable),
            note: g(note),
        }
        .to_plan()
        .map_err(|e| input_message(lang, e))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        copy_status.set(String::new());
        match compose(lang) {
            Ok(plan) => {
                error.set(String::new());
                link.set(Some(format!(
                    "{}{}",
                    platform::app_address(),
                    encode_plan(&plan)
                )));
            }
            Err(m) => {
                link.set(None);
                error.set(m);
            }
        }
    };

    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            if platform::copy_text(&url).await {
                copy_status.set(text(lang, X::PhysioCopied).into());
            } else {
                if let Some(t) = link_ref.get_untracked() {
                    let _ = t.focus();
                    t.select();
                }
                copy_status.set(text(lang, X::PhysioSelected).into());
            }
        });
    };

    let output = move || {
        link.get().map(|url| {
            let lang = state.lang.get();
            let qr = match qr_matrix(&url) {
                Some(m) => {
                    let side = m.size() + 2 * QUIET_ZONE;
                    let q = QUIET_ZONE;
                    view! {
                        <svg
                            class="qr"
                            role="img"
                            aria-label=text(lang, X::PhysioQrLabel)
                            viewBox=format!("-{q} -{q} {side} {side}")
                            shape-rendering="crispEdges"
                        >
                            <rect x=format!("-{q}") y=format!("-{q}") width=side.to_string() height=side.to_string() fill="#fff"></rect>
                            <path d=m.svg_path() fill="#000"></path>
                        </svg>
                    }
                    .into_any()
                }
                None => view! { <p class="hint">{text(lang, X::PhysioQrTooLong)}</p> }.into_any(),
            };
            view! {
                <div class="plan-link">
                    <div class="field">
                        <label for="plan-url">{text(lang, X::PhysioLinkLabel)}</label>
                        <p class="hint" id="plan-url-hint">{text(lang, X::PhysioLinkHint)}</p>
                        <textarea id="plan-url" readonly rows="4" aria-describedby="plan-url-hint" node_ref=link_ref prop:value=url.clone()></textarea>
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" on:click=copy>{text(lang, X::PhysioCopy)}</button>
                    </div>
                    <p class="status" role="status">{move || copy_status.get()}</p>
                    {qr}
                </div>
            }
        })
    };

    let text_field = move |id: String,
                           label: X,
                           hint: Option<X>,
                           value: RwSignal<String>,
                           mode: &'static str| {
        super::text_field(
            id,
            Signal::derive(tr(state, label)),
            hint.map(|h| Signal::derive(tr(state, h))),
            value,
            mode,
            None,
        )
    };

    let entry_view = move |e: Entry| {
        let k = e.key;
        let id = move |f: &str| format!("p{k}-{f}");
        let number = move || {
            entries
                .with(|v| v.iter().position(|x| x.key == k))
                .map_or(0, |i| i + 1)
        };
        let legend = move || activity_label(state.lang.get(), number());
        let remove_label = move || {
            fill(
                text(state.lang.get(), X::PhysioRemoveActivity),
                &[("n", &number().to_string())],
            )
        };
        let units = move || {
            let lang = state.lang.get();
            Unit::BUILT_IN
                .iter()
                .map(|u| {
                    let key = u.key();
                    view! { <option value=key selected=move || e.unit.get() == key>{unit_name(lang, u).to_string()}</option> }
                })
                .collect_view()
        };
        let radio = id("plan-b");
        let choice = move |value: bool, label: X| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=radio.clone()
                        prop:checked=move || e.easier.get() == value
                        on:change=move |_| e.easier.set(value)
                    />
                    {tr(state, label)}
                </label>
            }
        };
        let unit_id = id("unit");
        let week_id = id("week");
        view! {
            <fieldset class="plan-entry">
                <legend>{legend}</legend>
                {text_field(id("name"), X::PhysioName, None, e.name, "text")}
                <div class="field">
                    <label for=unit_id.clone()>{tr(state, X::PhysioUnit)}</label>
                    <select id=unit_id on:change=move |ev| e.unit.set(event_target_value(&ev))>
                        {units}
                        <option value="custom" selected=move || e.unit.get() == "custom">{tr(state, X::PhysioOwnUnit)}</option>
                    </select>
                </div>
                <Show when=move || e.unit.get() == "custom">
                    {text_field(id("own"), X::PhysioOwnUnit, None, e.own_unit, "text")}
                </Show>
                {text_field(id("base"), X::PhysioBaseline, Some(X::PhysioBaselineHint), e.baseline, "decimal")}
                <div class="field">
                    <label for=week_id.clone()>{tr(state, X::PhysioPerWeek)}</label>
                    <input
                        id=week_id
                        type="number"
                        min="1"
                        max=PER_WEEK_MAX.to_string()
                        inputmode="numeric"
                        prop:value=move || e.per_week.get()
                        on:input=move |ev| e.per_week.set(event_target_value(&ev))
                    />
                </div>
                {text_field(id("step"), X::PhysioStep, Some(X::PhysioStepHint), e.step, "decimal")}
                {text_field(id("goal"), X::PhysioGoalAmount, None, e.goal, "decimal")}
                <fieldset>
                    <legend>{tr(state, X::PhysioPlanB)}</legend>
                    {choice(false, X::PhysioPlanBHalf)}
                    {choice(true, X::PhysioPlanBEasier)}
                    <Show when=move || e.easier.get()>
                        {text_field(id("b-name"), X::PhysioPlanBName, None, e.b_name, "text")}
                        {text_field(id("b-amount"), X::PhysioPlanBAmount, None, e.b_amount, "decimal")}
                    </Show>
                </fieldset>
                <Show when=move || entries.with(|v| v.len() > 1)>
                    <button type="button" class="quiet" on:click=move |_| entries.update(|v| v.retain(|x| x.key != k))>
                        {remove_label}
                    </button>
                </Show>
            </fieldset>
        }
    };

    view! {
        <section class="card physio" aria-labelledby="physio-h">
            <h2 id="physio-h">{tr(state, X::PhysioHeading)}</h2>
            <p class="intro">{tr(state, X::PhysioIntro)}</p>
            <p class="hint">{tr(state, X::PhysioPrivacy)}</p>
            <form novalidate aria-labelledby="physio-h" on:submit=submit>
                <For each=move || entries.get() key=|e| e.key children=entry_view />
                <div class="actions">
                    <button type="button" on:click=add_entry>{tr(state, X::PhysioAddActivity)}</button>
                </div>
                {text_field("plan-goal".into(), X::PhysioGoalText, None, goal_text, "text")}
                <div class="field">
                    <label for="plan-goal-date">{tr(state, X::PhysioGoalDate)}</label>
                    <input
                        id="plan-goal-date"
                        type="date"
                        prop:value=move || goal_date.get()
                        on:input=move |ev| goal_date.set(event_target_value(&ev))
                    />
                </div>
                <p class="check">
                    <input
                        type="checkbox"
                        id="plan-limits"
                        prop:checked=move || own_limits.get()
                        on:change=move |ev| own_limits.set(event_target_checked(&ev))
                    />
                    <label for="plan-limits">{move || fill(text(state.lang.get(), X::PhysioLimitsToggle), &[("safe_default", &PAIN_SAFE_MAX.to_string()), ("ok_default", &PAIN_ACCEPTABLE_MAX.to_string())])}</label>
                </p>
                <Show when=move || own_limits.get()>
                    {text_field("plan-safe".into(), X::PhysioSafeMax, None, safe, "numeric")}
                    {text_field("plan-acceptable".into(), X::PhysioAcceptableMax, None, acceptable, "numeric")}
                </Show>
                <div class="field">
                    <label for="plan-note">{tr(state, X::PhysioNote)}</label>
                    <p class="hint" id="plan-note-hint">{move || fill(text(state.lang.get(), X::PhysioNoteHint), &[("chars", &PLAN_TEXT_MAX_CHARS.to_string())])}</p>
                    <textarea
                        id="plan-note"
                        rows="3"
                        aria-describedby="plan-note-hint"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{tr(state, X::PhysioMakeLink)}</button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </form>
            {output}
        </section>
    }
}
