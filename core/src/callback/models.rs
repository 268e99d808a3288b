//! JSON-valued parts of the Netverify callback, shared with the Retrieval API
//! responses: identity verification, address, driving licence categories.

use crate::callback::codes::{DlAvailability, Similarity, ValidityReason};
use crate::wire::{lenient, member, DateValue, JsonWriter, WriteJson};
use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Fields a JSON object carries that the spec does not list, kept as sent and
/// written back where they were.
pub type ExtraJson = IndexMap<String, serde_json::Value>;

/// `identityVerification`: the selfie check, sent only with `APPROVED_VERIFIED`.
#[derive(Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityVerification {
    /// `similarity`: does the selfie show the person on the ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<Similarity>,
    /// `validity`: is the selfie genuine. Sent as `true` or as `"TRUE"`/`"FALSE"`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub validity: Option<bool>,
    /// `reason`: why `validity` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ValidityReason>,
    /// `handwrittenNoteMatches`: only with liveness detection by handwritten note.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub handwritten_note_matches: Option<bool>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// The three address layouts the spec defines for `idAddress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AddressFormat {
    /// US format: `stateCode`, `streetSuffix`, `zip`, ...
    Us,
    /// EU format: `province`, `unitDetails`, `postalCode`, ...
    Eu,
    /// Raw format: `line1` to `line5`.
    Raw,
}

/// `idAddress`, in any of the US, EU and raw formats: one struct holds the
/// union of their fields, and [`IdAddress::format`] tells which was sent.
///
/// `Debug` is [`redacted`](Self::redacted): only country and region show.
#[derive(Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdAddress {
    /// City (all formats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-2 state code (US format), e.g. `US-OH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    /// Province (EU format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Street name (US, EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_name: Option<String>,
    /// Street suffix abbreviation (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_suffix: Option<String>,
    /// Street direction abbreviation, e.g. `E` (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_direction: Option<String>,
    /// Street number (US, EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_number: Option<String>,
    /// Unit designator abbreviation (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_designator: Option<String>,
    /// Unit number (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_number: Option<String>,
    /// Unit details (EU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_details: Option<String>,
    /// Zip code (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Zip extension (US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip_extension: Option<String>,
    /// Postal code (EU, raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Line item 1 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Line item 2 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// Line item 3 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line3: Option<String>,
    /// Line item 4 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line4: Option<String>,
    /// Line item 5 (raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line5: Option<String>,
    /// The whole address formatted (Retrieval API, 2022).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted_address: Option<String>,
    /// ISO 3166-1 alpha-3 country code, or `XKX` (all formats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl IdAddress {
    /// Which layout was sent, judged by the fields only that layout has;
    /// `None` when only shared fields (`city`, `country`) are present.
    pub fn format(&self) -> Option<AddressFormat> {
        let any = |fields: &[&Option<String>]| fields.iter().any(|f| f.is_some());
        if any(&[
            &self.line1,
            &self.line2,
            &self.line3,
            &self.line4,
            &self.line5,
        ]) {
            Some(AddressFormat::Raw)
        } else if any(&[
            &self.state_code,
            &self.street_suffix,
            &self.street_direction,
            &self.unit_designator,
            &self.unit_number,
            &self.zip,
            &self.zip_extension,
        ]) {
            Some(AddressFormat::Us)
        } else if any(&[&self.province, &self.unit_details]) {
            Some(AddressFormat::Eu)
        } else if any(&[&self.street_name, &self.street_number]) {
            // Both US and EU have street fields; a postal code says EU.
            Some(if self.postal_code.is_some() {
                AddressFormat::Eu
            } else {
                AddressFormat::Us
            })
        } else if self.postal_code.is_some() {
            Some(AddressFormat::Raw)
        } else {
            None
        }
    }

    /// The text fields that locate a person more closely than region and
    /// country, for redaction.
    pub(crate) fn personal_fields_mut(&mut self) -> [&mut Option<String>; 16] {
        [
            &mut self.city,
            &mut self.street_name,
            &mut self.street_suffix,
            &mut self.street_direction,
            &mut self.street_number,
            &mut self.unit_designator,
            &mut self.unit_number,
            &mut self.unit_details,
            &mut self.zip,
            &mut self.zip_extension,
            &mut self.postal_code,
            &mut self.line1,
            &mut self.line2,
            &mut self.line3,
            &mut self.line4,
            &mut self.line5,
        ]
    }
}

/// One driving licence category of `dlCategories`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DlCategory {
    /// `category`, in Latin or Traditional Chinese characters, e.g. `B`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `issueDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateValue>,
    /// `expiryDate`, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<DateValue>,
    /// `isReadable`: documented only as `FALSE`.
    #[serde(
        default,
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_readable: Option<bool>,
    /// `availability`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<DlAvailability>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `dlCategories`: documented as "a JSON object" holding a list of categories;
