from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomAttributeInput")


@_attrs_define
class CustomAttributeInput:
    """One additional attribute to set. Whether key and value are required "Depends on the Account type" (the page), so
    neither is required here.

    """

    key: str | Unset = UNSET
    """ The key that is used to determine the element via API (see Creating an attribute) """
    value: Any | Unset = UNSET
    """ A value of the attribute

    Its data type "Depends on the Account type" (the page): any JSON value.
     """

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("CustomAttributeInput", d, known=("key", "value"), required=())

        key = d.pop("key", UNSET)

        value = d.pop("value", UNSET)

        custom_attribute_input = cls(key=key, value=value)

        return custom_attribute_input


class CustomAttributeInputDict(TypedDict):
    """``CustomAttributeInput`` as a dict: its JSON keys, for arguments that take either."""

    key: NotRequired[str]
    value: NotRequired[Any]
