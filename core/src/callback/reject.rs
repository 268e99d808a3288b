//! Reject reasons: the `rejectReason` JSON object and the code tables of the
//! callback spec and both Retrieval API specs (2019 and 2022).
//!
//! The 2022 spec adds codes 112–116, 118 and 214 and detail codes 2006–2007
//! only in its revision history. Codes 112–118 are put with the fraud codes
//! and 214 with the not-readable ones, following the numbering the tables
//! use (1xx fraud, 2xx not readable; 102–104 are the listed exceptions).

use crate::wire::{lenient, wire_enum};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Which verification status a reject code belongs to in the spec's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RejectCategory {
    /// Listed under `DENIED_FRAUD`.
    Fraud,
    /// Listed under `ERROR_NOT_READABLE_ID`: the user may try again with a new scan.
    NotReadable,
}

macro_rules! code_table {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $variant:ident = $code:literal, $desc:literal, $cat:ident; )+
        }
    ) => {
        wire_enum! {
            $(#[$meta])*
            pub enum $name {
                $( #[doc = concat!("`", $code, "` ", $desc)] $variant = $code, )+
            }
        }

        impl $name {
            /// The spec's description, e.g. `MANIPULATED_DOCUMENT`; `None` for an undocumented code.
            pub fn description(&self) -> Option<&'static str> {
                match self {
                    $( $name::$variant => Some($desc), )+
                    $name::Unknown(_) => None,
                }
            }

            /// The verification status the spec lists the code under; `None` for an undocumented code.
            pub fn category(&self) -> Option<RejectCategory> {
                match self {
                    $( $name::$variant => Some(RejectCategory::$cat), )+
                    $name::Unknown(_) => None,
                }
            }
        }
    };
}

code_table! {
    /// `rejectReasonCode`.
    pub enum RejectReasonCode {
        ManipulatedDocument = "100", "MANIPULATED_DOCUMENT", Fraud;
        Fraudster = "105", "FRAUDSTER", Fraud;
        Fake = "106", "FAKE", Fraud;
        PhotoMismatch = "107", "PHOTO_MISMATCH", Fraud;
        MrzCheckFailed = "108", "MRZ_CHECK_FAILED", Fraud;
        PunchedDocument = "109", "PUNCHED_DOCUMENT", Fraud;
        ChipDataManipulated = "110", "CHIP_DATA_MANIPULATED", Fraud;
        MismatchPrintedBarcodeData = "111", "MISMATCH_PRINTED_BARCODE_DATA", Fraud;
        ChipMissing = "112", "CHIP_MISSING", Fraud;
        MismatchingDataRepeatedFace = "113", "MISMATCHING_DATA_REPEATED_FACE", Fraud;
        DigitalManipulation = "114", "DIGITAL_MANIPULATION", Fraud;
        MismatchHrzMrzData = "115", "MISMATCH_HRZ_MRZ_DATA", Fraud;
        SuperimposedText = "116", "SUPERIMPOSED_TEXT", Fraud;
        MismatchFrontBack = "118", "MISMATCH_FRONT_BACK", Fraud;
        PhotocopyBlackWhite = "102", "PHOTOCOPY_BLACK_WHITE", NotReadable;
        PhotocopyColor = "103", "PHOTOCOPY_COLOR", NotReadable;
        DigitalCopy = "104", "DIGITAL_COPY", NotReadable;
        NotReadableDocument = "200", "NOT_READABLE_DOCUMENT", NotReadable;
        NoDocument = "201", "NO_DOCUMENT", NotReadable;
        SampleDocument = "202", "SAMPLE_DOCUMENT", NotReadable;
        MissingBack = "206", "MISSING_BACK", NotReadable;
        WrongDocumentPage = "207", "WRONG_DOCUMENT_PAGE", NotReadable;
        MissingSignature = "209", "MISSING_SIGNATURE", NotReadable;
        CameraBlackWhite = "210", "CAMERA_BLACK_WHITE", NotReadable;
        DifferentPersonsShown = "211", "DIFFERENT_PERSONS_SHOWN", NotReadable;
        MissingFront = "214", "MISSING_FRONT", NotReadable;
        ManualRejection = "300", "MANUAL_REJECTION", NotReadable;
    }
}

code_table! {
    /// `detailsCode` of `rejectReasonDetails`: 100x for code 100, 200x for code 200.
    pub enum RejectDetailCode {
        Photo = "1001", "PHOTO", Fraud;
        DocumentNumber = "1002", "DOCUMENT_NUMBER", Fraud;
        Expiry = "1003", "EXPIRY", Fraud;
        Dob = "1004", "DOB", Fraud;
        Name = "1005", "NAME", Fraud;
        Address = "1006", "ADDRESS", Fraud;
        SecurityChecks = "1007", "SECURITY_CHECKS", Fraud;
        Signature = "1008", "SIGNATURE", Fraud;
        PersonalNumber = "1009", "PERSONAL_NUMBER", Fraud;
        PlaceOfBirth = "10011", "PLACE_OF_BIRTH", Fraud;
        Blurred = "2001", "BLURRED", NotReadable;
        BadQuality = "2002", "BAD_QUALITY", NotReadable;
        MissingPartDocument = "2003", "MISSING_PART_DOCUMENT", NotReadable;
        HiddenPartDocument = "2004", "HIDDEN_PART_DOCUMENT", NotReadable;
        DamagedDocument = "2005", "DAMAGED_DOCUMENT", NotReadable;
        Glare = "2006", "GLARE", NotReadable;
        MissingMandatoryDatapoints = "2007", "MISSING_MANDATORY_DATAPOINTS", NotReadable;
    }
}

/// `rejectReason`: sent with `DENIED_FRAUD` and `ERROR_NOT_READABLE_ID`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectReason {
    /// `rejectReasonCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason_code: Option<RejectReasonCode>,
    /// `rejectReasonDescription`, as sent (see [`RejectReasonCode::description`] for the spec's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason_description: Option<String>,
    /// `rejectReasonDetails`: for codes 100 and 200. Sent as an array, or as one
    /// object when there is a single detail; both are read into this list.
    #[serde(
        default,
        deserialize_with = "lenient::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reject_reason_details: Vec<RejectReasonDetail>,
    /// Fields the spec does not list, kept as sent.
    #[serde(flatten)]
    pub extra: IndexMap<String, serde_json::Value>,
}

/// One entry of `rejectReasonDetails`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectReasonDetail {
    /// `detailsCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_code: Option<RejectDetailCode>,
    /// `detailsDescription`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_description: Option<String>,
    /// Fields the spec does not list, kept as sent.
    #[serde(flatten)]
    pub extra: IndexMap<String, serde_json::Value>,
}

impl crate::callback::form::JsonField for RejectReason {}
