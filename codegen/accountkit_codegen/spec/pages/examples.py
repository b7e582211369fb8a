"""JSON example values: equality that keeps JSON's types, where two values differ, and the documented
substitutions a spec example makes to a page example (``x-accountkit-example-substitutions``)."""

from __future__ import annotations

import copy
import re
from typing import Any


def path_tokens(path: str) -> list[str]:
    """A JSON pointer ("/a/0/b") or a dotted path ("a.0.b", "a[0].b", "$.a.b") as tokens."""
    if path.startswith("/"):
        return [t.replace("~1", "/").replace("~0", "~") for t in path.split("/")[1:]]
    path = re.sub(r"^\$\.?", "", path)
    return [t for t in re.split(r"\.|\[(\d+)\]", path) if t]


def _step(node: Any, token: str) -> Any:
    return node[int(token)] if isinstance(node, list) else node[token]


def apply_substitutions(page_value: Any, substitutions: list[dict[str, Any]]) -> Any:
    """The page example with each documented substitution made; a substitution whose `page_value`
    is not what the page has raises ValueError (the note went stale). An empty path is the whole value."""
    box = [copy.deepcopy(page_value)]
    for sub in substitutions:
        tokens = ["0", *path_tokens(sub["path"])]  # walk from the box, so "" replaces the whole value
        parent = box
        for t in tokens[:-1]:
            parent = _step(parent, t)
        last = int(tokens[-1]) if isinstance(parent, list) else tokens[-1]
        current = parent[last]
        if not same(current, sub["page_value"]):
            raise ValueError(f"{sub['path']}: page has {current!r}, substitution says {sub['page_value']!r}")
        parent[last] = sub["value"]
    return box[0]


def same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1 and "1" is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def first_difference(a: Any, b: Any, path: str = "", left: str = "page", right: str = "spec") -> str | None:
    """Where two JSON values first differ, for messages (``left``/``right`` name the two sides)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(a.keys() | b.keys()):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {left if k in a else right}"
            if d := first_difference(a[k], b[k], f"{path}/{k}", left, right):
                return d
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return next(
            (
                d
                for i, (x, y) in enumerate(zip(a, b, strict=True))
                if (d := first_difference(x, y, f"{path}/{i}", left, right))
            ),
            None,
        )
    return None if same(a, b) else f"{path or '/'}: {left} {a!r}, {right} {b!r}"
