//! Decodes every stored-document fixture in `tests/fixtures/` (see its README): old
//! documents must keep reading the same way in every later version of the app.

use trinvis_core::diary::days;
use trinvis_core::model::{BodyArea, CheckIn, Score};
use trinvis_core::store::{
    all_data_export, decode_month, decode_settings, encode_month, encode_settings, DocError,
    Settings,
};
use trinvis_core::time::{Date, Instant, Lang, MonthKey};

const CHECKINS_V1: &str = include_str!("fixtures/checkins-v1.json");
const SETTINGS_V1: &str = include_str!("fixtures/settings-v1.json");
const CHECKINS_FUTURE: &str = include_str!("fixtures/checkins-v999-future.json");
const CHECKINS_CORRUPT: &str = include_str!("fixtures/checkins-corrupt.txt");

fn november() -> MonthKey {
    MonthKey::new(2026, 11).unwrap()
}

fn score(n: u8) -> Score {
    Score::new(n).unwrap()
}

fn areas(codes: &[&str]) -> Vec<BodyArea> {
    codes
        .iter()
        .map(|c| BodyArea::from_code(c).unwrap())
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn expected(
    id: &str,
    (day, h, m, s): (u8, u8, u8, u8),
    offset: i16,
    pain: u8,
    sleep: Option<u8>,
    stress: Option<u8>,
    room: Option<u8>,
    area_codes: &[&str],
    note: &str,
) -> CheckIn {
    CheckIn {
        id: id.to_string(),
        at: Instant::from_local(Date::new(2026, 11, day).unwrap(), h, m, s, offset).unwrap(),
        pain: score(pain),
        sleep: sleep.map(score),
        stress: stress.map(score),
        room: room.map(score),
        areas: areas(area_codes),
        note: note.to_string(),
    }
}

fn expected_v1_entries() -> Vec<CheckIn> {
    vec![
        expected(
            "a1b2",
            (2, 8, 15, 0),
            60,
            4,
            Some(6),
            Some(5),
            Some(3),
            &["lb"],
            "Stiv i lænden om morgenen, gik en tur i skoven.",
        ),
        expected("c3d4", (2, 20, 40, 0), 60, 6, None, None, None, &[], ""),
        expected(
            "e5f6",
            (5, 13, 5, 30),
            60,
            3,
            None,
            Some(7),
            None,
            &["neck", "shoulder-l", "shoulder-r"],
            "",
        ),
        expected(
            "g7h8",
            (14, 23, 30, 0),
            -300,
            5,
            Some(4),
            None,
            Some(6),
            &[],
            "På ferie i New York – flyet var hårdt for ryggen. Æbler, øl og får.",
        ),
        expected(
            "i9j0",
            (20, 9, 0, 0),
            60,
            2,
            Some(8),
            Some(2),
            Some(1),
            &["knee-l"],
            "<script>alert(1)</script> & \"citat\"",
        ),
        expected("m3n4", (21, 7, 0, 0), 60, 0, None, None, None, &[], ""),
        expected(
            "k1l2",
            (30, 23, 59, 59),
            60,
            7,
            Some(3),
            Some(8),
            Some(9),
            &["hip-r", "leg-r"],
            "Dårlig dag. Ondt i hoften efter havearbejde.",
        ),
    ]
}

#[test]
fn checkins_v1_decodes_to_the_expected_entries() {
    let entries = decode_month(november(), CHECKINS_V1).unwrap();
    assert_eq!(entries, expected_v1_entries());
}

#[test]
fn checkins_v1_entries_fall_on_their_local_days() {
    let entries = decode_month(november(), CHECKINS_V1).unwrap();
    let dates: Vec<Date> = days(&entries).iter().map(|d| d.date).collect();
    let expected: Vec<Date> = [2, 5, 14, 20, 21, 30]
        .iter()
        .map(|d| Date::new(2026, 11, *d).unwrap())
        .collect();
    // The New York entry is on the 14th locally although it was the 15th in UTC.
    assert_eq!(dates, expected);
}

#[test]
fn checkins_v1_survives_a_re_save_unchanged() {
    let entries = decode_month(november(), CHECKINS_V1).unwrap();
    let text = encode_month(november(), &entries, "0.1.0");
    assert_eq!(decode_month(november(), &text).unwrap(), entries);
    // Explicit trailing empties in the fixture are written compactly.
    assert!(text.contains(r#"["m3n4",1753200,60,0]"#), "{text}");
}

#[test]
fn checkins_v1_under_another_months_key_is_invalid() {
    let october = MonthKey::new(2026, 10).unwrap();
    assert!(matches!(
        decode_month(october, CHECKINS_V1),
        Err(DocError::Invalid { .. })
    ));
}

#[test]
fn settings_v1_decodes_to_danish() {
    let settings = decode_settings(SETTINGS_V1).unwrap();
    assert_eq!(settings, Settings::default());
    assert_eq!(settings.lang, Lang::Da);
    assert_eq!(
        decode_settings(&encode_settings(&settings)).unwrap(),
        settings
    );
}

#[test]
fn a_future_document_is_newer_not_corrupt() {
    let error = decode_month(november(), CHECKINS_FUTURE).unwrap_err();
    assert_eq!(error, DocError::NewerSchema { found: 999 });
    assert!(error.is_newer());
}

#[test]
fn a_truncated_document_is_not_json() {
    let error = decode_month(november(), CHECKINS_CORRUPT).unwrap_err();
    assert_eq!(error, DocError::NotJson);
    assert!(!error.is_newer());
}

#[test]
fn the_rescue_export_holds_every_fixture_verbatim() {
    let items: Vec<(String, String)> = [
        ("trinvis.settings", SETTINGS_V1),
        ("trinvis.checkins.2026-11", CHECKINS_V1),
        ("trinvis.checkins.2026-12", CHECKINS_FUTURE),
        (
            "trinvis.quarantine.trinvis.checkins.2026-10.1795474740",
            CHECKINS_CORRUPT,
        ),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let export: serde_json::Value = serde_json::from_str(&all_data_export(&items)).unwrap();
    for (key, text) in &items {
        assert_eq!(export["items"][key.as_str()].as_str(), Some(text.as_str()));
    }
}
