//! Learn pages: what to know about pain and each condition (domain.md §9).
//!
//! The pages are data, not code: `public/learn/da.json` and `public/learn/en.json`, which
//! the app fetches from its own origin (the service worker precaches them), so text can
//! change without a new wasm build. This module reads them ([`parse_learn`]), chooses and
//! orders pages for the patient ([`pages_for`]), hides reassuring blocks while a warning
//! sign is ticked ([`visible_blocks`]), and measures readability ([`lix`], [`page_lix`]).
//!
//! # Format
//!
//! ```json
//! {"lang": "da", "pages": [
//!   {"id": "pain-not-damage", "conditions": [], "title": "…",
//!    "source": "Sundhedsstyrelsen, national klinisk retningslinje for nakkesmerter",
//!    "reassure": false, "plain": false,
//!    "sections": [{"heading": "…", "reassure": false, "plain": false,
//!                  "blocks": [{"text": "…", "list": false, "reassure": false, "plain": false}]}]}
//! ]}
//! ```
//!
//! - `lang`: a language code of [`Lang`];
//! - `id`: non-empty, unique, the same in every language (links and tests use it);
//! - `conditions`: [`Condition`] ids the page is about; empty for a general page;
//! - `title`, `source`: non-empty; `source` names where the facts come from in plain words;
//! - `sections`: each with a non-empty `heading` and non-empty `blocks`;
//! - a block: non-empty `text`; `list: true` makes it one bullet item (consecutive list
//!   blocks form one list); `reassure: true` marks a block that says symptoms are harmless
//!   or not dangerous, which the app hides while a warning sign is ticked
//!   ([`crate::safety::may_reassure`]). Both flags default to `false`. An optional
//!   `link` names another page's id: the block is then a link to that page (its text is
//!   that page's title), so advice shared by many pages is written once and linked.
//! - `reassure: true` on a page: its title reassures; the whole page is left out while a
//!   warning sign is ticked ([`page_visible`]). On a section: its heading reassures; the
//!   whole section (heading and blocks) is left out.
//! - `plain: true` (page, section or block): its own text (title, heading or block text)
//!   contains a reassurance word ([`reassurance_words`]) without reassuring, e.g. "ikke
//!   sikkert" (not necessarily). Checked by a person; [`unmarked_reassurance`] accepts it.
//!   Every text with such a word must be marked `reassure` (itself or by its section or
//!   page) or `plain`: [`unmarked_reassurance`] lists the others and the tests fail on them.
//!
//! Unknown fields are refused: a misspelt `reassure` must not silently become `false`.

use crate::json::{Map, Value};
use crate::safety::Condition;
use crate::sorted::VecSet;
use crate::time::Lang;
use std::fmt;

/// A parsed learn file: the pages of one language, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnDoc {
    /// The language of the text.
    pub lang: Lang,
    /// The pages, ids unique, in file order.
    pub pages: Vec<LearnPage>,
}

impl LearnDoc {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&LearnPage> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// One learn page.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnPage {
    /// Stable id, the same in every language.
    pub id: String,
    /// The conditions the page is about; empty for a general page.
    pub conditions: Vec<Condition>,
    /// The page title.
    pub title: String,
    /// Where the facts come from, in plain words.
    pub source: String,
    /// The sections, in order.
    pub sections: Vec<LearnSection>,
    /// The title reassures: the page is hidden while a warning sign is ticked.
    pub reassure: bool,
    /// The title has a reassurance word but does not reassure (checked by a person).
    pub plain: bool,
}

impl LearnPage {
    /// Whether the page is general (about no particular condition).
    pub fn is_general(&self) -> bool {
        self.conditions.is_empty()
    }
}

/// A section of a page: a heading and its blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnSection {
    /// The heading.
    pub heading: String,
    /// The blocks, in order.
    pub blocks: Vec<LearnBlock>,
    /// The heading reassures: the section is hidden while a warning sign is ticked.
    pub reassure: bool,
    /// The heading has a reassurance word but does not reassure.
    pub plain: bool,
}

/// A paragraph or one bullet item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearnBlock {
    /// The text (plain text, never HTML).
    pub text: String,
    /// One bullet item; consecutive list blocks form one list.
    pub list: bool,
    /// Says that symptoms are harmless or not dangerous: hidden while a warning sign is
    /// ticked.
    pub reassure: bool,
    /// The id of another page this block links to; `None` for plain text.
    pub link: Option<String>,
    /// Has a reassurance word but does not reassure.
    pub plain: bool,
}

