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
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from accountkit_codegen.distbuild import build_project
from accountkit_codegen.layout import RUNTIME_DISTRIBUTION, RUNTIME_PACKAGE, all_apis
from accountkit_codegen.runtimerange import runtime_version

sys.path.insert(0, str(Path(__file__).parent))  # import the helpers beside this file whatever the import mode
from clientcall import TOKEN_ANSWER, call_plan  # noqa: E402
from distsupport import PackageIndex, clean_env, codegen_env  # noqa: E402

APIS = [api.name for api in all_apis()]
CALL_CLIENT = Path(__file__).parent / "call_client.py"


def spec(api: str) -> dict:
    return yaml.safe_load(next(a for a in all_apis() if a.name == api).spec.read_text(encoding="utf-8"))


def summary(api: str) -> str:
    """The start of ``api``'s summary line: ``<api>-client <version>:``."""
    return f"{api}-client {spec(api)['info']['version']}:"


RUNTIME_SUMMARY = f"{RUNTIME_DISTRIBUTION} {runtime_version()}:"


def run_publish(dist: Path, index: PackageIndex, *args: str, password: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.publish", "--dist", str(dist), *args],
        env=codegen_env(
            PUBLISH_INDEX_URL=index.url,
            PUBLISH_USERNAME=index.username,
            PUBLISH_PASSWORD=password or index.password,
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )


def assert_no_secret(result, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in result.stdout + result.stderr, "publish printed a credential"


@pytest.fixture(scope="module")
def first_publish(dist_dir: Path, package_index: PackageIndex):
    """A publish with a wrong password (must fail, upload nothing), then the real one."""
    wrong = run_publish(dist_dir, package_index, password="wrong-" + package_index.password)
    right = run_publish(dist_dir, package_index)
    print(right.stdout)  # the summary lines, shown with -s or on failure
    return wrong, right


def test_wrong_password_fails_without_printing_it(first_publish, package_index: PackageIndex):
    wrong, _ = first_publish
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    for start in [RUNTIME_SUMMARY, *map(summary, APIS)]:
        assert f"{start} FAILED: twine upload exited with 1" in wrong.stdout
    assert_no_secret(wrong, "wrong-" + package_index.password, package_index.password)


def test_first_publish_uploads_the_runtime_first_then_every_client(first_publish, package_index: PackageIndex):
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
def client_venv(first_publish, package_index: PackageIndex, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with every client installed from the private index, accountkit-runtime with them as their
    dependency (the other dependencies from the usual index: ``--index`` puts ours first, and uv's default
    first-index strategy never looks elsewhere for a name our index has)."""
    uv = shutil.which("uv")
    assert uv, "uv is not on PATH (./dev puts the pinned one there)"
    venv = tmp_path_factory.mktemp("client-venv") / "venv"
    env = clean_env()  # the venv must import the installed clients, not generated/
    subprocess.run([uv, "venv", "--no-config", "-q", "--python", sys.executable, str(venv)], env=env, check=True)
    clients = [f"{api}-client=={spec(api)['info']['version']}" for api in APIS]
    names = [RUNTIME_DISTRIBUTION, *(f"{api}-client" for api in APIS)]
    refresh = [arg for name in names for arg in ("--refresh-package", name)]
    result = subprocess.run(
        [
            uv, "pip", "install", "--no-config", "-q", "--python", str(venv / "bin" / "python"),
            "--index", package_index.simple_url, *refresh, *clients,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return venv


def _wheel_spec_sha256(dist: Path, api: str) -> str:
    wheel = next(dist.glob(f"{api}_client-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return hashlib.sha256(archive.read(f"{api}_client/openapi.yaml")).hexdigest()


@pytest.mark.parametrize("api", APIS)
def test_installed_client_calls_an_api(api: str, client_venv: Path, api_server, dist_dir: Path):
    plan = call_plan(api, spec(api))
    api_server.clear()
    api_server.expect_request(plan["path"], method=plan["method"]).respond_with_data(
        plan["answer"], status=plan["status"], content_type="application/json"
    )
    for method, path, answer in plan["auth_answers"]:  # a login or token call connect()'s auth may make
        api_server.expect_request(path, method=method).respond_with_data(answer, content_type="application/json")
    token = json.dumps(TOKEN_ANSWER)
    api_server.expect_request(re.compile(".*")).respond_with_data(token, content_type="application/json")
    env = clean_env()
    result = subprocess.run(
        [
            str(client_venv / "bin" / "python"),
            str(CALL_CLIENT),
            json.dumps(plan),
            api_server.url_for("/").rstrip("/"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    print(api, outcome)
    assert outcome["status"] == plan["status"], outcome
    assert outcome["module_file"].startswith(str(client_venv)), "imported from outside the fresh venv"
    assert outcome["runtime_file"].startswith(str(client_venv)), "the runtime came from outside the fresh venv"
    assert outcome["runtime_version"] == runtime_version()
    assert outcome["spec_sha256"] == _wheel_spec_sha256(dist_dir, api), "openapi.yaml is not the bundled spec"
    calls = [request for request, _response in api_server.log if request.path == plan["path"]]
    assert len(calls) == 1, [(request.method, request.path) for request, _response in api_server.log]
    request = calls[0]
    assert request.method == plan["method"]
    if plan["body"] is not None:
        assert set(json.loads(request.get_data())) == set(plan["body"])


def _record_hashes(record: str) -> set[str]:
    """The ``path,hash`` of every module of the runtime listed in a wheel's RECORD."""
    return {line.rsplit(",", 1)[0] for line in record.splitlines() if line.startswith(f"{RUNTIME_PACKAGE}/")}


def test_the_runtime_was_installed_from_the_private_index(client_venv: Path, dist_dir: Path):
    wheel = next(dist_dir.glob(f"{RUNTIME_PACKAGE}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        built = next(name for name in archive.namelist() if name.endswith(".dist-info/RECORD"))
        published = _record_hashes(archive.read(built).decode())
    [installed] = client_venv.glob(f"lib/python*/site-packages/{RUNTIME_PACKAGE}-*.dist-info/RECORD")
    assert published and _record_hashes(installed.read_text()) == published  # the same files, byte for byte


def test_publishing_again_skips_every_release(first_publish, dist_dir: Path, package_index: PackageIndex):
    result = run_publish(dist_dir, package_index)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for start in [RUNTIME_SUMMARY, *map(summary, APIS)]:
        assert f"{start} skipped (identical on index)" in lines
    assert_no_secret(result, package_index.password)


def test_dry_run_uploads_nothing(first_publish, dist_dir: Path, package_index: PackageIndex):
    before = sorted(package_index.packages.iterdir())
    result = run_publish(dist_dir, package_index, "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(dry run)" in result.stdout
    assert sorted(package_index.packages.iterdir()) == before


def test_changed_build_under_same_version_is_refused(first_publish, package_index: PackageIndex, tmp_path: Path):
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
    version = spec(api)["info"]["version"]
    expected = (
        f"{summary(api)} REFUSED: {version} is on the index with different content; "
        f"bump info.version in specs/{api}.yaml"
    )
    assert expected in result.stdout.splitlines()
    assert {path.name: path.read_bytes() for path in package_index.packages.iterdir()} == before
    assert_no_secret(result, package_index.password)
