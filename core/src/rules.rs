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

/// The app notices a bad day only when at least this many of the [`RECENT_DAYS`] days
/// before today have check-ins: one or two days are no "recent mean" to stand out from.
/// domain.md §4.
pub const BAD_DAY_MIN_DAYS: usize = 3;

/// An activity's baseline is what the patient has managed comfortably during the last
/// this many months (not what they did before the pain started). domain.md §2.
pub const BASELINE_MONTHS: u32 = 3;

// ---------------------------------------------------------------------------------------
// The coach: activities, "okay now / okay later", the ladder, plan B, flare-ups
// (domain.md §2-§5; used by `crate::coach`).
// ---------------------------------------------------------------------------------------

/// Consecutive yes + yes sessions at the current amount (or more) after which the ladder
/// suggests one step up. domain.md §3.
pub const GREEN_SESSIONS_TO_PROGRESS: usize = 2;

/// Consecutive sessions with a "no" (now or later) after which the app suggests plan B and
/// a talk with the physiotherapist. domain.md §3 ("after two sessions in a row with a no").
pub const NO_SESSIONS_FOR_PLAN_B: usize = 2;

/// One step up the ladder is this fraction of the current amount, rounded to the unit's
/// grain (halves down) and at least one grain. domain.md §3.
pub const STEP_FRACTION: f64 = 0.10;

/// Plan B, unless the patient names an easier activity: this fraction of the day's amount,
/// rounded to the unit's grain (halves down) and at least one grain. domain.md §4.
pub const PLAN_B_FRACTION: f64 = 0.5;

/// "Okay later?" is asked at least this many hours after the session was logged.
/// domain.md §2 ("at least 12 hours later").
pub const OKAY_LATER_MIN_HOURS: i64 = 12;

/// "Okay later?" is asked by default the morning after the session's day, from this hour
/// on the patient's local clock (but never before [`OKAY_LATER_MIN_HOURS`]). A convention
/// for "the next morning", domain.md §2.
pub const OKAY_LATER_HOUR: u8 = 8;

/// An unanswered "okay later?" is offered on the today screen for this many days after the
/// session's day; after that it is no longer asked, and the session stays without a
/// verdict (it then no longer holds back the plan). A convention, not from the seeds:
/// memory of "the day after" fades within a week. domain.md §2.
pub const OKAY_LATER_ASK_DAYS: i64 = 7;

/// Pain during activity up to this score is "safe" on the pain-monitoring traffic light.
/// The physiotherapist may set other limits. domain.md §2.
pub const PAIN_SAFE_MAX: u8 = 3;

/// Pain during activity up to this score (and above [`PAIN_SAFE_MAX`]) is "acceptable";
/// above it is "too much". The physiotherapist may set other limits. domain.md §2.
pub const PAIN_ACCEPTABLE_MAX: u8 = 5;

/// "Crept up over several weeks" (domain.md §5): over the last `CREEP_WEEKS` full
/// Monday-to-Sunday weeks the weekly mean never fell from one week to the next, and the
/// last full week is at least [`CREEP_MIN_RISE`] above the week before them (so
/// `CREEP_WEEKS + 1` weeks are compared). A flat week inside a steady rise still counts;
/// any week that went down breaks the run. Three weeks is "several weeks" in the seeds'
/// sense (002: "gradvist tiltagende symptomer over tid").
pub const CREEP_WEEKS: usize = 3;

/// The smallest total rise (NRS points) over the creep weeks, see [`CREEP_WEEKS`]: one
/// point, half the minimal clinically important difference (domain.md §6), so the advice
/// to reduce load and talk to the physiotherapist comes before a 2-point worsening but
/// not for a drift of tenths. domain.md §5.
pub const CREEP_MIN_RISE: f64 = 1.0;

/// A week counts in the creep rule only with at least this many days with check-ins;
/// fewer days give no weekly mean and no creep verdict. domain.md §5 (convention).
pub const CREEP_MIN_DAYS_PER_WEEK: usize = 3;

