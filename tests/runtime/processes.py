"""Running test code in a forked child, with a time limit and no process left behind.

``Forked`` forks the test process; the child runs a function and sends back what it returned (or
the repr of what it raised) through a pipe, then leaves with ``os._exit`` so that none of pytest's
own clean-up runs twice. The parent can signal the child to go on (``go()``), collects the result
(``result()``) within a time limit, and kills the child when it does not answer in time: a deadlock
in the child fails the test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import Any


class ChildFailed(AssertionError):
    pass


class Forked:
    """``fn(wait)`` runs in a forked child; ``wait()`` blocks the child until the parent calls ``go()``."""

    def __init__(self, fn: Callable[[Callable[[], None]], Any]) -> None:
        result_read, result_write = os.pipe()
        go_read, go_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            status = 0
            try:
                os.close(result_read)
                os.close(go_write)

                def wait() -> None:
                    os.read(go_read, 1)

                try:
                    outcome: tuple[str, Any] = ("returned", fn(wait))
                except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                    outcome = ("raised", f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
                data = pickle.dumps(outcome)
                with os.fdopen(result_write, "wb") as pipe:
                    pipe.write(data)
            except BaseException:  # noqa: BLE001
                status = 1
            finally:
                os._exit(status)
        os.close(result_write)
        os.close(go_read)
        self.pid = pid
        self._result = result_read
        self._go = go_write
        self._closed = False

    def go(self) -> None:
        os.write(self._go, b"!")

    def result(self, timeout: float = 30.0) -> Any:
        """What the child's function returned; ChildFailed if it raised, died, or took too long."""
        deadline = time.monotonic() + timeout
        chunks = []
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ChildFailed(f"the child did not finish within {timeout} s (deadlocked?)")
                ready, _, _ = select.select([self._result], [], [], left)
                if ready:
                    chunk = os.read(self._result, 65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
        finally:
            self.close()
        if not chunks:
            raise ChildFailed("the child died without a result")
        kind, value = pickle.loads(b"".join(chunks))
        if kind == "raised":
            raise ChildFailed(f"the child raised {value}")
        return value

    def close(self) -> None:
        """Kill the child if it still runs, and reap it (once)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        for fd in (self._result, self._go):
            with contextlib.suppress(OSError):
                os.close(fd)
