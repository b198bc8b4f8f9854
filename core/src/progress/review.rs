//! The weekly review of the six faces of progress (domain.md §6), Danish (ISO 8601)
//! weeks, and the reviews document.
//!
//! A review belongs to a Monday-to-Sunday week, named by its Monday. It is offered once a
//! week ([`review_due`]) and may be skipped: a skipped week counts as done.
//!
//! # The reviews document
//!
//! Key and kind `trinvis.reviews`, the shared envelope of [`crate::store`], then
//! `reviews`: one positional array per week, oldest first, `[week, answers]`: the
//! week's Monday as an ISO date and six characters, one per face in [`Face::ALL`] order:
//! `b` better, `s` same, `w` worse, `-` not answered. A skipped week is `"------"`.
//! Weeks are unique. Unknown fields of the document are kept on re-save.
//!
//! ```json
//! {"kind":"trinvis.reviews","schema_version":2,"app_version":"0.2.0","reviews":[
//!  ["2026-11-16","------"],["2026-11-23","bsb-ws"]]}
//! ```

use crate::doc::{read_envelope, DocKind};
use crate::json::{Map, Value};
use crate::store::{push_envelope, push_extra, push_json_string, DocError};
use crate::time::{Date, Weekday};

pub use crate::doc::{KIND_REVIEWS, REVIEWS_KEY};

/// The Monday of the Monday-to-Sunday week `date` is in (Danish weeks start on Monday).
pub fn week_start(date: Date) -> Date {
    date.add_days(-i64::from(date.weekday().index()))
}

/// The ISO 8601 week of `date` as (week-based year, week number 1-53), as Danish
/// calendars number weeks: week 1 is the week with the year's first Thursday, so
/// 2026-12-31 is in week 53 of 2026 and 2027-01-01 too.
pub fn iso_week(date: Date) -> (i32, u8) {
    let thursday = week_start(date).add_days(3);
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let ordinal = thursday.to_days() - jan1.to_days(); // 0-365
    (thursday.year, u8::try_from(ordinal / 7 + 1).unwrap_or(1))
}

/// One face of progress (domain.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Less pain.
    LessPain,
    /// Able to do more of what matters.
    DoMore,
    /// Pain takes less room.
    LessRoom,
    /// Fitter.
    Fitter,
    /// Stronger.
    Stronger,
    /// More confident using the body.
    Confident,
}

impl Face {
    /// Every face, in the order the review asks them (and the stored order).
    pub const ALL: [Face; 6] = [
        Face::LessPain,
        Face::DoMore,
        Face::LessRoom,
        Face::Fitter,
        Face::Stronger,
        Face::Confident,
    ];

    /// Translation key of the question: "face.less_pain", "face.do_more",
    /// "face.less_room", "face.fitter", "face.stronger", "face.confident".
    pub fn key(self) -> &'static str {
        match self {
            Face::LessPain => "face.less_pain",
            Face::DoMore => "face.do_more",
            Face::LessRoom => "face.less_room",
            Face::Fitter => "face.fitter",
            Face::Stronger => "face.stronger",
            Face::Confident => "face.confident",
        }
    }

    /// Position in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The answer to one face: compared with last week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Better.
    Better,
    /// The same.
    Same,
    /// Worse.
    Worse,
}

impl Answer {
    /// Translation key: "answer.better", "answer.same", "answer.worse".
    pub fn key(self) -> &'static str {
        match self {
            Answer::Better => "answer.better",
            Answer::Same => "answer.same",
            Answer::Worse => "answer.worse",
        }
    }

    /// The stored character: `b`, `s`, `w`.
    fn code(self) -> char {
        match self {
            Answer::Better => 'b',
            Answer::Same => 's',
            Answer::Worse => 'w',
        }
    }
}

/// The review of one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Review {
    /// The Monday of the week.
    pub week: Date,
    /// One answer per face, in [`Face::ALL`] order; `None` when not answered.
    pub answers: [Option<Answer>; 6],
}

