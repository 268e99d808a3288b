"""Every callback fixture of the manifest, plus errors, pickling and threads."""

from __future__ import annotations

import json
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Union

import pytest

import scankit
from conftest import body, manifest, read_json

FIXTURES = manifest()
GOOD = [f for f in FIXTURES if "json" in f["expect"]]
BAD = [f for f in FIXTURES if "error" in f["expect"]]
PERSONAL = ["FIRSTNAME", "LASTNAME", "1990-01-01"]


def parse(f: Dict[str, Any]) -> Union[scankit.NetverifyCallback, scankit.DocumentCallback]:
    if f["kind"] == "document":
        return scankit.parse_document_callback(body(f["name"]))
    return scankit.parse_callback(body(f["name"]))


def test_manifest_is_whole() -> None:
    assert len(FIXTURES) == len(GOOD) + len(BAD)
    assert len(GOOD) >= 30 and len(BAD) >= 20


@pytest.mark.parametrize("f", GOOD, ids=[f["name"] for f in GOOD])
def test_fixture_parses_to_golden(f: Dict[str, Any]) -> None:
    expect = f["expect"]
    cb = parse(f)
    golden = read_json(expect["json"])
    assert json.loads(cb.to_json()) == golden
    assert cb.to_dict() == golden
    red = cb.redacted()
    assert json.loads(red.to_json()) == read_json(expect["redacted"])
    assert scankit.redact(cb) == red
    # Lossless: the form written back parses to an equal value.
    again = (
        scankit.parse_document_callback(cb.to_form())
        if f["kind"] == "document"
        else scankit.parse_callback(cb.to_form())
    )
    assert again == cb
    if isinstance(cb, scankit.NetverifyCallback):
        d = cb.decision()
        assert d.outcome == expect["decision"]
        assert d.reason
        assert scankit.decision(cb) == d
        assert scankit.decision(body(f["name"])) == d
        if "masked_by_provider" in expect:
            assert cb.masked_by_provider() == expect["masked_by_provider"]
            for field in expect["masked_by_provider"]:
                assert cb.field_presence(field) == "masked_by_provider"
        if "address_format" in expect:
            assert cb.address_format == expect["address_format"]
        # Attributes are the golden's fields in snake_case.
        assert cb.jumio_id_scan_reference == golden["jumioIdScanReference"]
        assert cb.verification_status == golden["verificationStatus"]
        assert cb.id_first_name == golden.get("idFirstName")
        assert cb.identity_verification == golden.get("identityVerification")
        assert cb.reject_reason == golden.get("rejectReason")
        assert cb.id_address == golden.get("idAddress")
        assert cb.extra == golden.get("extra", {})
    else:
        assert cb.scan_reference == golden["scanReference"]
        assert cb.transaction == golden["transaction"]
        assert cb.document == golden.get("document")
    # repr() shows no personal data, of the callback or of its redacted copy.
    for text in (repr(cb), repr(red), str(cb)):
        for value in PERSONAL:
            assert value not in text
        for key in ("idFirstName", "idNumber", "firstName"):
            v = golden.get(key)
            if isinstance(v, str) and len(v) > 3:
                assert v not in text
    # Results pickle (through their JSON form) and compare equal.
    assert pickle.loads(pickle.dumps(cb)) == cb
    assert type(cb).from_json(cb.to_json()) == cb


@pytest.mark.parametrize("f", BAD, ids=[f["name"] for f in BAD])
def test_fixture_error(f: Dict[str, Any]) -> None:
    want = f["expect"]["error"]
    with pytest.raises(scankit.CallbackParseError) as info:
        parse(f)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, scankit.ScanKitError)
    assert e.code == want["code"]
    assert e.field == want["field"]
    assert e.reason and e.reason in str(e)
    if e.field is not None:
        assert str(e) == f"{e.field}: {e.reason}"
    assert repr(e) == f"CallbackParseError(code={e.code!r}, field={e.field!r})"
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is scankit.CallbackParseError
    assert (back.code, back.field, back.reason, str(back)) == (e.code, e.field, e.reason, str(e))
    # Never the value: nothing of the body's values shows in the message.
    raw = body(f["name"]).decode("utf-8", "replace")
    for pair in raw.split("&"):
        _, _, value = pair.partition("=")
        if len(value) >= 8 and value.isalnum():
            assert value not in str(e)


def test_parse_accepts_str_and_bytearray() -> None:
    b = body("netverify/spec-approved")
    assert scankit.parse_callback(b.decode()) == scankit.parse_callback(b)
    assert scankit.parse_callback(bytearray(b)) == scankit.parse_callback(b)
    with pytest.raises(TypeError):
        scankit.parse_callback(42)  # type: ignore[arg-type]


def test_parse_options() -> None:
    b = body("netverify/spec-approved")
    with pytest.raises(scankit.CallbackParseError) as info:
        scankit.parse_callback(b, max_body_bytes=10)
    assert info.value.code == "body_too_large" and info.value.field is None
    long_name = b"jumioIdScanReference=abc&verificationStatus=APPROVED_VERIFIED&idFirstName=" + b"A" * 300
    with pytest.raises(scankit.CallbackParseError):
        scankit.parse_callback(long_name)
    assert scankit.parse_callback(long_name, enforce_max_lengths=False).id_first_name == "A" * 300


