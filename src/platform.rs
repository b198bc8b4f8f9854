//! Small browser helpers that are not storage: the panic hook, performance marks, the
//! document language, file downloads and reloading. Browser storage lives in `storage`.

use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Shows the rescue screen of `shell.js` (plain HTML, works without the wasm) when the app
/// panics, so a bug never leaves a blank page or holds the diary hostage.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        call_shell("trinvisRescue", &JsValue::from_str(&message));
    }));
}

/// Calls `window[name](arg)` if `shell.js` defined it.
fn call_shell(name: &str, arg: &JsValue) {
    let Some(w) = window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str(name)) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(&JsValue::NULL, arg);
        }
    }
}

/// Writes a warning on the console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The `content` of `<meta name="{name}">` in the page, if there is one.
pub fn meta_content(name: &str) -> Option<String> {
    let doc = window()?.document()?;
    doc.query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// Tells `shell.js` that the app is running (it stops watching for start-up failures).
pub fn notify_started() {
    call_shell("trinvisStarted", &JsValue::TRUE);
}

/// Removes the static "starting" text of index.html.
pub fn remove_boot_placeholder() {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// A performance mark, read by the benchmark (never by tests).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A performance measure from the mark `start` to now, read by the benchmark.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
        p.clear_marks_with_mark_name(start);
    }
}

/// Sets `<html lang>` and the title so screen readers use the right voice.
pub fn set_document_lang(code: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, text: &str, mime: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reloads the page.
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// Resolves on the next macrotask, letting the browser paint first.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted the current frame: the next animation frame, then
/// the next macrotask (a timeout set in an animation frame runs after that frame's paint).
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let asked = window().is_some_and(|w| w.request_animation_frame(&resolve).is_ok());
        if !asked {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    next_tick().await;
}

/// The stylesheet of the coach section and the rarely opened screens (`pkg-<hash>/screens.css`,
/// release build: see style/screens.css), added to the page when the first of their parts
/// loads (the coach's, after the first paint), by public/shell.js
/// (`trinvisScreensCss`, which keeps one request and retries after a failure). The request
/// starts at once; the future resolves when the sheet has loaded or failed. A failed sheet
/// leaves the screen in the first screen's styles (plain, never blank).
#[cfg(feature = "split")]
pub fn screens_css() -> impl std::future::Future<Output = ()> {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_name = trinvisScreensCss)]
        fn add_screens_css() -> Result<js_sys::Promise, JsValue>;
    }
    let sheet = add_screens_css().ok();
    async move {
        if let Some(sheet) = sheet {
            let _ = wasm_bindgen_futures::JsFuture::from(sheet).await;
        }
    }
}

/// The location fragment (`#/learn`), or "".
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `f` with the new fragment whenever it changes (links, back and forward).
pub fn on_hash_change(f: impl Fn(String) + 'static) {
    let Some(w) = window() else { return };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || f(hash()));
    let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Scrolls to the top of the page (after a new screen is shown).
pub fn scroll_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The text of a same-origin file (e.g. `learn/da.json`), or `None` when it cannot be
/// fetched (offline before the first visit cached it, or a server error).
pub async fn fetch_text(url: &str) -> Option<String> {
    let w = window()?;
    let resp = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url))
        .await
        .ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(resp.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// Sets the location fragment (a new history entry; `hashchange` follows).
pub fn set_hash(hash: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replaces the location fragment without a new history entry (`hashchange` follows), so
/// "back" does not return to it (used to clear a plan link once answered).
pub fn replace_hash(hash: &str) {
    if let Some(w) = window() {
        let _ = w.location().replace(hash);
    }
}

/// The app's own address without the fragment ("https://…/trinvis/"), for links.
pub fn app_address() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let l = w.location();
    format!(
        "{}{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

/// The text of a file the patient picked (`File.text()`, UTF-8), or `None` when the
/// browser could not read it.
pub async fn read_file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}

/// Copies `text` with `navigator.clipboard.writeText`; `false` when there is no clipboard
/// access here (older browsers, no permission, not a secure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let Ok(clipboard) = js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard"))
    else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return false;
    };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
