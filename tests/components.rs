//! Browser tests of component wiring: mount the app, act, read the DOM and storage.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts the app in a fresh container; returns the container.
fn mount() -> HtmlElement {
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), trinvis::app::App);
    handle.forget();
    root
}

fn buttons(root: &HtmlElement, text: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .filter(|b| b.text_content().unwrap_or_default().trim() == text)
        .collect()
}

fn month_keys() -> usize {
    let s = ls();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("trinvis.checkins."))
        .count()
}

#[wasm_bindgen_test]
async fn choosing_a_pain_and_saving_stores_a_check_in_and_says_so() {
    ls().clear().unwrap();
    let root = mount();
    leptos::task::tick().await;
    // The first "5" is the pain scale (the optional scales come after it).
    buttons(&root, "5")[0].click();
    leptos::task::tick().await;
    assert_eq!(
        buttons(&root, "5")[0]
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    buttons(&root, "Gem")[0].click();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Gemt kl."), "no saved message in: {text}");
    assert!(
        text.contains("Smerte 5"),
        "the list does not show the check-in: {text}"
    );
    assert_eq!(month_keys(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn saving_without_a_pain_score_asks_for_one_and_stores_nothing() {
    ls().clear().unwrap();
    let root = mount();
    leptos::task::tick().await;
    buttons(&root, "Gem")[0].click();
    leptos::task::tick().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("Vælg først"));
    assert_eq!(month_keys(), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_is_remembered() {
    ls().clear().unwrap();
    let root = mount();
    leptos::task::tick().await;
    buttons(&root, "English")[0].click();
    leptos::task::tick().await;
    assert!(root.text_content().unwrap().contains("How are you doing?"));
    let settings = ls().get_item("trinvis.settings").unwrap().unwrap();
    assert!(settings.contains("\"lang\":\"en\""), "{settings}");
    root.remove();
    // A new mount (a new visit) starts in English.
    let root = mount();
    leptos::task::tick().await;
    assert!(root.text_content().unwrap().contains("How are you doing?"));
    root.remove();
    ls().clear().unwrap();
}
