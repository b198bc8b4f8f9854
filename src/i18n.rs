//! Every text the shell shows, in Danish and English.
//!
//! One shape for every screen area: each module of `src/i18n/` has one key enum that
//! implements [`Texts`] (one match giving both languages, so a missing translation is a
//! compile error), and every text is read the same way: [`text`]`(lang, key)`, or
//! `components::tr(state, key)` for a reactive one. Holes, plurals, numbers and dates are
//! formatted in [`format`]. Core errors carry keys (enums); [`score_error`],
//! [`draft_error`] and [`storage_error`] turn them into sentences here, at the edge; the
//! core's values (a chart's [`trinvis_core::progress::Trend`], a `Face`, a date) are worded
//! here too.

/// One area's text table: `texts! { inside Today in Today; Key => ("dansk", "English"), … }`
/// implements [`Texts`] for the key enum with one match giving both languages (a missing key
/// is a compile error), and gives the enum `COUNT` (and `KEYS`, in table order, for tests).
/// `inside` keeps the area's Danish in the wasm with the feature `texts-apart`, `apart` does
/// not ([`apart::Area::danish_inside`] says which areas are which); `, twin f` names the
/// area's reassurance twins ([`Texts::calm_twin`]).
macro_rules! texts {
    ($where:ident $ty:ident in $area:ident $(, twin $twin:path)?;
     $($k:ident => ($da:expr, $en:expr $(,)?)),* $(,)?) => {
        impl $crate::i18n::Texts for $ty {
            const AREA: $crate::i18n::apart::Area = $crate::i18n::apart::Area::$area;

            $(fn calm_twin(self) -> Option<Self> {
                $twin(self)
            })?

            fn index(self) -> usize {
                self as usize
            }

            #[cfg(not(feature = "texts-apart"))]
            fn get(self, lang: trinvis_core::time::Lang) -> &'static str {
                use $ty::*;
                let (da, en) = match self {
                    $($k => ($da, $en)),*
                };
                $crate::i18n::pick(lang, da, en)
            }

            #[cfg(feature = "texts-apart")]
            fn get(self, lang: trinvis_core::time::Lang) -> &'static str {
                texts!(@apart $where $ty, self, lang, $area; $($k => $da),*)
            }
        }

        impl $ty {
            /// The number of keys (texts) in the table.
            pub const COUNT: usize = [$(stringify!($k)),*].len();
            /// Every key, in table order.
            #[cfg(test)]
            pub const KEYS: &'static [$ty] = &[$($ty::$k),*];
        }
    };
    (@apart inside $ty:ident, $key:expr, $lang:expr, $area:ident; $($k:ident => $da:expr),*) => {{
        use $ty::*;
        let da = match $key {
            $($k => $da),*
        };
        match $lang {
            trinvis_core::time::Lang::Da => da,
            lang => $crate::i18n::apart::find($crate::i18n::apart::Area::$area, lang, $key as usize)
                .unwrap_or_else(|| {
                    $crate::i18n::apart::missing($crate::i18n::apart::Area::$area, lang);
                    da
                }),
        }
    }};
    (@apart apart $ty:ident, $key:expr, $lang:expr, $area:ident; $($k:ident => $da:expr),*) => {
        $crate::i18n::apart::get($crate::i18n::apart::Area::$area, $lang, $key as usize)
    };
}

pub mod apart;
pub mod check;
pub mod coach;
pub mod format;
pub mod learn;
pub mod shell;
pub mod summary;
pub mod today;
pub mod transfer;
pub mod welcome;

use crate::state::CoachError;
use crate::storage::StorageError;
use coach::Coach;
use std::cell::Cell;
use trinvis_core::coach::{ActivityError, AmountError, PainLimits, SessionError, Unit};
use trinvis_core::model::{DraftError, Region, ScoreError, Side};
use trinvis_core::rules::{BASELINE_MONTHS, PER_WEEK_MAX};
use trinvis_core::time::Lang;

pub mod progress;
#[cfg(test)]
mod reassure_test;

pub use format::{fill, percent, pick, plural};

