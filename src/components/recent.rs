use super::check_in_form::Editing;
use super::tr;
use crate::clock;
use crate::i18n::coach::Coach;
use crate::i18n::format::{clock_time, day_heading};
use crate::i18n::shell::Sh;
use crate::i18n::{self, area_label, fill, text};
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::model::CheckIn;
use trinvis_core::time::{Date, Lang};

/// How many check-ins the list shows at first, and adds per "show older".
const PAGE: usize = 20;

/// The recent check-ins, newest first, under one heading per local day, with edit and
/// delete (undo) for each in one "⋯" menu.
#[component]
pub fn RecentCheckIns() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = expect_context::<Editing>().0;
    let limit = RwSignal::new(PAGE);
    let deleted = RwSignal::new(None::<CheckIn>);
    let message = RwSignal::new(String::new());

    let groups = Memo::new(move |_| {
        let n = limit.get();
        state.diary.with(|d| {
            let mut groups: Vec<(Date, Vec<CheckIn>)> = Vec::new();
            for c in d.newest_first().take(n) {
                let day = c.at.local_date();
                match groups.last_mut() {
                    Some((g, v)) if *g == day => v.push(c.clone()),
                    _ => groups.push((day, vec![c.clone()])),
                }
            }
            (groups, d.len() > n)
        })
    });

    let delete = move |c: CheckIn| {
        let lang = state.lang.get_untracked();
        match state.delete_check_in(&c) {
            Ok(()) => {
                if editing.get_untracked().is_some_and(|e| e.id == c.id) {
                    editing.set(None);
                }
                deleted.set(Some(c));
                message.set(text(lang, Coach::Deleted).to_string());
            }
            Err(e) => message.set(i18n::storage_error(lang, &e).to_string()),
        }
    };
    let undo = move |_| {
        let lang = state.lang.get_untracked();
        if let Some(c) = deleted.get_untracked() {
            match state.restore_check_in(c) {
                Ok(()) => {
                    deleted.set(None);
                    message.set(text(lang, Coach::Restored).to_string());
                }
                Err(e) => message.set(i18n::storage_error(lang, &e).to_string()),
            }
        }
    };

    view! {
        <section class="card" aria-labelledby="recent-h">
            <h2 id="recent-h">{tr(state, Coach::RecentHeading)}</h2>
            <div class="status" role="status">
                {move || message.get()}
                <Show when=move || deleted.get().is_some()>
                    " "
                    <button type="button" on:click=undo>{tr(state, Coach::Undo)}</button>
                </Show>
            </div>
            {move || {
                let lang = state.lang.get();
                let today = clock::today();
                let (groups, more) = groups.get();
                if groups.is_empty() {
                    return view! { <p class="empty">{text(lang, Coach::RecentEmpty)}</p> }.into_any();
                }
                let days = groups
                    .into_iter()
                    .map(|(day, entries)| {
                        let heading = day_heading(lang, day, today);
                        let items = entries
                            .into_iter()
                            .map(|c| entry_view(lang, &heading, c, editing, delete))
                            .collect_view();
                        view! {
                            <li class="day">
                                <h3>{heading.clone()}</h3>
                                <ul class="entries">{items}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="days">{days}</ul>
                    <Show when=move || more>
                        <button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                            {text(lang, Coach::ShowOlder)}
                        </button>
                    </Show>
                }
                .into_any()
            }}
        </section>
    }
}

fn entry_view(
    lang: Lang,
    day: &str,
    c: CheckIn,
    editing: RwSignal<Option<CheckIn>>,
    delete: impl Fn(CheckIn) + Copy + 'static,
) -> impl IntoView {
    let (h, m) = c.at.local_hm();
    let time = clock_time(lang, h, m);
    let when = format!("{day}, {time}");
    let mut extras = Vec::new();
    for (key, v) in [
        (Coach::SleepShort, c.sleep),
        (Coach::StressShort, c.stress),
        (Coach::RoomShort, c.room),
    ] {
        if let Some(v) = v {
            extras.push(format!("{} {}", text(lang, key), v.get()));
        }
    }
    let areas: Vec<String> = c.areas.iter().map(|a| area_label(lang, a)).collect();
    let note = c.note.clone();
    let for_edit = c.clone();
    view! {
        <li class="entry">
            <p class="entry-main">
                <span class="time">{time}</span>
                <span class="pain">{format!("{} {}", text(lang, Coach::PainShort), c.pain.get())}</span>
            </p>
            {(!extras.is_empty()).then(|| view! { <p class="entry-extra">{extras.join(" · ")}</p> })}
            {(!areas.is_empty()).then(|| view! { <p class="entry-extra">{areas.join(" · ")}</p> })}
            {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
            <details class="entry-menu">
                <summary aria-label=fill(text(lang, Sh::MenuLabel), &[("when", &when)])>
                    <span aria-hidden="true">"⋯"</span>
                </summary>
                <div class="entry-actions">
                <button
                    type="button"
                    aria-label=fill(text(lang, Coach::EditAria), &[("time", &when)])
                    on:click=move |_| editing.set(Some(for_edit.clone()))
                >
                    {text(lang, Coach::Edit)}
                </button>
                <button
                    type="button"
                    aria-label=fill(text(lang, Coach::DeleteAria), &[("time", &when)])
                    on:click=move |_| delete(c.clone())
                >
                    {text(lang, Coach::Delete)}
                </button>
                </div>
            </details>
        </li>
    }
}
