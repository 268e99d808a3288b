//! Every sample response of the Retrieval API specs parses into typed values
//! that match the spec, and writes back what was read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

use scankit::codes::*;
use scankit::reject::RejectReasonCode;
use scankit::retrieval::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

const REF: &str = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

fn text(path: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/retrieval/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Values the models deliberately normalise: JSON inside a string is
/// compared decoded, and `"true"`/`"TRUE"` compare equal to `true`.
fn normalize(v: Value) -> Value {
    match v {
        Value::String(s) if s.eq_ignore_ascii_case("true") => Value::Bool(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Value::Bool(false),
        Value::String(s) if s.trim_start().starts_with('{') => serde_json::from_str::<Value>(&s)
            .map(normalize)
            .unwrap_or(Value::String(s)),
        Value::Array(a) => Value::Array(a.into_iter().map(normalize).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalize(v))).collect()),
        other => other,
    }
}

/// Parses a fixture and checks that serializing gives the same JSON back.
fn spec<T: DeserializeOwned + Serialize>(path: &str) -> T {
    let raw = text(path);
    let parsed: T = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{path}: {e}"));
    let original: Value = serde_json::from_str(&raw).expect("fixture is JSON");
    let back = serde_json::to_value(&parsed).expect("serializes");
    assert_eq!(normalize(back), normalize(original), "{path}: round trip");
    parsed
}

fn both<T: DeserializeOwned + Serialize>(name: &str) -> [T; 2] {
    [
        spec(&format!("spec-2019/{name}.json")),
        spec(&format!("spec-2022/{name}.json")),
    ]
}

fn ts(t: &Option<LooseTimestamp>) -> &str {
    t.as_ref().map(|t| t.raw()).unwrap_or_default()
}

#[test]
fn id_status() {
    for s in both::<ScanStatusResponse>("id-status") {
        assert_eq!(ts(&s.timestamp), "2019-01-01T16:23:55.039Z");
        assert_eq!(
            s.timestamp.as_ref().and_then(|t| t.unix_millis()),
            Some(1_546_359_835_039)
        );
        assert_eq!(s.scan_reference.as_deref(), Some(REF));
        assert_eq!(s.status, Some(ScanStatus::Done));
        assert!(s.status.as_ref().is_some_and(ScanStatus::is_final));
        assert!(s.extra.is_empty());
    }
}

#[test]
fn id_details() {
    let [old, new] = both::<ScanDetails>("id-details");
    for d in [&old, &new] {
        assert_eq!(ts(&d.timestamp), "2019-03-20T16:25:38.663Z");
        let doc = d.document.as_ref().expect("document");
        assert_eq!(doc.dob.as_ref().map(|d| d.raw()), Some("1990-01-01"));
        assert_eq!(
            doc.expiry.as_ref().and_then(|d| d.date()).map(|d| d.year()),
            Some(2022)
        );
        assert_eq!(doc.issuing_country.as_deref(), Some("AUT"));
        assert_eq!(
            doc.issuing_date.as_ref().map(|d| d.raw()),
            Some("2013-01-01")
        );
        assert_eq!(doc.first_name.as_deref(), Some("FIRST NAME"));
        assert_eq!(doc.number.as_deref(), Some("123456789"));
        let tx = d.transaction.as_ref().expect("transaction");
        assert_eq!(tx.client_ip.as_deref(), Some("XX.XX.X.XX"));
        assert_eq!(tx.source, Some(IdScanSource::WebUpload));
        assert_eq!(tx.status, Some(ScanStatus::Done));
        assert_eq!(
            tx.merchant_reporting_criteria.as_deref(),
            Some("YOURREPORTINGCRITERIA")
        );
        assert_eq!(
            tx.date.as_ref().map(|t| t.raw()),
            Some("2019-01-01T11:01:10.227Z")
        );
        let v = d.verification.as_ref().expect("verification");
        assert_eq!(v.mrz_check, Some(MrzCheck::NotAvailable));
        let iv = v
            .identity_verification
            .as_ref()
            .expect("identityVerification");
        assert_eq!(iv.similarity, Some(Similarity::Match));
        assert_eq!(iv.validity, Some(true));
    }
    // 2019 sends type and status; 2022 adds the facemap.
    let doc = old.document.as_ref().expect("document");
    assert_eq!(doc.document_type, Some(IdType::DrivingLicense));
    assert_eq!(doc.status, Some(VerificationStatus::ApprovedVerified));
    assert!(old.facemap.is_none());
    let facemap = new.facemap.as_ref().expect("facemap");
    assert_eq!(facemap.classifier.as_deref(), Some("facemap"));
    assert_eq!(facemap.href.as_deref(), Some(""));
}

