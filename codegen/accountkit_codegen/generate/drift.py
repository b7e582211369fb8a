"""``nox -s check``: fail, with a readable diff, when generated/ is not exactly what specs/ produce.

Like openapi-python-client's own golden-record tests: the committed output is regenerated from scratch
into a temporary directory (ignoring stamps) and compared byte for byte, so a hand edit, a forgotten
regeneration or a non-deterministic generator all show up here.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from ..spec.layout import CACHE, GENERATED, all_apis, tracked_files
from .generate import build_all

MAX_DIFF_LINES = 60


def tree(root: Path) -> dict[str, Path]:
    """Relative path → file, for every file under ``root`` that git would track."""
    return {path.relative_to(root).as_posix(): path for path in tracked_files(root)}


def differences(expected_root: Path, actual_root: Path) -> list[str]:
    """Human-readable differences between the freshly generated and the committed tree."""
    expected, actual = tree(expected_root), tree(actual_root)
    report: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        report.append(f"missing from generated/: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        report.append(f"not produced by specs/ (stale or hand-added): generated/{name}")
    for name in sorted(expected.keys() & actual.keys()):
        want, have = expected[name].read_bytes(), actual[name].read_bytes()
        if want == have:
            continue
        try:
            diff = list(
                difflib.unified_diff(
                    have.decode().splitlines(),
                    want.decode().splitlines(),
                    f"generated/{name} (committed)",
                    f"generated/{name} (from specs/)",
                    lineterm="",
                )
            )
        except UnicodeDecodeError:
            diff = [f"binary file generated/{name} differs"]
        if len(diff) > MAX_DIFF_LINES:
            diff = [*diff[:MAX_DIFF_LINES], f"... {len(diff) - MAX_DIFF_LINES} more diff lines"]
        report.append("\n".join(diff))
    return report


def main() -> int:
    apis = all_apis()
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="check-", dir=CACHE) as tmp:
        fresh = Path(tmp)
        errors = build_all(apis, fresh)
        if errors:
            for message in errors:
                print(f"error: {message}", file=sys.stderr)
            return 1
        report = differences(fresh, GENERATED)
        files = len(tree(fresh))
    if report:
        print("\n".join(report))
        print(
            f"check: generated/ differs from what specs/ produce ({len(report)} difference(s)); "
            "run ./dev -s generate and commit the result",
            file=sys.stderr,
        )
        return 1
    print(f"check: generated/ matches specs/ ({len(apis)} packages, {files} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
