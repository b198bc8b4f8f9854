//! The physiotherapist's plan form as typed (domain.md §10): every field a string or a
//! choice, read into a [`PlanLink`] here, in the core, so the page only gathers its fields
//! and words the error. Reading goes in form order and stops at the first problem: each
//! activity's amounts (baseline, step, goal, the easier plan B's amount), then the goal
//! date, then the own pain limits, then the plan's rules ([`PlanLink::validate`]).

use super::plan_link::{PlanActivity, PlanError, PlanGoal, PlanLink};
use crate::coach::{Amount, AmountError, AmountField, PainLimits, PlanB, Unit};
use crate::time::Date;
use std::fmt;

/// One activity of the plan form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanActivityInput {
    /// Name as typed.
    pub name: String,
    /// The chosen unit's key ([`Unit::key`]); any other key is the own unit.
    pub unit_key: String,
    /// The own unit's word (used when `unit_key` is no built-in unit).
    pub own_unit: String,
    /// Baseline as typed (required).
    pub baseline: String,
    /// How often a week as typed; not a number counts as 0 (refused by
    /// [`PlanLink::validate`]).
    pub per_week: String,
    /// Own step as typed (optional).
    pub step: String,
    /// Goal amount as typed (optional).
    pub goal: String,
    /// Plan B is an easier activity, not a smaller amount.
    pub easier: bool,
    /// The easier activity's name.
    pub easier_name: String,
    /// The easier activity's amount as typed (required when `easier`).
    pub easier_amount: String,
}

/// The whole plan form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanInput {
    /// The activities, in form order.
    pub activities: Vec<PlanActivityInput>,
    /// The goal in words (optional; no goal when empty).
    pub goal_text: String,
    /// The goal date as the date field gives it, `yyyy-mm-dd` (optional).
    pub goal_date: String,
    /// Own pain-monitoring limits instead of the default.
    pub own_limits: bool,
    /// Highest "safe" pain as typed (read when `own_limits`).
    pub safe_max: String,
    /// Highest "acceptable" pain as typed (read when `own_limits`).
    pub acceptable_max: String,
    /// The note to the patient.
    pub note: String,
}

/// Why the plan form cannot be made into a plan: the first problem in form order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanInputError {
    /// An amount field of an activity is empty where required, or not an amount of the
    /// activity's unit.
    Amount {
        /// Which activity (0-based).
        activity: usize,
        /// Which field.
        field: AmountField,
        /// What is wrong with it.
        error: AmountError,
    },
    /// The goal date is not a date.
    InvalidDate,
    /// An own pain limit is not a whole number.
    LimitsNotNumbers,
    /// Own pain limits not in order ("safe" above "acceptable"), or above 10.
    LimitsOutOfOrder,
    /// The plan breaks a plan rule ([`PlanLink::validate`]).
    Plan(PlanError),
}

impl PlanInputError {
    /// Translation key: the amount's own key ("amount.empty", …),
    /// "plan_input.invalid_date", "plan_input.limits_not_numbers",
    /// "plan_input.limits_out_of_order", or the plan error's own key.
    pub fn key(self) -> &'static str {
        match self {
            PlanInputError::Amount { error, .. } => error.key(),
            PlanInputError::InvalidDate => "plan_input.invalid_date",
            PlanInputError::LimitsNotNumbers => "plan_input.limits_not_numbers",
            PlanInputError::LimitsOutOfOrder => "plan_input.limits_out_of_order",
            PlanInputError::Plan(e) => e.key(),
        }
    }
}

impl fmt::Display for PlanInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanInputError::Amount {
                activity, field, ..
            } => write!(f, "{} (activity {activity}, {field:?})", self.key()),
            PlanInputError::Plan(e) => e.fmt(f),
            _ => f.write_str(self.key()),
        }
    }
}

impl std::error::Error for PlanInputError {}

impl PlanActivityInput {
    /// The chosen unit: a built-in one by its key, otherwise the own word, trimmed.
    pub fn unit(&self) -> Unit {
        Unit::BUILT_IN
            .into_iter()
            .find(|u| u.key() == self.unit_key)
            .unwrap_or_else(|| Unit::Custom(self.own_unit.trim().to_string()))
    }

