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
import subprocess
import sys
import tarfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accountkit_codegen.spec.layout import CODEGEN, REPO
from clientcall import VENDOR_AUTH, call_plan
from passlib.apache import HtpasswdFile
from pytest_httpserver import HTTPServer
from support.loopback import free_port

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


def build(module: str, outdir: Path, env: dict[str, str]) -> Path:
    """``python -m accountkit_codegen.<module> --outdir <outdir>``, as ``./dev -s build`` runs it; the folder."""
    result = subprocess.run(
        [sys.executable, "-m", f"accountkit_codegen.{module}", "--outdir", str(outdir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{module} failed:\n{result.stdout}\n{result.stderr}"
    return outdir


def member_bytes(archive: tarfile.TarFile, member: str | tarfile.TarInfo) -> bytes:
    """The bytes of one file in a tar archive; a missing name fails with KeyError, a non-file the test."""
    extracted = archive.extractfile(member)
    assert extracted is not None, f"{member} is not a regular file in {archive.name!r}"
    return extracted.read()


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


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
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

    The server answers only what the vendor would: the call itself with the spec's example, and the
    login or token request ``connect()`` makes first, each only with the vendor's credentials
    (``VENDOR_AUTH``). Anything else is a 404, which the client reports as an error and the script
    exits non-zero. The outcome is what ``call_client.py`` reports, plus the plan and the requests.
    """
    plan = call_plan(api, spec)
    auth = VENDOR_AUTH[api]
    server.clear()
    server.no_handler_status_code = 404
    server.expect_request(
        plan["path"],
        method=plan["method"],
        headers=auth.get("headers"),
        query_string=auth.get("query", ""),
    ).respond_with_data(plan["answer"], status=plan["status"], content_type="application/json")
    if "login" in auth:
        method, path, carries, answer = auth["login"]
        server.expect_request(path, method=method, **carries).respond_with_json(answer)
    result = subprocess.run(
        [str(python), str(CALL_CLIENT), json.dumps(plan), server.url_for("/").rstrip("/")],
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    unanswered = [
        f"{request.method} {request.full_path}" for request, response in server.log if response.status_code == 404
    ]
    assert result.returncode == 0, f"{result.stderr}\nunanswered requests: {unanswered}"
    calls = [request for request, _response in server.log if request.path == plan["path"]]
    logins = [request for request, _response in server.log if "login" in auth and request.path == auth["login"][1]]
    return {**json.loads(result.stdout), "plan": plan, "calls": calls, "logins": logins}
