//! Response classification and the polling schedule, sans I/O.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

use scankit::retrieval::*;
use std::time::Duration;

fn raw(status: u16, body: &[u8]) -> RawResponse<'_> {
    RawResponse {
        status,
        content_type: Some("application/json"),
        retry_after: None,
        body,
    }
}

fn err(endpoint: Endpoint, status: u16, since: Option<Duration>) -> RetrievalError {
    classify(&endpoint, &raw(status, b""), since).unwrap_err()
}

const SECS: fn(u64) -> Duration = Duration::from_secs;

#[test]
fn ok_is_decoded() {
    let body =
        br#"{"timestamp":"2019-01-01T16:23:55.039Z","scanReference":"x","status":"PENDING"}"#;
    let s: ScanStatusResponse = decode(&Endpoint::ScanStatus, &raw(200, body), None).unwrap();
    assert_eq!(s.status, Some(ScanStatus::Pending));
}

#[test]
fn bad_bodies_are_typed_without_their_content() {
    let e = decode::<ScanStatusResponse>(&Endpoint::ScanStatus, &raw(200, b"{\"status\":"), None)
        .unwrap_err();
    assert!(matches!(
        e.kind,
        ErrorKind::InvalidBody {
            problem: scankit::JsonProblem::Syntax,
            ..
        }
    ));
    let e = decode::<CreditCardData>(
        &Endpoint::CreditCard(MaskHint::Unmasked),
        &raw(200, br#"{"cardExpiryMonth": "4111111111111111x"}"#),
        None,
    )
    .unwrap_err();
    assert!(matches!(
        e.kind,
        ErrorKind::InvalidBody {
            problem: scankit::JsonProblem::Shape,
            ..
        }
    ));
    assert!(!e.to_string().contains("4111"), "{e}");
    assert_eq!(
        (e.status, e.retry, e.code()),
        (Some(200), RetryHint::Never, "invalid_body")
    );
}

#[test]
fn forbidden_causes() {
    let e = err(Endpoint::CreditCard(MaskHint::Unmasked), 403, None);
    assert_eq!(
        e.kind,
        ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled)
    );
    let e = err(Endpoint::DvPage(1, MaskHint::Unmasked), 403, None);
    assert_eq!(
        e.kind,
        ErrorKind::Forbidden(ForbiddenCause::UnmaskedNotEnabled)
    );
    let e = err(Endpoint::ScanDetails, 403, None);
    assert_eq!(
        e.kind,
        ErrorKind::Forbidden(ForbiddenCause::CredentialsOrHeaders)
    );
    assert_eq!((e.status, e.retry), (Some(403), RetryHint::Never));
    assert!(!e.is_retryable());
    assert_eq!(
        err(Endpoint::ScanDetails, 401, None).kind,
        ErrorKind::Unauthorized
    );
}

#[test]
fn not_found_versus_not_ready() {
    // Credit card data can take up to 5 minutes.
    let card = Endpoint::CreditCard(MaskHint::Masked);
    let e = err(card.clone(), 404, Some(SECS(10)));
    assert_eq!(
        (e.kind.clone(), e.retry),
        (ErrorKind::NotReady, RetryHint::After(SECS(30)))
    );
    let e = err(card.clone(), 404, Some(SECS(290)));
    assert_eq!(
        e.retry,
        RetryHint::After(SECS(10)),
        "only what is left of the 5 minutes"
    );
    assert_eq!(err(card.clone(), 404, None).kind, ErrorKind::NotReady);
    let e = err(card, 404, Some(SECS(300)));
    assert_eq!((e.kind, e.retry), (ErrorKind::NotFound, RetryHint::Never));
    assert_eq!(
        err(Endpoint::CreditCardFront(MaskHint::Masked), 404, None).kind,
        ErrorKind::NotReady
    );
    // Elsewhere a 404 means not available or deleted.
    let e = err(Endpoint::ScanStatus, 404, None);
    assert_eq!(
        (e.code(), e.status, e.kind),
        ("not_found", Some(404), ErrorKind::NotFound)
    );
}

#[test]
fn rate_limits_and_server_errors_are_retryable() {
    let e = err(Endpoint::ScanStatus, 429, None);
    assert_eq!(
        (e.kind.clone(), e.retry),
        (ErrorKind::RateLimited, RetryHint::After(SECS(60)))
    );
    let mut r = raw(429, b"");
    r.retry_after = Some("7");
    let e = classify(&Endpoint::ScanStatus, &r, None).unwrap_err();
    assert_eq!(e.retry, RetryHint::After(SECS(7)));
    for status in [500, 502, 503, 504] {
        let e = err(Endpoint::DvDetails, status, None);
        assert_eq!(
            (e.kind.clone(), e.status),
            (ErrorKind::Server, Some(status))
        );
        assert!(e.is_retryable());
    }
    let e = err(Endpoint::ScanStatus, 418, None);
    assert_eq!(
        (e.kind, e.retry),
        (ErrorKind::UnexpectedStatus, RetryHint::Never)
    );
    let e = RetrievalError::transport("connection refused");
    assert_eq!((e.status, e.is_retryable()), (None, true));
    assert_eq!(
        err(Endpoint::ScanStatus, 503, None).to_string(),
        "provider error (HTTP 503); retry after 30 s"
    );
}

