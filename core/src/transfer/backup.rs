//! The backup file: export every document, check a file completely before anything
//! changes, then plan the writes of a replace or a merge (domain.md §10).
//!
//! The format is described in `docs/data-format.md`:
//!
//! ```json
//! {"kind":"trinvis-backup","schema_version":1,"app_version":"0.2.0",
//!  "exported_at":"2026-11-23T14:05:00+01:00","documents":{
//! "trinvis.activities":{"kind":"trinvis.activities","schema_version":2,…},
//! "trinvis.checkins.2026-11":{"kind":"trinvis.checkins","schema_version":2,…},
//! "trinvis.settings":{"kind":"trinvis.settings","schema_version":2,…,"lang":"da"}
//! }}
//! ```
//!
//! Each document is the stored document itself (see [`crate::store`]), as an object
//! rather than a string, under its storage key.

use crate::coach::Session;
use crate::diary::{sort_entries, sort_sessions, MonthDoc};
use crate::model::CheckIn;
use crate::rules::{
    IMPORT_EARLIEST_YEAR, IMPORT_FUTURE_SLACK_DAYS, IMPORT_MAX_BYTES, IMPORT_MAX_DEPTH, PAIN_MAX,
    PAIN_MIN,
};
use crate::store::{
    classify_key, decode_activities, decode_month, decode_settings, encode_activities,
    encode_month, encode_settings, month_key_name, push_json_string, ActivitiesDoc, DocError,
    KeyKind, Settings, ACTIVITIES_KEY, KIND_RESCUE, SCHEMA_VERSION, SETTINGS_KEY,
};
use crate::time::{Date, Instant, MonthKey, MAX_OFFSET_MIN};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// `kind` of a backup file.
pub const KIND_BACKUP: &str = "trinvis-backup";

/// The version of the backup file's own envelope (the documents inside carry their own
/// [`SCHEMA_VERSION`]).
pub const BACKUP_VERSION: u32 = 1;

/// The file name of a backup made on `date`: "trinvis-backup-2026-11-23.json".
pub fn backup_file_name(date: Date) -> String {
    format!("trinvis-backup-{}.json", date.iso())
}

/// `at` as ISO 8601 local time with its offset: "2026-11-23T14:05:00+01:00".
pub fn format_instant(at: Instant) -> String {
    let date = at.local_date();
    let secs = at.local_secs().rem_euclid(86_400);
    let offset = at.offset_min;
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        date.iso(),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        abs / 60,
        abs % 60
    )
}

/// Reads exactly what [`format_instant`] writes.
pub fn parse_instant(text: &str) -> Option<Instant> {
    let b = text.as_bytes();
    if b.len() != 25 || b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
        return None;
    }
    if b.get(16) != Some(&b':') || b.get(22) != Some(&b':') {
        return None;
    }
    let date = Date::parse_iso(text.get(0..10)?)?;
    let number = |range: std::ops::Range<usize>| -> Option<u8> {
        let part = text.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (h, m, s) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let sign: i16 = match b.get(19) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let (oh, om) = (number(20..22)?, number(23..25)?);
    if om > 59 {
        return None;
    }
    let offset = sign * (i16::from(oh) * 60 + i16::from(om));
    if offset.abs() > MAX_OFFSET_MIN {
        return None;
    }
    Instant::from_local(date, h, m, s, offset)
}

/// The backup file of `docs`, the `(storage key, stored text)` pairs the shell read from
/// `localStorage` (see the module docs and `docs/data-format.md`).
///
/// Every document of a kind [`classify_key`] knows (the settings, the activities, the
/// month documents) is decoded with the store's decoders (so older versions are migrated)
/// and written again at [`SCHEMA_VERSION`], sorted by key; empty months are left out.
/// Other keys (quarantined text, keys of a newer app, foreign keys) are skipped, and so is
/// a document that does not decode: the shell keeps those in the rescue export
/// ([`crate::store::all_data_export`]), which holds the raw text of every key. For a
/// repeated key the last text wins. What this writes, [`parse_backup`] reads back, as
/// long as no date lies before [`IMPORT_EARLIEST_YEAR`] or after the importing day.
pub fn export_backup(docs: &[(String, String)], exported_at: Instant, app_version: &str) -> String {
    let mut sorted: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, text) in docs {
        sorted.insert(key.as_str(), text.as_str());
    }
    let mut out = String::with_capacity(256 + sorted.values().map(|t| t.len() + 40).sum::<usize>());
    out.push_str("{\"kind\":");
    push_json_string(&mut out, KIND_BACKUP);
    out.push_str(&format!(
        ",\"schema_version\":{BACKUP_VERSION},\"app_version\":"
    ));
    push_json_string(&mut out, app_version);
    out.push_str(",\"exported_at\":");
    push_json_string(&mut out, &format_instant(exported_at));
    out.push_str(",\"documents\":{");
    let mut first = true;
    for (key, text) in sorted {
        let Some(encoded) = reencode(key, text, app_version) else {
            continue;
        };
        if !first {
            out.push(',');
        }
        first = false;
        out.push('\n');
        push_json_string(&mut out, key);
        out.push(':');
        out.push_str(&encoded);
    }
    out.push_str("\n}}\n");
    out
}

