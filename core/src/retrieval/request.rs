//! Requests, sans I/O: method, URL and headers for every retrieval and
//! delete endpoint, with Basic auth and a validated `User-Agent`.

use super::codes::ImageClassifier;
use super::region::{BaseUrls, Service};
use std::fmt;

/// Why a request could not be built. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The API token is empty, holds a `:` (not allowed in a Basic auth
    /// user-id, RFC 7617) or a control character.
    #[error("API token: must be non-empty, without ':' or control characters")]
    Token,
    /// The API secret is empty or holds a control character.
    #[error("API secret: must be non-empty, without control characters")]
    Secret,
    /// The `User-Agent` is not of the form `CompanyName AppName/1.0.0`.
    #[error("User-Agent: expected `CompanyName AppName/1.0.0` in printable ASCII, at most 200 characters")]
    UserAgent,
    /// A reference or path value is empty, longer than 36 characters, or not
    /// made of letters, digits, `-` and `_` only.
    #[error("{field}: expected 1 to 36 letters, digits, '-' or '_'")]
    PathValue {
        /// The path parameter.
        field: &'static str,
    },
    /// A base URL is not `http(s)://host[:port][/prefix]`.
    #[error(
        "base URL: expected http(s)://host[:port][/prefix] without credentials, query or fragment"
    )]
    BaseUrl,
}

/// The API secret: never shown by `Debug`, never in an error.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiSecret(String);

impl ApiSecret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Result<Self, RequestError> {
        let secret = secret.into();
        if secret.is_empty() || secret.chars().any(char::is_control) {
            return Err(RequestError::Secret);
        }
        Ok(ApiSecret(secret))
    }

    /// The secret itself, for a transport that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiSecret([redacted])")
    }
}

/// API token and secret, for HTTP Basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    token: String,
    secret: ApiSecret,
}

impl Credentials {
    /// Checks and wraps a token and secret.
    pub fn new(token: impl Into<String>, secret: impl Into<String>) -> Result<Self, RequestError> {
        let token = token.into();
        if token.is_empty() || token.contains(':') || token.chars().any(char::is_control) {
            return Err(RequestError::Token);
        }
        Ok(Credentials {
            token,
            secret: ApiSecret::new(secret)?,
        })
    }

    /// The API token (the Basic auth user-id).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The API secret.
    pub fn secret(&self) -> &ApiSecret {
        &self.secret
    }

    /// The `Authorization` header value: `Basic base64(token:secret)`.
    pub fn authorization(&self) -> HeaderSecret {
        let plain = format!("{}:{}", self.token, self.secret.0);
        HeaderSecret(format!("Basic {}", base64(plain.as_bytes())))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.token.chars().take(4).collect();
        write!(
            f,
            "Credentials {{ token: \"{shown}…\", secret: [redacted] }}"
        )
    }
}

/// A header value holding a secret (`Authorization`): hidden from `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct HeaderSecret(String);

impl HeaderSecret {
    /// The value to send.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for HeaderSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A `User-Agent` of the form the spec requires, `CompanyName AppName/1.0.0`:
/// a company name (one or more words), then a product token, `/`, and a
/// version starting with a digit (or `v` and a digit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAgent(String);

impl UserAgent {
    /// Checks a `User-Agent`, e.g. `Example Corp SampleApp/1.0.1`.
    pub fn new(value: impl Into<String>) -> Result<Self, RequestError> {
        let value = value.into();
        let printable = value.len() <= 200 && value.bytes().all(|b| (0x20..0x7f).contains(&b));
        let Some((company, product)) = value.rsplit_once(' ') else {
            return Err(RequestError::UserAgent);
        };
        let Some((name, version)) = product.split_once('/') else {
            return Err(RequestError::UserAgent);
        };
        let token = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        };
        let digits = version.strip_prefix(['v', 'V']).unwrap_or(version);
        let ok = printable
            && !company.trim().is_empty()
            && company == company.trim_start()
            && !company.ends_with(' ')
            && token(name)
            && token(version)
            && digits.starts_with(|c: char| c.is_ascii_digit());
        if ok {
            Ok(UserAgent(value))
        } else {
            Err(RequestError::UserAgent)
        }
    }

    /// The header value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `maskhint` for credit card data and images (the spec's table spells it
/// `maskint`; `maskhint` is what the endpoints read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MaskHint {
    /// `masked` (the default): no query parameter is sent.
    #[default]
    Masked,
    /// `unmasked`: refused with 403 unless enabled for the account.
    Unmasked,
}

/// HTTP method of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: every retrieval.
    Get,
    /// `DELETE`: the Delete API.
    Delete,
}

impl Method {
    /// `GET` or `DELETE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Delete => "DELETE",
        }
    }
}

