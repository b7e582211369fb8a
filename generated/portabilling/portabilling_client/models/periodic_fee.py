from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PeriodicFee")


@_attrs_define
class PeriodicFee:
    """A periodic fee of a subscription plan for one billing period."""

    fee: float | Unset = UNSET
    """ The amount of the fee for one billing period. Note: read-only and inherited from the subscription. UI
    equivalent: "Periodic fee by usage period" on the Product Info page -> Charges -> General Info -> Subscription
    panel. """
    i_billing_period: int | Unset = UNSET
    """ The billing period ID the fee is applicable to. Note: read-only and inherited from the subscription. UI
    equivalent: "Periodic fee by usage period" (label) on the Product Info page -> Charges -> General Info ->
    Subscription panel. """
    i_subscription: int | Unset = UNSET
    """ The subscription identifier. Note: Changing this field updates all accounts with this product. UI
    equivalent: "Subscription" on the Product Info page -> Charges -> General Info -> Subscription panel. """
    i_subscription_fee: int | Unset = UNSET
    """ The internal identifier of the billing period subscription fee. Note: read-only and inherited from the
    subscription. """
    periods: int | Unset = UNSET
    """ The number of billing periods the periodic fee applies to. Note: read-only and inherited from the
    subscription; 0 means default subscription fee. """

    def to_dict(self) -> dict[str, Any]:
        fee = self.fee

        i_billing_period = self.i_billing_period

        i_subscription = self.i_subscription

        i_subscription_fee = self.i_subscription_fee

        periods = self.periods

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fee is not UNSET:
            field_dict["fee"] = fee
        if i_billing_period is not UNSET:
            field_dict["i_billing_period"] = i_billing_period
        if i_subscription is not UNSET:
            field_dict["i_subscription"] = i_subscription
        if i_subscription_fee is not UNSET:
            field_dict["i_subscription_fee"] = i_subscription_fee
        if periods is not UNSET:
            field_dict["periods"] = periods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "PeriodicFee",
            d,
            known=("fee", "i_billing_period", "i_subscription", "i_subscription_fee", "periods"),
            required=(),
        )

        fee = d.pop("fee", UNSET)

        i_billing_period = d.pop("i_billing_period", UNSET)

        i_subscription = d.pop("i_subscription", UNSET)

        i_subscription_fee = d.pop("i_subscription_fee", UNSET)

        periods = d.pop("periods", UNSET)

        periodic_fee = cls(
            fee=fee,
            i_billing_period=i_billing_period,
            i_subscription=i_subscription,
            i_subscription_fee=i_subscription_fee,
            periods=periods,
        )

        return periodic_fee


class PeriodicFeeDict(TypedDict):
    """``PeriodicFee`` as a dict: its JSON keys, for arguments that take either."""

    fee: NotRequired[float]
    i_billing_period: NotRequired[int]
    i_subscription: NotRequired[int]
    i_subscription_fee: NotRequired[int]
    periods: NotRequired[int]
