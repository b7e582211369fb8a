"""What counts as the pipeline in a client's ``templates`` cause: the ``spec/`` and ``generate/`` folders whole.

A module added there shapes the output without anyone listing it, so it must change the digest (and
so the stamp and the release's causes) by being there; ``changes/`` and ``dist/`` never do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from accountkit_codegen.generate.sources import client_sources, template_files
from accountkit_codegen.spec.layout import REPO

PIPELINE = Path("codegen") / "accountkit_codegen"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "codegen", root / "codegen", ignore=shutil.ignore_patterns("__pycache__", "npm"))
    return root


def test_a_new_module_in_generate_or_spec_is_an_input_without_being_listed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = client_sources(root, "octopush")["templates"]
    for folder in ("generate", "spec/pages"):
        added = root / PIPELINE / folder / "newstep.py"
        added.write_text('"""A step nobody listed."""\n', encoding="utf-8")
        assert added in template_files(root, "octopush")
        now = client_sources(root, "octopush")["templates"]
        assert now != before, folder
        before = now


def test_release_and_publish_code_is_not_an_input(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = client_sources(root, "octopush")["templates"]
    for folder in ("changes", "dist"):
        (root / PIPELINE / folder / "newstep.py").write_text('"""Reads what generate made."""\n', encoding="utf-8")
    assert client_sources(root, "octopush")["templates"] == before
