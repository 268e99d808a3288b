//! `scankit-wasm`: the scankit core for JavaScript (wasm-bindgen).
//!
//! Conversion and naming only: every rule lives in the `scankit` crate. The
//! functions here are the raw layer; the npm package (`npm/`) wraps them in
//! the public API (Error subclasses, card-validator-shaped results) and its
//! TypeScript declarations.
#![forbid(unsafe_code)]

#[cfg(feature = "callbacks")]
mod callback;
#[cfg(feature = "cards")]
mod card;
mod error;
#[cfg(any(feature = "mobicard", feature = "retrieval"))]
mod exact;
#[cfg(feature = "mobicard")]
mod mobicard;
#[cfg(feature = "retrieval")]
mod retrieval;

#[cfg(feature = "callbacks")]
pub use callback::*;
#[cfg(feature = "cards")]
pub use card::*;
#[cfg(feature = "mobicard")]
pub use mobicard::*;
#[cfg(feature = "retrieval")]
pub use retrieval::*;
