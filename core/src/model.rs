//! The data model of a check-in and its validation.
//!
//! Errors are typed values with a translation key ([`ScoreError::key`],
//! [`DraftError::key`], [`AreaError::key`]); the shell maps keys to Danish and English.

use crate::rules::{NOTE_MAX_CHARS, PAIN_MAX, PAIN_MIN};
use crate::time::{Date, Instant, MonthKey};
use std::fmt;

/// A score on the 11-point numeric rating scale: an integer 0-10 (domain.md §1).
///
/// Used for pain (0 = no pain, 10 = worst imaginable), sleep quality (10 = best), stress
/// and how much room the pain takes in daily life. Only [`Score::new`] and the parsers
/// build one, so a `Score` is always in range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

/// Why a value is not a valid score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreError {
    /// Nothing was entered.
    Empty,
    /// The text is not a plain number (e.g. "x", "1e1").
    NotANumber,
    /// The number has a fractional part (e.g. 4.5 or "4,5"); scores are whole numbers.
    NotWhole,
    /// The number is outside 0-10.
    OutOfRange,
}

impl ScoreError {
    /// Translation key: "score.empty", "score.not_a_number", "score.not_whole",
    /// "score.out_of_range".
    pub fn key(self) -> &'static str {
        match self {
            ScoreError::Empty => "score.empty",
            ScoreError::NotANumber => "score.not_a_number",
            ScoreError::NotWhole => "score.not_whole",
            ScoreError::OutOfRange => "score.out_of_range",
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for ScoreError {}

impl Score {
    /// The lowest score, 0.
    pub const MIN: Score = Score(PAIN_MIN);
    /// The highest score, 10.
    pub const MAX: Score = Score(PAIN_MAX);

    /// The score `value`, or [`ScoreError::OutOfRange`] above 10.
    pub fn new(value: u8) -> Result<Score, ScoreError> {
        if (PAIN_MIN..=PAIN_MAX).contains(&value) {
            Ok(Score(value))
        } else {
            Err(ScoreError::OutOfRange)
        }
    }

    /// The score as a number 0-10.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Every score from 0 to 10, in order (for a row of buttons).
    pub fn all() -> impl Iterator<Item = Score> {
        (PAIN_MIN..=PAIN_MAX).map(Score)
    }

    /// The score for a whole number; [`ScoreError::OutOfRange`] outside 0-10.
    pub fn from_i64(value: i64) -> Result<Score, ScoreError> {
        u8::try_from(value)
            .map_err(|_| ScoreError::OutOfRange)
            .and_then(Score::new)
    }

    /// The score for a number (e.g. from a number input): NaN is
    /// [`ScoreError::NotANumber`], a fractional value [`ScoreError::NotWhole`], anything
    /// outside 0-10 (including infinities) [`ScoreError::OutOfRange`]. 4.0 is 4.
    pub fn from_f64(value: f64) -> Result<Score, ScoreError> {
        if value.is_nan() {
            return Err(ScoreError::NotANumber);
        }
        if value.is_finite() && value.fract() != 0.0 {
            return Err(ScoreError::NotWhole);
        }
        if !(f64::from(PAIN_MIN)..=f64::from(PAIN_MAX)).contains(&value) {
            return Err(ScoreError::OutOfRange);
        }
        // In range and whole: the cast is exact.
        Score::new(value as u8)
    }

    /// Parses what the patient typed. Surrounding whitespace is ignored. Accepted: an
    /// optional sign, digits, and optionally a decimal point or comma followed by digits
    /// ("7", "+7", "7.0", "7,0"). Errors: "" -> `Empty`; "x", "1e1", "4." -> `NotANumber`;
    /// "4.5", "4,5" -> `NotWhole`; "11", "-1" -> `OutOfRange`.
    pub fn parse(text: &str) -> Result<Score, ScoreError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ScoreError::Empty);
        }
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, text.get(1..).unwrap_or("")),
            Some(b'+') => (false, text.get(1..).unwrap_or("")),
            _ => (false, text),
        };
        let (whole, fraction) = match unsigned.find(['.', ',']) {
            Some(i) => (
                unsigned.get(..i).unwrap_or(""),
                Some(unsigned.get(i + 1..).unwrap_or("")),
            ),
            None => (unsigned, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
            return Err(ScoreError::NotANumber);
        }
        if fraction.is_some_and(|f| f.bytes().any(|b| b != b'0')) {
            return Err(ScoreError::NotWhole);
        }
        let significant = whole.trim_start_matches('0');
        if significant.is_empty() {
            return Ok(Score(0)); // "0", "-0", "000"
        }
        if negative || significant.len() > 2 {
            return Err(ScoreError::OutOfRange);
        }
        significant
            .parse::<u8>()
            .map_err(|_| ScoreError::OutOfRange)
            .and_then(Score::new)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A body region where the pain is felt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Neck (nakke). Centre region.
    Neck,
    /// Upper back (øvre ryg). Centre region.
    UpperBack,
    /// Low back (lænd). Centre region.
    LowBack,
    /// Shoulder (skulder). Sided.
    Shoulder,
    /// Arm (arm). Sided.
    Arm,
    /// Hip (hofte). Sided.
    Hip,
    /// Leg (ben), e.g. sciatica down the leg. Sided.
    Leg,
    /// Knee (knæ). Sided.
    Knee,
    /// Foot (fod). Sided.
    Foot,
}

