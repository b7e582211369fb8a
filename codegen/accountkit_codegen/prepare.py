"""The Python generators' view of a spec.

The committed spec is written for every consumer (TypeScript, HTML docs, other languages); a few of its
contents are things openapi-python-client cannot take and would otherwise skip or fail on. This module
derives, in memory, the document the Python generators read. It never changes meaning for JSON clients.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .specs import SpecError, operations

JSON_MEDIA_TYPE = "application/json"


def _keep_json_only(content: dict[str, Any]) -> dict[str, Any]:
    """Keep only ``application/json`` where the vendor also accepts XML or ``text/json``.

    The Python clients speak JSON only; openapi-python-client refuses XML bodies and would generate a
    second, ambiguous body type for ``text/json``.
    """
    if JSON_MEDIA_TYPE in content:
        return {JSON_MEDIA_TYPE: content[JSON_MEDIA_TYPE]}
    return content


def for_python(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``document`` as the Python generators should see it."""
    prepared = copy.deepcopy(document)
    for _path, _method, operation in operations(prepared):
        body = operation.get("requestBody")
        if isinstance(body, dict) and "content" in body:
            body["content"] = _keep_json_only(body["content"])
        for response in (operation.get("responses") or {}).values():
            if isinstance(response, dict) and "content" in response:
                response["content"] = _keep_json_only(response["content"])
    return prepared


# ECMA-262 (the dialect of JSON Schema patterns) whitespace and line terminators, as literal characters
# so the class reads the same in Python's and Rust's regex engines.
_ECMA_WHITESPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ECMA_LINE_TERMINATORS = "\n\r\u2028\u2029"


def python_pattern(pattern: str) -> str:
    """A JSON Schema (ECMA-262) ``pattern`` rewritten to mean the same in Python's ``re``.

    The differences that matter for validation: ``\\d`` and ``\\s`` are ASCII digits and ECMA whitespace
    (Python's are Unicode-wide), ``.`` excludes every line terminator (Python's only ``\\n``), and ``$``
    matches only at the very end (Python's also before a final newline, hence ``\\Z``).
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            if escaped == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif escaped == "s":
                out.append(_ECMA_WHITESPACE if in_class else f"[{_ECMA_WHITESPACE}]")
            elif escaped == "D" and not in_class:
                out.append("[^0-9]")
            elif escaped == "S" and not in_class:
                out.append(f"[^{_ECMA_WHITESPACE}]")
            else:
                out.append(char + escaped)
            i += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            if pattern[i + 1 : i + 2] == "^":  # a negated class: its first member may be "]"
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif char == ".":
            out.append(f"[^{_ECMA_LINE_TERMINATORS}]")
        elif char == "$":
            out.append("\\Z")
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _translate_patterns(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                node[key] = python_pattern(value)
            else:
                _translate_patterns(value)
    elif isinstance(node, list):
        for item in node:
            _translate_patterns(item)


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", name) if part)


def request_model_names(operation: dict[str, Any]) -> tuple[str | None, str | None]:
    """Names of the pydantic models validating an operation's parameters and body (None if it has none)."""
    base = pascal(operation["operationId"])
    parameters = f"{base}RequestParameters" if operation.get("parameters") else None
    body = f"{base}RequestBody" if _json_body_schema(operation) is not None else None
    return parameters, body


def _json_body_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    body = operation.get("requestBody")
    if not isinstance(body, dict):
        return None
    media = (body.get("content") or {}).get(JSON_MEDIA_TYPE)
    return media.get("schema") if isinstance(media, dict) else None


def for_pydantic(document: dict[str, Any], spec_path: Any) -> dict[str, Any]:
    """The Python view plus one schema per operation for its parameters and one for its JSON body.

    datamodel-code-generator turns these into ``<OperationId>RequestParameters`` and
    ``<OperationId>RequestBody`` models, which the runtime uses to validate a call before sending it.
    Parameters become one closed object (wire names as property names) so that a single validation
    reports every bad value at once. Patterns are translated to Python's regex dialect.
    """
    prepared = for_python(document)
    _translate_patterns(prepared.get("components"))
    _translate_patterns(prepared.get("paths"))
    schemas = prepared.setdefault("components", {}).setdefault("schemas", {})
    for _path, _method, operation in operations(prepared):
        parameters_name, body_name = request_model_names(operation)
        for name in filter(None, (parameters_name, body_name)):
            if name in schemas:
                raise SpecError(spec_path, f"components.schemas.{name} clashes with a generated request model name")
        if parameters_name:
            properties, required = {}, []
            for parameter in operation["parameters"]:
                if "$ref" in parameter:
                    raise SpecError(spec_path, "parameters given by $ref are not supported; write them inline")
                schema = dict(parameter.get("schema") or {})
                if parameter.get("description") and "description" not in schema:
                    schema["description"] = parameter["description"]
                properties[parameter["name"]] = schema
                if parameter.get("required"):
                    required.append(parameter["name"])
            schemas[parameters_name] = {
                "type": "object",
                "description": f"The parameters of {operation['operationId']}, by their names on the wire.",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        if body_name:
            schemas[body_name] = copy.deepcopy(_json_body_schema(operation))
    return prepared


def _deref(document: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node, None
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, ref


def read_only_paths(document: dict[str, Any], schema: Any) -> tuple[str, ...]:
    """Dotted paths (``*`` for array items) of the ``readOnly`` properties under a request body schema.

    The pydantic models share components between requests and responses, so they cannot refuse a
    read-only field; the runtime checks these paths in the body instead (the vendor would reject or
    silently drop such a field).
    """
    found: list[str] = []

    def walk(node: Any, path: tuple[str, ...], seen: frozenset[str]) -> None:
        if isinstance(node, dict) and node.get("readOnly") and path:
            found.append(".".join(path))
            return
        node, ref = _deref(document, node)
        if not isinstance(node, dict) or (ref is not None and ref in seen):
            return
        seen = seen | {ref} if ref else seen
        if node.get("readOnly") and path:
            found.append(".".join(path))
            return
        for key in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(key) or []:
                walk(branch, path, seen)
        for name, child in (node.get("properties") or {}).items():
            walk(child, (*path, name), seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "*"), seen)

    walk(schema, (), frozenset())
    return tuple(dict.fromkeys(found))


def operations_module(document: dict[str, Any]) -> str:
    """Source of ``<package>/_operations.py``: what the runtime needs to know about each operation."""
    lines = [
        '"""What the runtime knows about each operation, from the spec. Generated by accountkit; do not edit."""',
        "",
        "from ._runtime.operation import Operation",
        "",
        "OPERATIONS: dict[str, Operation] = {",
    ]
    for path, method, operation in operations(document):
        parameters_name, body_name = request_model_names(operation)
        declared = operation.get("x-idempotent")
        deprecated = None
        if operation.get("deprecated"):
            deprecated = str(operation.get("x-accountkit-replacement") or "the vendor gives no replacement")
        fields = {
            "name": operation["operationId"],
            "method": method.upper(),
            "path": path,
            "declared_idempotent": declared if isinstance(declared, bool) else None,
            "deprecated": deprecated,
            "parameters_model": parameters_name,
            "body_model": body_name,
            "read_only": read_only_paths(document, _json_body_schema(operation)),
        }
        arguments = ", ".join(f"{key}={value!r}" for key, value in fields.items())
        lines.append(f"    {operation['operationId']!r}: Operation({arguments}),")
    lines.append("}")
    return "\n".join(lines) + "\n"
