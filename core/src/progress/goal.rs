//! SMART goals (domain.md §7): the goal, its form, the realistic check with its two
//! one-tap suggestions, progress along the ladder, and the goals document.
//!
//! # The goals document
//!
//! Key and kind `trinvis.goals`, the shared envelope of [`crate::store`] (`kind`,
//! `schema_version`, `app_version`), then `goals`, an array of objects in the order they
//! were added: `id`, `activity` (the activity's id), `situation`, `target` (thousandths of
//! the activity's unit), `why`, `confidence` (0-10), `due` and `created` (ISO dates), and
//! `reached` or `dropped` (the ISO date) for a goal that is no longer active. Ids are
//! unique. Unknown fields of the document and of each goal are kept on re-save.
//!
//! ```json
//! {"kind":"trinvis.goals","schema_version":2,"app_version":"0.2.0","goals":[
//!  {"id":"g1","activity":"walk","situation":"Gå til bageren med børnebørnene",
//!   "target":30000,"why":"Så kan jeg hente rundstykker om søndagen","confidence":8,
//!   "due":"2027-02-01","created":"2026-11-23"}]}
//! ```

use super::add_months;
use crate::coach::{
    ladder, ladder_position, plan_for_today, steps_left, Activity, Amount, AmountError, PlanDay,
    Session, Unit, Verdict,
};
use crate::diary::ApplyError;
use crate::doc::{read_envelope, DocKind};
use crate::json::{Map, Value};
use crate::rules::{
    GOAL_CONFIDENCE_MAX, GOAL_CONFIDENCE_MIN, GOAL_MAX_MONTHS, GOAL_MIN_DAYS, GOAL_PACE_MIN_DAYS,
    GOAL_TEXT_MAX_CHARS, GREEN_SESSIONS_TO_PROGRESS,
};
use crate::sorted::{VecMap, VecSet};
use crate::store::{
    decode_amount, decode_text, push_envelope, push_extra, push_json_string, DocError,
};
use crate::time::{Date, Lang};
use std::fmt;

pub use crate::doc::{GOALS_KEY, KIND_GOALS};

/// A SMART goal (domain.md §7).
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// Identifier, unique among goals.
    pub id: String,
    /// Specific: the activity it is about (its id).
    pub activity_id: String,
    /// Specific: the situation, in the patient's words ("gå til bageren").
    pub situation: String,
    /// Measurable: the target amount, in the activity's unit.
    pub target: Amount,
    /// Attractive: why it matters, in the patient's words.
    pub why: String,
    /// Realistic: the patient's confidence, 0-10.
    pub confidence: u8,
    /// Time-bound: the date to reach it by.
    pub due: Date,
    /// The day it was set.
    pub created: Date,
    /// Active, reached or dropped.
    pub status: GoalStatus,
}

/// Whether a goal is still being worked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalStatus {
    /// Being worked on.
    Active,
    /// Reached on that day.
    Reached(Date),
    /// Given up (or replaced) on that day; kept for the history.
    Dropped(Date),
}

/// Why a goal form is refused. The first problem in form order is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalError {
    /// No activity chosen.
    ActivityMissing,
    /// No situation.
    SituationEmpty,
    /// Situation longer than [`GOAL_TEXT_MAX_CHARS`].
    SituationTooLong,
    /// The target is not a valid amount in the activity's unit (empty, zero, negative,
    /// not a number, a fraction of a whole-number unit...).
    Target(AmountError),
    /// No "why".
    WhyEmpty,
    /// "Why" longer than [`GOAL_TEXT_MAX_CHARS`].
    WhyTooLong,
    /// No confidence given.
    ConfidenceMissing,
    /// Confidence above [`GOAL_CONFIDENCE_MAX`].
    ConfidenceOutOfRange,
    /// No date given.
    DueMissing,
    /// The date is less than [`GOAL_MIN_DAYS`] days ahead.
    DueTooSoon,
    /// The date is more than [`GOAL_MAX_MONTHS`] months ahead.
    DueTooLate,
}

impl GoalError {
    /// Translation key: "goal.activity_missing", "goal.situation_empty",
    /// "goal.situation_too_long", the amount's own key for [`GoalError::Target`]
    /// ("amount.zero", "amount.not_whole"...), "goal.why_empty", "goal.why_too_long",
    /// "goal.confidence_missing", "goal.confidence_out_of_range", "goal.due_missing",
    /// "goal.due_too_soon", "goal.due_too_late".
    pub fn key(self) -> &'static str {
        match self {
            GoalError::ActivityMissing => "goal.activity_missing",
            GoalError::SituationEmpty => "goal.situation_empty",
            GoalError::SituationTooLong => "goal.situation_too_long",
            GoalError::Target(e) => e.key(),
            GoalError::WhyEmpty => "goal.why_empty",
            GoalError::WhyTooLong => "goal.why_too_long",
            GoalError::ConfidenceMissing => "goal.confidence_missing",
            GoalError::ConfidenceOutOfRange => "goal.confidence_out_of_range",
            GoalError::DueMissing => "goal.due_missing",
            GoalError::DueTooSoon => "goal.due_too_soon",
            GoalError::DueTooLate => "goal.due_too_late",
        }
    }
}

impl fmt::Display for GoalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for GoalError {}

/// The earliest and the latest date a goal set on `today` may have: [`GOAL_MIN_DAYS`]
/// days and [`GOAL_MAX_MONTHS`] calendar months ahead (for the date input's min and max).
pub fn due_window(today: Date) -> (Date, Date) {
    let months = i32::try_from(GOAL_MAX_MONTHS).unwrap_or(6);
    (today.add_days(GOAL_MIN_DAYS), add_months(today, months))
}

/// The goal form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalDraft {
    /// The chosen activity's id.
    pub activity_id: String,
    /// The situation.
    pub situation: String,
    /// The target as typed ("30", "2,5"), read with [`Amount::parse_for`].
    pub target: String,
    /// Why it matters.
    pub why: String,
    /// Confidence 0-10, once chosen.
    pub confidence: Option<u8>,
    /// The date, once chosen.
    pub due: Option<Date>,
}

/// `text` trimmed, or `empty` / `too_long`.
fn checked_text(text: &str, empty: GoalError, too_long: GoalError) -> Result<String, GoalError> {
    let text = text.trim();
    if text.is_empty() {
        Err(empty)
    } else if text.chars().count() > GOAL_TEXT_MAX_CHARS {
        Err(too_long)
    } else {
        Ok(text.to_string())
    }
}

