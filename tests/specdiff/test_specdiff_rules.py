"""Every classification rule of specdiff, one crafted before/after pair each.

Each case changes one thing in the small spec (conftest.py) and expects exactly the listed changes:
(kind, breaking, location). "Exactly" matters: a rule that also fired somewhere else, or a refactoring
that showed up as a change, fails here too.
"""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest
from accountkit_codegen import specdiff
from accountkit_codegen.specdiff import Change, diff

OPERATION = "POST /things/{id}"
REQUEST = f"{OPERATION} request"
RESPONSE = f"{OPERATION} response 200"

Doc = dict[str, Any]


def operation(doc: Doc) -> Doc:
    return doc["paths"]["/things/{id}"]["post"]


def schema(doc: Doc, name: str) -> Doc:
    return doc["components"]["schemas"][name]


def request_props(doc: Doc) -> Doc:
    return schema(doc, "ThingUpdate")["properties"]


def response_props(doc: Doc) -> Doc:
    return schema(doc, "Thing")["properties"]


def summary(changes: list[Change]) -> list[tuple[str, bool, str]]:
    return [(change.kind, change.breaking, change.location) for change in changes]


def run_case(spec: Doc, before: Callable[[Doc], Any] | None, after: Callable[[Doc], Any]) -> list[Change]:
    old = copy.deepcopy(spec)
    if before:
        before(old)
    new = copy.deepcopy(old)
    after(new)
    return diff(old, new)


def case(case_id: str, after: Callable[[Doc], Any], *expected: tuple[str, bool, str], before=None):
    return pytest.param(before, after, list(expected), id=case_id)


def moved_path(doc: Doc) -> None:
    doc["paths"]["/items/{id}"] = doc["paths"].pop("/things/{id}")


def moved_method(doc: Doc) -> None:
    item = doc["paths"]["/things/{id}"]
    item["put"] = item.pop("post")


def add_required_colour(doc: Doc) -> None:
    request_props(doc)["colour"] = {"type": "string"}
    schema(doc, "ThingUpdate")["required"].append("colour")


def add_body(doc: Doc, required: bool) -> None:
    schema_ref = {"$ref": "#/components/schemas/ThingUpdate"}
    operation(doc)["requestBody"] = {
        "required": required,
        "content": {"application/json": {"schema": schema_ref}},
    }


def add_header(doc: Doc) -> None:
    operation(doc)["responses"]["200"]["headers"] = {"X-Rate-Limit": {"schema": {"type": "integer"}}}


def renamed_address(doc: Doc) -> None:
    schemas = doc["components"]["schemas"]
    schemas["Location"] = schemas.pop("Address")
    request_props(doc)["address"] = {"$ref": "#/components/schemas/Location"}


