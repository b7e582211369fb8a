"""A saved vendor page as text: read the file, turn saved HTML into text, and find things in the lines.

Readers work on text, because that is what a browser's "save as text" or copy gives. Saved HTML is
turned into the same kind of text first (BeautifulSoup, the standard library's parser): block elements
start new lines, table cells are separated by tabs and rows by newlines, as a browser copies a table,
and scripts, styles, the document head and the site's navigation (nav, aside, footer) are dropped.
Non-breaking spaces become plain spaces.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

# Elements whose text starts on a new line (what a browser lays out as a block).
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
}
_DROPPED = {"script", "style", "head", "noscript", "template", "svg", "iframe", "button", "nav", "aside", "footer"}
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<meta|<div|<table|<p[\s>])", re.I)
MAX_PAGE_BYTES = 5_000_000  # a vendor reference page is tens of kilobytes; anything this large is not one


class PageReadError(Exception):
    """A page that cannot be read: which file, which reader, and what it could not find."""

    def __init__(self, problem: str, *, source: str | None = None, reader: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.source = source
        self.reader = reader

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.source, f"reader {self.reader}" if self.reader else None) if part)
        return f"{where}: {self.problem}" if where else self.problem


def read_page_file(path: Path) -> str:
    """The page's text: a text file as it is, an HTML file turned into text (decided by its content)."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageReadError(f"{size} bytes is too large for a reference page (limit {MAX_PAGE_BYTES})")
        raw = path.read_bytes()
    except OSError as exc:
        raise PageReadError(f"cannot read the file: {exc.strerror or exc}") from None
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    return html_to_text(text) if looks_like_html(text) else text


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


def html_to_text(html: str) -> str:
    """The text a browser would copy from the page (see the module docstring for the rules)."""
    try:
        soup = BeautifulSoup(html, "html.parser")
        parts = _flatten(soup)
    except RecursionError:
        raise PageReadError("the HTML is nested too deeply to be a reference page") from None
    out: list[str] = []
    breaks = 0
    for part in parts:
        if isinstance(part, int):
            breaks = max(breaks, part)
            continue
        if not part or (not part.strip() and (breaks or not out or out[-1].endswith("\n"))):
            continue  # nothing, or the whitespace between two blocks
        if breaks and out:
            out.append("\n" * breaks)
        if (breaks or (out and out[-1].endswith("\n"))) and not part.startswith("\n"):
            part = part.lstrip(" ")  # a line does not start with the space between two inline elements
        breaks = 0
        out.append(part)
    text = "".join(out).replace("\xa0", " ")
    return "\n".join(line.rstrip(" ") for line in text.split("\n")).strip("\n") + "\n"


_PARAGRAPHS = {"p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote"}


def _flatten(root: Tag) -> list[str | int]:
    """The page as text pieces and required line breaks (ints), in document order.

    Iterative, with an explicit stack, so a deeply nested page costs memory, not Python's call stack.
    """
    parts: list[str | int] = []
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(list(root.children))]
    while stack:
        node, pre = stack.pop()
        if isinstance(node, (str, int)) and not isinstance(node, NavigableString):
            parts.append(node)  # a marker pushed below: a break count, a tab, or a newline
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, doctype or CDATA
                parts.append(str(node) if pre else re.sub(r"[ \t\r\n\f]+", " ", str(node)))
            continue
        if not isinstance(node, Tag) or node.name in _DROPPED:
            continue
        name = node.name
        if name == "br":
            parts.append("\n")
            continue
        inner_pre = pre or name == "pre"
        if name in ("td", "th"):
            if node.find_previous_sibling(["td", "th"]) is not None:
                parts.append("\t")
            parts.append(_cell_text(node))
            continue
        children = [(child, inner_pre) for child in node.children]
        if name in _BLOCKS:
            gap = 2 if name in _PARAGRAPHS else 1
            parts.append(gap)
            stack.append((gap, inner_pre))
        stack.extend(reversed(children))
    return parts


def _cell_text(cell: Tag) -> str:
    """A table cell's text on one line (its line breaks become spaces), as a browser copies a cell."""
    pieces = []
    for node in cell.descendants:  # bs4 walks descendants without recursion
        if isinstance(node, Tag) and node.name == "br":
            pieces.append(" ")
        elif type(node) is NavigableString and not any(p.name in _DROPPED for p in node.parents if p is not cell):
            pieces.append(str(node))
    return " ".join("".join(pieces).split())


def clean_lines(text: str) -> list[str]:
    """Non-blank lines, stripped, with non-breaking spaces made plain (the HTML renderings use them)."""
    return [ln.replace("\xa0", " ").strip() for ln in text.splitlines() if ln.strip()]


def section(text: str, start: str, end: str | None) -> str:
    """Text after the first line equal to ``start`` up to the next line equal to ``end`` (or the end).

    A missing ``start`` raises PageReadError naming the heading, which is what an unknown layout looks like.
    """
    lines = text.replace("\xa0", " ").splitlines()
    i = next((n for n, ln in enumerate(lines) if same_heading(ln, start)), None)
    if i is None:
        raise PageReadError(f"no line {start!r}: the page is not in this reader's layout")
    j = next((n for n in range(i + 1, len(lines)) if end and same_heading(lines[n], end)), len(lines))
    return "\n".join(lines[i + 1 : j])


def same_heading(line: str, heading: str) -> bool:
    """A heading line, whatever its spacing: a table header copied glued ("NameTypeDescription"), with
    spaces, or with the tabs of an HTML table all match."""
    return "".join(line.split()) == "".join(heading.split())


def first_line(text: str) -> str:
    """The page's first non-blank line that is not the "Skip to content" link: its title."""
    for line in clean_lines(text):
        if line.lower() not in ("skip to content", "skip to main content", "aller au contenu"):
            return line
    raise PageReadError("the page is empty")


def json_after(text: str, *markers: str) -> object:
    """The JSON value starting at the first "{" after the markers (each found after the previous)."""
    pos = 0
    for marker in markers:
        found = text.find(marker, pos)
        if found < 0:
            raise PageReadError(f"no {marker!r} before the example it should introduce")
        pos = found + len(marker)
    start = text.find("{", pos)
    if start < 0:
        raise PageReadError(f"no JSON object after {' / '.join(markers)!r}")
    try:
        value = json.JSONDecoder().raw_decode(text, start)[0]
    except json.JSONDecodeError as exc:
        raise PageReadError(f"the example after {' / '.join(markers)!r} is not JSON: {exc.msg}") from None
    except RecursionError:
        raise PageReadError(f"the example after {' / '.join(markers)!r} nests too deeply to be an example") from None
    return checked_example(value, f"the example after {' / '.join(markers)!r}")


MAX_EXAMPLE_DEPTH = 64  # vendor examples nest a few levels; deeper is not an example


def checked_example(value: object, what: str) -> object:
    """The example, refused when it nests deeper than MAX_EXAMPLE_DEPTH (the checks walk it recursively)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_EXAMPLE_DEPTH:
            raise PageReadError(f"{what} nests deeper than {MAX_EXAMPLE_DEPTH} levels: not a usable example")
        if isinstance(node, dict):
            stack += [(v, depth + 1) for v in node.values()]
        elif isinstance(node, list):
            stack += [(v, depth + 1) for v in node]
    return value
