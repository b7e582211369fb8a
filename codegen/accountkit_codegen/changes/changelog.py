"""Each client package's changelog: where it lives, and the entry a release adds to it for a spec change.

It lives in ``specs/changelog/<api>.md``, not in ``generated/``: generated/ is rewritten on every build
and compared byte for byte by the drift check, so anything kept only there would be lost or flagged.
``build`` copies the file into the package as ``CHANGELOG.md`` (its sdist already lists that name), and
``stamp`` hashes it, so a changelog edit regenerates the package like any other input.
"""

from __future__ import annotations

import datetime
import os

from .diffmodel import Change
from .diffrules import SECTIONS, rule


def release_date() -> str:
    """Today as YYYY-MM-DD, or the date of ``SOURCE_DATE_EPOCH`` (reproducible builds) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date().isoformat()
    return datetime.date.today().isoformat()


def section(change: Change) -> str:
    """The heading a change is listed under: its rule's section in the rule table."""
    return rule(change.rule).section


def entry(version: str, date: str, changes: list[Change]) -> str:
    """``## <version> (<date>)``, then one list per section of the rule table (empty ones left out)."""
    lines = [f"## {version} ({date})", ""]
    for title in SECTIONS:
        bullets = [f"- `{change.location}`: {change.detail}" for change in changes if section(change) == title]
        if title == "Documentation" and not changes:
            bullets = ["- No change to the API: the spec's formatting or comments changed."]
        if bullets:
            lines += [f"### {title}", "", *bullets, ""]
    return "\n".join(lines)


def header(api: str) -> str:
    return (
        f"# Changelog of {api}-client\n\n"
        f"Written by `./dev -s release`, newest first: the changes to specs/{api}.yaml, and under Package\n"
        "whatever else the package was rebuilt for (templates, generators, vendor code, accountkit-runtime).\n\n"
    )


def has_version(text: str, version: str) -> bool:
    return any(line.startswith(f"## {version} ") for line in text.splitlines())


def prepend(text: str | None, api: str, new_entry: str) -> str:
    """The changelog ``text`` (None: no file yet) with ``new_entry`` above the newest entry."""
    text = text if text is not None else header(api)
    lines = text.splitlines(keepends=True)
    position = next((index for index, line in enumerate(lines) if line.startswith("## ")), None)
    if position is None:
        return text.rstrip("\n") + "\n\n" + new_entry
    return "".join(lines[:position]) + new_entry + "\n" + "".join(lines[position:])
