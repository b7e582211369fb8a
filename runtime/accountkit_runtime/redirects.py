"""Redirects never take a credential to another origin.

Clients follow no redirect by default: a 3xx answer is an ``ApiStatusError``. A caller may enable
``follow_redirects`` (``httpx_args={"follow_redirects": True}``); then redirects within the origin
the request went to (same scheme, host and port) are followed, and a redirect anywhere else is
refused before anything is sent there: ``refuse_other_origins`` (an httpx response event hook, so
it sees the answers to token and login requests too) raises ``ApiStatusError`` naming both origins.

Why refuse rather than follow without credentials: httpx drops only ``Authorization`` on a
cross-origin redirect. Octopush's ``api-key``/``api-login`` headers would go along, a 307/308
re-sends the body (a login password, a client secret), and a server that puts a token in the
``Location`` query has already made it part of the URL. The credentials of a client are for its
``base_url``'s origin and nowhere else.
"""

from __future__ import annotations

import httpx

from .errors import ApiStatusError, printable

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: httpx.URL) -> str:
    port = url.port or _DEFAULT_PORTS.get(url.scheme)
    return f"{url.scheme}://{url.host}:{port}"


def refuse_other_origins(response: httpx.Response, vendor: str) -> None:
    """Raise ``ApiStatusError`` if ``response`` redirects to another origin than its request's."""
    if not response.has_redirect_location:
        return
    here = response.request.url
    try:
        target = here.join(response.headers["location"])
    except httpx.InvalidURL:
        return  # httpx refuses it itself (RemoteProtocolError) if it gets as far as following it
    if origin(target) == origin(here):
        return
    raise ApiStatusError(
        f"{vendor}: HTTP {response.status_code} redirect to another origin ({printable(origin(target), 200)}) "
        f"not followed: credentials are only ever sent to {origin(here)}",
        response=response,
    )
