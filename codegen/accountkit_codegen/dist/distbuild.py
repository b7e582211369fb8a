"""``nox -s build [-- name ...]``: an sdist and a wheel of accountkit-runtime and every client in dist/, reproducibly.

Six projects: ``runtime/`` (accountkit-runtime, which every client depends on) and each ``generated/<api>/``;
name some (``runtime``, API names) to build only those. Reproducible means the same bytes on every
rebuild of the same project: ``publish`` decides
"already on the index" by comparing sha256 hashes, so a rebuild that changed only timestamps would look
like new content under an old version and be refused. hatchling (pinned in each client's
build-system) stamps every archive member, and the gzip header of the sdist, with SOURCE_DATE_EPOCH; we
set it from the last git commit that touched the project's folder, or a fixed date when there is none
(before the first commit, or for a copy outside the repository), never from the clock.

Every file is then checked with ``twine check --strict``, so a broken README or metadata fails here and
not in the middle of a publish.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .distfiles import file_digest, name_and_version
from ..spec.layout import REPO, RUNTIME, RUNTIME_DISTRIBUTION, select_apis

DIST = REPO / "dist"
# 1980-01-01T00:00:00Z: the earliest time a zip (so a wheel) can record; plainly not a real build date.
FALLBACK_EPOCH = 315532800


class DistBuildError(Exception):
    """Building or checking a client's distribution files failed; the message carries the tool's output."""


def source_date_epoch(project: Path) -> int:
    """The time of the last commit that changed ``project``; FALLBACK_EPOCH when git knows of none.

    git records only files whose content changed (and generate keeps its stamps out of generated/), so
    this moves only when a shipped file changed, which is also when the version must be bumped.
    """
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", str(project)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return FALLBACK_EPOCH
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else FALLBACK_EPOCH


def shallow_clone() -> bool:
    """True in a shallow git clone, where commit times (so the archives' bytes) differ from a full one."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"], cwd=REPO, capture_output=True, text=True, check=False
        )
    except OSError:
        return False
    return result.stdout.strip() == "true"


def _run(what: str, args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    if result.returncode != 0:
        tail = "\n  ".join(result.stdout.strip().splitlines()[-20:]) or "(no output)"
        raise DistBuildError(f"{what} failed (exit {result.returncode}):\n  {tail}")


def select_projects(names: list[str]) -> list[Path]:
    """The project folders to build: the runtime and every client, or those named (``runtime`` or an API)."""
    runtime_names = {"runtime", RUNTIME_DISTRIBUTION}
    apis = [name for name in names if name not in runtime_names]
    chosen = [RUNTIME] if not names or len(apis) < len(names) else []
    if apis or not names:
        chosen += [api.output for api in select_apis(apis)]
    return chosen


def build_project(project: Path, outdir: Path) -> list[Path]:
    """Build ``project`` (the runtime's or a client's folder) into ``outdir``, replacing its older files there."""
    if not (project / "pyproject.toml").is_file():
        raise DistBuildError(f"{project} has no pyproject.toml; run ./dev -s generate first")
    outdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch(project))}
    installer = ["--installer", "uv"] if shutil.which("uv") else []  # uv makes the isolated env in ~0.2 s
    with tempfile.TemporaryDirectory(prefix=".build-", dir=outdir) as tmp:
        staging = Path(tmp)
        _run(
            f"building {project.name}",
            [sys.executable, "-m", "build", "--sdist", "--wheel", *installer, "--outdir", tmp, str(project)],
            env,
        )
        built = {path: name_and_version(path.name) for path in sorted(staging.iterdir())}
        names = {parsed[0] for parsed in built.values() if parsed}
        for old in outdir.iterdir():
            parsed = name_and_version(old.name) if old.is_file() else None
            if parsed and parsed[0] in names:
                old.unlink()
        return [Path(shutil.move(path, outdir / path.name)) for path, parsed in built.items() if parsed]


def twine_check(files: list[Path]) -> None:
    """``twine check --strict``: the metadata and README render as an index would show them."""
    args = [sys.executable, "-m", "twine", "--no-color", "check", "--strict", *map(str, files)]
    _run("twine check --strict", args, dict(os.environ))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="'runtime' and/or APIs to build (default: all of them)")
    parser.add_argument("--outdir", type=Path, default=DIST, help="where the files go (default: dist/)")
    args = parser.parse_args(argv)

    if shallow_clone():
        print(
            "build: warning: this is a shallow git clone; commit times differ from a full clone's, so the "
            "files will not match ones built elsewhere (publish would refuse them)",
            file=sys.stderr,
        )
    files: list[Path] = []
    try:
        for project in select_projects(args.names):
            files += build_project(project, args.outdir)
        twine_check(files)
    except DistBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in files:
        print(f"{file_digest(path)}  {path.name}")
    print(f"build: {len(files)} files in {args.outdir}, reproducible and twine check --strict clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
