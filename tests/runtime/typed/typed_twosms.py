"""What 2sms calls return, for mypy --strict (test_package_readmes.py)."""

from typing import assert_type
from uuid import UUID

from twosms_client import AsyncTwoSms, TwoSms
from twosms_client.models import ResponseOfObject

ACCOUNT = UUID("f3cf5cc6-a44f-43da-81ec-04c8d2f91294")


def sync_calls(api: TwoSms) -> None:
    result = api.accounts.update_account(
        ACCOUNT,
        contact_number="+44 20 7946 0000",
        email_address="ops@example.com",
        sms_password="p",
        sms_username="ops",
        time_zone="GMT Standard Time",
    )
    assert_type(result, ResponseOfObject)


async def async_calls(api: AsyncTwoSms) -> None:
    result = await api.accounts.update_account(
        ACCOUNT,
        contact_number="+44 20 7946 0000",
        email_address="ops@example.com",
        sms_password="p",
        sms_username="ops",
        time_zone="GMT Standard Time",
        first_name="Ada",
    )
    assert_type(result, ResponseOfObject)
