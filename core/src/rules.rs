//! Every clinical number of the app, named once.
//!
//! Each constant cites the section of `shared/domain.md` it comes from. Changing a rule
//! means editing one line here.

/// Lowest pain score on the 11-point numeric rating scale (NRS): 0 = no pain.
/// domain.md §1.
pub const PAIN_MIN: u8 = 0;

/// Highest pain score on the 11-point numeric rating scale (NRS): 10 = worst imaginable.
/// The same 0-10 range is used for sleep quality, stress and how much room the pain takes.
/// domain.md §1.
pub const PAIN_MAX: u8 = 10;

/// Number of days *with check-ins* that form the patient's baseline pain profile
/// (calendar days without check-ins are skipped). domain.md §1.
pub const BASELINE_DAYS: usize = 7;

/// Longest free-text note on a check-in, in characters (Unicode scalar values).
/// A convention, not from the seeds: long enough for a few sentences, short enough to
/// keep ten years of diary within the browser's storage. domain.md §1 (free-text note).
pub const NOTE_MAX_CHARS: usize = 1000;

/// Length of the "recent" window, in calendar days up to and including today, used for the
/// recent mean pain (bad-day and flare-up detection, responder rule). domain.md §4, §5, §6.
pub const RECENT_DAYS: usize = 7;

/// A day is a bad day (and the flare-up plan is offered) when its pain is this many points
/// or more above the recent 7-day mean. domain.md §4 and §5.
pub const BAD_DAY_DELTA: f64 = 2.0;