/// Why a learn file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LearnError {
    /// Not JSON, or not the expected shape (a missing or unknown field, a wrong type).
    Format {
        /// What is wrong, for developers and logs.
        detail: String,
    },
    /// `lang` is not a known language code.
    UnknownLang {
        /// The code found.
        lang: String,
    },
    /// A page without an id.
    EmptyId,
    /// Two pages with the same id.
    DuplicatePage {
        /// The repeated id.
        page: String,
    },
    /// A page with an empty (or blank) title.
    EmptyTitle {
        /// The page id.
        page: String,
    },
    /// A page with an empty (or blank) source.
    EmptySource {
        /// The page id.
        page: String,
    },
    /// A page without sections, a section without a heading or blocks, or a blank block.
    EmptyText {
        /// The page id.
        page: String,
    },
    /// A condition id that is not a [`Condition`], or one listed twice.
    UnknownCondition {
        /// The page id.
        page: String,
        /// The condition id found.
        condition: String,
    },
    /// A block links to a page id that is not in the file, or to its own page.
    UnknownLink {
        /// The page id.
        page: String,
        /// The link found.
        link: String,
    },
}

impl LearnError {
    /// Translation key: "learn.format", "learn.unknown_lang", "learn.empty_id",
    /// "learn.duplicate_page", "learn.empty_title", "learn.empty_source",
    /// "learn.empty_text", "learn.unknown_condition", "learn.unknown_link".
    pub fn key(&self) -> &'static str {
        match self {
            LearnError::Format { .. } => "learn.format",
            LearnError::UnknownLang { .. } => "learn.unknown_lang",
            LearnError::EmptyId => "learn.empty_id",
            LearnError::DuplicatePage { .. } => "learn.duplicate_page",
            LearnError::EmptyTitle { .. } => "learn.empty_title",
            LearnError::EmptySource { .. } => "learn.empty_source",
            LearnError::EmptyText { .. } => "learn.empty_text",
            LearnError::UnknownCondition { .. } => "learn.unknown_condition",
            LearnError::UnknownLink { .. } => "learn.unknown_link",
        }
    }
}

impl fmt::Display for LearnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LearnError::Format { detail } => write!(f, "{}: {detail}", self.key()),
            LearnError::UnknownLang { lang } => write!(f, "{} ({lang:?})", self.key()),
            LearnError::EmptyId => f.write_str(self.key()),
            LearnError::DuplicatePage { page }
            | LearnError::EmptyTitle { page }
            | LearnError::EmptySource { page }
            | LearnError::EmptyText { page } => write!(f, "{} ({page})", self.key()),
            LearnError::UnknownCondition { page, condition } => {
                write!(f, "{} ({page}: {condition:?})", self.key())
            }
            LearnError::UnknownLink { page, link } => {
                write!(f, "{} ({page}: {link:?})", self.key())
            }
        }
    }
}

impl std::error::Error for LearnError {}

/// The file as written, before validation. Read from a `crate::json::Value` by hand rather
/// than by derived deserializers: the app already carries `Value` for its documents, and
/// four derived structs would add their own code to the bundle.
struct RawDoc {
    lang: String,
    pages: Vec<RawPage>,
}

struct RawPage {
    id: String,
    conditions: Vec<String>,
    title: String,
    source: String,
    sections: Vec<RawSection>,
    reassure: bool,
    plain: bool,
}

struct RawSection {
    heading: String,
    blocks: Vec<RawBlock>,
    reassure: bool,
    plain: bool,
}

struct RawBlock {
    text: String,
    list: bool,
    reassure: bool,
    link: Option<String>,
    plain: bool,
}

/// A format error naming what is wrong.
fn format_error(detail: &str) -> LearnError {
    LearnError::Format {
        detail: detail.to_string(),
    }
}

/// The object `v`, refusing fields not in `known` (a misspelt flag must not read as false).
fn object<'a>(v: &'a Value, what: &str, known: &[&str]) -> Result<&'a Map, LearnError> {
    let map = v
        .as_object()
        .ok_or_else(|| format_error(&format!("{what}: not an object")))?;
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(format_error(&format!("{what}: unknown field `{k}`"))),
        None => Ok(map),
    }
}

