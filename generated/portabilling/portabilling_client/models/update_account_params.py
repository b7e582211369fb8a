from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.update_account_params_release_assigned_did import UpdateAccountParamsReleaseAssignedDid
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_info import AccountInfo, AccountInfoDict


T = TypeVar("T", bound="UpdateAccountParams")


@_attrs_define
class UpdateAccountParams:
    """The parameters of Account/update_account."""

    account_info: AccountInfo
    """ The account record to update (account_info). Every field of the page's table is listed; send only the fields
    to change, plus i_account to identify the account. """
    release_assigned_did: UpdateAccountParamsReleaseAssignedDid | Unset = UpdateAccountParamsReleaseAssignedDid.RELEASE
    """ Indicates whether the previously assigned DID number should be released to the pool. Possible values: 0 -
    keep assigned; 1 - release (default). """

    def to_dict(self) -> dict[str, Any]:
        account_info = self.account_info.to_dict() if isinstance(self.account_info, AccountInfo) else self.account_info

        release_assigned_did: int | Unset = UNSET
        if not isinstance(self.release_assigned_did, Unset):
            release_assigned_did = (
                self.release_assigned_did.value
                if isinstance(self.release_assigned_did, UpdateAccountParamsReleaseAssignedDid)
                else self.release_assigned_did
            )

        field_dict: dict[str, Any] = {}

        field_dict.update({"account_info": account_info})
        if release_assigned_did is not UNSET:
            field_dict["release_assigned_did"] = release_assigned_did

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("UpdateAccountParams", d, known=("account_info", "release_assigned_did"), required=("account_info",))

        account_info = AccountInfo.from_dict(d.pop("account_info"))

        _release_assigned_did = d.pop("release_assigned_did", UNSET)
        release_assigned_did: UpdateAccountParamsReleaseAssignedDid | Unset
        if isinstance(_release_assigned_did, Unset):
            release_assigned_did = UNSET
        else:
            release_assigned_did = UpdateAccountParamsReleaseAssignedDid(_release_assigned_did)

        update_account_params = cls(account_info=account_info, release_assigned_did=release_assigned_did)

        return update_account_params


class UpdateAccountParamsDict(TypedDict):
    """``UpdateAccountParams`` as a dict: its JSON keys, for arguments that take either."""

    account_info: AccountInfoDict
    release_assigned_did: NotRequired[UpdateAccountParamsReleaseAssignedDid | Literal[0, 1]]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.account_info import AccountInfo  # noqa: E402
