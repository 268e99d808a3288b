//! Expiry dates as people type them, in the manner of `card-validator`'s
//! `expirationDate()`, with an explicit `today` instead of a clock.
//!
//! Accepted shapes: `MM/YY`, `MM / YY`, `MM/YYYY`, `MM YY`, `MMYY`,
//! `MMYYYY`, `M/YY`, `YYYY-MM` and any prefix of them. Without a separator
//! the month takes one digit when the first digit is 2-9, or `1` followed by
//! 3-9; two when the first digit is `0`; for `10`-`12` it takes one digit
//! if what follows could still be a year (so `120` is January 2020-something
//! when a 3-digit year could be this century's, else December '0).
//!
//! Differences from `card-validator`: a two-digit year is returned as four
//! digits in `today`'s century, and the month as a number.

use serde::Serialize;

/// The number of years ahead a card may expire by default, as in
/// `card-validator`.
pub const DEFAULT_MAX_YEARS_AHEAD: u16 = 19;

/// A calendar month: what "today" means for expiry checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
}

impl From<time::Date> for YearMonth {
    fn from(d: time::Date) -> Self {
        YearMonth {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: u8::from(d.month()),
        }
    }
}

/// The verdict on a (possibly partial) expiry date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ExpiryValidation {
    /// Whether typing on could still give a valid date.
    pub potentially_valid: bool,
    /// Whether it is a complete date not in the past and not too far ahead.
    pub valid: bool,
    /// The month, when a full month and year were read.
    pub month: Option<u8>,
    /// The four-digit year, when a full month and year were read.
    pub year: Option<u16>,
}

impl ExpiryValidation {
    const INVALID: ExpiryValidation = ExpiryValidation {
        potentially_valid: false,
        valid: false,
        month: None,
        year: None,
    };
}

/// Validates with [`DEFAULT_MAX_YEARS_AHEAD`].
pub fn validate_expiry(input: &str, today: YearMonth) -> ExpiryValidation {
    validate_expiry_with(input, today, DEFAULT_MAX_YEARS_AHEAD)
}

/// Validates an expiry date typed as `input`, as of `today`, allowing dates
/// up to `max_years_ahead` years after this year.
pub fn validate_expiry_with(
    input: &str,
    today: YearMonth,
    max_years_ahead: u16,
) -> ExpiryValidation {
    let (month, year) = split(input, today);
    let m = check_month(month, today);
    let y = check_year(year, today, max_years_ahead);
    if m.valid && (y.current_year || y.valid) {
        let ok = if y.current_year {
            m.valid_this_year
        } else {
            true
        };
        return ExpiryValidation {
            potentially_valid: ok,
            valid: ok,
            month: month.parse().ok(),
            year: full_year(year, today),
        };
    }
    if m.potentially_valid && y.potentially_valid {
        return ExpiryValidation {
            potentially_valid: true,
            ..ExpiryValidation::INVALID
        };
    }
    ExpiryValidation::INVALID
}

fn full_year(year: &str, today: YearMonth) -> Option<u16> {
    let y: u16 = year.parse().ok()?;
    Some(if year.len() == 2 {
        today.year / 100 * 100 + y
    } else {
        y
    })
}

/// Splits the input into its month and year parts, as `card-validator`'s
/// `parseDate` does. A year part of more than one piece (`1/2/3`) becomes a
/// string that no check accepts.
fn split(input: &str, today: YearMonth) -> (&str, &str) {
    let b = input.as_bytes();
    // `MM YY` and `MM YYYY` read as `MM/YY`.
    if b.len() >= 5
        && b.len() != 6
        && b.len() <= 7
        && b.get(2) == Some(&b' ')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
    {
        return (&input[..2], &input[3..]);
    }
    // `YYYY-M` and `YYYY-MM`.
    if (b.len() == 6 || b.len() == 7)
        && b.get(4) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return (&input[5..], &input[..4]);
    }
    if let Some(slash) = input.find('/') {
        let month = input[..slash].trim_end_matches(is_js_space);
        let rest = input[slash + 1..].trim_start_matches(is_js_space);
        // Further slashes (with the spaces around them) would be joined by
        // commas; any such year fails the digits check, so one sentinel does.
        let year = if rest.contains('/') { "," } else { rest };
        return (month, year);
    }
    if input.chars().any(is_js_space) {
        // Split on runs of U+0020 only, as the package does; a leading or
        // trailing run gives an empty piece.
        let mut pieces = input.split(' ').peekable();
        let month = pieces.next().unwrap_or("");
        let mut rest = Vec::new();
        while let Some(p) = pieces.next() {
            // Empty pieces inside a run of spaces belong to the separator.
            if p.is_empty() && pieces.peek().is_some() {
                continue;
            }
            rest.push(p);
        }
        let year = match rest.as_slice() {
            [] => "",
            [one] => one,
            _ => ",",
        };
        return (month, year);
    }
    let digits = month_digits(input, today);
    let cut = input
        .char_indices()
        .nth(digits)
        .map_or(input.len(), |(i, _)| i);
    (&input[..cut], &input[cut..])
}

/// How many leading characters of an unseparated date are the month.
fn month_digits(s: &str, today: YearMonth) -> usize {
    let mut chars = s.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some('0'), _) => 2,
        (Some('2'..='9'), _) => 1,
        (Some('1'), Some('3'..='9')) => 1,
        (Some('1'), _) => {
            let rest = s.get(1..).unwrap_or("");
            if check_year(rest, today, DEFAULT_MAX_YEARS_AHEAD).potentially_valid {
                1
            } else {
                2
            }
        }
        _ if s.chars().count() == 5 => 1,
        _ if s.chars().count() > 5 => 2,
        _ => 1,
    }
}

fn is_js_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{85}' || c == '\u{feff}'
}

struct MonthCheck {
    valid: bool,
    potentially_valid: bool,
    valid_this_year: bool,
}

fn check_month(value: &str, today: YearMonth) -> MonthCheck {
    let v = |valid, potentially_valid, valid_this_year| MonthCheck {
        valid,
        potentially_valid,
        valid_this_year,
    };
    if value.chars().all(is_js_space) || value == "0" {
        return v(false, true, false);
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return v(false, false, false);
    }
    // Digits only, so parsing fails only on overflow: a huge month.
    let month: u64 = value.parse().unwrap_or(u64::MAX);
    let ok = (1..=12).contains(&month);
    v(ok, ok, ok && month >= u64::from(today.month))
}

struct YearCheck {
    valid: bool,
    potentially_valid: bool,
    current_year: bool,
}

fn check_year(value: &str, today: YearMonth, max_ahead: u16) -> YearCheck {
    let v = |valid, potentially_valid, current_year| YearCheck {
        valid,
        potentially_valid,
        current_year,
    };
    if value.chars().all(is_js_space) {
        return v(false, true, false);
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return v(false, false, false);
    }
    let century = today.year / 100;
    let this_year = u32::from(today.year);
    match value.len() {
        0 | 1 => v(false, true, false),
        3 => v(false, value.get(..2) == Some(&century.to_string()), false),
        2 => {
            if value == century.to_string() {
                return v(false, true, false);
            }
            let y: u32 = value.parse().unwrap_or(0);
            let two = this_year % 100;
            let ok = y >= two && y <= two + u32::from(max_ahead);
            v(ok, ok, y == two)
        }
        4 => {
            let y: u32 = value.parse().unwrap_or(0);
            let ok = y >= this_year && y <= this_year + u32::from(max_ahead);
            v(ok, ok, y == this_year)
        }
        _ => v(false, false, false),
    }
}
