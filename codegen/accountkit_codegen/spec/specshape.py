"""Read a parsed spec of any shape without tripping over it: the differ's defensive accessors.

The differ compares specs at old git refs that today's validation would reject, so nothing about their
shape can be assumed: a mapping may be a list, a status code an int (YAML reads ``200:`` as one), a
value a date. These helpers give the walker and the schema comparer a mapping or a list whatever they
find, and ``problem`` finds what no comparison can survive: a document that contains itself (a recursive
YAML alias) or expands, through aliases, beyond any real spec's size.
"""

from __future__ import annotations

import json
from typing import Any

# A real spec has a few thousand nodes; aliases that expand past this are a billion-laughs document.
MAX_NODES = 1_000_000
MAX_NESTING = 200


def mapping(value: Any) -> dict[str, Any]:
    """``value`` if it is a mapping (keys as text, so ``200`` and ``'200'`` are one status), else ``{}``."""
    if not isinstance(value, dict):
        return {}
    if all(isinstance(key, str) for key in value):
        return value
    return {str(key): item for key, item in value.items()}


def sequence(value: Any) -> list[Any]:
    """``value`` if it is a list, else ``[]``."""
    return value if isinstance(value, list) else []


def text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def show(value: Any) -> str:
    """A value as compact JSON for a change's detail (YAML dates and other scalars as their text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def ordered(keys: Any) -> list[Any]:
    """Keys of mixed types in a stable order (``sorted`` alone fails on ``200`` next to ``'4XX'``)."""
    return sorted(keys, key=lambda key: (not isinstance(key, str), str(key)))


def problem(document: Any) -> str | None:
    """Why ``document`` cannot be compared at all, or None: a recursive alias, or too big once expanded.

    One pass over the document's distinct nodes: a node met again while it is still being walked is a
    cycle; the expanded size of a shared node is counted once and reused (aliases make a DAG, not a
    tree), so the pass stays linear even for a document that would expand exponentially.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(document, 0, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if not isinstance(node, dict | list):
            continue
        key = id(node)
        children = list(node.values()) if isinstance(node, dict) else node
        if children_done:
            on_path.discard(key)
            total = 1 + sum(size.get(id(child), 1) for child in children)
            size[key] = total
            if total > MAX_NODES:
                return f"it expands (through YAML aliases) to more than {MAX_NODES} values"
            continue
        if key in size:
            continue
        if key in on_path:
            return "it contains itself (a recursive YAML alias)"
        if depth > MAX_NESTING:
            return f"it is nested more than {MAX_NESTING} levels deep"
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children)
    return None
