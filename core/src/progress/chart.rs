//! Chart geometry (domain.md §6): everything a progress chart needs, already scaled to a
//! [`VIEW_W`] x [`VIEW_H`] SVG viewBox in whole units, with ready-made path `d` strings,
//! the values of a plain-language summary and rows for a screen-reader table. Labels and
//! values are values ([`Label`], [`Value`], [`Trend`]): the shell words them
//! (`src/i18n/progress.rs`), so no month, weekday or sentence is written here.
//!
//! - Lines are one `<path>` each; a line breaks (a new `M`) at gaps, never drops to zero.
//! - Dots are one `<path>` too: `M x yh0` per point, drawn with `stroke-linecap="round"`
//!   and a stroke width of the dot's size, so even a long history is a handful of
//!   elements.
//! - Ranges longer than a year are drawn as weekly means (or means of several weeks),
//!   so at most about [`CHART_MAX_POINTS`] points are drawn, however long the history.

use super::add_months;
use super::responder::pain_change;
use super::review::{iso_week, week_start, Answer, Face, Review};
use crate::coach::{ladder, Activity, Amount, Session, Verdict};
use crate::diary::DaySummary;
use crate::rules::{
    AMOUNT_CHART_GAP_DAYS, CHART_GAP_DAYS, CHART_MAX_POINTS, PAIN_MAX, TREND_STEADY_POINTS,
};
use crate::time::Date;

/// Width of the viewBox.
pub const VIEW_W: i32 = 1000;
/// Height of the viewBox.
pub const VIEW_H: i32 = 400;
/// Left edge of the plot area (room for the y labels).
pub const PLOT_LEFT: i32 = 48;
/// Right edge of the plot area.
pub const PLOT_RIGHT: i32 = 984;
/// Top edge of the plot area.
pub const PLOT_TOP: i32 = 16;
/// Bottom edge of the plot area (room for the x labels below).
pub const PLOT_BOTTOM: i32 = 360;
/// The review chart shows at most this many weeks (the latest).
pub const REVIEW_CHART_MAX_WEEKS: i64 = 104;

/// The time span of a chart, ending today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChartRange {
    /// The last 28 days.
    #[default]
    Weeks4,
    /// The last three calendar months.
    Months3,
    /// The last twelve calendar months.
    Year,
    /// From the first data on (at least four weeks).
    All,
}

impl ChartRange {
    /// Every range, shortest first.
    pub const ALL: [ChartRange; 4] = [
        ChartRange::Weeks4,
        ChartRange::Months3,
        ChartRange::Year,
        ChartRange::All,
    ];

    /// Translation key: "range.weeks4", "range.months3", "range.year", "range.all".
    pub fn key(self) -> &'static str {
        match self {
            ChartRange::Weeks4 => "range.weeks4",
            ChartRange::Months3 => "range.months3",
            ChartRange::Year => "range.year",
            ChartRange::All => "range.all",
        }
    }

    /// The first day shown on `today`; for [`ChartRange::All`] the first data day
    /// `first` (if any), but never less than four weeks back.
    pub fn start(self, today: Date, first: Option<Date>) -> Date {
        let weeks4 = today.add_days(-27);
        match self {
            ChartRange::Weeks4 => weeks4,
            ChartRange::Months3 => add_months(today, -3).add_days(1),
            ChartRange::Year => add_months(today, -12).add_days(1),
            ChartRange::All => first.map_or(weeks4, |f| f.min(weeks4)),
        }
    }
}

/// What a tick or a table row is labelled with, as a value; the shell words it ("3. nov.",
/// "nov.", "nov. 2026", "uge 47", "2027", "4", "Smerte").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Label {
    /// A day ("3. nov." / "3 Nov").
    Day(Date),
    /// A month of the year, 1-12 ("nov." / "Nov").
    Month(u8),
    /// A month with its year (the date's day is 1): "nov. 2026" / "Nov 2026".
    MonthYear(Date),
    /// An ISO week number ("uge 47" / "week 47").
    Week(u8),
    /// A year ("2027").
    Year(i32),
    /// A whole pain score on the pain axis ("4").
    Pain(u8),
    /// An amount in the activity's unit ("2,5" / "2.5").
    Amount(Amount),
    /// The foot of the amount axis ("0").
    Zero,
    /// A face of progress ("Smerte" / "Pain").
    Face(Face),
}

/// The value of a table row, as a value; the shell writes it ("4,3", "11",
/// "3 bedre, 2 uændret, 1 værre").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A mean pain (one decimal when written).
    Mean(f64),
    /// An amount in the activity's unit.
    Amount(Amount),
    /// How many weeks a face was answered better, same and worse.
    Answers([u32; 3]),
}

/// A labelled position on an axis (x for the time axis, y for the value axis).
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in viewBox units.
    pub pos: i32,
    /// The label, as a value ([`Label`]).
    pub label: Label,
}

/// A point in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// x.
    pub x: i32,
    /// y (0 at the top).
    pub y: i32,
}

/// One row of the screen-reader table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What the row is about: a day, a week or a month ([`Label::Day`], [`Label::Week`],
    /// [`Label::MonthYear`]), or a face of progress ([`Label::Face`]).
    pub label: Label,
    /// The value ([`Value`]).
    pub value: Value,
}

/// The frame every chart shares: the viewBox, the plot area and the axes.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// First day shown.
    pub from: Date,
    /// Last day shown (today).
    pub to: Date,
    /// Ticks of the time axis (x positions).
    pub x_ticks: Vec<Tick>,
    /// Ticks of the value axis (y positions).
    pub y_ticks: Vec<Tick>,
}

/// How a chart's values moved, for its plain-language summary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trend {
    /// Nothing to summarise in the range.
    NoData,
    /// Less than two weeks of data: just the mean.
    Mean(f64),
    /// From the first week's mean to the last week's, over whole weeks.
    Change {
        /// Mean of the first 7 days with data, one decimal.
        from: f64,
        /// Mean of the last 7 days with data, one decimal.
        to: f64,
        /// Weeks between them (at least 1).
        weeks: i64,
    },
}

