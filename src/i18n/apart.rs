//! Texts kept apart from the wasm (issue 15).
//!
//! The tables of `src/i18n/` are written in Rust, one match per area giving both languages.
//! With the cargo feature `texts-apart` (the release build, `scripts/split_build.sh`) the wasm
//! keeps only the Danish of the areas the today screen shows before any part arrives
//! ([`Area::danish_inside`]); the English of every area and the Danish of the others are
//! same-origin JSON in the build's `pkg-<hash>/` directory (`texts-da.json`,
//! `texts-en.json`, written from the tables by the `texts_apart_files_match_the_tables` test,
//! committed as `texts/*.json`), fetched with the first part that needs them
//! ([`ensure`]) and precached by the service worker. A text is then found by its key's
//! position in its table: a file whose tables do not have the lengths of this build's is
//! refused as a whole.
//!
//! Without the feature (Trunk's plain build, the unit and browser tests) every text is in
//! the wasm and [`ensure`] has nothing to do.

use trinvis_core::time::Lang;

/// A text table: one per area of `src/i18n/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Shell,
    Today,
    Check,
    Coach,
    Learn,
    Progress,
    Summary,
    Transfer,
    Welcome,
}

impl Area {
    /// Every area, in the order of the JSON files.
    pub const ALL: [Area; 9] = [
        Area::Shell,
        Area::Today,
        Area::Check,
        Area::Coach,
        Area::Learn,
        Area::Progress,
        Area::Summary,
        Area::Transfer,
        Area::Welcome,
    ];

    /// The area's name in the JSON files.
    pub fn name(self) -> &'static str {
        match self {
            Area::Shell => "shell",
            Area::Today => "today",
            Area::Check => "check",
            Area::Coach => "coach",
            Area::Learn => "learn",
            Area::Progress => "progress",
            Area::Summary => "summary",
            Area::Transfer => "transfer",
            Area::Welcome => "welcome",
        }
    }

    /// Whether the area's Danish stays in the wasm: the shell, the today screen (its
    /// check-in, notices and coach section) and the warning-sign banner, which show before
    /// any part has arrived. The rare screens and their texts arrive together.
    pub const fn danish_inside(self) -> bool {
        matches!(self, Area::Shell | Area::Today | Area::Check | Area::Coach)
    }

    /// Whether the area's text in `lang` is in the JSON file of `lang`.
    pub const fn apart_in(self, lang: Lang) -> bool {
        match lang {
            Lang::Da => !self.danish_inside(),
            Lang::En => true,
        }
    }

    #[cfg(feature = "texts-apart")]
    fn slot(self, lang: Lang) -> usize {
        self as usize * 2 + lang as usize
    }
}

/// The JSON file of `lang`: each area whose text in `lang` lives apart, as
/// `"area": ["text of key 0", …]` in key order, one text per line.
pub fn file_text(lang: Lang, table: impl Fn(Area) -> Vec<&'static str>) -> String {
    let mut out = String::from("{\n");
    let areas: Vec<Area> = Area::ALL.into_iter().filter(|a| a.apart_in(lang)).collect();
    for (n, area) in areas.iter().enumerate() {
        out.push_str(&format!("\"{}\": [\n", area.name()));
        let texts = table(*area);
        for (i, t) in texts.iter().enumerate() {
            out.push_str(&trinvis_core::json::Value::from(*t).to_string());
            out.push_str(if i + 1 < texts.len() { ",\n" } else { "\n" });
        }
        out.push_str(if n + 1 < areas.len() { "],\n" } else { "]\n" });
    }
    out.push_str("}\n");
    out
}

