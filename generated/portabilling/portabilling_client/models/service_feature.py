from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, TypeVar, cast

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_feature_attribute import ServiceFeatureAttribute, ServiceFeatureAttributeDict


T = TypeVar("T", bound="ServiceFeature")


@_attrs_define
class ServiceFeature:
    """A service feature configuration (used for the account's own service_features and for the service_features of each
    assigned add-on product; the page describes both with the same fields). Where the page words a field differently in
    the two places, both texts are kept in x-accountkit-page-descriptions.

    """

    attributes: list[ServiceFeatureAttribute] | Unset = UNSET
    """ The list of service feature attributes. Note: Both attributes of the cli_trust service feature
    (accept_caller and supply_caller) are mandatory. """
    defined: int | Unset = UNSET
    """ Indicates whether the service feature is defined on the object's service features level. Note: If absent, it
    is always defined. """
    effective_flag_value: str | Unset = UNSET
    """ The actual service feature flag value. Note: read-only; inherited by the account from customer, customer
    site, or product. """
    flag_value: str | Unset = UNSET
    """ The state of the corresponding service feature. Note: Not mandatory for cli_trust and permitted_sip_proxies
    service features. """
    locked: int | Unset = UNSET
    """ Indicates whether the feature is locked for editing. Indicates whether the feature is locked for editing for
    the current user. Note: If absent, the feature can't be locked. """
    locks: list[str] | Unset = UNSET
    """ The list of user types who cannot change service features. Note: If absent, locks are not supported. """
    name: str | Unset = UNSET
    """ The service feature name. """

    def to_dict(self) -> dict[str, Any]:
        attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = []
            for attributes_item_data in self.attributes:
                attributes_item = (
                    attributes_item_data.to_dict()
                    if isinstance(attributes_item_data, ServiceFeatureAttribute)
                    else attributes_item_data
                )
                attributes.append(attributes_item)

        defined = self.defined

        effective_flag_value = self.effective_flag_value

        flag_value = self.flag_value

        locked = self.locked

        locks: list[str] | Unset = UNSET
        if not isinstance(self.locks, Unset):
            locks = self.locks

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if defined is not UNSET:
            field_dict["defined"] = defined
        if effective_flag_value is not UNSET:
            field_dict["effective_flag_value"] = effective_flag_value
        if flag_value is not UNSET:
            field_dict["flag_value"] = flag_value
        if locked is not UNSET:
            field_dict["locked"] = locked
        if locks is not UNSET:
            field_dict["locks"] = locks
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "ServiceFeature",
            d,
            known=("attributes", "defined", "effective_flag_value", "flag_value", "locked", "locks", "name"),
            required=(),
        )

        _attributes = d.pop("attributes", UNSET)
        attributes: list[ServiceFeatureAttribute] | Unset = UNSET
        if _attributes is not UNSET:
            attributes = []
            for attributes_item_data in _attributes:
                attributes_item = ServiceFeatureAttribute.from_dict(attributes_item_data)

                attributes.append(attributes_item)

        defined = d.pop("defined", UNSET)

        effective_flag_value = d.pop("effective_flag_value", UNSET)

        flag_value = d.pop("flag_value", UNSET)

        locked = d.pop("locked", UNSET)

        locks = cast(list[str], d.pop("locks", UNSET))

        name = d.pop("name", UNSET)

        service_feature = cls(
            attributes=attributes,
            defined=defined,
            effective_flag_value=effective_flag_value,
            flag_value=flag_value,
            locked=locked,
            locks=locks,
            name=name,
        )

        return service_feature


class ServiceFeatureDict(TypedDict):
    """``ServiceFeature`` as a dict: its JSON keys, for arguments that take either."""

    attributes: NotRequired[list[ServiceFeatureAttributeDict]]
    defined: NotRequired[int]
    effective_flag_value: NotRequired[str]
    flag_value: NotRequired[str]
    locked: NotRequired[int]
    locks: NotRequired[list[str]]
    name: NotRequired[str]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.service_feature_attribute import ServiceFeatureAttribute  # noqa: E402