/// "That is a big jump, are you sure?": an amount is a big jump when it is more than this
/// factor times the planned amount *and* more than [`BIG_JUMP_MIN_STEPS`] ladder steps
/// above it (the second part keeps small amounts, e.g. 1 -> 2 sets, from asking).
/// Also the "too heavy" cause of too much too soon. domain.md §3, issue 4 (convention).
pub const BIG_JUMP_FACTOR: f64 = 1.5;

/// See [`BIG_JUMP_FACTOR`]: a big jump is also above this many ladder steps from the
/// planned amount. domain.md §3 (convention).
pub const BIG_JUMP_MIN_STEPS: usize = 2;

/// Today's plan is computed from the sessions of the last this many days (today
/// included), never the whole history, so it does not get slower as the years of log
/// grow; storage needs to load only these days. After a break longer than this, the plan
/// starts again from the baseline (a long break lowers what the body tolerates).
/// domain.md §3, issue 4 ("compute from the recent window").
pub const PLAN_WINDOW_DAYS: i64 = 56;

/// "Too much too soon" looks for causes at the sessions with a "no" in the last this many
/// days (today included), so resolved episodes stop being named. domain.md §3 (convention).
pub const TOO_MUCH_WINDOW_DAYS: i64 = 14;

/// "Too little rest": more sessions in one Monday-to-Sunday week than the planned number
/// per week plus this many. domain.md §3 (convention).
pub const TOO_LITTLE_REST_EXTRA: usize = 1;

/// A session may be logged for today or up to this many days back (issue 4: "a session
/// may also be logged for yesterday"). domain.md §2.
pub const LOG_DAYS_BACK: i64 = 1;

/// How often a week an activity may be planned: 1 up to this (twice a day). domain.md §2.
pub const PER_WEEK_MAX: u8 = 14;

/// Most rungs a ladder shows (baseline included). With 10 % steps, 60 rungs span a factor
/// of about 300, more than any goal needs. domain.md §3.
pub const LADDER_MAX_RUNGS: usize = 60;

/// Rungs drawn below the current one in the ladder graphic (besides the first). A display
/// convention for small screens, issue 4 ("the ladder ... the current step marked").
pub const LADDER_SHOWN_BELOW: usize = 1;

/// Rungs drawn above the current one in the ladder graphic (besides the last).
pub const LADDER_SHOWN_ABOVE: usize = 2;

/// Without a goal, the ladder shows the baseline and this many steps above it.
/// domain.md §3 (convention).
pub const LADDER_STEPS_WITHOUT_GOAL: usize = 3;

/// Longest activity name or own unit word, in characters. A convention, not from the
/// seeds. domain.md §2.
pub const ACTIVITY_NAME_MAX_CHARS: usize = 60;

/// Rounding grain of whole-number units (minutes, repetitions, sets, own units), in
/// thousandths: 1. domain.md §3 ("rounded to a sensible unit, at least one unit").
pub const GRAIN_WHOLE_MILLI: u32 = 1_000;

/// Rounding grain of steps (skridt), in thousandths: 100 steps; step counters are read
/// in hundreds. domain.md §3.
pub const GRAIN_STEPS_MILLI: u32 = 100_000;

/// Rounding grain of km below [`KM_COARSE_FROM_MILLI`]: 0.1 km. domain.md §3.
pub const GRAIN_KM_FINE_MILLI: u32 = 100;

/// Rounding grain of km from [`KM_COARSE_FROM_MILLI`] on: 0.5 km. domain.md §3.
pub const GRAIN_KM_COARSE_MILLI: u32 = 500;

/// From 5 km on, km are rounded to 0.5 km: the coarse grain starts where it equals one
/// 10 % step, so rounding never makes a step bigger than about 10 % plus half a fine
/// grain (at 2 km a 0.5 km step would be 25 %). domain.md §3.
pub const KM_COARSE_FROM_MILLI: u32 = 5_000;

