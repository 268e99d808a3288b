//! MobiCard ScanAPI: the scan request and its signed token, typed success
//! and error responses, what to do after each status code (with a sans-I/O
//! backoff schedule), a local cross-check of the provider's validation
//! checks, and an image pre-check before upload.
//!
//! ```
//! use scankit::mobicard::{Action, ScanResponse};
//! let body = br#"{"status":"FAILED","status_code":"430","status_message":"TIMEOUT"}"#;
//! let r = ScanResponse::parse(body)?;
//! assert_eq!(r.action(), Action::RefreshTokenAndRetry);
//! # Ok::<(), scankit::mobicard::ResponseError>(())
//! ```

mod crosscheck;
mod fields;
mod image;
mod redact;
mod request;
mod response;
mod secret;
mod sections;
mod status;

pub use crosscheck::{brand_from_name, cross_check, Check, CrossCheck, Disagreement};
pub use fields::{Decimal, Extra, Flag, Text};
pub use image::{
    detect_format, precheck_base64, precheck_image, ImageCheck, ImageFormat, ImageLimits,
    ImageProblem,
};
pub use request::{
    sign_hs256, Mode, RequestError, ScanRequest, ServiceType, JWT_HEADER, SCAN_PATH,
    SCAN_SERVICE_ID, VERSION,
};
pub use response::{ResponseError, ScanResponse, Status, StatusCode, StatusCodeValue};
pub use secret::Secret;
pub use sections::{
    BiinInformation, CardInformation, CardNumber, ExifInformation, RiskInformation,
    ValidationChecks,
};
pub use status::{action_for, Action, Backoff, BackoffConfig};
