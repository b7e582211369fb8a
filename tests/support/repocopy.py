"""A throwaway copy of the repository to generate into, release from and build: the real tree is never touched.

The pipeline finds everything relative to its own location (``layout.REPO``), so running the copy's
``codegen/`` with the copy as working directory exercises the real code without touching the real
``generated/``. ``copy_repo(..., git=True)`` makes the copy a git repository of its own with one commit
tagged ``base``: what the release tests mutate, commit and release. The pipeline tests, the release
sequence, the changelog build test and the regeneration benchmark all run on such a copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from support.specs import REPO

IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache", "*.egg-info")


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path → sha256 for every file under ``root`` (what "unchanged" means in these tests)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


# What the pipeline, the release and the build read: copied into every RepoCopy unless told otherwise.
COPIED = ("specs", "codegen", "runtime", "generated", "releases", "pyproject.toml")


class PipelineFailed(AssertionError):
    """A pipeline command exited non-zero; the message has its output."""


@dataclass
class RepoCopy:
    root: Path

    def run(self, module: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **(env or {}), "PYTHONPATH": str(self.root / "codegen")}
        return subprocess.run(
            [sys.executable, "-m", f"accountkit_codegen.{module}", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def generate(self, *args: str) -> str:
        """``python -m accountkit_codegen.generate.generate`` in the copy; its output, or PipelineFailed."""
        result = self.run("generate.generate", *args)
        if result.returncode != 0:
            raise PipelineFailed(f"generate {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def stamp_all(self) -> None:
        """Record the copied packages as generated from the copied inputs (what a previous generate leaves).

        Faster than running a full generate first; the drift tests prove the committed tree is exactly
        what these inputs produce.
        """
        code = (
            "from accountkit_codegen.spec.layout import all_apis\n"
            "from accountkit_codegen.generate.stamp import inputs_digest, write_stamp\n"
            "for api in all_apis(): write_stamp(api, inputs_digest(api))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(self.root / "codegen")}
        subprocess.run([sys.executable, "-c", code], cwd=self.root, env=env, check=True, timeout=60)

    @property
    def generated(self) -> Path:
        return self.root / "generated"

    def spec(self, api: str) -> Path:
        return self.root / "specs" / f"{api}.yaml"

    def git(self, *args: str) -> str:
        config = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
        command = ["git", *config, "-c", "tag.gpgsign=false", "-C", str(self.root), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout

    def commit(self, message: str, tag: str | None = None) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        if tag:
            self.git("tag", tag)

    def edit(self, relative: str, change: Callable[[str], str]) -> None:
        """Rewrite one file of the copy; the change must change it (else the test proves nothing)."""
        path = self.root / relative
        before = path.read_text(encoding="utf-8")
        after = change(before)
        assert after != before, f"the edit of {relative} changed nothing"
        path.write_text(after, encoding="utf-8")


def copy_repo(root: Path, *, git: bool = False, parts: tuple[str, ...] = COPIED) -> RepoCopy:
    """Copy ``parts`` of the repository (folders and files) to ``root``; a git repository of its own if ``git``."""
    for name in parts:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=IGNORE)
        elif source.is_file():
            root.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, root / name)
    copy = RepoCopy(root)
    if git:
        (root / ".gitignore").write_text("/.cache/\n__pycache__/\n/dist*/\n", encoding="utf-8")
        copy.git("init", "-q")
        copy.commit("base", tag="base")
    return copy
