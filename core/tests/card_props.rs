//! Properties: generated numbers of every brand validate, a one-digit
//! change always fails Luhn, masking never shows more than the style allows,
//! and streaming masks exactly as whole-text masking does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use scankit::card::{
    luhn_check_digit, luhn_valid, mask_pans, validate_number, Brand, MaskStyle, Masker, Pan,
    PanMaskWriter,
};
use std::io::Write;

/// A prefix that names each brand alone once the number is complete.
const PREFIXES: &[(&str, Brand)] = &[
    ("4111", Brand::Visa),
    ("2221", Brand::Mastercard),
    ("55", Brand::Mastercard),
    ("37", Brand::AmericanExpress),
    ("305", Brand::DinersClub),
    ("36", Brand::DinersClub),
    ("6011", Brand::Discover),
    ("649", Brand::Discover),
    ("9792", Brand::Troy),
    ("3528", Brand::Jcb),
    ("1800", Brand::Jcb),
    ("623", Brand::Unionpay),
    ("8110", Brand::Unionpay),
    ("589562", Brand::Naranja),
    ("506099", Brand::Verve),
    ("508500", Brand::Rupay),
    ("607000", Brand::Rupay),
    ("15", Brand::Uatp),
    ("501950", Brand::Dankort),
    ("630400", Brand::Maestro),
    ("504175", Brand::Elo),
    ("2202", Brand::Mir),
    ("637095", Brand::Hiper),
    ("606282", Brand::Hipercard),
];

fn complete(prefix: &str, fill: &[u8], len: usize) -> String {
    let mut s = prefix.to_owned();
    for d in fill.iter().cycle().take(len - 1 - prefix.len()) {
        s.push(char::from(b'0' + d % 10));
    }
    let c = luhn_check_digit(&s).unwrap();
    s.push(char::from(b'0' + c));
    s
}

proptest! {
    #[test]
    fn generated_numbers_of_every_brand_validate(
        which in 0..PREFIXES.len(),
        fill in prop::collection::vec(0u8..10, 1..20),
        len_pick in 0usize..8,
    ) {
        let (prefix, brand) = PREFIXES[which];
        let lengths = brand.info().lengths;
        let len = usize::from(lengths[len_pick % lengths.len()]);
        let n = complete(prefix, &fill, len);
        let v = validate_number(&n);
        prop_assert_eq!(v.brand, Some(brand), "{}", n);
        prop_assert!(v.valid && v.potentially_valid && v.luhn_valid);
        let pan = Pan::parse(&n).unwrap();
        prop_assert_eq!(pan.brand(), brand);
    }

    #[test]
    fn any_one_digit_change_fails_luhn(
        digits in prop::collection::vec(0u8..10, 11..19),
        pos in any::<prop::sample::Index>(),
        delta in 1u8..10,
    ) {
        let payload: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let n = format!("{payload}{}", luhn_check_digit(&payload).unwrap());
        prop_assert!(luhn_valid(&n));
        let i = pos.index(n.len());
        let mut bytes = n.into_bytes();
        bytes[i] = b'0' + (bytes[i] - b'0' + delta) % 10;
        prop_assert!(!luhn_valid(std::str::from_utf8(&bytes).unwrap()));
    }

    #[test]
    fn masking_shows_no_more_than_the_style_allows(
        digits in "[0-9]{0,24}",
        style_pick in 0..MaskStyle::ALL.len(),
    ) {
        let style = MaskStyle::ALL[style_pick];
        let (first, last) = style.shown(digits.len());
        let out = Masker::new(style, '*').mask(&digits);
        let shown = out.bytes().filter(u8::is_ascii_digit).count();
        prop_assert!(shown <= first + last);
        prop_assert!(digits.len() - shown >= 4 || digits.is_empty() || shown == 0);
        prop_assert!(out.starts_with(&digits[..first]));
        prop_assert!(out.ends_with(&digits[digits.len() - last..]));
    }

    #[test]
    fn pan_debug_and_display_show_at_most_ten_digits(
        which in 0..PREFIXES.len(),
        fill in prop::collection::vec(0u8..10, 1..20),
    ) {
        let (prefix, brand) = PREFIXES[which];
        let len = usize::from(*brand.info().lengths.last().unwrap());
        let n = complete(prefix, &fill, len);
        let pan = Pan::parse(&n).unwrap();
        for text in [format!("{pan:?}"), format!("{pan}"), format!("{pan:#?}")] {
            let shown = text.bytes().filter(u8::is_ascii_digit).count();
            prop_assert!(shown <= 10, "{}", text);
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits, format!("{}{}", &n[..6], &n[len - 4..]));
        }
    }

    #[test]
    fn masked_text_keeps_no_whole_card_number(
        parts in prop::collection::vec(
            prop_oneof![
                // Cards stand apart from other digits, as the finder requires.
                Just(" 4111111111111111 ".to_owned()),
                Just(" 4111 1111 1111 1111 ".to_owned()),
                Just(" 378282246310005 ".to_owned()),
                "[a-z =:.,-]{0,12}",
                "[0-9]{1,8}",
                Just("\n".to_owned()),
            ],
            0..20,
        ),
        chunk in 1usize..64,
    ) {
        let text = parts.concat();
        let whole = mask_pans(&text, MaskStyle::Last4).into_owned();
        prop_assert_eq!(whole.len(), text.len());
        prop_assert!(!whole.contains("4111111111111111"));
        prop_assert!(!whole.contains("4111 1111 1111 1111"));
        let mut w = PanMaskWriter::new(Vec::new(), MaskStyle::Last4);
        for piece in text.as_bytes().chunks(chunk) {
            w.write_all(piece).unwrap();
        }
        let streamed = String::from_utf8(w.finish().unwrap()).unwrap();
        prop_assert_eq!(streamed, whole);
    }

    #[test]
    fn found_spans_are_whole_valid_numbers_in_order(
        parts in prop::collection::vec(
            prop_oneof![
                Just("4111111111111111"),
                Just("5555 5555 5555 4444"),
                Just("3782-822463-10005"),
                Just("12345"),
                Just(" "),
                Just("-"),
                Just("x"),
                Just("."),
                Just("0"),
            ],
            0..30,
        ),
    ) {
        let text = parts.concat();
        let spans = scankit::card::find_pans(&text);
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
            last_end = s.end;
            let pan = Pan::parse(&text[s.start..s.end]);
            prop_assert!(pan.is_ok(), "{:?}", &text[s.start..s.end]);
            prop_assert_eq!(pan.unwrap().brand(), s.brand);
            // Never inside a longer run of digits.
            let before = text.as_bytes().get(s.start.wrapping_sub(1)).copied();
            let after = text.as_bytes().get(s.end).copied();
            prop_assert!(!before.is_some_and(|b| b.is_ascii_digit()));
            prop_assert!(!after.is_some_and(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn arbitrary_input_is_handled(s in "\\PC{0,40}") {
        let v = validate_number(&s);
        prop_assert!(!v.valid || v.brand.is_some());
        let f = scankit::card::format_number(&s, s.len());
        prop_assert!(f.caret <= f.text.len());
        prop_assert!(f.text.bytes().all(|b| b.is_ascii_digit() || b == b' '));
        prop_assert_eq!(mask_pans(&s, MaskStyle::Pci).len(), s.len());
        let e = scankit::card::validate_expiry(&s, scankit::card::YearMonth { year: 2026, month: 11 });
        prop_assert!(!e.valid || (e.month.is_some() && e.year.is_some()));
    }
}
