//! The warning-sign check (domain.md §8), the patient's conditions and the first visit.
//!
//! - [`WarningSign`]: the seven signs that need a doctor, the first three at once.
//! - [`SafetyCheck`]: the patient's answers, when they were given, and which ticked signs
//!   the patient has since cleared; [`SafetyCheck::status`] and [`may_reassure`].
//! - [`should_offer_check`]: when the check is offered again (a bad day, a new body area).
//! - [`Condition`]: what the patient has been told they have (or "not sure"), which steers
//!   the learn pages ([`crate::learn::pages_for`]).
//! - [`Profile`], [`encode_profile`], [`decode_profile`]: the stored document.
//!
//! # The stored document
//!
//! One small document under [`PROFILE_KEY`] holds the check, the chosen conditions and the
//! first-visit flag. They belong together: all three are answered at the first visit, and
//! together they decide what the learn pages show (which pages, and whether reassuring
//! sentences may be shown at all).
//!
//! ```json
//! {"kind":"trinvis.profile","schema_version":1,"app_version":"0.2.0",
//!  "conditions":["sciatica"],"first_visit_done":true,
//!  "answers":{"saddle_numbness":false,"bladder_bowel":false,"strength_loss":true},
//!  "answered":[1795420800,60],"cleared":["strength_loss"]}
//! ```
//!
//! - `conditions`: [`Condition`] ids, no repeats, in the order chosen;
//! - `first_visit_done`: `true` once the first-visit flow is finished;
//! - `answers`: [`WarningSign`] id -> `true` (yes, ticked) or `false` (no); a sign that is
//!   absent is unanswered;
//! - `answered`: `[utc_secs, offset_min]` of the last change to the answers, absent when
//!   none was ever given;
//! - `cleared`: ids of ticked signs the patient has cleared (e.g. after seeing a doctor),
//!   each of them answered `true`.
//!
//! Every field may be absent (the default). Unknown fields are kept on re-save, like the
//! settings. An unknown sign or condition id is [`DocError::Invalid`]: dropping a tick
//! written by a newer app would be unsafe, so a newer app that adds a sign must raise
//! [`PROFILE_SCHEMA_VERSION`].
//!
//! The document has its own schema version ([`PROFILE_SCHEMA_VERSION`], starting at 1),
//! separate from [`crate::store::SCHEMA_VERSION`] of the diary documents, and the same
//! reading rules: a newer version is [`DocError::NewerSchema`] before anything else is
//! checked (read-only, never quarantined); anything else that fails is
//! [`DocError::NotJson`], [`DocError::WrongKind`] or [`DocError::Invalid`] (quarantine).

use crate::coach::pain::noticed_bad_day;
use crate::diary::DaySummary;
use crate::model::{BodyArea, CheckIn};
use crate::store::{DocError, CORE_VERSION};
#[cfg(doc)]
use crate::time::MAX_OFFSET_MIN;
use crate::time::{Date, Instant};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A warning sign ("red flag") that needs a doctor (domain.md §8), in the order the check
/// asks them. The first three are urgent ([`WarningSign::is_urgent`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningSign {
    /// Numbness in the saddle area / inner thighs. Urgent.
    SaddleNumbness,
    /// Losing control of bladder or bowel, trouble passing or holding urine, or loss of
    /// sexual function. Urgent.
    BladderBowel,
    /// Sudden or severe loss of strength, e.g. in the leg or foot, or trouble walking.
    /// Urgent.
    StrengthLoss,
    /// Severe pain that keeps increasing and does not ease over time.
    SeverePain,
    /// Severe, increasing numbness or tingling that does not ease.
    SpreadingNumbness,
    /// Fever or unexplained weight loss.
    FeverWeightLoss,
    /// Pain that started with a fall or other accident.
    Accident,
}

impl WarningSign {
    /// Every sign, in the order of domain.md §8 (the order the check asks them).
    pub const ALL: [WarningSign; 7] = [
        WarningSign::SaddleNumbness,
        WarningSign::BladderBowel,
        WarningSign::StrengthLoss,
        WarningSign::SeverePain,
        WarningSign::SpreadingNumbness,
        WarningSign::FeverWeightLoss,
        WarningSign::Accident,
    ];

