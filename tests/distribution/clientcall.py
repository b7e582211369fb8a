"""One real call per API, derived from its spec: what to send through the installed client, what to answer.

The round-trip test must prove that a client installed from the index works, for every API, without a
hand-written table that goes stale when a spec changes. So the call is read from the spec: its first
operation, required parameters from their examples (or a plain value of the right type), the request
body from the first request example, the answer from the first 2xx example (examples validate against
their schemas, specs/README.md). ``call_client.py`` then makes the call inside the fresh venv.

A client made by ``connect()`` may first log in or fetch a token; ``auth_answers`` gives the server
something to say to those calls: the spec's own example where the call is in the spec (a login
operation), else a plain OAuth2 token response.
"""

from __future__ import annotations

import json
import re
from typing import Any

from support.specs import HTTP_METHODS, resolve

JSON = "application/json"


def first_example(spec: dict[str, Any], holder: dict[str, Any]) -> Any:
    """The first example a parameter, media type or schema gives; None when it gives none."""
    holder = resolve(spec, holder)
    if "example" in holder:
        return holder["example"]
    examples = holder.get("examples")
    if isinstance(examples, dict) and examples:
        return resolve(spec, next(iter(examples.values()))).get("value")
    if isinstance(examples, list) and examples:
        return examples[0]
    return None


def plain_value(spec: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A value of the schema's type when the spec offers no example."""
    schema = resolve(spec, schema or {})
    for key in ("enum", "examples"):
        if schema.get(key):
            return schema[key][0]
    for key in ("example", "default"):
        if key in schema:
            return schema[key]
    kind = schema.get("type")
    kind = next((item for item in kind if item != "null"), None) if isinstance(kind, list) else kind
    if kind == "integer":
        return 7
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    by_format: dict[Any, str] = {"email": "someone@example.com", "uuid": "123e4567-e89b-12d3-a456-426614174000"}
    return by_format.get(schema.get("format"), "abc123")


TOKEN_ANSWER: dict[str, Any] = {
    "access_token": "test-access",
    "token_type": "Bearer",
    "expires_in": 3600,
    "refresh_token": "r",
}


def _success(spec: dict[str, Any], operation: dict[str, Any]) -> tuple[int, Any]:
    """The first 2xx status of an operation and its JSON example (None when it has none)."""
    none: tuple[Any, dict[str, Any]] = ("200", {})
    status, response = next(
        ((code, resolve(spec, answer)) for code, answer in operation["responses"].items() if str(code)[0] == "2"),
        none,
    )
    content = response.get("content", {})
    example = first_example(spec, content[JSON]) if JSON in content else None
    return (int(status) if str(status).isdigit() else 200), example


def auth_answers(spec: dict[str, Any], called: str) -> list[tuple[str, str, str]]:
    """(method, path, JSON answer) for every other operation the client might call before ``called``."""
    answers = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if path != called and "{" not in path and isinstance(item.get(method), dict):
                _status, example = _success(spec, item[method])
                answers.append((method.upper(), path, json.dumps({**TOKEN_ANSWER, **(example or {})})))
    return answers


def call_plan(api: str, spec: dict[str, Any]) -> dict[str, Any]:
    """The call for ``api``: its module, arguments, expected request, and the answer to give."""
    path, method, operation, item = next(
        (path, method, item[method], item)
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )
    parameters = [resolve(spec, p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]]
    arguments, expected_path = {}, path
    for parameter in parameters:
        if parameter["in"] == "path" or (parameter["in"] == "query" and parameter.get("required")):
            value = first_example(spec, parameter)
            if value is None:
                value = plain_value(spec, parameter.get("schema", {}))
            arguments[parameter["name"]] = value
            if parameter["in"] == "path":
                expected_path = expected_path.replace(f"{{{parameter['name']}}}", str(value))
    content = resolve(spec, operation.get("requestBody", {})).get("content", {})
    body = first_example(spec, content[JSON]) if JSON in content else None
    status, answer = _success(spec, operation)
    tag = re.sub(r"\W+", "_", operation["tags"][0].lower())
    return {
        "package": f"{api}_client",
        "module": f"{api}_client.api.{tag}.{operation['operationId']}",
        "arguments": arguments,
        "body": body,
        "method": method.upper(),
        "path": expected_path,
        "status": status,
        "answer": json.dumps(answer if answer is not None else {}),
        "auth_answers": auth_answers(spec, path),
    }
