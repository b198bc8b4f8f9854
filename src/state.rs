//! The app's state, held once in signals, and the controller that turns user intent into
//! a core action, a storage write and a new state. Components call these methods and hold
//! no rules of their own.

use crate::clock;
use crate::platform;
use crate::storage::{self, Codec, MonthLoad, Persist, StorageError, Store};
use leptos::prelude::*;
use std::rc::Rc;
use trinvis_core::coach::{
    self, plan_for_today, window_start, Activity, ActivityDraft, ActivityError, Amount,
    AmountError, PlanDay, Session, SessionDraft, SessionError,
};
use trinvis_core::diary::{self, Action, Diary};
use trinvis_core::doc::DocKey;
use trinvis_core::model::{new_id, CheckIn, ValidDraft};
use trinvis_core::progress::{
    apply_to_goals, apply_to_reviews, decode_goals, decode_reviews, encode_goals, encode_reviews,
    Goal, GoalAction, GoalDraft, GoalError, GoalsDoc, ReviewAction, ReviewsDoc, GOALS_KEY,
    REVIEWS_KEY,
};
use trinvis_core::rules::BASELINE_DAYS;
use trinvis_core::safety::{
    decode_profile, encode_profile, may_reassure, Answer as SignAnswer, ClearReason, Profile,
    WarningSign, PROFILE_KEY,
};
use trinvis_core::store::{self as core_store, ActivitiesDoc, ActivityAction, Settings};
use trinvis_core::time::{Date, Instant, Lang, MonthKey};
use trinvis_core::transfer::{
    self, kept, BackupPreview, ImportError, ImportPlan, Mode, PlanError, PlanImport, PlanLink,
};

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

/// Why a goal was not saved; nothing changed.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalSaveError {
    /// The form (first problem in form order).
    Goal(GoalError),
    /// The write failed.
    Storage(StorageError),
}

fn encode_goals_now(doc: &GoalsDoc) -> String {
    encode_goals(doc, storage::APP_VERSION)
}

fn encode_reviews_now(doc: &ReviewsDoc) -> String {
    encode_reviews(doc, storage::APP_VERSION)
}

