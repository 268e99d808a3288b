//! Response classification, sans I/O: a status, a few headers and a body
//! become a typed value or a typed [`RetrievalError`] with a retry hint.

use super::request::{Endpoint, MaskHint, RequestError};
use crate::JsonProblem;
use serde::de::DeserializeOwned;
use std::fmt;
use std::time::Duration;

/// What a transport received, as classification needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawResponse<'a> {
    /// HTTP status code.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<&'a str>,
    /// `Retry-After`, if any (seconds; an HTTP date is ignored).
    pub retry_after: Option<&'a str>,
    /// The body.
    pub body: &'a [u8],
}

/// When a request may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryHint {
    /// Not without changing something (credentials, settings, the request).
    Never,
    /// After this long.
    After(Duration),
}

/// The spec's causes of a 403: the response does not say which applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ForbiddenCause {
    /// `maskhint=unmasked` was asked and unmasked retrieval is disabled by default.
    UnmaskedNotEnabled,
    /// Missing or bad Basic auth, or missing or suspicious headers or
    /// parameter values (e.g. no `User-Agent`).
    CredentialsOrHeaders,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// 401: credentials refused.
    Unauthorized,
    /// 403, with its most likely cause.
    Forbidden(ForbiddenCause),
    /// 404 while the data may still be in the making (credit card data:
    /// up to 5 minutes after the scan).
    NotReady,
    /// 404: the transaction does not exist, was deleted, or lacks what was asked.
    NotFound,
    /// 429: too many requests.
    RateLimited,
    /// 5xx: the provider failed; retry later.
    Server,
    /// Another status.
    UnexpectedStatus,
    /// 200, but the body is not the documented JSON.
    InvalidBody {
        /// Syntax or shape.
        problem: JsonProblem,
        /// 1-based line in the body.
        line: usize,
        /// 1-based column in the body.
        column: usize,
    },
    /// No response (connection, TLS, timeout); raised by transports.
    Transport(String),
    /// The request could not be built (nothing was sent).
    InvalidRequest(RequestError),
    /// Still `PENDING` after every attempt the polling schedule allows.
    StillPending {
        /// Polls made.
        attempts: u32,
    },
}

/// A failed retrieval: kind, HTTP status and when to retry. Its text never
/// holds a secret or a response value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrievalError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The HTTP status, if a response came.
    pub status: Option<u16>,
    /// When to try again.
    pub retry: RetryHint,
}

impl RetrievalError {
    /// A transport failure (no response), retried after 5 seconds.
    pub fn transport(message: impl Into<String>) -> Self {
        RetrievalError {
            kind: ErrorKind::Transport(message.into()),
            status: None,
            retry: RetryHint::After(Duration::from_secs(5)),
        }
    }

    /// Whether trying again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self.retry, RetryHint::After(_))
    }

    /// A stable, machine-readable code of the kind, for bindings.
    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled) => "forbidden_unmasked",
            ErrorKind::Forbidden(ForbiddenCause::CredentialsOrHeaders) => "forbidden",
            ErrorKind::NotReady => "not_ready",
            ErrorKind::NotFound => "not_found",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server_error",
            ErrorKind::UnexpectedStatus => "unexpected_status",
            ErrorKind::InvalidBody { .. } => "invalid_body",
            ErrorKind::Transport(_) => "transport",
            ErrorKind::InvalidRequest(_) => "invalid_request",
            ErrorKind::StillPending { .. } => "still_pending",
        }
    }
}

impl fmt::Display for RetrievalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Unauthorized => f.write_str("credentials refused")?,
            ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled) => {
                f.write_str("forbidden: unmasked retrieval is not enabled for this account")?
            }
            ErrorKind::Forbidden(ForbiddenCause::CredentialsOrHeaders) => f.write_str(
                "forbidden: bad credentials, or missing or suspicious headers or parameters",
            )?,
            ErrorKind::NotReady => f.write_str("not ready yet")?,
            ErrorKind::NotFound => f.write_str("not found, or deleted")?,
            ErrorKind::RateLimited => f.write_str("rate limited")?,
            ErrorKind::Server => f.write_str("provider error")?,
            ErrorKind::UnexpectedStatus => f.write_str("unexpected status")?,
            ErrorKind::InvalidBody {
                problem,
                line,
                column,
            } => write!(
                f,
                "response body: {problem} at line {line}, column {column}"
            )?,
            ErrorKind::Transport(m) => write!(f, "transport: {m}")?,
            ErrorKind::InvalidRequest(e) => write!(f, "invalid request: {e}")?,
            ErrorKind::StillPending { attempts } => {
                write!(f, "still PENDING after {attempts} polls")?
            }
        }
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        if let RetryHint::After(d) = self.retry {
            write!(f, "; retry after {} s", d.as_secs())?;
        }
        Ok(())
    }
}

