"""The client objects (``PortaBilling()``, ``AsyncOctopush()``, ...) against the loopback server.

Every operation of every vendor through its object, sync and async: what goes on the wire, that the
call returns the success model, the per-call options, ``with_options()`` sharing the pools and the
login, closing, and error bodies as the spec's models (``ApiStatusError.body``).
"""

from __future__ import annotations

import asyncio
import pickle
import uuid
from typing import Any

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inTandem's operation is deprecated


def fault(server: Any, code: str, text: str) -> Any:
    """A PortaBilling fault: HTTP 500 with faultcode and faultstring."""
    return server.Reply(500, json={"faultcode": code, "faultstring": text})


# 2sms requires these five fields on every update (the spec's AccountV3).
TWOSMS_REQUIRED: dict[str, Any] = {
    "contact_number": "+44 20 7946 0000",
    "email_address": "ops@example.com",
    "sms_password": "SmsPass-SECRET-1",
    "sms_username": "ops",
    "time_zone": "GMT Standard Time",
}
TWOSMS_WIRE = {
    "ContactNumber": "+44 20 7946 0000",
    "EmailAddress": "ops@example.com",
    "SMSPassword": "SmsPass-SECRET-1",
    "SMSUsername": "ops",
    "TimeZone": "GMT Standard Time",
}


def _fast(api: Any) -> Any:
    from accountkit_runtime.retries import RetryPolicy

    api.client.settings.retry_policy = RetryPolicy(initial_delay=0.001, max_delay=0.01)
    return api


# -- every operation, sync and async -------------------------------------------------------------


def test_portabilling_object_sends_every_operation(portabilling: Any) -> None:
    import portabilling_client
    from portabilling_client.models import LogoutResponse, SessionData, UpdateAccountResponse

    server = portabilling.server
    server.route("POST", "/rest/Session/logout", server.Reply(json={"success": 1}))
    with portabilling_client.PortaBilling(base_url=portabilling.base_url, **portabilling.credentials) as pb:
        result = pb.account.update_account(params={"account_info": {"i_account": 55, "firstname": "Ada"}})
        assert isinstance(result, UpdateAccountResponse) and result.i_account == 55
        assert portabilling.main_calls()[-1].json() == {
            "params": {"account_info": {"i_account": 55, "firstname": "Ada"}}
        }
        session = pb.session.login(params={"login": "admin", "password": "pb-SECRET-password"})
        assert isinstance(session, SessionData) and session.access_token
        refreshed = pb.session.refresh_access_token(params={"refresh_token": session.refresh_token})
        assert isinstance(refreshed, SessionData)
        out = pb.session.logout(params={"access_token": refreshed.access_token})
        assert isinstance(out, LogoutResponse)
    assert server.calls("/rest/Session/logout")[-1].json() == {"params": {"access_token": refreshed.access_token}}


