//! Moving a diary to a new phone: a diary with every registered document kind is backed
//! up, then imported into an empty device ("Erstat") and into a device with a diary of
//! its own ("Flet"). Every document must come through (issue 11: the goals, the reviews,
//! the conditions and the warning-sign record were lost).

use proptest::prelude::*;
use std::collections::BTreeMap;
use trinvis_core::doc::{classify_key, Doc, DocKey, DocKind, KeyKind, Write};
use trinvis_core::safety::{Condition, WarningSign};
use trinvis_core::testkit::{cph, d, every_kind_items, profile};
use trinvis_core::time::{Date, Instant};
use trinvis_core::transfer::{
    backup_file, export_backup, parse_backup, plan_import, ImportPlan, Mode, LEGACY_MISSING,
};

fn today() -> Date {
    d(2026, 12, 5)
}

fn now() -> Instant {
    cph(today(), 14)
}

const NOW_SECS: i64 = 1_796_000_000;

/// Every document of storage items, decoded, by key.
fn decoded(items: &[(String, String)]) -> BTreeMap<DocKey, Doc> {
    items
        .iter()
        .filter_map(|(key, text)| match classify_key(key) {
            KeyKind::Doc(k) => Some((k, Doc::decode(k, text).unwrap())),
            _ => None,
        })
        .collect()
}

/// `items` after carrying out `plan`.
fn apply(items: &[(String, String)], plan: &ImportPlan) -> Vec<(String, String)> {
    let mut map: BTreeMap<String, String> = items.iter().cloned().collect();
    for w in plan.writes() {
        match w {
            Write::Put { key, text } => map.insert(key, text),
            Write::Remove { key } => map.remove(&key),
        };
    }
    map.into_iter().collect()
}

/// The ids (a review: its week) of the records of a document.
fn record_ids(doc: &Doc) -> Vec<String> {
    match doc {
        Doc::Settings(_) => vec!["settings".into()],
        Doc::Activities(d) => d.activities.iter().map(|a| a.id.clone()).collect(),
        Doc::Month(_, d) => d
            .checkins
            .iter()
            .map(|c| format!("c:{}", c.id))
            .chain(d.sessions.iter().map(|s| format!("s:{}", s.id)))
            .collect(),
        Doc::Profile(p) => p
            .conditions
            .iter()
            .map(|c| c.id().to_string())
            .chain(p.check.ever_ticked().iter().map(|s| s.id().to_string()))
            .collect(),
        Doc::Goals(d) => d.goals.iter().map(|g| g.id.clone()).collect(),
        Doc::Reviews(d) => d.reviews.iter().map(|r| r.week.iso()).collect(),
    }
}

