//! Payment cards: validation as-you-type, formatting, masking, PAN search.
//!
//! Brands cross as their ids (`visa`, `american-express`, ...), the ids of
//! the npm package `credit-card-type`.

use crate::{to_u32, to_u64, to_usize};
use scankit::card as core;
use std::sync::Arc;

/// Why a number is not a complete card number. Never holds the number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CardError {
    /// A character other than a digit, space or dash.
    #[error("{reason}")]
    NotDigits {
        /// Always `card number`.
        field: String,
        /// What was wrong.
        reason: String,
    },
    /// No single brand fits.
    #[error("{reason}")]
    UnknownBrand {
        /// Always `card number`.
        field: String,
        /// What was wrong.
        reason: String,
    },
    /// The length is not one of the brand's.
    #[error("{reason}")]
    BadLength {
        /// Always `card number`.
        field: String,
        /// What was wrong.
        reason: String,
    },
    /// The check digit is wrong.
    #[error("{reason}")]
    Luhn {
        /// Always `card number`.
        field: String,
        /// What was wrong.
        reason: String,
    },
}

const NUMBER_FIELD: &str = "card number";

impl From<core::PanError> for CardError {
    fn from(e: core::PanError) -> Self {
        let field = NUMBER_FIELD.to_owned();
        let reason = e.to_string();
        match e {
            core::PanError::NotDigits => CardError::NotDigits { field, reason },
            core::PanError::UnknownBrand => CardError::UnknownBrand { field, reason },
            core::PanError::BadLength { .. } => CardError::BadLength { field, reason },
            _ => CardError::Luhn { field, reason },
        }
    }
}

/// How a number is masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MaskStyle {
    /// First 6 and last 4, the rest `x` (Jumio's `cardNumber`).
    Jumio,
    /// Last 2, the rest `x` (Jumio's `cardAccountNumber`).
    JumioAccount,
    /// First 4 and last 4, the rest `*` (MobiCard's).
    Mobicard,
    /// PCI DSS, 6-digit BIN: first 6 and last 4, the rest `*`.
    Pci,
    /// PCI DSS, 8-digit BIN: first 8 and last 4 for 16+ digits, else as `Pci`.
    Pci8,
    /// Last 4 only, the rest `*`.
    Last4,
}

impl From<MaskStyle> for core::MaskStyle {
    fn from(s: MaskStyle) -> Self {
        match s {
            MaskStyle::Jumio => core::MaskStyle::Jumio,
            MaskStyle::JumioAccount => core::MaskStyle::JumioAccount,
            MaskStyle::Mobicard => core::MaskStyle::Mobicard,
            MaskStyle::Pci => core::MaskStyle::Pci,
            MaskStyle::Pci8 => core::MaskStyle::Pci8,
            MaskStyle::Last4 => core::MaskStyle::Last4,
        }
    }
}

/// A brand's facts, as in `credit-card-type`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BrandInfo {
    /// Id, e.g. `american-express`.
    pub id: String,
    /// Display name, e.g. `American Express`.
    pub name: String,
    /// Where spaces go when formatting (digit positions).
    pub gaps: Vec<u32>,
    /// Valid lengths.
    pub lengths: Vec<u32>,
    /// Name of the security code, e.g. `CID`.
    pub code_name: String,
    /// Digits of the security code.
    pub code_size: u8,
}

/// Every brand, in the order they are tried.
#[uniffi::export]
pub fn card_brands() -> Vec<BrandInfo> {
    core::BRANDS
        .iter()
        .map(|b| BrandInfo {
            id: b.id.to_owned(),
            name: b.name.to_owned(),
            gaps: b.gaps.iter().map(|g| u32::from(*g)).collect(),
            lengths: b.lengths.iter().map(|l| u32::from(*l)).collect(),
            code_name: b.code.name.to_owned(),
            code_size: b.code.size,
        })
        .collect()
}

