"""Fixtures for the distribution tests: one build of every client, a private index, a fake API server.

Everything listens on 127.0.0.1 only, and each process started here is stopped by the fixture that
started it, whatever the test did.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from accountkit_codegen.spec.layout import REPO
from pytest_httpserver import HTTPServer

sys.path.insert(0, str(Path(__file__).parent))  # the helpers beside this file, whatever the import mode
from distsupport import IndexNotReady, PackageIndex, codegen_env, running_index  # noqa: E402


@pytest.fixture(scope="session")
def dist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``./dev -s build``'s command, run once for the whole session into a temporary dist/."""
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.dist.distbuild", "--outdir", str(dist)],
        cwd=REPO,
        env=codegen_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return dist


@pytest.fixture(scope="module")
def package_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PackageIndex]:
    """The pinned pypiserver with upload auth, for one test module."""
    try:
        with running_index(tmp_path_factory.mktemp("index")) as index:
            yield index
    except IndexNotReady as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def api_server() -> Iterator[HTTPServer]:
    """A stand-in for the vendors' APIs; each test sets the one answer it expects."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()