impl Trend {
    /// Translation key: "trend.no_data", "trend.mean", "trend.fell", "trend.rose",
    /// "trend.steady" (fell/rose: at least [`TREND_STEADY_POINTS`] apart).
    pub fn key(self) -> &'static str {
        match self {
            Trend::NoData => "trend.no_data",
            Trend::Mean(_) => "trend.mean",
            Trend::Change { from, to, .. } if to <= from - TREND_STEADY_POINTS => "trend.fell",
            Trend::Change { from, to, .. } if to >= from + TREND_STEADY_POINTS => "trend.rose",
            Trend::Change { .. } => "trend.steady",
        }
    }

    /// How a change moved: `None` for [`Trend::NoData`] and [`Trend::Mean`].
    pub fn moved(self) -> Option<Moved> {
        match self {
            Trend::NoData | Trend::Mean(_) => None,
            Trend::Change { from, to, .. } if to <= from - TREND_STEADY_POINTS => Some(Moved::Fell),
            Trend::Change { from, to, .. } if to >= from + TREND_STEADY_POINTS => Some(Moved::Rose),
            Trend::Change { .. } => Some(Moved::Steady),
        }
    }
}

/// How a [`Trend::Change`] moved: fell or rose by at least [`TREND_STEADY_POINTS`], or
/// stayed within them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Fell by at least [`TREND_STEADY_POINTS`].
    Fell,
    /// Rose by at least [`TREND_STEADY_POINTS`].
    Rose,
    /// Stayed within [`TREND_STEADY_POINTS`].
    Steady,
}

// ---------------------------------------------------------------------------------------
// Writing paths without format! per point.

/// Appends `n` in decimal.
fn push_int(out: &mut String, n: i32) {
    if n < 0 {
        out.push('-');
    }
    let mut v = n.unsigned_abs();
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || i == 0 {
            break;
        }
    }
    for d in digits.iter().skip(i) {
        out.push(char::from(*d));
    }
}

/// Appends a path command with one point: "M12 34".
fn push_cmd(out: &mut String, cmd: char, p: Point) {
    out.push(cmd);
    push_int(out, p.x);
    out.push(' ');
    push_int(out, p.y);
}

/// A dot at `p` for a round-capped stroke: "M12 34h0".
fn push_dot(out: &mut String, p: Point) {
    push_cmd(out, 'M', p);
    out.push_str("h0");
}

