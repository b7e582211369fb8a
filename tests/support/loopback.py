"""Servers the tests start on 127.0.0.1: a free port to start one on, and stopping one whatever it is doing.

Every server a test starts listens on loopback only and is stopped by the fixture that started it; the
servers run as process groups of their own (``start_new_session=True``), so stopping one stops whatever
it started too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (the OS picks it; it is free again once returned)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def stop_process_group(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM to the process's group, SIGKILL if it has not exited within ``timeout`` seconds; then reap it.

    While the leader has not been reaped its pid (the group id) cannot be reused, so the SIGKILL can only
    reach the group that was started.
    """
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)
