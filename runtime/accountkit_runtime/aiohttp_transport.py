"""Async calls over aiohttp: the optional fast transport (``accountkit-runtime[aiohttp]``).

httpx's own async connection pool is the slow part of a bulk job: on one loopback server an
``httpx.AsyncClient`` sends several times fewer requests a second than the same client over
aiohttp. ``connect(async_transport="aiohttp")`` keeps everything above the transport as it is (the
``httpx.AsyncClient``, its auth flows, event hooks, retries, deadlines, size cap, redirect checks,
redaction) and swaps only what moves the bytes: httpx-aiohttp's ``AiohttpTransport``, one aiohttp
session per ``httpx.AsyncClient``, so one per event loop and per process like httpx's pools
(``pools``). Sync calls stay on httpx.

httpx-aiohttp is used for its session set-up (TLS context, connection limits, keep-alive, proxy);
``AccountkitAiohttpTransport`` sends each request and streams each body itself, because the
library's way would change what goes on the wire and what fails how:

- the URL is handed to aiohttp as already encoded: given as text, yarl re-quotes it, and a path
  segment ``%2E%2E`` (how ``encoding.path_segment`` sends ``..``) becomes ``..`` and is removed with
  the segment before it, changing the endpoint;
- the session keeps no cookies (httpx does, once): aiohttp's own jar would send a cookie httpx
  never saw, and keep one after ``client.close()``;
- no redirects, no decompression, no compression by aiohttp: httpx's redirect handling runs the
  runtime's origin check on every hop, and ``decoding`` decodes bodies under the size cap;
- every aiohttp failure becomes the httpx exception that means the same (httpx-aiohttp maps any
  dropped connection to ``ConnectTimeout``, and lets a malformed response through as aiohttp's own
  ``ClientResponseError``), with a message that never includes the URL, whose query may hold a token;
  a server that hangs up before the whole answer came reads as on httpx, in httpx's words.

The requests the runtime sends skip most of ``httpx.AsyncClient``'s own layers (``lean``):
on this transport they cost as much time as aiohttp itself.

Deadlines need nothing here: ``transport`` runs every async call inside ``asyncio.timeout``, which
ends a dripped body or endless headers over aiohttp as over httpx.
"""

from __future__ import annotations

import atexit
import re
import ssl
import weakref
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
import yarl
from aiohttp.http_exceptions import ContentLengthError, TransferEncodingError
from httpx_aiohttp import AiohttpTransport, HttpxAiohttpClient

from . import lean

# The most specific aiohttp class first: the first match names the httpx exception.
_FAILURES: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),
    (aiohttp.SocketTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (aiohttp.ClientProxyConnectionError, httpx.ProxyError),
    (aiohttp.ClientHttpProxyError, httpx.ProxyError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientOSError, httpx.ReadError),
    (aiohttp.ClientError, httpx.ReadError),
)


# httpx's (h11's) words for a server that hung up early; the same failure reads the same on either transport.
_NO_RESPONSE = "Server disconnected without sending a response."
_BODY_CUT = "peer closed connection without sending complete message body"
_RECEIVED = re.compile(r"received (\d+) of (\d+) bytes")
_TOO_LONG = re.compile(r"Got more than (\d+) bytes when reading")  # aiohttp's LineTooLong


def _cut_short(exc: BaseException) -> str | None:
    """httpx's message for a connection that ended before the whole answer came, None for another failure."""
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return _NO_RESPONSE
    cause = exc.__cause__
    if isinstance(exc, aiohttp.ClientPayloadError) and isinstance(cause, TransferEncodingError):
        return f"{_BODY_CUT} (incomplete chunked read)"
    if isinstance(exc, aiohttp.ClientPayloadError) and isinstance(cause, ContentLengthError):
        counts = _RECEIVED.search(str(cause))
        return f"{_BODY_CUT} (received {counts[1]} bytes, expected {counts[2]})" if counts else _BODY_CUT
    return None


# The longest status or header line read: httpcore's bound on a response's head (its
# MAX_INCOMPLETE_EVENT_SIZE), so a header httpx reads (a long cookie, a policy) is read over aiohttp too,
# where the default is 8190 bytes. aiohttp's bound on the number of header lines (128) keeps the head
# bounded in memory.
MAX_HEADER_LINE = 100 * 1024


def _describe(exc: BaseException) -> str:
    """The failure in words, without the URL some aiohttp errors print (its query may hold a token)."""
    cut_short = _cut_short(exc)
    if cut_short is not None:
        return cut_short
    if isinstance(exc, aiohttp.ClientResponseError):
        too_long = _TOO_LONG.match(str(exc.message))
        if too_long:  # aiohttp quotes the line's first 100 bytes: a secret cut there could not be masked
            return f"{type(exc).__name__}: a line of the response's head is longer than {too_long[1]} bytes"
        return f"{type(exc).__name__}: {exc.message}"
    if isinstance(exc, aiohttp.InvalidURL):
        return f"{type(exc).__name__}: the URL is not valid"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"{type(exc).__name__}: cannot connect to {exc.host}:{exc.port} ({exc.os_error.strerror or exc})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _as_httpx(exc: BaseException, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx exception for an aiohttp failure (or for httpx-aiohttp's own mapping of one); None otherwise."""
    cause = exc.__cause__ if isinstance(exc, httpx.TransportError) and exc.__cause__ is not None else exc
    for aiohttp_class, httpx_class in _FAILURES:
        if isinstance(cause, aiohttp_class):
            return httpx_class(_describe(cause), request=request)
    return None


