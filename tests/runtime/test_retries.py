"""Which failures are retried, how often, and how long the client waits in between."""

from __future__ import annotations

import asyncio
import email.utils
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import ActivePlatformKit, InTandemKit, OctopushKit, PortaBillingKit
from support.mockserver import MockServer, Reply

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor, RecordSleeps

RETRIED = ["activeplatform", "portabilling", "octopush", "twosms"]  # idempotent main operations


def reply(server: MockServer, status: int, **headers: str) -> Reply:
    return server.Reply(status, json={"message": f"status {status}"}, headers=headers)


@pytest.mark.parametrize("api", RETRIED)
@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_transient_statuses_are_retried(api: str, status: int, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(reply(kit.server, status))
    client = kit.connect()

    assert kit.call(client) is not None

    assert len(kit.main_calls()) == 2


@pytest.mark.parametrize("api", RETRIED)
@pytest.mark.anyio
async def test_transient_statuses_are_retried_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(reply(kit.server, 503), kit.server.Reply(drop=True))
    async with kit.connect() as client:
        assert await kit.acall(client) is not None

    assert len(kit.main_calls()) == 3


@pytest.mark.parametrize("status", [400, 404, 409, 422])
def test_other_client_errors_are_not_retried(octopush: OctopushKit, status: int) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, status))
    client = octopush.connect()

    with pytest.raises(octopush.errors.ApiStatusError):
        octopush.call(client)

    assert len(octopush.main_calls()) == 1


def test_server_errors_other_than_502_503_504_are_not_retried(activeplatform: ActivePlatformKit) -> None:
    activeplatform.server.route("PUT", activeplatform.path, reply(activeplatform.server, 500))
    client = activeplatform.connect()

    with pytest.raises(activeplatform.errors.ServerError):
        activeplatform.call(client)

    assert len(activeplatform.main_calls()) == 1


def test_default_is_two_retries(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))
    client = octopush.connect()

    with pytest.raises(octopush.errors.ServerError) as caught:
        octopush.call(client)

    assert caught.value.status_code == 503
    assert len(octopush.main_calls()) == 3


def test_exhausted_429_is_a_rate_limit_error(activeplatform: ActivePlatformKit) -> None:
    activeplatform.server.route("PUT", activeplatform.path, reply(activeplatform.server, 429))
    client = activeplatform.connect()

    with pytest.raises(activeplatform.errors.RateLimitError):
        activeplatform.call(client)

    assert len(activeplatform.main_calls()) == 3


def test_retry_count_per_client(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(octopush.connect(max_retries=0))
    assert len(octopush.main_calls()) == 1

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(octopush.connect(max_retries=4))
    assert len(octopush.main_calls()) == 1 + 5


def test_retry_count_per_call_leaves_the_client_alone(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))
    client = octopush.connect()

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client, request_options=octopush.package.RequestOptions(max_retries=5))
    assert len(octopush.main_calls()) == 6

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client, request_options=octopush.package.RequestOptions(max_retries=0))
    assert len(octopush.main_calls()) == 7

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client)
    assert len(octopush.main_calls()) == 10
    assert client.max_retries == 2


def test_a_negative_retry_count_on_the_settings_means_one_attempt(octopush: OctopushKit) -> None:
    # ClientSettings is a plain dataclass, so a count below zero can be set on it by hand: the attempt that
    # reaches the count ends the call, rather than retrying until the deadline (or forever without one).
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))
    client = octopush.connect()
    client.settings.max_retries = -1

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client, request_options=octopush.package.RequestOptions(timeout=5.0))
    assert len(octopush.main_calls()) == 1


@pytest.mark.anyio
async def test_a_negative_retry_count_on_the_settings_means_one_attempt_async(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))
    async with octopush.connect() as client:
        client.settings.max_retries = -1
        with pytest.raises(octopush.errors.ServerError):
            await octopush.acall(client, request_options=octopush.package.RequestOptions(timeout=5.0))
    assert len(octopush.main_calls()) == 1


def test_portabilling_update_account_is_retried_because_the_spec_says_idempotent(portabilling: PortaBillingKit) -> None:
    from portabilling_client._operations import OPERATIONS

    assert OPERATIONS["update_account"].method == "POST"
    assert OPERATIONS["update_account"].declared_idempotent is True
    portabilling.fail_first(reply(portabilling.server, 502))
    client = portabilling.connect()

    assert portabilling.call(client).i_account == 7
    assert len(portabilling.main_calls()) == 2


