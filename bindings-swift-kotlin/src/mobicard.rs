//! MobiCard ScanAPI responses: parsing, the next action, the local
//! cross-check of the provider's validation checks, and the image pre-check.
//!
//! The signed request (`ScanRequest`, `sign_hs256`) is not exported: it
//! needs the merchant's secret key, which must never ship inside an app.

use crate::card::Pan;
use crate::to_u64;
use scankit::mobicard as core;
use std::sync::Arc;

/// Enum names as the core serializes them (`retry_with_backoff`, `png`, ...).
fn serde_name<T: serde::Serialize>(value: &T, tag: Option<&str>) -> String {
    let v = serde_json::to_value(value).unwrap_or_default();
    let v = match tag {
        Some(t) => v.get(t).cloned().unwrap_or_default(),
        None => v,
    };
    v.as_str().unwrap_or_default().to_owned()
}

/// A body that is not a ScanAPI response. Never quotes the body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum MobicardError {
    /// Not JSON, truncated, or a field of an unexpected type.
    #[error("{reason}")]
    InvalidResponse {
        /// Always `body`.
        field: String,
        /// What was wrong, with line and column.
        reason: String,
    },
}

/// The next step after a ScanAPI response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MobicardAction {
    /// Success: process the card data.
    Process,
    /// Wait and send the same request again.
    RetryWithBackoff,
    /// Build a new token and send again.
    RefreshTokenAndRetry,
    /// Top up the token account first.
    TopUp,
    /// The request is wrong: fix it.
    FixRequest,
    /// Nothing known helps: report the failure.
    GiveUp,
}

impl From<core::Action> for MobicardAction {
    fn from(a: core::Action) -> Self {
        match a {
            core::Action::Process => MobicardAction::Process,
            core::Action::RetryWithBackoff => MobicardAction::RetryWithBackoff,
            core::Action::RefreshTokenAndRetry => MobicardAction::RefreshTokenAndRetry,
            core::Action::TopUp => MobicardAction::TopUp,
            core::Action::FixRequest => MobicardAction::FixRequest,
            _ => MobicardAction::GiveUp,
        }
    }
}

/// A check on which the response and scankit disagree.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Disagreement {
    /// `luhn`, `brand_prefix`, `expiry` or `masked_number`.
    pub check: String,
    /// What the response says (absent: no readable answer).
    pub reported: Option<bool>,
    /// What scankit computes.
    pub computed: bool,
}

/// The local results of the provider's checks, and the disagreements.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrossCheck {
    /// Luhn over the card number; absent without a number.
    pub luhn: Option<bool>,
    /// The brand id scankit finds from the number.
    pub brand: Option<String>,
    /// The brand id `card_brand` names, if scankit knows it.
    pub claimed_brand: Option<String>,
    /// Whether the expiry is valid as of today; absent if unreadable.
    pub expiry: Option<bool>,
    /// Each check where the response and scankit differ.
    pub disagreements: Vec<Disagreement>,
}

/// A MobiCard ScanAPI response. `toString()` / `description` is redacted
/// (number masked, name reduced, token withheld).
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct MobicardResponse(core::ScanResponse);

impl std::fmt::Display for MobicardResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = serde_json::to_string(&self.0.redacted()).unwrap_or_default();
        write!(f, "MobicardResponse {shown}")
    }
}

#[uniffi::export]
impl MobicardResponse {
    /// Parses a response body.
    #[uniffi::constructor]
    pub fn parse(body: Vec<u8>) -> Result<Arc<Self>, MobicardError> {
        core::ScanResponse::parse(&body)
            .map(|r| Arc::new(MobicardResponse(r)))
            .map_err(|e| MobicardError::InvalidResponse {
                field: "body".to_owned(),
                reason: e.to_string(),
            })
    }

    /// `status` and `status_code` both say success.
    pub fn is_success(&self) -> bool {
        self.0.is_success()
    }

    /// `status` as on the wire (`SUCCESS`, `FAILED`).
    pub fn status(&self) -> String {
        self.0.status.as_str().to_owned()
    }

    /// `status_code` as a string (`200`, `430`, ...).
    pub fn status_code(&self) -> String {
        self.0.status_code.code().as_str().to_owned()
    }

    /// What to do next.
    pub fn action(&self) -> MobicardAction {
        self.0.action().into()
    }

    /// Whether sending again (maybe after waiting or a new token) can help.
    pub fn is_retryable(&self) -> bool {
        self.0.action().is_retryable()
    }

    /// The card number as a [`Pan`] (masked `toString()`); absent if there
    /// is none or it is not a valid number.
    pub fn card_pan(&self) -> Option<Arc<Pan>> {
        let card = self.0.card_information.as_ref()?;
        let pan = card.card_number.as_ref()?.pan().ok()?;
        Some(Arc::new(Pan::from_core(pan)))
    }

    /// `card_number_masked` as sent.
    pub fn card_number_masked(&self) -> Option<String> {
        let card = self.0.card_information.as_ref()?;
        card.card_number_masked.as_ref().map(|t| t.to_string())
    }

    /// Compares the provider's `card_validation_checks` with scankit's own,
    /// as of the given month.
    pub fn cross_check(&self, today_year: u16, today_month: u8) -> Option<CrossCheck> {
        let card = self.0.card_information.as_ref()?;
        let today = scankit::card::YearMonth {
            year: today_year,
            month: today_month,
        };
        let c = core::cross_check(card, today);
        Some(CrossCheck {
            luhn: c.luhn,
            brand: c.brand.map(|b| b.id().to_owned()),
            claimed_brand: c.claimed_brand.map(|b| b.id().to_owned()),
            expiry: c.expiry,
            disagreements: c
                .disagreements
                .iter()
                .map(|d| Disagreement {
                    check: serde_name(&d.check, None),
                    reported: d.reported,
                    computed: d.computed,
                })
                .collect(),
        })
    }

    /// A copy safe to log.
    pub fn redacted(&self) -> Arc<MobicardResponse> {
        Arc::new(MobicardResponse(self.0.redacted()))
    }

    /// The response as JSON, lossless. Holds the card number: log `redacted()`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

/// The outcome of an image pre-check before upload.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImageCheck {
    /// Whether the image may be uploaded (no errors).
    pub ok: bool,
    /// The format found (`jpeg`, `png`, ...), if supported.
    pub format: Option<String>,
    /// Width in pixels, when read.
    pub width: Option<u32>,
    /// Height in pixels, when read.
    pub height: Option<u32>,
    /// Size in bytes.
    pub bytes: u64,
    /// Reasons not to upload (`empty`, `too_large`, `unsupported_format`, `too_small`, ...).
    pub errors: Vec<String>,
    /// What could not be checked.
    pub warnings: Vec<String>,
}

/// Checks a card image against the ScanAPI's limits (800×600, 10 MiB,
/// supported formats) before uploading it.
#[uniffi::export]
pub fn precheck_card_image(bytes: Vec<u8>) -> ImageCheck {
    let c = core::precheck_image(&bytes, &core::ImageLimits::default());
    ImageCheck {
        ok: c.is_ok(),
        format: c.format.map(|f| serde_name(&f, None)),
        width: c.width,
        height: c.height,
        bytes: to_u64(c.bytes),
        errors: c
            .errors
            .iter()
            .map(|p| serde_name(p, Some("problem")))
            .collect(),
        warnings: c
            .warnings
            .iter()
            .map(|p| serde_name(p, Some("problem")))
            .collect(),
    }
}
