//! Screens that are loaded when first opened (issue 15, spike).
//!
//! With the cargo feature `split`, each screen below is a `wasm_split` split point: the
//! splitter (`wasm-split-cli`) moves the code only that screen reaches into its own wasm
//! chunk, and the first call fetches and instantiates that chunk. Without the feature
//! (Trunk's plain build, the unit and browser tests) every screen is an ordinary call.
//!
//! This is what Leptos 0.8's `#[lazy]` expands to, but with wasm_split's `fallible` option:
//! a chunk that fails to load (offline before the first visit cached it, a flaky network)
//! becomes an `Err`, shown with "Prøv igen", instead of a panic, which with
//! `panic = "abort"` would end the app. A failed load is not cached, so "Prøv igen"
//! starts a new fetch.

use leptos::prelude::*;

#[cfg(feature = "split")]
use crate::i18n::shell::Sh;
#[cfg(feature = "split")]
use crate::state::AppState;

/// A chunk could not be fetched or instantiated (the details are in the console).
#[cfg(feature = "split")]
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// How a part looks while it loads and when it fails: a whole screen, the coach section of
/// the today screen (its heading stays in place, so the check-in above never moves), or a
/// card of the today screen that lives in the coach's part and shows nothing until it is
/// there (a failed load is told in the coach's card), or the check-in's optional fields, in
/// the coach's part too ("Henter …" while they load; a failed load says so with "Prøv igen").
#[cfg(feature = "split")]
#[derive(Clone, Copy)]
enum Frame {
    Screen,
    #[cfg(feature = "split-coach")]
    Coach,
    #[cfg(feature = "split-coach")]
    Quiet,
    #[cfg(feature = "split-coach")]
    Fields,
}

/// Renders a split screen: "Henter …" (shown only if the part takes longer than a moment,
/// style/main.css `.part-wait`) until its texts and its part are loaded (warm: the next
/// tick), then the screen; on a failed load a plain message with "Prøv igen".
#[cfg(feature = "split")]
fn retrying<F, Fut>(frame: Frame, load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, LoadFailed>> + 'static,
{
    let state = expect_context::<AppState>();
    let attempt = RwSignal::new(0u32);
    let wait = move || {
        let line = view! { <p class="part-wait" role="status">{super::tr(state, Sh::Loading)}</p> };
        match frame {
            Frame::Screen => line.into_any(),
            #[cfg(feature = "split-coach")]
            Frame::Coach => coach_frame(state, line).into_any(),
            #[cfg(feature = "split-coach")]
            Frame::Quiet => ().into_any(),
            #[cfg(feature = "split-coach")]
            Frame::Fields => line.into_any(),
        }
    };
    view! {
        <Suspense fallback=wait>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(send_wrapper::SendWrapper::new(async move {
                    let lang = state.lang.get_untracked();
                    // The coach section waits until the check-in above it has been painted:
                    // its requests then never delay the first screen's largest paint. Its
                    // texts are the first screen's (in the wasm in Danish).
                    #[cfg(feature = "split-coach")]
                    let texts_there = match frame {
                        Frame::Coach | Frame::Quiet => {
                            crate::platform::after_paint().await;
                            crate::i18n::apart::first_screen_ready(lang)
                        }
                        Frame::Fields => crate::i18n::apart::first_screen_ready(lang),
                        Frame::Screen => false,
                    };
                    #[cfg(not(feature = "split-coach"))]
                    let texts_there = false;
                    // The styles of the coach and the rare screens (style/screens.css):
                    // requested now, side by side with the part; waited for before the
                    // part's view is shown.
                    let css = crate::platform::screens_css();
                    // The part's texts first (the Danish of the rare screens, or the
                    // English: `crate::i18n::apart`); at once when they are there.
                    if !texts_there && !crate::i18n::apart::ensure(lang).await {
                        return failed(state, frame, attempt);
                    }
                    let view = load().await;
                    css.await;
                    match view {
                        Ok(view) => view,
                        Err(LoadFailed) => failed(state, frame, attempt),
                    }
                }))
            }}
        </Suspense>
    }
}

/// The coach section's card with its heading, around what stands in for its content.
#[cfg(feature = "split-coach")]
fn coach_frame(state: AppState, inner: impl IntoView) -> impl IntoView {
    view! {
        <section class="no-print coach" aria-labelledby="coach-h">
            <div class="card">
                <h2 id="coach-h">{super::tr(state, Sh::CoachHeading)}</h2>
                {inner}
            </div>
        </section>
    }
}

