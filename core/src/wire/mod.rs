//! Building blocks for wire values: enums that keep unknown values, dates and
//! timestamps that keep their raw text, the fast JSON writer, and lenient
//! serde helpers.

mod dates;
mod enums;
mod json;
pub mod lenient;

pub(crate) use dates::{parse_instant, DATE_RULE, TIMESTAMP_RULE};
pub use dates::{DateValue, Timestamp};
pub(crate) use enums::{wire_enum, WireStrVisitor};
pub(crate) use json::{member, JsonWriter, WriteJson};
