//! `application/x-www-form-urlencoded` bodies: strict decoding into
//! (name, value) pairs, and the trait that turns one value into a typed field.

use crate::callback::error::CallbackError;
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
    /// Builds the value; `field` names it in errors. The decoded text is
    /// handed over so a value already decoded into a `String` is not copied.
    fn from_form(field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError>;
    /// The decoded text to write back (the caller percent-encodes it).
    fn to_form(&self) -> Cow<'_, str>;
}

impl FormValue for String {
    fn from_form(_field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError> {
        Ok(raw.into_owned())
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl FormValue for DateValue {
    fn from_form(field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError> {
        DateValue::parse(&raw).ok_or_else(|| CallbackError::format(field, DATE_RULE))
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.raw())
    }
}

impl FormValue for Timestamp {
    fn from_form(field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError> {
        Timestamp::parse(&raw).ok_or_else(|| CallbackError::format(field, TIMESTAMP_RULE))
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.raw())
    }
}

/// JSON-valued fields: decoded with serde, written back as compact JSON.
pub(crate) trait JsonField: serde::Serialize + serde::de::DeserializeOwned {}

impl<T: JsonField> FormValue for T {
    fn from_form(field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError> {
        serde_json::from_str(&raw).map_err(|e| CallbackError::json(field, &e))
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

/// Field names hashed into a table at compile time (open addressing), so
/// that finding a field takes a hash and one or two comparisons: a `match`
/// over fifty names compiles to a chain of comparisons at the page module's
/// opt-level `z`. `N` must exceed the number of fields (checked at compile time).
pub(crate) struct FieldTable<const N: usize> {
    /// (name, index); an empty name is a free slot.
    slots: [(&'static str, u8); N],
}

impl<const N: usize> FieldTable<N> {
    pub(crate) const fn new(fields: &[(&'static str, u8)]) -> Self {
        assert!(fields.len() < N, "a field table needs a free slot");
        let mut slots = [("", 0u8); N];
        let mut f = 0;
        while f < fields.len() {
            let mut at = field_hash(fields[f].0.as_bytes()) % N;
            while !slots[at].0.is_empty() {
                at = (at + 1) % N;
            }
            slots[at] = fields[f];
            f += 1;
        }
        FieldTable { slots }
    }

    /// The index of field `name`, if the table has it.
    pub(crate) fn get(&self, name: &str) -> Option<u8> {
        let mut at = field_hash(name.as_bytes()) % N;
        // Ends at a free slot at the latest: the table is never full.
        loop {
            let (slot, index) = self.slots[at];
            if slot.is_empty() {
                return None;
            }
            if slot == name {
                return Some(index);
            }
            at = (at + 1) % N;
        }
    }
}

/// FNV-1a.
const fn field_hash(name: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < name.len() {
        h = (h ^ name[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize
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
            size: Some(body.len()),
            limit: opts.max_body_bytes,
        });
    }
    // Outside escapes the body must be UTF-8 too; checking it whole once lets
    // plain names and values be borrowed without a check each.
    let text = std::str::from_utf8(body).map_err(|_| invalid_utf8_field(body))?;
    let text = text.trim_end_matches(['\r', '\n']);
    // One pass finds the delimiters and which parts hold escapes, so that
    // only those parts are decoded.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut eq = None;
    let mut escaped = (false, false);
    let mut i = 0;
    loop {
        i = skip_plain(bytes, i);
        match bytes.get(i).map_or(AMP, |b| CLASS[usize::from(*b)]) {
            AMP => {
                if i > start {
                    let (name, value) = match eq {
                        Some(e) => (slice(text, start, e), slice(text, e + 1, i)),
                        None => (slice(text, start, i), ""),
                    };
                    let name = decode_if(name, escaped.0)
                        .map_err(|kind| kind.into_error(&safe_field_name(name)))?;
                    let value = decode_if(value, escaped.1)
                        .map_err(|kind| kind.into_error(&safe_field_name(&name)))?;
                    each(name, value)?;
                }
                if i >= bytes.len() {
                    return Ok(());
                }
                start = i + 1;
                eq = None;
                escaped = (false, false);
            }
            EQ if eq.is_none() => eq = Some(i),
            EQ => {}
            _ if eq.is_none() => escaped.0 = true,
            _ => escaped.1 = true,
        }
        i += 1;
    }
}

/// The index of the first byte at or after `i` that is not plain: eight bytes
/// at a time while none of them is special, then byte by byte.
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `w` equals `b` (exact for "any"; SWAR zero-byte test).
    let has = |w: u64, b: u8| {
        let x = w ^ (LO * u64::from(b));
        x.wrapping_sub(LO) & !x & HI != 0
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(chunk);
        if has(w, b'&') || has(w, b'=') || has(w, b'%') || has(w, b'+') {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && CLASS[usize::from(bytes[i])] == PLAIN {
        i += 1;
    }
    i
}

const PLAIN: u8 = 0;
const AMP: u8 = 1;
const EQ: u8 = 2;
const ESCAPE: u8 = 3;

/// Byte classes for the splitting pass: `&`, `=`, `%` and `+` matter.
static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    t[b'&' as usize] = AMP;
    t[b'=' as usize] = EQ;
    t[b'%' as usize] = ESCAPE;
    t[b'+' as usize] = ESCAPE;
    t
};

/// `text[from..to]` where both ends sit next to an ASCII delimiter, so they
/// are always character boundaries.
fn slice(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or_default()
}

fn decode_if(raw: &str, escaped: bool) -> Result<Cow<'_, str>, DecodeError> {
    if escaped {
        decode(raw)
    } else {
        Ok(Cow::Borrowed(raw))
    }
}

/// The error for a body with raw bytes that are not UTF-8, naming the field.
fn invalid_utf8_field(body: &[u8]) -> CallbackError {
    let bad = body
        .split(|b| *b == b'&')
        .find(|segment| std::str::from_utf8(segment).is_err())
        .unwrap_or(body);
    let name = bad.split(|b| *b == b'=').next().unwrap_or(bad);
    CallbackError::InvalidUtf8 {
        field: safe_field_name(&String::from_utf8_lossy(name)),
    }
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

/// How errors name a field the spec does not list.
pub const UNDOCUMENTED_FIELD: &str = "an undocumented field";

/// A field name fit for an error message: a name the spec lists, else
/// [`UNDOCUMENTED_FIELD`]. Other names are caller data (`pan_4111…`, an
/// e-mail address), and error text ends up in logs.
pub(crate) fn safe_field_name(name: &str) -> String {
    let listed = crate::NetverifyCallback::FIELD_NAMES.contains(&name)
        || crate::DocumentCallback::FIELD_NAMES.contains(&name);
    if listed {
        name.to_owned()
    } else {
        UNDOCUMENTED_FIELD.to_owned()
    }
}

/// Decodes one name or value: `+` is a space, `%XX` a byte, the result UTF-8.
///
/// Written out rather than taken from `percent-encoding`/`form_urlencoded`
/// because those pass a malformed escape (`%ZZ`, a trailing `%4`) through as
/// text, and the callback contract is to refuse it; checking and decoding in
/// one pass is also what keeps parsing fast.
fn decode(raw: &str) -> Result<Cow<'_, str>, DecodeError> {
    let bytes = raw.as_bytes();
    let Some(first) = find_special(bytes) else {
        return Ok(Cow::Borrowed(raw));
    };
    // Decoding never lengthens: the bytes are rewritten in place in a copy,
    // by index. The runs between escapes are short in URLs and JSON, and a
    // copy per run costs more than this in wasm.
    let mut out = bytes.to_vec();
    let (mut i, mut n) = (first, first);
    while i < bytes.len() {
        let b = bytes[i];
        out[n] = match b {
            b'+' => b' ',
            b'%' => {
                let hex = |at: usize| HEX.get(usize::from(*bytes.get(at)?)).copied();
                match (hex(i + 1), hex(i + 2)) {
                    (Some(hi), Some(lo)) if hi | lo < 16 => {
                        i += 2;
                        hi << 4 | lo
                    }
                    _ => return Err(DecodeError::Percent),
                }
            }
            _ => b,
        };
        i += 1;
        n += 1;
    }
    out.truncate(n);
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| DecodeError::Utf8)
}

/// The first `%` or `+`. Names and most values are a few bytes long, where a
/// plain loop beats the set-up of a vectorised search.
fn find_special(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 32 {
        bytes.iter().position(|b| *b == b'%' || *b == b'+')
    } else {
        memchr::memchr2(b'%', b'+', bytes)
    }
}

/// The value of each hex digit; 16 for bytes that are not one.
static HEX: [u8; 256] = {
    let mut t = [16u8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

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

    /// Fields the spec does not list, in the order they were received.
    pub(crate) fn extra(&mut self, extra: &indexmap::IndexMap<String, String>) {
        for (name, value) in extra {
            self.pair(name, value);
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.inner.finish()
    }
}
