//! The JSON endpoints by name, decoded to JSON text: one dispatch from an
//! endpoint to its model, so that bindings which hand models over as JSON
//! (and the conformance runner) need no table of their own.

use super::classify::{decode, RawResponse, RetrievalError};
use super::request::{Endpoint, MaskHint};
use super::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// A Retrieval API endpoint that answers JSON, named as in the clients
/// (`scan_details`, …). Image and delete endpoints are not models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonModel {
    /// [`ScanStatusResponse`].
    ScanStatus,
    /// [`ScanDetails`].
    ScanDetails,
    /// [`ScanDocument`].
    ScanDocument,
    /// [`ScanTransaction`].
    ScanTransaction,
    /// [`ScanVerification`].
    ScanVerification,
    /// [`ScanImages`].
    ScanImages,
    /// [`AuthenticationDetails`].
    Authentication,
    /// [`DvStatusResponse`].
    DvStatus,
    /// [`DvDetails`].
    DvDetails,
    /// [`DvRetrievedDocument`].
    DvDocument,
    /// [`DvTransactionResponse`].
    DvTransaction,
    /// [`DvPages`].
    DvPages,
    /// [`CreditCardData`].
    CreditCard,
}

impl JsonModel {
    /// Every JSON endpoint.
    pub const ALL: [JsonModel; 13] = [
        JsonModel::ScanStatus,
        JsonModel::ScanDetails,
        JsonModel::ScanDocument,
        JsonModel::ScanTransaction,
        JsonModel::ScanVerification,
        JsonModel::ScanImages,
        JsonModel::Authentication,
        JsonModel::DvStatus,
        JsonModel::DvDetails,
        JsonModel::DvDocument,
        JsonModel::DvTransaction,
        JsonModel::DvPages,
        JsonModel::CreditCard,
    ];

    /// The snake_case name (`scan_details`).
    pub fn name(self) -> &'static str {
        match self {
            JsonModel::ScanStatus => "scan_status",
            JsonModel::ScanDetails => "scan_details",
            JsonModel::ScanDocument => "scan_document",
            JsonModel::ScanTransaction => "scan_transaction",
            JsonModel::ScanVerification => "scan_verification",
            JsonModel::ScanImages => "scan_images",
            JsonModel::Authentication => "authentication",
            JsonModel::DvStatus => "dv_status",
            JsonModel::DvDetails => "dv_details",
            JsonModel::DvDocument => "dv_document",
            JsonModel::DvTransaction => "dv_transaction",
            JsonModel::DvPages => "dv_pages",
            JsonModel::CreditCard => "credit_card",
        }
    }

    /// The model named `name`, snake_case (`scan_details`) or camelCase
    /// (`scanDetails`), as each platform spells its client's methods.
    pub fn from_name(name: &str) -> Option<JsonModel> {
        JsonModel::ALL.into_iter().find(|m| {
            let snake = m.name();
            name == snake || camel_matches(snake, name)
        })
    }

    /// The model an endpoint answers with, if it answers JSON.
    pub fn of(endpoint: &Endpoint) -> Option<JsonModel> {
        Some(match endpoint {
            Endpoint::ScanStatus => JsonModel::ScanStatus,
            Endpoint::ScanDetails => JsonModel::ScanDetails,
            Endpoint::ScanDocument => JsonModel::ScanDocument,
            Endpoint::ScanTransaction => JsonModel::ScanTransaction,
            Endpoint::ScanVerification => JsonModel::ScanVerification,
            Endpoint::ScanImages => JsonModel::ScanImages,
            Endpoint::Authentication => JsonModel::Authentication,
            Endpoint::DvStatus => JsonModel::DvStatus,
            Endpoint::DvDetails => JsonModel::DvDetails,
            Endpoint::DvDocument => JsonModel::DvDocument,
            Endpoint::DvTransaction => JsonModel::DvTransaction,
            Endpoint::DvPages => JsonModel::DvPages,
            Endpoint::CreditCard(_) => JsonModel::CreditCard,
            _ => return None,
        })
    }

    /// The endpoint (credit card data: masked, the default).
    pub fn endpoint(self) -> Endpoint {
        match self {
            JsonModel::ScanStatus => Endpoint::ScanStatus,
            JsonModel::ScanDetails => Endpoint::ScanDetails,
            JsonModel::ScanDocument => Endpoint::ScanDocument,
            JsonModel::ScanTransaction => Endpoint::ScanTransaction,
            JsonModel::ScanVerification => Endpoint::ScanVerification,
            JsonModel::ScanImages => Endpoint::ScanImages,
            JsonModel::Authentication => Endpoint::Authentication,
            JsonModel::DvStatus => Endpoint::DvStatus,
            JsonModel::DvDetails => Endpoint::DvDetails,
            JsonModel::DvDocument => Endpoint::DvDocument,
            JsonModel::DvTransaction => Endpoint::DvTransaction,
            JsonModel::DvPages => Endpoint::DvPages,
            JsonModel::CreditCard => Endpoint::CreditCard(MaskHint::Masked),
        }
    }

    /// Whether the model has a redacted form: every one has, since any
    /// answer may carry a card number or a name where it does not belong
    /// (see `retrieval/redact.rs`). Kept so that callers need not change.
    pub fn redactable(self) -> bool {
        true
    }

    /// Classifies a response to `endpoint` (which must answer this model)
    /// and decodes its body, as compact JSON text of the typed model.
    pub fn decode_json(
        self,
        endpoint: &Endpoint,
        response: &RawResponse<'_>,
        since_scan: Option<Duration>,
    ) -> Result<String, RetrievalError> {
        self.decode(endpoint, response, since_scan, false)
            .map(|json| json.unwrap_or_default())
    }

    /// As [`decode_json`](Self::decode_json), redacted (every model has a
    /// redacted form, so the answer is always `Some`).
    pub fn decode_json_redacted(
        self,
        endpoint: &Endpoint,
        response: &RawResponse<'_>,
        since_scan: Option<Duration>,
    ) -> Result<Option<String>, RetrievalError> {
        if !self.redactable() {
            return Ok(None);
        }
        self.decode(endpoint, response, since_scan, true)
    }

    fn decode(
        self,
        endpoint: &Endpoint,
        raw: &RawResponse<'_>,
        since: Option<Duration>,
        redact: bool,
    ) -> Result<Option<String>, RetrievalError> {
        fn model<T: DeserializeOwned + Serialize>(
            e: &Endpoint,
            raw: &RawResponse<'_>,
            since: Option<Duration>,
            redact: bool,
            redacted: fn(&T) -> T,
        ) -> Result<Option<String>, RetrievalError> {
            let value = decode::<T>(e, raw, since)?;
            Ok(Some(if redact {
                json(&redacted(&value))
            } else {
                json(&value)
            }))
        }
        let (e, r) = (endpoint, redact);
        match self {
            JsonModel::ScanStatus => model(e, raw, since, r, ScanStatusResponse::redacted),
            JsonModel::ScanDetails => model(e, raw, since, r, ScanDetails::redacted),
            JsonModel::ScanDocument => model(e, raw, since, r, ScanDocument::redacted),
            JsonModel::ScanTransaction => model(e, raw, since, r, ScanTransaction::redacted),
            JsonModel::ScanVerification => model(e, raw, since, r, ScanVerification::redacted),
            JsonModel::ScanImages => model(e, raw, since, r, ScanImages::redacted),
            JsonModel::Authentication => model(e, raw, since, r, AuthenticationDetails::redacted),
            JsonModel::DvStatus => model(e, raw, since, r, DvStatusResponse::redacted),
            JsonModel::DvDetails => model(e, raw, since, r, DvDetails::redacted),
            JsonModel::DvDocument => model(e, raw, since, r, DvRetrievedDocument::redacted),
            JsonModel::DvTransaction => model(e, raw, since, r, DvTransactionResponse::redacted),
            JsonModel::DvPages => model(e, raw, since, r, DvPages::redacted),
            JsonModel::CreditCard => model(e, raw, since, r, CreditCardData::redacted),
        }
    }
}

