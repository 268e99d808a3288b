"""Card functions against the npm differential fixture, masking, Pan, batches."""

from __future__ import annotations

import datetime
import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional

import pytest

import scankit
from conftest import FIXTURES

with open(FIXTURES / "cards" / "npm-differential.json", encoding="utf-8") as _f:
    DIFF: Dict[str, Any] = json.load(_f)


def test_numbers_agree_with_the_differential_fixture() -> None:
    cases = DIFF["number_cases"]
    assert len(cases) > 10_000
    failures = []
    for c in cases:
        want = c.get("scankit", c["npm"])
        o = c["options"]
        got = scankit.validate_card_number(
            c["input"],
            max_length=o.get("maxLength"),
            luhn_validate_unionpay=o.get("luhnValidateUnionPay", False),
        )
        if (got.brand, got.candidates, got.potentially_valid, got.valid) != (
            want["card"], want["candidates"], want["potentially_valid"], want["valid"],
        ):
            failures.append((c["input"], o))
    assert failures == []


def test_batch_agrees_with_single() -> None:
    cases = [c for c in DIFF["number_cases"] if not c["options"]]
    inputs = [c["input"] for c in cases]
    valid = scankit.validate_card_numbers(inputs)
    assert valid == [scankit.validate_card_number(i).valid for i in inputs]
    assert any(valid) and not all(valid)
    assert scankit.validate_card_numbers(tuple(inputs[:10])) == valid[:10]
    assert scankit.validate_card_numbers(iter(inputs[:10])) == valid[:10]
    brands = scankit.card_brands_of(inputs)
    assert brands == [scankit.validate_card_number(i).brand for i in inputs]
    assert scankit.validate_card_numbers(["62123456789002"], max_length=16) == [True]
    # Items holding the separator of the fast path still line up.
    odd = ["4111\n1111 1111 1111", "", "\n", "4111111111111111", "x\ny"]
    assert scankit.validate_card_numbers(odd) == [scankit.validate_card_number(i).valid for i in odd]
    assert scankit.card_brands_of(odd) == [scankit.validate_card_number(i).brand for i in odd]
    assert scankit.validate_card_numbers([]) == [] and scankit.card_brands_of([]) == []
    with pytest.raises(TypeError):
        scankit.validate_card_numbers([b"4111111111111111"])  # type: ignore[list-item]


def _year(want: Optional[str], today: datetime.date) -> Optional[int]:
    if want is None:
        return None
    n = int(want)
    return today.year // 100 * 100 + n if len(want) == 2 else n


def test_expiry_agrees_with_the_differential_fixture() -> None:
    failures = []
    for c in DIFF["expiry_cases"]:
        today = datetime.date.fromisoformat(c["today"])
        max_years = c["max_years_ahead"] if c["max_years_ahead"] is not None else 19
        got = scankit.parse_expiry(c["input"], today, max_years_ahead=max_years)
        want = c["npm"]
        want_month = int(want["month"]) if want["month"] is not None else None
        if (got.potentially_valid, got.valid, got.month, got.year) != (
            want["potentially_valid"], want["valid"], want_month, _year(want["year"], today),
        ):
            failures.append(c)
    assert failures == []


def test_expiry_defaults_to_today() -> None:
    today = datetime.date.today()
    this_month = f"{today.month:02d}/{today.year % 100:02d}"
    assert scankit.parse_expiry(this_month).valid
    assert scankit.parse_expiry(this_month) == scankit.parse_expiry(this_month, today)
    last_year = f"{today.month:02d}/{(today.year - 1) % 100:02d}"
    assert not scankit.parse_expiry(last_year).valid
    assert "valid=" in repr(scankit.parse_expiry(this_month))


def test_cvv_and_names_agree_with_the_differential_fixture() -> None:
    for c in DIFF["cvv_cases"]:
        got = scankit.validate_cvv(c["input"], sizes=c["sizes"])
        assert (got.valid, got.potentially_valid) == (c["npm"]["valid"], c["npm"]["potentially_valid"])
    for c in DIFF["name_cases"]:
        got = scankit.validate_cardholder_name(c["input"])
        assert (got.valid, got.potentially_valid) == (c["npm"]["valid"], c["npm"]["potentially_valid"])


def test_cvv_for_a_brand() -> None:
    assert scankit.validate_cvv("1234", brand="american-express").valid
    assert not scankit.validate_cvv("1234", brand="visa").valid
    assert scankit.validate_cvv("123").valid and scankit.validate_cvv("1234").valid
    with pytest.raises(scankit.CardError) as info:
        scankit.validate_cvv("123", brand="nope")
    assert info.value.code == "unknown_brand"


def test_single_number() -> None:
    v = scankit.validate_card_number("4111 1111 1111 1111")
    assert (v.brand, v.valid, v.luhn_valid, v.length) == ("visa", True, True, 16)
    assert v.to_dict()["brand"] == "visa"
    assert "4111" not in repr(v)
    assert not scankit.validate_card_number("4111 1111 1111 1112").valid
    assert scankit.validate_card_number("4111 1111 1111 1112", skip_luhn=True).valid