#[test]
fn id_document() {
    let [old, new] = both::<ScanDocument>("id-document");
    for d in [&old, &new] {
        assert_eq!(d.scan_reference.as_deref(), Some(REF));
        assert_eq!(d.last_name.as_deref(), Some("LAST NAME"));
        assert_eq!(
            d.dob.as_ref().and_then(|d| d.date()).map(|d| d.year()),
            Some(1990)
        );
    }
    assert_eq!(ts(&old.timestamp), "2019-03-01T11:44:56.741Z");
    assert_eq!(old.document_type, Some(IdType::DrivingLicense));
    assert_eq!(old.status, Some(VerificationStatus::ApprovedVerified));
    assert_eq!(new.gender, Some(Gender::M));
    assert_eq!(new.nationality.as_deref(), Some("BHR"));
    assert_eq!(new.personal_number.as_deref(), Some("12345679"));
}

#[test]
fn id_transaction() {
    let [old, new] = both::<ScanTransaction>("id-transaction");
    for t in [&old, &new] {
        assert_eq!(t.customer_id.as_deref(), Some("CUSTOMERID"));
        assert_eq!(
            t.merchant_scan_reference.as_deref(),
            Some("YOURSCANREFERENCE")
        );
        assert_eq!(t.source, Some(IdScanSource::WebUpload));
        assert_eq!(t.status, Some(ScanStatus::Done));
        assert_eq!(ts(&t.date), "2019-02-01T11:01:10.227Z");
        assert_eq!(ts(&t.timestamp), "2019-03-01T11:46:57.127Z");
    }
    assert_eq!(old.client_ip.as_deref(), Some("xxx.xxx.xxx.xxx"));
    assert_eq!(
        old.merchant_reporting_criteria.as_deref(),
        Some("YOURMERCHANTREPORTINGCRITERIA")
    );
    assert_eq!(new.client_ip.as_deref(), Some(""));
    assert_eq!(new.merchant_reporting_criteria, None);
}

#[test]
fn id_verification_approved() {
    let [old, new] = both::<ScanVerification>("id-verification-approved");
    for v in [&old, &new] {
        assert_eq!(v.mrz_check, Some(MrzCheck::Ok));
        let iv = v
            .identity_verification
            .as_ref()
            .expect("identityVerification");
        assert_eq!(
            (iv.similarity.clone(), iv.validity),
            (Some(Similarity::Match), Some(true))
        );
        assert!(v.reject_reason.is_none());
        assert_eq!(ts(&v.timestamp), "2019-03-01T11:48:31.331Z");
    }
    assert!(old.additional_checks.is_none());
    let checks = new.additional_checks.as_ref().expect("additionalChecks");
    let result = |c: &Option<SearchCheck>| c.as_ref().and_then(|c| c.search_results.clone());
    assert_eq!(
        result(&checks.address_validation),
        Some(SearchResult::Positive)
    );
    assert_eq!(
        result(&checks.proof_of_residency),
        Some(SearchResult::Partial)
    );
    assert_eq!(
        result(&checks.personal_number_validation),
        Some(SearchResult::Positive)
    );
    let faces = checks
        .face_search_findings
        .as_ref()
        .expect("faceSearchFindings");
    assert_eq!(faces.status, Some(FaceSearchStatus::Done));
    assert_eq!(faces.findings, vec![REF.to_owned(), REF.to_owned()]);
}

#[test]
fn id_verification_not_readable() {
    for v in both::<ScanVerification>("id-verification-not-readable") {
        let reason = v.reject_reason.as_ref().expect("rejectReason");
        assert_eq!(
            reason.reject_reason_code,
            Some(RejectReasonCode::NoDocument)
        );
        assert_eq!(
            reason.reject_reason_description.as_deref(),
            Some("NO_DOCUMENT")
        );
        assert!(reason.reject_reason_details.is_empty());
        assert_eq!(ts(&v.timestamp), "2019-03-01T11:51:39.876Z");
    }
}

