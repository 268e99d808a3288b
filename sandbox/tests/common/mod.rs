//! Shared by the sandbox's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::client::{Clock, RetrievalClient, Sleeper};
use scankit::retrieval::{BaseUrls, Credentials, RequestBuilder, UserAgent};
use scankit_sandbox::{spawn, Config, Running};
use std::sync::Mutex;
use std::time::Duration;

pub fn sandbox(config: Config) -> Running {
    spawn(config).expect("sandbox starts")
}

pub fn client_with(base: &str, token: &str, secret: &str) -> RetrievalClient {
    let requests = RequestBuilder::new(
        Credentials::new(token, secret).unwrap(),
        UserAgent::new("Scankit Tests/1.0").unwrap(),
        BaseUrls::single(base).unwrap(),
    );
    RetrievalClient::with_timeout(requests, Duration::from_secs(10))
}

pub fn client(base: &str) -> RetrievalClient {
    client_with(base, "sandbox-token", "sandbox-secret")
}

/// Adds a scan through the admin endpoint.
pub fn add(base: &str, spec: serde_json::Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let r = agent
        .post(format!("{base}/admin/scans"))
        .header("Content-Type", "application/json")
        .send(spec.to_string())
        .unwrap();
    assert_eq!(r.status().as_u16(), 201, "admin add");
}

/// A clock that only moves when slept on; each sleep is recorded and
/// really waits `real` (zero for the whole-schedule test).
pub struct FakeClock {
    pub now: Mutex<Duration>,
    pub sleeps: Mutex<Vec<Duration>>,
    pub real: Duration,
}

impl FakeClock {
    pub fn new(real: Duration) -> Self {
        FakeClock {
            now: Mutex::new(Duration::ZERO),
            sleeps: Mutex::new(Vec::new()),
            real,
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Duration {
        *self.now.lock().unwrap()
    }
}

impl Sleeper for FakeClock {
    fn sleep(&self, d: Duration) {
        *self.now.lock().unwrap() += d;
        self.sleeps.lock().unwrap().push(d);
        std::thread::sleep(self.real);
    }
}
