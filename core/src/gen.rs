//! A deterministic generated diary, for benchmarks, storage-size checks and tests
//! (feature `testkit`: never in the app).
//!
//! Same inputs, same diary: a small SplitMix64 generator ([`Rng`]) replaces a random
//! crate, and nothing reads the clock.

use crate::coach::{Activity, Amount, OkayLater, PlanB, Session, Unit};
use crate::diary::Diary;
use crate::model::{new_id, normalize_areas, BodyArea, CheckIn, Score};
use crate::store::{
    encode_activities, encode_month, month_key_name, ActivitiesDoc, ACTIVITIES_KEY,
};
use crate::time::{copenhagen_from_local, days_in_month, Date, MonthKey};
use std::collections::{BTreeMap, HashSet};

/// SplitMix64: a tiny, fast, deterministic pseudo-random generator (not for secrets).
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Local hours of the check-ins of a day with `per_day` check-ins.
fn slot_hour(slot: u32, per_day: u32) -> u8 {
    let hour = match (per_day, slot) {
        (1, _) => 20,
        (2, 0) | (3, 0) => 8,
        (3, 1) => 13,
        (2, _) | (3, _) => 20,
        (n, k) => 7 + k.min(n - 1) * 15 / (n - 1),
    };
    u8::try_from(hour.min(23)).unwrap_or(20)
}

/// Short Danish notes; combined into 20-60 characters.
const PHRASES: [&str; 14] = [
    "Stiv i lænden om morgenen",
    "Gik en tur på 20 minutter",
    "Dårlig søvn i nat",
    "Havearbejde, lidt øm bagefter",
    "Cyklede til arbejde",
    "Ondt i knæet på trappen",
    "Bedre end i går",
    "Travl dag på arbejdet",
    "Øvelserne gik fint",
    "Sad længe ved skærmen",
    "Svømmede 500 m",
    "Træt, men glad",
    "Uro i benet om aftenen",
    "Kørte bil i to timer",
];

/// A note of 20-60 characters with Danish letters.
fn note(rng: &mut Rng) -> String {
    let mut text = String::new();
    while text.chars().count() < 20 {
        if !text.is_empty() {
            text.push_str(". ");
        }
        let phrase = PHRASES
            .get(rng.below(PHRASES.len() as u64) as usize)
            .copied()
            .unwrap_or("Ømme skuldre");
        text.push_str(phrase);
    }
    let text: String = text.chars().take(60).collect();
    let mut text = text.trim_end_matches([' ', '.', ',']).to_string();
    text.push('.');
    text
}

/// A score near `x`, clamped to 0-10.
fn score_near(x: f64) -> Score {
    let clamped = x.round().clamp(0.0, 10.0);
    Score::from_f64(clamped).unwrap_or(Score::MIN)
}

/// A diary of `per_day` check-ins a day from `start` for `years` years (up to, not
/// including, the same date `years` later), seeded by `seed`.
///
/// Check-ins fall at plausible local times (08:xx, 13:xx, 20:xx for three a day) with the
/// Copenhagen offset of that moment (+60 winter, +120 summer); pain drifts slowly between
/// 2 and 8; sleep, stress and room are filled; about half have one or two body areas; one
/// in three has a 20-60 character note with Danish letters.
pub fn generate_years(start: Date, years: u32, per_day: u32, seed: u64) -> Diary {
    let mut rng = Rng::new(seed);
    let end_year = start
        .year
        .saturating_add(i32::try_from(years).unwrap_or(i32::MAX));
    let end_day = start.day.min(days_in_month(end_year, start.month));
    let end = Date::new(end_year, start.month, end_day).unwrap_or(start);
    // The patient's usual areas.
    let all_areas = BodyArea::all();
    let usual: Vec<BodyArea> = (0..3)
        .filter_map(|_| {
            all_areas
                .get(rng.below(all_areas.len() as u64) as usize)
                .copied()
        })
        .collect();

    let mut months: BTreeMap<MonthKey, (Vec<CheckIn>, HashSet<String>)> = BTreeMap::new();
    let mut level: f64 = 5.0;
    let mut date = start;
    while date < end {
        // Slow drift with a weak pull to the middle, kept within 2-8.
        level += (rng.unit() - 0.5) * 0.6 + (5.0 - level) * 0.01;
        level = level.clamp(2.0, 8.0);
        for slot in 0..per_day {
            let hour = slot_hour(slot, per_day);
            let local = date.start_local_secs() + i64::from(hour) * 3600 + rng.below(3600) as i64;
            let at = copenhagen_from_local(local);
            let pain = score_near(level + (rng.unit() - 0.5) * 2.5);
            let areas = if rng.chance(0.5) {
                let n = 1 + rng.below(2) as usize;
                normalize_areas(usual.get(..n).unwrap_or(&usual))
            } else {
                Vec::new()
            };
            let note = if rng.below(3) == 0 {
                note(&mut rng)
            } else {
                String::new()
            };
            let (entries, ids) = months.entry(date.month_key()).or_default();
            let id = new_id(rng.next_u32(), |id| ids.contains(id));
            ids.insert(id.clone());
            entries.push(CheckIn {
                id,
                at,
                pain,
                sleep: Some(score_near(10.0 - level + (rng.unit() - 0.5) * 4.0)),
                stress: Some(score_near(level - 1.0 + (rng.unit() - 0.5) * 4.0)),
                room: Some(score_near(level + (rng.unit() - 0.5) * 3.0)),
                areas,
                note,
            });
        }
        date = date.add_days(1);
    }
    let mut diary = Diary::new();
    for (month, (entries, _)) in months {
        diary.insert_month(month, entries);
    }
    diary
}

