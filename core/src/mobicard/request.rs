//! The scan request and its auth token.
//!
//! The provider's samples put every request parameter except the secret
//! key in the payload of a JWT (`{"typ":"JWT","alg":"HS256"}`), sign it with
//! HMAC-SHA256 under the secret key, and post `{"mobicard_auth_jwt": jwt}`
//! as JSON to [`SCAN_PATH`]. Method 2 carries the card image (base64) in
//! the payload too.

use super::secret::Secret;
use crate::wire::wire_enum;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;
use std::fmt;

/// The path the token is posted to.
pub const SCAN_PATH: &str = "/api/v1/card_scan";
/// The API version the spec documents.
pub const VERSION: &str = "2.0";
/// The Scan Card service id.
pub const SCAN_SERVICE_ID: &str = "20000";
/// The JWT header, byte for byte as the provider's samples write it.
pub const JWT_HEADER: &str = r#"{"typ":"JWT","alg":"HS256"}"#;

wire_enum! {
    /// `mobicard_mode`: the environment.
    pub enum Mode {
        /// Test environment.
        Test = "TEST",
        /// Production.
        Live = "LIVE",
    }
}

wire_enum! {
    /// `mobicard_service_type`: how the image reaches the API.
    pub enum ServiceType {
        /// Method 1: the provider's scan UI uploads the image.
        Ui = "1",
        /// Method 2: the image is sent as a base64 string in the request.
        Base64 = "2",
    }
}

/// Every parameter of the spec's request table.
#[derive(Clone, PartialEq, Eq)]
pub struct ScanRequest {
    /// `mobicard_version`, e.g. `2.0`.
    pub version: String,
    /// `mobicard_mode`.
    pub mode: Mode,
    /// `mobicard_merchant_id`.
    pub merchant_id: String,
    /// `mobicard_api_key` (goes in the token's payload, as in the samples).
    pub api_key: Secret,
    /// `mobicard_secret_key`: signs the token; never sent.
    pub secret_key: Secret,
    /// `mobicard_service_id`: `20000` for Scan Card.
    pub service_id: String,
    /// `mobicard_service_type`.
    pub service_type: ServiceType,
    /// `mobicard_token_id`: unique per token.
    pub token_id: String,
    /// `mobicard_txn_reference`: your reference.
    pub txn_reference: String,
    /// `mobicard_scan_card_photo_base64_string`: method 2 only.
    pub photo_base64: Option<String>,
    /// `mobicard_extra_data`: returned as `addendum_data`.
    pub extra_data: Option<String>,
}

/// Why a request cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// A required parameter is empty.
    #[error("{0}: required, but empty")]
    Missing(&'static str),
    /// Method 2 without an image, or method 1 with one.
    #[error("mobicard_scan_card_photo_base64_string: required for method 2 and only for it")]
    PhotoForMethod,
}

impl ScanRequest {
    /// A method 1 (scan UI) request with the documented version and service id.
    pub fn method1(
        mode: Mode,
        merchant_id: impl Into<String>,
        api_key: Secret,
        secret_key: Secret,
        token_id: impl Into<String>,
        txn_reference: impl Into<String>,
    ) -> Self {
        ScanRequest {
            version: VERSION.to_owned(),
            mode,
            merchant_id: merchant_id.into(),
            api_key,
            secret_key,
            service_id: SCAN_SERVICE_ID.to_owned(),
            service_type: ServiceType::Ui,
            token_id: token_id.into(),
            txn_reference: txn_reference.into(),
            photo_base64: None,
            extra_data: None,
        }
    }

    /// Switches to method 2 with the image bytes (encoded to base64 here).
    pub fn with_image(mut self, image: &[u8]) -> Self {
        self.service_type = ServiceType::Base64;
        self.photo_base64 = Some(STANDARD.encode(image));
        self
    }

    /// Checks the required parameters.
    pub fn validate(&self) -> Result<(), RequestError> {
        let required = [
            ("mobicard_version", self.version.is_empty()),
            ("mobicard_merchant_id", self.merchant_id.is_empty()),
            ("mobicard_api_key", self.api_key.is_empty()),
            ("mobicard_secret_key", self.secret_key.is_empty()),
            ("mobicard_service_id", self.service_id.is_empty()),
            ("mobicard_token_id", self.token_id.is_empty()),
            ("mobicard_txn_reference", self.txn_reference.is_empty()),
        ];
        if let Some((name, _)) = required.iter().find(|(_, empty)| *empty) {
            return Err(RequestError::Missing(name));
        }
        let has_photo = self.photo_base64.as_deref().is_some_and(|p| !p.is_empty());
        if has_photo != (self.service_type == ServiceType::Base64) {
            return Err(RequestError::PhotoForMethod);
        }
        Ok(())
    }

    /// The token's payload: every parameter but the secret key, in the
    /// samples' order.
    pub fn payload(&self) -> Map<String, Value> {
        let mut m = Map::new();
        let mut put = |k: &str, v: &str| {
            m.insert(k.to_owned(), Value::String(v.to_owned()));
        };
        put("mobicard_version", &self.version);
        put("mobicard_mode", self.mode.as_str());
        put("mobicard_merchant_id", &self.merchant_id);
        put("mobicard_api_key", self.api_key.expose());
        put("mobicard_service_id", &self.service_id);
        put("mobicard_service_type", self.service_type.as_str());
        put("mobicard_token_id", &self.token_id);
        put("mobicard_txn_reference", &self.txn_reference);
        if let Some(p) = &self.photo_base64 {
            put("mobicard_scan_card_photo_base64_string", p);
        }
        if let Some(x) = &self.extra_data {
            put("mobicard_extra_data", x);
        }
        m
    }

    /// The signed auth token (`mobicard_auth_jwt`), after [`Self::validate`].
    pub fn auth_jwt(&self) -> Result<String, RequestError> {
        self.validate()?;
        let payload = Value::Object(self.payload()).to_string();
        Ok(sign_hs256(&payload, self.secret_key.expose()))
    }

    /// The JSON body to post to [`SCAN_PATH`].
    pub fn body(&self) -> Result<String, RequestError> {
        let jwt = self.auth_jwt()?;
        Ok(serde_json::json!({ "mobicard_auth_jwt": jwt }).to_string())
    }
}

/// `header.payload.signature`, each base64url without padding, signed with
/// HMAC-SHA256 under `key`.
pub fn sign_hs256(payload_json: &str, key: &str) -> String {
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(JWT_HEADER),
        URL_SAFE_NO_PAD.encode(payload_json)
    );
    // HMAC takes keys of any length, so this cannot fail; an empty MAC
    // would be refused by the server rather than crash here.
    let sig = match <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()) {
        Ok(mut mac) => {
            mac.update(signing_input.as_bytes());
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    };
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

impl fmt::Debug for ScanRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScanRequest")
            .field("version", &self.version)
            .field("mode", &self.mode)
            .field("merchant_id", &self.merchant_id)
            .field("api_key", &self.api_key)
            .field("secret_key", &self.secret_key)
            .field("service_id", &self.service_id)
            .field("service_type", &self.service_type)
            .field("token_id", &self.token_id)
            .field("txn_reference", &self.txn_reference)
            .field(
                "photo_base64",
                &self
                    .photo_base64
                    .as_ref()
                    .map(|p| format!("<{} base64 chars>", p.len())),
            )
            .field("extra_data", &self.extra_data)
            .finish()
    }
}
