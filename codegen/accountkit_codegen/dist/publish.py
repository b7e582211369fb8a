"""``nox -s publish [-- --dry-run]``: upload every release in dist/ to the private index, safely, the runtime first.

The index is PUBLISH_INDEX_URL (its base URL: uploads go there, its simple pages are under /simple/);
credentials come from PUBLISH_USERNAME / PUBLISH_PASSWORD or the keyring (see ``credentials``).

An index never takes the same file twice, and a version must never mean two different things, so each
release is compared with what the index already lists for its version before anything is sent:

- nothing there: upload it (``uploaded``);
- every file there with the same sha256: nothing to do (``skipped (identical on index)``);
- any file there with other bytes, or a file we did not build: ``REFUSED``, with the fix (a new version
  from ``./dev -s release``; ``./dev -s check`` fails before it comes to that). Builds are reproducible
  (``distbuild``), so this only happens when the package really changed.

accountkit-runtime goes first: every client depends on it, so a client must never be on the index
before the runtime it needs. One summary line per release, then a non-zero exit if any release was
refused or failed. No credential is ever printed: twine's output is captured and scrubbed before it is
shown.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .credentials import Credentials, resolve
from .distbuild import DIST
from .distfiles import Release, file_digest, name_and_version, releases
from ..spec.layout import RUNTIME_DISTRIBUTION
from .simpleindex import IndexFile, IndexReadError, index_digest, project_files


@dataclass(frozen=True)
class Plan:
    """What to do with one release: ``upload`` (these files), ``skip``, or ``refuse`` (and why)."""

    release: Release
    action: str
    files: tuple[Path, ...] = ()
    reason: str = ""


def plan_release(release: Release, listed: list[IndexFile], digest_of: Callable[[IndexFile], tuple[str, str]]) -> Plan:
    """Compare ``release`` with the files the index lists for its project; ``digest_of`` hashes one."""
    on_index = {
        file.filename: file for file in listed if name_and_version(file.filename) == (release.name, release.version)
    }
    local = {path.name: path for path in release.files}
    changed = []
    for filename, path in local.items():
        if filename in on_index:
            algorithm, digest = digest_of(on_index[filename])
            if file_digest(path, algorithm) != digest:
                changed.append(filename)
    foreign = sorted(on_index.keys() - local.keys())
    if changed or foreign:
        lines = [*(f"{name}: differs from the index's" for name in changed)]
        lines += [f"{name}: on the index but not built here" for name in foreign]
        return Plan(release, "refuse", reason="\n".join(lines))
    missing = tuple(path for name, path in local.items() if name not in on_index)
    return Plan(release, "upload", missing) if missing else Plan(release, "skip")


def refusal(release: Release) -> str:
    """Different bytes under a version the index has: the package changed and needs a version of its own."""
    return (
        f"REFUSED: {release.version} is on the index with different content; give it a new version with "
        f"./dev -s release -- <last release> (releases/{release.name}.json)"
    )


def in_publishing_order(found: list[Release]) -> list[Release]:
    """accountkit-runtime first (every client depends on it), then the rest in their sorted order."""
    return sorted(found, key=lambda release: release.name != RUNTIME_DISTRIBUTION)


def upload(files: tuple[Path, ...], upload_url: str, credentials: Credentials) -> tuple[int, str]:
    """``twine upload`` the files; (exit code, scrubbed combined output)."""
    env = {**os.environ, **credentials.twine_env()}
    result = subprocess.run(
        [
            sys.executable, "-m", "twine", "--no-color", "upload",
            "--repository-url", upload_url,
            "--non-interactive", "--disable-progress-bar",
            *map(str, files),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )  # fmt: skip
    return result.returncode, credentials.redact(result.stdout)


def _indent(text: str) -> str:
    return "".join(f"    {line.rstrip()}\n" for line in text.strip().splitlines())


def publish_release(release: Release, index_url: str, credentials: Credentials, dry_run: bool) -> tuple[bool, str]:
    """Publish one release; (ok, its summary line without the name and version)."""
    upload_url = f"{index_url.rstrip('/')}/"

    def current_plan() -> Plan:
        listed = project_files(index_url, release.name, credentials)
        return plan_release(release, listed, lambda file: index_digest(file, credentials))

    plan = current_plan()
    if plan.action == "skip":
        return True, "skipped (identical on index)"
    if plan.action == "refuse":
        sys.stdout.write(_indent(plan.reason))
        return False, refusal(release)
    partial = len(plan.files) < len(release.files)
    names = ", ".join(path.name for path in plan.files)
    if dry_run:
        return True, f"would upload {names}"
    code, output = upload(plan.files, upload_url, credentials)
    if code != 0:
        sys.stdout.write(_indent(output))
        return False, f"FAILED: twine upload exited with {code} (its output is above)"
    if current_plan().action != "skip":
        return False, "FAILED: uploaded, but the index does not list the same files and hashes"
    return True, "uploaded" + (f" (completed the release: {names})" if partial else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish", description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="say what would be uploaded; upload nothing")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the built files are (default: dist/)")
    args = parser.parse_args(argv)

    found = in_publishing_order(releases(args.dist))
    if not found:
        print(f"publish: no wheels or sdists in {args.dist}; run ./dev -s build first", file=sys.stderr)
        return 2
    index_url = os.environ.get("PUBLISH_INDEX_URL", "").strip()
    if not index_url:
        if not args.dry_run:
            print("publish: set PUBLISH_INDEX_URL to the index's base URL", file=sys.stderr)
            return 2
        for release in found:
            names = ", ".join(path.name for path in release.files)
            unchecked = "(PUBLISH_INDEX_URL is not set: the index was not checked)"
            print(f"{release.name} {release.version}: would upload {names} {unchecked}")
        return 0

    credentials = resolve(f"{index_url.rstrip('/')}/")
    shown_url = credentials.redact(index_url)
    mode = " (dry run)" if args.dry_run else ""
    print(f"publish: {len(found)} release(s) from {args.dist} to {shown_url}{mode}")
    failures = 0
    for release in found:
        try:
            ok, line = publish_release(release, index_url, credentials, args.dry_run)
        except IndexReadError as exc:
            ok, line = False, f"FAILED: {exc}"
        failures += not ok
        print(f"{release.name} {release.version}: {credentials.redact(line)}", flush=True)
    if failures:
        print(f"publish: {failures} of {len(found)} release(s) refused or failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