    /// Stable id, used in storage and as the translation key suffix: "saddle_numbness",
    /// "bladder_bowel", "strength_loss", "severe_pain", "spreading_numbness",
    /// "fever_weight_loss", "accident". Never change one.
    pub fn id(self) -> &'static str {
        match self {
            WarningSign::SaddleNumbness => "saddle_numbness",
            WarningSign::BladderBowel => "bladder_bowel",
            WarningSign::StrengthLoss => "strength_loss",
            WarningSign::SeverePain => "severe_pain",
            WarningSign::SpreadingNumbness => "spreading_numbness",
            WarningSign::FeverWeightLoss => "fever_weight_loss",
            WarningSign::Accident => "accident",
        }
    }

    /// The sign with this id (exact), or `None`.
    pub fn from_id(id: &str) -> Option<WarningSign> {
        WarningSign::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Translation key of the question: "warning.saddle_numbness"...
    pub fn key(self) -> &'static str {
        match self {
            WarningSign::SaddleNumbness => "warning.saddle_numbness",
            WarningSign::BladderBowel => "warning.bladder_bowel",
            WarningSign::StrengthLoss => "warning.strength_loss",
            WarningSign::SeverePain => "warning.severe_pain",
            WarningSign::SpreadingNumbness => "warning.spreading_numbness",
            WarningSign::FeverWeightLoss => "warning.fever_weight_loss",
            WarningSign::Accident => "warning.accident",
        }
    }

    /// Whether the sign means: contact a doctor at once (own doctor, or the out-of-hours
    /// doctor "lægevagten"; 112 in an emergency). True for the first three signs of
    /// domain.md §8; the others mean: contact a doctor.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            WarningSign::SaddleNumbness | WarningSign::BladderBowel | WarningSign::StrengthLoss
        )
    }
}

/// The patient's answer to one warning sign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Not answered (yet).
    #[default]
    Unanswered,
    /// No: the patient does not have this sign.
    No,
    /// Yes: the sign is ticked.
    Yes,
}

/// Why a change to the check was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyError {
    /// Only a sign answered "yes" can be cleared.
    NotTicked,
}

impl SafetyError {
    /// Translation key: "safety.not_ticked".
    pub fn key(self) -> &'static str {
        match self {
            SafetyError::NotTicked => "safety.not_ticked",
        }
    }
}

impl fmt::Display for SafetyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for SafetyError {}

/// The warning-sign check as the patient answered it (domain.md §8).
///
/// A ticked sign stays on record after the patient clears it (the physiotherapist's
/// summary lists the signs that were ticked); a cleared sign no longer blocks reassuring
/// words ([`may_reassure`]). Answering "yes" again un-clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafetyCheck {
    /// Answered signs: `true` yes, `false` no; absent = unanswered.
    answers: BTreeMap<WarningSign, bool>,
    /// The last change to the answers.
    answered_at: Option<Instant>,
    /// Ticked signs the patient has cleared; each is answered yes.
    cleared: BTreeSet<WarningSign>,
}

/// The outcome of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SafetyStatus {
    /// No sign has been answered.
    NotTaken,
    /// Answered, and no sign is ticked (or every ticked sign has been cleared). Some signs
    /// may still be unanswered ([`SafetyCheck::unanswered`]).
    NoneTicked,
    /// At least one sign is ticked and not cleared.
    Ticked {
        /// Whether any of `signs` is urgent: contact a doctor at once.
        urgent: bool,
        /// The ticked, not cleared signs, in the check's order.
        signs: Vec<WarningSign>,
    },
}

impl SafetyCheck {
    /// A check with no answers.
    pub fn new() -> SafetyCheck {
        SafetyCheck::default()
    }

    /// The answer to `sign`.
    pub fn answer(&self, sign: WarningSign) -> Answer {
        match self.answers.get(&sign) {
            None => Answer::Unanswered,
            Some(false) => Answer::No,
            Some(true) => Answer::Yes,
        }
    }

    /// When the answers last changed (an answer or a clearing), `None` before any.
    pub fn answered_at(&self) -> Option<Instant> {
        self.answered_at
    }

    /// Whether the patient has cleared `sign` (only ever true for a sign answered yes).
    pub fn is_cleared(&self, sign: WarningSign) -> bool {
        self.cleared.contains(&sign)
    }

    /// Records `answer` to `sign` at `at`. A "yes" is never cleared; "no" or "unanswered"
    /// also drop a clearing (there is nothing left to clear).
    pub fn set_answer(&mut self, sign: WarningSign, answer: Answer, at: Instant) {
        match answer {
            Answer::Unanswered => {
                self.answers.remove(&sign);
            }
            Answer::No => {
                self.answers.insert(sign, false);
            }
            Answer::Yes => {
                self.answers.insert(sign, true);
            }
        }
        self.cleared.remove(&sign);
        self.answered_at = Some(at);
    }

