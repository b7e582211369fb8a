"""Error responses become the right exception, with status, vendor code and message, and the response."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

import hostile
import pytest
from support.kits import ActivePlatformKit, InTandemKit, OctopushKit, PortaBillingKit, TwoSmsKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor


def test_the_hierarchy() -> None:
    from octopush_client import errors

    status_errors = [
        errors.AuthenticationError,
        errors.PermissionDeniedError,
        errors.NotFoundError,
        errors.BadRequestError,
        errors.UnprocessableError,
        errors.RateLimitError,
        errors.ServerError,
        errors.VendorError,
    ]
    assert all(issubclass(cls, errors.ApiStatusError) and issubclass(cls, errors.ApiError) for cls in status_errors)
    assert issubclass(errors.UnprocessableError, errors.BadRequestError)
    assert issubclass(errors.ApiTimeoutError, errors.ApiConnectionError)
    assert issubclass(errors.ApiConnectionError, errors.ApiError)
    assert issubclass(errors.ResponseParseError, errors.ApiError)
    assert issubclass(errors.RequestValidationError, errors.AccountkitError)
    assert issubclass(errors.ConfigurationError, errors.AccountkitError)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (400, "BadRequestError"),
        (409, "BadRequestError"),
        (422, "UnprocessableError"),
        (500, "ServerError"),
        (501, "ServerError"),  # not retried, and no class of its own: any 5xx is a server error
        (599, "ServerError"),
    ],
)
def test_octopush_error_bodies(octopush: OctopushKit, status: int, error: str) -> None:
    body = {"code": 1001, "message": "Subaccount not found", "hint": "check the e-mail"}
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(status, json=body, headers={"X-Req": "r-1"}))
    client = octopush.connect()

    with pytest.raises(getattr(octopush.errors, error)) as caught:
        octopush.call(client)

    exc = caught.value
    assert type(exc).__name__ == error
    assert (exc.status_code, exc.code, exc.vendor_message) == (status, "1001", "Subaccount not found")
    assert "Subaccount not found" in str(exc) and str(status) in str(exc)
    assert exc.response.status_code == status
    assert exc.response.headers["x-req"] == "r-1"
    assert exc.response.json() == body
    assert exc.raw_body == exc.response.content and json.loads(exc.raw_body) == body  # the bytes, as they came


def test_portabilling_fault(portabilling: PortaBillingKit) -> None:
    portabilling.server.route(
        "POST",
        portabilling.path,
        portabilling.server.Reply(
            500, json={"faultcode": "Client.Account.update_account.not_found", "faultstring": "Account not found"}
        ),
    )
    client = portabilling.connect()

    with pytest.raises(portabilling.errors.ServerError) as caught:
        portabilling.call(client)

    exc = caught.value
    assert (exc.status_code, exc.code, exc.vendor_message) == (
        500,
        "Client.Account.update_account.not_found",
        "Account not found",
    )
    assert exc.response.status_code == 500
    assert len(portabilling.main_calls()) == 1  # a fault is not retried


@pytest.mark.parametrize(
    ("status", "text", "error"),
    [
        (401, "HTTP Token: Access denied.", "AuthenticationError"),
        (422, "Bad parameter(s), see content for more information.", "UnprocessableError"),
    ],
)
def test_intandem_plain_text_labelled_json(intandem: InTandemKit, status: int, text: str, error: str) -> None:
    intandem.server.route("GET", intandem.path, intandem.server.Reply(status, body=text + "\n"))
    client = intandem.connect()

    with pytest.raises(getattr(intandem.errors, error)) as caught:
        intandem.call(client)

    exc = caught.value
    assert exc.response.headers["content-type"] == "application/json"
    assert (exc.status_code, exc.code, exc.vendor_message) == (status, None, text)
    assert text in str(exc)


def test_twosms_error_envelope_with_http_200_is_a_vendor_error(twosms: TwoSmsKit) -> None:
    twosms.server.route(
        "PUT", twosms.path, twosms.server.Reply(200, json=twosms.envelope_error("E1002", "Account is locked"))
    )
    client = twosms.connect()

    with pytest.raises(twosms.errors.VendorError) as caught:
        twosms.call(client)

    exc = caught.value
    assert (exc.status_code, exc.code, exc.vendor_message) == (200, "E1002", "Account is locked")
    assert "Account is locked" in str(exc)
    assert exc.response.status_code == 200


def test_twosms_error_envelope_with_an_error_status(twosms: TwoSmsKit) -> None:
    twosms.server.route(
        "PUT", twosms.path, twosms.server.Reply(404, json=twosms.envelope_error("NotFound", "No such account"))
    )
    client = twosms.connect()

    with pytest.raises(twosms.errors.NotFoundError) as caught:
        twosms.call(client)

    assert (caught.value.code, caught.value.vendor_message) == ("NotFound", "No such account")


def test_twosms_error_object_means_failure_even_when_empty(twosms: TwoSmsKit) -> None:
    # The vendor: "when Error is present the call failed", whatever the status and its contents.
    body = {"Error": {"ErrorCode": None, "ErrorReason": ""}, "ResponseData": {"Result": "Success"}}
    twosms.server.route("PUT", twosms.path, twosms.server.Reply(200, json=body))
    client = twosms.connect()

    with pytest.raises(twosms.errors.VendorError) as caught:
        twosms.call(client)
    assert (caught.value.status_code, caught.value.code, caught.value.vendor_message) == (200, None, None)


def test_twosms_null_error_in_the_envelope_is_success(twosms: TwoSmsKit) -> None:
    body = {"Error": None, "ResponseData": {"Result": "Success"}}
    twosms.server.route("PUT", twosms.path, twosms.server.Reply(200, json=body))
    client = twosms.connect()

    assert twosms.call(client).response_data.result == "Success"


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"error": "Account not found"}, "Account not found", "Account not found"),
        ({"errors": {"email": ["is invalid"]}}, None, "email: is invalid"),
        ("Internal trouble", None, "Internal trouble"),
    ],
)
def test_activeplatform_generic_error_bodies(
    activeplatform: ActivePlatformKit, body: Any, code: str | None, message: str
) -> None:
    reply = activeplatform.server.Reply(404, json=body) if isinstance(body, dict) else None
    reply = reply or activeplatform.server.Reply(404, body=body, content_type="text/plain")
    activeplatform.server.route("PUT", activeplatform.path, reply)
    client = activeplatform.connect()

    with pytest.raises(activeplatform.errors.NotFoundError) as caught:
        activeplatform.call(client)

    assert (caught.value.code, caught.value.vendor_message) == (code, message)


NOT_THE_SPEC = [
    ("activeplatform", 200, "<html><body>Maintenance</body></html>", "text/html"),
    ("portabilling", 200, '{"i_account": 7, "extra": [1, 2', "application/json"),  # truncated
    ("twosms", 200, "<html>Gateway</html>", "text/html"),
    ("intandem", 200, "[1, 2, 3]", "application/json"),  # JSON, but not an object
    ("portabilling", 200, "{}", "application/json"),  # a required property is missing
]


@pytest.mark.parametrize(("api", "status", "body", "content_type"), NOT_THE_SPEC)
def test_a_body_that_is_not_what_the_spec_says_is_a_response_parse_error(
    api: str, status: int, body: str, content_type: str, kit_for: KitFor
) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(status, body=body, content_type=content_type))
    client = kit.connect()

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(client)

    exc = caught.value
    assert isinstance(exc, kit.errors.ApiError)
    assert exc.response is not None and exc.response.status_code == status
    message = str(exc)
    assert "does not match the spec" in message
    assert body[:10] in message  # an excerpt of what came instead


@pytest.mark.anyio
async def test_async_errors(octopush: OctopushKit) -> None:
    forbidden = octopush.server.Reply(403, json={"code": 103, "message": "Forbidden"})
    octopush.server.route("PATCH", octopush.path, forbidden)
    async with octopush.connect() as client:
        with pytest.raises(octopush.errors.PermissionDeniedError) as caught:
            await octopush.acall(client)
        assert caught.value.code == "103"

        html = octopush.server.Reply(201, body="<html>", content_type="text/html")
        octopush.server.route("PATCH", octopush.path, html)
        assert (await octopush.acall(client)).to_dict() == {}  # a 201 is success, whatever its body


def test_an_error_message_is_bounded_but_not_cut_short() -> None:
    """An error shows up to four times MESSAGE_LIMIT characters of its own message: bounded, yet whole when it fits."""
    from accountkit_runtime.errors import MESSAGE_LIMIT, ApiError

    fits = "m" * (3 * MESSAGE_LIMIT)
    huge = "h" * (100 * MESSAGE_LIMIT)

    assert ApiError(fits).message == fits
    assert ApiError("x", code=fits, vendor_message=fits).vendor_message == fits
    shown = ApiError(huge, code=huge, vendor_message=huge)
    for part in (shown.message, shown.code, shown.vendor_message):
        assert part is not None and "h" * (4 * MESSAGE_LIMIT - 100) in part and len(part) <= 4 * MESSAGE_LIMIT + 100


def test_an_errors_details_are_keyword_only() -> None:
    """Positional details would let a status code land in ``response`` or a code in ``status_code`` unnoticed."""
    from accountkit_runtime.errors import ApiError

    with pytest.raises(TypeError, match="positional"):
        ApiError("m", None, 500)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"code": 1001, "message": "Subaccount not found"}, "1001", "Subaccount not found"),
        ({"code": 1001, "detail": "not an Octopush field"}, "1001", None),  # Octopush's shape: its fields only
        ({"message": "Quota exceeded", "error": "not an Octopush field"}, None, "Quota exceeded"),
        ({"error": "E42", "detail": "Quota exceeded"}, "E42", "Quota exceeded"),  # not its shape: read generically
        ("error code 42: quota exceeded", None, "error code 42: quota exceeded"),  # text, though it says "code"
    ],
    ids=["code and message", "code only", "message only", "another shape", "text"],
)
def test_octopush_reads_its_own_error_shape_and_falls_back_for_others(
    body: Any, code: str | None, message: str | None, octopush: OctopushKit
) -> None:
    reply = octopush.server.Reply(400, body=body) if isinstance(body, str) else octopush.server.Reply(400, json=body)
    octopush.server.route("PATCH", octopush.path, reply)

    with pytest.raises(octopush.errors.BadRequestError) as caught:
        octopush.call(octopush.connect())

    assert (caught.value.code, caught.value.vendor_message) == (code, message)


def test_intandem_json_error_bodies_are_read_generically(intandem: InTandemKit) -> None:
    """Only inTandem's plain-text refusals are read as text; a JSON object is read for its code and message."""
    body = {"error": "not_found", "message": "No such client"}
    intandem.server.route(intandem.method, intandem.path, intandem.server.Reply(404, json=body))

    with pytest.raises(intandem.errors.NotFoundError) as caught:
        intandem.call(intandem.connect())

    assert (caught.value.code, caught.value.vendor_message) == ("not_found", "No such client")


