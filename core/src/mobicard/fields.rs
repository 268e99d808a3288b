//! Lenient, lossless field types: each keeps the JSON value exactly as
//! received (so re-serializing gives it back) and reads it as what the spec
//! says it is, whether it came as a string or a number.

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

macro_rules! raw_field {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, PartialEq, Debug, Default)]
        pub struct $name(pub Value);

        impl $name {
            /// The value as received.
            pub fn raw(&self) -> &Value {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Value::deserialize(d).map($name)
            }
        }
    };
}

raw_field! {
    /// Text: a string, or a number or boolean read as its JSON text.
    Text
}
raw_field! {
    /// A 0/1 flag: `0`, `1`, `"0"`, `"1"`, `true`, `false`, `"true"`, `"false"`.
    Flag
}
raw_field! {
    /// A decimal number sent as a string (`"0.7700"`) or a number.
    Decimal
}

impl Text {
    /// The text; `None` for null, arrays and objects.
    pub fn as_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match &self.0 {
            Value::String(s) => Some(std::borrow::Cow::Borrowed(s)),
            Value::Number(n) => Some(std::borrow::Cow::Owned(n.to_string())),
            Value::Bool(b) => Some(std::borrow::Cow::Owned(b.to_string())),
            _ => None,
        }
    }

    /// Whether the value is absent in substance: null or `""`.
    pub fn is_blank(&self) -> bool {
        match &self.0 {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_text().as_deref().unwrap_or(""))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Value::String(s.to_owned()))
    }
}

impl Flag {
    /// The flag; `None` if it is none of the accepted spellings.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.0 {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => match n.as_u64() {
                Some(0) => Some(false),
                Some(1) => Some(true),
                _ => None,
            },
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "0" | "false" | "no" => Some(false),
                "1" | "true" | "yes" => Some(true),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Decimal {
    /// The number; `None` if it does not read as one.
    pub fn as_f64(&self) -> Option<f64> {
        match &self.0 {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// Reads a present field, `null` included, as `Some`, so `null` is kept
/// (plain `Option` would turn it into an absent field).
pub(crate) fn keep_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// Unknown fields, kept in order.
pub type Extra = IndexMap<String, Value>;
