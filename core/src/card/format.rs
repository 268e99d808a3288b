//! As-you-type formatting: digits grouped by the brand's gaps, with the
//! caret carried across the reformatting.

use super::brands::Brand;
use super::number::{classify, Scan};
use serde::Serialize;

/// Gaps used while no single brand is known: groups of four.
const DEFAULT_GAPS: &[u8] = &[4, 8, 12];
/// Digits kept while no single brand is known.
const DEFAULT_MAX_DIGITS: usize = 19;

/// A number formatted for display in an input field. `Debug` masks the
/// digits (PCI style), as the text may be a whole card number.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Formatted {
    /// The digits, grouped with single spaces; no trailing space.
    pub text: String,
    /// The caret position in `text`, in characters.
    pub caret: usize,
    /// The brand whose gaps were used, when one is known.
    pub brand: Option<Brand>,
}

impl std::fmt::Debug for Formatted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatted")
            .field(
                "text",
                &super::mask::mask_digits(&self.text, super::mask::MaskStyle::Pci),
            )
            .field("caret", &self.caret)
            .field("brand", &self.brand)
            .finish()
    }
}

/// Formats what the user typed, keeping only digits (at most the brand's
/// longest length, or 19) grouped by the brand's gaps. `caret` is a
/// character index into `input` (clamped to its end); the result's caret
/// sits after the same number of digits, so typing, deleting and pasting
/// keep it where the user expects.
pub fn format_number(input: &str, caret: usize) -> Formatted {
    let mut scan = Scan::default();
    let mut digits_before_caret = 0;
    for (i, c) in input.chars().enumerate() {
        if c.is_ascii_digit() {
            if i < caret {
                digits_before_caret += 1;
            }
            scan.push(c as u8 - b'0');
        }
    }
    let (_, brand) = classify(&scan.head, scan.len);
    let (gaps, max) = match brand {
        Some(b) => (b.info().gaps, b.max_length()),
        None => (DEFAULT_GAPS, DEFAULT_MAX_DIGITS),
    };
    let mut text = String::with_capacity(max + gaps.len());
    let mut caret_out = 0;
    let mut placed = 0;
    for c in input.chars().filter(char::is_ascii_digit).take(max) {
        if gaps.iter().any(|&g| usize::from(g) == placed) {
            text.push(' ');
        }
        text.push(c);
        placed += 1;
        if placed == digits_before_caret {
            caret_out = text.len();
        }
    }
    if digits_before_caret > placed {
        caret_out = text.len();
    }
    Formatted {
        text,
        caret: caret_out,
        brand,
    }
}