/// The string field `name` of `map`.
fn string(map: &Map, name: &str) -> Result<String, LearnError> {
    map.get(name)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format_error(&format!("missing or not a string: `{name}`")))
}

/// The array field `name` of `map`.
fn array<'a>(map: &'a Map, name: &str) -> Result<&'a Vec<Value>, LearnError> {
    map.get(name)
        .and_then(Value::as_array)
        .ok_or_else(|| format_error(&format!("missing or not an array: `{name}`")))
}

/// The optional boolean field `name` of `map` (absent is false).
fn flag(map: &Map, name: &str) -> Result<bool, LearnError> {
    match map.get(name) {
        None => Ok(false),
        Some(v) => v
            .as_bool()
            .ok_or_else(|| format_error(&format!("not a boolean: `{name}`"))),
    }
}

fn raw_doc(v: &Value) -> Result<RawDoc, LearnError> {
    let doc = object(v, "file", &["lang", "pages"])?;
    let pages = array(doc, "pages")?
        .iter()
        .map(|p| {
            let page = object(
                p,
                "page",
                &[
                    "id",
                    "conditions",
                    "title",
                    "source",
                    "sections",
                    "reassure",
                    "plain",
                ],
            )?;
            let conditions = array(page, "conditions")?
                .iter()
                .map(|c| {
                    c.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| format_error("a condition is not a string"))
                })
                .collect::<Result<Vec<String>, LearnError>>()?;
            let sections = array(page, "sections")?
                .iter()
                .map(|s| {
                    let section =
                        object(s, "section", &["heading", "blocks", "reassure", "plain"])?;
                    let blocks = array(section, "blocks")?
                        .iter()
                        .map(|b| {
                            let block =
                                object(b, "block", &["text", "list", "reassure", "plain", "link"])?;
                            let link = match block.get("link") {
                                None => None,
                                Some(_) => Some(string(block, "link")?),
                            };
                            Ok(RawBlock {
                                text: string(block, "text")?,
                                list: flag(block, "list")?,
                                reassure: flag(block, "reassure")?,
                                link,
                                plain: flag(block, "plain")?,
                            })
                        })
                        .collect::<Result<Vec<RawBlock>, LearnError>>()?;
                    Ok(RawSection {
                        heading: string(section, "heading")?,
                        blocks,
                        reassure: flag(section, "reassure")?,
                        plain: flag(section, "plain")?,
                    })
                })
                .collect::<Result<Vec<RawSection>, LearnError>>()?;
            Ok(RawPage {
                id: string(page, "id")?,
                conditions,
                title: string(page, "title")?,
                source: string(page, "source")?,
                sections,
                reassure: flag(page, "reassure")?,
                plain: flag(page, "plain")?,
            })
        })
        .collect::<Result<Vec<RawPage>, LearnError>>()?;
    Ok(RawDoc {
        lang: string(doc, "lang")?,
        pages,
    })
}

/// Whether `s` has any non-whitespace character.
fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Checks and converts one page.
fn page_from_raw(raw: RawPage) -> Result<LearnPage, LearnError> {
    let page = raw.id;
    if !filled(&raw.title) {
        return Err(LearnError::EmptyTitle { page });
    }
    if !filled(&raw.source) {
        return Err(LearnError::EmptySource { page });
    }
    let mut conditions = Vec::with_capacity(raw.conditions.len());
    for id in raw.conditions {
        match Condition::from_id(&id) {
            Some(c) if !conditions.contains(&c) => conditions.push(c),
            _ => {
                return Err(LearnError::UnknownCondition {
                    page,
                    condition: id,
                })
            }
        }
    }
    let blank_section = |s: &RawSection| {
        !filled(&s.heading) || s.blocks.is_empty() || s.blocks.iter().any(|b| !filled(&b.text))
    };
    if raw.sections.is_empty() || raw.sections.iter().any(blank_section) {
        return Err(LearnError::EmptyText { page });
    }
    let sections = raw
        .sections
        .into_iter()
        .map(|s| LearnSection {
            heading: s.heading,
            blocks: s
                .blocks
                .into_iter()
                .map(|b| LearnBlock {
                    text: b.text,
                    list: b.list,
                    reassure: b.reassure,
                    link: b.link,
                    plain: b.plain,
                })
                .collect(),
            reassure: s.reassure,
            plain: s.plain,
        })
        .collect();
    Ok(LearnPage {
        id: page,
        conditions,
        title: raw.title,
        source: raw.source,
        sections,
        reassure: raw.reassure,
        plain: raw.plain,
    })
}

