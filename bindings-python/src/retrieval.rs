//! `RetrievalClient`: the blocking client of `scankit::client`, with the GIL
//! released during every request and while `wait_for_scan` sleeps.

use crate::{json_to_py, make_error, repr_str, to_py};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use scankit::client::{RetrievalClient as CoreClient, WaitOptions};
use scankit::retrieval::{
    BaseUrls, Credentials, Image, ImageClassifier, JsonModel, MaskHint, PollSchedule, RawResponse,
    Region, RequestBuilder, RetrievalError, RetryHint, UserAgent,
};
use std::time::Duration;

fn retrieval_error(py: Python<'_>, e: &RetrievalError) -> PyErr {
    let retry_after = match e.retry {
        RetryHint::After(d) => Some(d.as_secs_f64()),
        RetryHint::Never => None,
    };
    make_error(
        py,
        "RetrievalError",
        (
            e.to_string(),
            e.code(),
            e.status,
            e.is_retryable(),
            retry_after,
        ),
    )
}

fn seconds(py: Python<'_>, name: &str, value: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        make_error(
            py,
            "RetrievalError",
            (
                format!("{name}: expected a non-negative number of seconds"),
                "invalid_request",
                None::<u16>,
                false,
                None::<f64>,
            ),
        )
    })
}

fn mask(unmasked: bool) -> MaskHint {
    if unmasked {
        MaskHint::Unmasked
    } else {
        MaskHint::Masked
    }
}

/// An image or page the API returned.
#[pyclass(frozen, module = "scankit")]
pub struct RetrievedImage {
    /// e.g. `image/jpeg`.
    #[pyo3(get)]
    content_type: String,
    data: Py<PyBytes>,
}

#[pymethods]
impl RetrievedImage {
    /// The image bytes.
    #[getter]
    fn data(&self, py: Python<'_>) -> Py<PyBytes> {
        self.data.clone_ref(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "RetrievedImage(content_type={}, {} bytes)",
            repr_str(&self.content_type),
            self.data.bind(py).as_bytes().len()
        )
    }
}

fn image(py: Python<'_>, r: Result<Image, RetrievalError>) -> PyResult<RetrievedImage> {
    let img = r.map_err(|e| retrieval_error(py, &e))?;
    Ok(RetrievedImage {
        content_type: img.content_type,
        data: PyBytes::new(py, &img.bytes).unbind(),
    })
}

fn json<T: serde::Serialize>(py: Python<'_>, r: Result<T, RetrievalError>) -> PyResult<Py<PyAny>> {
    let v = r.map_err(|e| retrieval_error(py, &e))?;
    Ok(to_py(py, &v)?.unbind())
}

fn classifier(value: &str) -> ImageClassifier {
    ImageClassifier::from_wire(value)
}

/// A blocking Retrieval API client. Thread-safe; share one per process.
#[pyclass(frozen, module = "scankit")]
pub struct RetrievalClient {
    inner: CoreClient,
    base: String,
}

