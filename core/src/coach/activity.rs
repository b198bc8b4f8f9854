//! Activities, their plan B and the ladder from baseline to goal (domain.md §2-§4).

use super::amount::{Amount, AmountError, Unit, UnitError};
use crate::rules::{
    ACTIVITY_NAME_MAX_CHARS, LADDER_MAX_RUNGS, LADDER_SHOWN_ABOVE, LADDER_SHOWN_BELOW,
    LADDER_STEPS_WITHOUT_GOAL, PER_WEEK_MAX, PLAN_B_FRACTION, STEP_FRACTION,
};
use crate::time::Instant;
use std::fmt;

/// Something the patient wants to do or train (domain.md §2).
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    /// Identifier, unique among activities.
    pub id: String,
    /// The patient's name for it ("Gåtur", "Cykling"), trimmed, non-empty.
    pub name: String,
    /// What it is measured in. Never changes once sessions exist.
    pub unit: Unit,
    /// What the patient has managed comfortably during the last 3 months (not before the
    /// pain started); the ladder starts here.
    pub baseline: Amount,
    /// How many times a week it is planned, 1 to [`PER_WEEK_MAX`].
    pub per_week: u8,
    /// The amount the patient wants to reach, at least the baseline.
    pub goal: Option<Amount>,
    /// What to do on a bad day.
    pub plan_b: PlanB,
    /// The patient's own step; `None`: [`STEP_FRACTION`] of the amount, rounded.
    pub custom_step: Option<Amount>,
    /// Archived activities keep their history but are no longer planned.
    pub archived: bool,
    /// When it was created.
    pub created: Instant,
}

/// Plan B of an activity (domain.md §4).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanB {
    /// [`PLAN_B_FRACTION`] of the day's amount, rounded to the unit's grain, at least one
    /// grain (3 sets -> 1 set... by default 50 %: 10 minutes -> 5 minutes).
    Fraction,
    /// An easier activity the patient names: run 20 min -> walk 10 min.
    Easier {
        /// What to do instead ("gå en tur").
        name: String,
        /// How much of it.
        amount: Amount,
        /// In which unit.
        unit: Unit,
    },
}

/// Today's plan B, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanBOffer {
    /// The same activity, less of it.
    Less(Amount),
    /// The easier activity the patient named.
    Easier {
        /// What to do instead.
        name: String,
        /// How much of it.
        amount: Amount,
        /// In which unit.
        unit: Unit,
    },
}

impl Activity {
    /// One step up from `at`: the patient's own step, or [`STEP_FRACTION`] of `at`
    /// rounded to the unit's grain (halves down), at least one grain (domain.md §3).
    pub fn step(&self, at: Amount) -> Amount {
        match self.custom_step {
            Some(step) => step,
            None => self.unit.round_to_grain(at.scaled_milli(STEP_FRACTION), at),
        }
    }

    /// `from` plus one step, but not past the goal when `from` is below it.
    pub fn step_up(&self, from: Amount) -> Amount {
        let up = from.saturating_add(self.step(from));
        match self.goal {
            Some(goal) if from < goal => up.min(goal),
            _ => up,
        }
    }

    /// One step below `from` (for "start a step below when unsure" and when no amount has
    /// been fine yet); `from` itself when it is already a single step or less.
    pub fn step_below(&self, from: Amount) -> Amount {
        from.checked_sub(self.step(from)).unwrap_or(from)
    }

    /// Plan B for a day whose plan is `amount` (domain.md §4).
    pub fn plan_b_for(&self, amount: Amount) -> PlanBOffer {
        match &self.plan_b {
            PlanB::Fraction => PlanBOffer::Less(
                self.unit
                    .round_to_grain(amount.scaled_milli(PLAN_B_FRACTION), amount),
            ),
            PlanB::Easier { name, amount, unit } => PlanBOffer::Easier {
                name: name.clone(),
                amount: *amount,
                unit: unit.clone(),
            },
        }
    }

