//! Redaction: copies of results with personal data masked, safe to log.
//!
//! Redaction works by allowlist. A field is shown only in the form its
//! family allows below, and a value is kept verbatim only when it has the
//! shape the spec documents for its field ([`rules`]); anything else is
//! withheld (`[redacted]`). Whatever is kept then goes through the
//! card-number finder and any card number in it is masked (BIN and last
//! four at most), the last line of defence.
//!
//! | family | fields (Netverify; Document Verification) | shown |
//! |---|---|---|
//! | value sets | statuses, sources, checks, `idType`, `idSubtype`, `gender`, `dlCarPermission`, similarity, validity reason, availability; DV statuses, `source`, `type` | documented members only |
//! | codes | `rejectReasonCode`, `detailsCode` | documented codes, or up to five digits |
//! | descriptions | `rejectReasonDescription`, `detailsDescription` | only the spec's description of a documented code |
//! | countries and regions | `idCountry`, `presetCountry`, `nationality`, address `country`, DV `country`, `countryCode`; `stateCode`; `idUsState`, `province`, `subdivision` | alpha-3 codes; ISO 3166-2 codes; two- or three-character region codes |
//! | dates and instants | timestamps, `idExpiry`, `issuingDate`, DL dates; DV dates | kept (they are parsed, so they hold nothing else) |
//! | date of birth | `idDob`, `originDob` | the year only |
//! | references | `jumioIdScanReference`, `merchantIdScanReference`, `merchantReportingCriteria`, `customerId`; `scanReference`, `merchantScanReference`, `customDocumentCode` | a UUID, or an identifier holding a digit (a code in capitals for `customDocumentCode`) |
//! | URLs | image URLs, `livenessImages`; `images`, `originalDocument` | `http(s)://host/path` with lower-case or digit-holding path segments, no query |
//! | visa details | `durationOfStay`, `numberOfEntries`, `visaCategory` | counts, durations and category codes |
//! | driving licence | `dlCategories[].category` | category codes |
//! | names | `idFirstName`, `idLastName`; `firstName`, `lastName`, `name` | the first letter, then `***` (`N/A`, the spec's non-Latin marker, kept) |
//! | document numbers | `idNumber`, `personalNumber`, `optionalData1/2`, `dni`, `curp`, `passportNumber` | the last two characters |
//! | card and account numbers | DV `pan`; `accountNumber`; `cardNumberLastFourDigits`; `swiftCode` | last four; last two; four digits only; a BIC only |
//! | identifiers of a person | DV `ssn` | nothing |
//! | address | all but country and region; `formattedAddress`; `issuingAuthority`, `issuingPlace` | withheld |
//! | client IP | `clientIp` | the network part (`34.202.x.x`) |
//! | fields the spec does not list | at every level | name replaced by `[field-N]` (N counting them in order), value withheld |

mod callbacks;
pub mod rules;

use crate::callback::models::ExtraJson;

/// `Debug` as the redacted copy shows it, for models whose parts reach logs
/// on their own (`{:?}` of `cb.transaction`, of a retrieval section).
macro_rules! redacted_debug {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let shown = serde_json::to_string(&self.redacted()).unwrap_or_default();
                write!(f, "{} {}", stringify!($t), shown)
            }
        }
    )+};
}
pub(crate) use redacted_debug;

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
    match value.chars().find(|c| c.is_alphabetic()) {
        Some(first) => format!("{first}***"),
        None => "***".to_owned(),
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

/// Withholds every member of a JSON object the spec does not list, names included.
pub(crate) fn withhold_extra(extra: &mut ExtraJson) {
    rules::withhold_extra_json(extra);
}

pub(crate) fn withhold(field: &mut Option<String>) {
    apply(field, |_| REDACTED.to_owned());
}

pub(crate) fn last_two(v: &str) -> String {
    mask_keep_last(v, 2, 'x')
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
        // A "name" that is a card number shows no digit.
        assert_eq!(mask_name("4111111111111111"), "***");
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
