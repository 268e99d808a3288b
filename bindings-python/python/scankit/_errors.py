"""Exceptions of scankit, raised by the native module by name.

Every exception is picklable (``__reduce__`` gives back its arguments) and its
``repr()`` shows the error code and the field, never a value from the input:
callbacks and card data hold personal data and card numbers.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

__all__ = ["ScanKitError", "CallbackParseError", "CardError", "RetrievalError"]


class ScanKitError(Exception):
    """Base class of every scankit error. ``code`` is stable and machine-readable."""

    code: str

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r})"


class CallbackParseError(ScanKitError, ValueError):
    """A callback body was refused: ``field`` names the field (``None`` for
    the body as a whole) and ``reason`` the rule broken, never the value."""

    field: Optional[str]
    reason: str

    def __init__(
        self,
        message: str,
        code: str = "error",
        field: Optional[str] = None,
        reason: str = "",
    ) -> None:
        super().__init__(message, code)
        self.field = field
        self.reason = reason or message

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code, self.field, self.reason))

    def __repr__(self) -> str:
        return f"CallbackParseError(code={self.code!r}, field={self.field!r})"


class CardError(ScanKitError, ValueError):
    """A card number, brand or mask style was refused (``code`` says why:
    ``not_digits``, ``unknown_brand``, ``bad_length``, ``luhn``,
    ``unknown_style``, ``not_picklable``). Never holds the number."""


class RetrievalError(ScanKitError):
    """A Retrieval API call failed. ``status_code`` is the HTTP status when a
    response came, ``retryable`` whether trying again later may succeed, and
    ``retry_after`` how many seconds to wait first. Never holds a secret."""

    status_code: Optional[int]
    retryable: bool
    retry_after: Optional[float]

    def __init__(
        self,
        message: str,
        code: str = "error",
        status_code: Optional[int] = None,
        retryable: bool = False,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message, code)
        self.status_code = status_code
        self.retryable = retryable
        self.retry_after = retry_after

    def __reduce__(self) -> Tuple[Any, ...]:
        return (
            type(self),
            (str(self), self.code, self.status_code, self.retryable, self.retry_after),
        )

    def __repr__(self) -> str:
        return (
            f"RetrievalError(code={self.code!r}, status_code={self.status_code!r}, "
            f"retryable={self.retryable!r})"
        )
