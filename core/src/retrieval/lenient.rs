//! Lenient readers for Retrieval API fields, beyond those of `crate::lenient`:
//! strings sent as numbers, numbers sent as strings, JSON sent inside a JSON
//! string, and timestamps without a zone.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A string, or a number or boolean read as its text (`"cardNumber": 4111…`).
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
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

/// A whole number, or a string holding one (`"01"`); an empty string is absent.
pub fn opt_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number or a string holding one")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            u32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("number out of range"))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            u32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("number out of range"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                Ok(Some(v as u32))
            } else {
                Err(E::custom("expected a whole number"))
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let t = v.trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse()
                .map(Some)
                .map_err(|_| E::custom("expected a whole number"))
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

/// One string or an array of strings (`faceSearchFindings.findings`); `null` is empty.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<String>),
        One(String),
        Null(()),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(s) => vec![s],
        OneOrMany::Null(()) => Vec::new(),
    })
}

/// How an [`EmbeddedJson`] value arrived, so it is written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum JsonEncoding {
    /// As a JSON object, as the field table documents.
    #[default]
    Object,
    /// As a string holding JSON, as the spec's examples send it.
    String,
}

/// A JSON object that may arrive encoded in a JSON string (the Document
/// Verification `extractedData.extractedData`): both forms are decoded, and
/// serialization writes the form that was received.
#[derive(Clone, PartialEq, Default)]
pub struct EmbeddedJson<T> {
    /// The decoded value.
    pub value: T,
    /// How it arrived.
    pub encoding: JsonEncoding,
}

impl<T> EmbeddedJson<T> {
    /// A value to be written as a plain JSON object.
    pub fn object(value: T) -> Self {
        EmbeddedJson {
            value,
            encoding: JsonEncoding::Object,
        }
    }
}

impl<T> std::ops::Deref for EmbeddedJson<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for EmbeddedJson<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: Serialize> Serialize for EmbeddedJson<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.encoding {
            JsonEncoding::Object => self.value.serialize(s),
            JsonEncoding::String => {
                let text = serde_json::to_string(&self.value).map_err(serde::ser::Error::custom)?;
                s.serialize_str(&text)
            }
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for EmbeddedJson<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(text) => {
                // The inner error can quote the value (card numbers): say only where.
                let value = serde_json::from_str(&text).map_err(|e| {
                    de::Error::custom(format_args!(
                        "JSON inside the string is not of the documented shape (line {}, column {})",
                        e.line(),
                        e.column()
                    ))
                })?;
                Ok(EmbeddedJson {
                    value,
                    encoding: JsonEncoding::String,
                })
            }
            other => {
                let value = serde_json::from_value(other).map_err(|_| {
                    de::Error::custom("expected a JSON object or a string holding one")
                })?;
                Ok(EmbeddedJson::object(value))
            }
        }
    }
}

/// A timestamp documented as `YYYY-MM-DDThh:mm:ss.SSSZ`, read leniently: the
/// spec's own Authentication example omits the `Z`, so a timestamp without a
/// zone is taken as UTC (the spec's zone), and one that cannot be read at all
/// is kept as text rather than failing the whole response. The raw text is
/// always what is written back.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct LooseTimestamp {
    raw: String,
    at: Option<time::OffsetDateTime>,
}

impl LooseTimestamp {
    /// Reads a timestamp; never fails.
    pub fn parse(raw: &str) -> Self {
        let at = crate::wire::parse_instant(raw);
        LooseTimestamp {
            raw: raw.to_owned(),
            at,
        }
    }

    /// The text as received.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The instant; `None` if the text is not a timestamp.
    pub fn at(&self) -> Option<time::OffsetDateTime> {
        self.at
    }

    /// Whether the text carried a zone (`Z` or an offset) rather than one assumed.
    pub fn has_zone(&self) -> bool {
        use time::format_description::well_known::Rfc3339;
        time::OffsetDateTime::parse(&self.raw, &Rfc3339).is_ok()
    }

    /// Milliseconds since the Unix epoch, for bindings without a date type.
    pub fn unix_millis(&self) -> Option<i64> {
        self.at
            .map(|at| (at.unix_timestamp_nanos() / 1_000_000) as i64)
    }
}

impl fmt::Debug for LooseTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.raw)
    }
}

impl fmt::Display for LooseTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for LooseTimestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for LooseTimestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(LooseTimestamp::parse(&raw))
    }
}

/// An object, or an array holding at most one (an object field sent as a
/// list): `[]` and `null` are absent; an array of several is refused, since
/// keeping only one would lose data.
pub fn one<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrList<T> {
        List(Vec<T>),
        One(T),
        Null(()),
    }
    match OneOrList::deserialize(d)? {
        OneOrList::One(t) => Ok(Some(t)),
        OneOrList::Null(()) => Ok(None),
        OneOrList::List(mut v) if v.len() <= 1 => Ok(v.pop()),
        OneOrList::List(v) => Err(de::Error::custom(format_args!(
            "expected one object, got an array of {}",
            v.len()
        ))),
    }
}
