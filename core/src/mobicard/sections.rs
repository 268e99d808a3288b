//! The sections of a success response: card, EXIF, risk and BIN details.
//! Numbers and flags are read whether they come as strings or numbers;
//! fields the spec does not list are kept in `extra`.

use super::fields::{keep_null, Decimal, Extra, Flag, Text};
use crate::card::{MaskStyle, Pan, PanError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use zeroize::Zeroizing;

/// The card fields of a success response.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CardInformation {
    /// The full card number: `Debug` shows it masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<CardNumber>,
    /// Masked for display (`5173********5601`).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_number_masked: Option<Text>,
    /// `MM/YY`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_expiry_date: Option<Text>,
    /// Two digits.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_expiry_month: Option<Text>,
    /// Two digits.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_expiry_year: Option<Text>,
    /// Brand or scheme, e.g. `MASTERCARD`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_brand: Option<Text>,
    /// Category, when available, e.g. `PREPAID`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_category: Option<Text>,
    /// Cardholder name, when available.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_holder_name: Option<Text>,
    /// Issuing bank, when available.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_bank_name: Option<Text>,
    /// OCR confidence 0-1 (`"0.7700"`).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_confidence_score: Option<Decimal>,
    /// The provider's own checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_validation_checks: Option<ValidationChecks>,
    /// Token for the Tokenization API: store it with the masked number.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_token: Option<Text>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `card_validation_checks`.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidationChecks {
    /// Luhn check result.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub luhn_algorithm: Option<Flag>,
    /// Brand prefix check result.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub brand_prefix: Option<Flag>,
    /// Expiry date check result.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiry_date: Option<Flag>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `card_exif_information`.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ExifInformation {
    /// EXIF data available.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_flag: Option<Flag>,
    /// Instant photo detected.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_is_instant_photo_flag: Option<Flag>,
    /// Original photo timestamp.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_original_timestamp: Option<Text>,
    /// File datetime from EXIF.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_file_datetime: Option<Text>,
    /// Digitized datetime from EXIF.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_file_datetime_digitized: Option<Text>,
    /// Camera model.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_device_model: Option<Text>,
    /// Camera maker.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_exif_device_make: Option<Text>,
    /// Fields the spec does not list (e.g. `card_exif_tamper_flag`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `card_risk_information`: possibilities, says the spec, not verdicts.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskInformation {
    /// Possibly a screenshot.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_possible_screenshot_flag: Option<Flag>,
    /// Possibly edited.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_possible_edited_flag: Option<Flag>,
    /// Re-encoding suspected.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_reencode_suspected_flag: Option<Flag>,
    /// Deepfake risk.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_deepfake_risk_flag: Option<Flag>,
    /// Overall risk 0-1 (`"0.0900"`).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_risk_score: Option<Decimal>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `card_biin_information`.
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct BiinInformation {
    /// BIIN data available.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_flag: Option<Flag>,
    /// The BIN, e.g. `51733500`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_number: Option<Text>,
    /// Scheme, e.g. `MASTERCARD`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_scheme: Option<Text>,
    /// Card prefix.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_prefix: Option<Text>,
    /// Card type, e.g. `PREPAID`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_type: Option<Text>,
    /// Brand description.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_brand: Option<Text>,
    /// Prepaid indicator (`Yes`).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_prepaid: Option<Text>,
    /// Issuing bank.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_bank_name: Option<Text>,
    /// Bank website.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_bank_url: Option<Text>,
    /// Bank city.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_bank_city: Option<Text>,
    /// Bank phone.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_bank_phone: Option<Text>,
    /// Bank logo URL.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_bank_logo: Option<Text>,
    /// ISO country code (may be null).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_country_two_letter_code: Option<Text>,
    /// Country name.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_country_name: Option<Text>,
    /// ISO numeric country code (`"404"`).
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_country_numeric: Option<Text>,
    /// Fraud control (chargebacks) flag.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_biin_risk_flag: Option<Flag>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The full card number as received: kept exactly (serializing writes it
/// back), wiped on drop, and masked in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber(Zeroizing<String>);

impl CardNumber {
    /// Wraps a card number.
    pub fn new(number: impl Into<String>) -> Self {
        CardNumber(Zeroizing::new(number.into()))
    }

    /// The number as received.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The number as a validated [`Pan`].
    pub fn pan(&self) -> Result<Pan, PanError> {
        Pan::parse(&self.0)
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "CardNumber({})",
            crate::card::mask_digits(&self.0, MaskStyle::Pci)
        )
    }
}

impl Serialize for CardNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CardNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A number sent unquoted is read as its digits.
        let v = Value::deserialize(d)?;
        let s = match v {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            _ => return Err(serde::de::Error::custom("card_number: expected a string")),
        };
        Ok(CardNumber(Zeroizing::new(s)))
    }
}
