//! Writes a generated diary as a JSON object of localStorage key -> value, for the
//! benchmark:
//!
//! ```sh
//! cargo run -p trinvis-core --release --example gen_diary -- --years 10 --per-day 3 --end 2026-11-22 > diary.json
//! ```
//!
//! The diary covers `--years` years up to and including `--end`. Options: `--seed N`
//! (default 2026), `--app-version V` (default this crate's version), `--sessions` (also
//! five sessions a week over three activities and the activities document; off by
//! default, so the check-in benchmark stays comparable). Prints the total bytes of keys
//! and values (UTF-8) and the number of entries (and sessions) to stderr.

use std::process::ExitCode;
use trinvis_core::gen::{
    activities_item, generate_years, generate_years_with_sessions, storage_items,
};
use trinvis_core::store::CORE_VERSION;
use trinvis_core::time::{days_in_month, Date};

struct Options {
    years: u32,
    per_day: u32,
    end: Date,
    seed: u64,
    app_version: String,
    sessions: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        years: 10,
        per_day: 3,
        end: Date::new(2026, 11, 22).ok_or("bad default date")?,
        seed: 2026,
        app_version: CORE_VERSION.to_string(),
        sessions: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--sessions" {
            options.sessions = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |_| format!("bad value for {flag}: {value:?}");
        match flag.as_str() {
            "--years" => options.years = value.parse().map_err(bad)?,
            "--per-day" => options.per_day = value.parse().map_err(bad)?,
            "--seed" => options.seed = value.parse().map_err(bad)?,
            "--end" => {
                options.end = Date::parse_iso(&value)
                    .ok_or_else(|| format!("bad value for --end: {value:?} (YYYY-MM-DD)"))?
            }
            "--app-version" => options.app_version = value,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen_diary: {message}");
            eprintln!(
                "usage: gen_diary [--years N] [--per-day N] [--end YYYY-MM-DD] [--seed N] [--app-version V] [--sessions]"
            );
            return ExitCode::from(2);
        }
    };
    // Start the day after the same date `years` earlier, so `end` is the last day.
    let end = options.end;
    let start_year = end.year - i32::try_from(options.years).unwrap_or(i32::MAX);
    let start_day = end.day.min(days_in_month(start_year, end.month));
    let Some(start) = Date::new(start_year, end.month, start_day) else {
        eprintln!("gen_diary: no start date for {} years", options.years);
        return ExitCode::from(2);
    };
    let (diary, activities) = if options.sessions {
        let (diary, activities) = generate_years_with_sessions(
            start.add_days(1),
            options.years,
            options.per_day,
            options.seed,
        );
        (diary, Some(activities))
    } else {
        let diary = generate_years(
            start.add_days(1),
            options.years,
            options.per_day,
            options.seed,
        );
        (diary, None)
    };
    let mut items = storage_items(&diary, &options.app_version);
    if let Some(activities) = &activities {
        items.push(activities_item(activities, &options.app_version));
    }
    let bytes: usize = items.iter().map(|(k, v)| k.len() + v.len()).sum();
    let object: serde_json::Map<String, serde_json::Value> = items
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    println!("{}", serde_json::Value::Object(object));
    eprintln!("bytes (keys + values, UTF-8): {bytes}");
    eprintln!("entries: {}", diary.len());
    if options.sessions {
        eprintln!("sessions: {}", diary.session_count());
    }
    ExitCode::SUCCESS
}
