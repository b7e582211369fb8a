"""The client object every operation of every accountkit client takes: base URL, httpx settings, auth, settings.

Nothing in it is specific to one API, so it lives here once; each client package's ``client`` module
re-exports it, and its ``connect()`` (the vendor module) makes one with the vendor's credentials, auth,
timeouts and retries. The generated operations and the vendor code thereby share one typed interface.

One client serves sync calls, async calls from any number of event loops (one after another or at
once) and threads; in a forked child it opens connections of its own (see ``pools``). It pickles as
its configuration, never with sockets, locks, tokens or secrets (see ``pickling``).
"""

from __future__ import annotations

import ssl
from dataclasses import replace
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from . import pickling, pools
from .options import check_max_retries, check_timeout
from .pickling import Configuration
from .pools import ConnectionPools
from .settings import ClientSettings

__all__ = ["AuthenticatedClient", "Client"]


@define
class Client:
    """Settings and connection pools for calls to one API.

    ``base_url``: the API root every operation path is appended to. ``headers`` / ``cookies``: sent
    with every request. ``timeout``: an ``httpx.Timeout``. ``verify_ssl``: TLS verification (keep it
    on). ``httpx_args``: extra ``httpx.Client`` arguments (``auth`` is how credentials are attached).
    ``settings``: retries, error parsing, redaction and logging (see ``settings``).
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    settings: ClientSettings = field(factory=ClientSettings, kw_only=True)
    # How connect() made this client (what a pickle carries instead of the client's live state).
    _configuration: Configuration | None = field(default=None, kw_only=True, alias="configuration", repr=False)
    _pools: ConnectionPools = field(factory=ConnectionPools, init=False, repr=False)

    @property
    def max_retries(self) -> int:
        return self.settings.max_retries

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A new client like this one with additional headers (connection pools are not shared)."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A new client like this one with additional cookies (connection pools are not shared)."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """A new client like this one with another timeout (connection pools are not shared)."""
        check_timeout(timeout)
        return evolve(self, timeout=timeout)

    def with_options(
        self,
        *,
        max_retries: int | None = None,
        timeout: httpx.Timeout | None = None,
        max_response_bytes: int | None = None,
        async_transport: str | None = None,
    ) -> Self:
        """A new client with other retry, timeout, response size or async transport defaults, sharing auth state."""
        check_max_retries(max_retries)
        check_timeout(timeout)
        settings = self.settings
        if async_transport is not None:
            pools.check_async_transport(async_transport)
            settings = replace(settings, async_transport=async_transport)
        if max_retries is not None:
            settings = replace(settings, max_retries=max_retries)
        if max_response_bytes is not None:
            settings = replace(settings, max_response_bytes=max_response_bytes)
        return evolve(self, settings=settings, timeout=timeout if timeout is not None else self._timeout)

    def _httpx_settings(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use your own httpx.Client (its settings replace this object's, auth included).

        It is used as it is: without the response size cap, redirect checks and socket deadlines of
        the clients made here, and never replaced (not after a fork either).
        """
        self._pools.use_sync(client)
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, created on first use (and again after ``close()`` or a fork)."""
        return self._pools.sync(lambda: pools.sync_client(self._httpx_settings(), self.settings))

    def __enter__(self) -> Self:
        # Not httpx's __enter__: it refuses a client that has sent requests already.
        self.get_httpx_client()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the sync connection pool (the async ones are closed with ``aclose``)."""
        self._pools.close()

    async def aclose(self) -> None:
        """Close the running event loop's connection pool."""
        await self._pools.aclose()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use your own httpx.AsyncClient (its settings replace this object's, auth included).

        It is used as it is, from every event loop: keep to the loop it belongs to.
        """
        self._pools.use_async(async_client)
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The running event loop's httpx.AsyncClient, created on first use in that loop."""
        return self._pools.for_running_loop(lambda: pools.async_client(self._httpx_settings(), self.settings))

    async def __aenter__(self) -> Self:
        self.get_async_httpx_client()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        await self.aclose()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by configuration: ``connect()`` runs again in the process that unpickles."""
        return pickling.reduce_client(self)

    def __copy__(self) -> Self:
        """A client like this one, sharing its auth state, with pools of its own."""
        return evolve(self)


@define
class AuthenticatedClient(Client):
    """A ``Client`` carrying credentials (as an ``httpx.Auth`` in ``httpx_args``); what ``connect()`` returns."""
