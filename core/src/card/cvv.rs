//! Security codes (CVV, CVC, CID, ...) and cardholder names, as
//! `card-validator`'s `cvv()` and `cardholderName()`.

use super::brands::Brand;
use serde::Serialize;

/// The verdict on a (possibly partial) field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FieldValidation {
    /// Whether typing on could still make it valid.
    pub potentially_valid: bool,
    /// Whether it is valid as it stands.
    pub valid: bool,
}

const fn verdict(valid: bool, potentially_valid: bool) -> FieldValidation {
    FieldValidation {
        potentially_valid,
        valid,
    }
}

/// Checks a security code against the allowed sizes (`card-validator`'s
/// `cvv(value, maxLength)`): ASCII digits only; an allowed size is valid,
/// fewer digits than the smallest are potentially valid, more than the
/// largest (or 3, whichever is larger) are not.
pub fn validate_cvv(value: &str, sizes: &[usize]) -> FieldValidation {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return verdict(false, false);
    }
    let n = value.len();
    if sizes.contains(&n) {
        return verdict(true, true);
    }
    if n < sizes.iter().copied().min().unwrap_or(usize::MAX) {
        return verdict(false, true);
    }
    if n > sizes.iter().copied().fold(3, usize::max) {
        return verdict(false, false);
    }
    verdict(true, true)
}

/// Checks a security code for a brand: its code size, or 3 or 4 digits while
/// the brand is not known.
pub fn validate_cvv_for(value: &str, brand: Option<Brand>) -> FieldValidation {
    match brand {
        Some(b) => validate_cvv(value, &[usize::from(b.info().code.size)]),
        None => validate_cvv(value, &[3, 4]),
    }
}

/// The longest cardholder name accepted, in UTF-16 code units as in
/// `card-validator`.
pub const MAX_NAME_LENGTH: usize = 255;

/// Checks a cardholder name (`card-validator`'s `cardholderName()`): empty
/// is potentially valid; over 255 UTF-16 units is invalid; only digits,
/// whitespace and dashes (a card number typed in the wrong field) is
/// potentially valid but not valid; anything else is valid.
pub fn validate_cardholder_name(value: &str) -> FieldValidation {
    if value.is_empty() {
        return verdict(false, true);
    }
    if value.encode_utf16().count() > MAX_NAME_LENGTH {
        return verdict(false, false);
    }
    let looks_like_number = value.chars().all(|c| {
        c.is_ascii_digit() || c == '-' || (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
    });
    if looks_like_number {
        return verdict(false, true);
    }
    verdict(true, true)
}
