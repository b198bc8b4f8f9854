//! The learn pages (domain.md §9). The texts are not in the wasm: `learn/da.json` and
//! `learn/en.json` are fetched from the same origin (the service worker precaches them)
//! and parsed by `trinvis_core::learn`. Reassuring blocks are hidden while a warning sign
//! is ticked.

use crate::i18n::check::condition_key;
use crate::i18n::check::Check;
use crate::i18n::learn::Learn;
use crate::i18n::welcome::Welcome;
use crate::i18n::{fill, text};
use crate::platform;
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use trinvis_core::learn::{
    has_reassurance, page_visible, pages_for, parse_learn, reading_minutes, visible_blocks,
    LearnDoc, LearnPage,
};
use trinvis_core::time::Lang;

/// The learn file as loaded so far: `None` while loading, `Some(None)` when it failed.
/// Provided once by the app, so moving between pages does not fetch again.
#[derive(Clone, Copy)]
pub struct Docs(pub RwSignal<Option<Option<Arc<LearnDoc>>>>);

/// Loads the learn file of `lang` into `docs`.
fn load(docs: Docs, lang: Lang) {
    docs.0.set(None);
    leptos::task::spawn_local(async move {
        let url = format!("learn/{}.json", lang.code());
        let doc = platform::fetch_text(&url)
            .await
            .and_then(|t| parse_learn(&t).ok())
            .map(Arc::new);
        docs.0.set(Some(doc));
    });
}

/// The list of pages, or one page.
#[component]
pub fn LearnScreen(
    /// The page id, or `None` for the list.
    page: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let docs = expect_context::<Docs>();
    // (Re)load when the language changes or nothing matching is loaded yet.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let loaded = docs.0.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.as_ref().map(|d| d.lang == lang))
                .unwrap_or(false)
        });
        if !loaded {
            load(docs, lang);
        }
    });
    let page = StoredValue::new(page);
    move || {
        let lang = state.lang.get();
        let doc = match docs.0.get() {
            None => {
                return view! { <p class="card" role="status">{text(lang, Learn::LearnLoading)}</p> }
                    .into_any()
            }
            Some(None) => {
                return view! { <p class="card" role="alert">{text(lang, Learn::LearnFailed)}</p> }
                    .into_any()
            }
            Some(Some(doc)) => doc,
        };
        match page.get_value() {
            None => list(state, lang, &doc).into_any(),
            Some(id) => match doc.page(&id) {
                Some(p) => one_page(state, lang, p).into_any(),
                None => view! {
                    <section class="card">
                        <p>{text(lang, Learn::LearnNotFound)}</p>
                        <p><a href=Route::Learn(None).href()>{text(lang, Learn::LearnBack)}</a></p>
                    </section>
                }
                .into_any(),
            },
        }
    }
}

/// Links to pages, with a heading.
fn links(title: Learn, lang: Lang, pages: Vec<&LearnPage>) -> impl IntoView {
    (!pages.is_empty()).then(|| {
        let items = pages
            .into_iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect();
        view! {
            <h3>{text(lang, title)}</h3>
            {link_list(items)}
        }
    })
}

fn list(state: AppState, lang: Lang, doc: &LearnDoc) -> impl IntoView {
    let chosen = state.profile.with(|p| p.conditions.clone());
    // Pages whose title reassures are not listed while a warning sign is ticked.
    let reassure = state.may_reassure();
    let shown = |p: &&LearnPage| page_visible(p, reassure);
    let mine: Vec<&LearnPage> = pages_for(doc, &chosen)
        .into_iter()
        .filter(|p| !p.is_general())
        .filter(shown)
        .collect();
    let general: Vec<&LearnPage> = doc
        .pages
        .iter()
        .filter(|p| p.is_general())
        .filter(shown)
        .collect();
    let other: Vec<&LearnPage> = doc
        .pages
        .iter()
        .filter(|p| !p.is_general() && !mine.iter().any(|m| m.id == p.id))
        .filter(shown)
        .collect();
    let chosen_names = (!chosen.is_empty()).then(|| {
        let names: Vec<&str> = chosen
            .iter()
            .map(|c| text(lang, condition_key(*c)))
            .collect();
        view! { <p class="hint">{names.join(" · ")}</p> }
    });
    view! {
        <section class="card learn" aria-labelledby="learn-h">
            <h2 id="learn-h">{text(lang, Learn::LearnHeading)}</h2>
            <p class="intro">{text(lang, Learn::LearnIntro)}</p>
            {chosen_names}
            {links(Learn::LearnYours, lang, mine)}
            {links(Learn::LearnGeneral, lang, general)}
            {links(Learn::LearnOther, lang, other)}
            <p><a href=Route::Welcome.href()>{text(lang, Welcome::WelcomeAgain)}</a></p>
        </section>
    }
}

