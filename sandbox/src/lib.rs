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
//!
//! # Limits
//!
//! Loopback is no defence against a hostile page in a browser or a stuck
//! client, so every resource a client can hold is bounded ([`Config`] and the
//! command line set each; defaults in [`defaults`]):
//!
//! | what | default | enforced by | on breach |
//! | --- | --- | --- | --- |
//! | open connections | 256 | accept loop: holds the one it accepted until a slot frees | the rest wait in the kernel's backlog; one idle keep-alive connection is closed to make room |
//! | request head (from the connection's start, or its first byte on a kept-alive one) | 10 s | connection watchdog | connection closed |
//! | idle keep-alive, or a client not reading its answer | 60 s | connection watchdog | connection closed |
//! | request head size | 32 KiB | hyper | 431, closed |
//! | request body, whole | 30 s | router, before routing | 408, closed |
//! | request body size (`Content-Length` checked before reading) | 2 MiB | router, before routing | 413, closed |
//! | `/admin/scans` body size | 64 KiB | router, before routing | 413 `scan_too_large` |
//! | stored scans | 10,000 | store | 507 `store_full` |
//! | stored scan data, compact JSON | 32 MiB | store | 507 `store_full` |
//!
//! The admin endpoint's errors are JSON, `{"error": code, "message": text}`,
//! and never quote the posted body: a scan may hold card numbers and names,
//! which serde's messages would repeat.

mod api;
pub mod callback;
mod mobicard;
mod server;
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
    /// A request head must be complete this long after the connection
    /// opens, or after its first byte on a kept-alive connection.
    pub header_timeout: Duration,
    /// A request body must be complete this long after its head.
    pub body_timeout: Duration,
    /// A connection with no request in progress and nothing written is
    /// closed after this long.
    pub idle_timeout: Duration,
    /// Connections served at once; more wait in the listen backlog, and an
    /// idle keep-alive connection is closed to make room for one.
    pub max_connections: usize,
    /// Request body bytes (on `/admin/` routes: `max_scan_bytes`).
    pub max_body_bytes: usize,
    /// Scans held at once (`--data` ones included).
    pub max_scans: usize,
    /// Body bytes of one `POST /admin/scans`.
    pub max_scan_bytes: usize,
    /// What all stored scans hold: each counts its data as compact JSON
    /// (the sample's size for a scan without `data`), plus its reference,
    /// final status and `failNext`.
    pub max_store_bytes: usize,
}

/// The defaults of [`Config`]'s limits, also the command line's.
pub mod defaults {
    /// [`Config::header_timeout`](crate::Config::header_timeout), in ms.
    pub const HEADER_TIMEOUT_MS: u64 = 10_000;
    /// [`Config::body_timeout`](crate::Config::body_timeout), in ms.
    pub const BODY_TIMEOUT_MS: u64 = 30_000;
    /// [`Config::idle_timeout`](crate::Config::idle_timeout), in ms.
    pub const IDLE_TIMEOUT_MS: u64 = 60_000;
    /// [`Config::max_connections`](crate::Config::max_connections).
    pub const MAX_CONNECTIONS: usize = 256;
    /// [`Config::max_body_bytes`](crate::Config::max_body_bytes): 2 MiB,
    /// axum's own default, so a MobiCard photo fits as before.
    pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
    /// [`Config::max_scans`](crate::Config::max_scans).
    pub const MAX_SCANS: usize = 10_000;
    /// [`Config::max_scan_bytes`](crate::Config::max_scan_bytes): 64 KiB,
    /// some 50 times the spec's largest sample.
    pub const MAX_SCAN_BYTES: usize = 64 * 1024;
    /// [`Config::max_store_bytes`](crate::Config::max_store_bytes): 32 MiB.
    pub const MAX_STORE_BYTES: usize = 32 * 1024 * 1024;
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
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .field("max_connections", &self.max_connections)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_scans", &self.max_scans)
            .field("max_scan_bytes", &self.max_scan_bytes)
            .field("max_store_bytes", &self.max_store_bytes)
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
            header_timeout: Duration::from_millis(defaults::HEADER_TIMEOUT_MS),
            body_timeout: Duration::from_millis(defaults::BODY_TIMEOUT_MS),
            idle_timeout: Duration::from_millis(defaults::IDLE_TIMEOUT_MS),
            max_connections: defaults::MAX_CONNECTIONS,
            max_body_bytes: defaults::MAX_BODY_BYTES,
            max_scans: defaults::MAX_SCANS,
            max_scan_bytes: defaults::MAX_SCAN_BYTES,
            max_store_bytes: defaults::MAX_STORE_BYTES,
        }
    }
}

impl Config {
    /// Refuses limits that would make the sandbox useless: a zero timeout
    /// closes every connection at once, zero connections serve nothing.
    fn check(&self) -> Result<(), String> {
        let zero = [
            ("header_timeout", self.header_timeout.is_zero()),
            ("body_timeout", self.body_timeout.is_zero()),
            ("idle_timeout", self.idle_timeout.is_zero()),
            ("max_connections", self.max_connections == 0),
            ("max_body_bytes", self.max_body_bytes == 0),
            ("max_scans", self.max_scans == 0),
            ("max_scan_bytes", self.max_scan_bytes == 0),
            ("max_store_bytes", self.max_store_bytes == 0),
        ];
        match zero.iter().find(|(_, z)| *z) {
            Some((name, _)) => Err(format!("{name} must be more than zero")),
            None => Ok(()),
        }
    }

    fn limits(&self) -> server::Limits {
        server::Limits {
            header_timeout: self.header_timeout,
            idle_timeout: self.idle_timeout,
            max_connections: self.max_connections,
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
    let limits = config.limits();
    let app = api::router(config, format!("http://{addr}")).map_err(invalid)?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(server::run(listener, app, limits, async {
            let _ = rx.await;
        }));
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
    let limits = config.limits();
    let app = api::router(config, format!("http://{addr}")).map_err(invalid)?;
    server::run(listener, app, limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}
