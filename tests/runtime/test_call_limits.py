"""One call's limits (accountkit_runtime.limits) at their edges: no deadline, a deadline, one already past.

The deadline tests (test_deadlines.py) drive whole calls against slow servers; these pin what each
attempt is given and how long a wait for a lock may last, which those only bound from one side.
"""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from accountkit_runtime import limits
from accountkit_runtime.limits import CallLimits

PHASES = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=7.0)


def phases(timeout: httpx.Timeout) -> tuple[float | None, ...]:
    return timeout.connect, timeout.read, timeout.write, timeout.pool


def test_without_a_deadline_each_attempt_keeps_its_timeout() -> None:
    assert CallLimits(deadline=None, max_response_bytes=1).attempt_timeout(PHASES) is PHASES


def test_with_a_deadline_every_phase_is_cut_to_the_time_left() -> None:
    call = CallLimits(deadline=time.monotonic() + 6.0, max_response_bytes=1)

    connect, read, write, pool = phases(call.attempt_timeout(PHASES))

    assert connect == 5.0  # shorter than what is left: kept
    assert read is not None and write is not None and pool is not None
    assert 0.0 < read <= 6.0 and read == write and pool <= 6.0


def test_a_deadline_already_past_leaves_no_time_rather_than_a_negative_one() -> None:
    call = CallLimits(deadline=time.monotonic() - 3.0, max_response_bytes=1)

    assert phases(call.attempt_timeout(PHASES)) == (0.0, 0.0, 0.0, 0.0)


def test_without_a_deadline_a_lock_is_waited_for_as_long_as_it_is_held() -> None:
    """No deadline means no limit: the wait outlasts any short default (the holder lets go after 1.5 s)."""
    lock = threading.Lock()
    lock.acquire()
    waiting = threading.Event()

    def let_go_later() -> None:
        waiting.wait(10)
        time.sleep(1.5)
        lock.release()

    holder = threading.Thread(target=let_go_later)
    holder.start()
    request = httpx.Request("POST", "http://127.0.0.1:9/login")
    assert limits.current() is None  # outside any call: no deadline
    try:
        waiting.set()
        limits.acquire(lock, request, "the login")
        assert lock.locked()  # taken by this thread
        lock.release()
    finally:
        holder.join(10)


def test_a_lock_wait_ends_at_the_deadline() -> None:
    lock = threading.Lock()
    lock.acquire()
    request = httpx.Request("POST", "http://127.0.0.1:9/login")
    started = time.monotonic()

    call = CallLimits(deadline=time.monotonic() + 0.2, max_response_bytes=1)
    with limits.applied(call), pytest.raises(httpx.PoolTimeout, match="waiting for the login"):
        limits.acquire(lock, request, "the login")

    assert time.monotonic() - started < 0.2 * 3 + 5  # did not hang
    lock.release()
