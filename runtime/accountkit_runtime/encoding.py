"""What can go on the wire: a request's values encoded exactly as sent, or refused before anything is sent.

Encoding happens whether or not requests are validated against the spec (``validate_requests``): a value
that cannot be encoded, or that would change which endpoint is called, is never sent, and the caller gets
one ``RequestValidationError`` naming where it is, instead of a bare ``TypeError`` / ``ValueError`` /
``UnicodeEncodeError`` from deep inside ``json`` or httpx, or a request to another URL:

- JSON: NaN and infinity (not JSON), values JSON has no type for (``datetime``, ``bytes``, an attrs model
  or ``UNSET`` inside a plain dict), strings with lone surrogates (not UTF-8), nesting too deep to encode;
- path parameters: ``.`` and ``..`` are percent-encoded, so that URL normalisation cannot turn
  ``/accounts/../admin`` into ``/admin``; empty values and values of types with no path form are refused;
- deepObject query parameters (``name[key]=value``): a key with ``[`` or ``]`` would change the parameter
  Rails reads, so it is refused;
- header values: only visible ASCII, spaces and tabs (no CR/LF, which would end the header, no other
  control or non-ASCII characters, which httpx cannot encode).

The locating walks run only after encoding failed: a valid request pays for one ``json.dumps``.
"""

from __future__ import annotations

import datetime
import enum
import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from .errors import ConfigurationError, RequestValidationError
from .operation import Operation

