"""Timeouts: 5 s to connect and 30 s to read by default; per client and per call; ApiTimeoutError.

The timeout is the deadline of the whole call (test_deadlines.py); an ``httpx.Timeout`` bounds each
read too, so a read that times out early in the call leaves time for retries.
"""

from __future__ import annotations

import time

import httpx
import pytest
from support.kits import ActivePlatformKit, Kit, OctopushKit, TwoSmsKit


def slow(kit: Kit, seconds: float = 3.0) -> None:
    kit.server.route(kit.method, kit.path, kit.server.Reply(201, json={}, delay=seconds))


def test_per_call_timeout(octopush: OctopushKit) -> None:
    slow(octopush)
    client = octopush.connect()
    options = octopush.package.RequestOptions(timeout=0.2, max_retries=0)

    started = time.monotonic()
    with pytest.raises(octopush.errors.ApiTimeoutError) as caught:
        octopush.call(client, request_options=options)

    assert time.monotonic() - started < 1.5
    assert isinstance(caught.value, octopush.errors.ApiConnectionError)
    assert "edit_subaccount" in str(caught.value)
    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)  # the shared client is untouched


def test_per_client_timeout(octopush: OctopushKit) -> None:
    slow(octopush)
    client = octopush.connect(timeout=0.2, max_retries=0)

    started = time.monotonic()
    with pytest.raises(octopush.errors.ApiTimeoutError):
        octopush.call(client)

    assert time.monotonic() - started < 1.5


def test_timeouts_are_retried(activeplatform: ActivePlatformKit) -> None:
    server = activeplatform.server
    server.route("PUT", activeplatform.path, server.Reply(delay=3.0), server.Reply(json=activeplatform.ok_body()))
    client = activeplatform.connect(timeout=httpx.Timeout(5.0, read=0.2))  # reads: 0.2 s; the call: 5 s

    assert activeplatform.call(client).id == 505
    assert len(activeplatform.main_calls()) == 2


def test_exhausted_timeouts_say_how_many_attempts(activeplatform: ActivePlatformKit) -> None:
    slow(activeplatform)
    client = activeplatform.connect(timeout=httpx.Timeout(5.0, read=0.2))

    with pytest.raises(activeplatform.errors.ApiTimeoutError, match="after 3 attempts"):
        activeplatform.call(client)


def test_a_slow_answer_within_the_timeout_is_fine(octopush: OctopushKit) -> None:
    slow(octopush, 0.3)
    client = octopush.connect()

    octopush.call(client, request_options=octopush.package.RequestOptions(timeout=2.0))


@pytest.mark.anyio
async def test_per_call_timeout_async(twosms: TwoSmsKit) -> None:
    twosms.server.route("PUT", twosms.path, twosms.server.Reply(json=twosms.ok_body(), delay=3.0))
    async with twosms.connect() as client:
        started = time.monotonic()
        with pytest.raises(twosms.errors.ApiTimeoutError):
            await twosms.acall(client, request_options=twosms.package.RequestOptions(timeout=0.2, max_retries=0))

    assert time.monotonic() - started < 1.5


@pytest.mark.anyio
async def test_token_request_honours_the_timeout_async(twosms: TwoSmsKit) -> None:
    twosms.token_delay = 3.0
    async with twosms.connect(timeout=0.3, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(twosms.errors.ApiTimeoutError):
            await twosms.acall(client)

    assert time.monotonic() - started < 2.0
