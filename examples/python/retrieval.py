"""The Retrieval API client against a local scankit-sandbox.

Start one (`cargo run -p scankit-sandbox -- --port 0`) and set
SCANKIT_SANDBOX_URL to the URL it prints; without it this example only shows
how the client is made and what its errors carry.
"""

from __future__ import annotations

import json
import os
import urllib.request

import scankit


def add_sandbox_scan(url: str, reference: str) -> None:
    """Registers a scan with scankit-sandbox (its admin endpoint, no auth)."""
    spec = {"reference": reference, "kind": "id_verification", "readyAfterMs": 1500}
    req = urllib.request.Request(
        url + "/admin/scans",
        data=json.dumps(spec).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10):
        pass


def main() -> None:
    url = os.environ.get("SCANKIT_SANDBOX_URL")
    client = scankit.RetrievalClient(
        token="sandbox-token",
        secret="sandbox-secret",
        user_agent="Example Corp SampleApp/1.0.1",
        region="eu",
        base_url=url,
        timeout=5.0,
    )
    print(repr(client))
    if url is None:
        try:
            scankit.RetrievalClient(token="t", secret="s", user_agent="no version")
        except scankit.RetrievalError as e:
            print(repr(e), "-", e)
        return
    add_sandbox_scan(url, "my-scan-1")
    try:
        # The spec's schedule in seconds after acquisition, shortened for the demo.
        status = client.wait_for_scan("my-scan-1", schedule=[0.0, 1.0, 2.0, 5.0])
        print(status.get("status"))
        details = client.scan_details("my-scan-1")
        print("details:", sorted(details))
        safe = scankit.decode_response(
            "scan_details", json.dumps(details).encode(), redact=True
        )
        print("redacted document:", safe.get("document"))
    except scankit.RetrievalError as e:
        print(repr(e), "retry in", e.retry_after if e.retryable else "never")


if __name__ == "__main__":
    main()
