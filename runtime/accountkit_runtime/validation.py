"""Check a request against the spec before sending it, so a bad value fails here and not at the vendor.

The attrs models the functions take do not validate (by design of openapi-python-client); the pydantic
models in ``<package>.schemas`` (``Operation.package``: the client the operation belongs to) carry every
constraint of the spec. The body is validated exactly as it will go on the wire (the JSON the attrs
model serialises to), in strict JSON mode, so ``"5"`` is not an integer and an unknown field in a
closed request schema is refused. Messages name the field and the rule, never the value (which may be
a password).

The question is first asked of the plain checks the generator wrote from those models
(``<package>._checks``): for a model's first requests in plain Python where the request's shape allows
(``purecheck``), else and then on compiled by pydantic-core (``fastcheck``). Most requests are valid, and
then the models are never imported, the costliest import of a first call, nor, for the common shapes and
a short program, pydantic-core. Only a request the checks refuse imports its model, which words the
problems.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections import Counter
from collections.abc import Mapping
from functools import cache
from types import FrameType
from typing import TYPE_CHECKING, Any

from . import encoding, extras, purecheck, readonly
from .errors import ReadOnlyFieldsDropped, RequestValidationError
from .operation import Operation
from .options import RequestOptions

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ValidationError

_RUNTIME = __name__.rsplit(".", 1)[0]


@cache
def _model(package: str, name: str) -> type[BaseModel]:
    # Imported only to word a refusal (or where a model has no plain checks): pydantic model construction
    # is the costliest part of importing a client.
    schemas = importlib.import_module(f"{package}.schemas")
    return getattr(schemas, name)  # type: ignore[no-any-return]


# A model's first requests are checked in plain Python (``purecheck``), so a short program never imports
# pydantic-core; from this many on, by pydantic-core's compiled validator (``fastcheck``), a few
# microseconds faster per request, whose one-time import a long run soon pays back.
PLAIN_PYTHON_CALLS = 100
_plain_python_calls: Counter[tuple[str, str]] = Counter()


def _conforms(package: str, name: str, content: bytes) -> bool:
    """Whether ``content`` conforms to the model ``name``, strictly, as JSON, asked of its plain checks
    (``purecheck`` for its first requests, ``fastcheck``: no model is imported or built). False also when it
    has none: then the model decides, and it alone words the problems."""
    if _plain_python_calls[package, name] < PLAIN_PYTHON_CALLS:
        _plain_python_calls[package, name] += 1  # threads may race here: a call more or less, either answers
        if purecheck.conforms(package, name, content):
            return True
    # Imported here: pydantic-core is needed only where the plain Python checks cannot answer.
    from pydantic_core import ValidationError

    from . import fastcheck

    plain = fastcheck.validator(package, name)
    if plain is None:
        return False
    try:
        plain.validate_json(content, strict=True)
    except ValidationError:
        return False
    except Exception:  # noqa: BLE001 - a check that breaks (a function its data names is gone): ask the model
        return False
    return True


# A parameter value as the JSON-like data it is sent as: the conversion request methods use too.
jsonable = encoding.json_form


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
    operation: Operation,
    parameters: dict[str, Any],
    kwargs: dict[str, Any],
    *,
    validate: bool = True,
    options: RequestOptions | None = None,
) -> dict[str, Any]:
    """Check a request before anything is sent; return the httpx arguments to send it with.

    Warns if the operation is deprecated, and if read-only fields were left out of the body
    (``readonly``); merges the call's ``extra_query`` / ``extra_body`` (``extras``); raises
    ``RequestValidationError`` if a parameter or the body breaks the spec, or cannot be sent at all
    (``encoding``). A JSON body is encoded once, validated as those bytes and sent as them.
    ``validate=False`` (``connect(validate_requests=False)``) skips the checks against the spec, not the
    warnings, not the dropping of read-only fields, and not the refusal of what cannot be encoded.
    """
    if operation.deprecated:
        warnings.warn(
            f"{operation.name} is deprecated by the vendor: {operation.deprecated}",
            DeprecationWarning,
            stacklevel=_caller_stacklevel(operation.package),
        )
    extra_query = options.extra_query if options is not None else {}
    extra_body = options.extra_body if options is not None else {}
    problems: list[tuple[str, str]] = []
    if extra_query:
        merged_params, collisions = extras.merge_query(kwargs.get("params") or {}, extra_query)
        problems += collisions
        kwargs = {**kwargs, "params": merged_params}
    if kwargs.get("params"):
        problems += [(f"parameters.{name}", reason) for name, reason in encoding.query_problems(kwargs["params"])]
    if kwargs.get("headers"):
        problems += [(f"headers.{name}", reason) for name, reason in encoding.header_problems(kwargs["headers"])]
    if validate and operation.parameters_model:
        reported = {where for where, _ in problems}  # a value that cannot be sent is reported once
        found = _parameter_problems(operation, parameters, extra_query)
        problems += [p for p in found if p[0] not in reported]
    dropped: list[str] = []
    if "json" in kwargs or extra_body:
        merged = extras.merge_body(kwargs.get("json"), extra_body)
        problems += merged.problems
        undocumented: set[extras.Path] = set()
        if validate and operation.body_model and merged.added and not merged.problems:
            classified = _undocumented(operation, merged.body, set(merged.added))
            if classified is not None:  # None: not encodable, which is reported below instead
                undocumented = classified
                problems += extras.documented_leaves(merged.leaves, undocumented, "extra_body")
        body, dropped = readonly.drop(merged.body, operation.read_only)
        try:
            content = encoding.encode_json(body)
        except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
            raise RequestValidationError(operation.name, problems + encoding.unencodable("body", body)) from None
        if validate and operation.body_model:
            documented = encoding.encode_json(extras.without(body, undocumented)) if undocumented else content
            problems += _body_problems(operation, documented)
        kwargs = {key: value for key, value in kwargs.items() if key != "json"}
        kwargs["content"] = content
        kwargs["headers"] = {"Content-Type": "application/json", **(kwargs.get("headers") or {})}
    if problems:
        raise RequestValidationError(operation.name, problems)
    if dropped:
        warnings.warn(ReadOnlyFieldsDropped(operation.name, dropped), stacklevel=_caller_stacklevel(operation.package))
    if extra_query or extra_body:
        kwargs[extras.APPLIED] = True
    return kwargs


def _body_problems(operation: Operation, content: bytes) -> list[tuple[str, str]]:
    assert operation.body_model is not None
    if _conforms(operation.package, operation.body_model, content):
        return []
    from pydantic_core import ValidationError  # a refusal: pydantic-core words it (and is loaded by now)

    try:
        _model(operation.package, operation.body_model).model_validate_json(content, strict=True)
    except ValidationError as exc:
        return _errors("body", exc)
    return []


def _undocumented(operation: Operation, body: Any, added: set[extras.Path]) -> set[extras.Path] | None:
    """The keys ``extra_body`` added that the spec does not document where they are (closed objects refuse
    them); None when the body cannot be encoded at all."""
    assert operation.body_model is not None
    try:
        content = encoding.encode_json(body)
    except (TypeError, ValueError, RecursionError):
        return None
    if _conforms(operation.package, operation.body_model, content):
        return set()
    from pydantic_core import ValidationError  # a refusal: pydantic-core words it (and is loaded by now)

    try:
        _model(operation.package, operation.body_model).model_validate_json(content, strict=True)
    except ValidationError as exc:
        return {
            path
            for error in exc.errors(include_url=False, include_context=False, include_input=False)
            if error["type"] == "extra_forbidden" and (path := extras.data_path(body, error["loc"])) in added
        }
    return set()


def _parameter_problems(
    operation: Operation, parameters: dict[str, Any], extra_query: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """The parameters (by wire name) validated as one JSON object against the operation's model.

    Keys of ``extra_query`` take part: one the spec does not document is left out (it is sent as given),
    one it documents is refused (it belongs in the function's arguments), except a parameter whose wire
    form the spec leaves open (``Operation.wire_alternatives``) and the call does not set otherwise.
    """
    assert operation.parameters_model is not None
    try:
        given = {name: jsonable(value) for name, value in parameters.items() if not _is_unset(value)}
    except RecursionError:
        return [("parameters", f"nested more than {encoding.MAX_DEPTH} levels deep: too deep to encode")]
    problems: list[tuple[str, str]] = []
    names = [name for name in extra_query if isinstance(name, str)]  # other keys: refused by extras.merge_query
    alternatives = {name for name in names if name in operation.wire_alternatives and name not in given}
    unset = [name for name in names if name not in given and name not in alternatives]
    if names:
        undocumented: set[extras.Path] = set()
        if unset:
            found = _parameter_errors(operation, {**given, **{name: jsonable(extra_query[name]) for name in unset}})
            if isinstance(found, list):  # not encodable (reported), or valid: every name is documented
                if found:
                    return found
            else:
                undocumented = {
                    (str(error["loc"][0]),)
                    for error in found.errors(include_url=False, include_context=False, include_input=False)
                    if error["type"] == "extra_forbidden" and error["loc"]
                }
        # A name the call sets (an argument, a path or header parameter) is documented by definition.
        leaves = [(name,) for name in names if name not in alternatives]
        problems += extras.documented_leaves(leaves, undocumented, "extra_query")
    found = _parameter_errors(operation, given)
    if isinstance(found, list):
        problems += found
    else:
        problems += _errors("parameters", found)
    return problems


def _parameter_errors(operation: Operation, given: dict[str, Any]) -> list[tuple[str, str]] | ValidationError:
    """[] when ``given`` is valid; the ValidationError when not; the problems when it cannot be encoded."""
    assert operation.parameters_model is not None
    try:
        content = encoding.encode_json(given)
    except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
        return encoding.unencodable("parameters", given)
    if _conforms(operation.package, operation.parameters_model, content):
        return []
    from pydantic_core import ValidationError  # a refusal: pydantic-core words it (and is loaded by now)

    try:
        _model(operation.package, operation.parameters_model).model_validate_json(content, strict=True)
    except ValidationError as exc:
        return exc
    return []
