"""Regeneration: ``python -m accountkit_codegen.generate.generate`` of all five APIs, forced and no-op.

Runs in a throwaway copy of what the pipeline reads (specs/, codegen/, runtime/, releases/, generated/,
as tests/support/repocopy.py makes it), so the real generated/ is never touched. The pipeline finds
everything relative to its own location, so the copy's codegen/ with the copy as working directory
exercises the real code.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import APIS, median
from support.repocopy import RepoCopy, copy_repo

RUNS = 3


def _generate(repo: RepoCopy, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    output = repo.generate(*args)
    return time.perf_counter() - start, output.strip()


def run(runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="accountkit-bench-regen-") as tmp:
        repo = copy_repo(Path(tmp) / "repo")  # pyproject.toml included: the generator pins
        full: list[float] = []
        noop: list[float] = []
        full_output = noop_output = ""
        for _ in range(runs):
            took, full_output = _generate(repo, "--force")
            if not all(api in full_output for api in APIS) or "regenerated" not in full_output:
                raise RuntimeError(f"--force did not regenerate every API: {full_output}")
            full.append(took)
        for _ in range(runs):
            took, noop_output = _generate(repo)
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
