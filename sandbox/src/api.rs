//! Routes, the checks every API request passes, and the admin endpoint.

use crate::mobicard::MobiCard;
use crate::store::{key, valid_reference, Answer, Kind, Resource, Scan, ScanSpec, Store};
use crate::Config;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

struct App {
    mobicard: MobiCard,
    config: Config,
    base: String,
    authorization: String,
    store: RwLock<Store>,
    window: Mutex<(Instant, u32)>,
}

type Shared = Arc<App>;

use Kind::{Authentication as Au, CreditCard as Cc, Document as Dv, IdVerification as Id};

/// Every path the sandbox serves, with the API and resource it answers.
/// The transaction reference is `{r}`; `{c}` an image classifier, `{n}` a number.
#[rustfmt::skip]
const ROUTES: &[(&str, Kind, Resource)] = &[
    ("/api/netverify/v2/scans/{r}", Id, Resource::Status),
    ("/api/netverify/v2/scans/{r}/data", Id, Resource::Details),
    ("/api/netverify/v2/scans/{r}/data/document", Id, Resource::Part("document")),
    ("/api/netverify/v2/scans/{r}/data/transaction", Id, Resource::Part("transaction")),
    ("/api/netverify/v2/scans/{r}/data/verification", Id, Resource::Part("verification")),
    ("/api/netverify/v2/scans/{r}/images", Id, Resource::Images),
    ("/api/netverify/v2/scans/{r}/images/{c}", Id, Resource::Image),
    ("/api/netverify/v2/scans/{r}/images/liveness/{n}", Id, Resource::Image),
    ("/api/netverify/v2/scans/{r}/facemap", Id, Resource::Facemap),
    ("/api/netverify/v2/authentications/{r}", Au, Resource::Status),
    ("/api/netverify/v2/authentications/{r}/images/{c}", Au, Resource::Image),
    ("/api/netverify/v2/authentications/{r}/images/liveness/{n}", Au, Resource::Image),
    ("/api/netverify/v2/documents/{r}", Dv, Resource::Status),
    ("/api/netverify/v2/documents/{r}/data", Dv, Resource::Details),
    ("/api/netverify/v2/documents/{r}/data/document", Dv, Resource::Part("document")),
    ("/api/netverify/v2/documents/{r}/data/transaction", Dv, Resource::Part("transaction")),
    ("/api/netverify/v2/documents/{r}/pages", Dv, Resource::Pages),
    ("/api/netverify/v2/documents/{r}/pages/{n}", Dv, Resource::Page),
    ("/api/netverify/v2/documents/{r}/original", Dv, Resource::Original),
    ("/api/netswipe/v1/scans/{r}/creditCard", Cc, Resource::CreditCard { unmasked: false }),
    ("/api/netswipe/v1/scans/{r}/images/front", Cc, Resource::CardFront),
];

pub(crate) fn router(config: Config, base: String) -> Result<Router, String> {
    config.check()?;
    let authorization = scankit::retrieval::Credentials::new(&config.token, &config.secret)
        .map_err(|e| e.to_string())?
        .authorization()
        .expose()
        .to_owned();
    let mut store = Store::new(config.max_scans, config.max_store_bytes);
    for spec in config.scans.clone() {
        let (k, scan) = Scan::from_spec(spec, config.ready_after)?;
        store
            .insert(k, scan)
            .map_err(|full| format!("scans at start: {full}"))?;
    }
    let app = Arc::new(App {
        mobicard: MobiCard::new(
            config.mobicard_api_key.clone(),
            config.mobicard_secret.clone(),
        ),
        config,
        base,
        authorization,
        store: RwLock::new(store),
        window: Mutex::new((Instant::now(), 0)),
    });
    let mut api = Router::new();
    for &(path, kind, resource) in ROUTES {
        let mut route = get(
            move |s: State<Shared>, Path(p): Path<HashMap<String, String>>, uri: Uri| {
                at(s, p, uri, kind, resource)
            },
        );
        if resource == Resource::Status {
            route = route.delete(
                move |s: State<Shared>, Path(p): Path<HashMap<String, String>>| delete(s, p, kind),
            );
        }
        api = api.route(path, route);
    }
    let api = api.layer(middleware::from_fn_with_state(app.clone(), guard));
    Ok(api
        .route(scankit::mobicard::SCAN_PATH, post(card_scan))
        .route("/admin/scans", post(add_scan))
        .route("/admin/health", get(|| async { "ok" }))
        // `read_body` has read every body within its limit already; axum's
        // own 2 MB limit would only get in the way of a larger one.
        .layer(DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(app.clone(), read_body))
        .layer(middleware::from_fn(cors))
        .with_state(app))
}