BREAKING = [
    case("operation removed", lambda d: d["paths"].pop("/things/{id}"), ("operation-removed", True, OPERATION)),
    case("path moved", moved_path, ("operation-moved", True, "POST /items/{id}")),
    case("method moved", moved_method, ("operation-moved", True, "PUT /things/{id}")),
    case(
        "operationId renamed",
        lambda d: operation(d).update(operationId="edit_thing"),
        ("operation-renamed", True, OPERATION),
    ),
    case(
        "tag (generated module) changed",
        lambda d: operation(d).update(tags=["items"]),
        ("operation-tag-changed", True, OPERATION),
    ),
    case(
        "security requirement changed",
        lambda d: operation(d).update(security=[{"bearer": []}]),
        ("security-changed", True, OPERATION),
    ),
    case(
        "security removed",
        lambda d: operation(d).update(security=[]),
        ("security-changed", True, OPERATION),
    ),
    case(
        "security scheme changed",
        lambda d: d["components"]["securitySchemes"]["token"].update(name="X-Api-Key"),
        ("security-scheme-changed", True, OPERATION),
    ),
    case(
        "parameter removed",
        lambda d: operation(d)["parameters"].pop(1),
        ("parameter-removed", True, f"{OPERATION} parameter query:verbose"),
    ),
    case(
        "parameter newly required",
        lambda d: operation(d)["parameters"][1].update(required=True),
        ("parameter-now-required", True, f"{OPERATION} parameter query:verbose"),
    ),
    case(
        "required parameter added",
        lambda d: operation(d)["parameters"].append(
            {"name": "dry_run", "in": "query", "required": True, "schema": {"type": "boolean"}}
        ),
        ("required-parameter-added", True, f"{OPERATION} parameter query:dry_run"),
    ),
    case(
        "request property removed",
        lambda d: request_props(d).pop("email"),
        ("property-removed", True, f"{REQUEST} email"),
    ),
    case(
        "nested request property removed",
        lambda d: schema(d, "Address")["properties"].pop("city"),
        ("property-removed", True, f"{REQUEST} address.city"),
    ),
    case(
        "response property removed",
        lambda d: response_props(d).pop("note"),
        ("property-removed", True, f"{RESPONSE} note"),
    ),
    case(
        "property type changed",
        lambda d: request_props(d).update(age={"type": "string"}),
        ("type-changed", True, f"{REQUEST} age"),
    ),
    case(
        "request property type narrowed",
        lambda d: request_props(d)["nickname"].update(type="string"),
        ("type-narrowed", True, f"{REQUEST} nickname"),
    ),
    case(
        "response property type widened",
        lambda d: response_props(d)["note"].update(type=["string", "null"]),
        ("type-widened", True, f"{RESPONSE} note"),
    ),
    case(
        "request property newly required",
        lambda d: schema(d, "ThingUpdate")["required"].append("age"),
        ("property-now-required", True, f"{REQUEST} age"),
    ),
    case(
        "required request property added",
        add_required_colour,
        ("required-property-added", True, f"{REQUEST} colour"),
    ),
    case(
        "request enum value removed",
        lambda d: request_props(d)["kind"].update(enum=["a"]),
        ("enum-value-removed", True, f"{REQUEST} kind"),
    ),
    case(
        "request enum introduced",
        lambda d: request_props(d)["email"].update(enum=["a@example.com"]),
        ("enum-added", True, f"{REQUEST} email"),
    ),
    case(
        "response enum value added",
        lambda d: response_props(d)["status"].update(enum=["active", "closed", "suspended"]),
        ("enum-value-added", True, f"{RESPONSE} status"),
    ),
    case(
        "response enum dropped",
        lambda d: response_props(d)["status"].pop("enum"),
        ("enum-removed", True, f"{RESPONSE} status"),
    ),
    case(
        "response property no longer required",
        lambda d: schema(d, "Thing").update(required=[]),
        ("property-now-optional", True, f"{RESPONSE} id"),
    ),
    case(
        "response typed format changed",
        lambda d: response_props(d)["created"].update(format="date"),
        ("format-changed", True, f"{RESPONSE} created"),
    ),
    case(
        "request format added",
        lambda d: request_props(d)["email"].update(format="email"),
        ("constraint-tightened", True, f"{REQUEST} email"),
    ),
    case(
        "request format changed",
        lambda d: request_props(d)["born"].update(format="date-time"),
        ("constraint-tightened", True, f"{REQUEST} born"),
    ),
    case(
        "request pattern added",
        lambda d: request_props(d)["email"].update(pattern="^.+@.+$"),
        ("constraint-tightened", True, f"{REQUEST} email"),
    ),
    case(
        "request pattern changed",
        lambda d: request_props(d)["name"].update(pattern="^[a-z]{2,}$"),
        ("constraint-tightened", True, f"{REQUEST} name"),
    ),
    case(
        "request maxLength lowered",
        lambda d: request_props(d)["name"].update(maxLength=10),
        ("constraint-tightened", True, f"{REQUEST} name"),
    ),
    case(
        "request maximum lowered",
        lambda d: request_props(d)["age"].update(maximum=120),
        ("constraint-tightened", True, f"{REQUEST} age"),
    ),
    case(
        "request minLength raised",
        lambda d: request_props(d)["name"].update(minLength=2),
        ("constraint-tightened", True, f"{REQUEST} name"),
    ),
    case(
        "request minimum raised",
        lambda d: request_props(d)["age"].update(minimum=18),
        ("constraint-tightened", True, f"{REQUEST} age"),
    ),
    case(
        "request schema closed",
        lambda d: schema(d, "Address").update(additionalProperties=False),
        ("constraint-tightened", True, f"{REQUEST} address"),
    ),
    case(
        "request body removed",
        lambda d: operation(d).pop("requestBody"),
        ("request-body-removed", True, REQUEST),
    ),
    case(
        "request body newly required",
        lambda d: operation(d)["requestBody"].update(required=True),
        ("request-body-now-required", True, REQUEST),
        before=lambda d: operation(d)["requestBody"].update(required=False),
    ),
    case(
        "response media type removed",
        lambda d: operation(d)["responses"]["200"].update(content={}),
        ("media-type-removed", True, RESPONSE),
    ),
    case(
        "response status removed",
        lambda d: operation(d)["responses"].pop("404"),
        ("response-removed", True, f"{OPERATION} response 404"),
        before=lambda d: operation(d)["responses"].update({"404": {"description": "No such thing."}}),
    ),
    case("model renamed", renamed_address, ("schema-renamed", True, f"{REQUEST} address")),
    case(
        "required request body added",
        lambda d: add_body(d, required=True),
        ("request-body-added", True, REQUEST),
        before=lambda d: operation(d).pop("requestBody"),
    ),
    case(
        "response header removed",
        lambda d: operation(d)["responses"]["200"].pop("headers"),
        ("response-header-removed", True, f"{RESPONSE} header X-Rate-Limit"),
        before=add_header,
    ),
]

