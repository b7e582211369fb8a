"""No credential ever goes to another origin, even with ``follow_redirects`` on.

Redirects are not followed by default (a 3xx is an ``ApiStatusError``). A caller who enables
``follow_redirects`` gets same-origin redirects followed; a redirect to another origin (another
scheme, host or port: here a second server on another port) is refused before anything is sent
there: the operation's own request with its headers or ``api_token``, and a login or token request
with its password or client secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest
from accountkit_runtime.errors import ApiStatusError
from support.kits import OctopushKit
from support.mockserver import MockServer

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
STATUSES = [301, 302, 303, 307, 308]
FOLLOW: dict[str, Any] = {"httpx_args": {"follow_redirects": True}}


def token_path(kit: Any) -> str:
    path: str = kit.login_path if kit.name == "portabilling" else kit.token_path
    return path


def answer_everything(server: Any, kit: Any) -> None:
    for method, path in [(kit.method, kit.path), ("POST", "/rest/Session/login"), ("POST", "/Token")]:
        server.route(method, path, server.Reply(json=kit.ok_body()))


def assert_refused(kit: Any, error: Any, status: int, other_server: Any) -> None:
    assert other_server.requests == [], "a request went to the other origin"
    assert error.status_code == status
    assert "another origin" in str(error)
    assert f"127.0.0.1:{other_server.port}" in str(error)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("api", APIS)
def test_a_redirect_to_another_origin_is_refused(
    api: str, status: int, kit_for: KitFor, other_server: MockServer
) -> None:
    kit = kit_for(api)
    answer_everything(other_server, kit)
    target = f"{other_server.url}{kit.path}?next=1"
    kit.fail_first(kit.server.Reply(status, headers={"Location": target}))
    client = kit.connect(**FOLLOW)

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        kit.call(client)

    assert_refused(kit, caught.value, status, other_server)


@pytest.mark.parametrize("status", [302, 307])
@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_redirect_to_another_origin_is_refused_async(
    api: str, status: int, kit_for: KitFor, other_server: MockServer
) -> None:
    kit = kit_for(api)
    answer_everything(other_server, kit)
    kit.fail_first(kit.server.Reply(status, headers={"Location": f"{other_server.url}{kit.path}"}))
    async with kit.connect(**FOLLOW) as client:
        with pytest.raises(kit.errors.ApiStatusError) as caught:
            await kit.acall(client)

    assert_refused(kit, caught.value, status, other_server)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_login_or_token_request_never_follows_a_redirect_to_another_origin(
    api: str, status: int, kit_for: KitFor, other_server: MockServer
) -> None:
    kit = kit_for(api)
    answer_everything(other_server, kit)
    location = f"{other_server.url}{token_path(kit)}"
    kit.server.route("POST", token_path(kit), kit.server.Reply(status, headers={"Location": location}))
    client = kit.connect(**FOLLOW)

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        kit.call(client)

    assert_refused(kit, caught.value, status, other_server)
    assert kit.main_calls() == []


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
@pytest.mark.anyio
async def test_a_login_or_token_request_never_follows_a_redirect_to_another_origin_async(
    api: str, kit_for: KitFor, other_server: MockServer
) -> None:
    kit = kit_for(api)
    answer_everything(other_server, kit)
    location = f"{other_server.url}{token_path(kit)}"
    kit.server.route("POST", token_path(kit), kit.server.Reply(308, headers={"Location": location}))
    async with kit.connect(**FOLLOW) as client:
        with pytest.raises(kit.errors.ApiStatusError) as caught:
            await kit.acall(client)

    assert_refused(kit, caught.value, 308, other_server)


def test_another_scheme_on_the_same_host_and_port_is_another_origin(octopush: OctopushKit) -> None:
    location = f"https://127.0.0.1:{octopush.server.port}{octopush.path}"
    octopush.fail_first(octopush.server.Reply(307, headers={"Location": location}))
    client = octopush.connect(**FOLLOW)

    with pytest.raises(octopush.errors.ApiStatusError, match="another origin"):
        octopush.call(client)

    assert len(octopush.main_calls()) == 1


@pytest.mark.parametrize("api", APIS)
def test_a_same_origin_redirect_is_followed_when_enabled(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    status = 201 if api == "octopush" else 200
    normal = kit.server.handler(kit.method, kit.path)
    kit.server.route(kit.method, "/moved", normal)
    kit.fail_first(kit.server.Reply(307, headers={"Location": "/moved"}))
    client = kit.connect(**FOLLOW)

    response = kit.call_detailed(client)

    assert response.status_code == status and response.parsed is not None
    (moved,) = kit.server.calls("/moved")
    assert moved.body == kit.main_calls()[0].body  # 307: the same request, on the same origin


@pytest.mark.parametrize("status", [307, 308])
@pytest.mark.parametrize("api", APIS)
def test_a_same_origin_redirect_is_followed_when_enabled_async(api: str, status: int, kit_for: KitFor) -> None:
    """The followed request carries the body it had, framed as it was: a GET gets no body, none is chunked."""
    import asyncio

    kit = kit_for(api)
    normal = kit.server.handler(kit.method, kit.path)
    kit.server.route(kit.method, "/moved", normal)
    kit.fail_first(kit.server.Reply(status, headers={"Location": "/moved"}))
    client = kit.connect(**FOLLOW)

    async def twice() -> list[Any]:
        async with client:  # the second call reuses the connection the first one left
            return [await kit.acall_detailed(client), await kit.acall_detailed(client)]

    responses = asyncio.run(twice())

    assert [response.parsed is not None for response in responses] == [True, True]
    first, *_ = kit.main_calls()
    (moved,) = kit.server.calls("/moved")
    assert "transfer-encoding" not in moved.headers
    assert (moved.method, moved.body) == (first.method, first.body)
    assert kit.server.errors == []


@pytest.mark.parametrize("api", APIS)
def test_redirects_are_not_followed_by_default(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route(kit.method, "/moved", kit.server.Reply(json=kit.ok_body()))
    kit.fail_first(kit.server.Reply(302, headers={"Location": "/moved"}))
    client = kit.connect()

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        kit.call(client)

    assert caught.value.status_code == 302
    assert kit.server.calls("/moved") == []


def _redirect(here: str, location: str) -> httpx.Response:
    return httpx.Response(302, headers={"Location": location}, request=httpx.Request("GET", here))


@pytest.mark.parametrize(
    ("here", "location"),
    [
        ("http://api.example.com/a", "http://api.example.com:79/b"),
        ("http://api.example.com/a", "http://api.example.com:81/b"),
        ("https://api.example.com/a", "https://api.example.com:442/b"),
        ("https://api.example.com/a", "https://api.example.com:444/b"),
        ("https://api.example.com/a", "http://api.example.com:443/b"),
    ],
)
def test_a_port_next_to_the_default_is_another_origin(here: str, location: str) -> None:
    """The request went to the scheme's default port (80, 443), which its URL does not spell out."""
    from accountkit_runtime.redirects import refuse_other_origins

    with pytest.raises(ApiStatusError, match="redirect to another origin"):
        refuse_other_origins(_redirect(here, location), "vendor")


@pytest.mark.parametrize(
    ("here", "location"),
    [
        ("http://api.example.com/a", "http://api.example.com:80/b"),
        ("https://api.example.com/a", "https://api.example.com:443/b"),
    ],
)
def test_the_default_port_spelt_out_is_the_same_origin(here: str, location: str) -> None:
    from accountkit_runtime.redirects import refuse_other_origins

    refuse_other_origins(_redirect(here, location), "vendor")  # no error: followed if following is enabled


def test_the_refused_origin_is_shown_cut_to_two_hundred_characters() -> None:
    from accountkit_runtime.redirects import refuse_other_origins

    target = "https://" + ".".join(["h" * 60] * 4) + ".example:8443"  # labels of at most 63 characters
    with pytest.raises(ApiStatusError) as caught:
        refuse_other_origins(_redirect("https://api.example.com/a", target + "/x"), "vendor")

    assert f"({target[:200]}... ({len(target) - 200} more characters))" in str(caught.value)
