//! The Retrieval APIs sans I/O, for apps that send requests with their own
//! HTTP stack (OkHttp, URLSession, async): build a request, send it, then
//! classify the answer.

use crate::retrieval::{builder, Credentials, Endpoints, MaskHint, RequestError, RetrievalError};
use scankit::retrieval as core;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// One endpoint of the Retrieval APIs.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RetrievalEndpoint {
    /// `GET …/scans/<ref>`.
    ScanStatus,
    /// `GET …/scans/<ref>/data`.
    ScanDetails,
    /// `GET …/scans/<ref>/data/document`.
    ScanDocument,
    /// `GET …/scans/<ref>/data/transaction`.
    ScanTransaction,
    /// `GET …/scans/<ref>/data/verification`.
    ScanVerification,
    /// `GET …/scans/<ref>/images`.
    ScanImages,
    /// `GET …/scans/<ref>/images/<classifier>`.
    ScanImage {
        /// `front`, `back`, `face`, ...
        classifier: String,
    },
    /// `GET …/scans/<ref>/images/liveness/<number>`.
    ScanLivenessImage {
        /// 1-based.
        number: u32,
    },
    /// `GET …/authentications/<ref>`.
    Authentication,
    /// `GET …/authentications/<ref>/images/<classifier>`.
    AuthenticationImage {
        /// `face`, ...
        classifier: String,
    },
    /// `GET …/authentications/<ref>/images/liveness/<number>`.
    AuthenticationLivenessImage {
        /// 1-based.
        number: u32,
    },
    /// `GET …/documents/<ref>`.
    DvStatus,
    /// `GET …/documents/<ref>/data`.
    DvDetails,
    /// `GET …/documents/<ref>/data/document`.
    DvDocument,
    /// `GET …/documents/<ref>/data/transaction`.
    DvTransaction,
    /// `GET …/documents/<ref>/pages`.
    DvPages,
    /// `GET …/documents/<ref>/pages/<page>`.
    DvPage {
        /// 1-based.
        page: u32,
        /// `maskhint`.
        mask: MaskHint,
    },
    /// `GET …/netswipe/v1/scans/<ref>/creditCard`.
    CreditCard {
        /// `maskhint`.
        mask: MaskHint,
    },
    /// `GET …/netswipe/v1/scans/<ref>/creditCard/front`.
    CreditCardFront {
        /// `maskhint`.
        mask: MaskHint,
    },
    /// `DELETE …/scans/<ref>`.
    DeleteScan,
    /// `DELETE …/authentications/<ref>`.
    DeleteAuthentication,
    /// `DELETE …/documents/<ref>`.
    DeleteDocument,
}

impl From<RetrievalEndpoint> for core::Endpoint {
    fn from(e: RetrievalEndpoint) -> Self {
        use core::Endpoint as E;
        let class = |c: &str| core::ImageClassifier::from_wire(c);
        match e {
            RetrievalEndpoint::ScanStatus => E::ScanStatus,
            RetrievalEndpoint::ScanDetails => E::ScanDetails,
            RetrievalEndpoint::ScanDocument => E::ScanDocument,
            RetrievalEndpoint::ScanTransaction => E::ScanTransaction,
            RetrievalEndpoint::ScanVerification => E::ScanVerification,
            RetrievalEndpoint::ScanImages => E::ScanImages,
            RetrievalEndpoint::ScanImage { classifier } => E::ScanImage(class(&classifier)),
            RetrievalEndpoint::ScanLivenessImage { number } => E::ScanLivenessImage(number),
            RetrievalEndpoint::Authentication => E::Authentication,
            RetrievalEndpoint::AuthenticationImage { classifier } => {
                E::AuthenticationImage(class(&classifier))
            }
            RetrievalEndpoint::AuthenticationLivenessImage { number } => {
                E::AuthenticationLivenessImage(number)
            }
            RetrievalEndpoint::DvStatus => E::DvStatus,
            RetrievalEndpoint::DvDetails => E::DvDetails,
            RetrievalEndpoint::DvDocument => E::DvDocument,
            RetrievalEndpoint::DvTransaction => E::DvTransaction,
            RetrievalEndpoint::DvPages => E::DvPages,
            RetrievalEndpoint::DvPage { page, mask } => E::DvPage(page, mask.into()),
            RetrievalEndpoint::CreditCard { mask } => E::CreditCard(mask.into()),
            RetrievalEndpoint::CreditCardFront { mask } => E::CreditCardFront(mask.into()),
            RetrievalEndpoint::DeleteScan => E::DeleteScan,
            RetrievalEndpoint::DeleteAuthentication => E::DeleteAuthentication,
            RetrievalEndpoint::DeleteDocument => E::DeleteDocument,
        }
    }
}

