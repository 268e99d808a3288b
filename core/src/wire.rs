//! Building blocks for wire values: enums that keep unknown values, dates and
//! timestamps that keep their raw text, and lenient serde helpers.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Defines a string enum of documented wire values with an `Unknown(String)`
/// variant, so a value the provider adds later is kept rather than refused.
/// Deserialization also accepts a JSON number (codes such as `100` sent unquoted).
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the spec does not list, kept exactly as sent.
            Unknown(String),
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( $name::$variant => f.write_str(stringify!($variant)), )+
                    // An undocumented value may hold anything, a card number
                    // included; `as_str` still gives it to code that asks.
                    $name::Unknown(_) => f.write_str("Unknown([redacted])"),
                }
            }
        }

        impl $name {
            /// Every documented wire value, in the spec's order.
            pub const DOCUMENTED: &'static [&'static str] = &[$($wire),+];

            /// The value as it goes on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other,
                }
            }

            /// Whether the value is one the spec documents.
            pub fn is_documented(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

            /// A copy fit for a log: a documented value as it is, an
            /// undocumented one (which may hold anything, a card number
            /// included) withheld.
            pub fn redacted(&self) -> Self {
                self.redacted_if(|_| false)
            }

            /// [`redacted`](Self::redacted), keeping an undocumented value
            /// of the documented `shape` (card numbers in it masked).
            pub fn redacted_if(&self, shape: fn(&str) -> bool) -> Self {
                match self {
                    $name::Unknown(v) if shape(v) => $name::Unknown($crate::redact::rules::scrub(v)),
                    $name::Unknown(_) => $name::Unknown($crate::redact::REDACTED.to_owned()),
                    known => known.clone(),
                }
            }

            /// The variant for a wire value; an undocumented one becomes `Unknown`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any($crate::wire::WireStrVisitor(Self::from_wire))
            }
        }

        impl $crate::form::FormValue for $name {
            fn from_form(
                _field: &str,
                raw: ::std::borrow::Cow<'_, str>,
            ) -> Result<Self, $crate::CallbackError> {
                Ok(Self::from_wire(&raw))
            }
            fn to_form(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl $crate::wire::WriteJson for $name {
            fn write_json(&self, w: &mut $crate::wire::JsonWriter) {
                w.string(self.as_str());
            }
        }
    };
}
pub(crate) use wire_enum;

/// Visitor for wire enums: a string, or a number written as its decimal text.
pub(crate) struct WireStrVisitor<T>(pub fn(&str) -> T);

impl<T> Visitor<'_> for WireStrVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok((self.0)(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok((self.0)(&v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok((self.0)(&v.to_string()))
    }
}

/// A calendar date sent as `YYYY-MM-DD`, parsed, with its raw text kept.
///
/// Equality and serialization use the raw text, so what was received is what
/// is written back.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DateValue {
    raw: String,
    date: Option<time::Date>,
}

/// `YYYY-MM-DD` exactly (four-digit year, two-digit month and day), a real
/// calendar date. A fixed-width check: `time`'s format-description parser
/// costs several times more on the callback's hot path.
fn parse_ymd(raw: &str) -> Option<time::Date> {
    let b = raw.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let month = time::Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    let day = u8::try_from(num(8..10)?).ok()?;
    time::Date::from_calendar_date(i32::try_from(num(0..4)?).ok()?, month, day).ok()
}

/// The documented date format, as errors name it.
pub(crate) const DATE_RULE: &str = "a date YYYY-MM-DD";
/// The documented timestamp format, as errors name it.
pub(crate) const TIMESTAMP_RULE: &str = "a UTC timestamp YYYY-MM-DDThh:mm:ss.SSSZ";

impl DateValue {
    /// Parses `YYYY-MM-DD`; `None` if the text is not a real date in that format.
    pub fn parse(raw: &str) -> Option<Self> {
        let date = parse_ymd(raw)?;
        Some(DateValue {
            raw: raw.to_owned(),
            date: Some(date),
        })
    }

