"""Follow a spec's local ``$ref``s: the JSON pointer they name, and the component name behind one.

Only local references (``#/...``) are followed, the only kind the project's specs use; any other
``$ref`` is left in place and compared as an opaque string. Chains of references are followed without
recursion and stop at a reference met before, so a self-referencing component cannot loop.
"""

from __future__ import annotations

from typing import Any

COMPONENT_SCHEMAS = "#/components/schemas/"


def pointer(document: dict[str, Any], ref: str) -> Any:
    """The node a local JSON pointer (``#/a/b``) names, or None when it names nothing."""
    node: Any = document
    for raw in ref[1:].split("/")[1:] if ref.startswith("#/") else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif part.isdigit() and (
            isinstance(node, list) and int(part) < len(node) or isinstance(node, dict) and int(part) in node
        ):
            node = node[int(part)]  # a list index, or a key YAML read as an int (`200:`)
        else:
            return None
    return node if ref.startswith("#/") else None


def deref(document: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """Follow a chain of local ``$ref``s; return (the target, the first ``$ref`` followed or None).

    Keys written beside a ``$ref`` (allowed in 3.1, used here for per-use descriptions) override the
    target's, exactly as a reader of the spec understands them.
    """
    first: str | None = None
    seen: set[str] = set()  # a chain that comes back to a reference (A -> B -> A) stops there
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        target = pointer(document, ref)
        if target is None or ref in seen:
            break
        seen.add(ref)
        first = first or ref
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node = {**target, **siblings} if isinstance(target, dict) else target
    return node, first


def component_name(ref: str | None) -> str | None:
    """``X`` for ``#/components/schemas/X`` (the name of the generated model class), else None."""
    if ref and ref.startswith(COMPONENT_SCHEMAS):
        return ref[len(COMPONENT_SCHEMAS) :].replace("~1", "/").replace("~0", "~")
    return None
