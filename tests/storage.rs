//! Browser tests of the storage module on real localStorage (headless Chromium).
#![cfg(target_arch = "wasm32")]

use trinvis::storage::{MonthLoad, StorageError, Store};
use trinvis_core::coach::{answer_okay_later, Activity, Amount, PlanB, Session, Unit};
use trinvis_core::diary::Action;
use trinvis_core::doc::Write;
use trinvis_core::model::{CheckIn, CheckInDraft, Score};
use trinvis_core::store::{self, month_key_name, ActivityAction, SCHEMA_VERSION};
use trinvis_core::time::{Date, Instant, MonthKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE_V1: &str = include_str!("../core/tests/fixtures/checkins-v1.json");
const FIXTURE_FUTURE: &str = include_str!("../core/tests/fixtures/checkins-v999-future.json");
const SETTINGS_V1: &str = include_str!("../core/tests/fixtures/settings-v1.json");
const FIXTURE_V2: &str = include_str!("../core/tests/fixtures/checkins-v2.json");
const SETTINGS_V2: &str = include_str!("../core/tests/fixtures/settings-v2.json");
const ACTIVITIES_V2: &str = include_str!("../core/tests/fixtures/activities-v2.json");

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() -> Store {
    ls().clear().unwrap();
    Store::open().expect("localStorage is available in the test browser")
}

fn month_of_fixture(text: &str) -> MonthKey {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    MonthKey::parse(v["month"].as_str().unwrap()).unwrap()
}

/// 2026-11-23 12:00 UTC, in Copenhagen winter time.
fn check_in(id: &str, pain: u8) -> CheckIn {
    let draft = CheckInDraft {
        pain: Some(Score::new(pain).unwrap()),
        note: "Gik en tur <b>i parken</b>".into(),
        ..CheckInDraft::default()
    };
    draft
        .validate()
        .unwrap()
        .into_check_in(id.into(), Instant::new(1_795_435_200, 60).unwrap())
}

const NOV: MonthKey = MonthKey {
    year: 2026,
    month: 11,
};
const NOW: i64 = 1_795_500_000;

#[wasm_bindgen_test]
fn a_saved_check_in_reads_back_the_same() {
    let s = fresh();
    let c = check_in("a1", 4);
    let (written, q) = s.save(NOV, &Action::Add(c.clone()), NOW).unwrap();
    assert_eq!(q, None);
    assert_eq!(written.checkins, vec![c.clone()]);
    assert!(written.sessions.is_empty());
    match s.load_month(NOV, NOW) {
        MonthLoad::Entries(e) => assert_eq!(e.checkins, vec![c]),
        other => panic!("expected entries, got {other:?}"),
    }
    assert_eq!(s.months(), vec![NOV]);
}

#[wasm_bindgen_test]
fn a_save_writes_only_its_own_month() {
    let s = fresh();
    ls().set_item("trinvis.checkins.2016-01", "untouched")
        .unwrap();
    s.save(NOV, &Action::Add(check_in("a1", 4)), NOW).unwrap();
    assert_eq!(
        ls().get_item("trinvis.checkins.2016-01")
            .unwrap()
            .as_deref(),
        Some("untouched")
    );
}

#[wasm_bindgen_test]
fn a_second_tab_entry_in_the_same_month_is_kept() {
    // Tab A saved "a1"; tab B, which never loaded it, saves "b1": both survive because a
    // save applies its action to the month as stored now.
    let s = fresh();
    s.save(NOV, &Action::Add(check_in("a1", 4)), NOW).unwrap();
    let (entries, _) = s.save(NOV, &Action::Add(check_in("b1", 6)), NOW).unwrap();
    let ids: Vec<&str> = entries.checkins.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"a1") && ids.contains(&"b1"));
}

#[wasm_bindgen_test]
fn every_fixture_version_loads() {
    let s = fresh();
    let month = month_of_fixture(FIXTURE_V1);
    ls().set_item(&month_key_name(month), FIXTURE_V1).unwrap();
    match s.load_month(month, NOW) {
        MonthLoad::Entries(e) => assert!(!e.checkins.is_empty() && e.sessions.is_empty()),
        other => panic!("v1 fixture should load, got {other:?}"),
    }
    ls().set_item(&month_key_name(month), FIXTURE_V2).unwrap();
    match s.load_month(month, NOW) {
        MonthLoad::Entries(e) => assert!(!e.checkins.is_empty() && !e.sessions.is_empty()),
        other => panic!("v2 fixture should load, got {other:?}"),
    }
    for settings in [SETTINGS_V1, SETTINGS_V2] {
        ls().set_item(store::SETTINGS_KEY, settings).unwrap();
        let (_, outcome) = s.load_settings(NOW);
        assert!(matches!(outcome, MonthLoad::Entries(_)), "{outcome:?}");
    }
    ls().set_item(store::ACTIVITIES_KEY, ACTIVITIES_V2).unwrap();
    let (doc, outcome) = s.load_activities(NOW);
    assert!(matches!(outcome, MonthLoad::Entries(_)), "{outcome:?}");
    assert_eq!(doc.activities.len(), 4);
}

