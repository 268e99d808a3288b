//! What a redacted copy may keep: each kept field keeps its value only when
//! the value has the shape the spec documents for that field (a member of
//! its value set, a code, a country code, a URL of the provider's form);
//! anything else is withheld whole. What is kept then goes through the
//! card-number finder, the last line of defence: a shape check that lets a
//! digit run through (a reference, a URL path) cannot let a card number out.

use super::REDACTED;
use crate::callback::models::ExtraJson;
use crate::card::{mask_pans, MaskStyle};
use indexmap::IndexMap;

/// How card numbers are masked inside kept values: BIN and last four, the
/// most PCI DSS allows to be shown.
const PAN_STYLE: MaskStyle = MaskStyle::Pci;

/// `value` with every card number in it masked, blind to the punctuation
/// an identifier or a URL may hold: the finder reads `_ . / : #` as the
/// end of a number and digits next to a decimal point as a decimal, so
/// `4111_1111_1111_1111`, `4111/1111/1111/1111` or `0.4111111111111111`
/// would pass it whole. Here they are read as the `-` separator the finder
/// knows; the punctuation itself is kept, only digits are masked.
pub fn scrub(value: &str) -> String {
    let once = mask_pans(value, PAN_STYLE).into_owned();
    let probe: String = once
        .chars()
        .map(|c| if "_./:#".contains(c) { '-' } else { c })
        .collect();
    let masked = mask_pans(&probe, PAN_STYLE);
    if masked == probe {
        return once;
    }
    // Both replacements are one character for one, so the characters line up.
    once.chars()
        .zip(masked.chars())
        .map(|(o, m)| {
            if o.is_ascii_digit() && m == '*' {
                '*'
            } else {
                o
            }
        })
        .collect()
}

/// Keeps `field` (card numbers masked) if `shape` accepts it, else withholds it.
pub fn keep_if(field: &mut Option<String>, shape: fn(&str) -> bool) {
    if let Some(v) = field.as_mut() {
        keep_str_if(v, shape);
    }
}

/// [`keep_if`] for a value that is always present. An empty string carries
/// nothing and is kept as it is (the 2022 retrieval examples send `"href": ""`).
pub fn keep_str_if(value: &mut String, shape: fn(&str) -> bool) {
    if value.is_empty() {
        return;
    }
    *value = if shape(value) {
        scrub(value)
    } else {
        REDACTED.to_owned()
    };
}

/// The stand-in for the `n`th (1-based) field name the spec does not list:
/// a name is caller data too (`pan_4111…`, an e-mail address), so only the
/// count of such fields and their order survive.
pub fn placeholder(n: usize) -> String {
    format!("[field-{n}]")
}

/// Undocumented members of a JSON object: names replaced by placeholders,
/// values withheld.
pub fn withhold_extra_json(extra: &mut ExtraJson) {
    *extra = std::mem::take(extra)
        .into_iter()
        .enumerate()
        .map(|(i, _)| (placeholder(i + 1), REDACTED.into()))
        .collect();
}

/// Undocumented form fields: names replaced by placeholders, values withheld.
pub fn withhold_extra_form(extra: &mut IndexMap<String, String>) {
    *extra = std::mem::take(extra)
        .into_iter()
        .enumerate()
        .map(|(i, _)| (placeholder(i + 1), REDACTED.to_owned()))
        .collect();
}

/// ISO 3166-1 alpha-3 (`XKX` included): three capital letters.
pub fn is_country(v: &str) -> bool {
    v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase())
}

/// ISO 3166-2: a country's two letters, a dash, one to three letters or digits (`US-OH`).
pub fn is_subdivision(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4
        && b.len() <= 6
        && b.get(..2)
            .is_some_and(|c| c.iter().all(u8::is_ascii_uppercase))
        && b.get(2) == Some(&b'-')
        && b.get(3..).is_some_and(|c| {
            c.iter()
                .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
        })
}

/// A region code: the last two or three characters of an ISO 3166-2 code
/// (`OH`, `NSW`), or a country code.
pub fn is_region_code(v: &str) -> bool {
    (2..=3).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Jumio's scan reference: a UUID (`x` is the spec's own placeholder digit).
pub fn is_scan_reference(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit() || c == b'x',
        })
}

