//! Payment cards: brands, validation as-you-type, formatting, masking, and
//! finding card numbers in text.
//!
//! The validation API follows the npm packages `card-validator` (10.0) and
//! `credit-card-type` (10.3) that web developers know: the same brand ids,
//! the same answers for partial input, with `potentially_valid` and `valid`.
//!
//! ```
//! use scankit::card::{validate_number, Brand};
//! let v = validate_number("4111 1111 1111 1111");
//! assert_eq!(v.brand, Some(Brand::Visa));
//! assert!(v.valid);
//! let partial = validate_number("3");
//! assert!(partial.potentially_valid && partial.brand.is_none());
//! ```
//!
//! # Which brand wins where ranges overlap
//! Patterns are tried brand by brand in [`Brand::ALL`] order; a brand's first
//! fitting pattern counts. Once the number is at least as long as every
//! fitting pattern, the longest pattern wins (`6011` Discover over `6`
//! Maestro; `2200`-`2204` Mir over `22` nothing else), and of equally long
//! ones the brand tried first. Before that, every fitting brand is a
//! candidate and no brand is reported, except when there is only one.
//!
//! # Deliberate differences from the npm packages
//! scankit adds three brands, placed before Maestro in the order. The
//! differential fixture (`core/tests/fixtures/cards/npm-differential.json`,
//! made with the real packages by `scripts/gen_card_fixtures.mjs`) lists
//! every case where this changes an answer, with these reasons:
//! - **RuPay** (`rupay`): `508500`-`508999`, `606985`-`607984`,
//!   `608001`-`608500`, `652150`-`653149`, 16 digits. Numbers there are
//!   RuPay, not Maestro or Discover as the packages say. While fewer than
//!   six digits are typed, a prefix such as `5085` or `65` has RuPay as an
//!   extra candidate, so a brand the packages report already may be `None`.
//! - **UATP** (`uatp`): prefix `1`, 15 digits. A number starting with `1`
//!   other than JCB's `1800` is UATP, where the packages find no brand;
//!   `1`, `18`, `180` have UATP as an extra candidate beside JCB.
//! - **Dankort** (`dankort`): `501900`-`501999`, 16 digits. Dankort, not
//!   Maestro; `5`-`5019` have it as an extra candidate.
//!
//! The CLI's `luhn_valid` is an extra field. Everything else (including
//! Naranja, which the packages have, and UnionPay numbers being valid
//! without passing Luhn unless asked) is the packages' behaviour.

pub mod brands;
mod cvv;
pub mod expiry;
pub mod find;
mod format;
mod luhn;
pub mod mask;
pub mod number;
mod pan;
mod stream;

pub use brands::{Brand, BrandInfo, BrandSet, Pattern, SecurityCode, BRANDS};
pub use cvv::{
    validate_cardholder_name, validate_cvv, validate_cvv_for, FieldValidation, MAX_NAME_LENGTH,
};
pub use expiry::{validate_expiry, validate_expiry_with, ExpiryValidation, YearMonth};
pub use find::{find_pans, find_pans_in, mask_pans, mask_pans_with, PanFinder, PanSpan, TextUnit};
pub use format::{format_number, Formatted};
pub use luhn::{luhn_check_digit, luhn_valid, luhn_valid_bytes};
pub use mask::{mask_digits, MaskCharError, MaskStyle, Masker};
pub use number::{validate_number, validate_number_with, NumberOptions, NumberValidation};
pub use pan::{Pan, PanError};
#[doc(hidden)]
pub use stream::MAX_HELD;
pub use stream::{mask_pans_stream, PanMaskWriter};
