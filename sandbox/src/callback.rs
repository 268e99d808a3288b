//! `send-callback`: POSTs a callback body as the provider does
//! (`application/x-www-form-urlencoded`) and reports the receiver's status.

use std::path::Path;
use std::time::Duration;

/// The form body of a fixture: a `.form` file as is; a `.json` file (the
/// JSON form of a parsed callback) written back as the provider's form.
pub fn form_body(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "json") {
        if let Ok(cb) = scankit::NetverifyCallback::from_json(&text) {
            return Ok(cb.to_form());
        }
        return scankit::DocumentCallback::from_json(&text)
            .map(|cb| cb.to_form())
            .map_err(|e| format!("{}: not a callback in JSON: {e}", path.display()));
    }
    Ok(text.trim_end_matches(['\r', '\n']).to_owned())
}

/// POSTs the body to `to`; returns the receiver's HTTP status.
pub fn send(to: &str, body: &str) -> Result<u16, String> {
    if !(to.starts_with("http://") || to.starts_with("https://")) {
        return Err("--to: expected an http(s) URL".into());
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent
        .post(to)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", "scankit-sandbox callback")
        .send(body)
        .map_err(|e| e.to_string())?;
    Ok(response.status().as_u16())
}
