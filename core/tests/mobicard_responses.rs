//! MobiCard ScanAPI responses: the spec's examples parsed field by field,
//! every status code mapped, lenient and lossless parsing, the cross-check.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{Brand, YearMonth};
use scankit::mobicard::{
    action_for, cross_check, Action, Check, Disagreement, ScanResponse, Status, StatusCode,
};
use serde_json::Value;

const SUCCESS: &str = include_str!("fixtures/mobicard/spec-success.json");
const ERROR: &str = include_str!("fixtures/mobicard/spec-error.json");
const VARIANT: &str = include_str!("fixtures/mobicard/provider-variant.json");

#[test]
fn spec_success_example_every_field() {
    let r = ScanResponse::parse(SUCCESS.as_bytes()).unwrap();
    assert_eq!(r.status, Status::Success);
    assert_eq!(r.status_code, StatusCode::Success);
    assert!(r.is_success());
    assert_eq!(r.action(), Action::Process);
    assert_eq!(r.status_message.as_ref().unwrap().to_string(), "SUCCESS");
    assert_eq!(
        r.card_scan_request_id.as_ref().unwrap().to_string(),
        "18678121768809362"
    );
    assert_eq!(
        r.mobicard_txn_reference.as_ref().unwrap().to_string(),
        "327005622"
    );
    assert_eq!(
        r.timestamp.as_ref().unwrap().to_string(),
        "2026-01-19 07:56:02"
    );
    assert_eq!(
        r.addendum_data.as_ref().unwrap().to_string(),
        "your_custom_data_here_will_be_returned_as_is in the addendum_data field"
    );

    let c = r.card_information.as_ref().unwrap();
    assert_eq!(c.card_number.as_ref().unwrap().expose(), "5173350006475601");
    assert_eq!(
        c.card_number_masked.as_ref().unwrap().to_string(),
        "5173********5601"
    );
    assert_eq!(c.card_expiry_date.as_ref().unwrap().to_string(), "12/19");
    assert_eq!(c.card_expiry_month.as_ref().unwrap().to_string(), "12");
    assert_eq!(c.card_expiry_year.as_ref().unwrap().to_string(), "19");
    assert_eq!(c.card_brand.as_ref().unwrap().to_string(), "MASTERCARD");
    assert_eq!(c.card_category.as_ref().unwrap().to_string(), "PREPAID");
    assert_eq!(c.card_holder_name.as_ref().unwrap().to_string(), "JOHN DOE");
    assert_eq!(
        c.card_bank_name.as_ref().unwrap().to_string(),
        "KCB BANK KENYA LIMITED"
    );
    assert_eq!(
        c.card_confidence_score.as_ref().unwrap().as_f64(),
        Some(0.77)
    );
    let checks = c.card_validation_checks.as_ref().unwrap();
    assert_eq!(
        checks.luhn_algorithm.as_ref().unwrap().as_bool(),
        Some(true)
    );
    assert_eq!(checks.brand_prefix.as_ref().unwrap().as_bool(), Some(false));
    assert_eq!(checks.expiry_date.as_ref().unwrap().as_bool(), Some(false));
    assert!(c
        .card_token
        .as_ref()
        .unwrap()
        .to_string()
        .starts_with("e39765d989fe"));

    let e = r.card_exif_information.as_ref().unwrap();
    assert_eq!(e.card_exif_flag.as_ref().unwrap().as_bool(), Some(true));
    assert_eq!(
        e.card_exif_is_instant_photo_flag
            .as_ref()
            .unwrap()
            .as_bool(),
        Some(true)
    );
    assert!(e.card_exif_original_timestamp.as_ref().unwrap().is_blank());
    assert_eq!(
        e.card_exif_file_datetime.as_ref().unwrap().to_string(),
        "2026-01-19 07:56:02"
    );
    assert!(e
        .card_exif_file_datetime_digitized
        .as_ref()
        .unwrap()
        .is_blank());
    assert!(e.card_exif_device_model.as_ref().unwrap().is_blank());
    assert!(e.card_exif_device_make.as_ref().unwrap().is_blank());

    let k = r.card_risk_information.as_ref().unwrap();
    assert_eq!(
        k.card_possible_screenshot_flag.as_ref().unwrap().as_bool(),
        Some(true)
    );
    assert_eq!(
        k.card_possible_edited_flag.as_ref().unwrap().as_bool(),
        Some(false)
    );
    assert_eq!(
        k.card_reencode_suspected_flag.as_ref().unwrap().as_bool(),
        Some(false)
    );
    assert_eq!(
        k.card_deepfake_risk_flag.as_ref().unwrap().as_bool(),
        Some(false)
    );
    assert_eq!(k.card_risk_score.as_ref().unwrap().as_f64(), Some(0.09));

    let b = r.card_biin_information.as_ref().unwrap();
    assert_eq!(b.card_biin_flag.as_ref().unwrap().as_bool(), Some(true));
    assert_eq!(b.card_biin_number.as_ref().unwrap().to_string(), "51733500");
    assert_eq!(
        b.card_biin_scheme.as_ref().unwrap().to_string(),
        "MASTERCARD"
    );
    assert!(b.card_biin_prefix.as_ref().unwrap().is_blank());
    assert_eq!(b.card_biin_type.as_ref().unwrap().to_string(), "PREPAID");
    assert_eq!(
        b.card_biin_brand.as_ref().unwrap().to_string(),
        "Mastercard Prepaid General Spend"
    );
    assert_eq!(b.card_biin_prepaid.as_ref().unwrap().to_string(), "Yes");
    assert_eq!(
        b.card_biin_bank_name.as_ref().unwrap().to_string(),
        "KCB BANK KENYA LIMITED"
    );
    for blank in [
        &b.card_biin_bank_url,
        &b.card_biin_bank_city,
        &b.card_biin_bank_phone,
        &b.card_biin_bank_logo,
    ] {
        assert!(blank.as_ref().unwrap().is_blank());
    }
    // `null` is kept as null, not dropped.
    assert_eq!(
        b.card_biin_country_two_letter_code.as_ref().unwrap().raw(),
        &Value::Null
    );
    assert_eq!(
        b.card_biin_country_name.as_ref().unwrap().to_string(),
        "KENYA"
    );
    assert_eq!(
        b.card_biin_country_numeric.as_ref().unwrap().to_string(),
        "404"
    );
    assert_eq!(
        b.card_biin_risk_flag.as_ref().unwrap().as_bool(),
        Some(false)
    );
    assert!(r.extra.is_empty());
}