    /// The patient clears a ticked sign at `at` (e.g. a doctor has looked at it, or it has
    /// passed). [`SafetyError::NotTicked`] when `sign` is not answered yes.
    pub fn clear(&mut self, sign: WarningSign, at: Instant) -> Result<(), SafetyError> {
        if self.answer(sign) != Answer::Yes {
            return Err(SafetyError::NotTicked);
        }
        self.cleared.insert(sign);
        self.answered_at = Some(at);
        Ok(())
    }

    /// Signs not answered yet, in the check's order.
    pub fn unanswered(&self) -> Vec<WarningSign> {
        WarningSign::ALL
            .into_iter()
            .filter(|s| self.answer(*s) == Answer::Unanswered)
            .collect()
    }

    /// Signs ever answered yes (cleared or not), in the check's order: what the
    /// physiotherapist's summary lists.
    pub fn ever_ticked(&self) -> Vec<WarningSign> {
        WarningSign::ALL
            .into_iter()
            .filter(|s| self.answer(*s) == Answer::Yes)
            .collect()
    }

    /// The outcome: not taken, none ticked, or the ticked signs that are not cleared.
    pub fn status(&self) -> SafetyStatus {
        if self.answers.is_empty() {
            return SafetyStatus::NotTaken;
        }
        let signs: Vec<WarningSign> = self
            .ever_ticked()
            .into_iter()
            .filter(|s| !self.is_cleared(*s))
            .collect();
        if signs.is_empty() {
            SafetyStatus::NoneTicked
        } else {
            SafetyStatus::Ticked {
                urgent: signs.iter().any(|s| s.is_urgent()),
                signs,
            }
        }
    }
}

/// The emergency number in Denmark, dialled from the check and the banner.
pub const EMERGENCY_PHONE: &str = "112";

/// Lægevagten (the out-of-hours doctor) in Region Hovedstaden (domain.md §8); the other
/// regions have their own numbers.
pub const LAEGEVAGT_HOVEDSTADEN_PHONE: &str = "1813";

/// Whether the app may say that symptoms are harmless or not dangerous (domain.md §8):
/// false whenever a sign is ticked and not cleared. The learn pages hide their reassuring
/// blocks when this is false ([`crate::learn::visible_blocks`]).
pub fn may_reassure(check: &SafetyCheck) -> bool {
    !matches!(check.status(), SafetyStatus::Ticked { .. })
}

/// Why the check is offered again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfferReason {
    /// Today's pain is [`crate::rules::BAD_DAY_DELTA`] or more above the mean of the 7 days
    /// before ([`noticed_bad_day`]).
    BadDay,
    /// Today's check-ins name body areas (with side) that no earlier check-in named.
    NewArea(Vec<BodyArea>),
}

impl OfferReason {
    /// Translation key: "safety.offer.bad_day", "safety.offer.new_area".
    pub fn key(&self) -> &'static str {
        match self {
            OfferReason::BadDay => "safety.offer.bad_day",
            OfferReason::NewArea(_) => "safety.offer.new_area",
        }
    }
}

/// Whether to offer the warning-sign check again `today`, and why (domain.md §8, issue 6).
///
/// - A new body area: today's check-ins name an area (region and side: the left knee is
///   new when only the right knee was named before) that no check-in of an earlier day
///   named. Only when there are earlier check-ins: on the first day everything is new,
///   and the first visit offers the check anyway.
/// - A bad day: [`noticed_bad_day`] on `days` (the diary's day summaries).
///
/// A new area wins over a bad day, because it names what to ask about. The caller decides
/// whether the check already answered today ([`SafetyCheck::answered_at`]) is enough.
pub fn should_offer_check(
    days: &[DaySummary],
    checkins: &[&CheckIn],
    today: Date,
) -> Option<OfferReason> {
    let earlier: Vec<&CheckIn> = checkins
        .iter()
        .copied()
        .filter(|c| c.date() < today)
        .collect();
    if !earlier.is_empty() {
        let known: BTreeSet<BodyArea> = earlier.iter().flat_map(|c| c.areas.clone()).collect();
        let new: BTreeSet<BodyArea> = checkins
            .iter()
            .filter(|c| c.date() == today)
            .flat_map(|c| c.areas.clone())
            .filter(|a| !known.contains(a))
            .collect();
        if !new.is_empty() {
            return Some(OfferReason::NewArea(new.into_iter().collect()));
        }
    }
    noticed_bad_day(days, today).then_some(OfferReason::BadDay)
}