    /// The values of this activity as a form, for editing.
    pub fn to_draft(&self) -> ActivityDraft {
        ActivityDraft {
            name: self.name.clone(),
            unit: self.unit.clone(),
            baseline: Some(self.baseline),
            per_week: self.per_week,
            goal: self.goal,
            plan_b: self.plan_b.clone(),
            custom_step: self.custom_step,
        }
    }
}

/// The ladder (domain.md §3): the baseline, then each amount one step
/// ([`Activity::step`]) above the one before, up to and including the goal (the last step
/// is shortened to land on it). Without a goal: the baseline and
/// [`LADDER_STEPS_WITHOUT_GOAL`] steps. At most [`LADDER_MAX_RUNGS`] rungs: a goal
/// further away is then not on the ladder.
pub fn ladder(activity: &Activity) -> Vec<Amount> {
    let mut rungs = vec![activity.baseline];
    let mut at = activity.baseline;
    let wanted = match activity.goal {
        Some(_) => LADDER_MAX_RUNGS,
        None => LADDER_STEPS_WITHOUT_GOAL + 1,
    };
    while rungs.len() < wanted.min(LADDER_MAX_RUNGS) {
        if activity.goal.is_some_and(|goal| at >= goal) {
            break;
        }
        let next = activity.step_up(at);
        if next <= at {
            break; // at the largest amount
        }
        rungs.push(next);
        at = next;
    }
    rungs
}

/// The index of the rung the patient stands on when doing `amount`: the highest rung at
/// or below it; `None` below the first rung.
pub fn ladder_position(rungs: &[Amount], amount: Amount) -> Option<usize> {
    rungs.iter().rposition(|r| *r <= amount)
}

/// Ladder steps left from where `amount` stands on `rungs` (its rung, [`ladder_position`];
/// below the first rung counts from the first) to the top. The coach, the goal's progress
/// and the physio's summary all count with this, from today's planned amount
/// ([`super::plan_for_today`]), so they show the same number (domain.md §3).
pub fn steps_left(rungs: &[Amount], amount: Amount) -> usize {
    let last = rungs.len().saturating_sub(1);
    last - ladder_position(rungs, amount).unwrap_or(0).min(last)
}

/// The rungs to draw of a ladder with `len` rungs when the patient stands on `pos`: the
/// first and the last, and around the current one [`LADDER_SHOWN_BELOW`] below and
/// [`LADDER_SHOWN_ABOVE`] above, in order and without repeats. A long ladder (up to
/// [`LADDER_MAX_RUNGS`]) thus stays short on a phone; the text beside it names the step
/// number.
pub fn ladder_window(len: usize, pos: Option<usize>) -> Vec<usize> {
    let Some(last) = len.checked_sub(1) else {
        return Vec::new();
    };
    let at = pos.unwrap_or(0).min(last);
    let lo = at.saturating_sub(LADDER_SHOWN_BELOW);
    let hi = (at + LADDER_SHOWN_ABOVE).min(last);
    let mut shown = vec![0];
    shown.extend((lo..=hi).filter(|&i| i != 0));
    if hi != last {
        shown.push(last);
    }
    shown
}

/// The activity form (domain.md §2, issue 4).
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityDraft {
    /// Name as typed.
    pub name: String,
    /// Unit.
    pub unit: Unit,
    /// Baseline; required.
    pub baseline: Option<Amount>,
    /// How often a week.
    pub per_week: u8,
    /// Optional goal.
    pub goal: Option<Amount>,
    /// Plan B.
    pub plan_b: PlanB,
    /// Optional own step.
    pub custom_step: Option<Amount>,
}

/// Why an activity (or a change to one) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityError {
    /// No name.
    NameEmpty,
    /// Name longer than [`ACTIVITY_NAME_MAX_CHARS`].
    NameTooLong,
    /// An own unit without a word.
    UnitNameEmpty,
    /// An own unit word longer than [`ACTIVITY_NAME_MAX_CHARS`].
    UnitNameTooLong,
    /// No baseline given (a zero baseline is refused earlier, as [`super::AmountError::Zero`]).
    BaselineMissing,
    /// The goal is below the baseline.
    GoalBelowBaseline,
    /// Times a week outside 1 to [`PER_WEEK_MAX`].
    PerWeekOutOfRange,
    /// A plan B activity without a name.
    PlanBNameEmpty,
    /// A plan B activity name longer than [`ACTIVITY_NAME_MAX_CHARS`].
    PlanBNameTooLong,
    /// The unit cannot change once sessions are logged (they would be misread); create a
    /// new activity and archive this one.
    UnitChangeWithHistory,
    /// An activity with sessions cannot be deleted; archive it (history is never lost).
    HasHistory,
}

