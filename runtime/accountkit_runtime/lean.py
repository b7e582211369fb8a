"""The request path of the runtime's calls: httpx's steps for one call, without the layers that only cost time.

A call through ``httpx.Client.request`` / ``httpx.AsyncClient.request`` goes through ``build_request``
(the URL parsed and joined to the base URL anew every time), ``send``, ``_send_handling_auth``,
``_send_handling_redirects`` and ``_send_single_request``; that machinery costs about as much as
the runtime's own work on a call, and on aiohttp as much as aiohttp itself. The httpx clients the
runtime makes (``pools``: ``LeanClient``, ``LeanAsyncClient``; ``aiohttp_transport``'s client) send
the requests the runtime makes (``transport.send_sync`` / ``send_async``: method, URL, headers,
content bytes, query, timeout) through ``send_sync`` / ``send_async`` here instead, which take the
same steps in the same order:

- the URL joined to the base URL once per path (``Urls``), then the call's query merged as httpx does,
  and the request built as ``build_request`` builds it (``_request``);
- the client's headers and cookies merged into the request as ``build_request`` merges them;
- the client's auth flow driven as ``_send_handling_auth`` drives it (token and login requests included,
  a renewal after a refusal too);
- per request: the event hooks (the runtime's: ``Accept-Encoding``, the redirect origin check, the
  size cap; then the caller's), the transport, the cookie jar, httpx's ``HTTP Request:`` log line
  (filtered by ``redaction.guard_logs`` like httpx's own), ``next_request`` for a redirect;
- the body read before the response is returned, by httpx's own ``Response.read`` / ``aread``
  (decoding, cap), or, for an async body that came whole with its head, at once (``_read_now``).

Anything else takes httpx's own path, unchanged: a call with another keyword or a client that follows
redirects (``lean_call``), a request to a transport the caller gave (``built_here``), a request made on the
httpx client with its default timeout (``client.get(...)``: not the runtime's), and every request of
an httpx client the caller set (``set_httpx_client``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import httpx
from httpx._client import ClientState

from .decoding import AsyncCappedStream

_httpx_log = logging.getLogger("httpx")


class Urls:
    """Request URLs joined to a client's base URL, kept per path string.

    httpx parses and joins the URL on every request; the paths of one API are few (a path parameter
    makes more of them, hence the bound: past it the cache starts over).
    """

    LIMIT = 1024

    def __init__(self) -> None:
        self._joined: dict[str, httpx.URL] = {}

    def join(self, client: httpx.Client | httpx.AsyncClient, url: str) -> httpx.URL:
        joined = self._joined.get(url)
        if joined is None:
            if len(self._joined) >= self.LIMIT:
                self._joined.clear()
            joined = self._joined[url] = client._merge_url(url)
        return joined


def lean_call(
    client: httpx.Client | httpx.AsyncClient, url: Any, content: Any, timeout: Any, other: Mapping[str, Any]
) -> bool:
    """Whether a call with these arguments is one this module sends as httpx would (else httpx sends it)."""
    return (
        not other
        and isinstance(url, str)
        and isinstance(content, (bytes, type(None)))
        and isinstance(timeout, httpx.Timeout)
        and not client.follow_redirects
    )


def build(
    client: httpx.Client | httpx.AsyncClient,
    urls: Urls,
    method: str,
    url: str,
    content: bytes | None,
    headers: Mapping[str, str] | None,
    params: Any,
    timeout: httpx.Timeout,
) -> httpx.Request:
    """What ``client.build_request`` builds from these arguments, with the joined URL reused."""
    merged = httpx.Headers(client.headers)
    if headers:
        merged.update(headers)
    cookies = client._merge_cookies(None)
    query = client._merge_queryparams(params)
    joined = urls.join(client, url)
    extensions = {"timeout": timeout.as_dict()}
    if cookies:  # a cookie header: httpx's own code writes it
        return httpx.Request(
            method,
            joined,
            content=content,
            params=query,
            headers=merged,
            cookies=cookies,
            extensions=extensions,
        )
    target = joined if query is None else httpx.URL(joined, params=query)  # as httpx: given params replace the query
    return _request(method, target, merged, content or b"", extensions)


_BODY_METHODS = ("POST", "PUT", "PATCH")  # those httpx gives ``Content-Length: 0`` when they have no body


def _request(
    method: str, url: httpx.URL, headers: httpx.Headers, body: bytes, extensions: dict[str, Any]
) -> httpx.Request:
    """``httpx.Request(method, url, headers=headers, content=body, extensions=extensions)``, built directly.

    httpx's constructor copies the headers twice, looks headers up by decoding them all, and reads the
    body from the stream it has just wrapped it in; this sets what it sets, to the same values: the
    ``Host`` header first (unless given), then ``headers``, then the body's ``Content-Length`` (unless
    given; ``0`` goes after ``Host`` for a POST, PUT or PATCH without a body nor a length).
    """
    request = httpx.Request.__new__(httpx.Request)
    request.method = method.upper()
    request.url = url
    request.extensions = extensions
    given = headers._list
    names = {lowered for _raw, lowered, _value in given}
    first: list[tuple[bytes, bytes, bytes]] = []
    last: list[tuple[bytes, bytes, bytes]] = []
    if b"host" not in names and url.host:
        first.append((b"Host", b"host", url.netloc))
    if body:
        if b"content-length" not in names:
            last.append((b"Content-Length", b"content-length", b"%d" % len(body)))
    elif request.method in _BODY_METHODS and b"content-length" not in names and b"transfer-encoding" not in names:
        first.append((b"Content-Length", b"content-length", b"0"))
    request.headers = httpx.Headers()
    request.headers._list = first + given + last
    request.stream = httpx.ByteStream(body)
    request._content = body
    return request


def _opened(client: httpx.Client | httpx.AsyncClient) -> None:
    """What ``send`` checks and marks first: a closed client sends nothing."""
    if client._state == ClientState.CLOSED:
        raise RuntimeError("Cannot send a request, as the client has been closed.")
    client._state = ClientState.OPENED


def _received(
    client: httpx.Client | httpx.AsyncClient, request: httpx.Request, response: httpx.Response, start: float
) -> None:
    """What httpx does with a response as the transport hands it over: request, time, cookies, encoding, log."""
    response.request = request
    response.elapsed = timedelta(seconds=time.perf_counter() - start)
    if "set-cookie" in response.headers:
        client.cookies.extract_cookies(response)
    response.default_encoding = client._default_encoding
    if _httpx_log.isEnabledFor(logging.INFO):
        _httpx_log.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )


def _redirect(
    client: httpx.Client | httpx.AsyncClient,
    request: httpx.Request,
    response: httpx.Response,
    history: list[httpx.Response],
) -> None:
    """After the response hooks: its history, and the request a redirect names (not followed)."""
    response.history = list(history)
    if response.has_redirect_location:
        response.next_request = client._build_redirect_request(request, response)


def send_sync(client: httpx.Client, request: httpx.Request) -> httpx.Response:
    """``client.send(request)`` for a client that follows no redirects: auth flow, hooks, transport, body."""
    _opened(client)
    auth = client._build_request_auth(request)
    flow = auth.sync_auth_flow(request)
    history: list[httpx.Response] = []
    try:
        request = next(flow)
        while True:
            response = _send_one_sync(client, request, history)
            try:
                try:
                    next_request = flow.send(response)
                except StopIteration:
                    break
                response.history = list(history)
                response.read()
                request = next_request
                history.append(response)
            except BaseException:
                response.close()
                raise
    finally:
        flow.close()
    try:
        response.read()
    except BaseException:
        response.close()
        raise
    return response


def _send_one_sync(client: httpx.Client, request: httpx.Request, history: list[httpx.Response]) -> httpx.Response:
    """One request, as ``_send_handling_redirects`` and ``_send_single_request`` send it without following."""
    hooks = client._event_hooks
    for hook in hooks["request"]:
        hook(request)
    transport = client._transport_for_url(request.url)
    start = time.perf_counter()
    response = transport.handle_request(request)
    _received(client, request, response, start)
    try:
        for hook in hooks["response"]:
            hook(response)
        _redirect(client, request, response, history)
    except BaseException:
        response.close()
        raise
    return response


async def send_async(client: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    """``send_sync``'s twin for ``httpx.AsyncClient``."""
    _opened(client)
    auth = client._build_request_auth(request)
    flow = auth.async_auth_flow(request)
    history: list[httpx.Response] = []
    try:
        request = await flow.__anext__()
        while True:
            response = await _send_one_async(client, request, history)
            try:
                try:
                    next_request = await flow.asend(response)
                except StopAsyncIteration:
                    break
                response.history = list(history)
                await response.aread()
                request = next_request
                history.append(response)
            except BaseException:
                await response.aclose()
                raise
    finally:
        await flow.aclose()
    try:
        await response.aread()
    except BaseException:
        await response.aclose()
        raise
    return response


