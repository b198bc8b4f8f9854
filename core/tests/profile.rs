//! The saved copy of the first profile document (`fixtures/profile-v1.json`) must keep
//! reading the same way in every later version of the app.

use trinvis_core::safety::{
    decode_profile, encode_profile, may_reassure, Answer, ClearReason, Condition, Ending,
    SafetyStatus, WarningSign, PROFILE_SCHEMA_VERSION,
};
use trinvis_core::store::DocError;
use trinvis_core::time::Instant;

const PROFILE_V1: &str = include_str!("fixtures/profile-v1.json");
const PROFILE_V2: &str = include_str!("fixtures/profile-v2.json");

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
    // Version 1 cleared the urgent sign with "passed, or a doctor has seen it"; only a
    // doctor may clear an urgent sign, so it is ticked again after the migration.
    assert!(!check.is_cleared(WarningSign::StrengthLoss));
    let asked = trinvis_core::safety::signs_for(&profile.conditions, check);
    assert!(check.unanswered(&asked).is_empty());
    assert_eq!(
        check.status(),
        SafetyStatus::Ticked {
            urgent: true,
            signs: vec![WarningSign::StrengthLoss, WarningSign::Accident]
        }
    );
    // Both yes answers are on record, dated by the v1 document's last change.
    assert_eq!(
        check.ever_ticked(),
        [WarningSign::StrengthLoss, WarningSign::Accident]
    );
    assert!(check
        .records()
        .iter()
        .all(|r| r.ticked_at == Instant::new(1_795_500_000, 60).unwrap() && r.ended.is_none()));
    assert!(!may_reassure(check));
    // The unknown field survives a re-save.
    assert!(profile.extra.contains_key("påmindelse"));
    let again = decode_profile(&encode_profile(&profile)).unwrap();
    assert_eq!(again, profile);
}

#[test]
fn a_profile_from_a_newer_app_is_left_alone() {
    let newer = PROFILE_V2.replace(
        "\"schema_version\":2",
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

#[test]
fn the_v2_profile_fixture_keeps_every_yes_with_its_date_and_how_it_ended() {
    let profile = decode_profile(PROFILE_V2).unwrap();
    let check = &profile.check;
    let m = |secs: i64| Instant::new(secs, 60).unwrap();
    let got: Vec<_> = check
        .records()
        .iter()
        .map(|r| (r.sign, r.ticked_at, r.ended))
        .collect();
    assert_eq!(
        got,
        [
            (
                WarningSign::Accident,
                m(1_795_420_800),
                Some((m(1_795_460_000), Ending::AnswerChanged))
            ),
            (
                WarningSign::StrengthLoss,
                m(1_795_500_000),
                Some((m(1_795_590_000), Ending::Cleared(ClearReason::DoctorSeen)))
            ),
            (WarningSign::SeverePain, m(1_795_600_000), None),
        ]
    );
    assert_eq!(check.answer(WarningSign::Accident), Answer::No);
    assert_eq!(
        check.status(),
        SafetyStatus::Ticked {
            urgent: false,
            signs: vec![WarningSign::SeverePain]
        }
    );
    assert_eq!(
        check.ever_ticked(),
        [
            WarningSign::StrengthLoss,
            WarningSign::SeverePain,
            WarningSign::Accident
        ]
    );
    assert!(profile.extra.contains_key("påmindelse"));
    // A re-save writes the same document (apart from the app version).
    let again = encode_profile(&profile);
    assert_eq!(decode_profile(&again), Ok(profile));
    assert_eq!(
        again.replace(trinvis_core::store::CORE_VERSION, "0.3.0"),
        PROFILE_V2.trim_end()
    );
}
