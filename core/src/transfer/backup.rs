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
use crate::doc::{classify_key, merge_records, Doc, DocKey, DocKind, KeyKind, Write};
use crate::json::Value;
use crate::model::CheckIn;
use crate::rules::{
    IMPORT_EARLIEST_YEAR, IMPORT_FUTURE_SLACK_DAYS, IMPORT_MAX_BYTES, IMPORT_MAX_DEPTH, PAIN_MAX,
    PAIN_MIN,
};
use crate::sorted::{VecMap, VecSet};
use crate::store::{push_json_string, quarantine_key_name, ActivitiesDoc, DocError, KIND_RESCUE};
use crate::time::{Date, Instant, MAX_OFFSET_MIN};
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

/// The kinds a backup made before the register of document kinds did not carry: a file
/// without the `kinds` field holds no profile, goals or reviews.
pub const LEGACY_MISSING: [DocKind; 3] = [DocKind::Profile, DocKind::Goals, DocKind::Reviews];

/// A document on the device that a backup could not carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Its storage key.
    pub key: String,
    /// Its kind.
    pub kind: DocKind,
    /// Written by a newer app (otherwise: unreadable). Either way the rescue file
    /// ([`crate::store::all_data_export`]) still holds its text.
    pub newer: bool,
}

/// A backup file and what it could not carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    /// The file's text.
    pub text: String,
    /// Documents of a known kind that are not in it, sorted by key; empty when the file
    /// holds everything.
    pub left_out: Vec<LeftOut>,
}

/// [`backup_file`]'s text.
pub fn export_backup(docs: &[(String, String)], exported_at: Instant, app_version: &str) -> String {
    backup_file(docs, exported_at, app_version).text
}

/// The backup file of `docs`, the `(storage key, stored text)` pairs the shell read from
/// `localStorage` (see the module docs and `docs/data-format.md`).
///
/// Every document of a registered kind ([`DocKind`]) is decoded with its decoder (so older
/// versions are migrated) and written again at its current version, sorted by key; empty
/// months are left out. The file names the kinds it carries (`"kinds"`), so an import can
/// tell a backup without goals from one made before goals travelled. Other keys
/// (quarantined text, keys of a newer app, foreign keys) are skipped. A document of a
/// known kind that does not decode (unreadable, or of a newer version) cannot be carried:
/// it is listed in [`BackupFile::left_out`], so the patient is told; the rescue export
/// holds its raw text. For a repeated key the last text wins. What this writes,
/// [`parse_backup`] reads back, as long as no date lies before [`IMPORT_EARLIEST_YEAR`]
/// or after the importing day.
pub fn backup_file(
    docs: &[(String, String)],
    exported_at: Instant,
    app_version: &str,
) -> BackupFile {
    let mut sorted: VecMap<&str, &str> = VecMap::new();
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
    out.push_str(",\"kinds\":[");
    for (i, kind) in DocKind::ALL.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(&mut out, kind.tag());
    }
    out.push_str("],\"documents\":{");
    let mut first = true;
    let mut left_out = Vec::new();
    for (key, text) in sorted {
        let KeyKind::Doc(doc_key) = classify_key(key) else {
            continue;
        };
        let doc = match Doc::decode(doc_key, text) {
            Ok(doc) => doc,
            Err(e) => {
                left_out.push(LeftOut {
                    key: key.to_string(),
                    kind: doc_key.kind(),
                    newer: e.is_newer(),
                });
                continue;
            }
        };
        if doc.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push('\n');
        push_json_string(&mut out, key);
        out.push(':');
        out.push_str(&doc.encode(app_version));
    }
    out.push_str("\n}}\n");
    BackupFile {
        text: out,
        left_out,
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
        /// The field: "schema_version", "app_version", "exported_at", "kinds" or
        /// "documents".
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
}

impl ImportError {
    /// Translation key: "import.empty", "import.too_large", "import.too_deep",
    /// "import.truncated", "import.not_json", "import.csv", "import.rescue_file",
    /// "import.not_backup", "import.newer_backup", "import.bad_field",
    /// "import.newer_document", "import.pain_out_of_range", "import.date_in_future",
    /// "import.date_too_old", "import.duplicate_id", "import.invalid_document",
    /// "import.current_newer".
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
            | ImportError::CurrentNewer { key } => Some(key),
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
            ImportError::CurrentNewer { key } => write!(f, " ({key})"),
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
    /// SMART goals (reached and dropped ones included).
    pub goals: usize,
    /// Answered weekly reviews (skipped weeks not counted).
    pub reviews: usize,
    /// Chosen conditions.
    pub conditions: usize,
    /// Whether it holds an answered warning-sign check.
    pub sign_check: bool,
    /// Other documents (the settings).
    pub other_docs: usize,
}

/// The validated content of a backup file, decoded and migrated to the current versions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupData {
    /// Every document of the file by its key (months without records left out).
    pub docs: VecMap<DocKey, Doc>,
}

impl BackupData {
    /// The month documents, by month.
    pub fn months(&self) -> impl Iterator<Item = (crate::time::MonthKey, &MonthDoc)> {
        self.docs.values().filter_map(|d| match d {
            Doc::Month(m, doc) => Some((*m, doc)),
            _ => None,
        })
    }

