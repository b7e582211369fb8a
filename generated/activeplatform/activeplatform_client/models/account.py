from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_default_payment_model import AccountDefaultPaymentModel
from ..models.account_status import AccountStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_attribute import CustomAttribute


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """Response model of "Update an Account"."""

    id: int | Unset = UNSET
    """ Account ID """
    name: str | Unset = UNSET
    """ Account name """
    account_class_id: int | Unset = UNSET
    """ Account class ID (see Account classes) """
    account_class: str | Unset = UNSET
    """ Account class name (see Account classes) """
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
    status: AccountStatus | Unset = UNSET
    """ Account status:

    - active – the Account is available for any possible operation.
    - administrative hold – the Account was blocked by the manager (see Moving an account to the administrative
    hold).
    - credit hold – the Account was blocked automatically due to the debt on the account balance (see Credit Hold of
    the Account). You can set the parameters of moving an account to the credit hold in the Account class, to which
    the account relates (see Account classes).
    - deleted – the Account was deleted by manger (see Deleting an account).
     """
    balance: float | str | Unset = UNSET
    """ A current value of the Account balance (see Viewing the list of charges)

    A number per the table; the page's example sends it as a decimal string ("0.0").
     """
    account_type_id: int | Unset = UNSET
    """ Account type ID """
    account_type: str | Unset = UNSET
    """ Account type name """
    default_payment_model: AccountDefaultPaymentModel | Unset = UNSET
    """ Default payment model from the Account class:

    - prepay
    - postpay
     """
    current_debt: float | Unset = UNSET
    """ Current debt of the Account for all postpaid Subscriptions """
    financial_blocking_threshold_use_system: bool | Unset = UNSET
    """ Shows whether the Account uses the default Financial blocking threshold value that is set in the Account
    class:

    - true – the Account uses the Financial blocking threshold value that is set in the Account class.
    - false – the Account uses the Financial blocking threshold value that is redefined on the Account level.
     """
    financial_blocking_threshold: float | Unset = UNSET
    """ The value of the Financial blocking threshold for the Account that is set in the Account class or redefined
    on the Account level """
    subscription_credit_limit_use_system: bool | Unset = UNSET
    """ Shows whether the Account uses the default Subscription credit limit value that is set in the Account class
    or redefined on the Account level:

    - true – the Account uses the Subscription credit limit value that is set in the Account class.
    - false – the Account uses the Subscription credit limit value that is redefined on the Account level.
     """
    subscription_credit_limit: float | Unset = UNSET
    """ The value of the Subscription credit limit for the Account that is set in the Account class or redefined on
    the Account level """
    manager_id: int | Unset = UNSET
    """ ID of the manager who is linked with the Account """
    owner_id: int | Unset = UNSET
    """ ID of the User who is granted the Owner access rights in the Customer Control Panel """
    new_owner_first_name: None | str | Unset = UNSET
    """ Not in the page's response table; present (null) in the page's response example. Meaning not documented. """
    new_owner_last_name: None | str | Unset = UNSET
    """ Not in the page's response table; present (null) in the page's response example. Meaning not documented. """
    new_owner_middle_name: None | str | Unset = UNSET
    """ Not in the page's response table; present (null) in the page's response example. Meaning not documented. """
    new_owner_email: None | str | Unset = UNSET
    """ Not in the page's response table; present (null) in the page's response example. Meaning not documented. """
    tech_user_id: int | Unset = UNSET
    """ ID of the user, which is responsible for the technical matters """
    bill_user_id: int | Unset = UNSET
    """ ID of the user, which is responsible for the financial matters """
    custom_attributes: list[CustomAttribute] | Unset = UNSET
    """ A list of additional attributes (see Managing attributes) """
    created_at: datetime.datetime | Unset = UNSET
    """ Date and time of the Account creation """
    updated_at: datetime.datetime | Unset = UNSET
    """ Date and time, when the Account information was updated """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        account_class_id = self.account_class_id

        account_class = self.account_class

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value if isinstance(self.status, AccountStatus) else self.status

        balance: float | str | Unset
        if isinstance(self.balance, Unset):
            balance = UNSET
        else:
            balance = self.balance

        account_type_id = self.account_type_id

        account_type = self.account_type

        default_payment_model: str | Unset = UNSET
        if not isinstance(self.default_payment_model, Unset):
            default_payment_model = (
                self.default_payment_model.value
                if isinstance(self.default_payment_model, AccountDefaultPaymentModel)
                else self.default_payment_model
            )

        current_debt = self.current_debt

        financial_blocking_threshold_use_system = self.financial_blocking_threshold_use_system

        financial_blocking_threshold = self.financial_blocking_threshold

        subscription_credit_limit_use_system = self.subscription_credit_limit_use_system

        subscription_credit_limit = self.subscription_credit_limit

        manager_id = self.manager_id

        owner_id = self.owner_id

        new_owner_first_name: None | str | Unset
        if isinstance(self.new_owner_first_name, Unset):
            new_owner_first_name = UNSET
        else:
            new_owner_first_name = self.new_owner_first_name

        new_owner_last_name: None | str | Unset
        if isinstance(self.new_owner_last_name, Unset):
            new_owner_last_name = UNSET
        else:
            new_owner_last_name = self.new_owner_last_name

        new_owner_middle_name: None | str | Unset
        if isinstance(self.new_owner_middle_name, Unset):
            new_owner_middle_name = UNSET
        else:
            new_owner_middle_name = self.new_owner_middle_name

        new_owner_email: None | str | Unset
        if isinstance(self.new_owner_email, Unset):
            new_owner_email = UNSET
        else:
            new_owner_email = self.new_owner_email

        tech_user_id = self.tech_user_id

        bill_user_id = self.bill_user_id

        custom_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_attributes, Unset):
            custom_attributes = []
            for custom_attributes_item_data in self.custom_attributes:
                custom_attributes_item = (
                    custom_attributes_item_data.to_dict()
                    if isinstance(custom_attributes_item_data, CustomAttribute)
                    else custom_attributes_item_data
                )
                custom_attributes.append(custom_attributes_item)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = (
                self.created_at.isoformat() if isinstance(self.created_at, datetime.datetime) else self.created_at
            )

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = (
                self.updated_at.isoformat() if isinstance(self.updated_at, datetime.datetime) else self.updated_at
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if account_class_id is not UNSET:
            field_dict["account_class_id"] = account_class_id
        if account_class is not UNSET:
            field_dict["account_class"] = account_class
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
        if status is not UNSET:
            field_dict["status"] = status
        if balance is not UNSET:
            field_dict["balance"] = balance
        if account_type_id is not UNSET:
            field_dict["account_type_id"] = account_type_id
        if account_type is not UNSET:
            field_dict["account_type"] = account_type
        if default_payment_model is not UNSET:
            field_dict["default_payment_model"] = default_payment_model
        if current_debt is not UNSET:
            field_dict["current_debt"] = current_debt
        if financial_blocking_threshold_use_system is not UNSET:
            field_dict["financial_blocking_threshold_use_system"] = financial_blocking_threshold_use_system
        if financial_blocking_threshold is not UNSET:
            field_dict["financial_blocking_threshold"] = financial_blocking_threshold
        if subscription_credit_limit_use_system is not UNSET:
            field_dict["subscription_credit_limit_use_system"] = subscription_credit_limit_use_system
        if subscription_credit_limit is not UNSET:
            field_dict["subscription_credit_limit"] = subscription_credit_limit
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if new_owner_first_name is not UNSET:
            field_dict["new_owner_first_name"] = new_owner_first_name
        if new_owner_last_name is not UNSET:
            field_dict["new_owner_last_name"] = new_owner_last_name
        if new_owner_middle_name is not UNSET:
            field_dict["new_owner_middle_name"] = new_owner_middle_name
        if new_owner_email is not UNSET:
            field_dict["new_owner_email"] = new_owner_email
        if tech_user_id is not UNSET:
            field_dict["tech_user_id"] = tech_user_id
        if bill_user_id is not UNSET:
            field_dict["bill_user_id"] = bill_user_id
        if custom_attributes is not UNSET:
            field_dict["custom_attributes"] = custom_attributes
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        account_class_id = d.pop("account_class_id", UNSET)

        account_class = d.pop("account_class", UNSET)

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

        _status = d.pop("status", UNSET)
        status: AccountStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AccountStatus(_status)

        def _parse_balance(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        balance = _parse_balance(d.pop("balance", UNSET))

        account_type_id = d.pop("account_type_id", UNSET)

        account_type = d.pop("account_type", UNSET)

        _default_payment_model = d.pop("default_payment_model", UNSET)
        default_payment_model: AccountDefaultPaymentModel | Unset
        if isinstance(_default_payment_model, Unset):
            default_payment_model = UNSET
        else:
            default_payment_model = AccountDefaultPaymentModel(_default_payment_model)

        current_debt = d.pop("current_debt", UNSET)

        financial_blocking_threshold_use_system = d.pop("financial_blocking_threshold_use_system", UNSET)

        financial_blocking_threshold = d.pop("financial_blocking_threshold", UNSET)

        subscription_credit_limit_use_system = d.pop("subscription_credit_limit_use_system", UNSET)

        subscription_credit_limit = d.pop("subscription_credit_limit", UNSET)

        manager_id = d.pop("manager_id", UNSET)

        owner_id = d.pop("owner_id", UNSET)

        def _parse_new_owner_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_owner_first_name = _parse_new_owner_first_name(d.pop("new_owner_first_name", UNSET))

        def _parse_new_owner_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_owner_last_name = _parse_new_owner_last_name(d.pop("new_owner_last_name", UNSET))

        def _parse_new_owner_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_owner_middle_name = _parse_new_owner_middle_name(d.pop("new_owner_middle_name", UNSET))

        def _parse_new_owner_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_owner_email = _parse_new_owner_email(d.pop("new_owner_email", UNSET))

        tech_user_id = d.pop("tech_user_id", UNSET)

        bill_user_id = d.pop("bill_user_id", UNSET)

        _custom_attributes = d.pop("custom_attributes", UNSET)
        custom_attributes: list[CustomAttribute] | Unset = UNSET
        if _custom_attributes is not UNSET:
            custom_attributes = []
            for custom_attributes_item_data in _custom_attributes:
                custom_attributes_item = CustomAttribute.from_dict(custom_attributes_item_data)

                custom_attributes.append(custom_attributes_item)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        account = cls(
            id=id,
            name=name,
            account_class_id=account_class_id,
            account_class=account_class,
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
            status=status,
            balance=balance,
            account_type_id=account_type_id,
            account_type=account_type,
            default_payment_model=default_payment_model,
            current_debt=current_debt,
            financial_blocking_threshold_use_system=financial_blocking_threshold_use_system,
            financial_blocking_threshold=financial_blocking_threshold,
            subscription_credit_limit_use_system=subscription_credit_limit_use_system,
            subscription_credit_limit=subscription_credit_limit,
            manager_id=manager_id,
            owner_id=owner_id,
            new_owner_first_name=new_owner_first_name,
            new_owner_last_name=new_owner_last_name,
            new_owner_middle_name=new_owner_middle_name,
            new_owner_email=new_owner_email,
            tech_user_id=tech_user_id,
            bill_user_id=bill_user_id,
            custom_attributes=custom_attributes,
            created_at=created_at,
            updated_at=updated_at,
        )

        account.additional_properties = d
        return account

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


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.custom_attribute import CustomAttribute  # noqa: E402
