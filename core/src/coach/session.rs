//! Logged sessions, the "okay now / okay later" verdict and the pain-monitoring guide
//! (domain.md §2).

use super::activity::Activity;
use super::amount::{Amount, AmountError, Unit};
use super::plan::is_big_jump;
use crate::model::Score;
use crate::rules::{
    LOG_DAYS_BACK, OKAY_LATER_ASK_DAYS, OKAY_LATER_HOUR, OKAY_LATER_MIN_HOURS, PAIN_ACCEPTABLE_MAX,
    PAIN_MAX, PAIN_SAFE_MAX,
};
use crate::time::{Date, Instant};
use std::fmt;

/// One time the patient did an activity (domain.md §2).
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Identifier, unique among sessions.
    pub id: String,
    /// The activity's id.
    pub activity_id: String,
    /// When it was logged, with the device's UTC offset then.
    pub at: Instant,
    /// The day it was done: the day of `at`, or the day before (logged afterwards).
    pub for_date: Date,
    /// How much, in the activity's unit.
    pub amount: Amount,
    /// Pain during it, 0-10.
    pub pain_during: Score,
    /// "Okay now?": could I tolerate the pain during it, unworried that it harms me?
    pub okay_now: bool,
    /// "Okay later?", once answered.
    pub okay_later: Option<OkayLater>,
    /// Done as plan B (a bad day, or after two "no"): it never moves the ladder
    /// (domain.md §3). Sessions stored before this mark existed read as not plan B.
    pub plan_b: bool,
}

/// The answer to "okay later?": could I handle the pain in the hours and the day after?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OkayLater {
    /// Yes or no.
    pub answer: bool,
    /// When it was answered.
    pub answered_at: Instant,
}

/// The verdict of a session (domain.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Yes + yes: the load was right; keep it, progress when the rule says so.
    Green,
    /// "No" to okay now (and not "no" later): adjust at once, less or something else.
    AdjustNow,
    /// "No" to okay later: next time go back to the last amount that was fine, or plan B.
    BackOff,
    /// Okay now, okay later not answered yet: no verdict; the app reminds.
    Pending,
}

impl Verdict {
    /// Whether the session had a "no" (now or later).
    pub fn is_no(self) -> bool {
        matches!(self, Verdict::AdjustNow | Verdict::BackOff)
    }

    /// Translation key: "verdict.green", "verdict.adjust_now", "verdict.back_off",
    /// "verdict.pending".
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Green => "verdict.green",
            Verdict::AdjustNow => "verdict.adjust_now",
            Verdict::BackOff => "verdict.back_off",
            Verdict::Pending => "verdict.pending",
        }
    }
}

impl Session {
    /// The verdict. A "no" later wins over a "no" now (both: [`Verdict::BackOff`], the
    /// advice for next time); a "no" now is known at once, so it is not pending.
    pub fn verdict(&self) -> Verdict {
        match (self.okay_now, self.okay_later.map(|l| l.answer)) {
            (_, Some(false)) => Verdict::BackOff,
            (false, _) => Verdict::AdjustNow,
            (true, Some(true)) => Verdict::Green,
            (true, None) => Verdict::Pending,
        }
    }

    /// Whether the session was answered "no" later.
    pub fn no_later(&self) -> bool {
        self.okay_later.is_some_and(|l| !l.answer)
    }

    /// Order of sessions: by the day they were done, then by when they were logged, then
    /// by id (two sessions on one day both count, in order of `at`).
    pub fn chronological(a: &&Session, b: &&Session) -> std::cmp::Ordering {
        a.for_date
            .cmp(&b.for_date)
            .then(a.at.cmp(&b.at))
            .then_with(|| a.id.cmp(&b.id))
    }
}

