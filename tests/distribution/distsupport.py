"""Helpers for the distribution tests: the toolkit's environment, a real private index to publish to,
fresh venvs installing from it, and one call made with an installed client.

Kept out of conftest.py so that test modules can import them under a name no other test folder uses.
The index is the pinned pypiserver, on 127.0.0.1 and a free port, with upload auth (an htpasswd file
made with passlib) and no fallback to a public index; ``running_index`` always stops it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountkit_codegen.spec.layout import CODEGEN
from clientcall import TOKEN_ANSWER, call_plan
from passlib.apache import HtpasswdFile
from pytest_httpserver import HTTPServer

CALL_CLIENT = Path(__file__).parent / "call_client.py"

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


def fresh_venv(where: Path) -> Path:
    """A new, empty venv (made with uv); its python."""
    uv = shutil.which("uv")
    assert uv, "uv is not on PATH (./dev puts the pinned one there)"
    venv = where / "venv"
    subprocess.run(
        [uv, "venv", "--no-config", "-q", "--python", sys.executable, str(venv)], env=clean_env(), check=True
    )
    return venv / "bin" / "python"


def install_from(index: PackageIndex, python: Path, *requirements: str) -> subprocess.CompletedProcess[str]:
    """``uv pip install`` from the private index first (uv's first-index strategy: a name our index has is
    never looked up elsewhere), the other dependencies from the usual index; always fresh from the index."""
    names = {re.split(r"[=<>!~ ]", requirement, maxsplit=1)[0] for requirement in requirements}
    refresh = [arg for name in sorted(names | {"accountkit-runtime"}) for arg in ("--refresh-package", name)]
    command = [shutil.which("uv") or "uv", "pip", "install", "--no-config", "-q", "--python", str(python)]
    command += ["--index", index.simple_url, *refresh, *requirements]
    return subprocess.run(command, env=clean_env(), capture_output=True, text=True, timeout=300)


def call_with_installed_client(python: Path, api: str, spec: dict[str, Any], server: HTTPServer) -> dict[str, Any]:
    """One call of ``api``'s first operation through the client installed for ``python``, against ``server``.

    The server answers the call with the spec's example, and any login or token request ``connect()``
    makes first; the outcome is what ``call_client.py`` reports, plus the plan and the requests received.
    """
    plan = call_plan(api, spec)
    server.clear()
    server.expect_request(plan["path"], method=plan["method"]).respond_with_data(
        plan["answer"], status=plan["status"], content_type="application/json"
    )
    for method, path, answer in plan["auth_answers"]:  # a login or token call connect()'s auth may make
        server.expect_request(path, method=method).respond_with_data(answer, content_type="application/json")
    token = json.dumps(TOKEN_ANSWER)
    server.expect_request(re.compile(".*")).respond_with_data(token, content_type="application/json")
    result = subprocess.run(
        [str(python), str(CALL_CLIENT), json.dumps(plan), server.url_for("/").rstrip("/")],
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    calls = [request for request, _response in server.log if request.path == plan["path"]]
    return {**json.loads(result.stdout), "plan": plan, "calls": calls}