/// A polyline through `(day, point)` pairs, oldest first, that starts a new piece where
/// two days are more than `max_step` days apart. A piece of one point is drawn as a dot
/// (so a lone value stays visible).
fn broken_line(points: &[(i64, Point)], max_step: i64) -> String {
    let mut out = String::with_capacity(points.len() * 9);
    let mut prev: Option<i64> = None;
    let mut iter = points.iter().peekable();
    while let Some(&(day, p)) = iter.next() {
        let joined = prev.is_some_and(|q| day - q <= max_step);
        let next_joined = iter.peek().is_some_and(|(n, _)| n - day <= max_step);
        if joined {
            push_cmd(&mut out, 'L', p);
        } else if next_joined {
            push_cmd(&mut out, 'M', p);
        } else {
            push_dot(&mut out, p);
        }
        prev = Some(day);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Scales and axes.

/// x of day number `day` in a range from day `from` over `span` days (at least 1).
fn x_of(day: i64, from: i64, span: i64) -> i32 {
    let w = i64::from(PLOT_RIGHT - PLOT_LEFT);
    let x = i64::from(PLOT_LEFT) + ((day - from) * w * 2 + span) / (2 * span.max(1));
    i32::try_from(x.clamp(0, i64::from(VIEW_W))).unwrap_or(PLOT_LEFT)
}

/// y of `value` on a scale from 0 to `max` (positive).
fn y_of(value: f64, max: f64) -> i32 {
    let h = f64::from(PLOT_BOTTOM - PLOT_TOP);
    let y = f64::from(PLOT_BOTTOM) - (value / max * h).round();
    // Clamped into the viewBox; the cast of a small whole number is exact.
    y.clamp(0.0, f64::from(VIEW_H)) as i32
}

/// The ISO week number of `date` as a label.
fn week_label(date: Date) -> Label {
    Label::Week(iso_week(date).1)
}

/// The first of `date`'s month as a label.
fn month_year(date: Date) -> Label {
    Label::MonthYear(Date { day: 1, ..date })
}

/// Ticks of the time axis from `from` to `to`: Mondays up to a month ("23. nov."), every
/// other Monday up to about three months, the first of each month up to a year ("nov.",
/// January as its year), years beyond (every few years, at most about 12 ticks).
fn time_ticks(from: Date, to: Date) -> Vec<Tick> {
    let (f, t) = (from.to_days(), to.to_days());
    let span = (t - f).max(1);
    let mut ticks = Vec::new();
    let mut push = |date: Date, label: Label| {
        ticks.push(Tick {
            pos: x_of(date.to_days(), f, span),
            label,
        })
    };
    if span <= 100 {
        let every = if span <= 31 { 7 } else { 14 };
        let mut monday = week_start(from.add_days(6));
        while monday <= to {
            push(monday, Label::Day(monday));
            monday = monday.add_days(every);
        }
    } else if span <= 400 {
        let mut first = add_months(Date { day: 1, ..from }, 1);
        if from.day == 1 {
            first = from;
        }
        while first <= to {
            let label = if first.month == 1 {
                Label::Year(first.year)
            } else {
                Label::Month(first.month)
            };
            push(first, label);
            first = add_months(first, 1);
        }
    } else {
        let years = i64::from(to.year - from.year).max(1);
        let every = i32::try_from((years + 11) / 12).unwrap_or(1).max(1);
        let mut year = from.year.saturating_add(1);
        while year <= to.year {
            push(
                Date {
                    year,
                    month: 1,
                    day: 1,
                },
                Label::Year(year),
            );
            year = year.saturating_add(every);
        }
    }
    ticks
}

/// Ticks of the pain axis: 0, 2, 4, 6, 8, 10.
fn pain_ticks() -> Vec<Tick> {
    (0..=PAIN_MAX)
        .step_by(2)
        .map(|v| Tick {
            pos: y_of(f64::from(v), f64::from(PAIN_MAX)),
            label: Label::Pain(v),
        })
        .collect()
}

/// The days of `days` (oldest first) with check-ins from `from` to `to`.
fn days_between(days: &[DaySummary], from: Date, to: Date) -> &[DaySummary] {
    let start = days.partition_point(|d| d.date < from);
    let end = days.partition_point(|d| d.date <= to);
    days.get(start..end.max(start)).unwrap_or(&[])
}

/// Means of `days` grouped by consecutive equal `key`: (key, first day, mean).
fn group_means(days: &[DaySummary], key: &dyn Fn(Date) -> i64) -> Vec<(i64, Date, f64)> {
    let mut out: Vec<(i64, Date, f64)> = Vec::new();
    let mut acc: Option<(i64, Date, f64, u32)> = None;
    for d in days.iter().filter(|d| d.count > 0) {
        let k = key(d.date);
        match &mut acc {
            Some((ak, _, sum, n)) if *ak == k => {
                *sum += d.mean;
                *n += 1;
            }
            _ => {
                if let Some((ak, first, sum, n)) = acc.take() {
                    out.push((ak, first, sum / f64::from(n)));
                }
                acc = Some((k, d.date, d.mean, 1));
            }
        }
    }
    if let Some((ak, first, sum, n)) = acc {
        out.push((ak, first, sum / f64::from(n)));
    }
    out
}

/// Mean of the days within 7 days of the first (or, `last`, up to the last) in `days`.
fn week_mean(days: &[DaySummary], last: bool) -> Option<(Date, f64)> {
    let edge = if last { days.last() } else { days.first() }?.date;
    let (sum, n) = days
        .iter()
        .filter(|d| (d.date.to_days() - edge.to_days()).abs() < 7)
        .fold((0.0, 0u32), |(s, n), d| (s + d.mean, n + 1));
    (n > 0).then(|| (edge, sum / f64::from(n)))
}

/// The trend of the days in range: the first week's mean against the last week's.
fn pain_trend(days: &[DaySummary]) -> Trend {
    let (Some((first, a)), Some((last, b))) = (week_mean(days, false), week_mean(days, true))
    else {
        return Trend::NoData;
    };
    let span = last.to_days() - first.to_days();
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    if span < 14 {
        let mean = days.iter().map(|d| d.mean).sum::<f64>() / days.len().max(1) as f64;
        return Trend::Mean(round1(mean));
    }
    Trend::Change {
        from: round1(a),
        to: round1(b),
        weeks: (span + 3) / 7,
    }
}

/// When the range reaches back to the baseline's first day: the change from the
/// baseline mean to the mean of the last days, exactly as the responder card and the
/// first card compute it ([`pain_change`]), so the chart's sentence says the same.
fn since_start_trend(days: &[DaySummary], from: Date, today: Date) -> Option<Trend> {
    let c = pain_change(days, today).filter(|c| from <= c.since)?;
    Some(Trend::Change {
        from: c.from,
        to: c.to,
        weeks: ((today.to_days() - c.since.to_days() + 3) / 7).max(1),
    })
}

// ---------------------------------------------------------------------------------------
// The pain chart.

/// The pain chart (see [`pain_chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PainChart {
    /// Range, axes (y: pain 0-10, ticks every 2 points).
    pub frame: Frame,
    /// Days per drawn point: 1 (each day's mean) or a multiple of 7 (weekly means).
    pub bucket_days: i64,
    /// The drawn points: each day with check-ins (its mean), or each week's mean.
    pub points: Vec<Point>,
    /// `d` of the points as dots (one path; see the module docs).
    pub dots: String,
    /// `d` of the 7-day mean (with weekly points: the line through them), broken where
    /// more than [`CHART_GAP_DAYS`] days have no check-ins.
    pub mean_line: String,
    /// y of the baseline mean, when there is a baseline.
    pub baseline_y: Option<i32>,
    /// How average pain moved over the range.
    pub trend: Trend,
    /// The table: days (four weeks), weeks (three months) or months (longer).
    pub rows: Vec<Row>,
}

/// The pain chart for `range` on `today` (domain.md §6).
///
/// `days` are the diary's day summaries, oldest first (as from [`crate::diary::days`]);
/// `baseline` is the baseline mean, when complete. Days without check-ins are gaps,
/// never zeros. Up to a year, each day with check-ins is a dot and the line is the mean
/// of the days with check-ins among the 7 days up to it; beyond a year, the dots are the
/// means of weeks (of several weeks when the weeks would be more than
/// [`CHART_MAX_POINTS`]) and the line joins them, breaking at a missing week.
pub fn pain_chart(
    days: &[DaySummary],
    today: Date,
    range: ChartRange,
    baseline: Option<f64>,
) -> PainChart {
    let first = days.iter().find(|d| d.count > 0).map(|d| d.date);
    let from = range.start(today, first);
    let (f, t) = (from.to_days(), today.to_days());
    let span = (t - f).max(1);
    let max = f64::from(PAIN_MAX);
    let shown = days_between(days, from, today);
    let weeks = span / 7 + 1;
    let max_points = i64::try_from(CHART_MAX_POINTS).unwrap_or(600).max(1);
    let bucket_days = if span <= 366 {
        1
    } else {
        7 * ((weeks + max_points - 1) / max_points)
    };

    let mut points = Vec::new();
    let mut line: Vec<(i64, Point)> = Vec::new();
    let mut dots = String::new();
    if bucket_days == 1 {
        // The 7-day window may reach 6 days before the range.
        let context = days_between(days, from.add_days(-6), today);
        let mut start = 0usize;
        let (mut sum, mut n) = (0.0, 0u32);
        for d in context {
            if d.count == 0 {
                continue;
            }
            sum += d.mean;
            n += 1;
            let day = d.date.to_days();
            while let Some(old) = context.get(start) {
                if day - old.date.to_days() < 7 {
                    break;
                }
                if old.count > 0 {
                    sum -= old.mean;
                    n = n.saturating_sub(1);
                }
                start += 1;
            }
            if d.date < from {
                continue;
            }
            let x = x_of(day, f, span);
            let p = Point {
                x,
                y: y_of(d.mean, max),
            };
            points.push(p);
            push_dot(&mut dots, p);
            let m = sum / f64::from(n.max(1));
            line.push((day, Point { x, y: y_of(m, max) }));
        }
    } else {
        let monday0 = week_start(from).to_days();
        let key = |date: Date| (date.to_days() - monday0) / bucket_days;
        for (k, _, mean) in group_means(shown, &key) {
            let mid = (monday0 + k * bucket_days + bucket_days / 2).clamp(f, t);
            let p = Point {
                x: x_of(mid, f, span),
                y: y_of(mean, max),
            };
            points.push(p);
            push_dot(&mut dots, p);
            line.push((k * bucket_days, p));
        }
    }
    let step = if bucket_days == 1 {
        CHART_GAP_DAYS + 1
    } else {
        bucket_days
    };
    let mean_line = broken_line(&line, step);

    let rows = match range {
        ChartRange::Weeks4 => shown
            .iter()
            .filter(|d| d.count > 0)
            .map(|d| Row {
                label: Label::Day(d.date),
                value: Value::Mean(d.mean),
            })
            .collect(),
        ChartRange::Months3 => group_means(shown, &|d| week_start(d).to_days())
            .into_iter()
            .map(|(_, first, mean)| Row {
                label: week_label(first),
                value: Value::Mean(mean),
            })
            .collect(),
        ChartRange::Year | ChartRange::All => {
            group_means(shown, &|d| i64::from(d.year) * 12 + i64::from(d.month))
                .into_iter()
                .map(|(_, first, mean)| Row {
                    label: month_year(first),
                    value: Value::Mean(mean),
                })
                .collect()
        }
    };

    PainChart {
        frame: Frame {
            from,
            to: today,
            x_ticks: time_ticks(from, today),
            y_ticks: pain_ticks(),
        },
        bucket_days,
        points,
        dots,
        mean_line,
        baseline_y: baseline.map(|b| y_of(b, max)),
        trend: since_start_trend(days, from, today).unwrap_or_else(|| pain_trend(shown)),
        rows,
    }
}

// ---------------------------------------------------------------------------------------
// The amount chart.

/// The amount chart of one activity (see [`amount_chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct AmountChart {
    /// Range and axes (y: amounts from 0, "nice" ticks in the activity's unit).
    pub frame: Frame,
    /// The drawn points, oldest first, with the verdict of their session.
    pub points: Vec<(Point, Verdict)>,
    /// `d` of the yes + yes points as dots.
    pub green_dots: String,
    /// `d` of the points with a "no" (now or later) as dots.
    pub no_dots: String,
    /// `d` of the points still waiting for "okay later?" as dots.
    pub pending_dots: String,
    /// `d` of the line through the points, broken after more than
    /// [`AMOUNT_CHART_GAP_DAYS`] days without a session.
    pub line: String,
    /// The ladder's rungs as horizontal guides (y and the amount), those on the scale.
    pub rungs: Vec<Tick>,
    /// y of the goal's target, when there is one.
    pub goal_y: Option<i32>,
    /// The only labelled levels, each once: the goal, now (the last amount shown) and the
    /// start (the first), in that order, a level left out when it would sit on top of
    /// one already kept (closer than [`LEVEL_MIN_GAP`]).
    pub levels: Vec<(Level, Tick)>,
    /// First and last amount shown and the weeks between them (`None` without sessions).
    pub trend: Option<(Amount, Amount, i64)>,
    /// The table: each session (up to three months) or each month's largest amount.
    pub rows: Vec<Row>,
}

