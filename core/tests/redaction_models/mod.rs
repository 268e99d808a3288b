//! Every Retrieval API model and the MobiCard response, decoded from a body
//! and redacted, with each way a redacted copy is shown: the tests of
//! redaction (goldens, hostile plants) share it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use scankit::mobicard::ScanResponse;
use scankit::retrieval::{
    decode, AuthenticationDetails, CreditCardData, DvDetails, DvPages, DvRetrievedDocument,
    DvStatusResponse, DvTransactionResponse, JsonModel, RawResponse, ScanDetails, ScanDocument,
    ScanImages, ScanStatusResponse, ScanTransaction, ScanVerification,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Debug;
use std::path::{Path, PathBuf};

/// What a redacted copy shows, every way it is shown.
pub struct Shown {
    /// `serde_json::to_string` of the redacted copy.
    pub json: String,
    /// `{:?}` of the redacted copy.
    pub debug: String,
    /// `{:?}` of the model itself (every model's `Debug` is redacted).
    pub plain_debug: String,
    /// `JsonModel::decode_json_redacted`, what the bindings hand over,
    /// where the model has a redacted form there.
    pub via_model: Option<String>,
}

impl Shown {
    /// Every text shown, with a label.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut all = vec![
            ("serde", self.json.as_str()),
            ("debug", self.debug.as_str()),
            ("debug of the model", self.plain_debug.as_str()),
        ];
        if let Some(v) = &self.via_model {
            all.push(("decode_json_redacted", v.as_str()));
        }
        all
    }
}

fn raw(body: &[u8]) -> RawResponse<'_> {
    RawResponse {
        status: 200,
        content_type: Some("application/json"),
        retry_after: None,
        body,
    }
}

fn shown<T: DeserializeOwned + Serialize + Debug>(
    model: JsonModel,
    body: &[u8],
    redacted: fn(&T) -> T,
) -> Option<Shown> {
    let endpoint = model.endpoint();
    let value: T = decode(&endpoint, &raw(body), None).ok()?;
    let r = redacted(&value);
    let via_model = model
        .decode_json_redacted(&endpoint, &raw(body), None)
        .expect("decodes as the typed model did");
    Some(Shown {
        json: serde_json::to_string(&r).expect("serializes"),
        debug: format!("{r:?}"),
        plain_debug: format!("{value:?}"),
        via_model,
    })
}

/// The body decoded as `model` and redacted; `None` if it does not decode.
pub fn retrieval(model: JsonModel, body: &[u8]) -> Option<Shown> {
    match model {
        JsonModel::ScanStatus => shown(model, body, ScanStatusResponse::redacted),
        JsonModel::ScanDetails => shown(model, body, ScanDetails::redacted),
        JsonModel::ScanDocument => shown(model, body, ScanDocument::redacted),
        JsonModel::ScanTransaction => shown(model, body, ScanTransaction::redacted),
        JsonModel::ScanVerification => shown(model, body, ScanVerification::redacted),
        JsonModel::ScanImages => shown(model, body, ScanImages::redacted),
        JsonModel::Authentication => shown(model, body, AuthenticationDetails::redacted),
        JsonModel::DvStatus => shown(model, body, DvStatusResponse::redacted),
        JsonModel::DvDetails => shown(model, body, DvDetails::redacted),
        JsonModel::DvDocument => shown(model, body, DvRetrievedDocument::redacted),
        JsonModel::DvTransaction => shown(model, body, DvTransactionResponse::redacted),
        JsonModel::DvPages => shown(model, body, DvPages::redacted),
        JsonModel::CreditCard => shown(model, body, CreditCardData::redacted),
    }
}

/// The body read as a MobiCard response and redacted; `None` if it is not one.
pub fn mobicard(body: &[u8]) -> Option<Shown> {
    let value = ScanResponse::parse(body).ok()?;
    let r = value.redacted();
    Some(Shown {
        json: serde_json::to_string(&r).expect("serializes"),
        debug: format!("{r:?}"),
        plain_debug: format!("{value:?}"),
        via_model: None,
    })
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every retrieval fixture with its model, as the manifest lists them.
pub fn retrieval_fixtures() -> Vec<(String, JsonModel, Vec<u8>)> {
    let dir = fixtures().join("retrieval");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    manifest["fixtures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap().to_owned();
            let model = JsonModel::from_name(f["model"].as_str().unwrap()).unwrap();
            let body = std::fs::read(dir.join(&file)).unwrap();
            (file, model, body)
        })
        .collect()
}

/// Every MobiCard response fixture (`mobicard/*.json`).
pub fn mobicard_fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = fixtures().join("mobicard");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let body = std::fs::read(dir.join(&n)).unwrap();
            (n, body)
        })
        .collect()
}