/// What the patient has been told they have, as chosen at the first visit (several may be
/// chosen). Steers which learn pages come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Condition {
    /// Neck pain (nakkesmerter).
    NeckPain,
    /// Low back pain (lændesmerter).
    LowBackPain,
    /// Nerve-root pain in the low back, sciatica (iskias, nerverodspåvirkning i lænden).
    Sciatica,
    /// Nerve-root pain in the neck (nerverodspåvirkning i nakken).
    NeckNerveRoot,
    /// Lumbar spinal stenosis (spinalstenose i lænden).
    SpinalStenosis,
    /// Knee osteoarthritis (knæartrose).
    KneeOsteoarthritis,
    /// Hip osteoarthritis (hofteartrose).
    HipOsteoarthritis,
    /// Not sure, or no name given: the general pages apply.
    NotSure,
}

impl Condition {
    /// Every condition, in the order the first visit lists them.
    pub const ALL: [Condition; 8] = [
        Condition::NeckPain,
        Condition::LowBackPain,
        Condition::Sciatica,
        Condition::NeckNerveRoot,
        Condition::SpinalStenosis,
        Condition::KneeOsteoarthritis,
        Condition::HipOsteoarthritis,
        Condition::NotSure,
    ];

    /// Stable id, used in storage, in the learn files and as the translation key suffix:
    /// "neck-pain", "low-back-pain", "sciatica", "neck-nerve-root", "spinal-stenosis",
    /// "knee-osteoarthritis", "hip-osteoarthritis", "not-sure". Never change one.
    pub fn id(self) -> &'static str {
        match self {
            Condition::NeckPain => "neck-pain",
            Condition::LowBackPain => "low-back-pain",
            Condition::Sciatica => "sciatica",
            Condition::NeckNerveRoot => "neck-nerve-root",
            Condition::SpinalStenosis => "spinal-stenosis",
            Condition::KneeOsteoarthritis => "knee-osteoarthritis",
            Condition::HipOsteoarthritis => "hip-osteoarthritis",
            Condition::NotSure => "not-sure",
        }
    }

    /// The condition with this id (exact), or `None`.
    pub fn from_id(id: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Translation key of its name: "condition.neck-pain"...
    pub fn key(self) -> &'static str {
        match self {
            Condition::NeckPain => "condition.neck-pain",
            Condition::LowBackPain => "condition.low-back-pain",
            Condition::Sciatica => "condition.sciatica",
            Condition::NeckNerveRoot => "condition.neck-nerve-root",
            Condition::SpinalStenosis => "condition.spinal-stenosis",
            Condition::KneeOsteoarthritis => "condition.knee-osteoarthritis",
            Condition::HipOsteoarthritis => "condition.hip-osteoarthritis",
            Condition::NotSure => "condition.not-sure",
        }
    }
}

// ---------------------------------------------------------------------------------------
// The stored document.

/// Key of the profile document (the check, the conditions, the first-visit flag).
pub const PROFILE_KEY: &str = "trinvis.profile";

/// `kind` of the profile document.
pub const KIND_PROFILE: &str = "trinvis.profile";

/// Schema version of the profile document, counted on its own (see the module docs).
///
/// 1: conditions, first-visit flag, the warning-sign check.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

/// Envelope and known fields of the profile document; never taken from `extra`.
const PROFILE_FIELDS: [&str; 8] = [
    "kind",
    "schema_version",
    "app_version",
    "conditions",
    "first_visit_done",
    "answers",
    "answered",
    "cleared",
];

/// The profile document: what the first visit asks, and the warning-sign check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// The patient's conditions, no repeats, in the order chosen.
    pub conditions: Vec<Condition>,
    /// Whether the first-visit flow is done.
    pub first_visit_done: bool,
    /// The warning-sign check.
    pub check: SafetyCheck,
    /// Fields this version does not know, kept as they were and written back on save.
    pub extra: Map<String, Value>,
}

/// Appends `,"name":` to `out`.
fn push_field(out: &mut String, name: &str) {
    out.push(',');
    out.push_str(&Value::from(name).to_string());
    out.push(':');
}

