"""The caller's timeout bounds the whole call: drips, endless headers, logins and waits for them, retries.

httpcore's read timeout applies to each read, and a server that sends one byte at a time never lets
it fire. The call's deadline (its timeout, from its start) bounds everything the call does instead;
each test allows three times the timeout, which proves "did not hang" and nothing finer.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import hostile
import httpx
import pytest
from support.kits import ActivePlatformKit, OctopushKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor, RecordSleeps

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
TIMEOUT = 0.5
LIMIT = 3 * TIMEOUT  # "did not hang"

HOSTILE_ANSWERS = {
    "dripped body": lambda: hostile.dripped_body(interval=0.05, length=100),  # 5 s in all, 0.05 s per byte
    "endless headers": lambda: hostile.endless_headers(interval=0.05),
}


def token_path(kit: Any) -> str:
    path: str = kit.login_path if kit.name == "portabilling" else kit.token_path
    return path


@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
@pytest.mark.parametrize("api", APIS)
def test_a_slow_drip_ends_at_the_deadline(api: str, answer: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(raw=HOSTILE_ANSWERS[answer]()))
    client = kit.connect(timeout=TIMEOUT)

    started = time.monotonic()
    with pytest.raises(kit.errors.ApiTimeoutError) as caught:
        kit.call(client)

    assert time.monotonic() - started < LIMIT
    assert len(kit.main_calls()) == 1  # no time left for a retry
    assert "0.5 s" in str(caught.value)


@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_slow_drip_ends_at_the_deadline_async(api: str, answer: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(raw=HOSTILE_ANSWERS[answer]()))
    async with kit.connect(timeout=TIMEOUT) as client:
        started = time.monotonic()
        with pytest.raises(kit.errors.ApiTimeoutError):
            await kit.acall(client)

    assert time.monotonic() - started < LIMIT


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_dripped_login_answer_ends_at_the_deadline(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), kit.server.Reply(raw=hostile.dripped_body(0.05, 100)))
    client = kit.connect(timeout=TIMEOUT)

    started = time.monotonic()
    with pytest.raises(kit.errors.ApiTimeoutError):
        kit.call(client)

    assert time.monotonic() - started < LIMIT
    assert kit.main_calls() == []


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
@pytest.mark.anyio
async def test_a_dripped_login_answer_ends_at_the_deadline_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), kit.server.Reply(raw=hostile.endless_headers(0.05)))
    async with kit.connect(timeout=TIMEOUT) as client:
        started = time.monotonic()
        with pytest.raises(kit.errors.ApiTimeoutError):
            await kit.acall(client)

    assert time.monotonic() - started < LIMIT


def timed(call: Any, errors: Any) -> float:
    started = time.monotonic()
    with pytest.raises(errors.ApiTimeoutError):
        call()
    return time.monotonic() - started


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_callers_queued_behind_a_hung_login_each_end_by_their_own_deadline(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), kit.server.Reply(delay=30.0))  # the login never answers
    client = kit.connect(timeout=TIMEOUT)  # default retries: they must fit in the deadline too

    with ThreadPoolExecutor(max_workers=8) as pool:
        elapsed = list(pool.map(lambda _: timed(lambda: kit.call(client), kit.errors), range(8)))

    assert max(elapsed) < LIMIT, elapsed
    assert len(kit.server.calls(token_path(kit))) <= 8  # callers that ran out waiting sent nothing


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
@pytest.mark.anyio
async def test_callers_queued_behind_a_hung_login_each_end_by_their_own_deadline_async(
    api: str, kit_for: KitFor
) -> None:
    kit = kit_for(api)
    kit.server.route("POST", token_path(kit), kit.server.Reply(delay=30.0))
    async with kit.connect(timeout=TIMEOUT) as client:

        async def one() -> float:
            started = time.monotonic()
            with pytest.raises(kit.errors.ApiTimeoutError):
                await kit.acall(client)
            return time.monotonic() - started

        elapsed = await asyncio.gather(*(one() for _ in range(8)))

    assert max(elapsed) < LIMIT, elapsed


def test_retries_happen_within_the_deadline(activeplatform: ActivePlatformKit) -> None:
    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(delay=5.0))
    # Each read may take 0.1 s, the whole call 1 s: a few attempts fit, fifty do not.
    client = activeplatform.connect(timeout=httpx.Timeout(1.0, read=0.1), max_retries=50)

    started = time.monotonic()
    with pytest.raises(activeplatform.errors.ApiTimeoutError):
        activeplatform.call(client)

    assert time.monotonic() - started < 3 * 1.0
    assert 2 <= len(activeplatform.main_calls()) < 20


@pytest.mark.anyio
async def test_retries_happen_within_the_deadline_async(activeplatform: ActivePlatformKit) -> None:
    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(delay=5.0))
    async with activeplatform.connect(timeout=httpx.Timeout(1.0, read=0.1), max_retries=50) as client:
        started = time.monotonic()
        with pytest.raises(activeplatform.errors.ApiTimeoutError):
            await activeplatform.acall(client)

    assert time.monotonic() - started < 3 * 1.0
    assert 2 <= len(activeplatform.main_calls()) < 20


def test_a_wait_that_would_pass_the_deadline_is_not_waited(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    unavailable = octopush.server.Reply(503, json={"message": "later"}, headers={"Retry-After": "30"})
    octopush.server.route("PATCH", octopush.path, unavailable)
    client = octopush.connect(timeout=2.0)

    with pytest.raises(octopush.errors.ServerError) as caught:
        octopush.call(client)

    assert caught.value.status_code == 503  # the server's own answer, at once
    assert sleeps.delays == []
    assert len(octopush.main_calls()) == 1


def test_the_per_call_timeout_is_the_deadline_of_that_call(octopush: OctopushKit) -> None:
    octopush.fail_first(octopush.server.Reply(raw=hostile.endless_headers(0.05)))
    client = octopush.connect()  # 30 s by default

    started = time.monotonic()
    with pytest.raises(octopush.errors.ApiTimeoutError):
        octopush.call(client, request_options=octopush.package.RequestOptions(timeout=TIMEOUT))

    assert time.monotonic() - started < LIMIT
