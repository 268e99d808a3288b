//! The case list: every fixture becomes one or more cases (conformance/README.md).

use crate::Failure;
use base64::Engine as _;
use scankit::retrieval::JsonModel;
use serde_json::{json, Value};
use std::path::Path;

/// The date the MobiCard cross-checks are made on: fixed, so that outputs
/// do not depend on the day the run happens.
const MOBICARD_TODAY: &str = "2026-11-15";

/// Error statuses every JSON model is classified at, with the `Retry-After`
/// sent (seconds) and how long ago the scan finished.
const ERROR_STATUSES: [(u16, Option<&str>, Option<u64>); 8] = [
    (401, None, None),
    (403, None, None),
    (404, None, None),
    (404, None, Some(10_000)),
    (404, None, Some(400_000)),
    (418, None, None),
    (429, Some("7"), None),
    (503, Some("not a number"), None),
];

/// Bodies at status 200 that are not the documented JSON.
const BAD_RETRIEVAL_BODIES: [(&str, &str); 3] = [
    ("truncated", "{\"scanReference\":"),
    ("not-json", "<html>busy</html>"),
    ("a-string", "\"text\""),
];

/// MobiCard bodies that are not a response.
const BAD_MOBICARD_BODIES: [(&str, &str); 4] = [
    ("empty", ""),
    ("not-json", "502 Bad Gateway"),
    ("truncated", "{\"status\":\"SUCCESS\",\"status_code\":"),
    ("array", "[]"),
];

pub fn from_fixtures(dir: &Path) -> Result<Vec<Value>, Failure> {
    let mut cases = Vec::new();
    callbacks(dir, &mut cases)?;
    retrieval(dir, &mut cases)?;
    mobicard(dir, &mut cases)?;
    cards(dir, &mut cases)?;
    masking(dir, &mut cases)?;
    Ok(cases)
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

fn read_json(path: &Path) -> Result<Value, Failure> {
    serde_json::from_slice(&read(path)?)
        .map_err(|e| Failure::input(format!("{}: not JSON ({e})", path.display())))
}

fn list<'a>(v: &'a Value, key: &str, file: &str) -> Result<&'a Vec<Value>, Failure> {
    v[key]
        .as_array()
        .ok_or_else(|| Failure::input(format!("{file}: no list `{key}`")))
}

fn text<'a>(v: &'a Value, key: &str, file: &str) -> Result<&'a str, Failure> {
    v[key]
        .as_str()
        .ok_or_else(|| Failure::input(format!("{file}: an entry without `{key}`")))
}

fn callbacks(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let file = "callbacks/manifest.json";
    let manifest = read_json(&dir.join(file))?;
    for f in list(&manifest, "fixtures", file)? {
        let name = text(f, "name", file)?;
        let op = match text(f, "kind", file)? {
            "netverify" => "netverify_callback",
            "document" => "document_callback",
            other => return Err(Failure::input(format!("{file}: unknown kind {other}"))),
        };
        let body = read(&dir.join("callbacks").join(format!("{name}.form")))?;
        cases.push(json!({"id": format!("callbacks/{name}"), "op": op, "body_b64": b64(&body)}));
    }
    hostile(dir, cases)
}

/// The hostile bodies (card numbers and names planted everywhere): every
/// platform must redact and refuse them alike.
fn hostile(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let file = "hostile/callbacks.json";
    let corpus = read_json(&dir.join(file))?;
    for e in list(&corpus, "entries", file)? {
        let op = match text(e, "kind", file)? {
            "netverify" => "netverify_callback",
            _ => "document_callback",
        };
        let id = format!("hostile/{}", text(e, "name", file)?);
        let body = text(e, "body", file)?;
        cases.push(json!({"id": id, "op": op, "body_b64": b64(body.as_bytes())}));
    }
    Ok(())
}

fn retrieval_case(id: String, model: JsonModel, status: u16, body: &[u8]) -> Value {
    json!({
        "id": id, "op": "retrieval_response", "model": model.name(), "status": status,
        "content_type": "application/json", "retry_after": null, "since_scan_ms": null,
        "body_b64": b64(body),
    })
}

