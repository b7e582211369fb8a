"""``generate/checks.py``: request models' checks written as data, and what it refuses to write.

Whether the written checks decide like the models is proven on every real request model by
``tests/runtime/test_fastcheck.py``; here: the translation of each construct it rewrites, that the data
is the same on every run (no object ids), and that a construct it cannot write stops the build with
an error naming the model and the field instead of being left out.
"""

from __future__ import annotations

import enum
import json
from types import SimpleNamespace
from typing import Annotated, Any

import pytest
from accountkit_codegen.generate import checks
from accountkit_runtime import fastcheck
from accountkit_runtime.patterns import SpecPattern
from pydantic import AfterValidator, AnyUrl, BaseModel, ConfigDict, EmailStr, ValidationError
from pydantic_core import SchemaValidator


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    colour: Colour
    site: AnyUrl | None = None


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    inner: Inner
    email: EmailStr | None = None
    code: Annotated[str, SpecPattern("^(?=.*[0-9])[a-z0-9]+$", ("^.*[0-9]", "^[a-z0-9]+$"))] | None = None


def _data(*models: type[BaseModel]) -> dict[str, Any]:
    written = checks.request_checks(SimpleNamespace(**{m.__name__: m for m in models}), [m.__name__ for m in models])  # type: ignore[arg-type]
    return {name: json.loads(text) for name, text in written.items()}


def _accepts(model: type[BaseModel], value: Any) -> tuple[bool, bool]:
    """(the model's verdict, the written checks' verdict) on ``value`` as strict JSON."""
    content = json.dumps(value)
    try:
        model.model_validate_json(content, strict=True)
        by_model = True
    except ValidationError:
        by_model = False
    data = _data(model)[model.__name__]
    validator = SchemaValidator(fastcheck._compiled(data))  # as the runtime compiles it
    try:
        validator.validate_json(content, strict=True)
        by_data = True
    except ValidationError:
        by_data = False
    return by_model, by_data


@pytest.mark.parametrize(
    "value",
    [
        {"inner": {"colour": "red"}},
        {"inner": {"colour": "green"}},
        {"inner": {"colour": "red", "shade": 1}},
        {"inner": {"colour": "red", "site": "http://example.com/x"}},
        {"inner": {"colour": "red", "site": "not a url"}},
        {"inner": {"colour": "red"}, "email": "ann@example.com"},
        {"inner": {"colour": "red"}, "email": "not an address"},
        {"inner": {"colour": "red"}, "code": "abc1"},
        {"inner": {"colour": "red"}, "code": "abc"},
        {"inner": {"colour": "red"}, "code": "ABC1"},
        {"inner": {}},
        {},
    ],
)
def test_enums_urls_emails_and_split_patterns_decide_as_the_model(value: Any) -> None:
    by_model, by_data = _accepts(Outer, value)

    assert by_data == by_model


def test_the_data_is_plain_and_the_same_on_every_run() -> None:
    text = json.dumps(_data(Outer))

    assert text == json.dumps(_data(Outer))
    assert ":" not in json.dumps([ref for ref in _refs(_data(Outer))])  # "Inner", not "module.Inner:1403…"
    assert '"import": "accountkit_runtime.emails:validate"' in text  # not pydantic.networks'
    assert '"type": "model"' not in text and '"type": "enum"' not in text


def _refs(schema: Any) -> list[str]:
    if isinstance(schema, list):
        return [ref for item in schema for ref in _refs(item)]
    if not isinstance(schema, dict):
        return []
    own = [schema["ref"]] if isinstance(schema.get("ref"), str) else []
    return own + [ref for value in schema.values() for ref in _refs(value)]


class WithInlineFunction(BaseModel):
    name: Annotated[str, AfterValidator(lambda value: value.strip())]


def test_a_function_it_cannot_name_stops_the_build_naming_the_field() -> None:
    with pytest.raises(checks.ChecksError, match=r"WithInlineFunction: WithInlineFunction\.name: .*cannot be imported"):
        _data(WithInlineFunction)


def test_a_model_whose_fields_are_not_model_fields_stops_the_build() -> None:
    """A custom core schema may put something else inside a model: the translation does not guess."""

    class Custom:
        __pydantic_core_schema__ = {"type": "model", "cls": dict, "schema": {"type": "typed-dict", "fields": {}}}

    with pytest.raises(checks.ChecksError, match=r"Custom: .*a model whose schema is 'typed-dict'"):
        checks.request_checks(SimpleNamespace(Custom=Custom), ["Custom"])  # type: ignore[arg-type]
