"""Deeply nested JSON from a server ends in ResponseParseError, never RecursionError.

100,000 nested arrays or objects are only a few hundred kB, yet json, reprs, the redactor and the error
readers all recurse. Every place a response body is read is tried, sync and async, against a loopback
server: the main call's success body, its error body (also as logged at DEBUG), and PortaBilling's and
2sms's token responses, accepted or refused. Octopush's 201 is success whatever its body (the spec's
``x-accountkit-any-body``): a deep one is read without recursing and gives a result with no fields.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pytest
from pytest import LogCaptureFixture
from support.kits import ActivePlatformKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
PARSED_SUCCESS = [api for api in APIS if api != "octopush"]  # octopush: any 201 body is success
DEPTH = 100_000
SHAPES = {
    "arrays": "[" * DEPTH + "]" * DEPTH,
    "objects": '{"a":' * DEPTH + "1" + "}" * DEPTH,
    "unclosed": "[" * DEPTH,
}


def deep_reply(kit: Any, shape: str, status: int = 200) -> Any:
    return kit.server.Reply(status, body=SHAPES[shape])


def assert_unreadable(exc: Any) -> None:
    assert "nests more than 200 levels deep" in str(exc)
    repr(exc), str(exc)  # showing the error does not recurse either


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("api", PARSED_SUCCESS)
def test_a_deep_success_body(api: str, shape: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # the exchange is logged too
    kit = kit_for(api)
    kit.server.route(kit.method, kit.path, deep_reply(kit, shape))

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(kit.connect())

    assert_unreadable(caught.value)
    assert "response " in caplog.text


@pytest.mark.parametrize("api", PARSED_SUCCESS)
@pytest.mark.anyio
async def test_a_deep_success_body_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route(kit.method, kit.path, deep_reply(kit, "objects"))
    async with kit.connect() as client:
        with pytest.raises(kit.errors.ResponseParseError) as caught:
            await kit.acall(client)
    assert_unreadable(caught.value)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_deep_body_of_a_success_that_may_carry_any_body(
    shape: str, octopush: OctopushKit, caplog: LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    octopush.server.route(octopush.method, octopush.path, deep_reply(octopush, shape, 201))

    result = octopush.call(octopush.connect())

    assert result.to_dict() == {}  # success, with no fields: the body is not an object it can read
    assert "response 201" in caplog.text


@pytest.mark.anyio
async def test_a_deep_body_of_a_success_that_may_carry_any_body_async(octopush: OctopushKit) -> None:
    octopush.server.route(octopush.method, octopush.path, deep_reply(octopush, "objects", 201))
    async with octopush.connect() as client:
        response = await octopush.acall_detailed(client)
    assert response.status_code == 201 and response.parsed.to_dict() == {}
    assert response.content == SHAPES["objects"].encode()


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("api", APIS)
def test_a_deep_error_body(api: str, shape: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    kit.server.route(kit.method, kit.path, deep_reply(kit, shape, 400))

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(kit.connect())

    assert_unreadable(caught.value)
    assert "HTTP 400" in str(caught.value)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_deep_error_body_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route(kit.method, kit.path, deep_reply(kit, "arrays", 422))
    async with kit.connect() as client:
        with pytest.raises(kit.errors.ResponseParseError) as caught:
            await kit.acall(client)
    assert_unreadable(caught.value)


@pytest.mark.parametrize("levels", [300, 900])
def test_bodies_deeper_than_any_vendor_sends_are_refused_even_when_json_could_parse_them(
    levels: int, octopush: OctopushKit
) -> None:
    body = '{"code": 1, "message": ' + "[" * levels + "]" * levels + "}"
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(400, body=body))

    with pytest.raises(octopush.errors.ResponseParseError) as caught:
        octopush.call(octopush.connect())

    assert_unreadable(caught.value)


def test_a_moderately_nested_error_body_is_an_ordinary_error_and_can_be_shown(octopush: OctopushKit) -> None:
    body = '{"code": 1, "message": "no", "detail": ' + "[" * 150 + "]" * 150 + "}"
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(400, body=body))

    with pytest.raises(octopush.errors.BadRequestError) as caught:
        octopush.call(octopush.connect())

    assert caught.value.code == "1" and caught.value.vendor_message == "no"
    assert "..." in repr(caught.value.body_data)  # cut for showing, not recursed without bound


TOKEN_ROUTES = {"portabilling": "login_path", "twosms": "token_path"}


@pytest.mark.parametrize("status", [200, 500, 401])
@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("api", sorted(TOKEN_ROUTES))
def test_a_deep_token_response(api: str, shape: str, status: int, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", getattr(kit, TOKEN_ROUTES[api]), deep_reply(kit, shape, status))

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(kit.connect())

    assert_unreadable(caught.value)
    assert kit.main_calls() == []


@pytest.mark.parametrize("api", sorted(TOKEN_ROUTES))
@pytest.mark.anyio
async def test_a_deep_token_response_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.server.route("POST", getattr(kit, TOKEN_ROUTES[api]), deep_reply(kit, "objects"))
    async with kit.connect() as client:
        with pytest.raises(kit.errors.ResponseParseError) as caught:
            await kit.acall(client)
    assert_unreadable(caught.value)
    assert kit.main_calls() == []


def test_a_deep_response_to_a_renewal(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.expire_sessions()
    portabilling.server.route("POST", portabilling.refresh_path, deep_reply(portabilling, "arrays", 200))

    with pytest.raises(portabilling.errors.ResponseParseError) as caught:
        portabilling.call(client)

    assert_unreadable(caught.value)


HOSTILE_SCANS = {
    "escaped quotes in an unclosed string": b"[]" * 201 + b'"' + b'\\"' * 50_000,
    "an unclosed string ending in a backslash": b"[]" * 201 + b'"' + b"a" * 100_000 + b"\\",
    "brackets inside strings": b'["' + b"[" * 100_000 + b'"]',
    "many short strings": b"[" + b'"a",' * 50_000 + b'"a"]',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SCANS))
def test_measuring_the_depth_is_linear_in_the_body(
    name: str, activeplatform: ActivePlatformKit, octopush: OctopushKit
) -> None:
    """The depth check reads every body first: no body may make it slow (e.g. a quadratic rescan).

    Both readers: a body parsed into a model (ActivePlatform's 200) and one that may be anything
    (Octopush's 201, read by ``bodies.json_object``).
    """
    import time

    body = HOSTILE_SCANS[name]
    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(200, body=body))
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, body=body))
    started = time.perf_counter()
    with pytest.raises(activeplatform.errors.ApiError):  # none of these is an Account
        activeplatform.call(activeplatform.connect())
    assert octopush.call(octopush.connect()).to_dict() == {}  # nor an object, yet a 201: success
    assert time.perf_counter() - started < 4.0


def _nest(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


# Bodies with more brackets than MAX_DEPTH (200), so that the depth is measured rather than ruled out by
# the count: siblings that close again, then one branch exactly as deep as given.
def _with_siblings(levels: int, siblings: int = 300) -> bytes:
    return b"[" + b"[]," * siblings + _nest(levels - 1) + b"]"


@pytest.mark.parametrize(
    ("body", "too_deep"),
    [
        (_with_siblings(200), False),  # exactly the limit: read
        (_with_siblings(201), True),  # one more: refused
        (_with_siblings(2), False),  # many brackets, shallow: read
        (b"[" + b"[]," * 300 + b"0]", False),  # the depth goes back down after each sibling
        (b'["' + b"[{" * 300 + b'", ' + _nest(150) + b"]", False),  # brackets inside a string do not count
        (b"[" + _nest(150) + b"," + _nest(199) + b"]", False),  # two branches, the deeper at 200
        (b"[" + _nest(150) + b"," + _nest(200) + b"]", True),
    ],
    ids=["200 deep", "201 deep", "shallow", "closed siblings", "in a string", "two branches", "two branches, 201"],
)
def test_the_depth_limit_is_exact(body: bytes, too_deep: bool) -> None:
    from accountkit_runtime.bodies import NestedTooDeep, load_json

    assert body.count(b"[") + body.count(b"{") > 200  # past the shortcut: the depth is really measured
    if too_deep:
        with pytest.raises(NestedTooDeep, match="more than 200 levels"):
            load_json(body)
    else:
        assert load_json(body) is not None
