"""Reader for API reference pages built with ReadMe (the inTandem / vcita developers hub).

Layout: a title line, an optional "Deprecated" banner, prose sections ("Overview", "Authentication",
...), then "Path Params", "Query Params", "Headers" and "Responses". Each parameter is a name line, a
type line ("string", "array of strings"), an optional "required" line and its description.

Some renderings lose the name lines (the vcita page keeps two of five query names, one of them on
the wrong row). Where a section's rows are not all named, the names come from ``hints["names"]``
(location → names in page order), and a row whose name line is new to those names is taken by that
name (a parameter the vendor added). When what is left does not match the known names one to one, the
page cannot be read reliably and the reader says so, rather than guess which row went missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Operation, Page, row
from ..text import PageReadError, clean_lines, first_line, section

NAME = "readme-reference"

_TYPE = re.compile(r"(string|integer|number|boolean|object|array of \w+|array)")
_LABEL = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-\[\]]*")
_SECTIONS = [
    ("path", "Path Params", "Query Params"),
    ("query", "Query Params", "Headers"),
    ("header", "Headers", "Responses"),
]
_AUTH_END = re.compile(r"[A-Z][\w ]{0,40}")  # a short heading line ("Package Options") ends the auth notes


def read(text: str, operation_id: str, hints: Mapping[str, Any]) -> Page:
    text = text.replace("\xa0", " ")
    lines = clean_lines(text)
    rows = []
    for location, start, end in _SECTIONS:
        found = _parameters(section(text, start, end))
        names = _names(location, found, hints.get("names", {}).get(location, []))
        for name, (_, ptype, required, description) in zip(names, found, strict=True):
            where = f"auth-{location}" if "authentication" in description.lower() else location
            rows.append(row(where, name, ptype, description, required))
    op = Operation(
        operation_id=operation_id,
        method=None,
        path=None,
        deprecated="Deprecated" in lines[:5],
        rows=tuple(rows),
        auth=tuple(_auth_notes(lines)),
    )
    return Page(first_line(text), (op,))


def _parameters(block: str) -> list[tuple[str | None, str, bool, str]]:
    """(name line or None, type, required, description) per parameter, in page order."""
    found: list[list[Any]] = []  # [label, type, required, description lines]
    label: str | None = None
    for ln in clean_lines(block):
        if _TYPE.fullmatch(ln):
            found.append([label, ln, False, []])
            label = None
        elif ln == "required" and found and not found[-1][3]:
            found[-1][2] = True
        elif _LABEL.fullmatch(ln) and " " not in ln:
            label = ln  # the name line of the next parameter
        elif found:
            found[-1][3].append(ln)
        else:
            raise PageReadError(f"text {ln!r} before the first parameter's type line")
    return [(lab, t, req, "\n".join(desc)) for lab, t, req, desc in found]


def _names(location: str, found: list[tuple[Any, ...]], known: list[str]) -> list[str]:
    labels = [lab for lab, *_ in found]
    if found and all(labels):
        return labels  # a rendering with every name line: the page names its rows
    if len(found) == len(known):
        return list(known)
    new = [i for i, lab in enumerate(labels) if lab and lab not in known]
    if len(found) - len(new) == len(known):
        rest = iter(known)
        return [labels[i] if i in new else next(rest) for i in range(len(found))]
    raise PageReadError(
        f"{len(found)} {location} parameters, {labels.count(None)} of them without a name line, where "
        f"{len(known)} are known ({', '.join(known) or 'none'}): which one was added or removed cannot be "
        "told from this rendering; save the page with its parameter names shown (or as HTML)"
    )


def _auth_notes(lines: list[str]) -> list[str]:
    """The paragraphs under "Authentication", up to the next heading."""
    if "Authentication" not in lines:
        return []
    notes = []
    for ln in lines[lines.index("Authentication") + 1 :]:
        if _AUTH_END.fullmatch(ln) and not ln.endswith("."):
            break
        notes.append(ln)
    return notes