fn unmasked(uri: &Uri) -> bool {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .any(|(k, v)| k == "maskhint" && v == "unmasked")
}

fn status(code: u16) -> Response {
    StatusCode::from_u16(code)
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// Counts a request in the current one-second window; true when over the limit.
fn over_rate(app: &App) -> bool {
    if app.config.rate_limit == 0 {
        return false;
    }
    let mut w = app.window.lock().unwrap_or_else(|e| e.into_inner());
    if w.0.elapsed().as_secs() >= 1 {
        *w = (Instant::now(), 0);
    }
    w.1 += 1;
    w.1 > app.config.rate_limit
}

/// The checks of the specs, in order: rate, `User-Agent`, Basic auth, `maskhint`.
async fn guard(State(app): State<Shared>, request: Request, next: Next) -> Response {
    if over_rate(&app) {
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
    }
    let headers = request.headers();
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if agent.trim().is_empty() {
        return status(403);
    }
    match headers.get(header::AUTHORIZATION) {
        None => return status(403),
        Some(v) if v.as_bytes() != app.authorization.as_bytes() => return status(401),
        Some(_) => {}
    }
    if unmasked(request.uri()) && !app.config.allow_unmasked {
        return status(403);
    }
    next.run(request).await
}

/// The sandbox's own errors: `{"error": code, "message": text}`. The text
/// is the sandbox's, never a client's.
fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": code, "message": message.into() });
    (status, Json(body)).into_response()
}

/// An answer after which the connection closes: sent before a body was
/// read whole, whose rest must not be taken for the next request.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Why a body was not read.
enum Unread {
    TooLarge,
    Broken,
}

/// Reads a body whole, refusing it once it passes `limit` (a chunked body
/// declares no length, so this is where it is cut).
async fn collect(mut body: Body, limit: usize) -> Result<Bytes, Unread> {
    let mut bytes = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.map_err(|_| Unread::Broken)?.into_data() else {
            continue; // trailers
        };
        if bytes.len() + data.len() > limit {
            return Err(Unread::TooLarge);
        }
        bytes.extend_from_slice(&data);
    }
    Ok(Bytes::from(bytes))
}

/// Reads every request's body before routing, within the size limit and
/// the body timeout, so no handler can be held by a slow or endless body
/// and none needs its own checks. A `Content-Length` over the limit is
/// refused before a byte of body is read (nor is `100 Continue` sent).
async fn read_body(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let admin = request.uri().path().starts_with("/admin/");
    let limit = if admin {
        app.config.max_scan_bytes
    } else {
        app.config.max_body_bytes
    };
    let too_large = || {
        let (code, what) = if admin {
            ("scan_too_large", "a scan")
        } else {
            ("body_too_large", "a request body")
        };
        closing(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            code,
            format!("{what} may have at most {limit} bytes"),
        ))
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large();
    }
    // Most requests are GETs without a body: nothing to read or time.
    if request.body().is_end_stream() {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(app.config.body_timeout, collect(body, limit)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(Unread::TooLarge)) => too_large(),
        Ok(Err(Unread::Broken)) => closing(error(
            StatusCode::BAD_REQUEST,
            "bad_body",
            "the request body could not be read",
        )),
        Err(_) => closing(error(
            StatusCode::REQUEST_TIMEOUT,
            "body_timeout",
            format!(
                "the request body did not arrive within {} ms",
                app.config.body_timeout.as_millis()
            ),
        )),
    }
}

