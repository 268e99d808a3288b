//! Cards: validation, expiry, CVV, names, formatting, masking, finding card
//! numbers in text, `Pan`, and the batch functions.

use crate::{make_error, repr_bool, repr_num, repr_opt, repr_str};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use scankit::card::{self, Brand, MaskStyle, Masker, NumberOptions, PanError, YearMonth};
use std::borrow::Cow;

fn card_error(py: Python<'_>, message: String, code: &str) -> PyErr {
    make_error(py, "CardError", (message, code))
}

fn masker(py: Python<'_>, style: &str, mask_char: Option<char>) -> PyResult<Masker> {
    let Some(style) = MaskStyle::from_name(style) else {
        let names: Vec<&str> = MaskStyle::ALL.iter().map(|s| s.as_str()).collect();
        return Err(card_error(
            py,
            format!("mask style: expected one of {}", names.join(", ")),
            "unknown_style",
        ));
    };
    match mask_char {
        Some(c) => Masker::try_new(style, c)
            .map_err(|e| card_error(py, e.to_string(), "invalid_mask_char")),
        None => Ok(Masker::from(style)),
    }
}

/// A list of `str` as UTF-8 text (borrowed where the Python build allows).
fn texts<'a>(items: &'a [Bound<'_, PyAny>]) -> PyResult<Vec<Cow<'a, str>>> {
    items
        .iter()
        .map(|i| i.cast::<PyString>()?.to_cow())
        .collect()
}

fn items<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if let Ok(list) = seq.cast::<PyList>() {
        return Ok(list.iter().collect());
    }
    seq.try_iter()?.collect()
}

/// `f` of each `str` of `seq`, computed without the GIL.
///
/// Fast path: the strings are joined with `\n` by `str.join` (one C loop) and
/// encoded once, then split here; that saves a UTF-8 copy per item on
/// abi3 before 3.10. When an item holds a `\n` the split cannot line up and
/// the items are read one by one.
fn map_texts<'py, R: Send>(
    py: Python<'py>,
    seq: &Bound<'py, PyAny>,
    f: impl Fn(&str) -> R + Sync,
) -> PyResult<Vec<R>> {
    let list = match seq.cast::<PyList>() {
        Ok(l) => l.clone(),
        Err(_) => PyList::new(py, seq.try_iter()?.collect::<PyResult<Vec<_>>>()?)?,
    };
    let n = list.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    if let Ok(joined) = PyString::new(py, "\n").call_method1("join", (&list,)) {
        let joined = joined.cast::<PyString>()?.to_cow()?;
        let out: Vec<R> = py.detach(|| joined.split('\n').map(&f).collect());
        if out.len() == n {
            return Ok(out);
        }
    }
    let items: Vec<Bound<'py, PyAny>> = list.iter().collect();
    let texts = texts(&items)?;
    Ok(py.detach(|| texts.iter().map(|t| f(t)).collect()))
}

fn number_options(
    max_length: Option<usize>,
    skip_luhn: bool,
    luhn_validate_unionpay: bool,
) -> NumberOptions {
    NumberOptions {
        max_length,
        skip_luhn,
        luhn_validate_unionpay,
    }
}

/// The verdict on a (possibly partial) card number.
#[pyclass(frozen, eq, module = "scankit", get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumberValidation {
    brand: Option<&'static str>,
    candidates: Vec<&'static str>,
    potentially_valid: bool,
    valid: bool,
    luhn_valid: bool,
    length: usize,
}

#[pymethods]
impl CardNumberValidation {
    fn __repr__(&self) -> String {
        format!(
            "CardNumberValidation(brand={}, valid={}, potentially_valid={}, length={})",
            repr_opt(self.brand),
            repr_bool(self.valid),
            repr_bool(self.potentially_valid),
            self.length
        )
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("brand", self.brand)?;
        d.set_item("candidates", &self.candidates)?;
        d.set_item("potentially_valid", self.potentially_valid)?;
        d.set_item("valid", self.valid)?;
        d.set_item("luhn_valid", self.luhn_valid)?;
        d.set_item("length", self.length)?;
        Ok(d)
    }
}

