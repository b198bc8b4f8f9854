//! A deterministic generated diary, for benchmarks, storage-size checks and tests.
//!
//! Same inputs, same diary: a small SplitMix64 generator ([`Rng`]) replaces a random
//! crate, and nothing reads the clock.

use crate::diary::Diary;
use crate::model::{new_id, normalize_areas, BodyArea, CheckIn, Score};
use crate::store::{encode_month, month_key_name};
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

/// The localStorage items of a diary: `(month key, month document)` for every month,
/// oldest first.
pub fn storage_items(diary: &Diary, app_version: &str) -> Vec<(String, String)> {
    diary
        .months()
        .map(|month| {
            (
                month_key_name(*month),
                encode_month(*month, diary.month(month), app_version),
            )
        })
        .collect()
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
            decoded += decode_month(month, text).unwrap().len();
        }
        assert_eq!(decoded, diary.len());
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
