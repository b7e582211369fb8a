from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.login_with_password import LoginWithPassword, LoginWithPasswordDict
    from ..models.login_with_token import LoginWithToken, LoginWithTokenDict


T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """The request body of Session/login."""

    params: LoginWithPassword | LoginWithToken
    """ The credentials: a login with either a password or a token. """

    def to_dict(self) -> dict[str, Any]:
        params: dict[str, Any]
        if isinstance(self.params, LoginWithPassword):
            params = self.params.to_dict() if isinstance(self.params, LoginWithPassword) else self.params
        else:
            params = self.params.to_dict() if isinstance(self.params, LoginWithToken) else self.params

        field_dict: dict[str, Any] = {}

        field_dict.update({"params": params})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("LoginRequest", d, known=("params",), required=("params",))

        def _parse_params(data: object) -> LoginWithPassword | LoginWithToken:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                params_type_0 = LoginWithPassword.from_dict(data)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            params_type_1 = LoginWithToken.from_dict(data)

            return params_type_1

        params = _parse_params(d.pop("params"))

        login_request = cls(params=params)

        return login_request


class LoginRequestDict(TypedDict):
    """``LoginRequest`` as a dict: its JSON keys, for arguments that take either."""

    params: LoginWithPasswordDict | LoginWithTokenDict


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.login_with_password import LoginWithPassword  # noqa: E402
from ..models.login_with_token import LoginWithToken  # noqa: E402