# -- what only the transport decides: 3xx is not success, and how a call out of time says so --------------


@pytest.mark.parametrize("status", [300, 304])
def test_a_3xx_answer_that_is_not_followed_is_an_error_not_a_result(octopush: OctopushKit, status: int) -> None:
    octopush.fail_first(octopush.server.Reply(status, json={"code": 1, "message": "choose"}))
    client = octopush.connect()

    with pytest.raises(octopush.errors.ApiStatusError) as caught:
        octopush.call(client)

    assert caught.value.status_code == status


@pytest.mark.anyio
async def test_a_3xx_answer_that_is_not_followed_is_an_error_not_a_result_async(octopush: OctopushKit) -> None:
    octopush.fail_first(octopush.server.Reply(300, json={"code": 1, "message": "choose"}))

    async with octopush.connect() as client:
        with pytest.raises(octopush.errors.ApiStatusError) as caught:
            await octopush.acall(client)

    assert caught.value.status_code == 300


DEADLINE = 0.2


def test_a_call_out_of_time_names_its_timeout(octopush: OctopushKit) -> None:
    octopush.fail_first(octopush.server.Reply(raw=hostile.dripped_body(interval=0.05, length=100)))
    client = octopush.connect(timeout=DEADLINE, max_retries=0)

    with pytest.raises(octopush.errors.ApiTimeoutError) as caught:
        octopush.call(client)

    assert "within the call's 0.2 s timeout" in str(caught.value)


