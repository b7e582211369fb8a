from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar
from uuid import UUID

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountUserInfo")


@_attrs_define
class AccountUserInfo:
    """A user with access to the account and their permission level. The page gives no table for AccountUserInfo; its
    members come from the XML request sample.

    """

    user_id: UUID | Unset = UNSET
    """ The unique identifier of the user. """
    name: str | Unset = UNSET
    """ The user's name. """
    permission_level: str | Unset = UNSET
    """ The user's permission level on the account, e.g. STANDARD_USER (the page's sample). The list of levels is
    not documented. """

    def to_dict(self) -> dict[str, Any]:
        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        name = self.name

        permission_level = self.permission_level

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if user_id is not UNSET:
            field_dict["UserID"] = user_id
        if name is not UNSET:
            field_dict["Name"] = name
        if permission_level is not UNSET:
            field_dict["PermissionLevel"] = permission_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("AccountUserInfo", d, known=("UserID", "Name", "PermissionLevel"), required=())

        _user_id = d.pop("UserID", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        name = d.pop("Name", UNSET)

        permission_level = d.pop("PermissionLevel", UNSET)

        account_user_info = cls(user_id=user_id, name=name, permission_level=permission_level)

        return account_user_info


class AccountUserInfoDict(TypedDict):
    """``AccountUserInfo`` as a dict: its JSON keys, for arguments that take either."""

    UserID: NotRequired[str]
    Name: NotRequired[str]
    PermissionLevel: NotRequired[str]