impl Region {
    /// Every region in display order, centre regions first.
    pub const ALL: [Region; 9] = [
        Region::Neck,
        Region::UpperBack,
        Region::LowBack,
        Region::Shoulder,
        Region::Arm,
        Region::Hip,
        Region::Leg,
        Region::Knee,
        Region::Foot,
    ];

    /// Whether the region has a left and a right side (false for neck, upper and low back).
    pub fn sided(self) -> bool {
        !matches!(self, Region::Neck | Region::UpperBack | Region::LowBack)
    }

    /// Stable identifier, also the translation key suffix: "neck", "upper_back",
    /// "low_back", "shoulder", "arm", "hip", "leg", "knee", "foot".
    pub fn key(self) -> &'static str {
        match self {
            Region::Neck => "neck",
            Region::UpperBack => "upper_back",
            Region::LowBack => "low_back",
            Region::Shoulder => "shoulder",
            Region::Arm => "arm",
            Region::Hip => "hip",
            Region::Leg => "leg",
            Region::Knee => "knee",
            Region::Foot => "foot",
        }
    }
}

/// Left or right side of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// Left (venstre).
    Left,
    /// Right (højre).
    Right,
}

/// Why a region/side pair is not a body area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaError {
    /// A sided region (shoulder, arm, hip, leg, knee, foot) needs Left or Right; both sides
    /// are two areas.
    SideRequired,
    /// A centre region (neck, upper back, low back) has no side.
    SideNotAllowed,
}

impl AreaError {
    /// Translation key: "area.side_required", "area.side_not_allowed".
    pub fn key(self) -> &'static str {
        match self {
            AreaError::SideRequired => "area.side_required",
            AreaError::SideNotAllowed => "area.side_not_allowed",
        }
    }
}

/// A place where the pain is felt: a region, with a side for sided regions.
///
/// Valid areas come from [`BodyArea::new`], [`BodyArea::from_code`] or [`BodyArea::all`].
/// The derived order is the display order of [`BodyArea::all`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BodyArea {
    /// The region.
    pub region: Region,
    /// `None` for centre regions; `Some` (required) for sided regions.
    pub side: Option<Side>,
}

impl BodyArea {
    /// The area, checking that sided regions have a side and centre regions none.
    pub fn new(region: Region, side: Option<Side>) -> Result<BodyArea, AreaError> {
        match (region.sided(), side) {
            (true, None) => Err(AreaError::SideRequired),
            (false, Some(_)) => Err(AreaError::SideNotAllowed),
            _ => Ok(BodyArea { region, side }),
        }
    }

    /// Whether this is a valid combination of region and side (see [`BodyArea::new`]).
    pub fn is_valid(self) -> bool {
        BodyArea::new(self.region, self.side).is_ok()
    }

