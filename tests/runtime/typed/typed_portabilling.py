"""What PortaBilling calls return, for mypy --strict (test_package_readmes.py): the success model only."""

from typing import assert_type

from portabilling_client import AsyncPortaBilling, PortaBilling, connect
from portabilling_client.api.account import update_account
from portabilling_client.models import (
    AccountInfoDict,
    LogoutResponse,
    SessionData,
    UpdateAccountParams,
    UpdateAccountRequest,
    UpdateAccountResponse,
)
from portabilling_client.types import Response

info: AccountInfoDict = {"i_account": 55, "firstname": "Ada"}


def sync_calls(pb: PortaBilling) -> None:
    assert_type(pb.account.update_account(params={"account_info": info}), UpdateAccountResponse)
    assert_type(pb.account.update_account_detailed(params={"account_info": info}), Response[UpdateAccountResponse])
    assert_type(pb.session.login(params={"login": "admin", "password": "p"}), SessionData)
    assert_type(pb.session.refresh_access_token(params={"refresh_token": "r"}), SessionData)
    assert_type(pb.session.logout(params={"access_token": "a"}), LogoutResponse)
    assert_type(pb.with_options(timeout=5, max_retries=0), PortaBilling)
    body = UpdateAccountRequest(params=UpdateAccountParams.from_dict({"account_info": info}))
    assert_type(update_account.sync(client=connect(), body=body), UpdateAccountResponse)
    assert_type(update_account.sync_detailed(client=connect(), body=body).parsed, UpdateAccountResponse)


async def async_calls(pb: AsyncPortaBilling) -> None:
    assert_type(await pb.account.update_account(params={"account_info": info}), UpdateAccountResponse)
    assert_type(await pb.session.login(params={"login": "admin", "token": "t"}), SessionData)
    body = UpdateAccountRequest.from_dict({"params": {"account_info": info}})
    assert_type(await update_account.asyncio(client=connect(), body=body), UpdateAccountResponse)
