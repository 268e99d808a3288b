//! Redacted copies of retrieved data, and the `Debug` output built on them:
//! every Retrieval API model's `Debug` is its redacted form, so that a
//! model logged with `{:?}` shows no more than [`redacted`](ScanDetails::redacted) does.
//!
//! The rules are those of [`crate::redact`]: a value is kept only in the
//! shape the Retrieval API specs document for its field, anything else is
//! withheld (`[redacted]`), every kept string goes through the card-number
//! finder ([`rules::scrub`], blind to the punctuation
//! an identifier may hold), and members the spec does not list become
//! `[field-N]` with their value withheld, at every level. Per field:
//!
//! | family | fields | shown |
//! |---|---|---|
//! | Jumio's references (36) | `scanReference`, `jumioRequestReference`, `transactionReference`, `enrollmentTransactionReference`, `faceSearchFindings.findings[]` | a UUID (`x` placeholders included) |
//! | your references | `customerId`, `merchantScanReference`, `merchantReportingCriteria`, `userReference`; DV `transaction` as in the callback | an identifier holding a digit ([`rules::is_reference`]) |
//! | value sets | `status` (all), `type`, `idSubtype`, `gender`, `source`, `scanSource`, `mrzCheck`, `transactionResult`, `similarity`, `reason`, `searchResults`, `searchResponse`, `searchReason`, image `classifier`, `addressFormat` (`RAW`), facemap `classifier` (`facemap`) | documented members only (`source` also in the table's hyphenated spelling, `WEB-CAM`) |
//! | codes | `rejectReasonCode`, `detailsCode`; `customDocumentCode` | documented codes or up to five digits; a code in capitals |
//! | descriptions | `rejectReasonDescription`, `detailsDescription` | only the spec's description of the code |
//! | countries and regions | `issuingCountry`, `nationality`, `country`, `countryCode`, address `country`; `usState`; `stateCode`, `province`, `subdivision` | alpha-3 codes; a two- or three-character state code or alpha-3 (country names and free text withheld); ISO 3166-2 or region codes |
//! | timestamps | `timestamp`, `date`, `transactionDate` | `YYYY-MM-DDThh:mm:ss[.fraction][zone]` with at most nine fraction digits, else withheld (DV `transaction.date`, whose type has no stand-in, is left out) |
//! | dates | `expiry`, `issuingDate`, `issueDate` | kept (parsed `YYYY-MM-DD`: they hold nothing else) |
//! | date parts | `expiryDateParts`, `issuingDateParts` | `year` of four digits, `month` and `day` of one or two |
//! | date of birth | `dob`, `dateOfBirthParts` | the year only |
//! | card expiry | DV `expiryDate`; `cardExpiryMonth`, `cardExpiryYear` | `MM/YY`; 1–12 and four digits (else left out) |
//! | URLs | image and page `href`, `livenessImages`, facemap `href`, `originalDocument` | the provider's form ([`rules::is_url`]) |
//! | names | `firstName`, `lastName`, `mothersName`, `fathersName`, `cardHolderName` | the first letter, then `***` |
//! | document numbers | `number`, `personalNumber`, `optionalData1/2`, `curp`, `taxNumber`, `cpf`, `registrationNumber`, `personalIdentificationNumber`, `rgNumber`, `voterIdNumber`, `issuingNumber`, DV `accountNumber` | the last two characters |
//! | card numbers | `cardNumber`; DV `pan` | written as a card number (digits, spaces, dashes, the provider's `x`): first 6 and last 4 digits; last 4; else withheld |
//! | bank details | `cardAccountNumber`; `cardSortCode`; `swiftCode` | written as a number: the last two digits; `xx-xx-xx` or six digits; a BIC |
//! | identifiers of a person | `ssn` | nothing (every character `x`) |
//! | address and places | address lines, `city`, `postalCode`, `formattedAddress`, `placeOfBirth`, `issuingAuthority`, `issuingPlace` | withheld |
//! | client IP | `clientIp` | the network part (`34.202.x.x`) |
//! | other JSON | `watchlistScreening` (its fields are documented elsewhere) | withheld whole |
//! | numbers and flags | `signatureAvailable`, `signaturePresent`, `validity`, pages' `classifier` | kept (booleans and small numbers carry nothing) |
//! | fields the spec does not list | at every level, the embedded `extractedData` included | name replaced by `[field-N]`, value withheld |
//!
//! An empty string carries nothing and is kept as it is in the fields kept
//! by shape and in `clientIp` (the 2022 spec's examples send `"href": ""`).
//!
//! [`rules::scrub`]: crate::redact::rules::scrub
//! [`rules::is_reference`]: crate::redact::rules::is_reference
//! [`rules::is_url`]: crate::redact::rules::is_url