/// The stored document `text` of `key` decoded and written again at [`SCHEMA_VERSION`];
/// `None` for keys a backup leaves out, documents that do not decode and empty months.
fn reencode(key: &str, text: &str, app_version: &str) -> Option<String> {
    match classify_key(key) {
        KeyKind::Settings => decode_settings(text).ok().map(|s| encode_settings(&s)),
        KeyKind::Activities => decode_activities(text)
            .ok()
            .map(|doc| encode_activities(&doc, app_version)),
        KeyKind::Month(month) => decode_month(month, text)
            .ok()
            .filter(|doc| !doc.is_empty())
            .map(|doc| encode_month(month, &doc, app_version)),
        KeyKind::Quarantine | KeyKind::OtherTrinvis | KeyKind::Foreign => None,
    }
}

// ---------------------------------------------------------------------------------------
// Import: checking a file.

/// Why a file cannot be imported. Each names what is wrong, and where: the storage key of
/// the document and the id of the record when there is one. Nothing has changed when
/// one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty (or only white space).
    Empty,
    /// The file is larger than [`IMPORT_MAX_BYTES`]; refused before it is read as JSON.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Arrays and objects nested deeper than [`IMPORT_MAX_DEPTH`].
    TooDeep,
    /// The file ends in the middle (a download or copy that was cut off).
    Truncated,
    /// Not JSON.
    NotJson {
        /// Line of the first error (1-based).
        line: usize,
        /// Column of the first error (1-based).
        column: usize,
    },
    /// A spreadsheet (CSV) file, e.g. this app's own CSV export, which cannot be imported.
    Csv,
    /// The rescue file ("download my data"), not a backup.
    RescueFile,
    /// JSON, but not a Trinvis backup (another app's file, or a single stored document).
    NotBackup,
    /// A backup written by a newer app with a newer backup format.
    NewerBackup {
        /// Its `schema_version`.
        found: u64,
    },
    /// An envelope field of the backup is missing or has the wrong type.
    BadField {
        /// The field: "schema_version", "app_version", "exported_at" or "documents".
        field: &'static str,
    },
    /// A document was written by a newer app.
    NewerDocument {
        /// Its storage key.
        key: String,
        /// Its `schema_version`.
        found: u64,
    },
    /// A pain score outside 0-10.
    PainOutOfRange {
        /// The document's storage key.
        key: String,
        /// The check-in's or session's id.
        id: String,
        /// The score found.
        value: i64,
    },
    /// A date after the importing day (plus [`IMPORT_FUTURE_SLACK_DAYS`]).
    DateInFuture {
        /// The document's storage key.
        key: String,
        /// The record's id; `None` for the month of the key itself.
        id: Option<String>,
        /// The date.
        date: Date,
    },
    /// A date before [`IMPORT_EARLIEST_YEAR`].
    DateTooOld {
        /// The document's storage key.
        key: String,
        /// The record's id; `None` for the month of the key itself.
        id: Option<String>,
        /// The date.
        date: Date,
    },
    /// Two records of one document share an id.
    DuplicateId {
        /// The document's storage key.
        key: String,
        /// The repeated id.
        id: String,
    },
    /// A document breaks the stored-document rules in another way.
    InvalidDocument {
        /// The document's storage key.
        key: String,
        /// What is wrong, for developers and logs (English, not for the patient).
        detail: String,
    },
    /// [`plan_import`]: a document on this device was written by a newer app; importing
    /// would overwrite it.
    CurrentNewer {
        /// Its storage key.
        key: String,
    },
    /// [`plan_import`]: a document on this device does not decode; the shell quarantines
    /// it first ([`crate::store::quarantine_key_name`]), then plans again.
    CurrentUnreadable {
        /// Its storage key.
        key: String,
    },
}