/// A labelled level of the amount chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The goal's target.
    Goal,
    /// The last amount shown.
    Now,
    /// The first amount shown.
    Start,
}

/// Labelled levels closer than this (viewBox units, 15 % of the height) would overlap.
pub const LEVEL_MIN_GAP: i32 = 60;

/// A "nice" scale top and tick step (1, 2 or 5 times a power of ten, in thousandths)
/// for values up to `max_milli`, with at most 6 steps.
fn nice_scale(max_milli: u64) -> (u64, u64) {
    let mut step: u64 = 1;
    loop {
        for m in [1, 2, 5] {
            let s = step.saturating_mul(m);
            if max_milli.div_ceil(s.max(1)) <= 6 {
                return (max_milli.div_ceil(s).max(1) * s, s);
            }
        }
        if step > u64::from(u32::MAX) {
            return (max_milli.max(1), max_milli.max(1));
        }
        step *= 10;
    }
}

/// The amount chart of `activity` for `range` on `today` (domain.md §3, §7): its
/// sessions' amounts over time (in `sessions` of any activity, chronological as
/// [`crate::diary::Diary::sessions`] gives them), the ladder's rungs as guides and the
/// goal's target (`goal`, e.g. the active [`super::Goal`]'s target). Beyond a year each
/// point is the largest amount of a week (or of several, see [`pain_chart`]).
pub fn amount_chart(
    activity: &Activity,
    sessions: &[Session],
    goal: Option<Amount>,
    today: Date,
    range: ChartRange,
) -> AmountChart {
    let mine: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.activity_id == activity.id && s.for_date <= today)
        .collect();
    let from = range.start(today, mine.first().map(|s| s.for_date));
    let (f, t) = (from.to_days(), today.to_days());
    let span = (t - f).max(1);
    let shown: Vec<&Session> = mine.into_iter().filter(|s| s.for_date >= from).collect();
    let rungs_all = ladder(activity);
    let top = shown
        .iter()
        .map(|s| s.amount)
        .chain(goal)
        .chain(rungs_all.first().copied())
        .max()
        .map_or(1, Amount::milli);
    let (scale_milli, step_milli) = nice_scale(u64::from(top) + u64::from(top) / 10);
    let scale = scale_milli as f64;
    let y_amount = |a: Amount| y_of(f64::from(a.milli()), scale);

    let weeks = span / 7 + 1;
    let max_points = i64::try_from(CHART_MAX_POINTS).unwrap_or(600).max(1);
    let bucket_days = if span <= 366 {
        1
    } else {
        7 * ((weeks + max_points - 1) / max_points)
    };
    let monday0 = week_start(from).to_days();
    let mut picked: Vec<&Session> = Vec::new();
    let mut last_key: Option<i64> = None;
    for s in &shown {
        let key = if bucket_days == 1 {
            None
        } else {
            Some((s.for_date.to_days() - monday0) / bucket_days)
        };
        match picked.last_mut() {
            Some(p) if key.is_some() && key == last_key => {
                if s.amount > p.amount {
                    *p = s;
                }
            }
            _ => picked.push(s),
        }
        last_key = key;
    }
    let mut points = Vec::with_capacity(picked.len());
    let mut line: Vec<(i64, Point)> = Vec::with_capacity(picked.len());
    let (mut green_dots, mut no_dots, mut pending_dots) =
        (String::new(), String::new(), String::new());
    for s in &picked {
        let day = s.for_date.to_days();
        let p = Point {
            x: x_of(day, f, span),
            y: y_amount(s.amount),
        };
        let verdict = s.verdict();
        let dots = match verdict {
            Verdict::Green => &mut green_dots,
            Verdict::AdjustNow | Verdict::BackOff => &mut no_dots,
            Verdict::Pending => &mut pending_dots,
        };
        push_dot(dots, p);
        points.push((p, verdict));
        line.push((day, p));
    }
    let rungs = rungs_all
        .iter()
        .filter(|r| u64::from(r.milli()) <= scale_milli)
        .map(|r| Tick {
            pos: y_amount(*r),
            label: Label::Amount(*r),
        })
        .collect();
    let y_ticks = (0..=scale_milli / step_milli.max(1))
        .filter_map(|i| {
            let milli = u32::try_from(i * step_milli).ok()?;
            Some(Tick {
                pos: y_of(f64::from(milli), scale),
                label: Amount::from_milli(milli).map_or(Label::Zero, Label::Amount),
            })
        })
        .collect();
    let trend = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => Some((
            a.amount,
            b.amount,
            (b.for_date.to_days() - a.for_date.to_days() + 3) / 7,
        )),
        _ => None,
    };
    let rows = if matches!(range, ChartRange::Weeks4 | ChartRange::Months3) {
        shown
            .iter()
            .map(|s| Row {
                label: Label::Day(s.for_date),
                value: Value::Amount(s.amount),
            })
            .collect()
    } else {
        let mut rows: Vec<Row> = Vec::new();
        let mut month: Option<(i32, u8, Amount)> = None;
        let flush = |m: Option<(i32, u8, Amount)>, rows: &mut Vec<Row>| {
            if let Some((year, month, amount)) = m {
                rows.push(Row {
                    label: Label::MonthYear(Date {
                        year,
                        month,
                        day: 1,
                    }),
                    value: Value::Amount(amount),
                });
            }
        };
        for s in &shown {
            let (y, m) = (s.for_date.year, s.for_date.month);
            match &mut month {
                Some((my, mm, best)) if *my == y && *mm == m => *best = (*best).max(s.amount),
                _ => {
                    flush(month.take(), &mut rows);
                    month = Some((y, m, s.amount));
                }
            }
        }
        flush(month, &mut rows);
        rows
    };
    let mut levels: Vec<(Level, Tick)> = Vec::new();
    for (level, amount) in [
        (Level::Goal, goal),
        (Level::Now, shown.last().map(|s| s.amount)),
        (Level::Start, shown.first().map(|s| s.amount)),
    ] {
        let Some(amount) = amount else { continue };
        let pos = y_amount(amount);
        if levels
            .iter()
            .all(|(_, t)| (t.pos - pos).abs() >= LEVEL_MIN_GAP)
        {
            levels.push((
                level,
                Tick {
                    pos,
                    label: Label::Amount(amount),
                },
            ));
        }
    }
    AmountChart {
        frame: Frame {
            from,
            to: today,
            x_ticks: time_ticks(from, today),
            y_ticks,
        },
        points,
        green_dots,
        no_dots,
        pending_dots,
        line: broken_line(&line, AMOUNT_CHART_GAP_DAYS),
        rungs,
        goal_y: goal.map(y_amount),
        levels,
        trend,
        rows,
    }
}

