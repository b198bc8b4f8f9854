//! Today's plan for an activity, big jumps and "too much too soon" (domain.md §3, §4).

use super::activity::{Activity, PlanBOffer};
use super::amount::Amount;
use super::session::{Session, Verdict};
use crate::rules::{
    BIG_JUMP_FACTOR, BIG_JUMP_MIN_STEPS, GREEN_SESSIONS_TO_PROGRESS, NO_SESSIONS_FOR_PLAN_B,
    OKAY_LATER_ASK_DAYS, PLAN_WINDOW_DAYS, TOO_LITTLE_REST_EXTRA, TOO_MUCH_WINDOW_DAYS,
};
use crate::time::Date;

/// What else decides today's plan besides the log (domain.md §3, §4, §8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PlanDay {
    /// A bad day: the patient says so, or [`super::noticed_bad_day`].
    pub bad_day: bool,
    /// A warning sign is ticked and not cleared ([`crate::safety::may_reassure`] is
    /// false): the ladder holds and never steps up.
    pub sign_ticked: bool,
}

/// The big line of today's plan: what to do today (domain.md §4).
#[derive(Clone, Debug, PartialEq)]
pub enum Headline {
    /// The ladder's amount.
    Amount(Amount),
    /// Plan B (a bad day, or after two "no" in a row); the full plan is the quiet second
    /// line ([`Plan::amount`]).
    PlanB(PlanBOffer),
}

/// What to do today, and why (domain.md §3, §4).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The amount the plan says for today (the ladder's amount; on a bad day plan B is
    /// offered instead, in `plan_b`).
    pub amount: Amount,
    /// Why this amount.
    pub reason: PlanReason,
    /// Plan B, when the app suggests it today (bad day, two "no" in a row). Every
    /// activity has one on request: [`Activity::plan_b_for`].
    pub plan_b: Option<PlanBOffer>,
}

/// Why today's plan is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanReason {
    /// No sessions in the recent window: start at the baseline.
    Start,
    /// Keep the load: fewer than [`GREEN_SESSIONS_TO_PROGRESS`] yes + yes in a row at this
    /// amount so far.
    Keep,
    /// [`GREEN_SESSIONS_TO_PROGRESS`] yes + yes in a row at `from` (or more): one step up.
    StepUp {
        /// The amount that went well.
        from: Amount,
        /// One step up (not past the goal).
        to: Amount,
    },
    /// After a "no": hold at the last amount that was fine.
    Hold {
        /// The last amount that was fine.
        at: Amount,
    },
    /// [`NO_SESSIONS_FOR_PLAN_B`] sessions in a row with a "no": plan B, and talk with
    /// the physiotherapist if it keeps happening. `amount` is the last amount that was
    /// fine.
    PlanBAndTalk,
    /// The newest session still waits for "okay later?": keep the load (never more than
    /// that session's amount) until it is answered.
    WaitingForOkayLater,
    /// A bad day: plan B instead of the plan; keeping going on a small scale beats
    /// stopping.
    BadDay,
    /// The last session that went well was at or above the goal: keep it up.
    AtGoal,
    /// The rule would step up from `at`, but a warning sign is ticked and not cleared:
    /// hold at `at` until it is cleared, and point to the check (domain.md §3, §8).
    HoldForSign {
        /// The amount held.
        at: Amount,
    },
}

impl Plan {
    /// What to do today: plan B whenever it is offered (a bad day, two "no" in a row),
    /// else the ladder's amount (domain.md §4: "today's headline amount is plan B").
    pub fn headline(&self) -> Headline {
        match &self.plan_b {
            Some(b) => Headline::PlanB(b.clone()),
            None => Headline::Amount(self.amount),
        }
    }

    /// What the session form starts with, to match the headline: the amount, and whether
    /// the session is done as plan B. Plan B as an easier activity starts with its
    /// amount.
    pub fn form_start(&self) -> (Amount, bool) {
        match &self.plan_b {
            Some(PlanBOffer::Less(x)) => (*x, true),
            Some(PlanBOffer::Easier { amount, .. }) => (*amount, true),
            None => (self.amount, false),
        }
    }
}

