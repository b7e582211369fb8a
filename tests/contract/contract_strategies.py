"""Hypothesis strategies for valid requests, built from the specs' JSON Schemas (OpenAPI 3.1).

hypothesis-jsonschema is not a dependency, and it would not do: a JSON Schema `pattern` is an
ECMA-262 regular expression, which Prism (AJV) evaluates with ECMA semantics, while Python's `re`
differs exactly where it matters: `\\d` and `\\w` are ASCII in ECMA and Unicode in Python, `.` stops
at \\r, \\u2028 and \\u2029 in ECMA, `$` matches before a final \\n in Python. So patterns are
translated to their ECMA meaning before hypothesis generates from them, and every string is checked
against the translation. Formats are generated conservatively (values every validator agrees on:
AJV's formats, pydantic's EmailStr/AnyUrl). Request rules of OpenAPI apply: `readOnly` properties
are not sent; closed objects get no extra keys; integers stay within JSON's exact range (2**53).

Unsupported schema keywords raise, so a spec that grows a new constraint cannot be silently ignored.
"""

from __future__ import annotations

import base64
import datetime
import functools
import re
from collections.abc import Callable
from typing import Any

from contract_spec import Op
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from support.specs import resolve

MAX_SAFE_INTEGER = 2**53 - 1
MAX_TEXT = 24
MAX_ITEMS = 2

# ECMA-262 WhiteSpace + LineTerminator is what `\s` means to AJV (Prism): these characters plus U+FEFF.
# U+FEFF is left out on purpose: the client's own check (Python/Rust regex) does not count it as
# whitespace and refuses it, although the spec allows it (see test_contract_known_issues.py). Every
# other character here is whitespace to all three engines.
JS_WHITESPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_CLASS_ESCAPES = {"d": "0-9", "w": "A-Za-z0-9_", "s": JS_WHITESPACE}
_ATOM_ESCAPES = {
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": "[A-Za-z0-9_]",
    "W": "[^A-Za-z0-9_]",
    "s": f"[{JS_WHITESPACE}]",
    "S": f"[^{JS_WHITESPACE}]",
}

ANNOTATIONS = {
    "description", "title", "examples", "example", "xml", "deprecated", "writeOnly", "default",
    "externalDocs", "summary", "$comment",
}  # fmt: skip
HANDLED = {
    "type", "enum", "const", "properties", "required", "additionalProperties", "items", "anyOf", "oneOf",
    "pattern", "minLength", "maxLength", "format", "minimum", "maximum", "readOnly", "contentEncoding",
}  # fmt: skip
FORMATS = {"email", "uri", "uuid", "date", "date-time"}


