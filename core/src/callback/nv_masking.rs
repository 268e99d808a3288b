//! Netverify masking: for customers with a business presence in Germany, the
//! Netherlands or South Korea, the provider withholds some fields by law.
//! These tables let a caller tell a field masked by the provider from one
//! that is missing.

use crate::callback::codes::IdType;
use crate::callback::netverify::NetverifyCallback;
use serde::{Deserialize, Serialize};

/// The fields NV masking withholds for a document, per the spec's table
/// (the Netherlands' ID card also loses `optionalData1`, per the field table).
/// Empty for documents masking does not affect (and for the Dutch driving
/// licence, where only the image is masked).
pub fn masked_fields(country: &str, id_type: &IdType) -> &'static [&'static str] {
    match (country, id_type) {
        ("DEU", IdType::Passport | IdType::IdCard) => &["idCheckMRZcode", "idNumber"],
        ("NLD", IdType::Passport) => &["idCheckMRZcode", "personalNumber"],
        ("NLD", IdType::IdCard) => &["idCheckMRZcode", "personalNumber", "optionalData1"],
        ("KOR", IdType::Passport) => &["idCheckMRZcode", "personalNumber"],
        ("KOR", IdType::IdCard) => &["idNumber", "idDob"],
        ("KOR", IdType::DrivingLicense) => &["idDob"],
        _ => &[],
    }
}

/// Whether a field is in a callback, and if not, whether NV masking explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldPresence {
    /// The field has a value.
    Present,
    /// Absent, and NV masking withholds it for this country and document
    /// type (if masking is enabled on the account).
    MaskedByProvider,
    /// Absent, and masking does not explain it.
    Missing,
}

impl NetverifyCallback {
    /// Fields absent from this callback that NV masking withholds for its
    /// `idCountry` and `idType`.
    pub fn masked_by_provider(&self) -> Vec<&'static str> {
        self.maskable()
            .iter()
            .copied()
            .filter(|f| !self.has_maskable(f))
            .collect()
    }

    /// Whether the NV-maskable field `field` (wire name) is present, withheld
    /// by masking, or missing. Fields masking never touches are `Present` or
    /// `Missing` by their value.
    pub fn field_presence(&self, field: &str) -> FieldPresence {
        let present = match field {
            "idCheckMRZcode" | "idNumber" | "personalNumber" | "optionalData1" | "idDob" => {
                self.has_maskable(field)
            }
            _ => {
                // Fall back to the JSON form for the rest of the table.
                serde_json::to_value(self)
                    .ok()
                    .and_then(|v| v.get(field).cloned())
                    .is_some()
                    || self.extra.contains_key(field)
            }
        };
        if present {
            FieldPresence::Present
        } else if self.maskable().contains(&field) {
            FieldPresence::MaskedByProvider
        } else {
            FieldPresence::Missing
        }
    }

    fn maskable(&self) -> &'static [&'static str] {
        match (&self.id_country, &self.id_type) {
            (Some(country), Some(id_type)) => masked_fields(country, id_type),
            _ => &[],
        }
    }

    fn has_maskable(&self, field: &str) -> bool {
        match field {
            "idCheckMRZcode" => self.id_check_mrz_code.is_some(),
            "idNumber" => self.id_number.is_some(),
            "personalNumber" => self.personal_number.is_some(),
            "optionalData1" => self.optional_data1.is_some(),
            "idDob" => self.id_dob.is_some(),
            _ => false,
        }
    }
}
