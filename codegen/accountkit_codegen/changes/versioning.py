"""Which semver bump a list of spec changes calls for.

``info.version`` is the generated package's version (specs/README.md), so the bump follows what the
client's users see, as the rule table (``diffrules``) says for each change: major for a breaking change,
minor for a warning, an addition or any other change of behaviour, patch for words only (descriptions,
examples, annotations) or a spec whose text changed without changing its meaning. Below 1.0.0 the bump
is shifted one place (``generate.semver.shifted``); the version arithmetic itself is there too.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..generate.semver import ORDER, Bump, shifted
from .diffmodel import Change
from .diffrules import rule


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
