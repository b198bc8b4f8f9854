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
//! {"kind":"trinvis.profile","schema_version":2,"app_version":"0.2.0",
//!  "conditions":["sciatica"],"first_visit_done":true,
//!  "answers":{"saddle_numbness":false,"bladder_bowel":false,"strength_loss":true,"accident":false},
//!  "answered":[1795500000,60],
//!  "signs":[{"sign":"accident","ticked":[1795420800,60],"ended":[1795460000,60],"how":"answer_changed"},
//!           {"sign":"strength_loss","ticked":[1795500000,60]}]}
//! ```
//!
//! - `conditions`: [`Condition`] ids, no repeats, in the order chosen;
//! - `first_visit_done`: `true` once the first-visit flow is finished;
//! - `answers`: [`WarningSign`] id -> `true` (yes, ticked) or `false` (no); a sign that is
//!   absent is unanswered;
//! - `answered`: `[utc_secs, offset_min]` of the last change to the answers, absent when
//!   none was ever given;
//! - `signs`: every yes ever given ([`SignRecord`]), oldest first: the sign, when it was
//!   ticked, and, once it stopped being ticked, `ended` (the moment) and `how`
//!   ([`Ending::id`]: "doctor", "passed", "answer_changed", "passed_or_doctor"). A sign
//!   answered `true` has an open record (no `ended`) or its latest record was cleared; at
//!   most one open record per sign; an urgent sign never ends as "passed".
//!
//! Version 1 had `cleared` (ids of cleared signs) instead of `signs`; [`profile_v1_to_v2`]
//! migrates it on read.
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
use crate::json::{Map, Value};
use crate::model::{BodyArea, CheckIn};
use crate::sorted::{VecMap, VecSet};
use crate::store::{DocError, CORE_VERSION};
#[cfg(doc)]
use crate::time::MAX_OFFSET_MIN;
use crate::time::{Date, Instant};
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
    /// For the neck conditions only ([`signs_for`]): hands that have become clumsy,
    /// unsteady walking, or numbness or tingling in both arms or both legs.
    NeckCord,
}

impl WarningSign {
    /// Every sign, in the order of domain.md §8 (the order the check asks them). The last
    /// one is asked only for the neck conditions ([`signs_for`]).
    pub const ALL: [WarningSign; 8] = [
        WarningSign::SaddleNumbness,
        WarningSign::BladderBowel,
        WarningSign::StrengthLoss,
        WarningSign::SeverePain,
        WarningSign::SpreadingNumbness,
        WarningSign::FeverWeightLoss,
        WarningSign::Accident,
        WarningSign::NeckCord,
    ];

    /// Stable id, used in storage and as the translation key suffix: "saddle_numbness",
    /// "bladder_bowel", "strength_loss", "severe_pain", "spreading_numbness",
    /// "fever_weight_loss", "accident", "neck_cord". Never change one.
    pub fn id(self) -> &'static str {
        match self {
            WarningSign::SaddleNumbness => "saddle_numbness",
            WarningSign::BladderBowel => "bladder_bowel",
            WarningSign::StrengthLoss => "strength_loss",
            WarningSign::SeverePain => "severe_pain",
            WarningSign::SpreadingNumbness => "spreading_numbness",
            WarningSign::FeverWeightLoss => "fever_weight_loss",
            WarningSign::Accident => "accident",
            WarningSign::NeckCord => "neck_cord",
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
            WarningSign::NeckCord => "warning.neck_cord",
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

    /// How the patient may clear this sign once ticked: an urgent sign only with "a doctor
    /// has looked at it", the others also with "it has passed" (domain.md §8).
    pub fn clear_reasons(self) -> &'static [ClearReason] {
        if self.is_urgent() {
            &[ClearReason::DoctorSeen]
        } else {
            &[ClearReason::DoctorSeen, ClearReason::Passed]
        }
    }
}

/// Whether the check uses the neck wording: strength lost in the arm or hand, and the
/// extra neck sign ([`WarningSign::NeckCord`]). True when a neck condition is chosen.
pub fn neck_wording(conditions: &[Condition]) -> bool {
    conditions
        .iter()
        .any(|c| matches!(c, Condition::NeckPain | Condition::NeckNerveRoot))
}

/// The signs the check asks, in order: all but [`WarningSign::NeckCord`], which is asked
/// only for the neck conditions ([`neck_wording`]). A sign answered before stays asked,
/// so an answer never disappears from the screen.
pub fn signs_for(conditions: &[Condition], check: &SafetyCheck) -> Vec<WarningSign> {
    let neck = neck_wording(conditions);
    WarningSign::ALL
        .into_iter()
        .filter(|s| *s != WarningSign::NeckCord || neck || check.answer(*s) != Answer::Unanswered)
        .collect()
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
    /// Only a sign answered "yes" and not cleared yet can be cleared.
    NotTicked,
    /// An urgent sign is cleared only when a doctor has looked at it, never as "passed".
    UrgentNeedsDoctor,
}

impl SafetyError {
    /// Translation key: "safety.not_ticked", "safety.urgent_needs_doctor".
    pub fn key(self) -> &'static str {
        match self {
            SafetyError::NotTicked => "safety.not_ticked",
            SafetyError::UrgentNeedsDoctor => "safety.urgent_needs_doctor",
        }
    }
}

/// How the patient clears a ticked sign (domain.md §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClearReason {
    /// "En læge har set på det": allowed for every sign.
    DoctorSeen,
    /// "Det er gået over": not for an urgent sign ([`WarningSign::clear_reasons`]).
    Passed,
}

