"""The cookies a client keeps: only those it can send back.

httpx keeps every cookie a server sets, but writes the ``Cookie`` header of later requests in ASCII:
one cookie whose name or value is not ASCII (``Set-Cookie: lang=café``) makes every later request of
that client fail with a bare ``UnicodeEncodeError`` before anything is sent. The clients the runtime
makes (``pools``) keep only the cookies they can send; such a cookie is left out, as a browser leaves
out one it cannot store.
"""

from __future__ import annotations

from http.cookiejar import Cookie, DefaultCookiePolicy
from typing import Any
from urllib.request import Request

import httpx

from .errors import ConfigurationError


def _sendable(cookie: Cookie) -> bool:
    """Whether httpx can write the cookie into a ``Cookie`` header: a name and a value of ASCII text."""
    name, value = cookie.name, cookie.value
    return isinstance(name, str) and name.isascii() and (value is None or (isinstance(value, str) and value.isascii()))


class _SendableOnly(DefaultCookiePolicy):
    """The standard policy, refusing to keep a cookie whose name or value is not ASCII."""

    def set_ok(self, cookie: Cookie, request: Request) -> bool:
        if not _sendable(cookie):
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


def check_given(where: str, given: Any) -> None:
    """Raise ``ConfigurationError`` if cookies the caller gives (``httpx_args["cookies"]``) cannot be sent.

    httpx takes them, and then fails every request with a bare ``UnicodeEncodeError`` (or ``TypeError``);
    refused here, where they are given, naming the cookies but never their values.
    """
    try:
        jar = httpx.Cookies(given)
        cookies = list(jar.jar)
    except Exception as exc:  # noqa: BLE001 - whatever httpx makes of it, it is not cookies it can send
        raise ConfigurationError(f"{where}: not cookies httpx can send ({type(exc).__name__})") from None
    unsendable = sorted({str(cookie.name) for cookie in cookies if not _sendable(cookie)})
    if unsendable:
        raise ConfigurationError(
            f"{where}: cookie {', '.join(map(repr, unsendable))} cannot be sent: its name and value must be ASCII "
            "text (values are not shown)"
        )
