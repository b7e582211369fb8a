"""``./dev -s diff -- <git-ref> [--json] [--root DIR] [api ...]``: what changed in the specs since a ref.

Prints, per API, every change between ``specs/<api>.yaml`` at the ref and in the working tree, tagged
BREAKING or compatible for the generated client's users, with the suggested version bump. ``--json``
prints the same as one stable object, for scripts and CI: ``{api: {old_version, new_version,
suggested_bump, changes: [{kind, breaking, location, detail}]}}`` (keys sorted, changes in spec order).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .apidiff import ApiDiff, SpecReadError, compare_with_ref
from .gitrefs import GitError
from .layout import REPO

TAG_WIDTH = len("compatible")


def describe(result: ApiDiff) -> str:
    """The header line of one API: versions and what a release would do."""
    if result.old_version is None:
        return f"{result.api}: new API (no spec at the ref), version {result.new_version}"
    if result.new_version is None:
        return f"{result.api}: removed from specs/ (was version {result.old_version})"
    versions = f"{result.old_version} -> {result.new_version}"
    if result.bump is None:
        return f"{result.api}: {versions}, unchanged"
    return f"{result.api}: {versions}, suggested bump {result.bump} (release as {result.next_version})"


def render_text(results: list[ApiDiff], ref: str) -> str:
    """The human-readable report: one block per API, breaking changes first."""
    lines: list[str] = []
    for result in results:
        lines.append(describe(result))
        ordered = sorted(result.changes, key=lambda change: not change.breaking)
        for change in ordered:
            tag = "BREAKING" if change.breaking else "compatible"
            lines.append(f"  {tag:<{TAG_WIDTH}}  {change.location}: {change.detail} [{change.kind}]")
        if result.bump == "patch" and not result.changes:
            lines.append(f"  {'compatible':<{TAG_WIDTH}}  (text only: formatting or comments changed)")
    changed = [result for result in results if result.changes or result.bump]
    breaking = [result.api for result in changed if result.breaking]
    summary = f"diff: {len(changed)} of {len(results)} APIs changed since {ref}"
    lines.append(summary + (f"; breaking: {', '.join(breaking)}" if breaking else "; nothing breaking"))
    return "\n".join(lines)


def render_json(results: list[ApiDiff]) -> str:
    return json.dumps({result.api: result.as_dict() for result in results}, indent=2, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="diff", description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the git ref to compare with (a tag, branch or commit)")
    parser.add_argument("apis", nargs="*", help="APIs to compare (default: every spec at the ref or now)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        results = compare_with_ref(args.root.resolve(), args.ref, args.apis)
    except (GitError, SpecReadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render_json(results) if args.json else render_text(results, args.ref))
    return 0


if __name__ == "__main__":
    sys.exit(main())
