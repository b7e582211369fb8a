"""What inTandem calls return, for mypy --strict (test_package_readmes.py)."""

from typing import assert_type

from intandem_client import AsyncInTandem, InTandem
from intandem_client.models import ChangePackageResponse


def sync_calls(api: InTandem) -> None:
    result = api.accounts.change_package(
        "88pzdbz1hmkdoel4", package_name="gold", external_subscription_params={"plan": "gold"}
    )
    assert_type(result, ChangePackageResponse)


async def async_calls(api: AsyncInTandem) -> None:
    assert_type(await api.accounts.change_package("88pzdbz1hmkdoel4", package_name="gold"), ChangePackageResponse)
