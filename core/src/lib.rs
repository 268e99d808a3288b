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
pub mod card;
#[cfg(feature = "client")]
pub mod client;
pub mod codes;
pub mod decision;
pub mod document;
mod error;
mod form;
pub mod mobicard;
pub mod models;
pub mod netverify;
pub mod nv_masking;
pub mod redact;
pub mod reject;
pub mod retrieval;

pub use allowlist::{Allowlist, SharedAllowlist};
pub use decision::{Decision, Outcome};
pub use document::DocumentCallback;
pub use error::{CallbackError, JsonProblem};
pub use form::{ParseOptions, UNDOCUMENTED_FIELD};
pub use netverify::NetverifyCallback;
pub use wire::{lenient, DateValue, Timestamp};

/// Parses a Netverify callback body with the default options.
pub fn parse_callback(body: &[u8]) -> Result<NetverifyCallback, CallbackError> {
    NetverifyCallback::parse(body)
}

/// Parses a Document Verification callback body with the default options.
pub fn parse_document_callback(body: &[u8]) -> Result<DocumentCallback, CallbackError> {
    DocumentCallback::parse(body)
}
