//! `scankit-sandbox`: a local stand-in for the provider's Retrieval APIs
//! (ID Verification, Authentication, Document Verification, Credit Card),
//! for tests and demos, like stripe-mock is for Stripe.
//!
//! It listens on 127.0.0.1 only and behaves as the specs describe: Basic
//! auth, 403 without a `User-Agent` or for `maskhint=unmasked` unless
//! enabled, `PENDING` then `DONE`, 404 until a scan is ready and for
//! unknown or deleted ones, 429 over a request rate, DELETE, and CORS
//! headers so a browser page can call it. `POST /admin/scans` adds a scan.
//! `POST /api/v1/card_scan` is the MobiCard ScanAPI (HS256 token checked).

mod api;
pub mod callback;
mod mobicard;
mod store;

pub use store::{Kind, ScanSpec};

use std::net::SocketAddr;
use std::time::Duration;

/// How the sandbox behaves. `Debug` hides the secrets.
#[derive(Clone)]
pub struct Config {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Basic auth user-id (API token) required of every API request.
    pub token: String,
    /// Basic auth password (API secret).
    pub secret: String,
    /// Answer `maskhint=unmasked` instead of 403.
    pub allow_unmasked: bool,
    /// How long after it is added a scan is ready, unless it says otherwise.
    pub ready_after: Duration,
    /// Requests per second over which the API answers 429; 0: no limit.
    pub rate_limit: u32,
    /// Scans to add at start, e.g. from `--data DIR`.
    pub scans: Vec<ScanSpec>,
    /// MobiCard `mobicard_api_key` required in the token.
    pub mobicard_api_key: String,
    /// MobiCard secret key the token must be signed with.
    pub mobicard_secret: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("port", &self.port)
            .field("token", &self.token)
            .field("secret", &"[redacted]")
            .field("allow_unmasked", &self.allow_unmasked)
            .field("ready_after", &self.ready_after)
            .field("rate_limit", &self.rate_limit)
            .field("scans", &self.scans.len())
            .field("mobicard_api_key", &"[redacted]")
            .field("mobicard_secret", &"[redacted]")
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: 0,
            token: "sandbox-token".into(),
            secret: "sandbox-secret".into(),
            allow_unmasked: false,
            ready_after: Duration::ZERO,
            rate_limit: 0,
            scans: Vec::new(),
            mobicard_api_key: "sandbox-mobicard-key".into(),
            mobicard_secret: "sandbox-mobicard-secret".into(),
        }
    }
}

/// A sandbox running on a background thread; stops when dropped.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts a sandbox on its own thread and runtime (for blocking tests).
pub fn spawn(config: Config) -> std::io::Result<Running> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = runtime.block_on(bind(config.port))?;
    let addr = listener.local_addr()?;
    let app = api::router(config, format!("http://{addr}")).map_err(std::io::Error::other)?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
    });
    Ok(Running {
        addr,
        stop: Some(tx),
        thread: Some(thread),
    })
}

/// Binds 127.0.0.1 (never another interface).
pub async fn bind(port: u16) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await
}

/// Serves on a bound listener until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    let app = api::router(config, format!("http://{addr}")).map_err(std::io::Error::other)?;
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
