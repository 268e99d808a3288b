//! Callbacks: parsing, decisions, redaction, reject-code tables, allowlist.

use crate::{to_u64, to_usize};
use scankit::reject::{RejectCategory as CoreCategory, RejectDetailCode, RejectReasonCode};
use std::sync::Arc;

/// Why a callback body was refused. `field` names the form field (absent
/// for a body over the size limit); `reason` says which rule was broken.
/// Neither ever holds a value from the body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CallbackError {
    /// `body_too_large`.
    #[error("{reason}")]
    BodyTooLarge {
        /// Always absent.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `bad_percent_encoding`.
    #[error("{reason}")]
    BadPercentEncoding {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `invalid_utf8`.
    #[error("{reason}")]
    InvalidUtf8 {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `invalid_json`.
    #[error("{reason}")]
    InvalidJson {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `duplicate_field`.
    #[error("{reason}")]
    DuplicateField {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `missing_field`.
    #[error("{reason}")]
    MissingField {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `invalid_format`.
    #[error("{reason}")]
    InvalidFormat {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// `too_long`.
    #[error("{reason}")]
    TooLong {
        /// The form field.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
    /// A JSON document given to `fromJson` that is not a callback.
    #[error("{reason}")]
    InvalidModelJson {
        /// Always absent.
        field: Option<String>,
        /// What was wrong.
        reason: String,
    },
}

impl From<scankit::CallbackError> for CallbackError {
    fn from(e: scankit::CallbackError) -> Self {
        let field = e.field().map(str::to_owned);
        let reason = e.to_string();
        match e.code() {
            "body_too_large" => CallbackError::BodyTooLarge { field, reason },
            "bad_percent_encoding" => CallbackError::BadPercentEncoding { field, reason },
            "invalid_utf8" => CallbackError::InvalidUtf8 { field, reason },
            "invalid_json" => CallbackError::InvalidJson { field, reason },
            "duplicate_field" => CallbackError::DuplicateField { field, reason },
            "missing_field" => CallbackError::MissingField { field, reason },
            "too_long" => CallbackError::TooLong { field, reason },
            _ => CallbackError::InvalidFormat { field, reason },
        }
    }
}

fn model_json_error(e: serde_json::Error) -> CallbackError {
    // serde_json's message may quote input; keep only where it failed.
    CallbackError::InvalidModelJson {
        field: None,
        reason: format!(
            "not a callback's JSON at line {}, column {}",
            e.line(),
            e.column()
        ),
    }
}

/// How strictly bodies are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ParseOptions {
    /// Bodies over this many bytes are refused (`body_too_large`).
    #[uniffi(default = 65536)]
    pub max_body_bytes: u64,
    /// Refuse values over the spec's documented maximum lengths (`too_long`).
    #[uniffi(default = true)]
    pub enforce_max_lengths: bool,
}

impl From<ParseOptions> for scankit::ParseOptions {
    fn from(o: ParseOptions) -> Self {
        scankit::ParseOptions {
            max_body_bytes: to_usize(o.max_body_bytes),
            enforce_max_lengths: o.enforce_max_lengths,
        }
    }
}

/// The options used by `parseCallback` and `parseDocumentCallback`.
#[uniffi::export]
pub fn default_parse_options() -> ParseOptions {
    let d = scankit::ParseOptions::default();
    ParseOptions {
        max_body_bytes: to_u64(d.max_body_bytes),
        enforce_max_lengths: d.enforce_max_lengths,
    }
}

/// Refuses a body of `byte_count` bytes that is over
/// `options.max_body_bytes`, with the `BodyTooLarge` that parsing it would
/// throw, from its size alone.
///
/// Call it before handing a body that may be large to `parseCallback*` /
/// `parseDocumentCallback*`, or with a `Content-Length` before reading the
/// body at all: uniffi's generated code copies a `ByteArray` / `Data`
/// argument whole into Rust memory, and uniffi copies it once more into a
/// `Vec`, before any scankit code runs, so the parse functions refuse an
/// oversized body only after those two copies. Only a number crosses here.
#[uniffi::export]
pub fn check_body_size(byte_count: u64, options: ParseOptions) -> Result<(), CallbackError> {
    let limit = to_usize(options.max_body_bytes);
    if byte_count <= options.max_body_bytes {
        return Ok(());
    }
    Err(scankit::CallbackError::BodyTooLarge {
        size: Some(to_usize(byte_count)),
        limit,
    }
    .into())
}

/// What to do with the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Outcome {
    /// The ID is genuine and, if checked, the selfie is the same person.
    Approved,
    /// Fraud: the document or the selfie is not genuine.
    Fraud,
    /// Unreadable or unsupported: ask the user for a new scan.
    Retry,
    /// The user never uploaded an ID.
    NoIdUploaded,
    /// The callback does not say; review by hand.
    Unknown,
}

impl From<scankit::Outcome> for Outcome {
    fn from(o: scankit::Outcome) -> Self {
        match o {
            scankit::Outcome::Approved => Outcome::Approved,
            scankit::Outcome::Fraud => Outcome::Fraud,
            scankit::Outcome::Retry => Outcome::Retry,
            scankit::Outcome::NoIdUploaded => Outcome::NoIdUploaded,
            scankit::Outcome::Unknown => Outcome::Unknown,
        }
    }
}

/// An outcome and the fact it rests on.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Decision {
    /// What to do.
    pub outcome: Outcome,
    /// The outcome's snake_case name (`approved`, `no_id_uploaded`, ...).
    pub outcome_name: String,
    /// The fact it rests on, e.g. `rejectReason 107 PHOTO_MISMATCH`.
    pub reason: String,
}

impl From<scankit::Decision> for Decision {
    fn from(d: scankit::Decision) -> Self {
        Decision {
            outcome: d.outcome.into(),
            outcome_name: d.outcome.as_str().to_owned(),
            reason: d.reason,
        }
    }
}

/// The three `idAddress` layouts of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AddressFormat {
    /// US: `stateCode`, `streetSuffix`, `zip`, ...
    Us,
    /// EU: `province`, `unitDetails`, `postalCode`, ...
    Eu,
    /// Raw: `line1` to `line5`.
    Raw,
}

/// A Netverify / ID Verification callback. `toString()` / `description`
/// is redacted: no names, numbers or address.
#[derive(Debug, PartialEq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct NetverifyCallback(scankit::NetverifyCallback);

impl std::fmt::Display for NetverifyCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug output is redacted by construction.
        write!(f, "{:?}", self.0)
    }
}

/// Parses a Netverify callback body (form-urlencoded bytes).
#[uniffi::export]
pub fn parse_callback(body: Vec<u8>) -> Result<Arc<NetverifyCallback>, CallbackError> {
    Ok(Arc::new(NetverifyCallback(scankit::parse_callback(&body)?)))
}

/// Parses a Netverify callback body with options.
#[uniffi::export]
pub fn parse_callback_with(
    body: Vec<u8>,
    options: ParseOptions,
) -> Result<Arc<NetverifyCallback>, CallbackError> {
    let cb = scankit::NetverifyCallback::parse_with(&body, &options.into())?;
    Ok(Arc::new(NetverifyCallback(cb)))
}

#[uniffi::export]
impl NetverifyCallback {
    /// Reads back the JSON written by [`NetverifyCallback::to_json`].
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, CallbackError> {
        let cb = scankit::NetverifyCallback::from_json(&json).map_err(model_json_error)?;
        Ok(Arc::new(NetverifyCallback(cb)))
    }

    /// `jumioIdScanReference`.
    pub fn scan_reference(&self) -> String {
        self.0.jumio_id_scan_reference.clone()
    }

    /// `verificationStatus` as on the wire, e.g. `APPROVED_VERIFIED`.
    pub fn verification_status(&self) -> String {
        self.0.verification_status.as_str().to_owned()
    }

    /// `idScanStatus` as on the wire.
    pub fn id_scan_status(&self) -> Option<String> {
        self.0
            .id_scan_status
            .as_ref()
            .map(|v| v.as_str().to_owned())
    }

    /// `idType` as on the wire, e.g. `PASSPORT`.
    pub fn id_type(&self) -> Option<String> {
        self.0.id_type.as_ref().map(|v| v.as_str().to_owned())
    }

    /// `idCountry` (ISO 3166-1 alpha-3).
    pub fn id_country(&self) -> Option<String> {
        self.0.id_country.clone()
    }

    /// `rejectReason.rejectReasonCode`, e.g. `107`.
    pub fn reject_reason_code(&self) -> Option<String> {
        let reason = self.0.reject_reason.as_ref()?;
        reason
            .reject_reason_code
            .as_ref()
            .map(|c| c.as_str().to_owned())
    }

    /// `merchantIdScanReference`.
    pub fn merchant_scan_reference(&self) -> Option<String> {
        self.0.merchant_id_scan_reference.clone()
    }

    /// `customerId`.
    pub fn customer_id(&self) -> Option<String> {
        self.0.customer_id.clone()
    }

    /// Which of the spec's `idAddress` layouts was sent.
    pub fn address_format(&self) -> Option<AddressFormat> {
        let format = self.0.id_address.as_ref()?.format()?;
        Some(match format {
            scankit::models::AddressFormat::Us => AddressFormat::Us,
            scankit::models::AddressFormat::Eu => AddressFormat::Eu,
            scankit::models::AddressFormat::Raw => AddressFormat::Raw,
        })
    }

    /// Names of the fields the spec does not list (kept, and written back).
    pub fn extra_field_names(&self) -> Vec<String> {
        self.0.extra.keys().cloned().collect()
    }

    /// The decision from the spec's status, reject-code and
    /// identity-verification tables.
    pub fn decision(&self) -> Decision {
        self.0.decision().into()
    }

    /// A copy with personal data masked or removed, safe to log.
    pub fn redacted(&self) -> Arc<NetverifyCallback> {
        Arc::new(NetverifyCallback(self.0.redacted()))
    }

    /// The fields the provider masks for this country and ID type.
    pub fn masked_by_provider(&self) -> Vec<String> {
        self.0
            .masked_by_provider()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The callback as JSON (wire names, lossless). Holds personal data:
    /// call `redacted()` first to log it.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The callback as a form body that parses back to an equal value.
    pub fn to_form(&self) -> String {
        self.0.to_form()
    }
}

/// A Document Verification callback. `toString()` / `description` is
/// redacted.
#[derive(Debug, PartialEq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct DocumentCallback(scankit::DocumentCallback);

impl std::fmt::Display for DocumentCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// Parses a Document Verification callback body.
#[uniffi::export]
pub fn parse_document_callback(body: Vec<u8>) -> Result<Arc<DocumentCallback>, CallbackError> {
    Ok(Arc::new(DocumentCallback(
        scankit::parse_document_callback(&body)?,
    )))
}

/// Parses a Document Verification callback body with options.
#[uniffi::export]
pub fn parse_document_callback_with(
    body: Vec<u8>,
    options: ParseOptions,
) -> Result<Arc<DocumentCallback>, CallbackError> {
    let cb = scankit::DocumentCallback::parse_with(&body, &options.into())?;
    Ok(Arc::new(DocumentCallback(cb)))
}

#[uniffi::export]
impl DocumentCallback {
    /// Reads back the JSON written by [`DocumentCallback::to_json`].
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, CallbackError> {
        let cb = scankit::DocumentCallback::from_json(&json).map_err(model_json_error)?;
        Ok(Arc::new(DocumentCallback(cb)))
    }

    /// `scanReference`.
    pub fn scan_reference(&self) -> String {
        self.0.scan_reference.clone()
    }

    /// `transaction.status` as on the wire.
    pub fn transaction_status(&self) -> Option<String> {
        self.0
            .transaction
            .status
            .as_ref()
            .map(|s| s.as_str().to_owned())
    }

    /// `document.status` as on the wire.
    pub fn document_status(&self) -> Option<String> {
        let doc = self.0.document.as_ref()?;
        doc.status.as_ref().map(|s| s.as_str().to_owned())
    }

    /// `document.type` as on the wire.
    pub fn document_type(&self) -> Option<String> {
        let doc = self.0.document.as_ref()?;
        doc.document_type.as_ref().map(|s| s.as_str().to_owned())
    }

    /// A copy with personal data masked or removed, safe to log.
    pub fn redacted(&self) -> Arc<DocumentCallback> {
        Arc::new(DocumentCallback(self.0.redacted()))
    }

    /// The callback as JSON (wire names, lossless).
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The callback as a form body that parses back to an equal value.
    pub fn to_form(&self) -> String {
        self.0.to_form()
    }
}

/// Which verification status a reject code is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RejectCategory {
    /// Listed under `DENIED_FRAUD`.
    Fraud,
    /// Listed under `ERROR_NOT_READABLE_ID`.
    NotReadable,
}

/// A documented reject code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RejectCodeInfo {
    /// The code, e.g. `107`.
    pub code: String,
    /// The spec's description, e.g. `PHOTO_MISMATCH`.
    pub description: String,
    /// Where the spec lists it.
    pub category: RejectCategory,
}