#[test]
fn id_images() {
    let [old, new] = both::<ScanImages>("id-images");
    for i in [&old, &new] {
        let classifiers: Vec<_> = i
            .images
            .iter()
            .filter_map(|i| i.classifier.clone())
            .collect();
        assert_eq!(
            classifiers,
            [
                ImageClassifier::Back,
                ImageClassifier::Front,
                ImageClassifier::Face
            ]
        );
        assert_eq!(ts(&i.timestamp), "2019-03-01T11:53:52.878Z");
    }
    let front = old
        .by_classifier(&ImageClassifier::Front)
        .and_then(|i| i.href.as_deref());
    assert_eq!(
        front,
        Some("https://netverify.com/api/netverify/v2/scans/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/images/front")
    );
    let liveness = &old.liveness_images.as_ref().expect("livenessImages").0;
    assert_eq!(liveness.len(), 7);
    assert!(liveness[0].ends_with("/images/liveness/7"));
    assert_eq!(new.liveness_images.as_ref().map(|l| l.0.len()), Some(0));
}

#[test]
fn authentication_details() {
    let [old, new] = both::<AuthenticationDetails>("auth-details");
    for a in [&old, &new] {
        assert_eq!(a.transaction_reference.as_deref(), Some(REF));
        assert_eq!(a.transaction_result, Some(AuthenticationResult::Passed));
        assert_eq!(a.scan_source, Some(IdScanSource::Sdk));
        // The spec's sample has no zone: read as UTC, written back as sent.
        let date = a.transaction_date.as_ref().expect("transactionDate");
        assert_eq!(date.raw(), "2019-05-23T14:32:27.534");
        assert!(!date.has_zone());
        assert_eq!(date.unix_millis(), Some(1_558_621_947_534));
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.images[0].classifier, Some(ImageClassifier::Face));
    }
    assert_eq!(old.liveness_images.as_ref().map(|l| l.0.len()), Some(7));
    assert_eq!(old.enrollment_transaction_reference, None);
    assert_eq!(new.enrollment_transaction_reference.as_deref(), Some(REF));
}

#[test]
fn dv_status() {
    for s in both::<DvStatusResponse>("dv-status") {
        assert_eq!(s.status, Some(DvTransactionStatus::Done));
        assert_eq!(ts(&s.timestamp), "2019-01-01T15:52:48.864Z");
    }
}

fn nested(doc: &DvRetrievedDocument) -> &DvExtractedFields {
    let data = doc.extracted_data.as_ref().expect("extractedData");
    let inner = data.extracted_data.as_ref().expect("nested extractedData");
    assert_eq!(inner.encoding, JsonEncoding::String);
    &inner.value
}

fn check_cc(doc: &DvRetrievedDocument) {
    assert_eq!(doc.status, Some(DvDocumentStatus::Extracted));
    assert_eq!(doc.document_type, Some(DvDocumentType::CreditCard));
    assert_eq!(doc.country.as_deref(), Some("AUT"));
    let data = doc.extracted_data.as_ref().expect("extractedData");
    assert_eq!(data.first_name.as_deref(), Some("FULL NAME"));
    assert_eq!(data.signature_available, Some(false));
    let f = nested(doc);
    assert_eq!(f.expiry_date.as_deref(), Some("01/22"));
    assert_eq!(f.card_expiry(), Some((1, 2022)));
    assert_eq!(f.pan.as_deref(), Some("XXXXXXXXXXXX1234"));
    assert_eq!(f.first_name.as_deref(), Some("FULL NAME"));
}

fn check_ssc(doc: &DvRetrievedDocument) {
    assert_eq!(doc.document_type, Some(DvDocumentType::SocialSecurityCard));
    assert_eq!(doc.country.as_deref(), Some("USA"));
    let data = doc.extracted_data.as_ref().expect("extractedData");
    assert_eq!(data.ssn.as_deref(), Some("123-45-6789"));
    assert_eq!(data.last_name.as_deref(), Some("LAST NAME"));
    let f = nested(doc);
    assert_eq!(f.signature_present, Some(true));
    assert_eq!(f.ssn.as_deref(), Some("123-45-6789"));
    assert_eq!(f.last_name.as_deref(), Some("LAST NAME"));
}

