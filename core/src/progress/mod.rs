//! Progress over weeks and months (domain.md §6, §7): the responder rule, SMART goals, the
//! weekly review of the six faces of progress, and the geometry of the progress charts.
//!
//! Pure functions of the diary's day summaries, the activities, the sessions, the goals
//! and reviews, and the "today" the caller passes in. Every clinical number lives in
//! [`crate::rules`].
//!
//! - [`responder`]: [`responder_status`] (the 2-point rule and the 4-week check).
//! - [`goal`]: [`Goal`], [`GoalDraft`], the realistic check, [`goal_progress`] and the
//!   goals document.
//! - [`review`]: [`Review`] of the six [`Face`]s, [`review_due`], Danish (ISO) weeks and the
//!   reviews document.
//! - [`chart`]: [`pain_chart`], [`amount_chart`], [`review_chart`]: scaled coordinates,
//!   SVG path strings, a plain-language summary and table rows.

pub mod chart;
pub mod goal;
pub mod responder;
pub mod review;

pub use responder::{responder_status, Responder};
