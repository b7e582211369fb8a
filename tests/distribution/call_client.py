"""Run inside a fresh venv: make one call with an installed client; print what happened as JSON.

Usage: ``python call_client.py '<plan as JSON>' <base_url>`` (the plan comes from clientcall.py). Only
the client and its own dependencies are importable here, so this uses nothing else: it proves that the
published wheel is complete (code, dependencies, accountkit-runtime among them, and the bundled spec as
package data).
"""

from __future__ import annotations

import asyncio
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


def _plain(value: typing.Any) -> typing.Any:
    """A parsed result as JSON values: a generated model through its own ``to_dict()``."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def main(plan: dict[str, typing.Any], base_url: str) -> dict[str, typing.Any]:
    """Call the operation once with ``sync_detailed`` and once with ``asyncio_detailed``.

    Any exception ends the script with a traceback (a non-zero exit): an error the client raises,
    even one that carries the server's answer, means the call did not work.
    """
    package = importlib.import_module(plan["package"])
    spec = (importlib.resources.files(plan["package"]) / "openapi.yaml").read_bytes()
    operation = importlib.import_module(plan["module"])
    hints = typing.get_type_hints(operation.sync_detailed)
    by_key = {_key(name.rstrip("_")): name for name in inspect.signature(operation.sync_detailed).parameters}
    kwargs = {}
    for name, value in plan["arguments"].items():
        python_name = by_key[_key(name)]
        kwargs[python_name] = _convert(hints[python_name], value)
    if plan["body"] is not None:
        kwargs["body"] = _convert(hints["body"], plan["body"])
    outcome: dict[str, typing.Any] = {"module_file": operation.__file__}
    outcome["spec_sha256"] = hashlib.sha256(spec).hexdigest()
    runtime = importlib.import_module("accountkit_runtime.transport")  # the one every operation sends through
    outcome["runtime_file"] = runtime.__file__
    outcome["runtime_version"] = importlib.metadata.version("accountkit-runtime")
    with package.connect(base_url=base_url, max_retries=0, **plan["credentials"]) as client:
        response = operation.sync_detailed(client=client, **kwargs)
    outcome["sync"] = {"status": int(response.status_code), "parsed": _plain(response.parsed)}

    async def call_async() -> typing.Any:
        async with package.connect(base_url=base_url, max_retries=0, **plan["credentials"]) as client:
            return await operation.asyncio_detailed(client=client, **kwargs)

    response = asyncio.run(call_async())
    outcome["async"] = {"status": int(response.status_code), "parsed": _plain(response.parsed)}
    return outcome


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]), sys.argv[2])))
