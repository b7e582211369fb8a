"""What ``npmpublish`` decides before it sends anything, and what it gives npm, without a registry.

A version on the registry with the same integrity is skipped, one with other content refused, the token
reaches npm only as a reference to the environment, and a missing registry or package says so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.dist import npmpack, npmpublish
from accountkit_codegen.dist.credentials import Credentials
from npmsupport import package_folder
from pytest import CaptureFixture


def _tarball(tmp_path: Path, content: str = "x") -> npmpublish.Tarball:
    package = package_folder(tmp_path / f"pkg-{content}", content)
    target = tmp_path / f"{content}.tgz"
    npmpack.write_tarball(package, target)
    return npmpublish.Tarball(target, "@x/y", "1.0.0", "y-client")


def test_plan_uploads_a_version_the_registry_lacks(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path)
    assert npmpublish.plan_package(tarball, None).action == "upload"
    assert npmpublish.plan_package(tarball, {"versions": {"0.9.0": {}}}).action == "upload"


def test_plan_skips_the_same_integrity_and_refuses_another(tmp_path: Path) -> None:
    tarball, other = _tarball(tmp_path, "x"), _tarball(tmp_path, "changed")
    listed = {"versions": {"1.0.0": {"dist": {"integrity": tarball.integrity}}}}
    assert npmpublish.plan_package(tarball, listed).action == "skip"
    plan = npmpublish.plan_package(other, listed)
    assert plan.action == "refuse" and "differs from the registry's" in plan.reason


def test_plan_falls_back_to_the_shasum_and_refuses_when_nothing_compares(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path)
    sha1 = npmpublish._shasum(tarball.path)
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {"dist": {"shasum": sha1}}}}).action == "skip"
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {"dist": {"shasum": "0" * 40}}}}).action == "refuse"
    assert npmpublish.plan_package(tarball, {"versions": {"1.0.0": {}}}).action == "refuse"


@pytest.mark.parametrize(
    ("version", "latest", "tag"),
    [
        ("1.0.0", None, "latest"),
        ("1.1.0", "1.0.0", "latest"),
        ("1.0.1", "2.0.0", "previous"),
        ("2.0.0-rc.1", "1.0.0", "next"),
        ("1.0.0", "1.0.0", "latest"),  # not older than latest: it stays latest
    ],
)
def test_dist_tags(version: str, latest: str | None, tag: str) -> None:
    document = {"dist-tags": {"latest": latest}} if latest else None
    assert npmpublish.dist_tag(version, document) == tag


def test_npm_gets_a_reference_to_the_token_never_the_token() -> None:
    text = npmpublish.npmrc_text("http://127.0.0.1:4873/")
    assert text == "//127.0.0.1:4873/:_authToken=${NPM_TOKEN}\n"
    assert npmpublish.npmrc_text("https://npm.example.net/repository/npm/") == (
        "//npm.example.net/repository/npm/:_authToken=${NPM_TOKEN}\n"
    )


def test_scoped_names_are_escaped_in_document_urls() -> None:
    assert npmpublish.document_url("http://r/", "@accountkit/x-spec") == "http://r/@accountkit%2Fx-spec"


@pytest.mark.parametrize("url", ["ftp://r/", "127.0.0.1:4873", "http://"])
def test_registry_urls_must_be_http(url: str) -> None:
    with pytest.raises(npmpublish.NpmPublishError, match="NPM_REGISTRY_URL"):
        npmpublish.registry_base(url)


def test_an_unreadable_tarball_is_named(tmp_path: Path) -> None:
    (tmp_path / "npm").mkdir()
    (tmp_path / "npm" / "broken-1.0.0.tgz").write_bytes(b"not a tarball")
    with pytest.raises(npmpublish.NpmPublishError, match="broken-1.0.0.tgz"):
        npmpublish.tarballs(tmp_path / "npm")


def test_without_a_registry_nothing_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NPM_REGISTRY_URL", raising=False)
    (tmp_path / "npm").mkdir()
    shutil.copy(_tarball(tmp_path).path, tmp_path / "npm" / "x-y-1.0.0.tgz")
    assert npmpublish.main(["--dist", str(tmp_path)]) == 0
    assert "NPM_REGISTRY_URL is not set" in capsys.readouterr().out
    assert npmpublish.main(["--dist", str(tmp_path), "--dry-run"]) == 0
    assert "@x/y 1.0.0: would upload x-y-1.0.0.tgz (NPM_REGISTRY_URL is not set" in capsys.readouterr().out


def test_no_packages_with_a_registry_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NPM_REGISTRY_URL", "http://127.0.0.1:9/")
    assert npmpublish.main(["--dist", str(tmp_path)]) == 2
    assert "run ./dev -s build first" in capsys.readouterr().err


# -- against a registry on loopback: what its answers make of the plan ------------------------------------


class Registry:
    """A registry on 127.0.0.1 that answers every document request with ``status`` and ``body``."""

    def __init__(self) -> None:
        self.status, self.body = 404, b"{}"
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                self.send_response(registry.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(registry.body)))
                self.end_headers()
                self.wfile.write(registry.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def answer(self, status: int, document: object) -> None:
        self.status, self.body = status, json.dumps(document).encode()


@pytest.fixture
def registry() -> Iterator[Registry]:
    running = Registry()
    thread = threading.Thread(target=running.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.server.shutdown()
        running.server.server_close()
        thread.join()


NO_TOKEN = Credentials(None, None)


def test_a_package_the_registry_never_heard_of_has_no_document(registry: Registry) -> None:
    registry.answer(404, {"error": "not found"})

    assert npmpublish.registry_document(registry.url, "@x/y", NO_TOKEN) is None


def test_a_registry_fault_is_an_error_not_an_unknown_package(registry: Registry) -> None:
    registry.answer(500, {"error": "down"})

    with pytest.raises(npmpublish.NpmPublishError, match="answered HTTP 500"):
        npmpublish.registry_document(registry.url, "@x/y", NO_TOKEN)


def test_a_document_of_many_versions_is_read_whole(registry: Registry) -> None:
    """Real documents of long-lived packages run to megabytes: the size cap is far above them."""
    versions = {f"0.{n}.0": {"dist": {"integrity": "sha512-" + "A" * 88}} for n in range(2000)}
    registry.answer(200, {"versions": versions})

    document = npmpublish.registry_document(registry.url, "@x/y", NO_TOKEN)

    assert len(registry.body) > 200_000 and document == {"versions": versions}


def test_a_new_version_is_uploaded_and_other_content_under_a_listed_one_refused(
    tmp_path: Path, registry: Registry, capsys: CaptureFixture[str]
) -> None:
    tarball, other = _tarball(tmp_path, "x"), _tarball(tmp_path, "changed")
    registry.answer(404, {})
    assert npmpublish.publish_package(tarball, registry.url, NO_TOKEN, dry_run=True) == (True, "would upload x.tgz")

    registry.answer(200, {"versions": {"1.0.0": {"dist": {"integrity": tarball.integrity}}}})
    assert npmpublish.publish_package(tarball, registry.url, NO_TOKEN, dry_run=True) == (
        True,
        "skipped (identical on registry)",
    )
    ok, line = npmpublish.publish_package(other, registry.url, NO_TOKEN, dry_run=True)
    assert (ok, line) == (False, npmpublish.refusal(other))
    assert "differs from the registry's" in capsys.readouterr().out


def test_an_unreadable_package_folder_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPM_REGISTRY_URL", "http://127.0.0.1:9/")
    (tmp_path / "npm").mkdir()
    (tmp_path / "npm" / "broken-1.0.0.tgz").write_bytes(b"not a tarball")

    assert npmpublish.main(["--dist", str(tmp_path)]) == 2


def test_the_module_runs_as_the_publish_npm_command(tmp_path: Path) -> None:
    """The nox session runs ``python -m accountkit_codegen.dist.npmpublish``: the module must act as a script."""
    env = {key: value for key, value in os.environ.items() if key != "NPM_REGISTRY_URL"}
    env["PYTHONPATH"] = str(Path(npmpublish.__file__).parents[2])  # where accountkit_codegen is imported from
    (tmp_path / "npm").mkdir()

    done = subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.dist.npmpublish", "--dist", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )

    assert (done.returncode, done.stdout) == (
        0,
        f"publish-npm: NPM_REGISTRY_URL is not set; the npm packages in {tmp_path / 'npm'} were not published\n",
    )


def test_a_document_of_exactly_the_size_cap_is_read_and_one_byte_more_refused(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(npmpublish, "MAX_DOCUMENT_BYTES", 1000)
    document: dict[str, Any] = {"versions": {}, "pad": ""}
    document["pad"] = "x" * (1000 - len(json.dumps(document)))
    registry.answer(200, document)
    assert len(registry.body) == 1000
    assert npmpublish.registry_document(registry.url, "@x/y", NO_TOKEN) == document

    registry.answer(200, {**document, "pad": document["pad"] + "x"})
    with pytest.raises(npmpublish.NpmPublishError, match="answered more than 1000 bytes"):
        npmpublish.registry_document(registry.url, "@x/y", NO_TOKEN)
