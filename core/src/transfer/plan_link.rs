//! The plan link (domain.md §10): a physiotherapist composes a plan (activities with
//! baseline, step and plan B, a goal, pain-monitoring limits, a note) and hands it to the
//! patient as a link or a QR code. The plan travels in the URL fragment (the part after
//! `#`, which browsers never send to a server); the app decodes it locally and adds the
//! activities only after the patient confirms.
//!
//! `#plan=v1.<base64url of compact JSON>.<checksum>`: the version, the payload, and the
//! FNV-1a checksum of `v1.<payload>` as 8 lowercase hex digits, so a damaged or edited
//! link is noticed. The checksum is not a signature: anyone can make a valid link, which
//! is why the patient always sees the plan and confirms it. See `docs/data-format.md`.

use super::codec::{base64url_decode, base64url_encode, fnv1a32};
use crate::coach::{Activity, ActivityDraft, ActivityError, Amount, PainLimits, PlanB, Unit};
use crate::json::{Map, Value};
use crate::rules::{PLAN_LINK_MAX_CHARS, PLAN_MAX_ACTIVITIES, PLAN_TEXT_MAX_CHARS};
use crate::sorted::VecSet;
use crate::store::{push_json_string, push_unit, ActivitiesDoc};
use crate::time::{Date, Instant};
use std::fmt;

/// The plan-link format this build writes and reads.
pub const PLAN_LINK_VERSION: u32 = 1;

/// The start of the URL fragment of a plan link.
pub const PLAN_FRAGMENT_PREFIX: &str = "#plan=";

/// One activity of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanActivity {
    /// Its name ("Gåtur").
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Where the ladder starts.
    pub baseline: Amount,
    /// How many times a week.
    pub per_week: u8,
    /// The step up; `None`: the app's default (10 %, rounded).
    pub step: Option<Amount>,
    /// The target amount, if the plan has one for this activity.
    pub goal: Option<Amount>,
    /// Plan B.
    pub plan_b: PlanB,
}

/// The goal of a plan, in words (the amounts are on the activities).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanGoal {
    /// What the patient wants to be able to do, in words.
    pub text: String,
    /// By when, if set.
    pub date: Option<Date>,
}

/// A plan from the physiotherapist.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLink {
    /// The activities, 1 to [`PLAN_MAX_ACTIVITIES`].
    pub activities: Vec<PlanActivity>,
    /// The goal, if any.
    pub goal: Option<PlanGoal>,
    /// Pain-monitoring limits other than the default 0-3 / 4-5; `None`: the default.
    pub limits: Option<PainLimits>,
    /// A short note to the patient (may be empty).
    pub note: String,
}

/// Why a plan link cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// Longer than [`PLAN_LINK_MAX_CHARS`].
    TooLong,
    /// Not a plan link, or broken (cut off, wrong characters, not readable).
    Damaged,
    /// The checksum does not match: the link was changed or damaged on the way.
    Tampered,
    /// Made by a newer app: update the app.
    NewerVersion {
        /// The link's version.
        found: u32,
    },
    /// No activities.
    NoActivities,
    /// More than [`PLAN_MAX_ACTIVITIES`] activities.
    TooManyActivities,
    /// An amount of zero (a baseline, step, goal or plan B amount).
    ZeroAmount {
        /// Which activity (0-based).
        activity: usize,
    },
    /// An activity breaks the activity rules (name, unit, times a week, goal below the
    /// baseline, plan B name).
    Activity {
        /// Which activity (0-based).
        activity: usize,
        /// What is wrong.
        error: ActivityError,
    },
    /// Pain limits not in order: "safe" above "acceptable", or above 10.
    LimitsOutOfOrder,
    /// The note or the goal text is longer than [`PLAN_TEXT_MAX_CHARS`].
    TextTooLong,
    /// The goal date is not a valid date.
    InvalidDate,
    /// [`PlanLink::to_activities`]: fewer new ids than activities.
    NotEnoughIds,
    /// [`PlanLink::to_activities`]: a new id is already used (or given twice).
    IdTaken,
}

