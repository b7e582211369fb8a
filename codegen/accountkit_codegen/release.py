"""``./dev -s release -- <git-ref> [api ...]``: bump, log and regenerate every API changed since a ref.

For every API whose spec changed since ``<git-ref>`` (normally the last release tag): set
``info.version`` to the suggested bump of the version at the ref (one line of the spec rewritten, see
specversion.py), prepend an entry to ``specs/changelog/<api>.md``, then regenerate those packages (the
build copies the changelog into them). Running it twice is harmless: a version already bumped by hand
far enough is kept, and a changelog that already has the version's entry is left alone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import changelog
from .apidiff import ApiDiff, SpecReadError, compare_with_ref
from .gitrefs import SPECS_DIR, GitError
from .layout import REPO
from .specversion import VersionLineError, set_version
from .versioning import satisfies


def release_version(result: ApiDiff) -> str | None:
    """The version to release ``result`` as; None when there is nothing to release.

    ``ValueError`` when a version is needed but cannot be worked out (an old version that is not
    MAJOR.MINOR.PATCH, or a new one that is not): the message says which and why.
    """
    if not result.new_exists:
        return None  # the spec was removed: there is no package left to release
    if not result.old_exists:
        return result.new_version  # a new API is first released at the version its spec gives
    if result.no_bump_reason:
        raise ValueError(f"no bump can be suggested: {result.no_bump_reason}; set info.version by hand")
    target = result.next_version
    if target is None:
        return None
    return result.new_version if satisfies(result.new_version or "", target) else target


def apply(root: Path, result: ApiDiff, version: str, date: str) -> list[str]:
    """Write the version and the changelog entry for one API; return what was done, for the report."""
    done = []
    spec = root / SPECS_DIR / f"{result.api}.yaml"
    if version != result.new_version:
        spec.write_text(set_version(spec.read_text(encoding="utf-8"), version), encoding="utf-8")
        done.append(f"info.version {result.new_version} -> {version}")
    path = changelog.changelog_path(spec)
    text = path.read_text(encoding="utf-8") if path.exists() else None
    if text is not None and changelog.has_version(text, version):
        done.append(f"{path.relative_to(root)} already has {version}")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = changelog.entry(version, date, result.changes)
        path.write_text(changelog.prepend(text, result.api, entry), encoding="utf-8")
        done.append(f"{path.relative_to(root)}: added {version} ({date})")
    return done


def regenerate(root: Path, apis: list[str]) -> int:
    """Run ``generate`` for ``apis`` with the pipeline of the repository at ``root``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "codegen"), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "accountkit_codegen.generate", *apis]
    return subprocess.run(command, cwd=root, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release", description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the git ref of the last release (a tag, branch or commit)")
    parser.add_argument("apis", nargs="*", help="APIs to release (default: every changed one)")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    parser.add_argument("--no-generate", action="store_true", help="bump and write changelogs only")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        results = compare_with_ref(root, args.ref, args.apis)
    except (GitError, SpecReadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    date = changelog.release_date()
    released = []
    failed = False
    for result in results:
        try:
            version = release_version(result)
        except ValueError as exc:
            print(f"error: specs/{result.api}.yaml: {exc}", file=sys.stderr)
            failed = True
            continue
        if version is None:
            print(f"release: {result.api}: nothing to release since {args.ref}")
            continue
        try:
            done = apply(root, result, version, date)
        except VersionLineError as exc:
            print(f"error: specs/{result.api}.yaml: {exc}", file=sys.stderr)
            return 1
        released.append(result.api)
        bump = f"{result.bump} bump" if result.bump else "new API"
        print(f"release: {result.api} {version} ({bump}): {'; '.join(done)}")
    if not released:
        print(f"release: no spec changed since {args.ref}; nothing written")
        return 1 if failed else 0
    if args.no_generate:
        print(f"release: not regenerating (--no-generate); run ./dev -s generate -- {' '.join(released)}")
        return 1 if failed else 0
    return regenerate(root, released) or (1 if failed else 0)


if __name__ == "__main__":
    sys.exit(main())
