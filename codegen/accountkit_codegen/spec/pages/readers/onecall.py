"""A page that documents one call: its request line (``POST /path``), its rows and its two examples.

``arguments_table`` and ``field_table`` read different tables but pages of the same build: the call
written out as ``METHOD /path`` somewhere in the text, and a request and a response example each under a
heading of its own (the headings differ by vendor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Example, Operation, Page, Row
from ..text import clean_lines, first_line, json_after

REQUEST_LINE = re.compile(r"(GET|POST|PUT|PATCH|DELETE) (/\S+)")


def one_call_page(
    text: str, operation_id: str, rows: Iterable[Row], *, request_example: str, response_example: str
) -> Page:
    """The page of ``operation_id``: the first request line its text holds, ``rows``, and the two examples."""
    request_line = next((m for ln in clean_lines(text) if (m := REQUEST_LINE.fullmatch(ln))), None)
    op = Operation(
        operation_id=operation_id,
        method=request_line[1] if request_line else None,
        path=request_line[2] if request_line else None,
        rows=tuple(rows),
        examples=(
            Example("request", json_after(text, request_example)),
            Example("response", json_after(text, response_example)),
        ),
    )
    return Page(first_line(text), (op,))
