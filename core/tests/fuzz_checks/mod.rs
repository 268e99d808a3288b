//! The invariants the fuzz targets check, shared by `fuzz/fuzz_targets/*`
//! (included by path) and by `core/tests/fuzz_replay.rs`, which replays the
//! corpora and past crash inputs on stable in `make test`. Each check panics
//! when an invariant breaks; that is how libFuzzer learns of it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use scankit::card::{
    find_pans, format_number, mask_pans, mask_pans_with, validate_expiry, validate_number,
    MaskStyle, Masker, PanMaskWriter, YearMonth, MAX_HELD,
};
use scankit::{DocumentCallback, NetverifyCallback, ParseOptions};
use std::io::Write;

/// Reading back what scankit wrote: the size limit guards against hostile
/// bodies, and a re-encoded body may be longer than the one read (raw UTF-8
/// becomes `%XX`), so it does not apply here.
fn own_output() -> ParseOptions {
    ParseOptions {
        max_body_bytes: usize::MAX,
        ..ParseOptions::default()
    }
}

/// A check: panics when an invariant breaks for this input.
pub type Check = fn(&[u8]);

/// Every target, by name: the fuzz target of the same name calls it.
pub const TARGETS: &[(&str, Check)] = &[
    ("netverify_callback", netverify_callback),
    ("document_callback", document_callback),
    ("card_number", card_number),
    ("card_expiry", card_expiry),
    ("mask_pans", mask_pans_text),
    ("mask_stream", mask_stream),
    ("retrieval_response", retrieval_response),
    ("mobicard_response", mobicard_response),
    ("image_precheck", image_precheck),
    ("jwt", jwt),
];

/// A parsed callback writes back (form and JSON) to an equal value, decides,
/// and its redacted copy shows at most two characters of the ID number.
pub fn netverify_callback(data: &[u8]) {
    let Ok(cb) = NetverifyCallback::parse(data) else {
        return;
    };
    let again = NetverifyCallback::parse_with(cb.to_form().as_bytes(), &own_output())
        .expect("to_form output parses");
    assert_eq!(again, cb, "to_form round trip");
    let json = NetverifyCallback::from_json(&cb.to_json()).expect("to_json output reads back");
    assert_eq!(json, cb, "to_json round trip");
    let _ = cb.decision();
    let _ = cb.masked_by_provider();
    let redacted = cb.redacted();
    if let Some(shown) = &redacted.id_number {
        // An ID number the provider already sent masked ("xxxxxx18") may
        // come out unchanged: what counts is what is left readable.
        let readable = shown.chars().filter(|c| *c != 'x').count();
        assert!(
            readable <= 2,
            "redaction left {readable} characters of the ID number"
        );
    }
    let _ = format!("{cb:?}");
}

/// The same for Document Verification; a redacted card number keeps at most four digits.
pub fn document_callback(data: &[u8]) {
    let Ok(cb) = DocumentCallback::parse(data) else {
        return;
    };
    let again = DocumentCallback::parse_with(cb.to_form().as_bytes(), &own_output())
        .expect("to_form output parses");
    assert_eq!(again, cb, "to_form round trip");
    let json = DocumentCallback::from_json(&cb.to_json()).expect("to_json output reads back");
    assert_eq!(json, cb, "to_json round trip");
    let redacted = cb.redacted();
    let pan = redacted
        .document
        .as_ref()
        .and_then(|d| d.extracted_data.as_ref())
        .and_then(|e| e.pan.as_ref());
    if let Some(pan) = pan {
        let digits = pan.chars().filter(char::is_ascii_digit).count();
        assert!(digits <= 4, "redacted pan shows {digits} digits");
    }
    let _ = format!("{cb:?}");
}

/// A valid number stays valid once formatted for display; valid implies potentially valid.
pub fn card_number(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let v = validate_number(text);
    assert!(
        !v.valid || v.potentially_valid,
        "valid but not potentially valid"
    );
    let formatted = format_number(text, text.chars().count() / 2);
    assert!(
        formatted.caret <= formatted.text.chars().count(),
        "caret past the end"
    );
    if v.valid {
        assert!(
            validate_number(&formatted.text).valid,
            "formatting broke a valid number"
        );
    }
}

/// A valid expiry has a real month and is not in the past.
pub fn card_expiry(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = YearMonth {
        year: 2026,
        month: 11,
    };
    let v = validate_expiry(text, today);
    assert!(!v.valid || v.potentially_valid);
    if v.valid {
        let (month, year) = (
            v.month.expect("valid has a month"),
            v.year.expect("valid has a year"),
        );
        assert!((1..=12).contains(&month), "month {month}");
        assert!((year, month) >= (2026, 11), "expired {year}-{month}");
    }
}

/// Masking keeps every byte offset, shows at most the last four digits of
/// each number found, and leaves none of the numbers it found readable.
///
/// (The digits it leaves, the last four, can join the digits after a found
/// number into a new Luhn-valid run that a second pass would mask: that run
/// was not a card number in the input, so it is not held against masking.)
pub fn mask_pans_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let masked = mask_pans(&text, MaskStyle::Last4);
    assert_eq!(masked.len(), text.len(), "masking moved bytes");
    let digits_of = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let mut found = Vec::new();
    for span in find_pans(&text) {
        let shown = masked
            .get(span.start..span.end)
            .expect("span on char boundaries");
        let digits = digits_of(shown).len();
        assert!(digits <= 4, "a masked number shows {digits} digits");
        found.push(digits_of(&text[span.start..span.end]));
    }
    for span in find_pans(&masked) {
        let digits = digits_of(&masked[span.start..span.end]);
        assert!(!found.contains(&digits), "a card number survived masking");
    }
}

