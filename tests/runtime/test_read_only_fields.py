"""Read-only fields are left out of a request, named in one warning; list identifiers are sendable.

The round trip PortaOne's own clients make: read an account (``get_account_info``), change a field, send
the record back with ``update_account``. The record carries what the vendor sets (``effective_flag_value``,
``effective_values``, ``bill_status``): the call goes ahead without them, and one
``ReadOnlyFieldsDropped`` warning per call names them all. The names that identify an element of a
list (a service feature's ``name``, an attribute's ``name``) are sent: without them no attribute could
be set. What went on the wire is read from the loopback server.
"""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
from support.kits import PortaBillingKit

# An account as get_account_info returns it (the shape of the page's account_info), with what the vendor
# sets: effective values inherited from the product, the account's status.
ACCOUNT_AS_READ: dict[str, Any] = {
    "i_account": 7,
    "firstname": "Ann",
    "bill_status": "O",
    "service_features": [
        {
            "name": "cli_trust",
            "flag_value": "Y",
            "effective_flag_value": "Y",
            "attributes": [
                {"name": "accept_caller", "values": ["Y"], "effective_values": ["Y"]},
                {"name": "supply_caller", "values": ["N"], "effective_values": ["N"]},
            ],
        },
        {"name": "voice_dialing", "flag_value": "~", "effective_flag_value": "N"},
    ],
    "assigned_addons": [
        {
            "i_product": 604,
            "service_features": [
                {
                    "name": "call_recording",
                    "effective_flag_value": "Y",
                    "attributes": [{"name": "auto_record", "values": ["Y"], "effective_values": ["N"]}],
                }
            ],
        }
    ],
}
DROPPED = [
    "params.account_info.assigned_addons[0].service_features[0].attributes[0].effective_values",
    "params.account_info.assigned_addons[0].service_features[0].effective_flag_value",
    "params.account_info.bill_status",
    "params.account_info.service_features[0].attributes[0].effective_values",
    "params.account_info.service_features[0].attributes[1].effective_values",
    "params.account_info.service_features[0].effective_flag_value",
    "params.account_info.service_features[1].effective_flag_value",
]
# What goes on the wire: the record as read, changed, without the read-only fields; names kept.
SENT: dict[str, Any] = {
    "i_account": 7,
    "firstname": "Anna",
    "service_features": [
        {
            "name": "cli_trust",
            "flag_value": "Y",
            "attributes": [
                {"name": "accept_caller", "values": ["N"]},
                {"name": "supply_caller", "values": ["N"]},
            ],
        },
        {"name": "voice_dialing", "flag_value": "~"},
    ],
    "assigned_addons": [
        {
            "i_product": 604,
            "service_features": [{"name": "call_recording", "attributes": [{"name": "auto_record", "values": ["Y"]}]}],
        }
    ],
}


# UpdateAccountParams sends its release_assigned_did default (1 - release) along.
WIRE = {"params": {"account_info": SENT, "release_assigned_did": 1}}


def changed_account() -> Any:
    """The record as read, as the caller's model, with two changes: a name and an attribute's values."""
    from portabilling_client.models import AccountInfo

    info: Any = AccountInfo.from_dict(copy.deepcopy(ACCOUNT_AS_READ))  # its nested lists: Unset or set
    info.firstname = "Anna"
    info.service_features[0].attributes[0].values = ["N"]
    return info


def dropped_warnings(caught: list[warnings.WarningMessage], errors: Any) -> list[Any]:
    return [w.message for w in caught if issubclass(w.category, errors.ReadOnlyFieldsDropped)]


