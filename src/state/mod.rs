//! The app's state, held once in signals, and the controller that turns user intent into
//! a core action, a storage write and a new state. Components call one named method per
//! intent (`save_check_in`, `answer_okay_later`, `choose_condition`, …) and show the error
//! it returns; they hold no rules of their own.
//!
//! One module per area: [`diary`] (check-ins, the "okay later?" answers), [`coach`]
//! (activities, sessions), [`progress`] (goals, weekly reviews), [`profile`] (conditions,
//! the warning-sign check, the first visit), [`transfer`] (backup, import, plan link) and
//! [`settings`] (language, persistence). This file holds [`AppState`], the loads and
//! reloads, and the shared plumbing every save goes through: [`AppState::writable`] (the
//! one read-only guard) and [`AppState::saved`].

mod coach;
mod diary;
mod profile;
mod progress;
mod settings;
mod transfer;

pub use coach::{ActivitySaveError, CoachError, CoachFormError, LogError};
pub use diary::CheckInError;
pub use progress::{GoalSaveError, ReviewSaveError};
pub use transfer::TransferError;

use crate::clock;
use crate::platform;
use crate::storage::{Codec, MonthLoad, Persist, StorageError, Store};
use leptos::prelude::*;
use trinvis_core::diary::{days, ApplyError, Diary};
use trinvis_core::doc::DocKey;
use trinvis_core::progress::{decode_goals, decode_reviews, GoalsDoc, ReviewsDoc};
use trinvis_core::progress::{GOALS_KEY, REVIEWS_KEY};
use trinvis_core::rules::BASELINE_DAYS;
use trinvis_core::safety::{decode_profile, may_reassure, Profile, PROFILE_KEY};
use trinvis_core::store::{ActivitiesDoc, Settings};
use trinvis_core::time::{Lang, MonthKey};

/// Things the patient must be told about storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    /// Storage cannot be used at all: nothing will be saved.
    pub unavailable: bool,
    /// Data of a newer schema exists: this page is read-only until reloaded.
    pub newer: bool,
    /// Quarantine keys of texts that could not be read.
    pub quarantined: Vec<String>,
    /// Text that could not be read could not be moved aside either (full storage), or the
    /// browser refused to read it: it is left as it is and nothing is written over it.
    pub unreadable: bool,
    /// The last language switch could not be remembered (why).
    pub lang_unsaved: Option<StorageError>,
}

/// Shared app state. Copy it freely; all fields are signals.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// Settings as stored (unknown fields kept).
    pub settings: RwSignal<Settings>,
    /// The loaded check-ins and sessions (per month document).
    pub diary: RwSignal<Diary>,
    /// Every activity, archived ones too (one small document, loaded at start).
    pub activities: RwSignal<ActivitiesDoc>,
    /// The conditions, the first-visit flag and the warning-sign check.
    pub profile: RwSignal<Profile>,
    /// The SMART goals, reached and dropped ones too (one small document).
    pub goals: RwSignal<GoalsDoc>,
    /// The weekly reviews (one small document).
    pub reviews: RwSignal<ReviewsDoc>,
    /// Storage notices for the patient.
    pub notices: RwSignal<Notices>,
    /// What the browser answered to the persistence request.
    pub persist: RwSignal<Persist>,
    /// `None` when storage is unavailable.
    pub store: Option<Store>,
}