class _mapped:  # noqa: N801 - used as a function, a class for speed (it runs on every request)
    """Within ``with _mapped(request)``, an aiohttp failure is raised as the httpx exception for it."""

    __slots__ = ("_request",)

    def __init__(self, request: httpx.Request) -> None:
        self._request = request

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, traceback: Any) -> None:
        if isinstance(exc, (aiohttp.ClientError, httpx.TransportError)):
            mapped = _as_httpx(exc, self._request)
            if mapped is not None:
                raise mapped from None


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, its failures mapped like the request's.

    What httpx-aiohttp's ``AiohttpResponseStream`` does, in one layer instead of two.
    """

    CHUNK_SIZE = 16 * 1024

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response, self._request = response, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped(self._request):
            async for chunk in self._response.content.iter_chunked(self.CHUNK_SIZE):
                yield chunk

    def read_now(self) -> bytes | None:
        """The whole body if it has all arrived (a small one comes with the head), else None (nothing read)."""
        content = self._response.content
        if not content.is_eof():
            return None
        with _mapped(self._request):  # a failure aiohttp recorded is raised, mapped
            return content.read_nowait()

    async def aclose(self) -> None:
        with _mapped(self._request):
            await self._response.__aexit__(None, None, None)


class AccountkitAiohttpTransport(AiohttpTransport):
    """httpx-aiohttp's transport, sending each request as the runtime needs (see the module's docstring)."""

    def get_client(self) -> aiohttp.ClientSession:
        _OPEN.add(self)
        limits = self.limits
        connector = aiohttp.TCPConnector(
            limit=limits.max_connections or 0,
            keepalive_timeout=limits.keepalive_expiry,
            ssl=self.ssl_context,
            local_addr=(self.local_address, 0) if self.local_address else None,
        )
        return aiohttp.ClientSession(
            connector=connector,
            max_line_size=MAX_HEADER_LINE,
            max_field_size=MAX_HEADER_LINE,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,
            trust_env=False,  # httpx reads the proxy settings of the environment (trust_env) itself
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        timeout = request.extensions.get("timeout", {})
        try:
            data: Any = request.content or None
        except httpx.RequestNotRead:
            if isinstance(request.stream, httpx.ByteStream):
                # A body already in memory, handed on as a stream: httpx does so for a redirect it follows.
                # Given as a stream, aiohttp would send it chunked, a body even on a GET that had none.
                data = await request.aread() or None
            else:
                data = request.stream
                request.headers.pop("transfer-encoding", None)  # aiohttp chunks a stream itself
        proxy = self.proxy
        with _mapped(request):
            response = await self.client.request(
                method=request.method,
                url=yarl.URL(str(request.url), encoded=True),
                headers=list(request.headers.multi_items()),
                data=data,
                allow_redirects=False,
                auto_decompress=False,
                compress=False,
                timeout=aiohttp.ClientTimeout(
                    sock_connect=timeout.get("connect"), sock_read=timeout.get("read"), connect=timeout.get("pool")
                ),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=str(proxy.url) if proxy else None,
                proxy_auth=aiohttp.BasicAuth(*proxy.auth) if proxy and proxy.auth else None,
                proxy_headers=proxy.headers if proxy else None,
            ).__aenter__()
        # The server's own reason phrase, none when it sent none: without it httpx would show its own words.
        reason = (response.reason or "").encode("latin-1", "replace")
        extensions = {"http_version": b"HTTP/1.1", "reason_phrase": reason}
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_ResponseStream(response, request),
            request=request,
            extensions=extensions,
        )

    def abandon(self) -> None:
        """Forget the session of an event loop that has closed, without aiohttp reporting it unclosed.

        Nothing can be awaited on a closed loop; its connector, marked closed, lets go of its connections.
        """
        session = self.client
        connector = session.connector if isinstance(session, aiohttp.ClientSession) else None
        if connector is not None and not connector.closed:
            connector._close()


# The transports that have opened a session: at exit, those never closed are let go of quietly (``abandon``),
# as an httpx client never closed goes, instead of aiohttp reporting each "Unclosed client session".
_OPEN: weakref.WeakSet[AccountkitAiohttpTransport] = weakref.WeakSet()


@atexit.register
def _abandon_open_sessions() -> None:
    for transport in list(_OPEN):
        transport.abandon()


class _AsyncClient(lean.LeanAsyncRequests, HttpxAiohttpClient):
    """An ``httpx.AsyncClient`` whose transports, proxies' included, are ``AccountkitAiohttpTransport``.

    The requests the runtime sends take ``lean``'s path (httpx's steps, fewer layers); any other use
    of the client is httpx's own.
    """

    LEAN_TRANSPORTS = (AccountkitAiohttpTransport,)

    def _init_transport(
        self,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20),  # noqa: B008
        transport: httpx.AsyncBaseTransport | None = None,
        **kwargs: Any,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        return AccountkitAiohttpTransport(verify=verify, cert=cert, trust_env=trust_env, http2=http2, limits=limits)

    def _init_proxy_transport(
        self,
        proxy: httpx.Proxy,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20),  # noqa: B008
        **kwargs: Any,
    ) -> httpx.AsyncBaseTransport:
        return AccountkitAiohttpTransport(
            verify=verify, cert=cert, trust_env=trust_env, http2=http2, limits=limits, proxy=proxy
        )


def async_client(arguments: dict[str, Any]) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` with these arguments, sending over aiohttp."""
    return _AsyncClient(**arguments)


def abandon(client: httpx.AsyncClient) -> None:
    """Let go of the aiohttp sessions of ``client``, whose event loop has closed (see ``loops``)."""
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        if isinstance(transport, AccountkitAiohttpTransport):
            transport.abandon()
