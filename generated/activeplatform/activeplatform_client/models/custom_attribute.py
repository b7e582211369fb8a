from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomAttribute")


@_attrs_define
class CustomAttribute:
    """One additional attribute of the Account. The response table names the attribute's identifier `name`; the page's
    response example sends `key` instead. Both are modelled.

    """

    key: str | Unset = UNSET
    """ The key of the attribute (see Creating an attribute). Not in the response table; sent in the page's response
    example. """
    name: str | Unset = UNSET
    """ Attribute name """
    value: Any | Unset = UNSET
    """ Attribute value

    Its data type "Depends on the attribute" (the page): any JSON value.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if name is not UNSET:
            field_dict["name"] = name
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key", UNSET)

        name = d.pop("name", UNSET)

        value = d.pop("value", UNSET)

        custom_attribute = cls(key=key, name=name, value=value)

        custom_attribute.additional_properties = d
        return custom_attribute

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
