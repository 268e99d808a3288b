//! `scankit callback parse|decide` as pipelines use it: stdin in, JSON out,
//! one line on stderr and exit code 2 for bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run;
use std::process::Output;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../core/tests/fixtures/callbacks/{name}.form",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn parse_prints_the_typed_json() {
    let out = run(&["callback", "parse"], &fixture("netverify/spec-approved"));
    let v = json(&out);
    assert_eq!(v["verificationStatus"], "APPROVED_VERIFIED");
    assert_eq!(v["identityVerification"]["validity"], true);
    assert_eq!(v["idAddress"]["stateCode"], "US-OH");
    assert_eq!(v["idFirstName"], "FIRSTNAME");
}

#[test]
fn parse_redact_masks_personal_fields() {
    let out = run(
        &["callback", "parse", "--redact"],
        &fixture("netverify/spec-approved"),
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let v = json(&out);
    assert_eq!(v["idFirstName"], "F***");
    assert_eq!(v["idDob"], "1990-xx-xx");
    assert!(
        !text.contains("FIRSTNAME") && !text.contains("P1234"),
        "{text}"
    );
}

#[test]
fn parse_dv_reads_document_callbacks() {
    let out = run(
        &["callback", "parse", "--dv"],
        &fixture("document/spec-extracted"),
    );
    let v = json(&out);
    assert_eq!(v["document"]["status"], "EXTRACTED");
    assert_eq!(v["document"]["extractedData"]["ssn"], "xxxxxxxxx");
}

#[test]
fn decide_prints_outcome_and_reason() {
    let v = json(&run(
        &["callback", "decide"],
        &fixture("netverify/spec-fraud"),
    ));
    assert_eq!(v["outcome"], "fraud");
    assert!(v["reason"]
        .as_str()
        .unwrap()
        .contains("MANIPULATED_DOCUMENT"));
}

#[test]
fn bad_input_is_one_line_on_stderr_with_exit_code_2() {
    for (args, body, needle) in [
        (
            &["callback", "parse"][..],
            fixture("netverify/invalid-date-of-birth"),
            "idDob",
        ),
        (
            &["callback", "decide"][..],
            fixture("netverify/missing-scan-reference"),
            "jumioIdScanReference",
        ),
        (
            &["callback", "parse", "--dv"][..],
            fixture("document/dv-missing-transaction"),
            "transaction",
        ),
        (
            &["callback", "parse"][..],
            b"\xff\xfe\x00garbage".to_vec(),
            "UTF-8",
        ),
        (
            &["callback", "parse"][..],
            Vec::new(),
            "jumioIdScanReference",
        ),
    ] {
        let out = run(args, &body);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn max_body_bytes_sets_the_limit() {
    let body = fixture("netverify/spec-approved");
    let limit = body.len().to_string();
    let v = json(&run(
        &["callback", "decide", "--max-body-bytes", &limit],
        &body,
    ));
    assert_eq!(v["outcome"], "approved");
    let under = (body.len() - 1).to_string();
    for args in [
        &["callback", "decide", "--max-body-bytes", &under][..],
        &["callback", "parse", "--max-body-bytes", &under][..],
        &["callback", "parse", "--dv", "--max-body-bytes", &under][..],
    ] {
        let out = run(args, &body);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("scankit: body: over the limit of {under} bytes\n")
        );
    }
    // The default is the core's: 64 KiB.
    let out = run(&["callback", "parse"], &vec![b'a'; 64 * 1024 + 1]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("over the limit of 65536 bytes"));
}