impl ImportError {
    /// Translation key: "import.empty", "import.too_large", "import.too_deep",
    /// "import.truncated", "import.not_json", "import.csv", "import.rescue_file",
    /// "import.not_backup", "import.newer_backup", "import.bad_field",
    /// "import.newer_document", "import.pain_out_of_range", "import.date_in_future",
    /// "import.date_too_old", "import.duplicate_id", "import.invalid_document",
    /// "import.current_newer", "import.current_unreadable".
    pub fn key(&self) -> &'static str {
        match self {
            ImportError::Empty => "import.empty",
            ImportError::TooLarge { .. } => "import.too_large",
            ImportError::TooDeep => "import.too_deep",
            ImportError::Truncated => "import.truncated",
            ImportError::NotJson { .. } => "import.not_json",
            ImportError::Csv => "import.csv",
            ImportError::RescueFile => "import.rescue_file",
            ImportError::NotBackup => "import.not_backup",
            ImportError::NewerBackup { .. } => "import.newer_backup",
            ImportError::BadField { .. } => "import.bad_field",
            ImportError::NewerDocument { .. } => "import.newer_document",
            ImportError::PainOutOfRange { .. } => "import.pain_out_of_range",
            ImportError::DateInFuture { .. } => "import.date_in_future",
            ImportError::DateTooOld { .. } => "import.date_too_old",
            ImportError::DuplicateId { .. } => "import.duplicate_id",
            ImportError::InvalidDocument { .. } => "import.invalid_document",
            ImportError::CurrentNewer { .. } => "import.current_newer",
            ImportError::CurrentUnreadable { .. } => "import.current_unreadable",
        }
    }

    /// The storage key of the document the error is about, if any.
    pub fn document(&self) -> Option<&str> {
        match self {
            ImportError::NewerDocument { key, .. }
            | ImportError::PainOutOfRange { key, .. }
            | ImportError::DateInFuture { key, .. }
            | ImportError::DateTooOld { key, .. }
            | ImportError::DuplicateId { key, .. }
            | ImportError::InvalidDocument { key, .. }
            | ImportError::CurrentNewer { key }
            | ImportError::CurrentUnreadable { key } => Some(key),
            _ => None,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())?;
        match self {
            ImportError::TooLarge { bytes } => write!(f, " ({bytes} bytes)"),
            ImportError::NotJson { line, column } => write!(f, " (line {line}, column {column})"),
            ImportError::NewerBackup { found } => write!(f, " ({found})"),
            ImportError::BadField { field } => write!(f, " ({field})"),
            ImportError::NewerDocument { key, found } => write!(f, " ({key}: {found})"),
            ImportError::PainOutOfRange { key, id, value } => write!(f, " ({key} {id}: {value})"),
            ImportError::DateInFuture { key, id, date }
            | ImportError::DateTooOld { key, id, date } => {
                write!(f, " ({key} {}: {date})", id.as_deref().unwrap_or("-"))
            }
            ImportError::DuplicateId { key, id } => write!(f, " ({key}: {id})"),
            ImportError::InvalidDocument { key, detail } => write!(f, " ({key}: {detail})"),
            ImportError::CurrentNewer { key } | ImportError::CurrentUnreadable { key } => {
                write!(f, " ({key})")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for ImportError {}

/// How many records a backup holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BackupCounts {
    /// Check-ins.
    pub checkins: usize,
    /// Sessions.
    pub sessions: usize,
    /// Activities (archived ones included).
    pub activities: usize,
    /// Other documents (the settings).
    pub other_docs: usize,
}

/// The validated content of a backup file, decoded and migrated to [`SCHEMA_VERSION`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupData {
    /// The month documents with check-ins or sessions, by month.
    pub months: BTreeMap<MonthKey, MonthDoc>,
    /// The activities document, if the backup has one.
    pub activities: Option<ActivitiesDoc>,
    /// The settings, if the backup has them.
    pub settings: Option<Settings>,
}

/// A backup file that passed every check: what to show before the patient confirms, and
/// what [`plan_import`] writes.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupPreview {
    /// The app that wrote it.
    pub app_version: String,
    /// When it was made.
    pub exported_at: Instant,
    /// The first and the last day with a check-in or a session; `None` when it has none.
    pub period: Option<(Date, Date)>,
    /// How many records it holds.
    pub counts: BackupCounts,
    /// Keys in the file this version does not import (e.g. documents of a newer app that
    /// kept the backup format), sorted.
    pub skipped: Vec<String>,
    /// The documents.
    pub data: BackupData,
}

