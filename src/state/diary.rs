//! The diary: check-ins (save, change, delete, undo) and the "okay later?" answers of
//! sessions, all kept in the month documents. The check-in form's draft is checked by the
//! core (`CheckInDraft::validate`), never by the component.

use super::{AppState, CoachError};
use crate::clock;
use crate::platform;
use crate::storage::StorageError;
use leptos::prelude::*;
use trinvis_core::coach::{self, Session};
use trinvis_core::diary::Action;
use trinvis_core::model::{new_id, CheckIn, CheckInDraft, DraftError};
use trinvis_core::time::MonthKey;

/// Why a check-in was not saved; nothing changed and the form keeps its entries.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckInError {
    /// The form: the first problem, named next to its field.
    Draft(DraftError),
    /// The write failed.
    Storage(StorageError),
}

impl AppState {
    /// Saves the check-in form as a new check-in recorded now and returns it.
    pub fn save_check_in(&self, draft: &CheckInDraft) -> Result<CheckIn, CheckInError> {
        let valid = draft.validate().map_err(CheckInError::Draft)?;
        let at = clock::now();
        let month = at.local_date().month_key();
        let id = self.diary.with_untracked(|d| {
            new_id(clock::random_u32(), |id| {
                d.month(&month).iter().any(|c| c.id == id)
            })
        });
        let entry = valid.into_check_in(id, at);
        self.apply(month, Action::Add(entry.clone()))
            .map_err(CheckInError::Storage)?;
        Ok(entry)
    }

    /// Saves the form's values over the check-in `original` (its time stays as recorded)
    /// and returns the check-in as saved.
    pub fn change_check_in(
        &self,
        original: &CheckIn,
        draft: &CheckInDraft,
    ) -> Result<CheckIn, CheckInError> {
        let valid = draft.validate().map_err(CheckInError::Draft)?;
        let month = original.at.local_date().month_key();
        let entry = valid.into_check_in(original.id.clone(), original.at);
        self.apply(month, Action::Update(entry.clone()))
            .map_err(CheckInError::Storage)?;
        Ok(entry)
    }

    /// Deletes a check-in; the caller keeps it for undo.
    pub fn delete_check_in(&self, entry: &CheckIn) -> Result<(), StorageError> {
        let month = entry.at.local_date().month_key();
        self.apply(
            month,
            Action::Delete {
                id: entry.id.clone(),
                month,
            },
        )
    }

    /// Puts a deleted check-in back.
    pub fn restore_check_in(&self, entry: CheckIn) -> Result<(), StorageError> {
        let month = entry.at.local_date().month_key();
        self.apply(month, Action::Restore(entry))
    }

    /// Answers "okay later?" for a session now.
    pub fn answer_okay_later(&self, session: &Session, answer: bool) -> Result<(), CoachError> {
        let answered =
            coach::answer_okay_later(session, answer, clock::now()).map_err(CoachError::Session)?;
        self.save_session(Action::UpdateSession(answered))
            .map_err(CoachError::Storage)
    }

    /// Saves a session action (log, answer "okay later?") to the month document of the
    /// session's day. On failure nothing changes and the error says why.
    pub(super) fn save_session(&self, action: Action) -> Result<(), StorageError> {
        let month = action.month().ok_or(StorageError::Conflict)?;
        self.apply(month, action)
    }

    /// Applies one action to a month document: read, changed, written back; the diary
    /// signal changes only after the write succeeded.
    fn apply(&self, month: MonthKey, action: Action) -> Result<(), StorageError> {
        platform::mark("trinvis:save-start");
        let store = self.writable()?;
        let result = store.save(month, &action, clock::now().utc_secs);
        match self.saved(result) {
            Ok(doc) => {
                self.diary.update(|d| d.set_month(month, doc));
                platform::measure("trinvis:save", "trinvis:save-start");
                Ok(())
            }
            Err(e) => {
                // Another tab may have changed this month: show what is stored now.
                if e == StorageError::Conflict {
                    self.reload_key(Some(trinvis_core::store::month_key_name(month)));
                }
                Err(e)
            }
        }
    }
}
