"""Requests say what they send: a misspelt key is refused, naming it; None is not sent as null.

Request schemas are closed: the attrs models' ``from_dict`` and a plain dict given as (part of) a body
refuse an unknown key instead of dropping it. A field that is not nullable refuses None instead of sending
``null``; it is left out by leaving it UNSET. Response models stay open (test_forward_compat.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

TWOSMS_ACCOUNT = {"ContactNumber": "12345", "EmailAddress": "a@bb.co", "SMSPassword": "p", "SMSUsername": "u"}
# (API, model, valid data, a misspelt key) for one closed request model of each API with a body.
MISSPELT: list[tuple[str, str, dict[str, Any], str]] = [
    ("activeplatform", "AccountUpdate", {"first_name": "Ann"}, "frist_name"),
    ("portabilling", "AccountInfo", {"i_account": 7, "firstname": "Ann"}, "firstnme"),
    ("octopush", "SubaccountEdit", {"first_name": "A", "last_name": "B", "password": "p"}, "company"),
    (
        "twosms",
        "AccountV3",
        {
            "ContactNumber": "12345",
            "EmailAddress": "a@bb.co",
            "SMSPassword": "p",
            "SMSUsername": "u",
            "TimeZone": "UTC",
        },
        "EmailAdress",
    ),
]


def _model(api: str, name: str) -> Any:
    return getattr(importlib.import_module(f"{api}_client.models"), name)


@pytest.mark.parametrize(("api", "name", "data", "misspelt"), MISSPELT)
def test_from_dict_refuses_an_unknown_key_naming_it(api: str, name: str, data: dict[str, Any], misspelt: str) -> None:
    errors = importlib.import_module(f"{api}_client.errors")
    model = _model(api, name)
    assert model.from_dict(data).to_dict() == data  # the valid data goes through unchanged

    with pytest.raises(errors.RequestValidationError) as caught:
        model.from_dict({**data, misspelt: "x"})

    exc: Any = caught.value
    assert isinstance(caught.value, ValueError)
    assert exc.errors == [(misspelt, f"unknown field: {name} has no such field (its schema is closed); misspelt?")]
    assert misspelt in str(caught.value) and f"{name}.from_dict" in str(caught.value)


def test_from_dict_refuses_an_unknown_key_at_any_depth() -> None:
    from portabilling_client.errors import RequestValidationError
    from portabilling_client.models import UpdateAccountRequest

    with pytest.raises(RequestValidationError, match="AccountInfo.from_dict.*firstnme: unknown field"):
        UpdateAccountRequest.from_dict({"params": {"account_info": {"i_account": 7, "firstnme": "Ann"}}})


def test_from_dict_names_a_missing_required_key_instead_of_a_bare_key_error() -> None:
    from twosms_client.errors import RequestValidationError
    from twosms_client.models import AccountV3

    with pytest.raises(RequestValidationError) as caught:
        AccountV3.from_dict({"ContactNumber": "+44 20 7946 0000", "SMSPasword": "p", "SMSUsername": "ops"})

    assert caught.value.errors == [
        ("SMSPasword", "unknown field: AccountV3 has no such field (its schema is closed); misspelt?"),
        ("EmailAddress", "required field missing"),
        ("SMSPassword", "required field missing"),
        ("TimeZone", "required field missing"),
    ]


def test_a_model_without_required_fields_still_refuses_a_misspelt_one() -> None:
    from octopush_client.errors import RequestValidationError
    from octopush_client.models import SubaccountEdit

    assert SubaccountEdit.from_dict({"first_name": "A"}).to_dict() == {"first_name": "A"}  # an edit of one field
    with pytest.raises(RequestValidationError) as caught:
        SubaccountEdit.from_dict({"first_name": "A", "passwrd": "p"})

    assert caught.value.errors == [
        ("passwrd", "unknown field: SubaccountEdit has no such field (its schema is closed); misspelt?")
    ]


def test_response_models_still_keep_unknown_keys() -> None:
    from portabilling_client.models import UpdateAccountResponse

    assert UpdateAccountResponse.from_dict({"i_account": 7, "new": 1}).additional_properties == {"new": 1}


def refused(kit: Any, where: str, message: str | None = None, **call: Any) -> None:
    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(kit.connect(), **call)
    locations = dict(caught.value.errors)
    assert where in locations, caught.value.errors
    if message is not None:
        assert message in locations[where]
    assert kit.server.requests == []


async def arefused(kit: Any, where: str, **call: Any) -> None:
    async with kit.connect() as client:
        with pytest.raises(kit.errors.RequestValidationError) as caught:
            await kit.acall(client, **call)
    assert where in dict(caught.value.errors), caught.value.errors
    assert kit.server.requests == []


def _dict_body_with_unknown_key(api: str) -> tuple[dict[str, Any], str]:
    """A plain dict body with a misspelt key one level or more down, and where validation reports it."""
    if api == "activeplatform":
        return {"body": {"first_name": "Ann", "nick_name": "A"}}, "body.nick_name"
    if api == "portabilling":
        from portabilling_client.models import UpdateAccountRequest

        body = UpdateAccountRequest.from_dict({"params": {"account_info": {"i_account": 7}}})
        body.params.account_info = {"i_account": 7, "firstnme": "Ann"}  # type: ignore[assignment]
        return {"body": body}, "body.params.account_info.firstnme"
    if api == "octopush":
        callbacks = {"callback_url_for_deliveries": "https://example.com/x", "callback_for_sms": "y"}
        return {
            "body": {"first_name": "A", "last_name": "B", "password": "p", "callbacks": callbacks}
        }, "body.callbacks.callback_for_sms"
    base = dict(MISSPELT[3][2])
    return {"body": {**base, "Users": [{"UserID": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "Nme": "x"}]}}, (
        "body.Users.0.Nme"
    )


BODY_APIS = ["activeplatform", "portabilling", "octopush", "twosms"]


@pytest.mark.parametrize("api", BODY_APIS)
def test_a_dict_body_with_an_unknown_key_is_refused(api: str, kit_for: KitFor) -> None:
    call, where = _dict_body_with_unknown_key(api)
    refused(kit_for(api), where, "Extra inputs are not permitted", **call)


@pytest.mark.parametrize("api", BODY_APIS)
@pytest.mark.anyio
async def test_a_dict_body_with_an_unknown_key_is_refused_async(api: str, kit_for: KitFor) -> None:
    call, where = _dict_body_with_unknown_key(api)
    await arefused(kit_for(api), where, **call)


def _none_for_a_non_nullable_field(api: str) -> tuple[dict[str, Any], str]:
    """A call giving None for a field (or parameter) the spec does not allow to be null."""
    if api == "intandem":
        return {"package_name": None}, "parameters.package_name"
    if api == "activeplatform":
        from activeplatform_client.models import AccountUpdate

        return {"body": AccountUpdate(first_name=None)}, "body.first_name"  # type: ignore[arg-type]
    if api == "portabilling":
        from portabilling_client.models import AccountInfo

        return {"account_info": AccountInfo(i_account=7, firstname=None)}, "body.params.account_info.firstname"  # type: ignore[arg-type]
    if api == "octopush":
        from octopush_client.models import SubaccountEdit

        body = SubaccountEdit(first_name="A", last_name="B", password="p", callbacks=None)  # type: ignore[arg-type]
        return {"body": body}, "body.callbacks"  # a model field: to_dict() used to fail on None
    from twosms_client.models import AccountV3

    account = AccountV3.from_dict(MISSPELT[3][2])
    account.first_name = None  # type: ignore[assignment]
    return {"body": account}, "body.FirstName"


APIS = ["intandem", *BODY_APIS]


@pytest.mark.parametrize("api", APIS)
def test_none_for_a_non_nullable_field_is_refused_not_sent_as_null(api: str, kit_for: KitFor) -> None:
    call, where = _none_for_a_non_nullable_field(api)
    refused(kit_for(api), where, "must not be null (None)", **call)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_none_for_a_non_nullable_field_is_refused_async(api: str, kit_for: KitFor) -> None:
    call, where = _none_for_a_non_nullable_field(api)
    await arefused(kit_for(api), where, **call)


def test_none_for_a_required_nested_model_is_refused(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import UpdateAccountParams, UpdateAccountRequest

    body = UpdateAccountRequest(params=UpdateAccountParams(account_info=None))  # type: ignore[arg-type]
    refused(portabilling, "body.params.account_info", "must not be null", body=body)


@pytest.mark.parametrize("api", BODY_APIS)
def test_none_for_the_whole_body_is_refused(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    args, arguments = kit._arguments()
    with pytest.raises(kit.errors.RequestValidationError, match="body: must not be null"):
        kit._module().sync(*args, client=kit.connect(), **{**arguments, "body": None})
    assert kit.server.requests == []


def test_left_out_fields_are_not_sent(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    portabilling.call(portabilling.connect(), account_info=AccountInfo(i_account=7, firstname="Ann"))

    assert portabilling.main_calls()[0].json()["params"]["account_info"] == {"i_account": 7, "firstname": "Ann"}


def test_nested_models_convert_without_running_an_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """``to_dict`` / ``from_dict`` of models that refer to other models run no import statement: the
    referred models are imported once with the module (an import per call was most of ``to_dict``'s time)."""
    import builtins

    models = importlib.import_module("portabilling_client.models")
    data = {
        "params": {
            "account_info": {
                "i_account": 7,
                "assigned_addons": [{"i_product": 3, "addon_effective_from": "2026-01-01 00:00:00"}],
                "service_features": [{"name": "voice_pass_through", "effective_flag_value": "Y"}],
            }
        }
    }
    request = models.UpdateAccountRequest.from_dict(data)

    imported: list[str] = []
    real_import = builtins.__import__

    def recording(name: str, *args: Any, **kwargs: Any) -> Any:
        imported.append(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", recording)
    again = models.UpdateAccountRequest.from_dict(data).to_dict()
    monkeypatch.undo()

    assert imported == []
    assert again == request.to_dict()
    assert again["params"]["account_info"]["assigned_addons"][0]["i_product"] == 3
