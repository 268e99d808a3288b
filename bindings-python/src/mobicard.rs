//! MobiCard ScanAPI: the signed scan request, responses with the next
//! action and a local cross-check, and the image pre-check before upload.

use crate::{make_error, repr_str, to_py};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use scankit::card::YearMonth;
use scankit::mobicard::{self, ImageLimits, Mode, ScanRequest, ScanResponse, Secret};

fn scankit_error(py: Python<'_>, message: String, code: &str) -> PyErr {
    make_error(py, "ScanKitError", (message, code))
}

/// Checks an image before upload: a supported format, at least
/// `min_long_side` x `min_short_side` pixels, at most `max_bytes`. `image`
/// is the file's bytes, or a base64 `str` (as method 2 sends it).
#[pyfunction]
#[pyo3(signature = (image, *, min_long_side = 800, min_short_side = 600, max_bytes = 10485760))]
fn precheck_image<'py>(
    py: Python<'py>,
    image: &Bound<'py, PyAny>,
    min_long_side: u32,
    min_short_side: u32,
    max_bytes: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = ImageLimits {
        min_long_side,
        min_short_side,
        max_bytes,
    };
    let check = if let Ok(b) = image.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| mobicard::precheck_image(bytes, &limits))
    } else if let Ok(s) = image.cast::<PyString>() {
        let text = s.to_cow()?;
        py.detach(|| mobicard::precheck_base64(&text, &limits))
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "image: expected bytes, or a base64 str",
        ));
    };
    let out = to_py(py, &check)?;
    out.set_item("ok", check.is_ok())?;
    Ok(out)
}

/// Builds a ScanAPI request: the JSON body to POST to `path` and the signed
/// `auth_jwt` it carries. Method 1 (the provider's scan UI) without `image`,
/// method 2 (base64 upload) with it. `secret_key` signs and is never sent.
#[pyfunction]
#[pyo3(signature = (*, merchant_id, api_key, secret_key, token_id, txn_reference, mode = "TEST", image = None, extra_data = None))]
#[allow(clippy::too_many_arguments)]
fn mobicard_request<'py>(
    py: Python<'py>,
    merchant_id: &str,
    api_key: &str,
    secret_key: &str,
    token_id: &str,
    txn_reference: &str,
    mode: &str,
    image: Option<&[u8]>,
    extra_data: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let mode = match mode.to_ascii_uppercase().as_str() {
        "TEST" => Mode::Test,
        "LIVE" => Mode::Live,
        _ => {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "mode: expected \"TEST\" or \"LIVE\"",
            ))
        }
    };
    let mut request = ScanRequest::method1(
        mode,
        merchant_id,
        Secret::new(api_key),
        Secret::new(secret_key),
        token_id,
        txn_reference,
    );
    if let Some(bytes) = image {
        request = request.with_image(bytes);
    }
    request.extra_data = extra_data;
    let err = |e: mobicard::RequestError| scankit_error(py, e.to_string(), "invalid_request");
    let out = PyDict::new(py);
    out.set_item("path", mobicard::SCAN_PATH)?;
    out.set_item("body", request.body().map_err(err)?)?;
    out.set_item("auth_jwt", request.auth_jwt().map_err(err)?)?;
    Ok(out)
}

/// A parsed ScanAPI response. `repr()` shows status and action only.
#[pyclass(frozen, eq, module = "scankit")]
#[derive(Clone, PartialEq)]
pub struct MobiCardResponse {
    inner: ScanResponse,
}

#[pymethods]
impl MobiCardResponse {
    /// `SUCCESS` or `FAILED` (or what the provider sent).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.status)
    }

    /// `status_code` as sent (`"200"`, `430`, ...).
    #[getter]
    fn status_code<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.status_code)
    }

    /// Whether the scan succeeded (`SUCCESS` and code 200).
    #[getter]
    fn is_success(&self) -> bool {
        self.inner.is_success()
    }

    /// What to do next: `process`, `retry_with_backoff`,
    /// `refresh_token_and_retry`, `top_up`, `fix_request` or `give_up`.
    #[getter]
    fn action<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.action())
    }

    /// Whether sending again (after waiting or with a new token) can help.
    #[getter]
    fn retryable(&self) -> bool {
        self.inner.action().is_retryable()
    }

    /// The response as a dict (the card number in full: see `redacted()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// A copy safe to log: number masked, name reduced, token withheld.
    fn redacted(&self) -> Self {
        MobiCardResponse {
            inner: self.inner.redacted(),
        }
    }

    /// The provider's validation checks recomputed locally (Luhn, brand,
    /// expiry as of `today`, today's local date by default), with each
    /// disagreement.
    #[pyo3(signature = (today = None))]
    fn cross_check<'py>(
        &self,
        py: Python<'py>,
        today: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let today = match today {
            Some(d) => d.clone(),
            None => py
                .import("datetime")?
                .getattr("date")?
                .call_method0("today")?,
        };
        let today = YearMonth {
            year: today.getattr("year")?.extract()?,
            month: today.getattr("month")?.extract()?,
        };
        match &self.inner.card_information {
            Some(card) => to_py(py, &mobicard::cross_check(card, today)),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn __repr__(&self) -> String {
        let action = serde_json::to_value(self.inner.action())
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        format!(
            "MobiCardResponse(status={}, status_code={}, action={})",
            repr_str(self.inner.status.as_str()),
            repr_str(self.inner.status_code.code().as_str()),
            repr_str(&action)
        )
    }
}

/// Parses a ScanAPI response body; raises `ScanKitError`
/// (`invalid_response`) without quoting the body.
#[pyfunction]
fn parse_mobicard_response(py: Python<'_>, body: &[u8]) -> PyResult<MobiCardResponse> {
    ScanResponse::parse(body)
        .map(|inner| MobiCardResponse { inner })
        .map_err(|e| scankit_error(py, e.to_string(), "invalid_response"))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MobiCardResponse>()?;
    m.add_function(wrap_pyfunction!(parse_mobicard_response, m)?)?;
    m.add_function(wrap_pyfunction!(mobicard_request, m)?)?;
    m.add_function(wrap_pyfunction!(precheck_image, m)?)?;
    Ok(())
}
