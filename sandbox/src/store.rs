//! The sandbox's scans: what each endpoint answers, and when.

use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const ID_DETAILS: &str =
    include_str!("../../core/tests/fixtures/retrieval/spec-2019/id-details.json");
const AUTH: &str = include_str!("../../core/tests/fixtures/retrieval/spec-2019/auth-details.json");
const DV_DETAILS: &str =
    include_str!("../../core/tests/fixtures/retrieval/spec-2019/dv-details-bs.json");
const CARD: &str = include_str!("../../core/tests/fixtures/retrieval/hand-made/cc-unmasked.json");

/// Which API a scan belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// ID Verification (Netverify): `/api/netverify/v2/scans/…`.
    IdVerification,
    /// Authentication: `/api/netverify/v2/authentications/…`.
    Authentication,
    /// Document Verification: `/api/netverify/v2/documents/…`.
    Document,
    /// Credit Card: `/api/netswipe/v1/scans/…`.
    CreditCard,
}

/// A scan as the admin endpoint and `--data` files describe it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScanSpec {
    /// The transaction reference (1–36 of `[A-Za-z0-9_-]`).
    pub reference: String,
    /// Which API.
    pub kind: Kind,
    /// Until then: status `PENDING` (Authentication: `STARTED`), data 404.
    #[serde(default)]
    pub ready_after_ms: Option<u64>,
    /// The status once ready: `DONE` (default) or `FAILED`.
    #[serde(default)]
    pub final_status: Option<String>,
    /// The details body (`/data`; the whole response for Authentication and
    /// Credit Card, unmasked). Default: the spec's sample.
    #[serde(default)]
    pub data: Option<Value>,
    /// Statuses answered by the next requests for this scan, before normal answers.
    #[serde(default)]
    pub fail_next: Vec<u16>,
}

/// A stored scan.
#[derive(Debug, Clone)]
pub(crate) struct Scan {
    kind: Kind,
    ready_at: Instant,
    final_status: String,
    data: Value,
    fail_next: Vec<u16>,
}

/// What a request asks of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resource {
    Status,
    Details,
    Part(&'static str),
    Images,
    Image,
    Pages,
    Page,
    Original,
    Facemap,
    CreditCard { unmasked: bool },
    CardFront,
}

/// An answer: status and JSON, or image bytes.
pub(crate) enum Answer {
    Json(u16, Value),
    Bytes(&'static str, &'static [u8]),
    Status(u16),
}

