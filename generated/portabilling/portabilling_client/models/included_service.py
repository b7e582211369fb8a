from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.included_service_i_service_type import IncludedServiceIServiceType
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_pool_combination import ServicePoolCombination, ServicePoolCombinationDict


T = TypeVar("T", bound="IncludedService")


@_attrs_define
class IncludedService:
    """A service available for the account."""

    default: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    dest_group_set_name: str | Unset = UNSET
    """ The destination group set name. Note: read-only; applicable to "service pool" type. UI equivalent:
    "Destination group set" input field on the Add service panel. """
    i_dest_group_set: int | Unset = UNSET
    """ The ID of the destination group set. Note: Applicable to "service pool" type. UI equivalent: "Destination
    group set" input field on the Add service panel. """
    i_service: int | Unset = UNSET
    """ The unique ID of the service record. """
    i_service_type: IncludedServiceIServiceType | Unset = UNSET
    """ The unique ID of the related service type. Possible values: 0 - Internal; 2 - Session based; 3 - Voice
    calls; 5 - Data service; 6 - Internet access; 7 - Quantity based; 8 - Wi-Fi; 9 - Dial-up internet; 10 -
    Messaging service; 14 - Conferencing; 15 - DID; 16 - IPTV; 17 - Measured service; 18 - Service pool; 19 - Mobile
    network provisioning. """
    i_st_charge_unit: int | Unset = UNSET
    """ The ID of the service type charge unit. """
    i_tax_transaction_code: int | Unset = UNSET
    """ The ID of the tax transaction code for calculating taxes. UI equivalent: "Tax code" input field on the Add
    service panel. """
    internal: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    is_used: int | Unset = UNSET
    """ Indicates whether the service is used. Possible values: Y - yes; N - no. """
    name: str | Unset = UNSET
    """ The service name shown on the administrator interface. UI equivalent: "Name" input field on the Edit Service
    main panel. """
    rate_unit: str | Unset = UNSET
    """ The customer-visible name for the units used to calculate charges. Max length: 16 characters. UI equivalent:
    "Billing unit" input field on the Edit Service main panel. """
    rating_base: str | Unset = UNSET
    """ The billing attribute based on the service type. Note: read-only. UI equivalent: "Rating base" input field
    on the Edit Service main panel. """
    ratio: int | Unset = UNSET
    """ The base ratio defining how many base units make up one billing unit. UI equivalent: "Base ratio" input
    field on the Edit Service main panel. """
    service_pool_combination_list: list[ServicePoolCombination] | Unset = UNSET
    """ The list of combinations for pool services. """
    unit: str | Unset = UNSET
    """ The base units for measuring service consumption. Note: Cannot be changed. UI equivalent: "Base unit" input
    field on the Edit Service main panel. """
    usage_rating: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """

    def to_dict(self) -> dict[str, Any]:
        default: str | Unset = UNSET
        if not isinstance(self.default, Unset):
            default = self.default.value if isinstance(self.default, YesNo) else self.default

        dest_group_set_name = self.dest_group_set_name

        i_dest_group_set = self.i_dest_group_set

        i_service = self.i_service

        i_service_type: int | Unset = UNSET
        if not isinstance(self.i_service_type, Unset):
            i_service_type = (
                self.i_service_type.value
                if isinstance(self.i_service_type, IncludedServiceIServiceType)
                else self.i_service_type
            )

        i_st_charge_unit = self.i_st_charge_unit

        i_tax_transaction_code = self.i_tax_transaction_code

        internal: str | Unset = UNSET
        if not isinstance(self.internal, Unset):
            internal = self.internal.value if isinstance(self.internal, YesNo) else self.internal

        is_used = self.is_used

        name = self.name

        rate_unit = self.rate_unit

        rating_base = self.rating_base

        ratio = self.ratio

        service_pool_combination_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.service_pool_combination_list, Unset):
            service_pool_combination_list = []
            for service_pool_combination_list_item_data in self.service_pool_combination_list:
                service_pool_combination_list_item = (
                    service_pool_combination_list_item_data.to_dict()
                    if isinstance(service_pool_combination_list_item_data, ServicePoolCombination)
                    else service_pool_combination_list_item_data
                )
                service_pool_combination_list.append(service_pool_combination_list_item)

        unit = self.unit

        usage_rating: str | Unset = UNSET
        if not isinstance(self.usage_rating, Unset):
            usage_rating = self.usage_rating.value if isinstance(self.usage_rating, YesNo) else self.usage_rating

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if default is not UNSET:
            field_dict["default"] = default
        if dest_group_set_name is not UNSET:
            field_dict["dest_group_set_name"] = dest_group_set_name
        if i_dest_group_set is not UNSET:
            field_dict["i_dest_group_set"] = i_dest_group_set
        if i_service is not UNSET:
            field_dict["i_service"] = i_service
        if i_service_type is not UNSET:
            field_dict["i_service_type"] = i_service_type
        if i_st_charge_unit is not UNSET:
            field_dict["i_st_charge_unit"] = i_st_charge_unit
        if i_tax_transaction_code is not UNSET:
            field_dict["i_tax_transaction_code"] = i_tax_transaction_code
        if internal is not UNSET:
            field_dict["internal"] = internal
        if is_used is not UNSET:
            field_dict["is_used"] = is_used
        if name is not UNSET:
            field_dict["name"] = name
        if rate_unit is not UNSET:
            field_dict["rate_unit"] = rate_unit
        if rating_base is not UNSET:
            field_dict["rating_base"] = rating_base
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if service_pool_combination_list is not UNSET:
            field_dict["service_pool_combination_list"] = service_pool_combination_list
        if unit is not UNSET:
            field_dict["unit"] = unit
        if usage_rating is not UNSET:
            field_dict["usage_rating"] = usage_rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "IncludedService",
            d,
            known=(
                "default",
                "dest_group_set_name",
                "i_dest_group_set",
                "i_service",
                "i_service_type",
                "i_st_charge_unit",
                "i_tax_transaction_code",
                "internal",
                "is_used",
                "name",
                "rate_unit",
                "rating_base",
                "ratio",
                "service_pool_combination_list",
                "unit",
                "usage_rating",
            ),
            required=(),
        )

        _default = d.pop("default", UNSET)
        default: YesNo | Unset
        if isinstance(_default, Unset):
            default = UNSET
        else:
            default = YesNo(_default)

        dest_group_set_name = d.pop("dest_group_set_name", UNSET)

        i_dest_group_set = d.pop("i_dest_group_set", UNSET)

        i_service = d.pop("i_service", UNSET)

        _i_service_type = d.pop("i_service_type", UNSET)
        i_service_type: IncludedServiceIServiceType | Unset
        if isinstance(_i_service_type, Unset):
            i_service_type = UNSET
        else:
            i_service_type = IncludedServiceIServiceType(_i_service_type)

        i_st_charge_unit = d.pop("i_st_charge_unit", UNSET)

        i_tax_transaction_code = d.pop("i_tax_transaction_code", UNSET)

        _internal = d.pop("internal", UNSET)
        internal: YesNo | Unset
        if isinstance(_internal, Unset):
            internal = UNSET
        else:
            internal = YesNo(_internal)

        is_used = d.pop("is_used", UNSET)

        name = d.pop("name", UNSET)

        rate_unit = d.pop("rate_unit", UNSET)

        rating_base = d.pop("rating_base", UNSET)

        ratio = d.pop("ratio", UNSET)

        _service_pool_combination_list = d.pop("service_pool_combination_list", UNSET)
        service_pool_combination_list: list[ServicePoolCombination] | Unset = UNSET
        if _service_pool_combination_list is not UNSET:
            service_pool_combination_list = []
            for service_pool_combination_list_item_data in _service_pool_combination_list:
                service_pool_combination_list_item = ServicePoolCombination.from_dict(
                    service_pool_combination_list_item_data
                )

                service_pool_combination_list.append(service_pool_combination_list_item)

        unit = d.pop("unit", UNSET)

        _usage_rating = d.pop("usage_rating", UNSET)
        usage_rating: YesNo | Unset
        if isinstance(_usage_rating, Unset):
            usage_rating = UNSET
        else:
            usage_rating = YesNo(_usage_rating)

        included_service = cls(
            default=default,
            dest_group_set_name=dest_group_set_name,
            i_dest_group_set=i_dest_group_set,
            i_service=i_service,
            i_service_type=i_service_type,
            i_st_charge_unit=i_st_charge_unit,
            i_tax_transaction_code=i_tax_transaction_code,
            internal=internal,
            is_used=is_used,
            name=name,
            rate_unit=rate_unit,
            rating_base=rating_base,
            ratio=ratio,
            service_pool_combination_list=service_pool_combination_list,
            unit=unit,
            usage_rating=usage_rating,
        )

        return included_service


class IncludedServiceDict(TypedDict):
    """``IncludedService`` as a dict: its JSON keys, for arguments that take either."""

    default: NotRequired[YesNo | Literal["Y", "N"]]
    dest_group_set_name: NotRequired[str]
    i_dest_group_set: NotRequired[int]
    i_service: NotRequired[int]
    i_service_type: NotRequired[
        IncludedServiceIServiceType | Literal[0, 2, 3, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 19]
    ]
    i_st_charge_unit: NotRequired[int]
    i_tax_transaction_code: NotRequired[int]
    internal: NotRequired[YesNo | Literal["Y", "N"]]
    is_used: NotRequired[int]
    name: NotRequired[str]
    rate_unit: NotRequired[str]
    rating_base: NotRequired[str]
    ratio: NotRequired[int]
    service_pool_combination_list: NotRequired[list[ServicePoolCombinationDict]]
    unit: NotRequired[str]
    usage_rating: NotRequired[YesNo | Literal["Y", "N"]]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.service_pool_combination import ServicePoolCombination  # noqa: E402
