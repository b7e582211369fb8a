"""The runtime's calls skip httpx's generic send layers (``lean``) and end exactly as httpx's own path would.

The clients ``connect()`` makes send each call through ``lean.send_sync`` / ``send_async``: the same
steps as ``httpx.Client.send`` (auth flow, hooks, transport, cookies, log line, body read), without its
layers. These tests show that the path is taken, that it is left for httpx's own whenever the client
needs something the lean path does not do (redirects to follow, a transport of the caller's), and that
both paths end alike: the same requests on the wire, the same answers, errors, hooks and log lines.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.kits import OctopushKit, PortaBillingKit, runtime_module

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

pytestmark = pytest.mark.explicit_transport

# How a call is made: sync, or async over each transport.
MODES = ["sync", "httpx", "aiohttp"]
_OWN_PATH: dict[str, Any] = {"sync": httpx.Client, "httpx": httpx.AsyncClient, "aiohttp": httpx.AsyncClient}


def _make_call(kit: Any, mode: str, call_arguments: dict[str, Any] | None = None, **connect: Any) -> Callable[[], Any]:
    """A function making one call of ``kit``'s main operation on one client, in ``mode``."""
    given = call_arguments or {}
    if mode == "sync":
        client = kit.connect(**connect)
        return lambda: kit.call(client, **given)
    client = kit.connect(async_transport=mode, **connect)

    def call() -> Any:
        async def once() -> Any:
            async with client:
                return await kit.acall(client, **given)

        return asyncio.run(once())

    return call


class _Spy:
    """Counts the calls that went through httpx's own send path (``_send_handling_auth``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch | Any, mode: str) -> None:
        self.count = 0
        owner = _OWN_PATH[mode]
        original = owner._send_handling_auth

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, "_send_handling_auth", counted)


# -- the lean path is taken, every step kept ----------------------------------------------------------
@pytest.mark.parametrize("mode", MODES)
def test_runtime_calls_take_the_lean_path_with_every_step_kept(
    mode: str, portabilling: PortaBillingKit, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Login flow, the client's cookie jar (a cookie the login set goes with the next call), the runtime's
    hooks and httpx's log line, without httpx's own send path."""
    spy = _Spy(monkeypatch, mode)
    caplog.set_level(logging.INFO, logger="httpx")
    login = portabilling.server.handler("POST", portabilling.login_path)

    def login_with_cookie(request: Any) -> Any:
        reply = login(request)
        reply.headers["Set-Cookie"] = "affinity=node7; Path=/"
        return reply

    portabilling.server.route("POST", portabilling.login_path, login_with_cookie)
    if mode == "sync":
        client = portabilling.connect()
        results = [portabilling.call(client), portabilling.call(client)]
    else:
        client = portabilling.connect(async_transport=mode)

        async def twice() -> list[Any]:
            async with client:
                return [await portabilling.acall(client), await portabilling.acall(client)]

        results = asyncio.run(twice())

    assert spy.count == 0, "httpx's own send path was taken"
    assert [result.i_account for result in results] == [7, 7]
    calls = portabilling.main_calls()
    assert len(calls) == 2
    assert all(call.headers["authorization"] == f"Bearer {portabilling.bearer(call)}" for call in calls)
    assert calls[1].headers.get("cookie") == "affinity=node7"  # the first was built before the login answered
    assert all(call.headers["accept-encoding"] == "gzip, deflate" for call in calls)
    lines = [record.getMessage() for record in caplog.records if record.name == "httpx"]
    assert len(lines) == 3 and all(line.startswith("HTTP Request: POST ") for line in lines)