    /// The activities document, if the backup has one.
    pub fn activities(&self) -> Option<&ActivitiesDoc> {
        match self.docs.get(&DocKey::Activities) {
            Some(Doc::Activities(d)) => Some(d),
            _ => None,
        }
    }
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
    /// Kinds the app that wrote the file could not carry and that the file does not hold
    /// (a backup made before the register: [`LEGACY_MISSING`]); the patient is told the
    /// file holds none of them.
    pub missing: Vec<DocKind>,
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

/// Whether text that does not start like JSON looks like a CSV file (a table): its first
/// two lines have the same number of one separator (semicolon, comma or tab, outside
/// quotes), or a lone line has at least two semicolons or tabs (a header). A sentence
/// with a comma ("hello, this is a note") is not a table.
fn looks_like_csv(text: &str) -> bool {
    let count = |line: &str, sep: char| {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == sep && !quoted
            })
            .count()
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or("");
    match lines.next() {
        Some(second) => [';', ',', '\t']
            .into_iter()
            .any(|sep| count(first, sep) > 0 && count(first, sep) == count(second, sep)),
        None => count(first, ';') >= 2 || count(first, '\t') >= 2,
    }
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
    let value: Value = crate::json::from_str(text).map_err(|e| {
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
    let missing = match file.get("kinds") {
        None => LEGACY_MISSING.to_vec(),
        Some(Value::Array(tags)) => DocKind::ALL
            .into_iter()
            .filter(|k| !tags.iter().any(|t| t.as_str() == Some(k.tag())))
            .collect(),
        Some(_) => return Err(ImportError::BadField { field: "kinds" }),
    };
    let dates = DateRange::new(today);
    let mut data = BackupData::default();
    let mut skipped = Vec::new();
    for (key, doc) in documents {
        read_document(key, doc, &dates, &mut data, &mut skipped)?;
    }
    // A kind the file holds is not missing, whatever its list says.
    let missing = missing
        .into_iter()
        .filter(|kind| !data.docs.keys().any(|k| k.kind() == *kind))
        .collect();
    let mut preview = preview(app_version, exported_at, data, skipped);
    preview.missing = missing;
    Ok(preview)
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
    let mut ids: VecSet<&str> = VecSet::new();
    for row in rows {
        let row = row.as_array().map(Vec::as_slice).unwrap_or_default();
        let Some(id) = row.first().and_then(Value::as_str) else {
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

/// Checks that the objects of `field` have unique ids.
fn precheck_ids(key: &str, doc: &Value, field: &str) -> Result<(), ImportError> {
    let mut ids: VecSet<&str> = VecSet::new();
    for row in rows(doc, field) {
        if let Some(id) = row.get("id").and_then(Value::as_str) {
            if !ids.insert(id) {
                return Err(ImportError::DuplicateId {
                    key: key.to_string(),
                    id: id.to_string(),
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
    let KeyKind::Doc(doc_key) = classify_key(key) else {
        skipped.push(key.to_string());
        return Ok(());
    };
    if !doc.is_object() {
        return Err(ImportError::InvalidDocument {
            key: key.to_string(),
            detail: "not an object".into(),
        });
    }
    // A newer document is named before anything else is looked at.
    if let Some(found) = doc.get("schema_version").and_then(Value::as_u64) {
        if found > u64::from(doc_key.kind().version()) {
            return Err(ImportError::NewerDocument {
                key: key.to_string(),
                found,
            });
        }
    }
    match doc_key {
        DocKey::Month(month) => {
            dates.check(key, None, month.first_day())?;
            precheck_rows(key, rows(doc, "entries"), 3)?;
            precheck_rows(key, rows(doc, "sessions"), 6)?;
        }
        DocKey::Activities => precheck_ids(key, doc, "activities")?,
        DocKey::Goals => precheck_ids(key, doc, "goals")?,
        DocKey::Settings | DocKey::Profile | DocKey::Reviews => {}
    }
    let decoded = Doc::decode(doc_key, &doc.to_string()).map_err(|e| doc_error(key, e))?;
    check_dates(key, &decoded, dates)?;
    if !decoded.is_empty() {
        data.docs.insert(doc_key, decoded);
    }
    Ok(())
}

/// Checks every date of a decoded document (not a goal's due date, which lies ahead).
fn check_dates(key: &str, doc: &Doc, dates: &DateRange) -> Result<(), ImportError> {
    match doc {
        Doc::Month(_, doc) => {
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
        }
        Doc::Activities(doc) => {
            for a in &doc.activities {
                dates.check(key, Some(&a.id), a.created.local_date())?;
            }
        }
        Doc::Goals(doc) => {
            for g in &doc.goals {
                dates.check(key, Some(&g.id), g.created)?;
                match g.status {
                    crate::progress::GoalStatus::Active => {}
                    crate::progress::GoalStatus::Reached(on)
                    | crate::progress::GoalStatus::Dropped(on) => {
                        dates.check(key, Some(&g.id), on)?;
                    }
                }
            }
        }
        Doc::Reviews(doc) => {
            for r in &doc.reviews {
                dates.check(key, None, r.week)?;
            }
        }
        Doc::Profile(p) => {
            if let Some(at) = p.check.answered_at() {
                dates.check(key, None, at.local_date())?;
            }
        }
        Doc::Settings(_) => {}
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
    for doc in data.docs.values() {
        match doc {
            Doc::Month(_, doc) => {
                counts.checkins += doc.checkins.len();
                counts.sessions += doc.sessions.len();
                for c in &doc.checkins {
                    widen(c.date());
                }
                for s in &doc.sessions {
                    widen(s.for_date);
                }
            }
            Doc::Activities(doc) => counts.activities = doc.activities.len(),
            Doc::Goals(doc) => counts.goals = doc.goals.len(),
            Doc::Reviews(doc) => {
                counts.reviews = doc.reviews.iter().filter(|r| !r.is_skipped()).count();
            }
            Doc::Profile(p) => {
                counts.conditions = p.conditions.len();
                counts.sign_check = p.check.answered_at().is_some();
            }
            Doc::Settings(_) => counts.other_docs += 1,
        }
    }
    crate::order::sort(&mut skipped);
    BackupPreview {
        app_version,
        exported_at,
        period,
        counts,
        skipped,
        missing: Vec::new(),
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
    /// Unreadable documents on the device moved aside first: `(quarantine key, their
    /// exact text)`; the original key is then written over or removed.
    pub quarantine: Vec<(String, String)>,
    /// `(storage key, new stored text)` to write, sorted by key.
    pub write: Vec<(String, String)>,
    /// Storage keys to remove, sorted.
    pub remove: Vec<String>,
    /// [`Mode::Merge`]: records of the backup whose id (a review: whose week) the device
    /// already uses for a different record (the device's record is kept).
    pub conflicts: usize,
}

impl ImportPlan {
    /// The plan as one list, in the order the shell must carry it out all or nothing:
    /// the quarantine copies, then the removals (freeing room), then the writes.
    pub fn writes(&self) -> Vec<Write> {
        let put = |(key, text): &(String, String)| Write::Put {
            key: key.clone(),
            text: text.clone(),
        };
        let mut out: Vec<Write> = self.quarantine.iter().map(put).collect();
        out.extend(
            self.remove
                .iter()
                .map(|key| Write::Remove { key: key.clone() }),
        );
        out.extend(self.write.iter().map(put));
        out
    }

    /// Whether carrying it out changes nothing.
    pub fn is_empty(&self) -> bool {
        self.quarantine.is_empty() && self.write.is_empty() && self.remove.is_empty()
    }
}

/// The documents on the device.
#[derive(Default)]
struct Current {
    /// Every readable document of a known kind.
    docs: VecMap<DocKey, Doc>,
    /// The text of every readable document of a known kind.
    texts: VecMap<String, String>,
    /// `(key, text)` of documents of a known kind that do not decode.
    unreadable: Vec<(String, String)>,
    /// Every key, for free quarantine names.
    keys: VecSet<String>,
}

/// Decodes the documents on the device; a newer one refuses the import.
fn read_current(current: &[(String, String)]) -> Result<Current, ImportError> {
    let mut out = Current::default();
    for (key, text) in current {
        out.keys.insert(key.clone());
        let KeyKind::Doc(doc_key) = classify_key(key) else {
            continue;
        };
        match Doc::decode(doc_key, text) {
            Ok(doc) => {
                out.docs.insert(doc_key, doc);
                out.texts.insert(key.clone(), text.clone());
            }
            Err(e) if e.is_newer() => return Err(ImportError::CurrentNewer { key: key.clone() }),
            Err(_) => out.unreadable.push((key.clone(), text.clone())),
        }
    }
    Ok(out)
}

/// A quarantine key for `key` at `now_secs` that no key in `taken` has.
fn free_quarantine_name(key: &str, now_secs: i64, taken: &VecSet<String>) -> String {
    let base = quarantine_key_name(key, now_secs);
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

/// The writes and removals that import `preview` into the device, whose documents are
/// `current` (`(storage key, stored text)` as read from `localStorage`, fresh, right
/// before writing). Documents are written at their kind's current version with
/// `app_version`; `now_secs` (UTC) names quarantine copies.
///
/// - A document on the device that cannot be read is first copied to a free quarantine
///   key ([`ImportPlan::quarantine`]), then written over or removed: nothing is lost, and
///   the patient is told.
/// - [`Mode::Replace`]: the device ends up holding exactly the file: every document of
///   the backup is written (unless the device already holds the same text) and every
///   other document of a known kind on the device is removed.
/// - [`Mode::Merge`]: nothing on the device is lost; each kind merges by its rule
///   ([`Doc::merge`]: records by id, reviews by week, the device's record winning and
///   counted in [`ImportPlan::conflicts`]; the profile by union; the device keeps its
///   settings). Only documents whose content changes are written, so importing the same
///   backup a second time plans nothing.
///
/// Refused, with nothing planned, when a document on the device is newer
/// ([`ImportError::CurrentNewer`]).
pub fn plan_import(
    preview: &BackupPreview,
    current: &[(String, String)],
    mode: Mode,
    app_version: &str,
    now_secs: i64,
) -> Result<ImportPlan, ImportError> {
    let current = read_current(current)?;
    let mut plan = ImportPlan::default();
    let mut taken = current.keys.clone();
    for (key, text) in &current.unreadable {
        let name = free_quarantine_name(key, now_secs, &taken);
        taken.insert(name.clone());
        plan.quarantine.push((name, text.clone()));
    }
    let mut targets: VecMap<String, String> = VecMap::new();
    match mode {
        Mode::Replace => {
            for doc in preview.data.docs.values() {
                targets.insert(doc.key().name(), doc.encode(app_version));
            }
            for (key, text) in &targets {
                if current.texts.get(key) != Some(text) {
                    plan.write.push((key.clone(), text.clone()));
                }
            }
        }
        Mode::Merge => {
            for (doc_key, theirs) in &preview.data.docs {
                let mine = current.docs.get(doc_key);
                let merged = match mine {
                    Some(mine) => Doc::merge(mine, theirs, &mut plan.conflicts),
                    None => theirs.clone(),
                };
                let name = doc_key.name();
                if mine != Some(&merged) {
                    plan.write.push((name.clone(), merged.encode(app_version)));
                }
                targets.insert(name, String::new());
            }
        }
    }
    let keep = |key: &String| targets.contains_key(key);
    plan.remove = match mode {
        Mode::Replace => current.texts.keys().filter(|k| !keep(k)).cloned().collect(),
        Mode::Merge => Vec::new(),
    };
    for (key, _) in &current.unreadable {
        if !keep(key) {
            plan.remove.push(key.clone());
        }
    }
    crate::order::sort(&mut plan.remove);
    crate::order::sort(&mut plan.write);
    Ok(plan)
}

/// `mine` with the check-ins and sessions of `theirs` whose ids it lacks.
pub fn merge_month(mine: &MonthDoc, theirs: &MonthDoc, conflicts: &mut usize) -> MonthDoc {
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
pub fn merge_activities(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gen::{activities_item, generate_years_with_sessions, storage_items};
    use crate::json::json;
    use crate::store::{decode_month, encode_month, month_key_name, Settings, SCHEMA_VERSION};
    use crate::testkit::{cph_hm, d};
    use crate::time::{Lang, MonthKey};

    const NOW_SECS: i64 = 1_796_000_000;

    fn settings_of(data: &BackupData) -> Settings {
        match data.docs.get(&DocKey::Settings) {
            Some(Doc::Settings(s)) => s.clone(),
            other => panic!("no settings: {other:?}"),
        }
    }

    fn month_of(data: &BackupData, m: MonthKey) -> MonthDoc {
        match data.docs.get(&DocKey::Month(m)) {
            Some(Doc::Month(_, doc)) => doc.clone(),
            other => panic!("no month: {other:?}"),
        }
    }

    const CHECKINS_V1: &str = include_str!("../../tests/fixtures/checkins-v1.json");
    const CHECKINS_V2: &str = include_str!("../../tests/fixtures/checkins-v2.json");
    const ACTIVITIES_V2: &str = include_str!("../../tests/fixtures/activities-v2.json");
    const SETTINGS_V2: &str = include_str!("../../tests/fixtures/settings-v2.json");

    fn today() -> Date {
        d(2026, 12, 5)
    }

    fn now() -> Instant {
        cph_hm(today(), 14, 5)
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Every kind of record: a v1 month (migrated), a v2 month with sessions in every
    /// state, activities in every shape with unknown fields, settings with unknown fields.
    fn device() -> Vec<(String, String)> {
        let mut activities: Value = crate::json::from_str(ACTIVITIES_V2).unwrap();
        activities["order"] = json!(["walk", "bike"]);
        activities["activities"][0]["colour"] = json!("green");
        let settings = json!({"kind": "trinvis.settings", "schema_version": 2,
                              "app_version": "0.2.0", "lang": "en", "theme": {"dark": true}});
        let october = CHECKINS_V1.replace("2026-11", "2026-10");
        pairs(&[
            ("trinvis.checkins.2026-10", &october),
            ("trinvis.checkins.2026-11", CHECKINS_V2),
            ("trinvis.activities", &activities.to_string()),
            ("trinvis.settings", &settings.to_string()),
        ])
    }

    /// The decoded content of storage items, for comparing.
    fn decoded(items: &[(String, String)]) -> BackupData {
        let mut data = BackupData::default();
        for (key, text) in items {
            if let KeyKind::Doc(k) = classify_key(key) {
                data.docs.insert(k, Doc::decode(k, text).unwrap());
            }
        }
        data
    }

    /// `current` after applying `plan`.
    fn apply(current: &[(String, String)], plan: &ImportPlan) -> Vec<(String, String)> {
        let mut map: VecMap<String, String> = current.iter().cloned().collect();
        for w in plan.writes() {
            match w {
                Write::Put { key, text } => map.insert(key, text),
                Write::Remove { key } => map.remove(&key),
            };
        }
        map.into_iter().collect()
    }

    #[test]
    fn the_file_name_carries_the_date() {
        assert_eq!(
            backup_file_name(d(2026, 11, 23)),
            "trinvis-backup-2026-11-23.json"
        );
    }

    #[test]
    fn instants_print_and_parse_in_every_zone() {
        let cases = [
            (cph_hm(d(2026, 11, 23), 14, 5), "2026-11-23T14:05:00+01:00"),
            (cph_hm(d(2026, 7, 1), 0, 0), "2026-07-01T00:00:00+02:00"),
            (Instant::new(0, -570).unwrap(), "1969-12-31T14:30:00-09:30"),
            (Instant::new(59, 840).unwrap(), "1970-01-01T14:00:59+14:00"),
        ];
        for (at, text) in cases {
            assert_eq!(format_instant(at), text);
            assert_eq!(parse_instant(text), Some(at), "{text}");
        }
        for bad in [
            "",
            "2026-11-23T14:05:00Z",
            "2026-11-23 14:05:00+01:00",
            "2026-11-23T24:05:00+01:00",
            "2026-11-23T14:05:00+15:00",
            "2026-11-23T14:05:00+01:60",
            "2026-11-23T14:5:00+01:000",
            "2026-11-23T+4:05:00+01:00",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn export_then_replace_into_an_empty_device_is_lossless_for_every_kind_of_record() {
        let device = device();
        let file = export_backup(&device, now(), "0.3.0");
        let preview = parse_backup(&file, today()).unwrap();
        assert_eq!(preview.app_version, "0.3.0");
        assert_eq!(preview.exported_at, now());
        assert_eq!(
            preview.counts,
            BackupCounts {
                checkins: 11,
                sessions: 7,
                activities: 4,
                other_docs: 1,
                ..BackupCounts::default()
            }
        );
        assert_eq!(preview.period, Some((d(2026, 10, 2), d(2026, 11, 30))));
        assert!(preview.skipped.is_empty());
        assert!(preview.missing.is_empty());
        let plan = plan_import(&preview, &[], Mode::Replace, "0.3.0", NOW_SECS).unwrap();
        assert!(plan.remove.is_empty());
        let keys: Vec<&str> = plan.write.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "trinvis.activities",
                "trinvis.checkins.2026-10",
                "trinvis.checkins.2026-11",
                "trinvis.settings"
            ]
        );
        let original = decoded(&device);
        let restored = decoded(&plan.write);
        assert_eq!(restored, original);
        assert_eq!(preview.data, original);
        let settings = settings_of(&restored);
        assert_eq!(settings.lang, Lang::En);
        assert_eq!(settings.extra["theme"], json!({"dark": true}));
        let activities = restored.activities().unwrap();
        assert_eq!(activities.extra["order"], json!(["walk", "bike"]));
        assert_eq!(
            activities.activity_extra.get("squat").expect("squat kept")["colour"],
            json!("green")
        );
        // Written at the current schema, so the v1 month was migrated.
        for (_, text) in &plan.write {
            let v: Value = crate::json::from_str(text).unwrap();
            assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
        }
    }

    #[test]
    fn notes_with_html_and_script_stay_plain_text() {
        let device = device();
        let file = export_backup(&device, now(), "0.3.0");
        let preview = parse_backup(&file, today()).unwrap();
        let notes: Vec<&str> = preview
            .data
            .months()
            .flat_map(|(_, m)| m.checkins.iter().map(|c| c.note.as_str()))
            .collect();
        assert!(notes.contains(&"<script>alert(1)</script> & \"citat\""));
        assert!(notes.contains(&"New York – æøå <b>fed</b> & \"citat\""));
        // The file holds them as JSON strings, not markup.
        assert!(file.contains(r#""<script>alert(1)</script> & \"citat\"""#));
    }

    #[test]
    fn the_backup_has_the_documented_envelope_and_one_document_per_line() {
        let file = export_backup(&device(), now(), "0.3.0");
        assert!(file.starts_with(
            r#"{"kind":"trinvis-backup","schema_version":1,"app_version":"0.3.0","exported_at":"2026-12-05T14:05:00+01:00","kinds":["trinvis.settings","trinvis.activities","trinvis.checkins","trinvis.profile","trinvis.goals","trinvis.reviews"],"documents":{"#
        ));
        assert_eq!(file.lines().count(), 6);
        assert!(file.ends_with("\n}}\n"));
        let v: Value = crate::json::from_str(&file).unwrap();
        assert_eq!(
            v["documents"]["trinvis.settings"]["lang"],
            json!("en"),
            "documents are objects, not strings"
        );
    }

    #[test]
    fn export_skips_what_is_not_a_document_of_a_known_kind() {
        let mut items = device();
        items.extend(pairs(&[
            ("trinvis.quarantine.trinvis.checkins.2026-09.1", "{broken"),
            ("trinvis.journal", "{}"),
            ("other-app", "{}"),
            ("trinvis.checkins.2026-08", "{broken"),
            (
                "trinvis.checkins.2026-07",
                r#"{"kind":"trinvis.checkins","schema_version":9}"#,
            ),
            (
                "trinvis.checkins.2026-06",
                r#"{"kind":"trinvis.checkins","schema_version":2,"month":"2026-06","entries":[],"sessions":[]}"#,
            ),
        ]));
        let file = export_backup(&items, now(), "0.3.0");
        let v: Value = crate::json::from_str(&file).unwrap();
        let keys: Vec<&String> = v["documents"].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "trinvis.activities",
                "trinvis.checkins.2026-10",
                "trinvis.checkins.2026-11",
                "trinvis.settings"
            ]
        );
        assert_eq!(
            export_backup(&[], now(), "0.3.0"),
            "{\"kind\":\"trinvis-backup\",\"schema_version\":1,\"app_version\":\"0.3.0\",\"exported_at\":\"2026-12-05T14:05:00+01:00\",\"kinds\":[\"trinvis.settings\",\"trinvis.activities\",\"trinvis.checkins\",\"trinvis.profile\",\"trinvis.goals\",\"trinvis.reviews\"],\"documents\":{\n}}\n"
        );
    }

    #[test]
    fn replace_removes_what_the_backup_does_not_have_and_writes_only_changes() {
        let backup = pairs(&[("trinvis.checkins.2026-11", CHECKINS_V2)]);
        let preview = parse_backup(&export_backup(&backup, now(), "0.3.0"), today()).unwrap();
        let current = device();
        let plan = plan_import(&preview, &current, Mode::Replace, "0.3.0", NOW_SECS).unwrap();
        assert_eq!(
            plan.remove,
            [
                "trinvis.activities",
                "trinvis.checkins.2026-10",
                "trinvis.settings"
            ]
        );
        let after = apply(&current, &plan);
        assert_eq!(decoded(&after), decoded(&backup));
        // A second time: nothing to do.
        let again = plan_import(&preview, &after, Mode::Replace, "0.3.0", NOW_SECS).unwrap();
        assert_eq!(again, ImportPlan::default());
    }

    #[test]
    fn merge_keeps_every_current_record_and_adds_the_new_ones_once() {
        // The device has November (with one extra check-in) and its own settings; the
        // backup has October, November and other settings.
        let mut mine = decode_month(MonthKey::new(2026, 11).unwrap(), CHECKINS_V2).unwrap();
        let mut extra = mine.checkins[0].clone();
        extra.id = "new1".into();
        extra.note = "Kun på denne telefon".into();
        mine.checkins.push(extra.clone());
        // Same id as in the backup, different content: the device's version stays.
        mine.checkins[1].note = "Rettet her".into();
        let nov = MonthKey::new(2026, 11).unwrap();
        let current = vec![
            (month_key_name(nov), encode_month(nov, &mine, "0.2.0")),
            (
                "trinvis.settings".to_string(),
                SETTINGS_V2.replace("en", "da"),
            ),
        ];
        let preview = parse_backup(&export_backup(&device(), now(), "0.3.0"), today()).unwrap();
        let plan = plan_import(&preview, &current, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
        assert!(plan.remove.is_empty());
        assert_eq!(plan.conflicts, 1);
        let after = apply(&current, &plan);
        let data = decoded(&after);
        let merged = &month_of(&data, nov);
        assert_eq!(merged.checkins.len(), 5);
        assert!(merged.checkins.contains(&extra));
        assert!(merged.checkins.iter().any(|c| c.note == "Rettet her"));
        assert_eq!(merged.sessions.len(), 7);
        assert_eq!(data.months().count(), 2, "October added");
        assert_eq!(settings_of(&data).lang, Lang::Da, "settings kept");
        assert_eq!(data.activities().unwrap().activities.len(), 4);
        // Every current record is still there.
        for c in &mine.checkins {
            assert!(merged.checkins.contains(c), "{}", c.id);
        }
        // Importing the same backup again changes nothing.
        let again = plan_import(&preview, &after, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
        assert!(again.write.is_empty() && again.remove.is_empty());
    }

    #[test]
    fn merge_adds_activities_by_id_and_keeps_the_current_ones() {
        let mut theirs: Value = crate::json::from_str(ACTIVITIES_V2).unwrap();
        theirs["activities"][2]["name"] = json!("Lang gåtur");
        theirs["activities"][3]["reminder"] = json!("17:00");
        theirs["order"] = json!(["bike"]);
        let backup = pairs(&[("trinvis.activities", &theirs.to_string())]);
        let preview = parse_backup(&export_backup(&backup, now(), "0.3.0"), today()).unwrap();
        let mut mine: Value = crate::json::from_str(ACTIVITIES_V2).unwrap();
        let list = mine["activities"].as_array_mut().unwrap();
        list.truncate(3);
        let current = pairs(&[("trinvis.activities", &mine.to_string())]);
        let plan = plan_import(&preview, &current, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
        assert_eq!(plan.conflicts, 1, "walk renamed in the backup");
        let doc = decoded(&apply(&current, &plan))
            .activities()
            .unwrap()
            .clone();
        let names: Vec<&str> = doc.activities.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Knæbøjninger",
                "Cykling til arbejde",
                "Gåtur",
                "Trapper på arbejdet"
            ]
        );
        assert_eq!(
            doc.activity_extra.get("stairs").expect("stairs kept")["reminder"],
            json!("17:00")
        );
        assert_eq!(doc.extra["order"], json!(["bike"]));
    }

    #[test]
    fn a_newer_document_on_the_device_stops_the_import_an_unreadable_one_is_quarantined() {
        let preview = parse_backup(&export_backup(&device(), now(), "0.3.0"), today()).unwrap();
        let newer = pairs(&[(
            "trinvis.checkins.2026-11",
            r#"{"kind":"trinvis.checkins","schema_version":7}"#,
        )]);
        let broken = pairs(&[("trinvis.settings", "{")]);
        for mode in [Mode::Replace, Mode::Merge] {
            assert_eq!(
                plan_import(&preview, &newer, mode, "0.3.0", NOW_SECS).map_err(|e| e.key()),
                Err("import.current_newer")
            );
            // The unreadable settings are copied aside first (under a free name), then
            // written over with the backup's.
            let mut broken = broken.clone();
            let taken = quarantine_key_name("trinvis.settings", NOW_SECS);
            broken.push((taken.clone(), "{old".into()));
            let plan = plan_import(&preview, &broken, mode, "0.3.0", NOW_SECS).unwrap();
            assert_eq!(plan.quarantine, [(format!("{taken}-2"), "{".to_string())]);
            let writes = plan.writes();
            assert_eq!(
                writes.first(),
                Some(&Write::Put {
                    key: format!("{taken}-2"),
                    text: "{".into()
                })
            );
            let after = apply(&broken, &plan);
            assert!(after.iter().any(|(k, t)| k == &taken && t == "{old"));
            assert_eq!(settings_of(&decoded(&after)).lang, Lang::En);
        }
        // Keys of other kinds on the device are left alone.
        let other = pairs(&[("trinvis.journal", "{"), ("trinvis.quarantine.x.1", "{")]);
        let plan = plan_import(&preview, &other, Mode::Replace, "0.3.0", NOW_SECS).unwrap();
        assert!(plan.remove.is_empty() && plan.quarantine.is_empty());
    }

    #[test]
    fn each_bad_document_is_named_with_its_key_and_record() {
        let file = |key: &str, doc: Value| {
            json!({"kind": "trinvis-backup", "schema_version": 1, "app_version": "x",
                   "exported_at": "2026-11-23T14:05:00+01:00", "documents": {key: doc}})
            .to_string()
        };
        let month = |month: &str, entries: Value, sessions: Value| {
            json!({"kind": "trinvis.checkins", "schema_version": 2, "month": month,
                   "entries": entries, "sessions": sessions})
        };
        let nov = "trinvis.checkins.2026-11";
        let ok_session = json!(["s1", "walk", 2, 149400, 60, 10000, 3, 1]);
        let cases: Vec<(String, ImportError)> = vec![
            (
                file(nov, month("2026-11", json!([["a", 0, 60, 11]]), json!([]))),
                ImportError::PainOutOfRange {
                    key: nov.into(),
                    id: "a".into(),
                    value: 11,
                },
            ),
            (
                file(nov, month("2026-11", json!([["a", 0, 60, -1]]), json!([]))),
                ImportError::PainOutOfRange {
                    key: nov.into(),
                    id: "a".into(),
                    value: -1,
                },
            ),
            (
                file(
                    nov,
                    month(
                        "2026-11",
                        json!([]),
                        json!([["s", "walk", 2, 0, 60, 1000, 12, 1]]),
                    ),
                ),
                ImportError::PainOutOfRange {
                    key: nov.into(),
                    id: "s".into(),
                    value: 12,
                },
            ),
            (
                file(
                    nov,
                    month("2026-11", json!([]), json!([ok_session, ok_session])),
                ),
                ImportError::DuplicateId {
                    key: nov.into(),
                    id: "s1".into(),
                },
            ),
            (
                file(
                    nov,
                    month(
                        "2026-11",
                        json!([["a", 0, 60, 1], ["a", 9, 60, 2]]),
                        json!([]),
                    ),
                ),
                ImportError::DuplicateId {
                    key: nov.into(),
                    id: "a".into(),
                },
            ),
            (
                file(
                    "trinvis.checkins.2027-01",
                    month("2027-01", json!([["f", 0, 60, 1]]), json!([])),
                ),
                ImportError::DateInFuture {
                    key: "trinvis.checkins.2027-01".into(),
                    id: None,
                    date: d(2027, 1, 1),
                },
            ),
            (
                file(
                    nov,
                    month(
                        "2026-11",
                        json!([]),
                        json!([["s", "w", 2, 3_200_000, 60, 1000, 2, 1]]),
                    ),
                ),
                ImportError::DateInFuture {
                    key: nov.into(),
                    id: Some("s".into()),
                    date: d(2026, 12, 8),
                },
            ),
            (
                file(
                    "trinvis.checkins.1999-12",
                    month("1999-12", json!([]), json!([])),
                ),
                ImportError::DateTooOld {
                    key: "trinvis.checkins.1999-12".into(),
                    id: None,
                    date: d(1999, 12, 1),
                },
            ),
            (
                file(
                    nov,
                    json!({"kind": "trinvis.checkins", "schema_version": 3}),
                ),
                ImportError::NewerDocument {
                    key: nov.into(),
                    found: 3,
                },
            ),
            (
                file(nov, json!("text")),
                ImportError::InvalidDocument {
                    key: nov.into(),
                    detail: "not an object".into(),
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_backup(&text, today()),
                Err(expected.clone()),
                "{text}"
            );
            assert_eq!(expected.document(), Some(expected.document().unwrap_or("")));
            assert!(expected.to_string().starts_with(expected.key()));
        }
        // The store's own checks give the decoder's detail.
        let bad_area = file(
            nov,
            month(
                "2026-11",
                json!([["a", 0, 60, 1, null, null, null, "tail"]]),
                json!([]),
            ),
        );
        let error = parse_backup(&bad_area, today()).unwrap_err();
        assert_eq!(error.key(), "import.invalid_document");
        assert!(error.to_string().contains("unknown area"), "{error}");
        let wrong_kind = file("trinvis.settings", month("2026-11", json!([]), json!([])));
        assert_eq!(
            parse_backup(&wrong_kind, today()).map_err(|e| e.key()),
            Err("import.invalid_document")
        );
        let activity_dupe = file(
            "trinvis.activities",
            json!({"kind": "trinvis.activities", "schema_version": 2,
                   "activities": [{"id": "w"}, {"id": "w"}]}),
        );
        assert_eq!(
            parse_backup(&activity_dupe, today()),
            Err(ImportError::DuplicateId {
                key: "trinvis.activities".into(),
                id: "w".into()
            })
        );
    }

    #[test]
    fn each_bad_envelope_is_named() {
        let with = |field: &str, value: Value| {
            let mut v = json!({"kind": "trinvis-backup", "schema_version": 1,
                   "app_version": "x", "exported_at": "2026-11-23T14:05:00+01:00",
                   "documents": {}});
            if value.is_null() {
                v.as_object_mut().unwrap().remove(field);
            } else {
                v[field] = value;
            }
            v.to_string()
        };
        let cases = [
            (with("kind", json!("trinvis.rescue")), "import.rescue_file"),
            (with("kind", json!("trinvis.checkins")), "import.not_backup"),
            (with("kind", Value::Null), "import.not_backup"),
            (with("schema_version", json!(2)), "import.newer_backup"),
            (with("schema_version", json!(0)), "import.bad_field"),
            (with("schema_version", json!("1")), "import.bad_field"),
            (with("app_version", json!(1)), "import.bad_field"),
            (with("exported_at", json!("yesterday")), "import.bad_field"),
            (with("documents", json!([])), "import.bad_field"),
            ("[1,2]".to_string(), "import.not_backup"),
            ("\u{feff}  \n".to_string(), "import.empty"),
            ("{\"kind\":".to_string(), "import.truncated"),
            ("{\"kind\" 1}".to_string(), "import.not_json"),
            ("dato;smerte\n2026-11-01;4\n".to_string(), "import.csv"),
            ("dato;smerte;note\n".to_string(), "import.csv"),
            ("a,b\n\"1,5\",2\n".to_string(), "import.csv"),
            // A sentence with a comma is not a spreadsheet.
            ("hello, this is a note".to_string(), "import.not_json"),
            (
                "hej, det her er en note\nmed to linjer".to_string(),
                "import.not_json",
            ),
        ];
        for (text, key) in cases {
            assert_eq!(
                parse_backup(&text, today()).map_err(|e| e.key()),
                Err(key),
                "{text}"
            );
        }
        let empty = parse_backup(
            &format!("\u{feff}{}", with("app_version", json!("y"))),
            today(),
        )
        .unwrap();
        assert_eq!(
            (empty.period, empty.counts),
            (None, BackupCounts::default())
        );
    }

    #[test]
    fn keys_of_a_newer_app_are_listed_as_skipped() {
        let text = json!({"kind": "trinvis-backup", "schema_version": 1, "app_version": "9",
            "exported_at": "2026-11-23T14:05:00+01:00",
            "documents": {"trinvis.journal": {"any": 1}, "zzz": 1,
                          "trinvis.settings": {"kind": "trinvis.settings",
                                               "schema_version": 1}}})
        .to_string();
        let preview = parse_backup(&text, today()).unwrap();
        assert_eq!(preview.skipped, ["trinvis.journal", "zzz"]);
        assert_eq!(preview.counts.other_docs, 1);
    }

    #[test]
    fn the_depth_scan_skips_strings_and_stops_early() {
        assert_eq!(nesting_depth(r#"{"a":[1,{"b":"[[[{{{"}]}"#, 64), 3);
        assert_eq!(nesting_depth(r#"["\"[[["]"#, 64), 1);
        assert_eq!(nesting_depth(&"[".repeat(1000), 10), 11);
        assert_eq!(nesting_depth("]]]", 10), 0);
    }

    #[test]
    fn ten_years_of_diary_make_a_backup_that_reads_back() {
        let (diary, activities) = generate_years_with_sessions(d(2016, 11, 23), 10, 3, 2026);
        let mut items = storage_items(&diary, "0.2.0");
        items.push(activities_item(&activities, "0.2.0"));
        let file = export_backup(&items, now(), "0.2.0");
        println!("10-year backup: {} bytes", file.len());
        assert!(file.len() < 2_000_000, "{}", file.len());
        let preview = parse_backup(&file, today()).unwrap();
        assert_eq!(preview.counts.checkins, diary.len());
        assert_eq!(preview.counts.sessions, diary.session_count());
        assert_eq!(preview.counts.activities, 3);
        let plan = plan_import(&preview, &items, Mode::Merge, "0.2.0", NOW_SECS).unwrap();
        assert_eq!(
            plan,
            ImportPlan::default(),
            "merging a backup of itself changes nothing"
        );
    }
}
