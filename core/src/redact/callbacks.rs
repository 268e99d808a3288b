//! Redacted copies of the Netverify and Document Verification callbacks,
//! field by field as the table in [`super`] says.

use super::rules::{
    is_bic, is_code, is_code_name, is_count_or_duration, is_country, is_dl_category, is_last_four,
    is_reference, is_region_code, is_scan_reference, is_subdivision, is_url, is_visa_category,
    keep_if, keep_str_if, withhold_extra_form,
};
use super::{
    apply, last_two, mask_ip, mask_keep_last, mask_name, withhold, withhold_extra, REDACTED,
};
use crate::callback::document::{
    DocumentCallback, DvAddress, DvDocument, DvTransaction, ExtractedData,
};
use crate::callback::models::{DlCategory, IdAddress, IdentityVerification, LivenessImages};
use crate::callback::netverify::NetverifyCallback;
use crate::callback::reject::{RejectReason, RejectReasonDetail};
use crate::Timestamp;

fn scan_reference_or_own(v: &str) -> bool {
    is_scan_reference(v) || is_reference(v)
}

fn keep_urls(urls: &mut [String]) {
    for u in urls {
        keep_str_if(u, is_url);
    }
}

impl NetverifyCallback {
    /// A copy with personal data masked and anything not of its documented
    /// shape withheld (see the module docs), safe to log.
    pub fn redacted(&self) -> NetverifyCallback {
        let mut r = self.clone();
        keep_str_if(&mut r.jumio_id_scan_reference, scan_reference_or_own);
        for t in [
            &mut r.transaction_date,
            &mut r.callback_date,
            &mut r.first_attempt_date,
        ] {
            *t = t.as_ref().map(Timestamp::redacted);
        }
        r.call_back_type = r.call_back_type.map(|v| v.redacted());
        r.verification_status = r.verification_status.redacted();
        r.id_scan_status = r.id_scan_status.map(|v| v.redacted());
        r.id_scan_source = r.id_scan_source.map(|v| v.redacted());
        for check in [
            &mut r.id_check_data_positions,
            &mut r.id_check_document_validation,
            &mut r.id_check_hologram,
            &mut r.id_check_mrz_code,
            &mut r.id_check_microprint,
            &mut r.id_check_security_features,
            &mut r.id_check_signature,
        ] {
            *check = check.as_ref().map(|v| v.redacted());
        }
        r.identity_verification = r.identity_verification.as_ref().map(|v| v.redacted());
        r.id_type = r.id_type.map(|v| v.redacted());
        r.preset_id_type = r.preset_id_type.map(|v| v.redacted());
        r.id_subtype = r.id_subtype.map(|v| v.redacted());
        r.gender = r.gender.map(|v| v.redacted());
        r.dl_car_permission = r.dl_car_permission.map(|v| v.redacted());
        for country in [&mut r.id_country, &mut r.preset_country, &mut r.nationality] {
            keep_if(country, is_country);
        }
        keep_if(&mut r.id_us_state, is_region_code);
        r.reject_reason = r.reject_reason.as_ref().map(RejectReason::redacted);
        for url in [
            &mut r.id_scan_image,
            &mut r.id_scan_image_face,
            &mut r.id_scan_image_backside,
        ] {
            keep_if(url, is_url);
        }
        r.liveness_images = r.liveness_images.as_ref().map(LivenessImages::redacted);
        apply(&mut r.id_first_name, mask_name);
        apply(&mut r.id_last_name, mask_name);
        for f in [
            &mut r.id_number,
            &mut r.personal_number,
            &mut r.optional_data1,
            &mut r.optional_data2,
            &mut r.dni,
            &mut r.curp,
            &mut r.passport_number,
        ] {
            apply(f, last_two);
        }
        r.id_dob = r.id_dob.as_ref().map(|d| d.redacted());
        apply(&mut r.origin_dob, |v| {
            v.chars()
                .enumerate()
                .map(|(i, c)| match c {
                    '/' => '/',
                    _ if i < 4 && c.is_ascii_digit() => c,
                    _ => 'x',
                })
                .collect()
        });
        r.id_address = r.id_address.as_ref().map(IdAddress::redacted);
        for f in [
            &mut r.merchant_id_scan_reference,
            &mut r.merchant_reporting_criteria,
            &mut r.customer_id,
        ] {
            keep_if(f, is_reference);
        }
        apply(&mut r.client_ip, mask_ip);
        keep_if(&mut r.duration_of_stay, is_count_or_duration);
        keep_if(&mut r.number_of_entries, is_count_or_duration);
        keep_if(&mut r.visa_category, is_visa_category);
        withhold(&mut r.issuing_authority);
        withhold(&mut r.issuing_place);
        if let Some(cats) = r.dl_categories.as_mut() {
            for c in &mut cats.0 {
                *c = c.redacted();
            }
        }
        withhold_extra_form(&mut r.extra);
        r
    }
}

impl IdentityVerification {
    /// A copy keeping only documented verdicts.
    pub fn redacted(&self) -> IdentityVerification {
        let mut r = self.clone();
        r.similarity = r.similarity.map(|v| v.redacted());
        r.reason = r.reason.map(|v| v.redacted());
        withhold_extra(&mut r.extra);
        r
    }
}