fn retrieval(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let file = "retrieval/manifest.json";
    let manifest = read_json(&dir.join(file))?;
    for f in list(&manifest, "fixtures", file)? {
        let path = text(f, "file", file)?;
        let name = text(f, "model", file)?;
        let model = JsonModel::from_name(name)
            .ok_or_else(|| Failure::input(format!("{file}: unknown model {name}")))?;
        let body = read(&dir.join("retrieval").join(path))?;
        let id = format!("retrieval/{}", path.trim_end_matches(".json"));
        cases.push(retrieval_case(id, model, 200, &body));
    }
    for model in JsonModel::ALL {
        for (status, retry_after, since) in ERROR_STATUSES {
            let since_part = since.map_or(String::new(), |ms| format!("-after-{ms}ms"));
            let id = format!("retrieval/status/{}/{status}{since_part}", model.name());
            let mut case = retrieval_case(id, model, status, b"");
            case["retry_after"] = json!(retry_after);
            case["since_scan_ms"] = json!(since);
            case["content_type"] = Value::Null;
            cases.push(case);
        }
        for (name, body) in BAD_RETRIEVAL_BODIES {
            let id = format!("retrieval/bad-body/{}/{name}", model.name());
            cases.push(retrieval_case(id, model, 200, body.as_bytes()));
        }
    }
    Ok(())
}

fn mobicard(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let folder = dir.join("mobicard");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .map_err(|e| Failure::input(format!("{}: {e}", folder.display())))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let case = |id: String, body: &[u8]| json!({"id": id, "op": "mobicard_response", "body_b64": b64(body), "today": MOBICARD_TODAY});
    for name in names {
        let body = read(&folder.join(&name))?;
        cases.push(case(
            format!("mobicard/{}", name.trim_end_matches(".json")),
            &body,
        ));
    }
    for (name, body) in BAD_MOBICARD_BODIES {
        cases.push(case(format!("mobicard/bad-body/{name}"), body.as_bytes()));
    }
    Ok(())
}

fn cards(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let file = "cards/npm-differential.json";
    let d = read_json(&dir.join(file))?;
    for (i, c) in list(&d, "number_cases", file)?.iter().enumerate() {
        let o = &c["options"];
        cases.push(json!({
            "id": format!("cards/number/{i}"), "op": "card_number", "input": text(c, "input", file)?,
            "max_length": o.get("maxLength").cloned().unwrap_or(Value::Null),
            "luhn_validate_unionpay": o.get("luhnValidateUnionPay").and_then(Value::as_bool).unwrap_or(false),
        }));
    }
    for (i, c) in list(&d, "expiry_cases", file)?.iter().enumerate() {
        cases.push(json!({
            "id": format!("cards/expiry/{i}"), "op": "card_expiry", "input": text(c, "input", file)?,
            "today": text(c, "today", file)?, "max_years_ahead": c["max_years_ahead"],
        }));
    }
    for (i, c) in list(&d, "cvv_cases", file)?.iter().enumerate() {
        cases.push(json!({
            "id": format!("cards/cvv/{i}"), "op": "cvv", "input": text(c, "input", file)?,
            "sizes": c["sizes"],
        }));
    }
    for (i, c) in list(&d, "name_cases", file)?.iter().enumerate() {
        cases.push(json!({
            "id": format!("cards/name/{i}"), "op": "cardholder_name", "input": text(c, "input", file)?,
        }));
    }
    Ok(())
}

fn masking(dir: &Path, cases: &mut Vec<Value>) -> Result<(), Failure> {
    let file = "masking/texts.json";
    let d = read_json(&dir.join(file))?;
    for t in list(&d, "texts", file)? {
        cases.push(json!({
            "id": format!("masking/{}", text(t, "name", file)?), "op": "mask_text",
            "text": text(t, "text", file)?,
        }));
    }
    Ok(())
}