impl AppState {
    /// Opens storage and loads what the today screen needs: the settings, the two newest
    /// months (recent list and 7-day means) and the oldest months up to the baseline's
    /// seventh day. The rest of the diary is loaded right after the first paint by
    /// [`AppState::load_rest`], so start-up does not grow with years of history.
    pub fn load() -> (AppState, Vec<MonthKey>) {
        let now = clock::now().utc_secs;
        let mut notices = Notices::default();
        let store = match Store::open() {
            Ok(s) => Some(s),
            Err(_) => {
                notices.unavailable = true;
                None
            }
        };
        let mut settings = Settings::default();
        let mut diary = Diary::default();
        let mut activities = ActivitiesDoc::default();
        let mut profile = Profile::default();
        let mut goals = GoalsDoc::default();
        let mut reviews = ReviewsDoc::default();
        let mut rest = Vec::new();
        if let Some(store) = store {
            let (s, outcome) = store.load_settings(now);
            settings = s;
            note_outcome(&mut notices, outcome);
            let (a, outcome) = store.load_activities(now);
            activities = a;
            note_outcome(&mut notices, outcome);
            let (p, outcome) = store.load_doc(PROFILE_KEY, decode_profile, now);
            profile = p;
            note_outcome(&mut notices, outcome);
            let (g, outcome) = store.load_doc(GOALS_KEY, decode_goals, now);
            goals = g;
            note_outcome(&mut notices, outcome);
            let (r, outcome) = store.load_doc(REVIEWS_KEY, decode_reviews, now);
            reviews = r;
            note_outcome(&mut notices, outcome);
            let months = store.months();
            rest = startup_months(&months, |m| {
                let outcome = store.load_month(m, now);
                let n = match &outcome {
                    MonthLoad::Entries(doc) => {
                        let n = days(doc.checkins.iter()).len();
                        diary.set_month(m, doc.clone());
                        n
                    }
                    _ => 0,
                };
                note_outcome(&mut notices, outcome);
                n
            });
            notices.quarantined.extend(
                store
                    .quarantine_keys()
                    .into_iter()
                    .filter(|k| !notices.quarantined.contains(k))
                    .collect::<Vec<_>>(),
            );
        }
        let lang = settings.lang;
        platform::set_document_lang(lang.code());
        crate::i18n::set_may_reassure(may_reassure(&profile.check));
        let state = AppState {
            lang: RwSignal::new(lang),
            settings: RwSignal::new(settings),
            diary: RwSignal::new(diary),
            activities: RwSignal::new(activities),
            profile: RwSignal::new(profile),
            goals: RwSignal::new(goals),
            reviews: RwSignal::new(reviews),
            notices: RwSignal::new(notices),
            persist: RwSignal::new(if store.is_some() {
                Persist::Asking
            } else {
                Persist::Unsupported
            }),
            store,
        };
        (state, rest)
    }

    /// Loads the months not needed for the first screen, then swaps them in at once.
    pub fn load_rest(&self, months: Vec<MonthKey>) {
        let Some(store) = self.store else { return };
        if months.is_empty() {
            return;
        }
        let now = clock::now().utc_secs;
        let mut notices = self.notices.get_untracked();
        let mut loaded = Vec::with_capacity(months.len());
        for m in months {
            let outcome = store.load_month(m, now);
            if let MonthLoad::Entries(doc) = &outcome {
                loaded.push((m, doc.clone()));
            }
            note_outcome(&mut notices, outcome);
        }
        self.diary.update(|d| {
            for (m, doc) in loaded {
                d.set_month(m, doc);
            }
        });
        self.notices.set(notices);
    }

    /// Re-reads one key that another tab changed.
    pub fn reload_key(&self, key: Option<String>) {
        let Some(store) = self.store else { return };
        let now = clock::now().utc_secs;
        let months: Vec<MonthKey> = match key.as_deref().map(DocKey::parse) {
            // Every registered kind reloads here (the match is exhaustive).
            Some(Some(DocKey::Month(m))) => vec![m],
            Some(Some(DocKey::Settings)) => return self.reload_settings(store, now),
            Some(Some(DocKey::Activities)) => return self.reload_activities(store, now),
            Some(Some(DocKey::Profile)) => return self.reload_profile(store, now),
            Some(Some(DocKey::Goals | DocKey::Reviews)) => return self.reload_progress(store, now),
            Some(None) => return,
            None => {
                // Storage was cleared elsewhere: reload everything we know.
                self.reload_activities(store, now);
                self.reload_profile(store, now);
                self.reload_progress(store, now);
                // Inserted one by one: `collect` would add a stable sort to the bundle.
                let mut all = trinvis_core::sorted::VecSet::new();
                self.diary.with_untracked(|d| {
                    for m in d.doc_months() {
                        all.insert(m);
                    }
                });
                for m in store.months() {
                    all.insert(m);
                }
                all.into_iter().collect()
            }
        };
        let mut notices = self.notices.get_untracked();
        for m in months {
            let outcome = store.load_month(m, now);
            if let MonthLoad::Entries(doc) = &outcome {
                let doc = doc.clone();
                self.diary.update(|d| d.set_month(m, doc));
            }
            note_outcome(&mut notices, outcome);
        }
        self.notices.set(notices);
    }

    /// Re-reads everything from storage (after an import).
    pub fn reload_all(&self) {
        self.reload_key(Some(trinvis_core::store::SETTINGS_KEY.to_string()));
        self.reload_key(None);
    }

    /// Notes the outcome of a reload and says whether it gives the document to show.
    fn reloaded(&self, outcome: MonthLoad) -> bool {
        let fresh = shown_fresh(&outcome);
        let mut n = self.notices.get_untracked();
        note_outcome(&mut n, outcome);
        self.notices.set(n);
        fresh
    }