impl PlanReason {
    /// Translation key: "plan.start", "plan.keep", "plan.step_up", "plan.hold",
    /// "plan.plan_b_and_talk", "plan.waiting_for_okay_later", "plan.bad_day",
    /// "plan.at_goal", "plan.hold_for_sign".
    pub fn key(self) -> &'static str {
        match self {
            PlanReason::Start => "plan.start",
            PlanReason::Keep => "plan.keep",
            PlanReason::StepUp { .. } => "plan.step_up",
            PlanReason::Hold { .. } => "plan.hold",
            PlanReason::PlanBAndTalk => "plan.plan_b_and_talk",
            PlanReason::WaitingForOkayLater => "plan.waiting_for_okay_later",
            PlanReason::BadDay => "plan.bad_day",
            PlanReason::AtGoal => "plan.at_goal",
            PlanReason::HoldForSign { .. } => "plan.hold_for_sign",
        }
    }
}

/// The first day of the recent window for `today` ([`PLAN_WINDOW_DAYS`] days, today
/// included): storage needs to load sessions from this day on only.
pub fn window_start(today: Date) -> Date {
    today.add_days(1 - PLAN_WINDOW_DAYS)
}

/// The sessions of `activity` done in the recent window up to `today`, in order
/// ([`Session::chronological`]), plan B sessions left out: they never move the ladder.
fn recent<'a>(activity: &Activity, sessions: &'a [Session], today: Date) -> Vec<&'a Session> {
    let from = window_start(today);
    let mut out: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.activity_id == activity.id && s.for_date >= from && s.for_date <= today)
        .filter(|s| !s.plan_b)
        .collect();
    crate::order::sort_by(&mut out, Session::chronological);
    out
}

/// Today's plan for `activity` (domain.md §3, §4).
///
/// `sessions` may hold any sessions (of any activity, any order); only this activity's
/// sessions done in the last [`PLAN_WINDOW_DAYS`] days up to `today` are used, in order
/// of their day, then of when they were logged. Sessions done as plan B are left out
/// (after a bad day the plan resumes at the step it had reached). Sessions still waiting
/// for "okay later?" count neither as yes + yes nor as "no".
///
/// 1. No decided session: [`PlanReason::Start`] at the baseline.
/// 2. The newest decided session is yes + yes at amount *A*: with
///    [`GREEN_SESSIONS_TO_PROGRESS`] yes + yes in a row at *A* or more on as many
///    different days (two on one day count once), one step up ([`PlanReason::StepUp`]),
///    but while a warning sign is ticked ([`PlanDay::sign_ticked`]) hold at *A*
///    ([`PlanReason::HoldForSign`]); at or above the goal, [`PlanReason::AtGoal`];
///    otherwise [`PlanReason::Keep`] at *A*.
/// 3. The newest decided session had a "no": the last amount that was fine is the newest
///    yes + yes amount not above the lowest amount of the trailing "no" sessions; without
///    one in the window, the baseline if it is below that amount, else one step below it.
///    One "no": [`PlanReason::Hold`] there; [`NO_SESSIONS_FOR_PLAN_B`] or more in a row:
///    [`PlanReason::PlanBAndTalk`] with plan B of it.
/// 4. Sessions after the newest decided one still wait for "okay later?" (and are still
///    asked, [`OKAY_LATER_ASK_DAYS`]): [`PlanReason::WaitingForOkayLater`], at the amount
///    above but never more than those sessions' amount.
/// 5. A bad day ([`PlanDay::bad_day`]): plan B instead ([`PlanReason::BadDay`]), except
///    that [`PlanReason::PlanBAndTalk`] stays (it offers plan B already and adds the
///    advice to talk with the physiotherapist). `amount` stays the ladder's amount.
pub fn plan_for_today(
    activity: &Activity,
    sessions: &[Session],
    today: Date,
    day: PlanDay,
) -> Plan {
    let bad_day = day.bad_day;
    let history = recent(activity, sessions, today);
    let decided: Vec<&Session> = history
        .iter()
        .copied()
        .filter(|s| s.verdict() != Verdict::Pending)
        .collect();
    let (mut amount, mut reason) = decide(activity, &decided);
    if let (true, PlanReason::StepUp { from, .. }) = (day.sign_ticked, reason) {
        amount = from;
        reason = PlanReason::HoldForSign { at: from };
    }
    let asked_from = today.add_days(-OKAY_LATER_ASK_DAYS);
    let waiting = history
        .iter()
        .rev()
        .take_while(|s| s.verdict() == Verdict::Pending)
        .filter(|s| s.for_date >= asked_from)
        .map(|s| s.amount)
        .min();
    if let Some(pending) = waiting {
        amount = amount.min(pending);
        if reason != PlanReason::PlanBAndTalk {
            reason = PlanReason::WaitingForOkayLater;
        }
    }
    if bad_day && reason != PlanReason::PlanBAndTalk {
        reason = PlanReason::BadDay;
    }
    let plan_b = matches!(reason, PlanReason::BadDay | PlanReason::PlanBAndTalk)
        .then(|| activity.plan_b_for(amount));
    Plan {
        amount,
        reason,
        plan_b,
    }
}

