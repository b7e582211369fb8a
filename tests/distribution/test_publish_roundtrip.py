"""Publish the runtime and every client to a real private index, install each client from it, and call it.

accountkit-runtime is published first and comes from the same index as a dependency of the clients
(nobody asks for it by name). Then the two promises of ``publish`` that matter most: publishing again
changes nothing (every release "skipped (identical on index)"), and a changed build under a version the
index already has is refused with a message that says what to do. No run prints the upload password,
not even a failing one.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.dist.distbuild import build_project
from accountkit_codegen.generate.records import client_version
from accountkit_codegen.generate.runtimerange import runtime_version
from accountkit_codegen.spec.layout import REPO, RUNTIME_DISTRIBUTION, RUNTIME_PACKAGE, all_apis
from clientcall import VENDOR_AUTH
from distsupport import PackageIndex, call_with_installed_client, codegen_env, fresh_venv, install_from  # noqa: E402
from pytest_httpserver import HTTPServer
from support.specs import read_spec

APIS = [api.name for api in all_apis()]
Completed = subprocess.CompletedProcess[str]


def version(api: str) -> str:
    """The client's own version (its record's), not its spec's info.version."""
    return client_version(REPO, api) or ""


def summary(api: str) -> str:
    """The start of ``api``'s summary line: ``<api>-client <version>:``."""
    return f"{api}-client {version(api)}:"


RUNTIME_SUMMARY = f"{RUNTIME_DISTRIBUTION} {runtime_version()}:"


def run_publish(dist: Path, index: PackageIndex, *args: str, password: str | None = None) -> Completed:
    return subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.dist.publish", "--dist", str(dist), *args],
        env=codegen_env(
            PUBLISH_INDEX_URL=index.url,
            PUBLISH_USERNAME=index.username,
            PUBLISH_PASSWORD=password or index.password,
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )


