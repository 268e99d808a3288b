//! Cross-check: recompute the provider's `card_validation_checks` (Luhn,
//! brand prefix, expiry) and the masked number locally, and report where
//! they disagree.

use super::sections::CardInformation;
use crate::card::{luhn_valid, validate_expiry, validate_number, Brand, YearMonth};
use serde::Serialize;

/// One of the checks compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// `luhn_algorithm`: the number's check digit.
    Luhn,
    /// `brand_prefix`: the number's prefix belongs to `card_brand`.
    BrandPrefix,
    /// `expiry_date`: the expiry is not past (nor too far ahead).
    Expiry,
    /// `card_number_masked` shows the number's first and last four digits.
    MaskedNumber,
}

/// A check on which the response and the local computation disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// Which check.
    pub check: Check,
    /// What the response says (`None`: it gives no readable answer).
    pub reported: Option<bool>,
    /// What scankit computes.
    pub computed: bool,
}

/// The local results and the disagreements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CrossCheck {
    /// Luhn over the card number; `None` without a number.
    pub luhn: Option<bool>,
    /// The brand scankit finds from the number.
    pub brand: Option<Brand>,
    /// The brand `card_brand` names, if it names one scankit knows.
    pub claimed_brand: Option<Brand>,
    /// The expiry's validity as of `today`; `None` without a readable expiry.
    pub expiry: Option<bool>,
    /// Each check where the response and scankit differ.
    pub disagreements: Vec<Disagreement>,
}

/// The brand a provider name (`MASTERCARD`, `AMEX`, `China UnionPay`...)
/// stands for.
pub fn brand_from_name(name: &str) -> Option<Brand> {
    let key: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let alias = match key.as_str() {
        "MC" | "MASTERCARD" => Some(Brand::Mastercard),
        "AMEX" | "AMERICANEXPRESS" => Some(Brand::AmericanExpress),
        "DINERS" | "DINERSCLUB" | "DINERSCLUBINTERNATIONAL" => Some(Brand::DinersClub),
        "CUP" | "UNIONPAY" | "CHINAUNIONPAY" => Some(Brand::Unionpay),
        _ => None,
    };
    alias.or_else(|| {
        Brand::ALL.into_iter().find(|b| {
            let id: String = b.id().chars().filter(|c| *c != '-').collect();
            id.eq_ignore_ascii_case(&key)
        })
    })
}

/// Compares the response's checks with scankit's, as of `today`.
pub fn cross_check(card: &CardInformation, today: YearMonth) -> CrossCheck {
    let digits: Option<String> = card
        .card_number
        .as_ref()
        .map(|n| n.expose().chars().filter(char::is_ascii_digit).collect());
    let luhn = digits.as_deref().map(luhn_valid);
    let brand = digits.as_deref().and_then(|d| validate_number(d).brand);
    let claimed_brand = card
        .card_brand
        .as_ref()
        .and_then(|b| brand_from_name(&b.to_string()));
    let expiry = expiry_text(card).map(|e| validate_expiry(&e, today).valid);
    let checks = card.card_validation_checks.as_ref();
    let reported = |f: Option<&super::fields::Flag>| f.and_then(|f| f.as_bool());

    let mut disagreements = Vec::new();
    let mut compare = |check, reported: Option<bool>, computed: Option<bool>| {
        if let Some(computed) = computed {
            if reported != Some(computed) {
                disagreements.push(Disagreement {
                    check,
                    reported,
                    computed,
                });
            }
        }
    };
    compare(
        Check::Luhn,
        reported(checks.and_then(|c| c.luhn_algorithm.as_ref())),
        luhn,
    );
    // Only comparable when the response names a brand scankit knows.
    let prefix_ok = claimed_brand.map(|c| brand == Some(c));
    compare(
        Check::BrandPrefix,
        reported(checks.and_then(|c| c.brand_prefix.as_ref())),
        prefix_ok,
    );
    compare(
        Check::Expiry,
        reported(checks.and_then(|c| c.expiry_date.as_ref())),
        expiry,
    );
    if let (Some(d), Some(masked)) = (digits.as_deref(), card.card_number_masked.as_ref()) {
        let shown = masked.to_string();
        let ok = d.len() >= 8
            && shown.chars().count() == d.len()
            && shown.get(..4) == d.get(..4)
            && shown.get(shown.len().saturating_sub(4)..) == d.get(d.len() - 4..);
        // The response does not report this check: any mismatch counts.
        if !ok {
            disagreements.push(Disagreement {
                check: Check::MaskedNumber,
                reported: None,
                computed: false,
            });
        }
    }
    CrossCheck {
        luhn,
        brand,
        claimed_brand,
        expiry,
        disagreements,
    }
}

/// `MM/YY` from the month and year fields, else `card_expiry_date`.
fn expiry_text(card: &CardInformation) -> Option<String> {
    let month = card.card_expiry_month.as_ref().filter(|t| !t.is_blank());
    let year = card.card_expiry_year.as_ref().filter(|t| !t.is_blank());
    match (month, year) {
        (Some(m), Some(y)) => Some(format!("{m}/{y}")),
        _ => card
            .card_expiry_date
            .as_ref()
            .filter(|t| !t.is_blank())
            .map(|t| t.to_string()),
    }
}
