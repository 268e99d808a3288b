//! JSON text for JavaScript that keeps integers exact: `JSON.parse` rounds
//! an integer beyond 2^53 (a MobiCard `card_scan_request_id` sent as a
//! number), so such integers are written as marked strings that the
//! package's reviver (`npm/exact.js`) turns into `BigInt`. Strings that
//! happen to start with the marker character are escaped the same way.

use serde::Serialize;
use serde_json::Value;

/// Largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: u64 = (1 << 53) - 1;

/// `value` as JSON text for `exact.js`'s `parseExact`.
pub fn to_exact_json<T: Serialize>(value: &T) -> String {
    let mut v = serde_json::to_value(value).unwrap_or(Value::Null);
    mark(&mut v);
    v.to_string()
}

/// JSON text (as the core writes it) rewritten for `parseExact`; text that
/// holds no unsafe integer and no marker comes back as it was.
pub fn exact_json_text(json: &str) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(json) else {
        return json.to_owned();
    };
    if mark(&mut v) {
        v.to_string()
    } else {
        json.to_owned()
    }
}

/// Marks unsafe integers and escapes marker-like strings in place; whether
/// anything was marked.
fn mark(v: &mut Value) -> bool {
    match v {
        Value::Number(n) if !safe(n) && (n.is_i64() || n.is_u64()) => {
            *v = Value::String(format!("\u{0}n:{n}"));
            true
        }
        Value::String(s) if s.starts_with('\u{0}') => {
            *s = format!("\u{0}s:{s}");
            true
        }
        // Every element is visited (no short cut), so all are marked.
        Value::Array(items) => items.iter_mut().fold(false, |any, x| mark(x) | any),
        Value::Object(map) => map.values_mut().fold(false, |any, x| mark(x) | any),
        _ => false,
    }
}

fn safe(n: &serde_json::Number) -> bool {
    n.as_u64().map_or_else(
        || n.as_i64().is_some_and(|i| i.unsigned_abs() <= MAX_SAFE),
        |u| u <= MAX_SAFE,
    )
}