impl GoalDraft {
    /// A new active goal set on `today`, for an activity measured in `unit`; the first
    /// problem otherwise, in form order: activity, situation, target, why, confidence,
    /// date ([`due_window`]).
    pub fn into_goal(&self, unit: &Unit, id: String, today: Date) -> Result<Goal, GoalError> {
        self.checked(unit, id, today, None)
    }

    /// `old` edited with this form: keeps its id, creation day and status. The date
    /// window is checked only when the date changed, so an old goal whose date is near
    /// can still have its words edited.
    pub fn apply_to(&self, old: &Goal, unit: &Unit, today: Date) -> Result<Goal, GoalError> {
        let mut goal = self.checked(unit, old.id.clone(), today, Some(old.due))?;
        goal.created = old.created;
        goal.status = old.status;
        Ok(goal)
    }

    fn checked(
        &self,
        unit: &Unit,
        id: String,
        today: Date,
        unchanged_due: Option<Date>,
    ) -> Result<Goal, GoalError> {
        let activity_id = self.activity_id.trim();
        if activity_id.is_empty() {
            return Err(GoalError::ActivityMissing);
        }
        let situation = checked_text(
            &self.situation,
            GoalError::SituationEmpty,
            GoalError::SituationTooLong,
        )?;
        let target = Amount::parse_for(&self.target, unit).map_err(GoalError::Target)?;
        let why = checked_text(&self.why, GoalError::WhyEmpty, GoalError::WhyTooLong)?;
        let confidence = self.confidence.ok_or(GoalError::ConfidenceMissing)?;
        if confidence > GOAL_CONFIDENCE_MAX {
            return Err(GoalError::ConfidenceOutOfRange);
        }
        let due = self.due.ok_or(GoalError::DueMissing)?;
        if unchanged_due != Some(due) {
            let (earliest, latest) = due_window(today);
            if due < earliest {
                return Err(GoalError::DueTooSoon);
            }
            if due > latest {
                return Err(GoalError::DueTooLate);
            }
        }
        Ok(Goal {
            id,
            activity_id: activity_id.to_string(),
            situation,
            target,
            why,
            confidence,
            due,
            created: today,
            status: GoalStatus::Active,
        })
    }
}

impl Goal {
    /// The values of this goal as a form, for editing (the target written in `lang`).
    pub fn to_draft(&self, lang: Lang) -> GoalDraft {
        GoalDraft {
            activity_id: self.activity_id.clone(),
            situation: self.situation.clone(),
            target: self.target.format(lang),
            why: self.why.clone(),
            confidence: Some(self.confidence),
            due: Some(self.due),
        }
    }
}

/// The two one-tap suggestions when a goal is not realistic enough (domain.md §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestions {
    /// A smaller goal: the rung halfway up the ladder from the current amount to the
    /// target, counted in steps (so about half the work; the rung is already rounded to
    /// the unit's grain). `None` when the target is at most one step away.
    pub smaller: Option<Amount>,
    /// More time: the date moved on by half the time left (rounded up), but not past
    /// [`GOAL_MAX_MONTHS`] months from today. `None` when the date is already there.
    pub later: Option<Date>,
}

/// The realistic check (domain.md §7): with a confidence below [`GOAL_CONFIDENCE_MIN`],
/// the two suggestions; `None` when the goal is realistic enough. `current` is where the
/// patient stands now ([`current_amount`]).
pub fn realistic_check(
    confidence: u8,
    activity: &Activity,
    current: Amount,
    target: Amount,
    due: Date,
    today: Date,
) -> Option<Suggestions> {
    if confidence >= GOAL_CONFIDENCE_MIN {
        return None;
    }
    let rungs = ladder_between(activity, current, target);
    let steps = rungs.len().saturating_sub(1);
    let smaller = if steps >= 2 {
        rungs.get(steps / 2).copied()
    } else {
        None
    };
    let left = (due.to_days() - today.to_days()).max(0);
    let later = due.add_days((left + 1) / 2).min(due_window(today).1);
    Some(Suggestions {
        smaller,
        later: (later > due).then_some(later),
    })
}

/// The ladder of `activity` from `from` up to `to` ([`ladder`], so the same steps and
/// rounding as the plan); just `[from]` when `to` is not above it.
fn ladder_between(activity: &Activity, from: Amount, to: Amount) -> Vec<Amount> {
    if to <= from {
        return vec![from];
    }
    ladder(&Activity {
        baseline: from,
        goal: Some(to),
        ..activity.clone()
    })
}

/// The latest session of `activity` (by [`Session::chronological`]) among `sessions`
/// that passes `keep`.
fn latest<'a>(
    activity: &Activity,
    sessions: &'a [Session],
    keep: impl Fn(&Session) -> bool,
) -> Option<&'a Session> {
    let mut best: Option<&Session> = None;
    for s in sessions {
        if s.activity_id == activity.id
            && keep(s)
            && best.is_none_or(|b| Session::chronological(&b, &s).is_lt())
        {
            best = Some(s);
        }
    }
    best
}

/// Where the patient stands with `activity` on `today`: the amount of the last yes + yes
/// session up to today that was not done as plan B, else the activity's baseline.
/// `sessions` in any order; other activities' sessions are ignored.
pub fn current_amount(activity: &Activity, sessions: &[Session], today: Date) -> Amount {
    latest(activity, sessions, |s| {
        s.for_date <= today && s.verdict() == Verdict::Green && !s.plan_b
    })
    .map_or(activity.baseline, |s| s.amount)
}

/// The one goal amount of `activity` (domain.md §3, §7): the target of its first active
/// SMART goal among `goals` (in the document's order, as [`GoalsDoc::active_for`]), else
/// the goal typed in the activity form. The coach's ladder, the goal's progress, the
/// amount chart and the summary all run to this amount.
pub fn ladder_goal(activity: &Activity, goals: &[Goal]) -> Option<Amount> {
    goals
        .iter()
        .find(|g| g.activity_id == activity.id && g.status == GoalStatus::Active)
        .map(|g| g.target)
        .or(activity.goal)
}

/// `activity` with its goal set to [`ladder_goal`]: pass this to [`ladder`] and
/// [`plan_for_today`] so the ladder ends at the SMART goal.
pub fn on_goal_ladder(activity: &Activity, goals: &[Goal]) -> Activity {
    Activity {
        goal: ladder_goal(activity, goals),
        ..activity.clone()
    }
}

