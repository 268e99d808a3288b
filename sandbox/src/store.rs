//! The sandbox's scans: what each endpoint answers, and when.

use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::borrow::Cow;
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
    /// Compact JSON, parsed for each answer that needs it: held as a
    /// `Value`, JSON such as `[0,0,0,…]` takes some 40 times its size, which
    /// would make the store's byte budget meaningless. The sample is shared.
    data: Cow<'static, str>,
    fail_next: Vec<u16>,
    /// What the scan counts against `max_store_bytes`.
    weight: usize,
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
            Some(o @ Value::Object(_)) => Cow::Owned(o.to_string()),
            Some(_) => return Err("data: expected a JSON object".into()),
            None => Cow::Borrowed(sample),
        };
        let delay = spec
            .ready_after_ms
            .map(Duration::from_millis)
            .unwrap_or(default_delay);
        let now = Instant::now();
        let final_status = spec.final_status.unwrap_or_else(|| "DONE".into());
        let scan = Scan {
            kind: spec.kind,
            // A delay past what an `Instant` holds (`readyAfterMs` near
            // u64::MAX) means never, not a panic.
            ready_at: now
                .checked_add(delay)
                .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
                .unwrap_or(now),
            weight: data.len()
                + spec.reference.len()
                + final_status.len()
                + 2 * spec.fail_next.len(),
            final_status,
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
        // Stored by `from_spec` from a parsed object or the sample: it parses.
        let data = || serde_json::from_str::<Value>(&self.data).unwrap_or(Value::Null);
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
                let mut d = data();
                let href = format!("{base}/api/netverify/v2/scans/{reference}/facemap");
                if let Value::Object(o) = &mut d {
                    o.entry("facemap")
                        .or_insert(json!({"classifier": "facemap", "href": href}));
                }
                Answer::Json(200, stamp(d))
            }
            (Kind::IdVerification | Kind::Document, Resource::Part(part), _) => {
                match data().get_mut(part).map(Value::take) {
                    Some(o @ Value::Object(_)) => Answer::Json(200, stamp(o)),
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
                let mut d = data();
                if let Value::Object(o) = &mut d {
                    o.insert("transactionReference".into(), reference.into());
                }
                Answer::Json(200, d)
            }
            (Kind::Document, Resource::Status, _) => {
                Answer::Json(200, stamp(json!({"status": self.final_status})))
            }
            (Kind::Document, Resource::Details, _) => Answer::Json(200, stamp(data())),
            (Kind::Document, Resource::Pages, _) => {
                let images: Vec<Value> = (1..=2)
                    .map(|n| json!({"classifier": n, "href": format!("{base}/api/netverify/v2/documents/{reference}/pages/{n}")}))
                    .collect();
                Answer::Json(200, stamp(json!({"images": images})))
            }
            (Kind::CreditCard, Resource::CreditCard { unmasked }, _) => {
                let mut d = data();
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

/// Why the store refused a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Full {
    /// It holds `max_scans` already.
    Count(usize),
    /// The scan would take its data past `max_store_bytes`.
    Bytes(usize),
}

impl std::fmt::Display for Full {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Full::Count(n) => write!(f, "the sandbox holds its maximum of {n} scans"),
            Full::Bytes(n) => write!(f, "the scan would take stored data past {n} bytes"),
        }
    }
}

/// Scans by reference, per API (the same reference may exist in several),
/// within a count and a byte budget.
#[derive(Debug)]
pub(crate) struct Store {
    scans: HashMap<(KindKey, String), Scan>,
    bytes: usize,
    max_scans: usize,
    max_bytes: usize,
}

impl Store {
    pub(crate) fn new(max_scans: usize, max_bytes: usize) -> Self {
        Store {
            scans: HashMap::new(),
            bytes: 0,
            max_scans,
            max_bytes,
        }
    }

    /// Adds a scan, or replaces the one of the same API and reference.
    pub(crate) fn insert(&mut self, k: (KindKey, String), scan: Scan) -> Result<(), Full> {
        let replaced = self.scans.get(&k).map(|s| s.weight);
        if replaced.is_none() && self.scans.len() >= self.max_scans {
            return Err(Full::Count(self.max_scans));
        }
        let bytes = (self.bytes - replaced.unwrap_or(0)).saturating_add(scan.weight);
        if bytes > self.max_bytes {
            return Err(Full::Bytes(self.max_bytes));
        }
        self.bytes = bytes;
        self.scans.insert(k, scan);
        Ok(())
    }

    pub(crate) fn get_mut(&mut self, k: &(KindKey, String)) -> Option<&mut Scan> {
        self.scans.get_mut(k)
    }

    pub(crate) fn remove(&mut self, k: &(KindKey, String)) -> Option<Scan> {
        let scan = self.scans.remove(k)?;
        self.bytes -= scan.weight;
        Some(scan)
    }
}

/// The fields of a scan description, each with what it must be; names as
/// posted, so an error can name one without quoting the body.
const FIELDS: &[(&str, &str)] = &[
    ("reference", "expected a string"),
    (
        "kind",
        "expected one of id_verification, authentication, document, credit_card",
    ),
    ("readyAfterMs", "expected a whole number of milliseconds"),
    ("finalStatus", "expected a string"),
    ("data", "expected a JSON object"),
    ("failNext", "expected a list of HTTP status codes"),
];

impl ScanSpec {
    /// Reads a scan description (an admin POST or a `--data` file).
    ///
    /// Errors name a field and what it must be, or where the JSON breaks,
    /// and never quote the text: scans hold card numbers and names, and
    /// serde's messages repeat offending values and unknown field names.
    pub fn from_json(bytes: &[u8]) -> Result<ScanSpec, String> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            use serde_json::error::Category;
            match e.classify() {
                Category::Syntax => {
                    format!("not valid JSON at line {}, column {}", e.line(), e.column())
                }
                Category::Eof => format!(
                    "JSON ends early at line {}, column {}",
                    e.line(),
                    e.column()
                ),
                Category::Io | Category::Data => "not a JSON document".to_owned(),
            }
        })?;
        let Value::Object(fields) = &value else {
            return Err("expected a JSON object".into());
        };
        for (name, v) in fields {
            let Some(&(field, expected)) = FIELDS.iter().find(|(f, _)| f == name) else {
                let known: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
                return Err(format!("unknown field; expected {}", known.join(", ")));
            };
            let fits = match field {
                "reference" => v.is_string(),
                "kind" => Kind::deserialize(v).is_ok(),
                "readyAfterMs" => v.is_null() || v.is_u64(),
                "finalStatus" => v.is_null() || v.is_string(),
                "data" => v.is_null() || v.is_object(),
                _ => Vec::<u16>::deserialize(v).is_ok(),
            };
            if !fits {
                return Err(format!("{field}: {expected}"));
            }
        }
        if let Some(missing) = ["reference", "kind"]
            .into_iter()
            .find(|f| !fields.contains_key(*f))
        {
            return Err(format!("missing field {missing}"));
        }
        // Every field was checked above; should serde still refuse, its message is not passed on.
        ScanSpec::deserialize(&value).map_err(|_| "not a scan description".to_owned())
    }
}

/// The key part that tells the APIs apart.
pub(crate) type KindKey = u8;

/// The key of a kind.
pub(crate) fn key(kind: Kind) -> KindKey {
    kind as u8
}
