//! Bad days, flare-ups and pain that creeps up over weeks (domain.md §4, §5).

use crate::diary::{recent_mean, DaySummary};
use crate::rules::{
    BAD_DAY_DELTA, BAD_DAY_MIN_DAYS, CREEP_MIN_DAYS_PER_WEEK, CREEP_MIN_RISE, CREEP_WEEKS,
    RECENT_DAYS,
};
use crate::time::Date;

/// Tolerance for comparing means of whole scores: 13/3 - 7/3 must count as 2.
const EPS: f64 = 1e-9;

/// Whether a day with pain `today_mean` is a bad day against the recent mean: at least
/// [`BAD_DAY_DELTA`] points above it (domain.md §4).
pub fn is_bad_day(today_mean: f64, recent_mean: f64) -> bool {
    today_mean - recent_mean >= BAD_DAY_DELTA - EPS
}

/// The mean pain of the [`RECENT_DAYS`] days *before* `today` that have check-ins; `None`
/// without any. Today is left out so that today's own high pain does not pull the
/// comparison towards itself (with today in, a 2-point jump would need about 2.3 points).
pub fn mean_before(days: &[DaySummary], today: Date) -> Option<f64> {
    recent_mean(days, today.add_days(-1), RECENT_DAYS)
}

/// Days with check-ins among the [`RECENT_DAYS`] days before `today`.
fn days_before(days: &[DaySummary], today: Date) -> usize {
    let from = today.add_days(-i64::try_from(RECENT_DAYS).unwrap_or(7));
    days.iter()
        .filter(|d| d.count > 0 && d.date >= from && d.date < today)
        .count()
}

/// Whether the app notices a bad day (domain.md §4): today has check-ins and their mean
/// is [`BAD_DAY_DELTA`] or more above [`mean_before`], taken only when at least
/// [`BAD_DAY_MIN_DAYS`] of the [`RECENT_DAYS`] days before today have check-ins. False
/// without check-ins today or with fewer days before.
pub fn noticed_bad_day(days: &[DaySummary], today: Date) -> bool {
    let today_mean = days
        .iter()
        .rev()
        .find(|d| d.date == today && d.count > 0)
        .map(|d| d.mean);
    if days_before(days, today) < BAD_DAY_MIN_DAYS {
        return false;
    }
    match (today_mean, mean_before(days, today)) {
        (Some(t), Some(r)) => is_bad_day(t, r),
        _ => false,
    }
}

/// The mean pain of the full Monday-to-Sunday weeks compared by the creep rule, oldest
/// first: the [`CREEP_WEEKS`] + 1 weeks before the week of `today` (which is not over
/// yet). `None` for a week with fewer than [`CREEP_MIN_DAYS_PER_WEEK`] days with
/// check-ins.
pub fn creep_week_means(days: &[DaySummary], today: Date) -> Vec<Option<f64>> {
    let this_monday = today.add_days(-i64::from(today.weekday().index()));
    let weeks = i64::try_from(CREEP_WEEKS).unwrap_or(0) + 1;
    (1..=weeks)
        .rev()
        .map(|back| {
            let from = this_monday.add_days(-7 * back);
            let to = from.add_days(6);
            let (sum, n) = days
                .iter()
                .filter(|d| d.count > 0 && d.date >= from && d.date <= to)
                .fold((0.0, 0usize), |(sum, n), d| (sum + d.mean, n + 1));
            (n >= CREEP_MIN_DAYS_PER_WEEK).then(|| sum / n as f64)
        })
        .collect()
}

/// Whether pain has crept up over several weeks (domain.md §5, [`CREEP_WEEKS`]): none of
/// the last [`CREEP_WEEKS`] full weeks had a lower mean than the week before it (a flat
/// week does not hide a steady rise), and the last full week is at least
/// [`CREEP_MIN_RISE`] above the week before them. Any week without enough check-ins
/// means no verdict (false).
pub fn pain_crept_up(days: &[DaySummary], today: Date) -> bool {
    let Some(means) = creep_week_means(days, today)
        .into_iter()
        .collect::<Option<Vec<f64>>>()
    else {
        return false;
    };
    let rising = means.windows(2).all(|w| match w {
        [before, after] => after >= &(before - EPS),
        _ => false,
    });
    match (means.first(), means.last()) {
        (Some(first), Some(last)) => rising && last - first >= CREEP_MIN_RISE - EPS,
        _ => false,
    }
}