async def _send_one_async(
    client: httpx.AsyncClient, request: httpx.Request, history: list[httpx.Response]
) -> httpx.Response:
    hooks = client._event_hooks
    for hook in hooks["request"]:
        await hook(request)
    transport = client._transport_for_url(request.url)
    start = time.perf_counter()
    response = await transport.handle_async_request(request)
    _received(client, request, response, start)
    try:
        for hook in hooks["response"]:
            await hook(response)
        _redirect(client, request, response, history)
        await _read_now(response)
    except BaseException:
        await response.aclose()
        raise
    return response


async def _read_now(response: httpx.Response) -> None:
    """``response.aread()`` in one step when the body came whole with the head; else nothing, for now.

    httpx reads a body through four layers of async iterators (``aiter_bytes``, ``aiter_raw``, the
    size cap's, the transport's), a sizeable part of a call's time over aiohttp. A body already in
    memory (``decoding.AsyncCappedStream.read_now``) is read at once instead, ending as ``aread``
    ends: the same content, counted, the stream consumed and closed (the connection released). Any
    other body is read later by ``aread``, as httpx reads it.
    """
    stream = response.stream
    if (
        isinstance(stream, AsyncCappedStream)
        and not hasattr(response, "_content")
        and not response.is_stream_consumed
        and not response.is_closed
        and "content-encoding" not in response.headers  # one httpx would decode: left to httpx
    ):
        response.is_stream_consumed = True  # as httpx marks it, before a failure can interrupt the read
        pieces = stream.read_now()
        if pieces is None:
            response.is_stream_consumed = False  # nothing was read
            return
        response._num_bytes_downloaded = 0
        content = []
        for piece in pieces:  # counted as httpx counts them (a body over the size cap stops midway)
            response._num_bytes_downloaded += len(piece)
            content.append(piece)
        response._content = b"".join(content)
        await response.aclose()


