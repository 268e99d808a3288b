//! Card number validation, as-you-type, in the manner of `card-validator`'s
//! `number()` and `credit-card-type`.
//!
//! Brand detection: each brand's patterns are tried in order and the first
//! that fits the digits typed so far counts. A pattern fits a partial number
//! when the digits typed agree with its first digits. A match on at least as
//! many digits as the pattern has is "strong", with the pattern's length as
//! its strength. When every candidate is strong, the strongest alone is kept
//! (the earlier brand on a tie); otherwise every candidate is kept. The brand
//! is known when exactly one candidate remains.

use super::brands::{Brand, BrandSet, BRANDS};
use super::luhn::LuhnSums;
use serde::Serialize;
use std::sync::OnceLock;

/// Options of [`validate_number_with`], as `card-validator`'s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberOptions {
    /// A length above which no number is valid, even if the brand allows it.
    pub max_length: Option<usize>,
    /// Count every number as passing the Luhn check.
    pub skip_luhn: bool,
    /// Check UnionPay numbers with Luhn too (by default they are not, as
    /// some UnionPay cards do not pass it).
    pub luhn_validate_unionpay: bool,
}

/// The verdict on a (possibly partial) card number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NumberValidation {
    /// The brand, when exactly one fits.
    pub brand: Option<Brand>,
    /// The brands that may still fit (all of them for empty input).
    pub candidates: BrandSet,
    /// Whether typing on could still give a valid number.
    pub potentially_valid: bool,
    /// Whether it is a complete valid number of its brand.
    pub valid: bool,
    /// Whether the digits pass the Luhn check, whatever the brand.
    pub luhn_valid: bool,
    /// The number of digits.
    pub length: usize,
}

/// Validates with the default options.
pub fn validate_number(input: &str) -> NumberValidation {
    validate_number_with(input, &NumberOptions::default())
}

/// Validates a number as typed: ASCII digits, with spaces, dashes and other
/// whitespace ignored. Any other character makes it invalid, with no
/// candidate.
pub fn validate_number_with(input: &str, options: &NumberOptions) -> NumberValidation {
    let Some(scan) = Scan::of(input) else {
        return NumberValidation {
            brand: None,
            candidates: BrandSet::EMPTY,
            potentially_valid: false,
            valid: false,
            luhn_valid: false,
            length: 0,
        };
    };
    judge(&scan, options)
}

/// What validation needs of the digits: the first eight, the count and the
/// Luhn sums. Gathered in one pass, without allocating.
#[derive(Default)]
pub(crate) struct Scan {
    pub(crate) head: [u8; 8],
    pub(crate) len: usize,
    pub(crate) luhn: LuhnSums,
    /// Set by the all-digits fast path, which checks Luhn in one go.
    luhn_ok: Option<bool>,
}

impl Scan {
    /// Whether the digits pass the Luhn check.
    pub(crate) fn luhn_valid(&self) -> bool {
        self.luhn_ok.unwrap_or_else(|| self.luhn.is_valid())
    }

    /// `None` when the input holds something other than digits and separators.
    pub(crate) fn of(input: &str) -> Option<Scan> {
        let mut scan = Scan::default();
        let bytes = input.as_bytes();
        // Fast path: digits only, as card numbers usually arrive.
        if let Some(ok) = super::luhn::luhn_sum_checked(bytes) {
            for (slot, &b) in scan.head.iter_mut().zip(bytes) {
                *slot = b - b'0';
            }
            scan.len = bytes.len();
            scan.luhn_ok = Some(ok);
            return Some(scan);
        }
        if input.is_ascii() {
            for &b in input.as_bytes() {
                match b {
                    b'0'..=b'9' => scan.push(b - b'0'),
                    b'-' | b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => {}
                    _ => return None,
                }
            }
        } else {
            for c in input.chars() {
                match c {
                    '0'..='9' => scan.push(c as u8 - b'0'),
                    '-' | '\u{feff}' => {}
                    // JavaScript's `\s`, which has no U+0085.
                    c if c.is_whitespace() && c != '\u{85}' => {}
                    _ => return None,
                }
            }
        }
        Some(scan)
    }

    /// Feeds one digit value.
    #[inline]
    pub(crate) fn push(&mut self, d: u8) {
        if let Some(slot) = self.head.get_mut(self.len) {
            *slot = d;
        }
        self.len += 1;
        self.luhn.push(d);
    }
}

