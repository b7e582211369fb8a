"""Prism mock servers as subprocesses: started together, each in its own process group, never orphaned.

One server per spec (`prism mock -h 127.0.0.1 -p <free port> --errors specs/<api>.yaml`), on a free
loopback port. Prism serves the spec's examples by default; a request picks a status, a named example
or a dynamically generated body with Prism's `Prefer` header (`code=500`, `example=name`,
`dynamic=true`), so one process per spec covers static and `--dynamic` answers. `--errors` makes a
request that violates the spec come back as an error status with Prism's findings in the
`sl-violations` header, which the tests turn into assertion messages.

Lifecycle: `start_all` launches every server before waiting for any (startup is ~1 s each, done in
parallel); readiness is an HTTP answer on the port; `stop` sends SIGTERM to the process group, then
SIGKILL after a timeout. An `atexit` hook stops whatever is still running, and on Linux each server
gets PR_SET_PDEATHSIG so that even a SIGKILLed pytest leaves no Prism behind.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from support.loopback import free_port, stop_process_group
from support.specs import REPO

PRISM = REPO / "node_modules" / ".bin" / "prism"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 5.0

_RUNNING: set[PrismServer] = set()


def _die_with_parent() -> None:  # runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class PrismServer:
    def __init__(self, api: str, spec: Path, extra_args: tuple[str, ...] = ()) -> None:
        self.api = api
        self.spec = spec
        self.extra_args = extra_args
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - outside the repository; closed by close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def command(self) -> list[str]:
        return [
            str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(self.port), "--errors", *self.extra_args,
            str(self.spec.relative_to(REPO)),
        ]  # fmt: skip

    def start(self) -> None:
        if not PRISM.exists():
            raise RuntimeError(f"{PRISM} is missing: run `npm ci` (the nox session does)")
        self.port = free_port()
        self._log.seek(0)
        self._log.truncate()
        self.process = subprocess.Popen(
            self.command,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole, deaf to our Ctrl-C
            preexec_fn=_die_with_parent,
        )
        _RUNNING.add(self)

    def log(self, limit: int = 4000) -> str:
        self._log.flush()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace")
        return text[-limit:]

    def poll_ready(self) -> bool:
        """True once Prism answers HTTP on its port; raises if the process died."""
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(
                f"Prism for {self.api} exited with {self.process.returncode} before it was ready:\n{self.log()}"
            )
        try:
            httpx.get(f"{self.base_url}/__contract_ready__", timeout=0.5)
        except httpx.TransportError:
            return False
        return True  # any HTTP answer (404 for this path) means the server is up

    def terminate(self) -> None:
        """SIGTERM to the whole process group (returns at once; `stop` waits)."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL to the process group if it has not exited within STOP_TIMEOUT."""
        if self.process is not None:
            stop_process_group(self.process, STOP_TIMEOUT)
        _RUNNING.discard(self)

    def close(self) -> None:
        self.stop()
        self._log.close()


def start_all(servers: list[PrismServer], timeout: float = START_TIMEOUT) -> None:
    """Start every server, then wait until all answer (a port taken in between is retried once)."""
    for server in servers:
        server.start()
    deadline = time.monotonic() + timeout
    pending = list(servers)
    retried: set[str] = set()
    while pending:
        for server in list(pending):
            try:
                ready = server.poll_ready()
            except RuntimeError:
                if server.api in retried or "EADDRINUSE" not in server.log():
                    raise
                retried.add(server.api)
                server.start()
                continue
            if ready:
                pending.remove(server)
        if pending:
            if time.monotonic() > deadline:
                logs = "\n".join(f"--- {s.api}:\n{s.log()}" for s in pending)
                raise RuntimeError(f"Prism not ready after {timeout:.0f} s for {[s.api for s in pending]}\n{logs}")
            time.sleep(0.1)


def stop_all(servers: list[PrismServer] | set[PrismServer]) -> None:
    """Stop every server: all get SIGTERM first, so their shutdowns overlap."""
    servers = list(servers)
    for server in servers:
        server.terminate()
    for server in servers:
        server.close()


@atexit.register
def _stop_leftovers() -> None:
    stop_all(set(_RUNNING))