/// How a goal is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// Too early to tell: fewer than [`GOAL_PACE_MIN_DAYS`] days since the goal was set,
    /// or no session of the activity since then.
    NoData,
    /// The steps left can be climbed by the date at the ladder's pace.
    OnTrack,
    /// Even at the ladder's pace the steps left cannot be climbed by the date (or the date
    /// passed): only then is a goal behind.
    Behind,
    /// The current amount is at or above the target.
    Reached,
}

impl Pace {
    /// Translation key: "pace.no_data", "pace.on_track", "pace.behind", "pace.reached".
    pub fn key(self) -> &'static str {
        match self {
            Pace::NoData => "pace.no_data",
            Pace::OnTrack => "pace.on_track",
            Pace::Behind => "pace.behind",
            Pace::Reached => "pace.reached",
        }
    }
}

/// A goal's progress along the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    /// Where the patient stood when the goal was set: the last yes + yes amount before
    /// that day, else the first session's amount since then, else the baseline.
    pub start: Amount,
    /// Where the patient stands now ([`current_amount`]).
    pub current: Amount,
    /// The goal's target.
    pub target: Amount,
    /// The activity's ladder from its baseline to the target, the same rungs the coach
    /// shows (mark `current` on it with [`crate::coach::ladder_position`]).
    pub rungs: Vec<Amount>,
    /// Ladder steps climbed from the start to the current amount.
    pub steps_done: usize,
    /// Ladder steps left from today's planned step to the target
    /// ([`crate::coach::steps_left`]): the number the coach and the summary show.
    pub steps_left: usize,
    /// On track, behind, reached or too early to tell.
    pub pace: Pace,
    /// At the pace so far, the day the target would be reached (`None` when reached, no
    /// data or no step climbed yet).
    pub projected: Option<Date>,
}

/// Days the ladder needs to climb `steps` steps with `per_week` sessions a week: each step
/// takes [`GREEN_SESSIONS_TO_PROGRESS`] yes + yes sessions (domain.md §3), rounded up.
pub fn ladder_days(steps: usize, per_week: u8) -> i64 {
    let sessions =
        i64::try_from(steps.saturating_mul(GREEN_SESSIONS_TO_PROGRESS)).unwrap_or(i64::MAX);
    let per_week = i64::from(per_week.max(1));
    sessions.saturating_mul(7).saturating_add(per_week - 1) / per_week
}

/// The progress of `goal` on `today` from the sessions of its `activity` (domain.md §7).
///
/// The ladder is the activity's, from its baseline to the goal's target, and the steps
/// left are counted from today's planned step ([`plan_for_today`], which holds while a
/// warning sign is ticked: `sign_ticked`), so the coach, this and the summary agree.
/// The pace is judged at the ladder's pace ([`ladder_days`]): behind only when the steps
/// left cannot be climbed by the goal's date even so. The projected day is the later of
/// that and the patient's own rate since the goal was set (steps climbed per day).
pub fn goal_progress(
    goal: &Goal,
    activity: &Activity,
    sessions: &[Session],
    today: Date,
    sign_ticked: bool,
) -> GoalProgress {
    let before = latest(activity, sessions, |s| {
        s.for_date < goal.created && s.verdict() == Verdict::Green && !s.plan_b
    });
    let first_since = sessions
        .iter()
        .filter(|s| s.activity_id == activity.id && s.for_date >= goal.created && !s.plan_b)
        .filter(|s| s.for_date <= today)
        .min_by(Session::chronological);
    let start = before
        .or(first_since)
        .map_or(activity.baseline, |s| s.amount);
    let current = current_amount(activity, sessions, today);
    let on_ladder = Activity {
        goal: Some(goal.target),
        ..activity.clone()
    };
    let rungs = ladder(&on_ladder);
    let day = PlanDay {
        bad_day: false,
        sign_ticked,
    };
    let planned = plan_for_today(&on_ladder, sessions, today, day).amount;
    let at = |x: Amount| ladder_position(&rungs, x).unwrap_or(0);
    let steps_done = at(current).saturating_sub(at(start));
    let steps_left = steps_left(&rungs, planned);
    let elapsed = today.to_days() - goal.created.to_days();
    let (pace, projected) = if current >= goal.target {
        (Pace::Reached, None)
    } else if elapsed < GOAL_PACE_MIN_DAYS || first_since.is_none() {
        (Pace::NoData, None)
    } else {
        let ladder_ready = today.add_days(ladder_days(steps_left, activity.per_week));
        if ladder_ready > goal.due {
            (Pace::Behind, Some(ladder_ready))
        } else if steps_done == 0 {
            (Pace::OnTrack, Some(ladder_ready))
        } else {
            // At the patient's own rate: steps_left / (steps_done / elapsed), rounded up.
            let left = i64::try_from(steps_left).unwrap_or(i64::MAX);
            let done = i64::try_from(steps_done).unwrap_or(1).max(1);
            let days = left.saturating_mul(elapsed).saturating_add(done - 1) / done;
            let own = today.add_days(days);
            (Pace::OnTrack, Some(own.max(ladder_ready)))
        }
    };
    GoalProgress {
        start,
        current,
        target: goal.target,
        rungs,
        steps_done,
        steps_left,
        pace,
        projected,
    }
}

// ---------------------------------------------------------------------------------------
// The goals document.

/// The goals document: every goal (reached and dropped ones too), in the order they were
/// added, with what this version does not know kept for the next save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalsDoc {
    /// The goals, ids unique.
    pub goals: Vec<Goal>,
    /// Unknown fields of the document, written back on save.
    pub extra: Map,
    /// Unknown fields of each goal, by goal id, written back with that goal.
    pub goal_extra: VecMap<String, Map>,
}

