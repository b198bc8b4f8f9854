//! The one-page summary for the physiotherapist (domain.md §10, issue 7): everything the
//! printed page shows, computed from the diary, the activities, the goals, the weekly
//! reviews and the profile for a chosen period. The shell only lays it out.

use crate::coach::{
    ladder, ladder_position, plan_for_today, window_start, Activity, Amount, PlanDay, Session,
    Verdict,
};
use crate::diary::{baseline, days, Baseline, DaySummary, Diary};
use crate::progress::{
    goal_progress, on_goal_ladder, pain_change, responder_status, Face, Goal, GoalProgress,
    GoalStatus, PainChange, Responder, Review,
};
use crate::rules::RECENT_DAYS;
use crate::safety::{may_reassure, Condition, Ending, Profile, SafetyCheck, WarningSign};
use crate::store::ActivitiesDoc;
use crate::time::Date;

/// The periods the summary can cover, in days up to and including today.
pub const SUMMARY_PERIODS: [i64; 3] = [28, 56, 84];

/// One activity's lines on the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityLine {
    /// The activity (its name, unit, baseline).
    pub activity: Activity,
    /// Sessions done in the period.
    pub sessions: usize,
    /// Of them: yes + yes.
    pub green: usize,
    /// Of them: "no" now or later.
    pub no: usize,
    /// Of them: "okay later?" not answered.
    pub pending: usize,
    /// The amount today's plan holds (the current step).
    pub current: Amount,
    /// The current step, 1-based, and the ladder's number of steps.
    pub step: Option<(usize, usize)>,
    /// The ladder's goal: the active SMART goal's target, else the activity's own goal.
    pub goal: Option<Amount>,
}

/// A warning sign on the summary: one line for every time it was answered yes, with the
/// day, and the day and way it stopped being ticked (`None`: still ticked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignLine {
    /// The sign.
    pub sign: WarningSign,
    /// The day it was answered yes (local date).
    pub ticked: Date,
    /// The day and way it ended: cleared (a doctor, passed) or changed to no.
    pub ended: Option<(Date, Ending)>,
}

/// Every yes ever given, in the check's order of signs, oldest first within a sign: what
/// the summary lists (domain.md §8), whatever the period.
pub fn sign_lines(check: &SafetyCheck) -> Vec<SignLine> {
    let mut lines: Vec<SignLine> = check
        .records()
        .iter()
        .map(|r| SignLine {
            sign: r.sign,
            ticked: r.ticked_at.local_date(),
            ended: r.ended.map(|(at, how)| (at.local_date(), how)),
        })
        .collect();
    crate::order::sort_by_key(&mut lines, |l| (l.sign, l.ticked));
    lines
}

/// Everything on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// First day of the period.
    pub from: Date,
    /// Last day of the period (today).
    pub to: Date,
    /// The chosen conditions.
    pub conditions: Vec<Condition>,
    /// Warning signs ever ticked (listed first and prominently on the page).
    pub signs: Vec<SignLine>,
    /// The baseline mean pain, when the baseline is complete.
    pub baseline_mean: Option<f64>,
    /// Mean pain of the last [`RECENT_DAYS`] days with check-ins in them.
    pub recent_mean: Option<f64>,
    /// Mean pain over the period.
    pub period_mean: Option<f64>,
    /// Days with check-ins in the period.
    pub checkin_days: usize,
    /// The responder status today.
    pub responder: Responder,
    /// The change since the start: the three big numbers (baseline → last days = change),
    /// the same as the progress screen's first card.
    pub change: Option<PainChange>,
    /// Activities that are planned or had sessions in the period.
    pub activities: Vec<ActivityLine>,
    /// Active goals and goals reached or dropped in the period, with their progress.
    pub goals: Vec<(Goal, Option<GoalProgress>)>,
    /// Weekly-review answers in the period: per face, how many weeks said better, the same,
    /// worse.
    pub reviews: Vec<(Face, [u32; 3])>,
    /// Weekly reviews answered in the period.
    pub review_weeks: usize,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// The summary of the `period_days` days up to and including `today`.
