use super::tr;
use crate::i18n::format::date_short;
use crate::i18n::format::format_decimal;
use crate::i18n::today::Today;
use crate::i18n::{fill, text};
use crate::state::AppState;
use leptos::prelude::*;
use trinvis_core::diary::{self, Baseline};
use trinvis_core::rules::BASELINE_DAYS;

/// The baseline pain profile: mean and range of the first 7 days with check-ins, or how
/// many check-in days are left until it is ready.
#[component]
pub fn BaselineCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let baseline = Memo::new(move |_| {
        state
            .diary
            .with(|d| diary::baseline(&diary::days(d.newest_first())))
    });
    view! {
        <section class="card" aria-labelledby="baseline-h">
            <h2 id="baseline-h">{tr(state, Today::BaselineHeading)}</h2>
            {move || {
                let lang = state.lang.get();
                match baseline.get() {
                    Baseline::Pending { days_done: 0, .. } => {
                        view! { <p>{fill(text(lang, Today::BaselinePendingNone), &[("days", &BASELINE_DAYS.to_string())])}</p> }.into_any()
                    }
                    Baseline::Pending { days_done, days_left } => view! {
                        <p>
                            {fill(
                                text(lang, Today::BaselinePendingSome),
                                &[
                                    ("done", &days_done.to_string()),
                                    ("left", &days_left.to_string()),
                                    ("days", &BASELINE_DAYS.to_string()),
                                ],
                            )}
                        </p>
                        <progress max=BASELINE_DAYS.to_string() value=days_done.to_string()>{format!("{days_done}/{BASELINE_DAYS}")}</progress>
                    }
                    .into_any(),
                    Baseline::Ready(p) => view! {
                        <p class="baseline">
                            {fill(
                                text(lang, Today::BaselineReady),
                                &[
                                    ("from", &date_short(lang, p.from)),
                                    ("to", &date_short(lang, p.to)),
                                    ("mean", &format_decimal(p.mean, lang)),
                                    ("min", &p.min.to_string()),
                                    ("max", &p.max.to_string()),
                                ],
                            )}
                        </p>
                        <p class="hint">{text(lang, Today::BaselineExplain)}</p>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
