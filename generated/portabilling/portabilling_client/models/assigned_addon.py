from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, TypeVar, cast

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.assigned_addon_addon_priority import AssignedAddonAddonPriority
from ..models.assigned_addon_fraud_protection import AssignedAddonFraudProtection
from ..models.assigned_addon_i_account_role import AssignedAddonIAccountRole
from ..models.assigned_addon_is_used import AssignedAddonIsUsed
from ..models.assigned_addon_is_used_by_resellers import AssignedAddonIsUsedByResellers
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_subscription import ProductSubscription, ProductSubscriptionDict
    from ..models.service_feature import ServiceFeature, ServiceFeatureDict
    from ..models.subscription_discount import SubscriptionDiscount, SubscriptionDiscountDict


T = TypeVar("T", bound="AssignedAddon")


@_attrs_define
class AssignedAddon:
    """An add-on product assigned to the account."""

    addon_effective_from: str | Unset = UNSET
    """ A PortaBilling date and time, written 'YYYY-MM-DD HH:MM:SS' (a space between date and time, no time-zone
    designator). """
    addon_effective_to: str | Unset = UNSET
    """ A PortaBilling date and time, written 'YYYY-MM-DD HH:MM:SS' (a space between date and time, no time-zone
    designator). """
    addon_priority: AssignedAddonAddonPriority | Unset = UNSET
    """ Indicates the priority of an add-on product. Possible values: 0 - main product; 10 - low; 15 - medium low;
    20 - medium; 25 - medium high; 30 - high. Note: Can only be set on add-on creation and cannot be changed later.
    UI equivalent: "Priority" input field on the Edit Product main panel. """
    allowed_products: list[int] | Unset = UNSET
    """ The list of main products that can be used with the add-on product. UI equivalent: "Add-on product is
    allowed with" list on Edit Product -> Additional information. """
    allowed_with_any_product: str | Unset = UNSET
    """ Defines if the add-on product can be assigned with any other main product. Available only for add-on
    products managed by the administrator and available to resellers. """
    breakage: float | Unset = UNSET
    """ The breakage. Used to obtain a summary of depleted accounts. UI equivalent: "Breakage, %YOUR_CURRENCY%"
    input field on the Edit Product -> Charges -> General info main panel. """
    default_i_acl: int | Unset = UNSET
    """ Indicates the ACL for accounts with this product assigned. UI equivalent: "Account default ACL" input field
    on the Edit Product -> Additional information panel. """
    description: str | Unset = UNSET
    """ The product description. UI equivalent: "Description" input field on the Edit Product -> Additional info
    panel. """
    end_user_description: str | Unset = UNSET
    """ The description visible to end users. UI equivalent: "Description visible to end users" input field on the
    Edit Product -> Additional info panel. """
    end_user_name: str | Unset = UNSET
    """ The product name visible to end users. UI equivalent: "Name visible to end users" input field on the Edit
    Product main panel. """
    fraud_protection: AssignedAddonFraudProtection | Unset = UNSET
    """ The overdraft protection mode for the product. Possible values: None, All, Debit. """
    hidden: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    i_account_role: AssignedAddonIAccountRole | Unset = UNSET
    """ The ID of the account role. Possible values: 1 - Universal; 2 - Phone line; 3 - Auto attendant; 4 - Prepaid
    card; 5 - PINless; 6 - IPv4 address; 7 - User@domain; 8 - MSISDN; 9 - Voucher. UI equivalent: "Account role"
    input field on the Edit Account main panel. """
    i_customer: int | Unset = UNSET
    """ The record ID of the reseller who manages the product. UI equivalent: "Managed by" input field on the Edit
    Product main panel. """
    i_product: int | Unset = UNSET
    """ The unique ID of the product record. """
    i_product_group: int | Unset = UNSET
    """ The ID of the product group. UI equivalent: "Product group" input field on the Edit Product -> Additional
    info panel. """
    i_reseller_subscription: int | Unset = UNSET
    """ The ID of the Subscription Plan assigned to the reseller. """
    i_subscription: int | Unset = UNSET
    """ The ID of the subscription plan. UI equivalent: "Subscription" input field on the Edit Product -> Charges ->
    General info -> Subscription -> Subscriptions panel. """
    i_vd_plan: int | Unset = UNSET
    """ The ID of the assigned volume discount plan. UI equivalent: "Default discount plan" input field on the Edit
    Product -> Charges -> General info panel. """
    included_services: list[int] | Unset = UNSET
    """ The list of services provided with the product. UI equivalent: List of items on the Edit Product -> Services
    panel. """
    info_url: str | Unset = UNSET
    """ The URL to an external website describing product features. UI equivalent: "Information URL" input field on
    the Edit Product -> Additional info panel. """
    is_used: AssignedAddonIsUsed | Unset = UNSET
    """ Indicates whether the product is used. Possible values: 1 - is used; 0 - is not used. Note: read-only. """
    is_used_by_resellers: AssignedAddonIsUsedByResellers | Unset = UNSET
    """ Indicates whether the shared product is used by resellers. Possible values: 1 - is used; 0 - is not used.
    Note: read-only. """
    iso_4217: str | Unset = UNSET
    """ The ISO 4217 code for the currency in which the product is billed. Example: EUR, USD, INR. Note: Cannot be
    changed after product creation. """
    managed_by_user: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    name: str | Unset = UNSET
    """ The product name. UI equivalent: "Name" input field on the Edit Product main panel. """
    notepad: str | Unset = UNSET
    """ The product notepad for notes. UI equivalent: Input field on the Edit Product -> Additional info Notes
    panel. """
    product_group_name: str | Unset = UNSET
    """ The name of the product group. Note: read-only. UI equivalent: "Product group" input field on the Edit
    Product -> Additional info panel. """
    product_subscription: ProductSubscription | Unset = UNSET
    """ The subscription plan of an add-on product. """
    realm: str | Unset = UNSET
    """ The custom string used to impose a scope of uniqueness for account IDs. Note: Cannot be changed for saved
    products. UI equivalent: "Realm" input field on the Edit Product main panel. """
    service_features: list[ServiceFeature] | Unset = UNSET
    """ The set of service feature configuration options within the product. UI equivalent: "Service configuration"
    panel in the Account -> Service section. """
    service_flag_locks: str | Unset = UNSET
    """ Specifies whether service feature values can be changed by an administrator or end user. UI equivalent: "Can
    be edited by" checkbox on Product -> Services -> Choose Service -> Choose any service feature. """
    shared: str | Unset = UNSET
    """ Indicates whether the product can be shared with resellers. Note: Can be disabled only if not used by
    resellers; applicable to admin-managed products. UI equivalent: "Share with resellers" input field on the Edit
    Product main panel. """
    subscription_discount_list: list[SubscriptionDiscount] | Unset = UNSET
    """ The discount list to encourage multi-month payments. UI equivalent: Item list on the Edit Subscription plan
    -> Multi-months prepaid plans panel. """
    topup_addon: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    volume_discount_plan_name: str | Unset = UNSET
    """ The name of the associated volume discount plan. Note: read-only. UI equivalent: "Name" input field on the
    Edit Discount plan main panel. """

    def to_dict(self) -> dict[str, Any]:
        addon_effective_from = self.addon_effective_from

        addon_effective_to = self.addon_effective_to

        addon_priority: int | Unset = UNSET
        if not isinstance(self.addon_priority, Unset):
            addon_priority = (
                self.addon_priority.value
                if isinstance(self.addon_priority, AssignedAddonAddonPriority)
                else self.addon_priority
            )

        allowed_products: list[int] | Unset = UNSET
        if not isinstance(self.allowed_products, Unset):
            allowed_products = self.allowed_products

        allowed_with_any_product = self.allowed_with_any_product

        breakage = self.breakage

        default_i_acl = self.default_i_acl

        description = self.description

        end_user_description = self.end_user_description

        end_user_name = self.end_user_name

        fraud_protection: str | Unset = UNSET
        if not isinstance(self.fraud_protection, Unset):
            fraud_protection = (
                self.fraud_protection.value
                if isinstance(self.fraud_protection, AssignedAddonFraudProtection)
                else self.fraud_protection
            )

        hidden: str | Unset = UNSET
        if not isinstance(self.hidden, Unset):
            hidden = self.hidden.value if isinstance(self.hidden, YesNo) else self.hidden

        i_account_role: int | Unset = UNSET
        if not isinstance(self.i_account_role, Unset):
            i_account_role = (
                self.i_account_role.value
                if isinstance(self.i_account_role, AssignedAddonIAccountRole)
                else self.i_account_role
            )

        i_customer = self.i_customer

        i_product = self.i_product

        i_product_group = self.i_product_group

        i_reseller_subscription = self.i_reseller_subscription

        i_subscription = self.i_subscription

        i_vd_plan = self.i_vd_plan

        included_services: list[int] | Unset = UNSET
        if not isinstance(self.included_services, Unset):
            included_services = self.included_services

        info_url = self.info_url

        is_used: int | Unset = UNSET
        if not isinstance(self.is_used, Unset):
            is_used = self.is_used.value if isinstance(self.is_used, AssignedAddonIsUsed) else self.is_used

        is_used_by_resellers: int | Unset = UNSET
        if not isinstance(self.is_used_by_resellers, Unset):
            is_used_by_resellers = (
                self.is_used_by_resellers.value
                if isinstance(self.is_used_by_resellers, AssignedAddonIsUsedByResellers)
                else self.is_used_by_resellers
            )

        iso_4217 = self.iso_4217

        managed_by_user: str | Unset = UNSET
        if not isinstance(self.managed_by_user, Unset):
            managed_by_user = (
                self.managed_by_user.value if isinstance(self.managed_by_user, YesNo) else self.managed_by_user
            )

        name = self.name

        notepad = self.notepad

        product_group_name = self.product_group_name

        product_subscription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product_subscription, Unset):
            product_subscription = (
                self.product_subscription.to_dict()
                if isinstance(self.product_subscription, ProductSubscription)
                else self.product_subscription
            )

        realm = self.realm

        service_features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.service_features, Unset):
            service_features = []
            for service_features_item_data in self.service_features:
                service_features_item = (
                    service_features_item_data.to_dict()
                    if isinstance(service_features_item_data, ServiceFeature)
                    else service_features_item_data
                )
                service_features.append(service_features_item)

        service_flag_locks = self.service_flag_locks

        shared = self.shared

        subscription_discount_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscription_discount_list, Unset):
            subscription_discount_list = []
            for subscription_discount_list_item_data in self.subscription_discount_list:
                subscription_discount_list_item = (
                    subscription_discount_list_item_data.to_dict()
                    if isinstance(subscription_discount_list_item_data, SubscriptionDiscount)
                    else subscription_discount_list_item_data
                )
                subscription_discount_list.append(subscription_discount_list_item)

        topup_addon: str | Unset = UNSET
        if not isinstance(self.topup_addon, Unset):
            topup_addon = self.topup_addon.value if isinstance(self.topup_addon, YesNo) else self.topup_addon

        volume_discount_plan_name = self.volume_discount_plan_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if addon_effective_from is not UNSET:
            field_dict["addon_effective_from"] = addon_effective_from
        if addon_effective_to is not UNSET:
            field_dict["addon_effective_to"] = addon_effective_to
        if addon_priority is not UNSET:
            field_dict["addon_priority"] = addon_priority
        if allowed_products is not UNSET:
            field_dict["allowed_products"] = allowed_products
        if allowed_with_any_product is not UNSET:
            field_dict["allowed_with_any_product"] = allowed_with_any_product
        if breakage is not UNSET:
            field_dict["breakage"] = breakage
        if default_i_acl is not UNSET:
            field_dict["default_i_acl"] = default_i_acl
        if description is not UNSET:
            field_dict["description"] = description
        if end_user_description is not UNSET:
            field_dict["end_user_description"] = end_user_description
        if end_user_name is not UNSET:
            field_dict["end_user_name"] = end_user_name
        if fraud_protection is not UNSET:
            field_dict["fraud_protection"] = fraud_protection
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if i_account_role is not UNSET:
            field_dict["i_account_role"] = i_account_role
        if i_customer is not UNSET:
            field_dict["i_customer"] = i_customer
        if i_product is not UNSET:
            field_dict["i_product"] = i_product
        if i_product_group is not UNSET:
            field_dict["i_product_group"] = i_product_group
        if i_reseller_subscription is not UNSET:
            field_dict["i_reseller_subscription"] = i_reseller_subscription
        if i_subscription is not UNSET:
            field_dict["i_subscription"] = i_subscription
        if i_vd_plan is not UNSET:
            field_dict["i_vd_plan"] = i_vd_plan
        if included_services is not UNSET:
            field_dict["included_services"] = included_services
        if info_url is not UNSET:
            field_dict["info_url"] = info_url
        if is_used is not UNSET:
            field_dict["is_used"] = is_used
        if is_used_by_resellers is not UNSET:
            field_dict["is_used_by_resellers"] = is_used_by_resellers
        if iso_4217 is not UNSET:
            field_dict["iso_4217"] = iso_4217
        if managed_by_user is not UNSET:
            field_dict["managed_by_user"] = managed_by_user
        if name is not UNSET:
            field_dict["name"] = name
        if notepad is not UNSET:
            field_dict["notepad"] = notepad
        if product_group_name is not UNSET:
            field_dict["product_group_name"] = product_group_name
        if product_subscription is not UNSET:
            field_dict["product_subscription"] = product_subscription
        if realm is not UNSET:
            field_dict["realm"] = realm
        if service_features is not UNSET:
            field_dict["service_features"] = service_features
        if service_flag_locks is not UNSET:
            field_dict["service_flag_locks"] = service_flag_locks
        if shared is not UNSET:
            field_dict["shared"] = shared
        if subscription_discount_list is not UNSET:
            field_dict["subscription_discount_list"] = subscription_discount_list
        if topup_addon is not UNSET:
            field_dict["topup_addon"] = topup_addon
        if volume_discount_plan_name is not UNSET:
            field_dict["volume_discount_plan_name"] = volume_discount_plan_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "AssignedAddon",
            d,
            known=(
                "addon_effective_from",
                "addon_effective_to",
                "addon_priority",
                "allowed_products",
                "allowed_with_any_product",
                "breakage",
                "default_i_acl",
                "description",
                "end_user_description",
                "end_user_name",
                "fraud_protection",
                "hidden",
                "i_account_role",
                "i_customer",
                "i_product",
                "i_product_group",
                "i_reseller_subscription",
                "i_subscription",
                "i_vd_plan",
                "included_services",
                "info_url",
                "is_used",
                "is_used_by_resellers",
                "iso_4217",
                "managed_by_user",
                "name",
                "notepad",
                "product_group_name",
                "product_subscription",
                "realm",
                "service_features",
                "service_flag_locks",
                "shared",
                "subscription_discount_list",
                "topup_addon",
                "volume_discount_plan_name",
            ),
            required=(),
        )

        addon_effective_from = d.pop("addon_effective_from", UNSET)

        addon_effective_to = d.pop("addon_effective_to", UNSET)

        _addon_priority = d.pop("addon_priority", UNSET)
        addon_priority: AssignedAddonAddonPriority | Unset
        if isinstance(_addon_priority, Unset):
            addon_priority = UNSET
        else:
            addon_priority = AssignedAddonAddonPriority(_addon_priority)

        allowed_products = cast(list[int], d.pop("allowed_products", UNSET))

        allowed_with_any_product = d.pop("allowed_with_any_product", UNSET)

        breakage = d.pop("breakage", UNSET)

        default_i_acl = d.pop("default_i_acl", UNSET)

        description = d.pop("description", UNSET)

        end_user_description = d.pop("end_user_description", UNSET)

        end_user_name = d.pop("end_user_name", UNSET)

        _fraud_protection = d.pop("fraud_protection", UNSET)
        fraud_protection: AssignedAddonFraudProtection | Unset
        if isinstance(_fraud_protection, Unset):
            fraud_protection = UNSET
        else:
            fraud_protection = AssignedAddonFraudProtection(_fraud_protection)

        _hidden = d.pop("hidden", UNSET)
        hidden: YesNo | Unset
        if isinstance(_hidden, Unset):
            hidden = UNSET
        else:
            hidden = YesNo(_hidden)

        _i_account_role = d.pop("i_account_role", UNSET)
        i_account_role: AssignedAddonIAccountRole | Unset
        if isinstance(_i_account_role, Unset):
            i_account_role = UNSET
        else:
            i_account_role = AssignedAddonIAccountRole(_i_account_role)

        i_customer = d.pop("i_customer", UNSET)

        i_product = d.pop("i_product", UNSET)

        i_product_group = d.pop("i_product_group", UNSET)

        i_reseller_subscription = d.pop("i_reseller_subscription", UNSET)

        i_subscription = d.pop("i_subscription", UNSET)

        i_vd_plan = d.pop("i_vd_plan", UNSET)

        included_services = cast(list[int], d.pop("included_services", UNSET))

        info_url = d.pop("info_url", UNSET)

        _is_used = d.pop("is_used", UNSET)
        is_used: AssignedAddonIsUsed | Unset
        if isinstance(_is_used, Unset):
            is_used = UNSET
        else:
            is_used = AssignedAddonIsUsed(_is_used)

        _is_used_by_resellers = d.pop("is_used_by_resellers", UNSET)
        is_used_by_resellers: AssignedAddonIsUsedByResellers | Unset
        if isinstance(_is_used_by_resellers, Unset):
            is_used_by_resellers = UNSET
        else:
            is_used_by_resellers = AssignedAddonIsUsedByResellers(_is_used_by_resellers)

        iso_4217 = d.pop("iso_4217", UNSET)

        _managed_by_user = d.pop("managed_by_user", UNSET)
        managed_by_user: YesNo | Unset
        if isinstance(_managed_by_user, Unset):
            managed_by_user = UNSET
        else:
            managed_by_user = YesNo(_managed_by_user)

        name = d.pop("name", UNSET)

        notepad = d.pop("notepad", UNSET)

        product_group_name = d.pop("product_group_name", UNSET)

        _product_subscription = d.pop("product_subscription", UNSET)
        product_subscription: ProductSubscription | Unset
        if isinstance(_product_subscription, Unset):
            product_subscription = UNSET
        else:
            product_subscription = ProductSubscription.from_dict(_product_subscription)

        realm = d.pop("realm", UNSET)

        _service_features = d.pop("service_features", UNSET)
        service_features: list[ServiceFeature] | Unset = UNSET
        if _service_features is not UNSET:
            service_features = []
            for service_features_item_data in _service_features:
                service_features_item = ServiceFeature.from_dict(service_features_item_data)

                service_features.append(service_features_item)

        service_flag_locks = d.pop("service_flag_locks", UNSET)

        shared = d.pop("shared", UNSET)

        _subscription_discount_list = d.pop("subscription_discount_list", UNSET)
        subscription_discount_list: list[SubscriptionDiscount] | Unset = UNSET
        if _subscription_discount_list is not UNSET:
            subscription_discount_list = []
            for subscription_discount_list_item_data in _subscription_discount_list:
                subscription_discount_list_item = SubscriptionDiscount.from_dict(subscription_discount_list_item_data)

                subscription_discount_list.append(subscription_discount_list_item)

        _topup_addon = d.pop("topup_addon", UNSET)
        topup_addon: YesNo | Unset
        if isinstance(_topup_addon, Unset):
            topup_addon = UNSET
        else:
            topup_addon = YesNo(_topup_addon)

        volume_discount_plan_name = d.pop("volume_discount_plan_name", UNSET)

        assigned_addon = cls(
            addon_effective_from=addon_effective_from,
            addon_effective_to=addon_effective_to,
            addon_priority=addon_priority,
            allowed_products=allowed_products,
            allowed_with_any_product=allowed_with_any_product,
            breakage=breakage,
            default_i_acl=default_i_acl,
            description=description,
            end_user_description=end_user_description,
            end_user_name=end_user_name,
            fraud_protection=fraud_protection,
            hidden=hidden,
            i_account_role=i_account_role,
            i_customer=i_customer,
            i_product=i_product,
            i_product_group=i_product_group,
            i_reseller_subscription=i_reseller_subscription,
            i_subscription=i_subscription,
            i_vd_plan=i_vd_plan,
            included_services=included_services,
            info_url=info_url,
            is_used=is_used,
            is_used_by_resellers=is_used_by_resellers,
            iso_4217=iso_4217,
            managed_by_user=managed_by_user,
            name=name,
            notepad=notepad,
            product_group_name=product_group_name,
            product_subscription=product_subscription,
            realm=realm,
            service_features=service_features,
            service_flag_locks=service_flag_locks,
            shared=shared,
            subscription_discount_list=subscription_discount_list,
            topup_addon=topup_addon,
            volume_discount_plan_name=volume_discount_plan_name,
        )

        return assigned_addon


