"""Building a configured client: arguments first, environment variables second, clear errors otherwise.

Each client package's ``connect()`` (``<package>._connect``, generated from the spec) resolves its
credentials with ``credential``, has its vendor module (``<package>._vendor``) build the auth flow, and
hands both to ``build_client``, which applies the shared rules: the base URL (argument,
``<API>_BASE_URL``, or the spec's default server), TLS verification on, plain ``http://`` only to
loopback unless explicitly allowed, default timeouts and retries.
"""

from __future__ import annotations

import inspect
import ipaddress
import logging
import os
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from . import cookies
from .client import AuthenticatedClient
from .encoding import check_headers
from .errors import ConfigurationError
from .options import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, as_timeout, check_max_retries, check_timeout
from .pools import check_async_transport
from .redaction import Redactor, guard_logs
from .settings import ClientSettings, VendorProfile

# What async calls go over when connect() is not told: httpx's own pool, which needs no extra.
DEFAULT_ASYNC_TRANSPORT = "httpx"


def credential(
    argument: str, value: str | None, env_var: str, *, required: bool = True, header: bool = False
) -> str | None:
    """``value`` if given, else the environment variable; a missing required one is a clear error.

    The value is checked (``check_credential``) and refused naming the argument or the variable it came
    from; ``header``: it travels in an HTTP header, so it must also be ASCII.
    """
    source = None
    if value is None:
        value = os.environ.get(env_var) or None
        source = env_var
    if value is None and required:
        raise ConfigurationError(f"missing credential: pass {argument}=... to connect() or set {env_var}")
    if value is not None:
        check_credential(argument, value, source=source, header=header)
    return value


def check_credential(argument: str, value: object, *, source: str | None = None, header: bool = False) -> None:
    """Refuse a credential that no server could accept, naming where it came from and never its value.

    Leading or trailing whitespace and control characters are nearly always a copy-paste or file-reading
    accident (a newline read along with the token); sent as they are, every call would fail later, with the
    secret in the server's error text.
    """
    where = f"{argument} (from {source})" if source else argument
    if not isinstance(value, str):
        raise ConfigurationError(f"{where} must be a str, not {type(value).__name__}")
    problem = None
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") for char in value):
        problem = "contains a control character (a newline, tab, NUL, ...) or a lone surrogate"
    elif value != value.strip() or value.startswith("\ufeff") or value.endswith("\ufeff"):
        problem = "has leading or trailing whitespace"
    elif header and not value.isascii():
        problem = "contains a non-ASCII character, which cannot be sent in an HTTP header"
    if problem:
        raise ConfigurationError(f"{where} {problem}; the value is not shown")


def resolve_base_url(value: str | None, env_var: str, default: str | None) -> str:
    """The base URL from the argument, the environment variable or the default, checked before use.

    A URL carrying ``user:password@`` is refused: that password would travel in every request line and
    show in every log of the URL; credentials are ``connect()`` arguments.
    """
    if value == "":  # an unset variable read with a default of "": not a request for the default server
        raise ConfigurationError(f"base_url is empty: pass the API's URL, or leave it out to use {env_var}")
    source = "base_url" if value else f"base_url (from {env_var})" if os.environ.get(env_var) else "base_url"
    url = value or os.environ.get(env_var) or default
    if not url:
        raise ConfigurationError(
            f"missing base URL: this API runs on the customer's own host; pass base_url=... or set {env_var}"
        )
    if not isinstance(url, str):
        raise ConfigurationError(f"{source} must be a str, not {type(url).__name__}")
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") or char.isspace() for char in url):
        raise ConfigurationError(f"{source} contains whitespace or a control character; the value is not shown")
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        raise ConfigurationError(f"{source} is not a valid URL; the value is not shown") from None
    if "@" in netloc:
        raise ConfigurationError(
            f"{source} contains credentials (user:password@host); pass them as connect() arguments instead "
            "(the URL is not shown)"
        )
    return url.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_scheme(base_url: str, allow_insecure_http: bool) -> None:
    try:
        parts = urlsplit(base_url)
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        raise ConfigurationError("base_url is not a valid URL; the value is not shown") from None
    if parts.scheme not in ("https", "http") or not hostname:
        raise ConfigurationError(f"base_url must be an absolute http(s) URL, got {Redactor().url(base_url)!r}")
    if parts.query or parts.fragment or base_url.endswith(("?", "#")):
        # Every path is appended to the base URL as text: after a query, it would land inside the query.
        raise ConfigurationError("base_url must not have a query (?...) or a fragment (#...); the value is not shown")
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(hostname):
        raise ConfigurationError(
            f"refusing plain http:// to {hostname}: credentials would travel unencrypted; "
            "use https://, or pass allow_insecure_http=True if you really mean it"
        )


