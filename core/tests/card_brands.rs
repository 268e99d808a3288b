//! The brand table at its edges: every brand's ranges and lengths.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{validate_number, Brand, BRANDS};

/// A Luhn-valid number of `len` digits starting with `prefix`.
fn number(prefix: &str, len: usize) -> String {
    let mut s: String = prefix.chars().take(len - 1).collect();
    while s.len() < len - 1 {
        s.push('0');
    }
    let d = scankit::card::luhn_check_digit(&s).unwrap();
    s.push(char::from(b'0' + d));
    s
}

#[test]
fn ids_and_order_are_stable() {
    let ids: Vec<&str> = Brand::ALL.iter().map(|b| b.id()).collect();
    assert_eq!(
        ids,
        [
            "visa",
            "mastercard",
            "american-express",
            "diners-club",
            "discover",
            "troy",
            "jcb",
            "unionpay",
            "naranja",
            "verve",
            "rupay",
            "uatp",
            "dankort",
            "maestro",
            "elo",
            "mir",
            "hiper",
            "hipercard"
        ]
    );
    for (i, info) in BRANDS.iter().enumerate() {
        assert_eq!(info.brand.index(), i, "BRANDS and Brand::ALL in one order");
        assert_eq!(Brand::from_id(info.id), Some(info.brand));
        assert!(
            info.lengths.windows(2).all(|w| w[0] < w[1]),
            "{} lengths ascending",
            info.id
        );
        assert!(!info.patterns.is_empty());
    }
    assert_eq!(Brand::from_id("Visa"), None);
}

#[test]
fn security_codes_and_gaps() {
    let code = |b: Brand| (b.info().code.name, b.info().code.size);
    assert_eq!(code(Brand::Visa), ("CVV", 3));
    assert_eq!(code(Brand::Mastercard), ("CVC", 3));
    assert_eq!(code(Brand::AmericanExpress), ("CID", 4));
    assert_eq!(code(Brand::Discover), ("CID", 3));
    assert_eq!(code(Brand::Unionpay), ("CVN", 3));
    assert_eq!(code(Brand::Mir), ("CVP2", 3));
    assert_eq!(code(Brand::Elo), ("CVE", 3));
    assert_eq!(Brand::AmericanExpress.info().gaps, &[4, 10]);
    assert_eq!(Brand::Uatp.info().gaps, &[4, 9]);
    assert_eq!(Brand::Visa.info().gaps, &[4, 8, 12]);
    assert_eq!(Brand::AmericanExpress.name(), "American Express");
}