/// Which flare-up advice applies today (domain.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlareKind {
    /// Today's pain is [`BAD_DAY_DELTA`] or more above the 7-day mean: the flare-up plan
    /// (reassurance, plan B, keep moving, back to the plan step by step).
    Flare,
    /// Pain has crept up over several weeks ([`pain_crept_up`]): reduce the total load
    /// and talk with the physiotherapist.
    Creep,
}

impl FlareKind {
    /// Translation key: "flare.flare", "flare.creep".
    pub fn key(self) -> &'static str {
        match self {
            FlareKind::Flare => "flare.flare",
            FlareKind::Creep => "flare.creep",
        }
    }
}

/// The flare-up advice for `today`, if any (domain.md §5). When pain has crept up over
/// weeks, that advice wins over a flare today: the flare-up plan says a worsening is
/// temporary, which a gradual rise over weeks is not known to be. (Plan B on a bad day
/// comes from [`noticed_bad_day`] either way.)
pub fn flare_up(days: &[DaySummary], today: Date) -> Option<FlareKind> {
    if pain_crept_up(days, today) {
        Some(FlareKind::Creep)
    } else if noticed_bad_day(days, today) {
        Some(FlareKind::Flare)
    } else {
        None
    }
}

/// What the today screen says about a bad day (domain.md §4, §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BadDayNote {
    /// The patient said it is a bad day: plan B, keep going on a small scale.
    Declared,
    /// The app noticed it, with the reassurance that it usually settles again.
    Noticed,
    /// The app noticed it, without any reassurance: a warning sign is ticked, or pain has
    /// crept up over weeks (then "it usually passes" is not known to be true).
    NoticedPlain,
}

/// The flare-up advice the today screen shows (domain.md §5, §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlareNote {
    /// The flare-up plan with its reassurance ("usually harmless").
    Flare,
    /// The flare-up plan without the reassurance (a warning sign is ticked).
    FlareCareful,
    /// Pain has crept up over weeks: reduce the total load, talk to the physiotherapist.
    Creep,
}

/// What the today screen says about today's pain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DayAdvice {
    /// The bad-day line, if it is one.
    pub bad_day: Option<BadDayNote>,
    /// The flare-up or creep advice, if any.
    pub flare: Option<FlareNote>,
    /// Whether today's plan is plan B (declared or noticed bad day).
    pub plan_b: bool,
}

