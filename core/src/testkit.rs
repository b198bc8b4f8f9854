//! The named builders shared by every test of the core (unit tests, `core/tests`, the
//! examples): compiled only for tests and with the `testkit` feature, never in the app.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use crate::coach::Amount;
use crate::time::{copenhagen_from_local, Date, Instant};

/// A calendar date that is known to be valid.
pub fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// An amount of `units` (e.g. 2.5 km).
pub fn a(units: f64) -> Amount {
    Amount::from_f64(units).unwrap()
}

/// An amount of `m` thousandths of a unit.
pub fn milli(m: u32) -> Amount {
    Amount::from_milli(m).unwrap()
}

/// The moment of local Copenhagen time `h:00` on `date`.
pub fn cph(date: Date, h: u8) -> Instant {
    cph_hm(date, h, 0)
}

/// The moment of local time `h:m` on `date` at a fixed UTC offset of `offset_min`
/// minutes (whatever Copenhagen's clock says that day).
pub fn at_offset(date: Date, h: u8, m: u8, offset_min: i16) -> Instant {
    Instant::from_local(date, h, m, 0, offset_min).unwrap()
}

/// The moment of local Copenhagen time `h:m` on `date`.
pub fn cph_hm(date: Date, h: u8, m: u8) -> Instant {
    copenhagen_from_local(date.start_local_secs() + i64::from(h) * 3600 + i64::from(m) * 60)
}

// ---------------------------------------------------------------------------------------
// A diary with every kind of stored document.

use crate::doc::{GOALS_KEY, PROFILE_KEY, REVIEWS_KEY, SETTINGS_KEY};
use crate::progress::{
    encode_goals, encode_reviews, week_start, Answer as FaceAnswer, Goal, GoalStatus, GoalsDoc,
    Review, ReviewsDoc,
};
use crate::safety::{encode_profile, Answer, Condition, Profile, WarningSign};
use crate::store::{encode_settings, Settings};
use crate::time::Lang;

/// A goal for `activity` set on `created`, due three months later.
pub fn goal(id: &str, activity: &str, created: Date, target_units: f64) -> Goal {
    Goal {
        id: id.into(),
        activity_id: activity.into(),
        situation: "Gå til bageren med børnebørnene".into(),
        target: a(target_units),
        why: "Så kan jeg hente rundstykker om søndagen".into(),
        confidence: 8,
        due: created.add_days(90),
        created,
        status: GoalStatus::Active,
    }
}

/// The review of the week of `day`: `codes` is one character per face (`b`, `s`, `w`,
/// `-`), as stored.
pub fn review(day: Date, codes: &str) -> Review {
    let mut answers = [None; 6];
    for (slot, c) in answers.iter_mut().zip(codes.chars()) {
        *slot = match c {
            'b' => Some(FaceAnswer::Better),
            's' => Some(FaceAnswer::Same),
            'w' => Some(FaceAnswer::Worse),
            _ => None,
        };
    }
    Review {
        week: week_start(day),
        answers,
    }
}

/// A profile after the first visit: `conditions`, every sign answered "no" on `at` but
/// `ticked` ("yes"), of which `cleared` were cleared an hour later.
pub fn profile(
    conditions: &[Condition],
    ticked: &[WarningSign],
    cleared: &[WarningSign],
    at: Instant,
) -> Profile {
    let mut p = Profile {
        conditions: conditions.to_vec(),
        first_visit_done: true,
        ..Profile::default()
    };
    for sign in WarningSign::ALL {
        let answer = if ticked.contains(&sign) {
            Answer::Yes
        } else {
            Answer::No
        };
        p.check.set_answer(sign, answer, at);
    }
    let later = Instant::new(at.utc_secs + 3600, at.offset_min).unwrap();
    for sign in cleared {
        // A doctor may clear every sign; "passed" only the non-urgent ones.
        p.check
            .clear(*sign, crate::safety::ClearReason::DoctorSeen, later)
            .unwrap();
    }
    p
}

/// The storage items of a full diary ending on `end`: Danish settings, the generated
/// check-ins and sessions of the last `months` months over three activities, a goal,
/// five weekly reviews (one week skipped), two conditions and a ticked-and-cleared
/// warning sign. Every registered document kind is present.
pub fn every_kind_items(end: Date, months: usize, seed: u64) -> Vec<(String, String)> {
    let start = Date::new(end.year - 1, end.month, end.day.min(28)).unwrap();
    let (diary, activities) = crate::gen::generate_years_with_sessions(start, 1, 2, seed);
    let mut items = crate::gen::storage_items(&diary, "0.2.0");
    let keep = items.len().saturating_sub(months);
    items.drain(..keep);
    items.push(crate::gen::activities_item(&activities, "0.2.0"));
    let settings = Settings {
        lang: Lang::Da,
        ..Settings::default()
    };
    items.push((SETTINGS_KEY.into(), encode_settings(&settings)));
    let walk = activities
        .activities
        .first()
        .map_or("walk", |x| x.id.as_str());
    let goals = GoalsDoc {
        goals: vec![goal("g1", walk, end.add_days(-30), 30.0)],
        ..GoalsDoc::default()
    };
    items.push((GOALS_KEY.into(), encode_goals(&goals, "0.2.0")));
    let mut reviews = ReviewsDoc::default();
    for (i, codes) in ["bsb-ws", "ssssss", "------", "bbsbsb", "bbbbbs", "sbsbsb"]
        .into_iter()
        .enumerate()
    {
        reviews
            .reviews
            .push(review(end.add_days(7 * (i as i64) - 42), codes));
    }
    items.push((REVIEWS_KEY.into(), encode_reviews(&reviews, "0.2.0")));
    let p = profile(
        &[Condition::Sciatica, Condition::LowBackPain],
        &[WarningSign::StrengthLoss],
        &[WarningSign::StrengthLoss],
        cph(end.add_days(-40), 10),
    );
    items.push((PROFILE_KEY.into(), encode_profile(&p)));
    items.sort();
    items
}
