"""A client used in a forked child gets connections, locks and tokens of its own there.

After ``os.fork()`` the child holds copies of the parent's pooled keep-alive sockets: if both kept
using them, each could read the answer meant for the other. The scenario that shows it for certain:
the parent sends a request on the pooled connection and gives up before the (slow) answer comes;
that answer then arrives on the connection the child still has in its copy of the pool. A child
with connections of its own never sees it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from processes import Forked

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]


def answer_with_the_callers_name(kit: Any) -> None:
    """The main operation echoes the ``X-Caller`` request header; callers named ``slow-*`` wait 1.5 s for it."""
    normal = kit.server.handler(kit.method, kit.path)

    def handler(request: Any) -> Any:
        reply = normal(request)
        caller = request.headers.get("x-caller", "")
        return dataclasses.replace(
            reply,
            headers={**reply.headers, "X-Caller": caller},
            delay=1.5 if caller.startswith("slow") else reply.delay,
        )

    kit.server.route(kit.method, kit.path, handler)


def as_caller(kit: Any, name: str, **options: Any) -> Any:
    return kit.package.RequestOptions(extra_headers={"X-Caller": name}, **options)


def leave_an_answer_pending(kit: Any, client: Any) -> None:
    """The parent's request on the pooled connection times out; its answer comes later on that connection."""
    with pytest.raises(kit.errors.ApiTimeoutError):
        kit.call_detailed(client, request_options=as_caller(kit, "slow-parent", timeout=0.3, max_retries=0))


@pytest.mark.parametrize("api", APIS)
def test_a_forked_child_reads_only_its_own_responses(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    answer_with_the_callers_name(kit)
    client = kit.connect()
    kit.call_detailed(client, request_options=as_caller(kit, "parent"))  # a keep-alive connection in the pool

    def child(wait: Callable[[], None]) -> str:
        wait()
        caller: str = kit.call_detailed(client, request_options=as_caller(kit, "child")).headers["x-caller"]
        return caller

    forked = Forked(child)
    try:
        leave_an_answer_pending(kit, client)
        forked.go()
        assert forked.result() == "child"
    finally:
        forked.close()
    # The parent goes on with connections of its own too.
    assert kit.call_detailed(client, request_options=as_caller(kit, "parent")).headers["x-caller"] == "parent"


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_forked_child_gets_its_own_token(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    token_path = kit.login_path if api == "portabilling" else kit.token_path
    client = kit.connect()
    kit.call(client)

    forked = Forked(lambda wait: type(kit.call(client)).__name__)
    result = forked.result()

    assert result not in ("NoneType", "")
    assert len(kit.server.calls(token_path)) == 2  # the parent's token stays in the parent


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_fork_while_another_thread_logs_in_does_not_deadlock_the_child(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    token_path = kit.login_path if api == "portabilling" else kit.token_path
    normal = kit.server.handler("POST", token_path)
    entered, release = threading.Event(), threading.Event()
    first = [True]
    lock = threading.Lock()

    def hold_the_first_login(request: Any) -> Any:
        with lock:
            is_first = bool(first) and first.pop()
        if is_first:
            entered.set()
            release.wait(20)
        return normal(request)

    kit.server.route("POST", token_path, hold_the_first_login)
    client = kit.connect()
    thread = threading.Thread(target=kit.call, args=(client,))
    thread.start()
    try:
        assert entered.wait(10)  # the thread now holds the client's login lock, waiting for the answer
        forked = Forked(lambda wait: type(kit.call(client)).__name__)
        assert forked.result(timeout=10) not in ("NoneType", "")
    finally:
        release.set()
        thread.join(10)
    assert not thread.is_alive()


@pytest.mark.parametrize("api", APIS)
def test_a_forked_child_makes_async_calls_of_its_own(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    answer_with_the_callers_name(kit)
    client = kit.connect()
    loop = asyncio.new_event_loop()  # the parent's loop stays open (in its thread) across the fork
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        parent = asyncio.run_coroutine_threadsafe(
            kit.acall_detailed(client, request_options=as_caller(kit, "parent")), loop
        ).result(10)
        assert parent.headers["x-caller"] == "parent"

        def child(wait: Callable[[], None]) -> str:
            response = asyncio.run(kit.acall_detailed(client, request_options=as_caller(kit, "child")))
            caller: str = response.headers["x-caller"]
            return caller

        assert Forked(child).result(timeout=15) == "child"
    finally:
        asyncio.run_coroutine_threadsafe(client.aclose(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def _call_as_child(kit: Any, client: Any, go: Any, results: Any) -> None:
    go.wait(20)
    try:
        results.put(kit.call_detailed(client, request_options=as_caller(kit, "child")).headers["x-caller"])
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"raised {type(exc).__name__}: {exc}")


@pytest.mark.parametrize("api", ["octopush", "portabilling"])
def test_a_multiprocessing_fork_child_reads_only_its_own_responses(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    answer_with_the_callers_name(kit)
    client = kit.connect()
    kit.call_detailed(client, request_options=as_caller(kit, "parent"))
    context = multiprocessing.get_context("fork")
    go, results = context.Event(), context.Queue()
    process = context.Process(target=_call_as_child, args=(kit, client, go, results))
    process.start()
    try:
        leave_an_answer_pending(kit, client)
        go.set()
        assert results.get(timeout=30) == "child"
    finally:
        process.join(10)
        if process.is_alive():
            process.kill()
            process.join(5)


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_fork_while_a_token_is_being_stored_does_not_deadlock_the_child(api: str, kit_for: KitFor) -> None:
    """The redactor's lock, held by a parent thread at the fork, is a new one in the child."""
    kit = kit_for(api)
    client = kit.connect()
    redactor = client.settings.redactor
    held, release = threading.Event(), threading.Event()

    def hold_the_redactor_lock() -> None:
        with redactor._lock:
            held.set()
            release.wait(20)

    thread = threading.Thread(target=hold_the_redactor_lock)
    thread.start()
    try:
        assert held.wait(10)
        forked = Forked(lambda wait: type(kit.call(client)).__name__)  # logs in: stores a new token
        assert forked.result(timeout=10) not in ("NoneType", "")
    finally:
        release.set()
        thread.join(10)
    assert not thread.is_alive()
