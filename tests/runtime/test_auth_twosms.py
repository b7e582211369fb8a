"""2sms OAuth2 client credentials: the token request, caching with a 60 s leeway, renewal after a 401."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import pytest


class Clock:
    """The auth module's clock, moved forward at will (nothing else in the process is affected)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    import twosms_client._runtime.auth as auth

    fake = Clock()
    monkeypatch.setattr(auth, "time", SimpleNamespace(monotonic=fake.monotonic))
    return fake


def test_token_request_then_bearer(twosms) -> None:
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


def test_the_token_is_cached(twosms) -> None:
    client = twosms.connect()

    for _ in range(3):
        twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 1


def test_a_token_is_renewed_sixty_seconds_before_it_expires(twosms, clock: Clock) -> None:
    twosms.expires_in = 61  # valid for one more second, given the 60 s leeway
    client = twosms.connect()
    twosms.call(client)
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1  # still cached

    clock.offset = 1.5
    twosms.call(client)

    assert len(twosms.server.calls(twosms.token_path)) == 2
    assert twosms.main_calls()[-1].headers["authorization"] == "Bearer 2sms-access-SECRET-2"


def test_a_long_lived_token_is_kept(twosms, clock: Clock) -> None:
    twosms.expires_in = "28800"  # 8 hours, as the vendor says (some servers send a string)
    client = twosms.connect()
    twosms.call(client)

    clock.offset = 28800 - 61
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 1

    clock.offset = 28800 - 59
    twosms.call(client)
    assert len(twosms.server.calls(twosms.token_path)) == 2


def test_a_401_renews_the_token_once_and_replays(twosms) -> None:
    client = twosms.connect()
    twosms.call(client)
    twosms.revoke_tokens()

    result = twosms.call(client)

    assert result.response_data.result == "Success"
    assert len(twosms.server.calls(twosms.token_path)) == 2
    bearers = [r.headers["authorization"] for r in twosms.main_calls()]
    assert bearers == ["Bearer 2sms-access-SECRET-1", "Bearer 2sms-access-SECRET-1", "Bearer 2sms-access-SECRET-2"]


def test_a_second_401_is_raised(twosms) -> None:
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


def test_refused_client_credentials_are_an_authentication_error(twosms) -> None:
    client = twosms.connect(client_secret="wrong-secret")

    with pytest.raises(twosms.errors.AuthenticationError) as caught:
        twosms.call(client)

    assert caught.value.code == "invalid_client"
    assert caught.value.status_code == 400
    assert len(twosms.server.calls(twosms.token_path)) == 1
    assert twosms.main_calls() == []


@pytest.mark.anyio
async def test_async_token_cache_and_401_renewal(twosms) -> None:
    async with twosms.connect() as client:
        await twosms.acall(client)
        await twosms.acall(client)
        twosms.revoke_tokens()
        result = await twosms.acall(client)

    assert result.response_data.result == "Success"
    assert len(twosms.server.calls(twosms.token_path)) == 2
    assert twosms.main_calls()[-1].headers["authorization"] == "Bearer 2sms-access-SECRET-2"


@pytest.mark.anyio
async def test_fifty_concurrent_calls_on_a_cold_client_fetch_one_token(twosms) -> None:
    twosms.token_delay = 0.2  # every call is waiting while the first token request is under way
    async with twosms.connect() as client:
        results = await asyncio.gather(*(twosms.acall(client) for _ in range(50)))

    assert all(r.response_data.result == "Success" for r in results)
    assert len(twosms.server.calls(twosms.token_path)) == 1
    assert len(twosms.main_calls()) == 50
