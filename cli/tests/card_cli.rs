//! The `scankit card` and `scankit mask` pipeline contract.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::Value;

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = common::run(args, stdin);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn card_check_writes_one_object_per_line() {
    let input = b"4111 1111 1111 1111\n41\nnot a card\n\xff\n6212345000000001\r\n378282246310005";
    let (code, out, err) = run(&["card", "check"], input);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0],
        serde_json::json!({"brand": "visa", "candidates": ["visa"], "potentially_valid": true, "valid": true, "luhn_valid": true})
    );
    assert_eq!(lines[1]["brand"], "visa");
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["potentially_valid"], true);
    // Bad lines: an error object on their line, the stream goes on.
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["error"], "not UTF-8");
    assert_eq!(lines[4]["brand"], "unionpay");
    assert_eq!(lines[4]["valid"], true);
    assert_eq!(lines[4]["luhn_valid"], false);
    assert_eq!(lines[5]["brand"], "american-express");
    // Keys in the documented order.
    let first = out.lines().next().unwrap();
    assert!(first.starts_with(r#"{"brand":"#), "{first}");
    // Errors never echo the input.
    assert!(!out.contains("not a card"));
}

#[test]
fn card_expiry_uses_today_and_reports_four_digit_years() {
    let (code, out, _) = run(
        &["card", "expiry", "--today", "2026-11-24"],
        b"12/30\n10/26\n11 / 2026\n1\nxx/yy\n12/2046\n",
    );
    assert_eq!(code, 0);
    let lines = json_lines(&out);
    assert_eq!(
        lines[0],
        serde_json::json!({"potentially_valid": true, "valid": true, "month": 12, "year": 2030})
    );
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[2]["valid"], true);
    assert_eq!(lines[2]["year"], 2026);
    assert_eq!(
        lines[3],
        serde_json::json!({"potentially_valid": true, "valid": false, "month": null, "year": null})
    );
    assert_eq!(lines[4]["line"], 5);
    assert_eq!(lines[5]["valid"], false);
}

#[test]
fn card_expiry_rejects_a_bad_today() {
    let (code, out, err) = run(&["card", "expiry", "--today", "2026-13-01"], b"12/30\n");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--today"));
}

#[test]
fn mask_streams_every_style() {
    let input = "a 5173350006475601 b\nc 4111-1111-1111-1111 d 12345\n";
    let want = [
        (
            "jumio",
            "a 517335xxxxxx5601 b\nc 4111-11xx-xxxx-1111 d 12345\n",
        ),
        (
            "mobicard",
            "a 5173********5601 b\nc 4111-****-****-1111 d 12345\n",
        ),
        (
            "pci",
            "a 517335******5601 b\nc 4111-11**-****-1111 d 12345\n",
        ),
        (
            "last4",
            "a ************5601 b\nc ****-****-****-1111 d 12345\n",
        ),
    ];
    for (style, expected) in want {
        let (code, out, err) = run(&["mask", "--style", style], input.as_bytes());
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, expected, "{style}");
    }
    let (_, out, _) = run(&["mask", "--mask-char", "#"], input.as_bytes());
    assert!(out.contains("517335######5601"));
    // Not UTF-8 passes through untouched.
    let (code, out, _) = run(&["mask"], b"\xff 4111111111111111\n");
    assert_eq!(code, 0);
    assert!(out.ends_with(" 411111******1111\n"));
}

#[test]
fn mask_refuses_a_numeric_mask_char() {
    // Any Unicode digit or number would make masked output look like card
    // data: ASCII, Arabic-Indic, full-width, superscript, fraction, Roman.
    for c in ["7", "٣", "５", "²", "⅓", "Ⅻ"] {
        let (code, out, err) = run(&["mask", "--mask-char", c], b"4111111111111111\n");
        assert_eq!(code, 2, "{c}: {err}");
        assert_eq!(
            err,
            "scankit: --mask-char: a digit or other numeric character would look like card data\n",
            "{c}"
        );
        assert!(out.is_empty(), "{c}: {out}");
    }
    // Other characters, ASCII or not, are fine.
    for (c, want) in [("#", "411111######1111\n"), ("•", "411111••••••1111\n")] {
        let (code, out, err) = run(&["mask", "--mask-char", c], b"4111111111111111\n");
        assert_eq!(code, 0, "{c}: {err}");
        assert_eq!(out, want);
    }
}

#[test]
fn card_lines_are_judged_up_to_256_bytes() {
    // 256 bytes is the longest line judged, with or without a CR before the
    // LF; 257 is too long, and so is a line spanning several 64 KiB reads.
    let mut input = Vec::new();
    input.extend_from_slice(&[b'4'; 256]);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(&[b'4'; 256]);
    input.extend_from_slice(b"\r\n");
    input.extend_from_slice(&[b'4'; 257]);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(&vec![b'4'; 200_000]);
    input.extend_from_slice(b"\n\n4111111111111111");
    let (code, out, err) = run(&["card", "check"], &input);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(lines[0]["valid"], false);
    assert!(lines[0].get("error").is_none(), "{}", lines[0]);
    assert!(lines[1].get("error").is_none(), "{}", lines[1]);
    assert_eq!(
        lines[2],
        serde_json::json!({"error": "line too long", "line": 3})
    );
    assert_eq!(
        lines[3],
        serde_json::json!({"error": "line too long", "line": 4})
    );
    assert_eq!(lines[4]["valid"], false);
    assert_eq!(lines[5]["valid"], true);
}
