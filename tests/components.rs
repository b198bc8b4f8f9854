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

/// Opens the screen at `hash` (e.g. "#/"; "" is a first visit's bare address).
fn go(hash: &str) {
    let w = web_sys::window().unwrap();
    let url = format!("{}{}", w.location().pathname().unwrap(), hash);
    w.history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Mounts the app on the today screen in a fresh container; returns the container.
fn mount() -> HtmlElement {
    go("#/");
    mount_here()
}

/// Mounts the app at the current address.
fn mount_here() -> HtmlElement {
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
    // The card shrinks to one line that names the score.
    assert!(
        text.contains("smerte 5"),
        "the confirmation does not name the check-in: {text}"
    );
    assert!(buttons(&root, "Gem").is_empty(), "the form is still there");
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
    // The switch lives under "Mere".
    go("#/more");
    let root = mount_here();
    leptos::task::tick().await;
    buttons(&root, "English")[0].click();
    leptos::task::tick().await;
    assert!(root.text_content().unwrap().contains("Your data"));
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

#[wasm_bindgen_test]
async fn a_first_visit_opens_the_welcome_and_a_link_to_a_screen_does_not() {
    ls().clear().unwrap();
    go("");
    let root = mount_here();
    leptos::task::tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Velkommen til Trinvis"));
    root.remove();
    go("#/check");
    let root = mount_here();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Velkommen til Trinvis"), "{text}");
    assert!(text.contains("Tjek for advarselstegn"), "{text}");
    root.remove();
    go("#/");
}

#[wasm_bindgen_test]
async fn an_urgent_warning_sign_is_stored_and_says_contact_a_doctor_now() {
    ls().clear().unwrap();
    go("#/check");
    let root = mount_here();
    leptos::task::tick().await;
    // The first question is the first urgent sign; its "Ja" is the first "Ja".
    buttons(&root, "Ja")[0].click();
    leptos::task::tick().await;
    let alert = root
        .query_selector(".warning[role=alert]")
        .unwrap()
        .expect("an alert with the warning");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Kontakt en læge nu"), "{text}");
    assert!(text.contains("112"), "{text}");
    let profile = ls().get_item("trinvis.profile").unwrap().unwrap();
    assert!(profile.contains("\"saddle_numbness\":true"), "{profile}");
    root.remove();
    ls().clear().unwrap();
    go("#/");
}

#[wasm_bindgen_test]
async fn the_read_only_page_writes_no_settings_and_says_the_language_was_not_kept() {
    ls().clear().unwrap();
    let future = include_str!("../core/tests/fixtures/checkins-v999-future.json");
    let v: serde_json::Value = serde_json::from_str(future).unwrap();
    let key = format!("trinvis.checkins.{}", v["month"].as_str().unwrap());
    ls().set_item(&key, future).unwrap();
    // The language switch lives under "Mere".
    go("#/more");
    let root = mount_here();
    leptos::task::tick().await;
    buttons(&root, "English")[0].click();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    // The switch applies for this visit, and the patient is told it was not kept.
    assert!(text.contains("Language"), "{text}");
    assert!(text.contains("could not be saved"), "{text}");
    assert_eq!(ls().get_item("trinvis.settings").unwrap(), None);
    assert_eq!(ls().get_item("trinvis.profile").unwrap(), None);
    assert_eq!(ls().get_item(&key).unwrap().as_deref(), Some(future));
    root.remove();
    ls().clear().unwrap();
    go("#/");
}

#[wasm_bindgen_test]
async fn a_condition_chosen_in_the_welcome_is_stored_once_and_unchoosing_removes_it() {
    ls().clear().unwrap();
    go("");
    let root = mount_here();
    leptos::task::tick().await;
    buttons(&root, "Næste")[0].click();
    leptos::task::tick().await;
    let boxes = || {
        root.query_selector("#cond-sciatica")
            .unwrap()
            .expect("the sciatica choice")
            .unchecked_into::<HtmlElement>()
    };
    boxes().click();
    leptos::task::tick().await;
    let profile = ls().get_item("trinvis.profile").unwrap().unwrap();
    assert_eq!(profile.matches("sciatica").count(), 1, "{profile}");
    assert!(
        profile.contains("\"conditions\":[\"sciatica\"]"),
        "{profile}"
    );
    boxes().click();
    leptos::task::tick().await;
    let profile = ls().get_item("trinvis.profile").unwrap().unwrap();
    assert!(profile.contains("\"conditions\":[]"), "{profile}");
    root.remove();
    ls().clear().unwrap();
    go("#/");
}

#[wasm_bindgen_test]
async fn a_weekly_review_with_no_face_answered_says_so_and_stores_nothing() {
    ls().clear().unwrap();
    go("#/progress");
    let root = mount_here();
    leptos::task::tick().await;
    buttons(&root, "Gem ugens svar")[0].click();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Svar på mindst ét spørgsmål"), "{text}");
    assert_eq!(ls().get_item("trinvis.reviews").unwrap(), None);
    root.remove();
    ls().clear().unwrap();
    go("#/");
}