fn category(c: CoreCategory) -> RejectCategory {
    match c {
        CoreCategory::Fraud => RejectCategory::Fraud,
        CoreCategory::NotReadable => RejectCategory::NotReadable,
    }
}

/// The spec's entry for a `rejectReasonCode`; absent for an undocumented code.
#[uniffi::export]
pub fn reject_reason_info(code: String) -> Option<RejectCodeInfo> {
    let c = RejectReasonCode::from_wire(&code);
    Some(RejectCodeInfo {
        code,
        description: c.description()?.to_owned(),
        category: category(c.category()?),
    })
}

/// The spec's entry for a `detailsCode`; absent for an undocumented code.
#[uniffi::export]
pub fn reject_detail_info(code: String) -> Option<RejectCodeInfo> {
    let c = RejectDetailCode::from_wire(&code);
    Some(RejectCodeInfo {
        code,
        description: c.description()?.to_owned(),
        category: category(c.category()?),
    })
}

/// An allowlist entry that is neither an IP address nor a CIDR network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum AllowlistError {
    /// The entry at `index` (0-based).
    #[error("{reason}")]
    InvalidEntry {
        /// 0-based position of the bad entry.
        index: u32,
        /// What was wrong.
        reason: String,
    },
}

/// Allowed source networks of callbacks. Immutable: to replace the list at
/// run time, swap the reference (e.g. an `AtomicReference` in Kotlin).
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct Allowlist(scankit::Allowlist);