fn check_bs(doc: &DvRetrievedDocument, original: &str) {
    assert_eq!(doc.document_type, Some(DvDocumentType::BankStatement));
    assert_eq!(doc.original_document.as_deref(), Some(original));
    let f = nested(doc);
    assert_eq!(f.address_format.as_deref(), Some("RAW"));
    assert_eq!(f.line1.as_deref(), Some("12345 EASY STREET"));
    assert_eq!(f.city.as_deref(), Some("CITY"));
    assert_eq!(f.postal_code.as_deref(), Some("12345"));
    assert_eq!(f.subdivision.as_deref(), Some("XX"));
    assert_eq!(f.account_number.as_deref(), Some("123456789"));
    assert_eq!(f.issue_date.as_ref().map(|d| d.raw()), Some("2019-01-01"));
}

const ORIGINAL: &str =
    "https://retrieval.netverify.com/api/netverify/v2/documents/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/original";

fn dv_tx(tx: &Option<scankit::document::DvTransaction>) {
    let tx = tx.as_ref().expect("transaction");
    assert_eq!(tx.status, Some(DvTransactionStatus::Done));
    assert_eq!(tx.source, Some(DvSource::DocUpload));
    assert_eq!(tx.customer_id.as_deref(), Some("CUSTOMERID"));
}

#[test]
fn dv_details() {
    for d in both::<DvDetails>("dv-details-cc") {
        check_cc(d.document.as_ref().expect("document"));
        dv_tx(&d.transaction);
        assert_eq!(ts(&d.timestamp), "2019-01-01T15:42:31.858Z");
    }
    for d in both::<DvDetails>("dv-details-ssc") {
        check_ssc(d.document.as_ref().expect("document"));
        dv_tx(&d.transaction);
    }
    let [old, new] = both::<DvDetails>("dv-details-bs");
    check_bs(old.document.as_ref().expect("document"), ORIGINAL);
    check_bs(new.document.as_ref().expect("document"), "");
    dv_tx(&old.transaction);
}

#[test]
fn dv_document() {
    for d in both::<DvRetrievedDocument>("dv-document-cc") {
        check_cc(&d);
        assert_eq!(ts(&d.timestamp), "2019-01-01T15:02:43.691Z");
    }
    for d in both::<DvRetrievedDocument>("dv-document-ssc") {
        check_ssc(&d);
    }
    let [old, new] = both::<DvRetrievedDocument>("dv-document-bs");
    check_bs(&old, ORIGINAL);
    check_bs(&new, "");
}

#[test]
fn dv_transaction() {
    for t in both::<DvTransactionResponse>("dv-transaction") {
        assert_eq!(t.scan_reference.as_deref(), Some(REF));
        assert_eq!(ts(&t.timestamp), "2019-01-01T16:02:25.646Z");
        assert_eq!(t.transaction.status, Some(DvTransactionStatus::Done));
        assert_eq!(t.transaction.source, Some(DvSource::DocUpload));
        assert_eq!(
            t.transaction.merchant_scan_reference.as_deref(),
            Some("YOURSCANREFERENCE")
        );
        assert!(t.transaction.extra.is_empty());
    }
}

#[test]
fn dv_pages() {
    let [old, new] = both::<DvPages>("dv-pages-bs");
    for p in [&old, &new] {
        let pages: Vec<_> = p.images.iter().filter_map(|i| i.classifier).collect();
        assert_eq!(pages, [1, 2]);
    }
    assert!(old.images[1]
        .href
        .as_deref()
        .is_some_and(|h| h.ends_with("/pages/2")));
    for p in both::<DvPages>("dv-pages-cc") {
        assert_eq!(p.images.len(), 1);
        assert_eq!(p.images[0].classifier, Some(101));
        assert_eq!(ts(&p.timestamp), "2019-01-01T16:10:42.368Z");
    }
}

#[test]
fn spec_examples_are_all_covered() {
    let dir = format!("{}/tests/fixtures/retrieval", env!("CARGO_MANIFEST_DIR"));
    for year in ["spec-2019", "spec-2022"] {
        let n = std::fs::read_dir(format!("{dir}/{year}"))
            .expect("dir")
            .count();
        assert_eq!(n, 18, "{year}: one file per sample response");
    }
}
