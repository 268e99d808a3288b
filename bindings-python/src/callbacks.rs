//! Callbacks: `parse_callback`, `parse_document_callback`, `parse_callbacks`,
//! the result classes, `Decision` and `Allowlist`.

use crate::{make_error, repr_opt, repr_str, to_py};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PySequence, PyString};
use scankit::{
    Allowlist as CoreAllowlist, CallbackError, DocumentCallback as CoreDocument,
    NetverifyCallback as CoreNetverify, ParseOptions, SharedAllowlist,
};
use std::borrow::Cow;

/// A body given as `bytes` (borrowed), `bytearray` (copied) or `str`
/// (encoded as UTF-8); `Err` inside when it is refused for its size.
///
/// Sizes are checked before anything is copied or encoded, so a body of
/// any size over the limit costs nothing but the refusal. `bytes` are
/// borrowed, and the core refuses them by their length before decoding.
/// A `str`'s length in code points bounds its UTF-8 length from below, so a
/// string with more code points than the limit is over it; its UTF-8 size
/// was not measured, and the error does not claim one.
fn body_bytes<'a>(
    body: &'a Bound<'_, PyAny>,
    limit: usize,
) -> PyResult<Result<Cow<'a, [u8]>, CallbackError>> {
    let too_large = |size| Ok(Err(CallbackError::BodyTooLarge { size, limit }));
    if let Ok(b) = body.cast::<PyBytes>() {
        return Ok(Ok(Cow::Borrowed(b.as_bytes())));
    }
    if let Ok(b) = body.cast::<PyByteArray>() {
        if b.len() > limit {
            return too_large(Some(b.len()));
        }
        return Ok(Ok(Cow::Owned(b.to_vec())));
    }
    if let Ok(s) = body.cast::<PyString>() {
        if s.len()? > limit {
            return too_large(None);
        }
        return Ok(Ok(Cow::Owned(s.to_cow()?.into_owned().into_bytes())));
    }
    // Any other sequence of byte values: one byte per item, so more items
    // than the limit is too large, found before converting any of them.
    if let Ok(seq) = body.cast::<PySequence>() {
        if seq.len()? > limit {
            return too_large(None);
        }
    }
    if let Ok(v) = body.extract::<Vec<u8>>() {
        return Ok(Ok(Cow::Owned(v)));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "a callback body must be bytes or str",
    ))
}

fn options(max_body_bytes: usize, enforce_max_lengths: bool) -> ParseOptions {
    ParseOptions {
        max_body_bytes,
        enforce_max_lengths,
    }
}

/// `CallbackParseError(message, code, field, reason)`.
pub(crate) fn parse_error(py: Python<'_>, e: &CallbackError) -> PyErr {
    let message = e.to_string();
    let field = e.field().map(str::to_owned);
    let reason = match &field {
        Some(f) => message
            .strip_prefix(f.as_str())
            .and_then(|r| r.strip_prefix(": "))
            .unwrap_or(&message)
            .to_owned(),
        None => message
            .split_once(": ")
            .map_or(message.as_str(), |(_, r)| r)
            .to_owned(),
    };
    make_error(py, "CallbackParseError", (message, e.code(), field, reason))
}

fn json_error(e: serde_json::Error) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(format!("not a callback in scankit's JSON form: {e}"))
}

/// What to do with the user, and the fact it rests on.
#[pyclass(frozen, eq, module = "scankit")]
#[derive(Clone, PartialEq, Eq)]
pub struct Decision {
    /// `approved`, `fraud`, `retry`, `no_id_uploaded` or `unknown`.
    #[pyo3(get)]
    outcome: &'static str,
    /// e.g. `verificationStatus DENIED_FRAUD, rejectReason 100 MANIPULATED_DOCUMENT`.
    #[pyo3(get)]
    reason: String,
}

#[pymethods]
impl Decision {
    #[new]
    fn py_new(outcome: &str, reason: String) -> PyResult<Self> {
        const OUTCOMES: [&str; 5] = ["approved", "fraud", "retry", "no_id_uploaded", "unknown"];
        let outcome = OUTCOMES
            .into_iter()
            .find(|o| *o == outcome)
            .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("unknown outcome"))?;
        Ok(Decision { outcome, reason })
    }

    fn __repr__(&self) -> String {
        format!(
            "Decision(outcome={}, reason={})",
            repr_str(self.outcome),
            repr_str(&self.reason)
        )
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String))> {
        let cls = py.get_type::<Decision>().into_any().unbind();
        Ok((cls, (self.outcome.to_owned(), self.reason.clone())))
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("outcome", self.outcome)?;
        d.set_item("reason", &self.reason)?;
        Ok(d)
    }
}