COMPATIBLE = [
    case(
        "operation added",
        lambda d: d["paths"].update({"/things": {"get": {"operationId": "list_things", "responses": {}}}}),
        ("operation-added", False, "GET /things"),
    ),
    case(
        "optional parameter added",
        lambda d: operation(d)["parameters"].append({"name": "lang", "in": "query", "schema": {"type": "string"}}),
        ("parameter-added", False, f"{OPERATION} parameter query:lang"),
    ),
    case(
        "parameter no longer required",
        lambda d: operation(d)["parameters"][1].pop("required"),
        ("parameter-now-optional", False, f"{OPERATION} parameter query:verbose"),
        before=lambda d: operation(d)["parameters"][1].update(required=True),
    ),
    case(
        "optional request property added",
        lambda d: request_props(d).update(colour={"type": "string"}),
        ("property-added", False, f"{REQUEST} colour"),
    ),
    case(
        "response property added",
        lambda d: response_props(d).update(owner={"type": "string"}),
        ("property-added", False, f"{RESPONSE} owner"),
    ),
    case(
        "request property no longer required",
        lambda d: schema(d, "ThingUpdate").update(required=[]),
        ("property-now-optional", False, f"{REQUEST} name"),
    ),
    case(
        "response property newly required",
        lambda d: schema(d, "Thing")["required"].append("status"),
        ("property-now-required", False, f"{RESPONSE} status"),
    ),
    case(
        "request enum value added",
        lambda d: request_props(d)["kind"].update(enum=["a", "b", "c"]),
        ("enum-value-added", False, f"{REQUEST} kind"),
    ),
    case(
        "response enum value removed",
        lambda d: response_props(d)["status"].update(enum=["active"]),
        ("enum-value-removed", False, f"{RESPONSE} status"),
    ),
    case(
        "request enum dropped",
        lambda d: request_props(d)["kind"].pop("enum"),
        ("enum-removed", False, f"{REQUEST} kind"),
    ),
    case(
        "request type widened",
        lambda d: request_props(d)["age"].update(type="number"),
        ("type-widened", False, f"{REQUEST} age"),
    ),
    case(
        "response type narrowed",
        lambda d: response_props(d)["note"].update(type="string"),
        ("type-narrowed", False, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(type=["string", "null"]),
    ),
    case(
        "request maxLength raised",
        lambda d: request_props(d)["name"].update(maxLength=40),
        ("constraint-loosened", False, f"{REQUEST} name"),
    ),
    case(
        "request minLength dropped",
        lambda d: request_props(d)["name"].pop("minLength"),
        ("constraint-loosened", False, f"{REQUEST} name"),
    ),
    case(
        "request minimum lowered",
        lambda d: request_props(d)["age"].update(minimum=-10),
        ("constraint-loosened", False, f"{REQUEST} age"),
    ),
    case(
        "request maximum dropped",
        lambda d: request_props(d)["age"].pop("maximum"),
        ("constraint-loosened", False, f"{REQUEST} age"),
    ),
    case(
        "request pattern dropped",
        lambda d: request_props(d)["name"].pop("pattern"),
        ("constraint-loosened", False, f"{REQUEST} name"),
    ),
    case(
        "request format dropped",
        lambda d: request_props(d)["born"].pop("format"),
        ("constraint-loosened", False, f"{REQUEST} born"),
    ),
    case(
        "request schema opened",
        lambda d: schema(d, "ThingUpdate").pop("additionalProperties"),
        ("constraint-loosened", False, REQUEST),
    ),
    case(
        "response bound changed",
        lambda d: response_props(d)["note"].update(maxLength=100),
        ("constraint-changed", False, f"{RESPONSE} note"),
    ),
    case(
        "response untyped format added",
        lambda d: response_props(d)["note"].update(format="email"),
        ("format-changed", False, f"{RESPONSE} note"),
    ),
    case(
        "property description changed",
        lambda d: request_props(d)["email"].update(description="Where to write to."),
        ("description-changed", False, f"{REQUEST} email"),
    ),
    case(
        "operation summary changed",
        lambda d: operation(d).update(summary="Change a thing"),
        ("description-changed", False, OPERATION),
    ),
    case(
        "info description changed",
        lambda d: d["info"].update(description="Another text."),
        ("description-changed", False, "info"),
    ),
    case(
        "example added",
        lambda d: operation(d)["requestBody"]["content"]["application/json"].update(example={"name": "x"}),
        ("example-changed", False, REQUEST),
    ),
    case(
        "annotation changed",
        lambda d: operation(d).update({"x-accountkit-note": "from the vendor's other documents"}),
        ("extension-changed", False, OPERATION),
    ),
    case(
        "retry behaviour changed",
        lambda d: operation(d).update({"x-idempotent": True}),
        ("behaviour-changed", False, OPERATION),
    ),
    case(
        "operation deprecated",
        lambda d: operation(d).update(deprecated=True),
        ("deprecation-changed", False, OPERATION),
    ),
    case(
        "response status added",
        lambda d: operation(d)["responses"].update({"404": {"description": "No such thing."}}),
        ("response-added", False, f"{OPERATION} response 404"),
    ),
    case(
        "request media type added",
        lambda d: operation(d)["requestBody"]["content"].update(
            {"text/json": {"schema": {"$ref": "#/components/schemas/ThingUpdate"}}}
        ),
        ("media-type-added", False, REQUEST),
    ),
    case(
        "request body no longer required",
        lambda d: operation(d)["requestBody"].update(required=False),
        ("request-body-now-optional", False, REQUEST),
    ),
    case(
        "default changed",
        lambda d: request_props(d)["age"].update(default=18),
        ("default-changed", False, f"{REQUEST} age"),
    ),
    case(
        "optional request body added",
        lambda d: add_body(d, required=False),
        ("request-body-added", False, REQUEST),
        before=lambda d: operation(d).pop("requestBody"),
    ),
    case(
        "response header added",
        add_header,
        ("response-header-added", False, f"{RESPONSE} header X-Rate-Limit"),
    ),
    case(
        "readOnly changed",
        lambda d: response_props(d)["id"].update(readOnly=True),
        ("keyword-changed", False, f"{RESPONSE} id"),
    ),
    case(
        "servers changed",
        lambda d: d.update(servers=[{"url": "https://api.things.example.com"}]),
        ("servers-changed", False, "servers"),
    ),
    case(
        "unreferenced component changed",
        lambda d: d["components"]["schemas"].update(Unused={"type": "string"}),
        ("other-change", False, "(document)"),
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), BREAKING)
def test_breaking_rule(spec, before, after, expected):
    changes = run_case(spec, before, after)
    assert summary(changes) == expected
    assert all(change.detail for change in changes)


@pytest.mark.parametrize(("before", "after", "expected"), COMPATIBLE)
def test_compatible_rule(spec, before, after, expected):
    changes = run_case(spec, before, after)
    assert summary(changes) == expected
    assert all(change.detail for change in changes)


def _reverse_key_order(doc: Doc) -> None:
    items = list(doc.items())
    doc.clear()
    doc.update(reversed(items))


def _inline_address(doc: Doc) -> None:
    request_props(doc)["address"] = copy.deepcopy(schema(doc, "Address"))


def _address_as_all_of(doc: Doc) -> None:
    schema(doc, "Address").update(properties={})
    schema(doc, "Address")["allOf"] = [{"properties": {"city": {"type": "string"}}}]


def _nickname_as_any_of(doc: Doc) -> None:
    request_props(doc)["nickname"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}


def _single_value_enum_as_const(doc: Doc) -> None:
    request_props(doc)["kind"] = {"type": "string", "const": "a"}


NO_OPS = [
    pytest.param(None, lambda d: None, id="identical"),
    pytest.param(None, lambda d: d["info"].update(version="9.9.9"), id="only info.version"),
    pytest.param(None, _reverse_key_order, id="key order"),
]
# The same API written differently: no operation-level change, only "the text changed" (a patch release).
REWRITES = [
    pytest.param(None, _inline_address, id="component inlined"),
    pytest.param(None, _address_as_all_of, id="allOf of pieces"),
    pytest.param(None, _nickname_as_any_of, id="nullable anyOf"),
    pytest.param(
        lambda d: request_props(d).update(kind={"type": "string", "enum": ["a"]}),
        _single_value_enum_as_const,
        id="const as enum",
    ),
]


@pytest.mark.parametrize(("before", "after"), NO_OPS)
def test_no_op_has_no_changes(spec, before, after):
    assert run_case(spec, before, after) == []


@pytest.mark.parametrize(("before", "after"), REWRITES)
def test_equivalent_rewrite_is_not_an_api_change(spec, before, after):
    assert summary(run_case(spec, before, after)) == [("other-change", False, "(document)")]


def test_spec_absent_at_the_ref_is_all_new(spec):
    assert summary(diff({}, spec)) == [("operation-added", False, OPERATION)]


def test_spec_removed_is_all_removed(spec):
    assert summary(diff(spec, {})) == [("operation-removed", True, OPERATION)]


def _union_spec(spec: Doc) -> Doc:
    schemas = spec["components"]["schemas"]
    schemas["ByName"] = {"type": "object", "properties": {"name": {"type": "string"}}}
    schemas["ById"] = {"type": "object", "properties": {"id": {"type": "integer"}}}
    request_props(spec)["owner"] = {"oneOf": [{"$ref": "#/components/schemas/ByName"}]}
    response_props(spec)["owner"] = {"oneOf": [{"$ref": "#/components/schemas/ByName"}]}
    return spec


def test_union_branches_follow_the_direction(spec):
    old = _union_spec(spec)
    new = copy.deepcopy(old)
    for props in (request_props(new), response_props(new)):
        props["owner"]["oneOf"].append({"$ref": "#/components/schemas/ById"})
    assert summary(diff(old, new)) == [
        ("variant-added", False, f"{REQUEST} owner"),
        ("variant-added", True, f"{RESPONSE} owner"),
    ]
    assert summary(diff(new, old)) == [
        ("variant-removed", True, f"{REQUEST} owner"),
        ("variant-removed", False, f"{RESPONSE} owner"),
    ]


def test_change_inside_a_union_branch_is_located_by_branch(spec):
    old = _union_spec(spec)
    new = copy.deepcopy(old)
    schema(new, "ByName")["properties"].pop("name")
    assert summary(diff(old, new)) == [
        ("property-removed", True, f"{REQUEST} owner(ByName).name"),
        ("property-removed", True, f"{RESPONSE} owner(ByName).name"),
    ]


def test_recursive_schemas_terminate(spec):
    spec["components"]["schemas"]["Node"] = {
        "type": "object",
        "properties": {
            "label": {"type": "string"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        },
    }
    operation(spec)["responses"]["200"]["content"]["application/json"]["schema"] = {"$ref": "#/components/schemas/Node"}
    new = copy.deepcopy(spec)
    schema(new, "Node")["properties"].pop("label")
    assert summary(diff(spec, new)) == [("property-removed", True, f"{RESPONSE} label")]


def test_location_reads_like_the_portabilling_example():
    def account_spec(properties: Doc) -> Doc:
        account_info = {"type": "object", "properties": properties}
        params = {"type": "object", "properties": {"account_info": account_info}}
        body = {"type": "object", "properties": {"params": params}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "P", "version": "0.1.0"},
            "paths": {
                "/Account/update_account": {
                    "post": {
                        "operationId": "update_account",
                        "requestBody": {"content": {"application/json": {"schema": body}}},
                        "responses": {},
                    }
                }
            },
        }

    old = account_spec({"firstname": {"type": "string"}, "lastname": {"type": "string"}})
    new = account_spec({"lastname": {"type": "string"}})
    (change,) = diff(old, new)
    assert change.location == "POST /Account/update_account request params.account_info.firstname"
    assert change.as_dict() == {
        "kind": "property-removed",
        "breaking": True,
        "location": "POST /Account/update_account request params.account_info.firstname",
        "detail": "request property removed",
    }


def test_every_kind_is_exercised():
    """A new rule in specdiff must come with a case above: every kind it can emit is covered here."""
    source = inspect.getsource(specdiff)
    emitted = set(re.findall(r'self\.add\(\s*"([a-z-]+)"', source))
    emitted |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)" if ', source))
    emitted |= set(re.findall(r' else "([a-z]+(?:-[a-z]+)+)"', source))
    covered = {expected[0] for param in BREAKING + COMPATIBLE for expected in param.values[2]}
    covered |= {"variant-added", "variant-removed"}  # the union tests
    assert emitted, "the pattern no longer finds the kinds in specdiff.py"
    assert sorted(emitted - covered) == []