    /// The plan activity of this form (the `activity`-th, 0-based, for the error): the
    /// baseline is required, step and goal are optional, the easier plan B's amount is
    /// required when chosen; each parsed for the chosen unit ([`Amount::parse_for`]).
    /// Names are trimmed. The rest (name, unit word, times a week, goal not below the
    /// baseline) is [`PlanLink::validate`]'s question.
    pub fn to_plan_activity(&self, activity: usize) -> Result<PlanActivity, PlanInputError> {
        let unit = self.unit();
        let amount = |text: &str, field: AmountField| -> Result<Option<Amount>, PlanInputError> {
            if text.trim().is_empty() {
                return Ok(None);
            }
            Amount::parse_for(text, &unit)
                .map(Some)
                .map_err(|error| PlanInputError::Amount {
                    activity,
                    field,
                    error,
                })
        };
        let required = |text: &str, field: AmountField| -> Result<Amount, PlanInputError> {
            amount(text, field)?.ok_or(PlanInputError::Amount {
                activity,
                field,
                error: AmountError::Empty,
            })
        };
        let baseline = required(&self.baseline, AmountField::Baseline)?;
        let step = amount(&self.step, AmountField::Step)?;
        let goal = amount(&self.goal, AmountField::Goal)?;
        let plan_b = if self.easier {
            PlanB::Easier {
                name: self.easier_name.trim().to_string(),
                amount: required(&self.easier_amount, AmountField::PlanB)?,
                unit: unit.clone(),
            }
        } else {
            PlanB::Fraction
        };
        Ok(PlanActivity {
            name: self.name.trim().to_string(),
            unit,
            baseline,
            per_week: self.per_week.trim().parse().unwrap_or(0),
            step,
            goal,
            plan_b,
        })
    }
}

impl PlanInput {
    /// The plan of this form, checked ([`PlanLink::validate`]), or the first problem in
    /// form order: the activities' amounts, the goal date (empty: none), the own limits
    /// (whole numbers, in order; ignored unless `own_limits`), then the plan's rules. The
    /// goal exists only with a text; the texts are trimmed.
    pub fn to_plan(&self) -> Result<PlanLink, PlanInputError> {
        let activities = self
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| a.to_plan_activity(i))
            .collect::<Result<Vec<_>, _>>()?;
        let date_text = self.goal_date.trim();
        let date = if date_text.is_empty() {
            None
        } else {
            Some(Date::parse_iso(date_text).ok_or(PlanInputError::InvalidDate)?)
        };
        let text = self.goal_text.trim().to_string();
        let goal = (!text.is_empty()).then_some(PlanGoal { text, date });
        let limits = if self.own_limits {
            let n = |s: &str| s.trim().parse::<u8>().ok();
            match (n(&self.safe_max), n(&self.acceptable_max)) {
                (Some(s), Some(a)) => {
                    Some(PainLimits::new(s, a).ok_or(PlanInputError::LimitsOutOfOrder)?)
                }
                _ => return Err(PlanInputError::LimitsNotNumbers),
            }
        } else {
            None
        };
        let plan = PlanLink {
            activities,
            goal,
            limits,
            note: self.note.trim().to_string(),
        };
        plan.validate().map_err(PlanInputError::Plan)?;
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::ActivityError;
    use crate::rules::{PAIN_MAX, PER_WEEK_MAX, PLAN_MAX_ACTIVITIES, PLAN_TEXT_MAX_CHARS};
    use crate::testkit::{a, d};

    /// A walk of 15 minutes, three times a week, nothing else filled in.
    fn walk() -> PlanActivityInput {
        PlanActivityInput {
            name: " Gåtur ".into(),
            unit_key: "minutes".into(),
            baseline: "15".into(),
            per_week: "3".into(),
            ..PlanActivityInput::default()
        }
    }

    fn form(activities: Vec<PlanActivityInput>) -> PlanInput {
        PlanInput {
            activities,
            ..PlanInput::default()
        }
    }

    fn amount_err(activity: usize, field: AmountField, error: AmountError) -> PlanInputError {
        PlanInputError::Amount {
            activity,
            field,
            error,
        }
    }

