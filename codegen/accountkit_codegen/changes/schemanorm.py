"""Schemas in normal form, so the differ compares what a schema allows rather than how it is spelt.

Two specs can say the same thing in different words: a property inline or behind a ``$ref``,
``const: x`` or ``enum: [x]``, an ``allOf`` of pieces or one object, a nullable as
``anyOf: [X, {type: 'null'}]``, as ``type: [..., 'null']`` or (OpenAPI 3.0, which old refs may be
in) as ``nullable: true``, an exclusive bound as 3.1's ``exclusiveMinimum: 5`` or 3.0's
``minimum: 5, exclusiveMinimum: true``. ``normalise`` turns each into one form, shallowly: the schemas
nested inside (properties, items, branches) stay as they are, to be normalised when the comparer
reaches them. That keeps a self-referencing schema finite here; the comparer stops at the cycle.

``allOf`` is an intersection, and merged as one: the union of properties and required names, the
intersection of types and enums, the tightest bound of each kind (the largest minimum, the smallest
maximum), every pattern kept. A property or ``items`` schema given by several pieces becomes a
``MergedSchema`` (an ``allOf`` of them, merged in turn when compared). A value of the wrong shape
(``required: name``, ``properties: [...]``) is kept under ``"<keyword> (malformed)"``, so a change to
it is still seen, as a change of an unknown keyword.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from ..spec.specresolve import deref
from ..spec.specshape import show
from .diffmodel import SpecReadError

# allOf inside allOf (inline, or through references that are not cycles) deeper than this is refused.
MAX_ALL_OF_DEPTH = 64

LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains")
FLAGS = ("readOnly", "writeOnly", "deprecated", "uniqueItems")
# Keywords holding a mapping of names to schemas: merged name by name.
SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")
# Keywords holding one schema where allOf pieces intersect (``False`` in any piece wins).
SCHEMA_SLOTS = ("items", "additionalProperties")


class MergedSchema(dict):  # type: ignore[type-arg]
    """``{"allOf": parts}`` built while merging, with an identity that stays the same on every merge.

    The comparer stops at a pair of schemas it is already comparing; a schema made afresh on each
    merge would never be "the same" one, so it carries the identity of the parts it was made from.
    """

    def __init__(self, parts: list[Any]) -> None:
        super().__init__(allOf=parts)
        self.identity: Hashable = ("allOf", tuple(node_identity(part) for part in parts))


def node_identity(node: Any) -> Hashable:
    """What makes two visits of a schema node the same node: its reference, its merge, or the object."""
    if isinstance(node, MergedSchema):
        return node.identity
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return ("ref", node["$ref"], len(node))
    return ("id", id(node))


def types_of(schema: dict[str, Any]) -> set[str] | None:
    """The schema's ``type`` as a set; None when it has none (any type is allowed)."""
    declared = schema.get("type")
    if declared is None:
        return None
    return {declared} if isinstance(declared, str) else {str(kind) for kind in declared}


def normalise(document: dict[str, Any], node: Any) -> tuple[dict[str, Any], str | None]:
    """The schema at ``node`` in normal form, and the ``$ref`` it was reached through (if any)."""
    return _normalise(document, node, frozenset(), 0)


def _normalise(
    document: dict[str, Any], node: Any, chain: frozenset[str], depth: int
) -> tuple[dict[str, Any], str | None]:
    if depth > MAX_ALL_OF_DEPTH:
        raise SpecReadError(f"allOf/anyOf nested more than {MAX_ALL_OF_DEPTH} levels deep; cannot compare")
    target, ref = deref(document, node)
    if ref is not None and ref in chain:
        return {}, ref  # an allOf that contains itself: the repeated piece adds nothing (A and A is A)
    schema = _tidy(_as_schema(target))
    schema = _from_openapi_30(schema)
    inner = chain | {ref} if ref else chain
    if isinstance(schema.get("allOf"), list):
        schema = _merge_all_of(document, schema, inner, depth + 1)
    schema, nullable_ref = _collapse_nullable(document, schema, inner, depth + 1)
    schema = _const_as_enum(schema)
    if isinstance(schema.get("pattern"), str):
        schema = {**schema, "pattern": [schema["pattern"]]}
    return schema, ref or nullable_ref