/// Why a weekly review cannot be saved as answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewError {
    /// No face was answered (skipping the week is its own choice).
    NothingAnswered,
}

impl ReviewError {
    /// Translation key: "review.nothing_answered".
    pub fn key(self) -> &'static str {
        match self {
            ReviewError::NothingAnswered => "review.nothing_answered",
        }
    }
}

impl Review {
    /// A skipped week: no answers, but the week counts as done.
    pub fn skipped(week: Date) -> Review {
        Review {
            week: week_start(week),
            answers: [None; 6],
        }
    }

    /// The week of `day` answered with `answers`; at least one face must be answered
    /// ([`ReviewError::NothingAnswered`]), or saving it would silently skip the week.
    pub fn answered(day: Date, answers: [Option<Answer>; 6]) -> Result<Review, ReviewError> {
        if answers.iter().all(Option::is_none) {
            return Err(ReviewError::NothingAnswered);
        }
        Ok(Review { week: day, answers })
    }

    /// Whether the week was skipped (no face answered).
    pub fn is_skipped(&self) -> bool {
        self.answers.iter().all(Option::is_none)
    }

    /// The answer for `face`.
    pub fn answer(&self, face: Face) -> Option<Answer> {
        self.answers.get(face.index()).copied().flatten()
    }
}

/// Whether the weekly review is to be offered on `today`: no review (answered or skipped)
/// for today's Monday-to-Sunday week yet. `reviews` in any order.
pub fn review_due(reviews: &[Review], today: Date) -> bool {
    let week = week_start(today);
    !reviews.iter().any(|r| r.week == week)
}

/// The reviews document: every week's review, oldest first, weeks unique.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewsDoc {
    /// The reviews, oldest week first.
    pub reviews: Vec<Review>,
    /// Unknown fields of the document, written back on save.
    pub extra: Map,
}

/// A change to the reviews document (read fresh, changed, written back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    /// The week's answers; replaces an earlier review of the same week. Its `week` may
    /// be any day of the week (it is moved to the Monday).
    Save(Review),
    /// The week of this day is skipped (replaces nothing already answered).
    Skip(Date),
}

/// Applies `action`: the reviews stay sorted by week, one per week. Skipping a week that
/// already has a review leaves it unchanged.
pub fn apply_to_reviews(doc: &mut ReviewsDoc, action: &ReviewAction) {
    let review = match *action {
        ReviewAction::Save(r) => Review {
            week: week_start(r.week),
            ..r
        },
        ReviewAction::Skip(day) => Review::skipped(day),
    };
    match doc.reviews.binary_search_by(|r| r.week.cmp(&review.week)) {
        Ok(i) => {
            if let (ReviewAction::Save(_), Some(slot)) = (action, doc.reviews.get_mut(i)) {
                *slot = review;
            }
        }
        Err(i) => doc.reviews.insert(i, review),
    }
}

/// Envelope and known fields of the reviews document; never taken from `extra`.
const REVIEWS_FIELDS: [&str; 4] = ["kind", "schema_version", "app_version", "reviews"];

/// The reviews document (see the module docs). `doc.reviews` is in week order, as
/// [`apply_to_reviews`] and [`decode_reviews`] keep it; a review that is not after the
/// one before (out of order or repeated), whose week is not a Monday or is outside years
/// 0-9999 is left out, as decoding would refuse it (no sort here: one less in the bundle).
pub fn encode_reviews(doc: &ReviewsDoc, app_version: &str) -> String {
    let mut out = String::with_capacity(96 + doc.reviews.len() * 24);
    push_envelope(&mut out, DocKind::Reviews, app_version);
    out.push_str(",\"reviews\":[");
    let mut last: Option<Date> = None;
    for r in &doc.reviews {
        if last.is_some_and(|w| w >= r.week)
            || r.week.weekday() != Weekday::Mon
            || !(0..=9999).contains(&r.week.year)
        {
            continue;
        }
        if last.is_some() {
            out.push(',');
        }
        last = Some(r.week);
        out.push('[');
        push_json_string(&mut out, &r.week.iso());
        out.push_str(",\"");
        for a in r.answers {
            out.push(a.map_or('-', Answer::code));
        }
        out.push_str("\"]");
    }
    out.push(']');
    push_extra(&mut out, &doc.extra, &REVIEWS_FIELDS);
    out.push('}');
    out
}

