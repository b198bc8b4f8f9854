//! Stored documents: keys, envelope, compact rows, migrations and the rescue export.
//!
//! Pure: this module turns values into strings and back and decides what is valid; the
//! shell does the `localStorage` I/O, and quarantines what does not decode.
//!
//! # Storage layout (localStorage)
//!
//! | Key | Value |
//! |---|---|
//! | `trinvis.settings` | the settings document |
//! | `trinvis.activities` | every activity, archived ones included (one small document) |
//! | `trinvis.checkins.YYYY-MM` | the check-ins and sessions of one local month (so a save rewrites one month, never years) |
//! | `trinvis.quarantine.<original key>.<utc_secs>` | raw text that could not be decoded, kept untouched |
//!
//! Every document is JSON with an envelope: `kind`, `schema_version` (one number for all
//! stored kinds, [`SCHEMA_VERSION`]), `app_version` (the app that wrote it), then the
//! payload.
//!
//! ```json
//! {"kind":"trinvis.checkins","schema_version":2,"app_version":"0.2.0","month":"2026-11",
//!  "entries":[["k3f9",116100,60,4,6,5,3,"lb","Stiv om morgenen"],["x0a1",160800,60,6]],
//!  "sessions":[["s1","walk",23,1962000,60,10000,3,1,1,2016000,60],["s2","walk",24,2048400,60,11000,4,1]]}
//! {"kind":"trinvis.settings","schema_version":2,"app_version":"0.2.0","lang":"da"}
//! {"kind":"trinvis.activities","schema_version":2,"app_version":"0.2.0","activities":[
//!  {"id":"walk","name":"Gåtur","unit":"minutes","baseline":10000,"per_week":5,"goal":30000,
//!   "plan_b":"fraction","created":[1795420800,60]}]}
//! ```
//!
//! ## Check-ins (`entries`)
//!
//! A check-in is a positional array, to keep ten years of diary well within the browser's
//! quota:
//!
//! `[id, secs_in_month, offset_min, pain, sleep, stress, room, areas, note]`
//!
//! - `id`: non-empty string, unique within the month document;
//! - `secs_in_month`: local seconds since local midnight of the month's first day, so
//!   `utc_secs = month_start + secs_in_month - offset_min * 60` where `month_start` is the
//!   first day's midnight as Unix seconds; it must fall inside the month;
//! - `offset_min`: the device's UTC offset when recorded, -840..=840 (Copenhagen 60/120);
//! - `pain`: integer 0-10; `sleep`, `stress`, `room`: integer 0-10 or `null`;
//! - `areas`: body-area codes joined by `","` (`"lb,knee-l"`), `""` for none;
//! - `note`: the text as typed (trimmed), never interpreted.
//!
//! Trailing `null` / `""` elements are omitted when writing and read as absent.
//!
//! ## Sessions (`sessions`, from schema 2)
//!
//! A session ([`Session`]) is stored in the document of the local month of its
//! `for_date` (the day it was done), as a positional array:
//!
//! `[id, activity_id, day, secs_in_month, offset_min, amount, pain, okay_now, later, later_secs_in_month, later_offset_min]`
//!
//! - `id`: non-empty string, unique among the month's sessions;
//! - `activity_id`: non-empty string, the [`Activity`]'s id;
//! - `day`: the day of the month of `for_date`, 1..=days in the month;
//! - `secs_in_month`, `offset_min`: when it was logged (`at`), as for check-ins, but it
//!   may fall after the month's end (a session for the 30th logged on the 1st); at least 0
//!   and below 2^31;
//! - `amount`: integer thousandths of the activity's unit, 1..=[`crate::coach::AMOUNT_MAX_MILLI`]
//!   (2.5 km is `2500`);
//! - `pain`: pain during it, integer 0-10;
//! - `okay_now`: `1` yes, `0` no;
//! - `later`: "okay later?": `1` yes, `0` no, `null` or absent while waiting for the answer;
//! - `later_secs_in_month`, `later_offset_min`: when "okay later?" was answered (the same
//!   way as `secs_in_month` and `offset_min`); present exactly when `later` is.
//!
//! A session waiting for "okay later?" has 8 elements; trailing `null`s are omitted when
//! writing and read as absent.
//!
//! Sessions done as plan B (they never move the ladder, domain.md §3) are listed by id in
//! the month's optional `"plan_b"` array of strings, written only when there is one
//! (`"plan_b":["s7"]`). A month without it (every month stored before plan B was marked)
//! has no plan B sessions; an app that does not know the field still reads the month.
//!
//! ## Activities
//!
//! The activities document holds `activities`, an array of objects (they are few, and
//! named fields leave room to grow): `id`, `name`, `unit` (`"minutes"`, `"repetitions"`,
//! `"sets"`, `"km"`, `"steps"`, `"kg"`, or `{"own":"trapper"}`), `baseline` (thousandths),
//! `per_week`, `goal` (thousandths, absent when none), `plan_b` (`"fraction"` or
//! `{"name":…,"amount":…,"unit":…}`), `step` (the patient's own step in thousandths,
//! absent when none), `archived` (`true`, absent when not), `created` (`[utc_secs,
//! offset_min]`). Ids are unique. Unknown fields of the document and of each activity
//! are kept on re-save ([`ActivitiesDoc`]).
//!
//! Settings keep unknown fields on re-save (a newer app's settings survive an older one).
//!
//! # Reading rules
//!
//! A document whose `schema_version` is newer than [`SCHEMA_VERSION`] gives
//! [`DocError::NewerSchema`] before anything else is checked: the shell switches to
//! read-only and never quarantines or overwrites it. Older versions are migrated step by
//! step ([`migrate`]: `v1_to_v2` adds `"sessions":[]` to a month). Anything else that
//! fails is [`DocError::NotJson`], [`DocError::WrongKind`] or [`DocError::Invalid`]: the
//! shell moves the raw text to a quarantine key ([`quarantine_key_name`]) and tells the
//! patient; [`all_data_export`] still includes it.

use crate::coach::{Activity, Amount, OkayLater, PlanB, Session, Unit};
use crate::diary::ApplyError;
pub use crate::diary::MonthDoc;
use crate::json::{Map, Value};
use crate::model::{normalize_areas, BodyArea, CheckIn, Score};
use crate::sorted::{VecMap, VecSet};
use crate::time::{Date, Instant, Lang, MonthKey, MAX_OFFSET_MIN, SECS_PER_DAY};
use std::fmt;

pub use crate::doc::{
    classify_key, KeyKind, ACTIVITIES_KEY, CHECKINS_PREFIX, KEY_PREFIX, KIND_ACTIVITIES,
    KIND_CHECKINS, KIND_SETTINGS, QUARANTINE_PREFIX, SCHEMA_VERSION, SETTINGS_KEY,
};
use crate::doc::{read_envelope, DocKind};

/// `kind` of the rescue export ([`all_data_export`]).
pub const KIND_RESCUE: &str = "trinvis.rescue";

/// The version of the rescue file ([`all_data_export`]); not a stored document, and its
/// format has not changed (`public/shell.js` writes the same file without wasm).
pub const RESCUE_VERSION: u32 = 1;

/// This crate's version, written as `app_version` by [`encode_settings`].
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The key of a month document: "trinvis.checkins.2026-11".
pub fn month_key_name(month: MonthKey) -> String {
    format!("{CHECKINS_PREFIX}{month}")
}

/// The month of a month-document key, or `None` for any other key.
pub fn parse_month_key_name(key: &str) -> Option<MonthKey> {
    key.strip_prefix(CHECKINS_PREFIX).and_then(MonthKey::parse)
}

/// The key under which unreadable text from `original` is kept:
/// "trinvis.quarantine.trinvis.checkins.2026-11.1795474740".
pub fn quarantine_key_name(original: &str, utc_secs: i64) -> String {
    format!("{QUARANTINE_PREFIX}{original}.{utc_secs}")
}

/// Why a stored document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    /// The text is not JSON (e.g. truncated).
    NotJson,
    /// JSON, but not a document of the expected kind.
    WrongKind,
    /// Written by a newer app with a newer schema: do not touch, go read-only.
    NewerSchema {
        /// The document's schema version.
        found: u32,
    },
    /// The expected kind and a known version, but the content breaks the rules.
    Invalid {
        /// What is wrong, for developers and logs (English, not for the patient).
        detail: String,
    },
}

impl DocError {
    /// Translation key: "doc.not_json", "doc.wrong_kind", "doc.newer_schema",
    /// "doc.invalid".
    pub fn key(&self) -> &'static str {
        match self {
            DocError::NotJson => "doc.not_json",
            DocError::WrongKind => "doc.wrong_kind",
            DocError::NewerSchema { .. } => "doc.newer_schema",
            DocError::Invalid { .. } => "doc.invalid",
        }
    }

    /// Whether the document comes from a newer app (read-only, never quarantine).
    pub fn is_newer(&self) -> bool {
        matches!(self, DocError::NewerSchema { .. })
    }

    fn invalid(detail: impl Into<String>) -> DocError {
        DocError::Invalid {
            detail: detail.into(),
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::NewerSchema { found } => write!(f, "{} ({found})", self.key()),
            DocError::Invalid { detail } => write!(f, "{}: {detail}", self.key()),
            _ => f.write_str(self.key()),
        }
    }
}

impl std::error::Error for DocError {}

// ---------------------------------------------------------------------------------------
// Writing JSON by hand: infallible, compact, fields in a fixed order.

/// Appends `s` as a JSON string literal.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends the envelope fields `{"kind":…,"schema_version":…,"app_version":…` (no
/// closing brace).
pub(crate) fn push_envelope(out: &mut String, kind: DocKind, app_version: &str) {
    out.push_str("{\"kind\":");
    push_json_string(out, kind.tag());
    out.push_str(&format!(
        ",\"schema_version\":{},\"app_version\":",
        kind.version()
    ));
    push_json_string(out, app_version);
}

/// Upper bound (exclusive) of a session's `secs_in_month` and `later_secs_in_month`.
const SESSION_SECS_LIMIT: i64 = 1 << 31;

/// Local seconds of the first midnight of `month`.
fn month_start_local_secs(month: MonthKey) -> i64 {
    month.first_day().start_local_secs()
}

