//! A small set of line icons drawn inline (same origin by construction, no icon font, no
//! request). Each is decorative: the text or `aria-label` next to it carries the meaning.

use leptos::prelude::*;

/// The icons of the shell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A ticked circle: the daily check-in (today).
    CheckIn,
    /// A rising line: progress.
    Progress,
    /// An open book: the learn pages.
    Learn,
    /// Three dots: more.
    More,
    /// A shield: the warning-sign check.
    Shield,
    /// A walking figure's steps: training.
    Training,
    /// A box: your data.
    Data,
}

impl Icon {
    /// The SVG path data on a 24×24 grid (stroked, not filled).
    fn path(self) -> &'static str {
        match self {
            Icon::CheckIn => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12.5l2.8 2.8L16.5 9.5",
            Icon::Progress => "M3 20h18M4 16l5-5 4 3 7-8M15 6h5v5",
            Icon::Learn => "M12 6.5C10 5 7 4.5 3 5v13c4-.5 7 0 9 1.5 2-1.5 5-2 9-1.5V5c-4-.5-7 0-9 1.5zM12 6.5v13",
            Icon::More => "M6.5 12a1.5 1.5 0 1 1-3 0a1.5 1.5 0 1 1 3 0zM13.5 12a1.5 1.5 0 1 1-3 0a1.5 1.5 0 1 1 3 0zM20.5 12a1.5 1.5 0 1 1-3 0a1.5 1.5 0 1 1 3 0z",
            Icon::Shield => "M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6zM12 8v5M12 16.5h.01",
            Icon::Training => "M13 4.5a1.5 1.5 0 1 0 0 .01M10 21l2-6 3 3v3M9 12l2-4 4 2 2 3M7 14l3-2",
            Icon::Data => "M4 7l8-4 8 4v10l-8 4-8-4zM4 7l8 4 8-4M12 11v10",
        }
    }
}

/// An icon as inline SVG, hidden from assistive technology.
pub fn icon(which: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=which.path() />
        </svg>
    }
}
