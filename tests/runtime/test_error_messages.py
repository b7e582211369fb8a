"""Text from a response in an error is bounded (a few KiB) and printable (control characters escaped).

Error messages end up in terminals and log files: a CR/LF in a vendor message would forge a log
line, an ANSI escape would rewrite the terminal, a megabyte error page would bury the message. Every
place that builds a message from response text goes through one helper, ``errors.printable``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
HOSTILE = "bad\r\nInjected: forged log line\x1b[31mRED\x1b[0m\x00\x07\x9b\u202egnp.exe\u2028\ud800" + "x" * 100_000
HOSTILE_BYTES = HOSTILE.encode("utf-8", "surrogatepass")  # as a text body: the lone surrogate is invalid UTF-8
CONTROLS = ["\r", "\n", "\x1b", "\x00", "\x07", "\x9b", "\u202e", "\u2028", "\ud800"]
MAX_LENGTH = 8 * 1024


def hostile_error(kit: Any) -> Any:
    """An error reply whose vendor message (as this vendor reports it) is ``HOSTILE``."""
    reply = kit.server.Reply
    if kit.name == "intandem":
        return reply(422, body=HOSTILE_BYTES, content_type="text/plain; charset=utf-8")
    if kit.name == "activeplatform":
        return reply(404, json={"error": HOSTILE})
    if kit.name == "portabilling":
        return reply(500, json={"faultcode": "Server.Account." + HOSTILE[:40], "faultstring": HOSTILE})
    if kit.name == "octopush":
        return reply(400, json={"code": 7, "message": HOSTILE})
    return reply(200, json=kit.envelope_error("E9", HOSTILE))


def assert_printable_and_bounded(*texts: str) -> None:
    for text in texts:
        assert len(text) <= MAX_LENGTH, len(text)
        for control in CONTROLS:
            assert control not in text, (control, text[:200])


@pytest.mark.parametrize("api", APIS)
def test_vendor_messages_are_bounded_and_printable(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(hostile_error(kit))
    client = kit.connect()

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        kit.call(client)

    error = caught.value
    assert_printable_and_bounded(str(error), repr(error), error.vendor_message, error.code or "")
    assert "bad\\r\\nInjected: forged log line\\x1b[31mRED" in str(error)  # escaped, still readable
    assert "more characters)" in str(error)  # and says that it was cut


@pytest.mark.parametrize("api", APIS)
@pytest.mark.anyio
async def test_vendor_messages_are_bounded_and_printable_async(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(hostile_error(kit))
    async with kit.connect() as client:
        with pytest.raises(kit.errors.ApiStatusError) as caught:
            await kit.acall(client)

    assert_printable_and_bounded(str(caught.value), caught.value.vendor_message)


# Octopush's 201 is success whatever its body (its spec's x-accountkit-any-body): no parse error to show.
@pytest.mark.parametrize("api", [api for api in APIS if api != "octopush"])
def test_a_body_excerpt_in_a_parse_error_is_bounded_and_printable(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    kit.fail_first(kit.server.Reply(200, body=b"<html>" + HOSTILE_BYTES, content_type="text/html"))
    client = kit.connect()

    with pytest.raises(kit.errors.ResponseParseError) as caught:
        kit.call(client)

    assert_printable_and_bounded(str(caught.value), repr(caught.value))
    assert "<html>bad\\r\\n" in str(caught.value)


@pytest.mark.parametrize("api", ["portabilling", "twosms"])
def test_a_refused_login_message_is_bounded_and_printable(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)
    if api == "portabilling":
        refusal = kit.server.Reply(500, json={"faultcode": "Server.Session.auth_failed", "faultstring": HOSTILE})
        kit.server.route("POST", kit.login_path, refusal)
    else:
        refusal = kit.server.Reply(401, json={"error": "invalid_client", "error_description": HOSTILE})
        kit.server.route("POST", kit.token_path, refusal)
    client = kit.connect()

    with pytest.raises(kit.errors.AuthenticationError) as caught:
        kit.call(client)

    assert_printable_and_bounded(str(caught.value), caught.value.vendor_message)
    assert "bad\\r\\n" in str(caught.value)


def test_the_helper() -> None:
    from accountkit_runtime.errors import printable

    assert printable("plain text, ünïcödé, tabs\tand quotes \"'") == "plain text, ünïcödé, tabs\\tand quotes \"'"
    assert printable("a\r\nb\x1b[2Jc\x7f\u202e\ud800") == "a\\r\\nb\\x1b[2Jc\\x7f\\u202e\\ud800"
    assert printable("y" * 10, limit=4) == "yyyy... (6 more characters)"
    assert printable(printable(HOSTILE[:200])) == printable(HOSTILE[:200])  # escaping twice changes nothing
    assert len(printable(HOSTILE)) <= 2100


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "idna", "punycode", "unicode_escape"])
@pytest.mark.parametrize("api", ["intandem", "octopush"])
def test_an_error_body_that_does_not_decode_in_its_charset_is_read_as_utf8(
    api: str, charset: str, kit_for: KitFor
) -> None:
    """A text error body whose declared charset cannot decode it (UTF-16 without a byte order mark, a codec
    that is no text encoding) is read as UTF-8 with replacements: the typed error for the status, never a
    bare UnicodeError from decoding it."""
    kit = kit_for(api)
    body = b"quota \xff exceeded\\x"
    kit.fail_first(kit.server.Reply(400, body=body, content_type=f"text/plain; charset={charset}"))
    client = kit.connect(max_retries=0)

    with pytest.raises(kit.errors.ApiStatusError) as caught:
        kit.call(client)

    assert caught.value.status_code == 400
    assert "quota" in str(caught.value) and "exceeded" in str(caught.value)


def test_a_body_that_does_not_match_the_spec_is_shown_in_200_characters_and_the_reason_in_400(
    kit_for: KitFor,
) -> None:
    """The ResponseParseError shows the start of the body and of the parser's complaint, each cut to its own
    bound, so one long value cannot bury the other."""
    import json

    import httpx
    from accountkit_runtime import transport
    from accountkit_runtime.errors import ResponseParseError

    kit = kit_for("octopush")
    client = kit.connect()
    operation = importlib.import_module("octopush_client.api.subaccounts.edit_subaccount")._OPERATION
    data = {"first_name": "b" * 1000}
    response = httpx.Response(201, content=json.dumps(data).encode(), request=httpx.Request("PATCH", "http://x/"))
    complaint = "c" * 1000

    def build(**_: Any) -> Any:
        raise ValueError(complaint)

    with pytest.raises(ResponseParseError) as caught:
        transport.parse(build, client, operation, response)

    shown = json.dumps(data)
    assert f"body: {shown[:200]}... ({len(shown) - 200} more characters)" in str(caught.value)
    assert f"(ValueError: {complaint[:400]}... ({len(complaint) - 400} more characters))" in str(caught.value)
