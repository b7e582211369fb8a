from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, TypeVar, cast
from uuid import UUID

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_user_info import AccountUserInfo, AccountUserInfoDict


T = TypeVar("T", bound="AccountV3")


@_attrs_define
class AccountV3:
    """The account model of the SMS+ API. Every row of the page's AccountV3 table is here, plus
    UserPassword, FirstName and LastName, which the page's table omits but its samples send
    (FirstName and LastName are also in the list of members this method uses).

    This method uses only: Address, ContactNumber, Disclaimer, EmailAddress, FirstName,
    LanguageID, LastName, Logo, LogoName, Name, SMSPassword, SMSUsername, TimeZone,
    TwoFactorEnabled, Website. The other members are accepted and ignored.

    """

    contact_number: str
    """ The contact number for the account. """
    email_address: str
    """ The main email address for the account. """
    sms_password: str
    """ The password the account's 2sms account. """
    sms_username: str
    """ The username for the account's 2sms account. """
    time_zone: str
    """ The default time zone for the account. """
    user_password: str | Unset = UNSET
    """ Not in the page's AccountV3 table; sent in both of the page's request samples. Its meaning is not
    documented. Not used by this method. """
    country_code: str | Unset = UNSET
    """ The dialing code of the country the account is registered in. """
    ndd: str | Unset = UNSET
    """ The national dialing code of the country the account is registered in. """
    idd: str | Unset = UNSET
    """ The international dialing code used in the country the account it;s registered in. """
    timeout: int | Unset = UNSET
    """ The default timeout of the login in user. """
    type_: str | Unset = UNSET
    """ Gets the type of account which determines what the account can do to its subaccounts. """
    id: UUID | Unset = UNSET
    """ The unique identifier for the account. """
    account_id: UUID | Unset = UNSET
    """ The unique identifier for the parent account. """
    address: str | Unset = UNSET
    """ The address of the account. """
    any_time_balance: float | Unset = UNSET
    """ The anytime balance of the account. """
    phone_number: str | Unset = UNSET
    """ The contact number for the account. """
    date_created: datetime.datetime | Unset = UNSET
    """ The date the account was created """
    date_modified: datetime.datetime | Unset = UNSET
    """ The date the account was last modified """
    disclaimer: str | Unset = UNSET
    """ The text that is displayed at the bottom of the advanced messages. """
    disclaimer_remove: bool | Unset = UNSET
    """ Determines if the disclaimer should be removed. """
    enabled: bool | Unset = UNSET
    """ Determines if the account is active or inactive. """
    first_name: str | Unset = UNSET
    """ First name. Not in the page's AccountV3 table; listed among the members this method uses and sent in both
    request samples. """
    defaultheader: str | Unset = UNSET
    """ The name of the default header """
    language_id: UUID | Unset = UNSET
    """ The default language Id for the account. """
    language_name: str | Unset = UNSET
    """ The name of the language """
    last_name: str | Unset = UNSET
    """ Last name. Not in the page's AccountV3 table; listed among the members this method uses and sent in both
    request samples. """
    location: str | Unset = UNSET
    """ The country of the account. """
    logo: str | Unset = UNSET
    """ Base64 encoded string containing the logo that is displayed on advanced messages """
    logo_removed: bool | Unset = UNSET
    """ Determines if the logo should be removed. """
    logo_name: str | Unset = UNSET
    """ The name of the logo file that is displayed on the web interface """
    name: str | Unset = UNSET
    """ The company name of the account. """
    off_peak_balance: float | Unset = UNSET
    """ The off peak balance of the account. """
    preferences: list[int] | Unset = UNSET
    """ Determines how the UI of SMS+ plus is displayed for this account. Provide a list of all preferences you wish
    to set on the account. Any preferences set previously will be overwritten with the preferences set on the
    request.

    Collection of AccountPreferences. The value list is not documented.
     """
    scim_enabled: bool | Unset = UNSET
    """ Determines if SCIM has been enabled on the account. """
    two_factor_enabled: bool | Unset = UNSET
    """ Determines if two factor authentication has been enabled on the account. """
    url: str | Unset = UNSET
    """ The Url for the account. """
    users: list[AccountUserInfo] | Unset = UNSET
    """ Displays all users that have access to this account along with their permissions. Collection of
    AccountUserInfo. """
    validated: bool | Unset = UNSET
    """ Determines if the account has been validated. """
    website: str | Unset = UNSET
    """ The URL of the website for the account. """

    def to_dict(self) -> dict[str, Any]:
        contact_number = self.contact_number

        email_address = self.email_address

        sms_password = self.sms_password

        sms_username = self.sms_username

        time_zone = self.time_zone

        user_password = self.user_password

        country_code = self.country_code

        ndd = self.ndd

        idd = self.idd

        timeout = self.timeout

        type_ = self.type_

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        address = self.address

        any_time_balance = self.any_time_balance

        phone_number = self.phone_number

        date_created: str | Unset = UNSET
        if not isinstance(self.date_created, Unset):
            date_created = (
                self.date_created.isoformat() if isinstance(self.date_created, datetime.datetime) else self.date_created
            )

        date_modified: str | Unset = UNSET
        if not isinstance(self.date_modified, Unset):
            date_modified = (
                self.date_modified.isoformat()
                if isinstance(self.date_modified, datetime.datetime)
                else self.date_modified
            )

        disclaimer = self.disclaimer

        disclaimer_remove = self.disclaimer_remove

        enabled = self.enabled

        first_name = self.first_name

        defaultheader = self.defaultheader

        language_id: str | Unset = UNSET
        if not isinstance(self.language_id, Unset):
            language_id = str(self.language_id)

        language_name = self.language_name

        last_name = self.last_name

        location = self.location

        logo = self.logo

        logo_removed = self.logo_removed

        logo_name = self.logo_name

        name = self.name

        off_peak_balance = self.off_peak_balance

        preferences: list[int] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences

        scim_enabled = self.scim_enabled

        two_factor_enabled = self.two_factor_enabled

        url = self.url

        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = (
                    users_item_data.to_dict() if isinstance(users_item_data, AccountUserInfo) else users_item_data
                )
                users.append(users_item)

        validated = self.validated

        website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ContactNumber": contact_number,
                "EmailAddress": email_address,
                "SMSPassword": sms_password,
                "SMSUsername": sms_username,
                "TimeZone": time_zone,
            }
        )
        if user_password is not UNSET:
            field_dict["UserPassword"] = user_password
        if country_code is not UNSET:
            field_dict["CountryCode"] = country_code
        if ndd is not UNSET:
            field_dict["NDD"] = ndd
        if idd is not UNSET:
            field_dict["IDD"] = idd
        if timeout is not UNSET:
            field_dict["Timeout"] = timeout
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if id is not UNSET:
            field_dict["ID"] = id
        if account_id is not UNSET:
            field_dict["AccountID"] = account_id
        if address is not UNSET:
            field_dict["Address"] = address
        if any_time_balance is not UNSET:
            field_dict["AnyTimeBalance"] = any_time_balance
        if phone_number is not UNSET:
            field_dict["PhoneNumber"] = phone_number
        if date_created is not UNSET:
            field_dict["DateCreated"] = date_created
        if date_modified is not UNSET:
            field_dict["DateModified"] = date_modified
        if disclaimer is not UNSET:
            field_dict["Disclaimer"] = disclaimer
        if disclaimer_remove is not UNSET:
            field_dict["DisclaimerRemove"] = disclaimer_remove
        if enabled is not UNSET:
            field_dict["Enabled"] = enabled
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if defaultheader is not UNSET:
            field_dict["Defaultheader"] = defaultheader
        if language_id is not UNSET:
            field_dict["LanguageID"] = language_id
        if language_name is not UNSET:
            field_dict["LanguageName"] = language_name
        if last_name is not UNSET:
            field_dict["LastName"] = last_name
        if location is not UNSET:
            field_dict["Location"] = location
        if logo is not UNSET:
            field_dict["Logo"] = logo
        if logo_removed is not UNSET:
            field_dict["LogoRemoved"] = logo_removed
        if logo_name is not UNSET:
            field_dict["LogoName"] = logo_name
        if name is not UNSET:
            field_dict["Name"] = name
        if off_peak_balance is not UNSET:
            field_dict["OffPeakBalance"] = off_peak_balance
        if preferences is not UNSET:
            field_dict["Preferences"] = preferences
        if scim_enabled is not UNSET:
            field_dict["SCIMEnabled"] = scim_enabled
        if two_factor_enabled is not UNSET:
            field_dict["TwoFactorEnabled"] = two_factor_enabled
        if url is not UNSET:
            field_dict["URL"] = url
        if users is not UNSET:
            field_dict["Users"] = users
        if validated is not UNSET:
            field_dict["Validated"] = validated
        if website is not UNSET:
            field_dict["Website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "AccountV3",
            d,
            known=(
                "ContactNumber",
                "EmailAddress",
                "SMSPassword",
                "SMSUsername",
                "TimeZone",
                "UserPassword",
                "CountryCode",
                "NDD",
                "IDD",
                "Timeout",
                "Type",
                "ID",
                "AccountID",
                "Address",
                "AnyTimeBalance",
                "PhoneNumber",
                "DateCreated",
                "DateModified",
                "Disclaimer",
                "DisclaimerRemove",
                "Enabled",
                "FirstName",
                "Defaultheader",
                "LanguageID",
                "LanguageName",
                "LastName",
                "Location",
                "Logo",
                "LogoRemoved",
                "LogoName",
                "Name",
                "OffPeakBalance",
                "Preferences",
                "SCIMEnabled",
                "TwoFactorEnabled",
                "URL",
                "Users",
                "Validated",
                "Website",
            ),
            required=("ContactNumber", "EmailAddress", "SMSPassword", "SMSUsername", "TimeZone"),
        )

        contact_number = d.pop("ContactNumber")

        email_address = d.pop("EmailAddress")

        sms_password = d.pop("SMSPassword")

        sms_username = d.pop("SMSUsername")

        time_zone = d.pop("TimeZone")

        user_password = d.pop("UserPassword", UNSET)

        country_code = d.pop("CountryCode", UNSET)

        ndd = d.pop("NDD", UNSET)

        idd = d.pop("IDD", UNSET)

        timeout = d.pop("Timeout", UNSET)

        type_ = d.pop("Type", UNSET)

        _id = d.pop("ID", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _account_id = d.pop("AccountID", UNSET)
        account_id: UUID | Unset
        if isinstance(_account_id, Unset):
            account_id = UNSET
        else:
            account_id = UUID(_account_id)

        address = d.pop("Address", UNSET)

        any_time_balance = d.pop("AnyTimeBalance", UNSET)

        phone_number = d.pop("PhoneNumber", UNSET)

        _date_created = d.pop("DateCreated", UNSET)
        date_created: datetime.datetime | Unset
        if isinstance(_date_created, Unset):
            date_created = UNSET
        else:
            date_created = datetime.datetime.fromisoformat(_date_created)

        _date_modified = d.pop("DateModified", UNSET)
        date_modified: datetime.datetime | Unset
        if isinstance(_date_modified, Unset):
            date_modified = UNSET
        else:
            date_modified = datetime.datetime.fromisoformat(_date_modified)

        disclaimer = d.pop("Disclaimer", UNSET)

        disclaimer_remove = d.pop("DisclaimerRemove", UNSET)

        enabled = d.pop("Enabled", UNSET)

        first_name = d.pop("FirstName", UNSET)

        defaultheader = d.pop("Defaultheader", UNSET)

        _language_id = d.pop("LanguageID", UNSET)
        language_id: UUID | Unset
        if isinstance(_language_id, Unset):
            language_id = UNSET
        else:
            language_id = UUID(_language_id)

        language_name = d.pop("LanguageName", UNSET)

        last_name = d.pop("LastName", UNSET)

        location = d.pop("Location", UNSET)

        logo = d.pop("Logo", UNSET)

        logo_removed = d.pop("LogoRemoved", UNSET)

        logo_name = d.pop("LogoName", UNSET)

        name = d.pop("Name", UNSET)

        off_peak_balance = d.pop("OffPeakBalance", UNSET)

        preferences = cast(list[int], d.pop("Preferences", UNSET))

        scim_enabled = d.pop("SCIMEnabled", UNSET)

        two_factor_enabled = d.pop("TwoFactorEnabled", UNSET)

        url = d.pop("URL", UNSET)

        _users = d.pop("Users", UNSET)
        users: list[AccountUserInfo] | Unset = UNSET
        if _users is not UNSET:
            users = []
            for users_item_data in _users:
                users_item = AccountUserInfo.from_dict(users_item_data)

                users.append(users_item)

        validated = d.pop("Validated", UNSET)

        website = d.pop("Website", UNSET)

        account_v3 = cls(
            contact_number=contact_number,
            email_address=email_address,
            sms_password=sms_password,
            sms_username=sms_username,
            time_zone=time_zone,
            user_password=user_password,
            country_code=country_code,
            ndd=ndd,
            idd=idd,
            timeout=timeout,
            type_=type_,
            id=id,
            account_id=account_id,
            address=address,
            any_time_balance=any_time_balance,
            phone_number=phone_number,
            date_created=date_created,
            date_modified=date_modified,
            disclaimer=disclaimer,
            disclaimer_remove=disclaimer_remove,
            enabled=enabled,
            first_name=first_name,
            defaultheader=defaultheader,
            language_id=language_id,
            language_name=language_name,
            last_name=last_name,
            location=location,
            logo=logo,
            logo_removed=logo_removed,
            logo_name=logo_name,
            name=name,
            off_peak_balance=off_peak_balance,
            preferences=preferences,
            scim_enabled=scim_enabled,
            two_factor_enabled=two_factor_enabled,
            url=url,
            users=users,
            validated=validated,
            website=website,
        )

        return account_v3


class AccountV3Dict(TypedDict):
    """``AccountV3`` as a dict: its JSON keys, for arguments that take either."""

    ContactNumber: str
    EmailAddress: str
    SMSPassword: str
    SMSUsername: str
    TimeZone: str
    UserPassword: NotRequired[str]
    CountryCode: NotRequired[str]
    NDD: NotRequired[str]
    IDD: NotRequired[str]
    Timeout: NotRequired[int]
    Type: NotRequired[str]
    ID: NotRequired[str]
    AccountID: NotRequired[str]
    Address: NotRequired[str]
    AnyTimeBalance: NotRequired[float]
    PhoneNumber: NotRequired[str]
    DateCreated: NotRequired[str]
    DateModified: NotRequired[str]
    Disclaimer: NotRequired[str]
    DisclaimerRemove: NotRequired[bool]
    Enabled: NotRequired[bool]
    FirstName: NotRequired[str]
    Defaultheader: NotRequired[str]
    LanguageID: NotRequired[str]
    LanguageName: NotRequired[str]
    LastName: NotRequired[str]
    Location: NotRequired[str]
    Logo: NotRequired[str]
    LogoRemoved: NotRequired[bool]
    LogoName: NotRequired[str]
    Name: NotRequired[str]
    OffPeakBalance: NotRequired[float]
    Preferences: NotRequired[list[int]]
    SCIMEnabled: NotRequired[bool]
    TwoFactorEnabled: NotRequired[bool]
    URL: NotRequired[str]
    Users: NotRequired[list[AccountUserInfoDict]]
    Validated: NotRequired[bool]
    Website: NotRequired[str]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.account_user_info import AccountUserInfo  # noqa: E402
