from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

T = TypeVar("T", bound="LogoutParams")


@_attrs_define
class LogoutParams:
    """The parameters of Session/logout."""

    access_token: str
    """ The access token of the session to close. """

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        field_dict: dict[str, Any] = {}

        field_dict.update({"access_token": access_token})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("LogoutParams", d, known=("access_token",), required=("access_token",))

        access_token = d.pop("access_token")

        logout_params = cls(access_token=access_token)

        return logout_params


class LogoutParamsDict(TypedDict):
    """``LogoutParams`` as a dict: its JSON keys, for arguments that take either."""

    access_token: str