/// The profile document (see the module docs), with [`CORE_VERSION`] as `app_version`.
/// Repeated conditions are written once.
pub fn encode_profile(profile: &Profile) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\"kind\":");
    out.push_str(&Value::from(KIND_PROFILE).to_string());
    out.push_str(&format!(",\"schema_version\":{PROFILE_SCHEMA_VERSION}"));
    push_field(&mut out, "app_version");
    out.push_str(&Value::from(CORE_VERSION).to_string());

    let mut seen = BTreeSet::new();
    let conditions: Vec<Value> = profile
        .conditions
        .iter()
        .filter(|c| seen.insert(**c))
        .map(|c| Value::from(c.id()))
        .collect();
    push_field(&mut out, "conditions");
    out.push_str(&Value::Array(conditions).to_string());
    push_field(&mut out, "first_visit_done");
    out.push_str(if profile.first_visit_done {
        "true"
    } else {
        "false"
    });

    let check = &profile.check;
    let answers: Vec<String> = WarningSign::ALL
        .into_iter()
        .filter_map(|s| match check.answer(s) {
            Answer::Unanswered => None,
            Answer::No => Some(format!("\"{}\":false", s.id())),
            Answer::Yes => Some(format!("\"{}\":true", s.id())),
        })
        .collect();
    push_field(&mut out, "answers");
    out.push_str(&format!("{{{}}}", answers.join(",")));
    if let Some(at) = check.answered_at {
        push_field(&mut out, "answered");
        out.push_str(&format!("[{},{}]", at.utc_secs, at.offset_min));
    }
    let cleared: Vec<Value> = WarningSign::ALL
        .into_iter()
        .filter(|s| check.is_cleared(*s) && check.answer(*s) == Answer::Yes)
        .map(|s| Value::from(s.id()))
        .collect();
    if !cleared.is_empty() {
        push_field(&mut out, "cleared");
        out.push_str(&Value::Array(cleared).to_string());
    }

    for (key, value) in &profile.extra {
        if PROFILE_FIELDS.contains(&key.as_str()) {
            continue;
        }
        push_field(&mut out, key);
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

/// [`DocError::Invalid`] with `detail`.
fn invalid(detail: impl Into<String>) -> DocError {
    DocError::Invalid {
        detail: detail.into(),
    }
}

/// Parses `text` and checks the envelope. A newer `schema_version` is reported before the
/// kind or anything else is looked at (as [`crate::store`] does).
fn read_profile_envelope(text: &str) -> Result<Map<String, Value>, DocError> {
    let doc: Value = serde_json::from_str(text).map_err(|_| DocError::NotJson)?;
    let Value::Object(object) = doc else {
        return Err(DocError::WrongKind);
    };
    let version = object.get("schema_version").and_then(Value::as_u64);
    if let Some(found) = version {
        if found > u64::from(PROFILE_SCHEMA_VERSION) {
            return Err(DocError::NewerSchema {
                found: u32::try_from(found).unwrap_or(u32::MAX),
            });
        }
    }
    if object.get("kind").and_then(Value::as_str) != Some(KIND_PROFILE) {
        return Err(DocError::WrongKind);
    }
    match version {
        Some(v) if v >= 1 => Ok(object),
        _ => Err(invalid("schema_version missing, 0 or not a whole number")),
    }
}

/// Reads an array of ids with `parse`, refusing unknown ids and repeats.
fn decode_ids<T: Ord + Copy>(
    v: Option<&Value>,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Vec<T>, DocError> {
    let items = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid(format!("{what} is not an array"))),
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let id = item
            .as_str()
            .ok_or_else(|| invalid(format!("{what}: an id is not a string")))?;
        let value = parse(id).ok_or_else(|| invalid(format!("{what}: unknown id {id:?}")))?;
        if !seen.insert(value) {
            return Err(invalid(format!("{what}: {id:?} repeated")));
        }
        out.push(value);
    }
    Ok(out)
}

/// Reads `[utc_secs, offset_min]` with the offset within ±[`MAX_OFFSET_MIN`].
fn decode_moment(v: &Value) -> Option<Instant> {
    let [secs, offset] = v.as_array()?.as_slice() else {
        return None;
    };
    let offset = i16::try_from(offset.as_i64()?).ok()?;
    Instant::new(secs.as_i64()?, offset)
}