macro_rules! json_endpoints {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        #[pymethods]
        impl RetrievalClient {
            $(
                $(#[$doc])*
                fn $name(&self, py: Python<'_>, reference: &str) -> PyResult<Py<PyAny>> {
                    let r = py.detach(|| self.inner.$name(reference));
                    json(py, r)
                }
            )*

            /// `region`: `"us"`, `"eu"` or `"sgp"`; `base_url` (e.g. a
            /// `scankit-sandbox` URL) replaces the region's hosts for every service.
            #[new]
            #[pyo3(signature = (*, token, secret, user_agent, region = "us", base_url = None, timeout = 30.0))]
            fn py_new(
                py: Python<'_>,
                token: &str,
                secret: &str,
                user_agent: &str,
                region: &str,
                base_url: Option<&str>,
                timeout: f64,
            ) -> PyResult<Self> {
                let err = |e: scankit::retrieval::RequestError| retrieval_error(py, &e.into());
                let region = match region.to_ascii_lowercase().as_str() {
                    "us" => Region::Us,
                    "eu" => Region::Eu,
                    "sgp" => Region::Sgp,
                    _ => {
                        return Err(pyo3::exceptions::PyValueError::new_err(
                            "region: expected \"us\", \"eu\" or \"sgp\"",
                        ))
                    }
                };
                let base = match base_url {
                    Some(url) => BaseUrls::single(url).map_err(err)?,
                    None => BaseUrls::region(region),
                };
                let requests = RequestBuilder::new(
                    Credentials::new(token, secret).map_err(err)?,
                    UserAgent::new(user_agent).map_err(err)?,
                    base,
                );
                let timeout = seconds(py, "timeout", timeout)?;
                Ok(RetrievalClient {
                    base: base_url.map_or_else(|| format!("{region:?}").to_lowercase(), str::to_owned),
                    inner: CoreClient::with_timeout(requests, timeout),
                })
            }

            /// Credit card data (masked unless `unmasked`); `since_scan`:
            /// seconds since the scan finished, to tell "not ready" from "not found".
            #[pyo3(signature = (reference, *, unmasked = false, since_scan = None))]
            fn credit_card(
                &self,
                py: Python<'_>,
                reference: &str,
                unmasked: bool,
                since_scan: Option<f64>,
            ) -> PyResult<Py<PyAny>> {
                let since = since_scan.map(|s| seconds(py, "since_scan", s)).transpose()?;
                let r = py.detach(|| self.inner.credit_card(reference, mask(unmasked), since));
                json(py, r)
            }

            /// The front image of a credit card scan.
            #[pyo3(signature = (reference, *, unmasked = false, since_scan = None))]
            fn credit_card_front(
                &self,
                py: Python<'_>,
                reference: &str,
                unmasked: bool,
                since_scan: Option<f64>,
            ) -> PyResult<RetrievedImage> {
                let since = since_scan.map(|s| seconds(py, "since_scan", s)).transpose()?;
                let r = py.detach(|| self.inner.credit_card_front(reference, mask(unmasked), since));
                image(py, r)
            }

            /// One image of a scan: `front`, `face` or `back`.
            fn scan_image(&self, py: Python<'_>, reference: &str, classifier: &str) -> PyResult<RetrievedImage> {
                let c = self::classifier(classifier);
                let r = py.detach(|| self.inner.scan_image(reference, c));
                image(py, r)
            }

            /// Liveness image `number` of a scan.
            fn scan_liveness_image(&self, py: Python<'_>, reference: &str, number: u32) -> PyResult<RetrievedImage> {
                let r = py.detach(|| self.inner.scan_liveness_image(reference, number));
                image(py, r)
            }

            /// An image of an authentication (`face`).
            fn authentication_image(&self, py: Python<'_>, reference: &str, classifier: &str) -> PyResult<RetrievedImage> {
                let c = self::classifier(classifier);
                let r = py.detach(|| self.inner.authentication_image(reference, c));
                image(py, r)
            }

            /// Liveness image `number` of an authentication.
            fn authentication_liveness_image(&self, py: Python<'_>, reference: &str, number: u32) -> PyResult<RetrievedImage> {
                let r = py.detach(|| self.inner.authentication_liveness_image(reference, number));
                image(py, r)
            }

            /// Page `page` of a Document Verification transaction.
            #[pyo3(signature = (reference, page, *, unmasked = false))]
            fn dv_page(&self, py: Python<'_>, reference: &str, page: u32, unmasked: bool) -> PyResult<RetrievedImage> {
                let r = py.detach(|| self.inner.dv_page(reference, page, mask(unmasked)));
                image(py, r)
            }

            /// Downloads a URL the API returned (`href`, `facemap.href`), only under the base URL.
            fn download(&self, py: Python<'_>, url: &str) -> PyResult<RetrievedImage> {
                let r = py.detach(|| self.inner.download(url));
                image(py, r)
            }

            /// `DELETE` a scan; returns the HTTP status.
            fn delete_scan(&self, py: Python<'_>, reference: &str) -> PyResult<u16> {
                py.detach(|| self.inner.delete_scan(reference)).map_err(|e| retrieval_error(py, &e))
            }

            /// `DELETE` an authentication; returns the HTTP status.
            fn delete_authentication(&self, py: Python<'_>, reference: &str) -> PyResult<u16> {
                py.detach(|| self.inner.delete_authentication(reference)).map_err(|e| retrieval_error(py, &e))
            }

            /// `DELETE` a Document Verification transaction; returns the HTTP status.
            fn delete_document(&self, py: Python<'_>, reference: &str) -> PyResult<u16> {
                py.detach(|| self.inner.delete_document(reference)).map_err(|e| retrieval_error(py, &e))
            }

            /// Polls the status on the spec's schedule (or `schedule`, offsets in
            /// seconds from acquisition) until it is no longer `PENDING`; the
            /// GIL is released while it waits. `since_acquisition`: seconds
            /// since the images were acquired.
            #[pyo3(signature = (reference, *, since_acquisition = 0.0, schedule = None, daily_attempts = 0))]
            fn wait_for_scan(
                &self,
                py: Python<'_>,
                reference: &str,
                since_acquisition: f64,
                schedule: Option<Vec<f64>>,
                daily_attempts: u32,
            ) -> PyResult<Py<PyAny>> {
                let schedule = match schedule {
                    Some(offsets) => PollSchedule::custom(
                        offsets
                            .into_iter()
                            .map(|s| seconds(py, "schedule", s))
                            .collect::<PyResult<Vec<_>>>()?,
                    ),
                    None => PollSchedule::recommended(),
                };
                let options = WaitOptions {
                    since_acquisition: seconds(py, "since_acquisition", since_acquisition)?,
                    schedule,
                    daily_attempts,
                };
                let r = py.detach(|| self.inner.wait_for_scan(reference, options));
                json(py, r)
            }

            fn __repr__(&self) -> String {
                format!("RetrievalClient(base={})", repr_str(&self.base))
            }
        }
    };
}