/// A text table's key: each area of `src/i18n/` has one key enum implementing this, with
/// one match giving both languages as written. Read through [`text`].
pub trait Texts: Copy + 'static {
    /// The area whose table holds the key.
    const AREA: apart::Area;

    /// The key's position in its table (the JSON files of [`apart`] are in this order).
    fn index(self) -> usize;

    /// The text for the key in `lang`, as written.
    fn get(self, lang: Lang) -> &'static str;

    /// The neutral twin of a reassuring text, shown instead while a warning sign is ticked;
    /// `None` for a text that does not reassure (the default).
    fn calm_twin(self) -> Option<Self> {
        None
    }

    /// The (Danish, English) pair for the key, as written.
    fn pair(self) -> (&'static str, &'static str) {
        (self.get(Lang::Da), self.get(Lang::En))
    }

    /// The Danish text, as written.
    fn da(self) -> &'static str {
        self.get(Lang::Da)
    }

    /// The English text, as written.
    fn en(self) -> &'static str {
        self.get(Lang::En)
    }
}

/// A text of any area's table, ready to be read in either language: for a component that
/// takes a key of any table without being generic over it (one copy of its code in the
/// wasm). Made from a key with `into`; has no reassurance twin (for legends and hints).
#[cfg(not(feature = "texts-apart"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Both(&'static str, &'static str);

#[cfg(not(feature = "texts-apart"))]
impl<K: Texts> From<K> for Both {
    fn from(key: K) -> Both {
        let (da, en) = key.pair();
        Both(da, en)
    }
}

#[cfg(not(feature = "texts-apart"))]
impl Both {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.0, self.1)
    }
}

/// With `texts-apart`, a text kept apart is looked up when it is read, not when the key is
/// turned into a `Both`: its table may arrive in between (a switch of language).
#[cfg(feature = "texts-apart")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Both {
    /// The Danish, when the area's Danish is in the wasm.
    da: Option<&'static str>,
    area: apart::Area,
    index: u16,
}

#[cfg(feature = "texts-apart")]
impl<K: Texts> From<K> for Both {
    fn from(key: K) -> Both {
        Both {
            da: K::AREA.danish_inside().then(|| key.get(Lang::Da)),
            area: K::AREA,
            index: key.index() as u16,
        }
    }
}

#[cfg(feature = "texts-apart")]
impl Both {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match (lang, self.da) {
            (Lang::Da, Some(da)) => da,
            (lang, da) => apart::find(self.area, lang, self.index as usize)
                .or(da)
                .unwrap_or_else(|| {
                    apart::missing(self.area, lang);
                    ""
                }),
        }
    }
}

/// The number of keys of `area`'s table.
pub fn count(area: apart::Area) -> usize {
    use apart::Area;
    match area {
        Area::Shell => shell::Sh::COUNT,
        Area::Today => today::Today::COUNT,
        Area::Check => check::Check::COUNT,
        Area::Coach => coach::Coach::COUNT,
        Area::Learn => learn::Learn::COUNT,
        Area::Progress => progress::P::COUNT,
        Area::Summary => summary::S::COUNT,
        Area::Transfer => transfer::X::COUNT,
        Area::Welcome => welcome::Welcome::COUNT,
    }
}

thread_local! {
    /// Whether reassuring texts may show: no warning sign is ticked (domain.md §8). Set by
    /// `AppState` before every change of the profile; `false` until then.
    static MAY_REASSURE: Cell<bool> = const { Cell::new(false) };
}

/// Tells [`text`] whether reassuring texts may show
/// (`trinvis_core::safety::may_reassure`).
pub fn set_may_reassure(yes: bool) {
    MAY_REASSURE.with(|c| c.set(yes));
}

/// What [`set_may_reassure`] last said.
pub fn may_reassure_now() -> bool {
    MAY_REASSURE.with(Cell::get)
}

/// The sentence for `key` in `lang`, or its neutral twin ([`Texts::calm_twin`]) while a
/// warning sign is ticked. `{n}`-style holes are filled by [`fill`].
pub fn text<K: Texts>(lang: Lang, key: K) -> &'static str {
    text_as(lang, key, may_reassure_now())
}

/// [`text`] with `may_reassure` given.
pub fn text_as<K: Texts>(lang: Lang, key: K, may_reassure: bool) -> &'static str {
    let key = match key.calm_twin() {
        Some(twin) if !may_reassure => twin,
        _ => key,
    };
    key.get(lang)
}

/// The message for an invalid score.
pub fn score_error(lang: Lang, e: ScoreError) -> &'static str {
    text(lang, today::score_key(e))
}

/// The message for a check-in that cannot be saved as it is.
pub fn draft_error(lang: Lang, e: DraftError) -> &'static str {
    text(lang, today::draft_key(e))
}

/// The message for a failed save.
pub fn storage_error(lang: Lang, e: &StorageError) -> &'static str {
    text(lang, today::storage_key(e))
}

