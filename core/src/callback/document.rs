//! The Document Verification callback (formerly Netverify Multi Document):
//! a form POST whose `transaction` and `document` fields hold JSON.

use crate::callback::codes::{DvDocumentStatus, DvDocumentType, DvSource, DvTransactionStatus};
use crate::callback::error::CallbackError;
use crate::callback::form::{
    check_len, decode_pairs, FormValue, FormWriter, JsonField, ParseOptions,
};
use crate::callback::models::ExtraJson;
use crate::callback::netverify::{keep_extra, mark_seen};
use crate::wire::{lenient, DateValue, Timestamp};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A parsed Document Verification callback.
///
/// `Debug` shows the [`redacted`](Self::redacted) form: extracted card and
/// account numbers and personal data never reach a log through `{:?}`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentCallback {
    /// `scanReference` (max 36): Jumio's reference for the scan.
    pub scan_reference: String,
    /// `timestamp`: when the callback was created (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// `transaction` (JSON).
    pub transaction: DvTransaction,
    /// `document` (JSON): only if the transaction status is `DONE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DvDocument>,
    /// Fields the spec does not list, in the order received.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub extra: IndexMap<String, String>,
}

/// `transaction` of a Document Verification callback.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvTransaction {
    /// `date`: when the scan was created (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Timestamp>,
    /// `status`: `DONE` or `FAILED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DvTransactionStatus>,
    /// `source`: `DOC_UPLOAD`, `DOC_API` or `DOC_SDK`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DvSource>,
    /// `merchantScanReference` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_scan_reference: Option<String>,
    /// `customerId` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// `merchantReportingCriteria` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_reporting_criteria: Option<String>,
    /// `clientIp` (100): given for the Document Verification API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_ip: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `document` of a Document Verification callback.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvDocument {
    /// `status`: `UPLOADED`, `EXTRACTED` or `DISCARDED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DvDocumentStatus>,
    /// `country` (3): ISO 3166-1 alpha-3, or `XKX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `type`: the document type code, e.g. `SSC`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DvDocumentType>,
    /// `images`: URLs of the page images.
    #[serde(
        default,
        deserialize_with = "lenient::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<String>,
    /// `originalDocument`: URL of the submitted PDF, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_document: Option<String>,
    /// `customDocumentCode` (100): with type `CUSTOM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_document_code: Option<String>,
    /// `extractedData`: with status `EXTRACTED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted_data: Option<ExtractedData>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `extractedData`: which fields are filled depends on the document type
/// (BS: name, issueDate, address, accountNumber, swiftCode; CC: name, pan,
/// expiryDate; UB: name, issueDate, address, dueDate; CCS: name, issueDate,
/// address, cardNumberLastFourDigits; SSC: firstName, lastName, ssn,
/// signatureAvailable).
///
/// `Debug` is redacted: `pan`, `accountNumber` and `ssn` are never shown whole.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractedData {
    /// `firstName` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `name` (100): full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `accountNumber` (28): bank account number from a bank statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// `pan` (20): the card number of a credit card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pan: Option<String>,
    /// `issueDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateValue>,
    /// `expiryDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<DateValue>,
    /// `dueDate` (utility bills), YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<DateValue>,
    /// `ssn` (255): social security number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssn: Option<String>,
    /// `signatureAvailable`: documented as `"true"`/`"false"`; the spec's example sends `true`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub signature_available: Option<bool>,
    /// `swiftCode` (20): BIC/SWIFT code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swift_code: Option<String>,
    /// `cardNumberLastFourDigits` (credit card statements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number_last_four_digits: Option<String>,
    /// `address`, raw format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DvAddress>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `extractedData.address`, raw format.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DvAddress {
    /// Line item 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Line item 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// Line item 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line3: Option<String>,
    /// Line item 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line4: Option<String>,
    /// Line item 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line5: Option<String>,
    /// Country of residence, ISO 3166-1 alpha-3 or `XKX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Name of the subdivision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdivision: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl JsonField for DvTransaction {}
impl JsonField for DvDocument {}

impl DocumentCallback {
    /// Every field name of the spec's table, in its order.
    pub const FIELD_NAMES: &'static [&'static str] =
        &["scanReference", "timestamp", "transaction", "document"];

    /// Parses a callback body with the default [`ParseOptions`].
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Self, CallbackError> {
        Self::parse_with(body.as_ref(), &ParseOptions::default())
    }

    /// Parses a callback body.
    pub fn parse_with(body: &[u8], opts: &ParseOptions) -> Result<Self, CallbackError> {
        let mut seen = 0u64;
        let mut reference = None;
        let mut timestamp = None;
        let mut transaction = None;
        let mut document = None;
        let mut extra = IndexMap::new();
        decode_pairs(body, opts, |name, value| {
            let bit = match name.as_ref() {
                "scanReference" => 0,
                "timestamp" => 1,
                "transaction" => 2,
                "document" => 3,
                _ => return keep_extra(&mut extra, name, value),
            };
            let field = Self::FIELD_NAMES[bit as usize];
            mark_seen(&mut seen, bit, field)?;
            if value.is_empty() {
                return Ok(());
            }
            match bit {
                0 => {
                    check_len(field, &value, 36, opts)?;
                    reference = Some(value.into_owned());
                }
                1 => timestamp = Some(Timestamp::from_form(field, value)?),
                2 => transaction = Some(DvTransaction::from_form(field, value)?),
                _ => document = Some(DvDocument::from_form(field, value)?),
            }
            Ok(())
        })?;
        Ok(DocumentCallback {
            scan_reference: reference.ok_or_else(|| CallbackError::missing("scanReference"))?,
            timestamp,
            transaction: transaction.ok_or_else(|| CallbackError::missing("transaction"))?,
            document,
            extra,
        })
    }

    /// Writes the callback back as a form body that parses to an equal value
    /// (possibly longer than the one read: see [`NetverifyCallback::to_form`](crate::NetverifyCallback::to_form)).
    pub fn to_form(&self) -> String {
        let mut w = FormWriter::new();
        w.pair("scanReference", &self.scan_reference);
        w.field("timestamp", &self.timestamp);
        w.pair("transaction", &self.transaction.to_form());
        w.field("document", &self.document);
        w.extra(&self.extra);
        w.finish()
    }

    /// Every field, `extra` included, as compact JSON with the spec's field names.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads what [`to_json`](Self::to_json) wrote.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl fmt::Debug for DocumentCallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocumentCallback {}", self.redacted().to_json())
    }
}

impl fmt::Debug for ExtractedData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
        write!(f, "ExtractedData {shown}")
    }
}

impl fmt::Debug for DvAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
        write!(f, "DvAddress {shown}")
    }
}
