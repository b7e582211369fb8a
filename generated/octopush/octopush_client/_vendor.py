"""Octopush: credentials, auth and error bodies (shipped as ``octopush_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import HeaderKeysAuth
from accountkit_runtime.client import AuthenticatedClient
from accountkit_runtime.connect import build_client, credential, resolve_base_url
from accountkit_runtime.pickling import remember_configuration
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader

from octopush_client._facts import BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SECRETS


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """Octopush errors are ``{"code": <int>, "message": "..."}``, sometimes with extra fields."""
    if isinstance(body, dict) and ("code" in body or "message" in body):
        code = body.get("code")
        message = body.get("message")
        return (str(code) if code is not None else None, str(message) if message is not None else None)
    return generic_error_reader(status_code, body)


PROFILE = VendorProfile(name="Octopush", read_error=read_error)


@remember_configuration(**SECRETS)
def connect(
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    validate_requests: bool = True,
    async_transport: str | None = None,
    api_login: str | None = None,
    api_key: str | None = None,
    allow_insecure_http: bool = False,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for Octopush, authenticated with the ``api-login`` and ``api-key`` headers.

    ``api_login`` (the account's login e-mail) falls back to ``OCTOPUSH_API_LOGIN``, ``api_key`` to
    ``OCTOPUSH_API_KEY``, ``base_url`` to ``OCTOPUSH_BASE_URL`` and then https://api.octopush.com.
    """
    login = credential("api_login", api_login, CREDENTIALS["api_login"], header=True)
    key = credential("api_key", api_key, CREDENTIALS["api_key"], header=True)
    assert login is not None and key is not None
    return build_client(
        vendor=PROFILE,
        package=__package__ or "octopush_client",
        base_url=resolve_base_url(base_url, BASE_URL_ENV, DEFAULT_BASE_URL),
        auth=HeaderKeysAuth({"api-login": login, "api-key": key}),
        redactor=Redactor([login, key]),
        timeout=timeout,
        max_retries=max_retries,
        validate_requests=validate_requests,
        async_transport=async_transport,
        allow_insecure_http=allow_insecure_http,
        httpx_args=httpx_args,
    )
