//! The saved copy of the first profile document (`fixtures/profile-v1.json`) must keep
//! reading the same way in every later version of the app.

use trinvis_core::safety::{
    decode_profile, encode_profile, may_reassure, Answer, Condition, SafetyStatus, WarningSign,
    PROFILE_SCHEMA_VERSION,
};
use trinvis_core::store::DocError;
use trinvis_core::time::Instant;

const PROFILE_V1: &str = include_str!("fixtures/profile-v1.json");

#[test]
fn the_v1_profile_fixture_decodes_to_its_conditions_answers_and_clearing() {
    let profile = decode_profile(PROFILE_V1).unwrap();
    assert_eq!(
        profile.conditions,
        [Condition::Sciatica, Condition::KneeOsteoarthritis]
    );
    assert!(profile.first_visit_done);
    let check = &profile.check;
    assert_eq!(check.answered_at(), Instant::new(1_795_500_000, 60));
    assert_eq!(check.answer(WarningSign::StrengthLoss), Answer::Yes);
    assert_eq!(check.answer(WarningSign::SaddleNumbness), Answer::No);
    assert!(check.is_cleared(WarningSign::StrengthLoss));
    assert!(check.unanswered().is_empty());
    assert_eq!(
        check.status(),
        SafetyStatus::Ticked {
            urgent: false,
            signs: vec![WarningSign::Accident]
        }
    );
    assert!(!may_reassure(check));
    // The unknown field survives a re-save.
    assert!(profile.extra.contains_key("påmindelse"));
    let again = decode_profile(&encode_profile(&profile)).unwrap();
    assert_eq!(again, profile);
}

#[test]
fn a_profile_from_a_newer_app_is_left_alone() {
    let newer = PROFILE_V1.replace(
        "\"schema_version\":1",
        &format!("\"schema_version\":{}", PROFILE_SCHEMA_VERSION + 1),
    );
    let err = decode_profile(&newer).unwrap_err();
    assert!(err.is_newer());
    assert_eq!(
        err,
        DocError::NewerSchema {
            found: PROFILE_SCHEMA_VERSION + 1
        }
    );
    assert_eq!(
        decode_profile(&PROFILE_V1[..PROFILE_V1.len() / 2]),
        Err(DocError::NotJson)
    );
}
