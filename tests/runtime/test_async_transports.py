"""Choosing the async transport: ``connect(async_transport=...)``, and what only the aiohttp one needs.

Every other runtime test that makes async calls runs on both transports (``conftest.async_transport``);
these check the choice itself: that it is really made, refused clearly when it cannot be, and that
aiohttp's own habits (failure types, sessions of closed loops) do not show through.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import socket
import struct
import sys
import threading
import time
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from support.kits import ActivePlatformKit, InTandemKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor


def runtime_module(name: str) -> ModuleType:
    """``accountkit_runtime.<name>``, the runtime every client package shares."""
    return importlib.import_module(f"accountkit_runtime.{name}")


pytestmark = pytest.mark.explicit_transport


def _transport_of(client: Any) -> object:
    async def get() -> object:
        async with client:
            return client.get_async_httpx_client()._transport

    return asyncio.run(get())


@pytest.mark.parametrize("api", ["portabilling", "octopush"])
def test_async_calls_go_over_the_chosen_transport(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    aiohttp_transport = runtime_module("aiohttp_transport")

    over_aiohttp = _transport_of(kit.connect(async_transport="aiohttp"))
    over_httpx = _transport_of(kit.connect(async_transport="httpx"))

    assert type(over_aiohttp) is aiohttp_transport.AccountkitAiohttpTransport
    assert not isinstance(over_httpx, aiohttp_transport.AccountkitAiohttpTransport)


def test_with_options_switches_the_async_transport(octopush: OctopushKit) -> None:
    client = octopush.connect(async_transport="httpx").with_options(async_transport="aiohttp")

    assert type(_transport_of(client)).__name__ == "AccountkitAiohttpTransport"
    assert octopush.call(client) is not None  # sync calls stay on httpx


@pytest.mark.parametrize("name", ["curl", "AIOHTTP", "", None])
def test_an_unknown_transport_is_refused(name: object, octopush: OctopushKit) -> None:
    with pytest.raises(octopush.errors.ConfigurationError, match="async_transport must be one of 'httpx', 'aiohttp'"):
        octopush.connect(async_transport=name) if name is not None else octopush.connect().with_options(
            async_transport=""
        )


# The name as a program might build it (read from a file, joined): equal to the literal, not the same object.
AIOHTTP_BUILT = "".join(["aio", "http"])


def test_the_transport_is_chosen_by_the_names_value_not_its_identity(octopush: OctopushKit) -> None:
    aiohttp_transport = runtime_module("aiohttp_transport")

    chosen = _transport_of(octopush.connect(async_transport=AIOHTTP_BUILT))

    assert type(chosen) is aiohttp_transport.AccountkitAiohttpTransport


@pytest.mark.parametrize("missing", ["aiohttp", "httpx_aiohttp"])
def test_aiohttp_without_the_extra_is_a_configuration_error(
    missing: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "accountkit_runtime.aiohttp_transport", raising=False)
    monkeypatch.setitem(sys.modules, missing, None)  # import of it fails, as when it is not installed

    with pytest.raises(octopush.errors.ConfigurationError) as caught:
        octopush.connect(async_transport="aiohttp")
    with pytest.raises(octopush.errors.ConfigurationError):
        octopush.connect(async_transport=AIOHTTP_BUILT)

    assert f"({missing} is not installed)" in str(caught.value)
    assert "pip install 'accountkit-runtime[aiohttp]'" in str(caught.value)


def test_a_dropped_connection_is_a_connection_error_not_a_timeout(intandem: InTandemKit) -> None:
    intandem.server.route("GET", intandem.path, intandem.server.Reply(drop=True))
    client = intandem.connect(async_transport="aiohttp")

    with pytest.raises(intandem.errors.ApiConnectionError) as caught:
        asyncio.run(intandem.acall(client))

    assert not isinstance(caught.value, intandem.errors.ApiTimeoutError)
    assert "Server disconnected without sending a response." in str(caught.value)


def test_a_malformed_response_is_a_connection_error_without_the_url(activeplatform: ActivePlatformKit) -> None:
    def garbage(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\n{}")

    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(raw=garbage))
    client = activeplatform.connect(async_transport="aiohttp", max_retries=0)

    with pytest.raises(activeplatform.errors.ApiConnectionError) as caught:
        asyncio.run(activeplatform.acall(client))

    assert "ClientResponseError" in str(caught.value)
    assert activeplatform.credentials["api_token"] not in str(caught.value)


@pytest.mark.parametrize("end", ["next loop", "client collected"])
def test_sessions_of_closed_loops_are_let_go_quietly(
    end: str, portabilling: PortaBillingKit, caplog: pytest.LogCaptureFixture
) -> None:
    client = portabilling.connect(async_transport="aiohttp")
    ours: list[str] = []  # this client's sessions, as aiohttp names them when it reports one unclosed
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for _ in range(3):  # no `async with client`: each loop ends with its session open
            asyncio.run(portabilling.acall(client))
            ours += [repr(http._transport.client) for _, http in client._pools._async._entries]
        if end == "next loop":
            assert len(client._pools._async) == 0  # every loop has closed: their sessions were dropped
        else:
            portabilling.clients.clear()
            del client
        gc.collect()

    def about_others(text: str) -> bool:
        """A session of an earlier test's client, collected now: not this test's to judge."""
        return "ClientSession object at" in text and not any(session in text for session in ours)

    assert len(set(ours)) == 3
    unclosed = [str(w.message) for w in caught if "Unclosed" in str(w.message)]
    assert [text for text in unclosed if not about_others(text)] == []
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [text for text in errors if not about_others(text)] == []
    assert portabilling.sessions == 1


def test_a_call_over_aiohttp_sends_its_query_and_times_its_answer(intandem: InTandemKit) -> None:
    """The lean path builds the request itself: the query goes with it, and ``elapsed`` is the answer's time."""
    intandem.fail_first(intandem.server.Reply(404, json={"error": "no such account"}))
    client = intandem.connect(async_transport="aiohttp")

    async def call_twice() -> tuple[Any, float]:
        async with client:
            started = asyncio.get_running_loop().time()
            with pytest.raises(intandem.errors.ApiStatusError) as caught:
                await intandem.acall(client)
            wall = asyncio.get_running_loop().time() - started
            await intandem.acall(client)
            return caught.value.response, wall

    failed, wall = asyncio.run(call_twice())

    assert 0 <= failed.elapsed.total_seconds() <= wall
    assert all(("package_name", "gold") in call.query for call in intandem.main_calls())


