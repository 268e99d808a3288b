//! The Rust client against the sandbox over loopback: every endpoint
//! answers typed data, and every error class the sandbox produces is
//! classified as the specs say.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

mod common;

use common::*;
use scankit::client::WaitOptions;
use scankit::retrieval::*;
use scankit_sandbox::Config;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

#[test]
fn every_endpoint_answers_typed_data() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    let c = client(&base);
    for (reference, kind) in [
        ("id-1", "id_verification"),
        ("auth-1", "authentication"),
        ("dv-1", "document"),
        ("cc-1", "credit_card"),
    ] {
        add(&base, json!({"reference": reference, "kind": kind}));
    }

    let status = c.scan_status("id-1").unwrap();
    assert_eq!(
        (status.status, status.scan_reference.as_deref()),
        (Some(ScanStatus::Done), Some("id-1"))
    );
    assert!(status.timestamp.and_then(|t| t.at()).is_some());
    let details = c.scan_details("id-1").unwrap();
    assert_eq!(
        details
            .document
            .as_ref()
            .and_then(|d| d.document_type.clone()),
        Some(scankit::codes::IdType::DrivingLicense)
    );
    let facemap = details.facemap.and_then(|f| f.href).expect("facemap href");
    assert_eq!(c.download(&facemap).unwrap().content_type, "image/png");
    assert_eq!(
        c.scan_document("id-1").unwrap().number.as_deref(),
        Some("123456789")
    );
    assert_eq!(
        c.scan_transaction("id-1").unwrap().status,
        Some(ScanStatus::Done)
    );
    assert_eq!(
        c.scan_verification("id-1").unwrap().mrz_check,
        Some(MrzCheck::NotAvailable)
    );
    let images = c.scan_images("id-1").unwrap();
    assert_eq!(images.images.len(), 3);
    let front = images
        .by_classifier(&ImageClassifier::Front)
        .and_then(|i| i.href.clone())
        .unwrap();
    assert!(c.download(&front).unwrap().bytes.starts_with(b"\x89PNG"));
    assert_eq!(
        c.scan_image("id-1", ImageClassifier::Back)
            .unwrap()
            .content_type,
        "image/png"
    );
    assert!(c.scan_liveness_image("id-1", 1).is_ok());

    let auth = c.authentication("auth-1").unwrap();
    assert_eq!(auth.transaction_result, Some(AuthenticationResult::Passed));
    assert!(c
        .authentication_image("auth-1", ImageClassifier::Face)
        .is_ok());
    assert!(c.authentication_liveness_image("auth-1", 2).is_ok());

    assert_eq!(
        c.dv_status("dv-1").unwrap().status,
        Some(scankit::codes::DvTransactionStatus::Done)
    );
    let dv = c.dv_details("dv-1").unwrap();
    let nested = dv
        .document
        .and_then(|d| d.extracted_data)
        .and_then(|e| e.extracted_data)
        .unwrap();
    assert_eq!(nested.account_number.as_deref(), Some("123456789"));
    assert_eq!(
        c.dv_document("dv-1").unwrap().country.as_deref(),
        Some("USA")
    );
    assert_eq!(
        c.dv_transaction("dv-1")
            .unwrap()
            .transaction
            .customer_id
            .as_deref(),
        Some("CUSTOMERID")
    );
    let pages = c.dv_pages("dv-1").unwrap();
    assert_eq!(
        pages
            .images
            .iter()
            .filter_map(|p| p.classifier)
            .collect::<Vec<_>>(),
        [1, 2]
    );
    assert!(c.dv_page("dv-1", 1, MaskHint::Masked).is_ok());

    let card = c.credit_card("cc-1", MaskHint::Masked, None).unwrap();
    assert!(card.is_masked());
    assert_eq!(card.card_number.as_deref(), Some("411111xxxxxx1111"));
    assert_eq!(card.jumio_request_reference.as_deref(), Some("cc-1"));
    assert!(c.credit_card_front("cc-1", MaskHint::Masked, None).is_ok());
}

#[test]
fn unmasked_needs_the_flag() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(&base, json!({"reference": "cc", "kind": "credit_card"}));
    let e = client(&base)
        .credit_card("cc", MaskHint::Unmasked, None)
        .unwrap_err();
    assert_eq!(
        (e.kind, e.status, e.retry),
        (
            ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled),
            Some(403),
            RetryHint::Never
        )
    );
    let e = client(&base)
        .dv_page("cc", 1, MaskHint::Unmasked)
        .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled)
    );

    let sb = sandbox(Config {
        allow_unmasked: true,
        ..Config::default()
    });
    let base = sb.base_url();
    add(&base, json!({"reference": "cc", "kind": "credit_card"}));
    let card = client(&base)
        .credit_card("cc", MaskHint::Unmasked, None)
        .unwrap();
    assert!(!card.is_masked());
    assert_eq!(card.card_number.as_deref(), Some("4111111111111111"));
}