impl From<scankit::Decision> for Decision {
    fn from(d: scankit::Decision) -> Self {
        Decision {
            outcome: d.outcome.as_str(),
            reason: d.reason,
        }
    }
}

/// Getters that convert each field of the wrapped core value as
/// `json.loads(to_json())` would show it, plus the methods every result has.
macro_rules! result_class {
    ($py:ident, $core:ty, [$($field:ident),* $(,)?], { $($more:tt)* }) => {
        #[pymethods]
        impl $py {
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    to_py(py, &self.inner.$field)
                }
            )*

            /// The callback as `json.loads(self.to_json())` gives it.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.inner)
            }

            /// scankit's JSON form (the fixtures' golden files): wire names, lossless.
            fn to_json(&self) -> String {
                self.inner.to_json()
            }

            /// The form body it was read from (parses back to an equal value).
            fn to_form(&self) -> String {
                self.inner.to_form()
            }

            /// A copy with personal data masked, fit for logs.
            fn redacted(&self) -> Self {
                $py { inner: self.inner.redacted() }
            }

            /// Reads scankit's JSON form back (`to_json`'s output).
            #[staticmethod]
            fn from_json(json: &str) -> PyResult<Self> {
                <$core>::from_json(json).map(|inner| $py { inner }).map_err(json_error)
            }

            fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String,))> {
                let from_json = py.get_type::<$py>().getattr("from_json")?.unbind();
                Ok((from_json, (self.inner.to_json(),)))
            }

            $($more)*
        }
    };
}

/// A parsed Netverify callback. Attributes are the spec's fields in
/// snake_case; `repr()` shows no personal data.
#[pyclass(frozen, eq, module = "scankit")]
#[derive(Clone, PartialEq)]
pub struct NetverifyCallback {
    inner: CoreNetverify,
}

result_class!(
    NetverifyCallback,
    CoreNetverify,
    [
        call_back_type,
        jumio_id_scan_reference,
        verification_status,
        id_scan_status,
        id_scan_source,
        id_check_data_positions,
        id_check_document_validation,
        id_check_hologram,
        id_check_mrz_code,
        id_check_microprint,
        id_check_security_features,
        id_check_signature,
        transaction_date,
        callback_date,
        identity_verification,
        id_type,
        id_subtype,
        id_country,
        reject_reason,
        id_scan_image,
        id_scan_image_face,
        id_scan_image_backside,
        id_number,
        id_first_name,
        id_last_name,
        id_dob,
        id_expiry,
        id_us_state,
        personal_number,
        id_address,
        merchant_id_scan_reference,
        merchant_reporting_criteria,
        customer_id,
        client_ip,
        first_attempt_date,
        optional_data1,
        optional_data2,
        dni,
        curp,
        gender,
        preset_country,
        preset_id_type,
        dl_car_permission,
        dl_categories,
        nationality,
        passport_number,
        duration_of_stay,
        number_of_entries,
        visa_category,
        origin_dob,
        issuing_authority,
        issuing_date,
        issuing_place,
        liveness_images,
        extra,
    ],
    {
        /// What to do with the user.
        fn decision(&self) -> Decision {
            self.inner.decision().into()
        }

        /// Absent fields that NV masking withholds for this country and ID type.
        fn masked_by_provider(&self) -> Vec<&'static str> {
            self.inner.masked_by_provider()
        }

        /// `present`, `masked_by_provider` or `missing` for a wire field name.
        fn field_presence(&self, field: &str) -> &'static str {
            use scankit::nv_masking::FieldPresence;
            match self.inner.field_presence(field) {
                FieldPresence::Present => "present",
                FieldPresence::MaskedByProvider => "masked_by_provider",
                FieldPresence::Missing => "missing",
            }
        }

        /// `US`, `EU` or `RAW`: the layout of `idAddress`, when there is one.
        #[getter]
        fn address_format<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.inner.id_address.as_ref().and_then(|a| a.format()))
        }

        fn __repr__(&self) -> String {
            // The reference and status as the redacted copy has them: withheld
            // unless of their documented shape.
            let shown = self.inner.redacted();
            format!(
            "NetverifyCallback(jumio_id_scan_reference={}, verification_status={}, decision={})",
            repr_str(&shown.jumio_id_scan_reference),
            repr_str(shown.verification_status.as_str()),
            repr_str(self.inner.decision().outcome.as_str()),
        )
        }
    }
);

