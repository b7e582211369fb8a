"""A client's first valid call does not import its pydantic models, nor pydantic-core where the request's
shape is a common one, nor the models it does not use (nor, when sync, asyncio), and a refused one still
words the problems in their words.

Importing ``<package>.schemas`` builds every model of the spec, the costliest import of a client's
first call; a valid request is checked with the package's generated ``_checks`` data instead, in plain
Python (``accountkit_runtime.purecheck``) or else compiled by pydantic-core (``fastcheck``). Each case runs
in a fresh interpreter (``sys.modules`` is what it looks at), sync and async, against the test server on
127.0.0.1.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]

# A run in a fresh interpreter: a valid call, the modules it left imported, then a refused call.
SCRIPT = """
import json, sys
from support.kits import KITS
from support.mockserver import MockServer

name, mode, invalid = sys.argv[1], sys.argv[2], sys.argv[3]
RARE = {"asyncio", "accountkit_runtime.errorbody"}  # needed by an async call, an error status
server = MockServer()
kit = KITS[name](server)
try:
    client = kit.connect()
    if mode == "sync":
        run = kit.call
    else:
        import asyncio

        def run(client, **kw):
            return asyncio.run(kit.acall(client, **kw))

    run(client)
    after_valid = sorted(
        m for m in sys.modules
        if m.startswith("pydantic") or m.endswith((".schemas", "._error_models")) or m in RARE
    )
    models_after_valid = sorted(m for m in sys.modules if m.startswith(kit.package_name + ".models."))
    errors = __import__(kit.package_name + ".errors", fromlist=["x"])
    try:
        run(client, **eval(invalid))
        refused = "sent"
    except errors.RequestValidationError as exc:
        refused = str(exc)
    print(json.dumps({
        "after_valid": after_valid,
        "models_after_valid": models_after_valid,
        "refused": refused,
        "schemas_after_refused": kit.package_name + ".schemas" in sys.modules,
        "calls": len(kit.main_calls()),
    }))
finally:
    kit.close()
    server.stop()
"""

# Per API: arguments of its main call that the spec refuses (a Python expression, evaluated in the
# child), and the problem the model words, as test_validation.py and test_error_messages.py pin it.
INVALID = {
    "intandem": ('{"business_uid": "88pz/../admin"}', "parameters.business_uid: String should match pattern"),
    "activeplatform": ('{"account_id": "505"}', "parameters.account_id: Input should be a valid integer"),
    "portabilling": (
        '{"account_info": __import__("portabilling_client.models", fromlist=["x"])'
        '.AccountInfo(i_account=7, zip_="12345678901")}',
        "body.params.account_info.zip: String should have at most 10 characters",
    ),
    "octopush": ('{"subaccount_email": "not-an-email"}', "parameters.subaccount_email: value is not a valid email"),
    "twosms": ('{"id": "not-a-guid"}', "parameters.id: Input should be a valid UUID"),
}


# The APIs whose main call's valid request needs pydantic-core: 2sms's body has an e-mail and a phone
# pattern outside the plain subset (``accountkit_runtime.plainregex``).
NEEDS_PYDANTIC_CORE = {"twosms"}

# Per API: model modules its main call has no use for (another operation's request, the error body),
# which ``<package>.models`` imports only when asked for one of their names.
UNUSED_MODELS = {
    "activeplatform": ("error_body",),
    "octopush": ("error_body",),
    "portabilling": ("logout_request", "logout_params", "refresh_access_token_request", "login_with_token"),
}


@functools.cache
def _run(name: str, mode: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, name, mode, INVALID[name][0]],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path])},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", sorted(INVALID))
def test_a_valid_first_call_imports_no_model_and_a_refused_one_words_its_problem(name: str, mode: str) -> None:
    found = _run(name, mode)

    assert found["calls"] == 1  # the valid call went out, the refused one did not
    assert f"{name}_client.schemas" not in found["after_valid"]
    assert "pydantic.main" not in found["after_valid"], found["after_valid"]  # nor pydantic's model machinery
    assert ("pydantic_core" in found["after_valid"]) == (name in NEEDS_PYDANTIC_CORE), found["after_valid"]
    if mode == "sync":
        assert "asyncio" not in found["after_valid"]  # a sync program need not import it
    assert "accountkit_runtime.errorbody" not in found["after_valid"]  # nor a successful call the error bodies'
    assert f"{name}_client._error_models" not in found["after_valid"]
    assert INVALID[name][1] in found["refused"], found["refused"]
    assert found["schemas_after_refused"]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", sorted(UNUSED_MODELS))
def test_a_valid_first_call_imports_only_the_models_it_uses(name: str, mode: str) -> None:
    found = _run(name, mode)

    imported = {module.rsplit(".", 1)[1] for module in found["models_after_valid"]}
    assert imported, found  # the call's own models are there
    assert imported.isdisjoint(UNUSED_MODELS[name]), sorted(imported & set(UNUSED_MODELS[name]))


@pytest.mark.parametrize("name", sorted(INVALID))
def test_every_model_name_is_there_on_first_use_and_a_misspelt_one_is_an_error(name: str) -> None:
    models = importlib.import_module(f"{name}_client.models")
    for exported in models.__all__:
        value = getattr(models, exported)
        module = importlib.import_module(value.__module__)
        assert value.__module__.startswith(f"{name}_client.models."), value
        assert getattr(module, exported) is value
    assert set(models.__all__) <= set(dir(models))
    star: dict[str, Any] = {}
    exec(f"from {name}_client.models import *", star)  # noqa: S102 - the statement itself is what is tested
    assert set(models.__all__) <= set(star)

    with pytest.raises(AttributeError, match="AccountInf0"):
        _ = models.AccountInf0
    with pytest.raises(ImportError, match="AccountInf0"):
        exec(f"from {name}_client.models import AccountInf0")  # noqa: S102
