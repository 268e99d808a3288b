//! The Retrieval APIs: credentials, the blocking client, the polling schedule.

use scankit::client as core_client;
use scankit::retrieval as core;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Why a request could not be built (bad credentials, User-Agent, reference
/// or base URL). Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum RequestError {
    /// An argument broke its rule.
    #[error("{reason}")]
    Invalid {
        /// `token`, `secret`, `userAgent`, `baseUrl` or the path parameter.
        field: String,
        /// What was wrong.
        reason: String,
    },
}

impl From<core::RequestError> for RequestError {
    fn from(e: core::RequestError) -> Self {
        let field = match &e {
            core::RequestError::Token => "token",
            core::RequestError::Secret => "secret",
            core::RequestError::UserAgent => "userAgent",
            core::RequestError::PathValue { field } => field,
            _ => "baseUrl",
        };
        RequestError::Invalid {
            field: field.to_owned(),
            reason: e.to_string(),
        }
    }
}

/// Why a retrieval failed. `code` is the core's stable code
/// (`unauthorized`, `forbidden`, `forbidden_unmasked`, `not_ready`,
/// `not_found`, `rate_limited`, `server_error`, `unexpected_status`,
/// `invalid_body`, `transport`, `invalid_request`, `still_pending`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum RetrievalError {
    /// Trying again later may succeed (`retryAfterMs` says when).
    #[error("{reason}")]
    Retryable {
        /// Stable code of the kind.
        code: String,
        /// HTTP status, when there was a response.
        http_status: Option<u16>,
        /// When to try again.
        retry_after_ms: u64,
        /// What went wrong.
        reason: String,
    },
    /// Retrying will not help.
    #[error("{reason}")]
    Fatal {
        /// Stable code of the kind.
        code: String,
        /// HTTP status, when there was a response.
        http_status: Option<u16>,
        /// What went wrong.
        reason: String,
    },
}

impl From<core::RetrievalError> for RetrievalError {
    fn from(e: core::RetrievalError) -> Self {
        let code = e.code().to_owned();
        let reason = e.to_string();
        match e.retry {
            core::RetryHint::After(d) => RetrievalError::Retryable {
                code,
                http_status: e.status,
                retry_after_ms: ms(d),
                reason,
            },
            _ => RetrievalError::Fatal {
                code,
                http_status: e.status,
                reason,
            },
        }
    }
}

impl From<core::RequestError> for RetrievalError {
    fn from(e: core::RequestError) -> Self {
        core::RetrievalError::from(e).into()
    }
}

/// The API secret. `toString()` / `description` never shows it.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct ApiSecret(core::ApiSecret);

impl std::fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::fmt::Display for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

#[uniffi::export]
impl ApiSecret {
    /// Wraps a secret (non-empty, no control characters).
    #[uniffi::constructor]
    pub fn new(secret: String) -> Result<Arc<Self>, RequestError> {
        Ok(Arc::new(ApiSecret(core::ApiSecret::new(secret)?)))
    }
}

/// API token and secret. `toString()` / `description` shows the token only.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct Credentials(core::Credentials);

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::fmt::Display for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

#[uniffi::export]
impl Credentials {
    /// Checks and wraps a token and secret.
    #[uniffi::constructor]
    pub fn new(token: String, secret: Arc<ApiSecret>) -> Result<Arc<Self>, RequestError> {
        let c = core::Credentials::new(token, secret.0.expose())?;
        Ok(Arc::new(Credentials(c)))
    }

    /// The API token.
    pub fn token(&self) -> String {
        self.0.token().to_owned()
    }
}

/// A data center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Region {
    /// United States.
    Us,
    /// European Union.
    Eu,
    /// Singapore.
    Sgp,
}

/// `maskhint` of credit card data and images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MaskHint {
    /// Masked (the default).
    Masked,
    /// Unmasked (must be enabled for the account).
    Unmasked,
}