/// The advice about today's pain (domain.md §4, §5, §8): `declared` when the patient said
/// it is a bad day, `may_reassure` from [`crate::safety::may_reassure`]. When the creep
/// advice shows, no reassurance does (neither the bad day's "it usually settles" nor the
/// flare-up's "usually harmless"); while a warning sign is ticked, none either.
pub fn day_advice(
    days: &[DaySummary],
    today: Date,
    declared: bool,
    may_reassure: bool,
) -> DayAdvice {
    let noticed = noticed_bad_day(days, today);
    let creep = pain_crept_up(days, today);
    let bad_day = if declared {
        Some(BadDayNote::Declared)
    } else if noticed && may_reassure && !creep {
        Some(BadDayNote::Noticed)
    } else if noticed {
        Some(BadDayNote::NoticedPlain)
    } else {
        None
    };
    let flare = if creep {
        Some(FlareNote::Creep)
    } else if noticed && may_reassure {
        Some(FlareNote::Flare)
    } else if noticed {
        Some(FlareNote::FlareCareful)
    } else {
        None
    };
    DayAdvice {
        bad_day,
        flare,
        plan_b: declared || noticed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::d;

    fn day(date: Date, mean: f64) -> DaySummary {
        DaySummary {
            date,
            mean,
            min: 0,
            max: 10,
            count: 1,
        }
    }

    /// One summary per (days back from `today`, mean).
    fn days_back(today: Date, list: &[(i64, f64)]) -> Vec<DaySummary> {
        let mut out: Vec<DaySummary> = list
            .iter()
            .map(|(back, mean)| day(today.add_days(-back), *mean))
            .collect();
        crate::order::sort_by_key(&mut out, |d| d.date);
        out
    }

    #[test]
    fn a_bad_day_is_two_points_or_more_above_the_recent_mean() {
        let cases = [
            (6.0, 4.0, true),
            (5.9, 4.0, false),
            (13.0 / 3.0, 7.0 / 3.0, true), // 2 points, with float noise
            (8.0, 3.0, true),
            (4.0, 4.0, false),
            (2.0, 4.0, false),
        ];
        for (today, recent, bad) in cases {
            assert_eq!(is_bad_day(today, recent), bad, "{today} vs {recent}");
        }
    }

    #[test]
    fn the_app_notices_a_bad_day_against_the_seven_days_before_today() {
        let today = d(2026, 11, 23);
        // 7 days before at 3, today 5: bad. With today included the mean would be 3.3.
        let week: Vec<(i64, f64)> = (1..=7).map(|b| (b, 3.0)).collect();
        let mut list = week.clone();
        list.push((0, 5.0));
        assert!(noticed_bad_day(&days_back(today, &list), today));
        assert_eq!(mean_before(&days_back(today, &list), today), Some(3.0));
        let mut list = week.clone();
        list.push((0, 4.5));
        assert!(!noticed_bad_day(&days_back(today, &list), today));
        // A high day 8 days ago is outside the window.
        let list = [(8, 0.0), (1, 4.0), (0, 5.5)];
        assert!(!noticed_bad_day(&days_back(today, &list), today));
        // No check-in today, or nothing before: no verdict.
        assert!(!noticed_bad_day(&days_back(today, &week), today));
        // Fewer than BAD_DAY_MIN_DAYS days before today: no recent mean to stand out from.
        let list = [(1, 3.0), (2, 3.0), (0, 8.0)];
        assert!(!noticed_bad_day(&days_back(today, &list), today));
        let list = [(1, 3.0), (2, 3.0), (7, 3.0), (0, 8.0)];
        assert!(noticed_bad_day(&days_back(today, &list), today));
        assert!(!noticed_bad_day(&days_back(today, &[(0, 9.0)]), today));
        assert!(!noticed_bad_day(&[], today));
    }

    /// Four full weeks before the week of `today` (a Wednesday), oldest first, each with
    /// `per_week` days at the week's mean, plus the current week at `current`.
    fn weeks(means: [f64; 4], per_week: usize, current: f64) -> (Date, Vec<DaySummary>) {
        let today = d(2026, 11, 25); // Wednesday
        let this_monday = d(2026, 11, 23);
        let mut out = Vec::new();
        for (i, mean) in means.iter().enumerate() {
            let monday = this_monday.add_days(-7 * (4 - i as i64));
            for k in 0..per_week {
                out.push(day(monday.add_days(k as i64), *mean));
            }
        }
        out.push(day(this_monday, current));
        out.push(day(today, current));
        (today, out)
    }

    #[test]
    fn pain_has_crept_up_when_three_full_weeks_never_fell_and_rose_a_point_in_all() {
        // (week means oldest first, days per week, crept up?)
        let cases = [
            ([3.0, 3.4, 3.7, 4.0], 7, true),  // exactly one point
            ([3.0, 3.4, 3.7, 3.9], 7, false), // 0.9: a drift of tenths
            ([3.0, 3.5, 3.5, 4.5], 7, true),  // a flat week no longer hides a steady rise
            ([3.0, 3.0, 3.0, 3.0], 7, false), // flat all along
            ([3.0, 2.5, 3.5, 4.0], 7, false), // a week went down at the start
            ([3.0, 4.5, 4.0, 5.0], 7, false), // a week went down
            ([3.0, 3.5, 4.0, 6.0], 7, true),
            ([3.0, 3.5, 4.0, 6.0], 3, true), // three days a week are enough
            ([3.0, 3.5, 4.0, 6.0], 2, false), // too few check-ins: no verdict
            ([6.0, 5.0, 4.0, 3.0], 7, false), // getting better
        ];
        for (means, per_week, crept) in cases {
            let (today, days) = weeks(means, per_week, 3.0);
            assert_eq!(pain_crept_up(&days, today), crept, "{means:?} x{per_week}");
        }
    }

    #[test]
    fn the_creep_rule_uses_full_monday_weeks_only() {
        let (today, days) = weeks([3.0, 3.4, 3.7, 4.0], 7, 9.0);
        let means = creep_week_means(&days, today);
        let expected = [3.0, 3.4, 3.7, 4.0];
        assert_eq!(means.len(), expected.len());
        for (mean, want) in means.iter().zip(expected) {
            assert!((mean.unwrap() - want).abs() < 1e-9, "{mean:?} vs {want}");
        }
        // On the Monday the week just begun is not counted either.
        let monday = d(2026, 11, 23);
        assert_eq!(creep_week_means(&days, monday), means);
        // On the Sunday before, the weeks are one older: the first has no data.
        let sunday = d(2026, 11, 22);
        assert_eq!(creep_week_means(&days, sunday)[0], None);
        assert!(!pain_crept_up(&days, sunday));
    }

    #[test]
    fn a_flare_up_is_a_bad_day_and_creep_wins_over_it() {
        let (today, calm) = weeks([3.0, 3.0, 3.0, 3.0], 7, 3.0);
        assert_eq!(flare_up(&calm, today), None);
        let (today, flare) = weeks([3.0, 3.0, 3.0, 3.0], 7, 3.0);
        let mut flare = flare;
        flare.last_mut().unwrap().mean = 5.0;
        assert_eq!(flare_up(&flare, today), Some(FlareKind::Flare));
        let (today, mut creep) = weeks([3.0, 3.5, 4.0, 4.5], 7, 4.5);
        assert_eq!(flare_up(&creep, today), Some(FlareKind::Creep));
        creep.last_mut().unwrap().mean = 9.0;
        assert_eq!(flare_up(&creep, today), Some(FlareKind::Creep));
        assert_eq!(FlareKind::Creep.key(), "flare.creep");
        assert_eq!(flare_up(&[], today), None);
    }

    #[test]
    fn the_bad_day_rule_needs_bad_day_min_days_with_check_ins_in_the_week_before() {
        let today = d(2026, 11, 23);
        // (days back with check-ins at 3, today's pain, noticed?)
        let cases: [(&[i64], f64, bool); 6] = [
            (&[], 9.0, false),
            (&[1], 9.0, false),
            (&[1, 2], 9.0, false),
            (&[1, 2, 3], 9.0, true),
            (&[5, 6, 7], 9.0, true),
            (&[6, 7, 8], 9.0, false), // the eighth day back is outside the week
        ];
        for (back, pain, noticed) in cases {
            let mut list: Vec<(i64, f64)> = back.iter().map(|b| (*b, 3.0)).collect();
            list.push((0, pain));
            assert_eq!(
                noticed_bad_day(&days_back(today, &list), today),
                noticed,
                "{back:?}"
            );
            assert_eq!(
                back.len() >= BAD_DAY_MIN_DAYS && back.iter().all(|b| *b <= 7),
                noticed
            );
        }
    }

    #[test]
    fn when_the_creep_advice_shows_no_bad_day_or_flare_reassurance_does() {
        use BadDayNote::*;
        use FlareNote::*;
        let (today, calm) = weeks([3.0, 3.0, 3.0, 3.0], 7, 3.0);
        let mut flare = calm.clone();
        flare.last_mut().unwrap().mean = 6.0;
        let (_, mut creep) = weeks([3.0, 3.5, 4.0, 4.5], 7, 4.5);
        creep.last_mut().unwrap().mean = 7.0;
        // (days, declared, may reassure, bad-day note, flare note, plan B)
        let cases = [
            (&calm, false, true, None, None, false),
            (&calm, true, true, Some(Declared), None, true),
            (&flare, false, true, Some(Noticed), Some(Flare), true),
            (
                &flare,
                false,
                false,
                Some(NoticedPlain),
                Some(FlareCareful),
                true,
            ),
            (&flare, true, true, Some(Declared), Some(Flare), true),
            (&creep, false, true, Some(NoticedPlain), Some(Creep), true),
            (&creep, false, false, Some(NoticedPlain), Some(Creep), true),
        ];
        for (i, (days, declared, reassure, bad, fl, plan_b)) in cases.into_iter().enumerate() {
            assert_eq!(
                day_advice(days, today, declared, reassure),
                DayAdvice {
                    bad_day: bad,
                    flare: fl,
                    plan_b
                },
                "case {i}"
            );
        }
    }
}