def built_here(
    client: httpx.Client | httpx.AsyncClient, arguments: Mapping[str, Any], kinds: tuple[type, ...]
) -> frozenset[Any]:
    """The transports of ``client`` that httpx built from its settings (the pool, a proxy's), of ``kinds``.

    A transport the caller gave (``transport=``, ``mounts=``) is the caller's to run as httpx would:
    requests it sends take httpx's own path.
    """
    given = {id(transport) for transport in (arguments.get("transport"), *(arguments.get("mounts") or {}).values())}
    built = (client._transport, *client._mounts.values())
    return frozenset(t for t in built if t is not None and id(t) not in given and type(t) in kinds)


class LeanClient(httpx.Client):
    """An ``httpx.Client`` whose calls from the runtime take ``send_sync`` when a transport it built sends them."""

    def __init__(self, **arguments: Any) -> None:
        super().__init__(**arguments)
        self._urls = Urls()
        self._lean_transports = built_here(self, arguments, (httpx.HTTPTransport,))

    def request(  # type: ignore[override]
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: Any = None,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        **other: Any,
    ) -> httpx.Response:
        if lean_call(self, url, content, timeout, other):
            request = build(self, self._urls, method, url, content, headers, params, timeout)
            if self._transport_for_url(request.url) in self._lean_transports:
                return send_sync(self, request)
        return super().request(method, url, content=content, headers=headers, params=params, timeout=timeout, **other)


class LeanAsyncRequests(httpx.AsyncClient):
    """``LeanClient``'s async twin, for transports of the class's ``LEAN_TRANSPORTS`` that it built.

    A base for the async clients the runtime makes: ``LeanAsyncClient`` over httpx's own pool, and
    ``aiohttp_transport``'s over aiohttp.
    """

    LEAN_TRANSPORTS: tuple[type[httpx.AsyncBaseTransport], ...] = ()

    def __init__(self, **arguments: Any) -> None:
        super().__init__(**arguments)
        self._urls = Urls()
        self._lean_transports = built_here(self, arguments, self.LEAN_TRANSPORTS)

    async def request(  # type: ignore[override]
        self,
        method: str,
        url: str,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: Any = None,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        **other: Any,
    ) -> httpx.Response:
        if lean_call(self, url, content, timeout, other):
            request = build(self, self._urls, method, url, content, headers, params, timeout)
            if self._transport_for_url(request.url) in self._lean_transports:
                return await send_async(self, request)
        return await super().request(
            method, url, content=content, headers=headers, params=params, timeout=timeout, **other
        )


class LeanAsyncClient(LeanAsyncRequests):
    """An ``httpx.AsyncClient`` over httpx's own pool, its runtime calls taking ``send_async``."""

    LEAN_TRANSPORTS = (httpx.AsyncHTTPTransport,)
