//! Typed success and error responses, lenient and lossless: every field of
//! the spec's response table, numbers and flags read whether they come as
//! strings or numbers, and fields the spec does not list (the provider adds
//! some, such as `card_exif_tamper_flag`) kept in `extra`.

use super::fields::{Decimal, Flag, Text};
use super::status::{action_for, Action};
use crate::card::{MaskStyle, Pan, PanError};
use crate::wire::wire_enum;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use zeroize::Zeroizing;

wire_enum! {
    /// `status`: always one of these two, says the spec.
    pub enum Status {
        /// The scan succeeded.
        Success = "SUCCESS",
        /// It did not; see `status_code`.
        Failed = "FAILED",
    }
}

wire_enum! {
    /// `status_code`, from the spec's status codes table.
    pub enum StatusCode {
        /// 200 SUCCESS: process the card data.
        Success = "200",
        /// 400 BAD REQUEST: invalid parameters or malformed request.
        BadRequest = "400",
        /// 429 TOO MANY REQUESTS: rate limit exceeded.
        TooManyRequests = "429",
        /// 250 INSUFFICIENT TOKENS: token account balance insufficient.
        InsufficientTokens = "250",
        /// 500 UNAVAILABLE: server error.
        Unavailable = "500",
        /// 430 TIMEOUT: request timed out or finalized.
        Timeout = "430",
    }
}

/// Reads a present field, `null` included, as `Some`, so `null` is kept
/// (plain `Option` would turn it into an absent field).
fn keep_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// `status_code` as received (`"200"` or `200`), read as a [`StatusCode`].
#[derive(Clone, Debug, PartialEq)]
pub struct StatusCodeValue {
    code: StatusCode,
    raw: Value,
}

impl StatusCodeValue {
    /// The code.
    pub fn code(&self) -> &StatusCode {
        &self.code
    }

    /// The value as received.
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

impl From<StatusCode> for StatusCodeValue {
    fn from(code: StatusCode) -> Self {
        let raw = Value::String(code.as_str().to_owned());
        StatusCodeValue { code, raw }
    }
}

impl PartialEq<StatusCode> for StatusCodeValue {
    fn eq(&self, other: &StatusCode) -> bool {
        &self.code == other
    }
}

impl Serialize for StatusCodeValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for StatusCodeValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Value::deserialize(d)?;
        let code = match &raw {
            Value::String(s) => StatusCode::from_wire(s),
            Value::Number(n) => StatusCode::from_wire(&n.to_string()),
            _ => {
                return Err(serde::de::Error::custom(
                    "status_code: expected a string or a number",
                ))
            }
        };
        Ok(StatusCodeValue { code, raw })
    }
}

/// Unknown fields, kept in order.
pub type Extra = IndexMap<String, Value>;

/// A ScanAPI response: the success format, or the error format (which has
/// only `status`, `status_code` and `status_message`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScanResponse {
    /// `SUCCESS` or `FAILED`.
    pub status: Status,
    /// The status code, as sent (string or number).
    pub status_code: StatusCodeValue,
    /// The status message.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_message: Option<Text>,
    /// Unique scan request identifier.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_scan_request_id: Option<Text>,
    /// Your transaction reference, echoed.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobicard_txn_reference: Option<Text>,
    /// Response timestamp, `YYYY-MM-DD hh:mm:ss`.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<Text>,
    /// The card read from the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_information: Option<CardInformation>,
    /// Image metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_exif_information: Option<ExifInformation>,
    /// Fraud signals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_risk_information: Option<RiskInformation>,
    /// Issuer (BIN) details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_biin_information: Option<BiinInformation>,
    /// `mobicard_extra_data`, echoed.
    #[serde(
        default,
        deserialize_with = "keep_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub addendum_data: Option<Text>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The card fields of a success response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// Why a response body is not a ScanAPI response. Never quotes the body.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("ScanAPI response: {problem} at line {line}, column {column}")]
pub struct ResponseError {
    /// What is wrong.
    pub problem: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl ScanResponse {
    /// Parses a response body.
    pub fn parse(body: &[u8]) -> Result<Self, ResponseError> {
        serde_json::from_slice(body).map_err(|e| ResponseError {
            // serde_json's own messages can quote values (a card number),
            // so only the kind of problem is kept.
            problem: match e.classify() {
                serde_json::error::Category::Syntax => "not valid JSON",
                serde_json::error::Category::Eof => "truncated JSON",
                _ => "a field of an unexpected type",
            }
            .to_owned(),
            line: e.line(),
            column: e.column(),
        })
    }

    /// Whether the scan succeeded: `status` SUCCESS and code 200.
    pub fn is_success(&self) -> bool {
        self.status == Status::Success && self.status_code == StatusCode::Success
    }

    /// What to do next (see [`Action`]).
    pub fn action(&self) -> Action {
        action_for(&self.status, self.status_code.code())
    }

    /// A copy safe to log: the card number masked as MobiCard masks it, the
    /// cardholder name reduced to its first letter, the token withheld.
    pub fn redacted(&self) -> ScanResponse {
        let mut r = self.clone();
        if let Some(card) = r.card_information.as_mut() {
            if let Some(n) = card.card_number.as_mut() {
                *n = CardNumber(Zeroizing::new(crate::card::mask_digits(
                    n.expose(),
                    MaskStyle::Mobicard,
                )));
            }
            if let Some(name) = card.card_holder_name.as_mut() {
                *name = Text::from(crate::redact::mask_name(&name.to_string()).as_str());
            }
            if card.card_token.is_some() {
                card.card_token = Some(Text::from(crate::redact::REDACTED));
            }
        }
        r
    }
}
