//! Masking styles, `Pan`, and finding card numbers in text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{
    find_pans, find_pans_in, mask_digits, mask_pans, mask_pans_with, Brand, MaskCharError,
    MaskStyle, Masker, Pan, PanError, PanMaskWriter, TextUnit,
};
use std::io::Write;

#[test]
fn every_style_on_a_16_digit_number() {
    let n = "5173350006475601";
    assert_eq!(mask_digits(n, MaskStyle::Jumio), "517335xxxxxx5601");
    // The MobiCard spec's card_number_masked for this number.
    assert_eq!(mask_digits(n, MaskStyle::Mobicard), "5173********5601");
    assert_eq!(mask_digits(n, MaskStyle::Pci), "517335******5601");
    assert_eq!(mask_digits(n, MaskStyle::Pci8), "51733500****5601");
    assert_eq!(mask_digits(n, MaskStyle::Last4), "************5601");
    assert_eq!(mask_digits(n, MaskStyle::JumioAccount), "xxxxxxxxxxxxxx01");
}

#[test]
fn styles_on_shorter_numbers() {
    // Amex: PCI 8-digit BIN falls back to 6 below 16 digits.
    let amex = "378282246310005";
    assert_eq!(mask_digits(amex, MaskStyle::Pci8), "378282*****0005");
    assert_eq!(mask_digits(amex, MaskStyle::Jumio), "378282xxxxx0005");
    // Jumio's account number (8 digits): last two shown.
    assert_eq!(mask_digits("12345678", MaskStyle::JumioAccount), "xxxxxx78");
    // 12-digit Maestro: at least four digits stay masked, the BIN shrinks.
    assert_eq!(
        mask_digits("500000000000", MaskStyle::Jumio),
        "5000xxxx0000"
    );
    // Too short to show anything.
    assert_eq!(mask_digits("1234567", MaskStyle::Last4), "*******");
    assert_eq!(mask_digits("", MaskStyle::Pci), "");
}

#[test]
fn separators_stay_and_mask_char_is_configurable() {
    let m = Masker::new(MaskStyle::Pci, '#');
    assert_eq!(m.mask("4111 1111-1111 1111"), "4111 11##-#### 1111");
    assert_eq!(
        Masker::new(MaskStyle::Last4, '•').mask("4111111111111111"),
        "••••••••••••1111"
    );
    assert_eq!(MaskStyle::from_name("mobicard"), Some(MaskStyle::Mobicard));
    assert_eq!(MaskStyle::from_name("nope"), None);
    for s in MaskStyle::ALL {
        assert_eq!(MaskStyle::from_name(s.as_str()), Some(s));
    }
}

#[test]
fn pan_never_shows_its_digits() {
    let pan = Pan::parse("4111 1111 1111 1111").unwrap();
    assert_eq!(pan.brand(), Brand::Visa);
    assert_eq!(pan.len(), 16);
    assert_eq!(pan.last4(), "1111");
    assert_eq!(pan.expose_digits(), "4111111111111111");
    assert_eq!(format!("{pan}"), "411111******1111");
    assert_eq!(format!("{pan:?}"), "Pan(411111******1111, visa)");
    assert_eq!(format!("{pan:#?}"), "Pan(411111******1111, visa)");
    assert_eq!(pan.masked(MaskStyle::Mobicard), "4111********1111");
}

#[test]
fn pan_errors_hold_no_digits() {
    let cases = [
        ("4111111111111112", PanError::Luhn),
        ("4111x", PanError::NotDigits),
        ("9999999999999995", PanError::UnknownBrand),
        ("", PanError::UnknownBrand),
        (
            "41111111111111",
            PanError::BadLength {
                brand: Brand::Visa,
                length: 14,
            },
        ),
    ];
    for (input, want) in cases {
        let err = Pan::parse(input).unwrap_err();
        assert_eq!(err, want, "{input}");
        let text = format!("{err} {err:?}");
        assert!(!text.contains("4111111"), "{text}");
    }
}

