"""Per-call options (headers, timeout, retries) leave the shared client alone; the raw response is reachable."""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING

import httpx
import pytest
from support.kits import ActivePlatformKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor


def test_extra_headers_for_one_call_only(octopush: OctopushKit) -> None:
    client = octopush.connect()
    options = octopush.package.RequestOptions(extra_headers={"X-Request-Id": "req-1", "User-Agent": "acme/1.0"})

    octopush.call(client, request_options=options)
    octopush.call(client)

    first, second = octopush.main_calls()
    assert (first.headers["x-request-id"], first.headers["user-agent"]) == ("req-1", "acme/1.0")
    assert first.headers["api-key"] == "oct-SECRET-api-key"  # auth is still applied
    assert first.headers["content-type"] == "application/json"  # the operation's own headers are kept
    assert "x-request-id" not in second.headers
    assert second.headers["user-agent"].startswith("python-httpx/")


def test_extra_headers_do_not_replace_auth(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    options = portabilling.package.RequestOptions(extra_headers={"X-Trace": "t-9"})

    portabilling.call(client, request_options=options)

    (update,) = portabilling.main_calls()
    assert update.headers["x-trace"] == "t-9"
    assert update.headers["authorization"] == "Bearer pb-access-SECRET-1"
    assert "x-trace" not in portabilling.server.calls(portabilling.login_path)[0].headers


def test_options_are_immutable_and_checked(octopush: OctopushKit) -> None:
    options = octopush.package.RequestOptions(max_retries=1)
    with pytest.raises(AttributeError):
        options.max_retries = 3
    with pytest.raises(ValueError):
        octopush.package.RequestOptions(max_retries=-1)


BAD_TIMEOUTS = [0, -1, float("nan"), float("inf"), "5", True, httpx.Timeout(5, read=-1)]
BAD_RETRIES = [-1, 1.5, "3", True]


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS, ids=repr)
def test_a_timeout_no_call_could_keep_is_refused_where_it_is_given(octopush: OctopushKit, timeout: object) -> None:
    # Zero, negative, NaN, infinite, a string or a bool would fail every call at once or never end it.
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        octopush.package.RequestOptions(timeout=timeout)
    with pytest.raises(octopush.errors.ConfigurationError, match="timeout must be a positive number"):
        octopush.connect(timeout=timeout)
    client = octopush.connect()
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        client.with_options(timeout=timeout)
    assert octopush.server.requests == []  # nothing was sent


@pytest.mark.parametrize("retries", BAD_RETRIES, ids=repr)
def test_a_retry_count_that_is_not_a_whole_number_is_refused(octopush: OctopushKit, retries: object) -> None:
    with pytest.raises(ValueError, match="max_retries must be a whole number >= 0"):
        octopush.package.RequestOptions(max_retries=retries)
    with pytest.raises(octopush.errors.ConfigurationError, match="max_retries must be a whole number >= 0"):
        octopush.connect(max_retries=retries)
    with pytest.raises(ValueError, match="max_retries must be a whole number >= 0"):
        octopush.connect().with_options(max_retries=retries)


def test_a_timeout_without_a_limit_for_one_phase_is_accepted(octopush: OctopushKit) -> None:
    octopush.package.RequestOptions(timeout=httpx.Timeout(5, pool=None))  # httpx's "no limit" for the pool wait


@pytest.mark.parametrize("api", ["intandem", "activeplatform", "portabilling", "octopush", "twosms"])
def test_detailed_functions_give_the_raw_response(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    status = 201 if api == "octopush" else 200
    kit.fail_first(kit.server.Reply(status, json=kit.ok_body(), headers={"X-RateLimit-Remaining": "41"}))
    client = kit.connect()

    response = kit.call_detailed(client)

    assert response.status_code == HTTPStatus(status)
    assert response.headers["x-ratelimit-remaining"] == "41"
    assert response.content.startswith(b"{")
    assert response.parsed is not None


@pytest.mark.anyio
async def test_detailed_functions_give_the_raw_response_async(octopush: OctopushKit) -> None:
    async with octopush.connect() as client:
        response = await octopush.acall_detailed(
            client, request_options=octopush.package.RequestOptions(extra_headers={"X-Async": "1"})
        )

    assert response.status_code == 201
    assert response.content == b'{"first_name": "Ann"}'
    assert octopush.main_calls()[0].headers["x-async"] == "1"


def test_errors_carry_the_raw_response(activeplatform: ActivePlatformKit) -> None:
    activeplatform.server.route(
        "PUT", activeplatform.path, activeplatform.server.Reply(409, json={"error": "conflict"}, headers={"X-Id": "9"})
    )
    client = activeplatform.connect()

    with pytest.raises(activeplatform.errors.BadRequestError) as caught:
        activeplatform.call(client)

    response = caught.value.response
    assert isinstance(response, httpx.Response)
    assert (response.status_code, response.headers["x-id"], response.json()) == (409, "9", {"error": "conflict"})


def test_a_client_starts_with_the_documented_limits(octopush: OctopushKit) -> None:
    """30 s per phase but 5 s to connect, two retries, 10 MiB of body: the README's defaults, exactly."""
    client = octopush.connect()

    assert client.get_httpx_client().timeout == httpx.Timeout(30.0, connect=5.0)
    assert client.settings.max_retries == 2
    assert client.settings.max_response_bytes == 10 * 1024 * 1024


@pytest.mark.parametrize(("seconds", "expected"), [(10, httpx.Timeout(10.0, connect=5.0)), (2, httpx.Timeout(2.0))])
def test_a_timeout_in_seconds_keeps_the_default_connect_limit_unless_shorter(
    octopush: OctopushKit, seconds: float, expected: httpx.Timeout
) -> None:
    assert octopush.connect(timeout=seconds).get_httpx_client().timeout == expected


def test_no_retries_at_all_is_a_valid_count(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(503, json={"message": "busy"}))
    client = octopush.connect(max_retries=0)

    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client)

    assert len(octopush.main_calls()) == 1
    assert octopush.package.RequestOptions(max_retries=0).max_retries == 0
    assert octopush.connect().with_options(max_retries=0).settings.max_retries == 0
