//! Cards. The hot functions (`number`, `expirationDate`, `cvv`,
//! `cardholderName`) return their verdict packed into one number, so that a
//! keystroke costs one call and no allocation; the wrapper unpacks it into
//! card-validator's shape. Everything else returns plain objects.

use crate::error;
use scankit::card::{
    self, Brand, MaskStyle, Masker, NumberOptions, Pan, PanError, Pattern, YearMonth, BRANDS,
};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The brand table in `credit-card-type`'s shape, in the order brands are
/// tried; a brand's index here is the one the packed verdicts use.
#[wasm_bindgen(js_name = brandTable)]
pub fn brand_table() -> Result<JsValue, JsValue> {
    let table: Vec<Value> = BRANDS
        .iter()
        .map(|b| {
            let patterns: Vec<Value> = b
                .patterns
                .iter()
                .map(|p| match p {
                    Pattern::Prefix(n) => json!(n),
                    Pattern::Range(lo, hi) => json!([lo, hi]),
                })
                .collect();
            json!({
                "niceType": b.name,
                "type": b.id,
                "patterns": patterns,
                "gaps": b.gaps,
                "lengths": b.lengths,
                "code": { "name": b.code.name, "size": b.code.size },
            })
        })
        .collect();
    error::to_js(&table)
}

/// `number()` packed: bits 0-4 brand index + 1 (0: none), bit 5 potentially
/// valid, bit 6 valid, bit 7 Luhn valid, bits 8-15 digit count (at most
/// 255), and the candidate set times 2^16 (bit i: brand index i).
/// `max_length` 0 means none; `flags` bit 0 `luhnValidateUnionPay`, bit 1
/// `skipLuhn`.
#[wasm_bindgen(js_name = numberPacked)]
pub fn number_packed(value: &str, max_length: u32, flags: u32) -> f64 {
    let options = NumberOptions {
        max_length: (max_length > 0).then_some(max_length as usize),
        skip_luhn: flags & 2 != 0,
        luhn_validate_unionpay: flags & 1 != 0,
    };
    let v = card::validate_number_with(value, &options);
    let brand = v.brand.map_or(0, |b| b.index() as u32 + 1);
    let low = brand
        | u32::from(v.potentially_valid) << 5
        | u32::from(v.valid) << 6
        | u32::from(v.luhn_valid) << 7
        | (v.length.min(255) as u32) << 8;
    let candidates = v
        .candidates
        .iter()
        .fold(0u32, |set, b| set | 1 << b.index());
    f64::from(candidates) * 65536.0 + f64::from(low)
}

/// `expirationDate()` packed: bit 0 potentially valid, bit 1 valid, bits
/// 2-5 month (0: none), bits 8-23 year (0: none).
#[wasm_bindgen(js_name = expiryPacked)]
pub fn expiry_packed(value: &str, today_year: u16, today_month: u8, max_years_ahead: u16) -> u32 {
    let today = YearMonth {
        year: today_year,
        month: today_month,
    };
    let v = card::validate_expiry_with(value, today, max_years_ahead);
    u32::from(v.potentially_valid)
        | u32::from(v.valid) << 1
        | u32::from(v.month.unwrap_or(0)) << 2
        | u32::from(v.year.unwrap_or(0)) << 8
}

/// `cvv()` packed: bit 0 potentially valid, bit 1 valid. With `by_brand`,
/// the code size of `brand` (a brand index, or -1 for 3 or 4 digits)
/// instead of `sizes`.
#[wasm_bindgen(js_name = cvvPacked)]
pub fn cvv_packed(value: &str, sizes: &[u32], by_brand: bool, brand: i32) -> u32 {
    let v = if by_brand {
        let brand = usize::try_from(brand)
            .ok()
            .and_then(|i| Brand::ALL.get(i).copied());
        card::validate_cvv_for(value, brand)
    } else {
        let sizes: Vec<usize> = sizes.iter().map(|&s| s as usize).collect();
        card::validate_cvv(value, &sizes)
    };
    u32::from(v.potentially_valid) | u32::from(v.valid) << 1
}

