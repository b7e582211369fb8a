"""inTandem (vcita) legacy Partners API: credentials, auth and error bodies (shipped as ``intandem_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import TokenHeaderAuth
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """401 and 422 bodies are plain text labelled JSON (``HTTP Token: Access denied.``)."""
    if isinstance(body, str):
        return None, body.strip() or None
    return generic_error_reader(status_code, body)


PROFILE = VendorProfile(name="inTandem", read_error=read_error)

# connect()'s docstring (``_connect.py``, generated): its summary and notes; the fallbacks are the spec's.
CONNECT_DOC = """A client for the inTandem Partners API, authenticated with a directory token.

``timeout`` is seconds or an ``httpx.Timeout`` (default: 5 s to connect, 30 s to read); ``max_retries``
defaults to 2 (the mutating GET is never retried: see the spec).
"""


def authenticate(base_url: str, *, token: str) -> tuple[httpx.Auth, Redactor]:
    """``Authorization: Token token="<token>"`` on every call."""
    return TokenHeaderAuth(token), Redactor([token])
