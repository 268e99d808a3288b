"""Shared paths and fixtures. A skipped or xfailed test fails the run: every
test here must run (the sandbox test included, see SCANKIT_SANDBOX)."""

from __future__ import annotations

import json
import os
import pathlib
from typing import Any, Dict, List

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "core" / "tests" / "fixtures"
CALLBACKS = FIXTURES / "callbacks"


def manifest() -> List[Dict[str, Any]]:
    with open(CALLBACKS / "manifest.json", encoding="utf-8") as f:
        return list(json.load(f)["fixtures"])


def read_json(relative: str) -> Any:
    with open(CALLBACKS / relative, encoding="utf-8") as f:
        return json.load(f)


def body(name: str) -> bytes:
    return (CALLBACKS / f"{name}.form").read_bytes()


_not_run: List[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped or hasattr(report, "wasxfail"):
        _not_run.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _not_run:
        print(f"\nFAILED: {len(_not_run)} test(s) skipped or xfailed, which this suite forbids:")
        for nodeid in _not_run:
            print(f"  {nodeid}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def sandbox_binary() -> str:
    path = os.environ.get("SCANKIT_SANDBOX")
    if not path:
        path = str(REPO / "target" / "debug" / "scankit-sandbox")
    assert os.path.exists(path), (
        f"scankit-sandbox not found at {path}: build it (cargo build -p scankit-sandbox) "
        "or set SCANKIT_SANDBOX"
    )
    return path
