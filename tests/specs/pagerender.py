"""Render a page snapshot back into its vendor's page layout, as a browser's "save as text" gives it.

Why: the crafted-page tests (a row added, a type changed, ...) must run in a clone with nothing beside
it, so their pages are made here from the committed snapshots, in each reader's layout, and then read
by the real reader. ``test_readers.py`` proves the round trip (render, read, same page) for every API,
so a crafted page differs from the vendor's page only by the edit the test makes. The renderings are
the tidy form of each layout (every cell on its own line, every name shown); the untidy forms the real
saved pages have (glued cells, lost names) are read in ``test_readers.py`` from the pages themselves
when they are available.

``as_html`` wraps a rendering in the HTML a saved page would be, tables as tables, for the HTML path.
"""

from __future__ import annotations

import html
import json
from typing import Any

from accountkit_codegen.spec.pages.model import Example, Operation, Page, Row


def render(api: str, page: Page) -> str:
    return {
        "intandem": _readme,
        "activeplatform": _arguments,
        "portabilling": _field_table,
        "octopush": _parameters,
        "twosms": _aspnet,
    }[api](page)


def _op(page: Page) -> Operation:
    (op,) = page.operations
    return op


def _example(op: Operation, direction: str, index: int = 0) -> object:
    return [e.value for e in op.examples if e.direction == direction][index]


def _leaf(r: Row) -> str:
    return r.name.rsplit(".", 1)[-1]


def _readme(page: Page) -> str:
    op = _op(page)
    out = [page.title, ""]
    if op.deprecated:
        out += ["Deprecated", "", "This endpoint is deprecated.", ""]
    out += ["Overview", "", "What the operation does.", ""]
    if op.auth:
        out += ["Authentication", ""] + [line for a in op.auth for line in (a, "")]
    for location, heading in (("path", "Path Params"), ("query", "Query Params"), ("header", "Headers")):
        out.append(heading)
        for r in op.rows:
            if r.location.removeprefix("auth-") == location:
                out += [r.name, r.type] + (["required"] if r.required else []) + ["", r.description, ""]
    out += ["Responses", "", "Language"]
    return "\n".join(out) + "\n"


def _arguments(page: Page) -> str:
    op = _op(page)
    out = [page.title, "", "The method's summary.", "", f"{op.method} {op.path}", "", "Arguments", ""]
    out += ["Name", "", "Parameter Type", "", "Data type", "", "Required/Optional", "", "Description", ""]
    for r in op.rows:
        if r.location == "response":
            continue
        where = {"request": "form"}.get(r.location.removeprefix("auth-"), r.location.removeprefix("auth-"))
        # The page's third mark, for nested rows: required or not "Depends on the Account type".
        marks: dict[bool | None, str] = {True: "Required", False: "Optional"}
        mark = marks.get(r.required, "Depends on the Account type")
        out += [_leaf(r), where, r.type, mark, r.description, ""]
    out += ["Response model", "", "Name", "", "Data type", "", "Description", ""]
    out += [line for r in op.rows if r.location == "response" for line in (_leaf(r), r.type, r.description, "")]
    out += ["Request example", "", json.dumps(_example(op, "request"), indent=4), ""]
    out += ["Response example", "", json.dumps(_example(op, "response"), indent=4)]
    return "\n".join(out) + "\n"


def _field_table(page: Page) -> str:
    op = _op(page)
    header = "Field Name Type Description"

    def table(location: str) -> list[str]:
        return [header] + [f"{r.name} {r.type} {r.description}" for r in op.rows if r.location == location] + [""]

    out = ["Skip to content", "", page.title, "", "What the method does.", "", "Endpoint", ""]
    out += [f"{op.method} {op.path}", "", "Request", "", "Request Body", "", "The parameters:", ""]
    out += table("request") + ["Example Request", "", json.dumps(_example(op, "request"), indent=2), ""]
    out += ["Responses", "", "200 OK", "", "The request was successful.", ""] + table("response")
    out += ["Example Response", "", json.dumps(_example(op, "response"), indent=2), ""]
    for status in sorted({r.location.split(":")[1] for r in op.rows if r.location.startswith("error:")}):
        out += [f"{status} Internal Server Error", "", "An error occurred.", ""] + table(f"error:{status}")
    return "\n".join(out) + "\n"


