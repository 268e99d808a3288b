//! Credit Card (Netswipe) retrieval: the card data of a scan, masked by default.

use super::lenient::{opt_string, opt_u32};
use crate::models::ExtraJson;
use serde::{Deserialize, Serialize};

/// Response of `GET …/netswipe/v1/scans/<scanReference>/creditCard`.
///
/// With `maskhint=unmasked` it holds the full card and account numbers, so
/// `Debug` is [`redacted`](Self::redacted) whatever was asked for.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditCardData {
    /// `jumioRequestReference` (36): Jumio's reference for the scan.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub jumio_request_reference: Option<String>,
    /// `cardNumber` (19): first 6 and last 4 digits with `x` between when
    /// masked, the full number when unmasked. A JSON number is read as text.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_number: Option<String>,
    /// `cardExpiryMonth`: 1–12 (a string holding a number is read too).
    #[serde(
        default,
        deserialize_with = "opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_expiry_month: Option<u32>,
    /// `cardExpiryYear`: YYYY (a string holding a number is read too).
    #[serde(
        default,
        deserialize_with = "opt_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_expiry_year: Option<u32>,
    /// `cardHolderName` (100), in capitals.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_holder_name: Option<String>,
    /// `cardSortCode` (8): `xx-xx-xx` or `xxxxxx`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_sort_code: Option<String>,
    /// `cardAccountNumber` (8): last two digits when masked, in full when unmasked.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_account_number: Option<String>,
    /// `merchantReportingCriteria` (100).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub merchant_reporting_criteria: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl CreditCardData {
    /// Whether the card number is masked (holds `x`), as by default.
    pub fn is_masked(&self) -> bool {
        self.card_number
            .as_deref()
            .is_some_and(|n| n.contains(['x', 'X', '*']))
    }

    /// The expiry as (month, year), when both are present and the month is 1–12.
    pub fn expiry(&self) -> Option<(u8, u16)> {
        let month = u8::try_from(self.card_expiry_month?).ok()?;
        let year = u16::try_from(self.card_expiry_year?).ok()?;
        (1..=12).contains(&month).then_some((month, year))
    }
}
