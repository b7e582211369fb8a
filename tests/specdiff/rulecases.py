"""Crafted before/after pairs on the small spec (conftest.py): at least one for every rule of diffrules.

Each case changes one thing and lists exactly the changes expected, as (rule, level, location): the
level is spelt out so that a rule whose level changes in the table fails here until the cases agree.
test_specdiff_rules.py runs them and checks that every rule of the table has one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from accountkit_codegen.changes.specdiff import Change, diff

Doc = dict[str, Any]
OPERATION = "POST /things/{id}"
REQUEST = f"{OPERATION} request"
RESPONSE = f"{OPERATION} response 200"
VERBOSE = f"{OPERATION} parameter query:verbose"
HOOK = "webhook thingChanged POST"
B, W, I = "breaking", "warning", "info"  # noqa: E741 - the levels, short for the table below


def operation(doc: Doc) -> Doc:
    node: Doc = doc["paths"]["/things/{id}"]["post"]
    return node


def schema(doc: Doc, name: str) -> Doc:
    node: Doc = doc["components"]["schemas"][name]
    return node


def request_props(doc: Doc) -> Doc:
    node: Doc = schema(doc, "ThingUpdate")["properties"]
    return node


def response_props(doc: Doc) -> Doc:
    node: Doc = schema(doc, "Thing")["properties"]
    return node


def verbose(doc: Doc) -> Doc:
    node: Doc = operation(doc)["parameters"][1]
    return node


def summary(changes: list[Change]) -> list[tuple[str, str, str]]:
    return [(change.rule, change.level, change.location) for change in changes]


def run_case(spec: Doc, before: Callable[[Doc], Any] | None, after: Callable[[Doc], Any]) -> list[Change]:
    old = copy.deepcopy(spec)
    if before:
        before(old)
    new = copy.deepcopy(old)
    after(new)
    return diff(old, new)


def case(
    case_id: str,
    after: Callable[[Doc], Any],
    *expected: tuple[str, str, str],
    before: Callable[[Doc], Any] | None = None,
) -> Any:
    return pytest.param(before, after, list(expected), id=case_id)


def both(*steps: Callable[[Doc], Any]) -> Callable[[Doc], None]:
    def run(doc: Doc) -> None:
        for step in steps:
            step(doc)

    return run


# -- mutations used by several cases ------------------------------------------------------------------


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
    operation(doc)["requestBody"] = {"required": required, "content": {"application/json": {"schema": schema_ref}}}


def add_header(doc: Doc, required: bool = False) -> None:
    header = {"schema": {"type": "integer"}, **({"required": True} if required else {})}
    operation(doc)["responses"]["200"]["headers"] = {"X-Rate-Limit": header}


def header(doc: Doc) -> Doc:
    node: Doc = operation(doc)["responses"]["200"]["headers"]["X-Rate-Limit"]
    return node


def renamed_address(doc: Doc) -> None:
    schemas = doc["components"]["schemas"]
    schemas["Location"] = schemas.pop("Address")
    request_props(doc)["address"] = {"$ref": "#/components/schemas/Location"}


def email_component(doc: Doc) -> None:
    doc["components"]["schemas"]["Email"] = {"type": "string"}
    request_props(doc)["email"] = {"$ref": "#/components/schemas/Email"}


def renamed_email_component(doc: Doc) -> None:
    doc["components"]["schemas"]["Mail"] = doc["components"]["schemas"].pop("Email")
    request_props(doc)["email"] = {"$ref": "#/components/schemas/Mail"}


def add_webhook(doc: Doc) -> None:
    payload = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
    answer = {"type": "object", "properties": {"ok": {"type": "boolean"}}}
    doc["webhooks"] = {
        "thingChanged": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": payload}}},
                "responses": {"200": {"description": "Received.", "content": {"application/json": {"schema": answer}}}},
            }
        }
    }


def webhook(doc: Doc) -> Doc:
    node: Doc = doc["webhooks"]["thingChanged"]["post"]
    return node


def webhook_payload(doc: Doc) -> Doc:
    node: Doc = webhook(doc)["requestBody"]["content"]["application/json"]["schema"]
    return node


def webhook_answer(doc: Doc) -> Doc:
    node: Doc = webhook(doc)["responses"]["200"]["content"]["application/json"]["schema"]
    return node


def untyped_extra(doc: Doc) -> None:
    request_props(doc)["extra"] = {"description": "Anything."}


def tags_property(doc: Doc) -> None:
    request_props(doc)["tags"] = {"type": "array", "items": {"type": "string"}}


def meta_property(doc: Doc) -> None:
    request_props(doc)["meta"] = {"type": "object"}


def union_spec(doc: Doc) -> None:
    schemas = doc["components"]["schemas"]
    schemas["ByName"] = {"type": "object", "properties": {"name": {"type": "string"}}}
    schemas["ById"] = {"type": "object", "properties": {"id": {"type": "integer"}}}
    for props in (request_props(doc), response_props(doc)):
        props["owner"] = {"oneOf": [{"$ref": "#/components/schemas/ByName"}]}


def add_by_id(doc: Doc) -> None:
    for props in (request_props(doc), response_props(doc)):
        props["owner"]["oneOf"].append({"$ref": "#/components/schemas/ById"})


def drop_by_id(doc: Doc) -> None:
    for props in (request_props(doc), response_props(doc)):
        props["owner"]["oneOf"].pop()


# -- the cases ----------------------------------------------------------------------------------------

OPERATIONS = [
    case(
        "operation added",
        lambda d: d["paths"].update({"/things": {"get": {"operationId": "list_things", "responses": {}}}}),
        ("operation-added", I, "GET /things"),
    ),
    case("operation removed", lambda d: d["paths"].pop("/things/{id}"), ("operation-removed", B, OPERATION)),
    case("path moved", moved_path, ("operation-moved", B, "POST /items/{id}")),
    case("method moved", moved_method, ("operation-moved", B, "PUT /things/{id}")),
    case(
        "operationId renamed",
        lambda d: operation(d).update(operationId="edit_thing"),
        ("operation-renamed", B, OPERATION),
    ),
    case(
        "tag (generated module) changed",
        lambda d: operation(d).update(tags=["items"]),
        ("operation-tag-changed", B, OPERATION),
    ),
    case(
        "secondary tag added",
        lambda d: operation(d).update(tags=["things", "admin"]),
        ("description-changed", I, OPERATION),
    ),
    case(
        "security requirement changed",
        lambda d: operation(d).update(security=[{"bearer": []}]),
        ("security-changed", B, OPERATION),
    ),
    case("security removed", lambda d: operation(d).update(security=[]), ("security-changed", B, OPERATION)),
    case(
        "security scope added",
        lambda d: operation(d).update(security=[{"token": ["admin"]}]),
        ("security-changed", B, OPERATION),
    ),
    case(
        "security scheme changed",
        lambda d: d["components"]["securitySchemes"]["token"].update(name="X-Api-Key"),
        ("security-scheme-changed", B, OPERATION),
    ),
    case(
        "servers changed",
        lambda d: d.update(servers=[{"url": "https://api.things.example.com"}]),
        ("servers-changed", I, "servers"),
    ),
    case(
        "server variable default changed",
        lambda d: d["servers"][0]["variables"]["region"].update(default="us"),
        ("servers-changed", I, "servers"),
        before=lambda d: d.update(
            servers=[{"url": "https://{region}.things.example.com", "variables": {"region": {"default": "eu"}}}]
        ),
    ),
    case(
        "server annotations added (the URLs a client sees unchanged)",
        lambda d: d["servers"][0].update({"x-accountkit-env": "THINGS_BASE_URL", "x-accountkit-default": True}),
        ("extension-changed", I, "server https://things.example.com"),
    ),
    case(
        "server description changed",
        lambda d: d["servers"][0].update(description="The production host."),
        ("description-changed", I, "server https://things.example.com"),
    ),
    case(
        "server variable described",
        lambda d: d["servers"][0]["variables"]["region"].update(description="Where the account lives."),
        ("description-changed", I, "server https://{region}.things.example.com variable region"),
        before=lambda d: d.update(
            servers=[{"url": "https://{region}.things.example.com", "variables": {"region": {"default": "eu"}}}]
        ),
    ),
    case(
        "operation servers added",
        lambda d: operation(d).update(servers=[{"url": "https://upload.things.example.com"}]),
        ("operation-keyword-changed", I, OPERATION),
    ),
    case("operation deprecated", lambda d: operation(d).update(deprecated=True), ("deprecation-changed", I, OPERATION)),
    case(
        "retry behaviour changed",
        lambda d: operation(d).update({"x-idempotent": True}),
        ("behaviour-changed", I, OPERATION),
    ),
    case(
        "operation summary changed",
        lambda d: operation(d).update(summary="Change a thing"),
        ("description-changed", I, OPERATION),
    ),
    case(
        "info description changed",
        lambda d: d["info"].update(description="Another text."),
        ("description-changed", I, "info"),
    ),
    case(
        "example added",
        lambda d: operation(d)["requestBody"]["content"]["application/json"].update(example={"name": "x"}),
        ("example-changed", I, REQUEST),
    ),
    case(
        "annotation changed",
        lambda d: operation(d).update({"x-accountkit-note": "from the vendor's other documents"}),
        ("extension-changed", I, OPERATION),
    ),
    case(
        "unreferenced component changed",
        lambda d: d["components"]["schemas"].update(Unused={"type": "string"}),
        ("other-change", I, "(document)"),
    ),
]

WEBHOOKS = [
    case("webhook added", add_webhook, (("webhook-added", I, HOOK))),
    case("webhook removed", lambda d: d.pop("webhooks"), ("webhook-removed", B, HOOK), before=add_webhook),
    case(
        "webhook payload property removed (what the user receives)",
        lambda d: webhook_payload(d).update(properties={}, required=[]),
        ("response-property-removed", B, f"{HOOK} request id"),
        before=add_webhook,
    ),
    case(
        "webhook payload gains a required property (harmless to the receiver)",
        lambda d: (
            webhook_payload(d)["properties"].update(at={"type": "string"}),
            webhook_payload(d)["required"].append("at"),
        ),
        ("response-property-added", I, f"{HOOK} request at"),
        before=add_webhook,
    ),
    case(
        "webhook answer gains a required property (the user's code must send it)",
        lambda d: webhook_answer(d).update(required=["ok"]),
        ("request-property-now-required", B, f"{HOOK} response 200 ok"),
        before=add_webhook,
    ),
]

PARAMETERS = [
    case(
        "optional parameter added",
        lambda d: operation(d)["parameters"].append({"name": "lang", "in": "query", "schema": {"type": "string"}}),
        ("parameter-added", I, f"{OPERATION} parameter query:lang"),
    ),
    case(
        "required parameter added",
        lambda d: operation(d)["parameters"].append(
            {"name": "dry_run", "in": "query", "required": True, "schema": {"type": "boolean"}}
        ),
        ("required-parameter-added", B, f"{OPERATION} parameter query:dry_run"),
    ),
    case("parameter removed", lambda d: operation(d)["parameters"].pop(1), ("parameter-removed", B, VERBOSE)),
    case(
        "parameter newly required", lambda d: verbose(d).update(required=True), ("parameter-now-required", B, VERBOSE)
    ),
    case(
        "parameter no longer required",
        lambda d: verbose(d).pop("required"),
        ("parameter-now-optional", I, VERBOSE),
        before=lambda d: verbose(d).update(required=True),
    ),
    case(
        "parameter default added",
        lambda d: verbose(d)["schema"].update(default=False),
        ("parameter-default-changed", B, VERBOSE),
    ),
    case(
        "parameter default changed",
        lambda d: verbose(d)["schema"].update(default=True),
        ("parameter-default-changed", B, VERBOSE),
        before=lambda d: verbose(d)["schema"].update(default=False),
    ),
    case(
        "parameter default removed",
        lambda d: verbose(d)["schema"].pop("default"),
        ("parameter-default-changed", B, VERBOSE),
        before=lambda d: verbose(d)["schema"].update(default=False),
    ),
    case(
        "parameter serialization changed",
        lambda d: verbose(d).update(explode=False),
        ("parameter-serialization-changed", I, VERBOSE),
    ),
    case(
        "parameter enum value removed",
        lambda d: verbose(d).update(schema={"type": "string", "enum": ["yes"]}),
        ("request-enum-value-removed", B, VERBOSE),
        before=lambda d: verbose(d).update(schema={"type": "string", "enum": ["yes", "no"]}),
    ),
]

BODIES = [
    case(
        "optional request body added",
        lambda d: add_body(d, required=False),
        ("request-body-added", I, REQUEST),
        before=lambda d: operation(d).pop("requestBody"),
    ),
    case(
        "required request body added",
        lambda d: add_body(d, required=True),
        ("required-request-body-added", B, REQUEST),
        before=lambda d: operation(d).pop("requestBody"),
    ),
    case("request body removed", lambda d: operation(d).pop("requestBody"), ("request-body-removed", B, REQUEST)),
    case(
        "request body newly required",
        lambda d: operation(d)["requestBody"].update(required=True),
        ("request-body-now-required", B, REQUEST),
        before=lambda d: operation(d)["requestBody"].update(required=False),
    ),
    case(
        "request body no longer required",
        lambda d: operation(d)["requestBody"].update(required=False),
        ("request-body-now-optional", I, REQUEST),
    ),
    case(
        "request media type added",
        lambda d: operation(d)["requestBody"]["content"].update(
            {"text/json": {"schema": {"$ref": "#/components/schemas/ThingUpdate"}}}
        ),
        ("request-media-type-added", I, REQUEST),
    ),
    case(
        "request media type removed",
        lambda d: operation(d)["requestBody"]["content"].pop("text/json"),
        ("request-media-type-removed", B, REQUEST),
        before=lambda d: operation(d)["requestBody"]["content"].update(
            {"text/json": {"schema": {"$ref": "#/components/schemas/ThingUpdate"}}}
        ),
    ),
    case(
        "request media type gains a schema",
        lambda d: operation(d)["requestBody"]["content"]["application/json"].update(schema={"type": "object"}),
        ("request-type-narrowed", B, REQUEST),
        before=lambda d: operation(d)["requestBody"]["content"]["application/json"].pop("schema"),
    ),
]

RESPONSES = [
    case(
        "response status added",
        lambda d: operation(d)["responses"].update({"404": {"description": "No such thing."}}),
        ("response-status-added", I, f"{OPERATION} response 404"),
    ),
    case(
        "response status removed",
        lambda d: operation(d)["responses"].pop("404"),
        ("response-status-removed", B, f"{OPERATION} response 404"),
        before=lambda d: operation(d)["responses"].update({"404": {"description": "No such thing."}}),
    ),
    case(
        "response status written as an int is the same status",
        lambda d: operation(d).update(responses={200: operation(d)["responses"]["200"]}),
        ("other-change", I, "(document)"),
    ),
    case(
        "response media type added",
        lambda d: operation(d)["responses"]["200"]["content"].update(
            {"text/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
        ),
        ("response-media-type-added", I, RESPONSE),
    ),
    case(
        "response media type removed",
        lambda d: operation(d)["responses"]["200"].update(content={}),
        ("response-media-type-removed", B, RESPONSE),
    ),
    case("response header added", add_header, ("response-header-added", I, f"{RESPONSE} header X-Rate-Limit")),
    case(
        "required response header removed",
        lambda d: operation(d)["responses"]["200"].pop("headers"),
        ("response-required-header-removed", B, f"{RESPONSE} header X-Rate-Limit"),
        before=lambda d: add_header(d, required=True),
    ),
    case(
        "optional response header removed",
        lambda d: operation(d)["responses"]["200"].pop("headers"),
        ("response-optional-header-removed", W, f"{RESPONSE} header X-Rate-Limit"),
        before=add_header,
    ),
    case(
        "response header becomes optional",
        lambda d: header(d).update(required=False),
        ("response-header-now-optional", B, f"{RESPONSE} header X-Rate-Limit"),
        before=lambda d: add_header(d, required=True),
    ),
    case(
        "response header becomes required",
        lambda d: header(d).update(required=True),
        ("response-header-now-required", I, f"{RESPONSE} header X-Rate-Limit"),
        before=add_header,
    ),
    case(
        "response header type widened",
        lambda d: header(d).update(schema={"type": "number"}),
        ("response-type-widened", B, f"{RESPONSE} header X-Rate-Limit"),
        before=add_header,
    ),
]

REQUEST_SCHEMAS = [
    case(
        "optional request property added",
        lambda d: request_props(d).update(colour={"type": "string"}),
        ("request-property-added", I, f"{REQUEST} colour"),
    ),
    case(
        "required request property added",
        add_required_colour,
        ("request-required-property-added", B, f"{REQUEST} colour"),
    ),
    case(
        "request property removed",
        lambda d: request_props(d).pop("email"),
        ("request-property-removed", B, f"{REQUEST} email"),
    ),
    case(
        "nested request property removed",
        lambda d: schema(d, "Address")["properties"].pop("city"),
        ("request-property-removed", B, f"{REQUEST} address.city"),
    ),
    case(
        "request property newly required",
        lambda d: schema(d, "ThingUpdate")["required"].append("age"),
        ("request-property-now-required", B, f"{REQUEST} age"),
    ),
    case(
        "request property no longer required",
        lambda d: schema(d, "ThingUpdate").update(required=[]),
        ("request-property-now-optional", I, f"{REQUEST} name"),
    ),
    case(
        "request property becomes readOnly",
        lambda d: request_props(d)["email"].update(readOnly=True),
        ("request-property-now-read-only", B, f"{REQUEST} email"),
    ),
    case(
        "request property no longer readOnly",
        lambda d: request_props(d)["email"].pop("readOnly"),
        ("request-property-no-longer-read-only", I, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update(readOnly=True),
    ),
    case(
        "a readOnly request property tightened (never sent)",
        lambda d: request_props(d)["email"].update(maxLength=5),
        ("request-read-only-property-changed", I, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update(readOnly=True),
    ),
    case(
        "a required readOnly request property added (never sent)",
        lambda d: (
            request_props(d).update(id={"type": "integer", "readOnly": True}),
            schema(d, "ThingUpdate")["required"].append("id"),
        ),
        ("request-read-only-property-changed", I, f"{REQUEST} id"),
    ),
    case(
        "request property default added",
        lambda d: request_props(d)["age"].update(default=18),
        ("request-default-changed", B, f"{REQUEST} age"),
    ),
    case(
        "request property default changed",
        lambda d: request_props(d)["age"].update(default=21),
        ("request-default-changed", B, f"{REQUEST} age"),
        before=lambda d: request_props(d)["age"].update(default=18),
    ),
    case(
        "request property type changed",
        lambda d: request_props(d).update(age={"type": "string"}),
        ("request-type-changed", B, f"{REQUEST} age"),
    ),
    case(
        "request property type narrowed",
        lambda d: request_props(d)["nickname"].update(type=["string", "null"]),
        ("request-type-narrowed", B, f"{REQUEST} nickname"),
        before=lambda d: request_props(d)["nickname"].update(type=["string", "integer", "null"]),
    ),
    case(
        "request type widened",
        lambda d: request_props(d)["age"].update(type="number"),
        ("request-type-widened", I, f"{REQUEST} age"),
    ),
    case(
        "request property no longer nullable",
        lambda d: request_props(d)["nickname"].update(type="string"),
        ("request-nullable-removed", B, f"{REQUEST} nickname"),
    ),
    case(
        "request property becomes nullable",
        lambda d: request_props(d)["email"].update(type=["string", "null"]),
        ("request-nullable-added", I, f"{REQUEST} email"),
    ),
    case(
        "request property becomes nullable, 3.0 style",
        lambda d: request_props(d)["email"].update(nullable=True),
        ("request-nullable-added", I, f"{REQUEST} email"),
    ),
    case(
        "request enum introduced",
        lambda d: request_props(d)["email"].update(enum=["a@example.com"]),
        ("request-enum-added", B, f"{REQUEST} email"),
    ),
    case(
        "request const introduced",
        lambda d: request_props(d)["email"].update(const="a@example.com"),
        ("request-enum-added", B, f"{REQUEST} email"),
    ),
    case(
        "request enum dropped",
        lambda d: request_props(d)["kind"].pop("enum"),
        ("request-enum-removed", I, f"{REQUEST} kind"),
    ),
    case(
        "request enum value added",
        lambda d: request_props(d)["kind"].update(enum=["a", "b", "c"]),
        ("request-enum-value-added", I, f"{REQUEST} kind"),
    ),
    case(
        "request enum value removed",
        lambda d: request_props(d)["kind"].update(enum=["a"]),
        ("request-enum-value-removed", B, f"{REQUEST} kind"),
    ),
    case(
        "enum members named",
        lambda d: request_props(d)["kind"].update({"x-enum-varnames": ["ALPHA", "BETA"]}),
        ("enum-names-changed", B, f"{REQUEST} kind"),
    ),
    case(
        "enum member names given for new values only",
        lambda d: request_props(d)["kind"].update({"enum": ["a", "b", "c"], "x-enum-varnames": ["A", "B", "CE"]}),
        ("request-enum-value-added", I, f"{REQUEST} kind"),
        ("extension-changed", I, f"{REQUEST} kind"),
    ),
    case(
        "request x-extensible-enum value removed",
        lambda d: request_props(d)["email"].update({"x-extensible-enum": ["a"]}),
        ("request-enum-value-removed", B, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update({"x-extensible-enum": ["a", "b"]}),
    ),
    case(
        "request format added",
        lambda d: request_props(d)["email"].update(format="email"),
        ("request-format-added", B, f"{REQUEST} email"),
    ),
    case(
        "request format changed",
        lambda d: request_props(d)["email"].update(format="idn-email"),
        ("request-format-changed", B, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update(format="email"),
    ),
    case(
        "request format removed",
        lambda d: request_props(d)["email"].pop("format"),
        ("request-format-removed", I, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update(format="email"),
    ),
    case(
        "request typed format changed",
        lambda d: request_props(d)["born"].update(format="date-time"),
        ("format-type-changed", B, f"{REQUEST} born"),
    ),
    case(
        "request typed format dropped",
        lambda d: request_props(d)["born"].pop("format"),
        ("format-type-changed", B, f"{REQUEST} born"),
    ),
    case(
        "request pattern added",
        lambda d: request_props(d)["email"].update(pattern="^.+@.+$"),
        ("request-pattern-added", B, f"{REQUEST} email"),
    ),
    case(
        "request pattern changed",
        lambda d: request_props(d)["name"].update(pattern="^[a-z]{2,}$"),
        ("request-pattern-changed", B, f"{REQUEST} name"),
    ),
    case(
        "request pattern dropped",
        lambda d: request_props(d)["name"].pop("pattern"),
        ("request-pattern-removed", I, f"{REQUEST} name"),
    ),
    case(
        "request keyword added",
        lambda d: request_props(d)["email"].update({"not": {"enum": ["root@example.com"]}}),
        ("request-keyword-added", B, f"{REQUEST} email"),
    ),
    case(
        "request keyword changed",
        lambda d: request_props(d)["email"].update({"not": {"enum": ["admin@example.com"]}}),
        ("request-keyword-changed", B, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update({"not": {"enum": ["root@example.com"]}}),
    ),
    case(
        "request keyword removed",
        lambda d: request_props(d)["email"].pop("not"),
        ("request-keyword-removed", I, f"{REQUEST} email"),
        before=lambda d: request_props(d)["email"].update({"not": {"enum": ["root@example.com"]}}),
    ),
    case(
        "request union branch added",
        add_by_id,
        ("request-variant-added", I, f"{REQUEST} owner"),
        ("response-variant-added", B, f"{RESPONSE} owner"),
        before=union_spec,
    ),
    case(
        "request union branch removed",
        drop_by_id,
        ("request-variant-removed", B, f"{REQUEST} owner"),
        ("response-variant-removed", I, f"{RESPONSE} owner"),
        before=both(union_spec, add_by_id),
    ),
    case(
        "change inside a union branch is located by branch",
        lambda d: schema(d, "ByName")["properties"].pop("name"),
        ("request-property-removed", B, f"{REQUEST} owner(ByName).name"),
        ("response-property-removed", B, f"{RESPONSE} owner(ByName).name"),
        before=union_spec,
    ),
]

# Each bound, tightened on a request and loosened on a response (constraint rules).
CONSTRAINTS = [
    case(
        "request maxLength lowered",
        lambda d: request_props(d)["name"].update(maxLength=10),
        ("request-constraint-tightened", B, f"{REQUEST} name"),
    ),
    case(
        "request maximum lowered",
        lambda d: request_props(d)["age"].update(maximum=120),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request minLength raised",
        lambda d: request_props(d)["name"].update(minLength=2),
        ("request-constraint-tightened", B, f"{REQUEST} name"),
    ),
    case(
        "request minimum raised",
        lambda d: request_props(d)["age"].update(minimum=18),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request exclusiveMinimum set (3.1)",
        lambda d: request_props(d)["age"].update(exclusiveMinimum=0),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request exclusiveMinimum set (3.0 boolean form)",
        lambda d: request_props(d)["age"].update(exclusiveMinimum=True),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request exclusiveMaximum lowered",
        lambda d: request_props(d)["age"].update(exclusiveMaximum=100),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request minItems set",
        lambda d: request_props(d)["tags"].update(minItems=1),
        ("request-constraint-tightened", B, f"{REQUEST} tags"),
        before=tags_property,
    ),
    case(
        "request maxItems set",
        lambda d: request_props(d)["tags"].update(maxItems=3),
        ("request-constraint-tightened", B, f"{REQUEST} tags"),
        before=tags_property,
    ),
    case(
        "request uniqueItems set",
        lambda d: request_props(d)["tags"].update(uniqueItems=True),
        ("request-constraint-tightened", B, f"{REQUEST} tags"),
        before=tags_property,
    ),
    case(
        "request minProperties set",
        lambda d: request_props(d)["meta"].update(minProperties=1),
        ("request-constraint-tightened", B, f"{REQUEST} meta"),
        before=meta_property,
    ),
    case(
        "request maxProperties set",
        lambda d: request_props(d)["meta"].update(maxProperties=5),
        ("request-constraint-tightened", B, f"{REQUEST} meta"),
        before=meta_property,
    ),
    case(
        "request multipleOf set",
        lambda d: request_props(d)["age"].update(multipleOf=5),
        ("request-constraint-tightened", B, f"{REQUEST} age"),
    ),
    case(
        "request schema closed",
        lambda d: schema(d, "Address").update(additionalProperties=False),
        ("request-constraint-tightened", B, f"{REQUEST} address"),
    ),
    case(
        "request maxLength raised",
        lambda d: request_props(d)["name"].update(maxLength=40),
        ("request-constraint-loosened", I, f"{REQUEST} name"),
    ),
    case(
        "request minLength dropped",
        lambda d: request_props(d)["name"].pop("minLength"),
        ("request-constraint-loosened", I, f"{REQUEST} name"),
    ),
    case(
        "request minimum lowered",
        lambda d: request_props(d)["age"].update(minimum=-10),
        ("request-constraint-loosened", I, f"{REQUEST} age"),
    ),
    case(
        "request maximum dropped",
        lambda d: request_props(d)["age"].pop("maximum"),
        ("request-constraint-loosened", I, f"{REQUEST} age"),
    ),
    case(
        "request multipleOf generalised",
        lambda d: request_props(d)["age"].update(multipleOf=5),
        ("request-constraint-loosened", I, f"{REQUEST} age"),
        before=lambda d: request_props(d)["age"].update(multipleOf=10),
    ),
    case(
        "request schema opened",
        lambda d: schema(d, "ThingUpdate").pop("additionalProperties"),
        ("request-constraint-loosened", I, REQUEST),
    ),
    case(
        "response maxLength dropped",
        lambda d: response_props(d)["note"].pop("maxLength"),
        ("response-constraint-loosened", W, f"{RESPONSE} note"),
    ),
    case(
        "response maxLength raised",
        lambda d: response_props(d)["note"].update(maxLength=500),
        ("response-constraint-loosened", W, f"{RESPONSE} note"),
    ),
    case(
        "response minItems dropped",
        lambda d: response_props(d)["labels"].pop("minItems"),
        ("response-constraint-loosened", W, f"{RESPONSE} labels"),
        before=lambda d: response_props(d).update(labels={"type": "array", "minItems": 1}),
    ),
    case(
        "response maxLength lowered",
        lambda d: response_props(d)["note"].update(maxLength=100),
        ("response-constraint-tightened", I, f"{RESPONSE} note"),
    ),
]

RESPONSE_SCHEMAS = [
    case(
        "response property added",
        lambda d: response_props(d).update(owner={"type": "string"}),
        ("response-property-added", I, f"{RESPONSE} owner"),
    ),
    case(
        "response property removed",
        lambda d: response_props(d).pop("note"),
        ("response-property-removed", B, f"{RESPONSE} note"),
    ),
    case(
        "response property no longer required",
        lambda d: schema(d, "Thing").update(required=[]),
        ("response-property-now-optional", B, f"{RESPONSE} id"),
    ),
    case(
        "response property newly required",
        lambda d: schema(d, "Thing")["required"].append("status"),
        ("response-property-now-required", I, f"{RESPONSE} status"),
    ),
    case(
        "response property becomes writeOnly",
        lambda d: response_props(d)["note"].update(writeOnly=True),
        ("response-property-now-write-only", B, f"{RESPONSE} note"),
    ),
    case(
        "response property no longer writeOnly",
        lambda d: response_props(d)["note"].pop("writeOnly"),
        ("response-property-no-longer-write-only", I, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(writeOnly=True),
    ),
    case(
        "a writeOnly response property loosened (never returned)",
        lambda d: response_props(d)["note"].pop("maxLength"),
        ("response-write-only-property-changed", I, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(writeOnly=True),
    ),
    case(
        "response default added",
        lambda d: response_props(d)["status"].update(default="active"),
        ("response-default-changed", I, f"{RESPONSE} status"),
    ),
    case(
        "response type changed",
        lambda d: response_props(d)["id"].update(type="string"),
        ("response-type-changed", B, f"{RESPONSE} id"),
    ),
    case(
        "response type widened",
        lambda d: response_props(d)["id"].update(type="number"),
        ("response-type-widened", B, f"{RESPONSE} id"),
    ),
    case(
        "response type narrowed",
        lambda d: response_props(d)["note"].update(type="string"),
        ("response-type-narrowed", I, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(type=["string", "integer"]),
    ),
    case(
        "response property becomes nullable",
        lambda d: response_props(d)["note"].update(type=["string", "null"]),
        ("response-nullable-added", B, f"{RESPONSE} note"),
    ),
    case(
        "response property becomes nullable, 3.0 style",
        lambda d: response_props(d)["note"].update(nullable=True),
        ("response-nullable-added", B, f"{RESPONSE} note"),
    ),
    case(
        "response property no longer nullable",
        lambda d: response_props(d)["note"].update(type="string"),
        ("response-nullable-removed", I, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(type=["string", "null"]),
    ),
    case(
        "response enum introduced",
        lambda d: response_props(d)["note"].update(enum=["x", "y"]),
        ("response-enum-added", I, f"{RESPONSE} note"),
    ),
    case(
        "response enum dropped",
        lambda d: response_props(d)["status"].pop("enum"),
        ("response-enum-removed", B, f"{RESPONSE} status"),
    ),
    case(
        "response enum value added",
        lambda d: response_props(d)["status"].update(enum=["active", "closed", "suspended"]),
        ("response-enum-value-added", W, f"{RESPONSE} status"),
    ),
    case(
        "response enum value removed",
        lambda d: response_props(d)["status"].update(enum=["active"]),
        ("response-enum-value-removed", B, f"{RESPONSE} status"),
    ),
    case(
        "response format added",
        lambda d: response_props(d)["note"].update(format="email"),
        ("response-format-added", I, f"{RESPONSE} note"),
    ),
    case(
        "response format changed",
        lambda d: response_props(d)["note"].update(format="idn-email"),
        ("response-format-changed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(format="email"),
    ),
    case(
        "response format removed",
        lambda d: response_props(d)["note"].pop("format"),
        ("response-format-removed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(format="email"),
    ),
    case(
        "response typed format changed",
        lambda d: response_props(d)["created"].update(format="date"),
        ("format-type-changed", B, f"{RESPONSE} created"),
    ),
    case(
        "response pattern added",
        lambda d: response_props(d)["note"].update(pattern="^[a-z]*$"),
        ("response-pattern-added", I, f"{RESPONSE} note"),
    ),
    case(
        "response pattern changed",
        lambda d: response_props(d)["note"].update(pattern="^[a-z0-9]*$"),
        ("response-pattern-changed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(pattern="^[a-z]*$"),
    ),
    case(
        "response pattern removed",
        lambda d: response_props(d)["note"].pop("pattern"),
        ("response-pattern-removed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update(pattern="^[a-z]*$"),
    ),
    case(
        "response keyword added",
        lambda d: response_props(d)["note"].update({"not": {"const": ""}}),
        ("response-keyword-added", I, f"{RESPONSE} note"),
    ),
    case(
        "response keyword changed",
        lambda d: response_props(d)["note"].update({"not": {"const": "-"}}),
        ("response-keyword-changed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update({"not": {"const": ""}}),
    ),
    case(
        "response keyword removed",
        lambda d: response_props(d)["note"].pop("not"),
        ("response-keyword-removed", W, f"{RESPONSE} note"),
        before=lambda d: response_props(d)["note"].update({"not": {"const": ""}}),
    ),
]

EITHER_WAY = [
    case("model renamed", renamed_address, ("schema-renamed", B, f"{REQUEST} address")),
    case(
        "component without a class renamed",
        renamed_email_component,
        ("component-renamed", I, f"{REQUEST} email"),
        before=email_component,
    ),
    case(
        "oneOf introduced",
        lambda d: request_props(d)["extra"].update(oneOf=[{"type": "string"}, {"type": "integer"}]),
        ("schema-structure-changed", B, f"{REQUEST} extra"),
        before=untyped_extra,
    ),
    case(
        "discriminator added",
        lambda d: schema(d, "Thing").update(discriminator={"propertyName": "status"}),
        ("schema-keyword-changed", I, RESPONSE),
    ),
    case(
        "readOnly in a response (no effect)",
        lambda d: response_props(d)["id"].update(readOnly=True),
        ("access-annotation-changed", I, f"{RESPONSE} id"),
    ),
    case(
        "property description changed",
        lambda d: request_props(d)["email"].update(description="Where to write to."),
        ("description-changed", I, f"{REQUEST} email"),
    ),
    case(
        "property deprecated",
        lambda d: request_props(d)["email"].update(deprecated=True),
        ("deprecation-changed", I, f"{REQUEST} email"),
    ),
]

ALL = (
    OPERATIONS
    + WEBHOOKS
    + PARAMETERS
    + BODIES
    + RESPONSES
    + REQUEST_SCHEMAS
    + CONSTRAINTS
    + RESPONSE_SCHEMAS
    + EITHER_WAY
)