/// Reads the profile document (see the module docs). Missing fields get their defaults;
/// unknown fields go to [`Profile::extra`].
pub fn decode_profile(text: &str) -> Result<Profile, DocError> {
    let mut doc = read_profile_envelope(text)?;
    let conditions = decode_ids(doc.get("conditions"), "conditions", Condition::from_id)?;
    let first_visit_done = match doc.get("first_visit_done") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid("first_visit_done is not true or false")),
    };

    let mut answers = BTreeMap::new();
    match doc.get("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (id, value) in map {
                let sign = WarningSign::from_id(id)
                    .ok_or_else(|| invalid(format!("answers: unknown sign {id:?}")))?;
                let yes = value
                    .as_bool()
                    .ok_or_else(|| invalid(format!("answers: {id:?} is not true or false")))?;
                answers.insert(sign, yes);
            }
        }
        Some(_) => return Err(invalid("answers is not an object")),
    }

    let answered_at = match doc.get("answered") {
        None => None,
        Some(v) => Some(
            decode_moment(v).ok_or_else(|| invalid("answered is not [utc_secs, offset_min]"))?,
        ),
    };
    if answered_at.is_none() && !answers.is_empty() {
        return Err(invalid("answers without answered"));
    }

    let cleared: BTreeSet<WarningSign> =
        decode_ids(doc.get("cleared"), "cleared", WarningSign::from_id)?
            .into_iter()
            .collect();
    if let Some(sign) = cleared.iter().find(|s| answers.get(s) != Some(&true)) {
        return Err(invalid(format!(
            "cleared: {:?} is not answered yes",
            sign.id()
        )));
    }

    for field in PROFILE_FIELDS {
        doc.remove(field);
    }
    Ok(Profile {
        conditions,
        first_visit_done,
        check: SafetyCheck {
            answers,
            answered_at,
            cleared,
        },
        extra: doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::days;
    use crate::model::{Region, Score, Side};
    use crate::testkit::{cph, d};
    use serde_json::json;

    fn at() -> Instant {
        cph(d(2026, 11, 23), 9)
    }

    /// A check with these answers, all given at [`at`].
    fn check(answers: &[(WarningSign, Answer)]) -> SafetyCheck {
        let mut check = SafetyCheck::new();
        for (sign, answer) in answers {
            check.set_answer(*sign, *answer, at());
        }
        check
    }

    fn all_no() -> Vec<(WarningSign, Answer)> {
        WarningSign::ALL.map(|s| (s, Answer::No)).to_vec()
    }

    #[test]
    fn the_seven_signs_keep_their_order_ids_and_urgency() {
        let expected = [
            ("saddle_numbness", true),
            ("bladder_bowel", true),
            ("strength_loss", true),
            ("severe_pain", false),
            ("spreading_numbness", false),
            ("fever_weight_loss", false),
            ("accident", false),
        ];
        assert_eq!(WarningSign::ALL.len(), expected.len());
        for (sign, (id, urgent)) in WarningSign::ALL.into_iter().zip(expected) {
            assert_eq!(sign.id(), id);
            assert_eq!(sign.is_urgent(), urgent, "{id}");
            assert_eq!(WarningSign::from_id(id), Some(sign));
            assert_eq!(sign.key(), format!("warning.{id}"));
        }
        assert_eq!(WarningSign::from_id("Accident"), None);
    }

    #[test]
    fn any_yes_is_ticked_urgent_only_for_the_first_three() {
        use Answer::*;
        use WarningSign::*;
        // (answers, expected status)
        let cases: Vec<(Vec<(WarningSign, Answer)>, SafetyStatus)> = vec![
            (vec![], SafetyStatus::NotTaken),
            (all_no(), SafetyStatus::NoneTicked),
            // Partly answered without a yes: none ticked, two left unanswered.
            (
                vec![(SaddleNumbness, No), (Accident, No)],
                SafetyStatus::NoneTicked,
            ),
            (
                vec![(SaddleNumbness, Yes)],
                SafetyStatus::Ticked {
                    urgent: true,
                    signs: vec![SaddleNumbness],
                },
            ),
            (
                vec![(StrengthLoss, Yes), (BladderBowel, No)],
                SafetyStatus::Ticked {
                    urgent: true,
                    signs: vec![StrengthLoss],
                },
            ),
            (
                vec![(FeverWeightLoss, Yes), (SeverePain, Yes)],
                SafetyStatus::Ticked {
                    urgent: false,
                    signs: vec![SeverePain, FeverWeightLoss],
                },
            ),
            (
                vec![(Accident, Yes), (BladderBowel, Yes)],
                SafetyStatus::Ticked {
                    urgent: true,
                    signs: vec![BladderBowel, Accident],
                },
            ),
            // Taking an answer back leaves it unanswered.
            (
                vec![(Accident, Yes), (Accident, Unanswered)],
                SafetyStatus::NotTaken,
            ),
        ];
        for (answers, status) in cases {
            let check = check(&answers);
            assert_eq!(check.status(), status, "{answers:?}");
            let ticked = matches!(status, SafetyStatus::Ticked { .. });
            assert_eq!(may_reassure(&check), !ticked, "{answers:?}");
        }
    }

    #[test]
    fn unanswered_signs_are_listed_in_order() {
        let check = check(&[(WarningSign::BladderBowel, Answer::No)]);
        assert_eq!(check.unanswered().len(), 6);
        assert_eq!(
            check.unanswered().first(),
            Some(&WarningSign::SaddleNumbness)
        );
        assert!(!check.unanswered().contains(&WarningSign::BladderBowel));
        assert_eq!(check.answered_at(), Some(at()));
        assert_eq!(SafetyCheck::new().answered_at(), None);
        assert_eq!(SafetyCheck::new().unanswered().len(), 7);
    }

    #[test]
    fn a_cleared_sign_no_longer_blocks_reassurance_until_it_is_ticked_again() {
        use WarningSign::*;
        let mut check = check(&all_no());
        check.set_answer(SeverePain, Answer::Yes, at());
        check.set_answer(StrengthLoss, Answer::Yes, at());
        assert!(!may_reassure(&check));

        let later = cph(d(2026, 11, 25), 10);
        check.clear(StrengthLoss, later).unwrap();
        assert_eq!(check.answered_at(), Some(later));
        assert_eq!(
            check.status(),
            SafetyStatus::Ticked {
                urgent: false,
                signs: vec![SeverePain]
            }
        );
        assert!(!may_reassure(&check), "one sign is still ticked");
        check.clear(SeverePain, later).unwrap();
        assert_eq!(check.status(), SafetyStatus::NoneTicked);
        assert!(may_reassure(&check));
        // Both stay on record for the physiotherapist.
        assert_eq!(check.ever_ticked(), [StrengthLoss, SeverePain]);

        // Only a ticked sign can be cleared.
        assert_eq!(check.clear(Accident, later), Err(SafetyError::NotTicked));
        assert_eq!(SafetyError::NotTicked.key(), "safety.not_ticked");
        // Ticking it again un-clears it.
        check.set_answer(StrengthLoss, Answer::Yes, later);
        assert!(!check.is_cleared(StrengthLoss));
        assert!(!may_reassure(&check));
        // Answering no drops the clearing.
        check.set_answer(SeverePain, Answer::No, later);
        assert!(!check.is_cleared(SeverePain));
    }

    fn check_in(date: Date, pain: u8, areas: &[&str]) -> CheckIn {
        CheckIn {
            id: format!("{}-{pain}", date.iso()),
            at: cph(date, 8),
            pain: Score::new(pain).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: areas
                .iter()
                .map(|c| BodyArea::from_code(c).unwrap())
                .collect(),
            note: String::new(),
        }
    }

    #[test]
    fn the_check_is_offered_again_on_a_bad_day_or_for_a_new_body_area() {
        let today = d(2026, 11, 23);
        let week = |pain: u8, areas: &[&str]| -> Vec<CheckIn> {
            (1..=7)
                .map(|b| check_in(today.add_days(-b), pain, areas))
                .collect()
        };
        let knee_l = BodyArea::new(Region::Knee, Some(Side::Left)).unwrap();
        // (earlier days, today's check-ins, expected)
        let cases: Vec<(Vec<CheckIn>, Vec<CheckIn>, Option<OfferReason>)> = vec![
            (week(3, &["lb"]), vec![check_in(today, 3, &["lb"])], None),
            (
                week(3, &["lb"]),
                vec![check_in(today, 5, &["lb"])],
                Some(OfferReason::BadDay),
            ),
            (week(3, &["lb"]), vec![check_in(today, 4, &["lb"])], None),
            // The left knee is new although the right knee was named before.
            (
                week(3, &["lb", "knee-r"]),
                vec![check_in(today, 3, &["knee-l", "lb"])],
                Some(OfferReason::NewArea(vec![knee_l])),
            ),
            // A new area wins over a bad day.
            (
                week(3, &["lb"]),
                vec![check_in(today, 3, &[]), check_in(today, 9, &["knee-l"])],
                Some(OfferReason::NewArea(vec![knee_l])),
            ),
            // The first day: no earlier check-ins, nothing is "new".
            (vec![], vec![check_in(today, 9, &["neck"])], None),
            // No check-in today.
            (week(3, &["lb"]), vec![], None),
        ];
        for (i, (earlier, todays, expected)) in cases.into_iter().enumerate() {
            let mut all = earlier;
            all.extend(todays);
            let summary = days(&all);
            assert_eq!(
                should_offer_check(&summary, &all.iter().collect::<Vec<_>>(), today),
                expected,
                "case {i}"
            );
        }
        assert_eq!(OfferReason::BadDay.key(), "safety.offer.bad_day");
    }

    #[test]
    fn conditions_have_stable_ids() {
        let ids = [
            "neck-pain",
            "low-back-pain",
            "sciatica",
            "neck-nerve-root",
            "spinal-stenosis",
            "knee-osteoarthritis",
            "hip-osteoarthritis",
            "not-sure",
        ];
        assert_eq!(Condition::ALL.map(Condition::id), ids);
        for c in Condition::ALL {
            assert_eq!(Condition::from_id(c.id()), Some(c));
            assert_eq!(c.key(), format!("condition.{}", c.id()));
        }
        assert_eq!(Condition::from_id("knee"), None);
    }

    fn full_profile() -> Profile {
        let mut check = check(&all_no());
        check.set_answer(WarningSign::StrengthLoss, Answer::Yes, at());
        check.set_answer(WarningSign::Accident, Answer::Yes, at());
        check
            .clear(
                WarningSign::StrengthLoss,
                Instant::new(1_795_500_000, 60).unwrap(),
            )
            .unwrap();
        let mut extra = Map::new();
        extra.insert("reminder".into(), json!({"hour": 8}));
        Profile {
            conditions: vec![Condition::Sciatica, Condition::KneeOsteoarthritis],
            first_visit_done: true,
            check,
            extra,
        }
    }

    #[test]
    fn a_profile_round_trips_through_its_document() {
        let cases = [
            Profile::default(),
            Profile {
                conditions: vec![Condition::NotSure],
                first_visit_done: false,
                check: check(&[(WarningSign::SeverePain, Answer::No)]),
                extra: Map::new(),
            },
            full_profile(),
        ];
        for profile in cases {
            let text = encode_profile(&profile);
            assert_eq!(decode_profile(&text), Ok(profile.clone()), "{text}");
            assert_eq!(encode_profile(&decode_profile(&text).unwrap()), text);
        }
    }

    #[test]
    fn the_profile_document_has_the_documented_shape() {
        let text = encode_profile(&full_profile());
        let expected = format!(
            concat!(
                r#"{{"kind":"trinvis.profile","schema_version":1,"app_version":"{}","#,
                r#""conditions":["sciatica","knee-osteoarthritis"],"first_visit_done":true,"#,
                r#""answers":{{"saddle_numbness":false,"bladder_bowel":false,"strength_loss":true,"#,
                r#""severe_pain":false,"spreading_numbness":false,"fever_weight_loss":false,"#,
                r#""accident":true}},"answered":[1795500000,60],"cleared":["strength_loss"],"#,
                r#""reminder":{{"hour":8}}}}"#
            ),
            CORE_VERSION
        );
        assert_eq!(text, expected);
        // Repeated conditions are written once.
        let twice = Profile {
            conditions: vec![Condition::NeckPain, Condition::NeckPain],
            ..Profile::default()
        };
        assert!(encode_profile(&twice).contains(r#""conditions":["neck-pain"],"#));
        // A minimal document reads with defaults.
        let minimal = r#"{"kind":"trinvis.profile","schema_version":1}"#;
        assert_eq!(decode_profile(minimal), Ok(Profile::default()));
    }

    #[test]
    fn corrupt_wrong_and_newer_profile_documents_give_a_doc_error() {
        let base = json!({"kind": "trinvis.profile", "schema_version": 1, "app_version": "0.2.0",
            "answers": {"accident": true}, "answered": [0, 60]});
        let with = |field: &str, value: Value| {
            let mut doc = base.clone();
            doc[field] = value;
            doc.to_string()
        };
        assert!(decode_profile(&base.to_string()).is_ok());
        let invalid_cases = [
            with("conditions", json!(["knee"])),
            with("conditions", json!(["sciatica", "sciatica"])),
            with("conditions", json!("sciatica")),
            with("conditions", json!([3])),
            with("first_visit_done", json!(1)),
            with("answers", json!({"eighth_sign": true})),
            with("answers", json!({"accident": 1})),
            with("answers", json!([])),
            with("answered", json!([0])),
            with("answered", json!([0, 900])),
            with("answered", json!("today")),
            with("answered", Value::Null),
            with("cleared", json!(["saddle_numbness"])),
            with("cleared", json!(["accident", "accident"])),
            with("schema_version", json!(0)),
            with("schema_version", json!("1")),
        ];
        for text in invalid_cases {
            let err = decode_profile(&text).unwrap_err();
            assert_eq!(err.key(), "doc.invalid", "{text}: {err}");
        }
        let cases = [
            ("{\"kind\":\"trinvis.prof", DocError::NotJson),
            ("", DocError::NotJson),
            ("[1,2]", DocError::WrongKind),
            (
                r#"{"kind":"trinvis.settings","schema_version":1}"#,
                DocError::WrongKind,
            ),
            (
                r#"{"kind":"trinvis.profile","schema_version":2,"answers":"???"}"#,
                DocError::NewerSchema { found: 2 },
            ),
            (
                r#"{"kind":"other","schema_version":99}"#,
                DocError::NewerSchema { found: 99 },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(decode_profile(text), Err(expected), "{text}");
        }
    }
}
