//! The register of stored documents: every kind the app keeps in `localStorage`, declared
//! once, with its key (or key pattern), its `kind` tag, its current schema version, its
//! decoder, encoder and merge rule. One envelope reader ([`read_envelope`]) serves them all.
//!
//! | [`DocKind`] | key | schema | merge rule (backup "Flet") |
//! |---|---|---|---|
//! | `Settings` | `trinvis.settings` | 2 | the device's settings win (its language); fields only the file has are added; the file's settings are used when the device has none |
//! | `Activities` | `trinvis.activities` | 2 | by id; the device's activity wins on a clash (counted) |
//! | `Month` | `trinvis.checkins.YYYY-MM` | 2 | check-ins and sessions by id; the device's record wins (counted) |
//! | `Profile` | `trinvis.profile` | 2 | union of the conditions and of the warning-sign record ([`crate::safety::merge_profile`]) |
//! | `Goals` | `trinvis.goals` | 2 | by id; the device's goal wins (counted) |
//! | `Reviews` | `trinvis.reviews` | 2 | by week; the device's answers win (counted) |
//!
//! Adding a kind is one variant of [`DocKind`] and [`Doc`]: every `match` on them is
//! exhaustive, so the compiler makes the backup, the import check and plan, the merge, the
//! quarantine, the reload and the shell's words handle it.

use crate::diary::MonthDoc;
use crate::json::{Map, Value};
use crate::progress::{decode_goals, decode_reviews, encode_goals, encode_reviews};
use crate::progress::{GoalsDoc, ReviewsDoc};
use crate::safety::{decode_profile, encode_profile, merge_profile, Profile};
use crate::store::{
    decode_activities, decode_month, decode_settings, encode_activities, encode_month,
    encode_settings, migrate, ActivitiesDoc, DocError, Settings,
};
use crate::time::MonthKey;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "trinvis.";
/// Key of the settings document.
pub const SETTINGS_KEY: &str = "trinvis.settings";
/// Key of the activities document.
pub const ACTIVITIES_KEY: &str = "trinvis.activities";
/// Prefix of the month documents; the key ends in "YYYY-MM".
pub const CHECKINS_PREFIX: &str = "trinvis.checkins.";
/// Key of the profile document (the check, the conditions, the first-visit flag).
pub const PROFILE_KEY: &str = "trinvis.profile";
/// Key of the goals document.
pub const GOALS_KEY: &str = "trinvis.goals";
/// Key of the reviews document.
pub const REVIEWS_KEY: &str = "trinvis.reviews";
/// Prefix of quarantined raw text: `trinvis.quarantine.<original key>.<utc_secs>`.
pub const QUARANTINE_PREFIX: &str = "trinvis.quarantine.";

/// `kind` of a month of check-ins.
pub const KIND_CHECKINS: &str = "trinvis.checkins";
/// `kind` of the settings document.
pub const KIND_SETTINGS: &str = "trinvis.settings";
/// `kind` of the activities document.
pub const KIND_ACTIVITIES: &str = "trinvis.activities";
/// `kind` of the profile document.
pub const KIND_PROFILE: &str = "trinvis.profile";
/// `kind` of the goals document.
pub const KIND_GOALS: &str = "trinvis.goals";
/// `kind` of the reviews document.
pub const KIND_REVIEWS: &str = "trinvis.reviews";

/// The schema version of the diary documents (settings, activities, months, goals,
/// reviews).
///
/// 1: check-ins and settings (the walking skeleton). 2: sessions in the month documents,
/// the activities document (goals and reviews started at 2).
pub const SCHEMA_VERSION: u32 = 2;

/// Schema version of the profile document, counted on its own.
///
/// 1: conditions, first-visit flag, the warning-sign check (`cleared`: ids).
/// 2: every yes kept with its date and how it ended (`signs`); `cleared` is gone
///    (`safety::profile_v1_to_v2`).
pub const PROFILE_SCHEMA_VERSION: u32 = 2;

/// A kind of stored document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// The settings (language, last backup, the physio's plan).
    Settings,
    /// Every activity, archived ones too.
    Activities,
    /// One local month of check-ins and sessions.
    Month,
    /// The conditions, the first visit and the warning-sign check.
    Profile,
    /// Every SMART goal.
    Goals,
    /// The weekly reviews.
    Reviews,
}

impl DocKind {
    /// Every kind, in the order a backup lists them.
    pub const ALL: [DocKind; 6] = [
        DocKind::Settings,
        DocKind::Activities,
        DocKind::Month,
        DocKind::Profile,
        DocKind::Goals,
        DocKind::Reviews,
    ];