/// Validates a card number as typed (digits; spaces and dashes ignored).
#[pyfunction]
#[pyo3(signature = (number, *, max_length = None, skip_luhn = false, luhn_validate_unionpay = false))]
fn validate_card_number(
    number: &str,
    max_length: Option<usize>,
    skip_luhn: bool,
    luhn_validate_unionpay: bool,
) -> CardNumberValidation {
    let v = card::validate_number_with(
        number,
        &number_options(max_length, skip_luhn, luhn_validate_unionpay),
    );
    CardNumberValidation {
        brand: v.brand.map(Brand::id),
        candidates: v.candidates.iter().map(Brand::id).collect(),
        potentially_valid: v.potentially_valid,
        valid: v.valid,
        luhn_valid: v.luhn_valid,
        length: v.length,
    }
}

/// `valid` of `validate_card_number` for each number, computed without the GIL.
#[pyfunction]
#[pyo3(signature = (numbers, *, max_length = None, skip_luhn = false, luhn_validate_unionpay = false))]
fn validate_card_numbers<'py>(
    py: Python<'py>,
    numbers: &Bound<'py, PyAny>,
    max_length: Option<usize>,
    skip_luhn: bool,
    luhn_validate_unionpay: bool,
) -> PyResult<Bound<'py, PyList>> {
    let opts = number_options(max_length, skip_luhn, luhn_validate_unionpay);
    let valid = map_texts(py, numbers, |t| card::validate_number_with(t, &opts).valid)?;
    PyList::new(py, valid)
}

/// The brand id of each number (`None` while no single brand fits), without the GIL.
#[pyfunction]
fn card_brands_of<'py>(
    py: Python<'py>,
    numbers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let brands = map_texts(py, numbers, |t| {
        card::validate_number(t).brand.map(Brand::id)
    })?;
    PyList::new(py, brands)
}

/// The verdict on a (possibly partial) expiry date.
#[pyclass(frozen, eq, module = "scankit", get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct ExpiryValidation {
    potentially_valid: bool,
    valid: bool,
    month: Option<u8>,
    year: Option<u16>,
}

#[pymethods]
impl ExpiryValidation {
    fn __repr__(&self) -> String {
        format!(
            "ExpiryValidation(valid={}, potentially_valid={}, month={}, year={})",
            repr_bool(self.valid),
            repr_bool(self.potentially_valid),
            repr_num(self.month),
            repr_num(self.year)
        )
    }
}

/// Validates an expiry date as typed (`MM/YY`, `MM/YYYY`, `MMYY`, ...), as of
/// `today` (a `datetime.date`; today's local date by default).
#[pyfunction]
#[pyo3(signature = (value, today = None, *, max_years_ahead = 19))]
fn parse_expiry(
    py: Python<'_>,
    value: &str,
    today: Option<&Bound<'_, PyAny>>,
    max_years_ahead: u16,
) -> PyResult<ExpiryValidation> {
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
    let v = card::validate_expiry_with(value, today, max_years_ahead);
    Ok(ExpiryValidation {
        potentially_valid: v.potentially_valid,
        valid: v.valid,
        month: v.month,
        year: v.year,
    })
}

/// The verdict on a (possibly partial) CVV or cardholder name.
#[pyclass(frozen, eq, module = "scankit", get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct FieldValidation {
    potentially_valid: bool,
    valid: bool,
}

#[pymethods]
impl FieldValidation {
    fn __repr__(&self) -> String {
        format!(
            "FieldValidation(valid={}, potentially_valid={})",
            repr_bool(self.valid),
            repr_bool(self.potentially_valid)
        )
    }
}

impl From<card::FieldValidation> for FieldValidation {
    fn from(v: card::FieldValidation) -> Self {
        FieldValidation {
            potentially_valid: v.potentially_valid,
            valid: v.valid,
        }
    }
}

/// Validates a security code: for `brand` (an id such as `"visa"`), or
/// against explicit `sizes`, or 3 or 4 digits when neither is given.
#[pyfunction]
#[pyo3(signature = (value, *, brand = None, sizes = None))]
fn validate_cvv(
    py: Python<'_>,
    value: &str,
    brand: Option<&str>,
    sizes: Option<Vec<usize>>,
) -> PyResult<FieldValidation> {
    if let Some(sizes) = sizes {
        return Ok(card::validate_cvv(value, &sizes).into());
    }
    let brand = match brand {
        Some(id) => Some(brand_by_id(py, id)?),
        None => None,
    };
    Ok(card::validate_cvv_for(value, brand).into())
}