def _parameters(page: Page) -> str:
    op = _op(page)
    assert op.method is not None and op.path is not None, "this layout states the method and the path"
    out = ["Skip to content", f"Home » API » {page.title}", "", page.title, "", op.method, op.path, ""]
    out += ["Encoding : UTF-8", "", "Authentification", ""] + [line for a in op.auth for line in (a, "")]
    out += ["Definition", "", "What the service does.", "", "Special parameters", "", "NameTypeDescription"]
    out += [f"{_leaf(r)}{r.type}{r.description}" for r in op.rows]
    body = json.dumps(_example(op, "request"), ensure_ascii=False)
    out += ["", "Curl Example", "", "curl -X PATCH ...", "", "Command to copy/paste", ""]
    out += [f"curl -X {op.method} '{op.path}' -H 'Content-Type: application/json' -d '{body}'", ""]
    out += ["JSON Server Response", "", "Success : 201 OK"]
    return "\n".join(out) + "\n"


def _aspnet(page: Page) -> str:
    op = _op(page)
    header = "NameDescriptionTypeAdditional information"

    def table(location: str) -> list[str]:
        out = [header]
        for r in (r for r in op.rows if r.location == location):
            info = (["Required"] if r.required else []) + (
                [f"Matching regular expression pattern: {r.pattern}"] if r.pattern else []
            )
            out += [r.name, ""] + ([r.description, ""] if r.description else []) + [r.type, ""]
            out += [line for i in (info or ["None."]) for line in (i, "")]
        return out

    out = [page.title, "", "What the method does.", "", "Request Information", "", "URI Parameters", ""]
    out += table("path") + ["Body Parameters", "", "Either xml or json request.", "", "AccountV3"]
    out += table("request") + ["Request Formats", "", "application/json, text/json", "", "Sample:"]
    out += [json.dumps(_example(op, "request"), indent=2), "", "Response Information", "", "ResponseOfObject"]
    out += table("response") + ["Response Formats", "", "application/json, text/json", "", "Sample:"]
    out += [json.dumps(_example(op, "response"), indent=2)]
    return "\n".join(out) + "\n"


def as_html(text: str, tables: dict[str, int] | None = None) -> str:
    """The text as a saved HTML page: paragraphs, JSON blocks as <pre>, non-breaking spaces, a script
    and a style that must not leak into the text. ``tables`` maps a header line to its column count:
    the lines after such a header become the rows of a real <table> (one row per ``columns`` lines for
    cell-per-line layouts, or one row per line split on single spaces for the field-table layout)."""
    lines = text.splitlines()
    body: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("{"):
            j, depth = i, 0
            block = []
            while j < len(lines):
                block.append(lines[j])
                depth += lines[j].count("{") - lines[j].count("}")
                j += 1
                if depth == 0:
                    break
            body.append(f"<pre><code>{html.escape(chr(10).join(block))}</code></pre>")
            i = j
            continue
        if tables and line.strip() in tables:
            columns = tables[line.strip()]
            body.append(
                "<table><thead><tr>"
                + "".join(f"<th>{html.escape(c)}</th>" for c in _header_cells(line))
                + "</tr></thead><tbody>"
            )
            i += 1
            while i < len(lines) and lines[i].strip():
                cells = lines[i].split(" ", columns - 1)
                body.append(
                    "<tr>" + "".join(f"<td>{html.escape(c).replace(' ', '&nbsp;', 1)}</td>" for c in cells) + "</tr>"
                )
                i += 1
            body.append("</tbody></table>")
            continue
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
        i += 1
    return (
        "<!DOCTYPE html>\n<html><head><title>saved page</title><style>p { margin: 0 }</style>"
        "<script>var token = 'not page text';</script></head>\n<body><nav>Menu</nav>\n"
        + "\n".join(body)
        + "\n<!-- a comment -->\n</body></html>\n"
    )


def _header_cells(line: str) -> list[str]:
    return line.split(" ") if " " in line else [line]


def edited(page: Page, **changes: Any) -> Page:
    """The page with its one operation's fields replaced (rows=..., examples=..., ...)."""
    from dataclasses import replace

    return replace(page, operations=(replace(_op(page), **changes),))


def example(direction: str, value: object) -> Example:
    return Example(direction, value)