#[cfg(feature = "split")]
fn failed(state: AppState, frame: Frame, attempt: RwSignal<u32>) -> AnyView {
    let retry = move || {
        view! {
            <p>{super::tr(state, Sh::PartFailedHelp)}</p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {super::tr(state, Sh::TryAgain)}
            </button>
        }
    };
    match frame {
        Frame::Screen => view! {
            <section class="card" role="alert">
                <h2>{super::tr(state, Sh::PartFailed)}</h2>
                {retry()}
            </section>
        }
        .into_any(),
        #[cfg(feature = "split-coach")]
        Frame::Coach => coach_frame(
            state,
            view! {
                <div role="alert">
                    <p>{super::tr(state, Sh::CoachPartFailed)}</p>
                    {retry()}
                </div>
            },
        )
        .into_any(),
        #[cfg(feature = "split-coach")]
        Frame::Quiet => ().into_any(),
        #[cfg(feature = "split-coach")]
        Frame::Fields => view! {
            <div role="alert">
                <p>{super::tr(state, Sh::FieldsPartFailed)}</p>
                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                    {super::tr(state, Sh::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
    }
}

/// One lazily loaded screen: `name / chunk (args) => view`. All screens with the same
/// chunk name end up in one wasm chunk.
macro_rules! lazy_screen {
    ($(#[$doc:meta])* $name:ident / $chunk:ident ($($arg:ident : $ty:ty),*) => $body:expr) => {
        lazy_screen! { $(#[$doc])* $name / $chunk [Screen] ($($arg: $ty),*) => $body }
    };
    ($(#[$doc:meta])* $name:ident / $chunk:ident [$frame:ident] ($($arg:ident : $ty:ty),*) => $body:expr) => {
        $(#[$doc])*
        pub fn $name($($arg: $ty),*) -> AnyView {
            #[cfg(feature = "split")]
            {
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn $chunk($($arg: $ty),*) -> Result<AnyView, LoadFailed> {
                    Ok($body.into_any())
                }
                retrying(Frame::$frame, move || $chunk($($arg.clone()),*)).into_any()
            }
            #[cfg(not(feature = "split"))]
            {
                $body.into_any()
            }
        }
    };
}

lazy_screen! {
    /// The physiotherapist's page (`#/physio`).
    physio / physio () => view! { <super::PhysioPage /> }
}

lazy_screen! {
    /// The one-page summary for the physiotherapist (`#/summary`).
    summary / summary () => view! { <super::SummaryScreen /> }
}

lazy_screen! {
    /// Goals, the weekly review and the charts (`#/progress`), drawn at once with the diary
    /// link above and the baseline card below (whose code stays in the main module: the
    /// today screen shows it too).
    progress / progress () => {
        let state = expect_context::<crate::state::AppState>();
        view! {
            <p class="card diary-link no-print">
                <a href=crate::route::Route::Diary.href()>
                    {super::icons::icon(super::icons::Icon::CheckIn)}
                    <span>{super::tr(state, crate::i18n::shell::Sh::DiaryLink)}</span>
                </a>
            </p>
            <super::ProgressScreen />
            <super::BaselineCard />
        }
    }
}

lazy_screen! {
    /// The learn pages (`#/learn`, `#/learn/<id>`).
    learn / learn (page: Option<String>) => view! { <super::LearnScreen page=page /> }
}

lazy_screen! {
    /// The first visit, long or short (`#/welcome`, `#/welcome/plan`).
    welcome / welcome (short: bool) => view! { <super::Welcome short=short /> }
}

lazy_screen! {
    /// The warning-sign check (`#/check`).
    check / check () => view! { <super::CheckScreen /> }
}

lazy_screen! {
    /// "Mere" with "Dine data": backups, CSV, import (`#/more`).
    more / more () => view! { <super::more::MoreScreen /> }
}

lazy_screen! {
    /// Every check-in, day by day (`#/diary`).
    diary / diary () => view! { <super::more::DiaryScreen /> }
}

lazy_screen! {
    /// An opened plan link (`#plan=…`): the plan in words, "Tilføj planen" / "Nej tak".
    plan_offer / plan (fragment: String) => view! { <super::PlanOffer fragment=fragment /> }
}

#[cfg(feature = "split-coach")]
lazy_screen! {
    /// The training part of the today screen, below the check-in: a part fetched right after
    /// the first paint, so the pain buttons work before it arrives. Its card and heading stand
    /// in place while it loads (the check-in above never moves); a failed load says so inside
    /// the card with "Prøv igen", and the check-in keeps working.
    /// With the feature `split-coach` (the release build's default; Cargo.toml).
    coach / coach [Coach] () => view! { <super::CoachSection /> }
}

#[cfg(not(feature = "split-coach"))]
pub fn coach() -> AnyView {
    view! { <super::CoachSection /> }.into_any()
}

#[cfg(feature = "split-coach")]
lazy_screen! {
    /// The backup reminder of the today screen (shown when a backup is due): its code, the
    /// backup file and its download, is the coach's part too (the same chunk name), which the
    /// today screen fetches anyway. Nothing stands in while it loads; a failed load is told
    /// in the coach's card.
    backup_reminder / coach [Quiet] () => view! { <super::BackupReminder /> }
}

#[cfg(not(feature = "split-coach"))]
pub fn backup_reminder() -> AnyView {
    view! { <super::BackupReminder /> }.into_any()
}

#[cfg(feature = "split-coach")]
lazy_screen! {
    /// "Mere (valgfrit)" of the check-in (sleep, stress, room, body areas, a note), built when
    /// first opened: in the coach's part too (the same chunk name), which the today screen
    /// fetches anyway. "Henter …" stands in while it loads; a failed load says so with
    /// "Prøv igen", and the check-in can be saved without them.
    more_fields / coach [Fields] (fields: super::MoreSignals) => view! { <super::MoreFields fields=fields /> }
}

#[cfg(not(feature = "split-coach"))]
pub fn more_fields(fields: super::MoreSignals) -> AnyView {
    view! { <super::MoreFields fields=fields /> }.into_any()
}

#[cfg(feature = "split-coach")]
lazy_screen! {
    /// What happened to the last plan link, on the today screen: in the coach's part too (the
    /// same chunk name). Nothing stands in while it loads.
    plan_outcome / coach [Quiet] () => view! { <super::PlanOutcome /> }
}

#[cfg(not(feature = "split-coach"))]
pub fn plan_outcome() -> AnyView {
    view! { <super::PlanOutcome /> }.into_any()
}
