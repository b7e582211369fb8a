"""Run inside a fresh venv: make one call with an installed client; print what happened as JSON.

Usage: ``python call_client.py '<plan as JSON>' <base_url>`` (the plan comes from clientcall.py). Only
the client and its own dependencies are importable here, so this uses nothing else: it proves that the
published wheel is complete (code, dependencies, accountkit-runtime among them, and the bundled spec as
package data).
"""

from __future__ import annotations

import enum
import hashlib
import importlib
import importlib.metadata
import importlib.resources
import inspect
import json
import re
import sys
import typing


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _model(hint: typing.Any) -> typing.Any:
    """The first class in ``hint`` (possibly a union with Unset) that generated code can build from JSON."""
    for candidate in typing.get_args(hint) or (hint,):
        if isinstance(candidate, type) and (hasattr(candidate, "from_dict") or issubclass(candidate, enum.Enum)):
            return candidate
    return None


def _convert(hint: typing.Any, value: typing.Any) -> typing.Any:
    model = _model(hint)
    if model is None:
        return value
    return model(value) if issubclass(model, enum.Enum) else model.from_dict(value)


# connect() parameters that are not credentials; every other one gets a made-up value.
_SETTINGS = {"base_url", "timeout", "max_retries", "allow_insecure_http", "httpx_args", "async_transport"}


def _client(package: typing.Any, base_url: str) -> typing.Any:
    """The package's ``connect()`` when it has one (how users make a client), else a bare client."""
    connect = getattr(package, "connect", None)
    if connect is None:
        accepts = inspect.signature(package.AuthenticatedClient).parameters
        extra = {"token": "test-token"} if "token" in accepts else {}
        return package.AuthenticatedClient(base_url=base_url, **extra)
    parameters = inspect.signature(connect).parameters
    kwargs: dict[str, typing.Any] = {"base_url": base_url}
    if "max_retries" in parameters:
        kwargs["max_retries"] = 0
    for name, parameter in parameters.items():
        if name not in _SETTINGS and parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = f"test-{name.replace('_', '-')}"
    return connect(**kwargs)


def main(plan: dict[str, typing.Any], base_url: str) -> dict[str, typing.Any]:
    package = importlib.import_module(plan["package"])
    spec = (importlib.resources.files(plan["package"]) / "openapi.yaml").read_bytes()
    operation = importlib.import_module(plan["module"])
    call = operation.sync_detailed
    hints = typing.get_type_hints(call)
    by_key = {_key(name.rstrip("_")): name for name in inspect.signature(call).parameters}
    kwargs = {}
    for name, value in plan["arguments"].items():
        python_name = by_key[_key(name)]
        kwargs[python_name] = _convert(hints[python_name], value)
    if plan["body"] is not None:
        kwargs["body"] = _convert(hints["body"], plan["body"])
    client = _client(package, base_url)
    outcome: dict[str, typing.Any] = {"via_connect": hasattr(package, "connect"), "module_file": operation.__file__}
    outcome["spec_sha256"] = hashlib.sha256(spec).hexdigest()
    runtime = importlib.import_module("accountkit_runtime.transport")  # the one every operation sends through
    outcome["runtime_file"] = runtime.__file__
    outcome["runtime_version"] = importlib.metadata.version("accountkit-runtime")
    with client:
        try:
            response = call(client=client, **kwargs)
        except Exception as exc:  # the client's own API error still proves the answer was read and judged
            answer = getattr(exc, "response", None)
            if answer is None or not hasattr(answer, "status_code"):
                raise
            return {**outcome, "status": int(answer.status_code), "raised": f"{type(exc).__name__}: {exc}"}
    return {**outcome, "status": int(response.status_code), "parsed": type(response.parsed).__name__}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]), sys.argv[2])))