fn stored_json(key: &str) -> serde_json::Value {
    serde_json::from_str(&ls().get_item(key).unwrap().unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn a_v1_month_loads_and_a_save_writes_it_as_v2_with_its_check_ins_intact() {
    let s = fresh();
    let month = month_of_fixture(FIXTURE_V1);
    let key = month_key_name(month);
    ls().set_item(&key, FIXTURE_V1).unwrap();
    let MonthLoad::Entries(before) = s.load_month(month, NOW) else {
        panic!("the v1 fixture loads");
    };
    assert_eq!(before.checkins.len(), 7);
    assert_eq!(
        stored_json(&key)["schema_version"],
        1,
        "loading does not rewrite"
    );
    let c = check_in("new1", 5);
    let (written, q) = s.save(month, &Action::Add(c.clone()), NOW).unwrap();
    assert_eq!(q, None);
    let stored = stored_json(&key);
    assert_eq!(stored["schema_version"], SCHEMA_VERSION);
    assert_eq!(stored["sessions"], serde_json::json!([]));
    assert_eq!(written.checkins.len(), 8);
    for old in &before.checkins {
        assert!(written.checkins.contains(old), "{}", old.id);
    }
    let MonthLoad::Entries(after) = s.load_month(month, NOW) else {
        panic!("the v2 month loads");
    };
    assert_eq!(after, written);
}

fn walking() -> Activity {
    Activity {
        id: "walk".into(),
        name: "Gåtur".into(),
        unit: Unit::Minutes,
        baseline: Amount::from_units(10).unwrap(),
        per_week: 5,
        goal: Some(Amount::from_units(30).unwrap()),
        plan_b: PlanB::Fraction,
        custom_step: None,
        archived: false,
        created: Instant::new(1_795_400_000, 60).unwrap(),
    }
}

/// A walk on 2026-11-23 at 17:00 Copenhagen time, waiting for "okay later?".
fn walk_session(id: &str) -> Session {
    Session {
        id: id.into(),
        activity_id: "walk".into(),
        at: Instant::new(1_795_449_600, 60).unwrap(),
        for_date: Date::new(2026, 11, 23).unwrap(),
        amount: Amount::from_units(10).unwrap(),
        pain_during: Score::new(3).unwrap(),
        okay_now: true,
        okay_later: None,
        plan_b: false,
    }
}

#[wasm_bindgen_test]
fn a_check_in_save_keeps_the_months_sessions_and_a_session_save_its_check_ins() {
    let s = fresh();
    let month = month_of_fixture(FIXTURE_V2);
    ls().set_item(&month_key_name(month), FIXTURE_V2).unwrap();
    let MonthLoad::Entries(before) = s.load_month(month, NOW) else {
        panic!("the v2 fixture loads");
    };
    assert_eq!(before.sessions.len(), 7);
    let (written, _) = s.save(month, &Action::Add(check_in("n1", 2)), NOW).unwrap();
    assert_eq!(written.sessions, before.sessions);
    let (written, _) = s
        .save(
            month,
            &Action::Delete {
                id: "c3d4".into(),
                month,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(written.sessions, before.sessions);
    // Log a session, then answer "okay later?": the check-ins stay.
    let logged = walk_session("w1");
    let (written, _) = s
        .save(month, &Action::AddSession(logged.clone()), NOW)
        .unwrap();
    assert_eq!(written.sessions.len(), 8);
    let morning = Instant::new(1_795_507_200, 60).unwrap(); // 24th, 09:00
    let answered = answer_okay_later(&logged, true, morning).unwrap();
    let (written, _) = s
        .save(month, &Action::UpdateSession(answered.clone()), NOW)
        .unwrap();
    assert_eq!(written.checkins.len(), before.checkins.len());
    let MonthLoad::Entries(after) = s.load_month(month, NOW) else {
        panic!("the month loads");
    };
    assert!(after.sessions.contains(&answered));
    assert_eq!(after, written);
}

#[wasm_bindgen_test]
fn a_plan_b_session_is_stored_marked_and_an_answer_keeps_the_mark() {
    let s = fresh();
    let mut b = walk_session("b1");
    b.plan_b = true;
    s.save(NOV, &Action::AddSession(b.clone()), NOW).unwrap();
    s.save(NOV, &Action::AddSession(walk_session("w1")), NOW)
        .unwrap();
    let raw = ls().get_item(&month_key_name(NOV)).unwrap().unwrap();
    assert!(raw.contains("\"plan_b\":[\"b1\"]"), "{raw}");
    let morning = Instant::new(1_795_507_200, 60).unwrap();
    let answered = answer_okay_later(&b, true, morning).unwrap();
    s.save(NOV, &Action::UpdateSession(answered), NOW).unwrap();
    let MonthLoad::Entries(after) = s.load_month(NOV, NOW) else {
        panic!("the month loads");
    };
    let marked: Vec<(&str, bool)> = after
        .sessions
        .iter()
        .map(|x| (x.id.as_str(), x.plan_b))
        .collect();
    assert_eq!(marked, [("b1", true), ("w1", false)]);
}

#[wasm_bindgen_test]
fn a_month_with_only_sessions_keeps_its_key_until_both_are_gone() {
    let s = fresh();
    s.save(NOV, &Action::AddSession(walk_session("w1")), NOW)
        .unwrap();
    assert_eq!(s.months(), vec![NOV]);
    s.save(
        NOV,
        &Action::DeleteSession {
            id: "w1".into(),
            month: NOV,
        },
        NOW,
    )
    .unwrap();
    assert!(s.months().is_empty());
    assert_eq!(ls().get_item(&month_key_name(NOV)).unwrap(), None);
}

#[wasm_bindgen_test]
fn activities_round_trip_and_keep_unknown_fields() {
    let s = fresh();
    let (empty, outcome) = s.load_activities(NOW);
    assert!(empty.activities.is_empty());
    assert!(matches!(outcome, MonthLoad::Entries(_)));
    let (doc, q) = s
        .save_activities(&ActivityAction::Add(walking()), NOW)
        .unwrap();
    assert_eq!(q, None);
    assert_eq!(doc.activities, vec![walking()]);
    assert_eq!(
        s.save_activities(&ActivityAction::Add(walking()), NOW),
        Err(StorageError::Conflict)
    );
    // A newer minor version added a field: an edit here keeps it.
    let mut stored = stored_json(store::ACTIVITIES_KEY);
    stored["activities"][0]["colour"] = serde_json::json!("green");
    ls().set_item(store::ACTIVITIES_KEY, &stored.to_string())
        .unwrap();
    let mut archived = walking();
    archived.archived = true;
    s.save_activities(&ActivityAction::Update(archived.clone()), NOW)
        .unwrap();
    let (loaded, _) = s.load_activities(NOW);
    assert_eq!(loaded.activities, vec![archived]);
    assert_eq!(
        stored_json(store::ACTIVITIES_KEY)["activities"][0]["colour"],
        "green"
    );
    assert_eq!(
        stored_json(store::ACTIVITIES_KEY)["schema_version"],
        SCHEMA_VERSION
    );
}

#[wasm_bindgen_test]
fn a_newer_activities_document_is_never_written_over() {
    let s = fresh();
    let future = r#"{"kind":"trinvis.activities","schema_version":999,"activities":"new"}"#;
    ls().set_item(store::ACTIVITIES_KEY, future).unwrap();
    let (doc, outcome) = s.load_activities(NOW);
    assert!(matches!(outcome, MonthLoad::Newer), "{outcome:?}");
    assert!(doc.activities.is_empty());
    assert_eq!(
        s.save_activities(&ActivityAction::Add(walking()), NOW),
        Err(StorageError::NewerSchema)
    );
    assert_eq!(
        ls().get_item(store::ACTIVITIES_KEY).unwrap().as_deref(),
        Some(future)
    );
    assert!(s.quarantine_keys().is_empty());
}

#[wasm_bindgen_test]
fn an_unreadable_activities_document_is_quarantined_before_a_save() {
    let s = fresh();
    ls().set_item(store::ACTIVITIES_KEY, "{broken").unwrap();
    let (doc, q) = s
        .save_activities(&ActivityAction::Add(walking()), NOW)
        .unwrap();
    assert_eq!(doc.activities, vec![walking()]);
    let q = q.expect("moved aside first");
    assert_eq!(ls().get_item(&q).unwrap().as_deref(), Some("{broken"));
    ls().set_item(store::ACTIVITIES_KEY, "also broken").unwrap();
    match s.load_activities(NOW + 1) {
        (_, MonthLoad::Quarantined(q2)) => {
            assert_eq!(ls().get_item(&q2).unwrap().as_deref(), Some("also broken"))
        }
        other => panic!("expected quarantine, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn unreadable_text_is_moved_to_quarantine_and_kept_exactly() {
    let s = fresh();
    let key = month_key_name(NOV);
    let raw = "{\"kind\":\"trinvis.checkins\",\"schema_version\":1,\"month\":\"2026-11\",\"entr";
    ls().set_item(&key, raw).unwrap();
    let q = match s.load_month(NOV, NOW) {
        MonthLoad::Quarantined(q) => q,
        other => panic!("expected quarantine, got {other:?}"),
    };
    assert!(q.starts_with(store::QUARANTINE_PREFIX));
    assert_eq!(ls().get_item(&q).unwrap().as_deref(), Some(raw));
    assert_eq!(ls().get_item(&key).unwrap(), None);
    assert_eq!(s.quarantine_keys(), vec![q.clone()]);
    // New check-ins go on; the quarantined text stays.
    s.save(NOV, &Action::Add(check_in("a1", 3)), NOW).unwrap();
    assert_eq!(ls().get_item(&q).unwrap().as_deref(), Some(raw));
}

#[wasm_bindgen_test]
fn a_save_over_unreadable_text_moves_it_aside_first() {
    let s = fresh();
    let key = month_key_name(NOV);
    ls().set_item(&key, "garbage").unwrap();
    let (entries, q) = s.save(NOV, &Action::Add(check_in("a1", 3)), NOW).unwrap();
    assert_eq!(entries.checkins.len(), 1);
    let q = q.expect("the unreadable text was quarantined");
    assert_eq!(ls().get_item(&q).unwrap().as_deref(), Some("garbage"));
}

#[wasm_bindgen_test]
fn data_of_a_newer_version_is_never_written_over() {
    let s = fresh();
    let month = month_of_fixture(FIXTURE_FUTURE);
    let key = month_key_name(month);
    ls().set_item(&key, FIXTURE_FUTURE).unwrap();
    assert!(matches!(s.load_month(month, NOW), MonthLoad::Newer));
    let r = s.save(
        month,
        &Action::Delete {
            id: "x".into(),
            month,
        },
        NOW,
    );
    assert_eq!(r.unwrap_err(), StorageError::NewerSchema);
    assert_eq!(
        ls().get_item(&key).unwrap().as_deref(),
        Some(FIXTURE_FUTURE)
    );
    assert!(s.quarantine_keys().is_empty());
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_changes_nothing() {
    let s = fresh();
    s.save(NOV, &Action::Add(check_in("a1", 4)), NOW).unwrap();
    let before = ls().get_item(&month_key_name(NOV)).unwrap();
    // Fill the quota with big, then smaller, blocks until even a small write fails.
    let mut n = 0;
    let mut block = "x".repeat(1 << 20);
    while block.len() >= 16 {
        if ls().set_item(&format!("fill.{n}"), &block).is_ok() {
            n += 1;
        } else {
            block.truncate(block.len() / 2);
        }
    }
    let r = s.save(NOV, &Action::Add(check_in("b1", 5)), NOW);
    for i in 0..n {
        ls().remove_item(&format!("fill.{i}")).unwrap();
    }
    assert_eq!(r.unwrap_err(), StorageError::QuotaExceeded);
    assert_eq!(ls().get_item(&month_key_name(NOV)).unwrap(), before);
}

#[wasm_bindgen_test]
fn deleting_the_last_entry_removes_the_month_key() {
    let s = fresh();
    s.save(NOV, &Action::Add(check_in("a1", 4)), NOW).unwrap();
    s.save(
        NOV,
        &Action::Delete {
            id: "a1".into(),
            month: NOV,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(ls().get_item(&month_key_name(NOV)).unwrap(), None);
    assert!(s.months().is_empty());
}

#[wasm_bindgen_test]
fn the_rescue_file_holds_every_raw_text() {
    let s = fresh();
    ls().set_item("trinvis.quarantine.x.1", "{broken").unwrap();
    ls().set_item("other.app", "not ours").unwrap();
    let items = s.all_raw();
    assert_eq!(
        items,
        vec![("trinvis.quarantine.x.1".to_string(), "{broken".to_string())]
    );
}

const PROFILE_V1: &str = include_str!("../core/tests/fixtures/profile-v1.json");

#[wasm_bindgen_test]
fn the_profile_loads_changes_and_keeps_its_unknown_fields() {
    use trinvis_core::safety::{decode_profile, encode_profile, PROFILE_KEY};
    let s = fresh();
    ls().set_item(PROFILE_KEY, PROFILE_V1).unwrap();
    let (p, outcome) = s.load_doc(PROFILE_KEY, decode_profile, NOW);
    assert!(matches!(outcome, MonthLoad::Entries(_)));
    assert!(p.first_visit_done);
    let written = s
        .update_doc(
            PROFILE_KEY,
            decode_profile,
            encode_profile,
            |p| p.first_visit_done = false,
            NOW,
        )
        .unwrap();
    assert!(!written.first_visit_done);
    let raw = ls().get_item(PROFILE_KEY).unwrap().unwrap();
    assert!(raw.contains("påmindelse"), "unknown field kept: {raw}");
}

#[wasm_bindgen_test]
fn an_unreadable_profile_is_quarantined_and_a_newer_one_never_written_over() {
    use trinvis_core::safety::{decode_profile, encode_profile, PROFILE_KEY};
    let s = fresh();
    ls().set_item(PROFILE_KEY, "{\"kind\":\"trinvis.pro")
        .unwrap();
    let (_, outcome) = s.load_doc(PROFILE_KEY, decode_profile, NOW);
    let MonthLoad::Quarantined(q) = outcome else {
        panic!("expected quarantine, got {outcome:?}");
    };
    assert_eq!(
        ls().get_item(&q).unwrap().as_deref(),
        Some("{\"kind\":\"trinvis.pro")
    );
    let newer = PROFILE_V1.replace("\"schema_version\":1", "\"schema_version\":99");
    ls().set_item(PROFILE_KEY, &newer).unwrap();
    let r = s.update_doc(
        PROFILE_KEY,
        decode_profile,
        encode_profile,
        |p| p.first_visit_done = false,
        NOW,
    );
    assert_eq!(r.err(), Some(StorageError::NewerSchema));
    assert_eq!(
        ls().get_item(PROFILE_KEY).unwrap().as_deref(),
        Some(newer.as_str())
    );
}

fn put(key: &str, text: &str) -> Write {
    Write::Put {
        key: key.into(),
        text: text.into(),
    }
}

fn remove(key: &str) -> Write {
    Write::Remove { key: key.into() }
}

#[wasm_bindgen_test]
fn a_list_of_writes_is_carried_out_whole_and_in_order() {
    let s = fresh();
    ls().set_item("trinvis.a", "old-a").unwrap();
    ls().set_item("trinvis.r", "r").unwrap();
    // The quarantine copy first, then the removal, then the writes (as an import plans).
    let writes = [
        put("trinvis.quarantine.trinvis.a.1", "old-a"),
        remove("trinvis.r"),
        put("trinvis.a", "new-a"),
        put("trinvis.b", "b"),
    ];
    s.apply_writes(&writes).unwrap();
    assert_eq!(
        ls().get_item("trinvis.a").unwrap().as_deref(),
        Some("new-a")
    );
    assert_eq!(
        ls().get_item("trinvis.quarantine.trinvis.a.1")
            .unwrap()
            .as_deref(),
        Some("old-a")
    );
    assert_eq!(ls().get_item("trinvis.b").unwrap().as_deref(), Some("b"));
    assert_eq!(ls().get_item("trinvis.r").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_failed_import_puts_every_key_back() {
    let s = fresh();
    ls().set_item("trinvis.a", "old-a").unwrap();
    ls().set_item("trinvis.r", "r").unwrap();
    // Fill the quota so that a large write fails while small ones still fit.
    let mut n = 0;
    let mut block = "x".repeat(1 << 20);
    while block.len() >= 4096 {
        if ls().set_item(&format!("fill.{n}"), &block).is_ok() {
            n += 1;
        } else {
            block.truncate(block.len() / 2);
        }
    }
    let big = "y".repeat(1 << 16);
    let writes = [
        put("trinvis.quarantine.trinvis.a.1", "old-a"),
        remove("trinvis.r"),
        put("trinvis.a", "new-a"),
        put("trinvis.b", &big),
    ];
    let r = s.apply_writes(&writes);
    for i in 0..n {
        ls().remove_item(&format!("fill.{i}")).unwrap();
    }
    assert_eq!(r.unwrap_err(), StorageError::QuotaExceeded);
    assert_eq!(
        ls().get_item("trinvis.a").unwrap().as_deref(),
        Some("old-a")
    );
    assert_eq!(ls().get_item("trinvis.r").unwrap().as_deref(), Some("r"));
    assert_eq!(ls().get_item("trinvis.b").unwrap(), None);
    assert_eq!(
        ls().get_item("trinvis.quarantine.trinvis.a.1").unwrap(),
        None,
        "all or nothing: the quarantine copy goes too"
    );
}