def test_async_portabilling_object_sends_every_operation(portabilling: Any) -> None:
    import portabilling_client
    from portabilling_client.models import LogoutResponse, SessionData, UpdateAccountResponse

    portabilling.server.route("POST", "/rest/Session/logout", portabilling.server.Reply(json={"success": 1}))

    async def main() -> None:
        async with portabilling_client.AsyncPortaBilling(
            base_url=portabilling.base_url, **portabilling.credentials
        ) as pb:
            result = await pb.account.update_account(params={"account_info": {"i_account": 56}})
            assert isinstance(result, UpdateAccountResponse) and result.i_account == 56
            session = await pb.session.login(params={"login": "admin", "password": "pb-SECRET-password"})
            assert isinstance(session, SessionData)
            refreshed = await pb.session.refresh_access_token(params={"refresh_token": session.refresh_token})
            assert isinstance(await pb.session.logout(params={"access_token": refreshed.access_token}), LogoutResponse)

    asyncio.run(main())
    assert portabilling.main_calls()[-1].json() == {"params": {"account_info": {"i_account": 56}}}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_octopush_object_edits_a_subaccount(octopush: Any, mode: str) -> None:
    import octopush_client
    from octopush_client.models import EditSubaccountResult, SubaccountCallbacks

    arguments: dict[str, Any] = {
        "first_name": "Ann",
        "last_name": "Lee",
        "password": "SubAccount-SECRET-pass",
        "callbacks": SubaccountCallbacks(callback_url_for_inbounds="https://hooks.example.com/in"),
    }
    settings = {"base_url": octopush.base_url, **octopush.credentials}
    if mode == "sync":
        with octopush_client.Octopush(**settings) as api:
            result = api.subaccounts.edit_subaccount(octopush.email, **arguments)
    else:

        async def main() -> Any:
            async with octopush_client.AsyncOctopush(**settings) as api:
                return await api.subaccounts.edit_subaccount(octopush.email, **arguments)

        result = asyncio.run(main())
    assert isinstance(result, EditSubaccountResult) and result.to_dict() == {"first_name": "Ann"}
    sent = octopush.main_calls()[-1]
    assert sent.headers["api-key"] == "oct-SECRET-api-key"
    assert sent.json() == {
        "first_name": "Ann",
        "last_name": "Lee",
        "password": "SubAccount-SECRET-pass",
        "callbacks": {"callback_url_for_inbounds": "https://hooks.example.com/in"},
    }


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_twosms_object_updates_an_account(twosms: Any, mode: str) -> None:
    import twosms_client
    from twosms_client.models import ResponseOfObject

    settings = {"base_url": twosms.base_url, **twosms.credentials}
    if mode == "sync":
        with twosms_client.TwoSms(**settings) as api:
            result = api.accounts.update_account(
                twosms.account_id, first_name="Ada", last_name="Lovelace", **TWOSMS_REQUIRED
            )
    else:

        async def main() -> Any:
            async with twosms_client.AsyncTwoSms(**settings) as api:
                return await api.accounts.update_account(
                    twosms.account_id, first_name="Ada", last_name="Lovelace", **TWOSMS_REQUIRED
                )

        result = asyncio.run(main())
    assert isinstance(result, ResponseOfObject)
    assert twosms.main_calls()[-1].json() == {"FirstName": "Ada", "LastName": "Lovelace", **TWOSMS_WIRE}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_activeplatform_and_intandem_objects(server: Any, kit_for: Any, mode: str) -> None:
    import activeplatform_client
    import intandem_client
    from activeplatform_client.models import Account
    from intandem_client.models import ChangePackageResponse

    ap, itd = kit_for("activeplatform"), kit_for("intandem")
    ap_api = activeplatform_client.ActivePlatform(base_url=ap.base_url, **ap.credentials)
    itd_api = intandem_client.InTandem(base_url=itd.base_url, **itd.credentials)
    if mode == "sync":
        with ap_api, itd_api:
            account = ap_api.accounts.update_account(
                505, first_name="Ann", custom_attributes=[{"key": "k", "value": "v"}]
            )
            changed = itd_api.accounts.change_package(
                itd.uid, package_name="gold", external_subscription_params={"plan": "gold", "seats": "3"}
            )
    else:
        ap_async = activeplatform_client.AsyncActivePlatform(base_url=ap.base_url, **ap.credentials)
        itd_async = intandem_client.AsyncInTandem(base_url=itd.base_url, **itd.credentials)

        async def main() -> tuple[Any, Any]:
            async with ap_async, itd_async:
                return (
                    await ap_async.accounts.update_account(
                        505, first_name="Ann", custom_attributes=[{"key": "k", "value": "v"}]
                    ),
                    await itd_async.accounts.change_package(
                        itd.uid, package_name="gold", external_subscription_params={"plan": "gold", "seats": "3"}
                    ),
                )

        account, changed = asyncio.run(main())
    assert isinstance(account, Account) and account.id == 505
    assert isinstance(changed, ChangePackageResponse) and changed.business_id == itd.uid
    assert ap.main_calls()[-1].json() == {"first_name": "Ann", "custom_attributes": [{"key": "k", "value": "v"}]}
    assert itd.main_calls()[-1].params == {
        "package_name": "gold",
        "external_subscription_params[plan]": "gold",
        "external_subscription_params[seats]": "3",
    }