    /// A stand-in for a date withheld by redaction: only the year is kept.
    pub(crate) fn redacted(&self) -> Self {
        let year = self.raw.get(..4).unwrap_or("xxxx");
        DateValue {
            raw: format!("{year}-xx-xx"),
            date: None,
        }
    }

    /// The text as received.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The parsed date; `None` only for a value masked by [`redacted`](crate::NetverifyCallback::redacted).
    pub fn date(&self) -> Option<time::Date> {
        self.date
    }
}

impl fmt::Debug for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateValue({})", self.raw)
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl WriteJson for DateValue {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(&self.raw);
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateValue::parse(&raw).ok_or_else(|| de::Error::custom(DATE_RULE))
    }
}

/// Reads an instant: RFC 3339, or the same without a zone, which is taken as
/// UTC (the zone the specs give; the 2022 Authentication example omits it).
///
/// Written out, reading exactly what `time`'s `Rfc3339` and the format
/// `[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]`
/// read (the tests compare them): those parsers were 11 KB of the page
/// module's gzipped size.
pub(crate) fn parse_instant(raw: &str) -> Option<time::OffsetDateTime> {
    rfc3339(raw.as_bytes()).or_else(|| naive(raw.as_bytes()))
}

/// The bytes not read yet.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn eat(&mut self, b: u8) -> bool {
        let here = self.0.first() == Some(&b);
        if here {
            self.0 = &self.0[1..];
        }
        here
    }

    fn digit(&mut self) -> Option<u32> {
        let d = self.0.first().filter(|b| b.is_ascii_digit())?;
        self.0 = &self.0[1..];
        Some(u32::from(d - b'0'))
    }

    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        (0..n).try_fold(0, |acc, _| Some(acc * 10 + self.digit()?))
    }

    /// `YYYY-MM-DD`, then one separator byte (any, or `T` alone when `t_only`),
    /// then `hh:mm:ss`.
    fn date_time(&mut self, year: i32, t_only: bool) -> Option<(i32, u8, u8, u8, u8, u8)> {
        let sep = |c: &mut Self| c.eat(b'-').then_some(());
        sep(self)?;
        let month = self.digits(2)? as u8;
        sep(self)?;
        let day = self.digits(2)? as u8;
        let t = self.next()?;
        if t_only && t != b'T' {
            return None;
        }
        let hour = self.digits(2)? as u8;
        self.eat(b':').then_some(())?;
        let minute = self.digits(2)? as u8;
        self.eat(b':').then_some(())?;
        let second = self.digits(2)? as u8;
        Some((year, month, day, hour, minute, second))
    }

    /// The digits of a fraction after its `.`, as nanoseconds: at least one,
    /// at most `max` read, those past the ninth ignored.
    fn fraction(&mut self, max: usize) -> Option<u32> {
        let mut nanos = self.digit()? * 100_000_000;
        let mut scale = 10_000_000;
        for _ in 1..max {
            let Some(d) = self.digit() else { break };
            nanos += d * scale;
            scale /= 10;
        }
        Some(nanos)
    }
}

fn instant(
    (year, month, day, hour, minute, second): (i32, u8, u8, u8, u8, u8),
    nanos: u32,
    offset: time::UtcOffset,
) -> Option<time::OffsetDateTime> {
    let month = time::Month::try_from(month).ok()?;
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    let time = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(time::OffsetDateTime::new_in_offset(date, time, offset))
}