/// Appends one check-in as a compact row, omitting trailing empty elements.
fn push_row(out: &mut String, c: &CheckIn, secs_in_month: i64) {
    let areas: Vec<&str> = normalize_areas(&c.areas)
        .into_iter()
        .map(BodyArea::code)
        .collect();
    let areas = areas.join(",");
    let len = if !c.note.is_empty() {
        9
    } else if !areas.is_empty() {
        8
    } else if c.room.is_some() {
        7
    } else if c.stress.is_some() {
        6
    } else if c.sleep.is_some() {
        5
    } else {
        4
    };
    out.push('[');
    push_json_string(out, &c.id);
    out.push_str(&format!(
        ",{secs_in_month},{},{}",
        c.at.offset_min,
        c.pain.get()
    ));
    for (i, score) in [c.sleep, c.stress, c.room].into_iter().enumerate() {
        if i + 4 < len {
            match score {
                Some(s) => out.push_str(&format!(",{}", s.get())),
                None => out.push_str(",null"),
            }
        }
    }
    if len > 7 {
        out.push(',');
        push_json_string(out, &areas);
    }
    if len > 8 {
        out.push(',');
        push_json_string(out, &c.note);
    }
    out.push(']');
}

/// Whether a session can be written so that [`decode_month`] reads it back in `month`.
fn session_writable(s: &Session, month: MonthKey, start: i64) -> bool {
    let secs_ok = |at: Instant| {
        Instant::new(at.utc_secs, at.offset_min).is_some()
            && (0..SESSION_SECS_LIMIT).contains(&(at.local_secs() - start))
    };
    !s.id.is_empty()
        && !s.activity_id.is_empty()
        && s.for_date.month_key() == month
        && secs_ok(s.at)
        && s.okay_later.is_none_or(|l| secs_ok(l.answered_at))
}

/// Appends one session as a compact row (see the module docs), omitting trailing empty
/// elements.
fn push_session_row(out: &mut String, s: &Session, start: i64) {
    out.push('[');
    push_json_string(out, &s.id);
    out.push(',');
    push_json_string(out, &s.activity_id);
    out.push_str(&format!(
        ",{},{},{},{},{},{}",
        s.for_date.day,
        s.at.local_secs() - start,
        s.at.offset_min,
        s.amount.milli(),
        s.pain_during.get(),
        u8::from(s.okay_now)
    ));
    if let Some(later) = s.okay_later {
        out.push_str(&format!(
            ",{},{},{}",
            u8::from(later.answer),
            later.answered_at.local_secs() - start,
            later.answered_at.offset_min
        ));
    }
    out.push(']');
}

/// The month document for `doc` (see the module docs for the layout): check-ins sorted by
/// moment, sessions in [`Session::chronological`] order.
///
/// Whatever this writes, [`decode_month`] reads back: rows it would refuse are left out
/// (a check-in whose local month is not `month`, a session whose `for_date` is not in
/// `month` or that was logged before the month began, an empty or repeated id, an offset
/// beyond ±14 h), and invalid body areas are dropped. [`crate::diary::apply_to_month`]
/// never produces such rows from check-ins and sessions made by the core.
pub fn encode_month(month: MonthKey, doc: &MonthDoc, app_version: &str) -> String {
    let entries = &doc.checkins;
    let start = month_start_local_secs(month);
    // Entries from `apply_to_month` are already in order; sort a copy only if not.
    let owned;
    let sorted: &[CheckIn] = if entries.is_sorted_by(|a, b| a.at <= b.at) {
        entries
    } else {
        let mut v = entries.to_vec();
        crate::diary::sort_entries(&mut v);
        owned = v;
        &owned
    };
    let mut seen: VecSet<&str> = VecSet::new();

    let mut out = String::with_capacity(128 + entries.len() * 48 + doc.sessions.len() * 56);
    push_envelope(&mut out, DocKind::Month, app_version);
    out.push_str(",\"month\":");
    push_json_string(&mut out, &month.to_string());
    out.push_str(",\"entries\":[");
    let mut first = true;
    for c in sorted {
        let writable = !c.id.is_empty()
            && Instant::new(c.at.utc_secs, c.at.offset_min).is_some()
            && c.month() == month
            && seen.insert(c.id.as_str());
        if !writable {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_row(&mut out, c, c.at.local_secs() - start);
    }
    out.push_str("],\"sessions\":[");
    let mut sessions: Vec<&Session> = doc.sessions.iter().collect();
    if !sessions.is_sorted_by(|a, b| Session::chronological(a, b).is_le()) {
        crate::order::sort_by(&mut sessions, Session::chronological);
    }
    let mut seen: VecSet<&str> = VecSet::new();
    let mut first = true;
    let mut plan_b: Vec<&Session> = Vec::new();
    for s in sessions {
        if !session_writable(s, month, start) || !seen.insert(s.id.as_str()) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_session_row(&mut out, s, start);
        if s.plan_b {
            plan_b.push(s);
        }
    }
    out.push(']');
    let mut plan_b = plan_b.into_iter();
    if let Some(first) = plan_b.next() {
        out.push_str(",\"plan_b\":[");
        push_json_string(&mut out, &first.id);
        for s in plan_b {
            out.push(',');
            push_json_string(&mut out, &s.id);
        }
        out.push(']');
    }
    out.push('}');
    out
}

// ---------------------------------------------------------------------------------------
// Reading.

/// Reads an optional trailing score element.
fn optional_score(row: &[Value], i: usize, what: &str) -> Result<Option<Score>, String> {
    match row.get(i) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_i64()
            .ok_or_else(|| format!("{what} is not a whole number"))
            .and_then(|n| Score::from_i64(n).map_err(|e| format!("{what}: {}", e.key())))
            .map(Some),
    }
}

/// Reads an optional trailing string element ("" when absent or null).
fn optional_str<'a>(row: &'a [Value], i: usize, what: &str) -> Result<&'a str, String> {
    match row.get(i) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("{what} is not a string")),
    }
}

/// Decodes one compact row of `month`.
fn decode_row(month: MonthKey, row: &Value) -> Result<CheckIn, String> {
    let row = row.as_array().ok_or("not an array")?;
    if !(4..=9).contains(&row.len()) {
        return Err(format!("{} elements, expected 4 to 9", row.len()));
    }
    let id = match row.first() {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => return Err("id is not a non-empty string".into()),
    };
    let secs = row
        .get(1)
        .and_then(Value::as_i64)
        .ok_or("secs_in_month is not a whole number")?;
    let month_secs = i64::from(month.days()) * SECS_PER_DAY;
    if !(0..month_secs).contains(&secs) {
        return Err(format!("secs_in_month {secs} is outside the month"));
    }
    let offset = row
        .get(2)
        .and_then(Value::as_i64)
        .and_then(|o| i16::try_from(o).ok())
        .filter(|o| (-MAX_OFFSET_MIN..=MAX_OFFSET_MIN).contains(o))
        .ok_or("offset_min is not a whole number within ±840")?;
    let pain = row
        .get(3)
        .and_then(Value::as_i64)
        .ok_or_else(|| "pain is not a whole number".to_string())
        .and_then(|n| Score::from_i64(n).map_err(|e| format!("pain: {}", e.key())))?;
    let sleep = optional_score(row, 4, "sleep")?;
    let stress = optional_score(row, 5, "stress")?;
    let room = optional_score(row, 6, "room")?;
    let codes = optional_str(row, 7, "areas")?;
    let mut areas = Vec::new();
    if !codes.is_empty() {
        for code in codes.split(',') {
            areas.push(BodyArea::from_code(code).ok_or_else(|| format!("unknown area {code:?}"))?);
        }
    }
    let note = optional_str(row, 8, "note")?.to_string();
    let utc_secs = month_start_local_secs(month) + secs - i64::from(offset) * 60;
    let at = Instant::new(utc_secs, offset).ok_or("offset out of range")?;
    if at.local_date().month_key() != month {
        return Err("entry is not in the document's month".into());
    }
    Ok(CheckIn {
        id,
        at,
        pain,
        sleep,
        stress,
        room,
        areas: normalize_areas(&areas),
        note,
    })
}

/// Reads a 0/1 flag.
fn flag(v: Option<&Value>, what: &str) -> Result<bool, String> {
    match v.and_then(Value::as_u64) {
        Some(0) => Ok(false),
        Some(1) => Ok(true),
        _ => Err(format!("{what} is not 0 or 1")),
    }
}

/// Reads a moment stored as local seconds since `start` (at least 0, below 2^31) and an
/// offset.
fn moment(
    start: i64,
    secs: Option<&Value>,
    offset: Option<&Value>,
    what: &str,
) -> Result<Instant, String> {
    let secs = secs
        .and_then(Value::as_i64)
        .filter(|s| (0..SESSION_SECS_LIMIT).contains(s))
        .ok_or_else(|| format!("{what} secs_in_month is not a whole number from 0 to 2^31"))?;
    let offset = offset
        .and_then(Value::as_i64)
        .and_then(|o| i16::try_from(o).ok())
        .filter(|o| (-MAX_OFFSET_MIN..=MAX_OFFSET_MIN).contains(o))
        .ok_or_else(|| format!("{what} offset_min is not a whole number within ±840"))?;
    Instant::new(start + secs - i64::from(offset) * 60, offset)
        .ok_or_else(|| format!("{what} offset out of range"))
}

/// Decodes one compact session row of `month`.
fn decode_session_row(month: MonthKey, row: &Value) -> Result<Session, String> {
    let row = row.as_array().ok_or("not an array")?;
    if !(8..=11).contains(&row.len()) {
        return Err(format!("{} elements, expected 8 to 11", row.len()));
    }
    let text = |i: usize, what: &str| match row.get(i) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        _ => Err(format!("{what} is not a non-empty string")),
    };
    let id = text(0, "id")?;
    let activity_id = text(1, "activity_id")?;
    let for_date = row
        .get(2)
        .and_then(Value::as_u64)
        .and_then(|d| u8::try_from(d).ok())
        .and_then(|d| Date::new(month.year, month.month, d))
        .ok_or("day is not a day of the month")?;
    let start = month_start_local_secs(month);
    let at = moment(start, row.get(3), row.get(4), "")?;
    let amount = row
        .get(5)
        .and_then(Value::as_u64)
        .and_then(|m| u32::try_from(m).ok())
        .and_then(|m| Amount::from_milli(m).ok())
        .ok_or("amount is not a whole number of thousandths from 1 to 10^9")?;
    let pain_during = row
        .get(6)
        .and_then(Value::as_i64)
        .ok_or_else(|| "pain is not a whole number".to_string())
        .and_then(|n| Score::from_i64(n).map_err(|e| format!("pain: {}", e.key())))?;
    let okay_now = flag(row.get(7), "okay_now")?;
    let present = |i: usize| !matches!(row.get(i), None | Some(Value::Null));
    let okay_later = if present(8) {
        let answer = flag(row.get(8), "later")?;
        let answered_at = moment(start, row.get(9), row.get(10), "later")?;
        Some(OkayLater {
            answer,
            answered_at,
        })
    } else if present(9) || present(10) {
        return Err("an answer time without an answer".into());
    } else {
        None
    };
    Ok(Session {
        id,
        activity_id,
        at,
        for_date,
        amount,
        pain_during,
        okay_now,
        okay_later,
        plan_b: false,
    })
}

