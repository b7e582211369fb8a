"""One client serves any number of event loops, one after another or at once, and sync calls between them.

An httpx.AsyncClient's connections belong to the loop that opened them; the client keeps one pool
per loop and forgets a pool (and the auth flow's lock) when its loop closes. Tokens are shared: a
second ``asyncio.run()`` does not log in again.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
TOKEN_PATHS = {"portabilling": "/rest/Session/login", "twosms": "/Token"}


def token_requests(kit: Any) -> int:
    return len(kit.server.calls(TOKEN_PATHS[kit.name])) if kit.name in TOKEN_PATHS else 0


@pytest.mark.parametrize("api", APIS)
def test_successive_asyncio_runs_and_sync_calls_share_one_client(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()

    results = [
        asyncio.run(kit.acall(client)),
        asyncio.run(kit.acall(client)),
        kit.call(client),
        asyncio.run(kit.acall(client)),
    ]

    assert all(result is not None for result in results)
    assert len(kit.main_calls()) == 4
    assert token_requests(kit) == (1 if api in TOKEN_PATHS else 0)  # the token outlives the loops


@pytest.mark.parametrize("api", APIS)
def test_async_with_the_client_in_successive_runs(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()

    async def use() -> Any:
        async with client:
            return await kit.acall(client)

    assert asyncio.run(use()) is not None
    assert asyncio.run(use()) is not None
    with client:
        assert kit.call(client) is not None
    assert kit.call(client) is not None  # after `with`, the next call opens a new pool
    assert token_requests(kit) == (1 if api in TOKEN_PATHS else 0)


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_locks_and_pools_of_closed_loops_are_forgotten(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()

    for _ in range(5):
        asyncio.run(kit.acall(client))
    asyncio.run(kit.acall(client))  # looking up this loop's lock and pool drops those of closed loops
    gc.collect()

    auth = client.get_httpx_client().auth
    assert len(auth._async_locks) <= 1
    assert len(client._pools._async) <= 1


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_two_threads_with_their_own_loops_share_one_client(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()
    outcomes: list[Any] = []

    def run() -> None:
        async def calls() -> list[Any]:
            return await asyncio.gather(*(kit.acall(client) for _ in range(5)))

        try:
            outcomes.extend(asyncio.run(calls()))
        except Exception as exc:  # noqa: BLE001 - the assertion below shows it
            outcomes.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert len(outcomes) == 10
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert token_requests(kit) <= 2  # one per loop at most, when both start cold at once


@pytest.mark.parametrize("api", ["octopush", "twosms"])
def test_with_and_async_with_after_calls_were_made(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    client = kit.connect()

    async def call_then_async_with() -> Any:
        await kit.acall(client)
        async with client:
            return await kit.acall(client)

    assert asyncio.run(call_then_async_with()) is not None
    kit.call(client)
    with client:
        assert kit.call(client) is not None
    assert len(kit.main_calls()) == 4


# -- PerLoop itself (loops.py), with plain values ----------------------------------------------------------------


class Value:
    def __init__(self, name: str) -> None:
        self.name, self.usable = name, True


def _in_a_new_loop(call: Callable[[], Any]) -> Any:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(_call_async(call))
    finally:
        loop.close()


async def _call_async(call: Callable[[], Any]) -> Any:
    return call()


def test_a_value_made_outside_any_loop_is_adopted_by_the_first_loop_that_asks() -> None:
    from accountkit_runtime.loops import PerLoop

    per: PerLoop[Value] = PerLoop()
    made = iter([Value("outside"), Value("second")])
    outside = per.get(lambda: next(made))

    assert _in_a_new_loop(lambda: per.get(lambda: next(made))) is outside


def test_an_adopted_value_belongs_to_its_loop_and_another_loop_gets_its_own() -> None:
    """Adoption binds: once the first loop took the value made outside, a second live loop (and a later
    call outside any loop) gets a value of its own, never the first loop's."""
    from accountkit_runtime.loops import PerLoop

    per: PerLoop[Value] = PerLoop()
    made = iter([Value("outside"), Value("second loop"), Value("outside again")])
    first_loop, second_loop = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        outside = per.get(lambda: next(made))
        adopted = first_loop.run_until_complete(_call_async(lambda: per.get(lambda: next(made))))
        other = second_loop.run_until_complete(_call_async(lambda: per.get(lambda: next(made))))
        again = per.get(lambda: next(made))
        mine_still = first_loop.run_until_complete(_call_async(lambda: per.get(lambda: next(made))))
    finally:
        first_loop.close()
        second_loop.close()

    assert adopted is outside and mine_still is outside
    assert other.name == "second loop" and again.name == "outside again"


def test_an_unusable_value_is_made_anew_and_a_usable_one_kept() -> None:
    from accountkit_runtime.loops import PerLoop

    per: PerLoop[Value] = PerLoop()
    made = iter([Value("first"), Value("second")])

    def twice() -> tuple[Value, Value, Value]:
        first = per.get(lambda: next(made), usable=lambda value: value.usable)
        again = per.get(lambda: next(made), usable=lambda value: value.usable)
        first.usable = False
        return first, again, per.get(lambda: next(made), usable=lambda value: value.usable)

    first, again, renewed = _in_a_new_loop(twice)

    assert again is first and renewed.name == "second"


def test_the_value_of_a_collected_loop_is_let_go_not_handed_out() -> None:
    from accountkit_runtime.loops import PerLoop

    dropped: list[str] = []
    per: PerLoop[Value] = PerLoop(dropped=lambda value: dropped.append(value.name))
    made = iter([Value("in the loop"), Value("after it")])
    _in_a_new_loop(lambda: per.get(lambda: next(made)))
    gc.collect()  # the loop is gone: its weak reference now answers None

    assert per.get(lambda: next(made)).name == "after it"
    assert dropped == ["in the loop"]


def test_a_loop_finds_its_value_without_taking_the_lock() -> None:
    """Every call looks its loop's value up: that must not wait for another thread making a value."""
    from accountkit_runtime.loops import PerLoop

    per: PerLoop[Value] = PerLoop()
    loop = asyncio.new_event_loop()
    found: list[Value] = []
    try:
        value = loop.run_until_complete(_call_async(lambda: per.get(lambda: Value("mine"))))
        with per._lock:  # another thread is busy making a value
            worker = threading.Thread(
                target=lambda: found.append(loop.run_until_complete(_call_async(lambda: per.get(lambda: Value("x")))))
            )
            worker.start()
            worker.join(timeout=10)
            finished = not worker.is_alive()
        worker.join()
    finally:
        loop.close()

    assert finished and found == [value]


def test_peek_finds_this_loops_value_and_a_value_made_anew_takes_the_old_ones_place() -> None:
    """``peek`` (what ``aclose`` closes) finds the running loop's own value; an unusable one is replaced
    where it was, so the loop keeps one value, not a trail of them."""
    from accountkit_runtime.loops import PerLoop

    per: PerLoop[Value] = PerLoop()

    async def run() -> tuple[Any, ...]:
        first = per.get(lambda: Value("first"))
        seen = per.peek()
        second = per.get(lambda: Value("second"), usable=lambda value: value.name != "first")
        return first, seen, second, per.peek(), len(per)

    first, seen, second, seen_after, count = asyncio.run(run())

    assert seen is first and second.name == "second" and seen_after is second and count == 1