MAX_DEPTH = 200  # deeper values are refused (no vendor request nests beyond a handful of levels)
_TOKEN_CHARACTERS = frozenset("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A header every check below lets through, recognised in one step (checked on every call).
_SENDABLE_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_SENDABLE_VALUE = re.compile(r"[\t\x20-\x7e]*")


# What json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False) builds on every
# call, made once.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def encode_json(body: Any) -> bytes:
    """The body exactly as httpx would encode ``json=body`` (so sending these bytes changes nothing)."""
    return _JSON.encode(body).encode("utf-8")


def json_form(value: Any) -> Any:
    """``value`` as the JSON data it is sent as: attrs models by their ``to_dict()``, enums by their value,
    dates and UUIDs as strings, at any depth of dicts and lists; anything else (a model class included) as
    it is, so that validation names what cannot be sent.

    One conversion for both places that need it: a client object's method building a model's ``from_dict``
    input (``apiclient``), and request validation reading parameter values (``validation``).
    """
    if hasattr(value, "to_dict") and not isinstance(value, type):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {key: json_form(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_form(item) for item in value]
    return value


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "Unset"


def _problem(value: Any) -> str | None:
    """Why a leaf value cannot be sent as JSON (None if it can)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains a lone surrogate, which is not valid Unicode text and cannot be sent"
        return None
    if value is None or isinstance(value, (bool, int)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else "NaN and infinity cannot be sent as JSON numbers"
    if _is_unset(value):
        return "UNSET is not a value: leave the key out instead"
    if isinstance(value, (datetime.date, datetime.time)):
        return f"a {type(value).__name__} in a plain dict is not converted: pass value.isoformat(), or use the model"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "bytes cannot be sent as JSON: decode them to a str"
    if hasattr(value, "to_dict"):
        return f"a {type(value).__name__} in a plain dict is not converted: pass value.to_dict(), or use the model"
    return f"a {type(value).__name__} cannot be sent as JSON"


def unencodable(where: str, value: Any) -> list[tuple[str, str]]:
    """Every (location, reason) in ``value`` that ``encode_json`` cannot encode; iterative, so any depth is fine."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any, int]] = [(where, value, 0)]
    while stack:
        location, current, depth = stack.pop()
        if depth > MAX_DEPTH:
            found.append((location, f"nested more than {MAX_DEPTH} levels deep: too deep to encode"))
            continue
        if isinstance(current, dict):
            for key, item in reversed(current.items()):
                if isinstance(key, str) and _problem(key) is not None:
                    found.append((location, f"a key {_problem(key)}"))
                elif not (isinstance(key, (str, int, float, bool)) or key is None):
                    found.append((location, f"a key of type {type(key).__name__} cannot be sent as JSON"))
                else:
                    stack.append((f"{location}.{key}", item, depth + 1))
        elif isinstance(current, (list, tuple)):
            stack += [(f"{location}.{index}", item, depth + 1) for index, item in reversed(list(enumerate(current)))]
        elif (problem := _problem(current)) is not None:
            found.append((location, problem))
    return found


def path_segment(operation: Operation, name: str, value: Any) -> str:
    """One path parameter, percent-encoded as a single path segment that cannot change the endpoint."""
    text = _path_text(value)
    if text is None:
        raise RequestValidationError(
            operation.name, [(f"parameters.{name}", f"a {type(value).__name__} cannot be a path parameter")]
        )
    if not text:
        problem = "must not be empty: an empty path segment changes the URL"
        raise RequestValidationError(operation.name, [(f"parameters.{name}", problem)])
    try:
        encoded = quote(text, safe="")
    except UnicodeEncodeError:
        problem = "contains a lone surrogate, which is not valid Unicode text and cannot be sent"
        raise RequestValidationError(operation.name, [(f"parameters.{name}", problem)]) from None
    # "." and ".." are dot segments: URL normalisation (httpx's included) would remove them and walk up.
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def _path_text(value: Any) -> str | None:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return None


def deep_object(operation: Operation, name: str, value: Any) -> dict[str, Any]:
    """A deepObject query parameter as Rails reads it: ``{"name[key]": value}`` per entry.

    A key containing ``[`` or ``]`` would change which parameter the server reads (``a][b`` makes
    ``name[a][b]``, a nested hash), so it is refused rather than sent.
    """
    if not isinstance(value, Mapping):
        raise RequestValidationError(
            operation.name, [(f"parameters.{name}", f"must be an object (a dict), not a {type(value).__name__}")]
        )
    problems = [
        (f"parameters.{name}", f"key {str(key)!r} contains '[' or ']', which would change the parameter sent")
        for key in value
        if "[" in str(key) or "]" in str(key)
    ]
    if problems:
        raise RequestValidationError(operation.name, problems)
    return {f"{name}[{key}]": item for key, item in value.items()}


def query_problems(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(parameter name, reason) for every query value httpx would not send as the caller meant."""
    found = []
    for name, value in params.items():
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, str) or item is None or isinstance(item, (bool, int)) or _is_unset(item):
                problem = _problem(item) if isinstance(item, str) else None
            elif isinstance(item, float):
                problem = _problem(item)
            else:
                problem = f"a {type(item).__name__} cannot be sent as a query value"
            if problem is not None:
                found.append((str(name), problem))
    return found


def header_problems(headers: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    """(header name, reason) for every header httpx could not send as given. Values are never quoted."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    found = []
    for name, value in items:
        sendable = type(name) is str and type(value) is str and _SENDABLE_NAME.fullmatch(name)
        if sendable and _SENDABLE_VALUE.fullmatch(value):
            continue
        shown = str(name) if isinstance(name, str) and name.isprintable() else repr(name)
        if not isinstance(name, str) or not name or not set(name) <= _TOKEN_CHARACTERS:
            found.append((shown, "is not a valid header name"))
        elif isinstance(value, bytes):
            if any(byte in b"\r\n\x00" for byte in value):
                found.append((shown, "its value contains CR, LF or NUL, which would end the header"))
        elif not isinstance(value, str):
            found.append((shown, f"its value is a {type(value).__name__}, not a str"))
        elif any(char in "\r\n" for char in value):
            found.append((shown, "its value contains CR or LF, which would end the header"))
        elif not all(" " <= char <= "~" or char == "\t" for char in value):
            found.append((shown, "its value contains a control or non-ASCII character, which cannot be sent"))
    return found


def check_headers(where: str, headers: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
    """Raise ``ConfigurationError`` if a header in ``where`` (e.g. ``extra_headers``) cannot be sent."""
    problems = header_problems(headers)
    if problems:
        details = "; ".join(f"{name!s}: {reason}" for name, reason in problems)
        raise ConfigurationError(f"{where}: invalid header: {details} (values are not shown)")