/// Reads a learn file (see the module docs). Never panics; refuses text that is not the
/// format, an unknown language, empty ids, titles, sources or text, unknown or repeated
/// condition ids, repeated page ids, and links to a page that is not there (or to the
/// linking page itself).
pub fn parse_learn(text: &str) -> Result<LearnDoc, LearnError> {
    let value: Value = crate::json::from_str(text).map_err(|e| LearnError::Format {
        detail: e.to_string(),
    })?;
    let raw = raw_doc(&value)?;
    let lang = Lang::from_code(&raw.lang).ok_or(LearnError::UnknownLang { lang: raw.lang })?;
    let mut ids = VecSet::new();
    let mut pages = Vec::with_capacity(raw.pages.len());
    for raw_page in raw.pages {
        if !filled(&raw_page.id) {
            return Err(LearnError::EmptyId);
        }
        if !ids.insert(raw_page.id.clone()) {
            return Err(LearnError::DuplicatePage { page: raw_page.id });
        }
        pages.push(page_from_raw(raw_page)?);
    }
    for page in &pages {
        let links = page
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| b.link.as_deref());
        for link in links {
            if link == page.id || !ids.contains(link) {
                return Err(LearnError::UnknownLink {
                    page: page.id.clone(),
                    link: link.to_string(),
                });
            }
        }
    }
    Ok(LearnDoc { lang, pages })
}

/// The pages to show a patient with these conditions: first the pages about any chosen
/// condition, then the general pages, each group in file order (a page about two chosen
/// conditions comes once). Pages about conditions not chosen are left out (they are in
/// [`LearnDoc::pages`] for browsing). [`Condition::NotSure`] has no page of its own, so it
/// gives the general pages only.
pub fn pages_for<'a>(doc: &'a LearnDoc, chosen: &[Condition]) -> Vec<&'a LearnPage> {
    let about_chosen = doc
        .pages
        .iter()
        .filter(|p| p.conditions.iter().any(|c| chosen.contains(c)));
    let general = doc.pages.iter().filter(|p| p.is_general());
    about_chosen.chain(general).collect()
}

/// A section as shown: its heading and the blocks that may be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct VisibleSection<'a> {
    /// The heading.
    pub heading: &'a str,
    /// The blocks to show, in order.
    pub blocks: Vec<&'a LearnBlock>,
}

/// Whether `page` may be listed and shown: not while a warning sign is ticked
/// (`may_reassure` false) if its title reassures (`reassure` on the page).
pub fn page_visible(page: &LearnPage, may_reassure: bool) -> bool {
    may_reassure || !page.reassure
}

/// Whether something of `page` is left out while a warning sign is ticked.
pub fn has_reassurance(page: &LearnPage) -> bool {
    page.reassure
        || page
            .sections
            .iter()
            .any(|s| s.reassure || s.blocks.iter().any(|b| b.reassure))
}

/// Words and phrases that reassure about symptoms (issue 12): "normal(t)", "ufarlig(t)",
/// "sikker(t)", "går over", "harmless", "safe", "passes", and their close forms. Matched
/// as whole words (lower case; `{holes}` ignored), so "sikkerhedskopi" is not a hit.
pub const REASSURANCE_WORDS: [&str; 15] = [
    "normal",
    "normalt",
    "normale",
    "ufarlig",
    "ufarligt",
    "ufarlige",
    "sikker",
    "sikkert",
    "sikre",
    "harmless",
    "safe",
    "safely",
    "passes",
    "settles",
    "uskadelig",
];

/// Phrases of [`REASSURANCE_WORDS`] that are more than one word.
pub const REASSURANCE_PHRASES: [&str; 3] = ["går over", "gået over", "går som regel over"];

/// The reassurance words and phrases in `text`, in the order of the lists.
pub fn reassurance_words(text: &str) -> Vec<&'static str> {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    REASSURANCE_WORDS
        .into_iter()
        .filter(|w| words.contains(w))
        .chain(
            REASSURANCE_PHRASES
                .into_iter()
                .filter(|p| joined.contains(&format!(" {p} "))),
        )
        .collect()
}

