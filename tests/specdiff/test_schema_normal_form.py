"""The normal form the differ compares: allOf as an intersection, OpenAPI 3.0 spellings, and cycles.

The first tests look at ``normalise`` itself; the cycle tests diff whole specs whose schemas refer to
themselves (directly, mutually, through allOf, anyOf, oneOf, items, properties and
additionalProperties) and check that the diff ends, finds what changed, and calls equal cycles equal.
"""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest
from accountkit_codegen.changes.diffmodel import SpecReadError
from accountkit_codegen.changes.schemadiff import MAX_SCHEMA_DEPTH, member_names
from accountkit_codegen.changes.schemanorm import MAX_ALL_OF_DEPTH, MergedSchema, normalise
from accountkit_codegen.changes.specdiff import diff
from rulecases import REQUEST, RESPONSE, operation, request_props, response_props, schema, summary

Doc = dict[str, Any]


def norm(node: Any, document: Doc | None = None) -> Doc:
    return normalise(document or {}, node)[0]


def test_all_of_intersects_every_kind_of_constraint() -> None:
    merged = norm(
        {
            "description": "outer words win",
            "allOf": [
                {
                    "type": ["integer", "string", "null"],
                    "minimum": 1,
                    "maximum": 100,
                    "exclusiveMaximum": 90,
                    "minLength": 2,
                    "required": ["a"],
                    "enum": [1, 2, 3, "x"],
                    "pattern": "^a",
                    "readOnly": False,
                    "description": "inner words",
                },
                {
                    "type": ["number", "null"],
                    "minimum": 5,
                    "maximum": 50,
                    "minLength": 1,
                    "maxLength": 9,
                    "required": ["b", "a"],
                    "enum": [3, 2, 7],
                    "pattern": "b$",
                    "readOnly": True,
                    "multipleOf": 4,
                },
                {"multipleOf": 6},
            ],
        }
    )
    assert merged == {
        "description": "outer words win",
        "type": ["integer", "null"],  # integer ∩ number is integer; string is in one piece only
        "minimum": 5,  # the largest minimum
        "maximum": 50,  # the smallest maximum
        "exclusiveMaximum": 90,
        "minLength": 2,
        "maxLength": 9,
        "required": ["a", "b"],  # every required name
        "enum": [2, 3],  # the values every piece allows, in the first piece's order
        "pattern": ["^a", "b$"],  # every pattern must match: all kept
        "readOnly": True,
        "multipleOf": 12,  # a multiple of 4 and of 6
    }


def test_all_of_merges_properties_name_by_name() -> None:
    merged = norm(
        {
            "allOf": [
                {"properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "additionalProperties": False},
                {"properties": {"a": {"maxLength": 3}}, "additionalProperties": {"type": "string"}},
            ]
        }
    )
    assert merged["properties"]["b"] == {"type": "integer"}
    assert isinstance(merged["properties"]["a"], MergedSchema)
    assert norm(merged["properties"]["a"]) == {"type": "string", "maxLength": 3}
    assert merged["additionalProperties"] is False  # closed by one piece: closed


def test_all_of_of_references_is_followed() -> None:
    document = {"components": {"schemas": {"Base": {"type": "object", "required": ["id"], "minProperties": 1}}}}
    merged = norm({"allOf": [{"$ref": "#/components/schemas/Base"}, {"required": ["name"]}]}, document)
    assert merged == {"type": "object", "required": ["id", "name"], "minProperties": 1}


def test_nullable_and_exclusive_bounds_of_openapi_30_read_as_31() -> None:
    assert norm({"type": "string", "nullable": True}) == {"type": ["null", "string"]}
    assert norm({"type": "string", "nullable": False}) == {"type": "string"}
    assert norm({"nullable": True}) == {}  # no type: any value, null included, already
    assert norm({"minimum": 5, "exclusiveMinimum": True}) == {"exclusiveMinimum": 5}
    assert norm({"maximum": 5, "exclusiveMaximum": False}) == {"maximum": 5}
    assert norm({"exclusiveMinimum": True}) == {}  # a flag without a bound says nothing


def test_const_and_nullable_branches_read_as_enum_and_type() -> None:
    assert norm({"const": "a"}) == {"enum": ["a"]}
    assert norm({"const": "a", "enum": ["a", "b"]}) == {"enum": ["a"]}
    assert norm({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}], "description": "d"}) == {
        "description": "d",
        "type": ["integer", "null"],
        "minimum": 0,
    }


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        pytest.param(True, {}, id="true allows anything"),
        pytest.param(None, {}, id="an empty schema"),
        pytest.param(False, {"not": {}}, id="false allows nothing"),
        pytest.param(42, {"(not a schema)": 42}, id="a number"),
        pytest.param({"required": "name"}, {"required (malformed)": "name"}, id="required as a string"),
        pytest.param({"properties": ["a"]}, {"properties (malformed)": ["a"]}, id="properties as a list"),
        pytest.param(
            {"type": 7, "maxLength": "9"}, {"type (malformed)": 7, "maxLength (malformed)": "9"}, id="bad values"
        ),
        pytest.param({200: {"type": "string"}}, {"200": {"type": "string"}}, id="a key YAML read as an int"),
    ],
)
def test_values_of_the_wrong_shape_are_kept_aside(node: Any, expected: Any) -> None:
    assert norm(node) == expected


