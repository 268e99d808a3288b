//! scankit for Kotlin and Swift, through uniffi.
//!
//! Conversion and naming only: every function here calls the `scankit` core
//! and turns its types into uniffi records, enums, objects and errors.
//! Kotlin sees package `dev.scankit`, Swift module `ScanKit`.
//!
//! - Errors are uniffi error enums whose variants carry the `field` (or
//!   what stands for it) and a `reason`; never a value from the input.
//! - Secrets ([`ApiSecret`], [`Credentials`]) and card numbers ([`Pan`])
//!   are objects whose `toString()` / `description` is masked.
//! - [`RetrievalClient`] blocks: call it off the main (UI) thread.
//! - The polling schedule is data ([`PollSchedule`]) and a sans-I/O
//!   [`Poller`], so apps can drive it from their own schedulers.

uniffi::setup_scaffolding!();

mod callback;
mod card;
mod mobicard;
mod retrieval;
mod sansio;

pub use callback::*;
pub use card::*;
pub use mobicard::*;
pub use retrieval::*;
pub use sansio::*;

/// The version of the scankit core inside this library.
#[uniffi::export]
pub fn scankit_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