/// Every text of `doc` with a reassurance word that is neither marked `reassure` (itself,
/// or by its section or page) nor `plain`, as "page id: text". Empty for a good file.
pub fn unmarked_reassurance(doc: &LearnDoc) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |page: &str, text: &str, marked: bool| {
        if !marked && !reassurance_words(text).is_empty() {
            out.push(format!("{page}: {text}"));
        }
    };
    for p in &doc.pages {
        check(&p.id, &p.title, p.reassure || p.plain);
        for s in &p.sections {
            check(&p.id, &s.heading, p.reassure || s.reassure || s.plain);
            for b in &s.blocks {
                check(
                    &p.id,
                    &b.text,
                    p.reassure || s.reassure || b.reassure || b.plain,
                );
            }
        }
    }
    out
}

/// The sections and blocks of `page` to show. With `may_reassure` false (a warning sign is
/// ticked and not cleared, [`crate::safety::may_reassure`]), sections and blocks marked
/// `reassure` are left out, and so is a section left with no blocks.
pub fn visible_blocks(page: &LearnPage, may_reassure: bool) -> Vec<VisibleSection<'_>> {
    page.sections
        .iter()
        .filter(|s| may_reassure || !s.reassure)
        .filter_map(|s| {
            let blocks: Vec<&LearnBlock> = s
                .blocks
                .iter()
                .filter(|b| may_reassure || !b.reassure)
                .collect();
            (!blocks.is_empty()).then_some(VisibleSection {
                heading: &s.heading,
                blocks,
            })
        })
        .collect()
}

/// A word is long for LIX when it has more than this many letters.
pub const LIX_LONG_WORD_LETTERS: usize = 6;

/// The counts behind a LIX value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LixCounts {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Words with more than [`LIX_LONG_WORD_LETTERS`] letters.
    pub long_words: usize,
}

impl LixCounts {
    /// Adds the counts of `text`, one block or list item: its end closes a sentence.
    ///
    /// - A word is a whitespace-separated token with at least one letter or digit, so
    ///   "80", "6-8" and "112" are words (they are read aloud) but "%" and "–" are not.
    /// - Its length is its letters only (`char::is_alphabetic`): digits, hyphens and
    ///   punctuation do not count, so a number is never a long word ("6-8kg" has 2
    ///   letters), and "nerverods-smerter" has 16.
    /// - A sentence ends at a word whose last character, after closing quotes and
    ///   brackets, is `.`, `!`, `?` or `:`; also at a line break and at the end of the
    ///   text when words follow the last end. Avoid abbreviations with a full stop in
    ///   learn text ("fx", not "f.eks."): they would count as sentence ends.
    pub fn add(&mut self, text: &str) {
        for line in text.lines() {
            let mut open = false;
            for token in line.split_whitespace() {
                if !token.chars().any(char::is_alphanumeric) {
                    continue;
                }
                self.words += 1;
                if token.chars().filter(|c| c.is_alphabetic()).count() > LIX_LONG_WORD_LETTERS {
                    self.long_words += 1;
                }
                let end = token
                    .trim_end_matches(['"', '\'', ')', ']', '»', '”', '’'])
                    .ends_with(['.', '!', '?', ':']);
                if end {
                    self.sentences += 1;
                }
                open = !end;
            }
            if open {
                self.sentences += 1;
            }
        }
    }

    /// LIX = words / sentences + 100 × long words / words; 0 for no words.
    pub fn lix(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        words / self.sentences as f64 + 100.0 * self.long_words as f64 / words
    }
}

/// The LIX readability index of `text` (Björnsson's läsbarhetsindex, used for Danish):
/// words per sentence plus the percentage of long words (more than
/// [`LIX_LONG_WORD_LETTERS`] letters). Below 25 is very easy, 25-34 easy, 35-44 medium.
/// The end of `text` ends a sentence; see [`LixCounts::add`] for words and sentences.
pub fn lix(text: &str) -> f64 {
    let mut counts = LixCounts::default();
    counts.add(text);
    counts.lix()
}

