"""scankit: Jumio identity-verification callbacks and retrieval, and payment
card scan results, from one Rust core.

>>> import scankit
>>> cb = scankit.parse_callback(b"jumioIdScanReference=abc&verificationStatus=DENIED_FRAUD")
>>> cb.decision().outcome
'fraud'
"""

from __future__ import annotations

from typing import Union

from scankit._errors import CallbackParseError, CardError, RetrievalError, ScanKitError
from scankit._scankit import (
    CALLBACK_HOSTNAMES,
    EU_CALLBACK_IPS,
    MASK_STYLES,
    US_CALLBACK_IPS,
    Allowlist,
    CardNumberValidation,
    Decision,
    DocumentCallback,
    ExpiryValidation,
    FieldValidation,
    FormattedNumber,
    MobiCardResponse,
    NetverifyCallback,
    Pan,
    PanSpan,
    RESPONSE_KINDS,
    RetrievalClient,
    RetrievedImage,
    __version__,
    card_brands,
    card_brands_of,
    decode_response,
    find_pans,
    format_card_number,
    luhn_check_digit,
    luhn_valid,
    mask_digits,
    mask_pans,
    mask_texts,
    mobicard_request,
    parse_callback,
    parse_callbacks,
    parse_document_callback,
    parse_expiry,
    parse_mobicard_response,
    precheck_image,
    validate_card_number,
    validate_card_numbers,
    validate_cardholder_name,
    validate_cvv,
)

__all__ = [
    "CALLBACK_HOSTNAMES",
    "EU_CALLBACK_IPS",
    "MASK_STYLES",
    "US_CALLBACK_IPS",
    "Allowlist",
    "CallbackParseError",
    "CardError",
    "CardNumberValidation",
    "Decision",
    "DocumentCallback",
    "ExpiryValidation",
    "FieldValidation",
    "FormattedNumber",
    "MobiCardResponse",
    "NetverifyCallback",
    "Pan",
    "PanSpan",
    "RESPONSE_KINDS",
    "RetrievalClient",
    "RetrievalError",
    "RetrievedImage",
    "ScanKitError",
    "__version__",
    "card_brands",
    "card_brands_of",
    "decision",
    "decode_response",
    "find_pans",
    "format_card_number",
    "luhn_check_digit",
    "luhn_valid",
    "mask_digits",
    "mask_pans",
    "mask_texts",
    "mobicard_request",
    "parse_callback",
    "parse_callbacks",
    "parse_document_callback",
    "parse_expiry",
    "parse_mobicard_response",
    "precheck_image",
    "redact",
    "validate_card_number",
    "validate_card_numbers",
    "validate_cardholder_name",
    "validate_cvv",
]


def decision(callback: Union[NetverifyCallback, bytes, str]) -> Decision:
    """The decision for a parsed Netverify callback, or for a body (parsed first)."""
    if isinstance(callback, NetverifyCallback):
        return callback.decision()
    return parse_callback(callback).decision()


def redact(
    callback: Union[NetverifyCallback, DocumentCallback],
) -> Union[NetverifyCallback, DocumentCallback]:
    """A copy of a parsed callback with personal data masked (``callback.redacted()``)."""
    return callback.redacted()