/// Reads the month document stored under the key of `key_month`: checks the envelope,
/// migrates older versions (a v1 month gets no sessions), and validates every row
/// (scores 0-10, known area codes, offsets within ±14 h, each check-in inside
/// `key_month`, each session's day in `key_month`, amounts in range, ids non-empty and
/// unique among the check-ins and among the sessions, the document's `month` equal to
/// `key_month`). Check-ins come back sorted by moment, sessions chronologically.
///
/// Any error means "do not use, do not overwrite": [`DocError::NewerSchema`] (checked
/// first) means read-only; the others mean quarantine.
pub fn decode_month(key_month: MonthKey, text: &str) -> Result<MonthDoc, DocError> {
    let doc = read_envelope(text, DocKind::Month)?;
    let month = doc.get("month").and_then(Value::as_str);
    if month != Some(key_month.to_string().as_str()) {
        return Err(DocError::invalid(format!(
            "month {month:?} does not match the key's month {key_month}"
        )));
    }
    let rows = doc
        .get("entries")
        .and_then(Value::as_array)
        .ok_or_else(|| DocError::invalid("entries is not an array"))?;
    let mut entries = Vec::with_capacity(rows.len());
    let mut ids: VecSet<String> = VecSet::new();
    for (i, row) in rows.iter().enumerate() {
        let entry = decode_row(key_month, row)
            .map_err(|detail| DocError::invalid(format!("entry {i}: {detail}")))?;
        if !ids.insert(entry.id.clone()) {
            return Err(DocError::invalid(format!(
                "entry {i}: duplicate id {:?}",
                entry.id
            )));
        }
        entries.push(entry);
    }
    crate::diary::sort_entries(&mut entries);
    let rows = doc
        .get("sessions")
        .and_then(Value::as_array)
        .ok_or_else(|| DocError::invalid("sessions is not an array"))?;
    let mut sessions = Vec::with_capacity(rows.len());
    let mut ids: VecSet<String> = VecSet::new();
    for (i, row) in rows.iter().enumerate() {
        let session = decode_session_row(key_month, row)
            .map_err(|detail| DocError::invalid(format!("session {i}: {detail}")))?;
        if !ids.insert(session.id.clone()) {
            return Err(DocError::invalid(format!(
                "session {i}: duplicate id {:?}",
                session.id
            )));
        }
        sessions.push(session);
    }
    match doc.get("plan_b") {
        None | Some(Value::Null) => {}
        Some(Value::Array(ids)) => {
            for id in ids {
                let id = id
                    .as_str()
                    .ok_or_else(|| DocError::invalid("plan_b holds a non-string"))?;
                if let Some(s) = sessions.iter_mut().find(|s| s.id == id) {
                    s.plan_b = true;
                }
            }
        }
        Some(_) => return Err(DocError::invalid("plan_b is not an array")),
    }
    crate::diary::sort_sessions(&mut sessions);
    Ok(MonthDoc {
        checkins: entries,
        sessions,
    })
}

/// The patient's settings.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settings {
    /// Interface language.
    pub lang: Lang,
    /// Fields this version does not know (e.g. written by a newer app), kept as they were
    /// and written back on save.
    pub extra: Map,
}

/// Envelope and known fields of the settings document; never taken from `extra`.
const SETTINGS_FIELDS: [&str; 4] = ["kind", "schema_version", "app_version", "lang"];

/// The settings document: `{"kind":"trinvis.settings","schema_version":2,
/// "app_version":…,"lang":"da",…extra}`, with [`CORE_VERSION`] as `app_version`.
pub fn encode_settings(settings: &Settings) -> String {
    let mut out = String::with_capacity(128);
    push_envelope(&mut out, DocKind::Settings, CORE_VERSION);
    out.push_str(",\"lang\":");
    push_json_string(&mut out, settings.lang.code());
    for (key, value) in &settings.extra {
        if SETTINGS_FIELDS.contains(&key.as_str()) {
            continue;
        }
        out.push(',');
        push_json_string(&mut out, key);
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

/// Reads the settings document. A missing `lang` means the default (Danish); a `lang`
/// that is not a known language code is [`DocError::Invalid`]. Unknown fields go to
/// [`Settings::extra`].
pub fn decode_settings(text: &str) -> Result<Settings, DocError> {
    let mut doc = read_envelope(text, DocKind::Settings)?;
    let lang = match doc.get("lang") {
        None | Some(Value::Null) => Lang::default(),
        Some(Value::String(code)) => Lang::from_code(code)
            .ok_or_else(|| DocError::invalid(format!("unknown lang {code:?}")))?,
        Some(_) => return Err(DocError::invalid("lang is not a string")),
    };
    for field in SETTINGS_FIELDS {
        doc.remove(field);
    }
    Ok(Settings { lang, extra: doc })
}

// ---------------------------------------------------------------------------------------
// Activities.

/// The activities document: every activity (archived ones too), in the order they were
/// added, with what this version does not know kept for the next save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivitiesDoc {
    /// The activities, ids unique.
    pub activities: Vec<Activity>,
    /// Unknown fields of the document (e.g. written by a newer app), written back on save.
    pub extra: Map,
    /// Unknown fields of each activity, by activity id, written back with that activity.
    pub activity_extra: VecMap<String, Map>,
}

impl ActivitiesDoc {
    /// The activity with this id.
    pub fn find(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }
}

/// A change to the activities document (read fresh, changed, written back).
#[derive(Clone, Debug, PartialEq)]
pub enum ActivityAction {
    /// A new activity.
    Add(Activity),
    /// New values for an existing activity (same id), e.g. edited or archived; its
    /// `created` is kept ([`crate::coach::ActivityDraft::apply_to`] checks the unit rule).
    Update(Activity),
    /// Removes an activity. Only for one without sessions
    /// ([`crate::coach::check_delete`]); otherwise archive it. An id already gone
    /// succeeds without change.
    Delete {
        /// Id of the activity.
        id: String,
    },
}

/// Applies `action` to the activities document. Add: [`ApplyError::DuplicateId`] if the
/// id is taken; Update: [`ApplyError::NotFound`] if it is missing. On error nothing
/// changes.
pub fn apply_to_activities(
    doc: &mut ActivitiesDoc,
    action: &ActivityAction,
) -> Result<(), ApplyError> {
    let position = |id: &str| doc.activities.iter().position(|a| a.id == id);
    match action {
        ActivityAction::Add(activity) => {
            if position(&activity.id).is_some() {
                return Err(ApplyError::DuplicateId);
            }
            doc.activities.push(activity.clone());
        }
        ActivityAction::Update(activity) => {
            let i = position(&activity.id).ok_or(ApplyError::NotFound)?;
            let stored = doc.activities.get_mut(i).ok_or(ApplyError::NotFound)?;
            *stored = Activity {
                created: stored.created,
                ..activity.clone()
            };
        }
        ActivityAction::Delete { id } => {
            if let Some(i) = position(id) {
                doc.activities.remove(i);
                doc.activity_extra.remove(id);
            }
        }
    }
    Ok(())
}

/// Envelope and known fields of the activities document; never taken from `extra`.
const ACTIVITIES_FIELDS: [&str; 4] = ["kind", "schema_version", "app_version", "activities"];

/// Known fields of one activity; never taken from its extra fields.
const ACTIVITY_FIELDS: [&str; 10] = [
    "id", "name", "unit", "baseline", "per_week", "goal", "plan_b", "step", "archived", "created",
];

/// Appends a unit: `"minutes"` … or `{"own":"word"}`.
pub(crate) fn push_unit(out: &mut String, unit: &Unit) {
    match unit {
        Unit::Custom(word) => {
            out.push_str("{\"own\":");
            push_json_string(out, word);
            out.push('}');
        }
        built_in => push_json_string(out, built_in.key()),
    }
}

/// Appends `,"key":value` for each extra field not in `known`.
pub(crate) fn push_extra(out: &mut String, extra: &Map, known: &[&str]) {
    for (key, value) in extra {
        if known.contains(&key.as_str()) {
            continue;
        }
        out.push(',');
        push_json_string(out, key);
        out.push(':');
        out.push_str(&value.to_string());
    }
}

/// Whether [`decode_activities`] would read this activity back.
fn activity_writable(a: &Activity) -> bool {
    let unit_ok = |u: &Unit| !matches!(u, Unit::Custom(w) if w.is_empty());
    !a.id.is_empty()
        && !a.name.is_empty()
        && unit_ok(&a.unit)
        && a.per_week > 0
        && match &a.plan_b {
            PlanB::Fraction => true,
            PlanB::Easier { name, unit, .. } => !name.is_empty() && unit_ok(unit),
        }
}

/// Appends one activity object (see the module docs).
fn push_activity(out: &mut String, a: &Activity, extra: Option<&Map>) {
    out.push_str("{\"id\":");
    push_json_string(out, &a.id);
    out.push_str(",\"name\":");
    push_json_string(out, &a.name);
    out.push_str(",\"unit\":");
    push_unit(out, &a.unit);
    out.push_str(&format!(
        ",\"baseline\":{},\"per_week\":{}",
        a.baseline.milli(),
        a.per_week
    ));
    if let Some(goal) = a.goal {
        out.push_str(&format!(",\"goal\":{}", goal.milli()));
    }
    out.push_str(",\"plan_b\":");
    match &a.plan_b {
        PlanB::Fraction => out.push_str("\"fraction\""),
        PlanB::Easier { name, amount, unit } => {
            out.push_str("{\"name\":");
            push_json_string(out, name);
            out.push_str(&format!(",\"amount\":{},\"unit\":", amount.milli()));
            push_unit(out, unit);
            out.push('}');
        }
    }
    if let Some(step) = a.custom_step {
        out.push_str(&format!(",\"step\":{}", step.milli()));
    }
    if a.archived {
        out.push_str(",\"archived\":true");
    }
    out.push_str(&format!(
        ",\"created\":[{},{}]",
        a.created.utc_secs, a.created.offset_min
    ));
    if let Some(extra) = extra {
        push_extra(out, extra, &ACTIVITY_FIELDS);
    }
    out.push('}');
}

/// The activities document (see the module docs). Activities [`decode_activities`]
/// would refuse (an empty or repeated id, an empty name or own unit word, zero times a
/// week) are left out; activities made by [`crate::coach::ActivityDraft`] never are.
pub fn encode_activities(doc: &ActivitiesDoc, app_version: &str) -> String {
    let mut out = String::with_capacity(128 + doc.activities.len() * 160);
    push_envelope(&mut out, DocKind::Activities, app_version);
    out.push_str(",\"activities\":[");
    let mut seen: VecSet<&str> = VecSet::new();
    let mut first = true;
    for a in &doc.activities {
        if !activity_writable(a) || !seen.insert(a.id.as_str()) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_activity(&mut out, a, doc.activity_extra.get(&a.id));
    }
    out.push(']');
    push_extra(&mut out, &doc.extra, &ACTIVITIES_FIELDS);
    out.push('}');
    out
}

/// Reads a unit.
fn decode_unit(v: Option<&Value>, what: &str) -> Result<Unit, String> {
    match v {
        Some(Value::String(code)) => Unit::BUILT_IN
            .iter()
            .find(|u| u.key() == code)
            .cloned()
            .ok_or_else(|| format!("{what}: unknown unit {code:?}")),
        Some(Value::Object(o)) if o.len() == 1 => match o.get("own") {
            Some(Value::String(word)) if !word.is_empty() => Ok(Unit::Custom(word.clone())),
            _ => Err(format!("{what}: own unit is not a non-empty string")),
        },
        _ => Err(format!("{what} is not a unit")),
    }
}

/// Reads an amount in thousandths; `None` when absent or null and `optional`.
pub(crate) fn decode_amount(v: Option<&Value>, what: &str) -> Result<Option<Amount>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .and_then(|m| Amount::from_milli(m).ok())
            .map(Some)
            .ok_or_else(|| format!("{what} is not a whole number of thousandths from 1 to 10^9")),
    }
}

