//! The Retrieval APIs, sans I/O: typed models of every response (ID
//! Verification, Authentication, Document Verification, Credit Card), the
//! request builder, response classification and the polling schedule.
//!
//! Bring your own transport, or enable the `client` feature for
//! [`crate::client::RetrievalClient`].
//!
//! Models are lenient and lossless like the callback's: every field is
//! optional, a value the spec does not list is kept (`Unknown`, `extra`),
//! and serialization writes back what was read.

pub mod classify;
pub mod codes;
pub mod credit_card;
pub mod dv;
pub mod images;
pub mod json;
pub mod lenient;
pub mod poll;
pub(crate) mod redact;
pub mod region;
pub mod request;
pub mod scan;

pub use classify::{
    classify, decode, image, ErrorKind, ForbiddenCause, Image, RawResponse, RetrievalError,
    RetryHint,
};
pub use codes::{
    AuthenticationResult, FaceSearchStatus, ImageClassifier, MrzCheck, ScanStatus, SearchReason,
    SearchResult,
};
pub use credit_card::CreditCardData;
pub use dv::{
    DvDetails, DvExtractedFields, DvPages, DvRetrievedData, DvRetrievedDocument, DvStatusResponse,
    DvTransactionResponse, PageLink,
};
pub use images::{AuthenticationDetails, Facemap, ImageLink, ScanImages};
pub use json::JsonModel;
pub use lenient::{EmbeddedJson, JsonEncoding, LooseTimestamp};
pub use poll::{PollAction, PollSchedule, Poller};
pub use region::{BaseUrls, Region, Service};
pub use request::{
    ApiSecret, Credentials, Endpoint, MaskHint, Method, Request, RequestBuilder, RequestError,
    UserAgent,
};
pub use scan::{
    AdditionalChecks, DateParts, FaceSearchFindings, ScanDetails, ScanDocument, ScanStatusResponse,
    ScanTransaction, ScanVerification, SearchCheck,
};
