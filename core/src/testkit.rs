//! Small builders shared by the unit tests (compiled for tests only).

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

/// The moment of local Copenhagen time `h:00` on `date`.
pub fn cph(date: Date, h: u8) -> Instant {
    cph_hm(date, h, 0)
}

/// The moment of local Copenhagen time `h:m` on `date`.
pub fn cph_hm(date: Date, h: u8, m: u8) -> Instant {
    copenhagen_from_local(date.start_local_secs() + i64::from(h) * 3600 + i64::from(m) * 60)
}