#[test]
fn images_keep_their_content_type() {
    let r = RawResponse {
        status: 200,
        content_type: Some("image/png"),
        retry_after: None,
        body: b"\x89PNG",
    };
    let img = image(&Endpoint::ScanImage(ImageClassifier::Face), &r, None).unwrap();
    assert_eq!(
        (img.content_type.as_str(), img.bytes.len()),
        ("image/png", 4)
    );
    assert_eq!(format!("{img:?}"), "Image(image/png, 4 bytes)");
}

#[test]
fn schedule_is_the_spec_then_daily() {
    let offsets: Vec<u64> = PollSchedule::recommended()
        .take(13)
        .map(|d| d.as_secs())
        .collect();
    assert_eq!(
        offsets,
        [
            40,
            60,
            100,
            160,
            240,
            340,
            460,
            600,
            760,
            940,
            940 + 86_400,
            940 + 172_800,
            940 + 259_200
        ]
    );
}

/// Runs a poller against a status sequence with a simulated clock.
fn run(mut poller: Poller, statuses: &[ScanStatus]) -> (Vec<u64>, PollAction) {
    let mut now = Duration::ZERO;
    let mut polled_at = Vec::new();
    let mut next_status = statuses.iter().cycle();
    loop {
        match poller.action(now) {
            PollAction::Wait(d) => now += d,
            PollAction::Poll => {
                polled_at.push(now.as_secs());
                let status = next_status.next().unwrap();
                poller.observe(status, now);
            }
            stop => return (polled_at, stop),
        }
    }
}

#[test]
fn pending_forever_follows_the_whole_schedule_then_gives_up() {
    let (at, stop) = run(
        Poller::new(Duration::ZERO).with_daily(2),
        &[ScanStatus::Pending],
    );
    assert_eq!(
        at,
        [40, 60, 100, 160, 240, 340, 460, 600, 760, 940, 87_340, 173_740]
    );
    assert_eq!(stop, PollAction::GaveUp { attempts: 12 });
}

#[test]
fn done_or_failed_stops_polling() {
    let seq = [ScanStatus::Pending, ScanStatus::Pending, ScanStatus::Done];
    let (at, stop) = run(Poller::new(SECS(1_000)), &seq);
    assert_eq!(at, [1_040, 1_060, 1_100]);
    assert_eq!(stop, PollAction::Final(ScanStatus::Done));
    let (at, stop) = run(Poller::new(Duration::ZERO), &[ScanStatus::Failed]);
    assert_eq!((at.len(), stop), (1, PollAction::Final(ScanStatus::Failed)));
}

#[test]
fn errors_during_polling() {
    let mut p = Poller::new(Duration::ZERO);
    assert_eq!(p.action(SECS(0)), PollAction::Wait(SECS(40)));
    // A 429 asking for 120 s pushes the next poll past its slot (60 s).
    let limited = err(Endpoint::ScanStatus, 429, None);
    let limited = RetrievalError {
        retry: RetryHint::After(SECS(120)),
        ..limited
    };
    assert_eq!(
        p.observe_error(limited, SECS(40)),
        PollAction::Wait(SECS(120))
    );
    // A late poll is not followed by a burst: passed slots are skipped.
    assert_eq!(
        p.observe(&ScanStatus::Pending, SECS(500)),
        PollAction::Wait(SECS(100))
    );
    assert_eq!(p.attempts(), 2);
    // A 404 on the status is final.
    let gone = err(Endpoint::ScanStatus, 404, None);
    assert!(
        matches!(p.observe_error(gone, SECS(501)), PollAction::Failed(e) if e.kind == ErrorKind::NotFound)
    );
    assert_eq!(p.next_at(), None);
}

#[test]
fn starting_late_skips_the_passed_slots() {
    let (at, stop) = run(Poller::new(Duration::ZERO), &[ScanStatus::Pending]);
    assert_eq!((at.len(), stop), (10, PollAction::GaveUp { attempts: 10 }));
    let mut p = Poller::new(Duration::ZERO);
    assert_eq!(p.action(SECS(500)), PollAction::Poll);
    assert_eq!(
        p.observe(&ScanStatus::Pending, SECS(500)),
        PollAction::Wait(SECS(100))
    );
    p.observe(&ScanStatus::Pending, SECS(600));
    p.observe(&ScanStatus::Pending, SECS(760));
    assert_eq!(
        p.observe(&ScanStatus::Pending, SECS(940)),
        PollAction::GaveUp { attempts: 4 }
    );
}