/// Reads one `[week, answers]` row.
fn decode_review(row: &Value) -> Result<Review, String> {
    let Some([week, answers]) = row.as_array().map(Vec::as_slice) else {
        return Err("not a [week, answers] pair".into());
    };
    let week = week
        .as_str()
        .and_then(Date::parse_iso)
        .filter(|w| w.weekday() == Weekday::Mon)
        .ok_or("week is not the ISO date of a Monday")?;
    let codes = answers.as_str().ok_or("answers is not a string")?;
    if codes.len() != 6 {
        return Err("answers is not six characters".into());
    }
    let mut out = [None; 6];
    for (slot, c) in out.iter_mut().zip(codes.chars()) {
        *slot = match c {
            'b' => Some(Answer::Better),
            's' => Some(Answer::Same),
            'w' => Some(Answer::Worse),
            '-' => None,
            _ => return Err(format!("unknown answer {c:?}")),
        };
    }
    Ok(Review { week, answers: out })
}

/// Reads the reviews document: the envelope (a newer schema first), then each week
/// (strictly increasing weeks, each a Monday). Unknown document fields go to
/// [`ReviewsDoc::extra`].
pub fn decode_reviews(text: &str) -> Result<ReviewsDoc, DocError> {
    let invalid = |detail: String| DocError::Invalid { detail };
    let mut doc = read_envelope(text, DocKind::Reviews)?;
    let rows = doc
        .get("reviews")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("reviews is not an array".into()))?;
    let mut reviews: Vec<Review> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let review = decode_review(row).map_err(|e| invalid(format!("review {i}: {e}")))?;
        if reviews.last().is_some_and(|r| r.week >= review.week) {
            return Err(invalid(format!(
                "review {i}: weeks out of order or repeated"
            )));
        }
        reviews.push(review);
    }
    for field in REVIEWS_FIELDS {
        doc.remove(field);
    }
    Ok(ReviewsDoc {
        reviews,
        extra: doc,
    })
}

