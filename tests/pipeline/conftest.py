"""Fixtures for pipeline tests (the machinery is in pipeline_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pipeline_support import RepoCopy, copy_repo


@pytest.fixture
def repo_copy(tmp_path: Path) -> RepoCopy:
    return copy_repo(tmp_path / "repo")
