//! The spec's own callback examples, read field by field against its tables.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::callback::codes::*;
use scankit::callback::document::DocumentCallback;
use scankit::callback::reject::{RejectCategory, RejectDetailCode, RejectReasonCode};
use scankit::{NetverifyCallback, Outcome};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/callbacks/{name}.form",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).unwrap()
}

const REF: &str = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

#[test]
fn approved_example() {
    let cb = NetverifyCallback::parse(fixture("netverify/spec-approved")).unwrap();
    assert_eq!(cb.call_back_type, Some(CallbackType::NetverifyId));
    assert_eq!(cb.jumio_id_scan_reference, REF);
    assert_eq!(cb.verification_status, VerificationStatus::ApprovedVerified);
    assert_eq!(cb.id_scan_status, Some(IdScanStatus::Success));
    assert_eq!(cb.id_scan_source, Some(IdScanSource::Sdk));
    for check in [
        &cb.id_check_signature,
        &cb.id_check_data_positions,
        &cb.id_check_hologram,
        &cb.id_check_microprint,
        &cb.id_check_document_validation,
        &cb.id_check_security_features,
        &cb.id_check_mrz_code,
    ] {
        assert_eq!(check, &Some(IdCheck::Ok));
    }
    assert_eq!(cb.id_type, Some(IdType::Passport));
    assert_eq!(cb.id_country.as_deref(), Some("USA"));
    assert_eq!(cb.id_first_name.as_deref(), Some("FIRSTNAME"));
    assert_eq!(cb.id_last_name.as_deref(), Some("LASTNAME"));
    assert_eq!(cb.id_number.as_deref(), Some("P1234"));
    assert_eq!(cb.personal_number.as_deref(), Some("N/A"));
    let dob = cb.id_dob.as_ref().unwrap();
    assert_eq!(dob.raw(), "1990-01-01");
    assert_eq!(dob.date(), Some(time::macros::date!(1990 - 01 - 01)));
    assert_eq!(
        cb.id_expiry.as_ref().unwrap().date(),
        Some(time::macros::date!(2022 - 12 - 31))
    );
    assert_eq!(
        cb.merchant_id_scan_reference.as_deref(),
        Some("YOURIDSCANREFERENCE")
    );
    assert_eq!(cb.client_ip.as_deref(), Some("xxx.xxx.xxx.xxx"));
    assert_eq!(
        cb.id_scan_image.as_deref(),
        Some("https://netverify.com/recognition/v1/idscan/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/front")
    );
    let address = cb.id_address.as_ref().unwrap();
    assert_eq!(address.country.as_deref(), Some("USA"));
    assert_eq!(address.state_code.as_deref(), Some("US-OH"));
    assert_eq!(
        address.format(),
        Some(scankit::callback::models::AddressFormat::Us)
    );
    let iv = cb.identity_verification.as_ref().unwrap();
    assert_eq!(iv.similarity, Some(Similarity::Match));
    assert_eq!(iv.validity, Some(true));
    assert!(cb.extra.is_empty());
    assert!(cb.reject_reason.is_none());
    assert_eq!(cb.decision().outcome, Outcome::Approved);
}