/// A parsed Document Verification callback.
#[pyclass(frozen, eq, module = "scankit")]
#[derive(Clone, PartialEq)]
pub struct DocumentCallback {
    inner: CoreDocument,
}

result_class!(
    DocumentCallback,
    CoreDocument,
    [scan_reference, timestamp, transaction, document, extra,],
    {
        fn __repr__(&self) -> String {
            // As the redacted copy has them (see NetverifyCallback.__repr__).
            let shown = self.inner.redacted();
            format!(
                "DocumentCallback(scan_reference={}, status={})",
                repr_str(&shown.scan_reference),
                repr_opt(shown.transaction.status.as_ref().map(|s| s.as_str())),
            )
        }
    }
);

/// Parses a Netverify callback body (form-urlencoded, as POSTed).
#[pyfunction]
#[pyo3(signature = (body, *, max_body_bytes = 65536, enforce_max_lengths = true))]
fn parse_callback(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    max_body_bytes: usize,
    enforce_max_lengths: bool,
) -> PyResult<NetverifyCallback> {
    let bytes = body_bytes(body, max_body_bytes)?.map_err(|e| parse_error(py, &e))?;
    CoreNetverify::parse_with(&bytes, &options(max_body_bytes, enforce_max_lengths))
        .map(|inner| NetverifyCallback { inner })
        .map_err(|e| parse_error(py, &e))
}

/// Parses a Document Verification callback body.
#[pyfunction]
#[pyo3(signature = (body, *, max_body_bytes = 65536, enforce_max_lengths = true))]
fn parse_document_callback(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    max_body_bytes: usize,
    enforce_max_lengths: bool,
) -> PyResult<DocumentCallback> {
    let bytes = body_bytes(body, max_body_bytes)?.map_err(|e| parse_error(py, &e))?;
    CoreDocument::parse_with(&bytes, &options(max_body_bytes, enforce_max_lengths))
        .map(|inner| DocumentCallback { inner })
        .map_err(|e| parse_error(py, &e))
}

/// One row of `parse_callbacks`.
struct Row {
    reference: Option<String>,
    status: Option<String>,
    outcome: Option<&'static str>,
    reason: Option<String>,
    error_code: Option<&'static str>,
    error_field: Option<String>,
    json: Option<String>,
}

fn row(body: Result<&[u8], &CallbackError>, opts: &ParseOptions, redact: bool) -> Row {
    let parsed = match body {
        Ok(body) => CoreNetverify::parse_with(body, opts),
        Err(refused) => Err(refused.clone()),
    };
    match parsed {
        Ok(cb) => {
            let d = cb.decision();
            // With `redact`, every column comes from the redacted copy: a
            // reference or status not of its documented shape is withheld too.
            let cb = if redact { cb.redacted() } else { cb };
            let json = cb.to_json();
            Row {
                status: Some(cb.verification_status.as_str().to_owned()),
                reference: Some(cb.jumio_id_scan_reference),
                outcome: Some(d.outcome.as_str()),
                reason: Some(d.reason),
                error_code: None,
                error_field: None,
                json: Some(json),
            }
        }
        Err(e) => Row {
            reference: None,
            status: None,
            outcome: None,
            reason: None,
            error_code: Some(e.code()),
            error_field: e.field().map(str::to_owned),
            json: None,
        },
    }
}