impl GoalsDoc {
    /// The goal with this id.
    pub fn find(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The active goals of an activity, oldest first.
    pub fn active_for<'a>(&'a self, activity_id: &'a str) -> impl Iterator<Item = &'a Goal> {
        self.goals
            .iter()
            .filter(move |g| g.activity_id == activity_id && g.status == GoalStatus::Active)
    }
}

/// A change to the goals document (read fresh, changed, written back).
#[derive(Clone, Debug, PartialEq)]
pub enum GoalAction {
    /// A new goal ([`GoalDraft::into_goal`]).
    Add(Goal),
    /// New values for an existing goal, same id ([`GoalDraft::apply_to`]); its `created`
    /// and status are kept.
    Edit(Goal),
    /// The goal was reached on `on`.
    Reach {
        /// Id of the goal.
        id: String,
        /// The day.
        on: Date,
    },
    /// The goal is dropped on `on` (kept for the history).
    Drop {
        /// Id of the goal.
        id: String,
        /// The day.
        on: Date,
    },
}

/// Applies `action` to the goals document. Add: [`ApplyError::DuplicateId`] if the id is
/// taken; the others: [`ApplyError::NotFound`] if it is missing. On error nothing changes.
pub fn apply_to_goals(doc: &mut GoalsDoc, action: &GoalAction) -> Result<(), ApplyError> {
    let (id, status) = match action {
        GoalAction::Add(goal) => {
            if doc.find(&goal.id).is_some() {
                return Err(ApplyError::DuplicateId);
            }
            doc.goals.push(goal.clone());
            return Ok(());
        }
        GoalAction::Edit(goal) => (&goal.id, None),
        GoalAction::Reach { id, on } => (id, Some(GoalStatus::Reached(*on))),
        GoalAction::Drop { id, on } => (id, Some(GoalStatus::Dropped(*on))),
    };
    let stored = doc
        .goals
        .iter_mut()
        .find(|g| &g.id == id)
        .ok_or(ApplyError::NotFound)?;
    match (action, status) {
        (GoalAction::Edit(goal), _) => {
            *stored = Goal {
                created: stored.created,
                status: stored.status,
                ..goal.clone()
            };
        }
        (_, Some(status)) => stored.status = status,
        _ => {}
    }
    Ok(())
}

/// Envelope and known fields of the goals document; never taken from `extra`.
const GOALS_FIELDS: [&str; 4] = ["kind", "schema_version", "app_version", "goals"];

/// Known fields of one goal; never taken from its extra fields.
const GOAL_FIELDS: [&str; 10] = [
    "id",
    "activity",
    "situation",
    "target",
    "why",
    "confidence",
    "due",
    "created",
    "reached",
    "dropped",
];

/// Appends `,"key":"value"` with `value` a JSON string.
fn push_field(out: &mut String, key: &str, value: &str) {
    out.push(',');
    push_json_string(out, key);
    out.push(':');
    push_json_string(out, value);
}

/// Whether [`decode_goals`] would read this goal back.
fn goal_writable(g: &Goal) -> bool {
    !g.id.is_empty()
        && !g.activity_id.is_empty()
        && !g.situation.is_empty()
        && !g.why.is_empty()
        && g.confidence <= GOAL_CONFIDENCE_MAX
        && (0..=9999).contains(&g.due.year)
        && (0..=9999).contains(&g.created.year)
}

/// The goals document (see the module docs). Goals [`decode_goals`] would refuse (an
/// empty or repeated id, empty texts) are left out; goals made by [`GoalDraft`] never are.
pub fn encode_goals(doc: &GoalsDoc, app_version: &str) -> String {
    let mut out = String::with_capacity(128 + doc.goals.len() * 200);
    push_envelope(&mut out, DocKind::Goals, app_version);
    out.push_str(",\"goals\":[");
    let mut seen: VecSet<&str> = VecSet::new();
    for g in &doc.goals {
        if !goal_writable(g) || !seen.insert(g.id.as_str()) {
            continue;
        }
        if seen.len() > 1 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        push_json_string(&mut out, &g.id);
        push_field(&mut out, "activity", &g.activity_id);
        push_field(&mut out, "situation", &g.situation);
        out.push_str(",\"target\":");
        out.push_str(&g.target.milli().to_string());
        push_field(&mut out, "why", &g.why);
        out.push_str(",\"confidence\":");
        out.push_str(&g.confidence.to_string());
        push_field(&mut out, "due", &g.due.iso());
        push_field(&mut out, "created", &g.created.iso());
        match g.status {
            GoalStatus::Active => {}
            GoalStatus::Reached(on) => push_field(&mut out, "reached", &on.iso()),
            GoalStatus::Dropped(on) => push_field(&mut out, "dropped", &on.iso()),
        }
        if let Some(extra) = doc.goal_extra.get(&g.id) {
            push_extra(&mut out, extra, &GOAL_FIELDS);
        }
        out.push('}');
    }
    out.push(']');
    push_extra(&mut out, &doc.extra, &GOALS_FIELDS);
    out.push('}');
    out
}

/// Reads an ISO date field.
fn decode_date(v: Option<&Value>, what: &str) -> Result<Date, String> {
    v.and_then(Value::as_str)
        .and_then(Date::parse_iso)
        .ok_or_else(|| format!("{what} is not a YYYY-MM-DD date"))
}

/// Reads one goal object; returns it with its unknown fields.
fn decode_goal(v: &Value) -> Result<(Goal, Map), String> {
    let Value::Object(o) = v else {
        return Err("not an object".into());
    };
    let confidence = o
        .get("confidence")
        .and_then(Value::as_u64)
        .and_then(|c| u8::try_from(c).ok())
        .filter(|c| *c <= GOAL_CONFIDENCE_MAX)
        .ok_or("confidence is not a whole number from 0 to 10")?;
    let status = match (o.get("reached"), o.get("dropped")) {
        (None, None) => GoalStatus::Active,
        (Some(on), None) => GoalStatus::Reached(decode_date(Some(on), "reached")?),
        (None, Some(on)) => GoalStatus::Dropped(decode_date(Some(on), "dropped")?),
        (Some(_), Some(_)) => return Err("both reached and dropped".into()),
    };
    let goal = Goal {
        id: decode_text(o.get("id"), "id")?,
        activity_id: decode_text(o.get("activity"), "activity")?,
        situation: decode_text(o.get("situation"), "situation")?,
        target: decode_amount(o.get("target"), "target")?.ok_or("target missing")?,
        why: decode_text(o.get("why"), "why")?,
        confidence,
        due: decode_date(o.get("due"), "due")?,
        created: decode_date(o.get("created"), "created")?,
        status,
    };
    let mut extra = Map::new();
    for (k, v) in o {
        if !GOAL_FIELDS.contains(&k.as_str()) {
            extra.insert(k.clone(), v.clone());
        }
    }
    Ok((goal, extra))
}

/// Reads the goals document: the envelope (a newer schema first, as for every kind), then
/// each goal (ids unique; the form's rules that may change between versions, like the
/// date window or the longest text, are not re-checked). Unknown fields go to
/// [`GoalsDoc::extra`] and [`GoalsDoc::goal_extra`].
pub fn decode_goals(text: &str) -> Result<GoalsDoc, DocError> {
    let invalid = |detail: String| DocError::Invalid { detail };
    let mut doc = read_envelope(text, DocKind::Goals)?;
    let rows = doc
        .get("goals")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("goals is not an array".into()))?;
    let mut goals: Vec<Goal> = Vec::with_capacity(rows.len());
    let mut goal_extra = VecMap::new();
    for (i, row) in rows.iter().enumerate() {
        let (goal, extra) = decode_goal(row).map_err(|e| invalid(format!("goal {i}: {e}")))?;
        if goals.iter().any(|g| g.id == goal.id) {
            return Err(invalid(format!("goal {i}: duplicate id {:?}", goal.id)));
        }
        if !extra.is_empty() {
            goal_extra.insert(goal.id.clone(), extra);
        }
        goals.push(goal);
    }
    for field in GOALS_FIELDS {
        doc.remove(field);
    }
    Ok(GoalsDoc {
        goals,
        extra: doc,
        goal_extra,
    })
}

