"""inTandem's change_package is deprecated: each call warns once, naming the replacement, at the caller's line."""

from __future__ import annotations

import inspect
import warnings

import pytest
from support.kits import InTandemKit, OctopushKit


def deprecations(caught: list[warnings.WarningMessage]) -> list[warnings.WarningMessage]:
    return [w for w in caught if issubclass(w.category, DeprecationWarning)]


@pytest.mark.parametrize("variant", ["sync", "sync_detailed"])
def test_one_warning_naming_the_replacement(intandem: InTandemKit, variant: str) -> None:
    from intandem_client.api.accounts import change_package

    function = getattr(change_package, variant)
    client = intandem.connect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = inspect.currentframe().f_lineno + 1  # type: ignore[union-attr]
        function("88pzdbz1hmkdoel4", client=client, package_name="gold")

    (warning,) = deprecations(caught)
    message = str(warning.message)
    assert "change_package" in message and "deprecated" in message
    assert "Subscription API" in message
    assert "POST /platform/v1/businesses/{business_uid}" in message
    # Attributed to the caller's line, which is what Python's default filters show.
    assert (warning.filename, warning.lineno) == (__file__, line)
    assert len(intandem.main_calls()) == 1  # a warning, not a refusal


@pytest.mark.parametrize("variant", ["asyncio", "asyncio_detailed"])
@pytest.mark.anyio
async def test_one_warning_async(intandem: InTandemKit, variant: str) -> None:
    from intandem_client.api.accounts import change_package

    function = getattr(change_package, variant)
    async with intandem.connect() as client:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            line = inspect.currentframe().f_lineno + 1  # type: ignore[union-attr]
            await function("88pzdbz1hmkdoel4", client=client, package_name="gold")

    (warning,) = deprecations(caught)
    assert "Subscription API" in str(warning.message)
    assert (warning.filename, warning.lineno) == (__file__, line)


def test_a_refused_request_still_warns(intandem: InTandemKit) -> None:
    from intandem_client.api.accounts import change_package

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(intandem.errors.RequestValidationError):
            change_package.sync("not/a/uid", client=intandem.connect())

    assert len(deprecations(caught)) == 1
    assert intandem.server.requests == []


def test_operations_that_are_not_deprecated_do_not_warn(octopush: OctopushKit) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        octopush.call(octopush.connect())
