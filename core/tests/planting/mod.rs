//! Card numbers to plant in hostile-input tests: real brands' prefixes and
//! lengths, Luhn-valid, written whole or grouped.
#![allow(dead_code, clippy::unwrap_used)]

use scankit::card::luhn_check_digit;

/// Card number prefixes and lengths, one or more per brand the finder knows.
pub const BRANDS: &[(&str, usize)] = &[
    ("4", 16),
    ("4", 19),
    ("51", 16),
    ("55", 16),
    ("2221", 16),
    ("34", 15),
    ("37", 15),
    ("6011", 16),
    ("65", 16),
    ("3528", 16),
    ("36", 14),
    ("62", 16),
    ("62", 19),
];

/// A Luhn-valid number of brand `brand` (index into [`BRANDS`], wrapping),
/// its middle digits taken from `body` (at least 18 bytes).
pub fn card_number(brand: usize, body: &[u8]) -> String {
    let (prefix, len) = BRANDS[brand % BRANDS.len()];
    let mut n: String = prefix.to_owned();
    for d in body.iter().take(len - 1 - prefix.len()) {
        n.push(char::from(b'0' + d % 10));
    }
    let check = luhn_check_digit(&n).unwrap();
    n.push(char::from(b'0' + check));
    n
}

/// `digits` in groups of four joined by `sep`.
pub fn grouped(digits: &str, sep: char) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(&sep.to_string())
}
