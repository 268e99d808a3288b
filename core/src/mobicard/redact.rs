//! Redacted copies of ScanAPI responses, and the `Debug` output built on
//! them (the response's and every section's `Debug` is its redacted form).
//!
//! The rules are those of [`crate::redact`]: a value is kept only in the
//! shape the ScanAPI spec documents for its field, anything else is
//! withheld (`[redacted]`), every kept string goes through the card-number
//! finder ([`rules::scrub`], and again blind to the punctuation an
//! identifier may hold), and members the spec does not list become
//! `[field-N]` with their value withheld, at every level. The spec sends
//! many values either as strings or as JSON numbers: a number is judged by
//! its decimal text, kept as a number when the finder leaves that text as
//! it is, and written as the masked string when it does not (a card number
//! sent as a number). `null` and `""` carry nothing and are kept.
//!
//! | family | fields | shown |
//! |---|---|---|
//! | value sets | `status`; `status_code`; `status_message`; `card_category`, `card_biin_type`; `card_biin_prepaid` | documented members; also any three-digit code; the messages of the status codes table (`SUCCESS`, `BAD REQUEST`, `TOO MANY REQUESTS`, `INSUFFICIENT TOKENS`, `UNAVAILABLE`, `TIMEOUT`); `CREDIT`, `DEBIT`, `PREPAID`, `CHARGE`, `DEFERRED DEBIT`; yes or no |
//! | brands | `card_brand`, `card_biin_scheme` | a brand scankit knows by name (`MASTERCARD`, `AMEX`) |
//! | flags | every `*_flag`, `card_validation_checks.*` | `0`, `1`, `true`, `false` in the spellings [`Flag`] reads |
//! | scores | `card_confidence_score`, `card_risk_score` | a decimal from 0 to 1 with at most ten decimals |
//! | references | `card_scan_request_id`, `mobicard_txn_reference` | an identifier holding a digit ([`rules::is_reference`]), string or number |
//! | timestamps | `timestamp`, `card_exif_original_timestamp`, `card_exif_file_datetime`, `card_exif_file_datetime_digitized` | `YYYY-MM-DD hh:mm:ss` (EXIF's `YYYY:MM:DD hh:mm:ss` too) |
//! | card expiry | `card_expiry_date`; `card_expiry_month`, `card_expiry_year` | `MM/YY`; one, two or four digits |
//! | card numbers | `card_number`, `card_number_masked` | written as a card number (digits, spaces, dashes, `*`, `x`): first 4 and last 4 digits, the rest `*`, as MobiCard masks; else withheld |
//! | BIN | `card_biin_number`; `card_biin_prefix` | six to eight digits; up to eight digits |
//! | countries | `card_biin_country_two_letter_code`; `card_biin_country_numeric` | two capitals; three digits |
//! | URLs | `card_biin_bank_url`, `card_biin_bank_logo` | `http(s)://host/path` ([`rules::is_url`]) |
//! | names | `card_holder_name` | the first letter, then `***` |
//! | token | `card_token` | withheld (it stands for the card in the Tokenization API) |
//! | free text | `card_bank_name`, `card_biin_bank_name`, `card_biin_brand`, `card_biin_bank_city`, `card_biin_bank_phone`, `card_biin_country_name`, `card_exif_device_model`, `card_exif_device_make`, `addendum_data` | withheld |
//! | fields the spec does not list | at every level (`card_exif_tamper_flag` included) | name replaced by `[field-N]`, value withheld |
//!
//! [`rules::scrub`]: crate::redact::rules::scrub
//! [`rules::is_reference`]: crate::redact::rules::is_reference
//! [`rules::is_url`]: crate::redact::rules::is_url

use super::crosscheck::brand_from_name;
use super::fields::{Decimal, Flag, Text};
use super::response::ScanResponse;
use super::sections::{
    BiinInformation, CardInformation, CardNumber, ExifInformation, RiskInformation,
    ValidationChecks,
};
use crate::redact::rules::scrub;
use crate::redact::rules::{is_reference, is_url, withhold_extra_json};
use crate::redact::{mask_name, REDACTED};
use crate::retrieval::redact::{is_mm_yy, mask_card_like};
use serde_json::Value;