/// A 1×1 PNG, for every image.
pub(crate) const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0xe9, 0xfa, 0xdc, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// Checks a reference as the provider's paths allow it.
pub(crate) fn valid_reference(r: &str) -> bool {
    (1..=36).contains(&r.len())
        && r.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Scan {
    /// Builds a scan from its description; `default_delay` when it names none.
    pub(crate) fn from_spec(
        spec: ScanSpec,
        default_delay: Duration,
    ) -> Result<((KindKey, String), Scan), String> {
        if !valid_reference(&spec.reference) {
            return Err("reference: expected 1 to 36 letters, digits, '-' or '_'".into());
        }
        let sample = match spec.kind {
            Kind::IdVerification => ID_DETAILS,
            Kind::Authentication => AUTH,
            Kind::Document => DV_DETAILS,
            Kind::CreditCard => CARD,
        };
        let data = match spec.data {
            Some(Value::Object(o)) => Value::Object(o),
            Some(_) => return Err("data: expected a JSON object".into()),
            None => serde_json::from_str(sample).map_err(|e| e.to_string())?,
        };
        let delay = spec
            .ready_after_ms
            .map(Duration::from_millis)
            .unwrap_or(default_delay);
        let scan = Scan {
            kind: spec.kind,
            ready_at: Instant::now() + delay,
            final_status: spec.final_status.unwrap_or_else(|| "DONE".into()),
            data,
            fail_next: spec.fail_next,
        };
        Ok(((key(scan.kind), spec.reference), scan))
    }

    /// The answer to `resource` for this scan, as of now.
    pub(crate) fn answer(
        &mut self,
        reference: &str,
        resource: Resource,
        base: &str,
        now: &str,
    ) -> Answer {
        if !self.fail_next.is_empty() {
            return Answer::Status(self.fail_next.remove(0));
        }
        let ready = Instant::now() >= self.ready_at;
        let stamp = |mut v: Value| {
            if let Value::Object(o) = &mut v {
                o.insert("timestamp".into(), now.into());
                o.insert("scanReference".into(), reference.into());
            }
            v
        };
        match (self.kind, resource, ready) {
            (Kind::IdVerification, Resource::Status, _) => {
                let status = if ready {
                    self.final_status.as_str()
                } else {
                    "PENDING"
                };
                Answer::Json(200, stamp(json!({ "status": status })))
            }
            (Kind::Authentication, Resource::Status, false) => Answer::Json(
                200,
                json!({"transactionReference": reference, "transactionResult": "STARTED"}),
            ),
            (_, _, false) => Answer::Status(404),
            (Kind::IdVerification, Resource::Details, _) => {
                let mut d = self.data.clone();
                let href = format!("{base}/api/netverify/v2/scans/{reference}/facemap");
                if let Value::Object(o) = &mut d {
                    o.entry("facemap")
                        .or_insert(json!({"classifier": "facemap", "href": href}));
                }
                Answer::Json(200, stamp(d))
            }
            (Kind::IdVerification | Kind::Document, Resource::Part(part), _) => {
                match self.data.get(part) {
                    Some(Value::Object(o)) => Answer::Json(200, stamp(Value::Object(o.clone()))),
                    _ => Answer::Status(404),
                }
            }
            (Kind::IdVerification, Resource::Images, _) => {
                let at = |c: &str| format!("{base}/api/netverify/v2/scans/{reference}/images/{c}");
                let images: Vec<Value> = ["back", "front", "face"]
                    .iter()
                    .map(|c| json!({"classifier": c, "href": at(c)}))
                    .collect();
                let liveness: Vec<String> = (1..=3).map(|n| at(&format!("liveness/{n}"))).collect();
                Answer::Json(
                    200,
                    stamp(json!({"images": images, "livenessImages": liveness})),
                )
            }
            (Kind::IdVerification | Kind::Authentication, Resource::Image, _)
            | (Kind::IdVerification, Resource::Facemap, _)
            | (Kind::Document, Resource::Page | Resource::Original, _)
            | (Kind::CreditCard, Resource::CardFront, _) => Answer::Bytes("image/png", PNG),
            (Kind::Authentication, Resource::Status | Resource::Details, _) => {
                let mut d = self.data.clone();
                if let Value::Object(o) = &mut d {
                    o.insert("transactionReference".into(), reference.into());
                }
                Answer::Json(200, d)
            }
            (Kind::Document, Resource::Status, _) => {
                Answer::Json(200, stamp(json!({"status": self.final_status})))
            }
            (Kind::Document, Resource::Details, _) => Answer::Json(200, stamp(self.data.clone())),
            (Kind::Document, Resource::Pages, _) => {
                let images: Vec<Value> = (1..=2)
                    .map(|n| json!({"classifier": n, "href": format!("{base}/api/netverify/v2/documents/{reference}/pages/{n}")}))
                    .collect();
                Answer::Json(200, stamp(json!({"images": images})))
            }
            (Kind::CreditCard, Resource::CreditCard { unmasked }, _) => {
                let mut d = self.data.clone();
                if let Value::Object(o) = &mut d {
                    o.insert("jumioRequestReference".into(), reference.into());
                    if !unmasked {
                        mask_card(o);
                    }
                }
                Answer::Json(200, d)
            }
            _ => Answer::Status(404),
        }
    }
}

/// The masked form: first 6 and last 4 card digits, last 2 account digits.
fn mask_card(o: &mut Map<String, Value>) {
    let mask = |v: &str, keep_first: usize, keep_last: usize| -> String {
        let n = v.chars().count();
        v.chars()
            .enumerate()
            .map(|(i, c)| {
                if i < keep_first || i + keep_last >= n {
                    c
                } else {
                    'x'
                }
            })
            .collect()
    };
    if let Some(Value::String(s)) = o.get("cardNumber") {
        let masked = mask(s, 6, 4);
        o.insert("cardNumber".into(), masked.into());
    }
    if let Some(Value::String(s)) = o.get("cardAccountNumber") {
        let masked = mask(s, 0, 2);
        o.insert("cardAccountNumber".into(), masked.into());
    }
}

/// Scans by reference, per API (the same reference may exist in several).
pub(crate) type Store = HashMap<(KindKey, String), Scan>;

/// The key part that tells the APIs apart.
pub(crate) type KindKey = u8;

/// The key of a kind.
pub(crate) fn key(kind: Kind) -> KindKey {
    kind as u8
}
