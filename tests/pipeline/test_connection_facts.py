"""How ``connect()`` finds what it is not given is stated once, in the spec (``clientfacts.connection``).

The security schemes' ``x-accountkit-env``, the first server's ``x-accountkit-env`` and
``x-accountkit-default``, and a ``Fault`` schema's faultcodes become each package's ``_facts.py``
(``generate/modules.py``), which the vendor module reads; a spec that leaves one out, or states it in a
shape no ``connect()`` could use, is one ``FactsError`` naming the spec and the place.
"""

from __future__ import annotations

import copy
import importlib
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.generate import modules
from accountkit_codegen.generate.clientfacts import FactsError, connection, facts

SPEC = Path("demo.yaml")

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1.0.0", "x-accountkit-client-name": "Demo"},
    "servers": [
        {
            "url": "https://{host}/api",
            "x-accountkit-env": "DEMO_BASE_URL",
            "x-accountkit-default": True,
            "variables": {"host": {"default": "eu.demo.example"}},
        }
    ],
    "paths": {
        "/things": {
            "get": {
                "operationId": "list_things",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "schema": {"type": "string"},
                        "examples": {"quickstart": {"value": "x"}},
                    }
                ],
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {
        "securitySchemes": {
            "key": {
                "type": "apiKey",
                "in": "header",
                "name": "k",
                "x-accountkit-env": [
                    {"argument": "api_key", "env": "DEMO_API_KEY"},
                    {"argument": "account", "env": "DEMO_ACCOUNT", "secret": False},
                    {"argument": "spare", "env": "DEMO_SPARE", "required": False},
                ],
            }
        },
        "schemas": {
            "Fault": {
                "type": "object",
                "x-accountkit-session-faultcodes": ["Session.expired", "Session.gone"],
                "x-accountkit-login-refused-faultcodes": ["Login.refused"],
            }
        },
    },
}

VENDOR = '''
CONNECT_DOC = """A demo client.

Notes on the demo.
"""


def authenticate(base_url: str, *, account: str, api_key: str, spare: str | None) -> object:
    """The demo's auth flow."""
'''


def _document(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        holder: Any = document
        for part in parents:
            holder = holder[int(part)] if part.isdigit() else holder[part]
        if value is None:
            del holder[last]
        else:
            holder[last] = value
    return document


def test_the_spec_states_credentials_base_url_and_faultcodes() -> None:
    found = connection(DOCUMENT, SPEC)

    assert found["credentials"] == [
        {"argument": "api_key", "env": "DEMO_API_KEY", "required": True, "secret": True, "header": True},
        {"argument": "account", "env": "DEMO_ACCOUNT", "required": True, "secret": False, "header": True},
        {"argument": "spare", "env": "DEMO_SPARE", "required": False, "secret": True, "header": True},
    ]
    assert found["base_url"] == {"env": "DEMO_BASE_URL", "default": "https://eu.demo.example/api"}
    assert found["session_faultcodes"] == ["Session.expired", "Session.gone"]
    assert found["login_refused_faultcodes"] == ["Login.refused"]


def test_a_server_that_is_only_an_example_gives_no_default() -> None:
    found = connection(_document(**{"servers.0.x-accountkit-default": False}), SPEC)

    assert found["base_url"] == {"env": "DEMO_BASE_URL", "default": None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"components.securitySchemes.key.x-accountkit-env": None}, "security scheme key: x-accountkit-env must list"),
        ({"components.securitySchemes.key.x-accountkit-env": []}, "security scheme key: x-accountkit-env must list"),
        (
            {"components.securitySchemes.key.x-accountkit-env": [{"argument": "api_key", "env": "demo-key"}]},
            "environment variable's name",
        ),
        (
            {"components.securitySchemes.key.x-accountkit-env": [{"argument": "api_key", "env": "K", "envv": "K"}]},
            "takes argument, env, required and secret only",
        ),
        (
            {"components.securitySchemes.key.x-accountkit-env": [{"argument": "api_key", "env": "K", "secret": "no"}]},
            "required and secret are true or false",
        ),
        ({"servers.0.x-accountkit-default": None}, "x-accountkit-default: true"),
        ({"servers.0.x-accountkit-env": None}, "the first server: x-accountkit-env must be"),
        ({"components.schemas.Fault.x-accountkit-session-faultcodes": "Session.expired"}, "list of faultcodes"),
    ],
)
def test_a_fact_left_out_or_misshapen_is_one_clear_error(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(FactsError, match="demo.yaml") as raised:
        connection(_document(**changes), SPEC)

    assert message in str(raised.value)


def test_credentials_follow_authenticates_arguments_and_must_be_among_them(tmp_path: Path) -> None:
    vendor = tmp_path / "demo.py"
    vendor.write_text(VENDOR, encoding="utf-8")

    found = facts(DOCUMENT, SPEC, vendor)
    assert [credential["argument"] for credential in found["credentials"]] == ["account", "api_key", "spare"]

    vendor.write_text(VENDOR.replace("spare: str | None", "other: str | None"), encoding="utf-8")
    with pytest.raises(FactsError, match="'spare', which demo.py's authenticate\\(\\) does not take"):
        facts(DOCUMENT, SPEC, vendor)

    vendor.write_text(VENDOR.replace("spare: str | None", "spare: str | None, extra: str"), encoding="utf-8")
    with pytest.raises(FactsError, match="authenticate\\(\\) takes 'extra', which no x-accountkit-env"):
        facts(DOCUMENT, SPEC, vendor)


def test_connect_is_the_common_parameters_around_the_credentials_with_the_specs_fallbacks(tmp_path: Path) -> None:
    vendor = tmp_path / "demo.py"
    vendor.write_text(VENDOR, encoding="utf-8")

    connect = facts(DOCUMENT, SPEC, vendor)["connect"]

    assert [(parameter["name"], parameter["common"]) for parameter in connect["parameters"]] == [
        ("base_url", True),
        ("timeout", True),
        ("max_retries", True),
        ("validate_requests", True),
        ("async_transport", True),
        ("account", False),
        ("api_key", False),
        ("spare", False),
        ("allow_insecure_http", True),
        ("httpx_args", True),
    ]
    assert connect["docstring"] == (
        "A demo client.\n\n``account`` falls back to ``DEMO_ACCOUNT``; ``api_key`` to ``DEMO_API_KEY``; ``spare`` to\n"
        "``DEMO_SPARE``; ``base_url`` to ``DEMO_BASE_URL`` and then https://eu.demo.example/api.\nNotes on the demo."
    )
    assert connect["resolves_credentials"] is False
    vendor.write_text(VENDOR + "\n\ndef resolve_credentials(**given: object) -> object: ...\n", encoding="utf-8")
    assert facts(DOCUMENT, SPEC, vendor)["connect"]["resolves_credentials"] is True


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (VENDOR.replace("def authenticate", "def auth"), "no authenticate() function"),
        (VENDOR.replace("base_url: str, *,", "*,"), "must take the base URL, then each credential by keyword"),
        (VENDOR.replace("CONNECT_DOC =", "CONNECT_DOCS ="), "CONNECT_DOC must be a string"),
    ],
)
def test_a_vendor_module_without_the_parts_connect_needs_is_one_clear_error(
    source: str, message: str, tmp_path: Path
) -> None:
    vendor = tmp_path / "demo.py"
    vendor.write_text(source, encoding="utf-8")

    with pytest.raises(FactsError, match="demo.py") as raised:
        facts(DOCUMENT, SPEC, vendor)

    assert message in str(raised.value)


