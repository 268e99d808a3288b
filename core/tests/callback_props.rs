//! Property tests: generated callbacks survive `to_form` and `to_json`, and
//! no input, however broken, panics a parser.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use scankit::callback::codes::*;
use scankit::callback::reject::{RejectDetailCode, RejectReasonCode};
use scankit::{DocumentCallback, NetverifyCallback};
use serde_json::json;

fn wire_value(documented: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(documented).prop_map(str::to_owned),
        1 => "[A-Z_]{1,20}",
    ]
    .boxed()
}

fn text(max: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("\\PC{{0,{max}}}"))
        .unwrap()
        .boxed()
}

fn date() -> impl Strategy<Value = String> {
    (1900i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn timestamp() -> impl Strategy<Value = String> {
    (date(), 0u8..24, 0u8..60, 0u8..60, 0u16..1000)
        .prop_map(|(d, h, mi, s, ms)| format!("{d}T{h:02}:{mi:02}:{s:02}.{ms:03}Z"))
}

fn identity_verification() -> impl Strategy<Value = String> {
    (
        wire_value(Similarity::DOCUMENTED),
        select(vec![
            json!(true),
            json!(false),
            json!("TRUE"),
            json!("FALSE"),
        ]),
        proptest::option::of(wire_value(ValidityReason::DOCUMENTED)),
    )
        .prop_map(|(similarity, validity, reason)| {
            json!({"similarity": similarity, "validity": validity, "reason": reason}).to_string()
        })
}

fn reject_reason() -> impl Strategy<Value = String> {
    (
        wire_value(RejectReasonCode::DOCUMENTED),
        vec(wire_value(RejectDetailCode::DOCUMENTED), 0..3),
        any::<bool>(),
    )
        .prop_map(|(code, details, as_object)| {
            let details: Vec<_> = details.iter().map(|d| json!({"detailsCode": d})).collect();
            let details = match (as_object, details.first()) {
                (true, Some(first)) => first.clone(),
                _ => json!(details),
            };
            json!({"rejectReasonCode": code, "rejectReasonDetails": details}).to_string()
        })
}

fn address() -> impl Strategy<Value = String> {
    (text(30), text(30), "[A-Z]{3}", text(10)).prop_map(|(line1, city, country, extra)| {
        json!({"line1": line1, "city": city, "country": country, "newKey": extra}).to_string()
    })
}

/// A field of the spec with a value of its documented type.
fn listed_field() -> BoxedStrategy<(&'static str, String)> {
    prop_oneof![
        Just(("callBackType", "NETVERIFYID".to_owned())),
        wire_value(IdScanStatus::DOCUMENTED).prop_map(|v| ("idScanStatus", v)),
        wire_value(IdScanSource::DOCUMENTED).prop_map(|v| ("idScanSource", v)),
        wire_value(IdCheck::DOCUMENTED).prop_map(|v| ("idCheckHologram", v)),
        wire_value(IdCheck::DOCUMENTED).prop_map(|v| ("idCheckMRZcode", v)),
        timestamp().prop_map(|v| ("transactionDate", v)),
        timestamp().prop_map(|v| ("callbackDate", v)),
        identity_verification().prop_map(|v| ("identityVerification", v)),
        wire_value(IdType::DOCUMENTED).prop_map(|v| ("idType", v)),
        wire_value(IdSubtype::DOCUMENTED).prop_map(|v| ("idSubtype", v)),
        "[A-Z]{3}".prop_map(|v| ("idCountry", v)),
        reject_reason().prop_map(|v| ("rejectReason", v)),
        text(200).prop_map(|v| ("idNumber", v)),
        text(200).prop_map(|v| ("idFirstName", v)),
        text(200).prop_map(|v| ("idLastName", v)),
        date().prop_map(|v| ("idDob", v)),
        date().prop_map(|v| ("idExpiry", v)),
        text(14).prop_map(|v| ("personalNumber", v)),
        address().prop_map(|v| ("idAddress", v)),
        text(100).prop_map(|v| ("merchantIdScanReference", v)),
        text(40).prop_map(|v| ("clientIp", v)),
        // gender has a maximum length of 2: an undocumented value must fit too.
        prop_oneof![
            select(Gender::DOCUMENTED).prop_map(str::to_owned),
            "[A-Z]{1,2}"
        ]
        .prop_map(|v| ("gender", v)),
        wire_value(DlCarPermission::DOCUMENTED).prop_map(|v| ("dlCarPermission", v)),
        (text(10), date()).prop_map(|(c, d)| (
            "dlCategories",
            json!([{"category": c, "issueDate": d, "availability": "no"}]).to_string()
        )),
        vec(text(40), 0..3).prop_map(|v| ("livenessImages", json!(v).to_string())),
        text(10).prop_map(|v| ("originDob", v)),
        date().prop_map(|v| ("issuingDate", v)),
    ]
    .boxed()
}

/// A body: the required fields, listed fields, and fields the spec does not list.
fn callback_body() -> impl Strategy<Value = String> {
    (
        "[a-z0-9-]{1,36}",
        wire_value(VerificationStatus::DOCUMENTED),
        vec(listed_field(), 0..20),
        vec(("x[a-zA-Z]{0,8}", text(30)), 0..4),
    )
        .prop_map(|(reference, status, listed, extra)| {
            let mut w = form_urlencoded::Serializer::new(String::new());
            w.append_pair("jumioIdScanReference", &reference);
            w.append_pair("verificationStatus", &status);
            let mut seen = std::collections::HashSet::new();
            for (name, value) in listed {
                if seen.insert(name.to_owned()) {
                    w.append_pair(name, &value);
                }
            }
            for (name, value) in extra {
                if seen.insert(name.clone()) {
                    w.append_pair(&name, &value);
                }
            }
            w.finish()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_callbacks_survive_to_form_and_to_json(body in callback_body()) {
        let cb = NetverifyCallback::parse(&body).unwrap();
        prop_assert_eq!(&NetverifyCallback::parse(cb.to_form()).unwrap(), &cb);
        prop_assert_eq!(&NetverifyCallback::from_json(&cb.to_json()).unwrap(), &cb);
    }

    #[test]
    fn arbitrary_bytes_never_panic(body in vec(any::<u8>(), 0..512)) {
        if let Ok(cb) = NetverifyCallback::parse(&body) {
            prop_assert_eq!(NetverifyCallback::parse(cb.to_form()).unwrap(), cb);
        }
        if let Ok(cb) = DocumentCallback::parse(&body) {
            prop_assert_eq!(DocumentCallback::parse(cb.to_form()).unwrap(), cb);
        }
    }

    #[test]
    fn mutated_callbacks_never_panic(
        body in callback_body(),
        cuts in vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = body.into_bytes();
        for (at, byte) in cuts {
            let i = at.index(bytes.len() + 1);
            bytes.insert(i, byte);
        }
        if let Ok(cb) = NetverifyCallback::parse(&bytes) {
            let _ = cb.decision();
            let _ = format!("{cb:?}");
            prop_assert_eq!(NetverifyCallback::parse(cb.to_form()).unwrap(), cb);
        }
    }

    #[test]
    fn form_shaped_noise_never_panics(body in "([a-zA-Z%+=&0-9]|%[0-9A-Fa-f]{2}|%7B|%22|%7D){0,200}") {
        let _ = NetverifyCallback::parse(&body);
        let _ = DocumentCallback::parse(&body);
    }
}