/// Reads a non-empty string.
pub(crate) fn decode_text(v: Option<&Value>, what: &str) -> Result<String, String> {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        _ => Err(format!("{what} is not a non-empty string")),
    }
}

/// Reads one activity object; returns it with its unknown fields.
fn decode_activity(v: &Value) -> Result<(Activity, Map), String> {
    let Value::Object(o) = v else {
        return Err("not an object".into());
    };
    let id = decode_text(o.get("id"), "id")?;
    let name = decode_text(o.get("name"), "name")?;
    let unit = decode_unit(o.get("unit"), "unit")?;
    let baseline = decode_amount(o.get("baseline"), "baseline")?.ok_or("baseline missing")?;
    let per_week = o
        .get("per_week")
        .and_then(Value::as_u64)
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| *n > 0)
        .ok_or("per_week is not a whole number from 1 to 255")?;
    let goal = decode_amount(o.get("goal"), "goal")?;
    let plan_b = match o.get("plan_b") {
        None | Some(Value::Null) => PlanB::Fraction,
        Some(Value::String(s)) if s == "fraction" => PlanB::Fraction,
        Some(Value::Object(b)) => PlanB::Easier {
            name: decode_text(b.get("name"), "plan_b name")?,
            amount: decode_amount(b.get("amount"), "plan_b amount")?
                .ok_or("plan_b amount missing")?,
            unit: decode_unit(b.get("unit"), "plan_b unit")?,
        },
        Some(_) => return Err("plan_b is not \"fraction\" or an easier activity".into()),
    };
    let custom_step = decode_amount(o.get("step"), "step")?;
    let archived = match o.get("archived") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err("archived is not true or false".into()),
    };
    let created = match o
        .get("created")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        Some([secs, offset]) => secs
            .as_i64()
            .zip(offset.as_i64().and_then(|o| i16::try_from(o).ok()))
            .and_then(|(secs, offset)| Instant::new(secs, offset)),
        _ => None,
    }
    .ok_or("created is not [utc_secs, offset_min]")?;
    let extra: Map = o
        .iter()
        .filter(|(k, _)| !ACTIVITY_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok((
        Activity {
            id,
            name,
            unit,
            baseline,
            per_week,
            goal,
            plan_b,
            custom_step,
            archived,
            created,
        },
        extra,
    ))
}

/// Reads the activities document: the envelope (newer first, as for every kind), then
/// each activity (ids unique; the rules of [`crate::coach::ActivityDraft`] that may
/// change between versions, like the longest name, are not re-checked). Unknown fields
/// go to [`ActivitiesDoc::extra`] and [`ActivitiesDoc::activity_extra`].
pub fn decode_activities(text: &str) -> Result<ActivitiesDoc, DocError> {
    let mut doc = read_envelope(text, DocKind::Activities)?;
    let rows = doc
        .get("activities")
        .and_then(Value::as_array)
        .ok_or_else(|| DocError::invalid("activities is not an array"))?;
    let mut activities = Vec::with_capacity(rows.len());
    let mut activity_extra = VecMap::new();
    for (i, row) in rows.iter().enumerate() {
        let (activity, extra) = decode_activity(row)
            .map_err(|detail| DocError::invalid(format!("activity {i}: {detail}")))?;
        if activities.iter().any(|a: &Activity| a.id == activity.id) {
            return Err(DocError::invalid(format!(
                "activity {i}: duplicate id {:?}",
                activity.id
            )));
        }
        if !extra.is_empty() {
            activity_extra.insert(activity.id.clone(), extra);
        }
        activities.push(activity);
    }
    for field in ACTIVITIES_FIELDS {
        doc.remove(field);
    }
    Ok(ActivitiesDoc {
        activities,
        extra: doc,
        activity_extra,
    })
}

// ---------------------------------------------------------------------------------------
// Migrations.

/// One migration step: turns a document of `kind` at version `from` into version
/// `from + 1`. Steps are never edited once released; each is tested against a fixture of
/// its old version in `core/tests/fixtures/`.
struct Step {
    /// Document kind the step applies to.
    kind: &'static str,
    /// Version the step reads.
    from: u32,
    /// The transformation (it need not touch `schema_version`).
    run: fn(Value) -> Result<Value, DocError>,
}

/// Every migration step, in order. To change a format: bump [`SCHEMA_VERSION`], write
/// `fn v2_to_v3_checkins(doc: Value) -> Result<Value, DocError>` and add one row here,
/// e.g. `Step { kind: KIND_CHECKINS, from: 2, run: v2_to_v3_checkins }`. A kind without
/// a step for a version is unchanged by it (settings from v1 to v2: only the number
/// moves).
const STEPS: &[Step] = &[
    Step {
        kind: KIND_CHECKINS,
        from: 1,
        run: v1_to_v2,
    },
    Step {
        kind: crate::doc::KIND_PROFILE,
        from: 1,
        run: crate::safety::profile_step_v1_to_v2,
    },
];

/// v1 -> v2 for a month: the month had check-ins only; it gets `"sessions": []`. Never
/// edit (fixture `checkins-v1.json`).
fn v1_to_v2(mut doc: Value) -> Result<Value, DocError> {
    let object = doc
        .as_object_mut()
        .ok_or_else(|| DocError::invalid("v1_to_v2: not an object"))?;
    if object.contains_key("sessions") {
        return Err(DocError::invalid("v1_to_v2: a v1 month has no sessions"));
    }
    object.insert("sessions".into(), Value::Array(Vec::new()));
    Ok(doc)
}

/// Migrates `doc`, a document of `kind` at schema `version`, to [`SCHEMA_VERSION`] by
/// running the numbered steps in order. Version 0 is [`DocError::Invalid`]; a version
/// above [`SCHEMA_VERSION`] is [`DocError::NewerSchema`].
pub fn migrate(kind: &str, version: u32, doc: Value) -> Result<Value, DocError> {
    let target = DocKind::from_tag(kind).map_or(SCHEMA_VERSION, DocKind::version);
    migrate_with(STEPS, target, kind, version, doc)
}

/// [`migrate`] with an explicit step table and target version (for tests).
fn migrate_with(
    steps: &[Step],
    target: u32,
    kind: &str,
    version: u32,
    mut doc: Value,
) -> Result<Value, DocError> {
    if version == 0 {
        return Err(DocError::invalid("schema_version 0"));
    }
    if version > target {
        return Err(DocError::NewerSchema { found: version });
    }
    for from in version..target {
        if let Some(step) = steps.iter().find(|s| s.kind == kind && s.from == from) {
            doc = (step.run)(doc)?;
        }
        match &mut doc {
            Value::Object(object) => {
                object.insert("schema_version".into(), Value::from(from + 1));
            }
            _ => {
                return Err(DocError::invalid(format!(
                    "step from v{from}: not an object"
                )))
            }
        }
    }
    Ok(doc)
}

// ---------------------------------------------------------------------------------------
// Rescue export.