def test_urls_are_joined_once_per_path_and_the_cache_stays_bounded() -> None:
    import httpx

    Urls = runtime_module("lean").Urls  # noqa: N806 (a class)
    client = httpx.AsyncClient(base_url="http://127.0.0.1:9/api")
    merged: list[str] = []
    merge = client._merge_url

    def counted(url: httpx.URL | str) -> httpx.URL:
        merged.append(str(url))
        return merge(url)

    client._merge_url = counted  # type: ignore[method-assign]
    urls = Urls()

    joined = [str(urls.join(client, path)) for path in ("/a", "/b", "/a")]

    assert joined == ["http://127.0.0.1:9/api/a", "http://127.0.0.1:9/api/b", "http://127.0.0.1:9/api/a"]
    assert merged == ["/a", "/b"]  # the second /a came from the cache
    for n in range(Urls.LIMIT + 5):
        urls.join(client, f"/accounts/{n}")
        assert len(urls._joined) <= Urls.LIMIT


def test_the_httpx_client_behind_aiohttp_takes_any_other_request_by_httpxs_own_path(octopush: OctopushKit) -> None:
    """The lean path is for the runtime's own requests (an explicit timeout among them); a request made on
    the httpx client directly, with the client's default timeout, is httpx's to send."""
    client = octopush.connect(async_transport="aiohttp")

    async def direct() -> Any:
        async with client:
            return await client.get_async_httpx_client().request("PATCH", octopush.path, content=b"{}")

    response = asyncio.run(direct())

    assert response.status_code == 201 and response.json() == octopush.ok_body()
    assert [call.body for call in octopush.main_calls()] == [b"{}"]


def _raw(answer: bytes, *, reset: bool = False) -> Any:
    """A writer that sends ``answer`` and hangs up; ``reset``: with a TCP reset instead of a clean close."""

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(answer)
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return write


