"""A plain-Python "yes, it conforms" for requests of the common shapes, so that a program's first requests
need not import pydantic-core.

``fastcheck`` compiles each request model's checks (``<package>._checks``) into a pydantic-core
``SchemaValidator``. Importing pydantic-core (its schema module and typing_extensions with it) costs a first
call about as much as importing httpcore. Yet most requests are objects of strings, integers, booleans,
string or integer enums, lists and string maps, with required and unknown keys to check: this module
checks those itself, reading the same data, in Python. It is a few microseconds slower per request than
the compiled validator, so ``validation`` asks it only for a model's first requests
(``validation.PLAIN_PYTHON_CALLS``).

It answers "yes" (True) or "ask pydantic-core" (None), never "no". Anything it does not judge exactly as
pydantic-core's strict JSON mode does is left to ``fastcheck``: a pattern outside the plain subset both
regex engines read alike, or a value with other characters than printable ASCII under a pattern
(``plainregex``); a format other than a UUID in its usual form (url, date); a number constraint other
than bounds on an integer, a float too large to be exact; a string with a lone surrogate, a repeated key,
an unknown schema or key. A validator function the data names (``{"import": "module:qualname"}``, the
e-mail check) is called as pydantic-core would call it, after the value passed its schema. A value it
refuses is also left to ``fastcheck`` (and the model), which word the problems. So it can only make a
valid request cheaper, never change what is refused (``tests/runtime/test_purecheck.py`` holds every
"yes" against the model's answer on values drawn for every request model, and every pattern against
pydantic-core's).

Each model's data is read once into a tree of small functions (``_Reader``), so that a request costs
what it holds, not what the model could hold (PortaBilling's account has some two hundred fields).
"""

from __future__ import annotations

import importlib
import json
import math
from collections.abc import Callable
from functools import cache
from typing import Any

# No regex is compiled at import (each costs a first call a fraction of a millisecond): plainregex is
# imported by the first pattern read, and the checks below use str methods.
Schema = dict[str, Any]
Check = Callable[[Any], bool]  # True: the value conforms; False: ask pydantic-core

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_EXACT_FLOAT_INT = 2**53  # an integer a float holds exactly: pydantic-core reads a larger one otherwise


def conforms(package: str, name: str, content: bytes) -> bool | None:
    """True if ``content`` (a request's JSON) conforms to ``<package>.schemas.<name>``; None: ask ``fastcheck``."""
    check = _check(package, name)
    if check is None:
        return None
    try:
        data = json.loads(content, object_pairs_hook=_object, parse_constant=_refuse_constant)
        return True if check(data) else None
    except (ValueError, RecursionError):  # not JSON as pydantic-core reads it, or nested too deep to walk here
        return None


@cache
def _check(package: str, name: str) -> Check | None:
    """The model's checks read into a function, once; None when there are none to read."""
    try:
        text = importlib.import_module(f"{package}._checks").CHECKS.get(name)
        schema = json.loads(text) if isinstance(text, str) else None
    except Exception:  # noqa: BLE001 - no _checks, or damaged: fastcheck (and the model) answer instead
        return None
    if not isinstance(schema, dict):
        return None
    reader = _Reader()
    if schema.get("type") == "definitions":
        if not isinstance(schema.get("definitions"), list) or not isinstance(schema.get("schema"), dict):
            return None
        for definition in schema["definitions"]:
            if not isinstance(definition, dict) or not isinstance(definition.get("ref"), str):
                return None
            reader.definitions[definition["ref"]] = definition
        schema = schema["schema"]
    return reader.read(schema)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a repeated key")  # which one pydantic-core keeps is its own business
    return found


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _ask(value: Any) -> bool:
    return False


def _knows(schema: Schema, *known: str) -> bool:
    """Whether ``schema`` says nothing this module does not read (``ref`` only names it)."""
    return all(key in known or key in ("type", "ref") for key in schema)


