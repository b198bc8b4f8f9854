//! Every text of the i18n tables with a reassurance word (`learn::reassurance_words`:
//! normalt, ufarlig, sikker, går over, harmless, safe, passes, ...) is either marked
//! (`calm_twin`: a neutral twin replaces it while a warning sign is ticked) or listed
//! below as checked: it uses the word without calling symptoms harmless.

use super::coach::{calm_twin, Coach};
use super::transfer::{calm_twin_x, X};
use super::{text, text_as};
use trinvis_core::learn::reassurance_words;
use trinvis_core::time::Lang;

/// The table files, as (enum the arms belong to, source).
const SOURCES: [(&str, &str); 9] = [
    ("T", include_str!("../i18n.rs")),
    ("Today", include_str!("today.rs")),
    ("Coach", include_str!("coach.rs")),
    ("Check", include_str!("check.rs")),
    ("Learn", include_str!("learn.rs")),
    ("Welcome", include_str!("welcome.rs")),
    ("X", include_str!("transfer.rs")),
    ("P", include_str!("progress.rs")),
    ("S", include_str!("summary.rs")),
];

/// Arms with a reassurance word that do not reassure, each with the reason (checked by a
/// person). "Enum::Name" for a table's key; "T::Error::Name" for the error sentences of
/// `src/i18n.rs`; error arms of another table's file by its enum and the error's name.
const CHECKED: [(&str, &str); 18] = [
    ("Coach::PersistDenied", "about the browser keeping data"),
    ("Coach::OkayNowLegend", "a question: did the load feel safe"),
    (
        "Check::ClearPassed",
        "the patient's own answer: it has passed",
    ),
    ("Check::ClearedPassed", "repeats the patient's answer"),
    (
        "Check::ClearedEither",
        "repeats the patient's answer (profile version 1)",
    ),
    (
        "Check::OfferBadDay",
        "\"just to be safe\": asks to take the check",
    ),
    (
        "Check::OfferNewArea",
        "\"just to be safe\": asks to take the check",
    ),
    ("Coach::SessionBigJump", "\"Er du sikker\": are you sure"),
    ("P::RespBaseline", "\"hvordan det går over tid\": over time"),
    ("P::GoalConfidenceLegend", "how sure the patient is"),
    ("P::GoalConfidenceHint", "how sure the patient is"),
    ("P::GoalErrConfidenceMissing", "how sure the patient is"),
    (
        "S::SignEndedPassed",
        "the physiotherapist's record of a cleared sign",
    ),
    (
        "S::SignEndedEither",
        "the physiotherapist's record of a cleared sign",
    ),
    ("X::BackupSaved", "keep the file somewhere safe"),
    ("Coach::ReminderFirst", "keeping the diary safe"),
    ("X::PhysioSafeMax", "the physiotherapist's form field"),
    ("X::PhysioLimitsNumber", "the physiotherapist's form error"),
];
/// Error arms of other enums inside the tables, checked as well.
const CHECKED_ERRORS: [(&str, &str); 1] = [(
    "X::PlanErrorLimitsOutOfOrder",
    "an error on the physiotherapist's limits",
)];

/// The string literals of one arm's text.
fn literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        lit.push(n);
                    }
                }
                '"' => break,
                _ => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}

/// (arm name, its text) of every match arm `Name => ...` or `Enum::Name ... => ...` in
/// `source`; the arm runs until the next arm or the end of the match.
fn arms(source: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        let t = line.trim_start();
        let header = t.split_once(" => ").filter(|(head, _)| {
            head.starts_with(|c: char| c.is_ascii_uppercase())
                && !head.contains(' ')
                && !head.contains('"')
        });
        match header {
            Some((head, rest)) => {
                let name: String = head
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '_')
                    .collect();
                out.push((name, rest.to_string()));
            }
            None if t.starts_with('}') || t.starts_with("_ =>") => {
                out.push((String::new(), String::new()));
            }
            None => {
                if let Some(last) = out.last_mut() {
                    last.1.push('\n');
                    last.1.push_str(t);
                }
            }
        }
    }
    out.retain(|(name, _)| !name.is_empty());
    out
}

fn marked(prefix: &str, name: &str) -> bool {
    match prefix {
        "Coach" => COACH_MARKED.iter().any(|k| format!("{k:?}") == name),
        "X" => X_MARKED.iter().any(|k| format!("{k:?}") == name),
        _ => false,
    }
}

/// The keys with a twin, to look them up by name.
const COACH_MARKED: [Coach; 5] = [
    Coach::NoticedBadDay,
    Coach::FlareFlare,
    Coach::Guide,
    Coach::GuideOwn,
    Coach::LightSafe,
];
const X_MARKED: [X; 1] = [X::PlanLimits];

#[test]
fn every_text_with_a_reassurance_word_is_marked_or_checked() {
    let mut unmarked = Vec::new();
    let mut seen = 0;
    for (prefix, source) in SOURCES {
        for (name, body) in arms(source) {
            let words: Vec<&str> = literals(&body)
                .iter()
                .flat_map(|l| reassurance_words(l))
                .collect();
            if words.is_empty() {
                continue;
            }
            seen += 1;
            let full = format!("{prefix}::{name}");
            let checked = CHECKED
                .iter()
                .chain(&CHECKED_ERRORS)
                .any(|(n, _)| *n == full);
            if !marked(prefix, &name) && !checked {
                unmarked.push(format!("{full}: {words:?}"));
            }
        }
    }
    assert!(
        seen >= 10,
        "the scan found only {seen} texts: is the parser broken?"
    );
    assert!(
        unmarked.is_empty(),
        "texts with a reassurance word, neither marked (calm_twin) nor checked:\n{}",
        unmarked.join("\n")
    );
}

#[test]
fn a_marked_text_is_replaced_by_its_calm_twin_while_a_sign_is_ticked() {
    for key in COACH_MARKED {
        let twin = calm_twin(key).expect("marked keys have a twin");
        for lang in [Lang::Da, Lang::En] {
            assert_eq!(
                text_as(lang, key, false),
                text_as(lang, twin, true),
                "{key:?}"
            );
            assert_ne!(
                text_as(lang, key, true),
                text_as(lang, key, false),
                "{key:?}"
            );
            let calm = text_as(lang, key, false);
            assert_eq!(
                reassurance_words(calm),
                Vec::<&str>::new(),
                "{key:?}: {calm}"
            );
            // The twin keeps the same holes, so the caller's fill still works.
            let holes = |t: &str| t.matches('{').count();
            assert_eq!(holes(calm), holes(text_as(lang, key, true)), "{key:?}");
        }
    }
    for key in X_MARKED {
        assert!(calm_twin_x(key).is_some(), "{key:?}");
    }
    // Unmarked keys are never swapped.
    assert_eq!(calm_twin(Coach::Yes), None);
    super::set_may_reassure(false);
    let calm = text(Lang::Da, X::PlanLimits);
    assert!(reassurance_words(calm).is_empty(), "{calm}");
    super::set_may_reassure(true);
    assert!(!reassurance_words(text(Lang::Da, X::PlanLimits)).is_empty());
}
