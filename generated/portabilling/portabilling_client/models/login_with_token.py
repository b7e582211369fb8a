from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

T = TypeVar("T", bound="LoginWithToken")


@_attrs_define
class LoginWithToken:
    """Log in with a login and an API token."""

    login: str
    """ The user's login. """
    token: str
    """ The API token issued for the user. """

    def to_dict(self) -> dict[str, Any]:
        login = self.login

        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update({"login": login, "token": token})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("LoginWithToken", d, known=("login", "token"), required=("login", "token"))

        login = d.pop("login")

        token = d.pop("token")

        login_with_token = cls(login=login, token=token)

        return login_with_token


class LoginWithTokenDict(TypedDict):
    """``LoginWithToken`` as a dict: its JSON keys, for arguments that take either."""

    login: str
    token: str
