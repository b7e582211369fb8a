"""Read specs (or the whole repository) as they were at a git ref, and find release tags: the toolkit's git.

Everything here is read-only (``git show``, ``git ls-tree``, ``git tag``, ``git describe``, and
``git archive`` into a folder of the caller's), runs in the repository given (so tests can use a
temporary one), and turns git's failures into ``GitError`` with git's own message.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

SPECS_DIR = "specs"


class GitError(Exception):
    """A git command failed (unknown ref, not a repository, git missing)."""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, encoding="utf-8"
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def is_repository(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def resolve(root: Path, ref: str) -> str:
    """The commit ``ref`` names; ``GitError`` when it names none."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError as exc:
        raise GitError(f"{ref!r} is not a commit, branch or tag in {root} ({exc})") from None


def spec_names_at(root: Path, ref: str) -> list[str]:
    """The APIs with a ``specs/<api>.yaml`` at ``ref``."""
    listing = _git(root, "ls-tree", "--name-only", ref, f"{SPECS_DIR}/")
    names = (Path(line).name for line in listing.splitlines())
    return sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml"))


def spec_text_at(root: Path, ref: str, api: str) -> str | None:
    """The text of ``specs/<api>.yaml`` at ``ref``; None when the file did not exist there."""
    if api not in spec_names_at(root, ref):
        return None
    return _git(root, "show", f"{ref}:{SPECS_DIR}/{api}.yaml")


def all_tags(root: Path) -> list[str]:
    return _git(root, "tag", "--list").split()


def nearest_tag(root: Path, pattern: str) -> str | None:
    """The closest tag matching the glob ``pattern`` that HEAD descends from (``git describe``), or None."""
    try:
        return _git(root, "describe", "--tags", "--abbrev=0", "--match", pattern, "HEAD").strip() or None
    except GitError:
        return None


def export(root: Path, ref: str, dest: Path) -> None:
    """Write the committed files of ``ref`` into ``dest`` (``git archive``): the repository as released.

    Only what a release is built from and into is exported (specs, codegen, runtime, generated, releases,
    pyproject.toml), whichever of them existed at ``ref``.
    """
    resolve(root, ref)
    wanted = ("specs", "codegen", "runtime", "generated", "releases", "pyproject.toml")
    present = set(_git(root, "ls-tree", "--name-only", ref).split())
    paths = [name for name in wanted if name in present]
    dest.mkdir(parents=True, exist_ok=True)
    if not paths:
        return
    try:
        archive = subprocess.run(
            ["git", "-C", str(root), "archive", "--format=tar", ref, "--", *paths], capture_output=True, check=False
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if archive.returncode != 0:
        raise GitError(archive.stderr.decode(errors="replace").strip() or f"git archive {ref} failed")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
