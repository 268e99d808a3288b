//! MobiCard ScanAPI helpers: the response parsed (and redacted) with the
//! next step, and the request body signed with the merchant's secret
//! (server side only: the secret key never belongs in a browser).

use crate::error;
use scankit::mobicard::{Mode, ScanRequest, ScanResponse, Secret};
use serde_json::json;
use wasm_bindgen::prelude::*;

/// Parses a ScanAPI response: `{ response (JSON text for `parseExact`), isSuccess, action,
/// crossCheck }`, the card's data checked by the core as of `today`.
#[wasm_bindgen(js_name = parseMobicardResponse)]
pub fn parse_mobicard_response(
    body: &[u8],
    redact: bool,
    today_year: u16,
    today_month: u8,
) -> Result<JsValue, JsValue> {
    let r = ScanResponse::parse(body).map_err(|e| {
        JsValue::from(error::descriptor(
            "ScanKitError",
            &format!(
                "MobiCard response: {} at line {}, column {}",
                e.problem, e.line, e.column
            ),
            "invalid_response",
            None,
        ))
    })?;
    let shown = if redact { r.redacted() } else { r.clone() };
    let text = crate::exact::to_exact_json(&shown);
    let o = js_sys::Object::new();
    error::set(&o, "response", &JsValue::from_str(&text));
    error::set(&o, "isSuccess", &JsValue::from_bool(r.is_success()));
    error::set(&o, "action", &error::to_js(&r.action())?);
    let cross = match &r.card_information {
        Some(card) => {
            let today = scankit::card::YearMonth {
                year: today_year,
                month: today_month,
            };
            let c = scankit::mobicard::cross_check(card, today);
            error::to_js(&json!({
                "luhn": c.luhn,
                "brand": c.brand,
                "claimedBrand": c.claimed_brand,
                "expiry": c.expiry,
                "disagreements": c.disagreements,
            }))?
        }
        None => JsValue::NULL,
    };
    error::set(&o, "crossCheck", &cross);
    Ok(o.into())
}

/// The JSON body of a ScanAPI request (method 1, or method 2 with `image`).
#[wasm_bindgen(js_name = mobicardRequestBody)]
#[allow(clippy::too_many_arguments)]
pub fn mobicard_request_body(
    live: bool,
    merchant_id: &str,
    api_key: &str,
    secret_key: &str,
    token_id: &str,
    txn_reference: &str,
    image: Option<Vec<u8>>,
    extra_data: Option<String>,
) -> Result<String, JsValue> {
    let mode = if live { Mode::Live } else { Mode::Test };
    let mut request = ScanRequest::method1(
        mode,
        merchant_id,
        Secret::new(api_key),
        Secret::new(secret_key),
        token_id,
        txn_reference,
    );
    if let Some(bytes) = image {
        request = request.with_image(&bytes);
    }
    request.extra_data = extra_data;
    request.body().map_err(|e| {
        JsValue::from(error::descriptor(
            "ScanKitError",
            &e.to_string(),
            "invalid_request",
            None,
        ))
    })
}

/// Checks a card photo before upload (MobiCard's supported formats, the
/// 800x600 minimum, a size limit): `{ ok, format, width, height, bytes,
/// errors, warnings }`. Zero limits mean the defaults.
#[wasm_bindgen(js_name = checkCardImage)]
pub fn check_card_image(
    bytes: &[u8],
    min_long_side: u32,
    min_short_side: u32,
    max_bytes: u32,
) -> Result<JsValue, JsValue> {
    let mut limits = scankit::mobicard::ImageLimits::default();
    if min_long_side > 0 {
        limits.min_long_side = min_long_side;
    }
    if min_short_side > 0 {
        limits.min_short_side = min_short_side;
    }
    if max_bytes > 0 {
        limits.max_bytes = max_bytes as usize;
    }
    let check = scankit::mobicard::precheck_image(bytes, &limits);
    error::to_js(&json!({
        "ok": check.is_ok(),
        "format": check.format,
        "width": check.width,
        "height": check.height,
        "bytes": check.bytes,
        "errors": check.errors,
        "warnings": check.warnings,
    }))
}
