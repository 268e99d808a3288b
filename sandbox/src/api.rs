//! Routes, the checks every API request passes, and the admin endpoint.

use crate::store::{key, valid_reference, Answer, Kind, Resource, Scan, ScanSpec, Store};
use crate::Config;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

struct App {
    config: Config,
    base: String,
    authorization: String,
    store: RwLock<Store>,
    window: Mutex<(Instant, u32)>,
}

type Shared = Arc<App>;

pub(crate) fn router(config: Config, base: String) -> Result<Router, String> {
    let authorization = scankit::retrieval::Credentials::new(&config.token, &config.secret)
        .map_err(|e| e.to_string())?
        .authorization()
        .expose()
        .to_owned();
    let mut store = Store::new();
    for spec in config.scans.clone() {
        let (k, scan) = Scan::from_spec(spec, config.ready_after)?;
        store.insert(k, scan);
    }
    let app = Arc::new(App {
        config,
        base,
        authorization,
        store: RwLock::new(store),
        window: Mutex::new((Instant::now(), 0)),
    });
    let id = "/api/netverify/v2/scans/{r}";
    let au = "/api/netverify/v2/authentications/{r}";
    let dv = "/api/netverify/v2/documents/{r}";
    let cc = "/api/netswipe/v1/scans/{r}";
    let api = Router::new()
        .route(
            id,
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Status)
            })
            .delete(|s: State<Shared>, p: Path<String>| delete(s, p, Kind::IdVerification)),
        )
        .route(
            &format!("{id}/data"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Details)
            }),
        )
        .route(
            &format!("{id}/data/document"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Part("document"))
            }),
        )
        .route(
            &format!("{id}/data/transaction"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Part("transaction"))
            }),
        )
        .route(
            &format!("{id}/data/verification"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Part("verification"))
            }),
        )
        .route(
            &format!("{id}/images"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Images)
            }),
        )
        .route(
            &format!("{id}/images/{{c}}"),
            get(|s: State<Shared>, Path((r, c)): Path<(String, String)>| {
                image(s, r, c, Kind::IdVerification)
            }),
        )
        .route(
            &format!("{id}/images/liveness/{{n}}"),
            get(|s: State<Shared>, Path((r, _n)): Path<(String, u32)>| {
                at(s, Path(r), Kind::IdVerification, Resource::Image)
            }),
        )
        .route(
            &format!("{id}/facemap"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::IdVerification, Resource::Facemap)
            }),
        )
        .route(
            au,
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::Authentication, Resource::Status)
            })
            .delete(|s: State<Shared>, p: Path<String>| delete(s, p, Kind::Authentication)),
        )
        .route(
            &format!("{au}/images/{{c}}"),
            get(|s: State<Shared>, Path((r, c)): Path<(String, String)>| {
                image(s, r, c, Kind::Authentication)
            }),
        )
        .route(
            &format!("{au}/images/liveness/{{n}}"),
            get(|s: State<Shared>, Path((r, _n)): Path<(String, u32)>| {
                at(s, Path(r), Kind::Authentication, Resource::Image)
            }),
        )
        .route(
            dv,
            get(|s: State<Shared>, p: Path<String>| at(s, p, Kind::Document, Resource::Status))
                .delete(|s: State<Shared>, p: Path<String>| delete(s, p, Kind::Document)),
        )
        .route(
            &format!("{dv}/data"),
            get(|s: State<Shared>, p: Path<String>| at(s, p, Kind::Document, Resource::Details)),
        )
        .route(
            &format!("{dv}/data/document"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::Document, Resource::Part("document"))
            }),
        )
        .route(
            &format!("{dv}/data/transaction"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::Document, Resource::Part("transaction"))
            }),
        )
        .route(
            &format!("{dv}/pages"),
            get(|s: State<Shared>, p: Path<String>| at(s, p, Kind::Document, Resource::Pages)),
        )
        .route(
            &format!("{dv}/pages/{{n}}"),
            get(|s: State<Shared>, Path((r, _n)): Path<(String, u32)>| {
                at(s, Path(r), Kind::Document, Resource::Page)
            }),
        )
        .route(
            &format!("{dv}/original"),
            get(|s: State<Shared>, p: Path<String>| at(s, p, Kind::Document, Resource::Original)),
        )
        .route(
            &format!("{cc}/creditCard"),
            get(|s: State<Shared>, p: Path<String>, u: Uri| async move {
                let unmasked = unmasked(&u);
                at(s, p, Kind::CreditCard, Resource::CreditCard { unmasked }).await
            }),
        )
        .route(
            &format!("{cc}/images/front"),
            get(|s: State<Shared>, p: Path<String>| {
                at(s, p, Kind::CreditCard, Resource::CardFront)
            }),
        )
        .layer(middleware::from_fn_with_state(app.clone(), guard));
    Ok(api
        .route("/admin/scans", post(add_scan))
        .route("/admin/health", get(|| async { "ok" }))
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

/// The checks of the specs, in order: rate, `User-Agent`, Basic auth, `maskhint`.
async fn guard(State(app): State<Shared>, request: Request, next: Next) -> Response {
    if app.config.rate_limit > 0 {
        let over = {
            let mut w = app.window.lock().unwrap_or_else(|e| e.into_inner());
            if w.0.elapsed().as_secs() >= 1 {
                *w = (Instant::now(), 0);
            }
            w.1 += 1;
            w.1 > app.config.rate_limit
        };
        if over {
            return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
        }
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
    Path(reference): Path<String>,
    kind: Kind,
    resource: Resource,
) -> Response {
    if !valid_reference(&reference) {
        return status(404);
    }
    let answer = {
        let mut store = app.store.write().unwrap_or_else(|e| e.into_inner());
        match store.get_mut(&(key(kind), reference.clone())) {
            Some(scan) => scan.answer(&reference, resource, &app.base, &now()),
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

async fn image(s: State<Shared>, reference: String, classifier: String, kind: Kind) -> Response {
    let known: &[&str] = match kind {
        Kind::Authentication => &["face"],
        _ => &["front", "back", "face"],
    };
    if !known.contains(&classifier.as_str()) {
        return status(404);
    }
    at(s, Path(reference), kind, Resource::Image).await
}

async fn delete(State(app): State<Shared>, Path(reference): Path<String>, kind: Kind) -> Response {
    let removed = app
        .store
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&(key(kind), reference))
        .is_some();
    status(if removed { 200 } else { 404 })
}

async fn add_scan(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        )
            .into_response();
    }
    let spec: ScanSpec = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => return (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    match Scan::from_spec(spec, app.config.ready_after) {
        Ok((k, scan)) => {
            let reference = k.1.clone();
            app.store
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(k, scan);
            (
                StatusCode::CREATED,
                Json(serde_json::json!({ "reference": reference })),
            )
                .into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, e).into_response(),
    }
}
