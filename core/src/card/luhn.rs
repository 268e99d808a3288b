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
    let mut sum = 0u32;
    let mut double = false;
    for &b in digits.iter().rev() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        sum += u32::from(if double {
            DOUBLED.get(usize::from(d)).copied().unwrap_or(0)
        } else {
            d
        });
        double = !double;
    }
    sum.is_multiple_of(10)
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
