"""No secret is ever shown: not in DEBUG logs, httpx's own log line, exception messages or reprs.

Each test makes real calls at DEBUG level, including one where the server echoes the credentials back
in an error, and then looks for every secret string the client knew or obtained.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import ActivePlatformKit, Kit, PortaBillingKit, TwoSmsKit
from support.mockserver import Recorded, Reply

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]


def echo_secrets(kit: Kit, request: Recorded) -> Reply:
    """An error reply that quotes the request's credentials back, as careless servers do."""
    Reply = kit.server.Reply
    auth = request.headers.get("authorization", "")
    if kit.name == "intandem":
        return Reply(401, body=f"Access denied for {auth}")
    if kit.name == "activeplatform":
        token = request.params.get("api_token")
        return Reply(422, json={"errors": {"api_token": [f"{token} is expired"]}, "api_token": token})
    if kit.name == "octopush":
        key, login = request.headers.get("api-key"), request.headers.get("api-login")
        return Reply(400, json={"code": 1, "message": f"key {key} not valid for {login}"})
    if kit.name == "portabilling":
        token = auth.removeprefix("Bearer ")
        return Reply(500, json={"faultcode": "Server.Internal", "faultstring": f"token {token} rejected"})
    token = auth.removeprefix("Bearer ")
    return Reply(200, json={"Error": {"ErrorCode": "E9", "ErrorReason": f"token {token} not allowed"}})


def prepare(kit: Kit) -> dict[str, Any]:
    """Arguments of a main call that carries secrets in its body too."""
    if kit.name == "portabilling":
        from portabilling_client.models import AccountInfo

        return {"account_info": AccountInfo(i_account=7, password="AccountPass-SECRET-9")}
    return {}


def assert_no_secret(kit: Kit, *texts: str) -> None:
    assert kit.secrets, "the kit knows no secrets: the test would prove nothing"
    for text in texts:
        for secret in kit.secrets:
            assert secret not in text, f"{secret!r} leaked into: {text[:300]}"


