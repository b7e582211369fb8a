"""A validator per request schema that says yes or no without building pydantic models.

``validation`` checks every request body and parameter set against a pydantic model of the spec.
``model_validate_json`` builds that model while it checks: an instance per nested object, and every
optional field the request leaves out filled with its default. PortaBilling's ``account_info`` has
some two hundred optional fields, so most of the time goes to filling in what the request does not
send. The answer needed before sending is only "does it conform"; the model is thrown away.

``plain_validator`` derives, once per model, a pydantic-core ``SchemaValidator`` of the same checks
with every model turned into a typed dict: the same fields, aliases, required keys, extra-key rule,
strictness and value schemas (patterns, enums, lengths, formats, nested objects), but an absent
optional field is simply absent. It refuses exactly what the model refuses (``tests/runtime/
test_fastcheck.py`` runs both on the same generated bodies); when it refuses, ``validation`` runs the
model to report the problems in the model's own words, so messages do not change either.

A schema with a construct this translation does not know (a validator function around a whole model,
a model with its own ``__init__`` or computed fields, extra fields with a schema) gets no plain
validator: ``plain_validator`` returns None and the model is used as before.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator

# Schema keys whose values are not schemas (functions, classes, config, metadata): copied as they are.
_OPAQUE = frozenset({"cls", "config", "metadata", "function", "serialization", "default", "ref", "schema_ref"})
_FIELD_KEYS = ("validation_alias", "serialization_alias", "serialization_exclude", "frozen", "metadata")


class _Unsupported(Exception):
    """The schema holds something the typed-dict translation could change the meaning of."""


def _plain(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_plain(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if kind == "model":
        return _model(schema)
    if kind in ("function-before", "function-after", "function-wrap", "function-plain"):
        inner = schema.get("schema")
        if isinstance(inner, dict) and inner.get("type") in ("model", "definition-ref"):
            raise _Unsupported("a validator function around a model (it would be given a dict)")
    return {key: value if key in _OPAQUE else _plain(value) for key, value in schema.items()}


def _model(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("custom_init") or schema.get("post_init"):
        raise _Unsupported("a model with its own __init__ or model_post_init")
    inner = schema["schema"]
    plain = _plain(inner) if schema.get("root_model") else _typed_dict(inner, schema.get("config") or {})
    if "ref" not in schema:
        return plain
    if "ref" in plain:  # a root model of a model: both refs may be pointed at
        return {"type": "chain", "steps": [plain], "ref": schema["ref"]}
    return {**plain, "ref": schema["ref"]}


def _typed_dict(fields_schema: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    if fields_schema.get("type") != "model-fields":
        raise _Unsupported(f"a model whose schema is {fields_schema.get('type')!r}")
    if fields_schema.get("computed_fields") or fields_schema.get("extras_schema") or fields_schema.get("post_init"):
        raise _Unsupported("computed fields, an extras schema or a post-init")
    fields = {}
    for name, field in fields_schema["fields"].items():
        value = field["schema"]
        required = value.get("type") != "default"
        if not required:  # absent stays absent: nothing to fill in, nothing to check
            value = value["schema"]
        fields[name] = {
            "type": "typed-dict-field",
            "schema": _plain(value),
            "required": required,
            **{key: field[key] for key in _FIELD_KEYS if key in field},
        }
    plain: dict[str, Any] = {"type": "typed-dict", "fields": fields, "config": config}
    if "extra_fields_behavior" in config:
        plain["extra_behavior"] = config["extra_fields_behavior"]
    return plain


def plain_schema(model: type[BaseModel]) -> dict[str, Any] | None:
    """The core schema of ``model`` with every model a typed dict; None if it holds an unsupported construct."""
    try:
        return _plain(model.__pydantic_core_schema__)  # type: ignore[no-any-return]
    except _Unsupported:
        return None


def plain_validator(model: type[BaseModel]) -> SchemaValidator | None:
    """A validator that accepts exactly what ``model`` accepts, without building it (None: use the model)."""
    schema = plain_schema(model)
    return None if schema is None else SchemaValidator(schema)
