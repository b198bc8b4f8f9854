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
//! | `trinvis.checkins.YYYY-MM` | the check-ins of one local month (so a save rewrites one month, never years) |
//! | `trinvis.quarantine.<original key>.<utc_secs>` | raw text that could not be decoded, kept untouched |
//!
//! Every document is JSON with an envelope: `kind`, `schema_version` (one number for all
//! kinds, [`SCHEMA_VERSION`]), `app_version` (the app that wrote it), then the payload.
//!
//! ```json
//! {"kind":"trinvis.checkins","schema_version":1,"app_version":"0.1.0","month":"2026-11",
//!  "entries":[["k3f9",116100,60,4,6,5,3,"lb","Stiv om morgenen"],["x0a1",160800,60,6]]}
//! {"kind":"trinvis.settings","schema_version":1,"app_version":"0.1.0","lang":"da"}
//! ```
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
//! Settings keep unknown fields on re-save (a newer app's settings survive an older one).
//!
//! # Reading rules
//!
//! A document whose `schema_version` is newer than [`SCHEMA_VERSION`] gives
//! [`DocError::NewerSchema`] before anything else is checked: the shell switches to
//! read-only and never quarantines or overwrites it. Older versions are migrated step by
//! step ([`migrate`]). Anything else that fails is [`DocError::NotJson`],
//! [`DocError::WrongKind`] or [`DocError::Invalid`]: the shell moves the raw text to a
//! quarantine key ([`quarantine_key_name`]) and tells the patient; [`all_data_export`]
//! still includes it.

use crate::model::{normalize_areas, BodyArea, CheckIn, Score};
use crate::time::{Instant, Lang, MonthKey, MAX_OFFSET_MIN, SECS_PER_DAY};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "trinvis.";
/// Key of the settings document.
pub const SETTINGS_KEY: &str = "trinvis.settings";
/// Prefix of the month documents; the key ends in "YYYY-MM".
pub const CHECKINS_PREFIX: &str = "trinvis.checkins.";
/// Prefix of quarantined raw text: `trinvis.quarantine.<original key>.<utc_secs>`.
pub const QUARANTINE_PREFIX: &str = "trinvis.quarantine.";

/// `kind` of a month of check-ins.
pub const KIND_CHECKINS: &str = "trinvis.checkins";
/// `kind` of the settings document.
pub const KIND_SETTINGS: &str = "trinvis.settings";
/// `kind` of the rescue export ([`all_data_export`]).
pub const KIND_RESCUE: &str = "trinvis.rescue";

/// The schema version this build reads and writes (one number for every kind).
pub const SCHEMA_VERSION: u32 = 1;

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

/// What a localStorage key holds, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// [`SETTINGS_KEY`].
    Settings,
    /// A month document.
    Month(MonthKey),
    /// Quarantined raw text.
    Quarantine,
    /// Another key starting with [`KEY_PREFIX`] (e.g. written by a newer app).
    OtherTrinvis,
    /// Not ours.
    Foreign,
}

