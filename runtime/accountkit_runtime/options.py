"""Timeouts, the response size cap, and per-call overrides.

Defaults follow the Stainless SDKs: connecting should be quick (5 s), a vendor may take a while to
answer an update (30 s). Anything set here for one call leaves the shared client untouched.

The timeout bounds the whole call, not only each read (see ``limits``): seconds given as a number
are the call's deadline, for everything it does (waiting for a connection or for another call's
login, its own login or token request, every attempt and every wait between retries). An
``httpx.Timeout`` also bounds each phase of each attempt (connect, read, write, pool), and its
largest value is the deadline of the whole call; ``None`` anywhere means no deadline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .encoding import check_headers

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
# The most a response body may be, counted after decompression (see ``decoding``).
DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024


def as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout | None:
    """Accept seconds or an ``httpx.Timeout``; seconds apply to reads with the default connect limit."""
    if value is None or isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_TIMEOUT.connect or float(value)))


def check_max_response_bytes(value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"max_response_bytes must be a positive number of bytes, got {value!r}")


@dataclass(frozen=True)
class RequestOptions:
    """Overrides for a single call: pass as ``request_options=RequestOptions(...)`` to any operation.

    ``extra_headers`` are added to (and override) the client's headers; ``timeout`` (seconds or an
    ``httpx.Timeout``) is this call's deadline; ``max_retries`` replaces the client's retry count and
    ``max_response_bytes`` its response size cap, for this call only.

    ``extra_body`` and ``extra_query`` add keys the spec does not document, where the vendor's docs are
    not the whole schema: ``extra_query`` as query parameters (a list value repeats the key),
    ``extra_body`` merged into the JSON body, a nested mapping naming the object to add to
    (``{"params": {"account_info": {"api_token": "…"}}}``). They are sent as given, outside the
    validation against the spec, and redacted in logs like any other value; a key the call already
    sets, or one the spec documents there, is refused (``RequestValidationError``, nothing sent). The
    rules in full: ``accountkit_runtime.extras``.
    """

    extra_headers: Mapping[str, str] = field(default_factory=dict)
    extra_body: Mapping[str, Any] = field(default_factory=dict)
    extra_query: Mapping[str, Any] = field(default_factory=dict)
    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None
    max_response_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.max_retries is not None and self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        check_headers("request_options.extra_headers", self.extra_headers)  # CR/LF, non-ASCII: never sent
        for name in ("extra_body", "extra_query"):
            if not isinstance(getattr(self, name), Mapping):
                raise TypeError(f"{name} must be a mapping (a dict), not a {type(getattr(self, name)).__name__}")
        check_max_response_bytes(self.max_response_bytes)