/// The goals of this device (`mine`) with the goals of a backup (`theirs`) whose ids it
/// lacks, added after its own (with their unknown fields); a different goal under an id
/// the device has is counted in `conflicts` and the device's goal is kept. Unknown
/// document fields only the backup has are added.
pub fn merge_goals(mine: &GoalsDoc, theirs: &GoalsDoc, conflicts: &mut usize) -> GoalsDoc {
    let mut merged = mine.clone();
    crate::doc::merge_records(
        &mut merged.goals,
        &theirs.goals,
        |g| g.id.as_str(),
        conflicts,
    );
    for (id, extra) in &theirs.goal_extra {
        if mine.find(id).is_none() {
            merged.goal_extra.insert(id.clone(), extra.clone());
        }
    }
    crate::doc::merge_extra(&mut merged.extra, &theirs.extra);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{OkayLater, PlanB};
    use crate::json::json;
    use crate::model::Score;
    use crate::store::SCHEMA_VERSION;
    use crate::testkit::{a, cph, d};

    fn walking(baseline: f64) -> Activity {
        Activity {
            id: "walk".into(),
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: a(baseline),
            per_week: 5,
            goal: None,
            plan_b: PlanB::Fraction,
            custom_step: None,
            archived: false,
            created: cph(d(2026, 11, 1), 12),
        }
    }

    fn session(id: &str, date: Date, amount: f64, now: bool, later: Option<bool>) -> Session {
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: "walk".into(),
            at: cph(date, 17),
            for_date: date,
            amount: a(amount),
            pain_during: Score::new(3).unwrap(),
            okay_now: now,
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: cph(date.add_days(1), 8),
            }),
        }
    }

    fn green(id: &str, date: Date, amount: f64) -> Session {
        session(id, date, amount, true, Some(true))
    }

    fn draft() -> GoalDraft {
        GoalDraft {
            activity_id: "walk".into(),
            situation: " Gå til bageren ".into(),
            target: "30".into(),
            why: "Hente rundstykker om søndagen".into(),
            confidence: Some(8),
            due: Some(d(2027, 2, 1)),
        }
    }

    fn goal(target: f64, created: Date, due: Date) -> Goal {
        Goal {
            id: "g1".into(),
            activity_id: "walk".into(),
            situation: "Gå til bageren".into(),
            target: a(target),
            why: "Rundstykker".into(),
            confidence: 8,
            due,
            created,
            status: GoalStatus::Active,
        }
    }

    #[test]
    fn a_valid_form_makes_an_active_goal_with_trimmed_texts() {
        let today = d(2026, 11, 23);
        let g = draft()
            .into_goal(&Unit::Minutes, "g1".into(), today)
            .unwrap();
        assert_eq!(g.situation, "Gå til bageren");
        assert_eq!((g.target, g.confidence), (a(30.0), 8));
        assert_eq!((g.created, g.status), (today, GoalStatus::Active));
        assert_eq!(g.to_draft(Lang::Da).target, "30");
    }

    #[test]
    fn every_bad_form_field_has_its_own_error_key() {
        let today = d(2026, 11, 23);
        let long = "x".repeat(GOAL_TEXT_MAX_CHARS + 1);
        type Edit = fn(&mut GoalDraft, &str);
        let cases: [(Edit, GoalError, &str); 14] = [
            (
                |g, _| g.activity_id = " ".into(),
                GoalError::ActivityMissing,
                "goal.activity_missing",
            ),
            (
                |g, _| g.situation = "  ".into(),
                GoalError::SituationEmpty,
                "goal.situation_empty",
            ),
            (
                |g, l| g.situation = l.into(),
                GoalError::SituationTooLong,
                "goal.situation_too_long",
            ),
            (
                |g, _| g.target = "".into(),
                GoalError::Target(AmountError::Empty),
                "amount.empty",
            ),
            (
                |g, _| g.target = "0".into(),
                GoalError::Target(AmountError::Zero),
                "amount.zero",
            ),
            (
                |g, _| g.target = "-5".into(),
                GoalError::Target(AmountError::Negative),
                "amount.negative",
            ),
            (
                |g, _| g.target = "tre".into(),
                GoalError::Target(AmountError::NotANumber),
                "amount.not_a_number",
            ),
            (
                |g, _| g.why = "".into(),
                GoalError::WhyEmpty,
                "goal.why_empty",
            ),
            (
                |g, l| g.why = l.into(),
                GoalError::WhyTooLong,
                "goal.why_too_long",
            ),
            (
                |g, _| g.confidence = None,
                GoalError::ConfidenceMissing,
                "goal.confidence_missing",
            ),
            (
                |g, _| g.confidence = Some(11),
                GoalError::ConfidenceOutOfRange,
                "goal.confidence_out_of_range",
            ),
            (
                |g, _| g.due = None,
                GoalError::DueMissing,
                "goal.due_missing",
            ),
            (
                |g, _| g.due = Some(d(2026, 11, 29)),
                GoalError::DueTooSoon,
                "goal.due_too_soon",
            ),
            (
                |g, _| g.due = Some(d(2027, 5, 24)),
                GoalError::DueTooLate,
                "goal.due_too_late",
            ),
        ];
        for (edit, error, key) in cases {
            let mut form = draft();
            edit(&mut form, &long);
            let got = form.into_goal(&Unit::Minutes, "g".into(), today);
            assert_eq!(got, Err(error), "{key}");
            assert_eq!(error.key(), key);
        }
        // A fraction of a whole-number unit.
        let mut form = draft();
        form.target = "2,5".into();
        assert_eq!(
            form.into_goal(&Unit::Sets, "g".into(), today),
            Err(GoalError::Target(AmountError::NotWhole))
        );
    }

    #[test]
    fn the_date_may_be_one_week_to_six_calendar_months_ahead() {
        let cases = [
            // (today, due, ok)
            (d(2026, 11, 23), d(2026, 11, 30), Ok(())),
            (d(2026, 11, 23), d(2026, 11, 29), Err(GoalError::DueTooSoon)),
            (d(2026, 11, 23), d(2027, 5, 23), Ok(())),
            (d(2026, 11, 23), d(2027, 5, 24), Err(GoalError::DueTooLate)),
            // The day is clamped: 31 August + 6 months is 28 February.
            (d(2026, 8, 31), d(2027, 2, 28), Ok(())),
            (d(2026, 8, 31), d(2027, 3, 1), Err(GoalError::DueTooLate)),
            (d(2026, 11, 23), d(2026, 11, 1), Err(GoalError::DueTooSoon)),
        ];
        for (today, due, expected) in cases {
            let mut form = draft();
            form.due = Some(due);
            let got = form
                .into_goal(&Unit::Minutes, "g".into(), today)
                .map(|_| ());
            assert_eq!(got, expected, "{today} -> {due}");
        }
        assert_eq!(due_window(d(2026, 8, 31)), (d(2026, 9, 7), d(2027, 2, 28)));
    }

    #[test]
    fn editing_keeps_id_creation_and_status_and_checks_only_a_changed_date() {
        let old = Goal {
            status: GoalStatus::Reached(d(2027, 1, 20)),
            ..goal(30.0, d(2026, 11, 23), d(2027, 2, 1))
        };
        // On 2027-01-28 the date is four days away: editing the words is still fine.
        let today = d(2027, 1, 28);
        let mut form = old.to_draft(Lang::Da);
        form.why = "For min skyld".into();
        let edited = form.apply_to(&old, &Unit::Minutes, today).unwrap();
        assert_eq!(edited.why, "For min skyld");
        assert_eq!(
            (edited.id.as_str(), edited.created, edited.status),
            ("g1", old.created, old.status)
        );
        // Moving the date checks it.
        form.due = Some(d(2027, 2, 2));
        assert_eq!(
            form.apply_to(&old, &Unit::Minutes, today),
            Err(GoalError::DueTooSoon)
        );
    }

    #[test]
    fn a_confident_goal_needs_no_suggestions() {
        let w = walking(10.0);
        let today = d(2026, 11, 23);
        for confidence in [7, 8, 10] {
            let got = realistic_check(confidence, &w, a(10.0), a(30.0), d(2027, 1, 23), today);
            assert_eq!(got, None, "{confidence}");
        }
    }

    #[test]
    fn low_confidence_suggests_half_the_ladder_or_half_again_the_time() {
        let w = walking(10.0);
        let today = d(2026, 11, 23);
        // 10 -> 20 minutes: 11 12 13 14 15 16 18 20 (8 steps; 1.5 rounds down to 1).
        let rungs = ladder_between(&w, a(10.0), a(20.0));
        assert_eq!(rungs.len(), 9, "{rungs:?}");
        let cases = [
            // (current, target, due, smaller, later)
            (
                10.0,
                20.0,
                d(2026, 12, 23),
                Some(a(14.0)),
                Some(d(2027, 1, 7)),
            ),
            // 61 days left: 31 more.
            (
                10.0,
                20.0,
                d(2027, 1, 23),
                Some(a(14.0)),
                Some(d(2027, 2, 23)),
            ),
            // Near the six-month limit the date is capped ...
            (
                10.0,
                20.0,
                d(2027, 5, 1),
                Some(a(14.0)),
                Some(d(2027, 5, 23)),
            ),
            // ... and at it there is no "more time".
            (10.0, 20.0, d(2027, 5, 23), Some(a(14.0)), None),
            // One step away: no smaller goal.
            (10.0, 11.0, d(2026, 12, 23), None, Some(d(2027, 1, 7))),
            (19.0, 20.0, d(2026, 12, 23), None, Some(d(2027, 1, 7))),
            // Two steps: the one in between.
            (
                10.0,
                12.0,
                d(2026, 12, 23),
                Some(a(11.0)),
                Some(d(2027, 1, 7)),
            ),
        ];
        for (current, target, due, smaller, later) in cases {
            let got = realistic_check(6, &w, a(current), a(target), due, today);
            assert_eq!(
                got,
                Some(Suggestions { smaller, later }),
                "{current} -> {target} by {due}"
            );
        }
        // Kilometres: the rung is on the unit's grain.
        let km = Activity {
            unit: Unit::Km,
            baseline: a(2.0),
            ..walking(1.0)
        };
        let s = realistic_check(3, &km, a(2.0), a(8.0), d(2027, 1, 23), today).unwrap();
        let smaller = s.smaller.unwrap();
        assert!(smaller > a(2.0) && smaller < a(8.0));
        assert_eq!(smaller.milli() % 100, 0, "{smaller}");
    }

    #[test]
    fn the_current_amount_is_the_last_yes_yes_amount() {
        let w = walking(10.0);
        let day = d(2026, 11, 23);
        let log = [
            green("1", day, 10.0),
            green("2", day.add_days(1), 11.0),
            session("3", day.add_days(2), 12.0, true, Some(false)),
            session("4", day.add_days(3), 12.0, false, None),
            session("5", day.add_days(4), 12.0, true, None),
        ];
        assert_eq!(current_amount(&w, &log, day.add_days(5)), a(11.0));
        assert_eq!(current_amount(&w, &log, day), a(10.0));
        assert_eq!(current_amount(&w, &[], day), a(10.0));
        // Order does not matter; other activities do not count.
        let mut other = green("6", day.add_days(6), 40.0);
        other.activity_id = "bike".into();
        let shuffled = [log[1].clone(), other, log[0].clone()];
        assert_eq!(current_amount(&w, &shuffled, day.add_days(9)), a(11.0));
    }

    #[test]
    fn progress_counts_steps_along_the_ladder_and_extrapolates_the_pace() {
        let w = walking(10.0);
        let created = d(2026, 11, 23);
        // 10 -> 20: 8 steps. After 14 days at 13 minutes: 3 steps done, 5 left; at
        // 3 steps per 14 days the 5 left take 24 days (70 / 3, rounded up).
        let log: Vec<Session> = [10.0, 10.0, 11.0, 11.0, 12.0, 12.0, 13.0]
            .iter()
            .enumerate()
            .map(|(i, m)| green(&i.to_string(), created.add_days(2 * i as i64), *m))
            .collect();
        let today = created.add_days(14);
        // At the ladder's pace (5 sessions a week, 2 yes + yes per step) the 5 steps
        // take 14 days: behind only with a date before that.
        let cases = [
            // (due, pace, projected)
            (d(2027, 1, 23), Pace::OnTrack, Some(today.add_days(24))),
            (today.add_days(24), Pace::OnTrack, Some(today.add_days(24))),
            (today.add_days(23), Pace::OnTrack, Some(today.add_days(24))),
            (today.add_days(14), Pace::OnTrack, Some(today.add_days(24))),
            (today.add_days(13), Pace::Behind, Some(today.add_days(14))),
        ];
        for (due, pace, projected) in cases {
            let p = goal_progress(&goal(20.0, created, due), &w, &log, today, false);
            assert_eq!(
                (p.start, p.current, p.steps_done, p.steps_left),
                (a(10.0), a(13.0), 3, 5)
            );
            assert_eq!(p.rungs.len(), 9);
            assert_eq!((p.pace, p.projected), (pace, projected), "{due}");
        }
        assert_eq!(Pace::OnTrack.key(), "pace.on_track");
    }

    #[test]
    fn the_pace_is_unknown_early_and_not_behind_without_a_step_when_the_ladder_can_make_it() {
        let w = walking(10.0);
        let created = d(2026, 11, 23);
        let g = goal(20.0, created, d(2027, 1, 23));
        let pace = |log: &[Session], today: Date| goal_progress(&g, &w, log, today, false).pace;
        let log = [
            green("1", created, 10.0),
            green("2", created.add_days(2), 10.0),
        ];
        assert_eq!(pace(&log, created.add_days(6)), Pace::NoData);
        assert_eq!(pace(&[], created.add_days(30)), Pace::NoData);
        // No step yet, but 8 steps fit in the 2 months left at the ladder's pace.
        assert_eq!(pace(&log, created.add_days(7)), Pace::OnTrack);
        let reached = [green("1", created.add_days(3), 20.0)];
        assert_eq!(pace(&reached, created.add_days(3)), Pace::Reached);
    }

    #[test]
    fn a_goal_is_only_behind_when_the_ladder_cannot_reach_it_by_the_date() {
        // (steps left, sessions a week, days the ladder needs)
        for (steps, per_week, days) in [(0, 3, 0), (1, 2, 7), (5, 5, 14), (4, 3, 19), (8, 0, 112)] {
            assert_eq!(ladder_days(steps, per_week), days, "{steps} {per_week}");
        }
        // A goal due in 2½ months with no step climbed in its first week: not behind.
        let w = walking(10.0);
        let created = d(2026, 11, 23);
        let log = [
            green("1", created, 10.0),
            green("2", created.add_days(2), 10.0),
        ];
        let today = created.add_days(7);
        for (due, pace) in [
            (created.add_days(75), Pace::OnTrack),
            (today.add_days(5), Pace::Behind),
            (today.add_days(-1), Pace::Behind),
        ] {
            let p = goal_progress(&goal(20.0, created, due), &w, &log, today, false);
            assert_eq!(p.pace, pace, "{due}");
        }
    }

    #[test]
    fn the_start_is_where_the_patient_stood_when_the_goal_was_set() {
        let w = walking(10.0);
        let created = d(2026, 11, 23);
        let g = goal(20.0, created, d(2027, 1, 23));
        let today = created.add_days(10);
        // A yes + yes at 12 before the goal: the start is 12.
        let log = [
            green("0", created.add_days(-3), 12.0),
            green("1", created.add_days(1), 13.0),
        ];
        let p = goal_progress(&g, &w, &log, today, false);
        assert_eq!((p.start, p.current, p.steps_done), (a(12.0), a(13.0), 1));
        // No session before: the first one since (a step below the baseline).
        let log = [session("1", created.add_days(1), 9.0, true, Some(false))];
        let p = goal_progress(&g, &w, &log, today, false);
        assert_eq!((p.start, p.current), (a(9.0), a(10.0)));
        // No session at all: the baseline.
        assert_eq!(goal_progress(&g, &w, &[], today, false).start, a(10.0));
    }

    #[test]
    fn goal_actions_add_edit_reach_and_drop() {
        let mut doc = GoalsDoc::default();
        let g = goal(20.0, d(2026, 11, 23), d(2027, 1, 23));
        apply_to_goals(&mut doc, &GoalAction::Add(g.clone())).unwrap();
        assert_eq!(
            apply_to_goals(&mut doc, &GoalAction::Add(g.clone())),
            Err(ApplyError::DuplicateId)
        );
        let edited = Goal {
            target: a(25.0),
            created: d(2030, 1, 1),
            status: GoalStatus::Dropped(d(2030, 1, 1)),
            ..g.clone()
        };
        apply_to_goals(&mut doc, &GoalAction::Edit(edited)).unwrap();
        let stored = doc.find("g1").unwrap();
        assert_eq!(
            (stored.target, stored.created, stored.status),
            (a(25.0), g.created, GoalStatus::Active)
        );
        assert_eq!(doc.active_for("walk").count(), 1);
        let on = d(2027, 1, 2);
        apply_to_goals(
            &mut doc,
            &GoalAction::Reach {
                id: "g1".into(),
                on,
            },
        )
        .unwrap();
        assert_eq!(doc.goals[0].status, GoalStatus::Reached(on));
        assert_eq!(doc.active_for("walk").count(), 0);
        apply_to_goals(
            &mut doc,
            &GoalAction::Drop {
                id: "g1".into(),
                on,
            },
        )
        .unwrap();
        assert_eq!(doc.goals[0].status, GoalStatus::Dropped(on));
        for action in [
            GoalAction::Edit(goal(1.0, on, on).clone()).clone(),
            GoalAction::Reach { id: "x".into(), on },
            GoalAction::Drop { id: "x".into(), on },
        ] {
            let mut missing = GoalsDoc::default();
            assert_eq!(
                apply_to_goals(&mut missing, &action),
                Err(ApplyError::NotFound)
            );
        }
    }

    #[test]
    fn goals_round_trip_in_every_status_and_keep_unknown_fields() {
        let g = goal(20.0, d(2026, 11, 23), d(2027, 1, 23));
        let mut doc = GoalsDoc {
            goals: vec![
                g.clone(),
                Goal {
                    id: "g2".into(),
                    situation: "Cykle \"hjem\"\n".into(),
                    status: GoalStatus::Reached(d(2027, 1, 2)),
                    target: a(2.5),
                    ..g.clone()
                },
                Goal {
                    id: "g3".into(),
                    status: GoalStatus::Dropped(d(2027, 1, 3)),
                    confidence: 0,
                    ..g.clone()
                },
            ],
            ..GoalsDoc::default()
        };
        doc.extra.insert("future".into(), json!([1, 2]));
        doc.goal_extra.insert(
            "g2".into(),
            json!({"colour": "green"}).as_object().unwrap().clone(),
        );
        let text = encode_goals(&doc, "9.9.9");
        assert!(text.starts_with(&format!(
            "{{\"kind\":\"trinvis.goals\",\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"9.9.9\",\"goals\":[{{\"id\":\"g1\",\"activity\":\"walk\""
        )), "{text}");
        assert!(text.contains("\"reached\":\"2027-01-02\""));
        assert_eq!(decode_goals(&text), Ok(doc));
    }

    #[test]
    fn the_documented_example_reads() {
        let text = r#"{"kind":"trinvis.goals","schema_version":2,"app_version":"0.2.0","goals":[
 {"id":"g1","activity":"walk","situation":"Gå til bageren med børnebørnene",
  "target":30000,"why":"Så kan jeg hente rundstykker om søndagen","confidence":8,
  "due":"2027-02-01","created":"2026-11-23"}]}"#;
        let doc = decode_goals(text).unwrap();
        assert_eq!(doc.goals[0].target, a(30.0));
        assert_eq!(doc.goals[0].status, GoalStatus::Active);
    }

    #[test]
    fn every_bad_goal_is_invalid_and_a_newer_schema_is_reported_first() {
        let good = json!({"id":"g1","activity":"walk","situation":"s","target":1000,"why":"w",
            "confidence":8,"due":"2027-01-23","created":"2026-11-23"});
        let bad: [(&str, Value); 11] = [
            ("id", json!("")),
            ("activity", json!(7)),
            ("situation", json!(null)),
            ("target", json!(0)),
            ("target", json!(1.5)),
            ("why", json!("")),
            ("confidence", json!(11)),
            ("due", json!("2027-02-30")),
            ("created", json!("23.11.2026")),
            ("reached", json!("x")),
            ("dropped", json!(true)),
        ];
        let wrap = |goals: Value| {
            json!({"kind":"trinvis.goals","schema_version":2,"app_version":"x","goals":goals})
                .to_string()
        };
        assert!(decode_goals(&wrap(json!([good.clone()]))).is_ok());
        for (field, value) in bad {
            let mut g = good.clone();
            g[field] = value.clone();
            let got = decode_goals(&wrap(json!([g])));
            assert!(
                matches!(got, Err(DocError::Invalid { .. })),
                "{field} = {value}: {got:?}"
            );
        }
        let mut both = good.clone();
        both["reached"] = json!("2027-01-01");
        both["dropped"] = json!("2027-01-01");
        assert!(decode_goals(&wrap(json!([both]))).is_err());
        assert!(decode_goals(&wrap(json!([good.clone(), good]))).is_err());
        assert!(decode_goals(&wrap(json!({}))).is_err());
        let newer = r#"{"kind":"other","schema_version":999}"#;
        assert_eq!(
            decode_goals(newer),
            Err(DocError::NewerSchema { found: 999 })
        );
        assert_eq!(
            decode_goals(r#"{"kind":"trinvis.activities","schema_version":2}"#),
            Err(DocError::WrongKind)
        );
        // A goals document of schema 1 (the first goals format) reads the same.
        let v1 = r#"{"kind":"trinvis.goals","schema_version":1,"app_version":"x","goals":[]}"#;
        assert_eq!(decode_goals(v1), Ok(GoalsDoc::default()));
    }

    #[test]
    fn encoding_leaves_out_goals_that_decoding_would_refuse() {
        let g = goal(20.0, d(2026, 11, 23), d(2027, 1, 23));
        let doc = GoalsDoc {
            goals: vec![
                Goal {
                    id: String::new(),
                    ..g.clone()
                },
                Goal {
                    why: String::new(),
                    ..g.clone()
                },
                g.clone(),
                Goal {
                    target: a(99.0),
                    ..g.clone()
                },
            ],
            ..GoalsDoc::default()
        };
        let back = decode_goals(&encode_goals(&doc, "x")).unwrap();
        assert_eq!(back.goals, vec![g]);
    }

    #[test]
    fn merge_goals_goes_by_id_and_the_devices_goal_wins() {
        use crate::testkit::{d, goal};
        let mine = GoalsDoc {
            goals: vec![goal("g1", "walk", d(2026, 11, 1), 30.0)],
            ..GoalsDoc::default()
        };
        let mut theirs = GoalsDoc {
            goals: vec![
                goal("g1", "walk", d(2026, 11, 1), 40.0),
                goal("g2", "bike", d(2026, 11, 5), 10.0),
            ],
            ..GoalsDoc::default()
        };
        let mut extra = Map::new();
        extra.insert("colour".into(), Value::from("green"));
        theirs.goal_extra.insert("g2".into(), extra);
        let mut conflicts = 0;
        let merged = merge_goals(&mine, &theirs, &mut conflicts);
        assert_eq!(conflicts, 1);
        assert_eq!(merged.goals.len(), 2);
        assert_eq!(merged.goals[0], mine.goals[0]);
        assert_eq!(
            merged.goal_extra.get("g2").expect("g2 kept")["colour"],
            Value::from("green")
        );
        let mut again = 0;
        assert_eq!(merge_goals(&merged, &theirs, &mut again), merged);
        assert_eq!(decode_goals(&encode_goals(&merged, "x")).unwrap(), merged);
    }
}