impl ActivityError {
    /// Translation key: "activity.name_empty", "activity.name_too_long",
    /// "activity.unit_name_empty", "activity.unit_name_too_long",
    /// "activity.baseline_missing", "activity.goal_below_baseline",
    /// "activity.per_week_out_of_range", "activity.plan_b_name_empty",
    /// "activity.plan_b_name_too_long", "activity.unit_change_with_history",
    /// "activity.has_history".
    pub fn key(self) -> &'static str {
        match self {
            ActivityError::NameEmpty => "activity.name_empty",
            ActivityError::NameTooLong => "activity.name_too_long",
            ActivityError::UnitNameEmpty => "activity.unit_name_empty",
            ActivityError::UnitNameTooLong => "activity.unit_name_too_long",
            ActivityError::BaselineMissing => "activity.baseline_missing",
            ActivityError::GoalBelowBaseline => "activity.goal_below_baseline",
            ActivityError::PerWeekOutOfRange => "activity.per_week_out_of_range",
            ActivityError::PlanBNameEmpty => "activity.plan_b_name_empty",
            ActivityError::PlanBNameTooLong => "activity.plan_b_name_too_long",
            ActivityError::UnitChangeWithHistory => "activity.unit_change_with_history",
            ActivityError::HasHistory => "activity.has_history",
        }
    }
}

impl fmt::Display for ActivityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for ActivityError {}

fn unit_error(e: UnitError) -> ActivityError {
    match e {
        UnitError::NameEmpty => ActivityError::UnitNameEmpty,
        UnitError::NameTooLong => ActivityError::UnitNameTooLong,
    }
}

/// `name` trimmed, or `empty` / `too_long`.
fn checked_name(
    name: &str,
    empty: ActivityError,
    too_long: ActivityError,
) -> Result<String, ActivityError> {
    let name = name.trim();
    if name.is_empty() {
        Err(empty)
    } else if name.chars().count() > ACTIVITY_NAME_MAX_CHARS {
        Err(too_long)
    } else {
        Ok(name.to_string())
    }
}

/// The activity form as the patient fills it in: every amount as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityInput {
    /// Name as typed.
    pub name: String,
    /// The chosen unit's key ([`Unit::key`]); any other key is the own unit.
    pub unit_key: String,
    /// The own unit's word (used when `unit_key` is no built-in unit).
    pub own_unit: String,
    /// Baseline as typed (required; the core names it missing).
    pub baseline: String,
    /// How often a week as typed; not a number counts as 0 (refused by the core).
    pub per_week: String,
    /// Goal as typed (optional).
    pub goal: String,
    /// Own step as typed (optional).
    pub step: String,
    /// Plan B is an easier activity, not a smaller amount.
    pub easier: bool,
    /// The easier activity's name.
    pub easier_name: String,
    /// The easier activity's amount as typed (required when `easier`).
    pub easier_amount: String,
    /// "Unsure? Start a step below".
    pub below: bool,
}

/// An amount field of the activity form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountField {
    /// The baseline.
    Baseline,
    /// The goal.
    Goal,
    /// The own step.
    Step,
    /// The easier plan B's amount.
    PlanB,
}

/// Why the activity form cannot be read: the first amount field in form order that is
/// not an amount of the chosen unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivityInputError {
    /// The field.
    pub field: AmountField,
    /// What is wrong with it.
    pub error: AmountError,
}

impl ActivityInput {
    /// The chosen unit: a built-in one by its key, otherwise the own word.
    pub fn unit(&self) -> Unit {
        Unit::BUILT_IN
            .into_iter()
            .find(|u| u.key() == self.unit_key)
            .unwrap_or_else(|| Unit::Custom(self.own_unit.clone()))
    }

