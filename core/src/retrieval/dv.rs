//! Document Verification retrieval: status, details, document, transaction
//! and pages. `extractedData.extractedData` arrives as JSON inside a JSON
//! string; it is decoded (see [`EmbeddedJson`]).

use super::lenient::{one, opt_string, opt_u32, EmbeddedJson, LooseTimestamp};
use crate::codes::{DvDocumentStatus, DvDocumentType, DvTransactionStatus};
use crate::document::DvTransaction;
use crate::models::ExtraJson;
use crate::wire::{lenient, DateValue};
use serde::{Deserialize, Serialize};

/// Response of `GET …/documents/<scanReference>`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvStatusResponse {
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
    /// `status`: `DONE` or `FAILED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DvTransactionStatus>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// Response of `GET …/documents/<scanReference>/data`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvDetails {
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
    pub document: Option<DvRetrievedDocument>,
    /// `transaction` (the callback's shape).
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction: Option<DvTransaction>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// Response of `GET …/documents/<scanReference>/data/transaction`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvTransactionResponse {
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
    /// The transaction fields; fields the spec does not list land in its `extra`.
    #[serde(flatten)]
    pub transaction: DvTransaction,
}

/// `document`, or the response of `GET …/documents/<scanReference>/data/document`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvRetrievedDocument {
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
    /// `status`: `UPLOADED`, `EXTRACTED` or `DISCARDED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DvDocumentStatus>,
    /// `type`: the document type code, e.g. `CC`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DvDocumentType>,
    /// `country` (3): ISO 3166-1 alpha-3, or `XKX`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    /// `originalDocument` (255): URL of the original PDF, if any.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_document: Option<String>,
    /// `customDocumentCode` (100): with type `CUSTOM`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_document_code: Option<String>,
    /// `extractedData`: with status `EXTRACTED`.
    #[serde(
        default,
        deserialize_with = "one",
        skip_serializing_if = "Option::is_none"
    )]
    pub extracted_data: Option<DvRetrievedData>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `extractedData` of a retrieved document.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvRetrievedData {
    /// `signatureAvailable`: `true`, `false`, or the strings.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub signature_available: Option<bool>,
    /// `ssn` (255): social security number, if readable.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ssn: Option<String>,
    /// `firstName` (255): first name for SSC, full name for other types.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    /// `lastName` (255): SSC only.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// `extractedData`: the nested fields, sent as an object or as a string of JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted_data: Option<EmbeddedJson<DvExtractedFields>>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// The nested `extractedData` object.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvExtractedFields {
    /// `addressFormat`: `RAW`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub address_format: Option<String>,
    /// `line1` (100).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub line1: Option<String>,
    /// `line2` (100).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub line2: Option<String>,
    /// `countryCode` (3): country of residence.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// `postalCode` (15).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub postal_code: Option<String>,
    /// `city` (64).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// `subdivision` (50): the US state is sent here.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subdivision: Option<String>,
    /// `firstName` (255): first name for SSC, full name for other types.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    /// `lastName` (255): SSC only.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// `ssn` (255): SSC only.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ssn: Option<String>,
    /// `signaturePresent`: documented as the strings `"true"`/`"false"`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub signature_present: Option<bool>,
    /// `accountNumber`: IBAN or account number (numbers are read as text).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_number: Option<String>,
    /// `swiftCode` (20): BIC/SWIFT code.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub swift_code: Option<String>,
    /// `issueDate`: YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateValue>,
    /// `expiryDate`: MM/YY (CC only), as sent; see [`card_expiry`](Self::card_expiry).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiry_date: Option<String>,
    /// `pan` (20): the card number (CC only; numbers are read as text).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub pan: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl DvExtractedFields {
    /// `expiryDate` read as (month 1–12, four-digit year); `None` unless it is `MM/YY`.
    pub fn card_expiry(&self) -> Option<(u8, u16)> {
        let (m, y) = self.expiry_date.as_deref()?.trim().split_once('/')?;
        let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
        if y.len() != 2 {
            return None;
        }
        let year: u16 = y.parse().ok()?;
        Some((month, 2000 + year))
    }
}

/// Response of `GET …/documents/<scanReference>/pages`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvPages {
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
    /// `images`: an array, or one object.
    #[serde(
        default,
        deserialize_with = "lenient::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<PageLink>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// One entry of the pages' `images`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageLink {
    /// `classifier`: the page number given at upload (a string holding a number is read too).
    #[serde(
        default,
        deserialize_with = "opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub classifier: Option<u32>,
    /// `href`: URL of the page image.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub href: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}
