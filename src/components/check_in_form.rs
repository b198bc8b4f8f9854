use super::{tr, ScorePicker};
use crate::i18n::coach::Coach;
use crate::i18n::format::{clock_time, day_heading};
use crate::i18n::shell::Sh;
use crate::i18n::today::Today;
use crate::i18n::{self, area_label, fill, text};
use crate::state::{AppState, CheckInError};
use leptos::prelude::*;
use trinvis_core::model::{BodyArea, CheckIn, CheckInDraft, DraftError, Score};
use trinvis_core::rules::NOTE_MAX_CHARS;

/// The check-in being edited, shared by the form and the list.
#[derive(Clone, Copy)]
pub struct Editing(pub RwSignal<Option<CheckIn>>);

/// What the card shows after a save: the one-line confirmation and the check-in it names
/// (for "Ret").
#[derive(Clone, Debug, PartialEq)]
struct Done {
    line: String,
    saved: CheckIn,
}

/// The check-in form: pain now (required), optional sleep, stress, room, body areas and a
/// note. On a failed save the entries stay on screen for another try; a missing or wrong
/// entry is named next to its field, which gets the focus, until the next change. A saved
/// check-in replaces the form with one line ("✓ Gemt kl. 09.30 · smerte 4") with "Ret" and
/// "Nyt check-in".
#[component]
pub fn CheckInForm(
    /// Inside the welcome: the button reads "Gem og fortsæt" and a save moves on (no
    /// confirmation line).
    #[prop(optional)]
    on_saved: Option<Callback<()>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = expect_context::<Editing>().0;
    let pain = RwSignal::new(None::<Score>);
    let sleep = RwSignal::new(None::<Score>);
    let stress = RwSignal::new(None::<Score>);
    let room = RwSignal::new(None::<Score>);
    let areas = RwSignal::new(Vec::<BodyArea>::new());
    let note = RwSignal::new(String::new());
    let more_open = RwSignal::new(false);
    let pain_error = RwSignal::new(String::new());
    let note_error = RwSignal::new(String::new());
    let save_error = RwSignal::new(String::new());
    let done = RwSignal::new(None::<Done>);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let clear = move || {
        pain.set(None);
        sleep.set(None);
        stress.set(None);
        room.set(None);
        areas.set(Vec::new());
        note.set(String::new());
        pain_error.set(String::new());
        note_error.set(String::new());
        save_error.set(String::new());
    };
    let focus_in_form = move |selector: &str| {
        if let Some(f) = form_ref.get_untracked() {
            if let Ok(Some(el)) = f.query_selector(selector) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
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
            pain_error.set(String::new());
            note_error.set(String::new());
            save_error.set(String::new());
            done.set(None);
            // The form is drawn again on the next tick when it was the confirmation line.
            leptos::task::spawn_local(async move {
                crate::platform::next_tick().await;
                // The whole card, so its heading and "you are editing …" line show too.
                if let Some(f) = form_ref.get_untracked() {
                    match f.closest("section").ok().flatten() {
                        Some(card) => card.scroll_into_view(),
                        None => f.scroll_into_view(),
                    }
                }
                focus_in_form("button.score");
            });
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
        let result = match editing.get_untracked() {
            Some(original) => state.change_check_in(&original, &draft).map(|saved| {
                editing.set(None);
                let pain_text = saved.pain.get().to_string();
                Done {
                    line: fill(text(lang, Sh::DoneChanged), &[("pain", &pain_text)]),
                    saved,
                }
            }),
            None => state.save_check_in(&draft).map(|c| {
                let pain_text = c.pain.get().to_string();
                let (h, m) = c.at.local_hm();
                Done {
                    line: fill(
                        text(lang, Sh::DoneLine),
                        &[("time", &clock_time(lang, h, m)), ("pain", &pain_text)],
                    ),
                    saved: c,
                }
            }),
        };
        match result {
            Ok(d) => {
                clear();
                more_open.set(false);
                match on_saved {
                    Some(cb) => cb.run(()),
                    None => done.set(Some(d)),
                }
            }
            // The core names the first problem of the form, next to its field.
            Err(CheckInError::Draft(e)) => {
                let msg = i18n::draft_error(lang, e).to_string();
                match e {
                    DraftError::PainMissing => {
                        pain_error.set(msg);
                        focus_in_form("#pain button.score");
                    }
                    DraftError::NoteTooLong => {
                        more_open.set(true);
                        note_error.set(msg);
                        focus_in_form("#note");
                    }
                }
            }
            Err(CheckInError::Storage(e)) => save_error.set(format!(
                "{} {}",
                i18n::storage_error(lang, &e),
                text(lang, Today::NotSavedRetry)
            )),
        }
    };

    let cancel = move |_| {
        editing.set(None);
        clear();
    };
    let new_check_in = move |_| {
        done.set(None);
        leptos::task::spawn_local(async move {
            crate::platform::next_tick().await;
            focus_in_form("#pain button.score");
        });
    };
    let edit_saved = move |_| {
        if let Some(d) = done.get_untracked() {
            editing.set(Some(d.saved));
        }
    };

    let editing_notice = move || {
        editing.get().map(|c| {
            let lang = state.lang.get();
            let (h, m) = c.at.local_hm();
            let when = format!(
                "{} {}",
                day_heading(lang, c.at.local_date(), crate::clock::today()),
                clock_time(lang, h, m)
            );
            view! { <p class="editing">{fill(text(lang, Today::EditingNotice), &[("when", &when)])}</p> }
        })
    };

    // "Mere (valgfrit)": built when first opened (`built_when_opened`), half the form's
    // elements; in the release build a part of its own (the coach's, `lazy::more_fields`).
    let fields = MoreSignals {
        sleep,
        stress,
        room,
        areas,
        note,
        note_error,
    };
    let more = move || super::lazy::more_fields(fields);

    let form = move || {
        view! {
            {editing_notice}
            <form node_ref=form_ref on:submit=on_submit novalidate>
                <ScorePicker legend=Today::PainLegend hint=Today::PainHint value=pain id="pain" error=pain_error />
                <details prop:open=move || more_open.get() on:toggle=move |ev| {
                    let open = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(
                        &event_target::<web_sys::Element>(&ev),
                    ).map(|d| d.open()).unwrap_or(false);
                    more_open.set(open);
                }>
                    <summary>{tr(state, Today::MoreLegend)}</summary>
                    {super::built_when_opened(move || more_open.get(), more)}
                </details>
                <div class="actions">
                    <button type="submit" class="primary">
                        {move || {
                            if editing.get().is_some() {
                                tr(state, Today::SaveChanges)()
                            } else if on_saved.is_some() {
                                tr(state, Sh::SaveAndContinue)()
                            } else {
                                tr(state, Today::Save)()
                            }
                        }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" on:click=cancel>{tr(state, Today::CancelEdit)}</button>
                    </Show>
                </div>
                <p class="error" role="alert">{move || save_error.get()}</p>
            </form>
        }
    };
    let done_line = move |d: Done| {
        view! {
            <div class="done-line">
                <p role="status">{d.line}</p>
                <button type="button" class="link" aria-label=tr(state, Sh::EditSavedAria) on:click=edit_saved>
                    {tr(state, Sh::EditSaved)}
                </button>
                <button type="button" on:click=new_check_in>{tr(state, Sh::NewCheckIn)}</button>
            </div>
        }
    };

    view! {
        <section class="card no-print checkin" class:task-done=move || done.with(|d| d.is_some()) aria-labelledby="checkin-h">
            <h2 id="checkin-h">{tr(state, Today::CheckInHeading)}</h2>
            {move || match done.get() {
                Some(d) => done_line(d).into_any(),
                None => form().into_any(),
            }}
        </section>
    }
}

/// The signals of the check-in's optional fields, shared by the form and [`MoreFields`].
#[derive(Clone, Copy)]
pub struct MoreSignals {
    pub sleep: RwSignal<Option<Score>>,
    pub stress: RwSignal<Option<Score>>,
    pub room: RwSignal<Option<Score>>,
    pub areas: RwSignal<Vec<BodyArea>>,
    pub note: RwSignal<String>,
    pub note_error: RwSignal<String>,
}

/// "Mere (valgfrit)" of the check-in: sleep, stress, how much room the pain takes, the body
/// areas and a note.
#[component]
pub fn MoreFields(fields: MoreSignals) -> impl IntoView {
    let state = expect_context::<AppState>();
    let MoreSignals {
        sleep,
        stress,
        room,
        areas,
        note,
        note_error,
    } = fields;
    let area_boxes = move || {
        BodyArea::all()
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
            .collect_view()
    };
    view! {
        <ScorePicker legend=Coach::SleepLegend hint=Coach::SleepHint value=sleep optional=true id="sleep" />
        <ScorePicker legend=Coach::StressLegend hint=Coach::StressHint value=stress optional=true id="stress" />
        <ScorePicker legend=Coach::RoomLegend hint=Coach::RoomHint value=room optional=true id="room" />
        <fieldset class="areas" aria-describedby="areas-hint">
            <legend>{tr(state, Coach::AreasLegend)}</legend>
            <p class="hint" id="areas-hint">{tr(state, Coach::AreasHint)}</p>
            <ul class="chips">{area_boxes()}</ul>
        </fieldset>
        <div class="field">
            <label for="note">{tr(state, Coach::NoteLabel)}</label>
            <p class="hint" id="note-hint">{tr(state, Coach::NoteHint)}</p>
            <textarea
                id="note"
                rows="3"
                maxlength=NOTE_MAX_CHARS.to_string()
                aria-describedby=move || if note_error.with(|e| e.is_empty()) { "note-hint" } else { "note-hint note-error" }
                aria-invalid=move || (!note_error.with(|e| e.is_empty())).then_some("true")
                prop:value=move || note.get()
                on:input=move |ev| {
                    note_error.set(String::new());
                    note.set(event_target_value(&ev));
                }
            ></textarea>
            <p class="error field-error" id="note-error" role="alert">{move || note_error.get()}</p>
        </div>
    }
}