/// The name of a unit; an own word as typed.
pub fn unit_name(lang: Lang, unit: &Unit) -> &str {
    match (coach::unit_key(unit), unit) {
        (Some(key), _) => text(lang, key),
        (None, Unit::Custom(word)) => word,
        (None, Unit::Kg) => "kg",
        (None, _) => "km",
    }
}

/// The message for an invalid amount.
pub fn amount_error(lang: Lang, e: AmountError) -> &'static str {
    text(lang, coach::amount_key(e))
}

/// The message for an activity form that cannot be saved as it is. Numbers come from the
/// rules ([`BASELINE_MONTHS`], [`PER_WEEK_MAX`]).
pub fn activity_error(lang: Lang, e: ActivityError) -> String {
    let s = text(lang, coach::activity_key(e));
    fill(
        s,
        &[
            ("months", &BASELINE_MONTHS.to_string()),
            ("max", &PER_WEEK_MAX.to_string()),
        ],
    )
}

/// The pain-monitoring guide beside "okay now?" with the limits' numbers.
pub fn guide_text(lang: Lang, limits: PainLimits) -> String {
    let (safe, ok) = (limits.safe_max(), limits.acceptable_max());
    fill(
        text(lang, Coach::Guide),
        &[
            ("safe", &safe.to_string()),
            ("next", &(safe + 1).to_string()),
            ("ok", &ok.to_string()),
        ],
    )
}

/// The baseline hint of the activity form, with [`BASELINE_MONTHS`].
pub fn baseline_hint(lang: Lang) -> String {
    fill(
        text(lang, Coach::BaselineHint),
        &[("months", &BASELINE_MONTHS.to_string())],
    )
}

/// The message for a session or an answer that cannot be saved as it is.
pub fn session_error(lang: Lang, e: SessionError) -> &'static str {
    text(lang, coach::session_key(e))
}

/// The message for a refused coach action.
pub fn coach_error(lang: Lang, e: &CoachError) -> String {
    match e {
        CoachError::Amount(e) => amount_error(lang, *e).into(),
        CoachError::Activity(e) => activity_error(lang, *e),
        CoachError::Session(e) => session_error(lang, *e).into(),
        CoachError::Storage(e) => storage_error(lang, e).into(),
    }
}

/// The name of a body region.
pub fn region(lang: Lang, r: Region) -> &'static str {
    text(lang, coach::region_key(r))
}

/// "left" or "right".
pub fn side(lang: Lang, s: Side) -> &'static str {
    text(lang, coach::side_key(s))
}

