from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar, cast

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceFeatureAttribute")


@_attrs_define
class ServiceFeatureAttribute:
    """One attribute of a service feature."""

    effective_values: list[str] | Unset = UNSET
    """ The list of service feature attribute values. Note: read-only; inherited by the account from customer,
    customer site, or product. Not applicable to products. """
    name: str | Unset = UNSET
    """ The service feature attribute internal name. Note: read-only. """
    values: list[str] | Unset = UNSET
    """ The values of the service attribute. Note: If the attribute accepts a single value, only the first item is
    checked/populated; applicable only if overridden on account level. """

    def to_dict(self) -> dict[str, Any]:
        effective_values: list[str] | Unset = UNSET
        if not isinstance(self.effective_values, Unset):
            effective_values = self.effective_values

        name = self.name

        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if effective_values is not UNSET:
            field_dict["effective_values"] = effective_values
        if name is not UNSET:
            field_dict["name"] = name
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("ServiceFeatureAttribute", d, known=("effective_values", "name", "values"), required=())

        effective_values = cast(list[str], d.pop("effective_values", UNSET))

        name = d.pop("name", UNSET)

        values = cast(list[str], d.pop("values", UNSET))

        service_feature_attribute = cls(effective_values=effective_values, name=name, values=values)

        return service_feature_attribute


class ServiceFeatureAttributeDict(TypedDict):
    """``ServiceFeatureAttribute`` as a dict: its JSON keys, for arguments that take either."""

    effective_values: NotRequired[list[str]]
    name: NotRequired[str]
    values: NotRequired[list[str]]
