"""The words around any node of a spec: descriptions, examples, annotations and deprecation.

Every kind of node (the document's info, an operation, a parameter, a response, a schema) carries
them, and they are compared the same way everywhere, so they are compared here once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..spec.specshape import show

Emit = Callable[[str, str, str], None]  # (rule id, location, detail)

DOC_KEYS = ("title", "summary", "description", "$comment", "externalDocs")
EXAMPLE_KEYS = ("example", "examples")
WORD_KEYS = frozenset({*DOC_KEYS, *EXAMPLE_KEYS, "deprecated"})
# Extensions that change how the generated client behaves (the runtime retries on x-idempotent).
BEHAVIOUR_EXTENSIONS = frozenset({"x-idempotent"})


def extensions(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if isinstance(key, str) and key.startswith("x-")}


def compare_words(
    emit: Emit, location: str, old: dict[str, Any], new: dict[str, Any], *, handled: frozenset[str] = frozenset()
) -> None:
    """Descriptions, examples, ``x-`` annotations (except those in ``handled``) and ``deprecated``."""
    for key in DOC_KEYS:
        if old.get(key) != new.get(key):
            emit("description-changed", location, f"{key} changed")
    if any(old.get(key) != new.get(key) for key in EXAMPLE_KEYS):
        emit("example-changed", location, "examples changed")
    old_x, new_x = extensions(old), extensions(new)
    changed = sorted(
        key for key in old_x.keys() | new_x.keys() if key not in handled and old_x.get(key) != new_x.get(key)
    )
    for key in (key for key in changed if key in BEHAVIOUR_EXTENSIONS):
        detail = f"{key}: {show(old_x.get(key))} -> {show(new_x.get(key))} (the client's retries follow it)"
        emit("behaviour-changed", location, detail)
    annotations = [key for key in changed if key not in BEHAVIOUR_EXTENSIONS]
    if annotations:
        emit("extension-changed", location, f"{', '.join(annotations)} changed")
    if bool(old.get("deprecated")) != bool(new.get("deprecated")):
        emit("deprecation-changed", location, "deprecated" if new.get("deprecated") else "no longer deprecated")
