"""Tests of the spec-vs-page checker itself (accountkit_codegen.spec.pages.speccheck): it must report what
is wrong, and say where to edit.

A coverage test that cannot fail proves nothing, so each check is shown failing on a doctored spec.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from accountkit_codegen.spec.pages import examples as ex
from accountkit_codegen.spec.pages import speccheck as sc
from accountkit_codegen.spec.pages.apis import PAGES, PageBinding, PageSource
from accountkit_codegen.spec.pages.model import row as Row
from accountkit_codegen.spec.pages.snapshot import load_snapshot

API = PageBinding("doctored", "field-table", PageSource("https://example.invalid/page", "test"), "update", ("params",))


def doctored() -> dict[str, Any]:
    """A small spec that covers ROWS below; each test breaks one thing in a copy."""
    return {
        "openapi": "3.1.0",
        "paths": {
            "/things/{id}": {
                "put": {
                    "operationId": "update",
                    "security": [{"token": []}],
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "description": "The thing.",
                            "schema": {"type": "string", "format": "uuid"},
                        }
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"params": {"$ref": "#/components/schemas/Thing"}},
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"id": {"type": "integer", "description": "The ID."}},
                                    }
                                }
                            },
                        },
                        "500": {
                            "description": "fault",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fault"}}},
                        },
                    },
                }
            }
        },
        "components": {
            "securitySchemes": {
                "token": {
                    "type": "apiKey",
                    "in": "query",
                    "name": "api_token",
                    "description": "API token (see Authentication)",
                }
            },
            "schemas": {
                "Thing": {
                    "type": "object",
                    "required": ["mail"],
                    "properties": {
                        "price": {"type": "number", "description": "The price. In cents."},
                        "mail": {"type": "string", "pattern": "^.+@.+$", "description": "The e-mail."},
                        "flag": {
                            "type": "string",
                            "enum": ["Y", "N"],
                            "readOnly": True,
                            "description": "The flag. Possible values: Y - yes; N - no. Note: read-only.",
                        },
                        "subs": {
                            "type": "array",
                            "description": "The subs.",
                            "items": {"$ref": "#/components/schemas/Sub"},
                        },
                    },
                },
                "Sub": {
                    "type": "object",
                    "properties": {"when": {"type": "string", "format": "date", "description": "The day."}},
                },
                "Fault": {
                    "type": "object",
                    "properties": {"faultcode": {"type": "string", "description": "The error code."}},
                },
            },
        },
    }


ROWS = {
    "id": Row("path", "id", "globally unique identifier", "The thing.", True),
    "api_token": Row("auth-query", "api_token", "string", "API token (see Authentication)", True),
    "price": Row("request", "price", "float", "The price. In cents."),
    "mail": Row("request", "mail", "string", "The e-mail.", True, "^.+@.+$"),
    "flag": Row("request", "flag", "string", "The flag. Possible values: Y - yes; N - no. Note: read-only."),
    "subs": Row("request", "subs", "array[object]", "The subs."),
    "subs.when": Row("request", "subs.when", "date", "The day."),
    "response id": Row("response", "id", "integer", "The ID."),
    "faultcode": Row("error:500", "faultcode", "string", "The error code."),
}


def problems(doc: dict[str, Any], key: str) -> str:
    return "; ".join(sc.check_row(doc, API, ROWS[key]))


@pytest.mark.parametrize("key", list(ROWS))
def test_doctored_spec_is_clean(key: str) -> None:
    assert problems(doctored(), key) == ""


def thing(doc: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = doc["components"]["schemas"]["Thing"]["properties"]
    return properties


def test_deleted_field_is_reported() -> None:
    doc = doctored()
    del thing(doc)["price"]
    del doc["components"]["schemas"]["Sub"]["properties"]["when"]
    del doc["components"]["schemas"]["Fault"]["properties"]["faultcode"]
    assert "not found" in problems(doc, "price")
    assert "not found" in problems(doc, "subs.when")
    assert "not found" in problems(doc, "faultcode")


def test_wrong_type_is_reported() -> None:
    doc = doctored()
    thing(doc)["price"]["type"] = "integer"  # float on the page is number, not integer
    doc["components"]["schemas"]["Sub"]["properties"]["when"].pop("format")  # a bare string is no date
    doc["paths"]["/things/{id}"]["put"]["parameters"][0]["schema"].pop("format")  # uuid needs the format
    assert "page type 'float'" in problems(doc, "price")
    assert "page type 'date'" in problems(doc, "subs.when")
    assert "page type 'globally unique identifier'" in problems(doc, "id")
    thing(doc)["subs"]["items"] = {"type": "string"}
    assert "page type 'array[object]'" in problems(doc, "subs")


def test_union_and_wire_note_are_accepted() -> None:
    doc = doctored()
    thing(doc)["price"] = {"type": ["number", "null"], "description": "The price. In cents."}
    assert problems(doc, "price") == ""
    thing(doc)["price"] = {"anyOf": [{"type": "string"}, {"type": "number"}], "description": "The price."}
    assert problems(doc, "price") == ""
    thing(doc)["price"] = {"type": "string", "description": "The price.", "x-accountkit-wire": "sent as text"}
    assert problems(doc, "price") == ""


def test_missing_description_is_reported() -> None:
    doc = doctored()
    thing(doc)["price"]["description"] = "Price in cents."
    assert "description lacks" in problems(doc, "price")
    # a per-use description beside a $ref counts, as does the component's own
    doc["components"]["schemas"]["Mail"] = {"type": "string", "pattern": "^.+@.+$", "description": "Mail."}
    thing(doc)["mail"] = {"$ref": "#/components/schemas/Mail", "description": "The e-mail."}
    assert problems(doc, "mail") == ""
    thing(doc)["mail"] = {"$ref": "#/components/schemas/Mail"}
    doc["components"]["schemas"]["Mail"]["description"] = "The e-mail. Checked loosely."
    assert problems(doc, "mail") == ""


def test_missing_constraints_are_reported() -> None:
    doc = doctored()
    doc["components"]["schemas"]["Thing"]["required"] = []
    thing(doc)["mail"]["pattern"] = "^.*$"
    del thing(doc)["flag"]["readOnly"]
    thing(doc)["flag"]["enum"] = ["Y", "N", "X"]
    doc["paths"]["/things/{id}"]["put"]["parameters"][0]["required"] = False
    doc["paths"]["/things/{id}"]["put"]["security"].append({})  # anonymous allowed: not required
    assert "required" in problems(doc, "mail") and "pattern" in problems(doc, "mail")
    assert "readOnly" in problems(doc, "flag") and "page values ['Y', 'N']" in problems(doc, "flag")
    assert "required" in problems(doc, "id")
    assert "required" in problems(doc, "api_token")


def test_value_list_against_integer_needs_a_wire_note() -> None:
    """PortaBilling types some fields integer but lists Y/N: an enum or an x-accountkit-wire note."""
    doc = doctored()
    row = Row("request", "count", "integer", "How many. Possible values: Y - yes; N - no.")
    thing(doc)["count"] = {"type": "integer", "description": "How many."}
    assert "page values" in "; ".join(sc.check_row(doc, API, row))
    thing(doc)["count"]["x-accountkit-wire"] = "integer kept; the values are not documented"
    assert sc.check_row(doc, API, row) == []
    # a wire note does not excuse a missing enum where the list fits the type
    row = Row("request", "count", "integer", "How many. Possible values: 0 - none; 1 - one.")
    assert "page values" in "; ".join(sc.check_row(doc, API, row))


def test_a_page_mark_may_differ_only_with_a_reason_and_a_defined_source() -> None:
    """x-accountkit-page-differs excuses one named mark of one property, never more, never without a source."""
    doc = doctored()
    doc["x-accountkit-sources"] = {"clients": {"title": "Public clients", "url": "https://example.invalid/c"}}
    del thing(doc)["flag"]["readOnly"]
    doc["components"]["schemas"]["Thing"]["required"] = []
    reason = {"why": "It identifies the element of a list.", "x-accountkit-source": "clients"}

    thing(doc)["flag"]["x-accountkit-page-differs"] = {"readOnly": reason}
    assert problems(doc, "flag") == ""
    assert "required" in problems(doc, "mail")  # another property's mark is not excused
    thing(doc)["flag"]["x-accountkit-page-differs"] = {"required": reason}
    assert "readOnly" in problems(doc, "flag")  # another mark is not excused
    for broken in (
        {"why": "It identifies the element of a list."},  # no source
        {"why": "", "x-accountkit-source": "clients"},  # no reason
        {"why": "It identifies it.", "x-accountkit-source": "nowhere"},  # a source the document lacks
        {"why": "It identifies it.", "x-accountkit-source": ["clients", "nowhere"]},
        "It identifies the element of a list.",  # not an entry with a reason and a source
    ):
        thing(doc)["flag"]["x-accountkit-page-differs"] = {"readOnly": broken}
        assert "readOnly" in problems(doc, "flag"), broken
    thing(doc)["mail"]["x-accountkit-page-differs"] = {"required": reason}
    assert problems(doc, "mail") == ""
    thing(doc)["price"]["type"] = "integer"
    thing(doc)["price"]["x-accountkit-page-differs"] = {"type": reason}  # only the marks can differ this way
    assert "page type 'float'" in problems(doc, "price")


def test_auth_row_must_be_a_security_scheme() -> None:
    doc = doctored()
    op = doc["paths"]["/things/{id}"]["put"]
    op["security"] = []
    op["parameters"].append({"name": "api_token", "in": "query", "schema": {"type": "string"}})
    assert "not found" in problems(doc, "api_token")


def test_where_to_edit_is_named() -> None:
    """A found row points at its own node; a missing one at the `properties` (or list) it belongs in."""
    doc = doctored()
    assert sc.check_row_at(doc, API, ROWS["subs.when"]).pointer == "/components/schemas/Sub/properties/when"
    assert sc.check_row_at(doc, API, ROWS["id"]).pointer == "/paths/~1things~1{id}/put/parameters/0"
    assert sc.check_row_at(doc, API, ROWS["api_token"]).pointer == "/components/securitySchemes/token"
    del doc["components"]["schemas"]["Sub"]["properties"]["when"]
    assert sc.check_row_at(doc, API, ROWS["subs.when"]).pointer == "/components/schemas/Sub/properties"
    new = Row("request", "subs.extra", "string", "New.")
    assert sc.check_row_at(doc, API, new).pointer == "/components/schemas/Sub/properties"
    assert (
        sc.check_row_at(doc, API, Row("query", "q", "string", "Q.")).pointer == "/paths/~1things~1{id}/put/parameters"
    )
    response = Row("response", "extra", "string", "New.")
    assert sc.check_row_at(doc, API, response).pointer.endswith(
        "/responses/200/content/application~1json/schema/properties"
    )


def test_a_spec_without_the_operation_is_a_named_error() -> None:
    doc = doctored()
    doc["paths"]["/things/{id}"]["put"]["operationId"] = "other"
    with pytest.raises(sc.SpecShapeError, match="no operation 'update'"):
        sc.check_row(doc, API, ROWS["id"])
    doc["paths"]["/things/{id}"]["put"]["operationId"] = "update"
    doc["components"]["schemas"]["Thing"]["properties"]["subs"]["items"] = {"$ref": "#/components/schemas/Gone"}
    with pytest.raises(sc.SpecShapeError, match="points nowhere"):
        sc.check_row(doc, API, ROWS["subs.when"])


@pytest.mark.parametrize("api", list(PAGES))
def test_real_spec_with_a_wrong_type_is_reported(api: str) -> None:
    """Mutate a copy of the real spec: the first typed row that passes must fail once retyped."""
    binding = PAGES[api]
    doc = copy.deepcopy(yaml.safe_load(binding.spec_path.read_text(encoding="utf-8")))
    for row in load_snapshot(api).page.rows:
        target = sc.locate(doc, binding, row)
        if (
            target
            and target.schema is not None
            and sc.canon(row.type) != ("any",)
            and not sc.check_row(doc, binding, row)
        ):
            target.schema.clear()
            target.schema.update({"type": "null", "description": row.description})
            assert any("page type" in p for p in sc.check_row(doc, binding, row)), row
            return
    pytest.fail(f"no passing typed row in {api} to mutate")


# --- examples helpers ------------------------------------------------------------------------------


def test_substitutions_take_pointers_and_dotted_paths() -> None:
    page: dict[str, Any] = {"a": {"b": [{"c": "x@y"}]}, "d": 1}
    subs: list[dict[str, Any]] = [
        {"path": "/a/b/0/c", "page_value": "x@y", "value": "x@example.com", "reason": "obfuscated"},
        {"path": "d", "page_value": 1, "value": 2, "reason": "r"},
    ]
    assert ex.apply_substitutions(page, subs) == {"a": {"b": [{"c": "x@example.com"}]}, "d": 2}
    assert ex.apply_substitutions(page, [dict(subs[0], path="a.b[0].c")])["a"]["b"][0]["c"] == "x@example.com"
    assert page["a"]["b"][0]["c"] == "x@y"  # the page value is not changed in place
    assert ex.apply_substitutions("*@x", [{"path": "", "page_value": "*@x", "value": "a@x", "reason": "r"}]) == "a@x"
    with pytest.raises(ValueError):  # a note whose page_value is not on the page has gone stale
        ex.apply_substitutions(page, [dict(subs[1], page_value=5)])


def test_json_equality_keeps_types() -> None:
    assert ex.same({"a": [1, 2.0]}, {"a": [1.0, 2]})
    assert not ex.same(True, 1) and not ex.same("0.0", 0.0) and not ex.same({"a": 1}, {"a": 1, "b": None})
    assert ex.first_difference({"a": {"b": 1}}, {"a": {"b": 2}}) == "/a/b: page 1, spec 2"
