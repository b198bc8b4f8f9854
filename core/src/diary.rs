//! The diary: check-ins and sessions grouped per month, changes to a month, day summaries,
//! the baseline profile and simple statistics (domain.md §1).

use crate::coach::Session;
use crate::model::CheckIn;
use crate::rules::BASELINE_DAYS;
use crate::sorted::VecMap;
use crate::time::{Date, Lang, MonthKey};
use std::fmt;

/// Every loaded check-in, grouped by local month (one stored document per month), each
/// month sorted by moment; and the loaded sessions, grouped by the local month of their
/// `for_date` (stored in the same month document).
#[derive(Clone, Debug, Default)]
pub struct Diary {
    months: VecMap<MonthKey, Vec<CheckIn>>,
    sessions: VecMap<MonthKey, Vec<Session>>,
}

/// One month document's content: the check-ins whose local month it is and the sessions
/// done (`for_date`) in it. Reading and writing go through the whole document, so writing
/// check-ins never drops sessions and vice versa.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthDoc {
    /// Check-ins, sorted by moment.
    pub checkins: Vec<CheckIn>,
    /// Sessions, in [`Session::chronological`] order.
    pub sessions: Vec<Session>,
}

impl MonthDoc {
    /// Whether the month holds neither check-ins nor sessions (its key can be removed).
    pub fn is_empty(&self) -> bool {
        self.checkins.is_empty() && self.sessions.is_empty()
    }
}

/// Sorts a month's entries by moment, then id (a total, deterministic order).
pub(crate) fn sort_entries(entries: &mut [CheckIn]) {
    crate::order::sort_by(entries, |a, b| {
        a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
    });
}

/// Sorts sessions by the day they were done, then when logged, then id.
pub(crate) fn sort_sessions(sessions: &mut [Session]) {
    crate::order::sort_by(sessions, |a, b| Session::chronological(&a, &b));
}

impl Diary {
    /// An empty diary.
    pub fn new() -> Diary {
        Diary::default()
    }

    /// Replaces a whole month, e.g. after decoding its document or after another tab wrote
    /// it. An empty list removes the month. Entries are sorted by moment.
    pub fn insert_month(&mut self, month: MonthKey, mut entries: Vec<CheckIn>) {
        if entries.is_empty() {
            self.months.remove(&month);
        } else {
            sort_entries(&mut entries);
            self.months.insert(month, entries);
        }
    }

    /// Replaces a month's sessions. An empty list removes them. Sessions are sorted
    /// ([`Session::chronological`]).
    pub fn insert_sessions(&mut self, month: MonthKey, mut sessions: Vec<Session>) {
        if sessions.is_empty() {
            self.sessions.remove(&month);
        } else {
            sort_sessions(&mut sessions);
            self.sessions.insert(month, sessions);
        }
    }

    /// Replaces a whole month document's content: its check-ins and its sessions.
    pub fn set_month(&mut self, month: MonthKey, doc: MonthDoc) {
        self.insert_month(month, doc.checkins);
        self.insert_sessions(month, doc.sessions);
    }

    /// Removes a month, check-ins and sessions (e.g. its document was deleted in another
    /// tab).
    pub fn remove_month(&mut self, month: &MonthKey) {
        self.months.remove(month);
        self.sessions.remove(month);
    }

    /// A month's sessions (by `for_date`), in [`Session::chronological`] order.
    pub fn month_sessions(&self, month: &MonthKey) -> &[Session] {
        self.sessions.get(month).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every loaded session, oldest month first, each month in
    /// [`Session::chronological`] order.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> + '_ {
        self.sessions.values().flatten()
    }