@pytest.mark.parametrize("mode", MODES)
def test_a_lean_call_that_finds_no_server_names_the_url_as_httpxs_own_path_does(
    mode: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request is built as httpx builds it: a failure to connect names the same URL, encoded as sent."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the socket is closed

    def failure(lean_on: bool) -> str:
        with monkeypatch.context() as patch:
            if not lean_on:
                patch.setattr(runtime_module("lean"), "lean_call", lambda *args: False)
            call = _make_call(octopush, mode, base_url=f"http://127.0.0.1:{port}", max_retries=0)
            with pytest.raises(octopush.errors.ApiConnectionError) as caught:
                call()
        return str(caught.value)

    over_lean = failure(lean_on=True)

    assert over_lean == failure(lean_on=False)
    assert f"127.0.0.1:{port}/v1/public/subaccount/team%40sub-accounts.example.com/edit" in over_lean


# -- httpx's own path where the client needs it ---------------------------------------------------------
@pytest.mark.parametrize("mode", MODES)
def test_a_client_that_follows_redirects_takes_httpxs_own_path(
    mode: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, mode)
    octopush.fail_first(octopush.server.Reply(307, headers={"Location": octopush.path + "?moved=1"}))
    call = _make_call(octopush, mode, httpx_args={"follow_redirects": True})

    result = call()

    assert spy.count == 1
    assert result is not None
    assert [call.params.get("moved") for call in octopush.main_calls()] == [None, "1"]


class _BothTransports(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport of the caller's own, usable by the sync and the async client, counting its requests."""

    def __init__(self) -> None:
        self.sync, self.asynchronous = httpx.HTTPTransport(), httpx.AsyncHTTPTransport()
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        return self.sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        return await self.asynchronous.handle_async_request(request)


@pytest.mark.parametrize("mode", ["sync", "httpx"])
@pytest.mark.parametrize("how", ["transport", "mounts", "an httpx transport of the caller's"])
def test_a_transport_of_the_callers_own_is_driven_by_httpxs_own_path(
    mode: str, how: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, mode)
    transport: Any = _BothTransports()
    if how == "mounts":
        arguments: dict[str, Any] = {"mounts": {"http://127.0.0.1": transport}}
    elif how == "transport":
        arguments = {"transport": transport}
    else:  # one of the very classes httpx builds itself, but given: still the caller's
        transport = httpx.HTTPTransport() if mode == "sync" else httpx.AsyncHTTPTransport()
        arguments = {"transport": transport}
    call = _make_call(octopush, mode, httpx_args=arguments)

    call()

    assert spy.count == 1
    assert len(octopush.main_calls()) == 1
    if isinstance(transport, _BothTransports):
        assert transport.sent == 1


@pytest.mark.parametrize("mode", ["sync", "httpx"])
def test_a_request_made_on_the_httpx_client_itself_takes_httpxs_own_path(
    mode: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lean path is for the runtime's requests (an explicit timeout among them), not the caller's."""
    spy = _Spy(monkeypatch, mode)
    if mode == "sync":
        response = octopush.connect().get_httpx_client().request("PATCH", octopush.path, content=b"{}")
    else:
        client = octopush.connect(async_transport=mode)

        async def direct() -> httpx.Response:
            async with client:
                answer: httpx.Response = await client.get_async_httpx_client().request(
                    "PATCH", octopush.path, content=b"{}"
                )
                return answer

        response = asyncio.run(direct())

    assert spy.count == 1
    assert response.status_code == 201 and response.json() == octopush.ok_body()


# -- both paths end alike -------------------------------------------------------------------------------
def _cut_body(sock: socket.socket, stopping: threading.Event) -> None:
    sock.sendall(b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")


_NOT_GZIP = b"HTTP/1.1 201 Created\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello"


def _gzip_that_is_not(sock: socket.socket, stopping: threading.Event) -> None:
    sock.sendall(_NOT_GZIP)


Scenario = tuple[list[Any], dict[str, Any], dict[str, Any]]
# Per scenario: how the server answers the main operation first (then as usual), connect() arguments and
# the call's own arguments.
SCENARIOS: dict[str, Callable[[Any], Scenario]] = {
    "a success": lambda kit: ([], {}, {}),
    "a 503 then a success (retried if the operation allows)": lambda kit: (
        [kit.server.Reply(503, json={"code": 1})],
        {},
        {},
    ),
    "a 404": lambda kit: ([kit.server.Reply(404, json={"code": 2, "message": "no such"})], {"max_retries": 0}, {}),
    "a redirect not followed": lambda kit: ([kit.server.Reply(302, headers={"Location": "/elsewhere"})], {}, {}),
    "a redirect to another origin": lambda kit: (
        [kit.server.Reply(307, headers={"Location": "http://127.0.0.2:9/x"})],
        {"httpx_args": {"follow_redirects": True}},
        {},
    ),
    "a body cut midway": lambda kit: ([kit.server.Reply(raw=_cut_body)], {"max_retries": 0}, {}),
    "gzip that is not": lambda kit: ([kit.server.Reply(raw=_gzip_that_is_not)], {}, {}),
    "a body over the size cap": lambda kit: (
        [],
        {},
        {"request_options": runtime_module("options").RequestOptions(max_response_bytes=10)},
    ),
    "a cookie set, then sent": lambda kit: (
        [kit.server.Reply(json=kit.ok_body(), headers={"Set-Cookie": "a=b"})],
        {},
        {},
    ),
}
REDIRECT_FOLLOWED = "a redirect to another origin"  # the one scenario whose client follows redirects


def _outcome(call: Callable[[], Any], errors: Any) -> tuple[str, str]:
    try:
        return "returned", repr(call())
    except errors.AccountkitError as exc:
        return type(exc).__name__, str(exc)


def _seen(kit: Any) -> list[tuple[Any, ...]]:
    """What the server received, with the values that differ from run to run (session tokens) named alike."""
    seen = [(r.method, r.path, r.query, sorted(r.headers.items()), r.body) for r in kit.server.calls()]
    return [tuple(re.sub(r"SECRET-\d+", "SECRET-n", repr(part)) for part in call) for call in seen]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_a_lean_call_ends_as_the_same_call_on_httpxs_own_path(
    scenario: str, mode: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Each scenario twice, the second time with the lean path switched off: the same outcome (result or
    error and its message), the same requests on the wire, the same hook calls, the same httpx log lines."""
    caplog.set_level(logging.INFO, logger="httpx")
    lean = runtime_module("lean")

    def run(lean_on: bool) -> tuple[Any, ...]:
        octopush.server.requests.clear()
        caplog.clear()
        replies, arguments, call_arguments = SCENARIOS[scenario](octopush)
        octopush.install_routes()
        octopush.fail_first(*replies)
        hooked: list[str] = []

        def on_request(r: httpx.Request) -> None:
            hooked.append(f"{r.method} {r.url}")

        def on_response(r: httpx.Response) -> None:
            hooked.append(f"{r.status_code} {r.request.url}")

        async def on_request_async(r: httpx.Request) -> None:
            on_request(r)

        async def on_response_async(r: httpx.Response) -> None:
            on_response(r)

        if mode == "sync":
            hooks: dict[str, list[Any]] = {"request": [on_request], "response": [on_response]}
        else:
            hooks = {"request": [on_request_async], "response": [on_response_async]}
        httpx_args = {**arguments.pop("httpx_args", {}), "event_hooks": hooks}
        with monkeypatch.context() as patch:
            spy = _Spy(patch, mode)
            if not lean_on:
                patch.setattr(lean, "lean_call", lambda *args: False)
            call = _make_call(octopush, mode, call_arguments, httpx_args=httpx_args, **arguments)
            outcome = _outcome(lambda: (call(), call())[-1], octopush.errors)
        lines = [record.getMessage() for record in caplog.records if record.name == "httpx"]
        return outcome, _seen(octopush), hooked, lines, spy.count > 0

    *lean_end, lean_took_own = run(lean_on=True)
    *own_end, own_took_own = run(lean_on=False)

    assert (lean_took_own, own_took_own) == (scenario == REDIRECT_FOLLOWED, True)
    assert lean_end == own_end


@pytest.mark.parametrize("mode", MODES)
def test_a_session_renewed_on_the_lean_path_ends_as_on_httpxs_own(
    mode: str, kit_for: KitFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refused token renewed and the call replayed: the same requests and result on both paths."""
    lean = runtime_module("lean")

    def run(lean_on: bool) -> tuple[Any, ...]:
        kit = kit_for("portabilling")
        kit.server.requests.clear()
        with monkeypatch.context() as patch:
            spy = _Spy(patch, mode)
            if not lean_on:
                patch.setattr(lean, "lean_call", lambda *args: False)
            call = _make_call(kit, mode)
            first = call()
            kit.expire_sessions()
            second = call()
        return repr(first), repr(second), _seen(kit), kit.sessions, spy.count > 0

    *lean_end, lean_took_own = run(lean_on=True)
    *own_end, own_took_own = run(lean_on=False)

    assert (lean_took_own, own_took_own) == (False, True)
    assert lean_end == own_end
    paths = [call[1] for call in lean_end[2]]
    assert paths.count(repr(PortaBillingKit.refresh_path)) == 1  # refused once, renewed by a refresh, replayed
    assert lean_end[3] == 2


# -- a body that came whole is read in one step -----------------------------------------------------------
def _answer(
    body: bytes, *, pause: float = 0.0, gzipped: bool = False, status: bytes = b"201 Created"
) -> Callable[[socket.socket, threading.Event], None]:
    """A raw answer with ``body``: head and body in one write, or the body ``pause`` seconds later."""
    if gzipped:
        import gzip

        body = gzip.compress(body)
    coding = b"Content-Encoding: gzip\r\n" if gzipped else b""
    length = b"Content-Length: %d\r\n" % len(body) if body else b""
    head = b"HTTP/1.1 %s\r\nContent-Type: application/json\r\n%s%s\r\n" % (status, coding, length)

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        if pause:
            sock.sendall(head)
            stopping.wait(pause)
            sock.sendall(body)
        else:
            sock.sendall(head + body)

    return write


BODY = b'{"first_name": "Ann"}'
WHOLE_READS: dict[str, tuple[Callable[[socket.socket, threading.Event], None], dict[str, Any]]] = {
    "in one write": (_answer(BODY), {}),
    "a 204, no body": (_answer(b"", status=b"204 No Content"), {}),
    "gzipped, in one write": (_answer(BODY, gzipped=True), {}),
    "body a moment after the head": (_answer(BODY, pause=0.3), {}),
    "in one write, over the size cap": (_answer(BODY), {"max_response_bytes": 10}),
    # decoded in 64 KiB steps: the first is counted before the second passes the cap
    "gzipped, in one write, over the size cap": (_answer(BODY * 5000, gzipped=True), {"max_response_bytes": 100_000}),
}


@pytest.mark.parametrize("mode", ["httpx", "aiohttp"])
@pytest.mark.parametrize("scenario", sorted(WHOLE_READS))
def test_a_body_that_came_whole_is_read_in_one_step_and_ends_as_on_httpxs_own_path(
    scenario: str, mode: str, octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over aiohttp, a body that arrived with the head is read at once, not through httpx's async iterators:
    the same result or error, and the response in the same state (content, bytes counted, consumed, closed)
    as when httpx reads it; a body still on its way, and any body over httpx's pool, is read as a stream."""
    writer, cap = WHOLE_READS[scenario]
    decoding = runtime_module("decoding")
    options = runtime_module("options")
    original = decoding.AsyncCappedStream.read_now

    def run(lean_on: bool) -> tuple[Any, ...]:
        octopush.server.requests.clear()
        octopush.install_routes()
        octopush.fail_first(octopush.server.Reply(raw=writer))
        responses: list[httpx.Response] = []
        whole: list[bool] = []

        async def keep(response: httpx.Response) -> None:
            responses.append(response)

        def read_now(self: Any) -> bytes | None:
            content: bytes | None = original(self)
            whole.append(content is not None)
            return content

        with monkeypatch.context() as patch:
            patch.setattr(decoding.AsyncCappedStream, "read_now", read_now)
            if not lean_on:
                patch.setattr(runtime_module("lean"), "lean_call", lambda *args: False)
            call = _make_call(
                octopush,
                mode,
                {"request_options": options.RequestOptions(**cap)} if cap else {},
                httpx_args={"event_hooks": {"response": [keep]}},
                max_retries=0,
            )
            outcome = _outcome(call, octopush.errors)
        (response,) = responses
        state = (response.is_stream_consumed, response.is_closed, response.num_bytes_downloaded)
        content = response.content if hasattr(response, "_content") else None
        return outcome, state, content, any(whole)

    *lean_end, read_whole = run(lean_on=True)
    *own_end, own_read_whole = run(lean_on=False)

    assert lean_end == own_end
    assert own_read_whole is False  # httpx's own path reads every body as a stream
    assert read_whole is (mode == "aiohttp" and "a moment after" not in scenario)
    outcome, (consumed, closed, counted), content = lean_end
    assert consumed and closed
    if "no body" in scenario:
        assert outcome[0] != "returned" and content == b"" and counted == 0
    elif "over the size cap" in scenario:
        assert outcome[0] == "ResponseTooLargeError" and content is None
        assert counted == (64 * 1024 if "gzipped" in scenario else 0)
    else:
        assert outcome[0] == "returned" and "Ann" in outcome[1]
        assert content == BODY and counted == len(BODY)


# -- the request is built as httpx builds it --------------------------------------------------------------
_HEADER_NAMES = ["Host", "Content-Length", "content-length", "Transfer-Encoding", "Content-Type", "X-Trace", "Accept"]
_headers = st.one_of(
    st.none(), st.dictionaries(st.sampled_from(_HEADER_NAMES), st.text(alphabet="abc19 -;=\u00e9", max_size=8))
)
_params = st.one_of(st.none(), st.dictionaries(st.sampled_from(["a", "b", "api_token"]), st.text(max_size=4)))


@settings(max_examples=300, deadline=None)
@given(
    base_url=st.sampled_from(
        ["http://127.0.0.1:8080/api", "https://example.com", "http://[::1]:9/x/", "http://u:p@h.example:80/"]
    ),
    client_headers=_headers,
    client_params=_params,
    cookies=st.sampled_from([None, {"session": "s1"}]),
    method=st.sampled_from(["GET", "POST", "put", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
    url=st.sampled_from(["/a", "a/b", "/a%2Fb?x=1", "http://other.example/p", ""]),
    content=st.one_of(st.none(), st.binary(max_size=12)),
    headers=_headers,
    params=_params,
    asynchronous=st.booleans(),
)
def test_a_lean_request_is_the_request_httpx_builds(
    base_url: str,
    client_headers: dict[str, str] | None,
    client_params: dict[str, str] | None,
    cookies: dict[str, str] | None,
    method: str,
    url: str,
    content: bytes | None,
    headers: dict[str, str] | None,
    params: dict[str, str] | None,
    asynchronous: bool,
) -> None:
    """Method, URL, headers in order, body, stream and extensions: all as ``client.build_request`` makes them
    (or the same exception)."""
    lean = runtime_module("lean")
    kind = httpx.AsyncClient if asynchronous else httpx.Client
    try:
        client = kind(base_url=base_url, headers=client_headers, params=client_params, cookies=cookies)
    except Exception:  # noqa: BLE001 - a client httpx refuses to make: nothing to build on
        return
    timeout = httpx.Timeout(7.0, connect=2.0)

    def built(how: Callable[[], httpx.Request]) -> tuple[Any, ...]:
        try:
            request = how()
        except Exception as exc:  # noqa: BLE001 - compared: the same class of failure on both
            return ("raised", type(exc))
        return (
            sorted(vars(request)),
            request.method,
            str(request.url),
            request.headers.raw,
            request.content,
            type(request.stream),
            list(request.stream) if isinstance(request.stream, httpx.ByteStream) else None,
            request.extensions,
        )

    ours = built(lambda: lean.build(client, lean.Urls(), method, url, content, headers, params, timeout))
    theirs = built(
        lambda: client.build_request(method, url, content=content, headers=headers, params=params, timeout=timeout)
    )

    assert ours == theirs


@pytest.mark.parametrize("mode", MODES)
def test_a_body_refused_inside_the_auth_flow_leaves_no_response_open(mode: str, portabilling: PortaBillingKit) -> None:
    """PortaBilling's session flow reads the login answer itself; one over the call's size cap is refused
    there, and the response is closed (its connection given back) before the error reaches the caller."""
    responses: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        responses.append(response)

    async def keep_async(response: httpx.Response) -> None:
        keep(response)

    options = runtime_module("options").RequestOptions(max_response_bytes=5)
    hooks = {"response": [keep if mode == "sync" else keep_async]}
    call = _make_call(portabilling, mode, {"request_options": options}, httpx_args={"event_hooks": hooks})

    with pytest.raises(portabilling.errors.ResponseTooLargeError):
        call()

    assert [r.url.path for r in responses] == [portabilling.login_path]
    assert all(r.is_closed for r in responses)