/// Drops a UTF-8 byte order mark (Windows editors add one).
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The deepest nesting of arrays and objects in `text`, counted with a byte scan that
/// skips strings; stops early once `limit` is passed. Cheap, and safe on any input.
fn nesting_depth(text: &str, limit: usize) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > deepest {
                    deepest = depth;
                    if deepest > limit {
                        break;
                    }
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether text that does not start like JSON looks like a CSV file: its first line has
/// a semicolon, a comma or a tab.
fn looks_like_csv(text: &str) -> bool {
    let first_line = text.lines().next().unwrap_or("");
    first_line.contains([';', ',', '\t'])
}

/// Reads and checks a backup file completely (see `docs/data-format.md`); `today` is the
/// importing device's local date. Nothing is written: [`plan_import`] turns the preview
/// into writes after the patient confirms.
///
/// The checks, in order: not empty; at most [`IMPORT_MAX_BYTES`] (before any parsing);
/// nested at most [`IMPORT_MAX_DEPTH`] deep (a byte scan, before parsing); not a CSV
/// file; JSON (a cut-off file is [`ImportError::Truncated`]); an object of kind
/// [`KIND_BACKUP`] (the rescue file and other JSON are named as such); a backup format
/// no newer than [`BACKUP_VERSION`]; the envelope fields; then each document under a key
/// [`classify_key`] knows: no newer schema than [`SCHEMA_VERSION`], pain scores 0-10,
/// ids unique in the document, decoded and migrated by the store's decoders (which check
/// everything else), and every date (the month of the key, each check-in, each session,
/// when each activity was created) from [`IMPORT_EARLIEST_YEAR`] to `today` plus
/// [`IMPORT_FUTURE_SLACK_DAYS`]. Other keys are listed in [`BackupPreview::skipped`].
/// A UTF-8 byte order mark at the start is ignored. Notes are kept exactly as written:
/// text, never markup.
pub fn parse_backup(text: &str, today: Date) -> Result<BackupPreview, ImportError> {
    if text.len() > IMPORT_MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = strip_bom(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if nesting_depth(text, IMPORT_MAX_DEPTH) > IMPORT_MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    if !trimmed.starts_with(['{', '[']) && looks_like_csv(trimmed) {
        return Err(ImportError::Csv);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    let Value::Object(file) = value else {
        return Err(ImportError::NotBackup);
    };
    match file.get("kind").and_then(Value::as_str) {
        Some(KIND_BACKUP) => {}
        Some(KIND_RESCUE) => return Err(ImportError::RescueFile),
        _ => return Err(ImportError::NotBackup),
    }
    let version =
        file.get("schema_version")
            .and_then(Value::as_u64)
            .ok_or(ImportError::BadField {
                field: "schema_version",
            })?;
    if version > u64::from(BACKUP_VERSION) {
        return Err(ImportError::NewerBackup { found: version });
    }
    if version == 0 {
        return Err(ImportError::BadField {
            field: "schema_version",
        });
    }
    let app_version = file
        .get("app_version")
        .and_then(Value::as_str)
        .ok_or(ImportError::BadField {
            field: "app_version",
        })?
        .to_string();
    let exported_at = file
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(parse_instant)
        .ok_or(ImportError::BadField {
            field: "exported_at",
        })?;
    let documents = file
        .get("documents")
        .and_then(Value::as_object)
        .ok_or(ImportError::BadField { field: "documents" })?;
    let dates = DateRange::new(today);
    let mut data = BackupData::default();
    let mut skipped = Vec::new();
    for (key, doc) in documents {
        read_document(key, doc, &dates, &mut data, &mut skipped)?;
    }
    Ok(preview(app_version, exported_at, data, skipped))
}

/// The accepted dates of an import.
struct DateRange {
    earliest: Date,
    latest: Date,
}

impl DateRange {
    fn new(today: Date) -> DateRange {
        DateRange {
            earliest: Date::new(IMPORT_EARLIEST_YEAR, 1, 1).unwrap_or(today),
            latest: today.add_days(IMPORT_FUTURE_SLACK_DAYS),
        }
    }

    /// Checks one date of the record `id` in the document `key`.
    fn check(&self, key: &str, id: Option<&str>, date: Date) -> Result<(), ImportError> {
        let id = id.map(str::to_string);
        if date < self.earliest {
            return Err(ImportError::DateTooOld {
                key: key.to_string(),
                id,
                date,
            });
        }
        if date > self.latest {
            return Err(ImportError::DateInFuture {
                key: key.to_string(),
                id,
                date,
            });
        }
        Ok(())
    }
}

/// The error of a store decoder, for the document `key`.
fn doc_error(key: &str, error: DocError) -> ImportError {
    match error {
        DocError::NewerSchema { found } => ImportError::NewerDocument {
            key: key.to_string(),
            found: u64::from(found),
        },
        DocError::Invalid { detail } => ImportError::InvalidDocument {
            key: key.to_string(),
            detail,
        },
        DocError::NotJson | DocError::WrongKind => ImportError::InvalidDocument {
            key: key.to_string(),
            detail: format!("{}: not a document of the kind its key holds", error.key()),
        },
    }
}

/// The rows of `field` of a document object (empty when absent or not an array: the
/// decoder then names the problem).
fn rows<'a>(doc: &'a Value, field: &str) -> &'a [Value] {
    doc.get(field)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Checks the pain scores (element `pain_at` of each row) and the ids (element 0) of the
/// rows of a month document before the decoder sees them, so the error can be specific.
fn precheck_rows(key: &str, rows: &[Value], pain_at: usize) -> Result<(), ImportError> {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for row in rows {
        let Some(id) = row.get(0).and_then(Value::as_str) else {
            continue;
        };
        if !ids.insert(id) {
            return Err(ImportError::DuplicateId {
                key: key.to_string(),
                id: id.to_string(),
            });
        }
        if let Some(pain) = row.get(pain_at).and_then(Value::as_i64) {
            if !(i64::from(PAIN_MIN)..=i64::from(PAIN_MAX)).contains(&pain) {
                return Err(ImportError::PainOutOfRange {
                    key: key.to_string(),
                    id: id.to_string(),
                    value: pain,
                });
            }
        }
    }
    Ok(())
}

/// Checks and decodes one document of the file into `data`.
fn read_document(
    key: &str,
    doc: &Value,
    dates: &DateRange,
    data: &mut BackupData,
    skipped: &mut Vec<String>,
) -> Result<(), ImportError> {
    let kind = classify_key(key);
    if matches!(
        kind,
        KeyKind::Quarantine | KeyKind::OtherTrinvis | KeyKind::Foreign
    ) {
        skipped.push(key.to_string());
        return Ok(());
    }
    if !doc.is_object() {
        return Err(ImportError::InvalidDocument {
            key: key.to_string(),
            detail: "not an object".into(),
        });
    }
    // A newer document is named before anything else is looked at.
    if let Some(found) = doc.get("schema_version").and_then(Value::as_u64) {
        if found > u64::from(SCHEMA_VERSION) {
            return Err(ImportError::NewerDocument {
                key: key.to_string(),
                found,
            });
        }
    }
    let text = doc.to_string();
    match kind {
        KeyKind::Settings => {
            data.settings = Some(decode_settings(&text).map_err(|e| doc_error(key, e))?);
        }
        KeyKind::Activities => {
            let mut ids: BTreeSet<&str> = BTreeSet::new();
            for activity in rows(doc, "activities") {
                if let Some(id) = activity.get("id").and_then(Value::as_str) {
                    if !ids.insert(id) {
                        return Err(ImportError::DuplicateId {
                            key: key.to_string(),
                            id: id.to_string(),
                        });
                    }
                }
            }
            let decoded = decode_activities(&text).map_err(|e| doc_error(key, e))?;
            for a in &decoded.activities {
                dates.check(key, Some(&a.id), a.created.local_date())?;
            }
            data.activities = Some(decoded);
        }
        KeyKind::Month(month) => {
            dates.check(key, None, month.first_day())?;
            precheck_rows(key, rows(doc, "entries"), 3)?;
            precheck_rows(key, rows(doc, "sessions"), 6)?;
            let decoded = decode_month(month, &text).map_err(|e| doc_error(key, e))?;
            check_month_dates(key, &decoded, dates)?;
            if !decoded.is_empty() {
                data.months.insert(month, decoded);
            }
        }
        KeyKind::Quarantine | KeyKind::OtherTrinvis | KeyKind::Foreign => {}
    }
    Ok(())
}

/// Checks every date of a decoded month document.
fn check_month_dates(key: &str, doc: &MonthDoc, dates: &DateRange) -> Result<(), ImportError> {
    for c in &doc.checkins {
        dates.check(key, Some(&c.id), c.date())?;
    }
    for s in &doc.sessions {
        dates.check(key, Some(&s.id), s.for_date)?;
        dates.check(key, Some(&s.id), s.at.local_date())?;
        if let Some(later) = s.okay_later {
            dates.check(key, Some(&s.id), later.answered_at.local_date())?;
        }
    }
    Ok(())
}

/// The preview of checked data.
fn preview(
    app_version: String,
    exported_at: Instant,
    data: BackupData,
    mut skipped: Vec<String>,
) -> BackupPreview {
    let mut counts = BackupCounts::default();
    let mut period: Option<(Date, Date)> = None;
    let mut widen = |date: Date| {
        period = Some(match period {
            Some((first, last)) => (first.min(date), last.max(date)),
            None => (date, date),
        });
    };
    for doc in data.months.values() {
        counts.checkins += doc.checkins.len();
        counts.sessions += doc.sessions.len();
        for c in &doc.checkins {
            widen(c.date());
        }
        for s in &doc.sessions {
            widen(s.for_date);
        }
    }
    counts.activities = data.activities.as_ref().map_or(0, |a| a.activities.len());
    counts.other_docs = usize::from(data.settings.is_some());
    skipped.sort();
    BackupPreview {
        app_version,
        exported_at,
        period,
        counts,
        skipped,
        data,
    }
}

// ---------------------------------------------------------------------------------------
// Import: planning the writes.

/// How a backup is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The device ends up holding exactly the backup: its documents are written and every
    /// other document of a known kind is removed.
    Replace,
    /// The backup's records are added to what the device holds (see [`plan_import`]).
    Merge,
}

/// What the shell writes and removes to import a backup. Empty when the import changes
/// nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// `(storage key, new stored text)` to write, sorted by key.
    pub write: Vec<(String, String)>,
    /// Storage keys to remove, sorted (only in [`Mode::Replace`]).
    pub remove: Vec<String>,
    /// [`Mode::Merge`]: records of the backup whose id the device already uses for a
    /// different record (the device's record is kept, the backup's is not imported).
    pub conflicts: usize,
}

