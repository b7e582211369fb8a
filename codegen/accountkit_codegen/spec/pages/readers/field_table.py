"""Reader for reference pages with "Field Name Type Description" tables (the PortaBilling method page).

Layout: a title, "Endpoint" with the request line (``POST /Account/update_account``), tables whose
rows are ``<dotted.name> <type> <description>`` on one line (cells separated by spaces, or by tabs
when the page was saved as HTML), "Example Request" / "Example Response" JSON, and status headings
("200 OK", "500 Internal Server Error") above the response tables. A table before any status heading
is the request body; after one, the body of that status.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Example, Operation, Page, row
from ..text import PageReadError, clean_lines, first_line, json_after, same_heading

NAME = "field-table"
HEADER = "Field Name Type Description"
_REQUEST_LINE = re.compile(r"(GET|POST|PUT|PATCH|DELETE) (/\S+)")


def read(text: str, operation_id: str, hints: Mapping[str, Any]) -> Page:
    text = text.replace("\xa0", " ")
    rows, location, in_table, tables = [], "request", False, 0
    for raw in text.splitlines():
        ln = raw.strip()
        status = re.match(r"(\d{3})\b", ln)
        if status and not in_table:
            location = "response" if status.group(1).startswith("2") else f"error:{status.group(1)}"
        if same_heading(ln, HEADER):
            in_table, tables = True, tables + 1
        elif in_table and not ln:
            in_table = False
        elif in_table:
            cells = ln.split(None, 2)
            if len(cells) < 3:
                raise PageReadError(f"a {HEADER!r} row without name, type and description: {ln!r}")
            rows.append(row(location, cells[0], cells[1], cells[2]))
    if not tables:
        raise PageReadError(f"no {HEADER!r} table: the page is not in this reader's layout")
    request_line = next((m for ln in clean_lines(text) if (m := _REQUEST_LINE.fullmatch(ln))), None)
    op = Operation(
        operation_id=operation_id,
        method=request_line[1] if request_line else None,
        path=request_line[2] if request_line else None,
        rows=tuple(rows),
        examples=(
            Example("request", json_after(text, "Example Request")),
            Example("response", json_after(text, "Example Response")),
        ),
    )
    return Page(first_line(text), (op,))