/// The plan from decided sessions in order (rules 1-3 of [`plan_for_today`]).
fn decide(activity: &Activity, decided: &[&Session]) -> (Amount, PlanReason) {
    let Some(last) = decided.last() else {
        return (activity.baseline, PlanReason::Start);
    };
    if last.verdict().is_no() {
        let nos: Vec<&&Session> = decided
            .iter()
            .rev()
            .take_while(|s| s.verdict().is_no())
            .collect();
        let lowest_no = nos.iter().map(|s| s.amount).min().unwrap_or(last.amount);
        let fine = decided
            .iter()
            .rev()
            .find(|s| s.verdict() == Verdict::Green && s.amount <= lowest_no)
            .map(|s| s.amount)
            .unwrap_or_else(|| {
                if activity.baseline < lowest_no {
                    activity.baseline
                } else {
                    activity.step_below(lowest_no)
                }
            });
        return if nos.len() >= NO_SESSIONS_FOR_PLAN_B {
            (fine, PlanReason::PlanBAndTalk)
        } else {
            (fine, PlanReason::Hold { at: fine })
        };
    }
    let current = last.amount;
    if activity.goal.is_some_and(|goal| current >= goal) {
        return (current, PlanReason::AtGoal);
    }
    // Yes + yes in a row at the current amount or more, counted once per day: "okay
    // later" is about the next day, so two sessions on one day are one answer.
    let mut green_days: Vec<Date> = decided
        .iter()
        .rev()
        .take_while(|s| s.verdict() == Verdict::Green && s.amount >= current)
        .map(|s| s.for_date)
        .collect();
    green_days.dedup();
    let greens = green_days.len();
    if greens >= GREEN_SESSIONS_TO_PROGRESS {
        let to = activity.step_up(current);
        (to, PlanReason::StepUp { from: current, to })
    } else {
        (current, PlanReason::Keep)
    }
}

/// "That is a big jump, are you sure?" (issue 4): `amount` is more than
/// [`BIG_JUMP_FACTOR`] times `planned` *and* more than [`BIG_JUMP_MIN_STEPS`] ladder steps
/// above it. Also the "too heavy" cause of too much too soon.
pub fn is_big_jump(activity: &Activity, planned: Amount, amount: Amount) -> bool {
    let by_factor = planned.scaled_milli(BIG_JUMP_FACTOR);
    let mut by_steps = planned;
    for _ in 0..BIG_JUMP_MIN_STEPS {
        by_steps = by_steps.saturating_add(activity.step(by_steps));
    }
    let limit = by_factor.max(u64::from(by_steps.milli()));
    u64::from(amount.milli()) > limit
}

/// A cause of too much too soon that the log points at (domain.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cause {
    /// Too heavy: a session with a "no" was a big jump ([`is_big_jump`]) above the plan of
    /// its day.
    TooHeavy,
    /// Too often: a session answered "no" later came the day after another session.
    TooOften,
    /// Too fast: a session with a "no" was above the plan of its day (a step up without
    /// [`GREEN_SESSIONS_TO_PROGRESS`] yes + yes before it, or more than one step).
    TooFast,
    /// Too little rest: a session with a "no" was in a Monday-to-Sunday week with more
    /// than `per_week` + [`TOO_LITTLE_REST_EXTRA`] sessions up to it, or a session
    /// answered "no" later shared its day with another session.
    TooLittleRest,
}

impl Cause {
    /// Translation key: "cause.too_heavy", "cause.too_often", "cause.too_fast",
    /// "cause.too_little_rest".
    pub fn key(self) -> &'static str {
        match self {
            Cause::TooHeavy => "cause.too_heavy",
            Cause::TooOften => "cause.too_often",
            Cause::TooFast => "cause.too_fast",
            Cause::TooLittleRest => "cause.too_little_rest",
        }
    }
}