/// When "okay later?" is asked, on a clock at `offset_min` (pass the device's current
/// offset): the morning after the session's day at [`OKAY_LATER_HOUR`], but never before
/// [`OKAY_LATER_MIN_HOURS`] after the session was logged (domain.md §2).
///
/// Across a clock change the 12 hours are real hours: a session logged at 20:00 on
/// 2026-03-28 (the night Denmark moves to summer time) is asked at 09:00, not 08:00.
pub fn okay_later_reminder(session: &Session, offset_min: i16) -> Instant {
    let min_gap = session
        .at
        .utc_secs
        .saturating_add(OKAY_LATER_MIN_HOURS * 3600);
    let morning = Instant::from_local(
        session.for_date.add_days(1),
        OKAY_LATER_HOUR,
        0,
        0,
        offset_min,
    )
    .map_or(i64::MIN, |i| i.utc_secs);
    let utc_secs = morning.max(min_gap);
    Instant::new(utc_secs, offset_min).unwrap_or(Instant {
        utc_secs,
        offset_min: session.at.offset_min,
    })
}

/// Whether "okay later?" may be answered "yes" at `now` (the reminder time has come,
/// measured on `now`'s clock, see [`okay_later_reminder`]).
pub fn okay_later_due(session: &Session, now: Instant) -> bool {
    now.utc_secs >= okay_later_reminder(session, now.offset_min).utc_secs
}

/// The sessions waiting for "okay later?" that the today screen shows at `now`: not
/// answered, due, and done at most [`OKAY_LATER_ASK_DAYS`] days before today. Oldest
/// first.
pub fn okay_later_waiting(sessions: &[Session], now: Instant) -> Vec<&Session> {
    let oldest = now.local_date().add_days(-OKAY_LATER_ASK_DAYS);
    let mut out: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.okay_later.is_none() && s.for_date >= oldest && okay_later_due(s, now))
        .collect();
    crate::order::sort_by(&mut out, Session::chronological);
    out
}

/// When "okay later?" will next be asked for `activity_id` at `now`: the reminder time
/// ([`okay_later_reminder`] on `now`'s clock) of its oldest unanswered session still asked
/// (done at most [`OKAY_LATER_ASK_DAYS`] days before today). `None` when none waits. A
/// time at or before `now` means it is being asked now.
pub fn next_okay_later(activity_id: &str, sessions: &[Session], now: Instant) -> Option<Instant> {
    let oldest = now.local_date().add_days(-OKAY_LATER_ASK_DAYS);
    sessions
        .iter()
        .filter(|s| s.activity_id == activity_id && s.okay_later.is_none() && s.for_date >= oldest)
        .map(|s| okay_later_reminder(s, now.offset_min))
        .min_by_key(|i| i.utc_secs)
}

/// What the card says at once about a session just logged (domain.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogAdvice {
    /// "No" to okay now: adjust at once: do less, do something easier, or call it enough
    /// for today. Said right when the answer is given, not only the next day.
    AdjustNow,
    /// Okay now, but the pain during it was above the acceptable limit of the traffic
    /// light: no praise; a little less next time is worth considering.
    PainHigh,
    /// Okay now, pain within the guide.
    Fine,
}

/// The advice right after logging `session`, against the traffic light's `limits`.
pub fn log_advice(session: &Session, limits: PainLimits) -> LogAdvice {
    if !session.okay_now {
        LogAdvice::AdjustNow
    } else if limits.light(session.pain_during) == Light::TooMuch {
        LogAdvice::PainHigh
    } else {
        LogAdvice::Fine
    }
}

/// Why a session (or an answer) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// The day is after today.
    DateInFuture,
    /// The day is before yesterday (only today or up to [`LOG_DAYS_BACK`] days back).
    DateTooOld,
    /// The activity is archived: it is no longer planned or logged.
    ActivityArchived,
    /// The amount is far above the plan: "that is a big jump, are you sure?". Logged only
    /// when the patient confirms.
    BigJump {
        /// Today's planned amount.
        planned: Amount,
        /// What was entered.
        amount: Amount,
    },
    /// "Okay later?" answered before the session was logged (a wrong clock).
    AnsweredBeforeSession,
    /// "Okay later? Yes" before the reminder time: whether the hours and the day after
    /// went well is only known then. An early "no" is accepted.
    YesTooEarly,
}