def ecma_to_python(pattern: str) -> str:
    """A Python regex that accepts exactly what the ECMA-262 `pattern` accepts (for these specs' subset).

    `^`/`$` become `\\A`/`\\Z` (no multiline in JSON Schema), `.` excludes ECMA's line terminators,
    `\\d \\w \\s` and their negations get their ECMA character sets. Other escapes are kept.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1]
            if in_class and nxt in _CLASS_ESCAPES:
                out.append(_CLASS_ESCAPES[nxt])
            elif in_class and nxt in "DWS":
                raise NotImplementedError(f"negated class escape inside a class: {pattern}")
            elif not in_class and nxt in _ATOM_ESCAPES:
                out.append(_ATOM_ESCAPES[nxt])
            elif nxt.isdigit() or nxt in "bBpPkcux":
                raise NotImplementedError(f"escape \\{nxt} not supported: {pattern}")
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
        elif ch == "^":
            out.append(r"\A")
        elif ch == "$":
            out.append(r"\Z")
        elif ch == ".":
            out.append(r"[^\n\r\u2028\u2029]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@functools.cache
def ecma_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_to_python(pattern))


def ecma_search(pattern: str, value: str) -> bool:
    """JSON Schema `pattern` semantics: the ECMA regex matches somewhere in the string."""
    return ecma_regex(pattern).search(value) is not None


# --- formats: values that AJV (Prism) and pydantic (the client's own check) both accept --------------

_TEXT = st.characters(codec="utf-8")  # any code point except surrogates (they cannot be UTF-8 encoded)
_LABEL = st.from_regex(r"\A[a-z0-9]{1,10}\Z")
_TLD = st.sampled_from(["com", "net", "org", "io", "de", "dev"])
_DOMAIN = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_LABEL, min_size=1, max_size=2), _TLD)
_LOCAL = st.from_regex(r"\A[a-z0-9](?:[a-z0-9_+-]{0,10}[a-z0-9])?(?:\.[a-z0-9]{1,8}){0,2}\Z")
EMAILS = st.builds(lambda local, domain: f"{local}@{domain}", _LOCAL, _DOMAIN)
_SEGMENT = st.from_regex(r"\A[A-Za-z0-9._~-]{0,8}\Z")
URIS = st.builds(
    lambda scheme, host, segments, query: f"{scheme}://{host}/{'/'.join(segments)}{query}",
    st.sampled_from(["https", "http"]),
    _DOMAIN,
    st.lists(_SEGMENT, max_size=3),
    st.sampled_from(["", "?a=1", "?token=x&b=2"]),
)
_OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)
DATE_TIMES = st.datetimes(timezones=_OFFSETS).map(lambda value: value.isoformat())
DATES = st.dates().map(lambda value: value.isoformat())
UUIDS = st.uuids().map(str)

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(_TEXT, max_size=MAX_TEXT)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=MAX_ITEMS) | st.dictionaries(st.text(_TEXT, max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _check_keywords(schema: dict[str, Any]) -> None:
    unknown = {
        k for k in schema if k not in HANDLED and k not in ANNOTATIONS and not k.startswith("x-") and k != "$ref"
    }
    if unknown:
        raise NotImplementedError(f"schema keywords not supported by the strategy builder: {sorted(unknown)}")
    if "format" in schema and schema["format"] not in FORMATS:
        raise NotImplementedError(f"format {schema['format']!r} not supported")


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    fmt = schema.get("format")
    if fmt == "email":
        base = EMAILS
    elif fmt == "uri":
        base = URIS
    elif fmt == "uuid":
        base = UUIDS
    elif fmt == "date":
        base = DATES
    elif fmt == "date-time":
        base = DATE_TIMES
    elif "pattern" in schema:
        base = st.from_regex(ecma_regex(schema["pattern"]), fullmatch=False)
    elif schema.get("contentEncoding") == "base64":
        base = st.binary(max_size=MAX_TEXT).map(lambda raw: base64.b64encode(raw).decode("ascii"))
    else:
        cap = max(low, min(high if high is not None else MAX_TEXT, MAX_TEXT))
        return st.text(_TEXT, min_size=low, max_size=cap)
    checks: list[Callable[[str], bool]] = []
    if "pattern" in schema:
        pattern: str = schema["pattern"]
        checks.append(lambda value: ecma_search(pattern, value))
    if low:
        checks.append(lambda value: len(value) >= low)
    if high is not None:
        checks.append(lambda value: len(value) <= high)

    def passes(value: str) -> bool:
        return all(check(value) for check in checks)

    return base.filter(passes) if checks else base


def _integer(schema: dict[str, Any]) -> st.SearchStrategy[int]:
    low = max(schema.get("minimum", -MAX_SAFE_INTEGER), -MAX_SAFE_INTEGER)
    high = min(schema.get("maximum", MAX_SAFE_INTEGER), MAX_SAFE_INTEGER)
    return st.integers(low, high)


def _number(schema: dict[str, Any]) -> st.SearchStrategy[float | int]:
    low, high = schema.get("minimum"), schema.get("maximum")
    floats = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    ints = st.integers(
        int(low) if low is not None else -MAX_SAFE_INTEGER, int(high) if high is not None else MAX_SAFE_INTEGER
    )
    return floats | ints


def _object(doc: dict[str, Any], schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = {
        name: sub for name, sub in (schema.get("properties") or {}).items() if not resolve(doc, sub).get("readOnly")
    }
    required = [name for name in schema.get("required", []) if name in properties]
    fixed = {name: for_schema(doc, properties[name]) for name in required}
    optional = {name: for_schema(doc, sub) for name, sub in properties.items() if name not in required}
    strategy = st.fixed_dictionaries(fixed, optional=optional)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        keys = st.text(_TEXT, min_size=1, max_size=12).filter(lambda key: key not in properties)
        extras = st.dictionaries(keys, for_schema(doc, extra), max_size=3)
        strategy = st.builds(lambda known, more: {**more, **known}, strategy, extras)
    return strategy


def for_schema(doc: dict[str, Any], schema: Any) -> st.SearchStrategy[Any]:
    """Values valid against `schema` as a request (readOnly properties left out)."""
    schema = resolve(doc, schema)
    _check_keywords(schema)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        return st.one_of([for_schema(doc, branch) for branch in branches])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([for_schema(doc, {**schema, "type": one}) for one in kind])
    if kind is None:
        if any(k in schema for k in ("properties", "additionalProperties", "required")):
            kind = "object"
        else:
            return JSON_VALUES  # no type: any JSON value (e.g. ActivePlatform's custom attribute value)
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return _integer(schema)
    if kind == "number":
        return _number(schema)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(for_schema(doc, schema.get("items", {})), max_size=MAX_ITEMS)
    if kind == "object":
        return _object(doc, schema)
    raise NotImplementedError(f"type {kind!r}")


def request_strategy(op: Op) -> st.SearchStrategy[dict[str, Any]]:
    """Whole requests of `op`: {"path": {...}, "query": {...}, "body": ... or None}."""
    doc = op.doc
    by_location: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {"path": ({}, {}), "query": ({}, {})}
    for param in op.parameters:
        if param["in"] not in by_location:
            raise NotImplementedError(f"{op.id}: parameters in {param['in']} are not driven")
        required, optional = by_location[param["in"]]
        strategy = for_schema(doc, param["schema"])
        if param.get("style") == "deepObject":
            # A key with [ or ] would name another parameter (name[a[b]]): the client refuses it before
            # sending (tests/runtime/test_encoding.py), so it is no request to send to Prism.
            strategy = strategy.filter(lambda value: not any("[" in key or "]" in key for key in value))
        (required if param.get("required") else optional)[param["name"]] = strategy
    parts: dict[str, st.SearchStrategy[Any]] = {
        where: st.fixed_dictionaries(req, optional=opt) for where, (req, opt) in by_location.items()
    }
    body = op.body_schema
    parts["body"] = for_schema(doc, body) if body is not None else st.none()
    return st.fixed_dictionaries(parts)


# The contract run's hypothesis settings: 100 requests per operation, the same ones on every run (CI),
# and no example database (nothing written into the repository).
CONTRACT_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
    print_blob=False,
)