def test_intandem_get_is_never_retried(intandem: InTandemKit) -> None:
    intandem.server.route("GET", intandem.path, reply(intandem.server, 503))
    client = intandem.connect(max_retries=5)

    with pytest.raises(intandem.errors.ServerError):
        intandem.call(client, request_options=intandem.package.RequestOptions(max_retries=5))

    assert len(intandem.main_calls()) == 1


def test_intandem_get_is_not_retried_after_a_dropped_connection(
    intandem: InTandemKit, record_sleeps: RecordSleeps
) -> None:
    sleeps = record_sleeps()
    intandem.server.route("GET", intandem.path, intandem.server.Reply(drop=True))
    client = intandem.connect()

    with pytest.raises(intandem.errors.ApiConnectionError):
        intandem.call(client)

    assert len(intandem.main_calls()) == 1
    assert sleeps.delays == []


def test_nothing_listening_is_retried_then_a_connection_error(
    octopush: OctopushKit, unused_port: int, record_sleeps: RecordSleeps
) -> None:
    sleeps = record_sleeps()
    client = octopush.connect(base_url=f"http://127.0.0.1:{unused_port}")

    with pytest.raises(octopush.errors.ApiConnectionError) as caught:
        octopush.call(client)

    assert not isinstance(caught.value, octopush.errors.ApiTimeoutError)
    assert len(sleeps.delays) == 2  # two retries
    assert "3 attempts" in str(caught.value)
    assert caught.value.response is None


def test_a_dropped_connection_is_retried(activeplatform: ActivePlatformKit) -> None:
    server = activeplatform.server
    server.route("PUT", activeplatform.path, server.Reply(drop=True), server.Reply(json=activeplatform.ok_body()))
    client = activeplatform.connect()

    result = activeplatform.call(client)

    assert result.id == 505
    assert len(activeplatform.main_calls()) == 2


def test_backoff_is_exponential_with_jitter(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 503))
    client = octopush.connect(fast=False, max_retries=4)  # the default policy: 0.5 s, 1 s, 2 s ... up to 8 s

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client)

    assert len(sleeps.delays) == 4
    for retry, delay in enumerate(sleeps.delays):
        ceiling = min(0.5 * 2**retry, 8.0)
        assert ceiling / 2 <= delay <= ceiling, (retry, delay)
    policy = client.settings.retry_policy
    assert 4.0 <= policy.delay(10) <= 8.0  # capped
    assert len({policy.delay(0) for _ in range(20)}) > 1  # jittered