/// an array of categories and a single category object are both read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DlCategories(#[serde(deserialize_with = "lenient::one_or_many")] pub Vec<DlCategory>);

/// `livenessImages`: URLs of the liveness images, as a JSON array (a single
/// URL string is read as a list of one).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LivenessImages(#[serde(deserialize_with = "lenient::one_or_many")] pub Vec<String>);

impl crate::callback::form::JsonField for IdentityVerification {}
impl crate::callback::form::JsonField for IdAddress {}
impl crate::callback::form::JsonField for DlCategories {}

impl std::fmt::Debug for IdAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
        write!(f, "IdAddress {shown}")
    }
}

impl WriteJson for IdentityVerification {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin();
        w.field(member!("similarity"), &self.similarity);
        w.field(member!("validity"), &self.validity);
        w.field(member!("reason"), &self.reason);
        w.field(
            member!("handwrittenNoteMatches"),
            &self.handwritten_note_matches,
        );
        w.flatten(&self.extra);
        w.end();
    }
}

impl WriteJson for IdAddress {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin();
        w.field(member!("city"), &self.city);
        w.field(member!("stateCode"), &self.state_code);
        w.field(member!("province"), &self.province);
        w.field(member!("streetName"), &self.street_name);
        w.field(member!("streetSuffix"), &self.street_suffix);
        w.field(member!("streetDirection"), &self.street_direction);
        w.field(member!("streetNumber"), &self.street_number);
        w.field(member!("unitDesignator"), &self.unit_designator);
        w.field(member!("unitNumber"), &self.unit_number);
        w.field(member!("unitDetails"), &self.unit_details);
        w.field(member!("zip"), &self.zip);
        w.field(member!("zipExtension"), &self.zip_extension);
        w.field(member!("postalCode"), &self.postal_code);
        w.field(member!("line1"), &self.line1);
        w.field(member!("line2"), &self.line2);
        w.field(member!("line3"), &self.line3);
        w.field(member!("line4"), &self.line4);
        w.field(member!("line5"), &self.line5);
        w.field(member!("formattedAddress"), &self.formatted_address);
        w.field(member!("country"), &self.country);
        w.flatten(&self.extra);
        w.end();
    }
}

impl WriteJson for DlCategory {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin();
        w.field(member!("category"), &self.category);
        w.field(member!("issueDate"), &self.issue_date);
        w.field(member!("expiryDate"), &self.expiry_date);
        w.field(member!("isReadable"), &self.is_readable);
        w.field(member!("availability"), &self.availability);
        w.flatten(&self.extra);
        w.end();
    }
}

impl WriteJson for DlCategories {
    fn write_json(&self, w: &mut JsonWriter) {
        self.0.write_json(w);
    }
}

impl WriteJson for LivenessImages {
    fn write_json(&self, w: &mut JsonWriter) {
        self.0.write_json(w);
    }
}

/// `Deserialize` for a struct of optional members and a flattened `extra`,
/// in one pass: the derive with `#[serde(flatten)]` first buffers every
/// member, which made these small objects a third of a callback's parsing
/// time in wasm. Reads what the derive reads (defaults, `null` as absent,
/// repeated members refused, others kept in order in `extra`); the errors
/// point at the member rather than at the end of the object.
macro_rules! flat_deserialize {
    ($ty:ident { $( $bit:literal $name:literal $field:ident: $read:ty, )+ }) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                enum Key {
                    Known(u32),
                    Other(String),
                }
                impl<'de> Deserialize<'de> for Key {
                    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        struct K;
                        impl Visitor<'_> for K {
                            type Value = Key;
                            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                                f.write_str("a member name")
                            }
                            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                                Ok(match v {
                                    $( $name => Key::Known($bit), )+
                                    other => Key::Other(other.to_owned()),
                                })
                            }
                        }
                        d.deserialize_identifier(K)
                    }
                }
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        let mut out = $ty::default();
                        let mut seen = 0u32;
                        while let Some(key) = map.next_key::<Key>()? {
                            match key {
                                $( Key::Known($bit) => {
                                    if seen & (1 << $bit) != 0 {
                                        return Err(de::Error::duplicate_field($name));
                                    }
                                    seen |= 1 << $bit;
                                    out.$field = map.next_value::<$read>()?.into();
                                } )+
                                Key::Known(_) => {}
                                Key::Other(name) => {
                                    let value = map.next_value()?;
                                    out.extra.insert(name, value);
                                }
                            }
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

/// `true`, `false`, `"TRUE"`, `"FALSE"` or `null`, as [`lenient::opt_bool`] reads them.
struct LenientBool(Option<bool>);

impl<'de> Deserialize<'de> for LenientBool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient::opt_bool(d).map(LenientBool)
    }
}

impl From<LenientBool> for Option<bool> {
    fn from(b: LenientBool) -> Self {
        b.0
    }
}

