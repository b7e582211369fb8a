from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

T = TypeVar("T", bound="RefreshAccessTokenParams")


@_attrs_define
class RefreshAccessTokenParams:
    """The parameters of Session/refresh_access_token."""

    refresh_token: str
    """ The refresh_token returned by Session/login or by an earlier refresh. """

    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}

        field_dict.update({"refresh_token": refresh_token})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("RefreshAccessTokenParams", d, known=("refresh_token",), required=("refresh_token",))

        refresh_token = d.pop("refresh_token")

        refresh_access_token_params = cls(refresh_token=refresh_token)

        return refresh_access_token_params


class RefreshAccessTokenParamsDict(TypedDict):
    """``RefreshAccessTokenParams`` as a dict: its JSON keys, for arguments that take either."""

    refresh_token: str