impl PlanError {
    /// Translation key: "plan_link.too_long", "plan_link.damaged", "plan_link.tampered",
    /// "plan_link.newer_version", "plan_link.no_activities",
    /// "plan_link.too_many_activities", "plan_link.zero_amount", the activity error's own
    /// key ("activity.name_empty", …), "plan_link.limits_out_of_order",
    /// "plan_link.text_too_long", "plan_link.invalid_date", "plan_link.not_enough_ids",
    /// "plan_link.id_taken".
    pub fn key(self) -> &'static str {
        match self {
            PlanError::TooLong => "plan_link.too_long",
            PlanError::Damaged => "plan_link.damaged",
            PlanError::Tampered => "plan_link.tampered",
            PlanError::NewerVersion { .. } => "plan_link.newer_version",
            PlanError::NoActivities => "plan_link.no_activities",
            PlanError::TooManyActivities => "plan_link.too_many_activities",
            PlanError::ZeroAmount { .. } => "plan_link.zero_amount",
            PlanError::Activity { error, .. } => error.key(),
            PlanError::LimitsOutOfOrder => "plan_link.limits_out_of_order",
            PlanError::TextTooLong => "plan_link.text_too_long",
            PlanError::InvalidDate => "plan_link.invalid_date",
            PlanError::NotEnoughIds => "plan_link.not_enough_ids",
            PlanError::IdTaken => "plan_link.id_taken",
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NewerVersion { found } => write!(f, "{} ({found})", self.key()),
            PlanError::ZeroAmount { activity } | PlanError::Activity { activity, .. } => {
                write!(f, "{} (activity {activity})", self.key())
            }
            _ => f.write_str(self.key()),
        }
    }
}

impl std::error::Error for PlanError {}

/// What [`PlanLink::to_activities`] gives: the new activities, and the names among them
/// the patient already has.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanImport {
    /// New activities, in the plan's order, with the caller's ids; never replacing one.
    pub activities: Vec<Activity>,
    /// Names of new activities that an existing, not archived activity already has
    /// (compared trimmed and case-insensitively). They are still added as separate
    /// activities; the shell tells the patient, who may archive the old one.
    pub name_clashes: Vec<String>,
}

impl PlanActivity {
    /// The activity form of this plan activity.
    fn draft(&self) -> ActivityDraft {
        ActivityDraft {
            name: self.name.clone(),
            unit: self.unit.clone(),
            baseline: Some(self.baseline),
            per_week: self.per_week,
            goal: self.goal,
            plan_b: self.plan_b.clone(),
            custom_step: self.step,
        }
    }
}

impl PlanLink {
    /// Checks the plan: 1 to [`PLAN_MAX_ACTIVITIES`] activities, each valid by the rules
    /// of [`ActivityDraft::validate`], limits in order, texts at most
    /// [`PLAN_TEXT_MAX_CHARS`] characters.
    pub fn validate(&self) -> Result<(), PlanError> {
        if self.activities.is_empty() {
            return Err(PlanError::NoActivities);
        }
        if self.activities.len() > PLAN_MAX_ACTIVITIES {
            return Err(PlanError::TooManyActivities);
        }
        for (i, a) in self.activities.iter().enumerate() {
            a.draft()
                .validate()
                .map_err(|error| PlanError::Activity { activity: i, error })?;
        }
        let too_long = |t: &str| t.chars().count() > PLAN_TEXT_MAX_CHARS;
        if too_long(&self.note) || self.goal.as_ref().is_some_and(|g| too_long(&g.text)) {
            return Err(PlanError::TextTooLong);
        }
        Ok(())
    }

