"""``RequestOptions(extra_body=..., extra_query=...)``: keys the spec does not document, for one call.

Sent as given (what the loopback server received is checked), outside the validation against the spec for
those keys only, redacted in logs like any other value. A key the call already sets, or one the spec
documents at that place, is refused before anything is sent; so is what cannot be encoded.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import InTandemKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
WITH_BODY = [api for api in APIS if api != "intandem"]  # inTandem's change_package is a GET


def options(kit: Any, **kwargs: Any) -> Any:
    return kit.package.RequestOptions(**kwargs)


def refused(kit: Any, where: str, fragment: str, **call: Any) -> None:
    """The call ends in RequestValidationError naming ``where``; the server saw nothing."""
    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(kit.connect(), **call)
    problems = dict(caught.value.errors)
    assert where in problems, caught.value.errors
    assert fragment in problems[where]
    assert kit.server.requests == []


# -- every client ---------------------------------------------------------------------------------


@pytest.mark.parametrize("api", WITH_BODY)
def test_an_undocumented_body_key_is_sent_as_given(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    extra = {"custom_flag": True, "custom_list": [1, "two", None], "custom_object": {"a": {"b": 1}}}

    kit.call(kit.connect(), request_options=options(kit, extra_body=extra))

    sent = kit.main_calls()[0].json()
    assert {key: sent[key] for key in extra} == extra
    assert sent.keys() - extra.keys()  # beside the documented body, which is still sent


@pytest.mark.parametrize("api", APIS)
def test_an_undocumented_query_key_is_sent_as_given(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)

    kit.call(kit.connect(), request_options=options(kit, extra_query={"trace": "t-1", "tag": ["a", "b"], "n": 3}))

    query = kit.main_calls()[0].query
    assert [pair for pair in query if pair[0] in ("trace", "tag", "n")] == [
        ("trace", "t-1"),
        ("tag", "a"),
        ("tag", "b"),
        ("n", "3"),
    ]


@pytest.mark.parametrize("api", WITH_BODY)
@pytest.mark.anyio
async def test_extras_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    async with kit.connect() as client:
        await kit.acall(client, request_options=options(kit, extra_body={"custom": 1}, extra_query={"trace": "t"}))

    (call,) = kit.main_calls()
    assert call.json()["custom"] == 1 and ("trace", "t") in call.query


@pytest.mark.parametrize("api", WITH_BODY)
def test_a_key_the_call_already_sets_is_refused_not_overridden(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    sent_key = next(iter(kit._arguments()[1]["body"].to_dict()))  # a key the kit's body sets

    refused(
        kit,
        f"extra_body.{sent_key}",
        "set both by the call and in extra_body",
        request_options=options(kit, extra_body={sent_key: "other"}),
    )


# -- PortaBilling: at the depth the caller names --------------------------------------------------


def test_an_account_info_key_the_page_does_not_list(portabilling: PortaBillingKit) -> None:
    extra = {"params": {"account_info": {"api_token": "acct-SECRET-token"}}}

    portabilling.call(portabilling.connect(), request_options=options(portabilling, extra_body=extra))

    sent = portabilling.main_calls()[0].json()["params"]["account_info"]
    assert sent == {"i_account": 7, "firstname": "Ann", "api_token": "acct-SECRET-token"}


def test_extra_keys_are_masked_in_logs_like_any_value(
    portabilling: PortaBillingKit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    extra = {"params": {"account_info": {"api_token": "acct-SECRET-token", "nickname": "Annie"}}}

    portabilling.call(portabilling.connect(), request_options=options(portabilling, extra_body=extra))

    assert "acct-SECRET-token" not in caplog.text  # a secret-named key is masked, wherever it came from
    assert '"api_token": "***"' in caplog.text or '"api_token":"***"' in caplog.text
    assert "Annie" in caplog.text  # an ordinary value is shown, as any other


def test_a_documented_key_is_refused_in_extra_body(portabilling: PortaBillingKit) -> None:
    extra = {"params": {"account_info": {"lastname": "Lee"}}}
    refused(
        portabilling,
        "extra_body.params.account_info.lastname",
        "documented by the spec",
        request_options=options(portabilling, extra_body=extra),
    )


def test_a_documented_key_with_a_wrong_value_is_refused_in_extra_body(portabilling: PortaBillingKit) -> None:
    # Not an undocumented key to send as given: the model knows the name and only the value is wrong
    # (pydantic calls it an "enum" error, not "extra_forbidden").
    extra = {"params": {"account_info": {"blocked": "Z"}}}
    refused(
        portabilling,
        "extra_body.params.account_info.blocked",
        "documented by the spec",
        request_options=options(portabilling, extra_body=extra),
    )


def test_a_misspelt_documented_key_in_the_body_is_still_refused(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import UpdateAccountParams, UpdateAccountRequest

    misspelt = UpdateAccountRequest(params=UpdateAccountParams(account_info={"i_account": 7, "firstnme": "Ann"}))  # type: ignore[arg-type]
    refused(
        portabilling,
        "body.params.account_info.firstnme",
        "Extra inputs are not permitted",
        body=misspelt,
        request_options=options(portabilling, extra_body={"params": {"account_info": {"api_token": "t-1234"}}}),
    )


def test_a_documented_value_is_still_validated_beside_extras(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    refused(
        portabilling,
        "body.params.account_info.zip",
        "at most 10 characters",
        account_info=AccountInfo(i_account=7, zip_="12345678901"),
        request_options=options(portabilling, extra_body={"params": {"account_info": {"custom": "x"}}}),
    )


def test_extras_of_a_login_go_into_the_credentials_object(portabilling: PortaBillingKit) -> None:
    """``params`` of Session/login is one of two shapes (a union): extras there are still found undocumented."""
    from portabilling_client.api.session import login
    from portabilling_client.client import Client
    from portabilling_client.models import LoginRequest, LoginWithPassword

    client = portabilling.connect()
    anonymous = Client(base_url=portabilling.base_url, settings=client.settings)
    body = LoginRequest(params=LoginWithPassword(login="admin", password="pb-SECRET-password"))
    extra = options(portabilling, extra_body={"params": {"remember": 1}})

    login.sync(client=anonymous, body=body, request_options=extra)

    (sent,) = portabilling.server.calls(portabilling.login_path)
    assert sent.json() == {"params": {"login": "admin", "password": "pb-SECRET-password", "remember": 1}}
    anonymous.close()


# -- Octopush: objects the caller names are made when the body has none ---------------------------


def test_an_undocumented_key_inside_a_documented_object_the_body_lacks(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountEdit

    # The create page's name for the deliveries callback, which this edit page does not list.
    extra = {"callbacks": {"callback_url_for_sms_deliveries": "https://hooks.example.com/dr"}}
    octopush.call(
        octopush.connect(), body=SubaccountEdit(first_name="Ann"), request_options=options(octopush, extra_body=extra)
    )

    assert octopush.main_calls()[0].json() == {"first_name": "Ann", **extra}


def test_a_documented_key_used_as_an_object_is_refused(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountEdit

    with pytest.raises(octopush.errors.RequestValidationError) as caught:
        octopush.call(
            octopush.connect(),
            body=SubaccountEdit(first_name="Ann"),
            request_options=options(octopush, extra_body={"last_name": {"x": 1}}),
        )

    assert "body.last_name" in dict(caught.value.errors)  # a documented string, not an object
    assert octopush.server.requests == []


@pytest.mark.parametrize(
    ("value", "problem"),
    [(math.nan, "NaN"), (b"raw", "bytes"), ("\ud800", "lone surrogate")],
    ids=["nan", "bytes", "surrogate"],
)
def test_what_cannot_be_encoded_is_refused(octopush: OctopushKit, value: object, problem: str) -> None:
    with pytest.raises(octopush.errors.RequestValidationError) as caught:
        octopush.call(octopush.connect(), request_options=options(octopush, extra_body={"custom": value}))

    assert [where for where, _ in caught.value.errors] == ["body.custom"]  # that, and nothing else, is wrong
    assert problem in caught.value.errors[0][1]
    assert octopush.server.requests == []


def test_a_query_value_that_cannot_be_sent_is_refused(octopush: OctopushKit) -> None:
    refused(
        octopush,
        "parameters.trace",
        "cannot be sent",
        request_options=options(octopush, extra_query={"trace": {"a": 1}}),
    )


def test_extra_body_must_be_a_mapping(octopush: OctopushKit) -> None:
    with pytest.raises(TypeError, match="extra_body must be a mapping"):
        octopush.package.RequestOptions(extra_body=[("a", 1)])


def test_with_validation_off_extras_are_sent_and_collisions_still_refused(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountEdit

    client = octopush.connect(validate_requests=False)
    body = SubaccountEdit(first_name="Ann")
    octopush.call(client, body=body, request_options=options(octopush, extra_body={"custom": 1}))
    assert octopush.main_calls()[0].json() == {"first_name": "Ann", "custom": 1}

    with pytest.raises(octopush.errors.RequestValidationError, match="extra_body.first_name"):
        octopush.call(client, body=body, request_options=options(octopush, extra_body={"first_name": "Bo"}))
    assert len(octopush.main_calls()) == 1


# -- inTandem: the query, and the other wire forms of external_subscription_params ---------------


def test_extra_body_on_a_call_without_a_body_is_refused(intandem: InTandemKit) -> None:
    refused(intandem, "extra_body", "sends no JSON body", request_options=options(intandem, extra_body={"a": 1}))


def test_a_query_key_set_by_an_argument_is_refused(intandem: InTandemKit) -> None:
    refused(
        intandem,  # the kit passes package_name="gold"
        "extra_query.package_name",
        "set both by the call",
        request_options=options(intandem, extra_query={"package_name": "silver"}),
    )


def test_a_documented_parameter_left_unset_is_refused_in_extra_query(intandem: InTandemKit) -> None:
    refused(
        intandem,
        "extra_query.edit_tags",
        "documented by the spec",
        request_options=options(intandem, extra_query={"edit_tags": "vip"}),
    )


def test_a_path_parameter_name_is_refused_in_extra_query(intandem: InTandemKit) -> None:
    refused(
        intandem,
        "extra_query.business_uid",
        "documented by the spec",
        request_options=options(intandem, extra_query={"business_uid": "other"}),
    )


def test_billing_params_go_out_as_a_rails_hash_by_default(intandem: InTandemKit) -> None:
    from intandem_client.models import ChangePackageExternalSubscriptionParams

    params = ChangePackageExternalSubscriptionParams.from_dict({"plan": "gold", "seats": "3"})
    intandem.call(intandem.connect(), external_subscription_params=params)

    assert intandem.main_calls()[0].query == [
        ("package_name", "gold"),
        ("external_subscription_params[plan]", "gold"),
        ("external_subscription_params[seats]", "3"),
    ]


def test_billing_params_in_the_vendor_files_form_for_one_call(intandem: InTandemKit) -> None:
    extra = options(intandem, extra_query={"external_subscription_params": ["plan:gold", "seats:3"]})
    intandem.call(intandem.connect(), request_options=extra)

    assert intandem.main_calls()[0].query == [
        ("package_name", "gold"),
        ("external_subscription_params", "plan:gold"),
        ("external_subscription_params", "seats:3"),
    ]


@pytest.mark.anyio
async def test_billing_params_as_a_rails_array_for_one_call_async(intandem: InTandemKit) -> None:
    extra = options(intandem, extra_query={"external_subscription_params[]": ["gold", "3"]})
    async with intandem.connect() as client:
        await intandem.acall(client, request_options=extra)

    assert intandem.main_calls()[0].query == [
        ("package_name", "gold"),
        ("external_subscription_params[]", "gold"),
        ("external_subscription_params[]", "3"),
    ]


def test_billing_params_in_two_forms_at_once_are_refused(intandem: InTandemKit) -> None:
    from intandem_client.models import ChangePackageExternalSubscriptionParams

    refused(
        intandem,
        "extra_query.external_subscription_params",
        "documented by the spec",
        external_subscription_params=ChangePackageExternalSubscriptionParams.from_dict({"plan": "gold"}),
        request_options=options(intandem, extra_query={"external_subscription_params": ["plan:gold"]}),
    )


# -- a client package that predates extras --------------------------------------------------------


def test_a_client_that_does_not_apply_extras_refuses_them_instead_of_dropping_them(octopush: OctopushKit) -> None:
    """A package generated before extras existed never passes them to check_request: nothing is sent."""
    from accountkit_runtime import transport, validation
    from octopush_client.api.subaccounts import edit_subaccount

    client = octopush.connect()
    kwargs = validation.check_request(edit_subaccount._OPERATION, {"subaccount_email": octopush.email}, {
        "method": "patch", "url": octopush.path, "json": {"first_name": "Ann"},
    })  # fmt: skip
    extra = options(octopush, extra_body={"custom": 1})

    with pytest.raises(octopush.errors.ConfigurationError, match="predates them"):
        transport.send_sync(client, edit_subaccount._OPERATION, kwargs, extra)

    assert octopush.server.requests == []


def test_a_validation_errors_location_is_followed_through_lists_by_index() -> None:
    """pydantic's locations mix keys, list indexes and union member names: only what leads into the data
    is kept, so that an extra key deep in a list is found where it was added."""
    from accountkit_runtime.extras import data_path

    body = {"items": [{"a": 1}, {"b": 2}]}

    assert data_path(body, ("items", 0, "a")) == ("items", "0", "a")
    assert data_path(body, ("items", 1, "Member", "b")) == ("items", "1", "b")
    assert data_path(body, ("items", 2, "a")) == ("items",)  # past the end: leads nowhere
    assert data_path(body, ("items", -1, "b")) == ("items",)  # pydantic never counts from the end
