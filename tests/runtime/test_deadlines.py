"""The caller's timeout bounds the whole call: drips, endless headers, logins and waits for them, retries.

httpcore's read timeout applies to each read, and a server that sends one byte at a time never lets
it fire. The call's deadline (its timeout, from its start) bounds everything the call does instead;
each test allows three times the timeout, which proves "did not hang" and nothing finer.
"""

from __future__ import annotations

import asyncio
import importlib
import socket
import threading
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


# -- a request body written to a server that reads it slowly --------------------------------------


class _SlowReader:
    """A server on 127.0.0.1 that reads a request a little at a time (``piece`` bytes per ``interval``), for
    at most ``for_at_most`` seconds, then stops reading; it answers nothing. Stops with the test."""

    def __init__(self, piece: int = 4096, interval: float = 0.02, for_at_most: float = 5.0) -> None:
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.received = 0
        self.first_read_at = 0.0
        self._thread = threading.Thread(target=self._serve, args=(piece, interval, for_at_most), daemon=True)
        self._thread.start()

    def _serve(self, piece: int, interval: float, for_at_most: float) -> None:
        connections = []
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                continue
            connections.append(connection)
            connection.settimeout(0.1)
            started = time.monotonic()
            while not self._stopping.wait(interval) and time.monotonic() - started < for_at_most:
                try:
                    data = connection.recv(piece)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                if not self.received:
                    self.first_read_at = time.monotonic()
                self.received += len(data)
        for connection in connections:
            connection.close()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=10)
        self._listener.close()


def test_a_large_body_read_slowly_by_the_server_ends_at_the_deadline(octopush: OctopushKit) -> None:
    """httpcore gives each send() of a write its own timeout, and a server that keeps reading a little
    keeps every send() within it: a body is written in pieces, each bounded by the time the call has left."""
    server = _SlowReader(piece=32 * 1024, interval=0.01)  # 3.2 MB/s: 16 MB take 5 s
    try:
        client = octopush.connect(base_url=f"http://127.0.0.1:{server.port}", max_retries=0)
        big = {"custom_blob": "x" * (16 * 1024 * 1024)}  # more than the socket buffers hold

        with pytest.raises(octopush.errors.ApiTimeoutError):
            octopush.call(client, request_options=octopush.package.RequestOptions(timeout=TIMEOUT, extra_body=big))
        ended = time.monotonic()
    finally:
        server.stop()
    assert server.received > 0  # the server did read: the call was writing, not connecting
    assert ended - server.first_read_at < LIMIT  # from the first byte written (encoding 16 MB takes its time)


class _RecordingStream:
    """A network stream that keeps what is written to it, piece by piece."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.pieces.append(buffer)


@pytest.mark.parametrize("size", [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 3 * 64 * 1024 + 17])
def test_a_write_is_sent_whole_and_in_order_in_pieces_of_64_kib(size: int) -> None:
    """What reaches the socket is the buffer, byte for byte: one piece (the buffer itself, not a copy) up
    to 64 KiB, else consecutive pieces of 64 KiB and the rest."""
    network = importlib.import_module("accountkit_runtime.network")
    recording = _RecordingStream()
    buffer = bytes(index % 251 for index in range(size))  # no two pieces alike: a shifted piece shows

    network._DeadlineStream(recording).write(buffer)

    assert b"".join(recording.pieces) == buffer
    if size <= 64 * 1024:
        assert len(recording.pieces) == 1 and recording.pieces[0] is buffer
    else:
        assert [len(piece) for piece in recording.pieces[:-1]] == [64 * 1024] * (size // (64 * 1024))