#[uniffi::export]
impl Allowlist {
    /// The spec's US and EU callback addresses.
    #[uniffi::constructor(name = "provider")]
    pub fn provider() -> Arc<Self> {
        Arc::new(Allowlist(scankit::Allowlist::default()))
    }

    /// Your own list of addresses and CIDR networks.
    #[uniffi::constructor]
    pub fn from_entries(entries: Vec<String>) -> Result<Arc<Self>, AllowlistError> {
        scankit::Allowlist::from_entries(&entries)
            .map(|a| Arc::new(Allowlist(a)))
            .map_err(|e| AllowlistError::InvalidEntry {
                index: crate::to_u32(e.index),
                reason: e.to_string(),
            })
    }

    /// This list plus 127.0.0.0/8 and ::1 (local tests).
    pub fn with_loopback(&self) -> Arc<Allowlist> {
        Arc::new(Allowlist(self.0.clone().with_loopback()))
    }

    /// Whether `ip` (an IPv4 or IPv6 address) may send callbacks; false for
    /// anything that is not an address.
    pub fn is_allowed(&self, ip: String) -> bool {
        self.0.is_allowed_str(&ip)
    }

    /// The networks, in CIDR notation.
    pub fn entries(&self) -> Vec<String> {
        self.0.entries()
    }
}
