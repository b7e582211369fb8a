"""What bounds one call: a deadline for everything it does, and a cap on the size of what it reads.

``transport`` works out a call's ``CallLimits`` when the call starts (the deadline from its timeout,
the cap from its options or the client's settings) and makes them current while the call runs.
Every request the call makes, including the token and login requests an auth flow sends on its
behalf, then runs under them; the code that waits or reads asks here what is left: the sync network
streams (``network``), the auth flows' lock waits, the body reader (``decoding``).

A ``ContextVar`` carries them, because the requests an auth flow makes go through httpx, not through
any function of ours that could pass them along; a sync call runs in its caller's thread and an
async call in its task, so each call sees its own limits.
"""

from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class CallLimits:
    deadline: float | None  # time.monotonic() by which the call must be over; None: no deadline
    max_response_bytes: int
    timeout: float | None = None  # the seconds the deadline was set from, for messages

    @classmethod
    def starting_now(cls, timeout: httpx.Timeout, max_response_bytes: int) -> CallLimits:
        seconds = total_seconds(timeout)
        deadline = None if seconds is None else time.monotonic() + seconds
        return cls(deadline=deadline, max_response_bytes=max_response_bytes, timeout=seconds)

    def remaining(self) -> float | None:
        """Seconds left until the deadline (negative once it has passed); None without a deadline."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def attempt_timeout(self, timeout: httpx.Timeout) -> httpx.Timeout:
        """``timeout`` with every phase cut to the time left, for the next attempt."""
        left = self.remaining()
        if left is None:
            return timeout
        left = max(left, 0.0)

        def cut(phase: float | None) -> float:
            return left if phase is None else min(phase, left)

        return httpx.Timeout(
            connect=cut(timeout.connect), read=cut(timeout.read), write=cut(timeout.write), pool=cut(timeout.pool)
        )


_current: ContextVar[CallLimits | None] = ContextVar(f"{__name__}.current", default=None)


def total_seconds(timeout: httpx.Timeout) -> float | None:
    """The deadline of a whole call with this timeout: its largest phase limit (None if any is unlimited)."""
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if any(phase is None for phase in phases):
        return None
    return max(phases)  # type: ignore[type-var]


def current() -> CallLimits | None:
    """The limits of the call running in this thread or task (None outside a call)."""
    return _current.get()


def remaining() -> float | None:
    """Seconds left for the current call (None without a deadline, or outside a call)."""
    limits = _current.get()
    return None if limits is None else limits.remaining()


class applied:  # noqa: N801 - used as a function, a class for speed (it runs on every attempt)
    """Within ``with applied(limits)``, ``limits`` are the current call's."""

    __slots__ = ("_limits", "_token")

    def __init__(self, limits: CallLimits) -> None:
        self._limits = limits

    def __enter__(self) -> None:
        self._token = _current.set(self._limits)

    def __exit__(self, *exc_info: object) -> None:
        _current.reset(self._token)


def acquire(lock: threading.Lock, request: httpx.Request, waiting_for: str) -> None:
    """Take ``lock``, waiting no longer than the current call's deadline allows.

    When the deadline passes first, ``httpx.PoolTimeout``: to the caller, waiting for another call's
    login is like waiting for a connection, and it ends the same way (``ApiTimeoutError``).
    """
    left = remaining()
    if lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
        return
    raise httpx.PoolTimeout(f"the call's time ran out waiting for {waiting_for}", request=request)