def test_a_record_read_changed_and_sent_back_goes_out_without_its_read_only_fields(
    portabilling: PortaBillingKit,
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = portabilling.call(portabilling.connect(), account_info=changed_account())

    assert result.i_account == 7
    (update,) = portabilling.main_calls()
    assert update.json() == WIRE
    (warning,) = dropped_warnings(caught, portabilling.errors)
    assert warning.fields == DROPPED and warning.operation == "update_account"
    assert all(field in str(warning) for field in DROPPED)
    assert isinstance(warning, UserWarning) and isinstance(warning, portabilling.errors.AccountkitWarning)


@pytest.mark.anyio
async def test_the_round_trip_async(portabilling: PortaBillingKit) -> None:
    async with portabilling.connect() as client:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await portabilling.acall(client, account_info=changed_account())

    assert portabilling.main_calls()[0].json() == WIRE
    (warning,) = dropped_warnings(caught, portabilling.errors)
    assert warning.fields == DROPPED


def test_the_warning_points_at_the_callers_line(portabilling: PortaBillingKit) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        portabilling.call(portabilling.connect(), account_info=changed_account())

    (warning,) = [w for w in caught if issubclass(w.category, portabilling.errors.ReadOnlyFieldsDropped)]
    assert warning.filename.endswith("kits.py")  # the kit's call (support/kits.py): the first frame outside the client


def test_read_only_fields_are_never_sent_with_validation_off(portabilling: PortaBillingKit) -> None:
    client = portabilling.connect(validate_requests=False)
    with pytest.warns(portabilling.errors.ReadOnlyFieldsDropped) as caught:
        portabilling.call(client, account_info=changed_account())

    assert portabilling.main_calls()[0].json() == WIRE
    assert [w.fields for w in dropped_warnings(list(caught), portabilling.errors)] == [DROPPED]


def test_a_call_without_read_only_fields_gives_no_warning(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        portabilling.call(portabilling.connect(), account_info=AccountInfo(i_account=7, firstname="Ann"))


def test_the_warning_can_be_made_an_error_and_then_nothing_is_sent(portabilling: PortaBillingKit) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", portabilling.errors.ReadOnlyFieldsDropped)
        with pytest.raises(portabilling.errors.ReadOnlyFieldsDropped):
            portabilling.call(portabilling.connect(), account_info=changed_account())

    assert portabilling.main_calls() == []


def test_a_plain_dict_body_is_sent_without_them_and_left_as_it_was(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import UpdateAccountParams, UpdateAccountRequest

    account = copy.deepcopy(ACCOUNT_AS_READ)
    before = copy.deepcopy(account)
    body = UpdateAccountRequest(params=UpdateAccountParams(account_info=account))  # type: ignore[arg-type]
    with pytest.warns(portabilling.errors.ReadOnlyFieldsDropped):
        portabilling.call(portabilling.connect(), body=body)

    sent = portabilling.main_calls()[0].json()["params"]["account_info"]
    assert "bill_status" not in sent and "effective_flag_value" not in sent["service_features"][0]
    assert account == before  # the caller's dict still holds everything it held


def test_a_service_feature_attribute_can_be_named_and_set(portabilling: PortaBillingKit) -> None:
    from portabilling_client.models import AccountInfo, ServiceFeature, ServiceFeatureAttribute

    attribute = ServiceFeatureAttribute(name="accept_caller", values=["Y"])
    feature = ServiceFeature(name="cli_trust", flag_value="Y", attributes=[attribute])
    info = AccountInfo(i_account=7, service_features=[feature])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # names are not read-only: nothing is dropped
        portabilling.call(portabilling.connect(), account_info=info)

    sent = portabilling.main_calls()[0].json()["params"]["account_info"]["service_features"]
    assert sent == [
        {"name": "cli_trust", "flag_value": "Y", "attributes": [{"name": "accept_caller", "values": ["Y"]}]}
    ]


def test_an_invalid_value_is_still_refused_and_nothing_is_sent(portabilling: PortaBillingKit) -> None:
    info = changed_account()
    info.service_features[0].flag_value = 5
    with pytest.raises(portabilling.errors.RequestValidationError) as caught:
        portabilling.call(portabilling.connect(), account_info=info)

    assert [where for where, _ in caught.value.errors] == ["body.params.account_info.service_features.0.flag_value"]
    assert portabilling.server.requests == []


def test_the_rule_is_the_runtimes_for_every_api() -> None:
    """Any operation whose spec has read-only paths: lists of lists, nested objects, validation off."""
    from accountkit_runtime import validation
    from accountkit_runtime.errors import ReadOnlyFieldsDropped
    from accountkit_runtime.operation import Operation

    operation = Operation(
        name="op", method="PUT", path="/x", package="no_such_package", read_only=("a.*.*.fee", "b.c", "d")
    )
    body = {"a": [[{"fee": 1, "i": 2}], [{"i": 3}]], "b": {"c": 1, "e": 2}, "d": 4, "f": 5}
    with pytest.warns(ReadOnlyFieldsDropped) as caught:
        kwargs = validation.check_request(operation, {}, {"json": body}, validate=False)

    assert kwargs["content"] == b'{"a":[[{"i":2}],[{"i":3}]],"b":{"e":2},"f":5}'
    warning = caught[0].message
    assert isinstance(warning, ReadOnlyFieldsDropped) and warning.fields == ["a[0][0].fee", "b.c", "d"]
    assert body == {"a": [[{"fee": 1, "i": 2}], [{"i": 3}]], "b": {"c": 1, "e": 2}, "d": 4, "f": 5}


def test_the_warning_pickles() -> None:
    import pickle

    from accountkit_runtime.errors import ReadOnlyFieldsDropped

    warning = pickle.loads(pickle.dumps(ReadOnlyFieldsDropped("op", ["a.b"])))
    assert (warning.operation, warning.fields, str(warning)) == (
        "op",
        ["a.b"],
        "op: read-only fields left out of the request (the vendor sets them): a.b",
    )


def test_a_list_where_an_object_was_expected_is_left_as_it_is() -> None:
    from accountkit_runtime.readonly import drop

    body = {"account": [1, 2]}

    assert drop(body, ("account.id",)) == (body, [])


def test_a_body_with_nothing_read_only_in_it_is_the_same_object_not_a_copy() -> None:
    """Nothing to leave out costs no copy, even of a list whose items do not equal themselves (NaN)."""
    from accountkit_runtime.readonly import drop

    body = {"values": [float("nan"), {"name": "x"}]}

    kept, found = drop(body, ("values.*.id",))

    assert kept is body and found == []
