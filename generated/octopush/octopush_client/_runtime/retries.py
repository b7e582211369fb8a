"""Which failures are worth another attempt, and how long to wait before it.

The rules (one place, used by sync and async alike):

- Only idempotent operations are retried: GET, PUT, PATCH, DELETE by HTTP semantics, unless the spec
  says ``x-idempotent: false``; a POST only when its spec says ``x-idempotent: true``.
- Retried: connection failures and timeouts (no response), and HTTP 408, 429, 502, 503, 504.
  Never any other 4xx: asking again would get the same answer.
- The wait is exponential backoff with full jitter (0.5 s, 1 s, 2 s ... capped at 8 s), unless the
  response carries ``Retry-After`` (seconds or an HTTP date), which is honoured up to 60 s.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class RetryPolicy:
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, retries_done: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                return min(retry_after, self.max_retry_after)
        ceiling = min(self.initial_delay * (2**retries_done), self.max_delay)
        return random.uniform(ceiling / 2, ceiling)


def is_idempotent(method: str, declared: bool | None) -> bool:
    """The spec's ``x-idempotent`` when given, else the method's HTTP semantics."""
    return declared if declared is not None else method.upper() in IDEMPOTENT_METHODS


def should_retry_status(status_code: int) -> bool:
    return status_code in RETRY_STATUSES


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
