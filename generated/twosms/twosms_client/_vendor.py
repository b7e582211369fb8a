"""2sms (SMS+): OAuth2 client credentials and the ResponseOfObject envelope (shipped as ``twosms_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import ClientCredentialsAuth
from accountkit_runtime.client import AuthenticatedClient
from accountkit_runtime.connect import build_client, credential, resolve_base_url
from accountkit_runtime.pickling import remember_configuration
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader

from twosms_client._facts import BASE_URL_ENV, CREDENTIALS, DEFAULT_BASE_URL, SECRETS


def envelope_error(body: Any) -> tuple[str | None, str | None] | None:
    """The ``Error`` of a ``ResponseOfObject`` envelope, if it reports one (2sms does so even with HTTP 200)."""
    if not isinstance(body, dict):
        return None
    error = body.get("Error")
    if not isinstance(error, dict):  # absent or null: success
        return None
    # Present, even empty: the vendor says the call failed (the code and reason may be missing).
    code, reason = error.get("ErrorCode"), error.get("ErrorReason")
    return (str(code) if code not in (None, "") else None, str(reason) if reason not in (None, "") else None)


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    return envelope_error(body) or generic_error_reader(status_code, body)


PROFILE = VendorProfile(name="2sms", read_error=read_error, error_in_success=envelope_error)


@remember_configuration(**SECRETS)
def connect(
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    validate_requests: bool = True,
    async_transport: str | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    allow_insecure_http: bool = False,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for 2sms, authenticated with OAuth2 client credentials.

    ``client_id`` / ``client_secret`` fall back to ``TWOSMS_CLIENT_ID`` / ``TWOSMS_CLIENT_SECRET``;
    ``base_url`` to ``TWOSMS_BASE_URL`` and then https://portal.2sms.us. The token comes from
    ``<base_url>/Token``, is cached until a minute (or a tenth of its lifetime, if shorter) before it
    expires, and is renewed once after a 401.
    """
    cid = credential("client_id", client_id, CREDENTIALS["client_id"])
    secret = credential("client_secret", client_secret, CREDENTIALS["client_secret"])
    assert cid is not None and secret is not None
    root = resolve_base_url(base_url, BASE_URL_ENV, DEFAULT_BASE_URL)
    redactor = Redactor([secret])
    auth = ClientCredentialsAuth(
        root + "/Token", client_id=cid, client_secret=secret, redactor=redactor, description="2sms token request"
    )
    return build_client(
        vendor=PROFILE,
        package=__package__ or "twosms_client",
        base_url=root,
        auth=auth,
        redactor=redactor,
        timeout=timeout,
        max_retries=max_retries,
        validate_requests=validate_requests,
        async_transport=async_transport,
        allow_insecure_http=allow_insecure_http,
        httpx_args=httpx_args,
    )
