"""The hostile corpus (core/tests/fixtures/hostile/callbacks.json, written by
scripts/make_hostile_fixtures.py) through the Python package's public API:
nothing planted may be readable in what the package offers as safe to show
(redacted results, decisions, reprs, the batch columns, errors). The Python
twin of core/tests/redaction_hostile.rs."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple, Union

import scankit
from conftest import FIXTURES

with open(FIXTURES / "hostile" / "callbacks.json", encoding="utf-8") as _f:
    CORPUS: List[Dict[str, Any]] = list(json.load(_f)["entries"])

NETVERIFY = [e for e in CORPUS if e["kind"] == "netverify"]

def getters(cls: type) -> List[str]:
    """The attributes of a result class (pyo3 getters), to read on a redacted copy."""
    return sorted(
        name
        for name, attr in vars(cls).items()
        if not name.startswith("_") and type(attr).__name__ == "getset_descriptor"
    )


NV_GETTERS = getters(scankit.NetverifyCallback)
DV_GETTERS = getters(scankit.DocumentCallback)

def leak(shown: str, planted: List[str]) -> Optional[str]:
    """The first planted value readable in `shown`: names compared case-blind,
    card numbers also with spaces and dashes taken out of `shown`."""
    lower = shown.lower()
    squeezed = shown.replace(" ", "").replace("-", "")
    for p in planted:
        if p.isdigit() and p.isascii():
            if p in squeezed:
                return p
        elif p in lower:
            return p
    return None


Parsed = Union[scankit.NetverifyCallback, scankit.DocumentCallback]


def parse(kind: str, body: str) -> Parsed:
    if kind == "netverify":
        return scankit.parse_callback(body)
    return scankit.parse_document_callback(body)


def shown_of_result(cb: Parsed) -> List[Tuple[str, str]]:
    """(what, text) for everything a parsed callback offers as safe to show."""
    red = cb.redacted()
    out: List[Tuple[str, str]] = [
        ("repr(parsed)", repr(cb)),
        ("str(parsed)", str(cb)),
        ("repr(redacted)", repr(red)),
        ("str(redacted)", str(red)),
        ("redacted.to_json()", red.to_json()),
        ("redacted.to_dict()", json.dumps(red.to_dict(), ensure_ascii=False)),
        ("repr(redacted.to_dict())", repr(red.to_dict())),
        ("redact(parsed).to_json()", scankit.redact(cb).to_json()),
    ]
    names = NV_GETTERS if isinstance(red, scankit.NetverifyCallback) else DV_GETTERS
    for name in names:
        out.append((f"redacted.{name}", repr(getattr(red, name))))
    if isinstance(cb, scankit.NetverifyCallback):
        d = cb.decision()
        out += [
            ("decision().reason", d.reason),
            ("decision().outcome", d.outcome),
            ("repr(decision())", repr(d)),
            ("str(decision())", str(d)),
            ("decision().to_dict()", json.dumps(d.to_dict(), ensure_ascii=False)),
            ("scankit.decision(parsed)", repr(scankit.decision(cb))),
        ]
    return out


def shown_of_error(e: scankit.CallbackParseError) -> List[Tuple[str, str]]:
    out = [("str(e)", str(e)), ("repr(e)", repr(e)), ("e.args", repr(e.args))]
    for attr in ("code", "field", "reason", "message"):
        if hasattr(e, attr):
            out.append((f"e.{attr}", repr(getattr(e, attr))))
    out.append(("e.__dict__", repr(vars(e))))
    return out


def test_nothing_planted_in_the_hostile_corpus_is_readable() -> None:
    assert len(CORPUS) >= 240, f"{len(CORPUS)} entries"
    # Every getter is read on the redacted copies.
    assert len(NV_GETTERS) >= 50 and "extra" in NV_GETTERS, NV_GETTERS
    assert {"scan_reference", "transaction", "document", "extra"} <= set(DV_GETTERS), DV_GETTERS
    parsed = refused = 0
    leaks: List[str] = []
    for entry in CORPUS:
        name, kind, body, planted = entry["name"], entry["kind"], entry["body"], entry["planted"]
        assert planted, f"{name}: nothing planted"
        assert kind in ("netverify", "document"), name
        try:
            cb = parse(kind, body)
        except scankit.CallbackParseError as e:
            refused += 1
            shown = shown_of_error(e)
            # Also through the module-level decision() shorthand.
            if kind == "netverify":
                try:
                    scankit.decision(body)
                except scankit.CallbackParseError as e2:
                    shown += [(f"decision(body) {w}", t) for w, t in shown_of_error(e2)]
                else:
                    leaks.append(f"{name}: decision(body) accepted a body parse_callback refused")
        else:
            parsed += 1
            # The planted value is really in the unredacted result or the
            # body: the check cannot pass by accident.
            unredacted = cb.to_json()
            if "[field-" not in unredacted:
                assert leak(unredacted + body, planted), f"{name}: not planted"
            shown = shown_of_result(cb)
        for what, text in shown:
            p = leak(text, planted)
            if p is not None:
                leaks.append(f"{name}: {p!r} readable in {what}: {text}")
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)
    # Both paths are exercised: redaction and error messages.
    assert parsed > 150 and refused > 20, f"{parsed} parsed, {refused} refused"


def test_batch_columns_show_nothing_planted() -> None:
    """`parse_callbacks` (redact=True, the default) over the Netverify bodies:
    every column of every row is checked, since a DataFrame of it is what
    gets printed."""
    assert len(NETVERIFY) >= 150
    cols = scankit.parse_callbacks([e["body"] for e in NETVERIFY])
    assert set(cols) >= {"ok", "json", "reason", "error_code", "error_field"}
    n = len(NETVERIFY)
    assert all(len(v) == n for v in cols.values()), {k: len(v) for k, v in cols.items()}
    ok = sum(1 for x in cols["ok"] if x)
    assert ok > 100 and n - ok > 10, f"{ok} parsed, {n - ok} refused"
    leaks: List[str] = []
    for i, entry in enumerate(NETVERIFY):
        # The batch agrees with parse_callback on which bodies parse.
        try:
            scankit.parse_callback(entry["body"])
            single_ok = True
        except scankit.CallbackParseError:
            single_ok = False
        assert cols["ok"][i] == single_ok, entry["name"]
        for column, values in sorted(cols.items()):
            text = "" if values[i] is None else str(values[i])
            p = leak(text, entry["planted"])
            if p is not None:
                leaks.append(f"{entry['name']}: {p!r} readable in parse_callbacks()[{column!r}]: {text}")
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)