@pytest.mark.parametrize("api", APIS)
def test_logs_errors_and_reprs_show_no_secret(api: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    client = kit.connect()

    kit.call(client, **prepare(kit))
    if kit.name == "portabilling":
        kit.expire_sessions()  # a renewal: the refreshed tokens must be masked too
        kit.call(client, **prepare(kit))
    kit.server.route(kit.method, kit.path, lambda request: echo_secrets(kit, request))
    with pytest.raises(kit.errors.ApiError) as caught:
        kit.call(client, **prepare(kit))

    exc = caught.value
    log = caplog.text
    # The exchange was logged (so the absence of secrets means something) ...
    assert f"request {kit.method} " in log and "response " in log
    assert "HTTP Request:" in log  # httpx's own INFO line
    assert "***" in log
    # ... and nothing secret was shown anywhere.
    auth = client.get_httpx_client().auth
    assert_no_secret(
        kit,
        log,
        str(exc),
        repr(exc),
        repr(exc.body),
        repr(exc.body_data),
        str(exc.vendor_message),
        repr(client),
        repr(client.settings),
        repr(auth),
    )


def test_activeplatform_token_is_masked_in_httpx_log_line(
    activeplatform: ActivePlatformKit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    client = activeplatform.connect()

    activeplatform.call(client)

    (line,) = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert line.startswith(f"HTTP Request: PUT {activeplatform.server.url}{activeplatform.path}?api_token=***")
    assert line.endswith('"HTTP/1.1 200 OK"')


def test_connection_errors_do_not_show_the_query_token(activeplatform: ActivePlatformKit, unused_port: int) -> None:
    client = activeplatform.connect(base_url=f"http://127.0.0.1:{unused_port}", max_retries=0)

    with pytest.raises(activeplatform.errors.ApiConnectionError) as caught:
        activeplatform.call(client)

    assert f"127.0.0.1:{unused_port}" in str(caught.value)
    assert_no_secret(activeplatform, str(caught.value), repr(caught.value))


def test_response_parse_errors_mask_echoed_secrets(activeplatform: ActivePlatformKit) -> None:
    html = "<html>Maintenance. Your link: /accounts/505.json?api_token=ap-SECRET-manager-token</html>"
    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(200, body=html))
    client = activeplatform.connect()

    with pytest.raises(activeplatform.errors.ResponseParseError) as caught:
        activeplatform.call(client)

    assert "Maintenance" in str(caught.value)
    assert_no_secret(activeplatform, str(caught.value), repr(caught.value))


def test_refused_login_error_shows_no_password(portabilling: PortaBillingKit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    portabilling.server.route(
        "POST",
        portabilling.login_path,
        portabilling.server.Reply(
            500, json={"faultcode": "Server.Session.auth_failed", "faultstring": "Bad password pb-SECRET-password"}
        ),
    )
    client = portabilling.connect()

    with pytest.raises(portabilling.errors.AuthenticationError) as caught:
        portabilling.call(client)

    assert "Bad password ***" in str(caught.value)
    assert_no_secret(portabilling, caplog.text, str(caught.value), repr(caught.value), str(caught.value.vendor_message))


def test_refused_client_credentials_error_shows_no_secret(twosms: TwoSmsKit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    twosms.server.route(
        "POST",
        twosms.token_path,
        twosms.server.Reply(
            401, json={"error": "invalid_client", "error_description": "secret 2sms-SECRET-client-secret revoked"}
        ),
    )
    client = twosms.connect()

    with pytest.raises(twosms.errors.AuthenticationError) as caught:
        twosms.call(client)

    assert_no_secret(twosms, caplog.text, str(caught.value), repr(caught.value))


@pytest.mark.anyio
async def test_async_logs_show_no_secret(twosms: TwoSmsKit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with twosms.connect() as client:
        await twosms.acall(client)
        twosms.revoke_tokens()
        await twosms.acall(client)

    assert "request PUT" in caplog.text and "HTTP Request:" in caplog.text
    assert len(twosms.issued) == 4
    assert_no_secret(twosms, caplog.text)


def test_api_token_query_values_are_masked_by_name(
    activeplatform: ActivePlatformKit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = activeplatform.connect(api_token="k9z")  # too short to be masked by value: the name must do it

    activeplatform.call(client)

    assert "api_token=***" in caplog.text
    assert "api_token=k9z" not in caplog.text


def test_lists_are_shown_to_the_same_depth_as_objects() -> None:
    """Below _MAX_SHOWN_DEPTH (32) levels a shown structure is cut, whether it nests lists or objects."""
    from accountkit_runtime.redaction import Redactor

    def nested(levels: int, wrap: Any) -> Any:
        value: Any = "leaf"
        for _ in range(levels):
            value = wrap(value)
        return value

    def depth(value: Any) -> int:
        levels = 0
        while isinstance(value, (list, dict)):
            value = value[0] if isinstance(value, list) else value["k"]
            levels += 1
        return levels

    for wrap in (lambda v: [v], lambda v: {"k": v}):
        assert depth(Redactor().data(nested(40, wrap))) == 32
        assert Redactor().data(nested(32, wrap)) == nested(32, wrap)  # 32 levels: shown whole, leaf and all


def test_a_short_body_is_shown_whole_and_a_long_one_says_how_much_is_cut() -> None:
    from accountkit_runtime.redaction import Redactor

    assert Redactor().body(b'{"a": 1}') == '{"a": 1}'
    assert Redactor().body(b"x" * 10, limit=10) == "x" * 10
    assert Redactor().body(b"x" * 11, limit=10) == "x" * 10 + "... (1 more characters)"


@pytest.mark.parametrize("api", APIS)
def test_async_logs_and_errors_of_every_logger_show_no_secret(
    api: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture
) -> None:
    """Every logger at DEBUG (aiohttp's and asyncio's included, on whichever async transport), through a
    login or token request, a renewal where the API has one, and an error that echoes the secrets."""
    import asyncio

    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    client = kit.connect()

    async def calls() -> Any:
        async with client:
            await kit.acall(client, **prepare(kit))
            if kit.name == "portabilling":
                kit.expire_sessions()
                await kit.acall(client, **prepare(kit))
            kit.server.route(kit.method, kit.path, lambda request: echo_secrets(kit, request))
            with pytest.raises(kit.errors.ApiError) as caught:
                await kit.acall(client, **prepare(kit))
            return caught.value

    exc: Any = asyncio.run(calls())
    log = caplog.text
    assert f"request {kit.method} " in log and "HTTP Request:" in log and "***" in log
    assert_no_secret(kit, log, str(exc), repr(exc), repr(exc.body), repr(exc.body_data), repr(client))
