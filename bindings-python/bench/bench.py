"""Benchmarks of the Python package beside pure-Python baselines (not a test).

    python bindings-python/bench/bench.py --out bench/out/python.md

1. parse_callback on the spec's approved callback, against
   urllib.parse.parse_qs + json.loads of the JSON-valued fields;
2. validate_card_numbers on 1,000,000 numbers, against stdnum.luhn.is_valid;
3. mask_texts throughput (MB/s), against re.sub with a Luhn check.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import random
import re
import sys
import time
import urllib.parse
from typing import Any, Callable, Dict, List

from stdnum import luhn as stdnum_luhn

import scankit

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC_APPROVED = ROOT / "core/tests/fixtures/callbacks/netverify/spec-approved.form"
JSON_FIELDS = ("identityVerification", "idAddress", "rejectReason", "dlCategories", "livenessImages")


def best_of(fn: Callable[[], Any], number: int, repeat: int = 5) -> float:
    """Seconds per call: the best of `repeat` runs of `number` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def baseline_parse(body: bytes) -> Dict[str, Any]:
    fields: Dict[str, Any] = {
        k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8"), strict_parsing=True).items()
    }
    for name in JSON_FIELDS:
        if name in fields:
            fields[name] = json.loads(fields[name])
    return fields


def card_numbers(n: int, seed: int = 7) -> List[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        prefix = ("4", "51", "37", "6011")[i % 4]
        length = 15 if prefix == "37" else 16
        body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
        check = scankit.luhn_check_digit(body)
        digit = check if i % 3 else (check or 0) + 1  # a third fail the check
        out.append(body + str(digit % 10))
    return out


PAN_RE = re.compile(r"(?<!\d)(?:\d[ -]?){11,18}\d(?!\d)")


def baseline_mask(text: str) -> str:
    def one(m: "re.Match[str]") -> str:
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        if not stdnum_luhn.is_valid(digits):
            return raw
        keep_first, keep_last = 6, 4
        seen = 0
        out = []
        for ch in raw:
            if ch.isdigit():
                hidden = keep_first <= seen < len(digits) - keep_last
                out.append("*" if hidden else ch)
                seen += 1
            else:
                out.append(ch)
        return "".join(out)

    return PAN_RE.sub(one, text)


def log_lines(n: int, seed: int = 11) -> List[str]:
    rng = random.Random(seed)
    pans = ["4111 1111 1111 1111", "5555555555554444", "3782-822463-10005", "6011000990139424"]
    words = "order shipped customer called about refund ticket id status ok payment".split()
    lines = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(10)) + f" ref {rng.randrange(10**6)}"
        if i % 5 == 0:
            text += " card " + rng.choice(pans)
        lines.append(text)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench/out/python.md")
    ap.add_argument("--numbers", type=int, default=1_000_000)
    args = ap.parse_args()
    rows: List[List[str]] = []

    # 1. One callback.
    body = SPEC_APPROVED.read_bytes()
    assert baseline_parse(body)["jumioIdScanReference"] == scankit.parse_callback(body).jumio_id_scan_reference
    ours = best_of(lambda: scankit.parse_callback(body), 20_000)
    base = best_of(lambda: baseline_parse(body), 5_000)
    rows.append([
        "parse_callback (spec-approved.form)",
        f"{ours * 1e6:.2f} µs", "parse_qs + json.loads", f"{base * 1e6:.2f} µs",
        f"{base / ours:.1f}x", "≥ 10x",
    ])

    # 2. A million card numbers.
    numbers = card_numbers(args.numbers)
    start = time.perf_counter()
    valid = scankit.validate_card_numbers(numbers)
    ours_total = time.perf_counter() - start
    for _ in range(2):
        start = time.perf_counter()
        scankit.validate_card_numbers(numbers)
        ours_total = min(ours_total, time.perf_counter() - start)
    sample = numbers[:200_000]
    start = time.perf_counter()
    base_valid = [stdnum_luhn.is_valid(n) for n in sample]
    base_total = (time.perf_counter() - start) * len(numbers) / len(sample)
    assert valid[: len(sample)] == base_valid, "validation disagrees with the Luhn baseline"
    ours_ns = ours_total / len(numbers) * 1e9
    base_ns = base_total / len(numbers) * 1e9
    rows.append([
        f"validate_card_numbers ({len(numbers):,} numbers)",
        f"{ours_ns:.0f} ns/number", "stdnum.luhn.is_valid", f"{base_ns:.0f} ns/number",
        f"{base_ns / ours_ns:.1f}x", "≤ 100 ns/number",
    ])

    # 3. Masking free text.
    lines = log_lines(100_000)
    size_mb = sum(len(s.encode()) for s in lines) / 1e6
    assert scankit.mask_texts(lines[:1000]) == [baseline_mask(s) for s in lines[:1000]]
    ours_s = min(_timed(lambda: scankit.mask_texts(lines)) for _ in range(3))
    base_s = _timed(lambda: [baseline_mask(s) for s in lines])
    rows.append([
        f"mask_texts ({len(lines):,} log lines, {size_mb:.1f} MB)",
        f"{size_mb / ours_s:.0f} MB/s", "re.sub + Luhn", f"{size_mb / base_s:.1f} MB/s",
        f"{base_s / ours_s:.1f}x", "",
    ])

    header = ["benchmark", "scankit", "baseline", "baseline time", "speed-up", "target"]
    table = [
        "# Python benchmarks",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"scankit {scankit.__version__} (abi3 wheel, release). Best of several runs.",
        "",
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    text = "\n".join(table) + "\n"
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