    #[test]
    fn a_full_form_gives_the_plan_it_describes() {
        let cycling = PlanActivityInput {
            name: "Cykling".into(),
            unit_key: "km".into(),
            baseline: "2,5".into(),
            per_week: " 2 ".into(),
            step: "0,5".into(),
            goal: "10".into(),
            easier: true,
            easier_name: "  Gå en tur ".into(),
            easier_amount: "1".into(),
            ..PlanActivityInput::default()
        };
        let stairs = PlanActivityInput {
            name: "Trapper".into(),
            unit_key: "custom".into(),
            own_unit: " trin ".into(),
            baseline: "4".into(),
            per_week: "5".into(),
            goal: "12".into(),
            ..PlanActivityInput::default()
        };
        let input = PlanInput {
            activities: vec![walk(), cycling, stairs],
            goal_text: "  Gå til bageren  ".into(),
            goal_date: "2027-03-01".into(),
            own_limits: true,
            safe_max: " 2 ".into(),
            acceptable_max: "6".into(),
            note: " Ring hvis det går galt. ".into(),
        };
        let plan = input.to_plan().unwrap();
        assert_eq!(
            plan,
            PlanLink {
                activities: vec![
                    PlanActivity {
                        name: "Gåtur".into(),
                        unit: Unit::Minutes,
                        baseline: a(15.0),
                        per_week: 3,
                        step: None,
                        goal: None,
                        plan_b: PlanB::Fraction,
                    },
                    PlanActivity {
                        name: "Cykling".into(),
                        unit: Unit::Km,
                        baseline: a(2.5),
                        per_week: 2,
                        step: Some(a(0.5)),
                        goal: Some(a(10.0)),
                        plan_b: PlanB::Easier {
                            name: "Gå en tur".into(),
                            amount: a(1.0),
                            unit: Unit::Km,
                        },
                    },
                    PlanActivity {
                        name: "Trapper".into(),
                        unit: Unit::Custom("trin".into()),
                        baseline: a(4.0),
                        per_week: 5,
                        step: None,
                        goal: Some(a(12.0)),
                        plan_b: PlanB::Fraction,
                    },
                ],
                goal: Some(PlanGoal {
                    text: "Gå til bageren".into(),
                    date: Some(d(2027, 3, 1)),
                }),
                limits: PainLimits::new(2, 6),
                note: "Ring hvis det går galt.".into(),
            }
        );
    }

    #[test]
    fn one_activity_and_nothing_else_is_a_plan_with_the_default_limits() {
        let plan = form(vec![walk()]).to_plan().unwrap();
        assert_eq!(plan.activities.len(), 1);
        assert_eq!(plan.goal, None);
        assert_eq!(plan.limits, None);
        assert_eq!(plan.note, "");
    }

    #[test]
    fn the_baseline_is_required() {
        for empty in ["", "   "] {
            let mut w = walk();
            w.baseline = empty.into();
            assert_eq!(
                form(vec![w]).to_plan(),
                Err(amount_err(0, AmountField::Baseline, AmountError::Empty)),
                "{empty:?}"
            );
        }
    }

    #[test]
    fn a_bad_amount_names_its_activity_and_field() {
        type Set = fn(&mut PlanActivityInput, &str);
        let fields: [(AmountField, Set); 4] = [
            (AmountField::Baseline, |w, v| w.baseline = v.into()),
            (AmountField::Step, |w, v| w.step = v.into()),
            (AmountField::Goal, |w, v| w.goal = v.into()),
            (AmountField::PlanB, |w, v| {
                w.easier = true;
                w.easier_name = "Cykel".into();
                w.easier_amount = v.into();
            }),
        ];
        let cases = [
            ("x", AmountError::NotANumber),
            ("-2", AmountError::Negative),
            ("0", AmountError::Zero),
            ("1,0001", AmountError::TooManyDecimals),
        ];
        for (field, set) in fields {
            for (text, error) in cases {
                let mut second = walk();
                set(&mut second, text);
                assert_eq!(
                    form(vec![walk(), second]).to_plan(),
                    Err(amount_err(1, field, error)),
                    "{field:?} {text:?}"
                );
            }
        }
    }

    #[test]
    fn the_first_bad_field_in_form_order_is_named() {
        let mut w = walk();
        w.baseline = "x".into();
        w.step = "y".into();
        assert_eq!(
            form(vec![w.clone()]).to_plan(),
            Err(amount_err(
                0,
                AmountField::Baseline,
                AmountError::NotANumber
            ))
        );
        w.baseline = "15".into();
        w.goal = "z".into();
        assert_eq!(
            form(vec![w.clone()]).to_plan(),
            Err(amount_err(0, AmountField::Step, AmountError::NotANumber))
        );
        // An activity's amounts come before the date, the limits and the plan's rules.
        let input = PlanInput {
            activities: vec![w],
            goal_date: "nej".into(),
            own_limits: true,
            safe_max: "x".into(),
            ..PlanInput::default()
        };
        assert_eq!(
            input.to_plan(),
            Err(amount_err(0, AmountField::Step, AmountError::NotANumber))
        );
    }