_JSON = b"Content-Type: application/json\r\n"
# Answers a server may give, each to be read the same over both transports.
ANSWERS = {
    "nothing at all": _raw(b""),
    "a reset before answering": _raw(b"", reset=True),
    "a body cut midway": _raw(b"HTTP/1.1 201 Created\r\n" + _JSON + b'Content-Length: 100\r\n\r\n{"a": 1'),
    "a reset midway": _raw(b"HTTP/1.1 201 Created\r\n" + _JSON + b"Content-Length: 100\r\n\r\n{", reset=True),
    "a chunked body cut midway": _raw(b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc"),
    "HTTP/1.0 without Content-Length": _raw(b"HTTP/1.0 201 Created\r\n" + _JSON + b'\r\n{"code": 0}'),
    "HTTP/1.0 error without Content-Length": _raw(
        b"HTTP/1.0 400 Bad Request\r\n" + _JSON + b'\r\n{"code": 5, "message": "bad"}'
    ),
    "non-UTF-8 header bytes": _raw(
        b"HTTP/1.1 400 B\xe9d\r\n" + _JSON + b"X-Name: caf\xe9\xff\r\nContent-Length: 29\r\n\r\n"
        b'{"code": 5, "message": "bad"}'
    ),
    "gzip that is not": _raw(
        b"HTTP/1.1 201 Created\r\n" + _JSON + b"Content-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello"
    ),
    "a header line of 20 KB": _raw(
        b"HTTP/1.1 201 Created\r\n" + _JSON + b"X-Policy: " + b"a" * 20_000 + b"\r\nContent-Length: 0\r\n\r\n"
    ),
    "a redirect to another origin": _raw(
        b"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.2:9/x\r\nContent-Length: 0\r\n\r\n"
    ),
}


@pytest.mark.parametrize("answer", sorted(ANSWERS))
def test_a_server_misbehaving_reads_the_same_over_both_transports(answer: str, octopush: OctopushKit) -> None:
    """The same answer ends in the same typed error with the same message over httpx and over aiohttp."""
    octopush.server.route(octopush.method, octopush.path, octopush.server.Reply(raw=ANSWERS[answer]))

    def outcome(transport: str) -> tuple[str, str]:
        client = octopush.connect(async_transport=transport, max_retries=0, timeout=5)
        try:
            return "returned", repr(asyncio.run(octopush.acall(client)))
        except octopush.errors.AccountkitError as exc:
            return type(exc).__name__, str(exc)

    over_httpx = outcome("httpx")
    assert outcome("aiohttp") == over_httpx
    assert octopush.credentials["api_key"] not in over_httpx[1]


@pytest.mark.parametrize(("cap", "connections"), [(None, 3), (2, 2)])
def test_the_connection_limit_is_httpxs_with_none_meaning_no_limit(
    cap: int | None, connections: int, octopush: OctopushKit
) -> None:
    """``httpx.Limits(max_connections=...)`` bounds aiohttp's pool the same way; None is unbounded, as in httpx.

    Each request is held by the server until ``connections`` of them are in flight at once: with the
    pool bounded below that, the calls could never all be answered.
    """
    in_flight = threading.Barrier(connections, timeout=5)
    normal = octopush.server.handler(octopush.method, octopush.path)

    def held(request: Any) -> Any:
        try:
            in_flight.wait()
        except threading.BrokenBarrierError:
            return octopush.server.Reply(status=599, json={"error": "the calls did not run side by side"})
        return normal(request)

    octopush.server.route(octopush.method, octopush.path, held)
    limits = httpx.Limits(max_connections=cap, max_keepalive_connections=None)
    client = octopush.connect(async_transport="aiohttp", max_retries=0, timeout=10, httpx_args={"limits": limits})

    async def calls() -> list[Any]:
        return await asyncio.gather(*(octopush.acall(client) for _ in range(connections)))

    assert all(result is not None for result in asyncio.run(calls()))
    assert len(octopush.main_calls()) == connections


def test_a_header_line_is_read_up_to_the_bound_and_refused_past_it(octopush: OctopushKit) -> None:
    """aiohttp reads a header line (name and value) of up to MAX_HEADER_LINE bytes: httpcore's bound on a head.

    The header comes first: aiohttp counts a later header's name differently (its value alone is bounded).
    """
    bound = runtime_module("aiohttp_transport").MAX_HEADER_LINE
    assert bound == 100 * 1024  # httpcore's MAX_INCOMPLETE_EVENT_SIZE, what a head read over httpx may reach

    def answer_with_a_header_of(size: int) -> Any:
        name = b"X-Policy"
        line = name + b": " + b"a" * (size - len(name)) + b"\r\n"
        return _raw(b"HTTP/1.1 201 Created\r\n" + line + _JSON + b"Content-Length: 2\r\n\r\n{}")

    client = octopush.connect(async_transport="aiohttp", max_retries=0, timeout=10)
    octopush.server.route(octopush.method, octopush.path, octopush.server.Reply(raw=answer_with_a_header_of(bound)))
    response = asyncio.run(octopush.acall_detailed(client))
    assert response.status_code == 201 and len(response.headers["X-Policy"]) == bound - len("X-Policy")

    octopush.server.route(octopush.method, octopush.path, octopush.server.Reply(raw=answer_with_a_header_of(bound + 1)))
    with pytest.raises(octopush.errors.ApiConnectionError) as caught:
        asyncio.run(octopush.acall(client))
    assert f"a line of the response's head is longer than {bound} bytes" in str(caught.value)


def test_a_payload_error_other_than_a_cut_body_is_told_in_its_own_words() -> None:
    """Only a body cut short (by Content-Length or chunking) reads as httpx's "peer closed connection"."""
    aiohttp = pytest.importorskip("aiohttp")
    transport = runtime_module("aiohttp_transport")
    other = aiohttp.ClientPayloadError("Response payload is not completed: the decoder failed")
    other.__cause__ = ValueError("not a length")

    described = transport._describe(other)

    assert "peer closed connection" not in described
    assert described == "ClientPayloadError: Response payload is not completed: the decoder failed"
    cut = aiohttp.ClientPayloadError("Response payload is not completed")
    cut.__cause__ = aiohttp.http_exceptions.ContentLengthError(
        "Not enough data to satisfy content length header (received 3 of 10 bytes)."
    )
    assert (
        transport._describe(cut)
        == "peer closed connection without sending complete message body (received 3 bytes, expected 10)"
    )


# -- proxies: httpx decides, on either transport ----------------------------------------------------


def _proxying(octopush: OctopushKit, proxy: Any) -> None:
    """``proxy`` answers what it is sent as the vendor would (a forward proxy that does not forward)."""
    proxy.route(octopush.method, octopush.path, octopush.server.handler(octopush.method, octopush.path))


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_a_proxy_given_to_httpx_carries_the_call(transport: str, octopush: OctopushKit, other_server: Any) -> None:
    _proxying(octopush, other_server)
    client = octopush.connect(async_transport=transport, max_retries=0, httpx_args={"proxy": other_server.url})

    asyncio.run(octopush.acall(client))

    [through_proxy] = other_server.requests
    assert through_proxy.headers["host"] == octopush.server.url.removeprefix("http://")  # for the vendor, via the proxy
    assert octopush.main_calls() == []


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
@pytest.mark.parametrize("trust_env", [True, False])
def test_the_environments_proxy_is_used_exactly_when_httpx_trusts_the_environment(
    transport: str, trust_env: bool, octopush: OctopushKit, other_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """aiohttp must not read the environment itself: with ``trust_env=False`` the call goes straight out."""
    _proxying(octopush, other_server)
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, other_server.url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    client = octopush.connect(async_transport=transport, max_retries=0, httpx_args={"trust_env": trust_env})

    asyncio.run(octopush.acall(client))

    assert (len(other_server.requests), len(octopush.main_calls())) == ((1, 0) if trust_env else (0, 1))


@pytest.mark.parametrize("reason", [b"Custom Reason", b""])
def test_the_servers_reason_phrase_is_logged_the_same_over_both_transports(
    reason: bytes, octopush: OctopushKit, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx's "HTTP Request" line carries the server's own reason phrase (none when it sent none)."""
    answer = b"HTTP/1.1 201 " + reason + b"\r\n" + _JSON + b"Content-Length: 2\r\n\r\n{}"
    octopush.server.route(octopush.method, octopush.path, octopush.server.Reply(raw=_raw(answer)))

    def logged(transport: str) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="httpx"):
            asyncio.run(octopush.acall(octopush.connect(async_transport=transport, max_retries=0)))
        lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("HTTP Request")]
        return [line[line.index('"') :] for line in lines]

    over_httpx = logged("httpx")
    assert over_httpx == [f'"HTTP/1.1 201 {reason.decode()}"']
    assert logged("aiohttp") == over_httpx


def test_abandoning_a_client_whose_transports_never_sent_raises_nothing(
    octopush: OctopushKit, other_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loop that closes before a transport sent anything (here the proxy mount of https://, never used by
    calls to http://) leaves that transport without a session: nothing to let go of, and no error."""
    monkeypatch.setenv("HTTPS_PROXY", other_server.url)
    client = octopush.connect(async_transport="aiohttp", max_retries=0)
    asyncio.run(octopush.acall(client))  # the loop closes; the http:// transport has a session, https:// none
    httpx_client = client.get_async_httpx_client()
    assert len(httpx_client._mounts) == 1  # the environment's https:// proxy (the plain transport is not a mount)

    runtime_module("aiohttp_transport").abandon(httpx_client)
    runtime_module("aiohttp_transport").abandon(httpx_client)  # twice: a closed connector is left as it is

    asyncio.run(octopush.acall(client))  # a new loop, new sessions: the client goes on
    assert len(octopush.main_calls()) == 2


def test_copies_made_per_call_and_collected_in_a_running_loop_let_their_sessions_go_quietly(
    portabilling: PortaBillingKit, caplog: pytest.LogCaptureFixture
) -> None:
    """``client.with_options(...)`` per call: each copy has its own pools; collected while the loop runs,
    its aiohttp session is let go (connections closed), not reported unclosed on the loop."""
    client = portabilling.connect(async_transport="aiohttp")
    sessions: list[str] = []

    async def calls() -> None:
        for _ in range(3):
            copy = client.with_options(timeout=httpx.Timeout(5.0))
            await portabilling.acall(copy)
            sessions.append(repr(copy.get_async_httpx_client()._transport.client))
            del copy
            gc.collect()
            await asyncio.sleep(0)
        await client.aclose()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        asyncio.run(calls())
        gc.collect()

    reported = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(set(sessions)) == 3
    assert [text for text in reported if any(session in text for session in sessions)] == []


def test_a_program_that_never_closes_its_client_exits_quietly(tmp_path: Any, portabilling: PortaBillingKit) -> None:
    """At exit, sessions never closed are let go as an httpx client never closed goes: aiohttp does not
    print "Unclosed client session" / "Unclosed connector" for each."""
    import subprocess

    script = tmp_path / "never_closed.py"
    script.write_text(
        "import asyncio, sys\n"
        "import portabilling_client\n"
        "from portabilling_client.api.account import update_account\n"
        "from portabilling_client.models import UpdateAccountRequest\n"
        "client = portabilling_client.connect(base_url=sys.argv[1], login='admin', password='pb-SECRET-password',"
        " async_transport='aiohttp')\n"
        "body = UpdateAccountRequest.from_dict({'params': {'account_info': {'i_account': 7}}})\n"
        "async def one(client=client):  # held to the very end, by the function\n"
        "    return (await update_account.asyncio(client=client, body=body)).i_account\n"
        "print(asyncio.run(one()))\n"
        "print(asyncio.run(one()))\n"
    )
    done = subprocess.run(
        [sys.executable, str(script), portabilling.base_url], capture_output=True, text=True, timeout=60, check=False
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7", "7"]
    assert "Unclosed" not in done.stderr, done.stderr


def test_an_endless_body_over_aiohttp_ends_at_the_cap_as_it_streams(octopush: OctopushKit) -> None:
    """The body is read from aiohttp a bounded chunk at a time, each counted as it comes: an endless body
    ends at the size cap at once, not at the call's deadline after aiohttp buffered all it could."""
    import hostile

    octopush.fail_first(octopush.server.Reply(raw=hostile.endless_chunked_body()))
    client = octopush.connect(async_transport="aiohttp", max_retries=0, timeout=20)
    client = client.with_options(max_response_bytes=256 * 1024)
    started = time.monotonic()

    with pytest.raises(octopush.errors.ResponseTooLargeError, match="262144 bytes"):
        asyncio.run(octopush.acall(client))

    assert time.monotonic() - started < 10
