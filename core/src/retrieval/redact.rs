//! Redacted copies of retrieved data, and the `Debug` output built on them,
//! following the rules of [`crate::redact`].

use super::credit_card::CreditCardData;
use super::dv::{DvExtractedFields, DvRetrievedData};
use super::scan::{ScanDetails, ScanDocument, ScanTransaction};
use crate::redact::{apply, mask_ip, mask_keep_last, mask_name, withhold_extra, REDACTED};
use std::fmt;

fn last(keep: usize) -> impl Fn(&str) -> String {
    move |v| mask_keep_last(v, keep, 'x')
}

impl ScanDetails {
    /// A copy with the document and transaction redacted; verdicts and
    /// references are kept.
    pub fn redacted(&self) -> ScanDetails {
        let mut r = self.clone();
        r.document = r.document.as_ref().map(ScanDocument::redacted);
        r.transaction = r.transaction.as_ref().map(ScanTransaction::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanDocument {
    /// A copy with names, numbers, date of birth and address masked.
    pub fn redacted(&self) -> ScanDocument {
        let mut r = self.clone();
        for f in [
            &mut r.first_name,
            &mut r.last_name,
            &mut r.mothers_name,
            &mut r.fathers_name,
        ] {
            apply(f, mask_name);
        }
        for f in [
            &mut r.number,
            &mut r.personal_number,
            &mut r.optional_data1,
            &mut r.optional_data2,
            &mut r.curp,
            &mut r.tax_number,
            &mut r.cpf,
            &mut r.registration_number,
            &mut r.personal_identification_number,
            &mut r.rg_number,
            &mut r.voter_id_number,
            &mut r.issuing_number,
        ] {
            apply(f, last(2));
        }
        apply(&mut r.place_of_birth, |_| REDACTED.to_owned());
        r.dob = r.dob.as_ref().map(|d| d.redacted());
        if let Some(parts) = r.date_of_birth_parts.as_mut() {
            parts.month = parts.month.as_ref().map(|_| "xx".to_owned());
            parts.day = parts.day.as_ref().map(|_| "xx".to_owned());
        }
        if let Some(a) = r.address.as_mut() {
            *a = a.redacted();
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanTransaction {
    /// A copy with the client IP reduced to its network part.
    pub fn redacted(&self) -> ScanTransaction {
        let mut r = self.clone();
        apply(&mut r.client_ip, mask_ip);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvRetrievedData {
    /// A copy with names, SSN and the nested fields masked.
    pub fn redacted(&self) -> DvRetrievedData {
        let mut r = self.clone();
        apply(&mut r.first_name, mask_name);
        apply(&mut r.last_name, mask_name);
        apply(&mut r.ssn, last(0));
        if let Some(nested) = r.extracted_data.as_mut() {
            nested.value = nested.value.redacted();
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvExtractedFields {
    /// A copy with names, numbers and address lines masked.
    pub fn redacted(&self) -> DvExtractedFields {
        let mut r = self.clone();
        apply(&mut r.first_name, mask_name);
        apply(&mut r.last_name, mask_name);
        apply(&mut r.ssn, last(0));
        apply(&mut r.pan, last(4));
        apply(&mut r.account_number, last(2));
        for f in [&mut r.line1, &mut r.line2, &mut r.postal_code, &mut r.city] {
            apply(f, |_| REDACTED.to_owned());
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl CreditCardData {
    /// A copy as the masked retrieval returns it: the first 6 and last 4
    /// digits of the card, the last 2 of the account, the holder's initial.
    pub fn redacted(&self) -> CreditCardData {
        let mut r = self.clone();
        apply(&mut r.card_number, |v| {
            let n = v.chars().count();
            v.chars()
                .enumerate()
                .map(|(i, c)| if i < 6 || i + 4 >= n { c } else { 'x' })
                .collect::<String>()
        });
        // Too short to show 10 digits: keep the last 4 only.
        if r.card_number
            .as_deref()
            .is_some_and(|v| v.chars().count() < 14)
        {
            r.card_number = self.card_number.as_deref().map(last(4));
        }
        apply(&mut r.card_account_number, last(2));
        apply(&mut r.card_holder_name, mask_name);
        withhold_extra(&mut r.extra);
        r
    }
}

macro_rules! redacted_debug {
    ($($t:ty),+) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
                write!(f, "{} {}", stringify!($t), shown)
            }
        }
    )+};
}

redacted_debug!(
    ScanDocument,
    ScanTransaction,
    DvRetrievedData,
    DvExtractedFields,
    CreditCardData
);
