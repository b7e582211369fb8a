"""Every client runs on the one accountkit-runtime: one error hierarchy, one client class, no copies.

Before accountkit-runtime was a package of its own, each client carried a copy of it, so each had its own
``ApiError`` and ``except portabilling_client.errors.ApiError`` missed an Octopush failure. Here: the
classes are the same objects in every package, a real failure of one client is caught through another
client's errors module (sync and async), and what is one vendor's (PortaBilling's session login) is in
that vendor's package only.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools

import accountkit_runtime.auth
import accountkit_runtime.client
import accountkit_runtime.errors
import pytest
from support.kits import OctopushKit, TwoSmsKit

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]
PACKAGES = [f"{api}_client" for api in APIS]


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(PACKAGES, 2)))
def test_error_classes_are_the_same_objects_in_every_package(first: str, second: str) -> None:
    one, other = importlib.import_module(f"{first}.errors"), importlib.import_module(f"{second}.errors")

    assert one.__all__ == other.__all__
    for name in one.__all__:
        assert getattr(one, name) is getattr(other, name) is getattr(accountkit_runtime.errors, name), name


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_hands_out_the_runtimes_client_class(package: str) -> None:
    module = importlib.import_module(package)

    assert module.Client is accountkit_runtime.client.Client
    assert module.AuthenticatedClient is accountkit_runtime.client.AuthenticatedClient
    assert importlib.util.find_spec(f"{package}._runtime") is None  # no copy of the runtime inside


def test_one_clients_errors_module_catches_another_clients_failure(octopush: OctopushKit) -> None:
    import portabilling_client.errors

    octopush.server.route(
        "PATCH", octopush.path, octopush.server.Reply(404, json={"code": 1001, "message": "Subaccount not found"})
    )
    client = octopush.connect()

    with pytest.raises(portabilling_client.errors.ApiError) as caught:
        octopush.call(client)

    assert isinstance(caught.value, portabilling_client.errors.NotFoundError)
    assert caught.value.code == "1001"


@pytest.mark.anyio
async def test_the_same_holds_for_async_calls(twosms: TwoSmsKit) -> None:
    import intandem_client.errors

    twosms.server.route(twosms.method, twosms.path, twosms.server.Reply(200, json=twosms.envelope_error("E7", "no")))
    client = twosms.connect()

    with pytest.raises(intandem_client.errors.VendorError) as caught:
        await twosms.acall(client)

    assert caught.value.code == "E7"


def test_vendor_session_rules_live_in_the_vendors_package_only() -> None:
    portabilling_vendor = importlib.import_module("portabilling_client._vendor")

    assert issubclass(portabilling_vendor.PortaBillingSessionAuth, accountkit_runtime.auth.TokenFlow)
    assert not hasattr(accountkit_runtime.auth, "PortaBillingSessionAuth")
    for package in PACKAGES:
        if package != "portabilling_client":
            assert not hasattr(importlib.import_module(f"{package}._vendor"), "PortaBillingSessionAuth")