def test_a_malformed_value_that_changes_is_still_reported(spec: dict[str, Any]) -> None:
    old = copy.deepcopy(spec)
    request_props(old)["email"]["required"] = "a"
    new = copy.deepcopy(old)
    request_props(new)["email"]["required"] = "b"
    assert summary(diff(old, new)) == [("schema-keyword-changed", "info", f"{REQUEST} email")]


# -- cycles ---------------------------------------------------------------------------------------------

REF = "#/components/schemas/"


def with_schemas(spec: Doc, schemas: Doc, request_ref: str, response_ref: str | None = None) -> Doc:
    spec = copy.deepcopy(spec)
    spec["components"]["schemas"].update(copy.deepcopy(schemas))
    request_props(spec)["tree"] = {"$ref": REF + request_ref}
    response_props(spec)["tree"] = {"$ref": REF + (response_ref or request_ref)}
    return spec


CYCLES: dict[str, dict[str, Any]] = {
    "self through allOf": {
        "Node": {"allOf": [{"$ref": REF + "Node"}, {"type": "object", "properties": {"label": {"type": "string"}}}]}
    },
    "self through anyOf": {
        "Node": {
            "type": "object",
            "properties": {"label": {"type": "string"}},
            "anyOf": [{"$ref": REF + "Node"}, {"type": "object"}],
        }
    },
    "self through oneOf": {
        "Node": {
            "type": "object",
            "properties": {"label": {"type": "string"}},
            "oneOf": [{"$ref": REF + "Node"}, {"type": "object"}],
        }
    },
    "self through items": {
        "Node": {
            "type": "object",
            "properties": {"label": {"type": "string"}, "children": {"type": "array", "items": {"$ref": REF + "Node"}}},
        }
    },
    "self through properties": {
        "Node": {"type": "object", "properties": {"label": {"type": "string"}, "next": {"$ref": REF + "Node"}}}
    },
    "self through additionalProperties": {
        "Node": {
            "type": "object",
            "properties": {"label": {"type": "string"}},
            "additionalProperties": {"$ref": REF + "Node"},
        }
    },
    "mutual through allOf": {
        "Node": {"allOf": [{"$ref": REF + "Other"}], "properties": {"label": {"type": "string"}}},
        "Other": {"allOf": [{"$ref": REF + "Node"}], "type": "object"},
    },
    "mutual through properties": {
        "Node": {"type": "object", "properties": {"label": {"type": "string"}, "other": {"$ref": REF + "Other"}}},
        "Other": {"type": "object", "properties": {"node": {"$ref": REF + "Node"}}},
    },
    "mutual through anyOf and items": {
        "Node": {
            "type": "object",
            "properties": {"label": {"type": "string"}},
            "anyOf": [{"$ref": REF + "Other"}, {"type": "object"}],
        },
        "Other": {"type": "array", "items": {"$ref": REF + "Node"}},
    },
    "a reference to itself": {
        "Node": {"$ref": REF + "Node"},
        "Other": {"type": "object", "properties": {"label": {"type": "string"}}},
    },
    "allOf of itself only": {"Node": {"allOf": [{"$ref": REF + "Node"}]}},
}


@pytest.mark.parametrize("schemas", list(CYCLES.values()), ids=list(CYCLES))
def test_a_cycle_compares_equal_to_the_same_cycle(spec: dict[str, Any], schemas: dict[str, Any]) -> None:
    old = with_schemas(spec, schemas, "Node")
    assert diff(old, copy.deepcopy(old)) == []


@pytest.mark.parametrize(
    "schemas",
    [value for key, value in CYCLES.items() if "label" in str(value["Node"])],
    ids=[key for key, value in CYCLES.items() if "label" in str(value["Node"])],
)
def test_a_change_inside_a_cycle_is_found_once_per_direction(spec: dict[str, Any], schemas: dict[str, Any]) -> None:
    old = with_schemas(spec, schemas, "Node")
    new = copy.deepcopy(old)
    node = schema(new, "Node")
    props = node["properties"] if "properties" in node else node["allOf"][1]["properties"]
    props.pop("label")
    found = summary(diff(old, new))
    assert ("request-property-removed", "breaking", f"{REQUEST} tree.label") in found
    assert ("response-property-removed", "breaking", f"{RESPONSE} tree.label") in found


