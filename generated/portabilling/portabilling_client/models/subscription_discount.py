from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionDiscount")


@_attrs_define
class SubscriptionDiscount:
    """A multi-month prepaid plan discount of an add-on product's subscription."""

    discount_fee: float | Unset = UNSET
    """ The discount fee for the prepaid plan. Note: Only for subscriptions charged in advance. UI equivalent:
    "Discount fee, %YOUR_CURRENCY%" input field on the Subscription plan -> Multi-months prepaid plans. """
    i_subscription: int | Unset = UNSET
    """ The unique ID of the subscription plan record. """
    i_subscription_discount: int | Unset = UNSET
    """ The unique ID of the subscription discount record. """
    number_of_months: int | Unset = UNSET
    """ The number of billing periods for the prepaid plan. Note: Only for subscriptions charged in advance. UI
    equivalent: "Months" input field on the Subscription plan -> Multi-months prepaid plans. """
    percent: float | Unset = UNSET
    """ The percentage of the discount for percentage discount type. """
    rate: float | Unset = UNSET
    """ The amount of the discount for fixed amount discount type. """
    standard_fee: float | Unset = UNSET
    """ The standard fee for periods without a discount. Note: read-only; used for subscriptions charged in advance.
    UI equivalent: "Standard fee" input field on the Subscription plan -> Multi-months prepaid plans. """

    def to_dict(self) -> dict[str, Any]:
        discount_fee = self.discount_fee

        i_subscription = self.i_subscription

        i_subscription_discount = self.i_subscription_discount

        number_of_months = self.number_of_months

        percent = self.percent

        rate = self.rate

        standard_fee = self.standard_fee

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if discount_fee is not UNSET:
            field_dict["discount_fee"] = discount_fee
        if i_subscription is not UNSET:
            field_dict["i_subscription"] = i_subscription
        if i_subscription_discount is not UNSET:
            field_dict["i_subscription_discount"] = i_subscription_discount
        if number_of_months is not UNSET:
            field_dict["number_of_months"] = number_of_months
        if percent is not UNSET:
            field_dict["percent"] = percent
        if rate is not UNSET:
            field_dict["rate"] = rate
        if standard_fee is not UNSET:
            field_dict["standard_fee"] = standard_fee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "SubscriptionDiscount",
            d,
            known=(
                "discount_fee",
                "i_subscription",
                "i_subscription_discount",
                "number_of_months",
                "percent",
                "rate",
                "standard_fee",
            ),
            required=(),
        )

        discount_fee = d.pop("discount_fee", UNSET)

        i_subscription = d.pop("i_subscription", UNSET)

        i_subscription_discount = d.pop("i_subscription_discount", UNSET)

        number_of_months = d.pop("number_of_months", UNSET)

        percent = d.pop("percent", UNSET)

        rate = d.pop("rate", UNSET)

        standard_fee = d.pop("standard_fee", UNSET)

        subscription_discount = cls(
            discount_fee=discount_fee,
            i_subscription=i_subscription,
            i_subscription_discount=i_subscription_discount,
            number_of_months=number_of_months,
            percent=percent,
            rate=rate,
            standard_fee=standard_fee,
        )

        return subscription_discount


class SubscriptionDiscountDict(TypedDict):
    """``SubscriptionDiscount`` as a dict: its JSON keys, for arguments that take either."""

    discount_fee: NotRequired[float]
    i_subscription: NotRequired[int]
    i_subscription_discount: NotRequired[int]
    number_of_months: NotRequired[int]
    percent: NotRequired[float]
    rate: NotRequired[float]
    standard_fee: NotRequired[float]
