"""What Octopush calls return, for mypy --strict (test_package_readmes.py)."""

from typing import assert_type

from octopush_client import AsyncOctopush, Octopush, connect
from octopush_client.api.subaccounts import edit_subaccount
from octopush_client.models import EditSubaccountResult, SubaccountEdit
from octopush_client.types import Response


def sync_calls(api: Octopush) -> None:
    result = api.subaccounts.edit_subaccount(
        "team@sub.example.com",
        first_name="Ann",
        last_name="Lee",
        password="p",
        callbacks={"callback_url_for_inbounds": "https://h"},
    )
    assert_type(result, EditSubaccountResult)
    detailed = api.subaccounts.edit_subaccount_detailed(
        "team@sub.example.com", first_name="A", last_name="B", password="p"
    )
    assert_type(detailed, Response[EditSubaccountResult])
    body = SubaccountEdit(first_name="A", last_name="B", password="p")
    assert_type(edit_subaccount.sync("team@sub.example.com", client=connect(), body=body), EditSubaccountResult)


async def async_calls(api: AsyncOctopush) -> None:
    result = await api.subaccounts.edit_subaccount("team@sub.example.com", first_name="A", last_name="B", password="p")
    assert_type(result, EditSubaccountResult)