/// MobiCard's own masking: first 4 and last 4 digits, the rest `*`.
fn mask_mobicard(v: &str) -> Option<String> {
    mask_card_like(v, 4, 4, '*')
}

fn withheld() -> Value {
    Value::String(REDACTED.to_owned())
}

/// A scalar judged by its text and rewritten by `rewrite` (`None`:
/// withheld). `null` and `""` are kept; a number stays a number when its
/// text comes back unchanged; arrays, objects and booleans (no field of the
/// spec is a text sent as one) are withheld.
fn judge(value: &Value, rewrite: impl Fn(&str) -> Option<String>) -> Value {
    match value {
        Value::Null => Value::Null,
        Value::String(s) if s.is_empty() => value.clone(),
        Value::String(s) => rewrite(s).map_or_else(withheld, Value::String),
        Value::Number(n) => {
            let text = n.to_string();
            match rewrite(&text) {
                Some(out) if out == text => value.clone(),
                Some(out) => Value::String(out),
                None => withheld(),
            }
        }
        _ => withheld(),
    }
}

/// Keeps a text field of the documented `shape` (card numbers masked), else withholds it.
fn keep_text(field: &mut Option<Text>, shape: fn(&str) -> bool) {
    if let Some(t) = field.as_mut() {
        t.0 = judge(&t.0, |s| shape(s).then(|| scrub(s)));
    }
}

/// Withholds a free-text field (`null` and `""` aside).
fn withhold_text(field: &mut Option<Text>) {
    keep_text(field, |_| false);
}

fn keep_flag(field: &mut Option<Flag>) {
    if let Some(f) = field.as_mut() {
        if !f.0.is_null() && f.as_bool().is_none() {
            f.0 = withheld();
        }
    }
}

fn keep_flags<const N: usize>(flags: [&mut Option<Flag>; N]) {
    for f in flags {
        keep_flag(f);
    }
}

fn keep_score(field: &mut Option<Decimal>) {
    if let Some(d) = field.as_mut() {
        d.0 = judge(&d.0, |s| is_score(s).then(|| s.to_owned()));
    }
}

/// A score from 0 to 1 (`"0.7700"`, `0.0125`): too few digits for a card number.
fn is_score(v: &str) -> bool {
    let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
    matches!(whole, "0" | "1")
        && fraction.len() <= 10
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<f64>().is_ok_and(|x| x <= 1.0)
}

/// The messages of the spec's status codes table.
fn is_status_message(v: &str) -> bool {
    matches!(
        v,
        "SUCCESS"
            | "BAD REQUEST"
            | "TOO MANY REQUESTS"
            | "INSUFFICIENT TOKENS"
            | "UNAVAILABLE"
            | "TIMEOUT"
    )
}

/// `YYYY-MM-DD hh:mm:ss` (the response's), or EXIF's `YYYY:MM:DD hh:mm:ss`.
fn is_datetime(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-' || c == b':',
            10 => c == b' ',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        })
}

/// An expiry month or year: one, two or four digits.
fn is_expiry_part(v: &str) -> bool {
    matches!(v.len(), 1 | 2 | 4) && v.bytes().all(|b| b.is_ascii_digit())
}

/// A brand name scankit knows (`MASTERCARD`, `American Express`); a
/// name of a person is not one.
fn is_brand(v: &str) -> bool {
    v.len() <= 40
        && v.bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'-')
        && brand_from_name(v).is_some()
}

/// A card category (`card_category`, `card_biin_type`).
fn is_category(v: &str) -> bool {
    ["CREDIT", "DEBIT", "PREPAID", "CHARGE", "DEFERRED DEBIT"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(v))
}