def test_format_and_luhn() -> None:
    f = scankit.format_card_number("4111111111111111")
    assert (f.text, f.caret, f.brand) == ("4111 1111 1111 1111", 19, "visa")
    assert scankit.format_card_number("4111111", caret=2).caret == 2
    assert scankit.format_card_number("378282246310005").text == "3782 822463 10005"
    assert "1111" not in repr(f)
    assert scankit.luhn_valid("79927398713") and not scankit.luhn_valid("79927398710")
    assert scankit.luhn_check_digit("7992739871") == 3
    assert scankit.luhn_check_digit("12a") is None


def test_brands() -> None:
    brands = scankit.card_brands()
    ids = [b["id"] for b in brands]
    assert ids == DIFF["extended_order"]
    visa = brands[0]
    assert visa["name"] == "Visa" and 16 in visa["lengths"] and visa["code"] == {"name": "CVV", "size": 3}


def test_masking_styles() -> None:
    assert scankit.MASK_STYLES == ("jumio", "jumio-account", "mobicard", "pci", "pci8", "last4")
    n = "4111111111111111"
    assert scankit.mask_digits(n, "jumio") == "411111xxxxxx1111"
    assert scankit.mask_digits(n, "mobicard") == "4111********1111"
    assert scankit.mask_digits(n, "last4") == "************1111"
    assert scankit.mask_digits(n) == "411111******1111"
    assert scankit.mask_digits(n, "last4", mask_char="#") == "############1111"
    with pytest.raises(scankit.CardError) as info:
        scankit.mask_digits(n, "nope")
    assert info.value.code == "unknown_style" and isinstance(info.value, ValueError)
    # A numeric mask character would make masked output look like card data.
    for digit in ("7", "٣", "５", "²"):
        with pytest.raises(scankit.CardError) as info:
            scankit.mask_pans("4111 1111 1111 1111", mask_char=digit)
        assert info.value.code == "invalid_mask_char" and "mask_char" in str(info.value)


def test_find_and_mask_pans() -> None:
    text = "paid with 4111 1111 1111 1111, ref 12345, and é5555555555554444."
    spans = scankit.find_pans(text)
    assert [(text[s.start:s.end], s.brand) for s in spans] == [
        ("4111 1111 1111 1111", "visa"),
        ("5555555555554444", "mastercard"),
    ]
    assert "4111" not in repr(spans[0])
    masked = scankit.mask_pans(text)
    assert masked == "paid with 4111 11** **** 1111, ref 12345, and é555555******4444."
    assert scankit.mask_pans(text, "last4") == scankit.mask_texts([text], "last4")[0]
    assert scankit.find_pans("no numbers here") == []


def test_mask_texts_batch() -> None:
    plain = "nothing to see"
    texts = [plain, "4111111111111111", "a 5555 5555 5555 4444 b"] * 100
    out = scankit.mask_texts(texts, style="pci")
    assert out == [scankit.mask_pans(t) for t in texts]
    assert out[0] is plain  # unchanged texts are handed back as they are
    assert scankit.mask_texts([]) == []
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: scankit.mask_texts(texts), range(16)))
    assert all(r == out for r in results)


def test_pan() -> None:
    p = scankit.Pan("4111-1111-1111-1111")
    assert (p.brand, p.last4, len(p)) == ("visa", "1111", 16)
    assert repr(p) == "Pan('411111******1111')" and str(p) == "411111******1111"
    assert p.masked("jumio") == "411111xxxxxx1111"
    assert p.expose_digits() == "4111111111111111"
    assert p == scankit.Pan("4111111111111111") and hash(p) == hash(scankit.Pan("4111111111111111"))
    with pytest.raises(scankit.CardError):
        pickle.dumps(p)
    cases = {
        "4111 1111 1111 1112": "luhn",
        "4111x": "not_digits",
        "411111111111": "bad_length",
        "9999999999999999": "unknown_brand",
    }
    for number, code in cases.items():
        with pytest.raises(scankit.CardError) as info:
            scankit.Pan(number)
        e = info.value
        assert e.code == code
        digits = number.replace(" ", "")
        assert digits not in str(e) and digits not in repr(e)
        back = pickle.loads(pickle.dumps(e))
        assert (type(back), back.code, str(back)) == (scankit.CardError, e.code, str(e))


def test_card_error_repr_shows_no_number() -> None:
    e = scankit.CardError("card number: fails the Luhn check", "luhn")
    assert repr(e) == "CardError(code='luhn')"


def test_batches_are_fine_with_big_inputs() -> None:
    numbers: List[str] = ["4111111111111111", "4111111111111112"] * 50_000
    assert sum(scankit.validate_card_numbers(numbers)) == 50_000