def test_a_key_only_in_a_header_is_flagged_for_the_ascii_check() -> None:
    query = _document(**{"components.securitySchemes.key.in": "query"})

    assert {credential["header"] for credential in connection(query, SPEC)["credentials"]} == {False}


def test_the_facts_module_gives_the_vendor_module_the_specs_facts() -> None:
    namespace: dict[str, Any] = {}
    exec(modules.facts_module(connection(DOCUMENT, SPEC)), namespace)  # noqa: S102

    assert namespace["CREDENTIALS"] == {"api_key": "DEMO_API_KEY", "account": "DEMO_ACCOUNT", "spare": "DEMO_SPARE"}
    assert namespace["SECRETS"] == {"api_key": "DEMO_API_KEY", "spare": "DEMO_SPARE"}
    assert namespace["BASE_URL_ENV"] == "DEMO_BASE_URL"
    assert namespace["DEFAULT_BASE_URL"] == "https://eu.demo.example/api"
    assert namespace["SESSION_FAULTCODES"] == frozenset({"Session.expired", "Session.gone"})
    assert namespace["LOGIN_REFUSED_FAULTCODES"] == frozenset({"Login.refused"})


@pytest.mark.parametrize("api", ["intandem", "octopush", "twosms"])
def test_connect_reads_the_base_url_variable_the_spec_names(api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package's connect() takes its base URL from the variable its spec names (and the spec's default)."""
    package = importlib.import_module(f"{api}_client._facts")
    vendor = importlib.import_module(f"{api}_client")
    for argument, variable in package.CREDENTIALS.items():
        monkeypatch.setenv(variable, f"{argument}-value")
    monkeypatch.delenv(package.BASE_URL_ENV, raising=False)
    assert package.DEFAULT_BASE_URL is not None
    with vendor.connect() as client:
        assert str(client._base_url).rstrip("/") == package.DEFAULT_BASE_URL
    monkeypatch.setenv(package.BASE_URL_ENV, "https://elsewhere.example")
    with vendor.connect() as client:
        assert str(client._base_url).rstrip("/") == "https://elsewhere.example"
