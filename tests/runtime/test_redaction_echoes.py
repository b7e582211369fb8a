"""Secrets echoed back by a server, in any form, are masked in every logger at DEBUG and in errors.

Each API's credential holds ``+ / = " é &`` and spaces where its transport allows (a header credential is
ASCII without ``"``). The server quotes it back in every form a careless server might use, in the body,
in response headers and in ``Set-Cookie``: as is, URL-encoded (``%20`` and ``+``, both hex cases),
HTML-escaped (named and numeric), JSON-escaped (``\\u00e9``), ``repr``-escaped (``\\xe9``, and the UTF-8
bytes a bytes repr shows). Then no logger (httpx, every httpcore logger, the package's own) and no error
may show any of it, sync or async. Short secrets, too short to mask by value, are masked by field name.
"""

from __future__ import annotations

import html
import json
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus

import pytest
from support.kits import OctopushKit, TwoSmsKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

CORE = "Zq7SECRETk"  # alphanumeric: stays readable in every encoding, so any leak shows it
RICH = CORE + '+/= "é& x'
ASCII = CORE + "+/= & x"
# The credential carrying the rich secret, per API (header credentials cannot hold '"' or 'é').
CREDENTIAL = {
    "intandem": ("token", ASCII),
    "activeplatform": ("api_token", RICH),
    "portabilling": ("password", RICH),
    "octopush": ("api_key", ASCII),
    "twosms": ("client_secret", RICH),
}


def echo_forms(secret: str) -> dict[str, str]:
    percent = quote(secret, safe="")
    return {
        "raw": secret,
        "percent": percent,
        "percent-lowercase-hex": re.sub(r"%[0-9A-F]{2}", lambda m: m[0].lower(), percent),
        "plus": quote_plus(secret),
        "path-style": quote(secret),  # '/' kept
        "html": html.escape(secret),
        "html-numeric": "".join(c if c.isalnum() else f"&#{ord(c)};" for c in secret),
        "html-hex": "".join(c if c.isalnum() else f"&#x{ord(c):x};" for c in secret),
        "json": json.dumps(secret)[1:-1],
        "json-unicode": json.dumps(secret, ensure_ascii=False)[1:-1],
        "repr": repr(secret)[1:-1],
        "bytes-repr": repr(secret.encode())[2:-1],
    }


def echo_reply(kit: Any, secret: str, status: int = 400) -> Any:
    forms = echo_forms(secret)
    headers = {f"X-Echo-{name}": form for name, form in forms.items()}
    headers["Set-Cookie"] = f"session={quote(secret, safe='')}; Path=/"
    headers["Authorization"] = f"Bearer {secret}"
    text = "; ".join(f"{name}: {form}" for name, form in forms.items())
    body = {"code": 9, "message": f"rejected {text}", "error": text, "Error": {"ErrorCode": "9", "ErrorReason": text}}
    if kit.name == "portabilling":
        body = {"faultcode": "Server.Refused", "faultstring": text}
    return kit.server.Reply(status, json=body, headers=headers)


def assert_nothing_shown(secret: str, *texts: str) -> None:
    forms = echo_forms(secret)
    for text in texts:
        assert CORE not in text, f"the secret leaked: ...{text[max(0, text.find(CORE) - 80) : text.find(CORE) + 80]}..."
        for name, form in forms.items():
            assert form not in text, f"{name} form leaked"


def connect_rich(kit: Any) -> Any:
    argument, secret = CREDENTIAL[kit.name]
    if kit.name == "portabilling":
        kit.credentials = {"login": "admin", "password": secret}
        login = kit.server.handler("POST", kit.login_path)
        kit.server.route("POST", kit.login_path, lambda r: login_with(kit, r, secret, login))
    if kit.name == "twosms":
        kit.server.route("POST", kit.token_path, lambda r: token_with(kit, r, secret))
    return kit.connect(**{argument: secret})


def login_with(kit: Any, request: Any, secret: str, normal: Any) -> Any:
    assert request.json()["params"]["password"] == secret
    reply = kit._new_session()
    reply.headers = {"X-Echo": quote_plus(secret), "Set-Cookie": f"pw={quote(secret, safe='')}"}
    return reply