/// RFC 3339 as `time` reads it: any separator byte, `Z` in either case, any
/// number of fraction digits, and a leap second read as the nanosecond
/// before it where one may fall (the last second of a month, in UTC).
fn rfc3339(b: &[u8]) -> Option<time::OffsetDateTime> {
    let mut c = Cursor(b);
    let year = c.digits(4)? as i32;
    let mut parts = c.date_time(year, false)?;
    let mut nanos = if c.eat(b'.') {
        c.fraction(usize::MAX)?
    } else {
        0
    };
    let offset = match c.next()? {
        b'Z' | b'z' => time::UtcOffset::UTC,
        sign @ (b'+' | b'-') => {
            // Clamped so that the casts keep values out of range (`time`
            // refuses hours over 23 and minutes over 59).
            let hours = c.digits(2)?.min(24) as i8;
            c.eat(b':').then_some(())?;
            let minutes = c.digits(2)?.min(60) as i8;
            let (hours, minutes) = if sign == b'-' {
                (-hours, -minutes)
            } else {
                (hours, minutes)
            };
            (hours.abs() <= 23).then_some(())?;
            time::UtcOffset::from_hms(hours, minutes, 0).ok()?
        }
        _ => return None,
    };
    if !c.0.is_empty() {
        return None;
    }
    let leap = parts.5 == 60;
    if leap {
        parts.5 = 59;
        nanos = 999_999_999;
    }
    let at = instant(parts, nanos, offset)?;
    if leap {
        let utc = at.checked_to_offset(time::UtcOffset::UTC)?;
        let last = (utc.hour(), utc.minute(), utc.second()) == (23, 59, 59)
            && utc.day() == utc.month().length(utc.year());
        last.then_some(())?;
    }
    Some(at)
}

/// The same without a zone, as the format description reads it: `T` only,
/// 1 to 32 fraction digits, and a year of 4 digits, signed or not.
fn naive(b: &[u8]) -> Option<time::OffsetDateTime> {
    let mut c = Cursor(b);
    let year = match c.0.first() {
        Some(&sign @ (b'+' | b'-')) => {
            c.0 = &c.0[1..];
            let y = c.digits(4)? as i32;
            if sign == b'-' {
                -y
            } else {
                y
            }
        }
        _ => c.digits(4)? as i32,
    };
    let parts = c.date_time(year, true)?;
    let nanos = if c.eat(b'.') { c.fraction(32)? } else { 0 };
    if !c.0.is_empty() {
        return None;
    }
    instant(parts, nanos, time::UtcOffset::UTC)
}

/// A UTC timestamp sent as `YYYY-MM-DDThh:mm:ss.SSSZ` (any RFC 3339 form is
/// accepted, and one without a zone is read as UTC), parsed, with its raw
/// text kept.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    raw: String,
    at: time::OffsetDateTime,
}

impl Timestamp {
    /// Parses a timestamp; `None` if the text is not one.
    pub fn parse(raw: &str) -> Option<Self> {
        let at = parse_instant(raw)?;
        Some(Timestamp {
            raw: raw.to_owned(),
            at,
        })
    }

    /// The text as received.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The instant.
    pub fn at(&self) -> time::OffsetDateTime {
        self.at
    }

    /// Milliseconds since the Unix epoch, for bindings without a date type.
    pub fn unix_millis(&self) -> i64 {
        (self.at.unix_timestamp_nanos() / 1_000_000) as i64
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.raw)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl WriteJson for Timestamp {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(&self.raw);
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse(&raw).ok_or_else(|| de::Error::custom(TIMESTAMP_RULE))
    }
}

/// A member name as [`JsonWriter::raw_key`] takes it: `member!("idType")`
/// is `,"idType":`.
macro_rules! member {
    ($name:expr) => {
        concat!(",\"", $name, "\":")
    };
}
pub(crate) use member;

/// A value [`JsonWriter`] writes exactly as its derived `Serialize` does
/// through `serde_json::to_string`.
pub(crate) trait WriteJson {
    fn write_json(&self, w: &mut JsonWriter);
}

impl WriteJson for String {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, w: &mut JsonWriter) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        w.out.push(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                w.out.push(b',');
            }
            item.write_json(w);
        }
        w.out.push(b']');
    }
}

impl WriteJson for indexmap::IndexMap<String, String> {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin();
        for (k, v) in self {
            w.key(k);
            w.string(v);
        }
        w.end();
    }
}

/// Compact JSON of the callback models, byte for byte what `serde_json`
/// writes for their derived `Serialize` (the models' tests compare the two).
/// Written by hand because serde_json's many small writes each cost a call
/// at the page module's opt-level `z`, which made `to_json` most of a
/// callback's parsing time in wasm.
pub(crate) struct JsonWriter {
    /// Only ever given whole `str`s and ASCII: always UTF-8.
    out: Vec<u8>,
    /// Whether the object being written has a member yet (a comma is due).
    comma: bool,
}

