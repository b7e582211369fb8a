"""Load and validate a spec, so that a broken one fails with one message naming the file and the problem.

The generators' own errors on a bad document are long tracebacks or, worse, silent skips; checking the
document first (YAML syntax, the OpenAPI 3.1 schema, then the few project rules the pipeline depends on)
lets ``generate`` stop before anything is written and say exactly what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from .layout import REPO

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


class SpecError(Exception):
    """A spec that cannot be used, with the file and the first problem found in it."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem

    def __str__(self) -> str:
        try:
            shown = self.path.resolve().relative_to(REPO)
        except ValueError:
            shown = self.path
        return f"{shown}: {self.problem}"


def load_spec(path: Path) -> dict[str, Any]:
    """Parse and validate ``path``; raise ``SpecError`` on the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(path, f"cannot be read ({exc})") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(path, f"is not valid YAML{where}: {problem}") from None
    if not isinstance(document, dict):
        raise SpecError(path, "is not an OpenAPI document (its top level is not a mapping)")
    if str(document.get("openapi", "")).split(".")[:2] != ["3", "1"]:
        raise SpecError(path, f"must be OpenAPI 3.1.x, found openapi: {document.get('openapi')!r}")
    for error in OpenAPIV31SpecValidator(document).iter_errors():
        location = "/".join(str(part) for part in error.absolute_path)
        raise SpecError(path, f"invalid OpenAPI 3.1 at {location or '(top level)'}: {error.message}")
    for problem in project_rule_violations(document):
        raise SpecError(path, problem)
    return document


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (path, method, operation) of a document, in document order."""
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield path, method, item[method]


def project_rule_violations(document: dict[str, Any]) -> Iterator[str]:
    """The project conventions (specs/README.md) that the pipeline relies on."""
    version = str(document["info"].get("version", ""))
    if not SEMVER.match(version):
        yield f"info.version {version!r} is not a MAJOR.MINOR.PATCH version (it becomes the package version)"
    seen: dict[str, str] = {}
    for path, method, operation in operations(document):
        where = f"{method.upper()} {path}"
        operation_id = operation.get("operationId")
        if not operation_id:
            yield f"{where} has no operationId (it names the generated function)"
            continue
        if not re.fullmatch(r"[a-z][a-z0-9_]*", operation_id):
            yield f"{where}: operationId {operation_id!r} must be snake_case"
        if operation_id in seen:
            yield f"{where}: operationId {operation_id!r} is already used by {seen[operation_id]}"
        seen[operation_id] = where
        for status, response in (operation.get("responses") or {}).items():
            if (
                isinstance(response, dict)
                and "x-accountkit-any-body" in response
                and not (
                    response["x-accountkit-any-body"] is True and str(status).isdigit() and str(status).startswith("2")
                )
            ):
                yield (
                    f"{where}: response {status}: x-accountkit-any-body must be true and on a success status "
                    "(2xx): it makes any body mean success"
                )
            closed = _closed_schema(document, response)
            if closed:
                yield (
                    f"{where}: response {status} uses a closed schema ({closed} has additionalProperties: false); "
                    "response schemas stay open, so that a vendor adding a field does not break parsing"
                )
        for parameter in operation.get("parameters") or []:
            if "x-accountkit-wire-alternative" in parameter and parameter.get("in") != "query":
                yield (
                    f"{where}: parameter {parameter.get('name')!r}: x-accountkit-wire-alternative is for query "
                    "parameters (the other form is sent through RequestOptions.extra_query)"
                )
            schema = parameter.get("schema") or {}
            is_object_query = parameter.get("in") == "query" and schema.get("type") == "object"
            if is_object_query and (parameter.get("style") != "deepObject" or parameter.get("explode") is False):
                yield (
                    f"{where}: object query parameter {parameter.get('name')!r} must use "
                    "style: deepObject (the only object encoding the clients implement)"
                )


def _closed_schema(document: dict[str, Any], node: Any) -> str | None:
    """The first schema under ``node`` (following local ``$ref``s) with ``additionalProperties: false``.

    Generated request models refuse unknown keys; a closed schema in a response would do the same to a
    vendor's new field. Examples are data, not schemas, and are skipped.
    """
    seen: set[str] = set()
    stack: list[tuple[Any, str]] = [(node, "the response")]
    while stack:
        current, where = stack.pop()
        if isinstance(current, list):
            stack += [(item, where) for item in current]
            continue
        if not isinstance(current, dict):
            continue
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref not in seen:
                seen.add(ref)
                target: Any = document
                for part in ref[2:].split("/"):
                    target = (
                        target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
                    )
                stack.append((target, ref))
            continue
        if current.get("additionalProperties") is False:
            return where
        stack += [(value, where) for key, value in current.items() if key not in ("example", "examples")]
    return None
