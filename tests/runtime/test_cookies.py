"""A client keeps only the cookies it can send back (accountkit_runtime.cookies).

httpx writes a request's ``Cookie`` header in ASCII: a server that sets one cookie with a non-ASCII
value would otherwise break every later call of the client with a bare ``UnicodeEncodeError``.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Any

import pytest
from support.kits import OctopushKit

pytestmark = pytest.mark.explicit_transport

_BODY = b'{"first_name": "Ann"}'


def _setting(*cookies: bytes) -> Any:
    head = b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nConnection: close\r\n"
    head += b"Content-Length: %d\r\n" % len(_BODY)
    head += b"".join(b"Set-Cookie: " + cookie + b"; Path=/\r\n" for cookie in cookies)

    def write(sock: socket.socket, stopping: threading.Event) -> None:
        sock.sendall(head + b"\r\n" + _BODY)

    return write


@pytest.mark.parametrize("mode", ["sync", "httpx", "aiohttp"])
@pytest.mark.parametrize(
    "unsendable", [b"lang=caf\xe9", "lang=café".encode(), "caf\u00e9=1".encode(), b"lang=\xe2\x82"]
)
def test_a_cookie_the_client_cannot_send_is_not_kept_and_later_calls_go_on(
    mode: str, unsendable: bytes, octopush: OctopushKit
) -> None:
    octopush.fail_first(octopush.server.Reply(raw=_setting(unsendable, b"seen=1")))
    if mode == "sync":
        client = octopush.connect(max_retries=0)
        results = [octopush.call(client), octopush.call(client)]
    else:
        client = octopush.connect(max_retries=0, async_transport=mode)

        async def twice() -> list[Any]:
            async with client:
                return [await octopush.acall(client), await octopush.acall(client)]

        results = asyncio.run(twice())

    assert all(result is not None for result in results)
    calls = octopush.main_calls()
    assert [call.headers.get("cookie") for call in calls] == [None, "seen=1"]


def test_the_jars_own_settings_are_kept() -> None:
    """The policy that refuses unsendable cookies keeps the settings of the one it replaces."""
    from http.cookiejar import DefaultCookiePolicy

    import httpx
    from accountkit_runtime import cookies

    jar = httpx.Cookies()
    jar.jar.set_policy(DefaultCookiePolicy(blocked_domains=["blocked.example"], strict_ns_domain=1))
    cookies.keep_only_sendable(jar)
    policy = jar.jar._policy  # type: ignore[attr-defined]
    kept = httpx.Response(200, headers=[(b"Set-Cookie", b"a=1"), (b"Set-Cookie", "b=caf\u00e9".encode())])
    kept.request = httpx.Request("GET", "http://ok.example/")
    blocked = httpx.Response(200, headers=[("Set-Cookie", "c=1")])
    blocked.request = httpx.Request("GET", "http://blocked.example/")

    jar.extract_cookies(kept)
    jar.extract_cookies(blocked)

    assert policy.blocked_domains() == ("blocked.example",) and policy.strict_ns_domain == 1
    assert sorted(cookie.name for cookie in jar.jar) == ["a"]


@pytest.mark.parametrize(
    "given",
    [{"lang": "caf\u00e9"}, {"caf\u00e9": "1"}, [("lang", "\u20ac")], {"n": 5}],
    ids=["value", "name", "pairs", "not text"],
)
def test_cookies_the_caller_gives_that_cannot_be_sent_are_refused_at_connect(given: Any, octopush: OctopushKit) -> None:
    """httpx would take them and fail every request with a bare UnicodeEncodeError: refused where given,
    naming the cookie, never its value."""
    with pytest.raises(
        octopush.errors.ConfigurationError, match=r"httpx_args\['cookies'\]: cookie .* cannot be sent"
    ) as caught:
        octopush.connect(httpx_args={"cookies": given})

    assert "\u20ac" not in str(caught.value) and 'caf\u00e9"' not in str(caught.value)
    assert octopush.main_calls() == []


def test_cookies_the_caller_gives_that_can_be_sent_go_with_every_call(octopush: OctopushKit) -> None:
    client = octopush.connect(httpx_args={"cookies": {"affinity": "node7", "n": "5"}})

    octopush.call(client)

    assert octopush.main_calls()[0].headers.get("cookie") in ("affinity=node7; n=5", "n=5; affinity=node7")