impl From<MaskHint> for core::MaskHint {
    fn from(m: MaskHint) -> Self {
        match m {
            MaskHint::Masked => core::MaskHint::Masked,
            MaskHint::Unmasked => core::MaskHint::Unmasked,
        }
    }
}

/// Where the client sends requests.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Endpoints {
    /// The provider's URLs of a region.
    Provider {
        /// The region.
        region: Region,
    },
    /// One base URL for every service (the sandbox, a proxy).
    Single {
        /// `http(s)://host[:port][/prefix]`.
        base_url: String,
    },
}

/// A retrieved JSON document: `toJson()` is lossless (wire names);
/// `toString()` / `description` is redacted.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct Retrieved {
    json: String,
    redacted_debug: String,
}

impl std::fmt::Display for Retrieved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted_debug)
    }
}

impl Retrieved {
    fn of<T: serde::Serialize + std::fmt::Debug>(value: &T) -> Arc<Self> {
        Arc::new(Retrieved {
            json: serde_json::to_string(value).unwrap_or_default(),
            // The core's Debug output of every model is redacted.
            redacted_debug: format!("{value:?}"),
        })
    }
}

#[uniffi::export]
impl Retrieved {
    /// The document as JSON, with the wire's names. May hold personal data.
    pub fn to_json(&self) -> String {
        self.json.clone()
    }
}

/// `GET …/scans/<ref>`: the status to poll.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScanStatus {
    /// `scanReference`.
    pub scan_reference: Option<String>,
    /// `status` as on the wire (`PENDING`, `DONE`, `FAILED`); absent if missing.
    pub status: Option<String>,
    /// Whether polling can stop (`DONE`, `FAILED` or an unlisted value).
    pub is_final: bool,
    /// `timestamp` as on the wire.
    pub timestamp: Option<String>,
}

impl From<core::ScanStatusResponse> for ScanStatus {
    fn from(r: core::ScanStatusResponse) -> Self {
        ScanStatus {
            scan_reference: r.scan_reference,
            is_final: r.status.as_ref().is_some_and(|s| s.is_final()),
            status: r.status.map(|s| s.as_str().to_owned()),
            timestamp: r.timestamp.map(|t| t.raw().to_owned()),
        }
    }
}

/// An image: its content type and bytes.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct RetrievedImage {
    /// `Content-Type`, e.g. `image/png`.
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl From<core::Image> for RetrievedImage {
    fn from(i: core::Image) -> Self {
        RetrievedImage {
            content_type: i.content_type,
            bytes: i.bytes,
        }
    }
}

/// Credit card data. `toString()` / `description` is redacted whether it
/// was retrieved masked or not; the number is returned only by
/// `exposeCardNumber()`.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct CreditCardData(core::CreditCardData);

impl std::fmt::Display for CreditCardData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

#[uniffi::export]
impl CreditCardData {
    /// Whether the number came masked (the default).
    pub fn is_masked(&self) -> bool {
        self.0.is_masked()
    }

    /// `jumioRequestReference`.
    pub fn request_reference(&self) -> Option<String> {
        self.0.jumio_request_reference.clone()
    }

    /// The expiry month (1–12), when valid.
    pub fn expiry_month(&self) -> Option<u8> {
        self.0.expiry().map(|(m, _)| m)
    }

    /// The expiry year, when the month is valid too.
    pub fn expiry_year(&self) -> Option<u16> {
        self.0.expiry().map(|(_, y)| y)
    }

    /// The card number as retrieved: masked unless asked and enabled.
    pub fn expose_card_number(&self) -> Option<String> {
        self.0.card_number.clone()
    }

    /// The data as JSON, with the wire's names. May hold the full number.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// A copy with the number, account number and name masked.
    pub fn redacted(&self) -> Arc<CreditCardData> {
        Arc::new(CreditCardData(self.0.redacted()))
    }
}