/// Streaming masking writes exactly what masking the whole text does,
/// however the text is cut into writes, and holds at most `MAX_HELD` bytes
/// between writes.
///
/// The first byte picks how many of the next bytes are write sizes (its
/// low 3 bits, each byte `n` a write of `n + 1` bytes, in turn; none: one
/// write), the style
/// (bits 3 to 5) and the mask character (`•` when bit 6 is set); the rest
/// is the text. Writes of one byte each are tried too.
pub fn mask_stream(data: &[u8]) {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let (sizes, text) = rest.split_at(usize::from(head & 7).min(rest.len()));
    let style = MaskStyle::ALL[usize::from(head >> 3 & 7) % MaskStyle::ALL.len()];
    let masker = if head & 64 != 0 {
        Masker::new(style, '•')
    } else {
        Masker::from(style)
    };
    let text = String::from_utf8_lossy(text);
    let whole = mask_pans_with(&text, masker);
    let mut sizes: Vec<usize> = sizes.iter().map(|&n| usize::from(n) + 1).collect();
    if sizes.is_empty() {
        sizes.push(text.len().max(1));
    }
    for sizes in [&sizes[..], &[1]] {
        let mut w = PanMaskWriter::with_masker(Vec::new(), masker);
        let mut rest = text.as_bytes();
        for &size in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (piece, tail) = rest.split_at(size.min(rest.len()));
            w.write_all(piece).expect("writes to a Vec");
            assert!(w.held() <= MAX_HELD, "holds {} bytes", w.held());
            rest = tail;
        }
        let out = w.finish().expect("writes to a Vec");
        assert!(
            out == whole.as_bytes(),
            "streamed in writes of {sizes:?}: {:?}, whole: {whole:?}",
            String::from_utf8_lossy(&out)
        );
    }
}

/// Every retrieval model that reads the bytes writes back to an equal value.
pub fn retrieval_response(data: &[u8]) {
    use scankit::retrieval::*;
    fn round_trip<T>(data: &[u8])
    where
        T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
    {
        if let Ok(v) = serde_json::from_slice::<T>(data) {
            let back = serde_json::to_vec(&v).expect("serializes");
            let again: T = serde_json::from_slice(&back).expect("reads back");
            assert_eq!(again, v, "{} round trip", std::any::type_name::<T>());
        }
    }
    round_trip::<ScanStatusResponse>(data);
    round_trip::<ScanDetails>(data);
    round_trip::<ScanDocument>(data);
    round_trip::<ScanTransaction>(data);
    round_trip::<ScanVerification>(data);
    round_trip::<ScanImages>(data);
    round_trip::<AuthenticationDetails>(data);
    round_trip::<Facemap>(data);
    round_trip::<DvStatusResponse>(data);
    round_trip::<DvDetails>(data);
    round_trip::<DvRetrievedDocument>(data);
    round_trip::<DvTransactionResponse>(data);
    round_trip::<DvPages>(data);
    round_trip::<CreditCardData>(data);
}

/// A MobiCard response that parses writes back to an equal value, maps to an
/// action, and its redacted copy shows at most eight digits of the card number.
pub fn mobicard_response(data: &[u8]) {
    use scankit::mobicard::ScanResponse;
    let Ok(r) = ScanResponse::parse(data) else {
        return;
    };
    let back = serde_json::to_vec(&r).expect("serializes");
    assert_eq!(
        ScanResponse::parse(&back).expect("reads back"),
        r,
        "round trip"
    );
    let _ = r.action();
    let redacted = r.redacted();
    let shown = serde_json::to_string(&redacted).expect("serializes");
    let _ = format!("{r:?}");
    if let Some(n) = redacted
        .card_information
        .as_ref()
        .and_then(|c| c.card_number.as_ref())
    {
        let digits = n.expose().chars().filter(char::is_ascii_digit).count();
        assert!(
            digits <= 8,
            "redacted card number shows {digits} digits: {shown}"
        );
    }
}

/// The image pre-check never panics, finds a format only where the magic
/// bytes say so, and never accepts an image it knows to be too small
/// (dimensions it cannot read are a warning, not an error).
pub fn image_precheck(data: &[u8]) {
    use scankit::mobicard::{detect_format, precheck_image, ImageLimits};
    let check = precheck_image(data, &ImageLimits::default());
    assert_eq!(check.bytes, data.len());
    assert_eq!(check.format, detect_format(data));
    if check.is_ok() {
        assert!(check.format.is_some(), "accepted without a format");
        if let (Some(w), Some(h)) = (check.width, check.height) {
            assert!(w.max(h) >= 800 && w.min(h) >= 600, "accepted {w}x{h}");
        } else {
            assert!(
                !check.warnings.is_empty(),
                "unsized image accepted without a warning"
            );
        }
    }
}

/// An HS256 token has three base64url parts, and signing is deterministic
/// and depends on the key.
pub fn jwt(data: &[u8]) {
    use scankit::mobicard::sign_hs256;
    let text = String::from_utf8_lossy(data);
    let (payload, key) = text.split_once('\n').unwrap_or((&text, "k"));
    let token = sign_hs256(payload, key);
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "three parts");
    assert!(token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
    assert_eq!(token, sign_hs256(payload, key), "deterministic");
    let other = format!("{key}x");
    assert_ne!(token, sign_hs256(payload, &other), "the key matters");
}
