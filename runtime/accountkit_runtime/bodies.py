"""Reading a JSON response body that may be hostile: nesting deeper than any vendor sends is refused.

Python's ``json`` parser recurses, and so do reprs, the redactor and the vendors' error readers: a body of
100,000 nested arrays is only 200 kB, yet it would end in a bare ``RecursionError`` wherever it is read
first. ``load_json`` refuses a body nested deeper than ``MAX_DEPTH`` with ``NestedTooDeep`` (a
``ValueError``), which the transport and the auth flows turn into ``ResponseParseError``. Counting
brackets first keeps the common case (a small body) to two ``bytes.count`` calls.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 200  # the vendors' bodies nest a handful of levels
# A JSON string (skipped whole, so brackets inside it do not count) or a bracket. An unterminated string
# runs to the end, so that no position is scanned twice: the scan is linear whatever the body.
_TOKENS = re.compile(rb'(?s)"[^"\\]*(?:\\.?[^"\\]*)*(?:"|\Z)|[\[\]{}]')


class NestedTooDeep(ValueError):
    """A JSON body nests deeper than ``MAX_DEPTH`` levels."""


def check_depth(content: bytes) -> None:
    """Raise ``NestedTooDeep`` if the JSON in ``content`` nests deeper than ``MAX_DEPTH``."""
    if content.count(b"[") + content.count(b"{") <= MAX_DEPTH:
        return
    depth = 0
    for match in _TOKENS.finditer(content):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_DEPTH:
                raise NestedTooDeep(f"the JSON body nests more than {MAX_DEPTH} levels deep")
        elif token in (b"]", b"}"):
            depth -= 1


def load_json(content: bytes) -> Any:
    """``json.loads(content)``, refusing a body nested too deep (``NestedTooDeep``) instead of recursing."""
    check_depth(content)
    try:
        return json.loads(content)
    except RecursionError:  # a caller already deep in its own stack
        raise NestedTooDeep(f"the JSON body nests more than {MAX_DEPTH} levels deep") from None


def json_object(content: bytes) -> dict[str, Any]:
    """The JSON object in ``content``; ``{}`` for anything else: empty, not JSON, JSON of another kind, too deep.

    For a success response whose body the vendor does not document (the spec's ``x-accountkit-any-body``,
    e.g. Octopush's 201): whatever arrives, the call succeeded, and a parse error would make the caller
    believe otherwise (and perhaps repeat the change). The body as sent stays on the detailed response.
    """
    try:
        value = load_json(content)
    except ValueError:  # not JSON (UnicodeDecodeError and NestedTooDeep are ValueErrors too)
        return {}
    return value if isinstance(value, dict) else {}
