//! The redacted form of every Retrieval API and MobiCard fixture, against
//! its golden (`fixtures/retrieval/redacted/<dir>/<name>.json`,
//! `fixtures/mobicard/redacted/<name>.json`): what a log shows is reviewed
//! once, by hand, and then held. `SCANKIT_BLESS=1` rewrites the goldens
//! (review the diff before committing it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod redaction_models;

use redaction_models::{fixtures, mobicard, mobicard_fixtures, retrieval, retrieval_fixtures};
use serde_json::Value;
use std::path::Path;

fn check_golden(path: &Path, got: &Value) {
    if std::env::var_os("SCANKIT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = serde_json::to_string_pretty(got).unwrap() + "\n";
        std::fs::write(path, text).unwrap();
        return;
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: golden missing ({e}); run with SCANKIT_BLESS=1",
            path.display()
        )
    });
    let want: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(got, &want, "{}", path.display());
}

#[test]
fn every_retrieval_fixture_redacts_to_its_golden() {
    let dir = fixtures().join("retrieval/redacted");
    let all = retrieval_fixtures();
    assert!(all.len() >= 48, "fixtures went missing: {}", all.len());
    for (file, model, body) in all {
        let shown = retrieval(model, &body).unwrap_or_else(|| panic!("{file}: does not decode"));
        let got: Value = serde_json::from_str(&shown.json).unwrap();
        if let Some(via) = &shown.via_model {
            let via: Value = serde_json::from_str(via).unwrap();
            assert_eq!(via, got, "{file}: decode_json_redacted is redacted()");
        }
        check_golden(&dir.join(&file), &got);
    }
}

#[test]
fn every_mobicard_fixture_redacts_to_its_golden() {
    let dir = fixtures().join("mobicard/redacted");
    let all = mobicard_fixtures();
    assert_eq!(all.len(), 3, "fixtures went missing");
    for (name, body) in all {
        let shown = mobicard(&body).unwrap_or_else(|| panic!("{name}: does not parse"));
        let got: Value = serde_json::from_str(&shown.json).unwrap();
        check_golden(&dir.join(&name), &got);
    }
}

