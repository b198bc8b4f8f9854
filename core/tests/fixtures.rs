//! Decodes every stored-document fixture in `tests/fixtures/` (see its README): old
//! documents must keep reading the same way in every later version of the app.

use trinvis_core::coach::{Activity, OkayLater, PlanB, Session, Unit, Verdict};
use trinvis_core::diary::days;
use trinvis_core::model::{BodyArea, CheckIn, Score};
use trinvis_core::store::{
    all_data_export, decode_activities, decode_month, decode_settings, encode_activities,
    encode_month, encode_settings, DocError, Settings, SCHEMA_VERSION,
};
use trinvis_core::testkit::{at_offset, milli};
use trinvis_core::time::{Date, Instant, Lang, MonthKey};

const CHECKINS_V1: &str = include_str!("fixtures/checkins-v1.json");
const SETTINGS_V1: &str = include_str!("fixtures/settings-v1.json");
const CHECKINS_V2: &str = include_str!("fixtures/checkins-v2.json");
const SETTINGS_V2: &str = include_str!("fixtures/settings-v2.json");
const ACTIVITIES_V2: &str = include_str!("fixtures/activities-v2.json");
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
    let entries = decode_month(november(), CHECKINS_V1).unwrap().checkins;
    assert_eq!(entries, expected_v1_entries());
}

#[test]
fn checkins_v1_entries_fall_on_their_local_days() {
    let entries = decode_month(november(), CHECKINS_V1).unwrap().checkins;
    let dates: Vec<Date> = days(&entries).iter().map(|d| d.date).collect();
    let expected: Vec<Date> = [2, 5, 14, 20, 21, 30]
        .iter()
        .map(|d| Date::new(2026, 11, *d).unwrap())
        .collect();
    // The New York entry is on the 14th locally although it was the 15th in UTC.
    assert_eq!(dates, expected);
}

#[test]
fn checkins_v1_migrates_to_a_month_without_sessions() {
    let doc = decode_month(november(), CHECKINS_V1).unwrap();
    assert!(doc.sessions.is_empty());
    assert_eq!(doc.checkins.len(), 7);
}