/// A request ready to send. `toString()` / `description` hides the
/// `Authorization` value; `headers()` exposes it, for the transport only.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct HttpRequest(core::Request);

impl std::fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

#[uniffi::export]
impl HttpRequest {
    /// `GET` or `DELETE`.
    pub fn method(&self) -> String {
        self.0.method.as_str().to_owned()
    }

    /// The full URL.
    pub fn url(&self) -> String {
        self.0.url.clone()
    }

    /// Every header to send (`Accept`, `User-Agent`, `Authorization`).
    pub fn headers(&self) -> HashMap<String, String> {
        self.0
            .headers()
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }
}

/// Builds Retrieval API requests and classifies their answers, without I/O.
#[derive(Debug, uniffi::Object)]
pub struct RetrievalRequests(core::RequestBuilder);

#[uniffi::export]
impl RetrievalRequests {
    /// Requests with these credentials, `User-Agent` and base URLs.
    #[uniffi::constructor]
    pub fn new(
        credentials: Arc<Credentials>,
        user_agent: String,
        endpoints: Endpoints,
    ) -> Result<Arc<Self>, RequestError> {
        Ok(Arc::new(RetrievalRequests(builder(
            &credentials,
            user_agent,
            endpoints,
        )?)))
    }

    /// The request for `endpoint` and a scan `reference`.
    pub fn build(
        &self,
        endpoint: RetrievalEndpoint,
        reference: String,
    ) -> Result<Arc<HttpRequest>, RequestError> {
        Ok(Arc::new(HttpRequest(
            self.0.build(endpoint.into(), &reference)?,
        )))
    }
}

/// Classifies an answer to `endpoint`: the body on success, else the
/// error (retryable or not, with when to retry). `sinceScanMs`: how long
/// ago the scan finished, if known (404 while data may still come is
/// `not_ready`).
#[uniffi::export]
pub fn classify_retrieval_response(
    endpoint: RetrievalEndpoint,
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
    since_scan_ms: Option<u64>,
) -> Result<Vec<u8>, RetrievalError> {
    let raw = core::RawResponse {
        status,
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
        body: &body,
    };
    let since = since_scan_ms.map(Duration::from_millis);
    Ok(core::classify(&endpoint.into(), &raw, since)?.to_vec())
}

/// A JSON model of the Retrieval APIs, as `decodeRetrievalResponse` names it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RetrievalModel {
    /// The core's snake_case name (`scan_details`); the camelCase spelling
    /// (`scanDetails`) is accepted too.
    pub name: String,
    /// Whether `redact = true` is allowed (the model carries personal data
    /// or card numbers).
    pub redactable: bool,
}

/// Every model `decodeRetrievalResponse` reads, in the core's order.
#[uniffi::export]
pub fn retrieval_models() -> Vec<RetrievalModel> {
    core::JsonModel::ALL
        .into_iter()
        .map(|m| RetrievalModel {
            name: m.name().to_owned(),
            redactable: m.redactable(),
        })
        .collect()
}

/// A bad argument of `decodeRetrievalResponse`, as the core reports any
/// request that cannot be made: fatal, `invalid_request`, no HTTP status.
fn invalid_argument(reason: String) -> RetrievalError {
    RetrievalError::Fatal {
        code: "invalid_request".to_owned(),
        http_status: None,
        reason,
    }
}

/// Classifies an answer to the JSON endpoint `model` (`scan_details` or
/// `scanDetails`, see `retrievalModels()`) and decodes its body into the
/// typed model, returned as compact JSON with the wire's names (lossless,
/// as `Retrieved.toJson()`). With `redact`, personal data and card numbers
/// are masked, so the text is safe to log. Errors are those of
/// `classifyRetrievalResponse`, plus `invalid_body` for a body that is not
/// the model and `invalid_request` for an unknown `model` or `redact` of a
/// model without a redacted form.
#[uniffi::export(default(since_scan_ms = None, redact = false))]
pub fn decode_retrieval_response(
    model: String,
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
    since_scan_ms: Option<u64>,
    redact: bool,
) -> Result<String, RetrievalError> {
    let Some(m) = core::JsonModel::from_name(&model) else {
        let names: Vec<&str> = core::JsonModel::ALL
            .into_iter()
            .map(core::JsonModel::name)
            .collect();
        return Err(invalid_argument(format!(
            "model: expected one of {}",
            names.join(", ")
        )));
    };
    let raw = core::RawResponse {
        status,
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
        body: &body,
    };
    let since = since_scan_ms.map(Duration::from_millis);
    let endpoint = m.endpoint();
    if !redact {
        return Ok(m.decode_json(&endpoint, &raw, since)?);
    }
    m.decode_json_redacted(&endpoint, &raw, since)?
        .ok_or_else(|| invalid_argument(format!("redact: {} has no redacted form", m.name())))
}