def test_repr_of_a_callback_with_personal_data() -> None:
    cb = scankit.parse_callback(
        b"jumioIdScanReference=ref-1&verificationStatus=APPROVED_VERIFIED"
        b"&idFirstName=Johanna&idLastName=Schmidtbauer&idNumber=X1234567&idDob=1985-03-04"
    )
    for text in (repr(cb), str(cb), repr(cb.decision())):
        for secret in ("Johanna", "Schmidtbauer", "X1234567", "1985-03-04"):
            assert secret not in text
    assert cb.id_first_name == "Johanna"
    assert cb.redacted().id_first_name != "Johanna"


def test_decision_class() -> None:
    d = scankit.Decision("fraud", "because")
    assert (d.outcome, d.reason) == ("fraud", "because")
    assert d.to_dict() == {"outcome": "fraud", "reason": "because"}
    assert pickle.loads(pickle.dumps(d)) == d
    with pytest.raises(ValueError):
        scankit.Decision("maybe", "x")


def test_results_are_frozen() -> None:
    cb = scankit.parse_callback(body("netverify/spec-approved"))
    with pytest.raises(AttributeError):
        cb.id_first_name = "x"  # type: ignore[misc]


def test_from_json_refuses_garbage() -> None:
    with pytest.raises(ValueError):
        scankit.NetverifyCallback.from_json("{}")


def test_parse_callbacks_columns() -> None:
    names = [f["name"] for f in FIXTURES if f["kind"] == "netverify"]
    bodies: List[Union[bytes, str]] = [body(n) for n in names]
    cols = scankit.parse_callbacks(bodies)
    assert set(cols) == {
        "ok", "jumio_id_scan_reference", "verification_status", "outcome",
        "reason", "error_code", "error_field", "json",
    }
    assert all(len(v) == len(names) for v in cols.values())
    for i, n in enumerate(names):
        f = next(f for f in FIXTURES if f["name"] == n)
        if "error" in f["expect"]:
            assert not cols["ok"][i]
            assert cols["error_code"][i] == f["expect"]["error"]["code"]
            assert cols["error_field"][i] == f["expect"]["error"]["field"]
            assert cols["json"][i] is None and cols["outcome"][i] is None
        else:
            assert cols["ok"][i] and cols["error_code"][i] is None
            assert cols["outcome"][i] == f["expect"]["decision"]
            json_text = cols["json"][i]
            assert json_text is not None
            assert json.loads(json_text) == read_json(f["expect"]["redacted"])
    full = scankit.parse_callbacks(bodies, redact=False)
    i = names.index("netverify/spec-approved")
    json_text = full["json"][i]
    assert json_text is not None
    assert json.loads(json_text) == read_json("netverify/spec-approved.json")
    assert scankit.parse_callbacks([]) == {k: [] for k in cols}


def test_use_from_threads() -> None:
    items = [(f, body(f["name"])) for f in FIXTURES]
    shared = scankit.parse_callback(body("netverify/spec-approved"))
    errors: List[BaseException] = []

    def work(_: int) -> int:
        n = 0
        for f, b in items:
            try:
                cb = parse(f)
            except scankit.CallbackParseError as e:
                assert e.code == f["expect"]["error"]["code"]
                n += 1
                continue
            assert json.loads(cb.to_json()) == read_json(f["expect"]["json"])
            assert shared.decision().outcome == "approved"
            n += 1
        cols = scankit.parse_callbacks([b for _, b in items if _["kind"] == "netverify"])
        assert len(cols["ok"]) > 0
        return n

    with ThreadPoolExecutor(max_workers=8) as pool:
        try:
            results = list(pool.map(work, range(32)))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
    assert not errors
    assert results == [len(items)] * 32
    assert threading.active_count() >= 1


def test_allowlist() -> None:
    default = scankit.Allowlist()
    assert default.is_allowed(scankit.US_CALLBACK_IPS[0])
    assert default.is_allowed(scankit.EU_CALLBACK_IPS[0])
    assert default.is_allowed("::ffff:" + scankit.US_CALLBACK_IPS[0])
    assert not default.is_allowed("127.0.0.1")
    assert not default.is_allowed("not an ip")
    assert scankit.Allowlist(loopback=True).is_allowed("127.0.0.1")
    custom = scankit.Allowlist(["10.0.0.0/8", "2001:db8::1"])
    assert custom.is_allowed("10.1.2.3") and custom.is_allowed("2001:db8::1")
    assert custom.entries() == ["10.0.0.0/8", "2001:db8::1/128"]
    custom.replace(["192.0.2.1"])
    assert not custom.is_allowed("10.1.2.3") and custom.is_allowed("192.0.2.1")
    with pytest.raises(ValueError, match="entry 1"):
        scankit.Allowlist(["10.0.0.1", "nope"])
    assert "networks" in repr(custom)
    assert scankit.CALLBACK_HOSTNAMES
