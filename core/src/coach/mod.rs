//! The coach: activities, "okay now / okay later", the progression ladder, plan B, bad
//! days and flare-ups (domain.md §2-§5, issue 4).
//!
//! Pure functions of the activities, the logged sessions, the diary's day summaries and
//! the "now" or "today" the caller passes in. Every number lives in [`crate::rules`].
//!
//! - [`amount`]: [`Amount`] (thousandths, Danish decimal comma) and [`Unit`] with its
//!   rounding grain.
//! - [`activity`]: [`Activity`], [`PlanB`], the [`ladder`] and the activity form.
//! - [`session`]: [`Session`], its [`Verdict`], when "okay later?" is due, logging and
//!   answering, the pain-monitoring [`traffic_light`].
//! - [`plan`]: [`plan_for_today`], [`is_big_jump`], [`too_much_too_soon`].
//! - [`pain`]: [`noticed_bad_day`], [`flare_up`], [`pain_crept_up`].

pub mod activity;
pub mod amount;
pub mod pain;
pub mod plan;
pub mod session;

pub use activity::{
    check_delete, ladder, ladder_position, ladder_window, steps_left, Activity, ActivityDraft,
    ActivityError, ActivityInput, ActivityInputError, AmountField, PlanB, PlanBOffer,
};
pub use amount::{Amount, AmountError, Unit, UnitError, AMOUNT_MAX_MILLI, MILLI};
pub use pain::{
    creep_week_means, day_advice, flare_up, is_bad_day, mean_before, noticed_bad_day,
    pain_crept_up, BadDayNote, DayAdvice, FlareKind, FlareNote,
};
pub use plan::{
    is_big_jump, plan_for_today, too_much_too_soon, window_start, Cause, Headline, Plan, PlanDay,
    PlanReason,
};
pub use session::{
    answer_okay_later, log_advice, log_session, next_okay_later, okay_later_due,
    okay_later_reminder, okay_later_waiting, traffic_light, Light, LogAdvice, OkayLater,
    PainLimits, Session, SessionDraft, SessionError, SessionInput, SessionInputError, Verdict,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::days;
    use crate::model::{CheckIn, Score};
    use crate::testkit::{cph, d};
    use crate::time::Date;

    fn minutes(n: u32) -> Amount {
        Amount::from_units(n).unwrap()
    }

    fn check_in(date: Date, pain: u8) -> CheckIn {
        CheckIn {
            id: date.iso(),
            at: cph(date, 7),
            pain: Score::new(pain).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: String::new(),
        }
    }

    /// Logs `amount` at 17:00 on `date` with "okay now? yes", then answers "okay later?"
    /// with `later` at 08:00 the next morning.
    fn walk(walking: &Activity, log: &mut Vec<Session>, date: Date, amount: Amount, later: bool) {
        let planned = plan_for_today(walking, log, date, PlanDay::default()).amount;
        let draft = SessionDraft {
            for_date: date,
            amount,
            pain_during: Score::new(3).unwrap(),
            okay_now: true,
            plan_b: false,
        };
        let id = format!("s{}", log.len());
        let session = log_session(walking, &draft, planned, id, cph(date, 17), false).unwrap();
        assert_eq!(session.verdict(), Verdict::Pending);
        let morning = cph(date.add_days(1), 8);
        assert_eq!(
            okay_later_waiting(std::slice::from_ref(&session), morning).len(),
            1
        );
        log.push(answer_okay_later(&session, later, morning).unwrap());
    }

    const BAD: PlanDay = PlanDay {
        bad_day: true,
        sign_ticked: false,
    };

    #[test]
    fn the_journey_walking_ten_minutes_steps_up_holds_and_offers_plan_b_on_a_bad_day() {
        // Walking, 10 minutes baseline.
        let walking = ActivityDraft {
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: Some(Amount::parse_for("10", &Unit::Minutes).unwrap()),
            per_week: 5,
            goal: Some(minutes(30)),
            plan_b: PlanB::Fraction,
            custom_step: None,
        }
        .into_activity("walk".into(), cph(d(2026, 11, 22), 12))
        .unwrap();
        let mut log = Vec::new();
        let first = d(2026, 11, 23);
        assert_eq!(
            plan_for_today(&walking, &log, first, PlanDay::default()),
            Plan {
                amount: minutes(10),
                reason: PlanReason::Start,
                plan_b: None
            }
        );

        // Two yes + yes sessions on two days: the suggestion is 11 minutes.
        walk(&walking, &mut log, first, minutes(10), true);
        assert_eq!(
            plan_for_today(&walking, &log, first.add_days(1), PlanDay::default()).reason,
            PlanReason::Keep
        );
        walk(&walking, &mut log, first.add_days(1), minutes(10), true);
        let plan = plan_for_today(&walking, &log, first.add_days(2), PlanDay::default());
        assert_eq!(plan.amount, minutes(11));
        assert_eq!(
            plan.reason,
            PlanReason::StepUp {
                from: minutes(10),
                to: minutes(11)
            }
        );
        assert_eq!(
            ladder_position(&ladder(&walking), plan.amount),
            Some(1),
            "the current step is marked on the ladder"
        );

        // 11 minutes, then "no" to okay later: hold at the last amount that was fine, 10.
        walk(&walking, &mut log, first.add_days(2), minutes(11), false);
        let today = first.add_days(3);
        let plan = plan_for_today(&walking, &log, today, PlanDay::default());
        assert_eq!(
            (plan.amount, plan.reason),
            (minutes(10), PlanReason::Hold { at: minutes(10) })
        );
        // The log points at one cause: the "no" came the day after another session.
        assert_eq!(too_much_too_soon(&walking, &log, today), [Cause::TooOften]);

        // A bad day, declared by the patient: plan B, 5 minutes.
        let plan = plan_for_today(&walking, &log, today, BAD);
        assert_eq!(plan.reason, PlanReason::BadDay);
        assert_eq!(plan.plan_b, Some(PlanBOffer::Less(minutes(5))));

        // ... or noticed from the check-ins: 3 every day before, 6 today.
        let diary: Vec<CheckIn> = (0..=7)
            .map(|back| check_in(today.add_days(-back), if back == 0 { 6 } else { 3 }))
            .collect();
        let summary = days(&diary);
        assert!(noticed_bad_day(&summary, today));
        assert_eq!(flare_up(&summary, today), Some(FlareKind::Flare));
        let plan = plan_for_today(
            &walking,
            &log,
            today,
            PlanDay {
                bad_day: noticed_bad_day(&summary, today),
                sign_ticked: false,
            },
        );
        assert_eq!(plan.plan_b, Some(PlanBOffer::Less(minutes(5))));

        // Back at 10 minutes twice with yes + yes: the step up comes again.
        walk(&walking, &mut log, today, minutes(10), true);
        walk(&walking, &mut log, today.add_days(1), minutes(10), true);
        assert_eq!(
            plan_for_today(&walking, &log, today.add_days(2), PlanDay::default()).amount,
            minutes(11)
        );
    }
}
