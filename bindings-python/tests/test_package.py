"""The package as installed: where it comes from, what it exports."""

from __future__ import annotations

import os
import pathlib
import sys

import scankit


def test_imported_from_the_installed_wheel() -> None:
    # The tests must run against the wheel installed into the venv, not the
    # source tree.
    assert os.path.realpath(scankit.__file__).startswith(os.path.realpath(sys.prefix))
    assert "site-packages" in scankit.__file__


def test_every_export_exists() -> None:
    for name in scankit.__all__:
        assert hasattr(scankit, name), name
    assert scankit.__version__


def test_typed_marker_is_installed() -> None:
    assert os.path.exists(os.path.join(os.path.dirname(scankit.__file__), "py.typed"))
    assert os.path.exists(os.path.join(os.path.dirname(scankit.__file__), "_scankit.pyi"))


def test_exception_hierarchy() -> None:
    assert issubclass(scankit.CallbackParseError, scankit.ScanKitError)
    assert issubclass(scankit.CallbackParseError, ValueError)
    assert issubclass(scankit.CardError, scankit.ScanKitError)
    assert issubclass(scankit.RetrievalError, scankit.ScanKitError)
    assert issubclass(scankit.ScanKitError, Exception)


def test_readme_documents_every_export() -> None:
    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in scankit.__all__ if f"`{name}" not in readme and f"{name}(" not in readme]
    assert missing == []