pub fn build_summary(
    diary: &Diary,
    activities: &ActivitiesDoc,
    goals: &[Goal],
    reviews: &[Review],
    profile: &Profile,
    today: Date,
    period_days: i64,
) -> Summary {
    let from = today.add_days(1 - period_days.max(1));
    let all_days: Vec<DaySummary> = days(diary.iter());
    let in_period: Vec<&DaySummary> = all_days
        .iter()
        .filter(|d| d.date >= from && d.date <= today)
        .collect();
    let baseline_mean = match baseline(&all_days) {
        Baseline::Ready(p) => Some(p.mean),
        Baseline::Pending { .. } => None,
    };
    let recent_from = today.add_days(1 - RECENT_DAYS as i64);
    let recent_mean = mean(
        all_days
            .iter()
            .filter(|d| d.date >= recent_from && d.date <= today)
            .map(|d| d.mean),
    );
    let period_mean = mean(in_period.iter().map(|d| d.mean));

    let sessions: Vec<&Session> = diary.sessions_since(from).collect();
    // No step up while a warning sign is ticked: the same plan as the coach shows.
    let sign_ticked = !may_reassure(&profile.check);
    let recent_sessions: Vec<Session> =
        diary.sessions_since(window_start(today)).cloned().collect();
    let lines = activities
        .activities
        .iter()
        .filter_map(|a| {
            let mine: Vec<&&Session> = sessions
                .iter()
                .filter(|s| s.activity_id == a.id && s.for_date <= today)
                .collect();
            if a.archived && mine.is_empty() {
                return None;
            }
            let count = |v: fn(Verdict) -> bool| mine.iter().filter(|s| v(s.verdict())).count();
            // The ladder runs to the SMART goal, as on the coach and the goal card.
            let a_goal = on_goal_ladder(a, goals);
            let day = PlanDay {
                bad_day: false,
                sign_ticked,
            };
            let current = plan_for_today(&a_goal, &recent_sessions, today, day).amount;
            let rungs = ladder(&a_goal);
            let step = ladder_position(&rungs, current).map(|i| (i + 1, rungs.len()));
            Some(ActivityLine {
                activity: a.clone(),
                sessions: mine.len(),
                green: count(|v| v == Verdict::Green),
                no: count(|v| v.is_no()),
                pending: count(|v| v == Verdict::Pending),
                current,
                step,
                goal: a_goal.goal,
            })
        })
        .collect();

    let goal_lines = goals
        .iter()
        .filter(|g| match g.status {
            GoalStatus::Active => true,
            GoalStatus::Reached(d) | GoalStatus::Dropped(d) => d >= from,
        })
        .map(|g| {
            let progress = activities.find(&g.activity_id).map(|a| {
                let own: Vec<Session> = diary
                    .sessions()
                    .filter(|s| s.activity_id == a.id)
                    .cloned()
                    .collect();
                goal_progress(g, a, &own, today, sign_ticked)
            });
            (g.clone(), progress)
        })
        .collect();

    let mut counts = [[0u32; 3]; 6];
    let mut review_weeks = 0;
    for r in reviews
        .iter()
        .filter(|r| r.week >= from.add_days(-6) && r.week <= today)
    {
        if r.answers.iter().any(Option::is_some) {
            review_weeks += 1;
        }
        for (i, a) in r.answers.iter().enumerate() {
            if let (Some(a), Some(row)) = (a, counts.get_mut(i)) {
                let j = match a {
                    crate::progress::Answer::Better => 0,
                    crate::progress::Answer::Same => 1,
                    crate::progress::Answer::Worse => 2,
                };
                if let Some(c) = row.get_mut(j) {
                    *c += 1;
                }
            }
        }
    }
    let reviews = Face::ALL.into_iter().zip(counts).collect();

    Summary {
        from,
        to: today,
        conditions: profile.conditions.clone(),
        signs: sign_lines(&profile.check),
        baseline_mean,
        recent_mean,
        period_mean,
        checkin_days: in_period.len(),
        responder: responder_status(&all_days, today),
        change: pain_change(&all_days, today),
        activities: lines,
        goals: goal_lines,
        reviews,
        review_weeks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{ActivityDraft, PlanB, Unit};
    use crate::model::{CheckIn, Score};
    use crate::safety::Answer as SignAnswer;
    use crate::testkit::{a, cph, d};

    fn check_in(date: Date, pain: u8) -> CheckIn {
        CheckIn {
            id: date.iso(),
            at: cph(date, 9),
            pain: Score::new(pain).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: String::new(),
        }
    }

    fn session(id: &str, activity: &str, date: Date, now: bool, later: Option<bool>) -> Session {
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: activity.into(),
            at: cph(date, 17),
            for_date: date,
            amount: a(10.0),
            pain_during: Score::new(3).unwrap(),
            okay_now: now,
            okay_later: later.map(|answer| crate::coach::OkayLater {
                answer,
                answered_at: cph(date.add_days(1), 8),
            }),
        }
    }

    fn walking(id: &str, archived: bool) -> Activity {
        let mut act = ActivityDraft {
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: Some(a(10.0)),
            per_week: 3,
            goal: Some(a(20.0)),
            plan_b: PlanB::Fraction,
            custom_step: None,
        }
        .into_activity(id.into(), cph(d(2026, 9, 1), 12))
        .unwrap();
        act.archived = archived;
        act
    }

    fn diary(checkins: Vec<CheckIn>, sessions: Vec<Session>) -> Diary {
        use crate::sorted::VecMap;
        let mut months: VecMap<_, (Vec<CheckIn>, Vec<Session>)> = VecMap::new();
        for c in checkins {
            months
                .get_or_insert_with(c.date().month_key(), Default::default)
                .0
                .push(c);
        }
        for s in sessions {
            months
                .get_or_insert_with(s.for_date.month_key(), Default::default)
                .1
                .push(s);
        }
        let mut diary = Diary::new();
        for (m, (c, s)) in months {
            diary.insert_month(m, c);
            diary.insert_sessions(m, s);
        }
        diary
    }

    #[test]
    fn an_empty_diary_gives_an_empty_summary_without_means() {
        let today = d(2026, 11, 23);
        let s = build_summary(
            &Diary::new(),
            &ActivitiesDoc::default(),
            &[],
            &[],
            &Profile::default(),
            today,
            28,
        );
        assert_eq!((s.from, s.to), (d(2026, 10, 27), today));
        assert_eq!(
            (s.baseline_mean, s.recent_mean, s.period_mean),
            (None, None, None)
        );
        assert!(matches!(s.responder, Responder::BaselineIncomplete { .. }));
        assert!(s.activities.is_empty() && s.goals.is_empty() && s.signs.is_empty());
        assert_eq!(s.review_weeks, 0);
    }

    #[test]
    fn the_period_counts_only_its_own_days_and_sessions_with_their_verdicts() {
        let today = d(2026, 11, 23);
        // Pain 6 for ten days long before the period, then 4 in the last 28 days.
        let mut entries: Vec<CheckIn> = (0..10)
            .map(|i| check_in(d(2026, 9, 1).add_days(i), 6))
            .collect();
        entries.extend((0..28).map(|i| check_in(today.add_days(-i), 4)));
        let sessions = vec![
            session("old", "walk", d(2026, 9, 5), true, Some(true)),
            session("g1", "walk", d(2026, 11, 10), true, Some(true)),
            session("n1", "walk", d(2026, 11, 12), true, Some(false)),
            session("n2", "walk", d(2026, 11, 14), false, None),
            session("p1", "walk", d(2026, 11, 22), true, None),
        ];
        let activities = ActivitiesDoc {
            activities: vec![walking("walk", false), walking("gone", true)],
            ..ActivitiesDoc::default()
        };
        let s = build_summary(
            &diary(entries, sessions),
            &activities,
            &[],
            &[],
            &Profile::default(),
            today,
            28,
        );
        assert_eq!(s.checkin_days, 28);
        assert_eq!(s.baseline_mean, Some(6.0));
        assert_eq!((s.recent_mean, s.period_mean), (Some(4.0), Some(4.0)));
        assert!(matches!(s.responder, Responder::Responder { .. }));
        // The archived activity without sessions in the period is left out.
        assert_eq!(s.activities.len(), 1);
        let line = &s.activities[0];
        assert_eq!(
            (line.sessions, line.green, line.no, line.pending),
            (4, 1, 2, 1)
        );
        assert_eq!(line.current, a(10.0));
        assert_eq!(line.step.map(|(n, _)| n), Some(1));
    }

    #[test]
    fn every_warning_sign_ever_ticked_is_listed_with_when_and_how_it_was_cleared() {
        use crate::safety::ClearReason;
        let mut profile = Profile::default();
        let at = |day: u8| cph(d(2026, 11, day), 10);
        let check = &mut profile.check;
        check.set_answer(WarningSign::Accident, SignAnswer::Yes, at(2));
        check.set_answer(WarningSign::StrengthLoss, SignAnswer::Yes, at(5));
        check.set_answer(WarningSign::SeverePain, SignAnswer::No, at(5));
        check
            .clear(WarningSign::Accident, ClearReason::Passed, at(9))
            .unwrap();
        // A yes changed to no stays on the summary.
        check.set_answer(WarningSign::SaddleNumbness, SignAnswer::Yes, at(10));
        check.set_answer(WarningSign::SaddleNumbness, SignAnswer::No, at(11));
        // Long before the period: still listed.
        check.set_answer(
            WarningSign::FeverWeightLoss,
            SignAnswer::Yes,
            cph(d(2025, 3, 1), 10),
        );
        check
            .clear(WarningSign::FeverWeightLoss, ClearReason::DoctorSeen, at(1))
            .unwrap();
        let s = build_summary(
            &Diary::new(),
            &ActivitiesDoc::default(),
            &[],
            &[],
            &profile,
            d(2026, 11, 23),
            28,
        );
        let line = |sign, day: u8, ended: Option<(u8, Ending)>| SignLine {
            sign,
            ticked: d(2026, 11, day),
            ended: ended.map(|(day, how)| (d(2026, 11, day), how)),
        };
        assert_eq!(
            s.signs,
            [
                line(
                    WarningSign::SaddleNumbness,
                    10,
                    Some((11, Ending::AnswerChanged))
                ),
                line(WarningSign::StrengthLoss, 5, None),
                SignLine {
                    sign: WarningSign::FeverWeightLoss,
                    ticked: d(2025, 3, 1),
                    ended: Some((d(2026, 11, 1), Ending::Cleared(ClearReason::DoctorSeen))),
                },
                line(
                    WarningSign::Accident,
                    2,
                    Some((9, Ending::Cleared(ClearReason::Passed)))
                ),
            ]
        );
        assert!(sign_lines(&SafetyCheck::new()).is_empty());
    }

    #[test]
    fn the_ladder_runs_to_the_smart_goal_with_the_same_steps_left_on_coach_goal_and_summary() {
        use crate::coach::{steps_left, PlanDay};
        use crate::progress::{on_goal_ladder, GoalStatus};
        let today = d(2026, 11, 23);
        // An activity without its own goal (the old bug: a 10-13 ladder, "step 4 of 4")
        // and a SMART goal of 30 minutes set on the progress screen.
        let mut walk = walking("walk", false);
        walk.goal = None;
        let goal = Goal {
            id: "g1".into(),
            activity_id: "walk".into(),
            situation: "Gå til bageren".into(),
            target: a(30.0),
            why: "Rundstykker".into(),
            confidence: 8,
            due: d(2027, 2, 1),
            created: d(2026, 11, 1),
            status: GoalStatus::Active,
        };
        let mut log = Vec::new();
        for (i, back) in [9, 7, 5, 3].into_iter().enumerate() {
            let mut s = session(
                &format!("s{i}"),
                "walk",
                today.add_days(-back),
                true,
                Some(true),
            );
            s.amount = a(if i < 2 { 10.0 } else { 11.0 });
            log.push(s);
        }
        let acts = ActivitiesDoc {
            activities: vec![walk.clone()],
            ..ActivitiesDoc::default()
        };
        for sign_ticked in [false, true] {
            let mut profile = Profile::default();
            if sign_ticked {
                profile.check.set_answer(
                    WarningSign::SaddleNumbness,
                    SignAnswer::Yes,
                    cph(today, 8),
                );
            }
            let diary = diary(vec![], log.clone());
            let summary = build_summary(
                &diary,
                &acts,
                std::slice::from_ref(&goal),
                &[],
                &profile,
                today,
                28,
            );
            // The coach: the activity on the goal's ladder, today's plan.
            let on_ladder = on_goal_ladder(&walk, std::slice::from_ref(&goal));
            let rungs = ladder(&on_ladder);
            assert_eq!(
                rungs.last(),
                Some(&a(30.0)),
                "the ladder ends at the SMART goal"
            );
            let day = PlanDay {
                bad_day: false,
                sign_ticked,
            };
            let plan = plan_for_today(&on_ladder, &log, today, day);
            let coach_left = steps_left(&rungs, plan.amount);
            // The summary's activity line and goal line, and the goal card's progress.
            let (n, of) = summary.activities[0].step.unwrap();
            let progress = summary.goals[0].1.clone().unwrap();
            assert_eq!(of - n, coach_left, "summary step, sign {sign_ticked}");
            assert_eq!(
                progress.steps_left, coach_left,
                "goal card, sign {sign_ticked}"
            );
            assert_eq!(progress.rungs, rungs);
            // The activity table's Mål column is the SMART goal; no diary, no change.
            assert_eq!(summary.activities[0].goal, Some(a(30.0)));
            assert_eq!(summary.change, None);
            let want = if sign_ticked { 11.0 } else { 12.0 };
            assert_eq!(plan.amount, a(want), "held while a sign is ticked");
        }
    }
}
