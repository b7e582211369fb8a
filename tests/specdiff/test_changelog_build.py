"""The changelog reaches the package: build copies specs/changelog/<api>.md, and the stamp hashes it.

Runs the real pipeline on a throwaway copy of specs/, codegen/ and runtime/ (the pipeline finds
everything relative to its own location, and reads the runtime's version for the clients' dependency
on it), so the real generated/ is never touched. Also checks that the release's version rewrite works
on every real spec's text (read only).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from accountkit_codegen.spec.specversion import set_version
from support.repocopy import copy_repo
from support.specs import SPECS

API = "intandem"  # the smallest spec: the quickest build


def test_changelog_is_copied_into_the_package_and_regenerates_it(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo", parts=("specs", "codegen", "runtime"))
    log = repo.root / "specs" / "changelog" / f"{API}.md"
    log.parent.mkdir(exist_ok=True)
    log.write_text("# Changelog of intandem-client\n\n## 0.1.0 (2025-01-01)\n\n### Added\n\n- First release.\n")

    repo.generate(API)
    package = repo.generated / API
    assert (package / "CHANGELOG.md").read_text() == log.read_text()
    assert "up to date" in repo.generate(API)

    log.write_text(log.read_text() + "- One more line.\n")
    assert "regenerated intandem" in repo.generate(API)  # the changelog is an input of the stamp
    assert (package / "CHANGELOG.md").read_text() == log.read_text()


@pytest.mark.parametrize("spec", sorted(SPECS.glob("*.yaml")), ids=lambda path: path.stem)
def test_version_rewrite_works_on_every_real_spec(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    updated = set_version(text, "9.8.7")
    assert yaml.safe_load(updated)["info"]["version"] == "9.8.7"
    differing = [line for old, line in zip(text.splitlines(), updated.splitlines(), strict=True) if old != line]
    assert len(differing) == 1 and "9.8.7" in differing[0]