    /// The plan's activities as new activities with the caller's `ids` (one per activity,
    /// none used in `existing`, all different; e.g. from [`crate::model::new_id`]),
    /// created at `created`. An existing activity is never changed: a new one with a name
    /// the patient already uses is added all the same, and named in
    /// [`PlanImport::name_clashes`]. The shell adds them with
    /// [`crate::store::ActivityAction::Add`] after the patient confirms.
    pub fn to_activities(
        &self,
        ids: &[String],
        created: Instant,
        existing: &ActivitiesDoc,
    ) -> Result<PlanImport, PlanError> {
        self.validate()?;
        if ids.len() < self.activities.len() {
            return Err(PlanError::NotEnoughIds);
        }
        let mut seen: VecSet<&str> = VecSet::new();
        let normal = |name: &str| name.trim().to_lowercase();
        let current_names: VecSet<String> = existing
            .activities
            .iter()
            .filter(|a| !a.archived)
            .map(|a| normal(&a.name))
            .collect();
        let mut out = PlanImport {
            activities: Vec::with_capacity(self.activities.len()),
            name_clashes: Vec::new(),
        };
        for (i, (a, id)) in self.activities.iter().zip(ids).enumerate() {
            if id.is_empty() || existing.find(id).is_some() || !seen.insert(id.as_str()) {
                return Err(PlanError::IdTaken);
            }
            let activity = a
                .draft()
                .into_activity(id.clone(), created)
                .map_err(|error| PlanError::Activity { activity: i, error })?;
            if current_names.contains(&normal(&activity.name)) {
                out.name_clashes.push(activity.name.clone());
            }
            out.activities.push(activity);
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------
// Encoding.

/// The compact JSON of a plan (see `docs/data-format.md`).
fn plan_json(plan: &PlanLink) -> String {
    let mut out = String::with_capacity(128 + plan.activities.len() * 96);
    out.push_str("{\"a\":[");
    for (i, a) in plan.activities.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"n\":");
        push_json_string(&mut out, &a.name);
        out.push_str(",\"u\":");
        push_unit(&mut out, &a.unit);
        out.push_str(&format!(
            ",\"b\":{},\"w\":{}",
            a.baseline.milli(),
            a.per_week
        ));
        if let Some(step) = a.step {
            out.push_str(&format!(",\"s\":{}", step.milli()));
        }
        if let Some(goal) = a.goal {
            out.push_str(&format!(",\"g\":{}", goal.milli()));
        }
        if let PlanB::Easier { name, amount, unit } = &a.plan_b {
            out.push_str(",\"p\":{\"n\":");
            push_json_string(&mut out, name);
            out.push_str(&format!(",\"a\":{},\"u\":", amount.milli()));
            push_unit(&mut out, unit);
            out.push('}');
        }
        out.push('}');
    }
    out.push(']');
    if let Some(goal) = &plan.goal {
        out.push_str(",\"g\":{\"t\":");
        push_json_string(&mut out, &goal.text);
        if let Some(date) = goal.date {
            out.push_str(",\"d\":");
            push_json_string(&mut out, &date.iso());
        }
        out.push('}');
    }
    if let Some(limits) = plan.limits {
        out.push_str(&format!(
            ",\"l\":[{},{}]",
            limits.safe_max(),
            limits.acceptable_max()
        ));
    }
    if !plan.note.is_empty() {
        out.push_str(",\"m\":");
        push_json_string(&mut out, &plan.note);
    }
    out.push('}');
    out
}

/// The checksum part of a link: FNV-1a of `body` as 8 lowercase hex digits.
fn checksum(body: &str) -> String {
    format!("{:08x}", fnv1a32(body.as_bytes()))
}

/// The URL fragment of a plan: `#plan=v1.<payload>.<checksum>` (append it to the app's
/// address). Validate the plan first ([`PlanLink::validate`]): what this writes from a
/// valid plan, [`decode_plan`] reads back unchanged; limits equal to the default are
/// written all the same.
pub fn encode_plan(plan: &PlanLink) -> String {
    let body = format!(
        "v{PLAN_LINK_VERSION}.{}",
        base64url_encode(plan_json(plan).as_bytes())
    );
    let sum = checksum(&body);
    format!("{PLAN_FRAGMENT_PREFIX}{body}.{sum}")
}

// ---------------------------------------------------------------------------------------
// Decoding.

/// The link without white space, typed or percent-encoded (`%20`, `%0A`, `%0D`, `%09`:
/// a message app that broke the link over lines may have encoded the break). None of
/// these can be part of a link: its parts use letters, digits, `-`, `_`, `.` and `=`.
fn without_white_space(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    while let Some(c) = rest.chars().next() {
        let encoded = rest.get(..3).filter(|p| {
            p.starts_with('%')
                && ["20", "0a", "0d", "09"]
                    .iter()
                    .any(|w| p.get(1..).is_some_and(|h| h.eq_ignore_ascii_case(w)))
        });
        if let Some(p) = encoded {
            rest = rest.get(p.len()..).unwrap_or("");
            continue;
        }
        if !c.is_ascii_whitespace() {
            out.push(c);
        }
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    out
}

/// Reads a plan link: the fragment (`#plan=v1.….…`), the whole address with it, or the
/// part after `plan=`. White space (a link broken over lines in a message), typed or
/// percent-encoded, is ignored.
/// Checked in order: length ([`PlanError::TooLong`]), structure
/// ([`PlanError::Damaged`]), version ([`PlanError::NewerVersion`], before the checksum,
/// which a newer version may compute differently), checksum ([`PlanError::Tampered`]),
/// the payload ([`PlanError::Damaged`] when unreadable), then the content
/// ([`PlanLink::validate`]).
pub fn decode_plan(fragment: &str) -> Result<PlanLink, PlanError> {
    if fragment.len() > PLAN_LINK_MAX_CHARS {
        return Err(PlanError::TooLong);
    }
    let compact = without_white_space(fragment);
    let link = match compact.find("plan=") {
        Some(at) => compact.get(at + "plan=".len()..).unwrap_or(""),
        None => compact.as_str(),
    };
    let mut parts = link.split('.');
    let (Some(version), Some(payload), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(PlanError::Damaged);
    };
    let version: u32 = version
        .strip_prefix('v')
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|v| v.parse().ok())
        .ok_or(PlanError::Damaged)?;
    if version > PLAN_LINK_VERSION {
        return Err(PlanError::NewerVersion { found: version });
    }
    if version != PLAN_LINK_VERSION {
        return Err(PlanError::Damaged);
    }
    if sum.len() != 8 || !sum.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(PlanError::Damaged);
    }
    let body = format!("v{version}.{payload}");
    if !sum.eq_ignore_ascii_case(&checksum(&body)) {
        return Err(PlanError::Tampered);
    }
    let bytes = base64url_decode(payload).ok_or(PlanError::Damaged)?;
    let value: Value = crate::json::from_slice(&bytes).map_err(|_| PlanError::Damaged)?;
    let plan = read_plan(&value)?;
    plan.validate()?;
    Ok(plan)
}

