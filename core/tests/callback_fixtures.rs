//! Every fixture of `core/tests/fixtures/callbacks/manifest.json`: the contract
//! every binding is tested against. `SCANKIT_BLESS=1` rewrites the golden
//! files (review the diff against the spec before committing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::{DocumentCallback, NetverifyCallback};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/callbacks")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("manifest.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["fixtures"].as_array().unwrap().clone()
}

fn check_golden(rel: &str, actual: &Value) {
    let path = root().join(rel);
    if std::env::var_os("SCANKIT_BLESS").is_some() {
        let text = serde_json::to_string_pretty(actual).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{rel}: golden missing ({e}); run with SCANKIT_BLESS=1"));
    let expected: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(actual, &expected, "{rel} differs from its golden");
}

/// What one fixture parses to, in the shape the manifest speaks of.
enum Parsed {
    Netverify(Box<NetverifyCallback>),
    Document(Box<DocumentCallback>),
}

fn parse(kind: &str, body: &[u8]) -> Result<Parsed, scankit::CallbackError> {
    match kind {
        "netverify" => NetverifyCallback::parse(body).map(|c| Parsed::Netverify(Box::new(c))),
        "document" => DocumentCallback::parse(body).map(|c| Parsed::Document(Box::new(c))),
        other => panic!("unknown fixture kind {other}"),
    }
}

#[test]
fn every_fixture_meets_its_expectation() {
    let fixtures = manifest();
    assert!(fixtures.len() >= 25, "the manifest lost fixtures");
    for fx in fixtures {
        let name = fx["name"].as_str().unwrap();
        let kind = fx["kind"].as_str().unwrap();
        let expect = &fx["expect"];
        let body = std::fs::read(root().join(format!("{name}.form"))).unwrap();
        let result = parse(kind, &body);
        if let Some(error) = expect.get("error") {
            let err = match result {
                Ok(_) => panic!("{name}: parsed, expected {error}"),
                Err(e) => e,
            };
            assert_eq!(err.code(), error["code"].as_str().unwrap(), "{name}: {err}");
            assert_eq!(err.field(), error["field"].as_str(), "{name}: {err}");
            continue;
        }
        let parsed = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        match parsed {
            Parsed::Netverify(cb) => {
                let json: Value = serde_json::from_str(&cb.to_json()).unwrap();
                check_golden(expect["json"].as_str().unwrap(), &json);
                let redacted: Value = serde_json::from_str(&cb.redacted().to_json()).unwrap();
                check_golden(expect["redacted"].as_str().unwrap(), &redacted);
                assert_eq!(
                    cb.decision().outcome.as_str(),
                    expect["decision"].as_str().unwrap(),
                    "{name}: decision ({})",
                    cb.decision().reason
                );
                if let Some(masked) = expect.get("masked_by_provider") {
                    let want: Vec<&str> = masked
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap())
                        .collect();
                    assert_eq!(cb.masked_by_provider(), want, "{name}");
                }
                if let Some(format) = expect.get("address_format") {
                    let got = cb.id_address.as_ref().and_then(|a| a.format());
                    assert_eq!(serde_json::to_value(got).unwrap(), *format, "{name}");
                }
                assert_eq!(
                    NetverifyCallback::parse(cb.to_form()).unwrap(),
                    *cb,
                    "{name}: to_form round trip"
                );
                assert_eq!(
                    NetverifyCallback::from_json(&cb.to_json()).unwrap(),
                    *cb,
                    "{name}: JSON round trip"
                );
            }
            Parsed::Document(cb) => {
                let json: Value = serde_json::from_str(&cb.to_json()).unwrap();
                check_golden(expect["json"].as_str().unwrap(), &json);
                let redacted: Value = serde_json::from_str(&cb.redacted().to_json()).unwrap();
                check_golden(expect["redacted"].as_str().unwrap(), &redacted);
                assert_eq!(
                    DocumentCallback::parse(cb.to_form()).unwrap(),
                    *cb,
                    "{name}: to_form round trip"
                );
                assert_eq!(
                    DocumentCallback::from_json(&cb.to_json()).unwrap(),
                    *cb,
                    "{name}: JSON round trip"
                );
            }
        }
    }
}

#[test]
fn every_form_file_is_in_the_manifest() {
    let listed: Vec<String> = manifest()
        .iter()
        .map(|f| format!("{}.form", f["name"].as_str().unwrap()))
        .collect();
    for kind in ["netverify", "document"] {
        for entry in std::fs::read_dir(root().join(kind)).unwrap() {
            let file = entry.unwrap().file_name().into_string().unwrap();
            if file.ends_with(".form") {
                assert!(
                    listed.contains(&format!("{kind}/{file}")),
                    "{kind}/{file} is not in the manifest"
                );
            }
        }
    }
}