def token_with(kit: Any, request: Any, secret: str) -> Any:
    assert request.form()["client_secret"] == secret
    kit.issued.append("2sms-access-SECRET-9")
    kit.valid.add("2sms-access-SECRET-9")
    body = {"access_token": "2sms-access-SECRET-9", "expires_in": 3600}
    return kit.server.Reply(json=body, headers={"X-Echo": html.escape(secret), "X-Echo-2": repr(secret)})


# Per transport: aiohttp logs nothing per request (its loggers are guarded all the same, see
# test_aiohttp_and_asyncio_loggers_mask_secrets).
LOGGERS_THAT_MUST_HAVE_SPOKEN = {
    "httpx": ("httpx", "httpcore.http11", "httpcore.connection"),
    "aiohttp": ("httpx",),
}


def check(kit: Any, caplog: pytest.LogCaptureFixture, exc: Any, transport: str = "httpx") -> None:
    spoke = {record.name for record in caplog.records}
    assert spoke >= {*LOGGERS_THAT_MUST_HAVE_SPOKEN[transport], kit.package_name}, spoke
    assert "x-echo-raw" in caplog.text.lower() and "***" in caplog.text  # the echoes were logged, masked
    _, secret = CREDENTIAL[kit.name]
    shown = (repr(exc.body), repr(exc.body_data), str(exc.vendor_message))
    assert_nothing_shown(secret, caplog.text, str(exc), repr(exc), *shown)


