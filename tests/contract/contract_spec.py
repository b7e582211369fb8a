"""The specs as the contract tests see them: operations, their examples, and a JSON comparison.

Everything a contract test drives comes from specs/<api>.yaml: which operations exist, their
parameters and bodies, the vendor pages' examples (the spec's `examples`), the documented response
statuses and their schemas. Nothing here imports a generated client except `Op.module`.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from dateutil.parser import isoparse
from support.specs import HTTP_METHODS, read_spec, resolve

APIS = ("intandem", "activeplatform", "portabilling", "octopush", "twosms")


@functools.cache
def spec(api: str) -> dict[str, Any]:
    """specs/<api>.yaml, read once per run and shared: never change it."""
    return read_spec(api)


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


# ---------------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One example from the spec: where it is, its name and value."""

    name: str
    value: Any
    summary: str = ""


@dataclass(frozen=True)
class ExampleRequest:
    """A request assembled from the spec's examples: parameters by name and location, and a body."""

    name: str
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    body_example: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (repr(sorted(self.path.items())), repr(sorted(self.query.items())), repr(self.body))


@dataclass(frozen=True)
class Op:
    api: str
    op_id: str
    tag: str
    method: str
    path: str

    @property
    def doc(self) -> dict[str, Any]:
        return spec(self.api)

    @property
    def raw(self) -> dict[str, Any]:
        operation: dict[str, Any] = self.doc["paths"][self.path][self.method]
        return operation

    @property
    def id(self) -> str:
        return f"{self.api}.{self.op_id}"

    @property
    def module(self) -> Any:
        return importlib.import_module(f"{self.api}_client.api.{self.tag}.{self.op_id}")

    @property
    def parameters(self) -> list[dict[str, Any]]:
        shared = [resolve(self.doc, p) for p in self.doc["paths"][self.path].get("parameters", [])]
        own = [resolve(self.doc, p) for p in self.raw.get("parameters", [])]
        names = {(p["name"], p["in"]) for p in own}
        return [p for p in shared if (p["name"], p["in"]) not in names] + own

    @property
    def request_body(self) -> dict[str, Any] | None:
        body = self.raw.get("requestBody")
        return resolve(self.doc, body) if body else None

    @property
    def body_schema(self) -> dict[str, Any] | None:
        body = self.request_body
        if not body:
            return None
        schema: dict[str, Any] = body["content"]["application/json"]["schema"]
        return schema

    @property
    def body_examples(self) -> list[Example]:
        body = self.request_body
        if not body:
            return []
        return named_examples(self.doc, body["content"]["application/json"])

    @property
    def security(self) -> list[dict[str, Any]]:
        security: list[dict[str, Any]] = (
            self.raw["security"] if "security" in self.raw else self.doc.get("security", [])
        )
        return security

    @property
    def secured(self) -> bool:
        return any(requirement for requirement in self.security)

    @property
    def deprecated(self) -> bool:
        return bool(self.raw.get("deprecated"))

    @property
    def responses(self) -> dict[str, dict[str, Any]]:
        return {str(code): resolve(self.doc, response) for code, response in self.raw["responses"].items()}

    def response_for(self, status: int) -> tuple[str, dict[str, Any]]:
        """The documented response that covers `status`: exact code, then `4XX`-style range, then default."""
        responses = self.responses
        if str(status) in responses:
            return str(status), responses[str(status)]
        ranged = f"{str(status)[0]}XX"
        if ranged in responses:
            return ranged, responses[ranged]
        return "default", responses["default"]

    def response_schema(self, status: int) -> dict[str, Any] | None:
        _, response = self.response_for(status)
        content = response.get("content") or {}
        media = content.get("application/json")
        return media["schema"] if media else None

    @property
    def success_status(self) -> int:
        codes = [int(code) for code in self.responses if code.isdigit() and 200 <= int(code) < 300]
        assert len(codes) == 1, f"{self.id}: expected one documented 2xx status, found {codes}"
        return codes[0]

    def error_statuses(self) -> list[int]:
        """Concrete statuses that exercise every documented error response.

        Explicit codes as they are; a `4XX` range as 400, 404 and 429 (three error classes of the
        client); `default` as 409 and 503 when no range claims them (else 503 only).
        """
        statuses: list[int] = []
        for code in self.responses:
            if code.isdigit() and int(code) >= 400:
                statuses.append(int(code))
            elif code.upper() == "4XX":
                statuses += [400, 404, 429]
            elif code.upper() == "5XX":
                statuses += [500, 503]
            elif code == "default":
                statuses += [409, 503] if "4XX" not in self.responses else [503]
        return sorted(set(statuses))

    def response_examples(self) -> list[tuple[str, Example]]:
        """(documented status code, example) for every JSON response example."""
        found = []
        for code, response in self.responses.items():
            media = (response.get("content") or {}).get("application/json")
            if media:
                found += [(code, example) for example in named_examples(self.doc, media)]
        return found

    def example_requests(self) -> list[ExampleRequest]:
        """Requests assembled from the spec's examples (deduplicated).

        With a request body: one request per body example, parameters at their first example.
        Without one: every parameter at its first example, then, for each named example of each
        parameter, the required parameters plus that one parameter alone.
        """
        params = self.parameters
        first = {(p["in"], p["name"]): examples[0].value for p in params if (examples := param_examples(p))}
        missing = [p["name"] for p in params if p.get("required") and (p["in"], p["name"]) not in first]
        assert not missing, f"{self.id}: required parameters without an example: {missing}"
        required = {
            key: value
            for key, value in first.items()
            if any(p["in"] == key[0] and p["name"] == key[1] and p.get("required") for p in params)
        }

        def build(
            name: str, values: dict[tuple[str, str], Any], body: Any = None, body_example: str | None = None
        ) -> ExampleRequest:
            return ExampleRequest(
                name=name,
                path={n: v for (where, n), v in values.items() if where == "path"},
                query={n: v for (where, n), v in values.items() if where == "query"},
                body=body,
                body_example=body_example,
            )

        requests: list[ExampleRequest] = []
        if self.request_body:
            for example in self.body_examples:
                requests.append(build(f"body:{example.name}", first, example.value, example.name))
        else:
            requests.append(build("params:first-examples", first))
            for p in params:
                for example in param_examples(p):
                    requests.append(
                        build(f"{p['name']}:{example.name}", {**required, (p["in"], p["name"]): example.value})
                    )
        unique: dict[tuple[str, str, str], ExampleRequest] = {}
        for request in requests:
            unique.setdefault(request.key, request)
        return list(unique.values())


