//! `fixtures/retrieval/manifest.json` lists every retrieval fixture with the
//! model it answers, and each decodes as that model: the list every
//! platform's tests and the conformance run read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::retrieval::{JsonModel, RawResponse};
use serde_json::Value;
use std::path::Path;

#[test]
fn every_retrieval_fixture_is_listed_and_decodes_as_its_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/retrieval");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let listed: Vec<(String, String)> = manifest["fixtures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["model"].as_str().unwrap().to_owned(),
            )
        })
        .collect();

    let mut on_disk = Vec::new();
    for sub in ["spec-2019", "spec-2022", "hand-made"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".json") {
                on_disk.push(format!("{sub}/{name}"));
            }
        }
    }
    on_disk.sort();
    let mut files: Vec<String> = listed.iter().map(|(f, _)| f.clone()).collect();
    files.sort();
    assert_eq!(
        files, on_disk,
        "manifest.json lists exactly the files on disk"
    );

    for (file, model) in &listed {
        let model = JsonModel::from_name(model).unwrap_or_else(|| panic!("{file}: {model}"));
        let body = std::fs::read(dir.join(file)).unwrap();
        let raw = RawResponse {
            status: 200,
            content_type: Some("application/json"),
            retry_after: None,
            body: &body,
        };
        let json = model.decode_json(&model.endpoint(), &raw, None);
        let json = json.unwrap_or_else(|e| panic!("{file}: {e}"));
        let written: Value = serde_json::from_str(&json).unwrap();
        assert!(written.is_object(), "{file}");
        if model.redactable() {
            let redacted = model.decode_json_redacted(&model.endpoint(), &raw, None);
            assert!(matches!(redacted, Ok(Some(_))), "{file}");
        }
    }
}
