from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.logout_params import LogoutParams, LogoutParamsDict


T = TypeVar("T", bound="LogoutRequest")


@_attrs_define
class LogoutRequest:
    """The request body of Session/logout."""

    params: LogoutParams
    """ The parameters of Session/logout. """

    def to_dict(self) -> dict[str, Any]:
        params = self.params.to_dict() if isinstance(self.params, LogoutParams) else self.params

        field_dict: dict[str, Any] = {}

        field_dict.update({"params": params})

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys("LogoutRequest", d, known=("params",), required=("params",))

        params = LogoutParams.from_dict(d.pop("params"))

        logout_request = cls(params=params)

        return logout_request


class LogoutRequestDict(TypedDict):
    """``LogoutRequest`` as a dict: its JSON keys, for arguments that take either."""

    params: LogoutParamsDict


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.logout_params import LogoutParams  # noqa: E402
