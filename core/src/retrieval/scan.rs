//! ID Verification (Netverify) retrieval: status, details, document,
//! transaction, verification, images and facemap of a scan.
//!
//! The nested parts of the details response are the standalone responses
//! without `timestamp` and `scanReference`, so one struct serves both.

use super::codes::{FaceSearchStatus, MrzCheck, ScanStatus, SearchReason, SearchResult};
use super::images::Facemap;
use super::lenient::{one, opt_string, strings, LooseTimestamp};
use crate::codes::{Gender, IdScanSource, IdSubtype, IdType, VerificationStatus};
use crate::models::{ExtraJson, IdAddress, IdentityVerification};
use crate::reject::RejectReason;
use crate::wire::DateValue;
use serde::{Deserialize, Serialize};

/// Response of `GET …/scans/<scanReference>`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanStatusResponse {
    /// `timestamp` of the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `status`: `PENDING`, `DONE` or `FAILED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ScanStatus>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// Response of `GET …/scans/<scanReference>/data`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanDetails {
    /// `timestamp` of the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `document`.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub document: Option<ScanDocument>,
    /// `transaction`.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction: Option<ScanTransaction>,
    /// `verification`.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub verification: Option<ScanVerification>,
    /// `facemap`: if download of the facemap is enabled.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub facemap: Option<Facemap>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `document`, or the response of `GET …/scans/<scanReference>/data/document`.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanDocument {
    /// `timestamp` of the response (standalone only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36) (standalone only).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `status` (2019 spec): the verification status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VerificationStatus>,
    /// `type`: `PASSPORT`, `DRIVING_LICENSE`, `ID_CARD`, `VISA`, `UNSUPPORTED`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<IdType>,
    /// `idSubtype` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_subtype: Option<IdSubtype>,
    /// `issuingCountry` (3): ISO 3166-1 alpha-3, or `XKX`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub issuing_country: Option<String>,
    /// `firstName` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    /// `lastName` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// `dob`: date of birth, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<DateValue>,
    /// `expiry`: date of expiry, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<DateValue>,
    /// `issuingDate`: YYYY-MM-DD (if extraction is enabled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_date: Option<DateValue>,
    /// `number` (255): the document number.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<String>,
    /// `usState` (255): US/AU/CA state code, country name, `XKX` or free text.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub us_state: Option<String>,
    /// `personalNumber` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub personal_number: Option<String>,
    /// `optionalData1` (255): optional field of MRZ line 1.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub optional_data1: Option<String>,
    /// `optionalData2` (255): optional field of MRZ line 2.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub optional_data2: Option<String>,
    /// `address`: raw format since 2020-08-15, US or EU format before.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<IdAddress>,
    /// `issuingAuthority` (50).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub issuing_authority: Option<String>,
    /// `issuingPlace` (50).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub issuing_place: Option<String>,
    /// `curp` (18).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub curp: Option<String>,
    /// `gender`: `M` or `F`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// `nationality` (3): ISO 3166-1 alpha-3.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub nationality: Option<String>,
    /// `placeOfBirth` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub place_of_birth: Option<String>,
    /// `taxNumber` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_number: Option<String>,
    /// `cpf` (255): Brazilian CPF number.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cpf: Option<String>,
    /// `registrationNumber` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub registration_number: Option<String>,
    /// `mothersName` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mothers_name: Option<String>,
    /// `fathersName` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub fathers_name: Option<String>,
    /// `personalIdentificationNumber` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub personal_identification_number: Option<String>,
    /// `rgNumber` (255): Brazilian "General Registration" number.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub rg_number: Option<String>,
    /// `voterIdNumber` (255): Mexican "Clave de elector".
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub voter_id_number: Option<String>,
    /// `issuingNumber` (255): Mexican "Numero de emission".
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub issuing_number: Option<String>,
    /// `expiryDateParts` (2022).
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiry_date_parts: Option<DateParts>,
    /// `dateOfBirthParts` (2022).
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_of_birth_parts: Option<DateParts>,
    /// `issuingDateParts` (2022).
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub issuing_date_parts: Option<DateParts>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `expiryDateParts`, `dateOfBirthParts`, `issuingDateParts`: the date as
/// printed; a part not on the document is absent. Numbers are read as text.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DateParts {
    /// `year`, e.g. `"2022"`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub year: Option<String>,
    /// `month`, e.g. `"08"`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub month: Option<String>,
    /// `day`, e.g. `"31"`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub day: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl DateParts {
    /// The full date, when all three parts are present and form a real date.
    pub fn to_date(&self) -> Option<time::Date> {
        let year: i32 = self.year.as_deref()?.trim().parse().ok()?;
        let month: u8 = self.month.as_deref()?.trim().parse().ok()?;
        let day: u8 = self.day.as_deref()?.trim().parse().ok()?;
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok()
    }
}

