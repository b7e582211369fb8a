"""The runtime's version, and the range of it that every client depends on.

Each client's ``pyproject.toml`` names ``accountkit-runtime`` with a compatible range, written in by
``build`` from the runtime's own version (``runtime/pyproject.toml``): at least its ``MAJOR.MINOR``,
below the next major (``>=1.2,<2``). The lower bound follows the minor because a client generated
against a runtime may use what that minor added; pip then refuses an older runtime instead of a client
failing at its first call. The upper bound is the next major, where breaking changes go. Below 1.0.0 a
minor may break (the convention ``versioning`` follows too), so there the range is one minor
(``>=0.3,<0.4``).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ..spec.layout import RUNTIME, RUNTIME_DISTRIBUTION
from .semver import parse

# Where build writes the range in a client's pyproject.toml (codegen/templates/pyproject.toml.jinja).
MARKER = "@RUNTIME_RANGE@"


class RuntimeVersionError(Exception):
    """runtime/pyproject.toml has no readable MAJOR.MINOR.PATCH version."""


def runtime_version(project: Path = RUNTIME) -> str:
    """The ``[project] version`` of the runtime's ``pyproject.toml``."""
    path = project / "pyproject.toml"
    try:
        version = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["version"]
        parse(version)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise RuntimeVersionError(f"{path}: no MAJOR.MINOR.PATCH [project] version ({exc})") from None
    return str(version)


def compatible_range(version: str) -> str:
    """The versions a client built against runtime ``version`` works with, as a PEP 440 specifier."""
    major, minor, _patch = parse(version)
    if major == 0:
        return f">=0.{minor},<0.{minor + 1}"
    return f">={major}.{minor},<{major + 1}"


def requirement(version: str) -> str:
    """The dependency line a client gets, e.g. ``accountkit-runtime>=1.0,<2``."""
    return f"{RUNTIME_DISTRIBUTION}{compatible_range(version)}"


_VERSION_LINE = re.compile(r'^(version[ \t]*=[ \t]*)"[^"\n]*"', re.MULTILINE)


def set_runtime_version(project: Path, version: str) -> None:
    """Write ``version`` into ``project/pyproject.toml`` (its ``[project] version`` line; nothing else changes)."""
    path = project / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    start = text.find("[project]")
    match = _VERSION_LINE.search(text, start) if start >= 0 else None
    if match is None:
        raise RuntimeVersionError(f"{path}: no version line under [project]")
    updated = text[: match.start()] + f'{match.group(1)}"{version}"' + text[match.end() :]
    if tomllib.loads(updated)["project"]["version"] != version:
        raise RuntimeVersionError(f"{path}: the version line under [project] could not be rewritten")
    path.write_text(updated, encoding="utf-8")
