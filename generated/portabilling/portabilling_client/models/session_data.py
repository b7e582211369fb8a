from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionData")


@_attrs_define
class SessionData:
    """The session data returned by Session/login and Session/refresh_access_token."""

    access_token: str
    """ The access token (a JWT), sent as Authorization: Bearer <access_token>. """
    expires_at: str
    """ A PortaBilling date and time, written 'YYYY-MM-DD HH:MM:SS' (a space between date and time, no time-zone
    designator). """
    refresh_token: str
    """ The token to send to Session/refresh_access_token for a new access token. """
    session_id: str
    """ The ID of the session. """
    expires_in: int | Unset = UNSET
    """ How many seconds the access token lives, counted from this answer. Optional: when it is present, the client
    renews the session shortly before it runs out (a leeway that scales with the lifetime) instead of waiting for a
    session fault; expires_at, in the server's local time with no zone, is not used for that. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_at = self.expires_at

        refresh_token = self.refresh_token

        session_id = self.session_id

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_at": expires_at,
                "refresh_token": refresh_token,
                "session_id": session_id,
            }
        )
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_at = d.pop("expires_at")

        refresh_token = d.pop("refresh_token")

        session_id = d.pop("session_id")

        expires_in = d.pop("expires_in", UNSET)

        session_data = cls(
            access_token=access_token,
            expires_at=expires_at,
            refresh_token=refresh_token,
            session_id=session_id,
            expires_in=expires_in,
        )

        session_data.additional_properties = d
        return session_data

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
