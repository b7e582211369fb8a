from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Fault")


@_attrs_define
class Fault:
    """A PortaBilling fault, returned with HTTP 500 for every failed call. The faultcodes
    Server.Session.check_auth.auth_failed, Client.check_auth.envelope_missed,
    Client.Session.check_auth.failed_to_process_jwt, Client.Session.check_auth.failed_to_process_access_token mean the
    caller is not authenticated or the session has expired: log in again (Session/login) or renew the access token
    (Session/refresh_access_token) and repeat the call. A failed Session/login returns Server.Session.auth_failed, and
    Server.Session.cannot_login_brute_force_activity when the login is locked out after too many failed attempts: both
    are refused logins, not worth repeating.

    """

    faultcode: str
    """ The error code. """
    faultstring: str
    """ Text description of the error. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        faultcode = self.faultcode

        faultstring = self.faultstring

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({"faultcode": faultcode, "faultstring": faultstring})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        faultcode = d.pop("faultcode")

        faultstring = d.pop("faultstring")

        fault = cls(faultcode=faultcode, faultstring=faultstring)

        fault.additional_properties = d
        return fault

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