/// Classifies a localStorage key.
pub fn classify_key(key: &str) -> KeyKind {
    if key == SETTINGS_KEY {
        KeyKind::Settings
    } else if let Some(month) = parse_month_key_name(key) {
        KeyKind::Month(month)
    } else if key.starts_with(QUARANTINE_PREFIX) {
        KeyKind::Quarantine
    } else if key.starts_with(KEY_PREFIX) {
        KeyKind::OtherTrinvis
    } else {
        KeyKind::Foreign
    }
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
fn push_json_string(out: &mut String, s: &str) {
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
fn push_envelope(out: &mut String, kind: &str, app_version: &str) {
    out.push_str("{\"kind\":");
    push_json_string(out, kind);
    out.push_str(&format!(
        ",\"schema_version\":{SCHEMA_VERSION},\"app_version\":"
    ));
    push_json_string(out, app_version);
}

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

/// The month document for `entries` (see the module docs for the layout), entries sorted
/// by moment.
///
/// Whatever this writes, [`decode_month`] reads back: entries it would refuse are left
/// out (an entry whose local month is not `month`, an empty or repeated id, an offset
/// beyond ±14 h), and invalid body areas are dropped. [`crate::diary::apply_to_month`]
/// never produces such entries.
pub fn encode_month(month: MonthKey, entries: &[CheckIn], app_version: &str) -> String {
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
    let mut seen: BTreeSet<&str> = BTreeSet::new();

    let mut out = String::with_capacity(128 + entries.len() * 48);
    push_envelope(&mut out, KIND_CHECKINS, app_version);
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
    out.push_str("]}");
    out
}

// ---------------------------------------------------------------------------------------
// Reading.

/// Parses `text`, checks the envelope and migrates it to [`SCHEMA_VERSION`].
///
/// Order matters: a newer `schema_version` is reported before the kind or anything else
/// is looked at.
fn read_envelope(text: &str, kind: &str) -> Result<Map<String, Value>, DocError> {
    let doc: Value = serde_json::from_str(text).map_err(|_| DocError::NotJson)?;
    let Value::Object(object) = &doc else {
        return Err(DocError::WrongKind);
    };
    let version = match object.get("schema_version") {
        Some(v) => v.as_u64(),
        None => None,
    };
    if let Some(found) = version {
        if found > u64::from(SCHEMA_VERSION) {
            return Err(DocError::NewerSchema {
                found: u32::try_from(found).unwrap_or(u32::MAX),
            });
        }
    }
    if object.get("kind").and_then(Value::as_str) != Some(kind) {
        return Err(DocError::WrongKind);
    }
    let Some(version) = version.and_then(|v| u32::try_from(v).ok()) else {
        return Err(DocError::invalid(
            "schema_version missing or not a whole number",
        ));
    };
    match migrate(kind, version, doc)? {
        Value::Object(object) => Ok(object),
        _ => Err(DocError::invalid("migration did not return an object")),
    }
}

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

/// Reads the month document stored under the key of `key_month`: checks the envelope,
/// migrates older versions, and validates every entry (scores 0-10, known area codes,
/// offsets within ±14 h, the entry inside `key_month`, ids non-empty and unique, the
/// document's `month` equal to `key_month`). Entries come back sorted by moment.
///
/// Any error means "do not use, do not overwrite": [`DocError::NewerSchema`] (checked
/// first) means read-only; the others mean quarantine.
pub fn decode_month(key_month: MonthKey, text: &str) -> Result<Vec<CheckIn>, DocError> {
    let doc = read_envelope(text, KIND_CHECKINS)?;
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
    let mut ids: BTreeSet<String> = BTreeSet::new();
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
    Ok(entries)
}

/// The patient's settings.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settings {
    /// Interface language.
    pub lang: Lang,
    /// Fields this version does not know (e.g. written by a newer app), kept as they were
    /// and written back on save.
    pub extra: Map<String, Value>,
}

/// Envelope and known fields of the settings document; never taken from `extra`.
const SETTINGS_FIELDS: [&str; 4] = ["kind", "schema_version", "app_version", "lang"];

/// The settings document: `{"kind":"trinvis.settings","schema_version":1,
/// "app_version":…,"lang":"da",…extra}`, with [`CORE_VERSION`] as `app_version`.
pub fn encode_settings(settings: &Settings) -> String {
    let mut out = String::with_capacity(128);
    push_envelope(&mut out, KIND_SETTINGS, CORE_VERSION);
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
    let mut doc = read_envelope(text, KIND_SETTINGS)?;
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
/// `fn v1_to_v2_checkins(doc: Value) -> Result<Value, DocError>` and add one row here,
/// e.g. `Step { kind: KIND_CHECKINS, from: 1, run: v1_to_v2_checkins }`. A kind without
/// a step for a version is unchanged by it.
const STEPS: &[Step] = &[];

/// Migrates `doc`, a document of `kind` at schema `version`, to [`SCHEMA_VERSION`] by
/// running the numbered steps in order. Version 0 is [`DocError::Invalid`]; a version
/// above [`SCHEMA_VERSION`] is [`DocError::NewerSchema`].
pub fn migrate(kind: &str, version: u32, doc: Value) -> Result<Value, DocError> {
    migrate_with(STEPS, SCHEMA_VERSION, kind, version, doc)
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
/// `{"kind":"trinvis.rescue","schema_version":1,"items":{"<key>":"<raw text>",…}}`.
/// Keys are sorted; for a repeated key the last text wins.
pub fn all_data_export(items: &[(String, String)]) -> String {
    // Inserted one by one (`collect` would add a stable sort to the bundle); the last text
    // of a repeated key wins.
    let mut sorted: BTreeMap<&str, &str> = BTreeMap::new();
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
        ",\"schema_version\":{SCHEMA_VERSION},\"items\":{{"
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
    use crate::gen::Rng;
    use crate::time::Date;
    use serde_json::json;

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
            ("trinvis.settings", KeyKind::Settings),
            ("trinvis.checkins.2026-11", KeyKind::Month(nov())),
            (q.as_str(), KeyKind::Quarantine),
            ("trinvis.goals", KeyKind::OtherTrinvis),
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
            let text = encode_month(month, &entries, "0.1.0");
            let mut decoded = decode_month(month, &text).unwrap();
            let mut expected = entries.clone();
            expected.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
            decoded.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
            assert_eq!(decoded, expected, "round {round}: {text}");
            assert_eq!(encode_month(month, &decoded, "0.1.0"), text, "stable");
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
            let text = encode_month(nov(), std::slice::from_ref(&e), "0.1.0");
            assert!(text.ends_with(&format!("\"entries\":[{row}]}}")), "{text}");
            assert_eq!(decode_month(nov(), &text).unwrap(), vec![e.clone()]);
        }
    }

    #[test]
    fn missing_and_explicit_trailing_elements_read_the_same() {
        let short = doc(json!([["a", 0, 60, 5]]));
        let long = doc(json!([["a", 0, 60, 5, null, null, null, "", ""]]));
        let with_nulls = doc(json!([["a", 0, 60, 5, null, null, null, null, null]]));
        let a = decode_month(nov(), &short).unwrap();
        assert_eq!(a, decode_month(nov(), &long).unwrap());
        assert_eq!(a, decode_month(nov(), &with_nulls).unwrap());
        assert_eq!(a[0].at.local_date(), Date::new(2026, 11, 1).unwrap());
        assert_eq!(a[0].at.local_hm(), (0, 0));
    }

    #[test]
    fn the_month_document_has_the_documented_envelope() {
        let text = encode_month(nov(), &[entry("a", 1, 0, 60)], "0.1.0");
        assert_eq!(
            text,
            r#"{"kind":"trinvis.checkins","schema_version":1,"app_version":"0.1.0","month":"2026-11","entries":[["a",0,60,4]]}"#
        );
        assert_eq!(
            encode_month(nov(), &[], "0.1.0"),
            r#"{"kind":"trinvis.checkins","schema_version":1,"app_version":"0.1.0","month":"2026-11","entries":[]}"#
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
        let text = encode_month(nov(), &entries, "0.1.0");
        let decoded = decode_month(nov(), &text).unwrap();
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
                invalid(decode_month(nov(), &doc(entries.clone()))),
                "{entries}"
            );
        }
        // The document's own month must match its key.
        let december = MonthKey::new(2026, 12).unwrap();
        assert!(invalid(decode_month(december, &doc(json!([])))));
    }

    #[test]
    fn encoding_leaves_out_what_decoding_would_refuse() {
        let mut december = entry("dec", 1, 0, 60);
        december.at.utc_secs += 30 * 86_400;
        let mut far_offset = entry("far", 2, 0, 60);
        far_offset.at.offset_min = 900;
        let text = encode_month(
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
        let decoded = decode_month(nov(), &text).unwrap();
        assert_eq!(decoded, vec![entry("a", 3, 8, 60)]);
    }

    #[test]
    fn duplicate_ids_are_invalid() {
        let entries = json!([["a", 0, 60, 5], ["b", 10, 60, 5], ["a", 20, 60, 5]]);
        assert!(invalid(decode_month(nov(), &doc(entries))));
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
                invalid(decode_month(nov(), &doc(entries.clone()))),
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
                json!({"kind": "trinvis.checkins", "schema_version": 2, "entries": "new"})
                    .to_string(),
                DocError::NewerSchema { found: 2 },
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
            assert_eq!(decode_month(nov(), &text), Err(error), "{text}");
        }
        for version in [json!(0), json!(null), json!("1"), json!(1.5), json!(-1)] {
            let text = json!({"kind": "trinvis.checkins", "schema_version": version,
                              "month": "2026-11", "entries": []})
            .to_string();
            assert!(invalid(decode_month(nov(), &text)), "{text}");
        }
        let no_version =
            json!({"kind": "trinvis.checkins", "month": "2026-11", "entries": []}).to_string();
        assert!(invalid(decode_month(nov(), &no_version)));
        let no_entries = json!({"kind": "trinvis.checkins", "schema_version": 1,
                                "month": "2026-11"})
        .to_string();
        assert!(invalid(decode_month(nov(), &no_entries)));
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
        let written: Value = serde_json::from_str(&encode_settings(&settings)).unwrap();
        assert_eq!(written["reminder"], json!({"at": "20:00", "on": true}));
        assert_eq!(written["app_version"], json!(CORE_VERSION));
    }

    #[test]
    fn default_settings_are_danish_and_encode_as_documented() {
        let text = encode_settings(&Settings::default());
        assert_eq!(
            text,
            format!(
                r#"{{"kind":"trinvis.settings","schema_version":1,"app_version":"{CORE_VERSION}","lang":"da"}}"#
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
        let parsed: Value = serde_json::from_str(&text).unwrap();
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
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), all);
    }
}
