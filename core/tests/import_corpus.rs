//! The bad-file corpus in `tests/fixtures/import/` (see its README): each file gives its
//! expected error key, or imports as expected, and nothing panics.

use trinvis_core::rules::{IMPORT_MAX_BYTES, IMPORT_MAX_DEPTH};
use trinvis_core::store::{decode_month, parse_month_key_name};
use trinvis_core::time::Date;
use trinvis_core::transfer::{export_backup, parse_backup, plan_import, ImportError, Mode};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The file's text as the shell reads it (bytes that are not UTF-8 replaced).
fn read(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned()
}

#[test]
fn every_bad_file_gives_its_own_error_key() {
    let cases = [
        ("empty.json", "import.empty"),
        ("not-json.html", "import.not_json"),
        ("other-app.json", "import.not_backup"),
        ("single-document.json", "import.not_backup"),
        ("rescue.json", "import.rescue_file"),
        ("future-schema.json", "import.newer_backup"),
        ("future-document.json", "import.newer_document"),
        ("pain-11.json", "import.pain_out_of_range"),
        ("session-pain-negative.json", "import.pain_out_of_range"),
        ("future-date.json", "import.date_in_future"),
        ("year-1900.json", "import.date_too_old"),
        ("duplicate-ids.json", "import.duplicate_id"),
        ("checkins.csv", "import.csv"),
        ("truncated.json", "import.truncated"),
    ];
    for (name, key) in cases {
        let result = parse_backup(&read(name), today());
        assert_eq!(
            result.as_ref().map_err(ImportError::key).err(),
            Some(key),
            "{name}"
        );
    }
}

#[test]
fn bad_documents_are_named_by_key_and_record() {
    let error = |name: &str| parse_backup(&read(name), today()).unwrap_err();
    assert_eq!(
        error("pain-11.json"),
        ImportError::PainOutOfRange {
            key: "trinvis.checkins.2026-11".into(),
            id: "c3d4".into(),
            value: 11
        }
    );
    assert_eq!(
        error("duplicate-ids.json"),
        ImportError::DuplicateId {
            key: "trinvis.checkins.2026-11".into(),
            id: "a1b2".into()
        }
    );
    assert_eq!(
        error("future-document.json"),
        ImportError::NewerDocument {
            key: "trinvis.checkins.2026-11".into(),
            found: 5
        }
    );
    assert_eq!(
        error("future-schema.json"),
        ImportError::NewerBackup { found: 2 }
    );
    assert_eq!(
        error("future-date.json").document(),
        Some("trinvis.checkins.2027-06")
    );
    assert_eq!(
        error("year-1900.json").document(),
        Some("trinvis.checkins.1900-01")
    );
}

#[test]
fn a_valid_file_imports_and_notes_with_html_stay_text() {
    let valid = parse_backup(&read("valid.json"), today()).unwrap();
    assert_eq!(
        (
            valid.counts.checkins,
            valid.counts.sessions,
            valid.counts.activities
        ),
        (2, 1, 1)
    );
    let html = parse_backup(&read("html-notes.json"), today()).unwrap();
    let notes: Vec<String> = html
        .data
        .months()
        .flat_map(|(_, m)| m.checkins.iter().map(|c| c.note.clone()))
        .collect();
    assert_eq!(
        notes,
        [
            "<script>alert(\"hej\")</script><img src=x onerror=alert(1)>",
            "<b>fed</b> &amp; &lt;i&gt; æøå"
        ]
    );
    // Written back exactly as read, and again through a new backup.
    let plan = plan_import(&html, &[], Mode::Replace, "0.2.0", 0).unwrap();
    let (key, text) = &plan.write[0];
    let month = parse_month_key_name(key).unwrap();
    let again: Vec<String> = decode_month(month, text)
        .unwrap()
        .checkins
        .into_iter()
        .map(|c| c.note)
        .collect();
    assert_eq!(again, notes);
    let file = export_backup(&plan.write, valid.exported_at, "0.2.0");
    assert_eq!(parse_backup(&file, today()).unwrap().data, html.data);
}

#[test]
fn older_documents_inside_a_backup_are_migrated() {
    let preview = parse_backup(&read("older-documents.json"), today()).unwrap();
    assert_eq!(preview.counts.checkins, 1);
    assert_eq!(preview.counts.other_docs, 1);
    let plan = plan_import(&preview, &[], Mode::Replace, "0.2.0", 0).unwrap();
    assert!(plan
        .write
        .iter()
        .all(|(_, t)| t.contains("\"schema_version\":2")));
}

#[test]
fn a_50_mb_file_is_refused_before_parsing() {
    // Valid JSON up to its size, so only the size check can refuse it.
    let padding = " ".repeat(50 * 1024 * 1024);
    let text = format!("{{\"kind\":\"trinvis-backup\",{padding}\"schema_version\":1}}");
    let started = std::time::Instant::now();
    assert_eq!(
        parse_backup(&text, today()),
        Err(ImportError::TooLarge { bytes: text.len() })
    );
    assert!(
        started.elapsed().as_millis() < 50,
        "{:?}",
        started.elapsed()
    );
    let just_over = "x".repeat(IMPORT_MAX_BYTES + 1);
    assert_eq!(
        parse_backup(&just_over, today()).map_err(|e| e.key()),
        Err("import.too_large")
    );
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for depth in [IMPORT_MAX_DEPTH + 1, 10_000, 1_000_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            parse_backup(&text, today()),
            Err(ImportError::TooDeep),
            "{depth}"
        );
        let objects = format!(
            "{{\"kind\":\"trinvis-backup\",\"documents\":{}1{}}}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        );
        assert_eq!(parse_backup(&objects, today()), Err(ImportError::TooDeep));
    }
    // Brackets inside strings do not count.
    let in_string = format!("{{\"kind\":\"{}\"}}", "[".repeat(10_000));
    assert_eq!(
        parse_backup(&in_string, today()).map_err(|e| e.key()),
        Err("import.not_backup")
    );
}