    /// Every valid area in display order: neck, upper back, low back, then each sided region
    /// left and right.
    pub fn all() -> Vec<BodyArea> {
        ALL_AREAS.to_vec()
    }

    /// Compact stored code: "neck", "ub", "lb", "shoulder-l", "arm-r", "hip-l", "leg-r",
    /// "knee-l", "foot-r"... An invalid combination (built through the public fields) gets
    /// its region's code without a side, which [`BodyArea::from_code`] refuses.
    pub fn code(self) -> &'static str {
        use Region::*;
        use Side::*;
        match (self.region, self.side) {
            (Neck, _) => "neck",
            (UpperBack, _) => "ub",
            (LowBack, _) => "lb",
            (Shoulder, Some(Left)) => "shoulder-l",
            (Shoulder, Some(Right)) => "shoulder-r",
            (Shoulder, None) => "shoulder",
            (Arm, Some(Left)) => "arm-l",
            (Arm, Some(Right)) => "arm-r",
            (Arm, None) => "arm",
            (Hip, Some(Left)) => "hip-l",
            (Hip, Some(Right)) => "hip-r",
            (Hip, None) => "hip",
            (Leg, Some(Left)) => "leg-l",
            (Leg, Some(Right)) => "leg-r",
            (Leg, None) => "leg",
            (Knee, Some(Left)) => "knee-l",
            (Knee, Some(Right)) => "knee-r",
            (Knee, None) => "knee",
            (Foot, Some(Left)) => "foot-l",
            (Foot, Some(Right)) => "foot-r",
            (Foot, None) => "foot",
        }
    }

    /// The valid area with this code (exact, case-sensitive), or `None`.
    pub fn from_code(code: &str) -> Option<BodyArea> {
        ALL_AREAS.iter().copied().find(|a| a.code() == code)
    }
}

/// Every valid area in display order (see [`BodyArea::all`]).
const ALL_AREAS: [BodyArea; 15] = {
    const fn centre(region: Region) -> BodyArea {
        BodyArea { region, side: None }
    }
    const fn sided(region: Region, side: Side) -> BodyArea {
        BodyArea {
            region,
            side: Some(side),
        }
    }
    use Region::*;
    use Side::*;
    [
        centre(Neck),
        centre(UpperBack),
        centre(LowBack),
        sided(Shoulder, Left),
        sided(Shoulder, Right),
        sided(Arm, Left),
        sided(Arm, Right),
        sided(Hip, Left),
        sided(Hip, Right),
        sided(Leg, Left),
        sided(Leg, Right),
        sided(Knee, Left),
        sided(Knee, Right),
        sided(Foot, Left),
        sided(Foot, Right),
    ]
};

/// A recorded check-in (domain.md §1).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckIn {
    /// Identifier, unique within its month document (see [`new_id`]).
    pub id: String,
    /// When it was recorded, with the device's UTC offset then; decides its day for good.
    pub at: Instant,
    /// Pain now, 0-10 (required).
    pub pain: Score,
    /// Sleep quality, 0-10 where 10 is best.
    pub sleep: Option<Score>,
    /// Stress, 0-10.
    pub stress: Option<Score>,
    /// How much room the pain takes in daily life, 0-10.
    pub room: Option<Score>,
    /// Where it hurts, sorted, without duplicates.
    pub areas: Vec<BodyArea>,
    /// The patient's note, exactly as typed (trimmed); never interpreted, may be empty.
    pub note: String,
}

impl CheckIn {
    /// The local day this check-in belongs to.
    pub fn date(&self) -> Date {
        self.at.local_date()
    }

    /// The local month, i.e. the stored document holding this check-in.
    pub fn month(&self) -> MonthKey {
        self.at.local_date().month_key()
    }

    /// A draft with this check-in's values, for editing.
    pub fn to_draft(&self) -> CheckInDraft {
        CheckInDraft {
            pain: Some(self.pain),
            sleep: self.sleep,
            stress: self.stress,
            room: self.room,
            areas: self.areas.clone(),
            note: self.note.clone(),
        }
    }
}

