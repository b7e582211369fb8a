"""Reader for ASP.NET Web API help pages (the 2sms ``Help/Api/PUT-api-v2-admin-accounts-id`` page).

Layout: the request line as title (``PUT api/v2/admin/accounts/{id}``), a summary, then "URI
Parameters", "Body Parameters" (a model name and its table) and "Response Information" tables, each
headed "Name Description Type Additional information", and "Request Formats" / "Response Formats" with
a JSON "Sample:". A row is its name, its description (absent for some), its type and one or more
"additional information" lines ("Required", "Matching regular expression pattern: ...", "None.");
in saved HTML the cells of a row come on one line, tab-separated, and read the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Example, Operation, Page, Row, row
from ..text import PageReadError, clean_lines, first_line, json_after, same_heading

NAME = "aspnet-help"
HEADER = "NameDescriptionTypeAdditional information"
_INFO = re.compile(
    r"None\.|Required|Matching regular expression pattern: .*|String length: .*"
    r"|Range: .*|Max length: .*|Min length: .*|Data type: .*"
)


def read(text: str, operation_id: str, hints: Mapping[str, Any]) -> Page:
    text = text.replace("\xa0", " ")
    lines = clean_lines(text.replace("\t", "\n"))
    rows = (
        _table(_block(lines, "URI Parameters", "Body Parameters"), "path")
        + _table(_block(lines, "Body Parameters", "Request Formats"), "request")
        + _table(_block(lines, "Response Information", "Response Formats"), "response")
    )
    title = first_line(text)
    method, _, path = title.partition(" ")
    op = Operation(
        operation_id=operation_id,
        method=method if method in ("GET", "POST", "PUT", "PATCH", "DELETE") else None,
        path=path or None,
        rows=tuple(rows),
        examples=(
            Example("request", json_after(text, "Request Formats", "Sample:")),
            Example("response", json_after(text, "Response Formats", "Sample:")),
        ),
    )
    return Page(title, (op,))


def _block(lines: list[str], after: str, end: str) -> list[str]:
    """The table rows below the first header line after ``after``, up to the line ``end``."""
    try:
        i = lines.index(after)
    except ValueError:
        raise PageReadError(f"no line {after!r}: the page is not in this reader's layout") from None
    header = next((n for n in range(i, len(lines)) if same_heading(lines[n], HEADER)), None)
    if header is None:
        raise PageReadError(f"no {HEADER!r} table after {after!r}")
    stop = next((n for n in range(header + 1, len(lines)) if lines[n] == end), None)
    if stop is None:
        raise PageReadError(f"no line {end!r} after the {after!r} table")
    return lines[header + 1 : stop]


def _table(lines: list[str], location: str) -> list[Row]:
    """Every row ends in one or more "additional information" lines, so a row is whatever precedes
    them: the first line is the name, the last the type, anything between the description."""
    rows: list[Row] = []
    cells: list[str] = []
    info: list[str] = []
    for ln in lines + [""]:
        if ln and _INFO.fullmatch(ln):
            info.append(ln)
            continue
        if info:
            if len(cells) < 2:
                raise PageReadError(f"a {location} row without a name and a type before {info[0]!r}")
            name, ptype, desc = cells[0], cells[-1], "\n".join(cells[1:-1])
            pattern = next((i.split(": ", 1)[1] for i in info if i.startswith("Matching regular")), None)
            rows.append(row(location, name, ptype, desc, "Required" in info or None, pattern))
            cells, info = [], []
        if ln:
            cells.append(ln)
    return rows
