"""Check a request against the spec before sending it, so a bad value fails here and not at the vendor.

The attrs models the functions take do not validate (by design of openapi-python-client); the pydantic
models in ``<package>.schemas`` (``Operation.package``: the client the operation belongs to) carry every
constraint of the spec. The body is validated exactly as it will go on the wire (the JSON the attrs
model serialises to), in strict JSON mode, so ``"5"`` is not an integer and an unknown field in a
closed request schema is refused. Messages name the field and the rule, never the value (which may be
a password).
"""

from __future__ import annotations

import datetime
import enum
import importlib
import sys
import uuid
import warnings
from functools import cache
from types import FrameType
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaValidator

from . import encoding, fastcheck
from .errors import RequestValidationError
from .operation import Operation

_RUNTIME = __name__.rsplit(".", 1)[0]


@cache
def _model(package: str, name: str) -> type[BaseModel]:
    # Imported on first use: pydantic model construction is the costliest part of importing a client.
    schemas = importlib.import_module(f"{package}.schemas")
    return getattr(schemas, name)  # type: ignore[no-any-return]


@cache
def _plain_validator(package: str, name: str) -> SchemaValidator | None:
    return fastcheck.plain_validator(_model(package, name))


def _validate_json(package: str, name: str, content: bytes, where: str) -> list[tuple[str, str]]:
    """The problems of ``content`` against the model ``name``, strictly, as JSON (none: it conforms).

    The plain validator (``fastcheck``) answers first, without building the model; only when it
    refuses does the model run, to name the problems in its own words.
    """
    plain = _plain_validator(package, name)
    if plain is not None:
        try:
            plain.validate_json(content, strict=True)
            return []
        except ValidationError:
            pass
    try:
        _model(package, name).model_validate_json(content, strict=True)
    except ValidationError as exc:
        return _errors(where, exc)
    return []


def jsonable(value: Any) -> Any:
    """A parameter value as the JSON-like data it is sent as (attrs models, enums, dates, Unset)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "Unset"


_NOT_NULL = "must not be null (None): the spec does not allow null here; leave the field out if it is optional"


def _errors(where: str, exc: ValidationError) -> list[tuple[str, str]]:
    """(location, message) per problem. The input is looked at only to tell a None apart; never shown."""
    found = []
    for error in exc.errors(include_url=False, include_context=False):
        location = ".".join(str(part) for part in error["loc"])
        message = _NOT_NULL if error["type"] != "missing" and error.get("input", ...) is None else error["msg"]
        found.append((f"{where}.{location}" if location else where, message))
    return found


def _caller_stacklevel(package: str) -> int:
    """The ``stacklevel`` of the first frame outside the runtime and ``package``: the caller's own line.

    The call may enter through ``sync``, ``sync_detailed``, ``asyncio`` or ``asyncio_detailed``, so
    the depth varies; Python's default filters show a DeprecationWarning only when it is attributed
    to the caller's own code.
    """
    inside = (_RUNTIME + ".", package + ".")
    level = 1
    frame: FrameType | None = sys._getframe(1)  # level 1: check_request, which calls warnings.warn
    while frame is not None and frame.f_globals.get("__name__", "").startswith(inside):
        level, frame = level + 1, frame.f_back
    return level


_LEAF = ""  # a trie key no JSON field can collide with meaning: the path ends here


@cache
def _read_only_trie(paths: tuple[str, ...]) -> dict[str, Any]:
    """The dotted paths as a trie (``*`` = every array item), built once per operation."""
    trie: dict[str, Any] = {}
    for path in paths:
        node = trie
        for part in path.split("."):
            node = node.setdefault(part, {})
        node[_LEAF] = {}
    return trie


def read_only_fields(body: Any, paths: tuple[str, ...]) -> list[str]:
    """The read-only fields present in ``body``, as dotted paths with item indexes (``a.b[0].c``).

    One walk over the body, following only the branches that lead to a read-only field.
    """
    found: list[str] = []

    def visit(value: Any, trie: dict[str, Any], shown: str) -> None:
        if _LEAF in trie:
            found.append(shown)
            return
        items = trie.get("*")
        if items is not None and isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, items, f"{shown}[{index}]")
        elif isinstance(value, dict):
            for key, subtrie in trie.items():
                if key in value:
                    visit(value[key], subtrie, f"{shown}.{key}" if shown else key)

    if paths:
        visit(body, _read_only_trie(paths), "")
    return found


def check_request(
    operation: Operation, parameters: dict[str, Any], kwargs: dict[str, Any], *, validate: bool = True
) -> dict[str, Any]:
    """Check a request before anything is sent; return the httpx arguments to send it with.

    Warns if the operation is deprecated and raises ``RequestValidationError`` if a parameter or the
    body breaks the spec, or cannot be sent at all (``encoding``). A JSON body is encoded once, validated
    as those bytes and sent as them. ``validate=False`` (``connect(validate_requests=False)``) skips the
    checks against the spec, not the warning, and not the refusal of what cannot be encoded.
    """
    if operation.deprecated:
        warnings.warn(
            f"{operation.name} is deprecated by the vendor: {operation.deprecated}",
            DeprecationWarning,
            stacklevel=_caller_stacklevel(operation.package),
        )
    problems: list[tuple[str, str]] = []
    if kwargs.get("params"):
        problems += [(f"parameters.{name}", reason) for name, reason in encoding.query_problems(kwargs["params"])]
    if kwargs.get("headers"):
        problems += [(f"headers.{name}", reason) for name, reason in encoding.header_problems(kwargs["headers"])]
    if validate and operation.parameters_model:
        reported = {where for where, _ in problems}  # a value that cannot be sent is reported once
        found = _parameter_problems(operation.package, operation.parameters_model, parameters)
        problems += [p for p in found if p[0] not in reported]
    if "json" in kwargs:
        body = kwargs["json"]
        try:
            content = encoding.encode_json(body)
        except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
            raise RequestValidationError(operation.name, problems + encoding.unencodable("body", body)) from None
        if validate and operation.body_model:
            problems += _validate_json(operation.package, operation.body_model, content, "body")
        problems += [
            (f"body.{field}", "is read-only: the vendor sets it, a request must not send it")
            for field in (read_only_fields(body, operation.read_only) if validate else ())
        ]
        kwargs = {key: value for key, value in kwargs.items() if key != "json"}
        kwargs["content"] = content
        kwargs["headers"] = {"Content-Type": "application/json", **(kwargs.get("headers") or {})}
    if problems:
        raise RequestValidationError(operation.name, problems)
    return kwargs


def _parameter_problems(package: str, model: str, parameters: dict[str, Any]) -> list[tuple[str, str]]:
    """The parameters (by wire name) validated as one JSON object against the operation's model."""
    try:
        given = {name: jsonable(value) for name, value in parameters.items() if not _is_unset(value)}
    except RecursionError:
        return [("parameters", f"nested more than {encoding.MAX_DEPTH} levels deep: too deep to encode")]
    try:
        content = encoding.encode_json(given)
    except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
        return encoding.unencodable("parameters", given)
    return _validate_json(package, model, content, "parameters")
