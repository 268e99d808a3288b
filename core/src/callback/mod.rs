//! Callbacks: the form-encoded POSTs the provider sends when a verification
//! finishes: Netverify (ID Verification) and Document Verification.
//!
//! Bytes go through [`form`] (percent-decoding, duplicate and length checks,
//! field by field), into the typed models ([`netverify`], [`document`],
//! with the JSON-valued parts in [`models`] and [`reject`], and the
//! documented value sets in [`codes`]); errors are [`CallbackError`]s that
//! name the field and the rule, never the value. From a model come the
//! [`decision`], the NV masking check ([`nv_masking`]) and the redacted copy
//! ([`crate::redact`]).

pub mod codes;
pub mod decision;
pub mod document;
mod error;
pub(crate) mod form;
pub mod models;
pub mod netverify;
pub mod nv_masking;
pub mod reject;

pub use decision::{Decision, Outcome};
pub use document::DocumentCallback;
pub use error::{CallbackError, JsonProblem};
pub use form::{ParseOptions, UNDOCUMENTED_FIELD};
pub use netverify::NetverifyCallback;