    /// The `kind` field of its documents.
    pub fn tag(self) -> &'static str {
        match self {
            DocKind::Settings => KIND_SETTINGS,
            DocKind::Activities => KIND_ACTIVITIES,
            DocKind::Month => KIND_CHECKINS,
            DocKind::Profile => KIND_PROFILE,
            DocKind::Goals => KIND_GOALS,
            DocKind::Reviews => KIND_REVIEWS,
        }
    }

    /// The kind with this `kind` tag.
    pub fn from_tag(tag: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.tag() == tag)
    }

    /// The schema version this build reads and writes for the kind.
    pub fn version(self) -> u32 {
        match self {
            DocKind::Settings
            | DocKind::Activities
            | DocKind::Month
            | DocKind::Goals
            | DocKind::Reviews => SCHEMA_VERSION,
            DocKind::Profile => PROFILE_SCHEMA_VERSION,
        }
    }

    /// The key of a kind stored under one key; `None` for the months.
    pub fn key(self) -> Option<&'static str> {
        match self {
            DocKind::Settings => Some(SETTINGS_KEY),
            DocKind::Activities => Some(ACTIVITIES_KEY),
            DocKind::Month => None,
            DocKind::Profile => Some(PROFILE_KEY),
            DocKind::Goals => Some(GOALS_KEY),
            DocKind::Reviews => Some(REVIEWS_KEY),
        }
    }
}

/// The storage key of one document: its kind and, for a month, which month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKey {
    /// [`SETTINGS_KEY`].
    Settings,
    /// [`ACTIVITIES_KEY`].
    Activities,
    /// `trinvis.checkins.YYYY-MM`.
    Month(MonthKey),
    /// [`PROFILE_KEY`].
    Profile,
    /// [`GOALS_KEY`].
    Goals,
    /// [`REVIEWS_KEY`].
    Reviews,
}

impl DocKey {
    /// Its kind.
    pub fn kind(self) -> DocKind {
        match self {
            DocKey::Settings => DocKind::Settings,
            DocKey::Activities => DocKind::Activities,
            DocKey::Month(_) => DocKind::Month,
            DocKey::Profile => DocKind::Profile,
            DocKey::Goals => DocKind::Goals,
            DocKey::Reviews => DocKind::Reviews,
        }
    }

    /// The key of a kind stored under one key (`None` for [`DocKind::Month`]).
    pub fn single(kind: DocKind) -> Option<DocKey> {
        match kind {
            DocKind::Settings => Some(DocKey::Settings),
            DocKind::Activities => Some(DocKey::Activities),
            DocKind::Month => None,
            DocKind::Profile => Some(DocKey::Profile),
            DocKind::Goals => Some(DocKey::Goals),
            DocKind::Reviews => Some(DocKey::Reviews),
        }
    }

    /// The storage key: "trinvis.goals", "trinvis.checkins.2026-11".
    pub fn name(self) -> String {
        match self {
            DocKey::Month(month) => format!("{CHECKINS_PREFIX}{month}"),
            other => other.kind().key().unwrap_or_default().to_string(),
        }
    }

    /// The document key of a storage key, or `None` for any other key.
    pub fn parse(key: &str) -> Option<DocKey> {
        if let Some(month) = key.strip_prefix(CHECKINS_PREFIX) {
            return MonthKey::parse(month).map(DocKey::Month);
        }
        DocKind::ALL
            .into_iter()
            .find(|k| k.key() == Some(key))
            .and_then(DocKey::single)
    }
}

/// What a localStorage key holds, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// A document of a registered kind.
    Doc(DocKey),
    /// Quarantined raw text.
    Quarantine,
    /// Another key starting with [`KEY_PREFIX`] (e.g. written by a newer app).
    OtherTrinvis,
    /// Not ours.
    Foreign,
}

/// Classifies a localStorage key.
pub fn classify_key(key: &str) -> KeyKind {
    if let Some(doc) = DocKey::parse(key) {
        KeyKind::Doc(doc)
    } else if key.starts_with(QUARANTINE_PREFIX) {
        KeyKind::Quarantine
    } else if key.starts_with(KEY_PREFIX) {
        KeyKind::OtherTrinvis
    } else {
        KeyKind::Foreign
    }
}

