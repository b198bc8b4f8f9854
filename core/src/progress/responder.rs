//! The responder rule (domain.md §6, seed 000): is the patient's pain meaningfully lower
//! than at the start, and if not after some weeks, is it time to talk about a tailored
//! plan?

use crate::diary::{baseline, Baseline, BaselineProfile, DaySummary};
use crate::rules::{
    NON_RESPONDER_MIN_BASELINE, NON_RESPONDER_WEEKS, RECENT_DAYS, RESPONDER_MIN_POINTS,
    RESPONDER_MIN_RECENT_DAYS, RESPONDER_PERCENT, RESPONDER_POINTS,
};
use crate::time::Date;

/// The responder status on a given day (domain.md §6).
///
/// Means and points are rounded to one decimal, as the patient reads them; `points` is
/// the baseline mean minus the recent mean (negative when pain rose) and `percent` the
/// same as a whole percentage of the baseline mean (0 when the baseline mean is 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Responder {
    /// The baseline (the first [`crate::rules::BASELINE_DAYS`] days with check-ins) is
    /// not complete yet.
    BaselineIncomplete {
        /// Days with check-ins still needed.
        days_left: usize,
    },
    /// Fewer than [`RESPONDER_MIN_RECENT_DAYS`] of the last [`RECENT_DAYS`] calendar days
    /// have check-ins: no verdict (also after a break of weeks).
    TooFewRecent {
        /// Days with check-ins in the last [`RECENT_DAYS`] days.
        days: usize,
    },
    /// The recent mean is [`RESPONDER_POINTS`] or more below the baseline mean, or
    /// [`RESPONDER_PERCENT`] or more below it while that is at least
    /// [`RESPONDER_MIN_POINTS`]: a meaningful improvement. Tell the patient, and that more treatment is not
    /// automatically better: keep doing what works.
    Responder {
        /// Baseline mean, one decimal.
        baseline_mean: f64,
        /// Mean of the last [`RECENT_DAYS`] days, one decimal.
        recent_mean: f64,
        /// Improvement in points, one decimal.
        points: f64,
        /// Improvement in percent of the baseline mean.
        percent: i32,
    },
    /// No meaningful improvement yet, and fewer than [`NON_RESPONDER_WEEKS`] weeks since
    /// the baseline was complete: keep going.
    NotYet {
        /// Whole weeks (7-day periods) since the baseline was complete.
        weeks: i64,
        /// Improvement so far in points, one decimal.
        points: f64,
        /// Improvement so far in percent.
        percent: i32,
    },
    /// No meaningful improvement [`NON_RESPONDER_WEEKS`] weeks or more after the baseline:
    /// suggest talking to the physiotherapist about an individually tailored plan.
    NonResponder {
        /// Improvement in points, one decimal (may be negative).
        points: f64,
        /// Improvement in percent.
        percent: i32,
    },
    /// No meaningful improvement [`NON_RESPONDER_WEEKS`] weeks or more after the
    /// baseline, but the baseline mean is below [`NON_RESPONDER_MIN_BASELINE`]: there is
    /// little pain to lose, so no "no improvement" message; talk about what the patient
    /// can do instead (domain.md §6).
    LowBaseline {
        /// Baseline mean, one decimal.
        baseline_mean: f64,
        /// Improvement in points, one decimal (may be negative).
        points: f64,
        /// Improvement in percent.
        percent: i32,
    },
}

impl Responder {
    /// Translation key: "responder.baseline_incomplete", "responder.too_few_recent",
    /// "responder.responder", "responder.not_yet", "responder.non_responder",
    /// "responder.low_baseline".
    pub fn key(&self) -> &'static str {
        match self {
            Responder::BaselineIncomplete { .. } => "responder.baseline_incomplete",
            Responder::TooFewRecent { .. } => "responder.too_few_recent",
            Responder::Responder { .. } => "responder.responder",
            Responder::NotYet { .. } => "responder.not_yet",
            Responder::NonResponder { .. } => "responder.non_responder",
            Responder::LowBaseline { .. } => "responder.low_baseline",
        }
    }
}

