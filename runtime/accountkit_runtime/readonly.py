"""Read-only fields: found in a request body and left out of what is sent, naming them in one warning.

The spec marks ``readOnly`` what the vendor sets (an ``effective_flag_value``, a status, an inherited
list). Such fields reach a request body mostly one way: a record read from the API, changed, and sent
back (PortaBilling's ``get_account_info`` → ``update_account``; PortaOne's own clients do exactly that).
Sending them would be refused by a strict server or ignored by a lenient one; refusing the whole call
would make the round trip impossible. So they are dropped from the body before it is validated and
sent, and the caller is told which in one ``ReadOnlyFieldsDropped`` warning per call. This holds for
every API and whether or not requests are validated (``validate_requests=False``): a read-only field is
never sent.

The paths come from the spec at generation time (``Operation.read_only``: dotted names, ``*`` for every
item of an array); they are walked as a trie, following only the branches that lead to a read-only
field, so a body without one costs one short walk and is not copied. A body with one is copied along
the paths that change, never edited in place: a caller's own dict stays as it was.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_LEAF = ""  # a trie key no JSON field name can collide with in meaning: the path ends here


@cache
def _trie(paths: tuple[str, ...]) -> dict[str, Any]:
    """The dotted paths as a trie, built once per operation."""
    trie: dict[str, Any] = {}
    for path in paths:
        node = trie
        for part in path.split("."):
            node = node.setdefault(part, {})
        node[_LEAF] = {}
    return trie


def find(body: Any, paths: tuple[str, ...]) -> list[str]:
    """The read-only fields present in ``body``, as dotted paths with item indexes (``a.b[0].c``)."""
    return drop(body, paths)[1]


def drop(body: Any, paths: tuple[str, ...]) -> tuple[Any, list[str]]:
    """``body`` without its read-only fields (a copy where it changes), and the fields left out."""
    if not paths:
        return body, []
    found: list[str] = []
    return _without(body, _trie(paths), "", found), found


def _shown(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def _without(value: Any, trie: dict[str, Any], shown: str, found: list[str]) -> Any:
    """``value`` with the trie's leaves removed; the same object when nothing under it is removed."""
    items = trie.get("*")
    if items is not None and isinstance(value, list):
        kept = [_without(item, items, f"{shown}[{index}]", found) for index, item in enumerate(value)]
        return kept if any(new is not old for new, old in zip(kept, value, strict=True)) else value
    if not isinstance(value, dict):
        return value
    changed: dict[str, Any] | None = None
    for key, subtrie in trie.items():
        if key == "*" or key not in value:
            continue
        if _LEAF in subtrie:
            found.append(_shown(shown, key))
            changed = changed if changed is not None else dict(value)
            del changed[key]
            continue
        new = _without(value[key], subtrie, _shown(shown, key), found)
        if new is not value[key]:
            changed = changed if changed is not None else dict(value)
            changed[key] = new
    return changed if changed is not None else value