class AssignedAddonDict(TypedDict):
    """``AssignedAddon`` as a dict: its JSON keys, for arguments that take either."""

    addon_effective_from: NotRequired[str]
    addon_effective_to: NotRequired[str]
    addon_priority: NotRequired[AssignedAddonAddonPriority | Literal[0, 10, 15, 20, 25, 30]]
    allowed_products: NotRequired[list[int]]
    allowed_with_any_product: NotRequired[str]
    breakage: NotRequired[float]
    default_i_acl: NotRequired[int]
    description: NotRequired[str]
    end_user_description: NotRequired[str]
    end_user_name: NotRequired[str]
    fraud_protection: NotRequired[AssignedAddonFraudProtection | Literal["None", "All", "Debit"]]
    hidden: NotRequired[YesNo | Literal["Y", "N"]]
    i_account_role: NotRequired[AssignedAddonIAccountRole | Literal[1, 2, 3, 4, 5, 6, 7, 8, 9]]
    i_customer: NotRequired[int]
    i_product: NotRequired[int]
    i_product_group: NotRequired[int]
    i_reseller_subscription: NotRequired[int]
    i_subscription: NotRequired[int]
    i_vd_plan: NotRequired[int]
    included_services: NotRequired[list[int]]
    info_url: NotRequired[str]
    is_used: NotRequired[AssignedAddonIsUsed | Literal[0, 1]]
    is_used_by_resellers: NotRequired[AssignedAddonIsUsedByResellers | Literal[0, 1]]
    iso_4217: NotRequired[str]
    managed_by_user: NotRequired[YesNo | Literal["Y", "N"]]
    name: NotRequired[str]
    notepad: NotRequired[str]
    product_group_name: NotRequired[str]
    product_subscription: NotRequired[ProductSubscriptionDict]
    realm: NotRequired[str]
    service_features: NotRequired[list[ServiceFeatureDict]]
    service_flag_locks: NotRequired[str]
    shared: NotRequired[str]
    subscription_discount_list: NotRequired[list[SubscriptionDiscountDict]]
    topup_addon: NotRequired[YesNo | Literal["Y", "N"]]
    volume_discount_plan_name: NotRequired[str]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.product_subscription import ProductSubscription  # noqa: E402
from ..models.service_feature import ServiceFeature  # noqa: E402
from ..models.subscription_discount import SubscriptionDiscount  # noqa: E402
