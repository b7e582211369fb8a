"""MAJOR.MINOR.PATCH versions: read, compare and bump them.

Version arithmetic is shared by the build (the range of accountkit-runtime a client depends on) and
the release (the next version of a package), so it lives here, below both, and not with the differ
that decides *which* bump a list of spec changes calls for (``changes.versioning``).
"""

from __future__ import annotations

import re
from typing import Literal

Bump = Literal["major", "minor", "patch"]
ORDER: tuple[Bump, ...] = ("patch", "minor", "major")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` as ``(1, 2, 3)``; ``ValueError`` for anything that is not MAJOR.MINOR.PATCH."""
    match = SEMVER.match(str(version))
    if not match:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def shifted(bump: Bump, current: str) -> Bump:
    """``bump`` as applied to ``current``: one place down below 1.0.0 (a major becomes a minor, a minor a patch).

    Below 1.0.0 semver promises nothing, and the convention (also Cargo's) is to shift one place: a
    breaking change bumps the minor, an addition the patch.
    """
    if parse(current)[0] > 0 or bump == "patch":  # parsed even for a patch: it is bumped next
        return bump
    return ORDER[ORDER.index(bump) - 1]


def bumped(version: str, bump: Bump) -> str:
    """``version`` with ``bump`` applied (lower parts reset to 0)."""
    major, minor, patch = parse(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def satisfies(version: str, required: str) -> bool:
    """Whether ``version`` is at least ``required`` (a later manual bump also satisfies a requirement)."""
    return parse(version) >= parse(required)