# -- arguments, options, sharing -------------------------------------------------------------------


def test_a_misspelt_key_in_a_dict_argument_is_refused_before_sending(portabilling: Any) -> None:
    import portabilling_client
    from portabilling_client.errors import RequestValidationError

    with portabilling_client.PortaBilling(base_url=portabilling.base_url, **portabilling.credentials) as pb:
        with pytest.raises(RequestValidationError, match="firstnme"):
            pb.account.update_account(params={"account_info": {"i_account": 55, "firstnme": "Ada"}})  # type: ignore[arg-type]
        with pytest.raises(RequestValidationError, match="not the shape the spec describes"):
            pb.account.update_account(params="not an object")  # type: ignore[arg-type]
    assert portabilling.main_calls() == []


def test_per_call_options_reach_the_wire_and_override_the_object(octopush: Any, record_sleeps: Any) -> None:
    import octopush_client
    from octopush_client.errors import ServerError

    sleeps = record_sleeps()
    api = _fast(octopush_client.Octopush(base_url=octopush.base_url, **octopush.credentials))
    quiet = api.with_options(max_retries=0)
    octopush.fail_first(*[octopush.server.Reply(503, json={"code": 1, "message": "busy"})] * 3)
    with pytest.raises(ServerError):
        quiet.subaccounts.edit_subaccount(
            octopush.email, first_name="A", last_name="B", password="SubAccount-SECRET-pass"
        )
    assert len(octopush.main_calls()) == 1 and sleeps.delays == []  # the copy's default: no retry
    result = quiet.subaccounts.edit_subaccount(
        octopush.email,
        first_name="A",
        last_name="B",
        password="SubAccount-SECRET-pass",
        max_retries=2,  # the call's own option wins over the copy's
        extra_headers={"X-Trace": "t-1"},
    )
    assert result.to_dict() == {"first_name": "Ann"}
    assert len(octopush.main_calls()) == 4 and octopush.main_calls()[-1].headers["x-trace"] == "t-1"
    api.close()


def test_with_options_shares_the_login_and_the_pool(portabilling: Any) -> None:
    import portabilling_client

    pb = portabilling_client.PortaBilling(base_url=portabilling.base_url, **portabilling.credentials)
    patient = pb.with_options(timeout=20, max_retries=1)
    assert type(patient) is portabilling_client.PortaBilling and patient.client is pb.client
    pb.account.update_account(params={"account_info": {"i_account": 1}})
    patient.account.update_account(params={"account_info": {"i_account": 2}})
    assert portabilling.sessions == 1  # one login for both
    pb.close()


def test_detailed_methods_return_the_response(twosms: Any) -> None:
    import twosms_client

    async def main() -> Any:
        async with twosms_client.AsyncTwoSms(base_url=twosms.base_url, **twosms.credentials) as api:
            return await api.accounts.update_account_detailed(twosms.account_id, first_name="Ada", **TWOSMS_REQUIRED)

    response = asyncio.run(main())
    assert response.status_code == 200 and b"Success" in response.content
    assert response.parsed.response_data is not None