impl SessionError {
    /// Translation key: "session.date_in_future", "session.date_too_old",
    /// "session.activity_archived", "session.big_jump", "session.answered_before_session",
    /// "session.yes_too_early".
    pub fn key(self) -> &'static str {
        match self {
            SessionError::DateInFuture => "session.date_in_future",
            SessionError::DateTooOld => "session.date_too_old",
            SessionError::ActivityArchived => "session.activity_archived",
            SessionError::BigJump { .. } => "session.big_jump",
            SessionError::AnsweredBeforeSession => "session.answered_before_session",
            SessionError::YesTooEarly => "session.yes_too_early",
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for SessionError {}

/// The session form.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionDraft {
    /// The day it was done: today or yesterday.
    pub for_date: Date,
    /// How much.
    pub amount: Amount,
    /// Pain during it.
    pub pain_during: Score,
    /// "Okay now?".
    pub okay_now: bool,
    /// Done as plan B: kept in the log, never moves the ladder.
    pub plan_b: bool,
}

/// The session form as the patient fills it in: nothing is required yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionInput {
    /// The amount as typed.
    pub amount: String,
    /// Pain during it, required.
    pub pain_during: Option<Score>,
    /// "Okay now?", required.
    pub okay_now: Option<bool>,
    /// Done yesterday rather than today.
    pub yesterday: bool,
    /// Done as plan B.
    pub plan_b: bool,
}

/// Why the session form cannot be logged yet (the first problem in form order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionInputError {
    /// The amount is empty or not a valid amount of the activity's unit.
    Amount(AmountError),
    /// No pain during the activity was chosen.
    PainMissing,
    /// "Okay now?" was not answered.
    OkayNowMissing,
}

impl SessionInputError {
    /// Translation key: the amount's own key, "session_input.pain_missing",
    /// "session_input.okay_now_missing".
    pub fn key(self) -> &'static str {
        match self {
            SessionInputError::Amount(e) => e.key(),
            SessionInputError::PainMissing => "session_input.pain_missing",
            SessionInputError::OkayNowMissing => "session_input.okay_now_missing",
        }
    }
}

impl SessionInput {
    /// The draft of this form for an activity measured in `unit`, done `today` (or the
    /// day before), or the first problem in form order: the amount
    /// ([`Amount::parse_for`]), the pain during it, "okay now?". Whether the day and the
    /// amount may be logged is [`log_session`]'s question.
    pub fn to_draft(&self, unit: &Unit, today: Date) -> Result<SessionDraft, SessionInputError> {
        let amount = Amount::parse_for(&self.amount, unit).map_err(SessionInputError::Amount)?;
        let pain_during = self.pain_during.ok_or(SessionInputError::PainMissing)?;
        let okay_now = self.okay_now.ok_or(SessionInputError::OkayNowMissing)?;
        Ok(SessionDraft {
            for_date: if self.yesterday {
                today.add_days(-1)
            } else {
                today
            },
            amount,
            pain_during,
            okay_now,
            plan_b: self.plan_b,
        })
    }
}

/// A new session of `activity` from the form, logged at `now`, or why not. `planned` is
/// today's planned amount ([`super::plan_for_today`]); an amount that is a big jump above
/// it ([`is_big_jump`]) needs `big_jump_confirmed`. The day must be today or up to
/// [`LOG_DAYS_BACK`] days back, on `now`'s clock.
pub fn log_session(
    activity: &Activity,
    draft: &SessionDraft,
    planned: Amount,
    id: String,
    now: Instant,
    big_jump_confirmed: bool,
) -> Result<Session, SessionError> {
    let today = now.local_date();
    if draft.for_date > today {
        return Err(SessionError::DateInFuture);
    }
    if draft.for_date < today.add_days(-LOG_DAYS_BACK) {
        return Err(SessionError::DateTooOld);
    }
    if activity.archived {
        return Err(SessionError::ActivityArchived);
    }
    if !big_jump_confirmed && is_big_jump(activity, planned, draft.amount) {
        return Err(SessionError::BigJump {
            planned,
            amount: draft.amount,
        });
    }
    Ok(Session {
        id,
        activity_id: activity.id.clone(),
        at: now,
        for_date: draft.for_date,
        amount: draft.amount,
        pain_during: draft.pain_during,
        okay_now: draft.okay_now,
        okay_later: None,
        plan_b: draft.plan_b,
    })
}

