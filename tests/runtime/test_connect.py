"""connect(): arguments first, environment variables second, clear errors otherwise; sync and async."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import pytest
from support.credentials import CREDENTIALS
from support.kits import InTandemKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
PACKAGES = [f"{api}_client" for api in APIS]
# (api, connect() argument, environment variable) for every required credential; PortaBilling's password
# is left out: without it connect() asks for it or the token, its own test below.
MISSING = [
    (c.api, c.argument, c.env)
    for c in CREDENTIALS
    if not c.alternative and (c.api, c.argument) != ("portabilling", "password")
]


@pytest.mark.parametrize("api", APIS)
def test_credentials_and_base_url_come_from_the_environment(
    api: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit: Any = kit_for(api)
    for argument, env in kit.env.items():
        monkeypatch.setenv(env, kit.base_url if argument == "base_url" else kit.credentials[argument])
    client = kit.package.connect()
    kit.clients.append(client)

    kit.call(client)

    assert len(kit.main_calls()) == 1


@pytest.mark.parametrize(("api", "argument", "env"), MISSING)
def test_a_missing_credential_names_the_argument_and_the_variable(
    api: str, argument: str, env: str, kit_for: KitFor
) -> None:
    kit: Any = kit_for(api)
    arguments = {"base_url": kit.base_url, **kit.credentials}
    del arguments[argument]

    with pytest.raises(kit.errors.ConfigurationError) as caught:
        kit.package.connect(**arguments)

    assert f"{argument}=" in str(caught.value)
    assert env in str(caught.value)
    assert kit.server.requests == []


def test_portabilling_without_password_or_token_names_both(portabilling: PortaBillingKit) -> None:
    with pytest.raises(portabilling.errors.ConfigurationError) as caught:
        portabilling.package.connect(base_url=portabilling.base_url, login="admin")
    message = str(caught.value)
    assert "password=" in message and "PORTABILLING_PASSWORD" in message
    assert "token=" in message and "PORTABILLING_TOKEN" in message


@pytest.mark.parametrize("api", ["activeplatform", "portabilling"])
def test_apis_without_a_public_host_need_a_base_url(api: str, kit_for: KitFor) -> None:
    kit: Any = kit_for(api)
    with pytest.raises(kit.errors.ConfigurationError, match=kit.env["base_url"]):
        kit.package.connect(**kit.credentials)


def test_an_argument_wins_over_the_environment(intandem: InTandemKit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTANDEM_TOKEN", "itd-from-the-environment")
    monkeypatch.setenv("INTANDEM_BASE_URL", "http://127.0.0.1:9")  # nothing listens there
    client = intandem.connect()  # base_url and token given as arguments

    intandem.call(client)

    assert intandem.main_calls()[0].headers["authorization"] == 'Token token="itd-SECRET-directory-token"'


def test_portabilling_token_argument_wins_over_password_variable(
    portabilling: PortaBillingKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTABILLING_PASSWORD", "password-from-the-environment")
    client = portabilling.connect(password=None, token="pb-SECRET-api-token")

    portabilling.call(client)

    logins = portabilling.server.calls(portabilling.login_path)
    assert [r.json() for r in logins] == [{"params": {"login": "admin", "token": "pb-SECRET-api-token"}}]


def test_portabilling_token_from_the_environment(
    portabilling: PortaBillingKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTABILLING_TOKEN", "pb-SECRET-api-token")
    client = portabilling.connect(password=None)

    portabilling.call(client)

    assert portabilling.server.calls(portabilling.login_path)[0].json() == {
        "params": {"login": "admin", "token": "pb-SECRET-api-token"}
    }


@pytest.mark.parametrize("api", APIS)
def test_default_timeouts_and_retries(api: str, kit_for: KitFor) -> None:
    kit: Any = kit_for(api)
    client = kit.connect()

    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)
    assert client.max_retries == 2


def test_per_client_timeout_and_retries(octopush: OctopushKit) -> None:
    client = octopush.connect(timeout=1.5, max_retries=4)

    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (1.5, 1.5)
    assert client.max_retries == 4


def test_negative_max_retries_is_refused(octopush: OctopushKit) -> None:
    with pytest.raises(octopush.errors.ConfigurationError, match="max_retries"):
        octopush.connect(max_retries=-1)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_one_client_serves_sync_and_async_calls(api: str, kit_for: KitFor) -> None:
    kit: Any = kit_for(api)
    client = kit.connect()

    sync_result = kit.call(client)
    async with client:
        async_result = await kit.acall(client)

    assert type(sync_result) is type(async_result)
    assert type(async_result).__name__ != "NoneType"
    assert len(kit.main_calls()) == 2


@pytest.mark.parametrize("name", PACKAGES)
def test_connect_and_request_options_are_exported(name: str) -> None:
    package = importlib.import_module(name)
    assert callable(package.connect)
    assert package.RequestOptions is importlib.import_module("accountkit_runtime.options").RequestOptions


# --------------------------------------------------------------------------------------------------
# Credentials no server could accept, and a base URL carrying credentials, are refused up front
# --------------------------------------------------------------------------------------------------

# Every credential of every API: (api, connect() argument, environment variable).
EVERY_CREDENTIAL = [(c.api, c.argument, c.env) for c in CREDENTIALS]
BAD_CREDENTIALS = {
    "trailing newline": ("abcd-Qx9VALUE\n", "control character"),
    "newline inside": ("ab\r\ncd-Qx9VALUE", "control character"),
    "tab": ("ab\tcd-Qx9VALUE", "control character"),
    "NUL": ("abcd-Qx9VALUE\x00", "control character"),
    "DEL": ("ab\x7fcd-Qx9VALUE", "control character"),
    "line separator": ("ab\u2028cd-Qx9VALUE", "control character"),
    "leading space": (" abcd-Qx9VALUE", "leading or trailing whitespace"),
    "trailing space": ("abcd-Qx9VALUE ", "leading or trailing whitespace"),
    "no-break space": ("abcd-Qx9VALUE\xa0", "leading or trailing whitespace"),
    "byte order mark": ("\ufeffabcd-Qx9VALUE", "leading or trailing whitespace"),
}


def _arguments_without(kit: Any, argument: str) -> dict[str, Any]:
    arguments = {"base_url": kit.base_url, **kit.credentials}
    arguments.pop(argument, None)
    if kit.name == "portabilling" and argument == "token":  # the alternative to the password
        arguments["password"] = None
    return arguments


# An environment variable cannot hold NUL: that case is tried as an argument only.
SOURCES_AND_CASES = [
    (source, case)
    for source in ("argument", "environment")
    for case in sorted(BAD_CREDENTIALS)
    if not (source == "environment" and "\x00" in BAD_CREDENTIALS[case][0])
]


@pytest.mark.parametrize(("source", "case"), SOURCES_AND_CASES)
@pytest.mark.parametrize(("api", "argument", "env"), EVERY_CREDENTIAL)
def test_a_credential_no_server_could_accept_is_refused_naming_where_it_came_from(
    api: str, argument: str, env: str, case: str, source: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit: Any = kit_for(api)
    value, problem = BAD_CREDENTIALS[case]
    arguments = _arguments_without(kit, argument)
    if source == "argument":
        arguments[argument] = value
    else:
        monkeypatch.setenv(env, value)

    with pytest.raises(kit.errors.ConfigurationError) as caught:
        kit.package.connect(**arguments)

    message = str(caught.value)
    assert message.startswith(argument if source == "argument" else f"{argument} (from {env})")
    assert problem in message
    assert "Qx9VALUE" not in message and "Qx9VALUE" not in repr(caught.value)
    assert kit.server.requests == []


HEADER_CREDENTIALS = [("intandem", "token"), ("octopush", "api_login"), ("octopush", "api_key")]


@pytest.mark.parametrize(("api", "argument"), HEADER_CREDENTIALS)
def test_a_credential_sent_in_a_header_must_be_ascii(api: str, argument: str, kit_for: KitFor) -> None:
    kit: Any = kit_for(api)
    with pytest.raises(kit.errors.ConfigurationError, match=f"^{argument} contains a non-ASCII character") as caught:
        kit.package.connect(**{**_arguments_without(kit, argument), argument: "clé-Qx9VALUE"})
    assert "Qx9VALUE" not in str(caught.value)


@pytest.mark.parametrize("api", ["activeplatform", "portabilling", "twosms"])
def test_credentials_sent_in_bodies_or_queries_may_hold_any_printable_text(api: str, kit_for: KitFor) -> None:
    kit: Any = kit_for(api)
    argument = {"activeplatform": "api_token", "portabilling": "login", "twosms": "client_id"}[api]
    kit.package.connect(**{**_arguments_without(kit, argument), argument: 'clé +/="& x'})


@pytest.mark.parametrize("argument", ["password", "token"])
def test_portabillings_password_or_token_may_hold_any_printable_text(argument: str, portabilling: Any) -> None:
    """Both go in a JSON body (Session/login): only header credentials must be ASCII."""
    others = {"password": None, "token": None, argument: 'clé +/="& x'}
    portabilling.package.connect(base_url=portabilling.base_url, login="ops", **others)


def test_a_credential_of_a_str_subclass_is_judged_by_its_text(octopush: Any) -> None:
    """A configuration library may hand a str subclass: its text decides, as for a plain str."""

    class Secret(str):
        pass

    client = octopush.package.connect(
        base_url=octopush.base_url, api_login=Secret("ops@example.com"), api_key=Secret("key-Qx9VALUE")
    )
    assert client is not None
    with pytest.raises(octopush.errors.ConfigurationError, match="^api_key has leading or trailing whitespace"):
        octopush.package.connect(base_url=octopush.base_url, api_login="ops@example.com", api_key=Secret(" key "))


USERINFO = ["user:pw-Qx9VALUE@", ":pw-Qx9VALUE@", "user-Qx9VALUE@", "user:pw%40Qx9VALUE@"]


@pytest.mark.parametrize("source", ["argument", "environment"])
@pytest.mark.parametrize("userinfo", USERINFO)
@pytest.mark.parametrize("api", APIS)
def test_a_base_url_with_credentials_is_refused_without_showing_them(
    api: str, userinfo: str, source: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit: Any = kit_for(api)
    url = kit.base_url.replace("://", f"://{userinfo}", 1)
    arguments = {**kit.credentials, "base_url": url}
    if source == "environment":
        monkeypatch.setenv(kit.env["base_url"], arguments.pop("base_url"))

    with pytest.raises(kit.errors.ConfigurationError) as caught:
        kit.package.connect(**arguments)

    message = str(caught.value)
    assert "contains credentials (user:password@host)" in message
    assert (kit.env["base_url"] in message) == (source == "environment")
    assert "Qx9VALUE" not in message and "Qx9VALUE" not in repr(caught.value)


@pytest.mark.parametrize("url", ["https://billing.example.net/\nrest", " https://billing.example.net", "https://[::1"])
def test_a_malformed_base_url_is_refused_without_showing_it(url: str, portabilling: PortaBillingKit) -> None:
    with pytest.raises(portabilling.errors.ConfigurationError, match="the value is not shown|URL is not shown"):
        portabilling.package.connect(base_url=url, login="admin", password="pb-Qx9VALUE-password")


@pytest.mark.parametrize(
    "host", ["www.example.com", "m.example", "zz", "api.example.com", "10.0.0.1", "[2001:db8::1]", "localhost.example"]
)
def test_plain_http_is_refused_to_any_host_but_loopback(octopush: OctopushKit, host: str) -> None:
    """Names sort on either side of "localhost", and are not IP addresses: none is loopback but localhost itself."""
    with pytest.raises(octopush.errors.ConfigurationError, match="allow_insecure_http"):
        octopush.connect(base_url=f"http://{host}")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.9.9.9", "[::1]"])
def test_plain_http_to_loopback_needs_no_permission(octopush: OctopushKit, host: str) -> None:
    client = octopush.connect(base_url=f"http://{host}:8080")

    assert client.get_httpx_client().base_url.scheme == "http"


@pytest.mark.parametrize("base_url", ["http://[::1", "http://[zz]/", "https://[127.0.0.1]/"])
def test_a_base_url_urlsplit_cannot_read_is_a_configuration_error(base_url: str) -> None:
    from accountkit_runtime.connect import check_scheme
    from accountkit_runtime.errors import ConfigurationError

    for allowed in (False, True):
        with pytest.raises(ConfigurationError, match="not a valid URL"):
            check_scheme(base_url, allowed)


@pytest.mark.parametrize("port", ["99999", "abc", "-1"])
def test_a_base_url_with_an_impossible_port_is_refused_at_connect(port: str, octopush: OctopushKit) -> None:
    """Not on the first call, as httpx's bare ``InvalidURL`` (or a connection to a port the OS picks)."""
    with pytest.raises(octopush.errors.ConfigurationError, match="not a valid URL"):
        octopush.connect(base_url=f"https://api.example.com:{port}")


