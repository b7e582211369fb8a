"""Which failures are worth another attempt, and how long to wait before it.

The rules (one place, used by sync and async alike):

- Only idempotent operations are retried: GET, PUT, PATCH, DELETE by HTTP semantics, unless the spec
  says ``x-idempotent: false``; a POST only when its spec says ``x-idempotent: true``.
- Retried: connection failures and timeouts (no response), and the statuses ``should_retry_status``
  accepts (HTTP 408, 429, 502, 503, 504). Never any other 4xx: asking again would get the same answer.
- The wait is exponential backoff with full jitter (0.5 s, 1 s, 2 s ... capped at 8 s, however many
  retries are configured), unless the server asks for a wait: ``retry-after-ms`` (milliseconds) or
  ``Retry-After`` (seconds or an HTTP date), honoured up to 60 s. A request to wait zero, a date in
  the past, a negative or non-finite number or anything unreadable is no request: backoff applies.
- All of it happens within the call's deadline (see ``limits``): a wait that would end after it is
  not waited, and the last failure is raised instead.
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
# delay-seconds is digits (RFC 9110); a fraction is tolerated, signs, exponents, nan and inf are not.
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MAX_EXPONENT = 64  # 2**64 times any sane initial delay is past any cap: the cap is reached long before


@dataclass(frozen=True)
class RetryPolicy:
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, retries_done: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if response is not None:
            asked = requested_wait(response.headers)
            if asked is not None:
                return min(asked, self.max_retry_after)
        return self.backoff(retries_done)

    def backoff(self, retries_done: int) -> float:
        # The exponent is bounded: 2.0 ** 1024 overflows a float, and retries may be configured by the thousand.
        ceiling = min(self.initial_delay * 2.0 ** min(max(retries_done, 0), _MAX_EXPONENT), self.max_delay)
        return random.uniform(ceiling / 2, ceiling)


def is_idempotent(method: str, declared: bool | None) -> bool:
    """The spec's ``x-idempotent`` when given, else the method's HTTP semantics."""
    return declared if declared is not None else method.upper() in IDEMPOTENT_METHODS


def should_retry_status(status_code: int) -> bool:
    """Whether a response with this status is worth another attempt (the only place that decides)."""
    return status_code in RETRY_STATUSES


def requested_wait(headers: Mapping[str, str]) -> float | None:
    """The wait the server asks for in seconds (``retry-after-ms``, else ``Retry-After``); None if unusable."""
    milliseconds = _positive_number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    return parse_retry_after(headers.get("retry-after"))


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now (a number of seconds or an HTTP date); None unless a positive wait."""
    seconds = _positive_number(value)
    if seconds is not None or not value or not value.strip():
        return seconds
    try:
        when = parsedate_to_datetime(value.strip())
        if when.tzinfo is None:  # "-0000": UTC, without saying so
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - time.time()
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None
    return seconds if seconds > 0 else None


def _positive_number(value: str | None) -> float | None:
    if not value or not _NUMBER.fullmatch(value.strip()):
        return None
    number = float(value)
    if not math.isfinite(number):  # hundreds of digits: "as long as you like", i.e. the longest we wait
        return math.inf
    return number if number > 0 else None
