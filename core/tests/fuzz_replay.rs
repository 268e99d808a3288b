//! Replays, on stable, every input the fuzz targets start from or have
//! failed on: the fixtures (their seed corpus), `fuzz/regressions/<target>/`
//! (past crash inputs, kept), and `fuzz/corpus/<target>/` when a local
//! fuzzing run has grown one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fuzz_checks;

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The fixture folders each target is seeded from (`make fuzz` copies them in).
pub fn seeds(target: &str) -> Vec<PathBuf> {
    let fixtures = repo().join("core/tests/fixtures");
    let dirs: &[&str] = match target {
        "netverify_callback" => &["callbacks/netverify"],
        "document_callback" => &["callbacks/document"],
        "retrieval_response" => &["retrieval"],
        "mobicard_response" | "jwt" | "image_precheck" => &["mobicard"],
        _ => &["cards"],
    };
    dirs.iter()
        .flat_map(|d| files_under(&fixtures.join(d)))
        .collect()
}

#[test]
fn every_seed_regression_and_corpus_input_keeps_the_invariants() {
    let mut total = 0;
    for (target, check) in fuzz_checks::TARGETS {
        let mut inputs = seeds(target);
        inputs.extend(files_under(&repo().join("fuzz/regressions").join(target)));
        let kept = inputs.len();
        inputs.extend(files_under(&repo().join("fuzz/corpus").join(target)));
        assert!(kept > 0, "{target}: no inputs");
        let card_target =
            ["card_number", "card_expiry", "mask_pans", "mask_stream"].contains(target);
        for (i, path) in inputs.iter().enumerate() {
            // A running fuzzer replaces corpus files as it minimises them; only
            // the seeds and regressions must be there.
            let data = match std::fs::read(path) {
                Ok(data) => data,
                Err(_) if i >= kept => continue,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            check(&data);
            // The card fixtures are JSON: each string in them is an input too.
            if card_target && path.extension().is_some_and(|e| e == "json") {
                let value: serde_json::Value = serde_json::from_slice(&data).unwrap();
                for_each_string(&value, &mut |s| check(s.as_bytes()));
            }
        }
        total += inputs.len();
    }
    assert!(total > 100, "only {total} inputs replayed");
}

fn for_each_string(value: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| for_each_string(v, f)),
        serde_json::Value::Object(map) => map.values().for_each(|v| for_each_string(v, f)),
        _ => {}
    }
}
