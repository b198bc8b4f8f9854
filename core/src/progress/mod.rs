//! Progress over weeks and months (domain.md §6, §7): the responder rule, SMART goals, the
//! weekly review of the six faces of progress, and the geometry of the progress charts.
//!
//! Pure functions of the diary's day summaries, the activities, the sessions, the goals
//! and reviews, and the "today" the caller passes in. Every clinical number lives in
//! [`crate::rules`].
//!
//! - [`responder`]: [`responder_status`] (the 2-point rule and the 4-week check).
//! - [`goal`]: [`Goal`], [`GoalDraft`], the realistic check, [`goal_progress`] and the
//!   goals document.
//! - [`review`]: [`Review`] of the six [`Face`]s, [`review_due`], Danish (ISO) weeks and the
//!   reviews document.
//! - [`chart`]: [`pain_chart`], [`amount_chart`], [`review_chart`]: scaled coordinates,
//!   SVG path strings, and the summary ([`Trend`]) and table rows as values ([`Label`],
//!   [`Value`]) for the shell to word.

pub mod chart;
pub mod goal;
pub mod responder;
pub mod review;

pub use chart::{
    amount_chart, pain_chart, review_chart, AmountChart, ChartRange, Frame, Label, Level, Moved,
    PainChart, Point, ReviewChart, Row, Tick, Trend, Value, REVIEW_GRID_WEEKS,
};
pub use goal::{
    apply_to_goals, current_amount, decode_goals, due_window, encode_goals, goal_progress,
    ladder_days, merge_goals, realistic_check, Goal, GoalAction, GoalDraft, GoalError,
    GoalProgress, GoalStatus, GoalsDoc, Pace, Suggestions, GOALS_KEY, KIND_GOALS,
};
pub use goal::{ladder_goal, on_goal_ladder};
pub use responder::{pain_change, responder_status, PainChange, Responder};
pub use review::{
    apply_to_reviews, decode_reviews, encode_reviews, iso_week, merge_reviews, review_due,
    week_start, Answer, Face, Review, ReviewAction, ReviewError, ReviewsDoc, KIND_REVIEWS,
    REVIEWS_KEY,
};

use crate::time::{days_in_month, Date};

/// The date `months` calendar months after `date` (before it when negative), the day of
/// the month clamped to the target month's length: 2026-08-31 + 6 months is 2027-02-28.
pub fn add_months(date: Date, months: i32) -> Date {
    let index = i64::from(date.year) * 12 + i64::from(date.month) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(date.year);
    // rem_euclid(12) is 0-11.
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    let day = date.day.min(days_in_month(year, month));
    Date::new(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::d;

    #[test]
    fn adding_months_clamps_the_day_to_the_month() {
        for (date, months, expected) in [
            (d(2026, 8, 31), 6, d(2027, 2, 28)),
            (d(2027, 8, 31), 6, d(2028, 2, 29)),
            (d(2026, 11, 23), 6, d(2027, 5, 23)),
            (d(2026, 11, 23), -3, d(2026, 8, 23)),
            (d(2026, 3, 31), -1, d(2026, 2, 28)),
            (d(2026, 1, 15), -12, d(2025, 1, 15)),
            (d(2026, 12, 1), 1, d(2027, 1, 1)),
        ] {
            assert_eq!(add_months(date, months), expected, "{date} {months}");
        }
    }
}
