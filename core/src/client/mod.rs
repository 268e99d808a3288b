//! The blocking Retrieval API client (feature `client`): the sans-I/O
//! [`crate::retrieval`] requests and classification over `ureq` with rustls.
//!
//! ```no_run
//! use scankit::client::RetrievalClient;
//! use scankit::retrieval::{BaseUrls, Credentials, Region, RequestBuilder, UserAgent};
//! let requests = RequestBuilder::new(
//!     Credentials::new("token", "secret")?,
//!     UserAgent::new("Example Corp SampleApp/1.0.1")?,
//!     BaseUrls::region(Region::Eu),
//! );
//! let client = RetrievalClient::new(requests);
//! let status = client.wait_for_scan("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", Default::default())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod clock;

pub use clock::{Clock, Sleeper, SystemClock};

use crate::retrieval::classify::{self, ErrorKind, Image, RawResponse, RetrievalError, RetryHint};
use crate::retrieval::poll::{PollAction, PollSchedule, Poller, DAY};
use crate::retrieval::*;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

/// A blocking client: one method per endpoint, and [`wait_for_scan`](Self::wait_for_scan).
/// Cheap to clone; clones share connections.
#[derive(Clone)]
pub struct RetrievalClient {
    agent: ureq::Agent,
    requests: RequestBuilder,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    max_body_bytes: u64,
}

impl std::fmt::Debug for RetrievalClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RetrievalClient")
            .field("requests", &self.requests)
            .finish_non_exhaustive()
    }
}

/// Options of [`RetrievalClient::wait_for_scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitOptions {
    /// How long ago the images were acquired (the schedule counts from then).
    pub since_acquisition: Duration,
    /// The offsets to poll at (the spec's by default).
    pub schedule: PollSchedule,
    /// Daily polls after the schedule's offsets (0 by default: a blocking
    /// call should not wait for days unless asked to).
    pub daily_attempts: u32,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            since_acquisition: Duration::ZERO,
            schedule: PollSchedule::recommended(),
            daily_attempts: 0,
        }
    }
}

impl RetrievalClient {
    /// A client with a 30 s timeout per request and the system clock.
    pub fn new(requests: RequestBuilder) -> Self {
        Self::with_timeout(requests, Duration::from_secs(30))
    }

    /// A client with the given timeout per request (connect to last byte).
    pub fn with_timeout(requests: RequestBuilder, timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            // The API does not redirect; never carry credentials elsewhere.
            .max_redirects(0)
            // Keep connections for a client shared across threads.
            .max_idle_connections(64)
            .max_idle_connections_per_host(64)
            .build();
        let clock = Arc::new(SystemClock::new());
        RetrievalClient {
            agent: config.into(),
            requests,
            clock: clock.clone(),
            sleeper: clock,
            max_body_bytes: 64 * 1024 * 1024,
        }
    }