/// `session` with "okay later?" answered at `now` (a new answer replaces an old one).
///
/// Answered early (before [`okay_later_reminder`]): a "no" is accepted at once (the
/// patient already knows it was too much); a "yes" is refused with
/// [`SessionError::YesTooEarly`], because the hours and the day after are not over yet.
/// So an early answer never makes a session green. Before the session was logged:
/// [`SessionError::AnsweredBeforeSession`].
pub fn answer_okay_later(
    session: &Session,
    answer: bool,
    now: Instant,
) -> Result<Session, SessionError> {
    if now.utc_secs < session.at.utc_secs {
        return Err(SessionError::AnsweredBeforeSession);
    }
    if answer && !okay_later_due(session, now) {
        return Err(SessionError::YesTooEarly);
    }
    Ok(Session {
        okay_later: Some(OkayLater {
            answer,
            answered_at: now,
        }),
        ..session.clone()
    })
}

/// The pain-monitoring traffic light shown beside "okay now?" (domain.md §2): a guide,
/// the answer stays the patient's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Light {
    /// 0-3 by default: safe.
    Safe,
    /// 4-5 by default: acceptable.
    Acceptable,
    /// Above 5 by default: too much.
    TooMuch,
}

impl Light {
    /// Translation key: "light.safe", "light.acceptable", "light.too_much".
    pub fn key(self) -> &'static str {
        match self {
            Light::Safe => "light.safe",
            Light::Acceptable => "light.acceptable",
            Light::TooMuch => "light.too_much",
        }
    }
}

/// The limits of the traffic light; the physiotherapist may set others than the default
/// [`PAIN_SAFE_MAX`] and [`PAIN_ACCEPTABLE_MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PainLimits {
    /// Highest "safe" pain.
    safe_max: u8,
    /// Highest "acceptable" pain.
    acceptable_max: u8,
}

impl Default for PainLimits {
    fn default() -> Self {
        PainLimits {
            safe_max: PAIN_SAFE_MAX,
            acceptable_max: PAIN_ACCEPTABLE_MAX,
        }
    }
}

impl PainLimits {
    /// Limits with `safe_max <= acceptable_max <= 10`, or `None`.
    pub fn new(safe_max: u8, acceptable_max: u8) -> Option<PainLimits> {
        (safe_max <= acceptable_max && acceptable_max <= PAIN_MAX).then_some(PainLimits {
            safe_max,
            acceptable_max,
        })
    }

    /// Highest "safe" pain.
    pub fn safe_max(self) -> u8 {
        self.safe_max
    }

    /// Highest "acceptable" pain.
    pub fn acceptable_max(self) -> u8 {
        self.acceptable_max
    }

    /// The light for pain during activity.
    pub fn light(self, pain_during: Score) -> Light {
        match pain_during.get() {
            p if p <= self.safe_max => Light::Safe,
            p if p <= self.acceptable_max => Light::Acceptable,
            _ => Light::TooMuch,
        }
    }
}