/// The "download my data" file, built from raw `(key, text)` pairs of every `trinvis.`
/// key, including quarantined text, so it works even when documents do not decode:
/// `{"kind":"trinvis.rescue","schema_version":1,"items":{"<key>":"<raw text>",…}}`
/// ([`RESCUE_VERSION`]).
/// Keys are sorted; for a repeated key the last text wins.
pub fn all_data_export(items: &[(String, String)]) -> String {
    // Inserted one by one (`collect` would add a stable sort to the bundle); the last text
    // of a repeated key wins.
    let mut sorted: VecMap<&str, &str> = VecMap::new();
    for (key, text) in items {
        sorted.insert(key.as_str(), text.as_str());
    }
    let mut out = String::with_capacity(
        64 + items
            .iter()
            .map(|(k, t)| k.len() + t.len() + 8)
            .sum::<usize>(),
    );
    out.push_str("{\"kind\":");
    push_json_string(&mut out, KIND_RESCUE);
    out.push_str(&format!(
        ",\"schema_version\":{RESCUE_VERSION},\"items\":{{"
    ));
    for (i, (key, text)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(&mut out, key);
        out.push(':');
        push_json_string(&mut out, text);
    }
    out.push_str("}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocKey;
    use crate::gen::Rng;
    use crate::json::json;
    use crate::testkit::at_offset;
    use crate::time::Date;

    /// [`encode_month`] of check-ins only.
    fn encode_checkins(month: MonthKey, entries: &[CheckIn], app_version: &str) -> String {
        let doc = MonthDoc {
            checkins: entries.to_vec(),
            sessions: vec![],
        };
        encode_month(month, &doc, app_version)
    }

    /// The check-ins of [`decode_month`].
    fn decode_checkins(month: MonthKey, text: &str) -> Result<Vec<CheckIn>, DocError> {
        decode_month(month, text).map(|doc| doc.checkins)
    }

    fn nov() -> MonthKey {
        MonthKey::new(2026, 11).unwrap()
    }

    fn s(n: u8) -> Score {
        Score::new(n).unwrap()
    }

    fn entry(id: &str, day: u8, h: u8, offset: i16) -> CheckIn {
        CheckIn {
            id: id.into(),
            at: Instant::from_local(Date::new(2026, 11, day).unwrap(), h, 0, 0, offset).unwrap(),
            pain: s(4),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: String::new(),
        }
    }

    fn doc(entries: Value) -> String {
        json!({"kind": "trinvis.checkins", "schema_version": 1, "app_version": "0.1.0",
               "month": "2026-11", "entries": entries})
        .to_string()
    }

    fn invalid(result: Result<Vec<CheckIn>, DocError>) -> bool {
        matches!(result, Err(DocError::Invalid { .. }))
    }

    /// A random check-in somewhere in `month`, from any zone, with any content.
    fn random_entry(rng: &mut Rng, month: MonthKey, id: String) -> CheckIn {
        let local =
            month_start_local_secs(month) + rng.below(u64::from(month.days()) * 86_400) as i64;
        let offset = rng.below(1681) as i16 - 840;
        let score = |rng: &mut Rng| (rng.below(3) > 0).then(|| s(rng.below(11) as u8));
        let all = BodyArea::all();
        let areas: Vec<BodyArea> = (0..rng.below(4))
            .filter_map(|_| all.get(rng.below(all.len() as u64) as usize).copied())
            .collect();
        let alphabet: Vec<char> = "aæøåÅ \"\\\n\t<>/&'{}[],:🙂\u{1}\u{2028}".chars().collect();
        let note: String = (0..rng.below(3) * rng.below(40))
            .filter_map(|_| alphabet.get(rng.below(alphabet.len() as u64) as usize))
            .collect();
        CheckIn {
            id,
            at: Instant::new(local - i64::from(offset) * 60, offset).unwrap(),
            pain: s(rng.below(11) as u8),
            sleep: score(rng),
            stress: score(rng),
            room: score(rng),
            areas: normalize_areas(&areas),
            note,
        }
    }

    #[test]
    fn key_names_round_trip() {
        assert_eq!(month_key_name(nov()), "trinvis.checkins.2026-11");
        assert_eq!(
            parse_month_key_name("trinvis.checkins.2026-11"),
            Some(nov())
        );
        assert_eq!(parse_month_key_name("trinvis.checkins.2026-13"), None);
        assert_eq!(parse_month_key_name("trinvis.settings"), None);
        let q = quarantine_key_name("trinvis.checkins.2026-11", 1_795_474_740);
        assert_eq!(q, "trinvis.quarantine.trinvis.checkins.2026-11.1795474740");
        assert_eq!(parse_month_key_name(&q), None);
        for (key, kind) in [
            ("trinvis.settings", KeyKind::Doc(DocKey::Settings)),
            ("trinvis.activities", KeyKind::Doc(DocKey::Activities)),
            (
                "trinvis.checkins.2026-11",
                KeyKind::Doc(DocKey::Month(nov())),
            ),
            ("trinvis.profile", KeyKind::Doc(DocKey::Profile)),
            ("trinvis.goals", KeyKind::Doc(DocKey::Goals)),
            ("trinvis.reviews", KeyKind::Doc(DocKey::Reviews)),
            (q.as_str(), KeyKind::Quarantine),
            ("trinvis.journal", KeyKind::OtherTrinvis),
            ("trinvis.checkins.garbage", KeyKind::OtherTrinvis),
            ("other-app", KeyKind::Foreign),
        ] {
            assert_eq!(classify_key(key), kind, "{key}");
        }
    }

    #[test]
    fn random_months_round_trip_through_encode_and_decode() {
        let mut rng = Rng::new(42);
        for round in 0..200 {
            let month = MonthKey::new(1990 + (round % 60), (round % 12) as u8 + 1).unwrap();
            let n = rng.below(40) as usize;
            let entries: Vec<CheckIn> = (0..n)
                .map(|i| random_entry(&mut rng, month, format!("id{i}")))
                .collect();
            let text = encode_checkins(month, &entries, "0.1.0");
            let mut decoded = decode_checkins(month, &text).unwrap();
            let mut expected = entries.clone();
            expected.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
            decoded.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
            assert_eq!(decoded, expected, "round {round}: {text}");
            assert_eq!(encode_checkins(month, &decoded, "0.1.0"), text, "stable");
        }
    }

    #[test]
    fn trailing_empty_elements_are_omitted_when_writing() {
        let mut e = entry("ab12", 2, 8, 60);
        let secs = 86_400 + 8 * 3600;
        type Change = fn(&mut CheckIn);
        let cases: Vec<(Change, String)> = vec![
            (|_| {}, format!("[\"ab12\",{secs},60,4]")),
            (
                |e| e.sleep = Some(s(7)),
                format!("[\"ab12\",{secs},60,4,7]"),
            ),
            (
                |e| e.room = Some(s(2)),
                format!("[\"ab12\",{secs},60,4,7,null,2]"),
            ),
            (
                |e| e.note = "ok".into(),
                format!("[\"ab12\",{secs},60,4,7,null,2,\"\",\"ok\"]"),
            ),
            (
                |e| {
                    e.note.clear();
                    e.sleep = None;
                    e.room = None;
                    e.areas = vec![
                        BodyArea::from_code("lb").unwrap(),
                        BodyArea::from_code("knee-l").unwrap(),
                    ];
                },
                format!("[\"ab12\",{secs},60,4,null,null,null,\"lb,knee-l\"]"),
            ),
        ];
        for (change, row) in cases {
            change(&mut e);
            let text = encode_checkins(nov(), std::slice::from_ref(&e), "0.1.0");
            assert!(
                text.ends_with(&format!("\"entries\":[{row}],\"sessions\":[]}}")),
                "{text}"
            );
            assert_eq!(decode_checkins(nov(), &text).unwrap(), vec![e.clone()]);
        }
    }

    #[test]
    fn missing_and_explicit_trailing_elements_read_the_same() {
        let short = doc(json!([["a", 0, 60, 5]]));
        let long = doc(json!([["a", 0, 60, 5, null, null, null, "", ""]]));
        let with_nulls = doc(json!([["a", 0, 60, 5, null, null, null, null, null]]));
        let a = decode_checkins(nov(), &short).unwrap();
        assert_eq!(a, decode_checkins(nov(), &long).unwrap());
        assert_eq!(a, decode_checkins(nov(), &with_nulls).unwrap());
        assert_eq!(a[0].at.local_date(), Date::new(2026, 11, 1).unwrap());
        assert_eq!(a[0].at.local_hm(), (0, 0));
    }

    #[test]
    fn the_month_document_has_the_documented_envelope() {
        let text = encode_checkins(nov(), &[entry("a", 1, 0, 60)], "0.1.0");
        assert_eq!(
            text,
            r#"{"kind":"trinvis.checkins","schema_version":2,"app_version":"0.1.0","month":"2026-11","entries":[["a",0,60,4]],"sessions":[]}"#
        );
        assert_eq!(
            encode_checkins(nov(), &[], "0.1.0"),
            r#"{"kind":"trinvis.checkins","schema_version":2,"app_version":"0.1.0","month":"2026-11","entries":[],"sessions":[]}"#
        );
    }

    #[test]
    fn negative_offsets_and_month_edges_round_trip() {
        let entries = vec![
            // 23:30 on Nov 30 in Honolulu (-600): Dec 1 in UTC.
            CheckIn {
                at: Instant::from_local(Date::new(2026, 11, 30).unwrap(), 23, 30, 59, -600)
                    .unwrap(),
                ..entry("hnl", 1, 0, 60)
            },
            // 00:00 on Nov 1 in Auckland (+780): Oct 31 in UTC.
            entry("akl", 1, 0, 780),
            entry("nyc", 15, 12, -300),
        ];
        let text = encode_checkins(nov(), &entries, "0.1.0");
        let decoded = decode_checkins(nov(), &text).unwrap();
        assert_eq!(decoded.len(), 3);
        for e in &entries {
            assert!(decoded.contains(e), "{}", e.id);
        }
        assert!(text.contains("[\"hnl\",2590259,-600,4]"), "{text}");
    }

    #[test]
    fn an_entry_in_the_wrong_month_is_invalid() {
        let cases = [
            json!([["a", -1, 60, 5]]),
            json!([["a", 30 * 86_400, 60, 5]]), // December 1st
        ];
        for entries in cases {
            assert!(
                invalid(decode_checkins(nov(), &doc(entries.clone()))),
                "{entries}"
            );
        }
        // The document's own month must match its key.
        let december = MonthKey::new(2026, 12).unwrap();
        assert!(invalid(decode_checkins(december, &doc(json!([])))));
    }

    #[test]
    fn encoding_leaves_out_what_decoding_would_refuse() {
        let mut december = entry("dec", 1, 0, 60);
        december.at.utc_secs += 30 * 86_400;
        let mut far_offset = entry("far", 2, 0, 60);
        far_offset.at.offset_min = 900;
        let text = encode_checkins(
            nov(),
            &[
                entry("a", 3, 8, 60),
                entry("a", 4, 8, 60),
                entry("", 5, 8, 60),
                december,
                far_offset,
            ],
            "0.1.0",
        );
        let decoded = decode_checkins(nov(), &text).unwrap();
        assert_eq!(decoded, vec![entry("a", 3, 8, 60)]);
    }

    #[test]
    fn duplicate_ids_are_invalid() {
        let entries = json!([["a", 0, 60, 5], ["b", 10, 60, 5], ["a", 20, 60, 5]]);
        assert!(invalid(decode_checkins(nov(), &doc(entries))));
    }

    #[test]
    fn every_bad_entry_is_invalid() {
        let cases = [
            json!(["a", 0, 60, 5]),                             // not an array of rows
            json!([["a", 0, 60]]),                              // too short
            json!([["a", 0, 60, 5, 1, 1, 1, "", "", "x"]]),     // too long
            json!([["", 0, 60, 5]]),                            // empty id
            json!([[7, 0, 60, 5]]),                             // id not a string
            json!([["a", 0.5, 60, 5]]),                         // secs not whole
            json!([["a", "0", 60, 5]]),                         // secs a string
            json!([["a", 0, 841, 5]]),                          // offset too big
            json!([["a", 0, -841, 5]]),                         // offset too small
            json!([["a", 0, 60, 11]]),                          // pain too high
            json!([["a", 0, 60, -1]]),                          // pain negative
            json!([["a", 0, 60, 4.5]]),                         // pain not whole
            json!([["a", 0, 60, null]]),                        // pain missing
            json!([["a", 0, 60, 5, 12]]),                       // sleep too high
            json!([["a", 0, 60, 5, null, "3"]]),                // stress a string
            json!([["a", 0, 60, 5, null, null, -2]]),           // room negative
            json!([["a", 0, 60, 5, null, null, null, "knee"]]), // side missing
            json!([["a", 0, 60, 5, null, null, null, "lb,"]]),  // empty code
            json!([["a", 0, 60, 5, null, null, null, ["lb"]]]), // areas not a string
            json!([["a", 0, 60, 5, null, null, null, "", 3]]),  // note not a string
        ];
        for entries in cases {
            assert!(
                invalid(decode_checkins(nov(), &doc(entries.clone()))),
                "{entries}"
            );
        }
    }

    #[test]
    fn every_envelope_error_has_its_own_reason() {
        let cases: Vec<(String, DocError)> = vec![
            ("".into(), DocError::NotJson),
            ("{\"kind\":\"trinvis.checkins\",".into(), DocError::NotJson),
            ("not json".into(), DocError::NotJson),
            ("[1,2]".into(), DocError::WrongKind),
            ("null".into(), DocError::WrongKind),
            (
                json!({"kind": "trinvis.settings", "schema_version": 1, "lang": "da"}).to_string(),
                DocError::WrongKind,
            ),
            (
                json!({"schema_version": 1, "month": "2026-11", "entries": []}).to_string(),
                DocError::WrongKind,
            ),
            (
                json!({"kind": "trinvis.checkins", "schema_version": 3, "entries": "new"})
                    .to_string(),
                DocError::NewerSchema { found: 3 },
            ),
            (
                // Newer wins over everything else, even a kind this build does not know.
                json!({"kind": "trinvis.diary", "schema_version": 999}).to_string(),
                DocError::NewerSchema { found: 999 },
            ),
            (
                json!({"kind": "trinvis.checkins", "schema_version": 99_999_999_999u64})
                    .to_string(),
                DocError::NewerSchema { found: u32::MAX },
            ),
        ];
        for (text, error) in cases {
            assert_eq!(decode_checkins(nov(), &text), Err(error), "{text}");
        }
        for version in [json!(0), json!(null), json!("1"), json!(1.5), json!(-1)] {
            let text = json!({"kind": "trinvis.checkins", "schema_version": version,
                              "month": "2026-11", "entries": []})
            .to_string();
            assert!(invalid(decode_checkins(nov(), &text)), "{text}");
        }
        let no_version =
            json!({"kind": "trinvis.checkins", "month": "2026-11", "entries": []}).to_string();
        assert!(invalid(decode_checkins(nov(), &no_version)));
        let no_entries = json!({"kind": "trinvis.checkins", "schema_version": 1,
                                "month": "2026-11"})
        .to_string();
        assert!(invalid(decode_checkins(nov(), &no_entries)));
    }

    #[test]
    fn doc_error_keys_and_newer_check() {
        let cases = [
            (DocError::NotJson, "doc.not_json", false),
            (DocError::WrongKind, "doc.wrong_kind", false),
            (DocError::NewerSchema { found: 2 }, "doc.newer_schema", true),
            (DocError::invalid("x"), "doc.invalid", false),
        ];
        for (error, key, newer) in cases {
            assert_eq!(error.key(), key);
            assert_eq!(error.is_newer(), newer);
            assert!(error.to_string().starts_with(key));
        }
    }

    #[test]
    fn settings_round_trip_and_keep_unknown_fields() {
        let text = r#"{"kind":"trinvis.settings","schema_version":1,"app_version":"0.3.0",
                      "lang":"en","theme":"dark","reminder":{"at":"20:00","on":true}}"#;
        let settings = decode_settings(text).unwrap();
        assert_eq!(settings.lang, Lang::En);
        assert_eq!(settings.extra.get("theme"), Some(&json!("dark")));
        assert_eq!(settings.extra.len(), 2);
        let again = decode_settings(&encode_settings(&settings)).unwrap();
        assert_eq!(again, settings);
        let written: Value = crate::json::from_str(&encode_settings(&settings)).unwrap();
        assert_eq!(written["reminder"], json!({"at": "20:00", "on": true}));
        assert_eq!(written["app_version"], json!(CORE_VERSION));
    }

    #[test]
    fn default_settings_are_danish_and_encode_as_documented() {
        let text = encode_settings(&Settings::default());
        assert_eq!(
            text,
            format!(
                r#"{{"kind":"trinvis.settings","schema_version":2,"app_version":"{CORE_VERSION}","lang":"da"}}"#
            )
        );
        assert_eq!(decode_settings(&text), Ok(Settings::default()));
        let no_lang = r#"{"kind":"trinvis.settings","schema_version":1}"#;
        assert_eq!(decode_settings(no_lang).map(|s| s.lang), Ok(Lang::Da));
    }

    #[test]
    fn extra_settings_fields_cannot_overwrite_the_envelope() {
        let mut settings = Settings::default();
        settings.extra.insert("kind".into(), json!("evil"));
        settings.extra.insert("schema_version".into(), json!(99));
        let text = encode_settings(&settings);
        assert_eq!(decode_settings(&text), Ok(Settings::default()));
    }

    #[test]
    fn bad_settings_are_refused_with_their_reason() {
        assert_eq!(decode_settings("{"), Err(DocError::NotJson));
        assert_eq!(
            decode_settings(r#"{"kind":"trinvis.checkins","schema_version":1}"#),
            Err(DocError::WrongKind)
        );
        assert_eq!(
            decode_settings(r#"{"kind":"trinvis.settings","schema_version":3,"lang":7}"#),
            Err(DocError::NewerSchema { found: 3 })
        );
        for lang in [r#""de""#, "7", "[]"] {
            let text = format!(r#"{{"kind":"trinvis.settings","schema_version":1,"lang":{lang}}}"#);
            assert!(
                matches!(decode_settings(&text), Err(DocError::Invalid { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn migrate_refuses_version_zero_and_newer_versions() {
        let doc = json!({"kind": "trinvis.checkins"});
        assert!(matches!(
            migrate(KIND_CHECKINS, 0, doc.clone()),
            Err(DocError::Invalid { .. })
        ));
        assert_eq!(
            migrate(KIND_CHECKINS, SCHEMA_VERSION + 1, doc.clone()),
            Err(DocError::NewerSchema {
                found: SCHEMA_VERSION + 1
            })
        );
        assert_eq!(migrate(KIND_CHECKINS, SCHEMA_VERSION, doc.clone()), Ok(doc));
    }

    /// A pretend future step: v2 renames `entries` to `rows`.
    fn v1_to_v2_test(mut doc: Value) -> Result<Value, DocError> {
        let object = doc
            .as_object_mut()
            .ok_or_else(|| DocError::invalid("not an object"))?;
        let rows = object.remove("entries").unwrap_or(json!([]));
        object.insert("rows".into(), rows);
        Ok(doc)
    }

    fn v2_to_v3_test(mut doc: Value) -> Result<Value, DocError> {
        doc["v3"] = json!(true);
        Ok(doc)
    }

    #[test]
    fn migration_steps_run_in_order_for_their_kind_only() {
        let steps = [
            Step {
                kind: KIND_CHECKINS,
                from: 1,
                run: v1_to_v2_test,
            },
            Step {
                kind: KIND_CHECKINS,
                from: 2,
                run: v2_to_v3_test,
            },
        ];
        let v1 = json!({"kind": "trinvis.checkins", "schema_version": 1, "entries": [1]});
        let migrated = migrate_with(&steps, 3, KIND_CHECKINS, 1, v1).unwrap();
        assert_eq!(
            migrated,
            json!({"kind": "trinvis.checkins", "schema_version": 3, "rows": [1], "v3": true})
        );
        let v2 = json!({"kind": "trinvis.checkins", "schema_version": 2, "rows": []});
        let migrated = migrate_with(&steps, 3, KIND_CHECKINS, 2, v2).unwrap();
        assert_eq!(migrated["v3"], json!(true));
        // Settings have no step: only the version number moves.
        let settings = json!({"kind": "trinvis.settings", "schema_version": 1, "lang": "da"});
        let migrated = migrate_with(&steps, 3, KIND_SETTINGS, 1, settings).unwrap();
        assert_eq!(
            migrated,
            json!({"kind": "trinvis.settings", "schema_version": 3, "lang": "da"})
        );
        assert!(STEPS.iter().all(|s| s.from < SCHEMA_VERSION));
    }

    #[test]
    fn the_rescue_export_keeps_raw_text_even_when_it_does_not_parse() {
        let items = vec![
            (
                "trinvis.settings".to_string(),
                encode_settings(&Settings::default()),
            ),
            (
                "trinvis.quarantine.trinvis.checkins.2026-10.1795474740".to_string(),
                "{\"kind\":\"trinvis.checkins\",\"entr\u{1}".to_string(),
            ),
            (
                "trinvis.checkins.2026-11".to_string(),
                "æøå \"citat\" \\ \n".to_string(),
            ),
        ];
        let text = all_data_export(&items);
        let parsed: Value = crate::json::from_str(&text).unwrap();
        assert_eq!(parsed["kind"], json!("trinvis.rescue"));
        assert_eq!(parsed["schema_version"], json!(1));
        let object = parsed["items"].as_object().unwrap();
        assert_eq!(object.len(), 3);
        for (key, raw) in &items {
            assert_eq!(object[key.as_str()], json!(raw));
        }
        assert_eq!(
            all_data_export(&[]),
            r#"{"kind":"trinvis.rescue","schema_version":1,"items":{}}"#
        );
    }

    #[test]
    fn json_strings_escape_every_control_character() {
        let all: String =
            (0u32..0x80).filter_map(char::from_u32).collect::<String>() + "æ🙂\u{2028}";
        let mut out = String::new();
        push_json_string(&mut out, &all);
        assert_eq!(crate::json::from_str(&out).unwrap().as_str().unwrap(), all);
    }

    // --- sessions -------------------------------------------------------------------

    fn nov_day(day: u8) -> Date {
        Date::new(2026, 11, day).unwrap()
    }

    fn session(id: &str, day: u8, later: Option<bool>) -> Session {
        let at = at_offset(nov_day(day), 17, 0, 60);
        Session {
            plan_b: false,
            id: id.into(),
            activity_id: "walk".into(),
            at,
            for_date: nov_day(day),
            amount: Amount::from_milli(10_000).unwrap(),
            pain_during: s(3),
            okay_now: true,
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: at_offset(nov_day(day).add_days(1), 8, 0, 60),
            }),
        }
    }

    fn month_doc(checkins: Vec<CheckIn>, sessions: Vec<Session>) -> MonthDoc {
        MonthDoc { checkins, sessions }
    }

    fn doc_v2(sessions: Value) -> String {
        json!({"kind": "trinvis.checkins", "schema_version": 2, "app_version": "0.2.0",
               "month": "2026-11", "entries": [], "sessions": sessions})
        .to_string()
    }

    /// A random session of `month`, from any zone, logged up to two days after its day,
    /// answered or not.
    fn random_session(rng: &mut Rng, month: MonthKey, id: String) -> Session {
        let day = 1 + rng.below(u64::from(month.days())) as u8;
        let for_date = Date::new(month.year, month.month, day).unwrap();
        let offset = rng.below(1681) as i16 - 840;
        let local = for_date.start_local_secs() + rng.below(3 * 86_400) as i64;
        let at = Instant::new(local - i64::from(offset) * 60, offset).unwrap();
        let okay_later = rng
            .chance(0.7)
            .then(|| {
                let offset = rng.below(1681) as i16 - 840;
                OkayLater {
                    answer: rng.chance(0.5),
                    answered_at: Instant::new(at.utc_secs + rng.below(5 * 86_400) as i64, offset)
                        .unwrap(),
                }
            })
            // An answered_at before the month's start (a far western zone) is not written.
            .filter(|l| l.answered_at.local_secs() >= month_start_local_secs(month));
        let units = ["ñ", "trapper", "x"];
        Session {
            id,
            activity_id: units[rng.below(3) as usize].to_string(),
            at,
            for_date,
            amount: Amount::from_milli(1 + rng.below(u64::from(AMOUNT_MAX)) as u32).unwrap(),
            pain_during: s(rng.below(11) as u8),
            okay_now: rng.chance(0.8),
            okay_later,
            plan_b: rng.chance(0.2),
        }
    }

    #[test]
    fn plan_b_sessions_are_marked_in_the_month_and_old_months_read_as_not_plan_b() {
        let month = MonthKey::new(2026, 11).unwrap();
        let mut b = session("b", 3, Some(true));
        b.plan_b = true;
        let doc = month_doc(vec![], vec![session("a", 2, Some(true)), b.clone()]);
        let text = encode_month(month, &doc, "0.3.0");
        assert!(text.ends_with(",\"plan_b\":[\"b\"]}"), "{text}");
        assert_eq!(decode_month(month, &text).unwrap(), doc);
        // Without a plan B session the field is not written; a month stored before plan B
        // was marked has none.
        let plain = encode_month(
            month,
            &month_doc(vec![], vec![session("a", 2, None)]),
            "0.3.0",
        );
        assert!(!plain.contains("plan_b"), "{plain}");
        let old = doc_v2(json!([["a", "walk", 2, 147600, 60, 10000, 3, 1]]));
        assert!(!decode_month(month, &old).unwrap().sessions[0].plan_b);
        // An id that names no session is ignored; a list of non-strings is refused.
        let mut v: Value = crate::json::from_str(&text).unwrap();
        v["plan_b"] = json!(["b", "gone"]);
        assert_eq!(decode_month(month, &v.to_string()).unwrap(), doc);
        v["plan_b"] = json!([7]);
        assert!(decode_month(month, &v.to_string()).is_err());
        v["plan_b"] = json!("b");
        assert!(decode_month(month, &v.to_string()).is_err());
    }

    const AMOUNT_MAX: u32 = crate::coach::AMOUNT_MAX_MILLI;

    #[test]
    fn random_months_with_sessions_round_trip() {
        let mut rng = Rng::new(7);
        for round in 0..200 {
            let month = MonthKey::new(1990 + (round % 60), (round % 12) as u8 + 1).unwrap();
            let checkins: Vec<CheckIn> = (0..rng.below(10))
                .map(|i| random_entry(&mut rng, month, format!("c{i}")))
                .collect();
            let mut sessions: Vec<Session> = (0..rng.below(20))
                .map(|i| random_session(&mut rng, month, format!("s{i}")))
                .collect();
            let doc = month_doc(checkins, sessions.clone());
            let text = encode_month(month, &doc, "0.2.0");
            let decoded = decode_month(month, &text).unwrap();
            crate::diary::sort_sessions(&mut sessions);
            assert_eq!(decoded.sessions, sessions, "round {round}: {text}");
            assert_eq!(decoded.checkins.len(), doc.checkins.len());
            assert_eq!(encode_month(month, &decoded, "0.2.0"), text, "stable");
        }
    }

    #[test]
    fn session_rows_omit_the_answer_while_it_is_pending() {
        let pending = session("p", 23, None);
        let yes = session("y", 23, Some(true));
        let mut no_now = session("n", 24, None);
        no_now.okay_now = false;
        no_now.amount = Amount::from_milli(2_500).unwrap();
        let text = encode_month(
            nov(),
            &month_doc(vec![], vec![no_now, yes, pending]),
            "0.2.0",
        );
        // 17:00 on the 23rd: 22 days and 17 hours; answered 08:00 on the 24th.
        let at = 22 * 86_400 + 17 * 3600;
        let answered = 23 * 86_400 + 8 * 3600;
        let n_at = 23 * 86_400 + 17 * 3600;
        assert!(
            text.ends_with(&format!(
                r#""sessions":[["p","walk",23,{at},60,10000,3,1],["y","walk",23,{at},60,10000,3,1,1,{answered},60],["n","walk",24,{n_at},60,2500,3,0]]}}"#
            )),
            "{text}"
        );
        let decoded = decode_month(nov(), &text).unwrap().sessions;
        let ids: Vec<&str> = decoded.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["p", "y", "n"], "chronological");
    }

    #[test]
    fn explicit_trailing_nulls_of_a_session_read_as_pending() {
        let short = doc_v2(json!([["a", "walk", 1, 0, 60, 1000, 2, 1]]));
        let long = doc_v2(json!([[
            "a", "walk", 1, 0, 60, 1000, 2, 1, null, null, null
        ]]));
        let a = decode_month(nov(), &short).unwrap().sessions;
        assert_eq!(a, decode_month(nov(), &long).unwrap().sessions);
        assert_eq!(a[0].okay_later, None);
        assert_eq!(a[0].at, at_offset(nov_day(1), 0, 0, 60));
    }

    #[test]
    fn a_session_logged_after_the_month_stays_in_the_month_of_its_day() {
        let mut late = session("late", 30, Some(false));
        late.at = at_offset(Date::new(2026, 12, 1).unwrap(), 9, 0, 60);
        late.okay_later = Some(OkayLater {
            answer: false,
            answered_at: at_offset(Date::new(2026, 12, 2).unwrap(), 8, 0, 60),
        });
        let text = encode_month(nov(), &month_doc(vec![], vec![late.clone()]), "0.2.0");
        assert_eq!(decode_month(nov(), &text).unwrap().sessions, vec![late]);
    }

    #[test]
    fn every_bad_session_row_is_invalid() {
        let ok = json!(["a", "walk", 1, 0, 60, 1000, 2, 1, 1, 100, 60]);
        assert!(decode_month(nov(), &doc_v2(json!([ok]))).is_ok());
        let cases = [
            json!(["a", "walk", 1, 0, 60, 1000, 2, 1]), // not rows
            json!([["a", "walk", 1, 0, 60, 1000, 2]]),  // too short
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 1, 0, 60, 0]]), // too long
            json!([["", "walk", 1, 0, 60, 1000, 2, 1]]), // empty id
            json!([[5, "walk", 1, 0, 60, 1000, 2, 1]]), // id a number
            json!([["a", "", 1, 0, 60, 1000, 2, 1]]),   // empty activity
            json!([["a", null, 1, 0, 60, 1000, 2, 1]]), // no activity
            json!([["a", "walk", 0, 0, 60, 1000, 2, 1]]), // day 0
            json!([["a", "walk", 31, 0, 60, 1000, 2, 1]]), // Nov 31
            json!([["a", "walk", 1.5, 0, 60, 1000, 2, 1]]), // day not whole
            json!([["a", "walk", 1, -1, 60, 1000, 2, 1]]), // before the month
            json!([["a", "walk", 1, 2_147_483_648i64, 60, 1000, 2, 1]]), // too far
            json!([["a", "walk", 1, 0, 841, 1000, 2, 1]]), // offset
            json!([["a", "walk", 1, 0, 60, 0, 2, 1]]),  // zero amount
            json!([["a", "walk", 1, 0, 60, -5, 2, 1]]), // negative
            json!([["a", "walk", 1, 0, 60, 2.5, 2, 1]]), // not thousandths
            json!([["a", "walk", 1, 0, 60, 1_000_000_001u64, 2, 1]]), // too large
            json!([["a", "walk", 1, 0, 60, 1000, 11, 1]]), // pain 11
            json!([["a", "walk", 1, 0, 60, 1000, null, 1]]), // pain missing
            json!([["a", "walk", 1, 0, 60, 1000, 2, 2]]), // okay_now 2
            json!([["a", "walk", 1, 0, 60, 1000, 2, true]]), // okay_now bool
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 1]]), // answer, no time
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 1, 100]]), // no offset
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 3, 100, 60]]), // answer 3
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, null, 100, 60]]), // time, no answer
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 0, -100, 60]]), // before the month
            json!([["a", "walk", 1, 0, 60, 1000, 2, 1, 0, 100, -900]]), // offset
            json!([ok, ok]),                            // duplicate id
        ];
        for sessions in cases {
            assert!(
                invalid(decode_checkins(nov(), &doc_v2(sessions.clone()))),
                "{sessions}"
            );
        }
        // A v2 month without sessions is invalid (v1 months get them by migration).
        let no_sessions = json!({"kind": "trinvis.checkins", "schema_version": 2,
                                 "month": "2026-11", "entries": []})
        .to_string();
        assert!(invalid(decode_checkins(nov(), &no_sessions)));
        let not_array = doc_v2(json!({"a": 1}));
        assert!(invalid(decode_checkins(nov(), &not_array)));
    }

    #[test]
    fn a_check_in_and_a_session_may_share_an_id() {
        let text = encode_month(
            nov(),
            &month_doc(vec![entry("a", 1, 8, 60)], vec![session("a", 1, None)]),
            "0.2.0",
        );
        let doc = decode_month(nov(), &text).unwrap();
        assert_eq!((doc.checkins.len(), doc.sessions.len()), (1, 1));
    }

    #[test]
    fn encoding_leaves_out_sessions_that_decoding_would_refuse() {
        let mut december = session("dec", 1, None);
        december.for_date = Date::new(2026, 12, 1).unwrap();
        let mut before = session("before", 1, None);
        before.at = at_offset(Date::new(2026, 10, 31).unwrap(), 23, 0, 60);
        let mut far = session("far", 2, None);
        far.at.offset_min = 900;
        let mut no_activity = session("noact", 3, None);
        no_activity.activity_id.clear();
        let mut answered_before = session("ans", 4, Some(true));
        if let Some(l) = answered_before.okay_later.as_mut() {
            l.answered_at = at_offset(Date::new(2026, 10, 1).unwrap(), 8, 0, 60);
        }
        let text = encode_month(
            nov(),
            &month_doc(
                vec![],
                vec![
                    session("a", 5, None),
                    session("a", 6, None),
                    session("", 7, None),
                    december,
                    before,
                    far,
                    no_activity,
                    answered_before,
                ],
            ),
            "0.2.0",
        );
        assert_eq!(
            decode_month(nov(), &text).unwrap().sessions,
            vec![session("a", 5, None)]
        );
    }

    // --- migration v1 -> v2 -------------------------------------------------------------

    #[test]
    fn v1_to_v2_adds_an_empty_session_list_to_a_month() {
        let v1 = json!({"kind": "trinvis.checkins", "schema_version": 1, "month": "2026-11",
                        "entries": [["a", 0, 60, 5]]});
        let v2 = migrate(KIND_CHECKINS, 1, v1.clone()).unwrap();
        assert_eq!(v2["sessions"], json!([]));
        assert_eq!(v2["schema_version"], json!(2));
        assert_eq!(v2["entries"], v1["entries"]);
        let doc = decode_month(nov(), &v1.to_string()).unwrap();
        assert_eq!((doc.checkins.len(), doc.sessions.len()), (1, 0));
        // A v1 month cannot already hold sessions: refused, not silently replaced.
        let odd = json!({"kind": "trinvis.checkins", "schema_version": 1, "month": "2026-11",
                         "entries": [], "sessions": [["a"]]});
        assert!(invalid(decode_checkins(nov(), &odd.to_string())));
        assert!(matches!(
            v1_to_v2(json!([1])),
            Err(DocError::Invalid { .. })
        ));
    }

    #[test]
    fn settings_v1_migrate_and_are_written_as_v2() {
        let v1 = r#"{"kind":"trinvis.settings","schema_version":1,"app_version":"0.1.0","lang":"en","x":1}"#;
        let settings = decode_settings(v1).unwrap();
        assert_eq!(settings.lang, Lang::En);
        assert_eq!(settings.extra.get("x"), Some(&json!(1)));
        let written: Value = crate::json::from_str(&encode_settings(&settings)).unwrap();
        assert_eq!(written["schema_version"], json!(SCHEMA_VERSION));
        assert_eq!(SCHEMA_VERSION, 2);
    }

    #[test]
    fn every_kind_refuses_a_newer_schema_first() {
        for kind in [
            KIND_CHECKINS,
            KIND_SETTINGS,
            KIND_ACTIVITIES,
            "trinvis.unknown",
        ] {
            let text = json!({"kind": kind, "schema_version": 3, "activities": 7}).to_string();
            let newer = DocError::NewerSchema { found: 3 };
            assert_eq!(decode_month(nov(), &text).map(|_| ()), Err(newer.clone()));
            assert_eq!(decode_settings(&text).map(|_| ()), Err(newer.clone()));
            assert_eq!(decode_activities(&text).map(|_| ()), Err(newer));
        }
    }

    // --- activities ---------------------------------------------------------------------

    fn activity(id: &str) -> Activity {
        Activity {
            id: id.into(),
            name: "Gåtur \"i parken\"".into(),
            unit: Unit::Minutes,
            baseline: Amount::from_milli(10_000).unwrap(),
            per_week: 5,
            goal: None,
            plan_b: PlanB::Fraction,
            custom_step: None,
            archived: false,
            created: at_offset(nov_day(1), 12, 0, 60),
        }
    }

    fn activities_doc(activities: Vec<Activity>) -> ActivitiesDoc {
        ActivitiesDoc {
            activities,
            ..ActivitiesDoc::default()
        }
    }

    #[test]
    fn activities_round_trip_in_every_shape() {
        let m = |milli| Amount::from_milli(milli).unwrap();
        let mut all = vec![activity("plain")];
        for (i, unit) in Unit::BUILT_IN
            .iter()
            .cloned()
            .chain([Unit::Custom("trapper".into())])
            .enumerate()
        {
            all.push(Activity {
                unit: unit.clone(),
                goal: Some(m(20_000)),
                custom_step: Some(m(1_500)),
                archived: i % 2 == 0,
                plan_b: PlanB::Easier {
                    name: "Gå".into(),
                    amount: m(2_500),
                    unit,
                },
                created: Instant::new(-86_400, -300).unwrap(),
                ..activity(&format!("a{i}"))
            });
        }
        let doc = activities_doc(all);
        let text = encode_activities(&doc, "0.2.0");
        assert_eq!(decode_activities(&text).unwrap(), doc);
        assert_eq!(
            encode_activities(&activities_doc(vec![activity("w")]), "0.2.0"),
            format!(
                r#"{{"kind":"trinvis.activities","schema_version":2,"app_version":"0.2.0","activities":[{{"id":"w","name":"Gåtur \"i parken\"","unit":"minutes","baseline":10000,"per_week":5,"plan_b":"fraction","created":[{},60]}}]}}"#,
                at_offset(nov_day(1), 12, 0, 60).utc_secs
            )
        );
        assert_eq!(
            decode_activities(&encode_activities(&ActivitiesDoc::default(), "0.2.0")),
            Ok(ActivitiesDoc::default())
        );
    }

    #[test]
    fn activities_keep_unknown_fields_of_the_document_and_of_each_activity() {
        let text = json!({"kind": "trinvis.activities", "schema_version": 2,
            "app_version": "0.9.0", "order": ["w"],
            "activities": [{"id": "w", "name": "Gå", "unit": "km", "baseline": 1000,
                            "per_week": 2, "created": [0, 0], "colour": "green",
                            "reminder": {"at": "17:00"}}]})
        .to_string();
        let doc = decode_activities(&text).unwrap();
        assert_eq!(doc.activities[0].plan_b, PlanB::Fraction, "absent plan_b");
        assert_eq!(doc.extra.get("order"), Some(&json!(["w"])));
        assert_eq!(doc.activity_extra.get("w").expect("w kept").len(), 2);
        let written: Value = crate::json::from_str(&encode_activities(&doc, "0.2.0")).unwrap();
        assert_eq!(written["order"], json!(["w"]));
        assert_eq!(written["activities"][0]["colour"], json!("green"));
        assert_eq!(written["activities"][0]["reminder"], json!({"at": "17:00"}));
        assert_eq!(written["app_version"], json!("0.2.0"));
        // Extra fields never overwrite the envelope or known fields.
        let mut evil = doc.clone();
        evil.extra.insert("schema_version".into(), json!(99));
        evil.extra.insert("activities".into(), json!([]));
        evil.activity_extra
            .get_mut("w")
            .unwrap()
            .insert("baseline".into(), json!(0));
        assert_eq!(
            decode_activities(&encode_activities(&evil, "0.2.0")).unwrap(),
            doc
        );
    }

    #[test]
    fn every_bad_activity_is_invalid() {
        let ok = json!({"id": "w", "name": "Gå", "unit": "minutes", "baseline": 1000,
                        "per_week": 2, "created": [0, 60]});
        let with = |key: &str, value: Value| {
            let mut a = ok.clone();
            if value.is_null() {
                a.as_object_mut().unwrap().remove(key);
            } else {
                a[key] = value;
            }
            a
        };
        let doc = |activities: Value| {
            json!({"kind": "trinvis.activities", "schema_version": 2,
                   "activities": activities})
            .to_string()
        };
        assert!(decode_activities(&doc(json!([ok]))).is_ok());
        let cases = [
            json!({"w": ok}),
            json!([ok, ok]),
            json!(["w"]),
            json!([with("id", json!(""))]),
            json!([with("id", Value::Null)]),
            json!([with("name", json!(""))]),
            json!([with("name", json!(3))]),
            json!([with("unit", json!("hours"))]),
            json!([with("unit", json!({"own": ""}))]),
            json!([with("unit", json!({"own": "x", "more": 1}))]),
            json!([with("unit", Value::Null)]),
            json!([with("baseline", json!(0))]),
            json!([with("baseline", json!(1.5))]),
            json!([with("baseline", Value::Null)]),
            json!([with("per_week", json!(0))]),
            json!([with("per_week", json!(256))]),
            json!([with("goal", json!("10"))]),
            json!([with("plan_b", json!("half"))]),
            json!([with(
                "plan_b",
                json!({"name": "", "amount": 1000, "unit": "km"})
            )]),
            json!([with("plan_b", json!({"name": "Gå", "unit": "km"}))]),
            json!([with("plan_b", json!({"name": "Gå", "amount": 1000}))]),
            json!([with("step", json!(-1))]),
            json!([with("archived", json!(1))]),
            json!([with("created", json!(0))]),
            json!([with("created", json!([0]))]),
            json!([with("created", json!([0, 900]))]),
        ];
        for activities in cases {
            assert!(
                matches!(
                    decode_activities(&doc(activities.clone())),
                    Err(DocError::Invalid { .. })
                ),
                "{activities}"
            );
        }
        let missing = json!({"kind": "trinvis.activities", "schema_version": 2}).to_string();
        assert!(matches!(
            decode_activities(&missing),
            Err(DocError::Invalid { .. })
        ));
        assert_eq!(decode_activities("{"), Err(DocError::NotJson));
        assert_eq!(
            decode_activities(&encode_settings(&Settings::default())),
            Err(DocError::WrongKind)
        );
    }

    #[test]
    fn encoding_leaves_out_activities_that_decoding_would_refuse() {
        let mut no_name = activity("n");
        no_name.name.clear();
        let mut no_word = activity("u");
        no_word.unit = Unit::Custom(String::new());
        let mut never = activity("z");
        never.per_week = 0;
        let mut bad_b = activity("b");
        bad_b.plan_b = PlanB::Easier {
            name: String::new(),
            amount: Amount::from_milli(1).unwrap(),
            unit: Unit::Km,
        };
        let doc = activities_doc(vec![
            activity("w"),
            activity("w"),
            activity(""),
            no_name,
            no_word,
            never,
            bad_b,
        ]);
        let read = decode_activities(&encode_activities(&doc, "0.2.0")).unwrap();
        assert_eq!(read.activities, vec![activity("w")]);
    }

    #[test]
    fn activity_actions_add_update_and_delete() {
        let mut doc = activities_doc(vec![activity("w")]);
        doc.activity_extra
            .insert("w".into(), Map::from_iter([("c".to_string(), json!(1))]));
        assert_eq!(
            apply_to_activities(&mut doc, &ActivityAction::Add(activity("w"))),
            Err(ApplyError::DuplicateId)
        );
        apply_to_activities(&mut doc, &ActivityAction::Add(activity("b"))).unwrap();
        let mut archived = activity("w");
        archived.archived = true;
        archived.created = Instant::new(0, 0).unwrap();
        apply_to_activities(&mut doc, &ActivityAction::Update(archived)).unwrap();
        let w = doc.find("w").unwrap();
        assert!(w.archived);
        assert_eq!(w.created, activity("w").created, "created is kept");
        assert_eq!(
            doc.activity_extra.get("w").expect("w kept")["c"],
            json!(1),
            "extra kept on update"
        );
        assert_eq!(
            apply_to_activities(&mut doc, &ActivityAction::Update(activity("zz"))),
            Err(ApplyError::NotFound)
        );
        let delete = ActivityAction::Delete { id: "w".into() };
        apply_to_activities(&mut doc, &delete).unwrap();
        apply_to_activities(&mut doc, &delete).unwrap();
        let ids: Vec<&str> = doc.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert!(doc.activity_extra.is_empty());
    }
}
