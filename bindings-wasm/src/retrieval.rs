//! The Retrieval APIs over `fetch` (gloo-net): the core builds every request
//! and classifies every response; this file only moves bytes and waits.

use crate::error;
use scankit::retrieval::{
    self, BaseUrls, Credentials, Endpoint, ImageClassifier, JsonModel, MaskHint, Method,
    PollAction, PollSchedule, Poller, RawResponse, Region, Request, RequestBuilder, RetrievalError,
    ScanStatus, ScanStatusResponse, UserAgent,
};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

fn request_error(e: retrieval::RequestError) -> JsValue {
    error::retrieval(&RetrievalError::from(e))
}

/// A client of the Retrieval APIs for one account.
#[wasm_bindgen(js_name = RetrievalClient)]
pub struct RetrievalClient {
    requests: Rc<RequestBuilder>,
}

/// A response as fetched, before classification.
struct Fetched {
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
}

impl Fetched {
    fn raw(&self) -> RawResponse<'_> {
        RawResponse {
            status: self.status,
            content_type: self.content_type.as_deref(),
            retry_after: self.retry_after.as_deref(),
            body: &self.body,
        }
    }
}

async fn fetch(request: &Request) -> Result<Fetched, RetrievalError> {
    let builder = match request.method {
        Method::Get => gloo_net::http::Request::get(&request.url),
        Method::Delete => gloo_net::http::Request::delete(&request.url),
    };
    let builder = request
        .headers()
        .iter()
        .fold(builder, |b, (name, value)| b.header(name, value));
    let response = builder
        .send()
        .await
        .map_err(|e| RetrievalError::transport(transport_message(&e)))?;
    let headers = response.headers();
    let body = response
        .binary()
        .await
        .map_err(|e| RetrievalError::transport(transport_message(&e)))?;
    Ok(Fetched {
        status: response.status(),
        content_type: headers.get("content-type"),
        retry_after: headers.get("retry-after"),
        body,
    })
}

/// A transport error's kind, without the URL (which holds the reference).
fn transport_message(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => format!("fetch failed: {}", js.name),
        _ => "fetch failed".to_owned(),
    }
}

fn endpoint_of(name: &str, arg: u32, unmasked: bool) -> Result<Endpoint, JsValue> {
    let hint = if unmasked {
        MaskHint::Unmasked
    } else {
        MaskHint::Masked
    };
    let classifier = |n: u32| match n {
        0 => Ok(ImageClassifier::Front),
        1 => Ok(ImageClassifier::Face),
        2 => Ok(ImageClassifier::Back),
        _ => Err(error::argument(
            "classifier: expected front, face or back",
            "classifier",
        )),
    };
    Ok(match name {
        "scanStatus" => Endpoint::ScanStatus,
        "scanDetails" => Endpoint::ScanDetails,
        "scanDocument" => Endpoint::ScanDocument,
        "scanTransaction" => Endpoint::ScanTransaction,
        "scanVerification" => Endpoint::ScanVerification,
        "scanImages" => Endpoint::ScanImages,
        "scanImage" => Endpoint::ScanImage(classifier(arg)?),
        "scanLivenessImage" => Endpoint::ScanLivenessImage(arg),
        "authentication" => Endpoint::Authentication,
        "authenticationImage" => Endpoint::AuthenticationImage(classifier(arg)?),
        "authenticationLivenessImage" => Endpoint::AuthenticationLivenessImage(arg),
        "dvStatus" => Endpoint::DvStatus,
        "dvDetails" => Endpoint::DvDetails,
        "dvDocument" => Endpoint::DvDocument,
        "dvTransaction" => Endpoint::DvTransaction,
        "dvPages" => Endpoint::DvPages,
        "dvPage" => Endpoint::DvPage(arg, hint),
        "creditCard" => Endpoint::CreditCard(hint),
        "creditCardFront" => Endpoint::CreditCardFront(hint),
        "deleteScan" => Endpoint::DeleteScan,
        "deleteAuthentication" => Endpoint::DeleteAuthentication,
        "deleteDocument" => Endpoint::DeleteDocument,
        _ => {
            return Err(error::argument(
                "endpoint: not a Retrieval API endpoint",
                "endpoint",
            ))
        }
    })
}

