//! Backups (domain.md §10): export the JSON backup and the CSV files, import a backup
//! after a full check and the patient's choice (replace or merge), and the gentle
//! reminder when a backup is due. Every rule is a core call; this file renders.

use super::tr;
use crate::clock;
use crate::i18n::coach::Coach;
use crate::i18n::format::date_plain;
use crate::i18n::transfer::{holdings, import_error, left_out_note, missing_note, skipped_note, X};
use crate::i18n::{fill, storage_error, text};
use crate::platform;
use crate::state::{AppState, TransferError};
use leptos::prelude::*;
use trinvis_core::rules::IMPORT_MAX_BYTES;
use trinvis_core::transfer::{self, BackupPreview, ImportError, Mode};

/// Downloads the backup file and says how it went, naming what it could not carry
/// (`true` with that message).
fn export_backup(state: AppState) -> (String, bool) {
    let done = download_backup(state);
    exported_message(state.lang.get_untracked(), &done)
}

/// What a download of the backup left to say: what the file lacks, and whether the time of
/// the backup could be remembered.
struct Exported {
    left_out: Vec<transfer::LeftOut>,
    remembered: bool,
}

/// Downloads the backup file at once (within the tap, so the browser allows it).
fn download_backup(state: AppState) -> Exported {
    let (file, remembered) = state.backup_file();
    let name = transfer::backup_file_name(clock::today());
    platform::download(&name, &file.text, "application/json");
    Exported {
        left_out: file.left_out,
        remembered: remembered.is_ok(),
    }
}

/// The message after a download in `lang`, and whether the file lacks something.
fn exported_message(lang: trinvis_core::time::Lang, done: &Exported) -> (String, bool) {
    if let Some(note) = left_out_note(lang, &done.left_out) {
        return (note, true);
    }
    let key = if done.remembered {
        X::BackupSaved
    } else {
        X::BackupNotRemembered
    };
    (text(lang, key).to_string(), false)
}

/// The reminder on the today screen when a backup is due: where the data lives, what
/// clearing the browser would do, and the download one tap away.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = Memo::new(move |_| state.backup_reminder_due());
    // What the last download could not carry: the card stays until the patient has read it.
    let lacking = RwSignal::new(None::<String>);
    let why = move || {
        tr(
            state,
            if state.last_backup().is_some() {
                Coach::ReminderAgain
            } else {
                Coach::ReminderFirst
            },
        )()
    };
    view! {
        <Show when=move || due.get() || lacking.with(Option::is_some)>
            <section class="card backup-reminder no-print" aria-labelledby="backup-reminder-h">
                <h2 id="backup-reminder-h">{tr(state, Coach::ReminderHeading)}</h2>
                <button type="button" class="primary" on:click=move |_| {
                    let done = download_backup(state);
                    // The today screen has not fetched the texts kept apart yet: only a
                    // file that lacks something has more to say, then in its words.
                    if done.left_out.is_empty() {
                        return;
                    }
                    let lang = state.lang.get_untracked();
                    leptos::task::spawn_local(async move {
                        crate::i18n::apart::ensure(lang).await;
                        lacking.set(Some(exported_message(lang, &done).0));
                    });
                }>
                    {tr(state, Coach::ExportJson)}
                </button>
                <details class="why-more">
                    <summary>{super::tr(state, crate::i18n::shell::Sh::WhyShort)}</summary>
                    <p>{why}" "{tr(state, Coach::ReminderWhere)}" "{tr(state, Coach::ReminderDelete)}</p>
                </details>
                <p class="status" aria-live="polite" aria-atomic="true">{move || lacking.get()}</p>
            </section>
        </Show>
    }
}

/// The backup part of "Dine data": exports, the last backup's date and the import.
/// Results are announced through `aria-live` rather than `role="status"`, so the panel's
/// one status stays the browser's answer about keeping the data.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(String::new());
    let last = move || {
        let lang = state.lang.get();
        match state.last_backup() {
            Some(at) => fill(
                text(lang, X::LastBackup),
                &[("date", &date_plain(lang, at.local_date()))],
            ),
            None => text(lang, X::NeverBackedUp).to_string(),
        }
    };
    let csv = move |checkins: bool| {
        let today = clock::today();
        let (name, file) = if checkins {
            (
                transfer::csv_file_name_checkins(today),
                state.csv_checkins(),
            )
        } else {
            (
                transfer::csv_file_name_sessions(today),
                state.csv_sessions(),
            )
        };
        platform::download(&name, &file, "text/csv;charset=utf-8");
        status.set(text(state.lang.get_untracked(), X::CsvSaved).into());
    };
    view! {
        <div class="backup" role="group" aria-labelledby="backup-h">
            <h3 id="backup-h">{tr(state, X::BackupHeading)}</h3>
            <p>{tr(state, X::BackupIntro)}</p>
            <p class="hint">{last}</p>
            <div class="actions stack">
                <button type="button" class="primary" on:click=move |_| status.set(export_backup(state).0)>
                    {tr(state, Coach::ExportJson)}
                </button>
                <button type="button" on:click=move |_| csv(true)>{tr(state, X::ExportCsvCheckins)}</button>
                <button type="button" on:click=move |_| csv(false)>{tr(state, X::ExportCsvSessions)}</button>
            </div>
            <p class="hint">{tr(state, X::CsvHint)}</p>
            <p class="status" aria-live="polite" aria-atomic="true">{move || status.get()}</p>
            <ImportBackup />
        </div>
    }
}

