"""Tests of the checker itself: it must report what is wrong, and the page parsers must read the pages.

A coverage test that cannot fail proves nothing, so each check is shown failing on a doctored spec.
"""

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # import seedpages whatever pytest's import mode
import seedpages as sp  # noqa: E402
from seedpages import Row  # noqa: E402

API = sp.Api("999", "doctored.yaml", "update", lambda t: [], ("params",), lambda t: [])


def doctored() -> dict:
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


def problems(doc: dict, key: str) -> str:
    return "; ".join(sp.check_row(doc, API, ROWS[key]))


@pytest.mark.parametrize("key", list(ROWS))
def test_doctored_spec_is_clean(key):
    assert problems(doctored(), key) == ""


def thing(doc: dict) -> dict:
    return doc["components"]["schemas"]["Thing"]["properties"]


def test_deleted_field_is_reported():
    doc = doctored()
    del thing(doc)["price"]
    del doc["components"]["schemas"]["Sub"]["properties"]["when"]
    del doc["components"]["schemas"]["Fault"]["properties"]["faultcode"]
    assert "not found" in problems(doc, "price")
    assert "not found" in problems(doc, "subs.when")
    assert "not found" in problems(doc, "faultcode")


def test_wrong_type_is_reported():
    doc = doctored()
    thing(doc)["price"]["type"] = "integer"  # float on the page is number, not integer
    doc["components"]["schemas"]["Sub"]["properties"]["when"].pop("format")  # a bare string is no date
    doc["paths"]["/things/{id}"]["put"]["parameters"][0]["schema"].pop("format")  # uuid needs the format
    assert "page type 'float'" in problems(doc, "price")
    assert "page type 'date'" in problems(doc, "subs.when")
    assert "page type 'globally unique identifier'" in problems(doc, "id")
    thing(doc)["subs"]["items"] = {"type": "string"}
    assert "page type 'array[object]'" in problems(doc, "subs")


def test_union_and_wire_note_are_accepted():
    doc = doctored()
    thing(doc)["price"] = {"type": ["number", "null"], "description": "The price. In cents."}
    assert problems(doc, "price") == ""
    thing(doc)["price"] = {"anyOf": [{"type": "string"}, {"type": "number"}], "description": "The price."}
    assert problems(doc, "price") == ""
    thing(doc)["price"] = {"type": "string", "description": "The price.", "x-accountkit-wire": "sent as text"}
    assert problems(doc, "price") == ""


def test_missing_description_is_reported():
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


def test_missing_constraints_are_reported():
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


def test_value_list_against_integer_needs_a_wire_note():
    """PortaBilling types some fields integer but lists Y/N: an enum or an x-accountkit-wire note."""
    doc = doctored()
    row = Row("request", "count", "integer", "How many. Possible values: Y - yes; N - no.")
    thing(doc)["count"] = {"type": "integer", "description": "How many."}
    assert "page values" in "; ".join(sp.check_row(doc, API, row))
    thing(doc)["count"]["x-accountkit-wire"] = "integer kept; the values are not documented"
    assert sp.check_row(doc, API, row) == []
    # a wire note does not excuse a missing enum where the list fits the type
    row = Row("request", "count", "integer", "How many. Possible values: 0 - none; 1 - one.")
    assert "page values" in "; ".join(sp.check_row(doc, API, row))


def test_auth_row_must_be_a_security_scheme():
    doc = doctored()
    op = doc["paths"]["/things/{id}"]["put"]
    op["security"] = []
    op["parameters"].append({"name": "api_token", "in": "query", "schema": {"type": "string"}})
    assert "not found" in problems(doc, "api_token")


@pytest.mark.parametrize("api", list(sp.APIS))
def test_real_spec_with_a_wrong_type_is_reported(api):
    """Mutate a copy of the real spec: the first typed row that passes must fail once retyped."""
    path = sp.SPECS / sp.APIS[api].spec
    if not path.exists():
        pytest.skip(f"{path.name} not written yet (test_seed_coverage fails for it)")
    doc = copy.deepcopy(sp.cached_spec(sp.APIS[api].spec))
    for row in sp.page_rows(api):
        target = sp.locate(doc, sp.APIS[api], row)
        if (
            target
            and target.schema is not None
            and sp.canon(row.page_type) != ("any",)
            and not sp.check_row(doc, sp.APIS[api], row)
        ):
            target.schema.clear()
            target.schema.update({"type": "null", "description": row.description})
            assert any("page type" in p for p in sp.check_row(doc, sp.APIS[api], row)), row
            return
    pytest.fail(f"no passing typed row in {api} to mutate")


