"""The httpx clients behind one accountkit client: one for sync calls, one per event loop, new ones after a fork.

- Per event loop: an ``httpx.AsyncClient``'s connections belong to the loop that opened them, so a
  second ``asyncio.run()`` (or another thread's loop) gets a pool of its own instead of the dead
  loop's (``RuntimeError('Event loop is closed')``), which is never awaited again (see ``loops``).
- Per process: in a forked child the pools start empty (see ``forks``); the parent's sockets are
  left to the parent, so neither process can read the other's responses.
- A pool closed by ``close()`` or by leaving ``with client:`` / ``async with client:`` is replaced by
  a new one on the next call.

A client set with ``set_httpx_client`` / ``set_async_httpx_client`` is the caller's own: it is used
as it is, everywhere, and never replaced.

Every httpx client made here carries the runtime's event hooks, for every request it sends (token
and login requests of the auth flows included): ``Accept-Encoding`` limited to what ``decoding``
decodes, redirects to other origins refused (``redirects``), response bodies decoded under the size
cap (``decoding``). Sync clients also get sockets bounded by the call's deadline (``network``).

Async clients send over httpx's own pool, or over aiohttp when the client was made with
``connect(async_transport="aiohttp")`` (``aiohttp_transport``, the ``aiohttp`` extra): one aiohttp
session per ``httpx.AsyncClient``, so per event loop and per process all the same.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from typing import Any

import httpx

from . import cookies, decoding, forks, lean, network, redirects
from .errors import ConfigurationError
from .loops import PerLoop
from .settings import ClientSettings

ASYNC_TRANSPORTS = ("httpx", "aiohttp")


def check_async_transport(name: object) -> None:
    """Refuse an unknown async transport, or ``"aiohttp"`` without its extra installed, naming the fix."""
    if name not in ASYNC_TRANSPORTS:
        raise ConfigurationError(
            f"async_transport must be one of {', '.join(map(repr, ASYNC_TRANSPORTS))}, not {name!r}"
        )
    if name == "aiohttp":
        _aiohttp_transport()


def _aiohttp_transport() -> Any:
    try:
        return importlib.import_module(f"{__package__}.aiohttp_transport")
    except ImportError as exc:
        raise ConfigurationError(
            f"async_transport='aiohttp' needs the aiohttp extra ({exc.name or 'aiohttp'} is not installed): "
            "pip install 'accountkit-runtime[aiohttp]', or '<client package>[aiohttp]'"
        ) from None


class ConnectionPools:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sync: httpx.Client | None = None
        self._sync_given = False
        self._async: PerLoop[httpx.AsyncClient] = PerLoop(dropped=_abandon)
        self._async_given: httpx.AsyncClient | None = None
        forks.renew_in_child(self)

    def sync(self, make: Callable[[], httpx.Client]) -> httpx.Client:
        client = self._sync
        if client is None or (client.is_closed and not self._sync_given):
            with self._lock:
                client = self._sync
                if client is None or (client.is_closed and not self._sync_given):
                    client = self._sync = make()
        return client

    def use_sync(self, client: httpx.Client) -> None:
        with self._lock:
            self._sync, self._sync_given = client, True

    def for_running_loop(self, make: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
        if self._async_given is not None:
            return self._async_given
        return self._async.get(make, usable=lambda client: not client.is_closed)

    def use_async(self, client: httpx.AsyncClient) -> None:
        self._async_given = client

    def close(self) -> None:
        """Close the sync pool."""
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        """Close the running loop's pool."""
        client = self._async_given or self._async.peek()
        if client is not None:
            await client.aclose()

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        if not self._sync_given:
            self._sync = None
        # The parent's async clients stay the parent's: kept, never used or closed here (an aiohttp
        # session collected unclosed would report itself on the parent's loop).
        self._inherited, self._async = self._async, PerLoop(dropped=_abandon)


def sync_client(httpx_settings: dict[str, Any], settings: ClientSettings) -> httpx.Client:
    arguments = {**httpx_settings, "event_hooks": _hooks(httpx_settings.get("event_hooks"), settings, False)}
    client = lean.LeanClient(**arguments)
    network.bound_by_call_deadlines(client)
    cookies.keep_only_sendable(client.cookies)
    return client


def async_client(httpx_settings: dict[str, Any], settings: ClientSettings) -> httpx.AsyncClient:
    arguments = {**httpx_settings, "event_hooks": _hooks(httpx_settings.get("event_hooks"), settings, True)}
    client: httpx.AsyncClient
    if settings.async_transport == "aiohttp":
        client = _aiohttp_transport().async_client(arguments)
    else:
        check_async_transport(settings.async_transport)
        client = lean.LeanAsyncClient(**arguments)
    cookies.keep_only_sendable(client.cookies)
    return client


def _abandon(client: httpx.AsyncClient) -> None:
    """An async client whose event loop has closed: let its aiohttp sessions go quietly (httpx's need nothing)."""
    module = sys.modules.get(f"{__package__}.aiohttp_transport")
    if module is not None:  # else no client sends over aiohttp
        module.abandon(client)


def _hooks(given: dict[str, list[Any]] | None, settings: ClientSettings, asynchronous: bool) -> dict[str, list[Any]]:
    """The runtime's request and response hooks first, then the caller's own (``httpx_args["event_hooks"]``)."""
    vendor = settings.vendor.name

    def describe(response: httpx.Response) -> str:
        request = response.request
        return f"{vendor} {request.method} {settings.redactor.url(str(request.url))}"

    def on_request(request: httpx.Request) -> None:
        decoding.limit_accept_encoding(request)

    def on_response(response: httpx.Response) -> None:
        redirects.refuse_other_origins(response, vendor)
        decoding.cap_response(response, settings.max_response_bytes, describe, asynchronous=asynchronous)

    async def on_request_async(request: httpx.Request) -> None:
        on_request(request)

    async def on_response_async(response: httpx.Response) -> None:
        on_response(response)

    given = given or {}
    return {
        "request": [on_request_async if asynchronous else on_request, *given.get("request", [])],
        "response": [on_response_async if asynchronous else on_response, *given.get("response", [])],
    }