def named_examples(doc: dict[str, Any], holder: dict[str, Any]) -> list[Example]:
    found = []
    for name, example in (holder.get("examples") or {}).items():
        example = resolve(doc, example)
        if "value" in example:
            found.append(Example(name, example["value"], example.get("summary", "")))
    if "example" in holder:
        found.append(Example("example", holder["example"]))
    return found


def param_examples(param: dict[str, Any]) -> list[Example]:
    examples = [Example(n, e["value"], e.get("summary", "")) for n, e in (param.get("examples") or {}).items()]
    if "example" in param:
        examples.append(Example("example", param["example"]))
    return examples


@functools.cache
def operations(api: str) -> tuple[Op, ...]:
    doc = spec(api)
    ops = []
    for path, item in doc["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                ops.append(Op(api, operation["operationId"], operation["tags"][0], method, path))
    return tuple(ops)


def all_operations() -> list[Op]:
    return [op for api in APIS for op in operations(api)]


def example_request_params() -> list[Any]:
    """Every operation's example requests, as pytest parameters ``(op, example)`` named ``<op>-<example>``."""
    return [
        pytest.param(op, example, id=f"{op.id}-{example.name}")
        for op in all_operations()
        for example in op.example_requests()
    ]


def response_example_params() -> list[Any]:
    """Every operation's response examples, as pytest parameters ``(op, status, example)``."""
    return [
        pytest.param(op, code, example, id=f"{op.id}-{code}-{example.name}")
        for op in all_operations()
        for code, example in op.response_examples()
    ]


# ---------------------------------------------------------------------------------------------
# JSON comparison with the one normalisation the clients need
# ---------------------------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same_scalar(a: Any, b: Any) -> bool:
    if _is_number(a) and _is_number(b):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def _same_instant(a: str, b: str) -> bool:
    """Date-time normalisation: the same instant and the same UTC offset, to microsecond precision.

    Python's datetime keeps 6 fractional digits and writes them all (`.440` becomes `.440000`);
    .NET's 7-digit ticks (`.1927545`) are cut to 6 (`.192754`), as dateutil's isoparse does.
    """
    try:
        x, y = isoparse(a), isoparse(b)
    except ValueError:
        return False
    return bool(x == y and x.utcoffset() == y.utcoffset())


def _same_date(a: str, b: str) -> bool:
    try:
        return datetime.date.fromisoformat(a) == datetime.date.fromisoformat(b)
    except ValueError:
        return False


def differences(doc: dict[str, Any], schema: Any, original: Any, other: Any, where: str = "") -> Iterator[str]:
    """Where `other` differs from `original`, walking `schema` so date-times compare as instants.

    Everything else must be equal JSON (a number may be written as int or float; bool is not a number).
    """
    schema = resolve(doc, schema) if isinstance(schema, dict) else {}
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        results = [list(differences(doc, branch, original, other, where)) for branch in branches]
        if any(not r for r in results):
            return
        yield from min(results, key=len)
        return
    if isinstance(original, str) and isinstance(other, str):
        fmt = schema.get("format")
        if original == other or (fmt == "date-time" and _same_instant(original, other)):
            return
        if fmt == "date" and _same_date(original, other):
            return
        yield f"{where or '/'}: {original!r} != {other!r}"
        return
    if isinstance(original, dict) and isinstance(other, dict):
        if set(original) != set(other):
            yield (
                f"{where or '/'}: keys differ: only in original {sorted(set(original) - set(other))}, "
                f"only in other {sorted(set(other) - set(original))}"
            )
            return
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        for key in original:
            sub = properties.get(key, extra if isinstance(extra, dict) else {})
            yield from differences(doc, sub, original[key], other[key], f"{where}/{key}")
        return
    if isinstance(original, list) and isinstance(other, list):
        if len(original) != len(other):
            yield f"{where or '/'}: {len(original)} items != {len(other)} items"
            return
        for i, (a, b) in enumerate(zip(original, other, strict=True)):
            yield from differences(doc, schema.get("items") or {}, a, b, f"{where}/{i}")
        return
    if not _same_scalar(original, other):
        yield f"{where or '/'}: {original!r} != {other!r}"


def assert_same_json(doc: dict[str, Any], schema: Any, original: Any, other: Any, what: str) -> None:
    found = list(differences(doc, schema, original, other))
    assert not found, f"{what}: " + "; ".join(found[:10])
