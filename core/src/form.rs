//! `application/x-www-form-urlencoded` bodies: strict decoding into
//! (name, value) pairs, and the trait that turns one value into a typed field.

use crate::error::CallbackError;
use crate::wire::{DateValue, Timestamp, DATE_RULE, TIMESTAMP_RULE};
use std::borrow::Cow;

/// Options for parsing a callback body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Bodies larger than this are refused before any decoding. Default 64 KiB.
    pub max_body_bytes: usize,
    /// Refuse values longer than the spec's documented maximum. Default on;
    /// turn it off to accept a provider that starts sending longer values.
    pub enforce_max_lengths: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_body_bytes: 64 * 1024,
            enforce_max_lengths: true,
        }
    }
}

/// A typed field read from one decoded form value, and written back.
pub(crate) trait FormValue: Sized {
    /// Builds the value; `field` names it in errors.
    fn from_form(field: &str, raw: &str) -> Result<Self, CallbackError>;
    /// The decoded text to write back (the caller percent-encodes it).
    fn to_form(&self) -> Cow<'_, str>;
}

impl FormValue for String {
    fn from_form(_field: &str, raw: &str) -> Result<Self, CallbackError> {
        Ok(raw.to_owned())
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl FormValue for DateValue {
    fn from_form(field: &str, raw: &str) -> Result<Self, CallbackError> {
        DateValue::parse(raw).ok_or_else(|| CallbackError::format(field, DATE_RULE))
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.raw())
    }
}

impl FormValue for Timestamp {
    fn from_form(field: &str, raw: &str) -> Result<Self, CallbackError> {
        Timestamp::parse(raw).ok_or_else(|| CallbackError::format(field, TIMESTAMP_RULE))
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.raw())
    }
}

/// JSON-valued fields: decoded with serde, written back as compact JSON.
pub(crate) trait JsonField: serde::Serialize + serde::de::DeserializeOwned {}

impl<T: JsonField> FormValue for T {
    fn from_form(field: &str, raw: &str) -> Result<Self, CallbackError> {
        serde_json::from_str(raw).map_err(|e| CallbackError::json(field, &e))
    }
    fn to_form(&self) -> Cow<'_, str> {
        // Serializing our own derived types to a String cannot fail.
        Cow::Owned(serde_json::to_string(self).unwrap_or_default())
    }
}

/// A three-letter ISO 3166-1 alpha-3 code (or `XKX`), checked for shape only.
pub(crate) fn check_country(field: &str, raw: &str) -> Result<(), CallbackError> {
    if raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(CallbackError::format(
            field,
            "an ISO 3166-1 alpha-3 country code (three capital letters)",
        ))
    }
}

/// Checks a value against its documented maximum length in characters.
pub(crate) fn check_len(
    field: &str,
    raw: &str,
    max: usize,
    opts: &ParseOptions,
) -> Result<(), CallbackError> {
    // Byte length bounds character length from above: most values skip the count.
    if max == 0 || !opts.enforce_max_lengths || raw.len() <= max {
        return Ok(());
    }
    let length = raw.chars().count();
    if length > max {
        return Err(CallbackError::TooLong {
            field: field.to_owned(),
            max,
            length,
        });
    }
    Ok(())
}

/// Splits and decodes a body, calling `each(name, value)` in order.
/// Empty segments (`a=1&&b=2`) are skipped; a segment without `=` has an empty value.
/// Trailing CR/LF (a body saved to a file by a tool) is ignored.
pub(crate) fn decode_pairs<'a>(
    body: &'a [u8],
    opts: &ParseOptions,
    mut each: impl FnMut(Cow<'a, str>, Cow<'a, str>) -> Result<(), CallbackError>,
) -> Result<(), CallbackError> {
    if body.len() > opts.max_body_bytes {
        return Err(CallbackError::BodyTooLarge {
            size: body.len(),
            limit: opts.max_body_bytes,
        });
    }
    let end = body
        .iter()
        .rposition(|b| *b != b'\n' && *b != b'\r')
        .map_or(0, |i| i + 1);
    for segment in body[..end].split(|b| *b == b'&') {
        if segment.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = match segment.iter().position(|b| *b == b'=') {
            Some(i) => (&segment[..i], &segment[i + 1..]),
            None => (segment, &segment[..0]),
        };
        let name = decode(raw_name).map_err(|kind| kind.into_error(&printable_name(raw_name)))?;
        let value = decode(raw_value).map_err(|kind| kind.into_error(&name))?;
        each(name, value)?;
    }
    Ok(())
}

enum DecodeError {
    Percent,
    Utf8,
}

impl DecodeError {
    fn into_error(self, field: &str) -> CallbackError {
        let field = field.to_owned();
        match self {
            DecodeError::Percent => CallbackError::BadPercentEncoding { field },
            DecodeError::Utf8 => CallbackError::InvalidUtf8 { field },
        }
    }
}

/// A field name fit for an error message: names that fail to decode are
/// shown only when short and plainly printable, never as arbitrary bytes.
fn printable_name(raw: &[u8]) -> String {
    if raw.len() <= 64 && raw.iter().all(|b| b.is_ascii_graphic()) {
        String::from_utf8_lossy(raw).into_owned()
    } else {
        "(a field name)".to_owned()
    }
}

fn decode(raw: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    let has_plus = raw.contains(&b'+');
    let mut percents = raw.iter().enumerate().filter(|(_, b)| **b == b'%');
    let has_percent = percents.clone().next().is_some();
    if percents.any(|(i, _)| {
        !matches!(raw.get(i + 1..i + 3), Some([a, b]) if a.is_ascii_hexdigit() && b.is_ascii_hexdigit())
    }) {
        return Err(DecodeError::Percent);
    }
    if !has_plus && !has_percent {
        return std::str::from_utf8(raw)
            .map(Cow::Borrowed)
            .map_err(|_| DecodeError::Utf8);
    }
    let spaced: Cow<'_, [u8]> = if has_plus {
        Cow::Owned(
            raw.iter()
                .map(|b| if *b == b'+' { b' ' } else { *b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    };
    let bytes: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| DecodeError::Utf8)
}

/// Writes pairs as a form body; spaces become `+`.
pub(crate) struct FormWriter {
    inner: form_urlencoded::Serializer<'static, String>,
}

impl FormWriter {
    pub(crate) fn new() -> Self {
        FormWriter {
            inner: form_urlencoded::Serializer::new(String::new()),
        }
    }

    pub(crate) fn pair(&mut self, name: &str, value: &str) {
        self.inner.append_pair(name, value);
    }

    pub(crate) fn field<T: FormValue>(&mut self, name: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.pair(name, &v.to_form());
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.inner.finish()
    }
}
