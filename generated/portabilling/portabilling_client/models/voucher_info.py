from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VoucherInfo")


@_attrs_define
class VoucherInfo:
    """The voucher used to recharge the account."""

    id: str | Unset = UNSET
    """ The unique ID of the voucher. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("VoucherInfo", d, known=("id",), required=())

        id = d.pop("id", UNSET)

        voucher_info = cls(id=id)

        return voucher_info


class VoucherInfoDict(TypedDict):
    """``VoucherInfo`` as a dict: its JSON keys, for arguments that take either."""

    id: NotRequired[str]
