//! Reading rules, errors, redaction and helpers of the callback parsers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::allowlist::{EU_CALLBACK_IPS, US_CALLBACK_IPS};
use scankit::nv_masking::{masked_fields, FieldPresence};
use scankit::{
    Allowlist, CallbackError, DocumentCallback, JsonProblem, NetverifyCallback, Outcome,
    ParseOptions, SharedAllowlist,
};
use std::net::IpAddr;

const MIN: &str = "jumioIdScanReference=ref-1&verificationStatus=APPROVED_VERIFIED";

fn parse(extra: &str) -> Result<NetverifyCallback, CallbackError> {
    NetverifyCallback::parse(format!("{MIN}&{extra}"))
}

#[test]
fn validity_is_read_from_a_boolean_or_its_string_in_any_case() {
    for (json, want) in [
        (r#"{"validity":true}"#, true),
        (r#"{"validity":false}"#, false),
        (r#"{"validity":"TRUE"}"#, true),
        (r#"{"validity":"FALSE"}"#, false),
        (r#"{"validity":"true"}"#, true),
        (r#"{"validity":"False"}"#, false),
    ] {
        let body = format!("identityVerification={}", urlencode(json));
        let cb = parse(&body).unwrap();
        assert_eq!(
            cb.identity_verification.unwrap().validity,
            Some(want),
            "{json}"
        );
    }
}

#[test]
fn reject_details_are_read_from_one_object_or_an_array() {
    let one = r#"{"rejectReasonCode":"200","rejectReasonDetails":{"detailsCode":"2002"}}"#;
    let many = r#"{"rejectReasonCode":"200","rejectReasonDetails":[{"detailsCode":"2002"}]}"#;
    let a = parse(&format!("rejectReason={}", urlencode(one))).unwrap();
    let b = parse(&format!("rejectReason={}", urlencode(many))).unwrap();
    assert_eq!(a.reject_reason, b.reject_reason);
    assert_eq!(a.reject_reason.unwrap().reject_reason_details.len(), 1);
}

#[test]
fn empty_and_absent_fields_are_the_same() {
    let empty = parse("idNumber=&idDob=&idAddress=&rejectReason=&idCountry=").unwrap();
    let absent = NetverifyCallback::parse(MIN).unwrap();
    assert_eq!(empty, absent);
    assert!(empty.id_number.is_none() && empty.id_dob.is_none());
}

#[test]
fn dates_and_timestamps_are_parsed_and_keep_their_text() {
    let cb = parse("idDob=1990-12-09&callbackDate=2026-01-02T03:04:05.678Z").unwrap();
    let dob = cb.id_dob.unwrap();
    assert_eq!(
        (dob.raw(), dob.date()),
        ("1990-12-09", Some(time::macros::date!(1990 - 12 - 09)))
    );
    let at = cb.callback_date.unwrap();
    assert_eq!(at.raw(), "2026-01-02T03:04:05.678Z");
    assert_eq!(
        at.at(),
        time::macros::datetime!(2026-01-02 03:04:05.678 UTC)
    );
    // A timestamp without a zone is read as UTC, its text kept.
    let naive = parse("transactionDate=2019-05-23T14:32:27.534").unwrap();
    let naive = naive.transaction_date.unwrap();
    assert_eq!(naive.raw(), "2019-05-23T14:32:27.534");
    assert_eq!(
        naive.at(),
        time::macros::datetime!(2019-05-23 14:32:27.534 UTC)
    );
    assert_eq!(
        parse("callbackDate=2019-05-23").unwrap_err().code(),
        "invalid_format"
    );
    // February 30th has the right shape but is no date.
    assert_eq!(
        parse("idExpiry=2030-02-30").unwrap_err().code(),
        "invalid_format"
    );
}

#[test]
fn plus_is_a_space_and_percent_escapes_decode_to_utf8() {
    let cb = parse("idFirstName=Mar%C3%ADa+Jos%C3%A9&customerId=a%2Bb").unwrap();
    assert_eq!(cb.id_first_name.as_deref(), Some("María José"));
    assert_eq!(cb.customer_id.as_deref(), Some("a+b"));
}

#[test]
fn unknown_fields_are_kept_in_order_and_written_back() {
    let cb = parse("zeta=1&alpha=two+words&mid=%26%3D").unwrap();
    let names: Vec<_> = cb.extra.keys().map(String::as_str).collect();
    assert_eq!(names, ["zeta", "alpha", "mid"]);
    assert_eq!(cb.extra["mid"], "&=");
    assert!(cb.to_form().ends_with("zeta=1&alpha=two+words&mid=%26%3D"));
    assert_eq!(NetverifyCallback::parse(cb.to_form()).unwrap(), cb);
    let json: serde_json::Value = serde_json::from_str(&cb.to_json()).unwrap();
    assert_eq!(json["extra"]["alpha"], "two words");
}

#[test]
fn unknown_enum_values_are_kept() {
    let cb = parse("idType=RESIDENCE_PERMIT&idScanSource=KIOSK").unwrap();
    assert_eq!(cb.id_type.as_ref().unwrap().as_str(), "RESIDENCE_PERMIT");
    assert!(!cb.id_type.as_ref().unwrap().is_documented());
    assert!(cb.to_form().contains("idType=RESIDENCE_PERMIT"));
}

#[test]
fn errors_name_the_field_and_rule_and_never_the_value() {
    let secret_name = "SECRETNAME";
    let cases = [
        format!("idFirstName={secret_name}%Z1"),
        format!("idLastName={secret_name}%FF"),
        format!("idDob={secret_name}"),
        format!("idAddress=%7B%22city%22%3A%22{secret_name}"),
        format!("idAddress=%7B%22city%22%3A%5B%22{secret_name}%22%5D%7D"),
        format!("idNumber={secret_name}&idNumber={secret_name}"),
        format!("personalNumber={secret_name}{secret_name}"),
    ];
    for body in &cases {
        let err = parse(body).unwrap_err();
        let text = err.to_string();
        assert!(!text.contains(secret_name), "{text}");
        assert!(!format!("{err:?}").contains(secret_name), "{err:?}");
        assert!(err.field().is_some(), "{text}");
    }
    let err = parse("idDob=1990/01/01").unwrap_err();
    assert_eq!(err.to_string(), "idDob: expected a date YYYY-MM-DD");
    let err = parse("idAddress=%5B1%5D").unwrap_err();
    assert!(matches!(
        err,
        CallbackError::InvalidJson {
            problem: JsonProblem::Shape,
            ..
        }
    ));
    // Field names the spec does not list are caller data: never shown.
    for name in [
        "myField%ZZ".to_owned(),
        "a".repeat(100) + "%ZZ",
        "4111111111111111%ZZ".to_owned(),
        "ZEBULON@mail.example%ZZ".to_owned(),
    ] {
        let err = parse(&format!("{name}=1")).unwrap_err();
        assert_eq!(err.field(), Some(scankit::UNDOCUMENTED_FIELD), "{name}");
    }
    let err = parse("ZEBULON@mail.example=1&ZEBULON@mail.example=2").unwrap_err();
    assert_eq!(
        err.to_string(),
        "an undocumented field: appears more than once"
    );
    let err = parse("4111111111111111=%FF").unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid_utf8", Some(scankit::UNDOCUMENTED_FIELD))
    );
    let err = parse("4111111111111111=a&4111111111111111=b").unwrap_err();
    assert_eq!(err.code(), "duplicate_field");
    assert!(!err.to_string().contains("4111111111111111"));
}

#[test]
fn body_size_limit_is_configurable() {
    let body = format!("{MIN}&pad={}", "x".repeat(100));
    let tight = ParseOptions {
        max_body_bytes: 64,
        ..ParseOptions::default()
    };
    let err = NetverifyCallback::parse_with(body.as_bytes(), &tight).unwrap_err();
    assert_eq!(
        err,
        CallbackError::BodyTooLarge {
            size: Some(body.len()),
            limit: 64
        }
    );
    assert_eq!(
        err.to_string(),
        format!("body: {} bytes is over the limit of 64 bytes", body.len())
    );
    // A reader that stopped at the limit says only that the body is over it.
    let unmeasured = CallbackError::BodyTooLarge {
        size: None,
        limit: 64,
    };
    assert_eq!(unmeasured.to_string(), "body: over the limit of 64 bytes");
    assert_eq!(unmeasured.code(), "body_too_large");
    assert_eq!(unmeasured.field(), None);
    assert!(NetverifyCallback::parse(&body).is_ok());
}

#[test]
fn max_lengths_can_be_relaxed() {
    let body = format!("{MIN}&personalNumber=123456789012345");
    assert_eq!(
        NetverifyCallback::parse(&body).unwrap_err().code(),
        "too_long"
    );
    let relaxed = ParseOptions {
        enforce_max_lengths: false,
        ..ParseOptions::default()
    };
    let cb = NetverifyCallback::parse_with(body.as_bytes(), &relaxed).unwrap();
    assert_eq!(cb.personal_number.as_deref(), Some("123456789012345"));
    // Lengths count characters, not bytes: 200 two-byte letters fit idFirstName.
    assert!(parse(&format!("idFirstName={}", "%C3%A9".repeat(200))).is_ok());
    assert!(parse(&format!("idFirstName={}", "%C3%A9".repeat(201))).is_err());
}

#[test]
fn debug_and_redaction_never_show_personal_data() {
    let body = "jumioIdScanReference=7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d\
        &verificationStatus=APPROVED_VERIFIED&idNumber=X98765432\
        &idFirstName=Annabelle&idLastName=Quintero&idDob=1979-04-23&personalNumber=PN55501\
        &idAddress=%7B%22line1%22%3A%2221+Jump+Street%22%2C%22country%22%3A%22USA%22%7D\
        &clientIp=198.51.100.23&dni=44556677K&secretField=hunter2";
    let cb = NetverifyCallback::parse(body).unwrap();
    let shown = format!("{cb:?} {:?} {}", cb.id_address, cb.redacted().to_json());
    for personal in [
        "X98765432",
        "Annabelle",
        "Quintero",
        "04-23",
        "PN55501",
        "Jump",
        "100.23",
        "44556677",
        "hunter2",
    ] {
        assert!(!shown.contains(personal), "{personal} shown in {shown}");
    }
    let r = cb.redacted();
    assert_eq!(r.id_number.as_deref(), Some("xxxxxxx32"));
    assert_eq!(r.id_first_name.as_deref(), Some("A***"));
    assert_eq!(r.id_dob.as_ref().unwrap().raw(), "1979-xx-xx");
    assert_eq!(
        r.id_address.as_ref().unwrap().country.as_deref(),
        Some("USA")
    );
    assert_eq!(r.client_ip.as_deref(), Some("198.51.x.x"));
    // Redaction does not touch what is needed to act on the result.
    assert_eq!(
        r.jumio_id_scan_reference,
        "7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d"
    );
    assert_eq!(r.decision(), cb.decision());
}

#[test]
fn document_callback_debug_hides_the_card_number() {
    let doc = r#"{"type":"CC","status":"EXTRACTED","extractedData":{"pan":"5555555555554444","name":"JANE ROE"}}"#;
    let body = format!(
        "scanReference=r&transaction=%7B%22status%22%3A%22DONE%22%7D&document={}",
        urlencode(doc)
    );
    let cb = DocumentCallback::parse(&body).unwrap();
    let data = cb
        .document
        .as_ref()
        .unwrap()
        .extracted_data
        .as_ref()
        .unwrap();
    assert_eq!(data.pan.as_deref(), Some("5555555555554444"));
    let shown = format!("{cb:?} {data:?} {}", cb.redacted().to_json());
    assert!(
        !shown.contains("5555555555554444") && !shown.contains("55555555"),
        "{shown}"
    );
    assert!(!shown.contains("JANE ROE"));
    assert!(shown.contains("4444"));
}

#[test]
fn decision_follows_the_status_table() {
    for (status, want) in [
        ("APPROVED_VERIFIED", Outcome::Approved),
        ("DENIED_FRAUD", Outcome::Fraud),
        ("DENIED_UNSUPPORTED_ID_TYPE", Outcome::Retry),
        ("DENIED_UNSUPPORTED_ID_COUNTRY", Outcome::Retry),
        ("ERROR_NOT_READABLE_ID", Outcome::Retry),
        ("NO_ID_UPLOADED", Outcome::NoIdUploaded),
        ("SOMETHING_NEW", Outcome::Unknown),
    ] {
        let cb = NetverifyCallback::parse(format!(
            "jumioIdScanReference=r&verificationStatus={status}"
        ))
        .unwrap();
        assert_eq!(cb.decision().outcome, want, "{status}");
    }
    let undocumented_with_code = "jumioIdScanReference=r&verificationStatus=NEW&rejectReason=%7B%22rejectReasonCode%22%3A%22201%22%7D";
    let cb = NetverifyCallback::parse(undocumented_with_code).unwrap();
    assert_eq!(cb.decision().outcome, Outcome::Retry);
}

#[test]
fn nv_masking_table() {
    use scankit::codes::IdType::*;
    assert_eq!(
        masked_fields("DEU", &Passport),
        ["idCheckMRZcode", "idNumber"]
    );
    assert_eq!(
        masked_fields("DEU", &IdCard),
        ["idCheckMRZcode", "idNumber"]
    );
    assert_eq!(
        masked_fields("NLD", &Passport),
        ["idCheckMRZcode", "personalNumber"]
    );
    assert_eq!(
        masked_fields("NLD", &IdCard),
        ["idCheckMRZcode", "personalNumber", "optionalData1"]
    );
    assert!(masked_fields("NLD", &DrivingLicense).is_empty());
    assert_eq!(
        masked_fields("KOR", &Passport),
        ["idCheckMRZcode", "personalNumber"]
    );
    assert_eq!(masked_fields("KOR", &IdCard), ["idNumber", "idDob"]);
    assert_eq!(masked_fields("KOR", &DrivingLicense), ["idDob"]);
    assert!(masked_fields("FRA", &Passport).is_empty());

    let cb = parse("idCountry=KOR&idType=DRIVING_LICENSE&idNumber=123").unwrap();
    assert_eq!(cb.field_presence("idDob"), FieldPresence::MaskedByProvider);
    assert_eq!(cb.field_presence("idNumber"), FieldPresence::Present);
    assert_eq!(cb.field_presence("personalNumber"), FieldPresence::Missing);
    assert_eq!(cb.field_presence("idCountry"), FieldPresence::Present);
    let fra = parse("idCountry=FRA&idType=ID_CARD").unwrap();
    assert_eq!(fra.field_presence("idDob"), FieldPresence::Missing);
    assert!(fra.masked_by_provider().is_empty());
}

#[test]
fn allowlist_defaults_to_the_spec_addresses() {
    let list = Allowlist::default();
    assert_eq!(US_CALLBACK_IPS.len() + EU_CALLBACK_IPS.len(), 20);
    for ip in US_CALLBACK_IPS.iter().chain(EU_CALLBACK_IPS) {
        assert!(list.is_allowed_str(ip), "{ip}");
    }
    assert!(!list.is_allowed_str("34.202.241.228"));
    assert!(!list.is_allowed_str("127.0.0.1"));
    assert!(!list.is_allowed_str("not an ip"));
    // A dual-stack socket reports IPv4 peers as IPv4-mapped IPv6.
    assert!(list.is_allowed("::ffff:52.48.0.25".parse::<IpAddr>().unwrap()));
    assert!(!list.is_allowed("2001:db8::1".parse::<IpAddr>().unwrap()));
    let local = list.with_loopback();
    assert!(local.is_allowed_str("127.0.0.1") && local.is_allowed_str("::1"));
}

#[test]
fn allowlist_is_replaceable_at_run_time() {
    let shared = SharedAllowlist::new(Allowlist::default());
    let handler_view = shared.clone();
    let ip: IpAddr = "2001:db8::7".parse().unwrap();
    assert!(!handler_view.is_allowed(ip));
    shared.replace(Allowlist::from_entries(&["2001:db8::/32", "10.1.2.3"]).unwrap());
    assert!(handler_view.is_allowed(ip));
    assert!(handler_view.current().is_allowed_str("10.1.2.3"));
    assert!(!handler_view.is_allowed("34.202.241.227".parse().unwrap()));
    assert_eq!(
        Allowlist::from_entries(&["10.0.0.0/8", "nope"])
            .unwrap_err()
            .index,
        1
    );
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