@pytest.mark.parametrize("value", ["false", "no", 0, 1, None])
@pytest.mark.parametrize("argument", ["allow_insecure_http", "validate_requests"])
def test_a_switch_that_is_not_a_bool_is_refused(argument: str, value: object, octopush: OctopushKit) -> None:
    """``allow_insecure_http="false"`` is a true string: taken as it is, it would allow what it says it refuses."""
    with pytest.raises(octopush.errors.ConfigurationError, match=f"{argument} must be True or False"):
        octopush.package.connect(**octopush.credentials, base_url="http://api.example.com", **{argument: value})


@pytest.mark.parametrize(
    ("httpx_args", "problem"),
    [
        (5, "httpx_args must be a dict of httpx.Client arguments, not int"),
        ([("verify", False)], "httpx_args must be a dict of httpx.Client arguments, not list"),
        ({"folow_redirects": True}, "httpx.Client does not take: 'folow_redirects'"),
        ({"transport": None, "mounts": None, "app": None}, "httpx.Client does not take: 'app'"),
    ],
)
def test_httpx_args_httpx_would_refuse_are_refused_at_connect(
    httpx_args: object, problem: str, octopush: OctopushKit
) -> None:
    """A misspelt argument is an error naming it, at connect(), not a bare TypeError on the first call."""
    with pytest.raises(octopush.errors.ConfigurationError) as caught:
        octopush.connect(httpx_args=httpx_args)

    assert problem in str(caught.value)


def test_httpx_args_httpx_takes_are_used(octopush: OctopushKit) -> None:
    client = octopush.connect(httpx_args={"max_redirects": 3, "trust_env": False})

    assert client.get_httpx_client().max_redirects == 3


@pytest.mark.parametrize("suffix", ["?version=2", "/?", "#top", "/rest?a=1#b"])
def test_a_base_url_with_a_query_or_fragment_is_refused(suffix: str, octopush: OctopushKit) -> None:
    """Paths are appended to the base URL: after ``?a=1`` every call would go to ``/?a=1/v1/...``."""
    with pytest.raises(octopush.errors.ConfigurationError, match="must not have a query"):
        octopush.connect(base_url=f"https://api.example.com{suffix}")


def test_an_empty_base_url_argument_is_refused_not_taken_for_the_default(octopush: OctopushKit) -> None:
    """``base_url=os.environ.get("X", "")`` with X unset must not quietly send to the vendor's production host."""
    with pytest.raises(octopush.errors.ConfigurationError, match="base_url is empty"):
        octopush.connect(base_url="")