/// `card_biin_prepaid`: `Yes` or `No` in any spelling of a flag.
fn is_yes_no(v: &str) -> bool {
    ["yes", "no", "y", "n", "true", "false", "0", "1"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(v))
}

/// A BIN (`card_biin_number`): six to eight digits, never a whole card number.
fn is_bin(v: &str) -> bool {
    (6..=8).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
}

/// A card prefix: up to eight digits.
fn is_prefix(v: &str) -> bool {
    v.len() <= 8 && v.bytes().all(|b| b.is_ascii_digit())
}

/// ISO 3166-1 alpha-2.
fn is_alpha2(v: &str) -> bool {
    v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase())
}

/// ISO 3166-1 numeric.
fn is_numeric_country(v: &str) -> bool {
    v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit())
}

impl ScanResponse {
    /// A copy safe to log: the card number masked as MobiCard masks it, the
    /// cardholder name reduced to its first letter, the token and free text
    /// withheld, and every other value kept only in its documented shape
    /// (see the module docs).
    pub fn redacted(&self) -> ScanResponse {
        let mut r = self.clone();
        r.status = r.status.redacted();
        r.status_code = r.status_code.redacted();
        keep_text(&mut r.status_message, is_status_message);
        keep_text(&mut r.card_scan_request_id, is_reference);
        keep_text(&mut r.mobicard_txn_reference, is_reference);
        keep_text(&mut r.timestamp, is_datetime);
        r.card_information = r.card_information.as_ref().map(CardInformation::redacted);
        r.card_exif_information = r
            .card_exif_information
            .as_ref()
            .map(ExifInformation::redacted);
        r.card_risk_information = r
            .card_risk_information
            .as_ref()
            .map(RiskInformation::redacted);
        r.card_biin_information = r
            .card_biin_information
            .as_ref()
            .map(BiinInformation::redacted);
        withhold_text(&mut r.addendum_data);
        withhold_extra_json(&mut r.extra);
        r
    }
}

impl CardInformation {
    /// A copy with the card number masked as MobiCard masks it, the holder's
    /// initial, the token and bank name withheld.
    pub fn redacted(&self) -> CardInformation {
        let mut r = self.clone();
        if let Some(n) = r.card_number.as_mut() {
            let masked = mask_mobicard(n.expose()).unwrap_or_else(|| REDACTED.to_owned());
            *n = CardNumber::new(masked);
        }
        if let Some(t) = r.card_number_masked.as_mut() {
            t.0 = judge(&t.0, mask_mobicard);
        }
        keep_text(&mut r.card_expiry_date, is_mm_yy);
        keep_text(&mut r.card_expiry_month, is_expiry_part);
        keep_text(&mut r.card_expiry_year, is_expiry_part);
        keep_text(&mut r.card_brand, is_brand);
        keep_text(&mut r.card_category, is_category);
        if let Some(t) = r.card_holder_name.as_mut() {
            t.0 = judge(&t.0, |s| Some(mask_name(s)));
        }
        withhold_text(&mut r.card_bank_name);
        keep_score(&mut r.card_confidence_score);
        r.card_validation_checks = r
            .card_validation_checks
            .as_ref()
            .map(ValidationChecks::redacted);
        withhold_text(&mut r.card_token);
        withhold_extra_json(&mut r.extra);
        r
    }
}

impl ValidationChecks {
    /// A copy keeping flags in the spellings the spec uses.
    pub fn redacted(&self) -> ValidationChecks {
        let mut r = self.clone();
        keep_flags([
            &mut r.luhn_algorithm,
            &mut r.brand_prefix,
            &mut r.expiry_date,
        ]);
        withhold_extra_json(&mut r.extra);
        r
    }
}

