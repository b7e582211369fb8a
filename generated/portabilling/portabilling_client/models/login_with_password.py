from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

T = TypeVar("T", bound="LoginWithPassword")


@_attrs_define
class LoginWithPassword:
    """Log in with a login and password."""

    login: str
    """ The user's login. """
    password: str
    """ The user's password. """

    def to_dict(self) -> dict[str, Any]:
        login = self.login

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update({"login": login, "password": password})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("LoginWithPassword", d, known=("login", "password"), required=("login", "password"))

        login = d.pop("login")

        password = d.pop("password")

        login_with_password = cls(login=login, password=password)

        return login_with_password


class LoginWithPasswordDict(TypedDict):
    """``LoginWithPassword`` as a dict: its JSON keys, for arguments that take either."""

    login: str
    password: str
