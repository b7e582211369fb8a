"""Fixtures for pipeline tests (the machinery is in tests/support/repocopy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.repocopy import RepoCopy, copy_repo


@pytest.fixture
def repo_copy(tmp_path: Path) -> RepoCopy:
    return copy_repo(tmp_path / "repo")
