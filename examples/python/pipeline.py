"""A data-pipeline example: callbacks, card numbers and free text in batches.

Each batch call releases the GIL and returns plain lists or a dict of
columns, which `polars.DataFrame` (or `pandas.DataFrame`) takes as it is.
Run: python examples/python/pipeline.py
"""

from __future__ import annotations

import pathlib

import polars as pl

import scankit

ROOT = pathlib.Path(__file__).resolve().parents[2]
CALLBACKS = ROOT / "core" / "tests" / "fixtures" / "callbacks" / "netverify"


def main() -> None:
    # 1. A day's callbacks: parse, decide and redact all of them at once.
    bodies = [p.read_bytes() for p in sorted(CALLBACKS.glob("*.form"))]
    columns = scankit.parse_callbacks(bodies)  # redacted JSON by default
    callbacks = pl.DataFrame(columns)
    print(callbacks.select("ok", "outcome", "error_code", "error_field").head(8))
    print(callbacks.group_by("outcome").len().sort("outcome", nulls_last=True))

    # 2. Card numbers from a table: valid or not, and the brand.
    numbers = ["4111 1111 1111 1111", "4111 1111 1111 1112", "3782 822463 10005", "6011"]
    cards = pl.DataFrame(
        {
            "masked": [scankit.mask_digits(n, "last4") for n in numbers],
            "valid": scankit.validate_card_numbers(numbers),
            "brand": scankit.card_brands_of(numbers),
        }
    )
    print(cards)

    # 3. Free text (support tickets, logs): mask every card number before storing.
    notes = [
        "customer read out 4111-1111-1111-1111 on the phone",
        "no card number here",
        "two: 5555555555554444 and 378282246310005",
    ]
    safe = pl.DataFrame({"note": scankit.mask_texts(notes, style="pci")})
    print(safe)

    # 4. One callback by hand, with its decision; repr() shows no personal data.
    cb = scankit.parse_callback((CALLBACKS / "spec-approved.form").read_bytes())
    print(repr(cb), cb.decision().outcome, cb.redacted().id_first_name)
    try:
        scankit.parse_callback(b"verificationStatus=APPROVED_VERIFIED")
    except scankit.CallbackParseError as e:
        print(repr(e), "-", e.reason)


if __name__ == "__main__":
    main()
