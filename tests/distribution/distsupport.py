"""Helpers for the distribution tests: the toolkit's environment, and a real private index to publish to.

Kept out of conftest.py so that test modules can import them under a name no other test folder uses.
The index is the pinned pypiserver, on 127.0.0.1 and a free port, with upload auth (an htpasswd file
made with passlib) and no fallback to a public index; ``running_index`` always stops it.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from accountkit_codegen.layout import CODEGEN
from passlib.apache import HtpasswdFile

READY_TIMEOUT_SECONDS = 30


def codegen_env(**extra: str) -> dict[str, str]:
    """The environment for the toolkit's own commands (``python -m accountkit_codegen.…``)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PUBLISH_", "TWINE_"))}
    env["PYTHONPATH"] = str(CODEGEN)
    # Never touch a real keyring from a test: the null backend holds nothing.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return {**env, **extra}


def clean_env() -> dict[str, str]:
    """The environment for a fresh venv's python: nothing from the repo on its import path."""
    return {key: value for key, value in codegen_env().items() if key != "PYTHONPATH"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class PackageIndex:
    """A running pypiserver: its base URL (uploads go there), the upload account, where it keeps files."""

    url: str
    username: str
    password: str
    packages: Path

    @property
    def simple_url(self) -> str:
        return f"{self.url}/simple/"


class IndexNotReady(Exception):
    """pypiserver exited or did not answer its health check in time; the message has its log."""


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise IndexNotReady(f"pypiserver exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise IndexNotReady(f"pypiserver did not answer {url}/health in {READY_TIMEOUT_SECONDS}s:\n{log.read_text()}")


@contextmanager
def running_index(root: Path) -> Iterator[PackageIndex]:
    """Start pypiserver keeping its files under ``root``; stop it on the way out, whatever happened."""
    packages = root / "packages"
    packages.mkdir()
    username, password = "uploader", f"pw-{secrets.token_hex(8)}"
    htpasswd = HtpasswdFile(str(root / "htpasswd"), new=True)
    htpasswd.set_password(username, password)
    htpasswd.save()
    port = free_port()
    log = root / "pypiserver.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "pypiserver", "run",
                "-p", str(port), "-i", "127.0.0.1",
                "-P", str(root / "htpasswd"), "-a", "update",
                "--disable-fallback", "--hash-algo", "sha256",
                str(packages),
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_ready(process, url, log)
        yield PackageIndex(url, username, password, packages)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