/// The three activities of a generated coach: walking (minutes), cycling (km) and an
/// exercise (repetitions), created the day before `start`.
fn generated_activities(start: Date) -> Option<Vec<Activity>> {
    let created = copenhagen_from_local(start.add_days(-1).start_local_secs() + 12 * 3600);
    let amount = |milli: u32| Amount::from_milli(milli).ok();
    let activity = |id: &str, name: &str, unit: Unit, range: (u32, u32), plan_b| {
        Some(Activity {
            id: id.to_string(),
            name: name.to_string(),
            unit,
            baseline: amount(range.0)?,
            per_week: 2,
            goal: Some(amount(range.1)?),
            plan_b,
            custom_step: None,
            archived: false,
            created,
        })
    };
    Some(vec![
        activity(
            "walk",
            "Gåtur",
            Unit::Minutes,
            (10_000, 45_000),
            PlanB::Fraction,
        )?,
        activity(
            "bike",
            "Cykling",
            Unit::Km,
            (2_000, 15_000),
            PlanB::Easier {
                name: "Gå en tur".into(),
                amount: amount(10_000)?,
                unit: Unit::Minutes,
            },
        )?,
        activity(
            "squat",
            "Knæbøjninger",
            Unit::Repetitions,
            (8_000, 20_000),
            PlanB::Fraction,
        )?,
    ])
}

/// [`generate_years`] plus sessions: five a week (Monday to Friday) over three
/// activities in turn ([`ActivitiesDoc`]), each logged at 16:00-19:59 local time (one in
/// ten the next morning, "for yesterday"), mostly answered "okay later?" the next
/// morning; the sessions of the last two days still wait for the answer. Amounts follow
/// the ladder: one step up after two yes + yes at an amount, back one step after a "no".
///
/// The check-ins are exactly those of [`generate_years`] with the same arguments, so the
/// check-in benchmark stays comparable.
pub fn generate_years_with_sessions(
    start: Date,
    years: u32,
    per_day: u32,
    seed: u64,
) -> (Diary, ActivitiesDoc) {
    let mut diary = generate_years(start, years, per_day, seed);
    let activities = generated_activities(start).unwrap_or_default();
    let mut rng = Rng::new(seed ^ 0x5E55_1055);
    let end_year = start
        .year
        .saturating_add(i32::try_from(years).unwrap_or(i32::MAX));
    let end_day = start.day.min(days_in_month(end_year, start.month));
    let end = Date::new(end_year, start.month, end_day).unwrap_or(start);
    // Per activity: the current amount and the yes + yes sessions at it.
    let mut state: Vec<(Amount, u32)> = activities.iter().map(|a| (a.baseline, 0)).collect();
    let mut months: BTreeMap<MonthKey, (Vec<Session>, HashSet<String>)> = BTreeMap::new();
    let mut turn = 0usize;
    let mut date = start;
    while date < end {
        if date.weekday().index() < 5 && !activities.is_empty() {
            let k = turn % activities.len();
            turn += 1;
            let (Some(activity), Some((amount, greens))) = (activities.get(k), state.get_mut(k))
            else {
                break;
            };
            let late = rng.chance(0.1);
            let logged_local = if late {
                date.add_days(1).start_local_secs() + 9 * 3600
            } else {
                date.start_local_secs() + 16 * 3600
            } + rng.below(4 * 3600) as i64;
            let at = copenhagen_from_local(logged_local);
            let okay_now = rng.chance(0.95);
            let pending = date >= end.add_days(-2);
            let okay_later = (!pending).then(|| {
                // The next morning from 08:00, at least 12 hours after logging.
                let morning = date.add_days(1).start_local_secs() + 8 * 3600;
                let answered_local =
                    morning.max(logged_local + 12 * 3600) + rng.below(3 * 3600) as i64;
                OkayLater {
                    answer: rng.chance(0.88),
                    answered_at: copenhagen_from_local(answered_local),
                }
            });
            let (sessions, ids) = months.entry(date.month_key()).or_default();
            let id = new_id(rng.next_u32(), |id| ids.contains(id));
            ids.insert(id.clone());
            let session = Session {
                plan_b: false,
                id,
                activity_id: activity.id.clone(),
                at,
                for_date: date,
                amount: *amount,
                pain_during: score_near(2.0 + rng.unit() * 4.0),
                okay_now,
                okay_later,
            };
            match session.verdict() {
                crate::coach::Verdict::Green => {
                    *greens += 1;
                    if *greens >= 2 {
                        *amount = activity.step_up(*amount);
                        *greens = 0;
                    }
                }
                crate::coach::Verdict::Pending => {}
                _ => {
                    *amount = activity.step_below(*amount).max(activity.baseline);
                    *greens = 0;
                }
            }
            sessions.push(session);
        }
        date = date.add_days(1);
    }
    for (month, (sessions, _)) in months {
        diary.insert_sessions(month, sessions);
    }
    let activities = ActivitiesDoc {
        activities,
        ..ActivitiesDoc::default()
    };
    (diary, activities)
}

