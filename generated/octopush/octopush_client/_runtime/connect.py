"""Building a configured client: arguments first, environment variables second, clear errors otherwise.

Each package's ``connect()`` (in its ``_vendor`` module) resolves its credentials with ``credential``,
builds its auth flow, and hands both to ``build_client``, which applies the shared rules: the base
URL (argument, ``<API>_BASE_URL``, or the spec's default server), TLS verification on, plain
``http://`` only to loopback unless explicitly allowed, default timeouts and retries.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from .encoding import check_headers
from .errors import ConfigurationError
from .options import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, as_timeout
from .redaction import Redactor, guard_logs
from .settings import ClientSettings, VendorProfile

C = TypeVar("C")


def credential(argument: str, value: str | None, env_var: str, *, required: bool = True) -> str | None:
    """``value`` if given, else the environment variable; a missing required one is a clear error."""
    if value is None:
        value = os.environ.get(env_var) or None
    if value is None and required:
        raise ConfigurationError(f"missing credential: pass {argument}=... to connect() or set {env_var}")
    return value


def resolve_base_url(value: str | None, env_var: str, default: str | None) -> str:
    url = value or os.environ.get(env_var) or default
    if not url:
        raise ConfigurationError(
            f"missing base URL: this API runs on the customer's own host; pass base_url=... or set {env_var}"
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
    parts = urlsplit(base_url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigurationError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            f"refusing plain http:// to {parts.hostname}: credentials would travel unencrypted; "
            "use https://, or pass allow_insecure_http=True if you really mean it"
        )


def build_client(
    client_class: type[C],
    *,
    vendor: VendorProfile,
    package: str,
    base_url: str,
    auth: httpx.Auth | None,
    redactor: Redactor,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    validate_requests: bool = True,
    allow_insecure_http: bool,
    httpx_args: dict[str, Any] | None,
) -> C:
    check_scheme(base_url, allow_insecure_http)
    if max_retries is not None and max_retries < 0:
        raise ConfigurationError("max_retries must be >= 0")
    settings = ClientSettings(
        vendor=vendor,
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        validate_requests=validate_requests,
        redactor=redactor,
        logger=logging.getLogger(package),
    )
    guard_logs(redactor, settings.logger)
    args = dict(httpx_args or {})
    if args.get("headers"):
        check_headers("httpx_args['headers']", args["headers"])
    if auth is not None:
        args["auth"] = auth
    return client_class(  # type: ignore[call-arg]
        base_url=base_url, timeout=as_timeout(timeout) or DEFAULT_TIMEOUT, httpx_args=args, settings=settings
    )