def test_an_object_pickles_as_its_configuration(octopush: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import octopush_client

    for argument, variable in octopush.env.items():
        monkeypatch.setenv(variable, {**octopush.credentials, "base_url": octopush.base_url}[argument])
    api = octopush_client.Octopush().with_options(max_retries=0)
    data = pickle.dumps(api)
    assert b"SECRET" not in data
    copy = pickle.loads(data)
    assert type(copy) is octopush_client.Octopush
    assert copy.subaccounts.edit_subaccount(
        octopush.email, first_name="A", last_name="B", password="p4ss-Word"
    ).to_dict()
    with pytest.raises(octopush_client.errors.ClientPicklingError):
        pickle.dumps(octopush_client.Octopush(base_url=octopush.base_url, **octopush.credentials))
    api.close()
    copy.close()


# -- error bodies as the spec's models ----------------------------------------------------------------


def test_portabilling_fault_is_the_error_body(portabilling: Any) -> None:
    import portabilling_client
    from portabilling_client.errors import ServerError
    from portabilling_client.models import Fault

    portabilling.server.route(
        "POST", portabilling.path, fault(portabilling.server, "Server.Account.not_found", "No such account")
    )
    pb = _fast(portabilling_client.PortaBilling(base_url=portabilling.base_url, **portabilling.credentials))
    with pytest.raises(ServerError) as caught:
        pb.with_options(max_retries=0).account.update_account(params={"account_info": {"i_account": 9}})
    body = caught.value.body
    assert isinstance(body, Fault)
    assert (body.faultcode, body.faultstring) == ("Server.Account.not_found", "No such account")
    assert caught.value.body_data == {"faultcode": "Server.Account.not_found", "faultstring": "No such account"}
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy.body, Fault) and copy.body.faultcode == "Server.Account.not_found"
    assert copy.response is None
    pb.close()


def test_portabilling_4xx_documents_no_body(portabilling: Any) -> None:
    import portabilling_client
    from portabilling_client.errors import NotFoundError

    portabilling.server.route(
        "POST", portabilling.path, portabilling.server.Reply(404, body="<html>no</html>", content_type="text/html")
    )
    with (
        portabilling_client.PortaBilling(base_url=portabilling.base_url, **portabilling.credentials) as pb,
        pytest.raises(NotFoundError) as caught,
    ):
        pb.account.update_account(params={"account_info": {"i_account": 9}})
    assert caught.value.body is None and caught.value.body_data == "<html>no</html>"


@pytest.mark.parametrize("status", [400, 403])  # 400 documented, 403 by ``default``
def test_octopush_error_body(octopush: Any, status: int) -> None:
    import octopush_client
    from octopush_client.errors import ApiStatusError
    from octopush_client.models import ErrorBody

    secret = octopush.credentials["api_key"]
    octopush.fail_first(octopush.server.Reply(status, json={"code": 101, "message": f"bad key {secret}", "extra": 1}))

    async def main() -> None:
        async with octopush_client.AsyncOctopush(base_url=octopush.base_url, **octopush.credentials) as api:
            await api.subaccounts.edit_subaccount(octopush.email, first_name="A", last_name="B", password="p4ss-Word")

    with pytest.raises(ApiStatusError) as caught:
        asyncio.run(main())
    body = caught.value.body
    assert isinstance(body, ErrorBody) and body.code == 101
    assert secret not in repr(body) and "***" in str(body.message)  # made from the redacted body
    assert secret not in repr(pickle.loads(pickle.dumps(caught.value)).body)


def test_octopush_error_body_that_does_not_parse_is_none(octopush: Any) -> None:
    import octopush_client
    from octopush_client.errors import BadRequestError

    octopush.fail_first(octopush.server.Reply(400, json=["not", "an", "object"]))
    with (
        octopush_client.Octopush(base_url=octopush.base_url, **octopush.credentials) as api,
        pytest.raises(BadRequestError) as caught,
    ):
        api.subaccounts.edit_subaccount(octopush.email, first_name="A", last_name="B", password="p4ss-Word")
    assert caught.value.body is None and caught.value.body_data == ["not", "an", "object"]


