//! Hand-made responses that bend the spec's shapes: each is read, and
//! fields the spec does not list survive a parse and serialize round trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

use scankit::codes::*;
use scankit::reject::{RejectDetailCode, RejectReasonCode};
use scankit::retrieval::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn load<T: DeserializeOwned>(name: &str) -> (T, String) {
    let path = format!(
        "{}/tests/fixtures/retrieval/hand-made/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).expect("fixture");
    let parsed = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    (parsed, raw)
}

#[test]
fn credit_card_masked_and_unmasked() {
    let (masked, _) = load::<CreditCardData>("cc-masked");
    assert!(masked.is_masked());
    assert_eq!(masked.card_number.as_deref(), Some("411111xxxxxx1111"));
    assert_eq!(masked.expiry(), Some((3, 2027)));
    assert_eq!(masked.card_account_number.as_deref(), Some("xxxxxx78"));
    assert_eq!(masked.card_sort_code.as_deref(), Some("12-34-56"));
    let (unmasked, _) = load::<CreditCardData>("cc-unmasked");
    assert!(!unmasked.is_masked());
    assert_eq!(unmasked.card_holder_name.as_deref(), Some("JANE SAMPLE"));
    // Debug never shows an unmasked number.
    let shown = format!("{unmasked:?}");
    assert!(
        !shown.contains("4111111111111111") && !shown.contains("12345678"),
        "{shown}"
    );
    assert!(shown.contains("411111xxxxxx1111"), "{shown}");
}

#[test]
fn numbers_for_strings_and_strings_for_numbers() {
    let (cc, _) = load::<CreditCardData>("cc-numbers-as-strings-and-strings-as-numbers");
    assert_eq!(cc.card_number.as_deref(), Some("4111111111111111"));
    assert_eq!(cc.card_account_number.as_deref(), Some("12345678"));
    assert_eq!(cc.expiry(), Some((3, 2027)));

    let (doc, _) = load::<ScanDocument>("id-document-2022-numbers-and-parts");
    assert_eq!(doc.number.as_deref(), Some("123456789"));
    assert_eq!(doc.personal_number.as_deref(), Some("98765432100"));
    assert_eq!(doc.rg_number.as_deref(), Some("12345678"));
    assert_eq!(doc.id_subtype, Some(IdSubtype::NationalId));
    let expiry = doc.expiry_date_parts.as_ref().expect("expiryDateParts");
    assert_eq!(expiry.year.as_deref(), Some("2030"));
    assert_eq!(
        expiry.to_date(),
        time::Date::from_calendar_date(2030, time::Month::August, 31).ok()
    );
    let issued = doc.issuing_date_parts.as_ref().expect("issuingDateParts");
    assert_eq!((issued.day.as_deref(), issued.to_date()), (None, None));
    let address = doc.address.as_ref().expect("address");
    assert_eq!(
        address.formatted_address.as_deref(),
        Some("RUA EXEMPLO 1, 01000-000 SAO PAULO")
    );
    assert_eq!(ts_offset(&doc.timestamp), Some(7200));

    let (pages, _) = load::<DvPages>("dv-pages-object-classifier-string");
    assert_eq!(pages.images.len(), 1);
    assert_eq!(pages.images[0].classifier, Some(3));

    let (auth, _) = load::<AuthenticationDetails>("auth-pending-object-images");
    assert_eq!(auth.user_reference.as_deref(), Some("42"));
    assert!(auth
        .transaction_result
        .as_ref()
        .is_some_and(|r| r.is_pending()));
    assert_eq!(auth.scan_source, Some(IdScanSource::Web));
    assert_eq!(auth.images.len(), 1);
}

fn ts_offset(t: &Option<LooseTimestamp>) -> Option<i32> {
    t.as_ref()?.at().map(|at| at.offset().whole_seconds())
}

#[test]
fn object_where_an_array_is_documented() {
    let (images, _) = load::<ScanImages>("id-images-object-not-array");
    assert_eq!(images.images.len(), 1);
    assert_eq!(images.images[0].classifier, Some(ImageClassifier::Front));
    let liveness = images.liveness_images.expect("livenessImages");
    assert_eq!(liveness.0, ["https://example.invalid/liveness/1"]);

    let (v, _) = load::<ScanVerification>("id-verification-fraud-details-single-object");
    let reason = v.reject_reason.expect("rejectReason");
    assert_eq!(
        reason.reject_reason_code,
        Some(RejectReasonCode::ManipulatedDocument)
    );
    assert_eq!(reason.reject_reason_details.len(), 1);
    assert_eq!(
        reason.reject_reason_details[0].details_code,
        Some(RejectDetailCode::Photo)
    );
    let iv = v.identity_verification.expect("identityVerification");
    assert_eq!(iv.validity, Some(false));
    assert_eq!(iv.handwritten_note_matches, Some(true));
    assert_eq!(iv.reason, Some(ValidityReason::LivenessFailed));
}

#[test]
fn array_where_an_object_is_documented() {
    let (d, _) = load::<ScanDetails>("id-details-arrays-not-objects");
    let doc = d.document.expect("document");
    assert_eq!(doc.document_type, Some(IdType::Passport));
    assert_eq!(doc.issuing_country.as_deref(), Some("DEU"));
    assert_eq!(
        d.transaction.and_then(|t| t.source),
        Some(IdScanSource::Api)
    );
    let v = d.verification.expect("verification");
    let iv = v.identity_verification.expect("identityVerification");
    assert_eq!(iv.validity, Some(true), "\"TRUE\" is true");
    assert!(d.facemap.is_none(), "an empty array is absent");

    // An array of several cannot be one object: refused, not truncated.
    let two = r#"{"document": [{"type": "PASSPORT"}, {"type": "VISA"}]}"#;
    let err = serde_json::from_str::<ScanDetails>(two).expect_err("two documents");
    assert!(err.to_string().contains("array of 2"), "{err}");
}

#[test]
fn reject_codes_of_2022_and_one_string_finding() {
    let (v, _) = load::<ScanVerification>("id-verification-2022-codes-details-array");
    let reason = v.reject_reason.expect("rejectReason");
    assert_eq!(
        reason.reject_reason_code,
        Some(RejectReasonCode::NotReadableDocument)
    );
    let codes: Vec<_> = reason
        .reject_reason_details
        .iter()
        .filter_map(|d| d.details_code.clone())
        .collect();
    assert_eq!(
        codes,
        [
            RejectDetailCode::Glare,
            RejectDetailCode::MissingMandatoryDatapoints
        ]
    );
    let checks = v.additional_checks.expect("additionalChecks");
    let faces = checks.face_search_findings.expect("faceSearchFindings");
    assert_eq!(
        faces.findings.len(),
        1,
        "a single finding is sent as a string"
    );
    let cpf = checks
        .personal_number_validation
        .expect("personalNumberValidation");
    assert_eq!(cpf.search_results, Some(SearchResult::CheckNotDone));
    assert_eq!(cpf.search_reason, Some(SearchReason::NotEnoughData));
    let address = checks.address_validation.expect("addressValidation");
    assert_eq!(
        address.search_response,
        Some(SearchReason::UnsupportedCountry)
    );
    assert_eq!(
        checks
            .watchlist_screening
            .as_ref()
            .and_then(|w| w.get("searchDecision")),
        Some(&Value::from("NO_HIT"))
    );
}

#[test]
fn extracted_data_sent_as_an_object_stays_an_object() {
    let (doc, raw) = load::<DvRetrievedDocument>("dv-extracted-data-as-object");
    let data = doc.extracted_data.as_ref().expect("extractedData");
    assert_eq!(data.signature_available, Some(true));
    let nested = data.extracted_data.as_ref().expect("nested");
    assert_eq!(nested.encoding, JsonEncoding::Object);
    assert_eq!(nested.account_number.as_deref(), Some("12345678"));
    assert_eq!(nested.swift_code.as_deref(), Some("ABCDGB2L"));
    assert_eq!(nested.extra.get("futureField"), Some(&Value::from("kept")));
    let back = serde_json::to_value(&doc).expect("serializes");
    let original: Value = serde_json::from_str(&raw).expect("json");
    assert!(back["extractedData"]["extractedData"].is_object());
    assert_eq!(
        back["extractedData"]["extractedData"]["futureField"],
        original["extractedData"]["extractedData"]["futureField"]
    );
}

#[test]
fn extracted_data_string_that_is_not_json_is_an_error_without_the_value() {
    let body = r#"{"extractedData": {"extractedData": "{\"pan\": 4111111111111111"}}"#;
    let err = serde_json::from_str::<DvRetrievedDocument>(body).expect_err("truncated JSON");
    assert!(!err.to_string().contains("4111"), "{err}");
}

#[test]
fn unknown_fields_and_values_survive_a_round_trip() {
    let (d, raw) = load::<ScanDetails>("unknown-fields-and-values");
    let doc = d.document.as_ref().expect("document");
    assert_eq!(
        doc.document_type,
        Some(IdType::Unknown("RESIDENCE_CARD".into()))
    );
    assert_eq!(
        doc.status,
        Some(VerificationStatus::Unknown("NEW_STATUS".into()))
    );
    let tx = d.transaction.as_ref().expect("transaction");
    assert_eq!(tx.status, Some(ScanStatus::Unknown("ARCHIVED".into())));
    assert!(tx.status.as_ref().is_some_and(ScanStatus::is_final));
    assert_eq!(tx.source_normalized(), Some(IdScanSource::WebCam));
    let date = tx.date.as_ref().expect("date kept");
    assert_eq!((date.raw(), date.at()), ("not a timestamp", None));
    let v = d.verification.as_ref().expect("verification");
    assert_eq!(v.mrz_check, Some(MrzCheck::Unknown("PARTIAL".into())));

    let back = serde_json::to_value(&d).expect("serializes");
    let original: Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(back, original, "nothing lost, nothing changed");
}

#[test]
fn debug_of_personal_data_is_redacted() {
    let (doc, _) = load::<ScanDocument>("id-document-2022-numbers-and-parts");
    let shown = format!("{doc:?}");
    for secret in [
        "MARIA",
        "SILVA",
        "123456789",
        "98765432100",
        "RUA EXEMPLO",
        "1990-08-31",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("BRA"));
    let (dv, _) = load::<DvRetrievedDocument>("dv-extracted-data-as-object");
    let shown = format!("{dv:?}");
    assert!(
        !shown.contains("12345678") && !shown.contains("HIGH STREET"),
        "{shown}"
    );
}

#[test]
fn scan_details_redacted_masks_the_document_and_keeps_the_verdicts() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/retrieval/spec-2019/id-details.json"
    );
    let raw = std::fs::read_to_string(path).expect("fixture");
    let details: ScanDetails = serde_json::from_str(&raw).expect("parses");
    let redacted = details.redacted();
    let doc = redacted.document.as_ref().expect("document");
    assert_eq!(doc.first_name.as_deref(), Some("F***"));
    assert_ne!(
        doc.number,
        details.document.as_ref().and_then(|d| d.number.clone())
    );
    assert_eq!(redacted.verification, details.verification);
    assert_eq!(redacted.scan_reference, details.scan_reference);
    let shown = serde_json::to_string(&redacted).expect("serializes");
    assert!(
        !shown.contains("FIRST NAME") && !shown.contains("123456789"),
        "{shown}"
    );
}