    /// The draft of this form: each amount field empty (`None`) or parsed for the chosen
    /// unit, in form order (baseline, goal, step, the easier plan B's amount, which is
    /// required); "start a step below" applied. The rest (name, unit, baseline required,
    /// per week, the ladder) is [`ActivityDraft::validate`]'s question.
    pub fn to_draft(&self) -> Result<ActivityDraft, ActivityInputError> {
        let unit = self.unit();
        let amount =
            |text: &str, field: AmountField| -> Result<Option<Amount>, ActivityInputError> {
                if text.trim().is_empty() {
                    return Ok(None);
                }
                Amount::parse_for(text, &unit)
                    .map(Some)
                    .map_err(|error| ActivityInputError { field, error })
            };
        let baseline = amount(&self.baseline, AmountField::Baseline)?;
        let goal = amount(&self.goal, AmountField::Goal)?;
        let custom_step = amount(&self.step, AmountField::Step)?;
        let plan_b = if self.easier {
            match amount(&self.easier_amount, AmountField::PlanB)? {
                Some(amount) => PlanB::Easier {
                    name: self.easier_name.clone(),
                    amount,
                    unit: unit.clone(),
                },
                None => {
                    return Err(ActivityInputError {
                        field: AmountField::PlanB,
                        error: AmountError::Empty,
                    })
                }
            }
        } else {
            PlanB::Fraction
        };
        let draft = ActivityDraft {
            name: self.name.clone(),
            unit,
            baseline,
            per_week: self.per_week.trim().parse().unwrap_or(0),
            goal,
            plan_b,
            custom_step,
        };
        Ok(if self.below {
            draft.start_a_step_below()
        } else {
            draft
        })
    }
}

impl ActivityDraft {
    /// "Unsure? Start a step below" (domain.md §3), chosen in the form: the draft with its
    /// baseline one step lower ([`Activity::step_below`] with this draft's unit and own
    /// step). Without a baseline, unchanged.
    pub fn start_a_step_below(mut self) -> ActivityDraft {
        if let Some(base) = self.baseline {
            let probe = Activity {
                id: String::new(),
                name: String::new(),
                unit: self.unit.clone(),
                baseline: base,
                per_week: 1,
                goal: None,
                plan_b: PlanB::Fraction,
                custom_step: self.custom_step,
                archived: false,
                created: Instant {
                    utc_secs: 0,
                    offset_min: 0,
                },
            };
            self.baseline = Some(probe.step_below(base));
        }
        self
    }

    /// The draft with names trimmed, if it is valid; the first problem otherwise, in form
    /// order: name, unit, baseline, per week, goal, plan B.
    pub fn validate(&self) -> Result<ActivityDraft, ActivityError> {
        let name = checked_name(
            &self.name,
            ActivityError::NameEmpty,
            ActivityError::NameTooLong,
        )?;
        let unit = self.unit.validated().map_err(unit_error)?;
        let baseline = self.baseline.ok_or(ActivityError::BaselineMissing)?;
        if !(1..=PER_WEEK_MAX).contains(&self.per_week) {
            return Err(ActivityError::PerWeekOutOfRange);
        }
        if self.goal.is_some_and(|goal| goal < baseline) {
            return Err(ActivityError::GoalBelowBaseline);
        }
        let plan_b = match &self.plan_b {
            PlanB::Fraction => PlanB::Fraction,
            PlanB::Easier { name, amount, unit } => PlanB::Easier {
                name: checked_name(
                    name,
                    ActivityError::PlanBNameEmpty,
                    ActivityError::PlanBNameTooLong,
                )?,
                amount: *amount,
                unit: unit.validated().map_err(unit_error)?,
            },
        };
        Ok(ActivityDraft {
            name,
            unit,
            baseline: Some(baseline),
            per_week: self.per_week,
            goal: self.goal,
            plan_b,
            custom_step: self.custom_step,
        })
    }