/// Choosing a backup file, its preview, and "replace" or "merge".
#[component]
fn ImportBackup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let preview = RwSignal::new(None::<BackupPreview>);
    let reading = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared so that choosing the same file again is noticed.
        input.set_value("");
        let lang = state.lang.get_untracked();
        preview.set(None);
        status.set(String::new());
        error.set(String::new());
        // Refused before a byte is read.
        let size = file.size();
        if size > IMPORT_MAX_BYTES as f64 {
            let e = ImportError::TooLarge {
                bytes: size as usize,
            };
            return error.set(import_error(lang, &e));
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let text = platform::read_file_text(&file).await;
            reading.set(false);
            let lang = state.lang.get_untracked();
            let Some(text) = text else {
                let e = ImportError::NotJson { line: 1, column: 1 };
                return error.set(import_error(lang, &e));
            };
            match transfer::parse_backup(&text, clock::today()) {
                Ok(p) => preview.set(Some(p)),
                Err(e) => error.set(import_error(lang, &e)),
            }
        });
    };

    let apply = move |mode: Mode| {
        let lang = state.lang.get_untracked();
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match state.import_backup(&p, mode) {
            Ok(plan) => {
                preview.set(None);
                error.set(String::new());
                let mut msg = if plan.is_empty() {
                    text(lang, X::ImportedNothing).to_string()
                } else {
                    text(lang, X::Imported).to_string()
                };
                if plan.conflicts > 0 {
                    msg.push(' ');
                    msg.push_str(&fill(
                        text(lang, X::ImportConflicts),
                        &[("n", &plan.conflicts.to_string())],
                    ));
                }
                status.set(msg);
            }
            Err(TransferError::Import(e)) => error.set(import_error(lang, &e)),
            Err(TransferError::Storage(e)) => error.set(format!(
                "{} {}",
                storage_error(lang, &e),
                text(lang, X::NothingChanged)
            )),
            Err(TransferError::Plan(_)) => {}
        }
    };
    let cancel = move |_| {
        preview.set(None);
        status.set(text(state.lang.get_untracked(), X::Cancelled).into());
    };

    let shown = move || {
        preview.with(|p| {
            p.as_ref().map(|p| {
                let lang = state.lang.get();
                let made = fill(
                    text(lang, X::PreviewExported),
                    &[("date", &date_plain(lang, p.exported_at.local_date()))],
                );
                let period = match p.period {
                    Some((from, to)) => fill(
                        text(lang, X::PreviewPeriod),
                        &[("from", &date_plain(lang, from)), ("to", &date_plain(lang, to))],
                    ),
                    None => text(lang, X::PreviewNoPeriod).to_string(),
                };
                let counts = fill(
                    text(lang, X::PreviewHolds),
                    &[("what", &holdings(lang, &p.counts))],
                );
                let missing = missing_note(lang, &p.missing).map(|m| view! { <p>{m}</p> });
                let skipped = skipped_note(lang, &p.skipped).map(|m| view! { <p class="hint">{m}</p> });
                view! {
                    <div class="import-preview" role="group" aria-labelledby="import-preview-h">
                        <h4 id="import-preview-h">{text(lang, X::PreviewHeading)}</h4>
                        <p>{period}</p>
                        <p>{counts}</p>
                        {missing}
                        {skipped}
                        <p class="hint">{made}</p>
                        <fieldset>
                            <legend>{text(lang, X::ChooseLegend)}</legend>
                            <p class="hint" id="merge-hint">{text(lang, X::MergeHint)}</p>
                            <p class="warn-replace" id="replace-hint">{text(lang, X::ReplaceHint)}</p>
                            <div class="actions">
                                <button type="button" class="primary" aria-describedby="merge-hint" on:click=move |_| apply(Mode::Merge)>
                                    {text(lang, X::Merge)}
                                </button>
                                <button type="button" aria-describedby="replace-hint" on:click=move |_| apply(Mode::Replace)>
                                    {text(lang, X::Replace)}
                                </button>
                                <button type="button" on:click=cancel>{text(lang, X::Cancel)}</button>
                            </div>
                        </fieldset>
                    </div>
                }
            })
        })
    };

    view! {
        <div class="import">
            <h3 id="import-h">{tr(state, X::ImportHeading)}</h3>
            <p class="hint" id="import-hint">{tr(state, X::ImportHint)}</p>
            <div class="field file">
                <label for="import-file">{tr(state, X::ImportLabel)}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="import-hint"
                    on:change=on_file
                />
            </div>
            <Show when=move || reading.get()>
                <p class="hint">{tr(state, X::Reading)}</p>
            </Show>
            {shown}
            <p class="status" aria-live="polite" aria-atomic="true">{move || status.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </div>
    }
}
