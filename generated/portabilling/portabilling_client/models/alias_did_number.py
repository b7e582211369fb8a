from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AliasDidNumber")


@_attrs_define
class AliasDidNumber:
    """The DID number of one of the account's aliases."""

    did_number: str | Unset = UNSET
    """ The DID number. Used to specify a phone number. Note: read-only. Possible values: only numbers. """
    i_did_number: int | Unset = UNSET
    """ The unique ID of the DID number record. Note: read-only. """

    def to_dict(self) -> dict[str, Any]:
        did_number = self.did_number

        i_did_number = self.i_did_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if did_number is not UNSET:
            field_dict["did_number"] = did_number
        if i_did_number is not UNSET:
            field_dict["i_did_number"] = i_did_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("AliasDidNumber", d, known=("did_number", "i_did_number"), required=())

        did_number = d.pop("did_number", UNSET)

        i_did_number = d.pop("i_did_number", UNSET)

        alias_did_number = cls(did_number=did_number, i_did_number=i_did_number)

        return alias_did_number


class AliasDidNumberDict(TypedDict):
    """``AliasDidNumber`` as a dict: its JSON keys, for arguments that take either."""

    did_number: NotRequired[str]
    i_did_number: NotRequired[int]
