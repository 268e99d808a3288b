//! Finding card numbers in free text, and masking them: a data-loss
//! prevention filter for logs and pipelines.
//!
//! # What is caught
//! A run of 12 to 19 ASCII digits, written whole or in groups separated by
//! single spaces or single dashes (one kind of separator in one number), that
//! - passes the Luhn check (always, UnionPay included),
//! - has exactly one brand in the [brand table](super::brands::BRANDS) and a
//!   length valid for it,
//! - starts and ends on group boundaries: never inside a longer run of
//!   digits, and never the digits after `<digit>.` or before `.<digit>`
//!   (decimal numbers).
//!
//! Within a run of groups the leftmost start is taken first, and from it the
//! longest valid number, so `id 12345 4111 1111 1111 1111` masks the card
//! and keeps the id. Masking also looks for numbers starting inside a found
//! one; overlapping numbers (a digit run that reads as two) are masked
//! together as one, so neither stays readable.
//!
//! # What is not caught
//! - numbers split by other separators (`.`, `/`, `_`, two spaces, a line
//!   break), by mixed separators, or spelled out;
//! - numbers of unknown brands or lengths (e.g. 13-digit Visa), and numbers
//!   failing Luhn (typos, deliberately altered numbers);
//! - non-ASCII digits (full-width, Arabic-Indic) and percent- or
//!   base64-encoded numbers.
//!
//! # False positives
//! Any Luhn-valid digit run of a brand's prefix and length is masked: one in
//! ten random runs passes Luhn, so e.g. a 16-digit id starting with 4 or 5
//! will sometimes be masked. Digits next to letters count as a boundary
//! (`card=4111...` is caught), so long decimal runs inside hex strings can
//! match too.

use super::brands::Brand;
use super::mask::{MaskStyle, Masker};
use super::number::{classify, Scan};
use std::borrow::Cow;

/// Where a card number sits in a text: byte offsets, separators included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PanSpan {
    /// Offset of the first digit.
    pub start: usize,
    /// Offset just past the last digit.
    pub end: usize,
    /// The number's brand.
    pub brand: Brand,
}

const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;

/// The spans of the card numbers in `text`, in order.
pub fn find_pans(text: &str) -> Vec<PanSpan> {
    PanFinder::new(text.as_bytes()).collect()
}

/// What a platform counts string offsets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextUnit {
    /// UTF-8 bytes (Rust).
    Utf8,
    /// UTF-16 code units (JavaScript, Kotlin and Java, Swift's `utf16` view).
    Utf16,
    /// Unicode scalar values (Python).
    Char,
}

/// [`find_pans`], with the offsets counted in `unit`, so that each
/// platform can cut the span out of its own string.
pub fn find_pans_in(text: &str, unit: TextUnit) -> Vec<PanSpan> {
    let mut spans = find_pans(text);
    if unit == TextUnit::Utf8 {
        return spans;
    }
    // Spans are in order and do not overlap: one pass converts them all.
    let (mut byte, mut count) = (0usize, 0usize);
    let mut to_unit = |target: usize| {
        let between = text.get(byte..target).unwrap_or_default();
        count += match unit {
            TextUnit::Utf16 => between.encode_utf16().count(),
            _ => between.chars().count(),
        };
        byte = target;
        count
    };
    for s in &mut spans {
        s.start = to_unit(s.start);
        s.end = to_unit(s.end);
    }
    spans
}

/// An iterator over the card numbers in a byte slice (see the module docs).
#[derive(Clone, Debug)]
pub struct PanFinder<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> PanFinder<'a> {
    /// Starts at the beginning of `bytes`. Bytes before and after the slice
    /// count as non-digits.
    pub fn new(bytes: &'a [u8]) -> Self {
        PanFinder { bytes, pos: 0 }
    }
}

impl Iterator for PanFinder<'_> {
    type Item = PanSpan;

    fn next(&mut self) -> Option<PanSpan> {
        let b = self.bytes;
        let mut start = next_digit(b, self.pos)?;
        loop {
            let first_end = run_end(b, start);
            let connected =
                matches!(b.get(first_end), Some(b' ' | b'-')) && is_digit_at(b, first_end + 1);
            // Most digit runs in text are short and stand alone: skip them
            // without looking further.
            if connected || first_end - start >= MIN_DIGITS {
                if let Some(span) = longest_from(b, start, first_end) {
                    self.pos = span.end;
                    return Some(span);
                }
            }
            // Try the next group of the same run as a start, else search on.
            if connected {
                start = first_end + 1;
            } else {
                self.pos = first_end;
                start = next_digit(b, self.pos)?;
            }
        }
    }
}

fn is_digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `i` as a little-endian word, with ASCII digits turned
/// into 0..=9; `None` near the end.
#[inline]
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let chunk = b.get(i..i + 8)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word) ^ (ONES * 0x30))
}

