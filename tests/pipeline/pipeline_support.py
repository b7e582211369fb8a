"""Support for pipeline tests: a throwaway copy of the repository to generate into.

The pipeline finds everything relative to its own location (``layout.REPO``), so running the copy's
``codegen/`` with the copy as working directory exercises the real code without touching the real
``generated/``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache", "*.egg-info")


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path → sha256 for every file under ``root`` (what "unchanged" means in these tests)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@dataclass
class RepoCopy:
    root: Path

    def run(self, module: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(self.root / "codegen")}
        return subprocess.run(
            [sys.executable, "-m", f"accountkit_codegen.{module}", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def stamp_all(self) -> None:
        """Record the copied packages as generated from the copied inputs (what a previous generate leaves).

        Faster than running a full generate first; the drift tests prove the committed tree is exactly
        what these inputs produce.
        """
        code = (
            "from accountkit_codegen.layout import all_apis\n"
            "from accountkit_codegen.stamp import inputs_digest, write_stamp\n"
            "for api in all_apis(): write_stamp(api, inputs_digest(api))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(self.root / "codegen")}
        subprocess.run([sys.executable, "-c", code], cwd=self.root, env=env, check=True, timeout=60)

    @property
    def generated(self) -> Path:
        return self.root / "generated"

    def spec(self, api: str) -> Path:
        return self.root / "specs" / f"{api}.yaml"


def copy_repo(root: Path) -> RepoCopy:
    for name in ("specs", "codegen", "runtime", "generated"):
        shutil.copytree(REPO / name, root / name, ignore=IGNORE)
    return RepoCopy(root)
