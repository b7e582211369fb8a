"""Follow a spec's local ``$ref``s and normalise schemas, so the differ compares meaning rather than spelling.

Two specs can say the same thing in different words: a property written inline or as a ``$ref`` to a
component, ``const: x`` or ``enum: [x]``, an ``allOf`` of pieces or one object, a nullable written as
``anyOf: [X, {type: 'null'}]`` or as ``type: [..., 'null']``. ``specdiff`` compares the normal form
produced here, so a refactoring of the spec's text does not show up as an API change. Only local
references (``#/...``) are followed, the only kind the project's specs use; any other ``$ref`` is kept
as it is and compared as an opaque string.
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
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if ref.startswith("#/") else None


def deref(document: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """Follow a chain of local ``$ref``s; return (the target, the first ``$ref`` followed or None).

    Keys written beside a ``$ref`` (allowed in 3.1, used here for per-use descriptions) override the
    target's, exactly as a reader of the spec understands them.
    """
    first: str | None = None
    seen: set[str] = set()
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


def types_of(schema: dict[str, Any]) -> set[str] | None:
    """The schema's ``type`` as a set; None when it has none (any type is allowed)."""
    declared = schema.get("type")
    if declared is None:
        return None
    return {declared} if isinstance(declared, str) else set(declared)


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and types_of(schema) == {"null"} and len(schema) <= 2


def _merge_all_of(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """One schema equivalent (for comparison) to an ``allOf`` of object pieces plus its siblings."""
    merged: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    required: list[str] = []
    pieces = [normalise(document, piece)[0] for piece in schema["allOf"]]
    own = {key: value for key, value in schema.items() if key != "allOf"}
    for piece in [*pieces, own]:
        properties.update(piece.get("properties") or {})
        required.extend(name for name in piece.get("required") or [] if name not in required)
        for key, value in piece.items():
            if key not in ("properties", "required"):
                merged[key] = value if piece is own else merged.get(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def _collapse_nullable(document: dict[str, Any], schema: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """``anyOf``/``oneOf`` of one schema and ``{type: 'null'}`` as that schema with ``'null'`` added."""
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if not isinstance(branches, list) or len(branches) != 2:
            continue
        resolved = [deref(document, branch)[0] for branch in branches]
        nulls = [_is_null_schema(branch) for branch in resolved]
        if nulls.count(True) != 1:
            continue
        other, ref = normalise(document, branches[nulls.index(False)])
        siblings = {name: value for name, value in schema.items() if name != key}
        collapsed = {**other, **siblings}
        other_types = types_of(other)
        if other_types is not None:
            collapsed["type"] = sorted(other_types | {"null"})
        return collapsed, ref
    return schema, None


def normalise(document: dict[str, Any], node: Any) -> tuple[dict[str, Any], str | None]:
    """The schema at ``node`` in normal form, and the ``$ref`` it was reached through (if any)."""
    schema, ref = deref(document, node)
    if not isinstance(schema, dict):
        return {}, ref  # a boolean schema: nothing to compare inside it
    if isinstance(schema.get("allOf"), list):
        schema = _merge_all_of(document, schema)
    schema, nullable_ref = _collapse_nullable(document, schema)
    if "const" in schema and "enum" not in schema:
        schema = {
            **{key: value for key, value in schema.items() if key != "const"},
            "enum": [schema["const"]],
        }
    return schema, ref or nullable_ref


def component_name(ref: str | None) -> str | None:
    """``X`` for ``#/components/schemas/X`` (the name of the generated model class), else None."""
    if ref and ref.startswith(COMPONENT_SCHEMAS):
        return ref[len(COMPONENT_SCHEMAS) :].replace("~1", "/").replace("~0", "~")
    return None