/// A list of links to pages, `(page id, text)`: the same view as the page list's, so the
/// wasm carries its code once.
fn link_list(items: Vec<(String, String)>) -> AnyView {
    let lis = items
        .into_iter()
        .map(|(id, t)| view! { <li><a href=Route::Learn(Some(id)).href()>{t}</a></li> })
        .collect_view();
    view! { <ul class="links">{lis}</ul> }.into_any()
}

fn one_page(state: AppState, lang: Lang, page: &LearnPage) -> AnyView {
    let reassure = state.may_reassure();
    let hidden = !reassure && has_reassurance(page);
    if !page_visible(page, reassure) {
        // The title itself reassures: nothing of the page while a sign is ticked.
        return view! {
            <article class="card learn" aria-labelledby="page-h">
                <p class="no-print"><a href=Route::Learn(None).href()>{text(lang, Learn::LearnBack)}</a></p>
                <h2 id="page-h">{text(lang, Learn::LearnPageHidden)}</h2>
                <p class="warning">{text(lang, Learn::LearnHidden)}</p>
                <p><a href=Route::Check.href()>{text(lang, Check::BannerLink)}</a></p>
            </article>
        }
        .into_any();
    }
    let sections = visible_blocks(page, reassure)
        .into_iter()
        .map(|s| {
            // Consecutive list blocks form one list.
            let mut parts: Vec<AnyView> = Vec::new();
            // A block with a link is a link to that page; consecutive ones form one list.
            let mut items: Vec<String> = Vec::new();
            let mut linked: Vec<(String, String)> = Vec::new();
            let flush = |items: &mut Vec<String>, parts: &mut Vec<AnyView>| {
                if !items.is_empty() {
                    let lis = std::mem::take(items)
                        .into_iter()
                        .map(|t| view! { <li>{t}</li> })
                        .collect_view();
                    parts.push(view! { <ul>{lis}</ul> }.into_any());
                }
            };
            for b in s.blocks {
                if let Some(id) = &b.link {
                    flush(&mut items, &mut parts);
                    linked.push((id.clone(), b.text.clone()));
                    continue;
                }
                if !linked.is_empty() {
                    parts.push(link_list(std::mem::take(&mut linked)));
                }
                if b.list {
                    items.push(b.text.clone());
                } else {
                    flush(&mut items, &mut parts);
                    parts.push(view! { <p>{b.text.clone()}</p> }.into_any());
                }
            }
            flush(&mut items, &mut parts);
            if !linked.is_empty() {
                parts.push(link_list(linked));
            }
            view! {
                <h3>{s.heading.to_string()}</h3>
                {parts}
            }
        })
        .collect_view();
    view! {
        <article class="card learn" aria-labelledby="page-h">
            <p class="no-print"><a href=Route::Learn(None).href()>{text(lang, Learn::LearnBack)}</a></p>
            <h2 id="page-h">{page.title.clone()}</h2>
            <p class="hint">{fill(text(lang, Learn::LearnReadingTime), &[("minutes", &reading_minutes(page).to_string())])}</p>
            {hidden.then(|| view! { <p class="warning">{text(lang, Learn::LearnHidden)}</p> })}
            {sections}
            <p class="source">{fill(text(lang, Learn::LearnSource), &[("source", &page.source)])}</p>
        </article>
    }
    .into_any()
}