#[test]
fn fraud_example() {
    let cb = NetverifyCallback::parse(fixture("netverify/spec-fraud")).unwrap();
    assert_eq!(cb.verification_status, VerificationStatus::DeniedFraud);
    assert_eq!(cb.id_scan_status, Some(IdScanStatus::Error));
    assert_eq!(cb.id_check_signature, Some(IdCheck::NotAvailable));
    assert_eq!(cb.id_check_mrz_code, Some(IdCheck::NotAvailable));
    assert_eq!(
        cb.merchant_id_scan_reference.as_deref(),
        Some("YOURSCANREFERENCE")
    );
    let reject = cb.reject_reason.as_ref().unwrap();
    let code = reject.reject_reason_code.as_ref().unwrap();
    assert_eq!(code, &RejectReasonCode::ManipulatedDocument);
    assert_eq!(code.description(), Some("MANIPULATED_DOCUMENT"));
    assert_eq!(code.category(), Some(RejectCategory::Fraud));
    assert_eq!(
        reject.reject_reason_description.as_deref(),
        Some("MANIPULATED_DOCUMENT")
    );
    let details: Vec<_> = reject
        .reject_reason_details
        .iter()
        .map(|d| {
            (
                d.details_code.clone().unwrap(),
                d.details_description.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        details,
        vec![
            (RejectDetailCode::Photo, "PHOTO".to_owned()),
            (RejectDetailCode::Dob, "DOB".to_owned())
        ]
    );
    let decision = cb.decision();
    assert_eq!(decision.outcome, Outcome::Fraud);
    assert!(
        decision.reason.contains("100 MANIPULATED_DOCUMENT"),
        "{}",
        decision.reason
    );
}

#[test]
fn document_verification_examples() {
    let uploaded = DocumentCallback::parse(fixture("document/spec-uploaded")).unwrap();
    assert_eq!(uploaded.scan_reference, REF);
    assert_eq!(
        uploaded.timestamp.as_ref().unwrap().raw(),
        "2017-06-06T12:06:49.016Z"
    );
    assert_eq!(
        uploaded.timestamp.as_ref().unwrap().unix_millis(),
        1_496_750_809_016
    );
    let tx = &uploaded.transaction;
    assert_eq!(tx.customer_id.as_deref(), Some("CUSTOMERID"));
    assert_eq!(tx.date.as_ref().unwrap().raw(), "2014-10-17T06:37:51.969Z");
    assert_eq!(
        tx.merchant_scan_reference.as_deref(),
        Some("YOURSCANREFERENCE")
    );
    assert_eq!(tx.source, Some(DvSource::DocSdk));
    assert_eq!(tx.status, Some(DvTransactionStatus::Done));
    let doc = uploaded.document.as_ref().unwrap();
    assert_eq!(doc.document_type, Some(DvDocumentType::SocialSecurityCard));
    assert_eq!(doc.country.as_deref(), Some("AUT"));
    assert_eq!(doc.status, Some(DvDocumentStatus::Uploaded));
    assert_eq!(
        doc.images,
        vec!["https://retrieval.netverify.com/api/netverify/v2/documents/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/pages/1"]
    );
    assert!(doc.extracted_data.is_none());

    let extracted = DocumentCallback::parse(fixture("document/spec-extracted")).unwrap();
    let doc = extracted.document.as_ref().unwrap();
    assert_eq!(doc.status, Some(DvDocumentStatus::Extracted));
    assert_eq!(doc.country.as_deref(), Some("USA"));
    let data = doc.extracted_data.as_ref().unwrap();
    assert_eq!(data.first_name.as_deref(), Some("FIRSTNAME"));
    assert_eq!(data.last_name.as_deref(), Some("LASTNAME"));
    assert_eq!(data.ssn.as_deref(), Some("xxxxxxxxx"));
    // The table says "true" (a string); the example sends true (a boolean).
    assert_eq!(data.signature_available, Some(true));

    let discarded = DocumentCallback::parse(fixture("document/spec-discarded")).unwrap();
    assert_eq!(
        discarded.document.as_ref().unwrap().status,
        Some(DvDocumentStatus::Discarded)
    );
}

#[test]
fn every_documented_value_set_round_trips_through_its_enum() {
    fn check<T: std::str::FromStr + ToString>(values: &[&str]) {
        for v in values {
            let parsed = v.parse::<T>().ok().unwrap();
            assert_eq!(parsed.to_string(), *v);
        }
    }
    check::<VerificationStatus>(VerificationStatus::DOCUMENTED);
    check::<IdSubtype>(IdSubtype::DOCUMENTED);
    check::<DvDocumentType>(DvDocumentType::DOCUMENTED);
    assert_eq!(VerificationStatus::DOCUMENTED.len(), 6);
    assert_eq!(IdScanSource::DOCUMENTED.len(), 8);
    assert_eq!(IdSubtype::DOCUMENTED.len(), 14);
    assert_eq!(ValidityReason::DOCUMENTED.len(), 11);
    assert_eq!(DvDocumentType::DOCUMENTED.len(), 27);
    assert!(IdSubtype::from_wire("UNKNOWN").is_documented());
    assert_eq!(
        IdSubtype::from_wire("NEW_SUBTYPE"),
        IdSubtype::Unknown("NEW_SUBTYPE".into())
    );
}

#[test]
fn reject_code_tables_of_all_three_specs() {
    // 2019 and callback tables.
    for (code, desc, cat) in [
        ("100", "MANIPULATED_DOCUMENT", RejectCategory::Fraud),
        ("105", "FRAUDSTER", RejectCategory::Fraud),
        ("106", "FAKE", RejectCategory::Fraud),
        ("107", "PHOTO_MISMATCH", RejectCategory::Fraud),
        ("108", "MRZ_CHECK_FAILED", RejectCategory::Fraud),
        ("109", "PUNCHED_DOCUMENT", RejectCategory::Fraud),
        ("110", "CHIP_DATA_MANIPULATED", RejectCategory::Fraud),
        (
            "111",
            "MISMATCH_PRINTED_BARCODE_DATA",
            RejectCategory::Fraud,
        ),
        ("102", "PHOTOCOPY_BLACK_WHITE", RejectCategory::NotReadable),
        ("103", "PHOTOCOPY_COLOR", RejectCategory::NotReadable),
        ("104", "DIGITAL_COPY", RejectCategory::NotReadable),
        ("200", "NOT_READABLE_DOCUMENT", RejectCategory::NotReadable),
        ("201", "NO_DOCUMENT", RejectCategory::NotReadable),
        ("202", "SAMPLE_DOCUMENT", RejectCategory::NotReadable),
        ("206", "MISSING_BACK", RejectCategory::NotReadable),
        ("207", "WRONG_DOCUMENT_PAGE", RejectCategory::NotReadable),
        ("209", "MISSING_SIGNATURE", RejectCategory::NotReadable),
        ("210", "CAMERA_BLACK_WHITE", RejectCategory::NotReadable),
        (
            "211",
            "DIFFERENT_PERSONS_SHOWN",
            RejectCategory::NotReadable,
        ),
        ("300", "MANUAL_REJECTION", RejectCategory::NotReadable),
        // 2022 revision history.
        ("112", "CHIP_MISSING", RejectCategory::Fraud),
        (
            "113",
            "MISMATCHING_DATA_REPEATED_FACE",
            RejectCategory::Fraud,
        ),
        ("114", "DIGITAL_MANIPULATION", RejectCategory::Fraud),
        ("115", "MISMATCH_HRZ_MRZ_DATA", RejectCategory::Fraud),
        ("116", "SUPERIMPOSED_TEXT", RejectCategory::Fraud),
        ("118", "MISMATCH_FRONT_BACK", RejectCategory::Fraud),
        ("214", "MISSING_FRONT", RejectCategory::NotReadable),
    ] {
        let c = RejectReasonCode::from_wire(code);
        assert_eq!(c.description(), Some(desc), "{code}");
        assert_eq!(c.category(), Some(cat), "{code}");
    }
    assert_eq!(RejectReasonCode::DOCUMENTED.len(), 27);
    for (code, desc) in [
        ("1001", "PHOTO"),
        ("1002", "DOCUMENT_NUMBER"),
        ("1003", "EXPIRY"),
        ("1004", "DOB"),
        ("1005", "NAME"),
        ("1006", "ADDRESS"),
        ("1007", "SECURITY_CHECKS"),
        ("1008", "SIGNATURE"),
        ("1009", "PERSONAL_NUMBER"),
        ("10011", "PLACE_OF_BIRTH"),
        ("2001", "BLURRED"),
        ("2002", "BAD_QUALITY"),
        ("2003", "MISSING_PART_DOCUMENT"),
        ("2004", "HIDDEN_PART_DOCUMENT"),
        ("2005", "DAMAGED_DOCUMENT"),
        ("2006", "GLARE"),
        ("2007", "MISSING_MANDATORY_DATAPOINTS"),
    ] {
        assert_eq!(
            RejectDetailCode::from_wire(code).description(),
            Some(desc),
            "{code}"
        );
    }
    assert_eq!(RejectReasonCode::from_wire("117").description(), None);
}
