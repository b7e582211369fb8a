from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubaccountCallbacks")


@_attrs_define
class SubaccountCallbacks:
    """Object containing callback URLs."""

    callback_url_for_deliveries: str | Unset = UNSET
    """ URL where you would like to receive DR callbacks. """
    callback_url_for_blacklisted_numbers: str | Unset = UNSET
    """ URL where you would like to receive unsubscribe requests (stops). """
    callback_url_for_visits: str | Unset = UNSET
    """ URL where you would like to receive callbacks for visits. """
    callback_url_for_inbounds: str | Unset = UNSET
    """ URL where you would like to receive inbound messages callbacks. """
    email_for_inbounds: str | Unset = UNSET
    """ Email address to which you would like incoming messages to be forwarded. """

    def to_dict(self) -> dict[str, Any]:
        callback_url_for_deliveries = self.callback_url_for_deliveries

        callback_url_for_blacklisted_numbers = self.callback_url_for_blacklisted_numbers

        callback_url_for_visits = self.callback_url_for_visits

        callback_url_for_inbounds = self.callback_url_for_inbounds

        email_for_inbounds = self.email_for_inbounds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if callback_url_for_deliveries is not UNSET:
            field_dict["callback_url_for_deliveries"] = callback_url_for_deliveries
        if callback_url_for_blacklisted_numbers is not UNSET:
            field_dict["callback_url_for_blacklisted_numbers"] = callback_url_for_blacklisted_numbers
        if callback_url_for_visits is not UNSET:
            field_dict["callback_url_for_visits"] = callback_url_for_visits
        if callback_url_for_inbounds is not UNSET:
            field_dict["callback_url_for_inbounds"] = callback_url_for_inbounds
        if email_for_inbounds is not UNSET:
            field_dict["email_for_inbounds"] = email_for_inbounds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "SubaccountCallbacks",
            d,
            known=(
                "callback_url_for_deliveries",
                "callback_url_for_blacklisted_numbers",
                "callback_url_for_visits",
                "callback_url_for_inbounds",
                "email_for_inbounds",
            ),
            required=(),
        )

        callback_url_for_deliveries = d.pop("callback_url_for_deliveries", UNSET)

        callback_url_for_blacklisted_numbers = d.pop("callback_url_for_blacklisted_numbers", UNSET)

        callback_url_for_visits = d.pop("callback_url_for_visits", UNSET)

        callback_url_for_inbounds = d.pop("callback_url_for_inbounds", UNSET)

        email_for_inbounds = d.pop("email_for_inbounds", UNSET)

        subaccount_callbacks = cls(
            callback_url_for_deliveries=callback_url_for_deliveries,
            callback_url_for_blacklisted_numbers=callback_url_for_blacklisted_numbers,
            callback_url_for_visits=callback_url_for_visits,
            callback_url_for_inbounds=callback_url_for_inbounds,
            email_for_inbounds=email_for_inbounds,
        )

        return subaccount_callbacks


class SubaccountCallbacksDict(TypedDict):
    """``SubaccountCallbacks`` as a dict: its JSON keys, for arguments that take either."""

    callback_url_for_deliveries: NotRequired[str]
    callback_url_for_blacklisted_numbers: NotRequired[str]
    callback_url_for_visits: NotRequired[str]
    callback_url_for_inbounds: NotRequired[str]
    email_for_inbounds: NotRequired[str]
