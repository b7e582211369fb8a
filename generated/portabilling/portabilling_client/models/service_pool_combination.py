from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServicePoolCombination")


@_attrs_define
class ServicePoolCombination:
    """A combination of a pool service."""

    dg_name: str | Unset = UNSET
    """ The destination group name. Note: read-only. UI equivalent: "Destination group" input field on the Add
    Service main panel. """
    i_dest_group: int | Unset = UNSET
    """ The ID of the destination group. UI equivalent: "Destination group" input field on the Add Service main
    panel. """
    i_service: int | Unset = UNSET
    """ The ID of the service. UI equivalent: "Service" input field on the Add Service main panel. """
    pooled_ratio: int | Unset = UNSET
    """ The ratio for pooled units. Note: read-only; inherited from the service. """
    pooled_unit: str | Unset = UNSET
    """ The pooled unit. Note: read-only; inherited from the service. """
    pooled_unit_ratio: str | Unset = UNSET
    """ The ratio for pooled units. """
    service_name: str | Unset = UNSET
    """ The service name. Note: read-only; inherited from the service. UI equivalent: "Service" input field on the
    Add Service main panel. """
    unit_ratio: int | Unset = UNSET
    """ The ratio for service pool units. UI equivalent: "Ratio" input field on the Add Service main panel. """

    def to_dict(self) -> dict[str, Any]:
        dg_name = self.dg_name

        i_dest_group = self.i_dest_group

        i_service = self.i_service

        pooled_ratio = self.pooled_ratio

        pooled_unit = self.pooled_unit

        pooled_unit_ratio = self.pooled_unit_ratio

        service_name = self.service_name

        unit_ratio = self.unit_ratio

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if dg_name is not UNSET:
            field_dict["dg_name"] = dg_name
        if i_dest_group is not UNSET:
            field_dict["i_dest_group"] = i_dest_group
        if i_service is not UNSET:
            field_dict["i_service"] = i_service
        if pooled_ratio is not UNSET:
            field_dict["pooled_ratio"] = pooled_ratio
        if pooled_unit is not UNSET:
            field_dict["pooled_unit"] = pooled_unit
        if pooled_unit_ratio is not UNSET:
            field_dict["pooled_unit_ratio"] = pooled_unit_ratio
        if service_name is not UNSET:
            field_dict["service_name"] = service_name
        if unit_ratio is not UNSET:
            field_dict["unit_ratio"] = unit_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "ServicePoolCombination",
            d,
            known=(
                "dg_name",
                "i_dest_group",
                "i_service",
                "pooled_ratio",
                "pooled_unit",
                "pooled_unit_ratio",
                "service_name",
                "unit_ratio",
            ),
            required=(),
        )

        dg_name = d.pop("dg_name", UNSET)

        i_dest_group = d.pop("i_dest_group", UNSET)

        i_service = d.pop("i_service", UNSET)

        pooled_ratio = d.pop("pooled_ratio", UNSET)

        pooled_unit = d.pop("pooled_unit", UNSET)

        pooled_unit_ratio = d.pop("pooled_unit_ratio", UNSET)

        service_name = d.pop("service_name", UNSET)

        unit_ratio = d.pop("unit_ratio", UNSET)

        service_pool_combination = cls(
            dg_name=dg_name,
            i_dest_group=i_dest_group,
            i_service=i_service,
            pooled_ratio=pooled_ratio,
            pooled_unit=pooled_unit,
            pooled_unit_ratio=pooled_unit_ratio,
            service_name=service_name,
            unit_ratio=unit_ratio,
        )

        return service_pool_combination


class ServicePoolCombinationDict(TypedDict):
    """``ServicePoolCombination`` as a dict: its JSON keys, for arguments that take either."""

    dg_name: NotRequired[str]
    i_dest_group: NotRequired[int]
    i_service: NotRequired[int]
    pooled_ratio: NotRequired[int]
    pooled_unit: NotRequired[str]
    pooled_unit_ratio: NotRequired[str]
    service_name: NotRequired[str]
    unit_ratio: NotRequired[int]