/// Options of `validateCardNumberWith`, as `card-validator`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct NumberOptions {
    /// A length above which no number is valid.
    #[uniffi(default = None)]
    pub max_length: Option<u32>,
    /// Count every number as passing Luhn.
    #[uniffi(default = false)]
    pub skip_luhn: bool,
    /// Check UnionPay numbers with Luhn too.
    #[uniffi(default = false)]
    pub luhn_validate_unionpay: bool,
}

/// The verdict on a (possibly partial) card number.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NumberValidation {
    /// The brand id, once a single brand is known.
    pub brand: Option<String>,
    /// Every brand the input may still become.
    pub candidates: Vec<String>,
    /// Whether typing more may make it valid.
    pub potentially_valid: bool,
    /// Whether it is a complete, valid number.
    pub valid: bool,
    /// Whether the digits pass the Luhn check.
    pub luhn_valid: bool,
    /// Number of digits.
    pub length: u32,
}

impl From<core::NumberValidation> for NumberValidation {
    fn from(v: core::NumberValidation) -> Self {
        NumberValidation {
            brand: v.brand.map(|b| b.id().to_owned()),
            candidates: v.candidates.iter().map(|b| b.id().to_owned()).collect(),
            potentially_valid: v.potentially_valid,
            valid: v.valid,
            luhn_valid: v.luhn_valid,
            length: to_u32(v.length),
        }
    }
}

/// Validates a card number as typed (digits, spaces, dashes).
#[uniffi::export]
pub fn validate_card_number(input: String) -> NumberValidation {
    core::validate_number(&input).into()
}

/// Validates a card number with options.
#[uniffi::export]
pub fn validate_card_number_with(input: String, options: NumberOptions) -> NumberValidation {
    let options = core::NumberOptions {
        max_length: options.max_length.map(|n| to_usize(u64::from(n))),
        skip_luhn: options.skip_luhn,
        luhn_validate_unionpay: options.luhn_validate_unionpay,
    };
    core::validate_number_with(&input, &options).into()
}

/// A verdict on a CVV or cardholder name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct FieldValidation {
    /// Whether typing more may make it valid.
    pub potentially_valid: bool,
    /// Whether it is valid.
    pub valid: bool,
}

impl From<core::FieldValidation> for FieldValidation {
    fn from(v: core::FieldValidation) -> Self {
        FieldValidation {
            potentially_valid: v.potentially_valid,
            valid: v.valid,
        }
    }
}

/// Validates a CVV for a brand id (absent or unknown: 3 or 4 digits).
#[uniffi::export]
pub fn validate_cvv_for_brand(value: String, brand: Option<String>) -> FieldValidation {
    let brand = brand.as_deref().and_then(core::Brand::from_id);
    core::validate_cvv_for(&value, brand).into()
}

/// Validates a CVV against allowed lengths, as `card-validator`'s `cvv`.
#[uniffi::export]
pub fn validate_cvv(value: String, sizes: Vec<u32>) -> FieldValidation {
    let sizes: Vec<usize> = sizes.into_iter().map(|n| to_usize(u64::from(n))).collect();
    core::validate_cvv(&value, &sizes).into()
}

/// Validates a cardholder name.
#[uniffi::export]
pub fn validate_cardholder_name(value: String) -> FieldValidation {
    core::validate_cardholder_name(&value).into()
}

/// The verdict on an expiry date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ExpiryValidation {
    /// Whether typing more may make it valid.
    pub potentially_valid: bool,
    /// Whether it is a valid, unexpired date.
    pub valid: bool,
    /// The month, once known.
    pub month: Option<u8>,
    /// The four-digit year, once known.
    pub year: Option<u16>,
}