@pytest.mark.anyio
async def test_an_async_call_out_of_time_ends_at_its_own_deadline(octopush: OctopushKit) -> None:
    """Only the call's deadline ends a drip (each byte resets the read timeout): no floor under it."""
    octopush.fail_first(octopush.server.Reply(raw=hostile.dripped_body(interval=0.05, length=100)))

    async with octopush.connect(timeout=DEADLINE, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(octopush.errors.ApiTimeoutError) as caught:
            await octopush.acall(client)
        elapsed = time.monotonic() - started

    assert "within the call's 0.2 s timeout" in str(caught.value)
    assert elapsed < 3 * DEADLINE  # "did not hang": the drip itself would last 5 s


@pytest.mark.parametrize(
    "body",
    [{"message": "Bad gateway"}, {"error": {"faultcode": "nested"}}, "no faultcode here", ["faultcode"], None],
    ids=["dict-without-faultcode", "faultcode-nested", "text", "list", "no-body"],
)
def test_a_portabilling_error_that_is_no_fault_is_read_as_any_other(body: Any) -> None:
    """A proxy's or gateway's error before PortaBilling answers has no top-level faultcode: read by the
    generic reader, never a KeyError or AttributeError from looking for one."""
    from accountkit_runtime.settings import generic_error_reader
    from portabilling_client._vendor import read_error

    assert read_error(502, body) == generic_error_reader(502, body)
