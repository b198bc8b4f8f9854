use super::{tr, ScorePicker};
use crate::i18n::{self, area_label, fill, text, T};
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::model::{BodyArea, CheckIn, CheckInDraft, Score};
use trinvis_core::rules::NOTE_MAX_CHARS;
use trinvis_core::time::{format_day_heading, format_time};

/// The check-in being edited, shared by the form and the list.
#[derive(Clone, Copy)]
pub struct Editing(pub RwSignal<Option<CheckIn>>);

/// What the status line under the form says.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    None,
    Saved(String),
    Error(String),
}

/// The check-in form: pain now (required), optional sleep, stress, room, body areas and a
/// note. On a failed save the entries stay on screen for another try.
#[component]
pub fn CheckInForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = expect_context::<Editing>().0;
    let pain = RwSignal::new(None::<Score>);
    let sleep = RwSignal::new(None::<Score>);
    let stress = RwSignal::new(None::<Score>);
    let room = RwSignal::new(None::<Score>);
    let areas = RwSignal::new(Vec::<BodyArea>::new());
    let note = RwSignal::new(String::new());
    let more_open = RwSignal::new(false);
    let status = RwSignal::new(Status::None);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let clear = move || {
        pain.set(None);
        sleep.set(None);
        stress.set(None);
        room.set(None);
        areas.set(Vec::new());
        note.set(String::new());
    };

    // Load a check-in into the form when the list asks to edit it.
    Effect::new(move |_| {
        if let Some(c) = editing.get() {
            let d = c.to_draft();
            pain.set(d.pain);
            sleep.set(d.sleep);
            stress.set(d.stress);
            room.set(d.room);
            more_open.set(d.sleep.is_some() || d.stress.is_some() || d.room.is_some());
            areas.set(d.areas);
            note.set(d.note);
            status.set(Status::None);
            if let Some(f) = form_ref.get_untracked() {
                f.scroll_into_view();
                if let Ok(Some(b)) = f.query_selector("button.score") {
                    if let Ok(b) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b) {
                        let _ = b.focus();
                    }
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let draft = CheckInDraft {
            pain: pain.get_untracked(),
            sleep: sleep.get_untracked(),
            stress: stress.get_untracked(),
            room: room.get_untracked(),
            areas: areas.get_untracked(),
            note: note.get_untracked(),
        };
        let valid = match draft.validate() {
            Ok(v) => v,
            Err(e) => {
                status.set(Status::Error(i18n::draft_error(lang, e).to_string()));
                return;
            }
        };
        let result = match editing.get_untracked() {
            Some(original) => state.update_check_in(&original, valid).map(|_| {
                editing.set(None);
                text(lang, T::Changed).to_string()
            }),
            None => state.add_check_in(valid).map(|c| {
                let (h, m) = c.at.local_hm();
                fill(
                    text(lang, T::SavedAt),
                    &[("time", &format_time(h, m, lang))],
                )
            }),
        };
        match result {
            Ok(msg) => {
                clear();
                status.set(Status::Saved(msg));
            }
            Err(e) => status.set(Status::Error(format!(
                "{} {}",
                i18n::storage_error(lang, &e),
                text(lang, T::NotSavedRetry)
            ))),
        }
    };

    let cancel = move |_| {
        editing.set(None);
        clear();
        status.set(Status::None);
    };

    let area_boxes = BodyArea::all()
        .into_iter()
        .map(|a| {
            let id = format!("area-{}", a.code());
            let checked = move || areas.with(|v| v.contains(&a));
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            areas.update(|v| {
                                v.retain(|x| *x != a);
                                if on {
                                    v.push(a);
                                }
                            });
                        }
                    />
                    <label for=id>{move || area_label(state.lang.get(), &a)}</label>
                </li>
            }
        })
        .collect_view();

    let editing_notice = move || {
        editing.get().map(|c| {
            let lang = state.lang.get();
            let (h, m) = c.at.local_hm();
            let when = format!(
                "{} {}",
                format_day_heading(c.at.local_date(), crate::clock::today(), lang),
                format_time(h, m, lang)
            );
            view! { <p class="editing">{fill(text(lang, T::EditingNotice), &[("when", &when)])}</p> }
        })
    };

    view! {
        <section class="card no-print" aria-labelledby="checkin-h">
            <h2 id="checkin-h">{tr(state, T::CheckInHeading)}</h2>
            <p class="intro">{tr(state, T::CheckInIntro)}</p>
            {editing_notice}
            <form node_ref=form_ref on:submit=on_submit novalidate>
                <ScorePicker legend=T::PainLegend hint=T::PainHint value=pain id="pain" />
                <details prop:open=move || more_open.get() on:toggle=move |ev| {
                    let open = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(
                        &event_target::<web_sys::Element>(&ev),
                    ).map(|d| d.open()).unwrap_or(false);
                    more_open.set(open);
                }>
                    <summary>{tr(state, T::MoreLegend)}</summary>
                    <ScorePicker legend=T::SleepLegend hint=T::SleepHint value=sleep optional=true id="sleep" />
                    <ScorePicker legend=T::StressLegend hint=T::StressHint value=stress optional=true id="stress" />
                    <ScorePicker legend=T::RoomLegend hint=T::RoomHint value=room optional=true id="room" />
                    <fieldset class="areas" aria-describedby="areas-hint">
                        <legend>{tr(state, T::AreasLegend)}</legend>
                        <p class="hint" id="areas-hint">{tr(state, T::AreasHint)}</p>
                        <ul class="chips">{area_boxes}</ul>
                    </fieldset>
                    <div class="field">
                        <label for="note">{tr(state, T::NoteLabel)}</label>
                        <p class="hint" id="note-hint">{tr(state, T::NoteHint)}</p>
                        <textarea
                            id="note"
                            rows="3"
                            maxlength=NOTE_MAX_CHARS.to_string()
                            aria-describedby="note-hint"
                            prop:value=move || note.get()
                            on:input=move |ev| note.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                </details>
                <div class="actions">
                    <button type="submit" class="primary">
                        {move || {
                            if editing.get().is_some() { tr(state, T::SaveChanges)() } else { tr(state, T::Save)() }
                        }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" on:click=cancel>{tr(state, T::CancelEdit)}</button>
                    </Show>
                </div>
                <p class="status" role="status">
                    {move || match status.get() { Status::Saved(m) => m, _ => String::new() }}
                </p>
                <p class="error" role="alert">
                    {move || match status.get() { Status::Error(m) => m, _ => String::new() }}
                </p>
            </form>
        </section>
    }
}