#[test]
fn credentials_and_headers() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(&base, json!({"reference": "x", "kind": "id_verification"}));
    let e = client_with(&base, "sandbox-token", "wrong")
        .scan_status("x")
        .unwrap_err();
    assert_eq!((e.kind, e.status), (ErrorKind::Unauthorized, Some(401)));

    // Our client cannot send a request without User-Agent or auth; a raw one can.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .user_agent("")
        .build()
        .into();
    let url = format!("{base}/api/netverify/v2/scans/x");
    let auth = Credentials::new("sandbox-token", "sandbox-secret")
        .unwrap()
        .authorization();
    for (ua, with_auth) in [(None, true), (Some("Scankit Tests/1.0"), false)] {
        let mut call = agent.get(&url);
        if let Some(ua) = ua {
            call = call.header("User-Agent", ua);
        }
        if with_auth {
            call = call.header("Authorization", auth.expose());
        }
        let status = call.call().unwrap().status().as_u16();
        let raw = RawResponse {
            status,
            content_type: None,
            retry_after: None,
            body: b"",
        };
        let e = classify(&Endpoint::ScanStatus, &raw, None).unwrap_err();
        assert_eq!(
            (e.kind, e.status),
            (
                ErrorKind::Forbidden(ForbiddenCause::CredentialsOrHeaders),
                Some(403)
            ),
            "{ua:?} {with_auth}"
        );
    }
}

#[test]
fn not_ready_then_ready_and_not_found() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    let c = client(&base);
    add(
        &base,
        json!({"reference": "late", "kind": "credit_card", "readyAfterMs": 400}),
    );
    add(
        &base,
        json!({"reference": "slow", "kind": "id_verification", "readyAfterMs": 400}),
    );
    let e = c
        .credit_card("late", MaskHint::Masked, Some(Duration::from_secs(1)))
        .unwrap_err();
    assert_eq!(
        (e.kind.clone(), e.status, e.retry),
        (
            ErrorKind::NotReady,
            Some(404),
            RetryHint::After(Duration::from_secs(30))
        )
    );
    assert_eq!(
        c.scan_status("slow").unwrap().status,
        Some(ScanStatus::Pending)
    );
    assert_eq!(
        c.scan_details("slow").unwrap_err().kind,
        ErrorKind::NotFound
    );
    std::thread::sleep(Duration::from_millis(450));
    assert!(c
        .credit_card("late", MaskHint::Masked, Some(Duration::from_secs(2)))
        .is_ok());
    assert_eq!(
        c.scan_status("slow").unwrap().status,
        Some(ScanStatus::Done)
    );

    add(
        &base,
        json!({"reference": "auth", "kind": "authentication", "readyAfterMs": 400}),
    );
    let started = c.authentication("auth").unwrap();
    assert_eq!(
        started.transaction_result,
        Some(AuthenticationResult::Started)
    );
    assert!(started.transaction_result.is_some_and(|r| r.is_pending()));

    let e = c.scan_status("unknown").unwrap_err();
    assert_eq!(
        (e.code(), e.status, e.kind),
        ("not_found", Some(404), ErrorKind::NotFound)
    );
    let e = c
        .credit_card("unknown", MaskHint::Masked, Some(Duration::from_secs(600)))
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound, "past 5 minutes a 404 is final");
}