/// How a ticked sign stopped being ticked, as the physiotherapist's summary shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ending {
    /// The patient cleared it ([`SafetyCheck::clear`]).
    Cleared(ClearReason),
    /// The answer was changed from yes to no (or taken back).
    AnswerChanged,
    /// Cleared in profile version 1, where one button said "it has passed, or a doctor
    /// has seen it"; which of the two is unknown. Only ever a non-urgent sign.
    PassedOrDoctor,
}

impl Ending {
    /// Stable id in the stored document: "doctor", "passed", "answer_changed",
    /// "passed_or_doctor". Never change one.
    pub fn id(self) -> &'static str {
        match self {
            Ending::Cleared(ClearReason::DoctorSeen) => "doctor",
            Ending::Cleared(ClearReason::Passed) => "passed",
            Ending::AnswerChanged => "answer_changed",
            Ending::PassedOrDoctor => "passed_or_doctor",
        }
    }

    /// The ending with this id (exact), or `None`.
    pub fn from_id(id: &str) -> Option<Ending> {
        [
            Ending::Cleared(ClearReason::DoctorSeen),
            Ending::Cleared(ClearReason::Passed),
            Ending::AnswerChanged,
            Ending::PassedOrDoctor,
        ]
        .into_iter()
        .find(|e| e.id() == id)
    }
}

/// One time a sign was answered yes: when, and when and how it ended (`None` while it is
/// still ticked). A record is never removed: a yes stays on the summary with its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignRecord {
    /// The sign.
    pub sign: WarningSign,
    /// When it was answered yes.
    pub ticked_at: Instant,
    /// When and how it stopped being ticked; `None` while ticked.
    pub ended: Option<(Instant, Ending)>,
}

impl fmt::Display for SafetyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for SafetyError {}

