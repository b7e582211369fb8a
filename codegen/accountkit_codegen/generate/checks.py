"""``<package>/_checks.py``: each request model's checks as plain data, so a client checks a request
without importing its pydantic models.

A client validates every request against the pydantic models in ``<package>.schemas``, and most
requests are valid: the answer needed before sending is only "does it conform". Importing those
models costs more than the rest of a client's first call together (each class builds its core schema
and validator on import), so the answer is prepared here, at generation time, from the very same
models: each request model's pydantic-core schema, with every model turned into a typed dict (the
same fields, aliases, required keys, extra-key rule and value schemas, but an absent optional field
is simply absent, nothing is built), written out as JSON text (a string constant costs nothing to
import; the same data as Python literals would be built, dict by dict, on import: several
milliseconds for PortaBilling's). ``accountkit_runtime.fastcheck`` decodes and compiles one into a
``SchemaValidator`` on first use; the models are imported only when a request is
refused, to word the problems exactly as before. ``tests/runtime/test_fastcheck.py`` proves, for every
request model, that the data refuses exactly what the model refuses.

What JSON cannot hold is translated or refused, never guessed:

- an enum becomes the literal of its members' values (the same verdicts in strict JSON mode);
- a URL type's wrapper (which only turns the validated URL into pydantic's class) becomes the URL
  schema it wraps;
- a ``SpecPattern`` (``accountkit_runtime.patterns``: a pattern split into linear-time regexes)
  becomes a chain of its regexes, each of which the string must match;
- pydantic's e-mail check (``EmailStr``) becomes the runtime's copy of it, ``accountkit_runtime.emails``
  (``pydantic.networks`` imports pydantic's whole model machinery), named by import path;
- any other validator function is named by its import path (``{"import": "module:qualname"}``), which
  the runtime imports the first time a value reaches it;
- anything else (a function defined inside another, a computed field, a class) stops the build with one
  error naming the model and the place.

Run as ``python -m accountkit_codegen.generate.checks <project> <package> <model>...`` (``build``
does), in a process of its own: it imports the freshly generated ``schemas`` module, which must not
linger in the pipeline's process.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import types
from pathlib import Path
from typing import Any

from . import modules

# The pydantic-core schema types the data may hold; any other stops the build (a new construct must be
# looked at, and proven by the equivalence test, before it is written out).
_KNOWN = frozenset(
    {
        "any", "none", "bool", "int", "float", "decimal", "str", "bytes", "date", "time", "datetime",
        "timedelta", "uuid", "url", "multi-host-url", "literal", "missing-sentinel", "list", "tuple", "set",
        "frozenset", "dict", "nullable", "union", "chain", "default", "definitions", "definition-ref",
        "lax-or-strict", "json-or-python", "typed-dict",
    }
)  # fmt: skip
# Keys that only shape serialisation, JSON schemas or error titles: the verdict does not depend on them.
_DROPPED = frozenset({"metadata", "serialization", "title"})
# Keys whose value is a schema, or a list of schemas.
_SCHEMA_KEYS = frozenset(
    {
        "schema", "items_schema", "keys_schema", "values_schema", "lax_schema", "strict_schema", "json_schema",
        "python_schema", "steps", "definitions",
    }
)  # fmt: skip
_FUNCTIONS = ("function-before", "function-after", "function-wrap", "function-plain")
_FIELD_KEYS = ("validation_alias", "serialization_alias", "serialization_exclude", "frozen")
# pydantic's URL types wrap the URL schema in this function (it only changes the class of the result).
_URL_WRAPPER = "_BaseUrl.__get_pydantic_core_schema__.<locals>.wrap_val"
# Validator functions the runtime has a copy of that is cheaper to import (and proven to agree).
_REPLACED = {"pydantic.networks:EmailStr._validate": "accountkit_runtime.emails:validate"}
# The marker ``accountkit_runtime.patterns.SpecPattern`` leaves in its validator's metadata.
SPEC_PATTERN = "accountkit_spec_pattern_checks"


class ChecksError(Exception):
    """A request model holds a construct that cannot be written out as data."""


def _ref(ref: str) -> str:
    """A schema's ``ref`` without the object id pydantic appends (``module.Name:140…``): the same on every run."""
    return ref.split(":", 1)[0].rsplit(".", 1)[-1]