/// Reads a JSON file of [`file_text`]'s shape: the tables of `lang`'s areas, each checked
/// against `count` (the number of keys this build has in the area). `None` for a file that
/// is not JSON, lacks an area, or has a table of another length (a file of another build).
pub fn read_file(
    text: &str,
    lang: Lang,
    count: impl Fn(Area) -> usize,
) -> Option<Vec<(Area, Vec<String>)>> {
    let value = trinvis_core::json::from_str(text).ok()?;
    let mut out = Vec::new();
    for area in Area::ALL.into_iter().filter(|a| a.apart_in(lang)) {
        let list = value.get(area.name())?.as_array()?;
        if list.len() != count(area) {
            return None;
        }
        let texts = list
            .iter()
            .map(|t| t.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()?;
        out.push((area, texts));
    }
    Some(out)
}

#[cfg(feature = "texts-apart")]
mod loaded {
    use super::Area;
    use std::cell::RefCell;
    use trinvis_core::time::Lang;

    thread_local! {
        /// The loaded tables, by [`Area::slot`]; each text leaked once, so it is `'static`
        /// like the texts in the wasm.
        static TABLES: RefCell<[Option<&'static [&'static str]>; 18]> =
            const { RefCell::new([None; 18]) };
        /// Whether a missing table was already reported (once per page).
        static WARNED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// The text at `index` of `area`'s table in `lang`, or of the other language's table
    /// when that one is not loaded (a file that could not be fetched).
    pub fn find(area: Area, lang: Lang, index: usize) -> Option<&'static str> {
        TABLES.with(|t| {
            let t = t.borrow();
            t[area.slot(lang)]
                .or(t[area.slot(lang.other())])
                .and_then(|table| table.get(index).copied())
        })
    }

    /// [`find`], or "" when neither language's table is there.
    pub fn get(area: Area, lang: Lang, index: usize) -> &'static str {
        find(area, lang, index).unwrap_or_else(|| {
            missing(area, lang);
            ""
        })
    }

    /// Reports a text that was asked for before its table arrived, once per page, on the
    /// console (the e2e tests fail on it).
    pub fn missing(area: Area, lang: Lang) {
        if !WARNED.with(|w| w.replace(true)) {
            crate::platform::warn(&format!(
                "trinvis: texts missing: {} {}",
                area.name(),
                lang.code()
            ));
        }
    }

    /// Whether the texts of `lang` are all there.
    pub fn ready(lang: Lang) -> bool {
        TABLES.with(|t| {
            let t = t.borrow();
            Area::ALL
                .into_iter()
                .all(|a| !a.apart_in(lang) || t[a.slot(lang)].is_some())
        })
    }

    pub fn store(lang: Lang, tables: Vec<(Area, Vec<String>)>) {
        TABLES.with(|t| {
            let mut t = t.borrow_mut();
            for (area, texts) in tables {
                let texts: Vec<&'static str> = texts
                    .into_iter()
                    .map(|s| &*Box::leak(s.into_boxed_str()))
                    .collect();
                t[area.slot(lang)] = Some(Box::leak(texts.into_boxed_slice()));
            }
        });
    }
}

#[cfg(feature = "texts-apart")]
pub use loaded::{find, get, missing, ready};

/// Without `texts-apart` every text is in the wasm.
#[cfg(not(feature = "texts-apart"))]
pub fn ready(_lang: Lang) -> bool {
    true
}

/// Whether the first screen (the shell, today with its coach section, the banner) can be
/// drawn in `lang` now: in Danish always (those areas' Danish is in the wasm,
/// [`Area::danish_inside`]), in English once its texts are there.
pub fn first_screen_ready(lang: Lang) -> bool {
    lang == Lang::Da || ready(lang)
}

/// Fetches the texts of `lang` unless they are there: `true` once they are. A failed fetch
/// is not remembered, so the next call (a "Prøv igen") tries again.
pub async fn ensure(lang: Lang) -> bool {
    #[cfg(feature = "texts-apart")]
    {
        if ready(lang) {
            return true;
        }
        let base = crate::platform::meta_content("trinvis-pkg").unwrap_or_default();
        let url = format!("{base}texts-{}.json", lang.code());
        let Some(text) = crate::platform::fetch_text(&url).await else {
            return false;
        };
        // Another call may have stored them meanwhile; storing again is harmless.
        match read_file(&text, lang, super::count) {
            Some(tables) => {
                loaded::store(lang, tables);
                true
            }
            None => false,
        }
    }
    #[cfg(not(feature = "texts-apart"))]
    {
        let _ = lang;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(area: Area) -> usize {
        match area {
            Area::Progress => 2,
            _ => 1,
        }
    }

    fn table(area: Area) -> Vec<&'static str> {
        match area {
            Area::Progress => vec!["Dine \"aktiviteter\"", "Æ\nø"],
            _ => vec!["x"],
        }
    }

    #[test]
    fn a_file_reads_back_as_written() {
        for lang in Lang::ALL {
            let text = file_text(lang, table);
            let tables = read_file(&text, lang, count).expect("reads");
            let names: Vec<Area> = tables.iter().map(|(a, _)| *a).collect();
            let expected: Vec<Area> = Area::ALL.into_iter().filter(|a| a.apart_in(lang)).collect();
            assert_eq!(names, expected);
            let progress = &tables
                .iter()
                .find(|(a, _)| *a == Area::Progress)
                .expect("progress")
                .1;
            assert_eq!(progress, &["Dine \"aktiviteter\"", "Æ\nø"]);
        }
        // Danish keeps the shell, today, check and coach areas in the wasm.
        let da = file_text(Lang::Da, table);
        assert!(!da.contains("\"today\"") && !da.contains("\"coach\""));
        assert!(da.contains("\"progress\""));
        assert!(file_text(Lang::En, table).contains("\"today\""));
    }

    #[test]
    fn a_file_of_another_build_or_no_json_is_refused() {
        let text = file_text(Lang::En, table);
        // One text more in the progress table than this build has.
        assert!(read_file(&text, Lang::En, |a| count(a)
            + usize::from(a == Area::Progress))
        .is_none());
        // An area missing: the Danish file read as English.
        assert!(read_file(&file_text(Lang::Da, table), Lang::En, count).is_none());
        assert!(read_file("", Lang::En, count).is_none());
        assert!(read_file("{\"shell\": [1]}", Lang::En, count).is_none());
        assert!(read_file("[]", Lang::Da, count).is_none());
    }
}