def assert_no_secret(result: Completed, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in result.stdout + result.stderr, "publish printed a credential"


@pytest.fixture(scope="module")
def first_publish(dist_dir: Path, package_index: PackageIndex) -> tuple[Completed, Completed]:
    """A publish with a wrong password (must fail, upload nothing), then the real one."""
    wrong = run_publish(dist_dir, package_index, password="wrong-" + package_index.password)
    right = run_publish(dist_dir, package_index)
    print(right.stdout)  # the summary lines, shown with -s or on failure
    return wrong, right


def test_wrong_password_fails_without_printing_it(
    first_publish: tuple[Completed, Completed], package_index: PackageIndex
) -> None:
    wrong, _ = first_publish
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    for start in [RUNTIME_SUMMARY, *map(summary, APIS)]:
        assert f"{start} FAILED: twine upload exited with 1" in wrong.stdout
    assert_no_secret(wrong, "wrong-" + package_index.password, package_index.password)


def test_first_publish_uploads_the_runtime_first_then_every_client(
    first_publish: tuple[Completed, Completed], package_index: PackageIndex
) -> None:
    _, result = first_publish
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == f"{RUNTIME_SUMMARY} uploaded"  # right after the header line: before any client
    for api in APIS:
        assert f"{summary(api)} uploaded" in lines
    assert_no_secret(result, package_index.password)
    on_index = sorted(path.name for path in package_index.packages.iterdir())
    assert len(on_index) == 2 * (len(APIS) + 1), on_index


@pytest.fixture(scope="module")
def client_venv(
    first_publish: tuple[Completed, Completed], package_index: PackageIndex, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh venv with every client installed from the private index, accountkit-runtime with them as their
    dependency (the other dependencies from the usual index: ``--index`` puts ours first, and uv's default
    first-index strategy never looks elsewhere for a name our index has)."""
    python = fresh_venv(tmp_path_factory.mktemp("client-venv"))  # imports the installed clients, not generated/
    result = install_from(package_index, python, *(f"{api}-client=={version(api)}" for api in APIS))
    assert result.returncode == 0, result.stdout + result.stderr
    return python.parent.parent


def _wheel_spec_sha256(dist: Path, api: str) -> str:
    wheel = next(dist.glob(f"{api}_client-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return hashlib.sha256(archive.read(f"{api}_client/openapi.yaml")).hexdigest()


@pytest.mark.parametrize("api", APIS)
def test_installed_client_calls_an_api(api: str, client_venv: Path, api_server: HTTPServer, dist_dir: Path) -> None:
    """Sync and async calls succeed, send the planned values and return the answer's values parsed."""
    outcome = call_with_installed_client(client_venv / "bin" / "python", api, read_spec(api), api_server)
    plan, calls, logins = outcome.pop("plan"), outcome.pop("calls"), outcome.pop("logins")
    print(api, outcome)
    assert outcome["module_file"].startswith(str(client_venv)), "imported from outside the fresh venv"
    assert outcome["runtime_file"].startswith(str(client_venv)), "the runtime came from outside the fresh venv"
    assert outcome["runtime_version"] == runtime_version()
    assert outcome["spec_sha256"] == _wheel_spec_sha256(dist_dir, api), "openapi.yaml is not the bundled spec"
    answer = json.loads(plan["answer"])
    for mode in ("sync", "async"):
        assert outcome[mode]["status"] == plan["status"], outcome
        assert same_values(outcome[mode]["parsed"], answer), (mode, outcome[mode]["parsed"], answer)
    assert len(calls) == 2, [(request.method, request.path) for request, _response in api_server.log]
    for request in calls:
        assert request.method == plan["method"]
        if plan["body"] is not None:
            assert same_values(json.loads(request.get_data()), plan["body"]), request.get_data()
    assert len(logins) == (2 if "login" in VENDOR_AUTH[api] else 0)  # one per client: sync, then async


def same_values(parsed: Any, answer: Any) -> bool:
    """``parsed`` (a model's ``to_dict()``) holds the answer's values; an empty answer may parse to None.

    Date-times are compared as instants, numbers as numbers: ``to_dict()`` writes them its own way.
    """
    if answer == {} and parsed in (None, {}):
        return True
    if isinstance(answer, dict) and isinstance(parsed, dict):
        return parsed.keys() == answer.keys() and all(same_values(parsed[key], answer[key]) for key in answer)
    if isinstance(answer, list) and isinstance(parsed, list):
        return len(parsed) == len(answer) and all(map(same_values, parsed, answer))
    if isinstance(answer, str) and isinstance(parsed, str) and parsed != answer:
        try:
            return bool(datetime.fromisoformat(parsed) == datetime.fromisoformat(answer))
        except ValueError:
            return False
    if isinstance(answer, (int, float)) and isinstance(parsed, (int, float)) and not isinstance(answer, bool):
        return float(parsed) == float(answer)
    return bool(parsed == answer)


def _record_hashes(record: str) -> set[str]:
    """The ``path,hash`` of every module of the runtime listed in a wheel's RECORD."""
    return {line.rsplit(",", 1)[0] for line in record.splitlines() if line.startswith(f"{RUNTIME_PACKAGE}/")}


def test_the_runtime_was_installed_from_the_private_index(client_venv: Path, dist_dir: Path) -> None:
    wheel = next(dist_dir.glob(f"{RUNTIME_PACKAGE}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        built = next(name for name in archive.namelist() if name.endswith(".dist-info/RECORD"))
        published = _record_hashes(archive.read(built).decode())
    [installed] = client_venv.glob(f"lib/python*/site-packages/{RUNTIME_PACKAGE}-*.dist-info/RECORD")
    assert published and _record_hashes(installed.read_text()) == published  # the same files, byte for byte


def test_publishing_again_skips_every_release(
    first_publish: tuple[Completed, Completed], dist_dir: Path, package_index: PackageIndex
) -> None:
    result = run_publish(dist_dir, package_index)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for start in [RUNTIME_SUMMARY, *map(summary, APIS)]:
        assert f"{start} skipped (identical on index)" in lines
    assert_no_secret(result, package_index.password)


def test_dry_run_uploads_nothing(
    first_publish: tuple[Completed, Completed], dist_dir: Path, package_index: PackageIndex
) -> None:
    before = sorted(package_index.packages.iterdir())
    result = run_publish(dist_dir, package_index, "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(dry run)" in result.stdout
    assert sorted(package_index.packages.iterdir()) == before


def test_changed_build_under_same_version_is_refused(
    first_publish: tuple[Completed, Completed], package_index: PackageIndex, tmp_path: Path
) -> None:
    api = "portabilling" if "portabilling" in APIS else APIS[0]
    source = next(a for a in all_apis() if a.name == api).output
    changed = tmp_path / api
    shutil.copytree(source, changed, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    with (changed / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nA change that was not given a new version.\n")
    build_project(changed, tmp_path / "dist")
    before = {path.name: path.read_bytes() for path in package_index.packages.iterdir()}

    result = run_publish(tmp_path / "dist", package_index)
    print(result.stdout)

    assert result.returncode == 1, result.stdout + result.stderr
    expected = (
        f"{summary(api)} REFUSED: {version(api)} is on the index with different content; give it a new version "
        f"with ./dev -s release -- <last release> (releases/{api}-client.json)"
    )
    assert expected in result.stdout.splitlines()
    assert {path.name: path.read_bytes() for path in package_index.packages.iterdir()} == before
    assert_no_secret(result, package_index.password)
