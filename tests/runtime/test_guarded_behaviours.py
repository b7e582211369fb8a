"""Behaviours that had a guard only outside this suite (the contract tests) or a single case.

Which token responses count as refused credentials, how strictly parameters are checked, and a sync
token renewal after expiry with many threads at once: each with several cases, sync and async where
the client has both paths. (Read-only request fields: test_read_only_fields.py.)
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from accountkit_runtime.errors import (
    ApiStatusError,
    AuthenticationError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from support.kits import PortaBillingKit, TwoSmsKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

# -- refusal statuses: which failed token responses are refused credentials -------------------------

REFUSALS: list[tuple[int, type[ApiStatusError]]] = [
    (400, AuthenticationError),
    (401, AuthenticationError),
    (403, AuthenticationError),
]
FAILURES: list[tuple[int, type[ApiStatusError]]] = [
    (429, RateLimitError),
    (500, ServerError),
    (502, ServerError),
    (503, ServerError),
]


def _failing_token_endpoint(twosms: TwoSmsKit, status: int) -> None:
    body = {"error": "invalid_client" if status < 500 else "unavailable", "error_description": "no"}
    twosms.server.route("POST", twosms.token_path, twosms.server.Reply(status, json=body))


@pytest.mark.parametrize(("status", "error"), REFUSALS + FAILURES)
def test_which_token_statuses_mean_refused_credentials(
    twosms: TwoSmsKit, status: int, error: type[ApiStatusError]
) -> None:
    _failing_token_endpoint(twosms, status)

    with pytest.raises(error) as caught:
        twosms.call(twosms.connect(max_retries=0))

    assert type(caught.value) is error  # a server failure is not reported as bad credentials, nor the reverse
    assert caught.value.status_code == status
    assert twosms.main_calls() == []


@pytest.mark.parametrize(("status", "error"), REFUSALS + FAILURES)
@pytest.mark.anyio
async def test_which_token_statuses_mean_refused_credentials_async(
    twosms: TwoSmsKit, status: int, error: type[ApiStatusError]
) -> None:
    _failing_token_endpoint(twosms, status)

    async with twosms.connect(max_retries=0) as client:
        with pytest.raises(error) as caught:
            await twosms.acall(client)

    assert type(caught.value) is error
    assert twosms.main_calls() == []


@pytest.mark.parametrize(
    ("faultcode", "error"),
    [
        ("Server.Session.auth_failed", AuthenticationError),
        ("Server.Session.check_auth.auth_failed", AuthenticationError),
        ("Client.check_auth.envelope_missed", AuthenticationError),
        ("Server.Session.internal_error", ServerError),
        ("Server.Account.not_found", ServerError),
    ],
)
def test_which_login_faults_mean_refused_credentials(
    portabilling: PortaBillingKit, faultcode: str, error: type[ApiStatusError]
) -> None:
    fault = {"faultcode": faultcode, "faultstring": "no"}
    portabilling.server.route("POST", portabilling.login_path, portabilling.server.Reply(500, json=fault))

    with pytest.raises(error) as caught:
        portabilling.call(portabilling.connect(max_retries=0))

    assert type(caught.value) is error
    assert caught.value.code == faultcode
    assert portabilling.main_calls() == []


def test_a_403_from_the_api_itself_is_permission_denied_not_a_renewal(twosms: TwoSmsKit) -> None:
    client = twosms.connect(max_retries=0)
    twosms.call(client)
    twosms.server.route(twosms.method, twosms.path, twosms.server.Reply(403, json=twosms.envelope_error("403", "no")))

    with pytest.raises(PermissionDeniedError):
        twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 1  # only a 401 renews the token


# -- parameter strictness: a value of the wrong kind is refused, not coerced --------------------------


@pytest.mark.parametrize(
    ("api", "arguments", "where"),
    [
        ("activeplatform", {"account_id": "505"}, "parameters.account_id"),  # a numeric string for an integer
        ("activeplatform", {"account_id": 505.0}, "parameters.account_id"),  # a float for an integer
        ("activeplatform", {"account_id": True}, "parameters.account_id"),  # a bool is not an integer
        ("intandem", {"business_uid": 12345}, "parameters.business_uid"),  # a number for a string
        ("intandem", {"business_uid": "88pz/../admin"}, "parameters.business_uid"),
        ("intandem", {"add_sms_credits": "ten"}, "parameters.add_sms_credits"),
        ("intandem", {"add_sms_credits": 10}, "parameters.add_sms_credits"),  # a number for a string
    ],
)
def test_parameters_of_the_wrong_kind_are_refused(
    api: str, arguments: dict[str, Any], where: str, kit_for: KitFor
) -> None:
    kit = kit_for(api)

    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(kit.connect(), **arguments)

    assert where in dict(caught.value.errors), caught.value.errors
    assert kit.server.requests == []


@pytest.mark.parametrize(
    ("api", "arguments", "where"),
    [
        ("activeplatform", {"account_id": "505"}, "parameters.account_id"),
        ("intandem", {"add_sms_credits": 10}, "parameters.add_sms_credits"),  # a number for a string
    ],
)
@pytest.mark.anyio
async def test_parameters_of_the_wrong_kind_are_refused_async(
    api: str, arguments: dict[str, Any], where: str, kit_for: KitFor
) -> None:
    kit = kit_for(api)

    async with kit.connect() as client:
        with pytest.raises(kit.errors.RequestValidationError) as caught:
            await kit.acall(client, **arguments)

    assert where in dict(caught.value.errors), caught.value.errors
    assert kit.server.requests == []


# -- sync renewal after expiry, many threads at once ------------------------------------------------


def test_threads_on_an_expired_token_renew_it_once(twosms: TwoSmsKit, monkeypatch: pytest.MonkeyPatch) -> None:
    import accountkit_runtime.auth as auth

    offset = [0.0]
    monkeypatch.setattr(auth, "time", SimpleNamespace(monotonic=lambda: time.monotonic() + offset[0]))
    twosms.expires_in = 600
    client = twosms.connect()
    twosms.call(client)
    offset[0] = 600.0  # past the first token's expiry
    twosms.token_delay = 0.2  # the renewal is under way while the other threads ask for a token

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: twosms.call(client), range(10)))

    assert all(result.response_data.result == "Success" for result in results)
    assert len(twosms.server.calls(twosms.token_path)) == 2  # the first token and one renewal
    assert {call.headers["authorization"] for call in twosms.main_calls()[1:]} == {"Bearer 2sms-access-SECRET-2"}
