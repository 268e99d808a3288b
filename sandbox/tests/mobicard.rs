//! The MobiCard endpoint of the sandbox: the HS256 token is verified, and
//! success or each documented error code is answered on request; scankit's
//! MobiCard types read every answer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

mod common;

use scankit::mobicard::{Action, Mode, ScanRequest, ScanResponse, Secret, SCAN_PATH};
use scankit_sandbox::Config;

fn request(token_id: &str, secret: &str) -> ScanRequest {
    ScanRequest::method1(
        Mode::Test,
        "merchant-1",
        Secret::new("sandbox-mobicard-key"),
        Secret::new(secret),
        token_id,
        "txn-42",
    )
}

fn post(base: &str, body: &str) -> ScanResponse {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent
        .post(format!("{base}{SCAN_PATH}"))
        .header("Content-Type", "application/json")
        .send(body)
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "the outcome is in the body");
    ScanResponse::parse(&r.body_mut().read_to_vec().unwrap()).unwrap()
}

fn code(r: &ScanResponse) -> String {
    r.status_code.raw().as_str().unwrap_or_default().to_owned()
}

#[test]
fn success_then_the_spent_token_times_out() {
    let sb = common::sandbox(Config::default());
    let base = sb.base_url();
    let req = request("token-1", "sandbox-mobicard-secret");
    let ok = post(&base, &req.body().unwrap());
    assert_eq!(ok.action(), Action::Process);
    assert_eq!(
        ok.mobicard_txn_reference.as_ref().map(|t| t.to_string()),
        Some("txn-42".into())
    );
    let card = ok.card_information.as_ref().unwrap();
    assert_eq!(
        card.card_number_masked.as_ref().map(|t| t.to_string()),
        Some("5173********5601".into())
    );
    assert!(ok.addendum_data.is_none());

    let again = post(&base, &req.body().unwrap());
    assert_eq!(
        (code(&again), again.action()),
        ("430".into(), Action::RefreshTokenAndRetry)
    );

    // Method 2 with an image, and extra data echoed back.
    let mut two =
        request("token-2", "sandbox-mobicard-secret").with_image(b"\xff\xd8\xff\xe0 jpeg");
    two.extra_data = Some("order-7".into());
    let ok = post(&base, &two.body().unwrap());
    assert_eq!(ok.action(), Action::Process);
    assert_eq!(
        ok.addendum_data.map(|t| t.to_string()),
        Some("order-7".into())
    );
}

#[test]
fn bad_tokens_are_bad_requests() {
    let sb = common::sandbox(Config::default());
    let base = sb.base_url();
    let wrong_secret = post(&base, &request("t", "not-the-secret").body().unwrap());
    assert_eq!(
        (code(&wrong_secret), wrong_secret.action()),
        ("400".into(), Action::FixRequest)
    );
    let mut wrong_key = request("t", "sandbox-mobicard-secret");
    wrong_key.api_key = Secret::new("other-key");
    assert_eq!(code(&post(&base, &wrong_key.body().unwrap())), "400");
    for body in [
        "",
        "{}",
        r#"{"mobicard_auth_jwt": "a.b.c"}"#,
        r#"{"mobicard_auth_jwt": 1}"#,
    ] {
        assert_eq!(code(&post(&base, body)), "400", "{body:?}");
    }
    // A token whose payload was changed after signing.
    let jwt = request("t", "sandbox-mobicard-secret").auth_jwt().unwrap();
    let mut parts: Vec<&str> = jwt.split('.').collect();
    let forged = scankit::mobicard::sign_hs256(r#"{"mobicard_api_key":"x"}"#, "guess");
    parts[1] = forged.split('.').nth(1).unwrap();
    let body = serde_json::json!({"mobicard_auth_jwt": parts.join(".")}).to_string();
    assert_eq!(code(&post(&base, &body)), "400");
}

#[test]
fn each_documented_error_on_request() {
    let sb = common::sandbox(Config::default());
    let base = sb.base_url();
    let cases = [
        ("250", Action::TopUp),
        ("400", Action::FixRequest),
        ("429", Action::RetryWithBackoff),
        ("430", Action::RefreshTokenAndRetry),
        ("500", Action::RetryWithBackoff),
    ];
    for (i, (status, action)) in cases.into_iter().enumerate() {
        let mut req = request(&format!("e{i}"), "sandbox-mobicard-secret");
        req.extra_data = Some(format!("sandbox_status={status}"));
        let r = post(&base, &req.body().unwrap());
        assert_eq!((code(&r), r.action()), (status.to_owned(), action));
    }

    let limited = common::sandbox(Config {
        rate_limit: 2,
        ..Config::default()
    });
    let answers: Vec<String> = (0..6)
        .map(|i| {
            code(&post(
                &limited.base_url(),
                &request(&format!("r{i}"), "sandbox-mobicard-secret")
                    .body()
                    .unwrap(),
            ))
        })
        .collect();
    assert!(answers.contains(&"429".to_owned()), "{answers:?}");
}
