from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.refresh_access_token_params import RefreshAccessTokenParams, RefreshAccessTokenParamsDict


T = TypeVar("T", bound="RefreshAccessTokenRequest")


@_attrs_define
class RefreshAccessTokenRequest:
    """The request body of Session/refresh_access_token."""

    params: RefreshAccessTokenParams
    """ The parameters of Session/refresh_access_token. """

    def to_dict(self) -> dict[str, Any]:
        params = self.params.to_dict() if isinstance(self.params, RefreshAccessTokenParams) else self.params

        field_dict: dict[str, Any] = {}

        field_dict.update({"params": params})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("RefreshAccessTokenRequest", d, known=("params",), required=("params",))

        params = RefreshAccessTokenParams.from_dict(d.pop("params"))

        refresh_access_token_request = cls(params=params)

        return refresh_access_token_request


class RefreshAccessTokenRequestDict(TypedDict):
    """``RefreshAccessTokenRequest`` as a dict: its JSON keys, for arguments that take either."""

    params: RefreshAccessTokenParamsDict


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.refresh_access_token_params import RefreshAccessTokenParams  # noqa: E402