class _Translator:
    def __init__(self, model: str) -> None:
        self.model = model
        self.refs: dict[str, str] = {}

    def fail(self, where: str, what: str) -> ChecksError:
        return ChecksError(f"{self.model}: {where}: {what}")

    def ref(self, ref: str, where: str) -> str:
        short = _ref(ref)
        if self.refs.setdefault(short, ref) != ref:
            raise self.fail(where, f"two schemas are both named {short!r}")
        return short

    def schema(self, schema: Any, where: str) -> Any:
        if not isinstance(schema, dict):
            raise self.fail(where, f"a schema that is not a dict: {type(schema).__name__}")
        kind = schema.get("type")
        if kind == "model":
            return self.model_schema(schema, where)
        if kind == "enum":
            literal: dict[str, Any] = {"type": "literal", "expected": [member.value for member in schema["members"]]}
            if "ref" in schema:
                literal["ref"] = self.ref(schema["ref"], where)
            return self.data(literal, where)
        if kind in _FUNCTIONS:
            return self.function(schema, where)
        if kind not in _KNOWN:
            raise self.fail(where, f"a schema of type {kind!r}, which is not translated")
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _DROPPED:
                continue
            if key in ("ref", "schema_ref"):
                out[key] = self.ref(value, where)
            elif key in _SCHEMA_KEYS and isinstance(value, list):  # a tuple's items_schema, a chain's steps
                out[key] = [self.schema(item, f"{where}.{key}[{i}]") for i, item in enumerate(value)]
            elif key in _SCHEMA_KEYS:
                out[key] = self.schema(value, f"{where}.{key}")
            elif key == "choices":
                out[key] = [self.choice(item, f"{where}.choices[{i}]") for i, item in enumerate(value)]
            elif key == "fields":  # only a typed dict of our own making has fields by now
                raise self.fail(where, "fields outside a model")
            else:
                out[key] = self.data(value, f"{where}.{key}")
        return out

    def choice(self, choice: Any, where: str) -> Any:
        if isinstance(choice, tuple):  # (schema, label): pydantic-core wants a tuple, which JSON cannot hold
            raise self.fail(where, "a union choice with its own label")
        return self.schema(choice, where)

    def function(self, schema: dict[str, Any], where: str) -> Any:
        function = schema["function"]["function"]
        inner = schema.get("schema")
        checks = (schema.get("metadata") or {}).get(SPEC_PATTERN)
        if checks is not None and schema["type"] == "function-after":
            steps = [self.schema(inner, f"{where}.schema")]
            steps += [{"type": "str", "pattern": self.data(check, where)} for check in checks]
            return {"type": "chain", "steps": steps}
        qualname = getattr(function, "__qualname__", "")
        if schema["type"] == "function-wrap" and qualname.endswith(_URL_WRAPPER):
            # pydantic's URL types: ``wrap_val`` validates with the URL schema it wraps, then only changes the
            # class of the result.
            return self.schema(inner, f"{where}.schema")
        module = getattr(function, "__module__", None)
        if not module or not qualname or "<" in qualname:
            raise self.fail(where, f"a validator function that cannot be imported by name ({qualname or function!r})")
        if inner is not None and isinstance(inner, dict) and inner.get("type") == "model":
            raise self.fail(where, "a validator function around a model (it would be given a dict)")
        out: dict[str, Any] = {
            "type": schema["type"],
            "function": {
                "type": self.data(schema["function"]["type"], where),
                "import": _REPLACED.get(f"{module}:{qualname}", f"{module}:{qualname}"),
            },
        }
        if inner is not None:
            out["schema"] = self.schema(inner, f"{where}.schema")
        if "ref" in schema:
            out["ref"] = self.ref(schema["ref"], where)
        return out

    def model_schema(self, schema: dict[str, Any], where: str) -> dict[str, Any]:
        if schema.get("custom_init") or schema.get("post_init"):
            raise self.fail(where, "a model with its own __init__ or model_post_init")
        inner = schema["schema"]
        if schema.get("root_model"):
            plain = self.schema(inner, f"{where}.root")
        else:
            plain = self.typed_dict(inner, schema.get("config") or {}, where)
        if "ref" not in schema:
            return plain  # type: ignore[no-any-return]
        ref = self.ref(schema["ref"], where)
        if "ref" in plain:  # a root model of a model: both refs may be pointed at
            return {"type": "chain", "steps": [plain], "ref": ref}
        return {**plain, "ref": ref}

    def typed_dict(self, fields_schema: dict[str, Any], config: dict[str, Any], where: str) -> dict[str, Any]:
        if fields_schema.get("type") != "model-fields":
            raise self.fail(where, f"a model whose schema is {fields_schema.get('type')!r}")
        if fields_schema.get("computed_fields") or fields_schema.get("extras_schema") or fields_schema.get("post_init"):
            raise self.fail(where, "computed fields, an extras schema or a post-init")
        fields = {}
        for name, field in fields_schema["fields"].items():
            value = field["schema"]
            required = value.get("type") != "default"
            if not required:  # absent stays absent: nothing to fill in, nothing to check
                value = value["schema"]
            fields[name] = {
                "type": "typed-dict-field",
                "schema": self.schema(value, f"{where}.{name}"),
                "required": required,
                **{key: self.data(field[key], f"{where}.{name}") for key in _FIELD_KEYS if key in field},
            }
        kept = {key: self.data(value, where) for key, value in config.items() if key not in _DROPPED}
        plain: dict[str, Any] = {"type": "typed-dict", "fields": fields, "config": kept}
        if "extra_fields_behavior" in config:
            plain["extra_behavior"] = config["extra_fields_behavior"]
        return plain

    def data(self, value: Any, where: str) -> Any:
        """``value`` if it is plain data that JSON holds unchanged."""
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float) and math.isfinite(value):
            return value
        if isinstance(value, list):
            return [self.data(item, where) for item in value]
        if isinstance(value, dict) and all(isinstance(key, str) for key in value):
            return {key: self.data(item, where) for key, item in value.items()}
        raise self.fail(where, f"a value that is not plain data: {type(value).__name__}")


