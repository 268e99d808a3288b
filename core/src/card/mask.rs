//! Masking styles for card and account numbers.
//!
//! Every style shows at most a leading part and a trailing part of the
//! digits. At least [`MIN_MASKED`] digits are always masked: on a short
//! number the leading part shrinks first, then, if the trailing part alone
//! would leave fewer masked, every digit is masked. Characters other than
//! ASCII digits (spaces, dashes) are kept where they are.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The fewest digits any style leaves masked.
pub const MIN_MASKED: usize = 4;

/// How a number is masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum MaskStyle {
    /// Jumio's card number: first 6 and last 4, the rest `x`
    /// (`411111xxxxxx1111`, the Credit Card Retrieval API's `cardNumber`).
    Jumio,
    /// Jumio's account number: last 2, the rest `x` (`cardAccountNumber`).
    JumioAccount,
    /// MobiCard's: first 4 and last 4, the rest `*` (`5173********5601`).
    Mobicard,
    /// PCI DSS with a 6-digit BIN: first 6 and last 4, the rest `*`.
    Pci,
    /// PCI DSS with an 8-digit BIN: first 8 and last 4 for numbers of 16
    /// digits or more, else first 6 and last 4; the rest `*`.
    Pci8,
    /// Last 4 only, the rest `*`.
    Last4,
}

impl MaskStyle {
    /// Every style.
    pub const ALL: [MaskStyle; 6] = [
        MaskStyle::Jumio,
        MaskStyle::JumioAccount,
        MaskStyle::Mobicard,
        MaskStyle::Pci,
        MaskStyle::Pci8,
        MaskStyle::Last4,
    ];

    /// The style's own mask character.
    pub fn default_mask_char(self) -> char {
        match self {
            MaskStyle::Jumio | MaskStyle::JumioAccount => 'x',
            _ => '*',
        }
    }

    /// The name used on the command line and in serialization.
    pub fn as_str(self) -> &'static str {
        match self {
            MaskStyle::Jumio => "jumio",
            MaskStyle::JumioAccount => "jumio-account",
            MaskStyle::Mobicard => "mobicard",
            MaskStyle::Pci => "pci",
            MaskStyle::Pci8 => "pci8",
            MaskStyle::Last4 => "last4",
        }
    }

    /// The style named `name` (as [`MaskStyle::as_str`]).
    pub fn from_name(name: &str) -> Option<MaskStyle> {
        MaskStyle::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The length from which [`MaskStyle::shown`] is the same for every
    /// longer number: no style shows more than 8 leading and 4 trailing
    /// digits, so [`MIN_MASKED`] no longer shrinks them, and `Pci8` switches
    /// at 16. A streaming masker writes the head of a number this long
    /// before it knows where the number ends.
    pub const SHOWN_FIXED_FROM: usize = 16;

    /// How many leading and trailing digits of a `len`-digit number are
    /// shown, [`MIN_MASKED`] applied.
    pub fn shown(self, len: usize) -> (usize, usize) {
        let (first, last) = match self {
            MaskStyle::Jumio | MaskStyle::Pci => (6, 4),
            MaskStyle::Pci8 if len >= 16 => (8, 4),
            MaskStyle::Pci8 => (6, 4),
            MaskStyle::JumioAccount => (0, 2),
            MaskStyle::Mobicard => (4, 4),
            MaskStyle::Last4 => (0, 4),
        };
        let room = len.saturating_sub(MIN_MASKED);
        if last > room {
            return (0, 0);
        }
        (first.min(room - last), last)
    }
}

impl fmt::Display for MaskStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A masking style with its mask character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Masker {
    /// The style.
    pub style: MaskStyle,
    /// The character shown for each hidden digit.
    pub mask_char: char,
}

impl From<MaskStyle> for Masker {
    fn from(style: MaskStyle) -> Self {
        Masker {
            style,
            mask_char: style.default_mask_char(),
        }
    }
}

/// Why a mask character was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MaskCharError {
    /// A digit or other numeric character (`7`, `٣`, `５`, `²`, `⅓`):
    /// masked output would look like card data.
    #[error("mask_char: a digit or other numeric character would look like card data")]
    Numeric,
}

impl Masker {
    /// The style with another mask character, unchecked: see
    /// [`Masker::try_new`] for a character from outside.
    pub fn new(style: MaskStyle, mask_char: char) -> Self {
        Masker { style, mask_char }
    }

    /// The style with another mask character, refusing any numeric one
    /// (Unicode digits, superscripts, fractions, Roman numerals), whose
    /// masked output would look like card data.
    pub fn try_new(style: MaskStyle, mask_char: char) -> Result<Self, MaskCharError> {
        if mask_char.is_numeric() {
            return Err(MaskCharError::Numeric);
        }
        Ok(Masker { style, mask_char })
    }

    /// Masks the ASCII digits of `text`, leaving other characters in place.
    pub fn mask(&self, text: &str) -> String {
        let len = text.bytes().filter(u8::is_ascii_digit).count();
        let (first, last) = self.style.shown(len);
        let mut out = String::with_capacity(text.len());
        let mut seen = 0;
        for c in text.chars() {
            if c.is_ascii_digit() {
                let show = seen < first || seen >= len - last;
                seen += 1;
                out.push(if show { c } else { self.mask_char });
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Appends an ASCII span (digits and separators) masked to `out`.
    pub(crate) fn mask_span<O: Out>(&self, span: &[u8], out: &mut O) {
        let len = span.iter().filter(|b| b.is_ascii_digit()).count();
        self.mask_part(span, 0, len, out);
    }

    /// Appends a part of an ASCII span masked to `out`: the span has `len`
    /// digits, and `seen` of them come before this part.
    pub(crate) fn mask_part<O: Out>(&self, part: &[u8], mut seen: usize, len: usize, out: &mut O) {
        let (first, last) = self.style.shown(len);
        for &b in part {
            if b.is_ascii_digit() {
                let show = seen < first || seen >= len - last;
                seen += 1;
                if show {
                    out.put_ascii(b);
                } else {
                    out.put_char(self.mask_char);
                }
            } else {
                out.put_ascii(b);
            }
        }
    }
}

/// Where masked output goes: a `String` or a byte buffer.
pub(crate) trait Out {
    fn put_ascii(&mut self, b: u8);
    fn put_char(&mut self, c: char);
}

impl Out for String {
    fn put_ascii(&mut self, b: u8) {
        self.push(char::from(b));
    }
    fn put_char(&mut self, c: char) {
        self.push(c);
    }
}

impl Out for Vec<u8> {
    fn put_ascii(&mut self, b: u8) {
        self.push(b);
    }
    fn put_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Masks the digits of `text` in `style` with its own mask character.
pub fn mask_digits(text: &str, style: MaskStyle) -> String {
    Masker::from(style).mask(text)
}
