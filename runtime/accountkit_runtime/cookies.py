"""The cookies a client keeps: only those it can send back.

httpx keeps every cookie a server sets, but writes the ``Cookie`` header of later requests in ASCII:
one cookie whose name or value is not ASCII (``Set-Cookie: lang=café``) makes every later request of
that client fail with a bare ``UnicodeEncodeError`` before anything is sent. The clients the runtime
makes (``pools``) keep only the cookies they can send; such a cookie is left out, as a browser leaves
out one it cannot store.
"""

from __future__ import annotations

from http.cookiejar import Cookie, DefaultCookiePolicy
from urllib.request import Request

import httpx


class _SendableOnly(DefaultCookiePolicy):
    """The standard policy, refusing to keep a cookie whose name or value is not ASCII."""

    def set_ok(self, cookie: Cookie, request: Request) -> bool:
        if not cookie.name.isascii() or not (cookie.value or "").isascii():
            return False
        return super().set_ok(cookie, request)


def keep_only_sendable(cookies: httpx.Cookies) -> None:
    """Make the jar of ``cookies`` refuse cookies it could not send, keeping its policy's settings.

    A jar with a policy of the caller's own (``httpx_args`` ``cookies=`` a ``CookieJar``) is left as it is.
    """
    jar = cookies.jar
    policy = jar._policy  # type: ignore[attr-defined]
    if type(policy) is DefaultCookiePolicy:
        sendable = _SendableOnly()
        sendable.__dict__.update(policy.__dict__)
        jar.set_policy(sendable)
