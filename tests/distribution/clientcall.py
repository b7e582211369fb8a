"""One real call per API, derived from its spec: what to send through the installed client, what to answer.

The round-trip test must prove that a client installed from the index works, for every API, without a
hand-written table that goes stale when a spec changes. So the call is read from the spec: its first
operation, required parameters from their examples (or a plain value of the right type), the request
body from the first request example, the answer from the first 2xx example (examples validate against
their schemas, specs/README.md). ``call_client.py`` then makes the call inside the fresh venv.

How each vendor authenticates is not in the specs the generator reads (it is ``connect()``'s job), so
``VENDOR_AUTH`` states it: the credentials given to ``connect()``, the login or token call made first
(if any) and what it must carry, and what every API call must carry. The test server answers only
those requests: a client that sends a wrong credential, a wrong login body or calls another route gets
a 404 and fails the test.
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


TOKEN_ANSWER: dict[str, Any] = {
    "access_token": "test-access",
    "token_type": "Bearer",
    "expires_in": 3600,
    "refresh_token": "r",
}


def auth_answers(spec: dict[str, Any], called: str) -> list[tuple[str, str, str]]:
    """(method, path, JSON answer) for every other operation a client might call before ``called``
    (the npm packages' round trip answers these; the Python one uses ``VENDOR_AUTH``)."""
    answers = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if path != called and "{" not in path and isinstance(item.get(method), dict):
                _status, example = _success(spec, item[method])
                answers.append((method.upper(), path, json.dumps({**TOKEN_ANSWER, **(example or {})})))
    return answers


# Per vendor: ``credentials`` for connect(); ``login``: (method, path, what the request must carry as
# pytest-httpserver matchers, the JSON answer) for a session or token call made before the API call;
# ``headers`` / ``query``: what every API call must carry. Values as the vendor modules document them.
VENDOR_AUTH: dict[str, dict[str, Any]] = {
    "activeplatform": {"credentials": {"api_token": "ap-token"}, "query": {"api_token": "ap-token"}},
    "intandem": {"credentials": {"token": "it-token"}, "headers": {"Authorization": 'Token token="it-token"'}},
    "octopush": {
        "credentials": {"api_login": "me@example.com", "api_key": "op-key"},
        "headers": {"api-login": "me@example.com", "api-key": "op-key"},
    },
    "portabilling": {
        "credentials": {"login": "pb-user", "password": "pb-password"},
        "login": (
            "POST",
            "/Session/login",
            {"json": {"params": {"login": "pb-user", "password": "pb-password"}}},
            {"access_token": "pb-session", "refresh_token": "pb-refresh"},
        ),
        "headers": {"Authorization": "Bearer pb-session"},
    },
    "twosms": {
        "credentials": {"client_id": "ts-id", "client_secret": "ts-secret"},
        "login": (
            "POST",
            "/Token",
            {"data": "grant_type=client_credentials&client_id=ts-id&client_secret=ts-secret"},
            {"access_token": "ts-access", "token_type": "bearer", "expires_in": 3600},
        ),
        "headers": {"Authorization": "Bearer ts-access"},
    },
}


def success_answer(api: str, example: Any) -> Any:
    """The spec's success example as the vendor would send it for a call that succeeded.

    2sms's samples fill in the envelope's ``Error`` too, and an ``Error`` object means the call failed
    even under HTTP 200: a successful answer has none.
    """
    if api == "twosms" and isinstance(example, dict):
        return {key: value for key, value in example.items() if key != "Error"}
    return example


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
    answer = success_answer(api, answer if answer is not None else {})
    tag = re.sub(r"\W+", "_", operation["tags"][0].lower())
    return {
        "package": f"{api}_client",
        "module": f"{api}_client.api.{tag}.{operation['operationId']}",
        "arguments": arguments,
        "body": body,
        "method": method.upper(),
        "path": expected_path,
        "status": status,
        "answer": json.dumps(answer),
        "credentials": VENDOR_AUTH[api]["credentials"],
        "auth_answers": auth_answers(spec, path),
    }
