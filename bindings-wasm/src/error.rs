//! Errors cross into JS as plain descriptors `{ scankit, message, code,
//! field, ... }`; the npm wrapper turns each into its `Error` subclass.
//! No descriptor ever carries the value that failed (the core's errors do
//! not hold it).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A descriptor of error class `class` with `code` and `field`.
pub(crate) fn descriptor(class: &str, message: &str, code: &str, field: Option<&str>) -> Object {
    let o = Object::new();
    set(&o, "scankit", &JsValue::from_str(class));
    set(&o, "message", &JsValue::from_str(message));
    set(&o, "code", &JsValue::from_str(code));
    set(
        &o,
        "field",
        &field.map_or(JsValue::UNDEFINED, JsValue::from_str),
    );
    o
}

pub(crate) fn set(o: &Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

#[cfg(feature = "callbacks")]
pub(crate) fn callback(e: &scankit::CallbackError) -> JsValue {
    descriptor("CallbackParseError", &e.to_string(), e.code(), e.field()).into()
}

/// An argument the caller passed that is not of the documented shape.
pub(crate) fn argument(message: &str, field: &str) -> JsValue {
    descriptor("ScanKitError", message, "invalid_argument", Some(field)).into()
}

#[cfg(feature = "retrieval")]
pub(crate) fn retrieval(e: &scankit::retrieval::RetrievalError) -> JsValue {
    let o = descriptor("RetrievalError", &e.to_string(), e.code(), None);
    set(
        &o,
        "status",
        &e.status.map_or(JsValue::UNDEFINED, JsValue::from),
    );
    let retry = match e.retry {
        scankit::retrieval::RetryHint::After(d) => JsValue::from(d.as_secs_f64() * 1000.0),
        _ => JsValue::UNDEFINED,
    };
    set(&o, "retryAfterMs", &retry);
    set(&o, "retryable", &JsValue::from_bool(e.is_retryable()));
    o.into()
}

/// A value serialized for JS: plain objects, numbers as numbers.
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| descriptor("ScanKitError", &e.to_string(), "internal", None).into())
}
