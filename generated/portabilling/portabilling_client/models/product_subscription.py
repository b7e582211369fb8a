from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.product_subscription_activation_mode import ProductSubscriptionActivationMode
from ..models.product_subscription_charge_model import ProductSubscriptionChargeModel
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.multi_month_discount import MultiMonthDiscount, MultiMonthDiscountDict
    from ..models.periodic_fee import PeriodicFee, PeriodicFeeDict


T = TypeVar("T", bound="ProductSubscription")


@_attrs_define
class ProductSubscription:
    """The subscription plan of an add-on product."""

    activation_fee: float | Unset = UNSET
    """ The one-time fee for subscription activation. Note: read-only. UI equivalent: "Activation fee,
    %YOUR_CURRENCY%" input field on the Edit Subscription plan -> Fees panel. """
    activation_mode: ProductSubscriptionActivationMode | Unset = UNSET
    """ The activation mode. Possible values: 1 - at the given start date; 2 - upon the account's first usage. Note:
    read-only. UI equivalent: "Activation mode" input field on the Create Subscription plan main panel. """
    advance_periods: int | Unset = UNSET
    """ The number of periods to charge in advance. Note: read-only. UI equivalent: "Periods in advance" input field
    on the Edit Subscription plan main panel. """
    cancel_penalty: float | Unset = UNSET
    """ The cancellation penalty fee. UI equivalent: "Fee, %YOUR_CURRENCY%" input field on the Edit Subscription
    plan -> Fees panel. """
    charge_model: ProductSubscriptionChargeModel | Unset = UNSET
    """ Indicates how subscription charges are applied. Possible values: 0 - progressively; 1 - at the end of the
    billing period; 2 - in advance. Note: read-only. UI equivalent: "Subscription charges applied" input field on
    the Edit Subscription plan main panel. """
    description: str | Unset = UNSET
    """ The subscription plan description. Possible length: 255 characters. UI equivalent: "Description" input field
    on the Edit Subscription plan -> General information panel. """
    effective_fee: float | Unset = UNSET
    """ The effective subscription fee for the current billing period. """
    generate_daily_charge: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    i_product: int | Unset = UNSET
    """ The unique ID of the product record. """
    i_product_subscription: int | Unset = UNSET
    """ The unique ID of the product subscription record. """
    i_subscription: int | Unset = UNSET
    """ The ID of the subscription plan. """
    invoice_description: str | Unset = UNSET
    """ The subscription plan name visible to end users on invoices. UI equivalent: "Subscription plan name visible
    to end users" input field on the Edit Subscription plan main panel. """
    iso_4217: str | Unset = UNSET
    """ The ISO 4217 code of the currency for the subscription plan. Example: EUR, USD, INR. Note: Cannot be changed
    after creation. UI equivalent: "Currency" input field on the Edit Subscription plan main panel. """
    minimum_period: int | Unset = UNSET
    """ The minimum subscription period in months. UI equivalent: "Minimum subscription period, months" input field
    on the Edit Subscription plan -> Fees panel. """
    multi_month_discount_list: list[MultiMonthDiscount] | Unset = UNSET
    """ Specifies multi-month discounts for subscriptions charged in advance. """
    multiple: int | Unset = UNSET
    """ Indicates whether the subscription can be assigned multiple times to one account. Possible values: Y - yes;
    N - no. Note: read-only. UI equivalent: "Can be applied more than once" input field on the Edit Subscription
    plan -> General information panel. """
    name: str | Unset = UNSET
    """ The name of the subscription plan. UI equivalent: "Name" input field on the Edit Subscription plan main
    panel. """
    periodic_fees: list[list[PeriodicFee]] | Unset = UNSET
    """ The list of periodic fees for the subscription plan. UI equivalent: "Monthly fee, %YOUR_CURRENCY%" input
    fields on the Edit Subscription plan -> Fees -> "Adjust periodic fees for non-monthly periods" modal window. """
    rounding: int | Unset = UNSET
    """ Defines the number of decimal places for rounding charged amounts. Possible values: 1 - min, 5 - max. UI
    equivalent: "Round up the charged amount, decimal places" input field on the Edit Subscription plan -> Fees
    panel. """

    def to_dict(self) -> dict[str, Any]:
        activation_fee = self.activation_fee

        activation_mode: int | Unset = UNSET
        if not isinstance(self.activation_mode, Unset):
            activation_mode = (
                self.activation_mode.value
                if isinstance(self.activation_mode, ProductSubscriptionActivationMode)
                else self.activation_mode
            )

        advance_periods = self.advance_periods

        cancel_penalty = self.cancel_penalty

        charge_model: int | Unset = UNSET
        if not isinstance(self.charge_model, Unset):
            charge_model = (
                self.charge_model.value
                if isinstance(self.charge_model, ProductSubscriptionChargeModel)
                else self.charge_model
            )

        description = self.description

        effective_fee = self.effective_fee

        generate_daily_charge: str | Unset = UNSET
        if not isinstance(self.generate_daily_charge, Unset):
            generate_daily_charge = (
                self.generate_daily_charge.value
                if isinstance(self.generate_daily_charge, YesNo)
                else self.generate_daily_charge
            )

        i_product = self.i_product

        i_product_subscription = self.i_product_subscription

        i_subscription = self.i_subscription

        invoice_description = self.invoice_description

        iso_4217 = self.iso_4217

        minimum_period = self.minimum_period

        multi_month_discount_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.multi_month_discount_list, Unset):
            multi_month_discount_list = []
            for multi_month_discount_list_item_data in self.multi_month_discount_list:
                multi_month_discount_list_item = (
                    multi_month_discount_list_item_data.to_dict()
                    if isinstance(multi_month_discount_list_item_data, MultiMonthDiscount)
                    else multi_month_discount_list_item_data
                )
                multi_month_discount_list.append(multi_month_discount_list_item)

        multiple = self.multiple

        name = self.name

        periodic_fees: list[list[dict[str, Any]]] | Unset = UNSET
        if not isinstance(self.periodic_fees, Unset):
            periodic_fees = []
            for periodic_fees_item_data in self.periodic_fees:
                periodic_fees_item = []
                for periodic_fees_item_item_data in periodic_fees_item_data:
                    periodic_fees_item_item = (
                        periodic_fees_item_item_data.to_dict()
                        if isinstance(periodic_fees_item_item_data, PeriodicFee)
                        else periodic_fees_item_item_data
                    )
                    periodic_fees_item.append(periodic_fees_item_item)

                periodic_fees.append(periodic_fees_item)

        rounding = self.rounding

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activation_fee is not UNSET:
            field_dict["activation_fee"] = activation_fee
        if activation_mode is not UNSET:
            field_dict["activation_mode"] = activation_mode
        if advance_periods is not UNSET:
            field_dict["advance_periods"] = advance_periods
        if cancel_penalty is not UNSET:
            field_dict["cancel_penalty"] = cancel_penalty
        if charge_model is not UNSET:
            field_dict["charge_model"] = charge_model
        if description is not UNSET:
            field_dict["description"] = description
        if effective_fee is not UNSET:
            field_dict["effective_fee"] = effective_fee
        if generate_daily_charge is not UNSET:
            field_dict["generate_daily_charge"] = generate_daily_charge
        if i_product is not UNSET:
            field_dict["i_product"] = i_product
        if i_product_subscription is not UNSET:
            field_dict["i_product_subscription"] = i_product_subscription
        if i_subscription is not UNSET:
            field_dict["i_subscription"] = i_subscription
        if invoice_description is not UNSET:
            field_dict["invoice_description"] = invoice_description
        if iso_4217 is not UNSET:
            field_dict["iso_4217"] = iso_4217
        if minimum_period is not UNSET:
            field_dict["minimum_period"] = minimum_period
        if multi_month_discount_list is not UNSET:
            field_dict["multi_month_discount_list"] = multi_month_discount_list
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if name is not UNSET:
            field_dict["name"] = name
        if periodic_fees is not UNSET:
            field_dict["periodic_fees"] = periodic_fees
        if rounding is not UNSET:
            field_dict["rounding"] = rounding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "ProductSubscription",
            d,
            known=(
                "activation_fee",
                "activation_mode",
                "advance_periods",
                "cancel_penalty",
                "charge_model",
                "description",
                "effective_fee",
                "generate_daily_charge",
                "i_product",
                "i_product_subscription",
                "i_subscription",
                "invoice_description",
                "iso_4217",
                "minimum_period",
                "multi_month_discount_list",
                "multiple",
                "name",
                "periodic_fees",
                "rounding",
            ),
            required=(),
        )

        activation_fee = d.pop("activation_fee", UNSET)

        _activation_mode = d.pop("activation_mode", UNSET)
        activation_mode: ProductSubscriptionActivationMode | Unset
        if isinstance(_activation_mode, Unset):
            activation_mode = UNSET
        else:
            activation_mode = ProductSubscriptionActivationMode(_activation_mode)

        advance_periods = d.pop("advance_periods", UNSET)

        cancel_penalty = d.pop("cancel_penalty", UNSET)

        _charge_model = d.pop("charge_model", UNSET)
        charge_model: ProductSubscriptionChargeModel | Unset
        if isinstance(_charge_model, Unset):
            charge_model = UNSET
        else:
            charge_model = ProductSubscriptionChargeModel(_charge_model)

        description = d.pop("description", UNSET)

        effective_fee = d.pop("effective_fee", UNSET)

        _generate_daily_charge = d.pop("generate_daily_charge", UNSET)
        generate_daily_charge: YesNo | Unset
        if isinstance(_generate_daily_charge, Unset):
            generate_daily_charge = UNSET
        else:
            generate_daily_charge = YesNo(_generate_daily_charge)

        i_product = d.pop("i_product", UNSET)

        i_product_subscription = d.pop("i_product_subscription", UNSET)

        i_subscription = d.pop("i_subscription", UNSET)

        invoice_description = d.pop("invoice_description", UNSET)

        iso_4217 = d.pop("iso_4217", UNSET)

        minimum_period = d.pop("minimum_period", UNSET)

        _multi_month_discount_list = d.pop("multi_month_discount_list", UNSET)
        multi_month_discount_list: list[MultiMonthDiscount] | Unset = UNSET
        if _multi_month_discount_list is not UNSET:
            multi_month_discount_list = []
            for multi_month_discount_list_item_data in _multi_month_discount_list:
                multi_month_discount_list_item = MultiMonthDiscount.from_dict(multi_month_discount_list_item_data)

                multi_month_discount_list.append(multi_month_discount_list_item)

        multiple = d.pop("multiple", UNSET)

        name = d.pop("name", UNSET)

        _periodic_fees = d.pop("periodic_fees", UNSET)
        periodic_fees: list[list[PeriodicFee]] | Unset = UNSET
        if _periodic_fees is not UNSET:
            periodic_fees = []
            for periodic_fees_item_data in _periodic_fees:
                periodic_fees_item = []
                _periodic_fees_item = periodic_fees_item_data
                for periodic_fees_item_item_data in _periodic_fees_item:
                    periodic_fees_item_item = PeriodicFee.from_dict(periodic_fees_item_item_data)

                    periodic_fees_item.append(periodic_fees_item_item)

                periodic_fees.append(periodic_fees_item)

        rounding = d.pop("rounding", UNSET)

        product_subscription = cls(
            activation_fee=activation_fee,
            activation_mode=activation_mode,
            advance_periods=advance_periods,
            cancel_penalty=cancel_penalty,
            charge_model=charge_model,
            description=description,
            effective_fee=effective_fee,
            generate_daily_charge=generate_daily_charge,
            i_product=i_product,
            i_product_subscription=i_product_subscription,
            i_subscription=i_subscription,
            invoice_description=invoice_description,
            iso_4217=iso_4217,
            minimum_period=minimum_period,
            multi_month_discount_list=multi_month_discount_list,
            multiple=multiple,
            name=name,
            periodic_fees=periodic_fees,
            rounding=rounding,
        )

        return product_subscription


class ProductSubscriptionDict(TypedDict):
    """``ProductSubscription`` as a dict: its JSON keys, for arguments that take either."""

    activation_fee: NotRequired[float]
    activation_mode: NotRequired[ProductSubscriptionActivationMode | Literal[1, 2]]
    advance_periods: NotRequired[int]
    cancel_penalty: NotRequired[float]
    charge_model: NotRequired[ProductSubscriptionChargeModel | Literal[0, 1, 2]]
    description: NotRequired[str]
    effective_fee: NotRequired[float]
    generate_daily_charge: NotRequired[YesNo | Literal["Y", "N"]]
    i_product: NotRequired[int]
    i_product_subscription: NotRequired[int]
    i_subscription: NotRequired[int]
    invoice_description: NotRequired[str]
    iso_4217: NotRequired[str]
    minimum_period: NotRequired[int]
    multi_month_discount_list: NotRequired[list[MultiMonthDiscountDict]]
    multiple: NotRequired[int]
    name: NotRequired[str]
    periodic_fees: NotRequired[list[list[PeriodicFeeDict]]]
    rounding: NotRequired[int]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.multi_month_discount import MultiMonthDiscount  # noqa: E402
from ..models.periodic_fee import PeriodicFee  # noqa: E402
