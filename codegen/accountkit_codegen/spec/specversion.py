"""Set ``info.version`` in a spec's text by rewriting that one line, keeping everything else byte for byte.

A YAML round trip (load, change, dump) would reflow the hand-written specs, drop their comments and
requote strings; a release must change the version and nothing else. So the line is found by reading
the text: the ``version:`` key indented directly under the top-level ``info:`` block. Its quoting and a
trailing comment are kept. The result is parsed again to prove that exactly ``info.version`` changed.
"""

from __future__ import annotations

import re

import yaml

INFO_BLOCK = re.compile(r"^info:[ \t]*(#.*)?$")
KEY_LINE = re.compile(r"^(?P<indent>[ \t]+)(?P<key>[^\s:#][^:#]*?)[ \t]*:(?:[ \t]|$)")
VERSION_LINE = re.compile(
    r"^(?P<lead>[ \t]+version[ \t]*:[ \t]*)"
    r"(?P<quote>['\"]?)(?P<value>[^'\"#\s]+)(?P=quote)"
    r"(?P<rest>[ \t]*(#.*)?)$"
)


class VersionLineError(Exception):
    """The spec's text has no ``info.version`` line this module can rewrite safely."""


def _version_line(lines: list[str]) -> int:
    """The index of the ``version:`` line directly under ``info:`` (``lines`` without their line ends)."""
    start = next((index for index, line in enumerate(lines) if INFO_BLOCK.match(line)), None)
    if start is None:
        raise VersionLineError("no top-level 'info:' block (flow-style info is not supported)")
    child_indent = None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            break  # the next top-level key: the info block is over
        key = KEY_LINE.match(line)
        if key is None:
            continue  # a continuation line of a multi-line value
        if child_indent is None:
            child_indent = key["indent"]
        if key["indent"] == child_indent and key["key"] == "version":
            return index
    raise VersionLineError("no 'version:' line directly under 'info:'")


def set_version(text: str, version: str) -> str:
    """``text`` with ``info.version`` set to ``version``; only that line changes."""
    lines = text.splitlines(keepends=True)
    index = _version_line([line.rstrip("\r\n") for line in lines])
    body = lines[index].rstrip("\r\n")
    ending = lines[index][len(body) :]
    match = VERSION_LINE.match(body)
    if match is None:
        raise VersionLineError(f"cannot rewrite line {index + 1}: {body.strip()!r}")
    lines[index] = f"{match['lead']}{match['quote']}{version}{match['quote']}{match['rest']}{ending}"
    updated = "".join(lines)
    before, after = yaml.safe_load(text), yaml.safe_load(updated)
    before["info"]["version"] = version
    if str(after["info"]["version"]) != version or before != after:
        raise VersionLineError(f"rewriting line {index + 1} did not change exactly info.version")
    return updated
