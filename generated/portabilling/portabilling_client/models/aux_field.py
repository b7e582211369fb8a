from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuxField")


@_attrs_define
class AuxField:
    """An additional data field of the account."""

    name: str | Unset = UNSET
    """ The name of the additional data field. """
    value: str | Unset = UNSET
    """ The value of the additional data field. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("AuxField", d, known=("name", "value"), required=())

        name = d.pop("name", UNSET)

        value = d.pop("value", UNSET)

        aux_field = cls(name=name, value=value)

        return aux_field


class AuxFieldDict(TypedDict):
    """``AuxField`` as a dict: its JSON keys, for arguments that take either."""

    name: NotRequired[str]
    value: NotRequired[str]
