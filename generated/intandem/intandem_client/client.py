"""The client object every operation takes: base URL, httpx settings, auth and runtime settings.

Make one with ``intandem_client.connect()``, which fills in credentials, auth, timeouts and retries.
"""

import ssl
from dataclasses import replace
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from ._runtime.settings import ClientSettings


@define
class Client:
    """Settings and connection pools for calls to this API.

    ``base_url``: the API root every operation path is appended to. ``headers`` / ``cookies``: sent
    with every request. ``timeout``: an ``httpx.Timeout``. ``verify_ssl``: TLS verification (keep it
    on). ``httpx_args``: extra ``httpx.Client`` arguments (``auth`` is how credentials are attached).
    ``settings``: retries, error parsing, redaction and logging (see ``_runtime.settings``).
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
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

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
        return evolve(self, timeout=timeout)

    def with_options(self, *, max_retries: int | None = None, timeout: httpx.Timeout | None = None) -> Self:
        """A new client with other retry/timeout defaults, sharing auth state with this one."""
        settings = self.settings if max_retries is None else replace(self.settings, max_retries=max_retries)
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
        """Use your own httpx.Client (its settings replace this object's, auth included)."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, created on first use."""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_settings())
        return self._client

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.get_httpx_client().__exit__(*args, **kwargs)

    def close(self) -> None:
        """Close the sync connection pool (the async one is closed with ``aclose``)."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use your own httpx.AsyncClient (its settings replace this object's, auth included)."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, created on first use."""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_settings())
        return self._async_client

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A ``Client`` carrying credentials (as an ``httpx.Auth`` in ``httpx_args``); what ``connect()`` returns."""