/// The typed model of a JSON endpoint, as JSON text for `parseExact`
/// (every endpoint answering JSON has a model: see [`JsonModel::of`]).
fn decode_for(
    endpoint: &Endpoint,
    fetched: &Fetched,
    since: Option<Duration>,
) -> Result<String, RetrievalError> {
    let model =
        JsonModel::of(endpoint).ok_or_else(|| RetrievalError::transport("not a JSON endpoint"))?;
    let json = model.decode_json(endpoint, &fetched.raw(), since)?;
    Ok(crate::exact::exact_json_text(&json))
}

/// Sans I/O: classifies a response received from the JSON endpoint `model`
/// (camelCase, as the client's method: `scanDetails`) and decodes it, as
/// JSON text for `parseExact`; redacted on request where the model has a
/// redacted form.
#[wasm_bindgen(js_name = decodeRetrievalResponse)]
#[allow(clippy::too_many_arguments)]
pub fn decode_retrieval_response(
    model: &str,
    body: &[u8],
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    since_scan_ms: Option<f64>,
    redact: bool,
) -> Result<String, JsValue> {
    let m = JsonModel::from_name(model).ok_or_else(|| {
        error::argument(
            "model: not a Retrieval API endpoint that answers JSON",
            "model",
        )
    })?;
    let raw = RawResponse {
        status,
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
        body,
    };
    let since = since_scan_ms.map(|ms| Duration::from_secs_f64(ms.max(0.0) / 1000.0));
    let endpoint = m.endpoint();
    let json = if redact {
        m.decode_json_redacted(&endpoint, &raw, since)
            .map(Option::unwrap_or_default)
    } else {
        m.decode_json(&endpoint, &raw, since)
    };
    json.map(|j| crate::exact::exact_json_text(&j))
        .map_err(|e| error::retrieval(&e))
}

/// What a call resolves to: JSON text, an image `{ contentType, bytes }`,
/// or the HTTP status of a delete.
async fn call(request: Request, since: Option<Duration>) -> Result<JsValue, JsValue> {
    let fetched = fetch(&request).await.map_err(|e| error::retrieval(&e))?;
    let endpoint = request.endpoint.clone();
    match endpoint.body() {
        retrieval::request::Body::Json => decode_for(&endpoint, &fetched, since)
            .map(|s| JsValue::from_str(&s))
            .map_err(|e| error::retrieval(&e)),
        retrieval::request::Body::Image => {
            let image = retrieval::image(&endpoint, &fetched.raw(), since)
                .map_err(|e| error::retrieval(&e))?;
            let o = js_sys::Object::new();
            error::set(&o, "contentType", &JsValue::from_str(&image.content_type));
            error::set(
                &o,
                "bytes",
                &js_sys::Uint8Array::from(image.bytes.as_slice()).into(),
            );
            Ok(o.into())
        }
        retrieval::request::Body::Empty => {
            retrieval::classify(&endpoint, &fetched.raw(), since)
                .map_err(|e| error::retrieval(&e))?;
            Ok(JsValue::from(fetched.status))
        }
    }
}

fn now() -> Duration {
    Duration::from_secs_f64(js_sys::Date::now().max(0.0) / 1000.0)
}

