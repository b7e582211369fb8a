"""Octopush: credentials, auth and error bodies (shipped as ``octopush_client._vendor``)."""

from __future__ import annotations

from typing import Any

import httpx
from accountkit_runtime.auth import HeaderKeysAuth
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile, generic_error_reader


def read_error(status_code: int, body: Any) -> tuple[str | None, str | None]:
    """Octopush errors are ``{"code": <int>, "message": "..."}``, sometimes with extra fields."""
    if isinstance(body, dict) and ("code" in body or "message" in body):
        code = body.get("code")
        message = body.get("message")
        return (str(code) if code is not None else None, str(message) if message is not None else None)
    return generic_error_reader(status_code, body)


PROFILE = VendorProfile(name="Octopush", read_error=read_error)

# connect()'s docstring (``_connect.py``, generated): its summary and notes; the fallbacks are the spec's.
CONNECT_DOC = """A client for Octopush, authenticated with the ``api-login`` and ``api-key`` headers.

``api_login`` is the account's login e-mail.
"""


def authenticate(base_url: str, *, api_login: str, api_key: str) -> tuple[httpx.Auth, Redactor]:
    """The ``api-login`` and ``api-key`` headers on every call."""
    return HeaderKeysAuth({"api-login": api_login, "api-key": api_key}), Redactor([api_login, api_key])
