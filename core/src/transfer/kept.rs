//! What the app keeps about transfers in the settings document's extra fields (so it
//! travels with a backup and needs no key of its own): when this device last exported a
//! backup, and the physiotherapist's note, goal and pain limits of the last plan link the
//! patient added (the activities themselves are ordinary activities).
//!
//! ```json
//! {"kind":"trinvis.settings",…,"lang":"da",
//!  "last_backup_at":"2026-11-23T14:05:00+01:00",
//!  "physio_plan":{"added":"2026-11-23","note":"Gå hver dag.","goal":"Gå til bageren",
//!                 "goal_date":"2027-01-31","safe_max":4,"acceptable_max":6}}
//! ```

use super::backup::{format_instant, parse_instant};
use super::plan_link::{PlanGoal, PlanLink};
use crate::coach::PainLimits;
use crate::json::{Map, Value};
use crate::store::Settings;
use crate::time::{Date, Instant};

/// Extra field of the settings: the moment of the last backup export.
pub const LAST_BACKUP_FIELD: &str = "last_backup_at";
/// Extra field of the settings: the kept part of the last plan link.
pub const PHYSIO_PLAN_FIELD: &str = "physio_plan";

/// When this device last exported a backup; `None` when never (or unreadable).
pub fn last_backup(settings: &Settings) -> Option<Instant> {
    settings
        .extra
        .get(LAST_BACKUP_FIELD)
        .and_then(Value::as_str)
        .and_then(parse_instant)
}

/// Remembers a backup export at `at`.
pub fn set_last_backup(settings: &mut Settings, at: Instant) {
    settings
        .extra
        .insert(LAST_BACKUP_FIELD.into(), Value::String(format_instant(at)));
}

/// The physiotherapist's words that go with the added activities.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptPlan {
    /// The day the patient added the plan.
    pub added: Date,
    /// The note to the patient (may be empty).
    pub note: String,
    /// The goal in words, if any.
    pub goal: Option<PlanGoal>,
    /// Pain limits other than the default, if the plan set them.
    pub limits: Option<PainLimits>,
}

/// Keeps the note, goal and limits of `plan`, added on `today` (replacing an earlier
/// plan's: the newest plan is the one that counts).
pub fn keep_plan(settings: &mut Settings, plan: &PlanLink, today: Date) {
    let mut o = Map::new();
    o.insert("added".into(), Value::String(today.iso()));
    o.insert("note".into(), Value::String(plan.note.clone()));
    if let Some(g) = &plan.goal {
        o.insert("goal".into(), Value::String(g.text.clone()));
        if let Some(date) = g.date {
            o.insert("goal_date".into(), Value::String(date.iso()));
        }
    }
    if let Some(l) = plan.limits.filter(|l| *l != PainLimits::default()) {
        o.insert("safe_max".into(), Value::from(l.safe_max()));
        o.insert("acceptable_max".into(), Value::from(l.acceptable_max()));
    }
    settings
        .extra
        .insert(PHYSIO_PLAN_FIELD.into(), Value::Object(o));
}

/// The kept plan, if the patient added one (and it is readable).
pub fn kept_plan(settings: &Settings) -> Option<KeptPlan> {
    let o = settings.extra.get(PHYSIO_PLAN_FIELD)?.as_object()?;
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    let added = Date::parse_iso(text("added")?)?;
    let goal = text("goal").map(|t| PlanGoal {
        text: t.to_string(),
        date: text("goal_date").and_then(Date::parse_iso),
    });
    let num = |k: &str| {
        o.get(k)
            .and_then(Value::as_u64)
            .and_then(|n| u8::try_from(n).ok())
    };
    let limits = match (num("safe_max"), num("acceptable_max")) {
        (Some(s), Some(a)) => PainLimits::new(s, a),
        _ => None,
    };
    Some(KeptPlan {
        added,
        note: text("note").unwrap_or_default().to_string(),
        goal,
        limits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::{PlanB, Unit};
    use crate::store::{decode_settings, encode_settings};
    use crate::testkit::{a, cph, d};
    use crate::transfer::PlanActivity;

    fn plan() -> PlanLink {
        PlanLink {
            activities: vec![PlanActivity {
                name: "Gåtur".into(),
                unit: Unit::Minutes,
                baseline: a(10.0),
                per_week: 3,
                step: None,
                goal: None,
                plan_b: PlanB::Fraction,
            }],
            goal: Some(PlanGoal {
                text: "Gå til bageren".into(),
                date: Some(d(2027, 1, 31)),
            }),
            limits: PainLimits::new(4, 6),
            note: "Gå hver dag. <b>ikke</b> markup".into(),
        }
    }

    #[test]
    fn the_last_backup_survives_the_settings_document() {
        let mut s = Settings::default();
        assert_eq!(last_backup(&s), None);
        let at = cph(d(2026, 11, 23), 14);
        set_last_backup(&mut s, at);
        let back = decode_settings(&encode_settings(&s)).unwrap();
        assert_eq!(last_backup(&back), Some(at));
    }

    #[test]
    fn a_kept_plan_reads_back_with_its_note_goal_and_limits() {
        let mut s = Settings::default();
        assert_eq!(kept_plan(&s), None);
        keep_plan(&mut s, &plan(), d(2026, 11, 23));
        let back = decode_settings(&encode_settings(&s)).unwrap();
        let kept = kept_plan(&back).unwrap();
        assert_eq!(kept.added, d(2026, 11, 23));
        assert_eq!(kept.note, "Gå hver dag. <b>ikke</b> markup");
        assert_eq!(kept.goal, plan().goal);
        assert_eq!(kept.limits, PainLimits::new(4, 6));
    }

    #[test]
    fn default_limits_are_not_kept_and_a_newer_plan_replaces_the_older() {
        let mut s = Settings::default();
        keep_plan(&mut s, &plan(), d(2026, 11, 23));
        let mut p = plan();
        p.limits = Some(PainLimits::default());
        p.goal = None;
        p.note = "Ny plan".into();
        keep_plan(&mut s, &p, d(2026, 12, 1));
        let kept = kept_plan(&s).unwrap();
        assert_eq!(
            (kept.note.as_str(), kept.goal, kept.limits),
            ("Ny plan", None, None)
        );
    }
}
