//! Redaction: copies of results with personal data masked, safe to log.
//!
//! What is kept: statuses, codes, checks, document type and country, image
//! URLs, your own references, dates of the transaction. What is masked:
//! - names: the first letter, then `***` (`N/A`, the spec's "non-Latin
//!   name" marker, is kept);
//! - document, personal, passport and MRZ numbers: all but the last two characters;
//! - card numbers: all but the last four digits; account numbers: all but the last two;
//! - date of birth: the year only;
//! - address: all but the country and the state or province;
//! - client IP: the network part only (`34.202.x.x`);
//! - fields the spec does not list, at the top level and inside the address and
//!   extracted data: the whole value, since nothing is known of it (inside
//!   `identityVerification`, `rejectReason` and the like they are kept: those
//!   objects hold verdicts, not personal data).

use crate::card::{mask_digits, MaskStyle, Masker};
use crate::document::{DocumentCallback, DvAddress, ExtractedData};
use crate::models::{ExtraJson, IdAddress};
use crate::netverify::NetverifyCallback;

/// Shown for a value that is withheld whole.
pub const REDACTED: &str = "[redacted]";

/// Masks all but the last `keep` characters with `mask`; values too short to
/// leave at least four characters masked are masked whole.
pub fn mask_keep_last(value: &str, keep: usize, mask: char) -> String {
    let n = value.chars().count();
    let shown = if n >= keep + 4 { keep } else { 0 };
    value
        .chars()
        .enumerate()
        .map(|(i, c)| if i + shown < n { mask } else { c })
        .collect()
}

/// A name reduced to its first letter.
pub fn mask_name(value: &str) -> String {
    if value == "N/A" {
        return value.to_owned();
    }
    match value.chars().next() {
        Some(first) => format!("{first}***"),
        None => String::new(),
    }
}

/// An IP address reduced to its network part: two octets of IPv4, three
/// groups of IPv6; anything else is withheld whole.
pub fn mask_ip(value: &str) -> String {
    match value.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(v4)) => {
            let [a, b, _, _] = v4.octets();
            format!("{a}.{b}.x.x")
        }
        Ok(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:x:x:x:x:x", s[0], s[1], s[2])
        }
        Err(_) => REDACTED.to_owned(),
    }
}

pub(crate) fn apply(field: &mut Option<String>, mask: impl Fn(&str) -> String) {
    if let Some(v) = field.as_mut() {
        *v = mask(v);
    }
}

/// Withholds every field of a JSON object the spec does not list.
pub(crate) fn withhold_extra(extra: &mut ExtraJson) {
    for v in extra.values_mut() {
        *v = REDACTED.into();
    }
}

fn withhold(field: &mut Option<String>) {
    apply(field, |_| REDACTED.to_owned());
}

fn last_two(v: &str) -> String {
    mask_keep_last(v, 2, 'x')
}

impl NetverifyCallback {
    /// A copy with personal data masked (see the module docs), safe to log.
    pub fn redacted(&self) -> NetverifyCallback {
        let mut r = self.clone();
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
                .map(|(i, c)| if i < 4 || c == '/' { c } else { 'x' })
                .collect()
        });
        apply(&mut r.client_ip, mask_ip);
        if let Some(a) = r.id_address.as_mut() {
            *a = a.redacted();
        }
        for v in r.extra.values_mut() {
            *v = REDACTED.to_owned();
        }
        r
    }
}

impl IdAddress {
    /// A copy keeping only the country and the state or province.
    pub fn redacted(&self) -> IdAddress {
        let mut r = self.clone();
        for f in r.personal_fields_mut() {
            withhold(f);
        }
        withhold(&mut r.formatted_address);
        withhold_extra(&mut r.extra);
        r
    }
}

impl DocumentCallback {
    /// A copy with personal data masked (see the module docs), safe to log.
    pub fn redacted(&self) -> DocumentCallback {
        let mut r = self.clone();
        apply(&mut r.transaction.client_ip, mask_ip);
        if let Some(data) = r.document.as_mut().and_then(|d| d.extracted_data.as_mut()) {
            *data = data.redacted();
        }
        for v in r.extra.values_mut() {
            *v = REDACTED.to_owned();
        }
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
        apply(&mut r.pan, |v| Masker::new(MaskStyle::Last4, 'x').mask(v));
        apply(&mut r.account_number, |v| {
            mask_digits(v, MaskStyle::JumioAccount)
        });
        apply(&mut r.ssn, |v| mask_keep_last(v, 0, 'x'));
        if let Some(a) = r.address.as_mut() {
            *a = a.redacted();
        }
        withhold_extra(&mut r.extra);
        r
    }
}

impl DvAddress {
    /// A copy keeping only the country and subdivision.
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
        withhold_extra(&mut r.extra);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_last_characters_only_when_enough_are_masked() {
        assert_eq!(
            mask_keep_last("4111111111111111", 4, 'x'),
            "xxxxxxxxxxxx1111"
        );
        assert_eq!(mask_keep_last("P1234", 2, 'x'), "xxxxx");
        assert_eq!(mask_keep_last("P12345", 2, 'x'), "xxxx45");
        assert_eq!(mask_keep_last("", 2, 'x'), "");
    }

    #[test]
    fn names_keep_their_initial_and_the_non_latin_marker() {
        assert_eq!(mask_name("FIRSTNAME"), "F***");
        assert_eq!(mask_name("Ørjan"), "Ø***");
        assert_eq!(mask_name("N/A"), "N/A");
    }

    #[test]
    fn ip_addresses_keep_their_network_part() {
        assert_eq!(mask_ip("34.202.241.227"), "34.202.x.x");
        assert_eq!(
            mask_ip("2001:db8:85a3::8a2e:370:7334"),
            "2001:db8:85a3:x:x:x:x:x"
        );
        assert_eq!(mask_ip("xxx.xxx.xxx.xxx"), REDACTED);
    }
}