// ---------------------------------------------------------------------------------------
// The review chart.

/// The review chart (see [`review_chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewChart {
    /// Range (Monday of the first week to Sunday of this week) and axes: x the weeks, y
    /// one band per face (the tick at the band's middle,
    /// labelled with the face's short name).
    pub frame: Frame,
    /// Per face, in [`Face::ALL`] order: the answered weeks as points (better high in the
    /// band, same in the middle, worse low) with the answer.
    pub marks: Vec<Vec<(Point, Answer)>>,
    /// Per face, `d` of the line through its answers, broken at unanswered weeks.
    pub lines: Vec<String>,
    /// Per face: how many weeks were answered better, same and worse.
    pub counts: [[u32; 3]; 6],
    /// Weeks in the range with a review (skipped ones included).
    pub weeks: u32,
    /// The table: one row per face with its counts ([`Value::Answers`]).
    pub rows: Vec<Row>,
    /// The grid, one column per week with a review in the range (the latest
    /// [`REVIEW_GRID_WEEKS`]), oldest first: the week's ISO number (47) and per face, in
    /// [`Face::ALL`] order, its answer (`None`: not answered or skipped).
    pub grid: Vec<(u8, [Option<Answer>; 6])>,
}

/// The review grid shows at most this many weeks (the latest), so it fits a phone.
pub const REVIEW_GRID_WEEKS: usize = 8;

impl ReviewChart {
    /// The face answered "better" most often and how often, when any was.
    pub fn most_better(&self) -> Option<(Face, u32)> {
        Face::ALL
            .iter()
            .zip(self.counts.iter())
            .map(|(f, c)| (*f, c.first().copied().unwrap_or(0)))
            .filter(|(_, n)| *n > 0)
            .fold(None, |best: Option<(Face, u32)>, (f, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((f, n)),
            })
    }
}

