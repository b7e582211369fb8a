"""A validator per request schema that says yes or no without importing or building pydantic models.

``validation`` checks every request body and parameter set against a pydantic model of the spec.
``model_validate_json`` builds that model while it checks: an instance per nested object, and every
optional field the request leaves out filled with its default. PortaBilling's ``account_info`` has
some two hundred optional fields, so most of the time goes to filling in what the request does not
send. And before that, importing ``<package>.schemas`` builds every model of the spec: the costliest
import of a client's first call. The answer needed before sending is only "does it conform".

So each package carries, in ``<package>._checks`` (written at generation time from the same models by
``accountkit_codegen/generate/checks.py``), each request model's pydantic-core schema as JSON text, with
every model a typed dict: the same fields, aliases, required keys, extra-key rule, strictness and value schemas
(patterns, enums, lengths, formats, nested objects), but an absent optional field is simply absent.
``validator`` decodes and compiles one, once per model, into a ``SchemaValidator``. It refuses exactly what the
model refuses (``tests/runtime/test_fastcheck.py`` runs both on the same generated bodies); when it
refuses, ``validation`` imports the model to report the problems in the model's own words, so
messages do not change either.

A validator function the data names by import path (``{"import": "module:qualname"}``, e.g. pydantic's
email check) is imported the first time a value reaches it, so a request without such a field never
imports it. A model without data (a package generated before ``_checks`` existed), or data this
pydantic-core cannot compile, gets no validator: ``validator`` returns None and the model is used. So does
a ``_checks`` that cannot be read at all (a syntax error, text that is not JSON, no ``CHECKS``): the plain
checks are only a shortcut, and the models alone are the reference.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic_core import SchemaValidator


def _imported(path: str) -> Callable[..., Any]:
    """A stand-in for the function at ``path`` (``module:qualname``) that imports it on its first call."""
    found: list[Callable[..., Any]] = []

    def call(*args: Any) -> Any:
        if not found:
            module, _, qualname = path.partition(":")
            target: Any = importlib.import_module(module)
            for part in qualname.split("."):
                target = getattr(target, part)
            found.append(target)
        return found[0](*args)

    return call


def _compiled(schema: Any) -> Any:
    """``schema`` with each function named by import path replaced by its stand-in (new containers only)."""
    if isinstance(schema, list):
        return [_compiled(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "import" in schema and schema.get("type") in ("no-info", "with-info"):
        return {"type": schema["type"], "function": _imported(schema["import"])}
    return {key: _compiled(value) for key, value in schema.items()}


@cache
def validator(package: str, name: str) -> SchemaValidator | None:
    """A validator that accepts exactly what ``<package>.schemas.<name>`` accepts, without importing it
    (None: use the model)."""
    try:
        checks = importlib.import_module(f"{package}._checks").CHECKS
        text = checks.get(name)
        if text is None:
            return None
        return SchemaValidator(_compiled(json.loads(text)))
    except Exception:  # noqa: BLE001 - written for another pydantic-core (SchemaError), or damaged: the model checks
        return None
