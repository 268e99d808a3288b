#!/usr/bin/env python3
"""Summarises criterion results: per group, each function's time and
throughput, and the ratio of every peer to the function named `scankit`
(peer time / scankit time: above 1 means scankit is faster). Writes
bench/out/rust.md and prints it."""
import json
import os
import platform
import sys

ROOT = os.path.join("target", "criterion")


def load(group_dir):
    rows = {}
    for fn in sorted(os.listdir(group_dir)):
        est = os.path.join(group_dir, fn, "new", "estimates.json")
        meta = os.path.join(group_dir, fn, "new", "benchmark.json")
        if not (os.path.exists(est) and os.path.exists(meta)):
            continue
        with open(est) as f:
            ns = json.load(f)["mean"]["point_estimate"]
        with open(meta) as f:
            m = json.load(f)
        rows[m.get("function_id") or fn] = (ns, m.get("throughput") or {})
    return rows


def rate(ns, throughput):
    per_s = 1e9 / ns
    if "Bytes" in throughput:
        return "%.0f /s, %.1f MB/s" % (per_s, throughput["Bytes"] * per_s / 1e6)
    if "Elements" in throughput:
        return "%.3g elements/s" % (throughput["Elements"] * per_s)
    return "%.0f /s" % per_s


def main():
    if not os.path.isdir(ROOT):
        sys.exit("no criterion results under target/criterion: run the benches first")
    lines = ["# Rust benchmarks", "", "Machine: %s, %s, %d cores" % (platform.platform(), platform.processor() or platform.machine(), os.cpu_count()), "",
             "| group | function | mean time | rate | ratio (peer / scankit) |", "|---|---|---|---|---|"]
    for group in sorted(os.listdir(ROOT)):
        gdir = os.path.join(ROOT, group)
        if not os.path.isdir(gdir) or group == "report":
            continue
        rows = load(gdir)
        base = rows.get("scankit")
        for fn, (ns, tp) in rows.items():
            ratio = "" if fn == "scankit" or base is None else "%.2fx" % (ns / base[0])
            lines.append("| %s | %s | %.1f ns | %s | %s |" % (group, fn, ns, rate(ns, tp), ratio))
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.join("bench", "out"), exist_ok=True)
    with open(os.path.join("bench", "out", "rust.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
