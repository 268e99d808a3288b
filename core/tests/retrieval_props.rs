//! Property tests: no response body, reference, `User-Agent` or sequence of
//! poll results panics, and what parses writes back to what parses equal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::select;
use scankit::retrieval::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::time::Duration;

const KEYS: &[&str] = &[
    "timestamp",
    "scanReference",
    "status",
    "document",
    "transaction",
    "verification",
    "facemap",
    "type",
    "idSubtype",
    "dob",
    "expiry",
    "number",
    "address",
    "expiryDateParts",
    "year",
    "month",
    "rejectReason",
    "rejectReasonCode",
    "rejectReasonDetails",
    "identityVerification",
    "validity",
    "additionalChecks",
    "faceSearchFindings",
    "findings",
    "images",
    "classifier",
    "href",
    "livenessImages",
    "extractedData",
    "signatureAvailable",
    "pan",
    "cardNumber",
    "cardExpiryMonth",
    "cardExpiryYear",
    "transactionDate",
    "source",
    "date",
    "unknownField",
];

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::String),
        select(
            &[
                "TRUE",
                "2019-01-01",
                "2019-01-01T16:23:55.039Z",
                "{\"pan\":\"1\"}",
                "01/22",
                "12"
            ][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// Parses; when it parses, writing back and parsing again gives the same value.
fn stable<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(v: &Value) {
    if let Ok(parsed) = serde_json::from_value::<T>(v.clone()) {
        let again: T = serde_json::from_value(serde_json::to_value(&parsed).unwrap()).unwrap();
        assert_eq!(again, parsed);
        let _ = format!("{parsed:?}");
    }
}

proptest! {
    #[test]
    fn any_json_parses_or_errors_and_round_trips(v in json()) {
        stable::<ScanStatusResponse>(&v);
        stable::<ScanDetails>(&v);
        stable::<ScanDocument>(&v);
        stable::<ScanVerification>(&v);
        stable::<ScanImages>(&v);
        stable::<AuthenticationDetails>(&v);
        stable::<DvDetails>(&v);
        stable::<DvRetrievedDocument>(&v);
        stable::<DvPages>(&v);
        stable::<CreditCardData>(&v);
    }

    #[test]
    fn any_body_is_classified_without_panic(status in 100u16..600, body in proptest::collection::vec(any::<u8>(), 0..64)) {
        let raw = RawResponse { status, content_type: None, retry_after: Some("x"), body: &body };
        let _ = decode::<ScanDetails>(&Endpoint::ScanDetails, &raw, None);
        let _ = decode::<CreditCardData>(&Endpoint::CreditCard(MaskHint::Unmasked), &raw, Some(Duration::MAX));
    }

    #[test]
    fn user_agents_and_references(ua in "\\PC{0,40}", reference in "\\PC{0,40}") {
        if let Ok(agent) = UserAgent::new(ua.clone()) {
            prop_assert!(agent.as_str().bytes().all(|b| (0x20..0x7f).contains(&b)));
        }
        let b = RequestBuilder::new(
            Credentials::new("t", "s").unwrap(),
            UserAgent::new("A B/1").unwrap(),
            BaseUrls::default(),
        );
        if let Ok(r) = b.build(Endpoint::ScanDetails, &reference) {
            let expected = format!("/scans/{reference}/data");
            prop_assert!(r.url.ends_with(&expected));
            prop_assert!(!reference.contains(['/', '?', '#', '%', '.']));
        }
    }

    #[test]
    fn polling_never_exceeds_its_attempts(
        steps in proptest::collection::vec((0u8..4, 0u64..100_000), 0..40),
        daily in 0u32..3,
    ) {
        let mut p = Poller::new(Duration::from_secs(5)).with_daily(daily);
        let mut now = Duration::ZERO;
        for (kind, advance) in steps {
            now += Duration::from_secs(advance);
            let action = match kind {
                0 => p.observe(&ScanStatus::Pending, now),
                1 => p.observe(&ScanStatus::Done, now),
                2 => p.observe_error(RetrievalError::transport("x"), now),
                _ => p.action(now),
            };
            let _ = action;
            prop_assert!(p.attempts() <= 10 + daily);
        }
    }
}