    /// The sessions done on or after `from` (by `for_date`), in order: only the months
    /// from `from`'s month on are visited, so a recent window stays cheap however long
    /// the history.
    pub fn sessions_since(&self, from: Date) -> impl Iterator<Item = &Session> + '_ {
        self.sessions
            .range_from(&from.month_key())
            .flat_map(|(_, s)| s.iter())
            .filter(move |s| s.for_date >= from)
    }

    /// The session with this id and the month document it is stored in.
    pub fn locate_session(&self, id: &str) -> Option<(MonthKey, &Session)> {
        self.sessions
            .iter()
            .find_map(|(month, list)| list.iter().find(|s| s.id == id).map(|s| (*month, s)))
    }

    /// The months that have check-ins or sessions (every month document), oldest first.
    pub fn doc_months(&self) -> Vec<MonthKey> {
        let mut months: Vec<MonthKey> = self.months.keys().copied().collect();
        months.extend(self.sessions.keys().copied());
        crate::order::sort(&mut months);
        months.dedup();
        months
    }

    /// Total number of sessions.
    pub fn session_count(&self) -> usize {
        self.sessions.values().map(Vec::len).sum()
    }

    /// The content of a month document as loaded (check-ins and sessions).
    pub fn month_doc(&self, month: &MonthKey) -> MonthDoc {
        MonthDoc {
            checkins: self.month(month).to_vec(),
            sessions: self.month_sessions(month).to_vec(),
        }
    }

    /// A month's entries, oldest first; empty when the month has none.
    pub fn month(&self, month: &MonthKey) -> &[CheckIn] {
        self.months.get(month).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The months that have entries, oldest first.
    pub fn months(&self) -> impl Iterator<Item = &MonthKey> + '_ {
        self.months.keys()
    }

    /// Total number of check-ins.
    pub fn len(&self) -> usize {
        self.months.values().map(Vec::len).sum()
    }

    /// Whether the diary has no check-ins.
    pub fn is_empty(&self) -> bool {
        self.months.values().all(Vec::is_empty)
    }

    /// Every check-in, oldest month first, each month oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &CheckIn> + '_ {
        self.months.values().flatten()
    }

    /// Every check-in, newest moment first. Lazy: taking the first few is cheap.
    ///
    /// Entries are grouped by *local* month, so near a month boundary an entry recorded in
    /// another zone can be in an earlier month yet a later moment. Only adjacent months can
    /// overlap that way (offsets differ by at most 28 hours, a month lasts at least 28
    /// days), so a merge of the two newest months with entries left is exact.
    pub fn newest_first(&self) -> impl Iterator<Item = &CheckIn> + '_ {
        NewestFirst {
            months: self
                .months
                .values()
                .filter(|m| !m.is_empty())
                .map(Vec::as_slice)
                .collect(),
        }
    }

    /// The check-in with this id, in any month.
    pub fn find(&self, id: &str) -> Option<&CheckIn> {
        self.iter().find(|c| c.id == id)
    }

    /// The check-in with this id and the month document it is stored in.
    pub fn locate(&self, id: &str) -> Option<(MonthKey, &CheckIn)> {
        self.months
            .iter()
            .find_map(|(month, entries)| entries.iter().find(|c| c.id == id).map(|c| (*month, c)))
    }

    /// Applies an action to the in-memory diary (see [`apply_to_month`]).
    pub fn apply(&mut self, action: &Action) -> Result<(), ApplyError> {
        let month = action.month().ok_or(ApplyError::NotFound)?;
        let mut doc = MonthDoc {
            checkins: self.months.remove(&month).unwrap_or_default(),
            sessions: self.sessions.remove(&month).unwrap_or_default(),
        };
        let result = apply_to_month(&mut doc, action);
        self.set_month(month, doc);
        result
    }

    /// Day summaries of the whole diary (see [`days`]).
    pub fn days(&self) -> Vec<DaySummary> {
        days(self.iter())
    }
}

/// Iterator behind [`Diary::newest_first`]: the not yet yielded part of each month.
struct NewestFirst<'a> {
    /// Remaining entries per month, oldest month first; never holds an empty slice.
    months: Vec<&'a [CheckIn]>,
}

impl<'a> Iterator for NewestFirst<'a> {
    type Item = &'a CheckIn;

    fn next(&mut self) -> Option<&'a CheckIn> {
        let n = self.months.len();
        let newest_month = n.checked_sub(1)?;
        // The newest remaining entry is the last of the newest month, unless the month
        // before it holds a later moment (see `Diary::newest_first`).
        let mut pick = newest_month;
        if let Some(before) = n.checked_sub(2) {
            let a = self.months.get(newest_month).and_then(|m| m.last());
            let b = self.months.get(before).and_then(|m| m.last());
            if let (Some(a), Some(b)) = (a, b) {
                if b.at > a.at {
                    pick = before;
                }
            }
        }
        let slice = self.months.get_mut(pick)?;
        let (last, rest) = slice.split_last()?;
        *slice = rest;
        if rest.is_empty() {
            self.months.remove(pick);
        }
        Some(last)
    }
}

/// A change to the diary, applied to one month document: check-ins by the local month of
/// their moment, sessions by the local month of their `for_date`.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A new check-in.
    Add(CheckIn),
    /// New content for an existing check-in (same id); its `at` is kept.
    Update(CheckIn),
    /// Removes the check-in with this id from `month`.
    Delete {
        /// Id of the check-in.
        id: String,
        /// Month document holding it.
        month: MonthKey,
    },
    /// Puts a deleted check-in back (undo).
    Restore(CheckIn),
    /// A new session.
    AddSession(Session),
    /// New content for an existing session (same id), e.g. "okay later?" answered
    /// ([`crate::coach::answer_okay_later`]); its `at`, `for_date` and `activity_id` are
    /// kept.
    UpdateSession(Session),
    /// Removes the session with this id from `month`.
    DeleteSession {
        /// Id of the session.
        id: String,
        /// Month document holding it (the month of its `for_date`).
        month: MonthKey,
    },
}

impl Action {
    /// The month document this action changes: the local month of the check-in's `at`
    /// (for an update, pass the stored entry's `at`: editing never moves an entry), or the
    /// given month for a delete; for a session the month of its `for_date`. Always `Some`
    /// today.
    pub fn month(&self) -> Option<MonthKey> {
        match self {
            Action::Add(c) | Action::Update(c) | Action::Restore(c) => Some(c.month()),
            Action::AddSession(s) | Action::UpdateSession(s) => Some(s.for_date.month_key()),
            Action::Delete { month, .. } | Action::DeleteSession { month, .. } => Some(*month),
        }
    }
}

/// Why an action could not be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// No check-in with that id in the month (update).
    NotFound,
    /// A different check-in with that id already exists in the month (add, restore).
    DuplicateId,
}

