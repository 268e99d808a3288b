//! scankit: typed, lenient and lossless models of identity-verification and
//! card-scan results (Jumio Netverify / ID Verification, Document
//! Verification), with the helpers every integration otherwise writes by hand.
//!
//! ```
//! let body = "jumioIdScanReference=abc&verificationStatus=DENIED_FRAUD&idScanStatus=ERROR";
//! let cb = scankit::parse_callback(body.as_bytes())?;
//! assert_eq!(cb.decision().outcome, scankit::Outcome::Fraud);
//! # Ok::<(), scankit::CallbackError>(())
//! ```
#![forbid(unsafe_code)]

mod wire;

pub mod allowlist;
pub mod callback;
pub mod card;
#[cfg(feature = "client")]
pub mod client;
pub mod mobicard;
pub mod redact;
pub mod retrieval;

// Transition: the callback modules' old paths, until every binding uses
// `scankit::callback::…` (removed once the work in flight has landed).
#[doc(hidden)]
pub use callback::{codes, decision, document, models, netverify, nv_masking, reject};

pub use allowlist::{Allowlist, SharedAllowlist};
pub use callback::{
    CallbackError, Decision, DocumentCallback, JsonProblem, NetverifyCallback, Outcome,
    ParseOptions, UNDOCUMENTED_FIELD,
};
pub use wire::{lenient, DateValue, Timestamp};

/// Parses a Netverify callback body with the default options.
pub fn parse_callback(body: &[u8]) -> Result<NetverifyCallback, CallbackError> {
    NetverifyCallback::parse(body)
}

/// Parses a Document Verification callback body with the default options.
pub fn parse_document_callback(body: &[u8]) -> Result<DocumentCallback, CallbackError> {
    DocumentCallback::parse(body)
}
