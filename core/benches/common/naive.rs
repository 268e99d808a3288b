//! The naive baseline the callback parser is measured against: the body
//! into a map with serde_urlencoded, the JSON-valued fields into
//! serde_json::Value. Shared by `benches/callback.rs` and
//! `examples/parse_loop.rs` so both measure the same thing.

use std::collections::HashMap;

const JSON_FIELDS: &[&str] = &[
    "identityVerification",
    "idAddress",
    "rejectReason",
    "dlCategories",
    "livenessImages",
];

/// Parses `body` the naive way.
pub fn naive(body: &[u8]) -> (HashMap<String, String>, Vec<serde_json::Value>) {
    let map: HashMap<String, String> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let json = JSON_FIELDS
        .iter()
        .filter_map(|f| map.get(*f))
        .filter_map(|v| serde_json::from_str(v).ok())
        .collect();
    (map, json)
}