/// `transaction`, or the response of `GET …/scans/<scanReference>/data/transaction`.
///
/// `Debug` is [`redacted`](Self::redacted): the client IP shows its network part only.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanTransaction {
    /// `timestamp` of the response (standalone only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36) (standalone only).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `status`: `PENDING`, `DONE` or `FAILED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ScanStatus>,
    /// `source`, as sent (the table writes `WEB-CAM`, the examples `WEB_UPLOAD`;
    /// see [`source_normalized`](Self::source_normalized)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<IdScanSource>,
    /// `date`: when the scan was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<LooseTimestamp>,
    /// `clientIp`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_ip: Option<String>,
    /// `customerId` (255): your reference for the user.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_id: Option<String>,
    /// `merchantScanReference` (255): your reference for the transaction.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub merchant_scan_reference: Option<String>,
    /// `merchantReportingCriteria` (255).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub merchant_reporting_criteria: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl ScanTransaction {
    /// `source` with the table's hyphens read as the underscores the
    /// examples and the callback use (`WEB-CAM` is `WEB_CAM`).
    pub fn source_normalized(&self) -> Option<IdScanSource> {
        self.source
            .as_ref()
            .map(|s| IdScanSource::from_wire(&s.as_str().replace('-', "_")))
    }
}

/// `verification`, or the response of `GET …/scans/<scanReference>/data/verification`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanVerification {
    /// `timestamp` of the response (standalone only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36) (standalone only).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `mrzCheck`: `OK` or `NOT_AVAILABLE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrz_check: Option<MrzCheck>,
    /// `rejectReason`: details are one object or an array.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub reject_reason: Option<RejectReason>,
    /// `identityVerification`: the selfie check.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub identity_verification: Option<IdentityVerification>,
    /// `additionalChecks` (2020+, each check needs activation).
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_checks: Option<AdditionalChecks>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `additionalChecks`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalChecks {
    /// `addressValidation`.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub address_validation: Option<SearchCheck>,
    /// `proofOfResidency`: for AUS, BRA, CAN, DEU, ESP, GBR, MEX.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub proof_of_residency: Option<SearchCheck>,
    /// `watchlistScreening`: documented in the screening guide, kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watchlist_screening: Option<serde_json::Value>,
    /// `faceSearchFindings`: 1:n face search on previous transactions.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub face_search_findings: Option<FaceSearchFindings>,
    /// `personalNumberValidation`: CPF number validation.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub personal_number_validation: Option<SearchCheck>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `addressValidation`, `proofOfResidency` and `personalNumberValidation`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchCheck {
    /// `searchResults`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_results: Option<SearchResult>,
    /// `searchResponse`: why the check was not done (address, residency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_response: Option<SearchReason>,
    /// `searchReason`: why the check was not done (personal number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_reason: Option<SearchReason>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `faceSearchFindings`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaceSearchFindings {
    /// `status`: `DONE`, `PENDING` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FaceSearchStatus>,
    /// `findings`: references of earlier transactions with a matching face;
    /// one is sent as a string, several as an array, none as no field.
    #[serde(
        default,
        deserialize_with = "strings",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub findings: Vec<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}