impl RejectReason {
    /// A copy keeping codes and the spec's descriptions only.
    pub fn redacted(&self) -> RejectReason {
        let mut r = self.clone();
        r.reject_reason_code = r.reject_reason_code.map(|c| c.redacted_if(is_code));
        let documented = r.reject_reason_code.as_ref().and_then(|c| c.description());
        keep_description(&mut r.reject_reason_description, documented);
        for d in &mut r.reject_reason_details {
            *d = d.redacted();
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl RejectReasonDetail {
    /// A copy keeping the code and the spec's description only.
    pub fn redacted(&self) -> RejectReasonDetail {
        let mut r = self.clone();
        r.details_code = r.details_code.map(|c| c.redacted_if(is_code));
        let documented = r.details_code.as_ref().and_then(|c| c.description());
        keep_description(&mut r.details_description, documented);
        withhold_extra(&mut r.extra);
        r
    }
}

/// A description is kept only when it is the spec's text for its code.
fn keep_description(field: &mut Option<String>, documented: Option<&str>) {
    if let Some(v) = field.as_mut() {
        if Some(v.as_str()) != documented {
            *v = REDACTED.to_owned();
        }
    }
}

impl DlCategory {
    /// A copy keeping the category code, dates and verdicts.
    pub fn redacted(&self) -> DlCategory {
        let mut r = self.clone();
        keep_if(&mut r.category, is_dl_category);
        r.availability = r.availability.map(|v| v.redacted());
        withhold_extra(&mut r.extra);
        r
    }
}

impl IdAddress {
    /// A copy keeping only the country and the state or province code.
    pub fn redacted(&self) -> IdAddress {
        let mut r = self.clone();
        for f in r.personal_fields_mut() {
            withhold(f);
        }
        withhold(&mut r.formatted_address);
        keep_if(&mut r.country, is_country);
        keep_if(&mut r.state_code, is_subdivision);
        keep_if(&mut r.province, is_region_code);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DocumentCallback {
    /// A copy with personal data masked and anything not of its documented
    /// shape withheld (see the module docs), safe to log.
    pub fn redacted(&self) -> DocumentCallback {
        let mut r = self.clone();
        keep_str_if(&mut r.scan_reference, scan_reference_or_own);
        r.timestamp = r.timestamp.as_ref().map(Timestamp::redacted);
        r.transaction = r.transaction.redacted();
        r.document = r.document.as_ref().map(DvDocument::redacted);
        withhold_extra_form(&mut r.extra);
        r
    }
}

impl DvTransaction {
    /// A copy keeping statuses, dates and your references.
    pub fn redacted(&self) -> DvTransaction {
        let mut r = self.clone();
        r.date = r.date.as_ref().map(Timestamp::redacted);
        r.status = r.status.map(|v| v.redacted());
        r.source = r.source.map(|v| v.redacted());
        for f in [
            &mut r.merchant_scan_reference,
            &mut r.customer_id,
            &mut r.merchant_reporting_criteria,
        ] {
            keep_if(f, is_reference);
        }
        apply(&mut r.client_ip, mask_ip);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvDocument {
    /// A copy keeping status, type, country and image URLs, with the
    /// extracted data masked.
    pub fn redacted(&self) -> DvDocument {
        let mut r = self.clone();
        r.status = r.status.map(|v| v.redacted());
        r.document_type = r.document_type.map(|v| v.redacted());
        keep_if(&mut r.country, is_country);
        keep_urls(&mut r.images);
        keep_if(&mut r.original_document, is_url);
        keep_if(&mut r.custom_document_code, is_code_name);
        r.extracted_data = r.extracted_data.as_ref().map(ExtractedData::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl ExtractedData {
    /// A copy with names, numbers and address masked.
    pub fn redacted(&self) -> ExtractedData {
        let mut r = self.clone();
        apply(&mut r.first_name, mask_name);
        apply(&mut r.last_name, mask_name);
        apply(&mut r.name, mask_name);
        // Masked by character, not by digit: a value that is not the
        // documented number must not show its letters either.
        apply(&mut r.pan, |v| mask_keep_last(v, 4, 'x'));
        apply(&mut r.account_number, last_two);
        apply(&mut r.ssn, |v| mask_keep_last(v, 0, 'x'));
        keep_if(&mut r.swift_code, is_bic);
        keep_if(&mut r.card_number_last_four_digits, is_last_four);
        r.address = r.address.as_ref().map(DvAddress::redacted);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvAddress {
    /// A copy keeping only the country and a subdivision code.
    pub fn redacted(&self) -> DvAddress {
        let mut r = self.clone();
        for f in [
            &mut r.line1,
            &mut r.line2,
            &mut r.line3,
            &mut r.line4,
            &mut r.line5,
            &mut r.postal_code,
            &mut r.city,
        ] {
            withhold(f);
        }
        keep_if(&mut r.country_code, is_country);
        keep_if(&mut r.subdivision, |v| {
            is_region_code(v) || is_subdivision(v)
        });
        withhold_extra(&mut r.extra);
        r
    }
}

impl LivenessImages {
    /// A copy keeping only URLs of the provider's form.
    pub fn redacted(&self) -> LivenessImages {
        let mut r = self.clone();
        keep_urls(&mut r.0);
        r
    }
}

crate::redact::redacted_debug!(
    IdentityVerification,
    RejectReason,
    RejectReasonDetail,
    DlCategory,
    LivenessImages,
    DvTransaction,
    DvDocument
);
