"""The runtime's changelog, ``runtime/CHANGELOG.md``: where a change to accountkit-runtime is declared, with its level.

No differ can tell whether a change to handwritten code breaks its callers, so the person who makes it
says so, above the newest release, under one heading with the level::

    ## Unreleased (patch)    a fix: nothing a caller relies on changes
    ## Unreleased (minor)    something is added
    ## Unreleased (major)    something a caller relies on changes or goes away

followed by what changed (``### Fixed``, ``### Added``, ``### Changed``, ``### Breaking``). ``release``
turns that heading into ``## <version> (<date>)``, the version being the last release's bumped by the
level. A major (and a minor: see ``runtimerange``) moves every client's range of the runtime, which
gives every client a release of its own.
"""

from __future__ import annotations

import re

from ..generate.semver import ORDER, Bump

UNRELEASED = re.compile(r"^## Unreleased(?:[ \t]*\((?P<level>[^)]*)\))?[ \t]*$", re.MULTILINE)


class UnreleasedError(Exception):
    """The Unreleased section is there but unusable (no level, an unknown one, or two sections)."""


def unreleased_level(text: str) -> Bump | None:
    """The level the Unreleased section declares; None when there is no such section."""
    found = list(UNRELEASED.finditer(text))
    if not found:
        return None
    if len(found) > 1:
        raise UnreleasedError("runtime/CHANGELOG.md has more than one '## Unreleased' section")
    level = (found[0]["level"] or "").strip().lower()
    if level not in ORDER:
        shown = f"'{found[0]['level']}'" if found[0]["level"] else "no level"
        raise UnreleasedError(
            f"runtime/CHANGELOG.md's '## Unreleased' section has {shown}: write '## Unreleased (patch)', "
            "'(minor)' or '(major)'"
        )
    return level


def has_version(text: str, version: str) -> bool:
    return re.search(rf"^## {re.escape(version)} ", text, re.MULTILINE) is not None


def released(text: str, version: str, date: str) -> str:
    """``text`` with its Unreleased section released as ``version``.

    The heading becomes ``## <version> (<date>)``; when that version already has an entry (a release
    run earlier, not yet published), the section's lines join that entry instead.
    """
    match = UNRELEASED.search(text)
    if match is None:
        return text
    if not has_version(text, version):
        return text[: match.start()] + f"## {version} ({date})" + text[match.end() :]
    following = re.compile(r"^## ", re.MULTILINE).search(text, match.end())
    body = text[match.end() : following.start() if following else len(text)].strip("\n")
    without = text[: match.start()] + (text[following.start() :] if following else "")
    entry = re.search(rf"^## {re.escape(version)} .*$", without, re.MULTILINE)
    assert entry is not None
    return without[: entry.end()] + ("\n\n" + body if body else "") + without[entry.end() :]