    /// Replaces the clock and sleeper of [`wait_for_scan`](Self::wait_for_scan) (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>, sleeper: Arc<dyn Sleeper>) -> Self {
        self.clock = clock;
        self.sleeper = sleeper;
        self
    }

    /// The request builder in use.
    pub fn requests(&self) -> &RequestBuilder {
        &self.requests
    }

    /// Sends a built request and returns the classified body.
    pub fn send(
        &self,
        request: &Request,
        since_scan: Option<Duration>,
    ) -> Result<Sent, RetrievalError> {
        let call = match request.method {
            Method::Get => self.agent.get(&request.url),
            Method::Delete => self.agent.delete(&request.url),
        };
        let call = request
            .headers()
            .iter()
            .fold(call, |c, (name, value)| c.header(*name, *value));
        let mut response = call.call().map_err(transport)?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let retry_after = header("retry-after");
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(self.max_body_bytes)
            .read_to_vec()
            .map_err(transport)?;
        let sent = Sent {
            endpoint: request.endpoint.clone(),
            status,
            content_type,
            retry_after,
            body,
            since_scan,
        };
        classify::classify(&sent.endpoint, &sent.raw(), since_scan)?;
        Ok(sent)
    }

    fn json<T: DeserializeOwned>(
        &self,
        endpoint: Endpoint,
        reference: &str,
    ) -> Result<T, RetrievalError> {
        let request = self.requests.build(endpoint, reference)?;
        self.send(&request, None)?.json()
    }

    fn image(
        &self,
        endpoint: Endpoint,
        reference: &str,
        since: Option<Duration>,
    ) -> Result<Image, RetrievalError> {
        let request = self.requests.build(endpoint, reference)?;
        self.send(&request, since)?.image()
    }

    /// `GET …/scans/<ref>`.
    pub fn scan_status(&self, reference: &str) -> Result<ScanStatusResponse, RetrievalError> {
        self.json(Endpoint::ScanStatus, reference)
    }

    /// `GET …/scans/<ref>/data`.
    pub fn scan_details(&self, reference: &str) -> Result<ScanDetails, RetrievalError> {
        self.json(Endpoint::ScanDetails, reference)
    }

    /// `GET …/scans/<ref>/data/document`.
    pub fn scan_document(&self, reference: &str) -> Result<ScanDocument, RetrievalError> {
        self.json(Endpoint::ScanDocument, reference)
    }

    /// `GET …/scans/<ref>/data/transaction`.
    pub fn scan_transaction(&self, reference: &str) -> Result<ScanTransaction, RetrievalError> {
        self.json(Endpoint::ScanTransaction, reference)
    }

    /// `GET …/scans/<ref>/data/verification`.
    pub fn scan_verification(&self, reference: &str) -> Result<ScanVerification, RetrievalError> {
        self.json(Endpoint::ScanVerification, reference)
    }

    /// `GET …/scans/<ref>/images`.
    pub fn scan_images(&self, reference: &str) -> Result<ScanImages, RetrievalError> {
        self.json(Endpoint::ScanImages, reference)
    }

    /// `GET …/scans/<ref>/images/<classifier>`.
    pub fn scan_image(
        &self,
        reference: &str,
        classifier: ImageClassifier,
    ) -> Result<Image, RetrievalError> {
        self.image(Endpoint::ScanImage(classifier), reference, None)
    }

    /// `GET …/scans/<ref>/images/liveness/<n>`.
    pub fn scan_liveness_image(
        &self,
        reference: &str,
        number: u32,
    ) -> Result<Image, RetrievalError> {
        self.image(Endpoint::ScanLivenessImage(number), reference, None)
    }

    /// `GET …/authentications/<ref>`.
    pub fn authentication(&self, reference: &str) -> Result<AuthenticationDetails, RetrievalError> {
        self.json(Endpoint::Authentication, reference)
    }

    /// `GET …/authentications/<ref>/images/<classifier>`.
    pub fn authentication_image(
        &self,
        reference: &str,
        classifier: ImageClassifier,
    ) -> Result<Image, RetrievalError> {
        self.image(Endpoint::AuthenticationImage(classifier), reference, None)
    }

    /// `GET …/authentications/<ref>/images/liveness/<n>`.
    pub fn authentication_liveness_image(
        &self,
        reference: &str,
        number: u32,
    ) -> Result<Image, RetrievalError> {
        self.image(
            Endpoint::AuthenticationLivenessImage(number),
            reference,
            None,
        )
    }

    /// `GET …/documents/<ref>`.
    pub fn dv_status(&self, reference: &str) -> Result<DvStatusResponse, RetrievalError> {
        self.json(Endpoint::DvStatus, reference)
    }

    /// `GET …/documents/<ref>/data`.
    pub fn dv_details(&self, reference: &str) -> Result<DvDetails, RetrievalError> {
        self.json(Endpoint::DvDetails, reference)
    }

    /// `GET …/documents/<ref>/data/document`.
    pub fn dv_document(&self, reference: &str) -> Result<DvRetrievedDocument, RetrievalError> {
        self.json(Endpoint::DvDocument, reference)
    }

    /// `GET …/documents/<ref>/data/transaction`.
    pub fn dv_transaction(&self, reference: &str) -> Result<DvTransactionResponse, RetrievalError> {
        self.json(Endpoint::DvTransaction, reference)
    }

    /// `GET …/documents/<ref>/pages`.
    pub fn dv_pages(&self, reference: &str) -> Result<DvPages, RetrievalError> {
        self.json(Endpoint::DvPages, reference)
    }

    /// `GET …/documents/<ref>/pages/<page>`.
    pub fn dv_page(
        &self,
        reference: &str,
        page: u32,
        mask: MaskHint,
    ) -> Result<Image, RetrievalError> {
        self.image(Endpoint::DvPage(page, mask), reference, None)
    }

    /// `GET …/netswipe/v1/scans/<ref>/creditCard`. `since_scan`: how long
    /// ago the scan finished, if known, to tell "not ready" from "not found".
    pub fn credit_card(
        &self,
        reference: &str,
        mask: MaskHint,
        since_scan: Option<Duration>,
    ) -> Result<CreditCardData, RetrievalError> {
        let request = self.requests.build(Endpoint::CreditCard(mask), reference)?;
        self.send(&request, since_scan)?.json()
    }

    /// Retrieves credit card data, waiting while it is not ready: the spec
    /// says it can take up to 5 minutes, so a 404 is retried (as hinted,
    /// 30 s apart) until 5 minutes after the scan, then is "not found".
    /// 429 and 5xx are retried as hinted within the same window.
    /// `since_scan`: how long ago the scan finished.
    pub fn wait_for_credit_card(
        &self,
        reference: &str,
        mask: MaskHint,
        since_scan: Duration,
    ) -> Result<CreditCardData, RetrievalError> {
        let window = Endpoint::CreditCard(mask)
            .ready_within()
            .unwrap_or_default();
        // Ages count from this call, so a clock starting at zero works too.
        let base = self.clock.now();
        loop {
            let age = since_scan + self.clock.now().saturating_sub(base);
            match self.credit_card(reference, mask, Some(age)) {
                Err(RetrievalError {
                    retry: RetryHint::After(wait),
                    ..
                }) if age + wait < window => self.sleeper.sleep(wait),
                Err(e) if e.kind == ErrorKind::NotReady => {
                    // Sleep to the end of the window, then ask once more.
                    self.sleeper.sleep(window.saturating_sub(age));
                }
                other => return other,
            }
        }
    }

    /// `GET …/netswipe/v1/scans/<ref>/images/front`.
    pub fn credit_card_front(
        &self,
        reference: &str,
        mask: MaskHint,
        since_scan: Option<Duration>,
    ) -> Result<Image, RetrievalError> {
        self.image(Endpoint::CreditCardFront(mask), reference, since_scan)
    }

    /// `DELETE …/scans/<ref>`: returns the HTTP status.
    pub fn delete_scan(&self, reference: &str) -> Result<u16, RetrievalError> {
        self.delete(Endpoint::DeleteScan, reference)
    }

    /// `DELETE …/authentications/<ref>`: returns the HTTP status.
    pub fn delete_authentication(&self, reference: &str) -> Result<u16, RetrievalError> {
        self.delete(Endpoint::DeleteAuthentication, reference)
    }

    /// `DELETE …/documents/<ref>`: returns the HTTP status.
    pub fn delete_document(&self, reference: &str) -> Result<u16, RetrievalError> {
        self.delete(Endpoint::DeleteDocument, reference)
    }

    fn delete(&self, endpoint: Endpoint, reference: &str) -> Result<u16, RetrievalError> {
        let request = self.requests.build(endpoint, reference)?;
        Ok(self.send(&request, None)?.status)
    }

    /// Downloads a URL the API returned (an `href`, `facemap.href`,
    /// `originalDocument`), refused unless under a configured base URL.
    pub fn download(&self, url: &str) -> Result<Image, RetrievalError> {
        let request = self
            .requests
            .follow(Endpoint::ScanImages, url)
            .ok_or(RequestError::BaseUrl)?;
        self.send(&request, None)?.image()
    }

    /// Polls the status on the schedule until it is not `PENDING`, sleeping
    /// in between; retryable errors (429, 5xx, transport) take their slot.
    /// Then retrieve details and images once, as the spec asks.
    pub fn wait_for_scan(
        &self,
        reference: &str,
        options: WaitOptions,
    ) -> Result<ScanStatusResponse, RetrievalError> {
        // Poller time is time since acquisition.
        let base = self.clock.now();
        let mut poller =
            Poller::with_schedule(Duration::ZERO, options.schedule, options.daily_attempts);
        let mut last = None;
        loop {
            let now = options.since_acquisition + self.clock.now().saturating_sub(base);
            match poller.action(now) {
                PollAction::Wait(d) => self.sleeper.sleep(d),
                PollAction::Poll => match self.scan_status(reference) {
                    Ok(status) => {
                        let seen = status.status.clone().unwrap_or(ScanStatus::Pending);
                        last = Some(status);
                        poller.observe(&seen, now);
                    }
                    Err(e) => {
                        poller.observe_error(e, now);
                    }
                },
                PollAction::Final(_) => {
                    return last.ok_or_else(|| RetrievalError::transport("no status"))
                }
                PollAction::Failed(e) => return Err(e),
                PollAction::GaveUp { attempts } => {
                    return Err(RetrievalError {
                        kind: ErrorKind::StillPending { attempts },
                        status: None,
                        retry: RetryHint::After(DAY),
                    })
                }
            }
        }
    }
}