#[test]
fn delete_then_gone() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    let c = client(&base);
    for (r, k) in [
        ("a", "id_verification"),
        ("b", "authentication"),
        ("c", "document"),
    ] {
        add(&base, json!({"reference": r, "kind": k}));
    }
    assert_eq!(c.delete_scan("a").unwrap(), 200);
    assert_eq!(c.delete_authentication("b").unwrap(), 200);
    assert_eq!(c.delete_document("c").unwrap(), 200);
    assert_eq!(c.scan_status("a").unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(c.authentication("b").unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(c.dv_status("c").unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(c.delete_scan("a").unwrap_err().status, Some(404));
}

#[test]
fn rate_limit_and_server_errors_are_retryable() {
    let sb = sandbox(Config {
        rate_limit: 5,
        ..Config::default()
    });
    let base = sb.base_url();
    let c = client(&base);
    add(
        &base,
        json!({"reference": "r", "kind": "id_verification", "failNext": [500, 503]}),
    );
    let first = c.scan_status("r").unwrap_err();
    assert_eq!(
        (first.kind.clone(), first.status),
        (ErrorKind::Server, Some(500))
    );
    assert_eq!(first.retry, RetryHint::After(Duration::from_secs(30)));
    assert_eq!(c.scan_status("r").unwrap_err().status, Some(503));
    let limited = (0..20)
        .filter_map(|_| c.scan_status("r").err())
        .next()
        .expect("a 429 within 20 requests");
    assert_eq!(
        (limited.kind.clone(), limited.status),
        (ErrorKind::RateLimited, Some(429))
    );
    assert_eq!(
        limited.retry,
        RetryHint::After(Duration::from_secs(1)),
        "Retry-After is honoured"
    );
    assert!(limited.is_retryable());
}

#[test]
fn wait_for_scan_sees_pending_then_done_through_errors() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(
        &base,
        json!({"reference": "p", "kind": "id_verification", "readyAfterMs": 250, "failNext": [503]}),
    );
    // Each fake sleep also waits 100 ms of real time, so the scan gets ready mid-schedule.
    let clock = Arc::new(FakeClock::new(Duration::from_millis(100)));
    let c = client(&base).with_clock(clock.clone(), clock.clone());
    let done = c.wait_for_scan("p", WaitOptions::default()).unwrap();
    assert_eq!(done.status, Some(ScanStatus::Done));
    let polls = clock.sleeps.lock().unwrap().len();
    assert!(
        (3..10).contains(&polls),
        "a 503, PENDING, then DONE: {polls} waits"
    );
}

#[test]
fn wait_for_scan_runs_the_whole_schedule_on_an_injected_clock() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(
        &base,
        json!({"reference": "never", "kind": "id_verification", "readyAfterMs": 3_600_000}),
    );
    let clock = Arc::new(FakeClock::new(Duration::ZERO));
    let c = client(&base).with_clock(clock.clone(), clock.clone());
    let started = std::time::Instant::now();
    let options = WaitOptions {
        daily_attempts: 2,
        ..WaitOptions::default()
    };
    let e = c.wait_for_scan("never", options).unwrap_err();
    assert_eq!(e.kind, ErrorKind::StillPending { attempts: 12 });
    assert_eq!(e.code(), "still_pending");
    let mut at = Duration::ZERO;
    let polled: Vec<u64> = clock
        .sleeps
        .lock()
        .unwrap()
        .iter()
        .map(|d| {
            at += *d;
            at.as_secs()
        })
        .collect();
    assert_eq!(
        polled,
        [40, 60, 100, 160, 240, 340, 460, 600, 760, 940, 87_340, 173_740]
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "simulated, not waited: {:?}",
        started.elapsed()
    );

    let e = c
        .wait_for_scan("missing", WaitOptions::default())
        .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::NotFound,
        "a 404 on the status stops polling"
    );
}

#[test]
fn cors_preflight_and_headers() {
    let sb = sandbox(Config::default());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}/api/netverify/v2/scans/x", sb.base_url());
    let pre = agent
        .options(&url)
        .header("Origin", "http://localhost:3000")
        .call()
        .unwrap();
    assert_eq!(pre.status().as_u16(), 204);
    let h = pre.headers();
    assert_eq!(h.get("access-control-allow-origin").unwrap(), "*");
    assert!(h
        .get("access-control-allow-headers")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("Authorization"));
    let refused = agent.get(&url).call().unwrap();
    assert_eq!(refused.status().as_u16(), 403);
    assert_eq!(
        refused
            .headers()
            .get("access-control-allow-origin")
            .unwrap(),
        "*"
    );
}

#[test]
fn wait_for_credit_card_retries_404_for_five_minutes_only() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(
        &base,
        json!({"reference": "soon", "kind": "credit_card", "readyAfterMs": 250}),
    );
    add(
        &base,
        json!({"reference": "never", "kind": "credit_card", "readyAfterMs": 3_600_000}),
    );
    let clock = Arc::new(FakeClock::new(Duration::from_millis(100)));
    let c = client(&base).with_clock(clock.clone(), clock.clone());
    let card = c
        .wait_for_credit_card("soon", MaskHint::Masked, Duration::ZERO)
        .unwrap();
    assert!(card.is_masked());
    assert!(clock
        .sleeps
        .lock()
        .unwrap()
        .iter()
        .all(|d| *d == Duration::from_secs(30)));

    let clock = Arc::new(FakeClock::new(Duration::ZERO));
    let c = client(&base).with_clock(clock.clone(), clock.clone());
    let e = c
        .wait_for_credit_card("never", MaskHint::Masked, Duration::from_secs(60))
        .unwrap_err();
    assert_eq!((e.kind, e.status), (ErrorKind::NotFound, Some(404)));
    let waited: Duration = clock.sleeps.lock().unwrap().iter().sum();
    assert_eq!(
        waited,
        Duration::from_secs(240),
        "the rest of the 5 minutes, no more"
    );
}

#[test]
fn wait_for_scan_starts_late_in_the_schedule() {
    let sb = sandbox(Config::default());
    let base = sb.base_url();
    add(
        &base,
        json!({"reference": "late", "kind": "id_verification", "readyAfterMs": 3_600_000}),
    );
    let clock = Arc::new(FakeClock::new(Duration::ZERO));
    let c = client(&base).with_clock(clock.clone(), clock.clone());
    let options = WaitOptions {
        since_acquisition: Duration::from_secs(500),
        ..WaitOptions::default()
    };
    let e = c.wait_for_scan("late", options).unwrap_err();
    // One poll at once, the slots already passed skipped, then the rest on time.
    assert_eq!(e.kind, ErrorKind::StillPending { attempts: 4 });
    let waited: Vec<u64> = clock
        .sleeps
        .lock()
        .unwrap()
        .iter()
        .map(|d| d.as_secs())
        .collect();
    assert_eq!(waited, [100, 160, 180]);
}
