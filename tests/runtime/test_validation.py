"""Requests are checked against the spec before sending: a bad value names its field, nothing is sent."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from support.kits import ActivePlatformKit, InTandemKit, Kit, OctopushKit, PortaBillingKit, TwoSmsKit


def refused(kit: Kit, client: Any, where: str, **call: Any) -> str:
    """Make the call, expect RequestValidationError naming ``where``; the server must see nothing."""
    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(client, **call)
    exc: Any = caught.value
    assert isinstance(caught.value, ValueError)
    assert any(location == where for location, _ in exc.errors), exc.errors
    assert where in str(exc)
    assert "nothing was sent" in str(exc)
    assert kit.server.requests == []
    return str(exc)


def test_intandem_path_parameter_pattern(intandem: InTandemKit) -> None:
    refused(intandem, intandem.connect(), "parameters.business_uid", business_uid="88pz/../admin")


def test_intandem_query_parameter_pattern(intandem: InTandemKit) -> None:
    refused(intandem, intandem.connect(), "parameters.add_sms_credits", add_sms_credits="ten")


def test_activeplatform_wrong_type_of_path_parameter(activeplatform: ActivePlatformKit) -> None:
    refused(activeplatform, activeplatform.connect(), "parameters.account_id", account_id="505")


def test_activeplatform_body_pattern_and_type(activeplatform: ActivePlatformKit) -> None:
    from activeplatform_client.models import AccountUpdate

    message = refused(
        activeplatform,
        activeplatform.connect(),
        "body.country",
        body=AccountUpdate(country="France", account_class_id="7"),  # type: ignore[arg-type]
    )
    assert "body.account_class_id" in message  # every problem is reported at once


def test_activeplatform_unknown_property_in_a_closed_schema(activeplatform: ActivePlatformKit) -> None:
    from activeplatform_client.models import AccountUpdate

    @attrs.define
    class AccountUpdateWithExtra(AccountUpdate):
        def to_dict(self) -> dict[str, Any]:
            return {**super().to_dict(), "nickname": "Annie"}

    refused(activeplatform, activeplatform.connect(), "body.nickname", body=AccountUpdateWithExtra(first_name="Ann"))


def test_octopush_email_format(octopush: OctopushKit) -> None:
    refused(octopush, octopush.connect(), "parameters.subaccount_email", subaccount_email="not-an-email")


def test_octopush_required_field(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountEdit

    body = SubaccountEdit(first_name=None, last_name="Lee", password="SubAccount-SECRET-pass")  # type: ignore[arg-type]
    refused(octopush, octopush.connect(), "body.first_name", body=body)


def test_octopush_url_format_in_a_nested_object(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountCallbacks, SubaccountEdit

    body = SubaccountEdit(
        first_name="Ann",
        last_name="Lee",
        password="SubAccount-SECRET-pass",
        callbacks=SubaccountCallbacks(callback_url_for_deliveries="not a url"),
    )
    refused(octopush, octopush.connect(), "body.callbacks.callback_url_for_deliveries", body=body)


def test_portabilling_unlisted_enum_value(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo, AccountInfoBillingModel

    model = AccountInfoBillingModel(3)  # accepted by the model (responses are forward compatible) ...
    # ... but not sent.
    info = AccountInfo(i_account=7, billing_model=model)
    refused(portabilling, portabilling.connect(), "body.params.account_info.billing_model", account_info=info)


def test_portabilling_lengths(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    info = AccountInfo(i_account=7, zip_="12345678901", password="a1")
    message = refused(portabilling, portabilling.connect(), "body.params.account_info.zip", account_info=info)
    assert "body.params.account_info.password" in message
    assert "at most 10 characters" in message and "at least 6 characters" in message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("blocked", "Z"),  # a string where the model wants the enum
        ("blocked", 1),
        ("activation_date", "2024-02-30"),  # a string where the model wants a date
        ("activation_date", 20240201),
        ("i_account", "7"),
    ],
)
def test_portabilling_wrong_types_name_the_field(portabilling: PortaBillingKit, field: str, value: Any) -> None:
    from portabilling_client.models import AccountInfo

    info = AccountInfo(i_account=7)
    setattr(info, field, value)
    refused(portabilling, portabilling.connect(), f"body.params.account_info.{field}", account_info=info)


def test_a_null_integer_is_worded_as_a_null_not_as_a_wrong_type(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    info = AccountInfo(i_account=7)
    info.i_account = None  # type: ignore[assignment]
    message = refused(portabilling, portabilling.connect(), "body.params.account_info.i_account", account_info=info)
    assert "must not be null (None)" in message


def test_a_package_that_does_not_pass_validate_still_has_its_requests_checked(octopush: OctopushKit) -> None:
    """A client package generated before the validation switch calls check_request without ``validate``:
    its requests are checked as if validation were on, the default of every client."""
    from accountkit_runtime import validation
    from octopush_client.api.subaccounts import edit_subaccount

    request = {"method": "patch", "url": octopush.path, "json": {"first_name": 5}}
    with pytest.raises(octopush.errors.RequestValidationError) as caught:
        validation.check_request(edit_subaccount._OPERATION, {"subaccount_email": octopush.email}, request)
    assert "body.first_name" in dict(caught.value.errors)


def test_portabilling_plain_dict_instead_of_a_model(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import UpdateAccountParams, UpdateAccountRequest

    body = UpdateAccountRequest(params=UpdateAccountParams(account_info={"i_account": "7"}))  # type: ignore[arg-type]
    refused(portabilling, portabilling.connect(), "body.params.account_info.i_account", body=body)


def test_portabilling_real_dates_still_go_out(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    info = AccountInfo(i_account=7, activation_date=datetime.date(2024, 2, 1))
    portabilling.call(portabilling.connect(), account_info=info)

    sent = portabilling.main_calls()[0].json()["params"]["account_info"]
    assert sent["activation_date"] == "2024-02-01"


def test_twosms_guid_email_and_required(twosms: TwoSmsKit) -> None:
    from twosms_client.models import AccountV3

    body = AccountV3(
        contact_number="+44 20 7946 0000",
        email_address="not an address",
        sms_password="SmsPass-SECRET-1",
        sms_username="ops",
        time_zone=None,  # type: ignore[arg-type]
    )
    message = refused(twosms, twosms.connect(), "parameters.id", id="not-a-guid", body=body)
    assert "body.EmailAddress" in message
    assert "body.TimeZone" in message


def test_messages_never_contain_the_offending_values(octopush: OctopushKit) -> None:
    from octopush_client.models import SubaccountEdit

    body = SubaccountEdit(first_name="Ann", last_name="Lee", password=["SubAccount-SECRET-pass"])  # type: ignore[arg-type]
    message = refused(octopush, octopush.connect(), "body.password", body=body)

    assert "SubAccount-SECRET-pass" not in message


@pytest.mark.anyio
async def test_async_validation(octopush: OctopushKit) -> None:
    async with octopush.connect() as client:
        with pytest.raises(octopush.errors.RequestValidationError, match="parameters.subaccount_email"):
            await octopush.acall(client, subaccount_email="nobody")

    assert octopush.server.requests == []


def test_a_model_class_given_for_a_value_is_named_not_called(intandem: InTandemKit) -> None:
    """A class (not an instance) with ``to_dict`` is a wrong value like any other: no bare ``TypeError``."""
    from activeplatform_client.models import AccountUpdate

    refused(intandem, intandem.connect(), "parameters.add_sms_credits", add_sms_credits=AccountUpdate)


@pytest.mark.anyio
async def test_a_model_class_given_for_a_value_is_named_not_called_async(intandem: InTandemKit) -> None:
    from activeplatform_client.models import AccountUpdate

    with pytest.raises(intandem.errors.RequestValidationError, match="parameters.add_sms_credits"):
        await intandem.acall(intandem.connect(), add_sms_credits=AccountUpdate)
    assert intandem.server.requests == []


class _DamagedChecks:
    """A meta path finder that imports the module ``name`` from the file ``path``: a damaged copy."""

    def __init__(self, name: str, path: Any) -> None:
        self.name, self.path = name, path

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        import importlib.util

        return importlib.util.spec_from_file_location(fullname, self.path) if fullname == self.name else None


DAMAGED_CHECKS = {
    "syntax error": "CHECKS = {",
    "not JSON": "CHECKS = {'ChangePackageRequestParameters': '{not json'}",
    "no CHECKS": "OTHER = {}",
    "not a dict": "CHECKS = 5",
    "a function that is gone": (
        "CHECKS = {'ChangePackageRequestParameters': "
        '\'{"type":"function-plain","function":{"type":"no-info","import":"gone_module_q2:check"}}\'}'
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_CHECKS))
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_damaged_checks_module_falls_back_to_the_models(
    damage: str,
    mode: str,
    intandem: InTandemKit,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The generated plain checks are a shortcut: broken, the models decide alone, with their own message."""
    import asyncio
    import importlib
    import sys

    fastcheck = importlib.import_module("accountkit_runtime.fastcheck")
    source = tmp_path / "_checks.py"
    source.write_text(DAMAGED_CHECKS[damage])
    monkeypatch.delitem(sys.modules, "intandem_client._checks", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_DamagedChecks("intandem_client._checks", source), *sys.meta_path])
    fastcheck.validator.cache_clear()
    try:
        client = intandem.connect()
        call = intandem.call if mode == "sync" else lambda c, **kw: asyncio.run(intandem.acall(c, **kw))
        with pytest.raises(intandem.errors.RequestValidationError) as caught:
            call(client, add_sms_credits="ten")
        assert [where for where, _ in caught.value.errors] == ["parameters.add_sms_credits"]
        assert "String should match pattern" in str(caught.value)
        assert intandem.server.requests == []
        call(client, add_sms_credits="10")
    finally:
        fastcheck.validator.cache_clear()
    assert len(intandem.server.requests) == 1
