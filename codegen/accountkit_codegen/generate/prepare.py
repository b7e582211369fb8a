"""The Python generators' view of a spec.

The committed spec is written for every consumer (TypeScript, HTML docs, other languages); a few of its
contents are things openapi-python-client cannot take and would otherwise skip or fail on. This module
derives, in memory, the document the Python generators read. It never changes meaning for JSON clients.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from ..spec.patterns import LinearPattern, PatternError, linear_checks
from ..spec.specs import SpecError, operations

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


# Keys whose values are data, not schemas: a "pattern" key under them is not a constraint.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})
# Keys whose values map names to schemas: every key under them is a name, whatever it spells.
_NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "schemas"})
# Keys that only structure a location; the other parts of a location name the field.
_STRUCTURE = frozenset({"components", "schemas", "properties", "items", "schema", "paths", "content", "parameters"})


def _pattern_sites(node: Any, location: tuple[str, ...] = ()) -> Iterator[tuple[dict[str, Any], tuple[str, ...]]]:
    """Every schema object with a ``pattern`` under ``node``, and its location (key path)."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _pattern_sites(item, (*location, f"[{index}]"))
        return
    if not isinstance(node, dict):
        return
    names = bool(location) and location[-1] in _NAMED_SCHEMAS
    if not names and isinstance(node.get("pattern"), str):
        yield node, location
    for key, value in node.items():
        if not names and (key in _DATA_KEYS or key.startswith("x-") or key == "pattern"):
            continue
        yield from _pattern_sites(value, (*location, key))


def _shown(location: tuple[str, ...]) -> str:
    return ".".join(location).replace(".[", "[")


def _type_name(location: tuple[str, ...], taken: set[str]) -> str:
    """A Python name for the pattern type of a field, from the last two names in its location."""
    parts = [part for part in location if part not in _STRUCTURE and not part.startswith("[") and part[:1] != "/"]
    base = "".join(pascal(part) for part in parts[-2:]) + "Pattern"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


Site = tuple[dict[str, Any], tuple[str, ...], LinearPattern]


def linear_patterns(document: dict[str, Any], spec_path: Any) -> list[Site]:
    """Every ``pattern`` of the document (schema object, location, its linear-time checks), in order.

    A pattern the linear-time engine cannot check with its ECMA-262 meaning is a ``SpecError`` naming
    where it is (see ``patterns.py`` for why the clients use that engine).
    """
    found = []
    for node, location in _pattern_sites(document):
        try:
            translated = linear_checks(node["pattern"])
        except PatternError as exc:
            pattern = node["pattern"]
            shown = f"'{pattern}'" if pattern.isprintable() else repr(pattern)
            raise SpecError(spec_path, f"{_shown((*location, 'pattern'))}: pattern {shown}: {exc}") from None
        if len(translated.checks) > 1 and node.get("format"):
            raise SpecError(
                spec_path,
                f"{_shown((*location, 'pattern'))}: a pattern with a leading lookahead on a string with a "
                "format is not supported (the format would not be checked)",
            )
        found.append((node, location, translated))
    return found


def _conjunction_names(sites: list[Site]) -> dict[tuple[str, ...], str]:
    """location -> name of the generated type, for the patterns that need more than one check."""
    taken: set[str] = set()
    return {
        location: _type_name(location, taken) for _node, location, translated in sites if len(translated.checks) > 1
    }


def _use_linear_patterns(prepared: dict[str, Any], spec_path: Any, package: str) -> None:
    """Put each pattern's linear-time form in the pydantic view (in place).

    One check: it replaces the ``pattern``. Several: the field gets the type generated for it in
    ``<package>._patterns`` (``customTypePath``), which checks them all.
    """
    sites = linear_patterns(prepared, spec_path)
    names = _conjunction_names(sites)
    for node, location, translated in sites:
        if location in names:
            del node["pattern"]
            node["customTypePath"] = f"{package}._patterns.{names[location]}"
        else:
            node["pattern"] = translated.checks[0]


def pattern_types(document: dict[str, Any], spec_path: Any) -> list[tuple[str, str, LinearPattern]]:
    """Per field whose pattern needs several linear-time checks: its type's name, its location, the checks."""
    sites = linear_patterns(for_python(document), spec_path)
    names = _conjunction_names(sites)
    return [
        (names[location], _shown(location), translated) for _node, location, translated in sites if location in names
    ]


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


def for_pydantic(document: dict[str, Any], spec_path: Any, package: str) -> dict[str, Any]:
    """The Python view plus one schema per operation for its parameters and one for its JSON body.

    datamodel-code-generator turns these into ``<OperationId>RequestParameters`` and
    ``<OperationId>RequestBody`` models, which the runtime uses to validate a call before sending it.
    Parameters become one closed object (wire names as property names) so that a single validation
    reports every bad value at once. Patterns become regexes that match in linear time
    (``_use_linear_patterns``).
    """
    prepared = for_python(document)
    _use_linear_patterns(prepared, spec_path, package)
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


def wire_alternatives(operation: dict[str, Any]) -> tuple[str, ...]:
    """Query parameters whose spec names another wire form (``x-accountkit-wire-alternative``).

    The runtime lets ``RequestOptions.extra_query`` carry such a parameter under its documented name,
    in the other form, when the call leaves its argument unset (``accountkit_runtime.extras``).
    """
    return tuple(
        parameter["name"]
        for parameter in operation.get("parameters") or []
        if isinstance(parameter, dict)
        and parameter.get("in") == "query"
        and parameter.get("x-accountkit-wire-alternative")
    )


def any_body_statuses(operation: dict[str, Any]) -> tuple[int, ...]:
    """Success statuses whose body may be anything (``x-accountkit-any-body: true`` on the response).

    The generated parser reads such a body with ``accountkit_runtime.bodies.json_object`` (the
    endpoint template reads the same key), so an empty or non-JSON body is success, not a parse error.
    """
    return tuple(
        int(status)
        for status, response in (operation.get("responses") or {}).items()
        if str(status).isdigit() and isinstance(response, dict) and response.get("x-accountkit-any-body") is True
    )


def operation_facts(document: dict[str, Any], package: str) -> list[dict[str, Any]]:
    """What the runtime needs to know about each operation (``accountkit_runtime.operation.Operation``'s fields)."""
    facts = []
    for path, method, operation in operations(document):
        parameters_name, body_name = request_model_names(operation)
        declared = operation.get("x-idempotent")
        deprecated = None
        if operation.get("deprecated"):
            deprecated = str(operation.get("x-accountkit-replacement") or "the vendor gives no replacement")
        facts.append(
            {
                "name": operation["operationId"],
                "method": method.upper(),
                "path": path,
                "package": package,
                "declared_idempotent": declared if isinstance(declared, bool) else None,
                "deprecated": deprecated,
                "parameters_model": parameters_name,
                "body_model": body_name,
                "read_only": read_only_paths(document, _json_body_schema(operation)),
                "wire_alternatives": wire_alternatives(operation),
                "any_body": any_body_statuses(operation),
            }
        )
    return facts
