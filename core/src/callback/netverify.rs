//! The Netverify (ID Verification) callback: an `application/x-www-form-urlencoded`
//! POST, some of whose fields hold JSON.
//!
//! Reading rules, each tested:
//! - an empty value is the same as an absent field (the provider sends both);
//! - only `jumioIdScanReference` and `verificationStatus` are required: the
//!   spec marks more as mandatory, but its own examples omit the timestamps;
//! - values longer than the documented maximum are refused (see
//!   [`ParseOptions::enforce_max_lengths`]); JSON-valued fields are checked
//!   for shape, not length;
//! - fields the spec does not list are kept, in order, in `extra`.

use crate::callback::codes::{
    CallbackType, DlCarPermission, Gender, IdCheck, IdScanSource, IdScanStatus, IdSubtype, IdType,
    VerificationStatus,
};
use crate::callback::error::CallbackError;
use crate::callback::form::{
    check_country, check_len, decode_pairs, FieldTable, FormValue, FormWriter, ParseOptions,
};
use crate::callback::models::{DlCategories, IdAddress, IdentityVerification, LivenessImages};
use crate::callback::reject::RejectReason;
use crate::wire::{member, DateValue, JsonWriter, Timestamp, WriteJson};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A parsed Netverify callback. Field docs quote the spec's table.
///
/// `Debug` shows the [`redacted`](Self::redacted) form: personal data never
/// reaches a log through `{:?}`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetverifyCallback {
    /// `callBackType`: `NETVERIFYID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_back_type: Option<CallbackType>,
    /// `jumioIdScanReference` (max 36): Jumio's reference for the scan.
    pub jumio_id_scan_reference: String,
    /// `verificationStatus`.
    pub verification_status: VerificationStatus,
    /// `idScanStatus`: `SUCCESS` if approved and verified, otherwise `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scan_status: Option<IdScanStatus>,
    /// `idScanSource`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scan_source: Option<IdScanSource>,
    /// `idCheckDataPositions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_data_positions: Option<IdCheck>,
    /// `idCheckDocumentValidation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_document_validation: Option<IdCheck>,
    /// `idCheckHologram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_hologram: Option<IdCheck>,
    /// `idCheckMRZcode`: not returned for NLD, DEU, KOR when NV masking is on.
    #[serde(
        rename = "idCheckMRZcode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub id_check_mrz_code: Option<IdCheck>,
    /// `idCheckMicroprint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_microprint: Option<IdCheck>,
    /// `idCheckSecurityFeatures`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_security_features: Option<IdCheck>,
    /// `idCheckSignature`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_check_signature: Option<IdCheck>,
    /// `transactionDate`: when the scan was created (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_date: Option<Timestamp>,
    /// `callbackDate`: when the callback was created (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_date: Option<Timestamp>,
    /// `identityVerification` (JSON): only with `APPROVED_VERIFIED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_verification: Option<IdentityVerification>,
    /// `idType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_type: Option<IdType>,
    /// `idSubtype` (max 255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_subtype: Option<IdSubtype>,
    /// `idCountry` (3): ISO 3166-1 alpha-3, or `XKX` for Kosovo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_country: Option<String>,
    /// `rejectReason` (JSON): with `DENIED_FRAUD` or `ERROR_NOT_READABLE_ID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<RejectReason>,
    /// `idScanImage` (255): URL of the front image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scan_image: Option<String>,
    /// `idScanImageFace` (255): URL of the face image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scan_image_face: Option<String>,
    /// `idScanImageBackside` (255): URL of the back image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scan_image_backside: Option<String>,
    /// `idNumber` (200): personal. Not returned for DEU, KOR ID cards when NV masking is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// `idFirstName` (200): personal; `N/A` for names in non-Latin script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_first_name: Option<String>,
    /// `idLastName` (200): personal; `N/A` for names in non-Latin script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_last_name: Option<String>,
    /// `idDob` (10): date of birth, personal. For IND, may be incomplete (see `originDob`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_dob: Option<DateValue>,
    /// `idExpiry` (10): date of expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_expiry: Option<DateValue>,
    /// `idUsState` (255): state code, country name, `XKX` or free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_us_state: Option<String>,
    /// `personalNumber` (14): personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_number: Option<String>,
    /// `idAddress` (JSON): personal; US, EU or raw format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_address: Option<IdAddress>,
    /// `merchantIdScanReference` (100): your reference for the scan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id_scan_reference: Option<String>,
    /// `merchantReportingCriteria` (100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_reporting_criteria: Option<String>,
    /// `customerId` (100): your ID of the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// `clientIp`: the client's IP address. Kept as text: the spec's own
    /// example sends `xxx.xxx.xxx.xxx`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_ip: Option<String>,
    /// `firstAttemptDate`: when the first attempt was made (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_attempt_date: Option<Timestamp>,
    /// `optionalData1` (255): optional field of MRZ line 1, personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_data1: Option<String>,
    /// `optionalData2` (255): optional field of MRZ line 2, personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_data2: Option<String>,
    /// `dni` (255): Spanish DNI, personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dni: Option<String>,
    /// `curp` (255): Mexican CURP, personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curp: Option<String>,
    /// `gender` (2): `M` or `F`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// `presetCountry` (3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset_country: Option<String>,
    /// `presetIdType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset_id_type: Option<IdType>,
    /// `dlCarPermission` (255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dl_car_permission: Option<DlCarPermission>,
    /// `dlCategories` (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dl_categories: Option<DlCategories>,
    /// `nationality` (3): for visas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// `passportNumber` (255): for visas, personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passport_number: Option<String>,
    /// `durationOfStay` (255): for visas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_of_stay: Option<String>,
    /// `numberOfEntries` (255): for visas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_entries: Option<String>,
    /// `visaCategory` (255): for visas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_category: Option<String>,
    /// `originDob` (10): date of birth as printed (IND), e.g. `1990//09`; personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_dob: Option<String>,
    /// `issuingAuthority` (50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_authority: Option<String>,
    /// `issuingDate` (10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_date: Option<DateValue>,
    /// `issuingPlace` (50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_place: Option<String>,
    /// `livenessImages` (JSON): URLs of the liveness images, in no set order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liveness_images: Option<LivenessImages>,
    /// Fields the spec does not list, in the order received.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub extra: IndexMap<String, String>,
}

