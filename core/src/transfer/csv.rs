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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{Activity, Amount, OkayLater, PlanB};
    use crate::testkit::{cph_hm, d};
    use crate::time::MonthKey;

    /// A small CSV reader for the tests: `;` separated, `"` quoted with doubled quotes,
    /// CRLF rows; the byte order mark must come first.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{feff}').expect("byte order mark");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ';') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && row.is_empty(), "ends with CRLF");
        rows
    }

    fn checkin(id: &str, day: u8, h: u8, pain: u8, note: &str) -> CheckIn {
        CheckIn {
            id: id.into(),
            at: cph_hm(d(2026, 11, day), h, 5),
            pain: Score::new(pain).unwrap(),
            sleep: None,
            stress: None,
            room: None,
            areas: vec![],
            note: note.into(),
        }
    }

    #[test]
    fn check_ins_become_rows_with_danish_conventions() {
        let mut full = checkin("a1", 2, 8, 4, "Stiv; \"meget\"\nom morgenen æøå");
        full.sleep = Score::new(6).ok();
        full.stress = Score::new(0).ok();
        full.room = Score::new(10).ok();
        full.areas = ["lb", "knee-l"]
            .iter()
            .map(|c| BodyArea::from_code(c).unwrap())
            .collect();
        let mut new_york = checkin("b2", 14, 0, 0, "=HYPERLINK(\"x\")");
        new_york.at = Instant::from_local(d(2026, 11, 14), 23, 30, 0, -300).unwrap();
        let mut diary = Diary::new();
        diary.insert_month(
            MonthKey::new(2026, 11).unwrap(),
            vec![new_york, full, checkin("c3", 20, 20, 7, "<b>fed</b>")],
        );
        let text = export_csv_checkins(&diary);
        let rows = parse(&text);
        assert_eq!(rows[0], CHECKIN_HEADER);
        let expected: [&[&str]; 3] = [
            &[
                "2026-11-02",
                "08:05",
                "+01:00",
                "4",
                "6",
                "0",
                "10",
                "lb,knee-l",
                "Stiv; \"meget\"\nom morgenen æøå",
                "a1",
            ],
            &[
                "2026-11-14",
                "23:30",
                "-05:00",
                "0",
                "",
                "",
                "",
                "",
                "'=HYPERLINK(\"x\")",
                "b2",
            ],
            &[
                "2026-11-20",
                "20:05",
                "+01:00",
                "7",
                "",
                "",
                "",
                "",
                "<b>fed</b>",
                "c3",
            ],
        ];
        assert_eq!(rows.len(), 4);
        for (row, want) in rows[1..].iter().zip(expected) {
            assert_eq!(row, want);
        }
        assert!(rows.iter().all(|r| r.len() == CHECKIN_HEADER.len()));
        assert_eq!(
            export_csv_checkins(&Diary::new()),
            "\u{feff}Dato;Tid;UTC-forskydning;Smerte;Søvn;Stress;Smerten fylder;Områder;Note;Id\r\n"
        );
    }

    #[test]
    fn sessions_become_rows_with_decimal_commas_and_danish_words() {
        let milli = |m| Amount::from_milli(m).unwrap();
        let activity = |id: &str, name: &str, unit: Unit| Activity {
            id: id.into(),
            name: name.into(),
            unit,
            baseline: milli(1_000),
            per_week: 3,
            goal: None,
            plan_b: PlanB::Fraction,
            custom_step: None,
            archived: false,
            created: cph_hm(d(2026, 10, 1), 12, 0),
        };
        let activities = ActivitiesDoc {
            activities: vec![
                activity("bike", "Cykling; til arbejde", Unit::Km),
                activity("stairs", "Trapper", Unit::Custom("trapper".into())),
            ],
            ..ActivitiesDoc::default()
        };
        let session = |id: &str, act: &str, day: u8, amount, later: Option<bool>| Session {
            plan_b: false,
            id: id.into(),
            activity_id: act.into(),
            at: cph_hm(d(2026, 11, day), 17, 30),
            for_date: d(2026, 11, day),
            amount: milli(amount),
            pain_during: Score::new(4).unwrap(),
            okay_now: true,
            okay_later: later.map(|answer| OkayLater {
                answer,
                answered_at: cph_hm(d(2026, 11, day + 1), 8, 15),
            }),
        };
        let mut no_now = session("s3", "gone", 5, 12_345, None);
        no_now.okay_now = false;
        let mut diary = Diary::new();
        diary.insert_sessions(
            MonthKey::new(2026, 11).unwrap(),
            vec![
                session("s1", "bike", 2, 2_500, Some(true)),
                session("s2", "stairs", 3, 4_000, Some(false)),
                no_now,
                session("s4", "bike", 6, 1_000_000, None),
            ],
        );
        let rows = parse(&export_csv_sessions(&diary, &activities));
        assert_eq!(rows[0], SESSION_HEADER);
        let expected: [&[&str]; 4] = [
            &[
                "2026-11-02",
                "Cykling; til arbejde",
                "2,5",
                "km",
                "4",
                "ja",
                "ja",
                "passende",
                "2026-11-02",
                "17:30",
                "+01:00",
                "2026-11-03",
                "08:15",
                "bike",
                "s1",
            ],
            &[
                "2026-11-03",
                "Trapper",
                "4",
                "trapper",
                "4",
                "ja",
                "nej",
                "tilbage næste gang",
                "2026-11-03",
                "17:30",
                "+01:00",
                "2026-11-04",
                "08:15",
                "stairs",
                "s2",
            ],
            &[
                "2026-11-05",
                "gone",
                "12,345",
                "",
                "4",
                "nej",
                "",
                "juster nu",
                "2026-11-05",
                "17:30",
                "+01:00",
                "",
                "",
                "gone",
                "s3",
            ],
            &[
                "2026-11-06",
                "Cykling; til arbejde",
                "1000",
                "km",
                "4",
                "ja",
                "",
                "venter",
                "2026-11-06",
                "17:30",
                "+01:00",
                "",
                "",
                "bike",
                "s4",
            ],
        ];
        assert_eq!(rows.len(), 5);
        for (row, want) in rows[1..].iter().zip(expected) {
            assert_eq!(row, want);
        }
        // Numbers read back with a decimal comma.
        let amounts: Vec<f64> = rows[1..]
            .iter()
            .map(|r| r[2].replace(',', ".").parse().unwrap())
            .collect();
        assert_eq!(amounts, [2.5, 4.0, 12.345, 1000.0]);
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(
            csv_file_name_checkins(d(2026, 11, 23)),
            "trinvis-indtjek-2026-11-23.csv"
        );
        assert_eq!(
            csv_file_name_sessions(d(2026, 11, 23)),
            "trinvis-sessioner-2026-11-23.csv"
        );
    }

    #[test]
    fn text_fields_are_quoted_only_when_needed() {
        let cases = [
            ("plain", "plain"),
            ("a;b", "\"a;b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r", "\"cr\r\""),
            ("-3", "'-3"),
            ("+45 1234", "'+45 1234"),
            ("@x", "'@x"),
            ("=a;b", "\"'=a;b\""),
            ("", ""),
        ];
        for (text, written) in cases {
            let mut out = String::new();
            push_text(&mut out, text);
            assert_eq!(out, written, "{text:?}");
        }
    }
}