/// When to poll: the spec's offsets after image acquisition, then daily.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PollSchedule {
    /// Offsets after image acquisition, in milliseconds.
    pub offsets_ms: Vec<u64>,
    /// The interval of the daily polls after the last offset, in milliseconds.
    pub daily_interval_ms: u64,
}

/// The spec's schedule: 40, 60, 100, 160, 240, 340, 460, 600, 760 and 940 s
/// after the images were acquired, then once a day.
#[uniffi::export]
pub fn recommended_poll_schedule() -> PollSchedule {
    PollSchedule {
        offsets_ms: core::poll::RECOMMENDED_SECONDS
            .iter()
            .map(|s| s * 1000)
            .collect(),
        daily_interval_ms: ms(core::poll::DAY),
    }
}

fn durations(offsets_ms: &[u64]) -> Vec<Duration> {
    offsets_ms
        .iter()
        .map(|m| Duration::from_millis(*m))
        .collect()
}

/// What to do next.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum PollAction {
    /// Wait this long, then ask again.
    Wait {
        /// Milliseconds.
        ms: u64,
    },
    /// Poll the status now and report it with `observe`.
    Poll,
    /// Stop: a final status was seen; retrieve details and images once.
    Final {
        /// The status as on the wire.
        status: String,
    },
    /// Stop: still `PENDING` after every allowed attempt.
    GaveUp {
        /// Attempts made.
        attempts: u32,
    },
    /// Stop: an error that retrying will not fix.
    Failed {
        /// Stable code of the error.
        code: String,
        /// What went wrong.
        reason: String,
    },
}

impl From<core::PollAction> for PollAction {
    fn from(a: core::PollAction) -> Self {
        match a {
            core::PollAction::Wait(d) => PollAction::Wait { ms: ms(d) },
            core::PollAction::Poll => PollAction::Poll,
            core::PollAction::Final(s) => PollAction::Final {
                status: s.as_str().to_owned(),
            },
            core::PollAction::GaveUp { attempts } => PollAction::GaveUp { attempts },
            core::PollAction::Failed(e) => PollAction::Failed {
                code: e.code().to_owned(),
                reason: e.to_string(),
            },
        }
    }
}

/// Polling state for one transaction, sans I/O: times are milliseconds
/// since any epoch you pick (the same for every call). Drive it from your
/// own scheduler (WorkManager, a coroutine, a `Timer`).
#[derive(Debug, uniffi::Object)]
pub struct Poller(Mutex<core::Poller>);

#[uniffi::export]
impl Poller {
    /// Polls on `schedule` from `acquiredAtMs`, then `dailyAttempts` times a day.
    #[uniffi::constructor]
    pub fn new(acquired_at_ms: u64, schedule: PollSchedule, daily_attempts: u32) -> Arc<Self> {
        let schedule = core::PollSchedule::custom(durations(&schedule.offsets_ms));
        let poller = core::Poller::with_schedule(
            Duration::from_millis(acquired_at_ms),
            schedule,
            daily_attempts,
        );
        Arc::new(Poller(Mutex::new(poller)))
    }

    /// What to do at `nowMs`.
    pub fn action(&self, now_ms: u64) -> PollAction {
        self.lock().action(Duration::from_millis(now_ms)).into()
    }

    /// Reports the status (as on the wire) seen by a poll at `nowMs`.
    pub fn observe(&self, status: String, now_ms: u64) -> PollAction {
        let status = core::ScanStatus::from_wire(&status);
        self.lock()
            .observe(&status, Duration::from_millis(now_ms))
            .into()
    }

    /// Attempts reported so far.
    pub fn attempts(&self) -> u32 {
        self.lock().attempts()
    }

    /// When the next poll is due, if any.
    pub fn next_at_ms(&self) -> Option<u64> {
        self.lock().next_at().map(ms)
    }
}

