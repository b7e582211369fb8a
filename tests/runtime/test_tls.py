"""TLS certificates are verified by default; plain http:// is refused except to loopback or when allowed."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.kits import OctopushKit
from support.mockserver import MockServer

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor


def test_an_untrusted_certificate_is_refused(tls_server: MockServer, kit_for: KitFor) -> None:
    kit = kit_for("octopush")  # routes go to the server of the kit fixtures ...
    tls_server.route(kit.method, kit.path, tls_server.Reply(201, json={}))  # ... so script the TLS one here
    client = kit.connect(base_url=tls_server.url, max_retries=0)

    with pytest.raises(kit.errors.ApiConnectionError) as caught:
        kit.call(client)

    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    assert tls_server.requests == []


def test_a_trusted_certificate_works(
    tls_server: MockServer, self_signed_cert: tuple[Path, Path], kit_for: KitFor
) -> None:
    kit = kit_for("octopush")
    tls_server.route(kit.method, kit.path, tls_server.Reply(201, json={}))
    trusted = ssl.create_default_context(cafile=str(self_signed_cert[0]))
    client = kit.connect(base_url=tls_server.url, httpx_args={"verify": trusted})

    kit.call(client)

    assert len(tls_server.requests) == 1


@pytest.mark.parametrize("api", ["intandem", "activeplatform", "portabilling", "octopush", "twosms"])
def test_plain_http_to_another_host_is_refused(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)

    with pytest.raises(kit.errors.ConfigurationError, match="allow_insecure_http"):
        kit.connect(base_url="http://api.example.com")


def test_plain_http_from_the_environment_is_refused_too(octopush: OctopushKit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCTOPUSH_BASE_URL", "http://api.example.com")
    with pytest.raises(octopush.errors.ConfigurationError, match="api.example.com"):
        octopush.package.connect(api_login="a@example.com", api_key="k-123456")


def test_plain_http_when_explicitly_allowed(octopush: OctopushKit) -> None:
    client = octopush.connect(base_url="http://api.example.com", allow_insecure_http=True)
    assert client.get_httpx_client().base_url.host == "api.example.com"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "127.0.0.2"])
def test_plain_http_to_loopback_is_fine(octopush: OctopushKit, host: str) -> None:
    octopush.connect(base_url=f"http://{host}:8080")


@pytest.mark.parametrize("url", ["ftp://api.example.com", "api.example.com", "https://"])
def test_other_urls_are_refused(octopush: OctopushKit, url: str) -> None:
    with pytest.raises(octopush.errors.ConfigurationError):
        octopush.connect(base_url=url)


def test_https_is_the_default_server(octopush: OctopushKit) -> None:
    client = octopush.package.connect(api_login="a@example.com", api_key="k-123456")
    try:
        url = client.get_httpx_client().base_url
        assert (url.scheme, url.host) == ("https", "api.octopush.com")
    finally:
        client.close()
