//! JSON-valued parts of the Netverify callback, shared with the Retrieval API
//! responses: identity verification, address, driving licence categories.

use crate::codes::{DlAvailability, Similarity, ValidityReason};
use crate::wire::{lenient, DateValue};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Fields a JSON object carries that the spec does not list, kept as sent and
/// written back where they were.
pub type ExtraJson = IndexMap<String, serde_json::Value>;

/// `identityVerification`: the selfie check, sent only with `APPROVED_VERIFIED`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityVerification {
    /// `similarity`: does the selfie show the person on the ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<Similarity>,
    /// `validity`: is the selfie genuine. Sent as `true` or as `"TRUE"`/`"FALSE"`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub validity: Option<bool>,
    /// `reason`: why `validity` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ValidityReason>,
    /// `handwrittenNoteMatches`: only with liveness detection by handwritten note.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub handwritten_note_matches: Option<bool>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// The three address layouts the spec defines for `idAddress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AddressFormat {
    /// US format: `stateCode`, `streetSuffix`, `zip`, ...
    Us,
    /// EU format: `province`, `unitDetails`, `postalCode`, ...
    Eu,
    /// Raw format: `line1` to `line5`.
    Raw,
}

/// `idAddress`, in any of the US, EU and raw formats: one struct holds the
/// union of their fields, and [`IdAddress::format`] tells which was sent.
///
/// `Debug` is [`redacted`](Self::redacted): only country and region show.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdAddress {
    /// City (all formats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-2 state code (US format), e.g. `US-OH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// Province (EU format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Street name (US, EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_name: Option<String>,
    /// Street suffix abbreviation (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_suffix: Option<String>,
    /// Street direction abbreviation, e.g. `E` (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_direction: Option<String>,
    /// Street number (US, EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_number: Option<String>,
    /// Unit designator abbreviation (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_designator: Option<String>,
    /// Unit number (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_number: Option<String>,
    /// Unit details (EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_details: Option<String>,
    /// Zip code (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Zip extension (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip_extension: Option<String>,
    /// Postal code (EU, raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Line item 1 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Line item 2 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// Line item 3 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line3: Option<String>,
    /// Line item 4 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line4: Option<String>,
    /// Line item 5 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line5: Option<String>,
    /// The whole address formatted (Retrieval API, 2022).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted_address: Option<String>,
    /// ISO 3166-1 alpha-3 country code, or `XKX` (all formats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl IdAddress {
    /// Which layout was sent, judged by the fields only that layout has;
    /// `None` when only shared fields (`city`, `country`) are present.
    pub fn format(&self) -> Option<AddressFormat> {
        let any = |fields: &[&Option<String>]| fields.iter().any(|f| f.is_some());
        if any(&[
            &self.line1,
            &self.line2,
            &self.line3,
            &self.line4,
            &self.line5,
        ]) {
            Some(AddressFormat::Raw)
        } else if any(&[
            &self.state_code,
            &self.street_suffix,
            &self.street_direction,
            &self.unit_designator,
            &self.unit_number,
            &self.zip,
            &self.zip_extension,
        ]) {
            Some(AddressFormat::Us)
        } else if any(&[&self.province, &self.unit_details]) {
            Some(AddressFormat::Eu)
        } else if any(&[&self.street_name, &self.street_number]) {
            // Both US and EU have street fields; a postal code says EU.
            Some(if self.postal_code.is_some() {
                AddressFormat::Eu
            } else {
                AddressFormat::Us
            })
        } else if self.postal_code.is_some() {
            Some(AddressFormat::Raw)
        } else {
            None
        }
    }

    /// The text fields that locate a person more closely than region and
    /// country, for redaction.
    pub(crate) fn personal_fields_mut(&mut self) -> [&mut Option<String>; 16] {
        [
            &mut self.city,
            &mut self.street_name,
            &mut self.street_suffix,
            &mut self.street_direction,
            &mut self.street_number,
            &mut self.unit_designator,
            &mut self.unit_number,
            &mut self.unit_details,
            &mut self.zip,
            &mut self.zip_extension,
            &mut self.postal_code,
            &mut self.line1,
            &mut self.line2,
            &mut self.line3,
            &mut self.line4,
            &mut self.line5,
        ]
    }
}

/// One driving licence category of `dlCategories`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DlCategory {
    /// `category`, in Latin or Traditional Chinese characters, e.g. `B`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `issueDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateValue>,
    /// `expiryDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<DateValue>,
    /// `isReadable`: documented only as `FALSE`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_readable: Option<bool>,
    /// `availability`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<DlAvailability>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `dlCategories`: documented as "a JSON object" holding a list of categories;
/// an array of categories and a single category object are both read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DlCategories(#[serde(deserialize_with = "lenient::one_or_many")] pub Vec<DlCategory>);

/// `livenessImages`: URLs of the liveness images, as a JSON array (a single
/// URL string is read as a list of one).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LivenessImages(#[serde(deserialize_with = "lenient::one_or_many")] pub Vec<String>);

impl crate::form::JsonField for IdentityVerification {}
impl crate::form::JsonField for IdAddress {}
impl crate::form::JsonField for DlCategories {}

impl std::fmt::Debug for IdAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
        write!(f, "IdAddress {shown}")
    }
}