impl std::error::Error for RetrievalError {}

impl From<RequestError> for RetrievalError {
    fn from(e: RequestError) -> Self {
        RetrievalError {
            kind: ErrorKind::InvalidRequest(e),
            status: None,
            retry: RetryHint::Never,
        }
    }
}

/// Default wait before retrying a 404 that may be "not ready yet".
pub const NOT_READY_RETRY: Duration = Duration::from_secs(30);
/// Default wait after a 429 without `Retry-After`.
pub const RATE_LIMIT_RETRY: Duration = Duration::from_secs(60);
/// Default wait after a 5xx without `Retry-After`.
pub const SERVER_RETRY: Duration = Duration::from_secs(30);

/// Classifies a response to `endpoint`. `since_scan` is how long ago the
/// scan finished, if known: a 404 of an endpoint whose data may take time
/// ([`Endpoint::ready_within`]) is [`ErrorKind::NotReady`] while inside that
/// window or when the age is unknown, and [`ErrorKind::NotFound`] after it.
/// On success, returns the body.
pub fn classify<'a>(
    endpoint: &Endpoint,
    response: &RawResponse<'a>,
    since_scan: Option<Duration>,
) -> Result<&'a [u8], RetrievalError> {
    let status = response.status;
    let retry_after = response
        .retry_after
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let (kind, retry) = match status {
        200..=299 => return Ok(response.body),
        401 => (ErrorKind::Unauthorized, RetryHint::Never),
        403 => {
            let cause = if endpoint.mask_hint() == Some(MaskHint::Unmasked) {
                ForbiddenCause::UnmaskedNotEnabled
            } else {
                ForbiddenCause::CredentialsOrHeaders
            };
            (ErrorKind::Forbidden(cause), RetryHint::Never)
        }
        404 => match endpoint.ready_within() {
            Some(window) if since_scan.is_none_or(|age| age < window) => {
                let left = since_scan.map_or(NOT_READY_RETRY, |age| window - age);
                (
                    ErrorKind::NotReady,
                    RetryHint::After(left.min(NOT_READY_RETRY)),
                )
            }
            _ => (ErrorKind::NotFound, RetryHint::Never),
        },
        429 => (
            ErrorKind::RateLimited,
            RetryHint::After(retry_after.unwrap_or(RATE_LIMIT_RETRY)),
        ),
        500..=599 => (
            ErrorKind::Server,
            RetryHint::After(retry_after.unwrap_or(SERVER_RETRY)),
        ),
        _ => (ErrorKind::UnexpectedStatus, RetryHint::Never),
    };
    Err(RetrievalError {
        kind,
        status: Some(status),
        retry,
    })
}

/// Classifies a response and decodes its JSON body.
pub fn decode<T: DeserializeOwned>(
    endpoint: &Endpoint,
    response: &RawResponse<'_>,
    since_scan: Option<Duration>,
) -> Result<T, RetrievalError> {
    let body = classify(endpoint, response, since_scan)?;
    serde_json::from_slice(body).map_err(|e| RetrievalError {
        kind: ErrorKind::InvalidBody {
            problem: match e.classify() {
                serde_json::error::Category::Data => JsonProblem::Shape,
                _ => JsonProblem::Syntax,
            },
            line: e.line(),
            column: e.column(),
        },
        status: Some(response.status),
        retry: RetryHint::Never,
    })
}

/// An image as returned by an image endpoint.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// `Content-Type`, e.g. `image/jpeg`.
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Image({}, {} bytes)",
            self.content_type,
            self.bytes.len()
        )
    }
}

/// Classifies a response to an image endpoint.
pub fn image(
    endpoint: &Endpoint,
    response: &RawResponse<'_>,
    since_scan: Option<Duration>,
) -> Result<Image, RetrievalError> {
    let body = classify(endpoint, response, since_scan)?;
    Ok(Image {
        content_type: response
            .content_type
            .unwrap_or("application/octet-stream")
            .to_owned(),
        bytes: body.to_vec(),
    })
}