/// The end of the run of digits starting at `i`, eight bytes at a time.
#[inline]
fn run_end(b: &[u8], mut i: usize) -> usize {
    while let Some(x) = word_at(b, i) {
        // High bit of each byte that is not a digit (exact for the lowest
        // one: carries only run upwards from a non-digit).
        let non_digit = (x | x.wrapping_add(ONES * 0x76)) & HIGH;
        if non_digit != 0 {
            return i + (non_digit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = b.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(rest.len())
}

/// The offset of the next ASCII digit at or after `i`, eight bytes at a time.
#[inline]
fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(x) = word_at(b, i) {
        // A byte below 10 sets its high bit here (exact for the lowest one).
        let digit = x.wrapping_sub(ONES * 10) & !x & HIGH;
        if digit != 0 {
            return Some(i + (digit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = b.get(i..)?;
    rest.iter().position(u8::is_ascii_digit).map(|p| p + i)
}

/// The longest card number starting at the digit group `start..first_end`.
fn longest_from(b: &[u8], start: usize, first_end: usize) -> Option<PanSpan> {
    let first_len = first_end - start;
    if first_len > MAX_DIGITS {
        return None;
    }
    // `<digit>.` before: the fractional part of a decimal number.
    if start >= 2 && b.get(start - 1) == Some(&b'.') && is_digit_at(b, start - 2) {
        return None;
    }
    // Walk forward to the farthest group end within MAX_DIGITS digits...
    let mut total = first_len;
    let mut end = first_end;
    let mut sep: Option<u8> = None;
    while let Some(&s) = b.get(end) {
        if !(s == b' ' || s == b'-') || sep.is_some_and(|x| x != s) || !is_digit_at(b, end + 1) {
            break;
        }
        let next_end = run_end(b, end + 1);
        let next_total = total + (next_end - end - 1);
        if next_total > MAX_DIGITS {
            break;
        }
        sep = Some(s);
        total = next_total;
        end = next_end;
    }
    // ...then try each group end from there back, longest number first.
    while total >= MIN_DIGITS {
        // `.<digit>` after: the integer part of a decimal number.
        let decimal = b.get(end) == Some(&b'.') && is_digit_at(b, end + 1);
        if !decimal {
            if let Some(brand) = card_brand(b.get(start..end).unwrap_or(&[])) {
                return Some(PanSpan { start, end, brand });
            }
        }
        if end <= first_end {
            break;
        }
        // Step back over the last group and its separator.
        let group_start = b
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        total -= end - group_start;
        end = group_start.saturating_sub(1);
    }
    None
}

/// The brand of a complete, Luhn-valid number written in `span` (digits
/// and separators), if any.
fn card_brand(span: &[u8]) -> Option<Brand> {
    let mut scan = Scan::default();
    for &c in span {
        if c.is_ascii_digit() {
            scan.push(c - b'0');
        }
    }
    if !scan.luhn_valid() {
        return None;
    }
    let (_, brand) = classify(&scan.head, scan.len);
    brand.filter(|b| b.accepts_length(scan.len))
}

/// `text` with every card number masked in `style` (separators kept).
/// Borrowed when there is none.
pub fn mask_pans(text: &str, style: MaskStyle) -> Cow<'_, str> {
    mask_pans_with(text, Masker::from(style))
}

/// [`mask_pans`] with a chosen mask character.
pub fn mask_pans_with(text: &str, masker: Masker) -> Cow<'_, str> {
    let mut regions = Regions::new(text.as_bytes()).peekable();
    if regions.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in regions {
        out.push_str(text.get(last..start).unwrap_or(""));
        masker.mask_span(text.as_bytes().get(start..end).unwrap_or(&[]), &mut out);
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

/// The regions to mask: card numbers, with overlapping ones merged (and
/// then masked as one number).
pub(crate) struct Regions<'a> {
    bytes: &'a [u8],
    scan: RegionScan,
}

impl<'a> Regions<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Regions {
            bytes,
            scan: RegionScan::default(),
        }
    }
}

impl Iterator for Regions<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        self.scan.next_before(self.bytes, self.bytes.len())
    }
}

/// Finding the regions to mask, resumable so that a stream can be masked a
/// window at a time with the same result as the whole text.
///
/// A region starts with a number found at the start of a digit group, as
/// [`PanFinder`] finds them. Every digit inside the region is then tried as
/// a start too, group boundary or not, and a number found there that ends
/// later grows the region: in `6634688829 4111 1111 1111 1111` the first ten
/// digits and `4111` make a valid Maestro number, and the Visa number after
/// it must be masked too; in `378290990983695 1 888888888888 1 1` the
/// Diners Club number starting at `3695`, inside the Amex group, would be
/// readable once the Amex number is masked. Such chains have no length
/// limit (`4007 4007 4007 ...` is Visa number after Visa number).
///
/// Whether a number starts at `q`, and where it ends, depends only on the
/// bytes `q - 2 .. q + LOOKAHEAD` (see [`decided_before`]); which offsets are
/// tried depends on the regions before. So the scan needs nothing but its
/// position and the open region to go on in a later window.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RegionScan {
    /// The next offset to try as a start.
    pos: usize,
    /// The region being grown: its start, and the end of the numbers found
    /// in it so far.
    open: Option<(usize, usize)>,
}

