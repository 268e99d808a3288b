"""decode_response (sans-I/O) over every Retrieval API fixture."""

from __future__ import annotations

import json
import pickle
from typing import Any, Dict, List, Tuple

import pytest

import scankit
from conftest import FIXTURES

RETRIEVAL = FIXTURES / "retrieval"

# The fixtures' own list: file -> the endpoint kind (model) it answers.
MANIFEST: Dict[str, str] = {
    f["file"]: f["model"]
    for f in json.loads((RETRIEVAL / "manifest.json").read_text(encoding="utf-8"))["fixtures"]
}

FILES = sorted(RETRIEVAL.glob("*/*.json"))


def kind_of(path: Any) -> str:
    return MANIFEST[f"{path.parent.name}/{path.name}"]


def normalize(v: Any) -> Any:
    """What the models normalise on purpose (as core/tests/retrieval_models.rs):
    JSON inside a string is compared decoded, "true"/"TRUE" equal true."""
    if isinstance(v, str):
        if v.lower() in ("true", "false"):
            return v.lower() == "true"
        if v.lstrip().startswith("{"):
            try:
                return normalize(json.loads(v))
            except ValueError:
                return v
        return v
    if isinstance(v, list):
        return [normalize(x) for x in v]
    if isinstance(v, dict):
        return {k: normalize(x) for k, x in v.items()}
    return v


def test_every_fixture_is_listed() -> None:
    assert len(FILES) >= 40
    assert {f"{p.parent.name}/{p.name}" for p in FILES} == set(MANIFEST)
    assert set(scankit.RESPONSE_KINDS) == set(MANIFEST.values())


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_fixture_decodes(path: Any) -> None:
    raw = path.read_bytes()
    kind = kind_of(path)
    got = scankit.decode_response(kind, raw)
    assert isinstance(got, dict)
    if path.parent.name.startswith("spec-"):
        # The spec's samples are written back as read.
        assert normalize(got) == normalize(json.loads(raw))
    # Every model has a redacted form; undocumented members become [field-N].
    red = scankit.decode_response(kind, raw, redact=True)
    added = set(red) - set(got) - {"extra"}
    assert all(k.startswith("[field-") for k in added), added
    assert len(added) == len(set(got) - set(red))


def test_credit_card_redaction_hides_the_number() -> None:
    raw = (RETRIEVAL / "hand-made" / "cc-unmasked.json").read_bytes()
    full = scankit.decode_response("credit_card", raw)
    red = scankit.decode_response("credit_card", raw, redact=True)
    number = full["cardNumber"]
    assert number.isdigit() and len(number) >= 12
    assert number not in json.dumps(red)


def test_errors_are_classified() -> None:
    cases: List[Tuple[Dict[str, Any], str, bool]] = [
        ({"status": 401}, "unauthorized", False),
        ({"status": 404}, "not_found", False),
        ({"status": 429, "retry_after": "7"}, "rate_limited", True),
        ({"status": 503}, "server_error", True),
    ]
    for kwargs, code, retryable in cases:
        with pytest.raises(scankit.RetrievalError) as info:
            scankit.decode_response("scan_status", b"", **kwargs)
        e = info.value
        assert (e.code, e.status_code, e.retryable) == (code, kwargs["status"], retryable)
        assert pickle.loads(pickle.dumps(e)).code == code
    with pytest.raises(scankit.RetrievalError) as info:
        scankit.decode_response("scan_status", b"", status=429, retry_after="7")
    assert info.value.retry_after == 7.0
    with pytest.raises(scankit.RetrievalError) as info:
        scankit.decode_response("credit_card", b"", status=404, since_scan=10.0)
    assert info.value.code == "not_ready" and info.value.retryable
    with pytest.raises(scankit.RetrievalError) as info:
        scankit.decode_response("scan_details", b'{"document": 12')
    assert info.value.code == "invalid_body" and "12" not in str(info.value).split("line")[0]
    with pytest.raises(ValueError):
        scankit.decode_response("nope", b"{}")