@pytest.mark.parametrize(
    ("retries_done", "ceiling"),
    [(-3, 0.5), (0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (64, 8.0), (10**6, 8.0)],
)
def test_the_default_backoff_doubles_from_half_a_second_up_to_eight(
    retries_done: int, ceiling: float, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exact window each wait is drawn from: the jitter hides a wrong base, factor or cap from a range check."""
    import random

    windows: list[tuple[float, float]] = []

    def upper_end(low: float, high: float) -> float:
        windows.append((low, high))
        return high

    monkeypatch.setattr(random, "uniform", upper_end)  # the jitter's draw, which retries.py makes
    policy = octopush.connect(fast=False).settings.retry_policy  # the policy every client starts with

    assert policy.backoff(retries_done) == ceiling
    assert windows == [(ceiling / 2, ceiling)]


def test_retry_after_seconds_is_honoured(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    server = octopush.server
    server.route("PATCH", octopush.path, reply(server, 429, **{"Retry-After": "3"}), server.Reply(201, json={}))
    client = octopush.connect()

    octopush.call(client)

    assert sleeps.delays == [3.0]


def test_retry_after_http_date_is_honoured(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    server = octopush.server
    server.route("PATCH", octopush.path, reply(server, 503, **{"Retry-After": when}), server.Reply(201, json={}))
    client = octopush.connect()

    octopush.call(client)

    (delay,) = sleeps.delays
    assert 3.0 <= delay <= 5.0


def test_retry_after_is_capped(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    server = octopush.server
    server.route("PATCH", octopush.path, reply(server, 503, **{"Retry-After": "86400"}), server.Reply(201, json={}))
    client = octopush.connect(timeout=120.0)  # a deadline the capped wait fits in (see test_deadlines.py)

    octopush.call(client)

    assert sleeps.delays == [60.0]


def test_unreadable_retry_after_falls_back_to_backoff(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    server = octopush.server
    server.route("PATCH", octopush.path, reply(server, 503, **{"Retry-After": "soon"}), server.Reply(201, json={}))
    client = octopush.connect(fast=False)

    octopush.call(client)

    (delay,) = sleeps.delays
    assert 0.25 <= delay <= 0.5


@pytest.mark.anyio
async def test_async_retries_with_retry_after(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    server = octopush.server
    server.route(
        "PATCH",
        octopush.path,
        reply(server, 503, **{"Retry-After": "2"}),
        server.Reply(drop=True),
        server.Reply(201, json={}),
    )
    async with octopush.connect(fast=False) as client:
        await octopush.acall(client)

    assert len(octopush.main_calls()) == 3
    assert sleeps.delays[0] == 2.0
    assert 0.5 <= sleeps.delays[1] <= 1.0  # second retry: backoff


@pytest.mark.anyio
async def test_async_non_retryable_and_exhausted(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, reply(octopush.server, 404))
    async with octopush.connect() as client:
        with pytest.raises(octopush.errors.NotFoundError):
            await octopush.acall(client)
        assert len(octopush.main_calls()) == 1

        octopush.server.route("PATCH", octopush.path, reply(octopush.server, 504))
        with pytest.raises(octopush.errors.ServerError):
            await octopush.acall(client, request_options=octopush.package.RequestOptions(max_retries=1))
        assert len(octopush.main_calls()) == 1 + 2


def _slow_main_operation(kit: OctopushKit, seconds: float) -> None:
    normal = kit.server.handler(kit.method, kit.path)

    def slow(request: Any) -> Reply:
        time.sleep(seconds)
        return normal(request)

    kit.server.route(kit.method, kit.path, slow)


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_calls_in_flight_when_the_pool_is_closed_are_retried_on_a_fresh_one(
    transport: str, octopush: OctopushKit
) -> None:
    """``await client.aclose()`` while calls are on their way: each is retried (its operation allows it) on
    the pool that replaces the closed one, never failed with httpx's bare "client has been closed"."""
    client = octopush.connect(async_transport=transport, timeout=10)
    _slow_main_operation(octopush, 0.3)

    async def run() -> list[Any]:
        calls = [asyncio.create_task(octopush.acall(client)) for _ in range(5)]
        await asyncio.sleep(0.1)
        await client.aclose()
        outcomes = await asyncio.gather(*calls, return_exceptions=True)
        await client.aclose()
        return outcomes

    outcomes = asyncio.run(run())

    assert [outcome for outcome in outcomes if isinstance(outcome, BaseException)] == []
    assert len(octopush.main_calls()) == 10  # each sent twice: the answers to the first went with the pool


def test_a_sync_call_in_flight_when_the_pool_is_closed_is_retried_on_a_fresh_one(octopush: OctopushKit) -> None:
    client = octopush.connect(timeout=10)
    _slow_main_operation(octopush, 0.3)
    closer = threading.Timer(0.1, client.close)
    closer.start()
    try:
        result = octopush.call(client)
    finally:
        closer.join()

    assert result is not None
    assert len(octopush.main_calls()) == 2


def test_a_closed_httpx_client_of_the_callers_own_is_a_typed_error(octopush: OctopushKit) -> None:
    """The caller's own httpx client, closed: nothing to replace it with, so an ApiConnectionError saying
    so (after the retries, which cost no network), never a bare RuntimeError."""
    import httpx

    http = httpx.Client(base_url=octopush.base_url)
    http.close()
    client = octopush.connect(max_retries=0).set_httpx_client(http)

    with pytest.raises(octopush.errors.ApiConnectionError, match="client has been closed"):
        octopush.call(client)


@pytest.mark.parametrize(("left", "waited"), [(1.5, None), (1.6, 1.5), (None, 1.5)])
def test_a_wait_that_would_end_at_the_deadline_is_not_waited(left: float | None, waited: float | None) -> None:
    """A retry needs time after its wait: a wait ending exactly at the deadline leaves none."""
    from types import SimpleNamespace

    from accountkit_runtime import transport

    settings: Any = SimpleNamespace(retry_policy=SimpleNamespace(delay=lambda attempt, response: 1.5))
    limits: Any = SimpleNamespace(remaining=lambda: left)

    assert transport._retry_delay(settings, 0, 2, None, limits) == waited
