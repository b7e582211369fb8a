from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.account_info_bill_status import AccountInfoBillStatus
from ..models.account_info_billing_model import AccountInfoBillingModel
from ..models.account_info_i_account_balance_control_type import AccountInfoIAccountBalanceControlType
from ..models.account_info_i_account_role import AccountInfoIAccountRole
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alias_did_number import AliasDidNumber, AliasDidNumberDict
    from ..models.assigned_addon import AssignedAddon, AssignedAddonDict
    from ..models.aux_field import AuxField, AuxFieldDict
    from ..models.call_processing_mode_info import CallProcessingModeInfo, CallProcessingModeInfoDict
    from ..models.included_service import IncludedService, IncludedServiceDict
    from ..models.service_feature import ServiceFeature, ServiceFeatureDict
    from ..models.sim_card_info import SimCardInfo, SimCardInfoDict
    from ..models.voucher_info import VoucherInfo, VoucherInfoDict


T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """The account record to update (account_info). Every field of the page's table is listed; send only the fields to
    change, plus i_account to identify the account.

    """

    activation_date: datetime.date | Unset = UNSET
    """ The date on which the account is activated. The date the account is used for the first time. UI equivalent:
    "Activation date" input field on the Edit Account -> Personal info -> Life cycle panel. """
    address_line_2: str | Unset = UNSET
    """ The 2nd line of the account owner's address. UI equivalent: "Address, line 2" input field on the Edit
    Account -> Personal info -> General info -> Address info panel. """
    alias_did_number_list: list[AliasDidNumber] | Unset = UNSET
    """ The list of the account's aliases' DID numbers. Included in the response if limit_alias_did_number_list
    parameter is greater than zero. """
    assigned_addons: list[AssignedAddon] | Unset = UNSET
    """ The list of account's add-on products. Note: If the main product is changed and the list of add-on products
    is not provided, existing add-on products will be removed. UI equivalent: "Select add-on products to add" panel
    on Edit Account -> Finances -> Add-on products. """
    aux_fields: list[AuxField] | Unset = UNSET
    """ The data for the account's additional fields. """
    baddr1: str | Unset = UNSET
    """ The 1st line of the account owner's address. UI equivalent: "Address, line 1" input field on the Edit
    Account -> Personal info -> General info -> Address info panel. """
    batch_name: str | Unset = UNSET
    """ The batch name to which the account belongs. Note: A batch belongs to a customer, preventing mixing accounts
    from different customers. UI equivalent: "Batch" input field on the Edit Account -> Personal info -> General
    info -> Additional info -> Account info panel. """
    bcc: str | Unset = UNSET
    """ The BCC email address for blind carbon copy. UI equivalent: "BCC" input field on the Edit Account ->
    Personal info -> General info -> Address info panel. """
    bill_status: AccountInfoBillStatus | Unset = UNSET
    """ The status of the account. Possible values: O - open; I - inactive; C - terminated. Note: Cannot be set via
    add_account or update_account; use terminate_account to terminate. """
    billing_model: AccountInfoBillingModel | Unset = UNSET
    """ The account type. Possible values: -1 - debit account; 0 - recharge voucher; 1 - credit account; 2 - alias;
    4 - beneficiary. Note: Cannot be changed after creation. UI equivalent: "Type" input field on the Create Account
    main panel. """
    blocked: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    call_processing_mode_info: CallProcessingModeInfo | Unset = UNSET
    """ The account's active call processing mode. """
    city: str | Unset = UNSET
    """ The city of the account owner's address. UI equivalent: "City" input field on the Edit Account -> Personal
    info -> General info -> Address info panel. """
    companyname: str | Unset = UNSET
    """ The account owner's company name. UI equivalent: "Company name" input field on the Edit Account -> Personal
    info -> General info -> Address info panel. """
    cont1: str | Unset = UNSET
    """ The main contact person. UI equivalent: "Contact" input field on the Edit Account -> Personal info ->
    General info panel. """
    cont2: str | Unset = UNSET
    """ The alternative contact person. UI equivalent: "Alt. contact" input field on the Edit Account -> Personal
    info -> General info -> Address info panel. """
    control_number: int | Unset = UNSET
    """ The sequential number of the account in the batch. Note: Cannot be changed after creation. UI equivalent:
    "Control number" input field on the Edit Account -> Personal info -> General info -> Additional info -> Account
    info panel. """
    country: str | Unset = UNSET
    """ The country code in ISO 3166-1 alpha-2 format. Possible values: 0 - min value; 32 - max value. UI
    equivalent: "Country" input field on the Edit Account -> Personal info -> General info -> Address info panel.
    """
    credit_limit: float | Unset = UNSET
    """ The account's credit limit value. Note: Only available for credit accounts. UI equivalent: "Credit limit,
    %YOUR_CURRENCY%" input field on the Edit Account -> Finances -> General info panel. """
    ecommerce_enabled: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """
    email: str | Unset = UNSET
    """ The email address associated with the account. UI equivalent: "Email" input field on the Edit Account ->
    Personal info -> General info panel. """
    expiration_date: datetime.date | Unset = UNSET
    """ The date from which the account becomes unusable. UI equivalent: "Expiration date" input field on the Edit
    Account -> Personal info -> Life cycle panel. """
    faxnum: str | Unset = UNSET
    """ The account owner's fax number. UI equivalent: "Fax" input field on the Edit Account -> Personal info ->
    General info -> Address info panel. """
    firstname: str | Unset = UNSET
    """ The account owner's first name. UI equivalent: "First name" input field on the Edit Account -> Personal info
    -> General info panel. """
    h323_password: str | Unset = UNSET
    """ The VoIP password for authenticating calls. UI equivalent: "Service password" input field on the Edit
    Account -> Personal info -> General info -> Additional info -> Account info panel. """
    i_account: int | Unset = UNSET
    """ The unique ID of the account. Note: Cannot be changed after creation. """
    i_account_balance_control_type: AccountInfoIAccountBalanceControlType | Unset = UNSET
    """ The ID of the account's balance control type. Possible values: 1 - undefined; 2 - individual credit limit; 3
    - subordinate. UI equivalent: "Balance control" input field on the Edit Account main panel. """
    i_account_role: AccountInfoIAccountRole | Unset = UNSET
    """ The ID of the account role. Possible values: 1 - Universal; 2 - Phone line; 3 - Auto attendant; 4 - Prepaid
    card; 5 - PINless; 6 - IPv4 address; 7 - User@domain; 8 - Mobile; 9 - Voucher. UI equivalent: "Account role"
    input field on the Edit Account main panel. """
    i_acl: int | Unset = UNSET
    """ The ID for the account's access level. Note: Deprecated; use i_role instead. """
    i_batch: int | Unset = UNSET
    """ The ID of the batch to which the account belongs. Note: Cannot mix accounts from different customers. """
    i_customer: int | Unset = UNSET
    """ The ID of the customer record to which the account belongs. Note: Cannot be changed after creation. UI
    equivalent: "Customer" input field on the Edit Account main panel. """
    i_customer_site: int | Unset = UNSET
    """ The ID of the customer site the account belongs to. UI equivalent: "Customer site" input field on the Edit
    Account -> Personal info -> General info -> Additional info -> Account info panel. """
    i_distributor: int | Unset = UNSET
    """ The unique ID of the distributor associated with the account. Note: Applicable to debit accounts only. """
    i_lang: str | Unset = UNSET
    """ The code for the account's web language. Example: en, ru, es. UI equivalent: "Web interface language" input
    field on the Edit Account -> Personal info -> General info -> Web self-care panel. """
    i_master_account: int | Unset = UNSET
    """ The ID of the beneficiary account for alias or sponsor accounts. Note: Can only be updated by the system. UI
    equivalent: "Sponsor account" field on the Edit Account main panel. """
    i_product: int | Unset = UNSET
    """ The ID for the account's product. UI equivalent: "Main product" input field on the Edit Account main panel.
    """
    i_role: int | Unset = UNSET
    """ The ID of the account's access role. UI equivalent: "Role" input field on the Edit Account -> Personal info
    -> General info -> Web self-care panel. """
    i_time_zone: int | Unset = UNSET
    """ The ID for the account's time zone. UI equivalent: "Time zone" input field on the Edit Account -> Personal
    info -> General info -> Web self-care panel. """
    i_vd_plan: int | Unset = UNSET
    """ The ID for the account's discount plan. Note: Obsolete; use add-on product functionality instead. UI
    equivalent: "Discount plan" input field on the Edit Account -> Services -> Bundles panel. """
    id: str | Unset = UNSET
    """ The unique ID (PIN) of the account. Max length: 64 characters. Note: Format depends on the account role. UI
    equivalent: "ID" input field on the Edit Account main panel. """
    in_date_format: str | Unset = UNSET
    """ The input date format for the self-care interface. UI equivalent: "Date" input field on the Edit Account ->
    Personal info -> General info -> Web self-care panel -> Input format. """
    in_time_format: str | Unset = UNSET
    """ The input time format for the self-care interface. UI equivalent: "Time" input field on the Edit Account ->
    Personal info -> General info -> Web self-care panel -> Input format. """
    inactivity_expire_time: int | Unset = UNSET
    """ The period of account availability after last use. UI equivalent: "Availability period after last usage,
    days" input field on the Edit Account -> Personal info -> Life cycle panel. """
    included_services: list[IncludedService] | Unset = UNSET
    """ The list of services available for the account. Note: Only in "get" responses; ignored in "add"/"update". UI
    equivalent: Inherited from the account's product and add-ons. """
    lastname: str | Unset = UNSET
    """ The account owner's last name. UI equivalent: "Last name" input field on the Edit Account -> Personal info
    -> General info panel. """
    life_time: int | Unset = UNSET
    """ The availability period after the first use of the account in days. UI equivalent: "Availability period
    after first usage, days" field on the Edit Account -> Personal info -> Life cycle panel. """
    login: str | Unset = UNSET
    """ The user login for the self-care web interface. Possible length: 4-64 characters; only digits, letters, @,
    -, _, and .. UI equivalent: "Login" input field on the Edit Account -> Personal info -> General info -> Web
    self-care panel. """
    midinit: str | Unset = UNSET
    """ The account owner's middle initial(s). Max length: 25 characters. UI equivalent: "Middle name" input field
    on the Edit Account -> Personal info -> General info -> Address info panel. """
    note: str | Unset = UNSET
    """ A short note about the account's contact details. Max length: 100 characters. UI equivalent: "Description"
    input field on the Edit Account -> Personal info -> General info -> Address info panel. """
    notepad: str | Unset = UNSET
    """ Notes about the account owner. UI equivalent: "Note" input field on the Edit Account -> Personal info ->
    General info -> Notes panel. """
    opening_balance: float | Unset = UNSET
    """ The initial balance of the account. UI equivalent: "Opening balance" input field on the Create Account main
    panel. """
    out_date_format: str | Unset = UNSET
    """ The format for the output date on the self-care interface. UI equivalent: "Date" input field on the Edit
    Account -> Personal info -> General info -> Web self-care panel -> Output format. """
    out_date_time_format: str | Unset = UNSET
    """ The format for the output date and time on the self-care interface. UI equivalent: "Date & time" input field
    on the Edit Account -> Personal info -> General info -> Web self-care panel -> Output format. """
    out_time_format: str | Unset = UNSET
    """ The format for the output time on the self-care interface. UI equivalent: "Time" input field on the Edit
    Account -> Personal info -> General info -> Web self-care panel -> Output format. """
    password: str | Unset = UNSET
    """ The user password for the self-care web interface. Min length: 6 characters; must contain at least one
    letter and one digit. UI equivalent: "Password" input field on the Edit Account -> Personal info -> General info
    -> Web self-care panel. """
    phone1: str | Unset = UNSET
    """ The main phone number to contact the end user. UI equivalent: "Phone" input field on the Edit Account ->
    Personal info -> General info -> Address info panel. """
    phone2: str | Unset = UNSET
    """ The alternative phone number. UI equivalent: "Alt. phone" input field on the Edit Account -> Personal info
    -> General info -> Address info panel. """
    redirect_number: str | Unset = UNSET
    """ The number sent back to the IVR in an authorization confirmation, e.g., redirect to a technical support
    number. """
    salutation: str | Unset = UNSET
    """ The account owner's salutation. UI equivalent: "Salutation" input field on the Edit Account -> Personal info
    -> General info -> Address info panel. """
    service_features: list[ServiceFeature] | Unset = UNSET
    """ The list of service features. UI equivalent: Item list on the Edit Account -> Services -> Service
    configuration -> %YOUR_SERVICE% configuration panel. """
    sim_card_info: SimCardInfo | Unset = UNSET
    """ A SIM card. """
    state: str | Unset = UNSET
    """ The province or state where the account owner lives. UI equivalent: "State" input field on the Edit Account
    -> Personal info -> General info -> Address info panel. """
    subscriber_email: str | Unset = UNSET
    """ The subscriber's email address. UI equivalent: "Email for IPTV" input field on the Edit Account -> Personal
    info -> General info panel. """
    ua_profile_id: int | Unset = UNSET
    """ The ID for the IP phone profile assigned to the account. """
    voucher_info: VoucherInfo | Unset = UNSET
    """ The voucher used to recharge the account. """
    zip_: str | Unset = UNSET
    """ The postal (zip) code. Possible length: 2-10 characters; allows letters, digits, spaces, and dashes. UI
    equivalent: "Postal code" input field on the Edit Account -> Personal info -> General info -> Address info
    panel. """

    def to_dict(self) -> dict[str, Any]:
        activation_date: str | Unset = UNSET
        if not isinstance(self.activation_date, Unset):
            activation_date = (
                self.activation_date.isoformat()
                if isinstance(self.activation_date, datetime.date)
                else self.activation_date
            )

        address_line_2 = self.address_line_2

        alias_did_number_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alias_did_number_list, Unset):
            alias_did_number_list = []
            for alias_did_number_list_item_data in self.alias_did_number_list:
                alias_did_number_list_item = (
                    alias_did_number_list_item_data.to_dict()
                    if isinstance(alias_did_number_list_item_data, AliasDidNumber)
                    else alias_did_number_list_item_data
                )
                alias_did_number_list.append(alias_did_number_list_item)

        assigned_addons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assigned_addons, Unset):
            assigned_addons = []
            for assigned_addons_item_data in self.assigned_addons:
                assigned_addons_item = (
                    assigned_addons_item_data.to_dict()
                    if isinstance(assigned_addons_item_data, AssignedAddon)
                    else assigned_addons_item_data
                )
                assigned_addons.append(assigned_addons_item)

        aux_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.aux_fields, Unset):
            aux_fields = []
            for aux_fields_item_data in self.aux_fields:
                aux_fields_item = (
                    aux_fields_item_data.to_dict()
                    if isinstance(aux_fields_item_data, AuxField)
                    else aux_fields_item_data
                )
                aux_fields.append(aux_fields_item)

        baddr1 = self.baddr1

        batch_name = self.batch_name

        bcc = self.bcc

        bill_status: str | Unset = UNSET
        if not isinstance(self.bill_status, Unset):
            bill_status = (
                self.bill_status.value if isinstance(self.bill_status, AccountInfoBillStatus) else self.bill_status
            )

        billing_model: int | Unset = UNSET
        if not isinstance(self.billing_model, Unset):
            billing_model = (
                self.billing_model.value
                if isinstance(self.billing_model, AccountInfoBillingModel)
                else self.billing_model
            )

        blocked: str | Unset = UNSET
        if not isinstance(self.blocked, Unset):
            blocked = self.blocked.value if isinstance(self.blocked, YesNo) else self.blocked

        call_processing_mode_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.call_processing_mode_info, Unset):
            call_processing_mode_info = (
                self.call_processing_mode_info.to_dict()
                if isinstance(self.call_processing_mode_info, CallProcessingModeInfo)
                else self.call_processing_mode_info
            )

        city = self.city

        companyname = self.companyname

        cont1 = self.cont1

        cont2 = self.cont2

        control_number = self.control_number

        country = self.country

        credit_limit = self.credit_limit

        ecommerce_enabled: str | Unset = UNSET
        if not isinstance(self.ecommerce_enabled, Unset):
            ecommerce_enabled = (
                self.ecommerce_enabled.value if isinstance(self.ecommerce_enabled, YesNo) else self.ecommerce_enabled
            )

        email = self.email

        expiration_date: str | Unset = UNSET
        if not isinstance(self.expiration_date, Unset):
            expiration_date = (
                self.expiration_date.isoformat()
                if isinstance(self.expiration_date, datetime.date)
                else self.expiration_date
            )

        faxnum = self.faxnum

        firstname = self.firstname

        h323_password = self.h323_password

        i_account = self.i_account

        i_account_balance_control_type: int | Unset = UNSET
        if not isinstance(self.i_account_balance_control_type, Unset):
            i_account_balance_control_type = (
                self.i_account_balance_control_type.value
                if isinstance(self.i_account_balance_control_type, AccountInfoIAccountBalanceControlType)
                else self.i_account_balance_control_type
            )

        i_account_role: int | Unset = UNSET
        if not isinstance(self.i_account_role, Unset):
            i_account_role = (
                self.i_account_role.value
                if isinstance(self.i_account_role, AccountInfoIAccountRole)
                else self.i_account_role
            )

        i_acl = self.i_acl

        i_batch = self.i_batch

        i_customer = self.i_customer

        i_customer_site = self.i_customer_site

        i_distributor = self.i_distributor

        i_lang = self.i_lang

        i_master_account = self.i_master_account

        i_product = self.i_product

        i_role = self.i_role

        i_time_zone = self.i_time_zone

        i_vd_plan = self.i_vd_plan

        id = self.id

        in_date_format = self.in_date_format

        in_time_format = self.in_time_format

        inactivity_expire_time = self.inactivity_expire_time

        included_services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.included_services, Unset):
            included_services = []
            for included_services_item_data in self.included_services:
                included_services_item = (
                    included_services_item_data.to_dict()
                    if isinstance(included_services_item_data, IncludedService)
                    else included_services_item_data
                )
                included_services.append(included_services_item)

        lastname = self.lastname

        life_time = self.life_time

        login = self.login

        midinit = self.midinit

        note = self.note

        notepad = self.notepad

        opening_balance = self.opening_balance

        out_date_format = self.out_date_format

        out_date_time_format = self.out_date_time_format

        out_time_format = self.out_time_format

        password = self.password

        phone1 = self.phone1

        phone2 = self.phone2

        redirect_number = self.redirect_number

        salutation = self.salutation

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

        sim_card_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sim_card_info, Unset):
            sim_card_info = (
                self.sim_card_info.to_dict() if isinstance(self.sim_card_info, SimCardInfo) else self.sim_card_info
            )

        state = self.state

        subscriber_email = self.subscriber_email

        ua_profile_id = self.ua_profile_id

        voucher_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voucher_info, Unset):
            voucher_info = (
                self.voucher_info.to_dict() if isinstance(self.voucher_info, VoucherInfo) else self.voucher_info
            )

        zip_ = self.zip_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activation_date is not UNSET:
            field_dict["activation_date"] = activation_date
        if address_line_2 is not UNSET:
            field_dict["address_line_2"] = address_line_2
        if alias_did_number_list is not UNSET:
            field_dict["alias_did_number_list"] = alias_did_number_list
        if assigned_addons is not UNSET:
            field_dict["assigned_addons"] = assigned_addons
        if aux_fields is not UNSET:
            field_dict["aux_fields"] = aux_fields
        if baddr1 is not UNSET:
            field_dict["baddr1"] = baddr1
        if batch_name is not UNSET:
            field_dict["batch_name"] = batch_name
        if bcc is not UNSET:
            field_dict["bcc"] = bcc
        if bill_status is not UNSET:
            field_dict["bill_status"] = bill_status
        if billing_model is not UNSET:
            field_dict["billing_model"] = billing_model
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if call_processing_mode_info is not UNSET:
            field_dict["call_processing_mode_info"] = call_processing_mode_info
        if city is not UNSET:
            field_dict["city"] = city
        if companyname is not UNSET:
            field_dict["companyname"] = companyname
        if cont1 is not UNSET:
            field_dict["cont1"] = cont1
        if cont2 is not UNSET:
            field_dict["cont2"] = cont2
        if control_number is not UNSET:
            field_dict["control_number"] = control_number
        if country is not UNSET:
            field_dict["country"] = country
        if credit_limit is not UNSET:
            field_dict["credit_limit"] = credit_limit
        if ecommerce_enabled is not UNSET:
            field_dict["ecommerce_enabled"] = ecommerce_enabled
        if email is not UNSET:
            field_dict["email"] = email
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date
        if faxnum is not UNSET:
            field_dict["faxnum"] = faxnum
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if h323_password is not UNSET:
            field_dict["h323_password"] = h323_password
        if i_account is not UNSET:
            field_dict["i_account"] = i_account
        if i_account_balance_control_type is not UNSET:
            field_dict["i_account_balance_control_type"] = i_account_balance_control_type
        if i_account_role is not UNSET:
            field_dict["i_account_role"] = i_account_role
        if i_acl is not UNSET:
            field_dict["i_acl"] = i_acl
        if i_batch is not UNSET:
            field_dict["i_batch"] = i_batch
        if i_customer is not UNSET:
            field_dict["i_customer"] = i_customer
        if i_customer_site is not UNSET:
            field_dict["i_customer_site"] = i_customer_site
        if i_distributor is not UNSET:
            field_dict["i_distributor"] = i_distributor
        if i_lang is not UNSET:
            field_dict["i_lang"] = i_lang
        if i_master_account is not UNSET:
            field_dict["i_master_account"] = i_master_account
        if i_product is not UNSET:
            field_dict["i_product"] = i_product
        if i_role is not UNSET:
            field_dict["i_role"] = i_role
        if i_time_zone is not UNSET:
            field_dict["i_time_zone"] = i_time_zone
        if i_vd_plan is not UNSET:
            field_dict["i_vd_plan"] = i_vd_plan
        if id is not UNSET:
            field_dict["id"] = id
        if in_date_format is not UNSET:
            field_dict["in_date_format"] = in_date_format
        if in_time_format is not UNSET:
            field_dict["in_time_format"] = in_time_format
        if inactivity_expire_time is not UNSET:
            field_dict["inactivity_expire_time"] = inactivity_expire_time
        if included_services is not UNSET:
            field_dict["included_services"] = included_services
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if life_time is not UNSET:
            field_dict["life_time"] = life_time
        if login is not UNSET:
            field_dict["login"] = login
        if midinit is not UNSET:
            field_dict["midinit"] = midinit
        if note is not UNSET:
            field_dict["note"] = note
        if notepad is not UNSET:
            field_dict["notepad"] = notepad
        if opening_balance is not UNSET:
            field_dict["opening_balance"] = opening_balance
        if out_date_format is not UNSET:
            field_dict["out_date_format"] = out_date_format
        if out_date_time_format is not UNSET:
            field_dict["out_date_time_format"] = out_date_time_format
        if out_time_format is not UNSET:
            field_dict["out_time_format"] = out_time_format
        if password is not UNSET:
            field_dict["password"] = password
        if phone1 is not UNSET:
            field_dict["phone1"] = phone1
        if phone2 is not UNSET:
            field_dict["phone2"] = phone2
        if redirect_number is not UNSET:
            field_dict["redirect_number"] = redirect_number
        if salutation is not UNSET:
            field_dict["salutation"] = salutation
        if service_features is not UNSET:
            field_dict["service_features"] = service_features
        if sim_card_info is not UNSET:
            field_dict["sim_card_info"] = sim_card_info
        if state is not UNSET:
            field_dict["state"] = state
        if subscriber_email is not UNSET:
            field_dict["subscriber_email"] = subscriber_email
        if ua_profile_id is not UNSET:
            field_dict["ua_profile_id"] = ua_profile_id
        if voucher_info is not UNSET:
            field_dict["voucher_info"] = voucher_info
        if zip_ is not UNSET:
            field_dict["zip"] = zip_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "AccountInfo",
            d,
            known=(
                "activation_date",
                "address_line_2",
                "alias_did_number_list",
                "assigned_addons",
                "aux_fields",
                "baddr1",
                "batch_name",
                "bcc",
                "bill_status",
                "billing_model",
                "blocked",
                "call_processing_mode_info",
                "city",
                "companyname",
                "cont1",
                "cont2",
                "control_number",
                "country",
                "credit_limit",
                "ecommerce_enabled",
                "email",
                "expiration_date",
                "faxnum",
                "firstname",
                "h323_password",
                "i_account",
                "i_account_balance_control_type",
                "i_account_role",
                "i_acl",
                "i_batch",
                "i_customer",
                "i_customer_site",
                "i_distributor",
                "i_lang",
                "i_master_account",
                "i_product",
                "i_role",
                "i_time_zone",
                "i_vd_plan",
                "id",
                "in_date_format",
                "in_time_format",
                "inactivity_expire_time",
                "included_services",
                "lastname",
                "life_time",
                "login",
                "midinit",
                "note",
                "notepad",
                "opening_balance",
                "out_date_format",
                "out_date_time_format",
                "out_time_format",
                "password",
                "phone1",
                "phone2",
                "redirect_number",
                "salutation",
                "service_features",
                "sim_card_info",
                "state",
                "subscriber_email",
                "ua_profile_id",
                "voucher_info",
                "zip",
            ),
            required=(),
        )

        _activation_date = d.pop("activation_date", UNSET)
        activation_date: datetime.date | Unset
        if isinstance(_activation_date, Unset):
            activation_date = UNSET
        else:
            activation_date = datetime.date.fromisoformat(_activation_date)

        address_line_2 = d.pop("address_line_2", UNSET)

        _alias_did_number_list = d.pop("alias_did_number_list", UNSET)
        alias_did_number_list: list[AliasDidNumber] | Unset = UNSET
        if _alias_did_number_list is not UNSET:
            alias_did_number_list = []
            for alias_did_number_list_item_data in _alias_did_number_list:
                alias_did_number_list_item = AliasDidNumber.from_dict(alias_did_number_list_item_data)

                alias_did_number_list.append(alias_did_number_list_item)

        _assigned_addons = d.pop("assigned_addons", UNSET)
        assigned_addons: list[AssignedAddon] | Unset = UNSET
        if _assigned_addons is not UNSET:
            assigned_addons = []
            for assigned_addons_item_data in _assigned_addons:
                assigned_addons_item = AssignedAddon.from_dict(assigned_addons_item_data)

                assigned_addons.append(assigned_addons_item)

        _aux_fields = d.pop("aux_fields", UNSET)
        aux_fields: list[AuxField] | Unset = UNSET
        if _aux_fields is not UNSET:
            aux_fields = []
            for aux_fields_item_data in _aux_fields:
                aux_fields_item = AuxField.from_dict(aux_fields_item_data)

                aux_fields.append(aux_fields_item)

        baddr1 = d.pop("baddr1", UNSET)

        batch_name = d.pop("batch_name", UNSET)

        bcc = d.pop("bcc", UNSET)

        _bill_status = d.pop("bill_status", UNSET)
        bill_status: AccountInfoBillStatus | Unset
        if isinstance(_bill_status, Unset):
            bill_status = UNSET
        else:
            bill_status = AccountInfoBillStatus(_bill_status)

        _billing_model = d.pop("billing_model", UNSET)
        billing_model: AccountInfoBillingModel | Unset
        if isinstance(_billing_model, Unset):
            billing_model = UNSET
        else:
            billing_model = AccountInfoBillingModel(_billing_model)

        _blocked = d.pop("blocked", UNSET)
        blocked: YesNo | Unset
        if isinstance(_blocked, Unset):
            blocked = UNSET
        else:
            blocked = YesNo(_blocked)

        _call_processing_mode_info = d.pop("call_processing_mode_info", UNSET)
        call_processing_mode_info: CallProcessingModeInfo | Unset
        if isinstance(_call_processing_mode_info, Unset):
            call_processing_mode_info = UNSET
        else:
            call_processing_mode_info = CallProcessingModeInfo.from_dict(_call_processing_mode_info)

        city = d.pop("city", UNSET)

        companyname = d.pop("companyname", UNSET)

        cont1 = d.pop("cont1", UNSET)

        cont2 = d.pop("cont2", UNSET)

        control_number = d.pop("control_number", UNSET)

        country = d.pop("country", UNSET)

        credit_limit = d.pop("credit_limit", UNSET)

        _ecommerce_enabled = d.pop("ecommerce_enabled", UNSET)
        ecommerce_enabled: YesNo | Unset
        if isinstance(_ecommerce_enabled, Unset):
            ecommerce_enabled = UNSET
        else:
            ecommerce_enabled = YesNo(_ecommerce_enabled)

        email = d.pop("email", UNSET)

        _expiration_date = d.pop("expiration_date", UNSET)
        expiration_date: datetime.date | Unset
        if isinstance(_expiration_date, Unset):
            expiration_date = UNSET
        else:
            expiration_date = datetime.date.fromisoformat(_expiration_date)

        faxnum = d.pop("faxnum", UNSET)

        firstname = d.pop("firstname", UNSET)

        h323_password = d.pop("h323_password", UNSET)

        i_account = d.pop("i_account", UNSET)

        _i_account_balance_control_type = d.pop("i_account_balance_control_type", UNSET)
        i_account_balance_control_type: AccountInfoIAccountBalanceControlType | Unset
        if isinstance(_i_account_balance_control_type, Unset):
            i_account_balance_control_type = UNSET
        else:
            i_account_balance_control_type = AccountInfoIAccountBalanceControlType(_i_account_balance_control_type)

        _i_account_role = d.pop("i_account_role", UNSET)
        i_account_role: AccountInfoIAccountRole | Unset
        if isinstance(_i_account_role, Unset):
            i_account_role = UNSET
        else:
            i_account_role = AccountInfoIAccountRole(_i_account_role)

        i_acl = d.pop("i_acl", UNSET)

        i_batch = d.pop("i_batch", UNSET)

        i_customer = d.pop("i_customer", UNSET)

        i_customer_site = d.pop("i_customer_site", UNSET)

        i_distributor = d.pop("i_distributor", UNSET)

        i_lang = d.pop("i_lang", UNSET)

        i_master_account = d.pop("i_master_account", UNSET)

        i_product = d.pop("i_product", UNSET)

        i_role = d.pop("i_role", UNSET)

        i_time_zone = d.pop("i_time_zone", UNSET)

        i_vd_plan = d.pop("i_vd_plan", UNSET)

        id = d.pop("id", UNSET)

        in_date_format = d.pop("in_date_format", UNSET)

        in_time_format = d.pop("in_time_format", UNSET)

        inactivity_expire_time = d.pop("inactivity_expire_time", UNSET)

        _included_services = d.pop("included_services", UNSET)
        included_services: list[IncludedService] | Unset = UNSET
        if _included_services is not UNSET:
            included_services = []
            for included_services_item_data in _included_services:
                included_services_item = IncludedService.from_dict(included_services_item_data)

                included_services.append(included_services_item)

        lastname = d.pop("lastname", UNSET)

        life_time = d.pop("life_time", UNSET)

        login = d.pop("login", UNSET)

        midinit = d.pop("midinit", UNSET)

        note = d.pop("note", UNSET)

        notepad = d.pop("notepad", UNSET)

        opening_balance = d.pop("opening_balance", UNSET)

        out_date_format = d.pop("out_date_format", UNSET)

        out_date_time_format = d.pop("out_date_time_format", UNSET)

        out_time_format = d.pop("out_time_format", UNSET)

        password = d.pop("password", UNSET)

        phone1 = d.pop("phone1", UNSET)

        phone2 = d.pop("phone2", UNSET)

        redirect_number = d.pop("redirect_number", UNSET)

        salutation = d.pop("salutation", UNSET)

        _service_features = d.pop("service_features", UNSET)
        service_features: list[ServiceFeature] | Unset = UNSET
        if _service_features is not UNSET:
            service_features = []
            for service_features_item_data in _service_features:
                service_features_item = ServiceFeature.from_dict(service_features_item_data)

                service_features.append(service_features_item)

        _sim_card_info = d.pop("sim_card_info", UNSET)
        sim_card_info: SimCardInfo | Unset
        if isinstance(_sim_card_info, Unset):
            sim_card_info = UNSET
        else:
            sim_card_info = SimCardInfo.from_dict(_sim_card_info)

        state = d.pop("state", UNSET)

        subscriber_email = d.pop("subscriber_email", UNSET)

        ua_profile_id = d.pop("ua_profile_id", UNSET)

        _voucher_info = d.pop("voucher_info", UNSET)
        voucher_info: VoucherInfo | Unset
        if isinstance(_voucher_info, Unset):
            voucher_info = UNSET
        else:
            voucher_info = VoucherInfo.from_dict(_voucher_info)

        zip_ = d.pop("zip", UNSET)

        account_info = cls(
            activation_date=activation_date,
            address_line_2=address_line_2,
            alias_did_number_list=alias_did_number_list,
            assigned_addons=assigned_addons,
            aux_fields=aux_fields,
            baddr1=baddr1,
            batch_name=batch_name,
            bcc=bcc,
            bill_status=bill_status,
            billing_model=billing_model,
            blocked=blocked,
            call_processing_mode_info=call_processing_mode_info,
            city=city,
            companyname=companyname,
            cont1=cont1,
            cont2=cont2,
            control_number=control_number,
            country=country,
            credit_limit=credit_limit,
            ecommerce_enabled=ecommerce_enabled,
            email=email,
            expiration_date=expiration_date,
            faxnum=faxnum,
            firstname=firstname,
            h323_password=h323_password,
            i_account=i_account,
            i_account_balance_control_type=i_account_balance_control_type,
            i_account_role=i_account_role,
            i_acl=i_acl,
            i_batch=i_batch,
            i_customer=i_customer,
            i_customer_site=i_customer_site,
            i_distributor=i_distributor,
            i_lang=i_lang,
            i_master_account=i_master_account,
            i_product=i_product,
            i_role=i_role,
            i_time_zone=i_time_zone,
            i_vd_plan=i_vd_plan,
            id=id,
            in_date_format=in_date_format,
            in_time_format=in_time_format,
            inactivity_expire_time=inactivity_expire_time,
            included_services=included_services,
            lastname=lastname,
            life_time=life_time,
            login=login,
            midinit=midinit,
            note=note,
            notepad=notepad,
            opening_balance=opening_balance,
            out_date_format=out_date_format,
            out_date_time_format=out_date_time_format,
            out_time_format=out_time_format,
            password=password,
            phone1=phone1,
            phone2=phone2,
            redirect_number=redirect_number,
            salutation=salutation,
            service_features=service_features,
            sim_card_info=sim_card_info,
            state=state,
            subscriber_email=subscriber_email,
            ua_profile_id=ua_profile_id,
            voucher_info=voucher_info,
            zip_=zip_,
        )

        return account_info