/// A body area as the patient reads it: "Ben, venstre".
pub fn area_label(lang: Lang, a: &trinvis_core::model::BodyArea) -> String {
    match a.side {
        Some(s) => format!("{}, {}", region(lang, a.region), side(lang, s)),
        None => region(lang, a.region).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use check::Check;
    use learn::Learn;
    use today::Today;

    /// Every count the texts word, at 1: no "1 dage", "1 days" or "1 questions".
    #[test]
    fn no_text_says_one_with_a_plural_noun() {
        let one = [
            ("n", "1"),
            ("left", "1"),
            ("done", "1"),
            ("weeks", "1"),
            ("days", "1"),
            ("minutes", "1"),
            ("points", "1"),
            ("p", "1"),
        ];
        let wrong = [
            "1 dage",
            "1 uger",
            "1 days",
            "1 weeks",
            "1 questions",
            "1 points",
            "1 more days",
        ];
        for lang in [Lang::Da, Lang::En] {
            // (key, text) of the tables of several areas.
            let texts = [
                (
                    "BaselinePendingSome",
                    text(lang, Today::BaselinePendingSome),
                ),
                ("CheckMissing", text(lang, Check::CheckMissing)),
                ("LearnReadingTime", text(lang, Learn::LearnReadingTime)),
            ];
            for (key, t) in texts {
                let s = fill(t, &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key}: {s}");
                }
            }
            for key in [
                progress::P::RespBaseline,
                progress::P::RespTooFew,
                progress::P::RespNo,
                progress::P::ChangeLower,
                progress::P::ChangeHigher,
            ] {
                let s = fill(text(lang, key), &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key:?}: {s}");
                }
            }
            for key in [
                summary::S::RespYes,
                summary::S::RespNotYet,
                summary::S::ReviewsHeading,
            ] {
                let s = fill(text(lang, key), &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key:?}: {s}");
                }
            }
        }
    }

    /// An area's table in `lang`, in key order (the order of the JSON files).
    fn table(area: apart::Area, lang: Lang) -> Vec<&'static str> {
        fn of<K: Texts>(keys: &[K], count: usize, lang: Lang) -> Vec<&'static str> {
            assert_eq!(keys.len(), count, "{:?}", K::AREA);
            let mut out = vec![None; count];
            for key in keys {
                assert!(out[key.index()].is_none(), "{:?}: a key twice", K::AREA);
                out[key.index()] = Some(key.get(lang));
            }
            out.into_iter()
                .map(|t| t.expect("every key once"))
                .collect()
        }
        use apart::Area;
        match area {
            Area::Shell => of(shell::Sh::KEYS, shell::Sh::COUNT, lang),
            Area::Today => of(Today::KEYS, Today::COUNT, lang),
            Area::Check => of(Check::KEYS, Check::COUNT, lang),
            Area::Coach => of(Coach::KEYS, Coach::COUNT, lang),
            Area::Learn => of(Learn::KEYS, Learn::COUNT, lang),
            Area::Progress => of(progress::P::KEYS, progress::P::COUNT, lang),
            Area::Summary => of(summary::S::KEYS, summary::S::COUNT, lang),
            Area::Transfer => of(transfer::X::KEYS, transfer::X::COUNT, lang),
            Area::Welcome => of(welcome::Welcome::KEYS, welcome::Welcome::COUNT, lang),
        }
    }

    /// The release build fetches `texts/da.json` and `texts/en.json` (copied into the
    /// build by scripts/split_build.sh) instead of carrying the texts: they must say what
    /// the tables say, key for key. `TRINVIS_WRITE_TEXTS=1 cargo test -p trinvis --lib
    /// texts_apart` writes them.
    #[test]
    fn texts_apart_files_match_the_tables() {
        for lang in Lang::ALL {
            let written = apart::file_text(lang, |area| table(area, lang));
            let path = format!("{}/texts/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
            if std::env::var_os("TRINVIS_WRITE_TEXTS").is_some() {
                std::fs::write(&path, &written).expect("texts/ is writable");
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == written,
                "{path} differs from the tables of src/i18n/: run \
                 `TRINVIS_WRITE_TEXTS=1 cargo test -p trinvis --lib texts_apart` and commit it"
            );
            // And it reads back as this build's tables.
            let tables = apart::read_file(&committed, lang, count).expect("the file reads");
            for (area, texts) in tables {
                assert_eq!(texts, table(area, lang), "{area:?} {lang:?}");
            }
        }
        // The areas whose Danish stays in the wasm are what the today screen shows before
        // any part arrives; everything else is apart.
        let da = std::fs::read_to_string(format!("{}/texts/da.json", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_default();
        assert!(!da.contains("Dine aktiviteter kunne") && da.contains("\"progress\""));
    }

    #[test]
    fn the_two_languages_differ_where_words_differ() {
        assert_ne!(text(Lang::Da, Today::Save), text(Lang::En, Today::Save));
        assert!(score_error(Lang::Da, ScoreError::OutOfRange).contains("0 til 10"));
    }

    /// Fragments with digits that are not a rule's number: the ends of the 0-10 scale,
    /// emergency numbers, examples of how to type a number, "more than 0", the lower end
    /// of "1 to {max}", the chart and summary period buttons, a sample date.
    const DIGITS_ALLOWED: &[&str] = &[
        "0 er",
        "10 er",
        "0 is",
        "10 is",
        "0 means",
        "10 very",
        // The pain scale's ends.
        "0: ingen",
        "10: værst",
        "0: none",
        "10: the worst",
        "10 all of it",
        "0 til 10",
        "0 to 10",
        "(0-10)",
        "0-{safe}",
        "112",
        "1813",
        "fx 2,5",
        "for example 2.5",
        "fx 10 eller 2,5",
        "for example, 10 or 2.5",
        "fx 4 eller 5",
        "for example 4 or 5",
        "fx 3",
        "for example 3",
        "Fx 30 minutter",
        "For example 30 minutes",
        "mere end 0",
        "more than 0",
        "større end 0",
        "above 0",
        "er 0.",
        "is 0.",
        "1 og {max}",
        "1 and {max}",
        "4 uger",
        "4 weeks",
        "8 uger",
        "8 weeks",
        "12 uger",
        "12 weeks",
        "3 måneder",
        "3 months",
        "1 år",
        "1 year",
        "over 7 dage",
        "7-day average",
        "23. november 2026",
    ];

    /// Every string literal with a letter and a digit in the text tables (tests left out).
    fn literals_with_digits() -> Vec<(&'static str, String)> {
        let files = [
            ("i18n.rs", include_str!("i18n.rs")),
            ("i18n/today.rs", include_str!("i18n/today.rs")),
            ("i18n/coach.rs", include_str!("i18n/coach.rs")),
            ("i18n/check.rs", include_str!("i18n/check.rs")),
            ("i18n/learn.rs", include_str!("i18n/learn.rs")),
            ("i18n/welcome.rs", include_str!("i18n/welcome.rs")),
            ("i18n/progress.rs", include_str!("i18n/progress.rs")),
            ("i18n/summary.rs", include_str!("i18n/summary.rs")),
            ("i18n/transfer.rs", include_str!("i18n/transfer.rs")),
            ("i18n/shell.rs", include_str!("i18n/shell.rs")),
        ];
        let mut out = Vec::new();
        for (name, src) in files {
            // The text tables end where the unit tests begin (`mod tests`).
            let code = src.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            let mut rest = code;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let mut end = None;
                let mut escaped = false;
                for (i, c) in after.char_indices() {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => {
                            end = Some(i);
                            break;
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else { break };
                let lit = &after[..end];
                if lit.chars().any(|c| c.is_ascii_digit()) && lit.chars().any(char::is_alphabetic) {
                    out.push((name, lit.to_string()));
                }
                rest = &after[end + 1..];
            }
        }
        out
    }

    #[test]
    fn no_rule_number_is_typed_into_a_sentence() {
        let mut typed = Vec::new();
        // Longest first, so "10 er" goes before "0 er".
        let mut allowed_list = DIGITS_ALLOWED.to_vec();
        trinvis_core::order::sort_by_key(&mut allowed_list, |a| std::cmp::Reverse(a.len()));
        for (file, lit) in literals_with_digits() {
            let mut left = lit.clone();
            for allowed in &allowed_list {
                left = left.replace(allowed, "");
            }
            if left.chars().any(|c| c.is_ascii_digit()) {
                typed.push(format!("{file}: {lit}"));
            }
        }
        assert!(
            typed.is_empty(),
            "numbers typed into sentences (take them from core/src/rules.rs):\n{}",
            typed.join("\n")
        );
        // The scan sees the tables: the guide's hole is there, the old "0-3" is not.
        assert!(literals_with_digits()
            .iter()
            .any(|(_, l)| l.contains("0-{safe}")));
    }

    #[test]
    fn sentences_with_a_rule_number_follow_the_number_they_are_given() {
        use trinvis_core::rules::{BASELINE_DAYS, PAIN_ACCEPTABLE_MAX, PAIN_SAFE_MAX};
        let limits = PainLimits::new(2, 4).unwrap();
        let guide = guide_text(Lang::Da, limits);
        assert!(
            guide.contains("0-2 ") && guide.contains("3-4 ") && guide.contains("over 4 "),
            "{guide}"
        );
        let default = guide_text(Lang::En, PainLimits::default());
        assert!(
            default.contains(&format!("0-{PAIN_SAFE_MAX} ")),
            "{default}"
        );
        assert!(
            default.contains(&format!("above {PAIN_ACCEPTABLE_MAX} ")),
            "{default}"
        );
        for lang in [Lang::Da, Lang::En] {
            // (key, text, hole) of the tables of several areas.
            let texts = [
                ("PlanKeep", text(lang, Coach::PlanKeep), "green"),
                ("PlanStepUp", text(lang, Coach::PlanStepUp), "green"),
                ("PlanBAndTalk", text(lang, Coach::PlanBAndTalk), "nos"),
                (
                    "BaselinePendingNone",
                    text(lang, Today::BaselinePendingNone),
                    "days",
                ),
                ("BaselineHint", text(lang, Coach::BaselineHint), "months"),
                ("StepHint", text(lang, Coach::StepHint), "percent"),
                ("LadderLeft", text(lang, Coach::LadderLeft), "n"),
            ];
            for (key, t, hole) in texts {
                let filled = fill(t, &[(hole, "97")]);
                assert!(filled.contains("97"), "{key} {lang:?}: {filled}");
            }
        }
        assert!(fill(
            text(Lang::Da, Today::BaselinePendingNone),
            &[("days", &BASELINE_DAYS.to_string())]
        )
        .contains(&format!("{BASELINE_DAYS} forskellige dage")));
        assert!(activity_error(Lang::Da, ActivityError::PerWeekOutOfRange)
            .contains(&PER_WEEK_MAX.to_string()));
        assert!(activity_error(Lang::En, ActivityError::BaselineMissing)
            .contains(&format!("{BASELINE_MONTHS} months")));
        assert_eq!(percent(0.1), "10");
        assert_eq!(percent(0.15), "15");
    }
}
