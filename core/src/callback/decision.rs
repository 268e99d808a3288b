//! `decision()`: what to do with a user after a callback, from the status,
//! the reject reason and the identity verification, as the spec's tables define them.
//!
//! | verificationStatus | outcome |
//! |---|---|
//! | `APPROVED_VERIFIED`, no identity verification, or `MATCH` and valid | approved |
//! | `APPROVED_VERIFIED`, similarity `NO_MATCH` | fraud (the selfie is another person) |
//! | `APPROVED_VERIFIED`, validity `FALSE` with a spoofing reason (see below) | fraud |
//! | `APPROVED_VERIFIED`, similarity `NOT_POSSIBLE`, or validity `FALSE` with a capture reason | retry |
//! | `APPROVED_VERIFIED`, `handwrittenNoteMatches` `FALSE` | fraud |
//! | `APPROVED_VERIFIED` but `idScanStatus` `ERROR` | unknown (the spec ties them together) |
//! | `DENIED_FRAUD` | fraud |
//! | `DENIED_UNSUPPORTED_ID_TYPE`, `DENIED_UNSUPPORTED_ID_COUNTRY` | retry (another ID) |
//! | `ERROR_NOT_READABLE_ID` | retry |
//! | `NO_ID_UPLOADED` | no ID uploaded |
//! | undocumented status | the reject code's category if there is one, else unknown |
//!
//! Spoofing reasons: `SELFIE_CROPPED_FROM_ID`, `ENTIRE_ID_USED_AS_SELFIE`,
//! `MULTIPLE_PEOPLE`, `SELFIE_IS_SCREEN_PAPER_VIDEO`, `SELFIE_MANIPULATED`,
//! `AGE_DIFFERENCE_TOO_BIG`, `LIVENESS_FAILED`. Capture reasons: `NO_FACE_PRESENT`,
//! `FACE_NOT_FULLY_VISIBLE`, `BAD_QUALITY`, `BLACK_AND_WHITE`. An undocumented
//! reason gives unknown.

use crate::callback::codes::{IdScanStatus, Similarity, ValidityReason, VerificationStatus};
use crate::callback::models::IdentityVerification;
use crate::callback::netverify::NetverifyCallback;
use crate::callback::reject::RejectCategory;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What to do with the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The ID is genuine and, if checked, the selfie is the same person.
    Approved,
    /// Fraud: the document or the selfie is not genuine.
    Fraud,
    /// Unreadable or unsupported: ask the user for a new scan (or another ID).
    Retry,
    /// The user never uploaded an ID.
    NoIdUploaded,
    /// The callback does not say; review by hand.
    Unknown,
}

impl Outcome {
    /// The snake_case name used in JSON and by the bindings.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Fraud => "fraud",
            Outcome::Retry => "retry",
            Outcome::NoIdUploaded => "no_id_uploaded",
            Outcome::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An outcome and the fact it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What to do.
    pub outcome: Outcome,
    /// The fact it rests on, e.g. `rejectReason 107 PHOTO_MISMATCH`.
    pub reason: String,
}

impl Decision {
    fn new(outcome: Outcome, reason: impl Into<String>) -> Self {
        Decision {
            outcome,
            reason: reason.into(),
        }
    }
}

impl NetverifyCallback {
    /// What to do with the user; see the module docs for the rules.
    pub fn decision(&self) -> Decision {
        let status = &self.verification_status;
        let status_reason = format!("verificationStatus {}", status.redacted());
        let with_reject = |base: String| match self.reject_reason_text() {
            Some(r) => format!("{base}, {r}"),
            None => base,
        };
        match status {
            VerificationStatus::ApprovedVerified => {
                if self.id_scan_status == Some(IdScanStatus::Error) {
                    return Decision::new(
                        Outcome::Unknown,
                        "verificationStatus APPROVED_VERIFIED contradicts idScanStatus ERROR",
                    );
                }
                match &self.identity_verification {
                    Some(iv) => identity_decision(iv),
                    None => Decision::new(Outcome::Approved, status_reason),
                }
            }
            VerificationStatus::DeniedFraud => {
                Decision::new(Outcome::Fraud, with_reject(status_reason))
            }
            VerificationStatus::DeniedUnsupportedIdType
            | VerificationStatus::DeniedUnsupportedIdCountry => {
                Decision::new(Outcome::Retry, status_reason)
            }
            VerificationStatus::ErrorNotReadableId => {
                Decision::new(Outcome::Retry, with_reject(status_reason))
            }
            VerificationStatus::NoIdUploaded => Decision::new(Outcome::NoIdUploaded, status_reason),
            VerificationStatus::Unknown(_) => {
                let category = self
                    .reject_reason
                    .as_ref()
                    .and_then(|r| r.reject_reason_code.as_ref())
                    .and_then(|c| c.category());
                let outcome = match category {
                    Some(RejectCategory::Fraud) => Outcome::Fraud,
                    Some(RejectCategory::NotReadable) => Outcome::Retry,
                    None => Outcome::Unknown,
                };
                // The value itself is not named: it may hold anything.
                Decision::new(
                    outcome,
                    with_reject("undocumented verificationStatus".to_owned()),
                )
            }
        }
    }

    fn reject_reason_text(&self) -> Option<String> {
        let code = self.reject_reason.as_ref()?.reject_reason_code.as_ref()?;
        let code = code.redacted_if(crate::redact::rules::is_code);
        Some(match code.description() {
            Some(d) => format!("rejectReason {code} {d}"),
            None if code.as_str() == crate::redact::REDACTED => {
                "rejectReason undocumented code".to_owned()
            }
            None => format!("rejectReason {code}"),
        })
    }
}

fn identity_decision(iv: &IdentityVerification) -> Decision {
    if iv.similarity == Some(Similarity::NoMatch) {
        return Decision::new(Outcome::Fraud, "identityVerification similarity NO_MATCH");
    }
    if iv.validity == Some(false) {
        let Some(reason) = &iv.reason else {
            return Decision::new(Outcome::Fraud, "identityVerification validity FALSE");
        };
        let outcome = match reason {
            ValidityReason::SelfieCroppedFromId
            | ValidityReason::EntireIdUsedAsSelfie
            | ValidityReason::MultiplePeople
            | ValidityReason::SelfieIsScreenPaperVideo
            | ValidityReason::SelfieManipulated
            | ValidityReason::AgeDifferenceTooBig
            | ValidityReason::LivenessFailed => Outcome::Fraud,
            ValidityReason::NoFacePresent
            | ValidityReason::FaceNotFullyVisible
            | ValidityReason::BadQuality
            | ValidityReason::BlackAndWhite => Outcome::Retry,
            ValidityReason::Unknown(_) => Outcome::Unknown,
        };
        let reason = match reason {
            ValidityReason::Unknown(_) => "undocumented".to_owned(),
            known => known.to_string(),
        };
        return Decision::new(
            outcome,
            format!("identityVerification validity FALSE, reason {reason}"),
        );
    }
    if iv.handwritten_note_matches == Some(false) {
        return Decision::new(
            Outcome::Fraud,
            "identityVerification handwrittenNoteMatches FALSE",
        );
    }
    match &iv.similarity {
        Some(Similarity::NotPossible) => Decision::new(
            Outcome::Retry,
            "identityVerification similarity NOT_POSSIBLE",
        ),
        Some(Similarity::Unknown(_)) => Decision::new(
            Outcome::Unknown,
            "identityVerification undocumented similarity",
        ),
        _ => Decision::new(
            Outcome::Approved,
            "verificationStatus APPROVED_VERIFIED, identity verified",
        ),
    }
}