/// A decoded document of any kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    /// The settings.
    Settings(Settings),
    /// The activities.
    Activities(ActivitiesDoc),
    /// One month of check-ins and sessions.
    Month(MonthKey, MonthDoc),
    /// The profile.
    Profile(Profile),
    /// The goals.
    Goals(GoalsDoc),
    /// The weekly reviews.
    Reviews(ReviewsDoc),
}

impl Doc {
    /// Reads the stored text of `key` with its kind's decoder (older versions migrated).
    pub fn decode(key: DocKey, text: &str) -> Result<Doc, DocError> {
        Ok(match key {
            DocKey::Settings => Doc::Settings(decode_settings(text)?),
            DocKey::Activities => Doc::Activities(decode_activities(text)?),
            DocKey::Month(month) => Doc::Month(month, decode_month(month, text)?),
            DocKey::Profile => Doc::Profile(decode_profile(text)?),
            DocKey::Goals => Doc::Goals(decode_goals(text)?),
            DocKey::Reviews => Doc::Reviews(decode_reviews(text)?),
        })
    }

    /// Its storage key.
    pub fn key(&self) -> DocKey {
        match self {
            Doc::Settings(_) => DocKey::Settings,
            Doc::Activities(_) => DocKey::Activities,
            Doc::Month(month, _) => DocKey::Month(*month),
            Doc::Profile(_) => DocKey::Profile,
            Doc::Goals(_) => DocKey::Goals,
            Doc::Reviews(_) => DocKey::Reviews,
        }
    }

    /// Its stored text, at its kind's current version.
    pub fn encode(&self, app_version: &str) -> String {
        match self {
            Doc::Settings(s) => encode_settings(s),
            Doc::Activities(d) => encode_activities(d, app_version),
            Doc::Month(month, d) => encode_month(*month, d, app_version),
            Doc::Profile(p) => encode_profile(p),
            Doc::Goals(d) => encode_goals(d, app_version),
            Doc::Reviews(d) => encode_reviews(d, app_version),
        }
    }

    /// Whether a backup may leave it out: a month without check-ins or sessions.
    pub fn is_empty(&self) -> bool {
        match self {
            Doc::Month(_, d) => d.is_empty(),
            Doc::Settings(_)
            | Doc::Activities(_)
            | Doc::Profile(_)
            | Doc::Goals(_)
            | Doc::Reviews(_) => false,
        }
    }

    /// `mine` (the device's document) merged with `theirs` (the backup's) by the kind's
    /// merge rule (see the module docs); records of `theirs` that clash with different
    /// records of `mine` are counted in `conflicts` (the device's one is kept). Merging the
    /// result with `theirs` again changes nothing. Documents of two kinds: `mine`.
    pub fn merge(mine: &Doc, theirs: &Doc, conflicts: &mut usize) -> Doc {
        match (mine, theirs) {
            (Doc::Settings(m), Doc::Settings(t)) => Doc::Settings(merge_settings(m, t)),
            (Doc::Activities(m), Doc::Activities(t)) => {
                Doc::Activities(crate::transfer::merge_activities(m, t, conflicts))
            }
            (Doc::Month(month, m), Doc::Month(_, t)) => {
                Doc::Month(*month, crate::transfer::merge_month(m, t, conflicts))
            }
            (Doc::Profile(m), Doc::Profile(t)) => Doc::Profile(merge_profile(m, t)),
            (Doc::Goals(m), Doc::Goals(t)) => {
                Doc::Goals(crate::progress::merge_goals(m, t, conflicts))
            }
            (Doc::Reviews(m), Doc::Reviews(t)) => {
                Doc::Reviews(crate::progress::merge_reviews(m, t, conflicts))
            }
            (
                Doc::Settings(_)
                | Doc::Activities(_)
                | Doc::Month(..)
                | Doc::Profile(_)
                | Doc::Goals(_)
                | Doc::Reviews(_),
                _,
            ) => mine.clone(),
        }
    }
}

/// The settings rule: the device keeps its own settings (its language); fields only the
/// backup has (e.g. the physio's plan, the last backup) are added.
pub fn merge_settings(mine: &Settings, theirs: &Settings) -> Settings {
    let mut merged = mine.clone();
    merge_extra(&mut merged.extra, &theirs.extra);
    merged
}

/// Adds the records of `from` whose id `into` does not have; counts those whose id it has
/// with different content.
pub(crate) fn merge_records<T: Clone + PartialEq>(
    into: &mut Vec<T>,
    from: &[T],
    id: impl Fn(&T) -> &str,
    conflicts: &mut usize,
) {
    for record in from {
        match into.iter().find(|r| id(r) == id(record)) {
            None => into.push(record.clone()),
            Some(existing) if existing != record => *conflicts += 1,
            Some(_) => {}
        }
    }
}