/// Validates an expiry typed as `MM/YY`, `MM/YYYY`, ... as of the given
/// month (pass today's: the core reads no clock), allowing dates up to
/// `maxYearsAhead` years after this year (absent: 19).
#[uniffi::export(default(max_years_ahead = None))]
pub fn validate_expiry(
    input: String,
    today_year: u16,
    today_month: u8,
    max_years_ahead: Option<u16>,
) -> ExpiryValidation {
    let today = core::YearMonth {
        year: today_year,
        month: today_month,
    };
    let max = max_years_ahead.unwrap_or(core::expiry::DEFAULT_MAX_YEARS_AHEAD);
    let v = core::validate_expiry_with(&input, today, max);
    ExpiryValidation {
        potentially_valid: v.potentially_valid,
        valid: v.valid,
        month: v.month,
        year: v.year,
    }
}

/// A number formatted for an input field.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FormattedNumber {
    /// Digits grouped with single spaces.
    pub text: String,
    /// Caret position in `text`, in characters.
    pub caret: u32,
    /// Brand id whose gaps were used.
    pub brand: Option<String>,
}

/// Formats what the user typed; `caret` is a character index into `input`.
#[uniffi::export]
pub fn format_card_number(input: String, caret: u32) -> FormattedNumber {
    let f = core::format_number(&input, to_usize(u64::from(caret)));
    FormattedNumber {
        text: f.text,
        caret: to_u32(f.caret),
        brand: f.brand.map(|b| b.id().to_owned()),
    }
}

/// Whether a string of digits passes the Luhn check.
#[uniffi::export]
pub fn luhn_valid(digits: String) -> bool {
    core::luhn_valid(&digits)
}

/// The Luhn check digit for a payload of digits; absent if not all digits.
#[uniffi::export]
pub fn luhn_check_digit(payload: String) -> Option<u8> {
    core::luhn_check_digit(&payload)
}

/// Masks every digit of `text` in a style (one number).
#[uniffi::export]
pub fn mask_digits(text: String, style: MaskStyle) -> String {
    core::mask_digits(&text, style.into())
}

/// Masks every card number found in free text (logs, notes).
#[uniffi::export]
pub fn mask_pans(text: String, style: MaskStyle) -> String {
    core::mask_pans(&text, style.into()).into_owned()
}

/// A card number found in text, at UTF-16 offsets: Kotlin's `String`
/// indices, Swift's `String.Index(utf16Offset:in:)`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PanSpan {
    /// Start, in UTF-16 code units.
    pub start: u64,
    /// End (exclusive), in UTF-16 code units.
    pub end: u64,
    /// The brand id.
    pub brand: String,
}

/// Card numbers in free text (UTF-16 offsets).
#[uniffi::export]
pub fn find_pans(text: String) -> Vec<PanSpan> {
    core::find_pans_in(&text, core::TextUnit::Utf16)
        .into_iter()
        .map(|s| PanSpan {
            start: to_u64(s.start),
            end: to_u64(s.end),
            brand: s.brand.id().to_owned(),
        })
        .collect()
}

/// A complete, valid card number. `toString()` / `description` shows it
/// masked (first 6, last 4); the digits are wiped from memory when it is
/// freed. Only `exposeDigits()` returns them.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct Pan(core::Pan);

impl std::fmt::Debug for Pan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::fmt::Display for Pan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl Pan {
    pub(crate) fn from_core(pan: core::Pan) -> Self {
        Pan(pan)
    }
}

#[uniffi::export]
impl Pan {
    /// Parses a complete number of a known brand (digits, spaces, dashes).
    #[uniffi::constructor]
    pub fn new(input: String) -> Result<Arc<Self>, CardError> {
        Ok(Arc::new(Pan(core::Pan::parse(&input)?)))
    }

    /// The brand id.
    pub fn brand(&self) -> String {
        self.0.brand().id().to_owned()
    }

    /// Number of digits.
    pub fn length(&self) -> u32 {
        to_u32(self.0.len())
    }

    /// The last four digits.
    pub fn last4(&self) -> String {
        self.0.last4().to_owned()
    }

    /// The number masked in a style.
    pub fn masked(&self, style: MaskStyle) -> String {
        self.0.masked(style.into())
    }

    /// The digits themselves; named so it stands out in review.
    pub fn expose_digits(&self) -> String {
        self.0.expose_digits().to_owned()
    }
}