def _as_schema(value: Any) -> dict[str, Any]:
    """A schema as a mapping: ``true``/absent allow anything, ``false`` nothing; anything else is kept."""
    if value is None or value is True:
        return {}
    if value is False:
        return {"not": {}}
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    return {"(not a schema)": value}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_schema(value: Any) -> bool:
    return isinstance(value, dict | bool)


def _is_names(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_types(value: Any) -> bool:
    return isinstance(value, str) or _is_names(value)


SHAPES: dict[str, Callable[[Any], bool]] = {
    "type": _is_types,
    "required": _is_names,
    "enum": lambda value: isinstance(value, list),
    "x-extensible-enum": lambda value: isinstance(value, list),
    "properties": lambda value: isinstance(value, dict),
    "patternProperties": lambda value: isinstance(value, dict),
    "dependentSchemas": lambda value: isinstance(value, dict),
    "items": _is_schema,
    "additionalProperties": _is_schema,
    "allOf": lambda value: isinstance(value, list),
    "anyOf": lambda value: isinstance(value, list),
    "oneOf": lambda value: isinstance(value, list),
    "pattern": lambda value: isinstance(value, str),
    "format": lambda value: isinstance(value, str),
    "multipleOf": lambda value: _is_number(value) and value > 0,
    "exclusiveMinimum": lambda value: _is_number(value) or isinstance(value, bool),
    "exclusiveMaximum": lambda value: _is_number(value) or isinstance(value, bool),
    "nullable": lambda value: isinstance(value, bool),
    **{bound: _is_number for bound in LOWER_BOUNDS + UPPER_BOUNDS if not bound.startswith("exclusive")},
    **{flag: lambda value: isinstance(value, bool) for flag in FLAGS},
}


def _tidy(schema: dict[str, Any]) -> dict[str, Any]:
    """Move a value of the wrong shape out of its keyword's way (``"<keyword> (malformed)"``)."""
    if all(key not in SHAPES or SHAPES[key](value) for key, value in schema.items()):
        return schema
    return {
        key if key not in SHAPES or SHAPES[key](value) else f"{key} (malformed)": value for key, value in schema.items()
    }


def _from_openapi_30(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0's ``nullable: true`` and boolean ``exclusiveMinimum``/``exclusiveMaximum`` in 3.1 form."""
    if not any(key in schema for key in ("nullable", "exclusiveMinimum", "exclusiveMaximum")):
        return schema
    schema = dict(schema)
    if schema.pop("nullable", False) is True:
        types = types_of(schema)
        if types is not None:
            schema["type"] = sorted(types | {"null"})
    for exclusive, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        if isinstance(flag, bool):
            del schema[exclusive]
            if flag and _is_number(schema.get(inclusive)):
                schema[exclusive] = schema.pop(inclusive)
    return schema


def _merge_all_of(
    document: dict[str, Any], schema: dict[str, Any], chain: frozenset[str], depth: int
) -> dict[str, Any]:
    """One schema equivalent (for comparison) to an ``allOf`` of pieces plus the keywords beside it."""
    own = {key: value for key, value in schema.items() if key != "allOf"}
    pieces = [_normalise(document, piece, chain, depth)[0] for piece in schema["allOf"]]
    return intersect([own, *pieces])


def intersect(schemas: list[dict[str, Any]]) -> dict[str, Any]:
    """The schemas' intersection, keyword by keyword; annotations come from the first one that has them."""
    merged: dict[str, Any] = {}
    keys = list(dict.fromkeys(key for schema in schemas for key in schema))
    for key in keys:
        values = [schema[key] for schema in schemas if key in schema]
        if key == "pattern":
            merged[key] = sorted({pattern for value in values for pattern in _as_list(value)})
        elif len(values) == 1:
            merged[key] = values[0]
        else:
            merged.update(_combine(key, values))
    return merged


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _combine(key: str, values: list[Any]) -> dict[str, Any]:
    """The merged keyword(s) for ``key`` given by several allOf pieces."""
    if key == "type":
        return {key: _intersect_types(values)}
    if key in ("enum", "x-extensible-enum"):
        return {key: _intersect_values(values)}
    if key == "required":
        return {key: list(dict.fromkeys(name for value in values for name in value))}
    if key in SCHEMA_MAPS:
        names = dict.fromkeys(name for value in values for name in value)
        return {key: {name: _one_schema([value[name] for value in values if name in value]) for name in names}}
    if key in SCHEMA_SLOTS:
        if any(value is False for value in values):
            return {key: False}
        schemas = [value for value in values if isinstance(value, dict)]
        return {key: _one_schema(schemas) if schemas else True}
    if key in LOWER_BOUNDS:
        return {key: max(values)}
    if key in UPPER_BOUNDS:
        return {key: min(values)}
    if key in FLAGS:
        return {key: any(values)}
    if key == "multipleOf":
        return {key: _multiple_of(values)}
    distinct = _distinct(values)
    if len(distinct) == 1:
        return {key: distinct[0]}
    if key == "format":
        return {key: sorted(str(value) for value in distinct)}  # contradictory formats: kept, all of them
    if key in ("anyOf", "oneOf", "$ref") or key in VALIDATION_KEYWORDS:
        # Several pieces each constrain: keep every one, the first in place, the others beside it.
        extra = {f"{key} (allOf piece {index})": value for index, value in enumerate(distinct[1:], start=2)}
        return {key: distinct[0], **extra}
    return {key: values[0]}  # an annotation (description, default, example, x-...): the outermost one


def _distinct(values: Iterable[Any]) -> list[Any]:
    seen: dict[str, Any] = {}
    for value in values:
        seen.setdefault(show(value), value)
    return list(seen.values())


def _one_schema(schemas: list[Any]) -> Any:
    distinct = _distinct(schemas)
    return distinct[0] if len(distinct) == 1 else MergedSchema(distinct)


def _intersect_types(values: list[Any]) -> Any:
    result: set[str] | None = None
    for value in values:
        types = {value} if isinstance(value, str) else set(value)
        if result is None:
            result = types
            continue
        both = {kind for kind in result if kind in types or (kind == "integer" and "number" in types)}
        both |= {kind for kind in types if kind == "integer" and "number" in result}
        result = both
    ordered = sorted(result or ())
    return ordered[0] if len(ordered) == 1 else ordered


def _intersect_values(values: list[list[Any]]) -> list[Any]:
    allowed = [{show(item) for item in value} for value in values[1:]]
    return [item for item in values[0] if all(show(item) in keys for keys in allowed)]


def _multiple_of(values: list[Any]) -> Any:
    distinct = _distinct(values)
    if len(distinct) == 1:
        return distinct[0]
    if all(isinstance(value, int) for value in distinct):
        return math.lcm(*distinct)  # a multiple of each is a multiple of their least common multiple
    return sorted(distinct)


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") in ("null", ["null"]) and len(schema) <= 2


def _collapse_nullable(
    document: dict[str, Any], schema: dict[str, Any], chain: frozenset[str], depth: int
) -> tuple[dict[str, Any], str | None]:
    """``anyOf``/``oneOf`` of one schema and ``{type: 'null'}`` as that schema with ``'null'`` added."""
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if not isinstance(branches, list) or len(branches) != 2:
            continue
        resolved = [deref(document, branch)[0] for branch in branches]
        nulls = [_is_null_schema(branch) for branch in resolved]
        if nulls.count(True) != 1:
            continue
        other, ref = _normalise(document, branches[nulls.index(False)], chain, depth)
        siblings = {name: value for name, value in schema.items() if name != key}
        collapsed = intersect([siblings, other]) if siblings else dict(other)
        other_types = types_of(other)
        if other_types is not None:
            collapsed["type"] = sorted(other_types | {"null"})
        return collapsed, ref
    return schema, None


def _const_as_enum(schema: dict[str, Any]) -> dict[str, Any]:
    if "const" not in schema:
        return schema
    rest = {key: value for key, value in schema.items() if key != "const"}
    const = [schema["const"]]
    rest["enum"] = _intersect_values([const, rest["enum"]]) if isinstance(rest.get("enum"), list) else const
    return rest


# Assertions on a value beyond type, enum, format, pattern and bounds. The generated clients do not
# check them, but the vendor's server may: added to a request, they may refuse what it accepted.
VALIDATION_KEYWORDS = frozenset(
    {
        "not", "if", "then", "else", "contains", "prefixItems", "additionalItems", "dependentRequired",
        "dependentSchemas", "dependencies", "patternProperties", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "contentSchema", "contentMediaType", "contentEncoding",
    }
)  # fmt: skip
