//! Every formatting helper of the texts, in one place: holes (`{n}`), plurals
//! (`{n:one|many}`, [`plural`]), numbers, dates, times and the names of months and
//! weekdays. The core returns values (a [`Date`], an [`Amount`], a mean); these words and
//! separators are the shell's.

use trinvis_core::coach::Amount;
use trinvis_core::time::{Date, Lang};

/// A mean or another decimal with one decimal: "4,3" (da) / "4.3" (en); the core's, so the
/// shell and the core's CSV write numbers alike. Components take it from here.
pub use trinvis_core::diary::format_decimal;

/// Picks one of the two languages.
pub const fn pick(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// `one` for a count of exactly 1 (or -1), `many` for every other count, 0 included:
/// `1 dag`, `0 dage`, `2 dage`; `1 day`, `0 days`, `2 days`. Danish and English agree.
pub fn plural<'a>(n: i64, one: &'a str, many: &'a str) -> &'a str {
    if n.abs() == 1 {
        one
    } else {
        many
    }
}

/// The word for the count in `value`: [`plural`] for a whole number, `many` for anything
/// else (a decimal such as `1,5` or `1.0` reads as plural in both languages).
fn plural_of<'a>(value: &str, one: &'a str, many: &'a str) -> &'a str {
    match value.trim().parse::<i64>() {
        Ok(n) => plural(n, one, many),
        Err(_) => many,
    }
}

/// Replaces `{name}` holes in `template` with the given values. A hole
/// `{name:one|many}` is the word that agrees with the count `name`
/// ([`plural`]): `{left} {left:dag|dage} mere` gives `1 dag mere` and `3 dage mere`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass; a `{…}` that names no value stays as it is.
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let hole = after.split_once('}').and_then(|(hole, tail)| {
            let (name, forms) = match hole.split_once(':') {
                Some((name, forms)) => (name, forms.split_once('|')),
                None => (hole, None),
            };
            let value = values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)?;
            match (hole.contains(':'), forms) {
                (false, _) => Some((value, tail)),
                (true, Some((one, many))) => Some((plural_of(value, one, many), tail)),
                (true, None) => None,
            }
        });
        match hole {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A fraction as whole percent: 0.1 -> "10".
pub fn percent(fraction: f64) -> String {
    ((fraction * 100.0).round() as i64).to_string()
}

/// An amount in the activity's unit: "2,5" (da) / "2.5" (en), "10".
pub fn amount(lang: Lang, a: Amount) -> String {
    a.format(lang)
}

/// The name of `month` (1-12), lower case in Danish ("november"), capitalised in English
/// ("November"); "?" for a month outside 1-12.
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("?")
}

/// The weekday's name, lower case in Danish ("mandag"), capitalised in English ("Monday").
pub fn weekday_name(lang: Lang, date: Date) -> &'static str {
    const DA: [&str; 7] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let names = match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    };
    names
        .get(usize::from(date.weekday().index()))
        .copied()
        .unwrap_or("?")
}

/// Long date: "mandag 23. november 2026" (da), "Monday 23 November 2026" (en).
pub fn date_long(lang: Lang, date: Date) -> String {
    format!("{} {}", date_without_year(lang, date), date.year)
}

/// Long date without the year: "mandag 23. november" (da), "Monday 23 November" (en).
fn date_without_year(lang: Lang, date: Date) -> String {
    let weekday = weekday_name(lang, date);
    let month = month_name(lang, date.month);
    match lang {
        Lang::Da => format!("{weekday} {}. {month}", date.day),
        Lang::En => format!("{weekday} {} {month}", date.day),
    }
}

/// A date without its weekday: "23. november 2026" / "23 November 2026".
pub fn date_plain(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Da => format!("{}. {} {}", d.day, month_name(lang, d.month), d.year),
        Lang::En => format!("{} {} {}", d.day, month_name(lang, d.month), d.year),
    }
}

/// Short date: "23.11.2026" (da), "23/11/2026" (en).
pub fn date_short(lang: Lang, date: Date) -> String {
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => '/',
    };
    format!("{:02}{sep}{:02}{sep}{:04}", date.day, date.month, date.year)
}

/// Heading for a diary day: "I dag"/"Today", "I går"/"Yesterday", otherwise the long form,
/// without the year when `date` is in the same year as `today`.
pub fn day_heading(lang: Lang, date: Date, today: Date) -> String {
    if date == today {
        pick(lang, "I dag", "Today").to_string()
    } else if date == today.add_days(-1) {
        pick(lang, "I går", "Yesterday").to_string()
    } else if date.year == today.year {
        date_without_year(lang, date)
    } else {
        date_long(lang, date)
    }
}

/// Time of day on the 24-hour clock, two-digit hours: "14.05" (da, Danish uses a period),
/// "14:05" (en).
pub fn clock_time(lang: Lang, hour: u8, minute: u8) -> String {
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => ':',
    };
    format!("{hour:02}{sep}{minute:02}")
}

/// Short month: "nov." / "Nov" ("maj" has no point: it is the whole word).
pub fn short_month(lang: Lang, month: u8) -> String {
    let name = month_name(lang, month);
    let mut out: String = name.chars().take(3).collect();
    if lang == Lang::Da && name.chars().count() > 3 {
        out.push('.');
    }
    out
}

/// Day and short month: "3. nov." / "3 Nov".
pub fn day_month(lang: Lang, date: Date) -> String {
    let sep = pick(lang, ". ", " ");
    format!("{}{sep}{}", date.day, short_month(lang, date.month))
}