# What httpx_args may name: the arguments both httpx.Client and httpx.AsyncClient take (they are given to each).
_HTTPX_ARGUMENTS = frozenset(inspect.signature(httpx.Client).parameters) & frozenset(
    inspect.signature(httpx.AsyncClient).parameters
)


def check_flag(argument: str, value: object) -> None:
    """Refuse a switch that is not a bool: ``allow_insecure_http="false"`` is a true string, which would
    turn the protection off while saying the opposite."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{argument} must be True or False, not {type(value).__name__}")


def check_httpx_args(httpx_args: object) -> dict[str, Any]:
    """``httpx_args`` as a new dict, refused if it is not a mapping of arguments httpx's clients take.

    A misspelt name would otherwise pass ``connect()`` and fail on the first call, as a bare ``TypeError``
    from inside httpx.
    """
    if httpx_args is None:
        return {}
    if not isinstance(httpx_args, Mapping):
        kind = type(httpx_args).__name__
        raise ConfigurationError(f"httpx_args must be a dict of httpx.Client arguments, not {kind}")
    unknown = sorted(repr(name) for name in httpx_args if name not in _HTTPX_ARGUMENTS)
    if unknown:
        raise ConfigurationError(f"httpx_args has arguments httpx.Client does not take: {', '.join(unknown)}")
    return dict(httpx_args)


def build_client(
    *,
    vendor: VendorProfile,
    package: str,
    base_url: str,
    auth: httpx.Auth | None,
    redactor: Redactor,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    validate_requests: bool = True,
    async_transport: str | None = None,
    allow_insecure_http: bool,
    httpx_args: dict[str, Any] | None,
) -> AuthenticatedClient:
    """The ``AuthenticatedClient`` that ``connect()`` returns: ``package`` names its logger.

    ``async_transport``: what async calls are sent over, ``"httpx"`` (the default, ``DEFAULT_ASYNC_TRANSPORT``)
    or ``"aiohttp"`` (the ``aiohttp`` extra, see ``aiohttp_transport``); sync calls always use httpx.
    """
    check_flag("allow_insecure_http", allow_insecure_http)
    check_flag("validate_requests", validate_requests)
    check_scheme(base_url, allow_insecure_http)
    transport = DEFAULT_ASYNC_TRANSPORT if async_transport is None else async_transport
    check_async_transport(transport)
    try:
        check_max_retries(max_retries)
        check_timeout(timeout)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None
    settings = ClientSettings(
        vendor=vendor,
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        validate_requests=validate_requests,
        async_transport=transport,
        redactor=redactor,
        logger=logging.getLogger(package),
    )
    guard_logs(redactor, settings.logger)
    args = check_httpx_args(httpx_args)
    if args.get("headers"):
        check_headers("httpx_args['headers']", args["headers"])
    if args.get("cookies"):
        cookies.check_given("httpx_args['cookies']", args["cookies"])
    if auth is not None:
        args["auth"] = auth
    return AuthenticatedClient(
        base_url=base_url,
        timeout=as_timeout(timeout) or DEFAULT_TIMEOUT,
        httpx_args=args,
        settings=settings,
    )
