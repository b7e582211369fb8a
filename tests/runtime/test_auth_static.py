"""The three static schemes on the wire: inTandem's Token header, ActivePlatform's query token, Octopush's headers."""

from __future__ import annotations

import pytest
from support.kits import ActivePlatformKit, InTandemKit, OctopushKit


def test_intandem_sends_a_token_header(intandem: InTandemKit) -> None:
    client = intandem.connect()

    intandem.call(client)

    (request,) = intandem.main_calls()
    assert request.headers["authorization"] == 'Token token="itd-SECRET-directory-token"'


@pytest.mark.anyio
async def test_intandem_sends_a_token_header_async(intandem: InTandemKit) -> None:
    async with intandem.connect() as client:
        await intandem.acall(client)

    (request,) = intandem.main_calls()
    assert request.headers["authorization"] == 'Token token="itd-SECRET-directory-token"'


@pytest.mark.parametrize("bad", ['abc"def', "abc\rdef", "abc\ndef", 'x" , realm="evil'])
def test_intandem_refuses_a_token_that_would_break_the_header(intandem: InTandemKit, bad: str) -> None:
    with pytest.raises(intandem.errors.ConfigurationError) as caught:
        intandem.connect(token=bad)

    assert "token" in str(caught.value)
    assert bad not in str(caught.value)
    assert intandem.server.requests == []


@pytest.mark.parametrize("token", ["itd with spaces", "itd~tilde~", "~"])
def test_intandem_sends_a_token_of_any_printable_ascii_as_given(intandem: InTandemKit, token: str) -> None:
    """Space and tilde are the two ends of the printable range a header value may hold: kept, not refused."""
    client = intandem.connect(token=token)

    intandem.call(client)

    (request,) = intandem.main_calls()
    assert request.headers["authorization"] == f'Token token="{token}"'


def test_activeplatform_sends_the_token_in_the_query_only(activeplatform: ActivePlatformKit) -> None:
    client = activeplatform.connect()

    activeplatform.call(client)

    (request,) = activeplatform.main_calls()
    assert request.query == [("api_token", "ap-SECRET-manager-token")]
    assert "authorization" not in request.headers


@pytest.mark.anyio
async def test_activeplatform_sends_the_token_in_the_query_only_async(activeplatform: ActivePlatformKit) -> None:
    async with activeplatform.connect() as client:
        await activeplatform.acall(client)

    (request,) = activeplatform.main_calls()
    assert request.query == [("api_token", "ap-SECRET-manager-token")]
    assert "authorization" not in request.headers


def test_activeplatform_token_is_url_encoded(activeplatform: ActivePlatformKit) -> None:
    client = activeplatform.connect(api_token="a+b&c=d/é")

    activeplatform.call(client)

    assert activeplatform.main_calls()[0].params == {"api_token": "a+b&c=d/é"}


def test_octopush_sends_login_and_key_headers(octopush: OctopushKit) -> None:
    client = octopush.connect()

    octopush.call(client)

    (request,) = octopush.main_calls()
    assert request.headers["api-login"] == "owner-SECRET@example.com"
    assert request.headers["api-key"] == "oct-SECRET-api-key"
    assert "authorization" not in request.headers


@pytest.mark.anyio
async def test_octopush_sends_login_and_key_headers_async(octopush: OctopushKit) -> None:
    async with octopush.connect() as client:
        await octopush.acall(client)

    (request,) = octopush.main_calls()
    assert (request.headers["api-login"], request.headers["api-key"]) == (
        "owner-SECRET@example.com",
        "oct-SECRET-api-key",
    )


def test_octopush_refuses_a_key_with_a_line_break(octopush: OctopushKit) -> None:
    with pytest.raises(octopush.errors.ConfigurationError, match="api_key contains a control character"):
        octopush.connect(api_key="key\r\nX-Injected: 1")


def test_intandem_refuses_a_non_ascii_token_from_the_environment_naming_the_variable(
    intandem: InTandemKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTANDEM_TOKEN", "itd-tökén-SECRET")

    with pytest.raises(intandem.errors.ConfigurationError) as caught:
        intandem.package.connect(base_url=intandem.base_url)

    assert "INTANDEM_TOKEN" in str(caught.value) and "HTTP header" in str(caught.value)
    assert "tökén" not in str(caught.value)


@pytest.mark.parametrize("token", ["tok-SECRET-1", "a b/+&=?#%é"])
@pytest.mark.parametrize("query", ["", "?expand=owner", "?api_token=stale&x=1%202"])
def test_query_token_url_is_what_httpx_merges(token: str, query: str) -> None:
    """The token is added as ``URL.copy_merge_params`` adds it, also when the URL has no query yet (where
    ``QueryTokenAuth`` takes a shortcut): same encoding, one token, other parameters kept."""
    import httpx
    from support.kits import runtime_module

    auth = runtime_module("auth").QueryTokenAuth("api_token", token)
    request = httpx.Request("PUT", f"http://127.0.0.1:1/api/accounts/7{query}")
    expected = request.url.copy_merge_params({"api_token": token})

    sent = next(auth.auth_flow(request))

    assert str(sent.url) == str(expected)
    assert sent.url.params.get_list("api_token") == [token]
