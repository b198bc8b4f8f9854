//! The shipped learn pages (`public/learn/*.json`): they parse, the Danish text stays
//! easy to read, both languages have the same shape, and reassuring words are always
//! flagged so they can be hidden while a warning sign is ticked (domain.md §8, §9).
//!
//! `cargo test -p trinvis-core --test learn -- --nocapture` prints each page's LIX.

use trinvis_core::learn::{
    lix, page_counts, page_lix, parse_learn, reading_minutes, unmarked_reassurance, LearnDoc,
    LearnPage,
};
use trinvis_core::rules::LIX_MAX;
use trinvis_core::safety::{Condition, WarningSign};
use trinvis_core::time::Lang;

const DA: &str = include_str!("../../public/learn/da.json");
const EN: &str = include_str!("../../public/learn/en.json");

fn da() -> LearnDoc {
    parse_learn(DA).unwrap()
}

fn en() -> LearnDoc {
    parse_learn(EN).unwrap()
}

/// Every text of a page a patient reads: title, headings and blocks.
fn all_text(page: &LearnPage) -> String {
    let mut text = page.title.clone();
    for section in &page.sections {
        text.push('\n');
        text.push_str(&section.heading);
        for block in &section.blocks {
            text.push('\n');
            text.push_str(&block.text);
        }
    }
    text
}

/// The general pages the app links to by id.
const GENERAL_PAGES: [&str; 8] = [
    "everyday-advice",
    "pain-not-damage",
    "scans",
    "no-exact-diagnosis",
    "training-may-hurt",
    "flare-ups",
    "more-is-not-better",
    "warning-signs",
];

#[test]
fn both_shipped_files_parse_in_their_language() {
    assert_eq!(da().lang, Lang::Da);
    assert_eq!(en().lang, Lang::En);
    assert!(!da().pages.is_empty());
}

#[test]
fn every_danish_page_is_easy_to_read() {
    for page in &da().pages {
        let value = page_lix(page);
        assert!(
            value <= LIX_MAX,
            "{}: LIX {value:.1} > {LIX_MAX} ({:?})",
            page.id,
            page_counts(page)
        );
    }
}

#[test]
fn print_the_lix_of_every_page() {
    for doc in [da(), en()] {
        for page in &doc.pages {
            let c = page_counts(page);
            println!(
                "{} {:<20} LIX {:>5.1}  {} min  ({} words, {} sentences, {} long)  source: {}",
                doc.lang.code(),
                page.id,
                page_lix(page),
                reading_minutes(page),
                c.words,
                c.sentences,
                c.long_words,
                page.source
            );
        }
    }
}

#[test]
fn both_languages_have_the_same_pages_sections_blocks_and_flags() {
    let (da, en) = (da(), en());
    let ids = |doc: &LearnDoc| doc.pages.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&da), ids(&en));
    for (d, e) in da.pages.iter().zip(&en.pages) {
        assert_eq!(d.conditions, e.conditions, "{}", d.id);
        assert_eq!(d.sections.len(), e.sections.len(), "{}: sections", d.id);
        assert_eq!(d.reassure, e.reassure, "{}: the title's flag", d.id);
        for (i, (ds, es)) in d.sections.iter().zip(&e.sections).enumerate() {
            assert_eq!(
                ds.reassure, es.reassure,
                "{} section {i}: the heading's flag",
                d.id
            );
            assert_eq!(ds.blocks.len(), es.blocks.len(), "{} section {i}", d.id);
            for (j, (db, eb)) in ds.blocks.iter().zip(&es.blocks).enumerate() {
                assert_eq!(
                    (db.list, db.reassure, &db.link),
                    (eb.list, eb.reassure, &eb.link),
                    "{} section {i} block {j}: {:?} / {:?}",
                    d.id,
                    db.text,
                    eb.text
                );
            }
        }
    }
}

#[test]
fn every_condition_has_a_page_and_not_sure_has_the_general_pages() {
    let doc = da();
    for condition in Condition::ALL {
        let pages = doc
            .pages
            .iter()
            .filter(|p| p.conditions.contains(&condition))
            .count();
        if condition == Condition::NotSure {
            assert_eq!(pages, 0, "not sure gets the general pages");
        } else {
            assert_eq!(pages, 1, "{}", condition.id());
        }
    }
    for id in GENERAL_PAGES {
        let page = doc.page(id).unwrap_or_else(|| panic!("page {id} missing"));
        assert!(page.is_general(), "{id}");
    }
}

#[test]
fn every_page_names_its_source() {
    for doc in [da(), en()] {
        for page in &doc.pages {
            assert!(page.source.chars().count() > 20, "{}", page.id);
        }
    }
}

#[test]
fn the_warning_signs_page_never_reassures_and_names_all_seven_signs() {
    // (sign, Danish words, English words): each must appear on the page.
    let words = [
        (
            WarningSign::SaddleNumbness,
            "ridebukseområdet",
            "saddle area",
        ),
        (WarningSign::BladderBowel, "vandladning", "bladder"),
        (WarningSign::StrengthLoss, "kraft", "strength"),
        (WarningSign::SeverePain, "stærke smerter", "severe pain"),
        (WarningSign::SpreadingNumbness, "prikken", "tingling"),
        (
            WarningSign::FeverWeightLoss,
            "feber eller vægttab",
            "fever or weight loss",
        ),
        (WarningSign::Accident, "ulykke", "accident"),
    ];
    // The neck sign (WarningSign::NeckCord, neck conditions only) is not on the page yet.
    assert_eq!(words.len(), WarningSign::ALL.len() - 1);
    for (doc, is_da) in [(da(), true), (en(), false)] {
        let page = doc.page("warning-signs").unwrap();
        assert!(
            page.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .all(|b| !b.reassure),
            "warning-signs must show in full while a sign is ticked"
        );
        let text = all_text(page).to_lowercase();
        for (sign, da_word, en_word) in words {
            let word = if is_da { da_word } else { en_word };
            assert!(text.contains(word), "{}: {word:?} missing", sign.id());
        }
        for must in ["112", "lægevagten"] {
            assert!(text.contains(must), "{must} missing");
        }
    }
}

