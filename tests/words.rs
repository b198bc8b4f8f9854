//! One vocabulary (docs/glossary.md): no shipped text uses a retired word.
//!
//! Native only: `cargo test -p trinvis --test words`. It reads the sources as text, so it
//! covers every key of every text table without listing them: the string literals of the
//! i18n tables and the CSV headers (their `#[cfg(test)]` part left out; the core writes
//! no other sentence), and every string of the learn pages. The retired words
//! come from the glossary itself, so adding a line there is enough to forbid a word.
#![cfg(not(target_arch = "wasm32"))]

const GLOSSARY: &str = include_str!("../docs/glossary.md");

/// (file, text): the sources whose string literals a patient or physio reads.
const SOURCES: [(&str, &str); 12] = [
    ("src/i18n.rs", include_str!("../src/i18n.rs")),
    ("src/i18n/today.rs", include_str!("../src/i18n/today.rs")),
    ("src/i18n/coach.rs", include_str!("../src/i18n/coach.rs")),
    ("src/i18n/check.rs", include_str!("../src/i18n/check.rs")),
    ("src/i18n/learn.rs", include_str!("../src/i18n/learn.rs")),
    (
        "src/i18n/welcome.rs",
        include_str!("../src/i18n/welcome.rs"),
    ),
    ("src/i18n/format.rs", include_str!("../src/i18n/format.rs")),
    (
        "src/i18n/progress.rs",
        include_str!("../src/i18n/progress.rs"),
    ),
    ("src/i18n/shell.rs", include_str!("../src/i18n/shell.rs")),
    (
        "src/i18n/summary.rs",
        include_str!("../src/i18n/summary.rs"),
    ),
    (
        "src/i18n/transfer.rs",
        include_str!("../src/i18n/transfer.rs"),
    ),
    (
        "core/src/transfer/csv.rs",
        include_str!("../core/src/transfer/csv.rs"),
    ),
];

/// (file, text): the learn pages, all of whose strings are shown.
const LEARN: [(&str, &str); 2] = [
    (
        "public/learn/da.json",
        include_str!("../public/learn/da.json"),
    ),
    (
        "public/learn/en.json",
        include_str!("../public/learn/en.json"),
    ),
];

/// A retired word: the text, and whether any ending may follow (`slidt*`).
#[derive(Debug, PartialEq)]
struct Retired {
    word: String,
    any_ending: bool,
}

/// The retired words listed under "## Retired words": lines "- `word` → instead".
fn retired(glossary: &str) -> Vec<Retired> {
    let Some((_, list)) = glossary.split_once("## Retired words") else {
        return Vec::new();
    };
    list.lines()
        .filter_map(|l| l.trim().strip_prefix("- `"))
        .filter_map(|l| l.split_once('`').map(|(w, _)| w))
        .map(|w| Retired {
            word: w.trim_end_matches('*').to_lowercase(),
            any_ending: w.ends_with('*'),
        })
        .collect()
}

/// The code before the first `#[cfg(test)]`: the tests name retired words on purpose.
fn shipped(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

/// The contents of the string literals in Rust `source` ("…" with escapes; a `'"'` char
/// literal is not a string).
fn string_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = source.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '"' && prev != '\'' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                        s.push(' ');
                    }
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
            prev = '"';
        } else {
            prev = c;
        }
    }
    out
}

/// Whether `text` uses `r` as a word: not inside a longer word (a hyphen joins words, so
/// "slidt-" counts), and with `any_ending` any letters may follow.
fn uses(text: &str, r: &Retired) -> bool {
    let text = text.to_lowercase();
    let is_letter = |c: char| c.is_alphanumeric();
    text.match_indices(&r.word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + r.word.len()..].chars().next();
        !before.is_some_and(is_letter) && (r.any_ending || !after.is_some_and(is_letter))
    })
}

#[test]
fn the_glossary_lists_the_retired_words() {
    let words = retired(GLOSSARY);
    assert!(words.len() >= 10, "{words:?}");
    for must in ["opblus", "faresignal", "slidgigt", "slidt", "udgangsniveau"] {
        assert!(words.iter().any(|r| r.word == must), "{must} not retired");
    }
}

