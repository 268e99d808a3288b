"""Conformance runner of the Python package (see conformance/README.md).

    python run.py CASES OUT

Reads the cases (JSON lines), runs each through the public ``scankit`` API
and writes one ``{"id": ..., "output" | "unsupported": ...}`` line per case.
It only calls the package and writes down what it returned: no rule of
scankit is re-implemented here.
"""

from __future__ import annotations

import base64
import datetime
import json
import sys
from typing import Any, Callable, Dict, Optional

import scankit

# The spec's styles, in its order (not MASK_STYLES: a style added to the
# package must not change what this runner is asked for).
STYLES = ("jumio", "jumio-account", "mobicard", "pci", "pci8", "last4")


def body(case: Dict[str, Any]) -> bytes:
    return base64.b64decode(case["body_b64"], validate=True)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def netverify(case: Dict[str, Any]) -> Any:
    cb = scankit.parse_callback(body(case))
    d = cb.decision()
    return {
        "parsed": json.loads(cb.to_json()),
        "redacted": json.loads(cb.redacted().to_json()),
        "decision": {"outcome": d.outcome, "reason": d.reason},
        "masked_by_provider": cb.masked_by_provider(),
        "form": cb.to_form(),
    }


def document(case: Dict[str, Any]) -> Any:
    cb = scankit.parse_document_callback(body(case))
    return {
        "parsed": json.loads(cb.to_json()),
        "redacted": json.loads(cb.redacted().to_json()),
        "form": cb.to_form(),
    }


def retrieval(case: Dict[str, Any]) -> Any:
    since_ms: Optional[int] = case["since_scan_ms"]
    kwargs: Dict[str, Any] = {
        "status": case["status"],
        "content_type": case["content_type"],
        "retry_after": case["retry_after"],
        # The Python API takes seconds.
        "since_scan": None if since_ms is None else since_ms / 1000,
    }
    raw = body(case)
    decoded = scankit.decode_response(case["model"], raw, **kwargs)
    try:
        redacted: Any = scankit.decode_response(case["model"], raw, redact=True, **kwargs)
    except ValueError:
        # decode_response's answer for a model without a redacted form.
        redacted = None
    return {"decoded": decoded, "redacted": redacted}


def mobicard(case: Dict[str, Any]) -> Any:
    r = scankit.parse_mobicard_response(body(case))
    return {
        "response": r.to_dict(),
        "redacted": r.redacted().to_dict(),
        "is_success": r.is_success,
        "action": r.action,
        "cross_check": r.cross_check(day(case["today"])),
    }


def card_number(case: Dict[str, Any]) -> Any:
    v = scankit.validate_card_number(
        case["input"],
        max_length=case["max_length"],
        luhn_validate_unionpay=case["luhn_validate_unionpay"],
    )
    return {
        "brand": v.brand,
        "candidates": v.candidates,
        "potentially_valid": v.potentially_valid,
        "valid": v.valid,
    }


def card_expiry(case: Dict[str, Any]) -> Any:
    extra: Dict[str, Any] = {}
    if case["max_years_ahead"] is not None:
        extra["max_years_ahead"] = case["max_years_ahead"]
    v = scankit.parse_expiry(case["input"], day(case["today"]), **extra)
    return {
        "potentially_valid": v.potentially_valid,
        "valid": v.valid,
        "month": v.month,
        "year": v.year,
    }


def cvv(case: Dict[str, Any]) -> Any:
    v = scankit.validate_cvv(case["input"], sizes=case["sizes"])
    return {"potentially_valid": v.potentially_valid, "valid": v.valid}


def cardholder_name(case: Dict[str, Any]) -> Any:
    v = scankit.validate_cardholder_name(case["input"])
    return {"potentially_valid": v.potentially_valid, "valid": v.valid}


def mask_text(case: Dict[str, Any]) -> Any:
    text: str = case["text"]
    return {
        "masked": {style: scankit.mask_pans(text, style) for style in STYLES},
        # Python's offsets are code points: slicing the str is their meaning.
        "found": [
            {"text": text[s.start : s.end], "brand": s.brand} for s in scankit.find_pans(text)
        ],
    }


OPS: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    "netverify_callback": netverify,
    "document_callback": document,
    "retrieval_response": retrieval,
    "mobicard_response": mobicard,
    "card_number": card_number,
    "card_expiry": card_expiry,
    "cvv": cvv,
    "cardholder_name": cardholder_name,
    "mask_text": mask_text,
}


def error(op: str, e: Exception) -> Dict[str, Any]:
    """The spec's error object: the package's error types by op, else unexpected."""
    if op in ("netverify_callback", "document_callback") and isinstance(
        e, scankit.CallbackParseError
    ):
        return {"kind": "callback", "code": e.code, "field": e.field}
    if op == "retrieval_response" and isinstance(e, scankit.RetrievalError):
        return {"kind": "retrieval", "code": e.code, "retryable": e.retryable}
    # parse_mobicard_response raises the base class itself (invalid_response).
    if op == "mobicard_response" and type(e) is scankit.ScanKitError:
        return {"kind": "mobicard"}
    return {"kind": "unexpected", "message": f"{type(e).__name__}: {e}"}


def run(case: Dict[str, Any]) -> Dict[str, Any]:
    op = case["op"]
    handler = OPS.get(op)
    if handler is None:
        return {"id": case["id"], "unsupported": f"op {op!r} is not known to this runner"}
    try:
        return {"id": case["id"], "output": handler(case)}
    except Exception as e:  # noqa: BLE001 - every failure is written down, none stops the run
        return {"id": case["id"], "output": {"error": error(op, e)}}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: run.py CASES OUT", file=sys.stderr)
        return 2
    _, cases_path, out_path = argv
    with open(cases_path, encoding="utf-8") as cases, open(
        out_path, "w", encoding="utf-8"
    ) as out:
        for line in cases:
            if line.strip():
                out.write(json.dumps(run(json.loads(line)), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