#[test]
fn no_unflagged_block_says_symptoms_are_harmless() {
    let words = [
        "ufarlig",
        "ikke farlig",
        "harmless",
        "not dangerous",
        "not harmful",
    ];
    for doc in [da(), en()] {
        for page in &doc.pages {
            assert!(
                !words.iter().any(|w| page.title.to_lowercase().contains(w)),
                "{}: title",
                page.id
            );
            for section in &page.sections {
                for block in section.blocks.iter().filter(|b| !b.reassure) {
                    let text = block.text.to_lowercase();
                    for word in words {
                        assert!(!text.contains(word), "{}: {:?}", page.id, block.text);
                    }
                }
            }
        }
    }
}

#[test]
fn the_condition_pages_carry_the_seeds_figures() {
    let doc = da();
    // (page, figures that must appear)
    let cases: [(&str, &[&str]); 6] = [
        ("sciatica", &["12 uger", "80 %", "8-12 uger"]),
        ("neck-nerve-root", &["80 %", "8-12 uger"]),
        ("osteoarthritis", &["2 kg", "6-8 kg"]),
        ("spinal-stenosis", &["forover", "sidde"]),
        (
            "training-may-hurt",
            &["0-3", "4-5", "over 5", "okay nu", "okay senere"],
        ),
        ("more-is-not-better", &["126", "2 point"]),
    ];
    for (id, figures) in cases {
        let text = all_text(doc.page(id).unwrap()).to_lowercase();
        for figure in figures {
            assert!(text.contains(figure), "{id}: {figure:?} missing");
        }
    }
}

#[test]
fn lix_of_sample_texts_matches_the_hand_count() {
    // 8 words, 2 sentences; long: "Træning" (7 letters; "stærk." has 5): 4 + 12.5.
    let text = "Din ryg tåler meget. Træning gør dig stærk.";
    assert!((lix(text) - (4.0 + 12.5)).abs() < 1e-9, "{}", lix(text));
    // 12 words, 3 sentences (":" ends one); long: "nakkesmerter", "almindelige": 4 + 16.67.
    let text = "Husk det: nakkesmerter er almindelige. De fleste får det bedre igen snart";
    assert!(
        (lix(text) - (4.0 + 200.0 / 12.0)).abs() < 1e-9,
        "{}",
        lix(text)
    );
}

#[test]
fn a_link_reads_as_the_title_of_the_page_it_opens() {
    for doc in [da(), en()] {
        for page in &doc.pages {
            for block in page.sections.iter().flat_map(|s| &s.blocks) {
                if let Some(link) = &block.link {
                    let target = doc.page(link).expect("parse_learn checks links");
                    assert_eq!(block.text, target.title, "{}: link to {link}", page.id);
                }
            }
        }
    }
}

#[test]
fn shared_advice_is_written_once_and_every_condition_page_links_to_it() {
    for doc in [da(), en()] {
        for page in doc.pages.iter().filter(|p| !p.is_general()) {
            let links: Vec<&str> = page
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter_map(|b| b.link.as_deref())
                .collect();
            for must in ["everyday-advice", "pain-not-damage", "warning-signs"] {
                assert!(links.contains(&must), "{}: no link to {must}", page.id);
            }
        }
        // No paragraph is repeated across the pages (two closely related pages, such as
        // the two nerve-root pages, may share one).
        let mut pages_with = std::collections::BTreeMap::<&str, usize>::new();
        for page in &doc.pages {
            for block in page.sections.iter().flat_map(|s| &s.blocks) {
                if block.link.is_none() {
                    *pages_with.entry(block.text.as_str()).or_default() += 1;
                }
            }
        }
        for (text, n) in pages_with {
            assert!(n <= 2, "on {n} pages: {text:?}");
        }
    }
}

#[test]
fn pain_is_not_damage_is_said_for_lasting_pain_and_new_pain_follows_the_load() {
    let doc = da();
    let page = doc.page("pain-not-damage").unwrap();
    let text = all_text(page).to_lowercase();
    assert!(text.contains("lige fået ondt"), "new pain is named");
    assert!(text.contains("belastet"), "new pain follows the load");
    for block in page.sections.iter().flat_map(|s| &s.blocks) {
        if block.text.contains("skade") && block.reassure {
            assert!(block.text.contains("langvarige"), "{:?}", block.text);
        }
    }
}

#[test]
fn the_nerve_root_pages_say_a_few_get_worse_and_need_a_closer_look() {
    for id in ["sciatica", "neck-nerve-root"] {
        let text = all_text(da().page(id).unwrap());
        assert!(text.contains("Nogle få får det gradvist værre"), "{id}");
        let text = all_text(en().page(id).unwrap());
        assert!(text.contains("A few people get gradually worse"), "{id}");
    }
}

#[test]
fn every_reassuring_text_on_the_learn_pages_is_marked() {
    for doc in [da(), en()] {
        let unmarked = unmarked_reassurance(&doc);
        assert!(
            unmarked.is_empty(),
            "{:?}: texts with a reassurance word, neither `reassure` nor `plain`:\n{}",
            doc.lang,
            unmarked.join("\n")
        );
    }
    // The titles the review named are hidden while a sign is ticked.
    for id in ["flare-ups", "training-may-hurt"] {
        assert!(da().page(id).unwrap().reassure, "{id}");
    }
}
