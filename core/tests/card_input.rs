//! As-you-type helpers: formatting with the caret, expiry dates, security
//! codes and names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{
    format_number, validate_cardholder_name, validate_cvv_for, validate_expiry,
    validate_expiry_with, Brand, YearMonth,
};

const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 11,
};

#[test]
fn formats_with_the_brands_gaps() {
    let f = format_number("4111111111111111", 16);
    assert_eq!(
        (f.text.as_str(), f.caret, f.brand),
        ("4111 1111 1111 1111", 19, Some(Brand::Visa))
    );
    let f = format_number("378282246310005", 15);
    assert_eq!((f.text.as_str(), f.caret), ("3782 822463 10005", 17));
    let f = format_number("100011234567890", 15);
    assert_eq!(
        (f.text.as_str(), f.brand),
        ("1000 11234 567890", Some(Brand::Uatp))
    );
    // Debug never shows the whole number.
    let debug = format!("{:?}", format_number("4111111111111111", 16));
    assert!(debug.contains("4111 11** **** 1111"), "{debug}");
    // Unknown brand: groups of four, at most 19 digits.
    let f = format_number("99999999999999999999999", 0);
    assert_eq!(f.text, "9999 9999 9999 9999999");
    assert_eq!(f.caret, 0);
    // Amex stops at 15 digits.
    assert_eq!(
        format_number("3782822463100059999", 19).text,
        "3782 822463 10005"
    );
}

#[test]
fn caret_follows_the_digits() {
    // Typing the fifth digit: the caret moves past the inserted space.
    let f = format_number("41111", 5);
    assert_eq!((f.text.as_str(), f.caret), ("4111 1", 6));
    // Editing in the middle: caret after the same digits as before.
    let f = format_number("4111 91111", 6);
    assert_eq!((f.text.as_str(), f.caret), ("4111 9111 1", 6));
    // Deleting the space before the caret keeps the caret after 4 digits.
    let f = format_number("41111111", 4);
    assert_eq!((f.text.as_str(), f.caret), ("4111 1111", 4));
    // Pasted with dashes and letters.
    let f = format_number("4111-1111-abc", 13);
    assert_eq!((f.text.as_str(), f.caret), ("4111 1111", 9));
    // Caret past the end is clamped.
    assert_eq!(format_number("41", 99).caret, 2);
}

#[test]
fn expiry_shapes_people_type() {
    for input in [
        "12/30", "12 / 30", "12/2030", "1230", "12 30", "122030", "2030-12",
    ] {
        let v = validate_expiry(input, TODAY);
        assert!(v.valid, "{input}");
        assert_eq!((v.month, v.year), (Some(12), Some(2030)), "{input}");
    }
    let v = validate_expiry("3/27", TODAY);
    assert_eq!((v.valid, v.month, v.year), (true, Some(3), Some(2027)));
    // This month is still valid; last month is not.
    assert!(validate_expiry("11/26", TODAY).valid);
    let v = validate_expiry("10/26", TODAY);
    assert!(!v.valid && !v.potentially_valid);
    // 19 years ahead by default, configurable.
    assert!(validate_expiry("12/2045", TODAY).valid);
    assert!(!validate_expiry("12/2046", TODAY).valid);
    assert!(!validate_expiry_with("12/2032", TODAY, 5).valid);
    assert!(validate_expiry_with("12/2031", TODAY, 5).valid);
    // Partial input.
    for input in ["", "1", "12", "12/", "12/2", "12/20", "12/203"] {
        let v = validate_expiry(input, TODAY);
        assert!(v.potentially_valid && !v.valid, "{input}");
    }
    for input in ["13/30", "ab/cd", "12/301", "12/30/1"] {
        assert!(!validate_expiry(input, TODAY).potentially_valid, "{input}");
    }
}

#[test]
fn security_codes_by_brand() {
    assert!(validate_cvv_for("1234", Some(Brand::AmericanExpress)).valid);
    assert!(!validate_cvv_for("123", Some(Brand::AmericanExpress)).valid);
    assert!(validate_cvv_for("123", Some(Brand::AmericanExpress)).potentially_valid);
    assert!(validate_cvv_for("123", Some(Brand::Visa)).valid);
    assert!(!validate_cvv_for("1234", Some(Brand::Visa)).potentially_valid);
    assert!(validate_cvv_for("1234", None).valid);
    assert!(!validate_cvv_for("12a", None).potentially_valid);
}

#[test]
fn cardholder_names() {
    assert!(validate_cardholder_name("JOHN DOE").valid);
    let v = validate_cardholder_name("4111 1111");
    assert!(!v.valid && v.potentially_valid);
    assert!(!validate_cardholder_name(&"A".repeat(256)).potentially_valid);
    assert!(validate_cardholder_name("").potentially_valid);
}