/// The check-in form as the patient fills it in; nothing is required yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckInDraft {
    /// Pain now, required to save.
    pub pain: Option<Score>,
    /// Sleep quality (10 = best).
    pub sleep: Option<Score>,
    /// Stress.
    pub stress: Option<Score>,
    /// How much room the pain takes in daily life.
    pub room: Option<Score>,
    /// Where it hurts, in any order, duplicates allowed.
    pub areas: Vec<BodyArea>,
    /// Free text as typed.
    pub note: String,
}

/// Why a draft cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// No pain score was given.
    PainMissing,
    /// The note (trimmed) is longer than [`NOTE_MAX_CHARS`] characters.
    NoteTooLong,
}

impl DraftError {
    /// Translation key: "draft.pain_missing", "draft.note_too_long".
    pub fn key(self) -> &'static str {
        match self {
            DraftError::PainMissing => "draft.pain_missing",
            DraftError::NoteTooLong => "draft.note_too_long",
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for DraftError {}

/// A draft that passed [`CheckInDraft::validate`]: pain present, note trimmed and short
/// enough, areas valid, sorted and unique.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidDraft {
    /// Pain now.
    pub pain: Score,
    /// Sleep quality (10 = best).
    pub sleep: Option<Score>,
    /// Stress.
    pub stress: Option<Score>,
    /// How much room the pain takes in daily life.
    pub room: Option<Score>,
    /// Where it hurts, sorted and unique.
    pub areas: Vec<BodyArea>,
    /// The trimmed note.
    pub note: String,
}

impl CheckInDraft {
    /// Number of characters of the note as it will be saved (trimmed), for a counter
    /// next to the field (limit: [`NOTE_MAX_CHARS`]).
    pub fn note_chars(&self) -> usize {
        self.note.trim().chars().count()
    }