impl ExifInformation {
    /// A copy keeping flags and timestamps; the camera is withheld.
    pub fn redacted(&self) -> ExifInformation {
        let mut r = self.clone();
        keep_flags([
            &mut r.card_exif_flag,
            &mut r.card_exif_is_instant_photo_flag,
        ]);
        for t in [
            &mut r.card_exif_original_timestamp,
            &mut r.card_exif_file_datetime,
            &mut r.card_exif_file_datetime_digitized,
        ] {
            keep_text(t, is_datetime);
        }
        withhold_text(&mut r.card_exif_device_model);
        withhold_text(&mut r.card_exif_device_make);
        withhold_extra_json(&mut r.extra);
        r
    }
}

impl RiskInformation {
    /// A copy keeping flags and the score.
    pub fn redacted(&self) -> RiskInformation {
        let mut r = self.clone();
        keep_flags([
            &mut r.card_possible_screenshot_flag,
            &mut r.card_possible_edited_flag,
            &mut r.card_reencode_suspected_flag,
            &mut r.card_deepfake_risk_flag,
        ]);
        keep_score(&mut r.card_risk_score);
        withhold_extra_json(&mut r.extra);
        r
    }
}

impl BiinInformation {
    /// A copy keeping the BIN, scheme, type and country codes; the bank's
    /// name, city and phone and other free text are withheld.
    pub fn redacted(&self) -> BiinInformation {
        let mut r = self.clone();
        keep_flags([&mut r.card_biin_flag, &mut r.card_biin_risk_flag]);
        keep_text(&mut r.card_biin_number, is_bin);
        keep_text(&mut r.card_biin_scheme, is_brand);
        keep_text(&mut r.card_biin_prefix, is_prefix);
        keep_text(&mut r.card_biin_type, is_category);
        keep_text(&mut r.card_biin_prepaid, is_yes_no);
        keep_text(&mut r.card_biin_bank_url, is_url);
        keep_text(&mut r.card_biin_bank_logo, is_url);
        keep_text(&mut r.card_biin_country_two_letter_code, is_alpha2);
        keep_text(&mut r.card_biin_country_numeric, is_numeric_country);
        for f in [
            &mut r.card_biin_brand,
            &mut r.card_biin_bank_name,
            &mut r.card_biin_bank_city,
            &mut r.card_biin_bank_phone,
            &mut r.card_biin_country_name,
        ] {
            withhold_text(f);
        }
        withhold_extra_json(&mut r.extra);
        r
    }
}

crate::redact::redacted_debug!(
    ScanResponse,
    CardInformation,
    ValidationChecks,
    ExifInformation,
    RiskInformation,
    BiinInformation,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_judged_by_their_text() {
        let id = |v: Value| judge(&v, |s| is_reference(s).then(|| scrub(s)));
        assert_eq!(
            id(Value::from(18678121768809363_u64)),
            Value::from(18678121768809363_u64)
        );
        assert_eq!(
            id(Value::from(4111111111111111_u64)),
            Value::from("411111******1111")
        );
        assert_eq!(id(Value::from(true)), withheld());
        assert_eq!(id(Value::Null), Value::Null);
        assert_eq!(id(Value::from("")), Value::from(""));
        assert_eq!(id(Value::from("ZEBULON")), withheld());
    }

    #[test]
    fn shapes_of_scanapi_fields() {
        assert!(is_score("0.7700") && is_score("0.0125") && is_score("1") && !is_score("1.5"));
        assert!(!is_score("0.4111111111111111") && !is_score("4111111111111111"));
        assert!(is_datetime("2026-01-19 07:56:02") && is_datetime("2026:01:19 07:56:02"));
        assert!(!is_datetime("ZEBULON") && is_mm_yy("12/19") && is_expiry_part("19"));
        assert!(is_brand("MASTERCARD") && is_brand("AMEX") && is_brand("American Express"));
        assert!(!is_brand("ZEBULON") && !is_brand("Zebulon Quackenbush"));
        assert!(is_category("PREPAID") && !is_category("ZEBULON"));
        assert!(is_bin("51733500") && !is_bin("5173350006475601"));
        assert!(is_status_message("TIMEOUT") && !is_status_message("ZEBULON"));
    }
}