/// The warning-sign check as the patient answered it (domain.md §8).
///
/// Every "yes" is kept as a [`SignRecord`] with its date, also after the patient clears
/// it or changes the answer to "no" (the physiotherapist's summary lists them all); a
/// cleared sign no longer blocks reassuring words ([`may_reassure`]). Answering "yes"
/// again starts a new record.
///
/// Invariants (kept by every method and checked by [`decode_profile`]): a sign answered
/// yes has an open record or its latest record was cleared; a sign has at most one open
/// record, and only while it is answered yes; an urgent sign is never ended as passed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafetyCheck {
    /// Answered signs: `true` yes, `false` no; absent = unanswered.
    answers: VecMap<WarningSign, bool>,
    /// The last change to the answers.
    answered_at: Option<Instant>,
    /// Every yes, oldest first.
    records: Vec<SignRecord>,
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

    /// The latest record of `sign`, if it was ever ticked.
    fn latest(&self, sign: WarningSign) -> Option<&SignRecord> {
        self.records.iter().rev().find(|r| r.sign == sign)
    }

    /// The open record of `sign` (ticked, not ended), if any.
    fn open_mut(&mut self, sign: WarningSign) -> Option<&mut SignRecord> {
        self.records
            .iter_mut()
            .rev()
            .find(|r| r.sign == sign && r.ended.is_none())
    }

    /// Whether the patient has cleared `sign`: answered yes, and its latest record ended
    /// by a clearing.
    pub fn is_cleared(&self, sign: WarningSign) -> bool {
        self.cleared_how(sign).is_some()
    }

    /// How the ticked `sign` was cleared, `None` when it is not answered yes or not cleared.
    pub fn cleared_how(&self, sign: WarningSign) -> Option<Ending> {
        if self.answer(sign) != Answer::Yes {
            return None;
        }
        if self
            .records
            .iter()
            .any(|r| r.sign == sign && r.ended.is_none())
        {
            return None;
        }
        match self.latest(sign)?.ended {
            Some((_, ending)) if ending != Ending::AnswerChanged => Some(ending),
            _ => None,
        }
    }

    /// Every yes ever given, oldest first, with when and how it ended.
    pub fn records(&self) -> &[SignRecord] {
        &self.records
    }

    /// Records `answer` to `sign` at `at`. A "yes" opens a record (unless one is open);
    /// "no" or "unanswered" end the open record as [`Ending::AnswerChanged`], which stays
    /// on record.
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
        match (answer, self.open_mut(sign)) {
            (Answer::Yes, Some(_)) => {}
            (Answer::Yes, None) => self.records.push(SignRecord {
                sign,
                ticked_at: at,
                ended: None,
            }),
            (_, Some(open)) => open.ended = Some((at, Ending::AnswerChanged)),
            (_, None) => {}
        }
        self.answered_at = Some(at);
    }

    /// The patient clears a ticked sign at `at` because a doctor has looked at it or (not
    /// for an urgent sign) it has passed. [`SafetyError::NotTicked`] when `sign` is not
    /// ticked or already cleared, [`SafetyError::UrgentNeedsDoctor`] for "passed" on an
    /// urgent sign.
    pub fn clear(
        &mut self,
        sign: WarningSign,
        reason: ClearReason,
        at: Instant,
    ) -> Result<(), SafetyError> {
        if !sign.clear_reasons().contains(&reason) {
            return Err(SafetyError::UrgentNeedsDoctor);
        }
        let open = self.open_mut(sign).ok_or(SafetyError::NotTicked)?;
        open.ended = Some((at, Ending::Cleared(reason)));
        self.answered_at = Some(at);
        Ok(())
    }

    /// Signs of `asked` ([`signs_for`]) not answered yet, in the check's order.
    pub fn unanswered(&self, asked: &[WarningSign]) -> Vec<WarningSign> {
        asked
            .iter()
            .copied()
            .filter(|s| self.answer(*s) == Answer::Unanswered)
            .collect()
    }

    /// Signs ever answered yes (cleared, changed to no or still ticked), in the check's
    /// order: what the physiotherapist's summary lists.
    pub fn ever_ticked(&self) -> Vec<WarningSign> {
        WarningSign::ALL
            .into_iter()
            .filter(|s| self.records.iter().any(|r| r.sign == *s))
            .collect()
    }

    /// The outcome: not taken, none ticked, or the ticked signs that are not cleared.
    pub fn status(&self) -> SafetyStatus {
        if self.answers.is_empty() {
            return SafetyStatus::NotTaken;
        }
        let signs: Vec<WarningSign> = WarningSign::ALL
            .into_iter()
            .filter(|s| {
                self.answer(*s) == Answer::Yes
                    && self
                        .records
                        .iter()
                        .any(|r| r.sign == *s && r.ended.is_none())
            })
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

/// Two copies of the check made one (a backup merged into this device, two tabs). The
/// rule: a sign ever ticked stays on record, and a sign ticked on either side stays ticked
/// unless that very record was ended.
///
/// - Records are united by (moment ticked, sign); where both hold the same record, the
///   ended copy wins (the earlier ending when both ended).
/// - A sign with two open records keeps the older one open (the same ongoing yes) and
///   drops the newer copy.
/// - Answers come from the copy changed last (`answered_at`), except that a sign with an
///   open record is answered yes, and a "yes" whose latest record was changed to "no"
///   elsewhere becomes "no".
pub fn merge_checks(a: &SafetyCheck, b: &SafetyCheck) -> SafetyCheck {
    let mut by_key: VecMap<(i64, WarningSign), SignRecord> = VecMap::new();
    for r in a.records.iter().chain(&b.records) {
        let key = (r.ticked_at.utc_secs, r.sign);
        match by_key.get_mut(&key) {
            None => {
                by_key.insert(key, *r);
            }
            Some(kept) => match (kept.ended, r.ended) {
                (None, Some(_)) => kept.ended = r.ended,
                (Some((k, _)), Some((n, _))) if n.utc_secs < k.utc_secs => kept.ended = r.ended,
                _ => {}
            },
        }
    }
    let mut records: Vec<SignRecord> = Vec::with_capacity(by_key.len());
    let mut open: VecSet<WarningSign> = VecSet::new();
    for r in by_key.into_values() {
        if r.ended.is_none() && !open.insert(r.sign) {
            continue;
        }
        records.push(r);
    }
    let newer = if b.answered_at.map(|t| t.utc_secs) > a.answered_at.map(|t| t.utc_secs) {
        b
    } else {
        a
    };
    let mut answers = newer.answers.clone();
    for sign in WarningSign::ALL {
        let latest = records.iter().rev().find(|r| r.sign == sign);
        if open.contains(&sign) {
            answers.insert(sign, true);
        } else if answers.get(&sign) == Some(&true)
            && latest.is_none_or(|r| matches!(r.ended, Some((_, Ending::AnswerChanged))))
        {
            answers.insert(sign, false);
        }
    }
    SafetyCheck {
        answers,
        answered_at: newer.answered_at.or(a.answered_at).or(b.answered_at),
        records,
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
        let known: VecSet<BodyArea> = earlier.iter().flat_map(|c| c.areas.clone()).collect();
        let new: VecSet<BodyArea> = checkins
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

pub use crate::doc::{KIND_PROFILE, PROFILE_KEY, PROFILE_SCHEMA_VERSION};

/// Envelope and known fields of the profile document; never taken from `extra`.
const PROFILE_FIELDS: [&str; 9] = [
    "kind",
    "schema_version",
    "app_version",
    "conditions",
    "first_visit_done",
    "answers",
    "answered",
    "cleared",
    "signs",
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
    pub extra: Map,
}

impl Profile {
    /// Chooses (`on`) or un-chooses a condition: chosen once, in the order chosen. It sets
    /// rather than toggles, so applying it again (another tab's write arrived without it)
    /// changes nothing.
    pub fn choose_condition(&mut self, condition: Condition, on: bool) {
        let chosen = self.conditions.contains(&condition);
        if on && !chosen {
            self.conditions.push(condition);
        } else if !on && chosen {
            self.conditions.retain(|c| *c != condition);
        }
    }
}

/// Appends `,"name":` to `out`.
fn push_field(out: &mut String, name: &str) {
    out.push(',');
    out.push_str(&Value::from(name).to_string());
    out.push(':');
}

/// The `signs` array of [`SignRecord`]s, as stored.
fn records_json(records: &[SignRecord]) -> String {
    let moment = |at: Instant| format!("[{},{}]", at.utc_secs, at.offset_min);
    let items: Vec<String> = records
        .iter()
        .map(|r| {
            let mut item = format!(
                "{{\"sign\":\"{}\",\"ticked\":{}",
                r.sign.id(),
                moment(r.ticked_at)
            );
            if let Some((at, how)) = r.ended {
                item.push_str(&format!(
                    ",\"ended\":{},\"how\":\"{}\"",
                    moment(at),
                    how.id()
                ));
            }
            item.push('}');
            item
        })
        .collect();
    format!("[{}]", items.join(","))
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

    let mut seen = VecSet::new();
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
    if !check.records.is_empty() {
        push_field(&mut out, "signs");
        out.push_str(&records_json(&check.records));
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
fn read_profile_envelope(text: &str) -> Result<Map, DocError> {
    crate::doc::read_envelope(text, crate::doc::DocKind::Profile)
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
    let mut seen = VecSet::new();
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

/// Version 1 kept only the current answers, the moment of the last change and the ids of
/// cleared signs. Each sign answered yes becomes a record ticked at that last change (the
/// only date there is). A cleared non-urgent sign ends there as
/// [`Ending::PassedOrDoctor`] (version 1 had one button for both); a cleared urgent sign is
/// ticked again, because only "a doctor has looked at it" may clear it and version 1 did
/// not say which it was.
pub fn profile_v1_to_v2(
    answers: &VecMap<WarningSign, bool>,
    answered_at: Option<Instant>,
    cleared: &VecSet<WarningSign>,
) -> Vec<SignRecord> {
    let Some(at) = answered_at else {
        return Vec::new();
    };
    WarningSign::ALL
        .into_iter()
        .filter(|s| answers.get(s) == Some(&true))
        .map(|sign| SignRecord {
            sign,
            ticked_at: at,
            ended: (cleared.contains(&sign) && !sign.is_urgent())
                .then_some((at, Ending::PassedOrDoctor)),
        })
        .collect()
}

/// Reads the `signs` array of version 2.
fn decode_records(v: Option<&Value>) -> Result<Vec<SignRecord>, DocError> {
    let items = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid("signs is not an array")),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(map) = item else {
            return Err(invalid("signs: an item is not an object"));
        };
        let sign = map
            .get("sign")
            .and_then(Value::as_str)
            .and_then(WarningSign::from_id)
            .ok_or_else(|| invalid("signs: unknown or missing sign"))?;
        let ticked_at = map
            .get("ticked")
            .and_then(decode_moment)
            .ok_or_else(|| invalid("signs: ticked is not [utc_secs, offset_min]"))?;
        let ended = match (map.get("ended"), map.get("how")) {
            (None, None) => None,
            (Some(at), Some(how)) => {
                let at = decode_moment(at)
                    .ok_or_else(|| invalid("signs: ended is not [utc_secs, offset_min]"))?;
                let how = how
                    .as_str()
                    .and_then(Ending::from_id)
                    .ok_or_else(|| invalid("signs: unknown how"))?;
                Some((at, how))
            }
            _ => return Err(invalid("signs: ended and how go together")),
        };
        if let Some(key) = map
            .keys()
            .find(|k| !["sign", "ticked", "ended", "how"].contains(&k.as_str()))
        {
            return Err(invalid(format!("signs: unknown field {key:?}")));
        }
        out.push(SignRecord {
            sign,
            ticked_at,
            ended,
        });
    }
    Ok(out)
}

/// The invariants of [`SafetyCheck`] on decoded answers and records.
fn check_records(
    answers: &VecMap<WarningSign, bool>,
    records: &[SignRecord],
) -> Result<(), DocError> {
    for sign in WarningSign::ALL {
        let mine: Vec<&SignRecord> = records.iter().filter(|r| r.sign == sign).collect();
        let open = mine.iter().filter(|r| r.ended.is_none()).count();
        let yes = answers.get(&sign) == Some(&true);
        if open > 1 {
            return Err(invalid(format!("signs: {:?} is open twice", sign.id())));
        }
        if open == 1 && !yes {
            return Err(invalid(format!(
                "signs: {:?} is open but not answered yes",
                sign.id()
            )));
        }
        let latest_cleared = mine
            .last()
            .is_some_and(|r| matches!(r.ended, Some((_, how)) if how != Ending::AnswerChanged));
        if yes && open == 0 && !latest_cleared {
            return Err(invalid(format!(
                "answers: {:?} is yes without its record",
                sign.id()
            )));
        }
        if sign.is_urgent()
            && mine.iter().any(|r| {
                matches!(
                    r.ended,
                    Some((
                        _,
                        Ending::Cleared(ClearReason::Passed) | Ending::PassedOrDoctor
                    ))
                )
            })
        {
            return Err(invalid(format!(
                "signs: urgent {:?} ended as passed",
                sign.id()
            )));
        }
    }
    Ok(())
}

/// Reads `answers` and `answered` (the same in both versions).
#[allow(clippy::type_complexity)]
fn decode_answers(doc: &Map) -> Result<(VecMap<WarningSign, bool>, Option<Instant>), DocError> {
    let mut answers = VecMap::new();
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
    Ok((answers, answered_at))
}

/// The migration step of the profile document from version 1 to 2 (a row of
/// `store::migrate`'s table): `cleared` becomes `signs` by [`profile_v1_to_v2`].
pub fn profile_step_v1_to_v2(mut doc: Value) -> Result<Value, DocError> {
    let object = doc
        .as_object_mut()
        .ok_or_else(|| invalid("profile v1_to_v2: not an object"))?;
    if object.contains_key("signs") {
        return Err(invalid("profile v1_to_v2: a v1 profile has no signs"));
    }
    let (answers, answered_at) = decode_answers(object)?;
    let cleared: VecSet<WarningSign> =
        decode_ids(object.get("cleared"), "cleared", WarningSign::from_id)?
            .into_iter()
            .collect();
    if let Some(sign) = cleared.iter().find(|s| answers.get(s) != Some(&true)) {
        return Err(invalid(format!(
            "cleared: {:?} is not answered yes",
            sign.id()
        )));
    }
    let records = profile_v1_to_v2(&answers, answered_at, &cleared);
    object.remove("cleared");
    if !records.is_empty() {
        let signs: Value = crate::json::from_str(&records_json(&records))
            .map_err(|_| invalid("profile v1_to_v2: records"))?;
        object.insert("signs".into(), signs);
    }
    Ok(doc)
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

    let (answers, answered_at) = decode_answers(&doc)?;

    // Older versions arrive migrated (`profile_step_v1_to_v2`).
    if doc.contains_key("cleared") {
        return Err(invalid("cleared is a version 1 field"));
    }
    let records = decode_records(doc.get("signs"))?;
    check_records(&answers, &records)?;

    for field in PROFILE_FIELDS {
        doc.remove(field);
    }
    Ok(Profile {
        conditions,
        first_visit_done,
        check: SafetyCheck {
            answers,
            answered_at,
            records,
        },
        extra: doc,
    })
}

/// The profile of this device (`mine`) merged with a backup's (`theirs`): nothing is ever
/// dropped from the record. The conditions are the union (the device's first, in its
/// order); the first visit is done if it is done on either; a sign answered "yes" on
/// the warning-sign check by [`merge_checks`]: every yes of either side stays on record
/// with its date, and a sign ticked on either side stays ticked unless that very record
/// was ended (an open warning sign is never closed by an older file); fields only the
/// backup knows are added. Merging the result with `theirs` again changes nothing.
pub fn merge_profile(mine: &Profile, theirs: &Profile) -> Profile {
    let mut merged = mine.clone();
    for c in &theirs.conditions {
        if !merged.conditions.contains(c) {
            merged.conditions.push(*c);
        }
    }
    merged.first_visit_done |= theirs.first_visit_done;
    merged.check = merge_checks(&mine.check, &theirs.check);
    for (field, value) in &theirs.extra {
        if !merged.extra.contains_key(field) {
            merged.extra.insert(field.clone(), value.clone());
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::days;
    use crate::json::json;
    use crate::model::{Region, Score, Side};
    use crate::testkit::{cph, d};

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

    #[test]
    fn a_condition_is_chosen_once_in_the_order_chosen_and_choosing_again_changes_nothing() {
        let mut p = Profile::default();
        let (first, second) = (Condition::Sciatica, Condition::LowBackPain);
        p.choose_condition(second, true);
        p.choose_condition(first, true);
        assert_eq!(p.conditions, vec![second, first]);
        // Applied again (a repair after another tab's write): the same profile.
        let before = p.clone();
        p.choose_condition(first, true);
        assert_eq!(p, before);
        p.choose_condition(second, false);
        assert_eq!(p.conditions, vec![first]);
        p.choose_condition(second, false);
        assert_eq!(p.conditions, vec![first]);
        // A repeat stored by an older app goes with one un-choose.
        p.conditions = vec![first, second, first];
        p.choose_condition(first, false);
        assert_eq!(p.conditions, vec![second]);
    }

    fn all_no() -> Vec<(WarningSign, Answer)> {
        signs_for(&[], &SafetyCheck::new())
            .into_iter()
            .map(|s| (s, Answer::No))
            .collect()
    }

    #[test]
    fn the_signs_keep_their_order_ids_and_urgency() {
        let expected = [
            ("saddle_numbness", true),
            ("bladder_bowel", true),
            ("strength_loss", true),
            ("severe_pain", false),
            ("spreading_numbness", false),
            ("fever_weight_loss", false),
            ("accident", false),
            ("neck_cord", false),
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
        let asked = signs_for(&[], &SafetyCheck::new());
        let check = check(&[(WarningSign::BladderBowel, Answer::No)]);
        assert_eq!(check.unanswered(&asked).len(), 6);
        assert_eq!(
            check.unanswered(&asked).first(),
            Some(&WarningSign::SaddleNumbness)
        );
        assert!(!check
            .unanswered(&asked)
            .contains(&WarningSign::BladderBowel));
        assert_eq!(check.answered_at(), Some(at()));
        assert_eq!(SafetyCheck::new().answered_at(), None);
        assert_eq!(SafetyCheck::new().unanswered(&asked).len(), 7);
    }

    #[test]
    fn the_neck_conditions_are_asked_the_neck_sign_and_the_others_are_not() {
        use Condition::*;
        let none = SafetyCheck::new();
        // (conditions, neck wording)
        let cases = [
            (vec![], false),
            (vec![LowBackPain, Sciatica], false),
            (
                vec![
                    SpinalStenosis,
                    KneeOsteoarthritis,
                    HipOsteoarthritis,
                    NotSure,
                ],
                false,
            ),
            (vec![NeckPain], true),
            (vec![Sciatica, NeckNerveRoot], true),
        ];
        for (conditions, neck) in cases {
            assert_eq!(neck_wording(&conditions), neck, "{conditions:?}");
            let asked = signs_for(&conditions, &none);
            assert_eq!(asked.len(), if neck { 8 } else { 7 }, "{conditions:?}");
            assert_eq!(asked.contains(&WarningSign::NeckCord), neck);
            assert_eq!(asked[..7], WarningSign::ALL[..7]);
        }
        // Answered once, it stays asked (the answer never disappears).
        let answered = check(&[(WarningSign::NeckCord, Answer::Yes)]);
        assert!(signs_for(&[LowBackPain], &answered).contains(&WarningSign::NeckCord));
    }

    #[test]
    fn a_cleared_sign_no_longer_blocks_reassurance_until_it_is_ticked_again() {
        use WarningSign::*;
        let mut check = check(&all_no());
        check.set_answer(SeverePain, Answer::Yes, at());
        check.set_answer(StrengthLoss, Answer::Yes, at());
        assert!(!may_reassure(&check));

        let later = cph(d(2026, 11, 25), 10);
        check
            .clear(StrengthLoss, ClearReason::DoctorSeen, later)
            .unwrap();
        assert_eq!(check.answered_at(), Some(later));
        assert_eq!(
            check.status(),
            SafetyStatus::Ticked {
                urgent: false,
                signs: vec![SeverePain]
            }
        );
        assert!(!may_reassure(&check), "one sign is still ticked");
        check.clear(SeverePain, ClearReason::Passed, later).unwrap();
        assert_eq!(check.status(), SafetyStatus::NoneTicked);
        assert!(may_reassure(&check));
        assert_eq!(
            check.cleared_how(SeverePain),
            Some(Ending::Cleared(ClearReason::Passed))
        );
        // Both stay on record for the physiotherapist.
        assert_eq!(check.ever_ticked(), [StrengthLoss, SeverePain]);

        // Only a ticked sign can be cleared, and only once.
        assert_eq!(
            check.clear(Accident, ClearReason::DoctorSeen, later),
            Err(SafetyError::NotTicked)
        );
        assert_eq!(
            check.clear(SeverePain, ClearReason::DoctorSeen, later),
            Err(SafetyError::NotTicked)
        );
        assert_eq!(SafetyError::NotTicked.key(), "safety.not_ticked");
        // Ticking it again un-clears it, as a new record.
        let again = cph(d(2026, 11, 27), 10);
        check.set_answer(StrengthLoss, Answer::Yes, again);
        assert!(!check.is_cleared(StrengthLoss));
        assert!(!may_reassure(&check));
        assert_eq!(check.records().len(), 3);
        assert_eq!(check.records()[2].ticked_at, again);
        // Answering no after a clearing keeps the record as it was.
        check.set_answer(SeverePain, Answer::No, again);
        assert!(!check.is_cleared(SeverePain));
        assert_eq!(
            check.records()[0].ended,
            Some((later, Ending::Cleared(ClearReason::Passed)))
        );
    }

    #[test]
    fn an_urgent_sign_is_cleared_only_when_a_doctor_has_looked_at_it() {
        // (sign, reason, allowed)
        let cases = WarningSign::ALL.into_iter().flat_map(|sign| {
            [
                (sign, ClearReason::DoctorSeen, true),
                (sign, ClearReason::Passed, !sign.is_urgent()),
            ]
        });
        for (sign, reason, allowed) in cases {
            let mut check = check(&[(sign, Answer::Yes)]);
            let result = check.clear(sign, reason, at());
            if allowed {
                assert_eq!(result, Ok(()), "{sign:?} {reason:?}");
                assert_eq!(check.status(), SafetyStatus::NoneTicked);
            } else {
                assert_eq!(result, Err(SafetyError::UrgentNeedsDoctor), "{sign:?}");
                assert!(!may_reassure(&check), "{sign:?} stays ticked");
                assert_eq!(check.records()[0].ended, None);
            }
            assert_eq!(
                sign.clear_reasons().contains(&ClearReason::Passed),
                !sign.is_urgent()
            );
        }
        assert_eq!(
            SafetyError::UrgentNeedsDoctor.key(),
            "safety.urgent_needs_doctor"
        );
    }

    #[test]
    fn every_yes_is_kept_with_its_date_even_when_changed_to_no() {
        use WarningSign::*;
        let monday = cph(d(2026, 11, 23), 9);
        let tuesday = cph(d(2026, 11, 24), 9);
        let friday = cph(d(2026, 11, 27), 9);
        // (steps, expected records as (sign, ticked, ended), ever ticked)
        type Step = (WarningSign, Answer, Instant);
        type Expected = Vec<(WarningSign, Instant, Option<(Instant, Ending)>)>;
        let cases: Vec<(Vec<Step>, Expected)> = vec![
            (vec![], vec![]),
            (vec![(Accident, Answer::No, monday)], vec![]),
            (
                vec![(Accident, Answer::Yes, monday)],
                vec![(Accident, monday, None)],
            ),
            // Yes twice is one record, dated by the first yes.
            (
                vec![
                    (Accident, Answer::Yes, monday),
                    (Accident, Answer::Yes, tuesday),
                ],
                vec![(Accident, monday, None)],
            ),
            // Yes then no: the yes stays with its date, ended as a changed answer.
            (
                vec![
                    (SaddleNumbness, Answer::Yes, monday),
                    (SaddleNumbness, Answer::No, tuesday),
                ],
                vec![(
                    SaddleNumbness,
                    monday,
                    Some((tuesday, Ending::AnswerChanged)),
                )],
            ),
            // Yes, taken back, yes again: two records.
            (
                vec![
                    (FeverWeightLoss, Answer::Yes, monday),
                    (FeverWeightLoss, Answer::Unanswered, tuesday),
                    (FeverWeightLoss, Answer::Yes, friday),
                ],
                vec![
                    (
                        FeverWeightLoss,
                        monday,
                        Some((tuesday, Ending::AnswerChanged)),
                    ),
                    (FeverWeightLoss, friday, None),
                ],
            ),
        ];
        for (steps, expected) in cases {
            let mut check = SafetyCheck::new();
            for (sign, answer, at) in &steps {
                check.set_answer(*sign, *answer, *at);
            }
            let got: Vec<_> = check
                .records()
                .iter()
                .map(|r| (r.sign, r.ticked_at, r.ended))
                .collect();
            assert_eq!(got, expected, "{steps:?}");
            let mut signs: Vec<WarningSign> = expected.iter().map(|e| e.0).collect();
            signs.dedup();
            assert_eq!(check.ever_ticked(), signs, "{steps:?}");
            // What is stored reads back the same.
            let profile = Profile {
                check: check.clone(),
                ..Profile::default()
            };
            assert_eq!(decode_profile(&encode_profile(&profile)), Ok(profile));
        }
        // A yes changed to no is not ticked, and does not count as cleared.
        let mut check = check(&[(SaddleNumbness, Answer::Yes)]);
        check.set_answer(SaddleNumbness, Answer::No, tuesday);
        assert_eq!(check.status(), SafetyStatus::NoneTicked);
        assert!(!check.is_cleared(SaddleNumbness));
        assert_eq!(check.ever_ticked(), [SaddleNumbness]);
    }

    #[test]
    fn merged_checks_keep_every_yes_and_a_sign_ticked_on_either_side_stays_ticked() {
        use WarningSign::*;
        let t = |day: u8| cph(d(2026, 11, day), 9);
        let answered = |steps: &[(WarningSign, Answer, u8)]| {
            let mut c = SafetyCheck::new();
            for (s, a, day) in steps {
                c.set_answer(*s, *a, t(*day));
            }
            c
        };
        // This device: accident ticked on the 20th, still ticked.
        let here = answered(&[(Accident, Answer::Yes, 20)]);
        // A later copy: the same yes changed to no on the 22nd, fever ticked on the 21st.
        let mut later = here.clone();
        later.set_answer(FeverWeightLoss, Answer::Yes, t(21));
        later.set_answer(Accident, Answer::No, t(22));
        let merged = merge_checks(&here, &later);
        assert_eq!(merged, merge_checks(&later, &here), "order does not matter");
        assert_eq!(
            merged.answer(Accident),
            Answer::No,
            "that very record ended"
        );
        assert_eq!(merged.answer(FeverWeightLoss), Answer::Yes);
        assert_eq!(merged.ever_ticked(), [FeverWeightLoss, Accident]);
        assert_eq!(merged.records().len(), 2);

        // A copy that never saw the yes and answered no later: the yes stays ticked.
        let other = answered(&[(Accident, Answer::No, 25)]);
        let merged = merge_checks(&here, &other);
        assert_eq!(merged.answer(Accident), Answer::Yes);
        assert!(!may_reassure(&merged));
        assert_eq!(merged.answered_at(), Some(t(25)));

        // Both ticked it on different days: one open record, the older.
        let there = answered(&[(Accident, Answer::Yes, 23)]);
        let merged = merge_checks(&here, &there);
        assert_eq!(merged.records().len(), 1);
        assert_eq!(merged.records()[0].ticked_at, t(20));

        // A clearing on one side wins over the open copy of the same record.
        let mut cleared = here.clone();
        cleared.clear(Accident, ClearReason::Passed, t(24)).unwrap();
        let merged = merge_checks(&here, &cleared);
        assert_eq!(merged.status(), SafetyStatus::NoneTicked);
        assert_eq!(
            merged.cleared_how(Accident),
            Some(Ending::Cleared(ClearReason::Passed))
        );
        // Every merge result is a valid document.
        for m in [
            merge_checks(&here, &later),
            merge_checks(&here, &other),
            merge_checks(&here, &there),
            merged,
        ] {
            let profile = Profile {
                check: m,
                ..Profile::default()
            };
            assert_eq!(decode_profile(&encode_profile(&profile)), Ok(profile));
        }
    }

    #[test]
    fn a_v1_profile_migrates_every_yes_and_an_urgent_clearing_is_ticked_again() {
        let v1 = r#"{"kind":"trinvis.profile","schema_version":1,"app_version":"0.2.0",
            "answers":{"strength_loss":true,"accident":true,"severe_pain":true,"bladder_bowel":false},
            "answered":[1795500000,60],"cleared":["strength_loss","accident"]}"#;
        let profile = decode_profile(v1).unwrap();
        let at = Instant::new(1_795_500_000, 60).unwrap();
        let check = &profile.check;
        let got: Vec<_> = check
            .records()
            .iter()
            .map(|r| (r.sign, r.ticked_at, r.ended))
            .collect();
        assert_eq!(
            got,
            [
                (WarningSign::StrengthLoss, at, None),
                (WarningSign::SeverePain, at, None),
                (
                    WarningSign::Accident,
                    at,
                    Some((at, Ending::PassedOrDoctor))
                ),
            ]
        );
        assert_eq!(
            check.status(),
            SafetyStatus::Ticked {
                urgent: true,
                signs: vec![WarningSign::StrengthLoss, WarningSign::SeverePain]
            }
        );
        let text = encode_profile(&profile);
        assert!(text.contains(r#""schema_version":2"#), "{text}");
        assert!(!text.contains("cleared"), "{text}");
        assert_eq!(decode_profile(&text), Ok(profile));
        // No answers, no records.
        let empty = r#"{"kind":"trinvis.profile","schema_version":1}"#;
        assert!(decode_profile(empty).unwrap().check.records().is_empty());
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
                WarningSign::Accident,
                ClearReason::Passed,
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
                r#"{{"kind":"trinvis.profile","schema_version":2,"app_version":"{}","#,
                r#""conditions":["sciatica","knee-osteoarthritis"],"first_visit_done":true,"#,
                r#""answers":{{"saddle_numbness":false,"bladder_bowel":false,"strength_loss":true,"#,
                r#""severe_pain":false,"spreading_numbness":false,"fever_weight_loss":false,"#,
                r#""accident":true}},"answered":[1795500000,60],"#,
                r#""signs":[{{"sign":"strength_loss","ticked":[1795420800,60]}},"#,
                r#"{{"sign":"accident","ticked":[1795420800,60],"ended":[1795500000,60],"how":"passed"}}],"#,
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
        let v2 = |signs: Value, answers: Value| {
            json!({"kind": "trinvis.profile", "schema_version": 2,
                "answers": answers, "answered": [0, 60], "signs": signs})
            .to_string()
        };
        let open = |sign: &str| json!({"sign": sign, "ticked": [0, 60]});
        let ended = |sign: &str, how: &str| json!({"sign": sign, "ticked": [0, 60], "ended": [60, 60], "how": how});
        assert!(decode_profile(&v2(json!([open("accident")]), json!({"accident": true}))).is_ok());
        let invalid_cases: Vec<String> = invalid_cases
            .into_iter()
            .chain([
                // A yes without its record, an open record without a yes.
                v2(json!([]), json!({"accident": true})),
                v2(json!([open("accident")]), json!({"accident": false})),
                v2(json!([ended("accident", "answer_changed")]), json!({"accident": true})),
                // Two open records of one sign.
                v2(json!([open("accident"), open("accident")]), json!({"accident": true})),
                // An urgent sign never ends as passed.
                v2(json!([ended("saddle_numbness", "passed")]), json!({"saddle_numbness": true})),
                v2(json!([ended("bladder_bowel", "passed_or_doctor")]), json!({})),
                // Malformed records.
                v2(json!([{"sign": "eighth", "ticked": [0, 60]}]), json!({})),
                v2(json!([{"sign": "accident"}]), json!({})),
                v2(json!([{"sign": "accident", "ticked": [0, 60], "ended": [60, 60]}]), json!({})),
                v2(json!([{"sign": "accident", "ticked": [0, 60], "ended": [60, 60], "how": "gone"}]), json!({})),
                v2(json!([{"sign": "accident", "ticked": [0, 60], "note": "x"}]), json!({"accident": true})),
                v2(json!({"accident": 1}), json!({})),
                // Version 2 has no "cleared".
                json!({"kind": "trinvis.profile", "schema_version": 2, "cleared": []}).to_string(),
            ])
            .collect();
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
                r#"{"kind":"trinvis.profile","schema_version":3,"answers":"???"}"#,
                DocError::NewerSchema { found: 3 },
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

    // --- merge_profile (the backup's "Flet") ------------------------------------------

    fn merged(mine: &Profile, theirs: &Profile) -> Profile {
        let once = merge_profile(mine, theirs);
        assert_eq!(
            merge_profile(&once, theirs),
            once,
            "merging twice changes nothing"
        );
        once
    }

    #[test]
    fn merge_profile_keeps_the_union_of_the_conditions_device_first() {
        let at = Instant::new(1_795_000_000, 60).unwrap();
        let mine = crate::testkit::profile(&[Condition::NeckPain], &[], &[], at);
        let theirs =
            crate::testkit::profile(&[Condition::Sciatica, Condition::NeckPain], &[], &[], at);
        assert_eq!(
            merged(&mine, &theirs).conditions,
            [Condition::NeckPain, Condition::Sciatica]
        );
        let fresh = Profile::default();
        let m = merged(&fresh, &theirs);
        assert!(m.first_visit_done);
        assert_eq!(m.check, theirs.check);
    }

    #[test]
    fn merge_profile_a_sign_ever_ticked_stays_on_record() {
        use crate::testkit::profile;
        let early = Instant::new(1_795_000_000, 60).unwrap();
        let late = Instant::new(1_796_000_000, 60).unwrap();
        let s = WarningSign::StrengthLoss;
        let none = profile(&[], &[], &[], late);
        let ticked = profile(&[], &[s], &[], early);
        let cleared = profile(&[], &[s], &[s], early);
        // (device, backup) -> (answer, cleared). The yes stays on record in every case
        // but the last; an open yes stays ticked; the answers otherwise follow the copy
        // changed last (`merge_checks`), and the same yes cleared on one side is cleared.
        let cases = [
            (&none, &ticked, Answer::Yes, false),
            (&ticked, &none, Answer::Yes, false),
            (&none, &cleared, Answer::No, false),
            (&cleared, &none, Answer::No, false),
            (&ticked, &cleared, Answer::Yes, true),
            (&cleared, &ticked, Answer::Yes, true),
            (&cleared, &cleared, Answer::Yes, true),
            (&none, &none, Answer::No, false),
        ];
        for (i, (mine, theirs, answer, is_cleared)) in cases.into_iter().enumerate() {
            let m = merged(mine, theirs);
            assert_eq!(m.check.answer(s), answer, "case {i}");
            assert_eq!(m.check.is_cleared(s), is_cleared, "case {i}");
            assert_eq!(
                m.check.ever_ticked().contains(&s),
                i < 7,
                "case {i}: on record"
            );
            let last = [mine, theirs]
                .iter()
                .filter_map(|p| p.check.answered_at())
                .max_by_key(|at| at.utc_secs);
            assert_eq!(m.check.answered_at(), last, "case {i}");
            let again = decode_profile(&encode_profile(&m)).unwrap();
            assert_eq!(again, m, "case {i}: stored as merged");
        }
        let unanswered = Profile::default();
        assert_eq!(
            merged(&unanswered, &none).check.answer(s),
            Answer::No,
            "a no beats no answer"
        );
    }
}
