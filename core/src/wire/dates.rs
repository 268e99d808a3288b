//! Dates and timestamps that keep their raw text, and the instant reader.

use super::json::{JsonWriter, WriteJson};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

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

    /// A copy fit for a log: the text as received when no run of digits in
    /// it is longer than nine (the parser takes a fraction of any length, a
    /// place a card number could hide), else the same instant written
    /// `YYYY-MM-DDThh:mm:ss.SSSZ` in UTC.
    pub fn redacted(&self) -> Self {
        let longest = self
            .raw
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        if longest <= 9 {
            return self.clone();
        }
        let at = self.at.to_offset(time::UtcOffset::UTC);
        let raw = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute(),
            at.second(),
            at.millisecond()
        );
        Timestamp { raw, at }
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
}
