"""Fixtures for the spec-diff tests: a small spec to mutate (smallspec.py), and a throwaway git repository.

The git repository lives in ``tmp_path``: nothing here reads or writes the real ``specs/`` or
``generated/``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from smallspec import small_spec


@pytest.fixture
def spec() -> dict[str, Any]:
    return small_spec()


def spec_text(document: dict[str, Any], comment: str = "# A hand-written spec: keep this comment.") -> str:
    """YAML text of a spec, with a leading comment (release must keep comments)."""
    text: str = yaml.safe_dump(document, sort_keys=False)
    return f"{comment}\n{text}"


@dataclass
class GitRepo:
    """A git repository in a temporary directory, with just enough commands for the tests."""

    root: Path

    def git(self, *args: str) -> str:
        command = [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ]
        command += ["-c", "tag.gpgsign=false", "-C", str(self.root), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    def write_spec(self, api: str, document: dict[str, Any] | str) -> Path:
        path = self.root / "specs" / f"{api}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document if isinstance(document, str) else spec_text(document), encoding="utf-8")
        return path

    def commit(self, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def tag(self, name: str) -> None:
        self.git("tag", name)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    root = tmp_path / "repo"
    root.mkdir()
    repository = GitRepo(root)
    repository.git("init", "-q")
    return repository