/// An amount in thousandths; zero is [`PlanError::ZeroAmount`].
fn amount(v: Option<&Value>, activity: usize) -> Result<Option<Amount>, PlanError> {
    match v {
        None => Ok(None),
        Some(v) => {
            let milli = v
                .as_u64()
                .and_then(|m| u32::try_from(m).ok())
                .ok_or(PlanError::Damaged)?;
            if milli == 0 {
                return Err(PlanError::ZeroAmount { activity });
            }
            Amount::from_milli(milli)
                .map(Some)
                .map_err(|_| PlanError::Damaged)
        }
    }
}

/// A unit: a built-in key or `{"own": word}`.
fn unit(v: Option<&Value>) -> Result<Unit, PlanError> {
    match v {
        Some(Value::String(key)) => Unit::BUILT_IN
            .iter()
            .find(|u| u.key() == key)
            .cloned()
            .ok_or(PlanError::Damaged),
        Some(Value::Object(o)) if o.len() == 1 => match o.get("own") {
            Some(Value::String(word)) => Ok(Unit::Custom(word.clone())),
            _ => Err(PlanError::Damaged),
        },
        _ => Err(PlanError::Damaged),
    }
}

/// A string field.
fn text(v: Option<&Value>) -> Result<String, PlanError> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err(PlanError::Damaged),
    }
}

/// One activity of the compact JSON.
fn read_activity(v: &Value, i: usize) -> Result<PlanActivity, PlanError> {
    let o: &Map = v.as_object().ok_or(PlanError::Damaged)?;
    let baseline = amount(o.get("b"), i)?.ok_or(PlanError::Damaged)?;
    let per_week = o
        .get("w")
        .and_then(Value::as_u64)
        .ok_or(PlanError::Damaged)?;
    let per_week = u8::try_from(per_week).map_err(|_| PlanError::Activity {
        activity: i,
        error: ActivityError::PerWeekOutOfRange,
    })?;
    let plan_b = match o.get("p") {
        None => PlanB::Fraction,
        Some(Value::Object(p)) => PlanB::Easier {
            name: text(p.get("n"))?,
            amount: amount(p.get("a"), i)?.ok_or(PlanError::Damaged)?,
            unit: unit(p.get("u"))?,
        },
        Some(_) => return Err(PlanError::Damaged),
    };
    Ok(PlanActivity {
        name: text(o.get("n"))?,
        unit: unit(o.get("u"))?,
        baseline,
        per_week,
        step: amount(o.get("s"), i)?,
        goal: amount(o.get("g"), i)?,
        plan_b,
    })
}

