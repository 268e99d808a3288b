"""RetrievalClient against scankit-sandbox on 127.0.0.1 (started here)."""

from __future__ import annotations

import json
import pickle
import subprocess
import threading
import time
import urllib.request
from typing import Any, Dict, Iterator

import pytest

import scankit

UA = "Example Corp SampleApp/1.0.1"


@pytest.fixture(scope="module")
def sandbox(sandbox_binary: str) -> Iterator[str]:
    proc = subprocess.Popen(
        [sandbox_binary, "--port", "0"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def add_scan(url: str, spec: Dict[str, Any]) -> None:
    req = urllib.request.Request(
        url + "/admin/scans",
        data=json.dumps(spec).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status in (200, 201)


def client(url: str, secret: str = "sandbox-secret") -> scankit.RetrievalClient:
    return scankit.RetrievalClient(
        token="sandbox-token", secret=secret, user_agent=UA, base_url=url, timeout=10.0
    )


def test_status_details_images_and_delete(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-ready", "kind": "id_verification"})
    c = client(sandbox)
    assert "127.0.0.1" in repr(c) and "sandbox-secret" not in repr(c)
    status = c.scan_status("py-ready")
    assert status["status"] == "DONE" and status["scanReference"] == "py-ready"
    details = c.scan_details("py-ready")
    assert isinstance(details, dict) and "document" in details
    assert isinstance(c.scan_document("py-ready"), dict)
    assert isinstance(c.scan_transaction("py-ready"), dict)
    assert isinstance(c.scan_verification("py-ready"), dict)
    images = c.scan_images("py-ready")
    assert isinstance(images, dict)
    front = c.scan_image("py-ready", "front")
    assert front.content_type.startswith("image/") and front.data[:4] == b"\x89PNG"
    assert "bytes" in repr(front)
    assert c.delete_scan("py-ready") == 200
    with pytest.raises(scankit.RetrievalError) as info:
        c.scan_status("py-ready")
    assert info.value.code == "not_found" and info.value.status_code == 404


def test_wait_for_scan_releases_the_gil(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-pending", "kind": "id_verification", "readyAfterMs": 1200})
    c = client(sandbox)
    assert c.scan_status("py-pending")["status"] == "PENDING"
    ticks = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    started = time.monotonic()
    try:
        status = c.wait_for_scan("py-pending", schedule=[0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0])
    finally:
        stop.set()
        t.join()
    took = time.monotonic() - started
    assert status["status"] == "DONE"
    assert 1.0 < took < 10
    # The other thread kept running while the client slept and waited.
    assert ticks > 200


def test_still_pending_gives_up(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-slow", "kind": "id_verification", "readyAfterMs": 600_000})
    with pytest.raises(scankit.RetrievalError) as info:
        client(sandbox).wait_for_scan("py-slow", schedule=[0.0, 0.1])
    assert info.value.code == "still_pending" and info.value.retryable


def test_errors_carry_status_and_retryable(sandbox: str) -> None:
    with pytest.raises(scankit.RetrievalError) as info:
        client(sandbox, secret="wrong-secret").scan_status("py-nothing")
    e = info.value
    assert (e.code, e.status_code, e.retryable) == ("unauthorized", 401, False)
    assert "wrong-secret" not in str(e) and "wrong-secret" not in repr(e)
    back = pickle.loads(pickle.dumps(e))
    assert (type(back), back.code, back.status_code, back.retryable, str(back)) == (
        scankit.RetrievalError, e.code, e.status_code, e.retryable, str(e),
    )

    add_scan(sandbox, {"reference": "py-flaky", "kind": "id_verification", "failNext": [503]})
    c = client(sandbox)
    with pytest.raises(scankit.RetrievalError) as info:
        c.scan_status("py-flaky")
    assert (info.value.code, info.value.status_code, info.value.retryable) == ("server_error", 503, True)
    assert info.value.retry_after is not None and info.value.retry_after > 0
    assert c.scan_status("py-flaky")["status"] == "DONE"

    with pytest.raises(scankit.RetrievalError) as info:
        c.scan_status("no such ref!")
    assert info.value.code == "invalid_request" and info.value.status_code is None


def test_credit_card(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-card", "kind": "credit_card"})
    c = client(sandbox)
    data = c.credit_card("py-card")
    assert data["cardNumber"] == "411111xxxxxx1111"
    with pytest.raises(scankit.RetrievalError) as info:
        c.credit_card("py-card", unmasked=True)
    assert info.value.code == "forbidden_unmasked" and info.value.status_code == 403
    assert c.credit_card_front("py-card").content_type.startswith("image/")


def test_authentication_and_documents(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-auth", "kind": "authentication"})
    add_scan(sandbox, {"reference": "py-doc", "kind": "document"})
    c = client(sandbox)
    assert isinstance(c.authentication("py-auth"), dict)
    assert isinstance(c.dv_status("py-doc"), dict)
    assert isinstance(c.dv_details("py-doc"), dict)
    assert c.delete_authentication("py-auth") == 200
    assert c.delete_document("py-doc") == 200


def test_construction_errors() -> None:
    with pytest.raises(scankit.RetrievalError) as info:
        scankit.RetrievalClient(token="t", secret="s", user_agent="no version")
    assert info.value.code == "invalid_request"
    with pytest.raises(ValueError):
        scankit.RetrievalClient(token="t", secret="s", user_agent=UA, region="mars")
    c = scankit.RetrievalClient(token="t", secret="s", user_agent=UA, region="eu")
    assert repr(c) == "RetrievalClient(base='eu')"


def test_client_shared_across_threads(sandbox: str) -> None:
    add_scan(sandbox, {"reference": "py-threads", "kind": "id_verification"})
    c = client(sandbox)
    results = []

    def work() -> None:
        for _ in range(20):
            results.append(c.scan_status("py-threads")["status"])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["DONE"] * 80