#[test]
fn a_retired_word_is_found_on_its_own_and_not_inside_another_word() {
    let word = |w: &str, any_ending| Retired {
        word: w.to_string(),
        any_ending,
    };
    // (text, retired word, any ending, found)
    let cases = [
        ("Et opblus er kort.", "opblus", false, true),
        ("En opblussen er kort.", "opblus", false, false),
        ("Læs om Opblus", "opblus", false, true),
        ("slidte diske", "slidt", true, true),
        ("slidt", "slidt", true, true),
        ("udslidt", "slidt", true, false),
        ("Læg målet væk", "lagt væk", false, false),
        ("Målet er lagt væk.", "lagt væk", false, true),
        ("", "opblus", false, false),
    ];
    for (text, w, any, found) in cases {
        assert_eq!(uses(text, &word(w, any)), found, "{text:?} / {w}");
    }
}

#[test]
fn string_literals_are_read_with_escapes_and_without_char_literals() {
    let src = r#"let a = ("Et \"citat\"", 'x'); let q = '"'; f("to");"#;
    assert_eq!(string_literals(src), ["Et  citat ", "to"]);
}

#[test]
fn no_shipped_text_uses_a_retired_word() {
    let words = retired(GLOSSARY);
    let mut found = Vec::new();
    for (file, source) in SOURCES {
        for s in string_literals(shipped(source)) {
            for r in words.iter().filter(|r| uses(&s, r)) {
                found.push(format!("{file}: {:?} in {s:?}", r.word));
            }
        }
    }
    for (file, text) in LEARN {
        for line in text.lines() {
            for r in words.iter().filter(|r| uses(line, r)) {
                found.push(format!("{file}: {:?} in {line:?}", r.word));
            }
        }
    }
    assert!(
        found.is_empty(),
        "retired words in use:\n{}",
        found.join("\n")
    );
}

/// The core returns values and the shell words them (issue 14): no string literal of the
/// core's shipped code (tests and the `testkit` diary generator left out) holds a month or
/// weekday name or a word the shell writes around a chart's, a date's or a review's values.
#[test]
fn the_core_writes_no_month_weekday_or_sentence_words() {
    let words = [
        // Month and weekday names, Danish and English.
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
        "january",
        "february",
        "march",
        "may",
        "june",
        "july",
        "october",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        // The words of the charts' labels and summaries, the faces and the day headings.
        "uge",
        "uger",
        "bedre",
        "samme",
        "værre",
        "faldt",
        "steg",
        "gennemsnitlig",
        "average",
        "fell",
        "rose",
        "oftest",
        "smerte",
        "gøremål",
        "tryghed",
        "styrke",
        "i dag",
        "i går",
        "yesterday",
    ];
    let words: Vec<Retired> = words
        .iter()
        .map(|w| Retired {
            word: w.to_string(),
            any_ending: false,
        })
        .collect();
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/core/src"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("core/src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(
        files.len() >= 20,
        "{} core files: wrong folder?",
        files.len()
    );
    let mut found = Vec::new();
    for path in files {
        let name = path.display().to_string();
        // Test data, not shipped: the generated diary's notes and the test builders. The
        // CSV headers are the file format's own (one fixed set, `tests/words` reads them).
        let skip = ["/gen.rs", "/testkit.rs", "/transfer/csv.rs"];
        if skip.iter().any(|s| name.ends_with(s)) {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a core file is readable");
        // Comments left out (doc examples name what the shell writes).
        let code: String = shipped(&source)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        // Translation keys ("trend.fell") are names, not words.
        let is_key = |s: &str| {
            s.contains('.')
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
        };
        for s in string_literals(&code).into_iter().filter(|s| !is_key(s)) {
            for r in words.iter().filter(|r| uses(&s, r)) {
                found.push(format!("{name}: {:?} in {s:?}", r.word));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core words values itself (move the words to src/i18n/):\n{}",
        found.join("\n")
    );
}