impl Poller {
    fn lock(&self) -> std::sync::MutexGuard<'_, core::Poller> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The blocking Retrieval API client: one method per endpoint. Every call
/// blocks on the network; **call it off the main (UI) thread** (a
/// background dispatcher in Kotlin, a `Task` / queue in Swift). One client
/// may be shared by threads; it keeps connections.
#[derive(Debug, uniffi::Object)]
pub struct RetrievalClient(core_client::RetrievalClient);

pub(crate) fn builder(
    credentials: &Credentials,
    user_agent: String,
    endpoints: Endpoints,
) -> Result<core::RequestBuilder, RequestError> {
    let base = match endpoints {
        Endpoints::Provider { region } => core::BaseUrls::region(match region {
            Region::Us => core::Region::Us,
            Region::Eu => core::Region::Eu,
            Region::Sgp => core::Region::Sgp,
        }),
        Endpoints::Single { base_url } => core::BaseUrls::single(&base_url)?,
    };
    let user_agent = core::UserAgent::new(user_agent)?;
    Ok(core::RequestBuilder::new(
        credentials.0.clone(),
        user_agent,
        base,
    ))
}

#[uniffi::export]
impl RetrievalClient {
    /// A client. `userAgent` is `CompanyName AppName/1.0.0`; `timeoutMs`
    /// bounds each request (connect to last byte).
    #[uniffi::constructor]
    pub fn new(
        credentials: Arc<Credentials>,
        user_agent: String,
        endpoints: Endpoints,
        timeout_ms: u64,
    ) -> Result<Arc<Self>, RequestError> {
        let requests = builder(&credentials, user_agent, endpoints)?;
        let client =
            core_client::RetrievalClient::with_timeout(requests, Duration::from_millis(timeout_ms));
        Ok(Arc::new(RetrievalClient(client)))
    }

    /// `GET …/scans/<ref>`: the status.
    pub fn scan_status(&self, reference: String) -> Result<ScanStatus, RetrievalError> {
        Ok(self.0.scan_status(&reference)?.into())
    }

