"""The plain validators (``accountkit_runtime.fastcheck``, compiled from each package's generated
``_checks`` data) refuse exactly what the pydantic models refuse.

Request validation answers "does it conform" with a plain validator and imports and runs the model only
to word the problems (``validation._conforms``). A plain validator that accepted one value more would weaken
the checks, one that refused more would refuse valid requests without a message: both are caught
here, on every request model of every API, with values drawn by hypothesis around each model's own
field names (right and wrong types, missing and unknown keys, nulls, deep nesting) and around a
valid request.
"""

from __future__ import annotations

import copy
import importlib
import json
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError


def runtime_module(name: str) -> ModuleType:
    """``accountkit_runtime.<name>``, the runtime every client package shares."""
    return importlib.import_module(f"accountkit_runtime.{name}")


APIS = ("activeplatform", "intandem", "octopush", "portabilling", "twosms")

# A valid request per model (the values the runtime tests send), to mutate.
VALID: dict[str, Any] = {
    "portabilling.UpdateAccountRequestBody": {
        "params": {
            "account_info": {
                "i_account": 7,
                "firstname": "Ann",
                "email": "ann@example.com",
                "assigned_addons": [{"i_product": 12, "addon_effective_from": "2026-01-01 00:00:00"}],
            }
        }
    },
    "portabilling.LoginRequestBody": {"params": {"login": "admin", "password": "secret"}},
    "activeplatform.UpdateAccountRequestBody": {"first_name": "Ann", "email": "ann@example.com"},
    "activeplatform.UpdateAccountRequestParameters": {"account_id": 505},
    "intandem.ChangePackageRequestParameters": {
        "business_uid": "88pzdbz1hmkdoel4",
        "package_name": "gold",
        "external_subscription_params": {"plan": "x"},
    },
    "octopush.EditSubaccountRequestParameters": {"subaccount_email": "team@sub-accounts.example.com"},
    "twosms.UpdateAccountRequestParameters": {"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301"},
    "portabilling.RefreshAccessTokenRequestBody": {"params": {"refresh_token": "r-1"}},
    "portabilling.LogoutRequestBody": {"params": {"access_token": "a-1"}},
    "octopush.EditSubaccountRequestBody": {"first_name": "Ann", "last_name": "Lee", "password": "SubAccount-pass-1"},
    "twosms.UpdateAccountRequestBody": {
        "ContactNumber": "+44 20 7946 0000",
        "EmailAddress": "ops@example.com",
        "SMSPassword": "SmsPass-1",
        "SMSUsername": "ops",
        "TimeZone": "GMT Standard Time",
    },
}


def _models() -> list[tuple[str, type[BaseModel]]]:
    found = []
    for api in APIS:
        schemas = importlib.import_module(f"{api}_client.schemas")
        for operation in importlib.import_module(f"{api}_client._operations").OPERATIONS.values():
            for name in (operation.body_model, operation.parameters_model):
                if name:
                    found.append((f"{api}.{name}", getattr(schemas, name)))
    return found


MODELS = _models()


def _names(schema: Any) -> set[str]:
    """Every property name anywhere in a JSON schema."""
    found: set[str] = set()
    if isinstance(schema, dict):
        found |= set(schema.get("properties", {}))
        for value in schema.values():
            found |= _names(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _names(value)
    return found


def _accepts_model(model: type[BaseModel], content: bytes) -> bool:
    try:
        model.model_validate_json(content, strict=True)
    except ValidationError:
        return False
    return True


def _where(name: str) -> tuple[str, str]:
    """``"portabilling.LoginRequestBody"`` -> (its package, the model's name)."""
    api, model = name.split(".")
    return f"{api}_client", model


def _accepts_plain(name: str, content: bytes) -> bool:
    validator = runtime_module("fastcheck").validator(*_where(name))
    assert validator is not None
    try:
        validator.validate_json(content, strict=True)
    except ValidationError:
        return False
    return True


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "Ann", "ann@example.com", "not an email", "2026-01-01", "2026-01-01 00:00:00", "+44 1",
                     "http://example.com/x", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "12", "Y", "N", "active",
                     "x" * 300]),
    st.text(max_size=20),
)  # fmt: skip


def _values(names: list[str]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(names) | st.text(max_size=8)
    return st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=6),
        max_leaves=25,
    )


