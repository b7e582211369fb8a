"""Regeneration: ``python -m accountkit_codegen.generate.generate`` of all five APIs, forced and no-op.

Runs in a throwaway copy of what the pipeline reads (specs/, codegen/, runtime/, releases/, generated/,
as tests/pipeline/conftest.py makes it), so the real generated/ is never touched. The pipeline finds
everything relative to its own location, so the copy's codegen/ with the copy as working directory
exercises the real code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import APIS, ROOT, median

RUNS = 3
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache", "*.egg-info")


def _generate(root: Path, *args: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(root / "codegen")}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "accountkit_codegen.generate.generate", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    took = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"generate {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return took, result.stdout.strip()


def run(runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="accountkit-bench-regen-") as tmp:
        root = Path(tmp) / "repo"
        for name in ("specs", "codegen", "runtime", "releases", "generated"):
            shutil.copytree(ROOT / name, root / name, ignore=IGNORE)
        shutil.copyfile(ROOT / "pyproject.toml", root / "pyproject.toml")  # the generator pins
        full, noop = [], []
        full_output = noop_output = ""
        for _ in range(runs):
            took, full_output = _generate(root, "--force")
            if not all(api in full_output for api in APIS) or "regenerated" not in full_output:
                raise RuntimeError(f"--force did not regenerate every API: {full_output}")
            full.append(took)
        for _ in range(runs):
            took, noop_output = _generate(root)
            if "nothing to do" not in noop_output:
                raise RuntimeError(f"no-op regeneration rebuilt something: {noop_output}")
            noop.append(took)
    return {
        "full_s": median(full),
        "full_samples": full,
        "noop_s": median(noop),
        "noop_samples": noop,
        "full_output": full_output,
        "noop_output": noop_output,
    }
