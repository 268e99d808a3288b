//! MobiCard ScanAPI requests (secrets, the signed token), the backoff
//! schedule, and the image pre-check.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::mobicard::{
    precheck_base64, precheck_image, Backoff, BackoffConfig, ImageFormat, ImageLimits,
    ImageProblem, Mode, RequestError, ScanRequest, Secret, ServiceType,
};
use std::time::Duration;

fn request() -> ScanRequest {
    let mut r = ScanRequest::method1(
        Mode::Test,
        "4",
        Secret::new("test-api-key"),
        Secret::new("test-secret"),
        "123456",
        "REF-1",
    );
    r.extra_data = Some("hello".into());
    r
}

/// Computed independently (Python's hmac and base64 modules) for `request()`.
const EXPECTED_JWT: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJtb2JpY2FyZF92ZXJzaW9uIjoiMi4wIiwibW9iaWNhcmRfbW9kZSI6IlRFU1QiLCJtb2JpY2FyZF9tZXJjaGFudF9pZCI6IjQiLCJtb2JpY2FyZF9hcGlfa2V5IjoidGVzdC1hcGkta2V5IiwibW9iaWNhcmRfc2VydmljZV9pZCI6IjIwMDAwIiwibW9iaWNhcmRfc2VydmljZV90eXBlIjoiMSIsIm1vYmljYXJkX3Rva2VuX2lkIjoiMTIzNDU2IiwibW9iaWNhcmRfdHhuX3JlZmVyZW5jZSI6IlJFRi0xIiwibW9iaWNhcmRfZXh0cmFfZGF0YSI6ImhlbGxvIn0.FkSqOT8pGtikVBdiX3Src2zfxKlr87GldEDRULThG7k";

#[test]
fn auth_token_is_an_hs256_jwt_as_the_samples_build_it() {
    let r = request();
    assert_eq!(r.auth_jwt().unwrap(), EXPECTED_JWT);
    let body: serde_json::Value = serde_json::from_str(&r.body().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "mobicard_auth_jwt": EXPECTED_JWT })
    );
    assert_eq!(scankit::mobicard::SCAN_PATH, "/api/v1/card_scan");
    // Every request parameter but the secret key is in the payload.
    let payload = r.payload();
    let keys: Vec<&str> = payload.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "mobicard_version",
            "mobicard_mode",
            "mobicard_merchant_id",
            "mobicard_api_key",
            "mobicard_service_id",
            "mobicard_service_type",
            "mobicard_token_id",
            "mobicard_txn_reference",
            "mobicard_extra_data"
        ]
    );
    assert!(!serde_json::to_string(&payload)
        .unwrap()
        .contains("test-secret"));
}

#[test]
fn method_2_carries_the_image_in_the_payload() {
    let r = request().with_image(b"\x89PNG....");
    assert_eq!(r.service_type, ServiceType::Base64);
    let p = r.payload();
    assert_eq!(p["mobicard_service_type"], "2");
    assert_eq!(p["mobicard_scan_card_photo_base64_string"], "iVBORy4uLi4=");
    assert!(r.auth_jwt().is_ok());
}

#[test]
fn secrets_stay_out_of_debug_and_missing_parameters_are_named() {
    let r = request();
    let debug = format!("{r:?}");
    assert!(
        !debug.contains("test-secret") && !debug.contains("test-api-key"),
        "{debug}"
    );
    assert!(debug.contains("[redacted]"));
    assert_eq!(format!("{}", Secret::new("x")), "[redacted]");

    let mut bad = request();
    bad.merchant_id.clear();
    assert_eq!(
        bad.auth_jwt(),
        Err(RequestError::Missing("mobicard_merchant_id"))
    );
    let mut bad = request();
    bad.secret_key = Secret::new("");
    assert_eq!(
        bad.validate(),
        Err(RequestError::Missing("mobicard_secret_key"))
    );
    let mut bad = request();
    bad.service_type = ServiceType::Base64;
    assert_eq!(bad.validate(), Err(RequestError::PhotoForMethod));
    assert!(!RequestError::Missing("mobicard_api_key")
        .to_string()
        .contains("test"));
}

#[test]
fn backoff_doubles_up_to_the_cap_then_ends() {
    let cfg = BackoffConfig {
        base: Duration::from_millis(500),
        max: Duration::from_secs(5),
        max_retries: 6,
        jitter: false,
    };
    let delays: Vec<Duration> = Backoff::new(cfg, 0).collect();
    let ms: Vec<u128> = delays.iter().map(Duration::as_millis).collect();
    assert_eq!(ms, [500, 1000, 2000, 4000, 5000, 5000]);
}

