//! `Pan`: a validated card number that does not leak.

use super::brands::Brand;
use super::mask::{MaskStyle, Masker};
use super::number::{validate_number, NumberValidation};
use std::fmt;
use zeroize::Zeroizing;

/// A full card number (primary account number) that passed validation.
///
/// `Debug` and `Display` show it masked in the PCI style (first 6 and last
/// 4); the digits are wiped from memory when it is dropped. The only way to
/// the digits is [`Pan::expose_digits`], named so it stands out in review.
#[derive(Clone, PartialEq, Eq)]
pub struct Pan {
    digits: Zeroizing<String>,
    brand: Brand,
}

/// Why a number is not a [`Pan`]. Never holds the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PanError {
    /// A character other than a digit, space or dash.
    #[error("card number: holds a character other than digits, spaces and dashes")]
    NotDigits,
    /// No single brand fits the number.
    #[error("card number: no single card brand matches")]
    UnknownBrand,
    /// The number's length is not one of its brand's lengths.
    #[error("card number: {length} digits is not a valid length for {brand}")]
    BadLength {
        /// The brand.
        brand: Brand,
        /// The number of digits.
        length: usize,
    },
    /// The check digit is wrong.
    #[error("card number: fails the Luhn check")]
    Luhn,
}

impl Pan {
    /// Validates `input` (digits, spaces and dashes) as a complete number
    /// of a known brand, as [`validate_number`] does (UnionPay numbers need
    /// not pass Luhn).
    pub fn parse(input: &str) -> Result<Pan, PanError> {
        let v: NumberValidation = validate_number(input);
        let Some(brand) = v.brand else {
            return Err(if v.candidates.is_empty() && v.length == 0 {
                PanError::NotDigits
            } else {
                PanError::UnknownBrand
            });
        };
        if !brand.accepts_length(v.length) {
            return Err(PanError::BadLength {
                brand,
                length: v.length,
            });
        }
        if !v.valid {
            return Err(PanError::Luhn);
        }
        let mut digits = Zeroizing::new(String::with_capacity(v.length));
        digits.extend(input.chars().filter(char::is_ascii_digit));
        Ok(Pan { digits, brand })
    }

    /// The brand.
    pub fn brand(&self) -> Brand {
        self.brand
    }

    /// The number of digits.
    pub fn len(&self) -> usize {
        self.digits.len()
    }

    /// Always false: a `Pan` has a brand's length.
    pub fn is_empty(&self) -> bool {
        self.digits.is_empty()
    }

    /// The last four digits.
    pub fn last4(&self) -> &str {
        self.digits
            .get(self.digits.len().saturating_sub(4)..)
            .unwrap_or("")
    }

    /// The number masked in `style`.
    pub fn masked(&self, style: MaskStyle) -> String {
        Masker::from(style).mask(&self.digits)
    }

    /// The number masked with a given masker (style and mask character).
    pub fn masked_with(&self, masker: Masker) -> String {
        masker.mask(&self.digits)
    }

    /// The full digits. Anything derived from them is as sensitive as they are.
    pub fn expose_digits(&self) -> &str {
        &self.digits
    }
}

impl std::str::FromStr for Pan {
    type Err = PanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pan::parse(s)
    }
}

impl fmt::Debug for Pan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pan({}, {})", self.masked(MaskStyle::Pci), self.brand)
    }
}

impl fmt::Display for Pan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked(MaskStyle::Pci))
    }
}