/// Your own reference (scan, customer, reporting criteria): a scan
/// reference, or an identifier of letters, digits and `-_.:#/` holding at
/// least one digit. The spec asks for no personal data there, but a name
/// or an e-mail address is what a mistaken integration puts in: a word
/// without digits, spaces or `@` do not look like an identifier, so they are withheld.
pub fn is_reference(v: &str) -> bool {
    is_scan_reference(v)
        || (v.len() <= 255
            && v.bytes().any(|b| b.is_ascii_digit())
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:#/".contains(&b)))
}

/// A code of up to five digits (reject reason and detail codes).
pub fn is_code(v: &str) -> bool {
    (1..=5).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
}

/// A code in capitals with `_`, `-` or digits (`PROOF_OF_INCOME`, `DOC-7`):
/// a bare word is withheld, since a name is a bare word too.
pub fn is_code_name(v: &str) -> bool {
    (1..=100).contains(&v.len())
        && v.bytes()
            .any(|b| b == b'_' || b == b'-' || b.is_ascii_digit())
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// A URL as the provider writes them: `http(s)://host[:port]/path`, no user
/// info, query or fragment; each path segment lower case or an identifier
/// holding a digit (`/api/netverify/v2/scans/<uuid>/images/front`). A
/// segment such as `ZEBULON` or `Zebulon` is withheld with the whole URL.
pub fn is_url(v: &str) -> bool {
    let Some(rest) = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
    else {
        return false;
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    v.len() <= 2048
        && !authority.is_empty()
        && authority
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-:[]".contains(&b))
        && path.split('/').all(is_url_segment)
}

fn is_url_segment(s: &str) -> bool {
    let plain = |b: u8| b.is_ascii_digit() || b"-._~".contains(&b);
    s.bytes().all(|b| b.is_ascii_lowercase() || plain(b))
        || (s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || plain(b)))
}

/// A driving-licence category: up to four capitals, digits and `+`
/// (`B`, `C1E`, `BE+`), or up to four CJK ideographs (the spec allows
/// Traditional Chinese).
pub fn is_dl_category(v: &str) -> bool {
    let n = v.chars().count();
    (1..=4).contains(&n)
        && (v
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+')
            || v.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
}

/// A visa category or class: groups of up to three capitals or digits
/// joined by `/` or `-` (`B1/B2`, `H-1B`, `X1`).
pub fn is_visa_category(v: &str) -> bool {
    v.len() <= 11
        && v.split(['/', '-']).all(|g| {
            (1..=3).contains(&g.len())
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// A count or duration: digits, optionally followed by a unit (`90`,
/// `90 DAYS`, `6M`), or `D/S` (duration of status) and the entry words
/// `M`, `MULTIPLE`, `S`, `SINGLE`.
pub fn is_count_or_duration(v: &str) -> bool {
    const WORDS: &[&str] = &[
        "D/S", "M", "MULT", "MULTIPLE", "S", "SINGLE", "D", "DAY", "DAYS", "W", "WEEK", "WEEKS",
        "MONTH", "MONTHS", "Y", "YEAR", "YEARS",
    ];
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    let unit = v.get(digits..).unwrap_or("").trim_start();
    if digits == 0 {
        return WORDS.contains(&v);
    }
    digits <= 4 && (unit.is_empty() || WORDS.contains(&unit.to_ascii_uppercase().as_str()))
}

/// A BIC/SWIFT code: bank (4 letters), country (2), location (2), branch (3, optional).
pub fn is_bic(v: &str) -> bool {
    let b = v.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b.get(..6)
            .is_some_and(|c| c.iter().all(u8::is_ascii_uppercase))
        && b.get(6..).is_some_and(|c| {
            c.iter()
                .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
        })
}

/// Exactly four digits (`cardNumberLastFourDigits`).
pub fn is_last_four(v: &str) -> bool {
    v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_accept_what_the_specs_document() {
        assert!(is_country("DEU") && is_country("XKX"));
        assert!(is_subdivision("US-OH") && is_subdivision("AU-NSW"));
        assert!(is_scan_reference("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
        assert!(is_scan_reference("7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d"));
        assert!(is_reference("order-18734") && is_reference("cust-4402"));
        assert!(is_url("https://netverify.com/recognition/v1/idscan/7a1c9b2e-4f3d-4c8a-9e21-5b6d7f8a9c0d/front"));
        assert!(is_url(
            "http://127.0.0.1:8080/api/netverify/v2/scans/ABC123/images/front"
        ));
        assert!(is_dl_category("C1E") && is_dl_category("BE+") && is_dl_category("小型車"));
        assert!(is_visa_category("B1/B2") && is_visa_category("H-1B"));
        assert!(is_count_or_duration("90") && is_count_or_duration("90 days"));
        assert!(is_count_or_duration("D/S") && is_count_or_duration("MULTIPLE"));
        assert!(is_bic("DEUTDEFF") && is_bic("DEUTDEFF500"));
        assert!(is_code("10011") && is_code_name("PROOF_OF_INCOME"));
    }

    #[test]
    fn shapes_refuse_names_addresses_and_numbers() {
        for v in [
            "ZEBULON",
            "Zebulon Quackenbush",
            "zebulon@mail.example",
            "4111 1111",
        ] {
            assert!(!is_reference(v), "{v}");
            assert!(!is_code_name(v), "{v}");
            assert!(!is_dl_category(v), "{v}");
            assert!(!is_visa_category(v), "{v}");
            assert!(!is_count_or_duration(v), "{v}");
            assert!(!is_bic(v), "{v}");
        }
        assert!(!is_reference("YOURSCANREFERENCE"));
        assert!(!is_url("https://netverify.com/ZEBULON/front"));
        assert!(!is_url("https://user@netverify.com/front"));
        assert!(!is_url("https://netverify.com/front?name=zebulon"));
        assert!(!is_country("ZEBULON") && !is_subdivision("Ohio"));
        assert!(!is_last_four("4111111111111111") && is_last_four("1111"));
    }

    #[test]
    fn scrub_sees_numbers_behind_punctuation() {
        for (v, want) in [
            ("4111_1111_1111_1111", "4111_11**_****_1111"),
            ("ref/4111/1111/1111/1111", "ref/4111/11**/****/1111"),
            ("0.4111111111111111", "0.411111******1111"),
            ("order-18734", "order-18734"),
        ] {
            assert_eq!(scrub(v), want, "{v}");
        }
    }

    #[test]
    fn kept_values_lose_card_numbers_and_unknown_names_their_text() {
        let mut v = Some("4111111111111111".to_owned());
        keep_if(&mut v, is_reference);
        assert_eq!(v.as_deref(), Some("411111******1111"));
        let mut v = Some("ZEBULON".to_owned());
        keep_if(&mut v, is_reference);
        assert_eq!(v.as_deref(), Some(REDACTED));
        let mut extra = IndexMap::new();
        extra.insert("pan_4111111111111111".to_owned(), "x".to_owned());
        extra.insert("ZEBULON@mail.example".to_owned(), "y".to_owned());
        withhold_extra_form(&mut extra);
        let keys: Vec<_> = extra.keys().cloned().collect();
        assert_eq!(keys, ["[field-1]", "[field-2]"]);
    }
}