impl ApplyError {
    /// Translation key: "apply.not_found", "apply.duplicate_id".
    pub fn key(self) -> &'static str {
        match self {
            ApplyError::NotFound => "apply.not_found",
            ApplyError::DuplicateId => "apply.duplicate_id",
        }
    }
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for ApplyError {}

/// Applies `action` to a month document's content. Pure: the shell reads the month
/// document fresh, applies the action and writes it back at once, so two tabs never lose
/// each other's entries; a check-in action leaves the sessions untouched and a session
/// action the check-ins. Entries stay sorted by moment, sessions chronological.
///
/// - `Add`: [`ApplyError::DuplicateId`] if the id is taken.
/// - `Update`: [`ApplyError::NotFound`] if the id is missing; keeps the stored `at`.
/// - `Delete`: removes the entry; deleting an id that is already gone (e.g. by another
///   tab) succeeds without change.
/// - `Restore`: inserts the entry; succeeds without change if the identical entry is
///   already there, [`ApplyError::DuplicateId`] if a different one has its id.
/// - `AddSession`: [`ApplyError::DuplicateId`] if a session of the month has the id.
/// - `UpdateSession`: [`ApplyError::NotFound`] if the id is missing; keeps the stored
///   `at`, `for_date` and `activity_id`, takes the rest (amount, pain, the answers).
/// - `DeleteSession`: removes the session; an id already gone succeeds without change.
///
/// On error the document is left unchanged.
pub fn apply_to_month(doc: &mut MonthDoc, action: &Action) -> Result<(), ApplyError> {
    match action {
        Action::Add(_) | Action::Update(_) | Action::Delete { .. } | Action::Restore(_) => {
            apply_to_entries(&mut doc.checkins, action)
        }
        Action::AddSession(_) | Action::UpdateSession(_) | Action::DeleteSession { .. } => {
            apply_to_sessions(&mut doc.sessions, action)
        }
    }
}

/// The check-in actions of [`apply_to_month`].
fn apply_to_entries(entries: &mut Vec<CheckIn>, action: &Action) -> Result<(), ApplyError> {
    let position = |id: &str| entries.iter().position(|c| c.id == id);
    match action {
        Action::Add(check_in) => {
            if position(&check_in.id).is_some() {
                return Err(ApplyError::DuplicateId);
            }
            entries.push(check_in.clone());
        }
        Action::Update(check_in) => {
            let i = position(&check_in.id).ok_or(ApplyError::NotFound)?;
            let stored = entries.get_mut(i).ok_or(ApplyError::NotFound)?;
            let at = stored.at;
            *stored = CheckIn {
                at,
                ..check_in.clone()
            };
        }
        Action::Delete { id, .. } => {
            if let Some(i) = position(id) {
                entries.remove(i);
            }
        }
        Action::Restore(check_in) => match position(&check_in.id) {
            Some(i) if entries.get(i) == Some(check_in) => {}
            Some(_) => return Err(ApplyError::DuplicateId),
            None => entries.push(check_in.clone()),
        },
        Action::AddSession(_) | Action::UpdateSession(_) | Action::DeleteSession { .. } => {}
    }
    sort_entries(entries);
    Ok(())
}

/// The session actions of [`apply_to_month`].
fn apply_to_sessions(sessions: &mut Vec<Session>, action: &Action) -> Result<(), ApplyError> {
    let position = |id: &str| sessions.iter().position(|s| s.id == id);
    match action {
        Action::AddSession(session) => {
            if position(&session.id).is_some() {
                return Err(ApplyError::DuplicateId);
            }
            sessions.push(session.clone());
        }
        Action::UpdateSession(session) => {
            let i = position(&session.id).ok_or(ApplyError::NotFound)?;
            let stored = sessions.get_mut(i).ok_or(ApplyError::NotFound)?;
            *stored = Session {
                activity_id: stored.activity_id.clone(),
                at: stored.at,
                for_date: stored.for_date,
                ..session.clone()
            };
        }
        Action::DeleteSession { id, .. } => {
            if let Some(i) = position(id) {
                sessions.remove(i);
            }
        }
        Action::Add(_) | Action::Update(_) | Action::Delete { .. } | Action::Restore(_) => {}
    }
    sort_sessions(sessions);
    Ok(())
}

/// One diary day: the pain of its check-ins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DaySummary {
    /// The local day.
    pub date: Date,
    /// The day's pain: the mean of its check-ins (domain.md §1).
    pub mean: f64,
    /// Lowest pain score that day.
    pub min: u8,
    /// Highest pain score that day.
    pub max: u8,
    /// Number of check-ins that day (at least 1).
    pub count: usize,
}

/// Groups check-ins by each entry's own local day (`at.local_date()`), oldest day first.
/// Days without check-ins are absent.
pub fn days<'a>(entries: impl IntoIterator<Item = &'a CheckIn>) -> Vec<DaySummary> {
    // (date, pain) in date order: a diary comes newest first or oldest first, so this is
    // mostly a reversal; anything else is sorted (stably, with the one shared sort).
    let mut scored: Vec<(Date, u8)> = entries
        .into_iter()
        .map(|e| (e.date(), e.pain.get()))
        .collect();
    if scored.is_sorted_by(|a, b| a.0 >= b.0) {
        scored.reverse();
    }
    crate::order::sort_by_key(&mut scored, |p| p.0);
    // date -> (sum, min, max, count), one run of equal dates at a time.
    let mut out: Vec<(Date, u64, u8, u8, usize)> = Vec::new();
    for (date, pain) in scored {
        match out.last_mut() {
            Some(day) if day.0 == date => {
                day.1 += u64::from(pain);
                day.2 = day.2.min(pain);
                day.3 = day.3.max(pain);
                day.4 += 1;
            }
            _ => out.push((date, u64::from(pain), pain, pain, 1)),
        }
    }
    out.into_iter()
        .map(|(date, sum, min, max, count)| DaySummary {
            date,
            mean: sum as f64 / count as f64,
            min,
            max,
            count,
        })
        .collect()
}

