//! The Rust platform's runner: each case through the core, written in the
//! canonical shape of conformance/README.md.

use base64::Engine as _;
use scankit::card::{
    find_pans, mask_pans, validate_cardholder_name, validate_cvv, validate_expiry_with,
    validate_number_with, MaskStyle, NumberOptions, YearMonth,
};
use scankit::mobicard::{cross_check, ScanResponse};
use scankit::retrieval::{JsonModel, RawResponse, RetrievalError};
use scankit::{CallbackError, DocumentCallback, NetverifyCallback};
use serde::Serialize;
use serde_json::{json, Value};
use std::time::Duration;

/// One output line: `{"id", "output"}`.
pub fn answer(case: &Value) -> Value {
    json!({"id": case["id"], "output": output(case).unwrap_or_else(|e| e)})
}

/// The case's output, or (as `Err`) the output naming a malformed case.
fn output(case: &Value) -> Result<Value, Value> {
    let s = |key: &str| {
        case[key]
            .as_str()
            .ok_or_else(|| unexpected(&format!("case without `{key}`")))
    };
    match s("op")? {
        "netverify_callback" => Ok(netverify(&body(case)?)),
        "document_callback" => Ok(document(&body(case)?)),
        "retrieval_response" => retrieval(case, &body(case)?),
        "mobicard_response" => Ok(mobicard(&body(case)?, date(s("today")?)?)),
        "card_number" => {
            let options = NumberOptions {
                max_length: case["max_length"].as_u64().map(|n| n as usize),
                skip_luhn: false,
                luhn_validate_unionpay: case["luhn_validate_unionpay"] == true,
            };
            let v = validate_number_with(s("input")?, &options);
            Ok(json!({
                "brand": v.brand.map(|b| b.id()),
                "candidates": v.candidates.iter().map(|b| b.id()).collect::<Vec<_>>(),
                "potentially_valid": v.potentially_valid, "valid": v.valid,
            }))
        }
        "card_expiry" => {
            let max = case["max_years_ahead"]
                .as_u64()
                .map_or(scankit::card::expiry::DEFAULT_MAX_YEARS_AHEAD, |n| n as u16);
            Ok(to_value(validate_expiry_with(
                s("input")?,
                date(s("today")?)?,
                max,
            )))
        }
        "cvv" => {
            let sizes: Vec<usize> = case["sizes"]
                .as_array()
                .map(|a| a.iter().filter_map(|n| n.as_u64()).map(|n| n as usize))
                .into_iter()
                .flatten()
                .collect();
            Ok(field(validate_cvv(s("input")?, &sizes)))
        }
        "cardholder_name" => Ok(field(validate_cardholder_name(s("input")?))),
        "mask_text" => Ok(mask_text(s("text")?)),
        other => Err(unexpected(&format!("unknown op {other}"))),
    }
}

fn unexpected(message: &str) -> Value {
    json!({"error": {"kind": "unexpected", "message": message}})
}

fn body(case: &Value) -> Result<Vec<u8>, Value> {
    let text = case["body_b64"].as_str().unwrap_or_default();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| unexpected("body_b64 is not base64"))
}

fn date(text: &str) -> Result<YearMonth, Value> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, format)
        .map(YearMonth::from)
        .map_err(|_| unexpected("today is not YYYY-MM-DD"))
}

fn to_value<T: Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// JSON text the core wrote, as a value.
fn parsed(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or(Value::Null)
}

fn field(v: scankit::card::FieldValidation) -> Value {
    json!({"potentially_valid": v.potentially_valid, "valid": v.valid})
}

fn callback_error(e: &CallbackError) -> Value {
    json!({"error": {"kind": "callback", "code": e.code(), "field": e.field()}})
}

fn netverify(body: &[u8]) -> Value {
    match NetverifyCallback::parse(body) {
        Ok(cb) => json!({
            "parsed": parsed(&cb.to_json()),
            "redacted": parsed(&cb.redacted().to_json()),
            "decision": to_value(cb.decision()),
            "masked_by_provider": cb.masked_by_provider(),
            "form": cb.to_form(),
        }),
        Err(e) => callback_error(&e),
    }
}

fn document(body: &[u8]) -> Value {
    match DocumentCallback::parse(body) {
        Ok(cb) => json!({
            "parsed": parsed(&cb.to_json()),
            "redacted": parsed(&cb.redacted().to_json()),
            "form": cb.to_form(),
        }),
        Err(e) => callback_error(&e),
    }
}

fn retrieval(case: &Value, body: &[u8]) -> Result<Value, Value> {
    let name = case["model"].as_str().unwrap_or_default();
    let model = JsonModel::from_name(name).ok_or_else(|| unexpected("unknown model"))?;
    let raw = RawResponse {
        status: case["status"].as_u64().unwrap_or(200) as u16,
        content_type: case["content_type"].as_str(),
        retry_after: case["retry_after"].as_str(),
        body,
    };
    let since = case["since_scan_ms"].as_u64().map(Duration::from_millis);
    let endpoint = model.endpoint();
    let error = |e: RetrievalError| json!({"error": {"kind": "retrieval", "code": e.code(), "retryable": e.is_retryable()}});
    Ok(match model.decode_json(&endpoint, &raw, since) {
        Ok(decoded) => {
            let redacted = match model.decode_json_redacted(&endpoint, &raw, since) {
                Ok(r) => r.as_deref().map_or(Value::Null, parsed),
                Err(e) => return Ok(error(e)),
            };
            json!({"decoded": parsed(&decoded), "redacted": redacted})
        }
        Err(e) => error(e),
    })
}

fn mobicard(body: &[u8], today: YearMonth) -> Value {
    match ScanResponse::parse(body) {
        Ok(r) => json!({
            "response": to_value(&r),
            "redacted": to_value(r.redacted()),
            "is_success": r.is_success(),
            "action": to_value(r.action()),
            "cross_check": r.card_information.as_ref().map(|c| to_value(cross_check(c, today))),
        }),
        Err(_) => json!({"error": {"kind": "mobicard"}}),
    }
}

fn mask_text(text: &str) -> Value {
    let masked: serde_json::Map<String, Value> = MaskStyle::ALL
        .into_iter()
        .map(|style| (style.as_str().to_owned(), json!(mask_pans(text, style))))
        .collect();
    let found: Vec<Value> = find_pans(text)
        .into_iter()
        .map(|span| json!({"text": text.get(span.start..span.end), "brand": span.brand.id()}))
        .collect();
    json!({"masked": masked, "found": found})
}
