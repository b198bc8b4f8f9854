//! CSV files for spreadsheets (domain.md §10), in the conventions of a Danish Excel: UTF-8
//! with a byte order mark (so Excel reads æøå), semicolons between fields, a decimal
//! comma, ISO dates (YYYY-MM-DD), the local time (HH:MM) with its UTC offset, CRLF line
//! ends and one header row. A field holding a semicolon, a quote or a line break is
//! quoted (`"…"`, quotes doubled). A text field starting with `=`, `+`, `-` or `@` gets
//! a leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula.
//! The columns are described in `docs/data-format.md`.

use crate::coach::{Session, Unit, Verdict};
use crate::diary::Diary;
use crate::model::{BodyArea, CheckIn, Score};
use crate::store::ActivitiesDoc;
use crate::time::{Date, Instant, Lang};

/// The byte order mark that starts every file.
const BOM: char = '\u{feff}';
/// Field separator.
const SEP: char = ';';
/// Line end.
const EOL: &str = "\r\n";

/// Header of [`export_csv_checkins`].
pub const CHECKIN_HEADER: [&str; 10] = [
    "Dato",
    "Tid",
    "UTC-forskydning",
    "Smerte",
    "Søvn",
    "Stress",
    "Smerten fylder",
    "Områder",
    "Note",
    "Id",
];

/// Header of [`export_csv_sessions`].
pub const SESSION_HEADER: [&str; 15] = [
    "Dato",
    "Aktivitet",
    "Mængde",
    "Enhed",
    "Smerte under",
    "Okay nu",
    "Okay senere",
    "Vurdering",
    "Logget dato",
    "Logget tid",
    "UTC-forskydning",
    "Besvaret dato",
    "Besvaret tid",
    "Aktivitet-id",
    "Id",
];

/// The file name of the check-ins exported on `date`: "trinvis-indtjek-2026-11-23.csv".
pub fn csv_file_name_checkins(date: Date) -> String {
    format!("trinvis-indtjek-{}.csv", date.iso())
}

/// The file name of the sessions exported on `date`: "trinvis-sessioner-2026-11-23.csv".
pub fn csv_file_name_sessions(date: Date) -> String {
    format!("trinvis-sessioner-{}.csv", date.iso())
}

/// Appends one text field, quoted when needed and guarded against formulas.
fn push_text(out: &mut String, text: &str) {
    let guarded = text.starts_with(['=', '+', '-', '@']);
    let quote = text.contains([SEP, '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Appends a row of plain fields (numbers, dates, fixed words: never quoted).
fn push_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        out.push_str(field);
    }
}

/// "14:05".
fn hm(at: Instant) -> String {
    let (h, m) = at.local_hm();
    format!("{h:02}:{m:02}")
}

/// "+01:00", "-05:00".
fn offset(at: Instant) -> String {
    let sign = if at.offset_min < 0 { '-' } else { '+' };
    let abs = at.offset_min.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// A score, or an empty field.
fn score(s: Option<Score>) -> String {
    s.map(|s| s.get().to_string()).unwrap_or_default()
}

/// The check-ins of `diary`, oldest first, as a CSV file: one row per check-in with
/// [`CHECKIN_HEADER`]: local date and time and the offset they were recorded with, pain,
/// sleep, stress, how much room the pain takes (empty when not given), body-area codes
/// separated by commas ("lb,knee-l"), the note as typed, the id.
pub fn export_csv_checkins(diary: &Diary) -> String {
    let mut out = String::with_capacity(64 + diary.len() * 48);
    out.push(BOM);
    push_row(&mut out, &CHECKIN_HEADER);
    out.push_str(EOL);
    for c in diary.iter() {
        push_checkin(&mut out, c);
        out.push_str(EOL);
    }
    out
}

/// One check-in row.
fn push_checkin(out: &mut String, c: &CheckIn) {
    let areas: Vec<&str> = c.areas.iter().map(|a: &BodyArea| a.code()).collect();
    push_row(
        out,
        &[
            &c.date().iso(),
            &hm(c.at),
            &offset(c.at),
            &c.pain.get().to_string(),
            &score(c.sleep),
            &score(c.stress),
            &score(c.room),
            &areas.join(","),
        ],
    );
    out.push(SEP);
    push_text(out, &c.note);
    out.push(SEP);
    push_text(out, &c.id);
}

/// The Danish name of a unit ("minutter"); an own unit as typed.
fn unit_da(unit: &Unit) -> &str {
    match unit {
        Unit::Minutes => "minutter",
        Unit::Repetitions => "gentagelser",
        Unit::Sets => "sæt",
        Unit::Km => "km",
        Unit::Steps => "skridt",
        Unit::Kg => "kg",
        Unit::Custom(word) => word,
    }
}

/// "ja" / "nej".
fn yes_no(answer: bool) -> &'static str {
    if answer {
        "ja"
    } else {
        "nej"
    }
}

/// The verdict in Danish words.
fn verdict_da(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Green => "passende",
        Verdict::AdjustNow => "juster nu",
        Verdict::BackOff => "tilbage næste gang",
        Verdict::Pending => "venter",
    }
}

/// The sessions of `diary`, oldest first, as a CSV file with [`SESSION_HEADER`]: the day
/// it was done, the activity's name (its id when the activity is missing), the amount
/// with a decimal comma ("2,5") and the unit in Danish, pain during it, "okay now?" and
/// "okay later?" ("ja"/"nej", empty while waiting), the verdict in words ("passende",
/// "juster nu", "tilbage næste gang", "venter"), when it was logged (local date, time,
/// offset), when "okay later?" was answered (empty while waiting), the activity's id and
/// the session's id.
pub fn export_csv_sessions(diary: &Diary, activities: &ActivitiesDoc) -> String {
    let mut out = String::with_capacity(64 + diary.session_count() * 96);
    out.push(BOM);
    push_row(&mut out, &SESSION_HEADER);
    out.push_str(EOL);
    for s in diary.sessions() {
        push_session(&mut out, s, activities);
        out.push_str(EOL);
    }
    out
}

/// One session row.
fn push_session(out: &mut String, s: &Session, activities: &ActivitiesDoc) {
    let activity = activities.find(&s.activity_id);
    out.push_str(&s.for_date.iso());
    out.push(SEP);
    push_text(
        out,
        activity.map_or(s.activity_id.as_str(), |a| a.name.as_str()),
    );
    out.push(SEP);
    out.push_str(&s.amount.format(Lang::Da));
    out.push(SEP);
    push_text(out, activity.map_or("", |a| unit_da(&a.unit)));
    out.push(SEP);
    let later = s.okay_later;
    push_row(
        out,
        &[
            &s.pain_during.get().to_string(),
            yes_no(s.okay_now),
            later.map_or("", |l| yes_no(l.answer)),
            verdict_da(s.verdict()),
            &s.at.local_date().iso(),
            &hm(s.at),
            &offset(s.at),
            &later.map_or(String::new(), |l| l.answered_at.local_date().iso()),
            &later.map_or(String::new(), |l| hm(l.answered_at)),
        ],
    );
    out.push(SEP);
    push_text(out, &s.activity_id);
    out.push(SEP);
    push_text(out, &s.id);
}
