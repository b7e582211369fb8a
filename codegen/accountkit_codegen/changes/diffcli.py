"""``./dev -s diff -- <git-ref> [--json] [--root DIR] [api ...]``: what changed in the specs since a ref.

Prints, per API, every change between ``specs/<api>.yaml`` at the ref and in the working tree with its
level (BREAKING, WARNING or info, from the rule table in ``diffrules``) and rule id, and the suggested
version bump. ``--json`` prints the same as one stable object, for scripts and CI: ``{api:
{old_version, new_version, suggested_bump, no_bump_reason, changes: [{rule, level, breaking, location,
detail}]}}`` (keys sorted, changes in spec order).

Exit status: 0 when the report was printed, whatever it says (breaking changes included: deciding what
to do about them is ``./dev -s check``'s job); 2 when no report could be made (an unknown ref, no git
repository, a spec that is not readable YAML or cannot be compared, or bad arguments), with one line
``error: ...`` on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..spec.layout import REPO
from .apidiff import ApiDiff, SpecReadError, compare_with_ref
from .diffrules import LEVELS
from .gitrefs import GitError

TAGS = {"breaking": "BREAKING", "warning": "WARNING", "info": "info"}
TAG_WIDTH = max(len(tag) for tag in TAGS.values())
EXIT_OK, EXIT_ERROR = 0, 2


def describe(result: ApiDiff) -> str:
    """The header line of one API: versions and what a release would do."""
    if not result.old_exists:
        return f"{result.api}: new API (no spec at the ref), version {result.new_version}"
    if not result.new_exists:
        return f"{result.api}: removed from specs/ (was version {result.old_version})"
    versions = f"{result.old_version} -> {result.new_version}"
    if result.no_bump_reason:
        return f"{result.api}: {versions}, no bump suggested: {result.no_bump_reason}"
    if result.bump is None:
        return f"{result.api}: {versions}, unchanged"
    return f"{result.api}: {versions}, suggested bump {result.bump} (release as {result.next_version})"


def render_text(results: list[ApiDiff], ref: str) -> str:
    """The human-readable report: one block per API, breaking changes first, then warnings."""
    lines: list[str] = []
    for result in results:
        lines.append(describe(result))
        for change in sorted(result.changes, key=lambda change: LEVELS.index(change.level)):
            tag = TAGS[change.level]
            lines.append(f"  {tag:<{TAG_WIDTH}}  {change.location}: {change.detail} [{change.rule}]")
        if result.bump == "patch" and not result.changes:
            lines.append(f"  {TAGS['info']:<{TAG_WIDTH}}  (text only: formatting or comments changed)")
    changed = [result for result in results if result.changes or result.bump]
    summary = f"diff: {len(changed)} of {len(results)} APIs changed since {ref}"
    breaking = [result.api for result in changed if result.breaking]
    warnings = [result.api for result in changed if result.warnings and not result.breaking]
    summary += f"; breaking: {', '.join(breaking)}" if breaking else "; nothing breaking"
    if warnings:
        summary += f"; warnings: {', '.join(warnings)}"
    return "\n".join([*lines, summary])


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
        return EXIT_ERROR
    print(render_json(results) if args.json else render_text(results, args.ref))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
