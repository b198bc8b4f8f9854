//! Trinvis functional core: the data model, the coaching rules, the statistics and the
//! stored-document format of Trinvis, a Danish self-management coach for musculoskeletal
//! pain.
//!
//! The crate is pure: no web types, no clock (the caller passes "now" and "today" in), no
//! storage I/O (the shell reads and writes the strings this crate encodes and decodes).
//! Errors are typed values carrying a translation key; the shell turns keys into Danish
//! or English sentences.
//!
//! The clinical model is specified in `shared/domain.md`; every clinical number lives in
//! [`rules`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Stored data and user input must never crash the app: outside tests, these are errors.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod coach;
pub mod diary;
pub mod doc;
#[cfg(any(test, feature = "testkit"))]
pub mod gen;
pub mod json;
pub mod learn;
pub mod model;
pub mod order;
pub mod progress;
pub mod rules;
pub mod safety;
pub mod sorted;
pub mod store;
pub mod summary;
pub mod sync;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;
pub mod time;
pub mod transfer;