/// The plan of the compact JSON (not yet validated).
fn read_plan(v: &Value) -> Result<PlanLink, PlanError> {
    let o = v.as_object().ok_or(PlanError::Damaged)?;
    let list = o
        .get("a")
        .and_then(Value::as_array)
        .ok_or(PlanError::Damaged)?;
    if list.len() > PLAN_MAX_ACTIVITIES {
        return Err(PlanError::TooManyActivities);
    }
    let activities = list
        .iter()
        .enumerate()
        .map(|(i, a)| read_activity(a, i))
        .collect::<Result<Vec<_>, _>>()?;
    let goal = match o.get("g") {
        None => None,
        Some(Value::Object(g)) => Some(PlanGoal {
            text: text(g.get("t"))?,
            date: match g.get("d") {
                None => None,
                Some(Value::String(d)) => Some(Date::parse_iso(d).ok_or(PlanError::InvalidDate)?),
                Some(_) => return Err(PlanError::InvalidDate),
            },
        }),
        Some(_) => return Err(PlanError::Damaged),
    };
    let limits = match o.get("l").and_then(Value::as_array).map(Vec::as_slice) {
        None if o.get("l").is_none() => None,
        Some([safe, acceptable]) => {
            let limit = |v: &Value| v.as_u64().and_then(|n| u8::try_from(n).ok());
            let (safe, acceptable) = limit(safe)
                .zip(limit(acceptable))
                .ok_or(PlanError::LimitsOutOfOrder)?;
            Some(PainLimits::new(safe, acceptable).ok_or(PlanError::LimitsOutOfOrder)?)
        }
        _ => return Err(PlanError::Damaged),
    };
    let note = match o.get("m") {
        None => String::new(),
        v => text(v)?,
    };
    Ok(PlanLink {
        activities,
        goal,
        limits,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{a, cph_hm, d};

    /// A typical plan: three activities, a goal, other limits, a note.
    fn plan() -> PlanLink {
        PlanLink {
            activities: vec![
                PlanActivity {
                    name: "Gåtur".into(),
                    unit: Unit::Minutes,
                    baseline: a(15.0),
                    per_week: 5,
                    step: None,
                    goal: Some(a(45.0)),
                    plan_b: PlanB::Fraction,
                },
                PlanActivity {
                    name: "Cykling".into(),
                    unit: Unit::Km,
                    baseline: a(2.5),
                    per_week: 3,
                    step: Some(a(0.5)),
                    goal: None,
                    plan_b: PlanB::Easier {
                        name: "Gå en tur".into(),
                        amount: a(10.0),
                        unit: Unit::Minutes,
                    },
                },
                PlanActivity {
                    name: "Trappetræning".into(),
                    unit: Unit::Custom("trapper".into()),
                    baseline: a(4.0),
                    per_week: 2,
                    step: Some(a(1.0)),
                    goal: Some(a(10.0)),
                    plan_b: PlanB::Fraction,
                },
            ],
            goal: Some(PlanGoal {
                text: "Gå til og fra arbejde uden at stoppe".into(),
                date: Some(d(2027, 3, 1)),
            }),
            limits: PainLimits::new(2, 4),
            note: "Ring til mig, hvis smerten stiger flere uger i træk. /Mette".into(),
        }
    }

    fn minimal() -> PlanLink {
        PlanLink {
            activities: vec![plan().activities.remove(0)],
            goal: None,
            limits: None,
            note: String::new(),
        }
    }

    #[test]
    fn a_plan_round_trips_through_its_link() {
        for p in [plan(), minimal()] {
            let link = encode_plan(&p);
            assert!(link.starts_with("#plan=v1."), "{link}");
            assert_eq!(decode_plan(&link), Ok(p.clone()));
            // The whole address, the part after "plan=", and a link broken over lines.
            let url = format!("https://trinvis.example/{link}");
            assert_eq!(decode_plan(&url), Ok(p.clone()));
            assert_eq!(decode_plan(link.trim_start_matches('#')), Ok(p.clone()));
            let broken: String = link
                .chars()
                .enumerate()
                .flat_map(|(i, c)| (i % 40 == 39).then_some('\n').into_iter().chain([c]))
                .collect();
            assert_eq!(decode_plan(&broken), Ok(p.clone()));
            // A message app that encoded the breaks: not "tampered".
            for enc in ["%20", "%0A", "%0d", "%09", "%0D%0A"] {
                let encoded: String = link
                    .chars()
                    .enumerate()
                    .flat_map(|(i, c)| {
                        let mut s = String::new();
                        if i % 40 == 39 {
                            s.push_str(enc);
                        }
                        s.push(c);
                        s.chars().collect::<Vec<_>>()
                    })
                    .collect();
                assert_eq!(decode_plan(&encoded), Ok(p.clone()), "{enc}");
            }
            assert!(link
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"#=.-_".contains(&b)));
        }
    }

    #[test]
    fn the_example_in_the_data_format_document_decodes() {
        let link = "#plan=v1.eyJhIjpbeyJuIjoiR8OldHVyIiwidSI6Im1pbnV0ZXMiLCJiIjoxNTAwMCwidyI6NSwiZyI6NDUwMDB9LHsibiI6IkN5a2xpbmciLCJ1Ijoia20iLCJiIjoyNTAwLCJ3IjozLCJzIjo1MDAsInAiOnsibiI6IkfDpSBlbiB0dXIiLCJhIjoxMDAwMCwidSI6Im1pbnV0ZXMifX1dLCJnIjp7InQiOiJDeWtsZSB0aWwgYXJiZWpkZSIsImQiOiIyMDI3LTAzLTAxIn0sImwiOlsyLDRdLCJtIjoiUmluZyB2ZWQgb3BibHVzc2VuIn0.392d2110";
        let mut expected = plan();
        expected.activities.truncate(2);
        expected.activities[1].goal = None;
        expected.goal = Some(PlanGoal {
            text: "Cykle til arbejde".into(),
            date: Some(d(2027, 3, 1)),
        });
        expected.note = "Ring ved opblussen".into();
        assert_eq!(decode_plan(link), Ok(expected.clone()));
        assert_eq!(encode_plan(&expected), link);
        let doc = include_str!("../../../docs/data-format.md");
        assert!(doc.contains(link));
    }

    #[test]
    fn a_typical_plan_link_is_short_enough_for_a_qr_code() {
        let link = encode_plan(&plan());
        println!("typical 3-activity plan link: {} characters", link.len());
        assert!(link.len() < 600, "{}", link.len());
        assert!(encode_plan(&minimal()).len() < 120);
    }

    #[test]
    fn a_damaged_or_changed_link_is_refused() {
        let link = encode_plan(&plan());
        let body = link.trim_start_matches("#plan=");
        let (head, sum) = body.rsplit_once('.').unwrap();
        let mut flipped = head.to_string().into_bytes();
        let mid = flipped.len() / 2;
        flipped[mid] = if flipped[mid] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(flipped).unwrap();
        // A payload that is valid base64 with a correct checksum but not a plan.
        let forged = |json: &str| {
            let body = format!("v1.{}", base64url_encode(json.as_bytes()));
            format!("#plan={body}.{}", checksum(&body))
        };
        let cases: Vec<(String, PlanError)> = vec![
            (String::new(), PlanError::Damaged),
            ("#plan=".into(), PlanError::Damaged),
            ("https://trinvis.example/".into(), PlanError::Damaged),
            (format!("#plan={head}"), PlanError::Damaged),
            (format!("#plan={head}.{sum}.x"), PlanError::Damaged),
            (format!("#plan={head}.{}", &sum[..7]), PlanError::Damaged),
            (format!("#plan={head}.zzzzzzzz"), PlanError::Damaged),
            (link[..link.len() - 30].to_string(), PlanError::Damaged),
            (
                format!("#plan={}.{sum}", &head[..head.len() - 8]),
                PlanError::Tampered,
            ),
            (format!("#plan={flipped}.{sum}"), PlanError::Tampered),
            (link.replace("v1.", "v0."), PlanError::Damaged),
            (
                link.replace("v1.", "v2."),
                PlanError::NewerVersion { found: 2 },
            ),
            (link.replace("v1.", "v."), PlanError::Damaged),
            (link.replace("v1.", "v99999999999."), PlanError::Damaged),
            ("x".repeat(PLAN_LINK_MAX_CHARS + 1), PlanError::TooLong),
            (forged("not json"), PlanError::Damaged),
            (forged("[1]"), PlanError::Damaged),
            (forged(r#"{"a":[]}"#), PlanError::NoActivities),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":0,"w":3}]}"#),
                PlanError::ZeroAmount { activity: 0 },
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3,"s":0}]}"#),
                PlanError::ZeroAmount { activity: 0 },
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3}],"l":[5,3]}"#),
                PlanError::LimitsOutOfOrder,
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3}],"l":[3,11]}"#),
                PlanError::LimitsOutOfOrder,
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3}],"l":[3]}"#),
                PlanError::Damaged,
            ),
            (
                forged(r#"{"a":[{"n":" ","u":"minutes","b":1000,"w":3}]}"#),
                PlanError::Activity {
                    activity: 0,
                    error: ActivityError::NameEmpty,
                },
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":5000,"w":3,"g":1000}]}"#),
                PlanError::Activity {
                    activity: 0,
                    error: ActivityError::GoalBelowBaseline,
                },
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":300}]}"#),
                PlanError::Activity {
                    activity: 0,
                    error: ActivityError::PerWeekOutOfRange,
                },
            ),
            (
                forged(r#"{"a":[{"n":"Gå","u":"hours","b":1000,"w":3}]}"#),
                PlanError::Damaged,
            ),
            (
                forged(
                    r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3}],"g":{"t":"x","d":"2027-02-30"}}"#,
                ),
                PlanError::InvalidDate,
            ),
            (
                forged(&format!(
                    r#"{{"a":[{{"n":"Gå","u":"minutes","b":1000,"w":3}}],"m":"{}"}}"#,
                    "x".repeat(PLAN_TEXT_MAX_CHARS + 1)
                )),
                PlanError::TextTooLong,
            ),
            (
                forged(&format!(
                    r#"{{"a":[{}]}}"#,
                    vec![r#"{"n":"Gå","u":"minutes","b":1000,"w":3}"#; PLAN_MAX_ACTIVITIES + 1]
                        .join(",")
                )),
                PlanError::TooManyActivities,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(decode_plan(&text), Err(expected), "{text}");
            assert!(expected.to_string().starts_with(expected.key()));
        }
        // Unknown fields of a v1 plan are ignored (room for optional additions).
        let extra = forged(r#"{"a":[{"n":"Gå","u":"minutes","b":1000,"w":3,"x":1}],"y":2}"#);
        assert_eq!(decode_plan(&extra).unwrap().activities[0].name, "Gå");
    }

    #[test]
    fn the_plan_becomes_new_activities_that_never_replace_existing_ones() {
        let created = cph_hm(d(2026, 11, 23), 10, 0);
        let existing_walk = PlanActivity {
            name: " gåtur ".into(),
            ..plan().activities.remove(0)
        };
        let existing = ActivitiesDoc {
            activities: vec![
                existing_walk
                    .draft()
                    .into_activity("w1".into(), created)
                    .unwrap(),
                Activity {
                    archived: true,
                    ..plan().activities[1]
                        .draft()
                        .into_activity("old".into(), created)
                        .unwrap()
                },
            ],
            ..ActivitiesDoc::default()
        };
        let ids: Vec<String> = ["n1", "n2", "n3"].map(String::from).to_vec();
        let import = plan().to_activities(&ids, created, &existing).unwrap();
        assert_eq!(
            import.name_clashes,
            ["Gåtur"],
            "archived names do not clash"
        );
        let got: Vec<(&str, &str)> = import
            .activities
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [("n1", "Gåtur"), ("n2", "Cykling"), ("n3", "Trappetræning")]
        );
        let bike = &import.activities[1];
        assert_eq!(bike.custom_step, Some(a(0.5)));
        assert_eq!(bike.baseline, a(2.5));
        assert!(matches!(bike.plan_b, PlanB::Easier { .. }));
        assert!(import
            .activities
            .iter()
            .all(|a| !a.archived && a.created == created));
        let bad_ids: [(&[&str], PlanError); 4] = [
            (&["n1", "n2"], PlanError::NotEnoughIds),
            (&["n1", "w1", "n3"], PlanError::IdTaken),
            (&["n1", "n1", "n3"], PlanError::IdTaken),
            (&["n1", "", "n3"], PlanError::IdTaken),
        ];
        for (ids, error) in bad_ids {
            let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            assert_eq!(plan().to_activities(&ids, created, &existing), Err(error));
        }
    }
}