#[test]
fn backoff_jitter_stays_under_the_ceiling_and_depends_on_the_seed() {
    let cfg = BackoffConfig::default();
    let a: Vec<Duration> = Backoff::new(cfg, 1).collect();
    let b: Vec<Duration> = Backoff::new(cfg, 1).collect();
    let c: Vec<Duration> = Backoff::new(cfg, 2).collect();
    assert_eq!(a.len(), cfg.max_retries as usize);
    assert_eq!(a, b, "same seed, same schedule");
    assert_ne!(a, c, "another seed, another schedule");
    let ceilings = Backoff::new(cfg, 0);
    for (i, d) in a.iter().enumerate() {
        assert!(*d <= ceilings.ceiling(i as u32), "delay {i}");
    }
    // Huge attempt numbers saturate at the cap.
    assert_eq!(ceilings.ceiling(200), cfg.max);
}

/// A PNG header (signature and IHDR) of the given size.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn image_precheck_reads_format_and_dimensions() {
    let limits = ImageLimits::default();
    let ok = precheck_image(&png(800, 600), &limits);
    assert!(ok.is_ok(), "{ok:?}");
    assert_eq!(
        (ok.format, ok.width, ok.height),
        (Some(ImageFormat::Png), Some(800), Some(600))
    );
    assert!(precheck_image(&png(600, 800), &limits).is_ok(), "portrait");
    let small = precheck_image(&png(640, 480), &limits);
    assert_eq!(
        small.errors,
        vec![ImageProblem::TooSmall {
            width: 640,
            height: 480
        }]
    );
    assert!(!precheck_image(&png(1200, 500), &limits).is_ok());

    // GIF: logical screen size, little-endian.
    let gif = b"GIF89a\x20\x03\x58\x02\0\0\0".to_vec();
    let g = precheck_image(&gif, &limits);
    assert_eq!(
        (g.format, g.width, g.height),
        (Some(ImageFormat::Gif), Some(800), Some(600))
    );

    // JPEG 2000: signature box, ftyp, then jp2h/ihdr with height and width.
    let mut jp2 = b"\0\0\0\x0cjP  \r\n\x87\n\0\0\0\x14ftypjp2 \0\0\0\0jp2 ".to_vec();
    jp2.extend_from_slice(b"\0\0\0\x2djp2h\0\0\0\x16ihdr");
    jp2.extend_from_slice(&1200u32.to_be_bytes());
    jp2.extend_from_slice(&1600u32.to_be_bytes());
    jp2.extend_from_slice(&[0, 3, 7, 7, 0, 0]);
    let j = precheck_image(&jp2, &limits);
    assert_eq!(
        (j.format, j.width, j.height),
        (Some(ImageFormat::Jp2), Some(1600), Some(1200))
    );
    assert!(j.is_ok());

    // PDF: accepted, dimensions unknown as a warning.
    let pdf = precheck_image(b"%PDF-1.7\n...", &limits);
    assert!(pdf.is_ok());
    assert_eq!(pdf.warnings, vec![ImageProblem::DimensionsUnknown]);

    // HEIC by its ftyp brand.
    assert_eq!(
        scankit::mobicard::detect_format(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
        Some(ImageFormat::Heic)
    );
}

#[test]
fn image_precheck_refuses_what_the_spec_does_not_support() {
    let limits = ImageLimits::default();
    assert_eq!(
        precheck_image(b"", &limits).errors,
        vec![ImageProblem::Empty]
    );
    assert_eq!(
        precheck_image(b"<svg/>", &limits).errors,
        vec![ImageProblem::UnsupportedFormat]
    );
    // Truncated PNG: the header cannot be read.
    assert_eq!(
        precheck_image(b"\x89PNG\r\n\x1a\n", &limits).errors,
        vec![ImageProblem::DimensionsUnknown]
    );
    let tight = ImageLimits {
        max_bytes: 10,
        ..limits
    };
    assert!(precheck_image(&png(800, 600), &tight)
        .errors
        .contains(&ImageProblem::TooLarge {
            bytes: 33,
            limit: 10
        }));
    // Base64 (method 2), with or without a data: prefix.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(png(1024, 768));
    assert!(precheck_base64(&b64, &limits).is_ok());
    assert!(precheck_base64(&format!("data:image/png;base64,{b64}"), &limits).is_ok());
    assert_eq!(
        precheck_base64("not base64!", &limits).errors,
        vec![ImageProblem::NotBase64]
    );
}