    /// `GET …/scans/<ref>/data`.
    pub fn scan_details(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.scan_details(&reference)?))
    }

    /// `GET …/scans/<ref>/data/document`.
    pub fn scan_document(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.scan_document(&reference)?))
    }

    /// `GET …/scans/<ref>/data/transaction`.
    pub fn scan_transaction(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.scan_transaction(&reference)?))
    }

    /// `GET …/scans/<ref>/data/verification`.
    pub fn scan_verification(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.scan_verification(&reference)?))
    }

    /// `GET …/scans/<ref>/images`.
    pub fn scan_images(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.scan_images(&reference)?))
    }

    /// `GET …/scans/<ref>/images/<classifier>` (`front`, `back`, `face`, ...).
    pub fn scan_image(
        &self,
        reference: String,
        classifier: String,
    ) -> Result<RetrievedImage, RetrievalError> {
        let c = core::ImageClassifier::from_wire(&classifier);
        Ok(self.0.scan_image(&reference, c)?.into())
    }

    /// `GET …/scans/<ref>/images/liveness/<number>`.
    pub fn scan_liveness_image(
        &self,
        reference: String,
        number: u32,
    ) -> Result<RetrievedImage, RetrievalError> {
        Ok(self.0.scan_liveness_image(&reference, number)?.into())
    }

    /// `GET …/authentications/<ref>`.
    pub fn authentication(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.authentication(&reference)?))
    }

    /// `GET …/authentications/<ref>/images/<classifier>`.
    pub fn authentication_image(
        &self,
        reference: String,
        classifier: String,
    ) -> Result<RetrievedImage, RetrievalError> {
        let c = core::ImageClassifier::from_wire(&classifier);
        Ok(self.0.authentication_image(&reference, c)?.into())
    }

    /// `GET …/authentications/<ref>/images/liveness/<number>`.
    pub fn authentication_liveness_image(
        &self,
        reference: String,
        number: u32,
    ) -> Result<RetrievedImage, RetrievalError> {
        Ok(self
            .0
            .authentication_liveness_image(&reference, number)?
            .into())
    }

    /// `GET …/documents/<ref>`: the Document Verification status.
    pub fn dv_status(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.dv_status(&reference)?))
    }

    /// `GET …/documents/<ref>/data`.
    pub fn dv_details(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.dv_details(&reference)?))
    }

    /// `GET …/documents/<ref>/data/document`.
    pub fn dv_document(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.dv_document(&reference)?))
    }

    /// `GET …/documents/<ref>/data/transaction`.
    pub fn dv_transaction(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.dv_transaction(&reference)?))
    }

    /// `GET …/documents/<ref>/pages`.
    pub fn dv_pages(&self, reference: String) -> Result<Arc<Retrieved>, RetrievalError> {
        Ok(Retrieved::of(&self.0.dv_pages(&reference)?))
    }

    /// `GET …/documents/<ref>/pages/<page>`.
    pub fn dv_page(
        &self,
        reference: String,
        page: u32,
        mask: MaskHint,
    ) -> Result<RetrievedImage, RetrievalError> {
        Ok(self.0.dv_page(&reference, page, mask.into())?.into())
    }

    /// `GET …/netswipe/v1/scans/<ref>/creditCard`. `sinceScanMs`: how long
    /// ago the scan finished, if known (a 404 inside the spec's 5 minutes is
    /// `not_ready`, retryable).
    pub fn credit_card(
        &self,
        reference: String,
        mask: MaskHint,
        since_scan_ms: Option<u64>,
    ) -> Result<Arc<CreditCardData>, RetrievalError> {
        let since = since_scan_ms.map(Duration::from_millis);
        let data = self.0.credit_card(&reference, mask.into(), since)?;
        Ok(Arc::new(CreditCardData(data)))
    }

    /// `GET …/netswipe/v1/scans/<ref>/creditCard/front`.
    pub fn credit_card_front(
        &self,
        reference: String,
        mask: MaskHint,
        since_scan_ms: Option<u64>,
    ) -> Result<RetrievedImage, RetrievalError> {
        let since = since_scan_ms.map(Duration::from_millis);
        Ok(self
            .0
            .credit_card_front(&reference, mask.into(), since)?
            .into())
    }

    /// `DELETE …/scans/<ref>`; returns the HTTP status.
    pub fn delete_scan(&self, reference: String) -> Result<u16, RetrievalError> {
        Ok(self.0.delete_scan(&reference)?)
    }

    /// `DELETE …/authentications/<ref>`; returns the HTTP status.
    pub fn delete_authentication(&self, reference: String) -> Result<u16, RetrievalError> {
        Ok(self.0.delete_authentication(&reference)?)
    }

    /// `DELETE …/documents/<ref>`; returns the HTTP status.
    pub fn delete_document(&self, reference: String) -> Result<u16, RetrievalError> {
        Ok(self.0.delete_document(&reference)?)
    }

    /// Downloads a URL the API returned (`href`), refused unless under a
    /// configured base URL.
    pub fn download(&self, url: String) -> Result<RetrievedImage, RetrievalError> {
        Ok(self.0.download(&url)?.into())
    }

    /// Polls the status on `schedule` until it is not `PENDING`, sleeping
    /// in between (blocks for up to the whole schedule).
    pub fn wait_for_scan(
        &self,
        reference: String,
        since_acquisition_ms: u64,
        schedule: PollSchedule,
        daily_attempts: u32,
    ) -> Result<ScanStatus, RetrievalError> {
        let options = core_client::WaitOptions {
            since_acquisition: Duration::from_millis(since_acquisition_ms),
            schedule: core::PollSchedule::custom(durations(&schedule.offsets_ms)),
            daily_attempts,
        };
        Ok(self.0.wait_for_scan(&reference, options)?.into())
    }
}
