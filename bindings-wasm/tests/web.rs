//! wasm-bindgen-test in headless Chromium: the exported functions as a page
//! calls them, over every callback fixture and the card functions, and the
//! RetrievalClient's fetch against the sandbox when `SCANKIT_SANDBOX_URL`
//! was set at build time.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit_wasm as sk;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

fn prop(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[wasm_bindgen_test]
fn runs_in_a_browser() {
    let window = js_sys::global();
    assert!(js_sys::Reflect::has(&window, &JsValue::from_str("document")).unwrap());
}

#[wasm_bindgen_test]
fn body_length_is_checked_before_the_copy() {
    assert!(sk::check_body_length(65536.0, true, None).is_ok());
    let e = sk::check_body_length(1e8, true, None).unwrap_err();
    assert_eq!(
        prop(&e, "scankit").as_string().unwrap(),
        "CallbackParseError"
    );
    assert_eq!(prop(&e, "code").as_string().unwrap(), "body_too_large");
    assert!(prop(&e, "field").is_undefined());
    assert_eq!(
        prop(&e, "message").as_string().unwrap(),
        "body: 100000000 bytes is over the limit of 65536 bytes"
    );
    let e = sk::check_body_length(11.0, false, Some(10)).unwrap_err();
    assert_eq!(
        prop(&e, "message").as_string().unwrap(),
        "body: over the limit of 10 bytes"
    );
}

#[wasm_bindgen_test]
fn every_callback_fixture() {
    assert!(fixtures::CALLBACKS.len() >= 25);
    for (name, kind, body, golden, redacted, expect) in fixtures::CALLBACKS {
        let expect = json(expect);
        let parse = |redact: bool| match *kind {
            "netverify" => sk::parse_netverify_callback(body, None, None, redact),
            _ => sk::parse_document_callback(body, None, None, redact),
        };
        match parse(false) {
            Err(e) => {
                let want = &expect["error"];
                assert!(!want.is_null(), "{name}: unexpected error");
                assert_eq!(
                    prop(&e, "scankit").as_string().unwrap(),
                    "CallbackParseError"
                );
                assert_eq!(
                    prop(&e, "code").as_string().unwrap(),
                    want["code"].as_str().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    prop(&e, "field").as_string().as_deref(),
                    want["field"].as_str(),
                    "{name}"
                );
            }
            Ok(text) => {
                assert!(
                    expect["error"].is_null(),
                    "{name}: parsed, expected an error"
                );
                assert_eq!(json(&text), json(golden), "{name}: golden");
                assert_eq!(
                    json(&parse(true).unwrap()),
                    json(redacted),
                    "{name}: redacted"
                );
                if *kind == "netverify" {
                    let d = sk::decision_of(&text).unwrap();
                    assert_eq!(
                        prop(&d, "outcome").as_string().as_deref(),
                        expect["decision"].as_str(),
                        "{name}: decision"
                    );
                    assert_eq!(json(&sk::redact_netverify(&text).unwrap()), json(redacted));
                } else {
                    assert_eq!(json(&sk::redact_document(&text).unwrap()), json(redacted));
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn card_functions() {
    let visa = sk::number_packed("4111 1111 1111 1111", 0, 0) as u64;
    assert_eq!(visa & 31, 1, "visa is brand 0");
    assert_eq!(visa & 96, 96, "potentially valid and valid");
    let table = sk::brand_table().unwrap();
    assert_eq!(js_sys::Array::from(&table).length(), 18);
    let exp = sk::expiry_packed("12/30", 2026, 11, 19);
    assert_eq!(exp & 3, 3);
    assert_eq!((exp >> 2) & 15, 12);
    assert_eq!(exp >> 8, 2030);
    let f = sk::format_card_number("41111", 5).unwrap();
    assert_eq!(prop(&f, "value").as_string().unwrap(), "4111 1");
    let spans = sk::find_pans("☕ 4111111111111111").unwrap();
    let first = js_sys::Array::from(&spans).get(0);
    assert_eq!(prop(&first, "start").as_f64(), Some(2.0));
    assert_eq!(
        sk::mask_pans("x 4111111111111111", None, None).unwrap(),
        "x 411111******1111"
    );
    let err = sk::check_pan("4111111111111112").unwrap_err();
    assert_eq!(prop(&err, "code").as_string().unwrap(), "luhn");
    assert!(!prop(&err, "message")
        .as_string()
        .unwrap()
        .contains("4111111111111112"));
}

#[wasm_bindgen_test]
async fn retrieval_client_fetches_from_the_sandbox() {
    let Some(base) = option_env!("SCANKIT_SANDBOX_URL") else {
        panic!("SCANKIT_SANDBOX_URL must be set at build time (mk/wasm.mk starts the sandbox)");
    };
    let client = sk::RetrievalClient::new(
        "sandbox-token",
        "sandbox-secret",
        "Scankit WasmTest/1.0.0",
        base,
    )
    .unwrap();
    let promise = client
        .call("scanStatus", "nope-404", 0, false, None)
        .unwrap();
    let err = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_err();
    assert_eq!(prop(&err, "scankit").as_string().unwrap(), "RetrievalError");
    assert_eq!(prop(&err, "code").as_string().unwrap(), "not_found");
    assert_eq!(prop(&err, "status").as_f64(), Some(404.0));
    let bad =
        sk::RetrievalClient::new("sandbox-token", "wrong", "Scankit WasmTest/1.0.0", base).unwrap();
    let promise = bad.call("scanStatus", "nope-404", 0, false, None).unwrap();
    let err = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_err();
    assert_eq!(prop(&err, "code").as_string().unwrap(), "unauthorized");
}
