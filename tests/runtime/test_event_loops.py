"""One client serves any number of event loops, one after another or at once, and sync calls between them.

An httpx.AsyncClient's connections belong to the loop that opened them; the client keeps one pool
per loop and forgets a pool (and the auth flow's lock) when its loop closes. Tokens are shared: a
second ``asyncio.run()`` does not log in again.
"""

from __future__ import annotations

import asyncio
import gc
import threading
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
