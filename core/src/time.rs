//! Civil dates, months and recorded moments, without a time-zone database.
//!
//! A diary day is a civil date ([`Date`]): a calendar day with no zone. A check-in is
//! recorded as an [`Instant`]: the moment (UTC seconds) plus the UTC offset the device had
//! at that moment. The day an entry belongs to is computed from those two stored numbers
//! only, so a later clock change (DST) or a trip abroad never moves a past entry to another
//! day. The crate never reads the clock: the shell passes "now" and "today" in.
//!
//! Date arithmetic uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
//! (<https://howardhinnant.github.io/date_algorithms.html>), proleptic Gregorian calendar.

use std::cmp::Ordering;
use std::fmt;

/// Seconds in a civil day (no leap seconds, as in Unix time).
pub const SECS_PER_DAY: i64 = 86_400;

/// Largest UTC offset accepted, in minutes (+14:00, Kiribati). The smallest is the negative.
pub const MAX_OFFSET_MIN: i16 = 14 * 60;

/// [`Date::from_days`] clamps its argument to ± this many days (about a billion years), so
/// the year always fits an `i32` and no arithmetic can overflow.
const MAX_ABS_DAYS: i64 = 365_000_000_000;

/// Days from 0000-03-01 to 1970-01-01 in Hinnant's algorithms.
const EPOCH_SHIFT: i64 = 719_468;

