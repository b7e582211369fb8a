"""The changelog reaches the package: build copies specs/changelog/<api>.md, and the stamp hashes it.

Runs the real pipeline on a throwaway copy of specs/, codegen/ and runtime/ (the pipeline finds
everything relative to its own location, and reads the runtime's version for the clients' dependency
on it), so the real generated/ is never touched. Also checks that the release's version rewrite works
on every real spec's text (read only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from accountkit_codegen.spec.specversion import set_version

REPO = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache", "*.egg-info")
API = "intandem"  # the smallest spec: the quickest build


def generate(root: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(root / "codegen")}
    result = subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.generate.generate", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_changelog_is_copied_into_the_package_and_regenerates_it(tmp_path):
    root = tmp_path / "repo"
    for name in ("specs", "codegen", "runtime"):
        shutil.copytree(REPO / name, root / name, ignore=IGNORE)
    log = root / "specs" / "changelog" / f"{API}.md"
    log.parent.mkdir(exist_ok=True)
    log.write_text("# Changelog of intandem-client\n\n## 0.1.0 (2025-01-01)\n\n### Added\n\n- First release.\n")

    generate(root, API)
    package = root / "generated" / API
    assert (package / "CHANGELOG.md").read_text() == log.read_text()
    assert "up to date" in generate(root, API)

    log.write_text(log.read_text() + "- One more line.\n")
    assert "regenerated intandem" in generate(root, API)  # the changelog is an input of the stamp
    assert (package / "CHANGELOG.md").read_text() == log.read_text()


@pytest.mark.parametrize("spec", sorted((REPO / "specs").glob("*.yaml")), ids=lambda path: path.stem)
def test_version_rewrite_works_on_every_real_spec(spec):
    text = spec.read_text(encoding="utf-8")
    updated = set_version(text, "9.8.7")
    assert yaml.safe_load(updated)["info"]["version"] == "9.8.7"
    differing = [line for old, line in zip(text.splitlines(), updated.splitlines(), strict=True) if old != line]
    assert len(differing) == 1 and "9.8.7" in differing[0]