use super::credit_card::CreditCardData;
use super::dv::{
    DvDetails, DvExtractedFields, DvPages, DvRetrievedData, DvRetrievedDocument, DvStatusResponse,
    DvTransactionResponse, PageLink,
};
use super::images::{AuthenticationDetails, Facemap, ImageLink, ScanImages};
use super::lenient::LooseTimestamp;
use super::scan::{
    AdditionalChecks, DateParts, FaceSearchFindings, ScanDetails, ScanDocument, ScanStatusResponse,
    ScanTransaction, ScanVerification, SearchCheck,
};
use crate::codes::IdScanSource;
use crate::document::DvTransaction;
use crate::models::{IdAddress, IdentityVerification, LivenessImages};
use crate::redact::rules::{
    is_bic, is_code_name, is_country, is_reference, is_region_code, is_scan_reference,
    is_subdivision, is_url, keep_if, keep_str_if, scrub,
};
use crate::redact::{apply, last_two, mask_ip, mask_name, withhold, withhold_extra, REDACTED};
use crate::reject::RejectReason;
use std::fmt;

/// Every character masked (`ssn`): its length is all that shows.
fn masked_whole(v: &str) -> String {
    v.chars().map(|_| 'x').collect()
}

/// Whether no run of digits in `v` is longer than `n`: a timestamp's fields
/// are at most nine digits (the fraction), a card number at least twelve.
fn digit_runs_at_most(v: &str, n: usize) -> bool {
    v.split(|c: char| !c.is_ascii_digit())
        .all(|run| run.len() <= n)
}

/// A timestamp is kept when it reads as one with no digit run a card
/// number could hide in (the documented `.SSS` fraction has three digits;
/// the parser takes any number); anything else is withheld.
fn keep_timestamp(field: &mut Option<LooseTimestamp>) {
    if let Some(t) = field.as_mut() {
        let documented = t.at().is_some() && digit_runs_at_most(t.raw(), 9);
        if !documented || scrub(t.raw()) != t.raw() {
            *t = LooseTimestamp::parse(REDACTED);
        }
    }
}

/// Jumio's own references are 36-character UUIDs.
fn keep_jumio_reference(field: &mut Option<String>) {
    keep_if(field, is_scan_reference);
}

fn keep_urls(urls: &mut [String]) {
    for u in urls {
        keep_str_if(u, is_url);
    }
}

fn keep_liveness(images: &mut Option<LivenessImages>) {
    if let Some(images) = images.as_mut() {
        keep_urls(&mut images.0);
    }
}

/// A card or account number in a number field, masked to at most `first`
/// leading and `last` trailing digits; `None` when the value is not written
/// as a number (digits, spaces, dashes and the provider's mask characters
/// `x`, `X`, `*`), since a name or a sentence there would otherwise show
/// its first and last characters. The provider's own mask characters count
/// as positions, so a number it already masked (`411111xxxxxx1111`) comes
/// out as it came in. At least four positions stay masked: on a short
/// value the leading part goes first, then the trailing part.
pub(crate) fn mask_card_like(v: &str, first: usize, last: usize, mask: char) -> Option<String> {
    let is_mask = |c: char| matches!(c, 'x' | 'X' | '*');
    let position = |c: char| c.is_ascii_digit() || is_mask(c);
    if !v.chars().all(|c| position(c) || c == ' ' || c == '-') {
        return None;
    }
    let n = v.chars().filter(|&c| position(c)).count();
    let (first, last) = if n >= first + last + 4 {
        (first, last)
    } else if n >= last + 4 {
        (0, last)
    } else {
        (0, 0)
    };
    let mut i = 0;
    let masked: String = v
        .chars()
        .map(|c| {
            if !position(c) {
                return c;
            }
            let shown = i < first || i + last >= n;
            i += 1;
            if c.is_ascii_digit() && !shown {
                mask
            } else {
                c
            }
        })
        .collect();
    // What is left readable is at most a BIN and four digits; the finder
    // runs anyway, as on every kept string.
    Some(scrub(&masked))
}

