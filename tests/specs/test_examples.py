"""Examples: the spec's own examples are valid, and the vendor pages' examples are in the spec.

Why both: an invalid example misleads readers and breaks mock servers (Prism answers 500 on them);
a page example missing from the spec loses the one piece of wire evidence the vendor gave us.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from accountkit_codegen.spec.layout import SPECS
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.snapshot import load_snapshot
from accountkit_codegen.spec.pages.speccheck import check_example
from openapi_schema_validator import OAS31Validator, oas31_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from support.specs import read_spec, resolve

SPEC_FILES = sorted(p.name for p in SPECS.glob("*.yaml"))


@functools.cache
def cached_spec(filename: str) -> dict[str, Any]:
    """PyYAML's safe_load, once per run (hundreds of tests read the same file); never mutate it."""
    return read_spec(filename.removesuffix(".yaml"))


def _pointer(parts: list[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def spec_examples(doc: dict[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(schema pointer, example value, where) for every example in the document.

    Media types and parameters: `examples` maps (and `example`), checked against their `schema`.
    Schemas: `examples` lists, checked against the schema that holds them. Example values themselves
    are not walked (an example may contain keys named "schema"), nor are XML media types.
    """

    def walk(node: Any, parts: list[str | int]) -> Iterator[tuple[str, Any, str]]:
        if parts and "xml" in str(parts[-1]):
            return  # an XML media type: its examples are XML text, not JSON instances of the schema
        if isinstance(node, dict):
            if "schema" in node and isinstance(node.get("examples"), dict):
                for name, ex in node["examples"].items():
                    ex = resolve(doc, ex)
                    if "value" in ex:
                        yield _pointer(parts + ["schema"]), ex["value"], _pointer(parts + ["examples", name])
            if "schema" in node and "example" in node:
                yield _pointer(parts + ["schema"]), node["example"], _pointer(parts + ["example"])
            if isinstance(node.get("examples"), list):
                for i, value in enumerate(node["examples"]):
                    yield _pointer(parts), value, _pointer(parts + ["examples", i])
            for key, child in node.items():
                if key not in ("examples", "example", "x-accountkit-example-substitutions"):
                    yield from walk(child, parts + [key])
        elif isinstance(node, list):
            for i, child in enumerate(node):
                yield from walk(child, parts + [i])

    yield from walk(doc, [])


def validator_for(doc: dict[str, Any], uri: str, pointer: str) -> OAS31Validator:
    """A validator for the schema at `pointer`, with $refs resolved through the whole document."""
    registry = Registry().with_resource(uri, Resource.from_contents(doc, default_specification=DRAFT202012))
    return OAS31Validator(
        {"$ref": f"{uri}#{quote(pointer, safe='/~')}"}, registry=registry, format_checker=oas31_format_checker
    )


def _spec_example_cases() -> Iterator[Any]:
    for name in SPEC_FILES:
        doc = cached_spec(name)
        for pointer, value, where in spec_examples(doc):
            yield pytest.param(name, pointer, value, id=f"{name}:{where}")


@pytest.mark.parametrize(("spec_file", "pointer", "value"), list(_spec_example_cases()))
def test_spec_example_validates(spec_file: str, pointer: str, value: Any) -> None:
    doc = cached_spec(spec_file)
    errors = sorted(validator_for(doc, f"urn:accountkit:{spec_file}", pointer).iter_errors(value), key=str)
    assert not errors, "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '/'}: {e.message}" for e in errors)


def test_specs_have_examples() -> None:
    """Guards the walk above: if it found nothing, the parametrized test would pass vacuously."""
    assert SPEC_FILES and any(list(spec_examples(cached_spec(n))) for n in SPEC_FILES)


PAGE_CASES = [
    pytest.param(api, direction, i, value, id=f"{api}:{direction}:{i}")
    for api in PAGES
    for op in load_snapshot(api).page.operations
    for direction in ("request", "response")
    for i, value in enumerate(e.value for e in op.examples if e.direction == direction)
]


@pytest.mark.parametrize(("api", "direction", "index", "page_value"), PAGE_CASES)
def test_page_example_is_in_spec(api: str, direction: str, index: int, page_value: Any) -> None:
    """Equal to some spec example once that example's documented substitutions are made to the page's."""
    binding = PAGES[api]
    if not binding.spec_path.exists():
        pytest.fail(f"{binding.spec_path} does not exist")
    result = check_example(cached_spec(binding.spec_file), binding, direction, index, page_value)
    assert not result.problems, f"{' | '.join(result.problems)} (edit {binding.spec_file} at {result.pointer})"


def test_page_examples_are_checked() -> None:
    """Guards PAGE_CASES: the snapshots hold the pages' examples, so the test above is not vacuous."""
    assert {case.values[1] for case in PAGE_CASES} == {"request", "response"}


def test_invalid_examples_are_reported() -> None:
    """The walk and the validator must catch a wrong type, a broken $ref'd format and a closed schema."""
    doc = {
        "openapi": "3.1.0",
        "paths": {
            "/x/{id}": {
                "put": {
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "schema": {"type": "string", "format": "uuid"},
                            "example": "not-a-uuid",
                        }
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Body"},
                                "examples": {"bad": {"value": {"when": "2022-04-01 00:00:00", "extra": 1}}},
                            }
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Body": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"when": {"type": "string", "format": "date-time", "examples": [5]}},
                }
            }
        },
    }
    found = {
        where: [e.message for e in validator_for(doc, "urn:t", ptr).iter_errors(value)]
        for ptr, value, where in spec_examples(doc)
    }
    assert any("uuid" in m for m in found["/paths/~1x~1{id}/put/parameters/0/example"])
    bad = " ".join(found["/paths/~1x~1{id}/put/requestBody/content/application~1json/examples/bad"])
    assert "date-time" in bad and "extra" in bad
    assert any("not of type 'string'" in m for m in found["/components/schemas/Body/properties/when/examples/0"])