/// `cardholderName()` packed: bit 0 potentially valid, bit 1 valid.
#[wasm_bindgen(js_name = cardholderNamePacked)]
pub fn cardholder_name_packed(value: &str) -> u32 {
    let v = card::validate_cardholder_name(value);
    u32::from(v.potentially_valid) | u32::from(v.valid) << 1
}

/// Converts a UTF-16 offset in `s` to a char offset (clamped to the end).
fn utf16_to_chars(s: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.chars().enumerate() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    s.chars().count()
}

/// Formats a card number as typed: `{ value, caret, brand }`, the caret
/// carried across (UTF-16 offsets in and out).
#[wasm_bindgen(js_name = formatCardNumber)]
pub fn format_card_number(value: &str, caret: u32) -> Result<JsValue, JsValue> {
    let f = card::format_number(value, utf16_to_chars(value, caret as usize));
    // The output is ASCII digits and spaces: chars are UTF-16 units.
    error::to_js(&json!({
        "value": f.text,
        "caret": f.caret,
        "brand": f.brand.map(Brand::id),
    }))
}

fn style(name: Option<String>) -> Result<MaskStyle, JsValue> {
    match name {
        None => Ok(MaskStyle::Pci),
        Some(n) => MaskStyle::from_name(&n).ok_or_else(|| {
            error::argument(
                "style: expected jumio, jumio-account, mobicard, pci, pci8 or last4",
                "style",
            )
        }),
    }
}

fn masker(style_name: Option<String>, mask_char: Option<String>) -> Result<Masker, JsValue> {
    let style = style(style_name)?;
    let refused = || {
        error::argument(
            "maskChar: expected one character that is not a digit or other numeric character",
            "maskChar",
        )
    };
    let Some(s) = mask_char else {
        return Ok(Masker::from(style));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Masker::try_new(style, c).map_err(|_| refused()),
        _ => Err(refused()),
    }
}

/// Masks the digits of one number (separators kept).
#[wasm_bindgen(js_name = maskPan)]
pub fn mask_pan(
    value: &str,
    style: Option<String>,
    mask_char: Option<String>,
) -> Result<String, JsValue> {
    Ok(masker(style, mask_char)?.mask(value))
}

/// Masks every card number found in a text.
#[wasm_bindgen(js_name = maskPans)]
pub fn mask_pans(
    text: &str,
    style: Option<String>,
    mask_char: Option<String>,
) -> Result<String, JsValue> {
    Ok(card::mask_pans_with(text, masker(style, mask_char)?).into_owned())
}

/// The card numbers in a text: `[{ start, end, brand }]`, UTF-16 offsets.
#[wasm_bindgen(js_name = findPans)]
pub fn find_pans(text: &str) -> Result<JsValue, JsValue> {
    // JavaScript strings index UTF-16 units.
    let out: Vec<_> = card::find_pans_in(text, card::TextUnit::Utf16)
        .into_iter()
        .map(|s| json!({ "start": s.start, "end": s.end, "brand": s.brand.id() }))
        .collect();
    error::to_js(&out)
}

/// Whether the digits pass the Luhn check.
#[wasm_bindgen(js_name = luhnValid)]
pub fn luhn_valid(digits: &str) -> bool {
    card::luhn_valid(digits)
}

/// Checks a complete card number: `{ brand, length, last4, masked }`, or a
/// `CardNumberError` whose text never holds the number.
#[wasm_bindgen(js_name = checkPan)]
pub fn check_pan(value: &str) -> Result<JsValue, JsValue> {
    let pan = Pan::parse(value).map_err(|e| {
        let code = match e {
            PanError::NotDigits => "not_digits",
            PanError::UnknownBrand => "unknown_brand",
            PanError::BadLength { .. } => "bad_length",
            PanError::Luhn => "luhn",
            _ => "invalid",
        };
        JsValue::from(error::descriptor(
            "CardNumberError",
            &e.to_string(),
            code,
            Some("number"),
        ))
    })?;
    error::to_js(&json!({
        "brand": pan.brand().id(),
        "length": pan.len(),
        "last4": pan.last4(),
        "masked": pan.masked(MaskStyle::Pci),
    }))
}