/// The light for pain during activity with the default limits (0-3 safe, 4-5 acceptable,
/// above 5 too much).
pub fn traffic_light(pain_during: Score) -> Light {
    PainLimits::default().light(pain_during)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::activity::{ActivityDraft, PlanB};
    use crate::coach::amount::Unit;
    use crate::testkit::{a, cph_hm as cph, d};

    #[test]
    fn the_session_form_names_its_first_problem_in_form_order() {
        let today = d(2026, 11, 23);
        let full = SessionInput {
            amount: "12,5".into(),
            pain_during: Score::new(0).ok(),
            okay_now: Some(false),
            yesterday: false,
            plan_b: true,
        };
        let cases = [
            (
                SessionInput::default(),
                Err(SessionInputError::Amount(AmountError::Empty)),
            ),
            (
                SessionInput {
                    amount: "  ".into(),
                    ..full.clone()
                },
                Err(SessionInputError::Amount(AmountError::Empty)),
            ),
            (
                SessionInput {
                    pain_during: None,
                    okay_now: None,
                    ..full.clone()
                },
                Err(SessionInputError::PainMissing),
            ),
            (
                SessionInput {
                    okay_now: None,
                    ..full.clone()
                },
                Err(SessionInputError::OkayNowMissing),
            ),
            (full.clone(), Ok((today, a(12.5), 0, false, true))),
            (
                SessionInput {
                    pain_during: Score::new(10).ok(),
                    okay_now: Some(true),
                    yesterday: true,
                    plan_b: false,
                    ..full.clone()
                },
                Ok((d(2026, 11, 22), a(12.5), 10, true, false)),
            ),
        ];
        for (form, expected) in cases {
            let got = form.to_draft(&Unit::Minutes, today).map(|s| {
                (
                    s.for_date,
                    s.amount,
                    s.pain_during.get(),
                    s.okay_now,
                    s.plan_b,
                )
            });
            assert_eq!(got, expected, "{form:?}");
        }
        // Steps are whole: "2,5" is refused as the unit's amount.
        let steps = SessionInput {
            amount: "2,5".into(),
            ..full
        };
        assert!(matches!(
            steps.to_draft(&Unit::Steps, today),
            Err(SessionInputError::Amount(_))
        ));
    }

    /// Copenhagen wall-clock instant.
    fn session(for_date: Date, at: Instant) -> Session {
        Session {
            id: "s".into(),
            activity_id: "w".into(),
            at,
            for_date,
            amount: a(10.0),
            pain_during: Score::new(3).unwrap(),
            okay_now: true,
            okay_later: None,
            plan_b: false,
        }
    }

    fn walking() -> Activity {
        ActivityDraft {
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: Some(a(10.0)),
            per_week: 5,
            goal: None,
            plan_b: PlanB::Fraction,
            custom_step: None,
        }
        .into_activity("w".into(), cph(d(2026, 11, 1), 9, 0))
        .unwrap()
    }

    #[test]
    fn the_verdict_follows_the_two_answers() {
        let at = cph(d(2026, 11, 23), 18, 0);
        let later = |answer| {
            Some(OkayLater {
                answer,
                answered_at: cph(d(2026, 11, 24), 8, 0),
            })
        };
        // (okay now, okay later, verdict)
        let cases = [
            (true, later(true), Verdict::Green),
            (false, later(true), Verdict::AdjustNow),
            (false, None, Verdict::AdjustNow),
            (true, later(false), Verdict::BackOff),
            (false, later(false), Verdict::BackOff),
            (true, None, Verdict::Pending),
        ];
        for (now, later, verdict) in cases {
            let s = Session {
                okay_now: now,
                okay_later: later,
                ..session(d(2026, 11, 23), at)
            };
            assert_eq!(s.verdict(), verdict, "{now} {later:?}");
            assert_eq!(
                verdict.is_no(),
                matches!(verdict, Verdict::AdjustNow | Verdict::BackOff)
            );
        }
        assert_eq!(Verdict::Pending.key(), "verdict.pending");
    }

    #[test]
    fn okay_later_is_due_the_next_morning_but_at_least_twelve_hours_later() {
        let day = d(2026, 11, 23);
        // (logged at, for date, first due moment)
        let cases = [
            // An afternoon session: next morning 08:00.
            (cph(day, 16, 0), day, cph(day.add_days(1), 8, 0)),
            // Logged at 21:30: 12 hours later is 09:30.
            (cph(day, 21, 30), day, cph(day.add_days(1), 9, 30)),
            // Exactly 20:00: 12 hours is 08:00, both rules agree.
            (cph(day, 20, 0), day, cph(day.add_days(1), 8, 0)),
            // Logged today at 10:00 for yesterday: the morning has passed, 12 hours rule.
            (cph(day, 10, 0), day.add_days(-1), cph(day, 22, 0)),
            // Spring forward (2026-03-29): the night is an hour shorter.
            (
                cph(d(2026, 3, 28), 20, 0),
                d(2026, 3, 28),
                cph(d(2026, 3, 29), 9, 0),
            ),
            (
                cph(d(2026, 3, 28), 18, 0),
                d(2026, 3, 28),
                cph(d(2026, 3, 29), 8, 0),
            ),
            // Fall back (2026-10-25): the night is an hour longer.
            (
                cph(d(2026, 10, 24), 21, 0),
                d(2026, 10, 24),
                cph(d(2026, 10, 25), 8, 0),
            ),
            (
                cph(d(2026, 10, 24), 21, 30),
                d(2026, 10, 24),
                cph(d(2026, 10, 25), 8, 30),
            ),
        ];
        for (at, for_date, due) in cases {
            let s = session(for_date, at);
            let before = Instant::new(due.utc_secs - 60, due.offset_min).unwrap();
            assert!(!okay_later_due(&s, before), "{at:?} not yet at {before:?}");
            assert!(okay_later_due(&s, due), "{at:?} due at {due:?}");
            assert_eq!(
                okay_later_reminder(&s, due.offset_min).utc_secs,
                due.utc_secs
            );
        }
    }

    #[test]
    fn the_today_screen_lists_sessions_waiting_for_okay_later_oldest_first() {
        let today = d(2026, 11, 23);
        let now = cph(today, 9, 0);
        let mk = |id: &str, for_date: Date, at: Instant, later: Option<bool>| Session {
            id: id.into(),
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: now,
            }),
            ..session(for_date, at)
        };
        let y = today.add_days(-1);
        let sessions = [
            mk("late-yesterday", y, cph(y, 22, 0), None), // due 10:00 today: not yet
            mk("yesterday", y, cph(y, 17, 0), None),
            mk("two-days", y.add_days(-1), cph(y.add_days(-1), 17, 0), None),
            mk("answered", y, cph(y, 16, 0), Some(true)),
            mk(
                "too-old",
                today.add_days(-8),
                cph(today.add_days(-8), 17, 0),
                None,
            ),
            mk(
                "week-old",
                today.add_days(-7),
                cph(today.add_days(-7), 17, 0),
                None,
            ),
            mk("today", today, cph(today, 7, 0), None),
        ];
        let ids: Vec<&str> = okay_later_waiting(&sessions, now)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["week-old", "two-days", "yesterday"]);
        assert!(okay_later_waiting(&[], now).is_empty());
    }

    #[test]
    fn okay_later_answered_early_accepts_no_and_refuses_yes() {
        let day = d(2026, 11, 23);
        let s = session(day, cph(day, 18, 0));
        let evening = cph(day, 22, 0);
        let early_no = answer_okay_later(&s, false, evening).unwrap();
        assert_eq!(early_no.verdict(), Verdict::BackOff);
        assert_eq!(early_no.okay_later.unwrap().answered_at, evening);
        assert_eq!(
            answer_okay_later(&s, true, evening),
            Err(SessionError::YesTooEarly)
        );
        assert_eq!(s.verdict(), Verdict::Pending, "unchanged");
        let morning = cph(day.add_days(1), 8, 0);
        let yes = answer_okay_later(&s, true, morning).unwrap();
        assert_eq!(yes.verdict(), Verdict::Green);
        // The patient may change the answer.
        assert_eq!(
            answer_okay_later(&yes, false, morning).unwrap().verdict(),
            Verdict::BackOff
        );
        assert_eq!(
            answer_okay_later(&s, false, cph(day, 17, 0)),
            Err(SessionError::AnsweredBeforeSession)
        );
    }

    #[test]
    fn a_session_is_logged_for_today_or_yesterday_only() {
        let today = d(2026, 11, 23);
        let now = cph(today, 12, 0);
        let draft = |for_date, amount| SessionDraft {
            for_date,
            amount: a(amount),
            pain_during: Score::new(2).unwrap(),
            okay_now: true,
            plan_b: false,
        };
        let act = walking();
        let log = |dr: &SessionDraft, confirmed| {
            log_session(&act, dr, a(10.0), "n".into(), now, confirmed)
        };
        let s = log(&draft(today, 10.0), false).unwrap();
        assert_eq!((s.for_date, s.at, s.okay_later), (today, now, None));
        assert_eq!(s.activity_id, "w");
        let y = log(&draft(today.add_days(-1), 10.0), false).unwrap();
        assert_eq!(y.for_date, today.add_days(-1));
        assert_eq!(
            log(&draft(today.add_days(1), 10.0), false),
            Err(SessionError::DateInFuture)
        );
        assert_eq!(
            log(&draft(today.add_days(-2), 10.0), false),
            Err(SessionError::DateTooOld)
        );
        // 16 minutes after a plan of 10 is a big jump (above 15 and above 12).
        assert_eq!(
            log(&draft(today, 16.0), false),
            Err(SessionError::BigJump {
                planned: a(10.0),
                amount: a(16.0)
            })
        );
        assert!(log(&draft(today, 15.0), false).is_ok());
        assert!(log(&draft(today, 16.0), true).is_ok(), "confirmed");
        let mut archived = act.clone();
        archived.archived = true;
        assert_eq!(
            log_session(
                &archived,
                &draft(today, 10.0),
                a(10.0),
                "n".into(),
                now,
                false
            ),
            Err(SessionError::ActivityArchived)
        );
        assert_eq!(SessionError::DateTooOld.key(), "session.date_too_old");
    }

    #[test]
    fn the_pain_monitoring_guide_is_safe_to_3_acceptable_to_5_then_too_much() {
        let expected = [
            Light::Safe,
            Light::Safe,
            Light::Safe,
            Light::Safe,
            Light::Acceptable,
            Light::Acceptable,
            Light::TooMuch,
            Light::TooMuch,
            Light::TooMuch,
            Light::TooMuch,
            Light::TooMuch,
        ];
        for (score, light) in Score::all().zip(expected) {
            assert_eq!(traffic_light(score), light, "{score}");
        }
        let physio = PainLimits::new(2, 4).unwrap();
        assert_eq!(physio.light(Score::new(3).unwrap()), Light::Acceptable);
        assert_eq!(physio.light(Score::new(5).unwrap()), Light::TooMuch);
        assert_eq!((physio.safe_max(), physio.acceptable_max()), (2, 4));
        assert_eq!(PainLimits::new(5, 3), None);
        assert_eq!(PainLimits::new(3, 11), None);
        assert_eq!(Light::TooMuch.key(), "light.too_much");
    }

    #[test]
    fn right_after_logging_the_card_says_when_okay_later_is_asked() {
        let day = d(2026, 11, 23);
        let at = cph(day, 17, 0);
        let s = session(day, at);
        // Asked the next morning at 8, and at once "now" once that time has come.
        assert_eq!(
            next_okay_later("w", std::slice::from_ref(&s), at),
            Some(cph(day.add_days(1), 8, 0))
        );
        // Logged late: twelve hours later.
        let late = session(day, cph(day, 21, 30));
        assert_eq!(
            next_okay_later("w", &[late.clone(), s.clone()], at),
            Some(cph(day.add_days(1), 8, 0)),
            "the first one asked"
        );
        assert_eq!(
            next_okay_later("w", std::slice::from_ref(&late), at),
            Some(cph(day.add_days(1), 9, 30))
        );
        // Answered, another activity, or too old to be asked: nothing waits.
        let answered = answer_okay_later(&s, false, at).unwrap();
        assert_eq!(next_okay_later("w", &[answered], at), None);
        assert_eq!(next_okay_later("bike", std::slice::from_ref(&s), at), None);
        let week_later = cph(day.add_days(OKAY_LATER_ASK_DAYS + 1), 9, 0);
        assert_eq!(next_okay_later("w", &[s], week_later), None);
    }

    #[test]
    fn no_to_okay_now_gets_advice_at_once_and_high_pain_no_praise() {
        let day = d(2026, 11, 23);
        let base = session(day, cph(day, 17, 0));
        let with = |pain: u8, now: bool| Session {
            pain_during: Score::new(pain).unwrap(),
            okay_now: now,
            ..base.clone()
        };
        let limits = PainLimits::default();
        // (pain, okay now, advice)
        let cases = [
            (3, true, LogAdvice::Fine),
            (PAIN_ACCEPTABLE_MAX, true, LogAdvice::Fine),
            (PAIN_ACCEPTABLE_MAX + 1, true, LogAdvice::PainHigh),
            (8, true, LogAdvice::PainHigh),
            (2, false, LogAdvice::AdjustNow),
            (8, false, LogAdvice::AdjustNow),
        ];
        for (pain, now, advice) in cases {
            assert_eq!(log_advice(&with(pain, now), limits), advice, "{pain} {now}");
        }
        let physio = PainLimits::new(2, 4).unwrap();
        assert_eq!(log_advice(&with(5, true), physio), LogAdvice::PainHigh);
    }
}