/// Parses many Netverify bodies without the GIL; returns columns (a dict of
/// equal-length lists) that `pandas.DataFrame` / `polars.DataFrame` take as is.
/// A body that does not parse gives `ok=False` and its `error_code`/`error_field`.
#[pyfunction]
#[pyo3(signature = (bodies, *, redact = true, max_body_bytes = 65536, enforce_max_lengths = true))]
fn parse_callbacks<'py>(
    py: Python<'py>,
    bodies: &Bound<'py, PyAny>,
    redact: bool,
    max_body_bytes: usize,
    enforce_max_lengths: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let items: Vec<Bound<'py, PyAny>> = bodies.try_iter()?.collect::<PyResult<_>>()?;
    // A body over the limit becomes its error row here, uncopied.
    let owned: Vec<Result<Cow<'_, [u8]>, CallbackError>> = items
        .iter()
        .map(|b| body_bytes(b, max_body_bytes))
        .collect::<PyResult<_>>()?;
    let slices: Vec<Result<&[u8], &CallbackError>> = owned
        .iter()
        .map(|c| c.as_ref().map(|b| b.as_ref()))
        .collect();
    let opts = options(max_body_bytes, enforce_max_lengths);
    let rows: Vec<Row> = py.detach(|| slices.iter().map(|b| row(*b, &opts, redact)).collect());
    let n = rows.len();
    let mut ok = Vec::with_capacity(n);
    let mut reference = Vec::with_capacity(n);
    let mut status = Vec::with_capacity(n);
    let mut outcome = Vec::with_capacity(n);
    let mut reason = Vec::with_capacity(n);
    let mut error_code = Vec::with_capacity(n);
    let mut error_field = Vec::with_capacity(n);
    let mut json = Vec::with_capacity(n);
    for r in rows {
        ok.push(r.error_code.is_none());
        reference.push(r.reference);
        status.push(r.status);
        outcome.push(r.outcome);
        reason.push(r.reason);
        error_code.push(r.error_code);
        error_field.push(r.error_field);
        json.push(r.json);
    }
    let out = PyDict::new(py);
    out.set_item("ok", PyList::new(py, ok)?)?;
    out.set_item("jumio_id_scan_reference", PyList::new(py, reference)?)?;
    out.set_item("verification_status", PyList::new(py, status)?)?;
    out.set_item("outcome", PyList::new(py, outcome)?)?;
    out.set_item("reason", PyList::new(py, reason)?)?;
    out.set_item("error_code", PyList::new(py, error_code)?)?;
    out.set_item("error_field", PyList::new(py, error_field)?)?;
    out.set_item("json", PyList::new(py, json)?)?;
    Ok(out)
}

/// Source addresses allowed to send callbacks; replaceable while in use.
#[pyclass(frozen, module = "scankit")]
pub struct Allowlist {
    shared: SharedAllowlist,
}

fn build_allowlist(entries: Option<Vec<String>>, loopback: bool) -> PyResult<CoreAllowlist> {
    let list = match entries {
        None => CoreAllowlist::default(),
        Some(e) => CoreAllowlist::from_entries(&e)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
    };
    Ok(if loopback { list.with_loopback() } else { list })
}

#[pymethods]
impl Allowlist {
    /// `entries`: IP addresses and CIDR networks; `None` for the spec's US
    /// and EU callback addresses. `loopback` adds 127.0.0.0/8 and ::1.
    #[new]
    #[pyo3(signature = (entries = None, *, loopback = false))]
    fn py_new(entries: Option<Vec<String>>, loopback: bool) -> PyResult<Self> {
        Ok(Allowlist {
            shared: SharedAllowlist::new(build_allowlist(entries, loopback)?),
        })
    }

    /// Whether `ip` (text) may send callbacks; text that is no IP is not.
    fn is_allowed(&self, ip: &str) -> bool {
        self.shared.current().is_allowed_str(ip)
    }

    /// The networks, as text.
    fn entries(&self) -> Vec<String> {
        self.shared.current().entries()
    }

    /// Replaces the list for every thread at once.
    #[pyo3(signature = (entries = None, *, loopback = false))]
    fn replace(&self, entries: Option<Vec<String>>, loopback: bool) -> PyResult<()> {
        self.shared.replace(build_allowlist(entries, loopback)?);
        Ok(())
    }

    fn __repr__(&self) -> String {
        format!(
            "Allowlist({} networks)",
            self.shared.current().entries().len()
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NetverifyCallback>()?;
    m.add_class::<DocumentCallback>()?;
    m.add_class::<Decision>()?;
    m.add_class::<Allowlist>()?;
    m.add_function(wrap_pyfunction!(parse_callback, m)?)?;
    m.add_function(wrap_pyfunction!(parse_document_callback, m)?)?;
    m.add_function(wrap_pyfunction!(parse_callbacks, m)?)?;
    m.add(
        "US_CALLBACK_IPS",
        scankit::allowlist::US_CALLBACK_IPS.to_vec(),
    )?;
    m.add(
        "EU_CALLBACK_IPS",
        scankit::allowlist::EU_CALLBACK_IPS.to_vec(),
    )?;
    m.add(
        "CALLBACK_HOSTNAMES",
        scankit::allowlist::CALLBACK_HOSTNAMES.to_vec(),
    )?;
    Ok(())
}