@pytest.mark.parametrize("api", sorted(CREDENTIAL))
def test_echoed_secrets_are_masked_in_every_logger(api: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    client = connect_rich(kit)
    kit.server.route(kit.method, kit.path, echo_reply(kit, CREDENTIAL[api][1]))

    with pytest.raises(kit.errors.ApiError) as caught:
        kit.call(client)

    check(kit, caplog, caught.value)


@pytest.mark.parametrize("api", sorted(CREDENTIAL))
@pytest.mark.anyio
async def test_echoed_secrets_are_masked_in_every_logger_async(
    api: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture, async_transport: str
) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    kit.server.route(kit.method, kit.path, echo_reply(kit, CREDENTIAL[api][1]))
    async with connect_rich(kit) as client:
        with pytest.raises(kit.errors.ApiError) as caught:
            await kit.acall(client)

    check(kit, caplog, caught.value, async_transport)


@pytest.mark.parametrize("logger", ["aiohttp.client", "aiohttp.internal", "aiohttp.access", "asyncio"])
def test_aiohttp_and_asyncio_loggers_mask_secrets(
    logger: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for("activeplatform")
    kit.connect(async_transport="aiohttp")
    secret = CREDENTIAL["activeplatform"][1]

    logging.getLogger(logger).error("failed %s?api_token=%s", f"{kit.base_url}/x", secret)

    assert logger in {record.name for record in caplog.records}
    assert_nothing_shown(secret, caplog.text)


def test_an_obtained_token_echoed_in_response_headers_is_masked(
    twosms: TwoSmsKit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = twosms.connect()
    twosms.call(client)
    token = twosms.issued[0]
    headers = {f"X-Echo-{name}": form for name, form in echo_forms(token).items()}
    twosms.server.route("PUT", twosms.path, twosms.server.Reply(200, json=twosms.ok_body(), headers=headers))

    twosms.call(client)

    assert "X-Echo-percent" in caplog.text
    for form in echo_forms(token).values():
        assert form not in caplog.text


SHORT = {
    "intandem": ("token", "Authorization"),
    "activeplatform": ("api_token", "api_token"),
    "octopush": ("api_key", "api-key"),
    "portabilling": ("password", "password"),
    "twosms": ("client_secret", "client_secret"),
}


@pytest.mark.parametrize("api", sorted(SHORT))
def test_short_secrets_are_masked_by_their_field_names(
    api: str, kit_for: KitFor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kit = kit_for(api)
    argument, name = SHORT[api]
    short = "k9z"
    if api == "portabilling":
        kit.server.route("POST", kit.login_path, lambda r: kit._new_session())
    if api == "twosms":
        kit.server.route("POST", kit.token_path, kit.server.Reply(json={"access_token": "2sms-access-SECRET-9"}))
        kit.issued.append("2sms-access-SECRET-9")
        kit.valid.add("2sms-access-SECRET-9")
    client = kit.connect(**{argument: short})
    headers = {name: short, "Set-Cookie": f"{name}={short}; Path=/"} if api != "intandem" else {name: short}
    body = {name: short, "message": f"{name}={short}&x=1"}
    kit.server.route(kit.method, kit.path, kit.server.Reply(400, json=body, headers=headers))

    with pytest.raises(kit.errors.ApiError) as caught:
        kit.call(client)

    assert "k9z" not in caplog.text
    assert "k9z" not in str(caught.value) and "k9z" not in repr(caught.value.body)
    assert "k9z" not in repr(caught.value.body_data)
    assert f"{name}=***" in caplog.text or f"'{name}', b'***'" in caplog.text


def test_a_logger_configured_after_connect_still_masks(octopush: OctopushKit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = octopush.connect()
    logging.getLogger("httpcore.http11").setLevel(logging.DEBUG)
    octopush.server.route("PATCH", octopush.path, echo_reply(octopush, "oct-SECRET-api-key"))

    with pytest.raises(octopush.errors.ApiError):
        octopush.call(client)

    assert "oct-SECRET-api-key" not in caplog.text
    assert any(record.name == "httpcore.http11" and "X-Echo-raw" in record.getMessage() for record in caplog.records)


HOSTILE_TEXTS = {
    "a run of letters": "a" * 100_000 + " =",
    "a quoted run": "'" + "a" * 100_000 + "' :",
    "names without values": "token=" * 20_000,
    "quoted names": "'token': '" * 10_000,
    "mixed quotes": '"token": \'' * 10_000,
    "URL starts": "http://" * 20_000,
    "header tuple starts": "(b'x" * 20_000,
    "near-secrets": "Zq7SECRETk+/= " * 10_000,
    "percent escapes": "%5A%71" * 20_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_masking_is_linear_in_hostile_text(name: str, octopush: OctopushKit, caplog: pytest.LogCaptureFixture) -> None:
    """A server controls what gets masked: no text may make masking (and so logging or an error) slow."""
    import time

    caplog.set_level(logging.DEBUG)
    client = octopush.connect(api_key=RICH.replace('"', "").replace("é", "e"))
    text = HOSTILE_TEXTS[name]
    logger = logging.getLogger("httpcore.http11")

    started = time.perf_counter()
    client.settings.redactor.text(text)
    client.settings.redactor.body(text.encode())
    logger.debug("receive_response_headers.complete return_value=" + text)
    took = time.perf_counter() - started

    assert took < 2.0, f"{took:.2f}s for {len(text)} characters"


# A secret beyond Latin-1 and beyond the Basic Multilingual Plane: JSON escapes '🔑' as a surrogate pair
# (\ud83d\udd11), a bytes repr shows its four UTF-8 bytes; and one within Latin-1, whose 'é' a server
# answering in Latin-1 shows, in a bytes repr, as the single byte \xe9.
ASTRAL = CORE + "é🔑x"
LATIN = CORE + "é"


@pytest.mark.parametrize(("secret", "form"), [*((ASTRAL, f) for f in echo_forms(ASTRAL)), (LATIN, "latin-1")])
def test_every_form_of_a_secret_beyond_ascii_is_masked(secret: str, form: str) -> None:
    from accountkit_runtime.redaction import Redactor

    echoed = repr(secret.encode("latin-1"))[2:-1] if form == "latin-1" else echo_forms(secret)[form]
    assert CORE in echoed or form.startswith("html-") or "%" in echoed  # the form really carries the secret

    shown = Redactor([secret]).text(f"the server said: {echoed}.")

    assert shown == "the server said: ***.", (form, echoed, shown)


def test_a_header_value_with_a_secret_named_pair_is_masked_whole_in_httpcore_logs(
    octopush: OctopushKit, caplog: pytest.LogCaptureFixture
) -> None:
    """A pair whose value sorts before the mask ('%', '!', '(') is masked like any other, not kept as it came."""
    caplog.set_level(logging.DEBUG)
    headers = {"X-Debug": "password=%21k9z", "X-Trace": "token=(k9z)"}
    octopush.server.route("PATCH", octopush.path, octopush.server.Reply(201, json={}, headers=headers))

    octopush.call(octopush.connect())

    assert "(b'X-Debug', b'***')" in caplog.text and "(b'X-Trace', b'***')" in caplog.text
    assert "k9z" not in caplog.text