async fn sleep(d: Duration) {
    let ms = d.as_secs_f64() * 1000.0;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let global = js_sys::global();
        let set_timeout = js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match set_timeout {
            Some(f) => {
                let _ = f.call2(&global, &resolve, &JsValue::from(ms));
            }
            None => {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[wasm_bindgen(js_class = RetrievalClient)]
impl RetrievalClient {
    /// A client. `base` is a region (`us`, `eu`, `sgp`) or one base URL for
    /// every service (a sandbox, or your own server's proxy).
    #[wasm_bindgen(constructor)]
    pub fn new(
        token: &str,
        secret: &str,
        user_agent: &str,
        base: &str,
    ) -> Result<RetrievalClient, JsValue> {
        let credentials = Credentials::new(token, secret).map_err(request_error)?;
        let user_agent = UserAgent::new(user_agent).map_err(request_error)?;
        let base = match base {
            "us" => BaseUrls::region(Region::Us),
            "eu" => BaseUrls::region(Region::Eu),
            "sgp" => BaseUrls::region(Region::Sgp),
            url => BaseUrls::single(url).map_err(request_error)?,
        };
        Ok(RetrievalClient {
            requests: Rc::new(RequestBuilder::new(credentials, user_agent, base)),
        })
    }

    /// Calls one endpoint (by its method name in the wrapper); `arg` is the
    /// image classifier (0 front, 1 face, 2 back), liveness image or page
    /// number; `since_scan_ms` how long ago the scan finished, if known.
    pub fn call(
        &self,
        endpoint: &str,
        reference: &str,
        arg: u32,
        unmasked: bool,
        since_scan_ms: Option<f64>,
    ) -> Result<js_sys::Promise, JsValue> {
        let endpoint = endpoint_of(endpoint, arg, unmasked)?;
        let request = self
            .requests
            .build(endpoint, reference)
            .map_err(request_error)?;
        let since = since_scan_ms.map(|ms| Duration::from_secs_f64(ms.max(0.0) / 1000.0));
        Ok(future_to_promise(call(request, since)))
    }

    /// Downloads a URL the API returned (`href`s), refused unless under a
    /// configured base URL.
    pub fn download(&self, url: &str) -> Result<js_sys::Promise, JsValue> {
        let request = self
            .requests
            .follow(Endpoint::ScanImages, url)
            .ok_or_else(|| request_error(retrieval::RequestError::BaseUrl))?;
        let image = async move {
            let fetched = fetch(&request).await.map_err(|e| error::retrieval(&e))?;
            let image = retrieval::image(&request.endpoint, &fetched.raw(), None)
                .map_err(|e| error::retrieval(&e))?;
            let o = js_sys::Object::new();
            error::set(&o, "contentType", &JsValue::from_str(&image.content_type));
            error::set(
                &o,
                "bytes",
                &js_sys::Uint8Array::from(image.bytes.as_slice()).into(),
            );
            Ok(o.into())
        };
        Ok(future_to_promise(image))
    }

    /// Polls the status on the schedule (seconds after acquisition; the
    /// spec's by default) until it is not `PENDING`; resolves to the last
    /// status response as JSON text.
    #[wasm_bindgen(js_name = waitForScan)]
    pub fn wait_for_scan(
        &self,
        reference: &str,
        since_acquisition_ms: f64,
        schedule_seconds: Option<Vec<f64>>,
        daily_attempts: u32,
    ) -> Result<js_sys::Promise, JsValue> {
        let request = self
            .requests
            .build(Endpoint::ScanStatus, reference)
            .map_err(request_error)?;
        let schedule = match schedule_seconds {
            None => PollSchedule::recommended(),
            Some(s) => PollSchedule::custom(
                s.into_iter()
                    .map(|x| Duration::from_secs_f64(if x.is_finite() { x.max(0.0) } else { 0.0 })),
            ),
        };
        let since = Duration::from_secs_f64(since_acquisition_ms.max(0.0) / 1000.0);
        let wait = async move {
            let start = now().saturating_sub(since);
            let mut poller = Poller::with_schedule(start, schedule, daily_attempts);
            let mut last: Option<String> = None;
            loop {
                let at = now();
                match poller.action(at) {
                    PollAction::Wait(d) => sleep(d).await,
                    PollAction::Poll => {
                        let outcome = match fetch(&request).await {
                            Ok(f) => retrieval::decode::<ScanStatusResponse>(
                                &request.endpoint,
                                &f.raw(),
                                None,
                            ),
                            Err(e) => Err(e),
                        };
                        match outcome {
                            Ok(status) => {
                                let seen = status.status.clone().unwrap_or(ScanStatus::Pending);
                                last = serde_json::to_string(&status).ok();
                                poller.observe(&seen, at);
                            }
                            Err(e) => {
                                poller.observe_error(e, at);
                            }
                        }
                    }
                    PollAction::Final(_) => {
                        return last.map(|s| JsValue::from_str(&s)).ok_or_else(|| {
                            error::retrieval(&RetrievalError::transport("no status"))
                        })
                    }
                    PollAction::Failed(e) => return Err(error::retrieval(&e)),
                    PollAction::GaveUp { attempts } => {
                        return Err(error::retrieval(&RetrievalError {
                            kind: retrieval::ErrorKind::StillPending { attempts },
                            status: None,
                            retry: retrieval::RetryHint::After(retrieval::poll::DAY),
                        }))
                    }
                }
            }
        };
        Ok(future_to_promise(wait))
    }
}

/// The spec's polling offsets, in seconds after image acquisition.
#[wasm_bindgen(js_name = recommendedPollSchedule)]
pub fn recommended_poll_schedule() -> Vec<f64> {
    retrieval::poll::RECOMMENDED_SECONDS
        .iter()
        .map(|&s| s as f64)
        .collect()
}
