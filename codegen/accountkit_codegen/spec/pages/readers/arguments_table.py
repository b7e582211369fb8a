"""Reader for the ActivePlatform API guide's method pages ("Arguments" and "Response model" tables).

Layout: a title, a summary, the request line (``PUT /api/vendor/v1/...``), then "Arguments" (name,
parameter type, data type, Required/Optional, description), "Response model" (name, data type,
description), "Request example" and "Response example" (JSON). A saved copy glues some cells together
and puts others on lines of their own; an HTML table arrives tab-separated. All three read alike.

The nested tables of array rows (``custom_attributes``) lose their nesting in every rendering: how many
rows after an array row belong to it comes from ``hints["nested"]`` (array name → row count).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Example, Operation, Page, row
from ..text import PageReadError, clean_lines, first_line, json_after, section

NAME = "arguments-table"

# "Depends on the attribute" / "Depends on the Account type": a lowercase word, or a Capitalised word
# and a lowercase one; the next cell starts with a capital, which is where the rendering glued it on.
_DEPENDS = r"Depends on the (?:[a-z]+|[A-Z]\w* [a-z]+)"
_TYPES = rf"array of objects|array|integer|string|boolean|bool|float|date|{_DEPENDS}"
# A row starts with its name, then its cells, each either glued on or on its own line. The name is
# greedy (the longest one after which the cells still parse): names such as updated_at hold type words.
_ARG = re.compile(
    rf"^(?P<name>[a-z][a-z0-9_]*)\n?(?P<loc>path|query|form)\n?(?P<type>{_TYPES})"
    rf"\n?(?P<req>Required|Optional|{_DEPENDS})",
    re.M,
)
_RESP = re.compile(rf"^(?P<name>[a-z][a-z0-9_]*)\n?(?P<type>{_TYPES})", re.M)
_REQUEST_LINE = re.compile(r"(GET|POST|PUT|PATCH|DELETE) (/\S+)")


def read(text: str, operation_id: str, hints: Mapping[str, Any]) -> Page:
    text = text.replace("\xa0", " ")
    nested = hints.get("nested", {})
    rows = []
    args = _rows(section(text, "Arguments", "Response model"), _ARG, "Arguments")
    for (cells, desc), name in zip(args, _nest([c["name"] for c, _ in args], nested), strict=True):
        location = {"form": "request"}.get(cells["loc"], cells["loc"])
        required = {"Required": True, "Optional": False}.get(cells["req"])
        if "authentication" in desc.lower():
            location = f"auth-{location}"
        rows.append(row(location, name, cells["type"], desc, required))
    resp = _rows(section(text, "Response model", "Request example"), _RESP, "Response model")
    for (cells, desc), name in zip(resp, _nest([c["name"] for c, _ in resp], nested), strict=True):
        rows.append(row("response", name, cells["type"], desc))
    request_line = next((m for ln in clean_lines(text) if (m := _REQUEST_LINE.fullmatch(ln))), None)
    op = Operation(
        operation_id=operation_id,
        method=request_line[1] if request_line else None,
        path=request_line[2] if request_line else None,
        rows=tuple(rows),
        examples=(
            Example("request", json_after(text, "Request example")),
            Example("response", json_after(text, "Response example")),
        ),
    )
    return Page(first_line(text), (op,))


def _rows(block: str, pattern: re.Pattern[str], table: str) -> list[tuple[dict[str, Any], str]]:
    """(cells, description) per row; the description runs from a row's cells to the next row."""
    text = "\n".join(clean_lines(block.replace("\t", "\n")))
    matches = list(pattern.finditer(text))
    if not matches:
        raise PageReadError(f"no rows in the {table!r} table")
    out = []
    for m, nxt in zip(matches, matches[1:] + [None], strict=True):
        desc = text[m.end() : nxt.start() if nxt else len(text)].strip()
        out.append((m.groupdict(), desc))
    return out


def _nest(names: list[str], nested: Mapping[str, int]) -> list[str]:
    """The N rows after a listed array row become ``array.child``."""
    out: list[str] = []
    parent, left = None, 0
    for name in names:
        if left:
            out.append(f"{parent}.{name}")
            left -= 1
            continue
        out.append(name)
        if name in nested:
            parent, left = name, nested[name]
    return out