impl JsonWriter {
    pub(crate) fn with_capacity(n: usize) -> Self {
        JsonWriter {
            out: Vec::with_capacity(n),
            comma: false,
        }
    }

    fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    pub(crate) fn begin(&mut self) {
        self.out.push(b'{');
        self.comma = false;
    }

    pub(crate) fn end(&mut self) {
        self.out.push(b'}');
        self.comma = true;
    }

    /// A member name that needs no escaping, given with the comma before it,
    /// quoted and with its colon (`,"idType":`, see [`member!`]), so that it
    /// is one copy.
    pub(crate) fn raw_key(&mut self, member: &str) {
        let member = if self.comma {
            member
        } else {
            member.get(1..).unwrap_or_default()
        };
        self.raw(member);
        self.comma = true;
    }

    /// A member name from data (escaped as needed).
    pub(crate) fn key(&mut self, name: &str) {
        if self.comma {
            self.out.push(b',');
        }
        self.string(name);
        self.out.push(b':');
        self.comma = true;
    }

    /// A member, if present.
    pub(crate) fn field<T: WriteJson>(&mut self, member: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.raw_key(member);
            v.write_json(self);
        }
    }

    /// Members serde flattens into the object (`extra`).
    pub(crate) fn flatten(&mut self, extra: &crate::models::ExtraJson) {
        for (k, v) in extra {
            self.key(k);
            self.serde(v);
        }
    }

    /// A value written by serde_json itself (rare shapes: kept exact, not fast).
    pub(crate) fn serde<T: Serialize + ?Sized>(&mut self, value: &T) {
        // Writing to a Vec cannot fail; models serialize infallibly.
        let _ = serde_json::to_writer(&mut self.out, value);
    }

    /// A JSON string, escaped as serde_json escapes it.
    pub(crate) fn string(&mut self, s: &str) {
        self.out.push(b'"');
        if needs_escape(s.as_bytes()) {
            self.escaped(s);
        } else {
            self.raw(s);
        }
        self.out.push(b'"');
    }

    fn escaped(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // Escaped bytes are ASCII: both ends are character boundaries.
            self.raw(s.get(start..i).unwrap_or_default());
            if short.is_empty() {
                self.raw("\\u00");
                self.out.push(HEX[usize::from(b >> 4)]);
                self.out.push(HEX[usize::from(b & 15)]);
            } else {
                self.raw(short);
            }
            start = i + 1;
        }
        self.raw(s.get(start..).unwrap_or_default());
    }

    pub(crate) fn finish(self) -> String {
        String::from_utf8(self.out).unwrap_or_default()
    }
}