/// `x` in whole tenths (halves away from zero): the one-decimal value the patient sees.
fn tenths(x: f64) -> i64 {
    (x * 10.0).round() as i64
}

/// The baseline profile and, in whole tenths, the baseline mean and the mean of the last
/// [`RECENT_DAYS`] days up to `today`; the early status when there is no verdict yet.
fn means(days: &[DaySummary], today: Date) -> Result<(BaselineProfile, i64, i64), Responder> {
    let profile = match baseline(days) {
        Baseline::Pending { days_left, .. } => {
            return Err(Responder::BaselineIncomplete { days_left });
        }
        Baseline::Ready(profile) => profile,
    };
    let window = i64::try_from(RECENT_DAYS).unwrap_or(7);
    let after = today.add_days(-window);
    let (sum, count) = days
        .iter()
        .filter(|d| d.count > 0 && d.date > after && d.date <= today)
        .fold((0.0, 0usize), |(s, c), d| (s + d.mean, c + 1));
    if count < RESPONDER_MIN_RECENT_DAYS || count == 0 {
        return Err(Responder::TooFewRecent { days: count });
    }
    let base_t = tenths(profile.mean);
    Ok((profile, base_t, tenths(sum / count as f64)))
}

/// `diff_t` as a whole percentage of `base_t` (halves away from zero; 0 without a base).
fn percent_of(diff_t: i64, base_t: i64) -> i32 {
    if base_t > 0 {
        let p = diff_t * 200 / base_t;
        i32::try_from(p / 2 + p % 2).unwrap_or(0)
    } else {
        0
    }
}

/// Pain since the start, at a glance: the baseline mean, the mean of the last
/// [`RECENT_DAYS`] days, the change in points and percent (positive when pain fell), all
/// as the responder rule computes them (one decimal, whole percent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PainChange {
    /// First day of the baseline.
    pub since: Date,
    /// Baseline mean, one decimal.
    pub from: f64,
    /// Mean of the last [`RECENT_DAYS`] days, one decimal.
    pub to: f64,
    /// `from - to`, one decimal (negative when pain rose).
    pub points: f64,
    /// The same in whole percent of `from`.
    pub percent: i32,
}

impl PainChange {
    /// "pain_change.fell", "pain_change.rose" or "pain_change.same" (exactly the same
    /// one-decimal means).
    pub fn key(&self) -> &'static str {
        if self.points > 0.0 {
            "pain_change.fell"
        } else if self.points < 0.0 {
            "pain_change.rose"
        } else {
            "pain_change.same"
        }
    }
}

/// The change in pain since the start on `today`, from the same baseline and recent
/// window as [`responder_status`] (so the first card, the charts and the responder card
/// agree); `None` while the baseline is incomplete or the last days have too few
/// check-ins.
pub fn pain_change(days: &[DaySummary], today: Date) -> Option<PainChange> {
    let (profile, base_t, recent_t) = means(days, today).ok()?;
    let diff_t = base_t - recent_t;
    Some(PainChange {
        since: profile.from,
        from: base_t as f64 / 10.0,
        to: recent_t as f64 / 10.0,
        points: diff_t as f64 / 10.0,
        percent: percent_of(diff_t, base_t),
    })
}