flat_deserialize!(IdentityVerification {
    0 "similarity" similarity: Option<Similarity>,
    1 "validity" validity: LenientBool,
    2 "reason" reason: Option<ValidityReason>,
    3 "handwrittenNoteMatches" handwritten_note_matches: LenientBool,
});

flat_deserialize!(IdAddress {
    0 "city" city: Option<String>,
    1 "stateCode" state_code: Option<String>,
    2 "province" province: Option<String>,
    3 "streetName" street_name: Option<String>,
    4 "streetSuffix" street_suffix: Option<String>,
    5 "streetDirection" street_direction: Option<String>,
    6 "streetNumber" street_number: Option<String>,
    7 "unitDesignator" unit_designator: Option<String>,
    8 "unitNumber" unit_number: Option<String>,
    9 "unitDetails" unit_details: Option<String>,
    10 "zip" zip: Option<String>,
    11 "zipExtension" zip_extension: Option<String>,
    12 "postalCode" postal_code: Option<String>,
    13 "line1" line1: Option<String>,
    14 "line2" line2: Option<String>,
    15 "line3" line3: Option<String>,
    16 "line4" line4: Option<String>,
    17 "line5" line5: Option<String>,
    18 "formattedAddress" formatted_address: Option<String>,
    19 "country" country: Option<String>,
});

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    // The derive the hand-written `Deserialize`s replaced, as the reference.
    #[derive(Deserialize, Serialize)]
    #[serde(rename_all = "camelCase")]
    struct DerivedIdentity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        similarity: Option<Similarity>,
        #[serde(
            default,
            deserialize_with = "lenient::opt_bool",
            skip_serializing_if = "Option::is_none"
        )]
        validity: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<ValidityReason>,
        #[serde(
            default,
            deserialize_with = "lenient::opt_bool",
            skip_serializing_if = "Option::is_none"
        )]
        handwritten_note_matches: Option<bool>,
        #[serde(flatten)]
        extra: ExtraJson,
    }

    #[derive(Deserialize, Serialize)]
    #[serde(rename_all = "camelCase")]
    struct DerivedAddress {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        city: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state_code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line1: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        formatted_address: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<String>,
        #[serde(flatten)]
        extra: ExtraJson,
    }

    /// Both readers agree: the same value, or both an error of the same category.
    fn same<
        Ours: serde::de::DeserializeOwned + Serialize,
        Theirs: serde::de::DeserializeOwned + Serialize,
    >(
        json: &str,
    ) {
        let ours = serde_json::from_str::<Ours>(json);
        let theirs = serde_json::from_str::<Theirs>(json);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_string(&a).ok(),
                serde_json::to_string(&b).ok(),
                "{json}"
            ),
            (Err(a), Err(b)) => assert_eq!(a.classify(), b.classify(), "{json}: {a} / {b}"),
            (a, b) => panic!("{json}: {:?} / {:?}", a.err(), b.err()),
        }
    }

    #[test]
    fn identity_verification_reads_as_the_derive_did() {
        for json in [
            r#"{"similarity":"MATCH","validity":true}"#,
            r#"{"similarity":"NEW","validity":"TRUE","reason":"LIVENESS_FAILED","handwrittenNoteMatches":"false"}"#,
            r#"{"similarity":null,"validity":null,"reason":7,"confidence":0.5,"x":{"y":[1,"2"]}}"#,
            r#"{"validity":"","handwrittenNoteMatches":false,"z":null,"a":1,"z":2}"#,
            r#"{"simil\u0061rity":"MATCH"}"#,
            r#"{}"#,
            r#"{"validity":"maybe"}"#,
            r#"{"validity":1}"#,
            r#"{"similarity":1.5}"#,
            r#"{"similarity":"MATCH","similarity":"NO_MATCH"}"#,
            r#"{"validity":null,"validity":true}"#,
            r#"[]"#,
            r#"["MATCH",true]"#,
            r#""MATCH""#,
            r#"null"#,
            r#"{"similarity":"MATCH""#,
            r#"{"similarity":"MATCH",}"#,
            r#"{"similarity":"MATCH"} x"#,
        ] {
            same::<IdentityVerification, DerivedIdentity>(json);
        }
    }

    #[test]
    fn address_reads_as_the_derive_did() {
        for json in [
            r#"{"country":"USA","stateCode":"US-OH"}"#,
            r#"{"line1":"1 Main St","formattedAddress":"x","country":"DEU","more":{"a":[true]}}"#,
            r#"{"city":null,"b":2,"a":1,"b":3}"#,
            r#"{"city":5}"#,
            r#"{"city":"A","city":"B"}"#,
            r#"{"city":null,"city":"B"}"#,
            r#"{"country":"USA","extra":"kept"}"#,
            r#"[{"city":"A"}]"#,
            r#"{"city":"A""#,
        ] {
            same::<IdAddress, DerivedAddress>(json);
        }
    }
}
