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

from . import encoding, readonly
from .errors import ReadOnlyFieldsDropped, RequestValidationError
from .operation import Operation

_RUNTIME = __name__.rsplit(".", 1)[0]


@cache
def _model(package: str, name: str) -> type[BaseModel]:
    # Imported on first use: pydantic model construction is the costliest part of importing a client.
    schemas = importlib.import_module(f"{package}.schemas")
    return getattr(schemas, name)  # type: ignore[no-any-return]


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


def check_request(
    operation: Operation, parameters: dict[str, Any], kwargs: dict[str, Any], *, validate: bool = True
) -> dict[str, Any]:
    """Check a request before anything is sent; return the httpx arguments to send it with.

    Warns if the operation is deprecated, and if read-only fields were left out of the body
    (``readonly``); raises ``RequestValidationError`` if a parameter or the body breaks the spec, or
    cannot be sent at all (``encoding``). A JSON body is encoded once, validated as those bytes and sent
    as them. ``validate=False`` (``connect(validate_requests=False)``) skips the checks against the spec,
    not the warnings, not the dropping of read-only fields, and not the refusal of what cannot be encoded.
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
    dropped: list[str] = []
    if "json" in kwargs:
        body, dropped = readonly.drop(kwargs["json"], operation.read_only)
        try:
            content = encoding.encode_json(body)
        except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
            raise RequestValidationError(operation.name, problems + encoding.unencodable("body", body)) from None
        if validate and operation.body_model:
            try:
                _model(operation.package, operation.body_model).model_validate_json(content, strict=True)
            except ValidationError as exc:
                problems += _errors("body", exc)
        kwargs = {key: value for key, value in kwargs.items() if key != "json"}
        kwargs["content"] = content
        kwargs["headers"] = {"Content-Type": "application/json", **(kwargs.get("headers") or {})}
    if problems:
        raise RequestValidationError(operation.name, problems)
    if dropped:
        warnings.warn(ReadOnlyFieldsDropped(operation.name, dropped), stacklevel=_caller_stacklevel(operation.package))
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
    try:
        _model(package, model).model_validate_json(content, strict=True)
    except ValidationError as exc:
        return _errors("parameters", exc)
    return []
