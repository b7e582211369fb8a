"""Fixtures for the distribution tests: one build of every client, a private index, a fake API server.

Everything listens on 127.0.0.1 only, and each process started here is stopped by the fixture that
started it, whatever the test did.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distsupport import IndexNotReady, PackageIndex, build, codegen_env, running_index
from pytest_httpserver import HTTPServer


@pytest.fixture(scope="session")
def dist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``./dev -s build``'s command, run once for the whole session into a temporary dist/."""
    return build("dist.distbuild", tmp_path_factory.mktemp("dist"), codegen_env())


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
