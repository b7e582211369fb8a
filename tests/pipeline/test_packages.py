"""The generated packages as users get them: they type-check, install into a fresh venv and import.

Each depends on accountkit-runtime (``runtime/``), which installs beside them, as on an index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
APIS = sorted(path.stem for path in (REPO / "specs").glob("*.yaml"))


def test_every_spec_has_a_generated_package() -> None:
    assert sorted(path.name for path in (REPO / "generated").iterdir() if path.is_dir()) == APIS


def test_generated_packages_type_check_with_mypy() -> None:
    paths = [str(REPO / "runtime"), *(str(REPO / "generated" / api) for api in APIS)]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(paths)}
    packages = [arg for api in APIS for arg in ("-p", f"{api}_client")]
    # --config-file=: mypy's defaults, not the repository's [tool.mypy] (--strict for the handwritten code).
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file=", "--no-incremental", "--python-version", "3.11", *packages],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv")
    assert uv, "uv must be on PATH (./dev installs it)"
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    sources = [str(REPO / "runtime"), *(str(REPO / "generated" / api) for api in APIS)]
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--python", str(python), *sources],
        check=True,
        timeout=600,
        cwd=venv.parent,  # not the repo: the install must not see the working tree's files
    )
    return python


@pytest.mark.parametrize("api", APIS)
def test_package_installs_and_imports_cleanly_in_a_fresh_venv(fresh_venv: Path, api: str) -> None:
    code = (
        "import importlib, importlib.resources, importlib.util, warnings; warnings.simplefilter('error');"
        f"m = importlib.import_module('{api}_client');"
        f"import {api}_client.schemas, {api}_client.models, {api}_client.errors;"
        f"assert (importlib.resources.files('{api}_client') / 'openapi.yaml').is_file();"
        "assert callable(m.connect);"
        f"assert importlib.util.find_spec('{api}_client._runtime') is None;"  # no copy of the runtime
        "import accountkit_runtime.errors;"
        f"assert {api}_client.errors.ApiError is accountkit_runtime.errors.ApiError;"
        "print(m.__file__); print(accountkit_runtime.errors.__file__)"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(fresh_venv), "-c", code], capture_output=True, text=True, timeout=60, cwd="/", env=env)
    assert result.returncode == 0, result.stderr
    client_file, runtime_file = result.stdout.splitlines()
    assert "site-packages" in client_file and "site-packages" in runtime_file  # installed, not the working tree
