"""Every rule of specdiff, through the crafted before/after pairs of rulecases.py, and what is not a change.

Each case changes one thing in the small spec (conftest.py) and expects exactly the listed changes:
(rule, level, location). "Exactly" matters: a rule that also fired somewhere else, or a refactoring
that showed up as a change, fails here too.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from accountkit_codegen.changes.diffrules import RULES
from accountkit_codegen.changes.specdiff import diff
from rulecases import ALL, Doc, operation, request_props, response_props, run_case, schema, summary

OPERATION = "POST /things/{id}"


@pytest.mark.parametrize(("before", "after", "expected"), ALL)
def test_rule(
    spec: dict[str, Any],
    before: Callable[[Doc], Any] | None,
    after: Callable[[Doc], Any],
    expected: list[tuple[str, str, str]],
) -> None:
    changes = run_case(spec, before, after)
    assert summary(changes) == expected
    assert all(change.detail for change in changes)


def test_every_rule_has_a_crafted_pair() -> None:
    """A rule in the table must come with a case in rulecases.py that triggers it, at its level."""
    covered = {rule for param in ALL for rule, _level, _location in param.values[2]}
    assert sorted(set(RULES) - covered) == []
    levels = {(rule, level) for param in ALL for rule, level, _location in param.values[2]}
    assert sorted(pair for pair in levels if RULES[pair[0]].level != pair[1]) == []


def test_every_pair_is_told_apart_both_ways(spec: dict[str, Any]) -> None:
    """Swapping a case's sides never crashes, and a change that was found is still found (reversed)."""
    for param in ALL:
        before, after, expected = param.values
        old = copy.deepcopy(spec)
        if before:
            before(old)
        new = copy.deepcopy(old)
        after(new)
        assert diff(new, old) or not expected, param.id


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


def _name_as_all_of(doc: Doc) -> None:
    request_props(doc)["name"] = {
        "allOf": [{"type": "string", "minLength": 1, "maxLength": 40}, {"maxLength": 20, "pattern": "^[a-z]+$"}]
    }


def _age_bounds_as_all_of(doc: Doc) -> None:
    request_props(doc)["age"] = {
        "allOf": [{"type": "integer", "minimum": -5, "maximum": 150}, {"type": "number", "minimum": 0, "maximum": 200}]
    }


def _note_nullable_31(doc: Doc) -> None:
    response_props(doc)["note"] = {"type": ["string", "null"], "maxLength": 200}


def _note_nullable_30(doc: Doc) -> None:
    response_props(doc)["note"] = {"type": "string", "nullable": True, "maxLength": 200}


def _age_exclusive_31(doc: Doc) -> None:
    request_props(doc)["age"] = {"type": "integer", "exclusiveMinimum": 0, "maximum": 150}


def _age_exclusive_30(doc: Doc) -> None:
    request_props(doc)["age"] = {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 150}


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
    pytest.param(None, _name_as_all_of, id="bounds and pattern split over allOf pieces (the tightest wins)"),
    pytest.param(None, _age_bounds_as_all_of, id="integer and number in allOf is integer"),
    pytest.param(_note_nullable_31, _note_nullable_30, id="3.0 nullable: true is 3.1 type null"),
    pytest.param(_age_exclusive_31, _age_exclusive_30, id="3.0 boolean exclusiveMinimum is 3.1 numeric"),
]


@pytest.mark.parametrize(("before", "after"), NO_OPS)
def test_no_op_has_no_changes(
    spec: dict[str, Any], before: Callable[[Doc], Any] | None, after: Callable[[Doc], Any]
) -> None:
    assert run_case(spec, before, after) == []


@pytest.mark.parametrize(("before", "after"), REWRITES)
def test_equivalent_rewrite_is_not_an_api_change(
    spec: dict[str, Any], before: Callable[[Doc], Any] | None, after: Callable[[Doc], Any]
) -> None:
    assert summary(run_case(spec, before, after)) == [("other-change", "info", "(document)")]


def test_spec_absent_at_the_ref_is_all_new(spec: dict[str, Any]) -> None:
    assert summary(diff({}, spec)) == [("operation-added", "info", OPERATION)]


def test_spec_removed_is_all_removed(spec: dict[str, Any]) -> None:
    assert summary(diff(spec, {})) == [("operation-removed", "breaking", OPERATION)]


def test_location_reads_like_the_portabilling_example() -> None:
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
        "rule": "request-property-removed",
        "level": "breaking",
        "breaking": True,
        "location": "POST /Account/update_account request params.account_info.firstname",
        "detail": "request property removed",
    }


def detail_of(changes: list[Any], rule: str) -> tuple[str, str]:
    (found,) = [(change.location, change.detail) for change in changes if change.rule == rule]
    return found


@pytest.mark.parametrize(
    ("security", "shown"),
    [([{"bearer": []}], "security token -> bearer"), ([], "security token -> none")],
)
def test_a_security_change_names_both_requirements(spec: dict[str, Any], security: list[Any], shown: str) -> None:
    new = copy.deepcopy(spec)
    operation(new)["security"] = security

    assert detail_of(diff(spec, new), "security-changed") == (OPERATION, shown)


def test_equal_text_read_twice_is_no_change(spec: dict[str, Any]) -> None:
    """Values parsed from two documents are equal, not the same objects: the differ compares by value."""
    assert diff(spec, json.loads(json.dumps(spec))) == []


def test_header_names_are_compared_without_case_and_other_names_with_it(spec: dict[str, Any]) -> None:
    def with_parameter(where: str, name: str) -> Doc:
        doc = copy.deepcopy(spec)
        operation(doc)["parameters"].append({"name": name, "in": where, "schema": {"type": "string"}})
        return doc

    header_case = summary(diff(with_parameter("header", "X-Trace"), with_parameter("header", "x-trace")))
    assert header_case == [("other-change", "info", "(document)")]  # the text changed, the API did not
    changes = summary(diff(with_parameter("query", "pageSize"), with_parameter("query", "pagesize")))
    assert ("parameter-removed", "breaking", f"{OPERATION} parameter query:pageSize") in changes


def test_a_change_under_another_media_type_than_json_names_it(spec: dict[str, Any]) -> None:
    old = copy.deepcopy(spec)
    operation(old)["requestBody"]["content"]["text/plain"] = {"schema": {"type": "string"}, "example": "a"}
    new = copy.deepcopy(old)
    operation(new)["requestBody"]["content"]["text/plain"]["example"] = "b"

    assert detail_of(diff(old, new), "example-changed") == (f"{OPERATION} request (text/plain)", "examples changed")