fn brand_by_id(py: Python<'_>, id: &str) -> PyResult<Brand> {
    Brand::from_id(id).ok_or_else(|| {
        card_error(
            py,
            "brand: not a known card brand id".into(),
            "unknown_brand",
        )
    })
}

/// Validates a cardholder name.
#[pyfunction]
fn validate_cardholder_name(value: &str) -> FieldValidation {
    card::validate_cardholder_name(value).into()
}

/// A number formatted for an input field.
#[pyclass(frozen, eq, module = "scankit", get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct FormattedNumber {
    text: String,
    caret: usize,
    brand: Option<&'static str>,
}

#[pymethods]
impl FormattedNumber {
    fn __repr__(&self) -> String {
        format!(
            "FormattedNumber(brand={}, length={}, caret={})",
            repr_opt(self.brand),
            self.text.len(),
            self.caret
        )
    }
}

/// Groups the digits of `value` by the brand's gaps; `caret` (a character
/// index, the end by default) is mapped into the result.
#[pyfunction]
#[pyo3(signature = (value, caret = None))]
fn format_card_number(value: &str, caret: Option<usize>) -> FormattedNumber {
    let caret = caret.unwrap_or_else(|| value.chars().count());
    let f = card::format_number(value, caret);
    FormattedNumber {
        text: f.text,
        caret: f.caret,
        brand: f.brand.map(Brand::id),
    }
}

/// Whether the digits pass the Luhn check.
#[pyfunction]
fn luhn_valid(digits: &str) -> bool {
    card::luhn_valid(digits)
}

/// The Luhn check digit to append to `payload`; `None` if it holds a non-digit.
#[pyfunction]
fn luhn_check_digit(payload: &str) -> Option<u8> {
    card::luhn_check_digit(payload)
}

/// Masks the digits of one number (other characters stay).
#[pyfunction]
#[pyo3(signature = (text, style = "pci", *, mask_char = None))]
fn mask_digits(
    py: Python<'_>,
    text: &str,
    style: &str,
    mask_char: Option<char>,
) -> PyResult<String> {
    Ok(masker(py, style, mask_char)?.mask(text))
}

/// Masks every card number found in `text`.
#[pyfunction]
#[pyo3(signature = (text, style = "pci", *, mask_char = None))]
fn mask_pans(py: Python<'_>, text: &str, style: &str, mask_char: Option<char>) -> PyResult<String> {
    Ok(card::mask_pans_with(text, masker(py, style, mask_char)?).into_owned())
}

/// `mask_pans` over many texts, without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, style = "pci", *, mask_char = None))]
fn mask_texts<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    style: &str,
    mask_char: Option<char>,
) -> PyResult<Bound<'py, PyList>> {
    let m = masker(py, style, mask_char)?;
    let items = items(texts)?;
    let strings = self::texts(&items)?;
    let masked: Vec<Option<String>> = py.detach(|| {
        strings
            .iter()
            .map(|t| match card::mask_pans_with(t, m) {
                Cow::Borrowed(_) => None,
                Cow::Owned(s) => Some(s),
            })
            .collect()
    });
    // Texts without a card number are handed back as the same object.
    let out = PyList::empty(py);
    for (item, masked) in items.iter().zip(masked) {
        match masked {
            Some(s) => out.append(s)?,
            None => out.append(item)?,
        }
    }
    Ok(out)
}

/// Where a card number sits in a text (character offsets, separators included).
#[pyclass(frozen, eq, module = "scankit", get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct PanSpan {
    start: usize,
    end: usize,
    brand: &'static str,
}

#[pymethods]
impl PanSpan {
    fn __repr__(&self) -> String {
        format!(
            "PanSpan(start={}, end={}, brand={})",
            self.start,
            self.end,
            repr_str(self.brand)
        )
    }
}

/// The card numbers in `text`, in order; `text[span.start:span.end]` is one.
#[pyfunction]
fn find_pans(text: &str) -> Vec<PanSpan> {
    // Python indexes characters.
    card::find_pans_in(text, card::TextUnit::Char)
        .into_iter()
        .map(|s| PanSpan {
            start: s.start,
            end: s.end,
            brand: s.brand.id(),
        })
        .collect()
}