/// The spec examples' legitimate values keep what their documented shape allows.
#[test]
fn documented_values_of_the_spec_examples_are_kept() {
    let read = |p: &str| std::fs::read(fixtures().join(p)).unwrap();
    let json = |s: &redaction_models::Shown| -> Value { serde_json::from_str(&s.json).unwrap() };
    use scankit::retrieval::JsonModel as M;

    let details =
        json(&retrieval(M::ScanDetails, &read("retrieval/spec-2019/id-details.json")).unwrap());
    assert_eq!(
        details["scanReference"],
        "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
    );
    assert_eq!(details["timestamp"], "2019-03-20T16:25:38.663Z");
    assert_eq!(details["document"]["status"], "APPROVED_VERIFIED");
    assert_eq!(details["document"]["type"], "DRIVING_LICENSE");
    assert_eq!(details["document"]["issuingCountry"], "AUT");
    assert_eq!(details["document"]["expiry"], "2022-12-31");
    assert_eq!(details["document"]["dob"], "1990-xx-xx");
    assert_eq!(details["document"]["firstName"], "F***");
    assert_eq!(details["document"]["number"], "xxxxxxx89");
    assert_eq!(details["transaction"]["status"], "DONE");
    assert_eq!(details["transaction"]["source"], "WEB_UPLOAD");
    assert_eq!(details["transaction"]["date"], "2019-01-01T11:01:10.227Z");
    assert_eq!(details["verification"]["mrzCheck"], "NOT_AVAILABLE");
    assert_eq!(
        details["verification"]["identityVerification"]["similarity"],
        "MATCH"
    );

    let not_readable = json(
        &retrieval(
            M::ScanVerification,
            &read("retrieval/spec-2019/id-verification-not-readable.json"),
        )
        .unwrap(),
    );
    assert_eq!(not_readable["rejectReason"]["rejectReasonCode"], "201");
    assert_eq!(
        not_readable["rejectReason"]["rejectReasonDescription"],
        "NO_DOCUMENT"
    );

    let images =
        json(&retrieval(M::ScanImages, &read("retrieval/spec-2019/id-images.json")).unwrap());
    assert_eq!(
        images["images"][0]["href"],
        "https://netverify.com/api/netverify/v2/scans/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/images/back"
    );
    assert_eq!(images["livenessImages"].as_array().map(Vec::len), Some(7));

    let dv = json(
        &retrieval(
            M::DvDetails,
            &read("retrieval/spec-2019/dv-details-bs.json"),
        )
        .unwrap(),
    );
    assert_eq!(dv["document"]["status"], "EXTRACTED");
    assert_eq!(dv["document"]["type"], "BS");
    assert_eq!(dv["document"]["country"], "USA");
    assert_eq!(dv["transaction"]["source"], "DOC_UPLOAD");
    let inner: Value = serde_json::from_str(
        dv["document"]["extractedData"]["extractedData"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(inner["addressFormat"], "RAW");
    assert_eq!(inner["subdivision"], "XX");
    assert_eq!(inner["issueDate"], "2019-01-01");
    assert_eq!(inner["accountNumber"], "xxxxxxx89");
    assert_eq!(inner["line1"], "[redacted]");

    let cc = json(
        &retrieval(
            M::DvDocument,
            &read("retrieval/spec-2019/dv-document-cc.json"),
        )
        .unwrap(),
    );
    let inner: Value =
        serde_json::from_str(cc["extractedData"]["extractedData"].as_str().unwrap()).unwrap();
    assert_eq!(inner["pan"], "XXXXXXXXXXXX1234");
    assert_eq!(inner["expiryDate"], "01/22");

    let card =
        json(&retrieval(M::CreditCard, &read("retrieval/hand-made/cc-unmasked.json")).unwrap());
    assert_eq!(
        card["jumioRequestReference"],
        "8f2b7c1e-0a6d-4e5b-9c3a-2d1f0e9b8a7c"
    );
    assert_eq!(card["cardNumber"], "411111xxxxxx1111");
    assert_eq!(card["cardExpiryMonth"], 3);
    assert_eq!(card["cardExpiryYear"], 2027);
    assert_eq!(card["cardHolderName"], "J***");
    assert_eq!(card["cardSortCode"], "123456");
    assert_eq!(card["cardAccountNumber"], "xxxxxx78");
    // Documented as your reporting criteria; a bare word is what a name looks like.
    assert_eq!(card["merchantReportingCriteria"], "[redacted]");

    let m = json(&mobicard(&read("mobicard/spec-success.json")).unwrap());
    assert_eq!(m["status"], "SUCCESS");
    assert_eq!(m["status_code"], "200");
    assert_eq!(m["status_message"], "SUCCESS");
    assert_eq!(m["card_scan_request_id"], "18678121768809362");
    assert_eq!(m["timestamp"], "2026-01-19 07:56:02");
    let c = &m["card_information"];
    assert_eq!(c["card_number"], "5173********5601");
    assert_eq!(c["card_number_masked"], "5173********5601");
    assert_eq!(c["card_expiry_date"], "12/19");
    assert_eq!(c["card_brand"], "MASTERCARD");
    assert_eq!(c["card_category"], "PREPAID");
    assert_eq!(c["card_holder_name"], "J***");
    assert_eq!(c["card_bank_name"], "[redacted]");
    assert_eq!(c["card_token"], "[redacted]");
    assert_eq!(c["card_confidence_score"], "0.7700");
    let b = &m["card_biin_information"];
    assert_eq!(b["card_biin_number"], "51733500");
    assert_eq!(b["card_biin_country_numeric"], "404");
    assert_eq!(b["card_biin_country_two_letter_code"], Value::Null);
    let variant = json(&mobicard(&read("mobicard/provider-variant.json")).unwrap());
    // Sent as a JSON number, kept as one.
    assert_eq!(variant["card_scan_request_id"], 18678121768809363_u64);
    assert_eq!(variant["status_code"], 200);
    assert_eq!(
        variant["card_information"]["card_number"],
        "3782*******0005"
    );
}
