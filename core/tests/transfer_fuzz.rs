//! Property tests ("fuzzing") of the two parsers that read text from outside the app:
//! `parse_backup` and `decode_plan`. Arbitrary bytes and mutations of a valid backup and
//! a valid link must never panic, and whatever is accepted must be usable.
//!
//! The default case count keeps `cargo test` fast; for a long run:
//! `PROPTEST_CASES=200000 cargo test -p trinvis-core --release --test transfer_fuzz`.
//! (200 000 cases per property, a million inputs in all, took 39 s on one core.)

use proptest::prelude::*;
use trinvis_core::coach::{Amount, PainLimits, PlanB, Unit};
use trinvis_core::gen::{activities_item, generate_years_with_sessions, storage_items};
use trinvis_core::time::{Date, Instant};
use trinvis_core::transfer::{
    decode_plan, encode_plan, export_backup, parse_backup, plan_import, Mode, PlanActivity,
    PlanGoal, PlanLink,
};

fn today() -> Date {
    Date::new(2026, 12, 31).unwrap()
}

/// A valid backup of two months of generated diary with sessions.
fn valid_backup() -> String {
    let (diary, activities) =
        generate_years_with_sessions(Date::new(2025, 10, 1).unwrap(), 1, 1, 7);
    let mut items = storage_items(&diary, "0.2.0");
    items.retain(|(k, _)| k.ends_with("2026-08") || k.ends_with("2026-09"));
    items.push(activities_item(&activities, "0.2.0"));
    items.push((
        "trinvis.settings".into(),
        r#"{"kind":"trinvis.settings","schema_version":2,"lang":"da"}"#.into(),
    ));
    export_backup(&items, Instant::new(1_795_000_000, 60).unwrap(), "0.2.0")
}

fn valid_plan() -> PlanLink {
    PlanLink {
        activities: vec![
            PlanActivity {
                name: "Gåtur".into(),
                unit: Unit::Minutes,
                baseline: Amount::from_milli(15_000).unwrap(),
                per_week: 5,
                step: None,
                goal: Amount::from_milli(45_000).ok(),
                plan_b: PlanB::Fraction,
            },
            PlanActivity {
                name: "Cykling".into(),
                unit: Unit::Custom("omgange".into()),
                baseline: Amount::from_milli(2_500).unwrap(),
                per_week: 3,
                step: Amount::from_milli(500).ok(),
                goal: None,
                plan_b: PlanB::Easier {
                    name: "Gå".into(),
                    amount: Amount::from_milli(10_000).unwrap(),
                    unit: Unit::Minutes,
                },
            },
        ],
        goal: Some(PlanGoal {
            text: "Cykle til arbejde".into(),
            date: Date::new(2027, 3, 1),
        }),
        limits: PainLimits::new(2, 4),
        note: "Hej".into(),
    }
}

/// One edit of a byte string.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes from JSON's own alphabet make mutations that still parse more likely.
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"{}[]\",:0123456789-.eE trunflsa\\".to_vec()),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), 1usize..16).prop_map(|(i, n)| Edit::Delete(i, n)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Flip(i, b) => {
                if let Some(x) = bytes.get_mut(i % len) {
                    *x = b;
                }
            }
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Delete(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Edit::Truncate(i) => bytes.truncate(i % len),
            Edit::Duplicate(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    let copy = bytes[start..end].to_vec();
                    bytes.splice(end..end, copy);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What is accepted must import into an empty device and read back the same.
fn check_accepted_backup(text: &str) {
    if let Ok(preview) = parse_backup(text, today()) {
        let plan = plan_import(&preview, &[], Mode::Replace, "x", 0).unwrap();
        let again = export_backup(&plan.write, preview.exported_at, "x");
        let reread = parse_backup(&again, today()).unwrap();
        assert_eq!(reread.data, preview.data);
        let merge = plan_import(&reread, &plan.write, Mode::Merge, "x", 0).unwrap();
        assert!(
            merge.write.is_empty(),
            "merging the same data changes nothing"
        );
    }
}

/// What is accepted must be valid and encode to a link that decodes to the same plan.
fn check_accepted_plan(text: &str) {
    if let Ok(plan) = decode_plan(text) {
        assert_eq!(plan.validate(), Ok(()));
        assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan));
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_crash_the_backup_reader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_accepted_backup(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_backups_are_refused_or_imported_whole(edits in prop::collection::vec(edit(), 1..6)) {
        thread_local!(static VALID: String = valid_backup());
        let text = VALID.with(|v| apply(v, &edits));
        check_accepted_backup(&text);
    }

    #[test]
    fn arbitrary_text_never_crashes_the_plan_reader(text in "\\PC{0,300}") {
        check_accepted_plan(&text);
        check_accepted_plan(&format!("#plan=v1.{text}"));
    }

    #[test]
    fn mutated_plan_links_are_refused_or_decoded_whole(edits in prop::collection::vec(edit(), 1..4)) {
        let link = encode_plan(&valid_plan());
        check_accepted_plan(&apply(&link, &edits));
    }

    #[test]
    fn changed_payloads_with_a_recomputed_checksum_never_crash(edits in prop::collection::vec(edit(), 1..4)) {
        // Forge the checksum, so the JSON reader and the content checks are reached.
        let link = encode_plan(&valid_plan());
        let payload = link.split('.').nth(1).unwrap();
        let json = decode_b64(payload);
        let changed = apply(&json, &edits);
        check_accepted_plan(&forge(&changed));
    }
}

fn decode_b64(payload: &str) -> String {
    let bytes = trinvis_core::transfer::codec::base64url_decode(payload).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn forge(json: &str) -> String {
    use trinvis_core::transfer::codec::{base64url_encode, fnv1a32};
    let body = format!("v1.{}", base64url_encode(json.as_bytes()));
    format!("#plan={body}.{:08x}", fnv1a32(body.as_bytes()))
}

#[test]
fn the_unmutated_inputs_are_accepted() {
    let backup = valid_backup();
    let preview = parse_backup(&backup, today()).unwrap();
    assert!(preview.counts.checkins > 40 && preview.counts.sessions > 20);
    check_accepted_backup(&backup);
    assert_eq!(decode_plan(&encode_plan(&valid_plan())), Ok(valid_plan()));
    check_accepted_plan(&forge(&decode_b64(
        encode_plan(&valid_plan()).split('.').nth(1).unwrap(),
    )));
}