fn any_text(_field: &str, _raw: &str) -> Result<(), CallbackError> {
    Ok(())
}

/// One row per optional field of the spec's table: bit (for duplicate
/// detection), wire name, struct field, max length (0: none), format check.
macro_rules! optional_fields {
    ($( $bit:literal $wire:literal $field:ident $max:literal $check:ident; )+) => {
        impl NetverifyCallback {
            /// Every field name of the spec's table, in its order.
            pub const FIELD_NAMES: &'static [&'static str] =
                &["jumioIdScanReference", "verificationStatus", $($wire),+];

            /// Every field name with its bit.
            const BY_NAME: FieldTable<128> = FieldTable::new(&[
                ("jumioIdScanReference", 0),
                ("verificationStatus", 1),
                $( ($wire, $bit), )+
            ]);

            /// Sets the listed optional field of bit `bit`.
            fn set_listed(
                &mut self,
                seen: &mut u64,
                bit: u8,
                value: Cow<'_, str>,
                opts: &ParseOptions,
            ) -> Result<(), CallbackError> {
                match bit {
                    $( $bit => {
                        mark_seen(seen, $bit, $wire)?;
                        if !value.is_empty() {
                            check_len($wire, &value, $max, opts)?;
                            $check($wire, &value)?;
                            self.$field = Some(FormValue::from_form($wire, value)?);
                        }
                    } )+
                    _ => {}
                }
                Ok(())
            }

            fn write_listed(&self, w: &mut FormWriter) {
                $( w.field($wire, &self.$field); )+
            }

            /// The listed fields in JSON, `callBackType` excepted: the
            /// struct (so serde) has it first, before the required fields.
            fn write_json_listed(&self, w: &mut JsonWriter) {
                $( if $bit != 2 {
                    w.field(member!($wire), &self.$field);
                } )+
            }
        }
    };
}