# --- examples helpers ------------------------------------------------------------------------------


def test_substitutions_take_pointers_and_dotted_paths():
    page = {"a": {"b": [{"c": "x@y"}]}, "d": 1}
    subs = [
        {"path": "/a/b/0/c", "page_value": "x@y", "value": "x@example.com", "reason": "obfuscated"},
        {"path": "d", "page_value": 1, "value": 2, "reason": "r"},
    ]
    assert sp.apply_substitutions(page, subs) == {"a": {"b": [{"c": "x@example.com"}]}, "d": 2}
    assert sp.apply_substitutions(page, [dict(subs[0], path="a.b[0].c")])["a"]["b"][0]["c"] == "x@example.com"
    assert page["a"]["b"][0]["c"] == "x@y"  # the page value is not changed in place
    assert sp.apply_substitutions("*@x", [{"path": "", "page_value": "*@x", "value": "a@x", "reason": "r"}]) == "a@x"
    with pytest.raises(ValueError):  # a note whose page_value is not on the page has gone stale
        sp.apply_substitutions(page, [dict(subs[1], page_value=5)])


def test_json_equality_keeps_types():
    assert sp.same({"a": [1, 2.0]}, {"a": [1.0, 2]})
    assert not sp.same(True, 1) and not sp.same("0.0", 0.0) and not sp.same({"a": 1}, {"a": 1, "b": None})
    assert sp.first_difference({"a": {"b": 1}}, {"a": {"b": 2}}) == "/a/b: page 1, spec 2"


# --- the page parsers on the real pages -------------------------------------------------------------


def rows_by_name(api):
    return {(r.location, r.name): r for r in sp.page_rows(api)}


def test_every_page_type_is_known():
    for api in sp.APIS:
        for row in sp.page_rows(api):
            sp.canon(row.page_type)  # raises on a type word the checker does not understand


def test_activeplatform_glued_and_split_rows_parse_alike():
    rows = rows_by_name("activeplatform")
    assert rows[("auth-query", "api_token")] == Row(
        "auth-query",
        "api_token",
        "string",
        "API token of the manager who performs the operation (see API Token Authentication)",
        True,
    )
    assert rows[("path", "account_id")][2:5] == ("integer", "Account ID", True)
    assert rows[("request", "custom_attributes.value")].page_type == "Depends on the Account type"
    assert rows[("response", "updated_at")].page_type == "date"
    assert rows[("response", "financial_blocking_threshold")].page_type == "float"
    assert ("response", "custom_attributes.name") in rows and ("response", "name") in rows


def test_portabilling_locations():
    rows = rows_by_name("portabilling")
    assert rows[("request", "assigned_addons.product_subscription.periodic_fees")].page_type == "array[array[object]]"
    assert ("request", "release_assigned_did") in rows
    assert rows[("response", "i_account")].page_type == "integer"
    assert {name for loc, name in rows if loc == "error:500"} == {"faultcode", "faultstring"}


def test_octopush_nesting():
    rows = rows_by_name("octopush")
    assert rows[("request", "callbacks.callback_url_for_blacklisted_numbers")].page_type == "string"
    assert rows[("request", "callbacks.email_for_inbounds")]
    assert ("request", "password") in rows and ("request", "callbacks.password") not in rows


def test_twosms_additional_information():
    rows = rows_by_name("twosms")
    assert rows[("path", "id")].required
    contact, phone = rows[("request", "ContactNumber")], rows[("request", "PhoneNumber")]
    assert contact.required and contact.pattern == phone.pattern and phone.required is None
    assert contact.pattern.startswith("^(?=.*?\\d") and contact.pattern.endswith("{5,20})$")
    assert rows[("response", "ResponseData")].page_type == "ResponseDataOfObject"


def test_intandem_page_change_is_detected():
    text = sp.seed_text("000")
    assert [r.name for r in sp.parse_intandem(text)][-1] == "Authorization"
    dropped = text.replace("string\n\nThe Number Of SMS For Deletion From The Account", "")
    assert dropped != text
    with pytest.raises(ValueError, match="query rows"):
        sp.parse_intandem(dropped)
