"""What a vendor's reference page says, as data: the model every page reader produces.

A page documents operations. Each operation has field rows (its parameters and the fields of its
request body, response and error bodies, nested fields under dotted names), the JSON examples the page
shows, and what the page says about authentication. A row keeps the page's own words (its type as
written, its description) and the constraints the page states, read out of those words once, here, so
the snapshot, the page diff and the spec check all see the same facts.

Everything is plain, immutable and JSON-serialisable (``to_json``/``from_json``), because the model *is*
the snapshot format (``specs/pages/<api>.json``) and a snapshot must compare exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Row:
    """One field of the page.

    ``location`` is "path", "query", "header", "request", "response" or "error:<status>" (the body of
    that error), or "auth-query"/"auth-header" for a parameter the page describes as authentication
    (a security scheme in the spec, not a parameter). ``name`` is dotted for nested fields.
    ``type`` is the page's type words as written ("array[object]", "globally unique identifier").
    ``required`` is True/False where the page marks it, None where the page says nothing. The constraint
    fields are None (or False) unless the page states them: ``values`` is a "Possible values" list of
    codes, ``value_range`` a "Possible values: 1 - min; 9 - max" pair, ``value_rule`` a "Possible values"
    text such as "only numbers".
    """

    location: str
    name: str
    type: str
    description: str
    required: bool | None = None
    read_only: bool = False
    pattern: str | None = None
    values: tuple[str, ...] | None = None
    value_range: tuple[str, str] | None = None
    value_rule: str | None = None
    min_length: int | None = None
    max_length: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What identifies a row on a page: its location and dotted name."""
        return (self.location, self.name)

    @property
    def label(self) -> str:
        """``name`` for request-side rows, ``response:name`` / ``error:500:name`` for the others."""
        if self.location == "response" or self.location.startswith("error:"):
            return f"{self.location}:{self.name}"
        return self.name

    def to_json(self) -> dict[str, Any]:
        """Only what the page states: defaults are left out, so a snapshot lists facts, not blanks."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            stated = value is not None and (value is not False or f.name == "required")
            if f.name in ("location", "name", "type", "description") or stated:
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        _known_keys(data, {f.name for f in fields(cls)}, "row")
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**values)


def row(
    location: str,
    name: str,
    type: str,  # noqa: A002 - the page's word
    description: str,
    required: bool | None = None,
    pattern: str | None = None,
) -> Row:
    """A row whose constraints are read from its description (how every reader builds its rows)."""
    return Row(
        location,
        name,
        type,
        description,
        required,
        read_only="read-only" in description.lower(),
        pattern=pattern,
        **stated_constraints(description),
    )


def stated_constraints(description: str) -> dict[str, Any]:
    """The value list, range or rule and the lengths a row's description states, as Row fields."""
    out: dict[str, Any] = {}
    values = possible_values(description)
    if values and values[0] == "enum":
        out["values"] = tuple(values[1])
    elif values and values[0] == "range":
        out["value_range"] = (values[1], values[2])
    elif values and values[0] == "text":
        out["value_rule"] = values[1]
    lens = lengths(description)
    if "minLength" in lens:
        out["min_length"] = lens["minLength"]
    if "maxLength" in lens:
        out["max_length"] = lens["maxLength"]
    return out


def possible_values(description: str) -> tuple[Any, ...] | None:
    """A "Possible values: ..." list: ("enum", [codes]), ("range", lo, hi) or ("text", words)."""
    m = re.search(r"Possible values: (.*?)(?:\.(?=\s|$)|$)", description)
    if not m:
        return None
    body = m.group(1)
    items = [i.strip() for i in body.split(";" if ";" in body else ",")]
    if len(items) == 1 and " - " not in items[0]:
        return ("text", items[0])
    pairs = [i.split(" - ", 1) if " - " in i else [i, ""] for i in items]
    if all(meaning in ("min", "max", "min value", "max value") for _, meaning in pairs) and len(pairs) == 2:
        return ("range", pairs[0][0], pairs[1][0])
    return ("enum", [code for code, _ in pairs])


def lengths(description: str) -> dict[str, int]:
    """minLength/maxLength the page text states ("Max length: 64", "Possible length: 2-10 ...")."""
    out: dict[str, int] = {}
    if m := re.search(r"Possible length: (\d+)-(\d+)", description):
        out = {"minLength": int(m[1]), "maxLength": int(m[2])}
    elif m := re.search(r"Possible length: (\d+) characters", description):
        out = {"maxLength": int(m[1])}
    if m := re.search(r"Max length: (\d+)", description):
        out["maxLength"] = int(m[1])
    if m := re.search(r"Min length: (\d+)", description):
        out["minLength"] = int(m[1])
    return out


@dataclass(frozen=True)
class Example:
    """A JSON example the page shows: "request" or "response", and the value as the page has it."""

    direction: str
    value: Any

    def to_json(self) -> dict[str, Any]:
        return {"direction": self.direction, "value": self.value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Example:
        _known_keys(data, {"direction", "value"}, "example")
        return cls(data["direction"], data["value"])


@dataclass(frozen=True)
class Operation:
    """One operation of the page, bound to the spec's operationId that models it.

    ``method``/``path`` are as the page shows them (None where it shows none); ``auth`` is what the page
    says about authentication, one paragraph per entry.
    """

    operation_id: str
    method: str | None
    path: str | None
    deprecated: bool = False
    rows: tuple[Row, ...] = ()
    examples: tuple[Example, ...] = ()
    auth: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "operation_id": self.operation_id,
            "method": self.method,
            "path": self.path,
            "deprecated": self.deprecated,
            "auth": list(self.auth),
            "rows": [r.to_json() for r in self.rows],
            "examples": [e.to_json() for e in self.examples],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Operation:
        _known_keys(data, {"operation_id", "method", "path", "deprecated", "rows", "examples", "auth"}, "operation")
        return cls(
            operation_id=data["operation_id"],
            method=data.get("method"),
            path=data.get("path"),
            deprecated=bool(data.get("deprecated", False)),
            rows=tuple(Row.from_json(r) for r in data.get("rows", [])),
            examples=tuple(Example.from_json(e) for e in data.get("examples", [])),
            auth=tuple(data.get("auth", [])),
        )


@dataclass(frozen=True)
class Page:
    """Everything read from one vendor page: its title and operations (the facts a snapshot keeps)."""

    title: str
    operations: tuple[Operation, ...] = field(default_factory=tuple)

    @property
    def rows(self) -> list[Row]:
        return [r for op in self.operations for r in op.rows]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "operations": [op.to_json() for op in self.operations]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Page:
        _known_keys(data, {"title", "operations"}, "page")
        return cls(data["title"], tuple(Operation.from_json(op) for op in data["operations"]))


def _known_keys(data: dict[str, Any], known: set[str], what: str) -> None:
    """A misspelt key in a snapshot is an error, not a fact silently dropped."""
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown {what} keys {unknown}")
