//! The coach: activities (the form, edit, archive, delete) and sessions (logging one;
//! today's plan reads the recent ones). The bad day is the coach screen's own choice for
//! today and is never stored; plan B is part of the session draft.

use super::AppState;
use crate::clock;
use crate::storage::{StorageError, Store};
use leptos::prelude::*;
use trinvis_core::coach::{
    self, plan_for_today, window_start, Activity, ActivityDraft, ActivityError, ActivityInput,
    ActivityInputError, Amount, AmountError, PlanDay, Session, SessionError, SessionInput,
    SessionInputError,
};
use trinvis_core::diary::Action;
use trinvis_core::model::new_id;
use trinvis_core::store::ActivityAction;
use trinvis_core::time::Date;

/// Why a coach action (activity or session) was refused; nothing was saved.
#[derive(Clone, Debug, PartialEq)]
pub enum CoachError {
    /// An amount field of the activity form (baseline, goal, plan B).
    Amount(AmountError),
    /// The activity form.
    Activity(ActivityError),
    /// The session or its "okay later?" answer.
    Session(SessionError),
    /// The write failed.
    Storage(StorageError),
}

/// Why a coach form (session or activity) was not saved; nothing was saved and the form
/// keeps its entries.
#[derive(Clone, Debug, PartialEq)]
pub enum CoachFormError<F> {
    /// The form as typed: its first problem in form order.
    Form(F),
    /// The core or storage refused the draft (a big jump asks to confirm).
    Coach(CoachError),
}

/// Why a session was not logged.
pub type LogError = CoachFormError<SessionInputError>;

/// Why an activity was not saved.
pub type ActivitySaveError = CoachFormError<ActivityInputError>;

impl AppState {
    /// Saves a new activity from the form.
    pub fn add_activity(&self, form: &ActivityInput) -> Result<(), ActivitySaveError> {
        let draft = form.to_draft().map_err(CoachFormError::Form)?;
        self.add_activity_draft(draft)
            .map_err(CoachFormError::Coach)
    }

    /// Saves the edited form of `old`. The unit of an activity with sessions cannot change.
    pub fn edit_activity(
        &self,
        old: &Activity,
        form: &ActivityInput,
    ) -> Result<(), ActivitySaveError> {
        let draft = form.to_draft().map_err(CoachFormError::Form)?;
        self.edit_activity_draft(old, draft)
            .map_err(CoachFormError::Coach)
    }

    fn add_activity_draft(&self, draft: ActivityDraft) -> Result<(), CoachError> {
        let id = self
            .activities
            .with_untracked(|d| new_id(clock::random_u32(), |id| d.find(id).is_some()));
        let activity = draft
            .into_activity(id, clock::now())
            .map_err(CoachError::Activity)?;
        self.save_activity(&ActivityAction::Add(activity))
            .map_err(CoachError::Storage)
    }

    fn edit_activity_draft(&self, old: &Activity, draft: ActivityDraft) -> Result<(), CoachError> {
        let has_sessions = self.has_sessions(&old.id);
        let edited = draft
            .apply_to(old, has_sessions)
            .map_err(CoachError::Activity)?;
        self.save_activity(&ActivityAction::Update(edited))
            .map_err(CoachError::Storage)
    }

    /// Deletes an activity without sessions. One with sessions is archived instead, so no
    /// history is lost; then the answer is `Ok(true)`.
    pub fn delete_activity(&self, id: &str) -> Result<bool, StorageError> {
        if coach::check_delete(self.has_sessions(id)).is_err() {
            return self.archive_activity(id).map(|()| true);
        }
        self.save_activity(&ActivityAction::Delete { id: id.to_string() })
            .map(|()| false)
    }

    /// Archives an activity: no longer planned, its history kept.
    pub fn archive_activity(&self, id: &str) -> Result<(), StorageError> {
        let Some(mut activity) = self.activities.with_untracked(|d| d.find(id).cloned()) else {
            return Ok(());
        };
        activity.archived = true;
        self.save_activity(&ActivityAction::Update(activity))
    }

    /// Logs the session form of `activity` now and returns the session. The core checks
    /// the form first ([`LogError::Form`]); a big jump above the plan of its day is
    /// refused unless `confirmed`.
    pub fn log_session(
        &self,
        activity: &Activity,
        form: &SessionInput,
        confirmed: bool,
    ) -> Result<Session, LogError> {
        let draft = &form
            .to_draft(&activity.unit, clock::today())
            .map_err(CoachFormError::Form)?;
        self.log_draft(activity, draft, confirmed)
            .map_err(CoachFormError::Coach)
    }

    fn log_draft(
        &self,
        activity: &Activity,
        draft: &trinvis_core::coach::SessionDraft,
        confirmed: bool,
    ) -> Result<Session, CoachError> {
        let now = clock::now();
        let planned: Amount = plan_for_today(
            activity,
            &self.recent_sessions_untracked(draft.for_date),
            draft.for_date,
            PlanDay::default(),
        )
        .amount;
        let id = self
            .diary
            .with_untracked(|d| new_id(clock::random_u32(), |id| d.locate_session(id).is_some()));
        let session = coach::log_session(activity, draft, planned, id, now, confirmed)
            .map_err(CoachError::Session)?;
        self.save_session(Action::AddSession(session.clone()))
            .map_err(CoachError::Storage)?;
        Ok(session)
    }

    /// The sessions done from the first day of today's plan window on (tracked).
    pub fn recent_sessions(&self, today: Date) -> Vec<Session> {
        self.diary
            .with(|d| d.sessions_since(window_start(today)).cloned().collect())
    }

    fn recent_sessions_untracked(&self, today: Date) -> Vec<Session> {
        self.diary
            .with_untracked(|d| d.sessions_since(window_start(today)).cloned().collect())
    }

    /// Whether any loaded session belongs to the activity.
    fn has_sessions(&self, id: &str) -> bool {
        self.diary
            .with_untracked(|d| d.sessions().any(|s| s.activity_id == id))
    }

    /// Saves a change to the activities (read fresh, one action, written back). On
    /// failure nothing changes and the error says why.
    pub(super) fn save_activity(&self, action: &ActivityAction) -> Result<(), StorageError> {
        let store = self.writable()?;
        let now = clock::now().utc_secs;
        match self.saved(store.save_activities(action, now)) {
            Ok(doc) => {
                self.activities.set(doc);
                Ok(())
            }
            Err(e) => {
                if e == StorageError::Conflict {
                    self.reload_activities(store, now);
                }
                Err(e)
            }
        }
    }

    /// Re-reads the activities document (another tab changed it, or a save conflicted).
    pub(super) fn reload_activities(&self, store: Store, now: i64) {
        let (doc, outcome) = store.load_activities(now);
        let mut n = self.notices.get_untracked();
        if matches!(outcome, crate::storage::MonthLoad::Entries(_)) {
            self.activities.set(doc);
        }
        super::note_outcome(&mut n, outcome);
        self.notices.set(n);
    }
}
