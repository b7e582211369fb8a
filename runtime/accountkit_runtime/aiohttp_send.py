"""The aiohttp client's request path: httpx's steps for one call, without the layers that only cost time.

A call over ``httpx.AsyncClient`` goes through ``build_request`` (the URL parsed and joined to the
base URL anew every time), ``send``, ``_send_handling_auth``, ``_send_handling_redirects`` and
``_send_single_request``; on a fast transport that machinery takes as long as aiohttp's own work. The
client made by ``connect(async_transport="aiohttp")`` (``aiohttp_transport``) sends the requests the
runtime makes (``transport.send_async``: method, URL, headers, content bytes, query, timeout) through
``request`` here instead, which takes the same steps in the same order:

- the URL joined to the base URL once per path (``_Urls``), then the call's query merged as httpx does;
- the client's headers and cookies merged into the request as ``build_request`` merges them;
- the client's auth flow driven as ``_send_handling_auth`` drives it (token and login requests included);
- per request: the event hooks (the runtime's: ``Accept-Encoding``, the redirect origin check, the
  size cap; then the caller's), the transport, the cookie jar, httpx's ``HTTP Request:`` log line
  (filtered by ``redaction.guard_logs`` like httpx's own), ``next_request`` for a redirect;
- the body read before the response is returned, by httpx's own ``Response.aread`` (decoding, cap).

Anything else the call asks for (another keyword, ``follow_redirects``, a mounted transport that is
not aiohttp's) takes httpx's own path, unchanged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import httpx
from httpx._client import ClientState

_httpx_log = logging.getLogger("httpx")


class Urls:
    """Request URLs joined to a client's base URL, kept per path string.

    httpx parses and joins the URL on every request; the paths of one API are few (a path parameter
    makes more of them, hence the bound: past it the cache starts over).
    """

    LIMIT = 1024

    def __init__(self) -> None:
        self._joined: dict[str, httpx.URL] = {}

    def join(self, client: httpx.AsyncClient, url: str) -> httpx.URL:
        joined = self._joined.get(url)
        if joined is None:
            if len(self._joined) >= self.LIMIT:
                self._joined.clear()
            joined = self._joined[url] = client._merge_url(url)
        return joined


def build(
    client: httpx.AsyncClient,
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
    return httpx.Request(
        method,
        urls.join(client, url),
        content=content,
        params=query if query else None,
        headers=merged,
        cookies=cookies if cookies else None,
        extensions={"timeout": timeout.as_dict()},
    )


async def send(client: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    """``client.send(request)`` for a client that follows no redirects: auth flow, hooks, transport, body."""
    if client._state == ClientState.CLOSED:
        raise RuntimeError("Cannot send a request, as the client has been closed.")
    client._state = ClientState.OPENED
    auth = client._build_request_auth(request)
    flow = auth.async_auth_flow(request)
    history: list[httpx.Response] = []
    try:
        request = await flow.__anext__()
        while True:
            response = await _send_one(client, request, history)
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


async def _send_one(client: httpx.AsyncClient, request: httpx.Request, history: list[httpx.Response]) -> httpx.Response:
    """One request, as ``_send_handling_redirects`` and ``_send_single_request`` send it without following."""
    hooks = client._event_hooks
    for hook in hooks["request"]:
        await hook(request)
    transport = client._transport_for_url(request.url)
    start = time.perf_counter()
    response = await transport.handle_async_request(request)
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
    try:
        for hook in hooks["response"]:
            await hook(response)
        response.history = list(history)
        if response.has_redirect_location:
            response.next_request = client._build_redirect_request(request, response)
    except BaseException:
        await response.aclose()
        raise
    return response