/// `source` in the spellings the spec uses: the table's `WEB-CAM` is the
/// examples' and the callback's `WEB_CAM`.
fn is_tabled_source(v: &str) -> bool {
    IdScanSource::from_wire(&v.replace('-', "_")).is_documented()
}

/// A card expiry `MM/YY` (DV `expiryDate`, MobiCard `card_expiry_date`).
pub(crate) fn is_mm_yy(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 5 && b[2] == b'/' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

/// `cardSortCode`: `xx-xx-xx` or `xxxxxx`, digits (or the `x` of a masked one).
fn is_sort_code(v: &str) -> bool {
    let b = v.as_bytes();
    let part = |c: &u8| c.is_ascii_digit() || *c == b'x';
    match b.len() {
        6 => b.iter().all(part),
        8 => b.iter().enumerate().all(|(i, c)| {
            if i == 2 || i == 5 {
                *c == b'-'
            } else {
                part(c)
            }
        }),
        _ => false,
    }
}

/// A date part: `len` digits at most (`min` at least).
fn is_digits(v: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
}

fn is_year(v: &str) -> bool {
    is_digits(v, 4, 4)
}

fn is_month_or_day(v: &str) -> bool {
    is_digits(v, 1, 2)
}

/// The Document Verification transaction as the callback redacts it, with
/// the kept references through [`rules::scrub`] too, and its `date` (a
/// strict timestamp, with no stand-in for a withheld value) left out if a
/// fraction longer than a timestamp's could hide a number.
fn dv_transaction(t: &DvTransaction) -> DvTransaction {
    let mut r = t.redacted();
    for f in [
        &mut r.merchant_scan_reference,
        &mut r.customer_id,
        &mut r.merchant_reporting_criteria,
    ] {
        apply(f, scrub);
    }
    if r.date
        .as_ref()
        .is_some_and(|d| !digit_runs_at_most(d.raw(), 9))
    {
        r.date = None;
    }
    r
}

impl ScanStatusResponse {
    /// A copy keeping the status, the timestamp and Jumio's reference.
    pub fn redacted(&self) -> ScanStatusResponse {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.status = r.status.map(|v| v.redacted());
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanDetails {
    /// A copy with every part redacted (see the module docs); verdicts
    /// and references of their documented shape are kept.
    pub fn redacted(&self) -> ScanDetails {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.document = r.document.as_ref().map(ScanDocument::redacted);
        r.transaction = r.transaction.as_ref().map(ScanTransaction::redacted);
        r.verification = r.verification.as_ref().map(ScanVerification::redacted);
        r.facemap = r.facemap.as_ref().map(Facemap::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanDocument {
    /// A copy with names, numbers, date of birth and address masked, and
    /// codes and countries kept only in their documented shape.
    pub fn redacted(&self) -> ScanDocument {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.status = r.status.map(|v| v.redacted());
        r.document_type = r.document_type.map(|v| v.redacted());
        r.id_subtype = r.id_subtype.map(|v| v.redacted());
        r.gender = r.gender.map(|v| v.redacted());
        keep_if(&mut r.issuing_country, is_country);
        keep_if(&mut r.nationality, is_country);
        // A state code or XKX; the country names and free text the spec
        // also allows here are withheld, a name looks the same.
        keep_if(&mut r.us_state, |v| is_region_code(v) || is_country(v));
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
            apply(f, last_two);
        }
        for f in [
            &mut r.place_of_birth,
            &mut r.issuing_authority,
            &mut r.issuing_place,
        ] {
            withhold(f);
        }
        r.dob = r.dob.as_ref().map(|d| d.redacted());
        r.date_of_birth_parts = r.date_of_birth_parts.as_ref().map(DateParts::birth);
        r.expiry_date_parts = r.expiry_date_parts.as_ref().map(DateParts::redacted);
        r.issuing_date_parts = r.issuing_date_parts.as_ref().map(DateParts::redacted);
        r.address = r.address.as_ref().map(IdAddress::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DateParts {
    /// A copy keeping each part only as digits of its size: `year` four,
    /// `month` and `day` one or two.
    pub fn redacted(&self) -> DateParts {
        let mut r = self.clone();
        keep_if(&mut r.year, is_year);
        keep_if(&mut r.month, is_month_or_day);
        keep_if(&mut r.day, is_month_or_day);
        withhold_extra(&mut r.extra);
        r
    }

    /// A date of birth's parts: the year only, month and day `xx`.
    fn birth(&self) -> DateParts {
        let mut r = self.redacted();
        for part in [&mut r.month, &mut r.day] {
            apply(part, |_| "xx".to_owned());
        }
        r
    }
}

impl ScanTransaction {
    /// A copy keeping statuses, dates and references of their documented
    /// shape, with the client IP reduced to its network part.
    pub fn redacted(&self) -> ScanTransaction {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.status = r.status.map(|v| v.redacted());
        r.source = r.source.map(|v| v.redacted_if(is_tabled_source));
        keep_timestamp(&mut r.date);
        apply(&mut r.client_ip, |v| {
            if v.is_empty() {
                String::new()
            } else {
                mask_ip(v)
            }
        });
        for f in [
            &mut r.customer_id,
            &mut r.merchant_scan_reference,
            &mut r.merchant_reporting_criteria,
        ] {
            keep_if(f, is_reference);
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanVerification {
    /// A copy keeping documented verdicts, codes and descriptions.
    pub fn redacted(&self) -> ScanVerification {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.mrz_check = r.mrz_check.map(|v| v.redacted());
        r.reject_reason = r.reject_reason.as_ref().map(RejectReason::redacted);
        r.identity_verification = r
            .identity_verification
            .as_ref()
            .map(IdentityVerification::redacted);
        r.additional_checks = r.additional_checks.as_ref().map(AdditionalChecks::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl AdditionalChecks {
    /// A copy keeping documented results; the screening result, whose
    /// fields these specs do not list, is withheld whole.
    pub fn redacted(&self) -> AdditionalChecks {
        let mut r = self.clone();
        for check in [
            &mut r.address_validation,
            &mut r.proof_of_residency,
            &mut r.personal_number_validation,
        ] {
            *check = check.as_ref().map(SearchCheck::redacted);
        }
        if r.watchlist_screening.is_some() {
            r.watchlist_screening = Some(REDACTED.into());
        }
        r.face_search_findings = r
            .face_search_findings
            .as_ref()
            .map(FaceSearchFindings::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl SearchCheck {
    /// A copy keeping documented results and reasons.
    pub fn redacted(&self) -> SearchCheck {
        let mut r = self.clone();
        r.search_results = r.search_results.map(|v| v.redacted());
        r.search_response = r.search_response.map(|v| v.redacted());
        r.search_reason = r.search_reason.map(|v| v.redacted());
        withhold_extra(&mut r.extra);
        r
    }
}

impl FaceSearchFindings {
    /// A copy keeping the status and the transaction references found.
    pub fn redacted(&self) -> FaceSearchFindings {
        let mut r = self.clone();
        r.status = r.status.map(|v| v.redacted());
        for f in &mut r.findings {
            keep_str_if(f, is_scan_reference);
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl Facemap {
    /// A copy keeping the documented classifier and a URL of the provider's form.
    pub fn redacted(&self) -> Facemap {
        let mut r = self.clone();
        keep_if(&mut r.classifier, |v| v == "facemap");
        keep_if(&mut r.href, is_url);
        withhold_extra(&mut r.extra);
        r
    }
}

impl ScanImages {
    /// A copy keeping classifiers and URLs of the provider's form.
    pub fn redacted(&self) -> ScanImages {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.images = r.images.iter().map(ImageLink::redacted).collect();
        keep_liveness(&mut r.liveness_images);
        withhold_extra(&mut r.extra);
        r
    }
}

impl ImageLink {
    /// A copy keeping the documented classifier and a URL of the provider's form.
    pub fn redacted(&self) -> ImageLink {
        let mut r = self.clone();
        r.classifier = r.classifier.map(|v| v.redacted());
        keep_if(&mut r.href, is_url);
        withhold_extra(&mut r.extra);
        r
    }
}

impl AuthenticationDetails {
    /// A copy keeping references, result, date, source and image URLs of
    /// their documented shape.
    pub fn redacted(&self) -> AuthenticationDetails {
        let mut r = self.clone();
        keep_jumio_reference(&mut r.transaction_reference);
        keep_jumio_reference(&mut r.enrollment_transaction_reference);
        r.transaction_result = r.transaction_result.map(|v| v.redacted());
        keep_timestamp(&mut r.transaction_date);
        r.scan_source = r.scan_source.map(|v| v.redacted());
        keep_if(&mut r.user_reference, is_reference);
        r.images = r.images.iter().map(ImageLink::redacted).collect();
        keep_liveness(&mut r.liveness_images);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvStatusResponse {
    /// A copy keeping the status, the timestamp and Jumio's reference.
    pub fn redacted(&self) -> DvStatusResponse {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.status = r.status.map(|v| v.redacted());
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvDetails {
    /// A copy with the document and the transaction redacted.
    pub fn redacted(&self) -> DvDetails {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.document = r.document.as_ref().map(DvRetrievedDocument::redacted);
        r.transaction = r.transaction.as_ref().map(dv_transaction);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvTransactionResponse {
    /// A copy keeping statuses and references of their documented shape
    /// (fields the spec does not list are in the transaction's `extra`).
    pub fn redacted(&self) -> DvTransactionResponse {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.transaction = dv_transaction(&r.transaction);
        r
    }
}

impl DvRetrievedDocument {
    /// A copy keeping status, type, country and URL of their documented
    /// shape, with the extracted data masked.
    pub fn redacted(&self) -> DvRetrievedDocument {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.status = r.status.map(|v| v.redacted());
        r.document_type = r.document_type.map(|v| v.redacted());
        keep_if(&mut r.country, is_country);
        keep_if(&mut r.original_document, is_url);
        keep_if(&mut r.custom_document_code, is_code_name);
        r.extracted_data = r.extracted_data.as_ref().map(DvRetrievedData::redacted);
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
        apply(&mut r.ssn, masked_whole);
        if let Some(nested) = r.extracted_data.as_mut() {
            nested.value = nested.value.redacted();
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvExtractedFields {
    /// A copy with names, numbers and address lines masked, and codes kept
    /// only in their documented shape.
    pub fn redacted(&self) -> DvExtractedFields {
        let mut r = self.clone();
        keep_if(&mut r.address_format, |v| v == "RAW");
        for f in [&mut r.line1, &mut r.line2, &mut r.postal_code, &mut r.city] {
            withhold(f);
        }
        keep_if(&mut r.country_code, is_country);
        keep_if(&mut r.subdivision, |v| {
            is_region_code(v) || is_subdivision(v)
        });
        apply(&mut r.first_name, mask_name);
        apply(&mut r.last_name, mask_name);
        apply(&mut r.ssn, masked_whole);
        apply(&mut r.account_number, last_two);
        keep_if(&mut r.swift_code, is_bic);
        keep_if(&mut r.expiry_date, is_mm_yy);
        apply(&mut r.pan, |v| {
            mask_card_like(v, 0, 4, 'x').unwrap_or_else(|| REDACTED.to_owned())
        });
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvPages {
    /// A copy keeping page numbers and URLs of the provider's form.
    pub fn redacted(&self) -> DvPages {
        let mut r = self.clone();
        keep_timestamp(&mut r.timestamp);
        keep_jumio_reference(&mut r.scan_reference);
        r.images = r.images.iter().map(PageLink::redacted).collect();
        withhold_extra(&mut r.extra);
        r
    }
}

impl PageLink {
    /// A copy keeping the page number and a URL of the provider's form.
    pub fn redacted(&self) -> PageLink {
        let mut r = self.clone();
        keep_if(&mut r.href, is_url);
        withhold_extra(&mut r.extra);
        r
    }
}

impl CreditCardData {
    /// A copy showing no more than the masked retrieval does: the first 6
    /// and last 4 digits of the card, the last 2 of the account, the
    /// holder's initial; references and codes only in their documented shape.
    pub fn redacted(&self) -> CreditCardData {
        let mut r = self.clone();
        keep_jumio_reference(&mut r.jumio_request_reference);
        apply(&mut r.card_number, |v| {
            mask_card_like(v, 6, 4, 'x').unwrap_or_else(|| REDACTED.to_owned())
        });
        // Numbers: a month or a year outside its range is left out, there
        // being no stand-in number for a withheld one.
        r.card_expiry_month = r.card_expiry_month.filter(|m| (1..=12).contains(m));
        r.card_expiry_year = r.card_expiry_year.filter(|y| (1000..=9999).contains(y));
        apply(&mut r.card_holder_name, mask_name);
        keep_if(&mut r.card_sort_code, is_sort_code);
        apply(&mut r.card_account_number, |v| {
            mask_card_like(v, 0, 2, 'x').unwrap_or_else(|| REDACTED.to_owned())
        });
        keep_if(&mut r.merchant_reporting_criteria, is_reference);
        withhold_extra(&mut r.extra);
        r
    }
}

crate::redact::redacted_debug!(
    ScanStatusResponse,
    ScanDetails,
    ScanDocument,
    ScanTransaction,
    ScanVerification,
    AdditionalChecks,
    SearchCheck,
    FaceSearchFindings,
    Facemap,
    ScanImages,
    ImageLink,
    AuthenticationDetails,
    DvStatusResponse,
    DvDetails,
    DvTransactionResponse,
    DvRetrievedDocument,
    DvRetrievedData,
    DvExtractedFields,
    DvPages,
    PageLink,
    CreditCardData,
);

/// Date parts do not know which date they are: `Debug` shows them as a
/// date of birth, the year only.
impl fmt::Debug for DateParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = serde_json::to_string(&self.birth()).unwrap_or_default();
        write!(f, "DateParts {shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_like_values_keep_a_bin_and_last_four_at_most() {
        let m = |v: &str| mask_card_like(v, 6, 4, 'x');
        assert_eq!(m("4111111111111111").as_deref(), Some("411111xxxxxx1111"));
        assert_eq!(m("411111xxxxxx1111").as_deref(), Some("411111xxxxxx1111"));
        assert_eq!(
            m("4111 1111 1111 1111").as_deref(),
            Some("4111 11xx xxxx 1111")
        );
        assert_eq!(m("378282246310005").as_deref(), Some("378282xxxxx0005"));
        // Too short for both parts: the last four, then nothing.
        assert_eq!(m("123456789").as_deref(), Some("xxxxx6789"));
        assert_eq!(m("1234567").as_deref(), Some("xxxxxxx"));
        assert_eq!(m("ZEBULON QUACKENBUSH"), None);
        assert_eq!(m("4111111111111111 ZEBULON"), None);
        let mobicard = |v: &str| mask_card_like(v, 4, 4, '*');
        assert_eq!(
            mobicard("5173********5601").as_deref(),
            Some("5173********5601")
        );
        assert_eq!(
            mobicard("5173350006475601").as_deref(),
            Some("5173********5601")
        );
    }

    #[test]
    fn kept_values_lose_numbers_the_finder_reads_as_decimals_or_ends() {
        for (v, want) in [
            ("order-4111111111111111", "order-411111******1111"),
            ("0.4111111111111111", "0.411111******1111"),
            ("4111111111111111.0", "411111******1111.0"),
            ("4111_1111_1111_1111", "4111_11**_****_1111"),
            ("4111/1111/1111/1111", "4111/11**/****/1111"),
            ("18678121768809362", "18678121768809362"),
            (
                "https://netverify.com/api/netverify/v2/scans/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/images/liveness/1",
                "https://netverify.com/api/netverify/v2/scans/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/images/liveness/1",
            ),
        ] {
            assert_eq!(scrub(v), want, "{v}");
        }
    }

    #[test]
    fn shapes_of_retrieval_fields() {
        assert!(is_mm_yy("01/22") && !is_mm_yy("1/22") && !is_mm_yy("ZEBUL"));
        assert!(is_sort_code("12-34-56") && is_sort_code("123456") && is_sort_code("xx-xx-xx"));
        assert!(!is_sort_code("4111111111111111") && !is_sort_code("ZEBULO"));
        assert!(is_tabled_source("WEB-CAM") && is_tabled_source("WEB_UPLOAD"));
        assert!(!is_tabled_source("ZEBULON"));
        assert!(digit_runs_at_most("2019-01-01T16:23:55.039Z", 9));
        assert!(!digit_runs_at_most(
            "2019-01-01T16:23:55.4111111111111111Z",
            9
        ));
    }

    #[test]
    fn timestamps_are_kept_in_their_documented_shape_only() {
        let mut t = Some(LooseTimestamp::parse("2019-01-01T16:23:55.039Z"));
        keep_timestamp(&mut t);
        assert_eq!(
            t.as_ref().map(LooseTimestamp::raw),
            Some("2019-01-01T16:23:55.039Z")
        );
        for hostile in ["4111111111111111", "2019-01-01T16:23:55.4111111111111111Z"] {
            let mut t = Some(LooseTimestamp::parse(hostile));
            keep_timestamp(&mut t);
            assert_eq!(t.as_ref().map(LooseTimestamp::raw), Some(REDACTED));
        }
    }
}