def request_checks(schemas: types.ModuleType, names: list[str]) -> dict[str, str]:
    """Per model name, its checks as JSON text (``ChecksError`` when a model holds what cannot be data)."""
    found = {}
    for name in names:
        model = getattr(schemas, name)
        data = _Translator(name).schema(model.__pydantic_core_schema__, name)
        text = json.dumps(data, separators=(",", ":"), allow_nan=False)
        if json.loads(text) != data:  # what the module will hold is what was derived (no tuple became a list)
            raise ChecksError(f"{name}: its checks do not survive being written as JSON")
        found[name] = text
    return found


def _import_schemas(project: Path, package: str) -> types.ModuleType:
    """``<package>.schemas`` from ``project``, without running the package's ``__init__`` (its imports
    are the client's, not the models')."""
    sys.path.insert(0, str(project))
    parent = types.ModuleType(package)
    parent.__path__ = [str(project / package)]
    sys.modules[package] = parent
    return importlib.import_module(f"{package}.schemas")


def main(argv: list[str]) -> int:
    project, package, *names = argv
    try:
        checks = request_checks(_import_schemas(Path(project), package), sorted(set(names)))
    except ChecksError as exc:
        print(f"request checks: {exc}", file=sys.stderr)
        return 1
    (Path(project) / package / "_checks.py").write_text(modules.render("_checks.py.jinja", checks=checks), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