/// Short month and year: "nov. 2026" / "Nov 2026".
pub fn month_year(lang: Lang, date: Date) -> String {
    format!("{} {}", short_month(lang, date.month), date.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn fill_replaces_every_named_hole() {
        assert_eq!(fill("{a} og {b}", &[("a", "1"), ("b", "2")]), "1 og 2");
    }

    #[test]
    fn plural_is_singular_for_one_only() {
        // (count, word)
        let cases = [
            (0, "dage"),
            (1, "dag"),
            (2, "dage"),
            (-1, "dag"),
            (11, "dage"),
        ];
        for (n, word) in cases {
            assert_eq!(plural(n, "dag", "dage"), word, "{n}");
        }
        assert_eq!(plural(0, "day", "days"), "days");
        assert_eq!(plural(1, "day", "days"), "day");
        assert_eq!(plural(2, "day", "days"), "days");
    }

    #[test]
    fn a_plural_hole_agrees_with_its_count() {
        let t = "{n} {n:dag|dage} mere";
        // (value, sentence)
        let cases = [
            ("0", "0 dage mere"),
            ("1", "1 dag mere"),
            ("2", "2 dage mere"),
            ("1,5", "1,5 dage mere"),
        ];
        for (n, expected) in cases {
            assert_eq!(fill(t, &[("n", n)]), expected);
        }
        // A hole that names no value, or has no forms, stays as it is.
        assert_eq!(fill("{m:a|b} {n:x}", &[("n", "1")]), "{m:a|b} {n:x}");
    }

    #[test]
    fn dates_format_in_danish_and_english() {
        let date = d(2026, 11, 23);
        assert_eq!(date_long(Lang::Da, date), "mandag 23. november 2026");
        assert_eq!(date_long(Lang::En, date), "Monday 23 November 2026");
        assert_eq!(date_plain(Lang::Da, date), "23. november 2026");
        assert_eq!(date_plain(Lang::En, date), "23 November 2026");
        assert_eq!(date_short(Lang::Da, date), "23.11.2026");
        assert_eq!(date_short(Lang::En, date), "23/11/2026");
        assert_eq!(date_short(Lang::Da, d(2026, 3, 5)), "05.03.2026");
        assert_eq!(date_long(Lang::Da, d(2026, 3, 29)), "søndag 29. marts 2026");
        assert_eq!(date_long(Lang::Da, d(2026, 5, 2)), "lørdag 2. maj 2026");
        // Every weekday once, Monday 2026-11-23 to Sunday 2026-11-29.
        let week: Vec<&str> = (0..7)
            .map(|i| weekday_name(Lang::Da, date.add_days(i)))
            .collect();
        assert_eq!(
            week,
            ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
        );
        assert_eq!(weekday_name(Lang::En, date.add_days(6)), "Sunday");
    }

    #[test]
    fn day_headings_name_today_and_yesterday() {
        let today = d(2026, 11, 23);
        let cases = [
            (today, Lang::Da, "I dag"),
            (today, Lang::En, "Today"),
            (d(2026, 11, 22), Lang::Da, "I går"),
            (d(2026, 11, 22), Lang::En, "Yesterday"),
            (d(2026, 11, 20), Lang::Da, "fredag 20. november"),
            (d(2026, 11, 20), Lang::En, "Friday 20 November"),
            (d(2025, 11, 20), Lang::Da, "torsdag 20. november 2025"),
            (d(2025, 11, 20), Lang::En, "Thursday 20 November 2025"),
        ];
        for (date, lang, expected) in cases {
            assert_eq!(day_heading(lang, date, today), expected);
        }
        // Yesterday across a year boundary.
        assert_eq!(
            day_heading(Lang::Da, d(2026, 12, 31), d(2027, 1, 1)),
            "I går"
        );
    }

    #[test]
    fn times_use_a_period_in_danish_and_a_colon_in_english() {
        assert_eq!(clock_time(Lang::Da, 14, 5), "14.05");
        assert_eq!(clock_time(Lang::En, 14, 5), "14:05");
        assert_eq!(clock_time(Lang::Da, 8, 0), "08.00");
    }

    #[test]
    fn month_names_outside_the_calendar_do_not_panic() {
        assert_eq!(month_name(Lang::Da, 0), "?");
        assert_eq!(month_name(Lang::En, 13), "?");
        assert_eq!(month_name(Lang::En, 12), "December");
    }

    #[test]
    fn short_months_have_a_point_in_danish_only_when_cut() {
        let cases = [
            (d(2026, 11, 3), "3. nov.", "3 Nov", "nov. 2026", "Nov 2026"),
            (d(2026, 5, 12), "12. maj", "12 May", "maj 2026", "May 2026"),
            (d(2027, 6, 1), "1. jun.", "1 Jun", "jun. 2027", "Jun 2027"),
        ];
        for (date, da, en, da_m, en_m) in cases {
            assert_eq!(day_month(Lang::Da, date), da);
            assert_eq!(day_month(Lang::En, date), en);
            assert_eq!(month_year(Lang::Da, date), da_m);
            assert_eq!(month_year(Lang::En, date), en_m);
        }
        assert_eq!(short_month(Lang::Da, 12), "dec.");
        assert_eq!(short_month(Lang::En, 12), "Dec");
    }

    #[test]
    fn numbers_use_a_comma_in_danish_and_a_point_in_english() {
        assert_eq!(format_decimal(4.25, Lang::Da), "4,3");
        assert_eq!(format_decimal(4.25, Lang::En), "4.3");
        let a = Amount::from_milli(2_500).unwrap();
        assert_eq!(amount(Lang::Da, a), "2,5");
        assert_eq!(amount(Lang::En, a), "2.5");
        assert_eq!(percent(0.15), "15");
    }
}
