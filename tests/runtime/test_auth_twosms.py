"""2sms OAuth2 client credentials: the token request, caching with a leeway, renewal after a 401.

A token is renewed 60 s before it expires, or a tenth of its lifetime before when it lives less than
ten minutes, so that a short-lived token still serves many calls; an unusable ``expires_in``
(missing, zero, negative, not a number) means "no known expiry": the token is kept until a 401.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import TwoSmsKit

if TYPE_CHECKING:
    from conftest import Clock  # the ``clock`` fixture's type (tests/runtime/conftest.py)


def test_token_request_then_bearer(twosms: TwoSmsKit) -> None:
    client = twosms.connect()

    result = twosms.call(client)

    (token,) = twosms.server.calls(twosms.token_path)
    assert token.headers["content-type"] == "application/x-www-form-urlencoded"
    assert token.form() == {
        "grant_type": "client_credentials",
        "client_id": "client-42",
        "client_secret": "2sms-SECRET-client-secret",
    }
    assert twosms.main_calls()[0].headers["authorization"] == "Bearer 2sms-access-SECRET-1"
    assert result.response_data.result == "Success"


def test_the_token_is_cached(twosms: TwoSmsKit) -> None:
    client = twosms.connect()

    for _ in range(3):
        twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 1


def test_a_token_is_renewed_sixty_seconds_before_it_expires(twosms: TwoSmsKit, clock: Clock) -> None:
    twosms.expires_in = 601  # ten minutes and more: the full 60 s leeway, so valid for 541 s
    client = twosms.connect()
    twosms.call(client)
    clock.offset = 540.0
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1  # still cached

    clock.offset = 541.5
    twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 2
    assert twosms.main_calls()[-1].headers["authorization"] == "Bearer 2sms-access-SECRET-2"


@pytest.mark.parametrize("expires_in", [60, 59, 30, "45", 10, 1, "0.5"])
def test_a_short_lived_token_serves_most_of_its_life(twosms: TwoSmsKit, clock: Clock, expires_in: int | str) -> None:
    twosms.expires_in = expires_in
    lifetime = float(expires_in)
    client = twosms.connect()

    for _ in range(5):
        twosms.call(client)
    clock.offset = lifetime * 0.85
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1  # one token for all of these calls

    clock.offset = lifetime * 0.95  # within the last tenth of its life: renewed
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 2


def test_a_lifetime_of_decades_is_taken_as_ten_years(twosms: TwoSmsKit, clock: Clock) -> None:
    """A server that announces a token for longer than anyone keeps one means "for ever": ten years."""
    twosms.expires_in = 10**12
    client = twosms.connect()
    twosms.call(client)
    clock.offset = 9 * 365 * 24 * 3600.0
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1

    clock.offset = 10 * 365 * 24 * 3600.0
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 2


@pytest.mark.parametrize(
    "expires_in",
    [
        None,
        0,
        -5,
        "0",
        "-5",
        "soon",
        "",
        "nan",
        float("nan"),
        float("inf"),
        pytest.param(10**400, id="10**400"),
        True,
        [],
        {},
    ],
)
def test_an_unusable_expires_in_means_no_known_expiry(twosms: TwoSmsKit, clock: Clock, expires_in: Any) -> None:
    twosms.expires_in = expires_in
    client = twosms.connect()

    for _ in range(3):
        twosms.call(client)
    clock.offset = 28800 * 10
    twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 1
    twosms.revoke_tokens()  # and a 401 still renews it
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 2


@pytest.mark.anyio
async def test_a_short_lived_token_serves_many_async_calls(twosms: TwoSmsKit) -> None:
    twosms.expires_in = 30
    async with twosms.connect() as client:
        for _ in range(5):
            await twosms.acall(client)

    assert len(twosms.server.calls(twosms.token_path)) == 1


def test_a_long_lived_token_is_kept(twosms: TwoSmsKit, clock: Clock) -> None:
    twosms.expires_in = "28800"  # 8 hours, as the vendor says (some servers send a string)
    client = twosms.connect()
    twosms.call(client)

    clock.offset = 28800 - 61
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1

    clock.offset = 28800 - 59
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 2


def test_a_401_renews_the_token_once_and_replays(twosms: TwoSmsKit) -> None:
    client = twosms.connect()
    twosms.call(client)
    twosms.revoke_tokens()

    result = twosms.call(client)

    assert result.response_data.result == "Success"
    assert len(twosms.server.calls(twosms.token_path)) == 2
    bearers = [r.headers["authorization"] for r in twosms.main_calls()]
    assert bearers == ["Bearer 2sms-access-SECRET-1", "Bearer 2sms-access-SECRET-1", "Bearer 2sms-access-SECRET-2"]


def test_a_second_401_is_raised(twosms: TwoSmsKit) -> None:
    twosms.server.route(
        "PUT", twosms.path, twosms.server.Reply(401, json=twosms.envelope_error("401", "Denied for this account"))
    )
    client = twosms.connect()

    with pytest.raises(twosms.errors.AuthenticationError) as caught:
        twosms.call(client)

    assert caught.value.status_code == 401
    assert (caught.value.code, caught.value.vendor_message) == ("401", "Denied for this account")
    assert len(twosms.server.calls(twosms.token_path)) == 2  # the first token and one renewal
    assert len(twosms.main_calls()) == 2


def test_refused_client_credentials_are_an_authentication_error(twosms: TwoSmsKit) -> None:
    client = twosms.connect(client_secret="wrong-secret")

    with pytest.raises(twosms.errors.AuthenticationError) as caught:
        twosms.call(client)

    assert caught.value.code == "invalid_client"
    assert caught.value.status_code == 400
    assert len(twosms.server.calls(twosms.token_path)) == 1
    assert twosms.main_calls() == []


@pytest.mark.anyio
async def test_async_token_cache_and_401_renewal(twosms: TwoSmsKit) -> None:
    async with twosms.connect() as client:
        await twosms.acall(client)
        await twosms.acall(client)
        twosms.revoke_tokens()
        result = await twosms.acall(client)

    assert result.response_data.result == "Success"
    assert len(twosms.server.calls(twosms.token_path)) == 2
    assert twosms.main_calls()[-1].headers["authorization"] == "Bearer 2sms-access-SECRET-2"


@pytest.mark.anyio
async def test_fifty_concurrent_calls_on_a_cold_client_fetch_one_token(twosms: TwoSmsKit) -> None:
    twosms.token_delay = 0.2  # every call is waiting while the first token request is under way
    async with twosms.connect() as client:
        results = await asyncio.gather(*(twosms.acall(client) for _ in range(50)))

    assert all(r.response_data.result == "Success" for r in results)
    assert len(twosms.server.calls(twosms.token_path)) == 1
    assert len(twosms.main_calls()) == 50


def test_client_credentials_are_keyword_only_so_an_id_and_a_secret_cannot_be_swapped() -> None:
    from accountkit_runtime.auth import ClientCredentialsAuth
    from accountkit_runtime.redaction import Redactor

    with pytest.raises(TypeError, match="positional"):
        ClientCredentialsAuth("http://127.0.0.1:1/Token", "the-secret", "the-id", Redactor())  # type: ignore[call-arg]
