//! `POST /api/v1/card_scan`: the MobiCard ScanAPI. Verifies the HS256 token
//! as the provider signs it, then answers success or the error asked for.
//!
//! Errors on demand: `mobicard_extra_data` of `sandbox_status=250` (or 400,
//! 429, 430, 500) answers that status. A `mobicard_token_id` used twice
//! answers 430 (timed out or finalized), as a spent token does.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use scankit::mobicard::sign_hs256;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

const SUCCESS: &str = include_str!("../../core/tests/fixtures/mobicard/spec-success.json");

/// The sandbox's MobiCard account and the tokens it has seen.
pub(crate) struct MobiCard {
    api_key: String,
    secret: String,
    used_tokens: Mutex<HashSet<String>>,
    next_id: AtomicU64,
}

/// The spec's error body for a status code.
pub(crate) fn failed(code: u16) -> Value {
    let message = match code {
        250 => "INSUFFICIENT TOKENS",
        429 => "TOO MANY REQUESTS",
        430 => "TIMEOUT",
        500 => "UNAVAILABLE",
        _ => "BAD REQUEST",
    };
    json!({"status": "FAILED", "status_code": code.to_string(), "status_message": message})
}

impl MobiCard {
    pub(crate) fn new(api_key: String, secret: String) -> Self {
        MobiCard {
            api_key,
            secret,
            used_tokens: Mutex::new(HashSet::new()),
            next_id: AtomicU64::new(18_678_121_768_809_362),
        }
    }

    /// The answer to a request body (always HTTP 200: the outcome is in the body).
    pub(crate) fn answer(&self, body: &[u8], now: &str) -> Value {
        match self.payload(body) {
            Ok(p) => self.scan(&p, now),
            Err(code) => failed(code),
        }
    }

    /// The verified token payload, or the status code to answer.
    fn payload(&self, body: &[u8]) -> Result<Map<String, Value>, u16> {
        // Only the token is read: other members are skipped, not built into a
        // `Value`, which for `[0,0,…]` takes some 40 times the body's size.
        #[derive(serde::Deserialize)]
        struct Request {
            mobicard_auth_jwt: String,
        }
        let body: Request = serde_json::from_slice(body).map_err(|_| 400u16)?;
        let jwt = body.mobicard_auth_jwt.as_str();
        let payload_b64 = jwt.split('.').nth(1).ok_or(400u16)?;
        let payload = URL_SAFE_NO_PAD.decode(payload_b64).map_err(|_| 400u16)?;
        let payload = String::from_utf8(payload).map_err(|_| 400u16)?;
        // The whole token, header included, must be what the secret signs.
        if sign_hs256(&payload, &self.secret) != jwt {
            return Err(400);
        }
        let Ok(Value::Object(p)) = serde_json::from_str(&payload) else {
            return Err(400);
        };
        Ok(p)
    }

    fn scan(&self, p: &Map<String, Value>, now: &str) -> Value {
        let text = |k: &str| match p.get(k) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let required = [
            "mobicard_version",
            "mobicard_mode",
            "mobicard_merchant_id",
            "mobicard_api_key",
            "mobicard_service_id",
            "mobicard_service_type",
            "mobicard_token_id",
            "mobicard_txn_reference",
        ];
        let photo = text("mobicard_scan_card_photo_base64_string");
        let method_ok = match text("mobicard_service_type").as_str() {
            "1" => photo.is_empty(),
            "2" => STANDARD.decode(&photo).is_ok_and(|b| !b.is_empty()),
            _ => false,
        };
        if required.iter().any(|k| text(k).is_empty())
            || text("mobicard_api_key") != self.api_key
            || text("mobicard_service_id") != scankit::mobicard::SCAN_SERVICE_ID
            || !method_ok
        {
            return failed(400);
        }
        let extra = text("mobicard_extra_data");
        if let Some(code) = extra.strip_prefix("sandbox_status=") {
            if let Ok(code @ (250 | 400 | 429 | 430 | 500)) = code.parse::<u16>() {
                return failed(code);
            }
        }
        let fresh = self
            .used_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(text("mobicard_token_id"));
        if !fresh {
            return failed(430);
        }
        let mut answer: Value = serde_json::from_str(SUCCESS).unwrap_or_else(|_| failed(500));
        if let Value::Object(o) = &mut answer {
            let id = self.next_id.fetch_add(1, Ordering::Relaxed);
            o.insert("card_scan_request_id".into(), id.to_string().into());
            o.insert(
                "mobicard_txn_reference".into(),
                text("mobicard_txn_reference").into(),
            );
            o.insert("timestamp".into(), now.into());
            if extra.is_empty() {
                o.shift_remove("addendum_data");
            } else {
                o.insert("addendum_data".into(), extra.into());
            }
        }
        answer
    }
}