@pytest.mark.parametrize("status", [200, 401])  # a failure inside the 200 envelope, and a 401
def test_twosms_envelope_is_the_error_body(twosms: Any, status: int) -> None:
    import twosms_client
    from twosms_client.errors import ApiStatusError, VendorError
    from twosms_client.models import ResponseOfObject

    twosms.server.route(
        twosms.method, twosms.path, twosms.server.Reply(status, json=twosms.envelope_error("E42", "Account is locked"))
    )
    with (
        twosms_client.TwoSms(base_url=twosms.base_url, **twosms.credentials) as api,
        pytest.raises((ApiStatusError, VendorError)) as caught,
    ):
        api.accounts.update_account(uuid.UUID(str(twosms.account_id)), first_name="Ada", **TWOSMS_REQUIRED)
    body = caught.value.body
    assert isinstance(body, ResponseOfObject)
    assert body.error is not None and getattr(body.error, "error_code", None) == "E42"


def test_intandem_plain_text_error_body(server: Any, kit_for: Any) -> None:
    import intandem_client
    from intandem_client.errors import AuthenticationError

    itd = kit_for("intandem")
    server.route(itd.method, itd.path, server.Reply(401, body="HTTP Token: Access denied.", content_type="text/plain"))
    with (
        intandem_client.InTandem(base_url=itd.base_url, **itd.credentials) as api,
        pytest.raises(AuthenticationError) as caught,
    ):
        api.accounts.change_package(itd.uid, package_name="gold")
    assert caught.value.body == "HTTP Token: Access denied."


def test_activeplatform_error_body(server: Any, kit_for: Any) -> None:
    import activeplatform_client
    from activeplatform_client.errors import UnprocessableError
    from activeplatform_client.models import ErrorBody

    ap = kit_for("activeplatform")
    server.route(ap.method, ap.path, server.Reply(422, json={"errors": {"email": ["is invalid"]}}))
    with (
        activeplatform_client.ActivePlatform(base_url=ap.base_url, **ap.credentials) as api,
        pytest.raises(UnprocessableError) as caught,
    ):
        api.accounts.update_account(505, email="ann@example.com")
    assert isinstance(caught.value.body, ErrorBody)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_extra_query_and_extra_body_per_call(portabilling: Any, mode: str) -> None:
    import portabilling_client

    arguments: dict[str, Any] = {
        "params": {"account_info": {"i_account": 55}},
        "extra_query": {"trace": "t-7"},
        "extra_body": {"params": {"account_info": {"x_note": "undocumented"}}},
    }
    settings = {"base_url": portabilling.base_url, **portabilling.credentials}
    if mode == "sync":
        with portabilling_client.PortaBilling(**settings) as pb:
            pb.account.update_account(**arguments)
    else:

        async def main() -> None:
            async with portabilling_client.AsyncPortaBilling(**settings) as pb:
                await pb.account.update_account(**arguments)

        asyncio.run(main())
    sent = portabilling.main_calls()[-1]
    assert sent.json() == {"params": {"account_info": {"i_account": 55, "x_note": "undocumented"}}}
    assert sent.params == {"trace": "t-7"}


def test_octopush_edits_only_the_fields_given(octopush: Any) -> None:
    import octopush_client

    with octopush_client.Octopush(base_url=octopush.base_url, **octopush.credentials) as api:
        api.subaccounts.edit_subaccount(octopush.email, first_name="Ann")
    assert octopush.main_calls()[-1].json() == {"first_name": "Ann"}


# -- the lookup itself (errorbody), on tables no generated package has today -----------------------------------


def _parser(name: str) -> Any:
    def parse(data: Any) -> str:
        return f"{name}: {data}"

    return parse


def test_a_status_is_looked_up_exactly_then_by_range_then_default() -> None:
    from accountkit_runtime.errorbody import ErrorModels

    exact, four_xx, default = _parser("exact"), _parser("4XX"), _parser("default")
    models = ErrorModels(statuses={404: exact}, ranges={4: four_xx}, default=default)

    assert [models.parser(status) for status in (404, 400, 450, 499)] == [exact, four_xx, four_xx, four_xx]
    assert [models.parser(status) for status in (302, 500, 599)] == [default, default, default]
    assert models.parse(450, {"a": 1}) == "4XX: {'a': 1}"
    silent = ErrorModels(ranges={5: None}, default=default)  # 5XX documented without a body
    assert silent.parser(503) is None and silent.parse(503, {"a": 1}) is None


