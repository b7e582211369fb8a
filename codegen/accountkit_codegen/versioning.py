"""Which semver bump a list of spec changes calls for, and the version it leads to.

``info.version`` is the generated package's version (specs/README.md), so the bump follows what the
client's users see, as the rule table (``diffrules``) says for each change: major for a breaking change,
minor for a warning, an addition or any other change of behaviour, patch for words only (descriptions,
examples, annotations) or a spec whose text changed without changing its meaning. Below 1.0.0 semver
promises nothing, and the convention (also Cargo's) is to shift one place: a breaking change bumps the
minor, an addition the patch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .diffmodel import Change
from .diffrules import Bump, rule

ORDER: tuple[Bump, ...] = ("patch", "minor", "major")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` as ``(1, 2, 3)``; ``ValueError`` for anything that is not MAJOR.MINOR.PATCH."""
    match = SEMVER.match(str(version))
    if not match:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def semver_bump(changes: Iterable[Change], *, text_changed: bool = False) -> Bump | None:
    """The bump by the book (ignoring the below-1.0 shift); None when there is nothing to release."""
    bumps = {rule(change.rule).bump for change in changes}
    if bumps:
        return max(bumps, key=ORDER.index)
    return "patch" if text_changed else None


def suggested_bump(changes: Iterable[Change], current: str, *, text_changed: bool = False) -> Bump | None:
    """The bump to apply to ``current`` (the released version), shifted down one place below 1.0.0."""
    bump = semver_bump(changes, text_changed=text_changed)
    return None if bump is None else shifted(bump, current)


def shifted(bump: Bump, current: str) -> Bump:
    """``bump`` as applied to ``current``: one place down below 1.0.0 (a major becomes a minor, a minor a patch)."""
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
