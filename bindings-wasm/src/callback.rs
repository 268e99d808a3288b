//! Callbacks: parse, decide, redact. Bodies come in as bytes (the wrapper
//! encodes strings); models cross as JSON text (exactly the core's
//! `to_json`, the golden fixtures' form), which the wrapper turns into plain
//! objects with `JSON.parse`.

use crate::error;
use scankit::{Allowlist, CallbackError, DocumentCallback, NetverifyCallback, ParseOptions};
use wasm_bindgen::prelude::*;

fn options(max_body_bytes: Option<u32>, enforce_max_lengths: Option<bool>) -> ParseOptions {
    let mut o = ParseOptions::default();
    if let Some(max) = max_body_bytes {
        o.max_body_bytes = max as usize;
    }
    if let Some(enforce) = enforce_max_lengths {
        o.enforce_max_lengths = enforce;
    }
    o
}

/// Refuses a body by its length before the wrapper copies it into wasm
/// memory (the glue of a `&[u8]` argument copies the whole array first, so
/// the parse functions below cannot refuse a body before it is copied).
/// `length` is a `Uint8Array`'s byte length (`measured`), or a string's
/// UTF-16 length, which bounds its UTF-8 length from below: over the limit,
/// the string is too, though its size in bytes was not measured. Only
/// numbers cross, and the limit is read as the parse functions read it.
#[wasm_bindgen(js_name = checkBodyLength)]
pub fn check_body_length(
    length: f64,
    measured: bool,
    max_body_bytes: Option<u32>,
) -> Result<(), JsValue> {
    let limit = options(max_body_bytes, None).max_body_bytes;
    if length <= limit as f64 {
        return Ok(());
    }
    // Lengths of JS arrays and strings are whole numbers well inside f64's
    // exact range; the cast is exact for them.
    let size = measured.then_some(length as usize);
    Err(error::callback(&CallbackError::BodyTooLarge {
        size,
        limit,
    }))
}

/// Parses a Netverify callback body; returns its JSON (redacted if asked).
#[wasm_bindgen(js_name = parseNetverifyCallback)]
pub fn parse_netverify_callback(
    body: &[u8],
    max_body_bytes: Option<u32>,
    enforce_max_lengths: Option<bool>,
    redact: bool,
) -> Result<String, JsValue> {
    let cb = NetverifyCallback::parse_with(body, &options(max_body_bytes, enforce_max_lengths))
        .map_err(|e| error::callback(&e))?;
    Ok(if redact {
        cb.redacted().to_json()
    } else {
        cb.to_json()
    })
}

/// Parses a Document Verification callback body; returns its JSON.
#[wasm_bindgen(js_name = parseDocumentCallback)]
pub fn parse_document_callback(
    body: &[u8],
    max_body_bytes: Option<u32>,
    enforce_max_lengths: Option<bool>,
    redact: bool,
) -> Result<String, JsValue> {
    let cb = DocumentCallback::parse_with(body, &options(max_body_bytes, enforce_max_lengths))
        .map_err(|e| error::callback(&e))?;
    Ok(if redact {
        cb.redacted().to_json()
    } else {
        cb.to_json()
    })
}

fn netverify(json: &str) -> Result<NetverifyCallback, JsValue> {
    NetverifyCallback::from_json(json).map_err(|_| {
        error::argument(
            "callback: not a NetverifyCallback as returned by parseCallback",
            "callback",
        )
    })
}

fn document(json: &str) -> Result<DocumentCallback, JsValue> {
    DocumentCallback::from_json(json).map_err(|_| {
        error::argument(
            "callback: not a DocumentCallback as returned by parseDocumentCallback",
            "callback",
        )
    })
}

/// The decision on a Netverify callback given as JSON: `{ outcome, reason }`.
#[wasm_bindgen(js_name = decisionOf)]
pub fn decision_of(json: &str) -> Result<JsValue, JsValue> {
    error::to_js(&netverify(json)?.decision())
}

/// The redacted copy of a Netverify callback given as JSON.
#[wasm_bindgen(js_name = redactNetverify)]
pub fn redact_netverify(json: &str) -> Result<String, JsValue> {
    Ok(netverify(json)?.redacted().to_json())
}

/// The redacted copy of a Document Verification callback given as JSON.
#[wasm_bindgen(js_name = redactDocument)]
pub fn redact_document(json: &str) -> Result<String, JsValue> {
    Ok(document(json)?.redacted().to_json())
}

/// The fields the provider masks for this callback's country and ID type.
#[wasm_bindgen(js_name = maskedByProvider)]
pub fn masked_by_provider(json: &str) -> Result<Vec<String>, JsValue> {
    Ok(netverify(json)?
        .masked_by_provider()
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// A Netverify callback given as JSON, written back as a form body.
#[wasm_bindgen(js_name = netverifyToForm)]
pub fn netverify_to_form(json: &str) -> Result<String, JsValue> {
    Ok(netverify(json)?.to_form())
}

/// A Document Verification callback given as JSON, written back as a form body.
#[wasm_bindgen(js_name = documentToForm)]
pub fn document_to_form(json: &str) -> Result<String, JsValue> {
    Ok(document(json)?.to_form())
}

/// The source addresses callbacks may come from.
#[wasm_bindgen(js_name = CallbackAllowlist)]
pub struct CallbackAllowlist {
    inner: Allowlist,
}

#[wasm_bindgen(js_class = CallbackAllowlist)]
impl CallbackAllowlist {
    /// The provider's published addresses, or the given entries (IPs or CIDR networks).
    #[wasm_bindgen(constructor)]
    pub fn new(entries: Option<Vec<String>>, loopback: Option<bool>) -> Result<Self, JsValue> {
        let inner = match entries {
            None => Allowlist::default(),
            Some(list) => Allowlist::from_entries(&list).map_err(|e| {
                JsValue::from(error::descriptor(
                    "ScanKitError",
                    &format!(
                        "allowlist: entry {} is not an IP address or network",
                        e.index
                    ),
                    "invalid_argument",
                    Some("entries"),
                ))
            })?,
        };
        let inner = if loopback.unwrap_or(false) {
            inner.with_loopback()
        } else {
            inner
        };
        Ok(CallbackAllowlist { inner })
    }

    /// Whether a source address (IPv4 or IPv6 text) is allowed; false for
    /// text that is not an address.
    #[wasm_bindgen(js_name = isAllowed)]
    pub fn is_allowed(&self, ip: &str) -> bool {
        self.inner.is_allowed_str(ip)
    }

    /// The entries, as CIDR networks.
    pub fn entries(&self) -> Vec<String> {
        self.inner.entries()
    }
}
