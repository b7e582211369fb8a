"""Every request failure is typed and happens before sending, with or without validation against the spec.

A value JSON cannot carry (NaN, infinity, a datetime or bytes or UNSET in a plain dict, a lone surrogate),
a bad path value, a deepObject key that would change the parameter, or a header value that cannot be sent
ends in one ``RequestValidationError`` (``ConfigurationError`` for headers given to the client or the
options) naming where it is; never a bare ``TypeError``/``ValueError``/``UnicodeEncodeError``, and never a
request retried as a "connection failure". Path values ``.`` and ``..`` are sent percent-encoded, so that
they cannot change the endpoint even with ``validate_requests=False``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from support.kits import InTandemKit, OctopushKit, PortaBillingKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
PATH_APIS = {"intandem": "business_uid", "activeplatform": "account_id", "octopush": "subaccount_email", "twosms": "id"}
LONE_SURROGATE = "Ann\ud800"


def _string_field_call(api: str, value: Any) -> tuple[dict[str, Any], str]:
    """A call that sends ``value`` in an ordinary string field of the API, and where it is reported."""
    if api == "intandem":
        return {"package_name": value}, "parameters.package_name"
    if api == "activeplatform":
        from activeplatform_client.models import AccountUpdate

        return {"body": AccountUpdate(first_name=value)}, "body.first_name"
    if api == "portabilling":
        from portabilling_client.models import AccountInfo

        return {"account_info": AccountInfo(i_account=7, firstname=value)}, "body.params.account_info.firstname"
    if api == "octopush":
        from octopush_client.models import SubaccountEdit

        return {"body": SubaccountEdit(first_name=value, last_name="Lee", password="p")}, "body.first_name"
    from twosms_client.models import AccountV3

    body = AccountV3(
        contact_number="12345", email_address="a@bb.co", sms_password="p", sms_username=value, time_zone="UTC"
    )
    return {"body": body}, "body.SMSUsername"


def assert_refused(exc: Any, where: str, reason: str) -> None:
    assert isinstance(exc, ValueError)
    assert hasattr(exc, "errors")
    assert (where, reason) in [(location, message) for location, message in exc.errors] or any(
        location == where and reason in message for location, message in exc.errors
    ), exc.errors


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("api", APIS)
def test_a_lone_surrogate_is_refused_before_sending(api: str, validate: bool, kit_for: KitFor) -> None:
    kit = kit_for(api)
    call, where = _string_field_call(api, LONE_SURROGATE)

    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(kit.connect(validate_requests=validate), **call)

    assert_refused(caught.value, where, "lone surrogate")
    assert kit.server.requests == []


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_a_lone_surrogate_is_refused_before_sending_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    call, where = _string_field_call(api, LONE_SURROGATE)
    async with kit.connect(validate_requests=False) as client:
        with pytest.raises(kit.errors.RequestValidationError) as caught:
            await kit.acall(client, **call)
    assert_refused(caught.value, where, "lone surrogate")
    assert kit.server.requests == []


def _unset() -> Any:
    from portabilling_client.types import UNSET

    return UNSET


UNENCODABLE: dict[str, tuple[Callable[[], Any], str]] = {
    "nan": (lambda: float("nan"), "NaN and infinity"),
    "infinity": (lambda: float("-inf"), "NaN and infinity"),
    "datetime": (lambda: datetime.datetime(2024, 2, 1, 12, 0), "a datetime in a plain dict is not converted"),
    "date": (lambda: datetime.date(2024, 2, 1), "a date in a plain dict is not converted"),
    "bytes": (lambda: b"Ann", "bytes cannot be sent as JSON"),
    "UNSET": (_unset, "UNSET is not a value"),
    "lone surrogate": (lambda: LONE_SURROGATE, "lone surrogate"),
    "object": (lambda: object(), "a object cannot be sent as JSON"),
}


def _plain_dict_body(value: Any) -> Any:
    from portabilling_client.models import UpdateAccountParams, UpdateAccountRequest

    account_info = {"i_account": 7, "notepad": [{"kept": 1}, value]}
    return UpdateAccountRequest(params=UpdateAccountParams(account_info=account_info))  # type: ignore[arg-type]


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("case", sorted(UNENCODABLE))
def test_values_json_cannot_carry_are_refused_naming_where(
    case: str, validate: bool, portabilling: PortaBillingKit
) -> None:
    make, reason = UNENCODABLE[case]
    client = portabilling.connect(validate_requests=validate)

    with pytest.raises(portabilling.errors.RequestValidationError) as caught:
        portabilling.call(client, body=_plain_dict_body(make()))

    assert_refused(caught.value, "body.params.account_info.notepad.1", reason)
    assert "nothing was sent" in str(caught.value)
    assert portabilling.server.requests == []


@pytest.mark.parametrize("case", sorted(UNENCODABLE))
@pytest.mark.anyio
async def test_values_json_cannot_carry_are_refused_async(case: str, portabilling: PortaBillingKit) -> None:
    make, reason = UNENCODABLE[case]
    async with portabilling.connect() as client:
        with pytest.raises(portabilling.errors.RequestValidationError) as caught:
            await portabilling.acall(client, body=_plain_dict_body(make()))
    assert_refused(caught.value, "body.params.account_info.notepad.1", reason)
    assert portabilling.server.requests == []


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
def test_a_body_nested_too_deep_to_encode_is_refused(validate: bool, portabilling: PortaBillingKit) -> None:
    nested: Any = "x"
    for _ in range(100_000):
        nested = [nested]

    with pytest.raises(portabilling.errors.RequestValidationError) as caught:
        portabilling.call(portabilling.connect(validate_requests=validate), body=_plain_dict_body(nested))

    assert any("too deep to encode" in message for _, message in caught.value.errors), caught.value.errors
    assert portabilling.server.requests == []


BAD_PATH_VALUES = {
    "None": (None, "a NoneType cannot be a path parameter"),
    "bytes": (b"505", "a bytes cannot be a path parameter"),
    "empty": ("", "must not be empty"),
    "lone surrogate": (LONE_SURROGATE, "lone surrogate"),
    "nan": (float("nan"), "a float cannot be a path parameter"),
}


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("case", sorted(BAD_PATH_VALUES))
@pytest.mark.parametrize("api", sorted(PATH_APIS))
def test_bad_path_values_are_refused_before_sending(api: str, case: str, validate: bool, kit_for: KitFor) -> None:
    kit = kit_for(api)
    value, reason = BAD_PATH_VALUES[case]

    with pytest.raises(kit.errors.RequestValidationError) as caught:
        kit.call(kit.connect(validate_requests=validate), **{PATH_APIS[api]: value})

    assert_refused(caught.value, f"parameters.{PATH_APIS[api]}", reason)
    assert kit.server.requests == []


@pytest.mark.parametrize("segment", [".", ".."])
@pytest.mark.parametrize("api", sorted(PATH_APIS))
def test_dot_segments_are_encoded_and_cannot_change_the_endpoint(api: str, segment: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    seen: list[str] = []
    expected = kit.path.replace(str(kit._arguments()[0][0]), "%2E" * len(segment))

    def record(request: Any) -> Any:
        seen.append(request.raw_path)
        return kit.server.Reply(404, json={"message": "no such account"})

    kit.server.route(kit.method, kit.path.replace(str(kit._arguments()[0][0]), segment), record)
    with pytest.raises(kit.errors.ApiError):
        kit.call(kit.connect(validate_requests=False, max_retries=0), **{PATH_APIS[api]: segment})

    assert seen == [expected]  # the same endpoint, the value percent-encoded, nothing removed


@pytest.mark.anyio
async def test_dot_segments_are_encoded_async(octopush: OctopushKit) -> None:
    octopush.server.route("PATCH", "/v1/public/subaccount/../edit", octopush.server.Reply(404, json={"code": 1}))
    async with octopush.connect(validate_requests=False, max_retries=0) as client:
        with pytest.raises(octopush.errors.NotFoundError):
            await octopush.acall(client, subaccount_email="..")
    assert [request.raw_path for request in octopush.server.requests] == ["/v1/public/subaccount/%2E%2E/edit"]


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("key", ["plan][admin", "plan[", "]"])
def test_deep_object_keys_with_brackets_are_refused(key: str, validate: bool, intandem: InTandemKit) -> None:
    from intandem_client.models import ChangePackageExternalSubscriptionParams

    params = ChangePackageExternalSubscriptionParams.from_dict({"seats": "3", key: "1"})

    with pytest.raises(intandem.errors.RequestValidationError) as caught:
        intandem.call(intandem.connect(validate_requests=validate), external_subscription_params=params)

    assert_refused(caught.value, "parameters.external_subscription_params", "contains '[' or ']'")
    assert intandem.server.requests == []


@pytest.mark.anyio
async def test_deep_object_keys_with_brackets_are_refused_async(intandem: InTandemKit) -> None:
    async with intandem.connect() as client:
        with pytest.raises(intandem.errors.RequestValidationError, match="contains"):
            await intandem.acall(client, external_subscription_params={"a][b": "1"})
    assert intandem.server.requests == []


def test_deep_object_keys_without_brackets_are_sent(intandem: InTandemKit) -> None:
    intandem.call(intandem.connect(), external_subscription_params={"plan": "gold", "seats": "3"})

    (request,) = intandem.main_calls()
    assert request.params["external_subscription_params[plan]"] == "gold"


@pytest.mark.parametrize("validate", [True, False], ids=["validated", "unvalidated"])
@pytest.mark.parametrize("value", [float("nan"), b"gold", LONE_SURROGATE], ids=["nan", "bytes", "surrogate"])
def test_query_values_that_cannot_be_sent_are_refused(value: Any, validate: bool, intandem: InTandemKit) -> None:
    with pytest.raises(intandem.errors.RequestValidationError, match="parameters.package_name"):
        intandem.call(intandem.connect(validate_requests=validate), package_name=value)
    assert intandem.server.requests == []


BAD_HEADERS = {
    "CR LF": ({"X-Trace": "t-1\r\nX-Injected: 1"}, "CR or LF"),
    "LF": ({"X-Trace": "t-1\nX-Injected: 1"}, "CR or LF"),
    "non-ASCII": ({"X-Trace": "café"}, "non-ASCII"),
    "control": ({"X-Trace": "t\x00"}, "control"),
    "bad name": ({"X Trace": "t"}, "not a valid header name"),
    "not a str": ({"X-Trace": 5}, "not a str"),
}


@pytest.mark.parametrize("case", sorted(BAD_HEADERS))
@pytest.mark.parametrize("api", APIS)
def test_bad_extra_headers_are_a_configuration_error_before_sending(api: str, case: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    headers, reason = BAD_HEADERS[case]
    client = kit.connect()

    with pytest.raises(kit.errors.ConfigurationError) as caught:
        kit.call(client, request_options=kit.package.RequestOptions(extra_headers=headers))

    assert "request_options.extra_headers" in str(caught.value) and reason in str(caught.value)
    assert "X-Injected" not in str(caught.value) and "café" not in str(caught.value)  # values are not shown
    assert kit.server.requests == []


@pytest.mark.anyio
async def test_bad_extra_headers_async(octopush: OctopushKit) -> None:
    async with octopush.connect() as client:
        with pytest.raises(octopush.errors.ConfigurationError, match="CR or LF"):
            options = octopush.package.RequestOptions(extra_headers={"X-Trace": "a\r\nb"})
            await octopush.acall(client, request_options=options)
    assert octopush.server.requests == []


@pytest.mark.parametrize("case", sorted(BAD_HEADERS))
def test_bad_client_headers_are_refused_by_connect(case: str, octopush: OctopushKit) -> None:
    headers, reason = BAD_HEADERS[case]
    with pytest.raises(octopush.errors.ConfigurationError, match=reason):
        octopush.connect(httpx_args={"headers": headers})


def test_good_extra_headers_are_sent(octopush: OctopushKit) -> None:
    options = octopush.package.RequestOptions(extra_headers={"X-Trace": "t-1 \tok"})
    octopush.call(octopush.connect(), request_options=options)
    assert octopush.main_calls()[0].headers["x-trace"] == "t-1 \tok"


def _nested(levels: int, leaf: Any, wrap: Callable[[Any], Any]) -> Any:
    for _ in range(levels):
        leaf = wrap(leaf)
    return leaf


WRAPS: dict[str, Callable[[Any], Any]] = {"lists": lambda v: [v], "objects": lambda v: {"k": v}}


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_only_the_bad_value_is_named_however_deep_within_the_limit(wrap: str, portabilling: PortaBillingKit) -> None:
    """The sendable neighbours (int, None, bool) are not reported, and 150 levels are within the 200 allowed."""
    notepad = [{"kept": 1}, None, True, _nested(150, float("nan"), WRAPS[wrap])]
    client = portabilling.connect(validate_requests=False)

    with pytest.raises(portabilling.errors.RequestValidationError) as caught:
        portabilling.call(client, body=_plain_dict_body(notepad))

    [(location, message)] = caught.value.errors
    step = ".0" if wrap == "lists" else ".k"
    assert location == "body.params.account_info.notepad.1.3" + step * 150
    assert "NaN and infinity" in message
    assert portabilling.server.requests == []


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_bad_value_past_the_depth_limit_is_refused_as_too_deep(wrap: str, portabilling: PortaBillingKit) -> None:
    client = portabilling.connect(validate_requests=False)

    with pytest.raises(portabilling.errors.RequestValidationError) as caught:
        portabilling.call(client, body=_plain_dict_body(_nested(300, float("nan"), WRAPS[wrap])))

    [(_, message)] = caught.value.errors
    assert "too deep to encode" in message
    assert portabilling.server.requests == []


def test_a_header_name_may_use_every_token_character(octopush: OctopushKit) -> None:
    """RFC 9110's tchar set, all of it in one name: a subset check, not a proper-subset one."""
    name = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    client = octopush.connect(httpx_args={"headers": {name: "v"}})

    assert client is not None


