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

from ..model import Page, row
from ..text import PageReadError, same_heading
from .onecall import one_call_page

NAME = "field-table"
HEADER = "Field Name Type Description"


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
    return one_call_page(
        text, operation_id, rows, request_example="Example Request", response_example="Example Response"
    )
