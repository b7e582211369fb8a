"""The generated packages as users get them: they type-check, install into a fresh venv and import."""

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
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(REPO / "generated" / api) for api in APIS)}
    packages = [arg for api in APIS for arg in ("-p", f"{api}_client")]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--python-version", "3.11", *packages],
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
    sources = [str(REPO / "generated" / api) for api in APIS]
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
        "import importlib, importlib.resources, warnings; warnings.simplefilter('error');"
        f"m = importlib.import_module('{api}_client');"
        f"import {api}_client.schemas, {api}_client.models, {api}_client.errors;"
        f"assert (importlib.resources.files('{api}_client') / 'openapi.yaml').is_file();"
        "assert callable(m.connect);"
        "print(m.__file__)"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(fresh_venv), "-c", code], capture_output=True, text=True, timeout=60, cwd="/", env=env)
    assert result.returncode == 0, result.stderr
    assert "site-packages" in result.stdout  # the installed copy, not the working tree