#[test]
fn checkins_v1_survives_a_re_save_as_v2_unchanged() {
    let doc = decode_month(november(), CHECKINS_V1).unwrap();
    let text = encode_month(november(), &doc, "0.1.0");
    assert!(
        text.starts_with(&format!(
            r#"{{"kind":"trinvis.checkins","schema_version":{SCHEMA_VERSION},"#
        )),
        "{text}"
    );
    assert!(text.ends_with(r#","sessions":[]}"#), "{text}");
    assert_eq!(decode_month(november(), &text).unwrap(), doc);
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

fn nov(day: u8) -> Date {
    Date::new(2026, 11, day).unwrap()
}

fn at(date: Date, (h, m): (u8, u8), offset: i16) -> Instant {
    at_offset(date, h, m, offset)
}

#[allow(clippy::too_many_arguments)]
fn session(
    id: &str,
    activity: &str,
    day: u8,
    logged: (Date, (u8, u8), i16),
    amount: u32,
    pain: u8,
    okay_now: bool,
    later: Option<(bool, Date, (u8, u8))>,
) -> Session {
    Session {
        plan_b: false,
        id: id.into(),
        activity_id: activity.into(),
        at: at(logged.0, logged.1, logged.2),
        for_date: nov(day),
        amount: milli(amount),
        pain_during: score(pain),
        okay_now,
        okay_later: later.map(|(answer, date, hm)| OkayLater {
            answer,
            answered_at: at(date, hm, 60),
        }),
    }
}

fn expected_v2_sessions() -> Vec<Session> {
    vec![
        session(
            "s1a2",
            "walk",
            2,
            (nov(2), (17, 30), 60),
            10_000,
            3,
            true,
            Some((true, nov(3), (8, 10))),
        ),
        session(
            "s1a3",
            "squat",
            2,
            (nov(2), (19, 0), 60),
            8_000,
            2,
            true,
            Some((true, nov(3), (8, 10))),
        ),
        session(
            "s3b4",
            "bike",
            4,
            (nov(4), (18, 0), 60),
            2_500,
            4,
            true,
            Some((false, nov(5), (8, 30))),
        ),
        // Logged in New York; "no" to okay now, so no later answer (explicit nulls).
        session(
            "s5c6",
            "squat",
            14,
            (nov(14), (12, 0), -300),
            8_000,
            6,
            false,
            None,
        ),
        // Logged the next morning, "for yesterday".
        session(
            "s7d8",
            "walk",
            21,
            (nov(22), (9, 15), 60),
            11_000,
            2,
            true,
            Some((true, nov(22), (21, 30))),
        ),
        // Waiting for "okay later?".
        session(
            "u1f2",
            "stairs",
            30,
            (nov(30), (16, 0), 60),
            4_000,
            5,
            true,
            None,
        ),
        // For the 30th, logged on December 1st: still November's document.
        session(
            "t9e0",
            "walk",
            30,
            (Date::new(2026, 12, 1).unwrap(), (0, 20), 60),
            11_000,
            3,
            true,
            None,
        ),
    ]
}

#[test]
fn checkins_v2_decodes_to_the_expected_entries_and_sessions() {
    let doc = decode_month(november(), CHECKINS_V2).unwrap();
    let ids: Vec<&str> = doc.checkins.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a1b2", "c3d4", "g7h8", "k1l2"]);
    assert_eq!(
        doc.checkins[2],
        expected(
            "g7h8",
            (14, 23, 30, 0),
            -300,
            5,
            Some(4),
            None,
            Some(6),
            &[],
            "New York – æøå <b>fed</b> & \"citat\"",
        )
    );
    assert_eq!(doc.sessions, expected_v2_sessions());
    let verdicts: Vec<Verdict> = doc.sessions.iter().map(Session::verdict).collect();
    assert_eq!(
        verdicts,
        [
            Verdict::Green,
            Verdict::Green,
            Verdict::BackOff,
            Verdict::AdjustNow,
            Verdict::Green,
            Verdict::Pending,
            Verdict::Pending
        ]
    );
}

#[test]
fn checkins_v2_survives_a_re_save_unchanged() {
    let doc = decode_month(november(), CHECKINS_V2).unwrap();
    let text = encode_month(november(), &doc, "0.2.0");
    assert_eq!(decode_month(november(), &text).unwrap(), doc);
    // Pending sessions and explicit trailing nulls are written compactly.
    assert!(
        text.contains(r#"["s5c6","squat",14,1166400,-300,8000,6,0]"#),
        "{text}"
    );
    assert!(
        text.contains(r#"["t9e0","walk",30,2593200,60,11000,3,1]"#),
        "{text}"
    );
    let compact: serde_json::Value = serde_json::from_str(CHECKINS_V2).unwrap();
    let again: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(again["entries"], compact["entries"]);
}

#[test]
fn checkins_v2_under_another_months_key_is_invalid() {
    let december = MonthKey::new(2026, 12).unwrap();
    assert!(matches!(
        decode_month(december, CHECKINS_V2),
        Err(DocError::Invalid { .. })
    ));
}

#[test]
fn a_check_in_save_keeps_the_sessions_of_a_v2_month() {
    use trinvis_core::diary::{apply_to_month, Action};
    let mut doc = decode_month(november(), CHECKINS_V2).unwrap();
    apply_to_month(
        &mut doc,
        &Action::Delete {
            id: "c3d4".into(),
            month: november(),
        },
    )
    .unwrap();
    let text = encode_month(november(), &doc, "0.2.0");
    let read = decode_month(november(), &text).unwrap();
    assert_eq!(read.checkins.len(), 3);
    assert_eq!(read.sessions, expected_v2_sessions());
}

fn expected_v2_activities() -> Vec<Activity> {
    let base = |id: &str, name: &str, unit: Unit, baseline: u32, per_week: u8| Activity {
        id: id.into(),
        name: name.into(),
        unit,
        baseline: milli(baseline),
        per_week,
        goal: None,
        plan_b: PlanB::Fraction,
        custom_step: None,
        archived: false,
        created: Instant::new(1_793_530_800, 60).unwrap(),
    };
    vec![
        Activity {
            goal: Some(milli(20_000)),
            archived: true,
            created: Instant::new(1_788_246_000, 120).unwrap(),
            ..base("squat", "Knæbøjninger", Unit::Repetitions, 8_000, 3)
        },
        Activity {
            plan_b: PlanB::Easier {
                name: "Gå en tur".into(),
                amount: milli(10_000),
                unit: Unit::Minutes,
            },
            custom_step: Some(milli(500)),
            created: Instant::new(1_792_513_800, 120).unwrap(),
            ..base("bike", "Cykling til arbejde", Unit::Km, 2_500, 3)
        },
        Activity {
            goal: Some(milli(30_000)),
            ..base("walk", "Gåtur", Unit::Minutes, 10_000, 5)
        },
        base(
            "stairs",
            "Trapper på arbejdet",
            Unit::Custom("trapper".into()),
            4_000,
            5,
        ),
    ]
}

#[test]
fn activities_v2_decodes_to_the_expected_activities() {
    let doc = decode_activities(ACTIVITIES_V2).unwrap();
    assert_eq!(doc.activities, expected_v2_activities());
    assert!(doc.extra.is_empty() && doc.activity_extra.is_empty());
    let again = decode_activities(&encode_activities(&doc, "0.2.0")).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn settings_v2_decodes_to_english() {
    let settings = decode_settings(SETTINGS_V2).unwrap();
    assert_eq!(settings.lang, Lang::En);
    assert!(settings.extra.is_empty());
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
        ("trinvis.activities", ACTIVITIES_V2),
        ("trinvis.checkins.2026-10", CHECKINS_V1),
        ("trinvis.checkins.2026-11", CHECKINS_V2),
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

// --- goals and reviews (schema 2, the first version of both) ---------------------------

const GOALS_V2: &str = include_str!("fixtures/goals-v2.json");
const REVIEWS_V2: &str = include_str!("fixtures/reviews-v2.json");

#[test]
fn goals_v2_decodes_to_an_active_a_dropped_and_a_reached_goal() {
    use trinvis_core::progress::{decode_goals, encode_goals, GoalStatus};
    let doc = decode_goals(GOALS_V2).unwrap();
    let ids: Vec<&str> = doc.goals.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["g1", "g0", "g2"], "in the order they were added");
    let g1 = &doc.goals[0];
    assert_eq!(g1.activity_id, "walk");
    assert_eq!(g1.target, milli(30_000));
    assert_eq!(g1.confidence, 8);
    assert_eq!(g1.due, Date::new(2027, 2, 1).unwrap());
    assert_eq!(g1.status, GoalStatus::Active);
    assert_eq!(doc.goals[0].situation, "Gå til bageren med børnebørnene");
    assert_eq!(
        doc.goals[1].why,
        "Jeg vil kunne besøge min søster <b>selv</b>"
    );
    assert_eq!(
        doc.goals[1].status,
        GoalStatus::Dropped(Date::new(2026, 11, 2).unwrap())
    );
    assert_eq!(
        doc.goals[2].status,
        GoalStatus::Reached(Date::new(2026, 11, 28).unwrap())
    );
    assert_eq!(
        doc.goal_extra.get("g2").expect("g2 kept")["påmindelse"],
        "søndag"
    );
    assert_eq!(doc.extra["sortering"], "nyeste");
    assert_eq!(decode_goals(&encode_goals(&doc, "9.9.9")).unwrap(), doc);
}

#[test]
fn reviews_v2_decodes_to_six_weeks_one_skipped() {
    use trinvis_core::progress::{decode_reviews, encode_reviews, Answer, Face};
    let doc = decode_reviews(REVIEWS_V2).unwrap();
    assert_eq!(doc.reviews.len(), 6);
    assert_eq!(doc.reviews[0].week, Date::new(2026, 10, 26).unwrap());
    assert!(doc.reviews[1].is_skipped());
    assert_eq!(doc.reviews[0].answer(Face::ALL[0]), Some(Answer::Better));
    assert_eq!(doc.reviews[0].answer(Face::ALL[3]), None);
    assert_eq!(doc.reviews[4].answer(Face::ALL[1]), Some(Answer::Same));
    assert_eq!(doc.reviews.iter().filter(|r| !r.is_skipped()).count(), 5);
    assert_eq!(doc.extra["fremtid"], 1);
    assert_eq!(decode_reviews(&encode_reviews(&doc, "9.9.9")).unwrap(), doc);
}

#[test]
fn every_fixture_of_a_registered_kind_is_read_by_the_register() {
    use trinvis_core::doc::{Doc, DocKey, DocKind};
    let month = MonthKey::new(2026, 11).unwrap();
    let fixtures = [
        (DocKey::Settings, SETTINGS_V1),
        (DocKey::Settings, SETTINGS_V2),
        (DocKey::Activities, ACTIVITIES_V2),
        (DocKey::Month(month), CHECKINS_V1),
        (DocKey::Month(month), CHECKINS_V2),
        (DocKey::Profile, include_str!("fixtures/profile-v1.json")),
        (DocKey::Goals, GOALS_V2),
        (DocKey::Reviews, REVIEWS_V2),
    ];
    for kind in DocKind::ALL {
        assert!(
            fixtures.iter().any(|(k, _)| k.kind() == kind),
            "{kind:?} has no fixture"
        );
    }
    for (key, text) in fixtures {
        let doc = Doc::decode(key, text).unwrap();
        let again = Doc::decode(key, &doc.encode("9.9.9")).unwrap();
        assert_eq!(again, doc, "{key:?}");
    }
}
