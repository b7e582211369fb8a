"""Reader for the Octopush API documentation pages ("Special parameters" and a curl example).

Layout: a breadcrumb ("Home » ... » Modify a subaccount"), the title, the method and URL on two lines,
"Authentification" (sic) with how to authenticate, "Special parameters" with a "Name Type Description"
table whose cells a saved copy glues together (``first_namestringFirst name ...``; tabs in saved HTML),
then "Curl Example" and "Command to copy/paste" with the request body as a one-line curl command.

Rows after an ``object`` row are its members (the page lists them last, under ``callbacks``). A name is
greedy, as ``callback_url_for_blacklisted_numbers`` holds the type word "number".
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..model import Example, Operation, Page, row
from ..text import PageReadError, checked_example, clean_lines, section

NAME = "parameters-table"

_ROW = re.compile(r"(?P<name>[a-z][a-z0-9_]*)\s*(?P<type>string|integer|number|boolean|object|array)\s*(?P<desc>.*)")
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def read(text: str, operation_id: str, hints: Mapping[str, Any]) -> Page:
    text = text.replace("\xa0", " ")
    lines = clean_lines(text)
    rows, parent = [], None
    for ln in clean_lines(section(text, "NameTypeDescription", "Curl Example")):
        m = _ROW.fullmatch(ln)
        if not m:
            raise PageReadError(f"parameter row not understood: {ln!r}")
        name = f"{parent}.{m['name']}" if parent else m["name"]
        rows.append(row("request", name, m["type"], m["desc"]))
        if m["type"] == "object":
            parent = m["name"]
    method = next((i for i, ln in enumerate(lines) if ln in _METHODS), None)
    auth = clean_lines(section(text, "Authentification", "Definition")) if "Authentification" in lines else []
    op = Operation(
        operation_id=operation_id,
        method=lines[method] if method is not None else None,
        path=lines[method + 1] if method is not None and method + 1 < len(lines) else None,
        rows=tuple(rows),
        examples=(Example("request", _curl_body(text)),),
        auth=tuple(auth),
    )
    return Page(_title(lines), (op,))


def _title(lines: list[str]) -> str:
    """The first line that is neither the skip link nor the breadcrumb."""
    for ln in lines:
        if ln.lower() != "skip to content" and "»" not in ln:
            return ln
    raise PageReadError("the page has no title line")


def _curl_body(text: str) -> Any:
    """The -d '{...}' body of the one-line curl command under "Command to copy/paste"."""
    start = text.find("Command to copy/paste")
    if start < 0:
        raise PageReadError("no 'Command to copy/paste' curl command")
    line = next((ln for ln in text[start:].splitlines() if "curl " in ln), None)
    body = re.search(r"-d '(\{.*\})'", line or "")
    if not body:
        raise PageReadError("the curl command under 'Command to copy/paste' has no -d '{...}' body")
    try:
        value = json.loads(body.group(1))
    except json.JSONDecodeError as exc:
        raise PageReadError(f"the curl command's body is not JSON: {exc.msg}") from None
    except RecursionError:
        raise PageReadError("the curl command's body nests too deeply to be an example") from None
    return checked_example(value, "the curl command's body")
