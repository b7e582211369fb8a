"""What ActivePlatform calls return, for mypy --strict (test_package_readmes.py)."""

from typing import assert_type

from activeplatform_client import ActivePlatform, AsyncActivePlatform
from activeplatform_client.models import Account


def sync_calls(api: ActivePlatform) -> None:
    assert_type(
        api.accounts.update_account(505, first_name="Ann", custom_attributes=[{"key": "k", "value": "v"}]), Account
    )


async def async_calls(api: AsyncActivePlatform) -> None:
    assert_type(await api.accounts.update_account(505, email="ann@example.com"), Account)