/// Every endpoint of the three Retrieval APIs and the Delete API. The
/// transaction reference is passed to [`RequestBuilder::build`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// `GET …/scans/<ref>`: the status.
    ScanStatus,
    /// `GET …/scans/<ref>/data`: document, transaction, verification, facemap.
    ScanDetails,
    /// `GET …/scans/<ref>/data/document`.
    ScanDocument,
    /// `GET …/scans/<ref>/data/transaction`.
    ScanTransaction,
    /// `GET …/scans/<ref>/data/verification`.
    ScanVerification,
    /// `GET …/scans/<ref>/images`: the list.
    ScanImages,
    /// `GET …/scans/<ref>/images/<classifier>`: one image (JPEG or PNG).
    ScanImage(ImageClassifier),
    /// `GET …/scans/<ref>/images/liveness/<n>`.
    ScanLivenessImage(u32),
    /// `GET …/authentications/<ref>`.
    Authentication,
    /// `GET …/authentications/<ref>/images/<classifier>` (`face`).
    AuthenticationImage(ImageClassifier),
    /// `GET …/authentications/<ref>/images/liveness/<n>`.
    AuthenticationLivenessImage(u32),
    /// `GET …/documents/<ref>`: Document Verification status.
    DvStatus,
    /// `GET …/documents/<ref>/data`.
    DvDetails,
    /// `GET …/documents/<ref>/data/document`.
    DvDocument,
    /// `GET …/documents/<ref>/data/transaction`.
    DvTransaction,
    /// `GET …/documents/<ref>/pages`: the list.
    DvPages,
    /// `GET …/documents/<ref>/pages/<page>[?maskhint=unmasked]`.
    DvPage(u32, MaskHint),
    /// `GET …/netswipe/v1/scans/<ref>/creditCard[?maskhint=unmasked]`.
    CreditCard(MaskHint),
    /// `GET …/netswipe/v1/scans/<ref>/images/front[?maskhint=unmasked]`.
    CreditCardFront(MaskHint),
    /// `DELETE …/scans/<ref>`.
    DeleteScan,
    /// `DELETE …/authentications/<ref>`.
    DeleteAuthentication,
    /// `DELETE …/documents/<ref>`.
    DeleteDocument,
}

/// What a successful response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// JSON.
    Json,
    /// An image (JPEG or PNG).
    Image,
    /// Nothing the caller needs (Delete API).
    Empty,
}

impl Endpoint {
    /// The service, and so the host, of the endpoint.
    pub fn service(&self) -> Service {
        use Endpoint::*;
        match self {
            DvStatus | DvDetails | DvDocument | DvTransaction | DvPages | DvPage(..)
            | DeleteDocument => Service::DocumentVerification,
            CreditCard(_) | CreditCardFront(_) => Service::CreditCard,
            _ => Service::IdVerification,
        }
    }

    /// `GET`, or `DELETE` for the Delete API.
    pub fn method(&self) -> Method {
        match self {
            Endpoint::DeleteScan | Endpoint::DeleteAuthentication | Endpoint::DeleteDocument => {
                Method::Delete
            }
            _ => Method::Get,
        }
    }

    /// What a successful response carries.
    pub fn body(&self) -> Body {
        use Endpoint::*;
        match self {
            ScanImage(_)
            | ScanLivenessImage(_)
            | AuthenticationImage(_)
            | AuthenticationLivenessImage(_)
            | DvPage(..)
            | CreditCardFront(_) => Body::Image,
            DeleteScan | DeleteAuthentication | DeleteDocument => Body::Empty,
            _ => Body::Json,
        }
    }

    /// The mask hint asked for, if the endpoint takes one.
    pub fn mask_hint(&self) -> Option<MaskHint> {
        match self {
            Endpoint::DvPage(_, m) | Endpoint::CreditCard(m) | Endpoint::CreditCardFront(m) => {
                Some(*m)
            }
            _ => None,
        }
    }

    /// How long after a scan a 404 may still mean "not ready yet": the
    /// Credit Card spec says its data and image can take up to 5 minutes.
    pub fn ready_within(&self) -> Option<std::time::Duration> {
        match self {
            Endpoint::CreditCard(_) | Endpoint::CreditCardFront(_) => {
                Some(std::time::Duration::from_secs(300))
            }
            _ => None,
        }
    }