/// CORS for every route, and the preflight answer.
async fn cors(request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        StatusCode::NO_CONTENT.into_response()
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, DELETE, POST, OPTIONS"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Authorization, Accept, Content-Type, User-Agent"),
    );
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("Retry-After"),
    );
    response
}

fn now() -> String {
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    time::OffsetDateTime::now_utc()
        .format(&f)
        .unwrap_or_default()
}

async fn at(
    State(app): State<Shared>,
    params: HashMap<String, String>,
    uri: Uri,
    kind: Kind,
    mut resource: Resource,
) -> Response {
    let reference = params.get("r").map(String::as_str).unwrap_or_default();
    let classifiers: &[&str] = match kind {
        Kind::Authentication => &["face"],
        _ => &["front", "back", "face"],
    };
    let bad_classifier = params
        .get("c")
        .is_some_and(|c| !classifiers.contains(&c.as_str()));
    let bad_number = params.get("n").is_some_and(|n| n.parse::<u32>().is_err());
    if !valid_reference(reference) || bad_classifier || bad_number {
        return status(404);
    }
    if let Resource::CreditCard { unmasked: u } = &mut resource {
        *u = unmasked(&uri);
    }
    let answer = {
        let mut store = app.store.write().unwrap_or_else(|e| e.into_inner());
        match store.get_mut(&(key(kind), reference.to_owned())) {
            Some(scan) => scan.answer(reference, resource, &app.base, &now()),
            None => Answer::Status(404),
        }
    };
    match answer {
        Answer::Json(code, body) => (status(code).status(), Json(body)).into_response(),
        Answer::Bytes(content_type, bytes) => {
            ([(header::CONTENT_TYPE, content_type)], Body::from(bytes)).into_response()
        }
        Answer::Status(code) => status(code),
    }
}

async fn delete(
    State(app): State<Shared>,
    params: HashMap<String, String>,
    kind: Kind,
) -> Response {
    let reference = params.get("r").cloned().unwrap_or_default();
    let removed = app
        .store
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&(key(kind), reference))
        .is_some();
    status(if removed { 200 } else { 404 })
}

/// `POST /admin/scans`. Errors are JSON (see [`error`]): 415
/// `unsupported_media_type`, 400 `invalid_scan` naming the field or the
/// place in the JSON (never its value), 507 `store_full` when the store
/// holds `max_scans` or its data would pass `max_store_bytes` (DELETE makes
/// room; retrying does not, hence not 429). 413 `scan_too_large` and 408
/// come from [`read_body`].
async fn add_scan(State(app): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "expected application/json",
        );
    }
    let scan =
        ScanSpec::from_json(&body).and_then(|spec| Scan::from_spec(spec, app.config.ready_after));
    let (k, scan) = match scan {
        Ok(s) => s,
        Err(e) => return error(StatusCode::BAD_REQUEST, "invalid_scan", e),
    };
    let reference = k.1.clone();
    let added = app
        .store
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(k, scan);
    match added {
        Ok(()) => (
            StatusCode::CREATED,
            Json(serde_json::json!({ "reference": reference })),
        )
            .into_response(),
        Err(full) => error(
            StatusCode::INSUFFICIENT_STORAGE,
            "store_full",
            format!("{full}; DELETE scans to make room"),
        ),
    }
}

/// MobiCard: the provider's own auth (a signed token in the body), so it
/// skips the Retrieval API's Basic auth; it shares the rate limit.
async fn card_scan(State(app): State<Shared>, body: axum::body::Bytes) -> Response {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let now = time::OffsetDateTime::now_utc()
        .format(&f)
        .unwrap_or_default();
    if over_rate(&app) {
        return Json(crate::mobicard::failed(429)).into_response();
    }
    Json(app.mobicard.answer(&body, &now)).into_response()
}