class AccountInfoDict(TypedDict):
    """``AccountInfo`` as a dict: its JSON keys, for arguments that take either."""

    activation_date: NotRequired[str]
    address_line_2: NotRequired[str]
    alias_did_number_list: NotRequired[list[AliasDidNumberDict]]
    assigned_addons: NotRequired[list[AssignedAddonDict]]
    aux_fields: NotRequired[list[AuxFieldDict]]
    baddr1: NotRequired[str]
    batch_name: NotRequired[str]
    bcc: NotRequired[str]
    bill_status: NotRequired[AccountInfoBillStatus | Literal["O", "I", "C"]]
    billing_model: NotRequired[AccountInfoBillingModel | Literal[-1, 0, 1, 2, 4]]
    blocked: NotRequired[YesNo | Literal["Y", "N"]]
    call_processing_mode_info: NotRequired[CallProcessingModeInfoDict]
    city: NotRequired[str]
    companyname: NotRequired[str]
    cont1: NotRequired[str]
    cont2: NotRequired[str]
    control_number: NotRequired[int]
    country: NotRequired[str]
    credit_limit: NotRequired[float]
    ecommerce_enabled: NotRequired[YesNo | Literal["Y", "N"]]
    email: NotRequired[str]
    expiration_date: NotRequired[str]
    faxnum: NotRequired[str]
    firstname: NotRequired[str]
    h323_password: NotRequired[str]
    i_account: NotRequired[int]
    i_account_balance_control_type: NotRequired[AccountInfoIAccountBalanceControlType | Literal[1, 2, 3]]
    i_account_role: NotRequired[AccountInfoIAccountRole | Literal[1, 2, 3, 4, 5, 6, 7, 8, 9]]
    i_acl: NotRequired[int]
    i_batch: NotRequired[int]
    i_customer: NotRequired[int]
    i_customer_site: NotRequired[int]
    i_distributor: NotRequired[int]
    i_lang: NotRequired[str]
    i_master_account: NotRequired[int]
    i_product: NotRequired[int]
    i_role: NotRequired[int]
    i_time_zone: NotRequired[int]
    i_vd_plan: NotRequired[int]
    id: NotRequired[str]
    in_date_format: NotRequired[str]
    in_time_format: NotRequired[str]
    inactivity_expire_time: NotRequired[int]
    included_services: NotRequired[list[IncludedServiceDict]]
    lastname: NotRequired[str]
    life_time: NotRequired[int]
    login: NotRequired[str]
    midinit: NotRequired[str]
    note: NotRequired[str]
    notepad: NotRequired[str]
    opening_balance: NotRequired[float]
    out_date_format: NotRequired[str]
    out_date_time_format: NotRequired[str]
    out_time_format: NotRequired[str]
    password: NotRequired[str]
    phone1: NotRequired[str]
    phone2: NotRequired[str]
    redirect_number: NotRequired[str]
    salutation: NotRequired[str]
    service_features: NotRequired[list[ServiceFeatureDict]]
    sim_card_info: NotRequired[SimCardInfoDict]
    state: NotRequired[str]
    subscriber_email: NotRequired[str]
    ua_profile_id: NotRequired[int]
    voucher_info: NotRequired[VoucherInfoDict]
    zip: NotRequired[str]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.alias_did_number import AliasDidNumber  # noqa: E402
from ..models.assigned_addon import AssignedAddon  # noqa: E402
from ..models.aux_field import AuxField  # noqa: E402
from ..models.call_processing_mode_info import CallProcessingModeInfo  # noqa: E402
from ..models.included_service import IncludedService  # noqa: E402
from ..models.service_feature import ServiceFeature  # noqa: E402
from ..models.sim_card_info import SimCardInfo  # noqa: E402
from ..models.voucher_info import VoucherInfo  # noqa: E402
