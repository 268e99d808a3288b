#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the fixtures: callback bodies and
retrieval responses as they are, and every string of the card fixtures as
its own input. Idempotent: a seed's file name is its content hash."""
import hashlib
import json
import os
import sys

FIX = "core/tests/fixtures"
# Bytes put before each seed: mask_stream reads write sizes from the start
# of its input (see core/tests/fuzz_checks); this header asks for writes of
# 1 and 7 bytes, in the Jumio style, and leaves the seed text whole.
HEADER = {"mask_stream": bytes([2, 0, 6])}
SEEDS = {
    "netverify_callback": ["callbacks/netverify"],
    "document_callback": ["callbacks/document"],
    "retrieval_response": ["retrieval"],
    "card_number": ["cards"],
    "card_expiry": ["cards"],
    "mask_pans": ["cards"],
    "mask_stream": ["cards"],
    "mobicard_response": ["mobicard"],
    "image_precheck": ["mobicard"],
    "jwt": ["mobicard"],
}


def files(d):
    for root, _, names in os.walk(d):
        for n in sorted(names):
            yield os.path.join(root, n)


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)


def main(targets):
    for target in targets:
        out = os.path.join("fuzz", "corpus", target)
        os.makedirs(out, exist_ok=True)
        inputs = []
        for d in SEEDS[target]:
            for path in files(os.path.join(FIX, d)):
                data = open(path, "rb").read()
                if d == "cards" and path.endswith(".json"):
                    inputs += [s.encode() for s in strings(json.loads(data))]
                else:
                    inputs.append(data)
        for data in inputs:
            data = HEADER.get(target, b"") + data
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)
        print("%s: %d seeds" % (target, len(set(inputs))))


if __name__ == "__main__":
    main(sys.argv[1:] or list(SEEDS))