/// The patient's baseline pain profile (domain.md §1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Baseline {
    /// Fewer than [`BASELINE_DAYS`] days with check-ins so far.
    Pending {
        /// Days with check-ins so far.
        days_done: usize,
        /// Days with check-ins still needed.
        days_left: usize,
    },
    /// The profile of the first [`BASELINE_DAYS`] days with check-ins.
    Ready(BaselineProfile),
}

/// Pain over the first [`BASELINE_DAYS`] days with check-ins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BaselineProfile {
    /// First day of the baseline.
    pub from: Date,
    /// Last day of the baseline (the seventh day with check-ins).
    pub to: Date,
    /// Mean of the daily means.
    pub mean: f64,
    /// Lowest single pain score in those days.
    pub min: u8,
    /// Highest single pain score in those days.
    pub max: u8,
    /// Number of check-ins in those days.
    pub checkins: usize,
}

/// The baseline: the first [`BASELINE_DAYS`] days *with check-ins* (days without are
/// skipped, not counted). `days` as from [`days`]; order does not matter, days without
/// check-ins (`count == 0`) are ignored.
pub fn baseline(days: &[DaySummary]) -> Baseline {
    // `days` comes from [`days`], oldest first with one summary per date; a list out of
    // order is put in order here (one VecMap instead of another sort in the bundle).
    let mut with_checkins: Vec<&DaySummary> = if days.is_sorted_by(|a, b| a.date < b.date) {
        days.iter().filter(|d| d.count > 0).collect()
    } else {
        // Inserting one by one (not `collect`, which would add a stable sort); the last
        // summary of a date wins, as with `collect`.
        let mut by_date: VecMap<Date, &DaySummary> = VecMap::new();
        for d in days.iter().filter(|d| d.count > 0) {
            by_date.insert(d.date, d);
        }
        by_date.into_values().collect()
    };
    with_checkins.dedup_by_key(|d| d.date);
    let pending = || {
        let days_done = with_checkins.len().min(BASELINE_DAYS);
        Baseline::Pending {
            days_done,
            days_left: BASELINE_DAYS - days_done,
        }
    };
    let Some(first) = with_checkins.get(..BASELINE_DAYS) else {
        return pending();
    };
    let (Some(from), Some(to)) = (first.first(), first.last()) else {
        return pending();
    };
    Baseline::Ready(BaselineProfile {
        from: from.date,
        to: to.date,
        mean: first.iter().map(|d| d.mean).sum::<f64>() / first.len() as f64,
        min: first.iter().map(|d| d.min).min().unwrap_or(0),
        max: first.iter().map(|d| d.max).max().unwrap_or(0),
        checkins: first.iter().map(|d| d.count).sum(),
    })
}