optional_fields! {
    2 "callBackType" call_back_type 0 any_text;
    3 "idScanStatus" id_scan_status 0 any_text;
    4 "idScanSource" id_scan_source 0 any_text;
    5 "idCheckDataPositions" id_check_data_positions 0 any_text;
    6 "idCheckDocumentValidation" id_check_document_validation 0 any_text;
    7 "idCheckHologram" id_check_hologram 0 any_text;
    8 "idCheckMRZcode" id_check_mrz_code 0 any_text;
    9 "idCheckMicroprint" id_check_microprint 0 any_text;
    10 "idCheckSecurityFeatures" id_check_security_features 0 any_text;
    11 "idCheckSignature" id_check_signature 0 any_text;
    12 "transactionDate" transaction_date 0 any_text;
    13 "callbackDate" callback_date 0 any_text;
    14 "identityVerification" identity_verification 0 any_text;
    15 "idType" id_type 0 any_text;
    16 "idSubtype" id_subtype 255 any_text;
    17 "idCountry" id_country 3 check_country;
    18 "rejectReason" reject_reason 0 any_text;
    19 "idScanImage" id_scan_image 255 any_text;
    20 "idScanImageFace" id_scan_image_face 255 any_text;
    21 "idScanImageBackside" id_scan_image_backside 255 any_text;
    22 "idNumber" id_number 200 any_text;
    23 "idFirstName" id_first_name 200 any_text;
    24 "idLastName" id_last_name 200 any_text;
    25 "idDob" id_dob 10 any_text;
    26 "idExpiry" id_expiry 10 any_text;
    27 "idUsState" id_us_state 255 any_text;
    28 "personalNumber" personal_number 14 any_text;
    29 "idAddress" id_address 0 any_text;
    30 "merchantIdScanReference" merchant_id_scan_reference 100 any_text;
    31 "merchantReportingCriteria" merchant_reporting_criteria 100 any_text;
    32 "customerId" customer_id 100 any_text;
    33 "clientIp" client_ip 0 any_text;
    34 "firstAttemptDate" first_attempt_date 0 any_text;
    35 "optionalData1" optional_data1 255 any_text;
    36 "optionalData2" optional_data2 255 any_text;
    37 "dni" dni 255 any_text;
    38 "curp" curp 255 any_text;
    39 "gender" gender 2 any_text;
    40 "presetCountry" preset_country 3 check_country;
    41 "presetIdType" preset_id_type 0 any_text;
    42 "dlCarPermission" dl_car_permission 255 any_text;
    43 "dlCategories" dl_categories 0 any_text;
    44 "nationality" nationality 3 check_country;
    45 "passportNumber" passport_number 255 any_text;
    46 "durationOfStay" duration_of_stay 255 any_text;
    47 "numberOfEntries" number_of_entries 255 any_text;
    48 "visaCategory" visa_category 255 any_text;
    49 "originDob" origin_dob 10 any_text;
    50 "issuingAuthority" issuing_authority 50 any_text;
    51 "issuingDate" issuing_date 10 any_text;
    52 "issuingPlace" issuing_place 50 any_text;
    53 "livenessImages" liveness_images 0 any_text;
}

pub(crate) fn mark_seen(seen: &mut u64, bit: u32, field: &str) -> Result<(), CallbackError> {
    let mask = 1u64 << bit;
    if *seen & mask != 0 {
        return Err(CallbackError::DuplicateField {
            field: field.to_owned(),
        });
    }
    *seen |= mask;
    Ok(())
}

/// Keeps a field the spec does not list, refusing a repeat.
pub(crate) fn keep_extra(
    extra: &mut IndexMap<String, String>,
    name: Cow<'_, str>,
    value: Cow<'_, str>,
) -> Result<(), CallbackError> {
    if extra.contains_key(name.as_ref()) {
        return Err(CallbackError::DuplicateField {
            field: crate::callback::form::safe_field_name(&name),
        });
    }
    extra.insert(name.into_owned(), value.into_owned());
    Ok(())
}

impl NetverifyCallback {
    /// Parses a callback body with the default [`ParseOptions`].
    pub fn parse(body: impl AsRef<[u8]>) -> Result<Self, CallbackError> {
        Self::parse_with(body.as_ref(), &ParseOptions::default())
    }

    /// Parses a callback body.
    pub fn parse_with(body: &[u8], opts: &ParseOptions) -> Result<Self, CallbackError> {
        let mut cb = NetverifyCallback::empty();
        let mut seen = 0u64;
        let mut reference = None;
        let mut status = None;
        decode_pairs(body, opts, |name, value| {
            match Self::BY_NAME.get(&name) {
                Some(0) => {
                    mark_seen(&mut seen, 0, "jumioIdScanReference")?;
                    check_len("jumioIdScanReference", &value, 36, opts)?;
                    reference = Some(value.into_owned());
                }
                Some(1) => {
                    mark_seen(&mut seen, 1, "verificationStatus")?;
                    status = Some(VerificationStatus::from_wire(&value));
                }
                Some(bit) => cb.set_listed(&mut seen, bit, value, opts)?,
                None => keep_extra(&mut cb.extra, name, value)?,
            }
            Ok(())
        })?;
        cb.jumio_id_scan_reference = reference
            .filter(|r| !r.is_empty())
            .ok_or_else(|| CallbackError::missing("jumioIdScanReference"))?;
        cb.verification_status = status
            .filter(|s| !s.as_str().is_empty())
            .ok_or_else(|| CallbackError::missing("verificationStatus"))?;
        Ok(cb)
    }

