from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_attribute_input import CustomAttributeInput, CustomAttributeInputDict


T = TypeVar("T", bound="AccountUpdate")


@_attrs_define
class AccountUpdate:
    """Arguments of "Update an Account" (all optional). The page calls them form parameters; they are sent as a JSON body."""

    id: int | Unset = UNSET
    """ Account ID. Not in the page's argument table, but the page's request example sends it (550, while the URL
    names account 505). The account to update is the one in the path; the vendor does not document what this field
    does. Accepted here only so that the page's own example is a valid request; do not rely on it. """
    account_class_id: int | Unset = UNSET
    """ Account class ID (see Account classes) """
    primary_name: str | Unset = UNSET
    """ Account primary name (a company name, if the customer is a legal entity) """
    first_name: str | Unset = UNSET
    """ The first name of the contract person """
    middle_name: str | Unset = UNSET
    """ The middle name of the contract person """
    last_name: str | Unset = UNSET
    """ The last name of the contract person """
    country: str | Unset = UNSET
    """ Contact information: a two-letter ISO code ISO 3166-1 alpha-2 of the country """
    region: str | Unset = UNSET
    """ Contact information: Region """
    city: str | Unset = UNSET
    """ Contact information: City """
    street: str | Unset = UNSET
    """ Contact information: Street """
    building: str | Unset = UNSET
    """ Contact information: Building """
    office: str | Unset = UNSET
    """ Contact information: Office """
    zip_: str | Unset = UNSET
    """ Contact information: Zip-code """
    phone: str | Unset = UNSET
    """ Contact information: Phone number:

    - + < country code > < city code or network code > < phone number >
    - 00 < country code > < city code or network code > < phone number >
     """
    email: str | Unset = UNSET
    """ Email of the contract person """
    account_type_id: int | Unset = UNSET
    """ Account type ID """
    manager_id: int | Unset = UNSET
    """ ID of the manager who is linked with the Account """
    financial_blocking_threshold_use_system: bool | Unset = UNSET
    """ Shows whether the Account uses the default Financial blocking threshold value that is set in the Account
    class:

    - true – the Account uses the Financial blocking threshold value that is set in the Account class.
    - false – the Account uses the Financial blocking threshold value that is redefined on the Account level.
     """
    financial_blocking_threshold: float | Unset = UNSET
    """ The value of the Financial blocking threshold for the Account that is redefined on the Account level (for
    financial_blocking_threshold_use_system = false) """
    subscription_credit_limit_use_system: bool | Unset = UNSET
    """ Shows whether the Account uses the default Subscription credit limit value that is set in the Account class:

    - true – the Account uses the Subscription credit limit value that is set in the Account class.
    - false – the Account uses the Subscription credit limit value that is redefined on the Account level.
     """
    subscription_credit_limit: float | Unset = UNSET
    """ The value of the Subscription credit limit for the Account that is redefined on the Account level (for
    subscription_credit_limit_use_system = false) """
    custom_attributes: list[CustomAttributeInput] | Unset = UNSET
    """ A list of additional attributes (see Managing attributes) """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_class_id = self.account_class_id

        primary_name = self.primary_name

        first_name = self.first_name

        middle_name = self.middle_name

        last_name = self.last_name

        country = self.country

        region = self.region

        city = self.city

        street = self.street

        building = self.building

        office = self.office

        zip_ = self.zip_

        phone = self.phone

        email = self.email

        account_type_id = self.account_type_id

        manager_id = self.manager_id

        financial_blocking_threshold_use_system = self.financial_blocking_threshold_use_system

        financial_blocking_threshold = self.financial_blocking_threshold

        subscription_credit_limit_use_system = self.subscription_credit_limit_use_system

        subscription_credit_limit = self.subscription_credit_limit

        custom_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_attributes, Unset):
            custom_attributes = []
            for custom_attributes_item_data in self.custom_attributes:
                custom_attributes_item = (
                    custom_attributes_item_data.to_dict()
                    if isinstance(custom_attributes_item_data, CustomAttributeInput)
                    else custom_attributes_item_data
                )
                custom_attributes.append(custom_attributes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if account_class_id is not UNSET:
            field_dict["account_class_id"] = account_class_id
        if primary_name is not UNSET:
            field_dict["primary_name"] = primary_name
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if country is not UNSET:
            field_dict["country"] = country
        if region is not UNSET:
            field_dict["region"] = region
        if city is not UNSET:
            field_dict["city"] = city
        if street is not UNSET:
            field_dict["street"] = street
        if building is not UNSET:
            field_dict["building"] = building
        if office is not UNSET:
            field_dict["office"] = office
        if zip_ is not UNSET:
            field_dict["zip"] = zip_
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if account_type_id is not UNSET:
            field_dict["account_type_id"] = account_type_id
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if financial_blocking_threshold_use_system is not UNSET:
            field_dict["financial_blocking_threshold_use_system"] = financial_blocking_threshold_use_system
        if financial_blocking_threshold is not UNSET:
            field_dict["financial_blocking_threshold"] = financial_blocking_threshold
        if subscription_credit_limit_use_system is not UNSET:
            field_dict["subscription_credit_limit_use_system"] = subscription_credit_limit_use_system
        if subscription_credit_limit is not UNSET:
            field_dict["subscription_credit_limit"] = subscription_credit_limit
        if custom_attributes is not UNSET:
            field_dict["custom_attributes"] = custom_attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "AccountUpdate",
            d,
            known=(
                "id",
                "account_class_id",
                "primary_name",
                "first_name",
                "middle_name",
                "last_name",
                "country",
                "region",
                "city",
                "street",
                "building",
                "office",
                "zip",
                "phone",
                "email",
                "account_type_id",
                "manager_id",
                "financial_blocking_threshold_use_system",
                "financial_blocking_threshold",
                "subscription_credit_limit_use_system",
                "subscription_credit_limit",
                "custom_attributes",
            ),
            required=(),
        )

        id = d.pop("id", UNSET)

        account_class_id = d.pop("account_class_id", UNSET)

        primary_name = d.pop("primary_name", UNSET)

        first_name = d.pop("first_name", UNSET)

        middle_name = d.pop("middle_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        country = d.pop("country", UNSET)

        region = d.pop("region", UNSET)

        city = d.pop("city", UNSET)

        street = d.pop("street", UNSET)

        building = d.pop("building", UNSET)

        office = d.pop("office", UNSET)

        zip_ = d.pop("zip", UNSET)

        phone = d.pop("phone", UNSET)

        email = d.pop("email", UNSET)

        account_type_id = d.pop("account_type_id", UNSET)

        manager_id = d.pop("manager_id", UNSET)

        financial_blocking_threshold_use_system = d.pop("financial_blocking_threshold_use_system", UNSET)

        financial_blocking_threshold = d.pop("financial_blocking_threshold", UNSET)

        subscription_credit_limit_use_system = d.pop("subscription_credit_limit_use_system", UNSET)

        subscription_credit_limit = d.pop("subscription_credit_limit", UNSET)

        _custom_attributes = d.pop("custom_attributes", UNSET)
        custom_attributes: list[CustomAttributeInput] | Unset = UNSET
        if _custom_attributes is not UNSET:
            custom_attributes = []
            for custom_attributes_item_data in _custom_attributes:
                custom_attributes_item = CustomAttributeInput.from_dict(custom_attributes_item_data)

                custom_attributes.append(custom_attributes_item)

        account_update = cls(
            id=id,
            account_class_id=account_class_id,
            primary_name=primary_name,
            first_name=first_name,
            middle_name=middle_name,
            last_name=last_name,
            country=country,
            region=region,
            city=city,
            street=street,
            building=building,
            office=office,
            zip_=zip_,
            phone=phone,
            email=email,
            account_type_id=account_type_id,
            manager_id=manager_id,
            financial_blocking_threshold_use_system=financial_blocking_threshold_use_system,
            financial_blocking_threshold=financial_blocking_threshold,
            subscription_credit_limit_use_system=subscription_credit_limit_use_system,
            subscription_credit_limit=subscription_credit_limit,
            custom_attributes=custom_attributes,
        )

        return account_update


class AccountUpdateDict(TypedDict):
    """``AccountUpdate`` as a dict: its JSON keys, for arguments that take either."""

    id: NotRequired[int]
    account_class_id: NotRequired[int]
    primary_name: NotRequired[str]
    first_name: NotRequired[str]
    middle_name: NotRequired[str]
    last_name: NotRequired[str]
    country: NotRequired[str]
    region: NotRequired[str]
    city: NotRequired[str]
    street: NotRequired[str]
    building: NotRequired[str]
    office: NotRequired[str]
    zip: NotRequired[str]
    phone: NotRequired[str]
    email: NotRequired[str]
    account_type_id: NotRequired[int]
    manager_id: NotRequired[int]
    financial_blocking_threshold_use_system: NotRequired[bool]
    financial_blocking_threshold: NotRequired[float]
    subscription_credit_limit_use_system: NotRequired[bool]
    subscription_credit_limit: NotRequired[float]
    custom_attributes: NotRequired[list[CustomAttributeInputDict]]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.custom_attribute_input import CustomAttributeInput  # noqa: E402