/// The decoded documents on the device.
#[derive(Default)]
struct Current {
    months: BTreeMap<MonthKey, MonthDoc>,
    activities: Option<ActivitiesDoc>,
    settings: Option<Settings>,
    /// Every key of a known kind, with its text.
    texts: BTreeMap<String, String>,
}

/// Decodes the documents on the device; keys of other kinds are ignored.
fn read_current(current: &[(String, String)]) -> Result<Current, ImportError> {
    let mut out = Current::default();
    for (key, text) in current {
        let failed = |e: DocError| {
            if e.is_newer() {
                ImportError::CurrentNewer { key: key.clone() }
            } else {
                ImportError::CurrentUnreadable { key: key.clone() }
            }
        };
        match classify_key(key) {
            KeyKind::Settings => out.settings = Some(decode_settings(text).map_err(failed)?),
            KeyKind::Activities => {
                out.activities = Some(decode_activities(text).map_err(failed)?);
            }
            KeyKind::Month(month) => {
                out.months
                    .insert(month, decode_month(month, text).map_err(failed)?);
            }
            KeyKind::Quarantine | KeyKind::OtherTrinvis | KeyKind::Foreign => continue,
        }
        out.texts.insert(key.clone(), text.clone());
    }
    Ok(out)
}

/// Adds the records of `from` whose id `into` does not have; counts those whose id it has
/// with different content.
fn merge_records<T: Clone + PartialEq>(
    into: &mut Vec<T>,
    from: &[T],
    id: impl Fn(&T) -> &str,
    conflicts: &mut usize,
) {
    for record in from {
        match into.iter().find(|r| id(r) == id(record)) {
            None => into.push(record.clone()),
            Some(existing) if existing != record => *conflicts += 1,
            Some(_) => {}
        }
    }
}