pub(crate) fn judge(scan: &Scan, options: &NumberOptions) -> NumberValidation {
    let luhn_valid = scan.luhn_valid();
    let (candidates, brand) = classify(&scan.head, scan.len);
    let mut out = NumberValidation {
        brand,
        candidates,
        potentially_valid: !candidates.is_empty(),
        valid: false,
        luhn_valid,
        length: scan.len,
    };
    let Some(brand) = brand else {
        return out;
    };
    let n = scan.len;
    if options.max_length.is_some_and(|max| n > max) {
        out.potentially_valid = false;
        return out;
    }
    let passes = options.skip_luhn
        || (brand == Brand::Unionpay && !options.luhn_validate_unionpay)
        || luhn_valid;
    let mut max_len = brand.max_length();
    if let Some(m) = options.max_length {
        max_len = max_len.min(m);
    }
    if brand.accepts_length(n) {
        out.valid = passes;
        out.potentially_valid = n < max_len || passes;
    } else {
        out.potentially_valid = n < max_len;
    }
    out
}

const POW10: [u32; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// One pattern of one brand, flattened for the lookup index.
#[derive(Clone, Copy)]
struct Entry {
    brand: Brand,
    lo: u32,
    hi: u32,
    len: u8,
}

impl Entry {
    /// Whether the first `min(len, n)` digits (whose value is `value_of(k)`)
    /// fall in the pattern's range cut to that many digits.
    #[inline]
    fn fits(&self, vals: &[u32; 9], n: usize) -> bool {
        let len = usize::from(self.len);
        if n >= len {
            // The usual case once a few digits are typed: no division.
            let v = vals.get(len).copied().unwrap_or(0);
            return self.lo <= v && v <= self.hi;
        }
        let div = POW10.get(len - n).copied().unwrap_or(u32::MAX);
        let v = vals.get(n).copied().unwrap_or(0);
        self.lo / div <= v && v <= self.hi / div
    }
}

/// Patterns bucketed by the first one and first two digits, so a lookup
/// only tries the patterns that can fit.
struct Index {
    by1: Vec<Vec<Entry>>,
    by2: Vec<Vec<Entry>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let all: Vec<Entry> = BRANDS
            .iter()
            .flat_map(|b| {
                b.patterns.iter().map(move |p| {
                    let (lo, hi) = p.bounds();
                    Entry {
                        brand: b.brand,
                        lo,
                        hi,
                        len: p.len(),
                    }
                })
            })
            .collect();
        let bucket = |digits: &[u8]| -> Vec<Entry> {
            let mut head = [0u8; 8];
            for (h, d) in head.iter_mut().zip(digits) {
                *h = *d;
            }
            let vals = prefix_values(&head);
            all.iter()
                .filter(|e| e.fits(&vals, digits.len()))
                .copied()
                .collect()
        };
        Index {
            by1: (0..10u8).map(|d| bucket(&[d])).collect(),
            by2: (0..100u8).map(|d| bucket(&[d / 10, d % 10])).collect(),
        }
    })
}

/// `vals[k]` is the value of the first `k` digits (k up to 8); digits past
/// the end of a shorter number are zeros and never looked at.
#[inline]
fn prefix_values(head: &[u8; 8]) -> [u32; 9] {
    let mut vals = [0u32; 9];
    let mut acc = 0u32;
    for (slot, &d) in vals.iter_mut().skip(1).zip(head) {
        acc = acc * 10 + u32::from(d);
        *slot = acc;
    }
    vals
}

/// The candidate brands for a number whose first digits are `head` (up to
/// eight) and whose length is `n`, and the brand when exactly one fits.
pub(crate) fn classify(head: &[u8; 8], n: usize) -> (BrandSet, Option<Brand>) {
    let idx = index();
    let bucket = match (n, head) {
        (0, _) => return (BrandSet::ALL, None),
        (1, [d, ..]) => idx.by1.get(usize::from(*d)),
        (_, [d0, d1, ..]) => idx.by2.get(usize::from(*d0) * 10 + usize::from(*d1)),
    };
    let Some(bucket) = bucket else {
        return (BrandSet::EMPTY, None);
    };
    let head_len = n.min(8);
    let vals = prefix_values(head);
    let mut found = BrandSet::EMPTY;
    let mut all_strong = true;
    let mut best: Option<(Brand, u8)> = None;
    for e in bucket {
        // Only a brand's first fitting pattern counts.
        if found.contains(e.brand) || !e.fits(&vals, head_len) {
            continue;
        }
        found.insert(e.brand);
        if n >= usize::from(e.len) {
            if best.is_none_or(|(_, s)| s < e.len) {
                best = Some((e.brand, e.len));
            }
        } else {
            all_strong = false;
        }
    }
    match best {
        Some((b, _)) if all_strong => (BrandSet::only(b), Some(b)),
        _ if found.len() == 1 => (found, found.iter().next()),
        _ => (found, None),
    }
}
