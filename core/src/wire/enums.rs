//! Enums of documented wire values that keep an undocumented value.

use serde::de::{self, Visitor};
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

        impl $crate::callback::form::FormValue for $name {
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
