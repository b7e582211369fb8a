"""ActivePlatform vendor API v1: credentials, auth and error bodies (shipped as ``activeplatform_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import QueryTokenAuth
from accountkit_runtime.client import AuthenticatedClient
from accountkit_runtime.connect import build_client, credential, resolve_base_url
from accountkit_runtime.pickling import remember_configuration
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile
from activeplatform_client._facts import BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SECRETS

# The vendor documents no error body; the generic reader takes the usual JSON shapes or the text.
PROFILE = VendorProfile(name="ActivePlatform")


@remember_configuration(**SECRETS)
def connect(
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    validate_requests: bool = True,
    async_transport: str | None = None,
    api_token: str | None = None,
    allow_insecure_http: bool = False,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for an ActivePlatform installation, authenticated with a manager's API token.

    ``api_token`` falls back to ``ACTIVEPLATFORM_API_TOKEN``; ``base_url`` (the installation's own
    host, e.g. ``https://test.activeplatform.com``) to ``ACTIVEPLATFORM_BASE_URL`` and is required.
    The token travels as the ``api_token`` query parameter, as the vendor specifies.
    """
    secret = credential("api_token", api_token, CREDENTIALS["api_token"])
    assert secret is not None
    return build_client(
        vendor=PROFILE,
        package=__package__ or "activeplatform_client",
        base_url=resolve_base_url(base_url, BASE_URL_ENV, DEFAULT_BASE_URL),
        auth=QueryTokenAuth("api_token", secret),
        redactor=Redactor([secret]),
        timeout=timeout,
        max_retries=max_retries,
        validate_requests=validate_requests,
        async_transport=async_transport,
        allow_insecure_http=allow_insecure_http,
        httpx_args=httpx_args,
    )