    #[test]
    fn an_easier_plan_b_needs_an_amount_and_a_smaller_amount_does_not() {
        let mut w = walk();
        w.easier = true;
        w.easier_name = "Cykel".into();
        assert_eq!(
            form(vec![w.clone()]).to_plan(),
            Err(amount_err(0, AmountField::PlanB, AmountError::Empty))
        );
        // The amount typed for an easier plan B is not read once "half" is chosen again.
        w.easier = false;
        w.easier_amount = "x".into();
        let plan = form(vec![w]).to_plan().unwrap();
        assert_eq!(plan.activities[0].plan_b, PlanB::Fraction);
    }

    #[test]
    fn an_easier_plan_b_without_a_name_is_refused_by_the_plan_rules() {
        let mut w = walk();
        w.easier = true;
        w.easier_name = "  ".into();
        w.easier_amount = "5".into();
        assert_eq!(
            form(vec![w]).to_plan(),
            Err(PlanInputError::Plan(PlanError::Activity {
                activity: 0,
                error: ActivityError::PlanBNameEmpty
            }))
        );
    }

    #[test]
    fn whole_units_refuse_fractions() {
        let mut w = walk();
        w.unit_key = "repetitions".into();
        w.baseline = "2,5".into();
        assert_eq!(
            form(vec![w]).to_plan(),
            Err(amount_err(0, AmountField::Baseline, AmountError::NotWhole))
        );
    }

    #[test]
    fn an_own_unit_is_the_trimmed_word_and_must_have_one() {
        let mut w = walk();
        w.unit_key = "custom".into();
        w.own_unit = "  trapper ".into();
        w.baseline = "2,5".into();
        let plan = form(vec![w.clone()]).to_plan().unwrap();
        assert_eq!(plan.activities[0].unit, Unit::Custom("trapper".into()));
        assert_eq!(plan.activities[0].baseline, a(2.5));
        w.own_unit = "   ".into();
        assert_eq!(
            form(vec![w]).to_plan(),
            Err(PlanInputError::Plan(PlanError::Activity {
                activity: 0,
                error: ActivityError::UnitNameEmpty
            }))
        );
    }

    #[test]
    fn a_built_in_unit_ignores_the_own_word() {
        let mut w = walk();
        w.unit_key = "km".into();
        w.own_unit = "trapper".into();
        let plan = form(vec![w]).to_plan().unwrap();
        assert_eq!(plan.activities[0].unit, Unit::Km);
    }

    #[test]
    fn times_a_week_empty_or_garbage_is_refused_by_the_plan_rules() {
        let over = (PER_WEEK_MAX + 1).to_string();
        for text in ["", "  ", "tre", "2,5", "-1", "0", "300", over.as_str()] {
            let mut w = walk();
            w.per_week = text.into();
            assert_eq!(
                form(vec![walk(), w]).to_plan(),
                Err(PlanInputError::Plan(PlanError::Activity {
                    activity: 1,
                    error: ActivityError::PerWeekOutOfRange
                })),
                "{text:?}"
            );
        }
        for n in [1, PER_WEEK_MAX] {
            let mut w = walk();
            w.per_week = format!(" {n} ");
            assert_eq!(form(vec![w]).to_plan().unwrap().activities[0].per_week, n);
        }
    }

    #[test]
    fn the_goal_date_is_optional_and_must_be_a_date() {
        let with_date = |date: &str| PlanInput {
            activities: vec![walk()],
            goal_text: "Gå til bageren".into(),
            goal_date: date.into(),
            ..PlanInput::default()
        };
        for empty in ["", "  "] {
            let plan = with_date(empty).to_plan().unwrap();
            assert_eq!(plan.goal.unwrap().date, None, "{empty:?}");
        }
        for bad in [
            "i morgen",
            "2027-02-30",
            "2027-13-01",
            "01-03-2027",
            "2027-3",
        ] {
            assert_eq!(
                with_date(bad).to_plan(),
                Err(PlanInputError::InvalidDate),
                "{bad:?}"
            );
        }
        let plan = with_date(" 2027-02-28 ").to_plan().unwrap();
        assert_eq!(plan.goal.unwrap().date, Some(d(2027, 2, 28)));
    }

    #[test]
    fn a_date_without_a_goal_text_gives_no_goal() {
        let input = PlanInput {
            activities: vec![walk()],
            goal_text: "   ".into(),
            goal_date: "2027-03-01".into(),
            ..PlanInput::default()
        };
        assert_eq!(input.to_plan().unwrap().goal, None);
    }