/// The merge promise: nothing of the device is lost, every record of the backup arrives
/// (or the device already has a record under its id), a second merge changes nothing.
fn check_merge(device: &[(String, String)], file: &str) {
    let preview = parse_backup(file, today()).unwrap();
    let plan = plan_import(&preview, device, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
    let after = apply(device, &plan);
    let (mine, merged) = (decoded(device), decoded(&after));
    for (key, doc) in &mine {
        let now = &merged[key];
        for id in record_ids(doc) {
            assert!(record_ids(now).contains(&id), "{key:?} lost {id}");
        }
    }
    for (key, doc) in &preview.data.docs {
        let now = &merged[key];
        for id in record_ids(doc) {
            assert!(record_ids(now).contains(&id), "{key:?} missing {id}");
        }
    }
    let again = plan_import(&preview, &after, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
    assert!(
        again.is_empty(),
        "a second merge changes nothing: {again:?}"
    );
}

#[test]
fn a_full_diary_moves_to_an_empty_phone_with_every_document() {
    let device = every_kind_items(today(), 3, 11);
    let kinds: Vec<DocKind> = decoded(&device).keys().map(|k| k.kind()).collect();
    for kind in DocKind::ALL {
        assert!(kinds.contains(&kind), "the test diary has no {kind:?}");
    }
    let backup = backup_file(&device, now(), "0.3.0");
    assert!(backup.left_out.is_empty());
    let preview = parse_backup(&backup.text, today()).unwrap();
    assert!(preview.missing.is_empty() && preview.skipped.is_empty());
    assert_eq!(preview.counts.goals, 1);
    assert_eq!(preview.counts.reviews, 5, "the skipped week is not counted");
    assert_eq!(preview.counts.conditions, 2);
    assert!(preview.counts.sign_check);
    assert_eq!(preview.counts.activities, 3);
    assert!(preview.counts.checkins > 100 && preview.counts.sessions > 20);

    let plan = plan_import(&preview, &[], Mode::Replace, "0.3.0", NOW_SECS).unwrap();
    let phone = apply(&[], &plan);
    assert_eq!(decoded(&phone), decoded(&device), "every document, exactly");
    let Doc::Profile(p) = &decoded(&phone)[&DocKey::Profile] else {
        panic!("no profile")
    };
    assert_eq!(p.check.ever_ticked(), [WarningSign::StrengthLoss]);
    assert!(p.check.is_cleared(WarningSign::StrengthLoss));
    // Replacing again changes nothing.
    let again = plan_import(&preview, &phone, Mode::Replace, "0.3.0", NOW_SECS).unwrap();
    assert!(again.is_empty());
}

#[test]
fn a_full_diary_merges_into_a_phone_with_its_own_diary() {
    let device = every_kind_items(today(), 3, 11);
    let file = export_backup(&device, now(), "0.3.0");
    // The new phone: other check-ins, its own goal and reviews, another condition, and an
    // open warning sign that the older backup had cleared.
    let mut phone = every_kind_items(today(), 2, 99);
    phone.retain(|(k, _)| k != "trinvis.profile");
    let open = profile(
        &[Condition::NeckPain],
        &[WarningSign::StrengthLoss],
        &[],
        cph(d(2026, 12, 1), 9),
    );
    phone.push((
        "trinvis.profile".into(),
        trinvis_core::safety::encode_profile(&open),
    ));
    check_merge(&phone, &file);
    let preview = parse_backup(&file, today()).unwrap();
    let plan = plan_import(&preview, &phone, Mode::Merge, "0.3.0", NOW_SECS).unwrap();
    let after = decoded(&apply(&phone, &plan));
    let Doc::Profile(p) = &after[&DocKey::Profile] else {
        panic!("no profile")
    };
    assert_eq!(
        p.conditions,
        [
            Condition::NeckPain,
            Condition::Sciatica,
            Condition::LowBackPain
        ]
    );
    assert!(
        !p.check.is_cleared(WarningSign::StrengthLoss),
        "an open sign on the phone stays open"
    );
}

#[test]
fn an_older_backup_without_the_new_kinds_still_imports_and_says_what_it_lacks() {
    let device = every_kind_items(today(), 1, 5);
    let file = export_backup(&device, now(), "0.2.0");
    // What the release before the register wrote: no "kinds", only three kinds.
    let mut v: serde_json::Value = serde_json::from_str(&file).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("kinds");
    let docs = o["documents"].as_object_mut().unwrap();
    docs.retain(|k, _| {
        matches!(
            classify_key(k),
            KeyKind::Doc(DocKey::Settings | DocKey::Activities | DocKey::Month(_))
        )
    });
    let old = v.to_string();
    let preview = parse_backup(&old, today()).unwrap();
    assert_eq!(preview.missing, LEGACY_MISSING);
    assert_eq!(preview.counts.goals, 0);
    let plan = plan_import(&preview, &[], Mode::Replace, "0.3.0", NOW_SECS).unwrap();
    assert!(!plan.is_empty());
    check_merge(&device, &old);
    // A file whose list lacks a kind it holds does not call it missing.
    let mut v: serde_json::Value = serde_json::from_str(&file).unwrap();
    v["kinds"] = serde_json::json!(["trinvis.settings"]);
    let preview = parse_backup(&v.to_string(), today()).unwrap();
    assert!(preview.missing.is_empty(), "{:?}", preview.missing);
}

#[test]
fn a_backup_names_the_documents_it_could_not_carry() {
    let mut device = every_kind_items(today(), 1, 5);
    for (k, t) in device.iter_mut() {
        if k == "trinvis.goals" {
            *t = r#"{"kind":"trinvis.goals","schema_version":9}"#.into();
        }
        if k == "trinvis.reviews" {
            *t = "{cut off".into();
        }
    }
    let backup = backup_file(&device, now(), "0.3.0");
    let left: Vec<(&str, DocKind, bool)> = backup
        .left_out
        .iter()
        .map(|l| (l.key.as_str(), l.kind, l.newer))
        .collect();
    assert_eq!(
        left,
        [
            ("trinvis.goals", DocKind::Goals, true),
            ("trinvis.reviews", DocKind::Reviews, false)
        ]
    );
    let preview = parse_backup(&backup.text, today()).unwrap();
    assert!(preview.data.docs.contains_key(&DocKey::Profile));
    assert!(!preview.data.docs.contains_key(&DocKey::Goals));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Generated diaries of every kind: a replace restores exactly the file, a merge into
    /// another generated diary keeps both and is idempotent.
    #[test]
    fn generated_diaries_move_by_replace_and_by_merge(
        seed in 0u64..1000,
        other in 1000u64..2000,
        months in 1usize..4,
        drop in proptest::collection::vec(0usize..6, 0..3),
    ) {
        let mut device = every_kind_items(today(), months, seed);
        // Some diaries lack some kinds.
        for i in &drop {
            let key = DocKind::ALL[*i].key().unwrap_or("none");
            device.retain(|(k, _)| k != key);
        }
        let file = export_backup(&device, now(), "0.3.0");
        let preview = parse_backup(&file, today()).unwrap();
        let plan = plan_import(&preview, &[], Mode::Replace, "0.3.0", NOW_SECS).unwrap();
        let phone = apply(&[], &plan);
        prop_assert_eq!(decoded(&phone), decoded(&device));
        let theirs = every_kind_items(today(), 2, other);
        check_merge(&theirs, &file);
        check_merge(&[], &file);
    }
}
