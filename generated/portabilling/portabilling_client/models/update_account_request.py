from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.update_account_params import UpdateAccountParams, UpdateAccountParamsDict


T = TypeVar("T", bound="UpdateAccountRequest")


@_attrs_define
class UpdateAccountRequest:
    """The request body of Account/update_account: the parameters wrapped in params."""

    params: UpdateAccountParams
    """ The parameters of Account/update_account. """

    def to_dict(self) -> dict[str, Any]:
        params = self.params.to_dict() if isinstance(self.params, UpdateAccountParams) else self.params

        field_dict: dict[str, Any] = {}

        field_dict.update({"params": params})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("UpdateAccountRequest", d, known=("params",), required=("params",))

        params = UpdateAccountParams.from_dict(d.pop("params"))

        update_account_request = cls(params=params)

        return update_account_request


class UpdateAccountRequestDict(TypedDict):
    """``UpdateAccountRequest`` as a dict: its JSON keys, for arguments that take either."""

    params: UpdateAccountParamsDict


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.update_account_params import UpdateAccountParams  # noqa: E402