impl RegionScan {
    /// The next region whose numbers all start before `limit`; `None` once
    /// the next offset to try is at or past `limit`, ready to go on from
    /// there when `b` has grown.
    pub(crate) fn next_before(&mut self, b: &[u8], limit: usize) -> Option<(usize, usize)> {
        loop {
            if let Some((start, mut end)) = self.open {
                while self.pos < end {
                    if self.pos >= limit {
                        self.open = Some((start, end));
                        return None;
                    }
                    let p = self.pos;
                    self.pos += 1;
                    if is_digit_at(b, p) {
                        if let Some(span) = longest_from(b, p, run_end(b, p)) {
                            end = end.max(span.end);
                        }
                    }
                }
                // Nothing starting inside reaches further: the region ends
                // here, on a non-digit.
                self.open = None;
                return Some((start, end));
            }
            let start = next_digit(b, self.pos).unwrap_or(b.len());
            self.pos = start;
            if start >= limit {
                return None;
            }
            let first_end = run_end(b, start);
            if start > 0 && is_digit_at(b, start - 1) {
                // Streaming only: an earlier window ended inside this run,
                // after more digits than any number has. Not a start.
                self.pos = first_end;
                continue;
            }
            let connected =
                matches!(b.get(first_end), Some(b' ' | b'-')) && is_digit_at(b, first_end + 1);
            // Most digit runs in text are short and stand alone: skip them
            // without looking further.
            if connected || first_end - start >= MIN_DIGITS {
                if let Some(span) = longest_from(b, start, first_end) {
                    self.pos = start + 1;
                    self.open = Some((start, span.end));
                    continue;
                }
            }
            // Try the next group of the same run as a start, else search on.
            self.pos = if connected { first_end + 1 } else { first_end };
        }
    }

    /// The next offset to try as a start.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// The region being grown, if any: its start and its end so far.
    pub(crate) fn open(&self) -> Option<(usize, usize)> {
        self.open
    }

    /// Goes on in a window that starts `by` bytes later (`by` at most
    /// [`RegionScan::pos`]; an open region's start may fall before it).
    pub(crate) fn shift(&mut self, by: usize) {
        self.pos = self.pos.saturating_sub(by);
        self.open = self
            .open
            .map(|(start, end)| (start.saturating_sub(by), end.saturating_sub(by)));
    }
}

/// The finder's answer for a start `q` (whether a number starts there,
/// and where it ends) depends on no byte at `q + LOOKAHEAD` or later.
///
/// A number has at most 19 digits with one separator between groups, so
/// it ends at most 37 bytes in; at its end the finder reads two more bytes,
/// a separator or `.` and whether a digit follows (a group that would take
/// it past 19 digits, or a decimal part): bytes `q .. q + 39`. A number of
/// `n` digits ends at most `2n - 1` bytes in, and walking on into the next
/// group needs at most its first `20 - n` digits to learn that 19 are
/// passed: again no further than byte `q + n + 19`. Before `q` it reads two
/// bytes (`<digit>.`, and whether a digit run goes on).
pub(crate) const LOOKAHEAD: usize = 2 * MAX_DIGITS + 1;

/// The offset before which every start is decided by `b` alone, however
/// the text goes on: the finder's answer for a start `q` depends on no byte
/// at `q + LOOKAHEAD` or later, and none past a byte no number can run
/// through (see [`ends_numbers`]).
pub(crate) fn decided_before(b: &[u8]) -> usize {
    let by_length = (b.len() + 1).saturating_sub(LOOKAHEAD);
    (by_length..b.len())
        .rev()
        .find(|&k| ends_numbers(b, k))
        .map_or(by_length, |k| k + 1)
}

/// Whether no number runs through `b[k]` and the finder reads nothing past
/// it for a start before it: a non-digit that is neither a separator nor
/// `.`, or one followed by a non-digit. (A separator followed by a digit
/// joins groups; `.` followed by a digit makes a decimal number, which the
/// finder checks for.)
fn ends_numbers(b: &[u8], k: usize) -> bool {
    match b.get(k) {
        Some(c) if c.is_ascii_digit() => false,
        Some(b' ' | b'-' | b'.') => b.get(k + 1).is_some_and(|n| !n.is_ascii_digit()),
        Some(_) => true,
        None => false,
    }
}