def _within(low: int, high: int | None) -> Callable[[int], bool]:
    return lambda size: size >= low and (high is None or size <= high)


class _Reader:
    """Reads a model's checks (pydantic-core schema data) into a ``Check``; ``_ask`` where it cannot judge."""

    def __init__(self) -> None:
        self.definitions: dict[str, Schema] = {}
        self.read_definitions: dict[str, Check] = {}

    def read(self, schema: Any) -> Check:
        if not isinstance(schema, dict):
            return _ask
        reader = getattr(self, "_" + str(schema.get("type", "")).replace("-", "_"), None)
        return reader(schema) if reader is not None else _ask

    def _str(self, schema: Schema) -> Check:
        if not _knows(schema, "min_length", "max_length", "pattern"):
            return _ask
        size = _within(schema.get("min_length", 0), schema.get("max_length"))
        pattern = schema.get("pattern")
        if pattern is None:
            return lambda value: type(value) is str and _no_surrogate(value) and size(len(value))
        from . import plainregex  # only a pattern needs it

        if not isinstance(pattern, str) or plainregex.compiled(pattern) is None:
            return _ask
        matches = plainregex.matches_plainly
        return lambda value: (
            type(value) is str and _no_surrogate(value) and size(len(value)) and matches(pattern, value)
        )

    def _int(self, schema: Schema) -> Check:
        if not _knows(schema, "ge", "le", "gt", "lt"):
            return _ask
        ge, le, gt, lt = (schema.get(bound) for bound in ("ge", "le", "gt", "lt"))
        return lambda value: (
            type(value) is int
            and (ge is None or value >= ge)
            and (le is None or value <= le)
            and (gt is None or value > gt)
            and (lt is None or value < lt)
        )

    def _float(self, schema: Schema) -> Check:
        if not _knows(schema):
            return _ask
        return lambda value: (
            (type(value) is int and abs(value) <= _EXACT_FLOAT_INT) or (type(value) is float and math.isfinite(value))
        )

    def _bool(self, schema: Schema) -> Check:
        return (lambda value: type(value) is bool) if _knows(schema) else _ask

    def _literal(self, schema: Schema) -> Check:
        # Strings and integers only, each matched by its own type (a JSON true is not 1, nor 1.0); a bool or
        # None literal: pydantic-core's rules.
        expected = schema.get("expected")
        if not (_knows(schema, "expected") and isinstance(expected, list)):
            return _ask
        if not all(type(item) in (str, int) for item in expected):
            return _ask
        allowed = {(type(item), item) for item in expected}
        return lambda value: type(value) in (str, int) and (type(value), value) in allowed

    def _uuid(self, schema: Schema) -> Check:
        # The hyphenated form only (other spellings: pydantic-core's parser); any version, as none is set.
        return (lambda value: type(value) is str and _hyphenated_uuid(value)) if _knows(schema) else _ask

    def _list(self, schema: Schema) -> Check:
        if not _knows(schema, "items_schema", "min_length", "max_length"):
            return _ask
        item = self.read(schema.get("items_schema"))
        size = _within(schema.get("min_length", 0), schema.get("max_length"))
        return lambda value: type(value) is list and size(len(value)) and all(map(item, value))

    def _dict(self, schema: Schema) -> Check:
        if not _knows(schema, "keys_schema", "values_schema", "min_length", "max_length"):
            return _ask
        key = self.read(schema.get("keys_schema", {"type": "any"}))
        item = self.read(schema.get("values_schema", {"type": "any"}))
        size = _within(schema.get("min_length", 0), schema.get("max_length"))
        return lambda value: (
            type(value) is dict and size(len(value)) and all(key(k) and item(v) for k, v in value.items())
        )

    def _typed_dict(self, schema: Schema) -> Check:
        fields, config = schema.get("fields"), schema.get("config", {})
        if not (
            _knows(schema, "fields", "config", "extra_behavior")
            and isinstance(fields, dict)
            and isinstance(config, dict)
            and all(key in ("extra_fields_behavior", "validate_by_name") for key in config)
        ):
            return _ask
        extra = schema.get("extra_behavior", config.get("extra_fields_behavior", "ignore"))
        if extra not in ("forbid", "ignore"):
            return _ask
        checks: dict[str, Check] = {}
        required = set()
        for name, field in fields.items():
            if not (
                isinstance(field, dict)
                and field.get("type") == "typed-dict-field"
                and all(part in ("type", "schema", "required") for part in field)  # an alias: pydantic-core's
            ):
                return _ask
            checks[name] = self.read(field.get("schema"))
            if field.get("required", True):
                required.add(name)
        forbid = extra == "forbid"

        def check(value: Any) -> bool:
            if type(value) is not dict or not required <= value.keys():
                return False
            for name, item in value.items():
                field = checks.get(name)
                if field is None:
                    if forbid:
                        return False
                elif not field(item):
                    return False
            return True

        return check

    def _missing_sentinel(self, schema: Schema) -> Check:
        # A field that may be left out: JSON cannot spell pydantic's MISSING, so a value is the inner schema's.
        return self.read(schema.get("schema")) if _knows(schema, "schema") else _ask

    def _chain(self, schema: Schema) -> Check:
        # One step checks as itself; with more, each step sees what the one before made of the value.
        steps = schema.get("steps")
        if _knows(schema, "steps") and isinstance(steps, list) and len(steps) == 1:
            return self.read(steps[0])
        return _ask

    def _union(self, schema: Schema) -> Check:
        # Whichever the mode, a union accepts what one of its choices accepts (a choice may carry a label).
        choices = schema.get("choices")
        if not (_knows(schema, "choices", "mode") and isinstance(choices, list)):
            return _ask
        read = [self.read(choice[0] if isinstance(choice, list) and choice else choice) for choice in choices]
        return lambda value: any(check(value) for check in read)

    def _function_after(self, schema: Schema) -> Check:
        function = schema.get("function")
        if not (
            _knows(schema, "schema", "function")
            and isinstance(function, dict)
            and function.get("type") == "no-info"
            and isinstance(function.get("import"), str)
        ):
            return _ask
        inner, path = self.read(schema.get("schema")), function["import"]

        def check(value: Any) -> bool:
            if not inner(value):
                return False
            try:
                _imported(path)(value)
            except Exception:  # noqa: BLE001 - a refusal (or a function that breaks): fastcheck and the model answer
                return False
            return True

        return check

    def _definition_ref(self, schema: Schema) -> Check:
        ref = schema.get("schema_ref")
        if not (_knows(schema, "schema_ref") and isinstance(ref, str) and ref in self.definitions):
            return _ask
        if ref not in self.read_definitions:
            self.read_definitions[ref] = _ask  # a definition that refers to itself: read once, looked up when used
            self.read_definitions[ref] = self.read(self.definitions[ref])
        table = self.read_definitions
        return lambda value: table[ref](value)

    def _any(self, schema: Schema) -> Check:
        return (lambda value: True) if _knows(schema) else _ask


def _no_surrogate(value: str) -> bool:
    """Whether ``value`` has no lone surrogate (which JSON can escape and pydantic-core's parser refuses)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _hyphenated_uuid(value: str) -> bool:
    """Whether ``value`` is a UUID as 8-4-4-4-12 hexadecimal digits."""
    return (
        len(value) == 36
        and value[8] == value[13] == value[18] == value[23] == "-"
        and _HEX_DIGITS.issuperset(value[:8] + value[9:13] + value[14:18] + value[19:23] + value[24:])
    )


@cache
def _imported(path: str) -> Callable[[Any], Any]:
    """The function at ``path`` (``module:qualname``), imported the first time a value reaches it."""
    module, _, qualname = path.partition(":")
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]