    /// A callback with only the required fields set, for building one by hand.
    pub fn new(jumio_id_scan_reference: String, verification_status: VerificationStatus) -> Self {
        NetverifyCallback {
            jumio_id_scan_reference,
            verification_status,
            ..NetverifyCallback::empty()
        }
    }

    fn empty() -> Self {
        NetverifyCallback {
            call_back_type: None,
            jumio_id_scan_reference: String::new(),
            verification_status: VerificationStatus::Unknown(String::new()),
            id_scan_status: None,
            id_scan_source: None,
            id_check_data_positions: None,
            id_check_document_validation: None,
            id_check_hologram: None,
            id_check_mrz_code: None,
            id_check_microprint: None,
            id_check_security_features: None,
            id_check_signature: None,
            transaction_date: None,
            callback_date: None,
            identity_verification: None,
            id_type: None,
            id_subtype: None,
            id_country: None,
            reject_reason: None,
            id_scan_image: None,
            id_scan_image_face: None,
            id_scan_image_backside: None,
            id_number: None,
            id_first_name: None,
            id_last_name: None,
            id_dob: None,
            id_expiry: None,
            id_us_state: None,
            personal_number: None,
            id_address: None,
            merchant_id_scan_reference: None,
            merchant_reporting_criteria: None,
            customer_id: None,
            client_ip: None,
            first_attempt_date: None,
            optional_data1: None,
            optional_data2: None,
            dni: None,
            curp: None,
            gender: None,
            preset_country: None,
            preset_id_type: None,
            dl_car_permission: None,
            dl_categories: None,
            nationality: None,
            passport_number: None,
            duration_of_stay: None,
            number_of_entries: None,
            visa_category: None,
            origin_dob: None,
            issuing_authority: None,
            issuing_date: None,
            issuing_place: None,
            liveness_images: None,
            extra: IndexMap::new(),
        }
    }

    /// Writes the callback back as a form body that parses to an equal value:
    /// the required fields, the others in table order, then `extra` in the order received.
    /// The body may be longer than the one read (raw UTF-8 is written as
    /// `%XX`): read it back with a `max_body_bytes` to match.
    pub fn to_form(&self) -> String {
        let mut w = FormWriter::new();
        w.pair("jumioIdScanReference", &self.jumio_id_scan_reference);
        w.pair("verificationStatus", self.verification_status.as_str());
        self.write_listed(&mut w);
        w.extra(&self.extra);
        w.finish()
    }

    /// Every field, `extra` included, as compact JSON with the spec's field names.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        w.begin();
        w.field(member!("callBackType"), &self.call_back_type);
        w.raw_key(member!("jumioIdScanReference"));
        w.string(&self.jumio_id_scan_reference);
        w.raw_key(member!("verificationStatus"));
        self.verification_status.write_json(&mut w);
        self.write_json_listed(&mut w);
        if !self.extra.is_empty() {
            w.raw_key(member!("extra"));
            self.extra.write_json(&mut w);
        }
        w.end();
        w.finish()
    }

    /// Reads what [`to_json`](Self::to_json) wrote.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl fmt::Debug for NetverifyCallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NetverifyCallback {}", self.redacted().to_json())
    }
}

impl WriteJson for RejectReason {
    fn write_json(&self, w: &mut JsonWriter) {
        w.serde(self);
    }
}

/// Bare URLs joined by commas, split where a comma is followed by
/// `http://` or `https://` (spaces around the comma allowed).
fn split_bare_urls(raw: &str) -> Vec<String> {
    let starts_url = |s: &str| {
        let s = s.trim_start();
        s.starts_with("https://") || s.starts_with("http://")
    };
    let mut urls: Vec<String> = Vec::new();
    for part in raw.split(',') {
        match urls.last_mut() {
            Some(last) if !starts_url(part) => {
                last.push(',');
                last.push_str(part);
            }
            _ => urls.push(part.to_owned()),
        }
    }
    if urls.len() > 1 {
        for u in &mut urls {
            *u = u.trim().to_owned();
        }
    }
    urls
}

