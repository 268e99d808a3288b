//! `scankit-conformance`: the case list covers every fixture, the Rust
//! runner's answers are the golden files', and `compare` names what differs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common {
    use std::io::Write;
    use std::process::{Command, Output, Stdio};

    /// Runs `scankit-conformance args...` with `stdin` piped in.
    pub fn run(args: &[&str], stdin: &[u8]) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scankit-conformance"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(stdin);
        child.wait_with_output().unwrap()
    }
}

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The case list and the Rust answers, keyed by case id.
fn cases_and_answers(dir: &Path) -> (Vec<Value>, HashMap<String, Value>) {
    let out = common::run(&["cases", fixtures().to_str().unwrap()], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases_path = dir.join("cases.jsonl");
    std::fs::write(&cases_path, &out.stdout).unwrap();
    let run = common::run(&["run", cases_path.to_str().unwrap()], b"");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::write(dir.join("rust.jsonl"), &run.stdout).unwrap();
    let answers = lines(&run.stdout)
        .into_iter()
        .map(|l| (l["id"].as_str().unwrap().to_owned(), l["output"].clone()))
        .collect();
    (lines(&out.stdout), answers)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("scankit-conformance-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_fixture_is_a_case_and_rust_answers_with_the_goldens() {
    let dir = temp_dir("goldens");
    let (cases, answers) = cases_and_answers(&dir);
    let ids: Vec<&str> = cases.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "case ids are unique");
    assert_eq!(answers.len(), cases.len());

    let f = fixtures();
    let callbacks = read_json(&f.join("callbacks/manifest.json"));
    for fixture in callbacks["fixtures"].as_array().unwrap() {
        let name = fixture["name"].as_str().unwrap();
        let got = &answers[&format!("callbacks/{name}")];
        let expect = &fixture["expect"];
        if let Some(error) = expect.get("error") {
            assert_eq!(got["error"]["kind"], "callback", "{name}");
            assert_eq!(got["error"]["code"], error["code"], "{name}");
            assert_eq!(got["error"]["field"], error["field"], "{name}");
        } else {
            let golden =
                |key: &str| read_json(&f.join("callbacks").join(expect[key].as_str().unwrap()));
            assert_eq!(got["parsed"], golden("json"), "{name}");
            assert_eq!(got["redacted"], golden("redacted"), "{name}");
            if let Some(decision) = expect.get("decision") {
                assert_eq!(&got["decision"]["outcome"], decision, "{name}");
            }
        }
    }

    let retrieval = read_json(&f.join("retrieval/manifest.json"));
    for fixture in retrieval["fixtures"].as_array().unwrap() {
        let file = fixture["file"].as_str().unwrap();
        let got = &answers[&format!("retrieval/{}", file.trim_end_matches(".json"))];
        assert!(got["decoded"].is_object(), "{file}: {got}");
    }
    assert_eq!(
        answers["retrieval/status/credit_card/404-after-10000ms"]["error"]["code"],
        "not_ready"
    );
    assert_eq!(
        answers["retrieval/status/credit_card/404-after-400000ms"]["error"]["code"],
        "not_found"
    );
    assert_eq!(
        answers["retrieval/status/scan_details/429"]["error"]["retryable"],
        true
    );
    assert_eq!(
        answers["retrieval/bad-body/dv_pages/truncated"]["error"]["code"],
        "invalid_body"
    );

    let cards = read_json(&f.join("cards/npm-differential.json"));
    let numbers = cards["number_cases"].as_array().unwrap();
    for (i, c) in numbers.iter().enumerate() {
        let got = &answers[&format!("cards/number/{i}")];
        // Where scankit deliberately differs from npm, the fixture says so.
        let want = c.get("scankit").unwrap_or(&c["npm"]);
        for key in ["potentially_valid", "valid", "candidates"] {
            assert_eq!(got[key], want[key], "number case {i} {key}");
        }
        assert_eq!(got["brand"], want["card"], "number case {i}");
    }
    let expiries = cards["expiry_cases"].as_array().unwrap();
    let count = |op: &str| cases.iter().filter(|c| c["op"] == op).count();
    assert_eq!(count("card_expiry"), expiries.len());
    assert_eq!(count("cvv"), cards["cvv_cases"].as_array().unwrap().len());
    let texts = read_json(&f.join("masking/texts.json"));
    assert_eq!(count("mask_text"), texts["texts"].as_array().unwrap().len());

    let pci = &answers["masking/two-numbers"];
    assert_eq!(
        pci["masked"]["pci"],
        "a 555555******4444 b 378282*****0005 c"
    );
    assert_eq!(pci["found"][1]["text"], "378282246310005");
    assert_eq!(pci["found"][1]["brand"], "american-express");
    let mobicard = &answers["mobicard/spec-success"];
    assert!(mobicard["response"].is_object() && mobicard["action"] == "process");
    assert_eq!(
        answers["mobicard/bad-body/not-json"]["error"]["kind"],
        "mobicard"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compare_passes_agreement_and_names_the_case_and_platforms_that_differ() {
    let dir = temp_dir("compare");
    let (_, _) = cases_and_answers(&dir);
    let cases = dir.join("cases.jsonl");
    let rust = std::fs::read_to_string(dir.join("rust.jsonl")).unwrap();
    std::fs::write(dir.join("same.jsonl"), &rust).unwrap();
    let arg = |p: &str| dir.join(p).to_str().unwrap().to_owned();
    let ok = common::run(
        &[
            "compare",
            "--cases",
            &arg("cases.jsonl"),
            &arg("rust.jsonl"),
            &arg("same.jsonl"),
        ],
        b"",
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");

    // One answer changed, one missing.
    let mut changed = Vec::new();
    for line in rust.lines() {
        let mut v: Value = serde_json::from_str(line).unwrap();
        match v["id"].as_str().unwrap() {
            "cards/number/7" => v["output"]["valid"] = Value::Bool(v["output"]["valid"] != true),
            "masking/empty" => continue,
            _ => {}
        }
        changed.push(v.to_string());
    }
    std::fs::write(dir.join("other.jsonl"), changed.join("\n")).unwrap();
    let bad = common::run(
        &[
            "compare",
            "--cases",
            cases.to_str().unwrap(),
            &arg("rust.jsonl"),
            &arg("other.jsonl"),
        ],
        b"",
    );
    let stdout = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("cards/number/7: outputs differ: "),
        "{stdout}"
    );
    assert!(stdout.contains("/valid: rust = "), "{stdout}");
    assert!(
        stdout.contains("masking/empty: no answer from other"),
        "{stdout}"
    );
    assert!(stdout.contains(" failed"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
