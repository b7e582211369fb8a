"""Part of ``./dev -s check``: fail when a spec broke its clients since the last release without a bump.

For each API the last release is the nearest tag HEAD descends from named ``<api>-v<version>`` (e.g.
``portabilling-v0.1.0``), else a repository-wide ``v<version>`` tag. The spec at that tag is compared
with the working tree (specdiff); when something is breaking, ``info.version`` must be at least the
version the bump rules ask for (versioning), or the check fails and says which version to set. Other
changes only print what the next release will be: releasing is ``./dev -s release``'s job, not a gate.
With no tags at all there is nothing to compare, and the check says so and passes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..generate.semver import satisfies
from ..spec.layout import REPO
from . import gitrefs
from .apidiff import SpecReadError, compare_texts, working_tree_apis
from .gitrefs import GitError


def release_tag(root: Path, api: str) -> str | None:
    """The last release tag of ``api``: its own ``<api>-v*`` tag, else a plain ``v*`` tag."""
    return gitrefs.nearest_tag(root, f"{api}-v[0-9]*") or gitrefs.nearest_tag(root, "v[0-9]*")


def check_api(root: Path, api: str) -> tuple[bool, list[str]]:
    """(passed, lines to print) for one API."""
    tag = release_tag(root, api)
    if tag is None:
        return True, [f"compat: {api}: no release tag ({api}-v* or v*) reachable from HEAD; skipped"]
    old_text = gitrefs.spec_text_at(root, tag, api)
    if old_text is None:
        return True, [f"compat: {api}: not in release {tag} (a new API); skipped"]
    new_text = (root / gitrefs.SPECS_DIR / f"{api}.yaml").read_text(encoding="utf-8")
    result = compare_texts(api, old_text, new_text, old_where=f"{tag}:specs/{api}.yaml")
    since = f"since {tag} ({result.old_version})"
    if result.no_bump_reason:
        if result.breaking:
            return False, [f"compat: {api}: FAILED: breaking changes {since}, and {result.no_bump_reason}"]
        return True, [f"compat: {api}: ok, compatible changes {since} (no bump suggested: {result.no_bump_reason})"]
    if result.bump is None:
        return True, [f"compat: {api}: ok, unchanged {since}"]
    required = result.next_version or ""
    if not result.breaking:
        note = f"compatible changes {since}; the next release is {required} ({result.bump})"
        return True, [f"compat: {api}: ok, {note}"]
    if satisfies(result.new_version or "0.0.0", required):
        return True, [f"compat: {api}: ok, breaking changes {since} and info.version is {result.new_version}"]
    lines = [
        f"compat: {api}: FAILED: breaking changes {since} need info.version >= {required} "
        f"({result.bump} bump), but specs/{api}.yaml says {result.new_version}; "
        f"run ./dev -s release -- {tag} (or set the version by hand)"
    ]
    lines += [f"  BREAKING  {change.location}: {change.detail}" for change in result.changes if change.breaking]
    return False, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compat", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not gitrefs.is_repository(root):
        print(f"compat: {root} is not a git repository; no release tags to check against")
        return 0
    if not gitrefs.all_tags(root):
        print("compat: no release tags in this repository yet; nothing to check against")
        return 0
    failed = False
    for api in working_tree_apis(root):
        try:
            passed, lines = check_api(root, api)
        except (GitError, SpecReadError, ValueError) as exc:
            passed, lines = False, [f"compat: {api}: error: {exc}"]
        failed = failed or not passed
        print("\n".join(lines), file=sys.stdout if passed else sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