/// (prefix, length, expected brand) at the edges of each brand's ranges.
const EDGES: &[(&str, usize, Option<Brand>)] = &[
    ("4", 16, Some(Brand::Visa)),
    ("4", 18, Some(Brand::Visa)),
    ("4", 19, Some(Brand::Visa)),
    ("51", 16, Some(Brand::Mastercard)),
    ("55", 16, Some(Brand::Mastercard)),
    ("50", 16, Some(Brand::Maestro)),
    ("56", 16, Some(Brand::Maestro)),
    ("2221", 16, Some(Brand::Mastercard)),
    ("2220", 16, None),
    ("2229", 16, Some(Brand::Mastercard)),
    ("223", 16, Some(Brand::Mastercard)),
    ("2720", 16, Some(Brand::Mastercard)),
    ("2721", 16, None),
    ("34", 15, Some(Brand::AmericanExpress)),
    ("37", 15, Some(Brand::AmericanExpress)),
    ("3527", 16, None),
    ("300", 14, Some(Brand::DinersClub)),
    ("305", 16, Some(Brand::DinersClub)),
    ("306", 14, None),
    ("36", 19, Some(Brand::DinersClub)),
    ("6011", 16, Some(Brand::Discover)),
    ("644", 19, Some(Brand::Discover)),
    ("649", 16, Some(Brand::Discover)),
    ("643", 16, Some(Brand::Maestro)),
    ("6500", 16, Some(Brand::Discover)),
    ("9792", 16, Some(Brand::Troy)),
    ("650052", 16, Some(Brand::Troy)),
    ("65875000", 16, Some(Brand::Troy)),
    ("65875003", 16, Some(Brand::Troy)),
    ("65875004", 16, Some(Brand::Discover)),
    ("2131", 16, Some(Brand::Jcb)),
    ("1800", 19, Some(Brand::Jcb)),
    ("3528", 17, Some(Brand::Jcb)),
    ("3589", 16, Some(Brand::Jcb)),
    ("3590", 16, None),
    ("620", 14, Some(Brand::Unionpay)),
    ("62100", 19, Some(Brand::Unionpay)),
    ("62183", 16, Some(Brand::Maestro)),
    ("8171", 16, Some(Brand::Unionpay)),
    ("8172", 16, None),
    ("589562", 16, Some(Brand::Naranja)),
    ("506099", 16, Some(Brand::Verve)),
    ("506127", 19, Some(Brand::Verve)),
    ("507941", 18, Some(Brand::Verve)),
    ("508500", 16, Some(Brand::Rupay)),
    ("508999", 16, Some(Brand::Rupay)),
    ("508499", 16, Some(Brand::Maestro)),
    ("606985", 16, Some(Brand::Rupay)),
    ("607984", 16, Some(Brand::Rupay)),
    ("606984", 16, Some(Brand::Maestro)),
    ("608001", 16, Some(Brand::Rupay)),
    ("608500", 16, Some(Brand::Rupay)),
    ("652150", 16, Some(Brand::Rupay)),
    ("653149", 16, Some(Brand::Rupay)),
    ("653150", 16, Some(Brand::Discover)),
    ("1", 15, Some(Brand::Uatp)),
    ("199", 15, Some(Brand::Uatp)),
    ("501900", 16, Some(Brand::Dankort)),
    ("501999", 16, Some(Brand::Dankort)),
    ("502000", 16, Some(Brand::Maestro)),
    ("500000", 12, Some(Brand::Maestro)),
    ("504174", 19, Some(Brand::Maestro)),
    ("504175", 16, Some(Brand::Elo)),
    ("504176", 13, Some(Brand::Maestro)),
    ("6", 12, Some(Brand::Maestro)),
    ("67", 19, Some(Brand::Maestro)),
    ("401178", 16, Some(Brand::Elo)),
    ("655058", 16, Some(Brand::Elo)),
    ("655059", 16, Some(Brand::Discover)),
    ("2200", 16, Some(Brand::Mir)),
    ("2204", 19, Some(Brand::Mir)),
    ("2205", 16, None),
    ("637095", 16, Some(Brand::Hiper)),
    ("63737423", 16, Some(Brand::Hiper)),
    ("606282", 16, Some(Brand::Hipercard)),
];

#[test]
fn every_brand_at_its_edges() {
    for &(prefix, len, want) in EDGES {
        let n = number(prefix, len);
        let v = validate_number(&n);
        assert_eq!(v.brand, want, "{prefix}… ({len} digits)");
        if let Some(b) = want {
            assert!(v.valid, "{prefix}… ({len} digits) valid as {b}");
            assert!(v.luhn_valid);
        } else {
            assert!(!v.valid);
        }
    }
    // Every brand appears in the table above.
    for b in Brand::ALL {
        assert!(EDGES.iter().any(|e| e.2 == Some(b)), "{b} has edge cases");
    }
}

#[test]
fn every_brand_rejects_lengths_outside_its_table() {
    for &(prefix, _, want) in EDGES {
        let Some(b) = want else { continue };
        let lengths = b.info().lengths;
        let (min, max) = (
            usize::from(lengths[0]),
            usize::from(*lengths.last().unwrap()),
        );
        for len in [min.saturating_sub(1).max(prefix.len() + 1), max + 1] {
            if lengths.contains(&(len as u8)) {
                continue;
            }
            let v = validate_number(&number(prefix, len));
            assert!(!v.valid, "{b}: {len} digits is not valid");
            if v.brand == Some(b) {
                assert_eq!(v.potentially_valid, len < max, "{b}: {len} digits");
            }
        }
    }
}

#[test]
fn partial_input_and_separators() {
    let v = validate_number("");
    assert!(v.potentially_valid && !v.valid && v.brand.is_none());
    assert_eq!(v.candidates.len(), Brand::ALL.len());
    let v = validate_number("4111 1111-1111 1111");
    assert_eq!(v.brand, Some(Brand::Visa));
    assert!(v.valid);
    let v = validate_number("41x");
    assert!(!v.potentially_valid && v.candidates.is_empty());
    let v = validate_number("2");
    let ids: Vec<&str> = v.candidates.iter().map(Brand::id).collect();
    assert_eq!(ids, ["mastercard", "jcb", "mir"]);
    // UnionPay is valid without Luhn by default, as in card-validator.
    let v = validate_number("6212345000000001");
    assert_eq!(v.brand, Some(Brand::Unionpay));
    assert!(v.valid && !v.luhn_valid);
}