/// Adds the fields of `from` that `into` lacks (unknown fields of a newer app).
pub(crate) fn merge_extra(into: &mut Map, from: &Map) {
    for (field, value) in from {
        if !into.contains_key(field) {
            into.insert(field.clone(), value.clone());
        }
    }
}

/// One step of a planned change to storage, carried out all or nothing by the shell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// Store `text` under `key`.
    Put {
        /// The storage key.
        key: String,
        /// The new text.
        text: String,
    },
    /// Remove `key`.
    Remove {
        /// The storage key.
        key: String,
    },
}

impl Write {
    /// The key it changes.
    pub fn key(&self) -> &str {
        match self {
            Write::Put { key, .. } | Write::Remove { key } => key,
        }
    }
}

/// Parses `text`, checks the envelope against `kind` and migrates it to the kind's
/// version: the one envelope reader of every stored document. A newer `schema_version`
/// is [`DocError::NewerSchema`] before anything else is looked at (the shell turns
/// read-only and never quarantines it); text that is not JSON is [`DocError::NotJson`];
/// another `kind` is [`DocError::WrongKind`]; a missing or zero version is
/// [`DocError::Invalid`].
pub fn read_envelope(text: &str, kind: DocKind) -> Result<Map, DocError> {
    let doc: Value = crate::json::from_str(text).map_err(|_| DocError::NotJson)?;
    let Value::Object(object) = &doc else {
        return Err(DocError::WrongKind);
    };
    let version = object.get("schema_version").and_then(Value::as_u64);
    if let Some(found) = version {
        if found > u64::from(kind.version()) {
            return Err(DocError::NewerSchema {
                found: u32::try_from(found).unwrap_or(u32::MAX),
            });
        }
    }
    if object.get("kind").and_then(Value::as_str) != Some(kind.tag()) {
        return Err(DocError::WrongKind);
    }
    let Some(version) = version.and_then(|v| u32::try_from(v).ok()) else {
        return Err(DocError::Invalid {
            detail: "schema_version missing or not a whole number".into(),
        });
    };
    match migrate(kind.tag(), version, doc)? {
        Value::Object(object) => Ok(object),
        _ => Err(DocError::Invalid {
            detail: "migration did not return an object".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_tag_and_a_key_that_classifies_back_to_it() {
        let month = MonthKey::parse("2026-11").unwrap();
        for kind in DocKind::ALL {
            assert_eq!(DocKind::from_tag(kind.tag()), Some(kind));
            let key = DocKey::single(kind).unwrap_or(DocKey::Month(month));
            assert_eq!(key.kind(), kind);
            assert_eq!(classify_key(&key.name()), KeyKind::Doc(key), "{kind:?}");
            assert!(key.name().starts_with(KEY_PREFIX));
            assert!(kind.version() >= 1);
        }
        let tags: std::collections::BTreeSet<_> = DocKind::ALL.iter().map(|k| k.tag()).collect();
        assert_eq!(tags.len(), DocKind::ALL.len());
    }

    #[test]
    fn keys_that_are_not_documents_are_not_classified_as_documents() {
        for (key, kind) in [
            ("trinvis.quarantine.trinvis.goals.1", KeyKind::Quarantine),
            ("trinvis.checkins.garbage", KeyKind::OtherTrinvis),
            ("trinvis.journal", KeyKind::OtherTrinvis),
            ("trinvis.goals2", KeyKind::OtherTrinvis),
            ("other-app", KeyKind::Foreign),
        ] {
            assert_eq!(classify_key(key), kind, "{key}");
        }
    }

    #[test]
    fn the_envelope_reader_names_a_newer_version_before_the_kind() {
        for kind in DocKind::ALL {
            let newer = format!(
                "{{\"kind\":\"x\",\"schema_version\":{}}}",
                kind.version() + 1
            );
            assert!(read_envelope(&newer, kind).unwrap_err().is_newer());
            let wrong = format!("{{\"kind\":\"x\",\"schema_version\":{}}}", kind.version());
            assert_eq!(read_envelope(&wrong, kind), Err(DocError::WrongKind));
            assert_eq!(read_envelope("{", kind), Err(DocError::NotJson));
            let none = format!("{{\"kind\":\"{}\"}}", kind.tag());
            assert!(matches!(
                read_envelope(&none, kind),
                Err(DocError::Invalid { .. })
            ));
        }
    }
}
