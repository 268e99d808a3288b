//! Building blocks for wire values: enums that keep unknown values, dates and
//! timestamps that keep their raw text, and lenient serde helpers.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;

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
        #[derive(Clone, PartialEq, Eq, Hash, Debug)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the spec does not list, kept exactly as sent.
            Unknown(String),
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

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateValue::parse(&raw).ok_or_else(|| de::Error::custom(DATE_RULE))
    }
}

/// Reads an instant: RFC 3339, or the same without a zone, which is taken as
/// UTC (the zone the specs give; the 2022 Authentication example omits it).
pub(crate) fn parse_instant(raw: &str) -> Option<time::OffsetDateTime> {
    const NAIVE: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    time::OffsetDateTime::parse(raw, &Rfc3339).ok().or_else(|| {
        time::PrimitiveDateTime::parse(raw, NAIVE)
            .ok()
            .map(|t| t.assume_utc())
    })
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

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse(&raw).ok_or_else(|| de::Error::custom(TIMESTAMP_RULE))
    }
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
