"""Errors and clients cross process boundaries (process pools, distributed workers) without a secret.

Every exception class of the runtime round-trips through pickle and leaves its live response (request,
headers, redirect history) behind. A client pickles as its configuration: the other process calls
``connect()`` again and reads the credentials from its own environment; a client given its
credentials as arguments refuses to be pickled, with an error saying what to do instead.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import multiprocessing
import pickle
import ssl
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from support.credentials import CREDENTIALS
from support.kits import OctopushKit, PortaBillingKit, TwoSmsKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
PACKAGES = [f"{api}_client" for api in APIS]
SECRET = "SECRET-in-the-exchange-9f1c"

# connect() arguments that are secrets, and where they come from instead.
SECRET_ARGUMENTS = {
    api: {c.argument: c.env for c in CREDENTIALS if c.api == api and c.secret and not c.alternative} for api in APIS
}


def live_response() -> httpx.Response:
    """A response as a failed call leaves it: secrets in the request, the headers and the redirect history."""
    request = httpx.Request(
        "POST",
        f"https://api.example.com/update?api_token={SECRET}",
        headers={"Authorization": f"Bearer {SECRET}", "api-key": SECRET},
        json={"params": {"password": SECRET}},
    )
    response = httpx.Response(
        500, headers={"Set-Cookie": f"session={SECRET}"}, json={"message": "boom", "token": SECRET}, request=request
    )
    response.history = [httpx.Response(302, headers={"Location": f"/update?token={SECRET}"}, request=request)]
    response.read()
    return response


def error_classes() -> list[type[Exception]]:
    from accountkit_runtime import errors

    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.AccountkitError) and cls.__module__ == errors.__name__
    ]


def example(cls: type[Exception]) -> Exception:
    from accountkit_runtime import errors

    if issubclass(cls, errors.RequestValidationError):
        return cls("update_account", [("body.params.zip", "String should have at most 10 characters")])
    if issubclass(cls, errors.UnexpectedStatus):
        return cls(418, f"teapot {SECRET}".encode())
    if issubclass(cls, errors.ApiError):
        return cls(
            "PortaBilling update_account: HTTP 500 E1: boom",
            response=live_response(),
            code="E1",
            vendor_message="boom",
            body={"message": "boom", "token": "***"},
        )
    return cls("base_url must be an absolute http(s) URL")


PUBLIC = ("message", "status_code", "code", "vendor_message", "body", "operation", "errors", "args")


def test_every_error_class_round_trips_through_pickle_without_secrets() -> None:
    classes = error_classes()
    assert len(classes) >= 17, "the walk of the errors module found too few classes to prove anything"

    for cls in classes:
        error: Any = example(cls)
        data = pickle.dumps(error)
        copy = pickle.loads(data)

        assert SECRET.encode() not in data, cls.__name__
        assert type(copy) is cls
        assert str(copy) == str(error)
        for name in PUBLIC:
            if hasattr(error, name):
                assert getattr(copy, name) == getattr(error, name), (cls.__name__, name)
        restored: Any = copy  # the members of the class at hand, which the type check above cannot name
        if hasattr(error, "response"):
            assert error.response is not None or cls.__name__ == "UnexpectedStatus"
            assert restored.response is None  # the live exchange stays behind
        if cls.__name__ == "UnexpectedStatus":
            assert restored.content == b""


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_exports_the_runtimes_error_classes(package: str) -> None:
    public = importlib.import_module(f"{package}.errors")

    assert {cls.__name__ for cls in error_classes()} <= set(public.__all__)
    for cls in error_classes():
        assert getattr(public, cls.__name__) is cls  # the runtime's own class, not a copy


@pytest.mark.parametrize("package", PACKAGES)
def test_unset_is_still_unset_after_pickling(package: str) -> None:
    types = importlib.import_module(f"{package}.types")

    assert pickle.loads(pickle.dumps(types.UNSET)) is types.UNSET  # models test `is not UNSET`


def with_credentials_from_the_environment(kit: Any, monkeypatch: pytest.MonkeyPatch, **overrides: Any) -> Any:
    for argument, variable in kit.env.items():
        monkeypatch.setenv(variable, kit.base_url if argument == "base_url" else kit.credentials[argument])
    client = kit.package.connect(**overrides)
    kit.clients.append(client)
    return client


def main_call(kit: Any, client: Any) -> functools.partial[Any]:
    """The API's main call as a picklable callable (the function by reference, the client by configuration)."""
    args, arguments = kit._arguments()
    return functools.partial(kit._module().sync_detailed, *args, client=client, **arguments)


def _perform(call: functools.partial[Any]) -> tuple[int, Any]:
    """Runs in a worker process."""
    response = call()
    return int(response.status_code), response.parsed


