"""2sms (SMS+): OAuth2 client credentials and the ResponseOfObject envelope (shipped as ``twosms_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import ClientCredentialsAuth
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader


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

# connect()'s docstring (``_connect.py``, generated): its summary and notes; the fallbacks are the spec's.
CONNECT_DOC = """A client for 2sms, authenticated with OAuth2 client credentials.

The token comes from ``<base_url>/Token``, is cached until a minute (or a tenth of its lifetime, if
shorter) before it expires, and is renewed once after a 401.
"""


def authenticate(base_url: str, *, client_id: str, client_secret: str) -> tuple[httpx.Auth, Redactor]:
    """OAuth2 client credentials against ``<base_url>/Token``; the secret is redacted, the id is not."""
    redactor = Redactor([client_secret])
    auth = ClientCredentialsAuth(
        base_url + "/Token",
        client_id=client_id,
        client_secret=client_secret,
        redactor=redactor,
        description="2sms token request",
    )
    return auth, redactor
