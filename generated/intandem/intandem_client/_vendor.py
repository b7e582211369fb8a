"""inTandem (vcita) legacy Partners API: credentials, auth and error bodies (shipped as ``intandem_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import TokenHeaderAuth
from accountkit_runtime.client import AuthenticatedClient
from accountkit_runtime.connect import build_client, credential, resolve_base_url
from accountkit_runtime.pickling import remember_configuration
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader

from intandem_client._facts import BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SECRETS


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """401 and 422 bodies are plain text labelled JSON (``HTTP Token: Access denied.``)."""
    if isinstance(body, str):
        return None, body.strip() or None
    return generic_error_reader(status_code, body)


PROFILE = VendorProfile(name="inTandem", read_error=read_error)


@remember_configuration(**SECRETS)
def connect(
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    validate_requests: bool = True,
    async_transport: str | None = None,
    token: str | None = None,
    allow_insecure_http: bool = False,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for the inTandem Partners API, authenticated with a directory token.

    ``token`` falls back to ``INTANDEM_TOKEN``, ``base_url`` to ``INTANDEM_BASE_URL`` and then to
    https://api.vcita.biz. ``timeout`` is seconds or an ``httpx.Timeout`` (default: 5 s to connect,
    30 s to read); ``max_retries`` defaults to 2 (the mutating GET is never retried: see the spec).
    """
    secret = credential("token", token, CREDENTIALS["token"], header=True)
    assert secret is not None
    return build_client(
        vendor=PROFILE,
        package=__package__ or "intandem_client",
        base_url=resolve_base_url(base_url, BASE_URL_ENV, DEFAULT_BASE_URL),
        auth=TokenHeaderAuth(secret),
        redactor=Redactor([secret]),
        timeout=timeout,
        max_retries=max_retries,
        validate_requests=validate_requests,
        async_transport=async_transport,
        allow_insecure_http=allow_insecure_http,
        httpx_args=httpx_args,
    )