def _same_kind(value: Any) -> st.SearchStrategy[Any]:
    """Another value of the JSON type of ``value``: often still valid, sometimes not (patterns, formats, ranges)."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-(2**40), max_value=2**40)
    if isinstance(value, float):
        return st.floats(allow_nan=False, allow_infinity=False)
    if isinstance(value, str):
        return st.sampled_from([value, value.upper(), value + "1", "ann@example.com", "Ann"]) | st.text(max_size=12)
    return st.just(value)


def _mutate(value: Any, data: st.DataObject, names: list[str]) -> Any:
    """``value`` with one place changed: a key removed or added, or a leaf replaced (by any value or its kind)."""
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["descend", "descend", "remove", "add", "replace"]))
        if action == "descend":
            return {**value, key: _mutate(value[key], data, names)}
        if action == "remove":
            return {k: v for k, v in value.items() if k != key}
        if action == "add":
            return {**value, data.draw(st.sampled_from(names)): data.draw(_values(names))}
        return {**value, key: data.draw(_values(names))}
    if isinstance(value, list) and value:
        index = data.draw(st.integers(0, len(value) - 1))
        changed = copy.copy(value)
        changed[index] = _mutate(value[index], data, names)
        return changed
    if data.draw(st.booleans()):
        return data.draw(_same_kind(value))
    return data.draw(_values(names))


def test_every_request_model_has_a_plain_validator() -> None:
    fastcheck = runtime_module("fastcheck")
    missing = [name for name, _ in MODELS if fastcheck.validator(*_where(name)) is None]

    assert missing == []


def _package(root: Any, name: str, checks: str | None) -> str:
    """A package ``name`` under ``root`` (on sys.path), with ``checks`` as its ``_checks`` module's text."""
    folder = root / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    if checks is not None:
        (folder / "_checks.py").write_text(checks)
    return name


def test_a_package_generated_before_checks_existed_gets_no_validator(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    package = _package(tmp_path, "fastcheck_without_checks", None)

    assert runtime_module("fastcheck").validator(package, "Account") is None


def test_a_checks_module_that_fails_to_import_leaves_the_model_to_check(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plain checks are a shortcut and the models the reference: a ``_checks`` that cannot be loaded
    (here it imports a module that is not installed) is not used, and nothing fails because of it."""
    monkeypatch.syspath_prepend(str(tmp_path))
    package = _package(tmp_path, "fastcheck_broken_checks", "import fastcheck_no_such_module\nCHECKS = {}\n")

    assert runtime_module("fastcheck").validator(package, "Account") is None


def test_checks_this_pydantic_core_cannot_compile_leave_the_model_to_check(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    checks = "CHECKS = {'Account': '{\"type\": \"a-schema-type-of-a-later-pydantic-core\"}'}\n"
    package = _package(tmp_path, "fastcheck_later_checks", checks)

    assert runtime_module("fastcheck").validator(package, "Account") is None


def test_a_field_named_import_is_a_field_not_a_function_to_import(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a function schema's ``import`` key names a function: a request field may be called "import"."""
    monkeypatch.syspath_prepend(str(tmp_path))
    schema = {
        "type": "typed-dict",
        "fields": {"import": {"type": "typed-dict-field", "schema": {"type": "str"}, "required": True}},
        "extra_behavior": "forbid",
    }
    package = _package(
        tmp_path, "fastcheck_import_field", f"CHECKS = {{'Account': {json.dumps(json.dumps(schema))}}}\n"
    )

    validator = runtime_module("fastcheck").validator(package, "Account")

    assert validator is not None
    assert validator.validate_json(b'{"import": "yes"}') == {"import": "yes"}
    with pytest.raises(ValueError, match="import"):
        validator.validate_json(b'{"import": 1}')


def test_each_validator_is_compiled_once() -> None:
    fastcheck = runtime_module("fastcheck")
    package, model = _where("portabilling.UpdateAccountRequestBody")

    assert fastcheck.validator(package, model) is fastcheck.validator(package, model)


def _kinds(schema: Any) -> set[str]:
    """Every core-schema ``type`` found anywhere in ``schema``."""
    if isinstance(schema, list):
        return set().union(*map(_kinds, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = {schema["type"]} if isinstance(schema.get("type"), str) else set()
    return found.union(*map(_kinds, schema.values()))


def test_no_model_is_left_in_the_generated_checks_however_deep() -> None:
    """A model left inside (in a list, a nullable, a default) would need ``schemas`` imported and would be
    built on every call: the answer would be the same, the time the plain checks exist to save would not."""
    left = {}
    for name, _model in MODELS:
        package, model = _where(name)
        data = json.loads(importlib.import_module(f"{package}._checks").CHECKS[model])
        left[name] = "model" in _kinds(data)

    assert [name for name, model_left in left.items() if model_left] == []
    package, model = _where("portabilling.UpdateAccountRequestBody")
    assert "typed-dict" in _kinds(json.loads(importlib.import_module(f"{package}._checks").CHECKS[model]))


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_valid_requests_are_valid(name: str) -> None:
    model = dict(MODELS)[name]
    content = json.dumps(VALID[name]).encode()
    assert _accepts_model(model, content) and _accepts_plain(name, content)


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_plain_validators_refuse_exactly_what_models_refuse(
    name: str, model: type[BaseModel], data: st.DataObject
) -> None:
    names = sorted(_names(model.model_json_schema(by_alias=True))) or ["x"]
    if name in VALID and data.draw(st.booleans()):
        value = _mutate(VALID[name], data, names)
    else:
        value = data.draw(_values(names))
    content = json.dumps(value).encode()
    accepted = _accepts_model(model, content)
    event(f"accepted by the model: {accepted}")  # both outcomes occur (--hypothesis-show-statistics)

    assert _accepts_plain(name, content) == accepted, value
