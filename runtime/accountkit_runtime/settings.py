"""What a configured client carries besides its httpx settings.

``VendorProfile`` is the per-vendor knowledge the shared code needs (how to read an error body, whether
errors can arrive with HTTP 200, which faults mean "log in again"); each package's ``_vendor`` module
defines one. ``ClientSettings`` bundles it with the retry count, the response size cap, the redactor
and the logger. Pickled settings leave the redactor behind (it knows the client's secrets): they
arrive with an empty one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiStatusError
from .options import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, check_max_response_bytes
from .redaction import Redactor
from .retries import RetryPolicy

# (status code, parsed body) -> (vendor code, vendor message)
ErrorReader = Callable[[int, Any], tuple[str | None, str | None]]


def generic_error_reader(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """Best effort for vendors that document no error body: common JSON shapes, else the text."""
    if isinstance(body, dict):
        code = next((body[k] for k in ("code", "error_code", "errorCode", "error") if k in body), None)
        message = next(
            (body[k] for k in ("message", "error_description", "detail", "errors", "error") if k in body), None
        )
        return (str(code) if code is not None else None, _as_text(message))
    if isinstance(body, str) and body.strip():
        return None, body.strip()
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(_as_text(item) or "" for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    return str(value)


@dataclass(frozen=True)
class VendorProfile:
    """How one vendor reports errors."""

    name: str
    read_error: ErrorReader = generic_error_reader
    # Given a parsed 2xx body, (code, message) if it nevertheless reports a failure (2sms).
    error_in_success: Callable[[Any], tuple[str | None, str | None] | None] | None = None
    # Overrides the status-based error class for some vendor codes (PortaBilling session faults).
    classify: Callable[[int, str | None], type[ApiStatusError] | None] | None = None
    # What a vendor code means, added to the error message where the vendor's own text may not say it
    # (PortaBilling's brute-force lock-out); None for codes that need no explaining.
    explain: Callable[[str | None], str | None] | None = None


@dataclass
class ClientSettings:
    vendor: VendorProfile = field(default_factory=lambda: VendorProfile(name="API"))
    max_retries: int = DEFAULT_MAX_RETRIES
    # Check every request against the spec before sending (see validation.py); off only by choice.
    validate_requests: bool = True
    retry_policy: RetryPolicy = field(default_factory=RetryPolicy)
    redactor: Redactor = field(default_factory=Redactor)
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("accountkit"))
    # The most a response body may be, after decompression (see decoding.py); RequestOptions overrides it.
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        check_max_response_bytes(self.max_response_bytes)

    def __repr__(self) -> str:
        return (
            f"ClientSettings(vendor={self.vendor.name!r}, max_retries={self.max_retries}, "
            f"max_response_bytes={self.max_response_bytes})"
        )

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "redactor": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, redactor=Redactor())