    /// Checks the draft: pain is required ([`DraftError::PainMissing`]), the trimmed note
    /// may have at most [`NOTE_MAX_CHARS`] characters ([`DraftError::NoteTooLong`]).
    /// Duplicate areas are removed and areas sorted; invalid region/side pairs (which the
    /// form cannot produce) are dropped.
    pub fn validate(&self) -> Result<ValidDraft, DraftError> {
        let pain = self.pain.ok_or(DraftError::PainMissing)?;
        if self.note_chars() > NOTE_MAX_CHARS {
            return Err(DraftError::NoteTooLong);
        }
        Ok(ValidDraft {
            pain,
            sleep: self.sleep,
            stress: self.stress,
            room: self.room,
            areas: normalize_areas(&self.areas),
            note: self.note.trim().to_string(),
        })
    }
}

/// Valid areas only, sorted in display order, without duplicates.
///
/// [`ALL_AREAS`] holds every valid area once, in sorted (display) order, so filtering it
/// needs no sort.
pub fn normalize_areas(areas: &[BodyArea]) -> Vec<BodyArea> {
    ALL_AREAS
        .iter()
        .copied()
        .filter(|a| areas.contains(a))
        .collect()
}

impl ValidDraft {
    /// The check-in with this content. For a new entry pass a fresh id ([`new_id`]) and
    /// "now"; when editing, pass the stored entry's id and `at`.
    pub fn into_check_in(self, id: String, at: Instant) -> CheckIn {
        CheckIn {
            id,
            at,
            pain: self.pain,
            sleep: self.sleep,
            stress: self.stress,
            room: self.room,
            areas: self.areas,
            note: self.note,
        }
    }
}

/// Shortest id [`new_id`] hands out.
const ID_MIN_LEN: usize = 4;

/// How many bumped ids [`new_id`] tries before giving up on the caller's predicate.
const ID_MAX_BUMPS: u64 = 100_000;

/// Lower-case base-36 digits of `n`, at least `width` long (zero-padded).
fn base36(mut n: u64, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 || out.len() < width.max(1) {
        let digit = DIGITS.get((n % 36) as usize).copied().unwrap_or(b'0');
        out.push(digit);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A short base-36 id (4 or more characters, `[0-9a-z]`) derived from the caller's random
/// number, free according to `existing` (which says whether an id is taken, e.g. in the
/// month document the entry goes to).
///
/// Tries the last 4, 5, 6, then all 7 base-36 digits of `random`, then appends a counter.
/// Should `existing` claim every candidate, the last one is returned after a bounded
/// number of tries; [`crate::diary::apply_to_month`] still refuses a duplicate.
pub fn new_id(random: u32, existing: impl Fn(&str) -> bool) -> String {
    let full = base36(u64::from(random), 7);
    for len in ID_MIN_LEN..=full.len() {
        if let Some(candidate) = full.get(full.len() - len..) {
            if !existing(candidate) {
                return candidate.to_string();
            }
        }
    }
    let mut candidate = full.clone();
    for bump in 1..=ID_MAX_BUMPS {
        candidate = format!("{full}{}", base36(bump, 1));
        if !existing(&candidate) {
            break;
        }
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashSet;

    #[test]
    fn every_invalid_pain_text_is_refused_with_its_reason() {
        use ScoreError::*;
        let cases = [
            ("", Empty),
            (" ", Empty),
            ("\t\n", Empty),
            ("x", NotANumber),
            ("1e1", NotANumber),
            ("four", NotANumber),
            ("4.", NotANumber),
            (".5", NotANumber),
            ("--1", NotANumber),
            ("4 5", NotANumber),
            ("½", NotANumber),
            ("4.5", NotWhole),
            ("4,5", NotWhole),
            ("-1.5", NotWhole),
            ("11", OutOfRange),
            ("-1", OutOfRange),
            ("100", OutOfRange),
            ("99999999999999999999999", OutOfRange),
        ];
        for (text, error) in cases {
            assert_eq!(Score::parse(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn valid_pain_texts_parse_to_whole_scores() {
        let cases = [
            ("0", 0),
            ("10", 10),
            (" 7 ", 7),
            ("+3", 3),
            ("04", 4),
            ("4.0", 4),
            ("4,00", 4),
            ("-0", 0),
            ("010", 10),
        ];
        for (text, value) in cases {
            assert_eq!(Score::parse(text).map(Score::get), Ok(value), "{text:?}");
        }
    }

    #[test]
    fn numbers_become_scores_only_when_whole_and_in_range() {
        assert_eq!(Score::from_i64(10).map(Score::get), Ok(10));
        assert_eq!(Score::from_i64(11), Err(ScoreError::OutOfRange));
        assert_eq!(Score::from_i64(-1), Err(ScoreError::OutOfRange));
        assert_eq!(Score::from_i64(i64::MIN), Err(ScoreError::OutOfRange));
        let cases = [
            (4.0, Ok(4)),
            (0.0, Ok(0)),
            (-0.0, Ok(0)),
            (10.0, Ok(10)),
            (4.5, Err(ScoreError::NotWhole)),
            (-0.5, Err(ScoreError::NotWhole)),
            (11.0, Err(ScoreError::OutOfRange)),
            (-1.0, Err(ScoreError::OutOfRange)),
            (f64::INFINITY, Err(ScoreError::OutOfRange)),
            (f64::NEG_INFINITY, Err(ScoreError::OutOfRange)),
            (f64::NAN, Err(ScoreError::NotANumber)),
        ];
        for (value, expected) in cases {
            assert_eq!(Score::from_f64(value).map(Score::get), expected, "{value}");
        }
        assert_eq!(Score::new(11), Err(ScoreError::OutOfRange));
        assert_eq!(Score::all().count(), 11);
    }

    #[test]
    fn score_error_keys_are_stable() {
        assert_eq!(ScoreError::Empty.key(), "score.empty");
        assert_eq!(ScoreError::NotANumber.key(), "score.not_a_number");
        assert_eq!(ScoreError::NotWhole.key(), "score.not_whole");
        assert_eq!(ScoreError::OutOfRange.key(), "score.out_of_range");
        assert_eq!(DraftError::PainMissing.key(), "draft.pain_missing");
        assert_eq!(DraftError::NoteTooLong.key(), "draft.note_too_long");
    }

    #[test]
    fn sided_regions_need_a_side_and_centre_regions_have_none() {
        assert_eq!(
            BodyArea::new(Region::Knee, None),
            Err(AreaError::SideRequired)
        );
        assert_eq!(
            BodyArea::new(Region::Neck, Some(Side::Left)),
            Err(AreaError::SideNotAllowed)
        );
        assert!(BodyArea::new(Region::LowBack, None).is_ok());
        assert!(BodyArea::new(Region::Hip, Some(Side::Right)).is_ok());
    }

    #[test]
    fn all_areas_are_listed_centre_first_then_left_and_right() {
        let codes: Vec<&str> = BodyArea::all().into_iter().map(BodyArea::code).collect();
        assert_eq!(
            codes,
            [
                "neck",
                "ub",
                "lb",
                "shoulder-l",
                "shoulder-r",
                "arm-l",
                "arm-r",
                "hip-l",
                "hip-r",
                "leg-l",
                "leg-r",
                "knee-l",
                "knee-r",
                "foot-l",
                "foot-r"
            ]
        );
        let mut sorted = BodyArea::all();
        sorted.sort();
        assert_eq!(sorted, BodyArea::all());
    }

    #[test]
    fn the_area_list_holds_exactly_the_valid_combinations() {
        let mut valid = Vec::new();
        for region in Region::ALL {
            for side in [None, Some(Side::Left), Some(Side::Right)] {
                if let Ok(area) = BodyArea::new(region, side) {
                    valid.push(area);
                }
            }
        }
        assert_eq!(valid, BodyArea::all());
    }

    #[test]
    fn area_codes_round_trip_and_unknown_codes_are_refused() {
        for area in BodyArea::all() {
            assert_eq!(BodyArea::from_code(area.code()), Some(area));
        }
        for bad in ["", "knee", "Neck", "neck-l", "knee-x", "lb,ub"] {
            assert_eq!(BodyArea::from_code(bad), None, "{bad:?}");
        }
        let invalid = BodyArea {
            region: Region::Knee,
            side: None,
        };
        assert_eq!(BodyArea::from_code(invalid.code()), None);
    }

    #[test]
    fn a_draft_without_pain_cannot_be_saved() {
        let draft = CheckInDraft {
            sleep: Some(Score(5)),
            ..CheckInDraft::default()
        };
        assert_eq!(draft.validate(), Err(DraftError::PainMissing));
    }

    #[test]
    fn a_draft_is_saved_at_every_edge_of_the_pain_scale_and_nowhere_else() {
        // (pain, sleep, stress and room, note) -> the saved pain or the first problem.
        type Case<'a> = (Option<Score>, Option<Score>, Option<Score>, &'a str);
        let score = |v: u8| Score::new(v).ok();
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let full = "x".repeat(NOTE_MAX_CHARS);
        let cases: [(Case, Result<u8, DraftError>); 9] = [
            ((None, None, None, ""), Err(DraftError::PainMissing)),
            // Pain missing is named first, even with a note that is too long.
            ((None, None, None, &long), Err(DraftError::PainMissing)),
            ((score(0), None, None, ""), Ok(0)),
            ((score(10), None, None, ""), Ok(10)),
            // Sleep, stress and room are optional, and may be 0 or 10 too.
            ((score(5), score(0), score(10), ""), Ok(5)),
            ((score(5), score(10), score(0), "   "), Ok(5)),
            // An empty note (or only white space) is saved as empty.
            ((score(3), None, None, " \n\t "), Ok(3)),
            ((score(3), None, None, &full), Ok(3)),
            ((score(3), None, None, &long), Err(DraftError::NoteTooLong)),
        ];
        for ((pain, sleep, stress, note), expected) in cases {
            let draft = CheckInDraft {
                pain,
                sleep,
                stress,
                room: stress,
                note: note.to_string(),
                ..CheckInDraft::default()
            };
            let got = draft.validate();
            let what = got.as_ref().map(|v| v.pain.get()).map_err(|e| *e);
            assert_eq!(what, expected, "{pain:?} {}", note.len());
            if let Ok(v) = got {
                assert_eq!((v.sleep, v.stress, v.room), (sleep, stress, stress));
                assert_eq!(v.note, note.trim());
            }
        }
        // A score out of range cannot reach a draft: it is refused where it is made.
        assert_eq!(Score::new(11), Err(ScoreError::OutOfRange));
        assert_eq!(Score::from_i64(-1), Err(ScoreError::OutOfRange));
    }

    #[test]
    fn a_note_may_have_exactly_the_maximum_number_of_characters() {
        let at_limit = "æ".repeat(NOTE_MAX_CHARS);
        let draft = CheckInDraft {
            pain: Some(Score(3)),
            note: format!("  {at_limit}\n"),
            ..CheckInDraft::default()
        };
        assert_eq!(draft.validate().map(|v| v.note), Ok(at_limit.clone()));
        let too_long = CheckInDraft {
            note: format!("{at_limit}ø"),
            ..draft
        };
        assert_eq!(too_long.validate(), Err(DraftError::NoteTooLong));
    }

    #[test]
    fn validation_trims_the_note_and_dedups_and_sorts_areas() {
        let knee_l = BodyArea::from_code("knee-l").unwrap();
        let neck = BodyArea::from_code("neck").unwrap();
        let draft = CheckInDraft {
            pain: Some(Score(6)),
            areas: vec![
                knee_l,
                neck,
                knee_l,
                BodyArea {
                    region: Region::Hip,
                    side: None,
                },
            ],
            note: "  <b>ikke fed</b> æøå \n".to_string(),
            ..CheckInDraft::default()
        };
        let valid = draft.validate().unwrap();
        assert_eq!(valid.areas, vec![neck, knee_l]);
        assert_eq!(valid.note, "<b>ikke fed</b> æøå");
    }

    #[test]
    fn a_check_in_edits_through_its_draft() {
        let at = Instant::new(1_795_474_740, 60).unwrap();
        let draft = CheckInDraft {
            pain: Some(Score(4)),
            stress: Some(Score(2)),
            note: "ok".to_string(),
            ..CheckInDraft::default()
        };
        let check_in = draft.validate().unwrap().into_check_in("ab12".into(), at);
        assert_eq!(check_in.to_draft(), draft);
        assert_eq!(check_in.date(), Date::new(2026, 11, 23).unwrap());
        assert_eq!(check_in.month(), MonthKey::new(2026, 11).unwrap());
    }

    #[test]
    fn ids_are_short_base36_and_lengthen_when_taken() {
        // u32::MAX is "1z141z3" in base 36.
        assert_eq!(new_id(0, |_| false), "0000");
        assert_eq!(new_id(35, |_| false), "000z");
        assert_eq!(new_id(u32::MAX, |_| false), "41z3");
        let taken: HashSet<&str> = ["41z3"].into_iter().collect();
        assert_eq!(new_id(u32::MAX, |id| taken.contains(id)), "141z3");
        let taken: HashSet<&str> = ["41z3", "141z3"].into_iter().collect();
        assert_eq!(new_id(u32::MAX, |id| taken.contains(id)), "z141z3");
    }

    #[test]
    fn ids_are_bumped_when_every_length_is_taken() {
        let full = "1z141z3";
        let taken: HashSet<String> = ["41z3", "141z3", "z141z3", full, "1z141z31"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(new_id(u32::MAX, |id| taken.contains(id)), "1z141z32");
    }

    #[test]
    fn ids_stay_unique_within_a_busy_month() {
        let ids = RefCell::new(HashSet::new());
        let mut state = 12345u32;
        for _ in 0..5000 {
            // A poor generator on purpose: many low-digit collisions.
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345) % 2_000_000;
            let id = new_id(state, |id| ids.borrow().contains(id));
            assert!(id.len() >= 4 && id.bytes().all(|b| b.is_ascii_alphanumeric()));
            assert!(ids.borrow_mut().insert(id));
        }
    }

    #[test]
    fn an_always_taken_predicate_does_not_loop_forever() {
        assert!(new_id(7, |_| true).starts_with("0000007"));
    }
}