/// Why an import or a plan link changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum TransferError {
    /// The backup cannot be imported (see [`ImportError`]).
    Import(ImportError),
    /// The plan cannot be added (see [`PlanError`]).
    Plan(PlanError),
    /// Storage refused; everything was put back as it was.
    Storage(StorageError),
}

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
                        let n = diary::days(doc.checkins.iter()).len();
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
            Some(Some(DocKey::Settings)) => {
                let (s, outcome) = store.load_settings(now);
                let fresh = shown_fresh(&outcome);
                let mut n = self.notices.get_untracked();
                note_outcome(&mut n, outcome);
                self.notices.set(n);
                if fresh {
                    self.lang.set(s.lang);
                    platform::set_document_lang(s.lang.code());
                    self.settings.set(s);
                }
                return;
            }
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
                let mut all = std::collections::BTreeSet::new();
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

    /// Re-reads the goals and reviews documents.
    fn reload_progress(&self, store: Store, now: i64) {
        let (goals, o1) = store.load_doc(GOALS_KEY, decode_goals, now);
        let (reviews, o2) = store.load_doc(REVIEWS_KEY, decode_reviews, now);
        let (f1, f2) = (shown_fresh(&o1), shown_fresh(&o2));
        let mut n = self.notices.get_untracked();
        note_outcome(&mut n, o1);
        note_outcome(&mut n, o2);
        self.notices.set(n);
        if f1 {
            self.goals.set(goals);
        }
        if f2 {
            self.reviews.set(reviews);
        }
    }

    /// Applies one goal action to the goals document as stored now (read fresh, changed,
    /// written back); the signal changes only after the write succeeded.
    pub fn save_goal(&self, action: &GoalAction) -> Result<(), StorageError> {
        let store = self.writable()?;
        let now = clock::now().utc_secs;
        let action = action.clone();
        let result = store.change(
            GOALS_KEY,
            Codec::of(decode_goals, encode_goals_now),
            move |d| apply_to_goals(d, &action),
            now,
        );
        match self.saved(result) {
            Ok(doc) => {
                self.goals.set(doc);
                Ok(())
            }
            Err(e) => {
                // Another tab removed or added the goal: what is stored now is shown.
                if e == StorageError::Conflict {
                    self.reload_progress(store, now);
                }
                Err(e)
            }
        }
    }

    /// The store, when this page may write: storage is there and no document of a newer
    /// version was seen (the read-only page of an older version writes nothing).
    fn writable(&self) -> Result<Store, StorageError> {
        let store = self.store.ok_or(StorageError::Unavailable)?;
        if self.notices.with_untracked(|n| n.newer) {
            return Err(StorageError::NewerSchema);
        }
        Ok(store)
    }

    /// The outcome of a [`Store::change`]: a quarantine is noted, a newer document turns
    /// the page read-only.
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

    /// A new goal from the form, or (with `old`) the edited goal.
    pub fn save_goal_form(
        &self,
        draft: &GoalDraft,
        unit: &trinvis_core::coach::Unit,
        old: Option<&Goal>,
    ) -> Result<(), GoalSaveError> {
        let today = clock::today();
        let action = match old {
            Some(old) => GoalAction::Edit(
                draft
                    .apply_to(old, unit, today)
                    .map_err(GoalSaveError::Goal)?,
            ),
            None => {
                let id = self
                    .goals
                    .with_untracked(|d| new_id(clock::random_u32(), |id| d.find(id).is_some()));
                GoalAction::Add(
                    draft
                        .into_goal(unit, id, today)
                        .map_err(GoalSaveError::Goal)?,
                )
            }
        };
        self.save_goal(&action).map_err(GoalSaveError::Storage)
    }

    /// Saves (or skips) the weekly review.
    pub fn save_review(&self, action: &ReviewAction) -> Result<(), StorageError> {
        let store = self.writable()?;
        let action = *action;
        let result = store.change(
            REVIEWS_KEY,
            Codec::of(decode_reviews, encode_reviews_now),
            move |d| {
                apply_to_reviews(d, &action);
                Ok(())
            },
            clock::now().utc_secs,
        );
        let doc = self.saved(result)?;
        self.reviews.set(doc);
        Ok(())
    }

    /// Re-reads the profile document.
    fn reload_profile(&self, store: Store, now: i64) {
        let (doc, outcome) = store.load_doc(PROFILE_KEY, decode_profile, now);
        // A document that could not be read now (or is newer) leaves what is shown.
        let fresh = shown_fresh(&outcome);
        let mut n = self.notices.get_untracked();
        note_outcome(&mut n, outcome);
        self.notices.set(n);
        if fresh {
            crate::i18n::set_may_reassure(may_reassure(&doc.check));
            self.profile.set(doc);
        }
    }

    /// Changes the profile (conditions, first visit, warning signs): read fresh, changed,
    /// written back; the signal changes only after the write succeeded.
    /// `change` may run again later: when another tab's write arrives without it, it is
    /// applied to that document too (so it must set, not toggle).
    pub fn update_profile(
        &self,
        change: impl Fn(&mut Profile) + 'static,
    ) -> Result<(), StorageError> {
        self.change_profile(Rc::new(change))
    }

    fn change_profile(&self, change: Rc<dyn Fn(&mut Profile)>) -> Result<(), StorageError> {
        let store = self.writable()?;
        let result = store.change(
            PROFILE_KEY,
            Codec::of(decode_profile, encode_profile),
            move |p| {
                change(p);
                Ok(())
            },
            clock::now().utc_secs,
        );
        let doc = self.saved(result)?;
        crate::i18n::set_may_reassure(may_reassure(&doc.check));
        self.profile.set(doc);
        Ok(())
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

    /// Re-reads the activities document (another tab changed it, or a save conflicted).
    fn reload_activities(&self, store: Store, now: i64) {
        let (doc, outcome) = store.load_activities(now);
        let mut n = self.notices.get_untracked();
        if matches!(outcome, MonthLoad::Entries(_)) {
            self.activities.set(doc);
        }
        note_outcome(&mut n, outcome);
        self.notices.set(n);
    }

    /// Saves a session action (log, answer "okay later?", delete) to the month document
    /// of the session's day. On failure nothing changes and the error says why.
    pub fn save_session(&self, action: Action) -> Result<(), StorageError> {
        let month = action.month().ok_or(StorageError::Conflict)?;
        self.apply(month, action)
    }

    /// Saves a change to the activities (read fresh, one action, written back). On
    /// failure nothing changes and the error says why.
    pub fn save_activity(&self, action: &ActivityAction) -> Result<(), StorageError> {
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

    /// The sessions done from the first day of today's plan window on (tracked).
    pub fn recent_sessions(&self, today: Date) -> Vec<Session> {
        self.diary
            .with(|d| d.sessions_since(window_start(today)).cloned().collect())
    }

    /// Saves a new activity from the form.
    pub fn add_activity(&self, draft: ActivityDraft) -> Result<(), CoachError> {
        let id = self
            .activities
            .with_untracked(|d| new_id(clock::random_u32(), |id| d.find(id).is_some()));
        let activity = draft
            .into_activity(id, clock::now())
            .map_err(CoachError::Activity)?;
        self.save_activity(&ActivityAction::Add(activity))
            .map_err(CoachError::Storage)
    }

    /// Saves the edited form of `old`. The unit of an activity with sessions cannot change.
    pub fn edit_activity(&self, old: &Activity, draft: ActivityDraft) -> Result<(), CoachError> {
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

    /// Whether any loaded session belongs to the activity.
    fn has_sessions(&self, id: &str) -> bool {
        self.diary
            .with_untracked(|d| d.sessions().any(|s| s.activity_id == id))
    }

    /// Archives an activity: no longer planned, its history kept.
    pub fn archive_activity(&self, id: &str) -> Result<(), StorageError> {
        let Some(mut activity) = self.activities.with_untracked(|d| d.find(id).cloned()) else {
            return Ok(());
        };
        activity.archived = true;
        self.save_activity(&ActivityAction::Update(activity))
    }

    /// Logs a session of `activity` now and returns it. A big jump above the plan of its
    /// day is refused unless `confirmed`.
    pub fn log_session(
        &self,
        activity: &Activity,
        draft: &SessionDraft,
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

    /// Answers "okay later?" for a session now.
    pub fn answer_okay_later(&self, session: &Session, answer: bool) -> Result<(), CoachError> {
        let answered =
            coach::answer_okay_later(session, answer, clock::now()).map_err(CoachError::Session)?;
        self.save_session(Action::UpdateSession(answered))
            .map_err(CoachError::Storage)
    }

    fn recent_sessions_untracked(&self, today: Date) -> Vec<Session> {
        self.diary
            .with_untracked(|d| d.sessions_since(window_start(today)).cloned().collect())
    }

    /// Saves a new check-in recorded now. On failure nothing changes and the error says why.
    pub fn add_check_in(&self, draft: ValidDraft) -> Result<CheckIn, StorageError> {
        let at = clock::now();
        let month = at.local_date().month_key();
        let id = self.diary.with_untracked(|d| {
            new_id(clock::random_u32(), |id| {
                d.month(&month).iter().any(|c| c.id == id)
            })
        });
        let entry = draft.into_check_in(id, at);
        self.apply(month, Action::Add(entry.clone()))?;
        Ok(entry)
    }

    /// Saves the changed values of an existing check-in (its time stays as recorded).
    pub fn update_check_in(
        &self,
        original: &CheckIn,
        draft: ValidDraft,
    ) -> Result<(), StorageError> {
        let month = original.at.local_date().month_key();
        let entry = draft.into_check_in(original.id.clone(), original.at);
        self.apply(month, Action::Update(entry))
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

    /// Switches the language and remembers it (only the language: the settings are read
    /// fresh and changed through the one save path). If it could not be remembered, the
    /// switch still applies for this visit, the patient is told why
    /// ([`Notices::lang_unsaved`]) and the error is returned.
    pub fn set_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.lang.set(lang);
        platform::set_document_lang(lang.code());
        let result = self.update_settings(move |s| s.lang = lang);
        let unsaved = result.clone().err();
        if self.notices.with_untracked(|n| n.lang_unsaved != unsaved) {
            self.notices.update(|n| n.lang_unsaved = unsaved);
        }
        result
    }

    /// Asks the browser to keep the data and records its answer.
    pub fn request_persistence(&self) {
        if self.store.is_none() {
            return;
        }
        let persist = self.persist;
        leptos::task::spawn_local(async move {
            persist.set(storage::request_persistence().await);
        });
    }

    /// Changes the settings: read fresh, changed, written back; the signals change only
    /// after the write succeeded.
    /// `change` may run again later (see [`AppState::update_profile`]).
    pub fn update_settings(
        &self,
        change: impl Fn(&mut Settings) + 'static,
    ) -> Result<(), StorageError> {
        self.change_settings(Rc::new(change))
    }

    fn change_settings(&self, change: Rc<dyn Fn(&mut Settings)>) -> Result<(), StorageError> {
        let store = self.writable()?;
        let result = store.change(
            core_store::SETTINGS_KEY,
            Codec::of(core_store::decode_settings, core_store::encode_settings),
            move |s| {
                change(s);
                Ok(())
            },
            clock::now().utc_secs,
        );
        let doc = self.saved(result)?;
        self.settings.set(doc);
        Ok(())
    }

    /// The backup file of everything stored now (domain.md §10), with the documents it
    /// could not carry (newer or unreadable: the patient is told). The moment is
    /// remembered first, so the file carries its own date; `Err` when it could not be
    /// remembered (the file is made all the same).
    pub fn backup_file(&self) -> (transfer::BackupFile, Result<(), StorageError>) {
        let now = clock::now();
        let remembered = self.update_settings(move |s| kept::set_last_backup(s, now));
        let items = self.store.map(|s| s.all_raw()).unwrap_or_default();
        (
            transfer::backup_file(&items, now, storage::APP_VERSION),
            remembered,
        )
    }

    /// The check-ins as a CSV file.
    pub fn csv_checkins(&self) -> String {
        self.diary.with_untracked(transfer::export_csv_checkins)
    }

    /// The sessions as a CSV file.
    pub fn csv_sessions(&self) -> String {
        self.activities.with_untracked(|a| {
            self.diary
                .with_untracked(|d| transfer::export_csv_sessions(d, a))
        })
    }

    /// When this device last exported a backup (tracked).
    pub fn last_backup(&self) -> Option<Instant> {
        self.settings.with(kept::last_backup)
    }

    /// Whether to show the backup reminder now (tracked).
    pub fn backup_reminder_due(&self) -> bool {
        let last = self.last_backup();
        self.diary
            .with(|d| transfer::backup_reminder_due(last, clock::now(), d))
    }

    /// Imports a checked backup in `mode`: the core plans it against storage as it is
    /// right now (a document on the device that cannot be read is moved to quarantine as
    /// part of the plan: kept, never lost), the store carries the writes out all or
    /// nothing, then every signal is reloaded.
    pub fn import_backup(
        &self,
        preview: &BackupPreview,
        mode: Mode,
    ) -> Result<ImportPlan, TransferError> {
        let store = self
            .store
            .ok_or(TransferError::Storage(StorageError::Unavailable))?;
        if self.notices.with_untracked(|n| n.newer) {
            return Err(TransferError::Storage(StorageError::NewerSchema));
        }
        let now = clock::now().utc_secs;
        let current = store.all_raw();
        let plan = transfer::plan_import(preview, &current, mode, storage::APP_VERSION, now)
            .map_err(TransferError::Import)?;
        store
            .apply_writes(&plan.writes())
            .map_err(TransferError::Storage)?;
        self.notices.update(|n| {
            for (q, _) in &plan.quarantine {
                n.quarantined.push(q.clone());
            }
        });
        self.reload_all();
        Ok(plan)
    }

    /// Re-reads everything from storage (after an import).
    pub fn reload_all(&self) {
        self.reload_key(Some(core_store::SETTINGS_KEY.to_string()));
        self.reload_key(None);
    }

    /// Adds the activities of a plan link, each as a new activity with a new id through
    /// the ordinary save path (existing ones are never changed), then keeps the note,
    /// goal and limits in the settings. All or nothing for the activities: if a save
    /// fails, those already added are taken out again.
    pub fn add_plan(&self, plan: &PlanLink) -> Result<PlanImport, TransferError> {
        let store = self
            .store
            .ok_or(TransferError::Storage(StorageError::Unavailable))?;
        let now = clock::now();
        let (existing, _) = store.load_activities(now.utc_secs);
        let mut ids: Vec<String> = Vec::with_capacity(plan.activities.len());
        for _ in &plan.activities {
            let id = new_id(clock::random_u32(), |id| {
                existing.find(id).is_some() || ids.iter().any(|i| i == id)
            });
            ids.push(id);
        }
        let import = plan
            .to_activities(&ids, now, &existing)
            .map_err(TransferError::Plan)?;
        let mut added: Vec<String> = Vec::new();
        for a in &import.activities {
            if let Err(e) = self.save_activity(&ActivityAction::Add(a.clone())) {
                for id in added {
                    let _ = self.save_activity(&ActivityAction::Delete { id });
                }
                return Err(TransferError::Storage(e));
            }
            added.push(a.id.clone());
        }
        // The activities are what matters; the note is kept if it can be.
        let (kept_plan, today) = (plan.clone(), now.local_date());
        let _ = self.update_settings(move |s| kept::keep_plan(s, &kept_plan, today));
        Ok(import)
    }

    /// The file "download my data": every key of ours, raw, readable or not.
    pub fn rescue_file(&self) -> String {
        let items = self.store.map(|s| s.all_raw()).unwrap_or_default();
        trinvis_core::store::all_data_export(&items)
    }

    /// The quarantined texts only.
    pub fn quarantine_file(&self) -> String {
        let Some(store) = self.store else {
            return trinvis_core::store::all_data_export(&[]);
        };
        let items: Vec<(String, String)> = store
            .quarantine_keys()
            .into_iter()
            .filter_map(|k| store.read(&k).map(|v| (k, v)))
            .collect();
        trinvis_core::store::all_data_export(&items)
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
