"""MobiCard ScanAPI: every response fixture, the request, the image pre-check."""

from __future__ import annotations

import base64
import datetime
import json
import struct
import zlib

import pytest

import scankit
from conftest import FIXTURES

MOBICARD = FIXTURES / "mobicard"
FILES = sorted(MOBICARD.glob("*.json"))


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_fixtures_are_there() -> None:
    assert {p.stem for p in FILES} >= {"spec-success", "spec-error", "provider-variant"}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_response_fixture(path: object) -> None:
    raw = path.read_bytes()  # type: ignore[attr-defined]
    r = scankit.parse_mobicard_response(raw)
    original = json.loads(raw)
    d = r.to_dict()
    assert d["status"] == original["status"]
    assert str(d["status_code"]) == str(original["status_code"])
    red = r.redacted()
    assert "card_number" not in repr(r)
    card = original.get("card_information") or {}
    number = card.get("card_number")
    if number:
        assert number not in repr(r) and number not in json.dumps(red.to_dict())
        assert d["card_information"]["card_number"] == number
        check = r.cross_check(datetime.date(2026, 1, 1))
        assert check is not None and check["luhn"] is True
    assert r == scankit.parse_mobicard_response(raw)


def test_success_and_error_actions() -> None:
    ok = scankit.parse_mobicard_response((MOBICARD / "spec-success.json").read_bytes())
    assert ok.is_success and ok.action == "process" and not ok.retryable
    assert repr(ok) == "MobiCardResponse(status='SUCCESS', status_code='200', action='process')"
    bad = scankit.parse_mobicard_response((MOBICARD / "spec-error.json").read_bytes())
    assert not bad.is_success and bad.action == "fix_request" and bad.cross_check() is None
    timeout = scankit.parse_mobicard_response(
        b'{"status":"FAILED","status_code":"430","status_message":"TIMEOUT"}'
    )
    assert timeout.action == "refresh_token_and_retry" and timeout.retryable


def test_bad_response_never_quotes_the_body() -> None:
    with pytest.raises(scankit.ScanKitError) as info:
        scankit.parse_mobicard_response(b'{"status": "SUCCESS", "card_information": 4111111111111111')
    assert info.value.code == "invalid_response"
    assert "4111111111111111" not in str(info.value)


def test_request() -> None:
    req = scankit.mobicard_request(
        merchant_id="4", api_key="api-key-1", secret_key="secret-key-1",
        token_id="tok-1", txn_reference="txn-1",
    )
    assert req["path"] == "/api/v1/card_scan"
    body = json.loads(req["body"])
    assert "secret-key-1" not in req["body"]
    header, payload, signature = req["auth_jwt"].split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {"typ": "JWT", "alg": "HS256"}
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["mobicard_service_type"] == "1" and signature
    assert body
    with_image = scankit.mobicard_request(
        merchant_id="4", api_key="k", secret_key="s", token_id="t", txn_reference="r",
        mode="LIVE", image=png(1000, 700), extra_data="x",
    )
    assert "mobicard_scan_card_photo_base64_string" in with_image["body"] or with_image["auth_jwt"]
    with pytest.raises(scankit.ScanKitError) as info:
        scankit.mobicard_request(merchant_id="", api_key="k", secret_key="s", token_id="t", txn_reference="r")
    assert info.value.code == "invalid_request"
    with pytest.raises(ValueError):
        scankit.mobicard_request(merchant_id="4", api_key="k", secret_key="s", token_id="t", txn_reference="r", mode="PROD")


def test_image_precheck() -> None:
    good = scankit.precheck_image(png(1000, 700))
    assert good["ok"] and good["format"] == "png" and (good["width"], good["height"]) == (1000, 700)
    small = scankit.precheck_image(png(400, 300))
    assert not small["ok"] and small["errors"][0]["problem"] == "too_small"
    assert scankit.precheck_image(base64.b64encode(png(1000, 700)).decode())["ok"]
    assert scankit.precheck_image("not base64!")["errors"][0]["problem"] == "not_base64"
    assert scankit.precheck_image(b"")["errors"][0]["problem"] == "empty"
    assert not scankit.precheck_image(png(1000, 700), max_bytes=10)["ok"]
    assert scankit.precheck_image(png(500, 400), min_long_side=400, min_short_side=300)["ok"]
    with pytest.raises(TypeError):
        scankit.precheck_image(12)  # type: ignore[arg-type]