/// Rounding grain of kg below [`KG_COARSE_FROM_MILLI`]: 0.5 kg (small dumbbells, ankle
/// weights). domain.md §3.
pub const GRAIN_KG_FINE_MILLI: u32 = 500;

/// Rounding grain of kg from [`KG_COARSE_FROM_MILLI`] on: 2.5 kg (a pair of the smallest
/// common barbell plates). domain.md §3.
pub const GRAIN_KG_COARSE_MILLI: u32 = 2_500;

/// From 25 kg on, kg are rounded to 2.5 kg: where that equals one 10 % step (same
/// reasoning as [`KM_COARSE_FROM_MILLI`]). domain.md §3.
pub const KG_COARSE_FROM_MILLI: u32 = 25_000;

// ---------------------------------------------------------------------------------------
// Progress: the responder rule, SMART goals, the weekly review and the charts
// (domain.md §6, §7; used by `crate::progress`).
// ---------------------------------------------------------------------------------------

/// A meaningful improvement: the mean pain of the last [`RECENT_DAYS`] days is this many
/// points or more below the baseline mean (the seed's responder rule on the 0-10 scale),
/// or [`RESPONDER_PERCENT`] below it (see there). Compared on means rounded to one
/// decimal, as the patient sees them, so 2,0 counts and 1,9 does not. domain.md §6,
/// seed 000.
pub const RESPONDER_POINTS: f64 = 2.0;

/// The other usual measure of a clinically important change (Farrar 2001): the recent
/// mean is this many percent or more below the baseline mean, provided that is at least
/// [`RESPONDER_MIN_POINTS`]. The fair rule when the baseline is low (from 4, 2 points is
/// half the pain). domain.md §6.
pub const RESPONDER_PERCENT: i32 = 30;

/// The percent rule ([`RESPONDER_PERCENT`]) counts only for a fall of at least this many
/// points: below one point the difference is day-to-day noise. domain.md §6.
pub const RESPONDER_MIN_POINTS: f64 = 1.0;

/// Below this baseline mean there is no "no improvement, talk about a tailored plan"
/// message: there is little pain to lose, and the app talks about what the patient can
/// do instead. domain.md §6.
pub const NON_RESPONDER_MIN_BASELINE: f64 = 2.0;

/// The responder rule is only judged when at least this many of the last [`RECENT_DAYS`]
/// calendar days have check-ins: a majority of the week, so one or two missed days do not
/// hide the verdict and a single day never stands in for a week. A convention, not from
/// the seeds. domain.md §6.
pub const RESPONDER_MIN_RECENT_DAYS: usize = 4;

/// Without a meaningful improvement this many whole weeks (7-day periods) after the
/// baseline was complete, suggest talking to the physiotherapist about an individually
/// tailored plan. domain.md §6.
pub const NON_RESPONDER_WEEKS: i64 = 4;

/// A goal's date is at least this many days after the day it is set ("between 1 week and
/// 6 months ahead"). domain.md §7.
pub const GOAL_MIN_DAYS: i64 = 7;

/// A goal's date is at most this many calendar months after the day it is set (the day of
/// the month clamped to the month's length: 31 August + 6 months is 28/29 February).
/// domain.md §7.
pub const GOAL_MAX_MONTHS: u32 = 6;

/// Below this confidence (0-10) a goal is not realistic enough: suggest a smaller goal or
/// a longer time. domain.md §7.
pub const GOAL_CONFIDENCE_MIN: u8 = 7;

/// Highest confidence on the 0-10 scale of a goal. domain.md §7.
pub const GOAL_CONFIDENCE_MAX: u8 = 10;

/// Longest situation or "why" text of a goal, in characters. A convention, not from the
/// seeds: a sentence or two. domain.md §7.
pub const GOAL_TEXT_MAX_CHARS: usize = 200;

/// A goal's pace is judged only once this many days have passed since it was set; before
/// that there are too few sessions to extrapolate. A convention. domain.md §7.
pub const GOAL_PACE_MIN_DAYS: i64 = 7;