/// The writes and removals that import `preview` into the device, whose documents are
/// `current` (`(storage key, stored text)` as read from `localStorage`, fresh, right
/// before writing). Documents are written at [`SCHEMA_VERSION`] with `app_version`.
///
/// - [`Mode::Replace`]: every document of the backup is written (unless the device
///   already holds the same text) and every other settings, activities or month key on
///   the device is removed.
/// - [`Mode::Merge`]: nothing on the device is lost. Check-ins and sessions are merged
///   per month and activities as a whole, by id: a record whose id the device lacks is
///   added; a record whose id the device has is skipped (the device's version wins; a
///   different record under the same id is counted in [`ImportPlan::conflicts`]). The
///   device's settings are kept; the backup's are used only when the device has none.
///   Only documents whose content changes are written, so importing the same backup a
///   second time plans nothing.
///
/// Refused, with nothing planned, when a document on the device is newer
/// ([`ImportError::CurrentNewer`]) or unreadable ([`ImportError::CurrentUnreadable`]).
pub fn plan_import(
    preview: &BackupPreview,
    current: &[(String, String)],
    mode: Mode,
    app_version: &str,
) -> Result<ImportPlan, ImportError> {
    let current = read_current(current)?;
    let data = &preview.data;
    let mut plan = ImportPlan::default();
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    match mode {
        Mode::Replace => {
            for (month, doc) in &data.months {
                targets.insert(
                    month_key_name(*month),
                    encode_month(*month, doc, app_version),
                );
            }
            if let Some(doc) = &data.activities {
                targets.insert(ACTIVITIES_KEY.into(), encode_activities(doc, app_version));
            }
            if let Some(settings) = &data.settings {
                targets.insert(SETTINGS_KEY.into(), encode_settings(settings));
            }
            plan.remove = current
                .texts
                .keys()
                .filter(|key| !targets.contains_key(*key))
                .cloned()
                .collect();
            for (key, text) in targets {
                if current.texts.get(&key) != Some(&text) {
                    plan.write.push((key, text));
                }
            }
        }
        Mode::Merge => {
            for (month, doc) in &data.months {
                let mine = current.months.get(month).cloned().unwrap_or_default();
                let merged = merge_month(&mine, doc, &mut plan.conflicts);
                if merged != mine {
                    plan.write.push((
                        month_key_name(*month),
                        encode_month(*month, &merged, app_version),
                    ));
                }
            }
            if let Some(doc) = &data.activities {
                let mine = current.activities.clone().unwrap_or_default();
                let merged = merge_activities(&mine, doc, &mut plan.conflicts);
                if current.activities.is_none() || merged != mine {
                    plan.write.push((
                        ACTIVITIES_KEY.into(),
                        encode_activities(&merged, app_version),
                    ));
                }
            }
            if let (Some(settings), None) = (&data.settings, &current.settings) {
                plan.write
                    .push((SETTINGS_KEY.into(), encode_settings(settings)));
            }
            plan.write.sort();
        }
    }
    Ok(plan)
}