#[test]
fn spec_examples_round_trip_losslessly() {
    for text in [SUCCESS, ERROR, VARIANT] {
        let r = ScanResponse::parse(text.as_bytes()).unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        let again = serde_json::to_value(&r).unwrap();
        assert_eq!(again, original);
    }
}

#[test]
fn spec_error_example() {
    let r = ScanResponse::parse(ERROR.as_bytes()).unwrap();
    assert_eq!(r.status, Status::Failed);
    assert_eq!(r.status_code, StatusCode::BadRequest);
    assert_eq!(
        r.status_message.as_ref().unwrap().to_string(),
        "BAD REQUEST"
    );
    assert!(r.card_information.is_none());
    assert_eq!(r.action(), Action::FixRequest);
}

#[test]
fn every_status_code_of_the_spec_table() {
    let table = [
        ("200", "SUCCESS", "SUCCESS", Action::Process),
        ("400", "FAILED", "BAD REQUEST", Action::FixRequest),
        (
            "429",
            "FAILED",
            "TOO MANY REQUESTS",
            Action::RetryWithBackoff,
        ),
        ("250", "FAILED", "INSUFFICIENT TOKENS", Action::TopUp),
        ("500", "FAILED", "UNAVAILABLE", Action::RetryWithBackoff),
        ("430", "FAILED", "TIMEOUT", Action::RefreshTokenAndRetry),
    ];
    for (code, status, message, action) in table {
        for quoted in [true, false] {
            let code_json = if quoted {
                format!("\"{code}\"")
            } else {
                code.to_owned()
            };
            let body = format!(
                r#"{{"status":"{status}","status_code":{code_json},"status_message":"{message}"}}"#
            );
            let r = ScanResponse::parse(body.as_bytes()).unwrap();
            assert!(r.status_code.code().is_documented(), "{code}");
            assert_eq!(r.status_code.code().as_str(), code);
            assert_eq!(r.action(), action, "{code}");
        }
    }
    assert_eq!(StatusCode::DOCUMENTED.len(), table.len());
    assert!(Action::RetryWithBackoff.is_retryable());
    assert!(Action::RefreshTokenAndRetry.is_retryable());
    assert!(!Action::TopUp.is_retryable() && !Action::FixRequest.is_retryable());
    // Undocumented codes and contradictions give up.
    assert_eq!(
        action_for(&Status::Failed, &StatusCode::from_wire("418")),
        Action::GiveUp
    );
    assert_eq!(
        action_for(&Status::Failed, &StatusCode::Success),
        Action::GiveUp
    );
    assert_eq!(
        action_for(&Status::Success, &StatusCode::Timeout),
        Action::GiveUp
    );
    let r = ScanResponse::parse(br#"{"status":"PENDING","status_code":"202"}"#).unwrap();
    assert_eq!(r.status, Status::Unknown("PENDING".into()));
    assert_eq!(r.action(), Action::GiveUp);
}

#[test]
fn lenient_numbers_flags_and_unknown_fields() {
    let r = ScanResponse::parse(VARIANT.as_bytes()).unwrap();
    assert_eq!(r.status_code, StatusCode::Success);
    assert_eq!(
        r.card_scan_request_id.as_ref().unwrap().to_string(),
        "18678121768809363"
    );
    assert_eq!(
        r.extra.get("card_scan_duration_ms"),
        Some(&Value::from(812))
    );
    let c = r.card_information.as_ref().unwrap();
    assert_eq!(
        c.card_confidence_score.as_ref().unwrap().as_f64(),
        Some(0.91)
    );
    let checks = c.card_validation_checks.as_ref().unwrap();
    assert_eq!(
        checks.luhn_algorithm.as_ref().unwrap().as_bool(),
        Some(true)
    );
    assert_eq!(checks.brand_prefix.as_ref().unwrap().as_bool(), Some(true));
    assert_eq!(checks.expiry_date.as_ref().unwrap().as_bool(), Some(true));
    let e = r.card_exif_information.as_ref().unwrap();
    assert_eq!(e.card_exif_flag.as_ref().unwrap().as_bool(), Some(false));
    assert_eq!(e.extra.get("card_exif_tamper_flag"), Some(&Value::from(1)));
    assert_eq!(
        r.card_risk_information
            .as_ref()
            .unwrap()
            .card_risk_score
            .as_ref()
            .unwrap()
            .as_f64(),
        Some(0.0125)
    );
}

#[test]
fn card_number_never_in_debug_or_errors() {
    let r = ScanResponse::parse(SUCCESS.as_bytes()).unwrap();
    let debug = format!("{r:?}");
    assert!(!debug.contains("5173350006475601"), "{debug}");
    // `Debug` is the redacted form: the number masked as MobiCard masks it.
    assert!(debug.contains("5173********5601"), "{debug}");
    assert!(!debug.contains("JOHN DOE") && !debug.contains("e39765d989fe"));
    let red = r.redacted();
    let json = serde_json::to_string(&red).unwrap();
    assert!(!json.contains("5173350006475601"));
    assert!(json.contains(r#""card_number":"5173********5601""#));
    assert!(json.contains(r#""card_holder_name":"J***""#));
    assert!(!json.contains("e39765d989fe"));
    // A type error on the card number must not quote it.
    let bad = br#"{"status":"SUCCESS","status_code":"200","card_information":"5173350006475601"}"#;
    let err = ScanResponse::parse(bad).unwrap_err();
    assert!(!err.to_string().contains("5173350006475601"), "{err}");
    assert!(ScanResponse::parse(b"{").is_err());
    assert!(ScanResponse::parse(br#"{"status_code":"200"}"#).is_err());
}

#[test]
fn cross_check_of_the_spec_example() {
    let r = ScanResponse::parse(SUCCESS.as_bytes()).unwrap();
    let today = YearMonth {
        year: 2026,
        month: 1,
    };
    let x = cross_check(r.card_information.as_ref().unwrap(), today);
    assert_eq!(x.luhn, Some(scankit::card::luhn_valid("5173350006475601")));
    assert_eq!(x.brand, Some(Brand::Mastercard));
    assert_eq!(x.claimed_brand, Some(Brand::Mastercard));
    // 12/19 is long past: the provider and scankit agree it fails.
    assert_eq!(x.expiry, Some(false));
    // The provider says the brand prefix check failed; 51 is Mastercard's.
    assert!(x.disagreements.contains(&Disagreement {
        check: Check::BrandPrefix,
        reported: Some(false),
        computed: true,
    }));
    assert!(!x.disagreements.iter().any(|d| d.check == Check::Expiry));
    assert!(!x
        .disagreements
        .iter()
        .any(|d| d.check == Check::MaskedNumber));
    let luhn_disagrees = x.disagreements.iter().any(|d| d.check == Check::Luhn);
    assert_eq!(luhn_disagrees, x.luhn != Some(true));
}

#[test]
fn cross_check_agrees_on_the_variant_and_catches_a_bad_mask() {
    let r = ScanResponse::parse(VARIANT.as_bytes()).unwrap();
    let today = YearMonth {
        year: 2026,
        month: 2,
    };
    let x = cross_check(r.card_information.as_ref().unwrap(), today);
    assert_eq!(x.claimed_brand, Some(Brand::AmericanExpress));
    assert_eq!(x.disagreements, vec![]);
    let tampered = VARIANT.replace("3782*******0005", "4111*******0005");
    let r = ScanResponse::parse(tampered.as_bytes()).unwrap();
    let x = cross_check(r.card_information.as_ref().unwrap(), today);
    assert_eq!(x.disagreements.len(), 1);
    assert_eq!(x.disagreements[0].check, Check::MaskedNumber);
    assert_eq!(
        scankit::mobicard::brand_from_name("China UnionPay"),
        Some(Brand::Unionpay)
    );
    assert_eq!(
        scankit::mobicard::brand_from_name("Diners Club"),
        Some(Brand::DinersClub)
    );
    assert_eq!(
        scankit::mobicard::brand_from_name("RuPay"),
        Some(Brand::Rupay)
    );
    assert_eq!(scankit::mobicard::brand_from_name("Acme"), None);
}
