//! When to remind the patient to export a backup (domain.md §10, issue 7). The diary
//! lives only in this browser on this device; the reminder comes when a backup is due
//! and there is something new worth keeping, and stays away otherwise.

use crate::diary::Diary;
use crate::rules::{BACKUP_FIRST_REMINDER_DAYS, BACKUP_REMINDER_DAYS};
use crate::sorted::VecSet;
use crate::time::Instant;

/// Whether to remind the patient to export a backup at `now`.
///
/// - After a backup at `last_backup`: when at least [`BACKUP_REMINDER_DAYS`] calendar
///   days (local dates) have passed since it and the diary has grown since: at least one
///   check-in or session recorded after that moment.
/// - Never backed up (`None`): when the diary holds check-ins on at least
///   [`BACKUP_FIRST_REMINDER_DAYS`] different days.
///
/// A backup "in the future" (a clock put back) counts as recent: no reminder.
pub fn backup_reminder_due(last_backup: Option<Instant>, now: Instant, diary: &Diary) -> bool {
    match last_backup {
        None => {
            let days: VecSet<_> = diary.iter().map(|c| c.date()).collect();
            days.len() >= BACKUP_FIRST_REMINDER_DAYS
        }
        Some(last) => {
            let since = now.local_date().to_days() - last.local_date().to_days();
            if since < BACKUP_REMINDER_DAYS {
                return false;
            }
            let after = |at: Instant| at.utc_secs > last.utc_secs;
            diary.iter().any(|c| after(c.at)) || diary.sessions().any(|s| after(s.at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::Session;
    use crate::model::{CheckIn, Score};
    use crate::testkit::{a, cph, d};
    use crate::time::Date;

    fn checkin(id: &str, day: Date) -> CheckIn {
        CheckIn {
            id: id.into(),
            at: cph(day, 9),
            pain: Score::new(3).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: String::new(),
        }
    }

    fn session(id: &str, day: Date) -> Session {
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: "a1".into(),
            at: cph(day, 18),
            for_date: day,
            amount: a(10.0),
            pain_during: Score::new(2).unwrap(),
            okay_now: true,
            okay_later: None,
        }
    }

    /// A diary with one check-in on each of `days`.
    fn diary_of(days: &[Date]) -> Diary {
        let mut diary = Diary::default();
        for (i, day) in days.iter().enumerate() {
            let mut entries = diary.month(&day.month_key()).to_vec();
            entries.push(checkin(&format!("c{i}"), *day));
            diary.insert_month(day.month_key(), entries);
        }
        diary
    }

    fn days_from(start: Date, n: i64) -> Vec<Date> {
        (0..n).map(|i| start.add_days(i)).collect()
    }

    #[test]
    fn never_backed_up_reminds_after_a_week_of_check_in_days() {
        let now = cph(d(2026, 11, 23), 12);
        let six = diary_of(&days_from(d(2026, 11, 10), 6));
        assert!(!backup_reminder_due(None, now, &six));
        let seven = diary_of(&days_from(d(2026, 11, 10), 7));
        assert!(backup_reminder_due(None, now, &seven));
        // Many check-ins on one day are one day.
        let one_day = diary_of(&[d(2026, 11, 10); 9]);
        assert!(!backup_reminder_due(None, now, &one_day));
        assert!(!backup_reminder_due(None, now, &Diary::default()));
    }

    #[test]
    fn a_backup_is_due_after_the_reminder_days_only_if_the_diary_grew_since() {
        let last = cph(d(2026, 10, 1), 12);
        let grown = diary_of(&[d(2026, 9, 30), d(2026, 10, 2)]);
        let due_day = d(2026, 10, 1).add_days(BACKUP_REMINDER_DAYS);
        assert!(!backup_reminder_due(
            Some(last),
            cph(due_day.add_days(-1), 23),
            &grown
        ));
        assert!(backup_reminder_due(Some(last), cph(due_day, 8), &grown));
        // Nothing new since the backup: no reminder, however long ago it was.
        let old = diary_of(&[d(2026, 9, 30), d(2026, 10, 1)]);
        assert!(!backup_reminder_due(
            Some(last),
            cph(due_day.add_days(200), 8),
            &old
        ));
    }

    #[test]
    fn a_session_since_the_backup_counts_as_growth() {
        let last = cph(d(2026, 10, 1), 12);
        let mut diary = diary_of(&[d(2026, 9, 20)]);
        let day = d(2026, 10, 5);
        diary.insert_sessions(day.month_key(), vec![session("s1", day)]);
        let now = cph(d(2026, 11, 15), 9);
        assert!(backup_reminder_due(Some(last), now, &diary));
    }

    #[test]
    fn a_backup_dated_in_the_future_is_recent() {
        let last = cph(d(2027, 1, 1), 12);
        let diary = diary_of(&days_from(d(2026, 11, 1), 20));
        assert!(!backup_reminder_due(
            Some(last),
            cph(d(2026, 11, 23), 9),
            &diary
        ));
    }
}