/// Mean of the daily means of the days in the `n_days` calendar days up to and including
/// `today` (today - n_days < date <= today); `None` when none of them has check-ins.
pub fn recent_mean(days: &[DaySummary], today: Date, n_days: usize) -> Option<f64> {
    let n = i64::try_from(n_days).unwrap_or(i64::MAX);
    let after = today.add_days(n.saturating_neg());
    let (sum, count) = days
        .iter()
        .filter(|d| d.count > 0 && d.date > after && d.date <= today)
        .fold((0.0, 0usize), |(sum, count), d| (sum + d.mean, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// `x` rounded to one decimal (halves away from zero).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// `x` with one decimal: "4,3" in Danish, "4.3" in English; "–" when not a number.
pub fn format_decimal(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    // Whole tenths as an integer: no float formatting code in the wasm bundle, and -0.04
    // prints "0.0", not "-0.0".
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let sep = match lang {
        Lang::Da => ',',
        Lang::En => '.',
    };
    let t = tenths.unsigned_abs();
    format!("{sign}{}{sep}{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyArea, Score};
    use crate::rules::RECENT_DAYS;
    use crate::testkit::d;
    use crate::time::Instant;

    /// A check-in with `pain` at local `date` `h:m` on a clock at `offset` minutes.
    fn entry(id: &str, date: Date, h: u8, m: u8, offset: i16, pain: u8) -> CheckIn {
        CheckIn {
            id: id.to_string(),
            at: Instant::from_local(date, h, m, 0, offset).unwrap(),
            pain: Score::new(pain).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: String::new(),
        }
    }

    fn month(y: i32, m: u8) -> MonthKey {
        MonthKey::new(y, m).unwrap()
    }

    #[test]
    fn an_empty_diary_has_no_days_and_a_pending_baseline() {
        let diary = Diary::new();
        assert!(diary.is_empty());
        assert_eq!(diary.len(), 0);
        assert!(diary.days().is_empty());
        assert_eq!(
            baseline(&diary.days()),
            Baseline::Pending {
                days_done: 0,
                days_left: 7
            }
        );
        assert_eq!(recent_mean(&[], d(2026, 11, 23), RECENT_DAYS), None);
        assert_eq!(diary.newest_first().count(), 0);
    }

    #[test]
    fn one_entry_makes_one_day() {
        let days = days(&[entry("a", d(2026, 11, 23), 8, 0, 60, 4)]);
        assert_eq!(
            days,
            vec![DaySummary {
                date: d(2026, 11, 23),
                mean: 4.0,
                min: 4,
                max: 4,
                count: 1
            }]
        );
        assert_eq!(
            baseline(&days),
            Baseline::Pending {
                days_done: 1,
                days_left: 6
            }
        );
    }

    #[test]
    fn a_days_pain_is_the_mean_of_its_check_ins() {
        let date = d(2026, 11, 23);
        let entries = [
            entry("a", date, 8, 0, 60, 3),
            entry("b", date, 13, 0, 60, 6),
            entry("c", date, 20, 0, 60, 4),
        ];
        let days = days(&entries);
        assert_eq!(days.len(), 1);
        let day = days[0];
        assert!((day.mean - 13.0 / 3.0).abs() < 1e-12);
        assert_eq!((day.min, day.max, day.count), (3, 6, 3));
        assert_eq!(format_decimal(day.mean, Lang::Da), "4,3");
        assert_eq!(format_decimal(day.mean, Lang::En), "4.3");
    }

    #[test]
    fn entry_at_23_59_belongs_to_that_day_and_00_01_to_the_next() {
        let entries = [
            entry("late", d(2026, 11, 23), 23, 59, 60, 2),
            entry("early", d(2026, 11, 24), 0, 1, 60, 8),
        ];
        let days = days(&entries);
        assert_eq!(days.len(), 2);
        assert_eq!((days[0].date, days[0].max), (d(2026, 11, 23), 2));
        assert_eq!((days[1].date, days[1].max), (d(2026, 11, 24), 8));
    }

    #[test]
    fn the_spring_clock_change_night_keeps_entries_on_their_day() {
        // 2026-03-29 02:00 CET becomes 03:00 CEST.
        let entries = [
            entry("before", d(2026, 3, 29), 0, 30, 60, 2),
            entry("after", d(2026, 3, 29), 23, 30, 120, 4),
            entry("prev", d(2026, 3, 28), 23, 59, 60, 9),
        ];
        let days = days(&entries);
        assert_eq!(days.len(), 2);
        assert_eq!(days[1].date, d(2026, 3, 29));
        assert_eq!(days[1].count, 2);
        assert_eq!(days[1].mean, 3.0);
    }

    #[test]
    fn the_autumn_clock_change_night_keeps_entries_on_their_day() {
        // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:30 happens twice.
        let entries = [
            entry("first 02:30", d(2026, 10, 25), 2, 30, 120, 5),
            entry("second 02:30", d(2026, 10, 25), 2, 30, 60, 7),
            entry("evening", d(2026, 10, 25), 23, 59, 60, 3),
            entry("next", d(2026, 10, 26), 0, 1, 60, 1),
        ];
        assert!(entries[0].at < entries[1].at);
        let days = days(&entries);
        assert_eq!(days.len(), 2);
        assert_eq!((days[0].date, days[0].count), (d(2026, 10, 25), 3));
        assert_eq!(days[0].mean, 5.0);
    }

    #[test]
    fn an_entry_recorded_in_new_york_stays_on_its_local_date() {
        let ny = entry("ny", d(2026, 11, 14), 23, 30, -300, 6);
        // In UTC it is already the 15th (04:30).
        assert_eq!(
            Instant::new(ny.at.utc_secs, 0).unwrap().local_date(),
            d(2026, 11, 15)
        );
        let days = days(&[ny]);
        assert_eq!(days[0].date, d(2026, 11, 14));
    }

    fn n_days(dates: &[Date], pains_per_day: &[u8]) -> Vec<CheckIn> {
        let mut out = Vec::new();
        for (i, date) in dates.iter().enumerate() {
            for (j, pain) in pains_per_day.iter().enumerate() {
                out.push(entry(&format!("{i}-{j}"), *date, 8 + j as u8, 0, 60, *pain));
            }
        }
        out
    }

    #[test]
    fn six_days_leave_one_baseline_day() {
        let dates: Vec<Date> = (0..6).map(|i| d(2026, 11, 1).add_days(i)).collect();
        assert_eq!(
            baseline(&days(&n_days(&dates, &[5]))),
            Baseline::Pending {
                days_done: 6,
                days_left: 1
            }
        );
    }

    #[test]
    fn exactly_seven_days_make_the_baseline() {
        let dates: Vec<Date> = (0..7).map(|i| d(2026, 11, 1).add_days(i)).collect();
        let mut entries = n_days(&dates, &[5]);
        entries[0].pain = Score::new(2).unwrap();
        entries[6].pain = Score::new(9).unwrap();
        let Baseline::Ready(profile) = baseline(&days(&entries)) else {
            panic!("baseline should be ready");
        };
        assert_eq!(profile.from, d(2026, 11, 1));
        assert_eq!(profile.to, d(2026, 11, 7));
        assert_eq!((profile.min, profile.max, profile.checkins), (2, 9, 7));
        assert!((profile.mean - 36.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn baseline_skips_days_without_check_ins_and_ignores_later_days() {
        // Seven days with check-ins spread over three weeks, then more days.
        let dates: Vec<Date> = [0, 1, 5, 6, 12, 13, 20, 21, 22]
            .iter()
            .map(|i| d(2026, 11, 1).add_days(*i))
            .collect();
        let mut entries = n_days(&dates, &[4]);
        entries[8].pain = Score::new(10).unwrap(); // the ninth day is not in the baseline
        let Baseline::Ready(profile) = baseline(&days(&entries)) else {
            panic!("baseline should be ready");
        };
        assert_eq!(profile.from, d(2026, 11, 1));
        assert_eq!(profile.to, d(2026, 11, 21));
        assert_eq!((profile.mean, profile.min, profile.max), (4.0, 4, 4));
        assert_eq!(profile.checkins, 7);
    }

    #[test]
    fn baseline_mean_is_the_mean_of_daily_means_with_several_check_ins_a_day() {
        let dates: Vec<Date> = (0..7).map(|i| d(2026, 11, 1).add_days(i)).collect();
        let mut entries = n_days(&dates, &[2, 6]); // each day's mean is 4
        entries.push(entry("extra", dates[0], 20, 0, 60, 4)); // day 1: 2, 6, 4 -> mean 4
        let Baseline::Ready(profile) = baseline(&days(&entries)) else {
            panic!("baseline should be ready");
        };
        assert_eq!(profile.mean, 4.0);
        assert_eq!((profile.min, profile.max, profile.checkins), (2, 6, 15));
    }

    #[test]
    fn recent_mean_covers_the_last_n_days_including_today() {
        let today = d(2026, 11, 23);
        let entries = [
            entry("old", today.add_days(-7), 8, 0, 60, 10), // just outside 7 days
            entry("a", today.add_days(-6), 8, 0, 60, 2),
            entry("b", today.add_days(-1), 8, 0, 60, 4),
            entry("c", today, 8, 0, 60, 2),
            entry("c2", today, 9, 0, 60, 4), // today's mean is 3
            entry("future", today.add_days(1), 8, 0, 60, 10),
        ];
        let days = days(&entries);
        // (2 + 4 + 3) / 3: daily means, not single check-ins.
        assert_eq!(recent_mean(&days, today, RECENT_DAYS), Some(3.0));
        assert_eq!(recent_mean(&days, today, 2), Some(3.5));
        assert_eq!(recent_mean(&days, today, 1), Some(3.0));
        assert_eq!(recent_mean(&days, today, 0), None);
        assert_eq!(recent_mean(&days, today.add_days(-30), RECENT_DAYS), None);
    }

    #[test]
    fn decimals_round_to_one_place_in_each_language() {
        let cases = [
            (4.25, "4,3", "4.3"),
            (4.0, "4,0", "4.0"),
            (13.0 / 3.0, "4,3", "4.3"),
            (-0.04, "0,0", "0.0"),
            (9.96, "10,0", "10.0"),
            (f64::NAN, "–", "–"),
        ];
        for (x, da, en) in cases {
            assert_eq!(format_decimal(x, Lang::Da), da, "{x}");
            assert_eq!(format_decimal(x, Lang::En), en, "{x}");
        }
        assert_eq!(round1(2.449), 2.4);
        assert_eq!(round1(2.45), 2.5);
    }

    #[test]
    fn months_are_replaced_whole_and_kept_sorted() {
        let mut diary = Diary::new();
        let nov = month(2026, 11);
        diary.insert_month(
            nov,
            vec![
                entry("b", d(2026, 11, 20), 8, 0, 60, 3),
                entry("a", d(2026, 11, 2), 8, 0, 60, 3),
            ],
        );
        let ids: Vec<&str> = diary.month(&nov).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        diary.insert_month(nov, vec![entry("c", d(2026, 11, 3), 8, 0, 60, 3)]);
        assert_eq!(diary.len(), 1);
        assert!(diary.find("a").is_none());
        assert_eq!(diary.locate("c").map(|(m, _)| m), Some(nov));
        diary.insert_month(nov, vec![]);
        assert!(diary.is_empty());
        assert_eq!(diary.months().count(), 0);
        assert!(diary.month(&nov).is_empty());
    }

    #[test]
    fn newest_first_orders_by_moment_across_months_and_zones() {
        let mut diary = Diary::new();
        // Recorded in Tokyo (+540) at 00:30 on Dec 1: 15:30 UTC on Nov 30.
        let tokyo = entry("tokyo", d(2026, 12, 1), 0, 30, 540, 3);
        // Recorded in Copenhagen at 23:00 on Nov 30: 22:00 UTC, a later moment.
        let cph = entry("cph", d(2026, 11, 30), 23, 0, 60, 3);
        let dec = entry("dec", d(2026, 12, 5), 8, 0, 60, 3);
        let oct = entry("oct", d(2026, 10, 5), 8, 0, 120, 3);
        let nov = entry("nov", d(2026, 11, 5), 8, 0, 60, 3);
        diary.insert_month(month(2026, 10), vec![oct]);
        diary.insert_month(month(2026, 11), vec![nov, cph]);
        diary.insert_month(month(2026, 12), vec![dec, tokyo]);
        let ids: Vec<&str> = diary.newest_first().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["dec", "cph", "tokyo", "nov", "oct"]);
        let ids: Vec<&str> = diary
            .newest_first()
            .take(2)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["dec", "cph"]);
    }

    #[test]
    fn newest_first_matches_a_full_sort_on_generated_data() {
        let diary = crate::gen::generate_years(d(2024, 1, 1), 1, 3, 7);
        let mut all: Vec<&CheckIn> = diary.iter().collect();
        all.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
        let lazy: Vec<&CheckIn> = diary.newest_first().collect();
        assert_eq!(lazy.len(), all.len());
        assert!(lazy.iter().zip(&all).all(|(a, b)| a.at == b.at));
    }

    #[test]
    fn actions_add_update_delete_and_restore() {
        let nov = month(2026, 11);
        let a = entry("a", d(2026, 11, 5), 8, 0, 60, 3);
        let b = entry("b", d(2026, 11, 2), 8, 0, 60, 5);
        let mut doc = MonthDoc {
            checkins: vec![a.clone()],
            sessions: vec![],
        };

        assert_eq!(apply_to_month(&mut doc, &Action::Add(b.clone())), Ok(()));
        assert_eq!(doc.checkins, vec![b.clone(), a.clone()], "sorted by moment");
        assert_eq!(
            apply_to_month(&mut doc, &Action::Add(a.clone())),
            Err(ApplyError::DuplicateId)
        );

        // Update keeps the stored moment even if the edited copy has another.
        let mut edited = a.clone();
        edited.pain = Score::new(7).unwrap();
        edited.note = "Bedre i aften".into();
        edited.at = Instant::new(0, 0).unwrap();
        assert_eq!(apply_to_month(&mut doc, &Action::Update(edited)), Ok(()));
        let stored = doc.checkins.iter().find(|c| c.id == "a").unwrap();
        assert_eq!((stored.pain.get(), stored.at), (7, a.at));
        assert_eq!(stored.note, "Bedre i aften");

        let missing = entry("zz", d(2026, 11, 5), 8, 0, 60, 3);
        assert_eq!(
            apply_to_month(&mut doc, &Action::Update(missing)),
            Err(ApplyError::NotFound)
        );

        let delete = Action::Delete {
            id: "b".into(),
            month: nov,
        };
        assert_eq!(delete.month(), Some(nov));
        assert_eq!(apply_to_month(&mut doc, &delete), Ok(()));
        assert_eq!(doc.checkins.len(), 1);
        assert_eq!(apply_to_month(&mut doc, &delete), Ok(()), "idempotent");

        assert_eq!(
            apply_to_month(&mut doc, &Action::Restore(b.clone())),
            Ok(())
        );
        assert_eq!(
            apply_to_month(&mut doc, &Action::Restore(b.clone())),
            Ok(())
        );
        assert_eq!(doc.checkins.len(), 2);
        let mut other = b.clone();
        other.pain = Score::new(0).unwrap();
        assert_eq!(
            apply_to_month(&mut doc, &Action::Restore(other)),
            Err(ApplyError::DuplicateId)
        );
        assert_eq!(doc.checkins[0], b);
        assert!(doc.sessions.is_empty());
    }

    #[test]
    fn an_action_names_the_local_month_of_its_entry() {
        // 23:30 on Oct 31 in New York is Nov 1 in UTC, but the entry belongs to October.
        let ny = entry("ny", d(2026, 10, 31), 23, 30, -240, 4);
        assert_eq!(Action::Add(ny).month(), Some(month(2026, 10)));
    }

    #[test]
    fn two_tabs_adding_to_the_same_month_keep_both_entries() {
        // Each tab applies its action to the month as freshly read before writing.
        let stored = MonthDoc::default();
        let mut tab_a = stored.clone();
        apply_to_month(
            &mut tab_a,
            &Action::Add(entry("a", d(2026, 11, 5), 8, 0, 60, 3)),
        )
        .unwrap();
        // Tab B reads after A wrote.
        let mut tab_b = tab_a.clone();
        apply_to_month(
            &mut tab_b,
            &Action::Add(entry("b", d(2026, 11, 5), 9, 0, 60, 4)),
        )
        .unwrap();
        assert_eq!(tab_b.checkins.len(), 2);
    }

    #[test]
    fn the_diary_applies_actions_to_the_right_month() {
        let mut diary = Diary::new();
        let a = entry("a", d(2026, 11, 5), 8, 0, 60, 3);
        diary.apply(&Action::Add(a.clone())).unwrap();
        diary
            .apply(&Action::Add(entry("b", d(2026, 12, 5), 8, 0, 60, 3)))
            .unwrap();
        assert_eq!(diary.months().count(), 2);
        diary
            .apply(&Action::Delete {
                id: "a".into(),
                month: month(2026, 11),
            })
            .unwrap();
        assert_eq!(
            diary.months().copied().collect::<Vec<_>>(),
            [month(2026, 12)]
        );
        let mut with_areas = a;
        with_areas.areas = vec![BodyArea::from_code("lb").unwrap()];
        assert_eq!(
            diary.apply(&Action::Update(with_areas)),
            Err(ApplyError::NotFound)
        );
        assert_eq!(diary.len(), 1);
    }

    fn session(id: &str, for_date: Date, h: u8) -> Session {
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: "walk".into(),
            at: Instant::from_local(for_date, h, 0, 0, 60).unwrap(),
            for_date,
            amount: crate::coach::Amount::from_units(10).unwrap(),
            pain_during: Score::new(3).unwrap(),
            okay_now: true,
            okay_later: None,
        }
    }

    #[test]
    fn session_actions_add_answer_and_delete_and_leave_check_ins_alone() {
        let nov = month(2026, 11);
        let c = entry("c", d(2026, 11, 5), 8, 0, 60, 3);
        let mut doc = MonthDoc {
            checkins: vec![c.clone()],
            sessions: vec![],
        };
        let late = session("b", d(2026, 11, 6), 17);
        let early = session("a", d(2026, 11, 5), 17);
        for s in [&late, &early] {
            assert_eq!(
                apply_to_month(&mut doc, &Action::AddSession(s.clone())),
                Ok(())
            );
        }
        assert_eq!(doc.sessions, vec![early.clone(), late.clone()], "in order");
        assert_eq!(
            apply_to_month(&mut doc, &Action::AddSession(early.clone())),
            Err(ApplyError::DuplicateId)
        );
        // Answering "okay later?" keeps when and for which day and activity it was logged.
        let answered_at = Instant::from_local(d(2026, 11, 6), 8, 0, 0, 60).unwrap();
        let mut answer = crate::coach::answer_okay_later(&early, true, answered_at).unwrap();
        answer.at = Instant::new(0, 0).unwrap();
        answer.for_date = d(2026, 11, 1);
        answer.activity_id = "other".into();
        assert_eq!(
            apply_to_month(&mut doc, &Action::UpdateSession(answer)),
            Ok(())
        );
        let stored = &doc.sessions[0];
        assert_eq!((stored.at, stored.for_date), (early.at, early.for_date));
        assert_eq!(stored.activity_id, "walk");
        assert_eq!(stored.okay_later.map(|l| l.answer), Some(true));
        assert_eq!(
            apply_to_month(
                &mut doc,
                &Action::UpdateSession(session("zz", d(2026, 11, 5), 9))
            ),
            Err(ApplyError::NotFound)
        );
        let delete = Action::DeleteSession {
            id: "b".into(),
            month: nov,
        };
        assert_eq!(delete.month(), Some(nov));
        assert_eq!(apply_to_month(&mut doc, &delete), Ok(()));
        assert_eq!(apply_to_month(&mut doc, &delete), Ok(()), "idempotent");
        assert_eq!(doc.sessions.len(), 1);
        assert_eq!(doc.checkins, vec![c.clone()], "check-ins untouched");
        // And a check-in action leaves the sessions alone.
        let sessions = doc.sessions.clone();
        apply_to_month(
            &mut doc,
            &Action::Delete {
                id: "c".into(),
                month: nov,
            },
        )
        .unwrap();
        assert!(doc.checkins.is_empty());
        assert_eq!(doc.sessions, sessions);
        assert!(!doc.is_empty());
    }

    #[test]
    fn a_session_action_names_the_month_of_its_day() {
        // Done on Oct 31, logged on Nov 1: October's document.
        let mut s = session("s", d(2026, 10, 31), 17);
        s.at = Instant::from_local(d(2026, 11, 1), 9, 0, 0, 60).unwrap();
        assert_eq!(Action::AddSession(s.clone()).month(), Some(month(2026, 10)));
        assert_eq!(Action::UpdateSession(s).month(), Some(month(2026, 10)));
    }

    #[test]
    fn the_diary_keeps_sessions_per_month_next_to_check_ins() {
        let mut diary = Diary::new();
        let (oct, nov) = (month(2026, 10), month(2026, 11));
        diary.set_month(
            nov,
            MonthDoc {
                checkins: vec![entry("c", d(2026, 11, 5), 8, 0, 60, 3)],
                sessions: vec![
                    session("b", d(2026, 11, 20), 17),
                    session("a", d(2026, 11, 2), 17),
                ],
            },
        );
        diary
            .apply(&Action::AddSession(session("o", d(2026, 10, 30), 17)))
            .unwrap();
        assert_eq!(diary.doc_months(), [oct, nov]);
        assert_eq!(diary.months().copied().collect::<Vec<_>>(), [nov]);
        assert_eq!(diary.session_count(), 3);
        let ids: Vec<&str> = diary.sessions().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["o", "a", "b"]);
        let since: Vec<&str> = diary
            .sessions_since(d(2026, 11, 2))
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(since, ["a", "b"]);
        assert_eq!(diary.locate_session("b").map(|(m, _)| m), Some(nov));
        assert_eq!(diary.month_sessions(&oct).len(), 1);
        // Replacing check-ins only keeps the sessions; the whole month doc is both.
        diary.insert_month(nov, vec![]);
        assert_eq!(diary.month_doc(&nov).sessions.len(), 2);
        assert!(diary.month_doc(&nov).checkins.is_empty());
        diary.insert_sessions(nov, vec![]);
        assert_eq!(diary.doc_months(), [oct]);
        diary.remove_month(&oct);
        assert_eq!(diary.session_count(), 0);
    }
}
