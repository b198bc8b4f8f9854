//! Browser tests of the storage module on real localStorage (headless Chromium).
#![cfg(target_arch = "wasm32")]

use trinvis::storage::{MonthLoad, StorageError, Store};
use trinvis_core::diary::Action;
use trinvis_core::model::{CheckIn, CheckInDraft, Score};
use trinvis_core::store::{self, month_key_name};
use trinvis_core::time::{Instant, MonthKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE_V1: &str = include_str!("../core/tests/fixtures/checkins-v1.json");
const FIXTURE_FUTURE: &str = include_str!("../core/tests/fixtures/checkins-v999-future.json");
const SETTINGS_V1: &str = include_str!("../core/tests/fixtures/settings-v1.json");

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
    assert_eq!(written, vec![c.clone()]);
    match s.load_month(NOV, NOW) {
        MonthLoad::Entries(e) => assert_eq!(e, vec![c]),
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
    let ids: Vec<&str> = entries.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"a1") && ids.contains(&"b1"));
}

#[wasm_bindgen_test]
fn every_fixture_version_loads() {
    let s = fresh();
    let month = month_of_fixture(FIXTURE_V1);
    ls().set_item(&month_key_name(month), FIXTURE_V1).unwrap();
    match s.load_month(month, NOW) {
        MonthLoad::Entries(e) => assert!(!e.is_empty()),
        other => panic!("v1 fixture should load, got {other:?}"),
    }
    ls().set_item(store::SETTINGS_KEY, SETTINGS_V1).unwrap();
    let (_, outcome) = s.load_settings(NOW);
    assert!(matches!(outcome, MonthLoad::Entries(_)), "{outcome:?}");
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
    assert_eq!(entries.len(), 1);
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