/// The localStorage items of a diary: `(month key, month document)` for every month with
/// check-ins or sessions, oldest first.
pub fn storage_items(diary: &Diary, app_version: &str) -> Vec<(String, String)> {
    diary
        .doc_months()
        .into_iter()
        .map(|month| {
            (
                month_key_name(month),
                encode_month(month, &diary.month_doc(&month), app_version),
            )
        })
        .collect()
}

/// The localStorage item of an activities document: `(key, document)`.
pub fn activities_item(activities: &ActivitiesDoc, app_version: &str) -> (String, String) {
    (
        ACTIVITIES_KEY.to_string(),
        encode_activities(activities, app_version),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::decode_month;
    use crate::time::copenhagen_offset_min;

    #[test]
    fn the_generator_is_deterministic() {
        let mut a = Rng::new(1);
        let mut b = Rng::new(1);
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
        let mut r = Rng::new(3);
        assert!((0..1000).all(|_| (0.0..1.0).contains(&r.unit())));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn a_generated_year_has_plausible_entries() {
        let start = Date::new(2026, 1, 1).unwrap();
        let diary = generate_years(start, 1, 3, 11);
        assert_eq!(diary.len(), 365 * 3);
        assert_eq!(diary.months().count(), 12);
        let days = diary.days();
        assert_eq!(days.len(), 365);
        assert!(days.iter().all(|d| d.count == 3));
        let all: Vec<&CheckIn> = diary.iter().collect();
        let with_areas = all.iter().filter(|c| !c.areas.is_empty()).count();
        let with_note = all.iter().filter(|c| !c.note.is_empty()).count();
        assert!((400..700).contains(&with_areas), "{with_areas}");
        assert!((250..480).contains(&with_note), "{with_note}");
        for c in &all {
            let chars = c.note.chars().count();
            assert!(
                c.note.is_empty() || (20..=60).contains(&chars),
                "{:?}",
                c.note
            );
            assert!(c.sleep.is_some() && c.stress.is_some() && c.room.is_some());
            assert_eq!(c.at.offset_min, copenhagen_offset_min(c.at.utc_secs));
            let (h, _) = c.at.local_hm();
            assert!([8, 13, 20].contains(&h), "{h}");
        }
        assert!(all
            .iter()
            .any(|c| c.note.contains(['æ', 'ø', 'å', 'Æ', 'Ø'])));
        assert!(all.iter().any(|c| c.at.offset_min == 120));
        assert!(all.iter().any(|c| c.at.offset_min == 60));
        let mean = days.iter().map(|d| d.mean).sum::<f64>() / days.len() as f64;
        assert!((2.0..=8.0).contains(&mean));
    }

    #[test]
    fn same_seed_same_diary() {
        let start = Date::new(2020, 2, 29).unwrap();
        let a = generate_years(start, 1, 2, 5);
        let b = generate_years(start, 1, 2, 5);
        assert_eq!(storage_items(&a, "x"), storage_items(&b, "x"));
        // From Feb 29 to Feb 28 the next year.
        assert_eq!(a.days().last().map(|d| d.date), Date::new(2021, 2, 27));
    }

    #[test]
    fn other_check_in_counts_spread_over_the_day() {
        for per_day in [1, 2, 5, 12] {
            let diary = generate_years(Date::new(2026, 6, 1).unwrap(), 1, per_day, 1);
            let first_day: Vec<(u8, u8)> = diary
                .iter()
                .take(per_day as usize)
                .map(|c| c.at.local_hm())
                .collect();
            assert!(first_day.iter().all(|(h, _)| (7..=22).contains(h)));
            assert_eq!(diary.days()[0].count, per_day as usize);
        }
    }

    #[test]
    fn ten_years_of_three_check_ins_a_day_fit_in_1_5_mb() {
        let start = Date::new(2016, 11, 23).unwrap();
        let diary = generate_years(start, 10, 3, 2026);
        assert_eq!(diary.len(), 3652 * 3);
        let items = storage_items(&diary, "0.1.0");
        let bytes: usize = items.iter().map(|(k, v)| k.len() + v.len()).sum();
        assert!(bytes < 1_500_000, "{bytes} bytes");
        // And every document reads back.
        let mut decoded = 0;
        for (key, text) in &items {
            let month = crate::store::parse_month_key_name(key).unwrap();
            decoded += decode_month(month, text).unwrap().checkins.len();
        }
        assert_eq!(decoded, diary.len());
    }

    #[test]
    fn ten_years_of_check_ins_and_sessions_fit_in_1_5_mb() {
        // Three check-ins a day and five sessions a week over three activities.
        let start = Date::new(2016, 11, 23).unwrap();
        let (diary, activities) = generate_years_with_sessions(start, 10, 3, 2026);
        assert_eq!(diary.len(), 3652 * 3);
        let checkins_only = generate_years(start, 10, 3, 2026);
        assert_eq!(
            diary.iter().collect::<Vec<_>>(),
            checkins_only.iter().collect::<Vec<_>>(),
            "the same check-ins as without sessions"
        );
        let weeks = 3652 / 7;
        assert!((weeks * 5..=weeks * 5 + 5).contains(&diary.session_count()));
        let mut items = storage_items(&diary, "0.1.0");
        items.push(activities_item(&activities, "0.1.0"));
        let bytes: usize = items.iter().map(|(k, v)| k.len() + v.len()).sum();
        println!("10 years, 3 check-ins a day + 5 sessions a week: {bytes} bytes");
        assert!(bytes < 1_500_000, "{bytes} bytes");
        // Every document reads back to what was generated.
        let mut sessions = 0;
        for (key, text) in &items {
            if key == crate::store::ACTIVITIES_KEY {
                let decoded = crate::store::decode_activities(text).unwrap();
                assert_eq!(decoded, activities);
                continue;
            }
            let month = crate::store::parse_month_key_name(key).unwrap();
            let doc = decode_month(month, text).unwrap();
            assert_eq!(doc, diary.month_doc(&month), "{key}");
            sessions += doc.sessions.len();
        }
        assert_eq!(sessions, diary.session_count());
    }

    #[test]
    fn generated_sessions_are_plausible() {
        let start = Date::new(2026, 1, 1).unwrap();
        let (diary, activities) = generate_years_with_sessions(start, 1, 1, 3);
        let all: Vec<&Session> = diary.sessions().collect();
        assert!((255..=265).contains(&all.len()), "{}", all.len());
        for id in ["walk", "bike", "squat"] {
            let of: Vec<&&Session> = all.iter().filter(|s| s.activity_id == id).collect();
            assert!(of.len() > 80, "{id}");
            let act = activities.find(id).unwrap();
            // The ladder moved up during the year, never below the baseline.
            assert!(of.iter().all(|s| s.amount >= act.baseline));
            assert!(of.last().unwrap().amount > act.baseline, "{id}");
        }
        for s in &all {
            assert!(s.at.local_date() >= s.for_date);
            assert!(s.at.local_date() <= s.for_date.add_days(1));
            assert!(s.for_date.weekday().index() < 5);
            if let Some(later) = s.okay_later {
                assert!(later.answered_at.utc_secs >= s.at.utc_secs + 12 * 3600);
            }
        }
        // The last two days wait for "okay later?", the rest are answered.
        let end = Date::new(2027, 1, 1).unwrap();
        assert!(all
            .iter()
            .all(|s| s.okay_later.is_none() == (s.for_date >= end.add_days(-2))));
        assert!(all.iter().any(|s| s.okay_later.is_none()));
        assert!(all.iter().any(|s| s.no_later()));
    }

    #[test]
    fn ten_years_of_about_33_000_check_ins_fit_in_1_5_mb() {
        // Nine a day for ten years: the storage budget named in the design.
        let start = Date::new(2016, 11, 23).unwrap();
        let diary = generate_years(start, 10, 9, 2026);
        assert_eq!(diary.len(), 3652 * 9);
        let bytes: usize = storage_items(&diary, "0.1.0")
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum();
        assert!(bytes < 1_500_000, "{bytes} bytes");
    }
}