    /// The store, when this page may write: storage is there and no document of a newer
    /// version was seen (the read-only page of an older version writes nothing). The one
    /// read-only guard: every save of every area starts here.
    fn writable(&self) -> Result<Store, StorageError> {
        let store = self.store.ok_or(StorageError::Unavailable)?;
        if self.notices.with_untracked(|n| n.newer) {
            return Err(StorageError::NewerSchema);
        }
        Ok(store)
    }

    /// The outcome of a write: a quarantine is noted, a newer document turns the page
    /// read-only.
    fn saved<D>(
        &self,
        result: Result<(D, Option<String>), StorageError>,
    ) -> Result<D, StorageError> {
        match result {
            Ok((doc, quarantined)) => {
                if let Some(q) = quarantined {
                    self.notices.update(|n| n.quarantined.push(q));
                }
                Ok(doc)
            }
            Err(e) => {
                if e == StorageError::NewerSchema {
                    self.notices.update(|n| n.newer = true);
                }
                Err(e)
            }
        }
    }

    /// Changes one small document (goals, reviews, profile, settings) through the one
    /// save path ([`Store::change`]): guarded by [`AppState::writable`], read from this
    /// tab's copy, changed, written back, and the outcome noted by [`AppState::saved`].
    /// Returns the document as written; the caller sets its signal.
    fn change_doc<D: Default + 'static>(
        &self,
        key: &str,
        codec: Codec<D>,
        change: impl Fn(&mut D) -> Result<(), ApplyError> + 'static,
    ) -> Result<D, StorageError> {
        let store = self.writable()?;
        self.saved(store.change(key, codec, change, clock::now().utc_secs))
    }
}

/// Whether a reload gives the document to show: read, or moved aside (then the default).
/// Unreadable in place or newer: what is shown stays.
fn shown_fresh(outcome: &MonthLoad) -> bool {
    matches!(outcome, MonthLoad::Entries(_) | MonthLoad::Quarantined(_))
}

fn note_outcome(notices: &mut Notices, outcome: MonthLoad) {
    match outcome {
        MonthLoad::Entries(_) => {}
        MonthLoad::Newer => notices.newer = true,
        MonthLoad::Quarantined(q) => {
            if !notices.quarantined.contains(&q) {
                notices.quarantined.push(q)
            }
        }
        // Left in place: nothing is lost, saves to it try to move it aside again and are
        // refused if they cannot; the patient is told.
        MonthLoad::Unreadable => notices.unreadable = true,
    }
}

/// Loads the months the first screen needs and returns the others, oldest first.
/// `load` loads one month and returns how many distinct days it holds.
fn startup_months(months: &[MonthKey], mut load: impl FnMut(MonthKey) -> usize) -> Vec<MonthKey> {
    let mut first = Vec::new();
    // The two newest months: the recent list and the 7-day mean.
    for m in months.iter().rev().take(2) {
        load(*m);
        first.push(*m);
    }
    // The oldest months until the baseline's days are covered.
    let mut days = 0;
    for m in months.iter() {
        if days >= BASELINE_DAYS || first.contains(m) {
            // Reaching a newest month means every older one is loaded: the search is over.
            break;
        }
        days += load(*m);
        first.push(*m);
    }
    months
        .iter()
        .copied()
        .filter(|m| !first.contains(m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(n: u8) -> Vec<MonthKey> {
        (1..=n)
            .map(|month| MonthKey { year: 2026, month })
            .collect()
    }

    #[test]
    fn start_up_loads_the_two_newest_months_and_the_oldest_up_to_the_baseline() {
        let all = months(10);
        let mut loaded = Vec::new();
        // Three check-in days a month: the baseline's 7 days need the three oldest months.
        let rest = startup_months(&all, |m| {
            loaded.push(m.month);
            3
        });
        assert_eq!(loaded, vec![10, 9, 1, 2, 3]);
        assert_eq!(
            rest.iter().map(|m| m.month).collect::<Vec<_>>(),
            vec![4, 5, 6, 7, 8]
        );
    }

    #[test]
    fn a_short_diary_is_loaded_whole_before_the_first_paint() {
        let all = months(3);
        let mut loaded = Vec::new();
        let rest = startup_months(&all, |m| {
            loaded.push(m.month);
            1
        });
        assert_eq!(loaded, vec![3, 2, 1]);
        assert!(rest.is_empty());
    }

    #[test]
    fn an_empty_diary_loads_nothing() {
        let rest = startup_months(&[], |_| unreachable!("no month to load"));
        assert!(rest.is_empty());
    }
}