def test_a_package_without_an_error_table_has_no_error_bodies() -> None:
    from accountkit_runtime.errorbody import error_body
    from accountkit_runtime.operation import Operation

    operation = Operation(name="get", method="GET", path="/x", package="accountkit_runtime")

    assert error_body(operation, 500, {"message": "down"}) is None


def test_an_httpx_client_of_the_callers_own_is_kept_even_closed() -> None:
    """The caller's client is the caller's to replace: a closed one is not swapped for one of ours."""
    import httpx
    from accountkit_runtime.pools import ConnectionPools

    pools, given = ConnectionPools(), httpx.Client()
    pools.use_sync(given)
    given.close()

    assert pools.sync(httpx.Client) is given


@pytest.mark.parametrize(
    ("status", "body", "read"),
    [
        (400, {"code": 7, "message": {"field": ["bad", "worse"], "n": None}}, ("7", "field: bad; worse; n: None")),
        (400, {"message": "plain"}, (None, "plain")),
        (502, "  Bad gateway  ", (None, "Bad gateway")),
        (500, ["not", "an", "object"], (None, None)),
    ],
)
def test_an_undocumented_error_body_is_read_by_its_common_shapes(status: int, body: Any, read: Any) -> None:
    from accountkit_runtime.settings import generic_error_reader

    assert generic_error_reader(status, body) == read


def test_settings_made_without_connect_validate_requests() -> None:
    """Validation is off only by choice (connect(validate_requests=False)), never by omission."""
    from accountkit_runtime.settings import ClientSettings

    assert ClientSettings().validate_requests is True


# -- the Client class itself (client.py), built by hand as a generated package's own code may ----------------


def test_with_options_replaces_only_what_it_is_given() -> None:
    import httpx
    from accountkit_runtime.client import Client
    from accountkit_runtime.settings import ClientSettings

    client = Client(base_url="http://127.0.0.1:9", timeout=httpx.Timeout(7.0))

    faster = client.with_options(timeout=httpx.Timeout(3.0))
    retried = client.with_options(max_retries=5)

    assert faster.get_httpx_client().timeout == httpx.Timeout(3.0)
    assert retried.get_httpx_client().timeout == httpx.Timeout(7.0) and retried.max_retries == 5
    assert client.max_retries == ClientSettings().max_retries


def test_every_argument_but_the_base_url_is_by_keyword() -> None:
    from accountkit_runtime.client import AuthenticatedClient, Client

    seconds: list[Any] = [{"session": "1"}, False, {"X-Header": "1"}]
    for cls in (Client, AuthenticatedClient):
        for second in seconds:
            with pytest.raises(TypeError):
                cls("http://127.0.0.1:9", second)  # type: ignore[call-arg]


def test_tls_is_verified_unless_turned_off() -> None:
    import ssl

    from accountkit_runtime.client import Client

    http = Client(base_url="https://127.0.0.1:9").get_httpx_client()

    assert http._transport._pool._ssl_context.verify_mode == ssl.CERT_REQUIRED  # type: ignore[attr-defined]


def test_a_misspelt_attribute_of_a_client_is_an_error_not_a_new_attribute() -> None:
    from accountkit_runtime.client import AuthenticatedClient, Client

    for client in (Client(base_url="http://127.0.0.1:9"), AuthenticatedClient(base_url="http://127.0.0.1:9")):
        with pytest.raises(AttributeError):
            client.raise_on_unexpected_staus = True  # type: ignore[attr-defined]


def test_with_options_takes_its_options_by_keyword_only(octopush: Any) -> None:
    """``with_options(5)`` would be a timeout or a retry count by position: refused, as in the client packages."""
    import octopush_client

    api = octopush_client.Octopush(base_url=octopush.base_url, **octopush.credentials)
    with pytest.raises(TypeError):
        api.with_options(5)  # type: ignore[call-arg]
    api.close()
