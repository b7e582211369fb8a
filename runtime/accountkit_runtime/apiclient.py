"""What every client object shares: ``PortaBilling`` / ``AsyncPortaBilling``, ``Octopush`` / ``AsyncOctopush``, ...

Each client package generates one sync and one async client object (``<package>.client``) that wraps one
configured client, made by the package's ``connect()`` with the same arguments and environment
variables, and groups the operations by the spec's tags as resources (``<package>.resources``):
``pb.account.update_account(params=...)`` calls the operation's module function
(``<package>.api.account.update_account.sync``) with that client. What is not one API's lives here:

- **Per-call options.** Every method takes ``extra_headers``, ``extra_query``, ``extra_body``,
  ``timeout``, ``max_retries`` and ``max_response_bytes`` keyword arguments, and ``request_options``;
  ``call_options`` merges them over the object's defaults into the one ``RequestOptions`` the call is
  sent with. New ``RequestOptions`` fields become keyword arguments by adding them to the generated
  methods (``resources.py.jinja``): ``call_options`` takes any of its fields.
- **``with_options()``** returns a copy with other defaults (timeout, retries, size cap, headers) that
  shares this one's connection pools and auth state (one login, one token for both), as Stainless
  SDKs' ``with_options`` does: the defaults travel with each call, not in the pools.
- **Closing.** ``close()`` or ``with`` for the sync object, ``aclose()`` or ``async with`` for the async
  one. A copy from ``with_options()`` shares the pools, so closing either closes them for both (a
  later call opens new ones).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

import httpx

from .client import AuthenticatedClient
from .encoding import json_form
from .errors import RequestValidationError
from .options import RequestOptions

__all__ = ["ApiClient", "AsyncApiClient", "Resource", "SyncApiClient", "build", "call_options", "json_form"]

M = TypeVar("M")


def _given(options: RequestOptions | None) -> dict[str, Any]:
    if options is None:
        return {}
    return {field.name: getattr(options, field.name) for field in dataclasses.fields(options)}


def call_options(*layers: RequestOptions | None, **keywords: Any) -> RequestOptions | None:
    """One call's ``RequestOptions``: ``layers`` in order, then ``keywords`` (``RequestOptions`` field names).

    A later value replaces an earlier one; ``None`` (and an empty mapping) means "not given here".
    Mappings (``extra_headers``) are merged key by key, the later winning. ``None`` when nothing at all
    was given, so that the call takes the client's settings as they are. Values are checked as
    ``RequestOptions`` checks them (a negative retry count, a header with CR/LF: ``ValueError`` or
    ``ConfigurationError`` before anything is sent).
    """
    merged: dict[str, Any] = {}
    for layer in (*map(_given, layers), keywords):
        for name, value in layer.items():
            if isinstance(value, Mapping):
                if value:
                    merged[name] = {**merged.get(name, {}), **value}
            elif value is not None:
                merged[name] = value
    return RequestOptions(**merged) if merged else None


def build(operation: str, name: str, from_dict: Callable[[Any], M], value: Any) -> M:
    """The attrs model ``from_dict`` makes of ``value`` (a dict in the model's JSON form, models inside).

    A method takes a request's fields as keyword arguments, each the attrs model or its dict; they are
    gathered into the one request model here, so a misspelt or missing key at any depth is the
    ``RequestValidationError`` a closed model's ``from_dict`` raises, and a value of the wrong shape
    (a string where an object belongs) is one too, naming ``name``, never a bare ``TypeError``.
    """
    try:
        return from_dict(json_form(value))
    except RequestValidationError:
        raise
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        raise RequestValidationError(
            operation, [(name, f"not the shape the spec describes ({type(exc).__name__})")]
        ) from None


class ApiClient:
    """A configured client (``connect()``'s) with the defaults every call of this object is sent with."""

    def __init__(self, client: AuthenticatedClient, defaults: RequestOptions | None = None) -> None:
        self._client = client
        self._defaults = defaults

    @classmethod
    def from_client(cls, client: AuthenticatedClient) -> Self:
        """Wrap a client already made with the package's ``connect()``."""
        api = cls.__new__(cls)
        ApiClient.__init__(api, client)
        return api

    @property
    def client(self) -> AuthenticatedClient:
        """The configured client underneath: what the module functions (``<package>.api...``) take."""
        return self._client

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        max_response_bytes: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy whose calls have these defaults, sharing this object's connection pools and auth state.

        ``timeout`` (seconds or an ``httpx.Timeout``) bounds each whole call, ``max_retries`` and
        ``max_response_bytes`` replace the client's, ``default_headers`` go with every call. What a
        call passes itself still wins. Options not given keep this object's defaults.
        """
        defaults = call_options(
            self._defaults,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            extra_headers=default_headers,
        )
        api = type(self).from_client(self._client)
        api._defaults = defaults
        return api

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._client._base_url!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The client pickles as its configuration (or refuses, naming what to change: see ``pickling``).
        return (_rebuild, (type(self), self._client, self._defaults))


def _rebuild(cls: type[ApiClient], client: AuthenticatedClient, defaults: RequestOptions | None) -> ApiClient:
    api = cls.from_client(client)
    api._defaults = defaults
    return api


class SyncApiClient(ApiClient):
    """The base of a package's sync client object: closed with ``close()`` or by leaving ``with``."""

    def close(self) -> None:
        """Close the connection pool of sync calls (a later call opens a new one)."""
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


class AsyncApiClient(ApiClient):
    """The base of a package's async client object: closed with ``aclose()`` or by leaving ``async with``."""

    async def aclose(self) -> None:
        """Close the running event loop's connection pool (a later call opens a new one)."""
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()


class Resource:
    """The operations of one tag of the spec, sent with a client object's client and defaults."""

    def __init__(self, api: ApiClient) -> None:
        self._api = api

    @property
    def _client(self) -> AuthenticatedClient:
        return self._api._client

    def _options(self, request_options: RequestOptions | None, **keywords: Any) -> RequestOptions | None:
        """The call's options: the object's defaults, then ``request_options``, then the keyword arguments."""
        return call_options(self._api._defaults, request_options, **keywords)