/// `mine` with the check-ins and sessions of `theirs` whose ids it lacks.
fn merge_month(mine: &MonthDoc, theirs: &MonthDoc, conflicts: &mut usize) -> MonthDoc {
    let mut merged = mine.clone();
    merge_records(
        &mut merged.checkins,
        &theirs.checkins,
        |c: &CheckIn| c.id.as_str(),
        conflicts,
    );
    merge_records(
        &mut merged.sessions,
        &theirs.sessions,
        |s: &Session| s.id.as_str(),
        conflicts,
    );
    sort_entries(&mut merged.checkins);
    sort_sessions(&mut merged.sessions);
    merged
}

/// `mine` with the activities of `theirs` whose ids it lacks (with their unknown fields),
/// and the unknown document fields of `theirs` that `mine` lacks.
fn merge_activities(
    mine: &ActivitiesDoc,
    theirs: &ActivitiesDoc,
    conflicts: &mut usize,
) -> ActivitiesDoc {
    let mut merged = mine.clone();
    merge_records(
        &mut merged.activities,
        &theirs.activities,
        |a| a.id.as_str(),
        conflicts,
    );
    for (id, extra) in &theirs.activity_extra {
        if mine.find(id).is_none() {
            merged.activity_extra.insert(id.clone(), extra.clone());
        }
    }
    for (field, value) in &theirs.extra {
        if !merged.extra.contains_key(field) {
            merged.extra.insert(field.clone(), value.clone());
        }
    }
    merged
}
