"""Bodies over max_body_bytes are refused before they are copied or encoded.

The measurements run in a fresh interpreter: there the peak resident set
equals the current one once the inputs exist (nothing bigger was ever
allocated and freed), so a copy made while refusing would raise the peak by
the body's size, and ru_maxrss shows it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import scankit
from conftest import body

SIZE = 100_000_000

MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    import scankit

    SIZE = 100_000_000

    def peak_kib():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def measure(name, call):
        before = peak_kib()
        start = time.perf_counter()
        try:
            result = call()
            error = None
        except scankit.CallbackParseError as e:
            result, error = None, [e.code, e.field, str(e)]
        seconds = time.perf_counter() - start
        return {"name": name, "grew_kib": peak_kib() - before, "seconds": seconds,
                "error": error, "result": result}

    out = []
    # Each input is made in place (no temporary of its size) just before
    # its calls, and kept, so the peak never exceeds what is alive.
    big_bytes = b"a" * SIZE
    out.append(measure("parse_callback(bytes)", lambda: scankit.parse_callback(big_bytes)))
    out.append(measure("parse_document_callback(bytes)",
                       lambda: scankit.parse_document_callback(big_bytes)))
    big_str = "a" * SIZE
    out.append(measure("parse_callback(str)", lambda: scankit.parse_callback(big_str)))
    out.append(measure("parse_document_callback(str)",
                       lambda: scankit.parse_document_callback(big_str)))
    big_array = bytearray(SIZE)
    out.append(measure("parse_callback(bytearray)", lambda: scankit.parse_callback(big_array)))
    small = sys.argv[1].encode()
    out.append(measure("parse_callbacks([...])", lambda: {
        k: v for k, v in scankit.parse_callbacks([small, big_bytes, big_str, big_array]).items()
        if k in ("ok", "error_code", "error_field")}))
    print(json.dumps(out))
    """
)


def test_bodies_over_the_limit_are_refused_without_a_copy() -> None:
    small = body("netverify/spec-approved").decode()
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, small], capture_output=True, text=True, check=True
    )
    results = json.loads(run.stdout)
    for r in results:
        print(f"{r['name']}: peak grew {r['grew_kib']} KiB in {r['seconds'] * 1000:.1f} ms")
    for r in results:
        # A copy of the body would be 97,656 KiB.
        assert r["grew_kib"] < 16 * 1024, r
        assert r["seconds"] < 0.5, r
    by_name = {r["name"]: r for r in results}
    measured = f"body: {SIZE} bytes is over the limit of 65536 bytes"
    unmeasured = "body: over the limit of 65536 bytes"
    for name in ("parse_callback(bytes)", "parse_document_callback(bytes)"):
        assert by_name[name]["error"] == ["body_too_large", None, measured]
    # A str's UTF-8 size is not measured: the error does not claim one.
    for name in ("parse_callback(str)", "parse_document_callback(str)"):
        assert by_name[name]["error"] == ["body_too_large", None, unmeasured]
    assert by_name["parse_callback(bytearray)"]["error"] == ["body_too_large", None, measured]
    assert by_name["parse_callbacks([...])"]["result"] == {
        "ok": [True, False, False, False],
        "error_code": [None, "body_too_large", "body_too_large", "body_too_large"],
        "error_field": [None, None, None, None],
    }


def test_a_str_is_refused_by_its_length_only_when_surely_over() -> None:
    # 60,000 code points of 2 UTF-8 bytes each: fewer code points than the
    # limit, more bytes. Encoded and refused by the core, size measured.
    text = "é" * 60_000
    try:
        scankit.parse_callback(text)
    except scankit.CallbackParseError as e:
        assert e.code == "body_too_large"
        assert str(e) == "body: 120000 bytes is over the limit of 65536 bytes"
    else:
        raise AssertionError("a 120,000-byte body was accepted")
    # Within the limit in both counts: parsed.
    cb = scankit.parse_callback(body("netverify/spec-approved").decode(), max_body_bytes=SIZE)
    assert cb.verification_status == "APPROVED_VERIFIED"