# -- the checks themselves, on values no generated client would build ----------------------------------------


def test_every_problem_is_reported_not_only_the_first_too_deep_one() -> None:
    from accountkit_runtime.encoding import MAX_DEPTH, unencodable

    value = {"deep": _nested(MAX_DEPTH + 3, "leaf", WRAPS["objects"]), "ratio": float("nan")}

    found = unencodable("body", value)

    assert len(found) == 2, found
    assert any("too deep to encode" in reason for _, reason in found)
    assert any(location == "body.ratio" for location, _ in found)


def test_the_depth_limit_is_two_hundred_levels_exactly() -> None:
    """The limit the error message states: a value 200 levels down is encoded, one level more is refused."""
    from accountkit_runtime.encoding import unencodable

    assert unencodable("body", _nested(200, "leaf", WRAPS["objects"])) == []
    assert unencodable("body", _nested(200, "leaf", WRAPS["lists"])) == []
    [(_, reason)] = unencodable("body", _nested(201, "leaf", WRAPS["objects"]))
    assert reason == "nested more than 200 levels deep: too deep to encode"


def test_bytes_in_a_header_are_judged_not_matched_as_text() -> None:
    """httpx sends a bytes value as it is: only CR, LF or NUL in it is a problem; a bytes name is refused by
    name. Either way a reason, never a TypeError from the one-step check (which is for str only)."""
    from accountkit_runtime.encoding import header_problems

    assert header_problems({"X-Trace": b"t-1 ok"}) == []
    assert header_problems([(b"X-Trace", "t-1 ok")]) == [("b'X-Trace'", "is not a valid header name")]  # type: ignore[list-item]
    assert header_problems([("X-Trace", b"t-1\r\nX-Injected: 1")]) == [
        ("X-Trace", "its value contains CR, LF or NUL, which would end the header")
    ]


class Text(str):
    """A str of another type (an enum's value, a lazy translation): checked by its characters."""


def test_header_values_are_judged_by_their_characters_whatever_their_str_type() -> None:
    from accountkit_runtime.encoding import header_problems

    assert header_problems([("X-Note", Text("tabs\tand tildes~ are fine"))]) == []
    non_ascii = "its value contains a control or non-ASCII character, which cannot be sent"
    assert header_problems([("X-Note", "été€")]) == [("X-Note", non_ascii)]
    assert header_problems([("X-Note", Text("bell\x07"))]) == [("X-Note", non_ascii)]