def test_cycles_of_different_shapes_are_compared_without_end(spec: dict[str, Any]) -> None:
    """A self-loop on one side, a two-step loop on the other: finite, and the difference is found."""
    self_loop = {"Node": {"type": "object", "properties": {"next": {"$ref": REF + "Node"}}}}
    two_steps = {
        "Node": {"type": "object", "properties": {"next": {"$ref": REF + "Hop"}}},
        "Hop": {"type": "object", "properties": {"next": {"$ref": REF + "Node"}, "extra": {"type": "string"}}},
    }
    found = summary(diff(with_schemas(spec, self_loop, "Node"), with_schemas(spec, two_steps, "Node")))
    assert ("request-property-added", "info", f"{REQUEST} tree.next.extra") in found


def test_the_issues_self_referencing_all_of_no_longer_recurses(spec: dict[str, Any]) -> None:
    old = with_schemas(spec, CYCLES["self through allOf"], "Node")
    new = copy.deepcopy(old)
    schema(new, "Node")["allOf"][1]["properties"]["label"]["maxLength"] = 5
    assert summary(diff(old, new)) == [
        ("request-constraint-tightened", "breaking", f"{REQUEST} tree.label"),
        ("response-constraint-tightened", "info", f"{RESPONSE} tree.label"),
    ]


def nested(levels: int, leaf: Doc) -> Doc:
    for _ in range(levels):
        leaf = {"type": "object", "properties": {"x": leaf}}
    return leaf


def test_schemas_nested_beyond_any_real_depth_are_a_typed_error(spec: dict[str, Any]) -> None:
    old, new = copy.deepcopy(spec), copy.deepcopy(spec)
    request_props(old)["deep"] = nested(MAX_SCHEMA_DEPTH + 5, {"type": "string"})
    request_props(new)["deep"] = nested(MAX_SCHEMA_DEPTH + 5, {"type": "integer"})  # a change at the bottom
    with pytest.raises(SpecReadError, match="nested more than"):
        diff(old, new)
    assert sys.getrecursionlimit() <= 1000  # the guard works within Python's default limit


def test_arrays_nested_beyond_any_real_depth_are_a_typed_error(spec: dict[str, Any]) -> None:
    """Array items count as a level too: without that, a deep enough array exhausts the stack instead."""
    old, new = copy.deepcopy(spec), copy.deepcopy(spec)
    for doc, kind in ((old, "string"), (new, "integer")):
        deep: Doc = {"type": kind}
        for _ in range(MAX_SCHEMA_DEPTH + 5):
            deep = {"type": "array", "items": deep}
        request_props(doc)["deep"] = deep
    with pytest.raises(SpecReadError, match="nested more than"):
        diff(old, new)


def test_schemas_nested_as_deep_as_allowed_are_compared(spec: dict[str, Any]) -> None:
    old, new = copy.deepcopy(spec), copy.deepcopy(spec)
    request_props(old)["deep"] = nested(MAX_SCHEMA_DEPTH - 2, {"type": "string"})
    request_props(new)["deep"] = nested(MAX_SCHEMA_DEPTH - 2, {"type": "integer"})
    ((rule, level, location),) = summary(diff(old, new))
    assert (rule, level) == ("request-type-changed", "breaking")
    assert location == f"{REQUEST} deep" + ".x" * (MAX_SCHEMA_DEPTH - 2)


def test_integer_enum_members_are_named_as_the_client_generator_names_them() -> None:
    """A negative value's member is VALUE_NEGATIVE_<n>, any other VALUE_<n>: a rename shows as a change."""
    assert member_names({"enum": [-5, 0, 3]}) == {"-5": "VALUE_NEGATIVE_5", "0": "VALUE_0", "3": "VALUE_3"}


def test_all_of_nested_beyond_any_real_depth_is_a_typed_error(spec: dict[str, Any]) -> None:
    old, new = copy.deepcopy(spec), copy.deepcopy(spec)
    for doc, kind in ((old, "string"), (new, "integer")):
        deep: Doc = {"type": kind}
        for _ in range(MAX_ALL_OF_DEPTH + 5):
            deep = {"allOf": [deep]}
        request_props(doc)["deep"] = deep
    with pytest.raises(SpecReadError, match="nested more than"):
        diff(old, new)


def test_an_operation_and_a_cycle_both_change(spec: dict[str, Any]) -> None:
    """A cycle does not hide the rest of the operation."""
    old = with_schemas(spec, CYCLES["self through items"], "Node")
    new = copy.deepcopy(old)
    operation(new)["summary"] = "Another"
    schema(new, "Node")["properties"]["children"]["maxItems"] = 10
    assert summary(diff(old, new)) == [
        ("description-changed", "info", "POST /things/{id}"),
        ("request-constraint-tightened", "breaking", f"{REQUEST} tree.children"),
        ("response-constraint-tightened", "info", f"{RESPONSE} tree.children"),
    ]


@pytest.mark.parametrize("garbage", [[1, 2], "text", 42])
def test_a_document_that_is_not_a_mapping_is_a_typed_error(spec: dict[str, Any], garbage: Any) -> None:
    with pytest.raises(SpecReadError, match="mapping"):
        diff(garbage, spec)
    with pytest.raises(SpecReadError, match="mapping"):
        diff(spec, garbage)