/// Whether any byte is a quote, a backslash or a control character, eight
/// bytes at a time (most values need no escaping at all).
fn needs_escape(bytes: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(chunk);
        let quote = w ^ (LO * u64::from(b'"'));
        let backslash = w ^ (LO * u64::from(b'\\'));
        // A zero byte in `x` (SWAR), or a byte below 0x20 in `w`.
        let zero = |x: u64| x.wrapping_sub(LO) & !x;
        if (zero(quote) | zero(backslash) | w.wrapping_sub(LO * 0x20) & !w) & HI != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Lenient serde helpers for JSON-valued fields.
pub mod lenient {
    use super::*;

    /// `true`/`false`, or the strings `"TRUE"`/`"FALSE"` in any case.
    pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Option<bool>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false, \"TRUE\" or \"FALSE\"")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Some(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v.eq_ignore_ascii_case("true") {
                    Ok(Some(true))
                } else if v.eq_ignore_ascii_case("false") {
                    Ok(Some(false))
                } else if v.is_empty() {
                    Ok(None)
                } else {
                    Err(E::custom("expected TRUE or FALSE"))
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        d.deserialize_any(V)
    }

    /// One object, or an array of them; `null` is an empty list.
    pub fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany<T> {
            Many(Vec<T>),
            One(T),
            Null(()),
        }
        Ok(match OneOrMany::deserialize(d)? {
            OneOrMany::Many(v) => v,
            OneOrMany::One(t) => vec![t],
            OneOrMany::Null(()) => Vec::new(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// What `parse_instant` replaced: `time`'s own parsers.
    fn with_time(raw: &str) -> Option<time::OffsetDateTime> {
        use time::format_description::well_known::Rfc3339;
        const NAIVE: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
        );
        time::OffsetDateTime::parse(raw, &Rfc3339).ok().or_else(|| {
            time::PrimitiveDateTime::parse(raw, NAIVE)
                .ok()
                .map(|t| t.assume_utc())
        })
    }

    #[test]
    fn instants_are_read_as_time_reads_them() {
        let seeds = [
            "2024-02-29T23:59:59.123Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2017-01-01T00:59:60+01:00",
            "2017-01-01T00:59:60-01:00",
            "1990-06-30T23:59:60z",
            "9999-12-31T23:59:60-01:00",
            "0000-01-01T00:00:00+23:59",
            "2024-01-01 10:00:00-00:00",
            "2024-01-01t10:00:00.0000000000001+05:30",
            "2024-01-01T10:00:00.123456789012345678901234567890123",
            "2024-01-01T10:00:00.12345678901234567890123456789012",
            "+2024-01-01T10:00:00",
            "-0044-03-15T12:00:00.5",
            "+002024-01-01T10:00:00",
            "+0020245-01-01T10:00:00",
            "2019-02-29T00:00:00",
            "2024-13-01T00:00:00Z",
            "2024-00-10T00:00:00Z",
            "2024-01-00T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z",
            "2024-01-01T23:00:61Z",
            "2024-01-01T10:00:00+24:00",
            "2024-01-01T10:00:00+23:60",
            "2024-01-01T10:00:00-23:59",
            "2024-01-01T10:00:00.Z",
            "2024-01-01T10:00:00+0100",
            "2024-01-01T10:00Z",
            "2024-01-01",
            "",
        ];
        let mut inputs: Vec<String> = Vec::new();
        for seed in seeds {
            inputs.push(seed.to_owned());
            // Every byte replaced by a few others, cut at every length.
            for i in 0..seed.len() {
                for b in [
                    b'0', b'9', b'5', b'Z', b'T', b' ', b'-', b'+', b':', b'.', b'x', 0xC3,
                ] {
                    let mut v = seed.as_bytes().to_vec();
                    v[i] = b;
                    if let Ok(s) = String::from_utf8(v) {
                        inputs.push(s);
                    }
                }
                inputs.push(seed[..i].to_owned());
                inputs.push(format!("{}{}", &seed[..i], &seed[i + 1..]));
            }
        }
        // And random edits of them, from the bytes that matter.
        let alphabet = b"0123456789-+:.TtZz 6";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut rand = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..100_000 {
            let mut v = seeds[rand(seeds.len())].as_bytes().to_vec();
            for _ in 0..1 + rand(3) {
                let at = rand(v.len() + 1);
                let b = alphabet[rand(alphabet.len())];
                match rand(3) {
                    0 if at < v.len() => v[at] = b,
                    1 if at < v.len() => {
                        v.remove(at);
                    }
                    _ => v.insert(at, b),
                }
            }
            inputs.extend(String::from_utf8(v).ok());
        }
        for input in &inputs {
            assert_eq!(parse_instant(input), with_time(input), "{input:?}");
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let specials = [
            '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1f}', '\u{7f}', 'é', '/',
        ];
        // Every position in and around the eight-byte chunks.
        for len in 0..26 {
            for at in 0..len {
                for c in specials {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let mut w = JsonWriter::with_capacity(0);
                    w.string(&s);
                    assert_eq!(
                        w.finish(),
                        serde_json::to_string(&s).unwrap_or_default(),
                        "{s:?}"
                    );
                }
            }
        }
    }
}
