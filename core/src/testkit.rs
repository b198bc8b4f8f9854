//! The named builders shared by every test of the core (unit tests, `core/tests`, the
//! examples): compiled only for tests and with the `testkit` feature, never in the app.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use crate::coach::Amount;
use crate::time::{copenhagen_from_local, Date, Instant};

/// A calendar date that is known to be valid.
pub fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// An amount of `units` (e.g. 2.5 km).
pub fn a(units: f64) -> Amount {
    Amount::from_f64(units).unwrap()
}

/// An amount of `m` thousandths of a unit.
pub fn milli(m: u32) -> Amount {
    Amount::from_milli(m).unwrap()
}

/// The moment of local Copenhagen time `h:00` on `date`.
pub fn cph(date: Date, h: u8) -> Instant {
    cph_hm(date, h, 0)
}

/// The moment of local time `h:m` on `date` at a fixed UTC offset of `offset_min`
/// minutes (whatever Copenhagen's clock says that day).
pub fn at_offset(date: Date, h: u8, m: u8, offset_min: i16) -> Instant {
    Instant::from_local(date, h, m, 0, offset_min).unwrap()
}

/// The moment of local Copenhagen time `h:m` on `date`.
pub fn cph_hm(date: Date, h: u8, m: u8) -> Instant {
    copenhagen_from_local(date.start_local_secs() + i64::from(h) * 3600 + i64::from(m) * 60)
}
