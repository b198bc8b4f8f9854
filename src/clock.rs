//! The only place that reads the browser clock. Tests in the browser control it through
//! Playwright's clock; the core always receives the time as an argument.

use trinvis_core::time::{Date, Instant};

/// The current moment with the device's UTC offset at this moment.
pub fn now() -> Instant {
    let d = js_sys::Date::new_0();
    let utc_secs = (d.get_time() / 1000.0).floor() as i64;
    // getTimezoneOffset is UTC minus local, in minutes: Copenhagen in winter gives -60.
    let offset_min = -(d.get_timezone_offset().round() as i64);
    let offset_min = offset_min.clamp(-14 * 60, 14 * 60) as i16;
    Instant::new(utc_secs, offset_min).unwrap_or(Instant {
        utc_secs,
        offset_min: 0,
    })
}

/// Today's local calendar date.
pub fn today() -> Date {
    now().local_date()
}

/// A pseudo-random number for new ids (not security relevant).
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}