json_endpoints! {
    /// ID Verification status: `{"status": "PENDING" | "DONE" | "FAILED", ...}`.
    scan_status;
    /// ID Verification details (`/data`).
    scan_details;
    /// ID Verification document (`/data/document`).
    scan_document;
    /// ID Verification transaction (`/data/transaction`).
    scan_transaction;
    /// ID Verification verification (`/data/verification`).
    scan_verification;
    /// The list of a scan's images.
    scan_images;
    /// Authentication details.
    authentication;
    /// Document Verification status.
    dv_status;
    /// Document Verification details.
    dv_details;
    /// Document Verification document.
    dv_document;
    /// Document Verification transaction.
    dv_transaction;
    /// The list of a Document Verification transaction's pages.
    dv_pages;
}

/// Sans-I/O: classifies a response your own HTTP client received from the
/// endpoint `kind` (a `RetrievalClient` method name, e.g. `"scan_details"`)
/// and decodes its JSON body, or raises `RetrievalError` as the client would.
#[pyfunction]
#[pyo3(signature = (kind, body, *, status = 200, content_type = Some("application/json"), retry_after = None, since_scan = None, redact = false))]
#[pyo3(
    text_signature = "(kind, body, *, status=200, content_type='application/json', retry_after=None, since_scan=None, redact=False)"
)]
#[allow(clippy::too_many_arguments)]
fn decode_response(
    py: Python<'_>,
    kind: &str,
    body: &[u8],
    status: u16,
    content_type: Option<&str>,
    retry_after: Option<&str>,
    since_scan: Option<f64>,
    redact: bool,
) -> PyResult<Py<PyAny>> {
    let since = since_scan
        .map(|s| seconds(py, "since_scan", s))
        .transpose()?;
    // Python names are the snake_case ones only (the client's method names),
    // although the core also reads camelCase.
    let model = JsonModel::from_name(kind)
        .filter(|m| m.name() == kind)
        .ok_or_else(|| {
            PyValueError::new_err(format!("kind: expected one of {}", kinds().join(", ")))
        })?;
    let raw = RawResponse {
        status,
        content_type,
        retry_after,
        body,
    };
    let endpoint = model.endpoint();
    let text = if redact {
        model
            .decode_json_redacted(&endpoint, &raw, since)
            .map(Option::unwrap_or_default)
    } else {
        model.decode_json(&endpoint, &raw, since)
    }
    .map_err(|e| retrieval_error(py, &e))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(json_to_py(py, &value)?.unbind())
}

/// The `kind`s `decode_response` reads, in the core's order.
fn kinds() -> Vec<&'static str> {
    JsonModel::ALL.into_iter().map(JsonModel::name).collect()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(decode_response, m)?)?;
    m.add(
        "RESPONSE_KINDS",
        pyo3::types::PyTuple::new(m.py(), kinds())?,
    )?;
    m.add_class::<RetrievalClient>()?;
    m.add_class::<RetrievedImage>()?;
    Ok(())
}
