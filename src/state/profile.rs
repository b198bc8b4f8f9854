//! The profile: the chosen conditions, the first visit and the warning-sign check. Every
//! change to it is one named intent; the rules are `trinvis_core::safety` calls.

use super::AppState;
use crate::clock;
use crate::storage::{Codec, StorageError, Store};
use leptos::prelude::*;
use std::rc::Rc;
use trinvis_core::safety::{
    decode_profile, encode_profile, may_reassure, Answer as SignAnswer, ClearReason, Condition,
    Profile, WarningSign, PROFILE_KEY,
};

impl AppState {
    /// Chooses (`on`) or un-chooses one of the patient's conditions (the first visit).
    pub fn choose_condition(&self, condition: Condition, on: bool) -> Result<(), StorageError> {
        self.update_profile(move |p| p.choose_condition(condition, on))
    }

    /// Marks the first visit as done (finished or skipped), so it does not open again.
    pub fn finish_welcome(&self) -> Result<(), StorageError> {
        self.update_profile(|p| p.first_visit_done = true)
    }

    /// Answers one warning sign now.
    pub fn answer_sign(&self, sign: WarningSign, answer: SignAnswer) -> Result<(), StorageError> {
        let at = clock::now();
        self.update_profile(move |p| p.check.set_answer(sign, answer, at))
    }

    /// Clears a ticked warning sign now: a doctor has looked at it, or (not for an urgent
    /// sign: the core refuses it) it has passed.
    pub fn clear_sign(&self, sign: WarningSign, reason: ClearReason) -> Result<(), StorageError> {
        let at = clock::now();
        self.update_profile(move |p| {
            let _ = p.check.clear(sign, reason, at);
        })
    }

    /// Whether the app may say that symptoms are harmless (no warning sign ticked).
    pub fn may_reassure(&self) -> bool {
        self.profile.with(|p| may_reassure(&p.check))
    }

    /// Changes the profile: read fresh, changed, written back; the signal changes only
    /// after the write succeeded. `change` may run again later: when another tab's write
    /// arrives without it, it is applied to that document too (so it must set, not
    /// toggle).
    fn update_profile(&self, change: impl Fn(&mut Profile) + 'static) -> Result<(), StorageError> {
        self.change_profile(Rc::new(change))
    }

    fn change_profile(&self, change: Rc<dyn Fn(&mut Profile)>) -> Result<(), StorageError> {
        let doc = self.change_doc(
            PROFILE_KEY,
            Codec::of(decode_profile, encode_profile),
            move |p| {
                change(p);
                Ok(())
            },
        )?;
        crate::i18n::set_may_reassure(may_reassure(&doc.check));
        self.profile.set(doc);
        Ok(())
    }

    /// Re-reads the profile document.
    pub(super) fn reload_profile(&self, store: Store, now: i64) {
        let (doc, outcome) = store.load_doc(PROFILE_KEY, decode_profile, now);
        // A document that could not be read now (or is newer) leaves what is shown.
        if self.reloaded(outcome) {
            crate::i18n::set_may_reassure(may_reassure(&doc.check));
            self.profile.set(doc);
        }
    }
}