/// A response that passed classification.
#[derive(Clone)]
pub struct Sent {
    endpoint: Endpoint,
    /// HTTP status (2xx).
    pub status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
    since_scan: Option<Duration>,
}

impl std::fmt::Debug for Sent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Sent({:?}, HTTP {}, {} bytes)",
            self.endpoint,
            self.status,
            self.body.len()
        )
    }
}

impl Sent {
    fn raw(&self) -> RawResponse<'_> {
        RawResponse {
            status: self.status,
            content_type: self.content_type.as_deref(),
            retry_after: self.retry_after.as_deref(),
            body: &self.body,
        }
    }

    /// The body decoded as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, RetrievalError> {
        classify::decode(&self.endpoint, &self.raw(), self.since_scan)
    }

    /// The body as an image.
    pub fn image(&self) -> Result<Image, RetrievalError> {
        classify::image(&self.endpoint, &self.raw(), self.since_scan)
    }
}

fn transport(e: ureq::Error) -> RetrievalError {
    let message = match &e {
        ureq::Error::Timeout(_) => "timeout".to_owned(),
        ureq::Error::Io(io) => format!("I/O: {}", io.kind()),
        ureq::Error::BodyExceedsLimit(n) => format!("body over {n} bytes"),
        other => other.to_string(),
    };
    RetrievalError::transport(message)
}