    #[test]
    fn own_limits_are_read_only_when_chosen() {
        let limits = |own: bool, safe: &str, ok: &str| PlanInput {
            activities: vec![walk()],
            own_limits: own,
            safe_max: safe.into(),
            acceptable_max: ok.into(),
            ..PlanInput::default()
        };
        // Off: whatever is typed is ignored.
        assert_eq!(limits(false, "x", "").to_plan().unwrap().limits, None);
        // On: whole numbers, in order, at most PAIN_MAX.
        assert_eq!(
            limits(true, " 2 ", "6").to_plan().unwrap().limits,
            PainLimits::new(2, 6)
        );
        let top = PAIN_MAX.to_string();
        assert_eq!(
            limits(true, &top, &top).to_plan().unwrap().limits,
            PainLimits::new(PAIN_MAX, PAIN_MAX)
        );
        assert_eq!(
            limits(true, "0", "0").to_plan().unwrap().limits,
            PainLimits::new(0, 0)
        );
        for (safe, ok) in [
            ("", "5"),
            ("3", ""),
            ("x", "5"),
            ("3", "4,5"),
            ("-1", "5"),
            ("3", "256"),
        ] {
            assert_eq!(
                limits(true, safe, ok).to_plan(),
                Err(PlanInputError::LimitsNotNumbers),
                "{safe:?} {ok:?}"
            );
        }
        let over = (PAIN_MAX + 1).to_string();
        for (safe, ok) in [
            ("5", "4"),
            ("3", over.as_str()),
            (over.as_str(), over.as_str()),
        ] {
            assert_eq!(
                limits(true, safe, ok).to_plan(),
                Err(PlanInputError::LimitsOutOfOrder),
                "{safe:?} {ok:?}"
            );
        }
    }

    #[test]
    fn the_plan_rules_apply_after_the_fields_are_read() {
        assert_eq!(
            form(vec![]).to_plan(),
            Err(PlanInputError::Plan(PlanError::NoActivities))
        );
        assert_eq!(
            form(vec![walk(); PLAN_MAX_ACTIVITIES + 1]).to_plan(),
            Err(PlanInputError::Plan(PlanError::TooManyActivities))
        );
        assert!(form(vec![walk(); PLAN_MAX_ACTIVITIES]).to_plan().is_ok());
        let mut nameless = walk();
        nameless.name = "  ".into();
        assert_eq!(
            form(vec![walk(), nameless]).to_plan(),
            Err(PlanInputError::Plan(PlanError::Activity {
                activity: 1,
                error: ActivityError::NameEmpty
            }))
        );
        let mut low_goal = walk();
        low_goal.goal = "10".into();
        assert_eq!(
            form(vec![low_goal]).to_plan(),
            Err(PlanInputError::Plan(PlanError::Activity {
                activity: 0,
                error: ActivityError::GoalBelowBaseline
            }))
        );
        let long = "a".repeat(PLAN_TEXT_MAX_CHARS + 1);
        let input = PlanInput {
            activities: vec![walk()],
            note: long.clone(),
            ..PlanInput::default()
        };
        assert_eq!(
            input.to_plan(),
            Err(PlanInputError::Plan(PlanError::TextTooLong))
        );
        let input = PlanInput {
            activities: vec![walk()],
            goal_text: long,
            ..PlanInput::default()
        };
        assert_eq!(
            input.to_plan(),
            Err(PlanInputError::Plan(PlanError::TextTooLong))
        );
        // Exactly the limit, after trimming, is fine.
        let input = PlanInput {
            activities: vec![walk()],
            note: format!("  {}  ", "a".repeat(PLAN_TEXT_MAX_CHARS)),
            ..PlanInput::default()
        };
        assert!(input.to_plan().is_ok());
    }

    #[test]
    fn every_input_error_has_a_key() {
        let errors = [
            amount_err(0, AmountField::Goal, AmountError::Zero),
            PlanInputError::InvalidDate,
            PlanInputError::LimitsNotNumbers,
            PlanInputError::LimitsOutOfOrder,
            PlanInputError::Plan(PlanError::NoActivities),
        ];
        let keys: Vec<_> = errors.iter().map(|e| e.key()).collect();
        assert_eq!(
            keys,
            [
                "amount.zero",
                "plan_input.invalid_date",
                "plan_input.limits_not_numbers",
                "plan_input.limits_out_of_order",
                "plan_link.no_activities"
            ]
        );
        assert_eq!(errors[0].to_string(), "amount.zero (activity 0, Goal)");
    }
}
