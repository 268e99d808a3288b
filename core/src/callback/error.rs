//! The one error type of callback parsing.
//!
//! Every variant names the field and the rule broken. No variant ever carries
//! the value that broke it: callbacks hold names, ID numbers and card
//! numbers, and error text ends up in logs.

use std::fmt;

/// Why a callback body was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// The body is larger than [`crate::ParseOptions::max_body_bytes`].
    #[error("body: {}over the limit of {limit} bytes", MeasuredSize(*size))]
    BodyTooLarge {
        /// Size of the body received; `None` when the reader stopped one
        /// byte past the limit rather than read a body of unknown length to
        /// its end, so its size was never measured.
        size: Option<usize>,
        /// The configured limit.
        limit: usize,
    },
    /// A `%` not followed by two hexadecimal digits.
    #[error("{field}: bad percent-encoding (a '%' not followed by two hex digits)")]
    BadPercentEncoding {
        /// The field whose name or value holds the bad escape.
        field: String,
    },
    /// The decoded bytes are not UTF-8.
    #[error("{field}: not valid UTF-8 after percent-decoding")]
    InvalidUtf8 {
        /// The field whose name or value is not UTF-8.
        field: String,
    },
    /// A field documented as JSON is not valid JSON, or not of the documented shape.
    #[error("{field}: {problem} at line {line}, column {column}")]
    InvalidJson {
        /// The JSON-valued field.
        field: String,
        /// What is wrong, without quoting the value.
        problem: JsonProblem,
        /// 1-based line in the decoded JSON value.
        line: usize,
        /// 1-based column in the decoded JSON value.
        column: usize,
    },
    /// The same field appears twice.
    #[error("{field}: appears more than once")]
    DuplicateField {
        /// The repeated field.
        field: String,
    },
    /// A field the callback cannot be understood without is absent or empty.
    #[error("{field}: required but missing")]
    MissingField {
        /// The missing field.
        field: String,
    },
    /// A value outside its documented format.
    #[error("{field}: expected {expected}")]
    InvalidFormat {
        /// The field.
        field: String,
        /// The documented format, e.g. `a date YYYY-MM-DD`.
        expected: &'static str,
    },
    /// A value longer than the spec's maximum length.
    #[error("{field}: {length} characters is over the documented maximum of {max}")]
    TooLong {
        /// The field.
        field: String,
        /// The documented maximum length in characters.
        max: usize,
        /// The length received.
        length: usize,
    },
}

/// `"{size} bytes is "` when the size was measured, nothing otherwise: an
/// error must not claim a size nobody counted.
struct MeasuredSize(Option<usize>);

impl fmt::Display for MeasuredSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(size) => write!(f, "{size} bytes is "),
            None => Ok(()),
        }
    }
}

/// What is wrong with a JSON-valued field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON at all, or truncated.
    Syntax,
    /// JSON, but not of the documented shape (e.g. a number where an object belongs).
    Shape,
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonProblem::Syntax => "not valid JSON",
            JsonProblem::Shape => "JSON not of the documented shape",
        })
    }
}

impl CallbackError {
    /// A stable, machine-readable code for the kind of error; bindings expose it
    /// as `code`, and fixtures name it.
    pub fn code(&self) -> &'static str {
        match self {
            CallbackError::BodyTooLarge { .. } => "body_too_large",
            CallbackError::BadPercentEncoding { .. } => "bad_percent_encoding",
            CallbackError::InvalidUtf8 { .. } => "invalid_utf8",
            CallbackError::InvalidJson { .. } => "invalid_json",
            CallbackError::DuplicateField { .. } => "duplicate_field",
            CallbackError::MissingField { .. } => "missing_field",
            CallbackError::InvalidFormat { .. } => "invalid_format",
            CallbackError::TooLong { .. } => "too_long",
        }
    }

    /// The field the error is about, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            CallbackError::BodyTooLarge { .. } => None,
            CallbackError::BadPercentEncoding { field }
            | CallbackError::InvalidUtf8 { field }
            | CallbackError::InvalidJson { field, .. }
            | CallbackError::DuplicateField { field }
            | CallbackError::MissingField { field }
            | CallbackError::InvalidFormat { field, .. }
            | CallbackError::TooLong { field, .. } => Some(field),
        }
    }

    pub(crate) fn json(field: &str, err: &serde_json::Error) -> Self {
        let problem = match err.classify() {
            serde_json::error::Category::Data => JsonProblem::Shape,
            _ => JsonProblem::Syntax,
        };
        CallbackError::InvalidJson {
            field: field.to_owned(),
            problem,
            line: err.line(),
            column: err.column(),
        }
    }

    pub(crate) fn missing(field: &str) -> Self {
        CallbackError::MissingField {
            field: field.to_owned(),
        }
    }

    pub(crate) fn format(field: &str, expected: &'static str) -> Self {
        CallbackError::InvalidFormat {
            field: field.to_owned(),
            expected,
        }
    }
}
