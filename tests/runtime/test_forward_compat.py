"""Responses tolerate what the spec does not list yet (enum values, properties); requests stay strict."""

from __future__ import annotations

import pytest


def test_unknown_enum_values_and_properties_in_a_response(activeplatform) -> None:
    body = {
        "id": 505,
        "status": "suspended for review",
        "default_payment_model": "barter",
        "loyalty_tier": "gold",
        "first_name": "Ann",
    }
    activeplatform.server.route("PUT", activeplatform.path, activeplatform.server.Reply(json=body))
    client = activeplatform.connect()

    account = activeplatform.call(client)

    assert account.id == 505 and account.first_name == "Ann"
    assert account.status == "suspended for review"
    assert account.status.value == "suspended for review"
    assert account.default_payment_model.value == "barter"
    assert account.additional_properties == {"loyalty_tier": "gold"}
    assert account.to_dict()["status"] == "suspended for review"  # kept as received


def test_known_enum_values_are_still_members(activeplatform) -> None:
    from activeplatform_client.models import AccountStatus

    client = activeplatform.connect()

    assert activeplatform.call(client).status is AccountStatus.ACTIVE


def test_unknown_properties_in_envelopes(twosms) -> None:
    twosms.server.route(
        "PUT",
        twosms.path,
        twosms.server.Reply(json={"Error": None, "ResponseData": {"Result": "Success", "Trace": "t-1"}, "Version": 3}),
    )
    result = twosms.call(twosms.connect())
    assert result.additional_properties == {"Version": 3}
    assert result.response_data.additional_properties == {"Trace": "t-1"}


def test_unknown_properties_next_to_required_ones(portabilling) -> None:
    portabilling.server.route(
        "POST", portabilling.path, portabilling.server.Reply(json={"i_account": 7, "i_account_new": 8})
    )
    result = portabilling.call(portabilling.connect())

    assert result.i_account == 7
    assert result.additional_properties == {"i_account_new": 8}


def test_unknown_int_enum_values_are_kept() -> None:
    from portabilling_client.models import AccountInfo, AccountInfoIAccountRole

    info = AccountInfo.from_dict({"i_account": 7, "i_account_role": 42, "bill_status": "X"})

    assert info.i_account_role == 42 and info.i_account_role.value == 42
    assert info.bill_status == "X"
    assert AccountInfoIAccountRole(1) is AccountInfoIAccountRole.UNIVERSAL
    with pytest.raises(ValueError):
        AccountInfoIAccountRole("1")  # a value of the wrong kind is still refused


def test_requests_stay_strict(portabilling) -> None:
    from portabilling_client.models import AccountInfo, AccountInfoIAccountRole

    info = AccountInfo(i_account=7, i_account_role=AccountInfoIAccountRole(42))

    with pytest.raises(portabilling.errors.RequestValidationError, match="body.params.account_info.i_account_role"):
        portabilling.call(portabilling.connect(), account_info=info)
    assert portabilling.server.requests == []