/// Days in a 400-year Gregorian era.
const DAYS_PER_ERA: i64 = 146_097;

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` (1-12) of `year`; 0 for a month outside 1-12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day of the week, Monday first as in Denmark (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// All weekdays, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday up to 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

/// A civil date (a calendar day with no time zone), proleptic Gregorian.
///
/// Fields are public for pattern matching; build one with [`Date::new`] to have it
/// validated. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
}

impl Date {
    /// The date `year-month-day`, or `None` when it does not exist (e.g. 2026-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// The date `days` days after 1970-01-01 (negative: before). Out-of-range inputs
    /// (beyond about a billion years) are clamped.
    pub fn from_days(days: i64) -> Date {
        let z = days.clamp(-MAX_ABS_DAYS, MAX_ABS_DAYS) + EPOCH_SHIFT;
        let era = z.div_euclid(DAYS_PER_ERA);
        let doe = z - era * DAYS_PER_ERA; // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March first
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            // The clamp above keeps the year well inside i32.
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400; // [0, 399]
        let mp = (month + 9) % 12; // March = 0
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * DAYS_PER_ERA + doe - EPOCH_SHIFT
    }

    /// Day of the week (1970-01-01 was a Thursday).
    pub fn weekday(self) -> Weekday {
        let i = (self.to_days() + 3).rem_euclid(7);
        match i {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(n))
    }

    /// ISO 8601 form, "2026-11-23". Years outside 0-9999 get a sign or more digits and do
    /// not parse back with [`Date::parse_iso`].
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Parses exactly "YYYY-MM-DD" (four-digit year, ASCII digits) into an existing date.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let year = parse_digits(s.get(0..4)?)?;
        let month = parse_digits(s.get(5..7)?)?;
        let day = parse_digits(s.get(8..10)?)?;
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The month this date is in.
    pub fn month_key(self) -> MonthKey {
        MonthKey {
            year: self.year,
            month: self.month,
        }
    }

    /// Local seconds (see [`Instant::local_secs`]) of this date's midnight.
    pub fn start_local_secs(self) -> i64 {
        self.to_days().saturating_mul(SECS_PER_DAY)
    }
}

impl fmt::Display for Date {
    /// Same as [`Date::iso`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Parses a non-empty run of ASCII digits (no sign) of at most 9 digits.
fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A calendar month, e.g. 2026-11. Each month of check-ins is one stored document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthKey {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
}

impl MonthKey {
    /// The month `year-month`, or `None` when `month` is not 1-12.
    pub fn new(year: i32, month: u8) -> Option<MonthKey> {
        (1..=12)
            .contains(&month)
            .then_some(MonthKey { year, month })
    }

    /// Parses exactly "YYYY-MM" (four-digit year, ASCII digits, month 01-12).
    pub fn parse(s: &str) -> Option<MonthKey> {
        if s.len() != 7 || s.as_bytes().get(4) != Some(&b'-') {
            return None;
        }
        let year = parse_digits(s.get(0..4)?)?;
        let month = parse_digits(s.get(5..7)?)?;
        MonthKey::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?)
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.clamp(1, 12),
            day: 1,
        }
    }

    /// The last day of the month.
    pub fn last_day(self) -> Date {
        let month = self.month.clamp(1, 12);
        Date {
            year: self.year,
            month,
            day: days_in_month(self.year, month),
        }
    }

    /// Number of days in the month.
    pub fn days(self) -> u8 {
        days_in_month(self.year, self.month.clamp(1, 12))
    }

    /// Whether `date` lies in this month.
    pub fn contains(self, date: Date) -> bool {
        date.year == self.year && date.month == self.month
    }

    /// The following month.
    pub fn next(self) -> MonthKey {
        if self.month >= 12 {
            MonthKey {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            MonthKey {
                year: self.year,
                month: self.month.max(1) + 1,
            }
        }
    }

    /// The preceding month.
    pub fn prev(self) -> MonthKey {
        if self.month <= 1 {
            MonthKey {
                year: self.year.saturating_sub(1),
                month: 12,
            }
        } else {
            MonthKey {
                year: self.year,
                month: self.month.min(12) - 1,
            }
        }
    }
}

impl fmt::Display for MonthKey {
    /// "2026-11".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The moment a check-in was recorded, with the UTC offset the device had at that moment.
///
/// `utc_secs` is Unix time (seconds since 1970-01-01 00:00 UTC); `offset_min` is the local
/// clock minus UTC in minutes (Copenhagen: +60 in winter, +120 in summer; New York: -300).
/// Because the offset is stored as it was recorded, the local day of an entry never
/// changes, whatever the current zone or season.
///
/// Ordering follows the moment (`utc_secs`); the offset only breaks ties, so equal moments
/// recorded in different zones still have a total, deterministic order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instant {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    pub utc_secs: i64,
    /// UTC offset of the device at that moment, in minutes, within ±[`MAX_OFFSET_MIN`].
    pub offset_min: i16,
}

impl Instant {
    /// The instant, or `None` when the offset is outside -14:00..=+14:00.
    pub fn new(utc_secs: i64, offset_min: i16) -> Option<Instant> {
        (-MAX_OFFSET_MIN..=MAX_OFFSET_MIN)
            .contains(&offset_min)
            .then_some(Instant {
                utc_secs,
                offset_min,
            })
    }

    /// The instant whose local clock (at `offset_min`) showed `date` `hour:minute:second`.
    /// `None` for an invalid time of day or offset.
    pub fn from_local(
        date: Date,
        hour: u8,
        minute: u8,
        second: u8,
        offset_min: i16,
    ) -> Option<Instant> {
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let local = date.start_local_secs()
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        Instant::new(local - i64::from(offset_min) * 60, offset_min)
    }

    /// Seconds since 1970-01-01 00:00 on the local clock: `utc_secs + offset_min * 60`.
    pub fn local_secs(self) -> i64 {
        self.utc_secs
            .saturating_add(i64::from(self.offset_min) * 60)
    }

    /// The local calendar day of this instant (floor division, so instants before 1970 work).
    pub fn local_date(self) -> Date {
        Date::from_days(self.local_secs().div_euclid(SECS_PER_DAY))
    }

    /// Local hour (0-23) and minute (0-59).
    pub fn local_hm(self) -> (u8, u8) {
        let secs = self.local_secs().rem_euclid(SECS_PER_DAY);
        // secs is in [0, 86399], so both fit a u8.
        let hour = u8::try_from(secs / 3600).unwrap_or(0);
        let minute = u8::try_from(secs % 3600 / 60).unwrap_or(0);
        (hour, minute)
    }

    /// The instant `utc_secs` with the Europe/Copenhagen offset of that moment.
    pub fn copenhagen(utc_secs: i64) -> Instant {
        Instant {
            utc_secs,
            offset_min: copenhagen_offset_min(utc_secs),
        }
    }
}

impl Ord for Instant {
    fn cmp(&self, other: &Self) -> Ordering {
        self.utc_secs
            .cmp(&other.utc_secs)
            .then(self.offset_min.cmp(&other.offset_min))
    }
}

impl PartialOrd for Instant {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// UTC seconds of 01:00 UTC on the last Sunday of `month` in `year` (the EU clock-change
/// moment).
fn eu_change_utc_secs(year: i32, month: u8) -> i64 {
    let last = MonthKey { year, month }.last_day();
    let back = (i64::from(last.weekday().index()) + 1) % 7; // Sunday -> 0
    last.add_days(-back).start_local_secs() + 3600
}

/// The UTC offset of Europe/Copenhagen, in minutes, at the moment `utc_secs`: +120 (CEST)
/// from the last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC,
/// otherwise +60 (CET). This is the EU rule in force since 1996; older moments are given the
/// same rule (good enough for generated data, never used to re-date stored entries).
pub fn copenhagen_offset_min(utc_secs: i64) -> i16 {
    let year = Date::from_days(utc_secs.div_euclid(SECS_PER_DAY)).year;
    let start = eu_change_utc_secs(year, 3);
    let end = eu_change_utc_secs(year, 10);
    if (start..end).contains(&utc_secs) {
        120
    } else {
        60
    }
}

/// The Copenhagen instant whose local clock showed `local_secs` (see
/// [`Instant::local_secs`]). In the spring gap (02:00-02:59 on the last Sunday of March,
/// which never happens on a Danish clock) winter time is assumed; in the autumn overlap
/// the earlier (summer-time) moment is chosen.
pub fn copenhagen_from_local(local_secs: i64) -> Instant {
    let summer = local_secs.saturating_sub(7200);
    if copenhagen_offset_min(summer) == 120 {
        return Instant {
            utc_secs: summer,
            offset_min: 120,
        };
    }
    Instant {
        utc_secs: local_secs.saturating_sub(3600),
        offset_min: 60,
    }
}

/// Interface language. Danish is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Danish (da).
    #[default]
    Da,
    /// English (en).
    En,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language code: "da" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language for a code: "da"/"en", case-insensitive, also with a region
    /// ("da-DK", "en-GB", as in `navigator.language`). `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("da") {
            Some(Lang::Da)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the switch offers: the other one of the two (Danish <-> English).
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::d;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        for (year, leap) in [
            (2024, true),
            (2026, false),
            (2000, true),
            (1900, false),
            (2100, false),
            (1600, true),
            (0, true),
            (-4, true),
            (-100, false),
        ] {
            assert_eq!(is_leap_year(year), leap, "{year}");
        }
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2026, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn impossible_dates_are_refused() {
        for (y, m, day) in [
            (2026, 0, 1),
            (2026, 13, 1),
            (2026, 4, 31),
            (2026, 1, 0),
            (2026, 1, 32),
        ] {
            assert_eq!(Date::new(y, m, day), None, "{y}-{m}-{day}");
        }
    }

    #[test]
    fn day_zero_is_1970_01_01() {
        assert_eq!(Date::from_days(0), d(1970, 1, 1));
        assert_eq!(d(1970, 1, 1).to_days(), 0);
    }

    #[test]
    fn known_dates_have_known_day_numbers() {
        for (date, days) in [
            (d(1969, 12, 31), -1),
            (d(1969, 1, 1), -365),
            (d(2000, 3, 1), 11_017),
            (d(2026, 11, 23), 20_780),
            (d(1600, 1, 1), -135_140),
            (d(0, 3, 1), -719_468),
        ] {
            assert_eq!(date.to_days(), days, "{date}");
            assert_eq!(Date::from_days(days), date, "{days}");
        }
    }

    #[test]
    fn day_numbers_round_trip_over_a_wide_range() {
        let mut previous = Date::from_days(-800_000);
        for days in -800_000..800_000 {
            let date = Date::from_days(days);
            assert_eq!(date.to_days(), days);
            assert!(Date::new(date.year, date.month, date.day).is_some());
            assert!(days == -800_000 || date > previous);
            previous = date;
        }
    }

    #[test]
    fn extreme_day_numbers_are_clamped_not_overflowed() {
        let far = Date::from_days(i64::MAX);
        assert!(far.year > 900_000_000);
        assert!(Date::from_days(i64::MIN).year < -900_000_000);
        assert_eq!(far.add_days(i64::MAX), far);
    }

    #[test]
    fn weekdays_of_known_dates() {
        for (date, weekday) in [
            (d(2026, 11, 23), Weekday::Mon),
            (d(1970, 1, 1), Weekday::Thu),
            (d(1969, 12, 31), Weekday::Wed),
            (d(2000, 1, 1), Weekday::Sat),
            (d(2026, 3, 29), Weekday::Sun),
            (d(2026, 10, 25), Weekday::Sun),
            (d(1900, 1, 1), Weekday::Mon),
        ] {
            assert_eq!(date.weekday(), weekday, "{date}");
        }
    }

    #[test]
    fn adding_days_crosses_months_and_years() {
        assert_eq!(d(2026, 12, 31).add_days(1), d(2027, 1, 1));
        assert_eq!(d(2024, 2, 28).add_days(1), d(2024, 2, 29));
        assert_eq!(d(2026, 3, 1).add_days(-1), d(2026, 2, 28));
        assert_eq!(d(2026, 11, 23).add_days(-7), d(2026, 11, 16));
    }

    #[test]
    fn iso_dates_print_and_parse() {
        assert_eq!(d(2026, 11, 23).iso(), "2026-11-23");
        assert_eq!(d(2026, 1, 5).to_string(), "2026-01-05");
        assert_eq!(Date::parse_iso("2026-11-23"), Some(d(2026, 11, 23)));
        for bad in [
            "",
            "2026-11-31",
            "2026-13-01",
            "26-11-23",
            "2026/11/23",
            "2026-1-23",
            "2026-11-2x",
            "+026-11-23",
            "2026-11-23 ",
            "２026-11-23",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn month_keys_print_parse_and_step() {
        let nov = MonthKey::new(2026, 11).unwrap();
        assert_eq!(nov.to_string(), "2026-11");
        assert_eq!(MonthKey::parse("2026-11"), Some(nov));
        for bad in ["2026-13", "2026-00", "2026-1", "2026/11", "", "2026-11-01"] {
            assert_eq!(MonthKey::parse(bad), None, "{bad:?}");
        }
        assert_eq!(nov.first_day(), d(2026, 11, 1));
        assert_eq!(nov.last_day(), d(2026, 11, 30));
        assert_eq!(nov.next().next(), MonthKey::new(2027, 1).unwrap());
        assert_eq!(
            MonthKey::new(2027, 1).unwrap().prev(),
            MonthKey::new(2026, 12).unwrap()
        );
        assert_eq!(MonthKey::new(2024, 2).unwrap().days(), 29);
        assert_eq!(d(2026, 11, 23).month_key(), nov);
        assert!(nov.contains(d(2026, 11, 30)));
        assert!(!nov.contains(d(2026, 12, 1)));
    }

    #[test]
    fn offsets_beyond_fourteen_hours_are_refused() {
        assert!(Instant::new(0, 840).is_some());
        assert!(Instant::new(0, -840).is_some());
        assert!(Instant::new(0, 841).is_none());
        assert!(Instant::new(0, -841).is_none());
    }

    #[test]
    fn local_date_and_time_use_the_recorded_offset() {
        // (utc_secs, offset, local date, local h:m)
        let cases = [
            // 2026-11-23 22:59 UTC at +60 is 23:59 local, same day.
            (1_795_474_740, 60, d(2026, 11, 23), (23, 59)),
            // One minute later locally is midnight of the 24th.
            (1_795_474_860, 60, d(2026, 11, 24), (0, 1)),
            // Before 1970: floor division, not truncation.
            (-1, 0, d(1969, 12, 31), (23, 59)),
            (-86_400, 0, d(1969, 12, 31), (0, 0)),
            (-86_401, 0, d(1969, 12, 30), (23, 59)),
            // New York: 2026-11-24 04:30 UTC is 23:30 on the 23rd locally.
            (1_795_494_600, -300, d(2026, 11, 23), (23, 30)),
        ];
        for (utc, offset, date, hm) in cases {
            let at = Instant::new(utc, offset).unwrap();
            assert_eq!(at.local_date(), date, "{utc} {offset}");
            assert_eq!(at.local_hm(), hm, "{utc} {offset}");
        }
    }

    #[test]
    fn from_local_inverts_local_date_and_time() {
        let at = Instant::from_local(d(2026, 11, 23), 23, 59, 0, 60).unwrap();
        assert_eq!(at.utc_secs, 1_795_474_740);
        assert_eq!(at.local_date(), d(2026, 11, 23));
        assert_eq!(at.local_hm(), (23, 59));
        assert!(Instant::from_local(d(2026, 11, 23), 24, 0, 0, 60).is_none());
    }

    #[test]
    fn instants_order_by_moment_not_by_offset() {
        let copenhagen = Instant::new(1000, 60).unwrap();
        let new_york = Instant::new(1001, -300).unwrap();
        let same_moment = Instant::new(1000, -300).unwrap();
        assert!(copenhagen < new_york);
        assert!(same_moment < copenhagen);
        assert_ne!(same_moment, copenhagen);
    }

    #[test]
    fn copenhagen_switches_to_summer_time_on_2026_03_29_at_01_00_utc() {
        let change = Instant::from_local(d(2026, 3, 29), 1, 0, 0, 0)
            .unwrap()
            .utc_secs;
        assert_eq!(copenhagen_offset_min(change - 1), 60);
        assert_eq!(copenhagen_offset_min(change), 120);
        // 01:59:59 CET is followed by 03:00:00 CEST.
        assert_eq!(Instant::copenhagen(change - 1).local_hm(), (1, 59));
        assert_eq!(Instant::copenhagen(change).local_hm(), (3, 0));
    }

    #[test]
    fn copenhagen_switches_back_to_winter_time_on_2026_10_25_at_01_00_utc() {
        let change = Instant::from_local(d(2026, 10, 25), 1, 0, 0, 0)
            .unwrap()
            .utc_secs;
        assert_eq!(copenhagen_offset_min(change - 1), 120);
        assert_eq!(copenhagen_offset_min(change), 60);
        // 02:59:59 CEST is followed by 02:00:00 CET.
        assert_eq!(Instant::copenhagen(change - 1).local_hm(), (2, 59));
        assert_eq!(Instant::copenhagen(change).local_hm(), (2, 0));
    }

    #[test]
    fn copenhagen_offsets_through_the_year() {
        for (date, offset) in [
            (d(2026, 1, 15), 60),
            (d(2026, 3, 28), 60),
            (d(2026, 3, 30), 120),
            (d(2026, 7, 1), 120),
            (d(2026, 10, 24), 120),
            (d(2026, 10, 26), 60),
            (d(2026, 12, 31), 60),
            // The change day itself: 01:00 UTC, so noon is already summer time.
            (d(2016, 3, 27), 120),
        ] {
            let noon_utc = date.start_local_secs() + 12 * 3600;
            assert_eq!(copenhagen_offset_min(noon_utc), offset, "{date}");
        }
    }

    #[test]
    fn copenhagen_local_times_map_back_to_their_moment() {
        for (date, h, offset) in [
            (d(2026, 3, 29), 0, 60),
            (d(2026, 3, 29), 3, 120),
            (d(2026, 3, 29), 23, 120),
            (d(2026, 10, 25), 1, 120),
            (d(2026, 10, 25), 4, 60),
            (d(2026, 6, 1), 8, 120),
            (d(2026, 11, 23), 20, 60),
        ] {
            let local = date.start_local_secs() + i64::from(h) * 3600;
            let at = copenhagen_from_local(local);
            assert_eq!(at.offset_min, offset, "{date} {h}");
            assert_eq!(at.local_secs(), local, "{date} {h}");
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::default(), Lang::Da);
        assert_eq!(Lang::from_code("da-DK"), Some(Lang::Da));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn the_language_switch_offers_the_other_language() {
        assert_eq!(Lang::Da.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Da);
        for lang in Lang::ALL {
            assert_ne!(lang.other(), lang);
            assert_eq!(lang.other().other(), lang);
        }
    }
}