/// The responder status on `today` from the diary's day summaries (as from
/// [`crate::diary::days`]).
///
/// The recent mean is the mean of the daily means of the last [`RECENT_DAYS`] calendar
/// days up to and including today ([`crate::diary::recent_mean`]). Both means are
/// rounded to one decimal first and compared in whole tenths, so the verdict matches the
/// numbers shown and no floating-point residue decides it. Weeks are counted as whole
/// 7-day periods from the last baseline day, not as calendar weeks: a baseline completed
/// on a Sunday has 0 weeks behind it on Monday.
pub fn responder_status(days: &[DaySummary], today: Date) -> Responder {
    let (profile, base_t, recent_t) = match means(days, today) {
        Ok(m) => m,
        Err(early) => return early,
    };
    let diff_t = base_t - recent_t;
    let points = diff_t as f64 / 10.0;
    let percent = percent_of(diff_t, base_t);
    // 30 % of the baseline, exactly in whole tenths: diff / base >= 30 / 100.
    let by_percent = base_t > 0
        && diff_t * 100 >= i64::from(RESPONDER_PERCENT) * base_t
        && diff_t >= tenths(RESPONDER_MIN_POINTS);
    if diff_t >= tenths(RESPONDER_POINTS) || by_percent {
        return Responder::Responder {
            baseline_mean: base_t as f64 / 10.0,
            recent_mean: recent_t as f64 / 10.0,
            points,
            percent,
        };
    }
    let weeks = (today.to_days() - profile.to.to_days()).max(0) / 7;
    if weeks < NON_RESPONDER_WEEKS {
        Responder::NotYet {
            weeks,
            points,
            percent,
        }
    } else if base_t < tenths(NON_RESPONDER_MIN_BASELINE) {
        Responder::LowBaseline {
            baseline_mean: base_t as f64 / 10.0,
            points,
            percent,
        }
    } else {
        Responder::NonResponder { points, percent }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::d;
    use crate::time::Weekday;

    /// One check-in per day with these pains, one day after the other from `from`.
    fn run(from: Date, pains: &[f64]) -> Vec<DaySummary> {
        pains
            .iter()
            .enumerate()
            .map(|(i, &mean)| DaySummary {
                date: from.add_days(i as i64),
                mean,
                min: mean.floor() as u8,
                max: mean.ceil() as u8,
                count: 1,
            })
            .collect()
    }

    /// A baseline of seven days at `base` from 2026-11-02 (a Monday; the baseline is
    /// complete on Sunday 2026-11-08), then `recent` on the seven days up to `today`.
    fn diary(base: f64, today: Date, recent: &[f64]) -> Vec<DaySummary> {
        let mut days = run(d(2026, 11, 2), &[base; 7]);
        let n = recent.len() as i64;
        let recent = run(today.add_days(1 - n), recent);
        days.extend(recent.into_iter().filter(|r| r.date > d(2026, 11, 8)));
        days
    }

    #[test]
    fn the_pain_change_since_the_start_uses_the_responder_baseline_and_window() {
        let today = d(2026, 12, 13);
        // (baseline, recent, expected (from, to, points, percent, key))
        type Expected = Option<(f64, f64, f64, i32, &'static str)>;
        let cases: [(f64, &[f64], Expected); 4] = [
            (
                6.2,
                &[3.5; 7],
                Some((6.2, 3.5, 2.7, 44, "pain_change.fell")),
            ),
            (
                4.0,
                &[5.0; 7],
                Some((4.0, 5.0, -1.0, -25, "pain_change.rose")),
            ),
            (4.0, &[4.0; 7], Some((4.0, 4.0, 0.0, 0, "pain_change.same"))),
            // Three recent days: too few for a verdict, so no change either.
            (6.0, &[3.0; 3], None),
        ];
        for (base, recent, expected) in cases {
            let days = diary(base, today, recent);
            let got =
                pain_change(&days, today).map(|c| (c.from, c.to, c.points, c.percent, c.key()));
            assert_eq!(got, expected, "{base} {recent:?}");
            if let (
                Some(c),
                Responder::Responder {
                    baseline_mean,
                    recent_mean,
                    ..
                },
            ) = (pain_change(&days, today), responder_status(&days, today))
            {
                assert_eq!((c.from, c.to), (baseline_mean, recent_mean));
            }
        }
        assert_eq!(pain_change(&run(d(2026, 11, 2), &[5.0; 6]), today), None);
        assert_eq!(
            pain_change(&diary(6.2, today, &[3.5; 7]), today).map(|c| c.since),
            Some(d(2026, 11, 2))
        );
    }

    fn points_of(status: Responder) -> Option<f64> {
        match status {
            Responder::Responder { points, .. }
            | Responder::NotYet { points, .. }
            | Responder::NonResponder { points, .. }
            | Responder::LowBaseline { points, .. } => Some(points),
            _ => None,
        }
    }

    #[test]
    fn exactly_two_points_below_the_baseline_is_a_responder() {
        let today = d(2026, 11, 29);
        // 6.0 - 4.0, and a sum of thirds that is not exactly 2 in floating point.
        for (base, recent) in [(6.0, 4.0), (6.0, 4.0 + 1e-12), (13.0 / 3.0, 7.0 / 3.0)] {
            let status = responder_status(&diary(base, today, &[recent; 7]), today);
            assert!(
                matches!(status, Responder::Responder { .. }),
                "{base} {recent}: {status:?}"
            );
            assert_eq!(points_of(status), Some(2.0));
        }
        let status = responder_status(&diary(6.0, today, &[4.0; 7]), today);
        assert_eq!(
            status,
            Responder::Responder {
                baseline_mean: 6.0,
                recent_mean: 4.0,
                points: 2.0,
                percent: 33
            }
        );
        assert_eq!(status.key(), "responder.responder");
    }

    #[test]
    fn the_responder_rule_is_two_points_or_thirty_percent_of_at_least_one_point() {
        let today = d(2026, 11, 29);
        // (baseline, recent, responder?)
        let cases = [
            (6.0, 4.0, true),  // 2 points (33 %)
            (8.0, 6.0, true),  // 2 points, only 25 %
            (6.0, 4.1, true),  // 1.9 points but 32 %
            (7.0, 5.1, false), // 1.9 points, 27 %
            (4.0, 2.8, true),  // 1.2 points, exactly 30 %
            (4.0, 2.9, false), // 1.1 points, 27.5 %
            (3.3, 2.3, true),  // 1.0 point, 30.3 %
            (3.0, 2.1, false), // 30 %, but 0.9 points is under one point
            (2.0, 1.0, true),  // 1 point, 50 %
            (1.5, 0.5, true),  // 1 point, 67 %
            (1.5, 0.6, false), // 0.9 points
        ];
        for (base, recent, yes) in cases {
            let status = responder_status(&diary(base, today, &[recent; 7]), today);
            assert_eq!(
                matches!(status, Responder::Responder { .. }),
                yes,
                "{base} {recent}: {status:?}"
            );
        }
    }

    #[test]
    fn no_non_responder_message_with_a_baseline_mean_below_two() {
        // Four weeks after the baseline (complete on 2026-11-08), no improvement.
        let today = d(2026, 12, 7);
        // (baseline, recent, low baseline?)
        let cases = [
            (1.9, 1.9, true),
            (1.0, 1.5, true),
            (2.0, 2.0, false),
            (5.0, 5.0, false),
        ];
        for (base, recent, low) in cases {
            let status = responder_status(&diary(base, today, &[recent; 7]), today);
            match (status, low) {
                (Responder::LowBaseline { baseline_mean, .. }, true) => {
                    assert_eq!(baseline_mean, base)
                }
                (Responder::NonResponder { .. }, false) => {}
                (other, _) => panic!("{base} {recent}: {other:?}"),
            }
        }
        assert_eq!(
            Responder::LowBaseline {
                baseline_mean: 1.0,
                points: 0.0,
                percent: 0
            }
            .key(),
            "responder.low_baseline"
        );
    }

    #[test]
    fn one_point_nine_below_a_high_baseline_is_not_yet_a_responder() {
        let today = d(2026, 11, 29);
        for (base, recent) in [(7.0, 5.1), (8.0, 6.06), (8.04, 6.1)] {
            let status = responder_status(&diary(base, today, &[recent; 7]), today);
            assert!(
                matches!(status, Responder::NotYet { .. }),
                "{base} {recent}: {status:?}"
            );
            assert_eq!(points_of(status), Some(1.9), "{base} {recent}");
        }
    }

    #[test]
    fn points_and_percent_are_both_given() {
        let today = d(2026, 11, 29);
        let cases = [
            // (baseline, recent, points, percent)
            (7.0, 4.0, 3.0, 43),
            (5.0, 3.5, 1.5, 30),
            (4.0, 5.0, -1.0, -25),
            (0.0, 0.0, 0.0, 0),
        ];
        for (base, recent, points, percent) in cases {
            let status = responder_status(&diary(base, today, &[recent; 7]), today);
            let got = match status {
                Responder::Responder {
                    points, percent, ..
                }
                | Responder::NotYet {
                    points, percent, ..
                } => (points, percent),
                other => panic!("{other:?}"),
            };
            assert_eq!(got, (points, percent), "{base} {recent}");
        }
    }

    #[test]
    fn an_incomplete_baseline_gives_no_verdict() {
        let days = run(d(2026, 11, 2), &[6.0; 6]);
        assert_eq!(
            responder_status(&days, d(2026, 11, 7)),
            Responder::BaselineIncomplete { days_left: 1 }
        );
        assert_eq!(
            responder_status(&[], d(2026, 11, 7)),
            Responder::BaselineIncomplete { days_left: 7 }
        );
    }

    #[test]
    fn fewer_recent_days_with_check_ins_than_the_minimum_give_no_verdict() {
        let today = d(2026, 11, 29);
        // Three of the last seven days: too few, even though pain is far lower.
        let mut days = run(d(2026, 11, 2), &[6.0; 7]);
        for back in [0, 2, 5] {
            days.extend(run(today.add_days(-back), &[1.0]));
        }
        days.sort_by_key(|d| d.date);
        assert_eq!(
            responder_status(&days, today),
            Responder::TooFewRecent { days: 3 }
        );
        // A fourth day (the seventh back is the oldest in the window) is enough.
        days.extend(run(today.add_days(-6), &[1.0]));
        days.sort_by_key(|d| d.date);
        assert!(matches!(
            responder_status(&days, today),
            Responder::Responder { .. }
        ));
        // The eighth day back is outside the window.
        let mut days = run(d(2026, 11, 2), &[6.0; 7]);
        for back in [0, 2, 5, 7] {
            days.extend(run(today.add_days(-back), &[1.0]));
        }
        days.sort_by_key(|d| d.date);
        assert_eq!(
            responder_status(&days, today),
            Responder::TooFewRecent { days: 3 }
        );
    }

    #[test]
    fn a_gap_of_weeks_without_check_ins_gives_no_verdict_until_the_patient_is_back() {
        // Baseline, then nothing for six weeks.
        let days = run(d(2026, 11, 2), &[6.0; 7]);
        let today = d(2026, 12, 20);
        assert_eq!(
            responder_status(&days, today),
            Responder::TooFewRecent { days: 0 }
        );
        // Back for four days with the same pain: six weeks on, a non-responder.
        let mut days = days;
        days.extend(run(today.add_days(-3), &[5.5; 4]));
        assert_eq!(
            responder_status(&days, today),
            Responder::NonResponder {
                points: 0.5,
                percent: 8
            }
        );
    }

    #[test]
    fn weeks_are_whole_seven_day_periods_across_monday_boundaries() {
        // The baseline is complete on Sunday 2026-11-08.
        let done = d(2026, 11, 8);
        assert_eq!(done.weekday(), Weekday::Sun);
        let cases = [
            // (today, weeks): Monday right after is still week 0.
            (d(2026, 11, 9), Some(0)),
            (d(2026, 11, 14), Some(0)),
            (d(2026, 11, 15), Some(1)),
            (d(2026, 11, 16), Some(1)),
            (d(2026, 12, 5), Some(3)),
            // 28 days after the baseline: four weeks, time to talk.
            (d(2026, 12, 6), None),
            (d(2026, 12, 7), None),
        ];
        for (today, weeks) in cases {
            let status = responder_status(&diary(6.0, today, &[5.0; 7]), today);
            match (status, weeks) {
                (Responder::NotYet { weeks: got, .. }, Some(weeks)) => {
                    assert_eq!(got, weeks, "{today}")
                }
                (Responder::NonResponder { points, percent }, None) => {
                    assert_eq!((points, percent), (1.0, 17), "{today}")
                }
                (other, _) => panic!("{today}: {other:?}"),
            }
        }
    }
}
