//! scankit's card validation against the answers of the real npm packages
//! `card-validator` and `credit-card-type`, recorded by
//! `scripts/gen_card_fixtures.mjs` in `fixtures/cards/npm-differential.json`.
//! Where scankit deliberately differs, the fixture holds scankit's answer and
//! the reason; every other case must match the packages exactly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{
    validate_cardholder_name, validate_cvv, validate_expiry_with, validate_number_with, Brand,
    NumberOptions, YearMonth,
};
use serde_json::Value;

fn fixture() -> Value {
    let text = include_str!("fixtures/cards/npm-differential.json");
    serde_json::from_str(text).expect("fixture is JSON")
}

fn cases<'a>(f: &'a Value, key: &str) -> &'a Vec<Value> {
    f[key].as_array().expect("cases array")
}

#[test]
fn fixture_records_the_package_versions() {
    let f = fixture();
    assert_eq!(f["packages"]["card-validator"], "10.0.4");
    assert_eq!(f["packages"]["credit-card-type"], "10.3.0");
    let order: Vec<&str> = f["extended_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let ours: Vec<&str> = Brand::ALL.iter().map(|b| b.id()).collect();
    assert_eq!(
        order, ours,
        "brand order agrees with the packages plus additions"
    );
}

#[test]
fn numbers_agree_with_card_validator() {
    let f = fixture();
    let cases = cases(&f, "number_cases");
    assert!(cases.len() > 10_000, "corpus unexpectedly small");
    let mut differences = 0;
    let mut failures = Vec::new();
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let o = &c["options"];
        let options = NumberOptions {
            max_length: o["maxLength"].as_u64().map(|n| n as usize),
            skip_luhn: false,
            luhn_validate_unionpay: o["luhnValidateUnionPay"].as_bool().unwrap_or(false),
        };
        let expected = if c.get("scankit").is_some() {
            differences += 1;
            let reason = c["reason"].as_str().unwrap();
            assert!(
                ["rupay:", "uatp:", "dankort:"]
                    .iter()
                    .any(|r| reason.contains(r)),
                "difference without a documented reason: {input:?}"
            );
            &c["scankit"]
        } else {
            &c["npm"]
        };
        let got = validate_number_with(input, &options);
        let want_candidates: Vec<&str> = expected["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let got_candidates: Vec<&str> = got.candidates.iter().map(Brand::id).collect();
        let ok = got.brand.map(Brand::id) == expected["card"].as_str()
            && got.potentially_valid == expected["potentially_valid"].as_bool().unwrap()
            && got.valid == expected["valid"].as_bool().unwrap()
            && got_candidates == want_candidates;
        if !ok {
            failures.push(format!("{input:?} {o}: got {got:?}, want {expected}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    assert!(differences > 0 && differences < cases.len() / 10);
}

fn today_of(s: &str) -> YearMonth {
    YearMonth {
        year: s[..4].parse().unwrap(),
        month: s[5..7].parse().unwrap(),
    }
}

#[test]
fn expiry_dates_agree_with_card_validator() {
    let f = fixture();
    let cases = cases(&f, "expiry_cases");
    assert!(cases.len() > 5_000);
    let mut failures = Vec::new();
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let today = today_of(c["today"].as_str().unwrap());
        let max = c["max_years_ahead"].as_u64().unwrap_or(19) as u16;
        let want = &c["npm"];
        let got = validate_expiry_with(input, today, max);
        let want_month = want["month"].as_str().map(|m| m.parse::<u8>().unwrap());
        let want_year = want["year"].as_str().map(|y| {
            let n: u16 = y.parse().unwrap();
            if y.len() == 2 {
                today.year / 100 * 100 + n
            } else {
                n
            }
        });
        let ok = got.potentially_valid == want["potentially_valid"].as_bool().unwrap()
            && got.valid == want["valid"].as_bool().unwrap()
            && got.month == want_month
            && got.year == want_year;
        if !ok {
            failures.push(format!(
                "{input:?} on {today:?} max {max}: got {got:?}, want {want}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn cvv_and_names_agree_with_card_validator() {
    let f = fixture();
    for c in cases(&f, "cvv_cases") {
        let input = c["input"].as_str().unwrap();
        let sizes: Vec<usize> = c["sizes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let got = validate_cvv(input, &sizes);
        assert_eq!(
            got.valid,
            c["npm"]["valid"].as_bool().unwrap(),
            "{input:?} {sizes:?}"
        );
        assert_eq!(
            got.potentially_valid,
            c["npm"]["potentially_valid"].as_bool().unwrap(),
            "{input:?} {sizes:?}"
        );
    }
    for c in cases(&f, "name_cases") {
        let input = c["input"].as_str().unwrap();
        let got = validate_cardholder_name(input);
        assert_eq!(got.valid, c["npm"]["valid"].as_bool().unwrap(), "{input:?}");
        assert_eq!(
            got.potentially_valid,
            c["npm"]["potentially_valid"].as_bool().unwrap(),
            "{input:?}"
        );
    }
}