/// In a pain chart, a stretch of more than this many days without check-ins breaks the
/// 7-day mean line (missing days are gaps, never zeros). A convention. domain.md §6.
pub const CHART_GAP_DAYS: i64 = 3;

/// A chart draws at most about this many points: longer histories are drawn as means of
/// one week or more, so ten years stay light to draw. A convention. domain.md §6.
pub const CHART_MAX_POINTS: usize = 600;

/// In an amount chart, more than this many days between two sessions break the line.
/// A convention (a planned activity is done at least weekly). domain.md §6.
pub const AMOUNT_CHART_GAP_DAYS: i64 = 14;

/// A chart's summary says pain fell (or rose) only when the mean of its last week differs
/// from that of its first week by at least this many points; otherwise it stayed about
/// the same. A quarter of the minimal clinically important difference
/// ([`RESPONDER_POINTS`]): smaller moves are day-to-day noise. domain.md §6.
pub const TREND_STEADY_POINTS: f64 = 0.5;

// ---------------------------------------------------------------------------------------
// Education (domain.md §9; used by `crate::learn`).
// ---------------------------------------------------------------------------------------

/// Highest LIX (Danish readability index, see [`crate::learn::lix`]) a Danish learn page
/// may have. Below 35 counts as easy to read (children's books, plain news); the pages
/// are for adults in pain, who read them tired or worried, so they must stay plain.
/// domain.md §9 ("pain works in plain words"), issue 6. Aim for about 30.
pub const LIX_MAX: f64 = 35.0;

// Moving data in and out (domain.md §10; used by `crate::transfer`). Not clinical numbers:
// limits that keep a hostile or damaged file from hurting the app.
// ---------------------------------------------------------------------------------------

/// Largest backup file the import reads, in bytes (UTF-8). Ten years of three check-ins a
/// day and five sessions a week make about 1.5 MB, so 20 MB leaves room for a much
/// busier diary while refusing a wrong or hostile file before it is parsed. domain.md §10.
pub const IMPORT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Deepest nesting of arrays and objects the import accepts in a backup file. A backup is
/// at most 7 levels deep (file, documents, document, activities, activity, plan B, unit);
/// the rest is room for fields a newer app may add. Checked with a byte scan before
/// parsing, so a deeply nested file cannot exhaust the stack. domain.md §10.
pub const IMPORT_MAX_DEPTH: usize = 64;

/// The earliest year a date in an imported backup may have: anything before is a broken
/// clock or a broken file. domain.md §10 (convention).
pub const IMPORT_EARLIEST_YEAR: i32 = 2000;

/// A date in an imported backup may lie this many days after the importing device's
/// `today` (a check-in recorded in Auckland is a day ahead of Copenhagen); later dates are
/// refused as "in the future". domain.md §10 (convention).
pub const IMPORT_FUTURE_SLACK_DAYS: i64 = 1;

/// Longest plan link (the whole text handed to [`crate::transfer::decode_plan`]) in
/// characters; a typical plan of three activities is about 500. Longer text is refused
/// before it is decoded. domain.md §10 (convention).
pub const PLAN_LINK_MAX_CHARS: usize = 4_000;

/// Most activities a plan link may hold. domain.md §10 (convention).
pub const PLAN_MAX_ACTIVITIES: usize = 12;

/// Longest note or goal text in a plan link, in characters. domain.md §10 (convention).
pub const PLAN_TEXT_MAX_CHARS: usize = 500;

/// Days without a backup after which the app reminds the patient to export one, if the
/// diary has grown since (see [`crate::transfer::reminder::backup_reminder_due`]). The
/// data lives only in this browser on this device; a monthly file is a small habit that
/// keeps a lost phone or a cleared browser from costing the diary. domain.md §10 (issue 7,
/// convention).
pub const BACKUP_REMINDER_DAYS: i64 = 30;

/// A patient who has never exported a backup is reminded once the diary holds check-ins
/// on at least this many days (a week of entries is worth keeping). domain.md §10
/// (convention).
pub const BACKUP_FIRST_REMINDER_DAYS: usize = 7;
