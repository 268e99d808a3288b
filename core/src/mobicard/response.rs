//! Typed success and error responses, lenient and lossless: every field of
//! the spec's response table, numbers and flags read whether they come as
//! strings or numbers, and fields the spec does not list (the provider adds
//! some, such as `card_exif_tamper_flag`) kept in `extra`.

use super::fields::{keep_null, Extra, Text};
use super::sections::{BiinInformation, CardInformation, ExifInformation, RiskInformation};
use super::status::{action_for, Action};
use crate::wire::wire_enum;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

    /// A copy fit for a log: a documented code as sent, an undocumented
    /// one only if it is an HTTP status (three digits), else withheld.
    pub fn redacted(&self) -> StatusCodeValue {
        let code = self.code.redacted_if(is_http_status);
        if code == self.code {
            return self.clone();
        }
        StatusCodeValue {
            raw: Value::String(code.as_str().to_owned()),
            code,
        }
    }
}

fn is_http_status(v: &str) -> bool {
    v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit())
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

/// A ScanAPI response: the success format, or the error format (which has
/// only `status`, `status_code` and `status_message`).
///
/// `Debug` is [`redacted`](Self::redacted).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
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
}
