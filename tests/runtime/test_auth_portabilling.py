"""PortaBilling sessions: login, Bearer reuse, renewal on session faults (refresh, then login), refusals."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import PortaBillingKit, runtime_module
from support.mockserver import MockServer, Reply

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import Clock

SESSION_FAULTCODES = [
    "Server.Session.check_auth.auth_failed",
    "Client.check_auth.envelope_missed",
    "Client.Session.check_auth.failed_to_process_jwt",
    "Client.Session.check_auth.failed_to_process_access_token",
]


def unavailable(server: MockServer) -> Reply:
    return server.Reply(503, body="Service Unavailable", content_type="text/plain")


def test_logs_in_then_sends_the_access_token_as_bearer(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()

    result = portabilling.call(client)

    (login,) = portabilling.server.calls(portabilling.login_path)
    assert login.json() == {"params": {"login": "admin", "password": "pb-SECRET-password"}}
    assert login.headers["content-type"] == "application/json"
    (update,) = portabilling.main_calls()
    assert update.headers["authorization"] == "Bearer pb-access-SECRET-1"
    assert result.i_account == 7


def test_the_access_token_is_reused(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()

    for _ in range(3):
        portabilling.call(client)

    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert {portabilling.bearer(r) for r in portabilling.main_calls()} == {"pb-access-SECRET-1"}


def test_session_expiry_renews_with_the_refresh_token_and_replays(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.expire_sessions()

    result = portabilling.call(client)

    assert result.i_account == 7
    (refresh,) = portabilling.server.calls(portabilling.refresh_path)
    assert refresh.json() == {"params": {"refresh_token": "pb-refresh-SECRET-1"}}
    assert len(portabilling.server.calls(portabilling.login_path)) == 1  # no second login
    bearers = [portabilling.bearer(r) for r in portabilling.main_calls()]
    assert bearers == ["pb-access-SECRET-1", "pb-access-SECRET-1", "pb-access-SECRET-2"]


def test_a_failed_refresh_falls_back_to_a_fresh_login(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.expire_sessions()
    portabilling.refresh_works = False

    result = portabilling.call(client)

    assert result.i_account == 7
    paths = [r.path for r in portabilling.server.requests]
    assert paths == [
        portabilling.login_path,
        portabilling.path,
        portabilling.path,  # session fault
        portabilling.refresh_path,  # refused
        portabilling.login_path,
        portabilling.path,  # replayed with the new session
    ]
    assert portabilling.bearer(portabilling.main_calls()[-1]) == "pb-access-SECRET-2"


@pytest.mark.parametrize("faultcode", SESSION_FAULTCODES)
def test_every_session_faultcode_triggers_renewal(portabilling: PortaBillingKit, faultcode: str) -> None:
    portabilling.expiry_faultcode = faultcode
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.expire_sessions()

    assert portabilling.call(client).i_account == 7
    assert len(portabilling.server.calls(portabilling.refresh_path)) == 1


def test_renewal_happens_once_then_the_fault_is_raised(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.reject_all_tokens = True  # even the renewed session is refused

    with pytest.raises(portabilling.errors.AuthenticationError) as caught:
        portabilling.call(client)

    assert caught.value.code == "Server.Session.check_auth.auth_failed"
    assert caught.value.status_code == 500
    assert len(portabilling.server.calls(portabilling.refresh_path)) == 1
    assert len(portabilling.main_calls()) == 3  # first call, failed call, one replay


def test_a_refused_login_is_an_authentication_error(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect(password="wrong-password")

    with pytest.raises(portabilling.errors.AuthenticationError) as caught:
        portabilling.call(client)

    assert caught.value.code == "Server.Session.auth_failed"
    assert caught.value.vendor_message == "Login failed: wrong login or password"
    assert caught.value.response is not None and caught.value.response.status_code == 500
    assert len(portabilling.server.calls(portabilling.login_path)) == 1  # a login is not retried
    assert portabilling.main_calls() == []


LOCKED_OUT = "Server.Session.cannot_login_brute_force_activity"


def test_a_locked_out_login_is_a_refused_login_not_repeated(portabilling: PortaBillingKit) -> None:
    portabilling.locked_out = True
    client = portabilling.connect(max_retries=3)

    with pytest.raises(portabilling.errors.AuthenticationError) as caught:
        portabilling.call(client)

    assert caught.value.code == LOCKED_OUT
    assert caught.value.vendor_message == "Too many failed login attempts"
    assert "locked out after too many failed logins" in str(caught.value)
    assert len(portabilling.server.calls(portabilling.login_path)) == 1  # never repeated: it would extend the lock
    assert portabilling.main_calls() == []


def test_a_lock_out_during_a_renewal_is_a_refused_login_too(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    portabilling.expire_sessions()
    portabilling.refresh_works = False
    portabilling.locked_out = True

    with pytest.raises(portabilling.errors.AuthenticationError, match="locked out"):
        portabilling.call(client)

    assert len(portabilling.server.calls(portabilling.login_path)) == 2  # the first login, then the refused one


@pytest.mark.anyio
async def test_a_locked_out_login_async(portabilling: PortaBillingKit) -> None:
    portabilling.locked_out = True
    async with portabilling.connect(max_retries=3) as client:
        with pytest.raises(portabilling.errors.AuthenticationError, match="locked out") as caught:
            await portabilling.acall(client)

    assert caught.value.code == LOCKED_OUT
    assert len(portabilling.server.calls(portabilling.login_path)) == 1


def test_the_login_operation_itself_says_locked_out(portabilling: PortaBillingKit) -> None:
    from portabilling_client.api.session import login
    from portabilling_client.client import Client
    from portabilling_client.models import LoginRequest, LoginWithPassword

    portabilling.locked_out = True
    client = portabilling.connect()
    anonymous = Client(base_url=portabilling.base_url, settings=client.settings)

    with pytest.raises(portabilling.errors.AuthenticationError, match="locked out") as caught:
        login.sync(client=anonymous, body=LoginRequest(params=LoginWithPassword(login="admin", password="pw-123456")))

    assert caught.value.code == LOCKED_OUT
    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    anonymous.close()


def test_without_expires_in_the_session_lasts_until_a_session_fault(
    portabilling: PortaBillingKit, clock: Clock
) -> None:
    client = portabilling.connect()
    portabilling.call(client)
    clock.offset = 10 * 24 * 3600.0  # expires_at is the server's local time, with no zone: not used

    portabilling.call(client)

    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert portabilling.server.calls(portabilling.refresh_path) == []


@pytest.mark.parametrize(
    ("expires_in", "kept_until", "renewed_at"),
    [
        (3600, 3539.0, 3541.0),  # an hour: renewed the full 60 s before
        (300, 269.0, 271.0),  # five minutes: a tenth of its life before, 30 s
        ("120", 107.0, 109.0),  # a string, as some servers send it: 12 s before
    ],
)
def test_expires_in_renews_the_session_shortly_before_it_runs_out(
    portabilling: PortaBillingKit, clock: Clock, expires_in: int | str, kept_until: float, renewed_at: float
) -> None:
    portabilling.expires_in = expires_in
    client = portabilling.connect()
    portabilling.call(client)
    clock.offset = kept_until
    portabilling.call(client)
    assert portabilling.server.calls(portabilling.refresh_path) == []  # still the first session

    clock.offset = renewed_at
    portabilling.call(client)

    # Renewed before the call (with the refresh token, as on a session fault), and the call went out
    # once, with the new token: no session fault was needed to find out.
    (refresh,) = portabilling.server.calls(portabilling.refresh_path)
    assert refresh.json() == {"params": {"refresh_token": "pb-refresh-SECRET-1"}}
    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    bearers = [portabilling.bearer(r) for r in portabilling.main_calls()]
    assert bearers == ["pb-access-SECRET-1", "pb-access-SECRET-1", "pb-access-SECRET-2"]


@pytest.mark.anyio
async def test_expires_in_renews_the_session_async(portabilling: PortaBillingKit, clock: Clock) -> None:
    portabilling.expires_in = 600
    async with portabilling.connect() as client:
        await portabilling.acall(client)
        clock.offset = 541.0
        await portabilling.acall(client)

    assert len(portabilling.server.calls(portabilling.refresh_path)) == 1
    assert [portabilling.bearer(r) for r in portabilling.main_calls()] == ["pb-access-SECRET-1", "pb-access-SECRET-2"]


@pytest.mark.parametrize("expires_in", [0, -5, "soon", float("nan")])
def test_an_unusable_expires_in_says_nothing(portabilling: PortaBillingKit, clock: Clock, expires_in: object) -> None:
    portabilling.expires_in = expires_in if expires_in == expires_in else "nan"  # JSON has no NaN
    client = portabilling.connect()
    portabilling.call(client)
    clock.offset = 10 * 24 * 3600.0

    portabilling.call(client)

    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert portabilling.server.calls(portabilling.refresh_path) == []


def test_the_session_lifetime_uses_the_same_leeway_as_client_credentials() -> None:
    """One rule for every token flow: PortaBilling's session reuses TokenFlow's leeway, not a copy of it."""
    from accountkit_runtime.auth import ClientCredentialsAuth, TokenFlow
    from portabilling_client._vendor import PortaBillingSessionAuth

    for flow in (PortaBillingSessionAuth, ClientCredentialsAuth):
        assert flow._expiry is TokenFlow._expiry
        assert (flow.EXPIRY_LEEWAY, flow.LEEWAY_SHARE) == (TokenFlow.EXPIRY_LEEWAY, TokenFlow.LEEWAY_SHARE)


def test_an_unavailable_login_service_is_a_server_error_not_a_credentials_problem(
    portabilling: PortaBillingKit,
) -> None:
    from accountkit_runtime.retries import RETRY_STATUSES

    assert 503 in RETRY_STATUSES
    portabilling.server.route("POST", portabilling.login_path, unavailable(portabilling.server))
    client = portabilling.connect()

    with pytest.raises(portabilling.errors.ServerError) as caught:
        portabilling.call(client)

    assert not isinstance(caught.value, portabilling.errors.AuthenticationError)
    assert caught.value.status_code == 503
    assert len(portabilling.server.calls(portabilling.login_path)) == 1  # login (a POST) is not retried
    assert portabilling.main_calls() == []


def test_the_login_operation_itself_is_not_retried(portabilling: PortaBillingKit) -> None:
    from portabilling_client.api.session import login
    from portabilling_client.client import Client
    from portabilling_client.models import LoginRequest, LoginWithPassword

    portabilling.server.route("POST", portabilling.login_path, unavailable(portabilling.server))
    client = portabilling.connect()
    anonymous = Client(base_url=portabilling.base_url, settings=client.settings)

    with pytest.raises(portabilling.errors.ServerError):
        login.sync(client=anonymous, body=LoginRequest(params=LoginWithPassword(login="admin", password="pw-123456")))

    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    anonymous.close()


def test_the_login_honours_the_timeout(portabilling: PortaBillingKit) -> None:
    portabilling.login_delay = 3.0
    client = portabilling.connect(timeout=0.3, max_retries=0)

    started = time.monotonic()
    with pytest.raises(portabilling.errors.ApiTimeoutError):
        portabilling.call(client)

    assert time.monotonic() - started < 2.0


def test_threads_on_a_cold_client_share_one_login(portabilling: PortaBillingKit) -> None:
    portabilling.login_delay = 0.2
    client = portabilling.connect()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: portabilling.call(client), range(10)))

    assert [r.i_account for r in results] == [7] * 10
    assert len(portabilling.server.calls(portabilling.login_path)) == 1


# -- async ------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_login_bearer_and_renewal(portabilling: PortaBillingKit) -> None:
    async with portabilling.connect() as client:
        await portabilling.acall(client)
        portabilling.expire_sessions()
        result = await portabilling.acall(client)

    assert result.i_account == 7
    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert len(portabilling.server.calls(portabilling.refresh_path)) == 1
    assert portabilling.bearer(portabilling.main_calls()[-1]) == "pb-access-SECRET-2"


@pytest.mark.anyio
async def test_async_refused_login_is_an_authentication_error(portabilling: PortaBillingKit) -> None:
    async with portabilling.connect(password="wrong-password") as client:
        with pytest.raises(portabilling.errors.AuthenticationError) as caught:
            await portabilling.acall(client)

    assert caught.value.code == "Server.Session.auth_failed"


@pytest.mark.anyio
async def test_fifty_concurrent_calls_on_a_cold_client_log_in_once(portabilling: PortaBillingKit) -> None:
    portabilling.login_delay = 0.2  # every call is waiting while the first login is under way
    async with portabilling.connect() as client:
        results = await asyncio.gather(*(portabilling.acall(client) for _ in range(50)))

    assert [r.i_account for r in results] == [7] * 50
    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert len(portabilling.main_calls()) == 50


@pytest.mark.anyio
async def test_fifty_concurrent_calls_after_expiry_renew_once(portabilling: PortaBillingKit) -> None:
    async with portabilling.connect() as client:
        await portabilling.acall(client)
        portabilling.expire_sessions()
        results = await asyncio.gather(*(portabilling.acall(client) for _ in range(50)))

    assert len(results) == 50
    renewals = portabilling.server.calls(portabilling.refresh_path) + portabilling.server.calls(portabilling.login_path)
    assert len(renewals) == 2  # the first login and one refresh


@pytest.mark.parametrize("status", [403, 500])
def test_a_login_answer_that_is_not_a_200_is_no_session_whatever_its_body(
    status: int, portabilling: PortaBillingKit
) -> None:
    """A refusal that happens to carry an access_token (a proxy's page, a vendor fault) must not be taken as one."""
    body = {"access_token": "pb-access-SECRET-refused", "expires_in": 3600}
    portabilling.server.route("POST", portabilling.login_path, portabilling.server.Reply(status, json=body))
    client = portabilling.connect()

    with pytest.raises(portabilling.errors.ApiError):
        portabilling.call(client)

    assert portabilling.main_calls() == []  # nothing was sent with the refused answer's token


def test_a_session_fault_after_the_token_ran_out_renews_the_session(
    portabilling: PortaBillingKit, clock: Clock
) -> None:
    """The token was valid when the call left and has run out by the time its session fault comes back:
    nothing valid is left to retry with, so the session is renewed (not a crash on the missing token)."""
    portabilling.expires_in = 600
    client = portabilling.connect()
    portabilling.call(client)
    normal = portabilling.server.handler("POST", portabilling.path)
    faulted: list[bool] = []

    def run_out_on_the_way(request: Any) -> Any:
        if not faulted:
            faulted.append(True)
            clock.offset = 10_000.0
            portabilling.expire_sessions()
        return normal(request)

    portabilling.server.route("POST", portabilling.path, run_out_on_the_way)

    assert portabilling.call(client) is not None

    assert len(portabilling.server.calls(portabilling.refresh_path)) == 1
    bearers = [portabilling.bearer(r) for r in portabilling.main_calls()]
    assert bearers == ["pb-access-SECRET-1", "pb-access-SECRET-1", "pb-access-SECRET-2"]


def test_a_200_login_answer_without_a_token_is_a_parse_error_not_a_refusal(portabilling: PortaBillingKit) -> None:
    portabilling.server.route("POST", portabilling.login_path, portabilling.server.Reply(200, json={"session_id": "1"}))
    client = portabilling.connect()

    with pytest.raises(portabilling.errors.ResponseParseError, match="no access token in the response"):
        portabilling.call(client)


# -- refused credentials are not asked again at once ----------------------------------------------------
@pytest.mark.parametrize("mode", ["sync", "httpx", "aiohttp"])
def test_refused_credentials_are_not_sent_again_by_the_calls_that_follow(
    mode: str, portabilling: PortaBillingKit
) -> None:
    """A bulk job with a wrong password: fifty concurrent calls and five more after them make one login,
    every call failing with the refusal, instead of one refused login per call (a lock-out)."""
    client = portabilling.connect(password="wrong-password", max_retries=2)
    if mode == "sync":
        outcomes = []
        for _ in range(5):
            with pytest.raises(portabilling.errors.AuthenticationError) as caught:
                portabilling.call(client)
            outcomes.append(caught.value)
    else:
        client = client.with_options(async_transport=mode)

        async def many() -> list[BaseException]:
            async with client:
                first = await asyncio.gather(*(portabilling.acall(client) for _ in range(50)), return_exceptions=True)
                later = [await asyncio.gather(portabilling.acall(client), return_exceptions=True) for _ in range(5)]
                return [*first, *(outcome for [outcome] in later)]

        outcomes = asyncio.run(many())

    assert len(portabilling.server.calls(portabilling.login_path)) == 1
    assert all(isinstance(outcome, portabilling.errors.AuthenticationError) for outcome in outcomes)
    assert {(outcome.code, outcome.status_code) for outcome in outcomes} == {("Server.Session.auth_failed", 500)}
    assert "wrong-password" not in " ".join(map(str, outcomes))
    assert portabilling.main_calls() == []


def test_refused_credentials_are_asked_again_once_the_refusal_no_longer_holds(
    portabilling: PortaBillingKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ``REFUSAL_HOLD`` seconds one call logs in again (a lock-out ends, a password is reset at the
    vendor); while the refusal holds, the error says so."""
    monkeypatch.setattr(runtime_module("auth").TokenFlow, "REFUSAL_HOLD", 0.5)
    portabilling.locked_out = True
    client = portabilling.connect()
    with pytest.raises(portabilling.errors.AuthenticationError):
        portabilling.call(client)
    with pytest.raises(
        portabilling.errors.AuthenticationError, match=r"locked out.*\(refused 0 s ago; not asked again"
    ) as held:
        portabilling.call(client)
    assert held.value.code == LOCKED_OUT and held.value.response is None
    assert len(portabilling.server.calls(portabilling.login_path)) == 1

    portabilling.locked_out = False
    time.sleep(0.6)

    assert portabilling.call(client).i_account == 7
    assert len(portabilling.server.calls(portabilling.login_path)) == 2


def test_an_outage_of_the_login_is_not_held_against_the_credentials(portabilling: PortaBillingKit) -> None:
    """Only a refusal of the credentials is remembered: a login that failed with 503 is tried again."""
    portabilling.server.route("POST", portabilling.login_path, portabilling.server.Reply(503, json={"faultcode": "x"}))
    client = portabilling.connect(max_retries=0)
    for _ in range(2):
        with pytest.raises(portabilling.errors.ApiStatusError) as caught:
            portabilling.call(client)
        assert not isinstance(caught.value, portabilling.errors.AuthenticationError)

    assert len(portabilling.server.calls(portabilling.login_path)) == 2
