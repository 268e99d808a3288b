//! Hostile input: card numbers and made-up names planted in every field, in
//! every member of the JSON-valued fields and in field names
//! (`fixtures/hostile/callbacks.json`), and at random by a property test.
//! Nothing planted may be readable in a redacted result, a decision, an
//! error or `Debug` output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod planting;

use planting::{card_number, grouped, BRANDS};
use proptest::prelude::*;
use proptest::sample::select;
use scankit::{DocumentCallback, NetverifyCallback};
use serde_json::Value;

/// The first planted value readable in `shown`: names compared case-blind,
/// card numbers also with spaces and dashes taken out of `shown`.
fn leak<'a>(shown: &str, planted: &'a [String]) -> Option<&'a str> {
    let lower = shown.to_lowercase();
    let squeezed: String = shown.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    planted
        .iter()
        .find(|p| {
            if p.bytes().all(|b| b.is_ascii_digit()) {
                squeezed.contains(p.as_str())
            } else {
                lower.contains(p.as_str())
            }
        })
        .map(String::as_str)
}

/// Everything a parse shows that must be safe to log.
fn shown(kind: &str, body: &[u8]) -> String {
    match kind {
        "netverify" => match NetverifyCallback::parse(body) {
            Ok(cb) => {
                let r = cb.redacted();
                let decision = cb.decision();
                // The nested parts and values reach logs on their own too.
                let parts = format!(
                    "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    cb.identity_verification,
                    cb.reject_reason,
                    cb.dl_categories,
                    cb.liveness_images,
                    cb.id_address,
                    cb.verification_status,
                    cb.id_type,
                    cb.id_subtype,
                    cb.id_check_hologram,
                    cb.gender
                );
                format!(
                    "{}\n{}\n{cb:?}\n{r:?}\n{}\n{decision:?}\n{parts}",
                    r.to_json(),
                    serde_json::to_string(&r).unwrap(),
                    decision.reason
                )
            }
            Err(e) => format!("{e}\n{e:?}\n{:?}", e.field()),
        },
        _ => match DocumentCallback::parse(body) {
            Ok(cb) => {
                let r = cb.redacted();
                format!(
                    "{}\n{}\n{cb:?}\n{r:?}\n{:?} {:?}",
                    r.to_json(),
                    serde_json::to_string(&r).unwrap(),
                    cb.transaction,
                    cb.document
                )
            }
            Err(e) => format!("{e}\n{e:?}\n{:?}", e.field()),
        },
    }
}

#[test]
fn nothing_planted_in_the_hostile_corpus_survives() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/callbacks.json"
    );
    let corpus: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let entries = corpus["entries"].as_array().unwrap();
    assert!(entries.len() >= 240, "{} entries", entries.len());
    let (mut parsed, mut refused) = (0, 0);
    let mut leaks = Vec::new();
    for e in entries {
        let name = e["name"].as_str().unwrap();
        let kind = e["kind"].as_str().unwrap();
        let body = e["body"].as_str().unwrap();
        let planted: Vec<String> = serde_json::from_value(e["planted"].clone()).unwrap();
        assert!(!planted.is_empty(), "{name}: nothing planted");
        // The planted value is really there: the check below could not pass by accident.
        let unredacted = match kind {
            "netverify" => NetverifyCallback::parse(body).map(|c| c.to_json()),
            _ => DocumentCallback::parse(body).map(|c| c.to_json()),
        };
        match &unredacted {
            Ok(json) if !json.contains("[field-") => {
                parsed += 1;
                let decoded = serde_json::to_string(&serde_json::from_str::<Value>(json).unwrap())
                    .unwrap()
                    + body;
                assert!(leak(&decoded, &planted).is_some(), "{name}: not planted");
            }
            Ok(_) => parsed += 1,
            Err(_) => refused += 1,
        }
        let shown = shown(kind, body.as_bytes());
        if let Some(p) = leak(&shown, &planted) {
            leaks.push(format!("{name}: {p} readable in\n{shown}"));
        }
    }
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n\n")
    );
    // Both paths are exercised: redaction and error messages.
    assert!(
        parsed > 150 && refused > 20,
        "{parsed} parsed, {refused} refused"
    );
}

/// A Luhn-valid number of a real brand's prefix and length.
fn pan() -> impl Strategy<Value = String> {
    (0..BRANDS.len(), proptest::collection::vec(any::<u8>(), 18))
        .prop_map(|(brand, body)| card_number(brand, &body))
}

/// `digits` written whole, in groups of four with spaces, or with dashes.
fn written(digits: &str, how: u8) -> String {
    match how % 3 {
        0 => digits.to_owned(),
        1 => grouped(digits, ' '),
        _ => grouped(digits, '-'),
    }
}

const BASE: &str =
    "callBackType=NETVERIFYID&jumioIdScanReference=7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d\
    &verificationStatus=APPROVED_VERIFIED&idScanStatus=SUCCESS&idType=PASSPORT&idCountry=AUT\
    &idFirstName=MAX&idLastName=MUSTERMANN&idDob=1985-06-14&merchantIdScanReference=order-1";

fn json_field(field: &str, value: &str) -> Option<String> {
    let v = serde_json::json!(value);
    Some(
        match field {
            "identityVerification" => {
                serde_json::json!({"similarity": v, "validity": true, "reason": v, "x": v})
            }
            "rejectReason" => {
                serde_json::json!({"rejectReasonCode": v, "rejectReasonDescription": v,
            "rejectReasonDetails": [{"detailsCode": v, "detailsDescription": v, "y": v}]})
            }
            "idAddress" => {
                serde_json::json!({"country": v, "stateCode": v, "province": v, "city": v, "z": v})
            }
            "dlCategories" => serde_json::json!([{"category": v, "availability": v, "w": v}]),
            "livenessImages" => serde_json::json!([v, format!("https://netverify.com/{value}/1")]),
            _ => return None,
        }
        .to_string(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn a_card_number_planted_anywhere_is_never_readable(
        digits in pan(),
        how in any::<u8>(),
        field in select(NetverifyCallback::FIELD_NAMES.to_vec()),
        place in 0u8..4,
        name in "[A-Z][a-z]{5,9}",
    ) {
        // A number the finder itself does not take for a card (an overlap
        // of brand ranges) is not what this checks.
        prop_assume!(scankit::card::find_pans(&digits).len() == 1);
        let pan = written(&digits, how);
        // References are kept when they look like identifiers (a digit, no
        // spaces): a word inside one (`ref:4111…:Name`) is the documented
        // exception; the card number in it is still masked.
        let reference = ["jumioIdScanReference", "merchantIdScanReference",
            "merchantReportingCriteria", "customerId"].contains(&field);
        let planted = if reference && place == 2 {
            vec![digits.clone()]
        } else {
            vec![digits.clone(), name.to_lowercase()]
        };
        let value = match place {
            0 => pan.clone(),
            1 => format!("{name} {pan}"),
            _ => format!("ref:{pan}:{name}"),
        };
        let mut w = form_urlencoded::Serializer::new(String::new());
        for pair in BASE.split('&') {
            let (k, v) = pair.split_once('=').unwrap();
            if k != field {
                w.append_pair(k, v);
            }
        }
        if place == 3 {
            // In a field name rather than a value.
            w.append_pair(&format!("{name}_{pan}"), "1");
        } else {
            let v = json_field(field, &value).unwrap_or(value);
            w.append_pair(field, &v);
        }
        let body = w.finish();
        let shown = shown("netverify", body.as_bytes());
        prop_assert!(leak(&shown, &planted).is_none(), "{:?} readable in {}", planted, shown);
    }
}