impl FormValue for LivenessImages {
    /// A JSON array (or string) of URLs; a bare URL is read as a list of
    /// one, and bare URLs joined by commas as a list: a comma is taken as a
    /// separator only where a URL scheme follows it, since a comma may also
    /// be part of a URL's path.
    fn from_form(field: &str, raw: Cow<'_, str>) -> Result<Self, CallbackError> {
        match raw.trim_start().as_bytes().first() {
            Some(b'[') | Some(b'"') => {
                serde_json::from_str(&raw).map_err(|e| CallbackError::json(field, &e))
            }
            _ => Ok(LivenessImages(split_bare_urls(&raw))),
        }
    }
    fn to_form(&self) -> Cow<'_, str> {
        Cow::Owned(serde_json::to_string(self).unwrap_or_default())
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_field_name_finds_its_bit() {
        // Bits are the names' positions in the spec's table.
        for (bit, name) in NetverifyCallback::FIELD_NAMES.iter().enumerate() {
            assert_eq!(
                NetverifyCallback::BY_NAME.get(name),
                Some(bit as u8),
                "{name}"
            );
        }
        for unknown in [
            "",
            "idtype",
            "idTypeX",
            "idTyp",
            "extra",
            "jumioIdScanReferenc",
        ] {
            assert_eq!(NetverifyCallback::BY_NAME.get(unknown), None, "{unknown}");
        }
    }

    fn serde_json_of(cb: &NetverifyCallback) -> String {
        serde_json::to_string(cb).unwrap_or_default()
    }

    #[test]
    fn to_json_is_what_serde_writes_for_every_fixture() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/callbacks/netverify"
        );
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(body) = std::fs::read(entry.path()) else {
                continue;
            };
            // Fixtures of expected errors do not parse; the rest must match.
            let Ok(cb) = NetverifyCallback::parse(&body) else {
                continue;
            };
            assert_eq!(cb.to_json(), serde_json_of(&cb), "{:?}", entry.path());
            let redacted = cb.redacted();
            assert_eq!(redacted.to_json(), serde_json_of(&redacted));
            checked += 1;
        }
        assert!(checked >= 10, "{checked} fixtures");
    }

    #[test]
    fn to_json_is_what_serde_writes_with_every_field_set() {
        let text = "x\"y\\z\n\u{1}\u{1f}\u{7f}é/<12345678";
        let mut all = serde_json::Map::new();
        for name in NetverifyCallback::FIELD_NAMES {
            let value = match *name {
                "identityVerification" => serde_json::json!({
                    "similarity": "MATCH", "validity": "TRUE", "reason": text,
                    "handwrittenNoteMatches": false, "confidence": 0.25, "n\"ew": [1, null, {"a": text}]
                }),
                "idAddress" => {
                    let mut address: serde_json::Map<_, _> = [
                        "city",
                        "stateCode",
                        "province",
                        "streetName",
                        "streetSuffix",
                        "streetDirection",
                        "streetNumber",
                        "unitDesignator",
                        "unitNumber",
                        "unitDetails",
                        "zip",
                        "zipExtension",
                        "postalCode",
                        "line1",
                        "line2",
                        "line3",
                        "line4",
                        "line5",
                        "formattedAddress",
                        "country",
                    ]
                    .iter()
                    .map(|k| (k.to_string(), serde_json::json!(text)))
                    .collect();
                    address.insert("undocumented".into(), serde_json::json!({"x": [text]}));
                    serde_json::Value::Object(address)
                }
                "rejectReason" => serde_json::json!({
                    "rejectReasonCode": "100", "rejectReasonDescription": text,
                    "rejectReasonDetails": [{"detailsCode": "1001", "detailsDescription": text}]
                }),
                "dlCategories" => serde_json::json!([
                    {"category": text, "issueDate": "2001-02-03", "expiryDate": "2031-02-03",
                     "isReadable": "FALSE", "availability": text, "more": 7},
                    {}
                ]),
                "livenessImages" => serde_json::json!([text, "https://x/1"]),
                "idDob" | "idExpiry" | "issuingDate" => serde_json::json!("1990-01-31"),
                "transactionDate" | "callbackDate" | "firstAttemptDate" => {
                    serde_json::json!("2024-05-06T07:08:09.123Z")
                }
                _ => serde_json::json!(text),
            };
            all.insert(name.to_string(), value);
        }
        all.insert("extra".into(), serde_json::json!({"a\"b": text, "c": ""}));
        let json = serde_json::Value::Object(all).to_string();
        let cb = NetverifyCallback::from_json(&json).expect("every field reads");
        // Every field is set: the comparison covers each of them.
        let written: serde_json::Value = serde_json::from_str(&cb.to_json()).unwrap_or_default();
        assert_eq!(
            written.as_object().map(|o| o.len()),
            Some(NetverifyCallback::FIELD_NAMES.len() + 1)
        );
        assert_eq!(cb.to_json(), serde_json_of(&cb));
    }
}
