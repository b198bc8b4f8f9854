use super::tr;
use crate::i18n::today::Today;
use crate::i18n::Both;
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::model::Score;
use trinvis_core::rules::{PAIN_MAX, PAIN_MIN};

/// Eleven large toggle buttons for a 0-10 score, grouped under a legend (the group's
/// accessible name). Pressing the chosen number again, or "clear", unsets an optional score.
#[component]
pub fn ScorePicker(
    /// The legend text key of any area's table (also the group's accessible name).
    #[prop(into)]
    legend: Both,
    /// A short hint about the ends of the scale.
    #[prop(into)]
    hint: Both,
    /// The chosen score.
    value: RwSignal<Option<Score>>,
    /// Whether the score may be left empty.
    #[prop(optional)]
    optional: bool,
    /// A unique id stem for aria references.
    #[prop(into)]
    id: String,
    /// An error about this score, shown inside the group (empty: none). The next choice
    /// clears it.
    #[prop(optional)]
    error: Option<RwSignal<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || match error {
            Some(err) if err.with(|m| !m.is_empty()) => format!("{h} {e}"),
            _ => h.clone(),
        }
    };
    let buttons = (PAIN_MIN..=PAIN_MAX)
        .filter_map(|n| Score::new(n).ok())
        .map(|score| {
            let pressed = move || value.get() == Some(score);
            view! {
                <button
                    type="button"
                    class="score"
                    aria-pressed=move || if pressed() { "true" } else { "false" }
                    on:click=move |_| {
                        if let Some(err) = error {
                            err.set(String::new());
                        }
                        if optional && value.get_untracked() == Some(score) {
                            value.set(None);
                        } else {
                            value.set(Some(score));
                        }
                    }
                >
                    {score.get()}
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="scale" id=id aria-describedby=described_by>
            <legend>{move || legend.get(state.lang.get())}</legend>
            <p class="hint" id=hint_id>{move || hint.get(state.lang.get())}</p>
            <div class="scale-buttons">{buttons}</div>
            {error.map(|err| view! {
                <p class="error field-error" id=error_id.clone() role="alert">{move || err.get()}</p>
            })}
            <Show when=move || optional && value.get().is_some()>
                <button type="button" class="link" on:click=move |_| value.set(None)>
                    {tr(state, Today::ClearChoice)}
                </button>
            </Show>
        </fieldset>
    }
}
