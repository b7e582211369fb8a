"""ActivePlatform vendor API v1: credentials, auth and error bodies (shipped as ``activeplatform_client._vendor``)."""

from __future__ import annotations

import httpx
from accountkit_runtime.auth import QueryTokenAuth
from accountkit_runtime.redaction import Redactor
from accountkit_runtime.settings import VendorProfile

# The vendor documents no error body; the generic reader takes the usual JSON shapes or the text.
PROFILE = VendorProfile(name="ActivePlatform")

# connect()'s docstring (``_connect.py``, generated): its summary and notes; the fallbacks are the spec's.
CONNECT_DOC = """A client for an ActivePlatform installation, authenticated with a manager's API token.

``base_url`` is the installation's own host, e.g. ``https://test.activeplatform.com``.
The token travels as the ``api_token`` query parameter, as the vendor specifies.
"""


def authenticate(base_url: str, *, api_token: str) -> tuple[httpx.Auth, Redactor]:
    """The token as the ``api_token`` query parameter of every call."""
    return QueryTokenAuth("api_token", api_token), Redactor([api_token])
