"""Part of ``./dev -s check``: fail when a package's built content changed without a new version.

An index never takes different bytes under a version it already has (``publish`` refuses them), so
every change to what a package is made of needs a bump, whatever caused it. Each package's record
(``records``: ``releases/<distribution>.json``) holds the digest of the content it was released with;
this compares it with the package as it is now (``runtime/``, and ``generated/<api>/``, which the drift
check has just proved is what the inputs produce). A difference fails, naming the package, the causes
(what ``built_from`` says changed: the spec, templates, generators, vendor module, runtime range; the
runtime's code, metadata or docs) and the command to run. A fresh clone passes: its records match its
committed packages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..generate.records import RecordError, distributions, package_version, read_record, record_path
from ..generate.sources import WHERE, changed, client_sources, content_digest, runtime_sources
from ..spec.layout import REPO, RUNTIME_DISTRIBUTION
from .compat import release_tag
from .gitrefs import GitError, is_repository, nearest_tag
from .runtimelog import UnreleasedError, unreleased_level


def _last_release(root: Path, distribution: str) -> str:
    """The ref to name in ``./dev -s release -- <ref>``: the nearest release tag, if there is one."""
    if not is_repository(root):
        return "<last release>"
    try:
        if distribution == RUNTIME_DISTRIBUTION:
            tag = nearest_tag(root, f"{RUNTIME_DISTRIBUTION}-v[0-9]*") or nearest_tag(root, "v[0-9]*")
        else:
            tag = release_tag(root, distribution.removesuffix("-client"))
    except GitError:
        tag = None
    return tag or "<last release>"


def _built_version(root: Path, distribution: str) -> str | None:
    """The version the package as it is now carries (a client's generated pyproject.toml)."""
    if distribution == RUNTIME_DISTRIBUTION:
        return package_version(root, distribution)
    pyproject = root / "generated" / distribution.removesuffix("-client") / "pyproject.toml"
    for line in pyproject.read_text(encoding="utf-8").splitlines() if pyproject.is_file() else []:
        if line.startswith("version = "):
            return line.split("=", 1)[1].strip().strip('"')
    return None


def check_package(root: Path, distribution: str) -> tuple[bool, str]:
    """(passed, the line to print) for one package."""
    try:
        record = read_record(root, distribution)
    except RecordError as exc:
        return False, f"versions: {distribution}: FAILED: {exc}"
    release = f"./dev -s release -- {_last_release(root, distribution)}"
    if record is None:
        where = record_path(root, distribution).relative_to(root)
        return False, f"versions: {distribution}: FAILED: no record ({where}); run {release}"
    built = _built_version(root, distribution)
    if built != record.version:
        fix = (
            "versions are set by ./dev -s release" if distribution == RUNTIME_DISTRIBUTION else "run ./dev -s generate"
        )
        return False, f"versions: {distribution}: FAILED: built as {built}, but its record says {record.version}; {fix}"
    api = distribution.removesuffix("-client")
    sources = runtime_sources(root) if distribution == RUNTIME_DISTRIBUTION else client_sources(root, api)
    causes = ", ".join(
        f"{cause} ({WHERE.get(cause, cause).format(api=api)})" for cause in changed(record.built_from, sources)
    )
    if content_digest(root, distribution) != record.content:
        line = (
            f"versions: {distribution}: FAILED: its built content changed since {record.version} "
            f"({causes or 'its files'}) without a new version; run {release}"
        )
        if distribution == RUNTIME_DISTRIBUTION:
            try:
                declared = unreleased_level((root / "runtime" / "CHANGELOG.md").read_text(encoding="utf-8")) is not None
            except (OSError, UnreleasedError):
                declared = False
            if not declared:
                line += ", after saying what changed under '## Unreleased (patch|minor|major)' in runtime/CHANGELOG.md"
        return False, line
    if causes:
        return True, f"versions: {distribution} {record.version}: ok (inputs changed without changing it: {causes})"
    return True, f"versions: {distribution} {record.version}: ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="versioncheck", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    failed = 0
    names = distributions(root)
    for distribution in names:
        passed, line = check_package(root, distribution)
        failed += not passed
        print(line, file=sys.stdout if passed else sys.stderr)
    if failed:
        print(f"versions: {failed} of {len(names)} package(s) failed the check (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