/// The causes of too much too soon the log points at (domain.md §3), in the order too
/// heavy, too often, too fast, too little rest; empty when it points at none.
///
/// Looks at the sessions with a "no" (now or later) done in the last
/// [`TOO_MUCH_WINDOW_DAYS`] days up to `today`; the plan of each one's day is replayed
/// from the sessions before it in the recent window ([`PLAN_WINDOW_DAYS`]) with today's
/// answers.
pub fn too_much_too_soon(activity: &Activity, sessions: &[Session], today: Date) -> Vec<Cause> {
    let history = recent(activity, sessions, today);
    let from = today.add_days(1 - TOO_MUCH_WINDOW_DAYS);
    let mut causes = Vec::new();
    for (i, s) in history.iter().enumerate() {
        if !s.verdict().is_no() || s.for_date < from {
            continue;
        }
        let before = history.get(..i).unwrap_or(&[]);
        let decided: Vec<&Session> = before
            .iter()
            .copied()
            .filter(|p| p.verdict() != Verdict::Pending)
            .collect();
        let (planned, _) = decide(activity, &decided);
        if is_big_jump(activity, planned, s.amount) {
            causes.push(Cause::TooHeavy);
        }
        if s.no_later() && before.iter().any(|p| p.for_date == s.for_date.add_days(-1)) {
            causes.push(Cause::TooOften);
        }
        if s.amount > planned {
            causes.push(Cause::TooFast);
        }
        let monday = s
            .for_date
            .add_days(-i64::from(s.for_date.weekday().index()));
        let in_week = before.iter().filter(|p| p.for_date >= monday).count() + 1;
        let same_day = history
            .iter()
            .any(|p| p.id != s.id && p.for_date == s.for_date);
        if in_week > usize::from(activity.per_week) + TOO_LITTLE_REST_EXTRA
            || (s.no_later() && same_day)
        {
            causes.push(Cause::TooLittleRest);
        }
    }
    crate::order::sort(&mut causes);
    causes.dedup();
    causes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::activity::{ActivityDraft, PlanB};
    use crate::coach::amount::Unit;
    use crate::coach::session::OkayLater;
    use crate::model::Score;
    use crate::testkit::{a, cph, cph_hm, d};

    fn walking(goal: Option<f64>) -> Activity {
        ActivityDraft {
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: Some(a(10.0)),
            per_week: 3,
            goal: goal.map(a),
            plan_b: PlanB::Fraction,
            custom_step: None,
        }
        .into_activity("w".into(), cph(d(2026, 10, 1), 9))
        .unwrap()
    }

    /// Answers: "yy" yes + yes, "yn" no later, "n?" no now, "y?" pending, "ny" no now.
    fn s(id: &str, date: Date, hour: u8, minutes: f64, answers: &str) -> Session {
        let (now, later) = match answers {
            "yy" => (true, Some(true)),
            "yn" => (true, Some(false)),
            "ny" => (false, Some(true)),
            "n?" => (false, None),
            "y?" => (true, None),
            other => panic!("answers {other}"),
        };
        Session {
            id: id.into(),
            activity_id: "w".into(),
            at: cph(date, hour),
            for_date: date,
            amount: a(minutes),
            pain_during: Score::new(3).unwrap(),
            okay_now: now,
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: cph(date.add_days(1), 8),
            }),
            plan_b: false,
        }
    }

    const BAD: PlanDay = PlanDay {
        bad_day: true,
        sign_ticked: false,
    };
    const SIGN: PlanDay = PlanDay {
        bad_day: false,
        sign_ticked: true,
    };

    fn log_of(list: &[(i64, f64, &'static str)]) -> Vec<Session> {
        list.iter()
            .enumerate()
            .map(|(i, (n, m, ans))| s(&format!("s{i}"), day(*n), 17, *m, ans))
            .collect()
    }

    #[test]
    fn plan_b_never_moves_the_ladder() {
        let act = walking(None);
        // 10, 10 with yes + yes, then a bad day done as plan B at 5 with yes + yes.
        let mut log = log_of(&[(0, 10.0, "yy"), (1, 10.0, "yy")]);
        let bad = plan_for_today(&act, &log, day(2), BAD);
        assert_eq!(
            bad.form_start(),
            (a(5.0), true),
            "the form is pre-filled with plan B"
        );
        let mut b = s("b", day(2), 17, 5.0, "yy");
        b.plan_b = true;
        log.push(b.clone());
        let tomorrow = plan_for_today(&act, &log, day(3), PlanDay::default());
        assert_eq!(
            (tomorrow.amount, tomorrow.reason),
            (
                a(11.0),
                PlanReason::StepUp {
                    from: a(10.0),
                    to: a(11.0)
                }
            ),
            "resumes at the reached step, not 6"
        );
        // Nor does a plan B session with a "no", or one still waiting, hold the plan.
        for answers in ["yn", "n?", "y?"] {
            let mut log = log_of(&[(0, 10.0, "yy"), (1, 10.0, "yy")]);
            let mut b = s("b", day(2), 17, 5.0, answers);
            b.plan_b = true;
            log.push(b);
            assert_eq!(
                plan_for_today(&act, &log, day(3), PlanDay::default()).amount,
                a(11.0),
                "{answers}"
            );
        }
        // The same session not marked as plan B would have moved it (the old bug).
        b.plan_b = false;
        let mut log = log_of(&[(0, 10.0, "yy"), (1, 10.0, "yy")]);
        log.push(b);
        assert_eq!(
            plan_for_today(&act, &log, day(3), PlanDay::default()).amount,
            a(6.0)
        );
    }

    #[test]
    fn the_headline_says_what_to_do_today() {
        let act = walking(None);
        // (log, day, bad day, headline, form start)
        type Case = (
            &'static [(i64, f64, &'static str)],
            i64,
            bool,
            Headline,
            (f64, bool),
        );
        let cases: [(&str, Case); 4] = [
            (
                "an ordinary day: the ladder's amount",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy")],
                    2,
                    false,
                    Headline::Amount(a(11.0)),
                    (11.0, false),
                ),
            ),
            (
                "a bad day: plan B",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy")],
                    2,
                    true,
                    Headline::PlanB(PlanBOffer::Less(a(5.0))),
                    (5.0, true),
                ),
            ),
            (
                "two no in a row: plan B",
                (
                    &[(0, 10.0, "yy"), (1, 11.0, "yn"), (2, 11.0, "yn")],
                    3,
                    false,
                    Headline::PlanB(PlanBOffer::Less(a(5.0))),
                    (5.0, true),
                ),
            ),
            (
                "one no: hold, not plan B",
                (
                    &[(0, 10.0, "yy"), (1, 11.0, "yn")],
                    2,
                    false,
                    Headline::Amount(a(10.0)),
                    (10.0, false),
                ),
            ),
        ];
        for (name, (log, today, bad, headline, (start, b))) in cases {
            let day_ = PlanDay {
                bad_day: bad,
                sign_ticked: false,
            };
            let plan = plan_for_today(&act, &log_of(log), day(today), day_);
            assert_eq!(plan.headline(), headline, "{name}");
            assert_eq!(plan.form_start(), (a(start), b), "{name}");
        }
        // Plan B as an easier activity: the headline names it, the form starts at its amount.
        let mut easier = walking(None);
        easier.plan_b = PlanB::Easier {
            name: "Cykling".into(),
            amount: a(8.0),
            unit: Unit::Minutes,
        };
        let plan = plan_for_today(&easier, &[], day(0), BAD);
        assert!(matches!(
            plan.headline(),
            Headline::PlanB(PlanBOffer::Easier { .. })
        ));
        assert_eq!(plan.form_start(), (a(8.0), true));
    }

    #[test]
    fn no_step_up_while_a_warning_sign_is_ticked() {
        let act = walking(None);
        let log = log_of(&[(0, 10.0, "yy"), (1, 10.0, "yy")]);
        let plan = plan_for_today(&act, &log, day(2), SIGN);
        assert_eq!(
            (plan.amount, plan.reason),
            (a(10.0), PlanReason::HoldForSign { at: a(10.0) })
        );
        assert_eq!(plan.reason.key(), "plan.hold_for_sign");
        // Everything else is as without the sign: keep, hold after a no, plan B.
        let cases: [&[(i64, f64, &str)]; 3] = [
            &[(0, 10.0, "yy")],
            &[(0, 10.0, "yy"), (1, 11.0, "yn")],
            &[(0, 10.0, "yy"), (1, 11.0, "yn"), (2, 10.0, "yn")],
        ];
        for log in cases {
            let log = log_of(log);
            assert_eq!(
                plan_for_today(&act, &log, day(3), SIGN),
                plan_for_today(&act, &log, day(3), PlanDay::default())
            );
        }
        // Cleared (no sign ticked): the step up comes.
        assert_eq!(
            plan_for_today(&act, &log, day(2), PlanDay::default()).amount,
            a(11.0)
        );
    }

    const MON: fn() -> Date = || d(2026, 11, 2); // a Monday

    fn day(n: i64) -> Date {
        MON().add_days(n)
    }

    /// (sessions as (day, minutes, answers), today as day, expected amount, reason)
    type Case = (&'static [(i64, f64, &'static str)], i64, f64, PlanReason);

    #[test]
    fn the_plan_follows_the_ladder_rules() {
        use PlanReason::*;
        let cases: [(&str, Case); 17] = [
            ("no sessions: start at the baseline", (&[], 0, 10.0, Start)),
            ("one yes+yes: keep", (&[(0, 10.0, "yy")], 1, 10.0, Keep)),
            (
                "one session waiting for okay later",
                (&[(0, 10.0, "y?")], 1, 10.0, WaitingForOkayLater),
            ),
            (
                "two yes+yes: one step up",
                (
                    &[(0, 10.0, "yy"), (2, 10.0, "yy")],
                    3,
                    11.0,
                    StepUp {
                        from: a(10.0),
                        to: a(11.0),
                    },
                ),
            ),
            (
                "a yes+yes after a step up counts once at the new amount",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy"), (2, 11.0, "yy")],
                    3,
                    11.0,
                    Keep,
                ),
            ),
            (
                "more than the current amount counts as at it",
                (
                    &[(0, 11.0, "yy"), (1, 10.0, "yy")],
                    2,
                    11.0,
                    StepUp {
                        from: a(10.0),
                        to: a(11.0),
                    },
                ),
            ),
            (
                "a no later: hold at the last amount that was fine",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy"), (2, 11.0, "yn")],
                    3,
                    10.0,
                    Hold { at: a(10.0) },
                ),
            ),
            (
                "a no now also holds",
                (
                    &[(0, 10.0, "yy"), (1, 11.0, "ny")],
                    2,
                    10.0,
                    Hold { at: a(10.0) },
                ),
            ),
            (
                "a no at the same amount holds there",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yn")],
                    2,
                    10.0,
                    Hold { at: a(10.0) },
                ),
            ),
            (
                "a no with nothing fine yet: the baseline when below",
                (&[(0, 12.0, "yn")], 1, 10.0, Hold { at: a(10.0) }),
            ),
            (
                "a no at the baseline with nothing fine: a step below",
                (&[(0, 10.0, "yn")], 1, 9.0, Hold { at: a(9.0) }),
            ),
            (
                "two no in a row: plan B and a talk",
                (
                    &[(0, 10.0, "yy"), (1, 11.0, "yn"), (2, 10.0, "n?")],
                    3,
                    10.0,
                    PlanBAndTalk,
                ),
            ),
            (
                "a yes+yes after a hold starts the count again",
                (
                    &[(0, 10.0, "yy"), (1, 11.0, "yn"), (2, 10.0, "yy")],
                    3,
                    10.0,
                    Keep,
                ),
            ),
            (
                "a pending session counts neither way",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "y?"), (2, 10.0, "yy")],
                    3,
                    11.0,
                    StepUp {
                        from: a(10.0),
                        to: a(11.0),
                    },
                ),
            ),
            (
                "the newest session waiting for okay later holds the plan",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy"), (2, 11.0, "y?")],
                    3,
                    11.0,
                    WaitingForOkayLater,
                ),
            ),
            (
                "waiting never plans more than the waiting session",
                (
                    &[(0, 10.0, "yy"), (1, 10.0, "yy"), (2, 10.0, "y?")],
                    3,
                    10.0,
                    WaitingForOkayLater,
                ),
            ),
            (
                "an unanswered session no longer asked does not hold the plan",
                (&[(0, 10.0, "yy"), (1, 10.0, "y?")], 9, 10.0, Keep),
            ),
        ];
        let act = walking(None);
        for (name, (log, today, amount, reason)) in cases {
            let sessions: Vec<Session> = log
                .iter()
                .enumerate()
                .map(|(i, (n, m, ans))| s(&format!("s{i}"), day(*n), 17, *m, ans))
                .collect();
            let plan = plan_for_today(&act, &sessions, day(today), PlanDay::default());
            assert_eq!((plan.amount, plan.reason), (a(amount), reason), "{name}");
            assert_eq!(
                plan.plan_b.is_some(),
                reason == PlanBAndTalk,
                "{name}: plan B only after two no"
            );
        }
    }

    #[test]
    fn plan_b_and_talk_offers_half_of_the_last_fine_amount() {
        let act = walking(None);
        let log = [
            s("a", day(0), 17, 10.0, "yy"),
            s("b", day(1), 17, 11.0, "yn"),
            s("c", day(2), 17, 11.0, "yn"),
        ];
        let plan = plan_for_today(&act, &log, day(3), PlanDay::default());
        assert_eq!(plan.reason, PlanReason::PlanBAndTalk);
        assert_eq!(plan.amount, a(10.0));
        assert_eq!(plan.plan_b, Some(PlanBOffer::Less(a(5.0))));
        // A bad day keeps the talk advice.
        assert_eq!(
            plan_for_today(&act, &log, day(3), BAD).reason,
            PlanReason::PlanBAndTalk
        );
    }

    #[test]
    fn a_bad_day_offers_plan_b_instead_of_the_plan() {
        let act = walking(None);
        let log = [
            s("a", day(0), 17, 10.0, "yy"),
            s("b", day(1), 17, 10.0, "yy"),
        ];
        let plan = plan_for_today(&act, &log, day(2), BAD);
        assert_eq!(plan.reason, PlanReason::BadDay);
        assert_eq!(plan.amount, a(11.0), "the plan it replaces");
        assert_eq!(plan.plan_b, Some(PlanBOffer::Less(a(5.0))));
        let start = plan_for_today(&act, &[], day(0), BAD);
        assert_eq!(
            (start.reason, start.plan_b),
            (PlanReason::BadDay, Some(PlanBOffer::Less(a(5.0))))
        );
    }

    #[test]
    fn the_goal_caps_the_step_and_then_the_plan_keeps_it() {
        let act = walking(Some(10.5));
        let log = [
            s("a", day(0), 17, 10.0, "yy"),
            s("b", day(1), 17, 10.0, "yy"),
        ];
        let plan = plan_for_today(&act, &log, day(2), PlanDay::default());
        assert_eq!(
            plan.reason,
            PlanReason::StepUp {
                from: a(10.0),
                to: a(10.5)
            }
        );
        let log = [s("a", day(0), 17, 10.5, "yy")];
        assert_eq!(
            plan_for_today(&act, &log, day(1), PlanDay::default()).reason,
            PlanReason::AtGoal
        );
    }

    #[test]
    fn two_yes_yes_on_the_same_day_count_once() {
        let act = walking(None);
        // Logged in reverse order in the list; the evening one was logged last.
        let log = [
            s("evening", day(0), 19, 10.0, "yy"),
            s("morning", day(0), 8, 11.0, "yn"),
        ];
        let plan = plan_for_today(&act, &log, day(1), PlanDay::default());
        assert_eq!(
            plan.reason,
            PlanReason::Keep,
            "the evening yes+yes came last"
        );
        let log = [
            s("evening", day(0), 19, 10.0, "yy"),
            s("morning", day(0), 8, 10.0, "yy"),
        ];
        assert_eq!(
            plan_for_today(&act, &log, day(1), PlanDay::default()).reason,
            PlanReason::Keep,
            "two on one day are one answer about the next day"
        );
        let log = [
            s("evening", day(0), 19, 10.0, "yy"),
            s("morning", day(0), 8, 10.0, "yy"),
            s("next", day(1), 8, 10.0, "yy"),
        ];
        assert_eq!(
            plan_for_today(&act, &log, day(2), PlanDay::default()).reason,
            PlanReason::StepUp {
                from: a(10.0),
                to: a(11.0)
            }
        );
    }

    #[test]
    fn a_session_logged_for_yesterday_counts_on_yesterday() {
        let act = walking(None);
        // Today's session was logged at 07:00; yesterday's was logged later, at 08:00
        // today, for yesterday.
        let mut yesterday = s("y", day(1), 8, 11.0, "yn");
        yesterday.at = cph(day(2), 8);
        let today = s("t", day(2), 7, 10.0, "yy");
        let log = [today, yesterday, s("old", day(0), 17, 10.0, "yy")];
        let plan = plan_for_today(&act, &log, day(2), PlanDay::default());
        // Order by day: old (yy), yesterday (no), today (yy): one yes+yes after the no.
        assert_eq!((plan.amount, plan.reason), (a(10.0), PlanReason::Keep));
    }

    #[test]
    fn sessions_across_the_clock_changes_keep_their_days_and_order() {
        let act = walking(None);
        for (first, second) in [
            (d(2026, 3, 28), d(2026, 3, 29)),
            (d(2026, 10, 24), d(2026, 10, 25)),
        ] {
            let mut a1 = s("a", first, 23, 10.0, "yy");
            a1.at = cph_hm(first, 23, 30);
            // 02:30 does not exist on 29 March; 02:30 happens twice on 25 October.
            let mut b1 = s("b", second, 2, 10.0, "yy");
            b1.at = cph_hm(second, 2, 30);
            assert!(a1.at < b1.at);
            assert_eq!(b1.at.local_date(), second);
            let plan = plan_for_today(&act, &[b1, a1], second, PlanDay::default());
            assert_eq!(
                plan.reason,
                PlanReason::StepUp {
                    from: a(10.0),
                    to: a(11.0)
                },
                "{second}"
            );
        }
    }

    #[test]
    fn only_the_recent_window_counts() {
        let act = walking(None);
        let today = day(0);
        let old = today.add_days(-PLAN_WINDOW_DAYS);
        let log = [
            s("old1", old, 17, 20.0, "yy"),
            s("old2", old, 18, 20.0, "yy"),
            s("other", today, 9, 30.0, "yy"),
            s("future", today.add_days(1), 9, 30.0, "yy"),
        ];
        let mut log = log.to_vec();
        log[2].activity_id = "bike".into();
        assert_eq!(window_start(today), old.add_days(1));
        let plan = plan_for_today(&act, &log, today, PlanDay::default());
        assert_eq!((plan.amount, plan.reason), (a(10.0), PlanReason::Start));
        log[1].for_date = old.add_days(1);
        assert_eq!(
            plan_for_today(&act, &log, today, PlanDay::default()).reason,
            PlanReason::Keep
        );
    }

    #[test]
    fn a_big_jump_is_above_one_and_a_half_times_and_above_two_steps() {
        // (unit, planned, largest amount that is not a big jump)
        let cases = [
            (Unit::Minutes, 10.0, 15.0),
            (Unit::Minutes, 2.0, 4.0), // two steps: 3, 4 (1.5 x would be 3)
            (Unit::Sets, 1.0, 3.0),    // 2 sets is fine, 4 is a big jump
            (Unit::Km, 2.0, 3.0),
            (Unit::Steps, 4000.0, 6000.0),
            (Unit::Kg, 1.0, 2.0), // two steps of 0.5 kg
        ];
        for (unit, planned, ok) in cases {
            let mut act = walking(None);
            act.unit = unit.clone();
            assert!(!is_big_jump(&act, a(planned), a(ok)), "{unit:?} {ok}");
            let grain = unit.grain(a(ok)).milli();
            let above = Amount::from_milli(a(ok).milli() + grain).unwrap();
            assert!(is_big_jump(&act, a(planned), above), "{unit:?} {above}");
        }
    }

    #[test]
    fn too_much_too_soon_names_each_cause_the_log_points_at() {
        use Cause::*;
        // per_week is 3.
        type Log = &'static [(i64, u8, f64, &'static str)];
        let cases: [(&str, Log, &[Cause]); 8] = [
            ("no sessions", &[], &[]),
            (
                "no no: nothing to explain",
                &[(0, 17, 10.0, "yy"), (1, 17, 30.0, "yy")],
                &[],
            ),
            (
                "too heavy: a big jump ended in a no",
                &[(0, 17, 10.0, "yy"), (3, 17, 16.0, "ny")],
                &[TooHeavy, TooFast],
            ),
            (
                "too fast: a step up after one yes+yes",
                &[(0, 17, 10.0, "yy"), (3, 17, 11.0, "n?")],
                &[TooFast],
            ),
            (
                "a planned step up that went wrong is none of them",
                &[
                    (0, 17, 10.0, "yy"),
                    (2, 17, 10.0, "yy"),
                    (4, 17, 11.0, "yn"),
                ],
                &[],
            ),
            (
                "too often: consecutive days, no later",
                &[(0, 17, 10.0, "yy"), (1, 17, 10.0, "yn")],
                &[TooOften],
            ),
            (
                "too little rest: two sessions on one day, no later",
                &[(0, 9, 10.0, "yy"), (0, 17, 10.0, "yn")],
                &[TooLittleRest],
            ),
            (
                "too little rest: more than per week + 1 in a week",
                &[
                    (0, 9, 10.0, "yy"),
                    (2, 9, 10.0, "yy"),
                    (4, 9, 11.0, "yy"),
                    (5, 9, 11.0, "yy"),
                    (6, 9, 11.0, "ny"),
                ],
                &[TooLittleRest],
            ),
        ];
        let act = walking(None);
        for (name, log, expected) in cases {
            let sessions: Vec<Session> = log
                .iter()
                .enumerate()
                .map(|(i, (n, h, m, ans))| s(&format!("s{i}"), day(*n), *h, *m, ans))
                .collect();
            assert_eq!(
                too_much_too_soon(&act, &sessions, day(7)),
                expected,
                "{name}"
            );
        }
        // An old episode is no longer named.
        let old = [s("a", day(0), 9, 10.0, "yy"), s("b", day(1), 9, 10.0, "yn")];
        assert_eq!(too_much_too_soon(&act, &old, day(1)), [TooOften]);
        assert!(too_much_too_soon(&act, &old, day(1 + TOO_MUCH_WINDOW_DAYS)).is_empty());
        assert_eq!(TooLittleRest.key(), "cause.too_little_rest");
    }
}