fn masked(text: &str) -> String {
    mask_pans(text, MaskStyle::Pci).into_owned()
}

#[test]
fn finds_numbers_whole_and_grouped() {
    assert_eq!(masked("card=4111111111111111;"), "card=411111******1111;");
    assert_eq!(
        masked("pan 4111 1111 1111 1111 ok"),
        "pan 4111 11** **** 1111 ok"
    );
    assert_eq!(
        masked("pan 4111-1111-1111-1111."),
        "pan 4111-11**-****-1111."
    );
    assert_eq!(masked("amex 3782 822463 10005"), "amex 3782 82**** *0005");
    assert_eq!(
        masked("a 5555555555554444 b 378282246310005 c"),
        "a 555555******4444 b 378282*****0005 c"
    );
    // The id before the card is kept.
    assert_eq!(
        masked("id 12345 4111 1111 1111 1111"),
        "id 12345 4111 11** **** 1111"
    );
    // JSON, non-ASCII around.
    assert_eq!(
        masked(r#"{"pan":"4111111111111111"}"#),
        r#"{"pan":"411111******1111"}"#
    );
    assert_eq!(masked("café 4111111111111111 ü"), "café 411111******1111 ü");
    let spans = find_pans("x 4111111111111111 y 6011000990139424");
    assert_eq!(spans.len(), 2);
    assert_eq!(
        (spans[0].start, spans[0].end, spans[0].brand),
        (2, 18, Brand::Visa)
    );
    assert_eq!(spans[1].brand, Brand::Discover);
}

#[test]
fn offsets_in_each_platform_unit_cut_the_same_number() {
    // é: 2 bytes, 1 UTF-16 unit, 1 char; 𝒜: 4 bytes, 2 units, 1 char.
    let text = "é𝒜 4111 1111 1111 1111 𝒜 378282246310005";
    let expect = [(7, 26), (4, 23), (3, 22)];
    for (unit, (start, end)) in [TextUnit::Utf8, TextUnit::Utf16, TextUnit::Char]
        .into_iter()
        .zip(expect)
    {
        let spans = find_pans_in(text, unit);
        assert_eq!(spans.len(), 2, "{unit:?}");
        assert_eq!((spans[0].start, spans[0].end), (start, end), "{unit:?}");
        assert_eq!(spans[1].brand, Brand::AmericanExpress);
    }
    let chars: Vec<char> = text.chars().collect();
    let amex = find_pans_in(text, TextUnit::Char)[1];
    let cut: String = chars[amex.start..amex.end].iter().collect();
    assert_eq!(cut, "378282246310005");
    let units: Vec<u16> = text.encode_utf16().collect();
    let amex = find_pans_in(text, TextUnit::Utf16)[1];
    assert_eq!(
        String::from_utf16_lossy(&units[amex.start..amex.end]),
        "378282246310005"
    );
}

#[test]
fn leaves_what_is_not_a_card_number() {
    for text in [
        "4111111111111112",                  // fails Luhn
        "14111111111111111",                 // inside a longer run of digits
        "41111111111111110000",              // longer run
        "4111 1111-1111 1111",               // mixed separators
        "4111  1111 1111 1111",              // two spaces
        "4111.1111.1111.1111",               // dots
        "0.4111111111111111",                // decimal fraction
        "4111111111111111.5",                // decimal
        "9999999999999995",                  // no brand
        "411111111111",                      // too short for Visa
        "2026-11-24 13:35:55 took 12345 ms", // dates and numbers
        "",
    ] {
        assert_eq!(masked(text), text, "{text:?}");
        assert!(find_pans(text).is_empty(), "{text:?}");
    }
    assert!(matches!(
        mask_pans("nothing", MaskStyle::Pci),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn every_style_through_mask_pans() {
    let text = "pan=5173350006475601";
    let want = [
        (MaskStyle::Jumio, "pan=517335xxxxxx5601"),
        (MaskStyle::JumioAccount, "pan=xxxxxxxxxxxxxx01"),
        (MaskStyle::Mobicard, "pan=5173********5601"),
        (MaskStyle::Pci, "pan=517335******5601"),
        (MaskStyle::Pci8, "pan=51733500****5601"),
        (MaskStyle::Last4, "pan=************5601"),
    ];
    for (style, out) in want {
        assert_eq!(mask_pans(text, style), out, "{style}");
    }
    assert_eq!(
        mask_pans_with(text, Masker::new(MaskStyle::Last4, 'X')),
        "pan=XXXXXXXXXXXX5601"
    );
}

#[test]
fn a_numeric_mask_char_is_refused() {
    for c in ['7', '٣', '５', '²', '⅓', 'Ⅻ'] {
        let err = Masker::try_new(MaskStyle::Pci, c).unwrap_err();
        assert_eq!(err, MaskCharError::Numeric, "{c}");
        assert!(err.to_string().starts_with("mask_char: "), "{err}");
    }
    for c in ['*', 'x', '#', '•', ' '] {
        assert_eq!(
            Masker::try_new(MaskStyle::Pci, c),
            Ok(Masker::new(MaskStyle::Pci, c))
        );
    }
}

#[test]
fn streaming_matches_whole_text_across_chunk_boundaries() {
    let text =
        "line 1 card 4111 1111 1111 1111\nline 2 5555555555554444 and 12345\nend 378282246310005";
    let whole = masked(text);
    for chunk in 1..=text.len() {
        let mut w = PanMaskWriter::new(Vec::new(), MaskStyle::Pci);
        for piece in text.as_bytes().chunks(chunk) {
            w.write_all(piece).unwrap();
        }
        let out = w.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole, "chunk size {chunk}");
    }
}

#[test]
fn overlapping_numbers_are_masked_together() {
    // The first ten digits and `4111` read as a Luhn-valid Maestro number;
    // the Visa number after it must not stay readable.
    let text = "6634688829 4111 1111 1111 1111 ";
    let out = mask_pans(text, MaskStyle::Last4);
    assert_eq!(
        out,
        "**** ****** **** **** **** 1111 ".replace("**** ****** ", "********** ")
    );
    assert!(!out.contains("4111 1111 1111 1111"));
    // find_pans reports numbers that do not overlap.
    assert_eq!(find_pans(text).len(), 1);
}

#[test]
fn streaming_survives_input_without_a_safe_cut() {
    // 200 KB of single digits and single spaces: no byte in it ends the
    // numbers, yet the writer holds only a bounded tail (card_stream.rs).
    let text = "1 ".repeat(100_000) + "4111111111111111\n";
    let mut w = PanMaskWriter::new(Vec::new(), MaskStyle::Pci);
    for piece in text.as_bytes().chunks(4096) {
        w.write_all(piece).unwrap();
    }
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    assert_eq!(out.len(), text.len());
    assert!(!out.contains("4111111111111111"));
    // A run of 30 000 digits is never a card number, streamed or not.
    let digits = "4".repeat(30_000);
    let mut w = PanMaskWriter::new(Vec::new(), MaskStyle::Pci);
    for piece in digits.as_bytes().chunks(1000) {
        w.write_all(piece).unwrap();
    }
    assert_eq!(w.finish().unwrap(), digits.as_bytes());
}

#[test]
fn a_number_starting_inside_a_masked_group_is_masked_too() {
    // Found by fuzzing: the Diners Club number `3695 1 888888888888 1 1`
    // starts inside the Amex group; masking the Amex alone left it readable.
    let text = "x 378290990983695 1 888888888888 1 1 y";
    let masked = mask_pans(text, MaskStyle::Last4);
    assert!(find_pans(&masked).is_empty(), "{masked}");
    assert!(!masked.contains("888888888888"), "{masked}");
    assert!(masked.starts_with("x ") && masked.ends_with(" y"));
}