/// Models serialize infallibly (string keys, no non-finite floats).
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Whether `camel` is `snake` in camelCase (`scan_details` ~ `scanDetails`).
fn camel_matches(snake: &str, camel: &str) -> bool {
    let mut want = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            want.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            want.push(c);
        }
    }
    want == camel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_both_spellings() {
        for m in JsonModel::ALL {
            assert_eq!(JsonModel::from_name(m.name()), Some(m));
            assert_eq!(JsonModel::of(&m.endpoint()), Some(m));
        }
        assert_eq!(
            JsonModel::from_name("dvTransaction"),
            Some(JsonModel::DvTransaction)
        );
        assert_eq!(JsonModel::from_name("scanImage"), None);
        assert_eq!(JsonModel::from_name("scan_Details"), None);
        assert_eq!(JsonModel::of(&Endpoint::DeleteScan), None);
    }

    #[test]
    fn decodes_and_redacts_every_model() {
        let body = br#"{"scanReference":"r","document":{"firstName":"JANE","number":"P1234567"}}"#;
        let raw = RawResponse {
            status: 200,
            content_type: Some("application/json"),
            retry_after: None,
            body,
        };
        let m = JsonModel::ScanDetails;
        let plain = m.decode_json(&m.endpoint(), &raw, None);
        assert!(plain.as_deref().is_ok_and(|j| j.contains("JANE")));
        let redacted = m.decode_json_redacted(&m.endpoint(), &raw, None);
        assert!(matches!(&redacted, Ok(Some(j)) if !j.contains("JANE") && !j.contains("P1234567")));
        // Every model has a redacted form.
        for model in JsonModel::ALL {
            assert!(model.redactable(), "{}", model.name());
        }
        let images = br#"{"scanReference":"r","images":[{"href":"https://x.example/ZEBULON"}]}"#;
        let raw_images = RawResponse {
            body: images,
            ..raw
        };
        let v = JsonModel::ScanImages;
        let red = v.decode_json_redacted(&v.endpoint(), &raw_images, None);
        assert!(
            matches!(&red, Ok(Some(j)) if !j.contains("ZEBULON")),
            "{red:?}"
        );
        let not_found = RawResponse { status: 404, ..raw };
        let e = m.decode_json(&m.endpoint(), &not_found, None);
        assert!(e.is_err_and(|e| e.code() == "not_found"));
        let cc = JsonModel::CreditCard;
        let e = cc.decode_json(&cc.endpoint(), &not_found, None);
        assert!(e.is_err_and(|e| e.code() == "not_ready"));
    }
}
