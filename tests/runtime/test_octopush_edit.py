"""Octopush ``edit_subaccount``: an edit sends only what it changes, and any 201 is success.

No field of the body is required (the vendor's French page edits a sub-account without the password), so
changing a name does not reset the password. The success body is undocumented: empty, not JSON or any JSON,
a 201 gives the caller an ``EditSubaccountResult`` (the body's fields when it is a JSON object, none
otherwise), never a ``ResponseParseError`` that would make a done edit look failed. The wire request and
the answer come from the loopback server.
"""

from __future__ import annotations

import json

import pytest

BODIES = {
    "empty": (b"", "application/json"),
    "not JSON": (b"OK", "text/plain"),
    "an HTML page": (b"<html><body>Done</body></html>", "text/html"),
    "JSON null": (b"null", "application/json"),
    "a JSON string": (b'"updated"', "application/json"),
    "a JSON array": (b"[1, 2]", "application/json"),
    "truncated JSON": (b'{"first_name": "An', "application/json"),
}


def only_the_name() -> object:
    from octopush_client.models import SubaccountEdit

    return SubaccountEdit(first_name="Ann")


def test_an_edit_sends_only_the_field_it_changes(octopush) -> None:
    result = octopush.call(octopush.connect(), body=only_the_name())

    (edit,) = octopush.main_calls()
    assert edit.json() == {"first_name": "Ann"}  # no password, so it is not reset
    assert (edit.method, edit.path) == ("PATCH", octopush.path)
    assert result.to_dict() == {"first_name": "Ann"}  # the kit's server answers 201 {"first_name": "Ann"}


@pytest.mark.anyio
async def test_an_edit_sends_only_the_field_it_changes_async(octopush) -> None:
    from octopush_client.models import SubaccountCallbacks, SubaccountEdit

    body = SubaccountEdit(callbacks=SubaccountCallbacks(callback_url_for_inbounds="https://hooks.example.com/in"))
    async with octopush.connect() as client:
        await octopush.acall(client, body=body)

    assert octopush.main_calls()[0].json() == {
        "callbacks": {"callback_url_for_inbounds": "https://hooks.example.com/in"}
    }


def test_an_empty_edit_is_an_empty_object(octopush) -> None:
    from octopush_client.models import SubaccountEdit

    octopush.call(octopush.connect(), body=SubaccountEdit())

    assert octopush.main_calls()[0].body == b"{}"


@pytest.mark.parametrize("name", sorted(BODIES))
def test_any_201_body_is_success(name: str, octopush) -> None:
    from octopush_client.models import EditSubaccountResult

    content, content_type = BODIES[name]
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, body=content, content_type=content_type))
    client = octopush.connect()

    result = octopush.call(client, body=only_the_name())
    detailed = octopush.call_detailed(client, body=only_the_name())

    assert isinstance(result, EditSubaccountResult) and result.to_dict() == {}
    assert (detailed.status_code, detailed.content) == (201, content)  # the body as sent, for who needs it
    assert len(octopush.main_calls()) == 2  # one request per call: a success is not retried


@pytest.mark.parametrize("name", ["empty", "not JSON", "a JSON array"])
@pytest.mark.anyio
async def test_any_201_body_is_success_async(name: str, octopush) -> None:
    content, content_type = BODIES[name]
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, body=content, content_type=content_type))
    async with octopush.connect() as client:
        result = await octopush.acall(client, body=only_the_name())
    assert result.to_dict() == {}


def test_a_json_object_body_gives_its_fields(octopush) -> None:
    answer = {"sub_account_email": "team@sub-accounts.example.com", "updated": True, "credit": {"sms": 3}}
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, body=json.dumps(answer)))

    result = octopush.call(octopush.connect(), body=only_the_name())

    assert result.to_dict() == answer
    assert result["updated"] is True  # undocumented fields are kept, by name


def test_errors_are_still_errors(octopush) -> None:
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(400, json={"code": 118, "message": "Bad"}))

    with pytest.raises(octopush.errors.BadRequestError) as caught:
        octopush.call(octopush.connect(), body=only_the_name())

    assert (caught.value.code, caught.value.vendor_message) == ("118", "Bad")