    /// Path and query after the base URL, for an already checked reference.
    fn path(&self, reference: &str) -> Result<String, RequestError> {
        use Endpoint::*;
        let scans = format!("/api/netverify/v2/scans/{reference}");
        let auths = format!("/api/netverify/v2/authentications/{reference}");
        let docs = format!("/api/netverify/v2/documents/{reference}");
        let cards = format!("/api/netswipe/v1/scans/{reference}");
        let query = match self.mask_hint() {
            Some(MaskHint::Unmasked) => "?maskhint=unmasked",
            _ => "",
        };
        Ok(match self {
            ScanStatus | DeleteScan => scans,
            ScanDetails => format!("{scans}/data"),
            ScanDocument => format!("{scans}/data/document"),
            ScanTransaction => format!("{scans}/data/transaction"),
            ScanVerification => format!("{scans}/data/verification"),
            ScanImages => format!("{scans}/images"),
            ScanImage(c) => format!("{scans}/images/{}", path_value("classifier", c.as_str())?),
            ScanLivenessImage(n) => format!("{scans}/images/liveness/{n}"),
            Authentication | DeleteAuthentication => auths,
            AuthenticationImage(c) => {
                format!("{auths}/images/{}", path_value("classifier", c.as_str())?)
            }
            AuthenticationLivenessImage(n) => format!("{auths}/images/liveness/{n}"),
            DvStatus | DeleteDocument => docs,
            DvDetails => format!("{docs}/data"),
            DvDocument => format!("{docs}/data/document"),
            DvTransaction => format!("{docs}/data/transaction"),
            DvPages => format!("{docs}/pages"),
            DvPage(n, _) => format!("{docs}/pages/{n}{query}"),
            CreditCard(_) => format!("{cards}/creditCard{query}"),
            CreditCardFront(_) => format!("{cards}/images/front{query}"),
        })
    }
}

/// Checks a path parameter: 1–36 of `[A-Za-z0-9_-]`, so it cannot change the path.
fn path_value<'a>(field: &'static str, value: &'a str) -> Result<&'a str, RequestError> {
    let ok = (1..=36).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then_some(value).ok_or(RequestError::PathValue { field })
}

/// A request ready to send. `Debug` hides the `Authorization` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The endpoint it was built for (classification needs it).
    pub endpoint: Endpoint,
    /// `GET` or `DELETE`.
    pub method: Method,
    /// The full URL.
    pub url: String,
    /// `Accept`.
    pub accept: &'static str,
    /// `User-Agent`.
    pub user_agent: String,
    /// `Authorization`: `Basic …`.
    pub authorization: HeaderSecret,
}

impl Request {
    /// All headers as (name, value) pairs, the secret exposed: for the transport only.
    pub fn headers(&self) -> [(&'static str, &str); 3] {
        [
            ("Accept", self.accept),
            ("User-Agent", &self.user_agent),
            ("Authorization", self.authorization.expose()),
        ]
    }
}

/// Builds requests from credentials, a `User-Agent` and base URLs.
#[derive(Debug, Clone)]
pub struct RequestBuilder {
    credentials: Credentials,
    user_agent: UserAgent,
    base: BaseUrls,
}

impl RequestBuilder {
    /// A builder for the given account and base URLs.
    pub fn new(credentials: Credentials, user_agent: UserAgent, base: BaseUrls) -> Self {
        RequestBuilder {
            credentials,
            user_agent,
            base,
        }
    }

    /// The base URLs in use.
    pub fn base_urls(&self) -> &BaseUrls {
        &self.base
    }

    /// The request for an endpoint and a transaction (scan) reference.
    pub fn build(&self, endpoint: Endpoint, reference: &str) -> Result<Request, RequestError> {
        let reference = path_value("scanReference", reference)?;
        let url = format!(
            "{}{}",
            self.base.get(endpoint.service()),
            endpoint.path(reference)?
        );
        Ok(self.request(endpoint, url))
    }

    /// A `GET` of a URL the API returned (`href`, `originalDocument`,
    /// `facemap.href`), as `endpoint` would be classified; `None` unless
    /// the URL is under one of the base URLs, so credentials never go to
    /// another host.
    pub fn follow(&self, endpoint: Endpoint, url: &str) -> Option<Request> {
        let services = [
            Service::IdVerification,
            Service::DocumentVerification,
            Service::CreditCard,
        ];
        let trusted = services.iter().any(|s| {
            let base = self.base.get(*s);
            url.strip_prefix(base)
                .is_some_and(|rest| rest.starts_with('/'))
        });
        let clean = url.bytes().all(|b| b.is_ascii_graphic()) && !url.contains('#');
        (trusted && clean).then(|| self.request(endpoint, url.to_owned()))
    }

    fn request(&self, endpoint: Endpoint, url: String) -> Request {
        let accept = match endpoint.body() {
            Body::Image => "image/jpeg, image/png",
            Body::Json | Body::Empty => "application/json",
        };
        Request {
            method: endpoint.method(),
            endpoint,
            url,
            accept,
            user_agent: self.user_agent.as_str().to_owned(),
            authorization: self.credentials.authorization(),
        }
    }
}

/// Standard base64 with padding (RFC 4648), for Basic auth.
pub(crate) fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
