//! Generates `$OUT_DIR/fixtures.rs` for the browser tests: every callback
//! fixture of the manifest, embedded, so the tests in headless Chromium
//! cover the same contract as the Node tests.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/callbacks");
    let manifest_path = root.join("manifest.json");
    println!("cargo:rerun-if-changed={}", manifest_path.display());
    let mut out = String::from(
        "/// name, kind, body, golden JSON, golden redacted JSON, expect as JSON\n\
         pub type Fixture = (&'static str, &'static str, &'static [u8], &'static str, &'static str, &'static str);\n\
         /// Every fixture of the manifest.\n\
         pub const CALLBACKS: &[Fixture] = &[\n",
    );
    let text = std::fs::read_to_string(&manifest_path).unwrap_or_default();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let empty = Vec::new();
    for fx in manifest["fixtures"].as_array().unwrap_or(&empty) {
        let name = fx["name"].as_str().unwrap_or_default();
        let kind = fx["kind"].as_str().unwrap_or_default();
        let expect = &fx["expect"];
        let file = |key: &str| match expect[key].as_str() {
            Some(rel) => format!("include_str!({:?})", root.join(rel).display().to_string()),
            None => "\"\"".to_owned(),
        };
        let _ = writeln!(
            out,
            "    ({name:?}, {kind:?}, include_bytes!({body:?}), {json}, {redacted}, {expect:?}),",
            body = root.join(format!("{name}.form")).display().to_string(),
            json = file("json"),
            redacted = file("redacted"),
            expect = expect.to_string(),
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("fixtures.rs");
    let _ = std::fs::write(dest, out);
}
