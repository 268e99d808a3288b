//! The Luhn (mod 10) check digit.

/// `DOUBLED[d]` is the Luhn value of digit `d` in a doubled position.
const DOUBLED: [u8; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

/// Running Luhn sums over digits fed left to right, for both parities at
/// once, so the total length need not be known in advance.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct LuhnSums {
    /// Sum if the first digit fed is in an undoubled position.
    first_plain: u32,
    /// Sum if the first digit fed is in a doubled position.
    first_doubled: u32,
    count: usize,
}

impl LuhnSums {
    /// Feeds one digit value (0..=9; larger values are reduced mod 10).
    #[inline]
    pub(crate) fn push(&mut self, d: u8) {
        let d = d % 10;
        let dd = u32::from(DOUBLED.get(usize::from(d)).copied().unwrap_or(0));
        let d = u32::from(d);
        if self.count.is_multiple_of(2) {
            self.first_plain += d;
            self.first_doubled += dd;
        } else {
            self.first_plain += dd;
            self.first_doubled += d;
        }
        self.count += 1;
    }

    /// Whether the digits fed pass the check (the rightmost digit is never
    /// doubled). No digits passes, as `card-validator`'s `luhn10("")` does.
    #[inline]
    pub(crate) fn is_valid(&self) -> bool {
        // With an odd count the first digit sits at an even distance from
        // the right, so it is not doubled.
        let sum = if !self.count.is_multiple_of(2) {
            self.first_plain
        } else {
            self.first_doubled
        };
        sum.is_multiple_of(10)
    }
}

/// Whether a string of ASCII digits passes the Luhn check. Any other byte
/// (spaces included) makes it fail; the empty string passes, as in
/// `card-validator`.
#[inline]
pub fn luhn_valid(digits: &str) -> bool {
    luhn_valid_bytes(digits.as_bytes())
}

/// [`luhn_valid`] over bytes.
#[inline]
pub fn luhn_valid_bytes(digits: &[u8]) -> bool {
    luhn_sum(digits).is_some_and(|sum| sum.is_multiple_of(10))
}

/// Whether all-digit `bytes` pass Luhn; `None` if a byte is not a digit.
#[inline]
pub(crate) fn luhn_sum_checked(bytes: &[u8]) -> Option<bool> {
    luhn_sum(bytes).map(|sum| sum.is_multiple_of(10))
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The sum of the eight bytes of `v` (each at most 252, so the total may
/// pass 255: add in two halves of 16-bit lanes).
#[inline]
fn hsum16(v: u64) -> u32 {
    let lanes = (v & 0x00FF_00FF_00FF_00FF) + ((v >> 8) & 0x00FF_00FF_00FF_00FF);
    (lanes.wrapping_mul(0x0001_0001_0001_0001) >> 48) as u32
}
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Bytes 0, 2, 4, 6 of a little-endian word: in an 8-digit chunk ending at
/// an even distance from the right, these are the doubled positions.
const EVEN_BYTES: u64 = 0x00FF_00FF_00FF_00FF;

/// The Luhn sum of ASCII digits; `None` if a byte is not a digit. Eight
/// digits at a time from the right, without branches per digit: doubling
/// `d` adds `2d`, less 9 when `d >= 5`.
#[inline]
fn luhn_sum(digits: &[u8]) -> Option<u32> {
    let mut sum = 0u32;
    // Per-byte Luhn values (0..=9) of the chunks so far, summed bytewise;
    // folded into `sum` before a byte could pass 255.
    let mut acc = 0u64;
    let mut pending = 0;
    let mut chunks = digits.rchunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * 0x30);
        // Every byte below 10: no high bit set, none reaching 0x80 when 0x76 is added.
        if (x | x.wrapping_add(ONES * 0x76)) & HIGH != 0 {
            return None;
        }
        // The rightmost byte (index 7) is at an even distance from the end
        // of this chunk, so bytes 6, 4, 2, 0 are doubled: 2d, less 9 if d >= 5.
        let doubled = x & EVEN_BYTES;
        let fives = (doubled.wrapping_add(ONES * 0x7B) & HIGH) >> 7;
        acc += (x & !EVEN_BYTES) + (doubled << 1) - fives * 9;
        pending += 1;
        if pending == 28 {
            sum += hsum16(acc);
            acc = 0;
            pending = 0;
        }
    }
    sum += hsum16(acc);
    // The leading digits (fewer than eight): the rightmost of them is at an
    // even distance from the end, as chunks of eight keep the parity.
    let mut double = false;
    for &b in chunks.remainder().iter().rev() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        sum += u32::from(if double {
            DOUBLED.get(usize::from(d)).copied().unwrap_or(0)
        } else {
            d
        });
        double = !double;
    }
    Some(sum)
}

/// The check digit that makes `payload` (ASCII digits, without the check
/// digit) pass the Luhn check; `None` if `payload` holds a non-digit.
pub fn luhn_check_digit(payload: &str) -> Option<u8> {
    let mut sum = 0u32;
    // The check digit will be rightmost, so the payload's last digit is doubled.
    let mut double = true;
    for &b in payload.as_bytes().iter().rev() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        sum += u32::from(if double {
            DOUBLED.get(usize::from(d)).copied().unwrap_or(0)
        } else {
            d
        });
        double = !double;
    }
    Some(((10 - sum % 10) % 10) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("378282246310005"));
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        assert!(!luhn_valid("4111 1111 1111 1111"));
        assert!(luhn_valid(""));
        assert_eq!(luhn_check_digit("7992739871"), Some(3));
        assert_eq!(luhn_check_digit("x"), None);
    }

    #[test]
    fn chunked_sum_agrees_with_digit_by_digit() {
        let mut n = String::new();
        for i in 0..40u32 {
            n.push(char::from(b'0' + ((i * 7 + 3) % 10) as u8));
            let mut s = LuhnSums::default();
            n.bytes().for_each(|b| s.push(b - b'0'));
            assert_eq!(s.is_valid(), luhn_valid(&n), "{n}");
            let fixed = format!("{n}{}", luhn_check_digit(&n).unwrap_or(0));
            assert!(luhn_valid(&fixed), "{fixed}");
        }
        assert!(!luhn_valid("4111111111111x11"));
        assert!(!luhn_valid("411111111111111\u{e9}"));
    }

    #[test]
    fn sums_agree_with_direct_check() {
        for n in [
            "0",
            "18",
            "79927398713",
            "4111111111111111",
            "4111111111111112",
        ] {
            let mut s = LuhnSums::default();
            n.bytes().for_each(|b| s.push(b - b'0'));
            assert_eq!(s.is_valid(), luhn_valid(n), "{n}");
        }
    }
}