/// Every card brand, in the order they are tried: id, name, gaps, lengths, code.
#[pyfunction]
fn card_brands<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for info in card::BRANDS.iter() {
        let d = PyDict::new(py);
        d.set_item("id", info.id)?;
        d.set_item("name", info.name)?;
        d.set_item("gaps", info.gaps.to_vec())?;
        d.set_item("lengths", info.lengths.to_vec())?;
        let code = PyDict::new(py);
        code.set_item("name", info.code.name)?;
        code.set_item("size", info.code.size)?;
        d.set_item("code", code)?;
        out.append(d)?;
    }
    Ok(out)
}

/// A complete, valid card number. `repr()` and `str()` show it masked (PCI);
/// only `expose_digits()` gives the digits. Not picklable, on purpose.
#[pyclass(frozen, module = "scankit")]
pub struct Pan {
    inner: card::Pan,
}

fn pan_error_code(e: &PanError) -> &'static str {
    match e {
        PanError::NotDigits => "not_digits",
        PanError::UnknownBrand => "unknown_brand",
        PanError::BadLength { .. } => "bad_length",
        PanError::Luhn => "luhn",
        _ => "invalid_number",
    }
}

#[pymethods]
impl Pan {
    /// Raises `CardError` unless `number` is a complete valid number of one brand.
    #[new]
    fn py_new(py: Python<'_>, number: &str) -> PyResult<Self> {
        card::Pan::parse(number)
            .map(|inner| Pan { inner })
            .map_err(|e| card_error(py, e.to_string(), pan_error_code(&e)))
    }

    #[getter]
    fn brand(&self) -> &'static str {
        self.inner.brand().id()
    }

    #[getter]
    fn last4(&self) -> String {
        self.inner.last4().to_owned()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    #[pyo3(signature = (style = "pci", *, mask_char = None))]
    fn masked(&self, py: Python<'_>, style: &str, mask_char: Option<char>) -> PyResult<String> {
        Ok(self.inner.masked_with(masker(py, style, mask_char)?))
    }

    /// The digits. Named so that it stands out in review.
    fn expose_digits(&self) -> String {
        self.inner.expose_digits().to_owned()
    }

    fn __repr__(&self) -> String {
        format!("Pan({})", repr_str(&self.inner.to_string()))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Pan>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.expose_digits().hash(&mut h);
        h.finish()
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<()> {
        Err(make_error(
            py,
            "CardError",
            (
                "Pan: not picklable, so that card numbers stay out of queues and caches",
                "not_picklable",
            ),
        ))
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<CardNumberValidation>()?;
    m.add_class::<ExpiryValidation>()?;
    m.add_class::<FieldValidation>()?;
    m.add_class::<FormattedNumber>()?;
    m.add_class::<PanSpan>()?;
    m.add_class::<Pan>()?;
    m.add_function(wrap_pyfunction!(validate_card_number, m)?)?;
    m.add_function(wrap_pyfunction!(validate_card_numbers, m)?)?;
    m.add_function(wrap_pyfunction!(card_brands_of, m)?)?;
    m.add_function(wrap_pyfunction!(parse_expiry, m)?)?;
    m.add_function(wrap_pyfunction!(validate_cvv, m)?)?;
    m.add_function(wrap_pyfunction!(validate_cardholder_name, m)?)?;
    m.add_function(wrap_pyfunction!(format_card_number, m)?)?;
    m.add_function(wrap_pyfunction!(luhn_valid, m)?)?;
    m.add_function(wrap_pyfunction!(luhn_check_digit, m)?)?;
    m.add_function(wrap_pyfunction!(mask_digits, m)?)?;
    m.add_function(wrap_pyfunction!(mask_pans, m)?)?;
    m.add_function(wrap_pyfunction!(mask_texts, m)?)?;
    m.add_function(wrap_pyfunction!(find_pans, m)?)?;
    m.add_function(wrap_pyfunction!(card_brands, m)?)?;
    let styles: Vec<&str> = MaskStyle::ALL.iter().map(|s| s.as_str()).collect();
    m.add("MASK_STYLES", pyo3::types::PyTuple::new(m.py(), styles)?)?;
    Ok(())
}