/// The reviews of this device (`mine`) with the weeks of a backup (`theirs`) it has no
/// review of, kept in week order; a week both have with different answers is counted in
/// `conflicts` and the device's answers are kept. Unknown document fields only the backup
/// has are added.
pub fn merge_reviews(mine: &ReviewsDoc, theirs: &ReviewsDoc, conflicts: &mut usize) -> ReviewsDoc {
    let mut merged = mine.clone();
    for r in &theirs.reviews {
        match merged.reviews.binary_search_by(|m| m.week.cmp(&r.week)) {
            Ok(i) => {
                if merged.reviews.get(i) != Some(r) {
                    *conflicts += 1;
                }
            }
            Err(i) => merged.reviews.insert(i, *r),
        }
    }
    crate::doc::merge_extra(&mut merged.extra, &theirs.extra);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;
    use crate::store::SCHEMA_VERSION;
    use crate::testkit::{cph_hm, d};

    const B: Option<Answer> = Some(Answer::Better);
    const S: Option<Answer> = Some(Answer::Same);
    const W: Option<Answer> = Some(Answer::Worse);

    #[test]
    fn a_review_is_answered_by_one_face_or_more_and_never_by_none() {
        let day = d(2026, 11, 25);
        let cases: [([Option<Answer>; 6], bool); 4] = [
            ([None; 6], false),
            ([B, None, None, None, None, None], true),
            ([None, None, None, None, None, W], true),
            ([B, S, W, B, S, W], true),
        ];
        for (answers, ok) in cases {
            let got = Review::answered(day, answers);
            assert_eq!(got.is_ok(), ok, "{answers:?}");
            if let Ok(r) = got {
                assert_eq!(r.answers, answers);
                assert!(!r.is_skipped());
            } else {
                assert_eq!(got, Err(ReviewError::NothingAnswered));
            }
        }
        assert_eq!(
            ReviewError::NothingAnswered.key(),
            "review.nothing_answered"
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        for (date, monday) in [
            (d(2026, 11, 23), d(2026, 11, 23)),
            (d(2026, 11, 29), d(2026, 11, 23)),
            (d(2026, 11, 30), d(2026, 11, 30)),
            (d(2027, 1, 1), d(2026, 12, 28)),
        ] {
            assert_eq!(week_start(date), monday, "{date}");
        }
    }

    #[test]
    fn iso_week_numbers_follow_the_first_thursday() {
        for (date, week) in [
            (d(2026, 11, 23), (2026, 48)),
            (d(2026, 1, 1), (2026, 1)),
            (d(2025, 12, 29), (2026, 1)),
            (d(2025, 12, 28), (2025, 52)),
            (d(2026, 12, 31), (2026, 53)),
            (d(2027, 1, 3), (2026, 53)),
            (d(2027, 1, 4), (2027, 1)),
            (d(2021, 1, 3), (2020, 53)),
            (d(2024, 12, 30), (2025, 1)),
        ] {
            assert_eq!(iso_week(date), week, "{date}");
        }
    }

    #[test]
    fn the_review_is_due_once_a_week_and_a_skipped_week_counts_as_done() {
        let monday = d(2026, 11, 23);
        let mut doc = ReviewsDoc::default();
        assert!(review_due(&doc.reviews, monday));
        apply_to_reviews(&mut doc, &ReviewAction::Skip(monday.add_days(2)));
        assert_eq!(doc.reviews, vec![Review::skipped(monday)]);
        assert!(doc.reviews[0].is_skipped());
        // Sunday 23:59 on a Copenhagen clock is still the same week ...
        let sunday_late = cph_hm(d(2026, 11, 29), 23, 59).local_date();
        assert!(!review_due(&doc.reviews, sunday_late));
        // ... and Monday 00:00 is the next one.
        let next_monday = cph_hm(d(2026, 11, 30), 0, 0).local_date();
        assert!(review_due(&doc.reviews, next_monday));
    }

    #[test]
    fn saving_replaces_the_weeks_review_and_keeps_weeks_in_order() {
        let mut doc = ReviewsDoc::default();
        let week = |w: i64| d(2026, 11, 23).add_days(7 * w);
        let answers = [B, S, W, None, B, B];
        apply_to_reviews(
            &mut doc,
            &ReviewAction::Save(Review {
                week: week(1).add_days(6),
                answers,
            }),
        );
        apply_to_reviews(&mut doc, &ReviewAction::Skip(week(0)));
        apply_to_reviews(&mut doc, &ReviewAction::Skip(week(1)));
        assert_eq!(doc.reviews.len(), 2);
        assert_eq!(doc.reviews[1].week, week(1));
        assert_eq!(doc.reviews[1].answers, answers, "skip keeps the answers");
        assert_eq!(doc.reviews[1].answer(Face::LessRoom), W);
        apply_to_reviews(
            &mut doc,
            &ReviewAction::Save(Review {
                week: week(0),
                answers: [S; 6],
            }),
        );
        assert_eq!(doc.reviews[0].answers, [S; 6], "a save replaces a skip");
    }

    #[test]
    fn reviews_round_trip_with_the_documented_layout() {
        let mut doc = ReviewsDoc {
            reviews: vec![
                Review::skipped(d(2026, 11, 16)),
                Review {
                    week: d(2026, 11, 23),
                    answers: [B, S, B, None, W, S],
                },
            ],
            ..ReviewsDoc::default()
        };
        doc.extra.insert("future".into(), json!(1));
        let text = encode_reviews(&doc, "0.2.0");
        assert_eq!(
            text,
            format!(
                "{{\"kind\":\"trinvis.reviews\",\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"0.2.0\",\"reviews\":[[\"2026-11-16\",\"------\"],[\"2026-11-23\",\"bsb-ws\"]],\"future\":1}}"
            )
        );
        assert_eq!(decode_reviews(&text), Ok(doc));
    }

    #[test]
    fn encoding_leaves_out_what_decoding_would_refuse() {
        let doc = ReviewsDoc {
            reviews: vec![
                Review::skipped(d(2026, 11, 23)),
                Review {
                    week: d(2026, 11, 24),
                    answers: [B; 6],
                },
                Review::skipped(d(2026, 11, 16)),
                Review {
                    week: d(2026, 11, 23),
                    answers: [B; 6],
                },
                Review::skipped(d(2026, 11, 30)),
            ],
            ..ReviewsDoc::default()
        };
        let back = decode_reviews(&encode_reviews(&doc, "x")).unwrap();
        assert_eq!(
            back.reviews,
            vec![
                Review::skipped(d(2026, 11, 23)),
                Review::skipped(d(2026, 11, 30))
            ]
        );
    }

    #[test]
    fn every_bad_review_row_is_invalid() {
        let wrap = |rows: Value| {
            json!({"kind":"trinvis.reviews","schema_version":2,"app_version":"x","reviews":rows})
                .to_string()
        };
        assert!(decode_reviews(&wrap(json!([["2026-11-23", "bsw---"]]))).is_ok());
        for rows in [
            json!([["2026-11-24", "------"]]),
            json!([["2026-11-23", "-----"]]),
            json!([["2026-11-23", "-----x"]]),
            json!([["2026-11-23", "------", 1]]),
            json!([["2026-11-23"]]),
            json!([[20261123, "------"]]),
            json!([["2026-11-23", "------"], ["2026-11-23", "------"]]),
            json!([["2026-11-30", "------"], ["2026-11-23", "------"]]),
            json!([["2026-11-23", "ææææææ"]]),
            json!({}),
        ] {
            assert!(
                matches!(
                    decode_reviews(&wrap(rows.clone())),
                    Err(DocError::Invalid { .. })
                ),
                "{rows}"
            );
        }
        assert_eq!(
            decode_reviews(r#"{"kind":"trinvis.reviews","schema_version":99}"#),
            Err(DocError::NewerSchema { found: 99 })
        );
    }

    #[test]
    fn faces_have_keys_and_short_names_in_both_languages() {
        assert_eq!(Face::ALL.len(), 6);
        assert_eq!(Face::DoMore.key(), "face.do_more");
        assert_eq!(Answer::Worse.key(), "answer.worse");
    }

    #[test]
    fn merge_reviews_goes_by_week_and_the_devices_answers_win() {
        use crate::testkit::{d, review};
        let mine = ReviewsDoc {
            reviews: vec![
                review(d(2026, 11, 16), "bsb-ws"),
                review(d(2026, 11, 30), "ssssss"),
            ],
            ..ReviewsDoc::default()
        };
        let mut theirs = ReviewsDoc {
            reviews: vec![
                review(d(2026, 11, 9), "bbbbbb"),
                review(d(2026, 11, 16), "wwwwww"),
                review(d(2026, 11, 23), "------"),
                review(d(2026, 11, 30), "ssssss"),
            ],
            ..ReviewsDoc::default()
        };
        theirs.extra.insert("future".into(), Value::from(1));
        let mut conflicts = 0;
        let merged = merge_reviews(&mine, &theirs, &mut conflicts);
        assert_eq!(conflicts, 1, "only the week answered differently");
        let weeks: Vec<String> = merged.reviews.iter().map(|r| r.week.iso()).collect();
        assert_eq!(
            weeks,
            ["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
        );
        assert_eq!(merged.reviews[1], mine.reviews[0], "the device's answers");
        assert_eq!(merged.extra["future"], Value::from(1));
        let mut again = 0;
        assert_eq!(merge_reviews(&merged, &theirs, &mut again), merged);
        assert_eq!(
            decode_reviews(&encode_reviews(&merged, "x")).unwrap(),
            merged
        );
    }
}