/// The counts of every block of `page` (each block ends a sentence). The title, headings
/// and source are left out: they are short labels, and counting them as sentences would
/// make the text look easier than it is.
pub fn page_counts(page: &LearnPage) -> LixCounts {
    let mut counts = LixCounts::default();
    for block in page.sections.iter().flat_map(|s| &s.blocks) {
        counts.add(&block.text);
    }
    counts
}

/// The LIX of a whole page, over all its blocks together ([`page_counts`]); the page must
/// stay at or below [`crate::rules::LIX_MAX`] in Danish.
pub fn page_lix(page: &LearnPage) -> f64 {
    page_counts(page).lix()
}

/// The minutes it takes to read `page`'s blocks ([`page_counts`]) at
/// [`crate::rules::READING_WORDS_PER_MINUTE`], rounded up; at least 1 for any page.
pub fn reading_minutes(page: &LearnPage) -> usize {
    page_counts(page)
        .words
        .div_ceil(crate::rules::READING_WORDS_PER_MINUTE)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with(pages: &str) -> String {
        format!(r#"{{"lang":"da","pages":[{pages}]}}"#)
    }

    fn page(id: &str, conditions: &str) -> String {
        format!(
            r#"{{"id":"{id}","conditions":[{conditions}],"title":"T","source":"S",
            "sections":[{{"heading":"H","blocks":[{{"text":"Ro på.","reassure":true}},{{"text":"Gå en tur.","list":true}}]}}]}}"#
        )
    }

    #[test]
    fn a_minimal_file_parses_with_flags_defaulting_to_false() {
        let text = doc_with(&page("a", r#""sciatica""#));
        let doc = parse_learn(&text).unwrap();
        assert_eq!(doc.lang, Lang::Da);
        let a = doc.page("a").unwrap();
        assert_eq!(a.conditions, [Condition::Sciatica]);
        let blocks = &a.sections[0].blocks;
        assert_eq!((blocks[0].list, blocks[0].reassure), (false, true));
        assert_eq!((blocks[1].list, blocks[1].reassure), (true, false));
        assert!(!a.is_general());
    }

    #[test]
    fn bad_files_are_refused_with_a_typed_error() {
        let good = page("a", "");
        let cases = [
            ("".to_string(), "learn.format"),
            ("{".to_string(), "learn.format"),
            ("[]".to_string(), "learn.format"),
            (
                r#"{"lang":"sv","pages":[]}"#.to_string(),
                "learn.unknown_lang",
            ),
            (doc_with(&format!("{good},{good}")), "learn.duplicate_page"),
            (doc_with(&page(" ", "")), "learn.empty_id"),
            (
                doc_with(&good.replace(r#""title":"T""#, r#""title":" ""#)),
                "learn.empty_title",
            ),
            (
                doc_with(&good.replace(r#""source":"S""#, r#""source":"""#)),
                "learn.empty_source",
            ),
            (
                doc_with(&good.replace(r#""heading":"H""#, r#""heading":"""#)),
                "learn.empty_text",
            ),
            (
                doc_with(&good.replace("Gå en tur.", "  ")),
                "learn.empty_text",
            ),
            (doc_with(&page("a", r#""knee""#)), "learn.unknown_condition"),
            (
                doc_with(&page("a", r#""sciatica","sciatica""#)),
                "learn.unknown_condition",
            ),
            // A misspelt flag is refused, not read as false.
            (
                doc_with(&good.replace(r#""reassure":true"#, r#""reasure":true"#)),
                "learn.format",
            ),
            (
                doc_with(&good.replace(r#""list":true"#, r#""list":"yes""#)),
                "learn.format",
            ),
            (
                doc_with(&good.replace(r#""conditions":[],"#, "")),
                "learn.format",
            ),
        ];
        for (text, key) in cases {
            let err = parse_learn(&text).unwrap_err();
            assert_eq!(err.key(), key, "{text}: {err}");
        }
        let text = doc_with(&page("a", r#""knee""#));
        assert_eq!(
            parse_learn(&text).unwrap_err().to_string(),
            r#"learn.unknown_condition (a: "knee")"#
        );
    }

    #[test]
    fn a_link_names_another_page_of_the_file() {
        let linking = page("a", "").replace(
            r#"{"text":"Gå en tur.","list":true}"#,
            r#"{"text":"Gå en tur.","list":true,"link":"b"}"#,
        );
        let text = doc_with(&format!("{linking},{}", page("b", "")));
        let doc = parse_learn(&text).unwrap();
        let a = doc.page("a").unwrap();
        assert_eq!(a.sections[0].blocks[1].link.as_deref(), Some("b"));
        assert_eq!(a.sections[0].blocks[0].link, None);
        // (file, why it is refused)
        let cases = [
            (doc_with(&linking), "to a page not in the file"),
            (
                doc_with(&linking.replace(r#""link":"b""#, r#""link":"a""#)),
                "to itself",
            ),
        ];
        for (text, why) in cases {
            assert_eq!(
                parse_learn(&text).unwrap_err().key(),
                "learn.unknown_link",
                "{why}"
            );
        }
        let not_text = doc_with(&linking.replace(r#""link":"b""#, r#""link":1"#));
        assert_eq!(parse_learn(&not_text).unwrap_err().key(), "learn.format");
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_one_minute() {
        let per_minute = crate::rules::READING_WORDS_PER_MINUTE;
        // (words on the page, minutes)
        let cases = [
            (1, 1),
            (per_minute - 1, 1),
            (per_minute, 1),
            (per_minute + 1, 2),
            (3 * per_minute, 3),
        ];
        for (words, minutes) in cases {
            let text = vec!["ord"; words].join(" ");
            let json = doc_with(
                &page("a", "")
                    .replace("Ro på.", &text)
                    .replace(r#",{"text":"Gå en tur.","list":true}"#, ""),
            );
            let doc = parse_learn(&json).unwrap();
            assert_eq!(
                reading_minutes(doc.page("a").unwrap()),
                minutes,
                "{words} words"
            );
        }
    }

    #[test]
    fn chosen_conditions_pages_come_first_then_the_general_pages() {
        let text = doc_with(
            &[
                page("general-1", ""),
                page("neck", r#""neck-pain""#),
                page("oa", r#""knee-osteoarthritis","hip-osteoarthritis""#),
                page("general-2", ""),
                page("back", r#""low-back-pain""#),
            ]
            .join(","),
        );
        let doc = parse_learn(&text).unwrap();
        let ids = |chosen: &[Condition]| -> Vec<&str> {
            pages_for(&doc, chosen)
                .into_iter()
                .map(|p| p.id.as_str())
                .collect()
        };
        use Condition::*;
        let cases: [(&[Condition], &[&str]); 5] = [
            (&[], &["general-1", "general-2"]),
            (&[NotSure], &["general-1", "general-2"]),
            (&[LowBackPain], &["back", "general-1", "general-2"]),
            (
                &[LowBackPain, KneeOsteoarthritis, HipOsteoarthritis],
                &["oa", "back", "general-1", "general-2"],
            ),
            (&[Sciatica], &["general-1", "general-2"]),
        ];
        for (chosen, expected) in cases {
            assert_eq!(ids(chosen), expected, "{chosen:?}");
        }
    }

    #[test]
    fn reassuring_blocks_are_hidden_while_a_sign_is_ticked() {
        let text = doc_with(&page("a", ""));
        let doc = parse_learn(&text).unwrap();
        let a = doc.page("a").unwrap();
        let shown = visible_blocks(a, true);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].blocks.len(), 2);
        let hidden = visible_blocks(a, false);
        assert_eq!(hidden[0].blocks.len(), 1);
        assert_eq!(hidden[0].blocks[0].text, "Gå en tur.");
        // A section with only reassuring blocks disappears.
        let only = doc_with(&page("b", "").replace(r#","list":true"#, r#","reassure":true"#));
        let doc = parse_learn(&only).unwrap();
        assert!(visible_blocks(doc.page("b").unwrap(), false).is_empty());
    }

    #[test]
    fn lix_counts_words_sentences_and_long_words_as_documented() {
        // (text, words, sentences, long words)
        let cases = [
            ("", 0, 0, 0),
            ("   ", 0, 0, 0),
            ("Jeg går en tur. Det hjælper.", 6, 2, 1),
            ("Smerter betyder ikke altid skade", 5, 1, 2),
            ("Over 80 % får det bedre.", 5, 1, 0),
            ("2 kg svarer til 6-8 kg.", 6, 1, 0),
            ("Belastningen falder.", 2, 1, 1),
            ("Spørg dig selv: Er jeg okay nu? Ja!", 8, 3, 0),
            ("Første linje\nanden linje.", 4, 2, 0),
            ("Han sagde \"stop.\" Og så gik han", 7, 2, 0),
            ("nerverods-smerter", 1, 1, 1),
        ];
        for (text, words, sentences, long_words) in cases {
            let mut counts = LixCounts::default();
            counts.add(text);
            assert_eq!(
                counts,
                LixCounts {
                    words,
                    sentences,
                    long_words
                },
                "{text:?}"
            );
        }
    }

    #[test]
    fn lix_matches_hand_computed_values() {
        // 6 words, 2 sentences, 1 long ("hjælper"): 3 + 100/6.
        let cases = [
            ("Jeg går en tur. Det hjælper.", 3.0 + 100.0 / 6.0),
            ("Smerter betyder ikke altid skade", 5.0 + 40.0),
            ("Over 80 % får det bedre.", 5.0),
            ("", 0.0),
        ];
        for (text, expected) in cases {
            assert!(
                (lix(text) - expected).abs() < 1e-9,
                "{text:?}: {}",
                lix(text)
            );
        }
    }

    #[test]
    fn reassurance_words_are_found_as_whole_words_and_phrases() {
        // (text, expected words)
        let cases: [(&str, &[&str]); 10] = [
            ("", &[]),
            ("Opblussen er normalt", &["normalt"]),
            ("Det er som regel ufarligt.", &["ufarligt"]),
            ("Smerte 0-3 er sikker.", &["sikker"]),
            ("Hent en sikkerhedskopi og gå usikkert", &[]),
            ("Det går som regel over igen.", &["går som regel over"]),
            ("Det er gået over", &["gået over"]),
            ("Usually harmless, and it passes.", &["harmless", "passes"]),
            ("Up to {safe} is acceptable", &[]),
            ("In the SAFE zone", &["safe"]),
        ];
        for (text, words) in cases {
            assert_eq!(reassurance_words(text), words, "{text:?}");
        }
    }

    #[test]
    fn every_reassuring_text_is_marked_and_hidden_while_a_sign_is_ticked() {
        let text = doc_with(
            r#"{"id":"a","conditions":[],"title":"Det er normalt","reassure":true,"source":"S",
                "sections":[{"heading":"H","blocks":[{"text":"Ro på."}]}]},
               {"id":"b","conditions":[],"title":"B","source":"S","sections":[
                 {"heading":"Lidt ondt er ufarligt","reassure":true,"blocks":[{"text":"Det går over."}]},
                 {"heading":"Ikke sikkert","plain":true,"blocks":[{"text":"Det er sikkert.","reassure":true},
                   {"text":"Lev så normalt, som du kan.","plain":true},{"text":"Gå en tur."}]}]}"#,
        );
        let doc = parse_learn(&text).unwrap();
        assert_eq!(unmarked_reassurance(&doc), Vec::<String>::new());
        let (a, b) = (doc.page("a").unwrap(), doc.page("b").unwrap());
        assert!(page_visible(a, true) && !page_visible(a, false));
        assert!(page_visible(b, false));
        assert!(has_reassurance(a) && has_reassurance(b));
        let shown: Vec<(&str, usize)> = visible_blocks(b, false)
            .iter()
            .map(|s| (s.heading, s.blocks.len()))
            .collect();
        assert_eq!(shown, [("Ikke sikkert", 2)]);
        assert_eq!(visible_blocks(b, true).len(), 2);

        // Unmarked: the title, a heading, a block.
        let bad = doc_with(
            r#"{"id":"c","conditions":[],"title":"Opblussen er normalt","source":"S","sections":[
                 {"heading":"Det er ufarligt","blocks":[{"text":"Det går som regel over igen."},
                   {"text":"Det er ufarligt.","reassure":true}]}]}"#,
        );
        let doc = parse_learn(&bad).unwrap();
        assert_eq!(
            unmarked_reassurance(&doc),
            [
                "c: Opblussen er normalt",
                "c: Det er ufarligt",
                "c: Det går som regel over igen."
            ]
        );
        // A misspelt flag is refused, not read as false.
        let typo = doc_with(
            r#"{"id":"d","conditions":[],"title":"T","source":"S","reasure":true,"sections":[]}"#,
        );
        assert_eq!(parse_learn(&typo).unwrap_err().key(), "learn.format");
    }
}
