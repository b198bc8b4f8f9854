//! Progress: the SMART goals and the weekly review. The forms are checked by the core
//! (`GoalDraft`, `Review::answered`); each intent is one named method.

use super::AppState;
use crate::clock;
use crate::storage::{self, Codec, StorageError, Store};
use leptos::prelude::*;
use trinvis_core::coach::Unit;
use trinvis_core::model::new_id;
use trinvis_core::progress::{
    apply_to_goals, apply_to_reviews, decode_goals, decode_reviews, encode_goals, encode_reviews,
    Answer, Goal, GoalAction, GoalDraft, GoalError, GoalsDoc, Review, ReviewAction, ReviewError,
    ReviewsDoc, GOALS_KEY, REVIEWS_KEY,
};

/// Why a goal was not saved; nothing changed.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalSaveError {
    /// The form (first problem in form order).
    Goal(GoalError),
    /// The write failed.
    Storage(StorageError),
}

/// Why the weekly review was not saved; nothing changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewSaveError {
    /// The answers (no face answered).
    Review(ReviewError),
    /// The write failed.
    Storage(StorageError),
}

fn encode_goals_now(doc: &GoalsDoc) -> String {
    encode_goals(doc, storage::APP_VERSION)
}

fn encode_reviews_now(doc: &ReviewsDoc) -> String {
    encode_reviews(doc, storage::APP_VERSION)
}

impl AppState {
    /// A new goal from the form.
    pub fn add_goal(&self, draft: &GoalDraft) -> Result<(), GoalSaveError> {
        let id = self
            .goals
            .with_untracked(|d| new_id(clock::random_u32(), |id| d.find(id).is_some()));
        let goal = draft
            .into_goal(&self.goal_unit(draft), id, clock::today())
            .map_err(GoalSaveError::Goal)?;
        self.save_goal(&GoalAction::Add(goal))
            .map_err(GoalSaveError::Storage)
    }

    /// The edited form of the goal `old`.
    pub fn edit_goal(&self, old: &Goal, draft: &GoalDraft) -> Result<(), GoalSaveError> {
        let edited = draft
            .apply_to(old, &self.goal_unit(draft), clock::today())
            .map_err(GoalSaveError::Goal)?;
        self.save_goal(&GoalAction::Edit(edited))
            .map_err(GoalSaveError::Storage)
    }

    /// The unit of the draft's activity (minutes when none is chosen: the core then
    /// names the missing activity).
    fn goal_unit(&self, draft: &GoalDraft) -> Unit {
        self.activities
            .with_untracked(|d| d.find(&draft.activity_id).map(|a| a.unit.clone()))
            .unwrap_or(Unit::Minutes)
    }

    /// The goal `id` was reached today.
    pub fn reach_goal(&self, id: &str) -> Result<(), StorageError> {
        let (id, on) = (id.to_string(), clock::today());
        self.save_goal(&GoalAction::Reach { id, on })
    }

    /// The goal `id` is dropped today (kept for the history).
    pub fn drop_goal(&self, id: &str) -> Result<(), StorageError> {
        let (id, on) = (id.to_string(), clock::today());
        self.save_goal(&GoalAction::Drop { id, on })
    }

    /// Applies one goal action to the goals document as stored now (read fresh, changed,
    /// written back); the signal changes only after the write succeeded.
    fn save_goal(&self, action: &GoalAction) -> Result<(), StorageError> {
        let action = action.clone();
        let result = self.change_doc(
            GOALS_KEY,
            Codec::of(decode_goals, encode_goals_now),
            move |d| apply_to_goals(d, &action),
        );
        match result {
            Ok(doc) => {
                self.goals.set(doc);
                Ok(())
            }
            Err(e) => {
                // Another tab removed or added the goal: what is stored now is shown.
                if let (StorageError::Conflict, Some(store)) = (&e, self.store) {
                    self.reload_progress(store, clock::now().utc_secs);
                }
                Err(e)
            }
        }
    }

    /// Saves this week's review with the faces answered (at least one).
    pub fn answer_review(&self, answers: [Option<Answer>; 6]) -> Result<(), ReviewSaveError> {
        let review = Review::answered(clock::today(), answers).map_err(ReviewSaveError::Review)?;
        self.save_review(ReviewAction::Save(review))
            .map_err(ReviewSaveError::Storage)
    }

    /// Skips this week's review (the week counts as done).
    pub fn skip_review(&self) -> Result<(), StorageError> {
        self.save_review(ReviewAction::Skip(clock::today()))
    }

    fn save_review(&self, action: ReviewAction) -> Result<(), StorageError> {
        let doc = self.change_doc(
            REVIEWS_KEY,
            Codec::of(decode_reviews, encode_reviews_now),
            move |d| {
                apply_to_reviews(d, &action);
                Ok(())
            },
        )?;
        self.reviews.set(doc);
        Ok(())
    }

    /// Re-reads the goals and reviews documents.
    pub(super) fn reload_progress(&self, store: Store, now: i64) {
        let (goals, o1) = store.load_doc(GOALS_KEY, decode_goals, now);
        let (reviews, o2) = store.load_doc(REVIEWS_KEY, decode_reviews, now);
        let (f1, f2) = (super::shown_fresh(&o1), super::shown_fresh(&o2));
        let mut n = self.notices.get_untracked();
        super::note_outcome(&mut n, o1);
        super::note_outcome(&mut n, o2);
        self.notices.set(n);
        if f1 {
            self.goals.set(goals);
        }
        if f2 {
            self.reviews.set(reviews);
        }
    }
}