    /// A new activity from the form.
    pub fn into_activity(self, id: String, created: Instant) -> Result<Activity, ActivityError> {
        let valid = self.validate()?;
        let baseline = valid.baseline.ok_or(ActivityError::BaselineMissing)?;
        Ok(Activity {
            id,
            name: valid.name,
            unit: valid.unit,
            baseline,
            per_week: valid.per_week,
            goal: valid.goal,
            plan_b: valid.plan_b,
            custom_step: valid.custom_step,
            archived: false,
            created,
        })
    }

    /// `old` edited with this form. Keeps id, creation time and archived state. With
    /// sessions logged (`has_sessions`), the unit cannot change
    /// ([`ActivityError::UnitChangeWithHistory`]).
    pub fn apply_to(self, old: &Activity, has_sessions: bool) -> Result<Activity, ActivityError> {
        let mut edited = self.into_activity(old.id.clone(), old.created)?;
        if has_sessions && edited.unit != old.unit {
            return Err(ActivityError::UnitChangeWithHistory);
        }
        edited.archived = old.archived;
        Ok(edited)
    }
}

/// Whether an activity may be deleted: only without sessions; otherwise
/// [`ActivityError::HasHistory`] (archive it instead).
pub fn check_delete(has_sessions: bool) -> Result<(), ActivityError> {
    if has_sessions {
        Err(ActivityError::HasHistory)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::a;
    use crate::time::Date;

    #[test]
    fn a_long_ladder_shows_the_ends_and_the_steps_around_the_current_one() {
        // (len, pos, shown)
        let cases: [(usize, Option<usize>, &[usize]); 7] = [
            (0, None, &[]),
            (1, Some(0), &[0]),
            (4, Some(0), &[0, 1, 2, 3]),
            (4, None, &[0, 1, 2, 3]),
            (20, Some(0), &[0, 1, 2, 19]),
            (20, Some(10), &[0, 9, 10, 11, 12, 19]),
            (20, Some(19), &[0, 18, 19]),
        ];
        for (len, pos, shown) in cases {
            assert_eq!(ladder_window(len, pos), shown, "len {len}, pos {pos:?}");
        }
    }

    #[test]
    fn the_activity_form_reads_each_amount_for_its_unit_and_names_the_first_wrong_field() {
        use AmountField::{Baseline, Goal, Step};
        let form = ActivityInput {
            name: "Gåtur".into(),
            unit_key: "minutes".into(),
            baseline: "10".into(),
            per_week: " 5 ".into(),
            ..ActivityInput::default()
        };
        let wrong = |field, error| Err(ActivityInputError { field, error });
        let cases: [(ActivityInput, Result<(), ActivityInputError>); 7] = [
            (form.clone(), Ok(())),
            // An empty baseline is the core's "required" later, not a parse error.
            (
                ActivityInput {
                    baseline: " ".into(),
                    ..form.clone()
                },
                Ok(()),
            ),
            (
                ActivityInput {
                    baseline: "x".into(),
                    goal: "y".into(),
                    ..form.clone()
                },
                wrong(Baseline, AmountError::NotANumber),
            ),
            (
                ActivityInput {
                    goal: "y".into(),
                    step: "z".into(),
                    ..form.clone()
                },
                wrong(Goal, AmountError::NotANumber),
            ),
            (
                ActivityInput {
                    step: "z".into(),
                    ..form.clone()
                },
                wrong(Step, AmountError::NotANumber),
            ),
            (
                ActivityInput {
                    easier: true,
                    ..form.clone()
                },
                wrong(AmountField::PlanB, AmountError::Empty),
            ),
            (
                ActivityInput {
                    easier: true,
                    easier_amount: "q".into(),
                    ..form.clone()
                },
                wrong(AmountField::PlanB, AmountError::NotANumber),
            ),
        ];
        for (f, expected) in cases {
            assert_eq!(f.to_draft().map(|_| ()), expected, "{f:?}");
        }
        let draft = ActivityInput {
            goal: "30".into(),
            easier: true,
            easier_name: "Cykel".into(),
            easier_amount: "5".into(),
            ..form.clone()
        }
        .to_draft()
        .unwrap();
        assert_eq!((draft.unit.clone(), draft.per_week), (Unit::Minutes, 5));
        assert_eq!((draft.baseline, draft.goal), (Some(a(10.0)), Some(a(30.0))));
        assert!(matches!(draft.plan_b, PlanB::Easier { ref name, .. } if name == "Cykel"));
        // Not a number a week is 0 (refused by the core); an unknown key is the own unit.
        let own = ActivityInput {
            unit_key: "custom".into(),
            own_unit: "runder".into(),
            per_week: "ofte".into(),
            ..form.clone()
        };
        let draft = own.to_draft().unwrap();
        assert_eq!(
            (draft.unit, draft.per_week),
            (Unit::Custom("runder".into()), 0)
        );
        // "Start a step below" lowers the baseline.
        let below = ActivityInput {
            below: true,
            ..form
        }
        .to_draft()
        .unwrap();
        assert!(below.baseline < Some(a(10.0)), "{below:?}");
    }

    fn created() -> Instant {
        Instant::from_local(Date::new(2026, 11, 23).unwrap(), 9, 0, 0, 60).unwrap()
    }

    fn activity(unit: Unit, baseline: f64, goal: Option<f64>) -> Activity {
        ActivityDraft {
            name: "Gåtur".into(),
            unit,
            baseline: Some(a(baseline)),
            per_week: 5,
            goal: goal.map(a),
            plan_b: PlanB::Fraction,
            custom_step: None,
        }
        .into_activity("w".into(), created())
        .unwrap()
    }

    #[test]
    fn a_step_is_ten_percent_rounded_to_the_units_grain_and_at_least_one_grain() {
        // (unit, amount, expected step)
        let cases = [
            (Unit::Minutes, 10.0, 1.0),
            (Unit::Minutes, 5.0, 1.0),  // 0.5 -> at least one minute
            (Unit::Minutes, 15.0, 1.0), // 1.5: halves round down
            (Unit::Minutes, 16.0, 2.0), // 1.6 -> 2
            (Unit::Minutes, 60.0, 6.0),
            (Unit::Repetitions, 8.0, 1.0),
            (Unit::Repetitions, 30.0, 3.0),
            (Unit::Sets, 1.0, 1.0),
            (Unit::Sets, 3.0, 1.0),
            (Unit::Km, 1.0, 0.1),
            (Unit::Km, 2.0, 0.2),
            (Unit::Km, 4.9, 0.5), // 0.49 -> 0.5 at the fine grain
            (Unit::Km, 5.0, 0.5),
            (Unit::Km, 12.0, 1.0), // 1.2 -> 1.0 at the coarse grain
            (Unit::Steps, 3000.0, 300.0),
            (Unit::Steps, 500.0, 100.0),  // 50 -> at least 100 steps
            (Unit::Steps, 4500.0, 400.0), // 450: halves down
            (Unit::Kg, 2.0, 0.5),
            (Unit::Kg, 12.0, 1.0),
            (Unit::Kg, 30.0, 2.5),
            (Unit::Kg, 60.0, 5.0),
            (Unit::Custom("trapper".into()), 4.0, 1.0),
            (Unit::Custom("trapper".into()), 40.0, 4.0),
        ];
        for (unit, at, step) in cases {
            let act = activity(unit.clone(), at, None);
            assert_eq!(act.step(a(at)), a(step), "{unit:?} at {at}");
        }
    }

    #[test]
    fn the_patient_may_set_another_step() {
        let mut act = activity(Unit::Minutes, 10.0, None);
        act.custom_step = Some(a(5.0));
        assert_eq!(act.step(a(10.0)), a(5.0));
        assert_eq!(ladder(&act), vec![a(10.0), a(15.0), a(20.0), a(25.0)]);
    }

    #[test]
    fn the_ladder_goes_from_baseline_to_goal_and_lands_on_the_goal() {
        let act = activity(Unit::Minutes, 10.0, Some(15.0));
        assert_eq!(
            ladder(&act),
            vec![a(10.0), a(11.0), a(12.0), a(13.0), a(14.0), a(15.0)]
        );
        let act = activity(Unit::Km, 2.0, Some(3.0));
        assert_eq!(
            ladder(&act),
            vec![a(2.0), a(2.2), a(2.4), a(2.6), a(2.9), a(3.0)]
        );
        let act = activity(Unit::Minutes, 10.0, Some(10.0));
        assert_eq!(ladder(&act), vec![a(10.0)], "goal reached already");
    }

    #[test]
    fn without_a_goal_the_ladder_shows_a_few_steps_ahead() {
        let act = activity(Unit::Minutes, 10.0, None);
        assert_eq!(ladder(&act), vec![a(10.0), a(11.0), a(12.0), a(13.0)]);
    }

    #[test]
    fn a_far_goal_is_capped_at_the_most_rungs() {
        let act = activity(Unit::Steps, 100.0, Some(1_000_000.0));
        let rungs = ladder(&act);
        assert_eq!(rungs.len(), LADDER_MAX_RUNGS);
        assert!(rungs.windows(2).all(|w| w[0] < w[1]));
        assert!(*rungs.last().unwrap() < a(1_000_000.0));
    }

    #[test]
    fn the_current_step_is_the_highest_rung_at_or_below_the_amount() {
        let rungs = [a(10.0), a(11.0), a(12.0)];
        assert_eq!(ladder_position(&rungs, a(9.0)), None);
        assert_eq!(ladder_position(&rungs, a(10.0)), Some(0));
        assert_eq!(ladder_position(&rungs, a(11.5)), Some(1));
        assert_eq!(ladder_position(&rungs, a(30.0)), Some(2));
    }

    #[test]
    fn plan_b_is_half_the_amount_rounded_or_the_easier_activity() {
        let cases = [
            (Unit::Minutes, 10.0, 5.0),
            (Unit::Minutes, 11.0, 5.0), // 5.5: halves down
            (Unit::Minutes, 1.0, 1.0),  // at least one grain
            (Unit::Sets, 3.0, 1.0),     // 1.5 -> 1 set (the seeds' 3 sets -> 1 set)
            (Unit::Km, 5.0, 2.5),
            (Unit::Km, 5.5, 2.5), // 2.75 at the 0.5 grain of 5.5 km -> 2.5
            (Unit::Steps, 3000.0, 1500.0),
            (Unit::Kg, 3.0, 1.5),
        ];
        for (unit, amount, b) in cases {
            let act = activity(unit.clone(), amount, None);
            assert_eq!(
                act.plan_b_for(a(amount)),
                PlanBOffer::Less(a(b)),
                "{unit:?} {amount}"
            );
        }
        let mut run = activity(Unit::Minutes, 20.0, None);
        run.plan_b = PlanB::Easier {
            name: "Gå".into(),
            amount: a(10.0),
            unit: Unit::Minutes,
        };
        assert_eq!(
            run.plan_b_for(a(20.0)),
            PlanBOffer::Easier {
                name: "Gå".into(),
                amount: a(10.0),
                unit: Unit::Minutes
            }
        );
    }

    #[test]
    fn a_step_below_never_reaches_zero() {
        let act = activity(Unit::Minutes, 10.0, None);
        assert_eq!(act.step_below(a(10.0)), a(9.0));
        assert_eq!(act.step_below(a(1.0)), a(1.0));
        assert_eq!(act.step_below(a(0.5)), a(0.5));
    }

    #[test]
    fn every_invalid_activity_form_is_refused_with_its_reason() {
        use ActivityError::*;
        let good = activity(Unit::Minutes, 10.0, Some(20.0)).to_draft();
        let with = |f: &dyn Fn(&mut ActivityDraft)| {
            let mut d = good.clone();
            f(&mut d);
            d.validate()
        };
        assert!(good.validate().is_ok());
        type Change<'a> = &'a dyn Fn(&mut ActivityDraft);
        let cases: [(Change, ActivityError); 10] = [
            (&|d| d.name = "  ".into(), NameEmpty),
            (&|d| d.name = "x".repeat(61), NameTooLong),
            (&|d| d.unit = Unit::Custom(" ".into()), UnitNameEmpty),
            (&|d| d.unit = Unit::Custom("y".repeat(61)), UnitNameTooLong),
            (&|d| d.baseline = None, BaselineMissing),
            (&|d| d.per_week = 0, PerWeekOutOfRange),
            (&|d| d.per_week = PER_WEEK_MAX + 1, PerWeekOutOfRange),
            (&|d| d.goal = Some(a(9.0)), GoalBelowBaseline),
            (
                &|d| {
                    d.plan_b = PlanB::Easier {
                        name: "".into(),
                        amount: a(1.0),
                        unit: Unit::Minutes,
                    }
                },
                PlanBNameEmpty,
            ),
            (
                &|d| {
                    d.plan_b = PlanB::Easier {
                        name: "z".repeat(61),
                        amount: a(1.0),
                        unit: Unit::Minutes,
                    }
                },
                PlanBNameTooLong,
            ),
        ];
        for (change, err) in cases {
            assert_eq!(with(change), Err(err), "{}", err.key());
        }
        assert_eq!(
            with(&|d| d.name = "  Gåtur i skoven ".into()).unwrap().name,
            "Gåtur i skoven"
        );
        assert!(with(&|d| d.goal = Some(a(10.0))).is_ok(), "goal = baseline");
        assert!(with(&|d| d.per_week = PER_WEEK_MAX).is_ok());
    }

    #[test]
    fn the_unit_cannot_change_once_sessions_exist_and_history_is_never_deleted() {
        let old = activity(Unit::Minutes, 10.0, None);
        let mut draft = old.to_draft();
        draft.unit = Unit::Km;
        assert_eq!(
            draft.clone().apply_to(&old, true),
            Err(ActivityError::UnitChangeWithHistory)
        );
        let edited = draft.apply_to(&old, false).unwrap();
        assert_eq!((edited.unit, edited.id.as_str()), (Unit::Km, "w"));

        let mut archived = old.clone();
        archived.archived = true;
        let mut draft = archived.to_draft();
        draft.baseline = Some(a(12.0));
        let edited = draft.apply_to(&archived, true).unwrap();
        assert!(edited.archived, "editing keeps the archived state");
        assert_eq!(edited.baseline, a(12.0));

        assert_eq!(check_delete(true), Err(ActivityError::HasHistory));
        assert_eq!(check_delete(false), Ok(()));
        assert_eq!(ActivityError::HasHistory.key(), "activity.has_history");
    }

    #[test]
    fn unsure_start_a_step_below_is_a_choice_that_lowers_the_baseline_one_step() {
        // (unit, baseline, own step, started at)
        let cases = [
            (Unit::Minutes, 10.0, None, 9.0),
            (Unit::Minutes, 1.0, None, 1.0), // never to zero
            (Unit::Km, 5.0, None, 4.5),
            (Unit::Minutes, 20.0, Some(5.0), 15.0),
        ];
        for (unit, base, own, start) in cases {
            let mut draft = activity(unit.clone(), base, None).to_draft();
            draft.custom_step = own.map(a);
            let lowered = draft.clone().start_a_step_below();
            assert_eq!(lowered.baseline, Some(a(start)), "{unit:?} {base}");
            assert_eq!(
                ladder(&lowered.into_activity("x".into(), created()).unwrap())[0],
                a(start)
            );
        }
        let mut empty = activity(Unit::Minutes, 10.0, None).to_draft();
        empty.baseline = None;
        assert_eq!(empty.clone().start_a_step_below(), empty);
    }

    #[test]
    fn steps_left_count_from_the_rung_of_the_amount_to_the_top() {
        let rungs = [a(10.0), a(11.0), a(12.0), a(13.0)];
        let cases = [
            (9.0, 3),
            (10.0, 3),
            (11.0, 2),
            (12.5, 1),
            (13.0, 0),
            (20.0, 0),
        ];
        for (amount, left) in cases {
            assert_eq!(steps_left(&rungs, a(amount)), left, "{amount}");
        }
        assert_eq!(steps_left(&[], a(1.0)), 0);
    }
}