/// The review chart for `range` on `today` (domain.md §6): per face, the answers over
/// the weeks (at most the latest [`REVIEW_CHART_MAX_WEEKS`]). `reviews` in week order.
pub fn review_chart(reviews: &[Review], today: Date, range: ChartRange) -> ReviewChart {
    let mut from = week_start(range.start(today, reviews.first().map(|r| r.week)));
    let last = week_start(today);
    if (last.to_days() - from.to_days()) / 7 >= REVIEW_CHART_MAX_WEEKS {
        from = last.add_days(-7 * (REVIEW_CHART_MAX_WEEKS - 1));
    }
    // Weeks are drawn at their Thursday, so the first and last sit inside the range.
    let (f, t) = (from.to_days(), last.to_days() + 6);
    let span = (t - f).max(1);
    let band = (PLOT_BOTTOM - PLOT_TOP) / 6;
    let mut marks: Vec<Vec<(Point, Answer)>> = vec![Vec::new(); 6];
    let mut pieces: Vec<Vec<(i64, Point)>> = vec![Vec::new(); 6];
    let mut counts = [[0u32; 3]; 6];
    let mut weeks = 0u32;
    let mut grid: Vec<(u8, [Option<Answer>; 6])> = Vec::new();
    for r in reviews.iter().filter(|r| r.week >= from && r.week <= last) {
        weeks += 1;
        grid.push((iso_week(r.week).1, Face::ALL.map(|face| r.answer(face))));
        let day = r.week.to_days() + 3;
        let x = x_of(day, f, span);
        for (i, face) in Face::ALL.iter().enumerate() {
            let Some(answer) = r.answer(*face) else {
                continue;
            };
            let band_top = PLOT_TOP + band * i32::try_from(i).unwrap_or(0);
            let (slot, y) = match answer {
                Answer::Better => (0, band_top + band / 4),
                Answer::Same => (1, band_top + band / 2),
                Answer::Worse => (2, band_top + band * 3 / 4),
            };
            let p = Point { x, y };
            if let Some(c) = counts.get_mut(i).and_then(|c| c.get_mut(slot)) {
                *c += 1;
            }
            if let Some(m) = marks.get_mut(i) {
                m.push((p, answer));
            }
            if let Some(l) = pieces.get_mut(i) {
                l.push((day, p));
            }
        }
    }
    let lines = pieces.iter().map(|p| broken_line(p, 7)).collect();
    let y_ticks = Face::ALL
        .iter()
        .enumerate()
        .map(|(i, face)| Tick {
            pos: PLOT_TOP + band * i32::try_from(i).unwrap_or(0) + band / 2,
            label: Label::Face(*face),
        })
        .collect();
    let rows = Face::ALL
        .iter()
        .zip(counts.iter())
        .map(|(face, c)| Row {
            label: Label::Face(*face),
            value: Value::Answers(*c),
        })
        .collect();
    ReviewChart {
        frame: Frame {
            from,
            to: last.add_days(6),
            x_ticks: time_ticks(from, last.add_days(6)),
            y_ticks,
        },
        marks,
        lines,
        counts,
        weeks,
        rows,
        grid: grid.split_off(grid.len().saturating_sub(REVIEW_GRID_WEEKS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{OkayLater, PlanB, Unit};
    use crate::gen::generate_years;
    use crate::model::Score;
    use crate::testkit::{a, cph, d};

    fn day(date: Date, mean: f64) -> DaySummary {
        DaySummary {
            date,
            mean,
            min: mean as u8,
            max: mean as u8,
            count: 1,
        }
    }

    /// One day per date from `from` for `n` days, skipping the days in `skip`.
    fn run(from: Date, n: i64, mean: impl Fn(i64) -> f64, skip: &[i64]) -> Vec<DaySummary> {
        (0..n)
            .filter(|i| !skip.contains(i))
            .map(|i| day(from.add_days(i), mean(i)))
            .collect()
    }

    #[test]
    fn the_chart_sentence_since_the_start_uses_the_same_baseline_as_the_responder_card() {
        // Six weeks: a baseline week at 6.2, then falling to 3.5 in the last week.
        let from = d(2026, 10, 19);
        let today = from.add_days(41);
        let days = run(
            from,
            42,
            |i| {
                if i < 7 {
                    6.2
                } else if i >= 35 {
                    3.5
                } else {
                    4.7
                }
            },
            &[],
        );
        let all = pain_chart(&days, today, ChartRange::All, Some(6.2));
        assert_eq!(
            all.trend,
            Trend::Change {
                from: 6.2,
                to: 3.5,
                weeks: 6
            }
        );
        assert_eq!(all.trend.moved(), Some(Moved::Fell));
        // Four weeks do not reach back to the baseline: the range's own first week.
        let weeks4 = pain_chart(&days, today, ChartRange::Weeks4, Some(6.2));
        assert!(
            matches!(weeks4.trend, Trend::Change { from, .. } if from != 6.2),
            "{:?}",
            weeks4.trend
        );
    }

    fn moves(path: &str) -> usize {
        path.matches('M').count()
    }

    #[test]
    fn paths_are_written_as_integers_with_breaks_and_lone_dots() {
        let p = |x, y| Point { x, y };
        let line = [
            (0, p(48, 360)),
            (1, p(60, -5)),
            (9, p(900, 16)),
            (10, p(984, 20)),
        ];
        assert_eq!(broken_line(&line, 4), "M48 360L60 -5M900 16L984 20");
        let lone = [(0, p(1, 2)), (9, p(3, 4))];
        assert_eq!(broken_line(&lone, 4), "M1 2h0M3 4h0");
        let mut s = String::new();
        push_int(&mut s, i32::MIN);
        assert_eq!(s, "-2147483648");
    }

    #[test]
    fn ten_years_of_diary_draw_at_most_600_points_and_few_elements() {
        let today = d(2026, 11, 22);
        let diary = generate_years(d(2016, 11, 23), 10, 3, 2026);
        let days = diary.days();
        assert!(days.len() >= 3650);
        let chart = pain_chart(&days, today, ChartRange::All, Some(5.0));
        assert_eq!(chart.bucket_days, 7);
        assert!(
            (500..=CHART_MAX_POINTS).contains(&chart.points.len()),
            "{}",
            chart.points.len()
        );
        assert_eq!(moves(&chart.dots), chart.points.len());
        assert_eq!(moves(&chart.mean_line), 1, "no week is missing");
        assert!(chart.frame.x_ticks.len() <= 12);
        assert_eq!(chart.frame.x_ticks[0].label, Label::Year(2017));
        assert_eq!(chart.rows.len(), 121, "one row per month");
        // A year of the same diary: one dot per day, month ticks.
        let year = pain_chart(&days, today, ChartRange::Year, None);
        assert_eq!(year.bucket_days, 1);
        assert_eq!(year.points.len(), 365);
        assert_eq!(year.rows.len(), 13, "Nov 2025 (from the 23rd) to Nov 2026");
        // Forty years of weekly points would be too many: means of several weeks.
        let far = [day(d(1986, 1, 1), 5.0), day(today, 5.0)];
        let chart = pain_chart(&far, today, ChartRange::All, None);
        assert_eq!(chart.bucket_days, 28);
        assert!(chart.frame.x_ticks.len() <= 12);
    }

    #[test]
    fn a_year_is_ticked_by_month_with_january_as_its_year() {
        let today = d(2026, 11, 23);
        let labels: Vec<Label> = pain_chart(&[], today, ChartRange::Year, None)
            .frame
            .x_ticks
            .into_iter()
            .map(|t| t.label)
            .collect();
        let m = Label::Month;
        assert_eq!(
            labels,
            [
                m(12),
                Label::Year(2026),
                m(2),
                m(3),
                m(4),
                m(5),
                m(6),
                m(7),
                m(8),
                m(9),
                m(10),
                m(11)
            ]
        );
        let ticks = pain_chart(&[], today, ChartRange::Year, None).frame.x_ticks;
        assert!(ticks.windows(2).all(|w| w[0].pos < w[1].pos));
        assert!(ticks
            .iter()
            .all(|t| (PLOT_LEFT..=PLOT_RIGHT).contains(&t.pos)));
    }

    #[test]
    fn four_weeks_are_ticked_on_mondays_in_danish_and_english() {
        let today = d(2026, 11, 23);
        let chart = pain_chart(&[], today, ChartRange::Weeks4, None);
        assert_eq!(chart.frame.from, d(2026, 10, 27));
        let labels: Vec<Label> = chart.frame.x_ticks.iter().map(|t| t.label).collect();
        let days = [d(2026, 11, 2), d(2026, 11, 9), d(2026, 11, 16), today];
        assert_eq!(labels, days.map(Label::Day));
        assert_eq!(chart.frame.x_ticks[3].pos, PLOT_RIGHT);
        let three = pain_chart(&[], today, ChartRange::Months3, None);
        assert_eq!(three.frame.from, d(2026, 8, 24));
        assert_eq!(three.frame.x_ticks.len(), 7, "every other Monday");
        let y: Vec<(i32, Label)> = chart
            .frame
            .y_ticks
            .iter()
            .map(|t| (t.pos, t.label))
            .collect();
        assert_eq!(y[0], (PLOT_BOTTOM, Label::Pain(0)));
        assert_eq!(y[5], (PLOT_TOP, Label::Pain(10)));
    }

    #[test]
    fn missing_days_are_gaps_and_a_long_gap_breaks_the_mean_line() {
        let today = d(2026, 11, 23);
        let from = today.add_days(-27);
        let cases = [
            // (skipped days, pieces of the mean line)
            (vec![], 1),
            (vec![10, 11, 12], 1),
            (vec![10, 11, 12, 13], 2),
            (vec![3, 4, 5, 6, 7, 15, 16, 17, 18, 19], 3),
        ];
        for (skip, pieces) in cases {
            let days = run(from, 28, |_| 4.0, &skip);
            let chart = pain_chart(&days, today, ChartRange::Weeks4, None);
            assert_eq!(chart.points.len(), 28 - skip.len());
            assert_eq!(moves(&chart.mean_line), pieces, "{skip:?}");
            assert!(
                chart.points.iter().all(|p| p.y == y_of(4.0, 10.0)),
                "no zeros"
            );
            assert_eq!(chart.rows.len(), 28 - skip.len());
        }
    }

    #[test]
    fn the_mean_line_is_the_mean_of_the_last_seven_days_with_check_ins() {
        let today = d(2026, 11, 23);
        // 8 before the range (still in the first window), then 2s.
        let mut days = vec![day(today.add_days(-30), 8.0)];
        days.extend(run(today.add_days(-27), 28, |_| 2.0, &[]));
        let chart = pain_chart(&days, today, ChartRange::Weeks4, Some(6.0));
        let first_y = chart.mean_line[1..].split(['L', ' ']).nth(1).unwrap();
        assert_eq!(first_y.parse::<i32>().unwrap(), y_of(5.0, 10.0));
        assert_eq!(chart.baseline_y, Some(y_of(6.0, 10.0)));
        assert_eq!(chart.points.len(), 28);
    }

    #[test]
    fn the_summary_says_how_average_pain_moved_over_whole_weeks() {
        let today = d(2026, 11, 23);
        let from = today.add_days(-41);
        let fell = run(
            from,
            42,
            |i| {
                if i < 7 {
                    6.0
                } else if i >= 35 {
                    3.5
                } else {
                    5.0
                }
            },
            &[],
        );
        let chart = pain_chart(&fell, today, ChartRange::Months3, None);
        assert_eq!(
            chart.trend,
            Trend::Change {
                from: 6.0,
                to: 3.5,
                weeks: 6
            }
        );
        assert_eq!(chart.trend.moved(), Some(Moved::Fell));
        assert_eq!(chart.rows[0].label, Label::Week(42));
        let cases = [
            (
                Trend::Change {
                    from: 3.0,
                    to: 3.5,
                    weeks: 1,
                },
                "trend.rose",
                Some(Moved::Rose),
            ),
            (
                Trend::Change {
                    from: 3.0,
                    to: 3.4,
                    weeks: 2,
                },
                "trend.steady",
                Some(Moved::Steady),
            ),
            (Trend::Mean(4.25), "trend.mean", None),
            (Trend::NoData, "trend.no_data", None),
        ];
        for (trend, key, moved) in cases {
            assert_eq!((trend.key(), trend.moved()), (key, moved));
        }
        let short = run(today.add_days(-3), 4, |_| 4.0, &[]);
        let chart = pain_chart(&short, today, ChartRange::Weeks4, None);
        assert_eq!(chart.trend, Trend::Mean(4.0));
    }

    fn walking() -> Activity {
        Activity {
            id: "walk".into(),
            name: "Gåtur".into(),
            unit: Unit::Minutes,
            baseline: a(10.0),
            per_week: 5,
            goal: Some(a(15.0)),
            plan_b: PlanB::Fraction,
            custom_step: None,
            archived: false,
            created: cph(d(2026, 10, 1), 12),
        }
    }

    fn session(id: &str, date: Date, amount: f64, later: Option<bool>) -> Session {
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: "walk".into(),
            at: cph(date, 17),
            for_date: date,
            amount: a(amount),
            pain_during: Score::new(3).unwrap(),
            okay_now: true,
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: cph(date.add_days(1), 8),
            }),
        }
    }

    #[test]
    fn the_amount_chart_shows_sessions_rungs_and_the_goal() {
        let today = d(2026, 11, 23);
        let log = [
            session("1", d(2026, 11, 2), 10.0, Some(true)),
            session("2", d(2026, 11, 4), 11.0, Some(false)),
            session("3", d(2026, 11, 20), 11.0, Some(true)),
            session("4", d(2026, 11, 23), 12.0, None),
        ];
        let chart = amount_chart(&walking(), &log, Some(a(20.0)), today, ChartRange::Weeks4);
        // Scale: 20 + 10 % = 22 -> 25 in steps of 5.
        let y: Vec<Label> = chart.frame.y_ticks.iter().map(|t| t.label).collect();
        let am = |x: f64| Label::Amount(a(x));
        assert_eq!(
            y,
            [Label::Zero, am(5.0), am(10.0), am(15.0), am(20.0), am(25.0)]
        );
        assert_eq!(chart.goal_y, Some(y_of(20_000.0, 25_000.0)));
        let rungs: Vec<Label> = chart.rungs.iter().map(|t| t.label).collect();
        assert_eq!(rungs, [10.0, 11.0, 12.0, 13.0, 14.0, 15.0].map(am));
        assert_eq!(moves(&chart.green_dots), 2);
        assert_eq!(moves(&chart.no_dots), 1);
        assert_eq!(moves(&chart.pending_dots), 1);
        assert_eq!(
            moves(&chart.line),
            2,
            "16 days without a session break the line"
        );
        assert_eq!(chart.trend, Some((a(10.0), a(12.0), 3)));
        // Only the goal, now and the start are labelled (start 10 and now 12 are 28
        // units apart on a scale to 25: the start is left out).
        let levels: Vec<(Level, Label)> = chart.levels.iter().map(|(l, t)| (*l, t.label)).collect();
        assert_eq!(levels, [(Level::Goal, am(20.0)), (Level::Now, am(12.0))]);
        assert_eq!(
            chart.rows[1],
            Row {
                label: Label::Day(d(2026, 11, 4)),
                value: Value::Amount(a(11.0))
            }
        );
        let year = amount_chart(&walking(), &log, None, today, ChartRange::Year);
        assert_eq!(
            year.rows,
            [Row {
                label: Label::MonthYear(d(2026, 11, 1)),
                value: Value::Amount(a(12.0))
            }]
        );
        let empty = amount_chart(&walking(), &[], None, today, ChartRange::All);
        assert!(empty.points.is_empty() && empty.trend.is_none());
    }

    #[test]
    fn the_review_chart_places_answers_in_each_faces_band() {
        let monday = d(2026, 11, 2);
        let b = Some(Answer::Better);
        let w = Some(Answer::Worse);
        let reviews = [
            Review {
                week: monday,
                answers: [b, b, None, None, w, b],
            },
            Review::skipped(monday.add_days(7)),
            Review {
                week: monday.add_days(14),
                answers: [b, w, None, None, b, b],
            },
        ];
        let today = d(2026, 11, 22);
        let chart = review_chart(&reviews, today, ChartRange::Weeks4);
        assert_eq!(chart.weeks, 3);
        assert_eq!(chart.counts[0], [2, 0, 0]);
        assert_eq!(chart.counts[4], [1, 0, 1]);
        assert_eq!(chart.marks[0].len(), 2);
        assert!(chart.marks[2].is_empty());
        assert_eq!(
            moves(&chart.lines[0]),
            2,
            "the skipped week breaks the line"
        );
        let band = (PLOT_BOTTOM - PLOT_TOP) / 6;
        assert_eq!(chart.marks[1][0].0.y, PLOT_TOP + band + band / 4);
        assert_eq!(chart.marks[1][1].0.y, PLOT_TOP + band + band * 3 / 4);
        assert_eq!(chart.frame.y_ticks[0].label, Label::Face(Face::LessPain));
        assert_eq!(chart.rows[4].value, Value::Answers([1, 0, 1]));
        assert_eq!(chart.most_better(), Some((Face::LessPain, 2)));
        let none = review_chart(&[], today, ChartRange::All);
        assert_eq!(none.most_better(), None);
        // Ten years of weekly reviews: the latest two years.
        let many: Vec<Review> = (0..520)
            .map(|i| Review {
                week: d(2026, 11, 16).add_days(-7 * i),
                answers: [b; 6],
            })
            .rev()
            .collect();
        let chart = review_chart(&many, d(2026, 11, 22), ChartRange::All);
        assert_eq!(chart.weeks as i64, REVIEW_CHART_MAX_WEEKS);
        assert_eq!(chart.marks.iter().map(Vec::len).sum::<usize>(), 6 * 104);
        assert_eq!(chart.grid.len(), REVIEW_GRID_WEEKS);
        assert_eq!(chart.grid.last().map(|g| g.0), Some(47));
    }

    #[test]
    fn the_review_grid_has_one_column_per_reviewed_week_and_one_answer_per_face() {
        let monday = d(2026, 11, 2);
        let (b, s) = (Some(Answer::Better), Some(Answer::Same));
        let reviews = [
            Review {
                week: monday,
                answers: [b, s, None, None, None, b],
            },
            Review::skipped(monday.add_days(7)),
        ];
        let chart = review_chart(&reviews, d(2026, 11, 22), ChartRange::All);
        assert_eq!(
            chart.grid,
            [(45, [b, s, None, None, None, b]), (46, [None; 6]),]
        );
    }
}