@pytest.fixture
def worker_pool() -> Iterator[ProcessPoolExecutor]:
    """A fresh interpreter (spawn): it inherits the environment as it is when the first task is sent, nothing else."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


@pytest.mark.parametrize("api", APIS)
def test_a_client_pickles_by_configuration_and_works_in_another_process(
    api: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch, worker_pool: ProcessPoolExecutor
) -> None:
    kit = kit_for(api)
    client = with_credentials_from_the_environment(kit, monkeypatch, timeout=7.5, max_retries=1)
    client = client.with_headers({"X-Team": "billing"})
    kit.call(client)  # live state now: pools, sockets, and a token for the APIs that fetch one

    data = pickle.dumps(client)
    for secret in kit.secrets:
        assert secret.encode() not in data, secret
    assert b"Lock" not in data and b"socket" not in data

    copy = pickle.loads(data)
    assert copy.get_httpx_client().timeout == httpx.Timeout(7.5, connect=5.0)
    assert copy.max_retries == 1
    assert copy.get_httpx_client().headers["x-team"] == "billing"
    copy.close()

    status, parsed = worker_pool.submit(_perform, main_call(kit, client)).result(timeout=120)

    assert status in (200, 201) and parsed is not None
    assert_authenticated(kit, kit.main_calls()[-1])  # with credentials the worker read from its environment
    assert kit.main_calls()[-1].headers["x-team"] == "billing"


def assert_authenticated(kit: Any, request: Any) -> None:
    if kit.name == "intandem":
        assert request.headers["authorization"] == f'Token token="{kit.credentials["token"]}"'
    elif kit.name == "activeplatform":
        assert request.params["api_token"] == kit.credentials["api_token"]
    elif kit.name == "octopush":
        assert request.headers["api-key"] == kit.credentials["api_key"]
    else:  # the kit's server refuses a call whose bearer token it did not issue
        assert request.headers["authorization"].startswith("Bearer ")


@pytest.mark.parametrize("api", ["octopush", "portabilling"])
def test_errors_raised_in_a_process_pool_arrive_whole_and_without_secrets(
    api: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch, worker_pool: ProcessPoolExecutor
) -> None:
    kit = kit_for(api)
    client = with_credentials_from_the_environment(kit, monkeypatch)
    if api == "octopush":
        reply = kit.server.Reply(404, json={"code": 1001, "message": "Subaccount not found"})
        expected = ("NotFoundError", 404, "1001", "Subaccount not found")
    else:
        reply = kit.server.Reply(500, json={"faultcode": "Server.Account.not_found", "faultstring": "Not found"})
        expected = ("ServerError", 500, "Server.Account.not_found", "Not found")
    kit.server.route(kit.method, kit.path, reply)

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        worker_pool.submit(_perform, main_call(kit, client)).result(timeout=120)

    error = caught.value
    assert (type(error).__name__, error.status_code, error.code, error.vendor_message) == expected
    assert error.response is None
    assert kit.name in str(error).lower()


@pytest.mark.parametrize("api", APIS)
def test_a_client_given_secrets_as_arguments_refuses_to_pickle_and_says_what_to_do(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()  # credentials passed as arguments
    kit.call(client)

    with pytest.raises(kit.errors.ClientPicklingError) as caught:
        pickle.dumps(client)

    message = str(caught.value)
    assert isinstance(caught.value, kit.errors.ConfigurationError)
    assert isinstance(caught.value, pickle.PicklingError)
    for argument, variable in SECRET_ARGUMENTS[api].items():
        assert f"{argument}=" in message and variable in message
    for secret in kit.secrets:
        assert secret not in message


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda client: client.with_headers({"X-Api-Key": "k-123456"}), "X-Api-Key"),
        (lambda client: client.with_cookies({"session": "s-123456"}), "cookies"),
    ],
)
def test_headers_or_cookies_that_may_be_secrets_are_not_pickled(
    change: Callable[[Any], Any], named: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = change(with_credentials_from_the_environment(octopush, monkeypatch))

    with pytest.raises(octopush.errors.ClientPicklingError, match=named):
        pickle.dumps(client)


def test_httpx_args_travel_only_when_they_are_plain_settings(
    octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = with_credentials_from_the_environment(octopush, monkeypatch, httpx_args={"trust_env": False})
    copy = pickle.loads(pickle.dumps(plain))
    assert copy.get_httpx_client().trust_env is False
    copy.close()

    hooked = with_credentials_from_the_environment(
        octopush, monkeypatch, httpx_args={"transport": httpx.HTTPTransport(retries=1)}
    )
    with pytest.raises(octopush.errors.ClientPicklingError, match="transport"):
        pickle.dumps(hooked)


def test_auth_flows_and_settings_never_pickle_their_secrets(twosms: TwoSmsKit, monkeypatch: pytest.MonkeyPatch) -> None:
    client = with_credentials_from_the_environment(twosms, monkeypatch)
    twosms.call(client)
    auth = client.get_httpx_client().auth

    with pytest.raises((TypeError, pickle.PicklingError)):
        pickle.dumps(auth)
    data = pickle.dumps(client.settings)
    for secret in twosms.secrets:
        assert secret.encode() not in data
    assert pickle.loads(data).max_retries == client.settings.max_retries


def test_a_plain_client_made_without_connect_pickles_too(portabilling: PortaBillingKit) -> None:
    from portabilling_client.api.session import login
    from portabilling_client.client import Client
    from portabilling_client.models import LoginRequest, LoginWithPassword, SessionData

    settings = portabilling.connect().settings
    plain = Client(base_url=portabilling.base_url, settings=settings, headers={"X-Team": "billing"})

    copy = pickle.loads(pickle.dumps(plain))
    body = LoginRequest(params=LoginWithPassword(login="admin", password="pb-SECRET-password"))
    result = login.sync(client=copy, body=body)

    assert isinstance(result, SessionData) and result.access_token == "pb-access-SECRET-1"
    assert portabilling.server.calls(portabilling.login_path)[0].headers["x-team"] == "billing"
    assert copy.settings.vendor.name == "PortaBilling"
    copy.close()


@pytest.mark.parametrize(
    ("httpx_args", "named"),
    [
        ({"verify": ssl.create_default_context()}, "verify"),  # a plain setting's name, a live value
        ({"default_encoding": "utf-8"}, "default_encoding"),  # a plain value, under a name not known to be plain
    ],
)
def test_an_httpx_arg_travels_only_when_both_its_name_and_its_value_are_plain(
    httpx_args: dict[str, Any], named: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = with_credentials_from_the_environment(octopush, monkeypatch, httpx_args=httpx_args)

    with pytest.raises(octopush.errors.ClientPicklingError, match=named):
        pickle.dumps(client)
